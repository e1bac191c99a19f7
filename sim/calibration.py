"""Calibration to observed claims: a Bayesian fit of the mortality load and the accident frequency.

Model. Two multipliers scale the scenario's expected events: ``mortality_scale`` (non-work deaths, JKM) and
``accident_scale`` (work accidents, JKK). Within an observed period, the pair (number of claims, amount paid) is a
compound Poisson sum over events, so its mean vector and second-moment matrix are linear in the multipliers:
``mean = m * mean_jkm + a * mean_jkk`` and ``cov = m * cov_jkm + a * cov_jkk``. The means come from the closed
form; the covariances at m = a = 1 from simulated trials (compound Poisson covariance scales with the event rate).
The likelihood of each observation is the bivariate normal with that mean and covariance (a normal approximation,
good when tens of claims or more are observed; a count-only or amount-only observation uses its margin).

Priors. Lognormal with median 1 on each multiplier; the spread comes from the scenario's own stated ranges
(the 90 % range of the mortality load, and of the accident rates, which cite the national figures of DOMAIN.md
s.5-6), or ``DEFAULT_PRIOR_SIGMA`` where a range is missing. The posterior is computed on a log-spaced grid.

Credibility weight (reported per multiplier): 1 - posterior variance / prior variance of its logarithm, the share
of prior uncertainty the data removed (0: data says nothing, 1: data says everything).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import shlex
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.stats

from .accident import WITH_SCHOLARSHIP
from .benefits import INDEX
from .closed_form import expected, intensity_means
from .engine import blocks, chunks, simulate_chunk
from .i18n import Language
from .mortality import monthly_q
from .population import Model, build_model
from .regulation import jkm_scholarship_eligible
from .scenario import (
    SCENARIO_DIR, Scenario, ScenarioError, closest_scenario_id, apply_override, load_scenario, month, number, one_line,
    parse_override, scenario_from_data, text,
)
from .scenario_schema import MAX_TRIALS, MISFIT_P, shown
from .scholarship import expected_by_lag

DEFAULT_PRIOR_SIGMA = 0.5  # assumption: a factor of about 2.3 either side at 90 % when a scenario states no range
Z90 = 1.6448536269514722
GRID_POINTS = 161
GRID_RANGE = (0.05, 20.0)
_ID = Language("id")  # the Indonesian texts (source_id) sim calibrate writes beside each source, in its number format
BEST_FIT_SOURCE = (f"the grid point where chi2_min is reached: the data alone, without the prior (grid "
                   f"{GRID_RANGE[0]:g}-{GRID_RANGE[1]:g})")
BEST_FIT_SOURCE_ID = (f"titik kisi tempat chi2_min tercapai: data saja, tanpa prior (kisi "
                      f"{_ID.plain(GRID_RANGE[0])}–{_ID.plain(GRID_RANGE[1])})")
EDGE_MASS = 1e-3  # posterior mass in an end cell of the grid above which the grid would cut the posterior off
VARIANCE_TRIALS = 4000
# The record's ``method``: the likelihood named by the figures fitted (an observation's ``fit``), since a record that
# fits the amount alone (madiun-2025) said "bivariate normal of (claims, amount)", which it did not use.
LIKELIHOODS = {("claims", "amount"): "bivariate normal likelihood of (claims, amount)",
               ("claims",): "normal likelihood of the claims", ("amount",): "normal likelihood of the amount"}
PERIL_BENEFITS = {
    "jkm": ("jkm_death", "jkm_scholarship"),
    "jkk": ("jkk_medical", "jkk_temporary", "jkk_partial", "jkk_total", "jkk_death", "jkk_scholarship"),
}
CLAIM_BENEFITS = {"jkm": ("jkm_death",), "jkk": ("jkk_medical",)}
SCHOLARSHIP_BENEFITS = {"jkm": ("jkm_scholarship",), "jkk": ("jkk_scholarship",)}
FIGURES = ("claims", "amount")  # an observation's recorded figures, in the likelihood's order


# --- Experience files -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Observation:
    start: dt.date
    end: dt.date  # first day of the last month observed
    benefits: str  # all | jkm | jkk
    segment: str  # all | a segment name
    claims: float | None
    amount: float | None
    count_includes_scholarships: bool
    source: str
    # Reported beside the claims, not fitted (the report sets them beside the model's claim ratio of the same
    # months): the premium the ratio was reported on, the months it covers, and the claim ratio as reported.
    premium: float | None = None
    premium_start: dt.date | None = None
    premium_end: dt.date | None = None  # first day of the premium's last month
    claim_ratio: float | None = None
    # The recorded figures the likelihood uses (``fit`` in the file; by default every one given). A figure left out
    # is still recorded and set beside the model's, as a check (madiun-2025: the count, whose definition is unknown).
    fitted: tuple = FIGURES
    source_id: str | None = None  # the source in Indonesian (optional), written beside it in a calibrated scenario
    # False where the source does not say which months the premium covers and the file takes them as given
    # (``months_stated = false``; madiun-2025): the report then says the months are taken, not reported.
    premium_months_stated: bool = True

    @property
    def perils(self) -> tuple:
        return ("jkm", "jkk") if self.benefits == "all" else (self.benefits,)


@dataclass(frozen=True)
class Experience:
    path: Path
    id: str
    scenario: str
    source: str
    observations: tuple
    source_id: str | None = None  # the source in Indonesian, for the Indonesian report (optional)


def _month_start(text_: str) -> dt.date:
    return dt.date.fromisoformat(text_ + "-01")


def load_experience(path: str | Path) -> Experience:
    """Read an experience file (format in ``scenarios/experience/README.md``); errors name file, key and problem."""
    path = Path(path)
    if not path.is_file():
        raise ScenarioError(str(path), "", "is a folder, not an experience file" if path.is_dir() else "file not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ScenarioError(str(path), "", f"malformed TOML: {err}") from None

    def fail(key, problem):
        raise ScenarioError(str(path), key, problem)

    def need(node, key, check, where):
        if key not in node:
            fail(f"{where}.{key}", "missing")
        problem = check(node[key])
        if problem:
            fail(f"{where}.{key}", problem)
        return node[key]

    for key in data:
        if key not in ("experience", "observation"):
            fail(key, "unknown key (expected [experience] and [[observation]])")
    if "experience" not in data:
        fail("experience", "missing table")
    head = data["experience"]
    if not isinstance(head, dict):
        fail("experience", f"must be a table ([experience]), got {shown(head)}")
    for key in head:
        if key not in ("id", "scenario", "title", "source", "source_id"):
            fail(f"experience.{key}", "unknown key")
    obs_list = data.get("observation")
    if "observation" in data and not isinstance(obs_list, list):
        fail("observation", f"must be an array of [[observation]] tables, got {shown(obs_list)}")
    if not obs_list:
        fail("observation", "needs at least one [[observation]]")
    observations = [_observation(node, f"observation[{i}]", fail, need) for i, node in enumerate(obs_list)]
    return Experience(
        path, need(head, "id", text(r"[a-z0-9][a-z0-9-]*"), "experience"),
        need(head, "scenario", text(), "experience"), need(head, "source", text(), "experience"), tuple(observations),
        need(head, "source_id", text(), "experience") if "source_id" in head else None,
    )


def _observation(node, where: str, fail, need) -> Observation:
    """One ``[[observation]]`` of an experience file (``where``: ``observation[0]``), checked key by key."""
    if not isinstance(node, dict):
        fail(where, f"must be an [[observation]] table, got {shown(node)}")
    known = ("from", "to", "benefits", "segment", "claims", "amount", "count_includes_scholarships", "source",
             "source_id", "premium", "claim_ratio", "fit")
    for key in node:
        if key not in known:
            fail(f"{where}.{key}", "unknown key")
    start, end = _month_start(need(node, "from", month, where)), _month_start(need(node, "to", month, where))
    if end < start:
        fail(f"{where}.to", "is before 'from'")
    benefits = node.get("benefits", "all")
    if benefits not in ("all", "jkm", "jkk"):
        fail(f"{where}.benefits", f"must be all, jkm or jkk; got {benefits!r}")
    claims = _quantity(node, "claims", "claims", where, fail)
    amount = _quantity(node, "amount", "IDR", where, fail)
    if claims is None and amount is None:
        fail(where, "needs claims, amount or both")
    segment = node.get("segment", "all")
    problem = text()(segment)
    if problem:
        fail(f"{where}.segment", problem)
    include = node.get("count_includes_scholarships", False)
    if not isinstance(include, bool):
        fail(f"{where}.count_includes_scholarships", "must be true or false")
    fitted = _fitted(node, {"claims": claims, "amount": amount}, where, fail)
    premium = _reported(node, "premium", "IDR", where, fail, need)
    ratio = _reported(node, "claim_ratio", "share", where, fail, need)
    if ratio is not None and premium is None:
        fail(f"{where}.claim_ratio", "needs the premium it was reported on (premium = { value = ..., unit = "
                                     '"IDR", from = "YYYY-MM", to = "YYYY-MM" })')
    if ratio is not None and amount is None:
        fail(f"{where}.claim_ratio", "needs the amount of claims it was reported for (amount)")
    return Observation(start, end, benefits, segment, claims, amount, include,
                       need(node, "source", text(), where), *(premium or (None, None, None)), *(ratio or (None,)),
                       fitted, need(node, "source_id", text(), where) if "source_id" in node else None,
                       premium_months_stated=node.get("premium", {}).get("months_stated", True))


def _fitted(node, given: dict, where, fail) -> tuple:
    """``fit = ["amount"]``: which of the recorded figures the likelihood uses (by default all that are given)."""
    if "fit" not in node:
        return tuple(name for name in FIGURES if given[name] is not None)
    names = node["fit"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        fail(f"{where}.fit", f"must be a non-empty list of figures to fit (claims, amount), got {shown(names)}")
    for name in names:
        if name not in FIGURES:
            fail(f"{where}.fit", f"unknown figure {name!r} (expected claims or amount)")
        if given[name] is None:
            fail(f"{where}.fit", f"names {name}, which the observation does not give")
    if len(set(names)) != len(names):
        fail(f"{where}.fit", "names a figure twice")
    return tuple(name for name in FIGURES if name in names)


def _reported(node, key, unit, where, fail, need):
    """An optional figure reported beside the claims and not fitted: ``premium = { value, unit = "IDR", from, to,
    source }`` (the months the premium covers) or ``claim_ratio = { value, unit = "share", source }``. Returns
    (value, first month, last month) or (value,), or None when absent."""
    if key not in node:
        return None
    q = node[key]
    where_q = f"{where}.{key}"
    known = ("value", "unit", "source", "from", "to", "months_stated") if unit == "IDR" \
        else ("value", "unit", "source")
    if not isinstance(q, dict):
        fail(where_q, f"must be {{ value = ..., unit = \"{unit}\", ... }}, got {shown(q)}")
    for k in q:
        if k not in known:
            fail(f"{where_q}.{k}", f"unknown key (known: {', '.join(known)})")
    value = _quantity(node, key, unit, where, fail)
    if unit == "share" and value > 100:
        fail(f"{where_q}.value", f"a claim ratio is a share (2.06 for 206 %), got {value:g}")
    need(q, "source", text(), where_q)
    if unit != "IDR":
        return (value,)
    if not isinstance(q.get("months_stated", True), bool):
        fail(f"{where_q}.months_stated", "must be true or false")
    start, end = (_month_start(need(q, k, month, where_q)) for k in ("from", "to"))
    if end < start:
        fail(f"{where_q}.to", "is before 'from'")
    return value, start, end


def _quantity(node, key, unit, where, fail):
    if key not in node:
        return None
    q = node[key]
    if not isinstance(q, dict) or "value" not in q or "unit" not in q:
        fail(f"{where}.{key}", f'must be {{ value = ..., unit = "{unit}" }}')
    if q["unit"] != unit:
        fail(f"{where}.{key}.unit", f"wrong unit: expected {unit!r}, got {q['unit']!r}")
    problem = number(0, 1e16, integer=(unit == "claims"))(q["value"])  # a count of claims is whole
    if problem:
        fail(f"{where}.{key}.value", problem)
    return float(q["value"])


# --- The fit --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moments:
    """Mean (count, amount) and covariance at multipliers 1, per peril, for one observation."""

    mean: dict  # peril -> (2,)
    cov: dict  # peril -> (2, 2)
    simulated: np.ndarray  # (trials, 2) simulated (count, amount) at multipliers 1, for the backtest


@dataclass
class Calibration:
    scenario: Scenario
    experience: Experience
    grid_m: np.ndarray
    grid_a: np.ndarray
    posterior: np.ndarray  # (len(grid_m), len(grid_a)), sums to 1
    prior_sigma: dict  # "mortality" / "accident" -> sigma of log multiplier
    moments: list = field(default_factory=list)  # Moments per observation
    _fit: dict | None = field(default=None, init=False, repr=False, compare=False)  # goodness_of_fit, once

    def marginal(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        if which == "mortality":
            return self.grid_m, self.posterior.sum(axis=1)
        return self.grid_a, self.posterior.sum(axis=0)

    def stats(self, which: str) -> dict:
        grid, p = self.marginal(which)
        cdf = np.cumsum(p)
        logs = np.log(grid)
        post_var = float(p @ logs**2 - (p @ logs) ** 2)
        return {
            "mean": float(p @ grid),
            "p5": float(grid[np.searchsorted(cdf, 0.05)]),
            "p50": float(grid[np.searchsorted(cdf, 0.50)]),
            "p95": float(grid[np.searchsorted(cdf, 0.95)]),
            "prior_sigma_log": self.prior_sigma[which],
            "credibility_weight": max(0.0, 1.0 - post_var / self.prior_sigma[which] ** 2),
        }

    def draws(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """n posterior draws of (mortality_scale, accident_scale) from the grid."""
        flat = self.posterior.ravel()
        idx = rng.choice(flat.size, size=n, p=flat / flat.sum())
        i, j = np.divmod(idx, self.grid_a.size)
        return np.column_stack([self.grid_m[i], self.grid_a[j]])

    def backtest(self) -> list[dict]:
        """Where each observation falls in the uncalibrated forecast's simulated distribution (percentiles)."""
        rows = []
        for obs, mom in zip(self.experience.observations, self.moments):
            row = {"from": obs.start.isoformat()[:7], "to": obs.end.isoformat()[:7]}
            for k, (name, value) in enumerate((("claims", obs.claims), ("amount_idr", obs.amount))):
                if value is not None:
                    sims = mom.simulated[:, k]
                    row[name] = value
                    row[f"{name}_forecast_mean"] = float(sims.mean())
                    row[f"{name}_percentile"] = float(np.mean(sims < value) + 0.5 * np.mean(sims == value))
            rows.append(row)
        return rows

    def goodness_of_fit(self) -> dict:
        """How well the best multipliers on the grid can reproduce the observations: the smallest sum over the
        observations of the squared Mahalanobis distance of the observed (claims, amount) from the model's, and the
        chance of one at least that large if the model held (chi-squared on the number of observed values, which
        ignores the two fitted multipliers, so it errs towards "fits"). A tiny p says that no setting of the two
        multipliers reproduces the data, and the calibrated forecast inherits the misfit.
        Worked out once per calibration (the report, the record and the summary all ask)."""
        if self._fit is None:
            m, a = np.meshgrid(self.grid_m, self.grid_a, indexing="ij")
            total = sum(_mahalanobis2(obs, mom, m, a) for obs, mom in zip(self.experience.observations, self.moments))
            values = sum(len(_observed(obs)) for obs in self.experience.observations)
            i, j = np.unravel_index(np.argmin(total), total.shape)
            best = float(total[i, j])
            # The p-value as the calibrated scenario records it, so that `fits` agrees with the written number
            # (the scenario's validation checks that it does).
            p = float(_number(float(scipy.stats.chi2.sf(best, values))))
            self._fit = {"chi2_min": best, "observed_values": values, "p_value": p,
                         "best_mortality_scale": float(self.grid_m[i]), "best_accident_scale": float(self.grid_a[j]),
                         "fits": p >= MISFIT_P}
        return dict(self._fit)

    def expected_in_window(self) -> list[dict]:
        """Per observation: what was observed and what the calibrated model expects in the same months, scope and
        way of counting claims (the closed-form means at the posterior mean multipliers; the means are linear in
        the multipliers, so these are also the posterior means of the expected figures)."""
        scale = {"jkm": self.stats("mortality")["mean"], "jkk": self.stats("accident")["mean"]}
        rows = []
        for obs, mom in zip(self.experience.observations, self.moments):
            mean = sum(scale[p] * mom.mean[p] for p in obs.perils)
            rows.append({"from": obs.start.isoformat()[:7], "to": obs.end.isoformat()[:7], "claims": obs.claims,
                         "amount_idr": obs.amount, "expected_claims": float(mean[0]),
                         "expected_amount_idr": float(mean[1])})
        return rows

    def not_fitted(self) -> list[dict]:
        """Per observation with a recorded figure left out of the fit (``fit``): that figure beside what the
        calibrated model expects of it, a check the fit did not aim at."""
        rows = []
        for obs, row in zip(self.experience.observations, self.expected_in_window()):
            names = [n for n in FIGURES if getattr(obs, n) is not None and n not in obs.fitted]
            if names:
                key = {"claims": "claims", "amount": "amount_idr"}
                rows.append({"from": row["from"], "to": row["to"],
                             **{f: row[f] for n in names for f in (key[n], f"expected_{key[n]}")}})
        return rows

    def describe(self) -> dict:
        return {
            "scenario_id": self.scenario.id,
            "experience": str(self.experience.path),
            "mortality_scale": self.stats("mortality"),
            "accident_scale": self.stats("accident"),
            "goodness_of_fit": self.goodness_of_fit(),
            "backtest": self.backtest(),
            "not_fitted": self.not_fitted(),
            "method": method(self.experience.observations),
            # Only where an observation fits count and amount together (no shipped experience file does)
            **({"joint_fit_warning": w} if (w := joint_fit_warning(self.experience)) else {}),
        }


def _prior_sigma(scenario: Scenario, key: str) -> float:
    """Spread of the log multiplier implied by the scenario's 90 % ranges for the parameter (widest segment)."""
    sigmas = []
    resolved = scenario.resolved
    nodes = [seg.get(key) for seg in resolved["segments"].values()]
    if key == "mortality_load":
        nodes.append(resolved["assumptions"].get("mortality_load"))
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("range"), list) and node["range"][0] > 0:
            lo, hi = node["range"]
            sigmas.append(math.log(hi / lo) / (2 * Z90))
    return max(sigmas) if sigmas else DEFAULT_PRIOR_SIGMA


def _window_scenario(scenario_ref, experience: Experience, overrides=(), data: dict | None = None) -> Scenario:
    """The scenario restated over the observed window (start, horizon) with ``VARIANCE_TRIALS`` trials; with
    ``data``, that already merged document (:func:`fit_document`; ``scenario_ref`` then only names it in errors).

    The window is set through overrides the user never typed, so a window the scenario cannot simulate (before the
    encoded benefit rules, longer than a horizon may be) is blamed on the experience file and the observation that
    sets that end of the window, not on ``--set``. Call it after the scenario itself has loaded with ``overrides``:
    then any error here comes from the window.
    """
    obs = experience.observations
    first = min(range(len(obs)), key=lambda i: obs[i].start)
    last = max(range(len(obs)), key=lambda i: obs[i].end)
    start, end = obs[first].start, obs[last].end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    window = [f'scenario.start="{start:%Y-%m}"', f"scenario.horizon_months={months}", f"scenario.trials={VARIANCE_TRIALS}"]
    try:
        if data is None:
            return load_scenario(scenario_ref, [*overrides, *window])
        data = copy.deepcopy(data)
        for key, value in map(parse_override, window):  # as load_scenario applies them
            apply_override(data, key, value, {})
        return scenario_from_data(data, str(scenario_ref))
    except ScenarioError as err:
        path = str(experience.path)
        if err.key == "scenario.start":
            raise ScenarioError(path, f"observation[{first}].from", f"{start:%Y-%m} is outside the period the benefit "
                                f"rules cover: {err.problem}") from None
        if err.key == "scenario.horizon_months":
            raise ScenarioError(path, f"observation[{last}].to", f"the observations span {start:%Y-%m}..{end:%Y-%m}, "
                                f"{months} months, longer than a scenario can simulate: {err.problem}") from None
        raise ScenarioError(path, "observation", f"the observed window {start:%Y-%m}..{end:%Y-%m} cannot be "
                            f"simulated with the scenario: {err}") from None


def _observed_period(model: Model, obs: Observation) -> tuple[int | None, list[int]]:
    """The reporting period (a calendar year of the run, or the part of it the run holds) that the observation's
    months make up whole, None when they make up none; and those months."""
    months = [i for i, d in enumerate(model.month_dates) if obs.start <= d <= obs.end]
    periods = set(model.period_of_month[months].tolist())
    if len(periods) != 1 or len(months) != int(np.sum(model.period_of_month == next(iter(periods)))):
        return None, months
    return next(iter(periods)), months


def _period_of(model: Model, obs: Observation, path, key: str = "observation") -> int:
    """Observations must each cover one calendar year of the window (or the part of it inside the window)."""
    period, months = _observed_period(model, obs)
    if period is None:
        if len({model.month_dates[m].year for m in months}) == 1:  # inside one year, not all its observed months
            year = obs.start.year
            raise ScenarioError(str(path), key, f"{obs.start:%Y-%m}..{obs.end:%Y-%m} covers part of {year}'s "
                                "observed months: give one observation per calendar year, covering all its observed "
                                f"months (join the observations of {year} into one)")
        raise ScenarioError(str(path), key, f"{obs.start:%Y-%m}..{obs.end:%Y-%m} must cover exactly one "
                            "calendar year of the observed window (split it by year)")
    return period


def _benefit_columns(obs: Observation, perils) -> tuple[list[int], list[int]]:
    """The benefits (columns of ``sim.benefits.INDEX``) an observation's two figures add up over ``perils``: its
    claims count the deaths and accidents, and each scholarship instalment too when its count includes them; its
    amount is everything the perils pay."""
    counted = [INDEX[b] for p in perils for b in CLAIM_BENEFITS[p]]
    if obs.count_includes_scholarships:
        counted += [INDEX[b] for p in perils for b in SCHOLARSHIP_BENEFITS[p]]
    return counted, [INDEX[b] for p in perils for b in PERIL_BENEFITS[p]]


def check_segment(obs: Observation, names: list, path, key: str) -> None:
    """The observation's segment is ``all`` or one of the scenario's."""
    if obs.segment != "all" and obs.segment not in names:
        raise ScenarioError(str(path), f"{key}.segment", f"unknown segment {obs.segment!r}; known: {', '.join(names)}")


def observation_moments(model: Model, obs: Observation, path, trials: int = VARIANCE_TRIALS,
                        key: str = "observation") -> Moments:
    """Closed-form means and simulated covariances of (count, amount) per peril for one observation.

    ``key``: how errors name the observation (``observation[0]``).
    """
    period = _period_of(model, obs, path, key)
    names = [e.segment.name for e in model.segments]
    check_segment(obs, names, path, key)
    seg = slice(None) if obs.segment == "all" else names.index(obs.segment)
    closed = expected(model)
    columns = {p: _benefit_columns(obs, (p,)) for p in ("jkm", "jkk")}
    sims = {p: np.zeros((trials, 2)) for p in ("jkm", "jkk")}
    for result in simulate_chunk(model, blocks(trials)):
        block = result.block
        rows = slice(block.first_trial, block.first_trial + block.trials)
        for peril in ("jkm", "jkk"):
            count_idx, amount_idx = columns[peril]
            counts = result.counts[:, period][:, seg][..., count_idx]
            amounts = result.amounts[:, period][:, seg][..., amount_idx]
            sims[peril][rows, 0] = counts.reshape(block.trials, -1).sum(axis=1)
            sims[peril][rows, 1] = amounts.reshape(block.trials, -1).sum(axis=1)
    mean, cov = {}, {}
    for peril in ("jkm", "jkk"):
        count_idx, amount_idx = columns[peril]
        mean[peril] = np.array([
            closed.counts[period][seg][..., count_idx].sum(),
            closed.amounts[period][seg][..., amount_idx].sum(),
        ])
        cov[peril] = np.cov(sims[peril].T)
    in_scope = sum(sims[p] for p in obs.perils)
    return Moments(mean, cov, in_scope)


def method(observations) -> str:
    """The calibration's method as its record states it: "grid posterior, normal likelihood of the amount per
    observation, lognormal priors" where each observation fits the amount alone; observations that fit different
    figures name each likelihood ("... of the amount or bivariate normal likelihood of (claims, amount) ...")."""
    kinds = dict.fromkeys(tuple(FIGURES[k] for k in _observed(obs)) for obs in observations)
    return f"grid posterior, {' or '.join(LIKELIHOODS[k] for k in kinds)} per observation, lognormal priors"


def _observed(obs: Observation) -> list[int]:
    """Which of (count, amount) the likelihood uses: those the observation gives and fits."""
    return [k for k, (name, v) in enumerate(zip(FIGURES, (obs.claims, obs.amount)))
            if v is not None and name in obs.fitted]


def joint_fit_warning(experience: Experience) -> str | None:
    """One line (without "warning: ") naming the observations that fit the claim count and the amount together
    (their ``fit``, or by default both figures given), or None. Their bivariate normal likelihood is poor where the
    two figures disagree: on Madiun's, an interval end moved 1.52 of its width against the exact joint likelihood
    (README, "A normal likelihood"), and nothing else tells a user who left ``fit`` out."""
    both = [f"observation[{i}] ({obs.start:%Y-%m}..{obs.end:%Y-%m})"
            for i, obs in enumerate(experience.observations) if len(_observed(obs)) == 2]
    if not both:
        return None
    return (f"{experience.path}: {', '.join(both)} {'fits' if len(both) == 1 else 'fit'} the claim count and the "
            "amount together, with a bivariate normal likelihood that is poor where the two figures disagree: fit "
            'the amount alone (fit = ["amount"]) or measure it with benchmarks/likelihood.py first (README, '
            '"A normal likelihood")')


def misfit_warning(goodness: dict) -> str | None:
    """One line (without "warning: ") where no setting of the two multipliers reproduces the observations, from
    :meth:`Calibration.goodness_of_fit` (or its copy in calibration.json), or None where they fit."""
    if goodness["fits"]:
        return None
    return (f"no setting of the two multipliers reproduces the observations (best on the grid: mortality "
            f"{goodness['best_mortality_scale']:.3g}, accident {goodness['best_accident_scale']:.3g}, squared "
            f"distance {goodness['chi2_min']:.1f} on {goodness['observed_values']} values, p = "
            f"{goodness['p_value']:.1e}): the calibrated forecast inherits the misfit")


def warning_lines(calibration: Calibration) -> list[str]:
    """What a user of a fit must be told, one line each without "warning: ": an amount of the scenario that looks
    written in the wrong unit (``Scenario.warnings``), a misfit (:func:`misfit_warning`) and observations fitting
    the claim count and the amount together (:func:`joint_fit_warning`). ``sim calibrate`` prints them; a notebook
    fitting through :func:`fit` alone showed none of them (notebook 02 fits through :func:`fit_warned`)."""
    found = [misfit_warning(calibration.goodness_of_fit()), joint_fit_warning(calibration.experience)]
    return [*calibration.scenario.warnings, *(w for w in found if w)]


def fit_warned(scenario_ref, experience, overrides=(), trials: int = VARIANCE_TRIALS) -> Calibration:
    """:func:`fit`, then its :func:`warning_lines` on stderr, one line each, as :func:`sim.scenario.load_warned`
    prints a scenario's: shown in the cell's output in JupyterLab every time the cell runs, and kept by papermill."""
    calibration = fit(scenario_ref, experience, overrides, trials)
    for line in warning_lines(calibration):
        print(f"warning: {one_line(line)}", file=sys.stderr)
    return calibration


def check_informative(obs: Observation, mom: Moments, path, key: str, scenario_id: str) -> None:
    """Refuse an observation the likelihood cannot use: one whose expected claims are zero (no members, or no
    deaths and accidents, in the observed period and segment) or whose simulated claims do not vary.

    The likelihood's covariance at multipliers (m, a) is ``m * cov_jkm + a * cov_jkk``, a positive combination of
    two positive semi-definite matrices; it is invertible for every m, a > 0 exactly when their sum (m = a = 1) is,
    so checking that sum here rules out a singular matrix anywhere on the grid.
    """
    keep = _observed(obs)
    mean = sum(mom.mean[p] for p in obs.perils)
    cov = sum(mom.cov[p] for p in obs.perils)[np.ix_(keep, keep)]
    what = f"{obs.start:%Y-%m}..{obs.end:%Y-%m}"
    if obs.segment != "all":
        what += f", segment {obs.segment}"
    if obs.benefits != "all":
        what += f", {obs.benefits.upper()} only"
    if not np.all(mean[keep] > 0):
        raise ScenarioError(str(path), key, f"scenario {scenario_id} expects no claims in the observed period "
                            f"({what}; no members or no deaths and accidents): nothing to calibrate")
    sd = np.sqrt(np.clip(np.diag(cov), 0.0, None))
    degenerate = not np.all(sd > 0)
    if not degenerate and len(keep) == 2:
        degenerate = abs(cov[0, 1]) >= (1 - 1e-9) * sd[0] * sd[1]  # amount a fixed multiple of the count
    if degenerate:
        raise ScenarioError(str(path), key, f"scenario {scenario_id} expects {mean[0]:.3g} claims in the observed "
                            f"period ({what}) and its simulated claims do not vary: too little to calibrate")


def _mahalanobis2(obs: Observation, mom: Moments, m: np.ndarray, a: np.ndarray, with_det: bool = False):
    """The squared Mahalanobis distance of the observed values from the model's at multipliers (m, a) (and the
    log-determinant of the covariance, when ``with_det``)."""
    scale = {"jkm": m, "jkk": a}
    keep = _observed(obs)
    x = np.array([obs.claims, obs.amount], dtype=float)[keep]
    mu = sum(scale[p][..., None] * mom.mean[p][keep] for p in obs.perils)
    cov = sum(scale[p][..., None, None] * mom.cov[p][np.ix_(keep, keep)] for p in obs.perils)
    diff = x - mu
    quad = np.einsum("...i,...ij,...j->...", diff, np.linalg.inv(cov), diff)
    return (quad, np.log(np.linalg.det(cov))) if with_det else quad


def _log_likelihood(obs: Observation, mom: Moments, m: np.ndarray, a: np.ndarray) -> np.ndarray:
    quad, log_det = _mahalanobis2(obs, mom, m, a, with_det=True)
    return -0.5 * (quad + log_det)


def posterior_grid(observations, moments, sigma: dict) -> tuple[np.ndarray, np.ndarray]:
    """The grid and the normalised posterior over (mortality scale, accident scale)."""
    grid = np.geomspace(*GRID_RANGE, GRID_POINTS)
    m, a = np.meshgrid(grid, grid, indexing="ij")
    # Grid cells are log-spaced, so a density in log(multiplier) needs no Jacobian on this grid.
    log_post = -0.5 * (np.log(m) / sigma["mortality"]) ** 2 - 0.5 * (np.log(a) / sigma["accident"]) ** 2
    for obs, mom in zip(observations, moments):
        log_post = log_post + _log_likelihood(obs, mom, m, a)
    post = np.exp(log_post - log_post.max())
    return grid, post / post.sum()


def fit(scenario_ref, experience, overrides=(), trials: int = VARIANCE_TRIALS) -> Calibration:
    """Posterior of (mortality_scale, accident_scale) given an experience file (path) or Experience."""
    if not isinstance(experience, Experience):
        experience = load_experience(experience)
    base = load_scenario(scenario_ref, overrides)  # first: an error in the scenario or --set is blamed on them
    _refuse_calibrated(base)
    return _fit(base, experience, _window_scenario(scenario_ref, experience, overrides), trials)


def fit_document(data: dict, experience, trials: int = VARIANCE_TRIALS,
                 file: str = "<resolved scenario>") -> Calibration:
    """:func:`fit` of an already merged scenario document (a ``Scenario.resolved``, perhaps with a value moved:
    ``sim.sensitivity`` refits the scenario a calibration started from at each end of a range). The same fit as
    :func:`fit` of a file whose merged document, with its ``--set`` applied, is ``data``."""
    if not isinstance(experience, Experience):
        experience = load_experience(experience)
    base = scenario_from_data(data, file)
    _refuse_calibrated(base)
    return _fit(base, experience, _window_scenario(file, experience, data=data), trials)


def _refuse_calibrated(base: Scenario) -> None:
    if base.intensity_draws:
        # Its simulated covariance would hold the posterior's own spread (not linear in the multipliers, as the
        # likelihood assumes), and its priors come from that posterior's ranges: the data would count twice.
        source = base.resolved["scenario"].get("base")
        raise ScenarioError(str(base.path), "uncertainty.intensity_draws", "the scenario is already calibrated (it "
                            "carries posterior draws): calibrate the scenario it was made from"
                            + (f" ({source})" if source else "") + " instead")


def experience_scenario(experience: Experience) -> str | Path:
    """The scenario an experience file's ``scenario`` id names: the file of that id beside the experience file, else
    the id in scenarios/. (The walkthrough keeps kediri-claims.toml beside kediri-2026.toml, outside scenarios/:
    ``sim validate kediri-claims.toml`` looked in scenarios/ only and found no kediri-2026.)"""
    beside = experience.path.parent / f"{experience.scenario}.toml"
    if beside.is_file():
        return beside
    shipped = SCENARIO_DIR / f"{experience.scenario}.toml"
    if not shipped.is_file():  # named by the experience file and its key, not by the id alone
        raise ScenarioError(str(experience.path), "experience.scenario",
                            f"no scenario {experience.scenario!r} (looked for {beside} and {shipped})"
                            f"{closest_scenario_id(experience.scenario)}")
    return experience.scenario


def check_experience(experience: Experience) -> Scenario:
    """What :func:`fit` refuses before it simulates, for ``sim validate``: the scenario the file names loads and is
    not already calibrated, the observed window can be simulated, and each observation names a known segment and
    covers one calendar year of the window. Returns that scenario. (validate accepted a January-June plus
    July-November file that calibrate then refused.)"""
    ref = experience_scenario(experience)
    base = load_scenario(ref)
    _refuse_calibrated(base)
    model = build_model(_window_scenario(ref, experience))
    names = [e.segment.name for e in model.segments]
    for i, obs in enumerate(experience.observations):
        _period_of(model, obs, experience.path, f"observation[{i}]")
        check_segment(obs, names, experience.path, f"observation[{i}]")
    return base


def _fit(base: Scenario, experience: Experience, window: Scenario, trials: int) -> Calibration:
    # The trials of the covariances, checked as scenario.trials is: notebook 02's variance_trials of 5,000 digits (or
    # 0, or 1.5) ended in a traceback out of numpy.
    problem = number(1, MAX_TRIALS, integer=True)(trials)
    if problem:
        raise ScenarioError(f"calibration of {base.id}", "trials", problem)
    model = build_model(window)
    moments = []
    for i, obs in enumerate(experience.observations):
        key = f"observation[{i}]"
        mom = observation_moments(model, obs, experience.path, trials, key)
        check_informative(obs, mom, experience.path, key, base.id)
        moments.append(mom)
    sigma = {"mortality": _prior_sigma(base, "mortality_load"), "accident": _prior_sigma(base, "accident_rate")}
    try:
        grid, post = posterior_grid(experience.observations, moments, sigma)
    except np.linalg.LinAlgError as err:  # last resort: check_informative should have refused such data
        raise ScenarioError(str(experience.path), "observation", f"the likelihood's covariance is singular ({err}): "
                            "the observations cannot be fitted to this scenario") from None
    check_inside_grid(grid, post, experience.path)
    return Calibration(base, experience, grid, grid, post, sigma, moments)


def check_inside_grid(grid: np.ndarray, post: np.ndarray, path) -> None:
    """Refuse a posterior that reaches the edge of the grid: the grid would cut it off, and the calibrated
    multiplier would be the grid's bound rather than what the data say (e.g. observed claims many times what the
    scenario can produce, or a typing error in the experience file)."""
    for axis, name in ((1, "mortality_scale"), (0, "accident_scale")):
        marginal = post.sum(axis=axis)
        for end, bound in ((0, "lower"), (-1, "upper")):
            if marginal[end] > EDGE_MASS:
                raise ScenarioError(str(path), "observation", f"the posterior of {name} reaches the {bound} end of "
                                    f"the grid ({grid[end]:g}; range {GRID_RANGE[0]:g}-{GRID_RANGE[1]:g}): the "
                                    "observations are far from anything the scenario can produce; check them and "
                                    "the scenario's members and period")


# --- The calibrated scenario ----------------------------------------------------------------------------------

POSTERIOR_DRAWS = 200
# A base scenario's title loses its suffix in its calibrated copy, which gets its own; per report language.
PRIOR_TITLE_SUFFIX = {"en": " (prior assumptions)", "id": " (asumsi awal)"}
CALIBRATED_TITLE_SUFFIX = {"en": " (calibrated to observed claims)", "id": " (dikalibrasi dengan klaim tercatat)"}
# What the calibrated copy assumes, per report language (the summary of its reports opens with it).
CALIBRATED_DESCRIPTION = {
    "en": "Mortality loads and accident rates calibrated to the recorded claims; each simulation uses a pair of "
          "multipliers drawn from the values those claims leave plausible.",
    "id": "Pengali tabel mortalitas dan frekuensi kecelakaan kerja dikalibrasi dengan klaim yang tercatat; setiap "
          "simulasi memakai sepasang pengali yang diambil dari nilai-nilai yang masih sesuai dengan klaim tersebut.",
}


def _calibrated_description(base: dict | None) -> dict:
    """The base scenario's description (what it assumes of the members: a reader of the calibrated scenario's report
    must still see that no one joins) followed by what calibration changed."""
    if not base:
        return CALIBRATED_DESCRIPTION
    return {code: f"{' '.join(base[code].split())} {text}" for code, text in CALIBRATED_DESCRIPTION.items()}


def _toml_value(x, exact: bool = False) -> str:
    """``x`` as a TOML value; a float to 6 decimals, or as it is with ``exact`` (a --set to be given again)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, str):
        return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(_toml_value(v, exact) for v in x) + "]"
    if isinstance(x, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v, exact)}" for k, v in x.items()) + " }"
    if isinstance(x, float):
        return repr(x if exact else round(x, 6))
    if isinstance(x, (dt.date, dt.datetime)):  # a TOML date (--set scenario.start=2026-01-01)
        return x.isoformat()
    return repr(x)


# What calibrated_scenario_text writes itself: the scenario's name and the fitted parameters (which already hold any
# --set of theirs, being the resolved value times the multiplier).
_WRITTEN = re.compile(r"scenario\.(id|title|base|description)(\..*)?|(segments\.[^.]+|assumptions)\.mortality_load(\..*)?"
                      r"|segments\.[^.]+\.accident_rate(\..*)?|uncertainty\.intensity_draws(\..*)?")


def _overridden(scenario: Scenario) -> dict:
    """The ``--set`` values the calibration ran with, as tables for the calibrated file, so that it forecasts the
    scenario that was fitted (it inherits from the file, which does not hold them): {header: {key: value}}. A
    parameter table is restated whole (value, unit, the override as its source, basis, range); another value under
    its parent table's header ("scenario" for the [scenario] block)."""
    tables: dict = {}
    for key, _ in scenario.overrides:
        if _WRITTEN.fullmatch(key):
            continue
        parts, node = key.split("."), scenario.resolved
        for i, part in enumerate(parts):
            node = node[part]
            if isinstance(node, dict) and "value" in node:  # a parameter table at or above the key: all of it
                tables[".".join(parts[: i + 1])] = dict(node)
                break
        else:
            parent = ".".join(parts[:-1])
            tables.setdefault(parent, {})[parts[-1]] = node
    return tables


def _param_table(header: str, fields: dict) -> str:
    return f"\n[{header}]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in fields.items())


def _misfit_comment(fit: dict) -> list[str]:
    if fit["fits"]:
        return []
    return [f"# Warning: no setting of the two multipliers reproduces the observations (best on the grid: mortality "
            f"{fit['best_mortality_scale']:.3g},", f"# accident {fit['best_accident_scale']:.3g}, squared distance "
            f"{fit['chi2_min']:.1f} on {fit['observed_values']} values, p = {fit['p_value']:.1e}): the posterior, and "
            "every forecast of this", "# scenario, inherit this misfit (the report says in which direction and by "
            "how much)."]


def _number(x) -> str:
    """A number for the [calibration] record: whole numbers as integers, others to 6 decimals, or to 4 significant
    digits when that would round them to 0 (a p-value of 1.5e-09)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    if isinstance(x, float) and x != 0 and abs(x) < 1e-3:
        return repr(float(f"{x:.4g}"))
    return _toml_value(x)


def _inline(value, unit: str, source: str, basis: str, source_id: str | None = None, **more) -> str:
    """A parameter table written inline: ``{ value = ..., unit = "...", source = "...", source_id = "...",
    basis = "..." }`` (``source_id``, the source in Indonesian, where there is one)."""
    parts = [f"value = {_number(value)}", f"unit = {_toml_value(unit)}", f"source = {_toml_value(source)}",
             *([f"source_id = {_toml_value(source_id)}"] if source_id else []), f"basis = {_toml_value(basis)}"]
    parts += [f"{k} = {'[' + ', '.join(_number(x) for x in v) + ']' if isinstance(v, list) else _toml_value(v)}"
              for k, v in more.items()]
    return "{ " + ", ".join(parts) + " }"


CREDIBLE_NOTE = {"note": "range is the 90 % credible interval", "note_id": "rentangnya adalah interval kredibel 90%"}
SCALE_NAME_ID = {"mortality": "pengali kematian", "accident": "pengali kecelakaan kerja"}
BENEFITS_ID = {"all": "semua manfaat", "jkm": "manfaat JKM", "jkk": "manfaat JKK"}


def _id_decimals(x: float, digits: int) -> str:
    """``x`` to ``digits`` decimals the Indonesian way (1,052; no thousands separator: for multipliers)."""
    return f"{x:.{digits}f}".replace(".", ",")


def _cite(cal: Calibration) -> dict:
    """What a calibrated value cites, per language: the experience file and its source (``source_id`` in
    Indonesian where the file gives one)."""
    exp = cal.experience
    return {"en": f"calibrated to {exp.path} ({exp.source})",
            "id": f"dikalibrasi dengan klaim tercatat di {exp.path} ({exp.source_id or exp.source})"}


def calibration_record_text(cal: Calibration) -> str:
    """The ``[calibration]`` table of a calibrated scenario: what it was fitted to (the experience file and each
    observation), what the calibrated model expects in the same months, the posterior means with their 90 %
    intervals, and the goodness of fit. A record for the reader and the report (format in scenarios/README.md);
    the model itself uses the calibrated parameters below it."""
    m, a = cal.stats("mortality"), cal.stats("accident")
    fit = cal.goodness_of_fit()
    path = str(cal.experience.path)
    given = f"posterior mean given {path}"
    given_id = f"rata-rata posterior berdasarkan {path}"
    lines = [
        "",
        "[calibration]",
        f"experience = {_toml_value(path)}",
        f"experience_id = {_toml_value(cal.experience.id)}",
        f"scenario = {_toml_value(cal.scenario.id)}",
        f"source = {_toml_value(cal.experience.source)}",
        f"method = {_toml_value(method(cal.experience.observations))}",
        "",
        "[calibration.posterior]",
        "mortality_scale = " + _inline(m["mean"], "multiplier of expected non-work deaths", given, "calibrated",
                                       given_id, range=[m["p5"], m["p95"]], **CREDIBLE_NOTE),
        "accident_scale = " + _inline(a["mean"], "multiplier of expected work accidents", given, "calibrated",
                                      given_id, range=[a["p5"], a["p95"]], **CREDIBLE_NOTE),
        "",
        "[calibration.goodness_of_fit]",
        "chi2_min = " + _inline(fit["chi2_min"], "squared Mahalanobis distance", "smallest over the posterior grid of "
                                "the observations' squared distance from the model's (at mortality scale "
                                f"{fit['best_mortality_scale']:.3g}, accident scale {fit['best_accident_scale']:.3g})",
                                "calibrated", "jarak kuadrat terkecil pengamatan dari model pada kisi posterior (pada "
                                f"pengali kematian {_ID.sig3(fit['best_mortality_scale'])}, pengali kecelakaan kerja "
                                f"{_ID.sig3(fit['best_accident_scale'])})"),
        "observed_values = " + _inline(fit["observed_values"], "values", "claim counts and amounts fitted in "
                                       f"{path}", "data", f"banyaknya klaim dan nilai klaim yang dicocokkan di {path}"),
        "p_value = " + _inline(fit["p_value"], "probability", "chance of a distance at least chi2_min if the model "
                               "held (chi-squared on observed_values degrees of freedom, which ignores the 2 fitted "
                               "multipliers and so errs towards fitting)", "calibrated",
                               "peluang jarak sekurang-kurangnya chi2_min bila model benar (khi-kuadrat dengan derajat "
                               "bebas observed_values, yang mengabaikan 2 pengali yang dicocokkan sehingga cenderung "
                               "menyatakan cocok)"),
        f"fits = {_toml_value(fit['fits'])}",
        "best_mortality_scale = " + _inline(fit["best_mortality_scale"], "multiplier of expected non-work deaths",
                                            BEST_FIT_SOURCE, "calibrated", BEST_FIT_SOURCE_ID),
        "best_accident_scale = " + _inline(fit["best_accident_scale"], "multiplier of expected work accidents",
                                           BEST_FIT_SOURCE, "calibrated", BEST_FIT_SOURCE_ID),
    ]
    for obs, row in zip(cal.experience.observations, cal.expected_in_window()):
        lines += _observation_record(cal.scenario.id, obs, row)
    return "\n".join(lines) + "\n"


def _observation_record(scenario_id: str, obs: Observation, row: dict) -> list[str]:
    """The lines of one ``[[calibration.observation]]``: the observation as the experience file gives it and what
    the calibrated model expects of its months (``row``: :meth:`Calibration.expected_in_window`'s)."""
    window = f"{row['from']}..{row['to']}"
    model = (f"{scenario_id} at the posterior mean multipliers, closed-form mean of {window} "
             f"({obs.benefits} benefits, segment {obs.segment})")
    segment_id = "semua segmen" if obs.segment == "all" else f"segmen {obs.segment}"
    model_id = (f"{scenario_id} pada rata-rata posterior kedua pengali, nilai harapan perhitungan langsung "
                f"{window} ({BENEFITS_ID[obs.benefits]}, {segment_id})")
    lines = ["", "[[calibration.observation]]", f"from = {_toml_value(row['from'])}",
             f"to = {_toml_value(row['to'])}", f"benefits = {_toml_value(obs.benefits)}",
             f"segment = {_toml_value(obs.segment)}",
             f"count_includes_scholarships = {_toml_value(obs.count_includes_scholarships)}"]
    if obs.fitted != tuple(name for name in FIGURES if getattr(obs, name) is not None):
        lines.append(f"fit = {_toml_value(list(obs.fitted))}")
    if obs.claims is not None:
        lines.append("claims = " + _inline(obs.claims, "claims", obs.source, "data", obs.source_id))
    if obs.amount is not None:
        lines.append("amount = " + _inline(obs.amount, "IDR", obs.source, "data", obs.source_id))
    lines.append("expected_claims = " + _inline(round(row["expected_claims"], 2), "claims", model, "calibrated",
                                                model_id))
    lines.append("expected_amount = " + _inline(float(round(row["expected_amount_idr"])), "IDR", model,
                                                "calibrated", model_id))
    return lines


def _calibrated_title(titles: dict) -> dict:
    """The calibrated copy's title in each report language: the base's, without its "prior" suffix, calibrated."""
    return {code: title.removesuffix(PRIOR_TITLE_SUFFIX[code]) + CALIBRATED_TITLE_SUFFIX[code]
            for code, title in sorted(titles.items())}


def posterior_tables(cal: Calibration) -> dict:
    """The parameter tables a calibrated scenario holds in place of its base's, {dotted key: table}: the default
    and each segment's own mortality load times the posterior mean mortality scale, each segment's accident rate
    times the posterior mean accident scale, each range the base value times the 90 % interval. As
    :func:`calibrated_scenario_text` writes them, before the TOML's rounding to 6 decimals
    (:func:`as_written`)."""
    m, a = cal.stats("mortality"), cal.stats("accident")
    cite = _cite(cal)
    resolved = cal.scenario.resolved
    base_id = cal.scenario.id

    def scaled(node: dict, stats: dict, which: str) -> dict:
        value = node["value"]
        return {
            "value": value * stats["mean"],
            "unit": node["unit"],
            # The prior value's own source rides along: "5 x posterior mean ..." alone left 5 unexplained.
            "source": f"{cite['en']}: {value:g} x posterior mean {which} scale {stats['mean']:.3f}; "
                      f"{value:g} from {base_id}: {node['source']}",
            "source_id": f"{cite['id']}: {_ID.plain(float(f'{value:g}'))} × rata-rata posterior "
                         f"{SCALE_NAME_ID[which]} {_id_decimals(stats['mean'], 3)}; "
                         f"{_ID.plain(float(f'{value:g}'))} dari {base_id}: {node.get('source_id', node['source'])}",
            "basis": "calibrated",
            "range": [value * stats["p5"], value * stats["p95"]],
            **CREDIBLE_NOTE,
        }

    tables = {"assumptions.mortality_load": scaled(resolved["assumptions"]["mortality_load"], m, "mortality")}
    for name, seg in resolved["segments"].items():
        if "mortality_load" in seg:
            tables[f"segments.{name}.mortality_load"] = scaled(seg["mortality_load"], m, "mortality")
        tables[f"segments.{name}.accident_rate"] = scaled(seg["accident_rate"], a, "accident")
    return tables


def as_written(table: dict) -> dict:
    """A parameter table's numbers as the calibrated file holds them (:func:`_toml_value` rounds a float to 6
    decimals), so that a document built from :func:`posterior_tables` equals the file read back."""
    def rounded(x):
        return [rounded(v) for v in x] if isinstance(x, list) else round(x, 6) if isinstance(x, float) else x

    return {k: rounded(v) for k, v in table.items()}


def calibrate_command(cal: Calibration, scenario_ref=None, new_id: str | None = None,
                      any_scenario: bool = False) -> str:
    """The ``sim calibrate`` command that writes this calibration again, as the calibrated file's first line asks
    ("re-run it"): the scenario and experience file as they were given (a scenario's id found only a file in
    scenarios/, so a planner's own kediri-2026.toml could not be re-run from it), every ``--set``, and ``--id`` and
    ``--any-scenario`` where given (without ``--id`` the re-run wrote ``<id>-calibrated.toml``, not this file)."""
    words = ["python -m sim calibrate", shlex.quote(str(scenario_ref or cal.scenario.id)),
             shlex.quote(str(cal.experience.path))]
    # Each --set one shell word, its value as TOML in full: [[18, 40, 0.5], ...] split at its spaces, a quoted
    # string lost its quotes and a float its digits past the sixth.
    words += [f"--set {shlex.quote(f'{k}={_toml_value(v, exact=True)}')}" for k, v in cal.scenario.overrides]
    words += [f"--id {new_id}"] if new_id else []
    words += ["--any-scenario"] if any_scenario else []
    return " ".join(words)


def calibrated_scenario_text(cal: Calibration, scenario_id: str, base_ref: str, seed: int = 0,
                             command: str | None = None) -> str:
    """A scenario file that inherits from the calibrated one and overrides loads, rates and their uncertainty.

    The point values are the base values times the posterior mean multipliers; ``uncertainty.intensity_draws``
    holds posterior draws divided by those means (mean 1), so each trial scales its expected deaths and accidents by
    one draw and the expected claims stay those of the point values. ``command`` re-runs the calibration
    (:func:`calibrate_command`; by default the scenario's id and the experience file).
    """
    m, a = cal.stats("mortality"), cal.stats("accident")
    cite = _cite(cal)
    lines = [
        f"# Written by `{command or calibrate_command(cal)}`: do not edit by hand, re-run it.",
        f"# Posterior mean mortality scale {m['mean']:.3f} (90 % {m['p5']:.3f}-{m['p95']:.3f}), "
        f"accident scale {a['mean']:.3f} (90 % {a['p5']:.3f}-{a['p95']:.3f}).",
        "# Method: sim/calibration.py (grid posterior, lognormal priors from the base scenario's ranges).",
        *_misfit_comment(cal.goodness_of_fit()),
        "",
        "[scenario]",
        f"id = {_toml_value(scenario_id)}",
        f"title = {_toml_value(_calibrated_title(cal.scenario.titles))}",
        f"base = {_toml_value(base_ref)}",
        f"description = {_toml_value(_calibrated_description(cal.scenario.descriptions))}",
    ]
    overridden = _overridden(cal.scenario)
    lines += [f"{k} = {_toml_value(v)}" for k, v in overridden.pop("scenario", {}).items()]
    text_ = "\n".join(lines) + "\n"
    text_ += calibration_record_text(cal)
    for header, fields in posterior_tables(cal).items():
        text_ += _param_table(header, fields)
    for header, fields in overridden.items():
        text_ += _param_table(header, fields)
    draws = cal.draws(POSTERIOR_DRAWS, np.random.default_rng(np.random.SeedSequence(seed)))
    draws = draws / draws.mean(axis=0)
    text_ += _param_table("uncertainty.intensity_draws", {
        "value": [[round(float(x), 4), round(float(y), 4)] for x, y in draws],
        "unit": "multipliers of expected deaths and accidents",
        "source": f"{cite['en']}: {POSTERIOR_DRAWS} posterior draws divided by their means",
        "source_id": f"{cite['id']}: {POSTERIOR_DRAWS} pasangan pengali yang diambil dari distribusi posterior, "
                     "masing-masing dibagi dengan rata-ratanya",
        "basis": "calibrated",
    })
    return text_


NEXT_YEAR_TRIALS = 10_000


def next_year_forecast(calibrated: Scenario, experience: Experience, trials: int = NEXT_YEAR_TRIALS) -> dict:
    """The calibrated scenario's claims in the calendar year after the last observation, with parameter
    uncertainty (each trial draws its multipliers from the posterior): mean and 90 % interval.

    The run starts where the calibrated scenario starts and reaches through that year, whose period is taken: so
    the members are a year older and a year longer in the scheme, scholarships of earlier deaths are still paid
    and a planned expansion has grown, exactly as in the scenario's own forecast of that year. (Moving the start
    to that January instead would forecast the starting year's members and claims again under the later date.)
    Only a scenario that starts after that January is run from it."""
    from .forecast import forecast  # forecast imports the engine and the exact module; keep this module light

    year = max(o.end for o in experience.observations).year + 1
    start = calibrated.start
    if (start.year, start.month) <= (year, 1):
        window = [f"scenario.horizon_months={(year - start.year) * 12 + 13 - start.month}"]
    else:
        window = [f'scenario.start="{year}-01"', "scenario.horizon_months=12"]
    scenario = load_scenario(calibrated.path, [*window, f"scenario.trials={trials}"])
    period = next(p for p in forecast(scenario)["periods"] if p["period"] == str(year))
    claims, ratio = period["claims_idr"], period["claim_ratio"]
    return {
        "period": period["period"],
        "trials": trials,
        "premium_idr": period["premium_idr"],
        "claims_mean_idr": claims["mean"],
        "claims_p5_idr": claims["p5"],
        "claims_p95_idr": claims["p95"],
        "claim_ratio_mean": ratio["mean"] if ratio else None,
        "claim_ratio_p5": ratio["p5"] if ratio else None,
        "claim_ratio_p95": ratio["p95"] if ratio else None,
    }


# --- The model beside the record: what a calibrated scenario's own forecast says of the observed months ----------


def record_observation(row: dict) -> Observation:
    """An observation of a calibrated scenario's ``[calibration]`` record (``Scenario.calibration["observations"]``)
    as the fit saw it (window, scope, way of counting, recorded figures)."""
    given = {"claims": row.get("claims"), "amount": row.get("amount")}
    fitted = tuple(row["fit"]) if "fit" in row else tuple(n for n in FIGURES if given[n] is not None)
    return Observation(_month_start(row["from"]), _month_start(row["to"]), row["benefits"], row["segment"],
                       given["claims"], given["amount"], row["count_includes_scholarships"], "", fitted=fitted)


def same_window(a: Observation, b: Observation) -> bool:
    """The same months, benefits and segment."""
    return (a.start, a.end, a.benefits, a.segment) == (b.start, b.end, b.benefits, b.segment)


def record_experience(record: dict) -> Experience | None:
    """The experience file a ``[calibration]`` record names, read and checked (an error in it names the file and
    key): its path as ``sim calibrate`` wrote it, relative to the project's folder (or, failing that, to the
    working folder). None when there is no such file, or when the file now holds another experience (its id is not
    the record's): the record alone then says what was observed. The report takes from it what the fit does not
    use, such as the premium a claim ratio was reported on."""
    path = Path(record["experience"])
    for candidate in ([path] if path.is_absolute() else [SCENARIO_DIR.parent / path, Path.cwd() / path]):
        if candidate.is_file():
            experience = load_experience(candidate)
            return experience if experience.id == record["experience_id"] else None
    return None


WINDOW_CHUNK_TRIALS = 10_000  # trials simulated at a time by window_forecast (memory only; never the numbers)


def window_forecast(scenario: Scenario, obs: Observation, trials: int | None = None) -> dict | None:
    """What the scenario's own forecast says of an observation's months, on the calibration's definition
    (:func:`observation_moments`): the amount is every benefit of the observation's perils and segment falling due
    in those months (scholarship instalments of deaths in the model included; those of deaths before the scenario's
    start are not in the model); the claims are counted as the observation counts them (the deaths and accidents,
    with each scholarship instalment when its count includes them) and the cases (deaths and accidents alone) apart;
    the premium is that of the same members and months, so the claim ratio is the amount over the premiums of those
    months. The expected figures are the closed form; the mean and 90 % range are simulated, each trial drawing its
    multipliers as the scenario's forecast does (a calibrated scenario's posterior draws), so the range holds the
    parameter uncertainty.

    The run is the scenario itself from its own start through the observation's last month (its seed; ``trials``,
    by default the scenario's). None when the scenario's horizon does not hold those months as one whole reporting
    period: it starts after them (madiun-2026-ucj starts a year after the months madiun-2025 was calibrated to),
    ends before their end, or its calendar year holds other months of the run too, or the segment is not the
    scenario's."""
    start = scenario.start
    through = (obs.end.year - start.year) * 12 + obs.end.month - start.month + 1
    if obs.start < start or through > scenario.horizon_months:
        return None
    names = [s.name for s in scenario.segments]
    if obs.segment != "all" and obs.segment not in names:
        return None
    trials = scenario.trials if trials is None else trials
    data = scenario.resolved | {"scenario": {**scenario.resolved["scenario"], "horizon_months": through,
                                             "trials": trials}}
    model = build_model(scenario_from_data(data, f"{scenario.path} through {obs.end:%Y-%m}"))
    period, months = _observed_period(model, obs)
    if period is None:
        return None
    seg = slice(None) if obs.segment == "all" else names.index(obs.segment)
    count_idx, amount_idx = _benefit_columns(obs, obs.perils)
    case_idx = [INDEX[b] for p in obs.perils for b in CLAIM_BENEFITS[p]]
    closed = expected(model)
    counts, amounts = np.zeros(trials), np.zeros(trials)
    for chunk in chunks(trials, WINDOW_CHUNK_TRIALS):
        for result in simulate_chunk(model, chunk):
            block = result.block
            rows = slice(block.first_trial, block.first_trial + block.trials)
            counts[rows] = result.counts[:, period][:, seg][..., count_idx].reshape(block.trials, -1).sum(axis=1)
            amounts[rows] = result.amounts[:, period][:, seg][..., amount_idx].reshape(block.trials, -1).sum(axis=1)
    premium = float(np.sum(closed.premium[period, seg]))
    amount = float(closed.amounts[period][seg][..., amount_idx].sum())
    p5, p95 = (float(x) for x in np.quantile(amounts, [0.05, 0.95]))
    c5, c95 = (float(x) for x in np.quantile(counts, [0.05, 0.95]))

    def ratio(x):
        return round(x / premium, 6) if premium > 0 else None

    return {
        "period": model.period_labels[period], "from": f"{obs.start:%Y-%m}", "to": f"{obs.end:%Y-%m}",
        "months": len(months), "trials": trials,
        "premium_idr": round(premium, 2),
        "cases_expected": round(float(closed.counts[period][seg][..., case_idx].sum()), 4),
        "claims_expected": round(float(closed.counts[period][seg][..., count_idx].sum()), 4),
        "claims_mean": round(float(counts.mean()), 4), "claims_p5": round(c5, 4), "claims_p95": round(c95, 4),
        "amount_expected_idr": round(amount, 2), "amount_mean_idr": round(float(amounts.mean()), 2),
        "amount_p5_idr": round(p5, 2), "amount_p95_idr": round(p95, 2),
        "claim_ratio_expected": ratio(amount), "claim_ratio_mean": ratio(float(amounts.mean())),
        "claim_ratio_p5": ratio(p5), "claim_ratio_p95": ratio(p95),
    }


# --- What the record holds and the model cannot: scholarships of claims before the model's start ----------------


def earlier_scholarships(model: Model) -> dict:
    """Expected scholarship instalments falling due in the model's months for claims before its start among the
    members enrolled then: JKM deaths after the minimum membership, and JKK deaths and total disabilities, which
    need none. Recorded claims hold them; the model, which starts with the living members, does not.

    Assumptions: each starting cell's members were members since they joined (its tenure, in months before the
    start) and died or were disabled at the model's own rates (mortality table x load, accident rate, severity
    shares, the mean parameter draws), a year younger every 12 months back; members who died or left before the
    start are not counted; the rules in force at the start (Madiun's: PP 82/2019, since December 2019) apply to
    the earlier claims. Returns the expected amount (IDR) and instalments, the amount of JKM deaths alone, and the
    model's own expected JKM benefits in its months (what the death multiplier scales)."""
    rules = model.regimes[model.regime_of_month[0]]
    children = model.scenario.children
    by_lag = [expected_by_lag(rules, children, k) for k in range(len(children.bands))]
    death_scale, accident_scale = intensity_means(model)
    with_scholarship = sum(model.scenario.severity.shares[k] for k in WITH_SCHOLARSHIP)
    claims = {"jkm": 0.0, "jkk": 0.0, "count": 0.0}
    for exp in model.segments:
        n0, seg = exp.inforce[:, 0], exp.segment
        for t in range(1, int(exp.tenure0.max(initial=0)) + 1):  # the claim month, t months before the start
            members = n0 * (exp.tenure0 >= t)
            age = exp.age0 + (-t) // 12  # as the model ages its members: a year every 12 months
            deaths = members * monthly_q(model.scenario.mortality_table, exp.sex, age, seg.mortality_load)
            deaths *= death_scale * jkm_scholarship_eligible(rules, exp.tenure0 - t)
            accidents = members * seg.accident_rate / 12000.0 * accident_scale * with_scholarship  # JKK deaths, TPD
            band = children.band_of(age)
            # Years k after the claim whose instalment (in month 12 k - t of the model) falls inside its months.
            for k in range((t + 11) // 12, (t + model.months + 11) // 12):
                for b, (amount, count) in enumerate(by_lag):
                    if k < amount.size:
                        jkm, jkk = deaths[band == b].sum(), accidents[band == b].sum()
                        claims["jkm"] += jkm * amount[k]
                        claims["jkk"] += jkk * amount[k]
                        claims["count"] += (jkm + jkk) * count[k]
    closed = expected(model)
    return {"amount_idr": claims["jkm"] + claims["jkk"], "instalments": claims["count"],
            "jkm_amount_idr": claims["jkm"],
            "model_jkm_idr": float(closed.amounts[..., [INDEX[b] for b in PERIL_BENEFITS["jkm"]]].sum())}
