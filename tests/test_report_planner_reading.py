"""What a city budget reviewer asks of a planning report without CSR pledges (pekalongan-2023-expansion: APBD only,
a budget below the quota path's need from 2024): how sure the APBD needed is, where the chart shows it beside the
budget, and what the programme abbreviations stand for."""

from __future__ import annotations

import pytest

from sim import chart_descriptions, charts
from sim.i18n import Language
from sim.report import build
from sim.scenario import load_scenario
from test_report import check_figures
from test_report_planning import one_commit, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders); pyflakes ignores noqa
PEKALONGAN = "pekalongan-2023-expansion"
TRIALS = 300


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    scenario = load_scenario(PEKALONGAN, [f"scenario.trials={TRIALS}"])
    root = tmp_path_factory.mktemp("reports")
    return {code: build(scenario, code, root / code) for code in ("id", "en")}


@pytest.mark.parametrize("code, says", [
    ("id", "Angka ini sama di setiap simulasi: jumlah peserta diproyeksikan satu kali dan dipakai oleh semua "
           "simulasi, dan tidak ada komitmen CSR"),
    ("en", "This figure is the same in every simulation: the members are projected once and used by every "
           "simulation, and no CSR pledge")])
def test_the_apbd_needed_without_pledges_says_how_sure_it_is(reports, code, says):
    """With pledges the summary says the APBD needed suffices "with a probability of at least 90 %"; without them it
    said nothing of its certainty, the planner's second question. It says the figure has no simulation range and
    that its uncertainty lies in the membership projection's assumptions, which the claims' sensitivity omits."""
    report = reports[code]
    assert report.extra["planning"]["budget_needed"]["pledges"] == 0
    check_figures(report.folder)
    text = section_text(report.folder, "summary")
    assert says in text
    assert {"id": "alur pendaftaran dan peserta keluar", "en": "enrolment and members leaving"}[code] in text
    assert {"id": "cukup dengan peluang", "en": "suffices with a probability"}[code] not in text


def test_the_premium_chart_draws_the_apbd_needed_beside_the_budget(reports):
    """The chart drew the budget and, as diamonds, a year of each year-end target at the next year's rates: its 2024
    diamond (Rp292 m) over the Rp250 m budget read as the 2024 shortfall, where the APBD needed, the figure the
    summary says to budget, is Rp263 m (Rp12.7 m short). The needs are drawn too, and the caption and alt text
    name them, each with its year."""
    report, lang = reports["id"], Language("id")
    plan = report.extra["planning"]
    years = plan["years"]
    needed = [y["apbd_needed_idr"] for y in years]
    assert round(needed[1] / 1e6, 1) == 262.7 and round(years[1]["target_premium_idr"] / 1e6, 1) == 292.3
    ax = charts.plan_premium(years, plan["payers"], lang).axes[0]
    circles = [line for line in ax.get_lines() if line.get_label() == lang("chart_apbd_needed")]
    assert len(circles) == 1 and list(circles[0].get_ydata()) == needed
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "APBD yang dibutuhkan tahun itu (iuran saja)" in legend
    alt = chart_descriptions.plan_premium(years, plan["payers"], lang)
    assert "Lingkaran putih pada APBD yang dibutuhkan tahun itu (iuran saja), angka yang dianggarkan: Rp163,4 juta " \
           "(2023), Rp262,7 juta (2024)" in alt
    assert "Lingkaran putih: APBD yang dibutuhkan tahun itu (iuran saja)" in section_text(report.folder, "budget")


def test_years_without_a_need_draw_no_circles():
    """A year without an APBD needed (no [funding] table) gets no circle and no words of one."""
    lang = Language("id")
    years = [{"year": str(2026 + k), "budget_idr": 4e8, "target": None} for k in range(2)]
    payers = [{"year": y["year"], "payer": "APBD", "premium_idr": 3e8} for y in years]
    ax = charts.plan_premium(years, payers, lang).axes[0]
    assert lang("chart_apbd_needed") not in [line.get_label() for line in ax.get_lines()]
    assert "Lingkaran" not in chart_descriptions.plan_premium(years, payers, lang)


@pytest.mark.parametrize("code, expanded", [
    ("id", ["Jaminan Kematian (JKM)", "Jaminan Kecelakaan Kerja (JKK)", "PU adalah kepesertaan penerima upah",
            "BPU bukan penerima upah", "APBD adalah anggaran pendapatan dan belanja daerah"]),
    ("en", ["Jaminan Kematian, JKM", "Jaminan Kecelakaan Kerja, JKK", "PU scheme is for wage earners",
            "BPU for non-wage earners", "anggaran pendapatan dan belanja daerah"])])
def test_the_methodology_spells_out_the_programme_abbreviations(reports, code, expanded):
    """JKK, JKM, BPU and APBD run through the title, summary and tables, but the report never said what they stand
    for (only a chart caption glossed "APBD = anggaran daerah"): an inspector or council member outside the scheme
    read them unexplained. The methodology spells them out."""
    text = section_text(reports[code].folder, "methodology")
    assert all(words in text for words in expanded), [w for w in expanded if w not in text]


@pytest.mark.parametrize("code, says", [
    ("id", "Pada 2026 dan 2027, angka ini sedikit di atas iuran setahun penuh untuk target akhir tahun sebelumnya, "
           "yang dibayar pada tahun itu, karena tempat peserta yang keluar diisi kembali pada bulan yang sama"),
    ("en", "In 2026 and 2027, this figure is slightly above the full year's premium for the previous year-end "
           "target, which is paid in that year, because a member who leaves is replaced in the same month")])
def test_the_apbd_needed_above_the_targets_full_year_says_why(reports, code, says):
    """The APBD needed in 2026 and 2027 (Rp343,3 juta) is above a full year of the 1,700 target members the year
    before (Rp342,7 juta) although the summary says the need has members joining through the year: a place a member
    leaves is refilled in the same month, both paid for that month (sim.expansion). The summary says so, in the
    paragraph with the need, for those years only (2024 and 2025 need more because their targets rise)."""
    years = reports[code].extra["planning"]["years"]
    above = {y["year"]: y["apbd_needed_idr"] / prev["target_premium_idr"] - 1 for prev, y in zip(years, years[1:])}
    assert [y for y, share in above.items() if 0 < share < 0.01] == ["2026", "2027"]
    assert above["2024"] > 0.2 and above["2025"] > 0.1
    text = section_text(reports[code].folder, "summary")
    assert says in text
    need = "APBD yang dibutuhkan untuk mencapai target" if code == "id" else "APBD needed to reach"
    assert text.index(need) < text.index(says)


@pytest.mark.parametrize("code, says", [
    ("id", "Kekurangan anggaran itu terutama menimpa segmen dengan prioritas terakhir, Buruh batik (BPU) (prioritas "
           "3): sebagian besar calon peserta yang menunggu dana berasal dari segmen ini, yaitu 99 dari 120 pada akhir "
           "2024, 160 dari 221 pada akhir 2025, 172 dari 241 pada akhir 2026, dan 183 dari 241 pada akhir 2027."),
    ("en", "The budget's shortfall falls mostly on the lowest-priority segment, Batik workers (buruh batik, BPU) "
           "(priority 3): most of the names waiting for money are of it, 99 of 120 at the end of 2024, 160 of 221 at "
           "the end of 2025, 172 of 241 at the end of 2026 and 183 of 241 at the end of 2027.")])
def test_the_summary_names_the_lowest_priority_segment_the_shortfall_falls_on(reports, code, says):
    """From 2024 the budget cannot pay for every name registered: the summary gave the year's total waiting and the
    higher-priority names among them, leaving the planner to subtract to find that most are batik workers, the
    last in funding.priority, who get no new names at all in 2026 and 2027. It names them, right after saying the
    budget is what holds membership back, every figure traced to report.json."""
    report = reports[code]
    check_figures(report.folder)
    text = section_text(report.folder, "summary")
    assert says in text
    capped = "Yang membatasi adalah anggaran" if code == "id" else "The budget is what holds membership back"
    assert text.index(capped) < text.index(says)


@pytest.mark.parametrize("code, expanded", [
    ("id", ["DBH-CHT adalah dana bagi hasil cukai hasil tembakau",
            "CSR adalah dana tanggung jawab sosial perusahaan (corporate social responsibility)"]),
    ("en", ["DBH-CHT is the city's share of the tobacco excise revenue (dana bagi hasil cukai hasil tembakau)",
            "CSR is companies' corporate social responsibility money"])])
def test_the_methodology_spells_out_dbh_cht_and_csr_where_the_report_uses_them(reports, code, expanded):
    """The budget section's note on the PP 50/2025 discount names DBH-CHT and the summary CSR pledges: the
    methodology spelled out PU, BPU and APBD but not these. Its members paragraph now does, as for APBD."""
    text = section_text(reports[code].folder, "methodology")
    assert all(words in text for words in expanded), [w for w in expanded if w not in text]


def test_an_abbreviation_no_other_section_uses_is_not_spelled_out():
    """spell_out adds a sentence only for an abbreviation the report uses (a word, not part of one)."""
    from sim.report_document import Para, Section, Table
    from sim.report_sections import spell_out
    lang = Language("id")
    method = Section("methodology", "Metodologi", [Para(lang("method_population")), Para("Risiko.")])
    budget = Section("budget", "Anggaran", [Table("t", ("Pembayar",), [("APBD",)], note="Tanpa CSRX.")])
    assert spell_out(lang, [budget, method]) == [budget, method]
    budget = Section("budget", "Anggaran", [Table("t", ("Pembayar",), [("DBH-CHT",)])])
    first = spell_out(lang, [budget, method])[1].blocks[0].text
    assert first == lang("method_population") + " " + lang("method_abbrev_dbh_cht")
