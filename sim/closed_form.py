"""Expected claims in closed form: the answer the Monte Carlo mean must agree with.

Expected events per cell and month come from the same exposure model as the engine; expected cost per event comes
from the rules in expectation (``accident.expected_case_cost``, ``scholarship.expected_by_lag``), written
independently of the sampling code. No random numbers are drawn here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .accident import expected_case_cost
from .benefits import BENEFIT_NAMES, INDEX
from .population import Model, SegmentExposure
from .regulation import jkm_death_benefit, jkm_scholarship_eligible
from .scholarship import expected_by_lag


@dataclass(frozen=True)
class Expected:
    amounts: np.ndarray  # (periods, segments, benefits) expected IDR
    counts: np.ndarray  # (periods, segments, benefits) expected number of payments
    premium: np.ndarray  # (periods, segments) IDR, from the expected members in force
    member_months: np.ndarray  # (periods, segments)
    months_in_period: np.ndarray  # (periods,)


def _spread_scholarships(model: Model, out_amt, out_cnt, s: int, benefit: str, claims_by_month: np.ndarray,
                         by_lag: dict) -> None:
    """Expected instalments of the claims in each month, placed in the periods they fall due.

    ``claims_by_month``: (months, bands) expected claims by month and band of the member's age
    (``children.bands``). ``by_lag``: expected instalments per claim by regime and band, computed once per regime
    and shared by all segments.

    Every claim's instalments at once: the months and bands with claims in order (by month, then band), each with
    its instalments by years since the claim (a row, padded to the longest schedule), and one ``np.add.at`` that adds
    them into the periods in that order, as one call per claim and band did (so the same sums, in the same order)."""
    months, bands = np.nonzero(claims_by_month)
    if months.size == 0:
        return
    children = model.scenario.children
    regimes = model.regime_of_month[months]
    schedules = {}
    for r in np.unique(regimes):
        if r not in by_lag:
            by_lag[r] = [expected_by_lag(model.regimes[r], children, k) for k in range(len(children.bands))]
        schedules[r] = by_lag[r]
    width = max(amount.size for rows in schedules.values() for amount, _ in rows)
    amount, count = np.zeros((2, len(model.regimes), len(children.bands), width))
    years = np.zeros((len(model.regimes), len(children.bands)), dtype=int)  # instalments in each schedule
    for r, rows in schedules.items():
        for band, (a, c) in enumerate(rows):
            amount[r, band, : a.size], count[r, band, : c.size], years[r, band] = a, c, a.size
    lags = np.arange(width)
    pay_months = months[:, None] + 12 * lags[None, :]
    inside = (lags[None, :] < years[regimes, bands][:, None]) & (pay_months < model.months)
    claims = claims_by_month[months, bands][:, None]
    periods = model.period_of_month[pay_months[inside]]
    b = INDEX[benefit]
    np.add.at(out_amt[:, s, b], periods, (claims * amount[regimes, bands])[inside])
    np.add.at(out_cnt[:, s, b], periods, (claims * count[regimes, bands])[inside])


def intensity_means(model: Model) -> tuple[float, float]:
    """Mean (mortality scale, accident scale) over the scenario's parameter draws; (1, 1) without uncertainty.

    Expected claims are linear in the event intensities, so the mean multipliers give the exact expectation."""
    draws = model.scenario.intensity_draws
    if not draws:
        return 1.0, 1.0
    mean = np.mean(np.asarray(draws), axis=0)
    return float(mean[0]), float(mean[1])


def _bands_by_month(model: Model, exp: SegmentExposure) -> np.ndarray:
    """(months, cells) the band of ``children.bands`` each cell's members' age falls in, month by month: worked out
    for the ages once (``band_of`` gives each age its band whatever the cell) and looked up by every cell's age."""
    ages = exp.age(np.arange(exp.age0.size)[None, :], np.arange(model.months)[:, None])
    return model.scenario.children.band_of(np.arange(ages.max(initial=0) + 1))[ages]


def _segment(model: Model, exp: SegmentExposure, s: int, amt: np.ndarray, cnt: np.ndarray, by_lag: dict) -> None:
    seg, sev = exp.segment, model.scenario.severity
    death_scale, accident_scale = intensity_means(model)
    bands = len(model.scenario.children.bands)
    eligible_deaths = np.zeros((model.months, bands))  # by month and band of the member's age
    jkk_scholarship_claims = np.zeros((model.months, bands))
    band_of_cell = _bands_by_month(model, exp) if bands > 1 else None
    case_costs = {}  # regime -> expected cost per work accident (the same for every month under the regime)
    for m in range(model.months):
        r = model.regime_of_month[m]
        rules = model.regimes[r]
        p = model.period_of_month[m]
        tenure = exp.tenure0 + m
        deaths = exp.jkm_rate[:, m] * death_scale
        amt[p, s, INDEX["jkm_death"]] += deaths @ jkm_death_benefit(rules, seg.scheme, tenure)
        cnt[p, s, INDEX["jkm_death"]] += deaths.sum()
        eligible = jkm_scholarship_eligible(rules, tenure)
        accidents = exp.jkk_rate[:, m].sum() * accident_scale
        if r not in case_costs:
            case_costs[r] = expected_case_cost(rules, seg.wage, sev)
        per_case = case_costs[r]
        for benefit, value in per_case["amount"].items():
            amt[p, s, INDEX[benefit]] += accidents * value
            cnt[p, s, INDEX[benefit]] += accidents * per_case["count"][benefit]
        if bands == 1:
            eligible_deaths[m, 0] = deaths @ eligible
            jkk_scholarship_claims[m, 0] = accidents * per_case["scholarship_share"]
        else:  # the claims split by the band of the members' age in this month
            band = band_of_cell[m]
            eligible_deaths[m] = np.bincount(band, weights=deaths * eligible, minlength=bands)
            jkk_by_band = np.bincount(band, weights=exp.jkk_rate[:, m], minlength=bands) * accident_scale
            jkk_scholarship_claims[m] = jkk_by_band * per_case["scholarship_share"]
    _spread_scholarships(model, amt, cnt, s, "jkm_scholarship", eligible_deaths, by_lag)
    _spread_scholarships(model, amt, cnt, s, "jkk_scholarship", jkk_scholarship_claims, by_lag)


def expected(model: Model) -> Expected:
    periods, segments = len(model.period_labels), len(model.segments)
    amt = np.zeros((periods, segments, len(BENEFIT_NAMES)))
    cnt = np.zeros_like(amt)
    premium = np.zeros((periods, segments))
    member_months = np.zeros((periods, segments))
    by_lag: dict = {}
    for s, exp in enumerate(model.segments):
        _segment(model, exp, s, amt, cnt, by_lag)
        in_force = exp.inforce.sum(axis=0)
        np.add.at(member_months[:, s], model.period_of_month, in_force)
        np.add.at(premium[:, s], model.period_of_month, in_force * exp.premium_rate)
    months_in_period = np.bincount(model.period_of_month, minlength=periods)
    return Expected(amt, cnt, premium, member_months, months_in_period)
