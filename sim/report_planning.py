"""The report's budget lines for a scenario whose members are projected (``[pipeline]``, ``[expansion]``,
``[funding]`` or exit rates: :mod:`sim.expansion`), such as one that starts with few or no members and grows.

The engine simulates the projected members, month by month; the budget lines must follow them too, not the
members at the start (``summary.json``'s ``budget``, which for such a scenario may be 0 members and Rp0). So per
fiscal year: members on average and at the year-end, the year-end target and whether it is reached, what a full
year of the target members costs in the year after, when they are paid for (all payers, at that year's rates), a
full year's premium per member (all payers); the APBD budget, the members it pays for, what the premiums took from
it and what is left, a full year's premium per APBD-paid member and how many of them the budget pays a full year
for, and, with a ``[funding]`` table, the APBD the quota path needs (as ``sim plan`` answers it) (report.json
``planning``); the summary and budget sections say that, and the coverage and payer charts show the projected
members and premiums.
:mod:`sim.report_sections` calls this module for such a scenario and keeps its own layout for the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from . import chart_descriptions, charts
from .i18n import Language, upper_first
from .regulation import load_regulation
from .report_document import Chart, Figure, Para, Section, Table, Tiles, fill
from .report_document import report_figure as _r, summary_figure as _s  # short: hundreds of figures
from .budget import (
    DEFAULT_CONFIDENCE, UnlimitedApbd, budget_needed, coverage_lacks, csr_gap, money_after_horizon,
    money_before_horizon, pledges_in_horizon,
    targets_after_horizon, targets_before_horizon, ucj_by_year, verify_budget,
)
from .expansion import premium_rates, project_scenario
from .funding import APBD, DBH_CHT, EXTERNAL_PAYERS
from .membership import EXIT_CAUSES
from .pledge_outcomes import ALL_HONOURED, FAILED, NONE_HONOURED, outcome_name, pledge_outcomes
from .population import month_dates
from .scenario import Scenario


TARGET_TOLERANCE = 0.005  # a year-end target counts as reached within this share of it (as sim.budget.targets_met)
SPENT_IN_FULL = 0.005  # a budget with less than this share left is spent in full


def _yearly(months: np.ndarray, values: np.ndarray) -> float:
    return float(values[..., months].sum())


def _apbd_rates(projection, apbd_rate: np.ndarray, apbd_months, months: np.ndarray) -> list[dict]:
    """Per segment the APBD pays for in the year: a full year of the APBD's premium for one more member, at the
    year's rates. The year's average per APBD-paid member (``budget_per_member_idr``) is at the year's mix of
    segments; a planner adding members of one segment (BPU workers, say) needs that segment's own rate."""
    if apbd_months is None:
        return []
    return [{"segment": name, "premium_idr": round(12 * float(apbd_rate[s, months].mean()), 2)}
            for s, name in enumerate(projection.names) if apbd_months[s, months].sum() > 0]


def planning_figures(scenario: Scenario, projection=None) -> dict | None:
    """Per fiscal year, for a scenario whose members are projected (``[pipeline]``, ``[expansion]``, ``[funding]``
    or exits: ``sim.expansion``): members on average and at the year-end, the year-end target and whether it is
    reached, the APBD budget, what the premiums took from it and what is left, the premium of a full year per
    member and the members the budget pays for a full year, the premium a full year of the target members takes in
    the year after; the premium by payer; the members in force month by month. None for a scenario without a
    projection (its members are those at the start, held to their run-off). ``projection``: the scenario's own
    projection (``build_model(scenario).projection``, which the forecast made), if the caller has it; else it is
    made here."""
    planning = getattr(scenario, "planning", None)
    if planning is None or not planning.shapes_exposure:
        return None
    p = _Projected.of(scenario, project_scenario(scenario) if projection is None else projection)
    funded = planning.funding is not None
    # Each pledge outcome with unlimited APBD, projected once for both the APBD needed and the pledge outcomes.
    unlimited = UnlimitedApbd(scenario) if funded else None
    needed = _apbd_needed(scenario, unlimited) if funded else None
    need_of = {str(r["year"]): r["budget_idr"] for r in needed["years"]} if needed else {}
    targets = p.projection.targets
    if not targets and scenario.target_members is not None:  # no quota: the [budget] table's target, every year
        targets = {(None, y): float(scenario.target_members) for y in p.projection.fiscal_years()}
    ucj = ({u["year"]: u["ucj"] for u in ucj_by_year(p.projection, planning.ucj, scenario)} if planning.ucj
           else {})
    years = []
    for y in p.projection.fiscal_years():
        row = p.year_row(y, ucj.get(y))
        row.update(p.target_fields(targets, y))
        budget = p.projection.treasury.available.get(y, {}).get(APBD) if funded else scenario.annual_budget
        row.update(p.budget_fields(y, budget, need_of.get(str(y))))
        if funded:  # per segment, for the priority check: names admitted in the year, names waiting at its end
            row["segments"] = p.segment_rows(y)
        years.append(row)
    outcomes = pledge_outcomes(scenario, unlimited)
    payers = _payer_rows(p.projection, funded)
    if needed is not None:
        needed["pledge_relief"] = _pledge_relief(needed, outcomes)
        _city_needed(years, payers)
    return {
        # Targets listed after the horizon's last year or superseded before its first (a horizon shortened or moved
        # with --set), summed over segments as the years' targets, and the budget and pledge money listed for those
        # years, per payer and year: nothing uses them.
        "targets_after_horizon": _targets_by_year(targets_after_horizon(scenario)),
        "money_after_horizon": [{**m, "year": str(m["year"])} for m in money_after_horizon(scenario)],
        "targets_before_horizon": _targets_by_year(targets_before_horizon(scenario)),
        "money_before_horizon": [{**m, "year": str(m["year"])} for m in money_before_horizon(scenario)],
        "pledge_outcomes": outcomes,
        "budget_needed": needed and {k: v for k, v in needed.items() if k != "years"},
        "csr_gap_to_ucj": _csr_gap(scenario) if funded else None,
        "priority": list(planning.funding.priority) if funded else None,
        "ucj_target": ({"share": planning.ucj.target_share, "year": planning.ucj.target_year} if planning.ucj
                       else None),
        "start_members": round(float(sum(s.members for s in scenario.segments)), 2),
        "start": scenario.start.isoformat()[:7],
        "years": years,
        "payers": payers,
        "months": p.month_rows(),
    }


def _pledge_relief(needed: dict, outcomes: dict | None) -> dict | None:
    """When the APBD needed at the confidence is that of the outcome with no pledge honoured, in every year: that
    outcome's probability and what all the others cover together (less than the confidence, so the answer must
    cover it). A planner read the need beside the pledges and took it to count on them (madiun-2026-ucj-csr: 15 %
    none honoured, 85 % the rest, below 90 %). None otherwise, or when the outcomes are not every combination."""
    if not outcomes or not outcomes.get("all_combinations"):
        return None
    none = next((o for o in outcomes["outcomes"] if o["failed"] and not o["honoured"]), None)
    if none is None or 1.0 - none["probability"] >= needed["confidence"] - 1e-12:
        return None
    need = {int(r["year"]): r["budget_idr"] for r in needed["years"]}
    if any(abs(need.get(int(y["year"]), -1.0) - y["apbd_needed_idr"]) > 1.0 for y in none["years"]):
        return None
    return {"probability_none_honoured": none["probability"],
            "probability_others": round(1.0 - none["probability"], 6)}


def _city_needed(years: list, payers: list) -> None:
    """Per year with an APBD needed, when DBH-CHT pays premiums: the DBH-CHT premium (the main projection's; it is
    spent before the APBD) and the city's money in all, APBD needed plus it (``city_needed_idr``): the APBD needed
    leaves DBH-CHT out, though DBH-CHT is spent through the APBD, and a BAPPEDA budget line needs both."""
    dbh = {r["year"]: r["premium_idr"] for r in payers if r["payer"] == DBH_CHT}
    if not any(dbh.values()):
        return
    for y in years:  # a part year's premium is its months', its need to 31 December's: not added up
        if y.get("apbd_needed_idr") is not None and whole_year(y):
            y["dbh_cht_premium_idr"] = dbh.get(y["year"], 0.0)
            y["city_needed_idr"] = round(y["apbd_needed_idr"] + y["dbh_cht_premium_idr"], 2)


def _csr_gap(scenario: Scenario) -> dict | None:
    """``sim plan``'s CSR money to close the gap to the UCJ target (plan.json ``budget.csr_gap_to_ucj``) at
    ``DEFAULT_CONFIDENCE``, per year; None for a scenario without a UCJ target shared by segments."""
    if coverage_lacks(scenario)["csr_gap_to_ucj"] is not None:
        return None
    gap = csr_gap(scenario, DEFAULT_CONFIDENCE)
    return {"confidence": gap["confidence"], "segments": gap["segments"],
            "years": [{"year": str(r["year"]), "csr_idr": r["csr_idr"]} for r in gap["years"]],
            "probability_money_does_not_bind_with_it": gap["probability_money_does_not_bind_with_it"]}


def _targets_by_year(targets: list) -> list[dict]:
    """Year-end targets per segment and year (``sim.budget.targets_after_horizon``'s rows) summed over segments."""
    by_year = {}
    for t in targets:
        by_year[t["year"]] = by_year.get(t["year"], 0.0) + t["target"]
    return [{"year": str(y), "target": round(t, 2)} for y, t in sorted(by_year.items())]


@dataclasses.dataclass(frozen=True)
class _Projected:
    """A scenario's projection with what :func:`planning_figures`' rows read from it: members in force and at
    each month's close, each segment's premium rate by month at its own payer's and at the APBD's rates, the
    APBD's member-months and premium (None when the APBD pays for nobody), and each segment's own payer's rate in
    the 12 months after the horizon's last fiscal year (from the regulation and that year's wage alone: the
    projection stops before)."""

    projection: object
    members: np.ndarray  # (S, M)
    closing: np.ndarray  # (S, M)
    own_rate: np.ndarray  # (S, M)
    apbd_rate: np.ndarray  # (S, M)
    apbd_months: np.ndarray | None
    apbd_premium: np.ndarray | None
    own_rate_after: np.ndarray  # (S, 12): own payer's rate in the fiscal year after the horizon's last

    @classmethod
    def of(cls, scenario: Scenario, projection) -> "_Projected":
        regulation = load_regulation()

        def rules(dates) -> list:
            return [regulation.at(scenario.rules_date or d) for d in dates]

        months, later = projection.month_dates, month_dates(dt.date(projection.fiscal_years()[-1] + 1, 1, 1), 12)
        during, after = rules(months), rules(later)
        return cls(projection, projection.members(), projection.closing(),
                   np.array([premium_rates(s, s.payer, during, months) for s in scenario.segments]),
                   np.array([premium_rates(s, APBD, during, months) for s in scenario.segments]),
                   projection.member_months.get(APBD), projection.premium.get(APBD),
                   np.array([premium_rates(s, s.payer, after, later) for s in scenario.segments]))

    def months_of(self, year: int) -> np.ndarray:
        return np.flatnonzero(self.projection.years == year)

    def year_row(self, year: int, ucj: float | None) -> dict:
        """Members on average and at the year-end, names waiting then, the premium and its full year per member."""
        projection, months = self.projection, self.months_of(year)
        last = months[-1]
        member_months = _yearly(months, self.members)
        premium = sum(_yearly(months, v) for v in projection.premium.values())
        return {
            "year": str(year),
            # Its first month in the horizon: January, or the horizon's first in a year it starts in after January
            # (whose premiums, those of the months from then, the report marks as a part year's).
            "first_month": projection.month_dates[months[0]].isoformat()[:7],
            # The month the year-end figures close: December, or the horizon's last month in a year it ends in
            # before December (whose "year-end" the report names by that month and marks).
            "year_end_month": projection.month_dates[last].isoformat()[:7],
            "members": round(member_months / len(months), 2),
            "members_year_end": round(float(self.closing[:, last].sum()), 2),
            "held_year_end": round(float(projection.held[:, last].sum()), 2),
            # Names BPJS registered in the year (waiting for money or not) and names admitted, covered from that
            # month (among them names that waited): the report's table of when waiting names are covered.
            "registered": round(float(projection.arrived[:, months].sum()), 2),
            "admitted": round(float(projection.admitted[:, months].sum()), 2),
            "premium_idr": round(premium, 2),
            "premium_per_member_idr": round(premium / member_months * 12, 2) if member_months > 0 else None,
            "ucj": ucj,
            # Members in force not renewed at the year's round because the money ran short (sim.funding).
            "not_renewed": round(float(projection.not_renewed(months).sum()), 2),
        }

    def target_fields(self, targets: dict, year: int) -> dict:
        """The year-end targets (summed over the segments that have one), the members of those segments then,
        whether they are reached, and a full year's premium of the target members in the fiscal year after, the
        year they are paid for in (``target_rates_year``). A year whose 31 December lies after the horizon (one
        ending in June, say) keeps its target and its premium, but the members at the horizon's end are not the
        year-end's: the shortfall and whether it is reached are not known (None; the report says "beyond the
        horizon"), as ``sim.budget.targets_met`` says for ``sim plan``."""
        year_targets = {name: t for (name, ty), t in targets.items() if ty == year}
        if not year_targets:
            return {"target": None, "target_reached": None}
        last = self.months_of(year)[-1]
        have = {name: float(self.closing[:, last].sum() if name is None
                            else self.closing[self.projection.index(name), last]) for name in year_targets}
        short = sum(max(t - have[n], 0.0) for n, t in year_targets.items())
        judged = self.projection.month_dates[last].month == 12
        # The members counted on 31 December are paid for through the next fiscal year, at its rates: a CSR pledge
        # paid a BPU member half the APBD's rate in 2026 (PP 50/2025) and pays the full rate from 2027, so a 2026
        # target priced at 2026's rates understated what it takes in 2027.
        paid_in = year + 1
        rate = {n: self.full_year_rate(n, paid_in, last) for n in year_targets}
        return {
            "target": round(sum(year_targets.values()), 2),
            "target_members_year_end": round(sum(have.values()), 2),
            "target_short": round(short, 2) if judged else None,
            "target_reached": (all(have[n] >= t * (1 - TARGET_TOLERANCE) for n, t in year_targets.items())
                               if judged else None),
            "target_premium_idr": round(sum(t * rate[n] for n, t in year_targets.items()), 2),
            "target_rates_year": str(paid_in),
        }

    def full_year_rate(self, name: str | None, year: int, year_end: int) -> float:
        """A full year's premium in fiscal ``year`` per member of segment ``name`` (None: of the whole scheme, a
        [budget] target). Inside the projection: a segment at what a member of it cost that year, all payers
        together (its own payer's rate where it has no member then), the whole scheme at that year's premium per
        member-year (the plain mean of the segments' rates where nobody is in force). After it (``year`` follows
        the horizon's last) the projection does not say who pays: each segment at its own payer's rate under the
        rules in force that year and on that year's wage (assumption; a PU wage grows by
        ``assumptions.wage_growth``, 0 in the base, where only the rules move a rate), the whole scheme at the mix
        of members at month ``year_end`` (the plain mean with nobody in force)."""
        months = self.months_of(year)
        if len(months):
            if name is not None:
                return self.segment_rate(self.projection.index(name), months)
            member_months = _yearly(months, self.members)
            if member_months <= 0:
                return 12 * float(self.own_rate[:, months].mean())
            return 12 * sum(_yearly(months, v) for v in self.projection.premium.values()) / member_months
        own = 12 * self.own_rate_after.mean(axis=1)
        if name is not None:
            return float(own[self.projection.index(name)])
        mix = self.closing[:, year_end]
        return float(own @ mix / mix.sum()) if mix.sum() > 0 else float(own.mean())

    def segment_rate(self, s: int, months: np.ndarray) -> float:
        """A full year's premium per member of segment ``s`` in ``months``: what all its payers paid over its
        member-months; its own payer's rate where it has none."""
        member_months = _yearly(months, self.members[s])
        if member_months <= 0:
            return 12 * float(self.own_rate[s, months].mean())
        return 12 * sum(_yearly(months, v[s]) for v in self.projection.premium.values()) / member_months

    def budget_fields(self, year: int, budget: float | None, needed: float | None) -> dict:
        """The APBD budget of the year against what its premiums took: what is left, a full year per APBD-paid
        member, the members it pays a full year for, and (with ``needed``, the APBD needed) what it lacks."""
        if budget is None or not np.isfinite(budget):
            return {"budget_idr": None}
        months, apbd_months = self.months_of(year), self.apbd_months
        budget = float(budget)
        spent = _yearly(months, self.apbd_premium) if self.apbd_premium is not None else 0.0
        paid_months = _yearly(months, apbd_months) if apbd_months is not None else 0.0
        own = _yearly(months, apbd_months * self.apbd_rate) if apbd_months is not None else 0.0
        # The APBD's share of co-funded CSR pledges: in the APBD's premium, but for members a pledge pays for.
        cofunding = max(spent - own, 0.0) if spent - own > SPENT_IN_FULL * spent else 0.0
        # A full year of an APBD-paid member, at the APBD rate and this year's mix of APBD-paid members; the
        # members the budget pays a full year for once the co-funding is paid (comparable with apbd_members).
        per_member = (12 * own / paid_months) if paid_months > 0 else None
        out = {
            "budget_idr": round(budget, 2),
            "apbd_members": round(paid_months / len(months), 2),
            "apbd_cofunding_idr": round(cofunding, 2),
            "apbd_needed_idr": needed,
            "budget_spent_idr": round(spent, 2),
            "budget_left_idr": round(max(budget - spent, 0.0), 2) + 0.0,
            "budget_spent_in_full": bool(budget - spent <= SPENT_IN_FULL * budget),
            "budget_per_member_idr": round(per_member, 2) if per_member else None,
            # Rounded as the members are: floored, a budget spent in full read one short of its members.
            "members_affordable": int(round(max(budget - cofunding, 0.0) / per_member)) if per_member else None,
            "apbd_rates": _apbd_rates(self.projection, self.apbd_rate, apbd_months, months),
        }
        if needed is not None:
            out["apbd_short_idr"] = round(max(needed - budget, 0.0), 2)
        return out

    def segment_rows(self, year: int) -> list[dict]:
        """Per segment: names admitted in the year, names waiting at its end, members not renewed at its round."""
        projection, months = self.projection, self.months_of(year)
        cut = projection.not_renewed(months)
        return [{"segment": n, "joined": round(float(projection.ledgers[n].joined[months].sum()), 2),
                 "held_year_end": round(float(projection.held[s, months[-1]]), 2),
                 "not_renewed": round(float(cut[s]), 2)}
                for s, n in enumerate(projection.names)]

    def month_rows(self) -> list[dict]:
        """Members in force month by month, and those the APBD pays for: its member-months (a segment's payer may
        be APBD while a pledge pays)."""
        apbd = (self.apbd_months.reshape(-1, self.apbd_months.shape[-1]).sum(axis=0) if self.apbd_months is not None
                else np.zeros(len(self.projection.month_dates)))
        return [{"month": d.isoformat()[:7], "members": round(float(self.members[:, m].sum()), 2),
                 "apbd_members": round(float(apbd[m]), 2)} for m, d in enumerate(self.projection.month_dates)]


def _payer_rows(projection, funded: bool) -> list[dict]:
    """Per fiscal year and payer: the premium it paid and, for a limited city budget, what it had and what is left."""
    rows = []
    for y in projection.fiscal_years():
        months = np.flatnonzero(projection.years == y)
        available = projection.treasury.available.get(y, {}) if funded else {}
        for bucket in sorted(projection.premium):
            a = available.get(bucket)
            limited = bucket not in EXTERNAL_PAYERS and a is not None and np.isfinite(a)
            spent = _yearly(months, projection.premium[bucket])
            rows.append({"year": str(y), "payer": bucket, "premium_idr": round(spent, 2),
                         "available_idr": round(float(a), 2) if limited else None,
                         "left_idr": round(max(float(a) - spent, 0.0), 2) + 0.0 if limited else None})
    return rows


def _apbd_needed(scenario: Scenario, unlimited: UnlimitedApbd) -> dict:
    """The APBD needed each fiscal year for the quota path (without quotas: for the members the plan enrols), premiums
    only, at ``DEFAULT_CONFIDENCE`` over which CSR pledges are honoured, as ``sim plan`` answers it
    (:func:`sim.budget.budget_needed`); the probability that the money does not bind with it; the year-end targets that
    even unlimited money does not reach (the enrolment pipeline is too slow)."""
    need = budget_needed(scenario, DEFAULT_CONFIDENCE, unlimited)
    by_year = {r["year"]: r["budget_idr"] for r in need["years"]}
    return {
        "years": need["years"],
        "confidence": DEFAULT_CONFIDENCE,
        "for": need["for"],
        "pledges": len(pledges_in_horizon(scenario)),  # a pledge with no year in the horizon plays no part
        "probability_money_does_not_bind": round(verify_budget(scenario, by_year), 6),
        "targets_missed_with_unlimited_budget": [
            {k: t[k] for k in ("segment", "year", "target", "members_year_end")}
            for t in need["targets_with_unlimited_budget"] if t["reached"] is False],
    }


# --- sections -----------------------------------------------------------------------------------------------------


def _y(i: int, name: str) -> str:
    return f"planning.years.{i}.{name}"


def _listed(lang: Language, items: list, prefix: str = "", last: str | None = "and",
            separator: str = ", ") -> tuple[str, dict]:
    """``(text, figures)`` items joined into one list by :meth:`Language.join` ("a, b, dan c"; ``last`` its word:
    ``and``, ``or`` or ``and_groups``; ``separator`` ``"; "`` for items that hold commas of their own: "a; b; dan
    c"), or, with ``last`` None, "a; b; c", a record-like enumeration with no word before its last item (a label and
    its figure each, not read as a sentence's list; the caller says why); each item's placeholders made unique."""
    parts, figures = [], {}
    for i, (text, figs) in enumerate(items):
        parts.append(fill(text, {k: "{" + f"{prefix}{k}_{i}" + "}" for k in figs}))
        figures.update({f"{prefix}{k}_{i}": f for k, f in figs.items()})
    if last is None:
        return separator.join(parts), figures
    return lang.join(parts, last, separator), figures


def _yearly_figures(lang: Language, extra: dict, indices: list, item: str, field: str, kind: str,
                    name: str, mark=None) -> tuple[str, dict]:
    """``(text, figures)``: the planning years' ``field`` listed ("2026 Rp2,91 miliar, ... dan 2030 Rp5,21 miliar"),
    each item the text ``item`` with ``{year}`` and ``{name}``; with ``mark`` (:func:`_part_year`, :func:`_part_need`),
    each figure marked by it."""
    years = extra["planning"]["years"]

    def figure(i: int) -> Figure:
        shown = _r(extra, _y(i, field), kind)
        return mark(shown, years[i]) if mark else shown

    items = [(lang(item, year=years[i]["year"]), {name: figure(i)}) for i in indices]
    return _listed(lang, items, f"{name}_")


def _listed_para(lang: Language, key: str, items: list, **text) -> Para:
    joined, figures = _listed(lang, items)
    return Para(lang(key, items=joined, **text), figures)


def year_end_words(lang: Language, year: dict) -> str:
    """The end of a planning year (report.json ``planning.years[]``) in words: the year ("2026") when its December is
    in the horizon, else the horizon's last month ("Juni 2026"), whose members are not those of 31 December."""
    return year["year"] if year_ends_in_december(year) else lang.iso_date(year["year_end_month"])


def year_ends_in_december(year: dict) -> bool:
    """Whether a planning year's year-end figures are those of 31 December (not of a horizon ending before it)."""
    return year["year_end_month"].endswith("-12")


def whole_year(year: dict) -> bool:
    """Whether a planning year's money is a full year's: the horizon holds it from January to December (a horizon
    starting after January or ending before December gives its first or last year part of a year's premiums, set
    against a full year's budget)."""
    return year["first_month"].endswith("-01") and year_ends_in_december(year)


def _from_start_members(figure: Figure) -> bool:
    """A figure of the members at the start (summary.json's ``budget``)."""
    return figure.src == "summary.json" and figure.key.startswith("budget.")


def summary_blocks(lang: Language, scenario: Scenario, summary: dict, extra: dict, blocks: list) -> list:
    """The summary's blocks with the budget lines built from the members at the start replaced by those of the
    projection, year by year: the tiles' budget and members, the paragraphs on a full year of the starting
    members, the budget left and the target. The first year's claim ratio paragraph no longer compares that
    year's premium with a full year of the starting members."""
    first = summary["periods"][0]
    ratio, ratio_plan = lang("exec_ratio", period=first["period"]), lang("exec_ratio_plan", period=first["period"])
    out, placed = [], False
    for b in blocks:
        if isinstance(b, Tiles):
            b = Tiles(_tiles(lang, summary, extra) + [item for item in b.items if not _from_start_members(item[1])])
        elif isinstance(b, Para) and any(_from_start_members(f) for f in b.figures.values()):
            if not placed:
                out += _budget_lines(lang, scenario, extra)
                placed = True
            continue
        elif isinstance(b, Para) and b.text.startswith(ratio):
            b = Para(ratio_plan + b.text[len(ratio):], b.figures, b.style)
        out.append(b)
    if not placed:
        out[1:1] = _budget_lines(lang, scenario, extra)
    tiles = next((k for k, b in enumerate(out) if isinstance(b, Tiles)), None)
    note = _premium_tile_note(lang, out[tiles], extra) if tiles is not None else None
    return out if note is None else [*out[:tiles + 1], note, *out[tiles + 1:]]


def _tiles(lang: Language, summary: dict, extra: dict) -> list:
    """The first tile answers the planner's question, the first year's APBD needed (with a [funding] table); else
    the APBD budget the scenario assumes, or the first year's premium. Then the members at the end."""
    years = extra["planning"]["years"]
    last = len(years) - 1
    first = years[0]["year"]
    if years[0].get("apbd_needed_idr") is not None:  # marked when the horizon starts in that year after January
        # How sure (with pledges) and what it leaves out (DBH-CHT): the tile is read alone, as the answer.
        need = extra["planning"]["budget_needed"]
        label = _apbd_excl(lang, extra, lang("tile_plan_needed", year=first))
        if need["pledges"]:
            label += lang("tile_plan_confidence", confidence=lang.percent(need["confidence"]))
        money = (label, _part_need(_r(extra, _y(0, "apbd_needed_idr"), "money"), years[0]))
    elif years[0]["budget_idr"] is not None:
        money = (lang("tile_plan_budget", year=first), _r(extra, _y(0, "budget_idr"), "money"))
    else:  # marked when the horizon holds only part of that year (premium_tile_note says so under the tiles)
        money = (lang("tile_plan_premium", year=first), _part_year(_s(summary, "periods.0.premium_idr", "money"),
                                                                   years[0]))
    return [money, (lang("tile_plan_members_end", year=year_end_words(lang, years[last])),
                    _r(extra, _y(last, "members_year_end"), "count"))]


def _premium_tile_note(lang: Language, tiles: Tiles, extra: dict) -> Para | None:
    """Under the tiles, when the first shows the first year's premium (no APBD budget nor [funding]) and the horizon
    holds only part of that year: its premium is those months' only (the APBD needed, the other first tile, has the
    note after the summary's sentences on the APBD, :func:`_with_budget_note`). None otherwise."""
    label, figure = tiles.items[0]
    if figure.key != "periods.0.premium_idr" or not figure.mark:
        return None
    return Para(_premium_partial_note(lang, extra["planning"]["years"][0]), style="note")


def _budget_lines(lang: Language, scenario: Scenario, extra: dict) -> list:
    years = extra["planning"]["years"]
    last = len(years) - 1
    blocks = [Para(lang("exec_plan_lead", date=lang.month(scenario.start), last=year_end_words(lang, years[last])), {
        "start": _r(extra, "planning.start_members", "count"),
        "end": _r(extra, _y(last, "members_year_end"), "count"),
    }, "lead")]
    # What the budget buys, and what the targets take.
    text, figures = _buys_text(lang, extra)
    targeted = [i for i, y in enumerate(years) if y["target"] is not None]
    if targeted:
        targets, t_figs = _listed(lang, [(lang("plan_item_target", year=years[i]["year"]),
                                          {"target": _r(extra, _y(i, "target"), "count")}) for i in targeted], "t_")
        premiums, p_figs = _listed(lang, [(lang("plan_item_target_premium", year=years[i]["target_rates_year"]),
                                           {"premium": _r(extra, _y(i, "target_premium_idr"), "money")})
                                          for i in targeted], "p_")
        all_payers = _other_payers(extra)
        text.append(lang("exec_plan_targets_all_payers" if all_payers else "exec_plan_targets",
                         targets=targets, premiums=premiums))
        figures.update({**t_figs, **p_figs})
    if text:
        blocks.append(Para(" ".join(text), figures))
    blocks.append(_apbd_needed_para(lang, scenario, extra))
    # The APBD paragraph's "target still reached in the main projection, which counts each pledge at amount times
    # probability" already says how pledges are counted: the pledge-risk paragraph does not say it again.
    said = bool(_short_but_reached(extra))  # empty without a budget answer or pledges
    blocks.append(_pledge_risk(lang, scenario, extra, pledge_names(lang, scenario), counted_said=said))
    # What the premiums took from the budget each year, and what is left.
    spent = [i for i, y in enumerate(years) if y["budget_idr"] is not None]
    if spent:
        blocks.append(_listed_para(lang, "exec_plan_left", [
            (lang("plan_item_left", year=years[i]["year"]),
             {"spent": _part_year_cell(extra, _y(i, "budget_spent_idr"), "money", years[i]),
              "left": _part_year_cell(extra, _y(i, "budget_left_idr"), "money", years[i])})
            for i in spent]))
    blocks = _with_budget_note(lang, blocks, years)
    blocks += _targets_paras(lang, extra, targeted, scenario)
    blocks += [_outside_horizon_para(lang, scenario, extra, side) for side in ("before", "after")]
    cut = [i for i, y in enumerate(years) if round(y["not_renewed"]) > 0]
    if cut:  # the renewals come first, but the money may not pay for all of them
        para = _listed_para(lang, "exec_plan_not_renewed", [_not_renewed_item(lang, scenario, extra, i) for i in cut])
        beyond = _not_renewed_beyond_apbd(lang, scenario, [years[i] for i in cut])
        blocks.append(Para(para.text + beyond, para.figures) if beyond else para)
    blocks.append(_priority_para(lang, scenario, extra))
    blocks.append(_ucj_para(lang, extra))
    blocks.append(_csr_gap_para(lang, scenario, extra))
    return [b for b in blocks if b is not None]


def _with_budget_note(lang: Language, blocks: list, years: list) -> list:
    """``blocks`` with the note on a part year's APBD premiums (:func:`_partial_budget_notes`) after the last
    paragraph with a marked figure (the APBD needed, what the premiums took and left), said once for all of them."""
    marked = [k for k, b in enumerate(blocks) if isinstance(b, Para) and any(f.mark for f in b.figures.values())]
    if not marked:
        return blocks
    k = marked[-1]
    para = blocks[k]
    return [*blocks[:k], Para(" ".join([para.text, *_partial_budget_notes(lang, years)]), para.figures, para.style),
            *blocks[k + 1:]]


def _buys_text(lang: Language, extra: dict) -> tuple[list, dict]:
    """The sentences on what each year's APBD budget buys (members for a full year, at a premium per member) and the
    APBD's share of co-funded pledges it pays first; with their figures."""
    years = extra["planning"]["years"]
    budgeted = [i for i, y in enumerate(years) if y["budget_idr"] is not None and y["members_affordable"] is not None]
    if not budgeted:
        return [], {}
    text, figures = [], {}
    same = {(years[i]["budget_idr"], years[i]["members_affordable"], years[i]["budget_per_member_idr"])
            for i in budgeted}
    if len(same) == 1 and len(budgeted) == len(years):
        i = budgeted[0]
        text.append(lang("exec_plan_buys"))
        figures.update({"budget": _r(extra, _y(i, "budget_idr"), "money"),
                        "affordable": _r(extra, _y(i, "members_affordable"), "count"),
                        "per_member": _r(extra, _y(i, "budget_per_member_idr"), "money")})
    else:  # the budget, or the premium per member, changes from year to year: a list of years
        one_rate = len({years[i]["budget_per_member_idr"] for i in budgeted}) == 1
        items = []
        for i in budgeted:
            figs = {"budget": _r(extra, _y(i, "budget_idr"), "money"),
                    "affordable": _r(extra, _y(i, "members_affordable"), "count")}
            if not one_rate:
                figs["per_member"] = _r(extra, _y(i, "budget_per_member_idr"), "money")
            items.append((lang("plan_item_buys" if one_rate else "plan_item_buys_each", year=years[i]["year"]), figs))
        joined, figs = _listed(lang, items, "b_")
        text.append(lang("exec_plan_buys_years" if one_rate else "exec_plan_buys_years_mixed", items=joined))
        figures.update(figs)
        if one_rate:
            figures["per_member"] = _r(extra, _y(budgeted[0], "budget_per_member_idr"), "money")
    cofunded = [i for i in budgeted if years[i].get("apbd_cofunding_idr")]
    if cofunded and len(cofunded) == len(budgeted) and len({years[i]["apbd_cofunding_idr"] for i in cofunded}) == 1:
        text.append(lang("exec_plan_cofunding_every_year"))
        figures["cofunding"] = _r(extra, _y(cofunded[0], "apbd_cofunding_idr"), "money")
    elif cofunded:
        joined, figs = _yearly_figures(lang, extra, cofunded, "plan_item_cofunding", "apbd_cofunding_idr", "money",
                                       "cofunding")
        text.append(lang("exec_plan_cofunding", items=joined))
        figures.update(figs)
    return text, figures


def _targets_paras(lang: Language, extra: dict, targeted: list, scenario: Scenario | None = None) -> list:
    """Whether each year-end target is reached: the years reached, the years missed with the shortfall, the names
    waiting, whether the budget was spent in full and then which segment most of them are
    (:func:`_lowest_priority_waiting`), and the years whose year-end lies beyond the horizon."""
    years = extra["planning"]["years"]
    blocks = []
    reached = [i for i in targeted if years[i]["target_reached"]]
    missed = [i for i in targeted if years[i]["target_reached"] is False]
    beyond = [i for i in targeted if years[i]["target_reached"] is None]
    if reached:
        blocks.append(_listed_para(lang, "exec_plan_reached", [
            (lang("plan_item_reached", year=years[i]["year"]),
             {"end": _r(extra, _y(i, "target_members_year_end"), "count"), "target": _r(extra, _y(i, "target"), "count")})
            for i in reached]))
    if missed:
        items = []
        for i in missed:
            figs = {"end": _r(extra, _y(i, "target_members_year_end"), "count"),
                    "target": _r(extra, _y(i, "target"), "count"), "short": _r(extra, _y(i, "target_short"), "count")}
            waiting = round(years[i]["held_year_end"]) > 0
            if waiting:
                figs["held"] = _r(extra, _y(i, "held_year_end"), "count")
            # The shortfall is summed over the segments below their targets (one above its target does not make up
            # for another); say so where a segment is above its target by half a member or more, not where the
            # figures shown differ by rounding alone (33,345 - 26,730 = 6,615 shown beside 6,615.6 -> 6,616).
            by_segment = (years[i]["target_short"]
                          - (years[i]["target"] - years[i]["target_members_year_end"])) >= 0.5
            key = "plan_item_missed_waiting" if waiting else "plan_item_missed"
            items.append((lang(key + ("_segments" if by_segment else ""), year=years[i]["year"]), figs))
        para = _listed_para(lang, "exec_plan_missed", items)
        if all(years[i]["budget_idr"] is not None and years[i]["budget_spent_in_full"] for i in missed):
            para = Para(para.text + " " + lang("exec_plan_capped"), para.figures)
            lowest = _lowest_priority_waiting(lang, scenario, extra, missed) if scenario is not None else None
            if lowest is not None:
                para = Para(para.text + " " + lowest[0], {**para.figures, **lowest[1]})
        blocks.append(para)
    if beyond:  # the horizon ends before 31 December: its last month's members are not the year-end's
        last = extra["planning"]["months"][-1]["month"]
        blocks.append(_listed_para(lang, "exec_plan_beyond", [
            (lang("plan_item_beyond", year=years[i]["year"]), {"target": _r(extra, _y(i, "target"), "count")})
            for i in beyond], last=lang.iso_date(last)))
    return blocks


def _outside_horizon_para(lang: Language, scenario: Scenario, extra: dict, side: str) -> Para | None:
    """The year-end targets and the budget and pledge money listed ``side`` ("after" or "before") the horizon's last
    or first year (a horizon shortened or moved with ``--set``), which the projection does not use: said in one
    sentence, so that the register's lists do not read as counted. None without."""
    plan = extra["planning"]
    targets = [(lang("plan_item_beyond", year=t["year"]),
                {"target": _r(extra, f"planning.targets_{side}_horizon.{k}.target", "count")})
               for k, t in enumerate(plan.get(f"targets_{side}_horizon") or [])]
    groups = [("plan_outside_targets", {}, targets)] if targets else []
    money = plan.get(f"money_{side}_horizon") or []
    names = pledge_names(lang, scenario)
    for payer in dict.fromkeys(m["payer"] for m in money):  # a group per payer, in the order listed
        items = [(lang("plan_item_outside_money", year=m["year"]),
                  {"amount": _r(extra, f"planning.money_{side}_horizon.{k}.amount_idr", "money")})
                 for k, m in enumerate(money) if m["payer"] == payer]
        kind, _, pledge = payer.partition(":")
        groups.append(("plan_outside_pledge", {"name": names.get(pledge, pledge)}, items) if kind == "CSR" else
                      ("plan_outside_budget", {"payer": lang.choice("payer", payer)}, items))
    if not groups:
        return None
    listed = []
    for g, (key, words, items) in enumerate(groups):
        joined, figures = _listed(lang, items, f"a{g}_")
        listed.append((lang(key + ("_several" if len(items) > 1 else ""), items=joined, **words), figures))
    several = len(groups) > 1 or len(groups[0][2]) > 1
    # "A1 and A2, and B": where a group lists several items, its own "and" is not the one between the groups.
    lists = any(len(items) > 1 for _, _, items in groups)
    joined, figures = _listed(lang, listed, last="and_groups" if lists else "and")
    month = plan["months"][-1 if side == "after" else 0]["month"]  # the horizon's last or first month
    text = lang(f"exec_plan_{side}_horizon" + ("_several" if several else ""), items=joined,
                month=lang.iso_date(month))
    return Para(upper_first(text), figures)  # it starts with the first group's words


PASSED = 0.5  # names: a segment counts as admitting or waiting from half a name (the projection is fluid)


def _not_renewed_item(lang: Language, scenario: Scenario, extra: dict, i: int) -> tuple[str, dict]:
    """``(text, figures)``: the members not renewed in planning year ``i`` and the segments they belong to ("432
    peserta pada 2028 (semuanya dari segmen “...”)"): a count alone left a planner asking whose cover ends."""
    year = extra["planning"]["years"][i]
    labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
    rows = [(k, r) for k, r in enumerate(year.get("segments", [])) if r.get("not_renewed", 0.0) >= PASSED]
    figures = {"cut": _r(extra, _y(i, "not_renewed"), "count")}
    if not rows:
        return lang("plan_item_not_renewed", year=year["year"]), figures
    if len(rows) == 1:
        segments = lang("plan_item_cut_all", segment=labels.get(rows[0][1]["segment"], rows[0][1]["segment"]))
    else:
        segments, seg_figures = _listed(lang, [
            (lang("plan_item_cut_segment", segment=labels.get(r["segment"], r["segment"])),
             {"n": _r(extra, f"planning.years.{i}.segments.{k}.not_renewed", "count")}) for k, r in rows], "s_")
        figures.update(seg_figures)
    return lang("plan_item_not_renewed_segments", year=year["year"], segments=segments), figures


def _not_renewed_beyond_apbd(lang: Language, scenario: Scenario, years: list) -> str:
    """`` <sentence>`` naming the segments among those not renewed whose payer is not the APBD (DBH-CHT or CSR money
    alone pays for them, ``sim.funding``): the APBD does not take them over, so its budget is not what renews them;
    "" when there are none."""
    payer_of = {seg.name: seg.payer for seg in scenario.segments}
    labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
    names = dict.fromkeys(r["segment"] for y in years for r in y.get("segments", [])
                          if r.get("not_renewed", 0.0) >= PASSED and payer_of.get(r["segment"], APBD) != APBD)
    if not names:
        return ""
    listed, _ = _listed(lang, [(lang("plan_item_segment_payer", segment=labels.get(n, n),
                                     payer=lang.choice("payer", payer_of[n])), {}) for n in names])
    return " " + lang("exec_plan_not_renewed_beyond_apbd", segments=listed)


def _apbd_only_order(scenario: Scenario, extra: dict) -> list:
    """The segments the APBD alone pays for, in ``funding.priority`` order (empty without one): they contest the same
    money, while DBH-CHT, a pledge or an outside payer may pay for one segment's names and not another's."""
    funding = scenario.planning.funding if scenario.planning is not None else None
    if not extra["planning"].get("priority") or funding is None:
        return []
    other_money = set(funding.dbh_cht_segments).union(*(p.segments for p in funding.pledges))
    apbd_only = {s.name for s in scenario.segments if s.payer == APBD and s.name not in other_money}
    return [n for n in extra["planning"]["priority"] if n in apbd_only]


def _lowest_priority_waiting(lang: Language, scenario: Scenario, extra: dict,
                             missed: list) -> tuple[str, dict] | None:
    """``(sentence, figures)`` naming the lowest-priority segment when most of the names waiting for money at each
    missed year-end with names waiting are its: a budget that runs out falls on it, which the targets paragraph's
    totals and the priority paragraph's higher-priority names leave the reader to work out. None otherwise (the
    cut then falls elsewhere too, as the priority paragraph says)."""
    order = _apbd_only_order(scenario, extra)
    if len(order) < 2:  # one segment: nothing to rank
        return None
    lowest, years = order[-1], extra["planning"]["years"]
    items = []
    for i in missed:
        if years[i]["held_year_end"] < PASSED:
            continue
        k, row = next(((k, r) for k, r in enumerate(years[i].get("segments", [])) if r["segment"] == lowest),
                      (None, None))
        if row is None or row["held_year_end"] <= years[i]["held_year_end"] / 2:
            return None
        items.append((lang("plan_item_lowest_waiting", year=years[i]["year"]),
                      {"n": _r(extra, f"planning.years.{i}.segments.{k}.held_year_end", "count"),
                       "held": _r(extra, _y(i, "held_year_end"), "count")}))
    if not items:
        return None
    joined, figures = _listed(lang, items, "low_")
    label = next(seg.labels[lang.code] for seg in scenario.segments if seg.name == lowest)
    return lang("exec_plan_lowest_waiting", segment=label, rank=len(order),
                items=joined), figures


def _priority_para(lang: Language, scenario: Scenario, extra: dict) -> Para | None:
    """The years in which a lower-priority segment admitted names while a higher-priority one still had names
    waiting at the year-end, and why: money is given out as names come (waiting names first at the year's round,
    then each month's registrations in priority order), not kept back for a higher-priority segment's later names.
    Only segments that the APBD alone pays for are compared: they contest the same money, while DBH-CHT, a pledge
    or an outside payer (SERTAKAN) may pay for a lower-priority segment's names and not for a higher one's. None
    when that never happens (or without a [funding] table)."""
    order = _apbd_only_order(scenario, extra)
    if not order:
        return None
    labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
    rank = {name: k for k, name in enumerate(order)}
    items = []
    for i, y in enumerate(extra["planning"]["years"]):
        rows = {r["segment"]: (k, r) for k, r in enumerate(y.get("segments", []))}
        waiting = [n for n in order if n in rows and rows[n][1]["held_year_end"] >= PASSED]
        admitted = [n for n in order if n in rows and rows[n][1]["joined"] >= PASSED
                    and waiting and rank[n] > rank[waiting[0]]]
        if not admitted:
            continue

        def segments(names: list, item: str, field: str, prefix: str) -> tuple[str, dict]:
            return _listed(lang, [(lang(item, segment=labels.get(n, n), rank=rank[n] + 1),
                                   {"n": _r(extra, f"planning.years.{i}.segments.{rows[n][0]}.{field}", "count")})
                                  for n in names], prefix)

        joined_text, figs = segments(admitted, "plan_item_admitted", "joined", f"j{i}_")
        held = [n for n in waiting if rank[n] < rank[admitted[-1]]]
        held_text, held_figs = segments(held, "plan_item_waiting", "held_year_end", f"h{i}_")
        # Other segments' names (lower priority, or paid for by other money) wait too: the year's total, the one the
        # targets paragraph gives, leads, so that the segments named read as part of it and not as all who wait.
        if any(r["held_year_end"] >= PASSED and n not in held for n, (_, r) in rows.items()):
            item = lang("plan_item_passed_of_total", year=y["year"], joined=joined_text, held=held_text)
            held_figs["total"] = _r(extra, f"planning.years.{i}.held_year_end", "count")
        else:
            item = lang("plan_item_passed", year=y["year"], joined=joined_text, held=held_text)
        items.append((item, {**figs, **held_figs}))
    if not items:
        return None
    # A sentence ("Karena itu, pada 2027, ... diterima, sedangkan ...; dan pada 2028, ..."): each year's clause
    # holds commas of its own. Two clauses keep the "; " too: joined by "dan" alone they read "menunggu dana pada
    # akhir tahun dan pada 2030, ...", as if the year-end were 2030's.
    if len(items) == 2:
        items[1] = (f"{lang('list_and')} {items[1][0]}", items[1][1])
        joined, figures = _listed(lang, items, last=None, separator="; ")
    else:
        joined, figures = _listed(lang, items, separator="; ")
    return Para(lang("exec_plan_priority_passed", items=joined), figures)


def _ucj_para(lang: Language, extra: dict) -> Para | None:
    """Universal Coverage Jamsostek at each year-end against its target (a scenario with ``[ucj]``), as ``sim plan``
    prints it; None otherwise."""
    target = extra["planning"].get("ucj_target")
    if target is None:
        return None
    years = extra["planning"]["years"]
    shown = [i for i, y in enumerate(years) if y.get("ucj") is not None]
    # A year the horizon ends in before December: UCJ at its last month, named by it.
    joined, figures = _listed(lang, [
        (lang("plan_item_ucj", year=years[i]["year"]) if year_ends_in_december(years[i])
         else lang("plan_item_ucj_month", month=lang.iso_date(years[i]["year_end_month"])),
         {"ucj": _r(extra, _y(i, "ucj"), "percent1")}) for i in shown], "ucj_")
    figures["target"] = _r(extra, "planning.ucj_target.share", "percent1")
    at = next((i for i in shown if years[i]["year"] == str(target["year"])), None)
    key = "exec_plan_ucj"
    if at is not None and year_ends_in_december(years[at]):  # not judged on a month before its 31 December
        key += "_reached" if years[at]["ucj"] >= target["share"] else "_missed"
    return Para(lang(key, items=joined, year=target["year"]), figures)


def _gap_years(extra: dict) -> list:
    """The planning years in which the UCJ target needs CSR money beyond the scenario's (``csr_gap_to_ucj``)."""
    gap = extra["planning"].get("csr_gap_to_ucj")
    return [] if gap is None else [k for k, r in enumerate(gap["years"]) if r["csr_idr"] > 0]


def _csr_gap_para(lang: Language, scenario: Scenario, extra: dict) -> Para | None:
    """The CSR money beyond the scenario's that reaches the UCJ target, as ``sim plan`` answers it (plan.json
    ``budget.csr_gap_to_ucj``): the summary said only that the target is missed. None when none is needed."""
    shown = _gap_years(extra)
    if not shown:
        return None
    gap, target = extra["planning"]["csr_gap_to_ucj"], extra["planning"]["ucj_target"]
    items, figures = _listed(lang, [(lang("plan_item_csr_gap", year=gap["years"][k]["year"]),
                                     {"csr": _r(extra, f"planning.csr_gap_to_ucj.years.{k}.csr_idr", "money")})
                                    for k in shown], "csr_")
    labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
    segments, _ = _listed(lang, [(f"“{labels.get(n, n)}”", {}) for n in gap["segments"]])
    figures["target"] = _r(extra, "planning.ucj_target.share", "percent1")
    figures["confidence"] = _r(extra, "planning.csr_gap_to_ucj.confidence", "percent")
    return Para(lang("exec_plan_ucj_csr_gap", year=target["year"], segments=segments, items=items), figures)


def _other_payers(extra: dict) -> bool:
    """Whether anybody but the APBD pays premiums in the projection (then "the premium" is all payers' together)."""
    return any(r["payer"] != APBD and r["premium_idr"] > 0 for r in extra["planning"]["payers"])


def _dbh_pays(extra: dict) -> bool:
    """Whether DBH-CHT pays premiums in the projection (then the APBD needed leaves it out)."""
    return charts.dbh_pays(extra["planning"]["payers"])


def _apbd_excl(lang: Language, extra: dict, text: str) -> str:
    """``text`` with its first "APBD" as "APBD (di luar DBH-CHT)" when DBH-CHT pays premiums: the APBD needed leaves
    the DBH-CHT out though the methodology says DBH-CHT is spent through the APBD, so each place that gives the need
    says so (the tile, the summary, the APBD and pledge tables, the pledge-risk sentence)."""
    return text.replace("APBD", lang("apbd_excl_dbh"), 1) if _dbh_pays(extra) else text


def _apbd_name(lang: Language, extra: dict) -> str:
    """The APBD needed's name where a text names it after other APBD figures: "APBD (di luar DBH-CHT)" when DBH-CHT
    pays premiums, as :func:`_apbd_excl` labels it, else "APBD"."""
    return _apbd_excl(lang, extra, "APBD")


def _apbd_needed_para(lang: Language, scenario: Scenario, extra: dict) -> Para | None:
    """The APBD each year needs for the quota path (or the plan's members), as ``sim plan`` answers it: at what
    confidence over the CSR pledges, whether the scenario's APBD budget falls short of it and in which years, and the
    targets that even unlimited money does not reach. None without a [funding] table."""
    need = extra["planning"].get("budget_needed")
    if need is None:
        return None
    years = extra["planning"]["years"]
    shown = [i for i, y in enumerate(years) if y.get("apbd_needed_idr") is not None]
    # A year the horizon starts in after January needs the APBD of its months from then only: marked, as in the
    # table; one it ends in before December needs a whole year's (_part_need).
    joined, figures = _yearly_figures(lang, extra, shown, "plan_item_needed", "apbd_needed_idr", "money", "need",
                                      mark=_part_need)
    text = [_apbd_excl(lang, extra, lang("exec_plan_needed_quota" if need["for"] == "quota_path"
                                         else "exec_plan_needed_members", items=joined))]
    sure = need["probability_money_does_not_bind"] >= 1.0
    if need["pledges"]:
        text.append(lang("exec_plan_needed_pledges_sure" if sure else "exec_plan_needed_pledges"))
        figures["confidence"] = _r(extra, "planning.budget_needed.confidence", "percent")
        if not sure:
            figures["p"] = _r(extra, "planning.budget_needed.probability_money_does_not_bind", "chance")
        if need.get("pledge_relief"):
            text.append(lang("exec_plan_need_no_relief"))
            figures["p_none"] = _r(extra, "planning.budget_needed.pledge_relief.probability_none_honoured", "chance")
            figures["p_others"] = _r(extra, "planning.budget_needed.pledge_relief.probability_others", "chance")
    else:
        text.append(lang("exec_plan_needed_no_pledges"))
    if any(years[i].get("target_premium_idr") is not None for i in shown):  # beside the full year for the target
        text.append(lang("exec_plan_needed_versus_target"))
        above = [] if _other_payers(extra) else _need_above_target(years, shown)
        if above:
            text.append(lang("exec_plan_needed_above_target", years=_listed(lang, [(y, {}) for y in above])[0]))
    short = [i for i in shown if years[i].get("apbd_short_idr")]
    if short:
        joined, figs = _yearly_figures(lang, extra, short, "plan_item_short", "apbd_short_idr", "money", "short",
                                       mark=_part_need)
        text.append(lang("exec_plan_needed_short", items=joined))
        figures.update(figs)
        reached = _short_but_reached(extra)
        if reached:  # short only when pledges fail: the main projection reaches the target
            text.append(lang("exec_plan_needed_short_reached", years=_listed(lang, [(y, {}) for y in reached])[0]))
    elif all(years[i]["budget_idr"] is not None for i in shown):
        text.append(lang("exec_plan_needed_enough"))
    city = [i for i in shown if years[i].get("city_needed_idr") is not None]
    if city:
        joined, figs = _yearly_figures(lang, extra, city, "plan_item_city", "city_needed_idr", "money", "city")
        text.append(lang("exec_plan_city_needed", items=joined))
        figures.update(figs)
    elif _dbh_pays(extra):
        text.append(lang("exec_plan_needed_dbh_cht"))
    missed = need["targets_missed_with_unlimited_budget"]
    if missed:
        labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
        items = [(lang("plan_item_unreachable", segment=labels.get(t["segment"], t["segment"] or ""), year=t["year"]),
                  {"end": _r(extra, f"planning.budget_needed.targets_missed_with_unlimited_budget.{k}.members_year_end",
                             "count"),
                   "target": _r(extra, f"planning.budget_needed.targets_missed_with_unlimited_budget.{k}.target",
                                "count")})
                 for k, t in enumerate(missed)]
        joined, figs = _listed(lang, items, "u_")
        text.append(lang("exec_plan_needed_unreachable", items=joined))
        figures.update(figs)
    return Para(" ".join(text), figures)


NEED_ABOVE_TARGET = 0.01  # share: above the target's full year by less is the refilled places' overlap


def _need_above_target(years: list, shown: list) -> list:
    """The years whose APBD needed is above the full year's premium for the previous year-end target, which is paid
    in them. A place a member leaves is refilled in the same month and that month is paid for both
    (``sim.expansion`` ``places``), so a year whose members are at the target all year needs a little more than
    twelve months of it: named only within ``NEED_ABOVE_TARGET``, as a larger gap would have another cause."""
    return [years[i]["year"] for i in shown if i > 0 and years[i - 1].get("target_premium_idr")
            and years[i - 1].get("target_rates_year") == years[i]["year"]
            and 0 < years[i]["apbd_needed_idr"] - years[i - 1]["target_premium_idr"]
            <= NEED_ABOVE_TARGET * years[i - 1]["target_premium_idr"]]


def _short_but_reached(extra: dict) -> list:
    """The years the APBD budget falls short of the APBD needed and the target is reached all the same (the main
    projection counts each CSR pledge at amount times probability): empty without pledges."""
    need = extra["planning"].get("budget_needed")
    if not need or not need["pledges"]:
        return []
    return [y["year"] for y in extra["planning"]["years"]
            if y.get("apbd_needed_idr") is not None and y.get("apbd_short_idr") and y.get("target_reached")]


def _pledge_risk(lang: Language, scenario: Scenario, extra: dict, names: dict,
                 counted_said: bool = False) -> Para | None:
    """The outcome with failed pledges that hurts most (members not renewed, then names waiting), in a sentence;
    None without pledges or when no failure cuts or holds anybody. Outcomes where some pledge is still honoured
    come first: "if this pledge fails" is the planner's question; "none honoured" only when there is no other. The
    sentence gives the failed pledges' own chance of failing before that outcome's (rarer) exact combination, who is
    not renewed in which year, and which honoured pledge had just ended then (its members fall to the APBD)."""
    answer = extra["planning"]["pledge_outcomes"]
    if answer is None:
        return None
    outcomes = answer["outcomes"]
    failures = [i for i, o in enumerate(outcomes) if o["failed"] and o["honoured"]] or \
               [i for i, o in enumerate(outcomes) if o["failed"]]
    i = max(failures, key=lambda k: (outcomes[k]["not_renewed"], outcomes[k]["held_max"]))
    worst = outcomes[i]
    if round(worst["not_renewed"]) == 0 and round(worst["held_max"]) == 0:
        return None
    key = f"planning.pledge_outcomes.outcomes.{i}"
    quoted, _ = _listed(lang, [(f"“{names.get(n, n)}”", {}) for n in worst["failed"]])
    several = len(worst["failed"]) > 1
    text = [] if counted_said else [lang("exec_plan_pledge_counted")]  # said once in the summary
    text.append(lang("pledge_fails_several" if several else "pledge_fails_one", names=quoted))
    figures = {"p_fail": _r(extra, f"{key}.probability_failed", "chance")}
    if worst["honoured"]:  # the other pledges are honoured: that exact combination is rarer
        text.append(lang("pledge_if_only_several" if several else "pledge_if_only_one"))
        figures["p"] = _r(extra, f"{key}.probability", "chance")
    else:
        text.append(lang("pledge_if_all"))
    parts = []
    cuts = [k for k, y in enumerate(worst["years"]) if round(y["not_renewed"]) > 0]
    if cuts:
        joined, figs = _listed(lang, [_cut_item(lang, scenario, extra, worst, k, key, names) for k in cuts], "c_")
        parts.append(lang("pledge_cut", items=joined))
        figures.update(figs)
    every = next(k for k, o in enumerate(outcomes) if not o["failed"])  # every pledge honoured
    if round(worst["held_max"]) > 0:
        most = max(range(len(worst["years"])), key=lambda k: worst["years"][k]["held_year_end"])
        held_in = next(y for y in extra["planning"]["years"] if y["year"] == str(worst["years"][most]["year"]))
        parts.append(lang("pledge_held", year=year_end_words(lang, held_in)))
        figures["held"] = _r(extra, f"{key}.held_max", "count")
        # Names may wait for money with every pledge honoured too (madiun-2026-ucj-csr over 59 months: 5,278 beside
        # 7,705 at the end of November 2030): said beside it, or the whole wait reads as the failed pledge's doing.
        if round(outcomes[every]["years"][most]["held_year_end"]) > 0:
            parts[-1] += lang("pledge_held_all")
            figures["held_all"] = _r(extra, f"planning.pledge_outcomes.outcomes.{every}.years.{most}.held_year_end",
                                     "count")
    last = len(worst["years"]) - 1
    year = worst["years"][last]["year"]
    # The last year's APBD needed: marked in a year the horizon starts in after January (its months from then only).
    plan_year = extra["planning"]["years"][last]
    figures["need"] = _part_need(_r(extra, f"{key}.years.{last}.apbd_needed_idr", "money"), plan_year)
    need_all = _part_need(_r(extra, f"planning.pledge_outcomes.outcomes.{every}.years.{last}.apbd_needed_idr",
                             "money"), plan_year)
    if lang.money(figures["need"].value) != lang.money(need_all.value):
        parts.append(_apbd_excl(lang, extra, lang("pledge_need", year=year)))
        figures["need_all"] = need_all
    else:  # "Rp3,56 miliar, bukan Rp3,56 miliar": the same need, said once, and why it does not change
        parts.append(_apbd_excl(lang, extra, _same_need(lang, scenario, extra, worst, key, year, figures)))
    return Para(" ".join(text) + " " + "; ".join(parts) + ".", figures)


def _same_need(lang: Language, scenario: Scenario, extra: dict, outcome: dict, key: str, year: int,
               figures: dict) -> str:
    """The APBD needed when the failed pledges do not change it (to the amount shown): when every member not renewed
    belongs to a segment whose payer is not the APBD (a CSR-paid segment has no other source: ``sim.funding``), the
    APBD does not take them over, and the sentence says so with how many (the outcome's ``not_renewed``)."""
    payer_of = {seg.name: seg.payer for seg in scenario.segments}
    cut = {name for y in outcome["years"] for name, n in y["not_renewed_by_segment"].items() if round(n) > 0}
    payers = sorted({payer_of.get(name, APBD) for name in cut})
    if cut and APBD not in payers:
        figures["not_renewed"] = _r(extra, f"{key}.not_renewed", "count")
        listed, _ = _listed(lang, [(lang.choice("payer", p), {}) for p in payers])
        return lang("pledge_need_same_other_payer", year=year, payers=listed)
    return lang("pledge_need_same", year=year)


def _cut_item(lang: Language, scenario: Scenario, extra: dict, outcome: dict, k: int, key: str,
              names: dict) -> tuple[str, dict]:
    """One year's members not renewed in a pledge outcome: the year, the honoured pledges that ended the year
    before (their members then need other money), the count and the segments."""
    year = outcome["years"][k]["year"]
    labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
    cut = outcome["years"][k]["not_renewed_by_segment"]
    segments, _ = _listed(lang, [(f"“{labels.get(n, n)}”", {}) for n in cut])
    ended = [p for p in extra["planning"]["pledge_outcomes"]["pledges"] if p["name"] in outcome["honoured"] and p["last_year"] == year - 1]
    if ended:
        quoted, _ = _listed(lang, [(f"“{names.get(p['name'], p['name'])}” ({p['first_year']}–{p['last_year']})", {})
                                   for p in ended])
        text = lang("pledge_cut_year_after", year=year, pledges=quoted, segments=segments)
    else:
        text = lang("pledge_cut_year", year=year, segments=segments)
    return text, {"cut": _r(extra, f"{key}.years.{k}.not_renewed", "count")}


def budget_section(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> Section:
    """Members, premiums and budget by year; the projected members by month; premiums by year and payer."""
    plan = extra["planning"]
    years = plan["years"]
    i = next((k for k, y in enumerate(years) if y["premium_per_member_idr"] is not None), 0)
    all_payers = _other_payers(extra)
    blocks = [Para(lang("budget_intro_plan_all_payers" if all_payers else "budget_intro_plan", year=years[i]["year"]), {
        "per_member": _r(extra, _y(i, "premium_per_member_idr"), "money"),
        "claims": _s(summary, f"periods.{i}.claims_expected_idr", "money"),
        "members": _s(summary, f"periods.{i}.members", "count"),
    })]
    dash = "-"
    # Targets set for some segments only are judged on those segments' members: beside everyone's year-end alone,
    # 11,960 members stood against a target of 9,000 marked "not reached" (8,770 in the segment with the target).
    some = _targets_of_some_segments(years)
    gap = extra["planning"].get("csr_gap_to_ucj") if _gap_years(extra) else None
    gap_of = {r["year"]: k for k, r in enumerate(gap["years"])} if gap else {}
    rows = []
    for k, y in enumerate(years):
        has_target = y["target"] is not None
        gap_cell = ([_r(extra, f"planning.csr_gap_to_ucj.years.{gap_of[y['year']]}.csr_idr", "money")
                     if y["year"] in gap_of else dash] if gap else [])
        rows.append((
            y["year"],
            _s(summary, f"periods.{k}.members", "count"),
            _year_end_cell(extra, _y(k, "members_year_end"), y),
            *([_year_end_cell(extra, _y(k, "target_members_year_end"), y) if has_target else dash] if some else []),
            _r(extra, _y(k, "target"), "count") if has_target else dash,
            _reached_cell(lang, y["target_reached"]) if has_target else dash,
            _r(extra, _y(k, "target_premium_idr"), "money") if has_target else dash,
            *gap_cell,
        ))
    styles = ["check" if y["target_reached"] is False else "" for y in years]
    header = tuple(lang(k) for k in ("col_period", "col_members_avg", "col_members_end",
                                     *(["col_members_end_targeted"] if some else []), "col_target",
                                     "col_target_reached",
                                     "col_target_premium_all" if all_payers else "col_target_premium",
                                     *(["col_csr_gap_ucj"] if gap else [])))
    notes = ([lang("plan_targets_some_segments_note")] if some else []) + (
        [lang("plan_target_tolerance_note", share=lang.percent(TARGET_TOLERANCE, 1))]
        if _reached_below_target(years) else []) + [
        _target_premium_note(lang, years, extra["planning"]["payers"])] + _partial_year_notes(lang, years) + (
        [lang("plan_csr_gap_note", target=lang.percent(plan["ucj_target"]["share"], 1), year=plan["ucj_target"]["year"],
              confidence=lang.percent(gap["confidence"]))] if gap else [])
    blocks.append(Table("budget_years", header, rows, styles, " ".join(n for n in notes if n)))
    blocks += _waiting_blocks(lang, extra)
    blocks += _apbd_blocks(lang, scenario, extra)
    caption = lang("caption_plan_members")
    if any(y["budget_idr"] is not None and y["members_affordable"] is not None for y in years):
        caption += lang("caption_plan_affordable")
        if charts.others_pay(plan["months"]):
            caption += lang("caption_plan_apbd_members")
    if any(y["target"] is not None for y in years):
        caption += lang("caption_plan_targets")
    # A year only partly in the horizon: both axes name it by its months (charts.year_tick); the captions say why.
    part = lang.join(lang.months(*charts.part_year(y)) for y in years if not whole_year(y))
    blocks.append(Chart("coverage", caption + (lang("caption_plan_part_years", months=part) if part else "")))
    caption = lang("caption_plan_premium")
    if any(y["budget_idr"] is not None for y in years):
        caption += lang("caption_plan_budget")
    if any(y["target"] is not None for y in years):
        caption += lang("caption_plan_target_premium")
    if any(y.get("apbd_needed_idr") is not None for y in years):  # charts.plan_premium's circles
        caption += _apbd_excl(lang, extra, lang("caption_plan_apbd_needed"))
    blocks.append(Chart("funding", caption + (lang("caption_plan_part_years_premium", months=part) if part else "")))
    blocks.append(_payers_table(lang, scenario, extra))
    if plan["pledge_outcomes"] is not None:
        blocks += _pledge_blocks(lang, extra, pledge_names(lang, scenario))
    blocks.append(Para(lang("budget_enrolment_plan"), style="note"))
    return Section("budget", lang("sec_budget"), blocks, traced=True)


def _waiting_blocks(lang: Language, extra: dict) -> list:
    """Per year: names BPJS registered, names admitted (covered from then), names registered but still waiting for
    money at the year-end (not covered) and members covered then; with a sentence on the waiting names at the
    horizon's last year-end. A planner reads from it when the waiting names are covered, which plan_enrolment.csv
    alone said. Nothing when no name waits at any year-end."""
    years = extra["planning"]["years"]
    if not any(round(y["held_year_end"]) > 0 for y in years):
        return []
    rows = [(y["year"], _part_year(_r(extra, _y(k, "registered"), "count"), y),
             _part_year(_r(extra, _y(k, "admitted"), "count"), y),
             _year_end_cell(extra, _y(k, "held_year_end"), y), _year_end_cell(extra, _y(k, "members_year_end"), y))
            for k, y in enumerate(years)]
    styles = ["check" if round(y["held_year_end"]) > 0 else "" for y in years]
    header = tuple(lang(k) for k in ("col_period", "col_registered", "col_admitted", "col_waiting_end",
                                     "col_members_end"))
    last = len(years) - 1
    if round(years[last]["held_year_end"]) > 0:
        note = Para(lang("budget_waiting_last", year=years[last]["year"]),
                    {"held": _year_end_cell(extra, _y(last, "held_year_end"), years[last])})
    else:
        note = Para(lang("budget_waiting_none_last", year=years[last]["year"]))
    # A year the horizon holds only part of registers and admits names in its months only, as its premiums.
    notes = [lang("plan_waiting_partial_note", mark=PARTIAL_MARK, year=y["year"],
                  months=lang.months(y["first_month"], y["year_end_month"])) for y in years if not whole_year(y)]
    notes = " ".join(notes + _partial_year_notes(lang, years))
    return [Para(lang("budget_waiting_intro")), Table("plan_waiting", header, rows, styles, notes), note]


def _payers_table(lang: Language, scenario: Scenario, extra: dict) -> Table:
    """The premium by year and payer, with what each limited payer had and has left. A year the horizon holds only
    part of has its premiums and what is left marked, with a note naming its months: its lower premiums read as a
    fall in spending, and what is left as money to spare."""
    plan = extra["planning"]
    years = {y["year"]: y for y in plan["years"]}
    names = pledge_names(lang, scenario)
    dash = "-"
    rows = [(r["year"], payer_name(r["payer"], names, lang),
             _part_year_cell(extra, f"planning.payers.{k}.premium_idr", "money", years[r["year"]]),
             _r(extra, f"planning.payers.{k}.available_idr", "money") if r["available_idr"] is not None else dash,
             _part_year_cell(extra, f"planning.payers.{k}.left_idr", "money", years[r["year"]])
             if r["left_idr"] is not None else dash)
            for k, r in enumerate(plan["payers"])]
    notes = []
    expected = scenario.planning.funding is not None and scenario.planning.funding.csr_draw == "expected"
    if plan["pledge_outcomes"] is not None and expected:  # a pledge's money is an expectation, not cash: say so
        notes.append(lang("plan_payers_note_pledges"))
        if any(y.get("apbd_cofunding_idr") for y in plan["years"]):
            notes.append(lang("plan_payers_note_cofunding"))
    # An outside payer's code (SERTAKAN) is no budget line a planner knows, and its dashes read as money missing.
    outside = [p for p in dict.fromkeys(r["payer"] for r in plan["payers"]) if p in EXTERNAL_PAYERS]
    if outside:
        notes.append(lang("plan_payers_note_outside", payers=lang.join(
            [lang(f"payer_explained_{p}", payer=lang.choice("payer", p)) for p in outside], separator="; ")))
    for y in plan["years"]:
        if not whole_year(y):
            notes.append(_premium_partial_note(lang, y))
            if any(r["left_idr"] is not None for r in plan["payers"] if r["year"] == y["year"]):
                notes.append(lang("plan_payers_partial_left"))
    return Table("plan_payers", tuple(lang(k) for k in ("col_period", "col_payer", "col_premium", "col_available",
                                                        "col_left")), rows, [], " ".join(notes))


def _premium_partial_note(lang: Language, year: dict) -> str:
    """The note on the marked premiums of a year the horizon holds only part of, of all payers (the table of
    payers, the summary's first tile): those of its months in the horizon ("Juli–Desember 2026"), not a full
    year's."""
    return lang("plan_premium_partial_note", mark=PARTIAL_MARK, year=year["year"],
                months=lang.months(year["first_month"], year["year_end_month"]))


# After the members at the "year-end" of a year the horizon ends in before December, and after the money of a year
# the horizon holds only part of (also one it starts in after January), as sim plan stars them.
PARTIAL_MARK = "*"


def _year_end_cell(extra: dict, key: str, year: dict) -> Figure:
    """The members, or the names waiting for money, at the year-end (report.json ``key``) of planning year ``year``,
    marked when the horizon ends in that year before December (the note under its table says what the mark means:
    :func:`_partial_year_notes`, :func:`_partial_pledge_notes`). A year the horizon starts in after January still
    ends on 31 December: not marked."""
    return dataclasses.replace(_r(extra, key, "count"), mark="" if year_ends_in_december(year) else PARTIAL_MARK)


def _part_year_cell(extra: dict, key: str, kind: str, year: dict) -> Figure:
    """A money figure of planning year ``year`` (report.json ``key``), marked when the horizon holds only part of
    that year (:func:`whole_year`): the premiums it paid and what is left cover those months only (the APBD needed:
    :func:`_part_need`)."""
    return _part_year(_r(extra, key, kind), year)


def _part_year(figure: Figure, year: dict) -> Figure:
    """``figure``, money of planning year ``year``, marked when the horizon holds only part of that year."""
    return dataclasses.replace(figure, mark="" if whole_year(year) else PARTIAL_MARK)


def _part_need(figure: Figure, year: dict) -> Figure:
    """``figure``, the APBD planning year ``year`` needs, marked when the horizon starts in that year after January
    (its need is that of its months from then). A year the horizon ends in before December needs a whole year's
    budget (``sim.budget``: its members are renewed, and its names admitted, to 31 December): not marked."""
    return dataclasses.replace(figure, mark="" if year["first_month"].endswith("-01") else PARTIAL_MARK)


def _partial_budget_notes(lang: Language, years: list) -> list:
    """Under the APBD's premiums paid and needed and budget left: for a year the horizon holds only part of, that
    its marked premiums are those of its months in the horizon, set against a full year's budget (as sim plan's note
    under its table says): those up to the horizon's end in a year it ends in before December, those of "Juli–
    Desember 2026" in a year it starts in after January (:func:`_partial_start_note`)."""
    return [_partial_start_note(lang, y) if not y["first_month"].endswith("-01") else
            lang("plan_budget_partial_note", mark=PARTIAL_MARK, year=y["year"],
                 month=lang.iso_date(y["year_end_month"])) for y in years if not whole_year(y)]


def _partial_start_note(lang: Language, year: dict) -> str:
    """The note on the marked premiums of a year the horizon starts in after January: those of its months in the
    horizon ("Juli–Desember 2026", or "Maret–September 2026" in a horizon within one year) against a full year's
    budget."""
    return (lang("plan_budget_partial_start_note", mark=PARTIAL_MARK, year=year["year"],
                 first=lang.iso_date(year["first_month"]), months=lang.months(year["first_month"],
                                                                              year["year_end_month"]))
            + _need_to_december(lang, year))


def _need_to_december(lang: Language, year: dict) -> str:
    """For a year the horizon starts in after January and ends in before December (March to August 2026), the
    sentence that its marked APBD needed is that of its months to 31 December ("March–December 2026"), not of the
    premiums' months the note before it names; "" for any other year."""
    if year_ends_in_december(year):
        return ""
    return lang("plan_need_to_december", year=year["year"],
                months=lang.months_to_december(year["first_month"]))


def _partial_pledge_notes(lang: Language, years: list) -> list:
    """Under the table of pledge outcomes: for a year the horizon ends in before December, what
    :func:`_partial_year_notes` and :func:`_partial_budget_notes` say, in one note (two notes opening alike read as
    one said twice): its marked members and names waiting at the "year-end" are the horizon's last month's, its
    marked APBD spent and needed the months up to it. A year the horizon starts in after January has its APBD spent
    and needed marked only (its year-end is 31 December): the APBD table's note on it. A horizon within one year
    (March to August 2026) has both, in one note naming its months."""
    notes = []
    for y in years:
        starts_late, ends_early = not y["first_month"].endswith("-01"), not year_ends_in_december(y)
        if starts_late and ends_early:  # a horizon within one year: both, in one note
            notes.append(lang("plan_pledges_partial_within_note", mark=PARTIAL_MARK, year=y["year"],
                              first=lang.iso_date(y["first_month"]), month=lang.iso_date(y["year_end_month"]),
                              months=lang.months(y["first_month"], y["year_end_month"]))
                         + _need_to_december(lang, y))
        elif ends_early:
            notes.append(lang("plan_pledges_partial_note", mark=PARTIAL_MARK, year=y["year"],
                              month=lang.iso_date(y["year_end_month"])))
        elif starts_late:
            notes.append(_partial_start_note(lang, y))
    return notes


def _partial_year_notes(lang: Language, years: list) -> list:
    """Under a table with members at the year-end: for a year the horizon ends in before December, that its
    marked "year-end" is the horizon's last month, not 31 December."""
    return [lang("plan_year_end_partial_note", mark=PARTIAL_MARK, year=y["year"],
                 month=lang.iso_date(y["year_end_month"])) for y in years if not year_ends_in_december(y)]


def _targets_of_some_segments(years: list) -> bool:
    """Whether a year-end target is set for some segments only, so that the members of the segments with a target
    differ from all members at the year-end (by half a member or more: not by rounding)."""
    return any(y["target"] is not None and abs(y["members_year_end"] - y["target_members_year_end"]) >= 0.5
               for y in years)


def _reached_below_target(years: list) -> bool:
    """Whether a year counts as reaching its target with fewer members than the target, as the table shows them
    (within TARGET_TOLERANCE): "reached" beside 10,498 against 10,500 asks for the rule."""
    return any(y["target_reached"] and round(y["target_members_year_end"]) < round(y["target"]) for y in years)


def _reached_cell(lang: Language, reached: bool | None) -> str:
    """Whether a year-end target is reached: yes, no, or (its 31 December after the horizon) beyond the horizon."""
    if reached is None:
        return lang("plan_target_beyond_horizon")
    return lang("word_yes") if reached else lang("word_no")


def _target_premium_note(lang: Language, years: list, payers_rows: list) -> str:
    """Under the table of targets: the target's premium is the next year's, at its rates (the first target's years
    as the example); the horizon's last year's target is priced at each segment's own payer's rate under the
    regulation of the year after, which the projection does not reach. "" without a target."""
    targeted = [y for y in years if y["target"] is not None]
    if not targeted:
        return ""
    note = lang("plan_target_premium_note", year=targeted[0]["year"], next=targeted[0]["target_rates_year"])
    projected = {y["year"] for y in years}
    after = [y["target_rates_year"] for y in targeted if y["target_rates_year"] not in projected]
    # With one payer for every premium of the projection (jambi-2025-pipeline: the APBD alone) the split among the
    # sources of money is known, and saying it is not (naming CSR, which such a scenario lacks) misled a reviewer.
    payers = {r["payer"] for r in payers_rows if r["premium_idr"] > 0}
    if len(payers) == 1:
        return note + "".join(" " + lang("plan_target_premium_note_after_one_payer", year=y["target_rates_year"],
                                         target=y["year"], payer=next(iter(payers)))
                              for y in targeted if y["target_rates_year"] not in projected)
    return note + "".join(" " + lang("plan_target_premium_note_after", year=a) for a in after)


def _apbd_blocks(lang: Language, scenario: Scenario, extra: dict) -> list:
    """The APBD by year: its APBD-paid members, budget, premiums paid and left, the APBD-paid members it pays a full
    year for, and (with a [funding] table) the APBD the quota path needs. Nothing when no year has an APBD budget."""
    years = extra["planning"]["years"]
    budgeted = [k for k, y in enumerate(years) if y["budget_idr"] is not None]
    if not budgeted:
        return []
    needed = extra["planning"].get("budget_needed")
    dash = "-"
    rows = []
    for k in budgeted:
        y = years[k]
        row = (y["year"], _r(extra, _y(k, "apbd_members"), "count"), _r(extra, _y(k, "budget_idr"), "money"),
               _part_year_cell(extra, _y(k, "budget_spent_idr"), "money", y),
               _part_year_cell(extra, _y(k, "budget_left_idr"), "money", y),
               _r(extra, _y(k, "members_affordable"), "count") if y["members_affordable"] is not None else dash)
        if needed is not None:
            row += (_part_need(_r(extra, _y(k, "apbd_needed_idr"), "money"), y) if y["apbd_needed_idr"] is not None
                    else dash, _budget_enough_cell(lang, y))
        rows.append(row)
    keys = ("col_period", "col_apbd_members", "col_budget_apbd", "col_budget_spent", "col_budget_left",
            "col_affordable")
    if needed is not None:
        keys += ("col_apbd_needed_quota" if needed["for"] == "quota_path" else "col_apbd_needed_members",
                 "col_budget_enough")
    header = tuple(_apbd_excl(lang, extra, lang(c)) if c.startswith("col_apbd_needed") else lang(c) for c in keys)
    styles = ["check" if needed is not None and _budget_short(years[k]) else "" for k in budgeted]
    k = next((k for k in budgeted if years[k]["budget_per_member_idr"] is not None), budgeted[0])
    intro = Para(lang("budget_apbd_intro", year=years[k]["year"]),
                 {"per_member": _r(extra, _y(k, "budget_per_member_idr"), "money")})
    if years[k]["budget_per_member_idr"] is None:
        intro = Para(lang("budget_apbd_intro_no_rate"))
    rates = years[k].get("apbd_rates") or []
    if len({r["premium_idr"] for r in rates}) > 1:  # one rate: the year's average is every added member's cost
        labels = {seg.name: seg.labels[lang.code] for seg in scenario.segments}
        items = [(lang("budget_apbd_rate", segment=labels.get(r["segment"], r["segment"])),
                  {"rate": _r(extra, _y(k, f"apbd_rates.{i}.premium_idr"), "money")}) for i, r in enumerate(rates)]
        # Read as a sentence ("Rp2,02 juta untuk A dan Rp3,03 juta untuk B"); an amount's decimal comma is not a
        # list's, hence "; " between items.
        joined, figures = _listed(lang, items, "rate_", separator="; ")
        intro = Para(intro.text + " " + lang("budget_apbd_rates", year=years[k]["year"], items=joined),
                     {**intro.figures, **figures})
    cofunded = [k for k in budgeted if years[k].get("apbd_cofunding_idr")]
    if len({years[k]["apbd_cofunding_idr"] for k in cofunded}) == 1 and len(cofunded) == len(budgeted):
        intro = Para(intro.text + " " + lang("budget_apbd_cofunding"),
                     {**intro.figures, "cofunding": _r(extra, _y(cofunded[0], "apbd_cofunding_idr"), "money")})
    elif cofunded:
        joined, figures = _yearly_figures(lang, extra, cofunded, "plan_item_cofunding", "apbd_cofunding_idr", "money",
                                          "cofunding")
        intro = Para(intro.text + " " + lang("budget_apbd_cofunding_years", items=joined), {**intro.figures, **figures})
    if needed is not None:
        intro = Para(intro.text + " " + _apbd_excl(lang, extra, lang("budget_apbd_intro_needed"
                                                                     + ("_pledges" if needed["pledges"] else ""),
                                                                     what=lang("apbd_needed_for_" + needed["for"]))),
                     {**intro.figures, **({"confidence": _r(extra, "planning.budget_needed.confidence", "percent")}
                                          if needed["pledges"] else {})})
    note = " ".join(_partial_budget_notes(lang, [years[k] for k in budgeted]) + _expected_notes(lang, extra, budgeted))
    return [intro, Table("plan_apbd", header, rows, styles, note)]


def _expected_notes(lang: Language, extra: dict, budgeted: list) -> list[str]:
    """Under the APBD table with CSR pledges: which columns are the main projection's (each pledge at amount x
    probability) and which the answer at the confidence, the years that leave money over and are yet short, and
    when the pledges lower the need by nothing (:func:`_pledge_relief`)."""
    needed = extra["planning"].get("budget_needed")
    if needed is None or not needed["pledges"]:
        return []
    years = extra["planning"]["years"]
    confidence = lang.percent(needed["confidence"])
    note = lang("plan_apbd_expected_note", confidence=confidence)
    mixed = [years[k]["year"] for k in budgeted if _budget_short(years[k]) and (years[k]["budget_left_idr"] or 0) > 0]
    if mixed:
        note += lang("plan_apbd_expected_note_years", years=_listed(lang, [(y, {}) for y in mixed])[0])
    notes = [note]
    if needed.get("pledge_relief"):
        notes.append(lang("plan_need_no_relief_note", confidence=confidence))
    return notes


def _budget_short(year: dict) -> bool:
    """Whether a year's APBD budget is below the APBD it needs (its row of the APBD table is shaded)."""
    return year["apbd_needed_idr"] is not None and year["apbd_needed_idr"] > year["budget_idr"]


def _budget_enough_cell(lang: Language, year: dict) -> str:
    """Whether a year's APBD budget covers the APBD it needs, in a word: the shading of a row where it does not is
    no help to a reader who does not see colour, nor to a screen reader, nor on paper printed without it."""
    if year["apbd_needed_idr"] is None:
        return "-"
    return lang("word_no") if _budget_short(year) else lang("word_yes")


def _pledge_blocks(lang: Language, extra: dict, names: dict) -> list:
    """What each combination of honoured and failed CSR pledges does: a row per outcome and year."""
    answer = extra["planning"]["pledge_outcomes"]
    plan_years = {y["year"]: y for y in extra["planning"]["years"]}
    rows, styles = [], []
    for i, outcome in enumerate(answer["outcomes"]):
        key = f"planning.pledge_outcomes.outcomes.{i}"
        # The outcome's name and probability go on its first row only (the PDF repeats both atop a page: grouped).
        first = (_outcome_name(lang, outcome, names), _r(extra, f"{key}.probability", "chance"))
        for k, y in enumerate(outcome["years"]):
            at, plan_year = f"{key}.years.{k}", plan_years[str(y["year"])]
            rows.append((*(first if k == 0 else ("", "")), str(y["year"]),
                         _year_end_cell(extra, f"{at}.members_year_end", plan_year),
                         _r(extra, f"{at}.not_renewed", "count"),
                         _year_end_cell(extra, f"{at}.held_year_end", plan_year),
                         _part_year_cell(extra, f"{at}.apbd_spent_idr", "money", plan_year),
                         _part_need(_r(extra, f"{at}.apbd_needed_idr", "money"), plan_year)))
            styles.append("check" if y["not_renewed"] > 0.5 or y["held_year_end"] > 0.5 else "")
    header = tuple(lang(k) for k in ("col_pledge_outcome", "col_probability", "col_period", "col_members_end",
                                     "col_not_renewed", "col_waiting", "col_budget_spent", "col_apbd_needed"))
    header = header[:-1] + (_apbd_excl(lang, extra, header[-1]),)
    intro = lang("pledge_outcomes_intro" if answer["all_combinations"] else "pledge_outcomes_intro_stress",
                 apbd=_apbd_name(lang, extra))
    # A year the horizon ends in before December: its members and names waiting at the "year-end" and its APBD spent
    # are marked (its APBD needed is a whole year's), with what the notes of the table of targets and of the APBD
    # table say, in one note; a year it starts in after January, its APBD spent and needed only (its year-end is 31
    # December).
    note = " ".join([*_partial_pledge_notes(lang, extra["planning"]["years"]), *_pledges_left_out(lang, extra, names)])
    blocks = [Para(intro), Table("plan_pledges", header, rows, styles, note, grouped=(0, 1))]
    if answer["expected"] is not None:
        blocks.append(_pledge_expected(lang, extra))
    return blocks


def _pledges_left_out(lang: Language, extra: dict, names: dict) -> list[str]:
    """The sentence naming the pledges with no year in the horizon, which the outcomes leave out (one moved or
    shortened with --set: ``pledge_outcomes.outside_horizon``), with their runs and the horizon's months; none
    without."""
    outside = extra["planning"]["pledge_outcomes"]["outside_horizon"]
    if not outside:
        return []
    listed = lang.join([lang("pledge_left_out_item", name=names.get(p["name"], p["name"]), first=p["first_year"],
                             last=p["last_year"]) for p in outside])
    months = extra["planning"]["months"]
    return [lang("pledge_left_out" + ("_several" if len(outside) > 1 else ""), names=listed,
                 first=lang.iso_date(months[0]["month"]), last=lang.iso_date(months[-1]["month"]))]


# The probability-weighted APBD is called higher than the plan's own when it is by more than this share in some year
# (below it, rounding in the shown figures could make the claim look wrong).
EXPECTED_HIGHER_BY = 0.005


def _pledge_expected(lang: Language, extra: dict) -> Para:
    """The APBD premiums averaged over the pledge outcomes, next to the plan's own (pledges at amount x probability),
    why the average is higher in the years it is, and the average APBD needed to keep the plan. The APBD spent
    stops at the APBD budget, so where money binds only the need says what keeping the plan would take."""
    expected = extra["planning"]["pledge_outcomes"]["expected"]
    plan = extra["planning"]["years"]
    shown = [k for k in range(len(expected)) if plan[k].get("budget_spent_idr") is not None]
    # A year the horizon holds only part of marked, as in the table above, whose note says why.
    items = [(lang("pledge_expected_item", year=expected[k]["year"]),
              {"expected": _part_year_cell(extra, f"planning.pledge_outcomes.expected.{k}.apbd_spent_idr", "money",
                                           plan[k]),
               "plan": _part_year_cell(extra, _y(k, "budget_spent_idr"), "money", plan[k])}) for k in shown]
    para = _listed_para(lang, "pledge_expected", items)
    higher = [expected[k]["year"] for k in shown
              if expected[k]["apbd_spent_idr"] > plan[k]["budget_spent_idr"] * (1 + EXPECTED_HIGHER_BY)]
    if higher:
        years, _ = _listed(lang, [(str(y), {}) for y in higher])
        para = Para(para.text + " " + lang("pledge_expected_more", years=years), para.figures)
    needed = [(lang("pledge_expected_need_item", year=e["year"]),
               {"need": _part_need(_r(extra, f"planning.pledge_outcomes.expected.{k}.apbd_needed_idr", "money"),
                                   plan[k])})
              for k, e in enumerate(expected)]
    need = _listed_para(lang, "pledge_expected_needed", needed)
    confidence = {"confidence": _r(extra, "planning.budget_needed.confidence", "percent")}
    return Para(para.text + " " + need.text, {**para.figures, **need.figures, **confidence})


def _outcome_name(lang: Language, outcome: dict, names: dict) -> str:
    """A pledge outcome's name in the report (``pledge_outcomes.outcome_name`` decides which kind)."""
    kind, failed = outcome_name(outcome)
    if kind == FAILED:
        quoted = lang.join(f"“{names.get(n, n)}”" for n in failed)
        return lang("pledge_failed", names=quoted)
    return lang({ALL_HONOURED: "pledge_all_honoured", NONE_HONOURED: "pledge_none_honoured"}[kind])


def pledge_names(lang: Language, scenario: Scenario) -> dict:
    """Each CSR pledge's name in the scenario -> what the report calls it: its ``label`` in the report's language,
    or else the name itself."""
    funding = scenario.planning.funding if scenario.planning is not None else None
    return {p.name: p.label(lang.code) for p in funding.pledges} if funding is not None else {}


def payer_name(payer: str, names: dict, lang: Language | None = None) -> str:
    """A payer bucket as the report shows it: ``CSR:companies`` -> ``CSR: Perusahaan di Kota Madiun``; a payer code
    in ``lang``'s words where it has them (``SELF`` -> ``mandiri`` in Indonesian); others as they are."""
    kind, colon, pledge = payer.partition(":")
    if colon and kind == "CSR":
        return f"{kind}: {names.get(pledge, pledge)}"
    return lang.choice("payer", payer) if lang else payer


def exits_named(scenario: Scenario) -> list[str]:
    """The ways members leave in this scenario, in ``EXIT_CAUSES`` order: death always; moving away, removal from
    the DTKS/DTSEN and the age limit where a segment has the rule (``[membership]``); not renewed where a
    ``[funding]`` table can run short. The methodology named all five for every scenario, the age limit in Jambi's
    and Pekalongan's, which have none."""
    plan = scenario.planning
    exits = plan.exits.values() if plan is not None else ()
    has = {"death": True,
           "moving_away": any(e.moving_away_rate > 0 for e in exits),
           "dtks_removal": any(e.dtks_removal_rate > 0 for e in exits),
           "age_limit": any(e.age_limit is not None for e in exits),
           "budget": plan is not None and plan.funding is not None}
    return [cause for cause in EXIT_CAUSES if has[cause]]


def methodology(lang: Language, section: Section, scenario: Scenario) -> Section:
    """The methodology with members that join and leave over the horizon instead of members fixed at the start;
    the members paragraph names only the ways out the scenario has."""
    exits = lang.join((lang(f"method_exit_{cause}") for cause in exits_named(scenario)), "or")
    swap = {lang("method_population"): lang("method_population_plan", exits=exits),
            lang("method_limits"): lang("method_limits_plan")}
    blocks = [Para(swap[b.text], b.figures, b.style) if isinstance(b, Para) and b.text in swap else b
              for b in section.blocks]
    return Section(section.key, section.title, blocks, section.traced)


def chart_images(lang: Language, scenario: Scenario, extra: dict) -> tuple[dict, dict]:
    """The coverage chart (projected members by month, what the budget pays for, the targets) and the payer chart
    (premiums by year and payer, the APBD budget, what the targets take), as PNG, and their alt texts."""
    plan = extra["planning"]
    names = pledge_names(lang, scenario)
    payers = [{**r, "payer": payer_name(r["payer"], names)} for r in plan["payers"]]
    return ({"coverage": charts.png(charts.plan_members(plan["months"], plan["years"], lang)),
             "funding": charts.png(charts.plan_premium(plan["years"], payers, lang))},
            {"coverage": chart_descriptions.plan_members(plan["months"], plan["years"], lang),
             "funding": chart_descriptions.plan_premium(plan["years"], payers, lang)})
