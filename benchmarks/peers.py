"""Benchmark (b): one compound Poisson model, three tools, each in a fresh process.

Model: 150 claims a year (Poisson), lognormal claim sizes with mean Rp40 m and CV 1.5, 1,000,000 simulated years;
wanted: the 99.5 % quantile of the yearly total.

- **ours**: the workbench's full pipeline, ``sim.forecast.forecast`` on ``benchmarks/compound-poisson.toml`` (the
  model written as a scenario: one segment of 50,000 members at 3 work accidents per 1,000 member-years, every
  accident medical-only with the lognormal cost, no deaths), one chunk after another in one process. Its time
  includes everything a run does (model, closed form, per-event placement in months, aggregation, quantiles with
  intervals, the exact FFT check), not only the sampling.
- **gemact**: ``gemact.LossModel(aggr_loss_dist_method="mc", n_sim=...)``, GEMAct's Monte Carlo; its quantile is
  ``LossModel.ppf(0.995)``.
- **aggregate**: ``aggregate.build("agg ... poisson")`` (Mildenhall's FFT with its automatic discretisation), for
  reference: not a simulation, so it has no number of years.

Each tool runs in a fresh ``python`` process (``--run TOOL``), so its peak resident memory (``ru_maxrss``) is its
own: imports included, reported beside the memory after imports. The peer packages are not project dependencies;
``./workbench bench-scale`` installs them into ``.venv``.

Usage: ``python benchmarks/peers.py [--years N] [--json FILE]`` (``benchmarks/scale.py`` calls :func:`measure_all`).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCENARIO = HERE / "compound-poisson.toml"

CLAIMS_PER_YEAR = 150
SEVERITY_MEAN = 40e6  # IDR
SEVERITY_CV = 1.5
YEARS = 1_000_000
LEVEL = 0.995
SEED = 20251229
TOOLS = ("ours", "gemact", "aggregate")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _lognormal() -> tuple[float, float]:
    sigma2 = math.log1p(SEVERITY_CV**2)
    return math.log(SEVERITY_MEAN) - sigma2 / 2, math.sqrt(sigma2)


def run_ours(years: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from sim.allocator import keep_freed_memory
    from sim.forecast import forecast
    from sim.scenario import load_scenario

    keep_freed_memory()  # as the command line does (sim/allocator.py)
    imported = _rss_mb()
    scenario = load_scenario(SCENARIO, [f"scenario.trials={years}", f"scenario.seed={SEED}"])
    start = time.perf_counter()
    summary = forecast(scenario)
    seconds = time.perf_counter() - start
    year = summary["periods"][0]
    assert year["claim_count"]["expected"] == CLAIMS_PER_YEAR, year["claim_count"]
    return {"seconds": seconds, "imported_mb": imported, "q": year["claims_idr"]["p99_5"],
            "mean": year["claims_idr"]["mean"], "claims": summary["simulated_events"]}


def run_gemact(years: int) -> dict:
    import numpy as np
    from gemact import Frequency, LossModel, Severity

    imported = _rss_mb()
    mu, sigma = _lognormal()
    start = time.perf_counter()
    # GEMAct computes in its constructor; ppf reads the simulated distribution.
    model = LossModel(
        frequency=Frequency(dist="poisson", par={"mu": CLAIMS_PER_YEAR}),
        severity=Severity(dist="lognormal", par={"shape": sigma, "scale": float(np.exp(mu))}),
        aggr_loss_dist_method="mc", n_sim=years, random_state=SEED % 2**31,
    )
    q = float(model.ppf(LEVEL))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "imported_mb": imported, "q": q, "mean": float(model.mean())}


def run_aggregate(years: int) -> dict:
    from aggregate import build

    imported = _rss_mb()
    start = time.perf_counter()
    dist = build(f"agg BenchCP {CLAIMS_PER_YEAR} claims sev lognorm {SEVERITY_MEAN:.0f} cv {SEVERITY_CV} poisson")
    q = float(dist.q(LEVEL))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "imported_mb": imported, "q": q, "mean": float(dist.agg_m),
            "bucket": float(dist.bs), "log2": int(dist.log2)}


RUNNERS = {"ours": run_ours, "gemact": run_gemact, "aggregate": run_aggregate}


def measure(tool: str, years: int, timeout: float = 1800) -> dict:
    """Run one tool in a fresh process; returns its figures, or ``{"error": ...}`` (e.g. package not installed)."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--run", tool, "--years", str(years)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"tool": tool, "error": last}
    return {"tool": tool, **json.loads(done.stdout.strip().splitlines()[-1])}


def measure_all(years: int = YEARS) -> list[dict]:
    return [measure(tool, years) for tool in TOOLS]


def table(rows: list[dict]) -> str:
    """The peers' figures and the ratios against ours."""
    ours = next((r for r in rows if r["tool"] == "ours" and "error" not in r), None)
    lines = [f"{'tool':<10} {'seconds':>8} {'peak MB':>8} {'after imports MB':>16} {'p99.5 (Rp bn)':>14} "
             f"{'time / ours':>11} {'memory / ours':>13}"]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['tool']:<10} not run: {r['error']}")
            continue
        t_ratio = r["seconds"] / ours["seconds"] if ours else float("nan")
        m_ratio = r["peak_mb"] / ours["peak_mb"] if ours else float("nan")
        lines.append(f"{r['tool']:<10} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {r['imported_mb']:>16.0f} "
                     f"{r['q'] / 1e9:>14.3f} {t_ratio:>11.2f} {m_ratio:>13.2f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=YEARS, help="simulated years (default 1,000,000)")
    parser.add_argument("--run", choices=TOOLS, help=argparse.SUPPRESS)  # internal: one tool in this process
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args(argv)
    if args.run:
        out = RUNNERS[args.run](args.years)
        out["peak_mb"] = _rss_mb()
        print(json.dumps(out))
        return 0
    rows = measure_all(args.years)
    print(f"Compound Poisson, {CLAIMS_PER_YEAR} claims a year, lognormal mean Rp{SEVERITY_MEAN / 1e6:.0f} m CV "
          f"{SEVERITY_CV}, {args.years:,} simulated years, {LEVEL:.1%} quantile")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
