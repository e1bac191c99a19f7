"""The Monte Carlo engine against the closed form, hand calculations, reproducibility and behaviour."""

import io
import math

import numpy as np
import pytest

from sim.benefits import BENEFIT_NAMES, INDEX
from sim.accident import expected_case_cost, sample_cases
from sim.closed_form import expected
from sim.engine import BLOCK_TRIALS, EVENTS_PER_BATCH, batches, blocks, simulate_block, simulate_blocks, tables
from sim.exact import exact_distribution
from sim.forecast import forecast
from sim.mortality import annual_qx
from sim.population import build_model
from sim.results import QUANTILES
from sim.scenario import ChildBand, Severity, load_scenario
from sim.scholarship import expected_by_lag
from sim.streams import Draws

SMALL = ["scenario.horizon_months=24"]


def run(scenario_id, trials, overrides=(), chunk_trials=10_000, table=False):
    scenario = load_scenario(scenario_id, [f"scenario.trials={trials}", *overrides])
    buffer = io.StringIO() if table else None
    summary = forecast(scenario, chunk_trials=chunk_trials, trial_table=buffer)
    return summary, (buffer.getvalue() if table else None)


def claim_count_se(scenario) -> np.ndarray:
    """Standard error of the mean claim count, per period and for the whole horizon (last), in closed form.

    A claim is a non-work death or a work accident: Poisson given a trial's (mortality, accident) multipliers. With
    parameter draws (each trial picks one of them uniformly) the count is mixed Poisson, Var N = E N + Var over the
    draws of (m D + a A), with D and A the expected deaths and accidents at multipliers 1 (the closed form is at the
    draws' mean multipliers, so D = deaths / mean m)."""
    exp = expected(build_model(scenario))
    deaths = exp.counts[..., INDEX["jkm_death"]].sum(axis=1)
    accidents = exp.counts[..., INDEX["jkk_medical"]].sum(axis=1)
    deaths, accidents = np.append(deaths, deaths.sum()), np.append(accidents, accidents.sum())
    var = deaths + accidents
    if scenario.intensity_draws:
        draws = np.asarray(scenario.intensity_draws, dtype=float)
        m_bar, a_bar = draws.mean(axis=0)
        lam = np.outer(draws[:, 0], deaths / m_bar) + np.outer(draws[:, 1], accidents / a_bar)
        var = var + lam.var(axis=0)  # population variance: the draws are picked with equal probability
    return np.sqrt(var / scenario.trials)


def assert_means_agree_with_closed_form(summary, scenario):
    """Every period's (and the horizon's) mean claims within 4 SE of the closed form (SE from the trials), and the
    mean claim count within 4 SE of it (SE in closed form, claim_count_se)."""
    count_se = claim_count_se(scenario)
    assert len(summary["periods"]) == count_se.size
    for p, se in zip(summary["periods"], count_se):
        assert p["claims_idr"]["se"] > 0, p
        assert abs(p["claims_idr"]["mean"] - p["claims_expected_idr"]) <= 4 * p["claims_idr"]["se"], p
        assert abs(p["claim_count"]["mean"] - p["claim_count"]["expected"]) <= 4 * se, (p, se)


def assert_quantiles_agree_with_exact(summary, scenario, period, names=("p5", "p50", "p95")):
    """The simulated q-quantile X(q) of n trials has F(X(q)) = q +/- sqrt(q (1 - q) / n) (an order statistic),
    F the exact (FFT) distribution of the period's claims: within 4 of those standard errors."""
    r = exact_distribution(build_model(scenario), period)
    simulated = summary["periods"][period]["claims_idr"]
    n = summary["trials"]
    for name in names:
        q = QUANTILES[name]
        at = float(r.cdf(simulated[name]))
        assert abs(at - q) <= 4 * math.sqrt(q * (1 - q) / n), (period, name, simulated[name], r.quantiles[name], at)
    return r


@pytest.fixture(scope="module")
def madiun():
    return run("madiun-2025", 6000)[0]


@pytest.fixture(scope="module")
def jambi():
    # Jambi's members all joined at the start: the BPU 3-month JKM rule and the 3-year scholarship rule both bite.
    return run("jambi-2025", 6000, ["scenario.horizon_months=48"])[0]


@pytest.mark.parametrize("name", ["madiun", "jambi"])
def test_every_segment_and_benefit_mean_within_4_se_of_closed_form(name, request):
    summary = request.getfixturevalue(name)
    rows = summary["breakdown"]
    assert {r["benefit"] for r in rows} == set(BENEFIT_NAMES)
    for r in rows:
        if r["expected_idr"] == 0:
            assert r["mean_idr"] == 0, r
            continue
        assert r["se_idr"] > 0, r
        assert abs(r["mean_idr"] - r["expected_idr"]) <= 4 * r["se_idr"], r


@pytest.mark.parametrize("name, overrides", [("madiun", []), ("jambi", ["scenario.horizon_months=48"])])
def test_totals_and_counts_agree_with_closed_form(name, overrides, request):
    # Claim counts are Poisson (jambi) or, with madiun's parameter draws, mixed Poisson: the SE of the mean count is
    # in closed form (claim_count_se), not sqrt(expected / trials), which is too small for a mixture.
    scenario = load_scenario(f"{name}-2025", ["scenario.trials=6000", *overrides])
    assert_means_agree_with_closed_form(request.getfixturevalue(name), scenario)


def test_jambi_early_deaths_are_paid_the_reduced_amount(jambi):
    # All Jambi members joined in month 0, so JKM deaths in months 0-2 pay Rp10 m and none before month 36 earn
    # a scholarship: the first two years have no JKM scholarship at all.
    by = {(r["period"], r["benefit"]): r for r in jambi["breakdown"]}
    assert by[("2025", "jkm_scholarship")]["expected_idr"] == 0 == by[("2025", "jkm_scholarship")]["mean_idr"]
    assert by[("2028", "jkm_scholarship")]["expected_idr"] > 0
    # By hand from the model's death rates: Rp10 m for the deaths of months 0-2, Rp42 m after.
    rates = build_model(load_scenario("jambi-2025", ["scenario.horizon_months=48"])).segments[0].jkm_rate.sum(axis=0)
    deaths_2025 = by[("2025", "jkm_death")]
    assert deaths_2025["count_expected"] == pytest.approx(rates[:12].sum(), abs=5e-5)  # reported to 4 decimals
    assert deaths_2025["expected_idr"] == pytest.approx(10e6 * rates[:3].sum() + 42e6 * rates[3:12].sum(), abs=0.005)
    assert abs(deaths_2025["mean_idr"] - deaths_2025["expected_idr"]) <= 4 * deaths_2025["se_idr"]


def test_closed_form_equals_hand_calculation(root):
    # One cell: 10,000 men aged 40, no accidents, a year: deaths = n * load * q40 exactly (the monthly rate is the
    # twelfth root), each paying Rp42 m, and the children's scholarship instalments at lag 0 only.
    scenario = load_scenario(root / "tests" / "data" / "one-cell.toml")
    model = build_model(scenario)
    exp = expected(model)
    deaths = 10_000 * 1.5 * annual_qx("TMI-IV-2019")[0, 40]
    assert exp.counts[0, 0, 0] == pytest.approx(deaths, rel=1e-12)
    assert exp.amounts[0, 0, 0] == pytest.approx(deaths * 42e6, rel=1e-12)
    # Per claim at lag 0, the base's band of members aged 40-44 (shares 0.11 / 0.19 / 0.70, children aged 4-22):
    # E[children] = 0.19 + 2 x 0.70 = 1.59; per child, ages 4-22 uniform (age 4 not yet at school):
    # (8 x 1.0 x Rp1.5 m + 3 x 0.9 x Rp2 m + 3 x 0.8 x Rp3 m + 4 x 0.3 x Rp12 m) / 19.
    band = int(scenario.children.band_of(40))
    assert scenario.children.bands[band] == ChildBand(40, (0.11, 0.19, 0.70), 4, 22)
    per_child = (8 * 1.5e6 + 3 * 0.9 * 2e6 + 3 * 0.8 * 3e6 + 4 * 0.3 * 12e6) / 19
    assert expected_by_lag(model.regimes[0], scenario.children, band)[0][0] == pytest.approx(1.59 * per_child, rel=1e-12)
    assert exp.amounts[0, 0, 1] == pytest.approx(deaths * 1.59 * per_child, rel=1e-12)
    assert exp.premium[0, 0] == pytest.approx(16_800 * exp.member_months[0, 0], rel=1e-12)


def test_same_seed_identical_and_chunking_does_not_matter():
    trials = 2 * BLOCK_TRIALS + 300  # a partial last block
    a, table_a = run("madiun-2025", trials, SMALL, chunk_trials=BLOCK_TRIALS, table=True)
    b, table_b = run("madiun-2025", trials, SMALL, chunk_trials=100 * BLOCK_TRIALS, table=True)
    c, table_c = run("madiun-2025", trials, SMALL, chunk_trials=2 * BLOCK_TRIALS, table=True)
    assert table_a == table_b == table_c
    assert a["periods"] == b["periods"] == c["periods"]
    d, table_d = run("madiun-2025", trials, SMALL + ["scenario.seed=7"], table=True)
    assert table_d != table_a


def test_blocks_run_in_any_order_give_the_same_numbers():
    scenario = load_scenario("pekalongan-2023", ["scenario.trials=3000", *SMALL])
    model = build_model(scenario)
    forward = [simulate_block(model, b) for b in blocks(3000)]
    backward = [simulate_block(model, b) for b in reversed(blocks(3000))][::-1]
    for f, g in zip(forward, backward):
        assert np.array_equal(f.amounts, g.amounts) and np.array_equal(f.counts, g.counts)


@pytest.mark.parametrize("scenario_id, overrides", [
    ("madiun-2025", SMALL),  # parameter uncertainty, two reporting periods, scholarships
    ("jambi-2025", []),  # no parameter uncertainty
    ("benchmarks/compound-poisson.toml", []),  # a single possible accident kind: uniforms skipped, not drawn
    ("madiun-2025", ["segments.non_asn.members=0", "segments.vulnerable.members=900"]),  # an empty segment
])
def test_blocks_simulated_in_one_pass_are_bit_for_bit_the_blocks_simulated_alone(scenario_id, overrides):
    # simulate_blocks draws every block's numbers from the block's own streams, with the calls and sizes it would
    # make alone; a mix-up of sizes or streams between blocks changes the arrays.
    model = build_model(load_scenario(scenario_id, ["scenario.trials=2500", *overrides]))
    tabs = tables(model)
    together = simulate_blocks(model, blocks(2500), tabs)  # the last block is a partial one (500 trials)
    for block, batched in zip(blocks(2500), together, strict=True):
        alone = simulate_block(model, block, tabs)
        assert batched.block == block and batched.simulated_events == alone.simulated_events
        assert np.array_equal(batched.amounts, alone.amounts) and np.array_equal(batched.counts, alone.counts)


@pytest.mark.parametrize("members, per_pass", [(1_000, 10), (10_000, 2), (200_000, 1)])
def test_blocks_go_into_passes_of_about_a_million_expected_events(members, per_pass):
    # Small populations share a pass among many blocks; large ones keep one block per pass, so that a pass's
    # memory stays that of one large block.
    model = build_model(load_scenario("madiun-2025", ["segments.non_asn.members=0",
                                                     f"segments.vulnerable.members={members}"]))
    tabs = tables(model)
    per_block = sum(t.jkm.total + t.jkk.total for t in tabs) * BLOCK_TRIALS
    grouped = batches(model, blocks(10_000), tabs)
    assert [b for batch in grouped for b in batch] == blocks(10_000)
    assert [len(batch) for batch in grouped[:-1]] == [per_pass] * (len(grouped) - 1)
    assert len(grouped[-1]) <= per_pass
    assert per_pass * per_block <= EVENTS_PER_BATCH or per_pass == 1


def test_a_segment_noise_does_not_depend_on_the_other_segments():
    # Common random numbers: removing the non-ASN members leaves the vulnerable segment's trials unchanged.
    _, full = run("madiun-2025", 1000, SMALL, table=True)
    _, alone = run("madiun-2025", 1000, SMALL + ["segments.non_asn.members=0"], table=True)
    full_rows = [line for line in full.splitlines() if ",vulnerable," in line]
    alone_rows = [line for line in alone.splitlines() if ",vulnerable," in line]
    assert len(full_rows) == 1000 * 2
    # Same claims per trial (columns after members and premium).
    assert [r.split(",")[5:] for r in full_rows] == [r.split(",")[5:] for r in alone_rows]


def test_twice_the_members_twice_the_claims():
    # The closed form doubles exactly (same cells, twice the members); each run's simulated means (claims and claim
    # count, every period) agree with their own closed form within 4 SE, so they double too, within the noise.
    overrides = ([], ["segments.vulnerable.members=6000"])
    scenarios = [load_scenario("jambi-2025", ["scenario.trials=2000", *SMALL, *o]) for o in overrides]
    (base, _), (more, _) = (run("jambi-2025", 2000, SMALL + o) for o in overrides)
    for b, m in zip(base["periods"], more["periods"], strict=True):
        assert m["claims_expected_idr"] == pytest.approx(2 * b["claims_expected_idr"], rel=1e-9)
        # Counts are reported to 4 decimals: doubling a rounded count is off by up to 1e-4, the other by 5e-5.
        assert m["claim_count"]["expected"] == pytest.approx(2 * b["claim_count"]["expected"], abs=1.5e-4)
    for summary, scenario in zip((base, more), scenarios):
        assert_means_agree_with_closed_form(summary, scenario)


def test_higher_mortality_load_higher_claim_ratio():
    # The closed form's claim ratio rises with the load (deaths up, a few more members leaving); the simulated mean
    # claims agree with it within 4 SE and the simulated 5 % quantile with the exact distribution of each year.
    loads = {load: SMALL + [f"assumptions.mortality_load={load}", f"segments.vulnerable.mortality_load={load}"]
             for load in (1.0, 3.0)}
    runs = {load: run("madiun-2025", 2000, o)[0] for load, o in loads.items()}
    for load, summary in runs.items():
        scenario = load_scenario("madiun-2025", ["scenario.trials=2000", *loads[load]])
        assert_means_agree_with_closed_form(summary, scenario)
        for p in summary["periods"]:
            # The ratio's figures are the claims' over the premium, reported to 4 decimals.
            assert p["claim_ratio"]["mean"] == pytest.approx(p["claims_idr"]["mean"] / p["premium_idr"], abs=5e-5)
            assert p["claim_ratio"]["p5"] == pytest.approx(p["claims_idr"]["p5"] / p["premium_idr"], abs=5e-5)
        for period in range(len(summary["periods"]) - 1):
            assert_quantiles_agree_with_exact(summary, scenario, period, names=("p5",))
    for lo, hi in zip(runs[1.0]["periods"], runs[3.0]["periods"], strict=True):
        assert hi["claims_expected_idr"] / hi["premium_idr"] > lo["claims_expected_idr"] / lo["premium_idr"]


def test_parameter_uncertainty_keeps_the_mean_and_widens_the_spread():
    # Each trial draws (mortality, accident) multipliers from the scenario's posterior draws (mean 1): the mean
    # stays the closed form, and the variance grows by the variance over the draws of the expected claims (law of
    # total variance: given a draw the claims are compound Poisson with each peril's rates scaled, a variance linear
    # in the multipliers, whose mean over the draws is 1). Both runs' simulated variance and quantiles agree with
    # the exact (FFT) distribution of the first year.
    draws = [[0.6, 1.0], [1.4, 1.0], [1.0, 0.5], [1.0, 1.5]]
    unit = "multipliers of expected deaths and accidents"
    overrides = {"with": SMALL + [f'uncertainty.intensity_draws={{value = {draws}, unit = "{unit}", source = "test", '
                                  'basis = "assumption"}'],
                 "without": SMALL}
    exact = {}
    for name, o in overrides.items():
        summary, _ = run("jambi-2025", 4000, o)
        scenario = load_scenario("jambi-2025", ["scenario.trials=4000", *o])
        for r in summary["breakdown"]:
            if r["expected_idr"] > 0:
                assert abs(r["mean_idr"] - r["expected_idr"]) <= 4 * r["se_idr"], r
        assert_means_agree_with_closed_form(summary, scenario)
        r = assert_quantiles_agree_with_exact(summary, scenario, 0)
        # The sample variance against the exact one: its SE is sqrt((mu4 - sigma^4) / n); the grid's step may add up
        # to variance_error_bound of the variance to the exact one.
        n, x = summary["trials"], r.h * np.arange(r.points)
        mu4 = float(r.probabilities @ (x - r.mean) ** 4)
        sample_var = summary["periods"][0]["claims_idr"]["se"] ** 2 * n
        tolerance = 4 * math.sqrt((mu4 - r.sd**4) / n) + r.variance_error_bound * r.sd**2
        assert abs(sample_var - r.sd**2) <= tolerance, (name, sample_var, r.sd**2, tolerance)
        exact[name] = r
    # The widening in closed form: the variance over the draws of m x (expected JKM claims) + a x (expected JKK).
    amounts = expected(build_model(load_scenario("jambi-2025", SMALL))).amounts[0].sum(axis=0)
    jkm = amounts[INDEX["jkm_death"]] + amounts[INDEX["jkm_scholarship"]]
    jkk = amounts.sum() - jkm
    between = float(np.var(np.asarray(draws) @ [jkm, jkk]))
    assert between > 0.2 * exact["without"].sd ** 2  # guard: the draws widen it a lot (here by about 95 %)
    grid_error = sum(r.variance_error_bound * r.sd**2 for r in exact.values())
    assert exact["with"].sd ** 2 == pytest.approx(exact["without"].sd ** 2 + between, abs=grid_error)


@pytest.mark.parametrize("start", ["2025-01", "2025-07"])
@pytest.mark.parametrize("factor", [1.0, 1.37])
def test_scholarship_table_sums_the_instalments_bit_for_bit(start, factor):
    # The engine sums a child's scholarship through a per-period look-up table (scholarship.PeriodTable); it must
    # give exactly what summing sample_instalments' instalments one by one gives, for the same draws. Whole-rupiah
    # amounts (factor 1.0, the real rules) are summed by trial in their own order, which is exact; amounts
    # that are not whole rupiah (factor 1.37) make the order of the additions matter, so they take the child-by-child
    # bincount, and the test would see a reordering.
    from sim.benefits import INDEX
    from sim.engine import _Collector, _scholarships
    from sim.regulation import RuleSet
    from sim.scholarship import period_table, sample_instalments

    model = build_model(load_scenario("madiun-2025", ["scenario.horizon_months=60", f"scenario.start={start}"]))
    base = model.regimes[0]
    amounts = [a * factor for a in base["scholarship.amount_by_level"]]
    rules = RuleSet(base.date, {**base, "scholarship.amount_by_level": amounts})
    trials, periods, children = 50, len(model.period_labels), model.scenario.children
    rng = np.random.default_rng(3)
    trial = np.sort(rng.integers(0, trials, 20_000))
    month = rng.integers(0, model.months, trial.size)
    band = children.band_of(rng.integers(18, 80, trial.size))  # the band of each member's age: their children
    assert len(children.bands) > 1

    claim, pay_month, amount = sample_instalments(np.random.default_rng(9), month, rules, children, model.months,
                                                  band)
    bins = trial[claim] * periods + model.period_of_month[pay_month]
    want_amounts = np.bincount(bins, weights=amount, minlength=trials * periods)
    want_counts = np.bincount(bins, minlength=trials * periods)

    out = _Collector(trials, periods, 1)
    table = period_table(rules, children, model.period_of_month)
    assert table.whole == (factor == 1.0)
    _scholarships(Draws.one(np.random.default_rng(9), trial.size), model, out, 0, "jkm_scholarship", trial, month,
                  rules, table, band)
    amounts, counts = out.arrays()
    assert want_counts.sum() > trial.size  # many claims pay more than one instalment
    assert np.array_equal(amounts[:, :, 0, INDEX["jkm_scholarship"]].ravel(), want_amounts)
    assert np.array_equal(counts[:, :, 0, INDEX["jkm_scholarship"]].ravel(), want_counts)


def test_no_instalment_falls_due_once_the_child_is_23():
    """The scholarship ends when the child reaches 23 (PP 82/2019): a university child of 21 at a claim in January
    2025 is paid Rp12 m in 2025 (at 21) and in 2026 (at 22), and nothing in 2027 (at 23); one of 22 only in 2025.
    The engine's table, the instalments one by one and the closed form's expectation by years since the claim all
    say so (they share the rule's schedule, as the exact distribution does)."""
    from sim.scholarship import PeriodTable, period_table, _instalments

    model = build_model(load_scenario("madiun-2025"))
    rules, children = model.regimes[0], model.scenario.children
    assert model.period_labels == ("2025", "2026", "2027") and children.school_start_age == 5
    university = len(children.reach_shares)  # reaches every level
    table: PeriodTable = period_table(rules, children, model.period_of_month)
    rows = table.amount[table.key(np.array([0, 0]), np.array([21, 22]), np.array([university, university]))]
    assert rows.tolist() == [[12e6, 12e6, 0.0], [12e6, 0.0, 0.0]]
    child, pay_month, amount = _instalments(np.array([0, 0]), np.array([21, 22]), np.array([university] * 2),
                                            rules, children, 120)
    assert child.tolist() == [0, 0, 1] and pay_month.tolist() == [0, 12, 0] and amount.tolist() == [12e6] * 3
    # The expected instalments per claim by years since the claim: none 23 or more years after a claim at 0, the
    # youngest age of the bands (a child of 0 is 23 then).
    youngest = min(range(len(children.bands)), key=lambda k: children.bands[k].age_min)
    per_claim, count = expected_by_lag(rules, children, youngest)
    assert children.bands[youngest].age_min == 0 and per_claim.size == count.size == 23
    assert per_claim[22] > 0 and count[22] > 0


@pytest.mark.parametrize("columnwise", [0, 10**9], ids=["sparse product", "bincount per column"])
def test_rows_by_trial_sums_table_rows_per_trial_in_any_trial_order(columnwise, monkeypatch):
    # Both paths (chosen by size, for speed only) must give the same exact sums.
    import sim.engine
    from sim.engine import _rows_by_trial

    monkeypatch.setattr(sim.engine, "COLUMNWISE_CHILD_ENTRIES", columnwise)
    rng = np.random.default_rng(12)
    rows = rng.integers(0, 1000, (30, 4)).astype(float)
    trial, key = rng.integers(0, 9, 500), rng.integers(0, 30, 500)  # unsorted trials, one trial without children
    trial[trial == 4] = 5
    want = np.zeros((9, 4))
    np.add.at(want, trial, rows[key])
    assert np.array_equal(_rows_by_trial(trial, rows, key, 9), want)
    assert np.array_equal(_rows_by_trial(np.sort(trial), rows, key[np.argsort(trial, kind="stable")], 9), want)
    assert not _rows_by_trial(trial[:0], rows, key[:0], 9).any()


@pytest.mark.parametrize("months", [12, 36])
def test_block_totals_are_the_reductions_of_the_arrays_with_their_horizon_total(months):
    # block_totals reduces the whole-horizon slice on its own instead of over a copy with that slice appended;
    # every number must be what the plain reductions of the appended copy give, bit for bit.
    from sim.results import _CLAIM_EVENT_INDEX, _with_total, block_totals

    model = build_model(load_scenario("madiun-2025", [f"scenario.horizon_months={months}", "scenario.trials=1000"]))
    result = simulate_block(model, blocks(1000)[0])
    amounts, counts = _with_total(result.amounts), _with_total(result.counts)
    got = block_totals(result)
    assert np.array_equal(got.claims, amounts.sum(axis=(2, 3)))
    assert np.array_equal(got.sum_amount, amounts.sum(axis=0))
    assert np.array_equal(got.sumsq_amount, (amounts**2).sum(axis=0))
    assert np.array_equal(got.sum_count, counts.sum(axis=0)) and got.sum_count.dtype == counts.dtype
    assert np.array_equal(got.claim_count_sum, counts[..., _CLAIM_EVENT_INDEX].sum(axis=(0, 2, 3)))
    assert got.claims[:, -1].sum() > 0


def _grid(months: int):
    from types import SimpleNamespace

    return SimpleNamespace(period_of_month=np.zeros(months, dtype=int), regime_of_month=np.zeros(months, dtype=int))


def test_placement_gives_the_binary_search_answer_for_every_draw():
    # Events are placed through a bucket table (engine.Placement); it must give exactly the (cell, month) position
    # a binary search over the full cumulative rates gives: the first position whose cdf exceeds the draw. The rates
    # mix zeros (never a place), tiny rates (several places per bucket: the crowded-bucket search), equal rates and
    # large ones; the draws include 0, every cdf value itself and the doubles just below and above it.
    from sim.engine import placement

    rng = np.random.default_rng(5)
    cells, months = 40, 12
    rate = rng.lognormal(0, 3, (cells, months))
    rate[rng.random(rate.shape) < 0.2] = 0.0
    rate[3] = 1e-9  # a cell of tiny rates: crowded buckets
    rate[7] = 0.25  # equal rates
    rate[:, -1][-3:] = 0.0  # trailing zero-rate positions
    pl = placement(_grid(months), rate)
    full_cdf = np.cumsum(rate.ravel())
    assert np.isnan(pl.threshold).any(), "the test must exercise crowded buckets"
    assert pl.cdf.size == np.count_nonzero(np.diff(full_cdf, prepend=0.0) > 0)
    x = np.concatenate([
        rng.random(200_000) * pl.total, [0.0], full_cdf, np.nextafter(full_cdf, 0), np.nextafter(full_cdf, np.inf),
    ])
    x = x[x < pl.total]
    want = np.searchsorted(full_cdf, x, side="right")
    assert np.array_equal(pl.position[pl.place(x)], want)
    cell, month = np.divmod(want, months)
    assert np.array_equal(pl.cell[pl.place(x)], cell) and np.array_equal(pl.month[pl.place(x)], month)


def test_tariff_counts_give_the_summed_amounts_bit_for_bit():
    # The JKM death benefit is counted by amount and multiplied out (engine.Tariff); for whole-rupiah amounts that
    # is exactly the one-by-one sum. Amounts that are not whole rupiah must fall back to the one-by-one sum.
    from sim.benefits import INDEX
    from sim.engine import Tariff, _Collector

    rng = np.random.default_rng(8)
    trials, periods, n = 300, 3, 50_000
    bins = rng.integers(0, trials * periods, n)
    for per_place in (np.array([42e6, 10e6, 42e6, 0.0]), np.array([42e6]), np.array([42e6 + 0.37, 10e6 / 3])):
        tariff = Tariff.of(per_place)
        places = rng.integers(0, per_place.size, n)
        want = _Collector(trials, periods, 1)
        want.add(0, "jkm_death", bins, per_place[places])
        got = _Collector(trials, periods, 1)
        got.add_tariff(0, "jkm_death", bins, tariff, places)
        assert bool(got.tallies) == tariff.exact_for(n)
        (want_amounts, want_counts), (amounts, counts) = want.arrays(), got.arrays()
        assert np.array_equal(amounts, want_amounts) and np.array_equal(counts, want_counts)
        assert counts[:, :, 0, INDEX["jkm_death"]].sum() == n


@pytest.mark.parametrize("probabilities", [
    [0.7, 0.1, 0.1, 0.05, 0.05], [1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.5, 0.0, 0.5, 0.0], [0.0, 0.0, 1.0], [1.0],
    list(np.random.default_rng(1).dirichlet(np.ones(40))),
])
def test_categorical_draws_are_the_inverse_cdf_and_counts_match(probabilities):
    # accident.categorical counts cdf points by comparison (and stops at points of 1.0); it must give exactly the
    # inverse-CDF index a binary search gives, and categorical_counts' counts must be those of the draws.
    from sim.accident import categorical_counts

    n = 100_000
    rng, plain = np.random.default_rng(4), np.random.default_rng(4)
    index, counts = categorical_counts(Draws.one(rng, n), probabilities)
    cdf = np.cumsum(probabilities) / np.sum(probabilities)
    u = plain.random(n)
    assert np.array_equal(index, np.minimum(np.searchsorted(cdf, u, side="right"), len(cdf) - 1))
    # A certain outcome (one positive probability) skips its uniforms instead of drawing them: the stream after
    # must be the same either way.
    assert np.array_equal(rng.random(5), plain.random(5))
    assert np.array_equal(counts, np.bincount(index, minlength=len(cdf)))
    p = np.asarray(probabilities) / np.sum(probabilities)
    se = np.sqrt(n * p * (1 - p))
    assert np.all(np.abs(counts - n * p) <= 4 * se + 1e-9)


@pytest.mark.parametrize("buffered", [False, True])
def test_skipping_uniforms_leaves_the_stream_where_drawing_them_would(buffered):
    from sim.streams import skip_uniforms

    rng, plain = np.random.default_rng(6), np.random.default_rng(6)
    if buffered:  # a small-range integer draw leaves half a 64-bit output buffered; advance() would drop it
        rng.integers(0, 10, 3), plain.integers(0, 10, 3)
        assert rng.bit_generator.state["has_uint32"]
    skip_uniforms(rng, 12_345)
    plain.random(12_345)
    assert np.array_equal(rng.random(7), plain.random(7))
    assert np.array_equal(rng.integers(0, 10, 9), plain.integers(0, 10, 9))


@pytest.mark.parametrize("periods", [1, 3, 7, 8, 12])
def test_period_bins_list_every_period_of_every_child_child_by_child(periods):
    # engine._period_bins builds the bins column by column for short horizons and row by row for long ones.
    from sim.engine import _period_bins

    trial = np.array([0, 0, 2, 5, 5, 5, 9])
    want = [t * periods + p for t in trial for p in range(periods)]
    assert _period_bins(trial, periods).tolist() == want


def test_placing_only_the_events_that_need_it_changes_no_number(monkeypatch):
    # Over one reporting period and one rule regime, work accidents are placed only when they lead to a
    # scholarship (engine.Events.places). Placing every event instead must give the very same arrays.
    from sim import engine

    model = build_model(load_scenario("madiun-2025", ["scenario.trials=2000", "scenario.horizon_months=12"]))
    assert len(model.period_labels) == 1 and len(model.regimes) == 1
    lazy = engine.simulate_block(model, engine.Block(0, 0, 2000))
    draw = engine._draw_events
    monkeypatch.setattr(engine, "_draw_events", lambda *a, **k: draw(*a, **{**k, "place_all": True}))
    eager = engine.simulate_block(model, engine.Block(0, 0, 2000))
    assert eager.simulated_events == lazy.simulated_events > 0
    assert np.array_equal(eager.amounts, lazy.amounts) and np.array_equal(eager.counts, lazy.counts)
    assert lazy.counts[..., list(BENEFIT_NAMES).index("jkk_scholarship")].sum() > 0  # the lazy path was used


def test_accidents_that_never_need_a_place_skip_their_uniforms_with_the_same_numbers(monkeypatch):
    # With no accident kind leading to a scholarship (the peer benchmark's model), the placement uniforms are
    # skipped; every later draw of the stream, and so every array, must be what drawing them gives.
    from sim import engine

    model = build_model(load_scenario("benchmarks/compound-poisson.toml", ["scenario.trials=2000"]))
    assert not engine.may_have_scholarship(model.scenario.severity)
    calls = []
    draw = engine._draw_events

    def spy(*a, **k):
        calls.append(k.get("place_some", True))
        return draw(*a, **k)

    monkeypatch.setattr(engine, "_draw_events", spy)
    skipped = engine.simulate_blocks(model, engine.blocks(2000))
    assert False in calls  # the skipping path ran
    monkeypatch.setattr(engine, "_draw_events", lambda *a, **k: draw(*a, **{**k, "place_some": True}))
    drawn = engine.simulate_blocks(model, engine.blocks(2000))
    for s, d in zip(skipped, drawn, strict=True):
        assert s.simulated_events == d.simulated_events > 0
        assert np.array_equal(s.amounts, d.amounts) and np.array_equal(s.counts, d.counts)


def test_draws_hand_each_block_s_items_their_own_stream_s_numbers_in_order():
    # Draws (sim/streams.py): items grouped by block; a selection or a repetition of items keeps the grouping, and
    # each block's stream gets one call with exactly its items' count.
    def streams():
        return [np.random.default_rng(seed) for seed in (11, 12, 13)]

    draws = Draws.by_block(streams(), [4, 0, 3])  # items 0-3 in block 0, none in block 1, 4-6 in block 2
    picked = draws.of(np.array([1, 3, 4]))  # two items of block 0, one of block 2
    assert picked.sizes.tolist() == [2, 0, 1]
    kids = picked.repeat(np.array([2, 0, 3]))  # item 1: two, item 3: none, item 4: three
    assert kids.sizes.tolist() == [2, 0, 3]
    plain = streams()
    assert np.array_equal(picked.random(), np.concatenate([plain[0].random(2), plain[2].random(1)]))
    assert np.array_equal(kids.integers(0, 50), np.concatenate([plain[0].integers(0, 50, 2), plain[2].integers(0, 50, 3)]))
    lam = np.array([1.0, 5.0, 20.0])
    assert np.array_equal(picked.poisson(lam), np.concatenate([plain[0].poisson(lam[:2]), plain[2].poisson(lam[2:])]))
    assert draws.of(slice(None)) is draws and Draws.one(plain[1], 5).size == 5


def test_a_horizon_starting_in_july_puts_each_claim_in_its_calendar_year():
    # Every shipped scenario starts in January, where the calendar year of month m is also m // 12. From July the
    # first six months are 2025 and the next six 2026: a claim put in period m // 12 would leave 2026 with none.
    scenario = load_scenario("jambi-2025", ["scenario.start=2025-07", "scenario.horizon_months=12",
                                            "scenario.trials=2000"])
    summary = forecast(scenario)
    assert [p["period"] for p in summary["periods"]] == ["2025", "2026", "total"]
    for p, se in zip(summary["periods"], claim_count_se(scenario)):
        assert p["claim_count"]["expected"] > 0
        assert abs(p["claim_count"]["mean"] - p["claim_count"]["expected"]) <= 4 * se, (p, se)


def test_a_totally_disabled_member_is_paid_stmb_for_the_time_off_work():
    # Temporary, partial and total disability all start with time off work (sim/accident.py). Every accident a total
    # disability, time off exponential with mean 2 months, wage Rp1 m; STMB pays 100 % of the wage for 12 months and
    # 50 % after: E[STMB] = Rp1 m x (E[min(D, 12)] + 0.5 E[(D - 12)+]) = Rp1 m x (2 (1 - e^-6) + 0.5 x 2 e^-6)
    # = Rp1 m x (2 - e^-6), one payment per case, in the closed form and in the engine's draws alike.
    rules = build_model(load_scenario("jambi-2025")).regimes[0]
    assert (rules["jkk.temporary_full_months"], rules["jkk.temporary_full_share"],
            rules["jkk.temporary_after_share"]) == (12, 1.0, 0.5)
    severity = Severity(shares=(0.0, 0.0, 0.0, 1.0, 0.0), medical_cost_mean=0.0, medical_cost_cv=0.0,
                        incapacity_months_mean=2.0, partial_degrees=((0.1, 1.0),))
    stmb = 1e6 * (2 - math.exp(-6))
    per_case = expected_case_cost(rules, 1e6, severity)
    assert per_case["count"]["jkk_temporary"] == 1.0
    assert per_case["amount"]["jkk_temporary"] == pytest.approx(stmb, rel=1e-12)
    n = 20_000
    paid, amount = sample_cases(Draws.one(np.random.default_rng(1), n), 1e6, rules, severity).paid["jkk_temporary"]
    assert paid.size == n
    assert abs(amount.mean() - stmb) <= 4 * amount.std(ddof=1) / math.sqrt(n)


def test_the_closed_form_and_the_draws_pay_the_death_floor_and_the_half_wage_alike():
    # Two branches of the JKK rules (DOMAIN.md s.4) that no shipped scenario reaches: a work-accident death whose
    # 48 x wage is below the floor "at least the JKM amount" (Rp42 m assumed; a PU wage of Rp500,000 gives Rp24 m),
    # and STMB past its first 12 months, at half the wage. Half the accidents fatal, half temporary incapacity with
    # a mean of 24 months off work (exponential). By hand, per accident:
    #   death 0.5 x (Rp42 m + Rp10 m funeral + Rp12 m periodic) = Rp32 m;
    #   STMB  0.5 x Rp500,000 x (E[min(D, 12)] + 0.5 E[(D - 12)+]) = 0.5 x Rp500,000 x (24 - 12 e^-0.5).
    # The closed form's expectation and the engine's draws both give them.
    rules = build_model(load_scenario("jambi-2025")).regimes[0]
    severity = Severity(shares=(0.0, 0.5, 0.0, 0.0, 0.5), medical_cost_mean=0.0, medical_cost_cv=0.0,
                        incapacity_months_mean=24.0, partial_degrees=((0.1, 1.0),))
    wage, stmb = 500_000, 500_000 * (24 - 12 * math.exp(-0.5))
    per_case = expected_case_cost(rules, wage, severity)
    assert per_case["amount"]["jkk_death"] == pytest.approx(32e6, rel=1e-12)
    assert per_case["amount"]["jkk_temporary"] == pytest.approx(0.5 * stmb, rel=1e-12)
    n = 20_000
    cases = sample_cases(Draws.one(np.random.default_rng(2), n), wage, rules, severity)
    deaths, paid = cases.paid["jkk_death"]
    assert np.all(paid == 64e6) and abs(deaths.size - n / 2) <= 4 * math.sqrt(n / 4)
    off, amount = cases.paid["jkk_temporary"]
    assert np.intersect1d(off, deaths).size == 0  # a fatal case has no STMB
    assert abs(amount.mean() - stmb) <= 4 * amount.std(ddof=1) / math.sqrt(off.size)
    assert amount.max() > 12 * wage  # the draws reach the half-wage months


def test_work_accident_deaths_leave_the_population_by_hand(root):
    # One cell of 10,000 men aged 40 for a year, 60 accidents per 1,000 member-years, 2.3 % of them fatal: each month
    # the members in force shrink by the factor r = 1 - q - 0.06 / 12 x 0.023, with q = 1 - (1 - 1.5 q40)^(1/12)
    # the monthly non-work death rate, so the year has 10,000 (1 - r^12) / (1 - r) member-months and 0.005 accidents
    # per member-month.
    scenario = load_scenario(root / "tests" / "data" / "one-cell.toml", ["segments.men40.accident_rate=60"])
    assert scenario.severity.shares[4] == 0.023
    exp = expected(build_model(scenario))
    q = 1 - (1 - 1.5 * annual_qx("TMI-IV-2019")[0, 40]) ** (1 / 12)
    r = 1 - q - 0.06 / 12 * 0.023
    member_months = 10_000 * (1 - r**12) / (1 - r)
    assert exp.member_months[0, 0] == pytest.approx(member_months, rel=1e-12)
    assert exp.counts[0, 0, INDEX["jkk_medical"]] == pytest.approx(0.005 * member_months, rel=1e-12)


def test_a_totally_disabled_member_stays_in_force(root):
    """Assumption (README "A totally disabled member stays in force", sim/accident.py): the run-off takes out the
    members who die, not those totally disabled by a work accident, who go on paying premiums and may be disabled
    again, or die, with the scholarship paid again. One cell of 1,000 men aged 40, members for four years, for three
    years at 5 x the mortality table, every work accident a total disability at 1,000 per 1,000 member-years: the
    members, their premiums and their deaths are those of the same cell with no accidents, shrinking by
    r = 1 - q (q by age) a month, and they have one disability a member-year, more disabilities than members. The
    simulation's means agree with the closed form (and so with the exact distribution, which the run checks)."""
    every_accident_a_total_disability = [f"assumptions.severity.share_{kind}=0" for kind in
                                         ("medical_only", "temporary", "partial", "death")]
    cell = ["segments.men40.members=1000", "segments.men40.mortality_load=5", "scenario.horizon_months=36",
            "assumptions.severity.share_total=1", *every_accident_a_total_disability, "scenario.trials=2000"]
    scenario = load_scenario(root / "tests" / "data" / "one-cell.toml", [*cell, "segments.men40.accident_rate=1000"])
    calm = load_scenario(root / "tests" / "data" / "one-cell.toml", [*cell, "segments.men40.accident_rate=0"])
    assert scenario.segments[0].tenure == ((48, 1.0),)
    exp, without = expected(build_model(scenario)), expected(build_model(calm))
    assert np.array_equal(exp.member_months, without.member_months) and np.array_equal(exp.premium, without.premium)
    assert np.array_equal(exp.counts[..., INDEX["jkm_death"]], without.counts[..., INDEX["jkm_death"]])
    q = 1 - (1 - 5 * annual_qx("TMI-IV-2019")[0, [40, 41, 42]]) ** (1 / 12)
    in_force = 1000 * np.concatenate([[1.0], np.cumprod(np.repeat(1 - q, 12))[:-1]])
    assert exp.member_months.sum() == pytest.approx(in_force.sum(), rel=1e-12)
    disabled = exp.counts[:, 0, INDEX["jkk_total"]].sum()
    assert disabled == pytest.approx(in_force.sum() / 12, rel=1e-12)
    assert disabled > 1000  # each member disabled about three times, each time with the scholarship
    summary = forecast(scenario)
    assert_means_agree_with_closed_form(summary, scenario)
    assert [row for row in summary["breakdown"] if row["flag"] == "check"] == []  # each benefit within 4 SE
