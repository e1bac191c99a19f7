"""The care cost trend (``assumptions.severity.medical_cost_trend``): care of a work accident in the k-th calendar year
after the horizon's first costs (1 + trend)^k times ``medical_cost_mean``, the same CV, in the engine, the closed
form (its mean, variance and third cumulant) and the exact distribution; the tornado moves it; 0 changes nothing.
"""

from __future__ import annotations

import dataclasses
import io

import numpy as np
import pytest
from test_mean_check import sample_variance

from sim.benefits import BENEFIT_NAMES, INDEX
from sim.closed_form import expected, trial_cumulants, trial_variance
from sim.engine import BLOCK_TRIALS, blocks, simulate_blocks
from sim.exact import VARIANCE_TOL, exact_distribution
from sim.forecast import forecast
from sim.i18n import Language
from sim.population import build_model
from sim.report_document import Table
from sim.report_sections import sensitivity_figures, sensitivity_section
from sim.scenario import load_scenario

TREND = "assumptions.severity.medical_cost_trend"
MEDICAL = INDEX["jkk_medical"]
OTHERS = [INDEX[b] for b in BENEFIT_NAMES if b != "jkk_medical"]
# Every accident care only, at exactly the mean: what each case is paid is then the price of its calendar year.
FIXED_CARE_ONLY = [
    "assumptions.severity.share_medical_only=1.0", "assumptions.severity.share_temporary=0.0",
    "assumptions.severity.share_partial=0.0", "assumptions.severity.share_total=0.0",
    "assumptions.severity.share_death=0.0", "assumptions.severity.medical_cost_cv=0.0",
]
# July 2025 to December 2027: three calendar years, the first of six months (the step is each 1 January, not a
# year after the start).
JULY_START = ['scenario.start="2025-07"', "scenario.horizon_months=30"]


def _model(scenario_id: str, overrides=()):
    return build_model(load_scenario(scenario_id, list(overrides)))


def trial_arrays(model, trials: int = 2000):
    """(amounts, counts) of ``trials`` trials: (trials, periods, segments, benefits). (test_wage_growth uses it too.)"""
    results = simulate_blocks(model, blocks(trials))
    return (np.concatenate([r.amounts for r in results]), np.concatenate([r.counts for r in results]))


# A falling trend (down to -0.5 is allowed: a --set or a range's low end) lowers later years' prices in the engine
# too, not only a rising one.
@pytest.mark.parametrize("g", [0.2, -0.2])
def test_care_paid_per_case_in_calendar_year_k_is_the_mean_times_the_trend_to_the_k(g):
    model = _model("jambi-2025", [*FIXED_CARE_ONLY, *JULY_START, f"{TREND}={g}"])
    assert model.period_labels == ("2025", "2026", "2027")
    mean = model.scenario.severity.medical_cost_mean
    price = mean * (1 + g) ** np.arange(3)
    amounts, counts = trial_arrays(model)
    paid = counts[..., MEDICAL]
    assert (paid.sum(axis=(0, 2)) > 0).all()
    # Every trial's care in every year is its number of cases times that year's price.
    np.testing.assert_allclose(amounts[..., MEDICAL], paid * price[None, :, None], rtol=1e-12)
    exp = expected(model)
    per_case = exp.amounts[..., MEDICAL].sum(axis=1) / exp.counts[..., MEDICAL].sum(axis=1)
    np.testing.assert_allclose(per_case, price, rtol=1e-12)


def test_the_engine_agrees_with_the_closed_form_in_every_year_with_a_trend():
    scenario = load_scenario("madiun-2025", ["scenario.trials=4000", TREND + "=0.2"])
    assert scenario.horizon_months == 36 and scenario.start.month == 1
    summary = forecast(scenario, exact_check=False)
    periods = [p for p in summary["periods"] if p["period"] != "total"]
    assert [p["period"] for p in periods] == ["2025", "2026", "2027"]
    for p in summary["periods"]:
        claims = p["claims_idr"]
        assert abs(claims["mean"] - p["claims_expected_idr"]) <= 4 * claims["se"], p
    care = [r for r in summary["breakdown"] if r["benefit"] == "jkk_medical"]
    assert {r["period"] for r in care} >= {"2025", "2026", "2027"}
    for r in care:
        assert abs(r["mean_idr"] - r["expected_idr"]) <= 4 * r["se_idr"], r
    # Guard: the trend is in both, care per case in 2027 1.44 times 2025's.
    exp = expected(build_model(scenario))
    per_case = exp.amounts[..., MEDICAL].sum(axis=1) / exp.counts[..., MEDICAL].sum(axis=1)
    assert per_case[2] / per_case[0] == pytest.approx(1.44, rel=1e-12)


def test_the_closed_form_variance_with_a_trend_is_the_variance_of_the_trials():
    """As tests/test_mean_check.py: each period's and the horizon's variance per segment and benefit against the
    sample variance of 20,000 trials, within 4 of its own standard errors."""
    model = _model("madiun-2025", ["scenario.trials=20000", TREND + "=0.2"])
    sample, se = sample_variance(trial_arrays(model, 20000)[0])
    variance = trial_variance(model)
    paid = variance > 0
    assert paid[..., MEDICAL].all()
    z = np.abs(sample - variance)[paid] / se[paid]
    assert z.max() <= 4, z.max()
    # Guard: at 20 % a year the last year's care varies 1.2^4 ~ 2.1 times as much as at first-year prices, far more
    # than 4 SE, so a variance left at first-year prices would fail above.
    care = variance[..., MEDICAL].sum(axis=1)
    assert care[2] / care[0] > 1.8


def test_the_closed_form_moments_of_care_scale_by_the_price_to_their_power():
    g = 0.2
    flat, trend = (_model("madiun-2025", [f"{TREND}={x}"]) for x in (0, g))
    factor = (1 + g) ** np.arange(3)
    a, b = expected(flat), expected(trend)
    np.testing.assert_allclose(b.amounts[..., MEDICAL], a.amounts[..., MEDICAL] * factor[:, None], rtol=1e-12)
    assert np.array_equal(b.amounts[..., OTHERS], a.amounts[..., OTHERS]) and np.array_equal(b.counts, a.counts)
    cumulants = (trial_cumulants(m, fourth=True) for m in (flat, trend))  # variance, third and fourth of each
    for power, x, y in zip((2, 3, 4), *cumulants):
        # Each year's, the parameter draws' part included (the draws scale the rate, the price the payment).
        np.testing.assert_allclose(y[:-1, :, MEDICAL], x[:-1, :, MEDICAL] * factor[:, None] ** power, rtol=1e-12)
        assert np.array_equal(y[..., OTHERS], x[..., OTHERS])
    # Without parameter draws the horizon's care is the sum of its years' (a case pays its care in its own year),
    # each at its own price.
    flat, trend = (_model("jambi-2025", ["scenario.horizon_months=36", f"{TREND}={x}"]) for x in (0, g))
    assert not trend.scenario.intensity_draws
    for power, x, y in zip((2, 3, 4), *(trial_cumulants(m, fourth=True) for m in (flat, trend))):
        np.testing.assert_allclose(y[:-1, :, MEDICAL], x[:-1, :, MEDICAL] * factor[:, None] ** power, rtol=1e-12)
        np.testing.assert_allclose(y[-1, :, MEDICAL], y[:-1, :, MEDICAL].sum(axis=0), rtol=1e-12)


def test_a_trend_draws_the_same_random_numbers_and_scales_only_care():
    g = 0.2
    flat = trial_arrays(_model("madiun-2025", [f"{TREND}=0"]))
    trend = trial_arrays(_model("madiun-2025", [f"{TREND}={g}"]))
    assert np.array_equal(trend[1], flat[1])  # the same cases in the same trials and years
    assert np.array_equal(trend[0][..., OTHERS], flat[0][..., OTHERS])  # every other benefit bit for bit
    factor = (1 + g) ** np.arange(3)
    np.testing.assert_allclose(trend[0][..., MEDICAL], flat[0][..., MEDICAL] * factor[None, :, None], rtol=1e-12)
    assert flat[0][:, 2, :, MEDICAL].sum() > 0


def test_a_trend_over_one_calendar_year_changes_no_number():
    # A horizon of one calendar year is all at the first year's prices: the same arrays, bit for bit, as no trend.
    one_year = ["scenario.horizon_months=12"]
    flat = trial_arrays(_model("madiun-2025", [*one_year, f"{TREND}=0"]))
    trend = trial_arrays(_model("madiun-2025", [*one_year, f"{TREND}=0.5"]))
    assert np.array_equal(flat[0], trend[0]) and np.array_equal(flat[1], trend[1])


def test_with_a_trend_the_same_seed_gives_the_same_numbers_however_trials_are_chunked():
    trials = 2 * BLOCK_TRIALS + 300  # a partial last block
    tables = []
    for chunk in (BLOCK_TRIALS, 100 * BLOCK_TRIALS, 2 * BLOCK_TRIALS):
        scenario = load_scenario("madiun-2025", [f"scenario.trials={trials}", "scenario.horizon_months=24",
                                                 f"{TREND}=0.2"])
        buffer = io.StringIO()
        summary = forecast(scenario, chunk_trials=chunk, trial_table=buffer, exact_check=False)
        tables.append((buffer.getvalue(), summary["periods"]))
    assert tables[0] == tables[1] == tables[2]


def test_the_exact_distribution_prices_care_in_its_calendar_year():
    model = _model("madiun-2025", [TREND + "=0.2"])
    for period in range(3):
        r = exact_distribution(model, period)
        assert r.mean_rel_error < 1e-6, (period, r.mean, r.mean_closed_form)


def test_a_period_holding_two_calendar_years_mixes_their_two_prices():
    """Reporting periods are calendar years (``build_model``), but the exact distribution does not rely on it: a
    period of two calendar years is the rate-weighted mixture of the two prices. Care only at exactly the mean, and
    no member reaches the scholarship's three years: its mean and variance are those of two compound Poisson sums
    of atoms (mean and 1.5 mean) and the deaths'."""
    g = 0.5
    model = _model("jambi-2025", [*FIXED_CARE_ONLY, "scenario.horizon_months=24", f"{TREND}={g}"])
    assert model.period_labels == ("2025", "2026")
    both = dataclasses.replace(model, period_of_month=np.zeros(24, dtype=int), period_labels=("2025-2026",))
    mean = model.scenario.severity.medical_cost_mean
    accidents = [sum(exp.jkk_rate[:, 12 * y:12 * (y + 1)].sum() for exp in model.segments) for y in (0, 1)]
    care_mean = accidents[0] * mean + accidents[1] * mean * (1 + g)
    care_var = accidents[0] * mean**2 + accidents[1] * (mean * (1 + g)) ** 2
    exp = expected(both)
    assert exp.amounts[0, :, MEDICAL].sum() == pytest.approx(care_mean, rel=1e-12)
    variance = trial_variance(both)
    assert variance[0, :, MEDICAL].sum() == pytest.approx(care_var, rel=1e-12)
    r = exact_distribution(both, 0)
    assert r.mean_rel_error < 1e-6
    # The grid adds to the variance at most the share the result states (variance_error_bound, within VARIANCE_TOL).
    assert 0 < r.variance_error_bound <= VARIANCE_TOL
    assert r.sd**2 == pytest.approx(variance[0].sum(), rel=r.variance_error_bound)


def test_the_tornado_moves_the_trend_and_it_changes_the_last_year_only(pekalongan, pekalongan_tornado):
    base, swings, _ = pekalongan_tornado
    swing = next(s for s in swings if s.key == TREND)
    assert (swing.value, swing.low, swing.high) == (0, 0, 0.1)
    assert swing.at_low.claims_idr == base.claims_idr and swing.at_low.last.claims_idr == base.last.claims_idr
    assert swing.at_high.claims_idr == pytest.approx(base.claims_idr, rel=1e-12)  # the first year's prices
    # The last full year (2025, two calendar years after 2023) at 1.1^2 the care price: the closed form of --set.
    high = build_model(load_scenario("pekalongan-2023", [f"{TREND}=0.1"]))
    p = high.period_labels.index(base.last.period)
    assert base.last.period == "2025"
    assert swing.at_high.last.claims_idr == pytest.approx(float(expected(high).amounts[p].sum()), rel=1e-12)
    assert swing.at_high.last.claims_idr > base.last.claims_idr


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_report_lists_the_trend_with_its_label(pekalongan, pekalongan_tornado, code):
    lang = Language(code)
    sens = sensitivity_figures(pekalongan, *pekalongan_tornado)
    assert TREND in [r["parameter"] for r in sens["rows"]]
    assert TREND not in [r["parameter"] for r in sens["no_effect"]]
    label = {"id": "Kenaikan biaya perawatan medis per tahun", "en": "Medical cost rise per year"}[code]
    assert lang.parameter(TREND) == label
    later = next(b for b in sensitivity_section(lang, {"sensitivity": sens}).blocks
                 if isinstance(b, Table) and b.name == "sensitivity_later")
    assert label in [row[0] for row in later.rows]
