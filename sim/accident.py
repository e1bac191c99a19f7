"""Work accidents (JKK): what kind of case each accident becomes and what it costs under the rules.

A case is one of five kinds (scenario shares): medical care only, temporary incapacity, partial permanent
disability, total permanent disability, or death. Assumptions (scenario ``assumptions.severity``):
- every case has a medical cost, lognormal with the stated mean and CV (0 CV: the mean exactly), the mean at the
  prices of the horizon's first calendar year and (1 + ``medical_cost_trend``)^k times it in the k-th calendar
  year after it, the same CV (:func:`care_price_by_month`);
- temporary incapacity, partial and total disability all start with time off work, exponential with the stated
  mean in months, paid as STMB; a fatal case has no STMB;
- the partial-disability table percentage is drawn from the stated discrete distribution.
The same formulas give the expected cost per case (``expected_case_cost``) for the closed form, and its second to
fourth moments (``case_cost_moment``) for the closed form's variance and the skewness and kurtosis the mean check
allows for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .regulation import (
    RuleSet,
    jkk_death_benefit,
    partial_disability_benefit,
    temporary_incapacity_benefit,
    total_disability_benefit,
)
from .scenario import Segment, Severity
from .streams import Draws

KINDS = ("medical_only", "temporary", "partial", "total", "death")
MEDICAL_ONLY, TEMPORARY, PARTIAL, TOTAL, DEATH = range(5)
WITH_INCAPACITY = (TEMPORARY, PARTIAL, TOTAL)
WITH_SCHOLARSHIP = (TOTAL, DEATH)
# Assumption (README, "A totally disabled member stays in force"): the run-off takes out the members who die, not
# those totally and permanently disabled (sim/population.py), so a disabled member goes on paying premiums and may
# have another accident, or die, and have the children's scholarship paid again, which PP 82/2019 (at most two
# children of a member) does not owe. The members disabled are few, and the deaths among them fewer still: at most
# 0.02 % of a year's expected claims in the shipped scenarios (tests/test_stated_figures.py). Taking them out as
# well would redraw every simulated figure (the Poisson means move) for a change below the figures' precision.
# The same sets as look-up tables by kind (one gather per case instead of np.isin).
_KIND_SETS = {kinds: np.isin(np.arange(len(KINDS)), kinds) for kinds in (WITH_INCAPACITY, WITH_SCHOLARSHIP)}


def lognormal_params(mean: float, cv: float) -> tuple[float, float]:
    sigma2 = np.log1p(cv * cv)
    return np.log(mean) - sigma2 / 2.0, np.sqrt(sigma2)


def categorical(draws: Draws, probabilities) -> np.ndarray:
    """One index per item of ``draws``, with the given probabilities (inverse CDF on uniforms).

    The index is ``min(searchsorted(cdf, u, side="right"), k - 1)``, the number of cdf points at or below u among
    the first k - 1; for the handful of categories used here counting by comparisons gives the same integers
    several times faster than a binary search.
    """
    return categorical_counts(draws, probabilities)[0]


def categorical_counts(draws: Draws, probabilities) -> tuple[np.ndarray, np.ndarray]:
    """:func:`categorical`'s draws, and how many of them fell in each category (a by-product of the counting)."""
    n = draws.size
    cdf = np.cumsum(probabilities)
    cdf = cdf / cdf[-1]
    points = cdf[:-1]
    if np.all((points == 0.0) | (points >= 1.0)):  # one possible outcome (e.g. every accident medical-only)
        return _certain(draws, int(np.count_nonzero(points == 0.0)), cdf.size)
    u = draws.random()
    if cdf.size > 16:  # many categories: one binary search beats a pass per category
        index = np.minimum(np.searchsorted(cdf, u, side="right"), len(cdf) - 1)
        return index, np.bincount(index, minlength=cdf.size)
    index = np.zeros(n, dtype=np.uint8)  # small integers: a quarter of the memory traffic of intp
    at_least = np.zeros(cdf.size + 1, dtype=np.int64)  # at_least[k]: draws with index >= k
    at_least[0] = n
    for k, point in enumerate(cdf[:-1], start=1):
        if point >= 1.0:  # u < 1: this and the (non-decreasing) later points count no draw
            break
        step = u >= point
        index += step.view(np.uint8)
        at_least[k] = np.count_nonzero(step)
    return index, at_least[:-1] - at_least[1:]


def _certain(draws: Draws, outcome: int, categories: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`categorical_counts` when every uniform gives ``outcome``: the uniforms decide nothing, but they are
    still consumed, so that every later draw of the stream is what it would have been."""
    draws.skip_uniforms()
    counts = np.zeros(categories, dtype=np.int64)
    counts[outcome] = draws.size
    return np.full(draws.size, outcome, dtype=np.uint8 if categories <= 16 else np.intp), counts


@dataclass(frozen=True)
class Cases:
    """``n`` work accidents: the kind of each, its medical cost, and who gets the other benefits."""

    kind: np.ndarray  # (n,) index into KINDS
    medical: np.ndarray  # (n,) IDR, every case
    paid: dict  # benefit name -> (indices of the cases paid, amounts IDR), for jkk_temporary ... jkk_death
    scholarship: np.ndarray  # indices of the cases whose children may get the scholarship


def sample_cases(draws: Draws, wage, rules: RuleSet, sev: Severity, price=None) -> Cases:
    """Kinds and benefit amounts (IDR) of the work accidents of ``draws``, one per item. ``wage``: the monthly wage
    of every case, or each case's (:func:`wage_by_month` in its month: a PU wage that grows). ``price``: each case's
    care price factor (:func:`care_price_by_month` in its month), or None for the first year's prices."""
    each = np.ndim(wage) > 0

    def wage_of(cases):
        return wage[cases] if each else wage

    kind, per_kind = categorical_counts(draws, sev.shares)
    if sev.medical_cost_cv > 0 and sev.medical_cost_mean > 0:
        mu, sigma = lognormal_params(sev.medical_cost_mean, sev.medical_cost_cv)
        medical = draws.lognormal(mu, sigma)
    else:
        medical = np.full(draws.size, sev.medical_cost_mean)
    if price is not None:  # f X is lognormal with mean f E[X] and the same CV: the same draws, scaled
        medical *= price
    present = per_kind > 0  # kinds absent from this batch cost no pass below
    off = _cases_of(kind, present, WITH_INCAPACITY)
    temporary = temporary_incapacity_benefit(rules, wage_of(off), draws.of(off).exponential(sev.incapacity_months_mean))
    partial = _cases_of(kind, present, (PARTIAL,))
    degrees = np.array([d for d, _ in sev.partial_degrees])
    drawn = degrees[categorical(draws.of(partial), [p for _, p in sev.partial_degrees])]
    total, death = _cases_of(kind, present, (TOTAL,)), _cases_of(kind, present, (DEATH,))
    paid = {
        "jkk_temporary": (off, temporary),
        "jkk_partial": (partial, partial_disability_benefit(rules, wage_of(partial), drawn)),
        "jkk_total": (total, _each(total_disability_benefit(rules, wage_of(total)), total.size)),
        "jkk_death": (death, _each(jkk_death_benefit(rules, wage_of(death)), death.size)),
    }
    return Cases(kind, medical, paid, _cases_of(kind, present, WITH_SCHOLARSHIP))


def _each(amount, size: int) -> np.ndarray:
    """Each of ``size`` cases' amount: ``amount`` for all of them, or already one per case."""
    return np.full(size, float(amount)) if np.ndim(amount) == 0 else np.asarray(amount, dtype=float)


def wage_by_month(seg: Segment, month_dates) -> np.ndarray:
    """(months,) the segment's monthly wage in each month of the horizon: ``Segment.wage_in`` its calendar year (a
    PU wage times (1 + ``assumptions.wage_growth``)^k in the k-th calendar year after the first, a step each 1
    January, when the minimum wage changes; a BPU income band as stated)."""
    return np.array([seg.wage_in(d.year) for d in month_dates])


def wages_vary(seg: Segment, month_dates) -> bool:
    """Whether the segment's wage differs between months of the horizon: a wage growth, and more than one calendar
    year."""
    return seg.wage_growth != 0 and month_dates[0].year != month_dates[-1].year


def care_price_by_month(sev: Severity, month_dates) -> np.ndarray:
    """(months,) what care of a case costs in each month of the horizon, as a multiple of ``medical_cost_mean``:
    (1 + ``medical_cost_trend``)^k in the k-th calendar year after the first (1 in the first). Assumption: the
    mean is stated at the prices of the horizon's first calendar year, and prices step each 1 January, as BPJS
    TK's care tariffs are revised, so a calendar year (a reporting period) has one price."""
    years = np.array([d.year for d in month_dates])
    return (1.0 + sev.medical_cost_trend) ** (years - years[0])


def care_prices_vary(sev: Severity, month_dates) -> bool:
    """Whether care costs differ between months of the horizon: a trend, and more than one calendar year."""
    return sev.medical_cost_trend != 0 and month_dates[0].year != month_dates[-1].year


def may_have_scholarship(sev: Severity) -> bool:
    """Whether any work accident can lead to a scholarship (the only reason its claim month is needed over one
    reporting period and one rule regime)."""
    return bool(np.asarray(sev.shares)[list(WITH_SCHOLARSHIP)].sum() > 0)


def _cases_of(kind: np.ndarray, present: np.ndarray, kinds: tuple) -> np.ndarray:
    """Indices, in order, of the cases of the given kinds (``present``: which kinds occur at all)."""
    if not present[list(kinds)].any():
        return np.zeros(0, dtype=np.intp)
    if len(kinds) == 1:
        return np.flatnonzero(kind == kinds[0])
    return np.flatnonzero(_KIND_SETS[kinds][kind])


def expected_incapacity_benefit(rules: RuleSet, wage: float, mean_months: float) -> float:
    """E[STMB] for an exponential time off work: E[min(D, 12)] = m(1 - e^(-12/m)), E[(D - 12)+] = m e^(-12/m)."""
    full = rules["jkk.temporary_full_months"]
    tail = mean_months * np.exp(-full / mean_months)
    return wage * (rules["jkk.temporary_full_share"] * (mean_months - tail) + rules["jkk.temporary_after_share"] * tail)


def incapacity_benefit_moment(rules: RuleSet, wage: float, mean_months: float, power: int) -> float:
    """E[STMB^k] for any power k, an exponential time off work D of mean m: STMB = wage (a min(D, F) + b (D - F)+).
    Below F it is a D, and E[D^k; D < F] = k! m^k (1 - e^(-t) sum_{i <= k} t^i / i!), t = F/m; beyond F (chance
    e^(-t)) it is a F + b E with E exponential of mean m again (no memory), and E[(c + b E)^k] =
    sum_j C(k, j) c^(k - j) b^j j! m^j. The closed form's variance (k = 2), third (3) and fourth (4) cumulants use
    it."""
    a, b = rules["jkk.temporary_full_share"], rules["jkk.temporary_after_share"]
    full, m = rules["jkk.temporary_full_months"], mean_months
    t = full / m
    tail = np.exp(-t)
    below = math.factorial(power) * m**power * (1.0 - tail * sum(t**i / math.factorial(i) for i in range(power + 1)))
    at_full = a * full
    beyond = sum(math.comb(power, j) * at_full ** (power - j) * b**j * math.factorial(j) * m**j
                 for j in range(power + 1))
    return float(wage**power * (a**power * below + tail * beyond))


def case_cost_moment(rules: RuleSet, wage: float, sev: Severity, power: int, price: float = 1.0) -> dict:
    """E[amount^power] (IDR^power, ``power`` 2, 3 or 4) of each JKK benefit per work accident, 0 for the cases it
    does not pay: with the accidents' rate, the variance (2), third (3) and fourth (4) cumulants of a compound
    Poisson sum of them (``closed_form.trial_cumulants``). A lognormal's E[X^k] is mean^k (1 + CV^2)^(k (k - 1) / 2)
    (the mean at CV 0), the mean at the care price factor ``price`` (:func:`care_price_by_month`), so the k-th
    moment scales by price^k."""
    shares = np.asarray(sev.shares)
    p_off = shares[list(WITH_INCAPACITY)].sum()
    degrees = np.array([d for d, _ in sev.partial_degrees])
    probs = np.array([p for _, p in sev.partial_degrees])
    partial = partial_disability_benefit(rules, wage, degrees)
    spread = (1.0 + sev.medical_cost_cv**2) ** (power * (power - 1) // 2)
    return {
        "jkk_medical": (sev.medical_cost_mean * price) ** power * spread,
        "jkk_temporary": p_off * incapacity_benefit_moment(rules, wage, sev.incapacity_months_mean, power),
        "jkk_partial": shares[PARTIAL] * float(probs @ partial**power),
        "jkk_total": shares[TOTAL] * total_disability_benefit(rules, wage) ** power,
        "jkk_death": shares[DEATH] * jkk_death_benefit(rules, wage) ** power,
    }


def expected_case_cost(rules: RuleSet, wage: float, sev: Severity, price: float = 1.0) -> dict:
    """Expected amount (IDR) and expected number of payments of each JKK benefit per work accident, care at the
    price factor ``price`` (:func:`care_price_by_month`)."""
    shares = np.asarray(sev.shares)
    p_off = shares[list(WITH_INCAPACITY)].sum()
    mean_degree = sum(d * p for d, p in sev.partial_degrees)
    amount = {
        "jkk_medical": sev.medical_cost_mean * price,
        "jkk_temporary": p_off * expected_incapacity_benefit(rules, wage, sev.incapacity_months_mean),
        "jkk_partial": shares[PARTIAL] * float(partial_disability_benefit(rules, wage, mean_degree)),
        "jkk_total": shares[TOTAL] * total_disability_benefit(rules, wage),
        "jkk_death": shares[DEATH] * jkk_death_benefit(rules, wage),
    }
    count = {
        "jkk_medical": 1.0,
        "jkk_temporary": p_off,
        "jkk_partial": shares[PARTIAL],
        "jkk_total": shares[TOTAL],
        "jkk_death": shares[DEATH],
    }
    return {"amount": amount, "count": count, "scholarship_share": shares[TOTAL] + shares[DEATH]}
