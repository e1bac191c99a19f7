"""Membership exits checked by hand: the age limit, the yearly exit rates turned monthly, non-work deaths and ageing.

Every expected number here is worked out in the test from the documented formulas (README.md, scenarios/README.md,
``sim/membership.py``'s docstring), with qx read straight from ``sim/data/tmi4_qx.csv`` by the csv module, not by
calling ``sim.mortality`` or ``sim.membership.monthly_rate``. The scenarios are the one-cell test scenario
(``tests/data/one-cell.toml``: 10,000 men aged 40 on 1 January 2025, no work accidents) with ``--set`` overrides, so
each cell's members, age and month of reaching the age limit are known exactly. Everything is deterministic, so the
tolerances are tight.

Conventions checked (as documented):

- an age-40 cell is 40 in months 0-11 of the horizon, 41 in months 12-23, ... (entrants: 12 months after joining);
- ``age_limit``: a cell leaves at the start of the month in which its members reach the limit (``>=``);
- ``moving_away_rate``, ``dtks_removal_rate``: constant monthly probabilities ``1 - (1 - r)^(1/12)``;
- non-work deaths: ``1 - (1 - load x qx)^(1/12)`` with qx of the cell's sex and current age;
- in one month the leave probabilities of the causes are added (``survivors = n x (1 - q - move - dtks)``) and the
  leavers are split between causes in proportion to them.
"""

from __future__ import annotations

import csv

import numpy as np
import pytest

from sim.expansion import project_scenario, year_end_month
from sim.membership import SegmentLedger
from sim.planning_schema import Exits
from sim.population import build_model
from sim.scenario import load_scenario

from conftest import ROOT

ONE_CELL = ROOT / "tests" / "data" / "one-cell.toml"
QX_FILE = ROOT / "sim" / "data" / "tmi4_qx.csv"
MEMBERS = 10_000.0
REL = 1e-9


def param(value, unit):
    return f'{{ value = {value}, unit = "{unit}", source = "test", basis = "assumption", range = [{value}, {value}] }}'


def age_limit(years):
    return "membership.age_limit=" + param(years, "years")


def moving(rate):
    return "membership.moving_away_rate=" + param(rate, "share per year")


def dtks(rate):
    return "membership.dtks_removal_rate=" + param(rate, "share per year")


NO_DEATHS = "segments.men40.mortality_load=0"
WOMEN = "segments.men40.male_share=0.0"


def horizon(months):
    return f"scenario.horizon_months={months}"


def model(overrides=()):
    return build_model(load_scenario(ONE_CELL, list(overrides)))


def ledger(overrides=()):
    """The one-cell segment's ledger after the projection (the scenario must have a [membership] table)."""
    projection = model(overrides).projection
    assert projection is not None, "a [membership] table should make build_model project the members"
    return projection.ledgers["men40"]


def fresh_ledger(exits: Exits, overrides=()) -> SegmentLedger:
    """A ledger of the one-cell segment at the start of the horizon (nobody has left, nobody has joined)."""
    scenario = load_scenario(ONE_CELL, list(overrides))
    return SegmentLedger(scenario.segments[0], exits, scenario.mortality_table, scenario.horizon_months, 0.0)


def table_qx(sex: str, age: int) -> float:
    """qx of TMI IV read from the CSV file itself (comment lines start with '#')."""
    with QX_FILE.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            if int(row["age"]) == age:
                return float(row[f"qx_{sex}"])
    raise KeyError(age)


def monthly(annual: float) -> float:
    """The documented conversion of a yearly probability to a constant monthly one."""
    return 1.0 - (1.0 - annual) ** (1.0 / 12.0)


# --- 1. The age limit ---------------------------------------------------------------------------------------------


def test_members_leave_in_the_month_they_reach_the_age_limit():
    """Men aged 40 on 1 January 2025 with an age limit of 42 reach 42 in month 24 (January 2027): they are in force
    in months 0-23 and gone from month 24, and ``left['age_limit']`` books all of them in month 24 and in no other
    month. Without deaths the count is exact (10,000). Catches ``>=`` becoming ``>`` in ``age_out`` (they would stay
    until 43, month 36) and any shift of the age-out by a month or of ageing by a year."""
    book = ledger([age_limit(42), NO_DEATHS, horizon(40)])
    members = book.members()
    assert members[:24] == pytest.approx(np.full(24, MEMBERS), rel=REL)
    assert members[24:] == pytest.approx(np.zeros(16), abs=1e-9)
    expected_left = np.zeros(40)
    expected_left[24] = MEMBERS
    assert book.left["age_limit"] == pytest.approx(expected_left, abs=1e-9)
    assert book.closing[23] == pytest.approx(MEMBERS, rel=REL)  # still in force at the close of December 2026
    # The engine's exposure is the ledger's in-force.
    assert model([age_limit(42), NO_DEATHS, horizon(40)]).segments[0].inforce.sum(axis=0)[23:25] == pytest.approx(
        [MEMBERS, 0.0], abs=1e-9)


def test_age_limit_with_deaths_takes_the_survivors_of_the_month_before():
    """With TMI IV deaths (load 1.5) and an age limit of 41, the members reaching 41 in month 12 are the survivors of
    12 months at age 40: ``10,000 x (1 - q40)^12`` with ``q40 = 1 - (1 - 1.5 x qx40)^(1/12)``, which is a year's
    survival ``1 - 1.5 x qx40``. All of them leave at the start of month 12 (the age-limit exit comes before that
    month's deaths: no deaths are booked in month 12). Catches ``>=`` becoming ``>``."""
    book = ledger([age_limit(41), horizon(24)])
    survivors = MEMBERS * (1.0 - 1.5 * table_qx("male", 40))
    assert book.closing[11] == pytest.approx(survivors, rel=REL)
    assert book.left["age_limit"][12] == pytest.approx(survivors, rel=REL)
    assert book.left["age_limit"].sum() == pytest.approx(survivors, rel=REL)
    assert book.left["death"][12:] == pytest.approx(np.zeros(12), abs=1e-9)
    assert book.members()[12:] == pytest.approx(np.zeros(12), abs=1e-9)


def test_entrants_reach_the_age_limit_twelve_months_after_joining():
    """An entrant cohort ages from its registration month: 100 names registered in month 5 at age 40 (the segment's
    only age) with an age limit of 41 are in force in months 5-16 and leave at the start of month 17. The ledger is
    stepped by hand in the documented order (age limit, registrations, close), with no deaths or other exits.
    Catches ``>=`` becoming ``>`` and ageing counted from the horizon's start instead of the registration."""
    book = fresh_ledger(Exits(age_limit=41), [NO_DEATHS, horizon(30)])
    for m in range(30):
        book.age_out(m)
        if m == 5:
            book.register(5, 100.0)
        book.close(m)
    entrants = book.inforce[book.cohort(5)].sum(axis=0)
    expected = np.zeros(30)
    expected[5:17] = 100.0
    assert entrants == pytest.approx(expected, abs=1e-9)
    # The starting members (aged 40 at month 0) leave in month 12, the entrants in month 17.
    expected_left = np.zeros(30)
    expected_left[12], expected_left[17] = MEMBERS, 100.0
    assert book.left["age_limit"] == pytest.approx(expected_left, abs=1e-9)


# --- 2. Moving away and DTKS removal --------------------------------------------------------------------------------


@pytest.mark.parametrize("cause, option, rate", [("moving_away", moving, 0.10), ("dtks_removal", dtks, 0.05)])
def test_one_yearly_exit_rate_leaves_exactly_that_share_in_a_year(cause, option, rate):
    """With no deaths and one exit cause of yearly rate r, the monthly probability is ``1 - (1 - r)^(1/12)``: month
    0 loses ``10,000 x (1 - (1 - r)^(1/12))`` to that cause, month m's closing is ``10,000 x (1 - r)^((m + 1)/12)``,
    and a year's survival is exactly ``1 - r`` (the year's leavers ``10,000 x r``). Catches a doubled rate (the
    audit's break), a rate applied yearly instead of monthly, or a linear r/12."""
    book = ledger([option(rate), NO_DEATHS])
    assert book.left[cause][0] == pytest.approx(MEMBERS * monthly(rate), rel=REL)
    assert book.left[cause][0] == pytest.approx(MEMBERS * (1.0 - (1.0 - rate) ** (1.0 / 12.0)), rel=REL)
    months = np.arange(12)
    assert book.closing == pytest.approx(MEMBERS * (1.0 - rate) ** ((months + 1) / 12.0), rel=REL)
    assert book.closing[11] / MEMBERS == pytest.approx(1.0 - rate, rel=1e-12)
    assert book.left[cause].sum() == pytest.approx(MEMBERS * rate, rel=REL)
    other = {"moving_away": "dtks_removal", "dtks_removal": "moving_away"}[cause]
    assert book.left[other].sum() == 0.0 and book.left["death"].sum() == 0.0


def test_moving_away_dtks_removal_and_deaths_in_one_month():
    """Moving away 10 %, DTKS removal 5 % a year and TMI IV deaths (load 1.5) on the 40-year-old men: in month 0 each
    cause takes its own monthly probability of the 10,000 (``1 - 0.9^(1/12)``, ``1 - 0.95^(1/12)`` and
    ``1 - (1 - 1.5 qx40)^(1/12)``); the probabilities of one month are added, so month m closes with
    ``10,000 x (1 - d - mv - dt)^(m + 1)`` and each cause's leavers in month m are its probability times the month's
    in-force. Catches a doubled rate, rates swapped between causes, and a change in how causes combine."""
    book = ledger([moving(0.10), dtks(0.05)])
    mv, dt, d = monthly(0.10), monthly(0.05), monthly(1.5 * table_qx("male", 40))
    assert book.left["moving_away"][0] == pytest.approx(MEMBERS * mv, rel=REL)
    assert book.left["dtks_removal"][0] == pytest.approx(MEMBERS * dt, rel=REL)
    assert book.left["death"][0] == pytest.approx(MEMBERS * d, rel=REL)
    survive = 1.0 - d - mv - dt
    inforce = MEMBERS * survive ** np.arange(12)
    assert book.members() == pytest.approx(inforce, rel=REL)
    assert book.closing == pytest.approx(MEMBERS * survive ** np.arange(1, 13), rel=REL)
    assert book.left["moving_away"] == pytest.approx(inforce * mv, rel=REL)
    assert book.left["dtks_removal"] == pytest.approx(inforce * dt, rel=REL)
    assert book.left["death"] == pytest.approx(inforce * d, rel=REL)


# --- 3. Non-work deaths -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sex, overrides", [("male", []), ("female", [WOMEN])])
def test_non_work_death_rate_is_the_twelfth_root_of_the_loaded_table(sex, overrides):
    """For one age (40) and one sex, the monthly non-work death probability is the documented
    ``1 - (1 - load x qx)^(1/12)`` with load 1.5 and qx from TMI IV's column of that sex: the expected deaths of
    month 0 are ``10,000 x q`` and, with no accidents, month m starts with ``10,000 x (1 - q)^m``. Checked in the plain
    exposure model (``population.segment_exposure``) and in the membership ledger (a scenario with an exit rate of
    0 and so a projection), which must agree. Catches a wrong column, a load applied outside the root, q = load x
    qx / 12, or the two paths drifting apart."""
    q = 1.0 - (1.0 - 1.5 * table_qx(sex, 40)) ** (1.0 / 12.0)
    plain = model(overrides).segments[0]
    assert model(overrides).projection is None
    inforce = MEMBERS * (1.0 - q) ** np.arange(12)
    assert plain.jkm_rate.sum(axis=0)[0] == pytest.approx(MEMBERS * q, rel=REL)
    assert plain.inforce.sum(axis=0) == pytest.approx(inforce, rel=REL)
    assert plain.jkm_rate.sum(axis=0) == pytest.approx(inforce * q, rel=REL)
    assert plain.closing[11] == pytest.approx(MEMBERS * (1.0 - 1.5 * table_qx(sex, 40)), rel=REL)

    book = ledger([*overrides, moving(0.0), dtks(0.0), age_limit(65)])
    assert book.q_death[book.inforce[:, 0] > 0, 0] == pytest.approx(q, rel=REL)
    assert book.left["death"][0] == pytest.approx(MEMBERS * q, rel=REL)
    assert book.left["death"] == pytest.approx(inforce * q, rel=REL)
    assert book.members() == pytest.approx(inforce, rel=REL)


# --- 4. Ageing ----------------------------------------------------------------------------------------------------


def test_ageing_without_a_projection_moves_the_cell_to_the_next_age_after_12_months():
    """In a plain scenario (no planning tables, so ``population.segment_exposure``) over 24 months, the 40-year-old
    men die at the age-40 rate in months 0-11 and at the age-41 rate in months 12-23 (qx read from the table): the
    expected deaths of month m are the in-force times that month's rate, and the in-force is the product of the
    previous months' survival. Catches ageing removed (month 12 would use qx40) or shifted by a month."""
    exposure = model([horizon(24)]).segments[0]
    q40 = 1.0 - (1.0 - 1.5 * table_qx("male", 40)) ** (1.0 / 12.0)
    q41 = 1.0 - (1.0 - 1.5 * table_qx("male", 41)) ** (1.0 / 12.0)
    rates = np.array([q40] * 12 + [q41] * 12)
    inforce = MEMBERS * np.concatenate([[1.0], np.cumprod(1.0 - rates)[:-1]])
    assert exposure.inforce.sum(axis=0) == pytest.approx(inforce, rel=REL)
    deaths = exposure.jkm_rate.sum(axis=0)
    assert deaths == pytest.approx(inforce * rates, rel=REL)
    assert deaths[11] / exposure.inforce.sum(axis=0)[11] == pytest.approx(q40, rel=REL)
    assert deaths[12] / exposure.inforce.sum(axis=0)[12] == pytest.approx(q41, rel=REL)


def test_ageing_in_the_ledger_matches_the_plain_exposure():
    """The same ageing in a projection (a scenario with a zero exit rate): the ledger's monthly death probability of
    the starting cell is the age-40 rate in months 0-11 and the age-41 rate in months 12-23. Catches ageing removed
    from ``SegmentLedger.age``."""
    book = ledger([horizon(24), moving(0.0), age_limit(65)])
    q40 = 1.0 - (1.0 - 1.5 * table_qx("male", 40)) ** (1.0 / 12.0)
    q41 = 1.0 - (1.0 - 1.5 * table_qx("male", 41)) ** (1.0 / 12.0)
    start = 0  # the only starting cell
    assert book.q_death[start] == pytest.approx(np.array([q40] * 12 + [q41] * 12), rel=REL)


# --- 5. Year-end counts: project_close and entrant_close --------------------------------------------------------


def test_project_close_counts_december_before_januarys_age_outs():
    """``project_close(first, end)`` is the in-force at the close of month ``end - 1``: after that month's exits,
    before month ``end``'s age-limit exits. The 40-year-old men with an age limit of 41 reach it in January 2026
    (month 12): at the close of December 2025 (end = 12, the next January) all survivors of 12 months of moving
    away at 10 % a year are still there, ``10,000 x 0.9`` (no deaths), and at the close of January 2026 nobody is.
    One month earlier (end = 11) it is ``10,000 x 0.9^(11/12)``. Catches counting after January's age-outs (the
    planner would replace next year's retirees early), counting before December's exits, and ``>=`` becoming ``>``."""
    overrides = [NO_DEATHS, horizon(24)]
    exits = Exits(moving_away_rate=0.10, age_limit=41)
    book = fresh_ledger(exits, overrides)
    dates = model(overrides).month_dates
    december_close = year_end_month(dates, 0)
    assert december_close == 12
    assert book.project_close(0, december_close) == pytest.approx(MEMBERS * 0.9, rel=REL)
    assert book.project_close(0, 11) == pytest.approx(MEMBERS * 0.9 ** (11 / 12), rel=REL)
    assert book.project_close(0, 13) == pytest.approx(0.0, abs=1e-9)
    # The run of the ledger agrees: the close of December, then January's age-outs.
    full = ledger([*overrides, moving(0.10), age_limit(41)])
    assert full.closing[11] == pytest.approx(MEMBERS * 0.9, rel=REL)
    assert full.left["age_limit"][12] == pytest.approx(MEMBERS * 0.9, rel=REL)


def test_entrant_close_counts_december_before_januarys_age_outs():
    """``entrant_close(month, end)``: the share of one name registering in ``month`` in force at the close of month
    ``end - 1``. A 40-year-old registering in January 2026 (month 12) with an age limit of 41 reaches it in January
    2027 (month 24): at the close of December 2026 the share is ``0.9`` (12 months of moving away at 10 %, no
    deaths), at the close of January 2027 it is 0. A name registering in July 2025 (month 6) is still in force at the
    close of December 2025: ``0.9^(6/12)``. Catches counting after January's age-outs and ``>=`` becoming ``>``."""
    overrides = [NO_DEATHS, horizon(24)]
    book = fresh_ledger(Exits(moving_away_rate=0.10, age_limit=41), overrides)
    dates = model(overrides).month_dates
    assert year_end_month(dates, 12) == 24
    assert book.entrant_close(12, 24) == pytest.approx(0.9, rel=REL)
    assert book.entrant_close(12, 25) == pytest.approx(0.0, abs=1e-12)
    assert book.entrant_close(6, year_end_month(dates, 6)) == pytest.approx(0.9 ** 0.5, rel=REL)
    # The entrant's in-force path over its first year: (1 - mv)^k in month 12 + k, gone in month 24.
    path = book.project_entrant(12, 24)
    assert path == pytest.approx(0.9 ** (np.arange(12) / 12.0), rel=REL)


def test_no_starting_staff_member_is_already_past_the_planning_age_limit():
    """madiun-2026-ucj retires its non-ASN staff at 58 and takes their ages from the ``non-asn-staff`` profile, whose
    last band ends at 57: nobody leaves at the limit in the plan's first month (a band of 50-58 retired 149 staff
    aged 58 in January 2026), while staff keep turning 58 from the next January on."""
    left = project_scenario(load_scenario("madiun-2026-ucj")).ledgers["non_asn"].left["age_limit"]
    assert left[0] == 0
    assert left[12] > 10
