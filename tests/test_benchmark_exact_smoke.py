"""The exact-method benchmark (benchmarks/exact.py) runs end to end against the peer packages it finds.

A smoke check only: no timing or verdict is asserted. The peers (aggregate, gemact) are installed for benchmarking
only (`./workbench bench-exact`), never as project dependencies, so without them the end-to-end test is skipped;
the benchmark's own part (its model, our FFT rows against the closed form, the exit without peers) is tested always.
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


# --- Without the peers: everything of the benchmark that is ours --------------------------------------------------
# The peers are optional, so the test above usually skips; these run always. They check the benchmark's model
# (the compound Poisson it hands the peers), our two FFT rows against the closed form and the fine-grid reference,
# and what the script does when no peer can be imported.


def _benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_exact", ROOT / "benchmarks" / "exact.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_exact_benchmark_without_peers_measures_ours_against_the_closed_form(capsys):
    from sim import exact

    bench = _benchmark()
    fine = 4
    result = bench.run_model("jambi-2025", [], fine, 1)
    # The compound Poisson the peers would get is the workbench's model: its rate is the exact distribution's.
    model = bench.build_model(bench.load_scenario("jambi-2025", bench.OVERRIDES))
    ours = exact.exact_distribution(model, 0, "fft")
    assert result["poisson_rate"] == pytest.approx(ours.poisson_rate, rel=1e-12)
    assert sum(result["jkm_atoms_idr"].values()) + result["expected_accidents"] == pytest.approx(ours.poisson_rate,
                                                                                                rel=1e-12)
    assert [row["method"] for row in result["rows"]] == ["ours (FFT)", bench.GIVEN]
    h = ours.h
    for row in result["rows"]:
        assert "error" not in row, row
        assert row["span"] == h and row["points"] == ours.points
        # Mean: only the tail beyond the grid and round-off separate it from the closed form (sim.exact's flag
        # threshold). CV: the grid's step may add variance_error_bound of the variance (half that to the sd), and
        # the mean's error divides it.
        assert row["mean_err"] <= exact.MEAN_TOL, row
        assert row["cv_err"] <= ours.variance_error_bound / 2 + exact.MEAN_TOL, row
        # p99.5 against the reference on a grid `fine` times finer: within one step of each grid.
        assert abs(row["p99_5"] - result["reference"]["p99_5"]) <= h + h / fine, (row, result["reference"])
    assert result["reference"]["span"] == h / fine and result["reference"]["peers_on_the_fine_grid"] == {}
    assert bench.verdicts(result) == []  # nothing to compare with
    bench.print_model(result)
    bench.print_table([result])
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("model"))
    for column in ("method", "points", "span", "seconds", "ours/peer", "mean err", "CV err", "p99.5 err"):
        assert column in header
    assert [line.split()[1] for line in lines if line.startswith("jambi-2025 ")] == ["ours", "ours,"]


def test_exact_benchmark_without_peers_exits_2_and_says_how_to_install_them(monkeypatch, capsys):
    bench = _benchmark()
    monkeypatch.setattr(bench, "importable_peers",
                        lambda: ({}, {name: "ModuleNotFoundError: test" for name in bench.PEERS}))
    assert bench.main(["--quick", "--repeat", "1"]) == bench.NO_PEER_EXIT == 2
    out, err = capsys.readouterr()
    for name in bench.PEERS:
        assert f"peer package {name!r} is not importable, skipped" in out
    assert "neither peer package" in err and "./workbench bench-exact" in err
