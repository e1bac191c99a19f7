"""The tables notebook 03 shows a budget planner read as the report does: labelled in the report language, amounts
in Rp with a scale word, members with thousands separators; no raw column names (``apbd_premium_idr``), no
20-digit floats or ``1.008000e+09``, no dict or list cells."""

from __future__ import annotations

import math
import re
import sys

import pandas as pd
import pytest

from sim import report
from sim.scenario import ScenarioError, load_scenario

RAW = re.compile(r"_idr|\be[+-]\d|\d\.\d{4,}|[{\[]|^(members|payer|segment|claim_ratio|months)$")


def _cells(frame: pd.DataFrame) -> list[str]:
    index = [str(v) for level in (frame.index.levels if isinstance(frame.index, pd.MultiIndex) else [frame.index])
             for v in level]
    return [*map(str, frame.columns), *map(str, frame.index.names), *index,
            *(str(v) for row in frame.itertuples(index=False) for v in row)]


def _need_at_90(language) -> str:
    """The plan by year's APBD needed of a plan with CSR pledges (madiun-2026-ucj-csr), its certainty in the heading."""
    return language("nb_apbd_needed_confidence", need=language("col_apbd_needed_quota"), confidence="90%")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_budget_tables_read_as_a_report(lang):
    scenario = load_scenario("madiun-2023")
    tables = [report.year_table(scenario, lang), report.members_table(scenario, None, lang),
              report.funding_table(scenario, lang), report.pledge_table(load_scenario("madiun-2026-ucj-csr"), lang),
              report.plan_table(load_scenario("madiun-2026-ucj-csr"), lang)]
    for frame in tables:
        raw = [c for c in _cells(frame) if RAW.search(c)]
        assert not raw, raw
    year = report.year_table(scenario, lang)
    sep = "." if lang == "id" else ","
    assert f"4{sep}906" in year.iloc[:, 0].tolist() and any(v.startswith("Rp") for v in year.iloc[:, 0])
    assert "271%" in year.iloc[:, 0].tolist()


def test_the_members_compared_are_the_scenarios_own_without_a_grid():
    # Madiun 2023: 4,906 members at the start, the bylaw's target 16,539, the Rp4 bn budget pays for 19,841.
    levels = report.members_table(load_scenario("madiun-2023"), None, "en").index.tolist()
    assert levels == ["2,453", "4,906", "9,812", "16,539", "19,841"]
    assert report.members_table(load_scenario("jambi-2025"), [1_000, 3_000], "en").index.tolist() == ["1,000", "3,000"]


def test_a_scenario_without_csr_pledges_is_refused_in_one_line():
    with pytest.raises(ScenarioError, match=r"^madiun-2026-ucj: funding.csr: has no CSR pledges"):
        report.pledge_table(load_scenario("madiun-2026-ucj"), "en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_by_year_gives_sim_plan_s_members_ucj_and_apbd_needed(lang):
    """Notebook 03's plan by year (madiun-2026-ucj-csr): the projected members at each year-end, UCJ there and the
    APBD the plan needs at 90 % over which pledges are honoured, as sim plan answers them (the projection,
    sim.budget.budget_needed), formatted as the report formats them."""
    from sim import budget
    from sim.i18n import Language
    from sim.population import build_model

    scenario, language = load_scenario("madiun-2026-ucj-csr"), Language(lang)
    frame = report.plan_table(scenario, lang)
    need = budget.budget_needed(scenario, budget.DEFAULT_CONFIDENCE)
    assert frame.index.tolist() == [str(r["year"]) for r in need["years"]] == ["2026", "2027", "2028", "2029", "2030"]
    assert frame[_need_at_90(language)].tolist() == [language.money(r["budget_idr"]) for r in need["years"]]
    projection = build_model(scenario).projection
    assert frame[language("col_members_end")].tolist() == [language.count(projection.year_end(int(y)).sum())
                                                           for y in frame.index]
    ucj = budget.ucj_by_year(projection, scenario.planning.ucj, scenario)
    assert frame[language("nb_ucj")].tolist() == [language.percent(r["ucj"], 1) for r in ucj]
    assert frame[language("col_budget_apbd")].tolist() == [language.money(4e9)] * 5


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_by_year_states_the_certainty_of_the_apbd_needed_in_its_heading(lang):
    """The APBD needed is the figure a planner takes into next year's budget request; with CSR pledges it is enough
    only with a probability (90 %, over which pledges are honoured), which the notebook's text above the table said
    but the column's heading did not, as the report's note under its table does. The heading now says it; a plan
    without pledges, whose premiums are known, keeps the plain heading."""
    from sim.i18n import Language

    language = Language(lang)
    headings = report.plan_table(load_scenario("madiun-2026-ucj-csr"), lang).columns.tolist()
    assert _need_at_90(language) in headings and language("col_apbd_needed_quota") not in headings
    assert {"id": "(cukup dengan peluang ≥ 90%)", "en": "(enough with probability ≥ 90%)"}[lang] in _need_at_90(language)
    assert language("col_apbd_needed_quota") in report.plan_table(load_scenario("madiun-2026-ucj"), lang).columns


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_by_year_stars_the_year_end_of_a_year_the_horizon_ends_in_before_december(lang):
    """jambi-2025-pipeline over 18 months ends in June 2026: the plan by year gave June's 3,500 members as 2026's
    year-end, unmarked, where the report stars them with a note. The cell is now starred and a row under the table
    says what the star means, within a cell's 50 characters; 2025, whose December is in the horizon, is not starred,
    and over the whole horizon there is no such row. (June's members are 2,999 since 2026's round renews them, and
    admits names, for the whole year against its Rp604 m: tests/test_horizon_end.py.)"""
    from sim.i18n import Language

    language = Language(lang)
    frame = report.plan_table(load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18"]), lang)
    assert frame.index.tolist() == ["2025", "2026", "*"]
    ends = frame[language("col_members_end")].tolist()
    assert ends == [language.count(3000), language.count(2999) + "*",
                    {"en": "end of June 2026, not 31 December", "id": "akhir Juni 2026, bukan 31 Desember"}[lang]]
    assert all(len(v) <= 50 for v in _cells(frame))
    whole = report.plan_table(load_scenario("jambi-2025-pipeline"), lang)
    assert whole.index.tolist() == ["2025", "2026", "2027"]
    assert not any("*" in v for v in _cells(whole))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_by_year_stars_the_names_waiting_of_a_year_the_horizon_ends_in_before_december(lang):
    """madiun-2026-ucj-csr over 54 months ends in June 2030: the plan by year starred 2030's members and UCJ at the
    "year-end" but gave the names waiting for money then, June's, unmarked. They are starred too, explained by the
    '*' row's note under the members at the year-end, as UCJ is; the years whose December is in the horizon are
    not."""
    from sim.i18n import Language

    language = Language(lang)
    frame = report.plan_table(load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"]), lang)
    ends = [language(k) for k in ("col_members_end", "col_waiting", "nb_ucj")]
    assert [v.endswith("*") for v in frame.loc["2030", ends]] == [True] * 3
    assert not any(v.endswith("*") for y in ("2026", "2027", "2028", "2029") for v in frame.loc[y, ends])
    assert frame.loc["*", language("col_members_end")] == {"en": "end of June 2030, not 31 December",
                                                           "id": "akhir Juni 2030, bukan 31 Desember"}[lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_by_year_stars_the_premiums_of_a_year_the_horizon_ends_in_before_december(lang):
    """jambi-2025-pipeline over 18 months ends in June 2026: the plan by year starred 2026's members at the year-end
    but gave its premium and the APBD's premium, six months' worth beside a full year's budget, unmarked, where the
    report stars them. They are now starred, and the '*' row under the table says under the premium that they cover
    the months up to June, within a cell's 50 characters; the budget and the APBD needed, a full year's (sim.budget:
    a budget is for a whole fiscal year), and 2025 are not starred."""
    from sim.i18n import Language

    language = Language(lang)
    frame = report.plan_table(load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18"]), lang)
    money = [language(k) for k in ("col_premium", "col_budget_spent", "col_apbd_needed_quota")]
    assert [v.endswith("*") for v in frame.loc["2026", money]] == [True, True, False]
    assert not any(v.endswith("*") for v in frame.loc["2025", money])
    assert frame.loc["2026", language("col_budget_apbd")] == language.money(604_000_000)
    assert frame.loc["*", language("col_premium")] == {"en": "up to June 2026 only, not a full year",
                                                       "id": "sampai Juni 2026 saja, bukan setahun penuh"}[lang]
    assert len(language("nb_premium_partial", month=language.iso_date("2026-09"))) <= 50  # the longest month name
    assert all(len(v) <= 50 for v in _cells(frame))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_pledges_and_csr_gap_star_the_money_of_a_year_the_horizon_starts_in_after_january(lang):
    """Moved to start in July (--set scenario.start), the horizon's first year holds six months of premiums against a
    full year's budget: notebook 03's plan by year (jambi-2025-pipeline from July 2025, 30 months), its table of
    pledge outcomes and its CSR-gap money (madiun-2026-ucj-csr from July 2026, 54 months) gave them unmarked. They
    are starred, with a '*' row naming the months under the premium ("July–December 2025 only, not a full year"),
    within a cell's 50 characters; the members, names waiting and UCJ at that year's end, 31 December, are not."""
    from sim import budget
    from sim.i18n import Language
    from sim.planner_tables import _gap_rows

    language = Language(lang)
    note = {"en": "July–December {y} only, not a full year",
            "id": "Juli–Desember {y} saja, bukan setahun penuh"}[lang]
    frame = report.plan_table(load_scenario("jambi-2025-pipeline", ["scenario.start=2025-07",
                                                                    "scenario.horizon_months=30"]), lang)
    assert frame.index.tolist() == ["2025", "2026", "2027", "*"]
    money = [language(k) for k in ("col_premium", "col_budget_spent", "col_apbd_needed_quota")]
    ends = [language(k) for k in ("col_members_end", "col_waiting")]
    assert [v.endswith("*") for v in frame.loc["2025", money]] == [True] * 3
    assert not any(v.endswith("*") for v in frame.loc["2025", ends])
    assert not any(v.endswith("*") for y in ("2026", "2027") for v in frame.loc[y, money + ends])
    assert frame.loc["*", language("col_premium")] == note.format(y=2025)
    assert frame.loc["*", language("col_members_end")] == ""
    assert len(language("nb_premium_partial_start", months=language.months("2026-09", "2026-12"))) <= 50
    assert all(len(v) <= 50 for v in _cells(frame))

    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-07", "scenario.horizon_months=54"])
    frame = report.pledge_table(scenario, lang)
    years = frame.index.get_level_values(language("col_period"))
    assert years[-1] == "*"
    for year, row in zip(years[:-1], frame[:-1].itertuples(index=False)):
        values = dict(zip(frame.columns, row))
        assert [values[language(c)].endswith("*") for c in ("col_budget_spent", "col_apbd_needed")] == [
            year == "2026"] * 2, (year, values)
        assert not any(values[language(c)].endswith("*") for c in ("col_members_end", "col_waiting", "nb_ucj"))
    assert frame.iloc[-1][language("col_budget_spent")] == note.format(y=2026)
    assert frame.iloc[-1][language("col_members_end")] == ""
    gap = budget.csr_gap(scenario, 0.9)
    rows = _gap_rows(language, gap, scenario)
    values, money = dict(rows), {r["year"]: r["csr_idr"] for r in gap["years"]}
    assert values[language("nb_gap", year=2026)] == language.money(money[2026]) + "*"
    assert values[language("nb_gap", year=2027)] == language.money(money[2027])
    assert rows[-1] == ("*", note.format(y=2026))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_pledge_outcomes_star_a_year_the_horizon_ends_in_before_december(lang):
    """madiun-2026-ucj-csr over 54 months ends in June 2030: notebook 03's table of pledge outcomes gave 2030's
    members, names waiting and UCJ at the "year-end" (June's) and its APBD spent (six months' premiums) unmarked,
    where the report's table stars them. They are now starred in every outcome, and a '*' row under the table says
    what the star means, as under the plan by year (the month under the members at the year-end, the months up to it
    under the APBD premiums), within a cell's 50 characters; the APBD needed, a whole year's (sim.budget), is not
    starred; over 60 months nothing is starred."""
    from sim.i18n import Language

    language = Language(lang)
    frame = report.pledge_table(load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"]), lang)
    period = language("col_period")
    starred = [language(k) for k in ("col_members_end", "col_waiting", "col_budget_spent", "nb_ucj")]
    years = frame.index.get_level_values(period)
    assert years.tolist().count("2030") == 4 and years[-1] == "*"  # four outcomes, then the '*' row
    for year, row in zip(years[:-1], frame[:-1].itertuples(index=False)):
        values = dict(zip(frame.columns, row))
        assert [values[c].endswith("*") for c in starred] == [year == "2030"] * 4, (year, values)
        assert not values[language("col_not_renewed")].endswith("*")  # at the January round, which a part year has
        assert not values[language("col_apbd_needed")].endswith("*")  # a whole year's
    note = frame.iloc[-1]
    assert note[language("col_members_end")] == {"en": "end of June 2030, not 31 December",
                                                 "id": "akhir Juni 2030, bukan 31 Desember"}[lang]
    assert note[language("col_budget_spent")] == {"en": "up to June 2030 only, not a full year",
                                                  "id": "sampai Juni 2030 saja, bukan setahun penuh"}[lang]
    assert all(len(v) <= 50 for v in _cells(frame))
    whole = report.pledge_table(load_scenario("madiun-2026-ucj-csr"), lang)
    assert "*" not in whole.index.get_level_values(period) and not any("*" in v for v in _cells(whole))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_horizon_within_one_year_says_under_the_apbd_needed_its_months_to_december(lang):
    """madiun-2026-ucj-csr from March to August 2026: notebook 03's plan by year and table of pledge outcomes star
    2026's APBD needed, but their '*' row explained the premiums' months only (March–August), where the need is that
    of March to 31 December (sim.budget): the row now says so under the APBD needed too, within 50 characters."""
    from sim.i18n import Language

    language = Language(lang)
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-03", "scenario.horizon_months=6"])
    need, paid = {"en": ("March–December 2026 only, not a full year", "March–August 2026 only, not a full year"),
                  "id": ("Maret–Desember 2026 saja, bukan setahun penuh", "Maret–Agustus 2026 saja, bukan setahun "
                                                                          "penuh")}[lang]
    frame = report.plan_table(scenario, lang)
    assert frame.index.tolist() == ["2026", "*"]
    assert frame.loc["2026", _need_at_90(language)].endswith("*")
    assert frame.loc["*", _need_at_90(language)] == need
    assert frame.loc["*", language("col_premium")] == paid
    frame = report.pledge_table(scenario, lang)
    assert frame.iloc[-1][language("col_apbd_needed")] == need
    assert frame.iloc[-1][language("col_budget_spent")] == paid
    assert all(len(v) <= 50 for v in _cells(frame))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_notebook_names_the_months_to_december_as_the_report_does(lang):
    """The '*' row under the APBD needed (plan by year, pledge outcomes, CSR gap) built its months from the year's
    first month and f"{year}-12"; it now asks Language.months_to_december, as the report's note under its table
    (plan_need_to_december) and sim plan do, so the three cannot come to name different months."""
    from sim.i18n import Language
    from sim.planner_tables import _need_partial

    language = Language(lang)
    for first in (f"2026-{m:02d}" for m in range(2, 13)):
        months = language.months_to_december(first)
        assert _need_partial(language, first) == language("nb_premium_partial_start", months=months)
        assert months in language("plan_need_to_december", year=2026, months=months)
        assert len(_need_partial(language, first)) <= 50


def test_a_scenario_without_an_enrolment_plan_is_refused_in_one_line():
    with pytest.raises(ScenarioError, match=r"^madiun-2023: expansion: has no enrolment plan"):
        report.plan_table(load_scenario("madiun-2023"), "en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_what_the_budget_buys_is_sim_plan_s_largest_coverage_and_csr_gap(lang):
    """Notebook 03's section after the plan by year (madiun-2026-ucj-csr): the largest multiple of the quota path's
    growth the money funds and the members at each year-end with it, and the CSR money by year that closes the gap
    to the UCJ target with its check, as sim plan answers them (sim.budget at 90 %), formatted as the report does."""
    from sim import budget
    from sim.i18n import Language

    scenario, language = load_scenario("madiun-2026-ucj-csr"), Language(lang)
    frame = report.coverage_table(scenario, lang)
    raw = [c for c in _cells(frame) if RAW.search(c)]
    assert not raw, raw
    values = frame.iloc[:, 0]
    coverage = budget.largest_coverage(scenario, budget.DEFAULT_CONFIDENCE)
    assert coverage["status"] == "money" and 0 < coverage["scale"] < 1  # the budget funds part of the growth
    share = language.percent(coverage["scale"], 1)
    assert values[language("nb_coverage")] == language("nb_coverage_scale", share=share)
    assert values[language("nb_coverage_limit")] == language("nb_limit_money")
    assert values[language("nb_coverage_funded")] == language("nb_funded_confidence", confidence=language.percent(0.9))
    for year in range(2026, 2031):
        members = sum(r["members"] for r in coverage["members_year_end"] if r["year"] == year)
        assert values[language("nb_coverage_members", year=year)] == language.count(members)
    gap = budget.csr_gap(scenario, budget.DEFAULT_CONFIDENCE)
    assert [values[language("nb_gap", year=r["year"])] for r in gap["years"]] == [
        language.money(r["csr_idr"]) for r in gap["years"]]
    assert any(r["csr_idr"] > 0 for r in gap["years"])
    # The segments by the labels the scenario gives them in the table's language, a row each (their keys said
    # nothing to a planner, and a list of labels would be cut at pandas' 50 characters).
    by_name = {s.name: s.labels[lang] for s in scenario.segments}
    labels = [by_name[name] for name in ("vulnerable", "informal", "sertakan")]
    assert [values[language("nb_gap_segments_n", n=n)] for n in (1, 2, 3)] == labels
    assert language("nb_gap_segments") not in frame.index
    assert values[language("nb_gap_no_bind")] == language.percent(gap["probability_money_does_not_bind_with_it"])
    ucj = gap["ucj_with_gap_closed"][-1]
    ucj_label = language("nb_gap_ucj", year=2030, confidence=language.percent(0.9))
    assert values[ucj_label] == language.percent(ucj["ucj"], 1)
    assert language("nb_gap_short", year=2030) not in frame.index  # the city money suffices for the other segments
    assert frame.index.is_unique  # the labels are the scenario's: notebook 03 shows them whole
    assert all(len(v) <= 50 for v in values if v not in labels)  # pandas cuts a cell's text beyond 50


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_csr_gaps_ucj_names_the_horizons_last_month_in_a_year_it_ends_in_before_december(lang):
    """madiun-2026-ucj-csr over 54 months ends in June 2030: the CSR gap's check row said "UCJ at the end of 2030"
    for UCJ judged on June's members, where sim plan says "UCJ at the end of June 2030 (the horizon's end)". The row
    now names the month as sim plan does, and the check run with both moneys the same."""
    from sim import budget
    from sim.i18n import Language
    from sim.planner_tables import _gap_rows

    language = Language(lang)
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    gap = budget.csr_gap(scenario, 0.9)
    last = gap["ucj_with_gap_closed"][-1]
    assert (last["year"], last["year_end_month"]) == (2030, "2030-06")
    labels = dict(_gap_rows(language, gap, scenario))
    label = {"en": "  UCJ at the end of June 2030 (the horizon's end) with it (probability ≥ 90%)",
             "id": "  UCJ akhir Juni 2030 (akhir proyeksi) dengan dana itu (peluang ≥ 90%)"}[lang]
    assert labels[label] == language.percent(last["ucj"], 1)
    # The check with the shortfall outside the UCJ segments too, on a stand-in of its rows (this plan has none).
    both = {**gap, "shortfall_outside_ucj": {"years": [{"year": 2030, "shortfall_idr": 1e6}],
                                             "probability_money_does_not_bind_with_both": 1.0,
                                             "ucj_with_both": gap["ucj_with_gap_closed"]}}
    label = {"en": "  UCJ at the end of June 2030 (the horizon's end) with both (probability ≥ 90%)",
             "id": "  UCJ akhir Juni 2030 (akhir proyeksi) dengan keduanya (peluang ≥ 90%)"}[lang]
    # The whole horizon's "UCJ at the end of 2030": the test above.
    assert label in dict(_gap_rows(language, both, scenario))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_csr_gaps_money_in_a_year_the_horizon_ends_in_before_december_is_a_whole_years(lang):
    """madiun-2026-ucj-csr over 54 months ends in June 2030: the CSR gap's money rows gave 2030's six months', first
    unmarked, then starred as the plan by year above stars a part year's premiums. A budget, or a pledge, is for a
    whole fiscal year (sim.budget): 2030's is the whole year's, as over 60 months, and not starred, nor is the city
    money short outside the UCJ segments; no '*' row."""
    from sim import budget
    from sim.i18n import Language
    from sim.planner_tables import _gap_rows

    language = Language(lang)
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    gap = budget.csr_gap(scenario, 0.9)
    # The check with the shortfall outside the UCJ segments too, on a stand-in of its rows (this plan has none).
    short = [{"year": 2029, "shortfall_idr": 2e6}, {"year": 2030, "shortfall_idr": 1e6}]
    gap["shortfall_outside_ucj"] = {"years": short, "probability_money_does_not_bind_with_both": 1.0,
                                    "ucj_with_both": gap["ucj_with_gap_closed"]}
    rows = _gap_rows(language, gap, scenario)
    values = dict(rows)
    money = {r["year"]: r["csr_idr"] for r in gap["years"]}
    assert values[language("nb_gap", year=2029)] == language.money(money[2029])
    assert values[language("nb_gap", year=2030)] == language.money(money[2030])
    assert values[language("nb_gap_short", year=2029)] == language.money(2e6)
    assert values[language("nb_gap_short", year=2030)] == language.money(1e6)
    assert not any("*" in f"{label}{value}" for label, value in rows)
    whole = load_scenario("madiun-2026-ucj-csr")
    assert money == {r["year"]: r["csr_idr"] for r in budget.csr_gap(whole, 0.9)["years"]}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_largest_coverages_members_name_the_horizons_last_month_in_a_year_it_ends_in_before_december(lang):
    """madiun-2026-ucj-csr over 54 months ends in June 2030: the largest coverage's last row said "members at the end
    of 2030" for June's members, where the CSR-gap rows below it say "at the end of June 2030 (the horizon's end)".
    It now names the month as they do; the years whose December is in the horizon keep the year."""
    from sim import budget
    from sim.i18n import Language

    language = Language(lang)
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    values = report.coverage_table(scenario, lang).iloc[:, 0]
    answer = budget.largest_coverage(scenario, budget.DEFAULT_CONFIDENCE)
    label = {"en": "  members at the end of June 2030 (the horizon's end)",
             "id": "  peserta akhir Juni 2030 (akhir proyeksi)"}[lang]
    june = sum(r["members"] for r in answer["members_year_end"] if r["year"] == 2030)
    assert values[label] == language.count(june)
    assert language("nb_coverage_members", year=2030) not in values
    assert language("nb_coverage_members", year=2029) in values  # 31 December 2029 is in the horizon


def test_what_the_budget_buys_reports_the_city_money_short_outside_the_ucj_segments():
    """madiun-2026-ucj without APBD: no growth is affordable, the CSR money alone leaves the non-ASN staff unrenewed,
    and the city money they lack is a row of its own by year, with the check run with both (sim plan's lines)."""
    from sim import budget
    from sim.i18n import Language

    scenario = load_scenario("madiun-2026-ucj", ["funding.apbd_budget.value=0", "funding.apbd_budget.range=[0, 1e12]"])
    language = Language("en")
    values = report.coverage_table(scenario, "en").iloc[:, 0]
    coverage = budget.largest_coverage(scenario, 0.9)
    assert values["Largest coverage the budget funds"] == "none: no growth is affordable"
    assert values["  not renewed with no growth"] == language.count(coverage["at_no_growth"]["not_renewed"])
    gap = budget.csr_gap(scenario, 0.9)
    assert values["  with it, the probability that no member goes unrenewed or waits for money"] == "0%"
    assert values["  still not renewed with it (the worst outcome)"] == language.count(
        gap["not_renewed_with_it"]["non_asn"])
    short = gap["shortfall_outside_ucj"]["years"]
    assert [values[f"City money short for the segments outside the UCJ allocation, {r['year']}"] for r in short] == [
        language.money(r["shortfall_idr"]) for r in short]
    assert values["  the segment outside the UCJ allocation"] == "Non-ASN contract staff of the city (PU)"
    assert values["  with both, the probability that no member goes unrenewed or waits for money"] == "100%"


def test_what_the_budget_buys_says_in_a_row_what_a_scenario_lacks_for_it():
    """Not refused: a plan without a UCJ target has no CSR gap (jambi-2025-pipeline), one without a [funding] table
    neither answer, and a scenario without an enrolment plan (madiun-2023) is one row saying so."""
    import dataclasses

    jambi = load_scenario("jambi-2025-pipeline")
    values = report.coverage_table(jambi, "en").iloc[:, 0]
    assert values["Largest coverage the budget funds"].endswith("% of the members the quotas add")
    assert values["  funded with probability"] == "100% (no CSR pledges)"
    assert values["CSR money to close the gap to the UCJ target"] == "not answered: no UCJ target ([ucj])"
    unfunded = dataclasses.replace(jambi, planning=dataclasses.replace(jambi.planning, funding=None))
    assert report.coverage_table(unfunded, "id").iloc[:, 0].tolist() == ["tidak dijawab: tidak ada tabel [funding]"] * 2
    frame = report.coverage_table(load_scenario("madiun-2023"), "en")
    assert frame.index.tolist() == ["Enrolment plan"] and frame.iloc[:, 0].tolist() == ["none in madiun-2023"]


def test_the_coverage_table_asks_what_the_scenario_lacks_once(monkeypatch):
    """coverage_table asked sim.budget.coverage_lacks itself, then again through coverage_answers: it now hands its
    answer on, so the question is asked once (a scenario without [funding]: no answer is computed)."""
    import dataclasses

    from sim import budget, planner_tables

    asked = []

    def counted(scenario):
        asked.append(scenario.id)
        return lacks(scenario)

    lacks = budget.coverage_lacks
    monkeypatch.setattr(budget, "coverage_lacks", counted)
    monkeypatch.setattr(planner_tables, "coverage_lacks", counted)
    jambi = load_scenario("jambi-2025-pipeline")
    unfunded = dataclasses.replace(jambi, planning=dataclasses.replace(jambi.planning, funding=None))
    assert report.coverage_table(unfunded, "en").iloc[:, 0].tolist() == ["not answered: no [funding] table"] * 2
    assert asked == ["jambi-2025-pipeline"]


def test_the_differences_between_scenarios_are_named_as_in_the_register():
    # Notebook 04 printed a Python list of (id, ((dotted key, old, new), ...)) tuples, labels as {'en': ..., 'id': ...}.
    scenarios = [load_scenario(s) for s in ("madiun-2023", "madiun-2023-target", "madiun-2025")]
    frame = report.differences_table(scenarios, "en")
    assert list(frame.columns) == ["madiun-2023", "madiun-2023-target", "madiun-2025"]
    assert frame.loc["Members – Vulnerable informal workers (BPU)"].tolist() == ["4,906", "16,539", "9,582"]
    assert frame.loc["Annual budget"].tolist() == ["Rp4.00 bn", "Rp4.00 bn", "-"]
    # A label's row names its key, as the report's row does: no dotted key otherwise.
    cells = [re.sub(r" \(segments\.\w+\.label\)$", "", c) for c in _cells(frame)]
    assert not [c for c in cells if "{" in c or "segments." in c or "None" in c]
    # Within 60 characters but for an age profile, named whole by its title and its name in the file, as the report.
    cut = frame.loc[[k for k in frame.index if not k.startswith("Age profile –")]]
    assert all(len(str(v)) <= 60 for row in cut.itertuples(index=False) for v in row)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_differences_between_scenarios_show_amounts_multipliers_and_years_as_the_report_does(lang):
    """Notebook 04's table of differences has no unit column, yet showed the budget as "4.000.000.000" (no Rp), the
    calibrated death multiplier as "1,578031" (the report's tables: 3 significant digits) and a pledge's first year
    as "2.026"; it now shows "Rp4,00 miliar", "1,58" and "2026"."""
    from sim.i18n import Language

    language = Language(lang)
    scenarios = [load_scenario(s) for s in ("madiun-2023", "madiun-2025")]
    frame = report.differences_table(scenarios, lang)
    name = language.parameter
    assert frame.loc[name("budget.annual_budget")].tolist() == [language.money(4e9), "-"]
    assert frame.loc[name("assumptions.mortality_load")].tolist() == [language.number(1.5, 1), language.number(1.58, 2)]
    csr = load_scenario("madiun-2026-ucj-csr")
    pledges = report.differences_table([load_scenario("madiun-2026-ucj"), csr], lang)
    labels = {f"funding.csr.{p.name}": p.label(lang) for p in csr.planning.funding.pledges}  # named by its label
    assert pledges.loc[name("funding.csr.companies.first_year", labels)].tolist() == ["-", "2026"]
    assert pledges.loc[name("funding.dbh_cht_budget")].tolist() == ["-", language.money(5e8)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_differences_between_scenarios_name_pledges_and_segments_by_label_and_chances_in_percent(lang):
    """Notebook 04 named a CSR pledge by its TOML key ("Peluang komitmen CSR dipenuhi – co-funded"), showed the
    segments a payer pays for as a raw list ("[vulnerable; informal]") and a pledge's chance as "0,5"; it now names
    them as the report's differences table does and shows the chance and the city's match as "50%"."""
    from sim.i18n import Language

    language = Language(lang)
    csr = load_scenario("madiun-2026-ucj-csr")
    frame = report.differences_table([load_scenario("madiun-2026-ucj"), csr], lang)
    pledges = {f"funding.csr.{p.name}": p.label(lang) for p in csr.planning.funding.pledges}
    segments = {s.name: s.labels[lang] for s in csr.segments}
    shown = frame[csr.id]
    assert shown[language.parameter("funding.csr.co-funded.probability", pledges)] == "50%"
    assert shown[language.parameter("funding.csr.companies.probability", pledges)] == "70%"
    assert shown[language.parameter("funding.csr.co-funded.city_match", pledges)] == "50%"
    assert shown[language.parameter("funding.csr.co-funded.segments", pledges)] == (
        f"{segments['vulnerable']}; {segments['informal']}")
    assert shown[language.parameter("funding.dbh_cht_segments")] == segments["vulnerable"]
    assert not [k for k in frame.index if k.endswith(("co-funded", "companies"))]
    assert not [c for c in _cells(frame) if c.startswith("[")]


def test_a_long_value_in_the_differences_is_cut_after_a_whole_word():
    """Notebook 04 cut a long value at 57 characters mid-number, "[[0; 0,5]; ...; [6; 0,05]; [12..."; it now cuts
    after a whole word or entry and says so with "…"."""
    from sim.compare import flatten
    from sim.i18n import Language
    from sim.report_sections import difference_cell

    language = Language("id")
    scenarios = [load_scenario(s) for s in ("pekalongan-2023", "pekalongan-2023-expansion")]
    frame = report.differences_table(scenarios, "id")
    cut = [c for c in frame.iloc[:, 1] if c.endswith("…")]
    assert cut and not [c for c in _cells(frame) if c.endswith("...")]
    full = [difference_cell(language, k, v, {}, {}, sys.maxsize)  # whole, its years as years
            for k, v in flatten(scenarios[1].resolved).items() if isinstance(v, list)]
    for c in cut:
        assert len(c) <= 60
        assert any(f.startswith(c[:-1]) and f[len(c) - 1] in " ;," for f in full), c  # ends where a word ends
        assert c[-2] == "]" or not c.startswith("["), c  # a list after a whole entry, not "[12…"


@pytest.mark.parametrize("lang, p5, p95", [
    ("id", "Klaim P5 (5% hasil simulasi di bawahnya), tahun pertama",
     "Klaim P95 (95% hasil simulasi di bawahnya), tahun pertama"),
    ("en", "Claims P5 (5% of simulations below it), first year",
     "Claims P95 (95% of simulations below it), first year")])
def test_the_comparison_says_what_p5_and_p95_are_in_its_own_rows(lang, p5, p95):
    """Notebook 04 explained P5 and P95 only in the text above the table, whose rows read "Klaim P5, tahun pertama"."""
    from sim.forecast import forecast

    summary = forecast(load_scenario("madiun-2023", ["scenario.trials=300"]))
    rows = list(report.comparison_table([summary], lang).index)
    assert p5 in rows and p95 in rows


def test_the_calibration_tables_read_as_a_report():
    # Notebook 02 printed prior_sigma_log, credibility_weight 0.951725, amount_idr 6.200000e+09, claim_ratio_p95 2.8695.
    from sim.calibration import fit, next_year_forecast
    from sim.scenario import SCENARIO_DIR

    calibration = fit("madiun-2025-prior", SCENARIO_DIR / "experience" / "madiun-2025.toml", trials=300)
    forecast = next_year_forecast(load_scenario("madiun-2025"), calibration.experience, trials=300)
    tables = [report.posterior_table(calibration, "en"), report.backtest_table(calibration, "en"),
              report.next_year_table(forecast, "en")]
    for frame in tables:
        raw = [c for c in _cells(frame) if RAW.search(c) or "_" in c]
        assert not raw, raw
    backtest = report.backtest_table(calibration, "en").iloc[0]
    assert backtest["Claims recorded (cases)"] == "144" and backtest["Amount recorded"] == "Rp6.20 bn"
    assert backtest["Percentile of the cases recorded"] == "< 0.1%"  # a share of trials: never shown as 0.0%


def test_a_list_parameter_passed_as_text_is_refused_in_one_line():
    # papermill -p scenario_ids "[a, b]" passes a text: notebook 04 then looked for a scenario called "[".
    from sim.scenario import load_scenarios

    with pytest.raises(ScenarioError, match=r"^scenario_ids: must be a list of scenario ids .* -y 'scenario_ids: \["):
        load_scenarios("[jambi-2025, madiun-2025]")
    assert [s.id for s in load_scenarios(["jambi-2025", "madiun-2023"])] == ["jambi-2025", "madiun-2023"]
    with pytest.raises(ScenarioError, match=r"^members_grid: must be a list of numbers .* -y 'members_grid: \["):
        report.members_table(load_scenario("jambi-2025"), "[1000, 2000]", "en")


def test_the_posterior_chart_shows_where_the_probability_is():
    # Notebook 02's panels spanned the whole grid (0.05 to 20): a posterior near 1 was a spike at the left edge.
    from sim import charts
    from sim.calibration import fit
    from sim.i18n import Language
    from sim.scenario import SCENARIO_DIR

    calibration = fit("madiun-2025-prior", SCENARIO_DIR / "experience" / "madiun-2025.toml", trials=300)
    fig = charts.posterior({name: calibration.marginal(name) for name in ("mortality", "accident")}, Language("en"))
    for ax, name in zip(fig.axes, ("mortality", "accident")):
        low, high = ax.get_xlim()
        st = calibration.stats(name)
        assert low <= min(st["p5"], 1.0) and high >= max(st["p95"], 1.0)
        assert high - low < 8, (name, low, high)


def test_the_plans_first_months_premium_is_a_row_only_where_a_plan_enrols():
    """madiun-2023 holds its members (no planning table): the claim ratio's denominator is members at the start x 12
    months, already a row. jambi-2025-pipeline enrols during its first months: their premium, the ratio's
    denominator, differs from the start's and gets its own row."""
    from sim.i18n import Language

    label = Language("en")("nb_premium_projected", months=12)
    assert label not in report.year_table(load_scenario("madiun-2023"), "en").index
    assert label in report.year_table(load_scenario("jambi-2025-pipeline"), "en").index


DBH_CHT_SCENARIO = """[scenario]
id = "madiun-dbh-cht"
title = "Madiun 2025 with its vulnerable workers paid from DBH-CHT and an APBD budget"
base = "madiun-2025"

[budget]
annual_budget = { value = 4000000000, unit = "IDR per year", source = "test", basis = "data" }

[segments.vulnerable]
payer = "DBH-CHT"
"""


def test_the_budget_left_and_the_members_it_covers_both_set_the_apbd_budget_against_the_apbds_premium(tmp_path):
    """A stated budget is the APBD's (README "Expansion and budget planning": DBH-CHT has its own money; summary.json
    budget_minus_apbd_premium_idr; the report's members affordable): notebook 03's "Budget left" took the whole city
    premium, DBH-CHT's included, while "Members the APBD budget covers" took the APBD's. Madiun 2025 with its
    vulnerable workers paid from DBH-CHT and Rp4 bn of APBD: at the members the budget covers, the budget left was
    Rp4 bn - Rp10.91 bn, below zero, as if the budget covered fewer members than the row above says."""
    from sim.coverage import apbd_premium, twelve_months, variant
    from sim.i18n import Language

    path = tmp_path / "madiun-dbh-cht.toml"
    path.write_text(DBH_CHT_SCENARIO, encoding="utf-8")
    scenario, language = load_scenario(path), Language("en")
    year = twelve_months(scenario)
    assert set(year["annual_premium_by_payer_idr"]) == {"APBD", "DBH-CHT"}
    apbd_per_member = apbd_premium(year) / year["members"]
    covers = report.year_table(scenario, "en").loc[language("nb_members_affordable")].iloc[0]
    assert covers == language.count(math.floor(4e9 / apbd_per_member))  # 62,502
    frame = report.members_table(scenario, None, "en")
    assert frame.index[-1] == covers  # the last level compared is what the budget covers
    left = frame[language("wi_budget_left")]
    for members, shown in left.items():
        held = twelve_months(variant(scenario, members=int(members.replace(",", ""))))  # as members_table holds them
        assert shown == language.money(4e9 - apbd_premium(held))
    # At the members the budget covers, less than a non-ASN member's year is left (Rp11,800 x 12; the members of
    # each segment rounded), not a shortfall of Rp6.9 bn.
    assert left.iloc[-1] == "Rp83,200"
    # The APBD's part of the city's premium is shown beside it, as the budget is set against it.
    assert frame[language("wi_apbd_premium")].iloc[1] == language.money(apbd_premium(year))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_plans_first_table_names_no_payer_with_nothing_paid_and_gives_the_plans_budget(lang):
    """madiun-2026-ucj: the SERTAKAN segment has no member at the start (the plan enrols its members later), so the
    first table read "dibayar SERTAKAN Rp0" beside the APBD's whole premium, where the report's budget names only
    payers that pay for members; and it gave no budget, the plan's Rp4 bn a year being in [funding], not [budget]."""
    from sim.i18n import Language

    language = Language(lang)
    frame = report.year_table(load_scenario("madiun-2026-ucj"), lang)
    payers = [i for i in frame.index if i.strip().startswith(language("nb_paid_by", payer="").strip())]
    assert payers == []  # the APBD pays all of the members at the start: no split to show
    assert frame.loc[language("nb_budget_plan", year=2026)].iloc[0] == language.money(4e9)
    assert language("nb_budget") not in frame.index  # no [budget] annual_budget that the plan does not use
    # A plan inheriting a [budget] annual_budget it does not use gives its [funding]'s (jambi-2025-pipeline).
    jambi = report.year_table(load_scenario("jambi-2025-pipeline"), lang)
    assert jambi.loc[language("nb_budget_plan", year=2025)].iloc[0] == language.money(604e6)
    assert language("nb_members_affordable") not in jambi.index


@pytest.mark.parametrize("lang, share, limit", [
    ("id", "83,2% dari tambahan peserta menurut kuota", "dana: untuk lebih dari itu dananya tidak cukup"),
    ("en", "83.2% of the members the quotas add", "the money: it does not pay for more")])
def test_the_largest_coverage_reads_as_a_share_of_the_planned_growth(lang, share, limit):
    """pekalongan-2023-expansion's largest coverage read "0,832 × pertumbuhan jalur kuota" and "dibatasi oleh: dana":
    a formula and two words a planner had to decode. It is the share of the members the quotas add that the money
    funds (sim.budget's scale 0.832, unchanged), and what stops more is said in words, each within 50 characters."""
    from sim import budget

    scenario = load_scenario("pekalongan-2023-expansion")
    assert round(budget.largest_coverage(scenario, budget.DEFAULT_CONFIDENCE)["scale"], 3) == 0.832
    rows = list(report.coverage_table(scenario, lang).iloc[:, 0].items())
    assert rows[0][1] == share
    assert rows[1][1] == limit and rows[1][0].strip() in ("yang membatasi", "what limits it")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_differences_between_scenarios_show_words_years_and_profiles_as_the_report_does(lang):
    """Notebook 04 showed coded values as the scenario writes them ("expected", "manufacturing") where the report's
    differences table says "nilai harapan", "industri pengolahan"; the years in a list as "[[2.024; 300]; ...]"; and
    an age profile by its name in the file, not its title. Both tables now take a cell from one function
    (report_sections.difference_cell)."""
    from sim.i18n import Language
    from sim.report_sections import profile_title

    language = Language(lang)
    scenarios = [load_scenario(s) for s in ("pekalongan-2023", "pekalongan-2023-expansion")]
    expansion = scenarios[1]
    segments = {s.name: s.labels[lang] for s in expansion.segments}
    shown = report.differences_table(scenarios, lang)[expansion.id]
    assert shown[language.parameter("pipeline.mode")] == language.choice("mode", "expected")
    occupation = language.parameter("segments.batik.occupation", segments)
    assert shown[occupation] == language.choice("occupation", "manufacturing")
    if lang == "id":
        words = (shown[language.parameter("pipeline.mode")], shown[occupation])
        assert words == ("nilai harapan", "industri pengolahan")
    separator = "; " if lang == "id" else ", "
    assert shown[language.parameter("expansion.batik.targets", segments)] == (
        f"[[2024{separator}300]{separator}[2025{separator}500]]")
    assert shown[language.parameter("funding.apbd_budget")].startswith(f"[[2023{separator}")
    profile = shown[language.parameter("segments.batik.age_profile", segments)]
    assert profile == f"{profile_title(language, 'informal-working-age')} (informal-working-age)"
    assert profile_title(language, "informal-working-age") != "informal-working-age"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_label_s_row_in_the_differences_names_what_it_labels_not_the_label_again(lang):
    """The row of a segment's or stage's label read "Nama – Buruh batik (BPU)" beside "Buruh batik (BPU)", the
    label twice and no word of what it names; in both differences tables it is now "Nama segmen" with its key."""
    from sim.i18n import Language
    from sim.report_text import ENTRY_LABELS

    from test_report_profiles import _difference_rows

    language = Language(lang)
    scenarios = [load_scenario(s) for s in ("pekalongan-2023", "pekalongan-2023-expansion")]
    frame = report.differences_table(scenarios, lang)
    segment, stage = ENTRY_LABELS["segments"][lang], ENTRY_LABELS["pipeline"][lang]
    batik = scenarios[1].resolved["segments"]["batik"]["label"][lang]
    assert frame.loc[f"{segment} (segments.batik.label)"].tolist() == ["-", batik]
    assert f"{stage} (pipeline.disnaker.label)" in frame.index
    assert not [k for k in frame.index if k.startswith(f"{language.parameter('x.label')} –")]
    rows = _difference_rows(scenarios[1], language)
    assert rows["segments.batik.label"][0] == f"{segment}\n(segments.batik.label)"
    assert rows["pipeline.disnaker.label"][0] == f"{stage}\n(pipeline.disnaker.label)"
    csr = load_scenario("madiun-2026-ucj-csr")
    pledges = report.differences_table([load_scenario("madiun-2026-ucj"), csr], lang)
    pledge = ENTRY_LABELS["funding.csr"][lang]
    assert pledges.loc[f"{pledge} (funding.csr.companies.label)"].tolist() == ["-", (
        {p.name: p.label(lang) for p in csr.planning.funding.pledges}["companies"])]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_notebook_01s_tables_name_segments_by_label_and_show_no_line_break(lang):
    """Notebook 01's check table named the segment by its key, "vulnerable", where the report gives its label; its
    register wrote a name's line break as a literal "\\n" ("Pengali tabel mortalitas – semua segmen\\n(assu...")."""
    from sim.forecast import forecast
    from sim.i18n import Language

    language = Language(lang)
    scenario = load_scenario("jambi-2025", ["scenario.trials=200"])
    check = report.validation_table(forecast(scenario), lang, scenario)
    segments = set(check[language("col_segment")]) - {""}
    assert segments == {s.labels[lang] for s in scenario.segments}, segments
    register = report.register_table(scenario, lang)
    assert not [c for c in _cells(register) if "\n" in c]
    assert [c for c in register.iloc[:, 0] if c.endswith(" (assumptions.mortality_load)")]  # the key on its line
