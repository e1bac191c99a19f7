"""The exact (FFT / Panjer) distribution of a period's claims against the closed form, each other and Monte Carlo."""

import dataclasses
import json
import math

import numpy as np
import pytest

from sim import exact
from sim.exact import ExactDistribution, describe, exact_distribution
from sim.forecast import forecast
from sim.population import build_model
from sim.regulation import jkm_death_benefit
from sim.scenario import load_scenario

ONE_YEAR = ["scenario.horizon_months=12"]
MEDICAL_ONLY = ONE_YEAR + [
    "assumptions.severity.share_medical_only=1.0",
    "assumptions.severity.share_temporary=0.0",
    "assumptions.severity.share_partial=0.0",
    "assumptions.severity.share_total=0.0",
    "assumptions.severity.share_death=0.0",
]


def model(scenario_id, overrides=()):
    return build_model(load_scenario(scenario_id, list(overrides)))


def test_public_names():
    assert exact.METHODS == ("fft", "panjer")
    assert {f.name for f in dataclasses.fields(ExactDistribution)} == {
        "scenario_id", "period", "period_label", "method", "h", "probabilities", "poisson_rate", "mean", "sd",
        "cv", "skewness", "quantiles", "mean_closed_form", "mean_rel_error", "tail_mass", "variance_error_bound",
        "draws", "draw_set_sd",
    }


@pytest.mark.parametrize("scenario_id", ["jambi-2025", "madiun-2025"])
def test_mean_agrees_with_closed_form_in_every_period(scenario_id):
    # Later periods include scholarship instalments of earlier claims: this checks their lags and amounts too.
    m = model(scenario_id)
    for period in range(len(m.period_labels)):
        r = exact_distribution(m, period)
        assert r.mean_rel_error < 1e-6, (period, r.mean, r.mean_closed_form)
        assert 0 <= r.tail_mass < 1e-8 or abs(r.tail_mass) < 1e-10
        assert np.all(r.probabilities >= 0)
        assert list(r.quantiles.values()) == sorted(r.quantiles.values())
        table = describe(r)
        assert table["mean_flag"] == "ok"
        json.dumps(table)  # JSON-ready


def _cumulants(m, mean, cv):
    """Closed-form variance and third cumulant, lambda E[X^2] and lambda E[X^3], summed over the streams, of a
    one-year model whose accidents pay medical care only (lognormal, or exactly ``mean`` when cv = 0) and whose
    deaths pay the JKM cash only (no member reaches the scholarship's 3 years)."""
    w = 1.0 + cv * cv
    k2 = k3 = 0.0
    for exp in m.segments:
        assert (exp.tenure0 + m.months < 36).all()
        for month in range(m.months):
            rules = m.regimes[m.regime_of_month[month]]
            cash = jkm_death_benefit(rules, exp.segment.scheme, exp.tenure0 + month)
            k2 += exp.jkm_rate[:, month] @ cash**2
            k3 += exp.jkm_rate[:, month] @ cash**3
        k2 += exp.jkk_rate.sum() * mean**2 * w
        k3 += exp.jkk_rate.sum() * mean**3 * w**3
    return k2, k3


def test_moments_of_a_fixed_severity_model():
    # Jambi's members all joined in January: deaths pay Rp10 m for three months (BPU rule), then Rp42 m.
    m = model("jambi-2025", MEDICAL_ONLY + ["assumptions.severity.medical_cost_cv=0.0"])
    r = exact_distribution(m)
    k2, k3 = _cumulants(m, 4_000_000, 0.0)
    assert r.mean_rel_error < 1e-8
    assert r.sd**2 == pytest.approx(k2, rel=1e-6)
    assert r.skewness == pytest.approx(k3 / k2**1.5, rel=1e-5)


def test_variance_with_lognormal_medical_costs():
    # The discretization adds about h^2/12 per claim and the grid cuts the far lognormal tail of E[X^2].
    m = model("jambi-2025", MEDICAL_ONLY + ["assumptions.severity.medical_cost_cv=2.0"])
    r = exact_distribution(m)
    k2, _ = _cumulants(m, 4_000_000, 2.0)
    assert r.mean_rel_error < 1e-6
    assert r.sd**2 == pytest.approx(k2, rel=1e-3)


@pytest.mark.parametrize("cv", [0.0, 2.0])
def test_a_large_portfolio_keeps_its_variance(cv):
    """A grid sized by the aggregate alone had a step of Rp20 m for 3 million members' Rp4-42 m payments: every
    payment split between 0 and Rp20 m, the variance 6-7 % too large (59 % too large for the national scenario's sd,
    whose simulated quantiles were then flagged). The step is now bounded by the payments' second moment: the
    variance agrees with the closed-form cumulant within VARIANCE_TOL, and the result states its bound."""
    m = model("jambi-2025", MEDICAL_ONLY + [f"assumptions.severity.medical_cost_cv={cv}",
                                            "segments.vulnerable.members=3000000"])
    r = exact_distribution(m)
    k2, _ = _cumulants(m, 4_000_000, cv)
    assert r.sd**2 == pytest.approx(k2, rel=exact.VARIANCE_TOL)
    assert 0 < r.variance_error_bound <= exact.VARIANCE_TOL
    assert describe(r)["variance_error_bound"] == r.variance_error_bound


def test_panjer_equals_fft():
    m = model("jambi-2025")
    fft, panjer = exact_distribution(m, method="fft"), exact_distribution(m, method="panjer")
    assert (fft.h, fft.points) == (panjer.h, panjer.points)
    assert np.abs(fft.probabilities - panjer.probabilities).max() < 1e-12
    assert panjer.quantiles == fft.quantiles
    assert panjer.mean_rel_error < 1e-6


def test_panjer_at_a_large_expected_count_is_right_or_refused():
    # 10 million members: about 87,000 expected events, so the textbook start exp(-lambda) is 0.0.
    m = model("jambi-2025", ONE_YEAR + ["segments.vulnerable.members=10000000"])
    fft = exact_distribution(m, method="fft")
    assert math.exp(-fft.poisson_rate) == 0.0
    try:
        panjer = exact_distribution(m, method="panjer")
    except ValueError as err:
        assert "Panjer" in str(err)
        return
    assert panjer.points == fft.points
    assert np.abs(fft.probabilities - panjer.probabilities).max() < 1e-10
    assert panjer.mean_rel_error < 1e-6 and fft.mean_rel_error < 1e-6


def test_panjer_where_the_textbook_start_underflows_equals_the_fft():
    """100,000 members: about 870 expected events a year, so exp(-lambda), the recursion's textbook first term, is
    0.0 in double precision, and every later term with it. The recursion runs on a rescaled copy instead: its answer
    is the FFT's. (At 10 million members, above, Panjer is refused for the grid's size before its start matters.)"""
    m = model("jambi-2025", ONE_YEAR + ["segments.vulnerable.members=100000"])
    fft, panjer = exact_distribution(m, method="fft"), exact_distribution(m, method="panjer")
    assert math.exp(-fft.poisson_rate) == 0.0 and fft.points <= exact.PANJER_MAX_POINTS
    assert np.abs(fft.probabilities - panjer.probabilities).max() < 1e-12
    assert panjer.quantiles == fft.quantiles and panjer.mean_rel_error < 1e-6


def _short_grid(monkeypatch, points=4096):
    """Start the FFT on ``points`` points of the chosen step: for Jambi's year (mean Rp565 m) a grid up to Rp410 m."""
    sized = exact._fine_enough

    def short(*args):
        h, _, second = sized(*args)
        return h, points, second

    monkeypatch.setattr(exact, "_fine_enough", short)


# Jambi's year with a fixed medical cost: no severity reaches past a short grid, so only the aggregate can.
FIXED_CARE = ONE_YEAR + ["assumptions.severity.medical_cost_cv=0.0"]


def test_a_grid_too_short_for_the_claims_is_lengthened_not_wrapped(monkeypatch):
    """The FFT puts the mass beyond its grid back at the bottom, where no sum shows it. The tilt damps what wraps,
    so that mass shows as 1 - sum(p) and the grid doubles until it holds the claims: started on a grid below their
    mean (P(claims beyond it) = 0.9), the answer is the one on the grid chosen alone, point for point."""
    chosen = exact_distribution(model("jambi-2025", FIXED_CARE))
    _short_grid(monkeypatch)
    r = exact_distribution(model("jambi-2025", FIXED_CARE))
    assert r.h == chosen.h and 4096 < r.points <= chosen.points
    assert abs(r.tail_mass) <= exact.TAIL_TOL and chosen.probabilities[r.points:].sum() <= exact.TAIL_TOL
    assert np.abs(r.probabilities - chosen.probabilities[: r.points]).max() < 1e-12
    assert r.quantiles == chosen.quantiles and describe(r)["mean_flag"] == "ok"


def test_a_mean_off_the_closed_form_by_more_than_1e_4_is_flagged(monkeypatch, tmp_path, capsys):
    """The discretised mean is checked against the closed form (relative error within 1e-4) and the output says
    so: "ok" at 1e-4, "check" beyond it. Without the tilt a grid below the mean of Jambi's claims wraps nine tenths
    of their probability round to the bottom (p99.5 Rp0.4 bn instead of Rp1.0 bn), unseen by the tail check: the
    mean check flags it, and `sim exact` prints the flag."""
    from sim.cli import main, rupiah

    r = exact_distribution(model("jambi-2025", ONE_YEAR))
    assert exact.MEAN_TOL == 1e-4
    assert describe(dataclasses.replace(r, mean_rel_error=1e-4))["mean_flag"] == "ok"
    assert describe(dataclasses.replace(r, mean_rel_error=1.01e-4))["mean_flag"] == "check"
    _short_grid(monkeypatch)
    monkeypatch.setattr(exact, "TILT", 0.0)
    wrapped = exact_distribution(model("jambi-2025", FIXED_CARE))
    assert wrapped.points == 4096 and wrapped.tail_mass < exact.TAIL_TOL  # the wrapped mass is not beyond the grid
    assert wrapped.mean_rel_error > 0.1 and describe(wrapped)["mean_flag"] == "check"
    overrides = [a for o in FIXED_CARE for a in ("--set", o)]
    assert main(["exact", "jambi-2025", *overrides, "--out", str(tmp_path / "out")]) == 0
    assert f"relative error {wrapped.mean_rel_error:.1e}: check)" in capsys.readouterr().out
    # sim run's exact line says so too (it said only the mean and p99.5), and says nothing while the mean is ok.
    assert main(["run", "jambi-2025", *overrides, "--trials", "200", "--out", str(tmp_path / "run")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Exact (FFT)"))
    assert (f"(check: {wrapped.mean_rel_error:.1e} off the closed form's {rupiah(wrapped.mean_closed_form)}, more "
            "than 1e-04), p99.5") in line
    assert main(["run", "jambi-2025", "--trials", "200", "--out", str(tmp_path / "ok")]) == 0
    assert "(check:" not in next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Exact (FFT)"))


@pytest.mark.parametrize("scenario_id", ["jambi-2025", "madiun-2025"])
def test_simulated_quantiles_agree_with_exact_cdf(scenario_id):
    # The simulated q-quantile X(q) of n trials satisfies F(X(q)) ~ q +/- sqrt(q (1 - q) / n) (order statistic).
    scenario = load_scenario(scenario_id, ["scenario.trials=20000", "scenario.horizon_months=12"])
    summary = forecast(scenario)
    r = exact_distribution(build_model(scenario), 0)
    n = summary["trials"]
    simulated = summary["periods"][0]["claims_idr"]
    for name, q in (("p50", 0.5), ("p95", 0.95)):
        at = float(r.cdf(simulated[name]))
        assert abs(at - q) <= 4 * math.sqrt(q * (1 - q) / n), (name, simulated[name], r.quantiles[name], at)
    table = describe(r, summary)
    assert {k: v["flag"] for k, v in table["versus_simulation"]["quantiles"].items() if k in ("p50", "p95")} == {
        "p50": "ok", "p95": "ok"}
    json.dumps(table)


def test_a_small_group_with_no_claim_in_many_trials_passes_the_quantile_check():
    """100 of Jambi's vulnerable workers expect about one death or accident a year, so no claim at all has an exact
    probability of roughly a third: the simulated 5 % quantile is Rp0, the exact CDF jumps from 0 below
    Rp0 to P(S = 0) at it, and every level in between has Rp0 as its quantile. The check once compared only the
    CDF at the value (a third, far from 5 %) and flagged a correct simulation."""
    scenario = load_scenario("jambi-2025", ["scenario.trials=4000", "scenario.horizon_months=12",
                                            "segments.vulnerable.members=100"])
    summary = forecast(scenario)
    r = exact_distribution(build_model(scenario), 0)
    p0 = float(r.probabilities[0])
    assert 0.25 < math.exp(-r.poisson_rate) <= p0 < 0.6  # no event, or only events paying nothing in the year
    assert float(r.cdf(0.0)) == p0 and float(r.cdf_below(0.0)) == 0.0
    assert float(r.cdf_below(r.h)) == p0 and float(r.cdf_below(0.5 * r.h)) == float(r.cdf(0.5 * r.h))
    rows = describe(r, summary)["versus_simulation"]["quantiles"]
    p5 = rows["p5"]
    assert p5["simulated_idr"] == 0.0 and p5["exact_cdf_below_simulated"] == 0.0
    assert p5["exact_cdf_at_simulated"] - 0.05 > 0.1 and p5["flag"] == "ok"  # the step is what passes
    from sim.i18n import Language
    from sim.report_sections import _quantile_check

    said = _quantile_check(Language("id"), p5)  # the validation table's cell gives the step
    assert said.startswith("peluang kumulatif eksak (CDF) tepat di bawah nilai simulasi 0,0% dan pada nilai itu")
    assert all(row["flag"] != "check" for row in rows.values()), rows
    # A fixed benefit (a JKM death's Rp42 m) makes masses above 0 too: each row's step holds its CDF, below <= at.
    assert all(row["exact_cdf_below_simulated"] <= row["exact_cdf_at_simulated"] for row in rows.values())


def test_parameter_uncertainty_is_a_mixture():
    scenario = load_scenario("jambi-2025", ONE_YEAR)
    draws = ((0.5, 2.0), (1.5, 1.0))
    m = build_model(dataclasses.replace(scenario, intensity_draws=draws))
    r = exact_distribution(m)
    assert r.mean_rel_error < 1e-6  # the closed form uses the mean multipliers
    alone = [exact_distribution(build_model(dataclasses.replace(scenario, intensity_draws=(d,)))) for d in draws]
    assert r.mean == pytest.approx(np.mean([a.mean for a in alone]), rel=1e-8)
    # The spread between draws adds variance: the law of total variance, up to what each grid's step may add.
    between = np.var([a.mean for a in alone])
    assert between > 0
    grid_error = sum(x.variance_error_bound * x.sd**2 for x in (r, *alone))
    assert r.sd**2 == pytest.approx(np.mean([a.sd**2 for a in alone]) + between, abs=grid_error)
    with pytest.raises(ValueError, match="intensity draws"):
        exact_distribution(m, method="panjer")


def test_bad_arguments():
    m = model("jambi-2025", ONE_YEAR)
    with pytest.raises(ValueError, match="unknown method"):
        exact_distribution(m, method="mc")
    with pytest.raises(ValueError, match="period 1"):
        exact_distribution(m, period=1)


def test_the_quantile_check_shows_its_band_within_0_and_100_percent():
    """With few trials a quantile's band reaches past 0 or 100 % (p5 at 50 trials: 0.05 -/+ 0.123): a cumulative
    probability cannot go there, so the validation table shows the band cut at 0.0 % and 100.0 %, not "-7.3%" or
    "104.0%" (showing the raw lower end survived the mutation audit)."""
    from sim.i18n import Language
    from sim.report_sections import _quantile_check

    low = _quantile_check(Language("en"), {"exact_cdf_at_simulated": 0.04, "band": [-0.073, 0.173], "flag": "ok"})
    assert low.startswith("exact CDF at the simulated value 4.0%, band 0.0%–17.3%: ")
    high = _quantile_check(Language("en"), {"exact_cdf_at_simulated": 0.97, "band": [0.85, 1.04], "flag": "ok"})
    assert high.startswith("exact CDF at the simulated value 97.0%, band 85.0%–100.0%: ")
