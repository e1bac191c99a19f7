"""The budget solver: its answers, re-simulated, meet their targets at the stated confidence; hand calculations."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from sim import budget
from sim.expansion import money_bound, project_scenario
from sim.forecast import forecast
from sim.plan import TrialClaims
from sim.planning_schema import YearAmounts
from sim.population import build_model
from sim.closed_form import expected
from sim.scenario import load_scenario

from conftest import ROOT
from test_expansion import FUNDED, param

DATA = ROOT / "tests" / "data"
SMALL, HAND, UCJ = DATA / "expansion-small.toml", DATA / "pipeline-hand.toml", DATA / "ucj-small.toml"
SECOND = ('funding.csr.bank={amount = ' + param(150000000, "IDR per year", extra=", range = [0, 1e9]")
          + ', probability = ' + param(0.7, "share", extra=", range = [0, 1]")
          + ', years = ' + param(2, "years", extra=", range = [1, 5]") + ', segments = ["vulnerable"]}')


def test_budget_needed_hand_calculation():
    # pipeline-hand: 9,800 member-months in 2025 at Rp16,800, nobody dies: with or without a funding table.
    assert budget.budget_needed(load_scenario(HAND), 0.9)["years"][0]["budget_idr"] == 9800 * 16_800
    funded = load_scenario(HAND, ['funding.apbd_budget=' + param(1_000_000, "IDR per year", "data")])
    answer = budget.budget_needed(funded, 0.9)
    assert answer["years"][0]["budget_idr"] == 9800 * 16_800
    assert answer["targets_with_unlimited_budget"][0]["reached"]


@pytest.mark.parametrize("confidence", [0.5, 0.8, 0.95])
def test_budget_needed_meets_the_target_at_the_confidence(confidence):
    # Two pledges (probabilities 0.5 and 0.7): four outcomes; the budget covers the need in enough of them.
    scenario = load_scenario(SMALL, [*FUNDED, SECOND])
    answer = budget.budget_needed(scenario, confidence)
    assert answer["outcomes"] == 4
    b = {r["year"]: r["budget_idr"] for r in answer["years"]}
    assert budget.verify_budget(scenario, b) >= confidence
    # It is not more than needed: 1 % less in every year misses the confidence.
    assert budget.verify_budget(scenario, {y: 0.99 * v for y, v in b.items()}) < confidence


def test_budget_needed_resimulated_with_sampled_pledges():
    # Re-simulate the solver's answer in 300 independent worlds: each seed draws which pledges are honoured
    # (csr_draw = "sampled"); the money must not bind in at least the confidence share of them (4 binomial SE).
    confidence = 0.8
    scenario = load_scenario(SMALL, [*FUNDED, SECOND])
    b = {r["year"]: r["budget_idr"] for r in budget.budget_needed(scenario, confidence)["years"]}
    worlds = 300
    sampled = budget.with_apbd(load_scenario(SMALL, [*FUNDED, SECOND, 'funding.csr_draw="sampled"']),
                               YearAmounts(by_year=tuple(b.items())))
    ok = 0
    for seed in range(worlds):
        ok += not money_bound(project_scenario(dataclasses.replace(sampled, seed=seed)))
    assert ok / worlds >= confidence - 4 * math.sqrt(confidence * (1 - confidence) / worlds)


def test_claims_topup_reserve_holds_at_the_confidence_on_fresh_trials():
    confidence, n = 0.9, 4000

    def claims(seed):
        scenario = load_scenario(SMALL, [f"scenario.trials={n}", f"scenario.seed={seed}", *FUNDED])
        model = build_model(scenario)
        t = TrialClaims(n, len(model.period_labels))
        forecast(scenario, on_block=t.add, model=model)
        return t.total, expected(model).premium.sum(axis=1)

    first, premium = claims(1)
    reserve = budget.claims_topup_reserve(first, premium, confidence)
    fresh, _ = claims(2)
    covered = (np.maximum(fresh - premium, 0) <= reserve).mean(axis=0)
    # The reserve is estimated from n trials and checked on n others: both add binomial noise.
    se = math.sqrt(confidence * (1 - confidence) * (2 / n))
    assert (np.abs(covered - confidence) <= 4 * se).all(), covered


def test_the_fan_chart_is_each_year_s_claim_ratio_percentiles_over_the_trials():
    """plan.json's claim_ratio_fan (and each year's claim_ratio_fan) holds the percentiles of the year's simulated
    claims over its premium: p5, p50 and p95 are summary.json's (rounded there to 4 decimals), and p25 and p75 those
    of the same trials' claims, re-simulated with the same seed, over the closed-form premium."""
    from sim.plan import plan

    scenario = load_scenario(SMALL, ["scenario.trials=1000", *FUNDED])
    summary, result, _ = plan(scenario, sensitivity=False)
    fan = result["claim_ratio_fan"]
    assert [r["period"] for r in fan] == [p["period"] for p in summary["periods"][:-1]] == ["2025", "2026"]
    model = build_model(scenario)
    t = TrialClaims(1000, len(model.period_labels))
    forecast(scenario, on_block=t.add, model=model)
    ratios = t.total / expected(model).premium.sum(axis=1)
    for row, year, period, trial_ratios in zip(fan, result["years"], summary["periods"], ratios.T):
        assert year["claim_ratio_fan"] == {k: v for k, v in row.items() if k != "period"}
        for k in ("p5", "p50", "p95"):  # one ratio rounded to 4 decimals and to 6 (+ the cent)
            assert row[k] == pytest.approx(period["claim_ratio"][k], abs=5e-5 + 5e-7 + 1e-9), (row, k)
        # The fan's ratios are rounded to 6 decimals (off by half a unit of the last at most, whatever the ratio's
        # size), of claims over summary.json's premium, rounded to the cent (under 1e-9 of a ratio here).
        assert [row["p25"], row["p75"]] == pytest.approx(np.percentile(trial_ratios, [25, 75]), abs=5e-7 + 1e-9)
        assert row["p5"] < row["p25"] < row["p50"] < row["p75"] < row["p95"]


def test_largest_coverage_is_the_largest_the_money_funds():
    scenario = load_scenario(SMALL, FUNDED)
    answer = budget.largest_coverage(scenario)
    scale = answer["scale"]
    assert 0 < scale < 1 and answer["money_binds"]
    assert not money_bound(project_scenario(budget.with_quota_scale(scenario, scale)))
    assert money_bound(project_scenario(budget.with_quota_scale(scenario, scale * 1.02)))


def test_csr_gap_closes_the_ucj_gap():
    scenario = load_scenario(UCJ)
    assert money_bound(project_scenario(scenario))  # the city budget alone falls short
    answer = budget.csr_gap(scenario, 0.9)
    assert answer["probability_money_does_not_bind_with_it"] >= 0.9
    assert answer["ucj_with_gap_closed"][-1]["ucj"] >= 0.6 * (1 - 0.005)
    csr = {r["year"]: r["csr_idr"] for r in answer["years"]}
    assert csr[2026] > 0
    # 5 % less CSR money in 2026 leaves the gap open.
    from sim.planning_schema import Pledge

    short = Pledge(budget.GAP_PLEDGE, YearAmounts(by_year=((2025, csr[2025]), (2026, 0.95 * csr[2026]))), 1.0, 2025, 2,
                   ("vulnerable", "sertakan"), 0.0)
    check = budget.with_funding(scenario, pledges=(short,))
    assert money_bound(project_scenario(check, {budget.GAP_PLEDGE: 1.0}))


def test_tornado_moves_outputs_the_right_way():
    scenario = load_scenario(SMALL)
    result = budget.tornado(scenario)
    assert result["base"] == pytest.approx({k: v for k, v in budget.key_outputs(scenario).items()}, rel=1e-6)
    rows = {r["parameter"]: r for r in result["rows"]}
    load = rows["assumptions.mortality_load"]
    assert load["claims_expected_idr_high"] > load["claims_expected_idr_low"]
    capacity = rows["pipeline.kelurahan.capacity"]
    # Capacity 0: nobody enrolled, only the third-party members remain.
    assert capacity["members_end_low"] < 250 < capacity["members_end_high"]
    swings = [r["largest_relative_swing"] for r in result["rows"] if r["largest_relative_swing"] is not None]
    assert swings == sorted(swings, reverse=True)


def test_city_money_is_the_apbd_and_dbh_cht_only_not_csr_or_sertakan():
    """madiun-2026-ucj-csr without APBD: the city's money is its DBH-CHT, Rp500 m a year over 2026-2030, all spent
    (it may pay only for vulnerable workers, who cost more), so Rp2.5 bn; the CSR pledge and SERTAKAN pay premiums
    too, and counting them would make the city pay for what firms and workers pay."""
    scenario = load_scenario("madiun-2026-ucj-csr", ["funding.apbd_budget.value=0",
                                                     "funding.apbd_budget.range=[0, 1e12]"])
    model = build_model(scenario)
    assert {"CSR:companies", "SERTAKAN"} <= {b for b, v in model.projection.premium.items() if v.sum() > 0}
    assert budget.city_premium(model, expected(model)) == pytest.approx(5 * 500_000_000, rel=1e-9)
