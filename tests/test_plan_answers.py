"""The plan's budget answers as the planner reads them (plan.json and the terminal): cuts shown, the CSR-gap check
reported honestly, the largest coverage at the confidence and only where money limits growth, the compare need by
year, and the input checks that keep a payer that can never pay out of the plan."""

from __future__ import annotations

import re

import pytest

from sim import budget
from sim.plan import format_plan, plan
from sim.scenario import load_scenario

JAMBI = "jambi-2025-pipeline"
OPEN_BUDGET = "funding.apbd_budget.range=[0, 1e12]"


def rupiah(x):
    return "-" if x is None else f"Rp{x:,.0f}"


def planned(ref, overrides=(), confidence=0.9):
    scenario = load_scenario(ref, [*overrides, "scenario.trials=200"])
    _, result, _ = plan(scenario, confidence, sensitivity=False)
    return result, format_plan(result, rupiah)


# --- 1. Budget cuts to current members are shown --------------------------------------------------------------


def test_members_not_renewed_are_shown_per_year_and_segment_with_a_warning():
    # Rp300 m a year cannot renew the ~2,500 members of 2025 in 2026: about 1,000 are not renewed.
    result, text = planned(JAMBI, ["funding.apbd_budget.value=300000000", OPEN_BUDGET])
    cuts = result["budget_cuts"]
    assert [(c["year"], c["segment"]) for c in cuts] == [("2026", "vulnerable")]
    cut = cuts[0]["not_renewed"]
    assert cut > 500
    lines = text.splitlines()
    assert re.search(r"\bcut\b", lines[1])  # a column of the year table
    row = next(line for line in lines if line.split()[0] == "2026")
    assert f"{cut:,.0f}" in row.split()
    warning = [line for line in lines if line.startswith("WARNING")]
    assert len(warning) == 1 and f"2026 vulnerable {cut:,.0f}" in warning[0] and "not renewed" in warning[0]


def test_no_warning_when_nobody_is_cut():
    result, text = planned(JAMBI)
    assert result["budget_cuts"] == []
    assert "WARNING" not in text


def test_no_growth_affordable_is_said():
    # 3,000 members at the start and Rp200 m a year: even with no growth the money cannot renew them.
    scenario = load_scenario(JAMBI, ["segments.vulnerable.members.value=3000", "funding.apbd_budget.value=200000000",
                                     OPEN_BUDGET])
    answer = budget.largest_coverage(scenario)
    assert answer["status"] == "none" and answer["at_no_growth"]["not_renewed"] > 0
    from sim.plan import _largest_coverage_text

    text = _largest_coverage_text(answer)
    assert text.startswith("none: no growth is affordable") and "renew the current members" in text
    assert "0.000" not in text
