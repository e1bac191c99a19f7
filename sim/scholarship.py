"""Scholarships (beasiswa) for the children of a member who dies (JKM after 3 years, JKK always) or is totally
disabled by a work accident, paid as yearly instalments while each child is at school.

Assumptions (scenario ``assumptions.children``): the number of eligible children follows ``count_shares``
(none, one, two or more; the rules pay at most two) and each child's age at the claim is uniform on 0..age_max; or,
with ``by_member_age``, both depend on the member's age at the death or claim: each band of member ages has its own
shares and its own range of children's ages (a member who dies at 60 rarely leaves a child under 23, and then an
older one). School starts at ``school_start_age`` and the levels follow one another (8 + 3 + 3 + 5 years); a child
reaches each level with the ``reach_shares`` probabilities and stays at school until the last level reached. The
first instalment is paid in the month of the claim, then every 12 months, while the child is under the rules' end
age (23: no instalment once the child is 23, so from school at 5 a fifth university year, at 23, is not paid).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .accident import categorical
from .regulation import RuleSet, scholarship_schedule
from .scenario import ChildBand, Children
from .streams import Draws


def _children_per_claim(rules: RuleSet, band: ChildBand) -> np.ndarray:
    """Probability of 0, 1, ..., max_children eligible children per claim of a member in ``band``."""
    cap = rules["scholarship.max_children"]
    probs = np.zeros(cap + 1)
    for count, share in enumerate(band.count_shares):
        probs[min(count, cap)] += share
    return probs


@dataclass(frozen=True)
class DrawnChildren:
    """The eligible children of some claims, one entry per child, in claim order."""

    claim: np.ndarray  # (n,) index of the child's claim
    age: np.ndarray  # (n,) age at the claim, 0..age_max
    levels: np.ndarray  # (n,) number of school levels the child reaches, 0..len(reach_shares)


def sample_children(draws: Draws, rules: RuleSet, children: Children, band: np.ndarray | None = None) -> DrawnChildren:
    """The random part of the scholarship of the claims of ``draws`` (one per item): children per claim (one uniform
    per claim), then each child's age (one integer per child) and the school levels it reaches (one uniform per
    child). ``band``: each claim's band of member ages (``children.band_of``); needed only with several bands.

    With one band, or several that give the same children, the draws are those of the one form (count_shares and
    age_max) and so are the numbers: a claim's band only picks which probabilities its uniform is compared with
    and which whole years its children's ages are drawn from."""
    bands = children.bands
    if len(bands) > 1 and band is None:
        raise ValueError("the children depend on the member's age (by_member_age): each claim's band is needed")
    if len(bands) == 1:
        per_claim = categorical(draws, _children_per_claim(rules, bands[0]))
    else:
        per_claim = _per_claim_by_band(draws, [_children_per_claim(rules, b) for b in bands], band)
    claim = np.repeat(np.arange(draws.size), per_claim)
    kids = draws.repeat(per_claim)
    age = _child_ages(kids, bands, None if len(bands) == 1 else band[claim])
    # Levels reached: how many of the (non-increasing) reach shares exceed one uniform per child. Counted share by
    # share, which gives the same integers as comparing a (children x levels) table and summing its rows, faster.
    u = kids.random()
    levels = np.zeros(claim.size, dtype=np.uint8)
    for share in np.asarray(children.reach_shares, dtype=float):
        levels += (u < share).view(np.uint8)
    return DrawnChildren(claim, age, levels)


def _per_claim_by_band(draws: Draws, probabilities: list, band: np.ndarray) -> np.ndarray:
    """Children per claim, each claim with its band's probabilities: :func:`~sim.accident.categorical`'s inverse
    CDF (the same cdf points, the same comparisons, so the same integers when every band is alike), with the
    points looked up by band. When no uniform can decide anything (every band certain), the uniforms are skipped,
    as categorical skips them, so the streams move on identically."""
    cdf = np.array([np.cumsum(p) / np.cumsum(p)[-1] for p in probabilities])
    points = cdf[:, :-1]
    if np.all((points == 0.0) | (points >= 1.0)):
        draws.skip_uniforms()
        return np.count_nonzero(points == 0.0, axis=1).astype(np.uint8)[band]
    u = draws.random()
    per_claim = np.zeros(draws.size, dtype=np.uint8)
    for k in range(points.shape[1]):
        per_claim += (u >= points[band, k]).view(np.uint8)
    return per_claim


def _child_ages(kids: Draws, bands: tuple, band: np.ndarray | None) -> np.ndarray:
    """Each child's age at the claim, uniform on its band's whole years: one bounded integer per child. Bands
    with one common range draw with scalar bounds (the one form's call); otherwise each child's bounds are its
    band's (NumPy draws array bounds element by element)."""
    ranges = {(b.age_min, b.age_max) for b in bands}
    if len(ranges) == 1:
        low, high = ranges.pop()
        return kids.integers(low, high + 1)
    low = np.array([b.age_min for b in bands])[band]
    high = np.array([b.age_max + 1 for b in bands])[band]
    return kids.integers_between(low, high)


def _instalments(child_month, age, levels, rules: RuleSet, children: Children, months: int):
    """The instalments inside the horizon of children with the given claim month, age and levels reached.

    Returns (child index, payment month, amount IDR), one entry per instalment, child by child. A child is paid for
    a contiguous run of years (from school entry or the claim, whichever is later, to the last level reached or the
    end of the horizon), so the work is proportional to the instalments paid.
    """
    by_age, level_of_age = scholarship_schedule(rules, children.school_start_age)
    last_age_by_levels = np.array([-1] + [int(np.flatnonzero(level_of_age == lv).max()) if (level_of_age == lv).any() else -1
                                           for lv in range(len(children.reach_shares))])
    last_age_by_levels = np.maximum.accumulate(last_age_by_levels)
    first_lag = np.maximum(children.school_start_age - age, 0)
    years_left = (months - 1 - np.arange(months)) // 12  # by claim month: later instalments inside the horizon
    last_lag = np.minimum(last_age_by_levels[levels] - age, years_left[child_month])
    paid_years = np.maximum(last_lag - first_lag + 1, 0)
    # One entry per instalment, child by child. A child's entries start at index start = (entries of the children
    # before it) and are paid at lags first_lag, first_lag + 1, ..., so entry i is paid at lag
    # i - (start - first_lag).
    child = np.repeat(np.arange(age.size), paid_years)
    start_minus_first_lag = np.cumsum(paid_years)
    start_minus_first_lag -= paid_years + first_lag
    lag = np.arange(child.size)
    lag -= start_minus_first_lag[child]
    pay_month = child_month[child] + 12 * lag
    return child, pay_month, by_age[age[child] + lag]


def sample_instalments(
    rng: np.random.Generator, claim_month: np.ndarray, rules: RuleSet, children: Children, months: int,
    band: np.ndarray | None = None,
):
    """Instalments falling inside the horizon for claims in the given months (``band``: each claim's band of
    member ages, as for :func:`sample_children`).

    Returns (claim index, payment month, amount IDR), one entry per instalment, claim by claim and child by child.
    The engine draws the same children (:func:`sample_children`) but sums their instalments through a
    :class:`PeriodTable`; this is the plain definition the table is checked against.
    """
    kids = sample_children(Draws.one(rng, claim_month.size), rules, children, band)
    child, pay_month, amount = _instalments(claim_month[kids.claim], kids.age, kids.levels, rules, children, months)
    return kids.claim[child], pay_month, amount


@dataclass(frozen=True)
class PeriodTable:
    """What one child's scholarship pays in each reporting period, by (claim month, age at the claim, levels reached).

    A child's instalments depend only on those three numbers, so they are worked out once per model and rule regime
    for every combination (months x ages x levels, a few thousand), and a simulated child costs a look-up per
    period instead of arrays with one entry per instalment. Periods are calendar years and instalments are 12 months
    apart, so a cell holds at most one instalment: summing the cells child by child adds the same numbers in the
    same order as summing the instalments one by one (the cells without an instalment add 0.0, which changes no
    sum, and children with no instalment at all can be left out), so for the same draws the engine's totals are
    bit-for-bit those of :func:`sample_instalments`.
    """

    amount: np.ndarray  # (keys, periods) IDR paid in each period
    count: np.ndarray  # (keys, periods) instalments paid in each period, as floats (they are bincount weights)
    paid: np.ndarray  # (keys,) whether the child is paid anything inside the horizon
    n_ages: int  # age_max + 1
    n_levels: int  # len(reach_shares) + 1: 0 .. len(reach_shares) levels reached
    both: np.ndarray  # (keys, 2 * periods) amount and count side by side, to sum both with one product
    whole: bool  # every amount and count is a whole number, so their sums are exact in any order
    largest: float  # the largest amount or count in the table (bounds the sums, see engine._whole_sums)

    def key(self, claim_month: np.ndarray, age: np.ndarray, levels: np.ndarray) -> np.ndarray:
        """Row of each child: (claim_month * n_ages + age) * n_levels + levels reached."""
        key = claim_month * self.n_ages
        key += age
        key *= self.n_levels
        key += levels
        return key


def period_table(rules: RuleSet, children: Children, period_of_month: np.ndarray) -> PeriodTable:
    """The :class:`PeriodTable` of one rule regime: :func:`sample_instalments`'s instalments of every possible
    child (claim month x age x levels reached), summed by reporting period (``period_of_month``: (months,))."""
    months, n_ages, n_levels = period_of_month.size, children.age_max + 1, len(children.reach_shares) + 1
    grid = np.meshgrid(np.arange(months), np.arange(n_ages), np.arange(n_levels), indexing="ij")
    month, age, reached = (a.ravel() for a in grid)  # row r of the table is the child with key r
    child, pay_month, amount = _instalments(month, age, reached, rules, children, months)
    shape = (month.size, int(period_of_month.max()) + 1 if months else 0)
    amounts, counts = np.zeros(shape), np.zeros(shape)
    np.add.at(amounts, (child, period_of_month[pay_month]), amount)
    np.add.at(counts, (child, period_of_month[pay_month]), 1.0)
    both = np.hstack([amounts, counts])
    whole, largest = bool(np.all(both == np.round(both))), float(np.abs(both).max(initial=0.0))
    return PeriodTable(amounts, counts, counts.any(axis=1), n_ages, n_levels, both, whole, largest)


def expected_by_lag(rules: RuleSet, children: Children, band: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Expected instalment amount (IDR) and expected number of instalments per claim of a member in band ``band``
    of ``children.bands`` (the only one without ``by_member_age``), by years since the claim."""
    of_band = children.bands[band]
    expected_children = float(np.arange(rules["scholarship.max_children"] + 1) @ _children_per_claim(rules, of_band))
    by_age, level_of_age = scholarship_schedule(rules, children.school_start_age)
    reach = np.asarray(children.reach_shares)
    ages = np.arange(of_band.age_min, of_band.age_max + 1)
    amount, count = np.zeros(by_age.size), np.zeros(by_age.size)
    for lag in range(by_age.size):
        age_then = ages + lag
        age_then = age_then[age_then < by_age.size]
        level = level_of_age[age_then]
        at_school = level >= 0
        p_pay = np.where(at_school, reach[np.maximum(level, 0)], 0.0)
        amount[lag] = (p_pay * by_age[age_then]).sum() / ages.size
        count[lag] = p_pay.sum() / ages.size
    return expected_children * amount, expected_children * count


def child_payments(rules: RuleSet, children: Children, lags, band: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """What one child of a member in band ``band`` (of ``children.bands``) is paid in total at the given lags
    (years after the claim): values and probabilities over the child's age at the claim (uniform on the band's
    ages) and the number of levels reached (L >= l with reach[l])."""
    by_age, level_of_age = scholarship_schedule(rules, children.school_start_age)
    reach = np.asarray(children.reach_shares, dtype=float)
    p_levels = -np.diff(np.concatenate([[1.0], reach, [0.0]]))  # P(exactly L levels), L = 0 .. len(reach)
    of_band = children.bands[band]
    ages = np.arange(of_band.age_min, of_band.age_max + 1)
    values, probs = [], []
    for levels, p in enumerate(p_levels):
        paid = np.zeros(ages.size)
        for lag in lags:
            age = np.minimum(ages + lag, by_age.size - 1)
            at_school = (ages + lag < by_age.size) & (level_of_age[age] >= 0) & (level_of_age[age] < levels)
            paid += np.where(at_school, by_age[age], 0.0)
        values.append(paid)
        probs.append(np.full(ages.size, p / ages.size))
    return np.concatenate(values), np.concatenate(probs)


def claim_moments(rules: RuleSet, children: Children, lags, band: int = 0) -> tuple[float, float, float, float]:
    """E[Y], E[Y^2], E[Y^3] and E[Y^4] of Y, what one claim of a member in band ``band`` pays in instalments at the
    given lags.

    A claim's instalments are not independent payments (the same children, year after year, and two children of
    one claim come together), so the variance of a sum of Poisson claims is the claims' rate times E[Y^2] of the
    claim's whole payment, not of each instalment (and its third and fourth cumulants the rate times E[Y^3] and
    E[Y^4]). With N children, each paid C independently: E[Y] = E[N] E[C], E[Y^2] = E[N] E[C^2] + E[N (N - 1)] E[C]^2,
    E[Y^3] = E[N] E[C^3] + 3 E[N (N - 1)] E[C^2] E[C] + E[N (N - 1) (N - 2)] E[C]^3 (the cube of a sum of N terms:
    N cubes, N (N - 1) ordered pairs three ways, N (N - 1) (N - 2) ordered triples) and, by the same count of the
    ways four places fall on distinct children, E[Y^4] = E[N] E[C^4] + E[N (N - 1)] (4 E[C^3] E[C] + 3 E[C^2]^2)
    + 6 E[N (N - 1) (N - 2)] E[C^2] E[C]^2 + E[N (N - 1) (N - 2) (N - 3)] E[C]^4."""
    if not lags:
        return 0.0, 0.0, 0.0, 0.0
    values, probs = child_payments(rules, children, lags, band)
    c1, c2, c3, c4 = (float(probs @ values**k) for k in (1, 2, 3, 4))
    n = np.arange(rules["scholarship.max_children"] + 1)
    p_n = _children_per_claim(rules, children.bands[band])
    falling = np.cumprod([n - j for j in range(4)], axis=0)  # N, N (N - 1), N (N - 1) (N - 2), ... by row
    n1, n2, n3, n4 = (float(f @ p_n) for f in falling)
    return (n1 * c1, n1 * c2 + n2 * c1**2, n1 * c3 + 3.0 * n2 * c2 * c1 + n3 * c1**3,
            n1 * c4 + n2 * (4.0 * c3 * c1 + 3.0 * c2 * c2) + 6.0 * n3 * c2 * c1**2 + n4 * c1**4)
