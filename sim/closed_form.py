"""Expected claims in closed form: the answer the Monte Carlo mean must agree with, and its variance per trial.

Expected events per cell and month come from the same exposure model as the engine; expected cost per event comes
from the rules in expectation (``accident.expected_case_cost``, ``scholarship.expected_by_lag``), written
independently of the sampling code, care at the prices of the event's calendar year (``accident.care_price_by_month``:
the expected amount times the year's factor, E[payment^k] times its k-th power) and the wage-based benefits on the
wage of that year (``accident.wage_by_month``: each year's amounts and moments computed on its wage, the death
benefit's floor included). No random numbers are drawn here.

The variance (:func:`trial_variance`) is what the Monte Carlo mean's standard error is judged by. Each benefit's
payments in a period are a compound Poisson sum over the events (deaths, accidents) that pay it, so their variance
is the events' rate times E[payment^2] of one event (``accident.case_cost_moment``; a scholarship claim's
instalments in the period counted as one payment, ``scholarship.claim_moments``), plus, with parameter draws, the
spread of the mean over the draws. Its third cumulant (:func:`trial_cumulants`) comes the same way, rate x
E[payment^3] (``accident.case_cost_moment``, ``scholarship.claim_moments``) and the draws by the law of total
cumulance: it gives the skewness of a mean of few heavy payments, which the mean check allows for. The fourth
(rate x E[payment^4], the draws likewise) gives its kurtosis, which places the upper tail of a heavy care cost that
the skewness alone does not (``results.skew_limits``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .accident import care_price_by_month, case_cost_moment, expected_case_cost, wage_by_month
from .benefits import BENEFIT_NAMES, INDEX
from .population import Model, SegmentExposure
from .regulation import jkm_death_benefit, jkm_scholarship_eligible
from .scholarship import claim_moments, expected_by_lag


@dataclass(frozen=True)
class Expected:
    amounts: np.ndarray  # (periods, segments, benefits) expected IDR
    counts: np.ndarray  # (periods, segments, benefits) expected number of payments
    premium: np.ndarray  # (periods, segments) IDR, from the expected members in force
    member_months: np.ndarray  # (periods, segments)
    months_in_period: np.ndarray  # (periods,)


def _spread_scholarships(model: Model, out_amt, out_cnt, s: int, benefit: str, claims_by_month: np.ndarray,
                         by_lag: dict, period_of_month: np.ndarray | None = None) -> None:
    """Expected instalments of the claims in each month, placed in the periods they fall due.

    ``period_of_month``: the period of each month an instalment may fall in (the model's: instalments after the
    horizon are left out); a longer one follows the schedules past the horizon (:func:`first_year_scholarships`).

    ``claims_by_month``: (months, bands) expected claims by month and band of the member's age
    (``children.bands``). ``by_lag``: expected instalments per claim by regime and band, computed once per regime
    and shared by all segments.

    Every claim's instalments at once: the months and bands with claims in order (by month, then band), each with
    its instalments by years since the claim (a row, padded to the longest schedule), and one ``np.add.at`` that adds
    them into the periods in that order, as one call per claim and band did (so the same sums, in the same order)."""
    period_of_month = model.period_of_month if period_of_month is None else period_of_month
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
    inside = (lags[None, :] < years[regimes, bands][:, None]) & (pay_months < period_of_month.size)
    claims = claims_by_month[months, bands][:, None]
    periods = period_of_month[pay_months[inside]]
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


def _band_by_age(model: Model, exp: SegmentExposure) -> np.ndarray:
    """The band of ``children.bands`` of every age a member of the segment reaches in the horizon (``band_of`` gives
    each age its band whatever the cell): a cell's band in a month is looked up by its age then
    (:func:`_segment`), rather than tabulated for every cell and month (a long projected horizon's cells x months
    grow with the square of its months)."""
    oldest = int(exp.age0.max(initial=0)) + max(model.months - 1, 0) // 12
    return model.scenario.children.band_of(np.arange(oldest + 1))


def _segment(model: Model, exp: SegmentExposure, s: int, amt: np.ndarray, cnt: np.ndarray, by_lag: dict,
             raw: np.ndarray | None = None, moments: np.ndarray | None = None, claims: dict | None = None) -> None:
    """The segment's expected amounts and counts, added to ``amt`` and ``cnt``; with ``raw`` ((3, periods + 1,
    segments, benefits)) also the rate times E[payment^2] (``raw[0]``), E[payment^3] (``raw[1]``) and E[payment^4]
    (``raw[2]``) of each benefit's events (:func:`trial_cumulants`; the scholarships' whole-horizon row too, from
    ``moments``, :func:`_claim_moments`). With ``claims`` (a dict) also each scholarship's expected claims by month
    and band, under its benefit's name (:func:`first_year_scholarships`)."""
    seg, sev = exp.segment, model.scenario.severity
    death_scale, accident_scale = intensity_means(model)
    bands = len(model.scenario.children.bands)
    eligible_deaths = np.zeros((model.months, bands))  # by month and band of the member's age
    jkk_scholarship_claims = np.zeros((model.months, bands))
    band_of_age = _band_by_age(model, exp) if bands > 1 else None
    cells = np.arange(exp.age0.size)
    # (regime, care price, wage) -> expected cost per work accident (the same for every month under the regime,
    # price and wage): a wage that grows is taken in each year, not scaled, since the death benefit has a floor.
    case_costs = {}
    price = care_price_by_month(sev, model.month_dates)
    wage = wage_by_month(seg, model.month_dates)
    for m in range(model.months):
        r = model.regime_of_month[m]
        rules = model.regimes[r]
        p = model.period_of_month[m]
        tenure = exp.tenure0 + m
        deaths = exp.jkm_rate[:, m] * death_scale
        cash = jkm_death_benefit(rules, seg.scheme, tenure)
        amt[p, s, INDEX["jkm_death"]] += deaths @ cash
        cnt[p, s, INDEX["jkm_death"]] += deaths.sum()
        eligible = jkm_scholarship_eligible(rules, tenure)
        accidents = exp.jkk_rate[:, m].sum() * accident_scale
        cost = (r, price[m], wage[m])
        if cost not in case_costs:
            case_costs[cost] = expected_case_cost(rules, wage[m], sev, price[m])
            if raw is not None:
                raw_moments = tuple(case_cost_moment(rules, wage[m], sev, k, price[m]) for k in (2, 3, 4))
                case_costs[cost] = {**case_costs[cost], "raw": raw_moments}
        per_case = case_costs[cost]
        for benefit, value in per_case["amount"].items():
            amt[p, s, INDEX[benefit]] += accidents * value
            cnt[p, s, INDEX[benefit]] += accidents * per_case["count"][benefit]
        if raw is not None:
            for k, power in enumerate((2, 3, 4)):
                raw[k, p, s, INDEX["jkm_death"]] += deaths @ cash**power
                for benefit, value in per_case["raw"][k].items():
                    raw[k, p, s, INDEX[benefit]] += accidents * value
        if bands == 1:
            eligible_deaths[m, 0] = deaths @ eligible
            jkk_scholarship_claims[m, 0] = accidents * per_case["scholarship_share"]
        else:  # the claims split by the band of the members' age in this month
            band = band_of_age[exp.age(cells, m)]
            eligible_deaths[m] = np.bincount(band, weights=deaths * eligible, minlength=bands)
            jkk_by_band = np.bincount(band, weights=exp.jkk_rate[:, m], minlength=bands) * accident_scale
            jkk_scholarship_claims[m] = jkk_by_band * per_case["scholarship_share"]
    _spread_scholarships(model, amt, cnt, s, "jkm_scholarship", eligible_deaths, by_lag)
    _spread_scholarships(model, amt, cnt, s, "jkk_scholarship", jkk_scholarship_claims, by_lag)
    if claims is not None:
        claims.update(jkm_scholarship=eligible_deaths, jkk_scholarship=jkk_scholarship_claims)
    if raw is not None:
        for benefit, claims in (("jkm_scholarship", eligible_deaths), ("jkk_scholarship", jkk_scholarship_claims)):
            raw[:, :, s, INDEX[benefit]] += np.einsum("mk,mkpj->jp", claims, moments[..., 1:])


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


def first_year_scholarships(model: Model) -> dict:
    """Expected scholarship instalments (IDR, undiscounted, and their number) of the claims of the first period, the
    deaths and total disabilities of the horizon's first year, by when they fall due: in that period
    (``in_period``, part of its expected claims), later inside the horizon (``later_in_horizon``), after it
    (``after_horizon``). The claims and schedules are :func:`expected`'s, each schedule followed to its end.

    A period's claims are the benefits falling due in it, so the first period's leave out the instalments of its
    own events due later: this is what they leave out (a claim ratio by event year counts them in)."""
    first = model.period_of_month == 0
    due = _scholarships_due(model, first, np.where(first, 0, 1))
    names = ("in_period", "later_in_horizon", "after_horizon")
    return {**{f"{n}_idr": float(a) for n, a in zip(names, due[0])},
            **{f"{n}_instalments": float(c) for n, c in zip(names, due[1])}}


def horizon_scholarships(model: Model) -> dict:
    """Expected scholarship instalments (IDR, undiscounted, and their number) of all the horizon's deaths and total
    disabilities: those falling due inside the horizon (``in_horizon``, part of its expected claims) and after it
    (``after_horizon``), which no period's claims hold: what is still to be paid for the horizon's own cases when it
    ends. The claims and schedules are :func:`expected`'s, each schedule followed to its end."""
    months = model.period_of_month.size
    due = _scholarships_due(model, np.ones(months, dtype=bool), np.zeros(months, dtype=int))
    return {"in_horizon_idr": float(due[0][0]), "after_horizon_idr": float(due[0][2]),
            "in_horizon_instalments": float(due[1][0]), "after_horizon_instalments": float(due[1][2])}


def _scholarships_due(model: Model, events: np.ndarray, period_of_month: np.ndarray) -> np.ndarray:
    """(amount, count) of the scholarship instalments of the claims of the months where ``events`` is True, in three
    buckets: the horizon's months by ``period_of_month`` (0 or 1), and 2 for every month after the horizon, long
    enough for the longest schedule (one instalment a year)."""
    segments = len(model.segments)
    years = max(expected_by_lag(rules, model.scenario.children)[0].size for rules in model.regimes)
    period_of_month = np.concatenate([period_of_month, np.full(12 * years, 2)])
    amt = np.zeros((3, segments, len(BENEFIT_NAMES)))
    cnt = np.zeros_like(amt)
    scratch = np.zeros((len(model.period_labels), segments, len(BENEFIT_NAMES)))  # _segment's own sums: not used
    by_lag: dict = {}
    for s, exp in enumerate(model.segments):
        claims: dict = {}
        _segment(model, exp, s, scratch, scratch, by_lag, claims=claims)
        for benefit, by_month in claims.items():
            _spread_scholarships(model, amt, cnt, s, benefit, by_month * events[:, None], by_lag, period_of_month)
    return np.stack([amt.sum(axis=(1, 2)), cnt.sum(axis=(1, 2))])


def trial_variance(model: Model) -> np.ndarray:
    """Var of one trial's payments of each benefit, by period and segment: (periods + 1, segments, benefits), the
    last row the whole horizon (:func:`trial_cumulants`'s first)."""
    return trial_cumulants(model)[0]


def trial_cumulants(model: Model, fourth: bool = False) -> tuple[np.ndarray, ...]:
    """Variance and third cumulant of one trial's payments of each benefit, by period and segment, and with
    ``fourth`` the fourth cumulant too: each (periods + 1, segments, benefits), the last row the whole horizon (not
    the sum of the periods' for scholarships: a claim's instalments fall in several).

    Given a trial's parameter draw the payments are a compound Poisson sum, whose k-th cumulant is rate x
    E[payment^k]. The draws (picked with equal chances) scale the rate by r, of mean 1 (mortality's scale over its
    mean for the JKM benefits, accidents' for the JKK ones), and so every conditional cumulant, and the law of total
    cumulance adds Var(r) mean^2 to the variance and 3 Var(r) mean var + k3(r) mean^3 to the third cumulant (var
    and mean those at r = 1, k3(r) the third central moment of r) and, to the fourth,
    4 Var(r) mean k3 + 3 Var(r) var^2 + 6 k3(r) mean^2 var + k4(r) mean^4 (k3 that at r = 1, k4(r) the fourth
    cumulant of r: the partitions of four into the conditional cumulants, {3, 1} four ways, {2, 2} three,
    {2, 1, 1} six)."""
    periods, segments = len(model.period_labels), len(model.segments)
    amt = np.zeros((periods, segments, len(BENEFIT_NAMES)))
    cnt = np.zeros_like(amt)
    raw = np.zeros((3, periods + 1, segments, len(BENEFIT_NAMES)))
    by_lag: dict = {}
    moments = _claim_moments(model)
    for s, exp in enumerate(model.segments):
        _segment(model, exp, s, amt, cnt, by_lag, raw, moments)
    # An event pays its other benefits in its own period only, so the periods' sums are independent and add up.
    events = [INDEX[b] for b in BENEFIT_NAMES if not b.endswith("_scholarship")]
    raw[:, -1][..., events] = raw[:, :-1][..., events].sum(axis=1)
    mean = np.concatenate([amt, amt.sum(axis=0, keepdims=True)])
    spread, third, fourth_r = _draw_spread(model)
    second = raw[0]
    cumulants = (second + spread * mean**2, raw[1] + 3.0 * spread * mean * second + third * mean**3)
    if not fourth:
        return cumulants
    return (*cumulants, raw[2] + 4.0 * spread * mean * raw[1] + 3.0 * spread * second**2
            + 6.0 * third * mean**2 * second + fourth_r * mean**4)


def _draw_spread(model: Model) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(benefits,) three times: Var(r), the third central moment and the fourth cumulant (fourth central moment less
    3 Var^2) of r = scale / E[scale], each benefit's peril's scale over the parameter draws; 0 without draws."""
    draws = np.asarray(model.scenario.intensity_draws or ((1.0, 1.0),), dtype=float).reshape(-1, 2)
    mean, var = draws.mean(axis=0), draws.var(axis=0)  # population moments: each draw is equally likely
    cubed = ((draws - mean) ** 3).mean(axis=0)
    spread = np.divide(var, mean**2, out=np.zeros(2), where=mean > 0)  # no draw above 0: no payment, no spread
    third = np.divide(cubed, mean**3, out=np.zeros(2), where=mean > 0)
    fourth = np.divide(((draws - mean) ** 4).mean(axis=0), mean**4, out=np.zeros(2), where=mean > 0) - 3 * spread**2
    peril = np.array([0 if b.startswith("jkm_") else 1 for b in BENEFIT_NAMES])
    return spread[peril], third[peril], fourth[peril]


def _claim_moments(model: Model) -> np.ndarray:
    """(months, bands, periods + 1, 4): E[Y] to E[Y^4] of Y, what one scholarship claim in each month (of a
    member in each band of ``children.bands``) pays in each period, and (last) over the whole horizon."""
    children = model.scenario.children
    periods, bands = len(model.period_labels), len(children.bands)
    table = np.zeros((model.months, bands, periods + 1, 4))
    memo: dict = {}
    for m in range(model.months):
        r = int(model.regime_of_month[m])
        lags = np.arange((model.months - 1 - m) // 12 + 1)  # instalments 12 months apart, inside the horizon
        paid_in = model.period_of_month[m + 12 * lags]
        for p in range(periods + 1):
            due = tuple(int(k) for k in (lags if p == periods else lags[paid_in == p]))
            for k in range(bands):
                if (r, due, k) not in memo:
                    memo[r, due, k] = claim_moments(model.regimes[r], children, due, k)
                table[m, k, p] = memo[r, due, k]
    return table
