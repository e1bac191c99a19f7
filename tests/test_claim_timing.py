"""Claim timing: reporting delay, verification capacity and payment as SimPy processes; incurred, paid, unpaid."""

from __future__ import annotations

import numpy as np
import pytest

from sim.claim_timing import payment_pattern, paid_by_year, unpaid_at_year_ends, yearly_pattern
from sim.planning_schema import ClaimTiming
from sim.plan import plan
from sim.scenario import load_scenario

from conftest import ROOT

FLOW = np.full(24, 10.0)  # ten claims a month for two years


def timing(delay=((0, 1.0),), capacity=float("inf"), verification=0, payment=0):
    return ClaimTiming(tuple(delay), capacity, verification, payment)


def test_hand_calculation_of_the_pattern():
    # Half reported at once, half two months later; verification 1 month, payment 1 month later, no queue:
    # a claim of month m is paid half in m + 2, half in m + 4 (or after the horizon).
    p = payment_pattern(timing(((0, 0.5), (2, 0.5)), verification=1, payment=1), FLOW)
    for m in range(24):
        row = np.zeros(25)
        row[min(m + 2, 24)] += 0.5
        row[min(m + 4, 24)] += 0.5
        assert p[m] == pytest.approx(row), m


def test_capacity_queue_pays_first_come_first_served():
    # 10 claims a month, 5 verified a month, immediate otherwise: 5 are paid each month, oldest first.
    p = payment_pattern(timing(capacity=5.0), FLOW)
    paid_per_month = (p * FLOW[:, None]).sum(axis=0)
    assert paid_per_month[:24] == pytest.approx([5.0] * 24)
    assert p.sum(axis=1) == pytest.approx(np.ones(24))  # all paid eventually (the tail runs 240 months)
    # Month 0's claims are all paid in months 0-1; month 23's only after the horizon.
    assert p[0, :2].sum() == pytest.approx(1.0) and p[23, 24] == pytest.approx(1.0)


def test_more_capacity_pays_sooner_and_none_pays_nothing():
    slow = payment_pattern(timing(capacity=6.0), FLOW)
    fast = payment_pattern(timing(capacity=12.0), FLOW)
    cum = lambda p: np.cumsum((p * FLOW[:, None]).sum(axis=0))  # noqa: E731
    assert (cum(fast) >= cum(slow) - 1e-9).all() and cum(fast)[11] > cum(slow)[11]
    assert payment_pattern(timing(capacity=0.0), FLOW).sum() == 0


def test_yearly_pattern_and_unpaid_add_up():
    p = payment_pattern(timing(((0, 0.5), (3, 0.5)), capacity=8.0, verification=1), FLOW)
    period_of_month = np.repeat([0, 1], 12)
    yearly = yearly_pattern(p, period_of_month, FLOW, 2)
    assert yearly.sum(axis=1) == pytest.approx([1.0, 1.0])  # every claim paid in some year or later
    assert yearly[1, 0] == 0  # nothing paid before it happens
    rng = np.random.default_rng(1)
    events, scholarships = rng.gamma(2.0, 1e8, (500, 2)), rng.gamma(2.0, 1e7, (500, 2))
    paid = paid_by_year(events, scholarships, yearly)
    assert paid.sum(axis=1) == pytest.approx((events + scholarships).sum(axis=1))  # nothing lost
    unpaid = unpaid_at_year_ends(events + scholarships, paid)
    assert unpaid[:, -1] == pytest.approx(paid[:, -1])  # what is unpaid at the end is paid later
    assert (unpaid >= -1e-6).all()
    # Scholarship instalments are paid in the year they fall due (where the engine places them, in the years after
    # a death), not delayed by the claims' reporting and verification: alone, they are paid exactly then.
    alone = paid_by_year(np.zeros_like(events), scholarships, yearly)
    assert np.array_equal(alone[:, :2], scholarships) and not alone[:, 2].any()
    # Immediate payment: paid equals incurred, nothing unpaid.
    now = yearly_pattern(payment_pattern(None, FLOW), period_of_month, FLOW, 2)
    assert now == pytest.approx(np.array([[1, 0, 0], [0, 1, 0]]))


def test_plan_shows_incurred_paid_and_unpaid_by_year():
    claim_timing = ('claim_timing={reporting_delay = {value = [[0, 0.4], [2, 0.4], [9, 0.2]], unit = "share", '
                    'source = "test", basis = "assumption"}, verification_capacity = {value = 6, unit = "claims per month", '
                    'source = "test", basis = "assumption", range = [1, 100]}, verification_months = {value = 1, '
                    'unit = "months", source = "test", basis = "assumption", range = [0, 3]}, payment_months = {value = 1, '
                    'unit = "months", source = "test", basis = "assumption", range = [0, 3]}}')
    scenario = load_scenario(ROOT / "tests" / "data" / "expansion-small.toml", ["scenario.trials=1000", claim_timing])
    _, result, _ = plan(scenario, sensitivity=False)
    years = result["years"]
    incurred = np.array([y["claims_incurred_idr"]["mean"] for y in years])
    paid = np.array([y["claims_paid_idr"]["mean"] for y in years])
    unpaid = np.array([y["unpaid_year_end_idr"]["mean"] for y in years])
    assert (paid < incurred).all() and (unpaid > 0).all()
    assert unpaid == pytest.approx(np.cumsum(incurred) - np.cumsum(paid), rel=1e-6)
    later = result["payment_pattern"][-1]["paid_later"]
    assert 0 < later < 1


def test_a_year_s_pattern_weights_its_months_by_their_incurred_amounts():
    # Two years of two months. Month 0 (Rp3 incurred) is paid at once, month 1 (Rp1) in month 2, the next year; the
    # second year's months are paid at once. So of the first year's Rp4, Rp3 (3/4) is paid in the first year and Rp1
    # (1/4) in the second; equal weights for its months would say half and half.
    pattern = np.zeros((4, 5))
    pattern[[0, 1, 2, 3], [0, 2, 2, 3]] = 1.0
    yearly = yearly_pattern(pattern, np.array([0, 0, 1, 1]), np.array([3.0, 1.0, 2.0, 2.0]), 2)
    assert yearly.tolist() == [[0.75, 0.25, 0.0], [0.0, 1.0, 0.0]]
