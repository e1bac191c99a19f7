"""``sim plan`` benchmark: the planning command against the forecast it starts from, per planning scenario.

    .venv/bin/python benchmarks/plan.py                   # the four shipped planning scenarios, 10,000 trials
    .venv/bin/python benchmarks/plan.py --repeat 2        # the fastest of two runs of each (a busy machine)
    .venv/bin/python benchmarks/plan.py --quick           # jambi-2025-pipeline at 1,000 trials: a smoke check

Each command runs as the user runs it, ``python -m sim ... --quiet`` in a fresh process (the imports counted), from
the checkout this file is in (its parent folder, also the child's PYTHONPATH), so that it times that checkout's code:

- run: ``sim run SCENARIO --no-trials-table``, the forecast alone (the model, its projection and the trials): the
  baseline, measured in the same minutes as the others;
- plan: ``sim plan SCENARIO``, what a budget planner waits for (the forecast, the budget answers, the tornado);
- no tornado: ``sim plan SCENARIO --no-tornado``; plan minus it is the tornado's time.

Times are wall seconds and CPU seconds (user + system, ``getrusage`` of the child); on a machine shared with other
work the CPU seconds are the steadier figure. ``ratio`` is plan CPU / run CPU: what the planning adds to the
forecast, whatever the machine's speed. Nothing here asserts on timings (``tests/test_plan_benchmark.py`` only
checks that ``--quick`` runs and prints its table).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ("jambi-2025-pipeline", "pekalongan-2023-expansion", "madiun-2026-ucj", "madiun-2026-ucj-csr")
DEFAULT_TRIALS = 10_000  # the CLI's default for these scenarios
QUICK = (("jambi-2025-pipeline",), 1_000)
SEED = 20251229
COMMANDS = {"run": ("run", "--no-trials-table"), "plan": ("plan",), "no tornado": ("plan", "--no-tornado")}
HEADER = (f"{'scenario':<26} {'trials':>7} {'run s':>13} {'plan s':>13} {'no tornado s':>13} {'tornado':>8} "
          f"{'ratio':>6}")


def timed(args: list, out: Path) -> tuple[float, float]:
    """(wall s, CPU s) of ``python -m sim ARGS`` in a fresh process, from this checkout's code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sim", *args, "--out", str(out), "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"python -m sim {' '.join(args)} failed: {done.stderr.strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(scenario: str, trials: int, repeat: int, out: Path) -> dict:
    """The fastest of ``repeat`` runs of each command (wall and CPU each their own fastest), the commands taken in
    turn within each repeat so that they meet the same load."""
    best = {name: [float("inf"), float("inf")] for name in COMMANDS}
    for _ in range(repeat):
        for name, command in COMMANDS.items():
            wall, cpu = timed([command[0], scenario, "--trials", str(trials), "--seed", str(SEED), *command[1:]],
                              out / name.replace(" ", "-"))
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    times = {name: {"wall_s": wall, "cpu_s": cpu} for name, (wall, cpu) in best.items()}
    return {"scenario": scenario, "trials": trials, **times}


def row(m: dict) -> str:
    def pair(name: str) -> str:
        return f"{m[name]['wall_s']:.1f} / {m[name]['cpu_s']:.1f}"

    tornado = m["plan"]["cpu_s"] - m["no tornado"]["cpu_s"]
    return (f"{m['scenario']:<26} {m['trials']:>7,} {pair('run'):>13} {pair('plan'):>13} {pair('no tornado'):>13} "
            f"{tornado:>8.1f} {m['plan']['cpu_s'] / m['run']['cpu_s']:>6.1f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark sim plan against the forecast it starts from.")
    parser.add_argument("--scenarios", help=f"comma-separated scenario ids (default: {', '.join(SCENARIOS)})")
    parser.add_argument("--trials", type=int, help=f"trials (default {DEFAULT_TRIALS:,})")
    parser.add_argument("--repeat", type=int, default=1, help="measure each command N times, keep the fastest")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK[0][0]} at {QUICK[1]:,} trials: a smoke check")
    parser.add_argument("--json", type=Path, help="also write the measurements to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    scenarios, trials = QUICK if args.quick else (SCENARIOS, DEFAULT_TRIALS)
    scenarios = tuple(args.scenarios.split(",")) if args.scenarios else scenarios
    trials = args.trials or trials
    print(f"sim plan against sim run, fresh process per command, seed {SEED}, fastest of {args.repeat}; "
          "wall s / CPU s; tornado: plan CPU - no tornado CPU; ratio: plan CPU / run CPU")
    print(HEADER)
    results = []
    with tempfile.TemporaryDirectory(prefix="plan-bench-") as tmp:
        for scenario in scenarios:
            results.append(measure(scenario, trials, args.repeat, Path(tmp) / scenario))
            print(row(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"repeat": args.repeat, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
