"""Memory of a long projected horizon: what is kept must grow linearly with the months, not with their square.

Each month's entrants form cells of their own, so a segment's cells grow with the months (madiun-2026-ucj's SERTAKAN
segment: 4,056 cells at 5 years, 30,056 at 30), and a table of cells x months grows with the square of the horizon
(``sim plan madiun-2026-ucj`` took 7.6 GB at 20 years). The ledger (``sim.membership.SegmentLedger``) keeps its
steps and per-cell and per-month arrays only, and works a past month's in-force out again when asked for; these
tests measure every array it holds, after the office's run and after ``end_at`` cut a horizon ending in June back.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.expansion import project_scenario
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
