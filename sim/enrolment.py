"""The enrolment pipeline, a SimPy model: quota rounds, RT heads' proposals, verification, submission, registration.

Each fiscal year (the calendar year; the first round is the first month of the horizon) the city's planner sets
every expanding segment's quota for the year-end (:func:`quota_target`) and asks RT heads for the names still
missing:

    names proposed = (target - current members expected in force at the year-end - names still in the pipeline
                      that are expected to pass - names waiting: held for lack of money, or verified and waiting
                      for a place under the quota)
                     / (share of names passing every stage x share of an entrant still in force at the year-end)

so the city over-proposes to allow for the rejections and the exits it expects (assumption; the entrant is assumed
to register after the pipeline's nominal lead time, ``nominal_lead_months``, without queueing). RT heads hand the names in evenly
over ``proposal_months`` months. Then four stages, each a SimPy process with a monthly capacity (names it can
take per month, first come first served across segments), a duration (months from taking a name to deciding) and
a rejection rate: the kelurahan verifies, the kecamatan verifies, the city's manpower department (Disnaker)
submits, BPJS Ketenagakerjaan registers. A name registered in month m is covered and paid for from month m
(``sim.expansion`` registers it only within the quota's places, then checks that the money is there).

The clock is the month: stages act at whole months and durations are whole months, so every pipeline event
happens at an integer time and the register office (``sim.expansion``) books month m at time m + 0.5, after all of
them.

Modes (``[pipeline].mode``): ``expected`` (the default) moves expected numbers of names (fractions allowed) and
rejects the expected share, so the registration path is one deterministic path; ``sampled`` moves whole names and
draws rejections binomially from the scenario's own stream ``SeedSequence(seed, spawn_key=(ENROLMENT_KEY, 0))``.
Either way the pipeline runs ONCE per scenario: enrolment randomness is not varied per Monte Carlo trial
(assumption, in the README), and the engine's trials all share that one registration path.
"""

from __future__ import annotations

import copy
import math
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import simpy

from .planning_schema import Pipeline, Quota, Ucj

ENROLMENT_KEY = zlib.crc32(b"enrolment")  # first spawn-key word of the pipeline's stream (engine keys differ)
EPS = 1e-9


def enrolment_stream(seed: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(ENROLMENT_KEY, 0)))


# --- Quota paths ----------------------------------------------------------------------------------------------


def ucj_gap(ucj: Ucj) -> float:
    """Members to add for the UCJ target: target share x employed persons - members already covered (>= 0).

    Assumption: BPJS TK members outside this scheme and the number of employed persons stay as they are."""
    return max(ucj.target_share * ucj.employed_persons - ucj.covered_persons, 0.0)


def quota_target(quota: Quota, year: int, first_year: int, start_members: float, ucj: Ucj | None) -> float | None:
    """Members the segment aims to have in force at the end of ``year``; None: no quota that year.

    ``quota.scale`` (the budget solver's) scales the path's distance from the starting members."""
    target = _raw_target(quota, year, first_year, start_members, ucj)
    if target is None or quota.scale == 1.0:
        return target
    return max(start_members + quota.scale * (target - start_members), 0.0)


def _raw_target(quota: Quota, year: int, first_year: int, start_members: float, ucj: Ucj | None) -> float | None:
    k = year - first_year  # 0 in the first fiscal year
    if quota.kind == "targets":
        listed = sorted((y, n) for y, n in quota.targets if y is not None)
        if not listed:  # one number for every year
            return quota.targets[0][1]
        before = [n for y, n in listed if y <= year]
        return before[-1] if before else None  # years after the last listed keep its target
    if quota.kind == "growth_rate":
        target = start_members * (1.0 + quota.growth_rate) ** (k + 1)
        return min(target, quota.growth_cap) if quota.growth_cap is not None else target
    # UCJ: the segment's share of the gap, reached in equal steps by the target year.
    steps = max(ucj.target_year - first_year + 1, 1)
    return start_members + quota.ucj_allocation * ucj_gap(ucj) * min(1.0, (k + 1) / steps)


# --- The pipeline ---------------------------------------------------------------------------------------------


@dataclass
class Batch:
    segment: str
    names: float


@dataclass
class StageLog:
    """Names per stage, segment and month: taken in, rejected, passed on."""

    taken: dict = field(default_factory=lambda: defaultdict(float))  # (segment, month) -> names
    rejected: dict = field(default_factory=lambda: defaultdict(float))
    passed: dict = field(default_factory=lambda: defaultdict(float))


class EnrolmentPipeline:
    """The four stages as SimPy processes; ``propose`` feeds names in, ``deliver(month, segment, names)`` receives
    the names BPJS registered."""

    def __init__(self, env: simpy.Environment, spec: Pipeline, deliver, rng: np.random.Generator | None = None):
        self.env, self.spec, self.deliver = env, spec, deliver
        self.whole = spec.mode == "sampled"
        self.rng = rng
        self.inboxes = [simpy.Store(env) for _ in spec.stages]
        self.logs = {s.name: StageLog() for s in spec.stages}
        self.proposed = defaultdict(float)  # (segment, month) -> names handed in by RT heads
        self.in_stage = defaultdict(float)  # (segment, stage index) -> names waiting or being decided
        for i, stage in enumerate(spec.stages):
            env.process(self._stage(i, stage))

    # RT heads hand the year's names in evenly over the proposal months.
    def propose(self, segment: str, names: float) -> None:
        if names <= EPS:
            return
        months = self.spec.proposal_months
        if self.whole:
            names = int(math.ceil(names - EPS))
            parts = [names // months + (1 if i < names % months else 0) for i in range(months)]
        else:
            parts = [names / months] * months
        self.env.process(self._hand_in(segment, parts))

    def _hand_in(self, segment, parts):
        for i, n in enumerate(parts):
            if i:
                yield self.env.timeout(1)
            if n > 0:
                self.proposed[(segment, int(self.env.now))] += n
                self._enter(0, Batch(segment, n))

    def _enter(self, i: int, batch: Batch) -> None:
        self.in_stage[(batch.segment, i)] += batch.names
        self.inboxes[i].put(batch)

    def _stage(self, i: int, stage):
        """Take names first come first served, at most ``capacity`` a month; decide each after ``duration``."""
        used = defaultdict(float)
        while True:
            batch = yield self.inboxes[i].get()
            remaining = batch.names
            while remaining > EPS:
                month = int(self.env.now)
                free = stage.capacity - used[month]
                if self.whole:
                    free = math.floor(free + EPS)
                if free <= EPS:
                    yield self.env.timeout(month + 1 - self.env.now)  # wait for next month's capacity
                    continue
                take = min(free, remaining)
                used[month] += take
                remaining -= take
                self.logs[stage.name].taken[(batch.segment, month)] += take
                self.env.process(self._decide(i, stage, Batch(batch.segment, take)))

    def _decide(self, i: int, stage, batch: Batch):
        if stage.duration:
            yield self.env.timeout(stage.duration)
        month = int(self.env.now)
        if self.whole:
            passed = float(self.rng.binomial(int(round(batch.names)), 1.0 - stage.rejection_rate))
        else:
            passed = batch.names * (1.0 - stage.rejection_rate)
        log = self.logs[stage.name]
        log.rejected[(batch.segment, month)] += batch.names - passed
        log.passed[(batch.segment, month)] += passed
        self.in_stage[(batch.segment, i)] -= batch.names
        if passed <= EPS:
            return
        if i + 1 < len(self.spec.stages):
            self._enter(i + 1, Batch(batch.segment, passed))
        else:
            self.deliver(month, batch.segment, passed)

    def end_at(self, months: int) -> "EnrolmentPipeline":
        """A copy whose logs (names proposed, taken, rejected, passed) keep the months before ``months`` only: the
        horizon's, when ``sim.expansion`` ran the pipeline on to 31 December of its last year."""
        def kept(log: dict) -> defaultdict:
            return defaultdict(float, {(segment, m): n for (segment, m), n in log.items() if m < months})

        cut = copy.copy(self)
        cut.proposed = kept(self.proposed)
        cut.logs = {name: StageLog(kept(log.taken), kept(log.rejected), kept(log.passed))
                    for name, log in self.logs.items()}
        return cut

    def pending(self, segment: str) -> float:
        """Names in the pipeline expected to come out registered (each stage's names x the pass rates left)."""
        total = 0.0
        for i in range(len(self.spec.stages)):
            ahead = math.prod(1.0 - s.rejection_rate for s in self.spec.stages[i:])
            total += max(self.in_stage[(segment, i)], 0.0) * ahead
        return total


def nominal_lead_months(spec: Pipeline) -> int:
    """Months from a round to a typical registration without queueing: half the proposal spread plus the stages."""
    return (spec.proposal_months - 1) // 2 + sum(s.duration for s in spec.stages)


def planner(env: simpy.Environment, rounds, targets, members_at_year_end, waiting, entrant_survival,
            pipeline: EnrolmentPipeline):
    """At each round (month, year), propose the names each segment still needs for its year-end target.

    ``targets(segment, year)``: quota target or None; ``members_at_year_end(segment, month)``: current members
    expected in force at the year-end; ``waiting(segment)``: names held for lack of money and verified names
    waiting for a place under the quota (``sim.expansion``'s quota cap);
    ``entrant_survival(segment, month)``: share of a name registering in that month still in force at the
    year-end."""
    pass_rate = pipeline.spec.pass_rate
    lead = nominal_lead_months(pipeline.spec)
    for month, year, segments in rounds:
        if month > env.now:
            yield env.timeout(month - env.now)
        for segment in segments:
            target = targets(segment, year)
            if target is None:
                continue
            expected = members_at_year_end(segment, month) + pipeline.pending(segment) + waiting(segment)
            needed = max(target - expected, 0.0)
            # Over-propose for the expected rejections and exits; with everyone rejected, propose the need itself.
            keep = pass_rate * entrant_survival(segment, month + lead)
            pipeline.propose(segment, needed / keep if keep > 0 else needed)
