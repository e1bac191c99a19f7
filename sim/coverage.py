"""Budget against coverage: what a year of premiums costs as membership grows, who pays it, and quick what-ifs.

All figures here are closed form (no random numbers), so a planner's slider answers in well under a second:

- The premium a city budgets is members at the start x the monthly premiums of the 12 months from the start, each
  under its month's rules (as in ``summary.json``'s ``budget``), split by payer (APBD, CSR, ...).
- Expected claims are those of the first 12 months of the horizon. With the same mix of segments, premium and
  expected claims are both proportional to the number of members (every exposure in the model is), so one
  closed-form calculation at the scenario's members gives the whole curve.
- A what-if changes the scenario's document (members, a share paid by CSR, factors on mortality loads and
  accident rates) and recomputes; values outside a stated range are allowed and widen it, as with ``--set``.

The members are those at the start, held to their run-off. For a scenario with planning tables (quotas, an
enrolment pipeline, limited funding) :func:`twelve_months` projects the first 12 months as the forecast projects
them; the budget-against-coverage curve and report.json's ``budget_year`` take :func:`held_year` instead (the
members at the start, planning tables set aside), whose claims count the same members as its premium; the
year-by-year planning answers are ``sim.plan``'s.

A what-if (:func:`what_if`) answers a different question, "these members, held for a year": it leaves out the
scenario's planning tables (:data:`PLANS_SET_ASIDE`), so that members, premium and expected claims all count the
same members and the budget slider is the only budget. Otherwise the premium would be the members at the start
while the claims followed the plan's enrolment and its own budget. The answer names the tables it left out.
"""

from __future__ import annotations

import copy
import math

import pandas as pd

from .closed_form import expected
from .funding import APBD, CITY_PAYERS
from .i18n import in_each_language
from .population import build_model, year_premium_rates
from .scenario import Scenario, ScenarioError, apply_override, scenario_from_data
from .scenario_schema import MAX_MEMBERS, _is_number, shown

CSR_PAYER = "CSR"
# Planning tables a what-if sets aside (members held at the slider's number for a year); claim timing and the UCJ
# denominators change neither premiums nor expected claims, so they stay.
PLANS_SET_ASIDE = ("expansion", "membership", "pipeline", "funding")
CSR_TWIN_SUFFIX = {"en": " (paid by CSR)", "id": " (dibayar dana CSR)"}  # a CSR-funded twin segment's label, per language


def funding(scenario: Scenario) -> list[dict]:
    """Per segment: payer, members at the start, monthly premium per member in the first month and a full year's
    premium (IDR): the members x the 12 months' premiums, each under its month's rules (``rate_changes_in_year``
    when they differ, e.g. PP 50/2025's discount ending within the year)."""
    rows = []
    for s in scenario.segments:
        rates = year_premium_rates(scenario, s)
        rows.append({"payer": s.payer, "segment": s.name, "scheme": s.scheme, "members": s.members,
                     "monthly_premium_idr": rates[0], "annual_premium_idr": round(s.members * sum(rates), 2),
                     "rate_changes_in_year": len(set(rates)) > 1})
    return rows


def by_payer(rows: list[dict]) -> dict:
    """Annual premium per payer, from :func:`funding` rows."""
    out: dict = {}
    for r in rows:
        out[r["payer"]] = out.get(r["payer"], 0.0) + r["annual_premium_idr"]
    return out


def twelve_months(scenario: Scenario) -> dict:
    """Closed-form premium and expected claims of the first 12 months (fewer if the horizon is shorter)."""
    data = copy.deepcopy(scenario.resolved)
    data["scenario"]["horizon_months"] = min(12, scenario.horizon_months)
    model = build_model(scenario_from_data(data))
    exp = expected(model)
    members = sum(s.members for s in scenario.segments)
    rows = funding(scenario)
    return {
        "months": model.months,
        "members": members,
        "annual_premium_idr": sum(r["annual_premium_idr"] for r in rows),
        "annual_premium_by_payer_idr": by_payer(rows),
        "premium_idr": float(exp.premium.sum()),
        "expected_claims_idr": float(exp.amounts.sum()),
    }


def held_year(scenario: Scenario) -> dict:
    """:func:`twelve_months` of the members at the start held for the year (:func:`members_held`: a scenario's
    planning tables set aside), so that members, premium and expected claims all count the same members: what the
    coverage curve and report.json's ``budget_year`` scale. With planning tables, :func:`twelve_months` itself
    follows the plan's enrolment, so its claims would be those of more members than its members and premium."""
    return twelve_months(members_held(scenario)[0])


def apbd_premium(year: dict) -> float:
    """The APBD's share of a :func:`twelve_months` year's premium: what a stated ``[budget]`` annual_budget pays
    (members paid by CSR, DBH-CHT, APBN, ... are paid from other money; as ``sim plan``'s APBD needed)."""
    return year["annual_premium_by_payer_idr"].get(APBD, 0.0)


def members_affordable(annual_premium_idr: float, members: int, budget_idr: float) -> int | None:
    """How many members (same mix) a yearly budget pays for, ``annual_premium_idr`` being what that budget pays for
    the ``members`` (the APBD's share, :func:`apbd_premium`, for a stated budget: the others keep paying for their
    share of the members, assumption)."""
    if members <= 0 or annual_premium_idr <= 0:
        return None
    return int(math.floor(budget_idr / (annual_premium_idr / members) + 1e-9))


def coverage_curve(scenario: Scenario, points: int = 41) -> pd.DataFrame:
    """Members from 0 to beyond the current, target and affordable numbers, with a year's premium (all payers and
    the APBD's share) and expected claims at each (same segment mix; all proportional to members)."""
    base = held_year(scenario)
    members = base["members"]
    apbd = apbd_premium(base)
    top = [members, scenario.target_members or 0]
    if scenario.annual_budget is not None:
        top.append(members_affordable(apbd, members, scenario.annual_budget) or 0)
    high = max(top) * 1.25 if max(top) > 0 else 1000
    rows = []
    for k in range(points):
        m = round(high * k / (points - 1))
        share = m / members if members else 0.0
        rows.append({
            "members": m,
            "annual_premium_idr": round(base["annual_premium_idr"] * share, 2),
            "apbd_premium_idr": round(apbd * share, 2),
            "expected_claims_idr": round(base["expected_claims_idr"] * share, 2),
        })
    return pd.DataFrame(rows)


def variant(scenario: Scenario, members: int | None = None, csr_share: float = 0.0, mortality_factor: float = 1.0,
            accident_factor: float = 1.0) -> Scenario:
    """The scenario with a new member total (same mix), a share of every segment's members paid by CSR, and
    mortality loads and accident rates multiplied by the given factors."""
    _check_settings(scenario, members=members, csr_share=csr_share, mortality_factor=mortality_factor,
                    accident_factor=accident_factor)
    data = copy.deepcopy(scenario.resolved)
    segments = data["segments"]
    total = sum(s.members for s in scenario.segments)
    default_load = data["assumptions"]["mortality_load"]["value"]
    if mortality_factor != 1.0:
        apply_override(data, "assumptions.mortality_load", default_load * mortality_factor, {})
    for seg in scenario.segments:
        key = f"segments.{seg.name}"
        n = seg.members if members is None else round(members * seg.members / total) if total else 0
        if accident_factor != 1.0:
            apply_override(data, f"{key}.accident_rate", seg.accident_rate * accident_factor, {})
        if mortality_factor != 1.0 and "mortality_load" in segments[seg.name]:
            apply_override(data, f"{key}.mortality_load", seg.mortality_load * mortality_factor, {})
        csr = round(n * csr_share) if seg.payer != CSR_PAYER else 0
        if n - csr != seg.members:
            apply_override(data, f"{key}.members", n - csr, {})
        if csr:
            twin = copy.deepcopy(segments[seg.name])
            twin["payer"] = CSR_PAYER
            labels = in_each_language(twin["label"]).items()
            twin["label"] = {code: label + CSR_TWIN_SUFFIX[code] for code, label in labels}
            twin["members"]["value"] = csr
            segments[f"{seg.name}-csr"] = twin
    return scenario_from_data(data, str(scenario.path))


def what_if(scenario: Scenario, budget_idr: float | None = None, members: int | None = None, csr_share: float = 0.0,
            mortality_factor: float = 1.0, accident_factor: float = 1.0) -> dict:
    """A year of premiums, who pays them, expected claims and what the budget covers, for a variant whose members
    are held for the year (the scenario's planning tables set aside: ``plans_set_aside``)."""
    _check_settings(scenario, budget_idr=budget_idr, members=members, csr_share=csr_share,
                    mortality_factor=mortality_factor, accident_factor=accident_factor)
    held, set_aside = members_held(scenario)
    v = variant(held, members, csr_share, mortality_factor, accident_factor)
    year = twelve_months(v)
    budget = scenario.annual_budget if budget_idr is None else budget_idr
    payers = year["annual_premium_by_payer_idr"]
    city = sum(amount for payer, amount in payers.items() if payer in CITY_PAYERS)
    out = {
        "members": year["members"],
        "annual_premium_idr": year["annual_premium_idr"],
        "city_premium_idr": city,
        "apbd_premium_idr": payers.get(APBD, 0.0),  # the part of it a budget pays (below)
        "csr_premium_idr": payers.get(CSR_PAYER, 0.0),
        "other_premium_idr": year["annual_premium_idr"] - city - payers.get(CSR_PAYER, 0.0),
        "expected_claims_idr": year["expected_claims_idr"],
        "claim_ratio": year["expected_claims_idr"] / year["premium_idr"] if year["premium_idr"] > 0 else None,
        "months": year["months"],
        "plans_set_aside": set_aside,
    }
    if budget is not None:
        # The budget is the APBD's (a stated [budget] annual_budget, sim plan's APBD budget): it pays the APBD's
        # share of the premium, as the report's and summary.json's budget do (budget_minus_apbd_premium_idr).
        # DBH-CHT, city money too, is its own pot (funding.dbh_cht_budget), not paid from this budget.
        out["budget_idr"] = budget
        out["budget_minus_apbd_premium_idr"] = budget - out["apbd_premium_idr"]
        # Members the budget pays for at the variant's mix, the other payers paying for their share of them.
        out["members_affordable"] = members_affordable(out["apbd_premium_idr"], year["members"], budget)
    return out


# A what-if setting outside its range, and what it must be: refused in one line naming the setting as the notebook
# and the function call it (not, later, a segment's members or a mortality load it was turned into).
SETTING_RANGES = {
    "budget_idr": (0.0, None, "must be 0 or more (Rp per year)"),
    "members": (0.0, MAX_MEMBERS, f"must be between 0 and {MAX_MEMBERS:,} (as a scenario's members)"),
    "csr_share": (0.0, 1.0, "must be a share between 0 and 1 (0.25 is a quarter of the members)"),
    "mortality_factor": (0.0, None, "must be a factor of 0 or more (1 leaves the assumption as it is)"),
    "accident_factor": (0.0, None, "must be a factor of 0 or more (1 leaves the assumption as it is)"),
}


def _check_settings(scenario: Scenario, **settings) -> None:
    for name, value in settings.items():
        if value is not None:
            check_setting(scenario, name, value)


def check_setting(scenario: Scenario, name: str, value, shown_as: str | None = None) -> None:
    """One what-if setting against SETTING_RANGES, refused in one line naming it ``shown_as`` (default ``name``):
    notebook 03's members_grid is a list of members, and a planner who wrote it is told its name."""
    low, high, problem = SETTING_RANGES[name]
    where, name = f"what-if for {scenario.id}", shown_as or name
    # An integer is compared as it is: math.isfinite and every sum downstream raise OverflowError on one beyond
    # a float's range (notebook 05's members = 1 followed by 5,000 zeros ended in that traceback).
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or (isinstance(value, float) and not math.isfinite(value)):
        raise ScenarioError(where, name, f"must be a number, got {value!r}")
    if value < low or (high is not None and value > high):
        raise ScenarioError(where, name, f"{problem}, got {shown(value)}")
    if not _is_number(value):  # the scenario files' own test of a number a float can hold
        raise ScenarioError(where, name, f"is too large a number (a float holds up to about 1.8e308), got "
                                         f"{shown(value)}")


BUDGET_STEP = 50_000_000  # notebook 05's budget slider moves in Rp50 juta
JUTA = 1_000_000  # notebook 05's budget slider counts in Rp juta (see what_if_sliders)
FACTOR_SPANS = {"mortality_factor": (0.5, 2.0), "accident_factor": (0.5, 3.0)}  # notebook 05's factor sliders


def slider_span(name: str, value: float) -> tuple[float, float]:
    """Notebook 05's span for a factor's slider: its usual span, widened to hold the value the planner gave (a
    mortality_factor of 2.5 on a slider ending at 2.0 was answered at 2.0 without a word)."""
    low, high = FACTOR_SPANS[name]
    return min(low, value), max(high, value)


def slider_start(scenario: Scenario, budget_idr: float | None = None, members: int | None = None) -> dict:
    """Where notebook 05's sliders start: the settings given, else the scenario's own: its members at the start and
    its ``[budget]`` annual_budget, or without one what the APBD pays for those members (rounded up to the
    slider's step), so that changing only the scenario does not answer for another city's members and budget."""
    _check_settings(scenario, budget_idr=budget_idr, members=members)
    if members is None:
        members = sum(s.members for s in scenario.segments)
    if budget_idr is None:
        budget_idr = scenario.annual_budget
    if budget_idr is None:  # the budget is the APBD's (what_if): start at the APBD's premium
        apbd = what_if(scenario, members=members)["apbd_premium_idr"]
        budget_idr = math.ceil(apbd / BUDGET_STEP) * BUDGET_STEP
    return {"budget_idr": int(budget_idr), "members": int(round(members))}  # a slider holds whole members


def members_held(scenario: Scenario) -> tuple[Scenario, list[str]]:
    """The scenario without its planning tables (members held at the start), and the names of those it had."""
    set_aside = [t for t in PLANS_SET_ASIDE if t in scenario.resolved]
    if not set_aside:
        return scenario, []
    data = {k: copy.deepcopy(v) for k, v in scenario.resolved.items() if k not in set_aside}
    return scenario_from_data(data, str(scenario.path)), set_aside


def what_if_table(scenario: Scenario, lang: str = "id", **settings) -> pd.DataFrame:
    """:func:`what_if` as a two-column table in the report language (for a notebook's widgets)."""
    from .i18n import Language

    language = Language(lang)
    result = what_if(scenario, **settings)
    rows = [
        ("wi_members", "count", "members"),
        ("wi_annual_premium", "money", "annual_premium_idr"),
        ("wi_city_premium", "money", "city_premium_idr"),
        ("wi_apbd_premium", "money", "apbd_premium_idr"),
        ("wi_csr_premium", "money", "csr_premium_idr"),
        ("wi_other_premium", "money", "other_premium_idr"),
        ("wi_expected_claims", "money", "expected_claims_idr"),
        ("wi_claim_ratio", "percent", "claim_ratio"),
        ("wi_budget", "money", "budget_idr"),
        ("wi_budget_left", "money", "budget_minus_apbd_premium_idr"),
        ("wi_members_affordable", "count", "members_affordable"),
    ]
    if result["apbd_premium_idr"] == result["city_premium_idr"]:  # the APBD's line only where DBH-CHT pays too
        rows = [r for r in rows if r[0] != "wi_apbd_premium"]
    shown = [(language(label), language.figure(kind, result[key])) for label, kind, key in rows if key in result]
    if result["plans_set_aside"]:  # say which question this answers: not the plan's (that is sim plan's)
        shown.append((language("wi_plans"), language("wi_plans_set_aside", tables=", ".join(result["plans_set_aside"]))))
    return pd.DataFrame(shown, columns=[language("wi_what"), language("wi_value")]).set_index(language("wi_what"))


def what_if_sliders(scenario: Scenario, lang: str = "id", budget_idr: float | None = None, members: int | None = None,
                    csr_share: float = 0.0, mortality_factor: float = 1.0, accident_factor: float = 1.0):
    """Notebook 05's sliders, each answered by :func:`what_if_table`, starting at :func:`slider_start` and
    :func:`slider_span`. The budget moves in Rp juta and the CSR share in %: a slider's readout is formatted in
    the browser's English digits, so a budget in Rp read "3100000000" (ten digits, no separator) and a share
    "0.25" (a decimal point, which Indonesian reads as a thousands separator); "3100" under "Anggaran (Rp juta)"
    and "25" under "Proporsi CSR (%)" read alike in both languages. The death and accident factors likewise move
    in % of the scenario's rates, "100" for a factor of 1 (a readout "1.00" reads as a thousand), over their
    :func:`slider_span`. A budget given to the rupiah, or a factor to a fraction of a %, answers here at its
    nearest juta or % (the table above the sliders gives it exact)."""
    import ipywidgets as widgets

    from .i18n import Language

    language = Language(lang)
    start = slider_start(scenario, budget_idr, members)
    budget = round(start["budget_idr"] / JUTA)
    # Each label shown whole: the default label width (80 pixels) cut "Kecelakaan ×" and "Proporsi CSR" short.
    # A slider answers on release, not while dragged (a closed form each time).
    shown = {"style": {"description_width": "initial"}, "continuous_update": False}
    factors = {name: _percent_slider(name, value, language(f"nb_slider_{label}"), shown)
               for name, value, label in (("mortality_factor", mortality_factor, "deaths"),
                                          ("accident_factor", accident_factor, "accidents"))}
    return widgets.interactive(
        _what_if_in_juta, scenario=widgets.fixed(scenario), lang=widgets.fixed(lang),
        budget_juta=widgets.IntSlider(value=budget, min=0, max=4 * max(budget, 1_000), step=BUDGET_STEP // JUTA,
                                      description=language("nb_slider_budget"), **shown),
        members=widgets.IntSlider(value=start["members"], min=0, max=4 * max(start["members"], 1_000), step=100,
                                  description=language("nb_slider_members"), **shown),
        csr_percent=widgets.IntSlider(value=round(100 * csr_share), min=0, max=100, step=5,
                                      description=language("nb_slider_csr_share"), **shown),
        mortality_percent=factors["mortality_factor"], accident_percent=factors["accident_factor"],
    )


def _percent_slider(name: str, factor: float, description: str, shown: dict):
    """A factor's slider in whole % of the scenario's rates (1.0 is 100), over :func:`slider_span` widened to whole
    % (a factor of 1.234 starts at its nearest, 123). ``percent / 100`` is the factor itself at a whole %: 120 / 100
    is the float 1.2, where a float slider's 0.5 + 14 steps of 0.05 is 1.2000000000000002."""
    import ipywidgets as widgets

    low, high = slider_span(name, factor)
    return widgets.IntSlider(value=round(100 * factor), min=math.floor(100 * low), max=math.ceil(100 * high), step=5,
                             description=description, **shown)


def _what_if_in_juta(scenario: Scenario, lang: str, budget_juta: int, members: int, csr_percent: int,
                     mortality_percent: int, accident_percent: int) -> pd.DataFrame:
    """:func:`what_if_table` for :func:`what_if_sliders`' budget in Rp juta, CSR share and factors in %."""
    return what_if_table(scenario, lang, budget_idr=budget_juta * JUTA, members=members, csr_share=csr_percent / 100,
                         mortality_factor=mortality_percent / 100, accident_factor=accident_percent / 100)
