"""Tables for budget planners' notebooks (``notebooks/``): the figures ``sim.coverage``, ``sim.budget``,
``sim.pledge_outcomes``, ``sim.compare`` and ``sim.calibration`` give, as labelled tables in the report language (Rp,
members, %), so that a notebook shows what a planner reads and defines nothing itself. ``sim.report`` re-exports
them."""

from __future__ import annotations

import sys

import pandas as pd

from . import report_planning
from .budget import COVERAGE_ANSWERS, DEFAULT_CONFIDENCE, coverage_answers, coverage_lacks
from .coverage import (apbd_premium, check_setting, funding, members_affordable, members_held, twelve_months,
                       what_if)
from .forecast import unused_in_projection
from .funding import APBD
from .i18n import Language
from .pledge_outcomes import pledge_outcomes
from .regulation import month_dates
from .report_sections import (difference_cell, entry_names, register_name, register_rows, segment_labels, segment_list,
                              share_list_text)
from .scenario import Scenario, ScenarioError


def year_table(scenario: Scenario, lang: str = "id") -> pd.DataFrame:
    """A year of premiums at the start and the expected claims of the first 12 months (:func:`twelve_months`), in
    the report language: the members at the start, their year's premium and who pays it, the expected claims and
    the claim ratio; for a scenario with an enrolment plan also the premium of the plan's first months (the claim
    ratio's denominator), which differs from the members at the start x 12 months."""
    language = Language(lang)
    year = twelve_months(scenario)
    months = year["months"]
    rows = [(language("nb_members_start"), language.count(year["members"])),
            (language("nb_premium_start"), language.money(year["annual_premium_idr"]))]
    # The payers that pay for members at the start, as the report's budget names them (forecast.other_payers): a
    # segment paid by SERTAKAN that the plan only enrols later read "dibayar SERTAKAN Rp0" beside the APBD's all.
    payers = {p: v for p, v in year["annual_premium_by_payer_idr"].items() if v > 0}
    if set(payers) - {APBD}:
        rows += [(language("nb_paid_by", payer=language.choice("payer", p)), language.money(v))
                 for p, v in payers.items()]
    if members_held(scenario)[1]:
        rows.append((language("nb_premium_projected", months=months), language.money(year["premium_idr"])))
    ratio = year["expected_claims_idr"] / year["premium_idr"] if year["premium_idr"] > 0 else None
    rows += [(language("nb_expected_claims", months=months), language.money(year["expected_claims_idr"])),
             (language("nb_claim_ratio"), language.percent(ratio))]
    budget, plan_year = apbd_budget(scenario)
    if plan_year is not None:
        # The members a plan's budget pays for are the plan by year's, at the plan's members, not these.
        rows.append((language("nb_budget_plan", year=plan_year), language.money(budget)))
    elif budget is not None:
        rows += [(language("nb_budget"), language.money(budget)),
                 (language("nb_members_affordable"),
                  language.count(members_affordable(apbd_premium(year), year["members"], budget)))]
    return pd.DataFrame(rows, columns=[language("wi_what"), language("wi_value")]).set_index(language("wi_what"))


def apbd_budget(scenario: Scenario) -> tuple[float | None, int | None]:
    """The APBD budget a year's premium at the start is set against, and the year it is of when it is a plan's
    (None for [budget] annual_budget, a budget for any year): a plan's APBD budget is its [funding]'s, by year
    ([budget] annual_budget is not used, as in the report), so its first year's. (None, None) without a budget."""
    if "budget.annual_budget" in unused_in_projection(scenario):
        first = scenario.start.year
        return scenario.planning.funding.apbd.at(first), first
    return scenario.annual_budget, None


def members_table(scenario: Scenario, members_grid=None, lang: str = "id",
                  budget_idr: float | None = None) -> pd.DataFrame:
    """:func:`sim.coverage.what_if` at each number of members (same mix, held for a year), a row each, in the
    report language: premium and who pays it, expected claims, claim ratio and the APBD budget left (the budget
    set against the APBD's premium, as the members it covers in :func:`year_table` and the report). Without a
    ``members_grid``, the scenario's own levels (:func:`members_levels`)."""
    language = Language(lang)
    rows = []
    if members_grid is None:
        members_grid = members_levels(scenario)
    elif isinstance(members_grid, str):  # papermill's -p passes "[5000, 10000]" as a text
        raise ScenarioError("members_grid", "", f"must be a list of numbers of members such as [5000, 10000], got the "
                                                f"text {members_grid!r}; with papermill pass it as "
                                                f"-y 'members_grid: [5000, 10000]'")
    for m in members_grid:  # all checked before any is answered, each named as the planner wrote it
        check_setting(scenario, "members", m, shown_as="members_grid")
    for m in members_grid:
        r = what_if(scenario, budget_idr=budget_idr, members=m)
        row = {language("wi_members"): language.count(r["members"]),
               language("wi_annual_premium"): language.money(r["annual_premium_idr"]),
               language("wi_city_premium"): language.money(r["city_premium_idr"])}
        if r["apbd_premium_idr"] != r["city_premium_idr"]:  # DBH-CHT pays too: the APBD's part, the budget's
            row[language("wi_apbd_premium")] = language.money(r["apbd_premium_idr"])
        if r["csr_premium_idr"]:
            row[language("wi_csr_premium")] = language.money(r["csr_premium_idr"])
        if r["other_premium_idr"]:
            row[language("wi_other_premium")] = language.money(r["other_premium_idr"])
        row[language("wi_expected_claims")] = language.money(r["expected_claims_idr"])
        row[language("wi_claim_ratio")] = language.percent(r["claim_ratio"])
        if "budget_idr" in r:
            row[language("wi_budget_left")] = language.money(r["budget_minus_apbd_premium_idr"])
        rows.append(row)
    return pd.DataFrame(rows).fillna(language.money(0)).set_index(language("wi_members"))


def members_levels(scenario: Scenario) -> list[int]:
    """The numbers of members a planner reads a scenario at: half and twice the members at the start, the start
    itself, the target (``[budget] target_members``) and what the APBD budget pays for, in order."""
    year = twelve_months(scenario)
    start = year["members"]
    levels = {round(start / 2), start, 2 * start, scenario.target_members or 0}
    if scenario.annual_budget is not None:
        levels.add(members_affordable(apbd_premium(year), start, scenario.annual_budget) or 0)
    return sorted(m for m in levels if m > 0)


def funding_table(scenario: Scenario, lang: str = "id") -> pd.DataFrame:
    """Who pays (:func:`sim.coverage.funding`) as the report's funding table: payer, segment, scheme, members at
    the start, the first month's premium per member and the year's premium."""
    language = Language(lang)
    labels = segment_labels(scenario, language)
    rows = [(language.choice("payer", r["payer"]), labels.get(r["segment"], r["segment"]), r["scheme"],
             language.count(r["members"]), language.rupiah(r["monthly_premium_idr"]),
             language.money(r["annual_premium_idr"]), language("word_yes" if r["rate_changes_in_year"] else "word_no"))
            for r in funding(scenario)]
    header = [language(k) for k in ("col_payer", "col_segment", "col_scheme", "col_members", "col_monthly_premium",
                                    "col_annual_premium", "nb_rate_changes")]
    return pd.DataFrame(rows, columns=header)


def plan_table(scenario: Scenario, lang: str = "id") -> pd.DataFrame:
    """The enrolment plan by fiscal year, as the report's budget section gives it (report.json ``planning``): members
    on average and at the year-end against the year-end target, names waiting for money and members not renewed,
    the premium of all payers, the APBD budget and the premium it paid, the APBD the plan needs (``sim plan``'s
    answer, at its confidence over which CSR pledges are honoured) and, with a UCJ target, UCJ at the year-end.
    Members and premiums as projected, no simulation. A scenario without an enrolment plan is refused in one line."""
    language = Language(lang)
    plan = report_planning.planning_figures(scenario)
    if plan is None:
        raise ScenarioError(scenario.id, "expansion", language("nb_no_plan"))
    needed, need = plan["budget_needed"], None
    if needed is not None:
        need = language("col_apbd_needed_" + ("quota" if needed["for"] == "quota_path" else "members"))
        if needed["pledges"]:  # without pledges the premiums are known: nothing uncertain to state
            need = language("nb_apbd_needed_confidence", need=need, confidence=language.percent(needed["confidence"]))
    rows = []
    for y in plan["years"]:
        # A year the horizon ends in before December: its year-end figures (members, names waiting for money, UCJ)
        # are starred, as in the report; a year it holds only part of (ending before December or starting after
        # January) its premiums too (those of its months in the horizon, against a full year's budget).
        mark = _part_year_mark(y["year_end_month"])
        paid = _part_year_mark(y["year_end_month"], y["first_month"])

        def money(value, star: str = paid) -> str:
            return _or_dash(language.money, value) + (star if value is not None else "")

        row = {language("col_period"): y["year"],
               language("col_members_avg"): language.count(y["members"]),
               language("col_members_end"): language.count(y["members_year_end"]) + mark,
               language("col_target"): _or_dash(language.count, y["target"]),
               language("col_waiting"): language.count(y["held_year_end"]) + mark,
               language("col_not_renewed"): language.count(y["not_renewed"]),
               language("col_premium"): money(y["premium_idr"]),
               language("col_budget_apbd"): _or_dash(language.money, y["budget_idr"]),
               language("col_budget_spent"): money(y["budget_spent_idr"])}
        if needed is not None:
            # A whole year's in a year the horizon ends in before December (sim.budget): starred only when it starts
            # in that year after January, as its premiums.
            row[need] = money(y["apbd_needed_idr"], _need_mark(y["first_month"]))
        if y["ucj"] is not None:
            row[language("nb_ucj")] = language.percent(y["ucj"], 1) + mark
        rows.append(row)
    rows += _partial_year_rows(language, [(y["first_month"], y["year_end_month"]) for y in plan["years"]], rows[-1],
                               language("col_premium"), need)
    return pd.DataFrame(rows).set_index(language("col_period"))


def _partial_year_rows(language: Language, months: list, columns: dict, premium: str,
                       need: str | None = None) -> list[dict]:
    """Under a table by year (:func:`plan_table`, :func:`pledge_table`), a row per year the horizon holds only part
    of (``months``: each year's first and year-end month, ("2026-01", "2026-06")), its period the star and what the
    star means (the report's notes under its tables, within a cell's 50 characters: a DataFrame has no note of its
    own that a notebook shows): under the members at the year-end for the starred year-end figures of a year the
    horizon ends in before December, and under the first column of premiums ``premium`` for the starred premiums,
    those up to its end, or those of "Juli–Desember 2026" in a year the horizon starts in after January (whose
    year-end is 31 December); in a horizon within one year (March to August 2026) under the column of the APBD needed
    ``need`` too, whose months run on to December ("Maret–Desember 2026"), the members being renewed to 31 December
    (``sim.budget``)."""
    rows = []
    for first, last in months:
        if not _part_year_mark(last, first):
            continue
        row = {**{k: "" for k in columns}, language("col_period"): report_planning.PARTIAL_MARK}
        if _part_year_mark(last):
            row[language("col_members_end")] = language("nb_year_end_partial", month=language.iso_date(last))
            if need in columns and _need_mark(first):
                row[need] = _need_partial(language, first)
        row[premium] = _premium_partial(language, first, last)
        rows.append(row)
    return rows


def _premium_partial(language: Language, first: str, last: str) -> str:
    """What the star after a part year's money means, within a cell's 50 characters: "up to June 2026 only, not a
    full year", or from a first month after January "July–December 2026 only, not a full year"."""
    if first.endswith("-01"):
        return language("nb_premium_partial", month=language.iso_date(last))
    return language("nb_premium_partial_start", months=language.months(first, last))


def _need_partial(language: Language, first: str) -> str:
    """What the star after the APBD needed of a year whose first month in the horizon ``first`` is after January
    means: its months to 31 December, "Maret–Desember 2026 saja, bukan setahun penuh", named by
    ``Language.months_to_december`` as the report's note and sim plan name them (the members are renewed to
    31 December, ``sim.budget``), however early the horizon ends in that year."""
    return language("nb_premium_partial_start", months=language.months_to_december(first))


def _year_end_months(scenario: Scenario) -> dict:
    """Each fiscal year of the horizon -> the month its year-end closes: December, or the horizon's last month in a
    year it ends in before December ("2030-06"), as report.json's ``planning.years[].year_end_month``."""
    return {d.year: d.isoformat()[:7] for d in month_dates(scenario.start, scenario.horizon_months)}


def _first_months(scenario: Scenario) -> dict:
    """Each fiscal year of the horizon -> its first month in it: January, or the horizon's first month in a year it
    starts in after January ("2026-07"), as report.json's ``planning.years[].first_month``."""
    return {d.year: d.isoformat()[:7] for d in reversed(month_dates(scenario.start, scenario.horizon_months))}


def _part_year_mark(month: str, first: str | None = None) -> str:
    """The star after a year-end figure of a year whose year-end is ``month`` ("2030-06"), when that is before
    December (:func:`sim.report_planning.year_ends_in_december`); with ``first``, its first month in the horizon,
    the star after its money, also when that is after January (:func:`sim.report_planning.whole_year`); ""
    otherwise."""
    whole = month.endswith("-12") and (first is None or first.endswith("-01"))
    return "" if whole else report_planning.PARTIAL_MARK


def _need_mark(first: str) -> str:
    """The star after the APBD a year needs, whose first month in the horizon is ``first``: when that is after
    January (its need is that of its months from then, :func:`sim.report_planning._part_need`); a year the horizon
    ends in before December needs a whole year's budget, not starred."""
    return "" if first.endswith("-01") else report_planning.PARTIAL_MARK


def _or_dash(show, value) -> str:
    return "-" if value is None else show(value)


def coverage_table(scenario: Scenario, lang: str = "id", confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """``sim plan``'s two answers on what the money buys, which :func:`plan_table` does not show, an item a row in
    the report language: the largest multiple of the quota path's growth the money funds
    (:func:`sim.budget.largest_coverage`), what limits it, with what probability over which CSR pledges are honoured,
    and the members at each year-end with it; the CSR money each year that closes the gap to the UCJ target
    (:func:`sim.budget.csr_gap`) for the segments sharing it, and what re-running the plan with that money gives
    (the probability that the money does not bind, UCJ at the last year-end), with the city money the other
    segments lack. Both at ``confidence``, as ``sim plan --confidence``. An answer the scenario cannot give is one
    row naming what it lacks, and a scenario without an enrolment plan one row saying so: not refused, as a plan
    without a UCJ target or CSR pledges is an ordinary one."""
    language = Language(lang)
    planning = scenario.planning
    if planning is None or not planning.shapes_exposure:
        return _items(language, [(language("wi_plans"), language("nb_no_plan_here", scenario=scenario.id))])
    lacks = coverage_lacks(scenario)
    answers = coverage_answers(scenario, confidence, lacks)
    lacking = {name: language("nb_lacks", table=language(f"nb_lacks_{lacks[name]}"))
               for name in COVERAGE_ANSWERS if name not in answers}
    rows = (_coverage_rows(language, answers["largest_coverage"], _year_end_months(scenario))
            if "largest_coverage" in answers
            else [(language("nb_coverage"), lacking["largest_coverage"])])
    rows += (_gap_rows(language, answers["csr_gap_to_ucj"], scenario) if "csr_gap_to_ucj" in answers
             else [(language("nb_gap_lacks"), lacking["csr_gap_to_ucj"])])
    return _items(language, rows)


LIMITED_BY = {"money": "nb_limit_money", "pipeline": "nb_limit_pipeline", "capped": "nb_limit_capped"}


def _coverage_rows(language: Language, answer: dict, months: dict) -> list[tuple]:
    """:func:`sim.budget.largest_coverage`'s answer as rows: the multiple, what limits it, the probability it is
    funded with and the members at each year-end (``months``, :func:`_year_end_months`: a part year's named by its
    last month, as the CSR gap's UCJ); when no growth is affordable, what the money leaves with none."""
    status = answer["status"]
    if status in ("no_growth", "no_target"):
        return [(language("nb_coverage"), language(f"nb_coverage_{status}"))]
    if status == "none":  # even with the growth at 0, in the first outcome (poorest first) where the money binds
        zero = answer["at_no_growth"]
        return [(language("nb_coverage"), language("nb_coverage_none")),
                (language("nb_coverage_limit"), language("nb_limit_money")),
                (language("nb_coverage_not_renewed"), language.count(zero["not_renewed"])),
                (language("nb_coverage_waiting"), language.count(zero["held_max"]))]
    basis = answer["basis"]  # at the confidence, with the expected CSR money, or without pledges
    funded = (language("nb_funded_confidence", confidence=language.percent(answer["confidence"]))
              if basis == "confidence" else language("nb_funded_expected" if basis == "expected_csr"
                                                     else "nb_funded_certain"))
    members = {}
    for r in answer["members_year_end"]:
        members[r["year"]] = members.get(r["year"], 0.0) + r["members"]
    return [(language("nb_coverage"), language("nb_coverage_scale", share=language.percent(answer["scale"], 1))),
            (language("nb_coverage_limit"), language(LIMITED_BY[status])),
            (language("nb_coverage_funded"), funded),
            *((_year_end_label(language, "nb_coverage_members", y, months[y]), language.count(m))
              for y, m in members.items())]


def _segment_rows(language: Language, key: str, scenario: Scenario, names: list[str]) -> list[tuple]:
    """Segments as the reader knows them: a row each with the label the scenario gives it in the table's language
    (a list of labels would be cut at pandas' 50 characters), numbered when there are several."""
    labels = segment_labels(scenario, language)
    if len(names) == 1:
        return [(language(key), labels[names[0]])]
    return [(language(f"{key}_n", n=n), labels[name]) for n, name in enumerate(names, start=1)]


def _gap_rows(language: Language, gap: dict, scenario: Scenario) -> list[tuple]:
    """:func:`sim.budget.csr_gap`'s answer as rows: the CSR money by year, the segments it pays for, and the check
    run with it; then, if the city-paid segments outside the UCJ allocation lack money, that and the check with
    both. In a year the horizon starts in after January the money (that of its months from then) is starred, as the
    APBD needed in :func:`plan_table`, with a '*' row last saying so; a year it ends in before December needs a
    whole year's money."""
    confidence = language.percent(gap["confidence"])
    last = gap["ucj_with_gap_closed"][-1]
    firsts = _first_months(scenario)

    def money(year: int, value: float) -> str:
        return language.money(value) + _need_mark(firsts[year])

    rows = [*((language("nb_gap", year=r["year"]), money(r["year"], r["csr_idr"])) for r in gap["years"]),
            *_segment_rows(language, "nb_gap_segments", scenario, gap["segments"]),
            (language("nb_gap_no_bind"), language.percent(gap["probability_money_does_not_bind_with_it"])),
            (_year_end_label(language, "nb_gap_ucj", last["year"], last.get("year_end_month"), confidence=confidence),
             language.percent(last["ucj"], 1))]
    if gap["not_renewed_with_it"]:
        rows.append((language("nb_gap_not_renewed"), language.count(sum(gap["not_renewed_with_it"].values()))))
    short = gap["shortfall_outside_ucj"]
    if short:
        last = short["ucj_with_both"][-1]
        rows += [*((language("nb_gap_short", year=r["year"]), money(r["year"], r["shortfall_idr"]))
                   for r in short["years"]),
                 *_segment_rows(language, "nb_gap_short_segments", scenario, gap["other_city_segments"]),
                 (language("nb_gap_no_bind_both"),
                  language.percent(short["probability_money_does_not_bind_with_both"])),
                 (_year_end_label(language, "nb_gap_ucj_both", last["year"], last.get("year_end_month"),
                                  confidence=confidence), language.percent(last["ucj"], 1))]
    # What the star means, as under the plan's table (a DataFrame has no note of its own that a notebook shows).
    rows += [(report_planning.PARTIAL_MARK, _need_partial(language, firsts[r["year"]]))
             for r in gap["years"] if _need_mark(firsts[r["year"]])]
    return rows


def _year_end_label(language: Language, key: str, year: int, month: str | None, **fields) -> str:
    """The label of a row at a year-end whose month is ``month`` ("2030-06"; the largest coverage's members, the
    CSR-gap check's UCJ): ``key`` with the year, or in a year the horizon ends in before December ``key``_month
    with its last month, "June 2030 (the horizon's end)", as sim plan and the report name it (the figure then is
    June's, not that of 31 December)."""
    if month is None or month.endswith("-12"):
        return language(key, year=year, **fields)
    return language(key + "_month", month=language.iso_date(month), **fields)


def _items(language: Language, rows: list[tuple]) -> pd.DataFrame:
    """Rows of (item, value) as a two-column table, as :func:`year_table`."""
    return pd.DataFrame(rows, columns=[language("wi_what"), language("wi_value")]).set_index(language("wi_what"))


def pledge_table(scenario: Scenario, lang: str = "id") -> pd.DataFrame:
    """What each combination of honoured and failed CSR pledges does (:func:`sim.pledge_outcomes.pledge_outcomes`),
    a row per outcome and year as in the report: probability, members at the year-end, not renewed, waiting for
    money, APBD spent and the APBD needed to keep the plan, and UCJ coverage where the scenario has a target; in a
    year the horizon ends in before December, its year-end figures and its APBD premiums starred with a '*' row
    under the table, as :func:`plan_table` (in a year it starts in after January, its APBD premiums only). A
    scenario without pledges is refused in one line."""
    language = Language(lang)
    answer = pledge_outcomes(scenario)
    if answer is None:
        raise ScenarioError(scenario.id, "funding.csr", language("nb_no_pledges"))
    names = report_planning.pledge_names(language, scenario)
    months, firsts = _year_end_months(scenario), _first_months(scenario)
    rows = []
    for outcome in answer["outcomes"]:
        name = report_planning._outcome_name(language, outcome, names)
        for y in outcome["years"]:
            mark = _part_year_mark(months[y["year"]])  # June's members and names waiting
            paid = _part_year_mark(months[y["year"]], firsts[y["year"]])  # six months' premiums
            row = {language("col_pledge_outcome"): name,
                   language("col_probability"): language.percent(outcome["probability"]),
                   language("col_period"): str(y["year"]),
                   language("col_members_end"): language.count(y["members_year_end"]) + mark,
                   language("col_not_renewed"): language.count(y["not_renewed"]),
                   language("col_waiting"): language.count(y["held_year_end"]) + mark,
                   language("col_budget_spent"): language.money(y["apbd_spent_idr"]) + paid,
                   language("col_apbd_needed"): language.money(y["apbd_needed_idr"]) + _need_mark(firsts[y["year"]])}
            if y.get("ucj") is not None:
                row[language("nb_ucj")] = language.percent(y["ucj"], 1) + mark
            rows.append(row)
    rows += _partial_year_rows(language, [(firsts[y], m) for y, m in months.items()], rows[-1],
                               language("col_budget_spent"), language("col_apbd_needed"))
    return pd.DataFrame(rows).set_index([language("col_pledge_outcome"), language("col_probability"),
                                         language("col_period")])


def differences_table(scenarios: list[Scenario], lang: str = "id", width: int = 60) -> pd.DataFrame:
    """The parameters whose values differ between the scenarios (as ``sim compare``'s, ``-`` where a scenario does
    not set one), a row each, named as in the assumption register and with values in the report language; a text
    in both languages in this one, a long value cut after a whole word or list entry within ``width`` characters.
    Segments, CSR pledges and pipeline stages are named by their labels, and a list of segments ("[vulnerable;
    informal]") by its segments' labels, whole, as the report's differences table names them. The table has no
    unit column, so a number is shown as the report's differences table shows it (report_sections.
    difference_figure): an amount in Rp ("Rp4,00 miliar", not "4.000.000.000"), a fitted or copied multiplier to 3
    significant digits, a UCJ target or yearly rise and a pledge's chance as a percentage and a year as a year
    ("2026", not "2.026")."""
    from .compare import differing_parameters, flatten

    language = Language(lang)
    # What the report calls each segment, pledge and stage; not whose a default load is (assumptions.*), which
    # differs between the scenarios while a row names the parameter once for all of them.
    entries = {k: v for s in scenarios for k, v in entry_names(s, language).items() if not k.startswith("assumptions.")}
    flat = [flatten(s.resolved) for s in scenarios]
    registers = [{r["key"]: r for r in register_rows(s.resolved)} for s in scenarios]

    def shown(value, key: str, register: dict) -> str:
        if value is None:
            return "-"
        # The report's cell on one line (a table shows no line break), its list whole: cut here after a word. A list
        # of segments is the labels difference_cell would give (segment_list), whole, as is a profile's title: cut
        # short, they would name no segment or profile.
        listed = segment_list(key, value, entries)
        if listed is not None:
            return listed.replace("\n", " ")
        text = difference_cell(language, key, value, register.get(key, {}), entries, limit=sys.maxsize)
        text = text.replace("\n", " ")
        if key.endswith(".age_profile"):
            return text  # whole: a profile's title cut short names no profile
        return _cut_after_word(text, width, share_list_text(language, key, value) is not None)

    rows = [{language("col_parameter"): _difference_name(language, r["parameter"], entries),
             **{s.id: shown(f.get(r["parameter"]), r["parameter"], reg) for s, f, reg in zip(scenarios, flat,
                                                                                              registers)}}
            for r in differing_parameters(scenarios)]
    return pd.DataFrame(rows, columns=[language("col_parameter"), *(s.id for s in scenarios)]).set_index(
        language("col_parameter"))


def _difference_name(language: Language, key: str, entries: dict) -> str:
    """A differences row's name as the assumption register names it; an entry's label ("Nama segmen") with its key,
    as the report's row has it, on one line: the label is the value, so the name alone says not which segment."""
    if key.rsplit(".", 1)[-1] == "label" and language.entry(key) is not None:
        return register_name(language, key, entries).replace("\n", " ")
    return language.parameter(key, entries)


def _cut_after_word(text: str, width: int, shares: bool = False) -> str:
    """``text`` within ``width`` characters: cut after the last whole word, or in a list the last whole entry, that
    fits, with "…" (a cut at a fixed length read "[6; 0,05]; [12...", a pair cut in two). ``shares``: a list of
    shares as report_sections.share_list_text shows it, cut after a whole "6 bulan: 5%", not after its "6"."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text.startswith("[") and "]" in cut:
        cut = cut[: cut.rfind("]") + 1]
    elif shares and "%, " in cut:
        cut = cut[: cut.rfind("%, ") + 1]
    else:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ;,") + "…"


def posterior_table(calibration, lang: str = "id") -> pd.DataFrame:
    """The fitted death and accident multipliers (``Calibration.stats``): posterior mean, median and 90 % interval,
    the prior's spread and how much the data moved it (credibility), in the report language."""
    language = Language(lang)
    rows = []
    for which in ("mortality", "accident"):
        st = calibration.stats(which)
        rows.append({language("nb_multiplier"): language(f"nb_scale_{which}"),
                     **{language(f"nb_{k}"): language.number(st[k], 3) for k in ("mean", "p5", "p50", "p95")},
                     language("nb_prior_sigma"): language.number(st["prior_sigma_log"], 2),
                     language("nb_credibility"): language.percent(st["credibility_weight"])})
    return pd.DataFrame(rows).set_index(language("nb_multiplier"))


def backtest_table(calibration, lang: str = "id") -> pd.DataFrame:
    """Where each recorded figure fell in the forecast made before calibration (``Calibration.backtest``): the
    recorded cases and amount, the forecast mean and the recorded figure's percentile, a row per observation."""
    language = Language(lang)
    rows = []
    for r in calibration.backtest():
        row = {language("nb_months_observed"): f"{r['from']} – {r['to']}"}
        if "claims" in r:
            row.update({language("nb_claims_recorded"): language.count(r["claims"]),
                        language("nb_claims_forecast"): language.count(r["claims_forecast_mean"]),
                        language("nb_claims_percentile"): language.chance(r["claims_percentile"])})
        if "amount_idr" in r:
            row.update({language("nb_amount_recorded"): language.money(r["amount_idr"]),
                        language("nb_amount_forecast"): language.money(r["amount_idr_forecast_mean"]),
                        language("nb_amount_percentile"): language.chance(r["amount_idr_percentile"])})
        rows.append(row)
    return pd.DataFrame(rows).fillna("-").set_index(language("nb_months_observed"))


def next_year_table(forecast: dict, lang: str = "id") -> pd.DataFrame:
    """A calibrated next-year forecast (``sim.calibration.next_year_forecast``): premium, claims and claim ratio with
    their 90 % interval, in the report language."""
    language = Language(lang)
    rows = [(language("col_period"), str(forecast["period"])),
            (language("nb_trials"), language.count(forecast["trials"])),
            (language("col_premium"), language.money(forecast["premium_idr"])),
            (language("col_claims_mean"), language.money(forecast["claims_mean_idr"])),
            (language("col_p5"), language.money(forecast["claims_p5_idr"])),
            (language("col_p95"), language.money(forecast["claims_p95_idr"])),
            (language("col_ratio"), language.percent(forecast["claim_ratio_mean"])),
            (f"{language('col_ratio')} P5 – P95", f"{language.percent(forecast['claim_ratio_p5'])} – "
                                                  f"{language.percent(forecast['claim_ratio_p95'])}")]
    return pd.DataFrame(rows, columns=[language("wi_what"), language("wi_value")]).set_index(language("wi_what"))
