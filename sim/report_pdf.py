"""A report as PDF (fpdf2, pure Python): the same sections as the HTML, numbers as real text, charts as images.

Fonts are the DejaVu faces that matplotlib ships, so nothing is installed on the system or fetched at run time,
and every character of Indonesian and English text (and the Rupiah figures) is embedded with its Unicode mapping,
so the PDF's text can be searched and extracted.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import logging
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from fpdf import FPDF, FPDF_VERSION
from fpdf.enums import MethodReturnValue, PageMode, WrapMode, XPos, YPos
from fpdf.fonts import FontFace
from fpdf.outline import OutlineItemDictionary, OutlineSection
from fpdf.output import OutputProducer
from fpdf.prefs import ViewerPreferences

from .report_document import (
    NBSP, Chart, Figure, Para, Pre, Report, Section, Table, Tiles, continued_rows, fill, keep_amounts_whole,
)

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
ACCENT = (31, 95, 139)
MUTED = (93, 107, 121)
WARNING = (160, 40, 30)  # a warning paragraph (a calibration that cannot reproduce its data)
ROW_FILL = {"assumption": (255, 244, 194), "calibrated": (227, 240, 251), "check": (253, 226, 224), "total": (247, 249, 251)}
HEAD_FILL = (238, 242, 246)
WIDTH = 180  # mm of text width on A4 with 15 mm margins
PRE_LIMIT = 40_000  # characters of monospaced text in the PDF (about 12 pages)


class _MissingGlyphs(logging.Filter):
    """fpdf2's warning that a font lacks characters of the text (an emoji in a segment's label: DejaVu has none),
    logged once per font as the PDF is written; each is drawn as a box, the text around it as written. Only
    that message is dropped: as matplotlib's (sim.charts.MISSING_GLYPH), it says nothing a planner can act on."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Font %s is missing the following glyphs")


class _Bookmark(OutlineItemDictionary):
    """A bookmark whose link to its heading's structure element is written under the key the PDF standard names,
    /SE (ISO 32000-1, 12.3.3): fpdf2 writes it as /StructElem, its attribute's name, which no reader knows."""
    __slots__ = ()  # fpdf2's own bookmarks become these (:class:`_Producer`): no field of their own

    def _build_obj_dict(self, security_handler=None):
        entries = super()._build_obj_dict(security_handler)
        if "/StructElem" in entries:
            entries["/SE"] = entries.pop("/StructElem")
        return entries


class _Producer(OutputProducer):
    """fpdf2's writer of the PDF file, its bookmarks written as :class:`_Bookmark`."""

    def _add_document_outline(self):
        outline, items = super()._add_document_outline()
        for item in items:
            item.__class__ = _Bookmark
        return outline, items


class _PDF(FPDF):
    def output(self, *args, **kwargs):
        """The PDF, without fpdf2's warning of missing glyphs (:class:`_MissingGlyphs`), its bookmarks linked to
        their headings (:class:`_Producer`)."""
        log, quiet = logging.getLogger("fpdf.output"), _MissingGlyphs()
        log.addFilter(quiet)
        try:
            return super().output(*args, output_producer_class=_Producer, **kwargs)
        finally:
            log.removeFilter(quiet)

    def __init__(self, footer_text: str, page_word: str, fonts: dict | None = None):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text, self.page_word = footer_text, page_word
        self.role = None  # the structure element what is drawn belongs to ("P", "H1", ...): see tagged()
        self.source = ("", "", 0)  # the text being drawn, as fpdf2 reads it, and where its next line starts: _spaced()
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=16)
        if fonts is not None:  # another document's fonts, already read (the scratch page measuring tables)
            self.fonts.update(fonts)
            return
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVuMono", "", str(FONT_DIR / "DejaVuSansMono.ttf"))

    def footer(self):
        self._out("/Artifact BMC")  # page furniture, outside the structure: a screen reader skips it
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}   ·   {self.page_word.format(n=self.page_no())}", align="C")
        self.set_text_color(0, 0, 0)
        self._out("EMC")

    @contextmanager
    def tagged(self, role: str):
        """What is drawn inside, as an element ``role`` of the PDF's structure tree ("H1", "H2", "P"), the elements
        in drawing order, which is the reading order. fpdf2 tags only pictures (``image(alt_text=...)``, a /Figure
        with /Alt) and has no call to tag text: with the charts' alt texts alone the PDF said it was tagged while its
        text was in no element, and a screen reader that follows the tags would skip it. This writes the marked
        content and the element through fpdf2's own structure builder (its internals). A marked sequence cannot
        cross a page: where the text runs onto a new page, its element ends and one of the same role goes on."""
        self.role = role
        element = self._begin_element()
        try:
            yield element  # the first element, where the text starts
        finally:
            self._out("EMC")
            self.role = None

    def _begin_element(self):
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        element = self._add_marked_content(struct_type=f"/{self.role}", mcid=mcid)
        self._out(f"/{self.role} <</MCID {mcid}>> BDC")
        return element

    @contextmanager
    def section_heading(self, title: str):
        """A section's heading, an H2 element (what is drawn inside), with its bookmark in the reader's outline
        panel: the bookmark opens the page at the heading's top and names its element (/SE), so that a screen
        reader's list of bookmarks leads into the structure at the heading. fpdf2 links a bookmark to an element
        only for a heading it draws itself (``section_title_styles``), and then tags that heading a Figure."""
        self.start_section(title)  # here: the bookmark's page and top are where the heading starts
        with self.tagged("H2") as element:
            yield
        mark = self._outline[-1]
        self._outline[-1] = OutlineSection(mark.name, mark.level, mark.page_number, mark.dest, element)

    def add_page(self, *args, **kwargs):
        """A new page (fpdf2's automatic page breaks come here too); an element being drawn goes on there, and so
        does the text being drawn (its place kept from the footer's text)."""
        if self.role:
            self._out("EMC")
        source = self.source
        super().add_page(*args, **kwargs)
        self.source = source
        if self.role:
            self._begin_element()

    def _preload_font_styles(self, *args, **kwargs):
        """fpdf2's text as fragments, its styles read (no **markdown** marks): kept, as the text whose lines
        :meth:`_spaced` draws next."""
        fragments = super()._preload_font_styles(*args, **kwargs)
        text = "".join(c for f in fragments for c in f.characters)
        self.source = (text, text.replace(NBSP, " "), 0)  # fpdf2 draws a no-break space as a space
        return fragments

    def _render_styled_text_line(self, text_line, *args, **kwargs):
        return super()._render_styled_text_line(self._spaced(text_line), *args, **kwargs)

    def _spaced(self, line):
        """A line of text ending with a space where its text has one, or a line break, or ends: fpdf2 drops the
        space where it wraps a line and draws nothing for a line break, and the text a screen reader takes from the
        structure tree ran the last word of each line into the next ("klaimtercatat", "pesertayang"), and a
        table's cells into each other ("17.484Rp6,77 miliar"). The space is drawn after the width fpdf2 aligns
        the line on, so nothing moves. None where fpdf2 broke a word (a key at a zero-width break point, a word
        longer than the line), on a line not found where the text goes on, nor on a line without its width
        (``cell()``'s, the footer's: fpdf2 would measure the space with it, and move the line)."""
        text, plain, at = self.source
        drawn = "".join(c for f in line.fragments for c in f.characters)
        start = plain.find(drawn, at) if drawn and line.text_width else -1
        if start < 0 or text[at:start].strip(" \n\u200b"):
            return line
        end = start + len(drawn)
        self.source = (text, plain, end)
        if drawn[-1].isspace() or text[end:end + 1] not in ("", " ", "\n"):
            return line
        last = copy.copy(line.fragments[-1])
        last.characters = [*last.characters, " "]
        return line._replace(fragments=[*line.fragments[:-1], last])


def _text(report: Report, cell) -> str:
    if isinstance(cell, Figure):
        return report.lang.figure(cell.kind, cell.value) + cell.mark
    return breakable(str(cell))


LONG_TOKEN = 16  # characters without a space from which a table cell's token may wrap after '.', '_' or '/'


def breakable(text: str, fits=lambda piece: False) -> str:
    """Long unbroken tokens of a table cell (dotted keys, file paths) wrap after a '.', '_' or '/' instead of in
    the middle of a word ("incapacity_months_mea" / "n"): a zero-width space there, where fpdf2 may break the
    line and prints nothing. fpdf2 drops it where it breaks the line, but one inside a line stays in the PDF's
    text: with one after every '.', '_' and '/', a reviewer searching the PDF for a key (or copying it) found
    nothing. So a token that ``fits`` whole on a line of its column gets none, and a longer one gets one only
    where its line is full (``fits`` by default: never, a break point at every separator). Figures are left
    alone (their "." is a thousands mark). The HTML keeps every key as typed."""
    def lines(token: str) -> str:
        parts = re.split(r"(?<=[._/])(?=\S)", token)
        out = [parts[0]]
        for part in parts[1:]:
            if fits(out[-1] + part):
                out[-1] += part
            else:
                out.append(part)
        return "\u200b".join(out)

    return re.sub(r"\S{%d,}" % LONG_TOKEN, lambda m: lines(m[0]), text)


def _pieces(text: str) -> list[str]:
    """The pieces a cell's text cannot wrap inside: split at spaces and at :func:`breakable`'s break points."""
    return [w for w in re.split(r"[\s\u200b]+", text) if w]


def _is_key(word: str) -> bool:
    """Whether a word is a key or path, a long token that :func:`breakable` would let wrap at a separator
    ("(assumptions.severity.share_death)", "../shared/seeds/001_6389829a22a7e3ec.txt")."""
    return len(word) >= LONG_TOKEN and re.search(r"[._/]\S", word) is not None


def _names(text: str) -> list[str]:
    """The lines of a cell's text that are one key or path (a register's "(key)" below its name, a file column's
    file), as drawn: brackets and all."""
    return [line.strip() for line in text.split("\n") if len(line.split()) == 1 and _is_key(line.strip())]


def _para(pdf: _PDF, report: Report, block: Para) -> None:
    size = {"lead": 10.5, "note": 8}.get(block.style, 9.5)
    pdf.set_font("DejaVu", "", size)
    pdf.set_text_color(*{"note": MUTED, "warning": WARNING}.get(block.style, (0, 0, 0)))
    if block.figures:  # figures in bold through fpdf2's **markdown**
        text = fill(block.text, {k: _bold(report, f) for k, f in block.figures.items()})
        pdf.multi_cell(WIDTH, size * 0.5, keep_amounts_whole(text), markdown=True, align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    else:
        pdf.multi_cell(WIDTH, size * 0.5, keep_amounts_whole(block.text), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _bold(report: Report, figure: Figure) -> str:
    """A paragraph's figure in bold (fpdf2's markdown), its mark after it in the paragraph's weight. fpdf2 takes no
    "**" next to a "*" for a marker, so "**Rp325,2 juta***" printed its three stars and left the rest of the
    paragraph bold: a zero-width space (nothing printed) parts the mark from the closing "**"."""
    shown = f"**{report.lang.figure(figure.kind, figure.value)}**"
    return shown + ("\u200b" + figure.mark if figure.mark else "")


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
    """Column widths (mm) in three tiers (:func:`_tiers`): the page goes to the first tier, then the second, then the
    third, each shared in proportion to what the columns still lack. Before, a long key counted as one unbreakable
    word, and when the keys did not fit, every column was squeezed alike, a narrow column of numbers below its
    widest number ("10.000.00" / "0")."""
    need, whole, want = _tiers(pdf, report, block)
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


def _tiers(pdf: _PDF, report: Report, block: Table) -> tuple[list, list, list]:
    """mm per column, in the current font: what it needs (its longest unbreakable piece, its longest figure, and its
    longest key or path on a line of its own: none of them wraps), what it would like (its longest word whole, a
    key or path inside a sentence included) and what it wants (its longest text on one line). Bold text (headings,
    total rows) is about 10 % wider than the regular face measured here."""
    pad, bold = 3.2, 1.12

    def width(word: str) -> float:
        # A piece wider than a quarter of the page (a label of 120 letters without a space) wraps inside its column
        # (fpdf2 breaks it between characters) rather than asking for the page: else the other columns were
        # squeezed until a row stood taller than a page and fpdf2 raised. A key or path asks for up to half the
        # page: wrapped after a '.' or '_' ("assumptions.severity.share_" / "death"), neither a reader's search
        # nor pdftotext found it whole.
        return min(pdf.get_string_width(word), LONGEST_KEY if _is_key(word) else LONGEST_PIECE)

    need, whole, want = [], [], []
    for j, head in enumerate(block.header):
        cells = [r[j] for r in block.rows]
        heads = [pdf.get_string_width(w) * bold for w in head.split()]
        figures = [pdf.get_string_width(_text(report, c)) * bold for c in cells if isinstance(c, Figure)]
        texts = [str(c) for c in cells if not isinstance(c, Figure)]
        pieces = [width(w) for t in texts for w in _pieces(breakable(t)) + _names(t)]
        words = [width(w) for t in texts for w in t.split()]
        need.append(max(heads + figures + pieces, default=0) + pad)
        whole.append(max(heads + figures + words, default=0) + pad)
        # A cell's longest line: a register name and its key below ("name\n(key)") want the longer of the two.
        full = [pdf.get_string_width(head) * bold] + [max(pdf.get_string_width(line) for line in
                                                          _text(report, c).split("\n")) * bold for c in cells]
        want.append(max(full) + pad)
    return need, whole, want


def _table_size(pdf: _PDF, report: Report, block: Table) -> float:
    """The table's font size (pt): 7.5, or 6.5 with more than six columns; up to a point smaller where the columns'
    needs (:func:`_tiers`: keys, files, figures), or their words whole, do not fit the page at that size. The
    register of a calibrated scenario needs its keys and its sources' file paths whole: at 7.5 pt its Source column
    was left 37 mm, and its rows grew so tall that the madiun-2025 report took two more pages."""
    usual = 7.5 if len(block.header) <= 6 else 6.5
    sizes = (usual, usual - 0.5, usual - 1)
    fits = {}
    for size in sizes:
        pdf.set_font("DejaVu", "", size)
        need, whole, _ = _tiers(pdf, report, block)
        fits[size] = (sum(need) < WIDTH, sum(whole) < WIDTH)
    return next((s for s in sizes if all(fits[s])), next((s for s in sizes if fits[s][0]), sizes[-1]))


LONGEST_PIECE = 45  # mm: the most one unbreakable piece of a cell's text asks of its column (a quarter of WIDTH)
LONGEST_KEY = 90  # mm: the most a key or path asks, to be drawn whole (half of WIDTH); a longer one still wraps
TABLE_PADDING = 0.8  # mm between a table cell's edge and its text
KEEP_ROWS = 2  # the fewest body rows a table leaves on a page where it breaks: never one row alone
FIT = 0.01  # mm of slack when deciding what fits, so that fpdf2 never breaks where the layout says a row fits


def _table(pdf: _PDF, report: Report, block: Table) -> None:
    """A table across the text width, broken across pages where :func:`table_pages` says: a short table that
    would leave a single row on a page moves whole to the next one, a long one never leaves a lone row at the foot
    or the top of a page (fpdf2 alone breaks wherever a row no longer fits, and left a short table's last row alone
    on the next page). Each page's part is its own table, with the headings. The note below it is flush left with
    the table: its text starts where the cells' text does (it was set 1 mm further right, and justified)."""
    size, widths, heading, heights, tops = _table_geometry(pdf, report, block)
    new_page, parts = table_pages(_room(pdf), pdf.page_break_trigger - pdf.t_margin, heading, heights, tops=tops)
    filled = replace(block, rows=continued_rows(block))
    for k, rows in enumerate(parts):
        if k or new_page:
            pdf.add_page()
        if block.caption:  # on each page the table takes: "Tabel 3. Daftar asumsi (lanjutan)" after the first
            with pdf.tagged("P"):
                _table_caption(pdf, _caption(report, block, k > 0))
        # A page's first row names its group (the segment) even where the row above, on the last page, did.
        top = replace(block, rows=[filled.rows[i] if i == rows[0] else r for i, r in enumerate(block.rows)])
        with pdf.tagged("Div"):  # its cells read row by row: fpdf2 cannot tag rows and cells (TR, TD)
            _table_part(pdf, report, top, widths, size, rows)
    if block.note:
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*MUTED)
        with pdf.tagged("P"):
            _table_note(pdf, keep_amounts_whole(block.note))
        pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


CAPTION_SIZE, CAPTION_LINE, CAPTION_AFTER = 8, 4, 1  # pt, and mm of a line of a table's caption and below it


def _caption(report: Report, block: Table, continued: bool) -> str:
    return report.lang("table_continued", caption=block.caption) if continued else block.caption


def _table_caption(pdf: FPDF, text: str) -> None:
    """A table's caption above it, flush left with it, bold."""
    pdf.set_font("DejaVu", "B", CAPTION_SIZE)
    pdf.multi_cell(WIDTH, CAPTION_LINE, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(CAPTION_AFTER)


def _caption_height(pdf: FPDF, report: Report, block: Table) -> float:
    """mm the caption takes above each page's part of the table (the longer, continued one: "(lanjutan)")."""
    if not block.caption:
        return 0.0
    pdf.set_font("DejaVu", "B", CAPTION_SIZE)
    lines = pdf.multi_cell(WIDTH, CAPTION_LINE, _caption(report, block, True), dry_run=True,
                           output=MethodReturnValue.LINES)
    return len(lines) * CAPTION_LINE + CAPTION_AFTER


def _table_geometry(pdf: _PDF, report: Report, block: Table) -> tuple[float, list, float, list, list]:
    """The table's font size, column widths (mm), and the height (mm) of its caption and headings, of each row, and
    of each row at the top of a page (its group's name filled in: :func:`continued_rows`); kept on ``pdf`` for the
    table, which a paragraph leading into it may have asked for already (:func:`_keeps_with`)."""
    known = pdf.__dict__.setdefault("_geometry", {})
    if id(block) not in known:
        size = _table_size(pdf, report, block)
        pdf.set_font("DejaVu", "", size)
        widths = _widths(pdf, report, block)
        heading, heights = _row_heights(pdf, report, block, widths, size)
        heading += _caption_height(pdf, report, block)
        tops = heights if not block.grouped else _row_heights(
            pdf, report, replace(block, rows=continued_rows(block)), widths, size)[1]
        known[id(block)] = (block, (size, widths, heading, heights, tops))
    return known[id(block)][1]


def _lead_in(blocks: list, k: int) -> int | None:
    """The index of the table that the paragraph ``blocks[k]`` introduces (it is followed by the table, or by notes
    and then the table: the rules that change during the horizon, a note on them, their table), or None."""
    for j in range(k + 1, len(blocks)):
        if isinstance(blocks[j], Table):
            return j
        if not (isinstance(blocks[j], Para) and blocks[j].style == "note"):
            return None
    return None


def _opening_table(blocks: list) -> int | None:
    """The index of the table a section opens with after paragraphs only (its introduction: the Validasi section's
    two paragraphs, then its table), or None when the section opens otherwise."""
    for j, block in enumerate(blocks):
        if isinstance(block, Table):
            return j if j else None
        if not isinstance(block, Para):
            return None
    return None


def _keeps_with(pdf: _PDF, report: Report, paras: list, table: Table, above: float = 0.0) -> bool:
    """Whether the paragraphs that lead into ``table`` go to the next page with it: they fit on this page, the table
    would start on the next (a short table kept whole, or a long one that would leave one row at the foot of this
    page), and with them it still starts on a fresh page. Otherwise they stay, and the table's introduction would
    stand alone at the foot of a page. ``above``: mm that come first on either page (a section's heading, when the
    paragraphs open the section: the Validasi heading and introduction were left at a page's foot, their table on
    the next page)."""
    scratch = _scratch(pdf)
    scratch.set_y(scratch.t_margin)
    for para in paras:
        _para(scratch, report, para)
    lead, room = scratch.get_y() - scratch.t_margin + above, _room(pdf)
    if lead > room - FIT:  # they do not fit here: they stay, but for a section's opening (which then moves)
        return above > 0
    _, _, heading, heights, tops = _table_geometry(pdf, report, table)
    full = pdf.page_break_trigger - pdf.t_margin
    return (table_pages(room - lead, full, heading, heights, tops=tops)[0]
            and not table_pages(full - lead, full, heading, heights, tops=tops)[0])


def _table_note(pdf: FPDF, text: str) -> None:
    """A table's note: from the table's left edge (the left margin: tables take the text width), its text inset
    by the cells' padding, so that it lines up with the text of the table's first column; aligned left."""
    margin = pdf.c_margin
    pdf.set_x(pdf.l_margin)
    pdf.c_margin = TABLE_PADDING
    try:
        pdf.multi_cell(WIDTH, 4, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    finally:
        pdf.c_margin = margin


def _table_part(pdf: FPDF, report: Report, block: Table, widths: list, size: float, rows, heading: bool = True):
    """The table's headings (``heading``) and its ``rows`` (indices), at the left margin across the text width."""
    numeric = block.numeric_columns()
    pdf.set_font("DejaVu", "", size)
    with pdf.table(col_widths=widths, width=WIDTH, align="LEFT", text_align="LEFT", line_height=size * 0.45,
                   padding=TABLE_PADDING, headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
                   borders_layout="HORIZONTAL_LINES", repeat_headings=1, first_row_as_headings=heading) as table:
        if heading:
            head = table.row()
            for h, right in zip(block.header, numeric):
                head.cell(h, align="RIGHT" if right else "LEFT")
        for i in rows:
            style = block.styles[i] if i < len(block.styles) else ""
            face = FontFace(fill_color=ROW_FILL[style], emphasis="BOLD" if style == "total" else None) if style else None
            r = table.row()
            for cell, right, width in zip(block.rows[i], numeric, widths):
                text = _cell_text(pdf, report, cell, width - 2 * TABLE_PADDING, size, style == "total")
                r.cell(text, align="RIGHT" if right or isinstance(cell, Figure) else "LEFT", style=face)


def _cell_text(pdf: FPDF, report: Report, cell, room: float, size: float, bold: bool) -> str:
    """A body cell's text, a long token :func:`breakable` only where it is wider than the column's ``room`` (mm of
    text) in the cell's face: most keys fit whole and stay searchable; a longer one still wraps inside the cell."""
    if isinstance(cell, Figure):
        return _text(report, cell)
    style = pdf.font_style
    pdf.set_font("DejaVu", "B" if bold else "", size)
    try:
        return breakable(str(cell), lambda piece: pdf.get_string_width(piece) <= room - FIT)
    finally:
        pdf.set_font("DejaVu", style, size)


class _Scratch(_PDF):
    """A page where tables are drawn only to be measured: no page breaks, and the ordinate after each line feed
    kept (fpdf2 ends each table row with one)."""

    def __init__(self, pdf: _PDF):
        super().__init__("", "", pdf.fonts)  # the document's fonts, not read again
        self.set_auto_page_break(False)
        self.add_page()
        self.feeds = []

    def ln(self, h=None):
        super().ln(h)
        self.feeds.append(self.y)

    def footer(self):
        pass


def _scratch(pdf: _PDF) -> _Scratch:
    """``pdf``'s scratch page (made once, with its fonts)."""
    if "_scratch_page" not in pdf.__dict__:
        pdf._scratch_page = _Scratch(pdf)
    return pdf._scratch_page


def _row_heights(pdf: _PDF, report: Report, block: Table, widths: list, size: float) -> tuple[float, list]:
    """mm of the table's headings and of each body row, as fpdf2 lays them out: the table drawn with the same
    widths, font and padding on a scratch page of the same width (kept on ``pdf``, made once), each row's height
    read from the line feed that ends it; should a row not end with one line feed, each row is drawn alone."""
    scratch = _scratch(pdf)

    def feeds(rows, heading=True):
        scratch.set_y(scratch.t_margin)
        scratch.feeds = []
        _table_part(scratch, report, block, widths, size, rows, heading)
        return [b - a for a, b in zip([scratch.t_margin, *scratch.feeds], scratch.feeds)]

    n = len(block.rows)
    heights = feeds(range(n))
    if len(heights) == n + 1:
        return heights[0], heights[1:]
    return sum(feeds([])), [sum(feeds([i], False)) for i in range(n)]


def table_pages(room: float, full: float, heading: float, heights: list, keep: int = KEEP_ROWS,
                tops: list | None = None):
    """Where a table breaks: ``(new_page, parts)``, whether it starts on a new page and the rows (indices) of each
    page it takes. ``room``: mm left on the current page; ``full``: mm of an empty page; ``heading``: mm of the
    headings, repeated on each page; ``heights``: mm of each body row; ``tops``: of each row when it opens a page
    (taller where the page repeats its group's name; ``heights`` when not given). Rows fill each page in turn, as
    fpdf2 fills them. Where that leaves fewer than ``keep`` rows on a page, a table that fits on one page moves
    whole to the next; a longer one starts on the next page if too few rows would stand at the foot of this one,
    and its last page takes rows from the page before if too few would stand there."""
    n = len(heights)
    tops = heights if tops is None else tops

    def fill(first_room: float) -> tuple[bool, list]:
        parts, rows, left = [], [], first_room - heading
        fresh = first_room >= full - FIT  # an empty page takes a row even when it is taller than the page
        for i, h in enumerate(heights):
            if h > left - FIT and (rows or not fresh):
                parts.append(rows)
                rows, left, fresh = [], full - heading, True
            rows.append(i)
            left -= tops[i] if len(rows) == 1 else h
        parts.append(rows)
        return not parts[0], [p for p in parts if p]  # no row on this page: the table starts on the next

    new_page, parts = fill(room)
    if n < keep or all(len(p) >= keep for p in parts):
        return new_page, parts
    if heading + sum(heights) <= full - FIT:  # a short table: whole on the next page
        return True, [list(range(n))]
    if len(parts[0]) < keep and not new_page:  # a lone row at the foot of this page: start on the next
        _, parts = fill(full)
        new_page = True
    while len(parts) > 1 and len(parts[-1]) < keep and len(parts[-2]) > keep:  # a lone row at the end
        moved = parts[-2][-1]  # it would open the last page, the row that opened it following
        if heading + tops[moved] + sum(heights[i] for i in parts[-1]) > full - FIT:
            break
        parts[-1].insert(0, parts[-2].pop())
    return new_page, parts


CHART_CAPTION_SIZE, CHART_CAPTION_LINE, CHART_AFTER = 7.5, 4, 3  # pt, mm of a chart caption's line, mm below it


def _picture_height(report: Report, block: Chart) -> float:
    """mm the chart's picture takes at the text width."""
    info_w, info_h = _png_size(report.charts[block.name])
    return WIDTH * info_h / info_w


def _chart_caption(pdf: FPDF, text: str, dry_run: bool = False):
    """A chart's caption below it, muted; with ``dry_run``, only its lines (as the table caption's height is
    measured)."""
    pdf.set_font("DejaVu", "", CHART_CAPTION_SIZE)
    return pdf.multi_cell(WIDTH, CHART_CAPTION_LINE, keep_amounts_whole(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                          dry_run=dry_run, output=MethodReturnValue.LINES)


def _chart_height(pdf: FPDF, report: Report, block: Chart) -> float:
    """mm the chart takes, which never breaks across pages: its picture and every line of its caption. A fixed
    10 mm for the caption (two lines and a little) let a caption of three lines or more run onto the next page,
    away from its chart."""
    return _picture_height(report, block) + len(_chart_caption(pdf, block.caption, dry_run=True)) * CHART_CAPTION_LINE


def _room(pdf: _PDF) -> float:
    """mm left on the page above the bottom margin."""
    return pdf.h - pdf.b_margin - pdf.get_y()


def _chart(pdf: _PDF, report: Report, block: Chart) -> None:
    data = report.charts[block.name]
    if _chart_height(pdf, report, block) > _room(pdf) - FIT:
        pdf.add_page()
    # The alt text (what the chart shows) in the PDF's structure tree, a /Figure element with /Alt.
    pdf.image(io.BytesIO(data), x=pdf.l_margin, w=WIDTH, alt_text=report.alts[block.name])
    pdf.set_text_color(*MUTED)
    with pdf.tagged("P"):
        _chart_caption(pdf, block.caption)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(CHART_AFTER)


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (bytes 16-24)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _pre(pdf: _PDF, report: Report, block: Pre) -> None:
    """Monospaced text; a very long one (a scenario with hundreds of segments) is cut after PRE_LIMIT characters
    with a note naming the file that holds it all (the HTML always has the whole text)."""
    text = block.text
    cut = len(text) > PRE_LIMIT
    if cut:
        text = text[:PRE_LIMIT].rsplit("\n", 1)[0]
        shown = len(text)  # the source's characters printed, not the "…" line that marks the cut
        text += "\n…"
    pdf.set_font("DejaVuMono", "", 6.2)
    # Wrapped at spaces, so that no word of a source line is cut in two (fpdf2 still cuts a token wider than a line).
    pdf.multi_cell(WIDTH, 2.9, text, align="L", wrapmode=WrapMode.WORD, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if cut:
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(WIDTH, 4, report.lang("pre_cut", shown=report.lang.count(shown),
                                             total=report.lang.count(len(block.text)), file=block.file),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


SECTION_HEADING = 14  # mm: a section's heading with the space around it
SECTION_GAP = 8  # mm between a section and the one before it on the same page
TITLE_LINE, TITLE_AFTER = 7, 1  # mm: a section title's line, and the space below it
TEXT_START = 25  # mm: the least of a paragraph or table that should follow its section's heading on a page


def _first_height(pdf: _PDF, report: Report, blocks: list) -> float:
    """mm of a section's first block that must fit under its heading, so the heading is never left alone at the
    foot of a page: a chart, which never breaks across pages, whole with its caption; else a few lines (text and
    tables continue on the next page)."""
    first = blocks[0] if blocks else None
    return _chart_height(pdf, report, first) if isinstance(first, Chart) else TEXT_START


def xmp_metadata(pdf: FPDF, code: str) -> str:
    """The PDF's XMP metadata: what its Info dictionary says (title, subject, author, creator, producer, date),
    the title also under the report's language, and that language. PDF/UA and most validators read these from the
    XMP stream, not from the Info dictionary; both are written from the same ``pdf`` fields, so they agree. Not a
    claim of PDF/UA or PDF/A conformance (no ``pdfuaid``/``pdfaid``): see README "Reports" for what is missing."""
    def alt(text: str) -> str:  # a language alternative: the default (the Info entry's text) and the report's
        return (f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
                f'<rdf:li xml:lang="{code}">{escape(text)}</rdf:li></rdf:Alt>')

    when = pdf.creation_date.isoformat(timespec="seconds")
    return "\n".join([
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
        "<dc:format>application/pdf</dc:format>",
        f"<dc:title>{alt(pdf.title)}</dc:title>",
        f"<dc:description>{alt(pdf.subject)}</dc:description>",
        f"<dc:creator><rdf:Seq><rdf:li>{escape(pdf.author)}</rdf:li></rdf:Seq></dc:creator>",
        f"<dc:language><rdf:Bag><rdf:li>{code}</rdf:li></rdf:Bag></dc:language>",
        f"<xmp:CreatorTool>{escape(pdf.creator)}</xmp:CreatorTool>",
        # Written once, never modified: one date for all three, the Info dictionary's /CreationDate.
        f"<xmp:CreateDate>{when}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>",
        f"<pdf:Producer>{escape(pdf.producer)}</pdf:Producer>",
        "</rdf:Description>",
        "</rdf:RDF>",
        "</x:xmpmeta>",
    ])


def render_pdf(report: Report) -> bytes:
    m = report.manifest
    pdf = _PDF(f"{m['scenario_id']} · {m['run_hash']}", report.lang("html_page"))
    _properties(pdf, report)
    pdf.add_page()
    _title(pdf, report)
    for k, sec in enumerate(report.sections):
        _section(pdf, report, sec, first=k == 0)
    return bytes(pdf.output())


def _properties(pdf: _PDF, report: Report) -> None:
    """What a PDF reader shows of the document before its pages: title, subject, author, language, bookmarks."""
    lang, s, m = report.lang, report.scenario, report.manifest
    pdf.set_title(lang("html_title", region=s.regions[lang.code]))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)  # the window shows the title, not the file
    pdf.set_subject(lang("html_subtitle", id=s.id, title=s.titles[lang.code]))
    pdf.set_author("jkk-jkm-workbench")
    pdf.set_creator(f"jkk-jkm-workbench {m['code']['workbench_version']}")
    pdf.set_producer(f"fpdf2 {FPDF_VERSION}")
    # The manifest's time, not fpdf2's default (the moment this object is made): the same report gives the same
    # bytes, and the PDF's date is the one its manifest records.
    pdf.set_creation_date(dt.datetime.fromisoformat(m["created"]))
    pdf.set_lang(lang.code)
    pdf.set_xmp_metadata(xmp_metadata(pdf, lang.code))
    pdf.page_mode = PageMode.USE_OUTLINES  # the reader opens with the bookmarks shown


def _title(pdf: _PDF, report: Report) -> None:
    """The top of the first page: the report's title, the scenario, the date and the run hash."""
    lang, s, m = report.lang, report.scenario, report.manifest
    pdf.set_font("DejaVu", "B", 16)
    pdf.set_text_color(*ACCENT)
    with pdf.tagged("H1"):
        pdf.multi_cell(WIDTH, 8, lang("html_title", region=s.regions[lang.code]), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 10)
    with pdf.tagged("P"):
        pdf.multi_cell(WIDTH, 5, lang("html_subtitle", id=s.id, title=s.titles[lang.code]), align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*MUTED)
    created = lang.date(dt.date.fromisoformat(m["report_date"]))
    with pdf.tagged("P"):
        pdf.multi_cell(WIDTH, 4.5, f"{lang('html_generated', date=created)} · {m['run_hash']}", align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)


def _section(pdf: _PDF, report: Report, sec: Section, first: bool) -> None:
    """One section: a bookmark, its heading and its blocks (``first``: the report's first section)."""
    # A section follows the one before on the same page, and starts a new page only where its heading and
    # the start of its first block do not fit. Every section used to start a new page: a section that ran a
    # line over its page left that line alone on a page (the Indonesian summary's last note).
    table = _opening_table(sec.blocks)
    if not first and (SECTION_HEADING + _first_height(pdf, report, sec.blocks) > _room(pdf) or table is not None and
                      _keeps_with(pdf, report, sec.blocks[:table], sec.blocks[table],
                                  SECTION_GAP + TITLE_LINE + TITLE_AFTER)):
        pdf.add_page()
    pdf.ln(3 if first or pdf.get_y() <= pdf.t_margin else SECTION_GAP)
    # A bookmark per section (the reader's outline panel): the PDF has no table of contents, as the HTML does,
    # and a report of 20-30 pages could only be paged through.
    pdf.set_font("DejaVu", "B", 13)
    pdf.set_text_color(*ACCENT)
    with pdf.section_heading(sec.title):
        pdf.multi_cell(WIDTH, TITLE_LINE, sec.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(TITLE_AFTER)
    for j, block in enumerate(sec.blocks):
        if isinstance(block, Para):
            # The paragraphs introducing a table go to the next page with it, when it moves there (not the
            # section's first: its heading would stand alone).
            table = _lead_in(sec.blocks, j)
            starts = table is not None and not (j and isinstance(sec.blocks[j - 1], Para)
                                                and _lead_in(sec.blocks, j - 1) == table)
            if starts and j and _keeps_with(pdf, report, sec.blocks[j:table], sec.blocks[table]):
                pdf.add_page()
            with pdf.tagged("P"):
                _para(pdf, report, block)
        elif isinstance(block, Tiles):
            with pdf.tagged("Div"):
                _tiles(pdf, report, block)
        elif isinstance(block, Table):
            _table(pdf, report, block)  # its caption, cells and note each tagged
        elif isinstance(block, Chart):
            _chart(pdf, report, block)
        elif isinstance(block, Pre):
            with pdf.tagged("P"):
                _pre(pdf, report, block)
