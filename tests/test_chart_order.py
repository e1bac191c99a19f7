"""The charts stack and list payers in the same order in every run.

Payers are put in order of their premium, largest first. Two payers paying the same (two CSR pledges of equal size,
or two that pay nothing in the horizon) were left in the order of a Python ``set``, which for strings changes with
each process's hash seed (``PYTHONHASHSEED``): the same scenario and seed drew a different chart. Ties now go by
name. The orders are computed in fresh processes with different hash seeds and must all be the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sim import charts

ROOT = Path(__file__).resolve().parents[1]
PAYERS = ["APBD", "APBN", "CSR", "DBH-CHT", "SELF", "SERTAKAN", "BAZNAS", "DESA"]

# Every payer pays the same: the order is all ties.
PROGRAM = f"""
import json
from sim import charts
payers = {PAYERS!r}
funding = [{{"payer": p, "segment": "s" + str(i % 2), "annual_premium_idr": 1.0e6}} for i, p in enumerate(payers)]
premiums = [{{"payer": p, "year": 2026, "premium_idr": 5.0e5}} for p in payers]
print(json.dumps([charts.funding_bars(funding)[0], charts.premium_stacks([{{"year": 2026}}], premiums)[0]]))
"""


def _orders(hash_seed: int) -> list:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_payers_with_the_same_premium_come_in_the_same_order_whatever_the_hash_seed():
    orders = [_orders(seed) for seed in range(6)]
    assert all(o == orders[0] for o in orders), orders
    assert orders[0] == [sorted(PAYERS), sorted(PAYERS)]  # ties by name


def test_payers_are_stacked_and_barred_largest_premium_first():
    """The largest premium over the years at the bottom of each year's stack, and the top bar of the funding chart
    (each payer's whole premium, its segments together), whatever order the rows come in."""
    years = [{"year": 2026}, {"year": 2027}]
    premiums = [{"payer": payer, "year": year, "premium_idr": amount}
                for payer, year, amount in (("APBD", 2026, 1.0e6), ("CSR", 2026, 3.0e6), ("SELF", 2027, 1.5e6),
                                            ("SELF", 2026, 1.0e6))]
    order, stacks = charts.premium_stacks(years, premiums)
    assert order == ["CSR", "SELF", "APBD"]
    assert stacks == {"CSR": [3.0e6, 0], "SELF": [1.0e6, 1.5e6], "APBD": [1.0e6, 0]}
    funding = [{"payer": "APBD", "segment": "a", "annual_premium_idr": 2.0e6},
               {"payer": "CSR", "segment": "a", "annual_premium_idr": 1.0e6},
               {"payer": "CSR", "segment": "b", "annual_premium_idr": 1.5e6}]
    payers, segments, premium = charts.funding_bars(funding)
    assert payers == ["CSR", "APBD"] and segments == ["a", "b"] and premium[("CSR", "b")] == 1.5e6
