"""The layout of the PDF report and its charts: every cell in its own column, no page left nearly empty, legends
beside the data rather than over it, and chart text legible as printed."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from sim import report_pdf
from sim.i18n import Language
from sim.report_document import Figure, Table


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


def test_text_columns_stay_aligned_left():
    block = Table("t", ("Sumber", "Nilai", "Catatan"), [("a", _money("a", 1e6), "-"), ("b", "-", "teks")])
    assert report_pdf._numeric(block) == [False, True, False]


def _report(sections: list, charts: dict | None = None):
    """A report with just what the PDF renderer reads: a title page's facts, sections and chart pictures."""
    from sim.report_document import Section

    return SimpleNamespace(
        lang=Language("id"), scenario=SimpleNamespace(region="Kota Uji", id="uji", titles={"id": "Uji"}),
        manifest={"scenario_id": "uji", "run_hash": "0", "code": {"workbench_version": "0"}, "report_date": "2026-01-01"},
        sections=[Section(f"s{k}", title, blocks) for k, (title, blocks) in enumerate(sections)], charts=charts or {})


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
