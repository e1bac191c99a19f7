"""Findings of a review of the default report (madiun-2025), held: the recorded claims' source in Indonesian in the
Indonesian report (the experience file's ``source_id``), checked like every other key of the file; the
sensitivity's base claim ratio said to be the direct calculation's, beside the summary's simulated one where the
two differ; the validation table's counts called payments, which they are."""

from __future__ import annotations

import copy
import datetime as dt
import html
import io
import json
import re
from dataclasses import replace
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from sim.calibration import load_experience
from sim.i18n import Language
from sim.report_document import Para
from sim.report import build
from sim import report_pdf, report_trend
from sim.population import month_dates
from sim.regulation import load_regulation
from sim.report_sections import rule_of_three as sections_rule_of_three
from sim.report_sections import (
    budget_section, calibration_blocks, calibration_figures, discount_budget_blocks, recorded_paras, recorded_source,
    entry_names, results_section, runoff_note, sensitivity_section, summary_section, validation_section, _grouped,
    _window,
)
from sim.report_document import Chart, Figure, Table
from sim.report_text import TEXT
from sim.scenario import ScenarioError, load_scenario
from test_report_recorded import _filled
from test_calibration import EXPERIENCE_HEAD, OBSERVATION_2025, calibrate_bad
from cli_checks import assert_one_line_error

FIXTURES = (calibrate_bad,)  # imported fixture
SHIPPED_EXPERIENCE = "scenarios/experience/madiun-2025.toml"
TRIALS = 300


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    """The default report (madiun-2025), in Indonesian."""
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("rev"))


# --- 1. the recorded claims' source in the report's language --------------------------------------------------------


@pytest.fixture(scope="module")
def calibrated():
    """madiun-2025 and its report.json calibration figures (no model window: only the record and the file)."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=50"])
    return scenario, {"calibration": calibration_figures(scenario)}


def _texts(blocks) -> str:
    return " ".join(b.text for b in blocks if isinstance(b, Para)) + " ".join(
        getattr(b, "note", "") for b in blocks)


def test_the_shipped_experience_file_gives_its_source_in_indonesian(root):
    experience = load_experience(root / SHIPPED_EXPERIENCE)
    assert "reported at" in experience.source
    assert experience.source_id == ("BPJS Ketenagakerjaan Madiun, disampaikan pada penandatanganan kerja sama "
                                    "29 Desember 2025 (berita 001)")


def test_the_indonesian_report_cites_the_indonesian_source_and_the_english_one_the_english(calibrated, root):
    scenario, extra = calibrated
    experience = load_experience(root / SHIPPED_EXPERIENCE)
    cal = extra["calibration"]
    assert (cal["source"], cal["source_id"]) == (experience.source, experience.source_id)  # in report.json
    for code, shown, hidden in (("id", experience.source_id, experience.source),
                                ("en", experience.source, experience.source_id)):
        lang = Language(code)
        assert recorded_source(lang, cal) == shown
        text = _texts(calibration_blocks(lang, scenario, extra)) + _texts(recorded_paras(lang, extra))
        assert shown in text and hidden not in text, code
    text = _texts(calibration_blocks(Language("id"), scenario, extra))
    assert "reported at" not in text and "agreement signing" not in text


def test_without_an_indonesian_source_both_reports_cite_the_source(calibrated):
    scenario, extra = calibrated
    extra = copy.deepcopy(extra)
    extra["calibration"]["source_id"] = None  # an experience file without source_id, or no file at all
    for code in ("id", "en"):
        assert recorded_source(Language(code), extra["calibration"]) == extra["calibration"]["source"]
        assert extra["calibration"]["source"] in _texts(calibration_blocks(Language(code), scenario, extra))


def test_an_experience_file_without_source_id_reads_as_none(tmp_path):
    path = tmp_path / "plain.toml"
    path.write_text(EXPERIENCE_HEAD + OBSERVATION_2025, encoding="utf-8")
    assert load_experience(path).source_id is None


@pytest.mark.parametrize("value, problem", [
    ("5", "must be a non-empty string, got 5"),
    ('""', "must be a non-empty string"),
    ('["a", "b"]', "must be a non-empty string"),
])
def test_a_bad_source_id_is_one_error_line(calibrate_bad, value, problem):
    code, err = calibrate_bad(EXPERIENCE_HEAD + f"source_id = {value}\n" + OBSERVATION_2025)
    assert_one_line_error(code, err, ["madiun-obs.toml", ": experience.source_id: ", problem])


def test_a_bad_source_id_names_the_file_and_key(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(EXPERIENCE_HEAD + "source_id = 7\n" + OBSERVATION_2025, encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bad.toml: experience.source_id"):
        load_experience(path)


# --- 3. the sensitivity's base: the direct calculation, said so beside the summary's simulated ratio ------------------


@pytest.mark.parametrize("code, words", [("id", "rata-rata simulasi"), ("en", "simulation mean")])
def test_the_sensitivity_base_ratio_is_the_direct_calculation_and_says_so_where_the_summary_shows_another(
        madiun, code, words):
    lang = Language(code)
    extra, summary = madiun.extra, copy.deepcopy(madiun.summary)
    base = extra["sensitivity"]["base"]["claim_ratio"]
    summary["periods"][0]["claim_ratio"]["mean"] = base  # the same figure: nothing to explain
    para = sensitivity_section(lang, extra, None, summary).blocks[0]
    assert para.figures["ratio"].key == "sensitivity.base.claim_ratio" and "mean" not in para.figures
    assert lang.percent(base) in lang.figure("percent", para.figures["ratio"].value)
    summary["periods"][0]["claim_ratio"]["mean"] = base + 0.008  # 232 % against 233 %: said which is which
    para = sensitivity_section(lang, extra, None, summary).blocks[0]
    assert para.figures["mean"].key == "periods.0.claim_ratio.mean" and para.figures["mean"].src == "summary.json"
    assert words in para.text and ("perhitungan langsung" if code == "id" else "direct calculation") in para.text
    assert "mean" not in sensitivity_section(lang, extra).blocks[0].figures  # without the summary: the base alone


# --- 4. the validation table counts payments, not cases -----------------------------------------------------------


def test_the_validation_counts_are_payments_and_their_columns_say_so(madiun):
    summary = madiun.summary
    first = summary["periods"][0]
    rows = [r for r in summary["breakdown"] if r["period"] == first["period"]]
    # A scholarship row counts every yearly payment and an accident counts under each benefit it receives: the
    # rows add up to more than the summary's cases (deaths and accidents, each once).
    assert sum(r["count_expected"] for r in rows) > first["claim_count"]["expected"] * 1.05
    for code, words in (("id", "Jumlah pembayaran"), ("en", "Number of payments")):
        section = validation_section(Language(code), summary, madiun.extra)
        header = next(b for b in section.blocks if isinstance(b, Table) and b.name == "validation").header
        counted = [h for h in header if words in h]
        assert len(counted) == 2 and not [h for h in header if "kasus" in h.lower() or "case" in h.lower()], header
        intro = " ".join(b.text for b in section.blocks if isinstance(b, Para))
        assert ("bukan kasus" if code == "id" else "not cases") in intro



@pytest.mark.parametrize("code", ["id", "en"])
def test_the_validation_breakdown_names_each_segment_once_and_its_period_above(madiun, code):
    """Every row of madiun-2025's breakdown is the whole period's: the table has no period column (the text above
    gives 2025-2027), and a segment's long name stands on the first of its rows only (the PDF wrapped it over four
    lines in every row); the benefits and figures are all still there."""
    lang, summary = Language(code), madiun.summary
    labels = {s.name: s.labels[code] for s in madiun.scenario.segments}
    section = validation_section(lang, summary, madiun.extra, labels)
    at = next(i for i, b in enumerate(section.blocks) if isinstance(b, Table) and b.name == "validation")
    table, intro = section.blocks[at], section.blocks[at - 1]  # the paragraph that introduces it
    assert lang("col_period") not in table.header and table.header[0] == lang("col_segment")
    assert ("seluruh periode 2025–2027;" if code == "id" else "whole period 2025–2027;") in intro.text
    totals = [r for r in summary["breakdown"] if r["period"] == "total"]
    assert len(table.rows) == len(totals)
    names = [r[0] for r in table.rows if r[0]]
    assert names == [s.labels[code] for s in madiun.scenario.segments]  # once each, in order
    assert [r[1] for r in table.rows] == [lang.benefit(r["benefit"]) for r in totals]


def test_the_breakdown_keeps_its_period_column_when_a_year_is_flagged():
    """A flagged row of one year beside the whole period's rows: the period column stays, and a segment's name is
    left out only below a row of the same period and segment."""
    lang = Language("en")
    summary = {"periods": [{"period": "2025"}, {"period": "2026"}, {"period": "total"}]}
    total = lang("total_period", first="2025", last="2026")
    rows = [(total, "Staff", "death", 1), (total, "Staff", "care", 2), ("2026", "Staff", "care", 3),
            (total, "Workers", "death", 4)]
    header, shown, span = _grouped(lang, summary, ("period", "segment", "benefit", "x"), rows)
    assert header[0] == "period" and span == ""
    assert [r[1] for r in shown] == ["Staff", "", "Staff", "Workers"]
    header, shown, span = _grouped(lang, summary, ("period", "segment", "benefit", "x"), [rows[0], rows[1]])
    assert header == ("segment", "benefit", "x") and span == " 2025–2026"
    assert shown == [("Staff", "death", 1), ("", "care", 2)]


# --- 5. a run-off's later years are labelled: not a forecast of the programme, which enrols new members ------------


def _periods_table(section) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table) and b.name == "periods")


@pytest.mark.parametrize("code, mark, words", [
    ("id", "(tanpa peserta baru)", ("hanya menghitung peserta Januari 2025 yang masih hidup",
                                    "hanya keluar karena meninggal", "makin panjang periode proyeksi")),
    ("en", "(no new members)", ("count only the members of January 2025 still alive", "leave only by death",
                                "the more so the longer the horizon")),
])
def test_a_run_off_labels_its_later_years_and_says_why_in_the_table_note(madiun, code, mark, words):
    lang, summary, extra = Language(code), madiun.summary, madiun.extra
    assert extra["planning"] is None  # madiun-2025 projects no members: the members of the start, run off
    table = _periods_table(results_section(lang, summary, extra, madiun.scenario))
    names = [row[0] for row in table.rows]
    years = [p["period"] for p in summary["periods"] if p["period"] != "total"]
    assert len(years) >= 2 and names[0] == years[0]  # the first year is not labelled, the later ones are
    assert names[1:len(years)] == [f"{y} {mark}" for y in years[1:]]
    assert mark not in names[-1]  # the total row keeps its name
    assert all(w in table.note for w in words), table.note
    # The example of a member who stays: the PU segment's members past the oldest age of its bands (57).
    pu = next(s for s in madiun.scenario.segments if s.scheme == "PU")
    assert f"{max(hi for _, hi, _ in pu.age_bands)}" in table.note and pu.labels[code] in table.note
    # The claim-ratio paragraph of the summary says the same of its years.
    trend = next(b for b in summary_section(lang, madiun.scenario, summary, extra).blocks
                 if isinstance(b, Para) and b.figures.get("y_ratio_0"))
    later = lang.join(years[1:])
    assert (f"Angka tahun {later} hanya untuk peserta Januari 2025 yang masih hidup, tanpa peserta baru"
            if code == "id" else f"The figures for {later} are those of the members of January 2025 still alive"
            ) in trend.text


@pytest.mark.parametrize("code, words", [
    ("id", "Selama 36 bulan proyeksi (2025–2027), dengan hanya menghitung peserta Januari 2025 yang masih hidup "
           "(tanpa peserta baru), klaim berjumlah rata-rata"),
    ("en", "Over the whole 36-month horizon (2025–2027), counting only the members of January 2025 still alive "
           "(no new members), claims average"),
])
def test_a_run_offs_horizon_sentence_and_charts_say_the_later_years_hold_the_starting_members(madiun, code, words):
    """The summary's "whole 36-month horizon ... 240 %" is of the starting members only, as the results table's
    later years are: it says so; and the report's fan chart (and its alt text) is given the start of the run-off,
    its tornado the recalibrated ends (tests/test_charts_later_years.py tests the charts themselves)."""
    lang, summary, extra = Language(code), madiun.summary, madiun.extra
    texts = [b.text for b in summary_section(lang, madiun.scenario, summary, extra).blocks if isinstance(b, Para)]
    assert any(t.startswith(words) for t in texts), texts
    if code == "id":  # the report the fixture built
        assert "Angka tahun 2026 dan 2027 hanya untuk peserta Januari 2025" in madiun.alts["fan"]
        assert "setelah kalibrasi ulang Rp" in madiun.alts["tornado"]
    # Where it is not known to be a run-off (report_trend.runoff_years: a summary alone), the sentence as it was.
    unknown = {k: v for k, v in extra.items() if k != "planning"}
    texts = [b.text for b in summary_section(lang, madiun.scenario, summary, unknown).blocks if isinstance(b, Para)]
    plain = TEXT["exec_horizon"][code].split("{")[0]
    assert any(t.startswith(plain) for t in texts) and not any(t.startswith(words) for t in texts)


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_projection_with_new_members_is_not_labelled(madiun, code):
    """A scenario with a plan (quotas, funding or exits: madiun-2026-ucj-csr) projects its members, and report.json
    holds their figures: its years are a forecast of the programme and carry no run-off label or note."""
    assert load_scenario("madiun-2026-ucj-csr").planning.shapes_exposure
    assert not getattr(madiun.scenario.planning, "shapes_exposure", False)
    lang, summary = Language(code), madiun.summary
    extra = {**madiun.extra, "planning": {"years": []}}
    table = _periods_table(results_section(lang, summary, extra, madiun.scenario))
    assert [row[0] for row in table.rows][:-1] == [p["period"] for p in summary["periods"][:-1]]
    assert table.note == ""
    text = " ".join(b.text for b in report_trend.trend_blocks(lang, madiun.scenario, summary, extra))
    assert text and "yang masih hidup" not in text and "still alive" not in text
    # A table made from a summary alone (notebooks) does not know: no label either.
    assert table.rows[1][0] == _periods_table(results_section(lang, summary, {})).rows[1][0]


# --- 6. PP 50/2025's BPU discount does not lower the city's premium, said in the budget section --------------------


def _discount_months(scenario) -> list[str]:
    """The months of the horizon with a general BPU discount in force (regulation.toml), for the expected period."""
    regulation = load_regulation()
    return [m.isoformat()[:7] for m in month_dates(scenario.start, scenario.horizon_months)
            if regulation.at(m)["premium.bpu_discount"] > 0]


@pytest.mark.parametrize("code, words", [
    ("id", ("tidak mengurangi iuran peserta BPU yang dibayar dari APBD", "tetap dianggarkan penuh")),
    ("en", ("does not lower the premium of the BPU members paid from APBD", "budgeted in full")),
])
def test_the_budget_section_says_the_bpu_discount_does_not_lower_the_apbd_premium(madiun, code, words):
    lang, scenario = Language(code), madiun.scenario
    months = _discount_months(scenario)
    assert months and any(s.scheme == "BPU" and s.payer == "APBD" for s in scenario.segments)
    blocks = budget_section(lang, scenario, madiun.summary, madiun.extra).blocks
    said = [b for b in blocks if isinstance(b, Para) and "PP 50/2025" in b.text]
    assert len(said) == 1 and all(w in said[0].text for w in words), said
    # The discount's months within the horizon, from the rules, and every payer the rule excludes.
    period = f"{lang.iso_date(months[0]).rsplit(' ', 1)[0]}–{lang.iso_date(months[-1])}"
    assert f"({period})" in said[0].text
    excluded = load_regulation().at(dt.date.fromisoformat(months[0] + "-01"))["premium.bpu_discount_excluded_payers"]
    assert all(p in said[0].text for p in excluded)
    # After the table of premiums by payer, where the APBD's premium is given.
    funding = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "funding")
    assert blocks.index(said[0]) == funding + 1


def test_no_discount_sentence_without_an_excluded_payer_or_the_discount_in_the_horizon():
    lang = Language("id")
    scenario = load_scenario("madiun-2025")
    assert discount_budget_blocks(lang, scenario)
    # A horizon that ends before the discount starts (the rules say when).
    first = _discount_months(scenario)[0]
    months = 12 * (int(first[:4]) - scenario.start.year) + int(first[5:]) - scenario.start.month
    short = load_scenario("madiun-2025", [f"scenario.horizon_months={months}"])
    assert not _discount_months(short) and discount_budget_blocks(lang, short) == []
    # BPU members paid by a payer the discount is not withheld from (CSR): their premium does fall.
    csr = copy.deepcopy(scenario)
    object.__setattr__(csr, "segments", [replace(s, payer="CSR") if s.scheme == "BPU" else s for s in csr.segments])
    assert discount_budget_blocks(lang, csr) == []
    # No BPU members at all.
    pu = copy.deepcopy(scenario)
    object.__setattr__(pu, "segments", [s for s in pu.segments if s.scheme != "BPU"])
    assert discount_budget_blocks(lang, pu) == []


def test_a_plan_says_it_below_its_apbd_table(tmp_path):
    """A projection's budget section (madiun-2026-ucj-csr: BPU members paid from the APBD, 2026 in its horizon) has
    the sentence right below the APBD's budget and premiums by year."""
    report = build(load_scenario("madiun-2026-ucj-csr", ["scenario.trials=100"]), "en", tmp_path)
    blocks = next(s for s in report.sections if s.key == "budget").blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "plan_apbd")
    assert isinstance(blocks[at + 1], Para) and "The PP 50/2025 BPU premium discount" in blocks[at + 1].text
    assert sum("PP 50/2025 BPU premium discount" in getattr(b, "text", "") for b in blocks) == 1


# --- 7. the recorded claims are said once: page 1 briefly, the calibration part only what page 1 does not say -----

OBS = "calibration.observations.0"
COMPARED = {  # every figure of the comparison of the record with the model (the calibration part used to repeat it)
    "amount_idr", "claim_ratio", "premium_idr", "claim_ratio_window_premium", "model_window.amount_expected_idr",
    "model_window.claim_ratio_expected", "model_window.claim_ratio_p5", "model_window.claim_ratio_p95",
    "model_window.amount_p5_idr", "model_window.amount_p95_idr", "model_window.premium_idr"}


@pytest.mark.parametrize("code, recorded", [("id", "Klaim tercatat Januari–November 2025"),
                                            ("en", "Recorded claims, January–November 2025")])
def test_the_recorded_claims_are_said_once_and_nothing_is_lost(madiun, code, recorded):
    lang, extra = Language(code), madiun.extra
    assert extra["calibration"]["observations"][0]["model_window"]  # a model figure to compare: the brief form
    paras = [b for b in summary_section(lang, madiun.scenario, madiun.summary, extra).blocks if isinstance(b, Para)]
    keys = [{f.key for f in p.figures.values()} for p in paras]
    # The recorded figure's sentence once, in the summary's first paragraphs; its premium and ratio with it.
    said = [i for i, k in enumerate(keys) if f"{OBS}.amount_idr" in k]
    assert len(said) == 1 and sum(recorded in p.text for p in paras) == 1
    assert {f"{OBS}.claim_ratio", f"{OBS}.premium_idr"} <= keys[said[0]]
    # The calibration part: the model's months with their 90 % interval and premium, not the record again.
    detail = [i for i, k in enumerate(keys) if f"{OBS}.model_window.amount_p5_idr" in k]
    assert len(detail) == 1 and detail[0] > said[0]
    assert keys[detail[0]] >= {f"{OBS}.model_window.{k}" for k in ("amount_p95_idr", "premium_idr")}
    assert not keys[detail[0]] & {f"{OBS}.amount_idr", f"{OBS}.claim_ratio", f"{OBS}.premium_idr"}
    assert lang("calib_inside") in paras[detail[0]].text or lang("calib_below") in paras[detail[0]].text \
        or lang("calib_above") in paras[detail[0]].text
    # Nothing the reader needs is lost: every figure of the comparison is still on the pages, each said once.
    shown = [k for ks in keys for k in ks if k.startswith(OBS)]
    assert {f"{OBS}.{k}" for k in COMPARED} <= set(shown)
    assert all(shown.count(f"{OBS}.{k}") == 1 for k in COMPARED if k != "model_window.amount_expected_idr")
    # The premium's months against the claims' stay said (in the brief form).
    o = extra["calibration"]["observations"][0]
    assert (o["premium_from"], o["premium_to"]) != (o["from"], o["to"])
    assert lang("calib_recorded_premium_other_brief_assumed", premium_period=_window(lang, o["premium_from"], o["premium_to"]),
                premium_months=o["premium_months"], months=o["months"]) in paras[said[0]].text


# --- 8. PDF tables: no row alone on a page; notes flush left with the table -------------------------------------------


def _words(data: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of each piece of text the PDF draws, in points from the page's bottom left."""
    out = []
    for k, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        def visit(text, cm, tm, font, size, k=k):
            if text.strip():
                out.append((k, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def _synthetic(rows: int, note: str = "") -> Table:
    return Table("t", ("Name", "Amount"), [(f"row{k:02d}", Figure(1e6 * (k + 1), "money", "x", f"k{k}"))
                                             for k in range(rows)], note=note)


def _rows_by_page(block: Table, room_of) -> tuple[dict, int]:
    """The page each row of ``block`` lands on, drawn on a page whose room left is ``room_of(heading, heights)``."""
    report = SimpleNamespace(lang=Language("en"))
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 7.5)
    widths = report_pdf._widths(pdf, report, block)
    heading, heights = report_pdf._row_heights(pdf, report, block, widths, 7.5)
    pdf.set_y(pdf.page_break_trigger - room_of(heading, heights))
    report_pdf._table(pdf, report, block)
    data = bytes(pdf.output())
    pages = {t: k for k, _, _, t in _words(data) if t.startswith("row")}
    return pages, len(PdfReader(io.BytesIO(data)).pages)


def test_a_short_table_that_would_leave_one_row_alone_moves_whole_to_the_next_page():
    block = _synthetic(4)
    # Room for the headings and all rows but the last: fpdf2 alone put the last row alone on the next page.
    pages, count = _rows_by_page(block, lambda heading, heights: heading + sum(heights[:-1]) + 0.5)
    assert count == 2 and set(pages.values()) == {1} and len(pages) == 4
    # Room for the headings and one row only: the one row would stand alone at the foot of the page.
    pages, _ = _rows_by_page(block, lambda heading, heights: heading + heights[0] + 0.5)
    assert set(pages.values()) == {1}
    # Room for it all: it stays.
    pages, count = _rows_by_page(block, lambda heading, heights: heading + sum(heights) + 0.5)
    assert count == 1 and set(pages.values()) == {0}


def test_a_long_table_breaks_but_never_leaves_a_row_alone():
    block = _synthetic(70)  # more rows than a page holds
    full = report_pdf._PDF("t", "{n}")
    full.add_page()
    room = full.page_break_trigger - full.t_margin

    def last_alone(heading, heights):
        """Room on the first page such that, filled page by page, the last page would get exactly one row."""
        per_page = int((room - heading) // heights[0])
        first = len(heights) - 1 - per_page  # rows on the first page: the next page full, the last row alone
        return heading + first * heights[0] + 0.5

    for room_of in (last_alone, lambda heading, heights: heading + heights[0] + 0.5):
        pages, _ = _rows_by_page(block, room_of)
        assert len(pages) == 70
        counts = [list(pages.values()).count(p) for p in sorted(set(pages.values()))]
        assert len(counts) >= 2 and min(counts) >= 2, counts
        order = [pages[f"row{k:02d}"] for k in range(70)]
        assert order == sorted(order)  # in order, each row once


def test_table_pages_keeps_at_least_two_rows_on_each_page():
    heights = [10.0] * 5
    assert report_pdf.table_pages(200, 250, 8, heights) == (False, [[0, 1, 2, 3, 4]])  # it fits
    assert report_pdf.table_pages(8 + 40.5, 250, 8, heights) == (True, [[0, 1, 2, 3, 4]])  # 4 + 1: moved whole
    assert report_pdf.table_pages(8 + 30.5, 250, 8, heights) == (False, [[0, 1, 2], [3, 4]])  # 3 + 2: may split
    long = [10.0] * 30  # 24 rows a page (8 + 24 x 10 = 248 of 250)
    new_page, parts = report_pdf.table_pages(8 + 50.5, 250, 8, long)  # 5 here, 24 next, 1 alone: 5, 23, 2
    assert not new_page and [len(p) for p in parts] == [5, 23, 2]
    new_page, parts = report_pdf.table_pages(8 + 10.5, 250, 8, long)  # 1 alone at the foot: start next page
    assert new_page and [len(p) for p in parts] == [24, 6]
    assert report_pdf.table_pages(5, 250, 8, [10.0]) == (True, [[0]])  # one row: on the next page


def test_a_table_note_is_flush_left_with_the_table():
    """The note under a table starts at the table's left edge, its text where the cells' text starts (it was set
    with the paragraphs' 1 mm cell margin, further right than the table's text)."""
    report = SimpleNamespace(lang=Language("en"))
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    spots = []
    note = pdf.multi_cell

    def spy(*args, **kwargs):
        spots.append((pdf.get_x(), pdf.c_margin, args[2] if len(args) > 2 else kwargs.get("text")))
        return note(*args, **kwargs)

    pdf.multi_cell = spy
    report_pdf._table(pdf, report, _synthetic(3, note="Source of the figures: a test."))
    pdf.multi_cell = note
    x, margin, text = next(s for s in spots if s[2] and s[2].startswith("Source"))
    assert x == pytest.approx(pdf.l_margin)  # the table's left edge: tables take the text width from the margin
    words = _words(bytes(pdf.output()))
    points = 72 / 25.4
    heading = next(wx for _, wx, _, t in words if t.startswith("Name"))
    first_cell = next(wx for _, wx, _, t in words if t.startswith("row00"))
    source = next(wx for _, wx, _, t in words if t.startswith("Source"))
    assert source == pytest.approx(heading, abs=0.05) == pytest.approx(first_cell, abs=0.05)
    assert source == pytest.approx((pdf.l_margin + report_pdf.TABLE_PADDING) * points, abs=0.05)


def test_the_paragraph_introducing_a_table_goes_with_it_to_the_next_page():
    """A short table moved whole to the next page took it away from its introduction, left at the foot of the page
    (the rules that change during the horizon); the introduction now goes with it, wherever the page ends."""
    from sim.report_document import Section

    moved = 0
    for n in range(24, 44):
        blocks = [Para("Opening."), *[Para(f"Sentence number {k}.") for k in range(n)], Para("Lead-in."),
                  _synthetic(4)]
        report = SimpleNamespace(
            lang=Language("en"), scenario=SimpleNamespace(regions={"en": "Test"}, id="t", titles={"en": "Test"}),
            manifest={"scenario_id": "t", "run_hash": "0", "code": {"workbench_version": "0"},
                      "report_date": "2026-01-01", "created": "2026-01-01T09:30:00+07:00"},
            sections=[Section("s", "Section", blocks)], charts={})
        words = _words(report_pdf.render_pdf(report))
        pages = {t: k for k, _, _, t in words if t.startswith(("row", "Lead-in"))}
        assert len({pages[f"row{k:02d}"] for k in range(4)}) == 1, n
        assert pages["Lead-in."] == pages["row00"], n
        moved += pages["row00"] > next(k for k, _, _, t in words if t.startswith(f"Sentence number {n - 1}"))
    assert moved  # some of these page ends did move the table and its introduction


# --- scholarships of deaths before the start: in the record, not in the model ----------------------------------------


def _earlier_deaths(blocks) -> list:
    return [b for b in blocks if isinstance(b, Para) and "months" in b.figures and "min" in b.figures]


@pytest.mark.parametrize("code, words", [
    ("id", "Sebagian peserta sudah terdaftar sebelum Januari 2025 (paling lama 54 bulan sebelumnya)"),
    ("en", "Some members were enrolled before January 2025 (up to 54 months before)"),
])
def test_the_calibration_says_the_record_may_hold_scholarships_of_deaths_before_the_start(calibrated, code, words):
    scenario, extra = calibrated
    cal = extra["calibration"]
    longest = max(t[0] for s in scenario.segments for t in s.tenure)
    assert cal["longest_membership_at_start_months"] == longest > 0  # madiun-2025's BPU members from mid-2020
    assert cal["scholarship_min_membership_months"] == load_regulation().at(scenario.start)[
        "jkm.scholarship_min_membership"]
    lang = Language(code)
    (para,) = _earlier_deaths(calibration_blocks(lang, scenario, extra))
    text = _filled(lang, para, extra)
    assert text.startswith(words.replace("54", str(longest)))
    assert ("terlalu tinggi" if code == "id" else "too high") in text
    assert str(cal["scholarship_min_membership_months"]) in text


@pytest.mark.parametrize("code, minimum", [("id", "JKK, tanpa masa kepesertaan minimum"),
                                           ("en", "JKK, no minimum membership")])
def test_the_calibration_gives_the_size_of_the_scholarships_of_earlier_claims(calibrated, code, minimum):
    """The caveat said "the part is thought small, as a JKM scholarship needs 36 months of membership": unsized, and
    JKK deaths and total disabilities need no minimum. It now gives sim.calibration.earlier_scholarships' expected
    amount, its share of the recorded amount, the JKM part and what it does to the death multiplier at most."""
    scenario, extra = calibrated
    size = extra["calibration"]["earlier_scholarships"]
    assert 0 < size["jkm_amount_idr"] < size["amount_idr"] < 0.02 * 6.2e9  # madiun-2025: about Rp52 m of Rp6.2 bn
    assert size["share_of_recorded"] == pytest.approx(size["amount_idr"] / 6.2e9, rel=1e-4)
    assert size["death_multiplier_lean"] == pytest.approx(size["amount_idr"] / size["model_jkm_idr"], rel=1e-4)
    lang = Language(code)
    (para,) = _earlier_deaths(calibration_blocks(lang, scenario, extra))
    text = _filled(lang, para, extra)
    for name, kind in (("amount_idr", "money"), ("instalments", "count"), ("share_of_recorded", "percent1"),
                       ("jkm_amount_idr", "money"), ("death_multiplier_lean", "percent1")):
        assert lang.figure(kind, size[name]) in text, name
    assert minimum in text
    assert "thought small" not in text and "diperkirakan kecil" not in text
    # Without a scenario that starts with the observed months, no figure: the rules that bound it instead.
    unsized = {"calibration": {**extra["calibration"], "earlier_scholarships": None}}
    (para,) = _earlier_deaths(calibration_blocks(lang, scenario, unsized))
    text = _filled(lang, para, unsized)
    assert minimum.removeprefix("JKK, ") in text and lang.money(size["amount_idr"]) not in text
    # Sized or not, the paragraph ends with the opposite lean of the payment lag, whose size is not known.
    assert text.endswith(lang("calib_earlier_deaths_lag"))


@pytest.mark.parametrize("code, share_words", [("id", "dari nilai klaim tercatat"), ("en", "of the recorded amount")])
def test_the_earlier_scholarships_share_is_left_out_where_the_record_gives_no_whole_amount(calibrated, code,
                                                                                          share_words):
    """A record of counts only (or of JKM, or of one segment) has no amount the scholarships of earlier claims, of
    every benefit and segment, are a share of: the paragraph said "- of the recorded amount". The share is then
    null and its clause left out; the rest of the sized paragraph stands."""
    from sim.report_sections import _recorded_total

    whole = [{"from": "2024-01", "to": "2024-12", "amount": 2e9, "benefits": "all", "segment": "all"},
             {"from": "2025-01", "to": "2025-11", "amount": 6.2e9}]
    assert _recorded_total(whole) == 8.2e9
    for part in ({"amount": None}, {"benefits": "jkm"}, {"segment": "vulnerable"}):
        assert _recorded_total([whole[0] | part, whole[1]]) is None, part
    assert _recorded_total([{k: v for k, v in whole[1].items() if k != "amount"}]) is None

    scenario, extra = calibrated
    lang = Language(code)
    (para,) = _earlier_deaths(calibration_blocks(lang, scenario, extra))
    assert share_words in _filled(lang, para, extra)
    size = extra["calibration"]["earlier_scholarships"]
    counts = {"calibration": {**extra["calibration"], "earlier_scholarships": {**size, "share_of_recorded": None}}}
    (para,) = _earlier_deaths(calibration_blocks(lang, scenario, counts))
    text = _filled(lang, para, counts)
    assert share_words not in text and " - " not in text, text
    assert lang.money(size["amount_idr"]) in text and lang.figure("percent1", size["death_multiplier_lean"]) in text
    assert text.endswith(lang("calib_earlier_deaths_lag"))


def test_a_scenario_copying_the_fitted_rates_gives_the_fitted_models_start(calibrated):
    """madiun-2026-ucj copies the rates fitted to Jan-Nov 2025 with madiun-2025-prior (starting January 2025) but
    itself starts in January 2026 with longer tenures: the earlier deaths in the record are those before the fitted
    model's start, with its members' tenure (it once said January 2026 and 66 months)."""
    scenario, extra = calibrated
    ucj = load_scenario("madiun-2026-ucj")
    prior = load_scenario(ucj.calibration["scenario"])
    cal = calibration_figures(ucj)
    assert (cal["model_start"], cal["scenario_start"]) == (f"{prior.start:%Y-%m}", "2026-01") != ("2026-01",) * 2
    longest = max(t[0] for s in prior.segments for t in s.tenure if t[1] > 0)
    assert cal["longest_membership_at_start_months"] == longest == extra["calibration"][
        "longest_membership_at_start_months"]
    assert longest < max(t[0] for s in ucj.segments for t in s.tenure if t[1] > 0)  # the case: ucj's are longer
    lang = Language("id")
    (para,) = _earlier_deaths(calibration_blocks(lang, ucj, {"calibration": cal}))
    text = _filled(lang, para, {"calibration": cal})
    assert text.startswith(f"Sebagian peserta sudah terdaftar sebelum Januari 2025 (paling lama {longest} bulan")
    assert "2026" not in text


def test_members_all_new_at_the_start_leave_nothing_of_earlier_deaths(calibrated):
    scenario, extra = calibrated
    # Fitted with these members (the record names this scenario), else its base's members would be read.
    fresh = replace(scenario, segments=tuple(replace(s, tenure=((0, 1.0),)) for s in scenario.segments),
                    calibration={**scenario.calibration, "scenario": scenario.id})
    cal = calibration_figures(fresh)
    assert cal["longest_membership_at_start_months"] == 0
    assert _earlier_deaths(calibration_blocks(Language("id"), fresh, {"calibration": cal})) == []


def test_a_standard_error_of_an_amount_reads_in_one_format():
    """The validation's SE column mixed ``Rp304.498`` with ``Rp5,5 juta``: a standard error is shown to 2
    significant digits with a scale word (ribu below a juta: ``Rp0,0029 juta`` read oddly), the scale of the rounded
    value (Rp999.999 is Rp1,0 juta); under Rp1,000 in rupiah."""
    id_, en = Language("id"), Language("en")
    assert [id_.money_se(x) for x in (2_897, 93_000, 304_498, 5_512_000, 19_040_000, 999_999, 999_600_000,
                                      1_234_000_000)] == [
        "Rp2,9 ribu", "Rp93 ribu", "Rp304 ribu", "Rp5,5 juta", "Rp19 juta", "Rp1,0 juta", "Rp1,0 miliar",
        "Rp1,2 miliar"]
    assert en.money_se(304_498) == "Rp304 k" and en.money_se(304_400_000) == "Rp304 m"
    assert id_.money_se(0) == "Rp0" and id_.money_se(300) == "Rp300" and id_.money_se(None) == "-"


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_validation_breakdown_shows_every_standard_error_in_a_scale(madiun, code):
    """Every SE cell of madiun-2025's breakdown carries a scale word (its smallest SEs are under Rp1 juta)."""
    lang, summary = Language(code), madiun.summary
    section = validation_section(lang, summary, madiun.extra, None)
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "validation")
    column = table.header.index(lang("col_se"))
    cells = [lang.figure(c.kind, c.value) for c in (r[column] for r in table.rows) if c != "-"]
    assert min(r["se_idr"] for r in summary["breakdown"]) < 1e6
    words = ("ribu", "juta", "miliar") if code == "id" else (" k", " m", " bn")
    assert cells and all(str(c).endswith(words) for c in cells), cells


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_headline_interval_of_random_events_only_says_what_the_assumptions_do(madiun, tmp_path, code):
    """jambi-2025's 90 % interval and 47 % chance of claims above the premium hold its assumptions fixed (no
    calibration drawn per trial); the summary says so right after, with the same year's claim ratio at the two ends
    of the bar that moves it most (the mortality load: 71 % and 302 %), figures traced to report.json. madiun-2025,
    calibrated (its interval draws the fitted multipliers; its widest held bar would mislead), has no such sentence."""
    lang = Language(code)
    jambi = build(load_scenario("jambi-2025", ["scenario.trials=300"]), code, tmp_path)
    start = TEXT["exec_ratio_assumptions"][code][:30]

    def sentences(report):
        blocks = summary_section(lang, report.scenario, report.summary, report.extra).blocks
        return [b for b in blocks if isinstance(b, Para) and b.text.startswith(start)]

    (para,) = sentences(jambi)
    rows = jambi.extra["sensitivity"]["rows"]
    widest = max(range(len(rows)), key=lambda i: abs(rows[i]["claim_ratio_high"] - rows[i]["claim_ratio_low"]))
    top = rows[widest]
    assert top["parameter"] == "assumptions.mortality_load"
    assert {f.key for f in para.figures.values()} == {f"sensitivity.rows.{widest}.claim_ratio_low",
                                                      f"sensitivity.rows.{widest}.claim_ratio_high"}
    shown = sorted(f.value for f in para.figures.values())
    assert shown == sorted([top["claim_ratio_low"], top["claim_ratio_high"]]) and shown[0] < 0.8 < 3 < shown[1]
    assert f"“{lang.parameter(top['parameter'], entry_names(jambi.scenario, lang))}”" in para.text
    if code == "id":
        assert sentences(madiun) == []


def test_the_assumption_named_beside_the_headline_is_the_one_that_moves_the_claim_ratio_most():
    """The tornado ranks bars by the claims they move; a member count's range moves claims and premium together and
    hardly the claim ratio, so the summary's sentence takes the bar with the widest claim ratio."""
    from sim.report_sections import _ratio_assumptions

    scenario = load_scenario("jambi-2025")
    rows = [{"parameter": "segments.vulnerable.members", "claim_ratio_low": 0.99, "claim_ratio_high": 1.0},
            {"parameter": "assumptions.mortality_load", "claim_ratio_low": 0.7, "claim_ratio_high": 3.0}]
    extra = {"sensitivity": {"period": "2025", "rows": rows}, "calibration": None}
    (para,) = _ratio_assumptions(Language("en"), scenario, extra, "2025")
    assert {f.key for f in para.figures.values()} == {"sensitivity.rows.1.claim_ratio_low",
                                                      "sensitivity.rows.1.claim_ratio_high"}


# --- mutation audit: a chance shown as "> 99,9%" or "< 0,1%" gets its note; the record below or above the model -----


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_chance_shown_beyond_99_9_or_below_0_1_percent_gets_the_table_note(madiun, code):
    """The periods table's note on "> 99,9%" and "< 0,1%" stands below it where a chance is shown so: a chance of
    1 (> 99.9 %) or 0 (< 0.1 %) in any year, not one of 0.5 everywhere. Only "< 0,1%" getting it survived the
    mutation audit."""
    lang = Language(code)

    def notes(chances: list) -> int:
        summary = copy.deepcopy(madiun.summary)
        for p, chance in zip(summary["periods"], chances + [0.5] * len(summary["periods"])):
            p["prob_claim_ratio_above_1"] = chance
        blocks = results_section(lang, summary, {}).blocks
        n = summary["trials"]
        high, low = sections_rule_of_three(lang, n)
        note = lang("prob_table_note", above=lang.chance(1.0, n), below=lang.chance(0.0, n), high=high, low=low)
        return sum(isinstance(b, Para) and b.text == note for b in blocks)

    assert (notes([]), notes([1.0]), notes([0.5, 0.0]), notes([0.9997])) == (0, 1, 1, 1)  # 99.97 % shows > 99.9 %


@pytest.mark.parametrize("code", ["id", "en"])
def test_all_or_none_of_three_trials_or_fewer_is_a_count_not_a_vacuous_bound(madiun, code):
    """The rule of three bounds nothing from 3 trials or fewer (3/n is 100 % or more): all 2 of 2 trials above the
    premium read "> 0,0%", and the text "can only bound it above 0%". They read as the count ("2 dari 2"), the text
    and the periods table's note saying why; 4 trials still give the bound ("> 25,0%"). ``sim compare`` read
    "2 of 2 (2 of 2 trials)"."""
    from sim.compare import chance as compare_chance
    from sim.report_sections import _claims_paras

    lang = Language(code)
    of = {"id": "dari", "en": "of"}[code]
    assert (lang.chance(1.0, 2), lang.chance(0.0, 3), lang.chance(0.5, 2)) == (f"2 {of} 2", f"0 {of} 3", "50.0%"
                                                                               if code == "en" else "50,0%")
    assert lang.chance(1.0, 4) == ("> 25.0%" if code == "en" else "> 25,0%")
    assert (compare_chance(1.0, 2), compare_chance(1.0, 300)) == ("2 of 2 trials", "> 99.0% (300 of 300 trials)")
    for trials, counted in ((2, True), (4, False)):
        summary = copy.deepcopy(madiun.summary)
        summary["trials"] = trials
        for p in summary["periods"]:
            p["prob_claim_ratio_above_1"] = 1.0
        texts = _texts(_claims_paras(lang, madiun.scenario, summary, madiun.extra))
        assert (lang("prob_count") in texts) is counted
        assert (lang("prob_all", bound=sections_rule_of_three(lang, trials)[0]) in texts) is not counted
        notes = [b.text for b in results_section(lang, summary, {}).blocks if isinstance(b, Para)]
        count_note = lang("prob_table_note_count", above=f"2 {of} 2", below=f"0 {of} 2")
        assert (count_note in notes) is counted
        high, low = sections_rule_of_three(lang, trials)
        bound_note = lang("prob_table_note", above=lang.chance(1.0, trials), below=lang.chance(0.0, trials),
                          high=high, low=low)
        assert (bound_note in notes) is not counted


@pytest.mark.parametrize("amount, where", [("p5", "calib_inside"), ("p95", "calib_inside"), ("below", "calib_below"),
                                           ("above", "calib_above")])
def test_the_recorded_amount_is_placed_below_inside_or_above_the_model_s_interval(madiun, amount, where):
    """A recorded amount Rp1 under the model's 5th percentile is below its 90 % interval, Rp1 over the 95th above
    it, one at either end inside (calling an amount below "above" and one above "below" survived the audit)."""
    from sim.report_sections import _window_detail

    extra = copy.deepcopy(madiun.extra)
    o = extra["calibration"]["observations"][0]
    p5, p95 = o["model_window"]["amount_p5_idr"], o["model_window"]["amount_p95_idr"]
    o["amount_idr"] = {"p5": p5, "p95": p95, "below": p5 - 1, "above": p95 + 1}[amount]
    for code in ("id", "en"):
        text = _window_detail(Language(code), extra, 0).text
        assert [k for k in ("calib_below", "calib_inside", "calib_above") if Language(code)(k) in text] == [where]


@pytest.mark.parametrize("code, subject", [("id", "Nilai klaim tercatat berada "), ("en", "The recorded amount lies ")])
def test_the_three_placements_of_the_recorded_amount_share_one_subject(code, subject):
    """Below, inside and above say the same thing of the same figure, the recorded amount; "above" once said "the
    recorded claims", as if a count were placed against an interval of amounts."""
    lang = Language(code)
    assert [lang(k).startswith(subject) for k in ("calib_below", "calib_inside", "calib_above")] == [True] * 3


@pytest.mark.parametrize("code, words", [("en", ("December 2054, the horizon's end", "older than the oldest")),
                                         ("id", ("Desember 2054 (akhir periode proyeksi)", "lebih tua daripada"))])
def test_a_long_run_off_says_how_many_members_are_older_than_any_at_the_start(code, words):
    """The note said a run-off that keeps everyone but the dead "slightly overstates the later years' members": true
    over three years, not over 30, when three quarters of madiun-2025's non-ASN staff in force are past 57, their
    retirement age. The note now gives the share of the members in force at the horizon's end who are older than
    every member of their segment at the start (report.json ``runoff_ages``), and calls the overstatement slight
    nowhere."""
    from sim.report_sections import runoff_ages

    lang = Language(code)
    scenario = load_scenario("madiun-2025", ["scenario.horizon_months=360"])
    ages = runoff_ages(scenario)
    assert ages["month"] == "2054-12" and 0.5 < ages["share_older"] < 1
    summary = {"start": "2025-01"}
    note = runoff_note(lang, summary, scenario, {"runoff_ages": ages})
    assert lang.percent(ages["share_older"]) in note and all(w in note for w in words), note
    assert "slightly" not in note and "sedikit" not in note
    # Nobody is older than at the start before the first birthday, 12 months on; at 13 months the oldest age of
    # each segment's profile (non-ASN staff 50-57: 17 % over 8 ages; vulnerable workers 70-79: 8 % over 10) has
    # turned a year older, less those who died (the 79-year-olds' 1.9 x TMI IV, about 10 % a year).
    assert runoff_ages(load_scenario("madiun-2025", ["scenario.horizon_months=12"]))["share_older"] == 0
    share = runoff_ages(load_scenario("madiun-2025", ["scenario.horizon_months=13"]))["share_older"]
    assert share == pytest.approx((7902 * 0.17 / 8 + 9582 * 0.08 / 10) / 17484, rel=0.06)
    assert runoff_ages(load_scenario("jambi-2025-pipeline")) is None  # a projection: members join, none to say


@pytest.mark.parametrize("code, names", [("en", ["2025", "2026 (Jan) (no new members)"]),
                                         ("id", ["2025", "2026 (Jan) (tanpa peserta baru)"])])
def test_the_results_table_names_a_part_years_months(code, names):
    """A 13-month horizon's results table gave "2026" a premium of Rp251.9 m and claims of Rp0.6 bn, one month's,
    in a column of full years: the row now names its months, as the fan chart does under its year."""
    summary = {"start": "2025-01", "horizon_months": 13, "trials": 100,
               "periods": [{"period": y, "months": m, "members": 1, "premium_idr": 1.0, "claim_ratio": None,
                            "prob_claim_ratio_above_1": None, "claims_expected_idr": 1.0,
                            "claims_idr": {"mean": 1.0, "p5": 1.0, "p95": 1.0},
                            "risk": {"level": 0.995, "claims_var_idr": 1.0, "claims_var_ci95_idr": None,
                                     "claims_tvar_idr": 1.0, "claims_tvar_se_idr": None, "shortfall_mean_idr": 0.0,
                                     "shortfall_mean_se_idr": 0.0, "shortfall_tvar_idr": 0.0,
                                     "shortfall_tvar_se_idr": None}}
                           for y, m in (("2025", 12), ("2026", 1), ("total", 13))]}
    table = _periods_table(results_section(Language(code), summary, {"planning": None}))
    assert [row[0] for row in table.rows][:2] == names


def test_a_one_month_horizon_names_its_month_in_the_headline_figures(tmp_path):
    """A 1-month horizon's summary tiles and terminal line said "Expected claims 2025: Rp537 m", a month's claims
    under a year's name, beside a full year's premium budget of Rp3.05 bn. They now name the month: "2025 (Jan)"."""
    from sim.report import headline
    from sim.report_document import Tiles

    report = build(load_scenario("madiun-2025", ["scenario.horizon_months=1", "scenario.trials=200"]), "en",
                   tmp_path)
    tiles = next(b for b in summary_section(report.lang, report.scenario, report.summary, report.extra).blocks
                 if isinstance(b, Tiles))
    labels = [label for label, _ in tiles.items]
    assert sum("2025 (Jan)" in label for label in labels) == 3, labels
    assert "2025 (Jan) claims" in headline(report), headline(report)


def test_a_one_month_horizon_says_one_month_in_english(tmp_path):
    """The English lead paragraph of a 1-month horizon said "the deaths and work accidents of the 1 months of that
    year", and the calibration's note "those of the 1 months of 2025": a count of months that can be 1 now agrees
    with it ("the 1 month"), in every text a report fills at once; the count of other months keeps its plural."""
    import re

    report = build(load_scenario("madiun-2025", ["scenario.horizon_months=1", "scenario.trials=200"]), "en",
                   tmp_path)
    text = re.sub(r"<[^>]+>", " ", (report.folder / "report.html").read_text(encoding="utf-8"))
    assert not re.search(r"\b1 months\b", text), re.findall(r".{80}\b1 months\b.{40}", text)
    assert "accidents of the 1 month of that year" in text
    assert "(11 months)" in text  # the recorded claims' months
    assert Language("en")("calib_months", months=1) == "1 month"
    assert Language("en")("calib_months", months=2) == "2 months"
    assert Language("id")("calib_months", months=1) == "1 bulan"


@pytest.mark.parametrize("code, said, caption", [
    ("en", "expected claims in the first 1 month are", "expected claims over 1 month by number"),
    ("id", "perkiraan klaim 1 bulan pertama", "perkiraan klaim 1 bulan menurut"),
])
def test_the_budget_section_names_the_months_its_expected_claims_are_of(tmp_path, code, said, caption):
    """The budget section's claims of the members at the start are those of the first 12 months or the horizon if
    shorter (report.json budget_year.months); a 1-month horizon's said "expected claims in the first 12 months are
    Rp537.5 m", one month's claims, and the coverage chart's caption "over 12 months". Both now say the months."""
    scenario = load_scenario("madiun-2025", ["scenario.horizon_months=1", "scenario.trials=200"])
    report = build(scenario, code, tmp_path)
    assert report.extra["budget_year"]["months"] == 1
    section = budget_section(report.lang, scenario, report.summary, report.extra)
    text = " ".join(b.text for b in section.blocks if isinstance(b, Para))
    assert said in text, text
    assert caption in next(b.caption for b in section.blocks if isinstance(b, Chart) and b.name == "coverage")


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_part_year_tile_label_has_no_nested_brackets(code):
    """A part year's name carries its months in brackets ("2025 (Jan)"); the tiles put it inside or beside a
    bracket of their own: "Peluang klaim melebihi iuran (2025 (Jan))", "Perkiraan klaim 2025 (Jan) (rata-rata
    simulasi)". The labels now place the year without brackets around or beside it."""
    lang = Language(code)
    for key in ("tile_claims", "tile_ratio", "tile_prob"):
        label = lang(key, period="2025 (Jan)")
        assert "2025 (Jan)" in label and "))" not in label and ") (" not in label, label
    assert "rata-rata simulasi" in Language("id")("tile_claims", period="2025")


def test_the_table_of_parameters_moving_no_year_measured_says_what_they_do_not_change():
    """Its English title said "Parameters that move no claims in the years measured", which a reader of the notes
    above it ("the expected 2029 and 2033 claims do not change") has to translate back; it now says so."""
    title = "Parameters that do not change the expected claims in the years measured"
    assert Language("en")("table_no_effect") == title


@pytest.mark.parametrize("code, said", [("en", "1 month only, not a full year's premium as the budget above"),
                                        ("id", "1 bulan saja, bukan iuran setahun penuh seperti anggaran di atas")])
def test_a_part_first_year_premium_is_said_to_be_of_its_months(code, said):
    """The lead said a 1-month horizon's premium (Rp254 m) "differs from the full-year budget for the starting
    members above (Rp3.05 bn) because membership changes during the year": it differs because it is one month's.
    A first year the horizon holds part of now says its months; a full one keeps the reason of a changing
    membership."""
    from sim.report_sections import _claims_paras

    lang, scenario = Language(code), SimpleNamespace(intensity_draws=False)

    def lead(months: int) -> str:
        first = {"period": "2025", "months": months, "claim_ratio": {"mean": 2.1, "p5": 1.2, "p95": 3.2},
                 "prob_claim_ratio_above_1": 0.97, "premium_idr": 2.5e8, "claim_count": {"mean": 19.0},
                 "claims_idr": {"mean": 5.4e8, "p5": 3e8, "p95": 8.1e8}}
        blocks = _claims_paras(lang, scenario, {"periods": [first], "trials": 100}, {})
        return " ".join(b.text for b in blocks if isinstance(b, Para))

    assert said in lead(1), lead(1)
    assert said not in lead(12) and lang("exec_ratio").split("{")[0] in lead(12)


@pytest.mark.parametrize("code, said, budget", [("en", "expected claims, first 1 month", "APBD budget for a year"),
                                                ("id", "perkiraan klaim 1 bulan pertama", "anggaran APBD setahun")])
def test_the_coverage_chart_names_the_months_of_its_claims(code, said, budget):
    """The coverage chart's claims line is budget_year's (the first 12 months, or a shorter horizon's): its legend
    and alt text said "12 months" for a 1-month horizon's one month of claims. Both now take the months."""
    import pandas as pd

    from sim import chart_descriptions, charts

    lang = Language(code)
    curve = pd.DataFrame({"members": [0, 100], "annual_premium_idr": [0.0, 2e7], "apbd_premium_idr": [0.0, 2e7],
                          "expected_claims_idr": [0.0, 1e6]})
    legend = [t.get_text() for t in charts.budget_coverage(curve, 50, lang, months=1, budget=1.5e7)
              .axes[0].get_legend().get_texts()]
    assert said in legend and budget in legend, legend  # the months from the start; whose budget and for how long
    alt = chart_descriptions.budget_coverage(curve, 50, lang, months=1)
    assert {"en": "the expected claims of 1 month,", "id": "perkiraan klaim 1 bulan,"}[code] in alt, alt
    assert "12" in chart_descriptions.budget_coverage(curve, 50, lang)  # 12 months unless told


@pytest.mark.parametrize("code, heading", [("id", "Peserta (rata-rata)"), ("en", "Members (average)")])
def test_the_results_table_says_its_members_are_an_average(madiun, code, heading):
    """The members column gives each year's average in force, and the total row ("2025–2027 (total)") the average
    over the years, not their sum: headed "Peserta" beside "(total)" it read as a total (review of the
    pekalongan-2023-expansion and jambi-2025-pipeline reports). The heading says average."""
    lang, summary = Language(code), madiun.summary
    table = _periods_table(results_section(lang, summary, madiun.extra, madiun.scenario))
    assert table.header[1] == heading
    years = [p for p in summary["periods"] if p["period"] != "total"]
    total = summary["periods"][-1]
    assert len(years) >= 2 and min(p["members"] for p in years) <= total["members"] <= max(p["members"] for p in years)


# --- the risk table's Monte Carlo precision -------------------------------------------------------------------------


def _risk_table(page: str) -> str:
    """The risk table of a report.html as a reader sees it: its rows and its note, tags dropped."""
    table = re.search(r'data-table="risk">.*?</table>(?:<p class="note">.*?</p>)?', page, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", table[0])).split())


def test_the_risk_table_shows_the_precision_of_each_var_and_tvar(tmp_path):
    """An actuary's review of madiun-2025: Table 3 gave VaR and TVaR at 99.5 % with no Monte Carlo precision,
    though summary.json holds it. At 2,000 trials the table (HTML and PDF) shows VaR's 95 % interval and each
    TVaR's standard error as summary.json has them, and its note says they measure only the simulations' own error."""
    report = build(load_scenario("madiun-2025", ["scenario.trials=2000"]), "en", tmp_path)
    risk, lang = json.loads((report.folder / "summary.json").read_text())["periods"][0]["risk"], report.lang
    assert None not in (risk["claims_var_ci95_idr"], risk["claims_tvar_se_idr"], risk["shortfall_tvar_se_idr"])
    low, high = (lang.money(x) for x in risk["claims_var_ci95_idr"])
    assert low.endswith(" bn") and high.endswith(" bn")  # one scale word for both ends: "Rp8.76–9.25 bn"
    row = " ".join(["Simulation precision", f"{low.removesuffix(' bn')}–{high.removeprefix('Rp')}",
                    f"SE {lang.money_se(risk['claims_tvar_se_idr'])}",
                    f"SE {lang.money_se(risk['shortfall_mean_se_idr'])}",
                    f"SE {lang.money_se(risk['shortfall_tvar_se_idr'])}"])
    assert "–" in row and row.count(" SE Rp") == 3
    table = _risk_table((report.folder / "report.html").read_text(encoding="utf-8"))
    assert row in table, table
    assert "only the uncertainty from a finite number of simulations" in table
    assert "not the uncertainty of the parameters or of the model" in table
    assert "under the mean of the claims above premium, that mean's SE" in table
    assert "no standard error computed" not in table
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(report.folder / "report.pdf").pages).split())
    assert row in pdf


def test_the_risk_tables_precision_says_in_words_where_the_trials_are_too_few(madiun):
    """At 300 trials summary.json has no VaR interval (under 736 trials) and no TVaR standard error (under 2,000):
    the precision row says "simulasi terlalu sedikit" in their cells, not a blank or a "-", and the note says why
    and how many trials each needs."""
    risk = madiun.summary["periods"][0]["risk"]
    assert [risk[k] for k in ("claims_var_ci95_idr", "claims_tvar_se_idr", "shortfall_tvar_se_idr")] == [None] * 3
    table = _risk_table((madiun.folder / "report.html").read_text(encoding="utf-8"))
    # The mean's standard error needs no tail: it is there at 300 trials, named as one ("galat baku Rp...").
    mean_se = f"galat baku {madiun.lang.money_se(risk['shortfall_mean_se_idr'])}"
    assert risk["shortfall_mean_se_idr"] > 0
    assert (f"Presisi simulasi simulasi terlalu sedikit simulasi terlalu sedikit {mean_se} simulasi terlalu sedikit"
            in table), table
    assert "di kolom rata-rata selisih klaim di atas iuran, galat baku rata-rata itu" in table
    assert "tidak dihitung" not in table
    assert "(perlu sedikitnya 736 simulasi)" in table and "(perlu sedikitnya 2.000 simulasi)" in table
