"""`sim plan`'s terminal names what it shows: the sensitivity line gave raw keys ("segments.marbot.mortality_load
47%"), where the report's sensitivity table names the same parameter with its unit and the segment's label."""

from __future__ import annotations

from sim.plan import _sensitivities_line, sensitivity_names
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
