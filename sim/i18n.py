"""Report language: Indonesian (default) or English words, and numbers written the way each reader expects.

Indonesian: ``Rp3,05 miliar``, ``Rp604,8 juta``, ``17.484`` peserta, ``99,5%``, ``21 November 2025``.
English: ``Rp3.05 bn``, ``Rp604.8 m``, ``17,484`` members, ``99.5%``, ``21 November 2025``.

Every figure in a report goes through :meth:`Language.figure`, so the HTML, the PDF and the test that checks the
report against ``summary.json`` format a value the same way.
"""

from __future__ import annotations

import datetime as dt
import math

LANGUAGES = ("id", "en")

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

# Short scale words for Rupiah: (threshold, Indonesian, English). "miliar" is 10^9, "triliun" 10^12.
MONEY_SCALES = ((1e12, "triliun", "tn"), (1e9, "miliar", "bn"), (1e6, "juta", "m"))

# Kinds of figure a report shows; ``Language.figure(kind, value)`` formats each.
KINDS = ("money", "count", "percent", "percent1", "number", "number3", "plain")


class Language:
    """Formats numbers and dates, and looks up report words, in one language (``id`` or ``en``)."""

    def __init__(self, code: str):
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
        self.code = code
        self._thousands, self._decimal = (".", ",") if code == "id" else (",", ".")

    # --- numbers ----------------------------------------------------------------------------------------------

    def _digits(self, x: float, decimals: int) -> str:
        """``x`` with this language's thousands separator and decimal mark."""
        text = f"{x:,.{decimals}f}"  # English marks first, then swapped for Indonesian
        return text.translate(str.maketrans({",": self._thousands, ".": self._decimal}))

    def money(self, x: float | None) -> str:
        if x is None or (isinstance(x, float) and not math.isfinite(x)):
            return "-"
        sign = "-" if x < 0 else ""
        a = abs(x)
        for threshold, id_word, en_word in MONEY_SCALES:
            if a >= threshold:
                decimals = 1 if threshold == 1e6 else 2
                return f"{sign}Rp{self._digits(a / threshold, decimals)} {id_word if self.code == 'id' else en_word}"
        return f"{sign}Rp{self._digits(a, 0)}"

    def count(self, x: float | None) -> str:
        return "-" if x is None else self._digits(x, 0)

    def number(self, x: float | None, decimals: int = 2) -> str:
        return "-" if x is None else self._digits(x, decimals)

    def plain(self, x: float | None) -> str:
        """A parameter value as written, up to 6 decimals, without trailing zeros: 1.919408 -> ``1,919408``."""
        if x is None:
            return "-"
        if float(x) == int(x) and abs(x) < 1e15:
            return self._digits(x, 0)
        return self._digits(x, 6).rstrip("0").rstrip(self._decimal)

    def percent(self, x: float | None, decimals: int = 0) -> str:
        """A share as a percentage: 2.5 -> ``250%``."""
        return "-" if x is None else f"{self._digits(100 * x, decimals)}%"

    def figure(self, kind: str, value) -> str:
        """Format ``value`` as a figure of the given kind (see KINDS)."""
        if kind == "money":
            return self.money(value)
        if kind == "count":
            return self.count(value)
        if kind == "percent":
            return self.percent(value)
        if kind == "percent1":
            return self.percent(value, 1)
        if kind == "number":
            return self.number(value)
        if kind == "number3":
            return self.number(value, 3)
        if kind == "plain":
            return self.plain(value)
        raise ValueError(f"unknown figure kind {kind!r}")

    # --- dates ------------------------------------------------------------------------------------------------

    def date(self, d: dt.date) -> str:
        return f"{d.day} {MONTHS[self.code][d.month - 1]} {d.year}"

    def month(self, d: dt.date) -> str:
        return f"{MONTHS[self.code][d.month - 1]} {d.year}"

    # --- words ------------------------------------------------------------------------------------------------

    def basis(self, basis: str) -> str:
        """``law``, ``data``, ``derived``, ``calibrated``, ``assumption`` in words."""
        return self(f"basis_{basis}") if basis else ""

    def benefit(self, name: str) -> str:
        return self(f"benefit_{name}")

    def flag(self, flag: str) -> str:
        return self(f"flag_{flag}")

    def __call__(self, key: str, **values) -> str:
        """The report text ``key`` in this language, with ``{placeholders}`` filled from ``values``; placeholders
        not given stay as they are, for the figures a report fills in later."""
        from .report_text import TEXT  # the word list is long; keep it in its own module

        return TEXT[key][self.code].format_map(_Keep(values))


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"
