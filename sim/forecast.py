"""Forecasting a scenario end to end: model, closed form, simulated trials, summary, and files written atomically."""

from __future__ import annotations

import errno
import json
import math
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from . import __version__
from .backend import LocalBackend, peak_rss_mb
from .closed_form import expected, trial_cumulants
from .engine import BLOCK_TRIALS, chunks
from .exact import describe as describe_exact
from .exact import exact_distribution
from .funding import APBD
from .manifest import override_text
from .population import annual_premium_budget, annual_premium_by_payer, build_model
from .results import Aggregator
from .scenario import Scenario

DEFAULT_CHUNK_TRIALS = 10_000
DEFAULT_MAX_TRIALS = 1_000_000
# Every file a forecast folder may hold: a run's and a plan's (both write summary.json and scenario.json). Each of
# the two commands replaces the whole set, so an output folder never mixes files of two forecasts (a plan's
# summary.json beside a run's trials.csv, or a trials.csv left by an earlier run of --no-trials-table).
FORECAST_FILES = ("summary.json", "trials.csv", "scenario.json", "plan.json", "plan_*.csv", "tornado.csv")


# Set by the stop signal's handler (``sim.cli``'s for SIGTERM) beside the KeyboardInterrupt it raises, and checked
# after each chunk and before finished output moves into place: the interrupt can land in a finaliser (a
# ``__del__``), where Python prints "Exception ignored" and goes on, and the stopped run would finish and write.
STOP_ASKED = threading.Event()


def forecast(
    scenario: Scenario,
    chunk_trials: int = DEFAULT_CHUNK_TRIALS,
    trial_table=None,
    progress=None,
    target_precision: float | None = None,
    max_trials: int = DEFAULT_MAX_TRIALS,
    backend=None,
    return_trials: bool = False,
    on_block=None,
    model=None,
    exact_check: bool = True,
) -> dict:
    """Simulate the scenario's trials chunk by chunk and return the summary (the content of summary.json).

    ``trial_table``: an open text file for the per-trial CSV, or None. ``progress(done, total)``: called after
    each chunk. ``target_precision``: instead of ``scenario.trials``, run chunks until the 95 % interval of the
    99.5 % claims quantile has a relative half-width at most this in every period, or ``max_trials`` are done.
    Stopping depends only on the numbers, so the same seed and target stop at the same trial.
    ``backend``: where chunks run (``sim.backend``: LocalBackend, the default, or DaskBackend); chunks are
    aggregated in trial order on any backend, so the results do not depend on it.
    ``return_trials``: return ``(summary, claims)`` with each trial's claims per period, shape (trials,
    periods + 1), the last column the whole horizon (for charts of the distribution, e.g. in reports). This
    holds every trial in memory, 8 bytes per trial and period; without it the run keeps them on disk only.
    ``on_block(result)``: called with every BlockResult, in trial order (e.g. to keep per-trial amounts by
    benefit, as ``sim.plan`` does). ``model``: the scenario's ``build_model`` result, if the caller has it.
    ``exact_check``: add the exact (FFT) first-year distribution beside the simulated quantiles (a cross-check
    whose cost does not depend on the trials; the engine benchmark times the simulation without it).
    """
    started = time.perf_counter()
    model = build_model(scenario) if model is None else model
    closed = expected(model)
    planned = max_trials if target_precision else scenario.trials
    done = 0
    backend = LocalBackend() if backend is None else backend
    with Aggregator(model, closed, planned, trial_table, *trial_cumulants(model, fourth=True)) as agg:
        with backend:
            # Workers need send back only per-trial totals unless something here wants every block in full.
            totals_only = trial_table is None and on_block is None
            for results in backend.run(model, chunks(planned, chunk_trials), totals_only=totals_only):
                for result in results:
                    agg.add(result)
                    if on_block is not None:
                        on_block(result)
                done += sum(r.block.trials for r in results)
                if STOP_ASKED.is_set():  # stopped, its interrupt lost: end now, not after every trial
                    raise KeyboardInterrupt
                if progress:
                    progress(done, planned)
                if target_precision and agg.precision() <= target_precision:
                    break
            ran_on = backend.describe()
        stats = agg.summary()
        achieved = agg.precision() if target_precision else None
        # Every trial's claims in memory, only when asked for (charts of the distribution).
        trials = agg.trial_claims.read_all(done) if return_trials else None
    summary = {
        "scenario_id": scenario.id,
        "title": scenario.title,
        "region": scenario.region,
        "seed": scenario.seed,
        "trials": done,
        "start": scenario.start.isoformat()[:7],
        "horizon_months": scenario.horizon_months,
        "periods": stats["periods"],
        "budget": _budget(scenario),
        "breakdown": stats["breakdown"],
        "simulated_events": stats["simulated_events"],
        "convergence": stats["convergence"],
        "provenance": provenance(scenario),
    }
    if target_precision:
        summary["precision"] = {
            "measure": "relative half-width of the 95 % interval of the 99.5 % claims quantile, widest period",
            "target": target_precision,
            "achieved": round(achieved, 6) if math.isfinite(achieved) else None,  # None: too few trials to tell
            "met": achieved <= target_precision,
            "trials_used": done,
            "max_trials": max_trials,
        }
    # The exact (FFT) distribution of the first year beside the simulated quantiles: a reviewer's cross-check.
    if exact_check:
        summary["exact_first_period"] = describe_exact(exact_distribution(model, 0), summary)
    # How this run went (not part of the results: it differs between machines and backends).
    summary["run"] = {**ran_on, "chunk_trials": chunk_trials, "wall_seconds": round(time.perf_counter() - started, 3),
                      "peak_rss_mb": peak_rss_mb()}
    return (summary, trials) if return_trials else summary


# The payer whose premium a stated [budget] annual_budget pays: the city's own budget (as sim plan's "APBD needed" and
# its stated_budget). Members paid by others (CSR, DBH-CHT, APBN, ...) are counted in the scheme's premium, not in it.
BUDGET_PAYER = APBD


def _budget(scenario: Scenario) -> dict:
    """The premium for a full year of the starting members, who pays it, and what the stated budget and target
    imply. The stated budget is the APBD's: it is set against the APBD's share of the premium (``BUDGET_PAYER``)."""
    annual = annual_premium_budget(scenario)
    members = sum(s.members for s in scenario.segments)
    by_payer = annual_premium_by_payer(scenario)
    apbd = by_payer.get(BUDGET_PAYER, {}).get("annual_premium_idr", 0.0)
    out = {"annual_premium_start_members_idr": round(annual, 2), "start_members": members,
           "apbd_premium_start_members_idr": round(apbd, 2),
           # APBD first, then the others in the order their segments come.
           "payers": [{"payer": p, "members": r["members"], "annual_premium_idr": round(r["annual_premium_idr"], 2)}
                      for p, r in sorted(by_payer.items(), key=lambda kv: kv[0] != BUDGET_PAYER)]}
    unused = unused_in_projection(scenario)
    if "budget.annual_budget" in unused:
        # [funding] gives the APBD budget year by year (sim plan sets it against the premiums): a [budget]
        # annual_budget inherited from a base would be the wrong number (jambi-2025's Rp604 m for a plan of Rp1 bn).
        out["budget_from"] = "funding"
    elif scenario.annual_budget is not None:
        out["annual_budget_idr"] = scenario.annual_budget
        out["budget_minus_apbd_premium_idr"] = round(scenario.annual_budget - apbd, 2)
    if "budget.target_members" in unused:
        # The projection's year-end targets come from [expansion] (the plan prices them year by year): a full
        # year of the [budget] table's target, inherited from a base, would be the wrong number (sim run printed
        # pekalongan-2023's 1,000 for its expansion's 1,450 and 1,700).
        out["targets_from"] = "expansion"
    elif scenario.target_members is not None:
        out["target_members"] = scenario.target_members
        # Assumption: the target is reached with the same segment mix (and so the same payers' shares) as the
        # starting members.
        share = scenario.target_members / members if members else None
        out["annual_premium_target_idr"] = round(annual * share, 2) if share is not None else None
        out["apbd_premium_target_idr"] = round(apbd * share, 2) if share is not None else None
    return out


def other_payers(budget: dict) -> list[tuple[int, dict]]:
    """(index, row) of summary.json's ``budget.payers`` that pay for members and are not the APBD, whose budget a
    stated annual budget is (``BUDGET_PAYER``)."""
    return [(i, p) for i, p in enumerate(budget.get("payers", ())) if p["payer"] != BUDGET_PAYER and p["members"]]


def unused_in_projection(scenario: Scenario) -> set:
    """The [budget] keys a scenario with a projection (``[funding]``, ``[expansion]``, ``[pipeline]``, exit rates)
    does not use, as :mod:`sim.report_planning` and ``sim plan`` read them: ``budget.annual_budget`` when a
    [funding] table gives the APBD budget; ``budget.target_members`` when [expansion] quotas give the year-end
    targets (the whole-scheme target fills in only when no quota gives one). Empty for a scenario without a
    projection, whose budget lines use both."""
    planning = getattr(scenario, "planning", None)
    if planning is None or not planning.shapes_exposure:
        return set()
    out = set()
    if planning.funding is not None:
        out.add("budget.annual_budget")
    if planning.quotas and planning.pipeline is not None:
        out.add("budget.target_members")
    return out


def provenance(scenario: Scenario) -> dict:
    return {
        "workbench_version": __version__,
        "git_commit": _git_commit(),
        "scenario_files": [str(p) for p in scenario.files],
        "overrides": [override_text(k, v) for k, v in scenario.overrides],
        "block_trials": BLOCK_TRIALS,
        "numpy_version": np.__version__,
        "rng": "numpy PCG64 via SeedSequence(seed, spawn_key=(block, crc32(segment), peril))",
    }


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=Path(__file__).resolve().parent, capture_output=True, text=True, timeout=5,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=Path(__file__).resolve().parent, capture_output=True, text=True, timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


# The outputs moved into place by this process, newest last. Each is added while signals are still held, so an
# interrupt that comes after the move finds it here: ``sim.cli`` then says it was written, not "nothing was written".
WRITTEN: list[Path] = []


@contextmanager
def atomic_directory(out_dir: Path, replaces: tuple[str, ...] = (), then=None):
    """Yield a fresh temporary folder beside ``out_dir``; on success move its files into ``out_dir``.

    On any error the temporary folder is removed and ``out_dir`` is left as it was: no half-written output.
    ``replaces``: names (glob patterns) of files in ``out_dir`` that this output supersedes; those it did not write
    again are removed once its own files are in place, so none is left over from an earlier command. Other files
    in ``out_dir`` (e.g. ``exact.json``) stay. ``then``: a last step of the same output, called once the files are
    in place (``sim calibrate`` moves its scenario file), with signals held through both (:func:`signals_held`);
    if it fails, the files are taken out again and those they replaced put back (:func:`_commit_then`).
    """
    out_dir = Path(out_dir)
    check_output_folder(out_dir)
    made = make_parents(out_dir)
    # Inside an existing output folder, so that the files move within one file system even when the folder is a
    # mount point; beside a new one (which is then made on its parent's file system).
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=out_dir) if out_dir.is_dir()
                   else tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    except OSError as err:  # named by the folder asked for, not the hidden temporary one beside it
        remove_made(made)
        raise OSError(err.errno, err.strerror, str(out_dir)) from None
    try:
        yield tmp
        with signals_held():
            if then is None:
                _commit(tmp, out_dir, replaces)
            else:
                _commit_then(tmp, out_dir, replaces, then)
            WRITTEN.append(out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        remove_made(made)
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_held():
    """Ctrl-C (SIGINT) and SIGTERM ignored while finished output moves into place. The files of ``sim run`` move
    one by one: a signal between two moves would leave some new files beside old ones; a report's folder is renamed
    in one step, and a signal just after it would report "nothing was written" of a finished report. A signal then
    comes too late to stop anything, so it is dropped and the command ends normally; one that came before, and whose
    interrupt was lost (:data:`STOP_ASKED`), stops the move. Python runs signal handlers
    in the main thread only: elsewhere (a notebook's worker thread, say) nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, lambda signum, frame: None) for s in HELD_SIGNALS}
    try:
        if STOP_ASKED.is_set():  # a stop asked for before, whose interrupt did not end the run
            raise KeyboardInterrupt
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)


def check_output_folder(out_dir: Path) -> None:
    """Refuse, before any work, an output folder that could not be written: ``out_dir`` or a folder above it that
    is a file or a link to nothing, or a nearest existing folder that is not writable. Found only when the files
    move in, a run of minutes ended in "File exists" with nothing to show. (Root passes the writable check for any
    folder.)"""
    for part in (Path(out_dir), *Path(out_dir).parents):
        if not part.exists():
            if part.is_symlink():  # making the folder there fails with "File exists"
                raise FileNotFoundError(errno.ENOENT, f"a link to {os.readlink(part)}, which does not exist, is in "
                                        "the way of this output folder", str(part))
            continue
        if not part.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "a file is in the way of this output folder", str(part))
        if not os.access(part, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "no permission to write in this folder", str(part))
        return


def make_parents(path: Path) -> list[Path]:
    """Make the folders above ``path``; return those it made, innermost first, for :func:`remove_made`."""
    made = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    return made


def remove_made(made: list[Path]) -> None:
    """Remove the folders :func:`make_parents` made for an output that failed, so that it leaves nothing."""
    for folder in made:
        try:
            folder.rmdir()
        except OSError:  # not empty: something else wrote there meanwhile (or output that did move)
            break


def _commit(tmp: Path, out_dir: Path, replaces: tuple[str, ...], old: Path | None = None) -> None:
    """Move the finished files from ``tmp`` into ``out_dir`` (see :func:`atomic_directory`). ``old``: a folder that
    the files replaced or removed move into, instead of being lost, for :func:`_commit_then` to put back."""
    # Every file's place is checked before the first one moves: a folder in the way would otherwise stop the move
    # half-way, with some new files in place beside old ones.
    items = sorted(tmp.iterdir())
    for item in items:
        if (out_dir / item.name).is_dir():
            raise IsADirectoryError(errno.EISDIR, "a folder is in the way of this output file", str(out_dir / item.name))
    out_dir.mkdir(exist_ok=True)
    for item in items:
        if old is not None and (out_dir / item.name).exists():
            os.replace(out_dir / item.name, old / item.name)
        os.replace(item, out_dir / item.name)
    written = {item.name for item in items}
    for pattern in replaces:
        for earlier in out_dir.glob(pattern):
            if earlier.name not in written and earlier.is_file():
                if old is None:
                    earlier.unlink()
                else:
                    os.replace(earlier, old / earlier.name)


def _commit_then(tmp: Path, out_dir: Path, replaces: tuple[str, ...], then) -> None:
    """:func:`_commit`, then ``then()``, all or nothing: if either fails, the files that moved in are taken out again
    and those they replaced put back (a failed move of ``sim calibrate``'s scenario file left its calibration.json)."""
    existed = out_dir.is_dir()
    names = [item.name for item in tmp.iterdir()]
    old = Path(tempfile.mkdtemp(prefix=".old-", dir=tmp.parent))  # beside ``tmp``: on the same file system
    try:
        _commit(tmp, out_dir, replaces, old)
        then()
    except BaseException:
        for name in names:
            if not (tmp / name).exists():  # this one moved in
                (out_dir / name).unlink(missing_ok=True)
        for earlier in old.iterdir():
            os.replace(earlier, out_dir / earlier.name)
        if not existed and out_dir.is_dir():
            out_dir.rmdir()
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def write_run(scenario: Scenario, out_dir: Path, chunk_trials: int, write_trials: bool = True, progress=None,
              **precision) -> dict:
    """Run the forecast and write summary.json, trials.csv and scenario.json into ``out_dir`` atomically.

    ``precision``: ``target_precision``, ``max_trials`` and ``backend``, passed to :func:`forecast`.
    """
    with atomic_directory(out_dir, replaces=FORECAST_FILES) as tmp:
        if write_trials:
            with open(tmp / "trials.csv", "w", newline="", encoding="utf-8") as table:
                summary = forecast(scenario, chunk_trials, table, progress, **precision)
        else:
            summary = forecast(scenario, chunk_trials, None, progress, **precision)
        write_json(tmp / "scenario.json", scenario.resolved)
        write_json(tmp / "summary.json", summary)
    return summary


def write_json(path: Path, data) -> None:
    """``data`` as indented JSON, with every -0.0 written as 0.0 (a rounded -1e-9 is -0.0: "mean": -0.0 in
    plan.json read as a negative amount)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(without_negative_zeros(data), fh, indent=2, ensure_ascii=False, default=str)
        fh.write("\n")


def without_negative_zeros(data):
    """``data`` (dicts, lists and tuples of values) with each float -0.0 replaced by 0.0 (x + 0.0 is x, except that
    -0.0 + 0.0 is 0.0); everything else as it is."""
    if isinstance(data, float):
        return data + 0.0
    if isinstance(data, dict):
        return {k: without_negative_zeros(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [without_negative_zeros(v) for v in data]
    return data
