"""What each chart shows, in words, for a reader who cannot see it: the alt text of the report's charts.

Each function takes exactly what the chart of the same name in :mod:`sim.charts` takes and says what it draws:
its axes, and the numbers a sighted reader takes from it (a fan chart's median and 90 % band in its first and last
year, say), from the same numbers and, where the chart derives them (a histogram's mean and percentiles, the
tornado's bars, the order of the payers), through the same functions. A caption says how to read a chart; these say
what it shows, so they repeat no caption.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from . import charts
from .i18n import Language, upper_first

WIDEST = 3  # tornado bars named in its alt text, widest first


def claim_ratio_distribution(ratios, period: str, lang: Language, recorded: list[dict] | None = None) -> str:
    ratios = np.asarray(ratios, dtype=float)
    mean, p5, p95 = charts.ratio_spread(ratios)
    text = lang("alt_ratio", period=period, trials=lang.count(ratios.size), mean=lang.percent(mean),
                p5=lang.percent(p5), p95=lang.percent(p95), above=lang.chance(float(np.mean(ratios > 1.0)), ratios.size))
    for r in recorded or ():
        if r["period"] == period and r.get("claim_ratio") is not None:
            name = "alt_ratio_recorded" + ("_assumed" if r.get("premium_months_assumed") else "")  # months not stated
            text += lang(name, period=r["label"], ratio=lang.percent(r["claim_ratio"]),
                         months=r["months"], premium_months=r.get("premium_months") or r["months"])
            same = charts.same_months_ratio(r)
            if same is not None:
                text += lang("alt_ratio_recorded_same", months=r["months"], ratio=lang.percent(same))
    return text


def fan(rows: list[dict], lang: Language, recorded: list[dict] | None = None,
        runoff_start: dt.date | None = None) -> str:
    ends = [rows[0], rows[-1]] if len(rows) > 1 else rows[:1]

    # The first and the last year's figures, read as a sentence: "X in 2026 (...) and Y in 2030 (...)"; a part year
    # by its months, as the axis names it ("2026 (Jan)").
    def year(r: dict) -> str:
        months = charts.part_year(r)
        return r["period"] if months is None else lang("part_year_name", year=r["period"],
                                                         months=lang.months_short(*months))

    def band(what: str, show) -> str:
        return lang.join(lang("alt_fan_year", year=year(r), value=show(r[f"{what}_p50"]),
                              low=show(r[f"{what}_p5"]), high=show(r[f"{what}_p95"])) for r in ends)

    premium = lang.join(lang("alt_in_year", year=year(r), value=lang.money(r["premium_idr"])) for r in ends)
    span = rows[0]["period"] if len(rows) == 1 else lang("alt_span", first=rows[0]["period"], last=rows[-1]["period"])
    text = lang("alt_fan", span=span, claims=band("claims", lang.money), premium=premium,
                ratios=band("claim_ratio", lang.percent))
    years = [r["period"] for r in rows]
    if runoff_start is not None and len(years) > 1:  # the line above the panels, in the results' own words
        text += " " + lang("trend_runoff_one" if len(years) == 2 else "trend_runoff", years=lang.join(years[1:]),
                           start=lang.month(runoff_start))
    for r in recorded or ():
        if r["period"] in years:
            text += _recorded(r, lang)
    return text


def _recorded(r: dict, lang: Language) -> str:
    """A recorded point of the fan chart (a star left of its year) and the model's forecast of its months."""
    ratio = (lang("alt_recorded_ratio", ratio=lang.percent(r["claim_ratio"]))
             if r.get("claim_ratio") is not None else "")
    text = lang("alt_recorded", period=r["label"], months=r["months"], value=lang.money(r["claims_idr"]), ratio=ratio)
    model = r.get("model")
    if model:
        text += lang("alt_recorded_model", value=lang.money(model["amount_expected_idr"]),
                     low=lang.money(model["amount_p5_idr"]), high=lang.money(model["amount_p95_idr"]))
    same = charts.same_months_ratio(r) if r.get("claim_ratio") is not None else None
    if same is not None:
        text += lang("alt_recorded_same", months=r["months"], ratio=lang.percent(same))
    return text


def budget_coverage(curve, members: int, lang: Language, budget: float | None = None, target: int | None = None,
                    affordable: int | None = None, apbd_line: bool = False, months: int = 12) -> str:
    def at(column: str, n: float) -> str:  # the drawn line at n members (straight: the curve's points interpolated)
        return lang.money(float(np.interp(n, curve["members"], curve[column])))

    apbd = lang("alt_coverage_apbd", apbd=at("apbd_premium_idr", members)) if apbd_line else ""
    text = lang("alt_coverage", top=lang.count(float(curve["members"].max())), members=lang.count(members),
                premium=at("annual_premium_idr", members), claims=at("expected_claims_idr", members), apbd=apbd,
                months=months)
    if budget is not None:
        text += lang("alt_coverage_budget", budget=lang.money(budget))
        if affordable:
            text += lang("alt_coverage_affordable", n=lang.count(affordable))
    if target:
        text += lang("alt_coverage_target", n=lang.count(target), premium=at("annual_premium_idr", target),
                     claims=at("expected_claims_idr", target))
    return text


def funding(rows: list[dict], lang: Language) -> str:
    payers, segments, premium = charts.funding_bars(rows)

    def bar(payer: str) -> str:
        parts = [(seg, premium[payer, seg]) for seg in segments if premium[payer, seg] > 0]
        named = [(seg, amount) for seg, amount in parts if seg]  # many segments: bars by payer only, unnamed
        # Each bar is a sentence of its own: "Mandiri: Rp1,0 juta.", as the list under the plot starts a line.
        return _total(lang, upper_first(lang.choice("payer", payer)), sum(amount for _, amount in parts), named)

    return lang("alt_funding", bars=" ".join(bar(p) for p in payers))


def _total(lang: Language, label: str, total: float, parts: list[tuple[str, float]]) -> str:
    """``label: total (part a; part b).``, a stacked bar in words: its total and, where two parts or more are
    named, each part with its amount; one part alone is the total, said once. The parts are a record-like breakdown
    in brackets (a name and its amount each, as a table's row would give them), not a sentence's list: no "and"
    before the last; "; " as an Indonesian amount holds a decimal comma."""
    if len(parts) < 2:
        return lang("alt_total", label=label, value=lang.money(total))
    return lang("alt_total_parts", label=label, value=lang.money(total),
                parts="; ".join(f"{name} {lang.money(amount)}" for name, amount in parts))


def tornado(rows: list[dict], base_claims: float, period: str, lang: Language, top: int = charts.TORNADO_TOP) -> str:
    shown = charts.tornado_bars(rows, top)
    text = lang("alt_tornado", period=period, base=lang.money(base_claims))
    refit = ("claims_recalibrated_low_idr", "claims_recalibrated_high_idr")

    def bar(r: dict) -> str:  # with its ends recalibrated (the chart's diamonds), where it has them
        said = lang("alt_tornado_bar", name=r["parameter"], low=lang.money(r["claims_low_idr"]),
                    high=lang.money(r["claims_high_idr"]))
        if all(r.get(k) is not None for k in refit):
            said += lang("alt_tornado_bar_refit", low=lang.money(r[refit[0]]), high=lang.money(r[refit[1]]))
        return said

    if any(r.get(k) is not None for r in shown for k in refit):
        text += lang("alt_tornado_refit")
    # Record-like, "name: low ... and high ...", a bar each: each holds its own "and", so "; " sets the bars apart
    # and no other "and" comes before the last.
    bars = "; ".join(bar(r) for r in shown[:WIDEST])
    if not shown:
        return text + lang("alt_tornado_none")
    if len(shown) <= WIDEST:
        return text + lang("alt_tornado_all", bars=bars)
    return text + lang("alt_tornado_widest", count=lang.count(len(shown)), shown=lang.count(WIDEST), bars=bars)


def plan_members(months: list[dict], years: list[dict], lang: Language) -> str:
    def month(m: dict) -> str:
        return lang.month(dt.date.fromisoformat(m["month"] + "-01"))

    peak = max(months, key=lambda m: m["members"])
    text = lang("alt_plan_members", first=month(months[0]), last=month(months[-1]),
                start=lang.count(months[0]["members"]), end=lang.count(months[-1]["members"]),
                peak=lang.count(peak["members"]), peak_month=month(peak))
    paid = [(y["year"], y["members_affordable"]) for y in years
            if y.get("budget_idr") is not None and y.get("members_affordable") is not None]
    if paid:
        text += lang("alt_plan_affordable", years=_by_year(paid, lang.count, lang))
    targets = [(y["year"], y["target"]) for y in years if y.get("target") is not None]
    if targets:
        text += lang("alt_plan_targets", years=_by_year(targets, lang.count, lang))
    part = [_year(y, lang) for y in years if charts.part_year(y)]
    if part:  # the axis names them by their months (charts.year_tick)
        text += lang("alt_plan_part_years", years=lang.join(part))
    return text


def plan_premium(years: list[dict], payers: list[dict], lang: Language) -> str:
    order, stacks = charts.premium_stacks(years, payers)

    def year(k: int, y: dict) -> str:
        parts = [(lang.choice("payer", p), stacks[p][k]) for p in order if stacks[p][k] > 0]
        return _total(lang, _year(y, lang), sum(amount for _, amount in parts), parts)

    text = lang("alt_plan_premium", years=" ".join(year(k, y) for k, y in enumerate(years)))
    budget = [(y["year"], y["budget_idr"]) for y in years if y.get("budget_idr") is not None]
    if budget:
        text += lang("alt_plan_budget", years=_by_year(budget, lang.money, lang))
    targets = [lang("alt_plan_target_premium_item", value=lang.money(y["target_premium_idr"]), year=y["year"],
                    paid=y["target_rates_year"]) for y in years if y.get("target") is not None]
    if targets:
        text += lang("alt_plan_target_premium", years=lang.join(targets))
    needed = [(y["year"], y["apbd_needed_idr"]) for y in years if y.get("apbd_needed_idr") is not None]
    if needed:
        said = lang("alt_plan_apbd_needed", years=_by_year(needed, lang.money, lang))
        text += said.replace("APBD", lang("apbd_excl_dbh"), 1) if charts.dbh_pays(payers) else said
    return text


def _year(year: dict, lang: Language) -> str:
    """A planning year as its axis names it (:func:`sim.charts.year_tick`): the year, and for a year the horizon
    holds only part of, which months ("2025 (only July–December 2025 in the projection)")."""
    months = charts.part_year(year)
    return year["year"] if months is None else lang("alt_part_year", year=year["year"], months=lang.months(*months))


def _by_year(pairs: list, show, lang: Language) -> str:
    """``2025 3,000 and 2026 6,000``: a value per year, listed as the summary lists years (:meth:`Language.join`);
    in Indonesian ``3.000 (2025) dan 6.000 (2026)``, the order the summary lists its targets in (read aloud, a
    year then a count is two numbers that run together)."""
    return lang.join(lang("alt_year_value", year=year, value=show(value)) for year, value in pairs)
