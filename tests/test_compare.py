"""``sim compare``'s key outputs picked from the budget path."""

from __future__ import annotations

from sim import compare
from sim.scenario import load_scenario


def test_of_two_years_with_equal_need_the_peak_year_is_the_first(monkeypatch):
    """A need of Rp100, Rp300, Rp300 for 2025-2027 (hand-built, in place of sim.budget.budget_needed): the peak is
    Rp300 and its year 2025 + 1 = 2026, the first of the two equal years, not 2027 (the last of equal peaks
    survived the mutation audit). The first year's need is 2025's; the average 700 x 12 / 36 months = Rp233.33."""
    years = [{"year": 2025, "budget_idr": 100.0}, {"year": 2026, "budget_idr": 300.0},
             {"year": 2027, "budget_idr": 300.0}]
    need = {"for": "members", "years": years}
    monkeypatch.setattr(compare.budget, "budget_needed", lambda scenario, confidence: need)
    out = compare.key_outputs(load_scenario("jambi-2025", ["scenario.trials=200"]), 0.9)
    assert (out["budget_needed_peak_year"], out["budget_needed_peak_year_idr"]) == (2026, 300.0)
    assert out["budget_needed_first_year_idr"] == 100.0
    assert round(out["budget_needed_per_year_idr"], 2) == 233.33
