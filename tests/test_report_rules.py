"""The register's BPJS rules by name, not by raw key, and the note that the PP 50/2025 BPU discount does not reach
premiums the city pays (a budget planner must not read "Potongan iuran BPU 0 -> 0,5" as the premium halving)."""

from __future__ import annotations

import pytest

from sim.i18n import Language
from sim.regulation import load_regulation
from sim.report_document import Para, Table
from sim.report_sections import bpu_discount_note, register_rows, register_section, rule_name, rule_rows
from sim.report_text import RULE_NAMES, TEXT
from sim.scenario import load_scenario
from sim.report import build
from test_report_planning import section_text


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return build(load_scenario("jambi-2025-pipeline", ["scenario.trials=300"]), "id", tmp_path_factory.mktemp("r"))


def _register(scenario_id: str, code: str):
    scenario = load_scenario(scenario_id)
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules, "changes": changes}}
    blocks = register_section(Language(code), scenario, extra).blocks
    return {b.name: b for b in blocks if isinstance(b, Table)}, [b.text for b in blocks if isinstance(b, Para)]


def _discount_note(code: str) -> str:
    """The note's words before the payers are filled in."""
    return TEXT["rules_bpu_discount_note"][code].split("{payers}")[0]


def test_every_encoded_rule_has_a_name_in_both_languages():
    """A new rule in regulation.toml without a name would show its bare key in the register."""
    rules = set(load_regulation().rules)
    assert rules - set(RULE_NAMES) == set(), "rules without a report name"
    for key in rules:
        assert RULE_NAMES[key]["id"].strip() and RULE_NAMES[key]["en"].strip(), key
        assert RULE_NAMES[key]["id"] != key and RULE_NAMES[key]["en"] != key, key


def test_a_rule_without_a_name_shows_its_key_alone():
    assert rule_name(Language("id"), "premium.some_future_rule") == "premium.some_future_rule"
    assert rule_name(Language("en"), "jkk.death_floor") == "JKK death benefit at least\n(jkk.death_floor)"


@pytest.mark.parametrize("code", ["id", "en"])
def test_rules_and_their_changes_are_named_with_the_key_below(code):
    tables, _ = _register("madiun-2025", code)
    keys = [r["rule"] for r in load_regulation().table(load_scenario("madiun-2025").start)]
    labels = [row[0] for row in tables["rules"].rows]
    assert labels == [f"{RULE_NAMES[k][code]}\n({k})" for k in keys]
    changed = [row[1] for row in tables["rule_changes"].rows]
    assert f"{RULE_NAMES['premium.bpu_discount'][code]}\n(premium.bpu_discount)" in changed
    assert all("\n(" in label for label in changed), changed  # no bare key


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_discount_note_names_the_excluded_payers_of_the_rule(code):
    _, paras = _register("madiun-2025", code)  # 2025-2029: the discount comes in January 2026
    note = [p for p in paras if p.startswith(_discount_note(code))]
    assert len(note) == 1
    assert {"id": "APBN, APBD atau DBH-CHT", "en": "APBN, APBD or DBH-CHT"}[code] in note[0]


def test_the_discount_note_reads_the_payers_from_the_rule():
    """Another list in the rule gives another note: the payers are not written into the code or the text."""
    _, rules, _ = rule_rows(load_scenario("madiun-2026-ucj"))  # the discount in force at the start
    rules = [{**r, "value": ["APBD", "CSR"]} if r["rule"] == "premium.bpu_discount_excluded_payers" else r
             for r in rules]
    assert "paid from APBD or CSR;" in bpu_discount_note(Language("en"), rules, [])
    assert "dibayar dari APBD atau CSR;" in bpu_discount_note(Language("id"), rules, [])


def test_the_discount_note_comes_before_the_changes_it_explains():
    scenario = load_scenario("madiun-2025")
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules, "changes": changes}}
    blocks = register_section(Language("id"), scenario, extra).blocks
    note = next(i for i, b in enumerate(blocks) if isinstance(b, Para) and b.text.startswith(_discount_note("id")))
    table = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "rule_changes")
    assert note == table - 1 and blocks[note].style == "note"


def test_no_discount_note_when_the_discount_is_not_in_the_horizon():
    _, paras = _register("national-2025", "id")  # 2025 only: discount 0, no change
    assert not [p for p in paras if p.startswith(_discount_note("id"))]


def test_a_horizon_starting_in_the_discount_year_has_the_note():
    _, paras = _register("madiun-2026-ucj", "id")  # the discount in force at the start
    assert [p for p in paras if p.startswith(_discount_note("id"))]


def test_the_pipeline_report_names_the_rules_and_says_the_city_premium_is_unchanged(pipeline):
    text = section_text(pipeline.folder, "register")
    assert "Potongan iuran BPU (PP 50/2025) (premium.bpu_discount)" in text
    assert "Santunan kematian JKK paling sedikit (jkk.death_floor)" in text
    assert (_discount_note("id") + "APBN, APBD atau DBH-CHT") in text
