"""The exact-method benchmark (benchmarks/exact.py) runs end to end against the peer packages it finds.

A smoke check only: no timing or verdict is asserted. The peers (aggregate, gemact) are installed for benchmarking
only (`./workbench bench-exact`), never as project dependencies, so without them this test is skipped.
"""

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT

PEERS = [name for name in ("aggregate", "gemact") if importlib.util.find_spec(name) is not None]


@pytest.mark.skipif(not PEERS, reason="neither peer package (aggregate, gemact) is installed; "
                    "./workbench bench-exact installs them into .venv for benchmarking")
def test_exact_benchmark_runs_and_prints_its_table():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "exact.py"), "--quick", "--repeat", "1"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    header = next((line for line in lines if line.startswith("model")), None)
    assert header is not None, done.stdout
    for column in ("method", "points", "span", "seconds", "ours/peer", "mean err", "CV err", "p99.5 err"):
        assert column in header
    methods = [line.split()[1] for line in lines if line.startswith("jambi-2025 ")]
    assert methods[0] == "ours" and set(PEERS) <= set(methods), done.stdout
    verdicts = [line for line in lines if line.startswith("verdict jambi-2025 vs ")]
    assert len(verdicts) == len(PEERS), done.stdout
    assert all("time ratio" in line for line in verdicts), done.stdout
