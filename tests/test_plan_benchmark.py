"""The sim plan benchmark (benchmarks/plan.py) runs end to end. A smoke check only: no timing is asserted."""

import json
import subprocess
import sys

from conftest import ROOT


def test_plan_benchmark_runs_and_prints_its_table(tmp_path):
    script = ROOT / "benchmarks" / "plan.py"
    args = ["--quick", "--trials", "300", "--json", str(tmp_path / "b.json")]
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next((line for line in lines if line.startswith("scenario")), None)
    assert header is not None, done.stdout
    for column in ("trials", "run s", "plan s", "no tornado s", "tornado", "ratio"):
        assert column in header
    rows = [line.split() for line in lines if line.startswith("jambi-2025-pipeline")]
    assert [r[:2] for r in rows] == [["jambi-2025-pipeline", "300"]], done.stdout
    measured = json.loads((tmp_path / "b.json").read_text())["results"][0]
    assert all(measured[c]["cpu_s"] > 0 for c in ("run", "plan", "no tornado"))
