"""The APBD table of a plan with a co-funded CSR pledge (madiun-2026-ucj-csr): its "Premium paid by APBD" holds the
APBD's share of the pledge (Rp250 m a year) but its "APBD-paid members" do not hold the pledge's members, and "Pays
for" is counted after that share. Before, only the summary said so: the table's intro gave Rp166,635 per member,
and a reader found Rp4.00 bn / Rp166,635 = 24,004, not the 22,504 in the table, and Rp2.51 bn for 13,573 members."""

from __future__ import annotations

import pytest

from sim.i18n import Language
from sim.report_document import fill
from sim.report_planning import _apbd_blocks, planning_figures
from sim.scenario import load_scenario


@pytest.fixture(scope="module")
def plan():
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.trials=50"])
    return scenario, {"planning": planning_figures(scenario)}


def _intro(plan, code: str) -> str:
    scenario, extra = plan
    lang = Language(code)
    intro = _apbd_blocks(lang, scenario, extra)[0]
    return fill(intro.text, {k: lang.figure(f.kind, f.value) for k, f in intro.figures.items()})


@pytest.mark.parametrize("code, words", [
    ("id", "Kolom “Iuran dari APBD” termasuk bagian APBD untuk komitmen CSR yang didampingi APBD, Rp250,0 juta per "
           "tahun, yang pesertanya tidak dihitung dalam kolom peserta APBD; kolom “Cukup untuk” dihitung dari "
           "anggaran setelah dikurangi bagian itu."),
    ("en", "The \"Premium paid by APBD\" column holds the APBD's share of co-funded CSR pledges, Rp250.0 m a year, "
           "whose members are not in the APBD-paid members column; the \"Pays for\" column is counted from the "
           "budget less that share."),
])
def test_the_apbd_table_says_its_premium_holds_the_cofunding_its_members_do_not(plan, code, words):
    years = plan[1]["planning"]["years"]
    assert {round(y["apbd_cofunding_idr"]) for y in years} == {250_000_000}
    # What the sentence explains: the budget less the share pays for "Pays for" members at the table's rate.
    for y in years:
        pays = (y["budget_idr"] - y["apbd_cofunding_idr"]) / y["budget_per_member_idr"]
        assert y["members_affordable"] == pytest.approx(pays, abs=1.0)
    assert words in _intro(plan, code)


def test_without_a_cofunded_pledge_the_apbd_table_says_nothing_of_it():
    scenario = load_scenario("madiun-2026-ucj", ["scenario.trials=50"])
    extra = {"planning": planning_figures(scenario)}
    assert not any(y["apbd_cofunding_idr"] for y in extra["planning"]["years"])
    for code, word in (("id", "didampingi"), ("en", "co-funded")):
        assert word not in _intro((scenario, extra), code)
