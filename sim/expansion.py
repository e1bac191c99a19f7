"""A scenario's members over the horizon when they join, leave and are paid for: one SimPy run per scenario.

Three kinds of process share one ``simpy.Environment`` whose clock is the month:

- the planner and the enrolment pipeline (``sim.enrolment``), acting at whole months;
- the register office, at m + 0.5 for every month m, after all of that month's pipeline events. In this order it
  removes members past the age limit (``sim.membership``); at a fiscal-year round (the first month of the horizon
  and every January) opens the year's money, renews the current members in priority order and admits the names
  held from last year (``sim.funding``); registers the verified names on its list (this month's from the pipeline
  and those still waiting) as far as each segment's quota has places, and admits them as the money allows;
  records the month's members in force and applies its deaths and other exits.

The quota cap (assumption, as a city's labour office acts): a segment's year-end target is the number of members
the city has budgeted and asked BPJS to register, and Disnaker registers no names beyond it. A verified name that
would take the segment's members in force at the end of the month (after the month's expected exits) plus the
names registered and waiting for money above that year's target is not registered: it stays on the office's list
of verified names ("queued") and is registered in a later month, as members leave and free a place, or at a later
year's round when the target rises. The names are kept, not dropped, because they have passed every check (RT,
kelurahan, kecamatan, Disnaker, BPJS): dropping them would make the RT heads propose, and every stage verify,
again names the office already holds, and the planner's over-proposal for the year's exits only works if the
names beyond the places refill the places that exits free later in the year. Names on the list are counted as
waiting by the planner (as the names held for money are), so the next round proposes that many fewer; they do not
leave the list by themselves (assumption: as held names, no exits while waiting). Without the cap the pipeline
delivered the names the planner proposed for the whole year's exits in a few months: members rose above the
target and ran off to it by 31 December (Pekalongan's eleven occupations: 1,018 in June 2023 for a target of 1,000), or
stayed above it when the names registered later than the planner assumed, surviving to the year-end more often
(jambi-2025-pipeline: 3,022 on 31 December 2025 for 3,000), and the APBD paid for members above the quota.

The office books whole fiscal years (assumption: a city budgets whole fiscal years, and where the horizon ends is the
analyst's choice, not the city's): a horizon ending before December is run on to 31 December of its last year
(:func:`to_year_end`), so that the year's round renews its members and admits names for the whole year against the
year's budget, as in a longer horizon, and every output is then cut back to the horizon. A projection of H months
is the first H months of one of more months (``tests/test_horizon_end.py``). Before, a last year ending in June
priced its renewals and admissions over six months, and a year's budget seemed to pay for about twice the members
it can.

The result, a :class:`Projection`, holds every segment's cells and monthly in-force (the exposure the engine and
the closed form use: ``sim.population.build_model`` calls :func:`project` when a scenario has quotas, exit rates or
funding), the flows (joined, left by cause), the pipeline's log, the money by year and source, and the member-months
and premiums by source. Everything is deterministic given the scenario (and, in the sampled modes, its seed).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import simpy

from .enrolment import EnrolmentPipeline, enrolment_stream, planner, quota_target
from .funding import Treasury, pledge_factors, sources_for
from .membership import SegmentLedger
from .planning_schema import Exits, Planning
from .regulation import RuleSet, monthly_premium

OFFICE_OFFSET = 0.5  # the register office books month m at time m + 0.5, after the pipeline's events at m
QUEUE_DUST = 1e-9  # names: fewer waiting on the list is floating-point dust (expected mode), not a name


@dataclass(frozen=True)
class Projection:
    names: tuple  # segment names, in scenario order
    month_dates: tuple
    years: np.ndarray  # (M,) calendar year of each month
    ledgers: dict  # segment name -> SegmentLedger
    member_months: dict  # source name -> (S, M) members in force paid for by that source
    premium: dict  # payer bucket -> (S, M) IDR
    arrived: np.ndarray  # (S, M) names registered within the quota (before the money check)
    admitted: np.ndarray  # (S, M) names admitted (covered from that month)
    held: np.ndarray  # (S, M) names registered but waiting for money at the end of each month
    # (S, k) the same in the k months the office booked after a horizon ending before December, to 31 December (k = 0
    # otherwise): the year's budget pays for them too, so whether money binds is judged on them (money_bound).
    held_after: np.ndarray
    verified: np.ndarray  # (S, M) names out of the pipeline (past all four stages), before the quota check
    queued: np.ndarray  # (S, M) verified names waiting for a place under the quota at the end of each month
    targets: dict  # (segment, year) -> year-end target, for segments with a quota
    pipeline: EnrolmentPipeline | None
    # Each fiscal year's money available and spent, the whole year to 31 December (what the year's budget paid for),
    # also in a year the horizon ends in before December: see money_by_year.
    treasury: Treasury
    factors: dict  # pledge name -> share of its amount that arrives

    @property
    def months(self) -> int:
        return len(self.month_dates)

    def index(self, name: str) -> int:
        return self.names.index(name)

    def members(self) -> np.ndarray:
        """(S, M) members in force in each month."""
        return np.array([self.ledgers[n].members() for n in self.names])

    def closing(self) -> np.ndarray:
        """(S, M) members in force at the end of each month."""
        return np.array([self.ledgers[n].closing for n in self.names])

    def not_renewed(self, months=slice(None)) -> np.ndarray:
        """(S,) current members not renewed at a round for lack of money (exit cause ``budget``) over ``months``
        (a slice or a boolean mask over the horizon)."""
        return np.array([float(self.ledgers[n].left["budget"][months].sum()) for n in self.names])

    def year_end(self, year: int) -> np.ndarray:
        """(S,) members in force at the end of ``year`` (or of the horizon, if it ends sooner)."""
        return self.closing()[:, int(np.flatnonzero(self.years == year)[-1])]

    def fiscal_years(self) -> list[int]:
        return sorted(set(self.years.tolist()))

    def ends_early(self, year: int) -> bool:
        """Whether the horizon ends in ``year`` before December (its last year is then a part year)."""
        return year == self.month_dates[-1].year and self.month_dates[-1].month != 12

    def spent(self, year: int, whole_year: bool = False) -> dict:
        """Payer bucket -> IDR spent in fiscal ``year``: on its months in the horizon (their premiums), or with
        ``whole_year`` the whole year's money to 31 December, what the year's budget paid for. The two differ only in
        a year the horizon ends in before December (:meth:`ends_early`), whose members the year's round renewed, and
        whose names it admitted, to 31 December."""
        booked = self.treasury.spent.get(year, {})
        if whole_year or not self.ends_early(year):
            return dict(booked)
        months = self.years == year
        return {bucket: float(self.premium[bucket][:, months].sum()) for bucket in booked}


def round_months(dates) -> list[int]:
    """The first month of the horizon and every January after it."""
    return [m for m, d in enumerate(dates) if m == 0 or d.month == 1]


def year_end_month(dates, m: int) -> int:
    """Index of the first month of the next fiscal year (may be past the horizon)."""
    return m + (12 - dates[m].month) + 1


def to_year_end(scenario, month_dates, rules_by_month: list[RuleSet]) -> tuple[tuple, list[RuleSet]]:
    """The horizon's months and rules run on to December of its last year (as they are when it ends in December):
    the months the register office books. The months added are dated and ruled as the horizon's own
    (:func:`scenario_months`): each on its first day, or all on the scenario's ``rules_date``. No year is added, so a
    budget or pledge listed year by year has every year the office opens."""
    extra = 12 - month_dates[-1].month
    if extra == 0:
        return tuple(month_dates), list(rules_by_month)
    from .regulation import load_regulation, month_dates as dates_from

    dates = dates_from(month_dates[0], len(month_dates) + extra)
    regulation = load_regulation()
    return dates, [*rules_by_month, *(regulation.at(scenario.rules_date or d) for d in dates[len(month_dates):])]


def premium_rates(seg, payer: str, rules_by_month: list[RuleSet], dates) -> np.ndarray:
    """A member's monthly premium in each month (``dates``, their first days, under ``rules_by_month``) when
    ``payer`` pays: on the wage of the month's calendar year (``Segment.wage_in``: a PU wage grows with
    ``assumptions.wage_growth``)."""
    return np.array([monthly_premium(r, seg.scheme, seg.wage_in(d.year), seg.risk_class or 1, payer, seg.occupation)
                     for r, d in zip(rules_by_month, dates, strict=True)])


class _Office:
    """The register office: ledgers, treasury and the bookkeeping of who pays for whom."""

    def __init__(self, scenario, planning: Planning, month_dates, rules_by_month, factors, jkk_death_share):
        self.scenario, self.planning = scenario, planning
        months = len(rules_by_month)
        self.dates = tuple(month_dates)
        self.names = tuple(s.name for s in scenario.segments)
        self.seg = {s.name: s for s in scenario.segments}
        self.ledgers = {s.name: SegmentLedger(s, planning.exits.get(s.name, Exits()), scenario.mortality_table, months,
                                              jkk_death_share) for s in scenario.segments}
        funding = planning.funding
        self.sources = {s.name: sources_for(s, funding) for s in scenario.segments}
        self.order = list(funding.priority) if funding is not None else list(self.names)
        self.rates = {}
        for s in scenario.segments:
            for src in self.sources[s.name]:
                self.rates[(s.name, src.name)] = premium_rates(s, src.payer, rules_by_month, self.dates)
        self.treasury = Treasury(funding, factors)
        self.whole = planning.pipeline is not None and planning.pipeline.mode == "sampled"
        shape = (len(self.names), months)
        self.member_months = defaultdict(lambda: np.zeros(shape))
        self.premium = defaultdict(lambda: np.zeros(shape))
        self.arrived, self.admitted, self.held_log = np.zeros(shape), np.zeros(shape), np.zeros(shape)
        self.held = defaultdict(float)
        self.rounds = set(round_months(self.dates))
        self.targets = {}  # (segment, year) -> year-end quota target; filled by project() before the run
        self.queued = defaultdict(float)  # verified names waiting for a place under the quota
        self.verified, self.queued_log = np.zeros(shape), np.zeros(shape)

    def entrant_survival(self, segment: str, month: int) -> float:
        """Share of a name registering in ``month`` still in force on 31 December of that fiscal year (1 past the
        months booked: a round whose lead time reaches into the next year)."""
        if month >= len(self.dates):
            return 1.0
        return self.ledgers[segment].entrant_close(month, year_end_month(self.dates, month))

    def arrive(self, month: int, segment: str, names: float) -> None:
        """Names out of the pipeline join the labour office's list of verified names; :meth:`_register` registers
        them as the quota has places."""
        self.verified[self.names.index(segment), month] += names
        self.queued[segment] += names

    def places(self, segment: str, month: int) -> tuple[float, float]:
        """(free places, keep) of the segment's quota in ``month``: this year's year-end target less the current
        members expected in force at the end of the month (after its expected exits) and the names registered and
        waiting for money; and the share of a name registering this month still in force at the month's end.
        ``(inf, 1)`` without a target that year.

        Assumption (the quota cap): Disnaker registers no names beyond the quota the city budgeted and asked BPJS
        to register. A place a member leaves during a month is refilled in that month from the verified names
        waiting, so the month's premium is due for both the leaver (its last month) and the new name: members in
        force during a month exceed the target by at most that month's leavers, and at every month's end (31
        December, the count a target is judged on, included) the members plus the names held are at most the
        target."""
        target = self.targets.get((segment, self.dates[month].year))
        if target is None:
            return math.inf, 1.0
        ledger = self.ledgers[segment]
        free = target - ledger.project_close(month, month + 1) - self.held[segment]
        return max(free, 0.0), ledger.entrant_close(month, month + 1)

    def _register(self, name: str, month: int, end: int) -> None:
        """Register the verified names waiting, within the quota's free places; admit them as the money allows.
        A name admitted takes ``keep`` of a place at the month's end (it may leave during the month), a name the
        money cannot pay for a whole one (it waits for money, "held", without exits). Names beyond the places stay
        on the list for a later month or year."""
        queue = self.queued[name]
        free, keep = self.places(name, month)
        fit = min(queue, free / keep) if keep > 0 else 0.0  # names that fit if all of them are paid for
        if self.whole:
            fit = float(math.floor(fit + 1e-9))
        admitted = self._admit(name, month, fit, end) if fit > QUEUE_DUST else 0.0
        waiting = min(queue - admitted, max(free - admitted * keep, 0.0))  # registered, waiting for money
        if self.whole:
            waiting = float(math.floor(waiting + 1e-9))
        if admitted + waiting <= QUEUE_DUST:
            return
        self.queued[name] -= admitted + waiting
        self.arrived[self.names.index(name), month] += admitted + waiting
        self.held[name] += waiting

    def _pay(self, segment: str, month: int, end: int, path: np.ndarray, units: float, whole: bool = False) -> float:
        """Fund up to ``units`` of a group whose per-unit in-force over months month..end-1 is ``path`` (to the
        year-end: the office's months run to December, :func:`to_year_end`); book it and return the units paid for."""
        unit_cost = {src.name: float(path @ self.rates[(segment, src.name)][month:end]) for src in self.sources[segment]}
        funded, plan = self.treasury.fund(self.sources[segment], unit_cost, units, whole=whole)
        s = self.names.index(segment)
        for src, u in plan:
            self.member_months[src.name][s, month:end] += u * path
            for bucket, share in src.buckets():
                self.premium[bucket][s, month:end] += u * share * path * self.rates[(segment, src.name)][month:end]
        return funded

    def _admit(self, segment: str, month: int, names: float, end: int) -> float:
        """Admit up to ``names`` registering in ``month`` as the money allows; return how many were admitted."""
        ledger = self.ledgers[segment]
        path = ledger.project_entrant(month, end)
        funded = self._pay(segment, month, end, path, names, whole=self.whole)
        ledger.register(month, funded)
        self.admitted[self.names.index(segment), month] += funded
        return funded

    def book(self, month: int) -> None:
        year, end = self.dates[month].year, year_end_month(self.dates, month)
        for name in self.names:
            self.ledgers[name].age_out(month)
        if month in self.rounds:
            self.treasury.open_year(year)
            for name in self.order:  # renewals, highest priority first
                ledger = self.ledgers[name]
                path = ledger.project_members(month, end)
                if path.size and path[0] > 0:
                    renewed = self._pay(name, month, end, path, 1.0)  # the share of the members paid for
                    ledger.cut(month, 1.0 - renewed)
            for name in self.order:  # names held since last year
                if self.held[name] > 0:
                    self.held[name] -= self._admit(name, month, self.held[name], end)
        for name in self.order:  # verified names (this month's and earlier ones waiting), within the quota
            if self.queued[name] > QUEUE_DUST:
                self._register(name, month, end)
        for name in self.names:
            self.held_log[self.names.index(name), month] = self.held[name]
            self.queued_log[self.names.index(name), month] = self.queued[name]
            self.ledgers[name].close(month)


def project(scenario, month_dates, rules_by_month: list[RuleSet], jkk_death_share: float,
            factors: dict | None = None) -> Projection:
    """Run the planner, the pipeline and the register office over the horizon run on to 31 December of its last
    year (one SimPy run; :func:`to_year_end`), and keep the horizon's months.

    ``factors``: share of each CSR pledge that arrives, overriding the scenario's draw (the budget solver uses it
    to enumerate which pledges are honoured)."""
    planning: Planning = scenario.planning
    horizon = len(rules_by_month)
    dates, rules_by_month = to_year_end(scenario, month_dates, rules_by_month)
    months = len(rules_by_month)
    factors = pledge_factors(planning.funding, scenario.seed) if factors is None else factors
    office = _Office(scenario, planning, dates, rules_by_month, factors, jkk_death_share)
    env = simpy.Environment()
    pipeline = None
    targets = office.targets
    if planning.pipeline is not None:
        rng = enrolment_stream(scenario.seed) if planning.pipeline.mode == "sampled" else None
        pipeline = EnrolmentPipeline(env, planning.pipeline, office.arrive, rng)
        first_year = office.dates[0].year
        quotas = {q.segment: q for q in planning.quotas}
        for m in round_months(office.dates):
            for name, q in quotas.items():
                target = quota_target(q, office.dates[m].year, first_year, office.seg[name].members, planning.ucj)
                if target is not None:
                    targets[(name, office.dates[m].year)] = target
        rounds = [(m, office.dates[m].year, [n for n in office.order if n in quotas]) for m in round_months(office.dates)]
        env.process(planner(
            env, rounds,
            targets=lambda name, year: targets.get((name, year)),
            members_at_year_end=lambda name, m: office.ledgers[name].project_close(m, year_end_month(office.dates, m)),
            waiting=lambda name: office.held[name] + office.queued[name],
            entrant_survival=office.entrant_survival,
            pipeline=pipeline,
        ))

    def register_office():
        for m in range(months):
            yield env.timeout(m + OFFICE_OFFSET - env.now)
            office.book(m)

    env.process(register_office())
    env.run(until=months)
    return _horizon(office, horizon, targets, pipeline, factors)


def _horizon(office: _Office, months: int, targets: dict, pipeline, factors: dict) -> Projection:
    """The office's results over the horizon's first ``months`` months (the months it booked past them, to
    31 December, are cut off); the treasury keeps each fiscal year's whole money (:func:`money_by_year`)."""
    dates = office.dates[:months]

    def cut(log: dict) -> dict:
        return {key: a[:, :months] for key, a in log.items()}

    return Projection(
        names=office.names,
        month_dates=dates,
        years=np.array([d.year for d in dates]),
        ledgers={name: ledger.end_at(months) for name, ledger in office.ledgers.items()},
        member_months=cut(office.member_months),
        premium=cut(office.premium),
        arrived=office.arrived[:, :months],
        admitted=office.admitted[:, :months],
        held=office.held_log[:, :months],
        held_after=office.held_log[:, months:],
        verified=office.verified[:, :months],
        queued=office.queued_log[:, :months],
        targets=targets,
        pipeline=None if pipeline is None else pipeline.end_at(months),
        treasury=office.treasury,
        factors=factors,
    )


def segment_exposures(projection: Projection, scenario, rules_by_month: list[RuleSet], dates):
    """The engine's and closed form's exposure (``population.SegmentExposure``) from a projection."""
    from .population import SegmentExposure  # here: population calls this module from build_model

    out = []
    for s, seg in enumerate(scenario.segments):
        ledger = projection.ledgers[seg.name]
        cells = ledger.used_cells()
        # In force and expected non-work deaths per cell and month, filled a block of months at a time
        # (SegmentLedger.inforce_blocks): no cells x months temporaries of ages and death probabilities besides them.
        inforce, jkm_rate = np.empty((cells.size, ledger.months)), np.empty((cells.size, ledger.months))
        for first, block in ledger.inforce_blocks(cells):
            months = range(first, first + block.shape[1])
            inforce[:, months.start : months.stop] = block
            np.multiply(block, ledger.q_death_of(cells, months), out=jkm_rate[:, months.start : months.stop])
        total = inforce.sum(axis=0)
        premium = sum(p[s] for p in projection.premium.values()) if projection.premium else np.zeros(len(total))
        own = premium_rates(seg, seg.payer, rules_by_month, dates)
        # Members paid by several sources at different rates: the blended rate keeps premium = in-force x rate.
        rate = np.divide(premium, total, out=own.astype(float), where=total > 0)
        out.append(SegmentExposure(
            segment=seg,
            sex=ledger.sex[cells],
            age0=ledger.age_join[cells],
            tenure0=ledger.tenure0[cells],
            inforce=inforce,
            closing=ledger.closing.copy(),
            jkm_rate=jkm_rate,
            jkk_rate=inforce * ledger.accident,
            premium_rate=rate,
            join=ledger.join[cells],
        ))
    return tuple(out)



def scenario_months(scenario) -> tuple[tuple, list[RuleSet]]:
    """The scenario's months and the rules in force in each (as ``population.build_model`` builds them)."""
    from .population import month_dates  # here: population calls this module from build_model
    from .regulation import load_regulation

    dates = month_dates(scenario.start, scenario.horizon_months)
    regulation = load_regulation()
    return dates, [regulation.at(scenario.rules_date or d) for d in dates]


def project_scenario(scenario, factors: dict | None = None) -> Projection:
    """:func:`project` with the scenario's own months and rules (as ``population.build_model`` builds them)."""
    dates, rules_by_month = scenario_months(scenario)
    return project(scenario, dates, rules_by_month, scenario.severity.shares[4], factors)


def money_by_year(projection: Projection, bucket: str, whole_year: bool = False) -> dict:
    """IDR spent from one payer bucket (``APBD``, ``DBH-CHT``, ``CSR:<pledge>``, ``SERTAKAN``...) per fiscal year, on
    its months in the horizon or with ``whole_year`` to 31 December (:meth:`Projection.spent`): the budget answers
    take the whole year's, since a budget is for a whole year."""
    return {y: float(projection.spent(y, whole_year).get(bucket, 0.0)) for y in projection.fiscal_years()}


CUT_SHOWN = 0.005  # members not renewed: less is floating-point dust, not a cut


def money_bound(projection: Projection, tolerance: float = 1e-6) -> bool:
    """Whether money limited the members: somebody was not renewed, or registered names were left waiting, in the
    horizon or, where it ends before December, in the months to 31 December the year's budget also pays for (a
    budget is for a whole fiscal year: over 54 months madiun-2026-ucj-csr's 2030 budget must admit July-December's
    names as over 60). Nobody is renewed after the horizon: the round is in January, within it."""
    held = max(float(projection.held.max(initial=0.0)), float(projection.held_after.max(initial=0.0)))
    return float(projection.not_renewed().sum()) > tolerance or held > tolerance
