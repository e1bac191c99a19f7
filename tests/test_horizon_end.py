"""Where the horizon ends is the analyst's choice, not the city's: a projection of H months is the first H months
of a projection of H' > H months (same scenario, same factors).

A city budgets whole fiscal years: at a year's round it renews its members, and admits names, for the rest of the
year to 31 December. The register office priced them over the months up to the horizon's end instead, so a horizon
ending before December (``--set scenario.horizon_months=18`` from January: June of its second year) set a few
months' premiums against a full year's budget, and its last year renewed and admitted far more members than that
budget pays for (jambi-2025-pipeline over 18 months: 3,500 members at the end of June 2026 where the same month of
the full 36-month horizon has 2,999 and 501 names waiting for money: Rp604 m pays a year for 2,996 members).

What must hold month by month: members in force and at the close, premiums by payer bucket and member-months by
source, names verified, registered ("arrived"), admitted, held for money, queued under the quota, joined and left by
cause, the pipeline's log, every segment's exposure cells. Year by year, for a year whose December is in the
shorter horizon: money spent and available, the year-end members and targets. A year the horizon ends in before
December is a part year: its money available is still the full year's budget and its targets the year's, its
"year-end" figures are the horizon's last month's (``Projection.year_end``, ``budget.targets_met`` with
``reached`` None) and the money it spent in the horizon (``money_by_year``) is the premiums of its months in the
horizon, those of the longer projection; what the year's budget pays for over the whole fiscal year
(``money_by_year(..., whole_year=True)``, which the budget answers use) is the longer projection's year's money.

Exactness: the two runs book the same months with the same numbers, but a longer horizon's ledgers hold more cells
(a cohort per month) and sums over cells pair numbers differently; ``REL`` (1e-12, relative to the array's largest
value) is far above that rounding and far below one member or one rupiah of a month's premium. The bug moved
members by hundreds.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import budget
from sim.budget import targets_met
from sim.expansion import money_by_year, project_scenario
from sim.membership import EXIT_CAUSES
from sim.population import build_model
from sim.scenario import load_scenario

REL = 1e-12  # see the module docstring
SHIPPED = ("jambi-2025-pipeline", "pekalongan-2023-expansion", "madiun-2026-ucj", "madiun-2026-ucj-csr")
# Horizons ending before December (13: January of the second year; 18: June; 30: June of the third year) and, for
# the 60-month scenarios, 54: June of the last year pekalongan-2023-expansion lists a budget for (2027), which the
# office must not run past into a year it has no money for.
SHORT = (13, 18, 30)
LAST_LISTED_YEAR = 54


def _close(a, b, what) -> None:
    a, b = np.asarray(a, float), np.asarray(b, float)
    assert a.shape == b.shape, (what, a.shape, b.shape)
    scale = max(float(np.abs(b).max(initial=0.0)), 1.0)
    worst = float(np.abs(a - b).max(initial=0.0))
    assert worst <= REL * scale, (what, worst, scale)


def _monthly(p) -> dict:
    """Everything a projection says month by month, as (rows, months) arrays keyed by what they are."""
    out = {"members": p.members(), "closing": p.closing(), "arrived": p.arrived, "admitted": p.admitted,
           "held": p.held, "verified": p.verified, "queued": p.queued}
    out.update({f"premium {b}": v for b, v in p.premium.items()})
    out.update({f"member-months {s}": v for s, v in p.member_months.items()})
    for name in p.names:
        ledger = p.ledgers[name]
        out[f"{name} joined"] = ledger.joined[None, :]
        out.update({f"{name} left {c}": ledger.left[c][None, :] for c in EXIT_CAUSES})
    if p.pipeline is not None:
        logs = {"proposed": p.pipeline.proposed}
        for stage, log in p.pipeline.logs.items():
            logs.update({f"{stage} taken": log.taken, f"{stage} rejected": log.rejected, f"{stage} passed": log.passed})
        for key, log in logs.items():
            out[f"pipeline {key}"] = np.array([[log.get((n, m), 0.0) for m in range(p.months)] for n in p.names])
    return out


def assert_prefix(short, long) -> None:
    """``short`` is the first months of ``long``: month by month, and year by year as the module docstring says."""
    h = short.months
    assert short.month_dates == long.month_dates[:h]
    mine, theirs = _monthly(short), _monthly(long)
    assert set(mine) <= set(theirs), set(mine) - set(theirs)
    for key, value in theirs.items():
        _close(mine.get(key, np.zeros((value.shape[0], h))), value[:, :h], key)
    years = short.fiscal_years()
    assert short.targets == {k: v for k, v in long.targets.items() if k[1] in years}
    last = years[-1]
    part = short.month_dates[-1].month != 12
    part_months = np.flatnonzero(long.years[:h] == last)
    for year in years:
        assert short.treasury.available.get(year) == long.treasury.available.get(year), year  # a full year's budget
        for bucket in long.premium:
            spent, theirs = money_by_year(short, bucket)[year], money_by_year(long, bucket)[year]
            whole = money_by_year(short, bucket, whole_year=True)[year]
            if part and year == last:  # the horizon's months of the year; the whole year's is the longer one's
                theirs = float(long.premium[bucket][:, part_months].sum())
            _close(spent, theirs, (bucket, year))
            _close(whole, money_by_year(long, bucket, whole_year=True)[year], (bucket, year, "whole year"))
        if not (part and year == last):
            _close(short.year_end(year), long.year_end(year), ("year-end", year))
    judged = {(r["segment"], r["year"]): r for r in targets_met(long)}
    for row in targets_met(short):
        if row["reached"] is not None:
            assert row == judged[(row["segment"], row["year"])]
        else:
            assert (part and row["year"] == last), row


def _horizons(ref: str):
    full = load_scenario(ref).horizon_months
    return [h for h in (*SHORT, LAST_LISTED_YEAR) if h < full and (h != LAST_LISTED_YEAR or full == 60)]


@pytest.mark.parametrize("ref", SHIPPED)
def test_a_horizon_ending_before_december_is_the_first_months_of_the_full_one(ref):
    long = project_scenario(load_scenario(ref))
    for h in _horizons(ref):
        assert_prefix(project_scenario(load_scenario(ref, [f"scenario.horizon_months={h}"])), long)


@pytest.mark.parametrize("ref", SHIPPED)
def test_a_shorter_full_year_horizon_is_also_the_first_months_of_the_full_one(ref):
    """24 months (to December of the second year) against the full horizon: no extension, the same rule."""
    long = project_scenario(load_scenario(ref))
    assert_prefix(project_scenario(load_scenario(ref, ["scenario.horizon_months=24"])), long)


@pytest.mark.parametrize("ref, changes", [
    ("jambi-2025-pipeline", ['pipeline.mode="sampled"']),  # whole names, rejections drawn from the seed's stream
    ("madiun-2026-ucj-csr", ['funding.csr_draw="sampled"']),  # each pledge honoured or not by one seeded draw
    ("madiun-2026-ucj-csr", ['pipeline.mode="sampled"', "scenario.seed=7"]),
])
def test_the_sampled_modes_give_the_first_months_of_the_full_horizon_with_the_same_seed(ref, changes):
    long = project_scenario(load_scenario(ref, changes))
    for h in (13, 18):
        assert_prefix(project_scenario(load_scenario(ref, [*changes, f"scenario.horizon_months={h}"])), long)


@pytest.mark.parametrize("ref", ["madiun-2026-ucj-csr", "jambi-2025-pipeline"])
def test_other_pledge_factors_give_the_first_months_of_the_full_horizon(ref):
    """The budget answers project with their own factors (a pledge honoured in full or not at all)."""
    scenario = load_scenario(ref)
    factors = {p.name: 0.0 for p in scenario.planning.funding.pledges}
    short = load_scenario(ref, ["scenario.horizon_months=18"])
    assert_prefix(project_scenario(short, factors), project_scenario(scenario, factors))


@pytest.mark.parametrize("ref", SHIPPED)
def test_the_exposure_the_engine_sees_is_the_first_months_of_the_full_one(ref):
    """``build_model``'s segments: the cells (the starting ones, then a cohort per month with registrations: the
    shorter horizon's are the first of the longer one's) and their monthly in-force, death and accident rates and
    premium rate."""
    long = build_model(load_scenario(ref))
    short = build_model(load_scenario(ref, ["scenario.horizon_months=18"]))
    for mine, theirs in zip(short.segments, long.segments, strict=True):
        n = mine.sex.size
        for key in ("sex", "age0", "tenure0"):
            assert np.array_equal(getattr(mine, key), getattr(theirs, key)[:n]), key
        assert np.array_equal(mine.join, theirs.join[:n])
        for key in ("inforce", "jkm_rate", "jkk_rate"):
            _close(getattr(mine, key), getattr(theirs, key)[:n, :18], key)
            assert not getattr(theirs, key)[n:, :18].any(), key  # the longer one's later cohorts join later
        _close(mine.closing, theirs.closing[:18], "closing")
        _close(mine.premium_rate, theirs.premium_rate[:18], "premium rate")


# --- The budget answers: a budget is for a whole fiscal year ------------------------------------------------------


def _by_year(rows: list, key: str) -> dict:
    return {r["year"]: r[key] for r in rows}


@pytest.mark.parametrize("ref, h", [("jambi-2025-pipeline", 18), ("madiun-2026-ucj-csr", 54),
                                    ("pekalongan-2023-expansion", 30)])
def test_the_apbd_needed_in_a_year_the_horizon_ends_in_is_the_whole_years_and_the_re_run_with_it_holds(ref, h):
    """``sim plan``'s APBD needed of a year the horizon ends in before December is that fiscal year's, as the full
    horizon's (jambi-2025-pipeline over 18 months: Rp679.1 m in 2026, where the months to June, Rp325.2 m, were
    given; re-run with that, the office could renew only half of 2026's members for the year and the money bound
    with probability 1). Re-run with the answer, the money does not bind with at least the confidence."""
    short, full = load_scenario(ref, [f"scenario.horizon_months={h}"]), load_scenario(ref)
    mine = budget.budget_needed(short, 0.9)
    theirs = _by_year(budget.budget_needed(full, 0.9)["years"], "budget_idr")
    assert _by_year(mine["years"], "budget_idr") == {y: theirs[y] for y in _by_year(mine["years"], "budget_idr")}
    assert budget.verify_budget(short, _by_year(mine["years"], "budget_idr")) >= 0.9


def test_the_csr_gap_in_a_year_the_horizon_ends_in_is_the_whole_years():
    """madiun-2026-ucj-csr over 54 months (to June 2030): the CSR money that closes the UCJ gap in 2030 was Rp0, the
    over-enrolled first half of 2030 reaching the target without it; it is the full horizon's Rp1.19 bn."""
    short = budget.csr_gap(load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"]), 0.9)
    full = budget.csr_gap(load_scenario("madiun-2026-ucj-csr"), 0.9)
    assert _by_year(short["years"], "csr_idr") == _by_year(full["years"], "csr_idr")
    assert short["probability_money_does_not_bind_with_it"] >= 0.9


@pytest.mark.parametrize("ref", ["madiun-2025", "madiun-2023-target"])
def test_the_apbd_needed_without_a_funding_table_is_the_whole_years(ref):
    """Without [funding] (money no limit) the APBD needed is the APBD-paid premium of each fiscal year, the whole
    year's in a year the horizon ends in before December (18 months: 2026's, or 2024's, as over 24)."""
    needs = [_by_year(budget.budget_needed(load_scenario(ref, [f"scenario.horizon_months={h}"]), 0.9)["years"],
                      "budget_idr") for h in (18, 24)]
    assert needs[0] == needs[1]


def test_the_largest_coverage_over_a_part_year_is_judged_on_the_whole_fiscal_year():
    """madiun-2026-ucj-csr over 54 months (to June 2030): the largest coverage the budget funds was 56.0 % of the
    members the quota path adds, where over 60 months it is 53.9 %: money was judged on the horizon's months only,
    though the 2030 budget must also admit the names registering in July-December (the office books them,
    ``Projection.held_after``). Judged on the whole fiscal year, the answer is the full horizon's, whose money binds
    (status "money")."""
    short = budget.largest_coverage(load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"]), 0.9)
    full = budget.largest_coverage(load_scenario("madiun-2026-ucj-csr"), 0.9)
    assert full["status"] == "money"
    assert (short["scale"], short["status"]) == (full["scale"], full["status"])
