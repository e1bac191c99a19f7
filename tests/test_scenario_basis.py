"""A parameter's basis says how far a reader may trust it, and the report shows it (the register's Basis column and
its colour). A figure that DOMAIN.md rates Low (a single or derived secondary figure, such as the 2.3 % fatal share
of JKK cases from 2015) is not observed data: taken over as it stands it is an assumption with a range, worked out
from other figures it is derived, never "data"."""

from __future__ import annotations

import re
import tomllib

from sim.i18n import Language
from sim.report_sections import register_rows, register_section, rule_rows
from sim.scenario import SCENARIO_DIR, load_scenario

from conftest import ROOT

LOW = re.compile(r"\bLow\b")  # DOMAIN.md's rating as the sources cite it: "(DOMAIN.md s.5, Low)"
# Every shipped file whose tables carry a basis: the scenarios with their base, and the named age profiles.
FILES = sorted(SCENARIO_DIR.rglob("*.toml")) + [ROOT / "sim" / "data" / "age_profiles.toml"]


def parameters(node, where: str = ""):
    """(dotted key, table) of every table in a TOML document that states a basis, arrays of tables included."""
    if isinstance(node, dict):
        if "basis" in node:
            yield where, node
        for key, child in node.items():
            yield from parameters(child, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from parameters(child, f"{where}[{i}]")


def _all_parameters():
    for path in FILES:
        for key, node in parameters(tomllib.loads(path.read_text(encoding="utf-8"))):
            yield path.relative_to(ROOT), key, node


def test_no_parameter_cited_as_low_confidence_is_data():
    cited_low = [(path, key, node["basis"]) for path, key, node in _all_parameters()
                 if LOW.search(str(node.get("source", "")))]
    assert len(cited_low) > 3, "the check finds nothing to check"  # the walk reaches the Low citations
    assert [(str(p), k) for p, k, _ in cited_low if k == "assumptions.severity.share_death"] == \
        [("scenarios/base/national-defaults.toml", "assumptions.severity.share_death")]
    assert [row for row in cited_low if row[2] == "data"] == []


def test_the_low_rule_reads_the_rating_not_any_word():
    assert LOW.search("fatal share of JKK cases about 2.3 % (2015; DOMAIN.md s.5, Low)")
    assert not LOW.search("lower than the national PU crude rate; Lowland farms")


def test_the_register_shows_the_fatal_share_as_an_assumption():
    """What a reader of madiun-2025 sees: the share of JKK deaths, inherited from the base, is an assumption (a
    yellow row of the register), not data."""
    scenario = load_scenario("madiun-2025")
    rows = register_rows(scenario.resolved)
    share = next(r for r in rows if r["key"] == "assumptions.severity.share_death")
    assert share["basis"] == "assumption" and share["range"] == [0.01, 0.05]
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": rows, "rules": {"date": date, "rows": rules, "changes": changes}}
    for code, word in (("id", "asumsi"), ("en", "assumption")):
        table = next(b for b in register_section(Language(code), scenario, extra).blocks
                     if getattr(b, "name", "") == "assumptions")
        i = next(i for i, row in enumerate(table.rows) if row[0].endswith("(assumptions.severity.share_death)"))
        assert table.rows[i][3] == word and table.styles[i] == "assumption"
