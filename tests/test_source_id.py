"""Sources in the report's language: a parameter's ``source_id`` (and ``note_id``), the source in Indonesian, beside
its ``source``. The Indonesian register shows it where the scenario gives one, the English register always the
source as written; the register's note says which sources are quoted in English; a ``--set`` writes both; a file
that restates a source in English only drops its base's stale Indonesian text; assumptions.csv keeps both. The
age profiles and the rules (sim/data/regulation.toml) do the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.i18n import Language
from sim.regulation import load_regulation
from sim.report_sections import csv_tables, register_rows, register_section, rule_rows
from sim.report_text import TEXT
from sim.scenario import load_scenario
from sim.sources import DOMAIN, citations

ENGLISH_NOTE = "bahasa Inggris"  # what the Indonesian register's note says of sources quoted as written


def register(scenario, code: str, rows: list[dict] | None = None):
    """The register section of ``scenario`` in language ``code`` (of ``rows`` instead of the scenario's own):
    its intro, the parameters' rows by key, the rules' rows."""
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved) if rows is None else rows,
             "rules": {"date": date, "rows": rules, "changes": changes}}
    section = register_section(Language(code), scenario, extra)
    intro, table, rule_table = section.blocks[0], section.blocks[1], section.blocks[3]
    assert (table.name, rule_table.name) == ("assumptions", "rules")
    by_key = {r["key"]: row for r, row in zip(extra["assumptions"], table.rows)}
    return intro.text, by_key, rule_table.rows


def translated(node: dict) -> str:
    return node["source_id"] + (f" ({node['note_id']})" if node.get("note") else "")


def test_every_source_of_the_indonesian_madiun_2025_register_is_in_indonesian():
    """The default report's register: every row shows the scenario's (or age profile's) Indonesian text, which the
    chain gives for every parameter, so the note says nothing of English sources."""
    scenario = load_scenario("madiun-2025")
    rows = register_rows(scenario.resolved)
    intro, shown, _ = register(scenario, "id")
    assert len(shown) == len(rows) > 25
    for r in rows:
        assert r["source_id"], f"{r['key']}: no Indonesian source (source_id)"
        assert not r["note"] or r["note_id"], f"{r['key']}: a note without its Indonesian text (note_id)"
        assert shown[r["key"]][-1] == translated(r), r["key"]
        assert shown[r["key"]][-1] != r["source"], r["key"]
    assert ENGLISH_NOTE not in intro


def test_the_english_register_quotes_the_sources_as_written():
    scenario = load_scenario("madiun-2025")
    intro, shown, rules = register(scenario, "en")
    for r in register_rows(scenario.resolved):
        assert shown[r["key"]][-1] == r["source"] + (f" ({r['note']})" if r["note"] else ""), r["key"]
    assert "Sources are quoted as written." in intro
    assert [row[4] for row in rules] == [r["source"] for r in load_regulation().table(scenario.start)]


def test_the_note_says_which_sources_are_quoted_in_english():
    """All rows in Indonesian: no note; some: how many are quoted in English as written (with the number formats);
    none: all are."""
    scenario = load_scenario("madiun-2025")
    rows = register_rows(scenario.resolved)
    english = [dict(r, source_id=None) if i in (1, 4) else r for i, r in enumerate(rows)]
    intro, shown, _ = register(scenario, "id", english)
    assert TEXT["register_sources_some_english"]["id"].format(n="2") in intro
    assert shown[rows[1]["key"]][-1] == rows[1]["source"] and shown[rows[2]["key"]][-1] == translated(rows[2])
    # A row whose note has no Indonesian text is quoted as written too.
    untranslated_note = [dict(r, note_id=None) if r["note"] and r["key"] == "assumptions.mortality_load" else r
                         for r in rows]
    intro, _, _ = register(scenario, "id", untranslated_note)
    assert TEXT["register_sources_some_english"]["id"].format(n="1") in intro
    intro, _, _ = register(scenario, "id", [dict(r, source_id=None) for r in rows])
    assert TEXT["register_sources_english"]["id"] in intro and "1.28 = 1,28" in intro
    assert "teks bahasa Indonesia" not in intro


def test_a_set_value_gives_its_source_in_both_languages():
    key = "segments.vulnerable.members"
    before = load_scenario("madiun-2025").resolved["segments"]["vulnerable"]["members"]
    scenario = load_scenario("madiun-2025", [f"{key}=10000"])
    intro, shown, _ = register(scenario, "id")
    assert shown[key][-1] == f"diubah dari baris perintah (--set {key}); sebelumnya: {before['source_id']}"
    assert ENGLISH_NOTE not in intro
    _, shown, _ = register(scenario, "en")
    assert shown[key][-1] == f"command-line override (--set {key}); was: {before['source']}"


def test_a_set_english_source_drops_the_stale_indonesian_one():
    key = "segments.vulnerable.members"
    scenario = load_scenario("madiun-2025", [f"{key}.source=my own count"])
    node = scenario.resolved["segments"]["vulnerable"]["members"]
    assert node["source"] == "my own count" and "source_id" not in node
    intro, shown, _ = register(scenario, "id")
    assert shown[key][-1] == "my own count"
    assert TEXT["register_sources_some_english"]["id"].format(n="1") in intro


def test_a_variant_restating_a_source_in_english_drops_its_base_s_indonesian_text(tmp_path):
    """Merged key by key, the base's source_id would stand beside the variant's own English source; it is dropped
    (the row is then quoted in English, and the note says so), while a variant that gives both keeps its own."""
    path = tmp_path / "variant.toml"
    path.write_text('[scenario]\nid = "variant"\ntitle = "Variant"\nbase = "madiun-2025"\n\n'
                    '[segments.vulnerable.members]\nsource = "our own count"\n\n'
                    '[segments.non_asn.members]\nsource = "our own count"\nsource_id = "hitungan kami sendiri"\n',
                    encoding="utf-8")
    segments = load_scenario(path).resolved["segments"]
    assert "source_id" not in segments["vulnerable"]["members"]
    assert segments["non_asn"]["members"]["source_id"] == "hitungan kami sendiri"
    intro, shown, _ = register(load_scenario(path), "id")
    assert shown["segments.vulnerable.members"][-1] == "our own count"
    assert TEXT["register_sources_some_english"]["id"].format(n="1") in intro


def test_assumptions_csv_keeps_the_source_and_the_indonesian_source():
    scenario = load_scenario("madiun-2025")
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved),
             "rules": {"date": date, "rows": rules, "changes": changes},
             "fan": [], "sensitivity": {"rows": []}, "coverage": [], "funding": [], "differences": []}
    frame = csv_tables({"periods": [], "breakdown": []}, extra)["assumptions"].set_index("key")
    node = scenario.resolved["assumptions"]["mortality_load"]
    row = frame.loc["assumptions.mortality_load"]
    assert (row["source"], row["source_id"], row["note"], row["note_id"]) == (
        node["source"], node["source_id"], node["note"], node["note_id"])
    assert frame["source_id"].notna().all()
    assert {"source", "source_id"} <= set(csv_tables({"periods": [], "breakdown": []}, extra)["rules"].columns)


CITATION = re.compile(r"PP \d+/\d{4}")  # a bare citation reads the same in both languages


def test_every_rule_source_beyond_a_bare_citation_has_an_indonesian_text():
    for name, rule in load_regulation().rules.items():
        for dated in rule.values:
            assert dated.source_id or CITATION.fullmatch(dated.source), f"{name} from {dated.effective}"
            assert dated.source_id != dated.source, f"{name} from {dated.effective}: source_id is not Indonesian"


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_rules_table_shows_the_source_in_the_report_s_language(code):
    scenario = load_scenario("madiun-2026-ucj")  # 2026-2030: the PP 50/2025 discount changes during the horizon
    _, _, rules = register(scenario, code)
    expected = [(r["source_id"] if code == "id" and r["source_id"] else r["source"])
                for r in load_regulation().table(scenario.start)]
    assert [row[4] for row in rules] == expected
    assert any(r["source_id"] for r in load_regulation().table(scenario.start))


SHIPPED = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_shipped_scenario_gives_its_sources_in_indonesian(scenario_id):
    """Every row of a shipped scenario's register has its Indonesian text (national-2025's written by
    sim.national, madiun-2025's by sim calibrate), in assumptions.csv as well as in the register."""
    missing = [r["key"] for r in register_rows(load_scenario(scenario_id).resolved)
               if not r["source_id"] or (r["note"] and not r["note_id"])]
    assert not missing, f"{scenario_id}: no source_id (or note_id) for {missing}"


def test_the_indonesian_texts_cite_articles_as_berita_and_domain_sections_as_bag():
    """A reviewer read "seed 001" as a random seed and "s.5" as English: the Indonesian texts cite articles as
    "berita 001" and DOMAIN.md's sections as "bag. 5", which the source list finds as it finds the English forms."""
    english_form = re.compile(r"\bseeds? \d{3}|DOMAIN\.md s\.\d")
    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("scenarios/**/*.toml"), root / "sim/data/regulation.toml", root / "sim/data/age_profiles.toml"]
    texts = [m for f in files for m in re.findall(r'(?:source_id|note_id) = "([^"]*)"', f.read_text("utf-8"))]
    assert len(texts) > 100
    assert not [t for t in texts if english_form.search(t)]
    assert not [t for t in texts if re.search(r"(?<!tingkat )keyakinan (rendah|sedang|tinggi)", t)]  # DOMAIN's rating
    assert citations(["berita 001: 144 klaim", "(berita 000, 002)", "berita 003 dan 004", "artikel berita sebagai",
                      "(DOMAIN.md bag. 3, bag. 5; tingkat keyakinan rendah)", "DOMAIN.md bag. 6-7"]) == {
        "000": set(), "001": set(), "002": set(), "003": set(), "004": set(), DOMAIN: {3, 5, 6, 7}}
