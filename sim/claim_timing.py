"""When claims are paid: reporting delay, verification with a capacity, and payment, as SimPy processes.

A claim (a non-work death or a work accident) is reported k months after the event with the scenario's
probabilities (``[claim_timing].reporting_delay``); BPJS verifies at most ``verification_capacity`` claims a month,
first reported first served, each taking ``verification_months``; it is paid ``payment_months`` later. Without a
``[claim_timing]`` table every claim is paid in the month it happens (``IMMEDIATE``).

The processes run ONCE per scenario on the EXPECTED monthly claim flow (the closed form, month by month), moving
fractions of claims ("fluid"), and give for every month of incurrence the share of its claims paid in each later
month: the payment pattern. Because the queue depends on the load, the pattern can differ from month to month.

Applied per trial (approximation, named in the README): each trial's event benefits of a calendar year (everything
but scholarships) are spread over fiscal years with that year's expected pattern, weighting its months by their
expected incurred amounts, ``paid[y'] = sum_y incurred[y] W[y, y']``. So a trial's payments follow its own yearly
totals but not its own month-by-month timing or its own queue. Scholarship instalments are paid when due (the
engine already places them in the years after a death) and are counted as incurred and paid then.

"Incurred but not paid" at a year-end (``unpaid``; IBNR in the wide sense, including claims reported but not yet
paid) is what has been incurred up to then minus what has been paid up to then.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import numpy as np
import simpy

from .benefits import BENEFIT_NAMES, CLAIM_EVENT_BENEFITS, INDEX
from .closed_form import expected
from .planning_schema import ClaimTiming
from .population import Model

IMMEDIATE = ClaimTiming(reporting_delay=((0, 1.0),), verification_capacity=float("inf"), verification_months=0,
                        payment_months=0)
SCHOLARSHIPS = ("jkm_scholarship", "jkk_scholarship")
EVENT_BENEFITS = tuple(b for b in BENEFIT_NAMES if b not in SCHOLARSHIPS)
TAIL_MONTHS = 240  # the processes run this long past the horizon; later payments count as "after the horizon"
EPS = 1e-12


def monthly_expected(model: Model):
    """Expected (event-benefit amounts, insured events) in each month of the horizon, all segments: the closed form
    on a model whose periods are its months."""
    monthly = dataclasses.replace(model, period_of_month=np.arange(model.months),
                                  period_labels=tuple(str(m) for m in range(model.months)))
    exp = expected(monthly)
    amounts = exp.amounts[..., [INDEX[b] for b in EVENT_BENEFITS]].sum(axis=(1, 2))
    counts = exp.counts[..., [INDEX[b] for b in CLAIM_EVENT_BENEFITS]].sum(axis=(1, 2))
    return amounts, counts


def payment_pattern(timing: ClaimTiming | None, claims: np.ndarray) -> np.ndarray:
    """(M, M + 1) share of month m's claims paid in month t (last column: after the horizon, or never).

    ``claims``: expected claims incurred in each month (they share the verification capacity)."""
    timing = timing or IMMEDIATE
    months = claims.size
    env = simpy.Environment()
    queue = simpy.Store(env)
    paid = np.zeros((months, months + 1))

    def report(m):
        for lag, share in sorted(timing.reporting_delay):
            if m + lag > env.now:
                yield env.timeout(m + lag - env.now)
            queue.put((m, claims[m] * share))

    def pay(m, n):
        yield env.timeout(timing.verification_months + timing.payment_months)
        paid[m, min(int(env.now), months)] += n / claims[m]

    def verify():
        used = defaultdict(float)
        while True:
            m, n = yield queue.get()
            while n > EPS:
                month = int(env.now)
                free = timing.verification_capacity - used[month]
                if free <= EPS:
                    yield env.timeout(month + 1 - env.now)
                    continue
                take = min(free, n)
                used[month] += take
                n -= take
                env.process(pay(m, take))

    for m in np.flatnonzero(claims > 0):
        env.process(report(int(m)))
    env.process(verify())
    env.run(until=months + TAIL_MONTHS)
    # Claims never paid (no capacity) stay unpaid: their share is missing from the row, and "after the horizon"
    # holds what is paid later than the horizon within the tail.
    return paid


def yearly_pattern(pattern: np.ndarray, period_of_month: np.ndarray, weights: np.ndarray, periods: int) -> np.ndarray:
    """(P, P + 1) share of a calendar year's incurred event benefits paid in each year (last: after the horizon
    or never paid), months weighted by their expected incurred amounts."""
    months = pattern.shape[0]
    to_period = np.append(period_of_month, periods)  # the last column of the pattern is "after the horizon"
    monthly = np.zeros((months, periods + 1))
    for t in range(months + 1):
        monthly[:, to_period[t]] += pattern[:, t]
    out = np.zeros((periods, periods + 1))
    for p in range(periods):
        mine = period_of_month == p
        w = weights[mine]
        out[p] = (w @ monthly[mine]) / w.sum() if w.sum() > 0 else np.eye(periods + 1)[p]
    return out


def paid_by_year(incurred_events: np.ndarray, scholarships: np.ndarray, yearly: np.ndarray) -> np.ndarray:
    """Per trial, the payments falling in each year (P + 1 columns, the last after the horizon or never paid)."""
    paid = incurred_events @ yearly
    paid[:, : scholarships.shape[1]] += scholarships
    return paid


def unpaid_at_year_ends(incurred: np.ndarray, paid: np.ndarray) -> np.ndarray:
    """Per trial, incurred minus paid up to the end of each year (P columns)."""
    periods = incurred.shape[1]
    return np.cumsum(incurred, axis=1) - np.cumsum(paid[:, :periods], axis=1)
