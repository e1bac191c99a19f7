"""The quota cap (``sim.expansion``): Disnaker registers no names beyond a segment's year-end quota target.

A verified name is registered only while the segment's members in force at the end of the month (after the month's
expected exits) plus the names registered and waiting for money stay within that year's target; the others wait on
the labour office's list and refill places as members leave. Without the cap the pipeline's names for a whole
year's exits landed in a few months: members rose above the target (Kota Pekalongan's eleven occupations: 1,018 in
June for 1,000) and, when names registered later than the planner assumed, ended the year above it
(jambi-2025-pipeline: 3,022 on 31 December 2025 for 3,000), and the APBD needed paid for members above the quota.

Tolerance (``REL``): the places are computed in floating point, (target - survivors - held) / share of a new name
surviving the month, and the ledger then sums a few thousand cells, so a month-end count lands on the target up to
a relative rounding error of about 1e-12. 1e-9 of the target is far above that and far below one member in the
largest target (17,513): an overshoot of a single member is caught.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim import budget
from sim.expansion import money_by_year, project_scenario
from sim.funding import APBD
from sim.membership import HAZARD_CAUSES
from sim.planning_schema import YearAmounts
from sim.population import build_model
from sim.scenario import load_scenario

from conftest import ROOT
from test_expansion import param

REL = 1e-9  # see the module docstring
SHIPPED = ("jambi-2025-pipeline", "pekalongan-2023-expansion", "madiun-2026-ucj", "madiun-2026-ucj-csr")
HAND = ROOT / "tests" / "data" / "pipeline-hand.toml"
SMALL = ROOT / "tests" / "data" / "expansion-small.toml"
MOVING = 0.12  # share per year moving away in the synthetic case (nobody dies there)
MOVE = 'membership.moving_away_rate=' + param(MOVING, "share per year", extra=", range = [0, 1]")


def _months_of(projection, year):
    return np.flatnonzero(projection.years == year)


def _leavers(projection, s: int) -> np.ndarray:
    """(M,) members leaving during each month (death, moving away, DTKS removal): in force that month, not at its
    end."""
    ledger = projection.ledgers[projection.names[s]]
    return sum(ledger.left[c] for c in HAZARD_CAUSES)


def assert_within_targets(projection) -> None:
    """At the end of every month of a year with a target, a quota segment's members are at most that target; during
    a month they exceed it by at most the members leaving in it (whose last month's premium is due, as is that of
    the names refilling their places)."""
    closing, members = projection.closing(), projection.members()
    for (name, year), target in sorted(projection.targets.items()):
        s, months = projection.index(name), _months_of(projection, year)
        worst = int(months[np.argmax(closing[s, months])])
        assert closing[s, worst] <= target * (1 + REL), (name, year, projection.month_dates[worst], closing[s, worst], target)
        over = members[s, months] - target - _leavers(projection, s)[months]
        assert over.max() <= target * REL, (name, year, over.max())


@pytest.mark.parametrize("ref", SHIPPED)
def test_no_shipped_scenario_has_members_above_a_year_s_target(ref):
    # The scenario's own money (pledges at amount x probability) and the unlimited APBD budget_needed projects.
    scenario = load_scenario(ref)
    assert_within_targets(project_scenario(scenario))
    assert_within_targets(project_scenario(budget.with_apbd(scenario, YearAmounts(every=math.inf))))


@pytest.mark.parametrize("ref", SHIPPED)
def test_the_apbd_needed_pays_for_the_targets_and_no_member_above_them(ref):
    """budget_needed projects every pledge outcome with unlimited APBD. In each, every year-end target is met
    exactly (the pipeline reaches all of them in the shipped scenarios: no undershoot), and in every month the APBD
    pays for no more of a quota segment than its target plus the members leaving that month (at most the APBD rate
    each; a co-funded pledge's city share is less). Before the cap, Kota Pekalongan's 2026 need (Rp345.4 m) paid for
    about 13 members a year above its 1,700 places (1,700 x Rp201,600 = Rp342.72 m)."""
    scenario = load_scenario(ref)
    unlimited = budget.UnlimitedApbd(scenario)
    rich = budget.with_apbd(scenario, YearAmounts(every=math.inf))
    dates, rules = budget.scenario_months(scenario)
    rate = {seg.name: budget.premium_rates(seg, APBD, rules, dates) for seg in scenario.segments}
    for factors, _ in budget.pledge_outcomes(scenario):
        projection = project_scenario(rich, factors)
        need = money_by_year(projection, APBD)
        assert need == unlimited(factors)[0]  # the projection budget_needed takes its need from
        complete = {d.year for d in projection.month_dates if d.month == 12}
        apbd = projection.premium[APBD]
        for (name, year), target in sorted(projection.targets.items()):
            s, months = projection.index(name), _months_of(projection, year)
            if year in complete:
                have = float(projection.year_end(year)[s])
                assert have == pytest.approx(target, rel=REL), (factors, name, year, have, target)
            most = (target + _leavers(projection, s)[months]) * rate[name][months]
            assert np.all(apbd[s, months] <= most * (1 + REL)), (factors, name, year, (apbd[s, months] - most).max())
        for year in projection.fiscal_years():
            assert need[year] == pytest.approx(float(apbd[:, _months_of(projection, year)].sum()), rel=1e-12)


# --- The cap acting, by hand --------------------------------------------------------------------------------------


def test_the_cap_by_hand_names_beyond_the_quota_wait_and_refill_places():
    """pipeline-hand with 12 % a year moving away (nobody dies): the planner asks for 1,000 names registering in
    February, so 1,000 / (1 - r)^11 (r the monthly moving rate); the kelurahan passes 300 a month, so they come out
    300 in February, March and April and the rest in May, later than assumed. Registered as they came (no cap),
    1,015.1 would be in force on 31 December. With the cap, May registers only what brings the month's end to
    1,000, and from June each month registers the places that month's leavers free, 1,000 r / (1 - r); the rest
    waits on the list."""
    r = 1 - (1 - MOVING) ** (1 / 12)
    p = build_model(load_scenario(HAND, [MOVE])).projection
    proposed = 1000 / (1 - r) ** 11
    assert sum(p.pipeline.proposed.values()) == pytest.approx(proposed, rel=1e-12)
    verified = [0, 300, 300, 300, proposed - 900] + [0] * 7
    assert p.verified[0] == pytest.approx(verified, rel=1e-12)
    # Without the cap: every verified name registered as it came, surviving to 31 December.
    uncapped = sum(v * (1 - r) ** (12 - m) for m, v in enumerate(verified))
    assert uncapped > 1015
    # With the cap: February to April as they come; May up to the month's end at 1,000; then the leavers' places.
    in_force_april_end = sum(300 * (1 - r) ** (4 - m) for m in (1, 2, 3))
    may = (1000 - in_force_april_end * (1 - r)) / (1 - r)
    refill = 1000 * r / (1 - r)
    assert p.arrived[0] == pytest.approx([0, 300, 300, 300, may] + [refill] * 7, rel=1e-9)
    assert p.closing()[0, 4:] == pytest.approx([1000] * 8, rel=1e-9)
    assert p.year_end(2025)[0] == pytest.approx(1000, rel=1e-12)
    # Every verified name is registered or still on the list; none is lost, none waits for money.
    assert p.queued[0, -1] == pytest.approx(proposed - 900 - may - 7 * refill, rel=1e-9) and p.queued[0, -1] > 10
    assert p.verified.sum() == pytest.approx(p.arrived.sum() + p.queued[0, -1], rel=1e-12)
    assert p.held.max() == 0 and p.admitted.sum() == pytest.approx(p.arrived.sum(), rel=1e-12)
    assert_within_targets(p)


def test_names_waiting_count_toward_the_next_round_and_held_names_take_places():
    """Two years at 1,000. At the second round the planner counts the names still on the list as waiting (as it
    counts those held for money), so it proposes (1,000 - the 1,000 members' expected survivors to December - the
    names on the list) / share of an entrant surviving from February. With money for only part of the names,
    those registered and waiting for money take places: members in force plus names held never exceed the
    target, the rest wait on the list, not as held."""
    r = 1 - (1 - MOVING) ** (1 / 12)
    two_years = [MOVE, "scenario.horizon_months=24"]
    p = build_model(load_scenario(HAND, two_years)).projection
    waiting = float(p.queued[0, 11])
    assert waiting > 10 and p.held[0, 11] == 0
    second = sum(v for (_, m), v in p.pipeline.proposed.items() if m >= 12)
    assert second == pytest.approx((1000 - 1000 * (1 - r) ** 12 - waiting) / (1 - r) ** 11, rel=1e-9)
    assert_within_targets(p)
    # Money for 6,000 member-months in 2025 (about 600 members from February): names wait for money.
    money = 'funding.apbd_budget=' + param(6000 * 16_800, "IDR per year", "data")
    poor = build_model(load_scenario(HAND, [MOVE, money])).projection
    assert poor.held[0].max() > 100 and poor.queued[0, -1] > 0
    closing = poor.closing()[0]
    assert np.all(closing + poor.held[0] <= 1000 * (1 + REL)), (closing + poor.held[0]).max()
    assert poor.verified.sum() == pytest.approx(poor.admitted.sum() + poor.held[0, -1] + poor.queued[0, -1], rel=1e-12)
    assert poor.arrived.sum() == pytest.approx(poor.admitted.sum() + poor.held[0, -1], rel=1e-12)


def test_sampled_names_are_whole_and_stay_within_the_quota():
    # Whole names: the places, fractional because exits are expected values, are rounded down, so a year-end can
    # fall short of the target by less than one name where names wait on the list, never above it.
    for seed in range(5):
        p = build_model(load_scenario(SMALL, ['pipeline.mode="sampled"', f"scenario.seed={seed}"])).projection
        assert np.allclose(p.arrived, np.round(p.arrived)) and np.allclose(p.queued, np.round(p.queued))
        assert_within_targets(p)
        for (name, year), target in p.targets.items():
            s, last = p.index(name), _months_of(p, year)[-1]
            if p.queued[s, last] > 0:
                assert p.year_end(year)[s] > target - 1, (seed, name, year)


def test_the_plan_shows_the_names_on_the_office_list():
    """plan.json's years and segments and plan_enrolment.csv show the verified names waiting on the labour office's
    list for a place under the quota (``queued``), apart from the names waiting for money (``held``)."""
    from sim.forecast import forecast
    from sim.plan import TrialClaims, detail, detail_tables

    scenario = load_scenario(HAND, [MOVE, "scenario.trials=200"])
    model = build_model(scenario)
    trials = TrialClaims(scenario.trials, len(model.period_labels))
    rows = detail(model, forecast(scenario, on_block=trials.add, model=model, exact_check=False), trials)
    p = model.projection
    assert p.queued[0, -1] > 10 and p.held[0, -1] == 0  # names beyond the quota wait on the list, none for money
    (year,), (segment,) = rows["years"], rows["segments"]
    assert year["queued_year_end"] == segment["queued_year_end"] == round(float(p.queued[0, -1]), 2)
    assert year["held_year_end"] == 0
    enrolment = detail_tables(model, rows)["plan_enrolment.csv"]
    assert enrolment["queued"].to_numpy() == pytest.approx(np.round(p.queued[0], 4))
