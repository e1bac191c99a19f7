"""A projected scenario's report folder holds the plan's detail tables (plan_*.csv), the very files
``sim plan --no-tornado`` writes for the same trials and seed, listed in the manifest with their hashes; the budget
section names each file and what it holds, instead of sending city budget officers to a command they cannot run.
A scenario without a projection gets none, and its note tells who runs ``sim plan``."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from sim.cli import main
from sim.report_text import TEXT
from test_report_planning import one_commit, section_text  # noqa: F401 (one_commit: autouse, as in test_report)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders); pyflakes ignores noqa
TRIALS = 300
DETAIL = ["plan_years.csv", "plan_segments.csv", "plan_funding.csv", "plan_enrolment.csv"]
PLEDGES = "plan_pledge_outcomes.csv"


def _report(tmp_path_factory, scenario_id: str, lang: str):
    """The folder ``python -m sim report SCENARIO`` writes (in-process), with TRIALS trials."""
    reports = tmp_path_factory.mktemp("reports")
    assert main(["report", scenario_id, "--trials", str(TRIALS), "--lang", lang, "--reports-dir", str(reports),
                 "--quiet"]) == 0
    (folder,) = (reports / scenario_id).iterdir()
    return folder


@pytest.fixture(scope="module")
def csr(tmp_path_factory):
    """madiun-2026-ucj-csr: a projection with CSR pledges, so every plan table, the pledge outcomes' included."""
    return _report(tmp_path_factory, "madiun-2026-ucj-csr", "id")


@pytest.fixture(scope="module")
def csr_plan(tmp_path_factory):
    out = tmp_path_factory.mktemp("plan")
    assert main(["plan", "madiun-2026-ucj-csr", "--trials", str(TRIALS), "--no-tornado", "--out", str(out),
                 "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def pipeline_en(tmp_path_factory):
    """jambi-2025-pipeline: a projection without CSR pledges."""
    return _report(tmp_path_factory, "jambi-2025-pipeline", "en")


@pytest.fixture(scope="module")
def madiun_en(tmp_path_factory):
    """madiun-2025: no projection (its members are those at the start, run off)."""
    return _report(tmp_path_factory, "madiun-2025", "en")


def plan_files(folder) -> set:
    return {p.name for p in folder.glob("plan_*")}


def test_the_report_folder_holds_the_files_sim_plan_writes_byte_for_byte(csr, csr_plan):
    assert plan_files(csr) == {*DETAIL, PLEDGES}
    assert plan_files(csr_plan) - {"plan.json"} == plan_files(csr)  # --no-tornado: no tornado.csv, nor here
    for name in plan_files(csr):
        assert (csr / name).read_bytes() == (csr_plan / name).read_bytes(), name
    # Real content, not headers: the enrolment by month and segment, the pledge outcomes by year.
    months = json.loads((csr / "summary.json").read_text())["horizon_months"]
    assert (csr / "plan_enrolment.csv").read_text().count("\n") == 1 + months * 4  # 4 segments
    assert "honoured,failed,probability" in (csr / PLEDGES).read_text().splitlines()[0]


def test_the_manifest_lists_the_plan_files_with_their_hashes(csr):
    hashes = json.loads((csr / "manifest.json").read_text())["files_sha256"]
    assert {*DETAIL, PLEDGES} <= set(hashes)
    for name in plan_files(csr):
        assert hashes[name] == hashlib.sha256((csr / name).read_bytes()).hexdigest()


def _named_files(folder) -> list[str]:
    """The files the budget section's table of plan files names, in order (the HTML keeps each name as typed)."""
    html = (folder / "report.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="data" data-table="plan_files">.*?</table>', html, re.S).group(0)
    return re.findall(r"<t[dh][^>]*>(plan_\w+\.csv)</t[dh]>", table)  # a row's first cell is its <th>


@pytest.mark.parametrize("fixture", ["csr", "pipeline_en"])
def test_the_budget_section_names_the_files_in_the_folder_not_a_command(fixture, request):
    folder = request.getfixturevalue(fixture)
    code = "id" if fixture == "csr" else "en"
    assert _named_files(folder) == [f for f in [*DETAIL, PLEDGES] if f in plan_files(folder)]
    assert (PLEDGES in plan_files(folder)) == (fixture == "csr")  # only a scenario with CSR pledges
    budget = section_text(folder, "budget")
    assert ("folder laporan ini" if code == "id" else "this report's folder") in budget
    assert "sim plan" not in budget
    assert TEXT["plan_file_plan_enrolment"][code] in budget  # both have a pipeline: its stages are in the table


def test_the_sensitivity_note_sends_an_analyst_not_the_reader_to_sim_plan(csr, pipeline_en):
    assert "Analis dapat mengukur pengaruhnya terhadap tahun-tahun lainnya dan terhadap anggaran dengan perintah " \
           "perencanaan python -m sim plan" in section_text(csr, "sensitivity")
    assert "An analyst can measure" in section_text(pipeline_en, "sensitivity")


def test_a_scenario_without_a_projection_gets_no_plan_files(madiun_en):
    assert not plan_files(madiun_en)
    assert "plan_" not in json.dumps(json.loads((madiun_en / "manifest.json").read_text())["files_sha256"])
    assert 'data-table="plan_files"' not in (madiun_en / "report.html").read_text(encoding="utf-8")
    assert "an analyst runs it with the command python -m sim plan" in section_text(madiun_en, "budget")
