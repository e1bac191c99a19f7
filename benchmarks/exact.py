"""Exact-method benchmark: sim.exact's FFT against established FFT implementations on the same model.

    .venv/bin/python benchmarks/exact.py            # both models, p99.5 reference on a 16x finer grid
    .venv/bin/python benchmarks/exact.py --quick    # jambi only, reference on a 4x finer grid: a smoke check
    ./workbench bench-exact [same options]          # installs the peer packages into .venv first

Peers (installed into .venv for benchmarking only, never project dependencies): the ``aggregate`` package
(``Portfolio`` of ``Aggregate`` lines, FFT) and ``gemact`` (``Severity.discretize`` with local moments and
``LossModelCalculator.fast_fourier_transform``, the two steps ``LossModel(aggr_loss_dist_method='fft')`` runs).
A peer that cannot be imported is skipped with a message; with neither, the script exits with status 2.

The models are scenarios whose one-year claims are a compound Poisson sum that every package can state exactly:
JKK cases all medical-only (lognormal cost), no children (so no scholarships), 12 months. What one event pays is
then a mixture of the JKM death cash (Rp10 m in the first BPU months, Rp42 m after: two atoms) and the lognormal
medical cost. The Poisson rates of each atom and of accidents are read from the model the workbench builds
(``sim.population.build_model``: ``jkm_rate`` by JKM cash via ``sim.regulation.jkm_death_benefit``, ``jkk_rate``);
their sum with the severities reproduces the closed-form mean (``sim.closed_form.expected``), which is checked.

Each method is timed from those parameters (ours: from the built model) to the probabilities on the grid: a
warm-up call, then the best of ``--repeat`` calls (time.perf_counter). The peers get our grid (span and points),
so they are spared the sizing of the grid that ``exact_distribution`` does itself. Mean, CV and 99.5 % quantile
are computed the same way from every method's probabilities (the quantile: smallest grid point where the CDF
reaches 0.995) and compared with:
- mean and CV: the closed form (lambda E[X], lambda E[X^2], from the same parameters), exact;
- p99.5: our FFT on a grid 16 times finer (``--quick``: 4 times) over the same range, cross-checked by both peers
  on that fine grid (printed; a disagreement of more than one fine step is flagged).
Nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import math
import os
import platform
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere, with or without an installed package

import numpy as np  # noqa: E402

from sim import exact  # noqa: E402
from sim.closed_form import expected  # noqa: E402
from sim.population import build_model  # noqa: E402
from sim.regulation import jkm_death_benefit  # noqa: E402
from sim.scenario import load_scenario  # noqa: E402

PEERS = ("aggregate", "gemact")
NO_PEER_EXIT = 2
LEVEL = 0.995
TARGET_RATIO = 2.0  # ours / peer seconds
ACCURACY_FLOOR = 1e-6  # ours counts as less accurate in the mean or CV only if its relative error is this much worse
# Medical-only accidents, no children: what an event pays is the JKM cash or a lognormal medical cost.
OVERRIDES = [
    "scenario.horizon_months=12",
    "assumptions.severity.share_medical_only=1.0",
    "assumptions.severity.share_temporary=0.0",
    "assumptions.severity.share_partial=0.0",
    "assumptions.severity.share_total=0.0",
    "assumptions.severity.share_death=0.0",
    "assumptions.children.by_member_age=[[15, 1.0, 0.0, 0.0, 0, 22]]",
]
MODELS = ("jambi-2025", "madiun-2025-prior")  # madiun-2025 itself carries parameter draws: a mixture of Poissons
QUICK_MODELS = ("jambi-2025",)
GIVEN = "ours, grid given"  # information only: our FFT on the grid the peers get, without sizing it or the closed form
HEADER = (
    f"{'model':<18} {'method':<16} {'points':>8} {'span':>9} {'seconds':>8} {'ours/peer':>9} "
    f"{'mean err':>9} {'CV err':>9} {'p99.5 err':>9}  {'p99.5 (Rp)':>15}"
)


# --- The model as one compound Poisson: rates and severities from the workbench's own model --------------------


def compound_poisson(model) -> dict:
    """Poisson rate of each JKM cash amount and of work accidents in period 0, the medical-cost lognormal, and the
    closed-form mean and CV of the total. Checks that the model is of the form the peers are given."""
    sev, kids = model.scenario.severity, model.scenario.children
    if tuple(sev.shares) != (1.0, 0.0, 0.0, 0.0, 0.0) or any(b.count_shares[0] != 1.0 for b in kids.bands):
        raise ValueError("the benchmark needs medical-only accidents and no children (see OVERRIDES)")
    if model.scenario.intensity_draws or len(model.period_labels) != 1:
        raise ValueError("the benchmark needs one period and no parameter draws (one compound Poisson sum)")
    atoms: dict[float, float] = {}
    accidents = 0.0
    for exp in model.segments:
        for month in range(model.months):
            rules = model.regimes[model.regime_of_month[month]]
            cash = jkm_death_benefit(rules, exp.segment.scheme, exp.tenure0 + month)
            for amount in np.unique(cash):
                atoms[float(amount)] = atoms.get(float(amount), 0.0) + float(exp.jkm_rate[cash == amount, month].sum())
        accidents += float(exp.jkk_rate.sum())
    atoms = {x: r for x, r in sorted(atoms.items()) if r > 0 and x > 0}  # ascending: aggregate needs it (below)
    mean_cost, cv_cost = sev.medical_cost_mean, sev.medical_cost_cv
    mean = sum(x * r for x, r in atoms.items()) + accidents * mean_cost
    second = sum(x * x * r for x, r in atoms.items()) + accidents * mean_cost**2 * (1.0 + cv_cost**2)
    closed_form = float(expected(model).amounts[0].sum())
    if abs(mean - closed_form) > 1e-9 * closed_form:
        raise ValueError(f"the extracted parameters give a mean of {mean:,.2f}, the closed form {closed_form:,.2f}")
    return {
        "atoms": atoms,  # JKM cash (IDR) -> expected deaths paying it
        "accidents": accidents,  # expected work accidents
        "medical_mean": mean_cost,
        "medical_cv": cv_cost,
        "rate": sum(atoms.values()) + accidents,
        "mean": mean,
        "cv": math.sqrt(second) / mean,
    }


# --- The methods: each returns the probabilities on the grid 0, h, ..., (n - 1) h ------------------------------


def ours(model, cp, h, n):
    del cp, h, n  # exact_distribution sizes its own grid
    r = exact.exact_distribution(model, 0, "fft")
    return r.probabilities, r.h


def ours_on_grid(model, h, n):
    """sim.exact's FFT on a given grid (its private pieces): the reference, on a finer grid than it would choose."""
    grid = exact._Grid(h, n)
    perils = exact._perils(model, exact._streams(model, 0), grid)
    return exact._fft(perils, exact._draws(model), grid)


def aggregate_fft(model, cp, h, n):
    """aggregate: a Portfolio of the deaths (discrete severity, the JKM atoms) and the accidents (lognormal), both
    Poisson, convolved by FFT: the same compound Poisson as one line with the mixed severity. Package defaults
    (padding=1, survival discretization, normalized severity) except approximation='exact' (by default a line
    with 100 or more expected claims gets a shifted lognormal instead of the FFT) and add_exa=False (allocation
    columns we do not use)."""
    from aggregate import Aggregate, Portfolio

    del model
    # dhistogram points must be in ascending order: aggregate 0.30.1 silently mis-discretizes unsorted ones.
    xs = sorted(cp["atoms"])
    deaths = sum(cp["atoms"].values())
    lines = [
        Aggregate("JKM", exp_en=deaths, sev_name="dhistogram", sev_xs=xs,
                  sev_ps=[cp["atoms"][x] / deaths for x in xs], freq_name="poisson"),
        Aggregate("JKK", exp_en=cp["accidents"], sev_name="lognorm", sev_mean=cp["medical_mean"],
                  sev_cv=cp["medical_cv"], freq_name="poisson"),
    ]
    port = Portfolio("benchmark", lines)
    port.update(log2=int(round(math.log2(n))), bs=h, approximation="exact", add_exa=False)
    return port.density_df["p_total"].to_numpy(), h


def gemact_fft(model, cp, h, n):
    """gemact: its LossModel takes one parametric severity, so this runs the two steps LossModel's FFT path runs,
    Severity.discretize (local moments, as ours) and LossModelCalculator.fast_fourier_transform (no tilt, its
    default), with the mixture put together in between: the lognormal's discretization times its weight, plus
    each JKM atom (on a grid point, or split between its two neighbours keeping the mean)."""
    from gemact.calculators import LossModelCalculator
    from gemact.lossmodel import Frequency, Severity

    del model
    sigma2 = math.log1p(cp["medical_cv"] ** 2)
    medical = Severity(dist="lognormal", par={"scale": cp["medical_mean"] * math.exp(-sigma2 / 2),
                                              "shape": math.sqrt(sigma2)})
    sev = medical.discretize(discr_method="localmoments", n_discr_nodes=n, discr_step=h)
    fj = sev["fj"] * (cp["accidents"] / cp["rate"])
    for x, rate in cp["atoms"].items():
        lo = int(math.floor(x / h))
        up = x / h - lo
        fj[lo] += rate / cp["rate"] * (1.0 - up)
        if up > 0:
            fj[lo + 1] += rate / cp["rate"] * up
    out = LossModelCalculator.fast_fourier_transform(
        severity={"nodes": sev["nodes"], "fj": fj}, frequency=Frequency(dist="poisson", par={"mu": cp["rate"]}),
        n_aggr_dist_nodes=n, discr_step=h, tilt=False, tilt_value=0)
    return np.diff(out["cdf"], prepend=0.0), h


PEER_RUNS = {"aggregate": aggregate_fft, "gemact": gemact_fft}


# --- Measuring ---------------------------------------------------------------------------------------------------


def statistics(p: np.ndarray, h: float) -> dict:
    x = h * np.arange(p.size)
    mean = float(p @ x)
    sd = math.sqrt(float(p @ (x - mean) ** 2))
    quantile = float(h * min(np.searchsorted(np.cumsum(p), LEVEL), p.size - 1))
    return {"mean": mean, "cv": sd / mean, "p99_5": quantile, "tail_mass": float(1.0 - p.sum())}


def timed(runs: dict, repeat: int) -> dict:
    """Each run once as a warm-up, then ``repeat`` rounds calling each in turn (so that a change in the machine's
    load falls on all of them alike): name -> (best seconds, result of its last call, or the exception raised)."""
    results, best = {}, {}
    for name, run in runs.items():
        try:
            results[name], best[name] = run(), math.inf
        except Exception as err:  # noqa: BLE001 - a peer that fails is reported, the others go on
            results[name] = err
    for _ in range(repeat):
        for name in best:
            start = time.perf_counter()
            results[name] = runs[name]()
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: (best.get(name, math.nan), results[name]) for name in runs}


def importable_peers() -> tuple[dict, dict]:
    versions, problems = {}, {}
    for name in PEERS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                module = importlib.import_module(name)
            versions[name] = getattr(module, "__version__", "unknown")
        except Exception as err:  # noqa: BLE001 - any failure to import means the peer is not usable here
            problems[name] = f"{type(err).__name__}: {err}"
    return versions, problems


def run_model(scenario_id: str, peers: list, fine: int, repeat: int) -> dict:
    model = build_model(load_scenario(scenario_id, OVERRIDES))
    cp = compound_poisson(model)
    first = exact.exact_distribution(model, 0, "fft")  # our grid, which the peers are given
    h, n = first.h, first.points
    runs = {"ours (FFT)": lambda: ours(model, cp, h, n), GIVEN: lambda: (ours_on_grid(model, h, n), h)}
    for name in peers:
        runs[name] = lambda run=PEER_RUNS[name]: run(model, cp, h, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        measured = timed(runs, repeat)
    rows = []
    for name, (seconds, result) in measured.items():
        if isinstance(result, Exception):
            rows.append({"method": name, "error": f"{type(result).__name__}: {result}"})
            continue
        p, hp = result
        rows.append({"method": name, "seconds": seconds, "points": p.size, "span": hp, **statistics(p, hp)})
    # The p99.5 reference: our FFT on a grid `fine` times finer over the same range, checked against the peers.
    reference = statistics(ours_on_grid(model, h / fine, n * fine), h / fine)
    checks = {}
    for name in peers:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                q, hq = PEER_RUNS[name](model, cp, h / fine, n * fine)
            checks[name] = statistics(q, hq)["p99_5"]
        except Exception as err:  # noqa: BLE001
            checks[name] = f"{type(err).__name__}: {err}"
    for row in rows:
        if "error" in row:
            continue
        row["mean_err"] = abs(row["mean"] - cp["mean"]) / cp["mean"]
        row["cv_err"] = abs(row["cv"] - cp["cv"]) / cp["cv"]
        row["p99_5_err"] = abs(row["p99_5"] - reference["p99_5"]) / reference["p99_5"]
    return {
        "scenario": scenario_id,
        "overrides": OVERRIDES,
        "poisson_rate": cp["rate"],
        "jkm_atoms_idr": {f"{x:.0f}": r for x, r in cp["atoms"].items()},
        "expected_accidents": cp["accidents"],
        "medical_cost": {"mean": cp["medical_mean"], "cv": cp["medical_cv"]},
        "closed_form": {"mean": cp["mean"], "cv": cp["cv"]},
        "reference": {"method": f"ours on a {fine}x finer grid", "span": h / fine, "points": n * fine, **reference,
                      "peers_on_the_fine_grid": checks},
        "rows": rows,
    }


# --- Reporting ---------------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "numpy": np.__version__,
    }


def verdicts(result: dict) -> list:
    ours_row = result["rows"][0]
    out = []
    for row in result["rows"][1:]:
        if row["method"] == GIVEN:
            continue
        if "error" in row:
            out.append({"peer": row["method"], "error": row["error"]})
            continue
        ratio = ours_row["seconds"] / row["seconds"]
        # The quantiles lie on the same grid, so any difference is a whole grid step and counts.
        worse = [
            stat for stat, slack in (("mean_err", ACCURACY_FLOOR), ("cv_err", ACCURACY_FLOOR), ("p99_5_err", 0.0))
            if ours_row[stat] > row[stat] + slack
        ]
        row["ours_over_peer"] = ratio
        out.append({"peer": row["method"], "ratio": ratio, "speed_met": ratio <= TARGET_RATIO,
                    "less_accurate_in": worse, "accuracy_met": not worse})
    return out


def print_model(result: dict) -> None:
    ref = result["reference"]
    print(f"\n{result['scenario']}: Poisson rate {result['poisson_rate']:.4f} "
          f"(JKM cash {', '.join(f'Rp{float(x) / 1e6:g} m x {r:.4f}' for x, r in result['jkm_atoms_idr'].items())}; "
          f"accidents {result['expected_accidents']:.4f}, medical lognormal mean "
          f"Rp{result['medical_cost']['mean'] / 1e6:g} m, CV {result['medical_cost']['cv']:g})")
    print(f"  closed form: mean Rp{result['closed_form']['mean']:,.2f}, CV {result['closed_form']['cv']:.8f}; "
          f"p99.5 reference Rp{ref['p99_5']:,.0f} ({ref['method']}: span Rp{ref['span']:,.6g}, {ref['points']} "
          "points); peers on that grid: "
          + ", ".join(f"{k} {v:,.0f}" if isinstance(v, float) else f"{k} {v}"
                      for k, v in ref["peers_on_the_fine_grid"].items()))
    for name, value in ref["peers_on_the_fine_grid"].items():
        if isinstance(value, float) and abs(value - ref["p99_5"]) > 1.5 * ref["span"]:
            print(f"  WARNING: {name} on the fine grid differs from the reference by more than one step")


def print_table(results: list) -> None:
    print()
    print(HEADER)
    for result in results:
        ours_seconds = result["rows"][0]["seconds"]
        for row in result["rows"]:
            if "error" in row:
                print(f"{result['scenario']:<18} {row['method']:<16} error: {row['error']}")
                continue
            ratio = "" if row["method"] in ("ours (FFT)", GIVEN) else f"{ours_seconds / row['seconds']:.2f}"
            print(f"{result['scenario']:<18} {row['method']:<16} {row['points']:>8} {row['span']:>9,.0f} "
                  f"{row['seconds']:>8.4f} {ratio:>9} {row['mean_err']:>9.1e} {row['cv_err']:>9.1e} "
                  f"{row['p99_5_err']:>9.1e}  {row['p99_5']:>15,.0f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="jambi-2025 only, reference on a 4x finer grid")
    parser.add_argument("--repeat", type=int, default=3, help="timed calls after the warm-up (best is kept)")
    parser.add_argument("--fine", type=int, default=None, help="reference grid: this many times finer (16; 4)")
    parser.add_argument("--json", type=Path, default=None, help="write every measurement to this file")
    args = parser.parse_args(argv)

    versions, problems = importable_peers()
    for name, problem in problems.items():
        print(f"peer package {name!r} is not importable, skipped ({problem})")
    if not versions:
        print("benchmarks/exact.py: neither peer package (aggregate, gemact) is importable. Install them into the "
              "venv for benchmarking only (./workbench bench-exact does): .venv/bin/python -m uv pip install "
              "--python .venv/bin/python aggregate gemact", file=sys.stderr)
        return NO_PEER_EXIT
    info = machine()
    print(f"{info['date']}  {info['cpu']} x{info['cpus']}  {info['platform']}  Python {info['python']}  "
          f"numpy {info['numpy']}  " + "  ".join(f"{k} {v}" for k, v in versions.items())
          + (f"  load {info['load_average'][0]:.2f}" if info["load_average"] else ""))

    fine = args.fine or (4 if args.quick else 16)
    results = [run_model(sid, list(versions), fine, max(args.repeat, 1))
               for sid in (QUICK_MODELS if args.quick else MODELS)]
    for result in results:
        result["verdicts"] = verdicts(result)
        print_model(result)
    print_table(results)

    print(f"\nerrors are relative: mean and CV against the closed form, p99.5 against the reference; seconds: best "
          f"of {max(args.repeat, 1)} after a warm-up; ours/peer is the time ratio (target <= {TARGET_RATIO:g}).")
    failed = False
    for result in results:
        for v in result["verdicts"]:
            if "error" in v:
                failed = True
                print(f"verdict {result['scenario']} vs {v['peer']}: peer failed ({v['error']})")
                continue
            accuracy = ("as accurate (met)" if v["accuracy_met"]
                        else f"less accurate in {', '.join(v['less_accurate_in'])} (not met)")
            print(f"verdict {result['scenario']} vs {v['peer']}: {accuracy}; "
                  f"time ratio {v['ratio']:.2f} ({'met' if v['speed_met'] else 'not met'})")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "peers": versions, "skipped_peers": problems,
                                         "fine": fine, "repeat": args.repeat, "results": results}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
