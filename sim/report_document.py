"""The report's content, as both writers see it: sections of paragraphs, tables, charts, tiles and text.

A :class:`Report` holds what a run produced (summary, report.json, CSV tables, chart images) and its
:class:`Section` list; every number in it is a :class:`Figure` that names the file and dotted key it comes from, so
:func:`lookup` finds it there again. :mod:`sim.report_sections` lays the content out, :mod:`sim.report_html` and
:mod:`sim.report_pdf` write it, :mod:`sim.report` runs the whole thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import MONEY_SCALES, Language, chance_kind
from .scenario import Scenario


# --- content ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number shown in the report, traced to the file (``src``) and dotted key (``key``) it comes from, and
    ``mark``, a sign shown right after it that a note explains (a "*": the members at the "year-end" of a year the
    horizon ends in before December are those of its last month); not part of the value."""

    value: object
    kind: str
    src: str
    key: str
    mark: str = ""


@dataclass(frozen=True)
class Para:
    text: str  # in the report language, with {name} placeholders for figures
    figures: dict = field(default_factory=dict)
    style: str = ""  # "", "lead", "note", "warning" or "description" (the scenario's own text, quoted)


@dataclass(frozen=True)
class Table:
    name: str  # also the CSV file stem
    header: tuple
    rows: list  # tuples of str or Figure
    styles: list = field(default_factory=list)  # per row: "", "assumption", "calibrated", "check"
    note: str = ""
    # The columns whose blank cell continues the one above (a segment's name on the first of its rows only; a pledge
    # outcome's name and probability), the group's name first: the HTML makes each group a <tbody> its name heads,
    # and the PDF repeats them on a page's first row, where a table breaks, so that no page starts without them.
    grouped: tuple = ()
    caption: str = ""  # "Tabel 3. Daftar asumsi": set by sim.report_sections.numbered_tables, shown above the table

    def numeric_columns(self) -> list[bool]:
        """Per column: whether it holds numbers, i.e. has a figure and nothing but figures and placeholders. Such
        a column is right-aligned as a whole, its heading and its "-" too (HTML and PDF): a "-" aligned left sat
        right after the number of the column before ("Rp17,1 juta -") instead of under its own column's numbers."""
        columns = [[r[j] for r in self.rows if j < len(r)] for j in range(len(self.header))]
        return [any(isinstance(c, Figure) for c in cells)
                and all(isinstance(c, Figure) or str(c).strip() in PLACEHOLDERS for c in cells) for cells in columns]


PLACEHOLDERS = {"", "-", "–", "—"}  # what a table shows where a number has no value


def continued_rows(table: Table) -> list:
    """The table's rows with each blank cell of its ``grouped`` columns filled from the row above (the rows as they
    would read on a page of their own)."""
    out, last = [], {}
    for row in table.rows:
        last.update((j, row[j]) for j in table.grouped if row[j] != "")
        out.append(tuple(last.get(j, "") if j in table.grouped and c == "" else c for j, c in enumerate(row)))
    return out


@dataclass(frozen=True)
class Chart:
    name: str
    caption: str


@dataclass(frozen=True)
class Tiles:
    items: list  # (label, Figure)


@dataclass(frozen=True)
class Pre:
    text: str
    file: str = ""  # the file that holds the whole text (the PDF shows the start of a very long one)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: list
    traced: bool = False  # every Rupiah amount in it is a traced Figure (checked by the tests)


@dataclass
class Report:
    scenario: Scenario
    lang: Language
    summary: dict
    extra: dict  # report.json
    tables: dict  # name -> DataFrame, written as CSV
    charts: dict  # name -> PNG bytes
    sections: list
    manifest: dict
    folder: Path
    alts: dict = field(default_factory=dict)  # chart name -> its alt text (sim.chart_descriptions)


def fill(text: str, values: dict) -> str:
    """Put ``values`` (already formatted) in place of the ``{name}`` placeholders they name; other braces stay."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], m[0]), text)


NBSP = "\u00a0"
# A Rupiah amount with its scale word, as Language.money writes it (Rp3,05 miliar, Rp604.8 m) or a scenario's text
# does (Rp4 bn, Rp4-42 m).
AMOUNT = re.compile(r"Rp\d[\d.,]*(?:[-–]\d[\d.,]*)? (?:%s)\b"
                    % "|".join(word for _, *words in MONEY_SCALES for word in words))
# A command the report points to ("python -m sim plan"): kept on one line as well.
COMMAND = re.compile(r"python -m sim\b(?: (?:run|validate|exact|calibrate|report|plan|compare)\b)?")
WHOLE = re.compile(f"{AMOUNT.pattern}|{COMMAND.pattern}")


def keep_amounts_whole(text: str, whole=lambda amount: amount.replace(" ", NBSP)) -> str:
    """``text`` with each Rupiah amount kept on one line: by default its number and scale word joined by a no-break
    space (the PDF: fpdf2 does not break there and prints a plain space, so the PDF's text reads "Rp4 bn"); or
    ``whole(amount)`` (the HTML wraps it in a span that does not wrap, so its text stays as written). In rendered
    prose only: the figures' values, the CSV and JSON files and the terminal keep the plain space. An amount broke
    as "Rp4" / "bn" at the end of a line of the English PDF. A command (``python -m sim plan``) is kept whole too."""
    return WHOLE.sub(lambda m: whole(m[0]), text)


def lookup(document, key: str):
    """The value at a dotted key (list positions as numbers): ``periods.0.claims_idr.mean``; a key ending in
    ``|abs`` is the absolute value (a shortfall shown as a positive amount)."""
    key, _, how = key.partition("|")
    node = document
    for part in key.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return abs(node) if how == "abs" else node


def summary_figure(summary: dict, key: str, kind: str) -> Figure:
    """The number at ``key`` of summary.json as a figure traced to it. A ``chance`` there is a share of the
    summary's trials: its kind carries them, so that all of 2,000 shows the rule of three's "> 99,8%"."""
    kind = chance_kind(summary["trials"]) if kind == "chance" else kind
    return Figure(lookup(summary, key), kind, "summary.json", key)


def report_figure(extra: dict, key: str, kind: str) -> Figure:
    """The number at ``key`` of report.json (what the report adds to summary.json) as a figure traced to it."""
    return Figure(lookup(extra, key), kind, "report.json", key)
