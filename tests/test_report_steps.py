"""What a report's build and a run say as they go, and what a report's PDF declares about itself."""

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


def test_trial_progress_reads_done_of_total_and_ends_its_line_at_the_last_chunk(capsys):
    """1,000 of 4,000 trials done reads "1,000 / 4,000" on a line the next chunk overwrites; the last chunk ends it
    (done and total swapped survived the mutation audit: its test saw only "300 / 300")."""
    from sim import progress

    progress.trials(1000, 4000)
    progress.trials(4000, 4000)
    assert capsys.readouterr().err == "\r  simulated 1,000 / 4,000 trials\r  simulated 4,000 / 4,000 trials\n"


def test_a_notebook_s_trial_progress_is_a_bar_shown_once_and_filled_to_the_trials_done(monkeypatch):
    """In a notebook the trials simulated show as a bar (ipywidgets) with "done / total" beside it, displayed at
    the first chunk and updated in place after each (notebooks 01 and 04 pass it to the forecast)."""
    pytest.importorskip("ipywidgets")
    import IPython.display

    from sim import progress

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    update = progress.notebook("madiun-2025")
    assert not shown  # nothing before the first chunk
    update(1000, 4000)
    update(4000, 4000)
    (box,) = shown
    bar, label = box.children
    assert (bar.description, bar.value, bar.max, label.value) == ("madiun-2025", 4000, 4000, "4,000 / 4,000")
    update(2000, 4000)  # the same bar, moved
    assert len(shown) == 1 and (bar.value, bar.max, label.value) == (2000, 4000, "2,000 / 4,000")
