"""The summary's paragraph on why the claim ratio changes over the horizon (:mod:`sim.ratio_change`, report.json
``ratio_change``): the claim ratio of every year (simulation means), then, by direct calculation, the change from
the first year to the last split into its factors, each with the reason a reader can check against the rules and
the scenario. The headline figures are the first year's; in a year when many members join (jambi-2025-pipeline,
pekalongan-2023-expansion) or with a group that ages (madiun-2025), later years differ by tens of points, and a
planner must not read the first year as the steady state.
"""

from __future__ import annotations

import datetime as dt

from .funding import sources_for
from .i18n import Language, points_shown, upper_first
from .population import month_dates
from .regulation import load_regulation, monthly_premium, rule_schemes
from .report_document import Para, report_figure as _r, summary_figure as _s
from .report_planning import _listed
from .report_text import RULE_NAMES
from .scenario import Scenario

TREND_MIN = 0.05  # a claim ratio that moves less than 5 percentage points over the horizon needs no explaining
KINDS = {"death_rate": "number1", "benefit_per_death": "money", "scholarships": "money", "accidents": "money",
         "premium": "money"}
# The benefit rules (data/regulation.toml) behind each factor of sim.ratio_change whose amount they set: a rule
# that changes within the horizon (a new regulation from a date) is named in that factor's reason. Every benefit
# rule is in exactly one list (tests/test_report_trend.py), so a rule added to regulation.toml must be placed here.
FACTOR_RULES = {
    "benefit_per_death": ("jkm.lump_sum", "jkm.periodic", "jkm.funeral", "jkm.bpu_early_death_benefit",
                          "jkm.bpu_early_death_months", "jkk.death_multiplier", "jkk.death_floor", "jkk.funeral",
                          "jkk.periodic"),
    "scholarships": ("jkm.scholarship_min_membership", "scholarship.max_children", "scholarship.amount_by_level",
                     "scholarship.years_by_level", "scholarship.end_age"),
    "accidents": ("jkk.temporary_full_months", "jkk.temporary_full_share", "jkk.temporary_after_share",
                  "jkk.partial_disability_multiplier", "jkk.total_disability_multiplier",
                  "jkk.total_disability_periodic"),
}


def trend_blocks(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> list:
    """One paragraph, or none when fewer than two calendar years or the ratio moves less than TREND_MIN."""
    change = extra.get("ratio_change")
    if change is None or abs(change["change"]) < TREND_MIN:
        return []
    years = [(lang("trend_year", year=p["period"]),
              {"ratio": _s(summary, f"periods.{i}.claim_ratio.mean", "percent")})
             for i, p in enumerate(summary["periods"]) if p["period"] != "total" and p["claim_ratio"] is not None]
    listed_years, figures = _listed(lang, years, "y_")
    # A sentence for each factor and its figures ("Deaths per 1,000 members from a to b (+n points): why."), then
    # the factors left out and the rounding, a sentence each: as one sentence of factors joined by "; " the
    # paragraph's second sentence ran to about 200 words.
    items = [(upper_first(text) + ".", figs)
             for text, figs in (_factor(lang, scenario, extra, change, i, summary)
                                for i, part in enumerate(change["parts"])
                                if lang.points(part["change"]) != "0")]
    listed_parts, part_figures = _listed(lang, items, "f_", last=None, separator=" ")
    rest = lang("trend_rest") if len(items) < len(change["parts"]) else ""
    # Each part rounded on its own: where the parts shown do not add up to the change shown, say why.
    if round(sum(points_shown(p["change"]) for p in change["parts"]), 1) != points_shown(change["change"]):
        rest += lang("trend_rounded")
    split = lang("trend_split", y0=change["first"]["period"], y1=change["last"]["period"], items=listed_parts + rest)
    figures.update(part_figures)
    figures["points"] = _r(extra, "ratio_change.change", "points")
    figures.update(r0=_r(extra, "ratio_change.first.claim_ratio", "percent"),
                   r1=_r(extra, "ratio_change.last.claim_ratio", "percent"))
    # A run-off's later years said to be those of the starting members only, right after their ratios.
    runoff = runoff_sentence(lang, summary, extra, scenario.start)
    return [Para(lang("trend_years", items=listed_years) + runoff + " " + split, figures)]


def runoff_years(summary: dict, extra: dict) -> list[str]:
    """The calendar years after the first of a run-off: a report whose members are those at the start, nobody
    joining and the dead not replaced (report.json ``planning`` is None: no projection, as
    :attr:`sim.planning_schema.Planning.shapes_exposure` decides). Those years are not a forecast of the programme,
    which will enrol new members. Empty for a projection (quotas, funding or exits), a single year, or an ``extra``
    that does not say (no ``planning`` key: a notebook's table from a summary alone)."""
    if "planning" not in extra or extra["planning"] is not None:
        return []
    return [p["period"] for p in summary["periods"][1:] if p["period"] != "total"]


def runoff_sentence(lang: Language, summary: dict, extra: dict, start: dt.date) -> str:
    """`` <sentence>`` saying a run-off's later years hold only the members of ``start`` still alive and are not a
    forecast of the programme in those years; "" when there are none (:func:`runoff_years`)."""
    years = runoff_years(summary, extra)
    if not years:
        return ""
    return " " + lang("trend_runoff_one" if len(years) == 1 else "trend_runoff", years=lang.join(years),
                      start=lang.month(start))


# The factors a PU wage growth moves, and the text key of the clause that says so (``..._up`` or ``..._down``).
WAGE_CLAUSES = {"accidents": "trend_why_accidents_wages", "benefit_per_death": "trend_why_death_wages",
                "premium": "trend_why_premium_wages"}


def _factor(lang: Language, scenario: Scenario, extra: dict, change: dict, i: int,
            summary: dict | None = None) -> tuple[str, dict]:
    """``(text, figures)`` of one factor: from, to, its points and why (``summary``: summary.json, whose benefits
    tell whether JKM scholarships are paid at all; without it they are taken to be)."""
    part, key = change["parts"][i], f"ratio_change.parts.{i}"
    factor, up = part["factor"], part["change"] > 0
    figures = {"a": _r(extra, f"{key}.from", KINDS[factor]), "b": _r(extra, f"{key}.to", KINDS[factor]),
               "points": _r(extra, f"{key}.change", "points")}
    unit = lang("trend_point" if lang.points(part["change"]) in ("+1", "-1") else "trend_points")
    why = f"trend_why_{factor}"
    if factor == "death_rate":
        why += ("_up_closed" if extra.get("planning") is None else "_up") if up else "_down"
    elif factor == "premium":
        why += ("_up" if part["to"] > part["from"] else "_down") + ("" if _rates_change(scenario) else "_mix")
    elif factor == "benefit_per_death" and up and _early_death_applies(scenario, extra):
        why += "_early" + ("_closed" if extra.get("planning") is None else "")
        figures.update({"months": _r(extra, "budget_year.bpu_early_death_months", "count"),
                        "early": _r(extra, "budget_year.bpu_early_death_benefit_idr", "money")})
    elif factor == "scholarships":
        figures["min"] = _r(extra, "budget_year.scholarship_min_membership_months", "count")
    elif factor == "accidents" and scenario.severity.medical_cost_trend:
        # Care at each calendar year's prices moves these benefits per member as well as the mix of segments does:
        # with the change, or against it where the mix outweighed it.
        rising = scenario.severity.medical_cost_trend > 0
        why += ("_prices_up" if rising else "_prices_down") + ("" if rising == up else "_against")
    text = lang(f"trend_{factor}", unit=unit) + lang(why)
    if factor == "scholarships":
        text += _scholarship_clauses(lang, scenario, summary)
    growth = max((s.wage_growth for s in scenario.segments), key=abs, default=0.0)  # 0 for BPU segments
    if factor in WAGE_CLAUSES and growth:
        # PU wages of each calendar year move the benefits set on the wage: STMB and disability (the other
        # work-accident benefits), the work-accident death's 48 x wage (a death's benefit, beside the JKM's fixed
        # amounts) and the PU premium. Said as a clause of its own, whichever way the mix, care prices, deaths or
        # rates took the total.
        text += lang(f"{WAGE_CLAUSES[factor]}_" + ("up" if growth > 0 else "down"))
    # Only a rule for the scenario's programmes: a BPU-only rule's change moves nothing for PU staff (and back).
    schemes = {s.scheme for s in scenario.segments}
    changed = [(rule, month) for rule, month in benefit_rule_changes(extra)
               if rule in FACTOR_RULES.get(factor, ()) and schemes & set(rule_schemes(rule))]
    if changed:  # a new amount from a date within the horizon: the reasons above alone would misattribute the change
        names = [lang("trend_rule_from", rule=RULE_NAMES.get(rule, {}).get(lang.code, rule), month=lang.month(month))
                 for rule, month in changed]
        text += lang("trend_why_rules_change", rules=lang.join(names))
    return text, figures


def _scholarship_clauses(lang: Language, scenario: Scenario, summary: dict | None) -> str:
    """The rest of the scholarships' reason. More members reaching the JKM scholarship's minimum membership is a
    reason only where some JKM scholarship is paid within the horizon (by direct calculation, summary.json
    ``breakdown``); otherwise every instalment is a JKK one, which needs no minimum, and the text says so. The
    uncounted instalments of deaths before the start lower the first year only where members were covered at the
    start: a programme starting with nobody (jambi-2025-pipeline) had no such deaths."""
    jkm = [b["expected_idr"] for b in (summary or {}).get("breakdown", ()) if b["benefit"] == "jkm_scholarship"]
    text = lang("trend_why_scholarships_jkk_only" if jkm and not any(jkm) else "trend_why_scholarships_reach")
    if sum(s.members for s in scenario.segments) > 0:
        text += lang("trend_why_scholarships_before", start=scenario.start.year)
    return text


def benefit_rule_changes(extra: dict) -> list[tuple[str, dt.date]]:
    """``(rule, first month of its new value)`` for each benefit rule of :data:`FACTOR_RULES` that changes within
    the horizon, from report.json's ``rules.changes`` (``sim.report_sections.rule_rows``: none under a fixed
    ``rules_date``)."""
    benefit = {r for rules in FACTOR_RULES.values() for r in rules}
    first = {}
    for c in (extra.get("rules") or {}).get("changes", ()):
        if c["rule"] in benefit:
            first.setdefault(c["rule"], dt.date.fromisoformat(c["month"] + "-01"))
    return list(first.items())


def _rates_change(scenario: Scenario) -> bool:
    """Whether any segment's monthly premium per member changes within the horizon under the rules of each month
    (PP 50/2025's discount for some payers begins or ends); without a change, only the mix of members moves the
    premium per member. On the first year's wage: a PU wage that grows (``assumptions.wage_growth``) changes no
    rate, "tarif" in Indonesian being the regulation's, and :func:`_factor` names it in a clause of its own."""
    regulation = load_regulation()
    dates = [scenario.rules_date] if scenario.rules_date else month_dates(scenario.start, scenario.horizon_months)
    planning = getattr(scenario, "planning", None)
    funding = planning.funding if planning is not None else None
    for s in scenario.segments:
        # Every payer whose rate the segment's members may pay at: its own, and its funding sources' (a CSR
        # pledge pays the discounted BPU rate of 2026 where the APBD, the segment's own payer, does not).
        for payer in {s.payer, *(source.payer for source in sources_for(s, funding))}:
            rates = {monthly_premium(regulation.at(d), s.scheme, s.wage, s.risk_class or 1, payer, s.occupation)
                     for d in dates}
            if len(rates) > 1:
                return True
    return False


def _early_death_applies(scenario: Scenario, extra: dict) -> bool:
    """Whether the BPU early-death rule (a BPU member dying within the first months of membership receives a small
    fixed amount) can lower a year's benefit per death: the scenario has BPU members and the rule is in force."""
    return (any(s.scheme == "BPU" for s in scenario.segments)
            and (extra["budget_year"].get("bpu_early_death_months") or 0) > 0)
