"""A report as PDF (fpdf2, pure Python): the same sections as the HTML, numbers as real text, charts as images.

Fonts are the DejaVu faces that matplotlib ships, so nothing is installed on the system or fetched at run time,
and every character of Indonesian and English text (and the Rupiah figures) is embedded with its Unicode mapping,
so the PDF's text can be searched and extracted.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from .report_document import Chart, Figure, Para, Pre, Report, Table, Tiles, fill, keep_amounts_whole

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
ACCENT = (31, 95, 139)
MUTED = (93, 107, 121)
WARNING = (160, 40, 30)  # a warning paragraph (a calibration that cannot reproduce its data)
ROW_FILL = {"assumption": (255, 244, 194), "calibrated": (227, 240, 251), "check": (253, 226, 224), "total": (247, 249, 251)}
HEAD_FILL = (238, 242, 246)
WIDTH = 180  # mm of text width on A4 with 15 mm margins
PRE_LIMIT = 40_000  # characters of monospaced text in the PDF (about 12 pages)


class _PDF(FPDF):
    def __init__(self, footer_text: str, page_word: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text, self.page_word = footer_text, page_word
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=16)
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVuMono", "", str(FONT_DIR / "DejaVuSansMono.ttf"))

    def footer(self):
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}   ·   {self.page_word.format(n=self.page_no())}", align="C")
        self.set_text_color(0, 0, 0)


def _text(report: Report, cell) -> str:
    return report.lang.figure(cell.kind, cell.value) if isinstance(cell, Figure) else breakable(str(cell))


LONG_TOKEN = 16  # characters without a space from which a table cell's token may wrap after '.', '_' or '/'


def breakable(text: str) -> str:
    """Long unbroken tokens of a table cell (dotted keys, file paths) wrap after a '.', '_' or '/' instead of in
    the middle of a word ("incapacity_months_mea" / "n"): a zero-width space there, where fpdf2 may break the
    line and prints nothing. Figures are left alone (their "." is a thousands mark). The HTML keeps every key as
    typed, for copying."""
    return re.sub(r"\S{%d,}" % LONG_TOKEN, lambda m: re.sub(r"([._/])(?=\S)", "\\1\u200b", m[0]), text)


def _pieces(text: str) -> list[str]:
    """The pieces a cell's text cannot wrap inside: split at spaces and at :func:`breakable`'s break points."""
    return [w for w in re.split(r"[\s\u200b]+", text) if w]


def _para(pdf: _PDF, report: Report, block: Para) -> None:
    size = {"lead": 10.5, "note": 8}.get(block.style, 9.5)
    pdf.set_font("DejaVu", "", size)
    pdf.set_text_color(*{"note": MUTED, "warning": WARNING}.get(block.style, (0, 0, 0)))
    if block.figures:  # figures in bold through fpdf2's **markdown**
        text = fill(block.text, {k: f"**{_text(report, f)}**" for k, f in block.figures.items()})
        pdf.multi_cell(WIDTH, size * 0.5, keep_amounts_whole(text), markdown=True, align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    else:
        pdf.multi_cell(WIDTH, size * 0.5, keep_amounts_whole(block.text), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _tiles(pdf: _PDF, report: Report, block: Tiles) -> None:
    pdf.set_font("DejaVu", "", 7.5)
    with pdf.table(col_widths=[1] * len(block.items), text_align="LEFT", first_row_as_headings=False,
                   line_height=4, padding=1.5, borders_layout="NONE", cell_fill_color=(251, 252, 253),
                   cell_fill_mode="ALL") as table:
        labels, values = table.row(), table.row()
        for label, f in block.items:
            labels.cell(label, style=FontFace(color=MUTED))
            values.cell(_text(report, f), style=FontFace(emphasis="BOLD", size_pt=11))
    pdf.ln(3)


def _widths(pdf: _PDF, report: Report, block: Table) -> list[float]:
    """Column widths (mm) in three tiers. Each column needs its longest unbreakable piece and its longest figure
    (figures never wrap); it would like its longest word whole (a long key or path, which :func:`breakable` lets
    wrap after '.', '_' or '/'); and it wants its longest text on one line. The page goes to the first tier,
    then the second, then the third, each shared in proportion to what the columns still lack. Before, a long key
    counted as one unbreakable word, and when the keys did not fit, every column was squeezed alike, a narrow
    column of numbers below its widest number ("10.000.00" / "0"). Bold text (headings, total rows) is about
    10 % wider than the regular face measured here."""
    pad, bold = 3.2, 1.12
    need, whole, want = [], [], []
    for j, head in enumerate(block.header):
        cells = [r[j] for r in block.rows]
        heads = [pdf.get_string_width(w) * bold for w in head.split()]
        figures = [pdf.get_string_width(_text(report, c)) * bold for c in cells if isinstance(c, Figure)]
        texts = [str(c) for c in cells if not isinstance(c, Figure)]
        pieces = [pdf.get_string_width(w) for t in texts for w in _pieces(breakable(t))]
        words = [pdf.get_string_width(w) for t in texts for w in t.split()]
        need.append(max(heads + figures + pieces, default=0) + pad)
        whole.append(max(heads + figures + words, default=0) + pad)
        # A cell's longest line: a register name and its key below ("name\n(key)") want the longer of the two.
        full = [pdf.get_string_width(head) * bold] + [max(pdf.get_string_width(line) for line in
                                                          _text(report, c).split("\n")) * bold for c in cells]
        want.append(max(full) + pad)
    if sum(need) >= WIDTH:
        return [w * WIDTH / sum(need) for w in need]
    widths = need
    for tier in (whole, want):
        extra = [max(t - w, 0.0) for t, w in zip(tier, widths)]
        room = WIDTH - sum(widths)
        if sum(extra) > room:
            return [w + room * e / sum(extra) for w, e in zip(widths, extra)]
        widths = [w + e for w, e in zip(widths, extra)]
    spare = (WIDTH - sum(widths)) / len(widths)
    return [w + spare for w in widths]


def _table(pdf: _PDF, report: Report, block: Table) -> None:
    columns = len(block.header)
    numeric = block.numeric_columns()
    size = 7.5 if columns <= 6 else 6.5
    pdf.set_font("DejaVu", "", size)
    with pdf.table(col_widths=_widths(pdf, report, block), width=WIDTH, text_align="LEFT", line_height=size * 0.45, padding=0.8,
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL), borders_layout="HORIZONTAL_LINES",
                   repeat_headings=1) as table:
        head = table.row()
        for h, right in zip(block.header, numeric):
            head.cell(h, align="RIGHT" if right else "LEFT")
        for i, row in enumerate(block.rows):
            style = block.styles[i] if i < len(block.styles) else ""
            face = FontFace(fill_color=ROW_FILL[style], emphasis="BOLD" if style == "total" else None) if style else None
            r = table.row()
            for cell, right in zip(row, numeric):
                r.cell(_text(report, cell), align="RIGHT" if right or isinstance(cell, Figure) else "LEFT", style=face)
    if block.note:
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(WIDTH, 4, keep_amounts_whole(block.note), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


def _chart_height(report: Report, block: Chart) -> float:
    """mm the chart's picture takes at the text width."""
    info_w, info_h = _png_size(report.charts[block.name])
    return WIDTH * info_h / info_w


def _room(pdf: _PDF) -> float:
    """mm left on the page above the bottom margin."""
    return pdf.h - pdf.b_margin - pdf.get_y()


def _chart(pdf: _PDF, report: Report, block: Chart) -> None:
    data = report.charts[block.name]
    height = _chart_height(report, block)
    if height + 10 > _room(pdf):
        pdf.add_page()
    pdf.image(io.BytesIO(data), x=pdf.l_margin, w=WIDTH)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(WIDTH, 4, keep_amounts_whole(block.caption), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (bytes 16-24)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _pre(pdf: _PDF, report: Report, block: Pre) -> None:
    """Monospaced text; a very long one (a scenario with hundreds of segments) is cut after PRE_LIMIT characters
    with a note naming the file that holds it all (the HTML always has the whole text)."""
    text = block.text
    cut = len(text) > PRE_LIMIT
    if cut:
        text = text[:PRE_LIMIT].rsplit("\n", 1)[0] + "\n…"
    pdf.set_font("DejaVuMono", "", 6.2)
    # Wrapped at spaces, so that no word of a source line is cut in two (fpdf2 still cuts a token wider than a line).
    pdf.multi_cell(WIDTH, 2.9, text, align="L", wrapmode=WrapMode.WORD, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if cut:
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(WIDTH, 4, report.lang("pre_cut", shown=report.lang.count(len(text)),
                                             total=report.lang.count(len(block.text)), file=block.file),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


SECTION_HEADING = 14  # mm: a section's heading with the space around it
SECTION_GAP = 8  # mm between a section and the one before it on the same page
TEXT_START = 25  # mm: the least of a paragraph or table that should follow its section's heading on a page


def _first_height(report: Report, blocks: list) -> float:
    """mm of a section's first block that must fit under its heading, so the heading is never left alone at the
    foot of a page: a chart, which never breaks across pages, whole with its caption; else a few lines (text and
    tables continue on the next page)."""
    first = blocks[0] if blocks else None
    return _chart_height(report, first) + 10 if isinstance(first, Chart) else TEXT_START


def render_pdf(report: Report) -> bytes:
    lang, s, m = report.lang, report.scenario, report.manifest
    pdf = _PDF(f"{m['scenario_id']} · {m['run_hash']}", lang("html_page"))
    pdf.set_title(lang("html_title", region=s.region))
    pdf.set_author("jkk-jkm-workbench")
    pdf.set_creator(f"jkk-jkm-workbench {m['code']['workbench_version']}")
    pdf.set_lang(lang.code)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(WIDTH, 8, lang("html_title", region=s.region), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(WIDTH, 5, lang("html_subtitle", id=s.id, title=s.titles[lang.code]), align="L", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*MUTED)
    import datetime as dt

    created = lang.date(dt.date.fromisoformat(m["report_date"]))
    pdf.multi_cell(WIDTH, 4.5, f"{lang('html_generated', date=created)} · {m['run_hash']}", align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    for k, sec in enumerate(report.sections):
        # A section follows the one before on the same page, and starts a new page only where its heading and
        # the start of its first block do not fit. Every section used to start a new page: a section that ran a
        # line over its page left that line alone on a page (the Indonesian summary's last note).
        if k > 0 and SECTION_HEADING + _first_height(report, sec.blocks) > _room(pdf):
            pdf.add_page()
        pdf.ln(3 if k == 0 or pdf.get_y() <= pdf.t_margin else SECTION_GAP)
        pdf.set_font("DejaVu", "B", 13)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(WIDTH, 7, sec.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1)
        for block in sec.blocks:
            if isinstance(block, Para):
                _para(pdf, report, block)
            elif isinstance(block, Tiles):
                _tiles(pdf, report, block)
            elif isinstance(block, Table):
                _table(pdf, report, block)
            elif isinstance(block, Chart):
                _chart(pdf, report, block)
            elif isinstance(block, Pre):
                _pre(pdf, report, block)
    return bytes(pdf.output())
