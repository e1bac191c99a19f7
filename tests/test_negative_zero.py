"""Negative zero is not shown nor written: `sim plan` printed "unpaid Rp-0" and plan.json had "mean": -0.0 (the
rounded difference of two equal amounts, kediri-2026-plan 2028); a report would show "-Rp0" for -0.3."""

from __future__ import annotations

import json

import pytest

from sim.cli import rupiah
from sim.forecast import write_json
from sim.i18n import Language


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
