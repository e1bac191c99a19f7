"""The quota paths the planner aims at (sim.enrolment.quota_target), against targets worked by hand."""

from __future__ import annotations

import dataclasses

import pytest

from sim.enrolment import quota_target
from sim.planning_schema import Quota, Ucj

START = 1_000.0  # members in force at the start
FIRST = 2026  # first fiscal year


def test_a_growth_rate_compounds_from_the_first_years_end():
    """10 % a year from 1,000 members: 1,100 at the end of 2026, 1,210 in 2027, 1,331 in 2028 (the first year's
    end already grows once)."""
    quota = Quota("vulnerable", "growth_rate", growth_rate=0.10)
    targets = [quota_target(quota, y, FIRST, START, None) for y in (2026, 2027, 2028)]
    assert targets == pytest.approx([1_100.0, 1_210.0, 1_331.0], rel=1e-12)


def test_a_growth_cap_stops_the_path_at_the_cap():
    """10 % a year capped at 1,250: 1,100, 1,210, then 1,250 (not 1,331)."""
    quota = Quota("vulnerable", "growth_rate", growth_rate=0.10, growth_cap=1_250.0)
    targets = [quota_target(quota, y, FIRST, START, None) for y in (2026, 2027, 2028)]
    assert targets == pytest.approx([1_100.0, 1_210.0, 1_250.0], rel=1e-12)


def test_the_solvers_scale_scales_the_growth_above_the_starting_members():
    """Scale 0.5 of a path to 1,210 in 2027 from 1,000: half the growth, 1,105 (not half the target, 605)."""
    quota = dataclasses.replace(Quota("vulnerable", "growth_rate", growth_rate=0.10), scale=0.5)
    assert quota_target(quota, 2027, FIRST, START, None) == pytest.approx(1_105.0, rel=1e-12)


def test_a_ucj_allocation_reaches_its_share_of_the_gap_in_equal_steps():
    """Gap 0.5 x 10,000 employed - 3,000 covered = 2,000; a 40 % allocation is 800 members, in 3 equal steps to
    2028: 1,266.67, 1,533.33, 1,800, then 1,800 after the target year."""
    ucj = Ucj(employed_persons=10_000, covered_persons=3_000, target_share=0.5, target_year=2028)
    quota = Quota("vulnerable", "ucj_allocation", ucj_allocation=0.4)
    targets = [quota_target(quota, y, FIRST, START, ucj) for y in (2026, 2027, 2028, 2029)]
    assert targets == pytest.approx([1_000 + 800 / 3, 1_000 + 1_600 / 3, 1_800.0, 1_800.0], rel=1e-12)
