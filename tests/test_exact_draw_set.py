"""The exact quantiles' sampling sd from the scenario's parameter draws (``sim.exact._draw_set_sd``, exact.json
``draw_set_sd_idr``), against the spread of the exact quantiles over fresh sets of draws from the same distribution.

A calibrated scenario carries a finite sample of posterior draws (200); its claims are the mixture over them, so its
quantiles move with the sample. The delta method estimates that sd from one set; the exact quantiles of N_SETS
fresh sets give the sd it estimates. Their sample sd has a relative standard error of 1 / sqrt(2 (N_SETS - 1))
(normal theory); the estimate, averaged over ESTIMATED of the sets, has its own, from its spread over them. The two
must agree within 4 standard errors of their ratio."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import numpy as np
import pytest

from sim.exact import _draws, describe, exact_distribution
from sim.population import build_model
from sim.scenario import load_scenario

N_SETS = 50
ESTIMATED = 8  # the sets the estimate is computed on too (about one inverse FFT per draw each)
DRAWS = 200  # as sim calibrate writes (calibration.POSTERIOR_DRAWS)
# Lognormal spread of the mortality and the accident multiplier: madiun-2025's posterior's 90 % intervals,
# 0.86-1.25 and 0.44-2.37 about a mean of 1, are about 0.11 and 0.5 on the log scale.
SIGMA = (0.11, 0.5)


def _with_draws(model, draws):
    return replace(model, scenario=replace(model.scenario, intensity_draws=tuple(map(tuple, draws))))


def _fresh(rng, mean_one: bool):
    draws = np.exp(rng.normal(0.0, SIGMA, size=(DRAWS, 2)))
    # sim calibrate divides its posterior draws by their means; a hand-written set need not be (here mean ~1.1)
    return draws / draws.mean(axis=0) if mean_one else draws


@pytest.mark.parametrize("mean_one", [True, False], ids=["divided-by-their-means", "a-plain-sample"])
def test_the_draw_set_sd_is_the_spread_of_the_quantiles_over_fresh_sets(mean_one):
    model = build_model(load_scenario("jambi-2025"))
    rng = np.random.default_rng(20261125)
    quantiles, estimates = [], []
    for k in range(N_SETS):
        result = exact_distribution(_with_draws(model, _fresh(rng, mean_one)), 0, draw_set=k < ESTIMATED)
        names = list(result.quantiles)
        quantiles.append([result.quantiles[n] for n in names])
        if k < ESTIMATED:
            assert result.draws == DRAWS
            estimates.append([result.draw_set_sd[n] for n in names])
    spread = np.std(quantiles, axis=0, ddof=1)
    estimate = np.mean(estimates, axis=0)
    estimate_se = np.std(estimates, axis=0, ddof=1) / math.sqrt(ESTIMATED) / estimate
    ratio_se = np.sqrt(1 / (2 * (N_SETS - 1)) + estimate_se**2)
    assert np.all(spread > 0)
    for name, s, e, se in zip(names, spread, estimate, ratio_se):
        assert abs(e / s - 1) <= 4 * se, (name, s, e, se)
    if mean_one:  # dividing by their means takes out most of the median's spread: the correction is not idle
        assert estimate[names.index("p50")] < 0.5 * estimate[names.index("p95")]


def test_no_draws_no_draw_set_sd():
    model = build_model(load_scenario("jambi-2025"))
    for m in (model, _with_draws(model, [(1.2, 0.8)] * 3)):  # one draw, or the same draw three times
        result = exact_distribution(m, 0)
        assert result.draw_set_sd is None and result.draws == 1
        table = describe(result)
        assert table["draw_set_sd_idr"] is None and table["draws"] == 1


def test_madiun_2025s_draws_move_its_tail_by_about_half_a_percent():
    """The shipped calibration's 200 draws: README ("Calibration") states the sd of the 2025 99.5 % quantile."""
    model = build_model(load_scenario("madiun-2025"))
    assert len(_draws(model)) == 200
    table = describe(exact_distribution(model, 0))
    sd = table["draw_set_sd_idr"]
    assert 0.005 <= sd["p99_5"] / table["claims_idr"]["p99_5"] < 0.0065  # README: "about 0.6 %"
    assert sd["p50"] / table["claims_idr"]["p50"] < 0.002  # README: "0.1 % at the median"


def test_sim_exact_and_sim_runs_exact_line_say_it(tmp_path, capsys):
    """A reviewer reads it where the exact quantiles are printed: sim exact's output and exact.json, and sim run's
    exact line and summary.json; a scenario without draws says nothing of it."""
    from sim.cli import main, rupiah

    assert main(["exact", "madiun-2025", "--out", str(tmp_path / "exact")]) == 0
    out = capsys.readouterr().out
    sd = json.loads((tmp_path / "exact" / "exact.json").read_text())["draw_set_sd_idr"]
    assert (f"over other sets of its 200 parameter draws each quantile would move by (sd): p5 {rupiah(sd['p5'])}; "
            f"p50 {rupiah(sd['p50'])}; p95 {rupiah(sd['p95'])}; p99_5 {rupiah(sd['p99_5'])}") in out
    assert main(["run", "madiun-2025", "--trials", "200", "--out", str(tmp_path / "run")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Exact (FFT)"))
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())["exact_first_period"]
    assert summary["draw_set_sd_idr"] == sd and summary["draws"] == 200
    p = summary["claims_idr"]["p99_5"]
    assert (f"p99.5 {rupiah(p)} (sd {rupiah(sd['p99_5'])}, {sd['p99_5'] / p:.1%}, over other sets of 200 parameter "
            "draws)") in line
    assert main(["run", "jambi-2025", "--trials", "200", "--out", str(tmp_path / "none")]) == 0
    assert "parameter draws" not in capsys.readouterr().out
