"""Scholarships of claims before a calibration's start (sim.calibration.earlier_scholarships) against a hand
computation: one segment, one cohort, one age, one child of one age."""

import copy
import dataclasses

import numpy as np
import pytest

from sim.calibration import earlier_scholarships
from sim.mortality import annual_qx
from sim.population import build_model
from sim.scenario import load_scenario, scenario_from_data

MEMBERS, TENURE, AGE, LOAD, RATE = 1000, 40, 40, 2.0, 6.0  # RATE: work accidents per 1,000 member-years
CHILD_AGE, REACH_JUNIOR = 10, 0.5


@pytest.fixture(scope="module")
def tiny():
    """madiun-2025-prior cut to its BPU segment: 1,000 men of 40 enrolled 40 months before January 2025, each
    leaving exactly one child of 10 at a claim; observed January-November 2025."""
    data = copy.deepcopy(load_scenario("madiun-2025-prior").resolved)
    del data["segments"]["non_asn"]
    seg = data["segments"]["vulnerable"]
    seg.pop("age_profile")
    given = {"source": "test", "basis": "data"}  # no stated range to lie within
    seg.update(members={**seg["members"], "value": MEMBERS}, tenure={**seg["tenure"], "value": [[TENURE, 1.0]]},
               age_bands={"value": [[AGE, AGE, 1.0]], "unit": "share", **given},
               male_share={"value": 1.0, "unit": "share", **given},
               mortality_load={"value": LOAD, "unit": "x mortality table", **given},
               accident_rate={"value": RATE, "unit": "per 1000 member-years", **given})
    kids = data["assumptions"]["children"]
    kids["by_member_age"] = {**kids["by_member_age"], "value": [[15, 0.0, 1.0, 0.0, CHILD_AGE, CHILD_AGE]]}
    kids["reach_shares"] = {**kids["reach_shares"], "value": [1.0, REACH_JUNIOR, 0.4, 0.1]}
    data["scenario"]["horizon_months"] = 11
    return build_model(scenario_from_data(data, "tiny"))


def _by_hand(model) -> tuple[float, float, float]:
    """(JKM amount, JKK amount, instalments) summed claim month by claim month, t months before January 2025."""
    qx = annual_qx(model.scenario.mortality_table)[0]
    shares = model.scenario.severity
    jkk_claims = MEMBERS * RATE / 12000 * (shares.shares[3] + shares.shares[4])  # total disability and death
    jkm = jkk = count = 0.0
    for t in range(1, TENURE + 1):
        years_back = (t + 11) // 12  # the member was 39 in the 12 months before the start, 38 before that, ...
        month_paid = 12 * years_back - t  # the first instalment after the claim month, in months from January
        if month_paid > 10:  # December 2025: outside the observed months (and the next one a year later)
            continue
        child = CHILD_AGE + years_back  # 11 or 12: primary school (Rp1.5 m); 13, 14: junior high (Rp2 m, half reach it)
        paid, p_paid = (1_500_000, 1.0) if child <= 12 else (2_000_000, REACH_JUNIOR)
        q = 1 - (1 - LOAD * qx[AGE - years_back]) ** (1 / 12)
        deaths = MEMBERS * q if TENURE - t >= 36 else 0.0  # JKM: 36 months of membership at the death
        jkm += deaths * paid * p_paid
        jkk += jkk_claims * paid * p_paid
        count += (deaths + jkk_claims) * p_paid
    return jkm, jkk, count


def test_earlier_scholarships_are_the_hand_computation(tiny):
    jkm, jkk, count = _by_hand(tiny)
    assert jkm > 0 and jkk > 0  # both kinds of claim are in the window: JKM deaths 37-40 months after enrolling
    got = earlier_scholarships(tiny)
    assert got["jkm_amount_idr"] == pytest.approx(jkm, rel=1e-12)
    assert got["amount_idr"] == pytest.approx(jkm + jkk, rel=1e-12)
    assert got["instalments"] == pytest.approx(count, rel=1e-12)


def test_members_enrolled_at_the_start_leave_no_earlier_scholarships(tiny):
    fresh = dataclasses.replace(tiny, segments=tuple(dataclasses.replace(e, tenure0=np.zeros_like(e.tenure0))
                                                     for e in tiny.segments))
    assert earlier_scholarships(fresh)["amount_idr"] == 0.0 < earlier_scholarships(tiny)["amount_idr"]
