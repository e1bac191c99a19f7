"""A full year's premium (the budget figure, sim.coverage.funding and summary.json's ``budget``) under the rules of
each of its 12 months. It once took the rate of the first month for all twelve, so a year that straddles the end of
PP 50/2025's BPU discount (CSR and SERTAKAN payers pay Rp8,400 a month through December 2026, then Rp16,800) was
understated by a third: jambi-2025 moved to July 2026 with its BPU workers paid by CSR budgets 6 x 8,400 + 6 x
16,800 = Rp151,200 a member, not 12 x 8,400 = Rp100,800. The closed-form premium of the same 12 months (which also
prices each month under its own rules) is the independent check; it is a little lower, as members who die stop
paying."""

from __future__ import annotations

import pytest

from sim.closed_form import expected
from sim.coverage import funding, twelve_months
from sim.population import annual_premium_budget, build_model, year_premium_rates
from sim.report import build
from sim.scenario import load_scenario
from test_report_planning import one_commit, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders)
STRADDLE = ["scenario.start=2026-07", "segments.vulnerable.payer=CSR", "scenario.horizon_months=12"]
DISCOUNTED, FULL = 8_400, 16_800  # IDR a member a month: PP 50/2025 (Lampiran), BPU JKK + JKM at the lowest band


def test_a_year_across_the_end_of_the_discount_is_priced_month_by_month():
    scenario = load_scenario("jambi-2025", STRADDLE)
    [seg] = [s for s in scenario.segments if s.name == "vulnerable"]
    assert year_premium_rates(scenario, seg) == [DISCOUNTED] * 6 + [FULL] * 6
    [row] = [r for r in funding(scenario) if r["segment"] == "vulnerable"]
    assert row["monthly_premium_idr"] == DISCOUNTED and row["rate_changes_in_year"]
    assert row["annual_premium_idr"] == seg.members * (6 * DISCOUNTED + 6 * FULL)
    # The closed form's premium of the same months: below the full-year figure by the members who die, under 1 %.
    simulated = float(expected(build_model(scenario)).premium.sum())
    budgeted = annual_premium_budget(scenario)
    assert 0.99 * budgeted < simulated < budgeted


def test_a_year_under_one_rate_is_twelve_times_it():
    scenario = load_scenario("jambi-2025")
    assert not any(r["rate_changes_in_year"] for r in funding(scenario))
    assert annual_premium_budget(scenario) == sum(s.members * 12 * FULL for s in scenario.segments)
    assert twelve_months(scenario)["annual_premium_idr"] == annual_premium_budget(scenario)


def test_a_fixed_rules_date_prices_every_month_by_its_rules():
    scenario = load_scenario("jambi-2025", [*STRADDLE, "scenario.rules_date=2026-12-01"])
    [seg] = [s for s in scenario.segments if s.name == "vulnerable"]
    assert year_premium_rates(scenario, seg) == [DISCOUNTED] * 12


@pytest.mark.parametrize("lang, words", [("id", "bukan 12 kali iuran bulan pertama"),
                                          ("en", "not 12 times the first")])
def test_the_report_says_why_the_table_does_not_multiply_out(tmp_path, lang, words):
    report = build(load_scenario("jambi-2025", [*STRADDLE, "scenario.trials=200"]), lang, tmp_path)
    assert words in section_text(report.folder, "budget")
    plain = build(load_scenario("jambi-2025", ["scenario.trials=200"]), lang, tmp_path / "plain")
    assert words not in section_text(plain.folder, "budget")
    # The summary's budget sentence: each month at its own rates, not "at the rates in force on 1 July 2026"
    # (which would give 12 x Rp8,400).
    changing = ("dengan tarif yang berlaku pada setiap bulannya" if lang == "id"
                else "each month at the rates in force then")
    assert changing in section_text(report.folder, "summary")
    assert changing not in section_text(plain.folder, "summary")
