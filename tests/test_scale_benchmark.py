"""The scale benchmarks (benchmarks/scale.py, benchmarks/peers.py) run end to end. Smoke checks: no timing asserted."""

import importlib.util
import json
import math
import subprocess
import sys

import numpy as np

from conftest import ROOT


def _events_per_trial(members: int, years: int) -> tuple[float, float]:
    """Mean and variance of the deaths and accidents a trial of benchmarks/scale.py's case draws (its scenario and
    overrides). Given a trial's (mortality, accident) multipliers (m, a), picked uniformly from the scenario's
    parameter draws, the count is Poisson(m D + a A), D and A the expected deaths and accidents at multipliers 1:
    mean D + A (the draws' means are 1), variance that plus the variance over the draws of m D + a A."""
    from sim.benefits import INDEX
    from sim.closed_form import expected
    from sim.population import build_model
    from sim.scenario import load_scenario

    spec = importlib.util.spec_from_file_location("scale_benchmark", ROOT / "benchmarks" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scenario = load_scenario(scale.SCENARIO, scale.overrides(members, 1, years))
    counts = expected(build_model(scenario)).counts  # at the draws' mean multipliers
    draws = np.asarray(scenario.intensity_draws, dtype=float)
    m_bar, a_bar = draws.mean(axis=0)
    deaths = counts[..., INDEX["jkm_death"]].sum() / m_bar
    accidents = counts[..., INDEX["jkk_medical"]].sum() / a_bar
    lam = draws @ [deaths, accidents]
    return float(lam.mean()), float(lam.mean() + lam.var())


def test_scale_benchmark_quick_grid_prints_its_tables():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--quick", "--no-peers", "--cost-model"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("members"))
    for column in ("trials", "years", "events", "engine s", "ns/claim", "peak MB"):
        assert column in lines[at]
    grid = lines[at + 1 : lines.index("", at)]  # the grid table runs to the next blank line
    rows = [line.split() for line in grid]
    assert len(rows) == 4 and all(int(r[3].replace(",", "")) > 0 for r in rows)
    assert any("time per claim" in line for line in lines)
    assert any(" us a block + " in line and " ns an event" in line for line in lines)
    assert any("plain-NumPy floor" in line and "at 1,000 members" in line for line in lines)
    stages = [line.split() for line in lines if line.strip().startswith(("events only", "+ scholarships", "+ sums"))]
    assert len(stages) == 3 and all(float(row[-1].rstrip("x")) > 0 for row in stages)
    assert any("one set of streams per 1,000 / 10,000 trials" in line for line in lines)
    assert any("Poisson counts free" in line and "the ceiling of a new count and block scheme" in line for line in lines)
    assert sum("(a) engine / plain-NumPy floor" in line for line in lines) == 2  # 12 and 60 months


def test_peer_benchmark_runs_our_model_with_150_expected_claims_a_year():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "peers.py"), "--run", "ours", "--years", "2000"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # 2,000 years of Poisson(150) claims: the count is within a few standard errors of 300,000.
    assert abs(result["claims"] - 300_000) < 4 * 300_000**0.5
    assert abs(result["mean"] - 150 * 40e6) < 4 * (150 * 40e6**2 * (1 + 1.5**2) / 2000) ** 0.5
    assert result["peak_mb"] > 0 and result["q"] > result["mean"]


def test_a_grid_case_repeated_keeps_one_run_s_events_and_its_fastest_time():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--run-case", "1000,2000,1,2"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # The same seed every run: one run's events, not the sum of two. Within 4 SE of the closed form's.
    mean, var = _events_per_trial(1_000, 1)
    assert result["repeat"] == 2 and abs(result["events"] - 2000 * mean) <= 4 * math.sqrt(2000 * var), (mean, var)
    assert 0 < result["engine_s"] and result["peak_mb"] > 0
