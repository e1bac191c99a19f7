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
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from .accident import DEATH, PARTIAL, TOTAL, WITH_INCAPACITY, WITH_SCHOLARSHIP, sample_cases
from .benefits import BENEFIT_NAMES, INDEX
from .population import Model, SegmentExposure
from .regulation import jkm_death_benefit, jkm_scholarship_eligible
from .scholarship import sample_instalments

BLOCK_TRIALS = 1000
PERIL_JKM, PERIL_JKK = 1, 2
# Which kinds of work-accident case receive each benefit besides medical care (all cases get that).
PAID_TO_KINDS = {
    "jkk_temporary": WITH_INCAPACITY,
    "jkk_partial": (PARTIAL,),
    "jkk_total": (TOTAL,),
    "jkk_death": (DEATH,),
}


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


class _Collector:
    """Flat (trial, period, segment, benefit) indices and values, summed with one bincount at the end."""

    def __init__(self, trials: int, periods: int, segments: int):
        self.shape = (trials, periods, segments, len(BENEFIT_NAMES))
        self.index, self.amount = [], []

    def add(self, trial, period, segment: int, benefit: str, amount) -> None:
        p, s, b = self.shape[1:]
        self.index.append(((np.asarray(trial) * p + period) * s + segment) * b + INDEX[benefit])
        self.amount.append(np.broadcast_to(np.asarray(amount, dtype=float), np.shape(trial)))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        size = int(np.prod(self.shape))
        if not self.index:
            return np.zeros(self.shape), np.zeros(self.shape, dtype=np.int64)
        index = np.concatenate(self.index)
        amounts = np.bincount(index, weights=np.concatenate(self.amount), minlength=size).reshape(self.shape)
        counts = np.bincount(index, minlength=size).reshape(self.shape)
        return amounts, counts


def _place_events(rng, rate: np.ndarray, trials: int):
    """Poisson counts per trial for the whole horizon, then a (cell, month) for every event."""
    flat = rate.ravel()
    cdf = np.cumsum(flat)
    total = cdf[-1] if cdf.size else 0.0
    per_trial = rng.poisson(total, trials)
    n = int(per_trial.sum())
    trial = np.repeat(np.arange(trials), per_trial)
    position = np.minimum(np.searchsorted(cdf, rng.random(n) * total, side="right"), flat.size - 1)
    cell, month = np.divmod(position, rate.shape[1])
    return trial, cell, month


def _by_regime(model: Model, month: np.ndarray):
    """Yield (rules, mask) for each benefit-rule regime present among the events' months."""
    if len(model.regimes) == 1:
        yield model.regimes[0], slice(None)
        return
    regime = model.regime_of_month[month]
    for r, rules in enumerate(model.regimes):
        mask = regime == r
        if mask.any():
            yield rules, mask


def _scholarships(rng, model, out, s, benefit, trial, month, rules):
    claim, pay_month, amount = sample_instalments(rng, month, rules, model.scenario.children, model.months)
    out.add(trial[claim], model.period_of_month[pay_month], s, benefit, amount)


def _simulate_jkm(model: Model, exp: SegmentExposure, s: int, rng, trials: int, out: _Collector) -> int:
    trial, cell, month = _place_events(rng, exp.jkm_rate, trials)
    period = model.period_of_month[month]
    tenure = exp.tenure0[cell] + month
    for rules, mask in _by_regime(model, month):
        out.add(trial[mask], period[mask], s, "jkm_death", jkm_death_benefit(rules, exp.segment.scheme, tenure[mask]))
        eligible = np.flatnonzero(jkm_scholarship_eligible(rules, tenure[mask]))
        idx = np.arange(trial.size)[mask][eligible]
        _scholarships(rng, model, out, s, "jkm_scholarship", trial[idx], month[idx], rules)
    return trial.size


def _simulate_jkk(model: Model, exp: SegmentExposure, s: int, rng, trials: int, out: _Collector) -> int:
    trial, cell, month = _place_events(rng, exp.jkk_rate, trials)
    period = model.period_of_month[month]
    for rules, mask in _by_regime(model, month):
        t, p = trial[mask], period[mask]
        cases = sample_cases(rng, t.size, exp.segment.wage, rules, model.scenario.severity)
        out.add(t, p, s, "jkk_medical", cases["jkk_medical"])
        for benefit, kinds in PAID_TO_KINDS.items():
            hit = np.isin(cases["kind"], kinds)
            out.add(t[hit], p[hit], s, benefit, cases[benefit][hit])
        with_sch = np.isin(cases["kind"], WITH_SCHOLARSHIP)
        _scholarships(rng, model, out, s, "jkk_scholarship", t[with_sch], month[mask][with_sch], rules)
    return trial.size


def simulate_block(model: Model, block: Block) -> BlockResult:
    out = _Collector(block.trials, len(model.period_labels), len(model.segments))
    events = 0
    for s, exp in enumerate(model.segments):
        name = exp.segment.name
        seed = model.scenario.seed
        events += _simulate_jkm(model, exp, s, stream(seed, block.index, name, PERIL_JKM), block.trials, out)
        events += _simulate_jkk(model, exp, s, stream(seed, block.index, name, PERIL_JKK), block.trials, out)
    amounts, counts = out.arrays()
    return BlockResult(block, amounts, counts, events)


def simulate_chunk(model: Model, chunk: list[Block]) -> list[BlockResult]:
    """One unit of work for a worker: a few consecutive blocks."""
    return [simulate_block(model, b) for b in chunk]
