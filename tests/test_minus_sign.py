"""One minus sign in a report: the formatters (sim.i18n: money, points, counts) and every text of the code write
the ASCII hyphen-minus, "-5", which the CSV and JSON outputs need as well; a scenario's age-shift source wrote
"Rentang −5 sampai +5 tahun" (U+2212) a few words after its own "pada -5", and beside the register's range "-5 – 5"
of the same report. The texts a report shows from the code, the data tables and the shipped scenarios use the
hyphen-minus; the sign is in use, so the test is not vacuous."""

from __future__ import annotations

import re

from sim.i18n import Language

MINUS = "\u2212"


def test_report_texts_write_a_minus_as_the_hyphen_minus(root):
    files = [*sorted((root / "sim").glob("*.py")), *sorted((root / "sim" / "data").glob("*.[tc]*")),
             *sorted((root / "scenarios").rglob("*.toml"))]
    found = [f.relative_to(root).as_posix() for f in files if MINUS in f.read_text(encoding="utf-8")]
    assert not found, f"U+2212 minus in {found}; write '-' as the formatters do"
    defaults = (root / "scenarios" / "base" / "national-defaults.toml").read_text(encoding="utf-8")
    assert re.search(r"pada -5 .* Rentang -5 sampai \+5", defaults)  # the text this test was written for


def test_the_formatters_write_the_hyphen_minus():
    lang = Language("id")
    assert (lang.money(-5e9), lang.points(-0.17), lang.count(-5)) == ("-Rp5,00 miliar", "-17", "-5")
