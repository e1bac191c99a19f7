"""Findings of a review of madiun-2025, madiun-2026-ucj and madiun-2026-ucj-csr, held: a tiny share is never shown in
scientific notation; the UCJ target is a percentage wherever the report shows it; no line crosses a target's number
on the members chart; the summary's ratio change is said in sentences of their own; the charts name a closed-form
figure beside a simulated one; the members chart's alt text names what its line draws."""

from __future__ import annotations

import re

import numpy as np
import pytest

from sim import chart_descriptions, charts
from sim.i18n import Language
from sim.report_planning import planning_figures
from sim import report_sections
from sim.report_sections import _mean_check, _readable_swings, _register_row
from sim.scenario import load_scenario
from sim.report_text import PARAMETERS

UCJ_TARGET = {"key": "ucj.target_share", "value": 0.7, "unit": "share", "basis": "assumption", "range": [0.5349, 1.0],
              "source": "assumption", "source_id": "asumsi"}


# --- a tiny share ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code, tiny", [("id", "< 0,01%"), ("en", "< 0.01%")])
def test_the_exact_means_relative_difference_is_not_in_scientific_notation(code, tiny):
    """madiun-2025's validation table read "selisih relatif eksak terhadap perhitungan langsung 6,5e-12"."""
    lang = Language(code)
    summary = {"periods": [{"period": "2025", "claims_idr": {"se_reason": None}}], "trials": 2000}
    text = _mean_check(lang, summary, {"first_period_mean_z": 1.25}, {"mean_rel_error": 6.5e-12})
    assert text.endswith(tiny) and "e-" not in text


def test_a_tiny_share_reads_as_a_percentage_in_both_languages():
    id_, en = Language("id"), Language("en")
    assert (id_.figure("tiny", 1.5e-9), en.figure("tiny", 1.5e-9)) == ("< 0,01%", "< 0.01%")
    assert (id_.tiny(0.0), id_.tiny(0.0035), id_.tiny(0.125), en.tiny(0.0035)) == ("0%", "0,35%", "12,5%", "0.35%")
    assert id_.tiny(None) == "-"


# --- the UCJ target as a percentage ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_ucj_target_is_a_percentage_in_the_register_the_table_and_the_tornado(code):
    """The planning summary said "target 70,0%"; the register, the sensitivity table and the tornado "0,7" and
    "[0,535 – 1]"."""
    lang = Language(code)
    key, value, unit, _basis, rng, _source = _register_row(lang, {"assumptions": [UCJ_TARGET]}, 0, UCJ_TARGET)
    assert unit == Language(code).unit("share")  # what the percentage is of
    percent = lambda x: lang.percent(x, 1)  # noqa: E731
    assert (key, lang.figure(value.kind, value.value)) == ("ucj.target_share", percent(0.7))
    assert rng == f"{percent(0.5349)} – {percent(1.0)}"
    row = {"parameter": "ucj.target_share", "unit": "share", "low": 0.5349, "high": 1.0}
    assert report_sections.sensitivity_kind(row) == "percent1"
    (bar,) = _readable_swings([row], lang, {})
    assert bar["shown"] == (percent(0.5349), percent(1.0))
    assert charts._range(0.5349, 1.0, lang, bar["shown"]) == f"[{percent(0.5349)} – {percent(1.0)}]".replace(
        " ", "\u00a0")


@pytest.mark.parametrize("code", ["id", "en"])
@pytest.mark.parametrize("key, high", [("assumptions.wage_growth", 0.065),
                                       ("assumptions.severity.medical_cost_trend", 0.1)])
def test_a_yearly_rise_is_a_percentage_in_the_register_and_the_sensitivity_table(code, key, high):
    """madiun-2025's register and sensitivity table gave the PU wage rise as "0 – 0,065" beside its source's "naik
    3,8% pada 2024 dan 6,5% pada 2025", and the care cost rise as "0,1"."""
    lang = Language(code)
    row = {"key": key, "value": 0.0, "unit": "share per year", "basis": "assumption", "range": [0.0, high],
           "source": "assumption", "source_id": "asumsi"}
    percent = lambda x: lang.percent(x, 1)  # noqa: E731
    _, value, unit, _basis, rng, _source = _register_row(lang, {"assumptions": [row]}, 0, row)
    assert lang.figure(value.kind, value.value) == percent(0.0) and rng == f"{percent(0.0)} – {percent(high)}"
    assert unit == {"id": "per tahun", "en": "per year"}[code]  # not "proporsi per tahun" beside "6,5%"
    assert report_sections.sensitivity_kind({"parameter": key, "unit": "share per year"}) == "percent1"


# Shares and rates the scenario states (the enrolment pipeline's rejections, members moving away or leaving the
# DTKS, a segment's men, the severity mix, the UCJ gap's split, a yearly growth): the register and the tables read
# "0,02 – 0,3" beside the UCJ target's "70,0%"; as percentages with the digits the scenario gives.
SHARES = [("pipeline.kelurahan.rejection_rate", "share", 0.1, [0.02, 0.3], ("10%", "2%", "30%")),
          ("membership.moving_away_rate", "share per year", 0.03, [0.01, 0.06], ("3%", "1%", "6%")),
          ("membership.vulnerable.dtks_removal_rate", "share per year", 0.03, [0.0, 0.1], ("3%", "0%", "10%")),
          ("expansion.informal.growth_rate", "share per year", 0.05, [0.0, 0.1], ("5%", "0%", "10%")),
          ("expansion.informal.ucj_allocation", "share of UCJ gap", 0.4, [0.1, 0.7], ("40%", "10%", "70%")),
          ("segments.batik.male_share", "share", 0.5, [0.3, 0.7], ("50%", "30%", "70%")),
          ("assumptions.severity.share_total", "share of JKK cases", 0.007, [0.002, 0.02], ("0,7%", "0,2%", "2%")),
          ("funding.csr.companies.probability", "share", 0.7, [0.4, 0.9], ("70%", "40%", "90%"))]


@pytest.mark.parametrize("key, unit, value, rng, shown", SHARES)
def test_a_stated_share_is_a_percentage_in_the_register_the_tables_and_the_tornado(key, unit, value, rng, shown):
    lang = Language("id")
    row = {"key": key, "value": value, "unit": unit, "basis": "assumption", "range": rng, "source": "assumption",
           "source_id": "asumsi"}
    _, cell, unit_shown, _basis, rng_text, _source = _register_row(lang, {"assumptions": [row]}, 0, row)
    assert (lang.figure(cell.kind, cell.value), rng_text) == (shown[0], f"{shown[1]} – {shown[2]}")
    # A rate's unit without "proporsi" beside its percentage; a share's says what it is a share of.
    assert unit_shown == lang.unit("per year" if unit == "share per year" else unit)
    bar = {"parameter": key, "unit": unit, "low": rng[0], "high": rng[1]}
    assert _readable_swings([bar], lang, {})[0]["shown"] == shown[1:]  # the tornado's labels and the table's ends
    assert report_sections.parameter_figure(lang, key, value, False) == shown[0]  # the differences tables
    en = Language("en")
    assert report_sections.parameter_figure(en, key, value, False) == shown[0].replace(",", ".")


def test_many_segments_shares_read_as_percentages_in_the_registers_grouped_row():
    """national-2025's register groups its segments' men as "0,6 – 0,6" beside its percentages, and showed their
    tenure as "[[2, 0.1], [12, 0.39], ...]", English marks in an Indonesian report."""
    s = load_scenario("national-2025")
    extra = {"assumptions": report_sections.register_rows(s.resolved), "rules": {"date": "2025-01-01", "rows": [],
             "changes": []}}
    section = report_sections.register_section(Language("id"), s, extra)
    table = next(b for b in section.blocks if getattr(b, "name", "") == "assumptions")
    (row,) = [r for r in table.rows if r[0].endswith("(segments.*.male_share)")]
    assert row[1] == "60% – 60%"
    (tenure,) = [r for r in table.rows if r[0].endswith("(segments.*.tenure)")]
    assert tenure[1] == "2 bulan: 10%, 12 bulan: 39%, 30 bulan: 14%, 54 bulan: 37%"


def test_many_segments_that_state_different_lists_say_so_in_the_registers_grouped_row():
    """The grouped row showed the first segment's tenure alone, as if every segment had it: with one segment's
    tenure changed it says how many different ones there are, and gives the first as an example."""
    s = load_scenario("national-2025")
    rows = report_sections.register_rows(s.resolved)
    (changed,) = [r for r in rows if r["key"].endswith(".tenure")][-1:]
    changed["value"] = [[6, 0.5], [30, 0.5]]
    extra = {"assumptions": rows, "rules": {"date": "2025-01-01", "rows": [], "changes": []}}
    for code, text in (("id", "2 nilai berbeda, antara lain 2 bulan: 10%"),
                       ("en", "2 different values, e.g. 2 months: 10%")):
        section = report_sections.register_section(Language(code), s, extra)
        table = next(b for b in section.blocks if getattr(b, "name", "") == "assumptions")
        (tenure,) = [r for r in table.rows if r[0].endswith("(segments.*.tenure)")]
        assert tenure[1].startswith(text)


# Lists of shares the scenario states (a tenure, the reporting delay, the disability degrees, the children's reach):
# the register and the differences tables read "[[6; 0,26]; [30; 0,74]]" beside the single shares' "26%"; each share
# as a percentage with the file's digits, each entry saying what it is a share of. report.json keeps the fractions.
SHARE_LISTS = [
    ("segments.vulnerable.tenure", [[6, 0.26], [30, 0.74]], "6 bulan: 26%, 30 bulan: 74%",
     "6 months: 26%, 30 months: 74%"),
    ("segments.vulnerable.tenure", [[0, 0.703368], [1, 0.296632]], "0 bulan: 70,3368%, 1 bulan: 29,6632%",
     "0 months: 70.3368%, 1 month: 29.6632%"),
    ("claim_timing.reporting_delay", [[0, 0.5], [1, 0.25], [2, 0.1], [3, 0.08], [6, 0.05], [12, 0.02]],
     "0 bulan: 50%, 1 bulan: 25%, 2 bulan: 10%, 3 bulan: 8%, 6 bulan: 5%, 12 bulan: 2%",
     "0 months: 50%, 1 month: 25%, 2 months: 10%, 3 months: 8%, 6 months: 5%, 12 months: 2%"),
    ("assumptions.severity.partial_degrees", [[0.05, 0.35], [0.7, 0.65]], "5%: 35%, 70%: 65%", "5%: 35%, 70%: 65%"),
    ("assumptions.children.reach_shares", [1.0, 0.9, 0.8, 0.305], "100%, 90%, 80%, 30,5%", "100%, 90%, 80%, 30.5%"),
    ("assumptions.children.count_shares", [0.45, 0.3, 0.25], "45%, 30%, 25%", "45%, 30%, 25%"),
    ("segments.batik.age_bands", [[18, 29, 0.2], [30, 69, 0.8]], "18–29: 20%, 30–69: 80%", "18–29: 20%, 30–69: 80%"),
    ("assumptions.children.by_member_age", [[15, 0.82, 0.13, 0.05, 0, 5]], "[[15; 82%; 13%; 5%; 0; 5]]",
     "[[15, 82%, 13%, 5%, 0, 5]]"),
]


@pytest.mark.parametrize("key, value, id_text, en_text", SHARE_LISTS)
def test_a_list_of_shares_reads_as_percentages_in_the_register_and_the_differences(key, value, id_text, en_text):
    row = {"key": key, "value": value, "unit": "share", "basis": "assumption", "range": None, "source": "assumption",
           "source_id": "asumsi"}
    for lang, text in ((Language("id"), id_text), (Language("en"), en_text)):
        assert _register_row(lang, {"assumptions": [row]}, 0, row)[1] == text
        assert report_sections.difference_cell(lang, key, value, row, {}) == text
    assert row["value"] == value  # the register's record keeps the fractions


@pytest.mark.parametrize("key, value, id_text, en_text", [
    ("uncertainty.intensity_draws", [[0.9418, 1.5593], [0.9777, 0.8892]], "[[0,9418; 1,5593]; [0,9777; 0,8892]]",
     "[[0.9418, 1.5593], [0.9777, 0.8892]]"),
    ("expansion.batik.targets", [[2024, 300], [2025, 500]], "[[2024; 300]; [2025; 500]]",
     "[[2024, 300], [2025, 500]]"),
    ("funding.apbd_budget", [[2023, 201600000]], "[[2023; 201.600.000]]", "[[2023, 201,600,000]]")])
def test_a_list_that_is_not_of_shares_keeps_its_form(key, value, id_text, en_text):
    """Multipliers, head counts and amounts are no shares: their lists read as before, no "%" in them."""
    for lang, text in ((Language("id"), id_text), (Language("en"), en_text)):
        assert report_sections.share_list_text(lang, key, value) is None
        assert report_sections.difference_cell(lang, key, value, {}, {}) == text


def test_a_long_list_of_shares_is_cut_after_a_whole_entry():
    """The register cuts a long list at 120 characters, notebook 04 at 60: after a whole "3 bulan: 8%", not inside
    one, and the register says how many entries the list has."""
    from sim import report

    delay = SHARE_LISTS[2][1]
    assert report_sections.share_list_text(Language("id"), "claim_timing.reporting_delay", delay, 40) == (
        "0 bulan: 50%, 1 bulan: 25%, … (6)")
    frame = report.differences_table([load_scenario(s) for s in ("pekalongan-2023", "pekalongan-2023-expansion")])
    assert frame.loc[PARAMETERS["reporting_delay"]["id"]].tolist() == [
        "-", "0 bulan: 50%, 1 bulan: 25%, 2 bulan: 10%, 3 bulan: 8%…"]


def test_a_register_of_madiun_2025_shows_its_tenures_as_percentages():
    """The register as the report renders it: madiun-2025's vulnerable workers' tenure and the children's reach."""
    s = load_scenario("madiun-2025")
    extra = {"assumptions": report_sections.register_rows(s.resolved), "rules": {"date": "2025-01-01", "rows": [],
             "changes": []}}
    for code, tenure, reach in (("id", "2 bulan: 10%, 12 bulan: 39%, 30 bulan: 14%, 54 bulan: 37%",
                                 "100%, 90%, 80%, 30%"),
                                ("en", "2 months: 10%, 12 months: 39%, 30 months: 14%, 54 months: 37%",
                                 "100%, 90%, 80%, 30%")):
        section = report_sections.register_section(Language(code), s, extra)
        table = next(b for b in section.blocks if getattr(b, "name", "") == "assumptions")
        cells = {r[0].rpartition("(")[2].rstrip(")"): r[1] for r in table.rows}
        assert (cells["segments.vulnerable.tenure"], cells["assumptions.children.reach_shares"]) == (tenure, reach)


# --- no line through a target's number ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ucj_planning():
    return planning_figures(load_scenario("madiun-2026-ucj"))


def test_no_line_crosses_a_targets_number_on_the_members_chart(ucj_planning):
    """madiun-2026-ucj's 2026 target, 20,656 above its diamond, was struck through by the dashed line of the
    members the 2026 budget pays for (22,605). Measured as drawn: no visible number's box meets a line's path."""
    fig = charts.plan_members(ucj_planning["months"], ucj_planning["years"], Language("id"))
    ax = fig.axes[0]
    fig.draw_without_rendering()
    notes = [t for t in ax.texts if t.get_visible()]
    assert len(notes) == len(ucj_planning["years"])  # every target's number still shows
    paths = charts.drawn_lines(ax)
    assert len(paths) >= 3  # the members, the APBD-paid members and the budget's lines are measured
    crossed = [n.get_text() for n in notes
               if any(p.intersects_bbox(n.get_window_extent(), filled=False) for p in paths)]
    assert not crossed


# --- the ratio change in sentences of their own ---------------------------------------------------------------------

LONGEST_SENTENCE = 80  # words


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_ratio_change_is_said_in_sentences_of_a_readable_length(code):
    """madiun-2025's summary said every factor of the ratio's change in one sentence of about 200 words, its parts
    joined by "; ". Each factor is a sentence of its own now; the paragraph still names each factor and its points."""
    from sim.forecast import forecast
    from sim.ratio_change import ratio_change
    from sim.report_document import fill
    from sim.report_trend import trend_blocks

    lang = Language(code)
    scenario = load_scenario("madiun-2025", ["scenario.trials=200"])
    summary = forecast(scenario, exact_check=False)
    extra = {"ratio_change": ratio_change(summary), "planning": None,
             "budget_year": {"bpu_early_death_months": 3, "bpu_early_death_benefit_idr": 10_000_000,
                             "scholarship_min_membership_months": 36}}
    (para,) = trend_blocks(lang, scenario, summary, extra)
    text = fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})
    sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", text)
    assert max(len(s.split()) for s in sentences) <= LONGEST_SENTENCE, max(sentences, key=len)
    shown = [p for p in extra["ratio_change"]["parts"] if lang.points(p["change"]) != "0"]
    assert len(shown) >= 4
    for p in shown:  # every factor's points, each closing the figures of a sentence's factor
        assert f"({lang.points(p['change'])} " in text
    death = {"id": "Kematian per 1.000 peserta dari", "en": "Deaths per 1,000 members from"}[code]
    assert any(s.startswith(death) for s in sentences)


# --- a closed-form figure beside a simulated one --------------------------------------------------------------------


def _fan_rows() -> list[dict]:
    rows = []
    for k, year in enumerate(("2025", "2026")):
        row = {"period": year, "premium_idr": 3.04e9}
        for what, scale in (("claims", 6.77e9 + 4e8 * k), ("claim_ratio", 2.23 + 0.16 * k)):
            row.update({f"{what}_{q}": scale * f for q, f in
                        (("p5", 0.81), ("p25", 0.92), ("p50", 0.995), ("p75", 1.08), ("p95", 1.19), ("mean", 1.0))})
        rows.append(row)
    return rows


# madiun-2025's record: Jan-Nov 2025, 206 % as reported, 223 % on the same months' premiums; the model's 222 % for
# those months is the direct calculation's, beside the simulated 2025 mean of 223 %.
RECORDED = {"period": "2025", "label": "Januari–November 2025", "months": 11, "claims_idr": 6.20e9,
            "claim_ratio": 2.06, "premium_months": 12, "claim_ratio_same_months": 2.23,
            "model": {"amount_expected_idr": 6.19e9, "amount_p5_idr": 5.0e9, "amount_p95_idr": 7.42e9,
                      "claim_ratio_expected": 2.22, "claim_ratio_p5": 1.80, "claim_ratio_p95": 2.66}}


@pytest.mark.parametrize("code, direct, simulated", [("id", "perhitungan langsung", "rata-rata simulasi"),
                                                     ("en", "direct calculation", "simulation mean")])
def test_the_charts_say_which_figure_is_simulated_and_which_is_the_direct_calculation(code, direct, simulated):
    """madiun-2025's fan chart drew the recorded 223 % beside a model circle labelled "rasio 222%" and a mean cross
    of 223 %; its histogram drew the recorded 223 % on an unlabelled mean line. The model's figure is named the
    direct calculation's, the mean the simulation's, with its value on the histogram."""
    lang = Language(code)
    fan = charts.fan(_fan_rows(), lang, [RECORDED])
    labels = [text.get_text() for legend in fan.legends for text in legend.get_texts()]
    model = [t for t in labels if t.startswith("model ")]
    assert len(model) == 2 and all(direct in t for t in model), model
    assert any(lang.percent(2.22) in t for t in model)
    assert simulated in labels
    ratios = np.random.default_rng(3).normal(2.23, 0.26, 2000)
    ax = charts.claim_ratio_distribution(ratios, "2025", lang, [RECORDED]).axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"{simulated}: {lang.percent(float(np.mean(ratios)))}" in labels
    alt = chart_descriptions.fan(_fan_rows(), lang, [RECORDED])
    assert direct in alt


# --- the members chart's alt text names what its line draws ---------------------------------------------------------


@pytest.mark.parametrize("code, during, close", [
    ("id", "peserta yang aktif dalam setiap bulan", "dihitung pada penutupan bulan Desember"),
    ("en", "members in force during each month", "counted at December's close")])
def test_the_members_alt_text_names_the_members_in_force_during_a_month_not_the_year_end_count(
        code, during, close, ucj_planning):
    """madiun-2026-ucj: the alt text gave "23.219 pada Desember 2030" where the summary and the table give 23.130
    members at the end of 2030, read as one count. The line draws the members in force during each month; the alt
    text and the legend say so, and that the year-end count is taken at December's close."""
    lang = Language(code)
    months, years = ucj_planning["months"], ucj_planning["years"]
    alt = chart_descriptions.plan_members(months, years, lang)
    assert during in alt and close in alt
    assert lang.count(months[-1]["members"]) in alt  # the line's own December point, as drawn
    assert round(years[-1]["members_year_end"]) != round(months[-1]["members"])  # the two counts do differ here
    ax = charts.plan_members(months, years, lang).axes[0]
    (line,) = [ln for ln in ax.lines if list(ln.get_ydata()) == [m["members"] for m in months]]
    assert line.get_label() == lang("chart_members_month") and during.split()[-1] in line.get_label()


# --- the basis column is not read as the base value -----------------------------------------------------------------


def test_the_basis_column_is_not_named_as_the_base():
    """madiun-2025's sensitivity table headed its columns "Parameter | Dasar | Nilai" under a paragraph giving the
    "Nilai dasar", and its differences table says "Skenario dasar": "Dasar" read as the base value, not as whether a
    value is an assumption, a rule or a calibration. The column and the register's legend of it say "Jenis nilai"."""
    lang = Language("id")
    assert lang("sens_base").startswith("Nilai dasar")
    assert "dasar" not in lang("col_basis").lower() and lang("basis_legend", items="").startswith(
        f"Kolom {lang('col_basis')}:")


# --- a unit in the names of the sensitivity table's rows ------------------------------------------------------------


@pytest.mark.parametrize("code, years", [("id", "(tahun)"), ("en", "(years)")])
def test_an_age_in_years_says_so_in_its_name(code, years):
    """madiun-2025's sensitivity table, which has no unit column, read "Usia mulai sekolah | 5 | 4 | 7"."""
    lang = Language(code)
    assert lang.parameter("assumptions.children.school_start_age").endswith(years)
    assert lang.parameter("assumptions.children.age_max").endswith(years)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_tornados_labels_carry_the_units_of_the_sensitivity_table(code):
    """The tornado labelled its bars with the bare parameter name: "Pengali tabel mortalitas [1 – 5]" without its
    "×", "Frekuensi kecelakaan kerja [2,2 – 6]" without "per 1.000 peserta-tahun", while the table beside it gave
    both (report_sections.sensitivity_label)."""
    lang = Language(code)
    rows = [{"parameter": "assumptions.mortality_load", "unit": "x mortality table", "low": 1.0, "high": 5.0},
            {"parameter": "segments.vulnerable.accident_rate", "unit": "per 1000 member-years", "low": 2.2,
             "high": 6.0}]
    labels = {"vulnerable": "Buruh batik (BPU)"}
    bars = _readable_swings(rows, lang, labels)
    assert [b["parameter"] for b in bars] == [report_sections.sensitivity_label(lang, r, labels) for r in rows]
    assert bars[0]["parameter"] == f"{PARAMETERS['mortality_load'][code]} (×)"
    assert bars[1]["parameter"].startswith(
        f"{PARAMETERS['accident_rate'][code]} ({lang.unit('per 1000 member-years')}) – ")


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_tornados_caption_says_what_orders_the_bars(code):
    """A reader took the widest bar for the assumption that matters most to the budget; the bars are ordered by the
    spread of the first year's expected claims (sim.sensitivity.tornado), so a stage's capacity, which moves the
    members and the budget, ranks low. The caption says so."""
    caption = Language(code)("caption_tornado")
    said = {"id": ["diurutkan menurut selisih perkiraan klaim tahun pertama", "anggaran atau jumlah peserta",
                   "berada di urutan bawah"],
            "en": ["ordered by how far the first year's expected claims move", "the budget or the number of members",
                   "ranks low"]}[code]
    assert all(words in caption for words in said)
