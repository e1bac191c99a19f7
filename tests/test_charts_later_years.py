"""Two charts a city reviewer of madiun-2025 misread, held to what the report's text already says.

The tornado drew the age profile's bar at Rp4.93-9.07 bn (a claim ratio of 162-299 %) with the calibration held,
and nothing on the chart said that, recalibrated to the record, the same ends give Rp6.68-6.80 bn (220-224 %): each
end recalibrated is now a diamond on its bar, and the legend says the bars hold the calibration. The fan chart's
plain "2026", "2027" hold only the members of the start still alive (a run-off: nobody joins), as the results table
marks them "no new members": a line above its panels now says so. Both alt texts say the same."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from matplotlib.lines import Line2D

from sim import chart_descriptions, charts
from sim.i18n import Language

BASE = 6.75e9


def _rows(refit: bool) -> list[dict]:
    """Three tornado bars: an assumption with both ends recalibrated (madiun-2025's age profile), a fitted
    multiplier (never refitted: its bar is its posterior interval) and an assumption barely moved."""
    rows = [{"parameter": "Age profile", "low": -5, "high": 5, "claims_low_idr": 4.93e9, "claims_high_idr": 9.07e9,
             "claims_recalibrated_low_idr": 6.68e9, "claims_recalibrated_high_idr": 6.80e9},
            {"parameter": "Fitted death multiplier", "low": 0.86, "high": 1.25, "claims_low_idr": 5.65e9,
             "claims_high_idr": 7.89e9, "claims_recalibrated_low_idr": None, "claims_recalibrated_high_idr": None},
            {"parameter": "Mean medical cost", "low": 2e6, "high": 1e7, "claims_low_idr": 6.59e9,
             "claims_high_idr": 7.23e9, "claims_recalibrated_low_idr": 6.74e9, "claims_recalibrated_high_idr": 6.76e9}]
    if not refit:  # a scenario not calibrated: the report has no recalibrated figures
        rows = [{k: v for k, v in r.items() if "recalibrated" not in k} for r in rows]
    return rows


def _diamonds(fig) -> list[Line2D]:
    return [line for line in fig.axes[0].lines if line.get_marker() == "D"]


def _legend(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


@pytest.mark.parametrize("code, held, refit", [
    ("en", "assumption at its low end, calibration held", "the same end recalibrated to the recorded claims"),
    ("id", "asumsi di batas bawah, kalibrasi tetap", "batas yang sama setelah kalibrasi ulang dengan klaim tercatat"),
])
def test_the_tornado_marks_each_end_recalibrated_on_its_bar(code, held, refit):
    lang = Language(code)
    fig = charts.tornado(_rows(refit=True), BASE, "2025", lang)
    fig.draw_without_rendering()
    (diamonds,) = _diamonds(fig)
    # The age profile at the top (the widest), the medical cost at the bottom; the fitted multiplier has none.
    ticks = dict(zip([t.get_text().split(" [")[0] for t in fig.axes[0].get_yticklabels()], fig.axes[0].get_yticks()))
    assert sorted(zip(diamonds.get_ydata(), diamonds.get_xdata())) == sorted(
        [(ticks["Age profile"], 6.68e9), (ticks["Age profile"], 6.80e9),
         (ticks["Mean medical cost"], 6.74e9), (ticks["Mean medical cost"], 6.76e9)])
    assert _legend(fig)[0] == held and _legend(fig)[-1] == refit  # the bars' ends first, as before
    # Seen on the black base line and on either end's colour: a white face with a dark edge of 3:1 and more.
    assert charts.contrast(diamonds.get_markeredgecolor()) >= charts.LEAST_CONTRAST


@pytest.mark.parametrize("code", ["en", "id"])
def test_a_tornado_without_recalibrated_figures_is_drawn_as_before(code):
    lang = Language(code)
    fig = charts.tornado(_rows(refit=False), BASE, "2025", lang)
    assert not _diamonds(fig)
    assert _legend(fig) == [lang("chart_at_low"), lang("chart_at_high")]


@pytest.mark.parametrize("code, said", [
    ("en", ["The bars hold the calibration; a diamond on a bar marks the same end recalibrated",
            "Age profile: Rp4.93 bn at the low end and Rp9.07 bn at the high end, recalibrated Rp6.68 bn and "
            "Rp6.80 bn; Fitted death multiplier: Rp5.65 bn at the low end and Rp7.89 bn at the high end;"]),
    ("id", ["Batang dihitung dengan kalibrasi tetap; belah ketupat pada batang menandai batas yang sama",
            "Age profile: Rp4,93 miliar di batas bawah dan Rp9,07 miliar di batas atas, setelah kalibrasi ulang "
            "Rp6,68 miliar dan Rp6,80 miliar; Fitted death multiplier: Rp5,65 miliar"]),
])
def test_the_tornados_alt_text_gives_the_recalibrated_ends(code, said):
    lang = Language(code)
    alt = chart_descriptions.tornado(_rows(refit=True), BASE, "2025", lang)
    assert all(s in alt for s in said), alt
    plain = chart_descriptions.tornado(_rows(refit=False), BASE, "2025", lang)
    assert "recalibrated" not in plain and "kalibrasi" not in plain


def _fan_rows(years=("2025", "2026", "2027")) -> list[dict]:
    quantiles = (("p5", 0.8), ("p25", 0.9), ("p50", 1.0), ("p75", 1.1), ("p95", 1.2), ("mean", 1.0))
    return [{"period": year, "premium_idr": 3e9,
             **{f"claims_{q}": 6.7e9 * (1 + 0.07 * k) * f for q, f in quantiles},
             **{f"claim_ratio_{q}": 2.2 * (1 + 0.07 * k) * f for q, f in quantiles}} for k, year in enumerate(years)]


START = dt.date(2025, 1, 1)


@pytest.mark.parametrize("code, line", [
    ("en", "2026–2027: only the members of January 2025 still alive, no new members"),
    ("id", "2026–2027: hanya peserta Januari 2025 yang masih hidup, tanpa peserta baru"),
])
def test_a_run_offs_fan_chart_says_its_later_years_hold_the_starting_members_only(code, line):
    lang = Language(code)
    fig = charts.fan(_fan_rows(), lang, None, START)
    assert fig.get_suptitle() == line
    # The year axes keep their plain years; the line is above the panels, clear of their titles and the legend.
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2025", "2026", "2027"]
    fig.draw_without_rendering()
    top = fig._suptitle.get_window_extent()
    for ax in fig.axes:
        assert ax.title.get_window_extent().y1 <= top.y0
    assert fig.legends[0].get_window_extent().y1 <= min(ax.get_tightbbox().y0 for ax in fig.axes)
    assert top.x1 <= fig.bbox.width  # inside the figure's 7 in
    # Two years: the one later year by itself.
    assert charts.fan(_fan_rows()[:2], lang, None, START).get_suptitle().startswith("2026: ")


@pytest.mark.parametrize("code", ["en", "id"])
def test_a_fan_chart_of_a_projection_or_of_one_year_has_no_such_line(code):
    lang = Language(code)
    assert charts.fan(_fan_rows(), lang).get_suptitle() == ""  # members projected: the years are a forecast
    assert charts.fan(_fan_rows()[:1], lang, None, START).get_suptitle() == ""  # no later year


@pytest.mark.parametrize("code, sentence", [
    ("en", "The figures for 2026 and 2027 are those of the members of January 2025 still alive, with no new "
           "members, so they are not a forecast of the city's programme in those years."),
    ("id", "Angka tahun 2026 dan 2027 hanya untuk peserta Januari 2025 yang masih hidup, tanpa peserta baru, "
           "sehingga bukan perkiraan program kota pada tahun-tahun itu."),
])
def test_a_run_offs_fan_alt_text_says_so_too(code, sentence):
    lang = Language(code)
    assert sentence in chart_descriptions.fan(_fan_rows(), lang, None, START)
    assert sentence not in chart_descriptions.fan(_fan_rows(), lang)
    one = chart_descriptions.fan(_fan_rows()[:2], lang, None, START)
    assert ("The figures for 2026 are" if code == "en" else "Angka tahun 2026 hanya") in one


def test_the_figures_drawn_are_unchanged():
    """The marks are added to the same bars and bands: each end's bar and the fan's median are where they were."""
    lang = Language("en")
    held, plain = (charts.tornado(_rows(refit), BASE, "2025", lang) for refit in (True, False))
    for a, b in zip(held.axes[0].patches, plain.axes[0].patches):
        assert a.get_width() == b.get_width() and a.get_x() == b.get_x()
    medians = [next(line for line in fig.axes[0].lines if line.get_label() == lang("chart_median")).get_ydata()
               for fig in (charts.fan(_fan_rows(), lang, None, START), charts.fan(_fan_rows(), lang))]
    assert np.array_equal(*medians)
