"""Distributed runs: the Dask backend gives the same numbers as the local one; peak memory is reported."""

import io
import json
import pickle
import subprocess
import sys
import time

import pytest

from sim.backend import DaskBackend, LocalBackend, open_backend, worker_model
from sim.cli import format_run, main
from sim.forecast import forecast
from sim.population import build_model
from sim.scenario import ScenarioError, load_scenario

from conftest import ROOT

import distributed  # noqa: F401  a required dependency (pyproject.toml): missing, the tests must fail, not skip


def _run(scenario, backend, **kwargs):
    table = io.StringIO()
    summary = forecast(scenario, chunk_trials=1000, trial_table=table, backend=backend, **kwargs)
    return summary, table.getvalue()


def _results(summary):
    return {k: v for k, v in summary.items() if k != "run"}


def test_dask_backend_gives_the_local_numbers_exactly():
    # Five chunks on two workers with a window of two: chunks finish out of order and must be re-ordered.
    scenario = load_scenario("madiun-2025", ["scenario.trials=5000"])
    local, local_table = _run(scenario, LocalBackend())
    dask, dask_table = _run(scenario, DaskBackend(workers=2, processes=False, window=2))
    assert dask_table == local_table
    assert _results(dask) == _results(local)
    assert dask["run"]["backend"] == "dask" and dask["run"]["worker_threads"] == 2
    assert len(dask["run"]["worker_peak_rss_mb"]) == 2


def test_dask_workers_sending_totals_only_give_the_same_summary():
    # Without a per-trial table the workers send per-trial totals (BlockTotals), not the full arrays.
    scenario = load_scenario("madiun-2025", ["scenario.trials=4000"])
    local = forecast(scenario, chunk_trials=1000, backend=LocalBackend())
    dask = forecast(scenario, chunk_trials=1000, backend=DaskBackend(workers=2, processes=False, window=2))
    assert _results(dask) == _results(local)


def test_adaptive_run_stops_at_the_same_trial_on_dask():
    scenario = load_scenario("jambi-2025")
    local, _ = _run(scenario, LocalBackend(), target_precision=0.08, max_trials=20_000)
    dask, _ = _run(scenario, DaskBackend(workers=2, processes=False), target_precision=0.08, max_trials=20_000)
    assert local["trials"] < 20_000  # the target stopped it early, with chunks still in flight on Dask
    assert _results(dask) == _results(local)


def test_summary_reports_peak_memory_of_the_run():
    summary, _ = _run(load_scenario("jambi-2025", ["scenario.trials=1000"]), None)
    run = summary["run"]
    assert run["backend"] == "local" and run["chunk_trials"] == 1000
    # ru_maxrss of a Python process with numpy and pandas loaded: tens to hundreds of MB, never 0.
    assert 20 < run["peak_rss_mb"] < 100_000
    assert run["wall_seconds"] > 0


def test_cli_dask_run_in_worker_processes_writes_the_same_files(tmp_path):
    args = ["run", "jambi-2025", "--trials", "2000", "--chunk-trials", "1000", "--quiet"]
    assert main(args + ["--out", str(tmp_path / "local")]) == 0
    done = subprocess.run([sys.executable, "-m", "sim", *args, "--out", str(tmp_path / "dask"), "--backend", "dask",
                           "--workers", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "dask" / "trials.csv").read_text() == (tmp_path / "local" / "trials.csv").read_text()
    local = json.loads((tmp_path / "local" / "summary.json").read_text())
    dask = json.loads((tmp_path / "dask" / "summary.json").read_text())
    assert dask["periods"] == local["periods"] and dask["breakdown"] == local["breakdown"]
    assert dask["run"]["worker_processes"] is True


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml")))
def test_every_shipped_scenario_model_pickles_for_the_workers(name):
    # The Dask backend scatters the model to worker processes, so what it sends must pickle.
    model = build_model(load_scenario(name))
    sent = pickle.loads(pickle.dumps(worker_model(model)))
    assert sent.months == model.months and len(sent.segments) == len(model.segments)
    if model.projection is not None:
        # The treasury's record of money spent (year -> bucket -> IDR) pickles too: no lambda inside.
        treasury = pickle.loads(pickle.dumps(model.projection.treasury))
        assert treasury.spent == model.projection.treasury.spent and treasury.spent


def test_cli_dask_run_of_a_funded_pipeline_scenario_gives_the_local_results(tmp_path):
    # [pipeline] and [funding] tables: the model carries a projection (SimPy run, treasury) that once broke pickling.
    args = ["run", "jambi-2025-pipeline", "--trials", "300", "--quiet"]
    assert main(args + ["--out", str(tmp_path / "local")]) == 0
    done = subprocess.run([sys.executable, "-m", "sim", *args, "--out", str(tmp_path / "dask"), "--backend", "dask",
                           "--workers", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "dask" / "trials.csv").read_text() == (tmp_path / "local" / "trials.csv").read_text()
    local = json.loads((tmp_path / "local" / "summary.json").read_text())
    dask = json.loads((tmp_path / "dask" / "summary.json").read_text())
    assert _results(dask) == _results(local)
    assert dask["run"]["backend"] == "dask" and dask["run"]["worker_processes"] is True


def _started(command: list, cwd, log):
    """A Dask process started as a cluster's owner would start it (``dask scheduler`` / ``dask worker``)."""
    return subprocess.Popen([sys.executable, "-m", *command], cwd=cwd, stdout=log, stderr=subprocess.STDOUT)


def _address(file, scheduler, seconds: float = 60.0) -> str:
    """The scheduler's address once it has written its scheduler file (it picks a free port: --port 0)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and scheduler.poll() is None:
        if file.exists() and file.stat().st_size:
            return json.loads(file.read_text())["address"]
        time.sleep(0.2)
    raise AssertionError(f"the Dask scheduler wrote no address within {seconds} s (exit {scheduler.poll()})")


def test_cli_dask_run_on_an_existing_scheduler_gives_the_local_numbers(tmp_path):
    """--scheduler ADDRESS (README, "Distributed runs"): a cluster started apart from the workbench, by `dask
    scheduler` and `dask worker` in processes of their own, as on a province's machines, runs the chunks; the
    files are the local run's."""
    file, log = tmp_path / "scheduler.json", open(tmp_path / "dask.log", "w")
    scheduler = _started(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                          "--scheduler-file", str(file)], tmp_path, log)
    worker = None
    try:
        address = _address(file, scheduler)
        worker = _started(["distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1",
                           "--no-dashboard", "--local-directory", str(tmp_path / "worker")], ROOT, log)
        args = ["run", "jambi-2025", "--trials", "2000", "--chunk-trials", "1000", "--quiet"]
        assert main(args + ["--out", str(tmp_path / "local")]) == 0
        done = subprocess.run([sys.executable, "-m", "sim", *args, "--out", str(tmp_path / "dask"), "--backend",
                               "dask", "--scheduler", address], capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=60)
        log.close()
    assert (tmp_path / "dask" / "trials.csv").read_text() == (tmp_path / "local" / "trials.csv").read_text()
    local = json.loads((tmp_path / "local" / "summary.json").read_text())
    dask = json.loads((tmp_path / "dask" / "summary.json").read_text())
    assert _results(dask) == _results(local)
    assert dask["run"]["backend"] == "dask" and dask["run"]["scheduler"] == address
    assert dask["run"]["worker_threads"] == 1 and len(dask["run"]["worker_peak_rss_mb"]) == 1


@pytest.mark.parametrize("extra, key", [
    (["--backend", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers"),
    (["--workers", "2"], "--backend"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--backend"),
])
def test_inconsistent_backend_options_are_one_line_errors(tmp_path, capsys, extra, key):
    out = tmp_path / "out"
    assert main(["run", "jambi-2025", "--trials", "1000", "--out", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {key}") and err.count("\n") == 1
    assert not out.exists()


def test_unreachable_scheduler_is_a_clear_error():
    backend = DaskBackend("tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(ScenarioError, match="cannot connect to a Dask scheduler"):
        with backend:
            pass


def test_open_backend_names():
    assert isinstance(open_backend("local"), LocalBackend)
    assert isinstance(open_backend("dask", workers=1), DaskBackend)
    with pytest.raises(ScenarioError):
        open_backend("spark")


class _Future:
    """A stand-in for a Dask future: its result is what the task was given, so a test can see where it went."""

    def __init__(self, key: int, task, shared, chunk):
        self.key, self.task, self.shared, self.chunk = key, task, shared, chunk

    def result(self):
        return [("result of", self.chunk)]

    def release(self):
        pass


class _Client:
    """A stand-in for ``distributed.Client`` on two single-threaded workers that records what the backend asks of it:
    what it scatters, every task it submits, and at each submission how many chunks were submitted and not yet handed
    on to the aggregator (``handed`` is counted by the test as it consumes the backend's results)."""

    def __init__(self):
        self.scattered, self.submitted, self.cancelled, self.outstanding, self.handed = [], [], [], [], 0

    def nthreads(self):
        return {"tcp://worker-1": 1, "tcp://worker-2": 1}

    def scatter(self, value, broadcast=False):
        self.scattered.append((value, broadcast))
        return ("scattered", id(value))

    def submit(self, task, shared, chunk, pure=True):
        self.submitted.append(_Future(len(self.submitted), task, shared, chunk))
        self.outstanding.append(len(self.submitted) - self.handed)
        return self.submitted[-1]

    def cancel(self, what):
        self.cancelled.append(what)


class _LastSubmittedFinishesFirst:
    """A stand-in for ``distributed.as_completed`` in which the chunk submitted last always finishes first: the first
    chunk of every window finishes last, so every other result waits on the client for it."""

    def __init__(self):
        self.futures = []

    def add(self, future):
        self.futures.append(future)

    def __iter__(self):
        while self.futures:
            yield self.futures.pop()

    def clear(self):
        self.futures.clear()


@pytest.mark.parametrize("totals_only", [False, True])
def test_dask_backend_sends_the_model_once_and_holds_at_most_a_window_of_chunks(monkeypatch, totals_only):
    """README "Distributed runs": the model is sent to the workers once; chunks go a window at a time (two per worker
    thread) and come back in trial order whatever order they finish in; workers send totals only when asked. The
    window bounds the chunks running and the finished ones waiting for an earlier chunk together, so a slow first
    chunk cannot make the client hold every later chunk's results (the full arrays, with a per-trial table)."""
    from sim.engine import simulate_chunk
    from sim.results import simulate_chunk_totals

    monkeypatch.setattr(distributed, "as_completed", _LastSubmittedFinishesFirst)
    backend, client = DaskBackend(), _Client()
    backend.client = client
    model = build_model(load_scenario("jambi-2025"))
    chunks = [[f"chunk {i}"] for i in range(10)]
    handed = []
    for results in backend.run(model, chunks, totals_only=totals_only):
        handed.append(results)
        client.handed += 1
    assert handed == [[("result of", chunk)] for chunk in chunks]
    assert len(client.scattered) == 1 and client.scattered[0][0] is model  # once,
    assert client.scattered[0][1] is True  # to every worker
    assert all(f.shared == ("scattered", id(model)) for f in client.submitted)
    assert [f.chunk for f in client.submitted] == chunks
    assert {f.task for f in client.submitted} == {simulate_chunk_totals if totals_only else simulate_chunk}
    assert max(client.outstanding) == 2 * 2  # the window is filled, and never exceeded
    assert client.cancelled[-1] == ("scattered", id(model))


def test_a_local_cluster_has_two_single_threaded_workers_by_default():
    """README: `--backend dask` without --workers starts a LocalCluster of 2 single-threaded workers."""
    with DaskBackend(processes=False) as backend:
        assert backend.client.nthreads() and set(backend.client.nthreads().values()) == {1}
        assert backend.describe()["worker_threads"] == 2


class _Recording(LocalBackend):
    """The local backend, recording whether the forecast asked for per-trial totals only."""

    def __init__(self):
        self.asked = []

    def run(self, model, chunks, totals_only=False):
        self.asked.append(totals_only)
        return super().run(model, chunks, totals_only)


def test_workers_are_asked_for_totals_only_unless_the_full_arrays_are_needed():
    """README: Dask workers send back only per-trial totals unless a trials.csv is written (or a caller, such as
    sim plan, wants every block in full)."""
    scenario = load_scenario("jambi-2025", ["scenario.trials=1000"])
    asked = _Recording()
    forecast(scenario, backend=asked, exact_check=False)
    forecast(scenario, backend=asked, trial_table=io.StringIO(), exact_check=False)
    forecast(scenario, backend=asked, on_block=lambda result: None, exact_check=False)
    assert asked.asked == [True, False, False]


def test_sim_run_prints_the_peak_memory_it_records(tmp_path, capsys):
    """Issue 6: "peak memory is reported by the run": summary.json's run.peak_rss_mb, and the line sim run prints."""
    assert main(["run", "jambi-2025", "--trials", "1000", "--out", str(tmp_path / "out")]) == 0
    run = json.loads((tmp_path / "out" / "summary.json").read_text())["run"]
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Ran "))
    assert line == f"Ran in this process (--backend local) in {run['wall_seconds']:,.1f} s; peak memory {run['peak_rss_mb']:,.0f} MB"
    dask = {"backend": "dask", "scheduler": "local cluster", "worker_threads": 2, "wall_seconds": 28.4,
            "peak_rss_mb": 266.0, "worker_peak_rss_mb": [500.2, 493.0]}
    assert format_run(dask) == ("Ran on Dask (local cluster, 2 worker thread(s)) in 28.4 s; peak memory 266 MB here, "
                                "workers 500, 493 MB")


def test_local_cluster_workers_keep_freed_memory_as_a_local_run_does(monkeypatch):
    """README: workers keep freed memory as a local run does. Dask starts worker processes with
    MALLOC_TRIM_THRESHOLD_=65536 (a national chunk then took 1.7-1.9x its CPU time, benchmarks/SCALE.md): the local
    cluster's workers start without it, with Dask's other settings, and each calls keep_freed_memory."""
    import os

    import sim.backend

    with DaskBackend(workers=1) as backend:
        environ = backend.client.run(lambda: {k: os.environ.get(k) for k in ("MALLOC_TRIM_THRESHOLD_",
                                                                                "OMP_NUM_THREADS")})
    assert list(environ.values()) == [{"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}]
    monkeypatch.setattr(sim.backend, "keep_freed_memory", _kept_freed_memory)
    _KEPT.clear()
    with DaskBackend(workers=2, processes=False):
        pass
    assert len(_KEPT) == 2  # once in each worker (here threads of this process)


_KEPT = []


def _kept_freed_memory():
    """keep_freed_memory's stand-in: records the call. A module-level function, which Dask sends by name (a lambda
    would be sent as a copy, and so would the list it appends to)."""
    _KEPT.append(True)
