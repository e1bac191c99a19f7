"""The report for a reader who searches it or cannot see it: every key and file it prints found whole by a search
of the PDF's text; every table captioned and numbered."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT
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
    '_' or '/' (or a '-' and a digit: madiun-2025-prior) inside it, without the brackets around it or a stop after it."""
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


def test_every_table_the_reports_make_has_a_caption_in_both_languages():
    """Each table name the report code makes (``Table("name", ...)``) has its caption, ``table_<name>``, in
    Indonesian and in English: a new table without one would stop the report."""
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "sim").glob("report*.py"))
    names = set(re.findall(r'\bTable\(\s*"(\w+)"', source))
    assert len(names) >= 20
    assert not [n for n in sorted(names) if set(TEXT.get(f"table_{n}", ())) != {"id", "en"}]
