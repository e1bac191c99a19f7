"""The priority order of a planning scenario as it works: names are paid for as BPJS registers them (waiting names
first at the year's round, then each month's names in priority order), and no money is kept back for a
higher-priority segment's later names. The report's summary names the years in which a lower-priority segment
admitted names while a higher-priority one still had names waiting, among the segments the APBD alone pays for."""

from __future__ import annotations

import numpy as np
import pytest

from sim.expansion import project_scenario
from sim.i18n import Language
from sim.report_planning import _priority_para, planning_figures
from sim.scenario import load_scenario
from test_report_wording import _filled


def _para(scenario_id: str, code: str = "id"):
    scenario = load_scenario(scenario_id)
    extra = {"planning": planning_figures(scenario)}
    return scenario, extra, _priority_para(Language(code), scenario, extra)


def test_the_segment_flows_are_the_projections():
    scenario = load_scenario("pekalongan-2023-expansion")
    plan = planning_figures(scenario)
    projection = project_scenario(scenario)
    assert plan["priority"] == ["vulnerable", "marbot", "batik"]
    for row in plan["years"]:
        months = np.flatnonzero(projection.years == int(row["year"]))
        for k, name in enumerate(projection.names):
            seg = row["segments"][k]
            assert seg["segment"] == name
            assert seg["joined"] == pytest.approx(float(projection.ledgers[name].joined[months].sum()), abs=0.01)
            assert seg["held_year_end"] == pytest.approx(float(projection.held[k, months[-1]]), abs=0.01)


def test_a_lower_priority_segment_admitted_while_a_higher_one_waits_is_said():
    """Pekalongan 2025: batik workers (priority 3) join from the names held since 2024, at the year's round, while
    names of the eleven original occupations (priority 1) registered later in the year wait at its end."""
    scenario, extra, para = _para("pekalongan-2023-expansion")
    year = {y["year"]: {s["segment"]: s for s in y["segments"]} for y in extra["planning"]["years"]}["2025"]
    assert year["batik"]["joined"] > 100 and year["vulnerable"]["held_year_end"] > 10  # the case, from the data
    text = _filled(Language("id"), para, extra)
    assert text.startswith("Urutan prioritas berlaku bagi nama yang dibiayai pada saat yang sama")
    batik = f"{round(year['batik']['joined'])} nama baru Buruh batik (BPU) (prioritas 3)"
    waiting = f"{round(year['vulnerable']['held_year_end'])} calon peserta Pekerja informal rentan"
    assert "pada 2025, " in text and batik in text and waiting in text
    assert "pada 2023" not in text  # only the original occupations enrol in 2023: nothing passes them
    english = _filled(Language("en"), _priority_para(Language("en"), scenario, extra), extra)
    assert english.startswith("The priority order applies among names paid for at the same time")


def test_segments_with_money_of_their_own_are_not_compared():
    """madiun-2026-ucj-csr: the vulnerable and informal workers have DBH-CHT and pledge money the non-ASN staff
    cannot use, and SERTAKAN pays for itself, so their joining while non-ASN names wait passes nobody. Without that
    money (madiun-2026-ucj) the vulnerable workers (priority 2) do join while non-ASN names (priority 1) wait."""
    assert _para("madiun-2026-ucj-csr")[2] is None
    scenario, extra, para = _para("madiun-2026-ucj")
    assert para is not None
    text = _filled(Language("id"), para, extra)
    assert "nama baru Pekerja informal rentan (BPU) (prioritas 2)" in text
    assert "calon peserta Tenaga non-ASN Pemerintah Kota (PU) (prioritas 1)" in text
    assert "SERTAKAN" not in text


def test_one_segment_has_no_priority_to_pass():
    assert _para("jambi-2025-pipeline")[2] is None


def test_two_years_clauses_are_kept_apart():
    """madiun-2026-ucj, 2029 and 2030: each year's clause holds commas of its own, and joined by "dan" alone the two
    read "... (prioritas 1) dan pada 2030, 876 nama baru ...", as if the year-end were 2030's. Two
    clauses are kept apart by "; " as three or more are, in both languages."""
    scenario, extra, para = _para("madiun-2026-ucj")
    text = _filled(Language("id"), para, extra)
    assert "(prioritas 1); dan pada 2030, " in text
    english = _filled(Language("en"), _priority_para(Language("en"), scenario, extra), extra)
    assert "(priority 1); and in 2030, " in english


@pytest.mark.parametrize("code, total, among", [
    ("id", "sedangkan pada akhir tahun {total} calon peserta menunggu dana, di antaranya {held} calon peserta Pekerja",
     "Buruh batik"),
    ("en", "while at the year-end {total} names waited for money, among them {held} names of Vulnerable", "Batik")])
def test_the_names_waiting_add_up_to_the_years_total(code, total, among):
    """Pekalongan 2024: 120 names wait at the year-end (the targets paragraph's figure), 99 of them batik workers of
    priority 3, below the admitted marbot. The paragraph named only the 18 + 3 of priorities 1 and 2, as if they were
    all who waited; it gives the year's total first and names those "among them"."""
    scenario, extra, para = _para("pekalongan-2023-expansion", code)
    year = extra["planning"]["years"][[y["year"] for y in extra["planning"]["years"]].index("2024")]
    segments = {s["segment"]: s for s in year["segments"]}
    assert segments["batik"]["held_year_end"] > 50  # the case, from the data
    text = _filled(Language(code), para, extra)
    assert total.format(total=round(year["held_year_end"]),
                        held=round(segments["vulnerable"]["held_year_end"])) in text
    assert f"{among}" not in text.split(str(round(year["held_year_end"])))[1].split(";")[0]  # named as admitted only
