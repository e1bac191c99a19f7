"""Where the trial chunks run: in this process (``local``) or on a Dask cluster (``dask``), with identical results.

A backend takes the model and the list of chunks (``sim.engine.chunks``) and yields each chunk's BlockResults in
chunk order, whatever order the chunks finish in. Because every block draws from its own random streams
(``sim.engine.stream``) and the aggregator adds blocks in trial order, the summary and the per-trial table are the
same numbers on either backend and with any number of workers.

Memory stays bounded on Dask: the model (with its exposure arrays) is sent to the workers once (``scatter``), and
only a window of chunks (by default two per worker thread) is running or finished and waiting on the client for the
chunks before it, so at most a window of chunk results is held.

Peak memory: :func:`peak_rss_mb` is the largest resident set of this process so far (``getrusage``), and the Dask
backend also asks every worker for its own before closing.
"""

from __future__ import annotations

import dataclasses
import logging
import resource
import sys
from collections.abc import Iterator

from .allocator import keep_freed_memory
from .engine import Block, BlockResult, simulate_chunk
from .population import Model
from .results import simulate_chunk_totals
from .scenario import ScenarioError

BACKENDS = ("local", "dask")
DEFAULT_LOCAL_WORKERS = 2  # a LocalCluster's worker processes when --workers is not given (this is a 2-core machine)
CONNECT_TIMEOUT_S = 10


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss: KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def worker_model(model: Model) -> Model:
    """The model as the workers get it: without ``projection``, the planner's record (``sim.expansion``).

    The chunks never read it (its exposure is already in ``model.segments``), and it does not pickle: its enrolment
    pipeline holds the finished SimPy run (processes are generators) and the register office. So a scenario with a
    ``[pipeline]`` or ``[funding]`` table could not be sent to a Dask worker."""
    return model if model.projection is None else dataclasses.replace(model, projection=None)


class LocalBackend:
    """Chunks one after another in this process."""

    name = "local"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def run(self, model: Model, chunks: list[list[Block]], totals_only: bool = False) -> Iterator[list[BlockResult]]:
        # Here the full results cost nothing to hand over, so ``totals_only`` is not needed.
        for chunk in chunks:
            yield simulate_chunk(model, chunk)

    def describe(self) -> dict:
        return {"backend": self.name}


class DaskBackend:
    """Chunks as Dask tasks, on a new ``distributed.LocalCluster`` or on an existing scheduler.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); None starts a LocalCluster of
    ``workers`` single-threaded processes (``processes=False``: threads in this process, for tests). ``window``:
    chunks running or finished and waiting on the client at once (default two per worker thread).
    ``connect_timeout``: seconds to reach ``scheduler``.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None, processes: bool = True,
                 window: int | None = None, connect_timeout: float = CONNECT_TIMEOUT_S):
        if scheduler and workers:
            raise ScenarioError("--workers", "", "sets the size of a local cluster; it cannot be used with --scheduler")
        self.scheduler, self.workers, self.processes, self.window = scheduler, workers, processes, window
        self.connect_timeout = connect_timeout
        self.client = self.cluster = None

    def __enter__(self):
        from distributed import Client, LocalCluster  # imported here: a local run never pays for it

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout=self.connect_timeout)
            except (OSError, TimeoutError, ValueError) as err:
                raise ScenarioError("--scheduler", self.scheduler, f"cannot connect to a Dask scheduler: {err}") from None
        else:
            import dask

            # Dask starts its worker processes with MALLOC_TRIM_THRESHOLD_=65536 so that they hand freed memory back
            # to the system at once. The engine allocates and frees tens of MB per segment and block, so a worker
            # then page-faults fresh memory again and again: a national-2025 chunk took 1.7-1.9x the CPU time it
            # takes without the variable (benchmarks/SCALE.md). Without it glibc keeps its usual adaptive
            # thresholds, as in a local run; peak memory is the same.
            environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
                       if k != "MALLOC_TRIM_THRESHOLD_"}
            with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
                self.cluster = LocalCluster(
                    n_workers=self.workers or DEFAULT_LOCAL_WORKERS, threads_per_worker=1, processes=self.processes,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)
            # As in a local run (sim/allocator.py): workers keep freed heap memory between blocks.
            self.client.run(keep_freed_memory)
        return self

    def __exit__(self, *exc):
        try:
            if self.client is not None:
                self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
        return False

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, model: Model, chunks: list[list[Block]], totals_only: bool = False) -> Iterator[list]:
        """Each chunk's BlockResults in chunk order; with ``totals_only`` the workers send BlockTotals instead
        (kilobytes per block instead of the full arrays), which the aggregator takes as well."""
        from distributed import as_completed

        task = simulate_chunk_totals if totals_only else simulate_chunk
        # Sent once; every task then refers to the workers' copy instead of pickling the model again.
        shared = self.client.scatter(worker_model(model), broadcast=True)
        window = self.window or 2 * self.threads()
        pending = iter(enumerate(chunks))
        running = as_completed()
        live = {}  # future key -> (chunk index, future), for the chunks submitted and not yet collected
        ready: dict[int, list[BlockResult]] = {}
        following = 0

        def fill_window() -> None:
            # The window counts the chunks running and the finished ones waiting for an earlier chunk: while a slow
            # chunk runs, the client holds at most a window of results instead of every later chunk's.
            while len(live) + len(ready) < window and (item := next(pending, None)) is not None:
                index, chunk = item
                future = self.client.submit(task, shared, chunk, pure=False)
                live[future.key] = (index, future)
                running.add(future)

        try:
            fill_window()
            for future in running:
                index, _ = live.pop(future.key)
                ready[index] = future.result()  # re-raises a worker's exception here
                future.release()
                # Hand chunks on in order: a chunk that finished early waits for the ones before it.
                while following in ready:
                    yield ready.pop(following)
                    following += 1
                fill_window()
        finally:
            # Stopped early (a precision target met, an error): cancel what is still running or queued.
            running.clear()
            if live:
                self.client.cancel([f for _, f in live.values()])
            self.client.cancel(shared)

    def describe(self) -> dict:
        """What ran the chunks, and each worker's peak memory (MB, largest first); call before leaving the context."""
        peaks = sorted(self.client.run(peak_rss_mb).values(), reverse=True)
        out = {"backend": self.name, "scheduler": self.scheduler or "local cluster", "worker_threads": self.threads(),
               "worker_peak_rss_mb": peaks}
        if self.cluster is not None:
            out["worker_processes"] = self.processes
        return out


def open_backend(name: str = "local", scheduler: str | None = None, workers: int | None = None):
    """The backend called ``name`` (``local`` or ``dask``), to be used as a context manager."""
    if name == "local":
        if scheduler or workers:
            raise ScenarioError("--backend", "local", "--scheduler and --workers need --backend dask")
        return LocalBackend()
    if name == "dask":
        return DaskBackend(scheduler, workers)
    raise ScenarioError("--backend", name, f"must be one of {', '.join(BACKENDS)}")
