"""Whether two copies of the code give the same ``sim plan`` outputs, byte for byte: for a change meant to make the
command faster and change nothing else.

    .venv/bin/python benchmarks/plan_same.py OLD_DIR NEW_DIR               # five scenarios, 10,000 trials, seed 7
    .venv/bin/python benchmarks/plan_same.py OLD_DIR NEW_DIR --trials 500  # quicker

``OLD_DIR`` and ``NEW_DIR`` are two checkouts (a ``git worktree`` of the commit before, and this one). For every
scenario, ``python -m sim plan SCENARIO --trials N --seed S --out ...`` runs from each folder (``-m`` takes the code of
the folder it runs in), and every file written is compared byte for byte, with the terminal text (stdout and stderr,
the output folder's name replaced). ``summary.json`` is compared as data without what differs between two runs of
the same code: ``run`` (times, peak memory), ``provenance.git_commit`` and the scenario files' folder. Prints one
line per difference and ``SAME`` or ``DIFFERENT``; exits 1 when anything differs. It also prints each command's wall
and CPU seconds, which on a shared machine are no benchmark (``benchmarks/plan.py`` is).
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

SCENARIOS = ("jambi-2025-pipeline", "pekalongan-2023-expansion", "madiun-2026-ucj", "madiun-2026-ucj-csr",
             "madiun-2023-target")


def run_plan(code: Path, scenario: str, trials: int, seed: int, out: Path, extra: list) -> tuple[str, float, float]:
    """(terminal text with the output folder replaced, wall s, CPU s) of ``sim plan`` run from ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sim", "plan", scenario, "--trials", str(trials), "--seed",
                           str(seed), "--out", str(out), *extra], cwd=code, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(code)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    text = f"exit {done.returncode}\n{done.stdout}\n--- stderr\n{done.stderr}".replace(str(out), "OUT")
    return text, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _summary(path: Path) -> dict:
    """summary.json without what two runs of the same code differ in."""
    data = json.loads(path.read_text())
    data.pop("run", None)
    provenance = data.get("provenance", {})
    provenance.pop("git_commit", None)
    provenance["scenario_files"] = [Path(p).name for p in provenance.get("scenario_files", [])]
    return data


def differences(a: Path, b: Path) -> list[str]:
    """The files of two output folders that differ (byte for byte; ``summary.json`` as :func:`_summary`), or that
    only one of them has."""
    names_a = {p.name for p in a.iterdir()}
    names_b = {p.name for p in b.iterdir()}
    out = [f"only in one: {name}" for name in sorted(names_a ^ names_b)]
    for name in sorted(names_a & names_b):
        same = (_summary(a / name) == _summary(b / name) if name == "summary.json"
                else (a / name).read_bytes() == (b / name).read_bytes())
        if not same:
            out.append(name)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Compare sim plan's outputs of two copies of the code.")
    parser.add_argument("old", type=Path, help="the folder of the code before")
    parser.add_argument("new", type=Path, help="the folder of the code after")
    parser.add_argument("--scenarios", help=f"comma-separated scenario ids (default: {', '.join(SCENARIOS)})")
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="passed to sim plan")
    args = parser.parse_args(argv)
    scenarios = args.scenarios.split(",") if args.scenarios else SCENARIOS
    extra = [x for kv in args.set for x in ("--set", kv)]
    found, files = [], 0
    with tempfile.TemporaryDirectory(prefix="plan-same-") as tmp:
        for scenario in scenarios:
            outs, texts = [], []
            for side, code in (("old", args.old), ("new", args.new)):
                out = Path(tmp) / side / scenario
                text, wall, cpu = run_plan(code.resolve(), scenario, args.trials, args.seed, out, extra)
                outs.append(out)
                texts.append(text)
                print(f"{scenario:<26} {side}: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
            if texts[0] != texts[1]:
                found.append(f"{scenario}: terminal text")
            if all(o.is_dir() for o in outs):
                files += sum(1 for _ in outs[0].iterdir())
                found += [f"{scenario}: {d}" for d in differences(*outs)]
            elif any(o.is_dir() for o in outs):
                found.append(f"{scenario}: only one side wrote its folder")
    for line in found:
        print("DIFFERENT", line)
    folders = f"{len(scenarios)} scenario folder{'s' if len(scenarios) != 1 else ''}"
    print(f"{'DIFFERENT' if found else 'SAME'}: {files} files in {folders} and the terminal text, {args.trials:,} "
          f"trials, seed {args.seed}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
