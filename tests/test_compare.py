"""``sim compare``'s key outputs picked from the budget path."""

from __future__ import annotations

import pytest

from sim import compare
from sim.scenario import load_scenario


def test_of_two_years_with_equal_need_the_peak_year_is_the_first(monkeypatch):
    """A need of Rp100, Rp300, Rp300 for 2025-2027 (hand-built, in place of sim.budget.budget_needed): the peak is
    Rp300 and its year 2025 + 1 = 2026, the first of the two equal years, not 2027 (the last of equal peaks
    survived the mutation audit). The first year's need is 2025's; the average 700 x 12 / 36 months = Rp233.33."""
    years = [{"year": 2025, "budget_idr": 100.0}, {"year": 2026, "budget_idr": 300.0},
             {"year": 2027, "budget_idr": 300.0}]
    need = {"for": "members", "years": years}
    monkeypatch.setattr(compare.budget, "budget_needed", lambda scenario, confidence, unlimited=None: need)
    out = compare.key_outputs(load_scenario("jambi-2025", ["scenario.trials=200"]), 0.9)
    assert (out["budget_needed_peak_year"], out["budget_needed_peak_year_idr"]) == (2026, 300.0)
    assert out["budget_needed_first_year_idr"] == 100.0
    assert round(out["budget_needed_per_year_idr"], 2) == 233.33


def test_compare_says_whether_each_scenario_s_money_keeps_its_members():
    """compare set madiun-2026-ucj's city money per year (Rp3.88 bn) beside the CSR scenario's (Rp3.80 bn) with no word
    that its Rp4 bn budget does not renew some 430 informal members in 2028, nor that the CSR scenario's leaves 6,592
    names waiting at the end of 2030: cheaper-looking money that does not keep the plan. Two rows now give them, the
    sum of sim plan's "not renewed" column and its last "waiting for money" (plan.json ``budget_cuts``,
    ``years[].held_year_end``); a scenario without a projection (jambi-2025: members only run off) has "-"."""
    from sim.compare import format_compare
    from sim.plan import plan

    refs = ("madiun-2026-ucj", "madiun-2026-ucj-csr")
    scenarios = [load_scenario(ref, ["scenario.trials=200"]) for ref in refs]
    result = compare.compare(scenarios, 0.9)
    values = {r["key"]: r["values"] for r in result["outputs"]}
    for scenario in scenarios:
        _, planned, _ = plan(scenario, 0.9, sensitivity=False)
        cut = sum(c["not_renewed"] for c in planned["budget_cuts"])
        assert values["not_renewed"][scenario.id] == pytest.approx(cut, abs=0.05)
        assert values["held_end"][scenario.id] == pytest.approx(planned["years"][-1]["held_year_end"], abs=0.01)
    assert values["not_renewed"]["madiun-2026-ucj"] > 400 and values["not_renewed"]["madiun-2026-ucj-csr"] < 0.01
    assert values["held_end"]["madiun-2026-ucj-csr"] > 6000
    text = format_compare(result, lambda x: f"Rp{x:,.0f}")
    row = next(t for t in text.splitlines() if t.startswith("members not renewed for lack of money, over the horizon"))
    assert row.split()[-2:] == [f"{values['not_renewed'][refs[0]]:,.0f}", "0"]
    assert compare.key_outputs(load_scenario("jambi-2025", ["scenario.trials=200"]), 0.9)["not_renewed"] is None


def test_compare_averages_members_not_renewed_over_which_csr_pledges_are_honoured():
    """compare's "not renewed" counts each CSR pledge at amount x probability, as sim plan's table: 0 for
    madiun-2026-ucj-csr, beside madiun-2026-ucj's 432, though the CSR scenario cuts 746 members if the co-funded
    pledge alone fails (35 %). Two rows average them over the pledge outcomes, as plan.json's
    ``budget.pledge_outcomes.expected``; without pledges they are the one outcome's; "-" where members only run off."""
    from sim.plan import plan

    refs = ("madiun-2026-ucj", "madiun-2026-ucj-csr")
    scenarios = [load_scenario(ref, ["scenario.trials=100"]) for ref in refs]
    values = {r["key"]: r["values"] for r in compare.compare(scenarios, 0.9)["outputs"]}
    _, planned, _ = plan(scenarios[1], 0.9, sensitivity=False)
    outcomes = planned["budget"]["pledge_outcomes"]
    by_hand = sum(o["probability"] * o["not_renewed"] for o in outcomes["outcomes"])
    assert sum(o["probability"] for o in outcomes["outcomes"]) == pytest.approx(1.0)
    assert values["not_renewed_expected"]["madiun-2026-ucj-csr"] == pytest.approx(by_hand, abs=0.05)
    assert values["not_renewed_expected"]["madiun-2026-ucj-csr"] > 200  # not the 0 of pledges at expected money
    assert values["held_end_expected"]["madiun-2026-ucj-csr"] == pytest.approx(
        sum(o["probability"] * o["years"][-1]["held_year_end"] for o in outcomes["outcomes"]), abs=0.05)
    for key in ("not_renewed", "held_end"):  # no pledges: one outcome, the same figure
        assert values[f"{key}_expected"]["madiun-2026-ucj"] == values[key]["madiun-2026-ucj"]
    jambi = compare.key_outputs(load_scenario("jambi-2025", ["scenario.trials=100"]), 0.9)
    assert jambi["not_renewed_expected"] is None and jambi["held_end_expected"] is None


def test_compare_states_its_confidence_and_units_in_the_table_and_the_csv():
    """The APBD rows read "at the confidence" with the confidence nowhere in the table, and compare_outputs.csv had no
    label and no confidence at all, so its APBD needed could not be told from an expected cost; the horizon read
    "36 from 2025-01". The rows say "at 80%", the CSV carries each row's label, and the horizon its months."""
    from sim.compare import format_compare

    # madiun-2026-ucj-csr: CSR pledges make its need uncertain, so the rows say the confidence (jambi-2025 and
    # jambi-2025-pipeline have no pledges: their rows now read "certain", test below).
    scenarios = [load_scenario(ref, ["scenario.trials=200"]) for ref in ("jambi-2025", "madiun-2026-ucj-csr")]
    result = compare.compare(scenarios, 0.8)
    labels = {r["key"]: r["label"] for r in result["outputs"]}
    for key in ("budget_needed_first_year_idr", "budget_needed_peak_year_idr", "budget_needed_per_year_idr"):
        assert labels[key].endswith(", at 80%")
    text = format_compare(result, lambda x: f"Rp{x:,.0f}")
    assert "at the confidence" not in text and "needed in the first year (next budget), at 80%" in text
    horizon = next(r for r in result["outputs"] if r["key"] == "horizon")
    assert horizon["values"]["jambi-2025"] == "36 months from 2025-01"
    csv = compare.tables(result)["compare_outputs.csv"]
    assert list(csv.columns[:3]) == ["output", "label", "unit"]
    assert csv.set_index("output").loc["budget_needed_first_year_idr", "label"].endswith("at 80%")


def test_a_need_without_csr_pledges_is_said_to_be_certain_not_at_the_confidence():
    """Without CSR pledges the APBD needed has one outcome (premiums are known given the members), yet compare's
    rows said "at 90%", as if it had a 10 % chance of falling short. As sim plan says, it is certain: in the row
    labels where no scenario has pledges; beside a scenario with pledges, on its cells and its line of the path."""
    from sim.compare import format_compare

    refs = ("madiun-2026-ucj", "madiun-2026-ucj-csr")
    result = compare.compare([load_scenario(ref, ["scenario.trials=200"]) for ref in refs], 0.9)
    assert result["budget_needed_certain"] == {"madiun-2026-ucj": True, "madiun-2026-ucj-csr": False}
    lines = format_compare(result, lambda x: f"Rp{x:,.0f}").splitlines()
    apbd = "APBD (excluding DBH-CHT)"  # the CSR scenario spends tobacco-excise money too
    for label in ("needed in the first year (next budget), at 90%", "needed in the peak year, at 90%",
                  "needed, horizon average per year, at 90%"):
        row = next(t for t in lines if t.startswith(f"{apbd} {label}"))
        assert row.count("(certain)") == 1 and not row.endswith("(certain)")  # madiun-2026-ucj's cell, the first
    assert "(certain)" not in next(t for t in lines if t.startswith("peak year of the APBD need"))
    assert f"{apbd} needed per year, at 90% over which CSR pledges are honoured:" in lines
    ucj = next(t for t in lines if t.startswith("  madiun-2026-ucj (for its quota path"))
    assert "certain: no CSR pledges, the money is known" in ucj
    assert "certain" not in next(t for t in lines if t.startswith("  madiun-2026-ucj-csr ("))

    refs = ("jambi-2025", "jambi-2025-pipeline")
    result = compare.compare([load_scenario(ref, ["scenario.trials=200"]) for ref in refs], 0.9)
    labels = {r["key"]: r["label"] for r in result["outputs"]}
    assert labels["budget_needed_first_year_idr"] == ("APBD needed in the first year (next budget), "
                                                      "certain (no CSR pledges)")  # no DBH-CHT in either
    assert result["budget_needed_excludes_dbh_cht"] is False
    text = format_compare(result, lambda x: f"Rp{x:,.0f}")
    assert "90%" not in text and "(certain)" not in text
    assert "APBD needed per year, certain (no CSR pledges: the money is known):" in text


def test_the_apbd_needed_says_it_leaves_out_dbh_cht_where_a_scenario_spends_it():
    """madiun-2026-ucj-csr spends Rp500 m a year of DBH-CHT, which the APBD needed leaves out (sim plan: "premiums
    only, excluding DBH-CHT"); compare's rows said "APBD needed", so the variant read as Rp500 m a year less APBD
    though the pledges lower the need by nothing at 90 %. The rows, the path's heading and compare.json say so."""
    from sim.compare import dbh_cht_pays, format_compare

    scenarios = [load_scenario(ref, ["scenario.trials=200"]) for ref in ("madiun-2026-ucj", "madiun-2026-ucj-csr")]
    assert [dbh_cht_pays(s) for s in scenarios] == [False, True]
    assert not dbh_cht_pays(load_scenario("madiun-2026-ucj-csr", ["funding.dbh_cht_budget=0"]))  # none to leave out
    result = compare.compare(scenarios, 0.9)
    assert result["budget_needed_excludes_dbh_cht"] is True
    labels = {r["key"]: r["label"] for r in result["outputs"]}
    for key in ("budget_needed_first_year_idr", "budget_needed_peak_year_idr", "budget_needed_per_year_idr"):
        assert labels[key].startswith("APBD (excluding DBH-CHT) needed")
    text = format_compare(result, lambda x: f"Rp{x:,.0f}")
    assert "\nAPBD (excluding DBH-CHT) needed per year, at 90%" in text
    assert "\nAPBD needed" not in text
    # The gap between them is the DBH-CHT budget, not APBD saved: the CSR pledges lower the need by nothing here.
    first = {r["key"]: r["values"] for r in result["outputs"]}["budget_needed_first_year_idr"]
    dbh = scenarios[1].planning.funding.dbh_cht.at(2026)
    assert first["madiun-2026-ucj"] - first["madiun-2026-ucj-csr"] == pytest.approx(dbh, rel=1e-9)


def _result(outputs: list[dict], trials: int, parameters: list | None = None, ids=("a", "b")) -> dict:
    """A hand-built compare result: the table's rows, the runs' trial counts, the differing parameters."""
    return {"scenarios": list(ids), "confidence": 0.9, "outputs": outputs,
            "runs": {i: {"trials": trials, "seed": 1} for i in ids}, "parameters": parameters or []}


def test_a_probability_all_or_no_trials_show_is_bounded_by_what_the_trials_resolve():
    """300 trials all with claims above premium printed "> 99.9%", a precision 300 trials cannot give (a 1-in-300
    miss would pass unseen). All or none of n trials now reads as the 95 % bound of the rule of three (1 - 3/n, down
    to 0.1 %) with the count: "> 99.0% (300 of 300 trials)", "< 1.0% (0 of 300 trials)"; 10,000 trials keep
    "> 99.9%". A share between is the estimate, as before."""
    from sim.compare import format_compare

    row = {"key": "prob_claims_above_premium", "label": "P(claims > premium) over the horizon",
           "unit": "probability", "values": {"a": 1.0, "b": 0.0}}
    text = format_compare(_result([row], 300), lambda x: f"Rp{x:,.0f}")
    line = next(t for t in text.splitlines() if t.startswith("P(claims"))
    assert "> 99.0% (300 of 300 trials)" in line and "< 1.0% (0 of 300 trials)" in line
    assert "99.9" not in line
    text = format_compare(_result([row], 10_000), lambda x: f"Rp{x:,.0f}")
    line = next(t for t in text.splitlines() if t.startswith("P(claims"))
    assert "> 99.9% (10,000 of 10,000 trials)" in line and "< 0.1% (0 of 10,000 trials)" in line
    row["values"] = {"a": 0.5, "b": 299 / 300}
    text = format_compare(_result([row], 300), lambda x: f"Rp{x:,.0f}")
    assert next(t for t in text.splitlines() if t.startswith("P(claims")).split()[-2:] == ["50.0%", "99.7%"]


def test_differing_parameters_show_their_units_on_the_terminal_and_in_the_csv():
    """madiun-2026-ucj against its CSR variant listed "500,000,000", "0.5", "5" and '{"en": "Firms, matche...' with
    no unit anywhere, and compare_parameters.csv had no unit column. Each row now carries its register unit (in
    compare.json and the CSV); the terminal shows amounts in Rp per their period, shares in %, a duration in years,
    a first year as a year, a pledge's label as its English text and a segment list as names (the pledge's CSR
    amounts are the file's: Rp1.5 bn a year, 70 %, 3 years; Rp500 m, 50 %, city match 50 %, 5 years)."""
    from sim.compare import format_compare

    scenarios = [load_scenario(ref) for ref in ("madiun-2026-ucj", "madiun-2026-ucj-csr")]
    parameters = compare.differing_parameters(scenarios)
    units = {r["parameter"]: r["unit"] for r in parameters}
    assert units["funding.csr.companies.amount"] == "IDR per year"
    assert units["funding.csr.companies.probability"] == "share" and units["funding.csr.companies.years"] == "years"
    assert units["funding.csr.companies.label"] == ""
    csv = compare.tables(_result([], 300, parameters, [s.id for s in scenarios]))["compare_parameters.csv"]
    assert list(csv.columns) == ["parameter", "unit", "madiun-2026-ucj", "madiun-2026-ucj-csr"]
    assert csv.set_index("parameter").loc["funding.csr.companies.amount", "unit"] == "IDR per year"
    row = {"key": "horizon", "label": "horizon", "unit": "months", "values": {s.id: "60" for s in scenarios}}
    text = format_compare(_result([row], 300, parameters, [s.id for s in scenarios]), lambda x: f"Rp{x / 1e6:,.1f} m")
    cells = {line.split()[0]: line.split("  -  ")[-1].strip() for line in text.splitlines()
             if line.startswith("  funding.")}
    assert cells["funding.csr.companies.amount"] == "Rp1,500.0 m per year"
    assert cells["funding.dbh_cht_budget"] == "Rp500.0 m per year"
    # As the report's and notebook 04's differences tables (report_sections.parameter_figure): the file's digits.
    assert cells["funding.csr.companies.probability"] == "70%"
    assert cells["funding.csr.co-funded.city_match"] == "50%"
    assert cells["funding.csr.companies.years"] == "3 years"
    assert cells["funding.csr.companies.first_year"] == "2026"
    assert cells["funding.csr.companies.label"] == "Firms in Kota Madiun"
    assert cells["funding.csr.co-funded.segments"] == "vulnerable, informal"


def test_compare_says_what_it_wrote_as_plan_does(tmp_path, capsys):
    """plan's last line names its folder once ("Wrote DIR/plan.json, plan_*.csv, ..."); compare's repeated the folder
    before each file. Both now read "Wrote DIR/first-file, next-file, ...", and every file named is in DIR."""
    from cli_checks import run_cli

    lines = {}
    for command, args in (("plan", ["jambi-2025", "--no-tornado"]), ("compare", ["jambi-2025", "jambi-2025-pipeline"])):
        out = tmp_path / command
        code, stdout, err = run_cli([command, *args, "--trials", 200, "--out", out], capsys)
        assert code == 0, err
        lines[command] = stdout.splitlines()[-1]
        first, *rest = lines[command].removeprefix(f"Wrote {out}/").split(", ")
        assert lines[command].startswith(f"Wrote {out}/") and "/" not in "".join(rest), lines[command]
        assert all((out / name).is_file() for name in [first, *rest] if "*" not in name)
    assert lines["compare"].endswith("/compare.json, compare_outputs.csv, compare_parameters.csv")


def test_lists_of_pairs_are_shown_by_whole_entries_with_their_unit():
    """Tenure, the reporting delay and the intensity draws were JSON cut at 40 characters ('[[0, 0.703368], [6,
    0.078542], [30, 0.218...'), and money by year was cut inside an amount: each list is now its whole entries, the
    months once and each share in %, then how many entries there are when not all fit."""
    from sim.cli import rupiah

    def cells(a: str, b: str) -> dict:
        return {r["parameter"]: [compare.parameter_cell(r["parameter"], v, r["unit"], rupiah)
                                 for v in r["values"].values()]
                for r in compare.differing_parameters([load_scenario(a), load_scenario(b)])}

    target = cells("madiun-2023", "madiun-2023-target")
    assert target["segments.vulnerable.tenure"] == ["months 6: 26.0%, 30: 74.0%", "months 0: 70.3%, 6: 7.9%, 30: 21.8%"]
    ucj = cells("madiun-2025", "madiun-2026-ucj")
    assert ucj["claim_timing.reporting_delay"] == ["-", "months 0: 50.0%, 1: 25.0%, ... (6)"]
    assert ucj["segments.vulnerable.tenure"] == ["months 2: 10.0%, 12: 39.0%, ... (4)",
                                                 "months 14: 10.0%, 24: 39.0%, ... (4)"]
    assert cells("jambi-2025", "jambi-2025-pipeline")["expansion.vulnerable.targets"] == [
        "-", "2025: 3,000 persons, ... (3)"]
    draws = load_scenario("madiun-2025").resolved["uncertainty"]["intensity_draws"]["value"]
    cell = compare.parameter_cell("uncertainty.intensity_draws", draws, "multipliers of expected deaths and accidents",
                                  rupiah)
    assert cell == f"draws ({draws[0][0]}, {draws[0][1]}), ... ({len(draws)})" and len(cell) <= 40
