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
# # Scenario comparison
#
# **What this answers:** for two or more scenarios side by side, the members, a year's premium (Rp), the claims
# (simulation mean and the 90 % band from P5 to P95, Rp), the claim ratio (%) and the chance that claims exceed
# premiums, for the first year and the whole projection; then which assumptions differ between them. The numbers
# are those of each scenario's `summary.json`. Scenarios that share segment names share their random numbers, so
# differences between them are not noise of the simulation.

# %% [markdown] tags=["lang-id"]
# # Perbandingan skenario
#
# **Yang dijawab:** untuk dua skenario atau lebih secara berdampingan, jumlah peserta, iuran setahun (Rp), klaim
# (rata-rata simulasi dan rentang 90% dari P5 sampai P95, Rp), rasio klaim (%), dan peluang klaim melebihi iuran, untuk
# tahun pertama dan seluruh periode proyeksi; lalu asumsi mana yang berbeda di antara skenario-skenario itu.
# Angka-angkanya berasal dari `summary.json` setiap skenario. Skenario yang memiliki nama segmen yang sama memakai
# bilangan acak yang sama, sehingga perbedaan di antaranya bukan derau simulasi.

# %% tags=["parameters"]
scenario_ids = ["madiun-2023", "madiun-2023-target", "madiun-2025"]  # files in scenarios/ without .toml
trials = 10_000  # simulated years per scenario; fewer run faster but widen the band's noise
lang = "id"  # "id" (Indonesian) or "en"

# %%
import pandas as pd

from sim import progress, report
from sim.forecast import forecast
from sim.scenario import check_notebook_trials, load_scenarios

pd.set_option("display.max_colwidth", None)  # the rows' names and the labels run past pandas' 50, cut mid-word

check_notebook_trials(trials=trials)
scenarios = load_scenarios(scenario_ids, [f"scenario.trials={trials}"])
summaries = [forecast(s, progress=progress.notebook(s.id)) for s in scenarios]
report.comparison_table(summaries, lang)

# %% [markdown] tags=["lang-en"]
# ## What differs between the scenarios
# Each assumption whose value is not the same in all of them, named as in the assumption register; `-` where a
# scenario does not have it (a segment it does not hold, a budget it does not state). As `sim compare`'s list.

# %% [markdown] tags=["lang-id"]
# ## Perbedaan antarskenario
# Setiap asumsi yang nilainya tidak sama di semua skenario, dengan nama seperti di daftar asumsi; `-` bila suatu
# skenario tidak memilikinya (segmen yang tidak dimilikinya, anggaran yang tidak disebutkannya). Sama dengan daftar dari
# `sim compare`.

# %%
report.differences_table(scenarios, lang)
