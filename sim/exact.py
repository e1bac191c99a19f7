"""The exact distribution of one period's claims: a compound Poisson sum, computed by FFT or by Panjer recursion.

The engine's model (engine.py) makes every (segment, peril, cell, month) an independent Poisson stream of events,
so the claims paid in a period are ONE compound Poisson sum: its rate is the sum of the streams' rates and its
severity the rate-weighted mixture of what one event pays *within the period*:
- a non-work death in the period: the JKM cash (by tenure: the BPU 3-month rule) and, after the minimum
  membership, the scholarship instalments that fall in the period;
- a work accident in the period: medical care (lognormal, at the care prices of its month: the medical cost
  trend) plus, by kind of case and on the wage of its month's year (the wage growth), STMB (a function of
  exponential months off work), the partial-disability amount (discrete table degree), the total-disability or
  death amount, and scholarship instalments for total disability and death;
- a death or accident in an EARLIER period: only its instalments falling in this period (often none). With
  calendar-year periods only lag 0 falls in the claim's own period, so period 0 has no such events; later periods
  need them to agree with the closed form.
A claim's instalments are modelled as scholarship.py samples them (0, 1 or 2 children, each of uniform age,
reaching each school level with the reach shares, the shares and ages those of the band of the member's age at the
claim), as a discrete distribution per claim.

Every piece is put on the grid 0, h, 2h, ... by mean-preserving local moment matching: an atom is split between
its two neighbouring points, a continuous part is read off its stop-loss transform E[(X - t)+] (Gerber 1982). A
piece's mass beyond the grid is left out, so it shows up as tail mass. The pieces are combined as transforms
(products for independent sums, weighted sums for mixtures), and then:
- FFT: the aggregate's transform is exp(lambda (phi - 1)); the sequences are tilted by e^(-theta j) on the way in
  and out, which damps the mass wrapping round the end of the grid by e^(-TILT) and so makes 1 - sum(p) a measure
  of the mass beyond the grid (without a tilt the wrapped mass would come back at the bottom, unseen);
- Panjer: the recursion for compound Poisson, on the same discretized severity; an independent check of the FFT.
The grid span comes from the aggregate's mean and sd; the grid then doubles until the mass beyond it is below
TAIL_TOL. The mean is compared with the closed form (mean-preserving discretization: they differ only by the tail
mass and round-off), and the flag says whether it is within MEAN_TOL.

With parameter uncertainty (``scenario.intensity_draws``: each trial draws a mortality and an accident multiplier)
the claims are an equal-weight mixture over the draws of compound Poisson sums, deaths and accidents scaled
apart; the FFT averages their transforms, and Panjer, which handles one compound Poisson sum, refuses.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from scipy.special import ndtr

from .accident import (
    DEATH, PARTIAL, TOTAL, WITH_INCAPACITY, WITH_SCHOLARSHIP, care_price_by_month, lognormal_params, wage_by_month,
)
from .closed_form import expected
from .population import Model
from .regulation import (
    jkk_death_benefit,
    jkm_death_benefit,
    jkm_scholarship_eligible,
    partial_disability_benefit,
    total_disability_benefit,
)
from .results import QUANTILES
# The sampler's own table of children per claim (of one band), and what one child is paid at given lags.
from .scholarship import _children_per_claim, child_payments

METHODS = ("fft", "panjer")
PERILS = ("jkm", "jkk")  # in the order of a parameter draw: (mortality scale, accident scale)
POINTS = 2**16  # grid points to start with; doubled (span kept) while too much mass lies beyond the grid
MAX_POINTS = 2**21  # then the span doubles instead
MAX_ATTEMPTS = 12  # grid lengthenings and coarsenings before giving up
PANJER_MAX_POINTS = 2**17  # Panjer costs n^2 / 2 multiply-adds: about 10 s here, beyond that use the FFT
SPREAD_SD = 20.0  # the grid reaches at least mean + SPREAD_SD sd of the aggregate
# Largest relative error the grid's step may add to the aggregate variance. Splitting a payment between its two
# neighbouring points keeps its mean and adds at most h^2 / 4 to its second moment, so the aggregate variance
# lambda E[X^2] grows by at most lambda h^2 / 4: a share h^2 / (4 E[X^2]), whatever lambda. A grid sized by the
# aggregate alone (a national portfolio: a step of Rp100 m for Rp10-42 m payments) inflated the sd by 59 %.
VARIANCE_TOL = 1e-3
TAIL_TOL = 1e-9  # largest probability allowed beyond the grid
SEVERITY_FIT = 1e-6  # one event's payment must fit this well on the grid before its moments size the grid
TILT = 8.0  # theta n: wrapped mass is damped by e^-TILT; round-off in the top of the grid grows by e^TILT
MEAN_TOL = 1e-4  # relative gap to the closed-form mean flagged as "check"
SIGMAS = 4.0  # band for a simulated quantile: the exact CDF there within q +/- SIGMAS sqrt(q (1 - q) / trials)
DENSITY_WINDOW = 0.05  # the density at a quantile: the CDF's slope over +/- this many sd of the claims
MIN_TAIL_TRIALS = 10  # the band's normal approximation needs trials x min(q, 1 - q) of at least this: with fewer
#                      trials beyond a quantile (a 99.5 % quantile of 1,000 trials rests on 5) it is not checked
# What a work accident pays besides medical care, by kind of case, as accident.sample_cases pays it.
PAID_TO_KINDS = {
    "jkk_temporary": WITH_INCAPACITY, "jkk_partial": (PARTIAL,), "jkk_total": (TOTAL,), "jkk_death": (DEATH,),
}


@dataclass(frozen=True)
class ExactDistribution:
    """The distribution of one period's total claims (IDR) on the grid 0, h, 2h, ..."""

    scenario_id: str
    period: int
    period_label: str
    method: str  # "fft" or "panjer"
    h: float  # grid span, IDR
    probabilities: np.ndarray  # P(claims = j h), j = 0 .. points - 1
    poisson_rate: float  # expected events paying in the period (earlier events with instalments due included)
    mean: float
    sd: float
    cv: float
    skewness: float
    quantiles: dict  # name (results.QUANTILES) -> smallest grid point where the CDF reaches the level, IDR
    mean_closed_form: float
    mean_rel_error: float  # |mean - closed form| / closed form
    tail_mass: float  # probability beyond the grid: 1 - sum(probabilities)
    variance_error_bound: float = 0.0  # most the grid's step can add to the variance, as a share (VARIANCE_TOL)
    draws: int = 1  # parameter draws the claims are a mixture over
    draw_set_sd: dict | None = None  # name -> sd (IDR) of each quantile over sets of as many draws (_draw_set_sd)

    @property
    def points(self) -> int:
        return self.probabilities.size

    def cdf(self, x):
        """P(claims <= x), the step CDF of the grid distribution."""
        j = np.floor(np.asarray(x, dtype=float) / self.h + 1e-9).astype(np.int64)
        return self._cdf_at(j)

    def cdf_below(self, x):
        """P(claims < x): the CDF just left of ``x`` (below :meth:`cdf` by the mass at ``x`` where ``x`` is a grid
        point, e.g. the probability of no claim at all at 0)."""
        j = np.ceil(np.asarray(x, dtype=float) / self.h - 1e-9).astype(np.int64) - 1
        return self._cdf_at(j)

    def _cdf_at(self, j):
        cdf = np.cumsum(self.probabilities)
        return np.where(j < 0, 0.0, cdf[np.clip(j, 0, self.points - 1)])


# --- The grid and the pieces an event's payment is made of -----------------------------------------------------


class _Grid:
    """Points 0, h, ..., (n - 1) h, and the tilt e^(-theta j) applied on the way into and out of the FFT."""

    def __init__(self, h: float, n: int):
        self.h, self.n = h, n
        self.x = h * np.arange(n)
        self.tilt = np.exp(-TILT / n * np.arange(n))

    def transform(self, pmf: np.ndarray) -> np.ndarray:
        return np.fft.rfft(pmf * self.tilt)

    def inverse(self, transform: np.ndarray, probabilities: bool = True) -> np.ndarray:
        # Round-off leaves values of order 1e-16 e^TILT of either sign where the true probability is ~0: cut to 0
        # for probabilities, kept for a derivative of them (which has both signs).
        values = np.fft.irfft(transform, self.n) / self.tilt
        return np.maximum(values, 0.0) if probabilities else values

    def atoms(self, values, probs) -> np.ndarray:
        """Point masses, each split between its two neighbouring points so that its mean is kept."""
        pos = np.asarray(values, dtype=float) / self.h
        lo = np.floor(pos).astype(np.int64)
        up = pos - lo
        pmf = np.zeros(self.n)
        for index, weight in ((lo, 1.0 - up), (lo + 1, up)):
            keep = index < self.n
            np.add.at(pmf, index[keep], (np.asarray(probs, dtype=float) * weight)[keep])
        return pmf

    def from_stop_loss(self, stop_loss) -> np.ndarray:
        """Local moment matching from pi(t) = E[(X - t)+]: f_j = (pi(jh - h) - 2 pi(jh) + pi(jh + h)) / h.

        The second difference of the stop-loss transform keeps the mean exactly; it is computed from pi rather
        than from E[min(X, t)] so that tail probabilities are differences of small numbers, not of numbers near E[X].
        """
        pi = stop_loss(self.h * np.arange(-1, self.n + 1).clip(0))
        pi[0] = pi[1] + self.h  # pi(-h) = E[X] + h for X >= 0
        return np.maximum((pi[:-2] - 2.0 * pi[1:-1] + pi[2:]) / self.h, 0.0)


def _lognormal_stop_loss(mean: float, cv: float):
    mu, sigma = lognormal_params(mean, cv)

    def pi(t):
        with np.errstate(divide="ignore"):
            z = (np.log(t) - mu) / sigma
        return mean * ndtr(sigma - z) - t * ndtr(-z)  # scipy's norm.sf(x) is ndtr(-x), without its argument checks

    return pi


def _stmb_stop_loss(rules, wage: float, mean_months: float):
    """Stop-loss transform of STMB = wage g(D), g(d) = a min(d, F) + b (d - F)+, D exponential (assumes a > 0)."""
    a, b = rules["jkk.temporary_full_share"], rules["jkk.temporary_after_share"]
    full, theta = rules["jkk.temporary_full_months"], mean_months
    tail = math.exp(-full / theta)

    def pi(t):
        y = np.asarray(t) / wage
        below = a * theta * (np.exp(-y / (a * theta)) - tail) + b * theta * tail
        above = b * theta * np.exp(-(full + (np.maximum(y, a * full) - a * full) / b) / theta) if b > 0 else 0.0
        return wage * np.where(y < a * full, below, above)

    return pi


class _Pieces:
    """Transforms of what one event pays, on one grid; each piece is built once (many cells share it)."""

    def __init__(self, model: Model, grid: _Grid):
        self.model, self.grid, self.memo = model, grid, {}

    def _once(self, key, build):
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    def atom(self, x: float):
        return self._once(("atom", x), lambda: self.grid.transform(self.grid.atoms([x], [1.0])))

    def scholarship(self, r: int, lags: tuple, band: int = 0):
        """Instalments of one claim at the given lags, of a member in band ``band`` of the member's age: 0, 1 or
        2 children, independent of one another."""
        if not lags:
            return 1.0

        def build():
            rules, children = self.model.regimes[r], self.model.scenario.children
            child = self.grid.transform(self.grid.atoms(*child_payments(rules, children, lags, band)))
            return sum(p * child**n for n, p in enumerate(_children_per_claim(rules, children.bands[band])))

        return self._once(("scholarship", r, lags, band), build)

    def medical(self, price: float = 1.0):
        """Medical care of one work accident, as accident.sample_cases draws it, at the care price factor ``price``
        (``accident.care_price_by_month``: the mean times it, the same CV): the same for every wage and lag."""

        def build():
            sev, grid = self.model.scenario.severity, self.grid
            mean = sev.medical_cost_mean * price
            if sev.medical_cost_cv > 0 and mean > 0:
                return grid.transform(grid.from_stop_loss(_lognormal_stop_loss(mean, sev.medical_cost_cv)))
            return self.atom(mean)

        return self._once(("medical", price), build)

    def paid(self, benefit: str, r: int, wage: float):
        """What one case of the kinds in PAID_TO_KINDS[benefit] is paid besides medical care and scholarships."""

        def build():
            rules, sev, grid = self.model.regimes[r], self.model.scenario.severity, self.grid
            if benefit == "jkk_temporary":
                return grid.transform(grid.from_stop_loss(_stmb_stop_loss(rules, wage, sev.incapacity_months_mean)))
            if benefit == "jkk_partial":
                degrees, probs = zip(*sev.partial_degrees)
                return grid.transform(grid.atoms(partial_disability_benefit(rules, wage, np.array(degrees)), probs))
            if benefit == "jkk_total":
                return self.atom(total_disability_benefit(rules, wage))
            return self.atom(jkk_death_benefit(rules, wage))

        return self._once(("paid", benefit, r, wage), build)

    def accident(self, r: int, wage: float, lags: tuple, band: int = 0, price: float = 1.0):
        """A work accident in the period (of a member in band ``band`` of the member's age): medical care (at the
        care price factor ``price``) + the benefits of its kind (PAID_TO_KINDS).

        Only the kinds that occur (share > 0) are put on the grid: a kind of share 0 would add exactly nothing."""

        def build():
            mix = 0.0
            for kind, share in enumerate(self.model.scenario.severity.shares):
                if share == 0:
                    continue
                part = self.scholarship(r, lags, band) if kind in WITH_SCHOLARSHIP else 1.0
                for benefit, kinds in PAID_TO_KINDS.items():
                    if kind in kinds:
                        part = part * self.paid(benefit, r, wage)
                mix = mix + share * part
            return self.medical(price) * mix

        return self._once(("accident", r, wage, lags, band, price), build)

    def event(self, key: tuple):
        peril, r, amount, in_period, lags, band, price = key
        if peril == "jkm":
            return self.atom(amount) * self.scholarship(r, lags, band)
        if in_period:
            return self.accident(r, amount, lags, band, price)
        # An accident in an earlier period: only total disability and death cases still pay instalments.
        share = sum(self.model.scenario.severity.shares[k] for k in WITH_SCHOLARSHIP)
        return (1.0 - share) + share * self.scholarship(r, lags, band)


# --- The model as Poisson streams ------------------------------------------------------------------------------


def _lags_in_period(model: Model, month: int, period: int) -> tuple:
    """Years after a claim in ``month`` at which its instalments fall due in ``period`` (within the horizon)."""
    pay = month + 12 * np.arange((model.months - 1 - month) // 12 + 1)
    return tuple(int(k) for k in np.flatnonzero(model.period_of_month[pay] == period))


def _streams(model: Model, period: int) -> dict:
    """Poisson rate of every kind of event that pays in the period, keyed by what one event's payment depends on:
    (peril, rule regime, JKM cash or JKK wage, event in the period?, lags of instalments due in the period, band of
    the member's age when instalments are due: 0 otherwise, and always with one band, care price factor of an
    accident in the period: 1 otherwise). The JKK wage is that of the accident month's calendar year
    (``accident.wage_by_month``: a PU wage that grows), the stated wage for an accident in an earlier period.

    The care price is the accident month's (``accident.care_price_by_month``), so a period whose months had two
    prices would be a mixture of the two, weighted by the rates; with calendar-year periods (``build_model``) a
    period has one."""
    rates = defaultdict(float)
    last = int(np.flatnonzero(model.period_of_month == period).max())
    children = model.scenario.children
    bands = len(children.bands)
    price = care_price_by_month(model.scenario.severity, model.month_dates)
    for exp in model.segments:
        seg = exp.segment
        wages = wage_by_month(seg, model.month_dates)
        for m in range(last + 1):
            r = int(model.regime_of_month[m])
            rules = model.regimes[r]
            lags = _lags_in_period(model, m, period)
            in_period = bool(model.period_of_month[m] == period)
            care = float(price[m]) if in_period else 1.0
            wage = float(wages[m]) if in_period else seg.wage  # an earlier period's accident pays no wage-based amount
            tenure = exp.tenure0 + m
            cash = jkm_death_benefit(rules, seg.scheme, tenure) * in_period
            eligible = jkm_scholarship_eligible(rules, tenure)
            band, kinds = _bands_and_kinds(model, exp, m, cash, eligible)
            for c, e, k in kinds:
                key = ("jkm", r, c, in_period, lags if e else (), k if e and lags else 0, 1.0)
                if c > 0 or key[4]:
                    rates[key] += float(exp.jkm_rate[(cash == c) & (eligible == e) & (band == k), m].sum())
            if lags and bands == 1:
                rates[("jkk", r, wage, in_period, lags, 0, care)] += float(exp.jkk_rate[:, m].sum())
            elif lags:
                for k in range(bands):
                    rates[("jkk", r, wage, in_period, lags, k, care)] += float(exp.jkk_rate[band == k, m].sum())
    return {key: rate for key, rate in rates.items() if rate > 0}


def _bands_and_kinds(model: Model, exp, month: int, cash: np.ndarray, eligible: np.ndarray):
    """The band of the member's age in each cell in ``month`` (0, a number, with one band) and the distinct
    (JKM cash, eligible, band) of the cells: with one band in the order of the distinct (cash, eligible), as
    always, so that the rates add up in the same order."""
    children = model.scenario.children
    if len(children.bands) == 1:
        return 0, [(c, e, 0) for c, e in set(zip(cash.tolist(), eligible.tolist()))]
    band = children.band_of(exp.age(np.arange(exp.age0.size), month))
    return band, sorted(set(zip(cash.tolist(), eligible.tolist(), band.tolist())))


def _perils(model: Model, streams: dict, grid: _Grid) -> list[tuple[float, np.ndarray]]:
    """(expected events, tilted transform of one event's payment) for deaths and for accidents, in PERILS order.

    The two are kept apart because parameter uncertainty scales them separately (a draw of the mortality and the
    accident multiplier)."""
    pieces = _Pieces(model, grid)
    out = []
    for peril in PERILS:
        mine = {key: r for key, r in streams.items() if key[0] == peril}
        rate = sum(mine.values())
        out.append((rate, sum(r * pieces.event(key) for key, r in mine.items()) / rate if rate > 0 else 1.0))
    return out


def _mixture(perils: list, scale) -> tuple[float, np.ndarray]:
    """Total rate and severity transform of the compound Poisson with the perils' rates times ``scale``."""
    rate = sum(s * r for s, (r, _) in zip(scale, perils))
    return rate, sum(s * r * phi for s, (r, phi) in zip(scale, perils)) / rate


def _draws(model: Model) -> np.ndarray:
    """(mortality scale, accident scale) of each equally likely parameter draw; one draw (1, 1) without any."""
    return np.asarray(model.scenario.intensity_draws or ((1.0, 1.0),), dtype=float).reshape(-1, len(PERILS))


# --- Sizing the grid -------------------------------------------------------------------------------------------


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """sum(a * b) in numpy's own loop. ``a @ b`` goes to OpenBLAS, which splits a product of more than 10,000
    terms across threads; waking them took 10-25 ms a product on a busy 2-core machine, more than all the FFTs."""
    return float(np.einsum("i,i->", a, b))



def _nice(x: float) -> float:
    """The smallest of 1, 2, 5 x 10^k at least x: round spans put the rules' round amounts on grid points."""
    k = 10.0 ** math.floor(math.log10(x))
    return next(step * k for step in (1, 2, 5, 10) if step * k >= x * (1 - 1e-12))


class _PerilsOnGrid:
    """_perils on a grid of (span, points), keeping the last result: the grid _span settles on is often the one it
    measured last (round spans), and then exact_distribution's first attempt reuses it instead of rebuilding it."""

    def __init__(self, model: Model, streams: dict):
        self.model, self.streams, self.last = model, streams, None

    def __call__(self, grid: _Grid) -> list:
        if self.last is None or self.last[0] != (grid.h, grid.n):
            self.last = ((grid.h, grid.n), _perils(self.model, self.streams, grid))
        return self.last[1]


def _span(perils_on: _PerilsOnGrid, scale, mean_guess: float) -> float:
    """Span putting mean + SPREAD_SD sd of the aggregate (rates times ``scale``) on POINTS points.

    The moments are those of the discretized severity (lambda E[X], lambda E[X^2]). The discretization keeps the
    mean but adds to E[X^2] with the span, so when the span they call for is finer than the one they were measured
    on, they are measured again; a severity that does not fit the grid widens it first. This only sizes the grid:
    the tail check in exact_distribution decides whether the grid was long enough.
    """
    h = _nice(8.0 * mean_guess / POINTS)
    for _ in range(8):
        grid = _Grid(h, POINTS)
        rate, phi = _mixture(perils_on(grid), scale)
        f = grid.inverse(phi)
        if 1.0 - f.sum() > SEVERITY_FIT:
            h = _nice(4.0 * h)
            continue
        wanted = _nice((rate * _dot(f, grid.x) + SPREAD_SD * math.sqrt(rate * _dot(f, grid.x**2))) / POINTS)
        if wanted >= h:
            return wanted
        h = wanted
    return h


def _nice_down(x: float) -> float:
    """The largest of 1, 2, 5 x 10^k at most x."""
    k = 10.0 ** math.floor(math.log10(x))
    return next(step * k for step in (5, 2, 1) if step * k <= x * (1 + 1e-12))


def _fine_enough(perils_on: _PerilsOnGrid, scale, h: float) -> tuple[float, int, float]:
    """(step, points, E[X^2]): a grid covering what :func:`_span` covers, on a step fine enough that splitting the
    payments between grid points adds at most ``VARIANCE_TOL`` to the aggregate variance (h^2 / (4 E[X^2]), with
    E[X^2] the payments' second moment, returned). E[X^2] is measured on the grid itself, at the smallest
    multipliers (where the aggregate variance is smallest), and again on each finer step, since a coarse grid
    overstates it. Points double up to MAX_POINTS; a portfolio too large for that keeps the finest round step
    MAX_POINTS allow, and the result's ``variance_error_bound`` says what that costs."""
    coarser = None
    for _ in range(8):
        grid = _Grid(h, POINTS)
        rate, phi = _mixture(perils_on(grid), scale)
        f = grid.inverse(phi)
        if coarser is not None and 1.0 - f.sum() > SEVERITY_FIT:  # a payment no longer fits: the step before
            h, first, second, span = coarser
            break
        first, second = _dot(f, grid.x), _dot(f, grid.x**2)
        if second <= 0:
            return h, POINTS, 0.0
        fine = _nice_down(2.0 * math.sqrt(VARIANCE_TOL * second))
        span = rate * first + SPREAD_SD * math.sqrt(rate * second)  # what the aggregate needs (see _span)
        if fine >= h:
            break
        coarser = (h, first, second, span)
        h = fine
    n = POINTS
    while n * h < span and n < MAX_POINTS:
        n *= 2
    if n * h < span:
        h = _nice(span / n)
    return h, n, second


# --- The two calculators ---------------------------------------------------------------------------------------


def _fft(perils: list, draws: np.ndarray, grid: _Grid) -> np.ndarray:
    """exp(sum over perils of scale x lambda (phi - 1)), averaged over the parameter draws."""
    total = 0.0
    for scale in draws:
        total = total + _transform(perils, scale)
    return grid.inverse(total / len(draws))


def _draw_set_sd(perils: list, draws: np.ndarray, grid: _Grid, result: ExactDistribution) -> dict:
    """How far each quantile would move, as a standard deviation (IDR), with another set of as many parameter draws
    from the same posterior: the draws are a sample, and their mixture's quantiles carry its sampling error, which
    no number of trials removes (the Monte Carlo quantiles, on the same draws, share it).

    Delta method. The mixture's CDF at a quantile x is the mean over the D draws of each draw's CDF, F_i(x), so its
    sampling sd is sd(psi_i) / sqrt(D), and the quantile's that over the density at x. Draws whose mean is 1, as
    sim calibrate writes them (posterior draws divided by their own means), move the mixture only by how they
    differ from one another, not by their mean: psi_i = F_i(x) - (s_i - 1) . G, G the change of the mixture's CDF
    at x when every draw's multiplier of one peril rises by a share (the transform's derivative along it: the mean
    over the draws of s_ik lambda_k (phi_k - 1) times the draw's transform). Other draws are taken as a plain
    sample: psi_i = F_i(x). An estimate from one set: at the 99.5 % quantile it is itself uncertain by about 40 %
    (its relative sd over fresh sets of draws, tests/test_exact_draw_set.py, where it is checked against the spread
    of the quantiles themselves)."""
    at = {name: int(round(x / grid.h)) for name, x in result.quantiles.items()}
    index = np.array(list(at.values()))
    centre = draws.mean(axis=0)
    mean_one = bool(np.allclose(centre, 1.0, atol=1e-3))
    each, weighted = [], [0.0] * len(perils)  # weighted: the sum over the draws of s_ik x the draw's transform
    for scale in draws:
        transform = _transform(perils, scale)
        each.append(np.cumsum(grid.inverse(transform))[index])
        if mean_one:
            weighted = [w + s * transform for w, s in zip(weighted, scale)]
    each = np.array(each)
    if mean_one:
        slope = np.array([np.cumsum(grid.inverse(w * r * (phi - 1.0) / len(draws), probabilities=False))[index]
                          for w, (r, phi) in zip(weighted, perils)])
        each = each - (draws - centre) @ slope
    cdf_sd = each.std(axis=0, ddof=1) / math.sqrt(len(draws))
    cdf = np.cumsum(result.probabilities)
    w = max(1, round(DENSITY_WINDOW * result.sd / grid.h))
    out = {}
    for (name, i), sd in zip(at.items(), cdf_sd):
        low, high = max(i - w, 0), min(i + w, cdf.size - 1)
        density = (cdf[high] - cdf[low]) / ((high - low) * grid.h)
        out[name] = float(sd / density) if density > 0 else None
    return out


def _transform(perils: list, scale) -> np.ndarray:
    """One draw's transform: exp(sum over perils of scale x lambda (phi - 1))."""
    return np.exp(sum(s * r * (phi - 1.0) for s, (r, phi) in zip(scale, perils)))


def _panjer(rate: float, f: np.ndarray) -> np.ndarray:
    """g_0 = exp(lambda (f_0 - 1)), g_k = (lambda / k) sum_{j=1..k} j f_j g_(k-j).

    g_0 underflows once lambda (1 - f_0) exceeds about 745 (several hundred expected deaths), and then every g_k
    would be 0. The recursion is linear in g_0, so it runs on a copy started at 1 and scaled down by 1e-250
    whenever it grows past 1e250, with the log of the scale carried alongside. What underflows in the copy is
    below 1e-308 of the largest value so far, i.e. zero in double precision anyway; the recursion only adds
    positive terms, so no cancellation builds up.
    """
    n = f.size
    weights = (rate * np.arange(n) * f)[::-1].copy()  # weights[n-1-j] = lambda j f_j: each step one contiguous dot
    g = np.zeros(n)
    g[0] = 1.0
    log_scale = rate * (f[0] - 1.0)
    for k in range(1, n):
        g[k] = g[:k] @ weights[n - 1 - k : n - 1] / k
        if g[k] > 1e250:
            g[: k + 1] *= 1e-250
            log_scale += 250.0 * math.log(10.0)
    with np.errstate(divide="ignore"):
        return np.exp(np.log(g) + log_scale)


# --- Public API ------------------------------------------------------------------------------------------------


def exact_distribution(model: Model, period: int = 0, method: str = "fft",
                       draw_set: bool = True) -> ExactDistribution:
    """The distribution of the total claims (all segments and benefits) paid in period ``period`` of ``model``.

    ``method``: "fft" or "panjer" (same grid and severity). With parameter uncertainty (the scenario's intensity
    draws) the claims are a mixture over the draws of compound Poisson sums: the FFT averages their transforms,
    Panjer's recursion (for one compound Poisson) refuses; ``draw_set``: also the quantiles' sampling sd from the
    draws (:func:`_draw_set_sd`, about one more inverse FFT per draw). Raises ValueError for an unknown method or
    period, a refused Panjer run, or a distribution the grid cannot hold.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    if not 0 <= period < len(model.period_labels):
        raise ValueError(
            f"period {period} is not in 0..{len(model.period_labels) - 1} ({', '.join(model.period_labels)})")
    draws = _draws(model)
    if method == "panjer" and len(np.unique(draws, axis=0)) > 1:
        raise ValueError(
            f"Panjer recursion refused: the scenario's {len(draws)} intensity draws make the claims a mixture of "
            "compound Poisson sums, not one; use the FFT (method 'fft')"
        )
    mean_cf = float(expected(model).amounts[period].sum())
    streams = _streams(model, period)
    if not streams:
        return _result(model, period, method, 1.0, np.array([1.0]), 0.0, mean_cf)
    perils_on = _PerilsOnGrid(model, streams)
    h = _span(perils_on, draws.max(axis=0), max(mean_cf, 1.0))  # sized for the largest multipliers
    h, n, second = _fine_enough(perils_on, draws.min(axis=0), h)
    for _ in range(MAX_ATTEMPTS):
        grid = _Grid(h, n)
        perils = perils_on(grid)
        if method == "fft":
            p = _fft(perils, draws, grid)
        elif n > PANJER_MAX_POINTS:
            raise ValueError(
                f"Panjer recursion refused: the distribution needs {n} grid points (span Rp{h:,.0f}), "
                f"{n * n / 2:.1e} operations; use the FFT (method 'fft')"
            )
        else:
            rate, phi = _mixture(perils, draws[0])
            p = _panjer(rate, grid.inverse(phi))
        tail = 1.0 - p.sum()
        if tail <= TAIL_TOL:
            rate = sum(s * r for s, (r, _) in zip(draws.mean(axis=0), perils))
            result = _result(model, period, method, h, p, rate, mean_cf, h * h / (4.0 * second) if second > 0 else 0.0)
            if draw_set and len(np.unique(draws, axis=0)) > 1:
                result = replace(result, draws=len(draws), draw_set_sd=_draw_set_sd(perils, draws, grid, result))
            return result
        # Too much beyond the grid (a heavy severity tail): lengthen the grid, and once it is as long as memory
        # allows, coarsen the span (the quantiles lose resolution, the mean stays exact).
        if n < MAX_POINTS:
            n *= 2
        else:
            h *= 2
    raise ValueError(
        f"probability {tail:.2e} lies beyond the grid of {n} points (span Rp{h:,.0f}, up to Rp{n * h:,.0f}) after "
        f"{MAX_ATTEMPTS} attempts; the claims are too heavy-tailed for an exact computation at TAIL_TOL={TAIL_TOL:g}"
    )


def _result(model: Model, period: int, method: str, h: float, p: np.ndarray, rate: float, mean_cf: float,
            variance_bound: float = 0.0):
    x = h * np.arange(p.size)
    mean = _dot(p, x)
    var = _dot(p, (x - mean) ** 2)
    sd = math.sqrt(var)
    cdf = np.cumsum(p)
    quantiles = {name: float(h * min(np.searchsorted(cdf, q), p.size - 1)) for name, q in QUANTILES.items()}
    return ExactDistribution(
        scenario_id=model.scenario.id,
        period=period,
        period_label=model.period_labels[period],
        method=method,
        h=float(h),
        probabilities=p,
        poisson_rate=float(rate),
        mean=mean,
        sd=sd,
        cv=sd / mean if mean > 0 else float("nan"),
        skewness=_dot(p, (x - mean) ** 3) / sd**3 if sd > 0 else float("nan"),
        quantiles=quantiles,
        mean_closed_form=mean_cf,
        mean_rel_error=abs(mean - mean_cf) / mean_cf if mean_cf > 0 else abs(mean),
        tail_mass=float(1.0 - p.sum()),
        variance_error_bound=float(variance_bound),
    )


def describe(result: ExactDistribution, summary: dict | None = None) -> dict:
    """A small JSON-ready table: the exact moments and quantiles beside the closed-form mean and, given a forecast
    ``summary`` (summary.json content), beside the simulated quantiles of the same period.

    A simulated quantile passes when the exact CDF there lies within q +/- SIGMAS sqrt(q (1 - q) / trials) (the
    binomial spread of an order statistic); a failure is a flag to look at, not proof of an error.
    """
    out = {
        "scenario_id": result.scenario_id,
        "period": result.period_label,
        "method": result.method,
        "span_idr": result.h,
        "points": result.points,
        "poisson_rate": round(result.poisson_rate, 6),
        "tail_mass": result.tail_mass,
        "variance_error_bound": result.variance_error_bound,
        "claims_idr": {
            "mean": round(result.mean, 2),
            "sd": round(result.sd, 2),
            "cv": _finite(result.cv, 6),  # undefined (None) when no claim can occur
            "skewness": _finite(result.skewness, 6),
            **{k: round(v, 2) for k, v in result.quantiles.items()},
        },
        "closed_form_mean_idr": round(result.mean_closed_form, 2),
        "mean_rel_error": result.mean_rel_error,
        # The quantiles' sampling sd from the parameter draws (null without draws): not in any interval reported.
        "draws": result.draws,
        "draw_set_sd_idr": (None if result.draw_set_sd is None else
                            {k: None if v is None else round(v, 2) for k, v in result.draw_set_sd.items()}),
        "mean_flag": "ok" if result.mean_rel_error <= MEAN_TOL else "check",
    }
    if summary is not None:
        trials = summary["trials"]
        simulated = next(p for p in summary["periods"] if p["period"] == result.period_label)["claims_idr"]
        rows = {}
        for name, q in QUANTILES.items():
            half = SIGMAS * math.sqrt(q * (1 - q) / trials)
            at, below = float(result.cdf(simulated[name])), float(result.cdf_below(simulated[name]))
            rows[name] = {
                "simulated_idr": simulated[name],
                "exact_idr": result.quantiles[name],
                "exact_cdf_at_simulated": round(at, 6),
                "exact_cdf_below_simulated": round(below, 6),
                "band": [round(q - half, 6), round(q + half, 6)],
                # A value the exact distribution has a mass at (no claim at all, for a small group) is the q
                # quantile for every q from P(S < x) to P(S <= x): the band need only meet that step.
                "flag": ("too_few" if trials * min(q, 1 - q) < MIN_TAIL_TRIALS
                         else "ok" if below - half <= q <= at + half else "check"),
            }
        out["versus_simulation"] = {"trials": trials, "quantiles": rows}
    return out


def _finite(x: float, digits: int):
    return round(x, digits) if math.isfinite(x) else None
