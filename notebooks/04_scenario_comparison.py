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
# Two or more scenarios side by side from their forecast summaries (the same numbers as their `summary.json`).
# Scenarios that share segment names share their random numbers, so differences between them are not noise of the
# simulation.

# %% tags=["parameters"]
scenario_ids = ["madiun-2023", "madiun-2023-target", "madiun-2025"]
trials = 10_000
lang = "id"

# %%
from sim import progress, report
from sim.forecast import forecast
from sim.scenario import load_scenario

summaries = [forecast(load_scenario(s, [f"scenario.trials={trials}"]), progress=progress.notebook(s))
             for s in scenario_ids]
report.comparison_table(summaries, lang)

# %% [markdown]
# ## What differs between each scenario and its base

# %%
[(s, load_scenario(s).base_differences[:10]) for s in scenario_ids]
