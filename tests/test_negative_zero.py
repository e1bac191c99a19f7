"""Negative zero is not shown nor written: `sim plan` printed "unpaid Rp-0" and plan.json had "mean": -0.0 (the
rounded difference of two equal amounts, kediri-2026-plan 2028); a report would show "-Rp0" for -0.3."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sim.cli import rupiah
from sim.forecast import write_json
from sim.i18n import Language
from sim.plan import PLAN_TABLES, column_decimals, write_plan, write_table
from sim.scenario import load_scenario


@pytest.mark.parametrize("x", [-0.0, -0.3, round(-1e-9, 2)])
def test_an_amount_shown_as_zero_has_no_sign(x):
    assert rupiah(x) == "Rp0"
    for code in ("id", "en"):
        lang = Language(code)
        assert lang.money(x) == "Rp0" and lang.rupiah(x) == "Rp0" and lang.count(x) == "0"


def test_a_negative_amount_keeps_its_sign():
    assert rupiah(-7) == "Rp-7" and rupiah(-5e6) == "Rp-5.0 m"
    assert Language("id").money(-5e6) == "-Rp5,0 juta" and Language("en").money(-7) == "-Rp7"
    assert Language("en").count(-3) == "-3"


def test_the_json_written_has_no_negative_zero(tmp_path):
    write_json(tmp_path / "plan.json", {"unpaid": {"mean": round(-1e-9, 2), "p5": -0.0}, "years": [(-0.0, -1.5)],
                                        "n": 0, "flag": False})
    text = (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert "-0.0" not in text
    assert json.loads(text) == {"unpaid": {"mean": 0.0, "p5": 0.0}, "years": [[0.0, -1.5]], "n": 0, "flag": False}


def test_the_plan_csv_tables_have_no_negative_zero_and_fixed_decimals(tmp_path):
    """madiun-2026-ucj-csr's plan_funding.csv had unspent_idr "-0.0" (a pledge spent to the last rupiah), and each
    column kept the rounding of where it came from (claims incurred to 4 decimals beside claims paid to 2)."""
    frame = pd.DataFrame({"year": [2026, 2027], "payer": ["CSR:co-funded", "APBD"],
                          "unspent_idr": [-0.0, round(-1e-9, 2)], "spent_idr": [250000000.0, 1234.5678],
                          "available_idr": [None, 7.0], "ucj": [0.567952, 0.6], "probability_failed": [None, 0.013125]})
    write_table(frame, tmp_path / "plan_funding.csv")
    text = (tmp_path / "plan_funding.csv").read_text(encoding="utf-8")
    assert "-0" not in text
    assert text.splitlines()[1:] == ["2026,CSR:co-funded,0.00,250000000.00,,0.5680,",
                                     "2027,APBD,0.00,1234.57,7.00,0.6000,0.0131"]


@pytest.fixture(scope="module")
def madiun_plan(tmp_path_factory):
    out = tmp_path_factory.mktemp("plan")
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.trials=200", "scenario.seed=1"])
    write_plan(scenario, out, sensitivity=False)
    return out


def test_sim_plan_writes_each_csv_column_with_one_precision(madiun_plan):
    funding = (madiun_plan / "plan_funding.csv").read_text(encoding="utf-8")
    assert ",-0.0" not in funding and ",-0.00" not in funding
    for name in PLAN_TABLES:
        table = pd.read_csv(madiun_plan / name, dtype=str, keep_default_na=False)
        for column in table.columns:
            numbers = [v for v in table[column] if "." in v and v.replace(".", "").lstrip("-").isdigit()]
            decimals = {len(v.split(".")[1]) for v in numbers}
            assert decimals <= {column_decimals(column)}, (name, column, decimals)


def test_sim_plan_writes_tornado_csv_by_the_same_rule(tmp_path, monkeypatch):
    """tornado.csv was written by pandas as computed (a key output to 6 decimals, a rounded zero as "-0.0"), beside
    plan_*.csv with their fixed decimals. An assumption's own value and range ends keep their digits (a rate 0.0005)."""
    row = {"parameter": "assumptions.age_shift", "unit": "years", "value": -0.0, "low": -5.0, "high": 0.0005,
           "members_end_low": round(-1e-9, 6), "premium_idr_low": 1136683514.576823, "claim_ratio_low": 0.690006,
           "largest_relative_swing": 0.383862, "mortality_scale_recalibrated_low": 1.0234567}
    monkeypatch.setattr("sim.plan.budget.tornado", lambda scenario: {"rows": [row]})
    write_plan(load_scenario("madiun-2025", ["scenario.trials=50", "scenario.seed=1"]), tmp_path / "plan")
    text = (tmp_path / "plan" / "tornado.csv").read_text(encoding="utf-8")
    assert "-0.0" not in text
    assert text.splitlines()[1] == "assumptions.age_shift,years,0.0,-5.0,0.0005,0.00,1136683514.58,0.6900,0.3839,1.0235"
