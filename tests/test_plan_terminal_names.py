"""`sim plan`'s terminal names what it shows: the sensitivity line gave raw keys ("segments.marbot.mortality_load
47%"), where the report's sensitivity table names the same parameter with its unit and the segment's label."""

from __future__ import annotations

from sim.plan import _outcome_name, _sensitivities_line, _targets_missed_line, entry_labels, sensitivity_names
from sim.scenario import load_scenario

MARBOT = "segments.marbot.mortality_load"
AGE = "assumptions.age_shift"


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
