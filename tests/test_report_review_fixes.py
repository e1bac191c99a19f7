"""Findings of a review of the default report (madiun-2025), held: the recorded claims' source in Indonesian in the
Indonesian report (the experience file's ``source_id``), checked like every other key of the file."""

from __future__ import annotations

import copy

import pytest

from sim.calibration import load_experience
from sim.i18n import Language
from sim.report_document import Para
from sim.report_sections import calibration_blocks, calibration_figures, recorded_paras, recorded_source
from sim.scenario import ScenarioError, load_scenario
from test_calibration import EXPERIENCE_HEAD, OBSERVATION_2025, calibrate_bad
from cli_checks import assert_one_line_error

FIXTURES = (calibrate_bad,)  # imported fixture
SHIPPED_EXPERIENCE = "scenarios/experience/madiun-2025.toml"


# --- 1. the recorded claims' source in the report's language --------------------------------------------------------


@pytest.fixture(scope="module")
def calibrated():
    """madiun-2025 and its report.json calibration figures (no model window: only the record and the file)."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=50"])
    return scenario, {"calibration": calibration_figures(scenario)}


def _texts(blocks) -> str:
    return " ".join(b.text for b in blocks if isinstance(b, Para)) + " ".join(
        getattr(b, "note", "") for b in blocks)


def test_the_shipped_experience_file_gives_its_source_in_indonesian(root):
    experience = load_experience(root / SHIPPED_EXPERIENCE)
    assert "reported at" in experience.source
    assert experience.source_id == ("BPJS Ketenagakerjaan Madiun, disampaikan pada penandatanganan kerja sama "
                                    "29 Desember 2025 (seed 001)")


def test_the_indonesian_report_cites_the_indonesian_source_and_the_english_one_the_english(calibrated, root):
    scenario, extra = calibrated
    experience = load_experience(root / SHIPPED_EXPERIENCE)
    cal = extra["calibration"]
    assert (cal["source"], cal["source_id"]) == (experience.source, experience.source_id)  # in report.json
    for code, shown, hidden in (("id", experience.source_id, experience.source),
                                ("en", experience.source, experience.source_id)):
        lang = Language(code)
        assert recorded_source(lang, cal) == shown
        text = _texts(calibration_blocks(lang, scenario, extra)) + _texts(recorded_paras(lang, extra))
        assert shown in text and hidden not in text, code
    text = _texts(calibration_blocks(Language("id"), scenario, extra))
    assert "reported at" not in text and "agreement signing" not in text


def test_without_an_indonesian_source_both_reports_cite_the_source(calibrated):
    scenario, extra = calibrated
    extra = copy.deepcopy(extra)
    extra["calibration"]["source_id"] = None  # an experience file without source_id, or no file at all
    for code in ("id", "en"):
        assert recorded_source(Language(code), extra["calibration"]) == extra["calibration"]["source"]
        assert extra["calibration"]["source"] in _texts(calibration_blocks(Language(code), scenario, extra))


def test_an_experience_file_without_source_id_reads_as_none(tmp_path):
    path = tmp_path / "plain.toml"
    path.write_text(EXPERIENCE_HEAD + OBSERVATION_2025, encoding="utf-8")
    assert load_experience(path).source_id is None


@pytest.mark.parametrize("value, problem", [
    ("5", "must be a non-empty string, got 5"),
    ('""', "must be a non-empty string"),
    ('["a", "b"]', "must be a non-empty string"),
])
def test_a_bad_source_id_is_one_error_line(calibrate_bad, value, problem):
    code, err = calibrate_bad(EXPERIENCE_HEAD + f"source_id = {value}\n" + OBSERVATION_2025)
    assert_one_line_error(code, err, ["madiun-obs.toml", ": experience.source_id: ", problem])


def test_a_bad_source_id_names_the_file_and_key(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(EXPERIENCE_HEAD + "source_id = 7\n" + OBSERVATION_2025, encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bad.toml: experience.source_id"):
        load_experience(path)
