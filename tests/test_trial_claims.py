"""Per-trial claims on disk and the statistics read from them: exact order statistics and quantiles (bit for bit
NumPy's), exact sums (math.fsum's value), and a forecast's summary equal to the in-memory computation."""

import math

import numpy as np
import pytest
from scipy import stats

import sim.trial_claims as tc
from sim.closed_form import expected
from sim.forecast import forecast
from sim.population import build_model
from sim.risk import RATIO_GRID, RISK_LEVEL, measures, tvar
from sim.scenario import load_scenario
from sim.trial_claims import ExactSum, Sample, TrialClaims

LEVELS = [0.05, 0.5, 0.95, 0.995]


@pytest.fixture
def tiny(monkeypatch):
    """Tiny reads, sort limit and histograms, so every path of the search runs on small data: several narrowing
    steps, crowded bins, bins that do not fit together, ties. Records each step's (depth, lo == hi)."""
    monkeypatch.setattr(tc, "READ_VALUES", 7)
    monkeypatch.setattr(tc, "SORT_VALUES", 20)
    monkeypatch.setattr(tc, "BIN_BITS", 2)
    steps, select = [], tc._select

    def recorded(sample, lo, hi, ranks, everything=False):
        steps.append(lo == hi)
        return select(sample, lo, hi, ranks, everything)

    monkeypatch.setattr(tc, "_select", recorded)
    return steps


def _datasets(rng, n):
    return {
        "lognormal heavy tail": rng.lognormal(0.0, 3.0, n),
        "mostly exact zeros": np.where(rng.random(n) < 0.7, 0.0, rng.lognormal(19.0, 1.0, n)),
        "all equal": np.full(n, 42e6),
        "two values": rng.choice([0.0, 42e6], n),
        "one ulp apart": 1e9 + rng.integers(0, 3, n) * np.spacing(1e9),
        "huge range": rng.integers(0, 5, n) * 1e300 + rng.random(n),
        "tiny and subnormal": rng.integers(0, 4, n) * 5e-324 + rng.integers(0, 2, n) * 1e-300,
        "signed, every scale": rng.normal(0.0, 1.0, n) * 10.0 ** rng.integers(-300, 300, n),
    }


@pytest.mark.parametrize("n", [1, 2, 3, 21, 200, 3000])
def test_order_statistics_equal_numpy_sort(tiny, n):
    rng = np.random.default_rng(n)
    for name, x in _datasets(rng, n).items():
        ranks = sorted({0, n - 1, *rng.integers(0, n, 12).tolist()})
        got = Sample.of(x).order_statistics(ranks)
        assert np.array_equal(got, np.sort(x)[ranks]), name
    if n > 200:
        assert len(tiny) > 2 * len(_datasets(rng, n))  # more than one narrowing step per search
        assert any(tiny)  # and searches that ended on ties


def test_order_statistics_reject_nan(tiny):
    x = np.arange(100.0)
    x[37] = np.nan
    with pytest.raises(ValueError, match="finite"):
        Sample.of(x).order_statistics([50])


@pytest.mark.parametrize("n", [1, 2, 3, 1000, 65_537])
def test_quantiles_equal_numpy_bit_for_bit(monkeypatch, n):
    monkeypatch.setattr(tc, "SORT_VALUES", 500)  # the out-of-core search, not a sort, for the larger n
    rng = np.random.default_rng(n)
    for x in (rng.lognormal(19.0, 1.5, n), np.round(rng.lognormal(2.0, 1.0, n)), rng.choice([0.0, 1e7, 3e7], n)):
        assert np.array_equal(Sample.of(x).quantiles(LEVELS), np.quantile(x, LEVELS))
        for q in LEVELS + [0.0, 1.0, 1 / 3]:
            assert Sample.of(x).quantile(q) == np.quantile(x, q)


def test_a_median_halfway_between_two_values_is_numpys_to_the_last_bit():
    """At weight exactly 0.5 NumPy interpolates from the upper value (b - (b - a) / 2); from the lower one the
    midpoint of these two differs in the last bit, and the module promises np.quantile bit for bit."""
    x = np.array([43965.84599658302, 113918.2411293923])
    assert x[0] + (x[1] - x[0]) * 0.5 != x[1] - (x[1] - x[0]) * 0.5  # the two ways do differ here
    assert Sample.of(x).quantile(0.5) == np.quantile(x, 0.5) == x[1] - (x[1] - x[0]) * 0.5


def test_ratio_and_shortfall_order_statistics_are_those_of_the_mapped_claims(monkeypatch):
    monkeypatch.setattr(tc, "SORT_VALUES", 500)
    rng = np.random.default_rng(5)
    claims = rng.lognormal(19.5, 1.2, 20_001) * (rng.random(20_001) < 0.9)
    premium = 3.7e8
    ranks = list(range(0, 20_001, 997)) + [20_000]
    x = Sample.of(claims)
    assert np.array_equal(x.monotone(lambda v: v / premium).order_statistics(ranks),
                          np.sort(claims / premium)[ranks])
    assert np.array_equal(x.monotone(lambda v: np.maximum(v - premium, 0.0)).order_statistics(ranks),
                          np.sort(np.maximum(claims - premium, 0.0))[ranks])


def test_exact_sum_is_fsum_in_any_grouping():
    rng = np.random.default_rng(1)
    cases = [
        rng.lognormal(20.0, 1.0, 200_000),
        rng.normal(0.0, 1.0, 100_000) * 10.0 ** rng.integers(-300, 300, 100_000),
        np.array([1e16, 1.0, -1e16]),
        np.array([1.0, 2.0**-53]),  # a tie, rounded to even
        np.array([1.0, 2.0**-53, 2.0**-106]),  # just above the tie
        np.array([5e-324, 5e-324, 1e-310]),
        np.array([]),
    ]
    for x in cases:
        whole = ExactSum()
        whole.add(x)
        parts = ExactSum()
        for piece in np.array_split(rng.permutation(x), 7):
            parts.add(piece)
        assert whole.value() == parts.value() == math.fsum(x)
    counts = ExactSum()
    counts.add(np.array([True, False, True]))
    counts.add(np.ones(5, dtype=bool))
    assert counts.value() == 7.0
    bad = ExactSum()
    bad.add(np.array([1.0, np.inf]))
    with pytest.raises(ValueError, match="finite"):
        bad.value()


def test_store_reads_back_what_was_written_and_closes_its_files():
    rng = np.random.default_rng(2)
    claims = rng.lognormal(19.0, 1.0, (2_500, 3))
    with TrialClaims(3) as store:
        for first in range(0, 2_500, 1_000):
            store.add(first, claims[first : first + 1_000])
            store.sample(1).mean()  # a read between writes must not misplace the next block
        with pytest.raises(ValueError, match="trial order"):
            store.add(0, claims[:10])
        assert np.array_equal(store.read_all(), claims)
        assert np.array_equal(store.read_all(1_234), claims[:1_234])
        assert np.array_equal(store.sample(2, 1_500).values(), claims[:1_500, 2])
        files = list(store._files)
    assert all(f.closed for f in files)


def test_forecast_closes_the_store_when_the_run_fails(monkeypatch):
    closed = []
    close = TrialClaims.close
    monkeypatch.setattr(TrialClaims, "close", lambda self: (closed.append(self), close(self)))

    def fail(done, total):
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        forecast(load_scenario("madiun-2025", ["scenario.trials=2000"]), chunk_trials=1000, progress=fail)
    assert len(closed) == 1 and all(f.closed for f in closed[0]._files)


def _plain(x: np.ndarray, premium: float, q: float = RISK_LEVEL) -> dict:
    """The summary's figures for one period computed the plain in-memory way (np.sort, np.quantile, np.mean,
    np.std): what the aggregator computed before it kept the claims on disk."""
    xs = np.sort(x)
    n = len(x)
    lo = int(stats.binom.ppf(0.025, n, q))
    hi = int(stats.binom.ppf(0.975, n, q))

    def tail(s):
        var = float(np.quantile(s, q))
        tv = var + float(np.maximum(s - var, 0.0).mean()) / (1 - q)
        t = s[s > var]
        tail_var = float(t.var(ddof=1)) if t.size > 1 else 0.0
        return var, tv, math.sqrt((tail_var + q * (tv - var) ** 2) / (n * (1 - q)))

    def interval(level):  # 95 % distribution-free: None while its ranks fall outside the sample
        below, above = int(stats.binom.ppf(0.025, n, level)) - 1, int(stats.binom.ppf(0.975, n, level))
        return [round(float(xs[below]), 2), round(float(xs[above]), 2)] if 0 <= below and above < n else None

    var, tv, tv_se = tail(xs)
    shortfall = np.maximum(xs - premium, 0.0)
    s_var, s_tv, s_se = tail(shortfall)
    mean, se = float(np.mean(x)), float(np.std(x, ddof=1) / math.sqrt(n))
    z = stats.norm.ppf(0.975)
    ratio = x / premium
    return {
        "claims_idr": {"mean": round(mean, 4), "se": round(se, 4),
                       **{k: round(float(v), 4) for k, v in zip(("p5", "p50", "p95", "p99_5"), np.quantile(x, LEVELS))}},
        "claims_quantiles_ci95_idr": {k: interval(level) for k, level in zip(("p5", "p50", "p95", "p99_5"), LEVELS)},
        "claim_ratio": {"mean": round(float(np.mean(ratio)), 4),
                        **{k: round(float(v), 4) for k, v in zip(("p5", "p50", "p95", "p99_5"), np.quantile(ratio, LEVELS))}},
        "prob_claim_ratio_above_1": float(np.mean(ratio > 1.0)),
        "risk": {
            "level": q,
            "claims_var_idr": round(var, 2),
            "claims_var_ci95_idr": [round(float(xs[max(lo - 1, 0)]), 2), round(float(xs[min(hi, n - 1)]), 2)],
            "claims_var_relative_half_width": round((float(xs[min(hi, n - 1)]) - float(xs[max(lo - 1, 0)])) / 2 / var, 6),
            "claims_tvar_idr": round(tv, 2),
            # Null while fewer than 10 trials lie beyond VaR (n (1 - q) < 10).
            "claims_tvar_se_idr": round(tv_se, 2) if n * (1 - q) >= 10 - 1e-9 else None,
            "claims_mean_ci95_idr": [round(max(mean - z * se, 0.0), 2), round(mean + z * se, 2)],  # claims are >= 0
            "shortfall_mean_idr": round(float(shortfall.mean()), 2),
            "shortfall_mean_se_idr": round(float(np.std(shortfall, ddof=1) / math.sqrt(n)), 2),
            "shortfall_var_idr": round(s_var, 2),
            "shortfall_tvar_idr": round(s_tv, 2),
            "shortfall_tvar_se_idr": round(s_se, 2) if n * (1 - q) >= 10 - 1e-9 else None,
            "prob_claim_ratio_above": [{"x": g, "p": float(np.mean(ratio > g))} for g in RATIO_GRID],
        },
    }


# Figures made from sums (means, standard errors, TVaR) may differ in the last bit or two between the exact sum
# and NumPy's pairwise one: a relative 1e-15 or so. Rounded to the reported decimals (4 for "mean" and "se", 2 for
# the rest) that can still move a figure by one unit of its last decimal. Everything else must be equal.
FROM_SUMS = {"mean": 1e-4, "se": 1e-4, "claims_tvar_idr": 0.01, "claims_tvar_se_idr": 0.01,
             "claims_mean_ci95_idr": 0.01, "shortfall_mean_idr": 0.01, "shortfall_tvar_idr": 0.01,
             "shortfall_mean_se_idr": 0.01, "shortfall_tvar_se_idr": 0.01}


def _compare(got, want, key=""):
    if isinstance(want, dict):
        assert set(got) >= set(want), key
        for k in want:
            _compare(got[k], want[k], k if k in FROM_SUMS else key)
    elif isinstance(want, list):
        assert len(got) == len(want), key
        for g, w in zip(got, want):
            _compare(g, w, key)
    elif key in FROM_SUMS:
        assert math.isclose(got, want, rel_tol=1e-12, abs_tol=FROM_SUMS[key]), (key, got, want)
    else:
        assert got == want, (key, got, want)


def test_summary_from_disk_equals_the_in_memory_computation(monkeypatch):
    # Small reads and sort limit: the summary of 5,000 trials takes the out-of-core path a million trials take.
    monkeypatch.setattr(tc, "READ_VALUES", 256)
    monkeypatch.setattr(tc, "SORT_VALUES", 1_000)
    monkeypatch.setattr(tc, "BIN_BITS", 4)
    scenario = load_scenario("madiun-2025", ["scenario.trials=5000", "scenario.horizon_months=24"])
    summary, claims = forecast(scenario, chunk_trials=2000, return_trials=True, exact_check=False)
    assert claims.shape == (5000, 3)
    premium = expected(build_model(scenario)).premium.sum(axis=1)
    for p, period in enumerate(summary["periods"]):
        _compare(period, _plain(claims[:, p], float([*premium, premium.sum()][p])))
    rows = summary["convergence"]["rows"]
    assert [r["trials"] for r in rows] == [1000, 2000, 4000, 5000]
    for row in rows:
        x = np.sort(claims[: row["trials"], 0])
        assert row["var_idr"] == round(float(np.quantile(x, RISK_LEVEL)), 2)
        assert math.isclose(row["mean_idr"], round(float(np.mean(x)), 2), rel_tol=1e-12, abs_tol=0.01)
    # The same summary with the default constants (here every column fits in memory and is sorted).
    monkeypatch.undo()
    again = forecast(scenario, chunk_trials=1000, exact_check=False)
    assert again["periods"] == summary["periods"] and again["convergence"] == summary["convergence"]


def test_risk_functions_take_arrays_or_samples_alike(monkeypatch):
    monkeypatch.setattr(tc, "SORT_VALUES", 300)
    rng = np.random.default_rng(9)
    claims = rng.lognormal(19.5, 1.2, 5_000)
    with TrialClaims(1) as store:
        store.add(0, claims[:, None])
        assert measures(store.sample(0), 3e8) == measures(claims, 3e8) == measures(np.sort(claims), 3e8)
        assert tvar(store.sample(0), 0.99) == tvar(np.sort(claims), 0.99)
