"""Reports of scenarios whose members are projected (enrolment pipeline, quotas, a funding plan): the budget lines
follow the projected members year by year, not the members at the start (0 for jambi-2025-pipeline), every number
traced to report.json; scenarios without a projection keep their layout, with the coverage chart's caption, legend
and wording fixed."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from matplotlib.lines import Line2D

from sim import charts
from sim import report as report_module
from sim.i18n import Language
from sim.report import build
from sim.report_planning import planning_figures
from sim.scenario import load_scenario
from test_report import check_figures, parse, pdf_text

TRIALS = 300
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", autouse=True)
def one_commit():
    """As in test_report: the report folder's name must not change if a commit lands while the tests run."""
    commit = report_module.git_commit()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_module, "git_commit", lambda: commit)
        yield


def _build(scenario_id: str, root, lang: str = "id"):
    return build(load_scenario(scenario_id, [f"scenario.trials={TRIALS}"]), lang, root)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return _build("jambi-2025-pipeline", tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def pipeline_en(tmp_path_factory):
    return _build("jambi-2025-pipeline", tmp_path_factory.mktemp("reports"), "en")


@pytest.fixture(scope="module")
def half_year(tmp_path_factory):
    """jambi-2025-pipeline over 18 months (January 2025 to June 2026), in both languages: the reports by language."""
    scenario = load_scenario("jambi-2025-pipeline", [f"scenario.trials={TRIALS}", "scenario.horizon_months=18"])
    root = tmp_path_factory.mktemp("reports")
    return {lang: build(scenario, lang, root / lang) for lang in ("id", "en")}


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    return _build("madiun-2025", tmp_path_factory.mktemp("reports"))


def section_text(folder, key: str) -> str:
    html = (folder / "report.html").read_text(encoding="utf-8")
    body = re.search(rf'<section id="{key}".*?</section>', html, re.S).group(0)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))  # a tag separates words
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", text))


def section_figures(folder, key: str) -> list[dict]:
    """The traced figures of one section, in order."""
    html = (folder / "report.html").read_text(encoding="utf-8")
    body = re.search(rf'<section id="{key}".*?</section>', html, re.S).group(0)
    return [{"src": m[1], "key": m[2], "text": m[3]}
            for m in re.finditer(r'<span class="fig" data-src="([^"]+)" data-key="([^"]+)"[^>]*>([^<]*)</span>', body)]


# --- the projection, year by year ------------------------------------------------------------------------------


def test_planning_figures_follow_the_projected_members_and_premiums():
    plan = planning_figures(load_scenario("jambi-2025-pipeline"))
    assert plan["start_members"] == 0
    years = {y["year"]: y for y in plan["years"]}
    assert list(years) == ["2025", "2026", "2027"]
    for y in years.values():
        assert y["budget_idr"] == 604_000_000
        assert y["budget_per_member_idr"] == 201_600 == 16_800 * 12  # BPU, lowest income band, paid by the APBD
        assert y["members_affordable"] == 2996  # 604,000,000 / 201,600 = 2,996.03
        assert y["budget_spent_idr"] + y["budget_left_idr"] == pytest.approx(y["budget_idr"])
    # 2025: members join through the pipeline from April, so the premium is part of the budget.
    assert years["2025"]["budget_spent_idr"] == pytest.approx(331_292_691.81, abs=1)
    assert years["2025"]["budget_left_idr"] == pytest.approx(272_707_308.19, abs=1)
    assert years["2026"]["budget_left_idr"] == years["2027"]["budget_left_idr"] == 0
    assert [y["target"] for y in years.values()] == [3000, 3500, 4000]
    assert [y["target_premium_idr"] for y in years.values()] == [604_800_000, 705_600_000, 806_400_000]
    assert [y["target_rates_year"] for y in years.values()] == ["2026", "2027", "2028"]  # the year paid for in
    assert [y["target_reached"] for y in years.values()] == [True, False, False]
    assert years["2026"]["budget_spent_in_full"] and years["2027"]["held_year_end"] > 0
    assert years["2026"]["members"] == pytest.approx(2996.03, abs=0.01)  # the budget caps the members
    assert [m["members"] for m in plan["months"][:3]] == [0, 0, 0] and len(plan["months"]) == 36


def test_planning_figures_take_the_forecasts_projection_instead_of_projecting_again(monkeypatch):
    from sim import report_planning
    from sim.population import build_model

    scenario = load_scenario("jambi-2025-pipeline")
    own = planning_figures(scenario)
    projection = build_model(scenario).projection  # what the forecast of the report projected

    def no_second_projection(*args, **kwargs):
        raise AssertionError("planning_figures projected the scenario again")

    monkeypatch.setattr(report_planning, "project_scenario", no_second_projection)
    assert planning_figures(scenario, projection) == own


def test_a_scenario_without_a_projection_has_no_planning_figures():
    assert planning_figures(load_scenario("madiun-2025")) is None


# --- jambi-2025-pipeline: 0 members at the start -------------------------------------------------------------


def test_budget_year_counts_the_claims_of_its_own_members(pipeline):
    """report.json's budget_year: a year's premium of the members at the start (none in jambi-2025-pipeline) and
    the expected claims of those same members, not the plan's first year (Rp272.7 m for 1,643 members on average
    joining through 2025, set beside 0 members and a premium of Rp0)."""
    year = pipeline.extra["budget_year"]
    assert year["members"] == 0 and year["annual_premium_idr"] == 0
    assert year["expected_claims_idr"] == 0


def test_pipeline_report_has_no_budget_line_from_the_starting_members(pipeline):
    folder = pipeline.folder
    check_figures(folder)  # every figure equals its source in summary.json or report.json
    summary = section_figures(folder, "summary")
    assert not [f for f in summary if f["src"] == "summary.json" and f["key"].startswith("budget.")]
    text = section_text(folder, "summary")
    for wrong in ("Anggaran iuran per tahun Rp0", "Peserta 0", "Iuran untuk 0 peserta", "untuk sekitar - peserta",
                  "diperlukan - per tahun", "( - per peserta", "masih tersisa Rp604,0 juta"):
        assert wrong not in text, wrong
    assert "Untuk 0 peserta" not in section_text(folder, "budget")
    # The first tile is the answer (the APBD 2025 needs), not the budget the scenario assumes (Rp604,0 juta).
    assert "APBD yang dibutuhkan 2025 Rp331,3 juta" in text and "Peserta akhir 2027 2.938" in text
    assert "Anggaran APBD 2025" not in text


def test_pipeline_report_says_what_the_budget_buys_and_what_the_targets_take(pipeline):
    keys = {f["key"]: f["text"] for f in section_figures(pipeline.folder, "summary") if f["src"] == "report.json"}
    assert keys["planning.years.0.members_affordable"] == "2.996"
    assert keys["planning.years.0.budget_per_member_idr"] == "Rp201.600"
    assert [keys[f"planning.years.{i}.target_premium_idr"] for i in range(3)] == [
        "Rp604,8 juta", "Rp705,6 juta", "Rp806,4 juta"]
    text = section_text(pipeline.folder, "summary")
    assert "cukup untuk iuran setahun penuh 2.996 peserta" in text
    assert re.search(r"3\.000 \(2025\), 3\.500 \(2026\), dan 4\.000 \(2027\) peserta memerlukan iuran setahun penuh "
                     r"pada tahun berikutnya, dengan tarif tahun itu: 2026 Rp604,8 juta, 2027 Rp705,6 juta, dan 2028 "
                     r"Rp806,4 juta\.", text)
    # The table, its note and the chart's caption say which year's rates the target's premium is at.
    budget = section_text(pipeline.folder, "budget")
    assert "Iuran setahun untuk target, dengan tarif tahun berikutnya" in budget
    assert ("Iuran setahun untuk target akhir tahun adalah iuran yang dibayar untuk peserta target itu pada tahun "
            "berikutnya, dengan tarif tahun itu: target akhir 2025 dihitung dengan tarif 2026. Tahun 2028 berada di "
            "luar periode proyeksi; karena seluruh iuran dalam skenario ini dibayar APBD, iuran untuk target akhir "
            "2027 dihitung dengan tarif yang berlaku bagi APBD menurut aturan tahun 2028.") in budget
    assert ("Belah ketupat: iuran setahun penuh untuk target akhir tahun, dengan tarif tahun berikutnya; iuran ini "
            "dibayar pada tahun berikutnya, bukan pada tahun target.") in budget


def test_the_last_targets_note_names_the_one_payer_instead_of_an_unknown_split():
    """Review of jambi-2025-pipeline's report (session 36): the note under the table of targets said that how many
    members each source of money, "the APBD or CSR, say", pays for in 2028 is not known, in a scenario where the
    APBD pays every premium and there is no CSR pledge: the split is known, and CSR is not in it. With one payer the
    note names it; with several it keeps the caveat."""
    from sim.report_planning import _target_premium_note
    years = [{"year": y, "target": 3_000.0, "target_rates_year": str(int(y) + 1)} for y in ("2025", "2026", "2027")]
    apbd = [{"year": y["year"], "payer": "APBD", "premium_idr": 6e8} for y in years]
    for code in ("id", "en"):
        lang = Language(code)
        one = _target_premium_note(lang, years, apbd + [{"year": "2027", "payer": "CSR", "premium_idr": 0.0}])
        assert "CSR" not in one and "tidak diketahui" not in one and "not known" not in one
        assert lang("plan_target_premium_note_after_one_payer", year="2028", target="2027", payer="APBD") in one
        several = _target_premium_note(lang, years, apbd + [{"year": "2027", "payer": "CSR", "premium_idr": 1e8}])
        assert several.endswith(lang("plan_target_premium_note_after", year="2028"))


def test_pipeline_report_states_the_leftover_of_each_year(pipeline):
    keys = {f["key"]: f["text"] for f in section_figures(pipeline.folder, "summary")}
    assert [keys[f"planning.years.{i}.budget_spent_idr"] for i in range(3)] == [
        "Rp331,3 juta", "Rp604,0 juta", "Rp604,0 juta"]
    assert [keys[f"planning.years.{i}.budget_left_idr"] for i in range(3)] == ["Rp272,7 juta", "Rp0", "Rp0"]
    extra = json.loads((pipeline.folder / "report.json").read_text())
    assert [y["budget_left_idr"] for y in extra["planning"]["years"]] == [272_707_308.19, 0, 0]


def test_pipeline_report_says_which_targets_are_missed_and_why(pipeline):
    text = section_text(pipeline.folder, "summary")
    assert "Target tercapai pada 2025 (3.000 peserta pada akhir tahun, target 3.000)" in text
    missed = re.search(r"Target tidak tercapai pada (.*?)\. Yang membatasi adalah anggaran", text)
    assert missed, text
    assert "2026 (2.946 peserta pada akhir tahun, target 3.500" in missed[1]
    assert "2027 (2.938 peserta pada akhir tahun, target 4.000" in missed[1]
    assert "menunggu dana" in missed[1]
    assert "kurang 554;" in missed[1] and "di segmen" not in missed[1]  # one segment: 3,500 - 2,946, as it reads
    table = section_text(pipeline.folder, "budget")
    assert "2026 2.996 2.946 3.500 tidak Rp705,6 juta" in table  # members and targets
    # The APBD: its members, budget, paid, left, the members it pays a full year for, and the quota path's need.
    assert "2026 2.996 Rp604,0 juta Rp604,0 juta Rp0 2.996 Rp679,1 juta" in table


def test_a_target_whose_year_end_lies_beyond_the_horizon_is_shown_priced_and_not_judged(half_year):
    """jambi-2025-pipeline over 18 months ends in June 2026, six months before its 2026 target's 31 December: the
    report said that target was reached, judged on June's 3,500 members as if June were the year-end. It is still
    shown and its full year priced as over the whole horizon (at 2027's rates, which neither projection reaches),
    but whether it is reached is not known: null in report.json, "beyond the horizon" in the table and a sentence
    in the summary, in both languages. The 2025 target, whose December is in the horizon, is judged as before.
    (June's members are 2,999 now, as in the same month of the whole horizon: tests/test_horizon_end.py.)"""
    reports = half_year
    extra = json.loads((reports["en"].folder / "report.json").read_text())
    first, last = extra["planning"]["years"]
    assert first["target_reached"] is True and first["target_short"] == 0
    assert last["year"] == "2026" and last["target"] == 3500
    assert last["target_reached"] is None and last["target_short"] is None
    whole = planning_figures(load_scenario("jambi-2025-pipeline"))["years"][1]
    assert (last["target_premium_idr"], last["target_rates_year"]) == (whole["target_premium_idr"], "2027")
    expected = {
        "en": ("Target reached in 2025 (3,000 members at the year-end, target 3,000).",
               "Beyond the horizon: the projection ends in June 2026, before the year-end, so it cannot say whether "
               "the year-end target of 3,500 members (2026) is reached.",
               "Target missed", "2026 3,015 2,999 * 3,500 beyond the horizon Rp705.6 m"),
        "id": ("Target tercapai pada 2025 (3.000 peserta pada akhir tahun, target 3.000).",
               "Di luar periode proyeksi: proyeksi berakhir pada Juni 2026, sebelum akhir tahun, sehingga belum dapat "
               "diketahui apakah target akhir tahun 3.500 peserta (2026) tercapai.",
               "Target tidak tercapai", "2026 3.015 2.999 * 3.500 di luar periode proyeksi Rp705,6 juta"),
    }
    for lang, (reached, beyond, missed, row) in expected.items():
        folder = reports[lang].folder
        check_figures(folder)
        summary = unescape(section_text(folder, "summary"))
        assert reached in summary and beyond in summary and missed not in summary, summary
        assert row in unescape(section_text(folder, "budget"))


def test_a_year_the_horizon_ends_in_before_december_has_its_last_months_members_said_so(half_year, pipeline):
    """jambi-2025-pipeline over 18 months ends in June 2026. The summary's tile, its lead paragraph and the terminal's
    headline said "members at the end of 2026" and the table's "members at year-end" gave June's 3,500 unmarked, as
    if counted on 31 December. They now name the month, and the table marks the cell with a star, as sim plan stars
    such a row, and says under the table what it means, in both languages; over the whole horizon (December 2027)
    the year is named and nothing is marked. (June's members are 2,999 now, 2026's round paying for them to 31
    December: tests/test_horizon_end.py.)"""
    expected = {
        "en": ("Members at the end of June 2026 2,999", "0 members in January 2025, 2,999 at the end of June 2026.",
               "2,999 members at the end of June 2026;",
               "* The projection ends in June 2026, so the members at the year-end of 2026 are those at the end of "
               "June 2026, not on 31 December.",
               "* The projection covers only January–June 2026, so the names registered by BPJS and newly covered in "
               "2026 are those months' only, not a full year's."),
        "id": ("Peserta akhir Juni 2026 2.999", "0 peserta pada Januari 2025, 2.999 peserta pada akhir Juni 2026.",
               "2.999 peserta pada akhir Juni 2026;",
               "* Proyeksi berakhir pada Juni 2026, sehingga peserta akhir tahun 2026 adalah peserta pada akhir Juni "
               "2026, bukan pada 31 Desember.",
               "* Proyeksi hanya mencakup Januari–Juni 2026, sehingga nama yang didaftarkan BPJS dan yang mulai "
               "terlindungi pada 2026 adalah nama bulan-bulan tersebut saja, bukan setahun penuh."),
    }
    for lang, (tile, lead, headline, note, waiting_note) in expected.items():
        report = half_year[lang]
        extra = json.loads((report.folder / "report.json").read_text())
        assert [y["year_end_month"] for y in extra["planning"]["years"]] == ["2025-12", "2026-06"]
        summary = unescape(section_text(report.folder, "summary"))
        assert tile in summary and lead in summary, summary
        assert headline in report_module.headline(report)
        budget = unescape(section_text(report.folder, "budget"))
        # The 2026 cell and its note; the APBD table's two 2026 cells (spent, left: the APBD needed is a whole
        # year's) and its note; the payer table's premium and left of 2026 and its note; the waiting table's four
        # 2026 cells (registered and newly covered in six months, waiting and members at June's end), its two notes
        # and the sentence after it on the names still waiting; 2025's December is in.
        assert note in budget and budget.count("*") == 15
        assert waiting_note in budget
        html = (report.folder / "report.html").read_text(encoding="utf-8")
        assert re.search(r'data-key="planning\.years\.1\.members_year_end"[^>]*>[^<]+</span>\*</td>', html)
        assert f"{report.lang.count(2999)}* " in pdf_text(report.folder)
    summary = unescape(section_text(pipeline.folder, "summary"))
    assert "Peserta akhir 2027" in summary and "peserta pada akhir 2027." in summary
    assert "*" not in unescape(section_text(pipeline.folder, "budget"))


def test_a_marked_figure_in_a_pdf_paragraph_is_bold_and_its_mark_and_what_follows_are_not(half_year):
    """The PDF sets a paragraph's figures in bold through fpdf2's "**" markdown, which takes no "**" beside a "*":
    "**Rp325,2 juta***" printed three stars and left the rest of the paragraph bold, up to the next figure, whose
    "**" then turned bold off ("(sisa" bold, "Rp278,8 juta" not). The figure is bold, its one star and the words
    after it are not. (2026's premiums paid to June are Rp304,0 juta since its round pays for its members to 31
    December: tests/test_horizon_end.py.)"""
    from pypdf import PdfReader

    runs = []
    for page in PdfReader(half_year["id"].folder / "report.pdf").pages[:3]:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
            (text, "Bold" in str((font or {}).get("/BaseFont")))) if text.strip() else None)
    text = "".join(t for t, _ in runs)
    assert "***" not in text and "Rp304,0 juta\u200b* (sisa Rp300,0 juta\u200b*)" in text
    left = next(k for k, (t, _) in enumerate(runs) if t.startswith("Iuran yang dibayar dari APBD"))
    shown = runs[left:left + 9]
    assert [bold for t, bold in shown if "Rp" in t] == [True] * 4
    assert [bold for t, bold in shown if "(sisa" in t] == [False] * 2, shown


def test_ucj_and_pledge_outcomes_in_a_year_the_horizon_ends_in_before_december_name_its_last_month():
    """madiun-2026-ucj-csr over 54 months ends in June 2030, its UCJ target year. The summary listed June's UCJ as
    2030's year-end and said the 70 % target was missed, judged on June (68.7 %); the table of pledge outcomes gave
    June's members as 2030's year-end, unmarked. UCJ is now given for June 2030 (the horizon's end) and the target
    is not judged; the table's 2030 cells are starred with the note under it, in both languages. Over 59 months the
    most names waiting when the co-funded pledge fails are those of November 2030, no longer "at the end of 2030".
    (June's UCJ is 63.6 % and November's names waiting 7,705 since the office pays for 2030's members to 31
    December, as over 60 months: tests/test_horizon_end.py.)"""
    from sim.report_document import fill
    from sim.report_planning import _budget_lines, _pledge_blocks, _pledge_risk, pledge_names

    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    extra = {"planning": planning_figures(scenario)}
    expected = {
        "en": ("2029 63.0% and June 2030 (the horizon's end) 63.6%; the target is 70.0% by 2030.",
               "* The projection ends in June 2030, so the members and the names waiting for money at the year-end of "
               "2030 are those at the end of June 2030, not on 31 December,"),
        "id": ("2029 63,0%, dan Juni 2030 (akhir proyeksi) 63,6%; targetnya 70,0% pada 2030.",
               "* Proyeksi berakhir pada Juni 2030, sehingga peserta dan calon peserta yang menunggu dana pada akhir "
               "tahun 2030 dihitung pada akhir Juni 2030, bukan pada 31 Desember,"),
    }
    for code, (ucj, note) in expected.items():
        lang = Language(code)
        text = " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) for k, f in b.figures.items()})
                        for b in _budget_lines(lang, scenario, extra))
        assert ucj in text, text
        table = next(b for b in _pledge_blocks(lang, extra, pledge_names(lang, scenario)) if hasattr(b, "rows"))
        marks = {(row[2], row[3].mark) for row in table.rows}
        assert marks == {(str(y), "") for y in range(2026, 2030)} | {("2030", "*")}
        assert table.note.startswith(note)  # then, in the same note, its APBD spent
    late = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=59"])
    extra = {"planning": planning_figures(late)}
    # Names wait with every pledge honoured too: said beside the failed pledge's, which is not the whole wait.
    for code, held in {"en": "at most 7,705 names wait for money at the end of November 2030 (5,278 with every "
                             "pledge honoured);",
                       "id": "paling banyak 7.705 calon peserta menunggu dana pada akhir November 2030 (5.278 bila "
                             "semua komitmen dipenuhi);"}.items():
        lang = Language(code)
        para = _pledge_risk(lang, late, extra, pledge_names(lang, late))
        assert held in fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


def test_the_apbd_premiums_of_a_year_the_horizon_ends_in_before_december_are_marked_as_part_of_a_year():
    """jambi-2025-pipeline over 18 months ends in June 2026: the APBD table and the summary set six months of 2026's
    premiums against its full year's budget, Rp278.8 m "left", without saying so (sim plan's terminal does). The
    premiums paid and the budget left of 2026 are now starred, with one note under the table and after the
    summary's sentence, in both languages; 2025, whose December is in the horizon, is not, nor is 2026's APBD
    needed, a whole year's (sim.budget: a budget is for a whole fiscal year). The premiums are Rp304.0 m since
    2026's round pays for its members to 31 December (tests/test_horizon_end.py)."""
    from sim.report_document import fill
    from sim.report_document import Figure
    from sim.report_planning import _apbd_blocks, _budget_lines

    scenario = load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18"])
    extra = {"planning": planning_figures(scenario)}
    expected = {
        "en": ("and 2026 Rp304.0 m* (Rp300.0 m* left). * The projection ends in June 2026, so the APBD's premiums in "
               "2026 are those up to June 2026 only, against a full year's budget: a full year of those members costs "
               "more and leaves less."),
        "id": ("dan 2026 Rp304,0 juta* (sisa Rp300,0 juta*). * Proyeksi berakhir pada Juni 2026, sehingga iuran APBD "
               "pada 2026 adalah iuran sampai Juni 2026 saja, sedangkan anggarannya untuk setahun penuh: iuran "
               "setahun penuh bagi peserta tersebut lebih besar dan sisa anggarannya lebih kecil."),
    }
    for code, sentence in expected.items():
        lang = Language(code)
        text = " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) + f.mark for k, f in b.figures.items()})
                        for b in _budget_lines(lang, scenario, extra))
        assert sentence in text, text
        table = _apbd_blocks(lang, scenario, extra)[-1]
        marks = [[c.mark for c in row if isinstance(c, Figure)] for row in table.rows]
        assert marks == [["", "", "", "", "", ""], ["", "", "*", "*", "", ""]]  # spent and left of 2026
        assert table.note == sentence[sentence.index(". * ") + 2:]
    whole = {"planning": planning_figures(load_scenario("jambi-2025-pipeline"))}
    table = _apbd_blocks(Language("en"), scenario, whole)[-1]
    assert table.note == "" and all(c.mark == "" for row in table.rows for c in row if isinstance(c, Figure))


def test_the_summarys_apbd_needed_in_a_year_the_horizon_ends_in_before_december_is_the_whole_years():
    """jambi-2025-pipeline over 18 months ends in June 2026: the summary's "APBD needed to reach the year-end
    targets" gave 2026's Rp325.2 m, six months' premiums, unmarked, beside the starred premiums paid and left of the
    sentence after it; then starred. A budget is for a whole fiscal year (sim.budget): it is 2026's whole year's,
    Rp679.1 m as over 36 months, unmarked, and the note on the part year's APBD premiums is said once, after the
    last sentence with a star (what is left); so is the first tile's APBD needed when the horizon ends in its first
    year (2025's whole year, as over 36 months), and the pledge sentence's APBD needed in 2030 for
    madiun-2026-ucj-csr over 54 months (Rp5.19 bn, as over 60), in both languages."""
    from sim.report_document import fill
    from sim.report_planning import _budget_lines, _tiles

    def summary(scenario, code):
        lang, extra = Language(code), {"planning": planning_figures(scenario)}
        return " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) + f.mark for k, f in b.figures.items()})
                        for b in _budget_lines(lang, scenario, extra))

    half = load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18"])
    expected = {
        "en": ("targets (premiums only): 2025 Rp331.3 m and 2026 Rp679.1 m.", "* The projection ends in June 2026"),
        "id": ("target akhir tahun (iuran saja): 2025 Rp331,3 juta dan 2026 Rp679,1 juta.",
               "* Proyeksi berakhir pada Juni 2026"),
    }
    for code, (needed, note) in expected.items():
        text = summary(half, code)
        assert needed in text and text.count(note) == 1, text
        assert text.index(needed) < text.rindex("*", 0, text.index(note)) < text.index(note)
    madiun = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    expected = {"en": ("2029 Rp4.62 bn and 2030 Rp5.19 bn.",
                       "Rp5.19 bn of APBD (excluding DBH-CHT) in 2030 instead of Rp4.69 bn with",
                       "* The projection ends in June 2030"),
                "id": ("2029 Rp4,62 miliar, dan 2030 Rp5,19 miliar.",
                       "APBD (di luar DBH-CHT) 2030 yang dibutuhkan menjadi Rp5,19 miliar, bukan Rp4,69 miliar bila",
                       "* Proyeksi berakhir pada Juni 2030")}
    for code, (needed, pledge, note) in expected.items():
        text = summary(madiun, code)
        assert needed in text and pledge in text and text.count(note) == 1, text
        assert text.index(pledge) < text.index(note)
    six = load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=6"])
    tile = _tiles(Language("en"), {}, {"planning": planning_figures(six)})[0]
    assert (tile[0], tile[1].key, tile[1].mark) == ("APBD needed 2025", "planning.years.0.apbd_needed_idr", "")
    assert "* The projection ends in June 2025" in summary(six, "en")  # after its premiums paid and left
    whole = load_scenario("jambi-2025-pipeline")
    assert tile[1].value == planning_figures(whole)["years"][0]["apbd_needed_idr"]
    assert "*" not in summary(whole, "en")
    assert _tiles(Language("en"), {}, {"planning": planning_figures(whole)})[0][1].mark == ""


def test_the_pledge_outcomes_apbd_in_a_year_the_horizon_ends_in_before_december_is_marked_as_part_of_a_year():
    """madiun-2026-ucj-csr over 54 months ends in June 2030: the table of pledge outcomes starred 2030's members at
    the "year-end" but gave its APBD spent and needed, six months' premiums, unmarked (Rp1.73 bn against the APBD
    table's starred Rp1.98 bn*), and so did the sentence under it that averages them. They are now starred, and so
    are the names waiting for money at the "year-end", June's; the notes of the table of targets and of the APBD
    table, which both opened "* The projection ends in June 2030, so", are said in one note under the table, in both
    languages; over 60 months nothing is marked and there is no note. The APBD needed, a whole year's (sim.budget:
    a budget is for a whole fiscal year; Rp4.94 bn on average, as over 60 months), is not marked."""
    from sim.report_document import Figure, fill
    from sim.report_planning import _pledge_blocks, pledge_names

    def blocks(scenario, code):
        lang = Language(code)
        extra = {"planning": planning_figures(scenario)}
        table, para = [b for b in _pledge_blocks(lang, extra, pledge_names(lang, scenario))][1:]
        return table, fill(para.text, {k: lang.figure(f.kind, f.value) + f.mark for k, f in para.figures.items()})

    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.horizon_months=54"])
    expected = {
        "en": ("* The projection ends in June 2030, so the members and the names waiting for money at the year-end of "
               "2030 are those at the end of June 2030, not on 31 December, and the APBD's premiums in 2030 are those "
               "up to June 2030 only, against a full year's budget: a full year of those members costs more and "
               "leaves less.", "and 2030 Rp2.02 bn* (APBD table: Rp2.02 bn*).", "and 2030 Rp4.94 bn."),
        "id": ("* Proyeksi berakhir pada Juni 2030, sehingga peserta dan calon peserta yang menunggu dana pada akhir "
               "tahun 2030 dihitung pada akhir Juni 2030, bukan pada 31 Desember, dan iuran APBD pada 2030 adalah "
               "iuran sampai Juni 2030 saja, sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi "
               "peserta tersebut lebih besar dan sisa anggarannya lebih kecil.",
               "dan 2030 Rp2,02 miliar* (tabel anggaran APBD: Rp2,02 miliar*).", "dan 2030 Rp4,94 miliar."),
    }
    for code, (note, spent, needed) in expected.items():
        table, text = blocks(scenario, code)
        marks = {(row[2], tuple(c.mark for c in row if isinstance(c, Figure))) for row in table.rows}
        # members at the "year-end", not renewed, waiting, APBD spent and needed (after an outcome's probability)
        assert {m[-5:] for _, m in marks} == {("", "", "", "", ""), ("*", "", "*", "*", "")}
        assert {year for year, m in marks if "*" in m} == {"2030"}
        assert table.note == note
        assert spent in text and needed in text and text.count("*") == 2, text
    table, text = blocks(load_scenario("madiun-2026-ucj-csr"), "en")
    assert table.note == "" and "*" not in text
    assert all(c.mark == "" for row in table.rows for c in row if isinstance(c, Figure))


def test_a_year_the_horizon_starts_in_after_january_has_its_apbd_money_marked_as_part_of_a_year():
    """jambi-2025-pipeline moved to start in July 2025 (--set scenario.start, 30 months to December 2027): 2025's
    APBD needed (Rp51.7 m), premiums paid and budget left (Rp552.3 m of Rp604.0 m) are six months' against a full
    year's budget, and the summary, its first tile and the APBD table gave them unmarked. report.json gives each
    year's first_month; those figures are starred, with a note naming the months ("July–December 2025") said once
    in the summary and under the APBD table, in both languages. 2025's members at the year-end are those of 31
    December: not starred, and no year-end note. madiun-2026-ucj-csr from July 2026: the table of pledge outcomes
    stars 2026's APBD spent and needed, not its members and names waiting, with the same note."""
    from sim.report_document import Figure, fill
    from sim.report_planning import _apbd_blocks, _budget_lines, _pledge_blocks, _tiles, budget_section, pledge_names

    def shown(block, lang):
        return fill(block.text, {k: lang.figure(f.kind, f.value) + f.mark for k, f in block.figures.items()})

    jambi = load_scenario("jambi-2025-pipeline", ["scenario.start=2025-07", "scenario.horizon_months=30"])
    extra = {"planning": planning_figures(jambi)}
    assert [(y["first_month"], y["year_end_month"]) for y in extra["planning"]["years"]] == [
        ("2025-07", "2025-12"), ("2026-01", "2026-12"), ("2027-01", "2027-12")]
    expected = {
        "en": ("(premiums only): 2025 Rp51.7 m*, 2026", "2025 Rp51.7 m* (Rp552.3 m* left), 2026 Rp604.0 m (Rp0 left)",
               "* The projection starts in July 2025, so the APBD's premiums in 2025 are those of July–December 2025 "
               "only, against a full year's budget: a full year of those members costs more and leaves less."),
        "id": ("(iuran saja): 2025 Rp51,7 juta*, 2026",
               "2025 Rp51,7 juta* (sisa Rp552,3 juta*), 2026 Rp604,0 juta (sisa Rp0)",
               "* Proyeksi dimulai pada Juli 2025, sehingga iuran APBD pada 2025 adalah iuran Juli–Desember 2025 saja, "
               "sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi peserta tersebut lebih besar dan "
               "sisa anggarannya lebih kecil."),
    }
    for code, (needed, left, note) in expected.items():
        lang = Language(code)
        text = " ".join(shown(b, lang) for b in _budget_lines(lang, jambi, extra))
        assert needed in text and left in text and text.count(note) == 1, text
        assert text.index(left) < text.index(note) and text.count("*") == 4
        assert _tiles(lang, {}, extra)[0][1].mark == "*"
        table = _apbd_blocks(lang, jambi, extra)[-1]
        assert [[c.mark for c in row if isinstance(c, Figure)] for row in table.rows] == [
            ["", "", "*", "*", "", "*"], ["", "", "", "", "", ""], ["", "", "", "", "", ""]]
        assert table.note == note
        summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}
        targets = next(b for b in budget_section(lang, jambi, summary, extra).blocks
                       if getattr(b, "name", None) == "budget_years")
        assert targets.note.count("*") == 0 and not any(
            c.mark for row in targets.rows for c in row if isinstance(c, Figure))
    madiun = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-07", "scenario.horizon_months=54"])
    extra = {"planning": planning_figures(madiun)}
    lang = Language("en")
    table = _pledge_blocks(lang, extra, pledge_names(lang, madiun))[1]
    marks = {(row[2], tuple(c.mark for c in row if isinstance(c, Figure))[-5:]) for row in table.rows}
    assert marks == {("2026", ("", "", "", "*", "*"))} | {(str(y), ("",) * 5) for y in range(2027, 2031)}
    assert table.note.startswith("* The projection starts in July 2026, so the APBD's premiums in 2026 are those of "
                                 "July–December 2026 only")


def test_the_premiums_by_payer_of_a_part_year_are_marked_with_its_months():
    """jambi-2025-pipeline from July 2025 (--set scenario.start, 30 months): the table of premiums by payer gave
    2025's Rp51.7 m of APBD premiums, six months', beside 2026's Rp604.0 m, unmarked, as if spending had fallen, and
    Rp552.3 m "left" of a full year's budget. Both are now starred, with a note naming the months under the table,
    in both languages; so are 2026's over 18 months (January to June 2026). The whole horizon marks nothing."""
    from sim.report_document import Figure
    from sim.report_planning import budget_section

    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}

    def _payers_table(lang, scenario, extra):
        return next(b for b in budget_section(lang, scenario, summary, extra).blocks
                    if getattr(b, "name", None) == "plan_payers")

    def marks(table):
        return [[c.mark for c in row if isinstance(c, Figure)] for row in table.rows]

    late = load_scenario("jambi-2025-pipeline", ["scenario.start=2025-07", "scenario.horizon_months=30"])
    early = load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18"])
    expected = {
        "en": ("* The projection covers only July–December 2025, so the premiums in 2025 are those months' only, not a "
               "full year's. What is left is set against a full year's money: a full year of those members costs more "
               "and leaves less.", "* The projection covers only January–June 2026, so the premiums in 2026"),
        "id": ("* Proyeksi hanya mencakup Juli–Desember 2025, sehingga iuran pada 2025 adalah iuran bulan-bulan "
               "tersebut saja, bukan setahun penuh. Dana tersedia adalah dana untuk setahun penuh: iuran setahun penuh bagi "
               "peserta tersebut lebih besar dan sisa dananya lebih kecil.",
               "* Proyeksi hanya mencakup Januari–Juni 2026, sehingga iuran pada 2026"),
    }
    for code, (start_note, end_note) in expected.items():
        lang = Language(code)
        table = _payers_table(lang, late, {"planning": planning_figures(late)})
        assert [row[:2] for row in table.rows] == [("2025", "APBD"), ("2026", "APBD"), ("2027", "APBD")]
        # premium, available, left
        assert marks(table) == [["*", "", "*"], ["", "", ""], ["", "", ""]]
        assert table.note == start_note
        table = _payers_table(lang, early, {"planning": planning_figures(early)})
        assert marks(table) == [["", "", ""], ["*", "", "*"]] and table.note.startswith(end_note)
    whole = load_scenario("jambi-2025-pipeline")
    table = _payers_table(Language("en"), whole, {"planning": planning_figures(whole)})
    assert table.note == "" and not any(m for row in marks(table) for m in row)
    # With CSR pledges, after the note on their money: March to August 2026, every payer's premium marked.
    pledged = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-03", "scenario.horizon_months=6"])
    table = _payers_table(Language("en"), pledged, {"planning": planning_figures(pledged)})
    assert {row[0] for row in table.rows} == {"2026"} and all(m[0] == "*" for m in marks(table))
    assert table.note.startswith("The money available from CSR pledges") and table.note.endswith(
        "* The projection covers only March–August 2026, so the premiums in 2026 are those months' only, not a full "
        "year's. What is left is set against a full year's money: a full year of those members costs more and leaves "
        "less.")


def test_the_payers_table_explains_an_outside_payer_and_its_dashes():
    """madiun-2026-ucj: the table of premiums by payer listed SERTAKAN (Rp17.7 m in 2026, Rp289.9 m in 2030) beside
    the APBD with "-" for money available and left, and no word on who SERTAKAN is: a budget planner read a payer
    code he does not know, and dashes that could be money missing. The note under the table now says, in both
    languages; a scenario paid by the APBD alone (jambi-2025-pipeline) has no such note."""
    from sim.report_planning import budget_section

    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 5}
    scenario = load_scenario("madiun-2026-ucj")
    extra = {"planning": planning_figures(scenario)}
    expected = {
        "id": "Baris SERTAKAN (program BPJS Ketenagakerjaan: peserta dan perusahaan mendaftarkan pekerja rentan di "
              "sekitarnya dan membayar iurannya) adalah iuran yang tidak dibayar dari APBD dan, dalam skenario ini, "
              "tidak dibatasi dananya, sehingga kolom “Dana tersedia” dan “Sisa” bertanda -.",
        "en": "The rows of SERTAKAN (a BPJS Ketenagakerjaan programme: insured workers and firms enrol vulnerable "
              "workers around them and pay their premiums) are premiums not paid from the APBD and, in this "
              "scenario, without a limit on the money, so their “Money available” and “Left” columns show -.",
    }
    for code, note in expected.items():
        table = next(b for b in budget_section(Language(code), scenario, summary, extra).blocks
                     if getattr(b, "name", None) == "plan_payers")
        assert table.rows[1][:2] == ("2026", "SERTAKAN") and table.rows[1][3:] == ("-", "-")
        assert table.note == note
    alone = load_scenario("jambi-2025-pipeline")
    table = next(b for b in budget_section(Language("id"), alone, summary, {"planning": planning_figures(alone)}).blocks
                 if getattr(b, "name", None) == "plan_payers")
    assert "SERTAKAN" not in table.note and "tidak dibatasi" not in table.note


def test_the_payer_and_coverage_charts_name_a_part_year_by_its_months():
    """jambi-2025-pipeline from July 2025 over 24 months (to June 2027): the payer chart's 2025 and 2027 bars, six
    months' premiums each, were labelled "2025" and "2027" and read as a fall in spending, and the coverage chart
    named them so too. Both axes now name a part year by its months under it, and the alt texts and captions say
    so, in both languages; the whole horizon's axes give the years alone."""
    from sim import chart_descriptions
    from sim.report_planning import budget_section

    scenario = load_scenario("jambi-2025-pipeline", ["scenario.start=2025-07", "scenario.horizon_months=24"])
    plan = planning_figures(scenario)
    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}
    expected = {
        "en": (["2025\n(Jul–Dec)", "2026", "2027\n(Jan–Jun)"],
               "2025 (only July–December 2025 in the projection): Rp51.7 m. 2026: Rp604.0 m. 2027 (only "
               "January–June 2027 in the projection): Rp",
               " Years only partly in the projection, on the horizontal axis: 2025 (only July–December 2025 in the "
               "projection) and 2027 (only January–June 2027 in the projection).",
               " Months in brackets under a year: the projection covers only those months of it (July–December 2025 "
               "and January–June 2027)", "so its premiums are those months' only, not a full year's."),
        "id": (["2025\n(Jul–Des)", "2026", "2027\n(Jan–Jun)"],
               "2025 (hanya Juli–Desember 2025 dalam proyeksi): Rp51,7 juta. 2026: Rp604,0 juta. 2027 (hanya "
               "Januari–Juni 2027 dalam proyeksi): Rp",
               " Tahun yang hanya sebagian masuk proyeksi, pada sumbu mendatar: 2025 (hanya Juli–Desember 2025 dalam "
               "proyeksi) dan 2027 (hanya Januari–Juni 2027 dalam proyeksi).",
               " Bulan dalam kurung di bawah tahun: proyeksi hanya mencakup bulan-bulan itu (Juli–Desember 2025 dan "
               "Januari–Juni 2027)", "sehingga iuran tahun itu adalah iuran bulan-bulan tersebut saja, bukan setahun "
               "penuh."),
    }
    for code, (ticks, premium_alt, members_alt, caption, premium_caption) in expected.items():
        lang = Language(code)
        for fig in (charts.plan_premium(plan["years"], plan["payers"], lang),
                    charts.plan_members(plan["months"], plan["years"], lang)):
            assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ticks
        assert premium_alt in chart_descriptions.plan_premium(plan["years"], plan["payers"], lang)
        assert chart_descriptions.plan_members(plan["months"], plan["years"], lang).endswith(members_alt)
        captions = {b.name: b.caption for b in budget_section(lang, scenario, summary, {"planning": plan}).blocks
                    if type(b).__name__ == "Chart"}
        assert captions["coverage"].endswith(caption + ".")
        assert captions["funding"].endswith(caption + ", " + premium_caption)
    whole = load_scenario("jambi-2025-pipeline")
    plan, lang = planning_figures(whole), Language("en")
    for fig in (charts.plan_premium(plan["years"], plan["payers"], lang),
                charts.plan_members(plan["months"], plan["years"], lang)):
        assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2025", "2026", "2027"]
    assert "projection)" not in chart_descriptions.plan_premium(plan["years"], plan["payers"], lang)
    assert "only partly" not in chart_descriptions.plan_members(plan["months"], plan["years"], lang)
    assert not any("brackets" in b.caption for b in budget_section(lang, whole, summary, {"planning": plan}).blocks
                   if type(b).__name__ == "Chart")


def test_the_first_tiles_premium_of_a_part_year_is_marked_with_a_note_under_the_tiles(tmp_path):
    """A projected scenario with neither [funding] nor a stated budget (madiun-2025 with members moving away) shows
    the first year's premium in the summary's first tile. From July 2025, and from March to August 2025 (a horizon
    within one year), that is six months' premium, given unmarked. It is now starred, with a note under the tiles
    naming the months, in both languages; from January over two years, nothing is marked."""
    from sim.report_document import Para, Tiles
    from sim.report_planning import summary_blocks

    path = tmp_path / "exits.toml"
    path.write_text(f'[scenario]\nid = "exits"\ntitle = "exits"\nbase = "{ROOT / "scenarios" / "madiun-2025"}"\n\n'
                    '[membership]\nmoving_away_rate = { value = 0.03, unit = "share per year", source = "test", '
                    'basis = "assumption", range = [0.0, 0.1] }\n', encoding="utf-8")
    summary = {"periods": [{"period": "2025", "premium_idr": 1.0e9, "members": 1.0, "claims_expected_idr": 1.0}]}

    def blocks(settings, code):
        scenario = load_scenario(path, settings)
        assert scenario.annual_budget is None and scenario.planning.funding is None
        return summary_blocks(Language(code), scenario, summary, {"planning": planning_figures(scenario)},
                              [Tiles([]), Para("")])

    expected = {"en": ("Premium 2025", "* The projection covers only {months}, so the premiums in 2025 are those "
                                       "months' only, not a full year's.", ("July–December 2025", "March–August 2025")),
                "id": ("Iuran 2025", "* Proyeksi hanya mencakup {months}, sehingga iuran pada 2025 adalah iuran "
                                     "bulan-bulan tersebut saja, bukan setahun penuh.",
                       ("Juli–Desember 2025", "Maret–Agustus 2025"))}
    for code, (label, note, months) in expected.items():
        for settings, shown in zip((["scenario.start=2025-07", "scenario.horizon_months=18"],
                                    ["scenario.start=2025-03", "scenario.horizon_months=6"]), months):
            out = blocks(settings, code)
            tile = out[0].items[0]
            assert (tile[0], tile[1].key, tile[1].mark) == (label, "periods.0.premium_idr", "*")
            assert (out[1].text, out[1].style) == (note.format(months=shown), "note")
            assert sum(isinstance(b, Para) and "*" in b.text for b in out) == 1
    out = blocks(["scenario.horizon_months=24"], "en")
    assert out[0].items[0][1].mark == "" and not any(isinstance(b, Para) and "*" in b.text for b in out)


def test_a_horizon_within_one_year_has_one_note_under_the_pledge_outcomes():
    """madiun-2026-ucj-csr from March to August 2026 (--set scenario.start=2026-03, 6 months): the table of pledge
    outcomes had two notes, the year-end one, which named the members only though the names waiting are starred
    too, and the late start's; they are now one note that says both, in both languages. Its APBD needed, starred
    too, covers March–December (the members are renewed to 31 December), not the premiums' March–August the note
    named alone: a last sentence says so."""
    from sim.report_document import Figure
    from sim.report_planning import _pledge_blocks, pledge_names

    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-03", "scenario.horizon_months=6"])
    extra = {"planning": planning_figures(scenario)}
    expected = {
        "en": "* The projection starts in March 2026 and ends in August 2026, so the members and the names waiting for "
              "money at the year-end of 2026 are those at the end of August 2026, not on 31 December, and the APBD's "
              "premiums in 2026 are those of March–August 2026 only, against a full year's budget: a full year of "
              "those members costs more and leaves less. The APBD needed in 2026 is that of March–December 2026, its "
              "members being renewed to 31 December.",
        "id": "* Proyeksi dimulai pada Maret 2026 dan berakhir pada Agustus 2026, sehingga peserta dan calon peserta "
              "yang menunggu dana pada akhir tahun 2026 dihitung pada akhir Agustus 2026, bukan pada 31 Desember, dan "
              "iuran APBD pada 2026 adalah iuran Maret–Agustus 2026 saja, sedangkan anggarannya untuk setahun penuh: "
              "iuran setahun penuh bagi peserta tersebut lebih besar dan sisa anggarannya lebih kecil. Kebutuhan APBD "
              "pada 2026 mencakup Maret–Desember 2026, karena kepesertaan mereka diperpanjang sampai 31 Desember.",
    }
    for code, note in expected.items():
        lang = Language(code)
        table = _pledge_blocks(lang, extra, pledge_names(lang, scenario))[1]
        # members at the "year-end", not renewed, waiting, APBD spent and needed
        assert {tuple(c.mark for c in row if isinstance(c, Figure))[-5:] for row in table.rows} == {
            ("*", "", "*", "*", "*")}
        assert table.note == note


def test_a_horizon_within_one_year_says_its_apbd_needed_runs_to_december():
    """madiun-2026-ucj-csr from March to August 2026: the APBD needed in 2026, starred as a late start's, is what
    the year's members cost to 31 December (sim.budget), but the note under the APBD table, as in the summary, said
    only that 2026's premiums are those of March–August. It now adds the need's months, in both languages; a year
    the horizon ends in December (from March over 10 months) has no such sentence."""
    from sim.report_planning import _partial_budget_notes

    within = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-03", "scenario.horizon_months=6"])
    to_december = load_scenario("madiun-2026-ucj-csr", ["scenario.start=2026-03", "scenario.horizon_months=10"])
    ends = {"en": "The APBD needed in 2026 is that of March–December 2026, its members being renewed to 31 December.",
            "id": "Kebutuhan APBD pada 2026 mencakup Maret–Desember 2026, karena kepesertaan mereka diperpanjang "
                  "sampai 31 Desember."}
    for code, sentence in ends.items():
        (note,) = _partial_budget_notes(Language(code), planning_figures(within)["years"])
        assert note.endswith(" " + sentence), note
        (note,) = _partial_budget_notes(Language(code), planning_figures(to_december)["years"])
        assert "Desember 2026, karena" not in note and "December 2026, its" not in note, note


def test_targets_and_money_before_the_horizons_first_year_are_said_not_to_be_used():
    """jambi-2025-pipeline moved to start in January 2026 (--set scenario.start), with an APBD budget listed from
    2025: its 2025 target, superseded by 2026's own, and its 2025 budget were ignored without a word, where those
    after the horizon's last year are said not to be used. report.json lists them under targets_before_horizon and
    money_before_horizon, and a sentence of the summary says they lie before the horizon and are not used, in both
    languages, beside the sentence on those after it where a shortened horizon has both; from the scenario's own
    start there is none."""
    from sim.report_document import fill
    from sim.report_planning import _budget_lines

    def summary(scenario, code):
        lang, extra = Language(code), {"planning": planning_figures(scenario)}
        text = " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) for k, f in b.figures.items()})
                        for b in _budget_lines(lang, scenario, extra))
        return extra["planning"], text

    budgets = "funding.apbd_budget.value=[[2025, 5e8], [2026, 604000000], [2027, 604000000], [2028, 604000000]]"
    expected = {"en": ("The year-end target of 3,000 members (2025) and the APBD budget of Rp500.0 m (2025) lie before "
                       "the horizon, which starts in January 2026, and are not used.",
                       "The APBD budget of Rp604.0 m (2028) lies after the horizon, which ends in June 2027, and is "
                       "not used."),
                "id": ("Target akhir tahun 3.000 peserta (2025) dan anggaran APBD sebesar Rp500,0 juta (2025) berada "
                       "sebelum periode proyeksi, yang dimulai pada Januari 2026, sehingga tidak digunakan.",
                       "Anggaran APBD sebesar Rp604,0 juta (2028) berada di luar periode proyeksi, yang berakhir pada "
                       "Juni 2027, sehingga tidak digunakan.")}
    moved = load_scenario("jambi-2025-pipeline", ["scenario.start=2026-01", budgets])
    both = load_scenario("jambi-2025-pipeline", ["scenario.start=2026-01", "scenario.horizon_months=18", budgets])
    for code, (before, after) in expected.items():
        plan, text = summary(moved, code)
        assert plan["targets_before_horizon"] == [{"year": "2025", "target": 3000}]
        assert plan["money_before_horizon"] == [{"payer": "APBD", "year": "2025", "amount_idr": 500_000_000}]
        assert before in text and after not in text, text
        plan, text = summary(both, code)
        assert plan["money_after_horizon"] == [{"payer": "APBD", "year": "2028", "amount_idr": 604_000_000}]
        assert before in text and after in text and text.index(before) < text.index(after), text
    plan, text = summary(load_scenario("jambi-2025-pipeline"), "en")
    assert plan["targets_before_horizon"] == plan["money_before_horizon"] == [] and "before the horizon" not in text


def test_a_target_after_the_horizons_last_year_is_said_not_to_be_used(half_year, pipeline):
    """jambi-2025-pipeline's 2027 target of 4,000, with the horizon cut to 18 months by --set (not refused: the
    horizon checks apply to the files' own horizon), was listed in the register with nothing to say that no part
    of the report uses it. report.json lists it under targets_after_horizon and the summary says it lies after the
    horizon and is not used, in both languages; over the whole horizon there is none."""
    expected = {"en": "The year-end target of 4,000 members (2027) lies after the horizon, which ends in June 2026, "
                      "and is not used.",
                "id": "Target akhir tahun 4.000 peserta (2027) berada di luar periode proyeksi, yang berakhir pada "
                      "Juni 2026, sehingga tidak digunakan."}
    for lang, sentence in expected.items():
        folder = half_year[lang].folder
        extra = json.loads((folder / "report.json").read_text())
        assert extra["planning"]["targets_after_horizon"] == [{"year": "2027", "target": 4000}]
        assert sentence in unescape(section_text(folder, "summary"))
    extra = json.loads((pipeline.folder / "report.json").read_text())
    assert extra["planning"]["targets_after_horizon"] == []
    assert "tidak digunakan." not in unescape(section_text(pipeline.folder, "summary"))


def test_budget_and_pledge_money_after_the_horizons_last_year_is_said_not_to_be_used():
    """jambi-2025-pipeline with an APBD budget listed for 2025-2027, and madiun-2026-ucj-csr with a pledge starting
    in 2028, a pledge amount and a DBH-CHT budget listed after 2027, each with the horizon cut to 18 months by
    --set: that money was ignored without a word. report.json lists it under money_after_horizon, per payer and
    year, and the summary's sentence on the targets after the horizon says it is not used too, in both languages;
    over the whole horizon there is none."""
    from sim.report_document import fill
    from sim.report_planning import _budget_lines

    def summary(scenario, code):
        lang, extra = Language(code), {"planning": planning_figures(scenario)}
        text = " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) for k, f in b.figures.items()})
                        for b in _budget_lines(lang, scenario, extra))
        return extra["planning"]["money_after_horizon"], text

    budgets = "funding.apbd_budget.value=[[2025, 604000000], [2026, 604000000], [2027, 700000000]]"
    jambi = load_scenario("jambi-2025-pipeline", ["scenario.horizon_months=18", budgets])
    expected = {"en": "The year-end target of 4,000 members (2027) and the APBD budget of Rp700.0 m (2027) lie after "
                      "the horizon, which ends in June 2026, and are not used.",
                "id": "Target akhir tahun 4.000 peserta (2027) dan anggaran APBD sebesar Rp700,0 juta (2027) berada di "
                      "luar periode proyeksi, yang berakhir pada Juni 2026, sehingga tidak digunakan."}
    for code, sentence in expected.items():
        money, text = summary(jambi, code)
        assert money == [{"payer": "APBD", "year": "2027", "amount_idr": 700_000_000}]
        assert sentence in text, text
    madiun = load_scenario("madiun-2026-ucj-csr", [
        "scenario.horizon_months=18", "funding.csr.companies.first_year=2028",
        "funding.csr.co-funded.amount.value=[[2026, 5e8], [2027, 5e8], [2028, 6e8]]",
        "funding.dbh_cht_budget.value=[[2026, 5e8], [2027, 5e8], [2029, 6e8]]"])
    expected = {"en": "The DBH-CHT budget of Rp600.0 m (2029), the pledge “Firms in Kota Madiun” of Rp1.50 bn (2028), "
                      "Rp1.50 bn (2029) and Rp1.50 bn (2030), and the pledge “Firms, matched 1:1 by the city” of "
                      "Rp600.0 m (2028) lie after the horizon, which ends in June 2027, and are not used.",
                "id": "Anggaran DBH-CHT sebesar Rp600,0 juta (2029), komitmen “Perusahaan di Kota Madiun” sebesar "
                      "Rp1,50 miliar (2028), Rp1,50 miliar (2029), dan Rp1,50 miliar (2030), serta komitmen "
                      "“Perusahaan, didampingi APBD 1:1” sebesar Rp600,0 juta (2028) berada di luar periode proyeksi, "
                      "yang berakhir pada Juni 2027, sehingga tidak digunakan."}
    for code, sentence in expected.items():
        money, text = summary(madiun, code)
        assert [m["payer"] for m in money] == ["DBH-CHT"] + ["CSR:companies"] * 3 + ["CSR:co-funded"]
        assert sentence in text, text
    money, text = summary(load_scenario("jambi-2025-pipeline", [budgets]), "en")
    assert money == [] and "not used" not in text


def test_pipeline_report_drops_the_constant_membership_notes(pipeline):
    html = (pipeline.folder / "report.html").read_text(encoding="utf-8")
    assert "hanya menghitung peserta yang ada pada awal proyeksi" not in html
    assert "Hanya peserta pada awal proyeksi yang dihitung" not in html
    assert "Peserta baru masuk bulan demi bulan" in section_text(pipeline.folder, "methodology")
    assert "mengikuti proyeksi kepesertaan" in section_text(pipeline.folder, "budget")


def test_pipeline_report_in_english(pipeline_en):
    folder = pipeline_en.folder
    assert parse(folder).lang == "en"
    check_figures(folder)
    text = section_text(folder, "summary")
    assert "pays a full year of premiums for 2,996 APBD-paid members (Rp201,600 per member per year)" in text
    assert "2025 Rp331.3 m (Rp272.7 m left), 2026 Rp604.0 m (Rp0 left) and 2027 Rp604.0 m (Rp0 left)" in text
    assert "Target reached in 2025" in text and "Target missed in 2026 (2,946 members at the year-end, target 3,500" in text
    assert ("take a full year of premiums in the following year, at that year's rates: 2026 Rp604.8 m, 2027 Rp705.6 m "
            "and 2028 Rp806.4 m.") in text
    budget = unescape(section_text(folder, "budget"))
    assert "A year's premium for the target, at next year's rates" in budget
    assert ("the 2025 target at 2026 rates. 2028 is beyond the projection; as the APBD pays every premium in this "
            "scenario, the 2027 target is priced at the APBD's rate under the rules in force in 2028.") in budget
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "counts only the members at the start" not in html and "Only the members at the start" not in html


def test_pipeline_pdf_and_terminal_line_carry_the_projected_figures(pipeline):
    text = pdf_text(pipeline.folder)
    for figure in ("Rp604,0 juta", "2.996", "Rp272,7 juta", "Rp705,6 juta", "Rp806,4 juta"):
        assert figure in text, figure
    line = report_module.headline(pipeline)
    assert "untuk 0 peserta" not in line and "Rp0" not in line
    assert "iuran 2025 Rp331,3 juta untuk rata-rata 1.643 peserta, 2.938 peserta pada akhir 2027" in line


def test_pipeline_charts_show_the_projected_members_and_premiums(pipeline):
    plan, lang = pipeline.extra["planning"], Language("id")
    fig = charts.plan_members(plan["months"], plan["years"], lang)
    ax = fig.axes[0]
    members = ax.get_lines()[0].get_ydata()
    assert list(members) == [m["members"] for m in plan["months"]] and max(members) > 2900
    assert ax.get_ylim()[1] > 4000  # the 4,000 target is inside the plot
    _assert_legend_below(ax)
    fig = charts.plan_premium(plan["years"], plan["payers"], lang)
    ax = fig.axes[0]
    heights = [round(p.get_height()) for p in ax.patches]
    assert heights == [round(y["premium_idr"]) for y in plan["years"]]
    # The diamonds: a year of the target's members, paid the next year (review of session 36: the legend said only
    # "next year's rates", and the 2025 diamond, Rp604.8 m, stood on the 2025 bar beside its Rp604.0 m budget).
    assert "iuran setahun untuk target, dibayar tahun berikutnya" in [line.get_label() for line in ax.get_lines()]
    assert all(not t.get_text().startswith("-") for t in ax.get_yticklabels())
    assert ax.get_ylabel() == "Rp juta"
    _assert_legend_below(ax)


# --- scenarios without a projection keep their layout --------------------------------------------------------------


def test_madiun_keeps_its_headline_figures(madiun):
    folder = madiun.folder
    check_figures(folder)
    assert madiun.extra["planning"] is None
    tiles = [f["key"] for f in section_figures(folder, "summary")][:2]
    assert tiles == ["budget.annual_premium_start_members_idr", "budget.start_members"]
    text = section_text(folder, "summary")
    assert "Rp3,05 miliar" in text and "17.484" in text
    assert "Iuran untuk 17.484 peserta selama setahun penuh adalah Rp3,05 miliar" in text


def caption(folder, chart: str) -> str:
    html = (folder / "report.html").read_text(encoding="utf-8")
    return re.search(rf'<figure data-chart="{chart}">.*?<figcaption>(.*?)</figcaption>', html, re.S)[1]


def test_madiun_coverage_caption_promises_only_what_is_drawn(madiun, pipeline):
    """madiun-2025 has neither budget nor target: the caption names neither; jambi-2025-pipeline's charts have
    both, and their captions say so."""
    assert caption(madiun.folder, "coverage") == (
        "Iuran setahun dan perkiraan klaim 12 bulan menurut jumlah peserta (komposisi segmen dan lama kepesertaan "
        "yang sama).")
    assert "anggaran APBD" in caption(pipeline.folder, "coverage") and "target" in caption(pipeline.folder, "coverage")
    assert "anggaran APBD" in caption(pipeline.folder, "funding")


def test_madiun_says_the_chart_holds_for_the_same_tenure_mix(madiun):
    budget = section_text(madiun.folder, "budget")
    assert "berlaku untuk berapa pun jumlah peserta dengan komposisi itu" in budget
    assert "setelah 36 bulan kepesertaan" in budget and "3 bulan pertama hanya mendapat Rp10,0 juta" in budget
    keys = {f["key"] for f in section_figures(madiun.folder, "budget")}
    assert {"budget_year.scholarship_min_membership_months", "budget_year.bpu_early_death_months",
            "budget_year.bpu_early_death_benefit_idr"} <= keys


def test_coverage_chart_legend_shows_the_line_styles_drawn_and_sits_below_the_plot(madiun):
    import pandas as pd

    year = madiun.extra["budget_year"]
    fig = charts.budget_coverage(pd.DataFrame(madiun.extra["coverage"]), year["members"], Language("id"))
    ax = fig.axes[0]
    drawn = {line.get_label(): line.get_linestyle() for line in ax.get_lines() if not line.get_label().startswith("_")}
    legend = ax.get_legend()
    shown = {text.get_text(): handle.get_linestyle() for text, handle in zip(legend.get_texts(), legend.legend_handles)
             if isinstance(handle, Line2D)}
    assert shown == drawn and "-." in shown.values()
    assert legend.handlelength >= 3  # long enough for a dash-dot pattern to show as one
    _assert_legend_below(ax)


def _assert_legend_below(ax):
    legend = ax.get_legend()
    assert legend is not None
    fig = ax.figure
    fig.canvas.draw()
    box = legend.get_window_extent()
    assert box.y1 <= ax.get_window_extent().y0, "the legend overlaps the plot"


def test_a_years_claims_are_owed_not_said_to_be_paid_that_year(pipeline):
    """The claims of a year are the benefits falling due in it: with reporting and verification delays
    ([claim_timing], which jambi-2025-pipeline has) BPJS pays part of them the next year, so the report says BPJS
    owes them (they are its to bear: "ditanggung")."""
    summary = section_text(pipeline.folder, "summary")
    assert ("Manfaat atas kematian dan kecelakaan kerja yang jatuh tempo pada tahun 2025, yang ditanggung BPJS "
            "Ketenagakerjaan") in summary
    assert "membayar manfaat" not in summary
    assert "BPJS dapat membayar sebagian klaim pada tahun berikutnya" in section_text(pipeline.folder, "results")


BPU_MONTHLY = 16_800  # 1 % of the Rp1,000,000 income band (JKK) + Rp6,800 (JKM), without the PP 50/2025 discount
PU_MONTHLY = 11_800  # 0.24 % (risk class I) + 0.30 % of Rp2,185,185, rounded to the rupiah


def test_a_year_end_target_is_priced_at_the_rates_of_the_year_it_is_paid_for():
    """madiun-2026-ucj-csr's 2026 year-end members are paid for through 2027. The 2026 target was priced at what its
    members cost in 2026 (Rp3.53 bn): the companies' CSR pledge (not co-funded) and SERTAKAN paid BPU members half
    the rate then (PP 50/2025), a discount that ends with 2026. At 2027's rates every BPU member costs Rp16,800 a
    month and a non-ASN (PU) member Rp11,800, whoever pays: 7,902 x 11,800 x 12 + the BPU targets x 16,800 x 12 =
    Rp3,690,173,952. Later years' targets are at what their members cost the year after, all payers together."""
    from sim.expansion import project_scenario

    scenario = load_scenario("madiun-2026-ucj-csr")
    projection = project_scenario(scenario)
    plan = planning_figures(scenario, projection)["years"]
    targets = {name: t for (name, year), t in projection.targets.items() if year == 2026}
    assert targets["non_asn"] == 7_902
    bpu = sum(t for name, t in targets.items() if name != "non_asn")
    by_hand = 12 * (PU_MONTHLY * targets["non_asn"] + BPU_MONTHLY * bpu)
    assert by_hand == pytest.approx(3_690_173_952, abs=0.01)
    assert plan[0]["year"] == "2026"
    assert plan[0]["target_premium_idr"] == pytest.approx(by_hand, abs=0.01)
    assert plan[0]["target_rates_year"] == "2027"
    members = projection.members()
    for row in plan[1:-1]:  # 2027-2029: what a member of each segment cost the year after, all payers together
        year, after = int(row["year"]), projection.years == int(row["year"]) + 1
        paid = 0.0
        for (name, ty), target in projection.targets.items():
            if ty == year:
                s = projection.index(name)
                cost = sum(float(v[s, after].sum()) for v in projection.premium.values())
                paid += target * 12 * cost / float(members[s, after].sum())
        assert row["target_premium_idr"] == pytest.approx(paid, rel=1e-9)
        assert row["target_rates_year"] == str(year + 1)


def test_the_last_years_target_is_priced_at_the_next_years_rules_beyond_the_projection():
    """jambi-2025-pipeline's BPU workers paid by SERTAKAN (not the APBD: PP 50/2025 halves their 2026 premium).
    Over 2025-2027, the 3,000 members of the 2025 target are paid for in 2026 at Rp8,400 a month, the 3,500 of 2026
    in 2027 at Rp16,800, and the 4,000 of 2027, beyond the horizon, at 2028's rules (Rp16,800). With the horizon
    cut to 2025 the 2025 target's year after is beyond the projection: 2026's rules still halve it."""
    half = BPU_MONTHLY // 2
    payer = ["segments.vulnerable.payer=SERTAKAN"]
    years = planning_figures(load_scenario("jambi-2025-pipeline", payer))["years"]
    assert [y["target_premium_idr"] for y in years] == [3_000 * half * 12, 3_500 * BPU_MONTHLY * 12,
                                                         4_000 * BPU_MONTHLY * 12]
    assert [y["target_rates_year"] for y in years] == ["2026", "2027", "2028"]
    one_year = planning_figures(load_scenario("jambi-2025-pipeline", payer + ["scenario.horizon_months=12"]))["years"]
    assert [(y["year"], y["target_premium_idr"]) for y in one_year] == [("2025", 3_000 * half * 12)]
    assert one_year[0]["target_rates_year"] == "2026"


def _one_year(members, closing, premium: dict, rate, after):
    """A _Projected of segments over the 12 months of 2026 (the horizon's only year), with their own payer's rates
    ``rate`` in 2026 and ``after`` in 2027."""
    import datetime as dt
    from types import SimpleNamespace

    import numpy as np

    from sim.report_planning import _Projected

    def months(v):
        v = np.asarray(v, dtype=float)
        return np.repeat(v[:, None], 12, axis=1)

    projection = SimpleNamespace(years=np.full(12, 2026), index=lambda name: ["a", "b"].index(name),
                                 month_dates=[dt.date(2026, m, 1) for m in range(1, 13)],
                                 premium={k: months(v) for k, v in premium.items()})
    return _Projected(projection, months(members), months(closing), months(rate), months(rate), None, None,
                      months(after))


def test_a_year_end_target_counts_as_reached_within_the_same_tolerance_as_sim_plan():
    """One segment of 100 members all year at Rp16,800 a month, with a year-end target of 100: 99.6 members on 31
    December are 0.4 % short, within the 0.5 % that sim.budget.targets_met (sim plan's answers) allows, so the report
    says reached as sim plan does; 99.4 (0.6 % short) is missed. A full year of the 100 target members costs
    100 x 16,800 x 12 at the next year's rate, the same Rp16,800."""
    from sim.budget import targets_met
    from sim.report_planning import TARGET_TOLERANCE

    assert TARGET_TOLERANCE == targets_met.__defaults__[0]

    def fields(year_end: float) -> dict:
        figures = _one_year([100], [year_end], {"APBD": [100 * 16_800]}, [16_800], [16_800])
        return figures.target_fields({("a", 2026): 100.0}, 2026)

    reached = fields(99.6)
    assert reached["target_reached"] is True and reached["target_short"] == pytest.approx(0.4)
    assert reached["target_premium_idr"] == 100 * 16_800 * 12
    assert fields(99.4)["target_reached"] is False


def test_a_whole_scheme_target_beyond_the_projection_is_at_the_year_end_mix_and_the_next_years_rates():
    """A [budget] target (no segment) in the horizon's last year: the projection does not reach the year after, so
    a member costs the members' mix on 31 December at each segment's own payer's rate then: 300 members at Rp8,400
    a month in 2027 and 100 at Rp11,800, (300 x 8,400 + 100 x 11,800) / 400 = Rp9,250 a month, whatever the
    members cost in 2026 (Rp16,800 and Rp11,800)."""
    figures = _one_year([300, 100], [300, 100], {"APBD": [300 * 16_800, 100 * 11_800]}, [16_800, 11_800],
                        [8_400, 11_800])
    row = figures.target_fields({(None, 2026): 1_000.0}, 2026)
    assert row["target_rates_year"] == "2027"
    assert row["target_premium_idr"] == 1_000 * 9_250 * 12


def test_the_budget_section_says_per_year_how_many_names_wait_for_money_and_when_they_are_covered():
    """jambi-2025-pipeline's flat budget leaves names BPJS registered waiting for money (not covered) from 2026:
    the budget section gives per year the names registered, newly covered, still waiting and the members at the
    year-end, from the projection (as plan_enrolment.csv sums them), and says the last year's waiting names are not
    covered by the end of the projection. With no name waiting, neither table nor sentence."""
    from sim.expansion import project_scenario
    from sim.report_document import Table
    from sim.report_planning import budget_section
    jambi = load_scenario("jambi-2025-pipeline")
    projection = project_scenario(jambi)
    extra = {"planning": planning_figures(jambi, projection)}
    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}
    for code in ("id", "en"):
        lang = Language(code)
        blocks = budget_section(lang, jambi, summary, extra).blocks
        names = [getattr(b, "name", None) for b in blocks]
        at = names.index("plan_waiting")
        assert names.index("budget_years") < at < names.index("plan_apbd")
        table = blocks[at]
        assert [[c.key.rsplit(".", 1)[1] for c in row[1:]] for row in table.rows] == [
            ["registered", "admitted", "held_year_end", "members_year_end"]] * 3
        for k, row in enumerate(table.rows):
            months = projection.years == int(row[0])
            assert row[1].value == pytest.approx(projection.arrived[:, months].sum(), abs=0.01)
            assert row[2].value == pytest.approx(projection.admitted[:, months].sum(), abs=0.01)
        assert [round(row[3].value) for row in table.rows] == [0, 554, 1062]
        assert table.styles == ["", "check", "check"]
        assert ("belum terlindungi" if code == "id" else "not yet covered") in table.header[3]
        last = blocks[at + 1]
        assert last.figures["held"].key == "planning.years.2.held_year_end"
        assert last.text.startswith({"id": "Pada akhir 2027 masih {held} nama terdaftar yang menunggu dana, sehingga "
                                           "mereka belum terlindungi sampai akhir periode proyeksi",
                                     "en": "At the end of 2027, {held} registered names are still waiting for money, "
                                           "so they are not covered by the end of the projection"}[code])
        assert isinstance(table, Table)
    for y in extra["planning"]["years"]:
        y["held_year_end"] = 0.0
    blocks = budget_section(Language("id"), jambi, summary, extra).blocks
    assert "plan_waiting" not in [getattr(b, "name", None) for b in blocks]


def test_the_summary_says_registered_names_waiting_for_money_are_not_yet_covered():
    """"554 calon peserta yang sudah terdaftar menunggu dana" read to a planner as 554 covered: the missed-target
    sentence says in so many words that they are registered but not yet covered (insured)."""
    from sim.report_planning import _targets_paras
    jambi = load_scenario("jambi-2025-pipeline")
    extra = {"planning": planning_figures(jambi)}
    for code, said in (("id", "{held_0} calon peserta sudah terdaftar tetapi belum terlindungi karena menunggu dana"),
                       ("en", "{held_0} registered names not yet covered, waiting for money")):
        text = " ".join(p.text for p in _targets_paras(Language(code), extra, [0, 1, 2]))
        assert said in text, text


def test_a_target_of_some_segments_is_shown_beside_those_segments_members_at_the_year_end(tmp_path):
    """jambi-2025-pipeline with 500 non-ASN staff beside it who have no target (a new city's first plan: a quota for
    its vulnerable workers, its staff held): the table of targets gave all members at the year-end (3,000 workers plus
    the staff) beside the workers' target alone, and a target reached by everyone's count read "no". A column gives
    the members of the segments with a target, which the target is judged on, and a note says so; jambi-2025-pipeline
    itself, whose one segment has the target, keeps its columns."""
    from sim.report_document import Figure
    from sim.report_planning import budget_section

    variant = tmp_path / "jambi-staff.toml"
    variant.write_text('[scenario]\nid = "jambi-staff"\ntitle = "Jambi with staff"\nbase = "jambi-2025-pipeline"\n\n'
                       '[segments.staff]\nlabel = "Non-ASN staff (PU)"\nscheme = "PU"\noccupation = "non-asn"\n'
                       'payer = "APBD"\nage_profile = "non-asn-staff"\n'
                       'members = { value = 500, unit = "persons", source = "test", basis = "data" }\n'
                       'wage = { value = 3000000, unit = "IDR per month", source = "test", basis = "data" }\n'
                       'risk_class = { value = 1, unit = "class", source = "test", basis = "law" }\n'
                       'male_share = { value = 0.5, unit = "share", source = "test", basis = "data" }\n'
                       'tenure = { value = [[36, 1.0]], unit = "share", source = "test", basis = "data" }\n'
                       'accident_rate = { value = 5.0, unit = "per 1000 member-years", source = "test", '
                       'basis = "data" }\n', encoding="utf-8")
    lang = Language("en")
    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}

    def table(scenario):
        extra = {"planning": planning_figures(scenario)}
        return extra, next(b for b in budget_section(lang, scenario, summary, extra).blocks
                           if getattr(b, "name", None) == "budget_years")

    # Money enough for the staff too, so that they stay (the flat Rp604 m would not renew them all).
    extra, years = table(load_scenario(str(variant), [f"scenario.trials={TRIALS}", "funding.apbd_budget=2000000000"]))
    assert years.header[2:5] == ("Members at year-end", "Members at year-end, segments with a target",
                                 "Year-end target")
    for row, y in zip(years.rows, extra["planning"]["years"]):
        assert row[3].value == y["target_members_year_end"] < y["members_year_end"] - 400
    assert years.note.startswith("The year-end targets are set for some segments only, so whether they are reached "
                                 "is judged on the members of those segments")
    _, plain = table(load_scenario("jambi-2025-pipeline", [f"scenario.trials={TRIALS}"]))
    assert "Members at year-end, segments with a target" not in plain.header
    assert "some segments only" not in plain.note
    assert all(isinstance(c, Figure) for row in plain.rows for c in row[1:3])


def test_the_targets_table_states_the_tolerance_when_a_target_counts_as_reached_a_few_members_short():
    """A new city's report read "Target reached: yes" beside 10,498 members against a target of 10,500, with no word
    of the rule (within 0.5 % of the target, report_planning.TARGET_TOLERANCE, as sim.budget.targets_met): a note
    says it where a year counts as reached below its target, and not otherwise."""
    from sim.report_planning import TARGET_TOLERANCE, budget_section

    scenario = load_scenario("jambi-2025-pipeline", [f"scenario.trials={TRIALS}"])
    summary = {"periods": [{"members": 1.0, "claims_expected_idr": 1.0}] * 3}

    def note(code: str, extra: dict) -> str:
        return next(b for b in budget_section(Language(code), scenario, summary, extra).blocks
                    if getattr(b, "name", None) == "budget_years").note

    extra = {"planning": planning_figures(scenario)}
    first = extra["planning"]["years"][0]
    assert first["target_reached"] and round(first["target_members_year_end"]) == round(first["target"])
    assert "0.5%" not in note("en", extra)  # reached in full: no rule to state
    short = first["target"] * (1 - TARGET_TOLERANCE / 2)  # within the tolerance: still reached
    first.update(target_members_year_end=short, members_year_end=short)
    assert "A target counts as reached when the members at the year-end are at most 0.5% below it" in note("en", extra)
    assert "Target dianggap tercapai bila peserta akhir tahun paling banyak 0,5% di bawah target" in note("id", extra)
