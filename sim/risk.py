"""Risk measures of simulated claims and their Monte Carlo precision.

- VaR_q: the q-quantile of claims; TVaR_q: the mean of claims at or beyond it, ``VaR + E[(X - VaR)+] / (1 - q)``.
- Shortfall: ``max(claims - premium, 0)`` per trial, the amount by which benefits exceed the premiums paid: the
  deficit BPJS carries on the city's members, or what a premium top-up would have to cover.
- Precision: a normal-theory interval for the mean; a distribution-free interval for a quantile from the binomial
  distribution of order statistics (the k-th smallest of n draws lies below the true q-quantile with probability
  P(Binomial(n, q) >= k)); the asymptotic standard error of TVaR,
  ``sqrt((Var[X | X > VaR] + q (TVaR - VaR)^2) / (n (1 - q)))``.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

RISK_LEVEL = 0.995
CONFIDENCE = 0.95
RATIO_GRID = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


def mean_interval(x: np.ndarray, confidence: float = CONFIDENCE) -> tuple[float, float]:
    z = stats.norm.ppf(0.5 + confidence / 2)
    mean, se = float(np.mean(x)), float(np.std(x, ddof=1) / math.sqrt(len(x))) if len(x) > 1 else 0.0
    return mean - z * se, mean + z * se


def quantile_interval(sorted_x: np.ndarray, q: float, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Distribution-free interval for the q-quantile from order statistics of a sorted sample."""
    n = len(sorted_x)
    alpha = 1 - confidence
    lo = int(stats.binom.ppf(alpha / 2, n, q))  # 0-based index of the lower order statistic
    hi = int(stats.binom.ppf(1 - alpha / 2, n, q))
    return float(sorted_x[max(lo - 1, 0)]), float(sorted_x[min(hi, n - 1)])


def tvar(sorted_x: np.ndarray, q: float) -> tuple[float, float, float]:
    """(VaR, TVaR, standard error of TVaR) at level q of a sorted sample."""
    n = len(sorted_x)
    var = float(np.quantile(sorted_x, q))
    excess = sorted_x - var
    np.maximum(excess, 0.0, out=excess)  # in place: one temporary array, not two
    tv = var + float(excess.mean()) / (1 - q)
    del excess
    tail = sorted_x[sorted_x > var]
    tail_var = float(tail.var(ddof=1)) if tail.size > 1 else 0.0
    se = math.sqrt((tail_var + q * (tv - var) ** 2) / (n * (1 - q)))
    return var, tv, se


def relative_half_width(sorted_x: np.ndarray, q: float = RISK_LEVEL, confidence: float = CONFIDENCE) -> float:
    """Half the width of the quantile's interval over the quantile: the precision target of adaptive runs."""
    lo, hi = quantile_interval(sorted_x, q, confidence)
    point = float(np.quantile(sorted_x, q))
    return (hi - lo) / 2 / abs(point) if point else math.inf


def measures(claims: np.ndarray, premium: float, q: float = RISK_LEVEL) -> dict:
    """Risk measures and precision of one period's simulated claims (IDR).

    Memory: one sorted copy of the claims and at most one temporary array beside it (a million trials: 8 MB
    each). The shortfall is worked out in place in the sorted copy once the claims' own measures are done:
    ``max(x - premium, 0)`` is non-decreasing in x, so applied to the sorted claims it gives the sorted shortfall,
    the very array sorting the shortfall would give."""
    above = None
    if premium > 0:
        ratio = claims / premium
        above = [{"x": g, "p": float(np.mean(ratio > g))} for g in RATIO_GRID]
        del ratio
    x = np.sort(claims)
    var, tv, tv_se = tvar(x, q)
    lo, hi = quantile_interval(x, q)
    m_lo, m_hi = mean_interval(x)
    relative = relative_half_width(x, q)
    shortfall = x  # from here on x holds the sorted shortfall
    np.subtract(shortfall, premium, out=shortfall)
    np.maximum(shortfall, 0.0, out=shortfall)
    s_var, s_tv, s_se = tvar(shortfall, q)
    out = {
        "level": q,
        "claims_var_idr": round(var, 2),
        "claims_var_ci95_idr": [round(lo, 2), round(hi, 2)],
        "claims_var_relative_half_width": round(relative, 6),
        "claims_tvar_idr": round(tv, 2),
        "claims_tvar_se_idr": round(tv_se, 2),
        "claims_mean_ci95_idr": [round(m_lo, 2), round(m_hi, 2)],
        "shortfall_mean_idr": round(float(shortfall.mean()), 2),
        "shortfall_var_idr": round(s_var, 2),
        "shortfall_tvar_idr": round(s_tv, 2),
        "shortfall_tvar_se_idr": round(s_se, 2),
    }
    if above is not None:
        out["prob_claim_ratio_above"] = above
    return out


def convergence(claims: np.ndarray, step: int, q: float = RISK_LEVEL) -> list[dict]:
    """Estimates on the first n trials for n = step, 2 step, 4 step, ..., all: data for a convergence plot."""
    rows, n = [], step
    while True:
        n = min(n, len(claims))
        x = np.sort(claims[:n])
        lo, hi = quantile_interval(x, q)
        m_lo, m_hi = mean_interval(x)
        rows.append({
            "trials": n,
            "mean_idr": round(float(x.mean()), 2),
            "mean_ci95_idr": [round(m_lo, 2), round(m_hi, 2)],
            "var_idr": round(float(np.quantile(x, q)), 2),
            "var_ci95_idr": [round(lo, 2), round(hi, 2)],
        })
        if n == len(claims):
            return rows
        n *= 2
