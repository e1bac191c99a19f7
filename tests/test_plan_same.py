"""benchmarks/plan_same.py, the check that a change made for speed leaves sim plan's outputs byte for byte the same:
it finds a difference where there is one, ignores what two runs of the same code differ in, and runs end to end."""

import json
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from plan_same import differences  # noqa: E402


def folder(path, summary: dict, files: dict):
    path.mkdir()
    (path / "summary.json").write_text(json.dumps(summary))
    for name, text in files.items():
        (path / name).write_text(text)
    return path


def test_differences_are_found_and_run_details_are_not(tmp_path):
    """A number changed in a CSV or in summary.json, and a file only one side wrote, are named; the run's times,
    the commit and the folder of the scenario files (which differ between two checkouts) are not."""
    summary = {"trials": 100, "run": {"wall_seconds": 1.0}, "provenance": {"git_commit": "abc", "scenario_files": [
        "/a/scenarios/x.toml"]}}
    again = {"trials": 100, "run": {"wall_seconds": 2.5}, "provenance": {"git_commit": "def", "scenario_files": [
        "/b/scenarios/x.toml"]}}
    a = folder(tmp_path / "a", summary, {"plan.json": "1.0", "tornado.csv": "x\n"})
    assert differences(a, folder(tmp_path / "b", again, {"plan.json": "1.0", "tornado.csv": "x\n"})) == []
    c = folder(tmp_path / "c", {**again, "trials": 101}, {"plan.json": "1.0000001", "other.csv": ""})
    assert differences(a, c) == ["only in one: other.csv", "only in one: tornado.csv", "plan.json", "summary.json"]


def test_the_same_code_twice_gives_the_same_outputs():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "plan_same.py"), str(ROOT), str(ROOT),
                           "--scenarios", "jambi-2025-pipeline", "--trials", "200"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("SAME: 8 files in 1 scenario folder and"), done.stdout
