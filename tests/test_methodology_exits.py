"""The methodology's members paragraph of a planning scenario names only the ways members leave that the scenario
has: it named death, moving away, the DTKS/DTSEN, the age limit and the budget for every scenario, so Jambi's and
Pekalongan's reports spoke of an age limit neither has (and Jambi's of a welfare register it does not use)."""

from __future__ import annotations

import dataclasses

import pytest

from sim import report_planning
from sim.i18n import Language
from sim.planning_schema import Planning
from sim.report_sections import methodology_section
from sim.scenario import load_scenario


def _members_paragraph(scenario_id: str, code: str) -> str:
    scenario, lang = load_scenario(scenario_id), Language(code)
    section = report_planning.methodology(lang, methodology_section(lang, scenario), scenario)
    return next(b.text for b in section.blocks if b.text.startswith(("Peserta.", "Members.")))


# Each scenario's [membership] and [funding] (scenarios/*.toml): jambi-2025-pipeline moves 3 % away a year and has
# a budget; pekalongan-2023-expansion adds the DTKS/DTSEN; madiun-2026-ucj has all five (age limit 58 for non-ASN).
@pytest.mark.parametrize("scenario_id, id_exits, en_exits", [
    ("jambi-2025-pipeline", "keluar karena meninggal, pindah, atau tidak diperpanjang karena anggaran;",
     "leave through death, moving away or a budget that does not renew them;"),
    ("pekalongan-2023-expansion", "keluar karena meninggal, pindah, dikeluarkan dari DTKS/DTSEN",
     "leave through death, moving away, removal from the DTKS/DTSEN"),
    ("madiun-2026-ucj", "DTSEN), melewati batas usia, atau tidak diperpanjang karena anggaran;",
     "DTSEN), the age limit or a budget that does not renew them;"),
])
def test_the_members_paragraph_names_the_exits_the_scenario_has(scenario_id, id_exits, en_exits):
    assert id_exits in _members_paragraph(scenario_id, "id")
    assert en_exits in _members_paragraph(scenario_id, "en")


@pytest.mark.parametrize("scenario_id, absent", [
    ("jambi-2025-pipeline", ("DTKS", "batas usia")),
    ("pekalongan-2023-expansion", ("batas usia",)),
])
def test_the_members_paragraph_leaves_out_the_exits_the_scenario_lacks(scenario_id, absent):
    text = _members_paragraph(scenario_id, "id")
    assert not [word for word in absent if word in text], text


def test_a_scenario_without_membership_rules_or_funding_leaves_through_death_alone():
    """Quotas alone: members leave only by dying (the test's own scenario, the pekalongan one without the tables)."""
    scenario = load_scenario("pekalongan-2023-expansion")
    planning = Planning(quotas=scenario.planning.quotas, pipeline=scenario.planning.pipeline)
    assert report_planning.exits_named(dataclasses.replace(scenario, planning=planning)) == ["death"]
