"""Engine benchmark: the real forecast pipeline against a plain-NumPy floor, with peak memory per case.

    .venv/bin/python benchmarks/engine.py              # 100,000 trials over 12 and over 60 months
    .venv/bin/python benchmarks/engine.py --quick      # 10,000 trials: a smoke check in seconds
    .venv/bin/python benchmarks/engine.py --million    # also 1,000,000 trials over 12 months (memory check)

Each engine case runs in a fresh Python process (this file with ``--run engine``), so that its peak resident
memory (``ru_maxrss``) belongs to that case alone:

- engine: ``sim.forecast.forecast(scenario, chunk_trials, trial_table=None)``, the real pipeline (model, closed
  form, simulation chunk by chunk, aggregation, summary), timed from the loaded scenario to the summary;
- floor: the least any engine must do to produce the same claim counts and severities, drawing the same random
  numbers, in plain vectorised numpy with one Generator: per trial the posterior pick of the intensity multipliers
  (if the scenario has them) and one Poisson count per segment and peril with the model's total means
  (``exp.jkm_rate.sum()``, ``exp.jkk_rate.sum()``); per event one placement uniform; per work accident the kind,
  lognormal medical cost, exponential time off work and discrete partial degree; and per scholarship claim (the
  share of deaths the engine's tenure tables make eligible; total-disability and fatal accidents) the number of
  children, then per child an age and a level uniform. Then one sum per trial and nothing else: no placement
  search, no rules, no instalments, no per-period or per-benefit totals. Building the model is not timed.

One more process (``--run floors``) imports exactly what an engine process imports, records its peak memory as
the baseline every process carries (Python, numpy, pandas, scipy), then times the floor of every case (its own
memory is not a target). Peak memory is printed as measured, baseline not subtracted. Importing the workbench
takes seconds, so fewer processes keep ``--quick`` quick.

Targets (from the issue): engine within 3x of the floor; peak memory under 1 GB even for 1,000,000 trials.
Timings are wall-clock seconds of a single run (``--repeat N``: the fastest of N) and move by several per cent
between runs; CPU seconds are printed as a ratio too. Nothing here asserts on them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere, with or without an installed package

SCENARIO = "madiun-2025"
DEFAULT_TRIALS = 100_000
QUICK_TRIALS = 10_000
MILLION = 1_000_000
HORIZONS = (12, 60)
TARGET_RATIO = 3.0
TARGET_PEAK_MB = 1024.0
HEADER = (
    f"{'case':<22} {'trials':>10} {'months':>6} {'events':>13} {'engine s':>9} {'floor s':>8} "
    f"{'ratio':>6} {'events/s':>11} {'peak MB':>8} {'CPU ratio':>9}"
)


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0


def load(months: int, trials: int, extra: tuple = ()):
    from sim.scenario import load_scenario

    return load_scenario(SCENARIO, [f"scenario.horizon_months={months}", f"scenario.trials={trials}", *extra])


# --- What one child process measures ---------------------------------------------------------------------------


def import_workbench() -> None:
    # What an engine process imports before it measures anything; the floors process imports the same.
    import sim.forecast  # noqa: F401
    import sim.scenario  # noqa: F401


def run_engine(months: int, trials: int, chunk_trials: int) -> dict:
    import_workbench()
    from sim.allocator import keep_freed_memory
    from sim.forecast import forecast

    keep_freed_memory()  # as the command line does (sim/allocator.py)

    scenario = load(months, trials)
    start, cpu = time.perf_counter(), time.process_time()
    # The exact FFT cross-check (about 0.25 s, whatever the trials) is a separate calculator: not timed here.
    summary = forecast(scenario, chunk_trials=chunk_trials, trial_table=None, exact_check=False)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"events": summary["simulated_events"], "seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb()}


def floor_inputs(scenario, model) -> dict:
    """Everything the floor needs from the model, computed before its clock starts.

    Besides the model's total expected events per segment and peril, the floor needs how many deaths qualify for
    the JKM scholarship. In the engine that follows from where each death falls (the member's tenure in that cell
    and month), with no random number of its own, so the floor takes the same share of its deaths, read from the
    engine's own per-position tables: expected eligible deaths over expected deaths.
    """
    import numpy as np

    from sim.engine import tables
    from sim.scholarship import _children_per_claim

    segments = []
    bands = scenario.children.bands
    by_band = np.zeros(len(bands))  # expected eligible deaths by band of the member's age
    for exp, tab in zip(model.segments, tables(model)):
        rate = exp.jkm_rate.ravel()[tab.jkm.position]  # expected deaths at each place the engine can put one
        eligible = np.zeros(rate.size, dtype=bool)
        for r in range(len(model.regimes)):  # eligibility under the rules in force at each place
            in_force = tab.jkm.regime == r
            eligible[in_force] = tab.jkm_scholarship[r][in_force]
        jkm_total = float(rate.sum())
        share = float(rate[eligible].sum()) / jkm_total if jkm_total > 0 else 0.0
        segments.append((jkm_total, float(exp.jkk_rate.sum()), share, exp.segment.wage))
        band = np.zeros(rate.size, dtype=np.intp) if tab.jkm_band is None else tab.jkm_band
        by_band += np.bincount(band[eligible], weights=rate[eligible], minlength=len(bands))
    # Children per scholarship claim under the first rule regime (the benchmark's scenario has one): with children
    # by the member's age, the bands' shares mixed by their expected eligible deaths (the same number of children
    # drawn on average; the floor needs no band per claim).
    per_band = np.array([_children_per_claim(model.regimes[0], b) for b in bands])
    weights = by_band / by_band.sum() if by_band.sum() > 0 else np.full(len(bands), 1.0 / len(bands))
    sev = scenario.severity
    sigma2 = np.log1p(sev.medical_cost_cv**2)
    return {
        "segments": segments,
        "draws": np.asarray(scenario.intensity_draws, dtype=float).reshape(-1, 2),
        "kind_p": np.asarray(sev.shares) / np.sum(sev.shares),
        "mu": np.log(sev.medical_cost_mean) - sigma2 / 2,
        "sigma": np.sqrt(sigma2),
        "degrees": np.array([d for d, _ in sev.partial_degrees]),
        "degree_p": np.array([p for _, p in sev.partial_degrees]),
        "children_p": weights @ per_band,
    }


def run_floor(months: int, trials: int, chunk_trials: int, extra: tuple = ()) -> dict:
    """The floor of one case; ``extra``: more scenario overrides (benchmarks/scale.py scales the members)."""
    import numpy as np

    from sim.population import build_model

    scenario = load(months, trials, extra)
    inputs = floor_inputs(scenario, build_model(scenario))
    sev, kids = scenario.severity, scenario.children
    draws, kind_p, mu, sigma = inputs["draws"], inputs["kind_p"], inputs["mu"], inputs["sigma"]
    degrees, degree_p, children_p = inputs["degrees"], inputs["degree_p"], inputs["children_p"]
    rng = np.random.default_rng(scenario.seed)
    drawn = {"events": 0, "scholarship_claims": 0, "children": 0}

    def children(claims: int) -> np.ndarray:
        """The scholarship draws of ``claims`` claims: children per claim, then per child an age and a level
        uniform (drawn, and left unused: turning them into instalments is the engine's work, not the floor's)."""
        per_claim = rng.choice(children_p.size, claims, p=children_p)
        n = int(per_claim.sum())
        rng.integers(0, kids.age_max + 1, n)
        rng.random(n)
        drawn["children"] += n
        return per_claim

    start, cpu = time.perf_counter(), time.process_time()
    for first in range(0, trials, chunk_trials):  # same chunking as the engine, so memory stays bounded alike
        n_trials = min(chunk_trials, trials - first)
        trial = np.arange(n_trials)
        per_trial = np.zeros(n_trials)
        death_scale = accident_scale = 1.0
        if draws.size:  # parameter uncertainty: each trial picks one posterior pair of multipliers
            death_scale, accident_scale = draws[rng.integers(0, len(draws), n_trials)].T
        for jkm_mean, jkk_mean, eligible_share, wage in inputs["segments"]:
            # Non-work deaths: counts, one placement uniform each (drawn, not used: placing is engine work), the
            # deaths that qualify for the scholarship (the model's share, rounded per trial) and their children.
            deaths = rng.poisson(jkm_mean * death_scale, n_trials)
            rng.random(int(deaths.sum()))
            eligible = (deaths * eligible_share + 0.5).astype(np.int64)
            jkm_children = children(int(eligible.sum()))
            # Work accidents: counts, placement uniforms, kind, medical cost, time off work, partial degree, and
            # the children of total-disability and fatal cases.
            accidents = rng.poisson(jkk_mean * accident_scale, n_trials)
            n = int(accidents.sum())
            rng.random(n)
            kind = rng.choice(5, n, p=kind_p)  # medical only, temporary, partial, total, death
            cost = rng.lognormal(mu, sigma, n)
            off = (kind >= 1) & (kind <= 3)  # temporary, partial and total disability start with time off
            cost[off] += wage * rng.exponential(sev.incapacity_months_mean, int(off.sum()))
            partial = kind == 2
            cost[partial] += 80.0 * wage * rng.choice(degrees, int(partial.sum()), p=degree_p)
            accident_trial = np.repeat(trial, accidents)
            with_scholarship = kind >= 3  # total disability, death
            jkk_children = children(int(with_scholarship.sum()))
            # One sum per trial: deaths at a flat 42 million, accidents at their cost, 20 million per child.
            per_trial += 42e6 * deaths + np.bincount(accident_trial, cost, n_trials)
            per_trial += 20e6 * np.bincount(np.repeat(trial, eligible), jkm_children, n_trials)
            per_trial += 20e6 * np.bincount(accident_trial[with_scholarship], jkk_children, n_trials)
            drawn["events"] += int(deaths.sum()) + n
            drawn["scholarship_claims"] += int(eligible.sum()) + jkk_children.size
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {**drawn, "seconds": seconds, "cpu_seconds": cpu}


def run_floors(cases: list[tuple[int, int]], chunk_trials: int) -> dict:
    import_workbench()
    baseline = peak_mb()
    return {"baseline_peak_mb": baseline, "floors": [run_floor(m, n, chunk_trials) for m, n in cases]}


# --- The parent: one fresh process per measurement --------------------------------------------------------------


def measure(*args: str) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--run", *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark process failed ({' '.join(cmd[2:])}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fastest(runs) -> dict:
    """The run with the fewest wall seconds, with how many runs it was chosen from."""
    return {**min(runs, key=lambda r: r["seconds"]), "runs": len(runs)}


def row(case: str, trials: int, months: int, engine: dict, floor: dict) -> str:
    ratio = engine["seconds"] / floor["seconds"]
    rate = engine["events"] / engine["seconds"]
    return (
        f"{case:<22} {trials:>10,} {months:>6} {engine['events']:>13,} {engine['seconds']:>9.2f} "
        f"{floor['seconds']:>8.2f} {ratio:>6.1f} {rate / 1e6:>9.2f} M {engine['peak_mb']:>8.0f} "
        f"{engine['cpu_seconds'] / floor['cpu_seconds']:>9.1f}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the Monte Carlo engine against a plain-NumPy floor.")
    parser.add_argument("--trials", type=int, help=f"trials per case (default {DEFAULT_TRIALS:,}; "
                                                   f"{QUICK_TRIALS:,} with --quick)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_TRIALS:,} trials per case: a smoke check")
    parser.add_argument("--million", action="store_true",
                        help=f"add {MILLION:,} trials over 12 months (the memory target)")
    parser.add_argument("--chunk-trials", type=int, help="trials per chunk (default: the CLI's default)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this JSON file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure everything N times and keep each case's fastest engine and floor "
                             "(for a busy machine; default 1)")
    # Internal: what a child process measures.
    parser.add_argument("--run", choices=("engine", "floors"), help=argparse.SUPPRESS)
    parser.add_argument("--months", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--cases", default="", help=argparse.SUPPRESS)  # months:trials,...
    args = parser.parse_args(argv)

    if args.run == "engine":
        print(json.dumps(run_engine(args.months, args.trials, args.chunk_trials)))
        return 0
    if args.run == "floors":
        cases = [tuple(int(v) for v in c.split(":")) for c in args.cases.split(",")]
        print(json.dumps(run_floors(cases, args.chunk_trials)))
        return 0

    import numpy as np

    from sim.forecast import DEFAULT_CHUNK_TRIALS

    trials = args.trials or (QUICK_TRIALS if args.quick else DEFAULT_TRIALS)
    chunk = args.chunk_trials or DEFAULT_CHUNK_TRIALS
    if trials < 1 or chunk < 1 or args.repeat < 1:
        parser.error("--trials, --chunk-trials and --repeat must be at least 1")
    cases = [(f"{m} months", trials, m) for m in HORIZONS]
    if args.million:
        cases.append(("12 months, 1M trials", MILLION, 12))

    floor_runs = [
        measure("floors", "--cases", ",".join(f"{m}:{n}" for _, n, m in cases), "--chunk-trials", str(chunk))
        for _ in range(args.repeat)
    ]
    floors = {"baseline_peak_mb": max(r["baseline_peak_mb"] for r in floor_runs),
              "floors": [fastest(runs) for runs in zip(*(r["floors"] for r in floor_runs))]}
    baseline = {"peak_mb": floors["baseline_peak_mb"]}
    print(f"Engine benchmark: scenario {SCENARIO}, chunks of {chunk:,} trials; Python {platform.python_version()}, "
          f"numpy {np.__version__}, {platform.system()} {platform.machine()}, {_cpus()} CPU(s)")
    print(f"Baseline: a process that only imports the workbench (sim.forecast and its numpy, pandas, ...) peaks at "
          f"{baseline['peak_mb']:.0f} MB; peak MB below is measured, baseline included.")
    print()
    print(HEADER)
    rows = []
    for (case, n, months), floor in zip(cases, floors["floors"]):
        runs = [measure("engine", "--months", str(months), "--trials", str(n), "--chunk-trials", str(chunk))
                for _ in range(args.repeat)]
        engine = {**fastest(runs), "peak_mb": max(r["peak_mb"] for r in runs)}
        print(row(case, n, months, engine, floor), flush=True)
        rows.append({"case": case, "trials": n, "months": months, "engine": engine, "floor": floor})

    print()
    print("ratio = engine s / floor s; events/s = simulated deaths and accidents per engine second; CPU ratio = "
          "engine CPU s / floor CPU s" + (f"; fastest of {args.repeat} runs each." if args.repeat > 1 else "."))
    busy = min(r[k]["cpu_seconds"] / r[k]["seconds"] for r in rows for k in ("engine", "floor"))
    if busy < 0.9:
        print(f"Note: a measured process got only {busy:.0%} of a CPU (other work on this machine): "
              f"wall times are inflated; the --json file has CPU seconds too.")
    worst = max(r["engine"]["seconds"] / r["floor"]["seconds"] for r in rows)
    peak = max(r["engine"]["peak_mb"] for r in rows)
    print(f"Target engine within {TARGET_RATIO:g}x of the floor: {'met' if worst <= TARGET_RATIO else 'NOT met'} "
          f"(worst {worst:.1f}x).")
    print(f"Target peak memory under {TARGET_PEAK_MB:,.0f} MB: {'met' if peak < TARGET_PEAK_MB else 'NOT met'} "
          f"(largest {peak:.0f} MB{'' if args.million else '; run with --million for the 1,000,000-trial case'}).")
    if args.json:
        args.json.write_text(json.dumps({"baseline": baseline, "chunk_trials": chunk, "cases": rows}, indent=2) + "\n")
    return 0


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    sys.exit(main())
