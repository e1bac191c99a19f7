"""Chart colours a low-vision reader, and a greyscale printer, can tell from the white page.

WCAG 2.1 1.4.11 asks a contrast of 3:1 against the adjacent colours of a graphic needed to understand the content;
1.4.3 asks 4.5:1 of text. An audit measured the report's charts at 1.1-2.9 in places (the 90 % band, the payer
chart's lighter shades, yellow and orange pledges, the tornado's low end). These tests compute the contrast of
every data-bearing colour as drawn: from the palette in ``sim/charts.py`` and from the matplotlib artists of every
chart kind (the charts of ``test_report_layout``, and a funding chart and a plan with more parts than those have);
and, on the drawn pixels, that the tornado's two ends, 1.1:1 between them, are set apart where they meet.
"""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection, LineCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from test_report_layout import _charts, _tornado_rows

from sim import charts
from sim.i18n import Language

LEAST = 3.0  # WCAG 1.4.11, graphics
LEAST_TEXT = 4.5  # WCAG 1.4.3, text


def _over(colour, background=(1.0, 1.0, 1.0)) -> tuple:
    """The colour as it shows over ``background`` (RGB): its alpha blended in."""
    r, g, b, a = to_rgba(colour)
    return tuple(a * c + (1 - a) * w for c, w in zip((r, g, b), background))


def _luminance(rgb) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour, background=(1.0, 1.0, 1.0)) -> float:
    """WCAG contrast ratio of the colour (alpha blended over the background) against the background."""
    low, high = sorted((_luminance(_over(colour, background)), _luminance(background)))
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("black") == pytest.approx(21.0)
    assert contrast("white") == pytest.approx(1.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the lightest grey with 4.5:1 on white
    assert contrast(("black", 0.5)) == pytest.approx(contrast("#808080"), abs=0.05)


def test_the_palette_has_3_to_1_against_the_page():
    """Every colour that is a line, a bar or a wedge on its own; a band's light fill has an edge of 3:1 instead,
    which also stands out against the 90 % band where the 50 % band's edge runs over it."""
    solid = {"CLAIMS": charts.CLAIMS, "PREMIUM": charts.PREMIUM, "BUDGET": charts.BUDGET, "NEUTRAL": charts.NEUTRAL,
             "RECORDED": charts.RECORDED, "MODEL_WINDOW": charts.MODEL_WINDOW, "TORNADO_LOW": charts.TORNADO_LOW,
             "BAND_EDGE": charts.BAND_EDGE, **charts.PAYER_COLOURS,
             **{f"pledge {k}": c for k, c in enumerate(charts.PLEDGE_COLOURS)}}
    low = {name: round(contrast(c), 2) for name, c in solid.items() if contrast(c) < LEAST}
    assert not low, low
    outer_band = _over(charts.BAND_OUTER)
    assert contrast(charts.BAND_EDGE, outer_band) >= LEAST


def _extra_charts(lang: Language) -> dict:
    """A funding chart with every payer and six segments (a shade each) and a plan with four CSR pledges."""
    segments = [f"segmen {k}" for k in range(6)]
    rows = [{"payer": p, "segment": s, "annual_premium_idr": 1e9 * (1 + k)}
            for p in charts.PAYER_COLOURS for k, s in enumerate(segments)]
    years = [{"year": str(2026 + k), "budget_idr": 4e9, "target": None} for k in range(2)]
    payers = [{"payer": p, "year": y["year"], "premium_idr": v} for y in years
              for p, v in (("APBD", 3e9), ("APBN", 6e8), ("DBH-CHT", 5e8), ("CSR: A", 4e8), ("CSR: B", 3e8),
                           ("CSR: C", 2e8), ("CSR: D", 1.5e8), ("SERTAKAN", 1e8), ("SELF", 5e7))]
    return {"funding_all": charts.funding(rows, lang), "plan_premium_all": charts.plan_premium(years, payers, lang),
            "tornado_same_side": charts.tornado(_same_side_rows(), BASE, "2025", lang)}


BASE = 7e9  # the tornado's base claims


def _same_side_rows() -> list[dict]:
    """Tornado bars whose two ends move the claims the same way (both above the base, both below), the shorter end
    the low one or the high one, and one bar with an end either side."""
    ends = [(1e8, 4e8), (4e8, 1.5e8), (-4e8, -1e8), (-1.5e8, -4e8), (-3e8, 3e8)]
    return [{"parameter": f"Parameter {k}", "low": 1.0, "high": 2.0, "claims_low_idr": BASE + low,
             "claims_high_idr": BASE + high} for k, (low, high) in enumerate(ends)]


@pytest.fixture(scope="module")
def figures():
    lang = Language("en")
    out = {**_charts(lang), **_extra_charts(lang)}
    for fig in out.values():
        fig.draw_without_rendering()
    return out


def _marks(fig):
    """(where, artist) of every data-bearing mark of the figure: the lines, patches and collections of its plots,
    and the handles of its legends (which must show the marks as drawn)."""
    for k, ax in enumerate(fig.axes):
        for artist in [*ax.lines, *ax.patches, *ax.collections]:
            yield f"axes {k}", artist
    for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]:
        for artist in legend.legend_handles:
            yield "legend", artist


def _edge_passes(artist) -> bool:
    edges = np.atleast_2d(artist.get_edgecolor())
    widths = np.atleast_1d(artist.get_linewidth())
    return len(edges) > 0 and min(widths) >= 0.5 and all(contrast(tuple(e)) >= LEAST for e in edges)


def _fails(artist) -> str | None:
    """What of the mark has less than 3:1 against the page, or None. A fill passes on its own contrast or on its
    edge's; a line on its stroke, or where it is only markers, on their edge or face."""
    if isinstance(artist, Line2D):
        stroke = artist.get_linestyle() not in ("None", "none", "", " ") and artist.get_linewidth() > 0
        if stroke and contrast(to_rgba(artist.get_color(), artist.get_alpha())) < LEAST:
            return f"line {artist.get_color()}"
        if artist.get_marker() not in ("None", "none", "", " ", None):
            marks = [to_rgba(c, artist.get_alpha()) for c in (artist.get_markeredgecolor(),
                                                             artist.get_markerfacecolor())]
            if max(contrast(c) for c in marks) < LEAST:
                return f"marker {[artist.get_markeredgecolor(), artist.get_markerfacecolor()]}"
        return None
    if isinstance(artist, LineCollection):
        return None if _edge_passes(artist) else f"lines {artist.get_edgecolor()}"
    if isinstance(artist, (Patch, Collection)):
        faces = np.atleast_2d(artist.get_facecolor())
        if all(contrast(tuple(f)) >= LEAST for f in faces) or _edge_passes(artist):
            return None
        return f"fill {faces.round(3).tolist()} edge {np.atleast_2d(artist.get_edgecolor()).round(3).tolist()}"
    return None


def test_every_mark_of_every_chart_has_3_to_1_against_the_page(figures):
    """As drawn: alpha blended over white, a band's light fill by its edge line."""
    low = [(name, where, failure) for name, fig in figures.items() for where, artist in _marks(fig)
           if (failure := _fails(artist))]
    assert not low, low


def test_a_band_stays_a_light_fill_that_the_median_shows_through(figures):
    """The fix is an edge, not a darker band: the bands' fills stay lighter than 3:1, and the median is drawn."""
    for name in ("fan", "fan_one_year"):
        ax = figures[name].axes[0]
        fills = [a for a in [*ax.collections, *ax.patches]]
        assert fills and all(contrast(tuple(np.atleast_2d(a.get_facecolor())[0])) < LEAST for a in fills), name
        assert any(line.get_color() == charts.CLAIMS for line in ax.lines), name


def test_the_parts_of_a_stacked_bar_are_told_apart(figures):
    """Neighbouring parts of a stacked bar cannot all have 3:1 against each other as well as against the page, so
    each is set off by a white line; in the plan's premium chart each payer has its own pattern (white hatching,
    in its legend too), in the funding chart each part carries its label, in a colour of 4.5:1 against it."""
    ax = figures["plan_premium_all"].axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    by_x = {}
    for bar in bars:
        by_x.setdefault(round(bar.get_x(), 6), []).append(bar)
    for stack in by_x.values():
        stack.sort(key=lambda b: b.get_y())
        assert all(to_rgba(b.get_edgecolor()) == to_rgba("white") and b.get_linewidth() >= 1 for b in stack)
        assert all(a.get_hatch() != b.get_hatch() for a, b in zip(stack, stack[1:])), [b.get_hatch() for b in stack]
    handles = [h for h in ax.get_legend().legend_handles if isinstance(h, Patch)]
    assert len({h.get_hatch() for h in handles}) == len(handles) == 9

    ax = figures["funding_all"].axes[0]
    for bar in ax.patches:
        assert to_rgba(bar.get_edgecolor()) == to_rgba("white") and bar.get_linewidth() >= 1
        inside = _labels_inside(ax, bar)
        assert len(inside) <= 1, [t.get_text() for t in inside]  # none: listed under the plot (test below)
        for label in inside:
            assert contrast(label.get_color(), _over(bar.get_facecolor())) >= LEAST_TEXT, label.get_text()


def _labels_inside(ax, bar) -> list:
    """The labels written inside a part of a stacked bar (centred in it)."""
    return [t for t in ax.texts if bar.get_bbox().contains(*t.get_position())]


def test_a_label_inside_a_part_of_a_funding_bar_fits_in_it(figures):
    """A narrow part's label (its name over its amount) ran over the white line and into its neighbour's label.
    Each label written inside a part lies within the part as the renderer draws them (window extents); a part whose
    label would not fit is listed under the plot instead, in its colour, with its amount (the alt text names every
    part too). funding_all has such parts (a sixth of a bar's width and less); the madiun-like chart's fit."""
    money = Language("en").money
    for name in ("funding", "funding_all"):
        ax = figures[name].axes[0]
        legend = ax.get_legend()
        listed = list(zip(legend.legend_handles, [t.get_text() for t in legend.get_texts()])) if legend else []
        for bar in ax.patches:
            inside = _labels_inside(ax, bar)
            box = bar.get_window_extent()
            for label in inside:
                text = label.get_window_extent()
                assert (box.x0 <= text.x0 and text.x1 <= box.x1 and box.y0 <= text.y0 and text.y1 <= box.y1), \
                    (name, label.get_text(), text.width, box.width)
            if not inside and bar.get_width() > 0:
                assert any(to_rgba(handle.get_facecolor()) == to_rgba(bar.get_facecolor())
                           and entry.endswith(money(bar.get_width())) for handle, entry in listed), (name, bar)
        assert name == "funding" or listed, name  # funding_all's narrowest parts are listed


def test_every_text_on_the_page_has_4_5_to_1(figures):
    """Titles, axis labels, ticks, legend entries and the notes written into a plot (the year-end targets' counts,
    the target and the members the budget affords): WCAG 1.4.3 asks 4.5:1 of text; a label inside a bar is held to
    its bar instead (test above)."""
    from matplotlib.text import Text

    low = []
    for name, fig in figures.items():
        bars = [p.get_window_extent() for ax in fig.axes for p in ax.patches if name.startswith("funding")]
        for text in fig.findobj(Text):
            if not text.get_text().strip() or not text.get_visible():
                continue
            box = text.get_window_extent()
            if any(b.contains(*box.get_points().mean(axis=0)) for b in bars):
                continue
            if contrast(to_rgba(text.get_color(), text.get_alpha())) < LEAST_TEXT:
                low.append((name, text.get_text(), text.get_color()))
    assert not low, low


def _pixels(fig) -> np.ndarray:
    """The figure drawn as the report's PNG draws it (at charts.DPI): RGB from 0 to 1, indexed [x, y] in display
    pixels from the bottom left, as an artist's window extent is."""
    fig.set_dpi(charts.DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return (np.asarray(canvas.buffer_rgba())[::-1, :, :3] / 255).transpose(1, 0, 2)


def _in_colour(pixels: np.ndarray, colour) -> np.ndarray:
    """Where the pixels show the colour as drawn (alpha blended over white), to within rounding."""
    return np.all(np.abs(pixels - np.array(_over(colour))) < 0.02, axis=-1)


def test_both_ends_of_a_tornado_bar_show_where_they_lie_on_the_same_side():
    """Where a parameter moves the claims the same way at both ends of its range, both bars run from the base on
    one side. Drawn over each other, the shorter was hidden under the longer, or showed through it in neither end's
    colour (the high end's red at 0.8 over the blue): each end's bar must show, in its own colour (the legend's), over
    at least half of its area."""
    fig = charts.tornado(_same_side_rows(), BASE, "2025", Language("en"))
    pixels = _pixels(fig)
    ax = fig.axes[0]
    for container, end in zip(ax.containers, ("low", "high")):
        for row, bar in zip(_same_side_rows()[::-1], container):  # the widest at the top
            box = bar.get_window_extent()
            inside = pixels[int(np.ceil(box.x0)):int(box.x1), int(np.ceil(box.y0)):int(box.y1)]
            assert inside.size, (row["parameter"], end)
            shown = float(np.mean(_in_colour(inside, bar.get_facecolor())))
            assert shown >= 0.5, (row["parameter"], end, shown)
    # Each end its own half of the bar's height, side by side (the low end above): no overlap, and the two together
    # as tall as the bar whose ends lie either side of the base.
    for low, high in zip(*ax.containers):
        same_side = low.get_width() * high.get_width() > 0
        assert low.get_height() == high.get_height() == pytest.approx(charts.TORNADO_BAR / (2 if same_side else 1))
        assert low.get_y() == pytest.approx(high.get_y() + (high.get_height() if same_side else 0.0))


def _near(mask: np.ndarray, reach: int) -> np.ndarray:
    """Where a pixel lies within ``reach`` pixels (across or down, or both) of one of the mask."""
    near = mask.copy()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            near |= np.roll(mask, (dx, dy), axis=(0, 1))
    return near


@pytest.mark.parametrize("rows", [_tornado_rows, _same_side_rows], ids=["either_side", "same_side"])
def test_the_two_ends_of_a_tornado_bar_are_set_apart_where_they_meet(rows):
    """WCAG 1.4.11 asks 3:1 of adjacent parts a reader must tell apart; the low end's blue and the high end's red
    have 1.1:1. Where they meet (at the base, or along the middle of a bar whose ends lie on the same side) something
    of 3:1 against both must run between them: no pixel of one lies within two pixels (a point at 150 dpi) of a pixel
    of the other."""
    fig = charts.tornado(rows(), BASE, "2025", Language("en"))
    low, high = (container[0].get_facecolor() for container in fig.axes[0].containers)
    pixels = _pixels(fig)
    touching = _in_colour(pixels, low) & _near(_in_colour(pixels, high), 2)
    assert not touching.any(), np.argwhere(touching)[:5].tolist()
