"""Pipeline stages named by the city's own office, and [budget] values a projection does not use.

A stage's optional ``label`` (``[pipeline.disnaker] label = { en = "...", id = "..." }``) names the office wherever
the report names a stage: the register, the tornado's bars, the differences from the base. Without one the report
uses a generic name ("Dinas ketenagakerjaan" / "Labour office"), never one city's office (the report once called
Kota Pekalongan's Dinperinaker by Kota Jambi's name). A bad label is one error line naming the file and the key.

A scenario with a projection takes its APBD budget from [funding] and its year-end targets from [expansion]; the
[budget] values it inherits (jambi-2025's Rp604 m and 3,000 members) are then not used, and the register says so
rather than listing them beside the figures they contradict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_checks import assert_one_line_error, run_cli
from sim.i18n import Language
from sim.report_document import Table
from sim.report_planning import planning_figures
from sim.report_sections import (
    UNUSED_IN_PROJECTION, _readable_swings, differences_section, entry_names, register_rows, register_section,
    rule_rows, stage_names, unused_in_projection,
)
from sim.report_text import PARAMETERS, STAGE_NAMES
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
NAME = "stages.toml"  # the edited copy of pekalongan-2023-expansion; every message about it must name it
PEKALONGAN_LABEL = 'label = { en = "Kota Pekalongan labour office (Dinperinaker)", id = "Dinperinaker Kota Pekalongan" }\n'
JAMBI_FUNDING = "[funding]\napbd_budget = { value = 604000000,"
GENERIC = {"id": "Dinas ketenagakerjaan", "en": "Labour office"}
UNUSED = {"id": "tidak dipakai dalam proyeksi ini", "en": "not used in this projection"}


def _register(scenario, lang: Language) -> dict:
    """The assumption register's rows by key (the last line of the name cell)."""
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules, "changes": changes}}
    table = next(b for b in register_section(lang, scenario, extra).blocks if isinstance(b, Table))
    return {row[0].rpartition("\n(")[2].rstrip(")"): row for row in table.rows}


def _differences(scenario, lang: Language) -> dict:
    extra = {"differences": [{"key": k, "base": a, "this": b} for k, a, b in scenario.base_differences],
             "overrides": [], "assumptions": []}
    section = differences_section(lang, extra, "base", entry_names(scenario, lang))
    table = next(b for b in section.blocks if isinstance(b, Table))
    return {row[0].rpartition("\n(")[2].rstrip(")"): row for row in table.rows}


@pytest.fixture
def scenarios(tmp_path):
    """A copy of scenarios/ (bases included) to edit."""
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    return tmp_path / "scenarios"


def _variant(folder: Path, source: str, old: str, new: str, name: str = NAME) -> Path:
    text = (folder / f"{source}.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{source}.toml no longer contains {old!r}"
    path = folder / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# --- the stage's label, wherever the report names a stage ----------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_scenarios_office_names_the_stage_in_the_register_the_tornado_and_the_differences(code):
    scenario, lang = load_scenario("pekalongan-2023-expansion"), Language(code)
    office = {"id": "Dinperinaker Kota Pekalongan", "en": "Kota Pekalongan labour office (Dinperinaker)"}[code]
    assert scenario.planning.pipeline.stages[2].labels == {
        "id": "Dinperinaker Kota Pekalongan", "en": "Kota Pekalongan labour office (Dinperinaker)"}
    rows = _register(scenario, lang)
    for field in ("capacity", "duration", "rejection_rate"):
        key = f"pipeline.disnaker.{field}"
        assert rows[key][0] == f"{PARAMETERS[field][code]} – {office}\n({key})"
    assert not [r for r in rows.values() if "Disnakerkop" in r[0]]  # not Kota Jambi's office
    # The other stages keep their generic names; the proposals' name says no more than the data shows.
    assert rows["pipeline.kelurahan.capacity"][0].startswith(f"{PARAMETERS['capacity'][code]} – Kelurahan\n")
    assert rows["pipeline.proposal_months"][0].startswith(
        {"id": "Lama pengusulan nama di RT/kelurahan", "en": "Months over which names are proposed (RT/kelurahan)"}[code])
    # The tornado's bar.
    bar = {"parameter": "pipeline.disnaker.capacity", "low": 200.0, "high": 3000.0}
    (shown,) = _readable_swings([bar], lang, entry_names(scenario, lang))
    assert shown["parameter"] == f"{PARAMETERS['capacity'][code]} – {office}"
    # The differences from pekalongan-2023 (which has no pipeline): the office's rows, and its label as text.
    differences = _differences(scenario, lang)
    assert differences["pipeline.disnaker.capacity"][0].startswith(f"{PARAMETERS['capacity'][code]} – {office}\n")
    assert differences["pipeline.disnaker.label"][2] == office


@pytest.mark.parametrize("scenario_id, office", [
    ("jambi-2025-pipeline", "Disnakerkop-UMKM Kota Jambi"),
    ("pekalongan-2023-expansion", "Dinperinaker Kota Pekalongan"),
    ("madiun-2026-ucj", "Disnakerkukm Kota Madiun"),
    ("madiun-2026-ucj-csr", "Disnakerkukm Kota Madiun"),  # from its base
])
def test_every_shipped_pipeline_names_its_own_office(scenario_id, office):
    scenario = load_scenario(scenario_id)
    assert stage_names(scenario, Language("id"))["disnaker"] == office
    assert office.split()[0] in stage_names(scenario, Language("en"))["disnaker"]


def test_every_shipped_scenario_with_a_pipeline_labels_its_labour_office():
    """A new scenario with a pipeline should name its city's office (the generic name is only the fallback)."""
    with_pipeline = [p.stem for p in sorted((ROOT / "scenarios").glob("*.toml"))
                     if load_scenario(p.stem).planning is not None and load_scenario(p.stem).planning.pipeline]
    assert len(with_pipeline) >= 4
    for scenario_id in with_pipeline:
        assert load_scenario(scenario_id).planning.pipeline.stages[2].labels, scenario_id


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_stage_without_a_label_gets_a_generic_name_not_another_citys_office(scenarios, code):
    path = _variant(scenarios, "pekalongan-2023-expansion", PEKALONGAN_LABEL, "")
    scenario, lang = load_scenario(path), Language(code)
    assert scenario.planning.pipeline.stages[2].labels is None
    assert stage_names(scenario, lang)["disnaker"] == GENERIC[code]
    assert stage_names(None, lang) == {k: v[code] for k, v in STAGE_NAMES.items()}
    rows = _register(scenario, lang)
    assert rows["pipeline.disnaker.capacity"][0] == \
        f"{PARAMETERS['capacity'][code]} – {GENERIC[code]}\n(pipeline.disnaker.capacity)"
    names = [r[0] for r in rows.values()]
    assert not [n for n in names if "Disnakerkop" in n or "Dinperinaker" in n]


def test_a_plain_text_label_serves_both_languages(scenarios):
    path = _variant(scenarios, "pekalongan-2023-expansion", PEKALONGAN_LABEL, 'label = "Dinperinaker"\n')
    scenario = load_scenario(path)
    assert [stage_names(scenario, Language(c))["disnaker"] for c in ("id", "en")] == ["Dinperinaker"] * 2


# --- a bad label: one line naming the file and the key -------------------------------------------------------------

BAD_LABELS = [
    ("unknown-language", 'label = { en = "Labour office", fr = "Bureau" }\n',
     ["pipeline.disnaker.label.fr", "unknown key", "takes id and en"]),
    ("without-indonesian", 'label = { en = "Labour office" }\n',
     ["pipeline.disnaker.label.id", "missing", "id (Indonesian) and en (English)"]),
    ("two-lines", 'label = { en = "Labour office", id = "Dinas\\nketenagakerjaan" }\n',
     ["pipeline.disnaker.label.id", "one line"]),
    ("empty", 'label = { en = "Labour office", id = " " }\n', ["pipeline.disnaker.label.id", "non-empty string"]),
    ("a-number", "label = 5\n", ["pipeline.disnaker.label", "non-empty string"]),
]


@pytest.mark.parametrize("command", ["validate", "run"])
@pytest.mark.parametrize("line, fragments", [c[1:] for c in BAD_LABELS], ids=[c[0] for c in BAD_LABELS])
def test_a_bad_stage_label_is_one_line_naming_the_file_and_the_key(scenarios, capsys, command, line, fragments):
    path = _variant(scenarios, "pekalongan-2023-expansion", PEKALONGAN_LABEL, line)
    out_dir = scenarios.parent / "out"
    argv = [command, path] + (["--out", out_dir, "--trials", "10"] if command == "run" else [])
    code, out, err = run_cli(argv, capsys)
    assert_one_line_error(code, err, [NAME, *fragments])
    assert out == "" and not out_dir.exists()


def test_a_label_on_an_unknown_stage_is_still_an_unknown_table(scenarios, capsys):
    path = _variant(scenarios, "pekalongan-2023-expansion", "[pipeline.disnaker]\n",
                    '[pipeline.dinas]\nlabel = "Dinperinaker"\n\n[pipeline.disnaker]\n')
    code, _, err = run_cli(["validate", path], capsys)
    assert_one_line_error(code, err, [NAME, "pipeline.dinas"])


def test_setting_one_language_of_a_stage_label_is_refused(capsys):
    code, _, err = run_cli(["validate", "pekalongan-2023-expansion", "--set",
                            "pipeline.disnaker.label.en=Labour office"], capsys)
    assert_one_line_error(code, err, ["pipeline.disnaker.label", "set both together"])


# --- [budget] values a projection does not use ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_register_marks_the_budget_values_a_projection_replaces(code):
    """jambi-2025-pipeline inherits jambi-2025's Rp604 m and 3,000 members; its [funding] budget and its
    3,000/3,500/4,000 year-end targets are what the projection uses."""
    lang = Language(code)
    rows = _register(load_scenario("jambi-2025-pipeline"), lang)
    for key, field in (("budget.annual_budget", "annual_budget"), ("budget.target_members", "target_members")):
        assert rows[key][0] == f"{PARAMETERS[field][code]} ({UNUSED_IN_PROJECTION[key][code]})\n({key})"
        assert rows[key][0].startswith(f"{PARAMETERS[field][code]} ({UNUSED[code]}")
    assert "[funding]" in rows["budget.annual_budget"][0] and "[expansion]" in rows["budget.target_members"][0]
    if code == "id":  # the table's English name said in Indonesian words first, not left bare
        assert "diambil dari bagian pendanaan skenario [funding]" in rows["budget.annual_budget"][0]
        assert "diambil dari bagian kuota skenario [expansion]" in rows["budget.target_members"][0]
    assert UNUSED[code] not in rows["funding.apbd_budget"][0]
    # Kota Pekalongan: the 1,000 of 2023 against targets that add up to 1,700.
    pekalongan = _register(load_scenario("pekalongan-2023-expansion"), lang)
    assert UNUSED[code] in pekalongan["budget.target_members"][0]
    # Without a projection the budget lines use both: no mark.
    plain = _register(load_scenario("jambi-2025"), lang)
    assert plain["budget.annual_budget"][0] == f"{PARAMETERS['annual_budget'][code]}\n(budget.annual_budget)"
    assert UNUSED[code] not in plain["budget.target_members"][0]


def test_the_marked_budget_values_do_not_move_the_projection():
    """What the register calls unused is unused: other [budget] values leave every planning figure unchanged."""
    scenario = load_scenario("jambi-2025-pipeline")
    assert unused_in_projection(scenario) == {"budget.annual_budget", "budget.target_members"}
    moved = load_scenario("jambi-2025-pipeline", ["budget.annual_budget=1000000", "budget.target_members=99999"])
    assert planning_figures(moved) == planning_figures(scenario)


def test_without_funding_the_budget_is_used_and_not_marked(scenarios):
    """A projection without [funding] spends the [budget] table's annual budget: that row is not marked (and moving
    it moves the planning figures), while the [expansion] targets still replace target_members."""
    path = _variant(scenarios, "jambi-2025-pipeline", JAMBI_FUNDING, "[funding_gone]\napbd_budget = { value = 604000000,",
                    name="unfunded.toml")
    text = path.read_text(encoding="utf-8")
    start = text.index("[funding_gone]")
    end = text.index("\n\n", start)
    path.write_text(text[:start] + text[end + 2:], encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.planning.funding is None and scenario.planning.shapes_exposure
    assert unused_in_projection(scenario) == {"budget.target_members"}
    rows = _register(scenario, Language("id"))
    assert UNUSED["id"] not in rows["budget.annual_budget"][0]
    assert UNUSED["id"] in rows["budget.target_members"][0]
    budgets = [y["budget_idr"] for y in planning_figures(scenario)["years"]]
    halved = [y["budget_idr"] for y in planning_figures(load_scenario(path, ["budget.annual_budget=302000000"]))["years"]]
    assert budgets == [604000000.0] * 3 and halved == [302000000.0] * 3


def test_jambi_pipelines_tenure_source_no_longer_says_members_enrolled_in_january():
    row = next(r for r in register_rows(load_scenario("jambi-2025-pipeline").resolved)
               if r["key"] == "segments.vulnerable.tenure")
    assert "assumed January" not in row["source"] and "nobody is covered at the start" in row["source"]
