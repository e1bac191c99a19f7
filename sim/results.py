"""Turning blocks of simulated trials into the per-trial table and ``summary.json``, chunk by chunk.

Nothing per event is kept: each block adds its per-trial claims per period (the quantiles, their intervals and
the risk measures need every trial's total) and running sums for the claim counts and for the means and standard
errors by segment and benefit, and is then dropped. The per-trial claims go to temporary files on disk
(``sim.trial_claims``: 8 bytes per trial and period of disk, none of memory), and the summary reads them back a
chunk at a time, one period after another, so the memory of a forecast does not depend on the number of trials.
Quantiles, their intervals and probabilities are exactly those of the sorted claims; means, standard errors and
TVaR come from correctly rounded sums and may differ from NumPy's in the last bit or two. The per-trial table,
when asked for, is appended to a file block by block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import gamma, norm, poisson

from .benefits import BENEFIT_NAMES, CLAIM_EVENT_BENEFITS, INDEX
from .closed_form import Expected
from .engine import BLOCK_TRIALS, BlockResult, simulate_chunk
from .population import Model
from .risk import (
    convergence, find_order_statistics, interval_within_sample, measures, quantile_interval, relative_half_width,
    standard_error,
)
from .trial_claims import Sample, TrialClaims

QUANTILES = {"p5": 0.05, "p50": 0.50, "p95": 0.95, "p99_5": 0.995}
FLAG_SE = 4.0  # a Monte Carlo mean further than this many standard errors from the closed form is flagged
# The standard error a mean is judged by is the closed form's own (closed_form.trial_variance: the SE the mean has if
# the model is right, which is what the check tests), not the trials' sample SE. For a rare, skewed benefit (a few
# scholarships or total disabilities per trial or fewer) the sample SD is below the true one in most runs, and
# flagged means that fell short: 200 seeds of 1,000 trials of pekalongan-2023-expansion flagged 73 means, all below
# the closed form, where about 1.7 were due to chance; by the closed form's SE, 3 (all above it: the upper tail of a
# few payments is still heavier than normal). The sample SE is kept (``se_idr``), and used without a closed form's.
# That upper tail is allowed for by the closed form's third and fourth cumulants (closed_form.trial_cumulants): see
# skew_limits.
MIN_TRIALS_SE = 2  # fewer trials leave no spread to estimate a standard error from: the mean is not checked
# A benefit the closed form expects fewer payments of than this over all the trials, and the trials paid fewer of,
# is too rare to check by a standard error: the mean of so few payments is far from normal, and none at all leaves
# no spread (300 trials of pekalongan-2023-expansion flagged 8 such means, one where no total disability occurred
# against 0.9 expected, which happens 4 times in 10). Its mean is left unchecked, as with too few trials; one the
# closed form expects none of is still checked (any payment of it is flagged).
MIN_EVENTS_SE = 10
TRIAL_COLUMNS = (
    ["trial", "period", "segment", "members", "premium_idr", "claims_idr", "claim_count"]
    + [f"{b}_idr" for b in BENEFIT_NAMES]
    + [f"{b}_count" for b in BENEFIT_NAMES]
)


@dataclass(frozen=True)
class BlockTotals:
    """What the aggregator keeps of a block: per-trial totals and sums by period, segment and benefit.

    A few numbers per trial instead of the full (trial x period x segment x benefit) arrays, so a distributed
    worker sends back kilobytes rather than tens of megabytes (a national scenario has hundreds of segments). The
    same arithmetic runs wherever it runs, so the summary is identical.
    """

    block: object  # sim.engine.Block
    claims: np.ndarray  # (trials, periods + 1) IDR, last column the whole horizon
    claim_count_sum: np.ndarray  # (periods + 1,) insured events of all the block's trials (only means are reported)
    sum_amount: np.ndarray  # (periods + 1, segments, benefits)
    sumsq_amount: np.ndarray
    sum_count: np.ndarray
    simulated_events: int


_CLAIM_EVENT_INDEX = [INDEX[b] for b in CLAIM_EVENT_BENEFITS]


def block_totals(result: BlockResult) -> BlockTotals:
    """The block's totals; every number is what the same reductions over ``_with_total(result.amounts)`` give
    (the whole-horizon slice is reduced on its own, which adds in the same order), without copying the arrays."""
    amounts = result.amounts  # (n, P, S, B)
    single = amounts.shape[1] == 1  # one period: the whole horizon is that period, bit for bit
    total = amounts[:, 0] if single else amounts.sum(axis=1)  # (n, S, B), what _with_total appends
    by_period = amounts.sum(axis=(2, 3))
    claims = np.concatenate([by_period, by_period if single else total.sum(axis=(1, 2))[:, None]], axis=1)
    sum_amount = amounts.sum(axis=0)
    squares = amounts**2
    sumsq_amount = squares.sum(axis=0)
    # Whole numbers: the horizon's count sums are exact in any order.
    count_sum = result.counts.sum(axis=0)
    sum_count = np.concatenate([count_sum, count_sum.sum(axis=0, keepdims=True)])
    return BlockTotals(
        block=result.block,
        claims=claims,
        # Whole numbers: summed from sum_count, in a different order than over the block's trials but to the same
        # integers, and several times faster than a reduction over the trial axis of a gathered copy.
        claim_count_sum=sum_count[..., _CLAIM_EVENT_INDEX].sum(axis=(1, 2)),
        sum_amount=np.concatenate([sum_amount, sum_amount if single else total.sum(axis=0)[None]]),
        sumsq_amount=np.concatenate([sumsq_amount, sumsq_amount if single else (total**2).sum(axis=0)[None]]),
        sum_count=sum_count,
        simulated_events=result.simulated_events,
    )


def simulate_chunk_totals(model: Model, chunk: list) -> list[BlockTotals]:
    """A worker's task when no per-trial table is written: simulate the chunk and keep only the totals."""
    return [block_totals(r) for r in simulate_chunk(model, chunk)]


def distinct_means(rows: list[dict]) -> list[dict]:
    """The breakdown's rows less those that repeat another: with one calendar period the horizon's total is that
    period again, the same trials' same mean, so counting both would count each flag twice and double the number
    expected by chance (national-2025's one year: 0.52 where 0.26 is the chance)."""
    periods = {r["period"] for r in rows} - {"total"}
    return [r for r in rows if r["period"] != "total"] if len(periods) == 1 else rows


class Aggregator:
    """Streams BlockResults in; ``summary()`` gives the summary.json content.

    A context manager (or call :meth:`close`): it holds temporary files, closed even when a run fails.
    """

    def __init__(self, model: Model, expected: Expected, trials: int, trial_table=None, variance=None, third=None,
                 fourth=None):
        """``variance``, ``third`` and ``fourth``: the closed form's variance, third and fourth cumulants of one
        trial's payments (``closed_form.trial_cumulants``), which the means are judged by (``third`` None: as if
        symmetric; ``fourth`` None: by the skewness alone); ``variance`` None judges them by the trials' own
        spread."""
        self.model, self.expected, self.trials = model, expected, trials
        self.variance, self.third, self.fourth = variance, third, fourth
        periods, segments = len(model.period_labels), len(model.segments)
        # The only per-trial figures kept, on disk: quantiles need every trial's claims. Last column: whole horizon.
        self.trial_claims = TrialClaims(periods + 1)
        self.claim_count_sum = np.zeros(periods + 1, dtype=np.int64)  # claim counts: only their mean is reported
        shape = (periods + 1, segments, len(BENEFIT_NAMES))
        self.sum_amount, self.sumsq_amount = np.zeros(shape), np.zeros(shape)
        self.sum_count = np.zeros(shape)
        self.simulated_events = 0
        self.seen = 0
        self.table = trial_table
        if self.table is not None:
            self.table.write(",".join(TRIAL_COLUMNS) + "\n")

    def add(self, result: "BlockResult | BlockTotals") -> None:
        """Add a block, in trial order: a full BlockResult, or the BlockTotals a worker made of it."""
        if isinstance(result, BlockResult):
            if self.table is not None:
                self._write_rows(result.block.first_trial, result)
            result = block_totals(result)
        elif self.table is not None:
            raise ValueError("the per-trial table needs full block results, not totals")
        first, n = result.block.first_trial, result.block.trials
        if first + n > self.trials:
            raise ValueError(f"trials {first}-{first + n - 1} beyond the {self.trials} planned")
        self.trial_claims.add(first, result.claims)
        self.claim_count_sum += result.claim_count_sum
        self.sum_amount += result.sum_amount
        self.sumsq_amount += result.sumsq_amount
        self.sum_count += result.sum_count
        self.simulated_events += result.simulated_events
        self.seen += n

    def _write_rows(self, first: int, result: BlockResult) -> None:
        """Append one row per trial, period and segment (vectorised: one DataFrame per block)."""
        model, exp = self.model, self.expected
        n, periods, segments, _ = result.amounts.shape
        trial, period, segment = (a.ravel() for a in np.meshgrid(
            np.arange(first, first + n), np.arange(periods), np.arange(segments), indexing="ij"))
        members = exp.member_months / exp.months_in_period[:, None]
        amounts = result.amounts.reshape(-1, len(BENEFIT_NAMES))
        counts = result.counts.reshape(-1, len(BENEFIT_NAMES))
        columns = {
            "trial": trial,
            "period": np.asarray(model.period_labels)[period],
            "segment": np.asarray([e.segment.name for e in model.segments])[segment],
            "members": members[period, segment].round(2),
            "premium_idr": exp.premium[period, segment].round(2),
            "claims_idr": amounts.sum(axis=1).round(2),
            "claim_count": counts[:, [INDEX[b] for b in CLAIM_EVENT_BENEFITS]].sum(axis=1),
        }
        columns.update({f"{b}_idr": amounts[:, i].round(2) for i, b in enumerate(BENEFIT_NAMES)})
        columns.update({f"{b}_count": counts[:, i] for i, b in enumerate(BENEFIT_NAMES)})
        pd.DataFrame(columns, columns=TRIAL_COLUMNS).to_csv(self.table, header=False, index=False, lineterminator="\n")

    def close(self) -> None:
        self.trial_claims.close()

    def __enter__(self) -> "Aggregator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def precision(self) -> float:
        """Widest relative half-width, over periods, of the 95 % interval of the 99.5 % claims quantile so far."""
        columns = range(self.trial_claims.columns)
        return max(relative_half_width(self.trial_claims.sample(p, self.seen)) for p in columns)

    def summary(self) -> dict:
        """The summary of the trials aggregated so far (all of them, or fewer when a precision target stopped early)."""
        if self.seen == 0:
            raise RuntimeError("no trials aggregated")
        model, exp = self.model, self.expected
        labels = list(model.period_labels) + ["total"]
        premium = _with_total_periods(exp.premium.sum(axis=1))
        member_months = _with_total_periods(exp.member_months.sum(axis=1))
        months = _with_total_periods(exp.months_in_period.astype(float))
        expected_amount = _with_total_periods(exp.amounts.sum(axis=(1, 2)))
        event_idx = [INDEX[b] for b in CLAIM_EVENT_BENEFITS]
        expected_events = _with_total_periods(exp.counts[..., event_idx].sum(axis=(1, 2)))
        periods, first_period = [], None
        for p, label in enumerate(labels):
            claims = self.trial_claims.sample(p, self.seen)
            find_order_statistics(claims, levels=QUANTILES.values())  # every rank this period needs, in one search
            first_period = first_period or claims  # the convergence rows reuse what it has found
            ratio = _ratio_figures(claims, premium[p])
            periods.append(
                {
                    "period": label,
                    "months": int(months[p]),
                    "members": round(member_months[p] / months[p], 2),
                    "premium_idr": round(premium[p], 2),
                    "claims_idr": {"mean": _mean(claims), **_se(claims), **_quantiles(claims)},
                    "claims_quantiles_ci95_idr": _quantile_intervals(claims),
                    "claims_expected_idr": round(expected_amount[p], 2),
                    "claim_count": {
                        # The mean of integer counts: their float sum is exact, so this is np.mean of the counts.
                        "mean": round(float(self.claim_count_sum[p]) / self.seen, 4),
                        "expected": round(expected_events[p], 4),
                    },
                    "claim_ratio": None if ratio is None else ratio[0],
                    "prob_claim_ratio_above_1": None if ratio is None else ratio[1],
                    "risk": measures(claims, premium[p]),
                }
            )
        return {
            "periods": periods,
            "breakdown": self._breakdown(labels),
            "simulated_events": self.simulated_events,
            "convergence": {"period": labels[0], "rows": convergence(first_period, BLOCK_TRIALS)},
        }

    def _breakdown(self, labels) -> list[dict]:
        """Mean, standard errors and closed form per period, segment and benefit: the validation table. ``z`` is
        the gap in the closed form's standard errors (``model_se_idr``) where it gives them, else in the trials';
        ``skew`` the closed form's skewness of the mean, and ``z_limit`` the gap allowed on the mean's side of the
        expected value (:func:`skew_limits`, which also reads the mean's excess kurtosis), beyond which the mean is
        flagged."""
        exp_amount = _with_total(self.expected.amounts[None])[0]
        exp_count = _with_total(self.expected.counts[None])[0]
        n = self.seen
        mean = self.sum_amount / n
        var = np.maximum(self.sumsq_amount / n - mean**2, 0.0) * n / max(n - 1, 1)
        se = np.sqrt(var / n)
        model_se = None if self.variance is None else np.sqrt(self.variance / n)
        judged_by = se if model_se is None else model_se
        skew = None if model_se is None else mean_skewness(self.variance, self.third, n)
        kurtosis = None if skew is None or self.third is None else mean_kurtosis(self.variance, self.fourth, n)
        upper, lower = skew_limits(np.zeros_like(mean) if skew is None else skew, kurtosis)
        limit = np.where(mean >= exp_amount, upper, lower)
        rows = []
        for p, label in enumerate(labels):
            for s, seg in enumerate(self.model.segments):
                for b, benefit in enumerate(BENEFIT_NAMES):
                    gap = abs(mean[p, s, b] - exp_amount[p, s, b])
                    unit = judged_by[p, s, b]
                    z = gap / unit if unit > 0 else (0.0 if gap == 0 else math.inf)
                    # A rare benefit is judged by its count (or not at all), a single trial not at all: no z bound.
                    by_z = n >= MIN_TRIALS_SE and not _rare(n, exp_count[p, s, b], self.sum_count[p, s, b])
                    flag = ("too_few" if n < MIN_TRIALS_SE else
                            _rare_flag(benefit, n * exp_count[p, s, b], self.sum_count[p, s, b]) if not by_z
                            else "ok" if z <= limit[p, s, b] else "check")
                    rows.append(
                        {
                            "period": label,
                            "segment": seg.segment.name,
                            "benefit": benefit,
                            "mean_idr": round(float(mean[p, s, b]), 2),
                            "se_idr": round(float(se[p, s, b]), 2),
                            "model_se_idr": None if model_se is None else round(float(model_se[p, s, b]), 2),
                            "expected_idr": round(float(exp_amount[p, s, b]), 2),
                            "count_mean": round(float(self.sum_count[p, s, b] / n), 4),
                            "count_expected": round(float(exp_count[p, s, b]), 4),
                            "z": None if math.isinf(z) or flag == "too_few" else round(float(z), 3),
                            "skew": None if skew is None else round(float(skew[p, s, b]), 4),
                            "z_limit": round(float(limit[p, s, b]), 3) if by_z else None,
                            "flag": flag,
                        }
                    )
        return rows


def mean_skewness(variance: np.ndarray, third: np.ndarray | None, trials: int) -> np.ndarray:
    """Skewness of the mean of ``trials`` trials, from one trial's variance and third cumulant: the mean's third
    cumulant is k3 / n^2 and its SE^3 (var / n)^1.5, so g / sqrt(n); 0 where there is no spread (or no ``third``)."""
    if third is None:
        return np.zeros_like(variance)
    spread = variance**1.5
    return np.divide(third, spread, out=np.zeros_like(spread), where=spread > 0) / math.sqrt(trials)


def mean_kurtosis(variance: np.ndarray, fourth: np.ndarray | None, trials: int) -> np.ndarray | None:
    """Excess kurtosis of the mean of ``trials`` trials, from one trial's variance and fourth cumulant: the mean's
    fourth cumulant is k4 / n^3 and its SE^4 (var / n)^2, so k4 / var^2 / n; 0 where there is no spread; None
    without ``fourth``."""
    if fourth is None:
        return None
    spread = variance**2
    return np.divide(fourth, spread, out=np.zeros_like(spread), where=spread > 0) / trials


# The chance, on each side, of a normal mean more than FLAG_SE standard errors off: the skewed bounds keep it
# under the translated gamma, and roughly (within 2.8 times, skew_limits) in the exact chances measured.
P_SIDE = float(norm.sf(FLAG_SE))
# The skewness up to which the short (lower) tail's bound is narrowed. The translated gamma's short tail ends at
# -2 / g SEs, where a sum of many small payments and a few large ones (a lognormal care cost) goes on: computed
# exactly for a compound Poisson mean (README, "exact tail chances"), the narrowed bound left 10 times the normal's
# chance below at g = 0.5 and 56 at 0.75 for the scenarios' care cost (lognormal CV 2), 7 at 0.75 for CV 1; up to
# 0.2 at most 2.5 times for a lognormal CV up to 4 (and at most 1.2 times for CV 1 or less: 1.17 at CV 1 and g = 0.2,
# under the normal's for CV 0.5). Beyond it, 4 SE: under the normal's chance in every case computed. Measured on seeds
# too: with a cut-off of 1 and more, marbot's means of skewness 1 to 1.4 fell below the gamma's 0.1 % point 23 times
# in 1,031 (300 trials), where 1 was due.
SKEW_NARROWED_MAX = 0.2


# A gamma's excess kurtosis is 1.5 times its squared skewness. A compound Poisson sum's is E[X^2] E[X^4] / E[X^3]^2
# times it, which for a lognormal payment is 1 + CV^2: 5 for the scenarios' care cost (CV 2), whose upper tail the
# gamma of the same skewness therefore puts too low (README, "exact tail chances").
GAMMA_KURTOSIS_PER_SKEW2 = 1.5


def skew_limits(skew: np.ndarray, kurtosis: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """How many standard errors a mean of the given skewness may lie above and below the expected value: the
    points the translated gamma of the same mean, SE and skewness (shape 4 / g^2) puts P_SIDE beyond, as a normal
    puts it beyond +-FLAG_SE. A mean of few heavy payments (scholarships, total disability) is right-skewed, so it
    lands above +4 SE more often than the normal says and below -4 SE less often; the bounds move with it, so the
    chance of a flag stays near the normal's (cli's count expected by chance assumes it): the gamma approximation
    matches it; computed exactly (README, "exact tail chances"), the chance is up to 2.8 times it above the expected
    value and 2.5 times below.

    The translated gamma is the actuaries' usual three-moment approximation of a compound sum (Kaas et al., Modern
    Actuarial Risk Theory, s. 2.5). For small g it is the Cornish-Fisher bound, +4 + 2.5 g and -4 + 2.5 g to first
    order (4.25 and 3.75 at g = 0.1); unlike Cornish-Fisher it is a distribution for any g, so its upper bound grows
    with g however large. The short tail's bound is narrowed only up to SKEW_NARROWED_MAX, and is the normal's 4 SE
    beyond: a sum of payments that are never negative has a sub-Gaussian lower tail (Chernoff: P(below -z SE) <=
    exp(-z^2 / 2)), and the normal bound flagged none of the means measured there. Near 0 (below 1e-6, within 3e-6
    SE of it) both are the normal's; a negative skewness mirrors them.

    ``kurtosis``: the mean's excess kurtosis (:func:`mean_kurtosis`), or None. Three moments do not place the long
    tail of a sum of payments heavier than a gamma's (a lognormal care cost of CV over 0.71: its excess kurtosis is
    (1 + CV^2) g^2, the gamma's 1.5 g^2), so the long side's bound is that of the gamma of the same mean and SE
    matched to whichever of the skewness and the kurtosis asks the longer tail: shape the smaller of 4 / g^2 and 6 /
    kurtosis (a gamma's excess kurtosis is 6 / shape). It is never narrower than the skewness's alone, so no mean it
    passed is flagged; the short side keeps the skewness's bound. Measured exactly (README), this held the chance
    above within 2.8 times the normal's for a lognormal of CV 1 to 4 at skewness 0.1 to 3 (the skewness alone: up to
    9.5 times)."""
    g = np.abs(np.asarray(skew, dtype=float))
    shape = 4.0 / np.maximum(g, 1e-6) ** 2
    scale = np.sqrt(shape)
    long = _gamma_long_bound(g)
    if kurtosis is not None:  # the larger of the two, so never narrower than the skewness's, not even by a rounding
        long = np.maximum(long, _gamma_long_bound(np.sqrt(np.maximum(kurtosis, 0.0) / GAMMA_KURTOSIS_PER_SKEW2)))
    short = np.where((g < 1e-6) | (g > SKEW_NARROWED_MAX), FLAG_SE, (shape - gamma.ppf(P_SIDE, shape)) / scale)
    right = np.asarray(skew) >= 0
    return np.where(right, long, short), np.where(right, short, long)


def _gamma_long_bound(g: np.ndarray) -> np.ndarray:
    """The point, in SDs above its mean, that the gamma of skewness ``g`` (shape 4 / g^2) puts P_SIDE beyond; the
    normal's FLAG_SE below a skewness of 1e-6."""
    shape = 4.0 / np.maximum(g, 1e-6) ** 2
    return np.where(g < 1e-6, FLAG_SE, (gamma.isf(P_SIDE, shape) - shape) / np.sqrt(shape))


def _with_total(a: np.ndarray) -> np.ndarray:
    """Append the whole-horizon total along the period axis (axis 1)."""
    return np.concatenate([a, a.sum(axis=1, keepdims=True)], axis=1)


def _with_total_periods(a: np.ndarray) -> np.ndarray:
    return np.concatenate([a, a.sum(axis=0, keepdims=True)], axis=0)


def _ratio_figures(claims: Sample, premium: float) -> tuple[dict, float] | None:
    """The claim ratio's mean and quantiles, and P(claim ratio > 1); None without premium.

    claims / premium is non-decreasing in the claims, so its quantiles come from the claims' order statistics. Its
    mean is the mean claims over the premium: the mean of the ratios but for rounding, and no pass of its own."""
    if premium <= 0:
        return None
    ratio = claims.monotone(lambda x: x / premium)
    mean = round(claims.mean() / float(premium), 4)
    return {"mean": mean, **_quantiles(ratio)}, ratio.sums(lambda r: r > 1.0)[0] / ratio.n


def _mean(x: Sample) -> float:
    return round(x.mean(), 4)


def _se(x: Sample) -> dict:
    """``se``, the standard error of the mean, and ``se_reason``: why it is null where the trials cannot estimate
    it. A single trial has no spread; nor do trials without a claim (claims are never negative, so a mean of 0 is
    every trial 0), and an SE of 0 would claim a certainty the run does not have: 200 claim-free trials bound the
    chance of a claim only below 3/200 (the rule of three, 95 %)."""
    if x.n < MIN_TRIALS_SE:
        return {"se": None, "se_reason": "single_trial"}
    if x.mean() == 0:
        return {"se": None, "se_reason": "no_claims"}
    return {"se": round(standard_error(x), 4), "se_reason": None}


def _quantiles(x: Sample) -> dict:
    values = x.quantiles(list(QUANTILES.values()))
    return {k: round(float(v), 4) for k, v in zip(QUANTILES, values)}


def _quantile_intervals(x: Sample) -> dict:
    """The 95 % distribution-free interval of each reported quantile (order statistics, ``risk.quantile_interval``),
    or None while the trials cannot bound it: clipped to the smallest or largest trial it would cover far less than
    95 % (``risk.interval_within_sample``: under 72 trials for the 5 % and 95 %, 6 for the median, 736 for the
    99.5 %)."""
    return {k: [round(v, 2) for v in quantile_interval(x, q)] if interval_within_sample(x.n, q) else None
            for k, q in QUANTILES.items()}


# A rare benefit's count of payments is still checked where it can be: cases (deaths, accidents, each counted once
# per benefit they receive) are close to Poisson, so a count the closed form makes as unlikely as a mean 4 standard
# errors off (two-sided) is flagged: 9 deaths paid where 0.5 were expected. Scholarship instalments come in
# clusters (children of one death, year after year), so their count is not Poisson: they stay unchecked.
P_FLAG = math.erfc(FLAG_SE / math.sqrt(2))


def _rare_flag(benefit: str, expected_payments: float, simulated_payments: float) -> str:
    """``check`` when a rare benefit's simulated count is as unlikely under Poisson(expected) as a 4-SE gap (not
    for scholarships), else ``too_few``."""
    if benefit.endswith("_scholarship"):
        return "too_few"
    k = int(round(simulated_payments))
    tail = min(poisson.cdf(k, expected_payments), poisson.sf(k - 1, expected_payments))
    return "check" if 2 * tail < P_FLAG else "too_few"


def _rare(trials: int, expected_count: float, simulated_payments: float) -> bool:
    """Too few payments of a benefit, expected and simulated, to check its mean by a standard error (MIN_EVENTS_SE);
    never when the closed form expects none."""
    return 0 < expected_count and trials * expected_count < MIN_EVENTS_SE and simulated_payments < MIN_EVENTS_SE
