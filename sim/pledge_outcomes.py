"""What happens to the plan if a CSR pledge is not honoured: one row per combination of honoured and failed pledges.

The plan's own table counts every pledge at its expected money (amount x probability, ``csr_draw = "expected"``):
a budget planner also needs the cases behind that average, above all "what if the companies do not pay". For each
outcome this module re-runs the projection (:func:`sim.expansion.project_scenario`) twice:

- with the scenario's own money (its APBD, DBH-CHT and the honoured pledges): the members in force at each
  year-end, the members not renewed for lack of money, the registered names left waiting, the APBD spent, and the
  UCJ when the scenario has a UCJ target;
- with unlimited APBD (as :func:`sim.budget.budget_needed` does): the APBD that outcome needs to keep the quota
  path (premiums only).

When every combination is shown, ``expected`` weighs the outcomes by their probabilities: the APBD a planner should
expect to spend, which is more than the plan's own table shows whenever a pledge's expected money is more than its
segment uses (a pledge that is certain to cover its members on average still leaves them to the APBD when it fails).

Outcomes: every combination when there are at most ``ALL_COMBINATIONS_UP_TO`` pledges (their probabilities add up to
1); beyond that the stress cases only: all honoured, each pledge failing alone, none honoured (each with the
probability of that exact combination, which then do not add up to 1). Assumption, as in the budget answers: a
pledge is honoured in full or not at all for its whole duration, independently of the others, with its stated
probability; a co-funded pledge that fails takes the city's matching share with it (the city pays its share only
alongside the pledge). Only the pledges with a year of their run in the horizon are weighed, as by the budget
answers (:func:`sim.budget.pledges_in_horizon`): one a horizon moved or shortened with ``--set`` leaves outside would
make outcomes with the figures of others; it is named in the answer's note instead.
"""

from __future__ import annotations

import datetime as dt
import math

from .budget import UnlimitedApbd, pledges_in_horizon, pledges_outside_horizon, ucj_by_year
from .expansion import money_by_year, project_scenario
from .funding import APBD
from .i18n import Language
from .population import month_dates
from .scenario import Scenario

ALL_COMBINATIONS_UP_TO = 3  # pledges: up to 2**3 = 8 rows, every combination; beyond, the stress cases only


def outcomes(pledges: tuple) -> list[dict]:
    """The pledge outcomes shown: ``{"honoured": names, "failed": names, "probability": p}``, all honoured first."""
    names = [p.name for p in pledges]
    if len(pledges) <= ALL_COMBINATIONS_UP_TO:
        failing = [[n for k, n in enumerate(names) if mask >> k & 1] for mask in range(2 ** len(names))]
        failing.sort(key=len)  # stable: within a number of failures, the scenario's order of pledges
    else:
        failing = [[], *([n] for n in names), names]
    out = []
    for failed in failing:
        prob = math.prod(1.0 - p.probability if p.name in failed else p.probability for p in pledges)
        # The failed pledges' own chance of failing, whatever the others do: what a planner asks first ("how
        # likely is it that this company does not pay?"); the exact combination is rarer.
        alone = math.prod(1.0 - p.probability for p in pledges if p.name in failed) if failed else None
        out.append({"honoured": [n for n in names if n not in failed], "failed": list(failed),
                    "probability": round(prob, 6),
                    "probability_failed": None if alone is None else round(alone, 6)})
    return out


ALL_HONOURED, NONE_HONOURED, FAILED = "all_honoured", "none_honoured", "failed"


def outcome_name(outcome: dict) -> tuple[str, list]:
    """How an outcome (a row of :func:`outcomes`) is named, as ``(kind, failed pledges)``: ``ALL_HONOURED`` (no
    pledge fails), ``NONE_HONOURED`` (several pledges and every one fails) or ``FAILED`` (the pledges that fail are
    named: also when a scenario's only pledge fails). The terminal (``sim.plan``) and the report
    (``sim.report_planning``) put it into words."""
    failed = list(outcome["failed"])
    if not failed:
        return ALL_HONOURED, failed
    if not outcome["honoured"] and len(failed) > 1:
        return NONE_HONOURED, failed
    return FAILED, failed


def pledge_outcomes(scenario: Scenario, unlimited: UnlimitedApbd | None = None) -> dict | None:
    """Per outcome and fiscal year: members at the year-end, not renewed, waiting, APBD spent, APBD needed for the
    quota path, UCJ. None when the scenario has no CSR pledge. ``unlimited``: the scenario's
    :class:`~sim.budget.UnlimitedApbd`, when the caller shares its projections with ``budget_needed``.

    A pledge with no year of its run in the horizon (one moved or shortened with ``--set``) is left out, as
    ``budget_needed`` leaves it out (:func:`sim.budget.pledges_in_horizon`): its failure would change nothing, and an
    outcome named after it would repeat another's figures. It is listed in ``outside_horizon`` and the note says
    so; None when no pledge has a year in the horizon."""
    pledges = pledges_in_horizon(scenario)
    if not pledges:
        return None
    outside = [_dates(p) for p in pledges_outside_horizon(scenario)]
    unlimited = UnlimitedApbd(scenario) if unlimited is None else unlimited.of(scenario)
    rows = []
    for outcome in outcomes(pledges):
        factors = {p.name: 0.0 if p.name in outcome["failed"] else 1.0 for p in pledges}
        years = _years(scenario, project_scenario(scenario, factors), unlimited(factors)[0])
        rows.append({**outcome,
                     "not_renewed": round(sum(y["not_renewed"] for y in years), 2),  # over the horizon
                     "held_max": max(y["held_year_end"] for y in years),  # the most names waiting at a year-end
                     "years": years})
    every = len(pledges) <= ALL_COMBINATIONS_UP_TO
    months = month_dates(scenario.start, scenario.horizon_months)
    return {
        "pledges": [{"name": p.name, "probability": p.probability, **_dates(p), "segments": list(p.segments)}
                    for p in pledges],
        "outside_horizon": outside,
        "note": note(every, outside, months[0], months[-1]),
        "all_combinations": every,
        "outcomes": rows,
        "expected": _expected(rows) if every else None,
    }


def note(every: bool, outside: list[dict], first: dt.date, last: dt.date, names: dict | None = None) -> str:
    """The outcomes' note (plan.json ``note``, the terminal's line over them): which outcomes are shown, and the
    pledges with no year in the horizon (``outside``: ``outside_horizon``) between its ``first`` and ``last``
    months (:func:`_left_out`). ``names``: each pledge's name on the terminal (``plan.entry_labels``), else its key,
    as plan.json keeps it."""
    shown = ("every combination of honoured and failed pledges" if every else
             "all pledges honoured, each failing alone, none honoured (not every combination: the probabilities do "
             "not add up to 1)")
    return (shown + "; a pledge is honoured in full or not at all for its whole duration, independently"
            + (f"; {_left_out_words(outside, first, last, names)}" if outside else ""))


def _left_out(scenario: Scenario, outside: list[dict]) -> str:
    """The note's words on the pledges with no year in the horizon: the English report's sentence under its table of
    outcomes (report_text's ``pledge_left_out``), in the terminal's ASCII, with the pledges' names as its outcomes
    name them. plan.json and the terminal are in English only, as every text ``sim plan`` writes."""
    months = month_dates(scenario.start, scenario.horizon_months)
    return _left_out_words(outside, months[0], months[-1])


def _left_out_words(outside: list[dict], first: dt.date, last: dt.date, names: dict | None = None) -> str:
    en = Language("en")
    pledges = en.join(f"{(names or {}).get(p['name'], p['name'])} ({p['first_year']}-{p['last_year']})"
                      for p in outside)
    horizon = f"{en.month(first)} to {en.month(last)}"
    if len(outside) == 1:
        return (f"the pledge {pledges} lies wholly outside the horizon ({horizon}), so the outcomes leave it out: "
                "whether it is honoured changes nothing here")
    return (f"the pledges {pledges} lie wholly outside the horizon ({horizon}), so the outcomes leave them out: "
            "whether they are honoured changes nothing here")


def _dates(pledge) -> dict:
    """A pledge's name and the first and last years of its run."""
    return {"name": pledge.name, "first_year": pledge.first_year, "last_year": pledge.first_year + pledge.years - 1}


EXPECTED_FIELDS = ("members_year_end", "not_renewed", "held_year_end", "apbd_spent_idr", "apbd_needed_idr")


def _expected(rows: list[dict]) -> list[dict]:
    """Per fiscal year, each quantity averaged over the outcomes, weighted by their probabilities (which add up to
    1 when every combination is shown)."""
    return [{"year": y["year"],
             **{f: round(sum(r["probability"] * r["years"][k][f] for r in rows), 2) for f in EXPECTED_FIELDS}}
            for k, y in enumerate(rows[0]["years"])]


def _years(scenario: Scenario, projection, apbd_needed: dict) -> list[dict]:
    spent = money_by_year(projection, APBD)
    target = scenario.planning.ucj
    ucj = None if target is None else ucj_by_year(projection, target, scenario)
    out = []
    for k, y in enumerate(projection.fiscal_years()):
        months = projection.years == y
        last = int(months.nonzero()[0][-1])
        row = {"year": y,
               "members_year_end": round(float(projection.year_end(y).sum()), 2),
               "not_renewed": round(float(projection.not_renewed(months).sum()), 2),
               "not_renewed_by_segment": {name: round(float(cut), 2) for name, cut
                                          in zip(projection.names, projection.not_renewed(months)) if cut >= 0.005},
               "held_year_end": round(float(projection.held[:, last].sum()), 2),
               "apbd_spent_idr": round(spent[y], 2),
               "apbd_needed_idr": float(math.ceil(apbd_needed[y]))}  # whole rupiah, rounded up, as budget_needed
        if ucj is not None:
            row["ucj"] = ucj[k]["ucj"]
        out.append(row)
    return out

