"""Scenarios side by side: key outputs, and the parameters that differ between the resolved scenarios.

``python -m sim compare A B ...`` forecasts each scenario (``sim.forecast``, the same trials and seed options for
all, so scenarios that share segment names share their random numbers), answers the budget question
(``sim.budget.budget_needed`` at the confidence: the first year's and the peak year's need, the horizon average and
the whole path per year) and writes, atomically, ``compare.json``, ``compare_outputs.csv`` and
``compare_parameters.csv``. Figures are over each scenario's whole horizon; money per year is the horizon's total
divided by its months x 12, but the APBD needed's, whose path covers each fiscal year from its first month in the
horizon to December (a year the horizon ends in before December needs a whole year's budget): divided by those
months x 12.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

from . import budget
from .closed_form import expected
from .i18n import Language, rule_of_three_bound
from .forecast import DEFAULT_CHUNK_TRIALS, atomic_directory, forecast, write_json
from .pledge_outcomes import pledge_outcomes
from .population import build_model
from .scenario import Scenario, is_table, leaf_value
from .scenario_schema import RECORD_TABLES

SKIPPED_KEYS = ("scenario.id", "scenario.title", "scenario.description", "scenario.base")
# key, label ("{confidence}": "at 90%", the budget answers' confidence, or CERTAIN_LABEL; "{apbd}": "APBD", or
# APBD_EXCL_DBH where tobacco-excise money pays premiums in some scenario), unit. Whether each
# scenario's own money keeps its members and registers its names is shown beside its cost: madiun-2026-ucj's city
# money per year looked as good as the CSR scenario's though its budget does not renew 432 informal members in 2028.
OUTPUTS = (
    ("horizon", "horizon", "months from the first month"),
    ("members", "members in force (average)", "persons"),
    ("members_end", "members in force at the end of the horizon", "persons"),
    ("not_renewed", "members not renewed for lack of money, over the horizon", "persons"),
    ("held_end", "names waiting for money at the end of the horizon", "persons"),
    # The two rows above count each CSR pledge at amount x probability (sim plan's table): a pledge that fails
    # takes its money whole, so a CSR scenario read "0 not renewed" where it cuts 746 members in 35 % of outcomes.
    ("not_renewed_expected", "members not renewed, averaged over which CSR pledges are honoured", "persons"),
    ("held_end_expected", "names waiting at the end, averaged over which CSR pledges are honoured", "persons"),
    ("premium_per_year_idr", "premium per year (all payers)", "IDR per year"),
    ("city_money_per_year_idr", "city money per year (APBD, DBH-CHT)", "IDR per year"),
    ("claims_mean_idr", "claims over the horizon, mean", "IDR"),
    ("claims_p5_idr", "claims over the horizon, 5th percentile", "IDR"),
    ("claims_p95_idr", "claims over the horizon, 95th percentile", "IDR"),
    ("claim_ratio", "claim ratio (claims / premium), mean", "ratio"),
    ("prob_claims_above_premium", "P(claims > premium) over the horizon", "probability"),
    ("budget_needed_first_year_idr", "{apbd} needed in the first year (next budget), {confidence}", "IDR per year"),
    ("budget_needed_peak_year_idr", "{apbd} needed in the peak year, {confidence}", "IDR per year"),
    ("budget_needed_peak_year", "peak year of the APBD need", "year"),
    ("budget_needed_per_year_idr", "{apbd} needed, horizon average per year, {confidence}", "IDR per year"),
    ("cost_per_covered_worker_idr", "city money per member-year", "IDR per member-year"),
)
LABELS = {key: label for key, label, _ in OUTPUTS}
CERTAIN_LABEL = "certain (no CSR pledges)"
# DBH-CHT is spent through the APBD but the need leaves it out (sim plan's "excluding DBH-CHT"): a CSR variant that
# also spends Rp500 m of DBH-CHT read as Rp500 m a year less APBD needed.
APBD_EXCL_DBH = "APBD (excluding DBH-CHT)"
CERTAIN = "certain (no CSR pledges: the money is known)"  # sim plan's words


def key_outputs(scenario: Scenario, confidence: float, chunk_trials: int = DEFAULT_CHUNK_TRIALS, progress=None) -> dict:
    model = build_model(scenario)
    summary = forecast(scenario, chunk_trials, progress=progress, model=model)
    total = summary["periods"][-1]
    closed = expected(model)
    months = scenario.horizon_months
    member_years = float(closed.member_months.sum()) / 12
    city = budget.city_premium(model, closed)
    # Each pledge outcome with unlimited APBD, shared by budget_needed and pledge_outcomes: projected once.
    funded = scenario.planning is not None and scenario.planning.funding is not None
    unlimited = budget.UnlimitedApbd(scenario) if funded else None
    need = budget.budget_needed(scenario, confidence, unlimited)
    needed = sum(r["budget_idr"] for r in need["years"])
    # A year's months in the horizon: fewer than 12 in a year it starts in after January or ends in before December.
    # A year's need runs from its first month to December (sim.budget: a budget is for a whole fiscal year): a whole
    # year's in a year the horizon ends in before December, those months' only in one it starts in after January
    # (the table stars it, as sim plan does).
    months_in = Counter(d.year for d in model.month_dates)
    path = [{"year": r["year"], "budget_idr": r["budget_idr"], "months": months_in[r["year"]],
             "first_month": _month(model, r["year"], 0), "last_month": _month(model, r["year"], -1)}
            for r in need["years"]]
    need_months = sum(13 - int(r["first_month"][5:]) for r in path)  # from each year's first month to December
    peak = max(path, key=lambda r: r["budget_idr"])  # the first of equal peaks
    proj = model.projection  # None: members only run off, no money can bind ("-")
    # As sim plan's "not renewed" column summed and its last "waiting for money" (plan.json budget_cuts,
    # years[].held_year_end).
    cuts = {"not_renewed": None if proj is None else round(float(proj.not_renewed().sum()), 2),
            "held_end": None if proj is None else round(float(proj.held[:, -1].sum()), 2)}
    return {
        "horizon": f"{months} months from {scenario.start:%Y-%m}",
        "members": total["members"],
        "members_end": round(float(sum(e.closing[-1] for e in model.segments)), 2),  # after the last month's exits
        **cuts,
        **_averaged_over_pledges(scenario, cuts, unlimited),
        "premium_per_year_idr": round(total["premium_idr"] * 12 / months, 2),
        "city_money_per_year_idr": round(city * 12 / months, 2),
        "claims_mean_idr": total["claims_idr"]["mean"],
        "claims_p5_idr": total["claims_idr"]["p5"],
        "claims_p95_idr": total["claims_idr"]["p95"],
        "claim_ratio": None if total["claim_ratio"] is None else total["claim_ratio"]["mean"],
        "prob_claims_above_premium": total["prob_claim_ratio_above_1"],
        "budget_needed_first_year_idr": path[0]["budget_idr"],
        "budget_needed_peak_year_idr": peak["budget_idr"],
        "budget_needed_peak_year": peak["year"],
        "budget_needed_per_year_idr": round(needed * 12 / need_months, 2),
        "budget_needed_by_year": path,
        "budget_needed_for": need["for"],  # "quota_path", or "members" for a scenario without one
        # Without CSR pledges in the horizon the need has one outcome: certain, not "at 90%" (as sim plan says).
        "budget_needed_certain": need.get("outcomes", 1) == 1,
        "cost_per_covered_worker_idr": round(city / member_years, 2) if member_years > 0 else None,
        "trials": summary["trials"],
        "seed": summary["seed"],
    }


def dbh_cht_pays(scenario: Scenario) -> bool:
    """Whether tobacco-excise money (DBH-CHT) may pay some of the scenario's premiums: a [funding] DBH-CHT budget
    above 0 in some year (a segment paid by DBH-CHT needs one). ``sim plan`` says "excluding DBH-CHT" where its run
    spent some; a budget its members leave unspent is still left out of the APBD needed."""
    funding = scenario.planning.funding if scenario.planning is not None else None
    dbh = funding.dbh_cht if funding is not None else None
    return dbh is not None and bool(dbh.every or any(amount > 0 for _, amount in dbh.by_year))


def _averaged_over_pledges(scenario: Scenario, cuts: dict, unlimited) -> dict:
    """Members not renewed over the horizon and names waiting at its end, averaged over which CSR pledges are
    honoured (plan.json ``budget.pledge_outcomes.expected``): without pledges the one outcome's, ``cuts`` (the
    run's ``not_renewed`` and ``held_end``); None where members only run off, or where the outcomes are the stress cases only (more than
    ``ALL_COMBINATIONS_UP_TO`` pledges: their probabilities do not add up to 1)."""
    if cuts["not_renewed"] is None:
        return {"not_renewed_expected": None, "held_end_expected": None}
    outcomes = pledge_outcomes(scenario, unlimited)
    if outcomes is None:
        return {"not_renewed_expected": cuts["not_renewed"], "held_end_expected": cuts["held_end"]}
    years = outcomes["expected"]
    if years is None:
        return {"not_renewed_expected": None, "held_end_expected": None}
    return {"not_renewed_expected": round(sum(y["not_renewed"] for y in years), 2),
            "held_end_expected": years[-1]["held_year_end"]}


def _month(model, year: int, k: int) -> str:
    """The ``k``-th of ``year``'s months in the horizon, as ``2026-07``."""
    return [d for d in model.month_dates if d.year == year][k].isoformat()[:7]


def flatten(resolved: dict, prefix: str = "") -> dict:
    """Dotted key -> value (a parameter table's value) of a resolved scenario."""
    out = {}
    for key, node in resolved.items():
        dotted = f"{prefix}{key}"
        if dotted in RECORD_TABLES:  # a record of the fit, not a parameter that differs
            continue
        if is_table(node):
            out.update(flatten(node, dotted + "."))
        else:
            out[dotted] = leaf_value(node)
    return out


def differing_parameters(scenarios: list[Scenario]) -> list[dict]:
    """Every key whose value is not the same in all scenarios (absent counts as a value), with its unit as the
    assumption register gives it (the first scenario's that sets one; "" for a key without a unit, a label)."""
    from .report_sections import register_rows  # the report's modules load only when compare runs

    flat = [flatten(s.resolved) for s in scenarios]
    units = {}
    for s in reversed(scenarios):  # the first scenario's unit wins
        units.update({r["key"]: r["unit"] for r in register_rows(s.resolved) if r["unit"]})
    keys = sorted(set().union(*flat))
    rows = []
    for key in keys:
        if key in SKIPPED_KEYS:
            continue
        values = [f.get(key, _ABSENT) for f in flat]
        if any(v != values[0] for v in values):
            rows.append({"parameter": key, "unit": units.get(key, ""),
                         "values": {s.id: _shown(v) for s, v in zip(scenarios, values)}})
    return rows


_ABSENT = object()


def _shown(value):
    if value is _ABSENT:
        return None
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=str)
    return value if isinstance(value, (int, float, str, bool)) else str(value)


def compare(scenarios: list[Scenario], confidence: float, chunk_trials: int = DEFAULT_CHUNK_TRIALS, progress=None) -> dict:
    ids = [s.id for s in scenarios]
    outputs = {s.id: key_outputs(s, confidence, chunk_trials, progress) for s in scenarios}
    certain = {i: outputs[i]["budget_needed_certain"] for i in ids}
    # "at 90%" on the APBD rows only where some scenario's need depends on CSR pledges; else the money is known.
    at = CERTAIN_LABEL if all(certain.values()) else f"at {confidence:.0%}"
    apbd = APBD_EXCL_DBH if any(dbh_cht_pays(s) for s in scenarios) else "APBD"
    return {
        "scenarios": ids,
        "confidence": confidence,
        "outputs": [{"key": key, "label": label.format(confidence=at, apbd=apbd), "unit": unit,
                     "values": {i: outputs[i][key] for i in ids}} for key, label, unit in OUTPUTS],
        "runs": {i: {"trials": outputs[i]["trials"], "seed": outputs[i]["seed"]} for i in ids},
        # The APBD each scenario needs per calendar year for its quota path, at the confidence.
        "budget_needed_by_year": {i: outputs[i]["budget_needed_by_year"] for i in ids},
        "budget_needed_for": {i: outputs[i]["budget_needed_for"] for i in ids},
        "budget_needed_certain": certain,
        "budget_needed_excludes_dbh_cht": apbd == APBD_EXCL_DBH,
        "parameters": differing_parameters(scenarios),
    }


def tables(result: dict) -> dict:
    ids = result["scenarios"]
    # The label carries what the key does not: the confidence of the APBD needed ("at 90%"), "over the horizon".
    outputs = pd.DataFrame([{"output": r["key"], "label": r["label"], "unit": r["unit"],
                             **{i: r["values"][i] for i in ids}}
                            for r in result["outputs"]])
    params = pd.DataFrame([{"parameter": r["parameter"], "unit": r["unit"], **{i: r["values"][i] for i in ids}}
                           for r in result["parameters"]], columns=["parameter", "unit", *ids])
    return {"compare_outputs.csv": outputs, "compare_parameters.csv": params}


def write_compare(result: dict, out_dir: Path) -> None:
    with atomic_directory(out_dir) as tmp:
        write_json(tmp / "compare.json", result)
        for name, frame in tables(result).items():
            frame.to_csv(tmp / name, index=False, lineterminator="\n")


NEEDED_FOR = {"quota_path": "for its quota path", "members": "for these members"}


def format_compare(result: dict, rupiah) -> str:
    ids = result["scenarios"]
    label_width = max(len(r["label"]) for r in result["outputs"])
    paths = result.get("budget_needed_by_year") or {}
    trials = {i: result["runs"][i]["trials"] for i in ids}
    certain = result.get("budget_needed_certain") or {}
    mixed = len(set(certain.values())) > 1  # a row "at 90%" whose column for a scenario without pledges is certain
    rows = [(r["label"], [_cell(r["values"][i], r["unit"], rupiah, trials[i]) + _part_mark(r["key"], result, i)
                          + (" (certain)" if mixed and certain[i] and "{confidence}" in LABELS[r["key"]] else "")
                          for i in ids])
            for r in result["outputs"]]
    width = max(14, *(len(i) for i in ids), *(len(c) for _, cells in rows for c in cells))  # columns stay aligned
    lines = [f"{'':<{label_width}}  " + "  ".join(f"{i:>{width}}" for i in ids)]
    for label, cells in rows:
        lines.append(f"{label:<{label_width}}  " + "  ".join(f"{c:>{width}}" for c in cells))
    if paths:
        certain = result.get("budget_needed_certain") or {}
        mixed = len(set(certain.values())) > 1  # else the heading says it for all
        apbd = APBD_EXCL_DBH if result.get("budget_needed_excludes_dbh_cht") else "APBD"
        lines.append(f"{apbd} needed per year, " + (CERTAIN if certain and all(certain.values()) else
                                                    f"at {result['confidence']:.0%} over which CSR pledges are "
                                                    "honoured") + ":")
        for i in ids:
            what = NEEDED_FOR[result["budget_needed_for"][i]]
            if mixed and certain[i]:
                what += "; certain: no CSR pledges, the money is known"
            lines.append(f"  {i} ({what}): " + ", ".join(f"{r['year']} {rupiah(r['budget_idr'])}{_star(r)}"
                                                        for r in paths[i]))
        part = {i: [r for r in paths[i] if _star(r)] for i in ids}
        if any(part.values()):
            en = Language("en")
            lines.append("* part of a year, its need those months' only (a full year of its members needs more): "
                         + "; ".join(f"{i} " + ", ".join(en.months_to_december(r["first_month"], dash="-")
                                                         for r in rows) for i, rows in part.items() if rows))
    lines.append("")
    if result["parameters"]:
        lines.append(f"Parameters that differ ({len(result['parameters'])}):")
        key_width = max(len(r["parameter"]) for r in result["parameters"])
        listed = [(r["parameter"], [parameter_cell(r["parameter"], r["values"][i], r["unit"], rupiah) for i in ids])
                  for r in result["parameters"]]
        cell_width = max(width, *(len(c) for _, cells in listed for c in cells))
        for key, cells in listed:
            lines.append(f"  {key:<{key_width}}  " + "  ".join(f"{c:>{cell_width}}" for c in cells))
    else:
        lines.append("No parameter differs.")
    return "\n".join(lines)


def _star(year: dict) -> str:
    """'*' for a year of the need's path whose need is part of a year's: one the horizon starts in after January (its
    need is from then to December); a year it ends in before December needs a whole year's (a path without months:
    none)."""
    return "*" if year.get("months", 12) < 12 and not year.get("first_month", "-01").endswith("-01") else ""


def _part_mark(key: str, result: dict, scenario_id: str) -> str:
    """'*' on the first or the peak year's need when that year is a part year."""
    path = (result.get("budget_needed_by_year") or {}).get(scenario_id) or []
    if not path or key not in ("budget_needed_first_year_idr", "budget_needed_peak_year_idr"):
        return ""
    if key == "budget_needed_first_year_idr":
        return _star(path[0])
    peak = next(r for r in path if r["year"] == _value(result, "budget_needed_peak_year", scenario_id))
    return _star(peak)


def _value(result: dict, key: str, scenario_id: str):
    return next(r["values"][scenario_id] for r in result["outputs"] if r["key"] == key)


def _cell(value, unit, rupiah, trials: int) -> str:
    if value is None:
        return "-"
    if unit.startswith("IDR"):
        return rupiah(value)
    if unit == "probability":
        return chance(value, trials)
    if unit == "ratio":
        return f"{value:.0%}"
    if unit == "persons":
        return f"{value:,.0f}"
    return str(value)


def chance(p: float, trials: int) -> str:
    """A probability estimated from ``trials`` trials. All or none of them is no certainty, and no finer than the
    trials resolve: 300 of 300 printed "> 99.9%", though a 1-in-300 miss would pass unseen. Such a share is given
    as the 95 % bound of the rule of three (the true share is above 1 - 3/n, below 3/n), rounded outward to 0.1 %,
    with the count: "> 99.0% (300 of 300 trials)", "< 1.0% (0 of 300 trials)". A share between is the estimate."""
    shown = chance_bound(p, trials)
    hits = round(p * trials)
    if trials <= 0 or 0 < hits < trials:
        return shown
    if rule_of_three_bound(trials) >= 1.0:  # shown is the count already: "2 of 2 (2 of 2 trials)"
        return f"{hits:,} of {trials:,} trials"
    return f"{shown} ({hits:,} of {trials:,} trials)"


def chance_bound(p: float, trials: int) -> str:
    """:func:`chance` without the count, for a narrow column (``sim run``'s "P(>100%)"): "> 99.0%" from 300 of 300
    trials, "> 99.9%" from 10,000 of 10,000; the report's rule too (``Language.chance`` with the trials)."""
    return Language("en").chance(p, trials if trials > 0 else None)


def parameter_cell(key: str, value, unit: str, rupiah, limit: int = 40) -> str:
    """A differing parameter's value with its unit, as the terminal lists it: an amount in Rp with its period
    ("Rp1.50 bn per year"), a share in % ("70.0%"), a year as a year ("2026"), another number with its unit
    ("3 years", "2,000 names per month"), a multiplier copied from a fit, or a percentage parameter, as the report's
    differences table (report_sections.parameter_figure); a label by its English text, a list of segments by their
    names, money by year as "2023: Rp201.6 m per year, ...", other [x, share] pairs by x with its unit ("months 6:
    26.0%, 30: 74.0%") and intensity draws as "draws (0.9418, 1.5593), ... (200)"; within ``limit`` characters, a list
    by its whole entries and their number ("..., ... (6)"). compare.json keeps the values."""
    from .report_sections import SEGMENT_LISTS, YEAR_PAIRS, YEARS, copied_from_fit, parameter_figure

    if value is None:
        return "-"
    if isinstance(value, str) and value[:1] in "[{":  # a list or table, stored as JSON text by _shown
        try:
            value = json.loads(value)
        except ValueError:  # a text that only starts like one
            pass
    field = key.rsplit(".", 1)[-1]
    if isinstance(value, dict) and "en" in value:
        text = str(value["en"])
    elif isinstance(value, list) and field in SEGMENT_LISTS:
        text = ", ".join(map(str, value))
    elif isinstance(value, list) and field in YEAR_PAIRS and all(isinstance(v, list) and len(v) == 2 for v in value):
        text = _entries([f"{year}: {parameter_cell(key, x, unit, rupiah)}" for year, x in value], limit)
    elif isinstance(value, list) and value and all(_number_pair(v) for v in value):
        if field in PAIR_KEYS:  # [months, share]: "months 6: 26.0%, 30: 74.0%", each share in % (0.703368 too)
            percent = Language("en").percent
            text = _entries([f"{_short(k)}: {percent(x, 1)}" for k, x in value], limit, PAIR_KEYS[field] + " ")
        else:  # intensity draws, [deaths, accidents] multipliers: "draws (0.9418, 1.5593), ... (200)"
            text = _entries([f"({_short(a)}, {_short(b)})" for a, b in value], limit, "draws ")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _number_cell(value, unit, rupiah, field in YEARS,
                            parameter_figure(Language("en"), key, value, copied_from_fit(value)))
    else:
        text = _short(value, limit)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# The unit of the first number of a field's [x, share] pairs not keyed by year (scenario_schema.pairs' ``what``).
PAIR_KEYS = {"tenure": "months", "reporting_delay": "months", "partial_degrees": "table share"}


def _number_pair(v) -> bool:
    return (isinstance(v, list) and len(v) == 2
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v))


def _entries(texts: list, limit: int, prefix: str = "") -> str:
    """Entries joined with ", " after ``prefix``, within ``limit`` characters: those that fit whole, then "... (n)"
    with how many there are, rather than a cut inside an entry."""
    text = prefix + ", ".join(texts)
    if len(text) <= limit:
        return text
    more = f", ... ({len(texts)})"
    for n in range(len(texts) - 1, 0, -1):
        text = prefix + ", ".join(texts[:n]) + more
        if len(text) <= limit:
            return text
    return text  # not even one entry fits: parameter_cell cuts it


def _number_cell(value, unit: str, rupiah, year: bool, figure: str | None) -> str:
    if year:
        return str(value)
    if unit.startswith("IDR"):
        return rupiah(value) + unit[3:]  # "IDR per year": "Rp1.50 bn per year"
    if unit.startswith("share") and figure is None:  # "share", "share per year"
        figure = Language("en").percent(value, 1)
    if figure is not None and "%" in figure:  # a share as a percentage says its unit but a period ("per year")
        return figure + unit.removeprefix("share")
    if not unit:
        return figure or _short(value)
    if value == 1 and unit in ("months", "years"):
        unit = unit[:-1]
    return f"{figure or f'{value:,}'} {unit}"  # "1.58 x mortality table" (fitted), "2,000 names per month"


def _short(value, limit: int = 24) -> str:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    text = f"{value:,}" if number and abs(value) >= 10_000 else str(value)  # years stay 2026, not 2,026
    return text if len(text) <= limit else text[: limit - 3] + "..."
