"""Scale benchmarks: the engine against peer tools, a scaling grid, and the national scenario on Dask.

One command prints every table and, last, the targets of issue 6 with the ratios measured in the same run:

    ./workbench bench-scale            # installs the peer packages (aggregate, gemact) into .venv, then this
    .venv/bin/python benchmarks/scale.py [--quick] [--full] [--national] [--no-engine] [--no-peers] [--json FILE]

Sections (see benchmarks/SCALE.md for the method and the recorded results):

- **engine** (``benchmarks/engine.py``, also ``./workbench bench``; skip with ``--no-engine``): (a) the engine
  against a plain-NumPy floor that draws the same random numbers, 100,000 trials over 12 and 60 months.
- **peers** (``benchmarks/peers.py``): a one-segment compound Poisson model, 1,000,000 simulated years, our
  engine against GEMAct's Monte Carlo and the ``aggregate`` package's FFT: time, peak memory, 99.5 % quantile.
- **grid**: ``madiun-2025`` scaled to 1 thousand ... 1 million members (both segments in proportion), 10 thousand
  ... 1 million trials, 1 ... 10 years. The default runs one axis at a time (9 cases, a few minutes on 2 cores);
  ``--full`` runs the whole 4 x 3 x 3 grid, skipping cases above ``--max-events`` simulated events. Each case is a
  fresh process: setup (model and closed form), engine (every chunk simulated and aggregated: the streaming
  part), summary (quantiles, risk measures); time per simulated claim = engine seconds / events (deaths and
  accidents drawn); peak memory = ``ru_maxrss`` of that process.
- **national** (``--national``): ``python -m sim run national-2025`` (514 segments) on the local backend and on
  Dask with 1 and 2 worker processes; wall time from the run's own ``summary.json`` (``run.wall_seconds``,
  cluster start-up included) and a check that the three give the same numbers.

Nothing here asserts on timings; ``tests/test_scale_benchmark.py`` only runs ``--quick`` pieces.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402  (benchmarks/ is not a package)

SCENARIO = "madiun-2025"
SEGMENT_MEMBERS = {"non_asn": 7902, "vulnerable": 9582}  # madiun-2025's split, kept when scaling members
MEMBERS = (1_000, 10_000, 100_000, 1_000_000)
TRIALS = (10_000, 100_000, 1_000_000)
YEARS = (1, 3, 10)
# One axis at a time around small cases, plus one larger pair for memory against trials.
DEFAULT_GRID = (
    (1_000, 10_000, 1), (10_000, 10_000, 1), (100_000, 10_000, 1), (1_000_000, 10_000, 1),
    (1_000, 100_000, 1), (1_000, 1_000_000, 1),
    (10_000, 10_000, 3), (10_000, 10_000, 10),
    (100_000, 100_000, 1),
)
QUICK_GRID = ((1_000, 2_000, 1), (5_000, 2_000, 1), (1_000, 4_000, 1), (1_000, 2_000, 2))
NATIONAL_TRIALS = 4_000
TARGET_SPEED, TARGET_MEMORY, TARGET_FLAT, TARGET_TRIALS_MEMORY = 5.0, 0.1, 2.0, 1.25


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def overrides(members: int, trials: int, years: int) -> list[str]:
    total = sum(SEGMENT_MEMBERS.values())
    non_asn = round(members * SEGMENT_MEMBERS["non_asn"] / total)
    return [f"segments.non_asn.members={non_asn}", f"segments.vulnerable.members={members - non_asn}",
            f"scenario.horizon_months={12 * years}", f"scenario.trials={trials}"]


def run_case(members: int, trials: int, years: int, repeat: int = 1) -> dict:
    """One grid case in this process: forecast's steps, timed apart (same calls as sim.forecast.forecast). The
    simulation and aggregation run ``repeat`` times, each into a fresh Aggregator, and the fastest is kept (a
    busy machine only ever slows a run down); peak memory is that of one run, as every run frees the last's."""
    sys.path.insert(0, str(ROOT))
    from sim.allocator import keep_freed_memory
    from sim.backend import LocalBackend
    from sim.closed_form import expected
    from sim.engine import _tables_of, chunks
    from sim.forecast import DEFAULT_CHUNK_TRIALS
    from sim.population import build_model
    from sim.results import Aggregator
    from sim.scenario import load_scenario

    keep_freed_memory()  # as the command line does (sim/allocator.py)
    imported = _rss_mb()
    scenario = load_scenario(SCENARIO, overrides(members, trials, years))
    t0 = time.perf_counter()
    model = build_model(scenario)
    closed = expected(model)
    _tables_of(model)  # the engine's per-model look-up tables: setup, like the model (the first chunk would build them)
    setup_s = time.perf_counter() - t0

    def one_run() -> tuple[float, float, int]:
        # A function, so that nothing of a run (its last chunk's results) is still held when the next one starts.
        with Aggregator(model, closed, trials, None) as agg:
            t1 = time.perf_counter()
            with LocalBackend() as backend:
                for results in backend.run(model, chunks(trials, DEFAULT_CHUNK_TRIALS)):
                    for result in results:
                        agg.add(result)
            t2 = time.perf_counter()
            agg.summary()
            return t2 - t1, time.perf_counter() - t2, agg.simulated_events

    runs = [one_run() for _ in range(repeat)]
    engine_s, summary_s, events = min(runs)
    return {"members": members, "trials": trials, "years": years, "events": events, "setup_s": setup_s,
            "engine_s": engine_s, "summary_s": summary_s, "imported_mb": imported, "repeat": repeat}


def engine_floor(quick: bool) -> list[dict]:
    """(a): ``benchmarks/engine.py`` (the engine against a plain-NumPy floor drawing the same random numbers), run
    as its own command so its processes and tables are exactly those of ``./workbench bench``; its table is
    printed as it comes and its measurements returned."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "engine.json"
        done = subprocess.run([sys.executable, str(HERE / "engine.py"), *(["--quick"] if quick else []),
                               "--json", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=7200)
        if done.returncode != 0:
            raise RuntimeError(f"benchmarks/engine.py failed:\n{done.stderr}")
        print(done.stdout.rstrip(), flush=True)
        return json.loads(out.read_text())["cases"]


def cost_model(quick: bool) -> dict:
    """Split the engine's time into a part per block, per trial and per event (least squares over blocks of 250 to
    2,000 trials at 1,000 to 8,000 members, one year, fastest of 3 runs of 10 blocks each, simulated in one pass as
    ``simulate_chunk`` does for blocks this small): why small populations cost more per claim. Blocks of other than
    1,000 trials are used here only to separate the per-trial part."""
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from sim.engine import Block, _tables_of, simulate_blocks
    from sim.population import build_model
    from sim.results import block_totals
    from sim.scenario import load_scenario

    rows = []
    sizes = ((1_000, 2_000), (250, 1_000)) if quick else ((1_000, 2_000, 4_000, 8_000), (250, 500, 1_000, 2_000))
    for members in sizes[0]:
        model = build_model(load_scenario(SCENARIO, overrides(members, 1_000, 1)))
        tabs = _tables_of(model)
        for trials in sizes[1]:
            best, events = math.inf, 0
            for _ in range(1 if quick else 3):
                start, events = time.perf_counter(), 0
                for result in simulate_blocks(model, [Block(i, i * trials, trials) for i in range(10)], tabs):
                    block_totals(result)
                    events += result.simulated_events
                best = min(best, (time.perf_counter() - start) / 10)
            rows.append((trials, events / 10, best))
    a = np.array([[1.0, t, e] for t, e, _ in rows])
    block_s, trial_s, event_s = np.linalg.lstsq(a, np.array([r[2] for r in rows]), rcond=None)[0]
    return {"block_us": block_s * 1e6, "trial_ns": trial_s * 1e9, "event_ns": event_s * 1e9,
            "events_per_trial_1k_members": float(np.mean([e / t for t, e, _ in rows[: len(sizes[1])]])),
            "floor_ns": floor_per_claim(quick), **stage_costs(quick)}


# Stages of the engine timed by switching the later ones off (the work left out is replaced by nothing): the
# events alone (trial counts, places, accident cases), then with the scholarships, then the whole engine with the
# per-trial sums and the block totals. A diagnostic of where time per claim stops being flat, not a mode of the
# engine: the switched-off runs compute no payments.
STAGES = ("events only", "+ scholarships", "+ sums (whole engine)")


@contextlib.contextmanager
def _without(stage: int):
    from sim import engine

    saved = engine._scholarships, engine._Collector._sum
    if stage < 1:
        engine._scholarships = lambda *args: None
    if stage < 2:
        engine._Collector._sum = lambda self, *args: None
    try:
        yield
    finally:
        engine._scholarships, engine._Collector._sum = saved


@contextlib.contextmanager
def _counts_replayed():
    """Every trial's Poisson counts, drawn for real on the first run and then handed back, call by call, instead of
    drawn: the engine as it would run if its counts cost nothing (the ceiling of any cheaper count scheme). The
    streams then skip the counts' uniforms, so later draws differ, but every run has the same number of events.
    Yields a function that starts the next replay."""
    from sim import streams

    real, recorded, at = streams.Draws.poisson, [], [None]

    def poisson(self, lam):
        if at[0] is None:
            recorded.append(real(self, lam))
            return recorded[-1]
        at[0] += 1
        return recorded[at[0] - 1]

    def replay():
        at[0] = 0

    streams.Draws.poisson = poisson
    try:
        yield replay
    finally:
        streams.Draws.poisson = real


def _ns_per_claim(model, passes: list, stage: int, runs: int, free_counts: bool = False) -> float:
    """Fastest of ``runs`` simulations of ``passes`` (lists of blocks simulated together), with the stages after
    ``stage`` switched off: nanoseconds a simulated claim. ``free_counts``: an untimed first run draws the counts,
    the timed runs replay them (:func:`_counts_replayed`)."""
    from sim.engine import _tables_of, simulate_blocks
    from sim.results import block_totals

    tabs, best = _tables_of(model), math.inf
    with _without(stage), (_counts_replayed() if free_counts else contextlib.nullcontext()) as replay:
        if free_counts:
            for blocks in passes:
                simulate_blocks(model, blocks, tabs)
        for _ in range(runs):
            if free_counts:
                replay()
            start, events = time.perf_counter(), 0
            for blocks in passes:
                for result in simulate_blocks(model, blocks, tabs):
                    if stage == 2:
                        block_totals(result)
                    events += result.simulated_events
            best = min(best, (time.perf_counter() - start) / events * 1e9)
    return best


def stage_costs(quick: bool) -> dict:
    """Nanoseconds a claim of each of :data:`STAGES` at a small and a large population (one year, blocks of
    1,000 trials in chunks of 10,000 as a forecast runs them, fastest of 3): which part of the engine is not flat.
    Then the whole engine at the small population with larger blocks (one set of streams per 10,000 or 100,000
    trials; not a mode of the engine, whose blocks always hold 1,000): what the per-block work costs there. Last,
    each of those with the trials' Poisson counts free (:func:`_counts_replayed`): what is left when both parts a
    new random scheme could change, the count draws and the per-block streams, cost nothing."""
    sys.path.insert(0, str(ROOT))
    from sim.allocator import keep_freed_memory
    from sim.engine import Block, _tables_of, batches, chunks
    from sim.population import build_model
    from sim.scenario import load_scenario

    keep_freed_memory()  # as a forecast runs (sim/allocator.py): no fresh page faults for every block's arrays
    runs = 1 if quick else 3
    sizes = ((1_000, 10_000), (100_000, 1_000)) if quick else ((1_000, 100_000), (1_000_000, 2_000))
    out = {"stages": {}, "block_trials": {}, "free_counts": {}}
    for members, trials in sizes:
        model = build_model(load_scenario(SCENARIO, overrides(members, trials, 1)))
        as_run = [batch for chunk in chunks(trials, 10_000) for batch in batches(model, chunk, _tables_of(model))]
        for stage, name in enumerate(STAGES):
            out["stages"].setdefault(name, {})[members] = _ns_per_claim(model, as_run, stage, runs)
        if members == sizes[0][0]:
            for size in sorted({10_000, trials}):  # --quick: 10,000 trials in all, one larger block
                passes = [[Block(i, i * size, size)] for i in range(trials // size)]
                out["block_trials"][size] = _ns_per_claim(model, passes, 2, runs)
                out["free_counts"][size] = _ns_per_claim(model, passes, 2, runs, free_counts=True)
            out["free_counts"][1_000] = _ns_per_claim(model, as_run, 2, runs, free_counts=True)
    out["block_trials"][1_000] = out["stages"][STAGES[2]][sizes[0][0]]
    out["whole_large"] = out["stages"][STAGES[2]][sizes[1][0]]
    return out


def floor_per_claim(quick: bool) -> dict:
    """The plain-NumPy floor of ``benchmarks/engine.py`` (the engine's random numbers, drawn and summed per trial,
    no rules) per simulated claim at 1,000 and at 100,000 members, one year, 1,000,000 events or more each,
    fastest of 2: how flat the time per claim could be with this random scheme, whatever the engine does."""
    import engine as engine_benchmark  # benchmarks/engine.py

    out = {}
    for members, trials in ((1_000, 10_000 if quick else 100_000), (100_000, 1_000 if quick else 10_000)):
        runs = [engine_benchmark.run_floor(12, trials, 10_000, tuple(overrides(members, trials, 1)))
                for _ in range(1 if quick else 2)]
        best = min(runs, key=lambda r: r["seconds"])
        out[members] = best["seconds"] / best["events"] * 1e9
    return out


def measure_case(members: int, trials: int, years: int, repeat: int = 1) -> dict:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--run-case", f"{members},{trials},{years},{repeat}"],
        capture_output=True, text=True, cwd=ROOT, timeout=7200,
    )
    if done.returncode != 0:
        raise RuntimeError(f"case {members},{trials},{years} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def events_per_member_year() -> float:
    """Expected events per member-year of madiun-2025 (closed form), to estimate a case's size before running it."""
    sys.path.insert(0, str(ROOT))
    from sim.benefits import CLAIM_EVENT_BENEFITS, INDEX
    from sim.closed_form import expected
    from sim.population import build_model
    from sim.scenario import load_scenario

    exp = expected(build_model(load_scenario(SCENARIO, overrides(sum(SEGMENT_MEMBERS.values()), 1, 1))))
    events = exp.counts[..., [INDEX[b] for b in CLAIM_EVENT_BENEFITS]].sum()
    return float(events / sum(SEGMENT_MEMBERS.values()))


def grid(full: bool, quick: bool, max_events: float, repeat: int = 1) -> tuple[list[dict], list[tuple]]:
    if quick:
        cases = list(QUICK_GRID)
    elif full:
        cases = list(itertools.product(MEMBERS, TRIALS, YEARS))
    else:
        cases = list(DEFAULT_GRID)
    rate = events_per_member_year()
    rows, skipped = [], []
    for members, trials, years in cases:
        estimate = rate * members * trials * years
        if estimate > max_events:
            skipped.append((members, trials, years, estimate))
            continue
        rows.append(measure_case(members, trials, years, repeat))
        print(_grid_line(rows[-1]), flush=True)
    return rows, skipped


GRID_HEADER = (f"{'members':>9} {'trials':>9} {'years':>5} {'events':>13} {'setup s':>8} {'engine s':>9} "
               f"{'summary s':>9} {'ns/claim':>9} {'peak MB':>8}")


def _grid_line(r: dict) -> str:
    return (f"{r['members']:>9,} {r['trials']:>9,} {r['years']:>5} {r['events']:>13,} {r['setup_s']:>8.2f} "
            f"{r['engine_s']:>9.2f} {r['summary_s']:>9.2f} {ns_per_claim(r):>9.0f} {r['peak_mb']:>8.0f}")


def ns_per_claim(r: dict) -> float:
    return r["engine_s"] / max(r["events"], 1) * 1e9


def national(trials: int) -> list[dict]:
    """national-2025 on the local backend and on Dask with 1 and 2 workers; same numbers checked."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in (("local", ["--backend", "local"]), ("dask, 1 worker", ["--backend", "dask", "--workers", "1"]),
                             ("dask, 2 workers", ["--backend", "dask", "--workers", "2"])):
            out = Path(tmp) / label.replace(" ", "").replace(",", "-")
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "sim", "run", "national-2025", "--trials", str(trials), "--chunk-trials", "1000",
                 "--no-trials-table", "--quiet", "--out", str(out), *extra],
                capture_output=True, text=True, cwd=ROOT, timeout=7200,
            )
            process_s = time.perf_counter() - start
            if done.returncode != 0:
                raise RuntimeError(f"national run {label} failed:\n{done.stderr}")
            summary = json.loads((out / "summary.json").read_text())
            rows.append({"run": label, "trials": trials, "events": summary["simulated_events"],
                         "wall_s": summary["run"]["wall_seconds"], "process_s": process_s,
                         "peak_mb": summary["run"]["peak_rss_mb"],
                         "worker_peak_mb": summary["run"].get("worker_peak_rss_mb", []),
                         "periods": summary["periods"]})
            print(_national_line(rows[-1], rows[0]), flush=True)
    for r in rows:
        r["identical_to_local"] = r["periods"] == rows[0]["periods"]
    for r in rows:
        del r["periods"]
    return rows


NATIONAL_HEADER = f"{'run':<16} {'trials':>7} {'events':>13} {'wall s':>8} {'speed-up':>8} {'peak MB':>8} {'workers MB':>14}"


def _national_line(r: dict, local: dict) -> str:
    workers = ", ".join(f"{m:,.0f}" for m in r["worker_peak_mb"]) or "-"
    return (f"{r['run']:<16} {r['trials']:>7,} {r['events']:>13,} {r['wall_s']:>8.1f} {local['wall_s'] / r['wall_s']:>8.2f} "
            f"{r['peak_mb']:>8,.0f} {workers:>14}")


def targets(engine_rows: list[dict], peer_rows: list[dict], grid_rows: list[dict], national_rows: list[dict]) -> list[tuple]:
    """(target, measured, met) rows; a target that was not measured in this run says so."""
    out = []
    for r in engine_rows:  # issue 6 sets no target for (a); the foundation issue's was 3x
        ratio = r["engine"]["seconds"] / r["floor"]["seconds"]
        out.append((f"(a) engine / plain-NumPy floor, {r['case']}, {r['trials']:,} trials (reported)", f"{ratio:.2f}",
                    None))
    by_tool = {r["tool"]: r for r in peer_rows if "error" not in r}
    if "ours" in by_tool and "gemact" in by_tool:
        speed = by_tool["gemact"]["seconds"] / by_tool["ours"]["seconds"]
        memory = by_tool["ours"]["peak_mb"] / by_tool["gemact"]["peak_mb"]
        out.append((f"GEMAct MC time / ours >= {TARGET_SPEED:g}", f"{speed:.2f}", speed >= TARGET_SPEED))
        out.append((f"ours peak memory / GEMAct MC's <= {TARGET_MEMORY:g}", f"{memory:.3f}", memory <= TARGET_MEMORY))
    else:
        why = "; ".join(r["error"] for r in peer_rows if "error" in r) or "skipped (--no-peers)"
        out.append(("engine vs GEMAct MC", "not measured", None))
        out.append((f"  why: {why}"[:72], "", None))
    if grid_rows:
        per_claim = [ns_per_claim(r) for r in grid_rows]
        flat = max(per_claim) / min(per_claim)
        out.append((f"time per claim, slowest / fastest case <= {TARGET_FLAT:g}", f"{flat:.2f}", flat <= TARGET_FLAT))
        for members, years in sorted({(r["members"], r["years"]) for r in grid_rows}):
            same = sorted((r for r in grid_rows if (r["members"], r["years"]) == (members, years)), key=lambda r: r["trials"])
            if len(same) > 1:
                ratio = same[-1]["peak_mb"] / same[0]["peak_mb"]
                out.append((f"peak memory at {same[-1]['trials']:,} / {same[0]['trials']:,} trials ({members:,} members, "
                            f"{years} y) <= {TARGET_TRIALS_MEMORY:g}", f"{ratio:.2f}", ratio <= TARGET_TRIALS_MEMORY))
    if national_rows:
        local = national_rows[0]["wall_s"]
        for r in national_rows[1:]:
            out.append((f"national-2025 speed-up, {r['run']} (reported, no target)", f"{local / r['wall_s']:.2f}", None))
        same = all(r["identical_to_local"] for r in national_rows)
        out.append(("national-2025: Dask results identical to local", "yes" if same else "NO", same))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke check in well under a minute")
    parser.add_argument("--full", action="store_true", help="the whole 4 x 3 x 3 grid (up to --max-events per case)")
    parser.add_argument("--max-events", type=float, default=2e9,
                        help="skip grid cases with more expected events than this (default 2e9, about 4 minutes each)")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer comparison")
    parser.add_argument("--no-grid", action="store_true", help="skip the scaling grid")
    parser.add_argument("--no-engine", action="store_true", help="skip (a), the engine against the plain-NumPy floor")
    parser.add_argument("--peer-years", type=int, help=f"simulated years for the peers (default {peers.YEARS:,})")
    parser.add_argument("--national", action="store_true", help="also time national-2025 on local and Dask backends")
    parser.add_argument("--national-trials", type=int, default=NATIONAL_TRIALS)
    parser.add_argument("--cost-model", action="store_true",
                        help="also split the engine's time into parts per block, per trial and per event, "
                             "into stages (events only, + scholarships, + sums), and time it with larger blocks "
                             "and with the trials' Poisson counts free")
    parser.add_argument("--repeat", type=int, default=3,
                        help="run each grid case's simulation this many times in its process, keep the fastest "
                             "(default 3; 1 with --quick)")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--run-case", help=argparse.SUPPRESS)  # internal: MEMBERS,TRIALS,YEARS in this process
    args = parser.parse_args(argv)
    if args.run_case:
        result = run_case(*map(int, args.run_case.split(",")))
        result["peak_mb"] = _rss_mb()
        print(json.dumps(result))
        return 0

    # Timings mean little on a busy machine: say how busy it was, at the start and at the end.
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    engine_rows = []
    if not args.no_engine:
        print("== (a) engine vs plain-NumPy floor drawing the same random numbers (benchmarks/engine.py)")
        engine_rows = engine_floor(args.quick)
        print()
    peer_rows = []
    if not args.no_peers:
        years = args.peer_years or (20_000 if args.quick else peers.YEARS)
        print(f"== (b) peers: compound Poisson, {peers.CLAIMS_PER_YEAR} claims a year, lognormal mean Rp40 m CV "
              f"{peers.SEVERITY_CV}, {years:,} simulated years, 99.5 % quantile (each tool in a fresh process)")
        peer_rows = peers.measure_all(years)
        print(peers.table(peer_rows), flush=True)
    grid_rows, skipped = [], []
    if not args.no_grid:
        print(f"\n== (c) scaling grid: {SCENARIO}, time per simulated claim and peak memory (each case in a fresh process; "
              f"fastest of {1 if args.quick else max(args.repeat, 1)} runs)")
        print(GRID_HEADER, flush=True)
        grid_rows, skipped = grid(args.full, args.quick, args.max_events, 1 if args.quick else max(args.repeat, 1))
        for members, trials, years, estimate in skipped:
            print(f"{members:>9,} {trials:>9,} {years:>5} skipped: about {estimate:,.0f} events (> --max-events)")
    national_rows = []
    if args.national:
        trials = 2_000 if args.quick else args.national_trials
        print(f"\n== national-2025 (514 segments), {trials:,} trials, local and Dask backends")
        print(NATIONAL_HEADER, flush=True)
        national_rows = national(trials)
    costs = None
    if args.cost_model:
        costs = cost_model(args.quick)
        per_trial = costs["events_per_trial_1k_members"]
        shares = (costs["event_ns"], costs["trial_ns"] / per_trial, costs["block_us"] * 1e3 / (1_000 * per_trial))
        print(f"\n== cost model ({SCENARIO}, one year, blocks of 250-2,000 trials at 1,000-8,000 members)\n"
              f"  {costs['block_us']:,.0f} us a block + {costs['trial_ns']:,.0f} ns a trial + {costs['event_ns']:.0f} ns "
              f"an event\n  at 1,000 members ({per_trial:.1f} events a trial, blocks of 1,000 trials) a claim costs "
              f"{shares[0]:.0f} + {shares[1]:.0f} (per trial) + {shares[2]:.0f} (per block) = {sum(shares):.0f} ns\n"
              f"  the plain-NumPy floor (same random numbers, summed per trial, no rules): "
              f"{costs['floor_ns'][1_000]:.0f} ns a claim at 1,000 members, {costs['floor_ns'][100_000]:.0f} at "
              f"100,000 ({costs['floor_ns'][1_000] / costs['floor_ns'][100_000]:.2f}x)", flush=True)
        print("  by stage, later stages switched off (ns a claim, small / large members, ratio):")
        for name, by_members in costs["stages"].items():
            (small, a), (large, b) = by_members.items()
            print(f"    {name:<22} {a:>6.0f} at {small:,} {b:>6.0f} at {large:,} {a / b:>6.2f}x", flush=True)
        by_size = sorted(costs["block_trials"].items())
        sizes = " / ".join(f"{n:,}" for n, _ in by_size)
        times = " / ".join(f"{ns:.0f}" for _, ns in by_size)
        print(f"  whole engine at {small:,} members with one set of streams per {sizes} trials (the engine's "
              f"blocks hold 1,000): {times} ns a claim", flush=True)
        free = " / ".join(f"{ns:.0f}" for _, ns in sorted(costs["free_counts"].items()))
        worst = min(costs["free_counts"].values()) / costs["whole_large"]
        print(f"  the same with the trials' Poisson counts free (drawn beforehand): {free} ns a claim; the best is "
              f"{worst:.2f}x the whole engine at {large:,} members (the ceiling of a new count and block scheme)",
              flush=True)
    print("\n== targets (issue 6), measured in this run")
    for name, measured, met in targets(engine_rows, peer_rows, grid_rows, national_rows):
        verdict = "-" if met is None else ("met" if met else "NOT met")
        print(f"  {name:<72} {measured:>10}  {verdict}")
    print(f"load average at end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if args.json:
        args.json.write_text(json.dumps({"engine": engine_rows, "peers": peer_rows, "grid": grid_rows, "skipped": skipped,
                                         "national": national_rows, "cost_model": costs}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
