"""The planning report's answer to "how much APBD next year" (madiun-2026-ucj-csr), after a budget planner's review:
the need at 90 % equals the outcome with no CSR pledge honoured and the report says so; it gives sim plan's CSR money
to reach the UCJ target; the tile says how sure and what it leaves out; the need is labelled "APBD (di luar DBH-CHT)"
wherever it is given, with the city's money in all (APBD + DBH-CHT) once; the APBD table says which columns are
expected values and which the 90 % answer; and the Indonesian wording reads naturally. Every figure is traced."""

from __future__ import annotations

import html
import re

import pytest

from sim.budget import DEFAULT_CONFIDENCE, csr_gap
from sim.report import build
from sim.scenario import load_scenario
from test_report import check_figures
from test_report_planning import one_commit, section_figures, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)
CSR = "madiun-2026-ucj-csr"
TRIALS = 300  # the budget answers come from the projection, not the trials


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    scenario = load_scenario(CSR, [f"scenario.trials={TRIALS}"])
    return {code: build(scenario, code, tmp_path_factory.mktemp("reports")) for code in ("id", "en")}


def _table(report, name: str) -> tuple[list, str]:
    page = (report.folder / "report.html").read_text(encoding="utf-8")
    table = re.search(rf'data-table="{name}">(.*?)</table>', page, re.S).group(1)
    heads = [html.unescape(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)]
    after = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[page.index(f'data-table="{name}"'):]))
    return heads, html.unescape(re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", after)))  # as section_text


@pytest.mark.parametrize("code, said, note", [
    ("id", "Pada peluang 90% ini, komitmen CSR tidak mengurangi APBD yang dibutuhkan: angkanya sama dengan baris "
           "“tidak ada yang dipenuhi” pada tabel akibat komitmen CSR yang tidak dipenuhi. Peluang tidak satu pun "
           "komitmen dipenuhi adalah 15,0%; tanpa kemungkinan itu, kombinasi lainnya hanya mencakup peluang 85,0%, kurang dari "
           "90%",
     "Dengan peluang 90%, komitmen CSR tidak mengurangi APBD yang dibutuhkan: kolom itu sama dengan baris"),
    ("en", "At 90% the CSR pledges lower the APBD needed by nothing: it equals the row “none honoured” of the table of "
           "CSR pledges not honoured. The chance that no pledge is honoured is 15.0%; without that case the other "
           "combinations cover only 85.0%, less than 90%",
     "At 90% the CSR pledges lower the APBD needed by nothing: the column equals the row"),
])
def test_the_need_at_90_percent_is_that_of_no_pledge_honoured_and_the_report_says_so(reports, code, said, note):
    report = reports[code]
    plan = report.extra["planning"]
    none = next(o for o in plan["pledge_outcomes"]["outcomes"] if o["failed"] and not o["honoured"])
    assert [y["apbd_needed_idr"] for y in plan["years"]] == [y["apbd_needed_idr"] for y in none["years"]]
    assert plan["budget_needed"]["pledge_relief"] == {"probability_none_honoured": 0.15, "probability_others": 0.85}
    assert said in section_text(report.folder, "summary")
    keys = {f["key"] for f in section_figures(report.folder, "summary")}
    assert "planning.budget_needed.pledge_relief.probability_others" in keys
    assert note in _table(report, "plan_apbd")[1]


@pytest.mark.parametrize("code, said", [
    ("id", "Agar target UCJ 70,0% pada 2030 tercapai, dengan peluang 90%, dibutuhkan dana CSR tambahan di luar dana "
           "dalam skenario untuk iuran segmen “Pekerja informal rentan (BPU)”"),
    ("en", "Reaching the UCJ target of 70.0% by 2030, with probability 90%, takes CSR money beyond the scenario's"),
])
def test_the_csr_money_to_reach_the_ucj_target_is_given_as_sim_plan_gives_it(reports, code, said):
    report = reports[code]
    gap = csr_gap(load_scenario(CSR), DEFAULT_CONFIDENCE)
    shown = report.extra["planning"]["csr_gap_to_ucj"]
    assert [r["csr_idr"] for r in shown["years"]] == [r["csr_idr"] for r in gap["years"]]
    assert [round(r["csr_idr"] / 1e5) for r in shown["years"]] == [0, 0, 449, 6173, 11874]  # Rp44.9 m, 617.3 m, 1.19 bn
    text = section_text(report.folder, "summary")
    assert said in text
    assert ("2028 Rp44,9 juta, 2029 Rp617,3 juta, dan 2030 Rp1,19 miliar" if code == "id"
            else "2028 Rp44.9 m, 2029 Rp617.3 m and 2030 Rp1.19 bn") in text
    heads, table = _table(report, "budget_years")
    assert heads[-1] == report.lang("col_csr_gap_ucj")
    assert ("Rp44,9 juta" if code == "id" else "Rp44.9 m") in table
    keys = {f["key"] for f in section_figures(report.folder, "budget")}
    assert "planning.csr_gap_to_ucj.years.4.csr_idr" in keys


@pytest.mark.parametrize("code, tile, city, need_head, pledge_head", [
    ("id", "APBD (di luar DBH-CHT) yang dibutuhkan 2026, cukup dengan peluang ≥ 90%",
     "Dana kota yang dibutuhkan seluruhnya, APBD ditambah iuran dari DBH-CHT (lihat tabel iuran menurut pembayar): "
     "2026 Rp3,41 miliar", "APBD (di luar DBH-CHT) yang dibutuhkan untuk target",
     "APBD (di luar DBH-CHT) yang dibutuhkan"),
    ("en", "APBD (excluding DBH-CHT) needed 2026, enough with probability ≥ 90%",
     "The city money needed in all, the APBD plus the DBH-CHT premiums (see the table of premiums by payer): 2026 "
     "Rp3.41 bn", "APBD (excluding DBH-CHT) needed for the targets", "APBD (excluding DBH-CHT) needed"),
])
def test_the_need_says_how_sure_and_that_it_leaves_dbh_cht_out_wherever_it_is_given(reports, code, tile, city,
                                                                                   need_head, pledge_head):
    report = reports[code]
    check_figures(report.folder)
    text = section_text(report.folder, "summary")
    assert tile in text and city in text
    years = report.extra["planning"]["years"]
    assert [y["city_needed_idr"] - y["apbd_needed_idr"] for y in years] == pytest.approx([500e6] * 5)  # DBH-CHT
    assert _table(report, "plan_apbd")[0][-2] == need_head
    assert _table(report, "plan_pledges")[0][-1] == pledge_head
    assert ("APBD (di luar DBH-CHT) 2030 yang dibutuhkan menjadi" if code == "id"
            else "of APBD (excluding DBH-CHT) in 2030") in text


@pytest.mark.parametrize("code, note", [
    ("id", "Kolom peserta APBD, iuran dari APBD, sisa anggaran, dan “Cukup untuk” berasal dari proyeksi utama, yang "
           "menghitung setiap komitmen CSR sebesar nilai komitmen × peluang dipenuhi (nilai harapan). Kolom APBD yang "
           "dibutuhkan dan “Anggaran cukup” adalah jawaban dengan peluang 90%, yang juga mencakup kemungkinan komitmen "
           "tidak dipenuhi. Karena itu pada 2028 anggaran masih bersisa dalam proyeksi utama, tetapi tidak cukup"),
    ("en", "So in 2028 the main projection leaves budget over and yet the budget is not sufficient"),
])
def test_the_apbd_table_says_which_columns_are_expected_values_and_which_the_90_percent_answer(reports, code, note):
    assert note in _table(reports[code], "plan_apbd")[1]


def test_the_english_pledge_chance_reads_as_the_indonesian(reports):
    """"Pledge “…” is not honoured with probability 50.0%." read oddly; it now says the chance first, as the
    Indonesian "Peluang komitmen “…” tidak dipenuhi: 50,0%." does."""
    text = section_text(reports["en"].folder, "summary")
    assert "Chance that pledge “Firms, matched 1:1 by the city” is not honoured: 50.0%." in text
    assert "is not honoured with probability" not in text


def test_the_indonesian_wording_reads_naturally(reports):
    text = section_text(reports["id"].folder, "summary")
    assert "Peluang komitmen “Perusahaan, didampingi APBD 1:1” tidak dipenuhi: 50,0%." in text
    assert ("kepesertaan 746 pekerja “Pekerja informal lain di luar DTKS (BPU), didaftarkan untuk UCJ” tidak "
            "diperpanjang karena dana tidak cukup") in text
    assert "Iuran yang dibayar dari APBD dan sisa anggarannya: 2026" in text
    assert "dihitung sebesar nilai komitmen × peluang dipenuhi" in text
    for old in ("tidak dipenuhi dengan peluang", "peserta segmen", "karena dananya tidak cukup",
                "dari anggaran APBD dan sisanya", "sebesar nilai dikali peluang"):
        assert old not in text


@pytest.mark.parametrize("code, said", [
    ("id", ["Lingkaran putih: APBD (di luar DBH-CHT) yang dibutuhkan tahun itu (iuran saja)",
            "Dua kolom terakhir: APBD (di luar DBH-CHT) yang dibutuhkan untuk mencapai target akhir tahun",
            "Kolom terakhir: APBD (di luar DBH-CHT) yang dibutuhkan agar rencana kepesertaan tetap berjalan"]),
    ("en", ["White circles: the APBD (excluding DBH-CHT) needed in the year (premiums only)",
            "The last two columns: the APBD (excluding DBH-CHT) needed to reach the year-end targets",
            "The last column: the APBD (excluding DBH-CHT) that combination needs"])])
def test_the_payer_chart_and_the_table_introductions_label_the_need_as_its_columns_do(reports, code, said):
    """The APBD and pledge tables head their need "APBD (di luar DBH-CHT) ..." but the payer chart's caption and the
    introductions that explain those columns said plain "APBD", which the methodology says DBH-CHT is spent
    through: the same amount under two names. They now say it as the columns do."""
    text = section_text(reports[code].folder, "budget")
    assert all(words in text for words in said), [w for w in said if w not in text]


@pytest.mark.parametrize("code, alt", [
    ("id", "Lingkaran putih pada APBD (di luar DBH-CHT) yang dibutuhkan tahun itu (iuran saja)"),
    ("en", "White circles at the APBD (excluding DBH-CHT) needed in the year (premiums only)")])
def test_the_payer_charts_legend_and_alt_text_label_the_need_without_widening_the_legend(reports, code, alt):
    """The payer chart's circles are the need the tables label "APBD (di luar DBH-CHT)": its legend and alt text say
    so too. The legend's label drops "tahun itu" (the caption keeps it) so that it is no wider than the diamonds'
    label, the widest before: the legend, one column under the plot, does not grow."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from sim import chart_descriptions, charts
    from sim.i18n import Language
    lang, plan = Language(code), reports[code].extra["planning"]
    assert alt in chart_descriptions.plan_premium(plan["years"], plan["payers"], lang)
    fig = charts.plan_premium(plan["years"], plan["payers"], lang)
    texts = {t.get_text(): t for t in fig.axes[0].get_legend().get_texts()}
    need, target = texts[lang("chart_apbd_needed_excl_dbh")], texts[lang("chart_target_premium")]
    renderer = FigureCanvasAgg(fig).get_renderer()
    assert need.get_window_extent(renderer).width <= target.get_window_extent(renderer).width
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    assert legend.x0 >= 0 and legend.x1 <= fig.bbox.width  # inside the figure
