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
# Fits the mortality and accident multipliers of a scenario to observed claims (`sim.calibration.fit`), shows the
# posterior, where the observed figures fell in the uncalibrated forecast (the backtest), and the calibrated
# forecast of the next year. The shipped `madiun-2025` scenario is this fit written out by
# `python -m sim calibrate madiun-2025-prior scenarios/experience/madiun-2025.toml --id madiun-2025`.

# %% tags=["parameters"]
scenario_id = "madiun-2025-prior"
experience = "madiun-2025"  # a file in scenarios/experience/
calibrated_id = "madiun-2025"
variance_trials = 4_000  # as the command line (sim.calibration.VARIANCE_TRIALS): the shipped fit exactly
forecast_trials = 10_000
lang = "id"

# %%
import pandas as pd

from sim import charts
from sim.calibration import fit, next_year_forecast
from sim.i18n import Language
from sim.scenario import SCENARIO_DIR, load_scenario

language = Language(lang)
calibration = fit(scenario_id, SCENARIO_DIR / "experience" / f"{experience}.toml", trials=variance_trials)
posterior = {name: calibration.stats(name) for name in ("mortality", "accident")}
pd.DataFrame(posterior).T

# %%
charts.image(charts.posterior({f"{name} scale": calibration.marginal(name) for name in ("mortality", "accident")},
                              language))

# %% [markdown]
# ## Backtest
# The percentile of each observed figure in the forecast made *before* calibration: near 0 % or 100 % means the
# prior assumptions did not expect it.

# %%
pd.DataFrame(calibration.backtest())

# %% [markdown]
# ## Calibrated forecast of the next year
# Each trial draws its multipliers from the posterior, so parameter uncertainty widens the interval.

# %%
pd.Series(next_year_forecast(load_scenario(calibrated_id), calibration.experience, trials=forecast_trials))
