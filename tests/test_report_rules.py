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
    assert {"id": "APBN, APBD, atau DBH-CHT", "en": "APBN, APBD or DBH-CHT"}[code] in note[0]


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
    assert (_discount_note("id") + "APBN, APBD, atau DBH-CHT") in text


# --- the no-discount regime reads as no discount ---------------------------------------------------------------------
# PP 50/2025's discount rules are encoded from 1 July 2015 (the first premium rules) with the value 0 until 2026: the
# register showed "0, in force from 1 July 2015", which a reader took for a discount in force since 2015.


def _rows(table, key: str) -> list:
    """The rows of a rule by its key: the rules table names it first, the changes table after the month."""
    column = 1 if table.name == "rule_changes" else 0
    return [row for row in table.rows if row[column].endswith(f"({key})")]


@pytest.mark.parametrize("code, none, half, before, payers_from", [
    ("id", "tidak ada potongan", "potongan 50%", "sebelum 1 Januari 2026", "1 Januari 2026, bersama potongan BPU"),
    ("en", "no discount", "50% discount", "before 1 January 2026", "1 January 2026, with the BPU discount"),
])
def test_before_pp_50_2025_the_discount_rules_read_no_discount(code, none, half, before, payers_from):
    tables, _ = _register("madiun-2025", code)  # starts January 2025: PP 50/2025 comes in January 2026
    for key in ("premium.bpu_discount", "premium.bpu_discount_transport"):
        (row,) = _rows(tables["rules"], key)
        assert row[1] == none and row[3] == before, row
        changes = _rows(tables["rule_changes"], key)
        assert [(c[2], c[3]) for c in changes] == [(none, half), (half, none)]  # in 2026, and when it ends
        assert changes[0][0] == {"id": "Januari 2026", "en": "January 2026"}[code]
    (payers,) = _rows(tables["rules"], "premium.bpu_discount_excluded_payers")
    assert payers[3] == payers_from  # the exclusion comes with the discount, not in 2015
    assert not [row for row in tables["rules"].rows if "discount" in row[0] and "2015" in row[3]]


def test_a_horizon_starting_with_the_discount_shows_it_from_its_own_date():
    tables, _ = _register("madiun-2026-ucj", "id")
    (row,) = _rows(tables["rules"], "premium.bpu_discount")
    assert (row[1], row[3]) == ("potongan 50%", "1 Januari 2026")


def test_once_the_discount_ends_no_discount_is_dated_from_its_end():
    import datetime as dt

    from sim.report_sections import _rule_effective, _rule_value

    (row,) = [r for r in load_regulation().table(dt.date(2027, 6, 1)) if r["rule"] == "premium.bpu_discount"]
    lang = Language("en")
    assert (_rule_value(lang, {}, 0, row), _rule_effective(lang, row)) == ("no discount", "1 January 2027")


@pytest.mark.parametrize("code, words", [
    ("en", ("The last recorded change of the rules takes effect on 1 April 2027", "up to December 2054",
            "are assumed to stay", "no later revision")),
    ("id", ("mulai berlaku pada 1 April 2027", "sampai Desember 2054", "dianggap tetap berlaku",
            "tidak diasumsikan ada perubahan")),
])
def test_the_register_says_the_rules_after_their_last_dated_change_are_assumed_to_stay(code, words):
    """Over 30 years (to 2054) every month from April 2027 on, the last dated change in sim/data/regulation.toml,
    takes the rules in force then: the Rp42 m JKM benefit and the BPU premium in rupiah for 27 years. The register
    said which rules were in force at the start and which changed, never that none is assumed to change after the
    last one known. It now says so (report.json ``rules.assumed_after``), where the horizon runs past that date and
    no ``rules_date`` fixes one date for every month."""
    from sim.report_sections import rules_assumed_after

    scenario = load_scenario("madiun-2025", ["scenario.horizon_months=360"])
    last = max(v.effective for rule in load_regulation().rules.values() for v in rule.values)
    assert rules_assumed_after(scenario) == {"last_change": last.isoformat(), "through": "2054-12"}
    assert last.isoformat() == "2027-04-01"  # the transport workers' PP 50/2025 discount ends (March 2027)
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved),
             "rules": {"date": date, "rows": rules, "changes": changes, "assumed_after": rules_assumed_after(scenario)}}
    text = " ".join(b.text for b in register_section(Language(code), scenario, extra).blocks if isinstance(b, Para))
    assert all(w in text for w in words), text
    # No month after the last change (2023-2025), or every month on one fixed date: nothing is assumed.
    assert rules_assumed_after(load_scenario("madiun-2023")) is None
    assert rules_assumed_after(load_scenario("madiun-2025", ["scenario.horizon_months=360",
                                                             "scenario.rules_date=2025-01-01"])) is None


@pytest.mark.parametrize("code, shown", [
    ("id", {"premium.bpu_jkk_rate": "1%", "premium.pu_jkm_rate": "0,3%", "jkk.temporary_after_share": "50%",
            "jkk.temporary_full_share": "100%", "premium.pu_jkk_rate_by_class": "0,24%; 0,54%; 0,89%; 1,27%; 1,74%"}),
    ("en", {"premium.pu_jkm_rate": "0.3%", "premium.pu_jkk_rate_by_class": "0.24%; 0.54%; 0.89%; 1.27%; 1.74%"})])
def test_a_rate_of_a_wage_or_income_band_is_shown_as_a_percentage(code, shown):
    """The rules table read "Tarif iuran JKM peserta PU | 0,003" and "[0,0024; 0,0054; …]" beside the report's
    "62%" (Indonesian review): a share of a wage or income band is a percentage there, its unit saying of what."""
    from sim.report_document import Figure

    tables, _ = _register("madiun-2025", code)
    lang = Language(code)
    keys = [r["rule"] for r in load_regulation().table(load_scenario("madiun-2025").start)]
    values = {}
    for key, row in zip(keys, tables["rules"].rows):
        cell = row[1]
        values[key] = lang.figure(cell.kind, cell.value) if isinstance(cell, Figure) else cell
    assert {k: values[k] for k in shown} == shown
    assert values["jkk.temporary_full_months"] == "12"  # months stay a number
