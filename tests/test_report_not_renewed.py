"""Members in force not renewed for lack of money in a planning scenario. Renewals come first at a fiscal year's
round, but a budget smaller than a full year of the members already in force cannot renew them all:
madiun-2026-ucj (Rp4 bn of APBD a year, no other money for its APBD-paid segments) leaves 432 of them out in 2028.
The summary says so; before, it said only that renewals come first and that registered names wait."""

from __future__ import annotations

import pytest

from sim.i18n import Language
from sim.plan import _flows
from sim.population import build_model
from sim.report_planning import _budget_lines, planning_figures
from sim.scenario import load_scenario
from test_report_wording import _filled


@pytest.fixture(scope="module")
def ucj():
    scenario = load_scenario("madiun-2026-ucj")
    return scenario, {"planning": planning_figures(scenario)}


def _sentence(scenario, extra, code="id"):
    lang = Language(code)
    lines = _budget_lines(lang, scenario, extra)
    paras = [p for p in lines if p.text.startswith(lang("exec_plan_not_renewed")[:20])]
    return [_filled(lang, p, extra) for p in paras]


def test_the_count_is_the_plan_tables_budget_exits(ucj):
    """Each year's count is the plan tables' ``left_budget`` (sim.plan's flows of the model the forecast runs)."""
    scenario, extra = ucj
    model = build_model(scenario)
    years = extra["planning"]["years"]
    for p, label in enumerate(model.period_labels):
        row = next(y for y in years if y["year"] == label)
        assert row["not_renewed"] == pytest.approx(_flows(model, p)["left"]["budget"], abs=0.01)


def test_members_are_cut_only_when_the_budget_is_spent_in_full(ucj):
    _, extra = ucj
    years = {y["year"]: y for y in extra["planning"]["years"]}
    assert round(years["2026"]["not_renewed"]) == 0 and round(years["2027"]["not_renewed"]) == 0
    assert years["2028"]["not_renewed"] > 100  # the case, from the data: the Rp4 bn cannot renew 2027's members
    for y in years.values():
        if round(y["not_renewed"]) > 0:
            assert y["budget_spent_in_full"]


def test_the_summary_says_how_many_are_not_renewed_and_when(ucj):
    scenario, extra = ucj
    cut = {y["year"]: round(y["not_renewed"]) for y in extra["planning"]["years"] if round(y["not_renewed"]) > 0}
    [text] = _sentence(scenario, extra)
    assert text.startswith("Perpanjangan peserta lama didahulukan, tetapi dananya tidak cukup")
    for year, n in cut.items():
        assert f"{Language('id').figure('count', n)} peserta pada {year}" in text
    assert "2026" not in text and "2027" not in text
    [english] = _sentence(scenario, extra, "en")
    assert english.startswith("Renewals come first, but the money does not pay for all of them")
    assert english.endswith(" are not renewed.")


def test_nothing_is_said_when_every_member_is_renewed():
    scenario = load_scenario("jambi-2025-pipeline")
    extra = {"planning": planning_figures(scenario)}
    assert all(round(y["not_renewed"]) == 0 for y in extra["planning"]["years"])
    assert _sentence(scenario, extra) == []


def test_members_of_a_segment_paid_by_dbh_cht_alone_are_said_to_be_beyond_the_apbd(ucj):
    """Change drill: a segment paid from tobacco-excise funds alone (payer DBH-CHT) lost members when that money ran
    short, and the summary gave the count beside an APBD budget that "covers this need every year". Its members are
    named as beyond the APBD's reach; madiun-2026-ucj's APBD-paid cuts are not."""
    scenario = load_scenario("jambi-2025-pipeline", [
        "segments.vulnerable.payer=DBH-CHT", 'funding.dbh_cht_segments=["vulnerable"]',
        'funding.dbh_cht_budget={ value = 300000000, unit = "IDR per year", source = "test", '
        'basis = "assumption", range = [0, 1e12] }'])
    extra = {"planning": planning_figures(scenario)}
    cut = [y for y in extra["planning"]["years"] if round(y["not_renewed"]) > 0]
    assert cut and all(sum(r["not_renewed"] for r in y["segments"]) == pytest.approx(y["not_renewed"], abs=0.05)
                       for y in cut)
    [text] = _sentence(scenario, extra, "en")
    assert text.endswith("Among them are members of “Vulnerable informal workers (BPU)” (payer DBH-CHT): only that "
                         "money pays for them and the APBD does not take them over, so more APBD would not renew them.")
    [indonesian] = _sentence(scenario, extra)
    assert ("(pembayar DBH-CHT): iuran mereka hanya dibayar dari dana tersebut, dan APBD tidak mengambil alih"
            in indonesian)
    ucj_scenario, ucj_extra = ucj
    assert "APBD tidak mengambil alih" not in _sentence(ucj_scenario, ucj_extra)[0]


def test_the_summary_names_the_segments_whose_members_are_not_renewed(ucj):
    """madiun-2026-ucj: "432 peserta pada 2028 tidak diperpanjang" left a planner asking whose cover ends; sim plan
    names the segment (informal, the lowest priority). The sentence now gives the segment, or each segment's count
    where there are several (2028's members split between two segments here, a drill), traced to report.json."""
    import copy

    scenario, extra = ucj
    [text] = _sentence(scenario, extra)
    informal = "Pekerja informal lain di luar DTKS (BPU), didaftarkan untuk UCJ"
    assert f"432 peserta pada 2028 (semuanya dari segmen “{informal}”) tidak diperpanjang." in text
    [english] = _sentence(scenario, extra, "en")
    assert "432 members in 2028 (all of “Other informal workers outside DTKS (BPU), enrolled for UCJ”)" in english
    split = copy.deepcopy(extra)
    year = next(y for y in split["planning"]["years"] if y["year"] == "2028")
    rows = {r["segment"]: r for r in year["segments"]}
    rows["vulnerable"]["not_renewed"], rows["informal"]["not_renewed"] = 100.0, year["not_renewed"] - 100.0
    [text] = _sentence(scenario, split)
    assert (f"432 peserta pada 2028 (100 dari segmen “Pekerja informal rentan (BPU)” dan 332 dari segmen "
            f"“{informal}”)") in text
    lang = Language("id")
    para = next(p for p in _budget_lines(lang, scenario, split) if p.text.startswith("Perpanjangan"))
    assert {f.key for f in para.figures.values()} >= {"planning.years.2.segments.1.not_renewed",
                                                     "planning.years.2.segments.2.not_renewed"}
