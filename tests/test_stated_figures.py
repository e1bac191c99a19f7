"""Figures that scenario files and report texts state, checked against the closed form: madiun-2023-target's new
members and what its description says of its all-BPU pricing; the share of work-accident deaths the methodology's
limits give."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sim.closed_form import expected
from sim.population import build_model
from sim.scenario import load_scenario

SPLIT = Path(__file__).parent / "data" / "madiun-2023-target-split.toml"


def _yearly(ref) -> tuple[np.ndarray, np.ndarray]:
    """Expected claims and premiums per calendar year (closed form)."""
    e = expected(build_model(load_scenario(ref)))
    return e.amounts.sum(axis=(1, 2)), e.premium.sum(axis=1)


def test_the_target_s_members_beyond_the_enrolled_are_new():
    """madiun-2023-target took madiun-2023's tenure (every member 6 or 30 months in) for all 16,539, although only
    4,906 were enrolled: the other 11,633 start at 0 months, and the enrolled are at madiun-2023's months (3,607
    since mid-2020, 1,299 since mid-2022; madiun-2023 rounds their shares to 74 % and 26 %)."""
    target, base = load_scenario("madiun-2023-target"), load_scenario("madiun-2023")
    (seg,), (enrolled,) = target.segments, base.segments
    shares = dict(seg.tenure)
    assert sorted(shares) == sorted([0] + [months for months, _ in enrolled.tenure])
    counts = {months: shares[months] * seg.members for months in shares}
    assert counts == pytest.approx({0: 11_633, 6: 1_299, 30: 3_607}, abs=0.05)
    assert enrolled.members == 4_906 and dict(enrolled.tenure) == {6: 0.26, 30: 0.74}


def test_the_target_s_description_gives_what_the_all_bpu_pricing_does():
    """The description quotes madiun-2025's split (tests/data/madiun-2023-target-split.toml): premiums about 13 %
    and 2023 claims about 23 % lower, the claim ratio about 208 % rather than 235 %."""
    claims, premium = _yearly("madiun-2023-target")
    split_claims, split_premium = _yearly(SPLIT)
    said = load_scenario("madiun-2023-target").descriptions["en"]
    assert f"premiums would be about {round(100 * (1 - split_premium[0] / premium[0]))} %" in said
    assert f"2023 claims about {round(100 * (1 - split_claims[0] / claims[0]))} % lower" in said
    ratios = round(100 * split_claims[0] / split_premium[0]), round(100 * claims[0] / premium[0])
    assert "claim ratio about {} % rather than {} %".format(*ratios) in said


def test_the_limits_give_the_share_of_work_accident_deaths_the_shipped_scenarios_have():
    """The methodology's limits say JKK deaths, added to the mortality table's deaths of every cause, are 0.6-1.5 %
    of all deaths in the shipped scenarios (closed form over each horizon; the synthetic national one aside, a scale
    test with one national accident rate)."""
    from sim.benefits import BENEFITS
    from sim.report_text import TEXT

    root = Path(__file__).resolve().parent.parent / "scenarios"
    shares = {}
    for path in sorted(root.glob("*.toml")):
        if path.stem == "national-2025":
            continue
        counts = expected(build_model(load_scenario(path.stem))).counts.sum(axis=(0, 1))
        jkk, jkm = counts[list(BENEFITS).index("jkk_death")], counts[list(BENEFITS).index("jkm_death")]
        shares[path.stem] = jkk / (jkk + jkm)
    low, high = min(shares.values()), max(shares.values())
    assert (round(100 * low, 1), round(100 * high, 1)) == (0.6, 1.5), shares
    for key in ("method_limits", "method_limits_plan"):
        assert "0,6–1,5%" in TEXT[key]["id"] and "0.6-1.5%" in TEXT[key]["en"]
