"""The report for a reader who searches it or cannot see it: every key and file it prints found whole by a search
of the PDF's text; every table captioned and numbered; every chart with an alt text that says what it shows; the
PDF's text in its structure tree (tagged), with its language and title."""

from __future__ import annotations

import datetime as dt
import html
import html.parser
import io
import itertools
import re
import shutil
import subprocess

import numpy as np
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import ROOT
from sim import chart_descriptions, charts, report_pdf
from sim.i18n import Language
from sim.report import build
from sim.report_text import TEXT
from sim.scenario import load_scenario
from test_report import one_commit  # noqa: F401  (one_commit: the module-wide commit fixture)

TRIALS = 300


@pytest.fixture(scope="module", params=["id", "en"])
def madiun(request, tmp_path_factory):
    """madiun-2025 (calibrated; its register holds the longest keys and its sources the seed files) in each
    language."""
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), request.param,
                 tmp_path_factory.mktemp(f"reports_{request.param}"))


def pdf_texts(path) -> dict[str, str]:
    """The PDF's text as a reader's search sees it: pypdf's and, where poppler is installed, pdftotext's."""
    texts = {"pypdf": "\n".join(page.extract_text() for page in PdfReader(path).pages)}
    if shutil.which("pdftotext"):
        texts["pdftotext"] = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                            text=True, check=True).stdout
    return texts


def shown_text(page: str) -> str:
    """The text a reader of the HTML sees (no styles, no pictures, tags dropped)."""
    page = re.sub(r"<style>.*?</style>|<img [^>]*>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


KEY = re.compile(r"[\w.\-/]*[A-Za-z][\w.\-/]*")  # a word of letters, digits and . _ - /


def printed_keys(text: str) -> set[str]:
    """The keys, file names and scenario ids of a text: a word of 10 or more characters with a letter and a '.',
    '_' or '/' (or a '-' and a digit: madiun-2025-prior) inside it, without the brackets around it or a stop after
    it."""
    words = {m.group(0).rstrip(".-/") for m in KEY.finditer(text)}
    return {w for w in words if len(w) >= 10 and (re.search(r"\w[._/]\w", w) or re.search(r"\w-\w.*\d|\d.*\w-\w", w))}


def test_every_key_and_file_the_report_prints_is_found_whole_in_the_pdf(madiun):
    """A long key, path or id of a table cell wrapped over two lines of the PDF ("(assumptions.severity.share_" /
    "death)", "../shared/seeds/001_" / "6389829a22a7e3ec.txt"): a reader's search for it, and pdftotext, found it
    split (14 in the Indonesian madiun-2025 report, 16 in the English). Every one the report prints is now found
    whole, by each text extractor at hand."""
    keys = printed_keys(shown_text((madiun.folder / "report.html").read_text(encoding="utf-8")))
    assert {"assumptions.severity.incapacity_months_mean", "premium.bpu_discount_excluded_payers",
            "../shared/seeds/001_6389829a22a7e3ec.txt", "madiun-2025-prior"} <= keys  # the test sees the long ones
    for tool, text in pdf_texts(madiun.folder / "report.pdf").items():
        assert not sorted(k for k in keys if k not in text), tool


# --- tables: a numbered caption, in the report's language ---------------------------------------------------------


def test_every_table_has_a_numbered_caption_in_the_html_and_the_pdf(madiun):
    """A table had only its column headings: neither a screen reader nor a reader told where to look could name it.
    Each now has a caption, numbered in the order the report shows them ("Tabel 1." ... in Indonesian), the HTML's
    <caption> and a line above the table in the PDF, in the same order."""
    code = madiun.lang.code
    page = (madiun.folder / "report.html").read_text(encoding="utf-8")
    found = re.findall(r'<table class="data" data-table="(\w+)">(?:<caption>(.*?)</caption>)?<thead>', page)
    assert len(found) >= 10 and all(caption for _, caption in found), [name for name, c in found if not c]
    captions = [html.unescape(caption) for _, caption in found]
    word = {"id": "Tabel", "en": "Table"}[code]
    assert [c.split(". ", 1)[0] for c in captions] == [f"{word} {n}" for n in range(1, len(captions) + 1)]
    assert [c.split(". ", 1)[1] for c in captions] == [TEXT[f"table_{name}"][code] for name, _ in found]
    text = " ".join(pdf_texts(madiun.folder / "report.pdf")["pypdf"].split())
    at = [text.find(c) for c in captions]
    assert -1 not in at and at == sorted(at), [c for c, k in zip(captions, at) if k < 0]


def test_the_risk_tables_caption_says_it_holds_the_first_year_only(madiun):
    """The risk table holds the first year only (its lead-in: "First-year risk at 99.5%"): a row of it and a row of
    their Monte Carlo precision. But its caption said "by year" ("per tahun") as the results table's, which has a
    row for every year of the horizon."""
    code, first = madiun.lang.code, madiun.summary["periods"][0]["period"]
    page = (madiun.folder / "report.html").read_text(encoding="utf-8")
    caption, body = re.search(r'data-table="risk"><caption>(.*?)</caption>.*?<tbody>(.*?)</tbody>', page, re.S).groups()
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    assert len(madiun.summary["periods"]) > 2 and len(rows) == 2
    assert re.match(rf"<th scope=\"row\"[^>]*>{first}</th>", rows[0])
    assert re.match(rf"<th scope=\"row\"[^>]*>{TEXT['row_risk_precision'][code]}</th>", rows[1])
    first_year, by_year = {"id": ("tahun pertama", "per tahun"), "en": ("of the first year", "by year")}[code]
    assert first_year in html.unescape(caption) and by_year not in html.unescape(caption)


def test_every_table_the_reports_make_has_a_caption_in_both_languages():
    """Each table name the report code makes (``Table("name", ...)``) has its caption, ``table_<name>``, in
    Indonesian and in English: a new table without one would stop the report."""
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "sim").glob("report*.py"))
    names = set(re.findall(r'\bTable\(\s*"(\w+)"', source))
    assert len(names) >= 20
    assert not [n for n in sorted(names) if set(TEXT.get(f"table_{n}", ())) != {"id", "en"}]


# --- tables: a row header for every cell, a group's name for its every row ----------------------------------------


class _Tables(html.parser.HTMLParser):
    """Each table of a page by name: its number of columns (its headings') and, per <tbody>, its rows, each a list
    of cells (tag, scope, rowspan, colspan, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._table, self._cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(a.get("data-table"), {"columns": 0, "bodies": []})
        elif tag == "tbody" and self._table is not None:
            self._table["bodies"].append([])
        elif tag == "tr" and self._table is not None and self._table["bodies"]:
            self._table["bodies"][-1].append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = {"tag": tag, "scope": a.get("scope"), "rowspan": int(a.get("rowspan") or 1),
                          "colspan": int(a.get("colspan") or 1), "text": ""}
            if self._table["bodies"]:
                self._table["bodies"][-1][-1].append(self._cell)
            else:  # a column heading
                self._table["columns"] += self._cell["colspan"]

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def html_tables(page: str) -> dict:
    parser = _Tables()
    parser.feed(page)
    parser.close()
    return parser.tables


def row_header_faults(name: str, table: dict) -> list[str]:
    """What a screen reader would miss in a table: a data cell with no row header, neither a <th scope="row"> of its
    row nor a <th scope="rowgroup"> (or "row") of an earlier row whose rowspan covers it; a row whose cells, those
    spanning it from above counted, are not as many as the table's columns; a rowspan beyond its <tbody>."""
    faults = []
    for b, body in enumerate(table["bodies"]):
        spanning = []  # (cell, the last row of the body it covers)
        for r, row in enumerate(body):
            cells = [c for c, last in spanning if last >= r] + row
            if sum(c["colspan"] for c in cells) != table["columns"]:
                faults.append(f"{name}, body {b}, row {r}: {sum(c['colspan'] for c in cells)} columns, "
                              f"not {table['columns']}")
            if not any(c["tag"] == "th" and c["scope"] in ("row", "rowgroup") and c["text"].strip() for c in cells):
                faults += [f"{name}, body {b}, row {r}: {c['text']!r} has no row header" for c in row
                           if c["tag"] == "td"]
            spanning += [(c, r + c["rowspan"] - 1) for c in row if c["rowspan"] > 1]
        faults += [f"{name}, body {b}: {c['text']!r} spans beyond its body" for c, last in spanning
                   if last >= len(body)]
    return faults


def rowgroups(table: dict) -> list[tuple[str, int]]:
    """A table's group headings (<th scope="rowgroup">): each one's text and the rows it spans."""
    return [(html.unescape(c["text"]), c["rowspan"]) for body in table["bodies"] for row in body for c in row
            if c["tag"] == "th" and c["scope"] == "rowgroup"]


def cell_headers(table: dict) -> list[list[tuple[int, str, list[str]]]]:
    """Per row of a table's body (its <tbody>s in turn), its data cells (<td>), each with its column and the texts
    of its row headers as the HTML table model assigns them (WHATWG HTML, "forming relationships between data cells
    and header cells"): a <th scope="row"> left of it in its row (its own or one spanning it from above), and a <th
    scope="rowgroup"> of its <tbody> in its row or above it, in its column or left of it."""
    out = []
    for body in table["bodies"]:
        slots, placed = {}, []  # (row, column): the cell covering it; (cell, row, column) where each is anchored
        for r, row in enumerate(body):
            x = 0
            for c in row:
                while (r, x) in slots:
                    x += 1
                slots.update(((r + dy, x + dx), c) for dy in range(c["rowspan"]) for dx in range(c["colspan"]))
                placed.append((c, r, x))
                x += c["colspan"]
        rows = [[] for _ in body]
        for c, r, x in placed:
            if c["tag"] != "td":
                continue
            heads = [slots[r, left] for left in range(x)
                     if slots.get((r, left), {}).get("tag") == "th" and slots[r, left]["scope"] == "row"]
            heads += [h for h, hr, hx in placed
                      if h["tag"] == "th" and h["scope"] == "rowgroup" and hr <= r and hx <= x]
            rows[r].append((x, c["text"], [h["text"].strip() for h in heads]))
        out += rows
    return out


def group_faults(block, table: dict, group: int, names: tuple) -> list[str]:
    """The data cells of a grouped table (``block``; ``table``, its HTML as read) that are not read with their group's
    name (``block``'s column ``group``, given on the group's first row: the nearest row above that names it) and
    with their row's cells in the columns ``names`` (the benefit; the period). A cell of the group's own (a pledge
    outcome's probability, spanning its rows) is read with the group's name alone."""
    rows = cell_headers(table)
    if len(rows) != len(block.rows):
        return [f"{len(rows)} rows, not {len(block.rows)}"]
    faults = []
    for k, (row, cells) in enumerate(zip(block.rows, rows)):
        need = {next(r[group] for r in block.rows[k::-1] if r[group]), *(row[j] for j in names)}
        faults += [f"row {k}: {text!r} is read with {heads}, not {sorted(need)}" for x, text, heads in cells
                   if x not in block.grouped and not need <= set(heads)]
    return faults + ([] if any(cells for cells in rows) else ["no data cell"])


def test_every_data_cell_of_the_report_has_a_row_header_and_a_segment_names_its_every_row(madiun):
    """Each row's first cell heads it, but the validation breakdown gives a segment's name on the first of its rows
    only: a screen reader reading a figure of a later row heard no row header at all (a blank <td> began the row),
    nor the segment. Each segment is now a <tbody> whose name, a <th scope="rowgroup">, spans its rows, and the
    benefit heads each row: every data cell of every table has a row header, and every row is as wide as the
    table, spans counted."""
    tables = html_tables((madiun.folder / "report.html").read_text(encoding="utf-8"))
    assert len(tables) >= 10
    assert not [f for name, t in tables.items() for f in row_header_faults(name, t)]
    labels = {s.name: s.labels[madiun.lang.code] for s in madiun.scenario.segments}
    segments = [r["segment"] for r in madiun.summary["breakdown"] if r["period"] == "total"]  # the rows it shows
    assert len(labels) >= 2
    assert rowgroups(tables["validation"]) == [(labels[s], len(list(run))) for s, run in itertools.groupby(segments)]
    assert not group_faults(report_table(madiun, "validation"), tables["validation"], 0, (1,))  # segment, benefit


def report_table(report, name: str):
    """The report's table ``name`` (a Table of its sections)."""
    from sim.report_document import Table

    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def test_with_a_year_flagged_each_cell_of_the_validation_breakdown_is_read_with_its_segment(planning):
    """A single year's row of the breakdown is shown where it is flagged (or has too few trials): the table then
    keeps its period column first, and gives a segment's name on the first of its rows of a period only. Its first
    cell (the period) is never blank, so no row group was made: a cell of a segment's later row was read with its
    period alone, not its segment nor its benefit. Two rows of one segment in one year and one of another segment
    are flagged here: each segment of a period is a <tbody> whose name (a <th scope="rowgroup">) spans its rows,
    the period and the benefit head each row, and every data cell is read with all three."""
    import copy

    from sim import report_html
    from sim.report_sections import segment_labels, validation_section

    summary = copy.deepcopy(planning.summary)
    rows = summary["breakdown"]
    year = next(r["period"] for r in rows if r["period"] != "total")
    first = next(i for i, r in enumerate(rows) if r["period"] == year)
    same = [i for i, r in enumerate(rows) if r["period"] == year and r["segment"] == rows[first]["segment"]][:2]
    other = next(i for i, r in enumerate(rows) if r["period"] == year and r["segment"] != rows[first]["segment"])
    for i in [*same, other]:
        rows[i]["flag"] = "check"
    labels = segment_labels(planning.scenario, planning.lang)
    section = validation_section(planning.lang, summary, planning.extra, labels)
    block = next(b for b in section.blocks if getattr(b, "name", "") == "validation")
    shown = [r[:2] for r in block.rows if r[0] == year]
    assert len(same) == 2 and (year, labels[rows[first]["segment"]]) in shown and (year, "") in shown  # the case
    table = html_tables(report_html._block(planning, block))["validation"]
    assert not row_header_faults("validation", table)
    assert not group_faults(block, table, 1, (0, 2))  # segment; period and benefit
    assert [span for _, span in rowgroups(table)] == [len(list(run)) for run in
                                                     split_at(block.rows, lambda r: r[1] != "")]


def split_at(rows: list, starts) -> list[list]:
    """``rows`` in runs, each from a row where ``starts`` holds to the next."""
    runs = []
    for row in rows:
        if starts(row) or not runs:
            runs.append([])
        runs[-1].append(row)
    return runs




def test_the_row_header_check_sees_a_cell_without_one_and_a_span_that_does_not_fit():
    """The check can fail: a cell of a row with no heading, a row one column too wide once the span above is
    counted, and a rowspan longer than its body are each reported."""
    page = ('<table data-table="t"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>'
            '<tbody><tr><th scope="rowgroup" rowspan="3">g</th><td>1</td></tr><tr><td>2</td></tr></tbody>'
            '<tbody><tr><td></td><td>3</td></tr><tr><th scope="row" rowspan="2">h</th><td>4</td></tr>'
            '<tr><td>5</td><td>6</td></tr></tbody></table>')
    assert row_header_faults("t", html_tables(page)["t"]) == [
        "t, body 0: 'g' spans beyond its body", "t, body 1, row 0: '' has no row header",
        "t, body 1, row 0: '3' has no row header", "t, body 1, row 2: 3 columns, not 2"]


@pytest.fixture(scope="module", params=["id", "en"])
def planning(request, tmp_path_factory):
    """madiun-2026-ucj-csr (a planning report: its table of pledge outcomes has a group of years per outcome) in
    each language."""
    return build(load_scenario("madiun-2026-ucj-csr", [f"scenario.trials={TRIALS}"]), request.param,
                 tmp_path_factory.mktemp(f"planning_{request.param}"))


def test_every_data_cell_of_the_planning_report_has_a_row_header_and_an_outcome_names_its_every_year(planning):
    """The table of pledge outcomes gives an outcome's name and probability on its first year's row only. Each
    outcome is now a <tbody> whose name (a <th scope="rowgroup">) and probability span its years, and the year heads
    each row."""
    tables = html_tables((planning.folder / "report.html").read_text(encoding="utf-8"))
    assert not [f for name, t in tables.items() for f in row_header_faults(name, t)]
    outcomes = planning.extra["planning"]["pledge_outcomes"]["outcomes"]
    groups = rowgroups(tables["plan_pledges"])
    assert len(outcomes) >= 3 and [span for _, span in groups] == [len(o["years"]) for o in outcomes]
    assert not group_faults(report_table(planning, "plan_pledges"), tables["plan_pledges"], 0, (2,))  # outcome, year
    for body, outcome in zip(tables["plan_pledges"]["bodies"], outcomes):
        years = [next(c["text"] for c in row if c["scope"] == "row") for row in body]
        assert years == [str(y["year"]) for y in outcome["years"]]


def _squashed(text: str) -> str:
    """A text without its spaces, line breaks and zero-width break points (where a cell wrapped is not compared)."""
    return re.sub(r"[\s\u200b]+", "", text)


def test_a_pdf_page_a_pledge_outcome_goes_on_to_names_the_outcome_and_its_probability(planning):
    """The table of pledge outcomes gives an outcome's name and probability on its first year's row only: where the
    PDF's table broke inside an outcome, the next page began with years of an outcome it did not name (the
    validation breakdown's segments were already repeated there). The table is drawn from each height down a page
    until it breaks inside an outcome; the next page's first row reads the outcome's name and probability before
    its year, and every row is drawn on the page the layout gave it."""
    from sim.report_document import Table

    block = next(b for s in planning.sections for b in s.blocks if isinstance(b, Table) and b.name == "plan_pledges")
    inside = {k for k, row in enumerate(block.rows) if row[0] == ""}  # an outcome's later years
    assert inside
    for y in range(15, 270):
        pdf = report_pdf._PDF("test", "{n}")
        pdf.add_page()
        pdf.set_y(y)
        _, _, heading, heights, tops = report_pdf._table_geometry(pdf, planning, block)
        new_page, parts = report_pdf.table_pages(report_pdf._room(pdf), pdf.page_break_trigger - pdf.t_margin,
                                                 heading, heights, tops=tops)
        if not new_page and len(parts) > 1 and parts[1][0] in inside:
            break
    else:
        pytest.fail("no height down the page breaks the table inside an outcome")
    report_pdf._table(pdf, planning, block)
    pages = [_squashed(p.extract_text()) for p in PdfReader(io.BytesIO(bytes(pdf.output()))).pages]
    assert len(pages) == len(parts)
    top = parts[1][0]
    name, probability = next(row[:2] for row in block.rows[top::-1] if row[0])  # its outcome's first row
    year = block.rows[top][2]
    assert _squashed(name + report_pdf._text(planning, probability) + year) in pages[1], (y, pages[1][:300])
    for page, rows in zip(pages, parts):  # no row lost or pushed off its page: each row's year and members there
        for k in rows:
            assert _squashed(block.rows[k][2] + report_pdf._text(planning, block.rows[k][3])) in page


# --- charts: an alt text that says what the chart shows ------------------------------------------------------------


def _fan_rows(years=("2025", "2026", "2027")) -> list[dict]:
    rows = []
    for k, year in enumerate(years):
        row = {"period": year, "premium_idr": 3.0e9 + 1e8 * k}
        for what, scale in (("claims", 6.5e9 + 4e8 * k), ("claim_ratio", 2.1 + 0.17 * k)):
            row.update({f"{what}_{q}": scale * f for q, f in
                        (("p5", 0.8), ("p25", 0.9), ("p50", 1.0), ("p75", 1.1), ("p95", 1.23), ("mean", 1.01))})
        rows.append(row)
    return rows


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_histograms_alt_text_gives_the_mean_and_90_percent_interval_it_draws(code):
    """The histogram's alt text repeated its caption ("Sebaran rasio klaim ..."), which says how to read it, not
    what it shows. It now names the axes and gives the mean and the 90 % interval the chart draws (read from the
    drawn lines here), the number of trials and the share beyond break-even."""
    lang = Language(code)
    ratios = np.random.default_rng(7).gamma(25.0, 0.09, 1500)
    ax = charts.claim_ratio_distribution(ratios, "2025", lang).axes[0]
    mean = next(line for line in ax.lines if line.get_label().startswith(lang("chart_mean"))).get_xdata()[0]
    band = next(p for p in ax.patches if p.get_label() == lang("chart_interval90"))
    alt = chart_descriptions.claim_ratio_distribution(ratios, "2025", lang)
    for shown in (lang.percent(mean), lang.percent(band.get_x()), lang.percent(band.get_x() + band.get_width()),
                  lang.count(1500), lang.chance(float(np.mean(ratios > 1)), 1500)):
        assert shown in alt, shown
    assert lang("chart_ratio_axis_short").lower() in alt.lower() and lang("caption_ratio", period="2025") not in alt


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_fan_charts_alt_text_gives_the_first_and_last_years_median_and_band_it_draws(code):
    """The fan chart's alt text gives, on both panels, the median and the 90 % band of its first and last year
    (read from the drawn median lines and bands here) and the premium, not its caption."""
    lang = Language(code)
    rows = _fan_rows()
    fig = charts.fan(rows, lang)
    alt = chart_descriptions.fan(rows, lang)
    for ax, show in zip(fig.axes, (lang.money, lang.percent)):
        median = next(line for line in ax.lines if line.get_label() == lang("chart_median")).get_ydata()
        band = next(c for c in ax.collections if c.get_label() == lang("chart_band90")).get_paths()[0].vertices[:, 1]
        for value in (median[0], median[-1], band.min(), band.max()):
            assert show(value) in alt, show(value)
        assert show(median[1]) not in alt  # the years between are left to the table below the chart
    assert lang.money(rows[0]["premium_idr"]) in alt and lang.money(rows[-1]["premium_idr"]) in alt
    assert lang("caption_fan") not in alt


def test_a_tornados_alt_text_names_its_widest_bars_with_their_ends():
    """The tornado's alt text counts its bars and gives the widest (those the chart draws first, at the top) with
    the claims at each end of the range; a bar that moves nothing is not drawn, nor counted."""
    lang = Language("en")
    rows = [{"parameter": f"Assumption {k}", "claims_low_idr": 6e9 - 1e8 * (9 - k),
             "claims_high_idr": 6e9 + 2e8 * (9 - k), "low": 0.5, "high": 1.5} for k in range(9)] + [
        {"parameter": "Nothing moves", "claims_low_idr": 6e9, "claims_high_idr": 6e9, "low": 1, "high": 2}]
    alt = chart_descriptions.tornado(rows, 6e9, "2025", lang)
    assert "9 bars" in alt and lang.money(6e9) in alt
    for r in rows[:chart_descriptions.WIDEST]:
        assert f"{r['parameter']}: {lang.money(r['claims_low_idr'])} at the low end and " \
               f"{lang.money(r['claims_high_idr'])} at the high end" in alt
    assert "Assumption 3" not in alt and "Nothing moves" not in alt
    few = chart_descriptions.tornado(rows[:2] + rows[-1:], 6e9, "2025", lang)
    assert "Its bars, the widest at the top: Assumption 0" in few and "Assumption 1" in few and "2 bars" not in few
    assert chart_descriptions.tornado(rows[-1:], 6e9, "2025", lang).endswith("No assumption moves those claims.")


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_payer_charts_alt_text_says_the_targets_premium_is_at_the_next_years_rates(code):
    """A year-end target's premium is the following year's, at its rates (madiun-2026-ucj-csr's 2026 target takes
    Rp3.69 bn in 2027): the payer chart's caption, its legend and the table say so, but its alt text gave the
    diamonds as "a full year's premium for the year-end target: 2026 Rp3.69 bn", the 2026 figure in a reader's ear
    where the summary lists it as 2027's. It says which year's rates they are at, as the caption does."""
    lang = Language(code)
    years = [{"year": y, "budget_idr": 4e9, "target": 20_000.0 + k, "target_premium_idr": 3.69e9 + k * 1e8,
              "target_rates_year": str(int(y) + 1)} for k, y in enumerate(("2026", "2027"))]
    payers = [{"year": y["year"], "payer": "APBD", "premium_idr": 2.5e9} for y in years]
    alt = chart_descriptions.plan_premium(years, payers, lang)
    rates = {"id": "dengan tarif tahun berikutnya", "en": "at the next year's rates"}[code]
    assert rates in lang("caption_plan_target_premium")  # the caption's words, which the alt text now shares
    diamonds = alt[alt.index(lang.money(4e9)):]  # after the budget's lines: the targets' premiums
    assert rates in diamonds and all(lang.money(y["target_premium_idr"]) in diamonds for y in years)
    # Each premium with its target's year and the year it is paid in, which the summary lists it under.
    paid = {"id": "{value} untuk target akhir {year} (dibayar pada {paid})",
            "en": "{value} for the {year} year-end target (paid in {paid})"}[code]
    for y in years:
        assert paid.format(value=lang.money(y["target_premium_idr"]), year=y["year"], paid=y["target_rates_year"]) \
            in diamonds


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_members_charts_alt_text_names_the_month_of_each_end(code):
    """The members chart draws members in force each month; its alt text said "26,857 at the end" where the summary
    says "26,753 at the end of 2030" (the year-end close). Each end is given with its month, as the line draws it."""
    lang = Language(code)
    months = [{"month": "2026-01", "members": 17_484.0}, {"month": "2026-07", "members": 27_000.0},
              {"month": "2030-12", "members": 26_857.0}]
    alt = chart_descriptions.plan_members(months, [], lang)
    month = {"id": ("Januari 2026", "Desember 2030"), "en": ("January 2026", "December 2030")}[code]
    word = {"id": "pada", "en": "in"}[code]
    assert f"{lang.count(17_484)} {word} {month[0]}" in alt and f"{lang.count(26_857)} {word} {month[1]}" in alt
    assert {"id": "di akhir", "en": "at the end"}[code] not in alt


def test_the_indonesian_alt_texts_give_a_value_then_its_year_as_the_summary_lists_targets():
    """The planning charts' alt texts listed a value per year as "2026 22.504, 2027 22.009": read aloud, a year and
    a count of members run together into two numbers. In Indonesian each value comes first with its year in
    brackets, "22.504 (2026)", as the summary lists its targets ("Target akhir tahun 20.656 (2026), ..."); no year
    is followed by a number. The English keeps "2026 22,504"."""
    lang = Language("id")
    years = [{"year": y, "budget_idr": 4e9, "members_affordable": 22_504.0 - k, "target": 20_656.0 + k,
              "target_premium_idr": 3.69e9 + k * 1e8, "target_rates_year": str(int(y) + 1)}
             for k, y in enumerate(("2026", "2027"))]
    months = [{"month": "2026-01", "members": 17_484.0}, {"month": "2027-12", "members": 23_828.0}]
    members = chart_descriptions.plan_members(months, years, lang)
    premium = chart_descriptions.plan_premium(years, [{"year": y["year"], "payer": "APBD", "premium_idr": 2.5e9}
                                                      for y in years], lang)
    assert "22.504 (2026) dan 22.503 (2027)" in members and "20.656 (2026) dan 20.657 (2027)" in members
    assert f"{lang.money(4e9)} (2026)" in premium and f"{lang.money(3.79e9)} untuk target akhir 2027" in premium
    assert not [alt for alt in (members, premium) if re.search(r"\b20\d\d (?:Rp)?\d", alt)]
    english = chart_descriptions.plan_members(months, years, Language("en"))
    assert "2026 22,504 and 2027 22,503" in english


def chart_alts(folder) -> dict[str, tuple[str, str]]:
    """Each chart of the HTML: its alt text and its caption."""
    page = (folder / "report.html").read_text(encoding="utf-8")
    return {name: (html.unescape(alt), html.unescape(caption)) for name, alt, caption in re.findall(
        r'<figure data-chart="(\w+)"><img alt="(.*?)" src=.*?<figcaption>(.*?)</figcaption>', page, re.S)}


def test_every_charts_alt_text_says_what_it_shows_in_the_html_and_the_pdf(madiun):
    """Every chart's alt text differs from its caption and holds the numbers the chart is drawn from (report.json:
    the fan's first and last year, the coverage line at today's members, each payer's premium, the widest tornado
    bar); the PDF carries the same texts on its pictures (a /Figure of its structure tree with /Alt)."""
    lang, extra = madiun.lang, madiun.extra
    alts = chart_alts(madiun.folder)
    assert set(alts) == set(madiun.charts) >= {"claim_ratio", "fan", "coverage", "funding", "tornado"}
    for name, (alt, caption) in alts.items():
        assert alt == madiun.alts[name] and alt != caption and caption not in alt, name
    fan = extra["fan"]
    for row in (fan[0], fan[-1]):
        for q in ("p50", "p5", "p95"):
            assert lang.money(row[f"claims_{q}"]) in alts["fan"][0] and lang.percent(row[f"claim_ratio_{q}"]) in \
                alts["fan"][0]
    year = extra["budget_year"]
    assert lang.count(year["members"]) in alts["coverage"][0]
    assert lang.money(year["annual_premium_idr"]) in alts["coverage"][0]
    assert all(lang.money(r["annual_premium_idr"]) in alts["funding"][0] for r in extra["funding"])
    widest = extra["sensitivity"]["rows"][0]
    assert lang.money(widest["claims_low_idr"]) in alts["tornado"][0]
    figures = [e.get_object() for e in PdfReader(madiun.folder / "report.pdf").trailer["/Root"]["/StructTreeRoot"]
               ["/K"][0].get_object()["/K"] if e.get_object()["/S"] == "/Figure"]
    assert [f["/Alt"] for f in figures] == [alt for alt, _ in alts.values()]


# --- the PDF's structure: tagged text, headings, language, title ---------------------------------------------------


def structure(path) -> list[tuple[str, object]]:
    """The PDF's structure elements under /Document, in order: (type without '/', the element)."""
    document = PdfReader(path).trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    return [(e.get_object()["/S"][1:], e.get_object()) for e in document["/K"]]


def untagged_text(path) -> list[str]:
    """The text each page draws outside any structure element (a marked-content sequence with an MCID) and outside
    an /Artifact (page furniture: the footer)."""
    reader, out = PdfReader(path), []
    for n, page in enumerate(reader.pages, 1):
        stack = []  # per open marked-content sequence: whether it is tagged content or an artifact
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"BDC":
                stack.append(operands[0] == "/Artifact" or "/MCID" in operands[1])
            elif operator == b"BMC":
                stack.append(operands[0] == "/Artifact")
            elif operator == b"EMC":
                stack.pop()
            elif operator in (b"Tj", b"TJ", b"'", b'"') and not any(stack):
                out.append(f"page {n}: {operator.decode()}")
        assert not stack, f"a marked-content sequence left open at the end of page {n}"
    return out


def test_every_text_of_the_pdf_is_in_a_structure_element_or_an_artifact(madiun):
    """fpdf2 tags pictures only (a /Figure with the chart's /Alt): with the alt texts alone, the PDF said it was
    tagged while none of its text was in a structure element, and a screen reader that reads by the tags would have
    skipped it all. Every text the PDF draws now belongs to an element (title H1, section headings H2, paragraphs
    P, tables' cells Div) or, the page footer, to an /Artifact; the elements read the report in its order."""
    path = madiun.folder / "report.pdf"
    assert not untagged_text(path)
    elements = structure(path)
    roles = [role for role, _ in elements]
    assert roles[0] == "H1" and set(roles) == {"H1", "H2", "P", "Div", "Figure"}
    assert roles.count("Figure") == len(madiun.charts) and roles.count("Div") >= 10  # the tables' cells and tiles
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    # Each section heading an H2, in the report's order (a long one may go on over a page: one element a page).
    headings = [e for role, e in elements if role == "H2"]
    assert len(headings) == len(madiun.sections)
    first_pages = [reader.get_page_number(h["/Pg"]) for h in headings]
    assert first_pages == sorted(first_pages)
    outline = [reader.get_destination_page_number(m) for m in reader.outline]
    assert outline == first_pages  # each bookmark opens the page of its heading element


def first_baseline(reader: PdfReader, element) -> float:
    """The baseline (pt from the page's foot) of the first line a structure element's marked content draws."""
    page = reader.pages[reader.get_page_number(element["/Pg"])]
    mcid, inside = element["/K"][0], False
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"BDC":
            inside = isinstance(operands[1], dict) and operands[1].get("/MCID") == mcid
        elif operator == b"Td" and inside:
            return float(operands[1])
    raise AssertionError(f"no text drawn in MCID {mcid}")


def bookmarks(reader: PdfReader) -> list:
    """The PDF's top-level outline items (bookmarks), in order, as stored (with every key)."""
    out, item = [], reader.trailer["/Root"]["/Outlines"].get("/First")
    while item is not None:
        out.append(item.get_object())
        item = out[-1].get("/Next")
    return out


def test_each_bookmark_names_its_headings_element_and_opens_the_page_at_the_headings_top(madiun):
    """Each bookmark opened its heading's page, but named no structure element, so a screen reader's list of
    bookmarks could not lead into the structure. Each now names its section's H2 (/SE, the key the PDF standard
    gives; fpdf2 writes its own such links as /StructElem, which no reader knows), in the report's order, and opens
    the page at the heading's top: above its first line's baseline by less than the heading's line."""
    reader = PdfReader(madiun.folder / "report.pdf")
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    h2 = [ref.idnum for ref in document["/K"] if ref.get_object()["/S"] == "/H2"]
    marks = bookmarks(reader)
    assert [m["/Title"] for m in marks] == [sec.title for sec in madiun.sections]
    assert not [m["/Title"] for m in marks if "/StructElem" in m]
    assert [m.raw_get("/SE").idnum for m in marks] == h2
    line = report_pdf.TITLE_LINE * 72 / 25.4
    for mark in marks:
        heading = mark["/SE"].get_object()
        page, fit, _, top = mark["/Dest"][:4]
        assert (page.idnum, fit) == (heading.raw_get("/Pg").idnum, "/XYZ"), mark["/Title"]
        assert 0 < top - first_baseline(reader, heading) < line, mark["/Title"]


def _unicode(font) -> dict[bytes, str]:
    """A font's codes and the text each stands for (its /ToUnicode map)."""
    cmap, out = font["/ToUnicode"].get_object().get_data().decode("latin-1"), {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<(\w+)>\s*<(\w+)>", block):
            out[bytes.fromhex(code)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, first in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            for k, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code.to_bytes(len(low) // 2, "big")] = chr(int(first, 16) + k)
    return out


def _marked_text(reader: PdfReader, page) -> dict[int, str]:
    """The text a page draws in each marked-content sequence with an MCID, as its strings hold it: nothing added
    where a line or a cell ends."""
    fonts = {name: _unicode(font.get_object()) for name, font in page["/Resources"]["/Font"].items()}
    out, stack, font = {}, [], {}
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            font = fonts[operands[0]]
        elif operator in (b"BDC", b"BMC"):
            stack.append(operands[1].get("/MCID") if operator == b"BDC" and isinstance(operands[1], dict) else None)
        elif operator == b"EMC":
            stack.pop()
        elif operator in (b"Tj", b"TJ") and stack and stack[-1] is not None:
            width = len(next(iter(font)))
            for string in operands[0] if operator == b"TJ" else operands:
                if not isinstance(string, (int, float)):
                    data = string.original_bytes
                    out[stack[-1]] = out.get(stack[-1], "") + "".join(
                        font.get(data[i:i + width], "\ufffd") for i in range(0, len(data), width))
    return out


def structure_texts(path) -> list[tuple[str, str]]:
    """Each element of the PDF's structure tree, in order, with its text as a screen reader that follows the tags
    takes it (as ``pdfinfo -struct-text`` prints it): the strings of its marked content, one after another."""
    reader, pages, out = PdfReader(path), {}, []
    for role, element in structure(path):
        n = reader.get_page_number(element["/Pg"])
        if n not in pages:
            pages[n] = _marked_text(reader, reader.pages[n])
        out.append((role, "".join(pages[n].get(k, "") for k in element["/K"] if isinstance(k, int))))
    return out


def test_the_text_a_screen_reader_takes_from_the_pdfs_structure_has_a_space_between_lines_and_cells(madiun):
    """fpdf2 drops the space where it wraps a line and draws nothing between a table's cells, so the text a screen
    reader takes from the structure tree ran words together: "klaimtercatat", "setahunpenuh" and, in a table, two
    figures as one ("Rp3,05 miliar17.484", "144217"): some 760 such words in each language's madiun-2025 report
    of 2,000 trials. Every word of that text is now one the report's HTML shows (but the "(continued)" of a table's
    caption on a further page, which the PDF alone has), read here from the PDF's strings and, where poppler is
    installed, by ``pdfinfo -struct-text``."""
    path = madiun.folder / "report.pdf"
    words = set(re.findall(r"\w+", shown_text((madiun.folder / "report.html").read_text(encoding="utf-8"))))
    words |= set(re.findall(r"\w+", madiun.lang("table_continued", caption="")))
    texts = {"pypdf": " ".join(text for _, text in structure_texts(path))}
    if shutil.which("pdfinfo"):
        tree = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True,
                              check=True).stdout
        texts["pdfinfo"] = " ".join(re.findall(r'^\s*"(.*)"$', tree, re.M))
    for tool, text in texts.items():
        assert len(text) > 20_000, tool
        assert not sorted({w for w in re.findall(r"\w+", text) if w not in words})[:20], tool


def _line_starts(data: bytes) -> list[list[tuple]]:
    """Where each line of text starts (its Td operands), page by page."""
    reader = PdfReader(io.BytesIO(data))
    return [[tuple(operands) for operands, operator in ContentStream(page.get_contents(), reader).operations
             if operator == b"Td"] for page in reader.pages]


def test_a_wrapped_key_reads_whole_and_cells_and_lines_apart_in_the_structure(tmp_path):
    """Where fpdf2 wraps a key too long for its column at one of its break points (:func:`sim.report_pdf.breakable`),
    no space is added: the key reads whole. A wrapped paragraph's lines, a cell's two lines ("name" / "(key)") and a
    row's cells read with a space between them."""
    from sim.report_document import Para, Section, Table
    from test_report_layout import _report

    key = ".".join(f"segment_{k}_incapacity_months" for k in range(8))  # far wider than half the page: it wraps
    para = " ".join(f"kata{k}" for k in range(120))
    report = _report([("Satu", [])])
    report.sections = [Section("s", "Satu", [Para(para), Table("t", ("Kunci", "Nilai"), [
        (key, "12"), ("Nama\n(assumptions.severity.share_death)", "34")])])]
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf.render_pdf(report))
    texts = structure_texts(path)
    page = PdfReader(path).pages[0].extract_text()
    assert key not in page and key[:40] in page  # drawn over lines
    assert ("P", para + " ") in texts
    cells = next(text for role, text in texts if role == "Div")
    assert f" {key} 12 " in cells and " Nama (assumptions.severity.share_death) 34 " in cells


def test_the_space_after_a_line_moves_nothing(madiun, monkeypatch):
    """The space that ends a line is drawn after the width fpdf2 aligns the line on: every line of the report
    starts where it does without it (the right-aligned figures of the tables too), on the same pages."""
    spaced = _line_starts(report_pdf.render_pdf(madiun))
    monkeypatch.setattr(report_pdf._PDF, "_spaced", lambda self, line: line)
    unspaced = report_pdf.render_pdf(madiun)
    assert _line_starts(unspaced) == spaced
    assert " ".join(text for _, text in structure_texts(io.BytesIO(unspaced))) != \
        " ".join(text for _, text in structure_texts(madiun.folder / "report.pdf"))


def test_the_pdf_names_its_language_title_and_subject_and_the_window_shows_the_title(madiun):
    lang, scenario = madiun.lang, madiun.scenario
    reader = PdfReader(madiun.folder / "report.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang.code
    assert reader.metadata.title == lang("html_title", region=scenario.regions[lang.code])
    assert reader.metadata.subject == lang("html_subtitle", id=scenario.id, title=scenario.titles[lang.code])
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_pdfs_xmp_metadata_says_what_its_info_dictionary_says_and_its_language(madiun):
    """The PDF had an Info dictionary only: PDF/UA and most validators read the title, language and producer from
    an XMP metadata stream, and found none. It now has one, which agrees with the Info dictionary (title, subject,
    author, creator, producer, creation date), gives the title under the report's language too and names that
    language."""
    lang, path = madiun.lang, madiun.folder / "report.pdf"
    reader = PdfReader(path)
    info, xmp = reader.metadata, reader.xmp_metadata
    assert xmp is not None and info.producer.startswith("fpdf2 ")
    assert xmp.dc_title == {"x-default": info.title, lang.code: info.title}
    assert info.title == lang("html_title", region=madiun.scenario.regions[lang.code])
    assert xmp.dc_description == {"x-default": info.subject, lang.code: info.subject}
    assert xmp.dc_language == [lang.code] and xmp.dc_creator == [info.author]
    assert (xmp.xmp_creator_tool, xmp.pdf_producer) == (info.creator, info.producer)
    created = dt.datetime.fromisoformat(madiun.manifest["created"])
    assert info.creation_date == created  # the manifest's time, to the second
    utc = created.astimezone(dt.timezone.utc).replace(tzinfo=None)  # pypdf reads XMP dates as naive UTC
    assert xmp.xmp_create_date == xmp.xmp_modify_date == xmp.xmp_metadata_date == utc


def test_the_pdf_is_the_same_bytes_when_rendered_again_from_its_report(madiun):
    """The PDF's creation date was the moment fpdf2's document was made (and its file /ID derived from it), so the
    same report rendered twice gave two different files. It is now the manifest's ``created``: the PDF depends on
    the report alone, and its Info and XMP dates are the manifest's."""
    from sim.report_pdf import render_pdf

    assert render_pdf(madiun) == (madiun.folder / "report.pdf").read_bytes()


class _Outline(html.parser.HTMLParser):
    """What a screen reader navigates by: the root's language, the title, headings in order, ids, in-page links,
    images' alt texts, and whether every element opened was closed (void elements aside)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang, self.title, self.headings, self.ids, self.links, self.alts = None, "", [], [], [], []
        self.open, self.unclosed, self.repeated_attrs, self._in_title = [], [], [], False

    def handle_starttag(self, tag, attrs):
        names = [k for k, _ in attrs]
        if len(names) != len(set(names)):
            self.repeated_attrs.append(tag)
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        self._in_title = tag == "title"
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "img":
            self.alts.append(a.get("alt"))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        self._in_title = False
        if tag in self.VOID:
            return
        while self.open and self.open[-1] != tag:  # an element left open inside this one
            self.unclosed.append(self.open.pop())
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def test_the_html_reads_in_order_for_a_screen_reader(madiun):
    """report.html names its language and title, has one h1 and no skipped heading level, unique ids, in-page links
    that land on an id, an alt text on every image, and every element closed (WCAG 2.1: 3.1.1, 2.4.2, 1.3.1, 2.4.1,
    1.1.1, 4.1.1)."""
    page = (madiun.folder / "report.html").read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(page)
    outline.close()
    assert outline.lang == madiun.lang.code and outline.title.strip()
    assert outline.headings.count(1) == 1 and outline.headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:])), outline.headings
    assert len(outline.ids) == len(set(outline.ids))
    assert outline.links and set(outline.links) <= set(outline.ids)
    assert outline.alts and all(alt and alt.strip() for alt in outline.alts)
    assert not outline.unclosed and not outline.open and not outline.repeated_attrs
