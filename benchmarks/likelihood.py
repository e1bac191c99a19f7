"""How much the calibration's normal likelihood matters: madiun-2025's posterior with the shipped normal likelihood
against the exact likelihood of the compound Poisson amount (sim.exact's FFT).

    .venv/bin/python benchmarks/likelihood.py            # madiun-2025-prior, scenarios/experience/madiun-2025.toml
    .venv/bin/python benchmarks/likelihood.py --json FILE

The fit (``sim.calibration.fit``) fits the amount alone (``fit = ["amount"]``) with a normal likelihood: mean
``m mean_jkm + a mean_jkk`` (closed form) and variance ``m var_jkm + a var_jkk`` (simulated at m = a = 1). At
fixed multipliers (m, a) the amount is exactly a compound Poisson sum with the deaths' rate times m and the
accidents' times a, each peril keeping its own severity, so its tilted transform on sim.exact's grid is
``exp(m A + a B)`` with ``A = lambda_jkm (phi_jkm - 1)`` and ``B = lambda_jkk (phi_jkk - 1)``, computed once.
The likelihood at every grid point is then one linear functional of ``exp(m A) exp(a B)``: the inverse FFT read at
the observed amount only, ``(1/n) Re sum_k w_k exp(m A_k) exp(a B_k) conj(U_k)`` with ``U`` the rfft of the
functional (and w the rfft's fold weights), a complex matrix product over the grid's m and a rows instead of an
inverse FFT per point. Three likelihoods besides the shipped one are compared on the calibration's own grid and
prior:
- ``exact``: the exact density at the recorded amount (linearly interpolated between the FFT's grid points);
- ``exact_rounded``: the exact probability that the amount lies within the recorded Rp6.2 bn's rounding
  (Rp6.15-6.25 bn, the experience file: "rounded to Rp0.1 bn");
- ``normal_exact_variance``: the normal likelihood with the exact per-peril variances instead of the simulated,
  which tells the distribution's shape apart from the simulated variance's noise.
Only the box of grid points where the shipped posterior is above ``e^-BOX_LOG`` of its peak is computed (the
rest, far in the tails, is set to zero); the script checks that the exact posteriors put less than ``EDGE_TOL``
on the box's border where it is not the grid's own, and that the FFT grid loses at most ``sim.exact.TAIL_TOL`` of
probability beyond its end at any computed point.

Then, as a check of the likelihood and not a calibration of Madiun (``compare_joint``), the same record fitted on
both figures (``fit = ["claims", "amount"]``), its 144 claims read as deaths and work accidents
(``count_includes_scholarships = false``: the model's claims without scholarship payments; the record counts each
payment too). The shipped bivariate normal of (count, amount) against the exact joint likelihood: N ~ Poisson(m l1
+ a l2) and, given N = n, n iid claims from the two severities mixed with weights m l1 and a l2, so f(n, s) =
Poisson(n) x the n-fold convolution of the mixture at s, read off ``phi_mix^n`` on sim.exact's grid once per ratio
m / a of the grid (321 of them; the whole 161 x 161 grid is computed, as the exact posterior reaches far beyond the
normal's). Also its probability of the amount's rounding interval and the normal with the compound Poisson's exact
covariance. The script prints both comparisons; ``--json`` writes both.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere, with or without an installed package

import numpy as np  # noqa: E402
from scipy.stats import poisson  # noqa: E402

from sim import calibration, exact  # noqa: E402
from sim.population import build_model  # noqa: E402

SCENARIO = "madiun-2025-prior"
EXPERIENCE = ROOT / "scenarios" / "experience" / "madiun-2025.toml"
BOX_LOG = 60.0  # grid points whose shipped posterior is below e^-60 of its peak are left out (set to zero)
EDGE_TOL = 1e-9  # largest exact posterior mass allowed on the box's border (where the box is not the whole grid)
ROUNDING = 0.05e9  # the recorded Rp6.2 bn is rounded to Rp0.1 bn: +/- Rp0.05 bn
LIKELIHOODS = ("normal", "exact", "exact_rounded", "normal_exact_variance")


def _box(post: np.ndarray) -> tuple[slice, slice]:
    """The smallest box of grid rows and columns holding every point above e^-BOX_LOG of the posterior's peak."""
    rows, cols = np.nonzero(post > post.max() * np.exp(-BOX_LOG))
    return slice(rows.min(), rows.max() + 1), slice(cols.min(), cols.max() + 1)


def _functional(grid: exact._Grid, u: np.ndarray) -> np.ndarray:
    """Weights W such that sum_j u_j p_j = Re(sum_k W_k C_k) for p = grid.inverse(C) (C the tilted rfft)."""
    n = grid.n
    fold = np.full(n // 2 + 1, 2.0)
    fold[0] = 1.0
    fold[-1] = 1.0  # n is a power of 2, so the Nyquist term is single
    return fold * np.conj(np.fft.rfft(u / grid.tilt)) / n


def _weights(grid, amount: float) -> list[tuple[str, np.ndarray]]:
    """What each likelihood reads off the distribution on ``grid``: the density at ``amount`` (per IDR, linear
    between the two grid points around it), the probability of its rounding interval, and the total mass."""
    at = amount / grid.h
    j = int(np.floor(at))
    point = np.zeros(grid.n)
    point[j], point[j + 1] = (1.0 - (at - j)) / grid.h, (at - j) / grid.h
    window = ((grid.x >= amount - ROUNDING) & (grid.x < amount + ROUNDING)).astype(float)
    return [("density", point), ("rounded", window), ("total", np.ones(grid.n))]


def exact_likelihoods(model, obs, grid_m: np.ndarray, grid_a: np.ndarray) -> dict:
    """Exact likelihoods of the observation's amount at every (m, a) of the grids (arrays len(grid_m) x
    len(grid_a)): ``density`` (per IDR), ``rounded`` (probability of the rounding interval) and ``tail`` (mass beyond
    the FFT grid), with the FFT grid (``h``, ``n``) and each peril's exact mean and variance at multiplier 1."""
    if obs.benefits != "all" or obs.segment != "all" or obs.fitted != ("amount",):
        raise ValueError("the exact likelihood here is for an amount of all benefits and segments, fitted alone")
    period = calibration._period_of(model, obs, "experience")
    streams = exact._streams(model, period)
    perils_on = exact._PerilsOnGrid(model, streams)
    high, low = (grid_m.max(), grid_a.max()), (grid_m.min(), grid_a.min())
    h = exact._span(perils_on, high, obs.amount * max(high))
    h, n, _ = exact._fine_enough(perils_on, low, h)
    while True:  # as exact_distribution: lengthen the grid until nothing is lost beyond it
        grid = exact._Grid(h, n)
        (rate_m, phi_m), (rate_a, phi_a) = perils_on(grid)
        # exp(m A) exp(a B), each the tilted transform of one peril's compound Poisson (so of modulus at most 1).
        em = np.exp(np.outer(grid_m, rate_m * (phi_m - 1.0)))
        ea = np.exp(np.outer(grid_a, rate_a * (phi_a - 1.0)))
        values = {name: np.real((em * _functional(grid, u)) @ ea.T) for name, u in _weights(grid, obs.amount)}
        tail = 1.0 - values.pop("total")
        if tail.max() <= exact.TAIL_TOL or n >= exact.MAX_POINTS:
            break
        n *= 2
    moments = {}
    for peril, rate, phi in (("jkm", rate_m, phi_m), ("jkk", rate_a, phi_a)):
        f = grid.inverse(phi)
        moments[peril] = (rate * float(f @ grid.x), rate * float(f @ grid.x**2))  # compound Poisson mean, variance
    # Round-off leaves values of order 1e-16 e^TILT of either sign where the true probability is about 0.
    return {**{k: np.maximum(v, 0.0) for k, v in values.items()}, "tail": tail, "h": h, "n": n, "period": period,
            "events": rate_m + rate_a,
            "moments": moments}


def _stats(cal: calibration.Calibration, post: np.ndarray) -> dict:
    """The fit's own statistics (mean; p5, p50, p95 at grid points, 3.8 % apart) and the 90 % interval's ends
    interpolated in the log grid (``p5_between``, ``p95_between``): a shift smaller than a grid step shows there."""
    other = calibration.Calibration(cal.scenario, cal.experience, cal.grid_m, cal.grid_a, post, cal.prior_sigma)
    out = {}
    for which in ("mortality", "accident"):
        grid, p = other.marginal(which)
        # The cdf at a grid point's upper cell edge (half-way to the next in log), as the cells are log-spaced.
        edges = np.log(grid) + 0.5 * np.log(grid[1] / grid[0])
        between = {f"p{q}_between": float(np.exp(np.interp(q / 100, np.cumsum(p), edges))) for q in (5, 95)}
        out[which] = {**{k: other.stats(which)[k] for k in ("mean", "p5", "p50", "p95")}, **between}
    return out


def _exact_posteriors(out: dict, cal: calibration.Calibration, rows: slice, cols: slice, log_prior: np.ndarray,
                      logs: dict, names: tuple) -> None:
    """Each of ``logs``' posteriors (log likelihoods on the box ``rows`` x ``cols`` of the grid, with the shipped
    prior) into ``out["posterior"]``, each mean and interpolated interval end's shift from the shipped normal's as a
    share of its 90 % interval width, and the largest shift."""
    for name, log_lik in logs.items():
        log_post = log_prior + log_lik
        box = np.exp(log_post - log_post.max())
        box /= box.sum()
        edges = [box[0].sum() if rows.start > 0 else 0.0, box[-1].sum() if rows.stop < cal.grid_m.size else 0.0,
                 box[:, 0].sum() if cols.start > 0 else 0.0, box[:, -1].sum() if cols.stop < cal.grid_a.size else 0.0]
        if max(edges) > EDGE_TOL:
            raise RuntimeError(f"{name}: the posterior puts {max(edges):.1e} on the border of the computed box; "
                               "widen BOX_LOG")
        post = np.zeros_like(cal.posterior)
        post[rows, cols] = box
        out["posterior"][name] = _stats(cal, post)
        # What sim calibrate checks (calibration.EDGE_MASS): mass in the grid's end cells, cut off beyond them.
        out.setdefault("grid_end_mass", {})[name] = float(max(post[0].sum(), post[-1].sum(), post[:, 0].sum(),
                                                             post[:, -1].sum()))
    normal = out["posterior"]["normal"]
    for name in names[1:]:
        for which, s in out["posterior"][name].items():
            width = normal[which]["p95"] - normal[which]["p5"]
            s["shift_in_interval_widths"] = {k: (s[k] - normal[which][k]) / width
                                             for k in ("mean", "p5_between", "p95_between")}
    out["largest_shift_in_interval_widths"] = max(
        abs(x) for name in names[1:] for s in out["posterior"][name].values()
        for x in s["shift_in_interval_widths"].values())


def compare(scenario: str = SCENARIO, experience=EXPERIENCE) -> dict:
    """Posterior mean and 90 % interval of both multipliers under each of LIKELIHOODS, on the shipped grid."""
    cal = calibration.fit(scenario, experience)
    (obs,), (mom,) = cal.experience.observations, cal.moments
    model = build_model(calibration._window_scenario(scenario, cal.experience))
    rows, cols = _box(cal.posterior)
    gm, ga = cal.grid_m[rows], cal.grid_a[cols]
    found = exact_likelihoods(model, obs, gm, ga)
    m, a = np.meshgrid(gm, ga, indexing="ij")
    log_prior = (-0.5 * (np.log(m) / cal.prior_sigma["mortality"]) ** 2
                 - 0.5 * (np.log(a) / cal.prior_sigma["accident"]) ** 2)
    mean = m * mom.mean["jkm"][1] + a * mom.mean["jkk"][1]
    var = m * found["moments"]["jkm"][1] + a * found["moments"]["jkk"][1]
    with np.errstate(divide="ignore"):
        logs = {"exact": np.log(found["density"]), "exact_rounded": np.log(found["rounded"]),
                "normal_exact_variance": -0.5 * ((obs.amount - mean) ** 2 / var + np.log(var))}
    out = {"scenario": scenario, "experience": str(Path(experience).relative_to(ROOT)), "amount_idr": obs.amount,
           "fft": {"span_idr": found["h"], "points": found["n"], "largest_tail_mass": float(found["tail"].max())},
           "events_at_1": found["events"],
           "skewness_at_1": exact.exact_distribution(model, found["period"]).skewness,
           "box": {"mortality": [float(gm[0]), float(gm[-1])], "accident": [float(ga[0]), float(ga[-1])]},
           "variance_at_1": {
               "simulated": {p: float(mom.cov[p][1, 1]) for p in ("jkm", "jkk")},
               "exact": {p: found["moments"][p][1] for p in ("jkm", "jkk")}},
           "posterior": {"normal": _stats(cal, cal.posterior)}}
    _exact_posteriors(out, cal, rows, cols, log_prior, logs, LIKELIHOODS)
    return out


# --- Count and amount fitted together --------------------------------------------------------------------------

JOINT_LIKELIHOODS = ("normal", "exact", "exact_rounded", "normal_exact_covariance")


def joint_experience(experience=EXPERIENCE) -> calibration.Experience:
    """The experience file's one observation fitted on both figures (``fit = ["claims", "amount"]``), its count read
    as the deaths and work accidents (``count_includes_scholarships = false``): the count of the exact joint
    likelihood below. Madiun's record counts each scholarship payment too and is fitted on the amount alone (README,
    "What the calibration says about Madiun"), so this is a check of the likelihood, not a calibration of Madiun."""
    found = calibration.load_experience(experience)
    (obs,) = found.observations
    obs = dataclasses.replace(obs, fitted=("claims", "amount"), count_includes_scholarships=False)
    return dataclasses.replace(found, observations=(obs,))


def exact_joint_likelihoods(model, obs, grid_m: np.ndarray, grid_a: np.ndarray) -> dict:
    """Exact joint likelihoods of the observation's count n (deaths and accidents) and amount s at every (m, a) of
    the grids: N ~ Poisson(m l1 + a l2), and given N = n the n claims are iid from the mixture of the two perils'
    severities with weights m l1 and a l2, so f(n, s) = Poisson(n) x the n-fold convolution of the mixture at s, the
    convolution's tilted transform being phi_mix^n on sim.exact's grid. phi_mix depends on m / a alone, so it is
    raised to the n-th power once per ratio of the grids. ``density`` (per IDR), ``rounded`` (the amount within its
    rounding) and ``tail`` (mass of the convolution beyond the FFT grid), with the grid and, per peril, the rate and
    the mean and second moment of one event's payment at multiplier 1."""
    if obs.benefits != "all" or obs.segment != "all" or obs.fitted != ("claims", "amount"):
        raise ValueError("the exact joint likelihood here is for the count and amount of all benefits and segments")
    if obs.count_includes_scholarships:
        raise ValueError("the exact joint likelihood counts deaths and accidents, not scholarship payments")
    count = int(obs.claims)
    if count != obs.claims:
        raise ValueError(f"the count must be a whole number, not {obs.claims}")
    period = calibration._period_of(model, obs, "experience")
    perils_on = exact._PerilsOnGrid(model, exact._streams(model, period))
    high, low = (grid_m.max(), grid_a.max()), (grid_m.min(), grid_a.min())
    h = exact._span(perils_on, high, obs.amount * max(high))
    h, n, _ = exact._fine_enough(perils_on, low, h)
    m, a = np.meshgrid(grid_m, grid_a, indexing="ij")
    # One mixture per ratio m / a (rounded: the log grid's ratios repeat along its diagonals).
    ratios, which = np.unique(np.round(np.log(m / a), 9), return_inverse=True)
    while True:  # as exact_distribution: lengthen the grid until nothing is lost beyond it
        grid = exact._Grid(h, n)
        (rate_m, phi_m), (rate_a, phi_a) = perils_on(grid)
        weight = rate_m * np.exp(ratios) / (rate_m * np.exp(ratios) + rate_a)  # the deaths' share of the claims
        power = (weight[:, None] * phi_m + (1.0 - weight[:, None]) * phi_a) ** count
        values = {name: np.real(power @ _functional(grid, u)) for name, u in _weights(grid, obs.amount)}
        tail = 1.0 - values.pop("total")
        if tail.max() <= exact.TAIL_TOL or n >= exact.MAX_POINTS:
            break
        n *= 2
    moments = {}
    for peril, rate, phi in (("jkm", rate_m, phi_m), ("jkk", rate_a, phi_a)):
        f = grid.inverse(phi)
        moments[peril] = (rate, float(f @ grid.x), float(f @ grid.x**2))
    log_poisson = poisson.logpmf(count, m * rate_m + a * rate_a)
    # Round-off leaves values of order 1e-16 e^TILT of either sign where the true probability is about 0.
    with np.errstate(divide="ignore"):
        logs = {k: log_poisson + np.log(np.maximum(v, 0.0))[which] for k, v in values.items()}
    return {**logs, "tail": tail, "h": h, "n": n, "ratios": ratios.size, "moments": moments}


def compare_joint(scenario: str = SCENARIO, experience=EXPERIENCE) -> dict:
    """Posterior mean and 90 % interval of both multipliers under each of JOINT_LIKELIHOODS, the count and the
    amount fitted together (:func:`joint_experience`), on the shipped grid and prior."""
    cal = calibration.fit(scenario, joint_experience(experience))
    (obs,), (mom,) = cal.experience.observations, cal.moments
    model = build_model(calibration._window_scenario(scenario, cal.experience))
    # The whole grid: the exact posterior reaches where the normal's is below e^-BOX_LOG (the heavy tail of 144
    # claims' sum), and one mixture per ratio keeps all 161 x 161 points cheap.
    rows, cols = slice(0, cal.grid_m.size), slice(0, cal.grid_a.size)
    gm, ga = cal.grid_m[rows], cal.grid_a[cols]
    found = exact_joint_likelihoods(model, obs, gm, ga)
    m, a = np.meshgrid(gm, ga, indexing="ij")
    log_prior = (-0.5 * (np.log(m) / cal.prior_sigma["mortality"]) ** 2
                 - 0.5 * (np.log(a) / cal.prior_sigma["accident"]) ** 2)
    # The normal with the compound Poisson's own covariance of (N, S): l (1, E[X]; E[X], E[X^2]) per peril.
    exact_cov = {p: r * np.array([[1.0, ex], [ex, ex2]]) for p, (r, ex, ex2) in found["moments"].items()}
    mean = m[..., None] * mom.mean["jkm"] + a[..., None] * mom.mean["jkk"]
    cov = m[..., None, None] * exact_cov["jkm"] + a[..., None, None] * exact_cov["jkk"]
    diff = np.array([obs.claims, obs.amount]) - mean
    quad = np.einsum("...i,...ij,...j->...", diff, np.linalg.inv(cov), diff)
    logs = {"exact": found["density"], "exact_rounded": found["rounded"],
            "normal_exact_covariance": -0.5 * (quad + np.log(np.linalg.det(cov)))}
    out = {"scenario": scenario, "experience": str(Path(experience).relative_to(ROOT)), "claims": obs.claims,
           "amount_idr": obs.amount,
           "fft": {"span_idr": found["h"], "points": found["n"], "largest_tail_mass": float(found["tail"].max()),
                   "mixtures": found["ratios"]},
           "claims_at_1": {"closed_form": {p: float(mom.mean[p][0]) for p in ("jkm", "jkk")},
                           "exact_rate": {p: found["moments"][p][0] for p in ("jkm", "jkk")}},
           "box": {"mortality": [float(gm[0]), float(gm[-1])], "accident": [float(ga[0]), float(ga[-1])]},
           "correlation_at_1": {
               "simulated": _correlation(sum(mom.cov.values())),
               "exact": _correlation(sum(exact_cov.values()))},
           "posterior": {"normal": _stats(cal, cal.posterior)}}
    _exact_posteriors(out, cal, rows, cols, log_prior, logs, JOINT_LIKELIHOODS)
    return out


def _correlation(cov: np.ndarray) -> float:
    return float(cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write every figure to this file")
    args = parser.parse_args(argv)
    out = compare()
    fft = out["fft"]
    print(f"{out['scenario']} fitted to Rp{out['amount_idr'] / 1e9:.2f} bn; FFT grid {fft['points']:,} points of "
          f"Rp{fft['span_idr']:,.0f}, largest mass beyond it {fft['largest_tail_mass']:.1e}")
    print(f"  at multipliers 1: {out['events_at_1']:.1f} expected deaths and accidents paying, the amount's "
          f"skewness {out['skewness_at_1']:.3f}")
    for p in ("jkm", "jkk"):
        sim_sd, exact_sd = (out["variance_at_1"][k][p] ** 0.5 for k in ("simulated", "exact"))
        print(f"  {p} amount sd at multiplier 1: simulated Rp{sim_sd / 1e6:,.1f} m, exact Rp{exact_sd / 1e6:,.1f} m")
    _table(out, LIKELIHOODS)
    joint = compare_joint()
    fft = joint["fft"]
    print(f"\nCHECK OF THE LIKELIHOOD, not Madiun's calibration: count and amount fitted together, the count read as "
          f"{joint['claims']:.0f} deaths and work accidents (the record's 144 also counts each scholarship payment); "
          f"whole grid; FFT grid {fft['points']:,} points of Rp{fft['span_idr']:,.0f}, {fft['mixtures']} mixtures, "
          f"largest mass beyond it {fft['largest_tail_mass']:.1e}")
    print(f"  at multipliers 1: correlation of count and amount simulated {joint['correlation_at_1']['simulated']:.3f},"
          f" exact {joint['correlation_at_1']['exact']:.3f}")
    _table(joint, JOINT_LIKELIHOODS)
    print(f"largest mass in a grid end row or column: {max(joint['grid_end_mass'].values()):.1e}")
    if args.json:
        Path(args.json).write_text(json.dumps({"amount": out, "count_and_amount": joint}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


def _table(out: dict, names: tuple) -> None:
    print("posterior mean, 90 % interval (grid points) and its ends interpolated between grid points:")
    print(f"{'likelihood':<24}{'death multiplier':^41}{'accident multiplier':^41}")
    for name in names:
        s = out["posterior"][name]
        print(f"{name:<24}" + "".join(f"{s[w]['mean']:>9.4f}{s[w]['p5']:>8.3f}-{s[w]['p95']:<6.3f}"
                                      f"({s[w]['p5_between']:.4f}-{s[w]['p95_between']:.4f})"
                                      for w in ("mortality", "accident")))
    print(f"largest shift of a mean or an interpolated interval end from the normal's, over the other likelihoods: "
          f"{out['largest_shift_in_interval_widths']:.5f} of the normal's 90 % interval width")


if __name__ == "__main__":
    sys.exit(main())
