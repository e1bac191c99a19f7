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
LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}
# Scenario tables whose entries have names (segments, a segment's quota or exits, pipeline stages, CSR pledges in
# funding.csr): a parameter's name says which entry it belongs to.
NAMED_ENTRIES = ("segments", "expansion", "membership", "pipeline", "funding")


def in_each_language(text: str | dict) -> dict:
    """A scenario's title or label as {language code: text}: a plain text serves every report language."""
    return dict(text) if isinstance(text, dict) else {code: text for code in LANGUAGES}

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

# Short scale words for Rupiah: (threshold, Indonesian, English). "miliar" is 10^9, "triliun" 10^12.
MONEY_SCALES = ((1e12, "triliun", "tn"), (1e9, "miliar", "bn"), (1e6, "juta", "m"))
SE_THOUSANDS = (1e3, "ribu", "k")  # a standard error below a juta (Language.money_se): Rp300 ribu, not Rp0,30 juta

# Kinds of figure a report shows; ``Language.figure(kind, value)`` formats each. ``chance`` is a probability
# estimated from the trials (a share of them): 0 and 1 are shown as "< 0,1%" and "> 99,9%", never as a certainty.
# ``sig3`` is a parameter value to 3 significant digits (1.919408 -> ``1,92``; from 100 up, whole numbers).
# ``tiny`` is a share that may be very small (a p-value, a relative difference: ``< 0,01%``, not ``6,5e-12``, which a
# reader of a report does not read). ``money_se`` is a
# standard error of an amount, to 2 significant digits with a scale word, so that a column of them reads in one
# format (``Rp300 ribu`` beside ``Rp5,5 juta``, not ``Rp304.498``). ``money_interval`` is an interval of amounts,
# ``[low, high]`` (``Rp8,79–8,99 miliar``, an en dash); ``se_money`` a standard error named as one
# (``galat baku Rp54 juta``, ``SE Rp54 m``), for a cell that does not sit in a column of them. Both are precision
# figures that sim.risk leaves null where the trials are too few for one: null reads "simulasi terlalu sedikit".
# ``chance/N`` (:func:`chance_kind`) is a share of N trials, whose all or none shows the rule of three's bound.
KINDS = ("money", "money_se", "money_interval", "se_money", "rupiah", "count", "percent", "percent1", "percent_given",
         "points", "chance", "number", "number1", "number3", "plain", "sig3", "tiny")


def rule_of_three_bound(trials: int) -> float:
    """The rule of three: when none of ``trials`` independent trials shows an event, its chance is below 3/n with
    95 % confidence (and above 1 - 3/n when all do). A bound on a probability stays within 0-1: 3 trials or fewer
    bound nothing, 1.0."""
    return min(3 / trials, 1.0)


def chance_kind(trials: int) -> str:
    """The figure kind of a probability estimated from ``trials`` trials: ``chance/2000``."""
    return f"chance/{trials}"


class Language:
    """Formats numbers and dates, and looks up report words, in one language (``id`` or ``en``)."""

    def __init__(self, code: str):
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
        self.code = code
        self._thousands, self._decimal = (".", ",") if code == "id" else (",", ".")

    # --- numbers ----------------------------------------------------------------------------------------------

    def _digits(self, x: float, decimals: int) -> str:
        """``x`` with this language's thousands separator and decimal mark; no sign on a number shown as zero (-0.0,
        or -0.3 shown without decimals: "-0" read as a loss)."""
        text = without_negative_zero(f"{x:,.{decimals}f}")  # English marks first, then swapped for Indonesian
        return text.translate(str.maketrans({",": self._thousands, ".": self._decimal}))

    def money(self, x: float | None) -> str:
        if x is None or (isinstance(x, float) and not math.isfinite(x)):
            return "-"
        a = abs(x)
        for threshold, id_word, en_word in MONEY_SCALES:
            if a >= threshold:
                decimals = 1 if threshold == 1e6 else 2
                return f"{_sign(x)}Rp{self._digits(a / threshold, decimals)} {id_word if self.code == 'id' else en_word}"
        digits = self._digits(a, 0)
        return f"{_sign(x) if digits != '0' else ''}Rp{digits}"

    def money_se(self, x: float | None) -> str:
        """A standard error of an amount: 2 significant digits with a scale word, ribu (thousand) below a juta
        (``Rp300 ribu``, ``Rp2,9 ribu``, ``Rp5,5 juta``, ``Rp19 juta``, ``Rp1,2 miliar``; in English ``Rp300 k``);
        from 100 of a scale up, the whole number (``Rp304 juta``); below Rp1,000 in rupiah. An SE says how precise
        the mean beside it is; its third digit would only be noise."""
        if x is None or (isinstance(x, float) and not math.isfinite(x)):
            return "-"
        a = abs(x)
        rounded = float(f"{a:.2g}")  # the scale and decimals of the shown value: Rp999.999 is Rp1,0 juta
        if rounded < 1e3:
            return f"{'-' if x < 0 and rounded else ''}Rp{self._digits(rounded, 0)}"
        threshold, id_word, en_word = next(s for s in (*MONEY_SCALES, SE_THOUSANDS) if rounded >= s[0])
        v = a / threshold
        decimals = max(0, 1 - math.floor(math.log10(rounded / threshold)))
        return f"{'-' if x < 0 else ''}Rp{self._digits(v, decimals)} {id_word if self.code == 'id' else en_word}"

    def money_interval(self, interval: list | None) -> str:
        """An interval of amounts, ``[low, high]``, with an en dash (null: too few trials for one): one scale word
        where both ends share it (``Rp8,79\u20138,99 miliar``), else each its own
        (``Rp980,2 juta\u2013Rp1,02 miliar``)."""
        if interval is None:
            return self("flag_too_few")
        low, high = (self.money(x) for x in interval)
        word = low.rpartition(" ")[2]
        if " " in low and high.endswith(f" {word}") and not high.startswith("-"):
            return f"{low.removesuffix(f' {word}')}\u2013{high.removeprefix('Rp')}"
        return f"{low}\u2013{high}"

    def rupiah(self, x: float | None) -> str:
        """A Rupiah amount to the rupiah, without a scale word: a wage a reader compares with a minimum wage
        (``Rp2.185.185``; :meth:`money` would write ``Rp2,2 juta``)."""
        if x is None:
            return "-"
        digits = self._digits(abs(x), 0)
        return f"{_sign(x) if digits != '0' else ''}Rp{digits}"

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

    def points(self, x: float | None) -> str:
        """A change of a share in percentage points, signed: whole from 1 point (0.389 -> ``+39``), to 0.1 point
        below it (0.0058 -> ``+0,6``); a change that rounds to 0 is ``0``."""
        if x is None:
            return "-"
        decimals = 0 if abs(100 * x) >= 0.95 else 1  # 0.95 shows as 1.0 with a decimal: whole from there
        shown = points_shown(x)
        if shown == 0:
            return "0"
        return f"{'+' if shown > 0 else '-'}{self._digits(abs(shown), decimals)}"

    def chance(self, x: float | None, trials: int | None = None) -> str:
        """A probability estimated as a share of the trials, to 0.1 %: ``37,5%``. A share that would show as
        100,0% (all trials, or all but a few in many) is ``> 99,9%`` and one that would show as 0,0% is
        ``< 0,1%``: a finite number of trials never shows a certainty. Given the number of ``trials``, all or none
        of them is the 95 % bound of the rule of three (the true share is above 1 - 3/n, below 3/n), rounded
        outward to 0.1 %: 2,000 of 2,000 resolve no finer than ``> 99,8%``, 10,000 of 10,000 ``> 99,9%``; all but a
        few of them is the estimate to the digits they resolve, 1,999 of 2,000 ``99,95%``. All or none of 3 trials
        or fewer, which the rule of three does not bound, is the count: ``2 dari 2``."""
        if x is None:
            return "-"
        hits = round(x * trials) if trials else None
        if hits is not None and hits in (0, trials):
            bound = rule_of_three_bound(trials)
            if bound >= 1.0:  # 3 trials or fewer bound nothing: "> 0,0%" (2 of 2) and "< 100,0%" said nothing
                return f"{hits} {'dari' if self.code == 'id' else 'of'} {trials}"
            if hits == trials:  # round(.., 9): 1 - 3/2000 is 0.9985 in decimal, not 0.99849999...
                return f"> {self._digits(math.floor(round((1 - bound) * 1000, 9)) / 10, 1)}%"
            return f"< {self._digits(math.ceil(round(bound * 1000, 9)) / 10, 1)}%"
        if hits is not None and (x >= 0.9995 or x <= 0.0005):
            # All but a few (or a few) of many trials: the estimate itself, to the digits the trials resolve.
            # "> 99,9%" for 1,999 of 2,000 claimed more than the "> 99,8%" all 2,000 give.
            return self.percent(x, max(1, math.ceil(math.log10(trials)) - 2))
        if x >= 0.9995:
            return f"> {self._digits(99.9, 1)}%"
        if x < 0.0005:
            return f"< {self._digits(0.1, 1)}%"
        return self.percent(x, 1)

    def tiny(self, x: float | None) -> str:
        """A share that may be very small, as a percentage: ``< 0,01%`` below 0.005 % (a p-value of 1.5e-09, an
        exact mean 6.5e-12 off the direct calculation: scientific notation, ``6,5e-12``, read as a typing error in
        a report), to 0.01 % below 1 % (``0,35%``), to 0.1 % above (``12,5%``); ``0%`` for exactly 0."""
        if x is None:
            return "-"
        if x == 0:
            return f"{self._digits(0, 0)}%"
        if abs(x) < 0.00005:
            return f"< {self._digits(0.01, 2)}%"
        return self.percent(x, 2 if abs(x) < 0.01 else 1)

    def sig3(self, x: float | None) -> str:
        """A parameter value rounded to 3 significant digits, without trailing zeros: 1.919408 -> ``1,92``,
        0.687128 -> ``0,687``, 0.62 -> ``0,62``; from 100 up the whole number (``2.185.185``)."""
        return "-" if x is None else self.plain(significant(x))

    def figure(self, kind: str, value) -> str:
        """Format ``value`` as a figure of the given kind (see KINDS)."""
        if kind == "money":
            return self.money(value)
        if kind == "money_se":
            return self.money_se(value)
        if kind == "money_interval":
            return self.money_interval(value)
        if kind == "se_money":  # the words a reader knows a standard error by, then the amount
            name = "galat baku" if self.code == "id" else "SE"
            return self("flag_too_few") if value is None else f"{name} {self.money_se(value)}"
        if kind == "rupiah":
            return self.rupiah(value)
        if kind == "count":
            return self.count(value)
        if kind == "percent":
            return self.percent(value)
        if kind == "percent1":  # a share that is not a probability, to 0.1 % (coverage: 56,8%)
            return self.percent(value, 1)
        if kind == "percent_given":  # a share a scenario states, with its own digits: 0.02 -> ``2%``, 0.007 -> ``0,7%``
            return "-" if value is None else f"{self.plain(100 * value)}%"  # plain: 0.07 is "7%", not "7,000000000001%"
        if kind == "points":  # a change of a ratio in percentage points, signed: 0.389 -> ``+39``, 0.0058 -> ``+0,6``
            return self.points(value)
        if kind == "chance":
            return self.chance(value)
        if kind.startswith("chance/"):  # a share of the trials after the slash (chance_kind)
            return self.chance(value, int(kind.split("/", 1)[1]))
        if kind == "number":
            return self.number(value)
        if kind == "number1":
            return self.number(value, 1)
        if kind == "number3":
            return self.number(value, 3)
        if kind == "plain":
            return self.plain(value)
        if kind == "sig3":
            return self.sig3(value)
        if kind == "tiny":
            return self.tiny(value)
        raise ValueError(f"unknown figure kind {kind!r}")

    # --- dates ------------------------------------------------------------------------------------------------

    def date(self, d: dt.date) -> str:
        return f"{d.day} {MONTHS[self.code][d.month - 1]} {d.year}"

    def month(self, d: dt.date) -> str:
        return f"{MONTHS[self.code][d.month - 1]} {d.year}"

    def iso_date(self, text: str) -> str:
        """An ISO date (``2019-12-02``) or month (``2026-01``) in words: ``2 Desember 2019``, ``Januari 2026``;
        anything else as given."""
        try:
            if len(text) == 7:
                return self.month(dt.date.fromisoformat(text + "-01"))
            return self.date(dt.date.fromisoformat(text))
        except (TypeError, ValueError):
            return str(text)

    def months(self, first: str, last: str, dash: str = "\u2013") -> str:
        """The months from ``first`` to ``last`` (ISO months of one year, ``2026-07`` and ``2026-12``) in words:
        ``Juli–Desember 2026`` (an en dash, as a range of years is written; ``dash="-"`` on the terminal, whose text
        is ASCII), ``Juli 2026`` for one month: what a part year of a planning horizon holds."""
        a, b = (dt.date.fromisoformat(m + "-01") for m in (first, last))
        if a == b:
            return self.month(a)
        return f"{MONTHS[self.code][a.month - 1]}{dash}{self.month(b)}"

    def months_to_december(self, first: str, dash: str = "\u2013") -> str:
        """The months from ``first`` (an ISO month, ``2026-03``) to December of its year in words,
        ``Maret–Desember 2026``: what a budget year's APBD needed pays for, the members being renewed to 31 December
        (``sim.budget``), however early the horizon ends in that year."""
        return self.months(first, f"{first[:4]}-12", dash)

    def months_short(self, first: str, last: str) -> str:
        """The months from ``first`` to ``last`` (ISO months of one year) in short words, without the year:
        ``Jul–Des``, ``Des`` for one month; what a chart's axis names a part year by, under the year."""
        a, b = (dt.date.fromisoformat(m + "-01") for m in (first, last))
        short = [MONTHS[self.code][d.month - 1][:3] for d in (a, b)]  # Jan ... Agu ... Des, as CLDR abbreviates
        return short[0] if a == b else "–".join(short)

    def timestamp(self, text: str) -> str:
        """An ISO date and time with its offset in words: ``21 November 2026, 14.17.46 UTC+00:00`` (Indonesian
        writes the time with dots); anything else as given."""
        try:
            t = dt.datetime.fromisoformat(text)
        except (TypeError, ValueError):
            return str(text)
        clock = t.strftime("%H.%M.%S" if self.code == "id" else "%H:%M:%S")
        zone = ""
        if t.utcoffset() is not None:
            minutes = int(t.utcoffset().total_seconds() // 60)
            zone = f" UTC{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return f"{self.date(t.date())}, {clock}{zone}"

    # --- words ------------------------------------------------------------------------------------------------

    def basis(self, basis: str) -> str:
        """``law``, ``data``, ``derived``, ``calibrated``, ``assumption`` in words."""
        return self(f"basis_{basis}") if basis else ""

    def benefit(self, name: str) -> str:
        return self(f"benefit_{name}")

    def confidence(self, level: str) -> str:
        """A rule's confidence (``High``, ``Medium``, ``Low``) in words; anything else as given."""
        from .report_text import TEXT

        key = f"confidence_{str(level).lower()}"
        return self(key) if key in TEXT else str(level)

    def unit(self, unit: str) -> str:
        """A unit as written in a scenario or rule file (English) in this language: ``persons`` -> ``orang``;
        a unit not in the table stays as written."""
        from .report_text import UNITS

        return UNITS.get(unit, unit) if self.code == "id" else unit

    def parameter(self, key: str, entries: dict | None = None) -> str:
        """A parameter's dotted key as a name a reader knows: ``segments.vulnerable.male_share`` ->
        ``Proporsi laki-laki – Pekerja informal rentan (BPU)``; ``segments.*.FIELD`` -> ``... (semua segmen)``.
        A field of a named entry (a segment's quota or exits, a pipeline stage, a CSR pledge:
        ``pipeline.kecamatan.capacity``) names the entry after a dash: its name in ``entries``, under its
        dotted path (``funding.csr.companies``) or else its name (a segment's), else the entry's name as the
        scenario writes it. A key listed whole in ``entries`` is named by that (a default's segments). An entry's
        label is named by what it names (``Nama segmen``), not by the label. A field without a name is its last part
        humanised (``foo_bar`` -> ``Foo bar``)."""
        from .report_text import ENTRY_LABELS, PARAMETERS

        parts = key.split(".")
        field = parts[-1]
        kind = "funding.csr" if key.startswith("funding.csr.") else parts[0]
        if field == "label" and kind in ENTRY_LABELS and self.entry(key) is not None:
            return ENTRY_LABELS[kind][self.code]  # not "Nama – Buruh batik (BPU)", the label it shows beside it
        names = PARAMETERS.get(field)
        name = names[self.code] if names else field.replace("_", " ").strip().capitalize()
        entries = entries or {}
        if key in entries:  # whose a default is (``assumptions.mortality_load``)
            return f"{name} – {entries[key]}"
        if len(parts) >= 3 and parts[0] in NAMED_ENTRIES and parts[-2] == "*":
            return f"{name} ({self('all_segments')})"
        entry = self.entry(key, entries)
        return f"{name} – {entry}" if entry is not None else name

    @staticmethod
    def entry(key: str, entries: dict | None = None) -> str | None:
        """The name of the named entry a parameter belongs to (a segment, a segment's quota or exits, a pipeline
        stage, a CSR pledge), as :meth:`parameter` gives it after the dash: its name in ``entries`` under its
        dotted path (``funding.csr.companies``) or else its name, else the entry's name as the scenario writes
        it; None for a field of a table (``claim_timing.payment_months``) or of all segments (``segments.*.x``)."""
        parts = key.split(".")
        if len(parts) < 3 or parts[0] not in NAMED_ENTRIES or parts[-2] == "*":
            return None
        entries = entries or {}
        return entries.get(".".join(parts[:-1]), entries.get(parts[-2], parts[-2]))  # qualified first

    def choice(self, field: str, value: str) -> str:
        """An enumerated text value of a scenario field (``pipeline.mode = "expected"``) in this language: Indonesian
        words from ``VALUE_WORDS``; in English, or for a value not listed, as the scenario writes it."""
        from .report_text import VALUE_WORDS

        return VALUE_WORDS.get(field, {}).get(value, value) if self.code == "id" else value

    def value(self, x) -> str:
        """A parameter value for a table cell: numbers with this language's marks (``0,5``), lists of them too
        (``[0,0024; 0,0054]`` in Indonesian, where the comma is the decimal mark), text as given."""
        if isinstance(x, bool) or x is None:
            return str(x)
        if isinstance(x, (int, float)):
            return self.plain(x)
        if isinstance(x, (list, tuple)):
            separator = "; " if self.code == "id" else ", "
            return "[" + separator.join(self.value(v) for v in x) + "]"
        if isinstance(x, str):
            return x
        return str(x)

    def join(self, items, word: str = "and", separator: str = ", ") -> str:
        """``items`` as one list with ``and`` or ``or`` (``word``) before the last, in this language's style.
        Indonesian (PUEBI / EYD V, Tanda Koma rule 1) puts the separator before the last word from three items
        on: ``A dan B``, ``A, B, dan C``. English, as the project has always written it, does not: ``A and B``,
        ``A, B and C``. ``separator`` is ``"; "`` for items with commas of their own (``A; B; dan C``).
        ``word="and_groups"`` joins lists that hold an "and" each: the separator and a word apart from theirs
        before the last in both languages, from two on (``A dan B, serta C``; ``A and B, and C``). No items: ""."""
        items = [str(item) for item in items]
        if len(items) < 2:
            return "".join(items)
        serial = word == "and_groups" or (self.code == "id" and len(items) > 2)
        last = separator.rstrip() + " " if serial else " "
        return separator.join(items[:-1]) + last + self(f"list_{word}") + " " + items[-1]

    def flag(self, flag: str) -> str:
        return self(f"flag_{flag}")

    def __call__(self, key: str, **values) -> str:
        """The report text ``key`` in this language, with ``{placeholders}`` filled from ``values``; placeholders
        not given stay as they are, for the figures a report fills in later."""
        from .report_text import TEXT  # the word list is long; keep it in its own module

        text = TEXT[key][self.code]
        if self.code == "en":
            text = _one_month(text, values)
        return text.format_map(_Keep(values))


def _one_month(text: str, values: dict) -> str:
    """The English ``{k} months`` as ``{k} month`` where ``k`` is given as 1 (and ``{k} months'`` as ``{k}
    month's``): a horizon, a recorded period or a part year can be one month long, and "the 1 months of that year"
    read wrongly. Indonesian "bulan" has no plural."""
    for name, value in values.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == 1:
            text = text.replace(f"{{{name}}} months'", f"{{{name}}} month's")
            text = text.replace(f"{{{name}}} months", f"{{{name}}} month")
    return text


def upper_first(text: str) -> str:
    """The text with a capital first letter, for words that start a sentence or a line of a list ("mandiri: ..."
    -> "Mandiri: ..."), where the same words elsewhere (an axis, a table cell) keep their case."""
    return text[:1].upper() + text[1:]


def without_negative_zero(text: str) -> str:
    """A formatted number without its minus sign when every digit shown is 0 ("-0", "-0.00" -> "0", "0.00")."""
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def _sign(x: float) -> str:
    return "-" if x < 0 else ""


def points_shown(x: float) -> float:
    """A change of a share in percentage points as :meth:`Language.points` shows it: whole from 1 point, to 0.1
    point below it."""
    return round(100 * x, 0 if abs(100 * x) >= 0.95 else 1)


def significant(x: float, digits: int = 3) -> float:
    """``x`` rounded to ``digits`` significant digits (1.919408 -> 1.92); from 100 up, to a whole number."""
    if x == 0 or not math.isfinite(x):
        return x
    if abs(x) >= 100:
        return float(round(x))
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"
