"""Calibration: recovers known multipliers from synthetic data; 90 % intervals cover the truth about 90 % of the time."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from sim.benefits import INDEX
from sim.calibration import (
    CLAIM_BENEFITS, PERIL_BENEFITS, Calibration, Observation, calibrated_scenario_text, fit,
    observation_moments, posterior_grid,
)
from sim.engine import Block, simulate_block
from sim.population import build_model
from sim.scenario import ScenarioError, load_scenario

# A large synthetic city (about 1,300 deaths and 1,000 accidents a year) so the normal likelihood is accurate.
BIG = ["segments.vulnerable.members=150000", "scenario.horizon_months=12", "scenario.trials=4000"]


def _observe(model, m_scale, a_scale, block_index):
    """One synthetic year of (claims, amount) with the event intensities scaled by the true multipliers."""
    scaled = dataclasses.replace(model, segments=tuple(
        dataclasses.replace(e, jkm_rate=e.jkm_rate * m_scale, jkk_rate=e.jkk_rate * a_scale) for e in model.segments))
    result = simulate_block(scaled, Block(block_index, 0, 1))
    claims = result.counts[0, 0][..., [INDEX[b] for p in ("jkm", "jkk") for b in CLAIM_BENEFITS[p]]].sum()
    amount = result.amounts[0, 0][..., [INDEX[b] for p in ("jkm", "jkk") for b in PERIL_BENEFITS[p]]].sum()
    return float(claims), float(amount)


def _observation(claims, amount):
    return Observation(dt.date(2025, 1, 1), dt.date(2025, 12, 1), "all", "all", claims, amount, False, "synthetic")


@pytest.fixture(scope="module")
def big():
    scenario = load_scenario("jambi-2025", BIG)
    model = build_model(scenario)
    moments = observation_moments(model, _observation(1.0, 1.0), "synthetic")
    return model, moments


def test_recovers_known_multipliers(big):
    model, moments = big
    truth = (1.6, 0.6)
    obs = _observation(*_observe(model, *truth, block_index=10_001))
    sigma = {"mortality": 0.5, "accident": 0.5}
    grid, post = posterior_grid([obs], [moments], sigma)
    cal = Calibration(None, None, grid, grid, post, sigma)
    for which, true in zip(("mortality", "accident"), truth):
        stats = cal.stats(which)
        assert stats["p5"] <= true <= stats["p95"], (which, stats)
        assert stats["mean"] == pytest.approx(true, rel=0.2)
        assert stats["credibility_weight"] > 0.5  # a big city's year of data should dominate the prior


def test_90_percent_intervals_cover_the_truth_about_90_percent(big):
    # Truths drawn from the prior: then a correct posterior covers them at the nominal rate.
    model, moments = big
    sigma = {"mortality": 0.4, "accident": 0.4}
    rng = np.random.default_rng(np.random.SeedSequence(2024))
    fits = 200
    covered = {"mortality": 0, "accident": 0}
    for k in range(fits):
        truth = dict(zip(("mortality", "accident"), np.exp(rng.normal(0.0, 0.4, 2))))
        obs = _observation(*_observe(model, truth["mortality"], truth["accident"], block_index=20_000 + k))
        grid, post = posterior_grid([obs], [moments], sigma)
        cal = Calibration(None, None, grid, grid, post, sigma)
        for which in covered:
            stats = cal.stats(which)
            covered[which] += stats["p5"] <= truth[which] <= stats["p95"]
    se = np.sqrt(0.9 * 0.1 / fits)
    for which, hits in covered.items():
        # Within 4 binomial standard errors of 90 %, widened by the grid's step (about 4 % in the multiplier).
        assert abs(hits / fits - 0.9) <= 4 * se, (which, hits)


def test_madiun_fit_backtest_and_calibrated_scenario(tmp_path, root):
    cal = fit("madiun-2025-prior", root / "scenarios" / "experience" / "madiun-2025.toml")
    desc = cal.describe()
    back = desc["backtest"][0]
    assert 0.0 <= back["claims_percentile"] <= 1.0 and 0.0 <= back["amount_idr_percentile"] <= 1.0
    for which in ("mortality_scale", "accident_scale"):
        s = desc[which]
        assert s["p5"] <= s["p50"] <= s["p95"] and 0 <= s["credibility_weight"] <= 1
    # The calibrated scenario is a valid scenario inheriting from the base and reproducing the posterior means.
    scenario_dir = root / "scenarios"
    text = calibrated_scenario_text(cal, "madiun-2025-test-calibrated", "madiun-2025-prior")
    path = scenario_dir / "madiun-2025-test-calibrated.toml"
    try:
        path.write_text(text)
        calibrated = load_scenario(path)
    finally:
        path.unlink()
    base = load_scenario("madiun-2025-prior")
    ratio = calibrated.segments[1].mortality_load / base.segments[1].mortality_load
    assert ratio == pytest.approx(desc["mortality_scale"]["mean"], rel=1e-4)
    draws = np.asarray(calibrated.intensity_draws)
    assert draws.shape == (200, 2) and np.allclose(draws.mean(axis=0), 1.0, atol=1e-3)


def test_bad_experience_file_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[experience]\nid = "x"\nscenario = "madiun-2025"\nsource = "s"\n\n[[observation]]\n'
                   'from = "2025-01"\nto = "2025-11"\nclaims = { value = -3, unit = "claims" }\nsource = "s"\n')
    with pytest.raises(ScenarioError, match=r"bad.toml: observation\[0\].claims.value"):
        fit("madiun-2025", bad)


def test_shipped_madiun_2025_is_the_calibrate_command_output(root, monkeypatch, tmp_path):
    # One source of truth: the shipped calibrated scenario is exactly what the command writes today.
    monkeypatch.chdir(root)
    from sim.cli import main

    shipped = (root / "scenarios" / "madiun-2025.toml").read_text()
    try:
        assert main(["calibrate", "madiun-2025-prior", "scenarios/experience/madiun-2025.toml", "--id", "madiun-2025",
                     "--out", str(tmp_path / "cal")]) == 0
        assert (root / "scenarios" / "madiun-2025.toml").read_text() == shipped
    finally:
        (root / "scenarios" / "madiun-2025.toml").write_text(shipped)
    assert (tmp_path / "cal" / "calibration.json").exists()


def test_madiun_2023_uses_the_calibrated_vulnerable_assumptions():
    calibrated = {s.name: s for s in load_scenario("madiun-2025").segments}["vulnerable"]
    launch = {s.name: s for s in load_scenario("madiun-2023").segments}["vulnerable"]
    assert launch.mortality_load == calibrated.mortality_load
    assert launch.accident_rate == calibrated.accident_rate
