"""What each combination of honoured and failed CSR pledges does to the plan (sim.pledge_outcomes): checked against
scenarios written without the failed pledges, against the budget answer that averages the same outcomes, and
through the plan command's files and the report's traced table."""

from __future__ import annotations

import dataclasses
import math
import re

import pandas as pd
import pytest

from sim import budget
from sim.expansion import money_by_year, project_scenario
from sim.funding import APBD
from sim.planning_schema import YearAmounts
from sim.i18n import Language
from sim.pledge_outcomes import outcome_name, outcomes, pledge_outcomes
from sim.scenario import load_scenario
from cli_checks import run_cli

CSR = "madiun-2026-ucj-csr"  # two pledges: companies (p 0.7, 3 years) and co-funded (p 0.5, city match 0.5)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(CSR)


@pytest.fixture(scope="module")
def answer(scenario):
    return pledge_outcomes(scenario)


def _pledge(name: str, probability: float):
    return dataclasses.replace(load_scenario(CSR).planning.funding.pledges[0], name=name, probability=probability)


def test_every_combination_of_two_pledges_with_its_probability():
    rows = outcomes((_pledge("a", 0.7), _pledge("b", 0.5)))
    assert [(r["honoured"], r["failed"]) for r in rows] == [
        (["a", "b"], []), (["b"], ["a"]), (["a"], ["b"]), ([], ["a", "b"])]
    assert [r["probability"] for r in rows] == pytest.approx([0.7 * 0.5, 0.3 * 0.5, 0.7 * 0.5, 0.3 * 0.5], abs=1e-12)
    assert sum(r["probability"] for r in rows) == pytest.approx(1.0, abs=1e-12)


def test_many_pledges_show_the_stress_cases_only():
    probs = (0.9, 0.8, 0.6, 0.5)
    rows = outcomes(tuple(_pledge(n, p) for n, p in zip("abcd", probs)))
    assert [r["failed"] for r in rows] == [[], ["a"], ["b"], ["c"], ["d"], ["a", "b", "c", "d"]]
    assert rows[0]["probability"] == pytest.approx(math.prod(probs), abs=1e-6)
    assert rows[1]["probability"] == pytest.approx(0.1 * 0.8 * 0.6 * 0.5, abs=1e-6)
    assert rows[-1]["probability"] == pytest.approx(0.1 * 0.2 * 0.4 * 0.5, abs=1e-6)


@pytest.mark.parametrize("pledges, failed, kind, terminal, report", [
    (("a",), (), "all_honoured", "all honoured", "all honoured"),
    (("a",), ("a",), "failed", "a fails", "“A” not honoured"),  # the only pledge: named, not "none honoured"
    (("a", "b"), ("b",), "failed", "b fails", "“B” not honoured"),
    (("a", "b"), ("a", "b"), "none_honoured", "none honoured", "none honoured"),
    (("a", "b", "c"), ("a", "c"), "failed", "a and c fail", "“A” and “C” not honoured"),  # a list, as Language.join
    (("a", "b", "c", "d"), ("a", "b", "c"), "failed", "a, b and c fail",
     "“A”, “B” and “C” not honoured"),
])
def test_an_outcome_has_one_name_worded_by_the_terminal_and_the_report(pledges, failed, kind, terminal, report):
    from sim.plan import _outcome_name as terminal_name
    from sim.report_planning import _outcome_name as report_name

    outcome = {"honoured": [n for n in pledges if n not in failed], "failed": list(failed)}
    assert outcome_name(outcome) == (kind, list(failed))
    assert terminal_name(outcome) == terminal
    assert report_name(Language("en"), outcome, {n: n.upper() for n in pledges}) == report


def test_a_failed_pledge_is_the_scenario_without_it(scenario, answer):
    """Each outcome is re-derived from a scenario that never had its failed pledges (the honoured ones paying in
    full): the same members, cuts, waiting names and APBD, year by year."""
    pledges = scenario.planning.funding.pledges
    assert answer["all_combinations"] and len(answer["outcomes"]) == 4
    for row in answer["outcomes"]:
        kept = tuple(dataclasses.replace(p, probability=1.0) for p in pledges if p.name in row["honoured"])
        alone = budget.with_funding(scenario, pledges=kept)
        projection = project_scenario(alone)
        need = money_by_year(project_scenario(budget.with_apbd(alone, YearAmounts(every=math.inf))), APBD)
        spent = money_by_year(projection, APBD)
        for y in row["years"]:
            months = projection.years == y["year"]
            last = int(months.nonzero()[0][-1])
            assert y["members_year_end"] == pytest.approx(float(projection.year_end(y["year"]).sum()), abs=0.01)
            assert y["not_renewed"] == pytest.approx(float(projection.not_renewed(months).sum()), abs=0.01)
            by_segment = dict(zip(projection.names, projection.not_renewed(months)))
            assert y["not_renewed_by_segment"] == {n: pytest.approx(c, abs=0.01) for n, c in by_segment.items()
                                                   if c >= 0.005}
            assert y["held_year_end"] == pytest.approx(float(projection.held[:, last].sum()), abs=0.01)
            assert y["apbd_spent_idr"] == pytest.approx(spent[y["year"]], abs=0.01)
            assert y["apbd_needed_idr"] == math.ceil(need[y["year"]])


def test_the_outcomes_differ_where_the_pledges_pay(answer):
    rows = {tuple(r["failed"]): r["years"] for r in answer["outcomes"]}
    # The companies' pledge pays for informal workers in 2026-2028: without it the APBD needs more in those years,
    # and the same from 2029, when the pledge has ended anyway.
    for k in range(3):
        assert rows[("companies",)][k]["apbd_needed_idr"] > rows[()][k]["apbd_needed_idr"]
    for k in (3, 4):
        assert rows[("companies",)][k]["apbd_needed_idr"] == rows[()][k]["apbd_needed_idr"]
    # The co-funded pledge runs all five years: without it members are cut or left waiting.
    assert any(y["not_renewed"] > 0 or y["held_year_end"] > rows[()][k]["held_year_end"]
               for k, y in enumerate(rows[("co-funded",)]))


def test_the_outcomes_are_the_ones_the_budget_answer_averages(scenario, answer):
    """budget_needed enumerates the same combinations: its mean need is the probability-weighted mean of the
    outcomes' needs, and at confidence 1 its budget is their largest need (both up to rounding to whole rupiah)."""
    need = budget.budget_needed(scenario, 1.0)
    for k, year in enumerate(need["years"]):
        mean = sum(o["probability"] * o["years"][k]["apbd_needed_idr"] for o in answer["outcomes"])
        assert mean == pytest.approx(year["mean_need_idr"], abs=1.0)
        assert year["budget_idr"] == max(o["years"][k]["apbd_needed_idr"] for o in answer["outcomes"])


def test_budget_needed_and_the_outcomes_share_each_unlimited_projection(scenario, answer, monkeypatch):
    # sim plan asks both for the scenario with unlimited APBD under the same pledge outcomes: projected once each.
    from sim import expansion

    made, project = [], expansion.project
    monkeypatch.setattr(expansion, "project", lambda *a, **k: made.append(a[0]) or project(*a, **k))
    unlimited = budget.UnlimitedApbd(scenario)
    need = budget.budget_needed(scenario, 0.9, unlimited)
    shared = pledge_outcomes(scenario, unlimited)
    unlimited_apbd = [s.planning.funding.apbd.every == math.inf for s in made]
    assert unlimited_apbd == [True] * 4 + [False] * 4  # four outcomes: unlimited APBD once each, then their own money
    assert shared == answer and need == budget.budget_needed(scenario, 0.9)  # the same answers as apart


def test_a_failed_pledge_has_its_own_chance_and_dates(scenario, answer):
    """Beside the exact combination's probability, each outcome gives the chance that its failed pledges fail
    whatever the others do (the companies' 0.7 and the co-funded 0.5 from the scenario file), and the answer lists
    each pledge's years, so a reader can tell which pledge had ended when members are cut."""
    chance = {o["failed"] and o["failed"][0] if len(o["failed"]) == 1 else tuple(o["failed"]): o["probability_failed"]
              for o in answer["outcomes"]}
    assert chance == {(): None, "companies": pytest.approx(0.3), "co-funded": pytest.approx(0.5),
                      ("companies", "co-funded"): pytest.approx(0.15)}
    by_name = {o["failed"][0]: o["probability"] for o in answer["outcomes"] if len(o["failed"]) == 1}
    assert by_name == {"companies": pytest.approx(0.3 * 0.5), "co-funded": pytest.approx(0.5 * 0.7)}
    assert answer["pledges"] == [
        {"name": "companies", "probability": 0.7, "first_year": 2026, "last_year": 2028, "segments": ["informal"]},
        {"name": "co-funded", "probability": 0.5, "first_year": 2026, "last_year": 2030,
         "segments": ["vulnerable", "informal"]}]
    # The members cut when only the co-funded pledge fails are the informal workers, in 2029.
    only = next(o for o in answer["outcomes"] if o["failed"] == ["co-funded"])
    assert [(y["year"], set(y["not_renewed_by_segment"])) for y in only["years"] if y["not_renewed_by_segment"]] == \
        [(2029, {"informal"})]


def test_no_pledge_no_outcomes():
    assert pledge_outcomes(load_scenario("madiun-2026-ucj")) is None
    assert pledge_outcomes(load_scenario("madiun-2025")) is None


def test_plan_writes_and_prints_the_outcomes(tmp_path, capsys, answer):
    out = tmp_path / "plan"
    code, stdout, err = run_cli(["plan", CSR, "--trials", 100, "--no-tornado", "--out", out], capsys)
    assert code == 0, err
    table = pd.read_csv(out / "plan_pledge_outcomes.csv", keep_default_na=False)
    assert list(table.columns[:5]) == ["honoured", "failed", "probability", "probability_failed", "year"]
    # The co-funded pledge's failure alone cuts informal workers in 2029 (as pledge_outcomes answers).
    only = next(o for o in answer["outcomes"] if o["failed"] == ["co-funded"])
    cut = only["years"][3]["not_renewed_by_segment"]["informal"]
    # The count with the not_renewed column's 2 decimals ("informal 28.70", not the raw float "informal 28.7").
    assert set(table.loc[table["failed"] == "co-funded", "not_renewed_by_segment"]) == {"", f"informal {cut:.2f}"}
    assert len(table) == 4 * 5  # four outcomes x the years 2026-2030
    assert set(table["failed"]) == {"", "companies", "co-funded", "companies;co-funded"}
    assert "If CSR pledges are not honoured" in stdout
    # Each pledge by its label, as the report names it (plan.json and the CSV keep the keys).
    for name in ("all honoured", "Firms in Kota Madiun fails", "Firms, matched 1:1 by the city fails", "none honoured"):
        assert re.search(rf"^  {re.escape(name)} +\d+%", stdout, re.M), name
    # A scenario without pledges writes no such table (and a re-run leaves none behind).
    code, _, err = run_cli(["plan", "madiun-2026-ucj", "--trials", 100, "--no-tornado", "--out", out], capsys)
    assert code == 0, err
    assert not (out / "plan_pledge_outcomes.csv").exists()


def test_the_report_shows_every_outcome_traced(tmp_path, answer):
    from sim.report import build
    from test_report import check_figures
    from test_report_planning import section_figures, section_text

    folder = build(load_scenario(CSR, ["scenario.trials=300"]), "id", tmp_path).folder
    check_figures(folder)  # every figure equals its report.json value and is formatted from it
    text = section_text(folder, "budget")
    # The pledges are named by their Indonesian labels, in the outcomes and in the payers' table.
    companies, co_funded = "Perusahaan di Kota Madiun", "Perusahaan, didampingi APBD 1:1"
    for name in ("semua dipenuhi", f"“{companies}” tidak dipenuhi", f"“{co_funded}” tidak dipenuhi",
                 "tidak ada yang dipenuhi", f"CSR: {companies}", f"CSR: {co_funded}"):
        assert name in text
    assert "co-funded" not in text and "CSR:companies" not in text
    # The summary names the failure that hurts most: the co-funded pledge (members not renewed in 2029).
    worst = next(i for i, o in enumerate(answer["outcomes"]) if o["failed"] == ["co-funded"])
    assert answer["outcomes"][worst]["not_renewed"] == max(o["not_renewed"] for o in answer["outcomes"]) > 0
    summary = {f["key"] for f in section_figures(folder, "summary")}
    assert f"planning.pledge_outcomes.outcomes.{worst}.years.3.not_renewed" in summary  # 2029
    # The pledge's own chance of failing (50 %) first; "only": the other pledge is honoured in that outcome, whose
    # probability (35 %) is the rarer exact combination.
    summary_text = section_text(folder, "summary")
    assert f"Peluang komitmen “{co_funded}” tidak dipenuhi: 50,0%. Bila hanya komitmen itu yang tidak dipenuhi " \
           "(peluang 35,0%)" in summary_text
    assert f"planning.pledge_outcomes.outcomes.{worst}.probability_failed" in summary
    # Who is cut, when, and why then: in 2029 the companies' three-year pledge (2026-2028) has ended, and its informal
    # workers need the APBD, which the co-funded pledge's failure has left short.
    cut = Language("id").count(answer["outcomes"][worst]["years"][3]["not_renewed"])
    assert ("pada 2029, tahun pertama setelah komitmen “Perusahaan di Kota Madiun” (2026–2028) berakhir, "
            f"kepesertaan {cut} pekerja "
            "“Pekerja informal lain di luar DTKS (BPU), didaftarkan untuk UCJ” tidak diperpanjang") in summary_text
    assert "(tabel di bagian Anggaran dan cakupan)" in summary_text
    # The APBD averaged over the outcomes, next to the plan's own, each year traced.
    shown = {f["key"] for f in section_figures(folder, "budget")}
    for k in range(len(answer["expected"])):
        assert f"planning.pledge_outcomes.expected.{k}.apbd_spent_idr" in shown
        assert f"planning.years.{k}.budget_spent_idr" in shown
        assert f"planning.pledge_outcomes.expected.{k}.apbd_needed_idr" in shown
    # Higher than the plan's own only in the years it is (not 2029-2030, when the APBD budget binds both) ...
    assert "Pada 2026, 2027, dan 2028 rata-rata ini lebih tinggi daripada tabel anggaran APBD di atas" in text
    # ... and, since the APBD paid stops at the budget, the average need to keep the plan is its expected cost (it
    # once said the APBD paid was: Rp4,00 miliar in 2029 against a need of Rp4,39 miliar); the figure to budget with
    # is the APBD needed at the confidence, not the average (it once called the average the reference, beside a
    # different 90 % figure in the summary). It is no longer that table's last column, now the budget's yes or no.
    assert "Rata-rata ini adalah perkiraan biaya APBD rencana ini." in text
    assert ("adalah APBD yang dibutuhkan pada tabel anggaran APBD di atas: itulah acuan untuk menganggarkan "
            "rencana ini") in text
    assert "kolom terakhir tabel anggaran APBD" not in text
    assert "rata-rata kebutuhan inilah acuannya" not in text and "Untuk menyusun anggaran, rata-rata inilah" not in text
    for i, outcome in enumerate(answer["outcomes"]):
        assert f"planning.pledge_outcomes.outcomes.{i}.probability" in shown
        for k in range(len(outcome["years"])):
            assert f"planning.pledge_outcomes.outcomes.{i}.years.{k}.apbd_needed_idr" in shown


def test_a_pledge_without_a_label_is_called_by_its_name_and_labels_follow_the_language():
    from sim.i18n import Language
    from sim.report_planning import payer_name, pledge_names

    scenario = load_scenario(CSR)
    assert pledge_names(Language("en"), scenario) == {"companies": "Firms in Kota Madiun",
                                                      "co-funded": "Firms, matched 1:1 by the city"}
    assert payer_name("CSR:companies", pledge_names(Language("id"), scenario)) == "CSR: Perusahaan di Kota Madiun"
    assert payer_name("APBD", {}) == "APBD" and payer_name("CSR:other", {}) == "CSR: other"
    unlabelled = dataclasses.replace(scenario.planning.funding.pledges[0], labels=None)
    assert unlabelled.label("id") == unlabelled.name == "companies"
    assert pledge_names(Language("id"), load_scenario("madiun-2026-ucj")) == {}  # no [funding.csr]


def test_outcome_totals_are_the_sums_of_their_years(answer):
    for o in answer["outcomes"]:
        assert o["not_renewed"] == pytest.approx(sum(y["not_renewed"] for y in o["years"]), abs=0.01)
        assert o["held_max"] == max(y["held_year_end"] for y in o["years"])


def test_the_expected_apbd_weighs_the_outcomes_and_exceeds_the_plan_where_a_pledge_is_spare(scenario, answer):
    """By hand: each year's APBD premium times each outcome's probability, summed. In 2026-2028 the companies' pledge
    brings more than its members use (at amount x probability too), so the plan's own table, which counts it at its
    expected money, spends less APBD than the average over the outcomes; the difference is the APBD the failed
    pledge's members fall back on."""
    assert math.isclose(sum(o["probability"] for o in answer["outcomes"]), 1.0)
    plan = project_scenario(scenario)
    spent_in_plan = money_by_year(plan, APBD)
    for k, e in enumerate(answer["expected"]):
        by_hand = sum(o["probability"] * o["years"][k]["apbd_spent_idr"] for o in answer["outcomes"])
        assert e["apbd_spent_idr"] == pytest.approx(by_hand, abs=0.01)
        assert e["year"] == answer["outcomes"][0]["years"][k]["year"]
    higher = [e["year"] for e in answer["expected"] if e["apbd_spent_idr"] > spent_in_plan[e["year"]] * 1.005]
    assert higher == [2026, 2027, 2028]


def test_the_expected_need_exceeds_the_apbd_paid_where_the_budget_binds(scenario, answer):
    """The APBD paid stops at the Rp4 bn budget, so in 2029-2030 the average over the outcomes is the budget while
    every outcome needs more to keep the plan: the average need (by hand) is the figure to budget for."""
    budget_2029 = 4_000_000_000
    for k, e in enumerate(answer["expected"]):
        by_hand = sum(o["probability"] * o["years"][k]["apbd_needed_idr"] for o in answer["outcomes"])
        assert e["apbd_needed_idr"] == pytest.approx(by_hand, abs=0.01)
        assert e["apbd_needed_idr"] >= e["apbd_spent_idr"] - 1.0  # a need is never below what is paid
    binding = [e["year"] for e in answer["expected"] if e["apbd_needed_idr"] > e["apbd_spent_idr"] * 1.005]
    assert binding == [2029, 2030]
    assert all(e["apbd_spent_idr"] == pytest.approx(budget_2029, rel=1e-9) for e in answer["expected"][3:])


def test_no_expected_row_when_only_the_stress_cases_are_shown():
    pledges = tuple(_pledge(n, 0.5) for n in "abcd")
    scenario = load_scenario(CSR)
    funding = dataclasses.replace(scenario.planning.funding, pledges=pledges)
    many = dataclasses.replace(scenario, planning=dataclasses.replace(scenario.planning, funding=funding))
    answer = pledge_outcomes(many)
    assert not answer["all_combinations"] and answer["expected"] is None


def test_the_most_names_waiting_is_the_peak_year_end_not_the_last():
    """madiun-2026-ucj-csr with Rp40 bn of APBD in 2030 (Rp4 bn before): names wait for money at the end of 2029
    and are all admitted in 2030, so the last year-end has none waiting; an outcome's most names waiting is then
    the 2029 year-end, which the report's worst case quotes (the last year's 0 would say nobody ever waited)."""
    budget = "[[2026, 4e9], [2027, 4e9], [2028, 4e9], [2029, 4e9], [2030, 4e10]]"
    scenario = load_scenario(CSR, [f"funding.apbd_budget.value={budget}"])  # a budget by year takes no range
    for outcome in pledge_outcomes(scenario)["outcomes"]:
        held = {y["year"]: y["held_year_end"] for y in outcome["years"]}
        assert held[2030] == 0 and held[2029] > 0
        assert outcome["held_max"] == held[2029] == max(held.values())


def _same_figures(a: dict, b: dict) -> bool:
    return a["not_renewed"] == b["not_renewed"] and a["held_max"] == b["held_max"] and a["years"] == b["years"]


@pytest.mark.parametrize("overrides, inside, outside, horizon", [
    # A start moved to 2029: the companies' pledge (2026-2028) has ended before the horizon.
    (["scenario.start=2029-01"], "co-funded", {"name": "companies", "first_year": 2026, "last_year": 2028},
     "January 2029 to December 2033"),
    # A horizon shortened to 2026: a co-funded pledge moved to 2027 starts after it.
    (["scenario.horizon_months=12", "funding.csr.co-funded.first_year=2027"], "companies",
     {"name": "co-funded", "first_year": 2027, "last_year": 2031}, "January 2026 to December 2026"),
])
def test_a_pledge_with_no_year_in_the_horizon_is_left_out(overrides, inside, outside, horizon):
    """Whether such a pledge is honoured changes nothing in the horizon: it once made outcomes ("companies fails
    15%") whose figures were those of "all honoured", with the probabilities split between them. Now the outcomes
    are the other pledge's, adding up to 1; the note and ``outside_horizon`` name the pledge left out, and the budget
    answer weighs the same outcomes (the report's count of pledges too). The note (plan.json and the terminal, in
    English as they are) says it as the English report's note under its table does, with the horizon's months."""
    from sim.report_planning import _apbd_needed

    scenario = load_scenario(CSR, overrides)
    unlimited = budget.UnlimitedApbd(scenario)
    answer = pledge_outcomes(scenario, unlimited)
    assert [o["failed"] for o in answer["outcomes"]] == [[], [inside]]
    assert sum(o["probability"] for o in answer["outcomes"]) == pytest.approx(1.0, abs=1e-12)
    assert [p["name"] for p in answer["pledges"]] == [inside] and answer["outside_horizon"] == [outside]
    assert answer["note"].endswith(f"; the pledge {outside['name']} ({outside['first_year']}-{outside['last_year']}) "
                                   f"lies wholly outside the horizon ({horizon}), so the outcomes leave it out: "
                                   f"whether it is honoured changes nothing here")
    report = Language("en")("pledge_left_out", names="", first="", last="")
    for words in ("lies wholly outside the horizon", "leave", "whether it is honoured changes nothing here"):
        assert words in report and words in answer["note"]
    honoured = answer["outcomes"][0]
    assert not any(_same_figures(o, honoured) for o in answer["outcomes"][1:])
    need = budget.budget_needed(scenario, 0.9, unlimited)
    assert need["outcomes"] == 2 and need["uncertainty"].startswith("which of 1 CSR pledge(s)")
    assert _apbd_needed(scenario, unlimited)["pledges"] == 1


@pytest.mark.parametrize("code", ["id", "en"])
@pytest.mark.parametrize("overrides, inside, outside", [
    (["scenario.start=2029-01"], "co-funded", ("companies", 2026, 2028)),
    (["scenario.horizon_months=12", "funding.csr.co-funded.first_year=2027"], "companies", ("co-funded", 2027, 2031)),
])
def test_the_report_names_the_pledge_left_out_under_the_table(overrides, inside, outside, code):
    """The report's note under the table of pledge outcomes names the pledge with no year in the horizon, by its label
    and run, and the horizon's months; without one it says nothing of the kind."""
    from sim.report_document import Table
    from sim.report_planning import _pledge_blocks, _pledges_left_out, planning_figures, pledge_names

    lang = Language(code)

    def note(scenario) -> str:
        blocks = _pledge_blocks(lang, {"planning": planning_figures(scenario)}, pledge_names(lang, scenario))
        return next(b for b in blocks if isinstance(b, Table) and b.name == "plan_pledges").note

    scenario = load_scenario(CSR, overrides)
    names, months = pledge_names(lang, scenario), planning_figures(scenario)["months"]
    name, first, last = outside
    said = note(scenario)
    assert f"“{names[name]}” ({first}–{last})" in said and names[inside] not in said
    assert lang.iso_date(months[0]["month"]) in said and lang.iso_date(months[-1]["month"]) in said
    # It lies outside the horizon (it said "has no year in the horizon", "tidak memiliki tahun dalam ...").
    assert {"en": "lies wholly outside the horizon", "id": "seluruhnya berada di luar periode proyeksi"}[code] in said
    assert not any(label in note(load_scenario(CSR)) for label in names.values())
    # Two left out: one sentence, both named.
    extra = {"planning": planning_figures(scenario)}
    extra["planning"]["pledge_outcomes"]["outside_horizon"].append({"name": inside, "first_year": 2020,
                                                                     "last_year": 2021})
    (both,) = _pledges_left_out(lang, extra, names)
    assert both.startswith(lang("pledge_left_out_several").split("{")[0])
    assert lang.join([f"“{names[name]}” ({first}–{last})", f"“{names[inside]}” (2020–2021)"]) in both


def test_a_pledge_whose_last_year_the_horizon_holds_one_month_of_is_kept():
    """A horizon moved to December 2028 holds one month of the companies' pledge (2026-2028), whose December is
    paid: the pledge is in the horizon, its outcomes weighed, none left out."""
    scenario = load_scenario(CSR, ["scenario.start=2028-12"])
    assert [p.name for p in budget.pledges_in_horizon(scenario)] == ["companies", "co-funded"]
    answer = pledge_outcomes(scenario)
    assert answer["outside_horizon"] == [] and len(answer["outcomes"]) == 4


def test_no_pledge_in_the_horizon_no_outcomes():
    """Both pledges ended before a horizon moved to 2029 (the co-funded one shortened to 2026-2027): nothing is
    uncertain in the money, as for a scenario without pledges."""
    from sim.report_planning import _apbd_needed

    scenario = load_scenario(CSR, ["scenario.start=2029-01", "funding.csr.co-funded.years.value=2"])
    assert pledge_outcomes(scenario) is None
    need = budget.budget_needed(scenario, 0.9)
    assert need["outcomes"] == 1 and need["uncertainty"].startswith("none")
    assert _apbd_needed(scenario, budget.UnlimitedApbd(scenario))["pledges"] == 0
    # What the money buys is answered with no uncertainty in it, at a confidence as with the expected CSR money (a
    # note of "probability >= 0.9 over which CSR pledges are honoured" would name pledges that play no part).
    for confidence in (0.9, None):
        coverage = budget.largest_coverage(scenario, confidence)
        assert coverage["basis"] == "no_pledges" and coverage["confidence"] is None, confidence
        assert coverage["note"].endswith("(no CSR pledges: no uncertainty in the money)")


def test_the_unmoved_horizon_leaves_no_pledge_out(answer):
    assert answer["outside_horizon"] == [] and "left out" not in answer["note"]
    assert len(answer["outcomes"]) == 4
    honoured = answer["outcomes"][0]
    assert not any(_same_figures(o, honoured) for o in answer["outcomes"][1:])


def test_two_pledges_left_out_are_named_in_one_sentence():
    """Two pledges with no year in the horizon: one plural sentence naming both, as the report's
    ``pledge_left_out_several``."""
    from sim.pledge_outcomes import _left_out

    scenario = load_scenario(CSR, ["scenario.start=2029-01"])
    said = _left_out(scenario, [{"name": "a", "first_year": 2026, "last_year": 2027},
                                {"name": "b", "first_year": 2027, "last_year": 2028}])
    assert said == ("the pledges a (2026-2027) and b (2027-2028) lie wholly outside the horizon (January 2029 to "
                    "December 2033), so the outcomes leave them out: whether they are honoured changes nothing here")
    report = Language("en")("pledge_left_out_several", names="", first="", last="")
    assert "lie wholly outside the horizon" in report and "whether they are honoured changes nothing here" in report
