"""Laying a report out: the figures report.json adds to summary.json, the CSV tables, the sections of the report
(:class:`~sim.report_document.Section`) with every number a traced :class:`~sim.report_document.Figure`, the chart
images, and the same tables formatted for notebooks.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import math
import re
from dataclasses import replace

import numpy as np
import pandas as pd

from . import chart_descriptions, charts, report_planning, report_trend
from . import risk as risk_measures
from .budget import CITY_BUCKETS
from .calibration import (
    GRID_RANGE, earlier_scholarships, record_experience, record_observation, same_window, window_forecast,
)
from .exact import MIN_TAIL_TRIALS, SIGMAS
from .closed_form import first_year_scholarships, horizon_scholarships
from .coverage import apbd_premium, coverage_curve, funding, held_year, members_affordable
from .forecast import other_payers, unused_in_projection
from .i18n import Language, rule_of_three_bound, significant
from .plan import DETAIL_TABLES, PLEDGE_TABLE
from .population import build_model, month_dates, share_older_than_at_start
from .ratio_change import ratio_change
from .regulation import bpu_discount, load_regulation, monthly_premium
from .report_base_year import base_same_year, base_year_blocks
from .report_document import Chart, Figure, Para, Pre, Section, Table, Tiles
from .report_document import report_figure as _r, summary_figure as _s  # short: hundreds of figures
from .scenario import Scenario, ScenarioError, age_profiles, base_of, scenario_from_data
from .results import FLAG_SE, distinct_means
from .planning_schema import segment_list_field_names, year_field_names
from .scenario_schema import BASES, RECORD_TABLES
from .sensitivity import early_death_rule, unused_parameters, without_effect
from .report_text import PARAMETERS, RULE_NAMES, STAGE_NAMES
from .sources import cited_sources, strings

FAN_QUANTILES = {"p5": 0.05, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p95": 0.95}
MANY_ROWS = 40  # longer tables are cut in the report (flagged and largest rows kept); the CSV has every row
MANY_SEGMENTS = 12  # with more segments, per-segment parameters are summarised per field in the register


# --- what the report adds to summary.json (report.json) ------------------------------------------------------------


def period_months(summary: dict) -> dict[str, tuple[str, str]]:
    """Each calendar year of the horizon: its first and last month in it (``2026-01``, ``2026-12``; a 13-month
    horizon from January 2025 holds ``2026-01`` alone)."""
    out: dict = {}
    for d in month_dates(dt.date.fromisoformat(summary["start"] + "-01"), summary["horizon_months"]):
        month = d.isoformat()[:7]
        out[str(d.year)] = (out.get(str(d.year), (month,))[0], month)
    return out


def year_name(lang: Language, summary: dict, period: dict) -> str:
    """A calendar year of the horizon as the tables and headline figures name it: ``2026``, or a part year with its
    months, ``2026 (Jan)`` (a 13-month horizon's last year; a 1-month horizon's only one): a part year's claims are
    those months' only, not a year's."""
    if period["period"] == "total" or period.get("months", 12) >= 12:
        return period["period"]
    return lang("part_year_name", year=period["period"],
                months=lang.months_short(*period_months(summary)[period["period"]]))


def fan_rows(summary: dict, claims: np.ndarray) -> list[dict]:
    """Per calendar year: mean and percentiles of the trials' claims and claim ratios, and the premium; the year's
    ``first_month`` and ``year_end_month`` in the horizon, by which the chart names a part year
    (:func:`sim.charts.year_tick`)."""
    rows = []
    months = period_months(summary)
    for p, period in enumerate(summary["periods"][:-1]):
        x = claims[:, p]
        premium = period["premium_idr"]
        first, last = months[period["period"]]
        row = {"period": period["period"], "first_month": first, "year_end_month": last, "premium_idr": premium,
               "claims_mean": round(float(x.mean()), 4)}
        row.update({f"claims_{k}": round(float(v), 4)
                    for k, v in zip(FAN_QUANTILES, np.quantile(x, list(FAN_QUANTILES.values())))})
        ratio = x / premium if premium > 0 else np.zeros_like(x)
        row["claim_ratio_mean"] = round(float(ratio.mean()), 6)
        row.update({f"claim_ratio_{k}": round(float(v), 6)
                    for k, v in zip(FAN_QUANTILES, np.quantile(ratio, list(FAN_QUANTILES.values())))})
        rows.append(row)
    return rows


def _jsonable(x):
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    return x


def register_rows(resolved: dict, prefix: str = "") -> list[dict]:
    """Every parameter table of the resolved scenario: key, value, unit, basis, range, source, note. The
    [calibration] record (what a calibrated scenario was fitted to, not a parameter of the model) has its own
    table in the summary."""
    rows = []
    for key, node in resolved.items():
        dotted = f"{prefix}{key}"
        if dotted in RECORD_TABLES:
            continue
        if isinstance(node, dict) and "value" in node:
            rows.append({"key": dotted, "value": _jsonable(node["value"]), "unit": node.get("unit", ""),
                         "basis": node.get("basis", ""), "range": _jsonable(node.get("range")),
                         "source": node.get("source", ""), "source_id": node.get("source_id"),
                         "note": node.get("note", ""), "note_id": node.get("note_id")})
        elif key == "age_profile" and prefix.startswith("segments.") and node in age_profiles():
            rows.append(age_profile_row(dotted, node))
        elif isinstance(node, dict):
            rows.extend(register_rows(node, dotted + "."))
    return rows


AGE_PROFILES_FILE = "sim/data/age_profiles.toml"


def age_profile_row(key: str, name: str) -> dict:
    """A segment's named age profile as a register row, as its own ``age_bands`` would be: the bands the model uses
    (value), the profile's basis and source, and where it is defined (note: ``FILE [name]``), so assumptions.csv
    holds the numbers as well as the name."""
    profile = age_profiles()[name]
    return {"key": key, "value": profile["bands"], "unit": "share", "basis": profile["basis"], "range": None,
            "source": profile["source"], "source_id": profile.get("source_id"),
            "note": f"{AGE_PROFILES_FILE} [{name}]", "note_id": f"{AGE_PROFILES_FILE} [{name}]"}


def profile_title(lang: Language, name: str) -> str:
    """A named age profile's title in the report's language (``title_id`` in Indonesian); unknown: the name."""
    profile = age_profiles().get(name)
    if profile is None:
        return name
    return profile.get("title_id", profile["title"]) if lang.code == "id" else profile["title"]


def age_bands_text(lang: Language, bands: list) -> str:
    """Age bands as a reader reads them: ``18–29: 7%, 30–39: 13%, ...`` (shares as percentages)."""
    return ", ".join(f"{lo}–{hi}: {lang.plain(round(100 * share, 4))}%" for lo, hi, share in bands)


def rule_rows(scenario: Scenario) -> tuple[str, list[dict], list[dict]]:
    """The rules in force at the start (or on ``rules_date``) and every change during the horizon."""
    regulation = load_regulation()
    start = scenario.rules_date or scenario.start
    rows = [_jsonable(r) for r in regulation.table(start)]
    changes = []
    if scenario.rules_date is None:
        previous = {r["rule"]: r for r in rows}
        for month in month_dates(scenario.start, scenario.horizon_months)[1:]:
            for r in regulation.table(month):
                before = previous[r["rule"]]
                if r["value"] != before["value"]:
                    changes.append({"month": month.isoformat()[:7], "rule": r["rule"],
                                    "from": _jsonable(before["value"]), "to": _jsonable(r["value"]), "unit": r["unit"],
                                    "source": r["source"], "source_id": r["source_id"]})
                previous[r["rule"]] = r
    return start.isoformat(), rows, changes


def rules_assumed_after(scenario: Scenario) -> dict | None:
    """Where the horizon runs past the last dated change of the rules (``last_change``, ISO date), the month it ends
    (``through``): its months after that date keep the rules then in force, no revision of a rate or an amount
    assumed (report.json ``rules.assumed_after``). None when no month lies after it, or a ``rules_date`` gives every
    month one date's rules."""
    last = load_regulation().last_change()
    end = month_dates(scenario.start, scenario.horizon_months)[-1]
    if scenario.rules_date is not None or end <= last:
        return None
    return {"last_change": last.isoformat(), "through": end.isoformat()[:7]}


def sensitivity_figures(scenario: Scenario, base_outcome, swings, skipped) -> dict:
    """report.json's ``sensitivity``: the tornado (``sim.sensitivity.tornado``'s three results) as the report
    shows it, bars that move the claims apart from those that do not."""
    moving, still = without_effect(base_outcome, swings)
    last = base_outcome.last
    through = None if base_outcome.recalibrated is None else base_outcome.recalibrated.through
    return {
        "period": base_outcome.period,
        "last_period": None if last is None else last.period,
        # A scenario that inherits its calibration: the calibrated scenario whose refits it takes, and the scenario
        # that one was calibrated from (sim.sensitivity.Recalibration); null otherwise.
        "recalibrated_through": None if through is None else {
            "scenario": through, "calibrated_from": scenario.calibration["scenario"]},
        "base": {"premium_idr": round(base_outcome.premium_idr, 2), "claims_idr": round(base_outcome.claims_idr, 2),
                 "claim_ratio": None if base_outcome.claim_ratio is None else round(base_outcome.claim_ratio, 6),
                 "premium_last_idr": None if last is None else round(last.premium_idr, 2),
                 "claims_last_idr": None if last is None else round(last.claims_idr, 2),
                 "claim_ratio_last": None if last is None or last.claim_ratio is None else round(last.claim_ratio, 6),
                 **base_outcome.recalibrated_row()},
        "rows": [s.row(base_outcome) for s in moving],
        "skipped": [{"parameter": k, "problem": problem} for k, problem in skipped],
        "unused": unused_parameters(scenario.resolved),
        "no_effect": [s.row(base_outcome) for s in still],
        "early_death_rule": early_death_rule(scenario),
    }


def extra_figures(scenario: Scenario, summary: dict, claims: np.ndarray, base_outcome, swings, skipped,
                  differences: list, overrides: list, projection=None, model=None) -> dict:
    """The figures of report.json: what the report shows beyond summary.json. ``projection``: the scenario's
    projection (``build_model(scenario).projection``) when the caller made it, for the planning figures; ``model``:
    the scenario's model when the caller made it (else made here where needed)."""
    year = held_year(scenario)  # the members at the start: claims of the same members as the premium
    members = year["members"]
    in_force = load_regulation().at(scenario.rules_date or scenario.start)
    budget_year = {
        "months": year["months"],
        "members": members,
        "annual_premium_idr": round(year["annual_premium_idr"], 2),
        "apbd_premium_idr": round(apbd_premium(year), 2),  # the share a stated budget pays (sim.coverage)
        "premium_per_member_idr": round(year["annual_premium_idr"] / members, 2) if members else None,
        "expected_claims_idr": round(year["expected_claims_idr"], 2),
        # What a new member does not yet have (the coverage chart holds for members with the same tenure mix).
        "scholarship_min_membership_months": in_force["jkm.scholarship_min_membership"],
        "bpu_early_death_months": in_force["jkm.bpu_early_death_months"],
        "bpu_early_death_benefit_idr": in_force["jkm.bpu_early_death_benefit"],
    }
    if scenario.annual_budget is not None:
        budget_year["members_affordable"] = members_affordable(apbd_premium(year), members, scenario.annual_budget)
    first = summary["periods"][0]
    z = None
    if first["claims_idr"]["se"]:  # null where the trials cannot estimate it (results._se)
        z = round(abs(first["claims_idr"]["mean"] - first["claims_expected_idr"]) / first["claims_idr"]["se"], 3)
    rules_date, rules, changes = rule_rows(scenario)
    rows = funding(scenario)
    risks = premium_risks(scenario, rows)
    model = build_model(scenario) if model is None else model
    return {
        "scenario_id": scenario.id,
        "budget_year": budget_year,
        "first_period_mean_z": z,
        "fan": fan_rows(summary, claims),
        "ratio_change": ratio_change(summary),
        "base_same_year": base_same_year(scenario, summary, projection),
        "coverage": coverage_curve(scenario).to_dict("records"),
        "funding": rows,
        "sensitivity": sensitivity_figures(scenario, base_outcome, swings, skipped),
        "assumptions": register_rows(scenario.resolved),
        "rules": {"date": rules_date, "rows": rules, "changes": changes,
                  "assumed_after": rules_assumed_after(scenario)},
        "differences": [{"key": k, "base": _jsonable(a), "this": _jsonable(b)} for k, a, b in differences],
        "overrides": list(overrides),
        "planning": report_planning.planning_figures(scenario, projection),
        "runoff_ages": runoff_ages(scenario, model),
        "first_year_scholarships": first_year_later(summary, model),
        "horizon_scholarships": horizon_later(summary, model),
        "calibration": calibration_figures(scenario, window_trials=scenario.trials),
        "premium_risks": risks,
        "sources": cited_sources(scenario_citing_texts(scenario) + strings(rules) + strings(changes)
                                 + strings(risks)),
    }


# The reason given for the proposed rise of the BPU JKM premium: BPU members' JKM claim ratio in 2023, nationally.
BPU_JKM_CLAIM_RATIO = {
    "value": 1.981, "unit": "JKM claims / JKM premiums of BPU members, 2023, national", "basis": "data",
    "source": "Minister of Manpower, 2024: 55.6 % in 2019, 198.1 % in 2023 (DOMAIN.md s.5)",
}
PU_WAGE_SOURCE = ("the segment's wage and the top of its range (the scenario); the PU premium is the JKK rate of the "
                  "risk class plus the JKM rate, both on the wage (DOMAIN.md s.3); whether a premium was re-based on "
                  "later minimum wages is not known (DOMAIN.md s.8)")
BPU_JKM_SOURCE = ("a rise of the BPU JKM premium was proposed in 2024, after the 2023 claim ratio; not enacted as far "
                  "as known, and no proposed rate is known (DOMAIN.md s.5)")


def premium_risks(scenario: Scenario, rows: list[dict]) -> dict:
    """Two ways the premium of the funding rows (:func:`sim.coverage.funding`) may be too low, for the budget section.

    ``pu_wage``: the PU segments with members whose wage range reaches above the wage their premium is computed on,
    each with its premium at the top of the range (the same rule, :func:`sim.regulation.monthly_premium`, at the
    same date as the funding rows) and a full year's difference for its members at the start; the total over them.
    None when there is no such segment. Both wages are the first calendar year's (the range is stated, as the wage,
    for that year): a wage growth (``assumptions.wage_growth``) would raise the two alike, so the check is of the first
    year and its difference the first year's (a later year's is (1 + growth)^k times it, but for rounding).
    ``bpu_jkm_rise``: the proposed rise of the BPU JKM premium, whose rate is not known, when a BPU segment is paid
    from city money (APBD, DBH-CHT) and has members (at the start, or in a projection at any time): how many such
    segments, the JKM part of the premium in force, their monthly premium when they all pay the same one, and the
    claim ratio given as the reason. None otherwise.
    """
    date = scenario.rules_date or scenario.start
    regulation = load_regulation()
    rules = regulation.at(date)
    premium_of = {r["segment"]: r["monthly_premium_idr"] for r in rows}
    pu = []
    for s in scenario.segments:
        wage = scenario.resolved["segments"][s.name].get("wage")
        upper = (wage.get("range") or [None, None])[1] if isinstance(wage, dict) else None
        if s.scheme != "PU" or s.members <= 0 or upper is None or upper <= s.wage:
            continue
        now = premium_of[s.name]
        high = monthly_premium(rules, s.scheme, upper, s.risk_class or 1, s.payer, s.occupation)
        if high <= now:
            continue
        pu.append({"segment": s.name, "payer": s.payer, "members": s.members, "wage_idr": s.wage,
                   "wage_upper_idr": upper, "monthly_premium_idr": now, "monthly_premium_upper_idr": high,
                   "annual_difference_idr": round(s.members * (high - now) * 12, 2)})
    bpu = [s for s in scenario.segments if s.scheme == "BPU" and s.payer in CITY_BUCKETS
           and (s.members > 0 or scenario.planning is not None)]
    premiums = {premium_of[s.name] for s in bpu}
    return {
        "pu_wage": {
            "segments": pu,
            "members": sum(p["members"] for p in pu),
            "annual_difference_idr": round(sum(p["annual_difference_idr"] for p in pu), 2),
            "source": PU_WAGE_SOURCE,
        } if pu else None,
        "bpu_jkm_rise": {
            "segments": len(bpu),
            "monthly_premium_idr": premiums.pop() if len(premiums) == 1 else None,
            "jkm_premium_idr": rules["premium.bpu_jkm_flat"],
            "jkm_premium_source": regulation.rules["premium.bpu_jkm_flat"].at(date).source,
            "claim_ratio": BPU_JKM_CLAIM_RATIO,
            "proposed_rate": None,
            "source": BPU_JKM_SOURCE,
        } if bpu else None,
    }


def scenario_citing_texts(scenario: Scenario) -> list:
    """Every text of the scenario that may cite a source: its resolved document (sources, notes, descriptions, the
    calibration record) and the sources of the named age profiles its segments use."""
    profiles = age_profiles()
    used = [profiles[s["age_profile"]] for s in scenario.resolved["segments"].values()
            if isinstance(s, dict) and s.get("age_profile") in profiles]
    return strings(scenario.resolved) + strings(used)


def calibration_figures(scenario: Scenario, window_trials: int | None = None) -> dict | None:
    """A calibrated scenario's [calibration] record for report.json: what it was fitted to, the posterior, the
    goodness of fit, and per observation the recorded and the expected figures with their averages per claim;
    None for a scenario that was not calibrated.

    Per observation also, where the experience file the record names gives them (:func:`record_experience`), the
    premium the recorded claim ratio was reported on (``premium_idr``, the months it covers ``premium_from``,
    ``premium_to``, ``premium_months``) and that ratio (``claim_ratio``: as reported, or the recorded amount over
    that premium where the file gives no ratio); the file's Indonesian source (``source_id``, null without it: the
    Indonesian report cites it, :func:`recorded_source`); and with ``window_trials``, the scenario's own forecast of the
    observed months on the calibration's definition (``model_window``: :func:`sim.calibration.window_forecast`, null
    when the forecast does not hold those months) with the recorded amount over that forecast's premium of the same
    months (``claim_ratio_window_premium``)."""
    cal = scenario.calibration
    if cal is None:
        return None
    experience = record_experience(cal)
    model_start = min(o["from"] for o in cal["observations"])  # "YYYY-MM" strings sort as the months do
    longest = max((t[0] for s in scenario.segments for t in s.tenure if t[1] > 0), default=0)
    rows = [_observation_figures(scenario, o, experience, window_trials) for o in cal["observations"]]
    # (_months counts both ends: one more than the months from the model's start to this scenario's)
    longest = max(longest - (_months(model_start, f"{scenario.start:%Y-%m}") - 1), 0)
    last = max(o["to"] for o in cal["observations"])
    return {
        "experience": cal["experience"], "experience_id": cal["experience_id"], "scenario": cal["scenario"],
        "source": cal["source"], "source_id": experience.source_id if experience is not None else None,
        "mortality_scale": dict(cal["mortality_scale"]), "accident_scale": dict(cal["accident_scale"]),
        "goodness_of_fit": dict(cal["goodness_of_fit"]),
        "observations": rows,
        # The start of the model the record was fitted with (the fit restates the scenario over the observed
        # months: it starts at the first of them) and the longest any member had then been enrolled: above 0,
        # members may have died before that start with scholarships still paid in the recorded months
        # (calibration_blocks says so). A scenario that copies the fitted rates (madiun-2026-ucj) starts a year
        # later, its members a year longer enrolled; its own start is kept for the model-window text.
        "model_start": model_start,
        "scenario_start": f"{scenario.start:%Y-%m}",
        "longest_membership_at_start_months": longest,
        "scholarship_min_membership_months": load_regulation().at(scenario.start)["jkm.scholarship_min_membership"],
        # Their expected size (null where no member was enrolled before that start, or no scenario starts there)
        "earlier_scholarships": _earlier_scholarships(scenario, model_start, last, _recorded_total(
            cal["observations"])) if longest > 0 else None,
    }


def _recorded_total(observations: list) -> float | None:
    """The recorded amount the scholarships of earlier claims are set against: the observations' amounts where each
    gives one of all benefits in all segments, as those scholarships are (JKM and JKK, every segment); else None.
    A JKM-only or one-segment amount, or an observation without one, would leave out part of what they are a share
    of and overstate it."""
    if any(o.get("amount") is None or o.get("benefits", "all") != "all" or o.get("segment", "all") != "all"
           for o in observations):
        return None
    return sum(o["amount"] for o in observations)


def _earlier_scholarships(scenario: Scenario, first: str, last: str, recorded: float | None) -> dict | None:
    """:func:`sim.calibration.earlier_scholarships` of the observed months ``first``..``last`` ("YYYY-MM"), beside
    the ``recorded`` amounts of the observations (None: no share of them is given): on the
    calibrated scenario that starts with them, this one or the one it is based on (madiun-2026-ucj starts a year
    later, its members a year longer enrolled: madiun-2025's members are those the fit started with), restated to
    end with them. None when no such scenario is found."""
    fitted = scenario
    try:
        while fitted is not None and f"{fitted.start:%Y-%m}" != first:
            fitted = base_of(fitted)
    except ScenarioError:  # a base that cannot be read as a whole scenario: no figure, rather than no report
        return None
    if fitted is None:
        return None
    data = fitted.resolved | {"scenario": {**fitted.resolved["scenario"], "horizon_months": _months(first, last)}}
    found = earlier_scholarships(build_model(scenario_from_data(data, f"{fitted.path} through {last}")))
    # Beside the recorded amounts; and, explained by deaths alone, the share by which they raise the death
    # multiplier (the model's JKM benefits are proportional to it; the prior and the accident multiplier take
    # some of it, so at most that).
    found["share_of_recorded"] = found["amount_idr"] / recorded if recorded else None
    found["death_multiplier_lean"] = found["amount_idr"] / found["model_jkm_idr"] if found["model_jkm_idr"] else None
    return {key: None if value is None else round(float(value), 6) for key, value in found.items()}


def _observation_figures(scenario: Scenario, o: dict, experience, window_trials: int | None) -> dict:
    """One observation of the [calibration] record as report.json holds it (:func:`calibration_figures`): what was
    recorded and what the calibrated model expects, their averages per claim and gap, the premium and claim ratio
    the experience file reported beside them, and with ``window_trials`` the scenario's own forecast of the months."""
    row = {"from": o["from"], "to": o["to"], "benefits": o["benefits"], "segment": o["segment"],
           "count_includes_scholarships": o["count_includes_scholarships"], "months": _months(o["from"], o["to"]),
           "fitted": list(record_observation(o).fitted)}
    for key, name in (("claims", "claims"), ("amount", "amount_idr"), ("expected_claims", "expected_claims"),
                      ("expected_amount", "expected_amount_idr")):
        if key in o:
            row[name] = o[key]
    for prefix in ("", "expected_"):
        count, amount = row.get(f"{prefix}claims"), row.get(f"{prefix}amount_idr")
        if count and amount is not None:
            row[f"{prefix}amount_per_claim_idr"] = round(amount / count, 2)
    for name in ("claims", "amount_idr"):  # how far the calibrated model is from the record, as a share of it
        if row.get(name) and f"expected_{name}" in row:
            row[f"expected_over_recorded_{name}"] = round(row[f"expected_{name}"] / row[name] - 1, 4)
    obs = record_observation(o)
    reported = next((e for e in (experience.observations if experience else ()) if same_window(e, obs)), None)
    if reported is not None and reported.premium is not None:
        first, last = f"{reported.premium_start:%Y-%m}", f"{reported.premium_end:%Y-%m}"
        row.update({"premium_idr": reported.premium, "premium_from": first, "premium_to": last,
                    "premium_months": _months(first, last)})
        if not reported.premium_months_stated:
            row["premium_months_assumed"] = True
        if reported.claim_ratio is not None:
            row["claim_ratio"] = reported.claim_ratio
        elif row.get("amount_idr") is not None and reported.premium > 0:
            row["claim_ratio"] = round(row["amount_idr"] / reported.premium, 4)
    if window_trials is not None:
        window = window_forecast(scenario, obs, window_trials)
        row["model_window"] = window
        if window is not None and row.get("amount_idr") is not None and window["premium_idr"] > 0:
            row["claim_ratio_window_premium"] = round(row["amount_idr"] / window["premium_idr"], 6)
    return row


def recorded_source(lang: Language, cal: dict) -> str:
    """Where the recorded figures come from, in the report's language: the experience file's ``source_id`` in the
    Indonesian report where the file gives one, else its ``source`` (English: "reported at the 29 Dec 2025
    agreement signing" stood in the Indonesian summary)."""
    return (cal.get("source_id") if lang.code == "id" else None) or cal["source"]


def _months(first: str, last: str) -> int:
    """Months from ``2025-01`` to ``2025-11``, both included: 11."""
    a, b = dt.date.fromisoformat(first + "-01"), dt.date.fromisoformat(last + "-01")
    return (b.year - a.year) * 12 + b.month - a.month + 1


def csv_tables(summary: dict, extra: dict) -> dict:
    """The report's tables as DataFrames, written as CSV beside the report."""
    periods = []
    for p in summary["periods"]:
        row = {"period": p["period"], "months": p["months"], "members": p["members"], "premium_idr": p["premium_idr"],
               "claims_expected_idr": p["claims_expected_idr"], "claim_count_mean": p["claim_count"]["mean"],
               "claim_count_expected": p["claim_count"]["expected"],
               "prob_claim_ratio_above_1": p["prob_claim_ratio_above_1"]}
        row.update({f"claims_{k}_idr": v for k, v in p["claims_idr"].items()})
        row.update({f"claim_ratio_{k}": v for k, v in (p["claim_ratio"] or {}).items()})
        periods.append(row)
    exact = summary.get("exact_first_period") or {}
    checks = [{"quantile": q, **{k: v for k, v in c.items() if k != "band"}, "band_low": c["band"][0],
               "band_high": c["band"][1]} for q, c in exact.get("versus_simulation", {}).get("quantiles", {}).items()]
    register = [{**r, "value": json.dumps(r["value"]) if isinstance(r["value"], list) else r["value"],
                 "range": json.dumps(r["range"]) if r["range"] is not None else ""} for r in extra["assumptions"]]
    return {
        "periods": pd.DataFrame(periods),
        "fan": pd.DataFrame(extra["fan"]),
        "validation": pd.DataFrame(summary["breakdown"]),
        "exact_check": pd.DataFrame(checks),
        "sensitivity": pd.DataFrame(extra["sensitivity"]["rows"] + extra["sensitivity"].get("no_effect", [])),
        "coverage": pd.DataFrame(extra["coverage"]),
        "funding": pd.DataFrame(extra["funding"]),
        "assumptions": pd.DataFrame(register),
        "rules": pd.DataFrame([{**r, "value": json.dumps(r["value"])} for r in extra["rules"]["rows"]]),
        "rule_changes": pd.DataFrame(extra["rules"]["changes"],
                                     columns=["month", "rule", "from", "to", "unit", "source", "source_id"]),
        "differences": pd.DataFrame(scenario_differences(extra), columns=["key", "base", "this"]),
    }


# --- sections ---------------------------------------------------------------------------------------------------


def _period_name(lang: Language, summary: dict, p: dict) -> str:
    if p["period"] != "total":
        return p["period"]
    years = [q["period"] for q in summary["periods"][:-1]]
    return lang("total_period", first=years[0], last=years[-1]) if len(years) > 1 else lang("total_word")


YEARS, YEAR_PAIRS = year_field_names()


def _short_value(value, limit: int = 120, lang: Language | None = None, key: str = "") -> str:
    """A parameter value for a table cell (numbers in ``lang``'s style when given): a long list shows its first
    entries and how many there are; a text per language its text in ``lang``; an enumerated text (``key``'s
    field, such as ``pipeline.mode``) in ``lang``'s words; the years of a year field (``key``) as years."""
    name = key.rsplit(".", 1)[-1]
    if name in YEARS and isinstance(value, int):
        return str(value)
    shares = share_list_text(lang, key, value, limit) if lang else None
    if shares is not None:
        return shares
    if name in YEAR_PAIRS and isinstance(value, list) and lang:
        value = [[_Year(y), amount] for y, amount in value]
    if lang and isinstance(value, dict) and lang.code in value:
        return value[lang.code]
    if lang and isinstance(value, str):
        return lang.choice(name, value)
    if isinstance(value, list):
        text = lang.value(value) if lang else json.dumps(value, ensure_ascii=False)
        if len(text) <= limit:
            return text
        separator = ";" if lang and lang.code == "id" else ","
        return f"{text[:limit].rsplit(separator, 1)[0]}{separator} … ({len(value)})"
    return lang.value(value) if lang else str(value)


# Lists of shares a scenario states (sim/scenario_schema.py, sim/planning_schema.py): a tenure read "[[6; 0,26];
# [30; 0,74]]" beside a rejection rate's "2%". Each share is a percentage with the file's digits, as a single share
# is (percent_kind), and each entry says what it is a share of: "6 bulan: 26%, 30 bulan: 74%".
MONTH_SHARES = ("tenure", "reporting_delay")  # [months, share]: months of membership, months after the event
DEGREE_SHARES = ("partial_degrees",)  # [degree as a share of the table, share of partial-disability cases]
SHARE_LISTS = ("reach_shares", "count_shares")  # shares alone, in the order the parameter's name gives
CHILD_BANDS = "by_member_age"  # rows [member's age from, P(0), P(1), P(2+), child ages]: the shares in the middle


def share_list_text(lang: Language, key: str, value, limit: int = 120) -> str | None:
    """A list of shares (``key``'s field: :data:`MONTH_SHARES`, :data:`DEGREE_SHARES`, :data:`SHARE_LISTS`, a
    segment's ``age_bands``, the children table) as a reader reads it, each share a percentage with the file's
    digits: ``6 bulan: 26%, 30 bulan: 74%``, ``5%: 35%, 10%: 30%``, ``100%, 90%, 80%, 30%``; the children table
    keeps its rows' form, its shares in percent. Entries beyond ``limit`` characters are cut after a whole one and
    counted. None for any other value (amounts, multipliers, rates per 1000), which keeps its form."""
    field = key.rsplit(".", 1)[-1]
    if not isinstance(value, list) or not value:
        return None
    percent = functools.partial(lang.figure, "percent_given")
    if field == CHILD_BANDS:  # the list form the unit column describes, "[15; 82%; 13%; 5%; 0; 5]"
        return _short_value([[row[0], *(_Shown(percent(x)) for x in row[1:4]), *row[4:]] for row in value], limit,
                            lang)
    if field in MONTH_SHARES:
        entries = [f"{lang('share_list_months', months=months)}: {percent(share)}" for months, share in value]
    elif field in DEGREE_SHARES:
        entries = [f"{percent(degree)}: {percent(share)}" for degree, share in value]
    elif field in SHARE_LISTS:
        entries = [percent(share) for share in value]
    elif field == "age_bands":
        entries = [f"{lo}–{hi}: {percent(share)}" for lo, hi, share in value]
    else:
        return None
    # ", " in both languages, as the age profiles' bands: each entry ends with "%", so "0,5%, 30%" reads apart.
    text = ", ".join(entries)
    for n in range(len(entries) - 1, 0, -1):
        if len(text) <= limit:
            break
        text = f"{', '.join(entries[:n])}, … ({len(entries)})"
    return text


class _Shown(str):
    """A number already shown (a share as ``82%``) inside a list value: :meth:`Language.value` shows text as given."""


NAMED_DEFAULT_USERS = 3  # a default applying to more segments than this is named by their number, not their labels


def entry_names(scenario: Scenario | None, lang: Language) -> dict:
    """What the report calls each named entry a parameter key may name (:meth:`Language.parameter`): segments by
    their labels, CSR pledges (``funding.csr.NAME``) by theirs, pipeline stages (``pipeline.STAGE``) by the
    office's name."""
    names = segment_labels(scenario, lang)
    names.update({f"funding.csr.{k}": v for k, v in report_planning.pledge_names(lang, scenario).items()})
    names.update({f"pipeline.{k}": v for k, v in stage_names(scenario, lang).items()})
    if scenario is not None:  # the default mortality load is that of the segments without their own
        default = [names[n] for n, seg in scenario.resolved["segments"].items() if "mortality_load" not in seg]
        if not default:
            names["assumptions.mortality_load"] = lang("no_segment_uses")
        elif len(default) == len(scenario.segments):
            names["assumptions.mortality_load"] = lang("all_segments")
        elif default:
            names["assumptions.mortality_load"] = (", ".join(default) if len(default) <= NAMED_DEFAULT_USERS else
                                                   lang("segments_without_own", n=lang.count(len(default))))
        if not any(s.scheme == "PU" for s in scenario.segments):  # the wage growth moves PU wages only
            names["assumptions.wage_growth"] = lang("no_pu_segment")
    return names


def stage_names(scenario: Scenario | None, lang: Language) -> dict:
    """Pipeline stage key -> the office's name in ``lang``: the stage's ``label`` in the scenario, else a generic
    name (:data:`sim.report_text.STAGE_NAMES`: ``disnaker`` -> ``Dinas ketenagakerjaan``), never one city's office."""
    names = {k: v[lang.code] for k, v in STAGE_NAMES.items()}
    pipeline = getattr(getattr(scenario, "planning", None), "pipeline", None)
    for stage in pipeline.stages if pipeline is not None else ():
        if stage.labels:
            names[stage.name] = stage.labels[lang.code]
    return names


# Parameters of the [budget] table that a projection does not use (:func:`unused_in_projection`), as the register
# marks them: the projection takes the budget and the targets from its own tables.
# The table's name alone ("[funding]") is an English word to an Indonesian reader: said in words, then named.
UNUSED_IN_PROJECTION = {
    "budget.annual_budget": {"id": "tidak dipakai dalam proyeksi ini: anggaran APBD diambil dari bagian pendanaan "
                                   "skenario [funding]",
                             "en": "not used in this projection: the APBD budget is taken from [funding]"},
    "budget.target_members": {"id": "tidak dipakai dalam proyeksi ini: target peserta per tahun diambil dari bagian "
                                    "kuota skenario [expansion]",
                              "en": "not used in this projection: the year-end targets are taken from [expansion]"},
}


class _Year(str):
    """A calendar year inside a list value: :meth:`Language.value` shows text as given, so no thousands mark."""


def segment_labels(scenario: Scenario | None, lang: Language) -> dict:
    """Segment key -> the label the scenario gives it in the report's language (``non_asn`` -> ``Tenaga non-ASN
    Pemerintah Kota Madiun (PU)``); a scenario that gives one label uses it in every language."""
    return {s.name: s.labels[lang.code] for s in scenario.segments} if scenario is not None else {}


# The summary opens with what the scenario assumes, in the report's language (a scenario's plain text in both).
DESCRIPTION_TEXT = {
    "lead": {"id": "Asumsi skenario: {text}", "en": "What the scenario assumes: {text}"},
    "overridden": {"id": " (Sesuai uraian dalam berkas skenario; nilai yang diubah dengan --set tercantum di bagian "
                         "\"{section}\".)",
                   "en": " (As the scenario file describes it; the values changed with --set are listed under "
                         "\"{section}\".)"},
    "inherited": {"id": " (Uraian ini berasal dari skenario dasar {base}, padahal skenario ini mengubah jumlah "
                        "peserta; nilai yang berbeda tercantum di bagian \"{section}\".)",
                  "en": " (This text is the base scenario {base}'s, although this scenario changes the members; the "
                        "values that differ are listed under \"{section}\".)"},
}

UNDESCRIBED_KEYS = ("scenario.trials", "scenario.seed", "scenario.id")  # --set keys a description cannot contradict


def description_blocks(lang: Language, scenario: Scenario, extra: dict) -> list:
    """The scenario's description as the summary's first paragraph (style ``description``: quoted scenario text,
    whose amounts are the scenario author's, not figures of the run); its line breaks read as spaces. A run with
    --set overrides of what the text may describe (not the trials, the seed or the texts themselves) says that the
    text is the file's and where the changed values are listed."""
    if not scenario.descriptions:
        return []
    text = " ".join(scenario.descriptions[lang.code].split())
    out = DESCRIPTION_TEXT["lead"][lang.code].format(text=text)
    changed = [o.partition("=")[0] for o in extra.get("overrides") or []]
    if any(k not in UNDESCRIBED_KEYS and not k.startswith(("scenario.title", "scenario.description")) for k in changed):
        out += DESCRIPTION_TEXT["overridden"][lang.code].format(section=lang("sec_differences"))
    base = _inherited_description(scenario)
    if base:
        out += DESCRIPTION_TEXT["inherited"][lang.code].format(base=base, section=lang("sec_differences"))
    return [Para(out, style="description")]


def _inherited_description(scenario: Scenario) -> str | None:
    """The base whose description a scenario shows as its own although it changes the members (a segment's count,
    or a segment the base does not have): a variant of jambi-2025 with 12,000 members opened "3,000 vulnerable
    workers ..." under a headline of 12,000. None when the scenario has its own description or keeps the members."""
    differences = {k for k, _, _ in scenario.base_differences}
    if "scenario.description" in differences or not scenario.descriptions:
        return None
    added = any(a is None and k.startswith("segments.") for k, a, _ in scenario.base_differences)
    if not added and not any(k.startswith("segments.") and k.endswith(".members") for k in differences):
        return None
    return scenario.resolved["scenario"].get("base")


def summary_section(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> Section:
    first, total = summary["periods"][0], summary["periods"][-1]
    year = year_name(lang, summary, first)  # "2025 (Jan)" for a 1-month horizon: a month's claims, not a year's
    blocks = description_blocks(lang, scenario, extra)
    blocks += [Tiles([
        (lang("tile_budget"), _s(summary, "budget.annual_premium_start_members_idr", "money")),
        (lang("tile_members"), _s(summary, "budget.start_members", "count")),
        (lang("tile_claims", period=year), _s(summary, "periods.0.claims_idr.mean", "money")),
        (lang("tile_ratio", period=year), _s(summary, "periods.0.claim_ratio.mean", "percent")),
        (lang("tile_prob", period=year), _s(summary, "periods.0.prob_claim_ratio_above_1", "chance")),
    ])] if first["claim_ratio"] is not None else []
    # Below the description that says the scenario is calibrated, and the headline figures: the recorded claims
    # beside the model's for the same months, briefly.
    blocks += recorded_paras(lang, extra, brief=True)
    blocks += _budget_paras(lang, scenario, summary, extra)
    blocks += _claims_paras(lang, scenario, summary, extra)
    # Who pays the claims, right after the ratio: a planner reads a ratio above 100 % as the city's risk.
    blocks.append(Para(lang("exec_who_pays")))
    if len(summary["periods"]) > 2 and total["claim_ratio"] is not None:
        last = len(summary["periods"]) - 1
        span = f"{summary['periods'][0]['period']}–{summary['periods'][-2]['period']}"
        # A run-off's horizon: its later years hold the starting members only, as the results table marks them.
        runoff = report_trend.runoff_years(summary, extra)
        horizon = (lang("exec_horizon_runoff", months=summary["horizon_months"], period=span,
                        start=lang.month(scenario.start)) if runoff
                   else lang("exec_horizon", months=summary["horizon_months"], period=span))
        blocks.append(Para(horizon, {
            "claims": _s(summary, f"periods.{last}.claims_idr.mean", "money"),
            "premium": _s(summary, f"periods.{last}.premium_idr", "money"),
            "ratio": _s(summary, f"periods.{last}.claim_ratio.mean", "percent"),
        }))
    blocks += report_trend.trend_blocks(lang, scenario, summary, extra)
    if extra.get("calibration"):
        blocks += calibration_blocks(lang, scenario, extra, summary)
    blocks.append(Para(_checks_sentence(lang, summary), style="note"))
    blocks.append(Para(lang("exec_trials", trials=lang.count(summary["trials"]), seed=summary["seed"]), style="note"))
    if extra.get("planning"):  # members projected: the budget lines follow them, year by year
        blocks = report_planning.summary_blocks(lang, scenario, summary, extra, blocks)
    return Section("summary", lang("sec_summary"), blocks, traced=True)


def _budget_paras(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> list:
    """The summary's budget: a full year's premium and who pays it (the APBD's share where others pay for some
    members), the stated APBD budget against that share, and the target's premium."""
    budget = summary["budget"]
    blocks = []
    # A rate that changes within the 12 months (PP 50/2025's discount ending) is priced month by month: say so.
    changing = any(r.get("rate_changes_in_year") for r in extra.get("funding") or ())
    figures = {
        "members": _s(summary, "budget.start_members", "count"),
        "premium": _s(summary, "budget.annual_premium_start_members_idr", "money"),
        "per_member": _r(extra, "budget_year.premium_per_member_idr", "money"),
    }
    text = lang("exec_budget_changing" if changing else "exec_budget",
                date=lang.date(scenario.rules_date or scenario.start))
    others = other_payers(summary["budget"])
    if others:  # the APBD budgets its own members' share only: say it, and who pays the rest
        listed = []
        for i, p in others:
            listed.append(lang("exec_budget_other_payer", payer=lang.choice("payer", p["payer"]),
                               premium=f"{{other_premium_{i}}}", members=f"{{other_members_{i}}}"))
            figures[f"other_premium_{i}"] = _s(summary, f"budget.payers.{i}.annual_premium_idr", "money")
            figures[f"other_members_{i}"] = _s(summary, f"budget.payers.{i}.members", "count")
        listed = lang.join(listed, separator="; ")  # an amount's decimal comma is not a list's
        no_apbd = not budget["apbd_premium_start_members_idr"]
        text += " " + lang("exec_budget_no_apbd" if no_apbd else "exec_budget_apbd_share", others=listed)
        figures["apbd"] = _s(summary, "budget.apbd_premium_start_members_idr", "money")
    else:
        text += " " + lang("exec_budget_all_apbd")
    blocks.append(Para(text, figures, "lead"))
    if "annual_budget_idr" in budget and not budget["apbd_premium_start_members_idr"]:
        blocks.append(Para(lang("exec_budget_unused"), {"budget": _s(summary, "budget.annual_budget_idr", "money")}))
    elif "annual_budget_idr" in budget:
        left = budget["budget_minus_apbd_premium_idr"]
        key = ("exec_budget_left" if left >= 0 else "exec_budget_short") + ("_others" if others else "")
        blocks.append(Para(lang(key), {
            "budget": _s(summary, "budget.annual_budget_idr", "money"),
            "left": _s(summary, "budget.budget_minus_apbd_premium_idr|abs", "money"),
            "affordable": _r(extra, "budget_year.members_affordable", "count"),
        }))
    if "target_members" in budget:
        apbd_share = others and budget["apbd_premium_start_members_idr"]
        blocks.append(Para(lang("exec_target_others" if apbd_share else "exec_target"), {
            "target": _s(summary, "budget.target_members", "count"),
            "premium": _s(summary, "budget.annual_premium_target_idr", "money"),
            "apbd": _s(summary, "budget.apbd_premium_target_idr", "money"),
        }))
    return blocks


def _claims_paras(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> list:
    """The summary's first-year claims, their ratio to the premium with its interval and chance above 100 %, and
    where that interval holds the assumptions fixed, what the most influential one does."""
    first = summary["periods"][0]
    blocks = []
    text = lang("exec_claims", period=first["period"], months=first["months"])
    figures = {
        "mean": _s(summary, "periods.0.claims_idr.mean", "money"),
        "p5": _s(summary, "periods.0.claims_idr.p5", "money"),
        "p95": _s(summary, "periods.0.claims_idr.p95", "money"),
        "count": _s(summary, "periods.0.claim_count.mean", "count"),
    }
    later = extra.get("first_year_scholarships")
    if later and later["due_later_idr"] > 0:  # the year's claims leave its cases' later instalments out: say how much
        key = "first_year_scholarships"
        horizon = ""
        if later["due_later_in_horizon_idr"] > 0:
            horizon = lang("exec_claims_later_horizon", end=lang.iso_date(later["horizon_end"]))
            figures["in_horizon"] = _r(extra, f"{key}.due_later_in_horizon_idr", "money")
        text += " " + lang("exec_claims_later", period=first["period"], horizon=horizon)
        ratio = later["event_year_claim_ratio"] is not None and first["claim_ratio"] is not None
        text += " " + lang("exec_claims_event_year" if ratio else "exec_claims_event_year_no_ratio",
                           period=first["period"])
        figures |= {"later": _r(extra, f"{key}.due_later_idr", "money"),
                    "event_year": _r(extra, f"{key}.event_year_claims_idr", "money"),
                    "event_ratio": _r(extra, f"{key}.event_year_claim_ratio", "percent"),
                    "ratio": _s(summary, "periods.0.claim_ratio.mean", "percent")}
    blocks.append(Para(text, figures))
    if first["claim_ratio"] is not None:
        prob = first["prob_claim_ratio_above_1"]
        high, low = rule_of_three(lang, summary["trials"])
        certain = {1.0: " " + lang("prob_all", bound=high), 0.0: " " + lang("prob_none", bound=low)}.get(prob, "")
        if certain and rule_of_three_bound(summary["trials"]) >= 1.0:  # "can only bound it above 0%"
            certain = " " + lang("prob_count")
        part = first["months"] < 12  # its premium is of fewer months than the full-year budget above
        text = lang("exec_ratio_part", period=first["period"], months=first["months"]) if part else \
            lang("exec_ratio", period=first["period"])
        blocks.append(Para(text + certain, {
            "premium": _s(summary, "periods.0.premium_idr", "money"),
            "ratio": _s(summary, "periods.0.claim_ratio.mean", "percent"),
            "r5": _s(summary, "periods.0.claim_ratio.p5", "percent"),
            "r95": _s(summary, "periods.0.claim_ratio.p95", "percent"),
            "prob": _s(summary, "periods.0.prob_claim_ratio_above_1", "chance"),
            "trials": _s(summary, "trials", "count"),
        }))
        blocks += _ratio_assumptions(lang, scenario, extra, first["period"])
    return blocks


def rule_of_three(lang: Language, trials: int) -> tuple:
    """The 95 % bounds the rule of three gives when all or none of ``trials`` show an event, as percentages a
    reader can read (10,000 trials: ``99,97%`` and ``0,03%``), to the digits the trials resolve. A bound on a
    probability stays within 0-100 %: 3 trials or fewer bound nothing (``0%``, ``100%``; 1 trial gave "above -200%
    or below 300%"), and the report then shows the count (``Language.chance``: ``2 dari 2``) and ``prob_count``."""
    decimals = max(0, math.ceil(math.log10(trials)) - 2)
    bound = rule_of_three_bound(trials)
    return lang.percent(1 - bound, decimals), lang.percent(bound, decimals)


def _ratio_assumptions(lang: Language, scenario: Scenario, extra: dict, period: str) -> list:
    """Beside the headline interval and probability, where they cover random events only (no calibration drawn per
    trial): what the most influential assumption's range does to the same year's claim ratio (the bar that moves
    the claim ratio most, by direct calculation; jambi-2025: 47.1 % above the premium by chance alone, 71 % to
    302 % across the mortality load's range). A calibrated scenario's widest held bar would mislead (its refit
    moves far less), and its interval already draws the fitted multipliers."""
    sens = extra.get("sensitivity") or {}
    rows = sens.get("rows") or []
    if scenario.intensity_draws or extra.get("calibration") or not rows or sens.get("period") != period:
        return []
    # The widest bar by the claim ratio (the tornado ranks by claims: a member count would move claims, not ratio).
    ranked = [(abs(r["claim_ratio_high"] - r["claim_ratio_low"]), i) for i, r in enumerate(rows)
              if r["claim_ratio_low"] is not None and r["claim_ratio_high"] is not None]
    if not ranked:
        return []
    i = max(ranked, key=lambda t: (t[0], -t[1]))[1]  # on a tie, the tornado's order
    top = rows[i]
    ends = sorted(("low", "high"), key=lambda end: top[f"claim_ratio_{end}"])
    return [Para(lang("exec_ratio_assumptions", period=period,
                      name=lang.parameter(top["parameter"], entry_names(scenario, lang))), {
        "low": _r(extra, f"sensitivity.rows.{i}.claim_ratio_{ends[0]}", "percent"),
        "high": _r(extra, f"sensitivity.rows.{i}.claim_ratio_{ends[1]}", "percent"),
    })]


def _checks_sentence(lang: Language, summary: dict) -> str:
    """Whether the simulation agrees with the closed form and the exact distribution; results too few trials leave
    unchecked are said to be unchecked, not to agree."""
    exact = summary.get("exact_first_period") or {}
    flags = [r["flag"] for r in distinct_means(summary["breakdown"])]
    flags += [c["flag"] for c in exact.get("versus_simulation", {}).get("quantiles", {}).values()]
    if "check" in flags:
        return lang("exec_checks_flagged", n=flags.count("check"))
    if "too_few" in flags:
        return lang("exec_checks_too_few", n=flags.count("too_few"))
    return lang("exec_checks_ok")


def _window(lang: Language, first: str, last: str) -> str:
    """Months ``2025-01`` to ``2025-11`` in words: ``Januari–November 2025`` (``Desember 2024–Maret 2025`` across a
    year; one month alone as ``Maret 2025``)."""
    if first == last:
        return lang.iso_date(first)
    start = lang.iso_date(first)
    if first[:4] == last[:4]:
        start = start.rsplit(" ", 1)[0]
    return f"{start}–{lang.iso_date(last)}"


# A fitted multiplier (posterior mean and 90 % interval) to 3 decimals wherever the report shows it, as the register's
# sources do ("5 x posterior mean accident scale 1.177", written by sim.calibration.posterior_tables) and `sim run`
# prints it: the register's value (3 significant figures) is then the product a reader can redo (5 x 1.177 = 5.885,
# shown 5.88; 5 x 1.18 would give 5.90). 1.18 in the summary beside 1.177 in the register read as two numbers.
MULTIPLIER = "number3"


def calibration_blocks(lang: Language, scenario: Scenario, extra: dict, summary: dict | None = None) -> list:
    """For a calibrated scenario: what it was calibrated to, the posterior multipliers, the recorded figures beside
    what the calibrated model expects for the same months (or, when the scenario does not record those, the
    posterior), what the table's claims count (against the summary's cases, with ``summary``), the recorded claim
    ratio beside the model's for the same months, and a warning when no multipliers reproduce the recorded count
    and amount together."""
    cal = extra["calibration"]
    observations = cal["observations"]
    key = "calibration"
    periods = ", ".join(_window(lang, o["from"], o["to"]) for o in observations)
    m, a = f"{key}.mortality_scale", f"{key}.accident_scale"
    blocks = [Para(lang("calib_lead", periods=periods, base=cal["scenario"]), {
        "m": _r(extra, f"{m}.mean", MULTIPLIER), "m5": _r(extra, f"{m}.p5", MULTIPLIER),
        "m95": _r(extra, f"{m}.p95", MULTIPLIER),
        "a": _r(extra, f"{a}.mean", MULTIPLIER), "a5": _r(extra, f"{a}.p5", MULTIPLIER),
        "a95": _r(extra, f"{a}.p95", MULTIPLIER),
    })]
    expected = any("expected_claims" in o or "expected_amount_idr" in o for o in observations)
    blocks += _calibration_table(lang, scenario, extra, expected)
    blocks += [_counts_para(lang, extra, i, summary) for i, o in enumerate(observations) if "claims" in o]
    blocks += [_unfitted_count_para(lang, extra, i) for i, o in enumerate(observations) if _count_para_shown(o)]
    blocks += recorded_paras(lang, extra)  # the summary's first paragraphs gave the record: only what they do not
    if cal.get("longest_membership_at_start_months", 0) > 0 and any(o["benefits"] in ("all", "jkm")
                                                                      for o in observations):
        blocks.append(_earlier_deaths_para(lang, extra))
    if not expected:
        blocks.append(Table("calibration_posterior", tuple(lang(k) for k in (
            "calib_col_multiplier", "calib_col_mean", "calib_col_p5", "calib_col_p95")),
            [(lang(f"calib_{which}"), *(_r(extra, f"{key}.{which}_scale.{stat}", MULTIPLIER)
                                        for stat in ("mean", "p5", "p95")))
             for which in ("mortality", "accident")]))
    return blocks + _joint_fit_paras(lang, observations) + _misfit_paras(lang, extra)


def _joint_fit_paras(lang: Language, observations: list) -> list:
    """Where an observation was fitted on its count and amount together: one sentence that the normal likelihood
    of the two is poor where they disagree (README, "A normal likelihood"); nothing where the amount or the count
    was fitted alone (madiun-2025)."""
    return [Para(lang("calib_joint_fit"), {}, "warning")] if any(len(o["fitted"]) == 2 for o in observations) else []


def _earlier_deaths_para(lang: Language, extra: dict) -> Para:
    """Scholarships of deaths and total disabilities before the calibration's start: in the record, not in the
    model; their expected size where :func:`_earlier_scholarships` worked it out, else the rules that bound it."""
    key, cal = "calibration", extra["calibration"]
    start = lang.iso_date(cal["model_start"])
    figures = {"months": _r(extra, f"{key}.longest_membership_at_start_months", "count"),
               "min": _r(extra, f"{key}.scholarship_min_membership_months", "count")}
    if cal.get("earlier_scholarships") is None:
        return Para(f"{lang('calib_earlier_deaths', start=start)} {lang('calib_earlier_deaths_unsized')} "
                    f"{lang('calib_earlier_deaths_lag')}", figures)
    size = f"{key}.earlier_scholarships"
    figures |= {"amount": _r(extra, f"{size}.amount_idr", "money"), "count": _r(extra, f"{size}.instalments", "count"),
                "jkm": _r(extra, f"{size}.jkm_amount_idr", "money"),
                "lean": _r(extra, f"{size}.death_multiplier_lean", "percent1")}
    share = ""
    if cal["earlier_scholarships"]["share_of_recorded"] is not None:
        share = lang("calib_earlier_deaths_share")
        figures["share"] = _r(extra, f"{size}.share_of_recorded", "percent1")
    return Para(f"{lang('calib_earlier_deaths', start=start)} {lang('calib_earlier_deaths_size')}{share}"
                f"{lang('calib_earlier_deaths_size_rest')} {lang('calib_earlier_deaths_lag')}", figures)


def _noted(label: str, note: str) -> str:
    """A measure with a note in parentheses: in the label's own parenthesis where it has one ("X (a; b)"), as
    "X (a) (b)" read as two labels pasted together."""
    if label.endswith(")") and note.startswith("("):
        return f"{label[:-1]}; {note[1:]}"
    return f"{label} {note}"


def _calibration_table(lang: Language, scenario: Scenario, extra: dict, expected: bool) -> list:
    """The table of the recorded figures of each observation (claims, amount, average claim) beside, where the
    record holds them (``expected``), what the calibrated model expects of the same months; with its lead-in."""
    cal = extra["calibration"]
    observations = cal["observations"]
    key = "calibration"
    labels = segment_labels(scenario, lang)
    rows = []
    for i, o in enumerate(observations):
        scope = [lang(f"calib_scope_{o['benefits']}")] if o["benefits"] != "all" else []
        if o["segment"] != "all":
            scope.append(labels.get(o["segment"], o["segment"]))
        scope.insert(0, lang("calib_months", months=o["months"]))
        period = f"{_window(lang, o['from'], o['to'])} ({', '.join(scope)})"
        claims = lang("calib_claims_scholarships" if o["count_includes_scholarships"] else "calib_claims")
        if "claims" in o and "claims" not in o["fitted"]:
            claims = _noted(claims, lang("calib_not_fitted"))
        amount = lang("calib_amount")
        if "amount" not in o["fitted"] and "amount_idr" in o:
            amount = _noted(amount, lang("calib_not_fitted"))
        for label, name, kind in ((claims, "claims", "count"), (amount, "amount_idr", "money"),
                                  (lang("calib_per_claim"), "amount_per_claim_idr", "money")):
            cells = [_r(extra, f"{key}.observations.{i}.{name}", kind) if name in o else "-"]
            if expected:
                cells.append(_r(extra, f"{key}.observations.{i}.expected_{name}", kind) if f"expected_{name}" in o
                             else "-")
            rows.append((period, label, *cells))
    header = [lang("col_period"), lang("calib_col_measure"), lang("calib_col_observed")]
    if expected:
        header.append(lang("calib_col_expected"))
    note = lang("calib_table_note", source=recorded_source(lang, cal), file=cal["experience"], base=cal["scenario"])
    return [Para(lang("calib_compare" if expected else "calib_compare_posterior")),
            Table("calibration", tuple(header), rows, [], note)]


def _misfit_paras(lang: Language, extra: dict) -> list:
    """Where no multipliers reproduce the recorded figures together (the goodness of fit fails): a warning saying
    so, one for each observation the model expects above (or below) both its recorded figures, and where the prior
    rather than the data sets a multiplier; nothing where the fit holds."""
    cal = extra["calibration"]
    observations = cal["observations"]
    key = "calibration"
    if cal["goodness_of_fit"]["fits"]:
        return []
    outside = _fit_outside(observations)
    text = lang("calib_misfit") + " " + lang("calib_misfit_between" if not outside else "calib_misfit_outside")
    if any(o["count_includes_scholarships"] for o in observations):
        text += " " + lang("calib_misfit_scholarships")
    out = [Para(text, {"chi2": _r(extra, f"{key}.goodness_of_fit.chi2_min", "sig3"),
                       "values": _r(extra, f"{key}.goodness_of_fit.observed_values", "count"),
                       "p": _r(extra, f"{key}.goodness_of_fit.p_value", "tiny")}, "warning")]
    for i, direction in outside:
        # Below the record the gaps are negative: the text says "fewer" and shows their size (|abs).
        size = "|abs" if direction == "below" else ""
        out.append(Para(lang(f"calib_fit_{direction}", period=_window(lang, observations[i]["from"],
                                                                      observations[i]["to"])),
                        {name: _r(extra, f"{key}.observations.{i}.{field}{size}", "percent")
                         for name, field in (("claims", "expected_over_recorded_claims"),
                                             ("amount", "expected_over_recorded_amount_idr"))}, "warning"))
    return out + _prior_sets(lang, extra, cal)


def _counts_para(lang: Language, extra: dict, i: int, summary: dict | None) -> Para:
    """What the calibration table's claims count (payments in the observed months, scholarship instalments
    included where the record's count includes them), the cases the model expects in the same months, and, with
    ``summary``, that the summary's cases are those of the first year's months: 219 claims in 11 months and about
    192 cases in 12 (madiun-2025) are not two answers to one question."""
    o = extra["calibration"]["observations"][i]
    key = f"calibration.observations.{i}"
    words = {"months": o["months"], "period": _window(lang, o["from"], o["to"])}
    instalments = o["count_includes_scholarships"]
    text = lang("calib_counts_instalments" if instalments else "calib_counts_cases", **words)
    figures = {}
    if instalments and o.get("model_window"):
        text += " " + lang("calib_counts_model", **words)
        figures.update(cases=_r(extra, f"{key}.model_window.cases_expected", "count"),
                       claims=_r(extra, f"{key}.model_window.claims_expected", "count"))
    if summary is not None:
        first = summary["periods"][0]
        text += " " + lang("calib_counts_year", year=first["period"], year_months=first["months"])
        figures["year_cases"] = _s(summary, "periods.0.claim_count.mean", "count")
    return Para(text, figures)


def _count_where(o: dict, window: dict, prefix: str) -> str:
    """The text key saying where the recorded count lies against the model's 90 % interval of the same months."""
    return prefix + ("_below" if o["claims"] < window["claims_p5"] else
                     "_above" if o["claims"] > window["claims_p95"] else "_inside")


def _count_para_shown(o: dict) -> bool:
    """Whether the calibration part gives observation ``o``'s recorded count a paragraph of its own
    (:func:`_unfitted_count_para`): a count kept out of the fit, with both average claims and the model's months."""
    return bool(_count_apart(o) and "expected_amount_per_claim_idr" in o and "amount_per_claim_idr" in o
                and o.get("model_window"))


def _unfitted_count_para(lang: Language, extra: dict, i: int) -> Para:
    """A recorded count left out of the fit (the experience file's ``fit``), set beside the model's count of the
    same months with its 90 % interval, and why a count may be left out: when the recorded average claim is far
    from the model's, no rates match both figures, and which payments count as one claim is seldom published."""
    key = f"calibration.observations.{i}"
    o = extra["calibration"]["observations"][i]
    window = o["model_window"]
    return Para(lang("calib_count_unfitted") + " " + lang(_count_where(o, window, "calib_count")), {
        "claims": _r(extra, f"{key}.claims", "count"), "avg": _r(extra, f"{key}.amount_per_claim_idr", "money"),
        "model_avg": _r(extra, f"{key}.expected_amount_per_claim_idr", "money"),
        "expected": _r(extra, f"{key}.model_window.claims_expected", "count"),
        "c5": _r(extra, f"{key}.model_window.claims_p5", "count"),
        "c95": _r(extra, f"{key}.model_window.claims_p95", "count")})


def recorded_paras(lang: Language, extra: dict, brief: bool = False) -> list:
    """Per observation with a recorded amount, in two places. ``brief``, the summary's first paragraphs (only where
    there is a model figure to compare): the recorded claims and, where the experience file gives the premium it was
    reported on, the claim ratio as reported with that premium, saying so when its months are not the claims'
    (madiun-2025: Jan-Nov claims over a year's premium); beside them the model's claims and claim ratio for the same
    months on the calibration's definition (report.json ``model_window``) with the ratio's 90 % interval, and the
    recorded claims over the model's premium of those months. Else, where the calibration is presented: where the
    summary gave that, only what it does not say (:func:`_window_detail`: the basis, the model's claims with their
    90 % interval, the premium of those months, whether the record lies inside; page 2 used to repeat page 1's
    recorded figure and its premium); where there is no model figure (so no brief form), the record with its
    premium and that the forecast does not hold those months."""
    cal = extra.get("calibration") or {}
    out = []
    for i, o in enumerate(cal.get("observations", ())):
        window = o.get("model_window")
        if o.get("amount_idr") is None or (brief and not window):
            continue
        if window and not brief:
            out.append(_window_detail(lang, extra, i))
            continue
        key = f"calibration.observations.{i}"
        words = {"period": _window(lang, o["from"], o["to"]), "months": o["months"],
                 "source": recorded_source(lang, cal)}
        figures = {"amount": _r(extra, f"{key}.amount_idr", "money")}
        if "premium_idr" in o:
            text = lang("calib_recorded_ratio", **words)
            figures.update(ratio=_r(extra, f"{key}.claim_ratio", "percent"),
                           premium=_r(extra, f"{key}.premium_idr", "money"))
            if (o["premium_from"], o["premium_to"]) != (o["from"], o["to"]):
                name = "calib_recorded_premium_other_brief" if brief else "calib_recorded_premium_other"
                text += " " + lang(name + ("_assumed" if o.get("premium_months_assumed") else ""),
                                   premium_period=_window(lang, o["premium_from"], o["premium_to"]),
                                   premium_months=o["premium_months"], **words)
        else:
            text = lang("calib_recorded", **words)
        if window:  # brief
            w = f"{key}.model_window"
            text += " " + lang("calib_model_window_brief", **words)
            figures.update(model=_r(extra, f"{w}.amount_expected_idr", "money"),
                           model_ratio=_r(extra, f"{w}.claim_ratio_expected", "percent"),
                           r5=_r(extra, f"{w}.claim_ratio_p5", "percent"),
                           r95=_r(extra, f"{w}.claim_ratio_p95", "percent"),
                           same=_r(extra, f"{key}.claim_ratio_window_premium", "percent"))
            if "amount" in o["fitted"]:  # close by construction only where the model does match the record
                inside = window["amount_p5_idr"] <= o["amount_idr"] <= window["amount_p95_idr"]
                text += " " + lang("calib_fitted_brief" if inside else "calib_fitted_brief_off")
            if _count_apart(o) and window.get("claims_p5") is not None:  # the count kept out: where it lies
                text += " " + lang(_count_where(o, window, "calib_count_brief"))
                figures.update(claims=_r(extra, f"{key}.claims", "count"), c5=_r(extra, f"{w}.claims_p5", "count"),
                               c95=_r(extra, f"{w}.claims_p95", "count"))
            text += " " + lang("calib_detail_below")
        elif "model_window" in o:
            start = extra["calibration"]["scenario_start"]
            text += " " + (lang("calib_model_none_after", start=lang.iso_date(start)) if start > o["to"]
                           else lang("calib_model_none"))
        out.append(Para(text, figures))
    return out


def _count_apart(o: dict) -> str:
    """The text-key suffix for an observation whose recorded count was kept out of the fit (a comparison only)."""
    return "_count" if "claims" in o and "claims" not in o["fitted"] else ""


def _window_detail(lang: Language, extra: dict, i: int) -> Para:
    """What the summary's brief comparison of observation ``i`` with the model leaves to the calibration part: the
    basis (the benefits falling due in the recorded months, instalments included, over those months' premium), the
    model's claims with their 90 % interval, and where the record lies against it."""
    o = extra["calibration"]["observations"][i]
    window, w = o["model_window"], f"calibration.observations.{i}.model_window"
    where = ("calib_below" if o["amount_idr"] < window["amount_p5_idr"] else
             "calib_above" if o["amount_idr"] > window["amount_p95_idr"] else "calib_inside")
    said = lang(where)
    if "amount" in o["fitted"]:  # the count kept out: said here only where no paragraph above said it
        said += " " + lang("calib_fitted_not_a_test" + ("" if _count_para_shown(o) else _count_apart(o)))
    return Para(lang("calib_model_window_detail", period=_window(lang, o["from"], o["to"])) + " " + said, {
        "model": _r(extra, f"{w}.amount_expected_idr", "money"), "m5": _r(extra, f"{w}.amount_p5_idr", "money"),
        "m95": _r(extra, f"{w}.amount_p95_idr", "money"), "window_premium": _r(extra, f"{w}.premium_idr", "money")})


def _quantile_check(lang: Language, c: dict) -> str:
    """A simulated quantile's exact CDF against its band; where the exact distribution has a mass at the simulated
    value (no claim at all, in a small group), the step from just below it to at it, which the band need only meet."""
    below = c.get("exact_cdf_below_simulated", c["exact_cdf_at_simulated"])
    step = c["exact_cdf_at_simulated"] - below > 0.0005  # a step the table's one decimal shows
    words = {"cdf": lang.percent(c["exact_cdf_at_simulated"], 1), "below": lang.percent(below, 1),
             "lo": lang.percent(max(c["band"][0], 0.0), 1), "hi": lang.percent(min(c["band"][1], 1.0), 1),
             "flag": lang.flag(c["flag"])}
    return lang("valid_quantile_check_step" if step else "valid_quantile_check", **words)


def _fit_outside(observations: list) -> list[tuple[int, str]]:
    """(index, "above" or "below") of each observation whose count and amount the calibrated model expects both
    above or both below the record. A misfit is not always a compromise that lands between the two: when the model
    ties count and amount closely (both follow the deaths) and the record's average claim is far from the model's,
    the best fit can pass both figures (madiun-2025: 198 claims and Rp6.69 bn expected, 144 and Rp6.20 bn recorded)."""
    out = []
    for i, o in enumerate(observations):
        gaps = [o.get(f"expected_over_recorded_{name}") for name in ("claims", "amount_idr")]
        if None not in gaps and (min(gaps) > 0 or max(gaps) < 0):
            out.append((i, "above" if min(gaps) > 0 else "below"))
    return out


def _prior_sets(lang: Language, extra: dict, cal: dict) -> list:
    """A sentence for each multiplier whose best fit to the data alone lies outside its 90 % posterior interval:
    there the prior, not the data, sets it (records without the best fit give none)."""
    out = []
    for which in ("mortality", "accident"):
        best, stats = cal["goodness_of_fit"].get(f"best_{which}_scale"), cal[f"{which}_scale"]
        if best is None or stats["p5"] <= best <= stats["p95"]:
            continue
        edge = ("calib_grid_low" if best <= GRID_RANGE[0] else "calib_grid_high" if best >= GRID_RANGE[1] else None)
        text = lang("calib_prior_sets", what=lang(f"calib_what_{which}"), edge=lang(edge) if edge else "",
                    base=cal["scenario"])
        out.append(Para(text, {"best": _r(extra, f"calibration.goodness_of_fit.best_{which}_scale", "sig3")},
                        "warning"))
    return out


def first_year_later(summary: dict, model) -> dict:
    """report.json ``first_year_scholarships``: the scholarship instalments the first year's deaths and total
    disabilities leave due after that year (the closed form's expectation, undiscounted:
    :func:`sim.closed_form.first_year_scholarships`), which the year's claims (the benefits falling due in it) leave
    out, and the year's claims and claim ratio by event year: the simulation mean plus those later instalments."""
    first = summary["periods"][0]
    due = first_year_scholarships(model)
    later = due["later_in_horizon_idr"] + due["after_horizon_idr"]
    event_year = first["claims_idr"]["mean"] + later
    return {
        "period": first["period"],
        "horizon_end": model.month_dates[-1].isoformat()[:7],  # the last month of the horizon
        "due_in_year_idr": round(due["in_period_idr"], 2),
        "due_later_in_horizon_idr": round(due["later_in_horizon_idr"], 2),
        "due_after_horizon_idr": round(due["after_horizon_idr"], 2),
        "due_later_idr": round(later, 2),
        "instalments_later": round(due["later_in_horizon_instalments"] + due["after_horizon_instalments"], 4),
        "event_year_claims_idr": round(event_year, 2),
        "event_year_claim_ratio": round(event_year / first["premium_idr"], 4) if first["premium_idr"] else None,
    }


def horizon_later(summary: dict, model) -> dict:
    """report.json ``horizon_scholarships``: the scholarship instalments all the horizon's deaths and total
    disabilities leave due after its last month (the closed form's expectation, undiscounted:
    :func:`sim.closed_form.horizon_scholarships`), which no year's claims hold, and their share of the horizon's
    expected claims (the closed form's, the results table's "direct calculation" total)."""
    due = horizon_scholarships(model)
    claims = sum(p["claims_expected_idr"] for p in summary["periods"] if p["period"] != "total")
    return {
        "horizon_end": model.month_dates[-1].isoformat()[:7],
        "due_in_horizon_idr": round(due["in_horizon_idr"], 2),
        "due_after_horizon_idr": round(due["after_horizon_idr"], 2),
        "instalments_after_horizon": round(due["after_horizon_instalments"], 4),
        "share_of_horizon_claims": round(float(due["after_horizon_idr"] / claims), 4) if claims else None,
    }


def horizon_later_blocks(lang: Language, summary: dict, extra: dict) -> list:
    """Under the results table of a horizon of more than one year: what the horizon's cases leave due after it (a
    one-year horizon's is the summary's first-year sentence already)."""
    later = extra.get("horizon_scholarships")
    years = [p for p in summary["periods"] if p["period"] != "total"]
    if not later or len(years) < 2 or later["due_after_horizon_idr"] <= 0:
        return []
    key = "horizon_scholarships"
    figures = {"after": _r(extra, f"{key}.due_after_horizon_idr", "money"),
               "count": _r(extra, f"{key}.instalments_after_horizon", "count")}
    share = later["share_of_horizon_claims"] is not None
    if share:
        figures["share"] = _r(extra, f"{key}.share_of_horizon_claims", "percent")
    text = lang("results_after_horizon", first=years[0]["period"], last=years[-1]["period"],
                end=lang.iso_date(later["horizon_end"]))
    return [Para(text + (" " + lang("results_after_horizon_share") if share else ""), figures, "note")]


def runoff_ages(scenario: Scenario, model=None) -> dict | None:
    """A run-off's members at the horizon's end older than any of their segment at the start (report.json
    ``runoff_ages``: the last ``month`` and the ``share_older``, :func:`sim.population.share_older_than_at_start`):
    how far the members kept to the end have aged past the ones a programme has. None for a projection, whose
    members join and may leave at an age limit. ``model``: the scenario's, if the caller has it."""
    model = build_model(scenario) if model is None else model
    if model.projection is not None:
        return None
    share = share_older_than_at_start(model)
    return {"month": model.month_dates[-1].isoformat()[:7], "share_older": None if share is None else round(share, 6)}


def runoff_note(lang: Language, summary: dict, scenario: Scenario | None = None, extra: dict | None = None) -> str:
    """The results table's note on a run-off's later years (:func:`sim.report_trend.runoff_years`): only the members
    of the start still alive, so not a forecast of the programme; and that members leave only by death, with an
    example: a PU segment's members past the oldest age of its age bands (madiun-2025's non-ASN staff past 57, the
    last age before their retirement at 58), else members who move away or stop working; that this overstates the
    later years' members, the more so the longer the horizon, and (from ``extra``'s ``runoff_ages``) how many of
    the members in force at its end are older than any member of their segment at the start."""
    text = lang("runoff_note", start=lang.iso_date(summary["start"][:7]))
    pu = [s for s in (scenario.segments if scenario is not None else ()) if s.scheme == "PU"]
    if pu:
        oldest = max(int(hi) for _, hi, _ in pu[0].age_bands)
        text += lang("runoff_exits_pu", segment=segment_labels(scenario, lang)[pu[0].name], age=oldest)
    else:
        text += lang("runoff_exits")
    ages = (extra or {}).get("runoff_ages")
    if ages and ages["share_older"] is not None:
        text += lang("runoff_older", month=lang.iso_date(ages["month"]), share=lang.percent(ages["share_older"]))
    return text


def results_section(lang: Language, summary: dict, extra: dict, scenario: Scenario | None = None) -> Section:
    """The results by year. In a run-off (no new members), the years after the first are marked as such and the
    table's note says what that means (``scenario``: for its example of a member who stays). Below the table, the
    first year beside the same year of an earlier base scenario, where one holds it (:mod:`sim.report_base_year`)."""
    runoff = set(report_trend.runoff_years(summary, extra))
    rows, styles = [], []
    for i, p in enumerate(summary["periods"]):
        has_ratio = p["claim_ratio"] is not None
        name = _period_name(lang, summary, p) if p["period"] == "total" else year_name(lang, summary, p)
        rows.append((
            lang("runoff_year", year=name) if p["period"] in runoff else name,
            _s(summary, f"periods.{i}.members", "count"),
            _s(summary, f"periods.{i}.premium_idr", "money"),
            _s(summary, f"periods.{i}.claims_idr.mean", "money"),
            _s(summary, f"periods.{i}.claims_expected_idr", "money"),
            _s(summary, f"periods.{i}.claims_idr.p5", "money"),
            _s(summary, f"periods.{i}.claims_idr.p95", "money"),
            _s(summary, f"periods.{i}.claim_ratio.mean", "percent") if has_ratio else "-",
            _s(summary, f"periods.{i}.prob_claim_ratio_above_1", "chance") if has_ratio else "-",
        ))
        styles.append("total" if p["period"] == "total" else "")
    # "Members (average)": the total row over several years ("2025–2027 (total)") gives their average, not a sum.
    header = tuple(lang(k) for k in ("col_period", "col_members_avg", "col_premium", "col_claims_mean",
                                     "col_closed_form", "col_p5", "col_p95", "col_ratio", "col_prob"))
    first = summary["periods"][0]
    risk_rows = [(
        first["period"],
        _s(summary, "periods.0.risk.claims_var_idr", "money"),
        _s(summary, "periods.0.risk.claims_tvar_idr", "money"),
        _s(summary, "periods.0.risk.shortfall_mean_idr", "money"),
        _s(summary, "periods.0.risk.shortfall_tvar_idr", "money"),
    ), risk_precision_row(lang, summary)]
    risk_header = tuple(lang(k) for k in ("col_period", "col_var", "col_tvar", "col_shortfall_mean",
                                          "col_shortfall_tvar"))
    note = runoff_note(lang, summary, scenario, extra) if runoff else ""
    blocks = [Para(lang("results_intro")), Table("periods", header, rows, styles, note)]
    n = summary["trials"]
    if any(p["prob_claim_ratio_above_1"] is not None and lang.chance(p["prob_claim_ratio_above_1"], n)[0] in "<>"
           for p in summary["periods"]):  # shown as "> 99,8%" or "< 0,2%" (of 2,000): say what that means
        blocks.append(Para(lang("prob_table_note", above=lang.chance(1.0, n), below=lang.chance(0.0, n),
                                **dict(zip(("high", "low"), rule_of_three(lang, n)))),
                           {"trials": _s(summary, "trials", "count")}, "note"))
    elif any(p["prob_claim_ratio_above_1"] in (0.0, 1.0) for p in summary["periods"]):  # "2 dari 2": 3 or fewer
        blocks.append(Para(lang("prob_table_note_count", above=lang.chance(1.0, n), below=lang.chance(0.0, n)),
                           {"trials": _s(summary, "trials", "count")}, "note"))
    blocks += horizon_later_blocks(lang, summary, extra)
    blocks += base_year_blocks(lang, summary, extra)  # the same year in an earlier base, beside this one's
    blocks += [
        Para(lang("results_risk")),
        Table("risk", risk_header, risk_rows, note=risk_precision_note(lang, summary)),
    ]
    marks = recorded_marks(lang, extra)
    ratios = [m for m in marks if m["claim_ratio"] is not None]

    def ratio_words(m):
        name = "caption_recorded_ratio" + ("_assumed" if m.get("premium_months_assumed") else "")  # months not stated
        return lang(name, months=m["months"], premium_months=m["premium_months"] or m["months"])

    if first["claim_ratio"] is not None:
        caption = lang("caption_ratio", period=first["period"])
        for m in (m for m in ratios if m["period"] == first["period"]):
            caption += lang("caption_recorded_line", period=m["label"]) + ratio_words(m)
            if charts.same_months_ratio(m) is not None:
                caption += lang("caption_recorded_same_line", months=m["months"])
        blocks.append(Chart("claim_ratio", caption))
    caption = lang("caption_fan")
    for m in marks:
        caption += lang("caption_recorded_star", period=m["label"], months=m["months"])
        caption += lang("caption_recorded_model", months=m["months"]) if m["model"] else ""
        caption += ratio_words(m) if m["claim_ratio"] is not None else ""
        if m["claim_ratio"] is not None and charts.same_months_ratio(m) is not None:
            caption += lang("caption_recorded_same_star", months=m["months"])
    blocks.append(Chart("fan", caption))
    return Section("results", lang("sec_results"), blocks, traced=True)


def risk_precision_row(lang: Language, summary: dict) -> tuple:
    """The risk table's second row: the Monte Carlo precision of the first year's VaR (its 95 % interval), of each
    TVaR and of the mean claims above premium (their standard errors), in words where the trials were too few for
    one (summary.json has null)."""
    # A null figure reads "simulasi terlalu sedikit" (Language.figure), still traced: its column stays one of numbers.
    return (lang("row_risk_precision"), _s(summary, "periods.0.risk.claims_var_ci95_idr", "money_interval"),
            _s(summary, "periods.0.risk.claims_tvar_se_idr", "se_money"),
            _s(summary, "periods.0.risk.shortfall_mean_se_idr", "se_money"),
            _s(summary, "periods.0.risk.shortfall_tvar_se_idr", "se_money"))


def risk_precision_note(lang: Language, summary: dict) -> str:
    """What the precision row shows (Monte Carlo error only) and, where a figure is missing, why and how many trials
    it needs (:func:`sim.risk.interval_within_sample`, :func:`sim.risk.tvar_se_reported`)."""
    risk, n = summary["periods"][0]["risk"], summary["trials"]
    q = risk["level"]
    text = lang("risk_precision_note", trials=lang.count(n))
    if risk["claims_var_ci95_idr"] is None:
        need = next(m for m in itertools.count(n + 1) if risk_measures.interval_within_sample(m, q))
        text += lang("risk_var_too_few", trials=lang.count(n), need=lang.count(need))
    if risk["claims_tvar_se_idr"] is None:
        need = next(m for m in itertools.count(n + 1) if risk_measures.tvar_se_reported(m, q))
        text += lang("risk_tvar_too_few", tail=lang.count(risk_measures.MIN_TAIL_TRIALS), need=lang.count(need))
    return text


def budget_section(lang: Language, scenario: Scenario, summary: dict, extra: dict) -> Section:
    if extra.get("planning"):  # members projected: by year, from them; then where their detail is
        section = report_planning.budget_section(lang, scenario, summary, extra)
        # PP 50/2025's discount right below the APBD's budget and premiums (the plan_apbd table), else at the end.
        blocks = list(section.blocks)
        at = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "plan_apbd"), len(blocks))
        blocks[at:at] = discount_budget_blocks(lang, scenario)
        return replace(section, blocks=[*blocks, *premium_risk_blocks(lang, scenario, extra),
                                        *plan_file_blocks(lang, scenario, extra)])
    year = extra["budget_year"]
    blocks = [Para(lang("budget_intro_tenure", months=year["months"]), {
        "per_member": _r(extra, "budget_year.premium_per_member_idr", "money"),
        "claims": _r(extra, "budget_year.expected_claims_idr", "money"),
        "members": _r(extra, "budget_year.members", "count"),
        "scholarship": _r(extra, "budget_year.scholarship_min_membership_months", "count"),
        "early": _r(extra, "budget_year.bpu_early_death_months", "count"),
        "early_benefit": _r(extra, "budget_year.bpu_early_death_benefit_idr", "money"),
    })]
    if year.get("members_affordable") is not None:  # none without an APBD-paid member
        others = other_payers(summary["budget"])
        blocks.append(Para(lang("budget_affordable_others" if others else "budget_affordable"), {
            "budget": _s(summary, "budget.annual_budget_idr", "money"),
            "affordable": _r(extra, "budget_year.members_affordable", "count"),
        }))
    # The caption says what the chart draws, no more.
    blocks.append(Chart("coverage", lang("caption_coverage_base", months=year["months"])
                        + (lang("caption_coverage_budget") if scenario.annual_budget is not None else "")
                        + (lang("caption_coverage_target") if scenario.target_members else "")))
    labels = segment_labels(scenario, lang)
    rows = [(lang.choice("payer", r["payer"]), labels.get(r["segment"], r["segment"]), r["scheme"], _r(extra, f"funding.{i}.members", "count"),
             _r(extra, f"funding.{i}.monthly_premium_idr", "money"),
             _r(extra, f"funding.{i}.annual_premium_idr", "money"))
            for i, r in enumerate(extra["funding"])]
    header = tuple(lang(k) for k in ("col_payer", "col_segment", "col_scheme", "col_members", "col_monthly_premium",
                                     "col_annual_premium"))
    rows, styles, note = _cut(rows, [""] * len(rows), [r["annual_premium_idr"] for r in extra["funding"]],
                              [False] * len(rows), lang, "funding")
    changing = [labels.get(r["segment"], r["segment"]) for r in extra["funding"] if r.get("rate_changes_in_year")]
    if changing:  # the table's monthly premium x 12 is then not its annual premium: say why
        note = " ".join(filter(None, [lang("funding_rate_changes", segments=lang.join(changing)), note]))
    blocks += [Chart("funding", lang("caption_funding")), Table("funding", header, rows, styles, note)]
    blocks += discount_budget_blocks(lang, scenario)
    blocks += premium_risk_blocks(lang, scenario, extra)
    blocks.append(Para(lang("budget_enrolment_later"), style="note"))
    return Section("budget", lang("sec_budget"), blocks, traced=True)


def premium_risk_blocks(lang: Language, scenario: Scenario, extra: dict) -> list:
    """One paragraph on what may raise the premium stated above (report.json ``premium_risks``): a PU premium
    computed on a wage below the top of its stated range, with the yearly difference; a proposed rise of the BPU
    JKM premium, whose rate is not known. Either part only where it applies; none: no paragraph."""
    risks = extra.get("premium_risks") or {}
    parts, figures = [], {}
    pu = risks.get("pu_wage")
    if pu:
        labels = segment_labels(scenario, lang)
        if len(pu["segments"]) == 1:
            key = "premium_risks.pu_wage.segments.0"
            name = pu["segments"][0]["segment"]
            parts.append(lang("premium_risk_pu", segment=labels.get(name, name)))
            figures.update({
                "premium": _r(extra, f"{key}.monthly_premium_idr", "money"),
                "wage": _r(extra, f"{key}.wage_idr", "rupiah"),
                "upper": _r(extra, f"{key}.wage_upper_idr", "rupiah"),
                "upper_premium": _r(extra, f"{key}.monthly_premium_upper_idr", "money"),
            })
        else:
            names = [labels.get(p["segment"], p["segment"]) for p in pu["segments"]]
            parts.append(lang("premium_risk_pu_many",
                              segments=lang.join(names)))
        figures.update({"members": _r(extra, "premium_risks.pu_wage.members", "count"),
                        "more": _r(extra, "premium_risks.pu_wage.annual_difference_idr", "money")})
    bpu = risks.get("bpu_jkm_rise")
    if bpu:
        parts.append(lang("premium_risk_bpu" if bpu["monthly_premium_idr"] is not None else "premium_risk_bpu_jkm"))
        figures.update({"jkm": _r(extra, "premium_risks.bpu_jkm_rise.jkm_premium_idr", "money"),
                        "ratio": _r(extra, "premium_risks.bpu_jkm_rise.claim_ratio.value", "percent")})
        if bpu["monthly_premium_idr"] is not None:
            figures["bpu"] = _r(extra, "premium_risks.bpu_jkm_rise.monthly_premium_idr", "money")
    return [Para(" ".join([lang("premium_risk_lead"), *parts]), figures)] if parts else []


def excluded_discount(scenario: Scenario) -> dict | None:
    """Where PP 50/2025's BPU discount would lower a premium the scenario pays but the rule excludes its payer: the
    excluded payers of its BPU segments (``payers``), every payer the rule excludes (``excluded``), and the first
    and last month of the horizon (``from``, ``to``, ``YYYY-MM``) in which such a segment would have a discount if
    its payer were not excluded. All from the rules in force month by month (``premium.bpu_discount``,
    ``premium.bpu_discount_transport``, ``premium.bpu_discount_excluded_payers``: :func:`sim.regulation.bpu_discount`
    with the exclusion lifted). None when no month of the horizon has one (madiun-2023, before the discount; a
    scenario whose BPU members are paid by CSR)."""
    regulation = load_regulation()
    payers, excluded, months = [], [], []
    for month in month_dates(scenario.start, scenario.horizon_months):
        rules = regulation.at(scenario.rules_date or month)
        out = [str(p) for p in rules[EXCLUDED_PAYERS]]
        unexcluded = {**rules, EXCLUDED_PAYERS: ()}
        hit = [s.payer for s in scenario.segments if s.scheme == "BPU" and s.payer in out
               and bpu_discount(unexcluded, s.payer, s.occupation) > 0]
        if hit:
            months.append(month.isoformat()[:7])
            payers += [p for p in dict.fromkeys(hit) if p not in payers]
            excluded += [p for p in out if p not in excluded]
    if not months:
        return None
    return {"payers": payers, "excluded": excluded, "from": months[0], "to": months[-1]}


def discount_budget_blocks(lang: Language, scenario: Scenario) -> list:
    """The budget section's sentence that PP 50/2025's BPU discount does not lower the premium the city pays, only
    where :func:`excluded_discount` finds it would otherwise apply within the horizon: the register's note says so
    among the rules, but a reader of the budget (the APBD's premium above) may still think the discount halves it."""
    found = excluded_discount(scenario)
    if found is None:
        return []
    return [Para(lang("budget_bpu_discount", period=_window(lang, found["from"], found["to"]),
                      payers=lang.join(found["payers"]), excluded=lang.join(found["excluded"], "or")))]


def plan_files(extra: dict) -> list[str]:
    """The plan's detail tables a projected scenario's report folder holds (:func:`sim.report.plan_tables`)."""
    return [*DETAIL_TABLES, *([PLEDGE_TABLE] if extra["planning"]["pledge_outcomes"] is not None else [])]


def plan_file_blocks(lang: Language, scenario: Scenario, extra: dict) -> list:
    """Where the projection's detail is: each plan_*.csv file in the report's folder and what it holds. A budget
    officer opens them in a spreadsheet; the report once sent them to ``python -m sim plan``, which they cannot run."""
    pipeline = getattr(scenario.planning, "pipeline", None) is not None
    rows = []
    for name in plan_files(extra):
        key = f"plan_file_{name.removesuffix('.csv')}"
        if key == "plan_file_plan_enrolment" and not pipeline:
            key += "_no_pipeline"  # no stages: no names proposed or rejected in the table
        rows.append((name, lang(key)))
    return [Para(lang("plan_files_intro")), Table("plan_files", (lang("col_file"), lang("col_contents")), rows)]


def sensitivity_section(lang: Language, extra: dict, labels: dict | None = None,
                        summary: dict | None = None) -> Section:
    """The tornado and its table. The base is the direct calculation's, its claim ratio too; with ``summary``, where
    the summary's simulated claim ratio of the same year shows another figure (232 % here against 233 % on page 1),
    a sentence says which is which."""
    sens = extra["sensitivity"]
    refit = _refit_shown(extra)
    rows = []
    for i, r in enumerate(sens["rows"]):
        unit_kind = sensitivity_kind(r)
        rows.append((
            sensitivity_label(lang, r, labels), lang.basis(r["basis"]),
            _r(extra, f"sensitivity.rows.{i}.value", unit_kind) if r["value"] is not None else lang("various"),
            _r(extra, f"sensitivity.rows.{i}.low", unit_kind) if r["low"] is not None else lang("various"),
            _r(extra, f"sensitivity.rows.{i}.high", unit_kind) if r["high"] is not None else lang("various"),
            _r(extra, f"sensitivity.rows.{i}.claims_low_idr", "money"),
            _r(extra, f"sensitivity.rows.{i}.claims_high_idr", "money"),
            _r(extra, f"sensitivity.rows.{i}.claim_ratio_low", "percent") if r["claim_ratio_low"] is not None else "-",
            (_r(extra, f"sensitivity.rows.{i}.claim_ratio_high", "percent")
             if r["claim_ratio_high"] is not None else "-"),
        ))
    header = tuple(lang(k) for k in ("col_parameter", "col_basis", "col_value", "col_low", "col_high", "col_claims_low",
                                      "col_claims_high", "col_ratio_low", "col_ratio_high"))
    blocks = [
        _sens_base(lang, extra, summary),
        # A calibrated scenario: the fitted multipliers are one bar each, the other bars hold them fixed (and, where
        # the tornado recalibrated them, what recalibrating does to the widest).
        *((_sens_refit(lang, extra, labels) if refit else [Para(lang("sens_calibrated"))])
          if extra.get("calibration") else []),
        Chart("tornado", _tornado_caption(lang, sens)),
        Table("sensitivity", header, rows),
        Para(_sens_note(lang, sens), style="note"),
        *_sens_premium_only(lang, sens, labels),
        *_sens_later(lang, extra, labels, refit),
        *_sens_early_death_rule(lang, extra),
    ]
    if any(r["parameter"].startswith("segments.*.") for r in sens["rows"]):  # only with many segments
        blocks.append(Para(lang("sens_note_segments", many=MANY_SEGMENTS), style="note"))
    notes = _set_apart_notes(lang, sens, labels, planning=bool(extra.get("planning")))
    return Section("sensitivity", lang("sec_sensitivity"), blocks + notes, traced=True)


# Parameters the report shows as a percentage wherever it shows them (register, differences, sensitivity table,
# tornado): the UCJ target read "70,0%" in the planning summary and "0,7" in the tables beside it; the yearly rises
# read "0,065" beside their own sources' "6,5% pada 2025".
PERCENT_PARAMETERS = {"ucj.target_share": "percent1", "assumptions.wage_growth": "percent1",
                      "assumptions.severity.medical_cost_trend": "percent1"}
# Fields whose values are shares or yearly rates a scenario states, wherever they sit (each pipeline stage's
# rejections, each segment's men): the register read a rejection rate "0,02 – 0,3" beside the UCJ target's "70,0%".
# Shown as percentages with the digits the scenario gives ("2% – 30%", a severity share "0,7%"), as a CSR pledge's
# chance and the APBD's match are (PLEDGE_PERCENT_FIELDS). Lists of shares (tenure, reporting delay) keep their form.
PERCENT_FIELDS = ("rejection_rate", "moving_away_rate", "dtks_removal_rate", "growth_rate", "ucj_allocation",
                  "male_share", "share_medical_only", "share_temporary", "share_partial", "share_total", "share_death")
# A CSR pledge's shares (funding.csr.NAME.FIELD): the differences tables have no unit column, so a chance of "0,5"
# and the APBD's match of "0,5" did not say they were halves; shown as percentages, as the pledge outcomes show them.
PLEDGE_PERCENT_FIELDS = ("probability", "city_match")


def percent_kind(key: str) -> str | None:
    """How the report shows parameter ``key`` as a percentage (Language.figure's kind), wherever it shows it; None
    for a parameter it shows otherwise."""
    field = key.rsplit(".", 1)[-1]
    if key in PERCENT_PARAMETERS:
        return PERCENT_PARAMETERS[key]
    if field in PERCENT_FIELDS or (key.startswith("funding.csr.") and field in PLEDGE_PERCENT_FIELDS):
        return "percent_given"
    return None


# Units the sensitivity table gives after a parameter's name, as "Lama proses tahap (bulan)" carries its own: the
# name does not say them and the figure does not show them (an amount its "Rp", a percentage its "%"); the register
# gives them in its unit column. "×" alone for the mortality load: "Pengali tabel mortalitas" says of what.
SENSITIVITY_UNITS = {"per 1000 member-years": "per 1000 member-years", "x mortality table": "×"}


def sensitivity_label(lang: Language, row: dict, labels: dict | None) -> str:
    """The sensitivity table's name of ``row``'s parameter, with its unit after the field's name where
    SENSITIVITY_UNITS lists it: "Frekuensi kecelakaan kerja (per 1.000 peserta-tahun) – Buruh batik (BPU)"."""
    name = lang.parameter(row["parameter"], labels)
    unit = SENSITIVITY_UNITS.get(row.get("unit", ""))
    field = PARAMETERS.get(row["parameter"].split(".")[-1], {}).get(lang.code)
    if unit is None or field is None or not name.startswith(field):
        return name
    return f"{field} ({lang.unit(unit)}){name[len(field):]}"


def sensitivity_kind(row: dict) -> str:
    """How the sensitivity table and the tornado's labels show a row's value and range ends (Language.figure's
    kind): money in rupiah, a fitted multiplier to 3 decimals (MULTIPLIER), a percentage parameter as one, else 3
    significant digits."""
    if row.get("unit", "").startswith("IDR"):
        return "money"
    if row["parameter"].startswith("calibration.posterior."):
        return MULTIPLIER
    return percent_kind(row["parameter"]) or "sig3"


def _sens_note(lang: Language, sens: dict) -> str:
    """The note under the sensitivity table: how the severity shares move, what the range of a calibrated parameter
    is (only where a bar is one: the range of a scenario's own assumptions is its stated one), what the table's claim
    ratios are over, and the years the care cost rise (and the PU wage rise, where varied) moves."""
    calibrated = any(r["basis"] == "calibrated" for r in sens["rows"])
    return lang("sens_note_wages" if _varied(sens, "assumptions.wage_growth") else "sens_note",
                calibrated=lang("sens_note_calibrated") if calibrated else "", ratio=lang("sens_note_ratio"))


def _tornado_caption(lang: Language, sens: dict) -> str:
    """The tornado's caption, and how many bars of how many it draws where it cannot draw every assumption that
    moves the claims (charts.TORNADO_TOP at most; the table lists them all)."""
    moving = sum(r["claims_low_idr"] != r["claims_high_idr"] for r in sens["rows"])
    caption = lang("caption_tornado")
    if moving <= charts.TORNADO_TOP:
        return caption
    listed = len(sens["rows"])  # the table's rows: also those that move another year's claims or the ratio only
    key = "caption_tornado_top" if listed == moving else "caption_tornado_top_among"
    return caption + " " + lang(key, shown=lang.count(charts.TORNADO_TOP), moving=lang.count(moving),
                                period=sens["period"], rows=lang.count(listed))


def _sens_premium_only(lang: Language, sens: dict, labels: dict | None) -> list:
    """A pledge's city share that moves the year's claim ratio at an end of its range and not its claims
    (madiun-2026-ucj-csr: 236 % at 0 beside the base's 219 %): the same members at another rate, since a pledge
    without city money pays PP 50/2025's discounted BPU premium and a co-funded one the full rate
    (sim.funding.pledge_source). A note says so, where such a bar is in the table."""
    claims = sens["base"]["claims_idr"]
    ratio = claims / sens["base"]["premium_idr"] if sens["base"]["premium_idr"] else None
    names = [lang.parameter(r["parameter"], labels) for r in sens["rows"]
             if r["parameter"].endswith(".city_match") and ratio is not None
             and any(math.isclose(r[f"claims_{end}_idr"], claims, rel_tol=1e-9)
                     and r[f"claim_ratio_{end}"] is not None and abs(r[f"claim_ratio_{end}"] - ratio) >= 0.0005
                     for end in ("low", "high"))]
    if not names:
        return []
    return [Para(lang("sens_city_match", names=lang.join(names), period=sens["period"]), style="note")]


def _varied(sens: dict, parameter: str) -> bool:
    """Whether the tornado moved ``parameter``: a bar, or a row set apart for moving no claims (not one it left
    unmoved, such as the wage growth where no segment is PU)."""
    return any(r["parameter"] == parameter for r in (*sens["rows"], *sens.get("no_effect", ())))


# A rule's effect on a year's expected claims from which the report says what it does (1 %): the BPU early-death
# rule moves madiun-2025's 2025 claims by 0.5 %, a programme of new members' by 11-46 %.
RULE_SHOWN = 0.01


def _sens_early_death_rule(lang: Language, extra: dict) -> list:
    """What the BPU early-death rule (Medium confidence, not a bar: a rule, not an assumption) does to the years
    the tornado measures, where it moves a year's claims by RULE_SHOWN or more."""
    rule = extra["sensitivity"].get("early_death_rule")
    moved = [abs(y["claims_without_idr"] - y["claims_idr"]) >= RULE_SHOWN * y["claims_idr"]
             for y in (rule or {}).get("years", ())]
    if not any(moved):
        return []
    key = "sensitivity.early_death_rule"
    figures = {"months": _r(extra, f"{key}.months", "count"), "benefit": _r(extra, f"{key}.benefit_idr", "money")}
    years, same = [], []
    for i, y in enumerate(rule["years"]):
        if not moved[i]:
            same.append(y["period"])  # said apart: not a number beside itself
            continue
        at = f"{key}.years.{i}"
        figures.update({f"claims{i}": _r(extra, f"{at}.claims_idr", "money"),
                        f"without{i}": _r(extra, f"{at}.claims_without_idr", "money"),
                        f"ratio{i}": _r(extra, f"{at}.claim_ratio", "percent"),
                        f"ratio_without{i}": _r(extra, f"{at}.claim_ratio_without", "percent")})
        years.append(lang("sens_rule_year", period=y["period"], i=i))
    text = lang("sens_early_death_rule", confidence=lang.confidence(rule["confidence"]).lower(),
                years=lang.join(years, separator="; "))  # each year's item holds a comma of its own
    if same:
        text += " " + lang("sens_rule_same", periods=lang.join(same), shown=lang.percent(RULE_SHOWN))
    if rule["calibration_held"]:
        text += " " + lang("sens_rule_calibration_held")
    return [Para(text, figures, style="note")]


REFIT_ENDS = ("low", "high")


def _years(lang: Language, sens: dict) -> str:
    """The years the tornado measures: "2025", or "2025 dan 2027" with the last full year."""
    return lang.join([sens["period"], sens["last_period"]] if sens.get("last_period") else [sens["period"]])


def _sens_later(lang: Language, extra: dict, labels: dict | None, refit: bool) -> list:
    """The second table: each bar's claim ratio in the last full calendar year, and, for a calibrated scenario,
    both years' ratios recalibrated; a paragraph before it says what its columns hold. Nothing when the tornado
    measured neither (one calendar year, not calibrated). The first table keeps nine columns, so that a parameter's
    name stays readable in the PDF's 180 mm."""
    sens = extra["sensitivity"]
    last = sens.get("last_period")
    if not last and not refit:
        return []
    columns = []  # (field of the rows, header key, year): each gives a low and a high column
    if last:
        columns.append(("claim_ratio_last", "col_ratio_year", last))
    if refit:
        columns.append(("claim_ratio_recalibrated", "col_ratio_year_refit", sens["period"]))
        if last:
            columns.append(("claim_ratio_recalibrated_last", "col_ratio_year_refit", last))
    header = (lang("col_parameter"),) + tuple(lang(f"{key}_{end}", year=year)
                                              for _, key, year in columns for end in REFIT_ENDS)
    rows = [(sensitivity_label(lang, r, labels),) + tuple(
        _r(extra, f"sensitivity.rows.{i}.{field}_{end}", "percent") if r.get(f"{field}_{end}") is not None else "-"
        for field, _, _ in columns for end in REFIT_ENDS) for i, r in enumerate(sens["rows"])]
    sentences = [lang("sens_last_intro", period=sens["period"], last=last)] if last else []
    figures = {"base_last": _r(extra, "sensitivity.base.claim_ratio_last", "percent")} if last else {}
    if last:
        off_text, off_figures = _sens_off_chart(lang, extra, labels)
        sentences.append(off_text)
        figures.update(off_figures)
    if refit:
        through = sens.get("recalibrated_through")
        sentences.append(lang("sens_refit_columns_inherited", years=_years(lang, sens), calibrated=through["scenario"])
                         if through else lang("sens_refit_columns", years=_years(lang, sens)))
        field = "claim_ratio_recalibrated_last"
        found = [(r[f"{field}_{end}"], f"sensitivity.rows.{i}.{field}_{end}")
                 for i, r in enumerate(sens["rows"]) for end in REFIT_ENDS if r.get(f"{field}_{end}") is not None]
        if found:  # the whole table in one sentence: how far any one assumption moves the budget year's ratio
            sentences.append(lang("sens_refit_last_span", last=last))
            figures.update(lowest=_r(extra, min(found)[1], "percent"), highest=_r(extra, max(found)[1], "percent"))
    # One space between sentences, whichever are there (the one off the chart once ran into the next: "rentangnya.Kolom").
    text = " ".join(s.strip() for s in sentences if s.strip())
    return [Para(text, figures), Table("sensitivity_later", header, rows),
            *(_sens_refit_notes(lang, extra, labels) if refit else [])]


# How many of the last year's widest effects the section names where the chart, drawn for the first year, leaves them
# out: enough to point at what matters for the budget years, few enough for one sentence.
LAST_YEAR_TOP = 3


def _sens_off_chart(lang: Language, extra: dict, labels: dict | None) -> tuple[str, dict]:
    """``(sentence, figures)`` naming the assumptions among the LAST_YEAR_TOP that move the last year's claim ratio
    most which the chart, ordered by the first year, does not draw (pekalongan-2023-expansion: the caretakers'
    mortality load moves 2027 from 153 % to 249 % but no claim of 2023, so it stood last, off the chart); "" when
    the chart draws them all."""
    rows = extra["sensitivity"]["rows"]
    drawn = set(charts.tornado_bar_indices(rows))
    ends = ("claim_ratio_last_low", "claim_ratio_last_high")
    measured = [i for i, r in enumerate(rows) if all(r.get(k) is not None for k in ends)]
    widest = sorted(measured, key=lambda i: -abs(rows[i][ends[1]] - rows[i][ends[0]]))[:LAST_YEAR_TOP]
    off = [i for i in widest if i not in drawn and rows[i][ends[0]] != rows[i][ends[1]]]
    if not off:
        return "", {}
    sens = extra["sensitivity"]
    items = [(lang("sens_item_off_chart", parameter=lang.parameter(rows[i]["parameter"], labels),
                   last=sens["last_period"]),
              {"low": _r(extra, f"sensitivity.rows.{i}.{ends[0]}", "percent"),
               "high": _r(extra, f"sensitivity.rows.{i}.{ends[1]}", "percent")}) for i in off]
    joined, figures = report_planning._listed(lang, items, "off_")
    return lang("sens_off_chart", items=joined, last=sens["last_period"], period=sens["period"]), figures


def _refit_shown(extra: dict) -> bool:
    """A calibrated scenario whose tornado holds recalibrated figures (sim.sensitivity.Recalibration)."""
    return bool(extra.get("calibration")) and any(r.get(f"claim_ratio_recalibrated_{end}") is not None
                                                  for r in extra["sensitivity"]["rows"] for end in REFIT_ENDS)


def _sens_refit(lang: Language, extra: dict, labels: dict | None) -> list:
    """What recalibrating does, in figures: the widest bar (the first row, bars being ordered by their spread with
    the calibration held) with both ends recalibrated, its claim ratio recalibrated and held at each end; and where
    the refit with nothing moved differs from the base (a --set of the report changed what was fitted), that too."""
    sens = extra["sensitivity"]
    keys = [f"claim_ratio_recalibrated_{end}" for end in REFIT_ENDS] + [f"claim_ratio_{end}" for end in REFIT_ENDS]
    i = next((i for i, r in enumerate(sens["rows"]) if all(r.get(k) is not None for k in keys)), None)
    if i is None:
        return [Para(lang("sens_calibrated"))]
    last = sens.get("last_period")
    pairs = (("refit", "claim_ratio_recalibrated"), ("held", "claim_ratio"))
    if last and all(sens["rows"][i].get(f"{key}_last_{end}") is not None for _, key in pairs for end in REFIT_ENDS):
        pairs += (("refit_last", "claim_ratio_recalibrated_last"), ("held_last", "claim_ratio_last"))
    else:
        last = None
    figures = {f"{name}_{end}": _r(extra, f"sensitivity.rows.{i}.{key}_{end}", "percent")
               for name, key in pairs for end in REFIT_ENDS}
    name = lang.parameter(sens["rows"][i]["parameter"], labels)
    through = sens.get("recalibrated_through")
    if through:  # the refit is of the calibrated scenario this one builds on, applied to this one
        text = lang("sens_inherited_refit", period=sens["period"], name=name, calibrated=through["scenario"])
    else:
        text = lang("sens_calibrated_refit", period=sens["period"], name=name)
    if last:
        text += " " + lang("sens_calibrated_refit_last", last=last)
        figures["base_last"] = _r(extra, "sensitivity.base.claim_ratio_last", "percent")
    if any(o["from"][:4] == o["to"][:4] == str(sens["period"])
           for o in (extra.get("calibration") or {}).get("observations", ())):
        later = lang("sens_refit_later_shown", last=last) if last else lang("sens_refit_later_unmeasured")
        text += " " + lang("sens_refit_same_year", period=sens["period"], later=later)
    base = sens["base"]
    if base.get("claim_ratio_recalibrated") is not None and base.get("claim_ratio") is not None and (
            lang.percent(base["claim_ratio_recalibrated"]) != lang.percent(base["claim_ratio"])):
        text += " " + lang("sens_refit_base", period=sens["period"])
        figures.update(refit_base=_r(extra, "sensitivity.base.claim_ratio_recalibrated", "percent"),
                       base=_r(extra, "sensitivity.base.claim_ratio", "percent"))
    return [Para(text, figures)]


def _sens_refit_notes(lang: Language, extra: dict, labels: dict | None) -> list:
    """How the recalibrated columns were made, and the bars with an end that could not be recalibrated (the reason
    in the English report; the Indonesian one points to report.json, as for a bar that could not be moved)."""
    sens = extra["sensitivity"]
    through = sens.get("recalibrated_through")
    if through:
        out = [Para(lang("sens_refit_note_inherited", period=_years(lang, sens), calibrated=through["scenario"],
                         prior=through["calibrated_from"]), style="note")]
    else:
        out = [Para(lang("sens_refit_note", period=_years(lang, sens)), style="note")]
    failed = [(r["parameter"], problem) for r in sens["rows"] for end in REFIT_ENDS
              if (problem := r.get(f"recalibration_problem_{end}"))]
    if failed:
        names = "; ".join(dict.fromkeys(lang.parameter(key, labels) + (f" ({problem})" if lang.code == "en" else "")
                                        for key, problem in failed))
        out.append(Para(lang("sens_refit_failed", names=names), style="note"))
    return out


def _sens_base(lang: Language, extra: dict, summary: dict | None) -> Para:
    """What the bars move from: the year's claims, premium and claim ratio by direct calculation, and, where the
    summary's simulation mean of that ratio is shown as another figure, that the summary's is the simulation mean."""
    sens = extra["sensitivity"]
    base = sens["base"]
    figures = {"claims": _r(extra, "sensitivity.base.claims_idr", "money"),
               "premium": _r(extra, "sensitivity.base.premium_idr", "money")}
    text = lang("sens_intro", period=sens["period"])
    if base.get("claim_ratio") is None:
        return Para(text + " " + lang("sens_base"), figures)
    text += " " + lang("sens_base_ratio")
    figures["ratio"] = _r(extra, "sensitivity.base.claim_ratio", "percent")
    i, period = next(((i, p) for i, p in enumerate((summary or {}).get("periods", ()))
                      if p["period"] == sens["period"]), (None, None))
    if period is not None and period["claim_ratio"] is not None and (
            lang.percent(period["claim_ratio"]["mean"]) != lang.percent(base["claim_ratio"])):
        text += " " + lang("sens_base_vs_mean", period=sens["period"])
        figures["mean"] = _s(summary, f"periods.{i}.claim_ratio.mean", "percent")
    return Para(text, figures)


NAMED_INLINE = 3  # a note names up to this many parameters in its sentence; more go in a table after it


def _set_apart_notes(lang: Language, sens: dict, labels: dict | None, planning: bool = False) -> list:
    """Notes on the ranged parameters without a bar, named as the rows are: those that do not move the year's
    claims (in a planning scenario, with where their effect on the budget is shown), those no segment uses, and
    those an end of whose range makes the scenario invalid. The validator's reason is English: the Indonesian note
    points to report.json for it rather than quote it. More than NAMED_INLINE parameters without effect (12 in
    pekalongan-2023-expansion) are listed in a table, by the part of the scenario they belong to, rather than in
    one long sentence."""
    def name(key):
        return lang.parameter(key, labels)

    out = []
    still = [r["parameter"] for r in sens.get("no_effect") or []]
    if still:
        plan = " " + lang("sens_no_effect_plan") if planning else ""
        if len(still) <= NAMED_INLINE:
            out.append(Para(lang("sens_no_effect", period=_years(lang, sens), names="; ".join(map(name, still)))
                            + plan, style="note"))
        else:
            out += [Para(lang("sens_no_effect_listed", period=_years(lang, sens)) + plan, style="note"),
                    Table("no_effect", (lang("col_part"), lang("col_parameters")),
                          [(part, "; ".join(names)) for part, names in parameter_parts(lang, still, labels).items()])]
    if sens.get("unused"):
        out.append(Para(lang("sens_unused", names="; ".join(map(name, sens["unused"]))), style="note"))
    if sens["skipped"]:
        names = "; ".join(name(s["parameter"]) + (f" ({s['problem']})" if lang.code == "en" else "")
                          for s in sens["skipped"])
        out.append(Para(lang("sens_skipped", names=names), style="note"))
    return out


def parameter_parts(lang: Language, keys: list[str], labels: dict | None = None) -> dict:
    """Parameters by the part of the scenario they belong to, in the order of ``keys``: a segment (its label: its
    own fields, quota and exits together), a pipeline stage or a CSR pledge, each with the names of its fields;
    else the table (``claim_timing``: claim timing), with each parameter's name as the tornado gives it."""
    parts: dict = {}
    for key in keys:
        table, field = key.split(".", 1)[0], key.rsplit(".", 1)[-1]
        entry = None if key in (labels or {}) else lang.entry(key, labels)
        if entry is None:
            part, shown = lang(f"part_{table}"), lang.parameter(key, labels)
            if key.startswith("segments.*."):  # the same field of every segment (many segments)
                shown = lang.parameter(field)
        else:
            part = {"pipeline": lang("part_stage", name=entry),
                    "funding": lang("part_pledge", name=entry)}.get(table, entry)
            shown = lang.parameter(field)
        parts.setdefault(part, []).append(shown)
    return parts


def _mean_check(lang: Language, summary: dict, extra: dict, exact: dict) -> str:
    """The first year's mean against the direct calculation, in standard errors; where the trials cannot estimate
    one (results._se: a single trial, or no claim in any trial), that is said instead of a distance of 0."""
    first = summary["periods"][0]
    rel = lang.tiny(exact["mean_rel_error"])
    reason = first["claims_idr"].get("se_reason")
    if reason is None:
        return lang("valid_mean_check", z=lang.number(extra["first_period_mean_z"] or 0.0), rel=rel)
    if reason == "no_claims" and rule_of_three_bound(summary["trials"]) >= 1.0:
        reason = "no_claims_unbounded"  # "below 3 in 2" bounds nothing
    return lang(f"valid_mean_{reason}", trials=lang.count(summary["trials"]), period=first["period"], rel=rel)


def validation_section(lang: Language, summary: dict, extra: dict, labels: dict | None = None) -> Section:
    first = summary["periods"][0]
    exact = summary.get("exact_first_period")
    blocks = [Para(lang("valid_intro"))]
    if exact:  # "exact" up to the grid the FFT puts every amount on (exact.py: step span_idr, mean kept)
        blocks.append(Para(lang("valid_grid"), {"step": _s(summary, "exact_first_period.span_idr", "money")}))
    mean_row = [lang("row_mean"), _s(summary, "periods.0.claims_expected_idr", "money"),
                _s(summary, "periods.0.claims_idr.mean", "money")]
    rows, styles = [], []
    if exact:
        mean_row += [_s(summary, "exact_first_period.claims_idr.mean", "money"),
                     _mean_check(lang, summary, extra, exact)]
        rows.append(tuple(mean_row))
        styles.append("" if exact["mean_flag"] == "ok" else "check")
        for q, c in exact.get("versus_simulation", {}).get("quantiles", {}).items():
            rows.append((lang("row_quantile", q=q.replace("p", "").replace("_", ",") if lang.code == "id"
                              else q.replace("p", "").replace("_", ".")),
                         "-",
                         _s(summary, f"exact_first_period.versus_simulation.quantiles.{q}.simulated_idr", "money"),
                         _s(summary, f"exact_first_period.versus_simulation.quantiles.{q}.exact_idr", "money"),
                         _quantile_check(lang, c)))
            styles.append("check" if c["flag"] == "check" else "")
    else:
        mean_row += ["-", lang("valid_no_exact")]
        rows.append(tuple(mean_row))
        styles.append("")
    header = tuple(lang(k) for k in ("col_measure", "col_closed_form", "col_monte_carlo", "col_exact", "col_check"))
    # The quantile rows' band, as sim.exact computes it: a reader cannot judge "band 93,5%–96,5%" otherwise.
    note = lang("valid_quantile_note", sigmas=lang.number(SIGMAS, 0), trials=lang.count(summary["trials"]),
                few=MIN_TAIL_TRIALS) if len(rows) > 1 else ""
    blocks += [Para(lang("valid_first_year", period=first["period"])),
               Table("exact_check", header, rows, styles, note)]

    breakdown = summary["breakdown"]
    total_rows = [i for i, r in enumerate(breakdown) if r["period"] == "total"]
    # A year's row flagged or left unchecked (too few trials): the Summary counts both (_checks_sentence), so the
    # reader must find them here, not only in validation.csv.
    flagged_elsewhere = [i for i, r in enumerate(breakdown) if r["period"] != "total" and r["flag"] != "ok"]
    chosen = total_rows + flagged_elsewhere
    rows, styles = [], []
    for i in chosen:
        r = breakdown[i]
        rows.append((
            _period_name(lang, summary, {"period": r["period"]}), (labels or {}).get(r["segment"], r["segment"]),
            lang.benefit(r["benefit"]),
            _s(summary, f"breakdown.{i}.expected_idr", "money"), _s(summary, f"breakdown.{i}.mean_idr", "money"),
            "-" if r["flag"] == "too_few" else _s(summary, f"breakdown.{i}.{_se_of_z(r)}", "money_se"),
            _s(summary, f"breakdown.{i}.count_expected", "number"), _s(summary, f"breakdown.{i}.count_mean", "number"),
            _s(summary, f"breakdown.{i}.z", "number") if r["z"] is not None else "-" if r["flag"] == "too_few" else "∞",
            _row_check(lang, r),
        ))
        styles.append("check" if r["flag"] == "check" else "")
    weights = [breakdown[i]["expected_idr"] for i in chosen]
    keep = [breakdown[i]["flag"] != "ok" for i in chosen]
    rows, styles, note = _cut(rows, styles, weights, keep, lang, "validation")
    header = tuple(lang(k) for k in ("col_period", "col_segment", "col_benefit", "col_closed_form", "col_monte_carlo",
                                     "col_se", "col_count_expected", "col_count_mean", "col_z", "col_check"))
    header, rows, span = _grouped(lang, summary, header, rows)
    blocks += [Para(lang("valid_breakdown", span=span)),
               Table("validation", header, rows, styles, note, grouped=(0,) if span else (1,))]
    return Section("validation", lang("sec_validation"), blocks, traced=True)


def _row_check(lang: Language, row: dict) -> str:
    """A breakdown row's verdict, with its bound on z where the bound moved for the mean's skewness turns the
    verdict from what a plain 4 would give (z 4.49 "ok" under 6.57, or z 3.30 "check" under 2.76): the reader sees
    why without validation.csv's z_limit column."""
    flag, z, limit = row["flag"], row.get("z"), row.get("z_limit")
    if z is None or limit is None or (z > FLAG_SE) == (flag == "check"):
        return lang.flag(flag)
    return lang("flag_with_limit", flag=lang.flag(flag), limit=lang.number(limit))


def _se_of_z(row: dict) -> str:
    """The breakdown key of the SE a row's z is measured in: the closed form's, or the trials' where it has none
    (summaries written before the closed form gave one)."""
    return "se_idr" if row.get("model_se_idr") is None else "model_se_idr"


def _grouped(lang: Language, summary: dict, header: tuple, rows: list) -> tuple[tuple, list, str]:
    """The breakdown's rows made shorter to read (the PDF wrapped a long segment name over four lines in every
    row): without the period column when every row is the whole period's (its span is then said in the text
    above), and each segment's name only on the first of its rows in a run. validation.csv keeps every cell."""
    total = _period_name(lang, summary, {"period": "total"})
    if rows and all(r[0] == total for r in rows):
        years = [q["period"] for q in summary["periods"] if q["period"] != "total"]
        header, rows = header[1:], [r[1:] for r in rows]
        span = f" {years[0]}" if len(years) == 1 else lang("valid_span", first=years[0], last=years[-1])
    else:
        span = ""
    seg = 0 if span else 1
    shown = []
    for i, r in enumerate(rows):
        same = i > 0 and rows[i - 1][:seg + 1] == r[:seg + 1]
        shown.append(r[:seg] + ("" if same else r[seg],) + r[seg + 1:])
    return header, shown, span


def _cut(rows, styles, weights, keep, lang, name):
    """At most MANY_ROWS rows: those to keep (flagged), then the largest by weight, in their order (with neither,
    the first rows), and a note saying which and naming the CSV file that has them all."""
    if len(rows) <= MANY_ROWS:
        return rows, styles, ""
    order = sorted(range(len(rows)), key=lambda i: (not keep[i], -abs(weights[i] or 0)))
    chosen = sorted(order[:MANY_ROWS])
    # Nothing flagged and no weights (the differences): the first rows in the table's order, and the note says so.
    first = not any(keep) and not any(weights)
    note = lang("table_cut_first" if first else "table_cut", shown=MANY_ROWS, total=lang.count(len(rows)),
                csv=f"{name}.csv")
    return [rows[i] for i in chosen], [styles[i] for i in chosen], note


def register_section(lang: Language, scenario: Scenario, extra: dict) -> Section:
    rows, styles = [], []
    many = len(scenario.segments) > MANY_SEGMENTS
    names = entry_names(scenario, lang)
    unused = unused_in_projection(scenario)
    grouped: dict = {}
    shown_rows = []  # the rows shown with their own source (the grouped ones point to assumptions.csv)
    for i, r in enumerate(extra["assumptions"]):
        parts = r["key"].split(".")
        if many and parts[0] == "segments" and len(parts) == 3:
            grouped.setdefault(parts[2], []).append(r)
            continue
        name = register_name(lang, r["key"], names)
        if r["key"] in unused:  # a [budget] value the projection replaces: said so beside its name
            label, _, key = name.rpartition("\n")
            name = f"{label or r['key']} ({UNUSED_IN_PROJECTION[r['key']][lang.code]})" + (f"\n{key}" if label else "")
        shown_rows.append(r)
        cells = _register_row(lang, extra, i, r)[1:]
        if parts[-1] == "age_profile":  # a named profile: its title and bands, not a list of lists
            cells = (_profile_cell(lang, scenario, r), *cells[1:])
        rows.append((name, *cells))
        styles.append(r["basis"] if r["basis"] in ("assumption", "calibrated") else "")
    for name, group in grouped.items():
        values = [g["value"] for g in group]
        numeric = [v for v in values if isinstance(v, (int, float))]
        kind = percent_kind(name) or "plain"  # the segments' men as percentages, as one segment's are
        distinct = list(dict.fromkeys(json.dumps(v, sort_keys=True) for v in values))
        shown = (lang("register_group_range", lo=lang.figure(kind, min(numeric)), hi=lang.figure(kind, max(numeric)))
                 if len(numeric) == len(values) else _short_value(values[0], lang=lang, key=group[0]["key"]))
        if len(numeric) < len(values) and len(distinct) > 1:  # lists that differ: the first one is not all of them
            shown = lang("register_group_differs", n=lang.count(len(distinct)), first=shown)
        if name == "age_profile":  # each profile the segments use, by its title
            shown = "; ".join(dict.fromkeys(_profile_cell(lang, scenario, g) for g in group))
        bases = sorted({g["basis"] for g in group})
        rows.append((register_name(lang, f"segments.*.{name}", names), shown, lang.unit(group[0]["unit"]), ", ".join(lang.basis(b) for b in bases), "",
                     lang("register_group_source", n=lang.count(len(group)), csv="assumptions.csv")))
        styles.append("assumption" if "assumption" in bases else "calibrated" if "calibrated" in bases else "")
    header = tuple(lang(k) for k in ("col_parameter", "col_value", "col_unit", "col_basis", "col_range", "col_source"))
    _, rules, changes = extra["rules"]["date"], extra["rules"]["rows"], extra["rules"]["changes"]
    rule_table = [(rule_name(lang, r["rule"]), _rule_value(lang, extra, i, r), lang.unit(r["unit"]),
                   _rule_effective(lang, r), rule_source(lang, r), lang.confidence(r["confidence"]))
                  for i, r in enumerate(rules)]
    rule_header = tuple(lang(k) for k in ("col_rule", "col_value", "col_unit", "col_effective", "col_source",
                                          "col_confidence"))
    used = {r["basis"] for r in extra["assumptions"]} | {r["basis"] for r in extra.get("sensitivity", {}).get("rows", [])}
    legend = "; ".join(lang(f"basis_desc_{b}") for b in BASES if b in used)
    blocks = [
        Para(lang("register_intro") + register_sources_note(lang, shown_rows)
             + (" " + lang("basis_legend", items=legend) if legend else "")),
        Table("assumptions", header, rows, styles),
        Para(lang("rules_intro", date=lang.date(dt.date.fromisoformat(extra["rules"]["date"])))),
        Table("rules", rule_header, rule_table),
    ]
    # The BPU discount's note before the changes (a planner reads it before "0 -> 0,5"), else after the rules.
    note = [Para(text, style="note") for text in [bpu_discount_note(lang, rules, changes)] if text]
    if changes:
        blocks += [Para(lang("rules_changes")), *note, Table("rule_changes", tuple(lang(k) for k in (
            "col_month", "col_rule", "col_from", "col_to", "col_source")),
            [(lang.iso_date(c["month"]), rule_name(lang, c["rule"]), _changed_value(lang, c["rule"], c["from"]),
              _changed_value(lang, c["rule"], c["to"]), rule_source(lang, c)) for c in changes])]
    else:
        blocks += [Para(lang("rules_no_changes"), style="note"), *note]
    after = extra["rules"].get("assumed_after")
    if after:  # the horizon outlasts the rules known: say that none is assumed to change
        blocks.append(Para(lang("rules_assumed_after", last=lang.date(dt.date.fromisoformat(after["last_change"])),
                                end=lang.iso_date(after["through"])), style="note"))
    return Section("register", lang("sec_register"), blocks)


def _profile_cell(lang: Language, scenario: Scenario, row: dict) -> str:
    """A register row of a segment's named age profile: the profile's title, then its bands."""
    name = scenario.resolved["segments"][row["key"].split(".")[1]]["age_profile"]
    return f"{profile_title(lang, name)}\n{age_bands_text(lang, row['value'])}"


def rule_name(lang: Language, key: str) -> str:
    """A rule's label in the register: its name in the report's language, then its key on a line of its own (as
    :func:`register_name` does for a parameter); a rule without a name shows its key alone."""
    names = RULE_NAMES.get(key)
    return f"{names[lang.code]}\n({key})" if names else key


BPU_DISCOUNTS = ("premium.bpu_discount", "premium.bpu_discount_transport")
EXCLUDED_PAYERS = "premium.bpu_discount_excluded_payers"


def _discount_words(lang: Language, share) -> str:
    """A BPU discount in words: ``tidak ada potongan`` for none, ``potongan 50%`` for half the premium."""
    return lang("rules_discount", share=lang.percent(share)) if share else lang("rules_no_discount")


def _rule_value(lang: Language, extra: dict, i: int, r: dict):
    """A rule's value in the register: a BPU discount in words (a bare 0 beside "in force from 1 July 2015" read
    as a discount in force since 2015), any other value as a traced figure or text."""
    if r["rule"] in BPU_DISCOUNTS:
        return _discount_words(lang, r["value"])
    if _wage_share(r["unit"]) and isinstance(r["value"], list):
        return _percent_list(lang, r["value"])
    kind = "percent_given" if _wage_share(r["unit"]) else "plain"
    return _value_cell(extra, f"rules.rows.{i}.value", r["value"], kind, lang=lang)


def _wage_share(unit: str) -> bool:
    """A premium rate or benefit given as a share of a wage or income band: shown as a percentage (0.003 read "0,003"
    beside the report's "62%"; Indonesian review), the unit column saying of what."""
    return unit.startswith(("share of monthly wage", "share of income band"))


def _percent_list(lang: Language, values: list) -> str:
    """A list of shares as percentages, "0,24%; 0,54%; ..." (the JKK rates of risk classes I-V)."""
    return "; ".join(lang.figure("percent_given", v) for v in values)


def _changed_value(lang: Language, rule: str, value) -> str:
    """A value in the table of rule changes: a BPU discount in words, as in the rules table."""
    return _discount_words(lang, value) if rule in BPU_DISCOUNTS else _short_value(value, lang=lang)


def discount_start(rules: tuple = BPU_DISCOUNTS) -> dt.date | None:
    """The first day a BPU discount of ``rules`` is in force (PP 50/2025: 1 January 2026), from the regulation;
    None if it never is."""
    regulation = load_regulation()
    dates = [v.effective for name in rules for v in regulation.rules[name].values if v.value]
    return min(dates) if dates else None


def _rule_effective(lang: Language, r: dict) -> str:
    """When a rule's value took effect, in words. The BPU discount rules are encoded from the first premium rules
    (PP 44/2015, 1 July 2015) with no discount until PP 50/2025: that regime reads "before 1 January 2026", not
    "from 1 July 2015", and the payers PP 50/2025 excludes from its discount, encoded from the same date, read as
    excluded from the discount's first day. Any other rule: its date."""
    rule = r["rule"]
    if rule in BPU_DISCOUNTS and not r["value"]:
        start = discount_start((rule,))
        if start is not None and r["effective"] < start.isoformat():
            return lang("rules_before_discount", date=lang.date(start))
    if rule == EXCLUDED_PAYERS:
        start = discount_start()
        if start is not None and r["effective"] < start.isoformat():
            return lang("rules_with_discount", date=lang.date(start))
    return lang.iso_date(r["effective"])


def bpu_discount_note(lang: Language, rules: list[dict], changes: list[dict]) -> str:
    """When the register shows a PP 50/2025 BPU discount (in force at the start, or changing during the horizon),
    a note that it does not apply to the payers the rule excludes (APBN/APBD/DBH-CHT): a budget planner must not
    read "0 -> 0,5" as the city's premium halving. The payers come from the rule; empty text otherwise."""
    shown = (any(r["rule"] in BPU_DISCOUNTS and r["value"] for r in rules)
             or any(c["rule"] in BPU_DISCOUNTS for c in changes))
    payers = next((r["value"] for r in rules if r["rule"] == EXCLUDED_PAYERS), None)
    if not shown or not payers:
        return ""
    payers = [str(p) for p in payers]
    listed = lang.join(payers, "or")
    return lang("rules_bpu_discount_note", payers=listed)


def register_name(lang: Language, key: str, names: dict) -> str:
    """A register row's label: the parameter's name as the tornado gives it, then its key on a line of its own (the
    PDF breaks the line there, the HTML shows a space) so a reviewer finds it in the scenario file; a field
    without a name in the report's language shows the key alone rather than English words."""
    if key.rsplit(".", 1)[-1] not in PARAMETERS:
        return key
    return f"{lang.parameter(key, names)}\n({key})"


def _value_cell(extra: dict, key: str, value, kind: str = "plain", lang: Language | None = None, name: str = ""):
    """A register cell: a number as a traced figure, anything else as text (``name``: the scenario key)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name.rsplit(".", 1)[-1] not in YEARS:
        return _r(extra, key, kind)
    return _short_value(value, lang=lang, key=name)


def copied_from_fit(x) -> bool:
    """A number written with more than 4 significant digits and a fraction: a value copied from a calibration
    (1.578031), not one a reader states (0.5349, a wage of 2185185)."""
    return isinstance(x, float) and math.isfinite(x) and x != round(x) and significant(x, 4) != x


def _register_row(lang: Language, extra: dict, i: int, r: dict) -> tuple:
    # Fitted to 6 decimals, or copied from a fit: shown to 3 significant digits (register_intro says so), as the
    # sensitivity table shows them.
    calibrated = r["basis"] == "calibrated" or copied_from_fit(r["value"])
    kind = percent_kind(r["key"]) or ("sig3" if calibrated else "plain")
    value = _value_cell(extra, f"assumptions.{i}.value", r["value"], kind, lang, r["key"])
    rng = r["range"]
    bound = functools.partial(lang.figure, kind)
    rng_text = f"{bound(rng[0])} – {bound(rng[1])}" if isinstance(rng, list) and len(rng) == 2 else ""
    unit = _percent_unit(r["unit"]) if percent_kind(r["key"]) else r["unit"]
    return (r["key"], value, lang.unit(unit), lang.basis(r["basis"]), rng_text, source_cell(lang, r))


def _percent_unit(unit: str) -> str:
    """A yearly rise's unit beside its value shown as a percentage: "share per year" -> "per year" (the register
    read "6,5% | proporsi per tahun", a percentage called a share); a plain share (the UCJ target, "70,0% |
    proporsi") keeps its unit, which says what the percentage is."""
    return "per year" if unit == "share per year" else unit


def source_cell(lang: Language, r: dict) -> str:
    """A register row's source in the report's language: in the Indonesian report its ``source_id`` (and
    ``note_id``) where the scenario gives one, else the text as written; in the English report always ``source``
    (and ``note``)."""
    indonesian = lang.code == "id"
    source = (r.get("source_id") if indonesian else None) or r["source"]
    note = (r.get("note_id") if indonesian else None) or r.get("note") or ""
    return source + (f" ({note})" if note else "")


def in_indonesian(r: dict) -> bool:
    """Whether a register row's source (and note, if it has one) has an Indonesian text."""
    return bool(r.get("source_id")) and (not r.get("note") or bool(r.get("note_id")))


def register_sources_note(lang: Language, rows: list[dict]) -> str:
    """What the Indonesian register says of its sources (with a leading space): nothing when every row shown has
    an Indonesian text; else that those without one (all, or how many) are quoted in English as written, with
    English number formats. The English register quotes every source as written (``register_intro``)."""
    english = [r for r in rows if not in_indonesian(r)]
    if lang.code != "id" or not english:
        return ""
    if len(english) == len(rows):
        return " " + lang("register_sources_english")
    return " " + lang("register_sources_some_english", n=lang.count(len(english)))


def rule_source(lang: Language, r: dict) -> str:
    """A rule's source in the report's language: its ``source_id`` in the Indonesian report where
    sim/data/regulation.toml gives one (a source with words beyond a citation), else ``source``."""
    return (r.get("source_id") if lang.code == "id" else None) or r["source"]


def differences_section(lang: Language, extra: dict, base: str | None, names: dict | None = None) -> Section:
    """What differs from the base scenario: each key named as the register names it (the parameter, the segment or
    entry by its label, then the key on a line of its own); a list of segments (``funding.priority``) by their
    labels in ``names`` (:func:`entry_names`), in order. differences.csv keeps every key and value as written."""
    names = names or {}
    blocks = []
    if base:
        register = {r["key"]: r for r in extra.get("assumptions", [])}
        relabelled = []

        def cell(key, value):
            if segment_list(key, value, names) is not None:
                relabelled.append(key)
            return difference_cell(lang, key, value, register.get(key, {}), names)

        # The [calibration] record is one row here: the summary shows it (differences.csv has every key).
        differences = scenario_differences(extra)
        shown = [d for d in differences if not d["key"].startswith("calibration.")]
        hidden = [d for d in differences if d["key"].startswith("calibration.")]
        keyed = [(d["key"], cell(d["key"], d["base"]) if d["base"] is not None else lang("not_set"),
                  cell(d["key"], d["this"])) for d in shown]
        if hidden:
            keyed.append(("calibration",
                          lang("not_set") if all(d["base"] is None for d in hidden) else lang("various"),
                          lang("diff_calibration") if extra.get("calibration") else lang("not_set")))
        keyed.sort(key=lambda r: r[0])  # by key, as differences.csv: a segment's or a table's rows stay together
        rows = [(register_name(lang, key, names), *cells) for key, *cells in keyed]
        rows, styles, note = _cut(rows, [""] * len(rows), [0] * len(rows), [False] * len(rows), lang, "differences")
        if relabelled:
            note = " ".join(filter(None, [lang("diff_segments_note"), note]))
        blocks += [Para(lang("diff_intro", base=base)),
                   Table("differences", tuple(lang(k) for k in ("col_parameter", "col_base", "col_this")), rows,
                         styles, note)]
    else:
        blocks.append(Para(lang("diff_none")))
    # A trial count or seed given on the command line (--trials, --seed, or --set of those keys) changes how the
    # scenario is run, not the scenario: said apart from the real overrides, which are differences.
    settings = [o for o in extra["overrides"] if o.partition("=")[0] in RUN_SETTINGS]
    changed = [o for o in extra["overrides"] if o not in settings]
    if changed:
        blocks.append(Para(lang("diff_overrides", overrides="; ".join(changed))))
    if settings:
        blocks.append(Para(lang("diff_run_settings", settings="; ".join(settings)), style="note"))
    return Section("differences", lang("sec_differences"), blocks)


RUN_SETTINGS = ("scenario.trials", "scenario.seed")  # how a scenario is run (provenance), not what it assumes



def parameter_figure(lang: Language, key: str, value, calibrated: bool) -> str | None:
    """A parameter's number as the differences tables (the report's and notebook 04's) show it: a fitted or copied
    multiplier (``calibrated``) to 3 significant digits, a percentage parameter (:func:`percent_kind`) as a
    percentage: a stated share (a CSR pledge's chance, the APBD's match, a rejection rate) with the digits the scenario
    gives ("50%", "72,5%"); None for any other value, which each table shows its own way."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if calibrated:
        return lang.sig3(value)
    kind = percent_kind(key)
    return lang.figure(kind, value) if kind else None


def difference_cell(lang: Language, key: str, value, row: dict, names: dict, limit: int = 120) -> str:
    """A value in a differences table (the report's and notebook 04's): a number as :func:`difference_figure`, a
    list of segments by their labels (:func:`segment_list`), a named age profile by its title with its name in the
    file on a line of its own, anything else as :func:`_short_value` (a coded value in ``lang``'s words, the years
    in a list as years, a list longer than ``limit`` characters cut)."""
    figure = difference_figure(lang, key, value, row)
    if figure is not None:
        return figure
    listed = segment_list(key, value, names)
    if listed is not None:
        return listed
    if key.endswith(".age_profile") and value in age_profiles():  # its title; its name as in the file
        return f"{profile_title(lang, value)}\n({value})"
    return _short_value(value, limit, lang=lang, key=key)


def difference_figure(lang: Language, key: str, value, row: dict) -> str | None:
    """A number in a differences table (the report's and notebook 04's), which has no unit column: a year as a year
    ("2026", not "2.026"), an amount (its register ``row``'s unit in IDR) in Rp ("Rp500,0 juta", not "500.000.000"),
    else as :func:`parameter_figure`, a value copied from a fit to 3 significant digits; None for any other value."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if key.rsplit(".", 1)[-1] in YEARS:
        return str(value)
    if row.get("unit", "").startswith("IDR"):
        return lang.money(value)
    figure = parameter_figure(lang, key, value, row.get("basis") == "calibrated")
    return lang.sig3(value) if figure is None and copied_from_fit(value) else figure


def scenario_differences(extra: dict) -> list:
    """report.json's differences from the base without the trial count or seed given on the command line
    (``--trials``, ``--seed``, or ``--set`` of those keys), which the differences section says apart as how the
    scenario is run: the differences are computed after the overrides, so ``report --trials 1000`` listed "Number of
    trials 10,000 -> 1,000" in the table right above the note saying it is no difference. A trial count or seed the
    scenario file itself sets stays a difference."""
    given = {o.partition("=")[0] for o in extra.get("overrides", [])} & set(RUN_SETTINGS)
    return [d for d in extra["differences"] if d["key"] not in given]


SEGMENT_LISTS = segment_list_field_names()  # fields listing segments by name: shown by the segments' labels
ORDERED_SEGMENT_LISTS = ("priority",)  # their order matters (highest priority first): numbered


def segment_list(key: str, segments, names: dict) -> str | None:
    """A list of segment names as a reader knows them (the differences tables, the report's and notebook 04's): each
    segment's label (or its name, if the scenario has no such segment), numbered where the order matters
    (``1. Pekerja informal rentan (BPU); 2. ...``); None when ``key`` is not a field listing segments."""
    if key.rsplit(".", 1)[-1] not in SEGMENT_LISTS or not isinstance(segments, list):
        return None
    shown = [str(names.get(s, s)) for s in segments]
    if key.rsplit(".", 1)[-1] in ORDERED_SEGMENT_LISTS:
        shown = [f"{i}. {s}" for i, s in enumerate(shown, 1)]
    return "; ".join(shown)


def methodology_section(lang: Language, scenario: Scenario | None = None) -> Section:
    """How the numbers are made; the simulation and uncertainty paragraphs say whether the counts are mixed Poisson
    and the intervals include parameter uncertainty (a calibrated scenario's posterior draws) or not; the
    calibration paragraph (Bayesian grid, Mahalanobis, chi-squared) only for a scenario calibrated or inheriting a
    calibration (its ``calibration`` record, as report.json's), else one sentence that its loads are assumptions."""
    draws = scenario is not None and bool(scenario.intensity_draws)
    uncertainty = "uncertainty_draws" if draws else "uncertainty_fixed"
    calibration = "calibration"
    if scenario is not None and scenario.calibration is None:
        # madiun-2023 takes madiun-2025's calibrated loads: not "assumptions", though not fitted here either
        calibration = "calibrated_elsewhere" if _has_basis(scenario.resolved, "calibrated") else "not_calibrated"
    engine = "engine_draws" if draws else "engine"  # per-trial multipliers make the counts mixed Poisson
    paras = [Para(lang(f"method_{k}")) for k in ("population", "perils", "rules", engine, "checks", uncertainty)]
    record = scenario.calibration if scenario is not None else None
    paras.append(Para(_calibration_method(lang, record)) if calibration == "calibration" and record
                 else Para(lang(f"method_{calibration}")))
    return Section("methodology", lang("sec_methodology"), paras + [Para(lang("method_limits"))])


def _calibration_method(lang: Language, record: dict) -> str:
    """The calibration paragraph of a calibrated scenario, from its record: the figures it fitted (madiun-2025 fits
    the amount alone, not "count and amount"), the likelihood and priors it assumes, and whether its fit can test
    anything. With fewer figures than the two multipliers a pair always reproduces them, so the recorded chi-squared
    probability (0.9999 for madiun-2025) must not read as evidence that the model fits."""
    fitted = set()
    for obs in record.get("observations", []):
        fitted.update(obs.get("fit") or [k for k in ("claims", "amount") if obs.get(k) is not None])
    figures = lang("method_figures_both" if fitted >= {"claims", "amount"} else
                   "method_figures_claims" if fitted == {"claims"} else "method_figures_amount")
    text = lang("method_calibration_fitted", figures=figures)
    fit = record.get("goodness_of_fit") or {}
    if fit.get("observed_values", 2) < 2:
        return text + " " + lang("method_fit_none", p=lang.number(fit.get("p_value"), 4))
    return text + " " + lang("method_fit_test")


def _has_basis(node, basis: str) -> bool:
    """Whether any parameter table in a scenario document has this ``basis``."""
    if isinstance(node, dict):
        return node.get("basis") == basis or any(_has_basis(v, basis) for v in node.values())
    return False


def sources_blocks(lang: Language, extra: dict) -> list:
    """The sources the scenario and the rules cite ("seed 001", "DOMAIN.md s.5"; in the Indonesian report as its
    texts cite them, "berita 001", "DOMAIN.md bag. 5"), each with publisher, date, headline or subject and file
    (from sim/data/sources.csv), so that a reader can look them up."""
    listed = extra.get("sources") or []
    if not listed:
        return [Para(lang("sources_none"))]
    section = "bag. " if lang.code == "id" else "s."
    rows = []
    for s in listed:
        if not s["known"]:
            rows.append((cited_as(lang, s), "-", "-", lang("source_unknown"), "-"))
            continue
        if s["date"]:
            date = lang.iso_date(s["date"])
        else:
            date = lang("source_no_date" if s["kind"] == "article" else "source_undated")
        what = f"“{s['headline']}”" if s["headline"] else s[f"subject_{lang.code}"]
        if s["headline"] and s.get("headline_lang") and s["headline_lang"] != lang.code:
            what += " " + lang(f"source_title_{s['headline_lang']}")  # a title is cited as written
            if s["kind"] == "article":  # what it reports, in the report's language (DOMAIN.md's sections say it)
                what += ": " + s[f"subject_{lang.code}"]
        if s.get("sections"):
            what += "; " + "; ".join(f"{section}{c['number']} {_section_title(lang, c)}".rstrip()
                                     for c in s["sections"])
        rows.append((cited_as(lang, s), _publisher(lang, s), date, what, s["file"]))
    header = tuple(lang(k) for k in ("col_source_cited", "col_publisher", "col_date", "col_headline", "col_file"))
    intro = lang("sources_intro")
    risks = cited_sources(strings(extra.get("premium_risks") or {}))
    if risks:  # the budget section's note on a possibly higher premium: what it rests on (listed in the table)
        cited = lang.join((cited_as(lang, s) for s in risks), separator="; ")  # "DOMAIN.md s.3, s.5" holds commas
        intro += " " + lang("sources_premium_risks", cited=cited)
    return [Para(intro), Table("sources", header, rows), *domain_sources_blocks(lang, listed)]


def domain_sources_blocks(lang: Language, listed: list) -> list:
    """The public sources each cited DOMAIN.md section rests on (``public``, from sim/data/domain_sources.csv): a
    reader of the report has no ../shared, so "DOMAIN.md s.3" alone leads nowhere. Nothing where no section is
    cited (or an older report.json has no ``public``)."""
    section = "bag. " if lang.code == "id" else "s."
    suffix = "_id" if lang.code == "id" else ""
    rows = [(f"{section}{c['number']}", p[f"source{suffix}"] or p["source"], p[f"backs{suffix}"])
            for s in listed if s.get("known") and s.get("sections")
            for c in s["sections"] for p in c.get("public") or []]
    if not rows:
        return []
    header = tuple(lang(k) for k in ("col_domain_section", "col_public_source", "col_backs"))
    return [Para(lang("domain_sources_intro")), Table("domain_sources", header, rows)]


def _publisher(lang: Language, source: dict) -> str:
    """A source's publisher in the report's language: sources.csv's ``publisher_id`` where it has words to
    translate (``KanalMuria (mengutip ...)``), else the name as the article gives it (and in an older report.json)."""
    return (source.get("publisher_id") if lang.code == "id" else None) or source["publisher"]


def _section_title(lang: Language, section: dict) -> str:
    """A cited DOMAIN.md section's title in the report's language (DOMAIN.md heads them in English)."""
    return (section.get("title_id") if lang.code == "id" else None) or section["title"]


def cited_as(lang: Language, source: dict) -> str:
    """How the report's texts cite a source (:func:`sim.sources.cited_sources`): ``berita 001`` and ``DOMAIN.md bag.
    5`` in the Indonesian report, ``seed 001`` and ``DOMAIN.md s.5`` in the English one (and where an older
    report.json has no Indonesian form)."""
    return (source.get("cited_id") if lang.code == "id" else None) or source["cited"]


def provenance_section(lang: Language, manifest: dict, summary: dict, extra: dict | None = None,
                       title: str | None = None) -> Section:
    """``title``: the scenario's title in the report's language (the manifest keeps the English one)."""
    code, packages = manifest["code"], manifest["packages"]
    rows = [
        (lang("prov_created"), lang.timestamp(manifest["created"])),
        (lang("prov_scenario"), f"{manifest['scenario_id']}: {title or manifest['title']}"),
        (lang("prov_files"), ", ".join(manifest["scenario_files"]) or "-"),
        (lang("prov_overrides"), "; ".join(manifest["overrides"]) or "-"),
        (lang("prov_seed"), str(manifest["seed"])),
        (lang("prov_trials"), lang.count(manifest["trials"])),
        (lang("prov_scenario_hash"), manifest["scenario_hash"]),
        (lang("prov_run_hash"), manifest["run_hash"]),
        (lang("prov_version"), f"{code['workbench_version']} (git {code['git_commit'] or '-'})"),
        (lang("prov_packages"), ", ".join(f"{k} {v}" for k, v in packages.items())),
        (lang("prov_rng"), summary["provenance"].get("rng", "")),
        (lang("prov_command"), manifest["command"]),
        (lang("prov_rebuild"), manifest["rebuild"]),
    ]
    return Section("provenance", lang("sec_provenance"),
                   [Para(lang("prov_intro")), Table("provenance", (lang("col_what"), lang("col_value")), rows),
                    *sources_blocks(lang, extra or {})])


LISTED_VALUE = 1000  # characters: a longer list of values in the listing (200 posterior draws, 3,600) is cut


def _listed_line(lang: Language, line: str) -> tuple[str, bool]:
    """A line of the listing, its ``value = [...]`` list cut to ``LISTED_VALUE`` characters where longer, with how
    many characters are left out; the rest of the line (unit, sources in both languages) stays whole, however
    long: texts are what a reviewer reads, a long list of numbers is data (scenario.toml has it all)."""
    start = line.find("value = [")
    if start < 0:
        return line, False
    start += len("value = ")
    depth, end = 0, start
    for end, char in enumerate(line[start:], start):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            break
    if end - start + 1 <= LISTED_VALUE:
        return line, False
    left = lang("scenario_line_cut", n=lang.count(end + 1 - start - LISTED_VALUE))
    return line[:start + LISTED_VALUE] + left + line[end + 1:], True


def scenario_listing(lang: Language, text: str) -> Section:
    """The scenario as TOML, as scenario.toml holds it, but for lists of values longer than ``LISTED_VALUE``
    characters (a calibrated scenario's 200 posterior draws took a page of the PDF): those are cut short, with how
    many characters are left out, and the introduction says the full text is in scenario.toml."""
    lines, cut = [], False
    for line in text.splitlines():
        line, shortened = _listed_line(lang, line)
        lines.append(line)
        cut = cut or shortened
    intro = lang("scenario_intro") + (" " + lang("scenario_intro_cut") if cut else "")
    return Section("scenario", lang("sec_scenario"), [Para(intro), Pre("\n".join(lines) + "\n", "scenario.toml")])


def sections(report_lang: Language, scenario: Scenario, summary: dict, extra: dict, manifest: dict) -> list:
    lang = report_lang
    out = [
        summary_section(lang, scenario, summary, extra),
        results_section(lang, summary, extra, scenario),
        budget_section(lang, scenario, summary, extra),
        sensitivity_section(lang, extra, entry_names(scenario, lang), summary),
        validation_section(lang, summary, extra, segment_labels(scenario, lang)),
        register_section(lang, scenario, extra),
        differences_section(lang, extra, manifest.get("base"), entry_names(scenario, lang)),
        methodology_section(lang, scenario),
        scenario_listing(lang, manifest["scenario_toml"]),
        provenance_section(lang, manifest, summary, extra, scenario.titles[lang.code]),
    ]
    if extra.get("planning"):
        out = [report_planning.methodology(lang, s, scenario) if s.key == "methodology" else s for s in out]
    return numbered_tables(lang, spell_out(lang, out))


# Abbreviations that only some reports use (a payer, a source of money; the seeds' sources, the rules, the scenarios'
# labels), spelled out at the end of the methodology's members paragraph, beside PU, BPU and APBD, when the report uses
# them (a paragraph of their own took madiun-2026-ucj-csr's Indonesian methodology over its one PDF page): the key of
# each sentence. One entry a line. FFT and TMI, which every report uses, are spelled out where the methodology first
# uses them (method_checks, method_perils).
SPELLED_OUT = {
    "DBH-CHT": "method_abbrev_dbh_cht",
    "CSR": "method_abbrev_csr",
    "UMK": "abbr_umk",  # a whole word: Kota Jambi's "Disnakerkop-UMKM" is no UMK
    "Perwal": "abbr_perwal",
    "Dinperinaker": "abbr_dinperinaker",
    "BPJS TK": "abbr_bpjs_tk",
}


def _section_words(section: Section) -> str:
    """A section's words, its title's and its blocks' as they hold them (figures' placeholders unfilled): where an
    abbreviation is used."""
    words = [section.title]
    for b in section.blocks:
        if isinstance(b, Para):
            words.append(b.text)
        elif isinstance(b, Table):
            words += [b.note, *map(str, b.header)] + [c for row in b.rows for c in row if isinstance(c, str)]
        elif isinstance(b, Chart):
            words.append(b.caption)
        elif isinstance(b, Tiles):
            words += [label for label, _ in b.items]
        elif isinstance(b, Pre):
            words.append(b.text)
    return " ".join(words)


def spell_out(lang: Language, sections: list) -> list:
    """The sections with the methodology's members paragraph (its first) spelling out each abbreviation of
    ``SPELLED_OUT`` the report uses (the methodology too): a council member or inspector
    outside the scheme read "DBH-CHT" and "CSR" unexplained, while the methodology spells out PU, BPU and APBD."""
    used = " ".join(_section_words(s) for s in sections)
    said = [lang(key) for word, key in SPELLED_OUT.items() if re.search(rf"\b{re.escape(word)}\b", used)]
    if not said:
        return sections

    def with_words(section: Section) -> Section:
        first = section.blocks[0]
        return replace(section, blocks=[Para(" ".join([first.text, *said]), first.figures, first.style),
                                        *section.blocks[1:]])
    return [with_words(s) if s.key == "methodology" else s for s in sections]


def numbered_tables(lang: Language, sections: list) -> list:
    """The sections with each table captioned and numbered in the order the report shows them ("Tabel 3. Daftar
    asumsi"; the caption by the table's name, ``table_<name>`` in sim/report_text.py), the same in the HTML and
    the PDF: a table had only its column headings, which a screen reader, or a reader told where to look, could
    not name or find."""
    count = itertools.count(1)
    return [replace(sec, blocks=[replace(b, caption=lang("table_caption", n=next(count), title=lang(f"table_{b.name}")))
                                 if isinstance(b, Table) else b for b in sec.blocks]) for sec in sections]


def chart_images(lang: Language, scenario: Scenario, summary: dict, extra: dict,
                 claims: np.ndarray) -> tuple[dict, dict]:
    """The charts as PNG, and their alt texts (:mod:`sim.chart_descriptions`, from the numbers each chart is drawn
    from), by chart name."""
    first = summary["periods"][0]
    out, alts = {}, {}

    def draw(name: str, chart, described, *args) -> None:
        out[name], alts[name] = charts.png(chart(*args)), described(*args)

    marks = recorded_marks(lang, extra)
    if first["claim_ratio"] is not None:
        draw("claim_ratio", charts.claim_ratio_distribution, chart_descriptions.claim_ratio_distribution,
             claims[:, 0] / first["premium_idr"], first["period"], lang, marks)
    runoff = scenario.start if report_trend.runoff_years(summary, extra) else None  # its later years: no new members
    draw("fan", charts.fan, chart_descriptions.fan, extra["fan"], lang, marks, runoff)
    year = extra["budget_year"]
    draw("coverage", charts.budget_coverage, chart_descriptions.budget_coverage, pd.DataFrame(extra["coverage"]),
         year["members"], lang, scenario.annual_budget, scenario.target_members, year.get("members_affordable"),
         bool(other_payers(summary["budget"])), year["months"])
    labels = segment_labels(scenario, lang)
    funding_rows = [{**r, "segment": labels.get(r["segment"], r["segment"])} for r in extra["funding"]]
    draw("funding", charts.funding, chart_descriptions.funding,
         funding_rows if len(funding_rows) <= MANY_SEGMENTS else _by_payer_rows(funding_rows), lang)
    sens = extra["sensitivity"]
    draw("tornado", charts.tornado, chart_descriptions.tornado,
         _readable_swings(sens["rows"], lang, entry_names(scenario, lang)), sens["base"]["claims_idr"], sens["period"],
         lang)
    if extra.get("planning"):  # the projected members and premiums, not a curve through the starting members
        images, described = report_planning.chart_images(lang, scenario, extra)
        out.update(images)
        alts.update(described)
    return out, alts


def recorded_marks(lang: Language, extra: dict) -> list[dict]:
    """The recorded points the charts of yearly claims and claim ratio mark (:func:`sim.charts.fan`): those of a
    calibrated scenario's record (report.json ``calibration``; none for a scenario not calibrated) that cover all
    benefits and segments, as the charts do, within one calendar year of the chart."""
    years = [r["period"] for r in extra.get("fan") or ()]
    out = []
    for o in (extra.get("calibration") or {}).get("observations", ()):
        if (o["benefits"], o["segment"]) != ("all", "all") or o.get("amount_idr") is None:
            continue
        if o["from"][:4] != o["to"][:4] or o["from"][:4] not in years:
            continue
        out.append({"period": o["from"][:4], "label": _window(lang, o["from"], o["to"]), "months": o["months"],
                    "claims_idr": o["amount_idr"], "claim_ratio": o.get("claim_ratio"),
                    "claim_ratio_same_months": o.get("claim_ratio_window_premium"),
                    "premium_months": o.get("premium_months"), "model": o.get("model_window"),
                    "premium_months_assumed": o.get("premium_months_assumed", False)})
    return out


def _readable_swings(rows: list[dict], lang: Language, labels: dict) -> list[dict]:
    """Tornado rows with the parameter's name and unit as the sensitivity table beside the chart writes them
    (:func:`sensitivity_label`: "Pengali tabel mortalitas [1 – 5]" read as an unknown scale) and the range ends likewise
    (:func:`sensitivity_kind`): to 3 significant digits "1,25" stood beside the table's fitted multiplier "1,252",
    and the UCJ target's "0,535" beside the planning summary's "70,0%"."""
    def shown(r):
        if r["low"] is None or r["high"] is None:
            return None
        kind = sensitivity_kind(r)
        return lang.figure(kind, r["low"]), lang.figure(kind, r["high"])

    return [{**r, "parameter": sensitivity_label(lang, r, labels), "shown": shown(r)} for r in rows]


def _by_payer_rows(rows: list[dict]) -> list[dict]:
    out: dict = {}
    for r in rows:
        out.setdefault(r["payer"], {"payer": r["payer"], "segment": "", "annual_premium_idr": 0.0})
        out[r["payer"]]["annual_premium_idr"] += r["annual_premium_idr"]
    return list(out.values())


# --- tables for notebooks (formatted in the report language) --------------------------------------------------------


def period_table(summary: dict, lang: str = "id") -> pd.DataFrame:
    """The results-by-year table of a summary, as a report shows it."""
    language = Language(lang)
    section = results_section(language, summary, {})
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "periods")
    return _frame(language, table)


def register_table(scenario: Scenario, lang: str = "id") -> pd.DataFrame:
    """The assumption register of a scenario (every parameter with value, unit, basis, range, source)."""
    language = Language(lang)
    extra = {"assumptions": register_rows(scenario.resolved),
             "rules": {"date": (scenario.rules_date or scenario.start).isoformat(), "rows": [], "changes": []}}
    table = register_section(language, scenario, extra).blocks[1]
    return _frame(language, table)


def validation_table(summary: dict, lang: str = "id", scenario: Scenario | None = None) -> pd.DataFrame:
    """Monte Carlo against closed form for the whole horizon (and flagged rows of any year), its segments named by
    the labels ``scenario`` gives them, as the report names them (without it, by their keys: ``vulnerable``)."""
    language = Language(lang)
    extra = {"first_period_mean_z": None}
    labels = segment_labels(scenario, language)
    tables = [b for b in validation_section(language, summary, extra, labels).blocks if isinstance(b, Table)]
    return _frame(language, tables[-1])


def comparison_table(summaries: list[dict], lang: str = "id") -> pd.DataFrame:
    """Scenarios side by side from their summaries: members, premium, claims with the 90 % interval (its ends named
    with what they are, "Klaim P5 (5% hasil simulasi di bawahnya)": a notebook shows no note under a table), claim
    ratio and the chance that claims exceed premiums, first year and whole horizon."""
    language = Language(lang)
    rows = {}
    for s in summaries:
        first, total = s["periods"][0], s["periods"][-1]
        column = {language("cmp_first_year"): first["period"],
                  language("cmp_horizon"): f"{s['horizon_months']} {language('cmp_months')}"}
        for label, p in ((language("cmp_first_year"), first), (language("cmp_horizon"), total)):
            ratio = p["claim_ratio"] or {}
            column.update({
                f"{language('col_members_avg')}, {label}": language.count(p["members"]),  # over the horizon: average
                f"{language('col_premium')}, {label}": language.money(p["premium_idr"]),
                f"{language('col_claims_mean')}, {label}": language.money(p["claims_idr"]["mean"]),
                f"{language('cmp_p5')}, {label}": language.money(p["claims_idr"]["p5"]),
                f"{language('cmp_p95')}, {label}": language.money(p["claims_idr"]["p95"]),
                f"{language('col_ratio')}, {label}": language.percent(ratio.get("mean")),
                f"{language('col_prob')}, {label}": language.chance(p["prob_claim_ratio_above_1"], s["trials"]),
            })
        column[language("tile_budget")] = language.money(s["budget"]["annual_premium_start_members_idr"])
        rows[s["scenario_id"]] = column
    return pd.DataFrame(rows)


def _frame(language: Language, table: Table) -> pd.DataFrame:
    """A report table as a DataFrame, a cell's line break a space: pandas shows a cell on one line and wrote the
    register's "Pengali tabel mortalitas – semua segmen\\n(assumptions...)" with a literal "\\n"."""
    def cell(c):
        text = language.figure(c.kind, c.value) + c.mark if isinstance(c, Figure) else c
        return text.replace("\n", " ") if isinstance(text, str) else text

    return pd.DataFrame([[cell(c) for c in row] for row in table.rows],
                        columns=[cell(h) for h in table.header])
