"""The engine benchmark (benchmarks/engine.py) runs end to end. A smoke check only: no timing is asserted."""

import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_and_prints_its_table():
    script = ROOT / "benchmarks" / "engine.py"
    done = subprocess.run(
        [sys.executable, str(script), "--quick", "--trials", "2000"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next((line for line in lines if line.startswith("case")), None)
    assert header is not None, done.stdout
    for column in ("trials", "months", "events", "engine s", "floor s", "ratio", "events/s", "peak MB"):
        assert column in header
    rows = [line.split() for line in lines if line.startswith(("12 months", "60 months"))]
    assert [(r[0], r[2]) for r in rows] == [("12", "2,000"), ("60", "2,000")], done.stdout
