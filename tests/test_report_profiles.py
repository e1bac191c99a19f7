"""Named age profiles (sim/data/age_profiles.toml) in the report: the differences from the base show a profile by
its title in the report's language with its name below, not as a raw key; the register has a row per segment that
uses one (its title and bands, the profile's basis and source), in report.json and assumptions.csv as well."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from sim import report as report_module
from sim.i18n import Language
from sim.report import build
from sim.report_sections import (
    MANY_SEGMENTS, differences_section, entry_names, register_rows, register_section, rule_rows,
)
from sim.scenario import load_scenario

PROFILES = tomllib.loads((Path(__file__).parent.parent / "sim" / "data" / "age_profiles.toml").read_text("utf-8"))
TITLE = {"en": "title", "id": "title_id"}


def bands(code: str, name: str) -> str:
    """The profile's bands as the register should write them, from the TOML: ``18–29: 7%, 30–39: 13%, ...``."""
    percent = {"en": lambda x: f"{x:g}", "id": lambda x: f"{x:g}".replace(".", ",")}[code]
    return ", ".join(f"{lo}–{hi}: {percent(round(share * 100, 4))}%" for lo, hi, share in PROFILES[name]["bands"])


def test_every_profile_has_a_title_in_each_report_language():
    for name, profile in PROFILES.items():
        assert profile["title"] and profile["title_id"], name
        assert profile["title_id"] != profile["title"], f"{name}: title_id is not Indonesian"
        assert profile["source_id"] != profile["source"], f"{name}: source_id is not Indonesian"


def _register(scenario, code: str):
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules,
                                                                         "changes": changes}}
    table = register_section(Language(code), scenario, extra).blocks[1]
    return extra, {row[0].rpartition("\n(")[2].rstrip(")"): (row, style) for row, style in zip(table.rows, table.styles)}


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_differences_name_a_profile_by_its_title_with_its_name_below(code):
    """madiun-2026-ucj adds segments with the informal-working-age profile (its base, madiun-2025, has none); the
    table shows its first 40 rows by key, the informal segment's among them."""
    scenario = load_scenario("madiun-2026-ucj")
    lang = Language(code)
    rows = _difference_rows(scenario, lang)
    name = scenario.resolved["segments"]["informal"]["age_profile"]
    assert name == "informal-working-age"
    assert rows["segments.informal.age_profile"][1:] == (lang("not_set"), f"{PROFILES[name][TITLE[code]]}\n({name})")


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_register_has_a_row_per_segment_s_age_profile(code):
    scenario = load_scenario("madiun-2026-ucj")
    lang = Language(code)
    extra, rows = _register(scenario, code)
    used = {n: s["age_profile"] for n, s in scenario.resolved["segments"].items() if "age_profile" in s}
    assert len(used) == 4 and len(set(used.values())) == 3  # non-ASN staff, vulnerable, informal (twice)
    for segment, name in used.items():
        key = f"segments.{segment}.age_profile"
        (parameter, value, unit, basis, _, source), style = rows[key]
        assert parameter == f"{lang.parameter(key, entry_names(scenario, lang))}\n({key})"
        assert value == f"{PROFILES[name][TITLE[code]]}\n{bands(code, name)}"
        assert (unit, basis, style) == (lang.unit("share"), lang.basis(PROFILES[name]["basis"]), "assumption")
        # The profile's source in the report's language (source_id in Indonesian), then where it is defined.
        written = PROFILES[name]["source_id" if code == "id" else "source"]
        assert source == f"{written} (sim/data/age_profiles.toml [{name}])"
        # report.json (and assumptions.csv) keep the numbers the model uses and where they come from.
        (row,) = [r for r in extra["assumptions"] if r["key"] == key]
        assert row["value"] == PROFILES[name]["bands"] and row["basis"] == PROFILES[name]["basis"]
        assert row["note"] == f"sim/data/age_profiles.toml [{name}]"
        assert (row["source"], row["source_id"]) == (PROFILES[name]["source"], PROFILES[name]["source_id"])


def test_with_many_segments_the_register_shows_each_profile_once():
    scenario = load_scenario("national-2025")
    assert len(scenario.segments) > MANY_SEGMENTS
    _, rows = _register(scenario, "id")
    (_, value, *_), style = rows["segments.*.age_profile"]
    assert value == f"{PROFILES['vulnerable-informal']['title_id']}\n{bands('id', 'vulnerable-informal')}"
    assert style == "assumption"


@pytest.fixture(scope="module")
def madiun_2023(tmp_path_factory):
    commit = report_module.git_commit()
    with pytest.MonkeyPatch.context() as patch:  # the folder's name must not change if a commit lands meanwhile
        patch.setattr(report_module, "git_commit", lambda: commit)
        return build(load_scenario("madiun-2023", ["scenario.trials=300"]), "id", tmp_path_factory.mktemp("r"))


def test_the_report_files_and_pages_carry_the_profile(madiun_2023):
    """madiun-2023 sets its one segment's profile (vulnerable-informal), which its base does not."""
    folder = madiun_2023.folder
    register = pd.read_csv(folder / "assumptions.csv", keep_default_na=False).set_index("key")
    row = register.loc["segments.vulnerable.age_profile"]
    assert json.loads(row["value"]) == PROFILES["vulnerable-informal"]["bands"]
    assert row["note"] == "sim/data/age_profiles.toml [vulnerable-informal]"
    assert row["source_id"] == PROFILES["vulnerable-informal"]["source_id"]  # beside source, in Indonesian
    html = (folder / "report.html").read_text(encoding="utf-8")
    title = PROFILES["vulnerable-informal"]["title_id"]
    assert html.count(title) == 2  # the register and the differences
    assert f"{title}\n(vulnerable-informal)" in html
    assert not re.search(r"<t[dh][^>]*>vulnerable-informal</t[dh]>", html)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_differences_show_an_amount_in_rupiah_and_a_year_as_a_year(code):
    """madiun-2026-ucj-csr against madiun-2026-ucj: the report's differences table has no unit column, yet showed the
    DBH-CHT budget as "500.000.000" while notebook 04's showed "Rp500,0 juta"; both now go through one function."""
    scenario = load_scenario("madiun-2026-ucj-csr")
    lang = Language(code)
    rows = _difference_rows(scenario, lang)
    assert rows["funding.dbh_cht_budget"][2] == lang.money(5e8)
    assert rows["funding.csr.companies.first_year"][2] == "2026"


def _difference_rows(scenario, lang: Language) -> dict:
    """The report's differences table of ``scenario`` against its base, its rows by key."""
    extra = {"differences": [{"key": k, "base": a, "this": b} for k, a, b in scenario.base_differences],
             "overrides": [], "assumptions": register_rows(scenario.resolved)}
    section = differences_section(lang, extra, scenario.resolved["scenario"]["base"], entry_names(scenario, lang))
    table = next(b for b in section.blocks if getattr(b, "name", "") == "differences")
    return {row[0].rpartition("\n(")[2].rstrip(")"): row for row in table.rows}
