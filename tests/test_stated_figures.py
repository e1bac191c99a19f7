"""Figures that scenario files, report texts and the README state, checked against the closed form:
madiun-2023-target's new members and what its description says of its all-BPU pricing; the share of work-accident
deaths the methodology's limits give; what the totally disabled members kept in force cost; what a run-off
recomputed at a trial's death multiplier would change, the priors the calibration reads from ranges, and how little
the exact compound Poisson likelihood moves madiun-2025's calibration from the normal one (benchmarks/likelihood.py,
itself checked against sim.exact), and how far the exact joint likelihood of (count, amount) moves a fit of both
figures from the bivariate normal (a check of the likelihood; its sum over counts is the amount's exact one)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from sim.accident import DEATH, TOTAL
from sim.benefits import INDEX
from sim.closed_form import expected, intensity_means
from sim.population import Model, build_model
from sim.scenario import load_scenario

SPLIT = Path(__file__).parent / "data" / "madiun-2023-target-split.toml"


def _yearly(ref) -> tuple[np.ndarray, np.ndarray]:
    """Expected claims and premiums per calendar year (closed form)."""
    e = expected(build_model(load_scenario(ref)))
    return e.amounts.sum(axis=(1, 2)), e.premium.sum(axis=1)


def test_the_target_s_members_beyond_the_enrolled_are_new():
    """madiun-2023-target took madiun-2023's tenure (every member 6 or 30 months in) for all 16,539, although only
    4,906 were enrolled: the other 11,633 start at 0 months, and the enrolled are at madiun-2023's months (3,607
    since mid-2020, 1,299 since mid-2022; madiun-2023 rounds their shares to 74 % and 26 %)."""
    target, base = load_scenario("madiun-2023-target"), load_scenario("madiun-2023")
    (seg,), (enrolled,) = target.segments, base.segments
    shares = dict(seg.tenure)
    assert sorted(shares) == sorted([0] + [months for months, _ in enrolled.tenure])
    counts = {months: shares[months] * seg.members for months in shares}
    assert counts == pytest.approx({0: 11_633, 6: 1_299, 30: 3_607}, abs=0.05)
    assert enrolled.members == 4_906 and dict(enrolled.tenure) == {6: 0.26, 30: 0.74}


def test_the_target_s_description_gives_what_the_all_bpu_pricing_does():
    """The description quotes madiun-2025's split (tests/data/madiun-2023-target-split.toml): premiums about 13 %
    and 2023 claims about 23 % lower, the claim ratio about 208 % rather than 235 %."""
    claims, premium = _yearly("madiun-2023-target")
    split_claims, split_premium = _yearly(SPLIT)
    said = load_scenario("madiun-2023-target").descriptions["en"]
    assert f"premiums would be about {round(100 * (1 - split_premium[0] / premium[0]))} %" in said
    assert f"2023 claims about {round(100 * (1 - split_claims[0] / claims[0]))} % lower" in said
    ratios = round(100 * split_claims[0] / split_premium[0]), round(100 * claims[0] / premium[0])
    assert "claim ratio about {} % rather than {} %".format(*ratios) in said


def test_the_limits_give_the_share_of_work_accident_deaths_the_shipped_scenarios_have():
    """The methodology's limits say JKK deaths, added to the mortality table's deaths of every cause, are 0.6-1.5 %
    of all deaths in the shipped scenarios (closed form over each horizon; the synthetic national one aside, a scale
    test with one national accident rate)."""
    from sim.benefits import BENEFITS
    from sim.report_text import TEXT

    root = Path(__file__).resolve().parent.parent / "scenarios"
    shares = {}
    for path in sorted(root.glob("*.toml")):
        if path.stem == "national-2025":
            continue
        counts = expected(build_model(load_scenario(path.stem))).counts.sum(axis=(0, 1))
        jkk, jkm = counts[list(BENEFITS).index("jkk_death")], counts[list(BENEFITS).index("jkm_death")]
        shares[path.stem] = jkk / (jkk + jkm)
    low, high = min(shares.values()), max(shares.values())
    assert (round(100 * low, 1), round(100 * high, 1)) == (0.6, 1.5), shares
    for key in ("method_limits", "method_limits_plan"):
        assert "0,6–1,5%" in TEXT[key]["id"] and "0.6-1.5%" in TEXT[key]["en"]


def test_the_limits_give_how_much_wider_a_year_s_poisson_deaths_are_than_binomial():
    """The methodology's limits said random deaths "do not reduce later exposure (an error below 0.01% of claims)".
    The engine draws each cell-month's deaths Poisson with mean expected survivors x q (population.segment_exposure's
    jkm_rate): the expected number is exact, and only the spread differs. A closed cell of n members has a year's
    deaths binomial (n, p) with p = that year's expected deaths / n, variance n p (1 - p), where the Poisson's is n p:
    over a year's deaths, Poisson / binomial - 1 = sum(d p) / sum(d (1 - p)). Across the shipped scenarios and years it
    is 0.6 % to 2.7 % (madiun-2023's older members; n is a cell's most members, an approximation where members join),
    the "1-3%" the limits state."""
    from sim.report_text import TEXT

    root = Path(__file__).resolve().parent.parent / "scenarios"
    excess = {}
    for path in sorted(root.glob("*.toml")):
        model = build_model(load_scenario(path.stem))
        for y, year in enumerate(model.period_labels):
            months = model.period_of_month == y
            deaths = [e.jkm_rate[:, months].sum(axis=1) for e in model.segments]
            p = [np.divide(d, e.inforce.max(axis=1), out=np.zeros_like(d), where=e.inforce.max(axis=1) > 0)
                 for d, e in zip(deaths, model.segments)]
            poisson = sum(d.sum() for d in deaths)
            binomial = sum((d * (1 - q)).sum() for d, q in zip(deaths, p))
            excess[path.stem, year] = poisson / binomial - 1
    low, high = min(excess.values()), max(excess.values())
    assert (round(100 * low), round(100 * high)) == (1, 3), excess
    for key in ("method_limits", "method_limits_plan"):
        assert "rata-rata kematian setahun tepat, variansnya 1–3% di atas binomial" in TEXT[key]["id"]
        assert "a year's deaths have the exact mean, a variance 1-3% above a binomial's" in TEXT[key]["en"]
        assert "0.01%" not in TEXT[key]["en"] and "0,01%" not in TEXT[key]["id"]


def _disabled_kept_in_force(model: Model):
    """The closed form of the members totally disabled by a work accident, as the model keeps them in force: each
    cell's disabled, added month by month (its expected accidents x the share of total disabilities) and run off as
    the cell is (its non-work death rate and fatal accidents, or at once when the cell empties), have the cell's
    deaths, accidents and premiums. Where members join and leave (a projection) the disabled leave by death alone
    (and with an emptied cell), so this is an upper bound there."""
    death_scale, accident_scale = intensity_means(model)
    shares = model.scenario.severity.shares
    segments = []
    for exp in model.segments:
        q = np.divide(exp.jkm_rate, exp.inforce, out=np.ones_like(exp.inforce), where=exp.inforce > 0)
        accident = exp.segment.accident_rate / 1000.0 / 12.0
        disabled = np.zeros_like(exp.inforce)
        for m in range(1, model.months):
            leave = q[:, m - 1] * death_scale + accident * accident_scale * shares[DEATH]
            disabled[:, m] = (disabled[:, m - 1] * np.maximum(1.0 - leave, 0.0)
                              + exp.jkk_rate[:, m - 1] * accident_scale * shares[TOTAL])
        segments.append(dataclasses.replace(exp, inforce=disabled, jkm_rate=disabled * q,
                                            jkk_rate=disabled * accident))
    return expected(dataclasses.replace(model, segments=tuple(segments)))


def test_the_readme_says_how_little_the_totally_disabled_kept_in_force_cost():
    """README's "A totally disabled member stays in force": madiun-2025's total disabilities in 2025-2027 and, kept in
    force, their deaths, claims and premiums, as shares of each year's from 2025 to 2027; and the largest share of a
    year's expected claims and premiums over the shipped scenarios, with the scenario and year."""
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    model = build_model(load_scenario("madiun-2025"))
    full, kept = expected(model), _disabled_kept_in_force(model)
    claims = kept.amounts.sum(axis=(1, 2)) / full.amounts.sum(axis=(1, 2))
    premiums = kept.premium.sum(axis=1) / full.premium.sum(axis=1)
    assert (f"madiun-2025 expects {full.counts[..., INDEX['jkk_total']].sum():.1f} total disabilities in "
            f"{model.period_labels[0]}-{model.period_labels[-1]}; kept in force, those members have "
            f"{kept.counts[..., INDEX['jkm_death']].sum():.2f} expected deaths and bring "
            f"Rp{kept.amounts.sum() / 1e6:.1f} m of expected claims and Rp{kept.premium.sum() / 1e6:.1f} m of "
            f"premiums, from {100 * min(claims[0], premiums[0]):.3f} % of {model.period_labels[0]}'s expected claims "
            f"and premiums to {100 * max(claims[-1], premiums[-1]):.3f} % of {model.period_labels[-1]}'s") in readme
    largest = {}
    root = Path(__file__).resolve().parent.parent / "scenarios"
    for path in sorted(root.glob("*.toml")):
        model = build_model(load_scenario(path.stem))
        full, kept = expected(model), _disabled_kept_in_force(model)
        shares = (kept.amounts.sum(axis=(1, 2)) / full.amounts.sum(axis=(1, 2)),
                  kept.premium.sum(axis=1) / full.premium.sum(axis=1))
        for what, share in zip(("claims", "premiums"), shares):
            year = int(np.argmax(share))
            largest[what] = max(largest.get(what, (0.0,)), (share[year], path.stem, model.period_labels[year]))
    (claims, scenario, year), (premiums, *_) = largest["claims"], largest["premiums"]
    assert (f"at most {100 * claims:.2f} % of a year's expected claims and {100 * premiums:.2f} % of its premiums "
            f"({scenario} in {year}") in readme, largest


def test_the_readme_says_what_a_care_cost_trend_does_to_a_later_year():
    """README's figures for the care cost trend at the top of its range (10 % a year), by the closed form:
    madiun-2025's 2027 claims and claim ratio, and madiun-2026-ucj-csr's claims over its whole horizon (``sim plan``'s
    tornado)."""
    from sim.budget import key_outputs

    key = "assumptions.severity.medical_cost_trend"
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    years = []
    for g in (0, 0.1):
        model = build_model(load_scenario("madiun-2025", [f"{key}={g}"]))
        e, last = expected(model), model.period_labels.index("2027")
        years.append((e.amounts[last].sum(), e.amounts[last].sum() / e.premium[last].sum()))
    (a, ra), (b, rb) = years
    assert (f"moves 2027's expected claims from Rp{a / 1e9:.2f} bn to Rp{b / 1e9:.2f} bn at 10 % a year "
            f"(claim ratio {100 * ra:.1f} % to {100 * rb:.1f} %)") in readme
    low, high = (key_outputs(load_scenario("madiun-2026-ucj-csr", [f"{key}={g}"]))["claims_expected_idr"]
                 for g in (0, 0.1))
    assert (f"tornado gives Rp{low / 1e9:.2f} bn and Rp{high / 1e9:.2f} bn of expected claims "
            f"(+{100 * (high / low - 1):.1f} %)") in readme


def test_the_readme_says_what_wage_growth_does_to_a_later_year_and_to_a_limited_budget():
    """README's figures for the wage growth at the top of its range (6.5 % a year), by the closed form:
    madiun-2025's 2027 premium (all, and the non-ASN staff's), claims and claim ratio, and madiun-2026-ucj's members
    at the horizon's end (``sim plan``'s tornado), fewer since its APBD budget buys fewer members at a higher
    premium."""
    from sim.budget import key_outputs

    key = "assumptions.wage_growth"
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    years = []
    for g in (0, 0.065):
        model = build_model(load_scenario("madiun-2025", [f"{key}={g}"]))
        e, last = expected(model), model.period_labels.index("2027")
        pu = [s for s, x in enumerate(model.segments) if x.segment.scheme == "PU"]
        years.append((e.premium[last].sum(), e.premium[last, pu].sum(), e.amounts[last].sum()))
    (p0, pu0, c0), (p1, pu1, c1) = years
    assert (f"moves 2027's premium from Rp{p0 / 1e9:.2f} bn to Rp{p1 / 1e9:.2f} bn (the non-ASN staff's from "
            f"Rp{pu0 / 1e9:.2f} bn to Rp{pu1 / 1e9:.2f} bn) and its expected claims from Rp{c0 / 1e9:.2f} bn to "
            f"Rp{c1 / 1e9:.2f} bn (claim ratio {100 * c0 / p0:.1f} % to {100 * c1 / p1:.1f} %)") in readme
    low, high = (key_outputs(load_scenario("madiun-2026-ucj", [f"{key}={g}"]))["members_end"] for g in (0, 0.065))
    assert high < low
    assert (f"gives {low:,.0f} members at the horizon's end without growth and {high:,.0f} at 6.5 % a year") in readme


def _last_year_run_off(scenario, multiplier: float) -> tuple[float, float, str]:
    """Member-months and expected non-work deaths of the horizon's last calendar year when the survivors are
    recomputed with every segment's mortality load (so qx) times ``multiplier``, and that year's label."""
    segments = tuple(dataclasses.replace(s, mortality_load=s.mortality_load * multiplier) for s in scenario.segments)
    model = build_model(dataclasses.replace(scenario, segments=segments))
    last = model.period_of_month == model.period_of_month[-1]
    return (sum(e.inforce[:, last].sum() for e in model.segments),
            sum(e.jkm_rate[:, last].sum() for e in model.segments), model.period_labels[-1])


def test_the_readme_says_how_much_a_recomputed_run_off_would_move_the_last_year():
    """README's "Assumptions, in one list": the engine scales a trial's expected deaths by its death multiplier and
    keeps the run-off of multiplier 1. For madiun-2025, recomputed with qx x the multiplier at the 5 % and 95 % points
    of its posterior draws, the last year's member-months and deaths; averaged over the draws (mean 1), next to none."""
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    scenario = load_scenario("madiun-2025")
    deaths = np.array(scenario.intensity_draws)[:, 0]
    assert deaths.mean() == pytest.approx(1.0, abs=1e-4)  # the draws are divided by their means
    exposure, expected_deaths, year = _last_year_run_off(scenario, 1.0)
    low, high = np.percentile(deaths, [5, 95])
    at_high, deaths_high, _ = _last_year_run_off(scenario, high)
    at_low, _, _ = _last_year_run_off(scenario, low)
    values, counts = np.unique(deaths, return_counts=True)
    mean = sum(n * _last_year_run_off(scenario, v)[0] for v, n in zip(values, counts)) / counts.sum()
    assert at_high < exposure < at_low and abs(mean / exposure - 1) < 1e-4
    assert (f"at the draws' 95 % point, a death multiplier of {high:.3f}, {year}'s exposure would be "
            f"{at_high:,.0f} member-months instead of {exposure:,.0f} ({100 * (1 - at_high / exposure):.2f} % lower) "
            f"and its expected non-work deaths {100 * (1 - deaths_high / (high * expected_deaths)):.2f} % fewer than "
            f"the engine's; at their 5 % point, {low:.3f}, {100 * (at_low / exposure - 1):.2f} % higher; averaged "
            f"over the {deaths.size} draws, under 0.01 %") in readme


def test_the_readme_says_how_the_calibration_reads_a_range_as_a_prior():
    """README's "Assumptions, in one list": a range [lo, hi] sets the lognormal prior's spread as a 90 % interval's
    width, sigma = ln(hi / lo) / (2 x 1.645), the widest over the segments, around the stated value (multiplier 1):
    madiun-2025-prior's sigmas and the vulnerable workers' load's prior 90 % interval."""
    from sim.calibration import Z90, _prior_sigma

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    scenario = load_scenario("madiun-2025-prior")
    deaths, accidents = _prior_sigma(scenario, "mortality_load"), _prior_sigma(scenario, "accident_rate")
    load = next(s.mortality_load for s in scenario.segments if s.name == "vulnerable")
    lo, hi = load * np.exp(-Z90 * deaths), load * np.exp(Z90 * deaths)
    assert (f"sigma {deaths:.3f} for deaths (the vulnerable workers' [1, 6]) and {accidents:.3f} for work accidents "
            f"(the non-ASN staff's [3, 16]), so the vulnerable workers' load of {load:g} has a prior 90 % interval of "
            f"{lo:.2f}-{hi:.2f}, not [1, 6]") in readme


def _benchmark(name: str):
    """A script of benchmarks/ (not a package), loaded from its file."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_exact_likelihood_is_sim_exact_s_distribution_at_the_grid_point_s_multipliers():
    """benchmarks/likelihood.py reads the exact likelihood off one transform per peril scaled by (m, a); at pairs away
    from (1, 1) it is the probability sim.exact gives the recorded amount's rounding interval when the scenario's
    one parameter draw is that pair (the FFT recomputed from scratch)."""
    from sim import calibration, exact

    likelihood = _benchmark("likelihood")
    experience = calibration.load_experience(likelihood.EXPERIENCE)
    (obs,) = experience.observations
    model = build_model(calibration._window_scenario(likelihood.SCENARIO, experience))
    grid_m, grid_a = np.array([0.8, 1.3]), np.array([0.4, 2.5])
    found = likelihood.exact_likelihoods(model, obs, grid_m, grid_a)
    for i, m in enumerate(grid_m):
        for k, a in enumerate(grid_a):
            scaled = dataclasses.replace(model, scenario=dataclasses.replace(model.scenario, intensity_draws=((m, a),)))
            dist = exact.exact_distribution(scaled)
            assert dist.h == found["h"]
            lo, hi = obs.amount - likelihood.ROUNDING, obs.amount + likelihood.ROUNDING
            rounded = dist.cdf_below(hi) - dist.cdf_below(lo)
            assert found["rounded"][i, k] == pytest.approx(rounded, rel=1e-9, abs=1e-15)
            j = obs.amount / dist.h  # the recorded amount is a grid point of this step
            assert j == int(j)
            assert found["density"][i, k] * dist.h == pytest.approx(dist.probabilities[int(j)], rel=1e-9)


def test_the_readme_says_how_little_the_exact_likelihood_moves_madiun_s_calibration():
    """README's "A normal likelihood" (and "What the calibration says about Madiun"): madiun-2025-prior fitted to
    Jan-Nov 2025's amount on the shipped grid with the exact compound Poisson likelihood instead of the normal
    (benchmarks/likelihood.py, a few seconds): the posterior means, the intervals' grid points, the death multiplier's
    interval interpolated between grid points, the largest shift as a share of the interval's width, the expected
    events and the amount's skewness."""
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    out = _benchmark("likelihood").compare()
    normal, exact_ = out["posterior"]["normal"], out["posterior"]["exact"]
    for which in ("mortality", "accident"):
        assert (exact_[which]["p5"], exact_[which]["p95"]) == (normal[which]["p5"], normal[which]["p95"])
    n, e = normal["mortality"], exact_["mortality"]
    shift = out["largest_shift_in_interval_widths"]
    assert shift < 0.1  # what README concludes from it: the normal likelihood is kept
    assert (f"the posterior means are {e['mean']:.4f} (death multiplier) and {exact_['accident']['mean']:.4f} "
            f"(accident multiplier) against the normal's {n['mean']:.4f} and {normal['accident']['mean']:.4f}, and "
            f"the 90 % intervals stay at the same grid points ({n['p5']:.3f}-{n['p95']:.3f} and "
            f"{normal['accident']['p5']:.3f}-{normal['accident']['p95']:.3f}). Interpolated between grid points, the "
            f"death multiplier's interval moves from {n['p5_between']:.3f}-{n['p95_between']:.3f} to "
            f"{e['p5_between']:.3f}-{e['p95_between']:.3f}; no mean or interval end moves by more than "
            f"{100 * shift:.1f} % of its interval's width") in readme
    assert (f"about {out['events_at_1']:.0f} expected deaths and accidents, skewness {out['skewness_at_1']:.3f} at "
            "multipliers 1") in readme
    assert (f"moves no posterior mean or 90 % interval end by more than {100 * shift:.1f} % of its interval's "
            "width") in readme


def test_the_exact_joint_likelihood_summed_over_counts_is_the_amount_s_exact_likelihood():
    """benchmarks/likelihood.py's exact joint likelihood of (count, amount) is Poisson(n) times the n-fold
    convolution of the two perils' mixed severity, the mixture set by m / a: summed over every count it must give
    the amount's own exact likelihood (itself checked against sim.exact above) at unequal multipliers. Small
    multipliers and amount so that a few dozen counts hold all the Poisson mass."""
    from sim import calibration

    likelihood = _benchmark("likelihood")
    experience = likelihood.joint_experience()
    obs = dataclasses.replace(experience.observations[0], amount=3e8)
    model = build_model(calibration._window_scenario(likelihood.SCENARIO, experience))
    grid_m, grid_a = np.array([0.02, 0.05]), np.array([0.03, 0.08])
    amount = likelihood.exact_likelihoods(model, dataclasses.replace(obs, fitted=("amount",)), grid_m, grid_a)
    total = sum(np.exp(likelihood.exact_joint_likelihoods(model, dataclasses.replace(obs, claims=n), grid_m,
                                                          grid_a)["density"]) for n in range(36))
    assert total == pytest.approx(amount["density"], rel=1e-6)


def test_the_readme_says_how_far_the_exact_joint_likelihood_moves_a_fit_of_count_and_amount():
    """README's "A normal likelihood": madiun-2025-prior fitted to 144 claims (read as deaths and work accidents)
    and Rp6.2 bn together, the bivariate normal against the exact joint likelihood (benchmarks/likelihood.py, about
    2 s): the posterior means, the 90 % intervals' grid points, the largest shift as a share of the interval's width
    and the largest with the exact covariance in the normal."""
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    out = _benchmark("likelihood").compare_joint()
    post = out["posterior"]
    normal, exact_ = post["normal"], post["exact"]
    assert out["fft"]["largest_tail_mass"] < 1e-9
    assert max(out["grid_end_mass"].values()) < 1e-3  # sim calibrate's EDGE_MASS: the grid holds the posterior
    covariance = max(abs(x) for s in post["normal_exact_covariance"].values()
                     for x in s["shift_in_interval_widths"].values())
    assert out["largest_shift_in_interval_widths"] > 0.1 > covariance  # README: the normal's shape fails, not noise

    def interval(s):
        return f"{s['p5']:.3f}-{s['p95']:.3f}"

    assert (f"the posterior means are {exact_['mortality']['mean']:.4f} (death multiplier) and "
            f"{exact_['accident']['mean']:.4f} (accident multiplier) against the bivariate normal's "
            f"{normal['mortality']['mean']:.4f} and {normal['accident']['mean']:.4f}, and the 90 % intervals "
            f"{interval(exact_['mortality'])} and {interval(exact_['accident'])} against "
            f"{interval(normal['mortality'])} and {interval(normal['accident'])}: an interval end moves by "
            f"{out['largest_shift_in_interval_widths']:.2f} of its interval's width. The normal with the exact "
            f"covariance moves nothing by more than {covariance:.2f} of it") in readme


def test_the_readme_says_how_young_ages_last_birthday_make_the_death_rates():
    """README's "Ages are ages last birthday": half a year older (age_shift 0.5) in the first year, closed form, for
    the uncalibrated madiun-2025-prior, jambi-2025 and pekalongan-2023: their expected non-work deaths, claims and
    claim ratios."""
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    deaths, claims, ratios = {}, {}, {}
    for ref in ("madiun-2025-prior", "jambi-2025", "pekalongan-2023"):
        young, older = (expected(build_model(load_scenario(ref, [f"assumptions.age_shift={shift}"])))
                        for shift in ("0", "0.5"))
        deaths[ref] = [e.counts[0, :, INDEX["jkm_death"]].sum() for e in (young, older)]
        claims[ref] = older.amounts[0].sum() / young.amounts[0].sum() - 1
        ratios[ref] = [100 * e.amounts[0].sum() / e.premium[0].sum() for e in (young, older)]
    rise = {ref: 100 * (b / a - 1) for ref, (a, b) in deaths.items()}
    (a, b) = deaths["madiun-2025-prior"]
    assert (f"raises the expected non-work deaths by {rise['madiun-2025-prior']:.1f} % in madiun-2025-prior "
            f"({a:.1f} to {b:.1f}) and {rise['jambi-2025']:.1f} % in jambi-2025 and pekalongan-2023") in readme
    assert f"{rise['pekalongan-2023']:.1f}" == f"{rise['jambi-2025']:.1f}"
    points = [round(b) - round(a) for a, b in ratios.values()]
    r0, r1 = ratios["madiun-2025-prior"]
    assert (f"their claims by {100 * min(claims.values()):.1f}-{100 * max(claims.values()):.1f} % and their claim "
            f"ratios by {min(points)}-{max(points)} points (madiun-2025-prior {r0:.0f} % to {r1:.0f} %)") in readme
