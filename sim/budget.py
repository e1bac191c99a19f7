"""Budget questions a planner asks, answered by re-running the projection (``sim.expansion``) and, where money
depends on claims, the simulated claims.

- :func:`budget_needed`: the city budget (APBD) needed each year for the scenario's quota path, at a stated
  confidence. Premiums are deterministic given the members, so the only uncertainty in the PREMIUM budget is which
  CSR pledges are honoured: every combination of pledges honoured or not (all-or-nothing for a pledge's whole
  duration, independently, with its probability) is projected with an unlimited APBD, and the budget path covers
  the need of a set of combinations whose probability is at least the confidence, chosen greedily (the combinations
  with the smallest total need over the horizon first; each year's budget is the largest need among them): it
  meets the confidence but is not, in general, the smallest path that does. Up to ``MAX_ENUMERATED_PLEDGES`` pledges are enumerated
  exactly; more are sampled (``SAMPLED_OUTCOMES`` draws from ``SeedSequence(seed, spawn_key=(BUDGET_KEY, 0))``).
  :func:`verify_budget` re-runs the projection with that budget for every combination and reports the probability
  that the money does not bind (nobody cut, nobody left waiting): a test checks it is at least the confidence.
- :func:`claims_topup_reserve`: separately, what the city would have to hold at the confidence if it also covered
  claims above the premiums (a self-insured top-up; the scheme does not require it): the quantile of
  ``max(claims - premium, 0)`` per year over the simulated trials.
- :func:`largest_coverage`: the largest multiple of the quota path's growth (same segment mix) the scenario's
  budget funds without cutting anybody or leaving names waiting (bisection on the projection), at the confidence
  over which pledges are honoured; with the expected CSR money when there are too many pledges to enumerate.
- :func:`csr_gap`: the CSR money per year that closes the gap to the UCJ target: measured as unlimited money that
  pays last, after the city's money, for the segments sharing the UCJ gap and, apart, for the other city-paid
  segments; what the other APBD-paid segments lack up to the APBD the UCJ segments used is CSR money too (paying
  for the UCJ segments first frees it), the rest is reported apart as a shortfall outside the UCJ allocation. Then
  re-run as an ordinary pledge for the UCJ segments, paying before the APBD, to check it: the probability that the
  money does not bind and the UCJ come from that run (and again with the shortfall added to the city's money).
- :func:`fan_chart`, :func:`tornado`: the claim ratio's percentiles per year, and the swing of the key outputs
  (closed form: members at the end, premium, city money, expected claims, claim ratio, over the whole horizon) when
  each ranged assumption moves to its low and high end. The tornado reuses ``sim.sensitivity``'s way of finding
  and moving ranged parameters (which reports the first year's claims only) over the whole horizon, since
  enrolment and funding play out over years.

"City money" is APBD and DBH-CHT (both regional-budget money), including the city's share of co-funded pledges.

The money a year needs (the APBD needed, the CSR gap and the shortfall outside it) is the fiscal year's to 31
December, also in a year the horizon ends in before December (assumption: a city budgets whole fiscal years; the
register office renews its members and admits names for the whole year, ``sim.expansion``): a budget of the
months up to the horizon's end would renew only part of the members, and the re-run with it would bind. In a year
the horizon starts in after January, the need is that of its months from the start.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import zlib

import numpy as np

from .closed_form import expected
from .expansion import CUT_SHOWN, Projection, money_bound, money_by_year, premium_rates, project_scenario, scenario_months
from .enrolment import quota_target
from .funding import APBD, CITY_PAYERS, DBH_CHT, EXTERNAL_PAYERS
from .planning_schema import Pledge, YearAmounts
from .population import build_model
from .scenario import Scenario, ScenarioError, scenario_from_data
from .sensitivity import FITTED_PREFIX, Recalibration, at_range_end, groups, shown

DEFAULT_CONFIDENCE = 0.9  # of the budget answers: sim plan and compare (--confidence), the report's APBD needed
BUDGET_KEY = zlib.crc32(b"budget")
MAX_ENUMERATED_PLEDGES = 10
MAX_COVERAGE_OUTCOMES = 64  # largest_coverage at the confidence up to 6 pledges; beyond, with the expected CSR money
SAMPLED_OUTCOMES = 2000
GAP_PLEDGE = "ucj-gap"
SHORTFALL_PLEDGE = "city-shortfall"  # the csr_gap measuring run's money for city-paid segments outside the UCJ share
FOR_EVER = 1000  # years: the measuring pledges above last past any horizon (a scenario's own pledges last 1-50 years)
FAN_PERCENTILES = (5, 25, 50, 75, 95)
CITY_BUCKETS = CITY_PAYERS  # the payer buckets of city money (sim.funding)


# --- Changing a scenario's funding and quotas -----------------------------------------------------------------


def with_funding(scenario: Scenario, **changes) -> Scenario:
    planning = scenario.planning
    funding = dataclasses.replace(planning.funding, **changes)
    return dataclasses.replace(scenario, planning=dataclasses.replace(planning, funding=funding))


def with_quota_scale(scenario: Scenario, scale: float) -> Scenario:
    planning = scenario.planning
    quotas = tuple(dataclasses.replace(q, scale=scale) for q in planning.quotas)
    return dataclasses.replace(scenario, planning=dataclasses.replace(planning, quotas=quotas))


def with_apbd(scenario: Scenario, amounts: YearAmounts) -> Scenario:
    return with_funding(scenario, apbd=amounts)


def _needs_funding(scenario: Scenario, question: str) -> None:
    if scenario.planning is None or scenario.planning.funding is None:
        raise ScenarioError(str(scenario.path), "funding", f"{question} needs a [funding] table")


# --- Which pledges are honoured -------------------------------------------------------------------------------


def pledges_in_horizon(scenario: Scenario) -> tuple:
    """The scenario's CSR pledges with a year of their run inside the horizon. A horizon moved or shortened with
    ``--set`` may leave a pledge with none (its money is listed by :func:`money_before_horizon` or
    :func:`money_after_horizon`): whether it is honoured changes nothing, so it is left out of the outcomes weighed
    (else each outcome would come twice, once named after a failure that costs nothing)."""
    funding = scenario.planning.funding if scenario.planning is not None else None
    if funding is None:
        return ()
    years = {d.year for d in scenario_months(scenario)[0]}
    return tuple(p for p in funding.pledges if any(p.active(y) for y in years))


def pledges_outside_horizon(scenario: Scenario) -> tuple:
    """The scenario's CSR pledges :func:`pledges_in_horizon` leaves out: no year of their run is in the horizon."""
    inside = pledges_in_horizon(scenario)
    funding = scenario.planning.funding if scenario.planning is not None else None
    return tuple(p for p in (funding.pledges if funding is not None else ()) if p not in inside)


def pledge_outcomes(scenario: Scenario) -> list[tuple[dict, float]]:
    """(share of each pledge that arrives, probability): every combination of honoured pledges, or a sample. Only
    the pledges with a year in the horizon (:func:`pledges_in_horizon`)."""
    pledges = pledges_in_horizon(scenario)
    if not pledges:
        return [({}, 1.0)]
    if len(pledges) <= MAX_ENUMERATED_PLEDGES:
        out = []
        for honoured in itertools.product((1.0, 0.0), repeat=len(pledges)):
            prob = math.prod(p.probability if h else 1.0 - p.probability for p, h in zip(pledges, honoured))
            if prob > 0:
                out.append(({p.name: h for p, h in zip(pledges, honoured)}, prob))
        return out
    rng = np.random.default_rng(np.random.SeedSequence(scenario.seed, spawn_key=(BUDGET_KEY, 0)))
    draws = rng.random((SAMPLED_OUTCOMES, len(pledges))) < np.array([p.probability for p in pledges])
    return [({p.name: float(h) for p, h in zip(pledges, row)}, 1.0 / SAMPLED_OUTCOMES) for row in draws]


def covering_outcomes(needs: list[dict], probs: list[float], confidence: float) -> list[int]:
    """Outcomes taken greedily, the smallest total need (over the years) first, until their probability reaches
    the confidence."""
    order = sorted(range(len(needs)), key=lambda i: sum(needs[i].values()))
    chosen, covered = [], 0.0
    for i in order:
        chosen.append(i)
        covered += probs[i]
        if covered >= confidence - 1e-12:
            break
    return chosen


def at_confidence(needs: list[dict], probs: list[float], confidence: float) -> dict:
    """A budget path covering the needs of outcomes with total probability >= confidence: the per-year maximum need
    over the outcomes :func:`covering_outcomes` takes (greedy by total need, so P(need <= budget in every year) >=
    confidence; not necessarily the smallest such path)."""
    years = sorted(needs[0]) if needs else []
    chosen = covering_outcomes(needs, probs, confidence)
    budget = {y: max((needs[i][y] for i in chosen), default=0.0) for y in years}
    return {y: float(math.ceil(b)) for y, b in budget.items()}  # whole rupiah, rounded up


def _summary(needs: list[dict], probs: list[float]) -> dict:
    years = sorted(needs[0])
    return {y: {"mean": float(sum(p * n[y] for n, p in zip(needs, probs)) / sum(probs)),
                "min": float(min(n[y] for n in needs)), "max": float(max(n[y] for n in needs))} for y in years}


# --- The city budget a quota path needs -------------------------------------------------------------------------


class UnlimitedApbd:
    """The scenario with unlimited APBD, projected once per pledge outcome (``factors``: the share of each pledge
    that arrives): called with the factors, the APBD that outcome spends per fiscal year, the whole year's also in a
    year the horizon ends in before December (what it needs for the quota path, premiums only), and
    :func:`targets_met`. :func:`budget_needed` and
    :func:`sim.pledge_outcomes.pledge_outcomes` ask for the same outcomes; ``sim plan`` passes both one object, so
    that each is projected once. Projections are deterministic given the scenario and the factors."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._unlimited = with_apbd(scenario, YearAmounts(every=math.inf))
        self._seen = {}

    def __call__(self, factors: dict) -> tuple[dict, list[dict]]:
        key = tuple(sorted(factors.items()))
        if key not in self._seen:
            projection = project_scenario(self._unlimited, factors)
            self._seen[key] = (money_by_year(projection, APBD, whole_year=True), targets_met(projection))
        return self._seen[key]

    def of(self, scenario: Scenario) -> "UnlimitedApbd":
        """This object when it is for ``scenario`` (a caller's), else a new one for it."""
        return self if scenario is self.scenario else UnlimitedApbd(scenario)


def budget_needed(scenario: Scenario, confidence: float, unlimited: UnlimitedApbd | None = None) -> dict:
    """APBD needed each year for the scenario's quota path at the confidence (premiums only). ``unlimited``: the
    scenario's :class:`UnlimitedApbd`, when the caller shares its projections with ``pledge_outcomes``."""
    if scenario.planning is None or scenario.planning.funding is None:
        # No limit on money: the city pays whatever its APBD-paid members cost, which is deterministic.
        need = _apbd_premium_without_limits(scenario)
        return {"confidence": confidence, "uncertainty": "none: premiums are deterministic given the members",
                "for": "quota_path" if scenario.planning is not None and scenario.planning.quotas else "members",
                "outcomes": 1, "years": [{"year": y, "budget_idr": float(math.ceil(n)), "mean_need_idr": n,
                                          "min_need_idr": n, "max_need_idr": n} for y, n in need.items()]}
    unlimited = UnlimitedApbd(scenario) if unlimited is None else unlimited.of(scenario)
    outcomes = pledge_outcomes(scenario)
    needs, probs, met = [], [], []
    for factors, prob in outcomes:
        need, reached = unlimited(factors)
        needs.append(need)
        probs.append(prob)
        met.append(reached)
    budget = at_confidence(needs, probs, confidence)
    spread = _summary(needs, probs)
    pledges = len(pledges_in_horizon(scenario))
    return {
        "confidence": confidence,
        "for": "quota_path" if scenario.planning.quotas else "members",
        "uncertainty": ("none: premiums are deterministic given the members" if not pledges else
                        f"which of {pledges} CSR pledge(s) are honoured "
                        + ("(every combination)" if pledges <= MAX_ENUMERATED_PLEDGES else f"({SAMPLED_OUTCOMES} draws)")),
        "outcomes": len(outcomes),
        "years": [{"year": y, "budget_idr": budget[y], "mean_need_idr": round(spread[y]["mean"], 2),
                   "min_need_idr": round(spread[y]["min"], 2), "max_need_idr": round(spread[y]["max"], 2)}
                  for y in sorted(budget)],
        # With unlimited city money, does the pipeline reach each year-end target? (If not, no budget can.)
        "targets_with_unlimited_budget": [
            {**rows[0], "members_year_end": round(sum(p * r["members_year_end"] for r, p in zip(rows, probs)), 2),
             "reached": None if rows[0]["reached"] is None else all(r["reached"] for r in rows)}
            for rows in zip(*met)
        ],
    }


def to_year_end(scenario: Scenario) -> Scenario:
    """The scenario with its horizon run on to December of its last year (itself when it ends in December): where
    the money of a whole fiscal year is needed per month (``sim.expansion.to_year_end`` runs the register office
    so; a projection of the longer horizon is the shorter one's and then the year's last months)."""
    extra = 12 - scenario_months(scenario)[0][-1].month
    return scenario if extra == 0 else dataclasses.replace(scenario, horizon_months=scenario.horizon_months + extra)


def _apbd_premium_without_limits(scenario: Scenario) -> dict:
    """The APBD premium of each fiscal year, the whole year's (:func:`to_year_end`), with money no limit."""
    model = build_model(to_year_end(scenario))
    exp = expected(model)
    apbd = [s for s, e in enumerate(model.segments) if e.segment.payer == APBD]
    return {int(label): float(exp.premium[p, apbd].sum()) for p, label in enumerate(model.period_labels)}


def verify_budget(scenario: Scenario, budget: dict) -> float:
    """Probability (over which pledges are honoured) that the money does not bind with this APBD per year."""
    _needs_funding(scenario, "verify_budget")
    funded = with_apbd(scenario, YearAmounts(by_year=tuple(sorted(budget.items()))))
    return float(sum(prob for factors, prob in pledge_outcomes(scenario)
                     if not money_bound(project_scenario(funded, factors))))


def targets_met(projection: Projection, tolerance: float = 0.005) -> list[dict]:
    """Per segment with a quota and year: the target, the members at the year-end, and whether it was reached
    (within ``tolerance``, a share of the target). A year whose 31 December lies after the horizon has the members
    at the horizon's end, which are not the year-end's: whether it is reached is not known (None)."""
    judged = {d.year for d in projection.month_dates if d.month == 12}
    out = []
    for (name, year), target in sorted(projection.targets.items()):
        have = float(projection.year_end(year)[projection.index(name)])
        out.append({"segment": name, "year": year, "target": round(target, 2), "members_year_end": round(have, 2),
                    "reached": bool(have >= target * (1 - tolerance)) if year in judged else None})
    return out


def targets_after_horizon(scenario: Scenario) -> list[dict]:
    """Per segment, the year-end targets listed for a year after the horizon's last, which nothing uses: each year's
    quota is that year's own target. A scenario file's own horizon refuses them (``sim.planning_schema``: "never
    takes effect"); one shortened with ``--set`` keeps them for the full horizon, and ``sim plan`` and the report say
    they are not used rather than refuse the run."""
    last = scenario_months(scenario)[0][-1].year
    return [t for t in _listed_targets(scenario) if t["year"] > last]


def targets_before_horizon(scenario: Scenario) -> list[dict]:
    """Per segment, the year-end targets listed for a year before the horizon's first that nothing uses (a horizon
    moved later with ``--set scenario.start``). A target holds from its year-end on, so the last one listed up to
    the first year is that year's quota when it has none of its own (``sim.enrolment``: used, not listed here);
    every earlier one is superseded before the horizon starts."""
    first = scenario_months(scenario)[0][0].year
    listed = _listed_targets(scenario)
    held = {}  # segment -> the year of the target the first year holds (its own, or the last listed before it)
    for t in listed:
        if t["year"] <= first:
            held[t["segment"]] = max(held.get(t["segment"], t["year"]), t["year"])
    return [t for t in listed if t["year"] < first and t["year"] != held[t["segment"]]]


def _listed_targets(scenario: Scenario) -> list[dict]:
    """Every year-end target listed per year (``[[year, persons], ...]``), per segment in year order."""
    if scenario.planning is None:
        return []
    return [{"segment": q.segment, "year": year, "target": round(float(n), 2)}
            for q in scenario.planning.quotas if q.kind == "targets"
            for year, n in sorted(q.targets) if year is not None]


def money_after_horizon(scenario: Scenario) -> list[dict]:
    """Per payer (``APBD``, ``DBH-CHT``, ``CSR:<pledge>``) and year, the money listed for a year after the horizon's
    last, which nothing spends (a budget is per fiscal year and lapses): the years of a per-year budget or pledge
    amount after it, and the years of a pledge's run after it (all of them when its ``first_year`` is), each with its
    ``amount_idr`` (a pledge's as listed, before its probability). As for targets (:func:`targets_after_horizon`), a
    scenario file's own horizon refuses them; one shortened with ``--set`` keeps them, and ``sim plan`` and the
    report say they are not used."""
    last = scenario_months(scenario)[0][-1].year
    return _money_listed(scenario, lambda year: year > last)


def money_before_horizon(scenario: Scenario) -> list[dict]:
    """The same as :func:`money_after_horizon` for the years before the horizon's first (a horizon moved later with
    ``--set scenario.start``): a budget of a fiscal year that has ended is not carried into the next, so the years
    of a per-year budget or pledge amount before it, and the years of a pledge's run before it, are not
    spent. A pledge that started before the horizon and still runs in it pays its years in the horizon; its earlier
    years are listed."""
    first = scenario_months(scenario)[0][0].year
    return _money_listed(scenario, lambda year: year < first)


def _money_listed(scenario: Scenario, outside) -> list[dict]:
    """The budget and pledge money listed for the years ``outside(year)`` holds, per payer and year: a per-year
    amount's own years, and for a pledge of one amount every year, each year of its run outside (a pledge running
    into the horizon from before it, or out of it past its end, pays only its years in it)."""
    funding = scenario.planning.funding if scenario.planning is not None else None
    if funding is None:
        return []
    listed = [(APBD, funding.apbd.by_year)]
    if funding.dbh_cht is not None:
        listed.append((DBH_CHT, funding.dbh_cht.by_year))
    for p in funding.pledges:
        amounts = p.amount.by_year
        if p.amount.every is not None:  # one amount for every year of its run: each year of the run is listed
            amounts = [(y, p.amount.every) for y in range(p.first_year, p.first_year + p.years)]
        listed.append((f"CSR:{p.name}", amounts))
    return [{"payer": payer, "year": int(y), "amount_idr": round(float(a), 2)}
            for payer, amounts in listed for y, a in sorted(amounts) if outside(y)]


# --- What a budget buys -----------------------------------------------------------------------------------------


COVERAGE_ANSWERS = ("largest_coverage", "csr_gap_to_ucj")  # plan.json's budget keys of what the money buys


def coverage_lacks(scenario: Scenario) -> dict:
    """For each of ``sim plan``'s answers on what the money buys (``COVERAGE_ANSWERS``), the table the scenario lacks
    to give it, or None: :func:`largest_coverage` needs ``funding`` and a quota path (``expansion``); :func:`csr_gap`
    needs ``funding``, a UCJ target (``ucj``) and a segment sharing the gap to it (``ucj_allocation``)."""
    planning = scenario.planning
    if planning is None or planning.funding is None:
        return dict.fromkeys(COVERAGE_ANSWERS, "funding")
    if planning.ucj is None:
        gap = "ucj"
    else:
        gap = None if any(q.kind == "ucj_allocation" for q in planning.quotas) else "ucj_allocation"
    return {"largest_coverage": None if planning.quotas else "expansion", "csr_gap_to_ucj": gap}


def coverage_answers(scenario: Scenario, confidence: float, lacks: dict | None = None) -> dict:
    """``sim plan``'s answers on what the money buys that the scenario can give (:func:`coverage_lacks`, or
    ``lacks`` when the caller has it already), at the confidence: ``largest_coverage`` (:func:`largest_coverage`)
    and ``csr_gap_to_ucj`` (:func:`csr_gap`)."""
    lacks = coverage_lacks(scenario) if lacks is None else lacks
    questions = {"largest_coverage": largest_coverage, "csr_gap_to_ucj": csr_gap}
    return {name: ask(scenario, confidence) for name, ask in questions.items() if lacks[name] is None}


NO_GROWTH_NOTES = {
    "no_target": "no quota target falls at a year-end within the horizon, so there is nothing to scale or to reach",
    "no_growth": "no growth planned: every quota target is at or below the segment's starting members, so there is "
                 "no growth to scale",
}
COVERAGE_NOTE = ("multiple of the quota path's growth above the starting members, same segment mix, with every "
                 "year-end target of the scaled path reached; ")
COVERAGE_STATUS_NOTES = {
    "capped": "neither money nor the pipeline binds up to the largest multiple tried",
    "none": "no growth is affordable: even with the growth at 0 the money cuts or holds members",
    "pipeline": "limited by the enrolment pipeline, not money: above it a target is missed even with unlimited money",
    "money": "the largest multiple the money funds without cutting anybody or leaving names waiting",
}


def largest_coverage(scenario: Scenario, confidence: float | None = None, max_scale: float = 64.0,
                     iterations: int = 16) -> dict:
    """The largest multiple of the quota path's growth the scenario's own money funds without binding, with every
    year-end target of that scaled path reached (so that enrolment, not money, cannot be what stops it).

    With ``confidence`` and at most ``MAX_COVERAGE_OUTCOMES`` pledge outcomes: with at least that probability over
    which CSR pledges are honoured (all or nothing, as :func:`budget_needed`). Otherwise (no confidence given, or
    too many pledges to enumerate) with the expected CSR money: each pledge bringing amount x probability, which is
    the same answer at every confidence.

    ``status``: ``money`` (money limits the growth), ``pipeline`` (above ``scale`` the pipeline misses a target even
    with unlimited money), ``none`` (even with the growth at 0 the money cuts or holds members), ``no_growth`` (no
    quota target above the starting members: nothing to scale; ``scale`` None), ``no_target`` (no year-end of the
    horizon has a target; ``scale`` None), ``capped`` (neither binds up to ``max_scale``). Only targets at a
    year-end within the horizon are checked (a horizon ending in January cannot show December's)."""
    _needs_funding(scenario, "largest_coverage")
    if not scenario.planning.quotas:
        raise ScenarioError(str(scenario.path), "expansion", "largest_coverage needs a quota path ([expansion])")
    basis = _coverage_basis(scenario, confidence)
    answered = {"basis": basis.name, "confidence": confidence if basis.name == "confidence" else None}
    growth = planned_growth(scenario)
    if growth is not True:
        projection = project_scenario(scenario, basis.likeliest)
        return {"scale": None, "status": growth, **answered, "money_binds": money_bound(projection),
                "note": NO_GROWTH_NOTES[growth], "at_no_growth": None, **_coverage_rows(projection)}
    funded = _Funded(scenario, basis)
    lo, hi, capped = _largest_funded(funded, max_scale, iterations)
    lo = math.floor(lo * 1e6) / 1e6  # reported to 6 decimals, rounded down so that it stays feasible
    if capped:
        status = "capped"
    elif hi == 0.0:  # not even the growth at 0
        status = "none" if funded.money_binds(0.0) > 1.0 - basis.level + 1e-12 else "pipeline"
    else:  # just above the answer: would unlimited money (every pledge honoured) reach the targets?
        status = "money" if funded.pipeline_reaches(hi) else "pipeline"
    scaled = with_quota_scale(scenario, lo)
    # The members and city money shown: in the likeliest outcome (with status "none": the first that binds).
    projection = project_scenario(scaled, basis.likeliest)
    at_no_growth = None
    if status == "none":
        binding = next(((f, r) for f, r in ((f, project_scenario(scaled, f)) for f, _ in basis.outcomes)
                        if money_bound(r)), None)
        projection = projection if binding is None else binding[1]
        # Members not renewed and names held for lack of money, and what binds: per segment with its payer, and
        # the pledges failed in that outcome.
        at_no_growth = _bound_by(projection) | _what_binds(scenario, projection, binding[0] if binding else {})
    return {"scale": lo, "status": status, **answered, "money_binds": status in ("money", "none"),
            "note": COVERAGE_NOTE + COVERAGE_STATUS_NOTES[status] + basis.note,
            "at_no_growth": at_no_growth, **_coverage_rows(projection)}


@dataclasses.dataclass(frozen=True)
class _CoverageBasis:
    """The pledge outcomes :func:`largest_coverage` weighs, the probability of funding it asks for, and the
    outcome whose members it shows."""

    name: str  # "confidence", "expected_csr" or "no_pledges"
    outcomes: list  # (pledge factors, probability), the poorest first
    level: float
    likeliest: dict
    note: str


def _coverage_basis(scenario: Scenario, confidence: float | None) -> _CoverageBasis:
    pledges = pledges_in_horizon(scenario)
    outcomes = pledge_outcomes(scenario)
    if not pledges:
        name, outcomes, level = "no_pledges", [({}, 1.0)], 1.0
        note = " (no CSR pledges: no uncertainty in the money)"
    elif confidence is not None and len(outcomes) <= MAX_COVERAGE_OUTCOMES:
        name, level = "confidence", confidence
        note = f", with probability >= {confidence} over which CSR pledges are honoured"
    else:
        name, outcomes, level = "expected_csr", [({p.name: p.probability for p in pledges}, 1.0)], 1.0
        note = ", with the expected CSR money (amount x probability of each pledge; the same at every confidence)"
    # The poorest outcome first (the first to bind), then the likeliest: the answer is known sooner.
    money = {p.name: p.years * (p.amount.every if p.amount.every is not None else
                                sum(a for _, a in p.amount.by_year) / max(len(p.amount.by_year), 1)) for p in pledges}
    outcomes = sorted(outcomes, key=lambda o: (sum(money[n] * f for n, f in o[0].items()), -o[1]))
    return _CoverageBasis(name, outcomes, level, max(outcomes, key=lambda o: o[1])[0], note)


class _Funded:
    """Whether a multiple of the quota path's growth is funded, with the basis's probability over the pledge
    outcomes, and its every year-end target reached by the pipeline (with unlimited money; remembered by scale)."""

    def __init__(self, scenario: Scenario, basis: _CoverageBasis):
        self.scenario, self.basis, self._reaches = scenario, basis, {}

    def pipeline_reaches(self, scale: float) -> bool:
        if scale not in self._reaches:
            self._reaches[scale] = _pipeline_reaches(self.scenario, scale)
        return self._reaches[scale]

    def check(self, scale: float) -> tuple[bool, float]:
        """(funded, probability that money binds, as far as the outcomes were looked at): the outcomes are taken
        in turn and the answer given as soon as it is known."""
        scaled = with_quota_scale(self.scenario, scale)
        level = self.basis.level
        ok = bad = by_money = 0.0
        for factors, prob in self.basis.outcomes:
            if money_bound(project_scenario(scaled, factors)):
                bad += prob
                by_money += prob
            elif not self.pipeline_reaches(scale):
                bad += prob
            else:
                ok += prob
            if ok >= level - 1e-12:
                return True, by_money
            if bad > 1.0 - level + 1e-12:
                return False, by_money
        return ok >= level - 1e-12, by_money

    def __call__(self, scale: float) -> bool:
        return self.check(scale)[0]

    def money_binds(self, scale: float) -> float:
        return self.check(scale)[1]


def _largest_funded(funded, max_scale: float, iterations: int) -> tuple[float, float, bool]:
    """(lo, hi, capped): ``lo`` funded and ``hi`` not (0, 0 when not even the growth at 0 is), bracketed by
    doubling from 1 up to ``max_scale`` (``capped`` when every multiple tried is funded), then bisected."""
    if not funded(0.0):
        return 0.0, 0.0, False
    if funded(1.0):
        lo, hi = 1.0, 2.0
        while hi <= max_scale and funded(hi):
            lo, hi = hi, hi * 2
        if hi > max_scale:
            return lo, hi, True
    else:
        lo, hi = 0.0, 1.0
    for _ in range(iterations):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if funded(mid) else (lo, mid)
    return lo, hi, False


def planned_growth(scenario: Scenario) -> bool | str:
    """True when a quota target at a year-end within the horizon lies above its segment's starting members (growth
    to scale); else ``"no_growth"``, or ``"no_target"`` when no target falls at a year-end within the horizon."""
    planning = scenario.planning
    start = {s.name: s.members for s in scenario.segments}
    first = scenario.start.year
    any_target = False
    for q in planning.quotas:
        for y in _complete_years(scenario):
            target = quota_target(dataclasses.replace(q, scale=1.0), y, first, start[q.segment], planning.ucj)
            any_target = any_target or target is not None
            if target is not None and target > start[q.segment] * (1 + 1e-9) + 1e-9:
                return True
    return "no_growth" if any_target else "no_target"


def _complete_years(scenario: Scenario) -> list[int]:
    """Calendar years whose December lies within the horizon (their year-end targets can be checked)."""
    return sorted({d.year for d in scenario_months(scenario)[0] if d.month == 12})


def _pipeline_reaches(scenario: Scenario, scale: float) -> bool:
    """Whether the enrolment pipeline reaches every year-end target within the horizon of the quota path scaled by
    ``scale`` when money is no limit (unlimited APBD, every pledge honoured). A sampled pipeline is judged on its
    expected names: a few names short by the draw is chance, not the pipeline's capacity."""
    planning = scenario.planning
    if planning.pipeline is not None and planning.pipeline.mode == "sampled":
        pipeline = dataclasses.replace(planning.pipeline, mode="expected")
        scenario = dataclasses.replace(scenario, planning=dataclasses.replace(planning, pipeline=pipeline))
    rich = with_apbd(with_quota_scale(scenario, scale), YearAmounts(every=math.inf))
    projection = project_scenario(rich, {p.name: 1.0 for p in planning.funding.pledges})
    # A target whose year-end lies after the horizon is not judged (reached None), as in targets_met.
    return all(t["reached"] is not False for t in targets_met(projection))


def _coverage_rows(projection: Projection) -> dict:
    years = projection.fiscal_years()
    return {"members_year_end": [{"year": y, "segment": n, "members": round(float(projection.year_end(y)[s]), 2)}
                                 for y in years for s, n in enumerate(projection.names)],
            "city_money_idr": {y: round(v, 2) for y, v in city_money(projection).items()}}


def _bound_by(projection: Projection) -> dict:
    """Members not renewed (cut) and the most names held at a month's end, over the horizon."""
    return {"not_renewed": round(float(projection.not_renewed().sum()), 2),
            "held_max": round(float(projection.held.max(initial=0.0)), 2)}


def _what_binds(scenario: Scenario, projection: Projection, factors: dict) -> dict:
    """Where the money binds in a projection: ``by_segment``, each segment with members not renewed or names held,
    with its payer (whose money it depends on: a CSR-paid segment has no other source, ``sim.funding``);
    ``failed_pledges``, the pledges not honoured in that outcome (factor 0), each with its probability of failing;
    ``apbd_binds``, whether an APBD-paid segment is among them."""
    payer_of = {seg.name: seg.payer for seg in scenario.segments}
    cut, held = projection.not_renewed(), projection.held.max(axis=1, initial=0.0)
    rows = [{"segment": n, "payer": payer_of.get(n, APBD), "not_renewed": round(float(cut[s]), 2),
             "held_max": round(float(held[s]), 2)}
            for s, n in enumerate(projection.names) if cut[s] > CUT_SHOWN or held[s] > CUT_SHOWN]
    pledges = {p.name: p for p in scenario.planning.funding.pledges}
    return {"by_segment": rows,
            "failed_pledges": [{"name": n, "segments": list(pledges[n].segments),
                                "probability_failed": round(1.0 - pledges[n].probability, 6)}
                               for n, f in factors.items() if f == 0 and n in pledges],
            "apbd_binds": any(r["payer"] == APBD for r in rows)}


def csr_gap(scenario: Scenario, confidence: float) -> dict:
    """CSR money per year (at CSR premium rates) that closes the gap to the UCJ target, at the confidence over
    which of the scenario's own pledges are honoured, checked by re-running it; and, apart from it, the money the
    city-paid segments outside the UCJ allocation lack (an APBD shortfall that no UCJ pledge covers)."""
    _needs_funding(scenario, "csr_gap")
    planning = scenario.planning
    if planning.ucj is None:
        raise ScenarioError(str(scenario.path), "ucj", "csr_gap needs a UCJ target ([ucj])")
    sharing = tuple(q.segment for q in planning.quotas if q.kind == "ucj_allocation" and q.ucj_allocation > 0)
    if not sharing:  # validation refuses this (sim.planning_schema); kept for a Planning built in code
        raise ScenarioError(str(scenario.path), "expansion", "no segment has a ucj_allocation")
    others = tuple(s.name for s in scenario.segments if s.payer not in EXTERNAL_PAYERS and s.name not in sharing)
    outcomes = pledge_outcomes(scenario)
    measure = _GapMeasure(scenario, sharing, others)
    needs, short = zip(*(measure(factors) for factors, _ in outcomes))
    probs = [prob for _, prob in outcomes]
    # The outcomes covered at the confidence are chosen on the total (CSR + shortfall) need, so that both amounts
    # hold for the same outcomes.
    totals = [{y: n[y] + sum(v for (_, yy), v in sh.items() if yy == y) for y in n} for n, sh in zip(needs, short)]
    chosen = covering_outcomes(totals, probs, confidence)
    years = sorted(needs[0])
    amounts = {y: float(math.ceil(max(needs[i][y] for i in chosen))) for y in years}
    lacking = {(n, y): float(math.ceil(max(short[i].get((n, y), 0.0) for i in chosen))) for n in others for y in years}
    # Check: the CSR money as an ordinary pledge for the UCJ segments only, paying before the APBD (which it frees
    # for the other segments), for every outcome; then with the shortfall added to the other segments' own money.
    pledge = Pledge(GAP_PLEDGE, YearAmounts(by_year=tuple(sorted(amounts.items()))), 1.0, scenario.start.year,
                    FOR_EVER, sharing, 0.0)
    check = with_funding(scenario, pledges=planning.funding.pledges + (pledge,))
    alone = _check(check, outcomes, confidence, planning.ucj, scenario)
    spread = _summary(list(needs), probs)
    out = {
        "confidence": confidence,
        "segments": list(sharing),
        "years": [{"year": y, "csr_idr": amounts[y], "mean_need_idr": round(spread[y]["mean"], 2)} for y in years],
        # From the check run (the CSR money alone): UCJ at each year-end reached with probability >= the confidence.
        "ucj_with_gap_closed": alone["ucj"],
        "probability_money_does_not_bind_with_it": alone["probability"],
        "not_renewed_with_it": alone["not_renewed"],
        "other_city_segments": list(others),
        "shortfall_outside_ucj": None,
    }
    if any(v > 0 for v in lacking.values()):
        out["shortfall_outside_ucj"] = _shortfall_outside(check, lacking, outcomes, confidence, scenario)
    return out


class _GapMeasure:
    """The measuring run of :func:`csr_gap`, one pledge outcome at a time: called with the outcome's pledge factors,
    it gives (CSR money the UCJ segments need per year, (segment, year) -> what the other city-paid segments lack,
    at their own payer's rate).

    Unlimited money pays last, after the city's money: the gap pledge for the UCJ segments, and a separate one for
    every other segment the city pays for (so that city money taken by the UCJ segments' renewals cannot leave, say,
    non-ASN replacements waiting; what those segments lack is not CSR money for UCJ and is reported apart)."""

    def __init__(self, scenario: Scenario, sharing: tuple, others: tuple):
        first = scenario.start.year
        unlimited = [Pledge(GAP_PLEDGE, YearAmounts(every=math.inf), 1.0, first, FOR_EVER, sharing, 0.0,
                            after_city=True)]
        if others:
            unlimited.append(Pledge(SHORTFALL_PLEDGE, YearAmounts(every=math.inf), 1.0, first, FOR_EVER, others, 0.0,
                                    after_city=True))
        # Over whole fiscal years (to_year_end): the money a year's pledge and budgets must hold.
        self.closing = to_year_end(with_funding(scenario, pledges=scenario.planning.funding.pledges + tuple(unlimited)))
        dates, rules = scenario_months(self.closing)
        self.own_rate = {s.name: premium_rates(s, s.payer, rules, dates) for s in scenario.segments
                         if s.name in others}
        self.sharing, self.others = sharing, others
        self.apbd_paid = [s.name for s in scenario.segments if s.name in others and s.payer == APBD]

    def __call__(self, factors: dict) -> tuple[dict, dict]:
        projection = project_scenario(self.closing, {**factors, GAP_PLEDGE: 1.0, SHORTFALL_PLEDGE: 1.0})
        need = money_by_year(projection, f"CSR:{GAP_PLEDGE}")
        lacking = _shortfall(projection, self.others, self.own_rate)
        _move_freed_apbd(projection, need, lacking, self.sharing, self.apbd_paid)
        return need, lacking


def _move_freed_apbd(projection: Projection, need: dict, lacking: dict, sharing: tuple, apbd_paid: list) -> None:
    """CSR money paying for the UCJ segments frees the APBD they used, which then pays for the APBD-paid others:
    that part of their shortfall is CSR money too (counted at the APBD rate, which is never below the CSR rate),
    moved from ``lacking`` to ``need`` in place; the rest (no APBD to free, or a DBH-CHT or CSR payer) is a
    shortfall no UCJ pledge covers."""
    spent = projection.premium.get(APBD)
    for y in need:
        months = projection.years == y
        freed = 0.0 if spent is None else float(sum(spent[projection.index(n), months].sum() for n in sharing))
        short_y = sum(lacking[(n, y)] for n in apbd_paid)
        moved = min(freed, short_y)
        need[y] += moved
        for n in apbd_paid:
            lacking[(n, y)] *= 1.0 - moved / short_y if short_y > 0 else 1.0


def _shortfall_outside(check: Scenario, lacking: dict, outcomes, confidence: float, original: Scenario) -> dict:
    """What the city-paid segments outside the UCJ allocation lack, per year and segment, and the check run with it
    added to each segment's own payer's money beside the CSR pledge (``check``)."""
    payer_of = {s.name: s.payer for s in original.segments}
    others = list(dict.fromkeys(n for n, _ in lacking))
    years = sorted({y for _, y in lacking})
    both = with_funding(check, **_raised_pots(check, lacking, payer_of, years))
    checked = _check(both, outcomes, confidence, original.planning.ucj, original)
    return {
        "note": "money the city-paid segments outside the UCJ allocation lack (at their payer's premium rate), "
                "at the confidence; not part of the CSR answer",
        "years": [{"year": y, "shortfall_idr": round(sum(lacking[(n, y)] for n in others), 2),
                   **{f"{n}_idr": lacking[(n, y)] for n in others}} for y in years],
        "payers": sorted({payer_of[n] for n in others if any(lacking[(n, y)] > 0 for y in years)}),
        "probability_money_does_not_bind_with_both": checked["probability"],
        "ucj_with_both": checked["ucj"],
    }


def _shortfall(projection: Projection, names, own_rate: dict) -> dict:
    """(segment, year) -> what the member-months the shortfall pledge paid for cost at the segment's own rate."""
    paid = projection.member_months.get(f"CSR:{SHORTFALL_PLEDGE}")
    out = {}
    for n in names:
        s = projection.index(n)
        for y in projection.fiscal_years():
            months = projection.years == y
            out[(n, y)] = 0.0 if paid is None else float(paid[s, months] @ own_rate[n][months])
    return out


def _raised_pots(scenario: Scenario, lacking: dict, payer_of: dict, years) -> dict:
    """Funding changes that add each segment's shortfall to its own payer's money (APBD, DBH-CHT, or a pledge)."""
    funding = scenario.planning.funding
    extra = {}
    for (n, y), v in lacking.items():
        extra.setdefault(payer_of[n], {}).setdefault(y, 0.0)
        extra[payer_of[n]][y] += v
    changes = {}
    if APBD in extra:
        changes["apbd"] = YearAmounts(by_year=tuple((y, funding.apbd.at(y) + extra[APBD][y]) for y in years))
    if DBH_CHT in extra and funding.dbh_cht is not None:
        changes["dbh_cht"] = YearAmounts(by_year=tuple((y, funding.dbh_cht.at(y) + extra[DBH_CHT][y]) for y in years))
    csr_paid = tuple(n for n in dict.fromkeys(n for n, _ in lacking) if payer_of[n] == "CSR")
    if csr_paid:
        amounts = tuple((y, sum(lacking[(n, y)] for n in csr_paid)) for y in years)
        changes["pledges"] = funding.pledges + (Pledge(SHORTFALL_PLEDGE, YearAmounts(by_year=amounts), 1.0, years[0],
                                                       FOR_EVER, csr_paid, 0.0),)
    return changes


def _check(scenario: Scenario, outcomes, confidence: float, ucj, original: Scenario) -> dict:
    """Re-run over the pledge outcomes: the probability that the money does not bind, UCJ per year-end reached with
    probability >= the confidence, and members not renewed per segment in the worst outcome."""
    extra = {GAP_PLEDGE: 1.0, SHORTFALL_PLEDGE: 1.0}
    met, runs = 0.0, []
    for factors, prob in outcomes:
        projection = project_scenario(scenario, {**factors, **extra})
        met += 0.0 if money_bound(projection) else prob
        runs.append((prob, ucj_by_year(projection, ucj, original), projection))
    ucj_rows = []
    for k, row in enumerate(runs[0][1]):
        ranked = sorted(((r[1][k]["ucj"], r[0]) for r in runs), reverse=True)
        total, level = 0.0, ranked[-1][0]
        for value, prob in ranked:
            total += prob
            if total >= confidence - 1e-12:
                level = value
                break
        ucj_rows.append({**row, "ucj": level})
    worst = max(runs, key=lambda r: float(r[2].not_renewed().sum()))[2]
    return {"probability": round(met, 6), "ucj": ucj_rows,
            "not_renewed": {n: round(float(cut), 2) for n, cut in zip(worst.names, worst.not_renewed())
                            if cut > CUT_SHOWN}}


def ucj_by_year(projection: Projection, ucj, scenario: Scenario) -> list[dict]:
    """UCJ at each year-end: (covered persons - scheme members at the start + scheme members then) / employed.

    Assumption: members outside the scheme and employed persons stay as they are."""
    start = sum(s.members for s in scenario.segments)
    out = []
    for y in projection.fiscal_years():
        have = float(projection.year_end(y).sum())
        last = int(np.flatnonzero(projection.years == y)[-1])
        out.append({"year": y, "ucj": round((ucj.covered_persons - start + have) / ucj.employed_persons, 6),
                    "target": ucj.target_share if y >= ucj.target_year else None,
                    # The month the year-end closes: December, or the horizon's last month in a year it ends in
                    # before December (which sim plan names rather than the year).
                    "year_end_month": projection.month_dates[last].isoformat()[:7]})
    return out


def city_money(projection: Projection) -> dict:
    return {y: sum(money_by_year(projection, b)[y] for b in CITY_BUCKETS) for y in projection.fiscal_years()}


# --- From the simulated claims ----------------------------------------------------------------------------------


def claims_topup_reserve(claims: np.ndarray, premium: np.ndarray, confidence: float) -> np.ndarray:
    """Per period, the ``confidence`` quantile of ``max(claims - premium, 0)`` over trials (trials x periods)."""
    shortfall = np.maximum(claims - premium[None, :], 0.0)
    return np.quantile(shortfall, confidence, axis=0)


def fan_chart(claims: np.ndarray, premium: np.ndarray, labels) -> list[dict]:
    """Percentiles of the claim ratio per period (rows for a fan chart)."""
    out = []
    for p, label in enumerate(labels):
        if premium[p] <= 0:
            out.append({"period": label, **{f"p{q}": None for q in FAN_PERCENTILES}})
            continue
        ratio = claims[:, p] / premium[p]
        values = np.percentile(ratio, FAN_PERCENTILES)
        out.append({"period": label, **{f"p{q}": round(float(v), 6) for q, v in zip(FAN_PERCENTILES, values)}})
    return out


# --- Sensitivity ------------------------------------------------------------------------------------------------

KEY_OUTPUTS = ("members_end", "premium_idr", "city_money_idr", "claims_expected_idr", "claim_ratio")


def city_premium(model, closed) -> float:
    """Premiums paid from city money (APBD and DBH-CHT) over the horizon, IDR: by the projection's payer buckets
    when members are projected, else by each segment's payer (``closed``: the model's closed form)."""
    if model.projection is not None:
        return float(sum(v.sum() for b, v in model.projection.premium.items() if b in CITY_BUCKETS))
    payers = np.array([e.segment.payer in CITY_BUCKETS for e in model.segments])
    return float(closed.premium[:, payers].sum())


def key_outputs(scenario: Scenario, like=None) -> dict:
    """Closed-form key outputs over the whole horizon (no random numbers). ``like``: a model built for another
    scenario, whose members are taken when this scenario's would be the same (``sim.population.build_model``)."""
    model = build_model(scenario, like)
    exp = expected(model)
    premium, claims = float(exp.premium.sum()), float(exp.amounts.sum())
    city = city_premium(model, exp)
    members_end = float(sum(e.closing[-1] for e in model.segments))  # at the horizon's end, after its exits
    return {"members_end": members_end, "premium_idr": premium, "city_money_idr": city, "claims_expected_idr": claims,
            "claim_ratio": claims / premium if premium > 0 else None}


def tornado(scenario: Scenario) -> dict:
    """Key outputs at each ranged parameter's low and high end and, for a calibrated scenario or one that inherits
    a calibration, the same recalibrated (``sim.sensitivity.Recalibration.document``: the calibration refitted to
    the same recorded claims with the bar at that end, as the report's tornado refits its years). Rows widest
    first by the recalibrated swing where there is one, else by the swing with the calibration held (see
    :func:`ranking_swing`)."""
    model = build_model(scenario)
    base = key_outputs(scenario, model)

    def measure(moved: Scenario) -> dict:  # a bar that moves only what claims cost has the base's members
        return key_outputs(moved, model)

    refit = Recalibration(scenario) if scenario.calibration else None
    base_refit = None if refit is None else _refitted(refit, [], 0, "", (scenario.resolved, base), measure)
    rows = []
    for label, members in groups(scenario.resolved):
        # One bar per ranged parameter (per field when there are many segments, per fitted multiplier in a
        # calibrated scenario), moved to each end of its range.
        bar = shown(scenario.resolved, label, members)
        try:
            docs = [at_range_end(scenario.resolved, members, end) for end in (0, 1)]
            ends = [measure(scenario_from_data(doc)) for doc in docs]
        except ScenarioError as err:  # an end of a stated range that makes the scenario invalid: show it, go on
            rows.append({"parameter": label, "unit": bar["unit"], "invalid": err.problem,
                         "largest_relative_swing": None, "largest_relative_swing_recalibrated": None})
            continue
        row = {"parameter": label, **bar}
        _outputs(row, ends, "")
        row["largest_relative_swing"] = _swing(ends, base)
        # A fitted multiplier's own bar is its posterior interval: not refitted (as in the report's tornado).
        again = (None if refit is None or label.startswith(FITTED_PREFIX)
                 else [_refitted(refit, members, end, label, (docs[end], ends[end]), measure) for end in (0, 1)])
        outs = [None, None] if again is None else [r["outputs"] for r in again]
        _outputs(row, outs, "_recalibrated")
        row["largest_relative_swing_recalibrated"] = None if None in outs else _swing(outs, base)
        for field in ("mortality_scale", "accident_scale", "problem"):
            name = "recalibration_problem" if field == "problem" else f"{field}_recalibrated"
            for end, r in zip(("low", "high"), again or ({}, {})):
                row[f"{name}_{end}"] = r.get(field)
        rows.append(row)
    rows.sort(key=lambda r: (-(ranking_swing(r) or 0.0), r["parameter"]))
    return {"base": _rounded(base), "base_recalibrated": None if base_refit is None else {
                **(_rounded(base_refit["outputs"]) if base_refit["outputs"] else {}),
                **{k: base_refit.get(k) for k in ("mortality_scale", "accident_scale", "problem")}},
            "recalibrated_through": None if refit is None else refit.through, "rows": rows}


def ranking_swing(row: dict) -> float | None:
    """The swing a bar is ranked by: recalibrated where the bar was refitted at both ends, else the swing with the
    calibration held. A budget planner asks what matters given the claims Madiun recorded: held, an assumption that
    moves the death rates (the age profile) seems to move the claims a lot, but the same recorded claims, refitted,
    absorb most of it; so the refitted swing is the one to rank by. Bars the calibrated scenario does not have
    (budgets, the UCJ target, new segments) refit to the calibration as recorded and keep their swing; a fitted
    multiplier's bar (its own 90 % interval) and a scenario not calibrated have only the held swing."""
    refitted = row.get("largest_relative_swing_recalibrated")
    return row.get("largest_relative_swing") if refitted is None else refitted


def _rounded(outputs: dict) -> dict:
    return {k: (None if v is None else round(v, 6)) for k, v in outputs.items()}


def _outputs(row: dict, ends: list, suffix: str) -> None:
    """The key outputs at the low and high end into ``row`` (None where an end has none)."""
    for out in KEY_OUTPUTS:
        for end, at in zip(("low", "high"), ends):
            value = None if at is None else at[out]
            row[f"{out}{suffix}_{end}"] = None if value is None else round(value, 6)


def _swing(ends: list, base: dict) -> float:
    """The largest relative swing of a key output between the two ends, relative to the base."""
    swing = 0.0
    for out in KEY_OUTPUTS:
        a, b = ends[0][out], ends[1][out]
        if a is not None and b is not None and base[out]:
            swing = max(swing, abs(b - a) / abs(base[out]))
    return round(swing, 6)


def _refitted(refit: Recalibration, members: list, end: int, label: str, held: tuple, measure=key_outputs) -> dict:
    """The key outputs of a bar's end recalibrated over the whole horizon (:meth:`Recalibration.at`), with the
    refitted multipliers, or why not (``problem``). ``held``: the (document, key outputs) of the same end with the
    calibration held, taken when the refitted document is the same (a bar the calibrated scenario lacks);
    ``measure``: how the key outputs are worked out (:func:`key_outputs`)."""
    r = refit.at(members, end, label, held, measure=measure, whole=True)
    scales = {k: None if v is None else round(v, 6) for k, v in (("mortality_scale", r.mortality_scale),
                                                                   ("accident_scale", r.accident_scale))}
    return {"outputs": r.outcome, **scales, "problem": r.problem}
