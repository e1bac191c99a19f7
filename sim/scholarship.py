"""Scholarships (beasiswa) for the children of a member who dies (JKM after 3 years, JKK always) or is totally
disabled by a work accident, paid as yearly instalments while each child is at school.

Assumptions (scenario ``assumptions.children``): the number of eligible children follows ``count_shares``
(none, one, two or more; the rules pay at most two); each child's age at the claim is uniform on 0..age_max; school
starts at ``school_start_age`` and the levels follow one another (8 + 3 + 3 + 5 years, so school ends at the rules'
end age 23 when it starts at 5); a child reaches each level with the ``reach_shares`` probabilities and stays at
school until the last level reached. The first instalment is paid in the month of the claim, then every 12 months.
"""

from __future__ import annotations

import numpy as np

from .accident import categorical
from .regulation import RuleSet, scholarship_schedule
from .scenario import Children


def _children_per_claim(rules: RuleSet, children: Children) -> np.ndarray:
    """Probability of 0, 1, ..., max_children eligible children per claim."""
    cap = rules["scholarship.max_children"]
    probs = np.zeros(cap + 1)
    for count, share in enumerate(children.count_shares):
        probs[min(count, cap)] += share
    return probs


def sample_instalments(
    rng: np.random.Generator, claim_month: np.ndarray, rules: RuleSet, children: Children, months: int
):
    """Instalments falling inside the horizon for claims in the given months.

    Returns (claim index, payment month, amount IDR), one entry per instalment. A child is paid for a contiguous
    run of years (from school entry or the claim, whichever is later, to the last level reached or the end of the
    horizon), so the work is proportional to the instalments paid.
    """
    per_claim = categorical(rng, _children_per_claim(rules, children), claim_month.size)
    claim_of_child = np.repeat(np.arange(claim_month.size), per_claim)
    age = rng.integers(0, children.age_max + 1, claim_of_child.size)
    # Levels reached: how many of the (non-increasing) reach shares exceed one uniform per child. Counted share by
    # share, which gives the same integers as comparing a (children x levels) table and summing its rows, faster.
    u = rng.random(claim_of_child.size)
    levels_reached = np.zeros(claim_of_child.size, dtype=np.uint8)
    for share in np.asarray(children.reach_shares, dtype=float):
        levels_reached += (u < share).view(np.uint8)
    by_age, level_of_age = scholarship_schedule(rules, children.school_start_age)
    last_age_by_levels = np.array([-1] + [int(np.flatnonzero(level_of_age == lv).max()) if (level_of_age == lv).any() else -1
                                           for lv in range(len(children.reach_shares))])
    last_age_by_levels = np.maximum.accumulate(last_age_by_levels)
    child_month = claim_month[claim_of_child]
    first_lag = np.maximum(children.school_start_age - age, 0)
    years_left = (months - 1 - np.arange(months)) // 12  # by claim month: later instalments inside the horizon
    last_lag = np.minimum(last_age_by_levels[levels_reached] - age, years_left[child_month])
    paid_years = np.maximum(last_lag - first_lag + 1, 0)
    # One entry per instalment, child by child. A child's entries start at index start = (entries of the children
    # before it) and are paid at lags first_lag, first_lag + 1, ..., so entry i is paid at lag
    # i - (start - first_lag). Done in place: these are the largest arrays here, and fresh memory costs more than
    # the arithmetic.
    child = np.repeat(np.arange(claim_of_child.size), paid_years)
    start_minus_first_lag = np.cumsum(paid_years)
    start_minus_first_lag -= paid_years + first_lag
    lag = np.arange(child.size)
    lag -= start_minus_first_lag[child]
    pay_month = child_month[child]
    pay_month += 12 * lag
    age_paid = age[child]
    age_paid += lag
    return claim_of_child[child], pay_month, by_age[age_paid]


def expected_by_lag(rules: RuleSet, children: Children) -> tuple[np.ndarray, np.ndarray]:
    """Expected instalment amount (IDR) and expected number of instalments per claim, by years since the claim."""
    expected_children = float(np.arange(rules["scholarship.max_children"] + 1) @ _children_per_claim(rules, children))
    by_age, level_of_age = scholarship_schedule(rules, children.school_start_age)
    reach = np.asarray(children.reach_shares)
    ages = np.arange(children.age_max + 1)
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
