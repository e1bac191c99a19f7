"""Who is a member, month by month: the starting members and the cohorts that join later, and why members leave.

A segment's members are cells (sex x single year of age x cohort). The starting members' cells come from the
scenario (``population.starting_cells``: tenure shares at the start); every month in which new members register adds a
cohort of cells whose in-force is zero before that month and whose tenure starts at 0 then, so the BPU 3-month JKM
rule and the 3-year scholarship rule apply to it without any special case (tenure at month m is
``tenure0 + m`` with ``tenure0 = -registration month``).

Members leave (``EXIT_CAUSES``):

- ``death``: non-work deaths (TMI IV x load) and work-accident deaths, the same monthly rates as the exposure model;
- ``moving_away`` and ``dtks_removal``: yearly rates turned into constant monthly ones, ``1 - (1 - r)^(1/12)``;
- ``age_limit``: a cell leaves at the start of the month in which its members reach the limit (cells age a year
  every 12 months after they join, like the starting members age every 12 months of the horizon);
- ``budget``: members not renewed at a fiscal-year round because the money ran short (``sim.funding``), the same
  share of every cell of the segment (assumption: a cut falls evenly on ages and cohorts).

The run-off is deterministic (expected members), as in ``sim.population``. Flows are booked by month: ``joined[m]``
registered in month m, ``left[cause][m]`` left at the start of month m (age limit, budget) or during it (death,
moving away, DTKS removal); ``closing[m]`` is in force at the end of month m. The ledger keeps
``closing = opening + joined - left`` exactly (up to rounding), which a test checks month by month.
Entrants have the segment's sex mix and age profile, restricted to ages below the age limit (assumption).
"""

from __future__ import annotations

import copy
from typing import NamedTuple

import numpy as np

from .mortality import MAX_AGE, monthly_q
from .planning_schema import Exits
from .population import single_ages, starting_cells

EXIT_CAUSES = ("death", "moving_away", "dtks_removal", "age_limit", "budget")
HAZARD_CAUSES = ("death", "moving_away", "dtks_removal")


def monthly_rate(annual: float) -> float:
    """Constant monthly probability equivalent to an annual one."""
    return 1.0 - (1.0 - annual) ** (1.0 / 12.0)


def entrant_template(seg, age_limit: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sex, age, share) of one new member, over single ages of the segment's profile below the age limit."""
    ages, shares = single_ages(seg)
    if age_limit is not None:
        keep = ages < age_limit
        ages, shares = ages[keep], shares[keep]
    sex = np.repeat([0, 1], ages.size)
    share = np.concatenate([shares * seg.male_share, shares * (1.0 - seg.male_share)])
    age = np.concatenate([ages, ages])
    keep = share > 0
    total = share[keep].sum()
    return sex[keep], age[keep], share[keep] / total if total > 0 else share[keep]


class _Month(NamedTuple):
    """The first cells of a ledger in one month (:meth:`SegmentLedger._month`), each array over the same cells."""

    age: np.ndarray  # age in the month
    q: np.ndarray  # monthly non-work death probability
    keep: np.ndarray  # share still in force at the month's end, after every exit (death, moving away, DTKS)
    share: np.ndarray  # 1 / the leave probabilities' sum (0 where none leave): splits the leavers by cause


class SegmentLedger:
    """Cells, in-force and flows of one segment; stepped month by month by ``sim.expansion``.

    Arrays are allocated for a cohort in every month; cohorts that never register are dropped by
    :meth:`used_cells`. Every array held is per cell or per month, none per cell and month: a past month's in-force
    is replayed from the logged steps (:meth:`inforce_blocks`), so memory grows linearly with the horizon
    (``tests/test_long_horizon_memory.py``).
    """

    def __init__(self, seg, exits: Exits, mortality_table: str, months: int, jkk_death_share: float):
        self.segment, self.exits, self.months = seg, exits, months
        sex0, age0, ten0, n0 = starting_cells(seg)
        t_sex, t_age, t_share = entrant_template(seg, exits.age_limit)
        self.start_cells, self.cohort_cells = n0.size, t_share.size
        self.template = t_share
        cells = n0.size + months * t_share.size
        self.sex = np.concatenate([sex0, np.tile(t_sex, months)]).astype(int)
        self.age_join = np.concatenate([age0, np.tile(t_age, months)]).astype(int)
        self.join = np.concatenate([np.zeros(n0.size, int), np.repeat(np.arange(months), t_share.size)])
        self.tenure0 = np.concatenate([ten0, -np.repeat(np.arange(months), t_share.size)]).astype(int)
        self._start = n0  # the starting members, from which the in-force of every month is replayed (:meth:`_replay`)
        self.current = np.zeros(cells)
        self.current[: n0.size] = n0
        # Cells past the last cohort registered hold nobody: a month's exits are worked out up to it
        # (:meth:`close`), on the starting cells and the cohorts of the months so far.
        self._reach = n0.size
        self.opening = float(n0.sum())
        # No (months, cells) history is kept (it grew with the square of the horizon: a cohort of cells per month):
        # the steps that change the in-force (age_out, cut, register, close, with their month and amount) are
        # logged in order, and a month's in-force is replayed from them when asked for (:meth:`_replay`), by the
        # same operations on the same numbers; the death probability is a function of the cell and the month.
        self._steps: list | None = []
        self._sink = None  # during a replay: called with each month's in-force before its exits (:meth:`close`)
        self.joined = np.zeros(months)
        self.left = {cause: np.zeros(months) for cause in EXIT_CAUSES}
        self.closing = np.zeros(months)
        self.registered = np.zeros(months, dtype=bool)
        self.table, self.load = mortality_table, seg.mortality_load
        self.accident = seg.accident_rate / 1000.0 / 12.0
        self.accident_death = self.accident * jkk_death_share
        self.move = monthly_rate(exits.moving_away_rate)
        self.dtks = monthly_rate(exits.dtks_removal_rate)
        # The monthly non-work death probability by sex (row) and age (column, up to MAX_AGE): what monthly_q gives
        # a cell of that sex and age, worked out once per ledger instead of for every cell every month; and from it,
        # by sex and age too, the share of a cell still in force at the month's end and the factor that splits its
        # leavers by cause (:meth:`close`). A cell's are looked up by its sex and age (:meth:`_month`): the same
        # elementwise formulas on the same numbers as when they were worked out cell by cell, month by month.
        self.q_by_age = monthly_q(mortality_table, np.array([[0], [1]]), np.arange(MAX_AGE + 1)[None, :],
                                  seg.mortality_load)
        leave = self.q_by_age + self.accident_death
        total = leave + self.move + self.dtks
        keep = np.maximum(1.0 - leave - self.move - self.dtks, 0.0)
        share = np.divide(1.0, total, out=np.zeros_like(total), where=total > 0)
        self._by_age = {"q": self.q_by_age.ravel(), "keep": keep.ravel(), "share": share.ravel()}
        self._sex_offset = self.sex * (MAX_AGE + 1)  # a cell's row in the tables by sex and age, raveled
        self._join_months = np.arange(months)
        self._months = {}  # month -> _Month of the first cells (:meth:`_month`); a month is let go once closed
        self._entrants = {}  # months ahead -> a new member's path and share left (:meth:`_entrant`)

    # --- cells ---------------------------------------------------------------------------------------------

    def cohort(self, month: int) -> slice:
        first = self.start_cells + month * self.cohort_cells
        return slice(first, first + self.cohort_cells)

    def age(self, month: int, cells=slice(None)) -> np.ndarray:
        return self.age_join[cells] + np.maximum(month - self.join[cells], 0) // 12

    def _month(self, month: int, cells: int = 0) -> "_Month":
        """The cells' age in ``month`` and what it gives (:class:`_Month`), for the first ``cells`` cells at least
        and for every cohort that may have joined by then (cohorts of later months hold nobody yet), worked out
        once per month: the planner, the quota's places and the money ask about the same months again and again
        before :meth:`close` closes them, each for some of the cells. Depends on the month alone (the cells' sex,
        age at joining and month of joining are fixed), so a month asked about again is worked out again the same."""
        at = self._months.get(month)
        if at is None or at.age.size < cells:
            joined = self.cohort(month).stop if month < self.months else self.current.size
            n = max(cells, min(joined, self.current.size))
            # Years since joining, worked out per month of joining (a cohort's cells share it) and looked up per cell.
            age = self.age_join[:n] + (np.maximum(month - self._join_months, 0) // 12).take(self.join[:n])
            row = self._sex_offset[:n] + np.minimum(age, MAX_AGE)
            at = self._months[month] = _Month(age, *(self._by_age[k].take(row) for k in ("q", "keep", "share")))
        return at

    # --- the month's steps, in order: age limit, budget round, registrations, close ------------------------------

    def _log(self, *step) -> None:
        if self._steps is not None:  # a replay logs nothing
            self._steps.append(step)

    def age_out(self, month: int) -> None:
        if self.exits.age_limit is None:
            return
        self._log("age_out", month)
        at = self._month(month, self._reach)
        held = self.current[: at.age.size]  # every cell in force (a view: the exits are made in place)
        out = (at.age >= self.exits.age_limit) & (held > 0)
        if out.any():
            self.left["age_limit"][month] += held[out].sum()
            held[out] = 0.0

    def cut(self, month: int, share: float) -> None:
        """Members not renewed at a round: ``share`` of every cell in force."""
        if share <= 0:
            return
        self._log("cut", month, share)
        self.left["budget"][month] += self.current.sum() * share
        self.current *= 1.0 - share

    def register(self, month: int, names: float) -> None:
        if names <= 0:
            return
        self._log("register", month, names)
        self.current[self.cohort(month)] += names * self.template
        self.joined[month] += names
        self.registered[month] = True
        self._reach = max(self._reach, self.cohort(month).stop)

    def close(self, month: int) -> None:
        """Record the month's in-force, then apply its deaths and other exits.

        The exits are worked out on the first cells, up to the last cohort that may hold members (:meth:`_month`);
        the cells past it hold nobody, and their zeros stay in the arrays summed, so that every sum is over the
        same numbers in the same order as over all cells."""
        self._log("close", month)
        if self._sink is not None:
            self._sink(month, self.current)
        at = self._month(month, self._reach)
        n = at.age.size
        held = self.current[:n]
        survivors = np.zeros(self.current.size)
        survivors[:n] = held * at.keep
        if self._steps is None:  # a replay (:meth:`_fresh`) works out the in-force only, not the flows
            self.current = survivors
            self._months.pop(month, None)
            return
        gone = held - survivors[:n]
        # The leave probabilities by cause (death, moving, DTKS): the month's leavers split in their proportions.
        leavers = np.zeros(self.current.size)
        for cause, rate in zip(HAZARD_CAUSES, (at.q + self.accident_death, self.move, self.dtks)):
            np.multiply(gone * rate, at.share, out=leavers[:n])
            self.left[cause][month] += float(leavers.sum())
        self.current = survivors
        self.closing[month] = survivors.sum()
        # Nothing asks about a closed month again; the months past the horizon that the planner looked ahead to
        # go with the last.
        for done in [m for m in self._months if m <= month or month == self.months - 1]:
            del self._months[done]

    # --- the in-force and death probability of past months, worked out again when asked for ------------------

    def _replay(self) -> "SegmentLedger":
        """A copy of this ledger run again through its logged steps from the starting members: the same operations
        on the same numbers, so its members left (``current``) are those this ledger has. This one is not touched."""
        twin = self._fresh()
        for _ in self._run_steps(twin):
            pass
        return twin

    def _fresh(self) -> "SegmentLedger":
        """A copy of this ledger as it was before its first step (its steps are not copied, nor logged again)."""
        twin = copy.copy(self)
        twin.current = np.zeros(self.sex.size)
        twin.current[: self._start.size] = self._start
        twin._reach, twin._steps, twin._months = self._start.size, None, {}
        twin.joined, twin.closing = np.zeros(self.months), np.zeros(self.months)
        twin.left = {cause: np.zeros(self.months) for cause in EXIT_CAUSES}
        twin.registered = np.zeros(self.months, dtype=bool)
        return twin

    def _run_steps(self, twin: "SegmentLedger"):
        """Run ``twin`` (:meth:`_fresh`) through this ledger's steps, yielding (month, in-force by cell before the
        month's exits) at each month's close."""
        closed: list = []
        twin._sink = lambda month, current: closed.append((month, current))  # close() replaces, never changes, it
        for name, month, *amount in self._steps:
            getattr(twin, name)(month, *amount)
            yield from closed
            closed.clear()

    def inforce_blocks(self, cells=slice(None)):
        """Yield (first month, (cells, months) in-force of ``cells``) for consecutive blocks of months, of about 2**18
        numbers each and at least 2 months when the horizon has 2 or more (a sum over the cells of a (cells, 1) array
        adds in another order than one of a wider array: see :meth:`members`). Months not closed yet hold 0."""
        width = np.arange(self.sex.size)[cells].size
        blocks = _month_blocks(self.months, max(2**18 // max(width, 1), 2))
        rows = {}
        replay = self._run_steps(self._fresh())
        for first, last in blocks:
            for month, current in replay:
                rows[month] = current[cells]
                if month == last - 1:
                    break
            out = np.zeros((width, last - first))
            for month in [m for m in rows if first <= m < last]:
                out[:, month - first] = rows.pop(month)
            yield first, out

    def q_death_of(self, cells=slice(None), months=None) -> np.ndarray:
        """(cells, months) monthly non-work death probability of ``cells`` in ``months`` (a range; all by default):
        looked up by the cell's sex and age in the month, as :meth:`close` takes it (a cohort still to join is as old
        as it joins)."""
        months = np.arange(self.months) if months is None else np.asarray(months)
        join = self.join[cells][:, None]
        age = self.age_join[cells][:, None] + np.maximum(months[None, :] - join, 0) // 12
        return self._by_age["q"].take(self._sex_offset[cells][:, None] + np.minimum(age, MAX_AGE))

    def by_cell(self, name: str, cells: np.ndarray) -> np.ndarray:
        """(cells, months) of ``name`` (``inforce`` or ``q_death``) for some cells: ``inforce[cells]``, made for
        those cells only (a projection's exposure takes the cells of the cohorts that registered, about half)."""
        if name == "q_death":
            return self.q_death_of(cells)
        return np.concatenate([b for _, b in self.inforce_blocks(cells)], axis=1)

    @property
    def inforce(self) -> np.ndarray:
        """(cells, months) members in force at the start of each month (before its exits), made when asked for."""
        return self.by_cell("inforce", np.arange(self.sex.size))

    @property
    def q_death(self) -> np.ndarray:
        """(cells, months) monthly non-work death probability of each cell."""
        return self.q_death_of()

    # --- projections (no side effects) ----------------------------------------------------------------------

    def project(self, start: np.ndarray, cells, first: int, last: int) -> np.ndarray:
        """Expected members in force in months ``first .. last - 1`` of ``start`` (in force in ``first``, after its
        age-limit exits), with exits but no budget cuts or new members."""
        return self._run(start, cells, first, last)[0]

    def _run(self, start: np.ndarray, cells, first: int, last: int) -> tuple[np.ndarray, float]:
        """(:meth:`project`'s path, the members left at the close of month ``last - 1``: after its exits, before
        the next month's age-limit exits)."""
        x = start.copy()
        out = np.zeros(max(last - first, 0))
        limit = self.exits.age_limit
        reach = self._extent(cells)
        for m in range(first, last):
            at = self._month(m, reach)  # each month's ages, age-limit exits and share kept as :meth:`close` takes them
            if m > first and limit is not None:
                x[at.age[cells] >= limit] = 0.0
            out[m - first] = x.sum()
            x = x * at.keep[cells]
        return out, float(x.sum())

    def _extent(self, cells) -> int:
        """One past the last of ``cells`` (cell indices, as the callers pass them, or any other index)."""
        if isinstance(cells, np.ndarray) and cells.dtype.kind in "iu":
            return int(cells.max(initial=-1)) + 1
        return int(np.arange(self.current.size)[cells].max(initial=-1)) + 1

    def _live(self) -> np.ndarray:
        """Indices of the cells in force (none lie past the last cohort registered)."""
        return np.flatnonzero(self.current[: self._reach] > 0)

    def project_members(self, first: int, last: int) -> np.ndarray:
        """The current members' expected in-force over months first .. last - 1."""
        live = self._live()
        return self.project(self.current[live], live, first, last)

    def project_close(self, first: int, end: int) -> float:
        """The current members expected in force at the close of month ``end - 1``: after that month's exits and
        before the age-limit exits of month ``end``. With ``end`` the next January this is the 31 December count
        that a year-end quota target is judged on (:func:`sim.budget.targets_met`); counting after January's
        age-limit exits instead made the planner replace next year's retirees months early."""
        live = self._live()
        if end == first + 1:  # the quota's places, every month: the month's own exits, as :meth:`_run` takes them
            return float((self.current[live] * self._month(first, self._reach).keep[live]).sum())
        return self._run(self.current[live], live, first, end)[1]

    def project_entrant(self, month: int, last: int) -> np.ndarray:
        """In-force over months month .. last - 1 of one member registering in ``month``."""
        return self._entrant(month, last)[0].copy()

    def entrant_close(self, month: int, end: int) -> float:
        """Share of one member registering in ``month`` still in force at the close of month ``end - 1``."""
        return self._entrant(month, end)[1]

    def _entrant(self, month: int, last: int) -> tuple[np.ndarray, float]:
        """:meth:`_run` of one member registering in ``month``, to ``last``. Every cohort has the template's sexes,
        ages and shares and joins in its own month, so its run depends on ``last - month`` alone (the same numbers
        in the same operations): run once per span (the planner and the register office ask for the same spans
        month after month)."""
        span = last - month
        if span not in self._entrants:
            cells = np.arange(self.cohort(month).start, self.cohort(month).stop)
            self._entrants[span] = self._run(self.template.copy(), cells, month, last)
        return self._entrants[span]

    # --- results ----------------------------------------------------------------------------------------------

    def end_at(self, months: int) -> "SegmentLedger":
        """This ledger's first ``months`` months and the cells of the cohorts joining in them, as a ledger of its own
        (this one itself when it has no more months): the register office books a horizon ending before December on
        to 31 December (``sim.expansion.to_year_end``) and keeps the horizon's. Its ``current`` members are those in
        force at the close of its last month."""
        if months >= self.months:
            return self
        cut = copy.copy(self)
        cells = self.start_cells + months * self.cohort_cells
        cut.months = months
        for name in ("sex", "age_join", "join", "tenure0", "_sex_offset"):
            setattr(cut, name, getattr(self, name)[:cells])
        cut._join_months = self._join_months[:months]
        cut.joined, cut.closing, cut.registered = self.joined[:months], self.closing[:months], self.registered[:months]
        cut.left = {cause: flow[:months] for cause, flow in self.left.items()}
        cut._steps = [step for step in self._steps if step[1] < months]
        cut._months, cut._entrants = {}, {}
        cut._reach = min(self._reach, cells)
        # In force at the close of the last month: as close() left it then, replayed.
        cut.current = cut._replay().current
        return cut

    def used_cells(self) -> np.ndarray:
        """Indices of the start cells and of the cells of cohorts that registered (others are all zero)."""
        cohorts = [np.arange(self.cohort(m).start, self.cohort(m).stop) for m in np.flatnonzero(self.registered)]
        return np.concatenate([np.arange(self.start_cells), *cohorts]).astype(int)

    def members(self) -> np.ndarray:
        """Members in force in each month (covered and paid for that month): ``inforce.sum(axis=0)``, summed a block
        of months at a time (each month's cells in the same order, so the same numbers)."""
        return np.concatenate([b.sum(axis=0) for _, b in self.inforce_blocks()])


def _month_blocks(months: int, size: int) -> list[tuple[int, int]]:
    """[first, last) of consecutive blocks of ``size`` months covering ``months``, the last one merged into the one
    before when it would hold a single month (with 2 months or more)."""
    edges = list(range(0, months, size)) + [months]
    if len(edges) > 2 and edges[-1] - edges[-2] == 1:
        del edges[-2]
    return list(zip(edges[:-1], edges[1:]))
