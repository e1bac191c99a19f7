"""The Monte Carlo engine: non-work deaths and work accidents, trial by trial, paid under the rules.

Cost grows with the number of simulated claims, not with members x months x trials. For each trial, segment and
peril (JKM death, JKK accident) the engine draws one Poisson count for the whole horizon, with mean the sum of the
expected events over all cells and months; it then places each event in a (cell, month) with probability
proportional to that cell-month's expected events. This is the same compound Poisson process as drawing every
cell-month separately (a Poisson process split by independent marking), at a cost per event.

Reproducibility: trials are grouped in fixed blocks of ``BLOCK_TRIALS``. Every block, segment and peril has its own
random stream, ``SeedSequence(seed, spawn_key=(block, segment key, peril))``, so a block's numbers depend only on
the seed and the block, never on how blocks are grouped into chunks or which worker runs them; adding a segment
leaves the other segments' noise unchanged (common random numbers across scenarios). Blocks with few events are
simulated several at a time in one vectorised pass (:func:`simulate_blocks`, :func:`batches`), each still drawing
from its own streams exactly what it draws alone (:class:`~sim.streams.Draws`), which shares NumPy's fixed cost per
call among the blocks of a small population without changing a number.

Speed (see benchmarks/README.md): everything that depends only on a (cell, month) position, such as its month,
reporting period, rule regime, JKM benefit, scholarship eligibility and the band of the member's age (which
decides the children), is tabulated once per model and kept on it
(:meth:`~sim.population.Model.derived`, as are the parameter draws as arrays), so each event costs a few array
look-ups (a segment of many positions, a long projected horizon's, works them out for its events instead:
:class:`GroupedPlacement`); placing an event uses a bucket table instead of a binary search over all positions,
and a work accident is placed only when its place matters (:class:`Events`: a scholarship, or care prices or a
wage that change over the horizon; when no accident needs it, its placement uniform is skipped rather than drawn); a
child's scholarship per reporting period is looked up by (claim month, age, levels reached) instead of being
expanded into instalments, and the children's rows are summed by trial with a bincount per period or a sparse
product; the JKM death benefit (a few whole-Rupiah amounts) is counted by amount and multiplied out, and a
segment's other payments are summed in one bincount keyed by (benefit, trial and period). None of this changes a
single number: the same draws are made in the same order, and the sums are made in the same order or, for whole
Rupiah, exactly.
"""

from __future__ import annotations

import dataclasses
import zlib
from dataclasses import dataclass

import numpy as np
import scipy.sparse

from .accident import (
    care_price_by_month, care_prices_vary, may_have_scholarship, sample_cases, wage_by_month, wages_vary,
)
from .benefits import BENEFIT_NAMES, INDEX
from .population import Model, SegmentExposure
from .regulation import jkm_death_benefit, jkm_scholarship_eligible
from .scholarship import PeriodTable, period_table, sample_children
from .streams import Draws

BLOCK_TRIALS = 1000
PERIL_JKM, PERIL_JKK = 1, 2
UNCERTAINTY_KEY = 0  # spawn-key slot of the parameter-draw stream (segment keys are crc32 values of names)
COLUMNS_UP_TO_PERIODS = 7  # _period_bins: column by column up to this many periods (measured crossover: 8)
# _rows_by_trial: a bincount per table column beats a sparse product up to about this many children x columns, and
# only for a few columns (measured crossovers, 1,000 to 10,000 trials: 88,000-230,000 entries over 1 period,
# 31,000-80,000 over 3, none from 5); only speed depends on them, never the numbers.
COLUMNWISE_CHILD_ENTRIES = 65_536
COLUMNWISE_MAX_COLUMNS = 6
BUCKETS_PER_PLACE = 4  # size of the placement bucket table; only speed depends on it, never the numbers
# A segment with more (cell, month) positions than this places its events group by group of cells
# (:class:`GroupedPlacement`) instead of in one table of every place: only memory and speed depend on it.
GROUP_POSITIONS = 2**18
# Blocks simulated in one vectorised pass (:func:`batches`): up to about this many expected events (about 100 bytes
# each while the pass runs) and output entries (8 bytes each, amounts and counts). Only speed and memory depend on
# them, never the numbers.
EVENTS_PER_BATCH = 1_000_000
OUTPUT_PER_BATCH = 4_000_000


@dataclass(frozen=True)
class Block:
    index: int
    first_trial: int
    trials: int


@dataclass(frozen=True)
class BlockResult:
    """Claims of one block of trials: arrays of shape (trials, periods, segments, benefits)."""

    block: Block
    amounts: np.ndarray  # IDR
    counts: np.ndarray  # number of payments
    simulated_events: int  # deaths and accidents drawn


def blocks(trials: int) -> list[Block]:
    return [Block(i, start, min(BLOCK_TRIALS, trials - start)) for i, start in enumerate(range(0, trials, BLOCK_TRIALS))]


def chunks(trials: int, chunk_trials: int) -> list[list[Block]]:
    """Group the blocks into chunks of about ``chunk_trials`` trials (at least one block each)."""
    per_chunk = max(1, chunk_trials // BLOCK_TRIALS)
    all_blocks = blocks(trials)
    return [all_blocks[i : i + per_chunk] for i in range(0, len(all_blocks), per_chunk)]


def segment_key(name: str) -> int:
    """A stable number for a segment name, so its random stream does not depend on the order of segments."""
    return zlib.crc32(name.encode("utf-8"))


def stream(seed: int, block: int, segment: str, peril: int) -> np.random.Generator:
    seq = np.random.SeedSequence(seed, spawn_key=(block, segment_key(segment), peril))
    return _generator(seq)


def _generator(seq: np.random.SeedSequence) -> np.random.Generator:
    # What np.random.default_rng(seq) returns (PCG64 seeded from seq), built directly: the same stream in a third of
    # the time (about 15 instead of 45 microseconds), which counts for small blocks with four streams each.
    return np.random.Generator(np.random.PCG64(seq))


# --- Placing events in (cell, month) positions -----------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Where the events of one segment and peril can fall, and what each place implies.

    A place is a (cell, month) position with a positive expected number of events; positions with none can never
    receive an event and are left out. ``cdf`` holds the cumulative expected events over the places, cell-major,
    strictly increasing. An event with uniform draw ``x`` in [0, total) falls at ``place(x)``: the first place
    whose cumulative expected events exceed ``x`` (``searchsorted(cdf, x, side="right")``, which is exactly the
    first *position* of the full cell-month grid whose cdf exceeds ``x``: zero-rate positions never are). An ``x``
    that rounds up to the total itself (about one uniform in 2**53) goes to the last place.

    A binary search over thousands of places costs about 150 ns an event, so ``place`` uses a bucket table
    instead: the range [0, total) is cut into equal buckets (``BUCKETS_PER_PLACE`` per place); ``first[b]`` counts
    the places whose cdf lies in a lower bucket, and when exactly one place's cdf lies in bucket ``b``,
    ``threshold[b]`` is that cdf (``inf`` when none does). An event in bucket ``b`` then falls at
    ``first[b] + (x >= threshold[b])``: two look-ups and a comparison. The few buckets holding two or more cdf
    points (``threshold`` NaN) settle their events by a binary search.
    """

    cdf: np.ndarray  # (P,) cumulative expected events at each place
    total: float
    per_unit: float  # buckets per expected event: bucket(x) = floor(x * per_unit)
    first: np.ndarray  # (buckets + 2,) places whose cdf lies in a lower bucket
    threshold: np.ndarray  # (buckets + 2,) the one cdf in the bucket, inf if none, NaN if several
    position: np.ndarray  # (P,) index of each place in the flattened (cell, month) grid of the rate array
    month: np.ndarray  # (P,) month of the horizon of each place
    cell: np.ndarray  # (P,) cell of each place
    period: np.ndarray  # (P,) reporting period of each place
    regime: np.ndarray  # (P,) benefit-rule regime of each place

    def bucket(self, x: np.ndarray) -> np.ndarray:
        # Non-decreasing in x (multiplying by a positive constant rounds monotonically, truncation keeps the
        # order): the table's exactness rests on this, so the cdf and the draws share the one function. x <= total
        # gives at most buckets (+1 after rounding), which the two spare entries cover.
        return (x * self.per_unit).astype(np.intp)

    def place(self, x: np.ndarray) -> np.ndarray:
        """``min(searchsorted(cdf, x, side="right"), P - 1)``, the same integers, found through the bucket table."""
        b = self.bucket(x)
        threshold = self.threshold[b]
        found = self.first[b]
        found += x >= threshold
        crowded = np.flatnonzero(np.isnan(threshold))  # NaN compares False, so these still need a search
        if crowded.size:
            found[crowded] = self._search(x[crowded], b[crowded])
        return np.minimum(found, self.cdf.size - 1, out=found)

    def _search(self, x: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``searchsorted(cdf, x, side="right")`` for draws in crowded buckets: a vectorised binary search among
        the places whose cdf lies in the draw's bucket (lower buckets hold only cdf <= x, higher ones cdf > x, as
        the bucket is monotone), a few steps where a search over all places would take a dozen."""
        lo, hi = self.first[b], self.first[b + 1]
        active = np.arange(x.size)
        while active.size:
            low, high = lo[active], hi[active]
            mid = (low + high) >> 1
            right = self.cdf[mid] <= x[active]
            low, high = np.where(right, mid + 1, low), np.where(right, high, mid)
            lo[active], hi[active] = low, high
            active = active[low < high]
        return lo


def _index_type(n: int):
    """The narrowest of int32 and intp that holds indices below ``n``: a model's tables are built once per process
    and held for the run, and the national scenario's (514 segments x 496 cells x 12 months) took 760 MB with
    64-bit indices. Indices index and compare alike in either type: only memory depends on it, never a number."""
    return np.int32 if n < 2**31 - 1 else np.intp


def placement(model: Model, rate: np.ndarray) -> Placement:
    full_cdf = np.cumsum(rate.ravel())
    index = _index_type(full_cdf.size + 1)  # positions, cells, months and places all lie below it (and periods)
    position = np.flatnonzero(np.diff(full_cdf, prepend=0.0) > 0)  # where the cdf steps up: the places
    cdf = full_cdf[position]
    total = float(cdf[-1]) if cdf.size else 0.0
    buckets = max(cdf.size * BUCKETS_PER_PLACE, 1)
    per_unit = buckets / total if total > 0 else 0.0
    cell, month = np.divmod(position, rate.shape[1])
    partial = Placement(cdf, total, per_unit, np.zeros(0, index), np.zeros(0), position.astype(index),
                        month.astype(index), cell.astype(index), model.period_of_month[month].astype(index),
                        model.regime_of_month[month].astype(index))
    in_bucket = np.bincount(partial.bucket(cdf), minlength=buckets + 2)
    first = (np.cumsum(in_bucket) - in_bucket).astype(index)
    threshold = np.full(buckets + 2, np.inf)
    single = np.flatnonzero(in_bucket == 1)
    threshold[single] = cdf[first[single]]
    threshold[in_bucket > 1] = np.nan
    return dataclasses.replace(partial, first=first, threshold=threshold)


class _ByPosition:
    """A per-place look-up of a :class:`GroupedPlacement`, worked out for the places asked for instead of tabulated
    for every place: ``look[pos]`` is ``fn(pos)``, ``pos`` the places' positions in the (cell, month) grid."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __getitem__(self, pos) -> np.ndarray:
        return self.fn(np.asarray(pos))


@dataclass(frozen=True)
class GroupedPlacement:
    """:class:`Placement` of a segment with many (cell, month) positions (a long projected horizon: a cohort of cells
    per month, so cells x months grows with the square of the months), without a table of every place.

    The positions are cut into groups of whole cells (cell-major, as the cdf runs), and only each group's cumulative
    expected events at its end are kept. An event with draw ``x`` falls in the first group whose end exceeds ``x``,
    and in it at the first place whose cdf exceeds ``x``; the group's cdf is worked out again when an event falls
    in it, by the same additions from the same start (``np.cumsum`` adds one number after the other), so every event
    falls at the same position as in :func:`placement`'s table. A place here is its position in the grid: ``month``,
    ``cell``, ``period`` and ``regime`` (and the segment's other per-place look-ups, :func:`segment_tables`) are
    worked out from it for the events that ask."""

    rate: np.ndarray  # (C, M) expected events (the exposure's own array)
    total: float
    group_cells: int  # cells per group
    starts: np.ndarray  # (G,) cumulative expected events before each group
    ends: np.ndarray  # (G,) ... at its end
    last_group: int  # the last group holding a place (-1 without any)
    index: type  # integer type of the positions
    month: _ByPosition
    cell: _ByPosition
    period: _ByPosition
    regime: _ByPosition

    @classmethod
    def of(cls, model: Model, rate: np.ndarray) -> "GroupedPlacement":
        months = rate.shape[1]
        per = max(1, GROUP_POSITIONS // max(months, 1))
        index = _index_type(rate.size + 1)
        starts, ends, last, carry = [], [], -1, 0.0
        for g, first in enumerate(range(0, rate.shape[0], per)):
            starts.append(carry)
            cdf = _group_cdf(rate, first, per, carry)
            if cdf.size and cdf[-1] > carry:  # rates are not negative: the cdf stepped up somewhere, a place
                last = g
            carry = float(cdf[-1]) if cdf.size else carry
            ends.append(carry)
        total = ends[last] if last >= 0 else 0.0

        def month(pos):
            return (pos % months).astype(index)

        def cell(pos):
            return (pos // months).astype(index)

        return cls(rate, total, per, np.array(starts), np.array(ends), last, index, _ByPosition(month),
                   _ByPosition(cell), _ByPosition(lambda pos: model.period_of_month[pos % months].astype(index)),
                   _ByPosition(lambda pos: model.regime_of_month[pos % months].astype(index)))

    def group(self, g: int) -> tuple[np.ndarray, np.ndarray]:
        """(cdf, position) of the places of group ``g``, as :func:`placement` has them."""
        first = g * self.group_cells
        cdf = _group_cdf(self.rate, first, self.group_cells, self.starts[g])
        local = np.flatnonzero(np.diff(cdf, prepend=self.starts[g]) > 0)
        return cdf[local], (local + first * self.rate.shape[1]).astype(self.index)

    def groups(self):
        """Yield the positions of every group's places, group by group."""
        for g in range(self.last_group + 1):
            yield self.group(g)[1]

    def place(self, x: np.ndarray) -> np.ndarray:
        """The positions of :func:`placement`'s ``position[place(x)]``: the group first, then the place in it."""
        g = np.minimum(np.searchsorted(self.ends, x, side="right"), self.last_group)
        out = np.empty(x.size, dtype=self.index)
        for k in np.unique(g):
            sel = np.flatnonzero(g == k)
            cdf, position = self.group(int(k))
            out[sel] = position[np.minimum(np.searchsorted(cdf, x[sel], side="right"), cdf.size - 1)]
        return out


def _group_cdf(rate: np.ndarray, first: int, cells: int, start: float) -> np.ndarray:
    """The cumulative expected events over the positions of ``cells`` cells from ``first`` on, from ``start`` (those
    before them): the numbers ``np.cumsum(rate.ravel())`` has there, added in the same order."""
    return np.cumsum(np.concatenate(([start], rate[first : first + cells].ravel())))[1:]


def places_of(model: Model, rate: np.ndarray):
    """:func:`placement`, or for a segment of more than ``GROUP_POSITIONS`` positions a :class:`GroupedPlacement`:
    the same places for every draw."""
    return placement(model, rate) if rate.size <= GROUP_POSITIONS else GroupedPlacement.of(model, rate)


@dataclass(frozen=True)
class Events:
    """The events of one block, segment and peril: the trial of each and its draw ``x`` in [0, total).

    ``pos``, every event's place, is worked out at once only when the reporting period or the rule regime of every
    event is needed; otherwise :meth:`places` places just the events that need it (e.g. the work accidents that
    lead to a scholarship, whose claim month matters). Placing is elementwise, so either way an event gets the
    same place: this saves time, never changes a number.
    """

    pl: Placement
    trial: np.ndarray
    x: np.ndarray | None  # None when no event can ever need its place (the uniforms were skipped, not drawn)
    pos: np.ndarray | None
    draws: Draws  # the events' random numbers, each from its block's stream

    def places(self, sel, subset=slice(None)) -> np.ndarray:
        """The places of ``x[sel][subset]``."""
        if self.pos is not None:
            return self.pos[sel][subset]
        if self.x is None:  # the uniforms were skipped: no event could need a place, so none may be asked for
            if not (isinstance(subset, np.ndarray) and subset.size == 0):
                raise RuntimeError("an event needs the place of a uniform that was skipped")
            return np.zeros(0, dtype=np.intp)
        return self.pl.place(self.x[sel][subset])


def _draw_events(trials: Draws, model: Model, pl: Placement, scale=None, place_all: bool = False,
                 place_some: bool = True) -> Events:
    """Poisson counts per trial for the whole horizon, then a uniform draw for every event, which places it in a
    (cell, month) position (:meth:`Placement.place`).

    ``trials``: the trials' streams (one item per trial). ``scale``: per-trial multipliers of the expected events
    (parameter uncertainty), or None. ``place_all``: place every event now (besides when periods or regimes vary,
    which need every place). ``place_some``: whether any event may need its place later; if not (and none needs
    it now), the streams skip the uniforms instead of drawing them, which leaves every later draw as it was.
    """
    per_trial = trials.poisson(pl.total if scale is None else pl.total * scale)
    trial = np.repeat(np.arange(trials.size), per_trial)
    draws = trials.repeat(per_trial)
    every = place_all or len(model.period_labels) > 1 or len(model.regimes) > 1
    if not (every or place_some):
        draws.skip_uniforms()
        return Events(pl, trial, None, None, draws)
    x = draws.random()
    x *= pl.total
    return Events(pl, trial, x, pl.place(x) if every else None, draws)


@dataclass(frozen=True)
class Tariff:
    """A benefit that pays one of a few fixed amounts, chosen by place: ``amounts[code[place]]`` IDR.

    The amounts are whole Rupiah, and whole numbers add up exactly in floating point, in any order, while every
    partial sum stays below 2**53 (about Rp9 quadrillion). So the collector may count the events at each amount
    and multiply instead of adding the amounts one by one: bit for bit the same totals, for the price of a count.
    """

    amounts: np.ndarray  # (V,) the distinct amounts, IDR
    code: np.ndarray  # (P,) index into ``amounts`` of each place

    @classmethod
    def of(cls, per_place: np.ndarray) -> "Tariff":
        amounts, code = np.unique(np.asarray(per_place, dtype=float), return_inverse=True)
        return cls(amounts, code.astype(_index_type(amounts.size)))

    def exact_for(self, events: int) -> bool:
        """Whether counting gives the exact total of ``events`` payments (whole amounts, sums below 2**53)."""
        return bool(np.all(self.amounts == np.round(self.amounts))) and events * np.abs(self.amounts).max() < 2.0**53


@dataclass(frozen=True)
class SegmentTables:
    """Per-place look-ups of one segment (indexed like its :class:`Placement`), built once per model."""

    jkm: Placement
    jkk: Placement
    jkm_death: tuple  # per regime: the JKM cash :class:`Tariff` of a death at each JKM place (it depends on tenure)
    jkm_scholarship: tuple  # per regime: whether a death at each JKM place earns the scholarship
    scholarship: tuple  # per regime: a child's scholarship per period (the same for every segment)
    # The band of member ages (``children.band_of``) of a claim at each JKM and JKK place: the member's age there
    # decides the children's shares and ages. None with one band (every claim draws alike).
    jkm_band: np.ndarray | None = None
    jkk_band: np.ndarray | None = None


def scholarship_tables(model: Model) -> tuple[PeriodTable, ...]:
    return tuple(period_table(r, model.scenario.children, model.period_of_month) for r in model.regimes)


def _band_of_places(model: Model, exp: SegmentExposure, pl: Placement) -> np.ndarray | None:
    """The band of member ages of an event at each place of ``pl``, or None when the children have one band."""
    children = model.scenario.children
    if len(children.bands) == 1:
        return None
    band = _index_type(len(children.bands))
    if isinstance(pl, GroupedPlacement):
        return _ByPosition(lambda pos: children.band_of(exp.age(pl.cell[pos], pl.month[pos])).astype(band))
    return children.band_of(exp.age(pl.cell, pl.month)).astype(band)


def _grouped_tariff(values, pl: GroupedPlacement) -> Tariff:
    """:meth:`Tariff.of` of ``values(positions)`` at every place of a :class:`GroupedPlacement`: the distinct amounts
    over all its places (found group by group), each event's code looked up from its amount."""
    amounts = np.unique(np.concatenate([np.unique(np.asarray(values(pos), dtype=float)) for pos in pl.groups()]
                                       or [np.zeros(0)]))
    code = _index_type(amounts.size)

    def code_of(pos):
        return np.searchsorted(amounts, np.asarray(values(pos), dtype=float)).astype(code)

    return Tariff(amounts, _ByPosition(code_of))


def segment_tables(model: Model, exp: SegmentExposure, scholarship: tuple | None = None) -> SegmentTables:
    jkm, jkk = places_of(model, exp.jkm_rate), places_of(model, exp.jkk_rate)
    scheme = exp.segment.scheme
    if isinstance(jkm, GroupedPlacement):
        def tenure(pos):
            return exp.tenure0[jkm.cell[pos]] + jkm.month[pos]

        jkm_death = tuple(_grouped_tariff(lambda pos, r=r: jkm_death_benefit(r, scheme, tenure(pos)), jkm)
                          for r in model.regimes)
        jkm_scholarship = tuple(_ByPosition(lambda pos, r=r: jkm_scholarship_eligible(r, tenure(pos)))
                                for r in model.regimes)
    else:
        tenure = exp.tenure0[jkm.cell] + jkm.month
        jkm_death = tuple(Tariff.of(jkm_death_benefit(r, scheme, tenure)) for r in model.regimes)
        jkm_scholarship = tuple(jkm_scholarship_eligible(r, tenure) for r in model.regimes)
    return SegmentTables(
        jkm=jkm,
        jkk=jkk,
        jkm_death=jkm_death,
        jkm_scholarship=jkm_scholarship,
        scholarship=scholarship_tables(model) if scholarship is None else scholarship,
        jkm_band=_band_of_places(model, exp, jkm),
        jkk_band=_band_of_places(model, exp, jkk),
    )


def tables(model: Model) -> tuple[SegmentTables, ...]:
    scholarship = scholarship_tables(model)  # built once, shared by the segments
    return tuple(segment_tables(model, exp, scholarship) for exp in model.segments)


# --- Collecting payments ------------------------------------------------------------------------------------------


class _Collector:
    """Payments as flat (trial, period) bins and amounts per (segment, benefit), summed with bincount at the end.

    Each (segment, benefit) is summed in the order its payments were added, exactly as one bincount over every
    payment would (floating-point addition is not associative, so that order is kept on purpose).

    A benefit with a :class:`Tariff` (``add_tariff``) is counted by amount and multiplied out, which gives the
    same exact totals (whole Rupiah) whatever the order.

    Scholarships come as children instead (``add_children``): the trial and :class:`PeriodTable` row of each child.
    With whole-rupiah tables (the real rules) the rows are summed by trial (bincounts or a sparse product), exact in
    any order (:func:`_rows_by_trial`); otherwise as one entry per child and period, child by child. A child has at
    most one instalment per period and the other entries weigh 0.0, which changes no sum, so each (trial, period)
    adds the same instalments in the same order as one entry per instalment would.
    """

    def __init__(self, trials: int, periods: int, segments: int):
        self.shape = (trials, periods, segments, len(BENEFIT_NAMES))
        self.parts: dict[tuple[int, int], list] = {}
        self.tallies: dict[tuple[int, int], list] = {}
        self.children: dict[tuple[int, int], list] = {}
        self.amounts, self.counts = np.zeros(self.shape), np.zeros(self.shape, dtype=np.int64)

    def add(self, segment: int, benefit: str, bins: np.ndarray, amount) -> None:
        amount = np.broadcast_to(np.asarray(amount, dtype=float), bins.shape)
        self.parts.setdefault((segment, INDEX[benefit]), []).append((bins, amount))

    def add_tariff(self, segment: int, benefit: str, bins: np.ndarray, tariff: Tariff, places: np.ndarray) -> None:
        if bins.size == 0:  # nothing to pay (the arrays start at zero); a segment without members has no amounts
            return
        key = (segment, INDEX[benefit])
        earlier = self.tallies.get(key, [])
        if not tariff.exact_for(bins.size + sum(p[0].size for p in earlier)):
            self.add(segment, benefit, bins, tariff.amounts[tariff.code[places]])
            return
        code = None if tariff.amounts.size == 1 else tariff.code[places]
        self.tallies[key] = [*earlier, (bins, code, tariff.amounts)]

    def add_children(self, segment: int, benefit: str, trial: np.ndarray, table: PeriodTable, key: np.ndarray) -> None:
        self.children.setdefault((segment, INDEX[benefit]), []).append((trial, table, key))

    def flush(self, segment: int) -> None:
        """Sum a finished segment's payments now and drop them, so that a block holds one segment's events at a
        time (a national scenario has hundreds of segments). The sums are the same whenever they are made."""
        split = [_split(d, segment) for d in (self.parts, self.tallies, self.children)]
        self._sum(*(mine for mine, _ in split))
        self.parts, self.tallies, self.children = (rest for _, rest in split)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        self._sum(self.parts, self.tallies, self.children)
        self.parts, self.tallies, self.children = {}, {}, {}
        return self.amounts, self.counts

    def _sum(self, parts_by_key: dict, tallies_by_key: dict, children_by_key: dict) -> None:
        """Write the sums of every segment present. A segment's payments all come in one call (its ``flush``, or
        ``arrays`` for those never flushed), so its slice of the arrays is written once, whole."""
        for s in sorted({s for s, _ in (*parts_by_key, *tallies_by_key, *children_by_key)}):
            mine = [{b: v for (t, b), v in d.items() if t == s}
                    for d in (parts_by_key, tallies_by_key, children_by_key)]
            amounts, counts = self._segment_sums(*mine)
            # One strided copy per segment (runs of a benefit row each), rather than a strided column per benefit.
            self.amounts[:, :, s, :] = amounts.transpose(1, 2, 0)
            self.counts[:, :, s, :] = counts.transpose(1, 2, 0)

    def _segment_sums(self, parts: dict, tallies: dict, children: dict) -> tuple[np.ndarray, np.ndarray]:
        """One segment's sums by benefit: (benefits, trials, periods) amounts and counts, each benefit's contiguous."""
        trials, periods = self.shape[:2]
        bins_per_benefit = trials * periods
        amounts, counts = _part_sums(parts, bins_per_benefit)
        amounts, counts = amounts.reshape(-1, trials, periods), counts.reshape(-1, trials, periods)
        for b, entries in tallies.items():
            for bins, code, values in entries:
                # Number of payments at each (amount, bin), amount-major, then amounts = values @ numbers (exact: whole
                # Rupiah). Amount-major makes a bin's count a sum of a few long rows rather than of many short ones.
                keys = bins if code is None else code * bins_per_benefit + bins
                tally = np.bincount(keys, minlength=values.size * bins_per_benefit).reshape(values.size, -1)
                counts[b] += tally.sum(axis=0).reshape(trials, periods)
                amounts[b] += (values @ tally).reshape(trials, periods)
        for b, entries in children.items():
            if not any(key.size for _, _, key in entries):  # no child paid: the arrays already hold the zeros
                continue
            if _whole_sums(entries):
                both = sum(_rows_by_trial(trial, tab.both, key, trials) for trial, tab, key in entries)
                amounts[b] = both[:, :periods]
                counts[b] = both[:, periods:]
                continue
            # Child-major entries (rather than a bincount per period over all children) also keep consecutive
            # additions in different bins, which makes bincount several times faster.
            bins = _joined([_period_bins(trial, periods) for trial, _, _ in entries])
            amount = _joined([np.take(tab.amount, key, axis=0).ravel() for _, tab, key in entries])
            amounts[b] = np.bincount(bins, weights=amount, minlength=trials * periods).reshape(trials, periods)
            del amount
            count = _joined([np.take(tab.count, key, axis=0).ravel() for _, tab, key in entries])
            counts[b] = np.bincount(bins, weights=count, minlength=trials * periods).reshape(trials, periods)
        return amounts, counts


def _part_sums(parts: dict, bins_per_benefit: int) -> tuple[np.ndarray, np.ndarray]:
    """Amounts and counts of the payments of ``parts`` (benefit -> [(bins, amounts)]) by benefit and bin:
    (benefits * bins_per_benefit,) each, benefit-major.

    One bincount over every benefit, keyed by (benefit, bin), rather than one per benefit: a key belongs to one
    benefit and receives that benefit's payments in the order they were added, so every sum adds the same numbers
    in the same order, and a small population saves a call and a copy per benefit."""
    size = len(BENEFIT_NAMES) * bins_per_benefit
    paid = [(bins + b * bins_per_benefit, amount)
            for b, entries in parts.items() for bins, amount in entries if bins.size]
    if not paid:  # (bincount of nothing would give integer zeros even with weights)
        return np.zeros(size), np.zeros(size, dtype=np.int64)
    keys, amounts = _joined([key for key, _ in paid]), _joined([amount for _, amount in paid])
    return np.bincount(keys, weights=amounts, minlength=size), np.bincount(keys, minlength=size)


def _whole_sums(parts: list) -> bool:
    """Whether children's (trial, period) sums are exact in any order: whole amounts and counts, and even the sum
    of every child's largest entry below 2**53."""
    bound = sum(key.size for _, _, key in parts) * max(tab.largest for _, tab, _ in parts)
    return all(tab.whole for _, tab, _ in parts) and bound < 2.0**53


def _rows_by_trial(trial: np.ndarray, rows: np.ndarray, key: np.ndarray, trials: int) -> np.ndarray:
    """``rows[key]`` summed by ``trial``: (trials, rows.shape[1]).

    Each child adds its table row straight into its trial's row, with no (children x periods) temporaries: for few
    children and columns one bincount per column (a column is a period's amount or count), otherwise a sparse
    (trial x key) matrix of ones times the table, whose construction costs about 0.1-0.2 ms a call but which is
    several times faster for many children or a long horizon (crossover measured in benchmarks/README.md). Both
    add in a different order than the bincount of :meth:`_Collector._segment_sums`, so they are used only when the sums are
    exact whatever the order (:func:`_whole_sums`): then the totals are the same bit for bit, by either path."""
    if key.size * rows.shape[1] <= COLUMNWISE_CHILD_ENTRIES and rows.shape[1] <= COLUMNWISE_MAX_COLUMNS:
        columns = np.empty((rows.shape[1], trials))
        for c in range(rows.shape[1]):  # take from one column: faster than rows[key, c], which gathers by two indices
            columns[c] = np.bincount(trial, weights=rows[:, c].take(key), minlength=trials)
        return columns.T
    if trial.size > 1 and np.any(trial[1:] < trial[:-1]):  # the matrix wants its entries grouped by trial
        order = np.argsort(trial, kind="stable")
        trial, key = trial[order], key[order]
    indptr = np.zeros(trials + 1, dtype=np.intp)
    np.cumsum(np.bincount(trial, minlength=trials), out=indptr[1:])
    ones = scipy.sparse.csr_matrix((np.ones(key.size), key, indptr), shape=(trials, rows.shape[0]))
    return ones @ rows


def _split(parts: dict, segment: int) -> tuple[dict, dict]:
    """(the entries of ``segment``, the others) of a dict keyed by (segment, benefit)."""
    return {k: v for k, v in parts.items() if k[0] == segment}, {k: v for k, v in parts.items() if k[0] != segment}


def _joined(arrays: list) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _period_bins(trial: np.ndarray, periods: int) -> np.ndarray:
    """The (trial, period) bin of every period of every child, child by child: (children * periods,)."""
    first = trial * periods
    if periods > COLUMNS_UP_TO_PERIODS:  # long horizons: strided column writes get slow, whole rows win
        return np.repeat(first, periods) + np.tile(np.arange(periods), trial.size)
    bins = np.empty((trial.size, periods), dtype=np.intp)
    for p in range(periods):  # a column at a time: faster than broadcasting over rows of a few periods
        np.add(first, p, out=bins[:, p])
    return bins.ravel()


# --- Simulating a block -------------------------------------------------------------------------------------------


def _bins(model: Model, pl: Placement, trial: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """The (trial, period) bin of every event: flat index trial * periods + period."""
    periods = len(model.period_labels)
    return trial if periods == 1 else trial * periods + pl.period[pos]


def _by_regime(model: Model, pl: Placement, pos: np.ndarray):
    """Yield (regime, rules, selection) for each benefit-rule regime present among the events at ``pos``."""
    if len(model.regimes) == 1:
        yield 0, model.regimes[0], slice(None)
        return
    regime = pl.regime[pos]
    for r, rules in enumerate(model.regimes):
        selected = np.flatnonzero(regime == r)
        if selected.size:
            yield r, rules, selected


def _scholarships(draws: Draws, model: Model, out: _Collector, s: int, benefit: str, trial, month, rules,
                  table, band=None) -> None:
    """Children of the claims in ``trial`` and ``month`` (the draws of :func:`sample_instalments`; ``draws``: the
    claims' streams; ``band``: each claim's band of member ages, None with one band), paid through the regime's
    :class:`PeriodTable`."""
    kids = sample_children(draws, rules, model.scenario.children, band)
    key = table.key(month[kids.claim], kids.age, kids.levels)
    # Children paid nothing inside the horizon (past their last level, or not at school before it ends) add only
    # zeros: leaving them out saves a table row each and changes no sum.
    paid = np.flatnonzero(table.paid[key])
    out.add_children(s, benefit, trial[kids.claim[paid]], table, key[paid])


def _simulate_jkm(model: Model, tab: SegmentTables, s: int, trials: Draws, out: _Collector, scale) -> np.ndarray:
    """Non-work deaths of one segment; returns the number of deaths drawn in each block."""
    # Every death needs its place: the JKM benefit and the scholarship depend on the tenure there.
    ev = _draw_events(trials, model, tab.jkm, scale, place_all=True)
    bins = _bins(model, ev.pl, ev.trial, ev.pos)
    for r, rules, sel in _by_regime(model, ev.pl, ev.pos):
        t, p = ev.trial[sel], ev.pos[sel]
        out.add_tariff(s, "jkm_death", bins[sel], tab.jkm_death[r], p)
        claims = np.flatnonzero(tab.jkm_scholarship[r][p])  # indices: gathering by them beats boolean masks
        band = None if tab.jkm_band is None else tab.jkm_band[p[claims]]
        _scholarships(ev.draws.of(sel).of(claims), model, out, s, "jkm_scholarship", t[claims],
                      ev.pl.month[p[claims]], rules, tab.scholarship[r], band)
    return ev.draws.sizes


def _simulate_jkk(model: Model, tab: SegmentTables, s: int, trials: Draws, out: _Collector, scale) -> np.ndarray:
    """Work accidents of one segment; returns the number of accidents drawn in each block."""
    # Over one reporting period and one rule regime only the accidents that lead to a scholarship need a place
    # (their claim month): the others are not placed at all, unless care costs or the wage differ between their
    # months.
    price, wages = model.derived(care_prices), model.derived(segment_wages)[s]
    ev = _draw_events(trials, model, tab.jkk, scale, place_all=price is not None or wages is not None,
                      place_some=may_have_scholarship(model.scenario.severity))
    bins = _bins(model, ev.pl, ev.trial, ev.pos)
    wage = model.segments[s].segment.wage
    for r, rules, sel in _by_regime(model, ev.pl, ev.pos):
        b, t = bins[sel], ev.trial[sel]
        draws = ev.draws.of(sel)
        at = None if price is None else price[ev.pl.month[ev.pos[sel]]]  # each case's care price factor
        paid_on = wage if wages is None else wages[ev.pl.month[ev.pos[sel]]]  # each case's wage, when it grows
        cases = sample_cases(draws, paid_on, rules, model.scenario.severity, at)
        out.add(s, "jkk_medical", b, cases.medical)
        for benefit, (paid, amount) in cases.paid.items():
            out.add(s, benefit, b[paid], amount)
        places = ev.places(sel, cases.scholarship)
        band = None if tab.jkk_band is None else tab.jkk_band[places]
        _scholarships(draws.of(cases.scholarship), model, out, s, "jkk_scholarship", t[cases.scholarship],
                      ev.pl.month[places], rules, tab.scholarship[r], band)
    return ev.draws.sizes


def segment_wages(model: Model) -> tuple:
    """Each segment's wage in each month (``accident.wage_by_month``), or None for a segment whose wage is the same
    in every month (no wage growth, a BPU segment, or one calendar year): then every accident is paid on the stated
    wage. Kept on the model (``model.derived(segment_wages)``), built once per model."""
    dates = model.month_dates
    return tuple(wage_by_month(e.segment, dates) if wages_vary(e.segment, dates) else None for e in model.segments)


def care_prices(model: Model) -> np.ndarray | None:
    """Each month's care price factor (``accident.care_price_by_month``), or None when every month has the same
    (no trend, or one calendar year): then care costs are as drawn, and an accident needs no place for them. Kept
    on the model (``model.derived(care_prices)``), built once per model."""
    sev = model.scenario.severity
    return care_price_by_month(sev, model.month_dates) if care_prices_vary(sev, model.month_dates) else None


def intensity_scales(model: Model, block: Block):
    """Per-trial (mortality, accident) multipliers drawn from the scenario's parameter draws, or (None, None).

    Each trial picks one posterior draw, from a stream of its own, so parameter uncertainty is carried into the
    forecast without shifting the event streams.
    """
    draws = model.scenario.intensity_draws
    if not draws:
        return None, None
    rng = _generator(np.random.SeedSequence(model.scenario.seed, spawn_key=(block.index, UNCERTAINTY_KEY)))
    picked = rng.integers(0, len(draws), block.trials)
    mortality, accident = model.derived(draw_columns)
    return mortality[picked], accident[picked]


def draw_columns(model: Model) -> tuple[np.ndarray, np.ndarray]:
    """The (mortality, accident) multipliers of the scenario's parameter draws as two arrays. Kept on the model
    (``model.derived(draw_columns)``), built once per model rather than per block: converting the tuple, or hashing
    it for a cache, costs more than the block's own draw."""
    both = np.asarray(model.scenario.intensity_draws, dtype=float)
    return np.ascontiguousarray(both[:, 0]), np.ascontiguousarray(both[:, 1])


def simulate_block(model: Model, block: Block, tabs: tuple | None = None) -> BlockResult:
    """Simulate one block of trials; ``tabs`` (from :func:`tables`) saves rebuilding the look-ups per block."""
    return simulate_blocks(model, [block], tabs)[0]


def simulate_blocks(model: Model, batch: list[Block], tabs: tuple | None = None) -> list[BlockResult]:
    """Simulate several blocks in one vectorised pass: each block's numbers come from its own streams
    (:class:`~sim.streams.Draws`), so every result is bit for bit what :func:`simulate_block` gives for it alone."""
    tabs = tables(model) if tabs is None else tabs
    trials = [b.trials for b in batch]
    out = _Collector(sum(trials), len(model.period_labels), len(model.segments))
    death_scale, accident_scale = _batch_scales(model, batch)
    events = np.zeros(len(batch), dtype=np.int64)
    seed = model.scenario.seed
    for s, (exp, tab) in enumerate(zip(model.segments, tabs)):
        name = exp.segment.name
        jkm = Draws.by_block([stream(seed, b.index, name, PERIL_JKM) for b in batch], trials)
        jkk = Draws.by_block([stream(seed, b.index, name, PERIL_JKK) for b in batch], trials)
        events += _simulate_jkm(model, tab, s, jkm, out, death_scale)
        events += _simulate_jkk(model, tab, s, jkk, out, accident_scale)
        out.flush(s)
    amounts, counts = out.arrays()
    first = np.cumsum([0, *trials])
    return [BlockResult(b, amounts[first[i]:first[i + 1]], counts[first[i]:first[i + 1]], int(events[i]))
            for i, b in enumerate(batch)]


def _batch_scales(model: Model, batch: list[Block]):
    """:func:`intensity_scales` of the blocks of a batch, joined trial after trial."""
    scales = [intensity_scales(model, b) for b in batch]
    if scales[0][0] is None:
        return None, None
    return tuple(np.concatenate(part) for part in zip(*scales))


def batches(model: Model, chunk: list[Block], tabs: tuple) -> list[list[Block]]:
    """The chunk's blocks grouped for :func:`simulate_blocks`: as many as keep a pass near ``EVENTS_PER_BATCH``
    expected events and ``OUTPUT_PER_BATCH`` output entries (at least one block). Grouping changes no number, only
    how often NumPy's fixed cost per call is paid: small populations have few events per block."""
    per_trial = sum(t.jkm.total + t.jkk.total for t in tabs)  # expected events of a trial (before uncertainty)
    entries = len(model.period_labels) * len(model.segments) * len(BENEFIT_NAMES)
    per_batch = int(min(EVENTS_PER_BATCH / max(per_trial * BLOCK_TRIALS, 1.0),
                        OUTPUT_PER_BATCH / (entries * BLOCK_TRIALS)))
    per_batch = max(per_batch, 1)
    return [chunk[i : i + per_batch] for i in range(0, len(chunk), per_batch)]


def simulate_chunk(model: Model, chunk: list[Block]) -> list[BlockResult]:
    """One unit of work for a worker: a few consecutive blocks, sharing the model's look-up tables and, when
    they are small, vectorised passes (:func:`batches`)."""
    tabs = _tables_of(model)
    return [result for batch in batches(model, chunk, tabs) for result in simulate_blocks(model, batch, tabs)]


def _tables_of(model: Model) -> tuple:
    """``tables(model)``, built once per model object rather than once per chunk (a national model's take 0.25 s)
    and kept on the model (:meth:`~sim.population.Model.derived`): a run's chunks, or a Dask worker's tasks, share
    one model; threads running different models each get their own."""
    return model.derived(tables)
