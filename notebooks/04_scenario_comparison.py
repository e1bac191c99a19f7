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

# %% [markdown]
# # Scenario comparison
#
# **What this answers:** for two or more scenarios side by side, the members, a year's premium (Rp), the claims
# (simulation mean and the 90 % band from P5 to P95, Rp), the claim ratio (%) and the chance that claims exceed
# premiums, for the first year and the whole projection; then which assumptions differ between them. The numbers
# are those of each scenario's `summary.json`. Scenarios that share segment names share their random numbers, so
# differences between them are not noise of the simulation.

# %% tags=["parameters"]
scenario_ids = ["madiun-2023", "madiun-2023-target", "madiun-2025"]  # files in scenarios/ without .toml
trials = 10_000  # simulated years per scenario; fewer run faster but widen the band's noise
lang = "id"  # "id" (Indonesian) or "en"

# %%
from sim import progress, report
from sim.forecast import forecast
from sim.scenario import load_scenarios

scenarios = load_scenarios(scenario_ids, [f"scenario.trials={trials}"])
summaries = [forecast(s, progress=progress.notebook(s.id)) for s in scenarios]
report.comparison_table(summaries, lang)

# %% [markdown]
# ## What differs between the scenarios
# Each assumption whose value is not the same in all of them, named as in the assumption register; `-` where a
# scenario does not have it (a segment it does not hold, a budget it does not state). As `sim compare`'s list.

# %%
report.differences_table(scenarios, lang)
