"""Risk measures of simulated claims and their Monte Carlo precision.

- VaR_q: the q-quantile of claims; TVaR_q: the mean of claims at or beyond it, ``VaR + E[(X - VaR)+] / (1 - q)``.
- Shortfall: ``max(claims - premium, 0)`` per trial, the amount by which benefits exceed the premiums paid: the
  deficit BPJS carries on the city's members, or what a premium top-up would have to cover.
- Precision: a normal-theory interval for the mean; a distribution-free interval for a quantile from the binomial
  distribution of order statistics (the k-th smallest of n draws lies below the true q-quantile with probability
  P(Binomial(n, q) >= k)); the asymptotic standard error of TVaR,
  ``sqrt((Var[X | X > VaR] + q (TVaR - VaR)^2) / (n (1 - q)))``, except where VaR is 0 (the claims' when fewer than
  1 - q of the trials have a claim, the shortfall's when the premium is at or above the claims' VaR): TVaR is then
  the mean over 1 - q, and so is its standard error.

Every function takes the claims as a :class:`sim.trial_claims.Sample` (read from disk a chunk at a time, so memory
does not grow with the trials) or as an array in memory, sorted or not. Order statistics, quantiles, their
intervals and probabilities are exactly those of the sorted array; means, standard deviations and TVaR come from
correctly rounded sums (``math.fsum``'s value) and may differ from NumPy's pairwise sums in the last bit or two.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from .trial_claims import Sample, quantile_ranks

RISK_LEVEL = 0.995
CONFIDENCE = 0.95
RATIO_GRID = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
# TVaR's standard error is asymptotic in the number of trials beyond VaR, n (1 - q), and its tail variance comes
# from those trials alone. Assumption: it is reported from 10 of them on (2,000 trials at 99.5 %), null below.
# Measured coverage of TVaR +- 1.96 SE (compound Poisson, 15 lognormal claims a year of CV 1.5; 400 samples each,
# +- 2 points): 66 % with 2 trials beyond VaR, 83 % with 5, 88 % with 10 and 20, 94 % with 50 (10,000 trials at
# 99.5 %, the scenarios' default). Below 10 a figure would look like precision the trials do not have.
MIN_TAIL_TRIALS = 10


def as_sample(x) -> Sample:
    """A Sample as it is; an array (sorted or not) as a Sample in memory."""
    return x if isinstance(x, Sample) else Sample.of(x)


def standard_error(x) -> float:
    """Standard error of the mean (standard deviation with n - 1, over sqrt n); 0 for a single value."""
    x = as_sample(x)
    return x.sd() / math.sqrt(x.n) if x.n > 1 else 0.0


def mean_interval(x, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Normal-approximation interval of the mean of claims, its low end held at 0: claims are never negative, and
    where few trials hold a claim (a handful of members, a short period) mean - 1.96 se falls below 0."""
    x = as_sample(x)
    z = stats.norm.ppf(0.5 + confidence / 2)
    mean, se = x.mean(), standard_error(x)
    return max(mean - z * se, 0.0), mean + z * se


def interval_ranks(n: int, q: float, confidence: float = CONFIDENCE) -> tuple[int, int]:
    """0-based ranks of the order statistics bounding the distribution-free interval of the q-quantile of n (clipped
    to the sample: see :func:`interval_within_sample`)."""
    lo, hi = _unclipped_ranks(n, q, confidence)
    return max(lo, 0), min(hi, n - 1)


def interval_within_sample(n: int, q: float, confidence: float = CONFIDENCE) -> bool:
    """Whether n trials bound the interval of the q-quantile. With too few (for the 99.5 % quantile at 95 %,
    fewer than 736) its upper end lies beyond the largest trial: the clipped interval then understates
    the uncertainty, so it must not count as precision."""
    lo, hi = _unclipped_ranks(n, q, confidence)
    return lo >= 0 and hi <= n - 1


def _unclipped_ranks(n: int, q: float, confidence: float) -> tuple[int, int]:
    alpha = 1 - confidence
    lo = int(stats.binom.ppf(alpha / 2, n, q))  # 0-based index of the lower order statistic
    hi = int(stats.binom.ppf(1 - alpha / 2, n, q))
    return lo - 1, hi


def quantile_interval(x, q: float, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Distribution-free interval for the q-quantile from order statistics of the sample."""
    x = as_sample(x)
    lo, hi = x.order_statistics(interval_ranks(x.n, q, confidence))
    return float(lo), float(hi)


def find_order_statistics(x: Sample, q: float = RISK_LEVEL, levels=(), confidence: float = CONFIDENCE) -> None:
    """Find at once (one search) the order statistics that the q-quantile, the quantiles at ``levels`` and their
    intervals need; the sample remembers them for the functions here."""
    intervals = [rank for level in (q, *levels) for rank in interval_ranks(x.n, level, confidence)]
    x.order_statistics([*quantile_ranks(x.n, [q, *levels]), *intervals])


def tvar(x, q: float) -> tuple[float, float, float]:
    """(VaR, TVaR, standard error of TVaR) at level q of non-negative values (claims, a shortfall): two passes over
    the values above VaR."""
    x = as_sample(x)
    var = x.quantile(q)
    # The sum of max(x - VaR, 0) is the sum over the tail alone: the other terms are exact zeros.
    excess, tail_sum, tail_n = x.sums(lambda v: v[v > var] - var, lambda v: v[v > var], lambda v: v > var)
    tv = var + excess / x.n / (1 - q)
    if var == 0:
        # Fewer than n (1 - q) values are positive (up to the quantile's interpolation): a very small group's claims,
        # or the shortfall with the premium at or above the claims' VaR. Then TVaR = sum(x) / (n (1 - q)) = mean /
        # (1 - q) exactly (the tail mass is n (1 - q) itself, not a count of trials; the zeros at VaR add nothing),
        # so its standard error is the mean's over 1 - q. The formula below assumes n (1 - q) values beyond VaR and
        # misstates it here: 1.6 times the spread across seeds for a shortfall 0.1 % of the trials above the premium
        # (Exponential), 0.46 times for claims of Rp42 m in 0.1 % of the trials (tests/test_risk.py).
        return var, tv, standard_error(x) / (1 - q)
    tail_var = 0.0
    if tail_n > 1:
        tail_mean = tail_sum / tail_n
        tail_var = x.sums(lambda v: np.square(v[v > var] - tail_mean))[0] / (tail_n - 1)
    se = math.sqrt((tail_var + q * (tv - var) ** 2) / (x.n * (1 - q)))
    return var, tv, se


def tvar_se_reported(n: int, q: float) -> bool:
    """Whether n trials put enough of them beyond the q-quantile for TVaR's standard error (MIN_TAIL_TRIALS)."""
    return round(n * (1 - q), 9) >= MIN_TAIL_TRIALS


def relative_half_width(x, q: float = RISK_LEVEL, confidence: float = CONFIDENCE) -> float:
    """Half the width of the quantile's interval over the quantile: the precision target of adaptive runs. Infinite
    when the trials cannot bound the interval (:func:`interval_within_sample`) or the quantile is 0."""
    x = as_sample(x)
    if not interval_within_sample(x.n, q, confidence):
        return math.inf
    find_order_statistics(x, q, confidence=confidence)
    lo, hi = quantile_interval(x, q, confidence)
    point = x.quantile(q)
    return (hi - lo) / 2 / abs(point) if point else math.inf


def measures(claims, premium: float, q: float = RISK_LEVEL) -> dict:
    """Risk measures and precision of one period's simulated claims (IDR).

    The claim ratio ``x / premium`` and the shortfall ``max(x - premium, 0)`` are non-decreasing in x, so their
    order statistics are those of the claims mapped, found with no search of their own (``Sample.monotone``): the
    very values sorting them would give. Memory does not depend on the number of trials."""
    x = as_sample(claims)
    find_order_statistics(x, q)
    above = None
    if premium > 0:
        counts = x.monotone(lambda v: v / premium).sums(*(lambda r, g=g: r > g for g in RATIO_GRID))
        above = [{"x": g, "p": c / x.n} for g, c in zip(RATIO_GRID, counts)]
    var, tv, tv_se = tvar(x, q)
    lo, hi = quantile_interval(x, q)
    m_lo, m_hi = mean_interval(x)
    relative = relative_half_width(x, q)
    shortfall = x.monotone(lambda v: np.maximum(v - premium, 0.0))
    s_var, s_tv, s_se = tvar(shortfall, q)
    # Its mean (an exact sum, so the very value the sum over the trials above the premium alone gives) and the mean's
    # standard error: sample sd of the per-trial shortfall over sqrt n, the same rule as the claims' mean interval.
    s_mean, s_mean_se = shortfall.mean(), standard_error(shortfall)
    out = {
        "level": q,
        "claims_var_idr": round(var, 2),
        # No interval when the trials cannot bound it (under 736 at 99.5 %): clipped to the largest trial it would
        # cover far less than 95 % (61 % at 200 trials).
        "claims_var_ci95_idr": [round(lo, 2), round(hi, 2)] if interval_within_sample(x.n, q) else None,
        "claims_var_relative_half_width": round(relative, 6) if math.isfinite(relative) else None,
        "claims_tvar_idr": round(tv, 2),
        # Null, like the interval above, while the trials beyond VaR are too few (MIN_TAIL_TRIALS).
        "claims_tvar_se_idr": round(tv_se, 2) if tvar_se_reported(x.n, q) else None,
        "claims_mean_ci95_idr": [round(m_lo, 2), round(m_hi, 2)],
        "shortfall_mean_idr": round(s_mean, 2),
        "shortfall_mean_se_idr": round(s_mean_se, 2),
        "shortfall_var_idr": round(s_var, 2),
        "shortfall_tvar_idr": round(s_tv, 2),
        "shortfall_tvar_se_idr": round(s_se, 2) if tvar_se_reported(x.n, q) else None,
    }
    if above is not None:
        out["prob_claim_ratio_above"] = above
    return out


def convergence(claims, step: int, q: float = RISK_LEVEL) -> list[dict]:
    """Estimates on the first n trials for n = step, 2 step, 4 step, ..., all: data for a convergence plot."""
    claims = as_sample(claims)
    rows, n = [], step
    while True:
        n = min(n, claims.n)
        x = claims.prefix(n)
        find_order_statistics(x, q)
        lo, hi = quantile_interval(x, q)
        m_lo, m_hi = mean_interval(x)
        rows.append({
            "trials": n,
            "mean_idr": round(x.mean(), 2),
            "mean_ci95_idr": [round(m_lo, 2), round(m_hi, 2)],
            "var_idr": round(x.quantile(q), 2),
            "var_ci95_idr": [round(lo, 2), round(hi, 2)] if interval_within_sample(x.n, q) else None,
        })
        if n == claims.n:
            return rows
        n *= 2
