"""`sim plan`'s terminal names what it shows: the sensitivity line gave raw keys ("segments.marbot.mortality_load
47%"), where the report's sensitivity table names the same parameter with its unit and the segment's label."""

from __future__ import annotations

import copy

import pytest

from sim.plan import (_csr_gap_lines, _outcome_name, _sensitivities_line, _targets_missed_line, _what_binds_text,
                      entry_labels, format_plan, sensitivity_names)
from sim.scenario import load_scenario

MARBOT = "segments.marbot.mortality_load"
AGE = "assumptions.age_shift"


def rupiah(x):
    return f"Rp{x:,.0f}"


def _row(parameter: str, unit: str, held: float, refitted: float | None = None) -> dict:
    return {"parameter": parameter, "unit": unit, "largest_relative_swing": held,
            "largest_relative_swing_recalibrated": refitted}


def test_the_sensitivity_line_names_each_parameter_as_the_report_does_in_ascii():
    rows = [_row(MARBOT, "x mortality table", 0.47), _row(AGE, "years", 0.59),
            _row("pipeline.kelurahan.capacity", "names per month", 0.02)]
    names = sensitivity_names(load_scenario("pekalongan-2023-expansion"), rows)
    assert names[MARBOT] == "Mortality load (x) - Prayer-room caretakers (marbot mushola, BPU)"
    assert names[AGE] == "Age profile (shifted, years)"
    assert names["pipeline.kelurahan.capacity"] == "Stage capacity (names per month) - Kelurahan"
    line = _sensitivities_line({"rows": rows}, names)
    assert line.isascii() and MARBOT not in line and AGE not in line
    assert line.endswith(": Mortality load (x) - Prayer-room caretakers (marbot mushola, BPU) 47%; "
                         "Age profile (shifted, years) 59%; Stage capacity (names per month) - Kelurahan 2%")


def test_a_refitted_line_names_its_parameters_too():
    rows = [_row(MARBOT, "x", 0.47, 0.10), *[_row(f"segments.marbot.male_share{i}", "share", 0.05) for i in range(4)],
            _row(AGE, "years", 0.61, 0.01)]
    line = _sensitivities_line({"rows": rows, "recalibrated_through": "madiun-2025"},
                               {MARBOT: "Mortality load (x) - Marbot", AGE: "Age profile (shifted, years)"})
    assert "Mortality load (x) - Marbot 10% (47% held)" in line
    assert line.endswith(". With the calibration held, also: Age profile (shifted, years) 61% (1% refitted)")


def test_pledge_outcomes_and_missed_targets_are_named_by_their_labels():
    """A planner read "bank-daerah fails" and "(rentan; 230 names wait for money)" where the report names the
    pledge and the segment by their labels. madiun-2026-ucj-csr's pledges and segments have labels, one with a comma
    ("Firms, matched 1:1 by the city"), so "; " parts the segments; a pledge without a label keeps its key."""
    labels = entry_labels(load_scenario("madiun-2026-ucj-csr"))
    assert labels["pledges"] == {"companies": "Firms in Kota Madiun", "co-funded": "Firms, matched 1:1 by the city"}
    assert _outcome_name({"failed": ["companies"], "honoured": ["co-funded"]},
                         labels["pledges"]) == "Firms in Kota Madiun fails"
    assert _outcome_name({"failed": ["other"], "honoured": []}, labels["pledges"]) == "other fails"
    result = {"years": [{"year": "2029", "held_year_end": 3530.0}],
              "targets": [{"segment": s, "year": 2029, "target": 100.0, "members_year_end": 90.0, "reached": False}
                          for s in ("informal", "vulnerable")]}
    assert _targets_missed_line(result, labels["segments"]).endswith(
        ": 2029 180 of 200 (Other informal workers outside DTKS (BPU), enrolled for UCJ; Vulnerable informal workers "
        "(BPU); 3,530 names wait for money)")
    assert "(informal; vulnerable; 3,530 names" in _targets_missed_line(result)  # no labels: the keys, as plan.json


INFORMAL = "Other informal workers outside DTKS (BPU), enrolled for UCJ"
VULNERABLE = "Vulnerable informal workers (BPU)"
NON_ASN = "Non-ASN contract staff of the city (PU)"
CO_FUNDED = "Firms, matched 1:1 by the city"


@pytest.fixture(scope="module")
def csr_plan():
    """madiun-2026-ucj-csr over 2026-2027 with the co-funded pledge moved to 2028: its money after the horizon and
    the pledge outside it are the plan's own; the cuts and missed targets, which its money does not make, are set
    into a copy of plan.json by each test."""
    from sim.plan import plan

    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=24", "scenario.trials=200",
                                                     "funding.csr.co-funded.first_year=2028"])
    _, result, _ = plan(scenario, 0.9, sensitivity=False)
    return result, entry_labels(scenario)


def _line(text: str, start: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith(start)]
    return line


def test_every_line_under_the_table_names_segments_and_pledges_by_their_labels(csr_plan):
    """The not-renewed WARNING, the other money's cuts, "Not reached even with unlimited money", the "Not used" line
    and the outcomes' note on a pledge outside the horizon named segments and pledges by key ("2028 informal 432",
    "CSR:co-funded 2028", "the pledge co-funded (2028-2032)") where the targets-missed line and the report name them
    by label. Labels hold commas, so "; " parts the items; without labels the keys stay, as in plan.json."""
    result, labels = csr_plan
    result = copy.deepcopy(result)
    result["budget_cuts"] = [{"year": "2027", "segment": "informal", "not_renewed": 432.0, "payer": "APBD"},
                             {"year": "2027", "segment": "vulnerable", "not_renewed": 12.0, "payer": "DBH-CHT"}]
    result["budget"]["budget_needed"]["targets_with_unlimited_budget"] = [
        {"segment": s, "year": 2027, "target": 9000.0, "members_year_end": 8000.0, "reached": False}
        for s in ("informal", "non_asn")]
    result["targets_after_horizon"] = [{"segment": "informal", "year": 2028, "target": 3000.0}]
    text = format_plan(result, rupiah, labels=labels)
    assert _line(text, "WARNING: the money does not renew").endswith(
        f"at the year's round: 2027: 432 {INFORMAL}; 2027: 12 {VULNERABLE}")
    assert _line(text, "Not renewed for lack of money other than the APBD: ").startswith(
        f"Not renewed for lack of money other than the APBD: {VULNERABLE} (payer DBH-CHT). ")
    assert _line(text, "Not reached even with unlimited money").endswith(
        f": {INFORMAL} 2027 (8,000 of 9,000); {NON_ASN} 2027 (8,000 of 9,000)")
    assert _line(text, "Not used: ").startswith(
        f"Not used: year-end targets after the horizon's last year (2027): {INFORMAL} 2028 (3,000); budget and "
        f"pledge money after it: CSR: Firms in Kota Madiun 2028 Rp1,500,000,000; CSR: {CO_FUNDED} 2028 "
        "Rp500,000,000; ")
    assert (f"; the pledge {CO_FUNDED} (2028-2032) lies wholly outside the horizon (January 2026 to December 2027)"
            in _line(text, "If CSR pledges are not honoured"))
    keyed = format_plan(result, rupiah)
    assert "round: 2027: 432 informal; 2027: 12 vulnerable" in keyed and "CSR:co-funded 2028" in keyed
    assert "the pledge co-funded (2028-2032)" in keyed and "slow): informal 2027 (8,000" in keyed


def test_the_csr_gap_and_what_binds_name_segments_and_pledges_by_their_labels():
    """The CSR-gap lines ("CSR money for the UCJ segments (vulnerable, informal, sertakan)", the segments outside the
    UCJ allocation, the members still not renewed) and what binds with no growth ("if the CSR pledge companies ...
    informal: 500 CSR-paid members") gave keys."""
    labels = entry_labels(load_scenario("madiun-2026-ucj-csr"))
    years = [{"year": "2027", "csr_idr": 1e9}]
    ucj = [{"year": 2027, "year_end_month": "2027-12", "ucj": 0.6}]
    gap = {"confidence": 0.9, "segments": ["vulnerable", "informal"], "years": years, "ucj_with_gap_closed": ucj,
           "probability_money_does_not_bind_with_it": 0.5, "not_renewed_with_it": {"non_asn": 700.0},
           "other_city_segments": ["non_asn"],
           "shortfall_outside_ucj": {"payers": ["APBD"], "years": [{"year": "2027", "shortfall_idr": 2e9}],
                                     "probability_money_does_not_bind_with_both": 1.0, "ucj_with_both": ucj}}
    first, short, warning = _csr_gap_lines(gap, 1, rupiah, labels=labels)
    assert first.startswith(f"CSR money for the UCJ segments ({VULNERABLE}; {INFORMAL}) to close the gap")
    assert short.startswith(f"APBD short for segments outside the UCJ allocation ({NON_ASN}), not covered")
    assert warning.endswith(f"(members still not renewed: 700 {NON_ASN})")
    zero = {"apbd_binds": False,
            "by_segment": [{"segment": "informal", "payer": "CSR", "not_renewed": 500.0, "held_max": 0.0}],
            "failed_pledges": [{"name": "companies", "probability_failed": 0.3}]}
    assert _what_binds_text(zero, labels) == (
        f"if the CSR pledge Firms in Kota Madiun (probability 30%) is not honoured, {INFORMAL}: 500 CSR-paid members "
        "not renewed; the APBD is not what binds (those members depend on CSR money)")
    assert _what_binds_text(zero).startswith("if the CSR pledge companies (probability 30%) is not honoured, informal:")
