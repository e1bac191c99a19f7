"""A report as one self-contained HTML file: inline CSS, charts as embedded PNG, no scripts, nothing fetched.

Every figure is a ``<span class="fig">`` with ``data-src`` (``summary.json`` or ``report.json``), ``data-key`` (the
dotted key there), ``data-kind`` (how it is formatted) and ``data-value`` (the number as JSON), so a reader's tool
or a test can trace each number shown to the file it came from.
"""

from __future__ import annotations

import base64
import html
import json

from .report_document import Chart, Figure, Para, Pre, Report, Table, Tiles, fill, keep_amounts_whole

CSS = """
:root { --ink:#1d2733; --muted:#5d6b79; --line:#d9dee4; --accent:#1f5f8b; --claims:#c0392b;
        --assumption:#fff4c2; --calibrated:#e3f0fb; --check:#fde2e0; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9;
       font-size: 14px; line-height: 1.5; }
main { max-width: 1040px; margin: 0 auto; background: white; padding: 32px 44px 48px; }
header h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
header .subtitle { font-size: 15px; margin: 0; }
header .generated { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
nav { margin: 18px 0 8px; padding: 10px 14px; background: #f1f4f7; border-radius: 6px; font-size: 13px; }
nav ol { margin: 4px 0 0; padding-left: 20px; columns: 2; }
h2 { font-size: 20px; color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 34px; }
p.lead { font-size: 16px; }
p.note { color: var(--muted); font-size: 12.5px; }
p.warning { background: var(--check); border-left: 4px solid var(--claims); padding: 6px 10px; }
.fig { font-weight: 600; white-space: nowrap; }
.amount { white-space: nowrap; }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 14px 0 18px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fbfcfd; }
.tile .label { color: var(--muted); font-size: 12px; line-height: 1.3; min-height: 31px; }
.tile .value { font-size: 19px; margin-top: 4px; color: var(--ink); }
.tile .value .fig { font-weight: 700; }
table.data { border-collapse: collapse; width: 100%; margin: 8px 0 6px; font-size: 12.5px; }
table.data caption { caption-side: top; text-align: left; font-weight: 600; padding: 2px 0 4px; }
table.data th { text-align: left; background: #eef2f6; border-bottom: 1px solid var(--line); padding: 5px 6px;
                font-weight: 600; vertical-align: bottom; }
table.data td, table.data tbody th { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
table.data tbody th { background: none; font-weight: normal; }
table.data td.num, table.data th.num { text-align: right; }
table.data td.num .fig { font-weight: 500; }
table.data tr.total > * { font-weight: 700; background: #f7f9fb; }
table.data tr.assumption > * { background: var(--assumption); }
table.data tr.calibrated > * { background: var(--calibrated); }
table.data tr.check > * { background: var(--check); }
/* A group's name (and a figure of the group's) spans its rows: a row's shading marks that row alone. */
table.data tbody.group [rowspan] { background: none; }
table.data .wrap { word-break: break-word; min-width: 220px; max-width: 420px; }
table.data .short { white-space: nowrap; }
figure { margin: 16px 0 20px; }
figure img { max-width: min(100%, 860px); height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
pre { background: #f4f6f8; border: 1px solid var(--line); padding: 10px; font-size: 11px; white-space: pre-wrap;
      word-break: break-all; max-height: 520px; overflow: auto; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; }
/* On paper: no table row, figure, tile or note cut across two pages (nor a group of a table's rows, where it fits on
   one: Chromium moves a group whose name spans its rows whole anyway), a heading or a table's caption never left at
   the foot of a page without what follows it, a table's column headings again on each page it takes (Chromium
   repeats a thead), the shading of flagged rows printed (browsers drop backgrounds unless told), and every table
   within the page's width (smaller type, no least width for a long cell, the summary's tiles tighter). The
   report's only links are its contents' anchors, whose targets ("#results") mean nothing on paper: none is
   printed. */
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { background: white; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, img, .tile, p.note, p.warning { break-inside: avoid; }
  tbody.group { break-inside: avoid; }
  table.data tr.total > *, table.data tr.assumption > *, table.data tr.calibrated > *, table.data tr.check > *,
  table.data th, p.warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.data { font-size: 7.5pt; }  /* as the PDF's tables */
  table.data th, table.data td { padding: 3px 4px; }
  table.data .wrap { min-width: 0; }
  .tiles { gap: 6px; }
  .tile { padding: 6px 8px; }
  .tile .value { font-size: 13pt; }
  pre { max-height: none; overflow: visible; }
  nav a { color: inherit; text-decoration: none; }
}
"""


def figure_html(report: Report, f: Figure) -> str:
    text = html.escape(report.lang.figure(f.kind, f.value))
    return (f'<span class="fig" data-src="{f.src}" data-key="{html.escape(f.key)}" data-kind="{f.kind}" '
            f'data-value="{html.escape(json.dumps(f.value))}">{text}</span>{html.escape(f.mark)}')


def _cell(report: Report, cell, numeric: bool = False, heads_row: bool = False, rowspan: int = 1,
          scope: str = "row") -> str:
    span = f' rowspan="{rowspan}"' if rowspan > 1 else ""
    if isinstance(cell, Figure):
        return f'<td{span} class="num">{figure_html(report, cell)}</td>'
    if numeric:  # a "-" in a column of numbers sits under them, on the right
        return f'<td{span} class="num">{html.escape(str(cell))}</td>'
    text = html.escape(str(cell))
    # The first cell of a row names it (a year, a parameter, a file): a screen reader reading a cell further along
    # says it with the cell's column heading. A blank one heads nothing.
    tag = "th" if heads_row and text.strip() else "td"
    attrs = (f' scope="{scope}"' if tag == "th" else "") + span
    if len(text) > 40:
        return f'<{tag}{attrs} class="wrap">{text}</{tag}>'
    return f'<{tag}{attrs} class="short">{text}</{tag}>' if len(text) <= 12 else f"<{tag}{attrs}>{text}</{tag}>"


def _blank(cell) -> bool:
    """Whether a cell is empty (a "-" is not: it stands for a number that has no value)."""
    return not isinstance(cell, Figure) and not str(cell).strip()


def _groups(block: Table) -> list:
    """The first row of each group of a grouped table (``Table.grouped``: the columns a group gives on its first row
    only, its name first); [] for a table whose every row names itself. A group starts at a row naming it."""
    name = block.grouped[0] if block.grouped and block.rows else None
    if name is None or _blank(block.rows[0][name]):
        return []
    return [k for k, r in enumerate(block.rows) if not _blank(r[name])]


def _body(report: Report, block: Table, numeric: list) -> str:
    """The table's rows. A grouped table (the validation breakdown's segments, the pledge outcomes) has a <tbody>
    per group, whose name is a <th scope="rowgroup"> spanning the group's rows (WCAG technique H63): a screen reader
    reading a cell of a group's later row names the group too, which the blank cell it had did not. The group's
    columns need not lead: where the breakdown shows a period first, the period heads each row before the segment."""
    starts = _groups(block)
    if not starts:
        return "<tbody>" + "".join(_row(report, block, i, numeric) for i in range(len(block.rows))) + "</tbody>"
    ends = starts[1:] + [len(block.rows)]
    return "".join('<tbody class="group">' + "".join(_row(report, block, i, numeric, block.grouped,
                                                          b - a if i == a else 0) for i in range(a, b)) + "</tbody>"
                   for a, b in zip(starts, ends))


def _row(report: Report, block: Table, i: int, numeric: list, grouped: tuple = (), span: int = 0) -> str:
    """Row ``i``, named by its first cell and by its first cell after its group's columns (a benefit, a year; the
    same cell where the group's columns lead); the group's ``grouped`` cells on its first row only, spanning its
    ``span`` rows."""
    style = block.styles[i] if i < len(block.styles) and block.styles[i] else ""
    own = [j for j in range(len(block.rows[i])) if j not in grouped]
    heads = {own[0], next((j for j in own if j > max(grouped)), own[0])} if grouped else {0}
    cells = []
    for j, c in enumerate(block.rows[i]):
        right = j < len(numeric) and numeric[j]
        if j not in grouped:
            cells.append(_cell(report, c, right, j in heads))
        elif span:
            cells.append(_cell(report, c, right, j == grouped[0], span, "rowgroup"))
    return (f'<tr class="{style}">' if style else "<tr>") + "".join(cells) + "</tr>"


def _amounts_whole(text: str) -> str:
    """Escaped prose with each Rupiah amount in a span that does not wrap ("Rp4 bn" in a scenario's description;
    the figures' spans do not wrap either)."""
    return keep_amounts_whole(text, lambda amount: f'<span class="amount">{amount}</span>')


def _block(report: Report, block) -> str:
    if isinstance(block, Para):
        text = _amounts_whole(html.escape(block.text, quote=False))
        text = fill(text, {k: figure_html(report, f) for k, f in block.figures.items()})
        cls = f' class="{block.style}"' if block.style else ""
        return f"<p{cls}>{text}</p>"
    if isinstance(block, Tiles):
        tiles = "".join(f'<div class="tile"><div class="label">{html.escape(label)}</div>'
                        f'<div class="value">{figure_html(report, f)}</div></div>' for label, f in block.items)
        return f'<div class="tiles">{tiles}</div>'
    if isinstance(block, Table):
        numeric = block.numeric_columns()
        # scope="col": a screen reader names each cell's column heading as it reads the cell.
        head = "".join(f'<th scope="col" class="num">{html.escape(h)}</th>' if right
                       else f'<th scope="col">{html.escape(h)}</th>' for h, right in zip(block.header, numeric))
        note = f'<p class="note">{_amounts_whole(html.escape(block.note))}</p>' if block.note else ""
        # A caption names the table (its number, for the text to refer to), and a screen reader reads it first.
        caption = f"<caption>{html.escape(block.caption)}</caption>" if block.caption else ""
        return (f'<table class="data" data-table="{block.name}">{caption}<thead><tr>{head}</tr></thead>'
                f'{_body(report, block, numeric)}</table>{note}')
    if isinstance(block, Chart):
        data = base64.b64encode(report.charts[block.name]).decode("ascii")
        caption = html.escape(block.caption)
        # The alt text says what the chart shows (its axes and main numbers); it repeated the caption, which says
        # how to read it and which a screen reader reads anyway.
        alt = html.escape(report.alts[block.name])
        return (f'<figure data-chart="{block.name}"><img alt="{alt}" src="data:image/png;base64,{data}">'
                f"<figcaption>{_amounts_whole(caption)}</figcaption></figure>")
    if isinstance(block, Pre):
        return f"<pre>{html.escape(block.text)}</pre>"
    raise TypeError(f"unknown block {type(block).__name__}")


def render_html(report: Report) -> str:
    lang, s, m = report.lang, report.scenario, report.manifest
    title = lang("html_title", region=s.regions[lang.code])
    toc = "".join(f'<li><a href="#{sec.key}">{html.escape(sec.title)}</a></li>' for sec in report.sections)
    body = []
    for sec in report.sections:
        cls = ' class="traced"' if sec.traced else ""
        blocks = "\n".join(_block(report, b) for b in sec.blocks)
        body.append(f'<section id="{sec.key}"{cls}><h2>{html.escape(sec.title)}</h2>\n{blocks}</section>')
    created = lang.date(_date(m["report_date"]))
    return f"""<!DOCTYPE html>
<html lang="{lang.code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jkk-jkm-workbench {html.escape(m['code']['workbench_version'])}">
<title>{html.escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header>
<h1>{html.escape(title)}</h1>
<p class="subtitle">{html.escape(lang("html_subtitle", id=s.id, title=s.titles[lang.code]))}</p>
<p class="generated">{html.escape(lang("html_generated", date=created))} · {html.escape(m["run_hash"])}</p>
</header>
<nav><strong>{html.escape(lang("html_contents"))}</strong><ol>{toc}</ol></nav>
{chr(10).join(body)}
<footer>{html.escape(m["scenario_id"])} · {html.escape(m["scenario_hash"][:16])} · {html.escape(m["rebuild"])}</footer>
</main>
</body>
</html>
"""


def _date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)
