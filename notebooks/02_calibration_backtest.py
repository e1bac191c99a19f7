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
# # Calibration and backtest
#
# **What this answers:** how far the claims a city recorded (here Madiun, Jan-Nov 2025) move the scenario's death
# and work-accident assumptions, whether the forecast made before would have expected those claims, and the
# calibrated forecast of the next year (Rp, claim ratio in %, with its 90 % band).
#
# It fits the mortality and accident multipliers of a scenario to observed claims (`sim.calibration.fit`), shows the
# posterior, where the observed figures fell in the uncalibrated forecast (the backtest), and the calibrated
# forecast of the next year. The shipped `madiun-2025` scenario is this fit written out by
# `python -m sim calibrate madiun-2025-prior scenarios/experience/madiun-2025.toml --id madiun-2025`. What that
# command warns of (an amount that looks written in thousands, a fit that cannot reproduce the claims, a claim count
# and amount fitted together) shows under the fitting cell as `warning: ...` lines (`sim.calibration.fit_warned`).

# %% [markdown] tags=["lang-id"]
# # Kalibrasi dan uji balik (backtest)
#
# **Yang dijawab:** seberapa jauh klaim yang tercatat di suatu kota (di sini Madiun, Jan–Nov 2025) menggeser asumsi
# kematian dan kecelakaan kerja skenario, apakah proyeksi yang dibuat sebelumnya akan memperkirakan klaim tersebut, dan
# proyeksi tahun berikutnya setelah kalibrasi (Rp, rasio klaim dalam %, dengan rentang 90%).
#
# Notebook ini menyesuaikan pengali kematian dan kecelakaan suatu skenario dengan klaim yang teramati
# (`sim.calibration.fit`), lalu menunjukkan distribusi posterior, letak angka teramati dalam proyeksi sebelum kalibrasi
# (uji balik), dan proyeksi tahun berikutnya setelah kalibrasi. Skenario `madiun-2025` yang disertakan adalah hasil
# penyesuaian ini, ditulis oleh
# `python -m sim calibrate madiun-2025-prior scenarios/experience/madiun-2025.toml --id madiun-2025`. Peringatan
# perintah itu (nilai uang yang tampaknya ditulis dalam ribuan, kalibrasi yang tidak dapat mereproduksi klaim, jumlah
# klaim dan nilainya yang disesuaikan bersama) muncul di bawah sel kalibrasi sebagai baris `warning: ...`
# (`sim.calibration.fit_warned`).

# %% tags=["parameters"]
scenario_id = "madiun-2025-prior"  # the scenario before calibration (a file in scenarios/ without .toml)
experience = "madiun-2025"  # a file in scenarios/experience/ without .toml: the recorded claims
calibrated_id = "madiun-2025"
variance_trials = 4_000  # as the command line (sim.calibration.VARIANCE_TRIALS): the shipped fit exactly
forecast_trials = 10_000
lang = "id"  # "id" (Indonesian) or "en"

# %%
from sim import charts, report
from sim.calibration import fit_warned, next_year_forecast
from sim.i18n import Language
from sim.scenario import SCENARIO_DIR, check_notebook_trials, load_warned

language = Language(lang)
check_notebook_trials(variance_trials=variance_trials, forecast_trials=forecast_trials)
calibration = fit_warned(scenario_id, SCENARIO_DIR / "experience" / f"{experience}.toml", trials=variance_trials)
report.posterior_table(calibration, lang)

# %% [markdown] tags=["lang-en"]
# A multiplier of 1 keeps the scenario's assumption; 1.2 means 20 % more deaths (or accidents) than assumed. The
# credibility says how much the recorded claims moved the multiplier away from the prior (0 %: not at all).

# %% [markdown] tags=["lang-id"]
# Pengali 1 berarti asumsi skenario tetap dipakai; 1,2 berarti kematian (atau kecelakaan) 20% lebih banyak daripada yang
# diasumsikan. Bobot kredibilitas menunjukkan seberapa jauh klaim tercatat menggeser pengali dari prior (0%: sama sekali
# tidak).

# %%
charts.image(charts.posterior({language(f"nb_scale_{name}"): calibration.marginal(name)
                               for name in ("mortality", "accident")}, language))

# %% [markdown] tags=["lang-en"]
# ## Backtest
# The percentile of each observed figure in the forecast made *before* calibration: near 0 % or 100 % means the
# prior assumptions did not expect it.

# %% [markdown] tags=["lang-id"]
# ## Uji balik
# Persentil setiap angka teramati dalam proyeksi yang dibuat *sebelum* kalibrasi: mendekati 0% atau 100% berarti asumsi
# awal (prior) tidak memperkirakannya.

# %%
report.backtest_table(calibration, lang)

# %% [markdown] tags=["lang-en"]
# ## Calibrated forecast of the next year
# Each trial draws its multipliers from the posterior, so parameter uncertainty widens the interval.

# %% [markdown] tags=["lang-id"]
# ## Proyeksi tahun berikutnya setelah kalibrasi
# Setiap simulasi mengambil pengalinya dari distribusi posterior, sehingga ketidakpastian parameter memperlebar
# rentangnya.

# %%
report.next_year_table(next_year_forecast(load_warned(calibrated_id), calibration.experience, trials=forecast_trials),
                       lang)
