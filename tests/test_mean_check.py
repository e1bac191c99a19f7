"""The validation table's mean check: each Monte Carlo mean judged by the closed form's own standard error.

The closed form gives the variance of one trial's payments of each benefit (``closed_form.trial_variance``), so a
mean is judged by the SE it has if the model is right, not by the trials' sample SE, which is too small in most runs
for a rare, skewed benefit (and flagged such means far more often than chance)."""

import math

import numpy as np
import pytest
from scipy.integrate import quad

from sim.accident import incapacity_benefit_second_moment
from sim.benefits import INDEX
from sim.closed_form import trial_variance
from sim.forecast import forecast
from sim.population import build_model
from sim.regulation import temporary_incapacity_benefit
from sim.scenario import load_scenario


def _blocks(scenario_id, overrides):
    """The model and the BlockResults of a run (every trial's payments by period, segment and benefit)."""
    scenario = load_scenario(scenario_id, overrides)
    model = build_model(scenario)
    blocks = []
    forecast(scenario, model=model, exact_check=False, on_block=blocks.append)
    return model, blocks


@pytest.mark.parametrize("scenario_id, overrides", [
    ("madiun-2025", []),  # parameter draws, bands of member ages, three years (a claim's instalments in several)
    ("jambi-2025", ["scenario.horizon_months=48"]),  # BPU's reduced early JKM benefit, scholarships after 3 years
])
def test_the_closed_form_variance_is_the_variance_of_the_trials(scenario_id, overrides):
    """Every period's and the horizon's variance per segment and benefit against the sample variance of 20,000
    trials, within 4 of the sample variance's own standard errors, sqrt((m4 - s^4) / n) (m4 the fourth central
    moment of the trials). The horizon's row of a scholarship is not the sum of its years': one claim pays a child
    year after year."""
    model, blocks = _blocks(scenario_id, ["scenario.trials=20000", *overrides])
    amounts = np.concatenate([b.amounts for b in blocks])
    amounts = np.concatenate([amounts, amounts.sum(axis=1, keepdims=True)], axis=1)  # (n, periods + 1, S, B)
    n = amounts.shape[0]
    gap = amounts - amounts.mean(axis=0)
    sample = (gap**2).sum(axis=0) / (n - 1)
    se = np.sqrt(np.maximum((gap**4).mean(axis=0) - sample**2, 0.0) / n)
    variance = trial_variance(model)
    paid = variance > 0
    assert paid[..., INDEX["jkm_scholarship"]].any() and paid[..., INDEX["jkk_scholarship"]].any()
    assert np.all(sample[~paid] == 0)
    z = np.abs(sample - variance)[paid] / se[paid]
    assert z.max() <= 4, (z.max(), np.unravel_index(np.argmax(np.where(paid, np.abs(sample - variance) / se, 0)),
                                                      paid.shape))
    # Guard: the clustering matters here, the horizon's scholarship variance well above the sum of its years'.
    b = [INDEX["jkm_scholarship"], INDEX["jkk_scholarship"]]
    assert variance[-1][:, b].sum() > 1.2 * variance[:-1][..., b].sum()


def test_the_second_moment_of_stmb_is_its_integral():
    """E[STMB^2] against numerical integration over the exponential time off work, under the rules of 2025."""
    model = build_model(load_scenario("madiun-2025"))
    rules, wage, months = model.regimes[0], 3_000_000.0, model.scenario.severity.incapacity_months_mean
    full = rules["jkk.temporary_full_months"]

    def squared(d):  # STMB^2 times the density of the time off work
        return float(temporary_incapacity_benefit(rules, wage, d)) ** 2 * math.exp(-d / months) / months

    integral = quad(squared, 0, full)[0] + quad(squared, full, math.inf)[0]  # the two pieces of the benefit
    assert incapacity_benefit_second_moment(rules, wage, months) == pytest.approx(integral, rel=1e-9)
