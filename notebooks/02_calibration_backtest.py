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
# # Calibration and backtest
#
# **What this answers:** how far the claims a city recorded (here Madiun, Jan-Nov 2025) move the scenario's death
# and work-accident assumptions, whether the forecast made before would have expected those claims, and the
# calibrated forecast of the next year (Rp, claim ratio in %, with its 90 % band).
#
# It fits the mortality and accident multipliers of a scenario to observed claims (`sim.calibration.fit`), shows the
# posterior, where the observed figures fell in the uncalibrated forecast (the backtest), and the calibrated
# forecast of the next year. The shipped `madiun-2025` scenario is this fit written out by
# `python -m sim calibrate madiun-2025-prior scenarios/experience/madiun-2025.toml --id madiun-2025`.

# %% tags=["parameters"]
scenario_id = "madiun-2025-prior"  # the scenario before calibration (a file in scenarios/ without .toml)
experience = "madiun-2025"  # a file in scenarios/experience/ without .toml: the recorded claims
calibrated_id = "madiun-2025"
variance_trials = 4_000  # as the command line (sim.calibration.VARIANCE_TRIALS): the shipped fit exactly
forecast_trials = 10_000
lang = "id"  # "id" (Indonesian) or "en"

# %%
from sim import charts, report
from sim.calibration import fit, next_year_forecast
from sim.i18n import Language
from sim.scenario import SCENARIO_DIR, load_scenario

language = Language(lang)
calibration = fit(scenario_id, SCENARIO_DIR / "experience" / f"{experience}.toml", trials=variance_trials)
report.posterior_table(calibration, lang)

# %% [markdown]
# A multiplier of 1 keeps the scenario's assumption; 1.2 means 20 % more deaths (or accidents) than assumed. The
# credibility says how much the recorded claims moved the multiplier away from the prior (0 %: not at all).

# %%
charts.image(charts.posterior({language(f"nb_scale_{name}"): calibration.marginal(name)
                               for name in ("mortality", "accident")}, language))

# %% [markdown]
# ## Backtest
# The percentile of each observed figure in the forecast made *before* calibration: near 0 % or 100 % means the
# prior assumptions did not expect it.

# %%
report.backtest_table(calibration, lang)

# %% [markdown]
# ## Calibrated forecast of the next year
# Each trial draws its multipliers from the posterior, so parameter uncertainty widens the interval.

# %%
report.next_year_table(next_year_forecast(load_scenario(calibrated_id), calibration.experience, trials=forecast_trials),
                       lang)
