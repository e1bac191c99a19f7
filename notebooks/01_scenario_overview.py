# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["lang-note"]
# *Each English text is followed by its Indonesian translation; `python -m sim notebook` keeps the language of `lang`
# only.*
#
# *Setiap teks berbahasa Inggris diikuti terjemahannya dalam bahasa Indonesia; `python -m sim notebook` hanya
# menyertakan teks dalam bahasa `lang`.*

# %% [markdown] tags=["lang-en"]
# # Scenario overview
#
# **What this answers:** for one scenario, the premiums the payers pay each year (Rp), the claims expected (Rp) with
# their 90 % band (P5 to P95: in 9 simulations out of 10 the claims fall between them), the claim ratio (claims /
# premium, %; above 100 % the claims exceed the premiums) and the chance that they do, and every assumption behind it
# with its source.
#
# One scenario from `scenarios/`: who is covered, every assumption with its source, the forecast by year, the
# charts of the reviewer report and the check against the closed form. Change `scenario_id` below and run all
# cells (or without opening it: `python -m sim notebook 01 -p scenario_id jambi-2025`, README "Notebooks").

# %% [markdown] tags=["lang-id"]
# # Gambaran skenario
#
# **Yang dijawab:** untuk satu skenario, iuran yang dibayar para pembayar setiap tahun (Rp), perkiraan klaim (Rp) dengan
# rentang 90% (P5 sampai P95: dalam 9 dari 10 simulasi klaim berada di antara keduanya), rasio klaim (klaim / iuran,
# %; di atas 100% klaim melebihi iuran) dan peluang klaim melebihi iuran, serta setiap asumsi di baliknya beserta
# sumbernya.
#
# Satu skenario dari `scenarios/`: siapa yang dijamin, setiap asumsi beserta sumbernya, proyeksi per tahun, grafik
# laporan untuk peninjau, dan pemeriksaan terhadap perhitungan langsung. Ubah `scenario_id` di bawah lalu jalankan semua
# sel (atau tanpa membuka notebook: `python -m sim notebook 01 -p scenario_id jambi-2025`, README “Notebooks”).

# %% tags=["parameters"]
scenario_id = "madiun-2025"  # a file in scenarios/ without .toml
trials = 10_000  # simulated years; 1_000 is quicker and rougher
lang = "id"  # "id" (Indonesian) or "en"

# %%
import pandas as pd

from sim import charts, progress, report
from sim.forecast import forecast
from sim.i18n import Language
from sim.scenario import check_notebook_trials, load_warned

language = Language(lang)
pd.set_option("display.max_colwidth", None)  # the register's names and sources run past pandas' 50, cut mid-word
check_notebook_trials(trials=trials)
scenario = load_warned(scenario_id, [f"scenario.trials={trials}"])
print(scenario.titles[lang])
print(language("nb_scenario_size", members=language.count(sum(s.members for s in scenario.segments)),
               segments=language.count(len(scenario.segments)), months=language.count(scenario.horizon_months),
               start=language.month(scenario.start)))

# %% [markdown] tags=["lang-en"]
# ## Assumption register
# Yellow in the report: assumptions with a plausible range; calibrated values carry their 90 % credible interval.

# %% [markdown] tags=["lang-id"]
# ## Daftar asumsi
# Kuning dalam laporan: asumsi dengan rentang wajar; nilai hasil kalibrasi disertai interval kredibel 90%.

# %%
report.register_table(scenario, lang)

# %% [markdown] tags=["lang-en"]
# ## Forecast
# The progress bar counts simulated trials.

# %% [markdown] tags=["lang-id"]
# ## Proyeksi
# Bilah kemajuan menghitung simulasi yang sudah dijalankan.

# %%
summary, claims = forecast(scenario, progress=progress.notebook(language=language), return_trials=True)
report.period_table(summary, lang)

# %% [markdown] tags=["lang-en"]
# A calibrated scenario's charts mark the claims it recorded, as the report does: labelled with their months (Jan-Nov
# 2025 is 11 months, not annualised), beside the model's forecast of the same months. Other scenarios have no mark.

# %% [markdown] tags=["lang-id"]
# Grafik skenario yang telah dikalibrasi menandai klaim yang tercatat, seperti dalam laporan: tanda itu diberi label
# bulan-bulannya (Jan–Nov 2025 adalah 11 bulan, tidak disetahunkan), di samping perkiraan model untuk bulan-bulan yang
# sama. Skenario lain tidak memiliki tanda ini.

# %%
from sim.report_sections import calibration_figures, recorded_marks

fan = report.fan_rows(summary, claims)
marks = recorded_marks(language, {"fan": fan, "calibration": calibration_figures(scenario, window_trials=trials)})
first = summary["periods"][0]
charts.image(charts.claim_ratio_distribution(claims[:, 0] / first["premium_idr"], first["period"], language, marks))

# %%
# A run-off (no members projected): the line above the panels says its later years hold the starting members only.
runoff = None if getattr(scenario.planning, "shapes_exposure", False) else scenario.start
charts.image(charts.fan(fan, language, marks, runoff))

# %% [markdown] tags=["lang-en"]
# ## Monte Carlo against the closed form
# `z` is the distance in standard errors; rows beyond 4 are flagged `check`, a bound moved for a skewed mean (of few
# large payments): the Check column gives the moved bound where it changes the verdict.

# %% [markdown] tags=["lang-id"]
# ## Monte Carlo dibandingkan dengan perhitungan langsung
# `z` adalah selisih antara simulasi dan perhitungan langsung dalam satuan galat baku; baris dengan z lebih dari 4
# ditandai “periksa”. Untuk rata-rata yang sebarannya menceng (dari sedikit pembayaran besar) batas 4 itu digeser, dan
# kolom Pemeriksaan menuliskan batas yang digeser itu bila batas tersebut mengubah hasil pemeriksaan.

# %%
report.validation_table(summary, lang, scenario)
