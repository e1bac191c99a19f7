"""Calibration: recovers known multipliers from synthetic data; 90 % intervals cover the truth about 90 % of the time."""

import dataclasses
import json
import datetime as dt
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pytest

from sim.benefits import INDEX
from cli_checks import assert_one_line_error
from sim.calibration import (
    CLAIM_BENEFITS, EDGE_MASS, PERIL_BENEFITS, Calibration, Moments, Observation, calibrated_scenario_text, check_informative,
    method,
    Experience, fit, observation_moments, posterior_grid, _benefit_columns, _observed_period,
    _period_of, _observation as read_observation, _observation_record,
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
        # The posterior mean misses the truth by about a posterior sd (the year's Poisson noise, which the posterior
        # sd measures, plus a little shrinkage toward the prior median 1): within 4 of them. Here the sd is about
        # 3 % of the multiplier. (Whether the 90 % intervals hold the truth 90 % of the time needs many fits and a
        # binomial SE: the next test; one fit's interval is a 1.6-sd check, not a 4-SE one.)
        grid, p = cal.marginal(which)
        sd = float(np.sqrt(p @ (grid - stats["mean"]) ** 2))
        assert abs(stats["mean"] - true) <= 4 * sd, (which, stats["mean"], sd)
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
        # Within 4 binomial standard errors of 90 %, with no allowance for the grid: p5 and p95 are grid points
        # (a step of about 4 % in the multiplier), which the coverage must absorb.
        assert abs(hits / fits - 0.9) <= 4 * se, (which, hits)


def test_without_data_the_posterior_is_the_lognormal_prior():
    """The big-city tests cannot see the prior (a year of 150,000 members swamps it; a flat prior passed them).
    With no observation the grid posterior must be the prior itself: log multipliers independent, normal with
    mean 0 and the scenario's sigma, up to the grid's discretisation (step 0.037 in the log, far below 1e-3 on
    these moments)."""
    sigma = {"mortality": 0.4, "accident": 0.7}
    grid, post = posterior_grid([], [], sigma)
    cal = Calibration(None, None, grid, grid, post, sigma)
    for which in sigma:
        g, p = cal.marginal(which)
        mean = float(p @ np.log(g))
        sd = float(np.sqrt(p @ (np.log(g) - mean) ** 2))
        assert abs(mean) < 1e-3 and sd == pytest.approx(sigma[which], abs=1e-3), (which, mean, sd)
        # 1 - (sd / sigma)^2 with |sd - sigma| <= 1e-3 (above): at most 2e-3 / sigma + (1e-3 / sigma)^2 from 0.
        bound = 2e-3 / sigma[which] + (1e-3 / sigma[which]) ** 2
        assert cal.stats(which)["credibility_weight"] == pytest.approx(0.0, abs=bound)
    assert post == pytest.approx(np.outer(post.sum(axis=1), post.sum(axis=0)), abs=1e-15)  # independent a priori


def test_a_count_only_observation_updates_the_prior_by_bayes_rule(big):
    """Posterior = prior x likelihood, normalised: for a count-only observation the likelihood is the normal
    density of the count with mean m x mean_jkm + a x mean_jkk and variance m x var_jkm + a x var_jkk, written
    out here with scipy's normal density, independently of the module's Mahalanobis code."""
    import scipy.stats

    _, moments = big
    obs = dataclasses.replace(_observation(1500.0, None), amount=None)
    sigma = {"mortality": 0.5, "accident": 0.3}
    grid, post = posterior_grid([obs], [moments], sigma)
    m, a = np.meshgrid(grid, grid, indexing="ij")
    mean = m * moments.mean["jkm"][0] + a * moments.mean["jkk"][0]
    var = m * moments.cov["jkm"][0, 0] + a * moments.cov["jkk"][0, 0]
    prior = scipy.stats.norm.pdf(np.log(m), 0, sigma["mortality"]) * scipy.stats.norm.pdf(np.log(a), 0, sigma["accident"])
    want = prior * scipy.stats.norm.pdf(1500.0, mean, np.sqrt(var))
    assert post == pytest.approx(want / want.sum(), rel=1e-9, abs=1e-300)


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
    # Divided by their means, then written to 4 decimals: their means are 1 up to that rounding (5e-5).
    assert draws.shape == (200, 2) and np.allclose(draws.mean(axis=0), 1.0, rtol=0, atol=5e-5)


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


def test_the_calibrated_files_first_line_is_a_command_that_writes_it_again(root, monkeypatch, tmp_path):
    """The calibrated file says "re-run it" with the command that wrote it. It named the scenario by its id, which
    finds a file in the checkout's scenarios/ only (a planner's own scenario elsewhere: "no such scenario file"),
    and left out --id (a re-run wrote <id>-calibrated.toml, not this file). It now gives the scenario and
    experience file as they were given, and --id."""
    import shlex

    from sim.cli import main

    shutil.copytree(root / "scenarios", tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    given = ["mine/madiun-2025-prior.toml", "mine/experience/madiun-2025.toml", "--id", "my-cal"]
    assert main(["calibrate", *given, "--out", "first"]) == 0
    written = (tmp_path / "mine" / "my-cal.toml").read_text()
    command = written.splitlines()[0].split("`")[1]
    assert command == "python -m sim calibrate " + " ".join(given)
    (tmp_path / "mine" / "my-cal.toml").unlink()
    assert main([*shlex.split(command)[3:], "--out", "again"]) == 0  # after "python -m sim"
    assert (tmp_path / "mine" / "my-cal.toml").read_text() == written
    assert sorted(p.name for p in (tmp_path / "mine").glob("*cal*.toml")) == ["my-cal.toml"]


def test_the_recorded_command_gives_each_set_back_as_it_was_given():
    """The re-run command's --set values, split by a shell as the planner's would be, are the overrides the fit had:
    a list split at its spaces into stray words, a TOML string lost its quotes and a float its digits past the
    sixth."""
    import datetime as dt
    import shlex
    from types import SimpleNamespace

    from sim.calibration import calibrate_command
    from sim.scenario import parse_override

    given = ["segments.vulnerable.age_bands=[[18, 40, 0.5], [41, 60, 0.5]]", 'scenario.title="Kota X (draft)"',
             "assumptions.age_shift=1.23456789e-07", "scenario.rules_date=2025-06-01", 'scenario.region="12"']
    overrides = tuple(parse_override(g) for g in given)
    assert overrides[3][1] == dt.date(2025, 6, 1) and overrides[4][1] == "12"
    cal = SimpleNamespace(scenario=SimpleNamespace(id="kota-x", overrides=overrides),
                          experience=SimpleNamespace(path="my claims.toml"))
    words = shlex.split(calibrate_command(cal, "my city/kota-x.toml", "kota-x-cal"))
    assert words[:6] == ["python", "-m", "sim", "calibrate", "my city/kota-x.toml", "my claims.toml"]
    sets = [words[i + 1] for i, w in enumerate(words) if w == "--set"]
    assert tuple(parse_override(s) for s in sets) == overrides
    assert words[-2:] == ["--id", "kota-x-cal"] and len(words) == 6 + 2 * len(given) + 2


SETS = ["assumptions.age_shift=5", "segments.vulnerable.age_profile=informal-working-age",
        "segments.vulnerable.male_share=0.7", "scenario.horizon_months=24",
        "segments.vulnerable.mortality_load=2.5"]


def test_a_calibration_with_set_writes_the_scenario_it_fitted(root, tmp_path, capsys):
    # The calibrated file inherits from the scenario file, which does not hold a --set: unless the file restates
    # each override, its forecasts (and the command's printed next-year forecast) are of another scenario.
    from cli_checks import run_cli

    scenarios = tmp_path / "scenarios"
    shutil.copytree(root / "scenarios", scenarios)
    sets = [a for s in SETS for a in ("--set", s)]
    code, out, err = run_cli(["calibrate", scenarios / "madiun-2025-prior.toml",
                              scenarios / "experience" / "madiun-2025.toml", "--id", "cal-set", "--out",
                              tmp_path / "out", *sets], capsys)
    assert code == 0, err
    written = load_scenario(scenarios / "cal-set.toml")
    fitted = load_scenario(scenarios / "madiun-2025-prior.toml", SETS)
    assert written.horizon_months == fitted.horizon_months == 24
    m = written.resolved["calibration"]["posterior"]["mortality_scale"]["value"]
    for w, f in zip(written.segments, fitted.segments):
        assert w.age_bands == f.age_bands and w.male_share == f.male_share and w.age_shift == f.age_shift == 5
        assert w.mortality_load == pytest.approx(f.mortality_load * m, rel=1e-6)  # the override, then scaled
    assert {s.name: s.male_share for s in written.segments}["vulnerable"] == 0.7
    assert "--set assumptions.age_shift=5" in (scenarios / "cal-set.toml").read_text().splitlines()[0]


def test_madiun_2023_uses_the_calibrated_vulnerable_assumptions():
    calibrated = {s.name: s for s in load_scenario("madiun-2025").segments}["vulnerable"]
    launch = {s.name: s for s in load_scenario("madiun-2023").segments}["vulnerable"]
    assert launch.mortality_load == calibrated.mortality_load
    assert launch.accident_rate == calibrated.accident_rate


# --- Bad experience files and data with nothing to fit: one error line, exit 2, nothing written ---------------

EXPERIENCE_HEAD = '[experience]\nid = "x"\nscenario = "madiun-2025-prior"\nsource = "test"\n'
OBSERVATION_2025 = ('\n[[observation]]\nfrom = "2025-01"\nto = "2025-11"\nclaims = { value = 144, unit = "claims" }\n'
                    'amount = { value = 6200000000, unit = "IDR" }\nsource = "test"\n')


@pytest.fixture
def calibrate_bad(tmp_path, root, capsys):
    """Run ``calibrate`` on a copy of madiun-2025-prior (and its base) in tmp_path, so that the calibrated scenario,
    which the command writes beside the base scenario, would land there; check that nothing was written."""
    from cli_checks import run_cli

    scenarios = tmp_path / "scenarios"
    shutil.copytree(root / "scenarios" / "base", scenarios / "base")
    shutil.copy(root / "scenarios" / "madiun-2025-prior.toml", scenarios)
    before = sorted(p.relative_to(scenarios) for p in scenarios.rglob("*"))
    shipped_before = sorted(p.name for p in (root / "scenarios").iterdir())

    def run(experience_text: str, *extra, name: str = "madiun-obs.toml"):
        experience = tmp_path / name
        experience.write_text(experience_text, encoding="utf-8")
        code, out, err = run_cli(["calibrate", scenarios / "madiun-2025-prior.toml", experience, "--id", "cal-test",
                                  "--out", tmp_path / "out", *extra], capsys)
        assert out == ""
        assert not (tmp_path / "out").exists()
        assert sorted(p.relative_to(scenarios) for p in scenarios.rglob("*")) == before
        assert sorted(p.name for p in (root / "scenarios").iterdir()) == shipped_before
        return code, err

    return run


@pytest.mark.parametrize("observation, key, problem", [
    ("observation = [1, 2]\n", "observation[0]", "must be an [[observation]] table, got 1"),
    ('observation = ["2025-01"]\n', "observation[0]", "must be an [[observation]] table, got '2025-01'"),
    ("observation = 5\n", "observation", "must be an array of [[observation]] tables, got 5"),
    ('observation = { from = "2025-01" }\n', "observation", "must be an array of [[observation]] tables"),
    ('observation = [{ from = "2025-01", to = "2025-11", claims = { value = 144, unit = "claims" }, source = "s" }, 7]\n',
     "observation[1]", "must be an [[observation]] table, got 7"),
])
def test_observation_that_is_not_an_array_of_tables_is_one_error_line(calibrate_bad, observation, key, problem):
    # Top-level keys go before [experience], or TOML puts them inside it.
    code, err = calibrate_bad(observation + EXPERIENCE_HEAD)
    assert_one_line_error(code, err, ["madiun-obs.toml", f": {key}: ", problem])


def test_no_expected_claims_is_one_error_line_not_a_singular_matrix(calibrate_bad):
    # No deaths and no accidents (a scenario without members is refused before any calibration: nothing to simulate).
    no_events = ["assumptions.mortality_load=0", "segments.vulnerable.mortality_load=0",
                 "segments.vulnerable.accident_rate=0", "segments.non_asn.accident_rate=0"]
    code, err = calibrate_bad(EXPERIENCE_HEAD + OBSERVATION_2025, *[a for o in no_events for a in ("--set", o)])
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[0]: ", "expects no claims",
                                      "nothing to calibrate"])


def test_no_expected_claims_in_the_observed_segment_is_one_error_line(calibrate_bad):
    observation = OBSERVATION_2025.replace('to = "2025-11"\n', 'to = "2025-11"\nsegment = "vulnerable"\n')
    code, err = calibrate_bad(EXPERIENCE_HEAD + observation, "--set", "segments.vulnerable.members=0")
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[0]: ", "segment vulnerable",
                                      "nothing to calibrate"])


@pytest.mark.parametrize("claims, amount, name, end", [
    (20000, 900_000_000_000, "mortality_scale", "upper"),  # about 90 times what the scenario expects
    (1, 10_000_000, "mortality_scale", "lower"),  # a hundredth
])
def test_posterior_at_the_edge_of_the_grid_is_one_error_line(calibrate_bad, claims, amount, name, end):
    """Observations the grid cannot hold (its multipliers run 0.05-20) would give the grid's bound as the calibrated
    multiplier, with a 90 % interval of nothing: refused instead."""
    observation = OBSERVATION_2025.replace("value = 144", f"value = {claims}").replace("6200000000", str(amount))
    code, err = calibrate_bad(EXPERIENCE_HEAD + observation)
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation: ", f"posterior of {name} reaches the {end} end"])


def test_the_shipped_calibration_is_well_inside_the_grid(root):
    calibration = fit("madiun-2025-prior", root / "scenarios" / "experience" / "madiun-2025.toml", trials=1000)
    for axis in (0, 1):
        marginal = calibration.posterior.sum(axis=axis)
        assert max(marginal[0], marginal[-1]) < EDGE_MASS / 100  # 4e-6 at 1,000 trials: far from refused


def test_observed_period_before_the_encoded_rules_is_blamed_on_the_experience_file(calibrate_bad):
    # The window reaches the scenario through internal overrides: the error must not blame --set.
    observation = ('\n[[observation]]\nfrom = "2025-01"\nto = "2025-11"\nclaims = { value = 144, unit = "claims" }\n'
                   'source = "s"\n\n[[observation]]\nfrom = "2019-01"\nto = "2019-11"\n'
                   'claims = { value = 3, unit = "claims" }\nsource = "s"\n')
    code, err = calibrate_bad(EXPERIENCE_HEAD + observation)
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[1].from: ", "2019-01",
                                      "benefit rules are encoded from"])
    assert "--set" not in err


def test_a_bad_user_set_is_still_blamed_on_set(tmp_path):
    # Only the window's own overrides are blamed on the experience file; a --set of the user's is the user's.
    experience = tmp_path / "madiun-obs.toml"
    experience.write_text(EXPERIENCE_HEAD + OBSERVATION_2025.replace("2025-", "2019-"), encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^--set: segments\.vulnerable\.members\.value: must be >= 0"):
        fit("madiun-2025-prior", experience, ["segments.vulnerable.members=-1"])


@pytest.mark.parametrize("trials, words", [
    (10**5000, "must be <= 100,000,000, got 1000000000"), (0, "must be >= 1, got 0"),
    (1.5, "must be a whole number written without a decimal point"),
], ids=["5000 digits", "0", "1.5"])
def test_trials_of_the_fit_are_checked_as_scenario_trials(root, trials, words, long_integers):
    """Notebook 02's variance_trials reach fit() as they are: 1 followed by 5,000 zeros ended in a traceback out of
    numpy ("Maximum allowed dimension exceeded"); it is refused in one line naming the trials, as scenario.trials is."""
    with pytest.raises(ScenarioError) as err:
        fit("madiun-2025-prior", root / "scenarios" / "experience" / "madiun-2025.toml", trials=trials)
    assert str(err.value).startswith(f"calibration of madiun-2025-prior: trials: {words}")


def test_claims_that_do_not_vary_are_refused_before_the_likelihood():
    # Amount a fixed multiple of the count (e.g. JKM lump sums only, no children): a singular covariance.
    counts = np.random.default_rng(1).poisson(5.0, 1000).astype(float)
    sims = np.column_stack([counts, 42e6 * counts])
    moments = Moments({"jkm": np.array([5.0, 2.1e8]), "jkk": np.zeros(2)},
                      {"jkm": np.cov(sims.T), "jkk": np.zeros((2, 2))}, sims)
    obs = dataclasses.replace(_observation(4.0, 1.7e8), benefits="jkm")
    with pytest.raises(ScenarioError, match=r"exp.toml: observation\[2\]: .*do not vary"):
        check_informative(obs, moments, "exp.toml", "observation[2]", "s")
    check_informative(dataclasses.replace(obs, amount=None), moments, "exp.toml", "observation[2]", "s")  # count only


def test_next_year_is_the_scenarios_own_forecast_of_that_year(root):
    """The year after the observations (2026 for Jan-Nov 2025) comes from a run from the scenario's start through
    that year, so it is the scenario's own 2026: members a year older and longer in the scheme, scholarships of
    2025 deaths still paid. Moving the start to 2026-01 would give the 2025 figures again under a 2026 label."""
    from sim.calibration import load_experience, next_year_forecast
    from sim.forecast import forecast

    calibrated = load_scenario("madiun-2025")
    experience = load_experience(root / "scenarios" / "experience" / "madiun-2025.toml")
    got = next_year_forecast(calibrated, experience, trials=1000)
    periods = forecast(load_scenario("madiun-2025", ["scenario.horizon_months=24", "scenario.trials=1000"]))["periods"]
    assert got["period"] == "2026" and [p["period"] for p in periods] == ["2025", "2026", "total"]
    assert got["claims_mean_idr"] == periods[1]["claims_idr"]["mean"]
    assert got["claims_p95_idr"] == periods[1]["claims_idr"]["p95"]
    assert got["claims_mean_idr"] != periods[0]["claims_idr"]["mean"]


def test_a_claim_count_that_is_not_whole_is_one_error_line(calibrate_bad):
    code, err = calibrate_bad(EXPERIENCE_HEAD + OBSERVATION_2025.replace("value = 144", "value = 144.5"))
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[0].claims.value: ", "whole number", "144.5"])


def test_a_calibrated_scenario_is_not_calibrated_again(root):
    """madiun-2025 carries posterior draws: fitting it again would count the data twice (its priors are that
    posterior's ranges) and break the likelihood's linear covariance. Its base is named instead."""
    with pytest.raises(ScenarioError, match=r"madiun-2025\.toml: uncertainty\.intensity_draws: .*already calibrated"
                                            r".*\(madiun-2025-prior\)"):
        fit("madiun-2025", root / "scenarios" / "experience" / "madiun-2025.toml")


def test_goodness_of_fit_flags_the_madiun_data_and_passes_data_the_model_can_produce(root, tmp_path):
    """Madiun's 144 claims for Rp6.2 bn average Rp43 m a claim, more than any mix of the model's deaths and
    accidents gives: with both figures fitted (the shipped file fits the amount alone, for this reason) no
    multipliers fit, and the calibration says so. The model's own expected figures (the uncalibrated forecast's
    means) fit."""
    both = tmp_path / "both.toml"
    text = (root / "scenarios" / "experience" / "madiun-2025.toml").read_text()
    assert 'fit = ["amount"]\n' in text
    text = text.replace('fit = ["amount"]\n', "")
    both.write_text(text)
    shipped = fit("madiun-2025-prior", both, trials=1000)
    bad = shipped.goodness_of_fit()
    # Flagged: the chance of so large a distance if the model held is under the 0.001 the warning is given at.
    assert not bad["fits"] and bad["p_value"] < 1e-3 and bad["observed_values"] == 2
    row = shipped.backtest()[0]
    own = tmp_path / "own.toml"
    own.write_text(text.replace("value = 144,", f"value = {round(row['claims_forecast_mean'])},")
                   .replace("value = 6200000000", f"value = {round(row['amount_idr_forecast_mean'])}"))
    good = fit("madiun-2025-prior", own, trials=1000).goodness_of_fit()
    assert good["fits"] and good["chi2_min"] < 1.0
    assert "Warning: no setting of the two multipliers" in calibrated_scenario_text(shipped, "x", "madiun-2025-prior")


def test_the_calibrated_title_in_each_language():
    """The calibrated copy drops the base's "prior" suffix and says it is calibrated, in English and Indonesian;
    a base with one title gets both suffixes on it."""
    from sim.calibration import _calibrated_title

    assert _calibrated_title({"en": "Kota X (prior assumptions)", "id": "Kota X (asumsi awal)"}) == {
        "en": "Kota X (calibrated to observed claims)", "id": "Kota X (dikalibrasi dengan klaim tercatat)"}
    assert _calibrated_title({"en": "Kota X", "id": "Kota X"}) == {
        "en": "Kota X (calibrated to observed claims)", "id": "Kota X (dikalibrasi dengan klaim tercatat)"}
    shipped = load_scenario("madiun-2025").titles
    assert shipped["id"].endswith("(dikalibrasi dengan klaim tercatat)") and "asumsi awal" not in shipped["id"]


def test_segments_outside_the_calibration_do_not_inherit_a_calibrated_value_silently(root):
    """A segment added after a calibration (madiun-2026-ucj's informal and SERTAKAN workers) had no claims in it.
    Left to the scenario's default mortality load, it took madiun-2025's calibrated one, shown as "calibrated"
    with a posterior interval. Every such segment states its own load and accident rate, neither "calibrated"."""
    checked = 0
    for path in sorted((root / "scenarios").glob("*.toml")):
        scenario = load_scenario(path)
        calibrated_in = _calibrated_segments(path)
        for name, seg in scenario.resolved["segments"].items():
            if calibrated_in is None or name in calibrated_in:
                continue
            checked += 1
            assert "mortality_load" in seg, (path.name, name)
            for key in ("mortality_load", "accident_rate"):
                assert seg[key].get("basis") != "calibrated", (path.name, name, key)
    assert checked >= 4  # madiun-2026-ucj and -csr: informal and sertakan


def _calibrated_segments(path) -> set | None:
    """The segments of the scenario that the calibration in ``path``'s chain was fitted on; None without one."""
    scenario = load_scenario(path)
    if scenario.calibration is None:
        return None
    return set(load_scenario(scenario.calibration["scenario"]).resolved["segments"])


def test_madiun_2026_ucj_new_segments_take_the_calibrated_default_mortality_load():
    """madiun-2026-ucj's new segments are taken to die like the non-ASN staff (the calibrated default load), with a
    range up to the vulnerable workers' 90 % upper end; their source quotes both."""
    calibrated = load_scenario("madiun-2025")
    vulnerable = {s.name: s for s in calibrated.segments}["vulnerable"]
    default = calibrated.resolved["assumptions"]["mortality_load"]["value"]
    upper = calibrated.resolved["segments"]["vulnerable"]["mortality_load"]["range"][1]
    ucj = load_scenario("madiun-2026-ucj")
    for name in ("informal", "sertakan"):
        entry = ucj.resolved["segments"][name]["mortality_load"]
        assert entry["value"] == default and entry["range"][1] == round(upper, 2), name
        assert f"not like the DTKS poor ({vulnerable.mortality_load:.3f})" in entry["source"], name
        shown_id = f"{vulnerable.mortality_load:.3f}".replace(".", ",")
        assert f"yang terdaftar di DTKS ({shown_id})" in entry["source_id"], name


# --- fit: which recorded figures the likelihood uses -------------------------------------------------------------


def test_a_figure_left_out_of_the_fit_does_not_move_the_posterior(big):
    """``fit = ["amount"]``: the posterior is exactly that of an amount-only observation, whatever count is
    recorded beside it, and the goodness of fit counts one value."""
    model, moments = big
    sigma = {"mortality": 0.5, "accident": 0.5}
    amount_only = dataclasses.replace(_observation(None, 9e9), fitted=("amount",))
    _, want = posterior_grid([amount_only], [moments], sigma)
    for count in (10.0, 1_000.0):
        obs = dataclasses.replace(_observation(count, 9e9), fitted=("amount",))
        _, post = posterior_grid([obs], [moments], sigma)
        assert np.array_equal(post, want)
    _, both = posterior_grid([_observation(10.0, 9e9)], [moments], sigma)
    assert not np.allclose(both, want)  # the count does move it when fitted


@pytest.mark.parametrize("benefits, observed, other",
                         [("jkk", "accident", "mortality"), ("jkm", "mortality", "accident")])
def test_an_observation_of_one_peril_moves_only_its_own_multiplier(big, benefits, observed, other):
    """``benefits = "jkk"`` (work accidents only) or ``"jkm"`` (deaths and their scholarships): the likelihood sets
    the figures against that peril's expectation alone, so the other multiplier keeps its prior exactly and this one
    goes to what the figures say, here 0.6 times the peril's expected count and amount (within 4 posterior sd)."""
    model, moments = big
    sigma = {"mortality": 0.5, "accident": 0.4}
    obs = dataclasses.replace(_observation(*(0.6 * moments.mean[benefits])), benefits=benefits)
    grid, post = posterior_grid([obs], [moments], sigma)
    _, prior = posterior_grid([], [], sigma)
    axis = {"mortality": 1, "accident": 0}  # summing over the other axis leaves a multiplier's marginal
    assert post.sum(axis=axis[other]) == pytest.approx(prior.sum(axis=axis[other]), rel=1e-9, abs=1e-300)
    cal = Calibration(None, None, grid, grid, post, sigma)
    g, p = cal.marginal(observed)
    mean = cal.stats(observed)["mean"]
    assert abs(mean - 0.6) <= 4 * float(np.sqrt(p @ (g - mean) ** 2))
    assert cal.stats(observed)["credibility_weight"] > 0.5
    assert cal.stats(other)["credibility_weight"] == pytest.approx(0.0, abs=0.01)


def test_an_observation_of_one_segment_is_set_against_that_segment_alone():
    """``segment = "vulnerable"``: the expected figures are that segment's (closed form), its simulated claims are
    its members' only, and the segments' figures add up to the whole city's."""
    from sim.closed_form import expected

    model = build_model(load_scenario("madiun-2025-prior", ["scenario.horizon_months=12"]))
    closed = expected(model)
    whole = observation_moments(model, _observation(1.0, 1.0), "x.toml", trials=1000)
    parts = []
    for s, segment in enumerate(e.segment.name for e in model.segments):
        mom = observation_moments(model, dataclasses.replace(_observation(1.0, 1.0), segment=segment), "x.toml",
                                  trials=1000)
        for peril in ("jkm", "jkk"):
            count = closed.counts[0, s][..., [INDEX[b] for b in CLAIM_BENEFITS[peril]]].sum()
            amount = closed.amounts[0, s][..., [INDEX[b] for b in PERIL_BENEFITS[peril]]].sum()
            assert mom.mean[peril] == pytest.approx([count, amount], rel=1e-12), (segment, peril)
        parts.append(mom)
    assert len(parts) == 2 and all(0 < p.mean["jkm"][1] < whole.mean["jkm"][1] for p in parts)
    for peril in ("jkm", "jkk"):
        assert sum(p.mean[peril] for p in parts) == pytest.approx(whole.mean[peril], rel=1e-12)
    assert sum(p.simulated for p in parts) == pytest.approx(whole.simulated, rel=1e-12)


def test_madiun_fits_the_amount_and_checks_the_count(root):
    """The shipped experience fits the amount only: the calibrated model reproduces the recorded amount (the
    closed-form expectation at the posterior means, within the 90 % interval's width), one value is fitted, and the
    count is reported as not fitted beside the model's expectation."""
    cal = fit("madiun-2025-prior", root / "scenarios" / "experience" / "madiun-2025.toml")
    assert cal.experience.observations[0].fitted == ("amount",)
    desc = cal.describe()
    assert desc["goodness_of_fit"]["observed_values"] == 1
    row = cal.expected_in_window()[0]
    assert abs(row["expected_amount_idr"] / row["amount_idr"] - 1) < 0.02
    [check] = desc["not_fitted"]
    assert check["claims"] == 144 and check["expected_claims"] == pytest.approx(row["expected_claims"])
    assert "amount_idr" not in check


@pytest.mark.parametrize("fit_line, problem", [
    ('fit = ["count"]', "unknown figure 'count' (expected claims or amount)"),
    ("fit = []", "must be a non-empty list of figures to fit (claims, amount), got []"),
    ('fit = "amount"', "must be a non-empty list of figures to fit (claims, amount), got 'amount'"),
    ('fit = ["amount", "amount"]', "names a figure twice"),
    ('fit = ["claims"]', "names claims, which the observation does not give"),
])
def test_a_bad_fit_list_is_one_error_line(calibrate_bad, fit_line, problem):
    code, err = calibrate_bad(EXPERIENCE_HEAD + '\n[[observation]]\nfrom = "2025-01"\nto = "2025-11"\n'
                              'amount = { value = 6200000000, unit = "IDR" }\n' + fit_line + '\nsource = "s"\n')
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[0].fit: ", problem])


# --- calibration.json and the scenario file: both or neither ------------------------------------------------------


@pytest.mark.parametrize("earlier", [None, b'{"earlier": true}\n'], ids=["new", "earlier-calibration"])
def test_a_failed_move_of_the_scenario_file_takes_calibration_json_out_again(root, tmp_path, capsys, monkeypatch,
                                                                              earlier):
    """``sim calibrate`` moves calibration.json into place, then its scenario file: when that second move failed,
    calibration.json stayed, describing a scenario file that was never written. It is now taken out again, and an
    earlier calibration.json it replaced is put back."""
    import errno
    import os

    from cli_checks import run_cli

    scenarios, out = tmp_path / "scenarios", tmp_path / "out"
    shutil.copytree(root / "scenarios" / "base", scenarios / "base")
    shutil.copy(root / "scenarios" / "madiun-2025-prior.toml", scenarios)
    if earlier is not None:
        out.mkdir()
        (out / "calibration.json").write_bytes(earlier)
    target, original = scenarios / "cal-test.toml", os.replace

    def replace(src, dst, **kw):  # the scenario file's move fails as a read-only or full file system would
        if Path(dst) == target:
            raise OSError(errno.EROFS, "Read-only file system", str(src), None, str(dst))
        return original(src, dst, **kw)

    monkeypatch.setattr(os, "replace", replace)
    code, printed, err = run_cli(["calibrate", scenarios / "madiun-2025-prior.toml",
                                  root / "scenarios" / "experience" / "madiun-2025.toml", "--id", "cal-test",
                                  "--out", out], capsys)
    assert_one_line_error(code, err, [f"error: {target}: Read-only file system"])  # the file asked for, not the probe
    assert printed == "" and not target.exists() and not list(scenarios.glob(".*"))
    if earlier is None:
        assert not out.exists()
    else:
        assert [p.name for p in out.iterdir()] == ["calibration.json"]
        assert (out / "calibration.json").read_bytes() == earlier


def test_the_backtest_percentile_counts_ties_as_half_below():
    # 2 claims observed; the forecast's five trials had 1, 2, 2, 3 and 5: one trial below and two level with it, so
    # the observation sits at the mid-rank percentile (1 + 0.5 x 2) / 5 = 0.4, not at 1 / 5 (whole counts tie often).
    obs = Observation(dt.date(2025, 1, 1), dt.date(2025, 12, 1), "all", "all", claims=2.0, amount=None,
                      count_includes_scholarships=False, source="test")
    simulated = np.array([[1.0, 0.0], [2.0, 0.0], [2.0, 0.0], [3.0, 0.0], [5.0, 0.0]])
    experience = Experience(Path("test.toml"), "test", "test", "test", (obs,))
    cal = Calibration(None, experience, np.ones(1), np.ones(1), np.ones((1, 1)), {}, [Moments({}, {}, simulated)])
    [row] = cal.backtest()
    assert row["claims_percentile"] == pytest.approx(0.4, rel=1e-12)
    assert row["claims_forecast_mean"] == pytest.approx(2.6, rel=1e-12)
    assert "amount_idr" not in row


def test_one_reading_of_an_observation_s_months_and_benefits_for_the_fit_and_the_model_window():
    """The fit (observation_moments) and the report's model window (window_forecast) read an observation alike: its
    months make up one reporting period whole, or none (the fit then refuses it, the window is left out); its claims
    count the deaths and accidents, then each scholarship instalment where its count includes them, over the perils
    it covers, in that order (the order of the sums); its amount is everything those perils pay."""
    model = build_model(load_scenario("madiun-2025-prior", ["scenario.horizon_months=24"]))
    year = _observation(1.0, 1.0)  # January to December 2025, the run's first calendar year
    assert _observed_period(model, year) == (0, list(range(12)))
    across = dataclasses.replace(year, start=dt.date(2025, 7, 1), end=dt.date(2026, 6, 1))
    eleven = dataclasses.replace(year, end=dt.date(2025, 11, 1))
    assert _observed_period(model, across)[0] is None and _observed_period(model, eleven) == (None, list(range(11)))
    with pytest.raises(ScenarioError, match="must cover exactly one calendar year"):
        _period_of(model, across, "x.toml")
    jkm = dataclasses.replace(year, benefits="jkm")
    assert _benefit_columns(jkm, jkm.perils) == ([INDEX["jkm_death"]], [INDEX["jkm_death"], INDEX["jkm_scholarship"]])
    both = dataclasses.replace(year, count_includes_scholarships=True)
    counted, amount = _benefit_columns(both, both.perils)
    assert counted == [INDEX[b] for b in ("jkm_death", "jkk_medical", "jkm_scholarship", "jkk_scholarship")]
    assert amount == [INDEX[b] for p in ("jkm", "jkk") for b in PERIL_BENEFITS[p]] and len(set(amount)) == len(INDEX)


def test_an_observation_table_is_read_on_its_own_and_its_problems_name_its_place():
    """calibration._observation, one [[observation]] of an experience file as load_experience reads each: the
    figures given (a count only here: all benefits and segments, instalments not counted, the count fitted, by
    default), and a problem of its own keys named at its place in the file."""
    def fail(key, problem):
        raise ScenarioError("exp.toml", key, problem)

    def given(node, key, check, where):  # load_experience's need() checks the value; here it is valid
        return node[key]

    node = {"from": "2025-01", "to": "2025-11", "claims": {"value": 144, "unit": "claims"}, "source": "test"}
    obs = read_observation(node, "observation[3]", fail, given)
    assert (obs.start, obs.end, obs.benefits, obs.segment) == (dt.date(2025, 1, 1), dt.date(2025, 11, 1), "all", "all")
    assert (obs.claims, obs.amount, obs.count_includes_scholarships, obs.fitted) == (144, None, False, ("claims",))
    with pytest.raises(ScenarioError, match=r"observation\[3\]\.benefits: must be all, jkm or jkk; got 'jkl'"):
        read_observation({**node, "benefits": "jkl"}, "observation[3]", fail, given)


def test_a_calibration_observation_is_written_as_toml_that_reads_back_as_the_observation():
    """calibration._observation_record, one [[calibration.observation]] of a calibrated scenario's record: the
    observation's window, scope and figures as the experience file gives them (its fit only where it is not all
    the figures given) and the model's expected figures of the same months, in TOML that reads back as written."""
    import tomllib

    obs = dataclasses.replace(_observation(144.0, 6.2e9), fitted=("amount",), source_id="sumber")
    row = {"from": "2025-01", "to": "2025-11", "expected_claims": 197.654, "expected_amount_idr": 6186086672.4}
    text = "\n".join(["[calibration]"] + _observation_record("madiun-2025-prior", obs, row))
    (table,) = tomllib.loads(text)["calibration"]["observation"]
    assert (table["from"], table["to"], table["benefits"], table["segment"]) == ("2025-01", "2025-11", "all", "all")
    assert table["fit"] == ["amount"] and table["count_includes_scholarships"] is False
    assert (table["claims"]["value"], table["amount"]["source_id"]) == (144.0, "sumber")
    assert (table["expected_claims"]["value"], table["expected_amount"]["value"]) == (197.65, 6186086672.0)
    assert "madiun-2025-prior at the posterior mean" in table["expected_amount"]["source"]
    both = dataclasses.replace(obs, fitted=("claims", "amount"))
    assert "fit" not in tomllib.loads("\n".join(["[calibration]"] + _observation_record("x", both, row)))[
        "calibration"]["observation"][0]


def test_the_method_names_the_likelihood_of_the_figures_fitted(root):
    """The record's ``method`` said "bivariate normal likelihood of (claims, amount)" where the fit used the amount
    alone (madiun-2025's fit = ["amount"]): it names what was fitted, and the shipped record says so."""
    both = _observation(10.0, 9e9)
    amount = dataclasses.replace(both, fitted=("amount",))
    count = dataclasses.replace(both, fitted=("claims",))
    assert method([amount]) == "grid posterior, normal likelihood of the amount per observation, lognormal priors"
    assert method([both]) == ("grid posterior, bivariate normal likelihood of (claims, amount) per observation, "
                              "lognormal priors")
    assert "normal likelihood of the claims per" in method([count])
    assert "of the amount or bivariate normal likelihood of (claims, amount) per" in method([amount, both, amount])
    record = tomllib.loads((root / "scenarios" / "madiun-2025.toml").read_text())["calibration"]
    assert record["method"] == method([amount])


# --- Count and amount fitted together: a warning where the bivariate normal likelihood is used --------------------


def test_an_observation_fitting_count_and_amount_together_is_warned_once(tmp_path, root, capsys):
    """The bivariate normal of (count, amount) is poor where the two disagree (README, "A normal likelihood"), and a
    file that gives both without ``fit`` uses it silently: ``sim validate`` and ``sim calibrate`` say so in one
    line naming the file and the observation, the description carries it; ``fit = ["amount"]`` (and the shipped
    file) get none. Exit codes are those without the warning."""
    from cli_checks import run_cli
    from sim.cli import format_calibration

    scenarios = tmp_path / "scenarios"
    shutil.copytree(root / "scenarios" / "base", scenarios / "base")
    shutil.copy(root / "scenarios" / "madiun-2025-prior.toml", scenarios)
    # two observations, one calendar year each (as validate and calibrate require), the second fitting both figures
    two = tmp_path / "two.toml"
    two.write_text(EXPERIENCE_HEAD + OBSERVATION_2025.replace("2025-01", "2024-01").replace("2025-11", "2024-12")
                   .replace("claims = {", 'fit = ["amount"]\nclaims = {') + OBSERVATION_2025)
    both = tmp_path / "both.toml"
    both.write_text(EXPERIENCE_HEAD + OBSERVATION_2025)
    amount = tmp_path / "amount.toml"
    amount.write_text(EXPERIENCE_HEAD + OBSERVATION_2025.replace("source =", 'fit = ["amount"]\nsource ='))
    shipped = root / "scenarios" / "experience" / "madiun-2025.toml"
    words = ["fits the claim count and the amount together", 'fit = ["amount"]', "benchmarks/likelihood.py",
             '"A normal likelihood"']

    code, out, err = run_cli(["validate", two], capsys)
    assert code == 0 and out.startswith(f"OK {two}") and len(err.splitlines()) == 1, (code, err)
    assert err.startswith(f"warning: {two}: observation[1] (2025-01..2025-11) fits"), err
    assert all(w in err for w in words) and "observation[0]" not in err, err
    for quiet in (amount, shipped):
        code, out, err = run_cli(["validate", quiet], capsys)
        assert (code, err) == (0, "") and out.startswith("OK "), (quiet, err)

    code, out, err = run_cli(["calibrate", scenarios / "madiun-2025-prior.toml", both, "--id", "cal-both", "--out",
                              tmp_path / "out"], capsys)
    assert code == 0, err
    [line] = [line for line in out.splitlines() if "together" in line]
    assert line.startswith(f"warning: {both}: observation[0] (2025-01..2025-11) fits") and all(w in line for w in words)
    saved = json.loads((tmp_path / "out" / "calibration.json").read_text())
    assert f"warning: {saved['joint_fit_warning']}" == line
    desc = fit("madiun-2025-prior", amount, trials=1000).describe()
    assert "joint_fit_warning" not in desc
    desc["forecast_next_year"] = saved["forecast_next_year"]
    assert "together" not in format_calibration(desc)
    assert "joint_fit_warning" not in fit("madiun-2025-prior", shipped, trials=1000).describe()
