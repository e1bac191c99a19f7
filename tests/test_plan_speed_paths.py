"""The projection's and the closed form's shortcuts for speed give the same numbers as the plain calculations they
replace, bit for bit (``sim plan``'s tornado re-projects the scenario about 140 times, so these run often).

Each plain calculation is written out here as the documented formula, cell by cell and month by month (as the code
did before the shortcut); the shortcut must give the same floating-point numbers, not merely close ones, since
every output of ``sim plan`` is compared byte for byte when the code is made faster."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.accident import expected_case_cost
from sim.benefits import BENEFIT_NAMES, INDEX
from sim.closed_form import expected, intensity_means
from sim.expansion import year_end_month
from sim.membership import HAZARD_CAUSES, SegmentLedger
from sim.mortality import MAX_AGE
from sim.planning_schema import Exits
from sim.population import build_model, month_dates
from sim.regulation import RuleSet, jkm_death_benefit, jkm_scholarship_eligible
from sim.scenario import load_scenario
from sim.scholarship import expected_by_lag

# --- The ledger's month: ages, death probabilities, share kept, leavers by cause ------------------------------


def plain_month(book: SegmentLedger, month: int, cells=slice(None)):
    """Every cell's age, monthly death probability, share kept to the month's end and the leave probabilities by
    cause (death, moving away, DTKS), each cell worked out from its own sex and age (its death probability from the
    ledger's ``monthly_q`` by sex and age, as ``sim.membership`` takes it)."""
    age = book.age_join[cells] + np.maximum(month - book.join[cells], 0) // 12
    q = book.q_by_age[book.sex[cells], np.minimum(age, MAX_AGE)]
    leave = (q + book.accident_death, book.move, book.dtks)
    keep = np.maximum(1.0 - leave[0] - leave[1] - leave[2], 0.0)
    return age, q, keep, leave


def plain_run(book: SegmentLedger, start: np.ndarray, cells, first: int, last: int) -> tuple[np.ndarray, float]:
    """``SegmentLedger._run`` as the formula: each month the age-limit exits (but the first month's), the in-force,
    then the month's exits."""
    x, out = start.copy(), np.zeros(max(last - first, 0))
    for m in range(first, last):
        age, _, keep, _ = plain_month(book, m, cells)
        if m > first and book.exits.age_limit is not None:
            x[age >= book.exits.age_limit] = 0.0
        out[m - first] = x.sum()
        x = x * keep
    return out, float(x.sum())


def ledger_of(scenario_id: str, name: str) -> tuple[SegmentLedger, tuple]:
    scenario = load_scenario(scenario_id)
    seg = next(s for s in scenario.segments if s.name == name)
    exits = scenario.planning.exits.get(name, Exits())
    book = SegmentLedger(seg, exits, scenario.mortality_table, scenario.horizon_months, scenario.severity.shares[4])
    return book, month_dates(scenario.start, scenario.horizon_months)


@pytest.mark.parametrize("name", ["non_asn", "vulnerable"])
def test_a_ledger_stepped_month_by_month_gives_the_cell_by_cell_numbers(name):
    """madiun-2026-ucj's non-ASN staff (retired at 58) and vulnerable workers (DTKS removals, ages up to 79), with
    names registering in some months: at every month the planner's and the quota's look-aheads (``project_close``
    to the year-end, ``project_members``, an entrant's ``entrant_close``) and then the month's age-limit exits,
    deaths and other exits (``close``) give exactly the numbers of the plain formulas, cell by cell, for the rates
    the ledger now looks up by sex and age once per month. Catches a lookup of another month or age (a cohort aged
    from the horizon's start, the age limit not applied), a change in the order of the operations (which moves the
    last bits) and a month's numbers kept after the cells changed."""
    book, dates = ledger_of("madiun-2026-ucj", name)
    current = book.current.copy()
    registrations = {0: 40.0, 5: 12.5, 13: 30.0, 26: 7.25}
    for m in range(book.months):
        end = year_end_month(dates, m)
        live = np.flatnonzero(book.current > 0)
        assert book.project_close(m, end) == plain_run(book, current[live], live, m, end)[1]
        last = min(end, book.months)
        assert np.array_equal(book.project_members(m, last), plain_run(book, current[live], live, m, last)[0])
        cohort = np.arange(book.cohort(m).start, book.cohort(m).stop)
        assert book.entrant_close(m, end) == plain_run(book, book.template.copy(), cohort, m, end)[1]

        book.age_out(m)
        age, q, keep, leave = plain_month(book, m)
        if book.exits.age_limit is not None:
            current[(age >= book.exits.age_limit) & (current > 0)] = 0.0
        if m in registrations:
            book.register(m, registrations[m])
            current[book.cohort(m)] += registrations[m] * book.template
        assert np.array_equal(book.current, current)
        book.close(m)
        assert np.array_equal(book.inforce[:, m], current)
        survivors = current * keep
        gone = current - survivors
        total = leave[0] + leave[1] + leave[2]
        share = np.divide(1.0, total, out=np.zeros_like(total), where=total > 0)
        for cause, rate in zip(HAZARD_CAUSES, leave):
            assert book.left[cause][m] == float((gone * rate * share).sum()), (cause, m)
        assert book.closing[m] == survivors.sum()
        assert np.array_equal(book.q_death[:, m], q)
        current = survivors
    assert np.array_equal(book.current, current)
    assert not book._months, "the months are let go once closed (and those the planner looked ahead to at the end)"


def test_names_booked_to_a_later_month_s_cohort_are_run_off_too():
    """The office registers a month's names in that month's cohort; a ledger asked to book names into a later
    month's cohort ahead of time (out of the documented order) still runs them off as the formulas do, cell by cell:
    the exits are worked out up to the last cohort that holds anybody, not up to the month's own cohort."""
    book, _ = ledger_of("madiun-2026-ucj", "vulnerable")
    current = book.current.copy()
    for m in range(12):
        if m == 2:
            book.register(9, 25.0)
            current[book.cohort(9)] += 25.0 * book.template
        book.age_out(m)
        _, q, keep, leave = plain_month(book, m)
        book.close(m)
        survivors = current * keep
        total = leave[0] + leave[1] + leave[2]
        share = np.divide(1.0, total, out=np.zeros_like(total), where=total > 0)
        assert book.left["death"][m] == float(((current - survivors) * leave[0] * share).sum())
        assert book.closing[m] == survivors.sum() and np.array_equal(book.q_death[:, m], q)
        current = survivors
    assert np.array_equal(book.current, current)


def test_a_month_past_the_horizon_is_worked_out_as_any_other():
    """The planner looks ahead to 31 December, which may lie past the horizon's last month: the ages and rates of
    such a month are those of the formula too."""
    book, _ = ledger_of("madiun-2026-ucj", "non_asn")
    live = np.arange(book.start_cells)
    start = book.current[live].copy()
    for first, last in ((book.months - 1, book.months + 11), (book.months + 3, book.months + 9)):
        got, want = book._run(start, live, first, last), plain_run(book, start, live, first, last)
        assert np.array_equal(got[0], want[0]) and got[1] == want[1]


# --- The closed form ------------------------------------------------------------------------------------------


def plain_expected(model) -> tuple[np.ndarray, np.ndarray]:
    """Expected amounts and counts (periods, segments, benefits) as the closed form worked them out month by month:
    a work accident's expected cost per month, each month's band of every cell, and each claim's scholarship
    instalments added into their periods one claim and band at a time."""
    periods, segments = len(model.period_labels), len(model.segments)
    amt = np.zeros((periods, segments, len(BENEFIT_NAMES)))
    cnt = np.zeros_like(amt)
    children = model.scenario.children
    bands = len(children.bands)
    death_scale, accident_scale = intensity_means(model)
    by_lag = {}
    for s, exp in enumerate(model.segments):
        seg, sev = exp.segment, model.scenario.severity
        claims = {b: np.zeros((model.months, bands)) for b in ("jkm_scholarship", "jkk_scholarship")}
        for m in range(model.months):
            rules = model.regimes[model.regime_of_month[m]]
            p = model.period_of_month[m]
            tenure = exp.tenure0 + m
            deaths = exp.jkm_rate[:, m] * death_scale
            amt[p, s, INDEX["jkm_death"]] += deaths @ jkm_death_benefit(rules, seg.scheme, tenure)
            cnt[p, s, INDEX["jkm_death"]] += deaths.sum()
            eligible = jkm_scholarship_eligible(rules, tenure)
            accidents = exp.jkk_rate[:, m].sum() * accident_scale
            per_case = expected_case_cost(rules, seg.wage, sev)
            for benefit, value in per_case["amount"].items():
                amt[p, s, INDEX[benefit]] += accidents * value
                cnt[p, s, INDEX[benefit]] += accidents * per_case["count"][benefit]
            if bands == 1:
                claims["jkm_scholarship"][m, 0] = deaths @ eligible
                claims["jkk_scholarship"][m, 0] = accidents * per_case["scholarship_share"]
            else:
                band = children.band_of(exp.age(np.arange(exp.age0.size), m))
                claims["jkm_scholarship"][m] = np.bincount(band, weights=deaths * eligible, minlength=bands)
                jkk_by_band = np.bincount(band, weights=exp.jkk_rate[:, m], minlength=bands) * accident_scale
                claims["jkk_scholarship"][m] = jkk_by_band * per_case["scholarship_share"]
        for benefit, by_month in claims.items():
            b = INDEX[benefit]
            for m in np.flatnonzero(by_month.any(axis=1)):
                r = model.regime_of_month[m]
                if r not in by_lag:
                    by_lag[r] = [expected_by_lag(model.regimes[r], children, k) for k in range(bands)]
                for band in np.flatnonzero(by_month[m]):
                    amount, count = by_lag[r][band]
                    pay_months = m + 12 * np.arange(amount.size)
                    inside = pay_months < model.months
                    in_period = model.period_of_month[pay_months[inside]]
                    np.add.at(amt[:, s, b], in_period, by_month[m, band] * amount[inside])
                    np.add.at(cnt[:, s, b], in_period, by_month[m, band] * count[inside])
    return amt, cnt


def two_regimes(model, month: int):
    """The model with other benefit rules from ``month`` on: scholarships end at 20 (a shorter schedule of
    instalments), a higher JKM lump sum and a higher JKK total-disability benefit, as a rule change within the
    horizon would bring."""
    rules = model.regimes[0]
    later = RuleSet(rules.date, {**rules, "scholarship.end_age": 20, "jkm.lump_sum": rules["jkm.lump_sum"] * 1.5,
                                 "jkk.total_disability_multiplier": rules["jkk.total_disability_multiplier"] * 2})
    return dataclasses.replace(model, regimes=(rules, later),
                               regime_of_month=(np.arange(model.months) >= month).astype(int))


def one_band(scenario):
    """The scenario with the one form of the children table (the same shares for every member's age)."""
    return dataclasses.replace(scenario, children=dataclasses.replace(
        scenario.children, by_member_age=(), count_shares=(0.45, 0.30, 0.25), age_max=22))


@pytest.mark.parametrize("case", ["projected", "two regimes", "one band", "plain exposure"])
def test_the_closed_form_gives_the_month_by_month_numbers(case):
    """The closed form works out a work accident's cost once per rule regime, every cell's band of the children
    table for all months at once (by age), and every claim's scholarship instalments in one ``np.add.at`` in the
    order the claims came: its expected amounts and counts are those of the month-by-month calculation, bit for
    bit, for a projected scenario (madiun-2026-ucj-csr: members joining over five years, ten bands of the children
    table, parameter draws), for the same with a rule change in its 31st month (shorter scholarship schedules, a
    higher JKM benefit), with the one-form children table, and for a scenario without a projection (madiun-2025).
    Catches instalments added in another order (by band first, or by years since the claim first), a schedule of
    another regime, a cell's band taken at another age, and a cost per accident of another regime."""
    scenario = load_scenario("madiun-2025" if case == "plain exposure" else "madiun-2026-ucj-csr")
    model = build_model(one_band(scenario) if case == "one band" else scenario)
    if case == "two regimes":
        model = two_regimes(model, 30)
    got, (amounts, counts) = expected(model), plain_expected(model)
    assert np.array_equal(got.amounts, amounts) and np.array_equal(got.counts, counts)
    assert all(got.amounts[:, :, INDEX[b]].sum() > 0 for b in ("jkm_scholarship", "jkk_scholarship"))


def test_a_projection_s_exposure_takes_its_cells_month_by_month_as_the_whole_arrays_give_them():
    """``SegmentLedger.by_cell`` gives some cells' months of ``inforce`` or ``q_death`` without turning all the
    ledger's cells around first: the same numbers, in the same C order (the closed form and the engine sum along
    it), as the whole ``(cells, months)`` array indexed by those cells, before and after that array was made."""
    from sim.expansion import project_scenario

    projection = project_scenario(load_scenario("madiun-2026-ucj-csr"))
    for name in projection.names:
        book = projection.ledgers[name]
        cells = book.used_cells()
        early = {k: book.by_cell(k, cells) for k in ("inforce", "q_death")}
        for key, whole in (("inforce", book.inforce), ("q_death", book.q_death)):
            for got in (early[key], book.by_cell(key, cells)):
                assert got.flags["C_CONTIGUOUS"] and np.array_equal(got, whole[cells])


# --- The tornado's models: a bar that moves only what claims cost keeps the base's members ----------------------


class Recording:
    """A scenario, or one of its tables, that notes which of its attributes are read (``severity.shares``), and which
    of the severity shares (``severity.shares[4]``)."""

    def __init__(self, target, read: set, prefix: str = ""):
        self._target, self._read, self._prefix = target, read, prefix

    def __getattr__(self, name):
        self._read.add(self._prefix + name)
        value = getattr(self._target, name)
        if name in ("planning", "severity") and value is not None:
            return Recording(value, self._read, name + ".")
        if self._prefix + name == "severity.shares":
            return RecordedItems(value, self._read, "severity.shares")
        return value


class RecordedItems(tuple):
    """A tuple that notes which of its items are read, by index (every item when it is iterated)."""

    def __new__(cls, items, read: set, name: str):
        made = super().__new__(cls, items)
        made._read, made._name = read, name
        return made

    def __getitem__(self, i):
        self._read.add(f"{self._name}[{i}]")
        return super().__getitem__(i)

    def __iter__(self):
        self._read.update(f"{self._name}[{i}]" for i in range(len(self)))
        return super().__iter__()


# What model_inputs holds, by attribute: the severity's death share and the planning tables but the claim timing.
MODEL_INPUTS = {"start", "horizon_months", "rules_date", "segments", "mortality_table", "severity", "severity.shares",
                "severity.shares[4]", "planning", "seed"}


@pytest.mark.parametrize("scenario_id", ["madiun-2026-ucj-csr", "jambi-2025-pipeline", "madiun-2025"])
def test_building_a_model_reads_of_its_scenario_only_the_model_s_inputs(scenario_id):
    """``build_model`` takes another scenario's model when ``model_inputs`` are equal, so it must read nothing of a
    scenario outside them: a scenario whose reads are recorded (a projected one with money and a pipeline, and one
    without a projection) is read for its months, segments, mortality table, death share, planning tables but the
    claim timing, and seed only; and the model built so is the model of the scenario itself. Catches a model that
    comes to depend on something else (the children, the claim timing, a severity share but the death share)
    without ``model_inputs`` holding it."""
    from sim.population import model_inputs

    scenario = load_scenario(scenario_id)
    read: set = set()
    recorded = build_model(Recording(scenario, read))
    planning = {name for name in read if name.startswith("planning.")}
    assert read - planning <= MODEL_INPUTS, read - planning - MODEL_INPUTS
    assert "severity.shares[4]" in read  # the death share (members who die leave): the items read are recorded
    assert "planning.claim_timing" not in planning
    assert len(model_inputs(scenario)) == 8  # the eight of MODEL_INPUTS (severity: its death share alone)
    plain = build_model(scenario)
    for a, b in zip(recorded.segments, plain.segments):
        assert np.array_equal(a.inforce, b.inforce) and np.array_equal(a.jkm_rate, b.jkm_rate)


def moved_scenario(scenario, key: str, end: int):
    from sim.scenario import scenario_from_data
    from sim.sensitivity import at_range_end, groups

    return scenario_from_data(at_range_end(scenario.resolved, dict(groups(scenario.resolved))[key], end))


@pytest.mark.parametrize("key, end, kept", [
    ("assumptions.severity.medical_cost_mean", 0, True), ("assumptions.severity.medical_cost_trend", 1, True),
    ("assumptions.children.by_member_age", 0, True),
    ("claim_timing.payment_months", 0, True), ("assumptions.severity.share_death", 0, False),
    ("assumptions.severity.share_partial", 0, False), ("funding.apbd_budget", 1, False),
    ("funding.apbd_budget", 0, True), ("pipeline.bpjs.capacity", 0, False),
    ("segments.vulnerable.accident_rate", 0, False)])
def test_a_model_is_taken_from_another_scenario_only_when_the_members_are_the_same(key, end, kept):
    """jambi-2025-pipeline with one bar of its tornado at an end: ``build_model(moved, like=base)`` takes the
    base's projection when the bar moves only what claims cost (a severity amount, the children table, claim payment
    times), and makes its own when it moves who is covered or for how long (the share of accidents that kill,
    which is the share of deaths among the exits, and a severity share, which moves it with the others; the
    budget's high end, the pipeline, an accident rate; the budget's low end is the budget itself). Either way the
    model, its closed form and the plan's key outputs are those of the model built afresh, bit for bit, and it is
    the moved scenario's."""
    from sim import budget

    scenario = load_scenario("jambi-2025-pipeline")
    base = build_model(scenario)
    moved = moved_scenario(scenario, key, end)
    taken, fresh = build_model(moved, like=base), build_model(moved)
    assert (taken.projection is base.projection) == kept
    assert taken.scenario is moved and taken is not base
    for a, b in zip(taken.segments, fresh.segments):
        assert all(np.array_equal(getattr(a, f), getattr(b, f)) for f in ("inforce", "jkm_rate", "jkk_rate",
                                                                          "premium_rate", "closing"))
    got, want = expected(taken), expected(fresh)
    assert np.array_equal(got.amounts, want.amounts) and np.array_equal(got.premium, want.premium)
    assert budget.key_outputs(moved, base) == budget.key_outputs(moved)


def test_the_plan_s_tornado_projects_each_set_of_members_once(monkeypatch):
    """jambi-2025-pipeline's tornado moves 33 bars to both ends: the bars that move only what claims cost take the
    base's projection, so no projection is made twice with the same inputs, and fewer are made than key outputs
    are worked out. Catches the tornado building every bar end's model afresh."""
    from sim import budget, expansion
    from sim.population import model_inputs

    made, asked = [], []
    project, key_outputs = expansion.project, budget.key_outputs

    def counting_project(scenario, *args, **kwargs):
        made.append(model_inputs(scenario))
        return project(scenario, *args, **kwargs)

    def counting_outputs(scenario, *args, **kwargs):
        asked.append(scenario.id)
        return key_outputs(scenario, *args, **kwargs)

    monkeypatch.setattr(expansion, "project", counting_project)
    monkeypatch.setattr(budget, "key_outputs", counting_outputs)
    rows = budget.tornado(load_scenario("jambi-2025-pipeline"))["rows"]
    assert len(rows) == 33 and len(asked) == 1 + 2 * 33
    assert all(made[i] != made[j] for i in range(len(made)) for j in range(i))
    # 15 bars' ends (severity amounts, the care cost trend, children, claim timing) take the base's
    assert len(made) < len(asked) - 14
