"""Memory of a long projected horizon: what is kept must grow linearly with the months, not with their square.

Each month's entrants form cells of their own, so a segment's cells grow with the months (madiun-2026-ucj's SERTAKAN
segment: 4,056 cells at 5 years, 30,056 at 30), and a table of cells x months grows with the square of the horizon
(``sim plan madiun-2026-ucj`` took 7.6 GB at 20 years). The ledger (``sim.membership.SegmentLedger``) keeps its
steps and per-cell and per-month arrays only, and works a past month's in-force out again when asked for; the first
test measures every array it holds, after the office's run and after ``end_at`` cut a horizon ending in June back.
The engine places the events of a segment of many positions group by group (``sim.engine.GroupedPlacement``); the
other tests check that every event falls where the whole table puts it and that the claims are the same, bit for bit.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.expansion import project_scenario
from sim.population import build_model
from sim.scenario import load_scenario


def _arrays(x, seen=None):
    """Every NumPy array reachable from ``x`` through attributes, dicts, lists and tuples (each once)."""
    seen = set() if seen is None else seen
    if id(x) in seen:
        return
    seen.add(id(x))
    if isinstance(x, np.ndarray):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from _arrays(v, seen)
    elif isinstance(x, (list, tuple)):
        for v in x:
            yield from _arrays(v, seen)
    elif hasattr(x, "__dict__") and type(x).__module__.startswith("sim."):
        yield from _arrays(vars(x), seen)


@pytest.mark.parametrize("horizon", [42, 120])  # 120: a December end; 42: June, booked on to December and cut back
def test_a_ledger_holds_no_cells_by_months_array(horizon):
    projection = project_scenario(load_scenario("madiun-2026-ucj", [f"scenario.horizon_months={horizon}"]))
    for name, ledger in projection.ledgers.items():
        cells, months = ledger.sex.size, ledger.months
        sizes = [a.size for a in _arrays(ledger)]
        # A (cells, months) table would be cells x months numbers; per-cell and per-month arrays (and the few
        # tables by sex and age) add up to a small multiple of cells + months.
        assert max(sizes) <= 2 * max(cells, months, 256), (name, max(sizes), cells, months)
        assert sum(sizes) <= 40 * (cells + months + 256), (name, sum(sizes), cells, months)
        assert ledger.members().shape == (months,) and ledger.inforce.shape == (cells, months)


def test_grouped_placement_puts_every_draw_where_the_whole_table_does():
    """:class:`sim.engine.GroupedPlacement` (a segment of many positions) against :func:`sim.engine.placement`'s
    table: the same position for draws anywhere, on a cdf point, at 0 and at the total (the last place), over
    groups of one cell and of several, with empty cells and a last group without a place."""
    from sim import engine

    rng = np.random.default_rng(7)
    rate = rng.random((40, 13)) * (rng.random((40, 13)) < 0.6)
    rate[5:9] = 0.0
    rate[-3:] = 0.0
    model = build_model(load_scenario("madiun-2026-ucj", ["scenario.horizon_months=13"]))
    whole = engine.placement(model, rate)
    x = rng.random(5000) * whole.total
    x[:4] = (0.0, whole.cdf[0], whole.cdf[len(whole.cdf) // 2], whole.total)
    for positions in (13, 40, 13 * 7):
        engine.GROUP_POSITIONS, saved = positions, engine.GROUP_POSITIONS
        try:
            grouped = engine.GroupedPlacement.of(model, rate)
        finally:
            engine.GROUP_POSITIONS = saved
        assert grouped.total == whole.total
        assert np.array_equal(grouped.place(x), whole.position[whole.place(x)])
        pos = grouped.place(x)
        for look in ("month", "cell", "period", "regime"):
            assert np.array_equal(getattr(grouped, look)[pos], getattr(whole, look)[whole.place(x)]), look


@pytest.mark.parametrize("ref", ["madiun-2026-ucj", "madiun-2026-ucj-csr"])
def test_events_placed_group_by_group_pay_the_same_claims(ref, monkeypatch):
    """Every segment placed group by group (``GROUP_POSITIONS`` 1,000, groups of a few cells) gives the same claims,
    bit for bit, as the whole tables: the JKM death benefit by tenure, the scholarships, the bands of the members'
    ages, care prices and wages by month (a care cost trend and wage growth make every accident need its month)."""
    from sim import engine

    scenario = load_scenario(ref, ["assumptions.severity.medical_cost_trend=0.05", "assumptions.wage_growth=0.05"])
    whole = engine.simulate_block(build_model(scenario), engine.Block(0, 0, 200))
    monkeypatch.setattr(engine, "GROUP_POSITIONS", 1000)
    model = build_model(scenario)
    assert any(isinstance(t.jkm, engine.GroupedPlacement) for t in engine.tables(model))
    grouped = engine.simulate_block(model, engine.Block(0, 0, 200))
    assert np.array_equal(grouped.amounts, whole.amounts) and np.array_equal(grouped.counts, whole.counts)
    assert grouped.amounts.sum() > 0 and grouped.simulated_events == whole.simulated_events
