"""Findings of a review of madiun-2025, madiun-2026-ucj and madiun-2026-ucj-csr, held: a tiny share is never shown in
scientific notation; the UCJ target is a percentage wherever the report shows it; no line crosses a target's number
on the members chart; the summary's ratio change is said in sentences of their own; the charts name a closed-form
figure beside a simulated one; the members chart's alt text names what its line draws."""

from __future__ import annotations

import pytest

from sim import chart_descriptions, charts
from sim.i18n import Language
from sim.report_planning import planning_figures
from sim import report_sections
from sim.report_sections import _mean_check, _readable_swings, _register_row
from sim.scenario import load_scenario

UCJ_TARGET = {"key": "ucj.target_share", "value": 0.7, "unit": "share", "basis": "assumption", "range": [0.5349, 1.0],
              "source": "assumption", "source_id": "asumsi"}


# --- a tiny share ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code, tiny", [("id", "< 0,01%"), ("en", "< 0.01%")])
def test_the_exact_means_relative_difference_is_not_in_scientific_notation(code, tiny):
    """madiun-2025's validation table read "selisih relatif eksak terhadap perhitungan langsung 6,5e-12"."""
    lang = Language(code)
    summary = {"periods": [{"period": "2025", "claims_idr": {"se_reason": None}}], "trials": 2000}
    text = _mean_check(lang, summary, {"first_period_mean_z": 1.25}, {"mean_rel_error": 6.5e-12})
    assert text.endswith(tiny) and "e-" not in text


def test_a_tiny_share_reads_as_a_percentage_in_both_languages():
    id_, en = Language("id"), Language("en")
    assert (id_.figure("tiny", 1.5e-9), en.figure("tiny", 1.5e-9)) == ("< 0,01%", "< 0.01%")
    assert (id_.tiny(0.0), id_.tiny(0.0035), id_.tiny(0.125), en.tiny(0.0035)) == ("0%", "0,35%", "12,5%", "0.35%")
    assert id_.tiny(None) == "-"


# --- the UCJ target as a percentage ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_ucj_target_is_a_percentage_in_the_register_the_table_and_the_tornado(code):
    """The planning summary said "target 70,0%"; the register, the sensitivity table and the tornado "0,7" and
    "[0,535 – 1]"."""
    lang = Language(code)
    key, value, *_, rng, _source = _register_row(lang, {"assumptions": [UCJ_TARGET]}, 0, UCJ_TARGET)
    percent = lambda x: lang.percent(x, 1)  # noqa: E731
    assert (key, lang.figure(value.kind, value.value)) == ("ucj.target_share", percent(0.7))
    assert rng == f"{percent(0.5349)} – {percent(1.0)}"
    row = {"parameter": "ucj.target_share", "unit": "share", "low": 0.5349, "high": 1.0}
    assert report_sections.sensitivity_kind(row) == "percent1"
    (bar,) = _readable_swings([row], lang, {})
    assert bar["shown"] == (percent(0.5349), percent(1.0))
    assert charts._range(0.5349, 1.0, lang, bar["shown"]) == f"[{percent(0.5349)} – {percent(1.0)}]".replace(
        " ", "\u00a0")


# --- no line through a target's number ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ucj_planning():
    return planning_figures(load_scenario("madiun-2026-ucj"))


def test_no_line_crosses_a_targets_number_on_the_members_chart(ucj_planning):
    """madiun-2026-ucj's 2026 target, 20,656 above its diamond, was struck through by the dashed line of the
    members the 2026 budget pays for (22,605). Measured as drawn: no visible number's box meets a line's path."""
    fig = charts.plan_members(ucj_planning["months"], ucj_planning["years"], Language("id"))
    ax = fig.axes[0]
    fig.draw_without_rendering()
    notes = [t for t in ax.texts if t.get_visible()]
    assert len(notes) == len(ucj_planning["years"])  # every target's number still shows
    paths = charts.drawn_lines(ax)
    assert len(paths) >= 3  # the members, the APBD-paid members and the budget's lines are measured
    crossed = [n.get_text() for n in notes
               if any(p.intersects_bbox(n.get_window_extent(), filled=False) for p in paths)]
    assert not crossed
