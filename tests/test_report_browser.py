"""The report as a reader's browser shows it: headless Chromium opens report.html without console errors, every
chart image decodes, and a screenshot shows the charts drawn (not blank boxes).

Needs Debian's ``chromium`` package (``.ci/run`` installs it when it runs as root); elsewhere these tests skip and
say why.
"""

from __future__ import annotations

import io

import numpy as np
import pytest

from chromium import find_chromium, inspect
from sim.report import build
from sim.scenario import load_scenario

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="chromium not installed: the browser check of report.html did not run (apt-get install chromium)")


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    scenario = load_scenario("madiun-2025", ["scenario.trials=300"])
    return build(scenario, "id", tmp_path_factory.mktemp("reports"))


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
        region = page[top: top + height, left: left + width]
        ink = (region.sum(axis=2) < 600).mean()  # anything clearly darker than white
        red = ((region[..., 0] > 150) & (region[..., 1] < 140) & (region[..., 2] < 140)).mean()
        blue = ((region[..., 2] > 100) & (region[..., 0] < 90)).mean()
        assert ink > 0.01, f"chart at {image['box']} looks blank ({ink:.3%} ink)"
        assert red + blue > 0.002, f"chart at {image['box']} shows none of the chart colours"


def test_the_browser_check_sees_a_console_error(tmp_path):
    """The check can fail: a page that logs an error and has a broken image is reported as such."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><body><img src="data:image/png;base64,AAAA">'
                    '<script>console.error("boom")</script></body></html>')
    seen = inspect(page)
    assert any("boom" in e for e in seen["console_errors"])
    assert not seen["images"][0]["ok"]
