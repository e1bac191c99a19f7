"""The base scenario's parameters are national: a register that inherits them names no city. The children table's
source (children per member by age, for the JKM scholarships; a national judgement from BPS/SDKI family formation,
README "Children by the member's age") said its range was read at the ages "where most of Madiun's vulnerable
workers' deaths fall", so Pekalongan's and Jambi's reports cited Madiun for a table that is not Madiun's data."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sim.report_sections import register_rows
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]


def test_the_base_scenario_names_no_city():
    """Every source in the base file (it is not a scenario on its own, so it is read as TOML)."""
    base = register_rows(tomllib.loads((ROOT / "scenarios/base/national-defaults.toml").read_text()))
    assert base and not [r["key"] for r in base if "Madiun" in r["source"] + (r["source_id"] or "")]


@pytest.mark.parametrize("scenario_id", ["pekalongan-2023", "jambi-2025"])
def test_another_citys_children_table_does_not_cite_madiun(scenario_id):
    rows = {r["key"]: r for r in register_rows(load_scenario(scenario_id).resolved)}
    children = rows["assumptions.children.by_member_age"]
    assert "BPS/SDKI" in children["source_id"]  # the national judgement it is
    assert "Madiun" not in children["source"] and "Madiun" not in children["source_id"]
