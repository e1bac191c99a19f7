"""The layout of the PDF report and its charts: every cell in its own column, no page left nearly empty, legends
beside the data rather than over it, and chart text legible as printed."""

from __future__ import annotations

import io
from dataclasses import replace
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from sim import report_pdf
from sim.i18n import Language
from sim.report_document import Figure, Para, Section, Table


def _words(data: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of each piece of text the PDF's pages draw, in points from the page's bottom left."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                out.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def _money(key: str, value: float) -> Figure:
    return Figure(value, "money", "report.json", key)


def test_a_placeholder_sits_under_its_own_columns_numbers():
    """A payer without a budget shows "-" for its funds and what is left. Aligned left while the numbers are aligned
    right, that "-" sat just after the premium of the column before ("Rp17,1 juta -"): in a column of numbers a
    placeholder and the heading are aligned right, like the numbers."""
    report = SimpleNamespace(lang=Language("id"))
    block = Table("payers", ("Pembayar", "Iuran", "Dana tersedia", "Sisa"),
                  [("APBD", _money("a", 2.52e9), _money("b", 4.0e9), _money("c", 1.48e9)),
                   ("SERTAKAN", _money("d", 17.1e6), "-", "-")])
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    report_pdf._table(pdf, report, block)
    words = _words(bytes(pdf.output()))
    row = lambda y0: sorted((x, t) for x, y, t in words if abs(y - y0) < 1)  # noqa: E731
    apbd, sertakan = (next(y for x, y, t in words if t == name) for name in ("APBD", "SERTAKAN"))
    numbers, dashes = row(apbd)[1:], row(sertakan)[2:]
    assert [t for _, t in dashes] == ["-", "-"]
    pdf.set_font("DejaVu", "", 7.5)
    points = 72 / 25.4
    for (x_dash, _), (x_number, number) in zip(dashes, numbers[1:]):
        right_of_number = x_number + pdf.get_string_width(number) * points
        right_of_dash = x_dash + pdf.get_string_width("-") * points
        assert right_of_dash == pytest.approx(right_of_number, abs=1.5)  # under the column's numbers, aligned right
    dash_right = dashes[-1][0] + pdf.get_string_width("-") * points
    pdf.set_font("DejaVu", "B", 7.5)
    heading = next(x for x, y, t in words if t == "Sisa")
    assert heading + pdf.get_string_width("Sisa") * points == pytest.approx(dash_right, abs=1.5)


def test_html_puts_a_placeholder_and_the_heading_of_a_column_of_numbers_on_the_right():
    """The HTML report aligns the same columns as the PDF: "-" and the heading of a column of amounts right."""
    from sim import report_html

    report = SimpleNamespace(lang=Language("id"))
    block = Table("payers", ("Pembayar", "Iuran", "Sisa"),
                  [("APBD", _money("a", 2.52e9), _money("c", 1.48e9)), ("SERTAKAN", _money("d", 17.1e6), "-")])
    page = report_html._block(report, block)
    assert ('<th scope="col">Pembayar</th><th scope="col" class="num">Iuran</th>'
            '<th scope="col" class="num">Sisa</th>') in page
    assert '<th scope="row" class="short">SERTAKAN</th>' in page
    assert '<td class="num">-</td>' in page
    assert "td.num, table.data th.num { text-align: right; }" in report_html.CSS


def test_html_table_headings_name_their_columns_for_a_screen_reader():
    """Every heading cell of an HTML table says it heads a column (scope="col"), so that a screen reader reading a
    cell of a wide table (the assumption register) names its column; before, no <th> had a scope."""
    import re

    from sim import report_html

    report = SimpleNamespace(lang=Language("id"))
    block = Table("t", ("Parameter", "Nilai", "Sumber"), [("a", _money("a", 1e6), "teks")])
    page = report_html._block(report, block)
    heads = re.findall(r"<th\b[^>]*>", page.split("</thead>")[0])
    assert len(heads) == 3 and all('scope="col"' in h for h in heads)


def test_html_rows_are_headed_by_their_first_cell_for_a_screen_reader():
    """A row's first cell names it (a year, a parameter, a file), but was a <td> like the rest: a screen reader
    reading a figure further along the row could say its column, not which row it is in. The first cell of each row
    is now a <th scope="row">, styled as a data cell; a column of numbers heads nothing (a group's later rows, whose
    first cell is blank: the next test)."""
    import re

    from sim import report_html

    report = SimpleNamespace(lang=Language("id"))
    block = Table("t", ("Segmen", "Manfaat", "Nilai"), [("Non-ASN", "JKM", _money("a", 1e6)),
                                                         ("BPU", "JKK", _money("b", 2e6))])
    body = report_html._block(report, block).split("<tbody>")[1]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    assert rows[0].startswith('<th scope="row" class="short">Non-ASN</th><td class="short">JKM</td><td class="num">')
    assert rows[1].startswith('<th scope="row" class="short">BPU</th><td class="short">JKK</td>')
    numbers = Table("t", ("Nilai", "Sisa"), [(_money("a", 1e6), _money("b", 2e6))])
    assert "<th" not in report_html._block(report, numbers).split("<tbody>")[1]
    # Shaded rows shade their heading cell too, and it reads as a data cell, not as a column heading.
    css = report_html.CSS
    assert "table.data tr.check > * {" in css and "table.data tbody th { background: none; font-weight: normal; }" \
        in css


def test_html_a_groups_name_heads_its_every_row_for_a_screen_reader():
    """A group's name (a segment of the validation breakdown, a pledge outcome) and a figure of the group's (the
    outcome's probability) are given on its first row only; the first cell of a later row was a blank <td>, so a
    screen reader reading a figure there heard no row header, nor the group. Each group is now a <tbody> (WCAG
    technique H63): its name a <th scope="rowgroup"> and its figure a cell spanning its rows, and the next text cell
    (a benefit, a year) heads each row. The spanning cells take no row's shading: it marks a row, not the group."""
    import re

    from sim import report_html

    report = SimpleNamespace(lang=Language("id"))
    chance = lambda key, value: Figure(value, "chance", "report.json", key)  # noqa: E731
    block = Table("t", ("Hasil", "Peluang", "Tahun", "Nilai"), [
        ("semua dipenuhi", chance("p0", 0.35), "2026", _money("a", 1e6)),
        ("", "", "2027", _money("b", 2e6)),
        ("", "", "2028", _money("c", 3e6)),
        ("tidak ada", chance("p1", 0.15), "2026", _money("d", 4e6))], ["check", "", "check", ""], grouped=(0, 1))
    page = report_html._block(report, block)
    bodies = re.findall(r'<tbody class="group">(.*?)</tbody>', page)
    assert len(bodies) == page.count("<tbody") == 2
    first, *later = re.findall(r"<tr[^>]*>(.*?)</tr>", bodies[0])
    assert first.startswith('<th scope="rowgroup" rowspan="3">semua dipenuhi</th><td rowspan="3" class="num">'
                            '<span class="fig" data-src="report.json" data-key="p0"')
    assert '</td><th scope="row" class="short">2026</th><td class="num">' in first
    assert [row.split('<td class="num">')[0] for row in later] == ['<th scope="row" class="short">2027</th>',
                                                                  '<th scope="row" class="short">2028</th>']
    assert re.findall(r'<tr class="check">', bodies[0]) and bodies[1].startswith(
        '<tr><th scope="rowgroup" class="short">tidak ada</th><td class="num">')  # a group of one row spans nothing
    css = report_html.CSS
    assert css.index("table.data tbody.group [rowspan] { background: none; }") > css.index("tr.check > * {")


def test_html_a_group_that_does_not_lead_its_row_heads_its_rows_after_the_period():
    """The validation breakdown with single-year rows flagged keeps its period column first and gives a segment's
    name (``Table.grouped`` (1,)) on the first of its rows of a period only: its first cell is never blank, and no
    group was made, a later row's figures read with the period alone. Each run of a segment is now a <tbody>: the
    period heads each row, the segment a <th scope="rowgroup"> after it spans the run, the benefit heads each row."""
    import re

    from sim import report_html

    report = SimpleNamespace(lang=Language("en"))
    block = Table("validation", ("Period", "Segment", "Benefit", "Mean"), [
        ("2025–2026", "Staff", "death", _money("a", 1e6)),
        ("2026", "Staff", "care", _money("b", 2e6)),
        ("2026", "", "death", _money("c", 3e6)),
        ("2026", "Workers", "care", _money("d", 4e6))], grouped=(1,))
    page = report_html._block(report, block)
    bodies = [re.findall(r"<tr[^>]*>(.*?)</tr>", body) for body in re.findall(r'<tbody class="group">(.*?)</tbody>',
                                                                           page)]
    assert [len(rows) for rows in bodies] == [1, 2, 1] and page.count("<tbody") == 3
    assert bodies[1][0].startswith('<th scope="row" class="short">2026</th><th scope="rowgroup" rowspan="2" '
                                   'class="short">Staff</th><th scope="row" class="short">care</th><td class="num">')
    assert bodies[1][1].startswith('<th scope="row" class="short">2026</th><th scope="row" class="short">death</th>'
                                   '<td class="num">')


def test_text_columns_stay_aligned_left():
    block = Table("t", ("Sumber", "Nilai", "Catatan"), [("a", _money("a", 1e6), "-"), ("b", "-", "teks")])
    assert block.numeric_columns() == [False, True, False]


def _report(sections: list, charts: dict | None = None, lang: str = "id"):
    """A report with just what the PDF renderer reads: a title page's facts, sections and chart pictures."""
    from sim.report_document import Section

    return SimpleNamespace(
        lang=Language(lang),
        scenario=SimpleNamespace(regions={"id": "Kota Uji", "en": "Kota Uji"}, id="uji",
                                 titles={"id": "Uji", "en": "Test"}),
        manifest={"scenario_id": "uji", "run_hash": "0", "code": {"workbench_version": "0"},
                  "report_date": "2026-01-01", "created": "2026-01-01T09:30:00+07:00"},
        sections=[Section(f"s{k}", title, blocks) for k, (title, blocks) in enumerate(sections)], charts=charts or {},
        alts={name: f"What chart {name} shows." for name in charts or {}})


def _pages(report) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(report_pdf.render_pdf(report))).pages]


def _lines(n: int) -> list:
    from sim.report_document import Para

    return [Para(f"Kalimat nomor {k}.") for k in range(n)]


def test_a_section_that_runs_a_line_over_its_page_does_not_leave_that_line_alone_on_a_page():
    """Each section started a new page: the Indonesian summary ran one sentence over its page, and that sentence
    was all its page held. The next section now follows it on the same page."""
    n = next(n for n in range(30, 80) if len(_pages(_report([("Pertama", _lines(n))]))) == 2)  # one line over
    pages = _pages(_report([("Pertama", _lines(n)), ("Kedua", _lines(5))]))
    assert len(pages) == 2 and f"Kalimat nomor {n - 1}." in pages[1] and "Kedua" in pages[1]


LOCAL_ACRONYMS = ("Perwal", "Dinperinaker")  # Kota Pekalongan's: only pekalongan-2023-expansion.toml names them


@pytest.mark.parametrize("scenario_id",
                         ["jambi-2025", "madiun-2025", "madiun-2026-ucj-csr", "pekalongan-2023-expansion"])
@pytest.mark.parametrize("code", ["id", "en"])
def test_the_methodology_fits_on_a_page(scenario_id, code):
    """The reviewer is promised the methodology in a page: laid out alone, below the report's title lines, it takes
    one PDF page, for a scenario with assumed loads, a calibrated one and a planning scenario (members projected,
    a calibration inherited), in both languages; with every acronym its report may spell out
    (report_sections.spell_out): all six in pekalongan-2023-expansion's, the only scenario file naming a Perwal
    and Dinperinaker; the others DBH-CHT, CSR, UMK and BPJS TK (the budget, the TOML, the sources), the most any of
    them may use."""
    from sim import report_planning
    from sim.population import build_model
    from sim.report_sections import SPELLED_OUT, methodology_section, spell_out
    from sim.scenario import load_scenario

    scenario, lang = load_scenario(scenario_id), Language(code)
    section = methodology_section(lang, scenario)
    if build_model(scenario).projection is not None:  # as the report of a planning scenario swaps paragraphs
        section = report_planning.methodology(lang, section, scenario)
    found = [a for a in SPELLED_OUT if scenario_id == "pekalongan-2023-expansion" or a not in LOCAL_ACRONYMS]
    (spelled,) = spell_out(lang, [replace(section, title=" ".join(found))])  # a title naming those found
    section = replace(spelled, title=section.title)
    assert len(section.blocks) >= 8 and section.blocks[0].text.endswith(Language(code)("abbr_bpjs_tk"))
    assert len(_pages(_report([(section.title, section.blocks)], lang=code))) == 1


def test_a_section_heading_stays_with_its_chart():
    """A chart does not break across pages; a section that starts with one starts a new page unless its heading
    and the whole chart fit, so its heading is never left alone at the foot of a page."""
    from PIL import Image

    from sim.report_document import Chart

    picture = io.BytesIO()
    Image.new("RGB", (1000, 700), "white").save(picture, format="PNG")  # 126 mm high at the text width
    for n in range(0, 40, 4):
        report = _report([("Pertama", _lines(n)), ("Kedua", [Chart("c", "Keterangan.")])], {"c": picture.getvalue()})
        reader = PdfReader(io.BytesIO(report_pdf.render_pdf(report)))
        heading = next(k for k, p in enumerate(reader.pages) if "Kedua" in p.extract_text())
        assert reader.pages[heading].images, n


@pytest.mark.parametrize("opens_section", [False, True], ids=["after-text", "opening-a-section"])
def test_a_chart_caption_of_several_lines_stays_with_its_chart(opens_section):
    """A chart moved to the next page only where its picture and 10 mm did not fit: a caption of three lines or
    more could run onto the next page, away from its chart. The chart now moves where its picture and its
    caption's real height do not fit. Pictures of 70 to 105 mm, about a millimetre apart, below the same text,
    meet every room left at the foot of the page: the caption's last words stand on the chart's page in each, and
    some of the charts (those where 10 mm fitted and the caption did not) moved to the next page."""
    from PIL import Image

    from sim.report_document import Chart

    caption = " ".join(f"Keterangan grafik, kalimat {k}, yang menjelaskan garis dan warnanya." for k in range(9))
    caption += " Kata penutup."
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    assert len(report_pdf._chart_caption(pdf, caption, dry_run=True)) >= 5  # well over the 10 mm once allowed
    moved = 0
    for height in range(389, 584, 6):  # px at 1,000 px wide: 70 to 105 mm at the text width
        picture = io.BytesIO()
        Image.new("RGB", (1000, height), "white").save(picture, format="PNG")
        chart = [Chart("c", caption)]
        sections = [("Pertama", _lines(20)), ("Kedua", chart)] if opens_section else [("Pertama", _lines(20) + chart)]
        reader = PdfReader(io.BytesIO(report_pdf.render_pdf(_report(sections, {"c": picture.getvalue()}))))
        pages = [p.extract_text() for p in reader.pages]
        drawn = next(k for k, p in enumerate(reader.pages) if p.images)
        assert "penutup" in pages[drawn], height
        moved += "Kalimat nomor 19." not in pages[drawn]
    assert moved  # some heights do move the chart: the case is exercised


def test_a_section_follows_the_one_before_and_starts_a_page_only_where_its_heading_and_first_lines_do_not_fit():
    """report_pdf._section, one section of the PDF: a bookmark and its heading, on the page where the section
    before ended as long as the heading and the first lines of its text fit below it (25 mm); else on a new page.
    The report's first section starts under the title, wherever that ends."""
    report = SimpleNamespace(lang=Language("en"))
    text = [Para("A paragraph of the section that runs over several lines. " * 20)]
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    low, lower = (pdf.h - pdf.b_margin - report_pdf.SECTION_HEADING - report_pdf.TEXT_START + d for d in (-5, 5))
    expected = []
    for name, first, y in (("First", True, None), ("Second", False, low), ("Third", False, lower),
                           ("Fourth", True, lower)):
        if y is not None:
            pdf.set_y(y)
        expected.append((name, pdf.page - 1 + (name == "Third")))  # only the third lacks the room
        report_pdf._section(pdf, report, Section(name.lower(), name, text), first=first)
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    assert [(m.title, reader.get_destination_page_number(m)) for m in reader.outline] == expected


def test_a_section_opening_with_a_tables_introduction_keeps_heading_introduction_and_table_together():
    """The Validasi heading and its introduction were left at the foot of a page, their table (kept whole) on the
    next. A section whose first paragraph leads into a table now starts on a new page when the table would move
    there; wherever the section falls, its heading, introduction and first row share a page."""
    from sim.report_document import Para

    rows = [(f"Baris {k}", f"Rp{k},00 miliar") for k in range(6)]
    moved = 0
    for n in range(30, 80):
        for intro in ([Para("Pengantar tabel validasi.")],  # the Validasi section's own shape: two paragraphs
                      [Para("Pengantar tabel validasi."), Para("Total klaim tahun 2025:")]):
            blocks = [*intro, Table("v", ("Ukuran", "Nilai"), rows)]
            pages = _pages(_report([("Pertama", _lines(n)), ("Kedua", blocks)]))
            heading = next(k for k, p in enumerate(pages) if "Kedua" in p)
            assert all(p.text in pages[heading] for p in intro) and "Baris 0" in pages[heading], (n, len(intro))
            moved += heading > 0 and "Kalimat nomor" not in pages[heading]
    assert moved  # some lengths do move the section: the case is exercised


def test_the_pdf_has_a_bookmark_per_section_on_the_page_of_its_heading():
    """The HTML has a table of contents, the PDF had none and no outline: a report of 20-30 pages could only be
    paged through. Each section is now a bookmark that opens the page of its heading, and the reader shows them."""
    reader = PdfReader(io.BytesIO(report_pdf.render_pdf(_report([("Pertama", _lines(70)), ("Kedua", _lines(5))]))))
    heading = next(k for k, p in enumerate(reader.pages) if "Kedua" in p.extract_text())
    marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
    assert heading > 0 and marks == [("Pertama", 0), ("Kedua", heading)]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


# --- charts: legends beside the data, text legible as printed ------------------------------------------------------


def _fan_rows():
    rows = []
    for k, year in enumerate(("2025", "2026", "2027")):
        claims = 3e8 * (1 + 0.5 * k)  # claims rise through the premium, as in a scheme that grows
        rows.append({"period": year, "premium_idr": 4e8,
                     **{f"claims_{q}": claims * f for q, f in (("p5", 0.4), ("p25", 0.8), ("p50", 1.0), ("p75", 1.2),
                                                                ("p95", 1.7), ("mean", 1.05))},
                     **{f"claim_ratio_{q}": claims * f / 4e8 for q, f in (("p5", 0.4), ("p25", 0.8), ("p50", 1.0),
                                                                          ("p75", 1.2), ("p95", 1.7), ("mean", 1.05))}})
    return rows


def _tornado_rows():
    names = ["Jumlah peserta – Pekerja informal lain di luar DTKS (BPU), didaftarkan untuk UCJ",
             "Kapasitas tahap (nama per bulan) – kelurahan", "Pengali tabel mortalitas", "Rata-rata biaya perawatan medis"]
    return [{"parameter": f"{names[k % 4]} {k}", "low": 0.4 if k % 2 else 2e6, "high": 0.8 if k % 2 else 1e7,
             "claims_low_idr": 7e9 - 1e8 * (14 - k), "claims_high_idr": 7e9 + 2e8 * (14 - k)} for k in range(14)]


def _charts(lang: Language) -> dict:
    """Every chart kind, drawn from made-up numbers with the long labels of real scenarios."""
    import numpy as np

    from sim import charts

    months = [{"month": f"{2026 + k // 12}-{k % 12 + 1:02d}", "members": 20000 + 300 * k} for k in range(36)]
    years = [{"year": str(2026 + k), "budget_idr": 4e9, "members_affordable": 22000, "target": 26000 + 3000 * k,
              "target_premium_idr": 4.5e9 + 5e8 * k} for k in range(3)]
    payers = [{"payer": p, "year": y["year"], "premium_idr": v} for y in years
              for p, v in (("APBD", 3e9), ("DBH-CHT", 5e8), ("CSR: Perusahaan, didampingi APBD 1:1", 2.5e8),
                           ("CSR: Perusahaan di Kota Madiun", 4e8), ("SERTAKAN", 1e8))]
    members = np.linspace(0, 25000, 6)
    curve = {"members": members, "annual_premium_idr": members * 174483, "expected_claims_idr": members * 434000}
    grid = np.linspace(0.2, 2.5, 50)
    return {
        "claim_ratio": charts.claim_ratio_distribution(np.random.default_rng(1).normal(2.5, 0.3, 2000), "2025", lang),
        "fan": charts.fan(_fan_rows(), lang),
        "fan_one_year": charts.fan(_fan_rows()[:1], lang),
        "coverage": charts.budget_coverage(curve, 17484, lang, budget=3.05e9, target=20000, affordable=17500),
        "funding": charts.funding([{"payer": "APBD", "segment": s, "annual_premium_idr": v}
                                   for s, v in (("Tenaga non-ASN Pemerintah Kota (PU)", 1.1e9),
                                                ("Pekerja informal rentan (BPU)", 1.9e9))], lang),
        "tornado": charts.tornado(_tornado_rows(), 7e9, "2025", lang),
        "plan_members": charts.plan_members(months, years, lang),
        "plan_premium": charts.plan_premium(years, payers, lang),
        "posterior": charts.posterior({"kematian": (grid, np.exp(-(grid - 1.3) ** 2 * 8)),
                                       "kecelakaan": (grid, np.exp(-(grid - 0.3) ** 2 * 30))}, lang),
    }


@pytest.fixture(scope="module", params=["id", "en"])
def drawn(request):
    """Each chart with its PNG's width in pixels (the PDF prints that width at 180 mm), laid out as in the PNG."""
    from sim import charts

    out = {}
    for name, fig in _charts(Language(request.param)).items():
        width = report_pdf._png_size(charts.png(fig))[0]
        fig.draw_without_rendering()
        out[name] = fig, width
    return out


def test_chart_text_is_legible_as_printed(drawn):
    """The PDF prints each chart 180 mm wide. Tornado labels at 7 pt, on one line as long as 80 characters, made
    its picture wider than the page and printed at about 4.5 pt; every text of every chart prints at 7 pt or more."""
    import matplotlib.text

    from sim import charts

    for name, (fig, width) in drawn.items():
        scale = (report_pdf.WIDTH / 25.4) / (width / charts.DPI)
        for text in fig.findobj(matplotlib.text.Text):
            if text.get_visible() and text.get_text().strip():
                assert text.get_fontsize() * scale >= 7, (name, text.get_text(), text.get_fontsize() * scale)


def test_legends_lie_outside_the_plots(drawn):
    """A legend inside the axes covered data wherever it was put (the premium line of madiun-2026-ucj-csr ran
    through the fan chart's legend; in jambi-2025-pipeline it hid the 2025 band). Every legend lies clear of every
    axes with its ticks and labels, and inside the figure."""
    with_legend = 0
    for name, (fig, _) in drawn.items():
        legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
        with_legend += bool(legends)
        for legend in legends:
            box = legend.get_window_extent()
            assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1, name
            for ax in fig.axes:
                assert not box.overlaps(_plot_box(ax)), name
    assert with_legend == len(drawn) - 1  # all but the funding chart, whose bars are labelled


def _plot_box(ax):
    """The axes with its ticks, labels and title, without its own legend."""
    legend = ax.get_legend()
    if legend:
        legend.set_visible(False)
    box = ax.get_tightbbox()
    if legend:
        legend.set_visible(True)
    return box


def test_tornado_labels_wrap_and_each_has_room(drawn):
    """Long parameter names wrap, so the bars keep most of the width, and each bar is as tall as its label: no two
    labels overlap."""
    fig, _ = drawn["tornado"]
    ax = fig.axes[0]
    assert ax.get_window_extent().width >= 0.45 * fig.bbox.width
    boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
    assert len(boxes) == 12 and any("\n" in t.get_text() for t in ax.get_yticklabels())
    assert not any(a.overlaps(b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_tornado_label_writes_its_range_with_an_en_dash(lang):
    """A bar's label ends with its range. With a hyphen, the age profiles' shift read "[-5 - 5]", a subtraction;
    the range is written with an en dash, as the register's range column writes it ("-5 – 5")."""
    import matplotlib.pyplot as plt

    from sim import charts

    row = {"parameter": "Pergeseran profil usia (tahun)", "low": -5, "high": 5,
           "claims_low_idr": 6.9e9, "claims_high_idr": 7.1e9}
    fig = charts.tornado([row], 7e9, "2025", Language(lang))
    label = fig.axes[0].get_yticklabels()[0].get_text()
    plt.close(fig)
    assert label.endswith("[-5\u00a0–\u00a05]"), label


def _money_axes(fig, lang: Language):
    """(axis, scale) of each money axis of the figure, by its unit label."""
    units = {lang("chart_money_axis"): 1e9, lang("chart_money_axis_m"): 1e6}
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_label().get_text() in units:
                yield axis, units[axis.get_label().get_text()]


def _tick_values(axis, lang: Language) -> list[tuple[float, float]]:
    """(tick position, the number its label shows) for the ticks inside the axis's range."""
    low, high = sorted(axis.get_view_interval())
    out = []
    for tick in axis.get_major_ticks():
        x, text = tick.get_loc(), tick.label1.get_text()
        if low - 1e-9 * abs(high) <= x <= high + 1e-9 * abs(high) and text:
            out.append((x, float(text.replace(".", "").replace(",", ".") if lang.code == "id" else text.replace(",", ""))))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_money_ticks_say_what_they_mark_in_a_unit_that_fits(lang):
    """Claims of Rp0.27 bn read "0,0 0,1 0,2" on a billions axis, and a tornado's narrow Rp6.9-7.1 bn range printed
    the same "7,0" on several ticks. Amounts below Rp1 bn are in millions, and every tick label, read back, is the
    tick's position to the decimals shown: so no two ticks read the same."""
    from sim import charts

    language = Language(lang)
    small = [dict(r, premium_idr=r["premium_idr"] / 3, **{f"claims_{q}": r[f"claims_{q}"] / 3
                                                           for q in ("p5", "p25", "p50", "p75", "p95", "mean")})
             for r in _fan_rows()]
    narrow = [dict(r, claims_low_idr=7e9 - 1e7 * (k + 1), claims_high_idr=7e9 + 1.5e7 * (k + 1))
              for k, r in enumerate(_tornado_rows()[:4])]
    figures = {"fan": charts.fan(small, language), "tornado": charts.tornado(narrow, 7e9, "2025", language)}
    figures.update((name, fig) for name, fig in _charts(language).items() if name not in figures)
    units = {}
    for name, fig in figures.items():
        fig.draw_without_rendering()
        for axis, scale in _money_axes(fig, language):
            top = max(abs(v) for v in axis.get_view_interval())
            assert (scale == 1e6) == (top < 1e9), (name, top, scale)
            ticks = _tick_values(axis, language)
            assert len(ticks) >= 2, name
            text = [t.label1.get_text() for t in axis.get_major_ticks() if t.label1.get_text()]
            decimals = max(len(s.split("," if lang == "id" else ".")[1]) if ("," if lang == "id" else ".") in s else 0
                           for s in text)
            for x, shown in ticks:
                assert shown == pytest.approx(x / scale, abs=0.5 * 10 ** -decimals + 1e-9), (name, x, shown)
            assert len({shown for _, shown in ticks}) == len(ticks), (name, ticks)
            units[name] = scale
    assert units["fan"] == 1e6 and units["tornado"] == 1e9  # both kinds of axis were looked at


def test_a_grouped_table_names_its_group_at_the_top_of_every_page():
    """The validation breakdown gives a segment's name on the first of its rows only (``Table.grouped``); where the
    table breaks across pages, the page's first row repeats the name (a reviewer saw seven rows of a segment on a
    page with no name), and the layout made room for it: every row is drawn on the page it was given."""
    from sim.report_document import continued_rows

    groups = [f"group{g} " + "with a long name " * 3 for g in range(8)]
    rows = [(groups[g] if k == 0 else "", f"row{g}x{k}", _money(f"m{g}{k}", 1e6 * (k + 1)))
            for g in range(8) for k in range(20)]
    block = Table("validation", ("Segment", "Benefit", "Amount"), rows, grouped=(0,))
    assert [r[0] for r in continued_rows(block)] == [groups[g] for g in range(8) for _ in range(20)]
    report = SimpleNamespace(lang=Language("en"))
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    report_pdf._table(pdf, report, block)
    pages = PdfReader(io.BytesIO(bytes(pdf.output()))).pages
    assert len(pages) >= 3
    seen = set()
    for page in pages:
        text = page.extract_text()
        first = next(w for w in text.split() if w.startswith("row"))
        g = int(first[3:first.index("x")])
        assert f"group{g}" in text, (first, text[:200])  # the first row's group is named on its page
        seen |= {w for w in text.split() if w.startswith("row")}
    assert seen == {r[1] for r in rows}  # no row lost or pushed off a page


def test_a_table_that_breaks_across_pages_shows_its_caption_on_each():
    """A table's caption ("Table 4. ...") stands above it, and above its part on every later page, "(continued)":
    the layout counts it, so each page holds the rows it was given (fpdf2 breaking a page of its own would leave
    a page's last rows without heading or caption)."""
    rows = [(f"row{k}", _money(f"m{k}", 1e6 * (k + 1))) for k in range(150)]
    block = Table("t", ("Row", "Amount"), rows, caption="Table 4. Rows of a test")
    report = SimpleNamespace(lang=Language("en"))
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    _, _, heading, heights, tops = report_pdf._table_geometry(pdf, report, block)
    planned = report_pdf.table_pages(report_pdf._room(pdf), pdf.page_break_trigger - pdf.t_margin, heading, heights,
                                     tops=tops)[1]
    report_pdf._table(pdf, report, block)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(bytes(pdf.output()))).pages]
    assert len(pages) == len(planned) >= 3
    assert "Table 4. Rows of a test" in pages[0] and "(continued)" not in pages[0]
    assert all("Table 4. Rows of a test (continued)" in page for page in pages[1:])
    assert [[int(w[3:]) for w in page.split() if w.startswith("row")] for page in pages] == planned


def test_a_very_long_word_in_a_cell_wraps_instead_of_squeezing_the_other_columns():
    """Found by the edge-case fuzzing: a segment label of 120 characters without a space (valid: a label is one line
    of any length) made the register's Parameter column ask for 112 of the 180 mm, as one unbreakable piece; the
    Source column was left 20 mm, and a long source in it made a row taller than a page: fpdf2 raised and the
    report failed with a traceback. Such a word now wraps inside its column, which asks for no more than a share
    of the page."""
    report = SimpleNamespace(lang=Language("en"))
    source = "assumption, not verified against any survey of members: judgement from family formation " * 20
    block = Table("register", ("Parameter", "Value", "Unit", "Basis", "Plausible range", "Source"),
                  [("Members of " + "x" * 120 + "\n(segments.s.members)", "3000", "persons", "data", "-", "seed 004"),
                   ("Children by the member's age\n(assumptions.children.by_member_age)", "[[15, 0.82]]", "share",
                    "assumption", "0.75 – 1.25", source)])
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    report_pdf._table(pdf, report, block)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(pdf.output()))).pages)
    assert text.count("x") >= 120 and "seed 004" in text


def _register_with_keys(short_key: str, long_key: str) -> tuple[Table, list[float], bytes]:
    """A register whose Parameter column (about 52 mm: a long Source takes the rest) holds a key that fits it and
    one that does not: the table, its column widths (mm) and the PDF drawing it."""
    source = "assumption, not verified against any survey of members: judgement from family formation " * 3
    block = Table("register", ("Parameter", "Value", "Unit", "Basis", "Plausible range", "Source"),
                  [(f"Mortality load\n({short_key})", "1.0", "factor", "assumption", "0.8 – 1.2", source),
                   (f"Incapacity months\n({long_key})", "3", "months", "assumption", "1 – 6", source)])
    report = SimpleNamespace(lang=Language("en"))
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 7.5)
    widths = report_pdf._widths(pdf, report, block)
    report_pdf._table(pdf, report, block)
    return block, widths, bytes(pdf.output())


def test_a_key_that_fits_its_column_can_be_searched_for_in_the_pdf():
    """Every long key of a table cell had a zero-width space after each '.' and '_' (so that it could wrap), and
    that character is part of the PDF's text: a reviewer searching the PDF for 'assumptions.mortality_load', or
    copying it, found nothing (about 90 keys and paths in madiun-2025's report). A key that fits its column now
    has none; pypdf's text is what a viewer's search and pdftotext read."""
    key = "assumptions.mortality_load"
    _, widths, data = _register_with_keys(key, "assumptions.severity.incapacity_months_mean")
    pdf = report_pdf._PDF("test", "{n}")
    pdf.set_font("DejaVu", "", 7.5)
    assert pdf.get_string_width(f"({key})") < widths[0] - 2 * report_pdf.TABLE_PADDING  # it fits: no need to wrap
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert f"({key})" in text
    assert f"({key})" in [t for _, _, t in _words(data)]  # drawn whole, on one line of its cell
    assert "\u200b" not in text


def test_a_key_is_drawn_whole_though_a_long_source_wants_the_room():
    """A key on a line of its own (a register's "(key)" below its name) wider than its column would have been (a
    long Source takes the rest of the page) wrapped after a '.' or '_': "(assumptions.severity.incapacity_months_"
    / "mean)", which neither a reader's search nor pdftotext finds. Its column now needs its width."""
    key = "(assumptions.severity.incapacity_months_mean)"
    _, widths, data = _register_with_keys("assumptions.mortality_load", key[1:-1])
    pdf = report_pdf._PDF("test", "{n}")
    pdf.set_font("DejaVu", "", 7.5)
    assert pdf.get_string_width(key) > report_pdf.LONGEST_PIECE  # more than an ordinary word may ask
    assert pdf.get_string_width(key) <= widths[0] - 2 * report_pdf.TABLE_PADDING
    assert key in [t for _, _, t in _words(data)]  # drawn whole, on one line of its cell


KEY = "(assumptions.severity.incapacity_months_mean)"


def _register_at_usual_size(source: str):
    """A one-row register (with KEY, and ``source`` in its Source column), a report and a page set at 7.5 pt."""
    block = Table("register", ("Parameter", "Value", "Unit", "Basis", "Plausible range", "Source"),
                  [(f"Incapacity months\n{KEY}", "1.5", "per 1000 member-years", "assumption", "0.5 – 6", source)])
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 7.5)
    return block, SimpleNamespace(lang=Language("en")), pdf


def test_a_table_whose_keys_and_files_cannot_all_fit_is_set_smaller_and_draws_them_whole():
    """A register with a long key and a source's file on a line of its own needs more than the page at 7.5 pt (the
    register of madiun-2026-ucj-csr in English): its keys wrapped. It is set up to a point smaller, where they fit,
    and draws each whole."""
    key, path = KEY, "../shared/seeds/001_6389829a22a7e3ec.txt"
    block, report, pdf = _register_at_usual_size(f"BPJS TK Madiun, members active in 2025\n{path}")
    assert sum(report_pdf._tiers(pdf, report, block)[0]) > report_pdf.WIDTH  # at the usual size they cannot fit
    assert 6.5 <= report_pdf._table_size(pdf, report, block) < 7.5
    report_pdf._table(pdf, report, block)
    drawn = [t for _, _, t in _words(bytes(pdf.output()))]
    assert key in drawn and path in drawn


def test_a_table_whose_long_words_cannot_all_be_whole_is_set_smaller_and_keeps_them_whole():
    """madiun-2025's register: its keys fit at 7.5 pt, but then its Source column was left 37 mm, too narrow for a
    file path inside a source ("calibrated to scenarios/experience/madiun-2025.toml ..."), which wrapped, and for
    its long sources, whose rows grew so tall that the report took two more pages. Such a table is set up to a
    point smaller, where its words are whole too."""
    key, path = KEY, "scenarios/experience/madiun-2025.toml"
    block, report, pdf = _register_at_usual_size(f"calibrated to the claims of {path} (BPJS Ketenagakerjaan Madiun)")
    need, whole, _ = report_pdf._tiers(pdf, report, block)
    assert sum(need) < report_pdf.WIDTH < sum(whole)  # the keys fit at 7.5 pt, not the path as well
    assert report_pdf._table_size(pdf, report, block) < 7.5
    report_pdf._table(pdf, report, block)
    drawn = [t for _, _, t in _words(bytes(pdf.output()))]
    assert key in drawn and any(path in t for t in drawn)


def test_a_key_longer_than_half_the_page_still_wraps_at_its_separators_inside_its_cell():
    """A key too long to ask for its width (more than half the page: a segment with a very long name) still wraps
    after a '.' or '_' (not inside a word) and each of its lines stays within the column; the break is where the
    line is full, and nothing invisible is left in the text."""
    key = "(segments.informal_workers_of_the_city_outside_the_social_welfare_register.incapacity_months_mean)"
    _, widths, data = _register_with_keys("assumptions.mortality_load", key[1:-1])
    pdf = report_pdf._PDF("test", "{n}")
    pdf.set_font("DejaVu", "", 7.5)
    room = widths[0] - 2 * report_pdf.TABLE_PADDING
    assert pdf.get_string_width(key) > room  # it cannot fit on one line
    words = _words(data)
    start = 1 + next(k for k, (_, _, t) in enumerate(words) if t == "Incapacity months")  # the key's first line
    end = next(k for k in range(start, len(words)) if words[k][2].endswith(")")) + 1
    lines = [t for _, _, t in words[start:end]]
    assert len(lines) > 1 and "".join(lines) == key
    assert all(t.endswith(("_", ".")) for t in lines[:-1])
    points, left = 72 / 25.4, 15 * 72 / 25.4  # the table starts at the 15 mm margin
    for x, _, t in words[start:start + len(lines)]:
        assert x >= left and x + pdf.get_string_width(t) * points <= left + widths[0] * points


EMOJI_LABEL = "Pengemudi ojek 🛵"  # U+1F6F5, which DejaVu Sans (the charts' and the PDF's font) lacks


def test_a_label_with_a_character_the_font_lacks_draws_the_charts_without_a_warning(recwarn):
    """A segment label with an emoji made every drawing of every chart warn "Glyph 128757 (\\N{MOTOR SCOOTER})
    missing from font(s) DejaVu Sans.": a report's stderr filled with them. The charts are made without that
    warning (the character is drawn as a box); any other warning still shows."""
    import warnings

    from sim import charts

    lang = Language("id")
    years = [{"year": "2026", "budget_idr": 4e9, "members_affordable": 22000, "target": 26000,
              "target_premium_idr": 4.5e9}]
    figures = [charts.funding([{"payer": "APBD", "segment": EMOJI_LABEL, "annual_premium_idr": 1.1e9}], lang),
               charts.plan_premium(years, [{"payer": f"CSR: {EMOJI_LABEL}", "year": "2026", "premium_idr": 4e8}],
                                   lang)]  # the label in the bar and in the legend laid out below the plot
    assert all(charts.png(fig) for fig in figures)
    assert [str(w.message) for w in recwarn if "missing from font" in str(w.message)] == []
    with pytest.warns(UserWarning, match="another warning"):
        charts._missing_glyphs_quiet(lambda: warnings.warn("another warning", UserWarning))()


def test_a_label_with_a_character_the_font_lacks_writes_the_pdf_without_a_warning(caplog):
    """fpdf2 logged "Font MPDFAA+DejaVuSansBook is missing the following glyphs: '🛵'" to stderr as the PDF was
    written; the PDF is written without it (the character drawn as a box, the rest of the line as written)."""
    from sim.report_document import Para

    text = _pages(_report([("Segmen", [Para(f"{EMOJI_LABEL}: 3.000 peserta.")])]))[0]
    assert "Pengemudi ojek" in text and "3.000 peserta" in text
    assert [r.getMessage() for r in caplog.records if "missing the following glyphs" in r.getMessage()] == []


def test_a_cut_scenario_text_says_how_many_of_its_characters_the_pdf_shows():
    """500 lines of 99 characters, joined by newlines: 500 x 99 + 499 = 49,999 characters. The PDF keeps the whole
    lines within its first PRE_LIMIT = 40,000: lines 1-400 end at character 400 x 100 = 40,000 (the 400th line's
    newline), so it prints 400 x 100 - 1 = 39,999 characters and a "…" line. The note said 40,001, counting the
    "…" and its newline as the source's."""
    from sim.report_document import Pre

    assert report_pdf.PRE_LIMIT == 40_000
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    report_pdf._pre(pdf, SimpleNamespace(lang=Language("en")), Pre("\n".join(["x" * 99] * 500), "scenario.toml"))
    pages = PdfReader(io.BytesIO(bytes(pdf.output()))).pages
    note = " ".join(pages[-1].extract_text().split())
    assert ("Showing the first 39,999 of 49,999 characters; the whole text is in scenario.toml and in the HTML "
            "report.") in note


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_region_per_language_titles_each_report_in_its_language(code):
    """``region`` may be given per language, as ``title`` is: national-2025's "514 cities and regencies" headed the
    Indonesian report in English. Each report's title (HTML and PDF, its metadata too) takes its own language's."""
    from sim.report_html import render_html
    from sim.scenario import load_scenario

    regions = load_scenario("national-2025").regions
    assert "kota dan kabupaten" in regions["id"] and "cities" not in regions["id"] and "cities" in regions["en"]
    report = _report([("Ringkasan" if code == "id" else "Summary", _lines(1))], lang=code)
    report.scenario.regions = regions
    report.manifest.update(scenario_hash="0" * 16, rebuild="python -m sim report national-2025")
    title = Language(code)("html_title", region=regions[code])
    other = regions["en" if code == "id" else "id"]
    page = render_html(report)
    assert f"<title>{title}</title>" in page and other not in page
    reader = PdfReader(io.BytesIO(report_pdf.render_pdf(report)))
    assert reader.metadata.title == title
    assert title in " ".join(reader.pages[0].extract_text().split()) and other not in reader.pages[0].extract_text()


# --- charts over long horizons: 20-30 years of labels on one axis -------------------------------------------------


def _long_charts(lang: Language, years: int = 30) -> dict:
    """The charts with a year axis, over ``years`` calendar years (a 360-month horizon)."""
    from sim import charts

    fan = [{**_fan_rows()[k % 3], "period": str(2025 + k)} for k in range(years)]
    months = [{"month": f"{2025 + k // 12}-{k % 12 + 1:02d}", "members": 20000 + 30 * k} for k in range(12 * years)]
    plan_years = [{"year": str(2025 + k), "budget_idr": 4e9, "members_affordable": 22000, "target": 26000,
                   "target_premium_idr": 4.5e9, "first_month": f"{2025 + k}-01", "year_end_month": f"{2025 + k}-12"}
                  for k in range(years)]
    plan_years[-1]["year_end_month"] = f"{2024 + years}-06"  # a part year at the end: a label on two lines
    payers = [{"payer": "APBD", "year": y["year"], "premium_idr": 3e9} for y in plan_years]
    return {"fan": charts.fan(fan, lang), "plan_members": charts.plan_members(months, plan_years, lang),
            "plan_premium": charts.plan_premium(plan_years, payers, lang)}


@pytest.mark.parametrize("code", ["id", "en"])
def test_year_labels_do_not_run_into_each_other_over_30_years(code):
    """A 20-year report's fan chart wrote 2025 to 2044 under each panel as one unreadable line ("2025202620272028...").
    Over a long horizon every year keeps its tick and every k-th year its label, the smallest k at which no two
    labels overlap; the first year is always labelled."""
    for name, fig in _long_charts(Language(code)).items():
        fig.draw_without_rendering()
        for ax in fig.axes:
            ticks = ax.get_xticklabels()
            shown = [t for t in ticks if t.get_visible() and t.get_text()]
            assert shown and shown[0] is ticks[0], name  # the first year is named
            assert len(ticks) >= 30 and 3 <= len(shown) < len(ticks), (name, len(shown))
            boxes = sorted((t.get_window_extent() for t in shown), key=lambda b: b.x0)
            assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:])), name
            # The targets' numbers written above their markers (plan_members): none over another.
            notes = [t.get_window_extent() for t in ax.texts if t.get_visible() and t.get_text()]
            assert not any(a.overlaps(b) for k, a in enumerate(notes) for b in notes[k + 1:]), name


def test_a_short_horizon_labels_every_year():
    """Three years fit: each is labelled, as before."""
    from sim import charts

    fig = charts.fan(_fan_rows(), Language("id"))
    fig.draw_without_rendering()
    assert all([t.get_text() for t in ax.get_xticklabels()] == ["2025", "2026", "2027"] for ax in fig.axes)


@pytest.mark.parametrize("start, months, ticks", [
    ("2025-01", 13, ["2025", "2026\n(Jan)"]),  # a 13-month horizon's second year is January alone
    ("2025-07", 12, ["2025\n(Jul–Dec)", "2026\n(Jan–Jun)"]),
    ("2025-01", 24, ["2025", "2026"]),
])
def test_the_fan_chart_names_a_part_years_months_under_it(start, months, ticks):
    """A 13-month horizon's fan chart fell from Rp6.8 bn in 2025 to Rp0.6 bn in "2026", one month of claims, read
    as a fall in claims. Its rows now carry each year's first and last month in the horizon, and a part year is
    named by its months under the year, as the planning charts name theirs (:func:`sim.charts.year_tick`)."""
    import numpy as np

    from sim import chart_descriptions, charts
    from sim.report_sections import fan_rows

    years = sorted({(int(start[:4]) * 12 + int(start[5:]) - 1 + k) // 12 for k in range(months)})
    summary = {"start": start, "horizon_months": months,
               "periods": [{"period": str(y), "premium_idr": 1e9} for y in years] + [{"period": "total"}]}
    rows = fan_rows(summary, np.random.default_rng(1).gamma(4, 5e8, (200, len(years) + 1)))
    fig = charts.fan(rows, Language("en"))
    fig.draw_without_rendering()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ticks
    # The alt text names the first and the last year as the axis does: "... Rp2.0 bn in 2026 (Jan) ...".
    alt = chart_descriptions.fan(rows, Language("en"))
    assert all(f" in {t.replace(chr(10), ' ')} (" in alt for t in (ticks[0], ticks[-1])), alt
