"""The Monte Carlo engine: non-work deaths and work accidents, trial by trial, paid under the rules.

Cost grows with the number of simulated claims, not with members x months x trials. For each trial, segment and
peril (JKM death, JKK accident) the engine draws one Poisson count for the whole horizon, with mean the sum of the
expected events over all cells and months; it then places each event in a (cell, month) with probability
proportional to that cell-month's expected events. This is the same compound Poisson process as drawing every
cell-month separately (a Poisson process split by independent marking), at a cost per event.

Reproducibility: trials are grouped in fixed blocks of ``BLOCK_TRIALS``. Every block, segment and peril has its own
random stream, ``SeedSequence(seed, spawn_key=(block, segment key, peril))``, so a block's numbers depend only on
the seed and the block, never on how blocks are grouped into chunks or which worker runs them; adding a segment
leaves the other segments' noise unchanged (common random numbers across scenarios).

Speed (see benchmarks/README.md): everything that depends only on a (cell, month) position, such as its month,
reporting period, rule regime, JKM benefit and scholarship eligibility, is tabulated once per model, so each event
costs a few array look-ups; placing an event uses a guide table instead of a binary search over all positions; a
child's scholarship per reporting period is looked up by (claim month, age, levels reached) instead of being
expanded into instalments. None of this changes a single number: the same draws are made in the same order and
summed in the same order.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from .accident import sample_cases
from .benefits import BENEFIT_NAMES, INDEX
from .population import Model, SegmentExposure
from .regulation import jkm_death_benefit, jkm_scholarship_eligible
from .scholarship import PeriodTable, period_table, sample_children

BLOCK_TRIALS = 1000
PERIL_JKM, PERIL_JKK = 1, 2
UNCERTAINTY_KEY = 0  # spawn-key slot of the parameter-draw stream (segment keys are crc32 values of names)
GUIDE_BUCKETS_PER_POSITION = 4  # guide-table size; only speed depends on it, never the numbers


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
    return np.random.default_rng(seq)


# --- Placing events in (cell, month) positions -----------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """The (cell, month) positions of one segment and peril, flattened cell-major, and what each one implies.

    An event with uniform draw ``x`` in [0, total) falls at position ``searchsorted(cdf, x, side="right")``, the
    first whose cumulative expected events exceed ``x``. With tens of thousands of positions and random keys that
    binary search costs about 150 ns an event, once the largest cost of a run, so ``position`` uses a guide table
    ("indexed search"): ``guide[j]`` counts the positions whose cdf lies in a bucket below ``j``, which narrows each
    search to the positions sharing the event's bucket (usually none or one).
    """

    cdf: np.ndarray  # (F,) cumulative expected events
    total: float
    guide: np.ndarray  # (buckets + 1,)
    month: np.ndarray  # (F,) month of the horizon of each position
    cell: np.ndarray  # (F,) cell of each position
    period: np.ndarray  # (F,) reporting period of each position
    regime: np.ndarray  # (F,) benefit-rule regime of each position

    @property
    def buckets(self) -> int:
        return self.guide.size - 1

    def bucket(self, x: np.ndarray) -> np.ndarray:
        # Non-decreasing in x (division and multiplication by positive constants round monotonically, truncation
        # and clipping keep the order): the guide's exactness rests on this, so positions and draws share it.
        scaled = x / self.total
        scaled *= self.buckets
        b = scaled.astype(np.intp)
        return np.minimum(b, self.buckets - 1, out=b)

    def position(self, x: np.ndarray) -> np.ndarray:
        """``min(searchsorted(cdf, x, side="right"), F - 1)``, the same integers, found through the guide table."""
        if x.size == 0:
            return np.zeros(0, dtype=np.intp)
        b = self.bucket(x)
        lo, hi = self.guide[b], self.guide[b + 1]
        # Positions in lower buckets have cdf <= x and positions in higher buckets have cdf > x (the bucket is
        # monotone), so the answer lies in [lo, hi]; a vectorised binary search settles the few with lo < hi.
        active = np.flatnonzero(lo < hi)
        while active.size:
            low, high = lo[active], hi[active]
            mid = (low + high) >> 1
            right = self.cdf[mid] <= x[active]
            low, high = np.where(right, mid + 1, low), np.where(right, high, mid)
            lo[active], hi[active] = low, high
            active = active[low < high]
        return np.minimum(lo, self.cdf.size - 1, out=lo)


def placement(model: Model, rate: np.ndarray) -> Placement:
    cdf = np.cumsum(rate.ravel())
    total = float(cdf[-1]) if cdf.size else 0.0
    buckets = max(cdf.size * GUIDE_BUCKETS_PER_POSITION, 1)
    guide = np.zeros(buckets + 1, dtype=np.intp)
    cell, month = np.divmod(np.arange(cdf.size), rate.shape[1])
    pl = Placement(cdf, total, guide, month, cell, model.period_of_month[month], model.regime_of_month[month])
    if total > 0:
        np.cumsum(np.bincount(pl.bucket(cdf), minlength=buckets), out=guide[1:])
    return pl


def _place_events(rng, pl: Placement, trials: int, scale=None):
    """Poisson counts per trial for the whole horizon, then a (cell, month) position for every event.

    ``scale``: per-trial multipliers of the expected events (parameter uncertainty), or None.
    """
    per_trial = rng.poisson(pl.total if scale is None else pl.total * scale, trials)
    n = int(per_trial.sum())
    trial = np.repeat(np.arange(trials), per_trial)
    x = rng.random(n)
    x *= pl.total
    return trial, pl.position(x)


@dataclass(frozen=True)
class SegmentTables:
    """Per-position look-ups of one segment, built once per model."""

    jkm: Placement
    jkk: Placement
    jkm_death: tuple  # per regime: JKM cash for a death at each JKM position (it depends on tenure)
    jkm_scholarship: tuple  # per regime: whether a death at each JKM position earns the scholarship
    scholarship: tuple  # per regime: a child's scholarship per period (the same for every segment)


def scholarship_tables(model: Model) -> tuple[PeriodTable, ...]:
    return tuple(period_table(r, model.scenario.children, model.period_of_month) for r in model.regimes)


def segment_tables(model: Model, exp: SegmentExposure, scholarship: tuple | None = None) -> SegmentTables:
    jkm = placement(model, exp.jkm_rate)
    tenure = exp.tenure0[jkm.cell] + jkm.month
    return SegmentTables(
        jkm=jkm,
        jkk=placement(model, exp.jkk_rate),
        jkm_death=tuple(
            np.asarray(jkm_death_benefit(r, exp.segment.scheme, tenure), dtype=float) for r in model.regimes
        ),
        jkm_scholarship=tuple(jkm_scholarship_eligible(r, tenure) for r in model.regimes),
        scholarship=scholarship_tables(model) if scholarship is None else scholarship,
    )


def tables(model: Model) -> tuple[SegmentTables, ...]:
    scholarship = scholarship_tables(model)  # built once, shared by the segments
    return tuple(segment_tables(model, exp, scholarship) for exp in model.segments)


# --- Collecting payments ------------------------------------------------------------------------------------------


class _Collector:
    """Payments as flat (trial, period) bins and amounts per (segment, benefit), summed with bincount at the end.

    Each (segment, benefit) is summed in the order its payments were added, exactly as one bincount over every
    payment would (floating-point addition is not associative, so that order is kept on purpose).

    Scholarships come as children instead (``add_children``): the trial and :class:`PeriodTable` row of each child,
    summed as one entry per child and period, child by child. A child has at most one instalment per period and
    the other entries weigh 0.0, which changes no sum, so each (trial, period) adds the same instalments in the
    same order as one entry per instalment would.
    """

    def __init__(self, trials: int, periods: int, segments: int):
        self.shape = (trials, periods, segments, len(BENEFIT_NAMES))
        self.parts: dict[tuple[int, int], list] = {}
        self.children: dict[tuple[int, int], list] = {}
        self.amounts, self.counts = np.zeros(self.shape), np.zeros(self.shape, dtype=np.int64)

    def add(self, segment: int, benefit: str, bins: np.ndarray, amount) -> None:
        amount = np.broadcast_to(np.asarray(amount, dtype=float), bins.shape)
        self.parts.setdefault((segment, INDEX[benefit]), []).append((bins, amount))

    def add_children(self, segment: int, benefit: str, trial: np.ndarray, table: PeriodTable, key: np.ndarray) -> None:
        self.children.setdefault((segment, INDEX[benefit]), []).append((trial, table, key))

    def flush(self, segment: int) -> None:
        """Sum a finished segment's payments now and drop them, so that a block holds one segment's events at a
        time (a national scenario has hundreds of segments). The sums are the same whenever they are made."""
        self._sum({k: v for k, v in self.parts.items() if k[0] == segment},
                  {k: v for k, v in self.children.items() if k[0] == segment})
        self.parts = {k: v for k, v in self.parts.items() if k[0] != segment}
        self.children = {k: v for k, v in self.children.items() if k[0] != segment}

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        self._sum(self.parts, self.children)
        self.parts, self.children = {}, {}
        return self.amounts, self.counts

    def _sum(self, parts_by_key: dict, children_by_key: dict) -> None:
        trials, periods = self.shape[:2]
        amounts, counts = self.amounts, self.counts
        for (s, b), parts in parts_by_key.items():
            # Usually one part per (segment, benefit); more only when the benefit rules change within the horizon.
            bins, weights = parts[0] if len(parts) == 1 else (np.concatenate(p) for p in zip(*parts))
            amounts[:, :, s, b] = np.bincount(bins, weights=weights, minlength=trials * periods).reshape(trials, periods)
            counts[:, :, s, b] = np.bincount(bins, minlength=trials * periods).reshape(trials, periods)
        for (s, b), parts in children_by_key.items():
            # Child-major entries (rather than a bincount per period over all children) also keep consecutive
            # additions in different bins, which makes bincount several times faster.
            bins = _joined([_period_bins(trial, periods) for trial, _, _ in parts])
            amount = _joined([np.take(tab.amount, key, axis=0).ravel() for _, tab, key in parts])
            amounts[:, :, s, b] = np.bincount(bins, weights=amount, minlength=trials * periods).reshape(trials, periods)
            del amount
            count = _joined([np.take(tab.count, key, axis=0).ravel() for _, tab, key in parts])
            counts[:, :, s, b] = np.bincount(bins, weights=count, minlength=trials * periods).reshape(trials, periods)


def _joined(arrays: list) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _period_bins(trial: np.ndarray, periods: int) -> np.ndarray:
    """The (trial, period) bin of every period of every child, child by child: (children * periods,)."""
    bins = np.empty((trial.size, periods), dtype=np.intp)
    first = trial * periods
    for p in range(periods):  # a column at a time: faster than broadcasting over rows of a few periods
        np.add(first, p, out=bins[:, p])
    return bins.ravel()


# --- Simulating a block -------------------------------------------------------------------------------------------


def _by_regime(model: Model, regime: np.ndarray):
    """Yield (regime, rules, selection) for each benefit-rule regime present among the events."""
    if len(model.regimes) == 1:
        yield 0, model.regimes[0], slice(None)
        return
    for r, rules in enumerate(model.regimes):
        selected = np.flatnonzero(regime == r)
        if selected.size:
            yield r, rules, selected


def _scholarships(rng, model: Model, out: _Collector, s: int, benefit: str, trial, month, rules, table) -> None:
    """Children of the claims in ``trial`` and ``month`` (the draws of :func:`sample_instalments`), paid through
    the regime's :class:`PeriodTable`."""
    kids = sample_children(rng, trial.size, rules, model.scenario.children)
    key = table.key(month[kids.claim], kids.age, kids.levels)
    # Children paid nothing inside the horizon (past their last level, or not at school before it ends) add only
    # zeros: leaving them out saves a table row each and changes no sum.
    paid = np.flatnonzero(table.paid[key])
    out.add_children(s, benefit, trial[kids.claim[paid]], table, key[paid])


def _simulate_jkm(model: Model, tab: SegmentTables, s: int, rng, trials: int, out: _Collector, scale) -> int:
    pl = tab.jkm
    trial, pos = _place_events(rng, pl, trials, scale)
    bins = trial * len(model.period_labels) + pl.period[pos]
    for r, rules, sel in _by_regime(model, pl.regime[pos]):
        t, p = trial[sel], pos[sel]
        out.add(s, "jkm_death", bins[sel], tab.jkm_death[r][p])
        claims = np.flatnonzero(tab.jkm_scholarship[r][p])  # indices: gathering by them beats boolean masks
        _scholarships(rng, model, out, s, "jkm_scholarship", t[claims], pl.month[p[claims]], rules, tab.scholarship[r])
    return trial.size


def _simulate_jkk(model: Model, tab: SegmentTables, s: int, rng, trials: int, out: _Collector, scale) -> int:
    pl = tab.jkk
    trial, pos = _place_events(rng, pl, trials, scale)
    bins = trial * len(model.period_labels) + pl.period[pos]
    wage = model.segments[s].segment.wage
    for r, rules, sel in _by_regime(model, pl.regime[pos]):
        b, t, month = bins[sel], trial[sel], pl.month[pos[sel]]
        cases = sample_cases(rng, b.size, wage, rules, model.scenario.severity)
        out.add(s, "jkk_medical", b, cases.medical)
        for benefit, (paid, amount) in cases.paid.items():
            out.add(s, benefit, b[paid], amount)
        _scholarships(
            rng, model, out, s, "jkk_scholarship", t[cases.scholarship], month[cases.scholarship], rules,
            tab.scholarship[r],
        )
    return trial.size


def intensity_scales(model: Model, block: Block):
    """Per-trial (mortality, accident) multipliers drawn from the scenario's parameter draws, or (None, None).

    Each trial picks one posterior draw, from a stream of its own, so parameter uncertainty is carried into the
    forecast without shifting the event streams.
    """
    draws = model.scenario.intensity_draws
    if not draws:
        return None, None
    rng = np.random.default_rng(np.random.SeedSequence(model.scenario.seed, spawn_key=(block.index, UNCERTAINTY_KEY)))
    picked = np.asarray(draws)[rng.integers(0, len(draws), block.trials)]
    return picked[:, 0], picked[:, 1]


def simulate_block(model: Model, block: Block, tabs: tuple | None = None) -> BlockResult:
    """Simulate one block of trials; ``tabs`` (from :func:`tables`) saves rebuilding the look-ups per block."""
    tabs = tables(model) if tabs is None else tabs
    out = _Collector(block.trials, len(model.period_labels), len(model.segments))
    death_scale, accident_scale = intensity_scales(model, block)
    events = 0
    seed = model.scenario.seed
    for s, (exp, tab) in enumerate(zip(model.segments, tabs)):
        name = exp.segment.name
        jkm_rng, jkk_rng = stream(seed, block.index, name, PERIL_JKM), stream(seed, block.index, name, PERIL_JKK)
        events += _simulate_jkm(model, tab, s, jkm_rng, block.trials, out, death_scale)
        events += _simulate_jkk(model, tab, s, jkk_rng, block.trials, out, accident_scale)
        out.flush(s)
    amounts, counts = out.arrays()
    return BlockResult(block, amounts, counts, events)


def simulate_chunk(model: Model, chunk: list[Block]) -> list[BlockResult]:
    """One unit of work for a worker: a few consecutive blocks, sharing the model's look-up tables."""
    tabs = tables(model)
    return [simulate_block(model, b, tabs) for b in chunk]
