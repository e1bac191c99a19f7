"""Findings of a review of the default report (madiun-2025), held: the recorded claims' source in Indonesian in the
Indonesian report (the experience file's ``source_id``), checked like every other key of the file; the
sensitivity's base claim ratio said to be the direct calculation's, beside the summary's simulated one where the
two differ; the validation table's counts called payments, which they are."""

from __future__ import annotations

import copy

import pytest

from sim.calibration import load_experience
from sim.i18n import Language
from sim.report_document import Para
from sim.report import build
from sim.report_sections import (
    calibration_blocks, calibration_figures, recorded_paras, recorded_source, sensitivity_section, validation_section,
)
from sim.report_document import Table
from sim.scenario import ScenarioError, load_scenario
from test_calibration import EXPERIENCE_HEAD, OBSERVATION_2025, calibrate_bad
from cli_checks import assert_one_line_error

FIXTURES = (calibrate_bad,)  # imported fixture
SHIPPED_EXPERIENCE = "scenarios/experience/madiun-2025.toml"
TRIALS = 300


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    """The default report (madiun-2025), in Indonesian."""
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("rev"))


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


# --- 3. the sensitivity's base: the direct calculation, said so beside the summary's simulated ratio ------------------


@pytest.mark.parametrize("code, words", [("id", "rata-rata simulasi"), ("en", "simulation mean")])
def test_the_sensitivity_base_ratio_is_the_direct_calculation_and_says_so_where_the_summary_shows_another(
        madiun, code, words):
    lang = Language(code)
    extra, summary = madiun.extra, copy.deepcopy(madiun.summary)
    base = extra["sensitivity"]["base"]["claim_ratio"]
    summary["periods"][0]["claim_ratio"]["mean"] = base  # the same figure: nothing to explain
    para = sensitivity_section(lang, extra, None, summary).blocks[0]
    assert para.figures["ratio"].key == "sensitivity.base.claim_ratio" and "mean" not in para.figures
    assert lang.percent(base) in lang.figure("percent", para.figures["ratio"].value)
    summary["periods"][0]["claim_ratio"]["mean"] = base + 0.008  # 232 % against 233 %: said which is which
    para = sensitivity_section(lang, extra, None, summary).blocks[0]
    assert para.figures["mean"].key == "periods.0.claim_ratio.mean" and para.figures["mean"].src == "summary.json"
    assert words in para.text and ("perhitungan langsung" if code == "id" else "direct calculation") in para.text
    assert "mean" not in sensitivity_section(lang, extra).blocks[0].figures  # without the summary: the base alone


# --- 4. the validation table counts payments, not cases -----------------------------------------------------------


def test_the_validation_counts_are_payments_and_their_columns_say_so(madiun):
    summary = madiun.summary
    first = summary["periods"][0]
    rows = [r for r in summary["breakdown"] if r["period"] == first["period"]]
    # A scholarship row counts every yearly payment and an accident counts under each benefit it receives: the
    # rows add up to more than the summary's cases (deaths and accidents, each once).
    assert sum(r["count_expected"] for r in rows) > first["claim_count"]["expected"] * 1.05
    for code, words in (("id", "Jumlah pembayaran"), ("en", "Number of payments")):
        section = validation_section(Language(code), summary, madiun.extra)
        header = next(b for b in section.blocks if isinstance(b, Table) and b.name == "validation").header
        counted = [h for h in header if words in h]
        assert len(counted) == 2 and not [h for h in header if "kasus" in h.lower() or "case" in h.lower()], header
        intro = " ".join(b.text for b in section.blocks if isinstance(b, Para))
        assert ("bukan kasus" if code == "id" else "not cases") in intro
