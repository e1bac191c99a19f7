"""The results' paragraph that sets this scenario's first year beside the same calendar year of the scenario it
builds on, when that base started earlier and its horizon holds the year (report.json ``base_same_year``).

madiun-2026-ucj starts in January 2026 on madiun-2025, a run-off of the January 2025 members over 2025-2027: both
reports give a claim ratio for 2026, about 240 % and 212 %. They differ by construction, not by chance: the base
has no new members, its members are a year older, and it counts the scholarships still paid for its 2025 deaths,
which a scenario starting in 2026 does not count. A base with a care cost trend or a wage growth also has its 2026
at its 2025 care prices or PU wages raised a year, where this scenario's 2026 is at the stated ones. The paragraph
gives both expected ratios (closed form) and the reasons that apply, each found from the two scenarios, not assumed.
"""

from __future__ import annotations

from .benefits import INDEX
from .closed_form import expected
from .i18n import Language
from .population import build_model
from .report_document import Para, report_figure as _r, summary_figure as _s
from .report_planning import _listed
from .scenario import Scenario, ScenarioError, base_of

SCHOLARSHIPS = ("jkm_scholarship", "jkk_scholarship")
REASONS = ("new_members", "older", "longer_in_scheme", "earlier_deaths", "prices_anchored", "wages_anchored",
           "overrides")


def earlier_bases(scenario: Scenario):
    """``(base, through)`` for the scenarios of the base chain, nearest first, that start before this one;
    ``through``: the ids of the bases between the two (none for this scenario's own base). The chain ends where a
    base cannot be read as a whole scenario (defaults only, or a file gone)."""
    through = []
    try:
        base = base_of(scenario)
        while base is not None:
            if base.start < scenario.start:
                yield base, tuple(through)
            through.append(base.id)
            base = base_of(base)
    except ScenarioError:
        return


def _months(earlier, later) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _mean_tenure(tenure) -> float:
    return sum(t * share for t, share in tenure) / sum(share for _, share in tenure)


def _covering(scenario: Scenario, year: str):
    """``(base, through, its model, the year's period there)``: the nearest earlier base (:func:`earlier_bases`)
    whose horizon holds all twelve months of ``year``; None when no base does."""
    for base, through in earlier_bases(scenario):
        model = build_model(base)
        if year in model.period_labels:
            p = model.period_labels.index(year)
            if int((model.period_of_month == p).sum()) == 12:
                return base, through, model, p
    return None


def base_same_year(scenario: Scenario, summary: dict, projection=None) -> dict | None:
    """report.json's ``base_same_year``: the nearest scenario of the base chain that starts earlier and holds all
    twelve months of this scenario's first calendar year (whole here too), with both expected claim ratios of that
    year (closed form) and the reasons they differ that apply (:data:`REASONS`); None when there is none.
    ``projection``: this scenario's projection (``build_model(scenario).projection``) if the caller made it."""
    first = summary["periods"][0]
    found = _covering(scenario, first["period"]) if first["months"] == 12 and first["premium_idr"] else None
    if found is None:
        return None
    base, through, model, p = found
    year, exp, later = first["period"], expected(model), _months(base.start, scenario.start)
    reasons = {}
    # A base whose members are only those of its start (a run-off) against a projection that enrols new members
    # in the year: the names that join in it.
    if _projected(scenario) and not _projected(base):
        projection = build_model(scenario).projection if projection is None else projection
        in_year = projection.years == int(year)
        joined = sum(float(projection.ledgers[n].joined[in_year].sum()) for n in projection.names)
        if joined > 0:
            reasons["new_members"] = round(joined, 2)
    # The segments with members in both: the base's have aged since its start, where this scenario's start from
    # the same age profile (a profile of its own is among the differences from the base instead); their time in
    # the scheme too, unless this scenario moved its starting tenure on by as much (madiun-2026-ucj does). Only the
    # base's starting members have aged by those months: a segment it starts with nobody in, enrolling later, has
    # members who joined at the profile's ages with no months in the scheme, so it gives neither reason.
    shared = [(s, b) for b in base.segments if b.members > 0 for s in scenario.segments if s.name == b.name]
    if any(s.age_bands == b.age_bands and s.age_shift == b.age_shift for s, b in shared):
        reasons["older"] = later
    if any(_mean_tenure(s.tenure) < _mean_tenure(b.tenure) + later - 0.5 for s, b in shared):
        reasons["longer_in_scheme"] = True
    # Scholarships paid in the base before this scenario's start (a January: its first year is whole) are of deaths
    # before it, whose later yearly instalments the base still pays in the year; this scenario counts no such death.
    scholarships = [INDEX[name] for name in SCHOLARSHIPS]
    before = [i for i, label in enumerate(model.period_labels) if label < year]
    if exp.amounts[before][:, :, scholarships].sum() > 0 and exp.amounts[p][:, scholarships].sum() > 0:
        reasons["earlier_deaths"] = True
    # Care costs and PU wages are stated at the prices and wages of each scenario's own first calendar year: the
    # base's year, k calendar years after its first, is at its stated care costs x (1 + trend)^k and its wages x
    # (1 + growth)^k, where this scenario's first year is at the stated ones. The rise applied in the base.
    steps = int(year) - base.start.year
    trend = base.severity.medical_cost_trend
    if steps and trend:
        reasons["prices_anchored"] = round((1.0 + trend) ** steps - 1.0, 6)
    # The PU segments with a growth and members in the year, those at the start or enrolled since (a segment the
    # base starts with nobody in is paid on the raised wages of the year too).
    grown = [e.segment for i, e in enumerate(model.segments)
             if exp.member_months[p, i] > 0 and e.segment.wage_in(int(year)) != e.segment.wage]
    if grown:
        reasons["wages_anchored"] = round(grown[0].wage_in(int(year)) / grown[0].wage - 1.0, 6)
    # A report's --set changes this scenario only; the base is read from its file (a reviewer found a medical cost
    # set to Rp30 m "explained" by the other reasons alone).
    changed = [key for key, _ in getattr(scenario, "overrides", ()) if key.split(".")[0] != "scenario"]
    if changed:
        reasons["overrides"] = changed
    return {
        "base": base.id,
        "through": list(through),
        "base_start": base.start.isoformat()[:7],
        "year": year,
        "base_claim_ratio": round(float(exp.amounts[p].sum() / exp.premium[p].sum()), 6),
        "claim_ratio": round(float(first["claims_expected_idr"] / first["premium_idr"]), 6),
        "reasons": reasons,
    }


def _projected(scenario: Scenario) -> bool:
    """Members join, leave or are cut beyond the run-off of the members at the start."""
    return scenario.planning is not None and scenario.planning.shapes_exposure


def base_year_blocks(lang: Language, summary: dict, extra: dict) -> list:
    """The paragraph below the results table, or none (report.json ``base_same_year`` is None or absent)."""
    same = extra.get("base_same_year")
    if not same:
        return []
    key = "base_same_year"
    figures = {"r_base": _r(extra, f"{key}.base_claim_ratio", "percent"),
               "r_this": _r(extra, f"{key}.claim_ratio", "percent"),
               "r_mean": _s(summary, "periods.0.claim_ratio.mean", "percent")}
    words = {"year": same["year"], "base_start": lang.iso_date(same["base_start"]),
             "start": lang.iso_date(summary["start"][:7])}
    # The reasons that carry a figure: its placeholder and kind.
    shown = {"new_members": ("new", "count"), "older": ("months", "count"), "prices_anchored": ("rise", "percent1"),
             "wages_anchored": ("rise", "percent1")}
    words["keys"] = ", ".join(same["reasons"].get("overrides", []))
    words["base_year"] = same["base_start"][:4]
    words["base_ref"] = lang("base_year_ref_named", base=same["base"]) if same["through"] else lang("base_year_ref")
    items = [(lang(f"base_year_{r}", **words),
              {shown[r][0]: _r(extra, f"{key}.reasons.{r}", shown[r][1])} if r in shown else {})
             for r in REASONS if r in same["reasons"]]
    # The simulation mean beside the direct calculation only where it reads differently (214 % and 214 % did).
    mean = "" if lang.percent(figures["r_mean"].value) == lang.percent(same["claim_ratio"]) else lang("base_year_mean")
    if same["through"]:  # a base further up the chain, named with those between
        text = lang("base_year_through", base=same["base"], year=same["year"], mean=mean,
                    through=_listed(lang, [(t, {}) for t in same["through"]])[0])
    else:
        text = lang("base_year", base=same["base"], year=same["year"], mean=mean)
    if not mean:
        del figures["r_mean"]
    if items:
        # Clauses of one sentence ("among the differences: A; B and C"), each holding commas of its own.
        listed, item_figures = _listed(lang, items, "b_", separator="; ")
        text += lang("base_year_reasons", items=listed)
        figures.update(item_figures)
    if "new_members" in same["reasons"]:  # a run-off base: its year is not the programme's
        text += lang("base_year_use", **words)
    return [Para(text, figures)]
