"""Charts of a forecast, labelled in the report language: matplotlib figures.

Each function takes plain numbers (arrays, rows of dicts) and a :class:`sim.i18n.Language` and returns a
``matplotlib.figure.Figure``; :func:`png` turns one into PNG bytes for the HTML and the PDF, :func:`image` into a
picture a notebook shows. Figures are made without pyplot, so no display and no global backend state is involved
(servers, CI and notebooks alike). Notebooks call the same functions, so a planner sees the charts a reviewer reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import textwrap
import warnings

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, FuncFormatter
from matplotlib.transforms import ScaledTranslation

from .funding import DBH_CHT
from .i18n import Language, upper_first

# Colours a low-vision reader and a greyscale printer can tell from the white page: WCAG 2.1 1.4.11 asks 3:1 of a
# graphic needed to understand the content. A line, a bar or a wedge has 3:1 in its own colour, as drawn (alpha
# blended over white); a band stays a light fill, so that the median shows through it, with an edge line of 3:1
# (BAND_EDGE, which also has 3:1 against the 90 % band that the 50 % band's edge runs over). The audit found the
# bands, the lighter payer shades, SERTAKAN's peach, yellow and orange pledges and the tornado's low end at 1.1-2.9;
# tests/test_chart_contrast.py measures every mark of every chart.
CLAIMS = "#c0392b"
PREMIUM = "#1f5f8b"
BUDGET = "#2e8b57"
NEUTRAL = "#7f8c8d"
# Text written into a plot in a mark's colour, darker for the 4.5:1 WCAG 1.4.3 asks of text (a line needs 3:1).
NEUTRAL_TEXT = "#5d6d6e"  # 5.4:1 against white, NEUTRAL 3.5:1
BUDGET_TEXT = "#267a4a"  # 5.3:1, BUDGET 4.3:1
BAND_OUTER = "#f1b5ad"
BAND_INNER = "#e07a6e"
BAND_EDGE = "#a0524a"
BAND_LINE = {"edgecolor": BAND_EDGE, "linewidth": 0.8}  # a band's edge; its fill's alpha is in the face colour only
TORNADO_LOW = "#5b8db8"  # a lighter blue than the premium's, as the light end of a range
TORNADO_BAR = 0.2  # inches: a tornado bar's height (its y axis is in inches)
# The tornado's two ends have 1.1:1 between them (TORNADO_LOW and CLAIMS at 0.8), where WCAG 1.4.11 asks 3:1 of
# adjacent parts a reader must tell apart: where they meet (along the middle of a bar whose ends lie on the same side;
# at the base the black base line runs between them) a white line sets them off, as it does the parts of a stacked
# bar. The high end's alpha is in its face colour only, so that the line is white.
TORNADO_EDGE = {"edgecolor": "white", "linewidth": 1}
LEAST_CONTRAST = 3.0
PAYER_COLOURS = {"APBD": PREMIUM, "APBN": "#6c5b7b", "DBH-CHT": "#c06c84", "CSR": BUDGET, "SERTAKAN": "#d0704f",
                 "SELF": NEUTRAL}
PLEDGE_COLOURS = ["#b07818", "#8e5a1c", "#9c7c0c", "#d35400"]  # amber, brown, dark gold, orange
# Neighbouring parts of a stacked bar cannot all have 3:1 against each other as well as against the page: each
# part is set off by a white line and, in the plan's premium chart, by a white pattern of its own (the first, the
# largest payer, plain).
HATCHES = ["", "//", "..", "\\\\", "xx", "--", "++", "oo", "||", "**"]
RECORDED = "#6c3483"  # claims a programme actually paid (a calibrated scenario's experience)
MODEL_WINDOW = "#2c3e50"  # the model's forecast of the same months as a recorded figure
NEEDED = "#2c3e50"  # the APBD a plan needs: a white circle with a dark edge, seen on a premium bar and off it
RECORDED_OFFSET = 0.32  # a recorded point sits this far left of its year: not the year's 12 months
# Inches: 7 in wide is about the PDF's text width (180 mm), so a chart prints at about its own size and its text in
# the sizes set here; the constrained layout keeps every label and legend inside the figure's width. (At 8 in, and
# wider still with long labels past its edge, a chart printed at 0.6-0.9 of its size.)
SIZE = (7.0, 4.2)
DPI = 150
SMALL = 8  # pt: the least size of a chart's text, legible on paper


# A character the charts' font (DejaVu Sans) lacks, an emoji in a segment's label say, is drawn as a box, the
# rest of the label as written. Matplotlib also warns of it at every drawing, measuring included: a report with one
# such label wrote a dozen "Glyph 128757 (\N{MOTOR SCOOTER}) missing from font(s) DejaVu Sans." lines to stderr,
# which say nothing a planner can act on. Only that warning is silenced, and only while a chart is drawn.
MISSING_GLYPH = r"Glyph \d+ \(.*\) missing from font\(s\)"


def _missing_glyphs_quiet(draw):
    """``draw`` without matplotlib's warning of a missing glyph (MISSING_GLYPH); every other warning still shows."""

    @functools.wraps(draw)
    def quiet(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)
            return draw(*args, **kwargs)

    return quiet


@_missing_glyphs_quiet
def png(fig: Figure) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def image(fig: Figure):
    """The figure as a picture for a Jupyter notebook (whatever matplotlib backend the notebook uses)."""
    from IPython.display import Image

    return Image(png(fig))


def _no_negative_zero(x: float, decimals: int) -> float:
    """0 for a value that rounds to zero: an axis tick never reads "-0,0"."""
    return 0.0 if round(x, decimals) == 0 else x


def _money_axis(ax, top: float, lang: Language, axis: str = "y") -> None:
    """Rupiah on an axis in billions, or in millions when the largest amount is below Rp1 billion (a city's Rp0.27
    bn of claims read "0,0 0,1 0,2" in billions). Ticks get the decimals their spacing needs, so that a narrow
    range (a tornado's Rp2.40-2.60 bn) does not print the same "2,5" twice."""
    scale, label = (1e9, lang("chart_money_axis")) if top >= 1e9 else (1e6, lang("chart_money_axis_m"))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(_MoneyTicks(scale, lang))
    (ax.set_ylabel if axis == "y" else ax.set_xlabel)(label)


class _MoneyTicks(Formatter):
    """Tick labels in units of ``scale`` with as many decimals as the step between ticks has (at most 3)."""

    def __init__(self, scale: float, lang: Language):
        self.scale, self.lang, self.decimals = scale, lang, 1

    def set_locs(self, locs):
        """Matplotlib hands the formatter all the ticks first: their step sets the decimals."""
        super().set_locs(locs)
        steps = np.abs(np.diff(np.asarray(locs, dtype=float))) / self.scale
        step = float(steps[steps > 0].min()) if np.any(steps > 0) else 1.0
        self.decimals = int(min(3, max(0, -np.floor(np.log10(step) + 1e-9))))

    def __call__(self, x, pos=None):
        return self.lang.number(_no_negative_zero(x / self.scale, self.decimals), self.decimals)


@_missing_glyphs_quiet  # it lays the figure out to measure its labels
def _legend_below(ax, handles_labels=None, columns: int = 3, under_all: bool = False) -> None:
    """The legend under the plot, below its tick and axis labels, so it covers no data: inside the axes, wherever
    it was put, some scenario's lines or bands ran through it. ``under_all``: one legend under all the figure's
    plots (a chart of several panels). Fewer columns where it would be wider than the plot (or the figure); the
    constrained layout makes room for it. Handles long enough to show a dash pattern. Called last, once the
    axis labels it goes under are set."""
    handles, labels = handles_labels or ax.get_legend_handles_labels()
    fig = ax.figure
    style = dict(frameon=False, fontsize=SMALL, handlelength=4)
    if under_all:
        width = fig.bbox.width
        make = lambda ncol: fig.legend(handles, labels, loc="outside lower center", ncol=ncol, **style)  # noqa: E731
    else:
        fig.draw_without_rendering()  # lay out, to measure the labels under the plot (their height stays the same)
        below = (ax.get_window_extent().y0 - ax.get_tightbbox().y0 + 4) / fig.dpi  # inches
        under = ax.transAxes + ScaledTranslation(0, -below, fig.dpi_scale_trans)
        width = ax.get_window_extent().width
        make = lambda ncol: ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0),  # noqa: E731
                                      bbox_transform=under, ncol=ncol, **style)
    for ncol in range(min(columns, max(len(labels), 1)), 0, -1):
        legend = make(ncol)
        if ncol == 1 or legend.get_window_extent().width <= width:
            return
        legend.remove()


YEAR_LABEL_GAP = 4  # points: the least space between two labels of a year axis


@_missing_glyphs_quiet  # it draws the figure
def year_labels(fig: Figure) -> None:
    """On each axes of ``fig`` whose x ticks are years, label every k-th tick, the smallest k at which no two labels
    overlap (measured as drawn): a 20-year fan chart wrote its years as one line, "2025202620272028...". The first
    year and a part year ("2030\n(Jan–Jun)", :func:`year_tick`: its short bar is not a fall) keep their labels, a
    k-th label that would touch them gives way. Every tick stays, so each year keeps its place; three or five years
    keep every label. Call it last, when the figure is complete: the labels' room depends on its layout."""
    fig.draw_without_rendering()
    gap = YEAR_LABEL_GAP * fig.dpi / 72
    for ax in fig.axes:
        texts = [t.get_text() for t in ax.get_xticklabels()]
        if not texts:
            continue
        boxes = [t.get_window_extent() for t in ax.get_xticklabels()]
        clear = lambda i, j: boxes[min(i, j)].x1 + gap <= boxes[max(i, j)].x0  # noqa: E731
        kept = [0] + [i for i, t in enumerate(texts) if "\n" in t]
        for every in range(1, len(texts) + 1):
            shown = sorted(set(kept) | {i for i in range(0, len(texts), every) if all(clear(i, j) for j in kept
                                                                                      if j != i)})
            if all(clear(i, j) for i, j in zip(shown, shown[1:])):
                break
        if len(shown) < len(texts):
            ax.set_xticks(ax.get_xticks(), [t if i in shown else "" for i, t in enumerate(texts)])


def _percent(lang: Language):
    return FuncFormatter(lambda x, _: lang.percent(x))


def _figure(size=SIZE):
    fig = Figure(figsize=size, layout="constrained")  # labels and legends fit inside the figure's width
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def claim_ratio_distribution(ratios: np.ndarray, period: str, lang: Language, recorded: list[dict] | None = None):
    """Histogram of the simulated claim ratio of one period, with break-even, mean and the 90 % interval; and each
    ``recorded`` point of that period with a reported claim ratio as a dotted line, labelled with its months (see
    :func:`fan`)."""
    fig, ax = _figure()
    ratios = np.asarray(ratios, dtype=float)
    mean, p5, p95 = ratio_spread(ratios)
    ax.hist(ratios, bins=min(60, max(10, int(np.sqrt(ratios.size)))), color=CLAIMS, alpha=0.75, edgecolor="white",
            linewidth=0.4)
    ax.axvspan(p5, p95, facecolor=(BAND_OUTER, 0.35), edgecolor=BAND_EDGE, linewidth=1, label=lang("chart_interval90"))
    # The mean's value in its label: a recorded ratio's line of 223 % drawn on an unlabelled mean of 223 % (madiun-2025)
    # left a reader to guess which figure the black line was.
    ax.axvline(mean, color="black", linewidth=1.4, label=lang("chart_mean_value", value=lang.percent(mean)))
    ax.axvline(1.0, color=PREMIUM, linewidth=1.6, linestyle="--", label=lang("chart_break_even"))
    for r in recorded or ():
        if r["period"] == period and r.get("claim_ratio") is not None:
            ax.axvline(r["claim_ratio"], color=RECORDED, linewidth=2, linestyle=":",
                       label=_recorded_ratio_label(r, lang))
            ax.annotate(lang.percent(r["claim_ratio"]), (r["claim_ratio"], 1), xycoords=("data", "axes fraction"),
                        xytext=(-3, -2), textcoords="offset points", ha="right", va="top", fontsize=SMALL,
                        color=RECORDED)
            same = same_months_ratio(r)
            if same is not None:  # the recorded claims over the premiums of their own months: comparable with this
                ax.axvline(same, color=RECORDED, linewidth=1.6, linestyle="-.",
                           label=lang("chart_recorded_ratio_same", period=r["label"], ratio=lang.percent(same),
                                      months=r["months"]))
                ax.annotate(lang.percent(same), (same, 0.9), xycoords=("data", "axes fraction"), xytext=(3, -2),
                            textcoords="offset points", ha="left", va="top", fontsize=SMALL, color=RECORDED)
    ax.xaxis.set_major_formatter(_percent(lang))
    ax.set_xlabel(lang("chart_ratio_axis"))
    ax.set_ylabel(lang("chart_trials_axis"))
    ax.set_title(lang("chart_ratio_title", period=period), loc="left", fontsize=11)
    _legend_below(ax)
    return fig


def ratio_spread(ratios) -> tuple[float, float, float]:
    """The mean and the 5th and 95th percentiles of simulated ratios: where :func:`claim_ratio_distribution` draws
    its mean line and 90 % interval (and its alt text says they are)."""
    ratios = np.asarray(ratios, dtype=float)
    p5, p95 = np.quantile(ratios, [0.05, 0.95])
    return float(np.mean(ratios)), float(p5), float(p95)


def same_months_ratio(r: dict) -> float | None:
    """The recorded claims over the model's premium of the same months (``claim_ratio_same_months``), where the
    ratio as reported divides them by the premium of other months (Madiun: 11 months' claims over 12 months'
    premiums, 206 %, against 223 % on the same 11 months): a ratio of like with like, which a year's simulated
    ratio can be set against. None where the reported ratio already is one, or there is no such figure."""
    same = r.get("claim_ratio_same_months")
    if same is None or (r.get("premium_months") or r["months"]) == r["months"]:
        return None
    return same


def _recorded_ratio_label(r: dict, lang: Language) -> str:
    name = "chart_recorded_ratio" + ("_assumed" if r.get("premium_months_assumed") else "")  # months not stated
    return lang(name, period=r["label"], ratio=lang.percent(r["claim_ratio"]), months=r["months"],
                premium_months=r.get("premium_months") or r["months"])


def fan(rows: list[dict], lang: Language, recorded: list[dict] | None = None, runoff_start: dt.date | None = None):
    """Claims and claim ratio per calendar year: median, 50 % and 90 % bands of the trials, mean, premium.

    ``runoff_start``: the start of a run-off (no projection: nobody joins, the dead are not replaced,
    :func:`sim.report_trend.runoff_years`); a line under the plots says the years after the first hold only that
    month's members still alive, as the results table marks them "no new members": the axis's plain "2026", "2027"
    read as a forecast of the programme in those years.

    ``recorded``: claims a calibrated scenario's programme actually paid, each ``{"period": the chart's year,
    "label": its months in words, "months", "claims_idr", "claim_ratio" (as reported, or None), "premium_months"
    (of the premium that ratio was reported on), "model": the model's forecast of the same months or None
    ({"amount_expected_idr", "amount_p5_idr", "amount_p95_idr"})}``. Each is a star a little left of its year, not
    on it, labelled with its months and not annualised (Jan-Nov 2025 is 11 months of claims, not the 12 of 2025's
    fan), with its values in its legend entry; beside it the model's forecast of the same months (expected, 90 %
    interval) on both panels and, on the ratio panel, where the ratio as reported divides by other months' premiums,
    a white star for the recorded claims over the same months' premiums (``claim_ratio_same_months``,
    :func:`same_months_ratio`). A point whose year is not on the chart is left out."""
    fig = Figure(figsize=SIZE, layout="constrained")
    left, right = fig.subplots(1, 2)
    x = np.arange(len(rows))
    labels = [r["period"] for r in rows]
    marked: list = []  # legend labels of the recorded points and the model's figures beside them, in that order
    for ax, what in ((left, "claims"), (right, "claim_ratio")):
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
        ax.set_axisbelow(True)
        get = lambda q: np.array([r[f"{what}_{q}"] for r in rows], dtype=float)  # noqa: E731
        if len(rows) > 1:
            ax.fill_between(x, get("p5"), get("p95"), facecolor=(BAND_OUTER, 0.6), **BAND_LINE,
                            label=lang("chart_band90"))
            ax.fill_between(x, get("p25"), get("p75"), facecolor=(BAND_INNER, 0.7), **BAND_LINE,
                            label=lang("chart_band50"))
        else:  # one year: draw the bands as boxes
            ax.bar(x, get("p95") - get("p5"), bottom=get("p5"), width=0.5, color=BAND_OUTER, **BAND_LINE,
                   label=lang("chart_band90"))
            ax.bar(x, get("p75") - get("p25"), bottom=get("p25"), width=0.3, color=BAND_INNER, **BAND_LINE,
                   label=lang("chart_band50"))
        ax.plot(x, get("p50"), color=CLAIMS, linewidth=2, marker="o", label=lang("chart_median"))
        ax.plot(x, get("mean"), color="black", linestyle="none", marker="x", label=lang("chart_mean"))
        if what == "claims":
            ax.plot(x, [r["premium_idr"] for r in rows], color=PREMIUM, linewidth=2, linestyle="--", marker="s",
                    label=lang("chart_premium"))
        else:
            ax.axhline(1.0, color=PREMIUM, linewidth=1.4, linestyle="--", label=lang("chart_break_even"))
        marked += [m for m in _mark_recorded(ax, what, labels, recorded or (), lang) if m not in marked]
        ax.set_xticks(x, [year_tick({**r, "year": r["period"]}, lang) for r in rows])  # a part year by its months
        ax.set_ylim(bottom=0)
    _money_axis(left, left.get_ylim()[1], lang)
    right.yaxis.set_major_formatter(_percent(lang))
    right.set_ylabel(lang("chart_ratio_axis_short"))
    left.set_title(lang("chart_fan_claims"), loc="left", fontsize=11)
    right.set_title(lang("chart_fan_ratio"), loc="left", fontsize=11)
    # One legend for both panels: the bands, median and mean are the same in each, premium and break-even not.
    # The recorded points last: their long labels then share one column rather than widen two.
    entries = dict(zip(*reversed(left.get_legend_handles_labels())))
    entries.update(zip(*reversed(right.get_legend_handles_labels())))
    names = [n for n in entries if n not in marked] + [n for n in marked if n in entries]
    later = runoff_span(rows) if runoff_start is not None else None
    if later:
        # Above the panels: under them, the figure's legend took the same room and ran over it.
        fig.suptitle(lang("chart_fan_runoff", years=later, start=lang.month(runoff_start)), x=0.01, ha="left",
                     fontsize=SMALL + 1)
    _legend_below(left, ([entries[n] for n in names], names), under_all=True)
    year_labels(fig)
    return fig


def runoff_span(rows: list[dict]) -> str | None:
    """The years of a run-off's fan chart after the first, "2026" or "2026–2027"; None for a single year."""
    later = [r["period"] for r in rows[1:]]
    if not later:
        return None
    return later[0] if len(later) == 1 else f"{later[0]}–{later[-1]}"


def _mark_recorded(ax, what: str, labels: list, recorded, lang: Language) -> list:
    """The recorded points of :func:`fan` on one of its panels (``what``: claims or claim_ratio); returns the labels
    of every recorded point's entry in the legend (the one legend of both panels), which holds their values:
    written beside the points, they ran into the axis's label."""
    marked = []
    for r in recorded:
        marked.append(_recorded_label(r, lang))
        if r["period"] not in labels:
            continue
        x = labels.index(r["period"]) - RECORDED_OFFSET
        if what == "claims":
            value = r["claims_idr"]
            model = r.get("model")
            if model:
                mean = model["amount_expected_idr"]
                label = lang("chart_model_window", period=r["label"], months=r["months"], value=lang.money(mean))
                ax.errorbar([x + 0.1], [mean], yerr=[[mean - model["amount_p5_idr"]], [model["amount_p95_idr"] - mean]],
                            color=MODEL_WINDOW, marker="o", markersize=4, markerfacecolor="white", linewidth=1.4,
                            capsize=3, linestyle="none", label=label)
                marked.append(label)
        elif r.get("claim_ratio") is not None:
            value = r["claim_ratio"]
            model, same = r.get("model"), same_months_ratio(r)
            if model and model.get("claim_ratio_expected") is not None:  # as on the claims panel, as a ratio
                mean = model["claim_ratio_expected"]
                label = lang("chart_model_window_ratio", period=r["label"], months=r["months"],
                             value=lang.percent(mean))
                spread = [[mean - model["claim_ratio_p5"]], [model["claim_ratio_p95"] - mean]]
                ax.errorbar([x + 0.1], [mean], yerr=spread,
                            color=MODEL_WINDOW, marker="o", markersize=4, markerfacecolor="white", linewidth=1.4,
                            capsize=3, linestyle="none", label=label)
                marked.append(label)
            if same is not None:
                label = lang("chart_recorded_ratio_same", period=r["label"], ratio=lang.percent(same),
                             months=r["months"])
                ax.plot([x - 0.1], [same], linestyle="none", marker="*", markersize=11, markerfacecolor="white",
                        markeredgecolor=RECORDED, markeredgewidth=1.2, zorder=5, label=label)
                marked.append(label)
        else:
            continue
        ax.plot([x], [value], linestyle="none", marker="*", markersize=13, color=RECORDED, markeredgecolor="white",
                markeredgewidth=0.6, zorder=5, label=_recorded_label(r, lang))
    return marked


def _recorded_label(r: dict, lang: Language) -> str:
    """A recorded point's legend label: its months, not annualised, and its values (claims; the ratio as reported,
    with the months of the premium it was reported on)."""
    value = lang.money(r["claims_idr"])
    if r.get("claim_ratio") is not None:
        name = "chart_recorded_ratio_value" + ("_assumed" if r.get("premium_months_assumed") else "")
        value += lang(name, ratio=lang.percent(r["claim_ratio"]),
                      premium_months=r.get("premium_months") or r["months"])
    return lang("chart_recorded", period=r["label"], months=r["months"], value=value)


def budget_coverage(curve, members: int, lang: Language, budget: float | None = None, target: int | None = None,
                    affordable: int | None = None, apbd_line: bool = False, months: int = 12,
                    plan_year: int | None = None):
    """A year's premium and expected claims as membership grows, with the stated budget and target. ``apbd_line``:
    others pay for some members, so a thin line of the APBD's share of the premium, which the budget pays.
    ``months``: those of the expected claims (budget_year's: 12, or a shorter horizon's). ``plan_year``: the budget
    is an enrolment plan's for that year ([funding]), and its line says so."""
    fig, ax = _figure()
    ax.plot(curve["members"], curve["annual_premium_idr"], color=PREMIUM, linewidth=2, label=lang("chart_premium_year"))
    if apbd_line:
        ax.plot(curve["members"], curve["apbd_premium_idr"], color=PREMIUM, linewidth=1, alpha=0.8,
                label=lang("chart_apbd_premium_year"))
    ax.plot(curve["members"], curve["expected_claims_idr"], color=CLAIMS, linewidth=2, linestyle="-.",
            label=lang("chart_claims_year", months=months))
    if budget is not None:
        label = lang("chart_budget") if plan_year is None else lang("chart_budget_plan", year=plan_year)
        ax.axhline(budget, color=BUDGET, linewidth=1.6, linestyle="--", label=label)
        if affordable:
            ax.axvline(affordable, color=BUDGET, linewidth=1, linestyle=":")
            ax.annotate(lang("chart_affordable", n=lang.count(affordable)), (affordable, budget), fontsize=SMALL,
                        xytext=(4, 6), textcoords="offset points", color=BUDGET_TEXT)
    ax.axvline(members, color="black", linewidth=1, linestyle=":")
    ax.annotate(lang("chart_now", n=lang.count(members)), (members, 0), fontsize=SMALL, xytext=(4, 4),
                textcoords="offset points")
    if target:
        ax.axvline(target, color=NEUTRAL, linewidth=1, linestyle="--")
        ax.annotate(lang("chart_target", n=lang.count(target)), (target, ax.get_ylim()[1] * 0.92), fontsize=SMALL,
                    xytext=(4, 0), textcoords="offset points", color=NEUTRAL_TEXT)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: lang.count(x)))
    ax.set_xlabel(lang("chart_members_axis"))
    ax.set_ylim(bottom=0)
    _money_axis(ax, ax.get_ylim()[1], lang)
    ax.set_xlim(left=0)
    ax.set_title(lang("chart_coverage_title"), loc="left", fontsize=11)
    _legend_below(ax)  # below the plot: inside, it lay on the budget line; long handles show dash-dot as drawn
    return fig


def others_pay(months: list[dict]) -> bool:
    """Whether some members in force are paid for by others than the APBD in some month (more than one member)."""
    return any(m["members"] - m.get("apbd_members", m["members"]) > 1.0 for m in months)


def dbh_pays(payers: list[dict]) -> bool:
    """Whether DBH-CHT pays premiums (report.json ``planning.payers``): the APBD needed then leaves it out, and every
    place that names the need says so, the chart's legend and alt text as the report's tables."""
    return any(r["payer"] == DBH_CHT and r["premium_idr"] > 0 for r in payers)


def plan_members(months: list[dict], years: list[dict], lang: Language):
    """Members in force month by month as projected; per year, the APBD-paid members whose full year of premiums the
    APBD budget pays for, and the year-end target (where the scenario has them). When others pay for some members, a
    thin line of the APBD-paid members in force: the budget's line compares with that one, not with all members."""
    fig, ax = _figure()
    x = np.arange(len(months))
    ax.plot(x, [m["members"] for m in months], color=PREMIUM, linewidth=2, label=lang("chart_members_month"))
    year_of = [m["month"][:4] for m in months]
    budgeted = any(y.get("budget_idr") is not None and y.get("members_affordable") is not None for y in years)
    if budgeted and others_pay(months):
        ax.plot(x, [m["apbd_members"] for m in months], color=PREMIUM, linewidth=1, alpha=0.8,
                label=lang("chart_apbd_members_month"))
    first = True
    for y in years:
        idx = [i for i, label in enumerate(year_of) if label == y["year"]]
        if not idx:
            continue
        if y.get("budget_idr") is not None and y.get("members_affordable") is not None:
            ax.hlines(y["members_affordable"], idx[0] - 0.5, idx[-1] + 0.5, color=BUDGET, linewidth=1.6,
                      linestyles="--", label=lang("chart_affordable_line") if first else None)
            first = False
    targets = [(i, y["target"]) for y in years if y.get("target") is not None
               for i in [max(k for k, label in enumerate(year_of) if label == y["year"])]]
    if targets:
        ax.plot([i for i, _ in targets], [t for _, t in targets], linestyle="none", marker="D", color=NEUTRAL,
                markersize=6, label=lang("chart_target_marker"))
        notes = [ax.annotate(lang.count(t), (i, t), fontsize=SMALL, xytext=NOTE_PLACES[0][0],
                             textcoords="offset points", ha="center", va="bottom", color=NEUTRAL_TEXT)
                 for i, t in targets]
    starts = [i for i, label in enumerate(year_of) if i == 0 or label != year_of[i - 1]]
    by_year = {y["year"]: y for y in years}
    ax.set_xticks(starts, [year_tick(by_year.get(year_of[i], {"year": year_of[i]}), lang) for i in starts])
    ax.set_xlim(-0.5, len(months) - 0.5)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: lang.count(v)))
    ax.set_ylabel(lang("chart_members_axis"))
    ax.set_ylim(bottom=0, top=max([m["members"] for m in months] + [t for _, t in targets] +
                                  [y["members_affordable"] for y in years if y.get("members_affordable")] + [1]) * 1.12)
    ax.set_title(lang("chart_plan_members_title"), loc="left", fontsize=11)
    _legend_below(ax)
    year_labels(fig)  # draws the figure: the targets' numbers are then measured
    if targets:
        clear_of_lines(ax, notes)
        _clear_notes(notes, YEAR_LABEL_GAP * fig.dpi / 72)
    return fig


# Where a number labelling a marker may go, in turn (offset in points, alignment): above it, below it, right of it,
# left of it. The first that no line of the plot crosses is taken.
NOTE_PLACES = (((0, 6), "center", "bottom"), ((0, -6), "center", "top"), ((7, 0), "left", "center"),
               ((-7, 0), "right", "center"))


def drawn_lines(ax) -> list:
    """The paths of the lines drawn in ``ax`` (plotted lines, axhline/axvline, hlines/vlines), in display
    coordinates; not a marker-only series (its markers are what the labels label) nor the grid."""
    paths = [line.get_transform().transform_path(line.get_path()) for line in ax.lines
             if line.get_visible() and line.get_linestyle() not in ("None", "none", " ", "")]
    for collection in ax.collections:
        if collection.get_visible() and hasattr(collection, "get_segments"):  # a LineCollection (hlines)
            paths += [collection.get_transform().transform_path(path) for path in collection.get_paths()]
    return paths


@_missing_glyphs_quiet  # it lays the figure out to measure the labels
def clear_of_lines(ax, notes: list, places=NOTE_PLACES) -> None:
    """Move each annotation in ``notes`` (offset from its point) to the first of ``places`` whose box no line of
    the plot crosses: madiun-2026-ucj's 2026 target, 20,656 above its diamond, was struck through by the dashed
    line of the members the budget pays for (22,605). A note every place of which is crossed keeps the first."""
    fig = ax.figure
    fig.draw_without_rendering()
    paths = drawn_lines(ax)
    for note in notes:
        for offset, ha, va in (*places, places[0]):
            note.xyann = offset
            note.set_horizontalalignment(ha)
            note.set_verticalalignment(va)
            box = note.get_window_extent()
            if not any(path.intersects_bbox(box, filled=False) for path in paths):
                break


def _clear_notes(notes: list, gap: float) -> None:
    """Hide each number that would touch the last one shown, from the left: 20 or 30 year-end targets wrote their
    numbers over each other; the markers stay."""
    shown = None
    for note in notes:
        box = note.get_window_extent()
        if shown is not None and box.x0 < shown.x1 + gap and box.y0 < shown.y1 and shown.y0 < box.y1:
            note.set_visible(False)
        else:
            shown = box


def plan_premium(years: list[dict], payers: list[dict], lang: Language):
    """Premiums by year, stacked by payer; the APBD budget of each year, a full year of premiums for the
    year-end target and the APBD the year needs (where the scenario has them)."""
    fig, ax = _figure()
    labels = [year_tick(y, lang) for y in years]  # a part year's short bar named by its months, not read as a fall
    x = np.arange(len(labels))
    order, stacks = premium_stacks(years, payers)
    bottom = np.zeros(len(labels))
    pledges = iter(PLEDGE_COLOURS * len(order))  # one colour per CSR pledge; green stays the budget's
    for k, payer in enumerate(order):
        heights = np.array(stacks[payer])
        colour = next(pledges) if payer.startswith("CSR") else PAYER_COLOURS.get(payer, NEUTRAL)
        ax.bar(x, heights, bottom=bottom, width=0.6, color=colour, edgecolor="white", linewidth=1,
               hatch=HATCHES[k % len(HATCHES)], label=lang.choice("payer", payer))
        bottom += heights
    top = [float(bottom.max(initial=0.0))]
    budget = [(i, y["budget_idr"]) for i, y in enumerate(years) if y.get("budget_idr") is not None]
    for k, (i, b) in enumerate(budget):
        ax.hlines(b, i - 0.42, i + 0.42, color=BUDGET, linewidth=2.2, label=lang("chart_budget_apbd") if k == 0 else None)
    top += [b for _, b in budget]
    targets = [(i, y["target_premium_idr"]) for i, y in enumerate(years) if y.get("target") is not None]
    if targets:
        ax.plot([i for i, _ in targets], [t for _, t in targets], linestyle="none", marker="D", color=NEUTRAL,
                markersize=6, label=lang("chart_target_premium"))
        top += [t for _, t in targets]
    # The figure to budget, beside the budget line: the diamonds alone, a year of the target at the next year's
    # rates, read as the year's need (Pekalongan 2024: Rp292 m against Rp250 m, where Rp263 m is needed).
    needed = [(i, y["apbd_needed_idr"]) for i, y in enumerate(years) if y.get("apbd_needed_idr") is not None]
    if needed:  # right of the diamonds, which a need of the same height would hide (Pekalongan 2026: Rp343 m both)
        ax.plot([i + 0.2 for i, _ in needed], [n for _, n in needed], linestyle="none", marker="o", markersize=7,
                markerfacecolor="white", markeredgecolor=NEEDED, markeredgewidth=1.8,
                label=lang("chart_apbd_needed_excl_dbh" if dbh_pays(payers) else "chart_apbd_needed"))
        top += [n for _, n in needed]
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    _money_axis(ax, max(top), lang)
    ax.set_ylim(bottom=0, top=max(max(top), 1.0) * 1.12)
    ax.set_title(lang("chart_plan_premium_title"), loc="left", fontsize=11)
    handles, names = ax.get_legend_handles_labels()
    shown = {lang.choice("payer", p) for p in order}
    payer_first = sorted(range(len(names)), key=lambda k: names[k] not in shown)  # the payers, then the lines
    _legend_below(ax, ([handles[k] for k in payer_first], [names[k] for k in payer_first]), columns=4)
    year_labels(fig)
    return fig


def part_year(year: dict) -> tuple[str, str] | None:
    """The first and last month (``2025-07``, ``2025-12``) of a planning year (report.json ``planning.years[]``) the
    horizon holds only part of, as :func:`sim.report_planning.whole_year` decides; None for a whole year."""
    first, last = year.get("first_month"), year.get("year_end_month")
    if first is None or last is None or (first.endswith("-01") and last.endswith("-12")):
        return None
    return first, last


def year_tick(year: dict, lang: Language) -> str:
    """A planning year on a chart's axis: the year, with its months under it ("2025" and "(Jul–Des)") when the
    horizon holds only part of it: its premiums are those months' only, whose short bar would read as a fall."""
    months = part_year(year)
    return year["year"] if months is None else f"{year['year']}\n({lang.months_short(*months)})"


def premium_stacks(years: list[dict], payers: list[dict]) -> tuple[list, dict]:
    """What :func:`plan_premium` stacks: the payers, largest premium first (bottom up), and each payer's premium in
    each of the ``years``."""
    # Ties (two payers paying the same, e.g. nothing) go by name: a set's order changes with each process's hash seed.
    order = sorted({r["payer"] for r in payers},
                   key=lambda p: (-sum(r["premium_idr"] for r in payers if r["payer"] == p), p))
    return order, {payer: [sum(r["premium_idr"] for r in payers if r["payer"] == payer and r["year"] == y["year"])
                           for y in years] for payer in order}


def funding(rows: list[dict], lang: Language):
    """A year's premium by payer, each bar split by segment, each part labelled with its name and amount (inside
    it, or under the plot where it is too narrow: :func:`_narrow_parts_listed`)."""
    fig, ax = _figure((SIZE[0], 1.2 + 0.55 * len({r["payer"] for r in rows})))
    payers, segments, premium = funding_bars(rows)
    left = np.zeros(len(payers))
    parts = []  # (the label written inside a part, the part, what a list under the plot says of it)
    for k, seg in enumerate(segments):
        widths = np.array([premium[p, seg] for p in payers])
        colours = [shade(PAYER_COLOURS.get(p, NEUTRAL), SHADES[k % len(SHADES)]) for p in payers]
        bars = ax.barh(payers, widths, left=left, color=colours, edgecolor="white", linewidth=1.5, label=seg)
        for y, (x0, w) in enumerate(zip(left, widths)):
            if w > 0:
                label = ax.text(x0 + w / 2, y, f"{seg}\n{lang.money(w)}".strip(), ha="center", va="center",
                                fontsize=SMALL, color=text_on(colours[y]))
                # Listed under the plot, the part starts a line: "Mandiri: ...", where the axis has "mandiri".
                payer = upper_first(lang.choice("payer", payers[y]))
                parts.append((label, bars[y], f"{payer}: {seg} {lang.money(w)}"))
        left += widths
    ax.set_yticks(range(len(payers)), [lang.choice("payer", p) for p in payers])  # SELF: "mandiri" in Indonesian
    _money_axis(ax, ax.get_xlim()[1], lang, axis="x")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.invert_yaxis()
    ax.set_title(lang("chart_funding_title"), loc="left", fontsize=11)
    _narrow_parts_listed(ax, parts)
    return fig


LABEL_ROOM = 2  # pt: the least room a label written inside a part of a funding bar leaves at each side


@_missing_glyphs_quiet  # it lays the figure out to measure its labels
def _narrow_parts_listed(ax, parts: list) -> None:
    """A part of a funding bar keeps its label inside where the label fits (LABEL_ROOM to spare); a narrower part's
    label ran over its neighbours' and the white line between them, so it is listed under the plot instead, with the
    part's colour, its payer, name and amount (as the alt text names every part). The figure grows by the list's
    height, so that the bars keep theirs and the labels that fitted still fit."""
    fig = ax.figure
    fig.draw_without_rendering()
    room = 2 * LABEL_ROOM * fig.dpi / 72
    narrow = []
    for label, bar, listed in parts:
        text, box = label.get_window_extent(), bar.get_window_extent()
        if text.width > box.width - room or text.height > box.height - room:
            label.remove()
            narrow.append((bar, " ".join(listed.split())))  # one space where a part has no name
    if narrow:
        tall = ax.get_window_extent().height
        _legend_below(ax, ([bar for bar, _ in narrow], [listed for _, listed in narrow]), columns=2)
        fig.draw_without_rendering()  # the constrained layout took the list's room from the plot: give it back
        fig.set_figheight(fig.get_figheight() + (tall - ax.get_window_extent().height) / fig.dpi)


def funding_bars(rows: list[dict]) -> tuple[list, list, dict]:
    """What :func:`funding` draws: the payers, largest premium first (a bar each, top to bottom), the segments (a
    part of a bar each) and the premium of each (payer, segment)."""
    payers = sorted({r["payer"] for r in rows},  # ties by name, as in premium_stacks
                    key=lambda p: (-sum(r["annual_premium_idr"] for r in rows if r["payer"] == p), p))
    segments = list(dict.fromkeys(r["segment"] for r in rows))
    premium = {(p, seg): sum(r["annual_premium_idr"] for r in rows if r["payer"] == p and r["segment"] == seg)
               for p in payers for seg in segments}
    return payers, segments, premium


# One shade of the payer's colour per segment of a funding bar, mixed this far towards white; where that leaves
# less than 3:1 against the page, half as far towards black instead (as far, the last shades were nearly black and
# lost the payer's hue). The parts are told apart by the white line between them and the label each carries, so a
# shade need not differ from its neighbour by 3:1.
SHADES = [0.0, 0.28, 0.5, 0.64, 0.74, 0.82]


def _luminance(colour) -> float:
    """WCAG 2.1's relative luminance of an opaque sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b="white") -> float:
    """WCAG 2.1's contrast ratio of two opaque colours, 1 to 21."""
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


def shade(colour, amount: float) -> tuple:
    """The colour mixed ``amount`` of the way towards white, or half as far towards black where the lighter one
    would have less than 3:1 against the page (see SHADES)."""
    rgb = np.array(to_rgb(colour))
    lighter = tuple(rgb + amount * (1 - rgb))
    return lighter if contrast(lighter) >= LEAST_CONTRAST else tuple(rgb * (1 - amount / 2))


def text_on(colour) -> str:
    """White or black, whichever stands out more on the colour (4.5:1 or more on any colour)."""
    return "white" if contrast("white", colour) >= contrast("black", colour) else "black"


LABEL_CHARS = 48  # characters in a line of a tornado's label; a longer label wraps
# Bars a tornado draws at most (the widest): more would not fit a printed page at a legible size. The report's
# caption says so where the table beside it lists more (report_sections.sensitivity_section).
TORNADO_TOP = 12


def tornado(rows: list[dict], base_claims: float, period: str, lang: Language, top: int = TORNADO_TOP):
    """Expected claims of the first year with each parameter at the low and high end of its range.

    Labels are parameter names with their range, often 60-80 characters: they wrap, and the figure is as tall as
    its bars' labels need, so that they are set in a legible size (at 7 pt on one line, they pushed the figure
    wider than the page and printed at about 4.5 pt)."""
    shown = tornado_bars(rows, top)[::-1]  # the widest at the top
    labels = [_wrap(f"{r['parameter']} {_range(r['low'], r['high'], lang, r.get('shown'))}") for r in shown]
    # Each bar gets the height its label needs (in inches, the y axis's unit here): its lines and a gap.
    slots = np.array([(label.count("\n") + 1) * SMALL * 1.2 / 72 + 0.14 for label in labels])
    fig, ax = _figure((SIZE[0], 1.5 + max(slots.sum(), 0.3)))
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    y = np.cumsum(slots) - slots / 2
    low = np.array([r["claims_low_idr"] for r in shown]) - base_claims
    high = np.array([r["claims_high_idr"] for r in shown]) - base_claims
    # Where both ends move the claims the same way, both bars run from the base on the same side, and the shorter
    # was hidden under the longer (or showed through it in neither end's colour): each end then takes its own half
    # of the bar's height, the low end above the high end, as the legend lists them.
    shift = np.where(low * high > 0, TORNADO_BAR / 4, 0.0)
    height = TORNADO_BAR - 2 * shift
    # A calibrated scenario's bar holds the fitted multipliers fixed; refitted to the same record at each end, the
    # claims move far less (madiun-2025's age profile: Rp4.93-9.07 bn held, Rp6.68-6.80 bn refitted, which only the
    # text said). Each end recalibrated is marked on its bar, lest the bar alone be read as what the assumption does,
    # and the legend says the bars hold the calibration.
    refit = [(k, r[f"claims_recalibrated_{end}_idr"]) for k, r in enumerate(shown) for end in ("low", "high")
             if r.get(f"claims_recalibrated_{end}_idr") is not None]
    held = "_held" if refit else ""
    ax.barh(y + shift, low, height=height, left=base_claims, color=TORNADO_LOW, **TORNADO_EDGE,
            label=lang(f"chart_at_low{held}"))
    ax.barh(y - shift, high, height=height, left=base_claims, color=(CLAIMS, 0.8), **TORNADO_EDGE,
            label=lang(f"chart_at_high{held}"))
    if refit:
        ax.plot([x for _, x in refit], [y[k] for k, _ in refit], linestyle="none", marker="D", markersize=5,
                markerfacecolor="white", markeredgecolor=NEEDED, markeredgewidth=1.4, zorder=5,
                label=lang("chart_recalibrated"))
    ax.axvline(base_claims, color="black", linewidth=1)
    ax.set_yticks(y, labels, fontsize=SMALL)
    ax.set_ylim(0, max(slots.sum(), 0.3))
    _money_axis(ax, ax.get_xlim()[1], lang, axis="x")
    ax.set_title(lang("chart_tornado_title", period=period, base=lang.money(base_claims)), loc="left", fontsize=11)
    handles, names = ax.get_legend_handles_labels()
    ends = sorted(range(len(names)), key=lambda k: names[k] == lang("chart_recalibrated"))  # the bars' ends first
    _legend_below(ax, ([handles[k] for k in ends], [names[k] for k in ends]), columns=2)
    return fig


def tornado_bars(rows: list[dict], top: int = TORNADO_TOP) -> list[dict]:
    """The rows :func:`tornado` draws a bar for, widest first: those that move the claims, at most ``top``."""
    return [rows[i] for i in tornado_bar_indices(rows, top)]


def tornado_bar_indices(rows: list[dict], top: int = TORNADO_TOP) -> list[int]:
    """The positions in ``rows`` of :func:`tornado_bars`' rows: what the report says the chart leaves out."""
    return [i for i, r in enumerate(rows) if r["claims_low_idr"] != r["claims_high_idr"]][:top]


def _wrap(text: str) -> str:
    return textwrap.fill(text, LABEL_CHARS, break_long_words=False, break_on_hyphens=False)


def _range(low: float, high: float, lang: Language, shown: tuple[str, str] | None = None) -> str:
    """The range as [low – high], with no-break spaces so that a wrapped label keeps it on one line. An en dash, as
    the register's "Rentang wajar" column writes the same range: with a hyphen a negative end read as a
    subtraction ("[-5 - 5]"). ``shown``: the ends as the table beside the chart writes them (a row's ``shown``,
    which the report gives: :func:`sim.report_sections._readable_swings`); else as the scenario writes them."""
    ends = shown or (_short(low, lang), _short(high, lang))
    return f"[{ends[0]} – {ends[1]}]".replace(" ", "\u00a0")


def _short(x: float, lang: Language) -> str:
    return lang.money(x) if abs(x) >= 1e6 else lang.plain(x)


def posterior_span(grid, p, tail: float = 0.001) -> tuple[float, float]:
    """The x range of a posterior panel: where all but ``tail`` of the probability lies at each end, and the prior's
    centre 1, with a margin; the whole grid (0.05 to 20) squeezed a posterior near 1 into a spike."""
    cdf = np.cumsum(p) / np.sum(p)
    low = float(grid[min(np.searchsorted(cdf, tail), len(grid) - 1)])
    high = float(grid[min(np.searchsorted(cdf, 1 - tail), len(grid) - 1)])
    low, high = min(low, 1.0), max(high, 1.0)
    margin = 0.05 * (high - low)
    return max(float(grid[0]), low - margin), min(float(grid[-1]), high + margin)


def posterior(marginals: dict, lang: Language):
    """Posterior marginals of calibrated multipliers: {name: (grid, probabilities)}, one panel each."""
    fig = Figure(figsize=(SIZE[0], 3.2), layout="constrained")
    axes = fig.subplots(1, len(marginals), squeeze=False)[0]
    for ax, (name, (grid, p)) in zip(axes, marginals.items()):
        ax.spines[["top", "right"]].set_visible(False)
        ax.fill_between(grid, p, facecolor=(BAND_INNER, 0.6), edgecolor=CLAIMS, linewidth=1.5)  # the curve its edge
        ax.axvline(1.0, color=PREMIUM, linestyle="--", linewidth=1.2, label=lang("chart_prior_centre"))
        ax.set_title(name, loc="left", fontsize=10)
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: lang.number(x)))
        ax.set_xlim(*posterior_span(grid, p))
    _legend_below(axes[0], under_all=True)
    return fig
