"""Charts of a forecast, labelled in the report language: matplotlib figures.

Each function takes plain numbers (arrays, rows of dicts) and a :class:`sim.i18n.Language` and returns a
``matplotlib.figure.Figure``; :func:`png` turns one into PNG bytes for the HTML and the PDF, :func:`image` into a
picture a notebook shows. Figures are made without pyplot, so no display and no global backend state is involved
(servers, CI and notebooks alike). Notebooks call the same functions, so a planner sees the charts a reviewer reads.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .i18n import Language

CLAIMS = "#c0392b"
PREMIUM = "#1f5f8b"
BUDGET = "#2e8b57"
NEUTRAL = "#7f8c8d"
BAND_OUTER = "#f1b5ad"
BAND_INNER = "#e07a6e"
PAYER_COLOURS = {"APBD": PREMIUM, "APBN": "#6c5b7b", "DBH-CHT": "#c06c84", "CSR": BUDGET, "SERTAKAN": "#f8b195",
                 "SELF": NEUTRAL}
PLEDGE_COLOURS = ["#e0a030", "#8e5a1c", "#f4d03f", "#d35400"]
SIZE = (8.0, 4.2)
DPI = 150


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def image(fig: Figure):
    """The figure as a picture for a Jupyter notebook (whatever matplotlib backend the notebook uses)."""
    from IPython.display import Image

    return Image(png(fig))


def _billions(lang: Language):
    return FuncFormatter(lambda x, _: lang.number(_no_negative_zero(x / 1e9, 1), 1))


def _no_negative_zero(x: float, decimals: int) -> float:
    """0 for a value that rounds to zero: an axis tick never reads "-0,0"."""
    return 0.0 if round(x, decimals) == 0 else x


def _money_axis(ax, top: float, lang: Language, axis: str = "y") -> None:
    """Rupiah on an axis in billions, or in millions when the largest amount is below Rp1 billion."""
    scale, label = (1e9, lang("chart_money_axis")) if top >= 1e9 else (1e6, lang("chart_money_axis_m"))
    decimals = 1 if scale == 1e9 else 0
    formatter = FuncFormatter(lambda x, _: lang.number(_no_negative_zero(x / scale, decimals), decimals))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)
    (ax.set_ylabel if axis == "y" else ax.set_xlabel)(label)


def _legend_below(ax, handles_labels=None, columns: int = 3) -> None:
    """The legend under the plot, so that it covers no data; handles long enough to show a dash pattern."""
    handles, labels = handles_labels or ax.get_legend_handles_labels()
    ax.legend(handles, labels, frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncol=min(columns, max(len(labels), 1)), handlelength=4)


def _percent(lang: Language):
    return FuncFormatter(lambda x, _: lang.percent(x))


def _figure(size=SIZE):
    fig = Figure(figsize=size)
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def claim_ratio_distribution(ratios: np.ndarray, period: str, lang: Language):
    """Histogram of the simulated claim ratio of one period, with break-even, mean and the 90 % interval."""
    fig, ax = _figure()
    ratios = np.asarray(ratios, dtype=float)
    p5, p95 = np.quantile(ratios, [0.05, 0.95])
    ax.hist(ratios, bins=min(60, max(10, int(np.sqrt(ratios.size)))), color=CLAIMS, alpha=0.75, edgecolor="white",
            linewidth=0.4)
    ax.axvspan(p5, p95, color=BAND_OUTER, alpha=0.35, label=lang("chart_interval90"))
    ax.axvline(float(np.mean(ratios)), color="black", linewidth=1.4, label=lang("chart_mean"))
    ax.axvline(1.0, color=PREMIUM, linewidth=1.6, linestyle="--", label=lang("chart_break_even"))
    ax.xaxis.set_major_formatter(_percent(lang))
    ax.set_xlabel(lang("chart_ratio_axis"))
    ax.set_ylabel(lang("chart_trials_axis"))
    ax.set_title(lang("chart_ratio_title", period=period), loc="left", fontsize=11)
    ax.legend(frameon=False, fontsize=8)
    return fig


def fan(rows: list[dict], lang: Language):
    """Claims and claim ratio per calendar year: median, 50 % and 90 % bands of the trials, mean, premium."""
    fig = Figure(figsize=SIZE)
    left, right = fig.subplots(1, 2)
    x = np.arange(len(rows))
    labels = [r["period"] for r in rows]
    for ax, what, formatter, axis_label in (
        (left, "claims", _billions(lang), lang("chart_money_axis")),
        (right, "claim_ratio", _percent(lang), lang("chart_ratio_axis_short")),
    ):
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
        ax.set_axisbelow(True)
        get = lambda q: np.array([r[f"{what}_{q}"] for r in rows], dtype=float)  # noqa: E731
        if len(rows) > 1:
            ax.fill_between(x, get("p5"), get("p95"), color=BAND_OUTER, alpha=0.6, label=lang("chart_band90"))
            ax.fill_between(x, get("p25"), get("p75"), color=BAND_INNER, alpha=0.7, label=lang("chart_band50"))
        else:  # one year: draw the bands as boxes
            ax.bar(x, get("p95") - get("p5"), bottom=get("p5"), width=0.5, color=BAND_OUTER, label=lang("chart_band90"))
            ax.bar(x, get("p75") - get("p25"), bottom=get("p25"), width=0.3, color=BAND_INNER, label=lang("chart_band50"))
        ax.plot(x, get("p50"), color=CLAIMS, linewidth=2, marker="o", label=lang("chart_median"))
        ax.plot(x, get("mean"), color="black", linestyle="none", marker="x", label=lang("chart_mean"))
        if what == "claims":
            ax.plot(x, [r["premium_idr"] for r in rows], color=PREMIUM, linewidth=2, linestyle="--", marker="s",
                    label=lang("chart_premium"))
        else:
            ax.axhline(1.0, color=PREMIUM, linewidth=1.4, linestyle="--", label=lang("chart_break_even"))
        ax.set_xticks(x, labels)
        ax.yaxis.set_major_formatter(formatter)
        ax.set_ylabel(axis_label)
        ax.set_ylim(bottom=0)
    left.set_title(lang("chart_fan_claims"), loc="left", fontsize=11)
    right.set_title(lang("chart_fan_ratio"), loc="left", fontsize=11)
    left.legend(frameon=False, fontsize=7, loc="lower left")
    fig.tight_layout()
    return fig


def budget_coverage(curve, members: int, lang: Language, budget: float | None = None, target: int | None = None,
                    affordable: int | None = None):
    """A year's premium and expected claims as membership grows, with the stated budget and target."""
    fig, ax = _figure()
    ax.plot(curve["members"], curve["annual_premium_idr"], color=PREMIUM, linewidth=2, label=lang("chart_premium_year"))
    ax.plot(curve["members"], curve["expected_claims_idr"], color=CLAIMS, linewidth=2, linestyle="-.",
            label=lang("chart_claims_year"))
    if budget is not None:
        ax.axhline(budget, color=BUDGET, linewidth=1.6, linestyle="--", label=lang("chart_budget"))
        if affordable:
            ax.axvline(affordable, color=BUDGET, linewidth=1, linestyle=":")
            ax.annotate(lang("chart_affordable", n=lang.count(affordable)), (affordable, budget), fontsize=8,
                        xytext=(4, 6), textcoords="offset points", color=BUDGET)
    ax.axvline(members, color="black", linewidth=1, linestyle=":")
    ax.annotate(lang("chart_now", n=lang.count(members)), (members, 0), fontsize=8, xytext=(4, 4),
                textcoords="offset points")
    if target:
        ax.axvline(target, color=NEUTRAL, linewidth=1, linestyle="--")
        ax.annotate(lang("chart_target", n=lang.count(target)), (target, ax.get_ylim()[1] * 0.92), fontsize=8,
                    xytext=(4, 0), textcoords="offset points", color=NEUTRAL)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: lang.count(x)))
    ax.yaxis.set_major_formatter(_billions(lang))
    ax.set_xlabel(lang("chart_members_axis"))
    ax.set_ylabel(lang("chart_money_axis"))
    ax.set_ylim(bottom=0)
    ax.set_xlim(left=0)
    ax.set_title(lang("chart_coverage_title"), loc="left", fontsize=11)
    _legend_below(ax)  # below the plot: inside, it lay on the budget line; long handles show dash-dot as drawn
    return fig


def plan_members(months: list[dict], years: list[dict], lang: Language):
    """Members in force month by month as projected; per year, the members whose full year of premiums the APBD
    budget pays for, and the year-end target (where the scenario has them)."""
    fig, ax = _figure()
    x = np.arange(len(months))
    ax.plot(x, [m["members"] for m in months], color=PREMIUM, linewidth=2, label=lang("chart_members_month"))
    year_of = [m["month"][:4] for m in months]
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
        for i, t in targets:
            ax.annotate(lang.count(t), (i, t), fontsize=7, xytext=(0, 6), textcoords="offset points", ha="center",
                        color=NEUTRAL)
    starts = [i for i, label in enumerate(year_of) if i == 0 or label != year_of[i - 1]]
    ax.set_xticks(starts, [year_of[i] for i in starts])
    ax.set_xlim(-0.5, len(months) - 0.5)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: lang.count(v)))
    ax.set_ylabel(lang("chart_members_axis"))
    ax.set_ylim(bottom=0, top=max([m["members"] for m in months] + [t for _, t in targets] +
                                  [y["members_affordable"] for y in years if y.get("members_affordable")] + [1]) * 1.12)
    ax.set_title(lang("chart_plan_members_title"), loc="left", fontsize=11)
    _legend_below(ax)
    return fig


def plan_premium(years: list[dict], payers: list[dict], lang: Language):
    """Premiums by year, stacked by payer; the APBD budget of each year and a full year of premiums for the
    year-end target (where the scenario has them)."""
    fig, ax = _figure()
    labels = [y["year"] for y in years]
    x = np.arange(len(labels))
    order = sorted({r["payer"] for r in payers}, key=lambda p: -sum(r["premium_idr"] for r in payers if r["payer"] == p))
    bottom = np.zeros(len(labels))
    pledges = iter(PLEDGE_COLOURS * len(order))  # one colour per CSR pledge; green stays the budget's
    for payer in order:
        heights = np.array([sum(r["premium_idr"] for r in payers if r["payer"] == payer and r["year"] == label)
                            for label in labels])
        colour = next(pledges) if payer.startswith("CSR") else PAYER_COLOURS.get(payer, NEUTRAL)
        ax.bar(x, heights, bottom=bottom, width=0.6, color=colour, edgecolor="white", linewidth=1, label=payer)
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
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    _money_axis(ax, max(top), lang)
    ax.set_ylim(bottom=0, top=max(max(top), 1.0) * 1.12)
    ax.set_title(lang("chart_plan_premium_title"), loc="left", fontsize=11)
    handles, names = ax.get_legend_handles_labels()
    payer_first = sorted(range(len(names)), key=lambda k: names[k] not in order)  # the payers, then the lines
    _legend_below(ax, ([handles[k] for k in payer_first], [names[k] for k in payer_first]), columns=4)
    return fig


def funding(rows: list[dict], lang: Language):
    """A year's premium by payer, each bar split by segment."""
    fig, ax = _figure((SIZE[0], 1.2 + 0.55 * len({r["payer"] for r in rows})))
    payers = sorted({r["payer"] for r in rows}, key=lambda p: -sum(r["annual_premium_idr"] for r in rows if r["payer"] == p))
    left = np.zeros(len(payers))
    shades = [1.0, 0.72, 0.5, 0.36, 0.26, 0.18]  # one shade of the payer's colour per segment
    segments = list(dict.fromkeys(r["segment"] for r in rows))
    for k, seg in enumerate(segments):
        widths = np.array([sum(r["annual_premium_idr"] for r in rows if r["payer"] == p and r["segment"] == seg)
                           for p in payers])
        ax.barh(payers, widths, left=left, color=[PAYER_COLOURS.get(p, NEUTRAL) for p in payers],
                alpha=shades[k % len(shades)], edgecolor="white", linewidth=1.5, label=seg)
        for y, (x0, w) in enumerate(zip(left, widths)):
            if w > 0:
                ax.text(x0 + w / 2, y, f"{seg}\n{lang.money(w)}".strip(), ha="center", va="center", fontsize=7,
                        color="white" if shades[k % len(shades)] > 0.6 else "black")
        left += widths
    ax.xaxis.set_major_formatter(_billions(lang))
    ax.set_xlabel(lang("chart_money_axis"))
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.invert_yaxis()
    ax.set_title(lang("chart_funding_title"), loc="left", fontsize=11)
    return fig


def tornado(rows: list[dict], base_claims: float, period: str, lang: Language, top: int = 12):
    """Expected claims of the first year with each parameter at the low and high end of its range."""
    shown = [r for r in rows if r["claims_low_idr"] != r["claims_high_idr"]][:top][::-1]
    fig, ax = _figure((SIZE[0], 1.4 + 0.38 * max(len(shown), 1)))
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    y = np.arange(len(shown))
    low = np.array([r["claims_low_idr"] for r in shown]) - base_claims
    high = np.array([r["claims_high_idr"] for r in shown]) - base_claims
    ax.barh(y, low, left=base_claims, color="#9bbbd4", label=lang("chart_at_low"))
    ax.barh(y, high, left=base_claims, color=CLAIMS, alpha=0.8, label=lang("chart_at_high"))
    ax.axvline(base_claims, color="black", linewidth=1)
    ax.set_yticks(y, [f"{r['parameter']}  [{_short(r['low'], lang)} - {_short(r['high'], lang)}]" for r in shown],
                  fontsize=7)
    ax.xaxis.set_major_formatter(_billions(lang))
    ax.set_xlabel(lang("chart_money_axis"))
    ax.set_title(lang("chart_tornado_title", period=period, base=lang.money(base_claims)), loc="left", fontsize=11)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return fig


def _short(x: float, lang: Language) -> str:
    return lang.money(x) if abs(x) >= 1e6 else lang.plain(x)


def posterior(marginals: dict, lang: Language):
    """Posterior marginals of calibrated multipliers: {name: (grid, probabilities)}, one panel each."""
    fig = Figure(figsize=(SIZE[0], 3.2))
    axes = fig.subplots(1, len(marginals), squeeze=False)[0]
    for ax, (name, (grid, p)) in zip(axes, marginals.items()):
        ax.spines[["top", "right"]].set_visible(False)
        ax.fill_between(grid, p, color=BAND_INNER, alpha=0.6)
        ax.plot(grid, p, color=CLAIMS, linewidth=1.5)
        ax.axvline(1.0, color=PREMIUM, linestyle="--", linewidth=1.2, label=lang("chart_prior_centre"))
        ax.set_title(name, loc="left", fontsize=10)
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: lang.number(x)))
    axes[0].legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
