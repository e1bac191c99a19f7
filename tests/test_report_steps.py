"""What a report's build says as it goes and what its PDF declares about itself."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from sim.report import STEPS, build
from sim.scenario import load_scenario


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """pekalongan-2023's English report, with the steps it announced."""
    steps = []
    report = build(load_scenario("pekalongan-2023", ["scenario.trials=300"]), "en", tmp_path_factory.mktemp("steps"),
                   step=lambda number, total, name: steps.append((number, total, name)))
    return report, steps


def test_the_steps_are_numbered_one_to_seven_in_order(english):
    """Seven steps, announced as [1/7] forecast ... [7/7] write: each its own number (the html step announced as
    [4/7], beside the charts', survived the mutation audit, whose test only asked for some digit)."""
    _, steps = english
    assert len(STEPS) == 7
    assert [(number, total) for number, total, _ in steps] == [(n, 7) for n in range(1, 8)]
    assert [name.split(":")[0] for _, _, name in steps] == list(STEPS)


def test_the_english_pdf_declares_english(english):
    """The PDF's /Lang, which a screen reader reads it by, is the report's language: "en" (a fixed "id" survived
    the mutation audit)."""
    report, _ = english
    assert PdfReader(report.folder / "report.pdf").trailer["/Root"]["/Lang"] == "en"
