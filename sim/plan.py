"""A planning run, year by year: who is covered, who pays, what is paid out and when, and the budget answers.

``python -m sim plan SCENARIO`` runs the forecast (``sim.forecast``, keeping each trial's event benefits and
scholarships per year), the claim-timing processes (``sim.claim_timing``) and the budget questions
(``sim.budget``), and writes, atomically, ``summary.json`` and ``scenario.json`` (as ``run`` does), ``plan.json``
and four CSV tables (``plan_years.csv``, ``plan_segments.csv``, ``plan_funding.csv``, ``plan_enrolment.csv``)
plus ``plan_pledge_outcomes.csv`` (with CSR pledges: ``sim.pledge_outcomes``) and ``tornado.csv`` (not with
``--no-tornado``). It replaces a run's files in the same folder and a run replaces
its files (``FORECAST_FILES``). A report (``sim.report``) writes the same CSV tables, but for the tornado, from
its own forecast through :func:`detail` and :func:`detail_tables`. Every key is documented in the README
("Expansion and budget planning").
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd

from . import budget
from .benefits import INDEX
from .claim_timing import (
    EVENT_BENEFITS, SCHOLARSHIPS, monthly_expected, paid_by_year, payment_pattern, unpaid_at_year_ends, yearly_pattern,
)
from .closed_form import expected
from .expansion import CUT_SHOWN, money_bound
from .forecast import DEFAULT_CHUNK_TRIALS, FORECAST_FILES, atomic_directory, forecast, write_json
from .funding import APBD, DBH_CHT, EXTERNAL_PAYERS
from .i18n import Language
from .membership import EXIT_CAUSES
from .pledge_outcomes import ALL_HONOURED, FAILED, NONE_HONOURED, note, outcome_name, pledge_outcomes
from .population import Model, build_model
from .scenario import Scenario

DEFAULT_CONFIDENCE = budget.DEFAULT_CONFIDENCE


class TrialClaims:
    """Each trial's event benefits and scholarship instalments per period (all segments), block by block."""

    def __init__(self, trials: int, periods: int):
        self.events = np.zeros((trials, periods))
        self.scholarships = np.zeros((trials, periods))
        self.seen = 0
        self._events = [INDEX[b] for b in EVENT_BENEFITS]
        self._scholarships = [INDEX[b] for b in SCHOLARSHIPS]

    def add(self, result) -> None:
        first, n = result.block.first_trial, result.block.trials
        self.events[first : first + n] = result.amounts[..., self._events].sum(axis=(2, 3))
        self.scholarships[first : first + n] = result.amounts[..., self._scholarships].sum(axis=(2, 3))
        self.seen = max(self.seen, first + n)

    @property
    def total(self) -> np.ndarray:
        return self.events[: self.seen] + self.scholarships[: self.seen]


def plan(scenario: Scenario, confidence: float = DEFAULT_CONFIDENCE, chunk_trials: int = DEFAULT_CHUNK_TRIALS,
         progress=None, sensitivity: bool = True) -> tuple[dict, dict, dict]:
    """(summary, plan, tables): the forecast summary, the content of plan.json and the CSV tables (DataFrames)."""
    model = build_model(scenario)
    trials = TrialClaims(scenario.trials, len(model.period_labels))
    summary = forecast(scenario, chunk_trials, progress=progress, on_block=trials.add, model=model)
    rows = detail(model, summary, trials, confidence)
    answers = _budget_answers(scenario, confidence, model, rows)
    tornado = budget.tornado(scenario) if sensitivity else None

    plan_json = {
        "scenario_id": scenario.id,
        "title": scenario.title,
        "confidence": confidence,
        "trials": summary["trials"],
        "seed": scenario.seed,
        "years": rows["years"],
        "segments": rows["segments"],
        "funding": rows["funding"],
        "enrolment": _enrolment_summary(model),
        "targets": budget.targets_met(model.projection) if model.projection is not None else [],
        "targets_after_horizon": budget.targets_after_horizon(scenario),
        "money_after_horizon": budget.money_after_horizon(scenario),
        "targets_before_horizon": budget.targets_before_horizon(scenario),
        "money_before_horizon": budget.money_before_horizon(scenario),
        "ucj": (budget.ucj_by_year(model.projection, scenario.planning.ucj, scenario)
                if model.projection is not None and scenario.planning.ucj is not None else None),
        "claim_ratio_fan": rows["fan"],
        "payment_pattern": rows["payment_pattern"],
        "budget": answers,
        "tornado": tornado,
        "money_binds": bool(money_bound(model.projection)) if model.projection is not None else False,
        "budget_cuts": _budget_cuts(model),
        "assumptions": ASSUMPTIONS,
    }
    tables = detail_tables(model, rows, answers.get("pledge_outcomes"))
    if tornado is not None:  # --no-tornado: no table rather than an empty one
        tables["tornado.csv"] = pd.DataFrame(tornado["rows"])
    return summary, plan_json, tables


def _budget_answers(scenario: Scenario, confidence: float, model, rows: dict) -> dict:
    """plan.json's ``budget``: the APBD each year needs, and with a [funding] table whether that money binds, the
    largest coverage it funds, the CSR gap to UCJ and each pledge outcome; else a budget stated in [budget] against
    what the members cost; and the claims top-up reserve (``rows``: :func:`detail`'s)."""
    has_funding = scenario.planning is not None and scenario.planning.funding is not None
    # Each pledge outcome with unlimited APBD: budget_needed and pledge_outcomes both need it, projected once.
    unlimited = budget.UnlimitedApbd(scenario) if has_funding else None
    answers = {"budget_needed": budget.budget_needed(scenario, confidence, unlimited)}
    if has_funding:
        needed = {r["year"]: r["budget_idr"] for r in answers["budget_needed"]["years"]}
        answers["budget_needed"]["probability_money_does_not_bind"] = round(budget.verify_budget(scenario, needed), 6)
        answers.update(budget.coverage_answers(scenario, confidence))  # largest_coverage, csr_gap_to_ucj
        outcomes = pledge_outcomes(scenario, unlimited)
        if outcomes is not None:
            answers["pledge_outcomes"] = outcomes
    if scenario.annual_budget is not None and not has_funding:
        # A budget stated in [budget] (no [funding] table spends it): set against what these members cost.
        answers["stated_budget"] = {
            "annual_budget_idr": scenario.annual_budget,
            "years": [{"year": r["year"], "apbd_premium_idr": r["mean_need_idr"],
                       "left_idr": round(scenario.annual_budget - r["mean_need_idr"], 2)}
                      for r in answers["budget_needed"]["years"]]}
    answers["claims_topup_reserve"] = {
        "confidence": confidence,
        "note": "if the city also covered claims above premiums (not required by the scheme): the confidence "
                "quantile of max(claims - premium, 0) over the simulated trials",
        "years": [{"year": label, "reserve_idr": round(float(r), 2)}
                  for label, r in zip(model.period_labels, rows["reserve"])],
    }
    return answers


# The plan's detail tables (:func:`detail_tables`), also written into a report's folder (sim.report); the pledge
# outcomes' only with CSR pledges.
DETAIL_TABLES = ("plan_years.csv", "plan_segments.csv", "plan_funding.csv", "plan_enrolment.csv")
PLEDGE_TABLE = "plan_pledge_outcomes.csv"
PLAN_TABLES = (*DETAIL_TABLES, PLEDGE_TABLE)


def detail(model: Model, summary: dict, trials: TrialClaims, confidence: float = DEFAULT_CONFIDENCE) -> dict:
    """The plan's rows by year (``years``), by year and segment (``segments``) and by year and payer
    (``funding``), with the claim-ratio ``fan``, the claims top-up ``reserve`` and the ``payment_pattern`` behind
    them: from ``summary``, the forecast of ``model`` run with ``trials`` keeping each trial's claims
    (``forecast(..., on_block=trials.add)``). ``sim plan`` and a report both take them from here, so a report's
    plan_*.csv are those of ``sim plan`` with the same trials and seed."""
    closed = expected(model)
    money = _money_by_period(model, closed)
    timing = _claims_timing(model, closed, trials)
    premium = closed.premium.sum(axis=1)
    claims = trials.total
    reserve = budget.claims_topup_reserve(claims, premium, confidence)
    fan = budget.fan_chart(claims, premium, model.period_labels)
    return {"years": _years(model, closed, summary, money, timing, reserve, fan),
            "segments": _segments(model, closed), "funding": _funding(model), "fan": fan, "reserve": reserve,
            "payment_pattern": timing["yearly_pattern"]}


def detail_tables(model: Model, rows: dict, pledge_outcomes: dict | None = None) -> dict:
    """The CSV tables (file name -> DataFrame) of :func:`detail`'s ``rows``, the enrolment by month and, with CSR
    pledges, their outcomes (``sim.pledge_outcomes``' answer)."""
    years, segments, funding, enrolment = DETAIL_TABLES
    tables = {years: pd.DataFrame([_flat(y) for y in rows["years"]]), segments: pd.DataFrame(rows["segments"]),
              funding: pd.DataFrame(rows["funding"]), enrolment: _enrolment_table(model)}
    if pledge_outcomes is not None:
        tables[PLEDGE_TABLE] = _pledge_outcome_table(pledge_outcomes)
    return tables


ASSUMPTIONS = [
    "Enrolment randomness is not varied per Monte Carlo trial: the pipeline runs once per scenario (expected values, "
    "or one seeded sample with pipeline.mode = 'sampled'), and every trial shares that registration path.",
    "Exits are expected values (deterministic run-off), as for deaths; a budget cut falls evenly on a segment's cells.",
    "CSR pledges bring amount x probability each year for exposure (csr_draw = 'expected'); the budget solver treats "
    "each pledge as honoured in full or not at all for its whole duration, independently.",
    "Renewals come before new enrolment at a round; names registered when the money has run out wait for the next "
    "round; money does not carry over between fiscal years.",
    "A year's budget pays for whole fiscal years: a round renews members and admits names to 31 December, also in a "
    "year the horizon ends in before December (the projection runs on to December and keeps the horizon's months), "
    "so the budget answers of such a year are the whole year's.",
    "Names are registered only within the year's quota: a segment's members at a month's end plus the names held for "
    "money never exceed that year's target; verified names beyond it wait on the labour office's list, refill the "
    "places of members who leave (in the month they leave) and are counted as waiting by the next round.",
    "Claim timing is derived once from the expected monthly claim flow; each trial's yearly event benefits are spread "
    "with that pattern; scholarship instalments are paid when due.",
    "UCJ: BPJS TK members outside the scheme and the number of employed persons stay as they are.",
]


def _money_by_period(model: Model, closed) -> list[dict]:
    """Premium per payer bucket per period: from the projection, or each segment's own payer."""
    periods = len(model.period_labels)
    out = [dict() for _ in range(periods)]
    if model.projection is not None:
        for bucket, amounts in model.projection.premium.items():
            by_period = np.bincount(model.period_of_month, weights=amounts.sum(axis=0), minlength=periods)
            for p in range(periods):
                out[p][bucket] = float(by_period[p])
    else:
        for s, e in enumerate(model.segments):
            for p in range(periods):
                out[p][e.segment.payer] = out[p].get(e.segment.payer, 0.0) + float(closed.premium[p, s])
    return out


def _city(money: dict) -> float:
    return sum(v for k, v in money.items() if k in budget.CITY_BUCKETS)


def _claims_timing(model: Model, closed, trials: TrialClaims) -> dict:
    periods = len(model.period_labels)
    amounts, counts = monthly_expected(model)
    timing = model.scenario.planning.claim_timing if model.scenario.planning is not None else None
    pattern = payment_pattern(timing, counts)
    yearly = yearly_pattern(pattern, model.period_of_month, amounts, periods)
    paid = paid_by_year(trials.events[: trials.seen], trials.scholarships[: trials.seen], yearly)
    unpaid = unpaid_at_year_ends(trials.total, paid)
    events_expected = closed.amounts[..., [INDEX[b] for b in EVENT_BENEFITS]].sum(axis=(1, 2))
    scholarships_expected = closed.amounts[..., [INDEX[b] for b in SCHOLARSHIPS]].sum(axis=(1, 2))
    paid_expected = events_expected @ yearly
    paid_expected[:periods] += scholarships_expected
    labels = list(model.period_labels) + ["later"]
    return {
        "paid": paid, "unpaid": unpaid, "paid_expected": paid_expected,
        "unpaid_expected": np.cumsum(events_expected + scholarships_expected) - np.cumsum(paid_expected[:periods]),
        "yearly_pattern": [{"incurred": model.period_labels[p], **{f"paid_{labels[q]}": round(float(yearly[p, q]), 6)
                                                                  for q in range(periods + 1)}} for p in range(periods)],
    }


def _years(model: Model, closed, summary, money, timing, reserve, fan) -> list[dict]:
    out = []
    projection = model.projection
    for p, label in enumerate(model.period_labels):
        s = summary["periods"][p]
        months = int(closed.months_in_period[p])
        members = float(closed.member_months[p].sum() / months)
        member_years = float(closed.member_months[p].sum() / 12)
        city = _city(money[p])
        claims_mean = s["claims_idr"]["mean"]
        row = {
            "year": label,
            "months": months,
            # Its first month in the horizon: January, or the horizon's first in a year it starts in after January
            # ("2026-07"); with year_end_month, which months a part year (months below 12) holds.
            "first_month": model.month_dates[_first_month(model, p)].isoformat()[:7],
            # The month its year-end figures are of: December, or the horizon's last month in a year it ends in
            # before December ("2030-06"), as report.json's planning.years[].year_end_month.
            "year_end_month": model.month_dates[_last_month(model, p)].isoformat()[:7],
            "members": round(members, 2),
            "members_year_end": round(_year_end(model, p), 2),
            "premium_idr": round(s["premium_idr"], 2),
            "premium_by_payer_idr": {k: round(v, 2) for k, v in sorted(money[p].items())},
            "city_money_idr": round(city, 2),
            "claims_incurred_idr": {"mean": claims_mean, "expected": s["claims_expected_idr"],
                                    "p5": s["claims_idr"]["p5"], "p95": s["claims_idr"]["p95"]},
            "claims_paid_idr": {"mean": round(float(timing["paid"][:, p].mean()), 2),
                                "expected": round(float(timing["paid_expected"][p]), 2)},
            "unpaid_year_end_idr": {"mean": round(float(timing["unpaid"][:, p].mean()), 2),
                                    "expected": round(float(timing["unpaid_expected"][p]), 2),
                                    "p5": round(float(np.percentile(timing["unpaid"][:, p], 5)), 2),
                                    "p95": round(float(np.percentile(timing["unpaid"][:, p], 95)), 2)},
            "claim_ratio": s["claim_ratio"],
            "claim_ratio_fan": {k: v for k, v in fan[p].items() if k != "period"},
            "prob_claim_ratio_above_1": s["prob_claim_ratio_above_1"],
            # Per member-year, as compare.json's cost per covered worker and report.json's premium per member: over
            # a year the horizon ends in before December, per average member was part of a year's money.
            "cost_per_covered_worker_idr": round(city / member_years, 2) if member_years > 0 else None,
            "premium_per_member_idr": round(s["premium_idr"] / member_years, 2) if member_years > 0 else None,
            # Expected claims INCURRED in the year by ALL members (those paid for by CSR, SERTAKAN... included) per
            # rupiah of city money (README: years[].benefits_per_city_rupiah).
            "benefits_per_city_rupiah": round(s["claims_expected_idr"] / city, 6) if city > 0 else None,
            "claims_topup_reserve_idr": round(float(reserve[p]), 2),
        }
        if projection is not None:
            flows = _flows(model, p)
            row["joined"] = round(flows["joined"], 2)
            row["left"] = {c: round(v, 2) for c, v in flows["left"].items()}
            row["held_year_end"] = round(float(projection.held[:, _last_month(model, p)].sum()), 2)
            # Verified names beyond the year's quota, on the labour office's list (not waiting for money).
            row["queued_year_end"] = round(float(projection.queued[:, _last_month(model, p)].sum()), 2)
        out.append(row)
    return out


def _first_month(model: Model, p: int) -> int:
    return int(np.flatnonzero(model.period_of_month == p)[0])


def _last_month(model: Model, p: int) -> int:
    return int(np.flatnonzero(model.period_of_month == p)[-1])


def _year_end(model: Model, p: int, s: int | None = None) -> float:
    """Members in force at the end of period ``p`` (31 December, or the horizon's last month), after that month's
    exits: the count a year-end quota target is judged on, with or without a projection. (Without one this once
    read the members at the start of December, before its deaths.)"""
    last = _last_month(model, p)
    segs = model.segments if s is None else [model.segments[s]]
    return float(sum(e.closing[last] for e in segs))


def _flows(model: Model, p: int, s: int | None = None) -> dict:
    months = model.period_of_month == p
    names = model.projection.names if s is None else [model.projection.names[s]]
    ledgers = [model.projection.ledgers[n] for n in names]
    return {"joined": float(sum(l.joined[months].sum() for l in ledgers)),
            "left": {c: float(sum(l.left[c][months].sum() for l in ledgers)) for c in EXIT_CAUSES}}


def _segments(model: Model, closed) -> list[dict]:
    rows = []
    for p, label in enumerate(model.period_labels):
        months = int(closed.months_in_period[p])
        for s, e in enumerate(model.segments):
            row = {"year": label, "segment": e.segment.name, "payer": e.segment.payer,
                   "members": round(float(closed.member_months[p, s] / months), 2),
                   "members_year_end": round(_year_end(model, p, s), 2),
                   "premium_idr": round(float(closed.premium[p, s]), 2)}
            if model.projection is not None:
                flows = _flows(model, p, s)
                target = model.projection.targets.get((e.segment.name, int(label)))
                row.update({"target_year_end": None if target is None else round(target, 2),
                            "joined": round(flows["joined"], 2),
                            **{f"left_{c}": round(v, 2) for c, v in flows["left"].items()},
                            "held_year_end": round(float(model.projection.held[s, _last_month(model, p)]), 2),
                            "queued_year_end": round(float(model.projection.queued[s, _last_month(model, p)]), 2)})
                months_p = model.period_of_month == p
                for src, mm in sorted(model.projection.member_months.items()):
                    row[f"member_months_{src}"] = round(float(mm[s, months_p].sum()), 2)
            rows.append(row)
    return rows


def _budget_cuts(model: Model) -> list[dict]:
    """Per year and segment with any: current members not renewed at the year's round for lack of money, with the
    segment's payer (a segment paid by DBH-CHT or CSR has no APBD to fall back on: ``sim.funding``)."""
    proj = model.projection
    if proj is None:
        return []
    payer_of = {s.name: s.payer for s in model.scenario.segments}
    rows = []
    for p, label in enumerate(model.period_labels):
        for name, cut in zip(proj.names, proj.not_renewed(model.period_of_month == p)):
            if cut > CUT_SHOWN:
                rows.append({"year": label, "segment": name, "payer": payer_of.get(name, APBD),
                             "not_renewed": round(cut, 2)})
    return rows



def _funding(model: Model) -> list[dict]:
    """Per fiscal year and payer: money available (limited sources), spent, and unspent. In a year the horizon ends
    in before December, spent on its months in the horizon (``Projection.spent``), against the full year's money."""
    if model.projection is None:
        return []
    t = model.projection.treasury
    rows = []
    for year in model.projection.fiscal_years():
        available = t.available.get(year, {})
        spent = model.projection.spent(year)
        for bucket in sorted(set(available) | set(spent)):
            a = available.get(bucket)
            rows.append({"year": year, "payer": bucket,
                         "limited": bool(bucket not in EXTERNAL_PAYERS and a is not None and np.isfinite(a)),
                         "available_idr": None if a is None or not np.isfinite(a) else round(a, 2),
                         "spent_idr": round(float(spent.get(bucket, 0.0)), 2),
                         "unspent_idr": None if a is None or not np.isfinite(a) else round(a - spent.get(bucket, 0.0), 2)})
    return rows


def _enrolment_table(model: Model) -> pd.DataFrame:
    """Per month and segment: names proposed, taken and rejected at each stage, registered, admitted (joined),
    held, queued, members in force during the month (before its exits) and left by cause."""
    proj = model.projection
    if proj is None:
        return pd.DataFrame()
    rows = []
    for m, date in enumerate(model.month_dates):
        for s, name in enumerate(proj.names):
            ledger = proj.ledgers[name]
            row = {"month": date.isoformat()[:7], "segment": name}
            if proj.pipeline is not None:
                row["proposed"] = round(proj.pipeline.proposed.get((name, m), 0.0), 4)
                for stage, log in proj.pipeline.logs.items():
                    row[f"{stage}_taken"] = round(log.taken.get((name, m), 0.0), 4)
                    row[f"{stage}_rejected"] = round(log.rejected.get((name, m), 0.0), 4)
            row.update({"registered": round(float(proj.arrived[s, m]), 4), "admitted": round(float(proj.admitted[s, m]), 4),
                        "held": round(float(proj.held[s, m]), 4), "queued": round(float(proj.queued[s, m]), 4),
                        "members": round(float(ledger.members()[m]), 4),
                        **{f"left_{c}": round(float(ledger.left[c][m]), 4) for c in EXIT_CAUSES}})
            rows.append(row)
    return pd.DataFrame(rows)


def _enrolment_summary(model: Model) -> list[dict]:
    """Per fiscal year and segment: names proposed, rejected (all stages), registered, admitted."""
    proj = model.projection
    if proj is None or proj.pipeline is None:
        return []
    rows = []
    for p, label in enumerate(model.period_labels):
        months = set(np.flatnonzero(model.period_of_month == p).tolist())
        for s, name in enumerate(proj.names):
            def total(d):
                return round(sum(v for (n, m), v in d.items() if n == name and m in months), 2)

            rows.append({"year": label, "segment": name, "proposed": total(proj.pipeline.proposed),
                         "rejected": round(sum(total(log.rejected) for log in proj.pipeline.logs.values()), 2),
                         "registered": round(float(proj.arrived[s, sorted(months)].sum()), 2),
                         "admitted": round(float(proj.admitted[s, sorted(months)].sum()), 2)})
    return rows


def _pledge_outcome_table(answer: dict) -> pd.DataFrame:
    """plan_pledge_outcomes.csv: a row per pledge outcome and fiscal year."""
    def cells(year: dict) -> dict:  # members not renewed by segment as "segment count", joined with ";"
        by_segment = ";".join(f"{n} {fixed(v, column_decimals('not_renewed'))}"  # as the not_renewed column
                              for n, v in year["not_renewed_by_segment"].items())
        return {**year, "not_renewed_by_segment": by_segment}

    return pd.DataFrame([{"honoured": ";".join(o["honoured"]), "failed": ";".join(o["failed"]),
                          "probability": o["probability"], "probability_failed": o["probability_failed"],
                          **cells(y)}
                         for o in answer["outcomes"] for y in o["years"]])


def _flat(row: dict) -> dict:
    out = {}
    for k, v in row.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[f"{k}_{k2}"] = v2
        else:
            out[k] = v
    return out


def write_plan(scenario: Scenario, out_dir: Path, confidence: float = DEFAULT_CONFIDENCE,
               chunk_trials: int = DEFAULT_CHUNK_TRIALS, progress=None, sensitivity: bool = True) -> dict:
    """Run :func:`plan` and write its files into ``out_dir`` atomically; return plan.json's content."""
    with atomic_directory(out_dir, replaces=FORECAST_FILES) as tmp:
        summary, plan_json, tables = plan(scenario, confidence, chunk_trials, progress, sensitivity)
        write_json(tmp / "summary.json", summary)
        write_json(tmp / "scenario.json", scenario.resolved)
        write_json(tmp / "plan.json", plan_json)
        for name, frame in tables.items():
            write_table(frame, tmp / name)  # plan_*.csv and tornado.csv alike
    return plan_json


# A plan_*.csv float column's decimals (:func:`write_table`): shares, ratios and probabilities (a claim ratio and its
# fan, benefits per city rupiah, the UCJ, a pledge outcome's probability) to 4, a hundredth of a percentage point;
# rupiah and people (members, names, member-months) to 2. Before, each column kept the rounding of where it came
# from: claims incurred 4 decimals beside claims paid 2, the fan 6 beside the claim ratio 4, enrolment 4.
# tornado.csv's swings and refitted multipliers are shares too. Its parameter columns (an assumption's value and the
# ends of its range, in the assumption's own unit: a rate of 0.0005, an age shift of -5) are written as stated (None).
SHARE_DECIMALS, AMOUNT_DECIMALS = 4, 2
SHARE_COLUMNS = ("claim_ratio", "prob", "benefits_per_city_rupiah", "ucj", "largest_relative_swing",
                 "mortality_scale", "accident_scale")
STATED_COLUMNS = ("value", "low", "high")


def column_decimals(column: str) -> int | None:
    if column in STATED_COLUMNS:
        return None
    return SHARE_DECIMALS if column.startswith(SHARE_COLUMNS) else AMOUNT_DECIMALS


def fixed(value: float, decimals: int | None) -> str:
    """A number as a CSV cell: with ``decimals`` fixed (None: as stated), never "-0.00" (a rounded zero is 0)."""
    if decimals is None:
        return str(float(value) + 0.0)
    return f"{round(value, decimals) + 0.0:.{decimals}f}"


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """A plan_*.csv table (``sim plan`` and a report's folder alike) or ``sim plan``'s tornado.csv: each float column
    with its fixed decimals (:func:`column_decimals`), an empty cell for a missing value, and never "-0.00": an amount
    that rounds to zero is 0 (madiun-2026-ucj-csr's plan_funding.csv had unspent_idr -0.0, a pledge spent to the
    last rupiah)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            d = column_decimals(str(column))
            out[column] = [fixed(v, d) if pd.notna(v) else "" for v in out[column]]
    out.to_csv(path, index=False, lineterminator="\n")


def _largest_coverage_text(lc: dict, year_ends: dict | None = None, labels: dict | None = None,
                           table: dict | None = None, pledges: bool = False) -> str:
    """The terminal's answer on the largest coverage. A multiple the money limits also gives the members it keeps at
    the horizon's last year-end (``year_ends``: plan.json's ``years[].year_end_month`` by year), since "83.2% of the
    members the quota path adds" alone does not tell a reader how many people that is, and why they differ from
    the year table's (``table``: plan.json's ``years`` rows by year as int; ``pledges``: the table
    counts CSR pledges at amount x probability; :func:`_table_members_words`).
    ``labels``: segments' and pledges' names (:func:`entry_labels`), else their keys."""
    status = lc.get("status")
    if status == "none":
        zero = lc.get("at_no_growth") or {}
        binds = _what_binds_text(zero, labels)
        if binds:
            return "none" + _coverage_basis(lc, " at {:.0%} confidence") + ": " + binds
        why = ("does not even renew the current members" if zero.get("not_renewed", 0) > CUT_SHOWN
               else "does not even pay for the names that replace members who leave")
        return f"none: no growth is affordable; even with no members added the money {why}"
    if status == "no_growth":
        return "n/a (no growth planned: every quota target is at or below the starting members)"
    if status == "no_target":
        return "n/a (no quota target falls at a year-end within the horizon)"
    if status == "pipeline":
        if lc["scale"] < 0.0005:
            return ("limited by the enrolment pipeline, not money: even with unlimited money it enrols none of the "
                    "members the quota path adds by the year-end targets")
        return (f"limited by the enrolment pipeline, not money: above {_share_added(lc['scale'])} it misses a "
                "year-end target even with unlimited money")
    text = _share_added(lc["scale"])
    if status == "capped":
        text += " (neither money nor the pipeline binds up to the largest multiple tried)"
    elif lc.get("members_year_end"):
        last = max(int(r["year"]) for r in lc["members_year_end"])
        members = sum(r["members"] for r in lc["members_year_end"] if int(r["year"]) == last)
        end = _year_end_words({"year": last, "year_end_month": (year_ends or {}).get(str(last))})
        text += (f" ({members:,.0f} members at the end of {end}, nobody cut or waiting for money"
                 + _table_members_words(members, (table or {}).get(last), pledges) + ")")
    return text + _coverage_basis(lc)


def _share_added(scale: float) -> str:
    """The largest coverage's multiple as a share of the growth: each segment's year-end target is its starting
    members plus ``scale`` x (the quota path's target - the starting members) (``enrolment``'s quota.scale). A
    planner read "0.539 x the quota path's growth" as a formula; the notebook says it as a share (nb_coverage_scale),
    to the same three figures."""
    return f"{scale:.1%} of the members the quota path adds"


def _table_members_words(members: float, row: dict | None, pledges: bool) -> str:
    """Why the largest coverage's members differ from the year table's at the same year-end (``row``: plan.json's
    ``years`` row): a planner saw madiun-2026-ucj-csr's 26,037 beside the table's 26,753 with no word why. The table
    runs the full quota path with the scenario's money (``pledges``: each CSR pledge at amount x probability),
    enrolling as fast as the path asks while the money lasts and then leaving names waiting; the largest coverage is
    a smaller path, growing every year by the same share of the quota path's growth, that nobody waits in (and, at a
    confidence, whichever pledges fail within it). "" when the two agree as shown."""
    if row is None or round(row["members_year_end"]) == round(members):
        return ""
    waiting = row.get("held_year_end", 0)
    return (f"; the table's {row['members_year_end']:,.0f} follow the full quota path with the scenario's money"
            + (", each CSR pledge at amount x probability" if pledges else "")
            + ", enrolling as fast as the path asks while the money lasts"
            + (f" and then leaving names waiting, {waiting:,.0f} at that year-end" if round(waiting) > 0 else ""))


def _what_binds_text(zero: dict, labels: dict | None = None) -> str:
    """What binds with the growth at 0 (``at_no_growth``' by_segment and failed_pledges): which segments' members are
    not renewed or wait, and whose money they depend on. Empty for an answer without those fields, or when the APBD
    binds too (the plain "does not even renew the current members" then holds). ``labels``: segments' and pledges'
    names (:func:`entry_labels`), else their keys."""
    rows = zero.get("by_segment")
    if not rows or zero.get("apbd_binds"):
        return ""
    segment, pledge = _namer(labels, "segments"), _namer(labels, "pledges")
    failed = zero.get("failed_pledges") or []
    who = "; ".join(f"{segment(r['segment'])}: {r['not_renewed']:,.0f} {r['payer']}-paid members not renewed"
                    + (f", {r['held_max']:,.0f} names waiting" if r["held_max"] > CUT_SHOWN else "") for r in rows)
    if failed:
        pledges = Language("en").join(f"{pledge(p['name'])} (probability {p['probability_failed']:.0%})"
                                      for p in failed)
        text = (f"if the CSR pledge{'s' if len(failed) > 1 else ''} {pledges} {'are' if len(failed) > 1 else 'is'} "
                f"not honoured, {who}")
    else:
        text = f"with the growth at 0, {who}"
    payers = sorted({r["payer"] for r in rows})
    return text + f"; the APBD is not what binds (those members depend on {Language('en').join(payers)} money)"


def _coverage_basis(lc: dict, at: str = ", at {:.0%} over which CSR pledges are honoured") -> str:
    if lc.get("basis") == "confidence":
        return at.format(lc["confidence"])
    if lc.get("basis") == "expected_csr":
        return ", with the expected CSR money (amount x probability; not at the confidence)"
    return ""


def _no_bind_words(money: str, probability: float, outcomes: int) -> str:
    """The check of a money answer re-run with it (``budget.verify_budget``, ``csr_gap``): "money does not bind with
    probability 100%" read as jargon. It is the probability, over which CSR pledges are honoured (``outcomes`` > 1:
    the combinations, not the claims' trials), that nobody is left unrenewed nor any registered name waiting for money
    (``expansion.money_bound``); the words are the notebook's (nb_gap_no_bind)."""
    over = " over which CSR pledges are honoured" if outcomes > 1 else ""
    return f"with {money}, no member goes unrenewed or waits for money with probability {probability:.0%}{over}"


def _csr_gap_lines(gap: dict, outcomes: int, rupiah, part_years: frozenset = frozenset(),
                   labels: dict | None = None) -> list[str]:
    """The CSR-gap answer with its own check: the probability and the UCJ come from re-running with the money. The
    money of a year of ``part_years`` (:func:`_part_need_years`: a year the horizon starts in after January) is
    starred: its months from the start only (a year the horizon ends in before December needs a whole year's).
    ``labels``: segments' names (:func:`entry_labels`), else their keys; "; " parts them (labels hold commas)."""
    confidence = gap["confidence"]
    segment = _namer(labels, "segments")

    def ucj(rows):
        final = rows[-1]
        at = f", reached with probability >= {confidence:.0%}" if outcomes > 1 else ""
        return f"UCJ at the end of {_year_end_words(final)} {final['ucj']:.1%}{at}"

    p = gap["probability_money_does_not_bind_with_it"]
    lines = [f"CSR money for the UCJ segments ({'; '.join(map(segment, gap['segments']))}) to close the gap to the "
             "UCJ target: "
             + _by_year(gap["years"], "csr_idr", rupiah, part_years)
             + f"; {_no_bind_words('it', p, outcomes)} ({ucj(gap['ucj_with_gap_closed'])})"]
    short = gap.get("shortfall_outside_ucj")
    if short:
        payers = "APBD" if short["payers"] == ["APBD"] else "city money (" + ", ".join(short["payers"]) + ")"
        lines.append(f"{payers} short for segments outside the UCJ allocation "
                     f"({'; '.join(map(segment, gap['other_city_segments']))}), "
                     "not covered by that CSR money: " + _by_year(short["years"], "shortfall_idr", rupiah, part_years)
                     + f"; {_no_bind_words('both', short['probability_money_does_not_bind_with_both'], outcomes)}"
                       f" ({ucj(short['ucj_with_both'])})")
    if p < confidence - 1e-9:
        cut = gap.get("not_renewed_with_it") or {}
        lines.append(f"WARNING: the CSR money alone does not close the gap at {confidence:.0%}"
                     + (" (members still not renewed: " + "; ".join(f"{v:,.0f} {segment(n)}" for n, v in cut.items())
                        + ")" if cut else ""))
    return lines


def _year_end_words(row: dict) -> str:
    """The end of a year of UCJ rows (:func:`sim.budget.ucj_by_year`): the year when its December is in the horizon,
    else the horizon's last month ("June 2030 (the horizon's end)"), whose UCJ is not that of 31 December (as the
    report's ``plan_item_ucj_month``)."""
    month = row.get("year_end_month")
    if month is None or month.endswith("-12"):
        return str(row["year"])
    return f"{Language('en').iso_date(month)} (the horizon's end)"


def _planned_ucj_line(rows: list[dict]) -> str:
    """UCJ at each year-end of the plan (:func:`sim.budget.ucj_by_year`), a part year's by its last month. Named for
    the scenario's own money, with the target: "as planned" read as the plan that closes the CSR gap (the CSR-gap
    line's UCJ, madiun-2026-ucj-csr's 70.0 % in 2030, where this line has 63.1 %)."""
    target = next((u for u in rows if u.get("target") is not None), None)
    of = f" (target {target['target']:.1%} in {_year_end_words(target)})" if target else ""
    return f"UCJ with the scenario's money{of}: " + ", ".join(f"{_year_end_words(u)} {u['ucj']:.1%}" for u in rows)


def _pledge_outcome_lines(answer: dict, rupiah, part_years: frozenset, year_ends: dict,
                          need_years: frozenset = frozenset(), labels: dict | None = None,
                          horizon: tuple | None = None) -> list[str]:
    """A line per pledge outcome: its probability, the last year's members, the members not renewed and the most
    names waiting at a year-end over the horizon with the year-end it falls at (:func:`_most_waiting`), and the APBD
    each year needs to keep the plan in that outcome. A year of ``part_years`` (:func:`_part_years`) is starred as
    in the table above, whose '* part of a year' line says why: its members are the horizon's last month's, its
    APBD spent that of its months in the horizon; the APBD needed is starred in a year of ``need_years``
    (:func:`_part_need_years`) only, a year the horizon ends in before December needing a whole year's.
    ``year_ends``: each year's year-end month (plan.json ``years[].year_end_month``); ``labels``: each pledge's name
    (:func:`entry_labels`), also in the note on a pledge outside the ``horizon`` (its first and last months, as
    dates), which plan.json's note names by its key."""
    outcomes = answer["outcomes"]
    said = answer["note"]
    if answer.get("outside_horizon") and horizon:
        said = note(answer["all_combinations"], answer["outside_horizon"], *horizon, labels)
    last = _year_label(outcomes[0]["years"][-1]["year"], part_years)
    width = max(len(_outcome_name(o, labels)) for o in outcomes)
    waiting = [_most_waiting(o, year_ends) for o in outcomes]
    held_width = max(len(f"{o['held_max']:,.0f}") for o in outcomes)
    cells = [f"{o['held_max']:>{held_width},.0f}{at}" for o, at in zip(outcomes, waiting)]
    cell_width = max(len("most waiting"), *map(len, cells))

    def by_year(rows: list, key: str) -> str:
        return _by_year(rows, key, rupiah, need_years if key == "apbd_needed_idr" else part_years)

    # "Firms in Kota Madiun fails 15%" read as that pledge's chance of failing (30 %), "members 2030 | not renewed"
    # as 2030's: the columns say what they are.
    lines = [f"If CSR pledges are not honoured (the table above counts each at amount x probability); {said}; prob: "
             f"the chance of that exact combination; not renewed: over the horizon:",
             f"  {'outcome':<{width}} {'prob':>5} {f'members {last}':>13} {'not renewed':>11} "
             f"{'most waiting':<{cell_width}}  APBD needed to keep the plan"]
    for o, cell in zip(outcomes, cells):
        years = o["years"]
        lines.append(f"  {_outcome_name(o, labels):<{width}} {o['probability']:>5.0%} "
                     f"{years[-1]['members_year_end']:>13,.0f} "
                     f"{o['not_renewed']:>11,.0f} {cell:<{cell_width}}  " + by_year(years, "apbd_needed_idr"))
    if answer["expected"] is not None:
        # The APBD spent stops at the budget; where money binds only the need says what keeping the plan takes.
        lines.append("  APBD premiums averaged over the outcomes by probability, paid within the APBD budget: "
                     + by_year(answer["expected"], "apbd_spent_idr"))
        lines.append("  APBD needed to keep the plan, averaged the same way (the plan's expected APBD cost; to budget "
                     "for it at the confidence, the 'APBD needed' line above): "
                     + by_year(answer["expected"], "apbd_needed_idr"))
    return lines


def _most_waiting(outcome: dict, year_ends: dict) -> str:
    """When an outcome's most names wait for money (``held_max``): " at the end of 2029", or in a year the horizon
    ends in before December " at the end of June 2030 (the horizon's end)" (:func:`_year_end_words`), the first
    year-end with that many; "" when none waits (as shown, rounded)."""
    if round(outcome["held_max"]) == 0:
        return ""
    year = next(y["year"] for y in outcome["years"] if y["held_year_end"] == outcome["held_max"])
    return f" at the end of {_year_end_words({'year': year, 'year_end_month': year_ends.get(str(year))})}"


def _by_year(rows: list, key: str, rupiah, part_years: frozenset) -> str:
    """Money by year on one line ("2029 Rp4.62 bn, 2030* Rp2.22 bn"), a year of ``part_years`` starred."""
    return ", ".join(f"{_year_label(r['year'], part_years)} {rupiah(r[key])}" for r in rows)


def _part_years(result: dict) -> frozenset:
    """The plan's years only partly inside the horizon (plan.json ``years[].months`` below 12), as text ("2030")."""
    return frozenset(y["year"] for y in result["years"] if y["months"] < 12)


def _part_need_years(result: dict) -> frozenset:
    """The plan's years whose budget answers (the APBD needed, the CSR gap, a stated budget against the APBD premium)
    cover part of a year: those the horizon starts in after January, from their first month. A year it ends in
    before December needs a whole year's money (``sim.budget``: a budget is for a whole fiscal year)."""
    return frozenset(y["year"] for y in result["years"] if y["months"] < 12 and not y["first_month"].endswith("-01"))


def _year_label(year, part_years: frozenset) -> str:
    """A year on the terminal, starred when it is only partly inside the horizon (the '* part of a year' line)."""
    return f"{year}*" if str(year) in part_years else str(year)


def _outcome_name(outcome: dict, labels: dict | None = None) -> str:
    """A pledge outcome's name on the terminal (``pledge_outcomes.outcome_name`` decides which kind), each failed
    pledge by its label (``labels``, :func:`entry_labels`) or else its key."""
    kind, failed = outcome_name(outcome)
    if kind == FAILED:
        named = [(labels or {}).get(n, n) for n in failed]
        return Language("en").join(named) + (" fails" if len(failed) == 1 else " fail")  # "a, b and c fail"
    return {ALL_HONOURED: "all honoured", NONE_HONOURED: "none honoured"}[kind]


# The year table's columns in words, on two header lines to keep the words about as wide as the figures: a label over
# the columns it spans, then each column's own. A planner read "cut", "held", "Rp/worker" and "benefit/Rp" and had to
# look them up in the README. The words are those of the lines under the table (the WARNING line's members "not renewed
# (cut)", the targets line's "names wait for money") and of compare's rows; "city money" is APBD and DBH-CHT
# (funding.CITY_PAYERS).
YEAR_HEADER = (("", 1), ("members in force", 2), ("not", 1), ("waiting", 1), ("premium paid by", 2),
               ("claims in the year", 2), ("unpaid at", 1), ("claim ratio", 1), ("city money", 1), ("claims per", 1))
YEAR_COLUMNS = ("year", "average", "year-end", "renewed", "for money", "all payers", "the city", "incurred", "paid",
                "year-end", "90% band", "per member", "city rupiah")


# The last column's meaning was only in README, far below the example: a legend under the table, no wider than it.
CLAIMS_PER_CITY_RUPIAH = ("claims per city rupiah: expected claims incurred in the year by all members, whoever pays, "
                          "per rupiah of city money (APBD and DBH-CHT)")


def _year_lines(result: dict, rupiah) -> list[str]:
    """The plan's title line and its table on the terminal: a row per year, a part year marked and said so."""
    part_years = _part_years(result)
    rows = []
    for y in result["years"]:
        fan, per_member, per_rp = y["claim_ratio_fan"], y["cost_per_covered_worker_idr"], y["benefits_per_city_rupiah"]
        rows.append([_year_label(y["year"], part_years), f"{y['members']:,.0f}", f"{y['members_year_end']:,.0f}",
                     f"{y.get('left', {}).get('budget', 0):,.0f}", f"{y.get('held_year_end', 0):,.0f}",
                     rupiah(y["premium_idr"]), rupiah(y["city_money_idr"]), rupiah(y["claims_incurred_idr"]["mean"]),
                     rupiah(y["claims_paid_idr"]["mean"]), rupiah(y["unpaid_year_end_idr"]["mean"]),
                     "-" if fan.get("p5") is None else f"{fan['p5']:.0%}-{fan['p95']:.0%}",
                     "-" if per_member is None else rupiah(per_member), "-" if per_rp is None else f"{per_rp:.2f}"])
    # Without CSR pledges in the horizon the money is certain (premiums are known given the members): "budget answers
    # at 90%" there read as if the APBD needed had a 10% chance of falling short.
    uncertain = result["budget"]["budget_needed"].get("outcomes", 1) > 1
    at = (f"budget answers at {result['confidence']:.0%} over which CSR pledges are honoured" if uncertain
          else "budget answers certain (no CSR pledges: the money is known)")
    lines = [f"{result['title']} ({result['scenario_id']}), {result['trials']:,} trials, seed {result['seed']}; {at}",
             *_table(YEAR_HEADER, YEAR_COLUMNS, rows), CLAIMS_PER_CITY_RUPIAH]
    partial = [y for y in result["years"] if y["months"] < 12]
    if partial:
        lines.append(_part_year_line(partial))
    return lines


def _table(header: tuple, columns: tuple, rows: list[list[str]]) -> list[str]:
    """A table's two header lines and its rows, right-aligned, each column as wide as its words or widest cell and
    two spaces from the next, so that two-word labels ("for money", "all payers") and money ("Rp3.35 bn") do not
    run together. ``header``: (label, how many columns it spans); a label over one column is right-aligned as its
    cells, one over several centred over them, the last of them widened where the label is longer."""
    widths = [max([len(name), *(len(row[k]) for row in rows)]) for k, name in enumerate(columns)]
    tops, first = [], 0
    for label, span in header:
        last = first + span - 1
        widths[last] += max(0, len(label) - (sum(widths[first:last + 1]) + 2 * (span - 1)))
        tops.append(label.rjust(widths[last]) if span == 1
                    else label.center(sum(widths[first:last + 1]) + 2 * (span - 1)))
        first = last + 1
    return ["  ".join(tops).rstrip(),
            *("  ".join(cell.rjust(width) for cell, width in zip(cells, widths)) for cells in (columns, *rows))]


def _part_year_line(partial: list) -> str:
    """The '* part of a year' line under the terminal's table: each part year's months in the horizon (a horizon
    starting after January or ending before December), that its row and the money starred below are those months'
    only, and, for a year the horizon ends in before December, that its year-end is the horizon's last month (a year
    the horizon starts in after January still ends on 31 December) and that its APBD needed is a whole year's."""
    en = Language("en")

    def months(y: dict) -> str:  # "July-December 2025": the terminal's text is ASCII (no en dash)
        return en.months(y["first_month"], y["year_end_month"], dash="-")

    early = [y for y in partial if not y["year_end_month"].endswith("-12")]
    ends = "".join(f", {y['year']}'s year-end is the end of {en.iso_date(y['year_end_month'])}" for y in early)
    def need(y: dict) -> str:  # a year starting in January needs a whole year's; one starting later, its months on
        return ("a whole year's" if y["first_month"].endswith("-01")
                else f"that of {en.months_to_december(y['first_month'], dash='-')}")

    whole = ("".join(f"; the APBD needed (and any CSR gap) in {y['year']} is {need(y)}" for y in early)
             + ", its members being renewed to 31 December") if early else ""
    return ("* part of a year: " + ", ".join(f"{y['year']} has {y['months']} months in the horizon "
                                             f"({months(y)})" for y in partial)
            + "; its row (but the city money per member, a full year's) and the money starred below cover those "
              "months only" + ends
            + " (a full year's budget against part of a year's premiums: a full year of those members costs more)"
            + whole)


def format_plan(result: dict, rupiah, names: dict | None = None, labels: dict | None = None,
                notes: list[str] = ()) -> str:
    """The plan on the terminal: a line per year, then the budget answers. ``names``: the sensitivity line's
    readable parameter names (:func:`sensitivity_names`); ``labels``: segments' and pledges' (:func:`entry_labels`),
    without which they are named by their keys, as in plan.json; ``notes``: lines put under the APBD's budget
    (``cli.unused_budget_lines``: an inherited [budget] value the plan does not use)."""
    labels = labels or {}
    segment = _namer(labels, "segments")
    lines = _year_lines(result, rupiah)
    cuts = result.get("budget_cuts") or []
    if cuts:
        lines.append("WARNING: the money does not renew all current members; not renewed (cut) at the year's round: "
                     + "; ".join(f"{c['year']}: {c['not_renewed']:,.0f} {segment(c['segment'])}" for c in cuts))
    answers = result["budget"]
    # A year the horizon holds only part of (ending before December or starting after January): its money below
    # (those months' only) starred, as its row above; but a year it ends in before December needs a whole year's
    # budget (sim.budget), starred only in a year it starts in after January (part_need).
    part_years, part_need = _part_years(result), _part_need_years(result)
    need = answers["budget_needed"]
    # The report's words ("to reach the year-end targets"): "quota path" alone was not among README's words.
    what = "to reach the year-end targets" if need.get("for") == "quota_path" else "for these members"
    # Where DBH-CHT pays premiums, "the city" column above holds it and the need does not: say so, as the report does.
    dbh = any(r["payer"] == DBH_CHT and r["spent_idr"] > 0 for r in result.get("funding", []))
    only = "premiums only, excluding DBH-CHT" if dbh else "premiums only"
    line = f"APBD needed {what} ({only}): " + _by_year(need["years"], "budget_idr", rupiah, part_need)
    if "probability_money_does_not_bind" in need:
        line += "; " + _no_bind_words("this APBD", need["probability_money_does_not_bind"], need.get("outcomes", 1))
    lines.append(line)
    pledges_not_counted = _pledges_not_counted_line(result, rupiah, part_need, labels.get("pledges"))
    if pledges_not_counted:
        lines.append(pledges_not_counted)
    apbd_budget = _apbd_budget_line(result, rupiah, part_need)
    if apbd_budget:
        lines.append(apbd_budget)
    lines += notes
    missed_for_money = _targets_missed_line(result, labels.get("segments"))
    if missed_for_money:
        lines.append(missed_for_money)
    # A segment paid by DBH-CHT or CSR alone is cut when that money runs out, whatever the APBD: say so, or the APBD
    # needed above (and its low probability) reads as the fix.
    others = {c["segment"]: c["payer"] for c in cuts if c.get("payer", APBD) != APBD}
    if others:
        lines.append("Not renewed for lack of money other than the APBD: " + "; ".join(
            f"{segment(name)} (payer {payer})" for name, payer in others.items())
            + ". The APBD does not pay for a segment whose payer is not APBD, so no APBD budget renews them: raise "
              "that money (funding.dbh_cht_budget, a pledge's amount), or make the segment's payer APBD and list it "
              "with the money (funding.dbh_cht_segments, a pledge's segments), which then pays first and the APBD "
              "the rest")
    stated = answers.get("stated_budget")
    if stated:
        # What the premium is of: sim run's "left" is after a full year of every starting member (summary.json
        # budget), this one after the members in force, fewer as they die or leave: a planner saw Rp110.3 m left
        # there and Rp118.1 m here with no word why.
        lines.append(f"Stated budget {rupiah(stated['annual_budget_idr'])} a year; left after each year's APBD premium "
                     f"for {STATED_PREMIUM_OF}: "
                     + ", ".join(f"{_year_label(r['year'], part_need)} " + (
                         rupiah(r["left_idr"]) if r["left_idr"] >= 0 else f"short by {rupiah(-r['left_idr'])}")
                                 for r in stated["years"]))
    missed = [t for t in need.get("targets_with_unlimited_budget", []) if t["reached"] is False]
    if missed:
        lines.append("Not reached even with unlimited money (the pipeline is too slow): " + "; ".join(
            f"{segment(t['segment'])} {t['year']} ({t['members_year_end']:,.0f} of {t['target']:,.0f})"
            for t in missed))
    # A horizon shortened or moved with --set: the scenario's targets and money outside it are kept, unused.
    for side, year in (("before", result["years"][0]["year"]), ("after", result["years"][-1]["year"])):
        targets, money = result.get(f"targets_{side}_horizon") or [], result.get(f"money_{side}_horizon") or []
        if targets or money:
            lines.append(_not_used_line(targets, money, side, year, rupiah, labels))
    if "largest_coverage" in answers:
        year_ends = {y["year"]: y["year_end_month"] for y in result["years"]}
        table = {int(y["year"]): y for y in result["years"]}
        lines.append("Largest coverage the budget funds: "
                     + _largest_coverage_text(answers["largest_coverage"], year_ends, labels, table,
                                              need.get("outcomes", 1) > 1))
    if "csr_gap_to_ucj" in answers:
        lines.extend(_csr_gap_lines(answers["csr_gap_to_ucj"], need.get("outcomes", 1), rupiah, part_need, labels))
    if "pledge_outcomes" in answers:
        year_ends = {y["year"]: y["year_end_month"] for y in result["years"]}
        first, last = result["years"][0]["first_month"], result["years"][-1]["year_end_month"]
        horizon = tuple(dt.date.fromisoformat(f"{m}-01") for m in (first, last))
        lines.extend(_pledge_outcome_lines(answers["pledge_outcomes"], rupiah, part_years, year_ends, part_need,
                                           labels.get("pledges"), horizon))
    if result.get("ucj"):
        lines.append(_planned_ucj_line(result["ucj"]))
    reserve = answers["claims_topup_reserve"]
    # At the confidence over the claims' trials, where the APBD needed's is over which pledges are honoured: say so.
    lines.append(f"Claims top-up reserve at {reserve['confidence']:.0%} (a year's claims above its premiums, exceeded "
                 f"in {1 - reserve['confidence']:.0%} of the trials; if the city covered them, which the scheme does "
                 "not ask): "
                 + _by_year(answers["claims_topup_reserve"]["years"], "reserve_idr", rupiah, part_years))
    if result["tornado"]:
        lines.append(_sensitivities_line(result["tornado"], names))
    return "\n".join(lines)


# What sim plan's stated budget is set against (its line, above), beside sim run's (cli.FULL_YEAR_PREMIUM_OF).
STATED_PREMIUM_OF = "the members in force month by month (none paid for after dying or leaving)"


def _apbd_budget_line(result: dict, rupiah, part_need: frozenset) -> str | None:
    """The scenario's own APBD budget (plan.json ``funding``, payer APBD, ``available_idr``) set against the APBD
    needed above, year by year: what is left, or how much it is short. The terminal gave the need alone, so a planner
    had to find the budget in the scenario file to see that madiun-2026-ucj-csr's Rp4 bn falls short from 2028 (the
    report's APBD table shades those rows: ``report_planning._budget_short`` compares the same two figures). None
    without a limited APBD budget in a [funding] table (a [budget] table's stated budget has a line of its own)."""
    if result["budget"].get("stated_budget"):
        return None
    available = {int(f["year"]): f["available_idr"] for f in result.get("funding") or []
                 if f["payer"] == APBD and f["limited"] and f["available_idr"] is not None}
    rows = [(r["year"], available[int(r["year"])], available[int(r["year"])] - r["budget_idr"])
            for r in result["budget"]["budget_needed"]["years"] if int(r["year"]) in available]
    if not rows:
        return None

    def left(value: float) -> str:
        return f"{rupiah(value)} left" if value >= 0 else f"short by {rupiah(-value)}"

    if len({a for _, a, _ in rows}) == 1:
        items = ", ".join(f"{_year_label(y, part_need)} {left(v)}" for y, _, v in rows)
        line = f"APBD budget in the scenario {rupiah(rows[0][1])} a year, against the APBD needed: {items}"
    else:
        items = ", ".join(f"{_year_label(y, part_need)} {rupiah(a)} ({left(v)})" for y, a, v in rows)
        line = f"APBD budget in the scenario, against the APBD needed: {items}"
    if any(v < 0 for _, _, v in rows):
        need = result["budget"]["budget_needed"]
        at = f" at {need['confidence']:.0%}" if need.get("outcomes", 1) > 1 else ""  # over which pledges are honoured
        what = ("the year-end targets are not reached" if need.get("for") == "quota_path"
                else "not all members are renewed")
        line += (f"; where it is short, {what}{at} (members cut or names waiting): raise "
                 "funding.apbd_budget by that much")
    return line


def _pledges_not_counted_line(result: dict, rupiah, part_need: frozenset, labels: dict | None = None) -> str | None:
    """When the APBD needed at the confidence is that of no CSR pledge honoured: say so, and give the need at the
    next lower confidence at which the pledges do lower it (the outcomes :func:`sim.budget.covering_outcomes` takes,
    the last left out, as ``--confidence`` at that probability answers). madiun-2026-ucj-csr at 90 %: its outcomes
    other than "none honoured" cover 85 %, so the answer covered all four and equalled "none honoured", which nothing
    said. None with fewer than two outcomes, sampled ones, or an answer below that of none honoured. ``labels``:
    pledges' names (:func:`entry_labels`)."""
    need, answer = result["budget"]["budget_needed"], result["budget"].get("pledge_outcomes")
    if not answer or not answer.get("all_combinations") or need.get("outcomes", 1) < 2:
        return None
    outcomes = answer["outcomes"]
    needs = [{int(r["year"]): r["apbd_needed_idr"] for r in o["years"]} for o in outcomes]
    worst = next((n for n, o in zip(needs, outcomes) if not o["honoured"]), None)
    # Both are whole rupiah rounded up (sim.budget.at_confidence, pledge_outcomes): equal within a rupiah.
    if worst is None or any(abs(r["budget_idr"] - worst[int(r["year"])]) >= 1 for r in need["years"]):
        return None
    confidence = need["confidence"]
    line = (f"At {_share(confidence)} the CSR pledges do not lower this: it is the APBD needed if none is honoured")
    probs = [o["probability"] for o in outcomes]
    chosen = budget.covering_outcomes(needs, probs, confidence)
    for k in range(len(chosen) - 1, 0, -1):  # the largest step down at which a year needs less
        step = chosen[:k]
        path = [{"year": y, "need": max(needs[i][y] for i in step)} for y in sorted(worst)]
        if any(r["need"] < worst[r["year"]] - 0.5 for r in path):
            # Rounded down (past float noise), so that --confidence at it takes this step.
            covered = math.floor(round(sum(probs[i] for i in step) * 1e4, 6)) / 1e4
            short = [f"'{_outcome_name(o, labels)}', {o['probability']:.0%}" for i, o in enumerate(outcomes)
                     if i not in step and any(needs[i][r["year"]] > r["need"] + 0.5 for r in path)]
            return (line + f"; at {_share(covered)} (--confidence {covered:g}, short only if "
                    + Language("en").join(short, "or") + ") they do: " + _by_year(path, "need", rupiah, part_need))
    return line


def _share(p: float) -> str:
    """A probability as on the terminal, "85%", or "84.5%" when it is not a whole percent."""
    return f"{p:.0%}" if abs(p * 100 - round(p * 100)) < 1e-6 else f"{p:.1%}"


def _targets_missed_line(result: dict, labels: dict | None = None) -> str | None:
    """The year-end targets the scenario's own money misses (plan.json ``targets`` with ``reached`` false), in the
    years where money binds (names wait for money or members are cut): per year the members of the segments that
    miss against their targets, those segments and the names waiting. The report's summary says it ("Target missed
    in 2024 ..."); the terminal showed only the names waiting for money (a column then headed "held"), and no budget
    beside the APBD needed, so a planner could read pekalongan-2023-expansion's plan as meeting its targets. None
    when no target is missed so; a target missed with unlimited money too is also on the "Not reached even with
    unlimited money" line. ``labels``: each segment's name (:func:`entry_labels`), else its key; labels hold commas
    ("Other informal workers outside DTKS (BPU), enrolled for UCJ"), so "; " parts them."""
    labels = labels or {}
    held = {str(y["year"]): y.get("held_year_end") or 0.0 for y in result["years"]}
    cut = {str(c["year"]) for c in result.get("budget_cuts") or []}
    missed: dict[str, list] = {}
    for t in result.get("targets") or []:
        year = str(t["year"])
        if t["reached"] is False and (round(held.get(year, 0.0)) > 0 or year in cut):
            missed.setdefault(year, []).append(t)
    if not missed:
        return None
    items = []
    for year, rows in missed.items():
        waiting = f"; {held[year]:,.0f} names wait for money" if round(held[year]) > 0 else ""
        items.append(f"{year} {sum(t['members_year_end'] for t in rows):,.0f} of {sum(t['target'] for t in rows):,.0f}"
                     f" ({'; '.join(labels.get(t['segment'], t['segment']) for t in rows)}{waiting})")
    return ("Year-end targets missed with the scenario's money (members of the segments below target): "
            + ", ".join(items))


def _not_used_line(targets: list, money: list, side: str, year: str, rupiah, labels: dict | None = None) -> str:
    """The year-end targets and the budget and pledge money listed ``side`` ("after" or "before") the horizon's last
    or first ``year`` (plan.json ``targets_after_horizon``, ``money_after_horizon``, ``targets_before_horizon``,
    ``money_before_horizon``), which nothing uses, on one line. ``labels``: segments' and pledges' names
    (:func:`entry_labels`), else their keys: a pledge's payer ``CSR:companies`` reads ``CSR: Firms in Kota Madiun``,
    as in the report (``report_planning.payer_name``); labels hold commas, so "; " parts the items."""
    segment, pledges = _namer(labels, "segments"), (labels or {}).get("pledges") or {}
    what = []
    if targets:
        what.append(("year-end targets",
                     "; ".join(f"{segment(t['segment'])} {t['year']} ({t['target']:,.0f})" for t in targets)))
    if money:
        what.append(("budget and pledge money",
                     "; ".join(f"{_payer_name(m['payer'], pledges)} {m['year']} {rupiah(m['amount_idr'])}"
                               for m in money)))
    (first, items), *rest = what
    end = "last" if side == "after" else "first"
    return (f"Not used: {first} {side} the horizon's {end} year ({year}): {items}"
            + "".join(f"; {name} {side} it: {listed}" for name, listed in rest))


def _namer(labels: dict | None, kind: str):
    """A segment's or pledge's (``kind``: "segments", "pledges") name on the terminal: its label in ``labels``
    (:func:`entry_labels`), else its key, as plan.json gives it."""
    names = (labels or {}).get(kind) or {}
    return lambda key: names.get(key, key)


def _payer_name(payer: str, pledges: dict) -> str:
    """A payer bucket on the terminal: ``CSR:companies`` -> ``CSR: Firms in Kota Madiun`` (``pledges``: each
    pledge's name), ``APBD`` and ``DBH-CHT`` as they are; without the pledge's name, the key as plan.json gives it."""
    kind, colon, pledge = payer.partition(":")
    return f"{kind}: {pledges[pledge]}" if colon and kind == "CSR" and pledge in pledges else payer


def _not_refitted(row: dict) -> str:
    """A bar ranked by its held swing in a refitted list: a fitted multiplier's own bar, or one whose refit failed
    at an end (said, so that it does not read as refitted)."""
    if row["parameter"].startswith("calibration.posterior."):
        return ""
    failed = row.get("recalibration_problem_low") or row.get("recalibration_problem_high")
    return " (held: not refitted)" if failed else ""


# The en dash and times sign of the report's names, as the terminal writes them.
TO_ASCII = str.maketrans({"\u2013": "-", "\u00d7": "x"})


def entry_labels(scenario: Scenario) -> dict:
    """What the English report calls each segment and CSR pledge (``report_sections.entry_names``: a segment's
    label, a pledge's label or else its key), made ASCII as the rest of the terminal's text: ``{"segments": {key:
    name}, "pledges": {key: name}}``. The terminal named them by their keys ("bank-daerah fails", "rentan") where
    the report gives the scenario's labels; plan.json keeps the keys."""
    from .report_sections import entry_names  # matplotlib, as sensitivity_names

    names = {k: v.translate(TO_ASCII) for k, v in entry_names(scenario, Language("en")).items()}
    pledge = "funding.csr."
    return {"segments": {s.name: names[s.name] for s in scenario.segments},
            "pledges": {k[len(pledge):]: v for k, v in names.items() if k.startswith(pledge)}}


def sensitivity_names(scenario: Scenario, rows: list[dict]) -> dict:
    """Each tornado row's parameter key -> the name the English report's sensitivity table gives it, with its unit
    ("Mortality load (x) - Prayer-room caretakers (marbot mushola, BPU)"), its en dash and times sign made ASCII as
    the rest of the terminal's text: "segments.marbot.mortality_load 47%" told a planner a key, not a thing."""
    from .report_sections import entry_names, sensitivity_label  # matplotlib: only with a tornado, already slow

    lang = Language("en")
    entries = entry_names(scenario, lang)
    return {r["parameter"]: sensitivity_label(lang, r, entries).translate(TO_ASCII) for r in rows}


# What a sensitivity's percentage is (sim.budget._swing over its KEY_OUTPUTS): "a key output" alone left a reader
# guessing which output and which years, and comparing it with the report's first-year tornado.
SWING = ("the widest change between the ends of its range in members at the horizon's end, premium, city "
         "money, expected claims or claim ratio over the whole horizon, as a share of the base")


def _sensitivities_line(tornado: dict, names: dict | None = None) -> str:
    """The five largest sensitivities, in the tornado's order (``sim.budget.ranking_swing``). For a calibrated
    scenario, or one inheriting a calibration, each bar's swing is the recalibrated one (refitted to the same
    recorded claims), with the swing with the calibration held in brackets where it differs; then the bars the held
    swings would have put in the first five, with their refitted swing. Ranked by the held swing, the age profile
    led madiun-2026-ucj-csr's list with 61 % though refitted it moves the key outputs by 1 %, and a planner reads
    the first names as what matters most; the held figure stays beside it, usually the larger (not always: a wage
    moves the premium, which no refit absorbs). ``names``: each parameter key's readable name
    (:func:`sensitivity_names`); a key without one is shown as it is. Names hold commas, so "; " parts the items."""
    names = names or {}

    def name(r: dict) -> str:
        return names.get(r["parameter"], r["parameter"])

    rows = [r for r in tornado["rows"] if budget.ranking_swing(r) is not None]
    top = rows[:5]
    if not any(r.get("largest_relative_swing_recalibrated") is not None for r in rows):
        line = f"Largest sensitivities ({SWING}): " + "; ".join(
            f"{name(r)} {r['largest_relative_swing']:.0%}" for r in top)
        # A calibrated scenario whose refit failed: the list is the held one, and the line says why.
        problem = (tornado.get("base_recalibrated") or {}).get("problem")
        return line + (f". With the calibration held, not refitted: {problem}" if problem else "")

    def shown(r, first, second, word):
        text = f"{name(r)} {r[first]:.0%}"
        if r.get(second) is not None and f"{r[first]:.0%}" != f"{r[second]:.0%}":
            text += f" ({r[second]:.0%} {word})"
        return text

    through = tornado.get("recalibrated_through")
    what = f"the calibration of {through} refitted" if through else "the calibration refitted"
    refitted = "largest_relative_swing_recalibrated"
    line = (f"Largest sensitivities ({SWING}; {what} to the same recorded claims at each "
            "end; with the calibration held in brackets where it differs): "
            + "; ".join(shown(r, refitted, "largest_relative_swing", "held") if r.get(refitted) is not None
                        else f"{name(r)} {r['largest_relative_swing']:.0%}" + _not_refitted(r) for r in top))
    held_top = sorted(rows, key=lambda r: (-r["largest_relative_swing"], r["parameter"]))[:5]
    dropped = [r for r in held_top if r not in top]
    if dropped:
        line += ". With the calibration held, also: " + "; ".join(
            shown(r, "largest_relative_swing", refitted, "refitted") for r in dropped)
    return line
