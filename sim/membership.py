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
    :meth:`used_cells`.
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
        self.current = np.zeros(cells)
        self.current[: n0.size] = n0
        # Cells past the last cohort registered hold nobody: a month's exits are worked out up to it
        # (:meth:`close`), on the starting cells and the cohorts of the months so far.
        self._reach = n0.size
        self.opening = float(n0.sum())
        # In force and non-work death probability per cell and month, written a month (a row) at a time by close()
        # and read as (cells, months) arrays (:attr:`inforce`, :attr:`q_death`, C order as ever).
        self._by_month = {"inforce": np.zeros((months, cells)), "q_death": np.zeros((months, cells))}
        self._by_cell = {}
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
        # A cell of a cohort still to join is as old as it joins: its death probability until then.
        self._q_at_join = self._by_age["q"].take(self._sex_offset + np.minimum(self.age_join, MAX_AGE))
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

    def age_out(self, month: int) -> None:
        if self.exits.age_limit is None:
            return
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
        self.left["budget"][month] += self.current.sum() * share
        self.current *= 1.0 - share

    def register(self, month: int, names: float) -> None:
        if names <= 0:
            return
        self.current[self.cohort(month)] += names * self.template
        self.joined[month] += names
        self.registered[month] = True
        self._reach = max(self._reach, self.cohort(month).stop)

    def close(self, month: int) -> None:
        """Record the month's in-force, then apply its deaths and other exits.

        The exits are worked out on the first cells, up to the last cohort that may hold members (:meth:`_month`);
        the cells past it hold nobody, and their zeros stay in the arrays summed, so that every sum is over the
        same numbers in the same order as over all cells."""
        at = self._month(month, self._reach)
        n = at.age.size
        self._row("inforce")[month, :n] = self.current[:n]  # the cells past it: 0 as the row was made
        q_row = self._row("q_death")[month]
        q_row[:n], q_row[n:] = at.q, self._q_at_join[n:]
        held = self.current[:n]
        survivors = np.zeros(self.current.size)
        survivors[:n] = held * at.keep
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

    def _row(self, name: str) -> np.ndarray:
        """The (months, cells) array of ``name`` to write a month into; the (cells, months) one is made again when
        next read."""
        if self._by_month.get(name) is None:
            self._by_month[name] = np.ascontiguousarray(self._by_cell[name].T)
        self._by_cell.pop(name, None)
        return self._by_month[name]

    def _column_major(self, name: str) -> np.ndarray:
        if name not in self._by_cell:  # made once after the last close, and the month-major array let go
            self._by_cell[name] = np.ascontiguousarray(self._by_month[name].T)
            self._by_month[name] = None
        return self._by_cell[name]

    def by_cell(self, name: str, cells: np.ndarray) -> np.ndarray:
        """(cells, months) of ``name`` (``inforce`` or ``q_death``) for some cells: ``inforce[cells]``,
        without turning every cell's months around first when they are still kept by month (a projection's
        exposure takes the cells of the cohorts that registered, about half of them)."""
        if name in self._by_cell:
            return self._by_cell[name][cells]
        return np.ascontiguousarray(self._by_month[name][:, cells].T)

    @property
    def inforce(self) -> np.ndarray:
        """(cells, months) members in force at the start of each month (before its exits)."""
        return self._column_major("inforce")

    @property
    def q_death(self) -> np.ndarray:
        """(cells, months) monthly non-work death probability of each cell."""
        return self._column_major("q_death")

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
        for name in ("sex", "age_join", "join", "tenure0", "_sex_offset", "_q_at_join"):
            setattr(cut, name, getattr(self, name)[:cells])
        cut._join_months = self._join_months[:months]
        cut.joined, cut.closing, cut.registered = self.joined[:months], self.closing[:months], self.registered[:months]
        cut.left = {cause: flow[:months] for cause, flow in self.left.items()}
        by_month = {name: self._by_month[name] if self._by_month.get(name) is not None else self._by_cell[name].T
                    for name in ("inforce", "q_death")}
        cut._by_month = {name: np.ascontiguousarray(a[:months, :cells]) for name, a in by_month.items()}
        cut._by_cell, cut._months, cut._entrants = {}, {}, {}
        cut._reach = min(self._reach, cells)
        # In force at the close of the last month: its in-force after its exits, as close() left it then.
        last = cut._month(months - 1, cut._reach)
        cut.current = np.zeros(cells)
        cut.current[: last.keep.size] = cut._by_month["inforce"][months - 1, : last.keep.size] * last.keep
        cut._months = {}
        return cut

    def used_cells(self) -> np.ndarray:
        """Indices of the start cells and of the cells of cohorts that registered (others are all zero)."""
        cohorts = [np.arange(self.cohort(m).start, self.cohort(m).stop) for m in np.flatnonzero(self.registered)]
        return np.concatenate([np.arange(self.start_cells), *cohorts]).astype(int)

    def members(self) -> np.ndarray:
        """Members in force in each month (covered and paid for that month)."""
        return self.inforce.sum(axis=0)
