"""The report as a reader's browser shows it: headless Chromium opens report.html without console errors, every
chart image decodes, and a screenshot shows the charts drawn (not blank boxes).

Needs Debian's ``chromium`` package (``.ci/run`` installs it when it runs as root); elsewhere these tests skip and
say why. What needs no browser runs always: every resource the page loads is embedded (so none can fail to load),
and every chart image decodes and is drawn (not blank, in the chart colours).
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import numpy as np
import pytest

from chromium import find_chromium, inspect
from sim.report import build
from sim.scenario import load_scenario

needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="chromium not installed: the browser check of report.html did not run (apt-get install chromium)")


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _drawn(region: np.ndarray) -> tuple[float, float]:
    """Share of pixels clearly darker than white, and share in the charts' red or blue."""
    ink = (region.sum(axis=2) < 600).mean()
    red = ((region[..., 0] > 150) & (region[..., 1] < 140) & (region[..., 2] < 140)).mean()
    blue = ((region[..., 2] > 100) & (region[..., 0] < 90)).mean()
    return float(ink), float(red + blue)


class _Resources(HTMLParser):
    """What a browser would load for the page: image, script, stylesheet and frame sources, and CSS url()s; and
    each image with the chart its figure names (data-chart)."""

    LOADS = {"img": "src", "script": "src", "iframe": "src", "embed": "src", "video": "src", "audio": "src",
             "source": "src", "object": "data", "link": "href"}

    def __init__(self):
        super().__init__()
        self.loads, self.images, self.css, self._in_style, self._chart = [], [], [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.LOADS.get(tag) in attrs:
            self.loads.append((tag, attrs[self.LOADS[tag]]))
        if tag == "figure":
            self._chart = attrs.get("data-chart")
        if tag == "img":
            self.images.append({**attrs, "chart": self._chart})
        if "style" in attrs:
            self.css.append(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False
        if tag == "figure":
            self._chart = None

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    scenario = load_scenario("madiun-2025", ["scenario.trials=300"])
    return build(scenario, "id", tmp_path_factory.mktemp("reports"))


def test_report_loads_nothing_from_outside_and_every_chart_image_is_drawn(report):
    """The part of the browser check that needs no browser: nothing the page loads can fail (every resource is
    embedded, no network or file reference), and each chart image decodes as a PNG of a chart's size with ink in
    the chart colours (the thresholds the screenshot check uses)."""
    import base64

    page = _Resources()
    page.feed((report.folder / "report.html").read_text(encoding="utf-8"))
    page.close()
    assert not [u for css in page.css for u in re.findall(r"url\(|@import", css)], "CSS loads a resource"
    outside = [(tag, src) for tag, src in page.loads if not src.startswith("data:")]
    assert page.loads and not outside, outside
    assert {tag for tag, _ in page.loads} == {"img"}
    assert sorted(image["chart"] for image in page.images) == sorted(report.charts)  # each chart once
    for image in page.images:
        png = report.charts[image["chart"]]
        assert image["alt"], image
        head, _, data = image["src"].partition(",")
        assert head == "data:image/png;base64"
        decoded = base64.b64decode(data, validate=True)
        assert decoded == png  # the chart the report made, whole
        pixels = _pixels(decoded)
        height, width, _ = pixels.shape
        assert width > 300 and height > 150, f"chart too small: {width} x {height}"
        ink, colour = _drawn(pixels)
        assert ink > 0.01, f"chart {image['alt'][:40]!r} looks blank ({ink:.3%} ink)"
        assert colour > 0.002, f"chart {image['alt'][:40]!r} shows none of the chart colours"


@needs_chromium
def test_report_opens_without_console_errors_and_charts_render(report, tmp_path):
    seen = inspect(report.folder / "report.html")
    assert seen["console_errors"] == []
    assert len(seen["images"]) == len(report.charts) and all(i["ok"] for i in seen["images"])
    page = _pixels(seen["screenshot"])
    (tmp_path / "screenshot.png").write_bytes(seen["screenshot"])
    assert page.shape[0] > 3000  # the whole page, not just the first screen
    for image in seen["images"]:
        left, top, width, height = (int(round(v)) for v in image["box"])
        assert width > 300 and height > 150, f"chart drawn too small: {image}"
        ink, colour = _drawn(page[top: top + height, left: left + width])
        assert ink > 0.01, f"chart at {image['box']} looks blank ({ink:.3%} ink)"
        assert colour > 0.002, f"chart at {image['box']} shows none of the chart colours"


@needs_chromium
def test_the_browser_check_sees_a_console_error(tmp_path):
    """The check can fail: a page that logs an error and has a broken image is reported as such."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><body><img src="data:image/png;base64,AAAA">'
                    '<script>console.error("boom")</script></body></html>')
    seen = inspect(page)
    assert any("boom" in e for e in seen["console_errors"])
    assert not seen["images"][0]["ok"]


def _print_rules() -> str:
    """The report's stylesheet for paper: its @media print block and its @page rule."""
    from sim.report_html import CSS

    block = CSS[CSS.index("@media print"):]
    return CSS[CSS.index("@page"):CSS.index("}", CSS.index("@page")) + 1] + block[: block.index("\n}") + 2]


def test_a_printed_report_keeps_rows_and_figures_whole_and_prints_the_flags_shading():
    """Printed, the report was the screen's 1040-pixel page shrunk to the paper (its text some 7 pt), a table's
    shaded rows printed without their shading where a browser drops backgrounds, a caption could end a page. For
    paper it now has a page (A4, the paper of its readers), rows, figures, tiles and notes kept whole, headings and
    captions kept with what follows, column headings repeated on each page of a table and the flagged rows'
    shading printed."""
    css = " ".join(_print_rules().split())
    assert "@page { size: A4;" in css and "main { max-width: none; padding: 0; }" in css
    assert "tr, figure, img, .tile, p.note, p.warning { break-inside: avoid; }" in css
    assert "h1, h2, caption { break-after: avoid; }" in css and "thead { display: table-header-group; }" in css
    assert "tbody.group { break-inside: avoid; }" in css  # a group of a table's rows (Chromium's own way too)
    shaded = css[:css.index("print-color-adjust: exact")]
    assert all(f"table.data tr.{style} > *" in shaded for style in ("total", "assumption", "calibrated", "check"))


@needs_chromium
def test_printed_in_chromium_the_report_fits_an_a4_page_and_keeps_its_print_rules(report):
    """The browser's own layout for print: at the width of an A4 page's text (182 mm, 688 CSS pixels) nothing is
    wider than the page (a wide table's columns had a 220-pixel least width, so a printed page was shrunk to fit
    it), and the print rules hold for every table row, figure and shaded row."""
    seen = inspect(report.folder / "report.html", width=688, media="print", evaluate="""(() => {
        const style = (e) => getComputedStyle(e);
        const shaded = Array.from(document.querySelectorAll('tr.check > *, tr.assumption > *, tr.calibrated > *'));
        return {width: document.documentElement.scrollWidth,
                rows: Array.from(document.querySelectorAll('tr')).every(e => style(e).breakInside === 'avoid'),
                figures: Array.from(document.querySelectorAll('figure')).every(e => style(e).breakInside === 'avoid'),
                shaded: shaded.length,
                exact: shaded.every(e => style(e).printColorAdjust === 'exact'),
                heads: Array.from(document.querySelectorAll('thead')).every(
                    e => style(e).display === 'table-header-group')};
    })()""")
    found = seen["evaluated"]
    assert found["width"] <= 688, found
    assert found["rows"] and found["figures"] and found["heads"] and found["shaded"] > 10 and found["exact"], found


@needs_chromium
def test_printed_in_chromium_a_group_of_rows_stays_on_one_page_and_a_longer_one_reads_on_each(tmp_path):
    """A grouped table (a segment's benefits, a pledge outcome's years) printed over a page break left a group's
    later rows on the next page under a blank first column, their group unnamed there. A group, its name spanning
    its rows, now goes to the next page whole where it fits on one; a group longer than a page goes on over pages
    with every row whole, once, under the table's column headings repeated on each page."""
    from types import SimpleNamespace

    from pypdf import PdfReader

    from sim.i18n import Language
    from sim.report_document import Figure, Table
    from sim.report_html import CSS, _block

    sizes = [5] * 40 + [150]  # short groups, whose page breaks fall at every row of a group, and one of 3 pages
    rows = [(f"Group {g}" if k == 0 else "", f"R{g:02d}{k:03d}", Figure(1e6 * k, "money", "report.json", "x"))
            for g, n in enumerate(sizes) for k in range(n)]
    table = _block(SimpleNamespace(lang=Language("en")), Table("t", ("Group", "Row", "Amount"), rows, grouped=(0,)))
    page = tmp_path / "grouped.html"
    page.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>{CSS}'
                    f"</style></head><body><main>{table}</main></body></html>", encoding="utf-8")
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(inspect(page, printed=True)["pdf"])).pages]
    found = [(n, label) for n, text in enumerate(texts) for label in re.findall(r"\bR\d{5}\b", text)]
    assert sorted(label for _, label in found) == sorted(label for _, label, _ in rows)  # every row once, whole
    pages = {label: n for n, label in found}
    groups = [{pages[f"R{g:02d}{k:03d}"] for k in range(n)} for g, n in enumerate(sizes)]
    assert len(texts) >= 4 and len({min(g) for g in groups[:-1]}) >= 2
    assert [g for g in groups[:-1] if len(g) > 1] == [] and len(groups[-1]) >= 3
    assert all(text.count("Amount") == 1 for n, text in enumerate(texts) if n in pages.values())
