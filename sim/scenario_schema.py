"""What a scenario file may contain: the allowed values (bases, occupations, mortality tables), the value checks
and the field tables of every scenario table, each key with its unit and check.

The format is documented in ``scenarios/README.md``; ``sim/scenario.py`` reads, validates and builds scenarios with
these tables, and ``sim/planning_schema.py`` adds the optional planning tables.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from .regulation import PAYERS, SCHEMES

BASES = ("law", "data", "derived", "calibrated", "assumption")
OCCUPATIONS = (
    "non-asn", "transport", "construction", "trade", "agriculture", "fisheries", "manufacturing",
    "community", "religious", "mixed-informal", "other",
)
MORTALITY_TABLES = ("TMI-IV-2019",)
SHARE_TOLERANCE = 1e-6
PARAM_KEYS = ("value", "unit", "source", "source_id", "basis", "range", "note", "note_id")
# Optional Indonesian texts of a parameter's source and note, which the Indonesian report shows in their place.
TRANSLATED_KEYS = {"source": "source_id", "note": "note_id"}
# Tables that record facts about a scenario (what a calibrated one was fitted to) rather than inputs of the model:
# the parameter walkers (assumption register, sensitivity, compare's differences) skip them.
RECORD_TABLES = ("calibration",)
# Optional planning tables, checked in sim/planning_schema.py.
PLANNING_TABLES = ("expansion", "membership", "pipeline", "funding", "ucj", "claim_timing")
TOP_TABLES = ("scenario", "segments", "assumptions", "budget", "uncertainty", "calibration", *PLANNING_TABLES)
# Tables a scenario may leave out (a --set into one it lacks has nothing to change: sim.scenario names the --set).
OPTIONAL_TABLES = ("budget", "uncertainty", "calibration", *PLANNING_TABLES)


# --- Value checks: each returns an error message or None ------------------------------------------------------


MAX_MEMBERS = 100_000_000  # largest number of members of a segment (and of a what-if); more than Indonesia's workforce
MAX_TRIALS = 100_000_000  # largest scenario.trials, and the largest --chunk-trials / --max-trials


def shown(x, limit: int = 60) -> str:
    """``repr(x)`` cut short, so that a message about a long value stays one readable line; a boolean, a date or a
    time as TOML writes it (``true``, ``2025-01-01T00:00:00``, not Python's ``True``, ``datetime.datetime(...)``)."""
    if isinstance(x, bool):
        text_ = str(x).lower()
    elif isinstance(x, (dt.date, dt.time)):
        text_ = x.isoformat()
    else:
        text_ = repr(x)
    return text_ if len(text_) <= limit else text_[: limit - 3] + "..."


def _is_number(x) -> bool:
    """A number (not a boolean) that a float can hold: TOML and the command line allow integers of any size, and
    one beyond a double's range (about 1.8e308) would raise OverflowError in every check and sum downstream."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return False
    return not isinstance(x, int) or abs(x) < 2**1023


def bound(x: float) -> str:
    """A limit as a reader writes it: 100,000,000 (not 1e+08), 0.5, 1e-06; up to four digits without a thousands
    mark, so that a year reads 2000, not 2,000. An integer limit is exact however large: the seed's 2**63 - 1 as
    9.22337e+18 looked smaller than seeds it allows."""
    if x != int(x) or (abs(x) >= 1e15 and not isinstance(x, int)):
        return f"{x:g}"
    return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))


WHOLE_WITHOUT_POINT = ("must be a whole number written without a decimal point or thousands separators (12000, not "
                      "12.000: TOML reads 12.000 as 12), got {x}")


def number(lo: float, hi: float, integer: bool = False, lo_open: bool = False, why_hi: str = ""):
    """A check of a number within ``lo``-``hi``; ``why_hi`` follows the message of a number above ``hi`` (the law
    behind the limit)."""
    def check(x):
        if isinstance(x, int) and not isinstance(x, bool) and not _is_number(x):  # too large even for a float
            return f"must be <= {bound(hi)}, got {shown(x)}{why_hi}" if x > 0 else \
                f"must be >= {bound(lo)}, got {shown(x)}"
        if not _is_number(x):
            return f"must be a number, got {shown(x)}"
        if not math.isfinite(x):  # before int(x), which raises on nan and inf
            return f"must be a finite number, got {shown(x, 120)}"
        if integer and isinstance(x, float):
            # TOML reads 12.000 (a head count with a dot as the thousands separator) as 12.0, and 4.500 as 4.5: a
            # count written with a decimal point is refused even when whole, as it is most likely not the number meant.
            return WHOLE_WITHOUT_POINT.format(x=shown(x, 120))
        if x < lo or (lo_open and x == lo):
            return f"must be {'>' if lo_open else '>='} {bound(lo)}, got {shown(x, 120)}"
        if x > hi:
            return f"must be <= {bound(hi)}, got {shown(x, 120)}{why_hi}"
        return None

    return check


# Money written in the wrong unit (assumption): a monthly wage or income band below Rp100,000 or a yearly budget or
# pledge below Rp1,000,000 is taken to be written in thousands or millions (2400 or 2.4 for Rp2.4 million; 3.5 for a
# budget of Rp3.5 billion), not in rupiah: the lowest BPU income band is Rp1,000,000 a month, and a city's premium
# budget runs to millions a year. Zero stays allowed where it was (a year without money).
MONTHLY_MONEY_FLOOR = 100_000  # IDR per month
YEARLY_MONEY_FLOOR = 1_000_000  # IDR per year
# The larger units such an amount is likely written in, and an amount written in rupiah, by unit.
MONEY_HINTS = {"IDR per month": ("thousands or millions", "2400000 for Rp2.4 million"),
               "IDR per year": ("millions or billions", "3500000000 for Rp3.5 billion")}

# Money above those floors that is still implausibly small for its unit draws a warning, not an error (it may be
# meant): Indonesian budget tables are often "dalam ribuan rupiah", and a budget of Rp3 bn typed from one as 3000000
# passes the floor, then buys 14 members. Assumptions, from DOMAIN.md:
# - a monthly wage below the lowest BPU income band, Rp1,000,000 (s.3), the lowest wage the regulation prices; the
#   city minimum wages cited there are higher (UMK Kota Madiun 2023 Rp2,190,216);
# - a yearly budget or pledge that pays less than a year's BPU premium, Rp16,800 a month (s.3), of 423 members, the
#   smallest city programme reported (Kota Pekalongan, 2022; s.2): Rp85,276,800.
LOWEST_WAGE = 1_000_000  # IDR per month
BPU_PACKAGE_PREMIUM = 16_800  # IDR per member per month
SMALLEST_PROGRAMME = 423  # members (Kota Pekalongan, 2022)
SMALLEST_PROGRAMME_BUDGET = SMALLEST_PROGRAMME * BPU_PACKAGE_PREMIUM * 12  # IDR per year: Rp85,276,800


def rupiah_as_written(x) -> str:
    """A small amount as a reader wrote it, in rupiah: Rp2,400, Rp2.4 (not Rp2.400000 or Rp2e+03)."""
    return "Rp" + (f"{x:,}" if isinstance(x, int) else f"{x:,.6f}".rstrip("0").rstrip("."))


def money(unit: str, floor: float, hi: float, lo_open: bool = False):
    """An amount in rupiah (``unit``: IDR per month or per year) from 0 (or above it, ``lo_open``) to ``hi``;
    one above 0 but below ``floor`` is refused as written in the wrong unit (MONTHLY_MONEY_FLOOR above)."""
    base = number(0, hi, lo_open=lo_open)

    def check(x):
        problem = base(x)
        if problem is None and 0 < x < floor:
            larger, example = MONEY_HINTS[unit]
            return (f"{unit}: {rupiah_as_written(x)} is below Rp{floor:,} (taken to be written in {larger}); "
                    f"write the amount in rupiah, e.g. {example}")
        return problem

    return check


def text(pattern: str | None = None):
    def check(x):
        if not isinstance(x, str) or not x.strip():
            return f"must be a non-empty string, got {shown(x, 120)}"
        if pattern and not re.fullmatch(pattern, x):
            return f"must match {pattern}, got {shown(x, 120)}"
        return None

    return check


def line():
    """One line of text: titles and labels head reports and one-line summaries."""
    base = text()

    def check(x):
        problem = base(x)
        # Line breaks of any kind, tabs and other control characters (Unicode Cc, Zl, Zp): a report's heading and
        # a CSV cell would show them as boxes, breaks or nothing at all.
        if problem is None and any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in x):
            return f"must be one line of text without control characters (a tab, a line break), got {shown(x, 120)}"
        return problem

    return check


def boolean(x):
    if not isinstance(x, bool):
        return f"must be true or false, got {shown(x, 120)}"
    return None


def choice(options):
    def check(x):
        if x not in options:
            return f"must be one of {', '.join(map(str, options))}; got {shown(x, 120)}"
        return None

    return check


def figures(x):
    """The recorded figures a calibration fitted: a non-empty list of distinct names among claims, amount."""
    if (not isinstance(x, list) or not x or len(set(map(str, x))) != len(x)
            or not all(isinstance(n, str) and n in ("claims", "amount") for n in x)):
        return f"must be a non-empty list of distinct figures among claims, amount; got {shown(x, 120)}"
    return None


def _month(x, span: str):
    """A month written "YYYY-MM" within ``span`` (the years the check allows, as the message states them)."""
    if isinstance(x, dt.date):  # start = 2026-01-01 without quotes is a TOML date, which Python shows as datetime.date
        return (f"must be a month written YYYY-MM {span}; got a TOML date ({x.isoformat()}): write the month as a "
                f'string, "{x:%Y-%m}"')
    # Years 1900-2199 only: year 0000 is no date, and a horizon must not run past year 9999.
    if not isinstance(x, str) or not re.fullmatch(r"(19|20|21)\d\d-(0[1-9]|1[0-2])", x):
        return f"must be a month written YYYY-MM {span}, got {shown(x, 120)}"
    return None


def month(x):
    return _month(x, "between 1900-01 and 2199-12")


# A scenario's first month: 2020-01 or later, as sim/scenario.py (_check_start) requires, since the benefit rules
# are encoded from PP 82/2019 (in force 2019-12-02) on; an earlier start needs a rules_date, whose rules it then uses.
START_SPAN = "between 2020-01 and 2199-12 (earlier only with a rules_date: benefit rules are encoded from PP 82/2019)"


def start_month(x):
    return _month(x, START_SPAN)


def date(x):
    if not isinstance(x, dt.date) or isinstance(x, dt.datetime):
        return f"must be a TOML date such as 2025-01-01, got {shown(x, 120)}"
    return None


def shares(length: int | None = None, non_increasing: bool = False):
    """A list of shares in [0, 1] that sum to 1 (or, when ``non_increasing``, reach shares that only fall)."""

    def check(x):
        if not isinstance(x, list) or not x or not all(_is_number(v) and math.isfinite(v) for v in x):
            return f"must be a list of finite numbers, got {shown(x, 120)}"
        if length is not None and len(x) != length:
            return f"must have {length} entries, got {len(x)}"
        if any(v < 0 or v > 1 for v in x):
            return f"every share must be between 0 and 1, got {shown(x, 120)}"
        if non_increasing:
            if any(b > a for a, b in zip(x, x[1:])):
                return f"shares reaching each level must not increase, got {shown(x, 120)}"
        elif abs(sum(x) - 1) > SHARE_TOLERANCE:
            return f"shares must sum to 1, got {sum(x):.6g}"
        return None

    return check


def pairs(first_check, what: str, distinct: bool = False):
    """A list of [x, share] pairs whose shares sum to 1; ``distinct``: each x at most once."""

    def check(x):
        if not isinstance(x, list) or not x:
            return f"must be a non-empty list of [{what}, share] pairs, got {shown(x, 120)}"
        for item in x:
            if not isinstance(item, list) or len(item) != 2:
                return f"each entry must be [{what}, share], got {item!r}"
            problem = first_check(item[0]) or number(0, 1)(item[1])
            if problem:
                return f"entry {item!r}: {problem}"
        return (distinct and _repeated_first(x, what)) or shares()([item[1] for item in x])

    return check


def _repeated_first(x: list, what: str) -> str | None:
    """The first [x, share] entry whose x an earlier entry already gave. A tenure of [[12, 0.5], [12, 0.5]] is most
    likely a typo for another month (24?), not one cohort split in two: refused rather than silently added up."""
    seen = {}
    for item in x:
        if item[0] in seen:
            return (f"{shown(item[0])} ({what}) is given twice ({shown(seen[item[0]])} and {shown(item)}): give "
                    "it once, with the shares added")
        seen[item[0]] = item
    return None


def age_bands(x):
    if not isinstance(x, list) or not x:
        return f"must be a non-empty list of [youngest, oldest, share], got {shown(x, 120)}"
    for item in x:
        if not isinstance(item, list) or len(item) != 3:
            return f"each band must be [youngest, oldest, share], got {item!r}"
        lo, hi, share = item
        problem = number(15, 100, integer=True)(lo) or number(15, 100, integer=True)(hi) or number(0, 1)(share)
        if problem:
            return f"band {item!r}: {problem}"
        if hi < lo:
            return f"band {item!r}: oldest age is below youngest"
    return _overlapping_bands(x) or shares()([item[2] for item in x])


def _overlapping_bands(x: list) -> str | None:
    """Two bands that hold the same age. A band holds its youngest and oldest ages both, so [[20, 30, ...],
    [30, 40, ...]] gives age 30 twice: written the way age groups are often labelled ("20-30, 30-40"), it means
    [20, 29] and [30, 40]. An age profile splits members into age groups, each member in one (scenarios/README.md),
    so an overlap is refused rather than read as a mix of two spreads, which no documented profile means."""
    ordered = sorted(x, key=lambda b: (b[0], b[1]))
    for a, b in zip(ordered, ordered[1:]):
        if b[0] <= a[1]:
            ages = f"age {b[0]}" if b[0] == a[1] else f"ages {b[0]}-{min(a[1], b[1])}"
            hint = f" ([{a[0]}, {a[1] - 1}, ...] and [{b[0]}, ...]?)" if b[0] == a[1] > a[0] else ""
            return (f"bands {shown(a)} and {shown(b)} overlap ({ages} in both; a band holds its youngest and oldest "
                    f"ages): give each age to one band{hint}")
    return None


CHILD_BAND_ROW = "[member age from, P(0), P(1), P(2+), youngest child, oldest child]"
YOUNGEST_MEMBER = 15  # the youngest age a segment's age bands may hold (age_bands above)
# The scholarship ends when the child reaches 23 (PP 82/2019; sim/data/regulation.toml scholarship.end_age, paid
# while the child is under it), so an eligible child is 0..22 at the claim. A copy, not read from the rules: the
# bound is one number, checked in the tables below, which are built when this module is imported (reading
# regulation.toml then would make a mistake in it a traceback at import instead of its one-line error), while the
# rule is a dated value; and the children tables (the shipped defaults, README's "under 23") hold the same age, so a
# new end age needs a decision on them too.
# tests/test_children_by_age.py fails when a dated value of the rule and this copy disagree.
OLDEST_CHILD = 22


def child_bands(x):
    """The children of a member by the member's age at the death or claim: rows
    [member age from, P(0), P(1), P(2+), youngest child, oldest child], one per band of member ages, youngest band
    first and starting at 15 or below, so that every member falls in a band (a band runs to the next one's start;
    the last has no end). A child's age at the claim is uniform on the whole years youngest..oldest (0..22)."""
    if not isinstance(x, list) or not x:
        return f"must be a non-empty list of {CHILD_BAND_ROW} rows, got {shown(x, 120)}"
    age = number(0, 100, integer=True)
    child = number(0, OLDEST_CHILD, integer=True)
    for item in x:
        if not isinstance(item, list) or len(item) != 6:
            return f"each band must be {CHILD_BAND_ROW}, got {shown(item, 120)}"
        problem = (age(item[0]) or shares(length=3)(item[1:4]) or child(item[4]) or child(item[5]))
        if problem:
            return f"band {shown(item, 120)}: {problem}"
        if item[5] < item[4]:
            return f"band {shown(item, 120)}: the oldest child's age is below the youngest's"
    if x[0][0] > YOUNGEST_MEMBER:
        return f"the first band must start at {YOUNGEST_MEMBER} or younger (the youngest member age), got {x[0][0]}"
    for a, b in zip(x, x[1:]):
        if b[0] <= a[0]:
            return f"bands must start at increasing member ages, got {b[0]} after {a[0]}"
    return None


# The range of the children table (``by_member_age.range = [low, high]``) is not a range of the table's numbers but
# of one factor on it: each band's share of members with at least one eligible child (P(1) and P(2+)) times the
# factor, P(0) the rest, and a band whose share would pass 1 held at 1 (no member without a child; its split
# between one and two or more children kept); the children's ages are not moved. One factor, because the
# scholarship is nearly proportional to the share with a child where that share is uncertain (the older bands,
# where it rests on how late members had their last child), while the split between one and two children and
# their ages follow from the same family formation and would move with it less. At 1 the table is as given.
CHILD_SCALE_UNIT = "x share of members with a child under 23"  # the unit of the factor a tornado bar shows
CHILD_SCALE_MAX = 100.0  # a factor of 50 already gives every band with any child (the shipped 65+: 0.02) P(0) = 0


def child_scale_range(x):
    """The range of the children table: [low, high], factors with 0 <= low <= 1 <= high (1 being the table as
    given, which lies inside its range as every parameter's value does)."""
    if not (isinstance(x, list) and len(x) == 2 and all(_is_number(v) for v in x)):
        return (f"must be [low, high], two numbers: factors on each band's share of members with a child under 23 "
                f"(1 = the table as given), got {shown(x, 120)}")
    for v in x:
        problem = number(0, CHILD_SCALE_MAX)(v)
        if problem:
            return f"each factor {problem}"
    if x[0] > x[1]:
        return f"must be [low, high] with low <= high, got {shown(x, 120)}"
    if not x[0] <= 1 <= x[1]:
        return f"must hold 1 (the table as given), got {shown(x, 120)}"
    return None


def scaled_child_bands(rows: list, factor: float) -> list:
    """The children table (rows as ``child_bands`` reads them) with each band's share of members with at least one
    eligible child times ``factor``: P(1) and P(2+) scaled alike, P(0) the rest; where the share would pass 1 the
    band has no member without a child (P(0) = 0, P(1) and P(2+) in their own proportion). At ``factor`` 1 the
    same rows, number for number."""
    if factor == 1:
        return [list(row) for row in rows]
    out = []
    for start, p0, p1, p2, youngest, oldest in rows:
        with_child = p1 + p2
        f = min(factor, 1.0 / with_child) if with_child > 0 else factor
        rest = min(max(p0 + (1.0 - f) * with_child, 0.0), 1.0)  # 0 or 1 within rounding at a cap or at 0
        out.append([start, rest, p1 * f, p2 * f, youngest, oldest])
    return out


def range_within(check):
    """The check of a range whose ends the model must accept as values (the age shift's, the care cost trend's):
    [low, high], low <= high (as every assumption's range), each end passing ``check``, so that the tornado can
    move the parameter to either end."""

    def check_range(x):
        if not (isinstance(x, list) and len(x) == 2 and all(_is_number(v) for v in x) and x[0] <= x[1]):
            return f"must be [low, high], two numbers with low <= high, got {shown(x, 120)}"
        for v in x:
            problem = check(v)
            if problem:
                return f"each end {problem}"
        return None

    return check_range


# --- Schema ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    check: object
    required: bool = True
    unit: str | None = None  # a parameter table with this unit; None for a plain value
    worded: bool = False  # a text shown to readers: one line for every report language, or one per language

    @property
    def is_param(self) -> bool:
        return self.unit is not None


def param(unit, check, required=True):
    return Field(check, required, unit)


def plain(check, required=True):
    return Field(check, required)


def worded(required=True, check=None):
    """A title or label a report shows: one line of text, used in every report language, or a table with one line
    per language, ``{ en = "...", id = "..." }`` (English and Indonesian), so an Indonesian report reads Indonesian.
    ``check``: what each text must be instead of one line (a description is a paragraph)."""
    return Field(check or line(), required, worded=True)


SCENARIO_FIELDS = {
    "id": plain(text(r"[a-z0-9][a-z0-9-]*")),
    "title": worded(),
    "region": worded(),
    "description": worded(required=False, check=text()),  # a paragraph: line breaks allowed
    "base": plain(text(), required=False),
    "start": plain(start_month),
    "horizon_months": plain(number(1, 600, integer=True)),
    "seed": plain(number(0, 2**63 - 1, integer=True)),
    "trials": plain(number(1, MAX_TRIALS, integer=True)),
    "rules_date": plain(date, required=False),
}

SEGMENT_FIELDS = {
    "label": worded(),
    "scheme": plain(choice(SCHEMES)),
    "occupation": plain(choice(OCCUPATIONS)),
    "payer": plain(choice(PAYERS)),
    "members": param("persons", number(0, MAX_MEMBERS, integer=True)),
    "wage": param("IDR per month", money("IDR per month", MONTHLY_MONEY_FLOOR, 1e10, lo_open=True)),
    "risk_class": param("class", number(1, 5, integer=True), required=False),
    "male_share": param("share", number(0, 1)),
    "age_profile": plain(text(), required=False),
    "age_bands": param("share", age_bands, required=False),
    "tenure": param("share", pairs(number(0, 1200, integer=True), "months of membership at start", distinct=True)),
    "accident_rate": param("per 1000 member-years", number(0, 1000)),
    "mortality_load": param("x mortality table", number(0, 50), required=False),
}

# The care cost trend (``assumptions.severity.medical_cost_trend``): the rise of a case's care cost per calendar year.
MEDICAL_COST_TREND_UNIT = "share per year"
MEDICAL_COST_TREND_BOUNDS = (-0.5, 1.0)

SEVERITY_FIELDS = {
    "share_medical_only": param("share of JKK cases", number(0, 1)),
    "share_temporary": param("share of JKK cases", number(0, 1)),
    "share_partial": param("share of JKK cases", number(0, 1)),
    "share_total": param("share of JKK cases", number(0, 1)),
    "share_death": param("share of JKK cases", number(0, 1)),
    "medical_cost_mean": param("IDR per case", number(0, 1e10)),
    "medical_cost_cv": param("ratio", number(0, 20)),
    # Optional (0 when absent): care of a case in each calendar year after the first costs (1 + trend) times the
    # year before (``accident.care_price_by_month``). From -0.5 to 1: prices halving or doubling every year lie
    # beyond any tariff revision, and are far more likely a percentage written as a number (5 for 0.05).
    "medical_cost_trend": param(MEDICAL_COST_TREND_UNIT, number(*MEDICAL_COST_TREND_BOUNDS), required=False),
    "incapacity_months_mean": param("months", number(0, 240, lo_open=True)),
    "partial_degrees": param("share", pairs(number(0, 1, lo_open=True), "table share")),
}
SEVERITY_SHARES = ("share_medical_only", "share_temporary", "share_partial", "share_total", "share_death")

CHILD_BAND_UNIT = "member's age from, shares of 0/1/2+ children, child's age range"
CHILDREN_FIELDS = {
    # The children of every member alike (count_shares and age_max), or by the member's age (by_member_age): one
    # form or the other, checked in sim/scenario.py.
    "count_shares": param("share", shares(length=3), required=False),
    "age_max": param("years", number(0, OLDEST_CHILD, integer=True), required=False),
    "by_member_age": param(CHILD_BAND_UNIT, child_bands, required=False),
    "school_start_age": param("years", number(3, 8, integer=True)),
    "reach_shares": param("share", shares(length=4, non_increasing=True)),
}

# The age shift (``assumptions.age_shift``, optional, 0 when absent): every segment's members, starting members and
# new entrants alike, this many years older (negative: younger) than its age profile or age bands say, each kept
# within the profile's own youngest and oldest ages (``population.shifted_ages``). A shift of up to AGE_SHIFT_MAX
# years either way, value and range ends alike: beyond it most of a 40-year profile would sit at one of its ends.
AGE_SHIFT_UNIT = "years"
AGE_SHIFT_MAX = 20

# The wage growth (``assumptions.wage_growth``, optional, 0 when absent): every PU segment's wage, stated for the
# horizon's first calendar year, times (1 + growth) each 1 January after it (``scenario.Segment.wage_in``), which
# moves the PU premium and the JKK benefits set as multiples of the wage. One value for every PU segment (a city's
# staff wages follow the one minimum wage); a BPU member's wage is a declared income band, its premium fixed in
# rupiah, and does not grow. The same bounds as the care cost trend, for the same reason.
WAGE_GROWTH_UNIT = "share per year"
WAGE_GROWTH_BOUNDS = MEDICAL_COST_TREND_BOUNDS

ASSUMPTION_FIELDS = {
    "mortality_table": plain(choice(MORTALITY_TABLES)),
    "mortality_load": param("x mortality table", number(0, 50)),
    "age_shift": param(AGE_SHIFT_UNIT, number(-AGE_SHIFT_MAX, AGE_SHIFT_MAX), required=False),
    "wage_growth": param(WAGE_GROWTH_UNIT, number(*WAGE_GROWTH_BOUNDS), required=False),
}
ASSUMPTION_TABLES = {"severity": SEVERITY_FIELDS, "children": CHILDREN_FIELDS}
# The ranges whose ends must be values the model accepts (sim/scenario.py checks them whatever the basis).
age_shift_range = range_within(number(-AGE_SHIFT_MAX, AGE_SHIFT_MAX))
medical_cost_trend_range = range_within(number(*MEDICAL_COST_TREND_BOUNDS))
wage_growth_range = range_within(number(*WAGE_GROWTH_BOUNDS))


def multiplier_pairs(x):
    """Posterior draws of (mortality scale, accident scale), each pair positive."""
    if not isinstance(x, list) or not x:
        return f"must be a non-empty list of [mortality scale, accident scale] pairs, got {shown(x, 120)}"
    for item in x:
        if not (isinstance(item, list) and len(item) == 2 and all(_is_number(v) and 0 < v <= 100 for v in item)):
            return f"each draw must be [mortality scale, accident scale] with both in (0, 100], got {item!r}"
    return None


UNCERTAINTY_FIELDS = {
    "intensity_draws": param("multipliers of expected deaths and accidents", multiplier_pairs, required=False),
}

BUDGET_FIELDS = {
    "annual_budget": param("IDR per year", money("IDR per year", YEARLY_MONEY_FLOOR, 1e15), required=False),
    "target_members": param("persons", number(0, MAX_MEMBERS, integer=True), required=False),
}

# --- [calibration]: what a calibrated scenario was fitted to (written by ``python -m sim calibrate``) ------------
# A record of the fit, not an input of the model: the loads and rates it produced are the calibrated parameters
# above. The report shows it (observed against expected claims, the goodness of fit); the tornado and the
# assumption register leave it out.

MISFIT_P = 1e-3  # below this chance of the best fit's distance the observations are said not to fit (a warning)
OBSERVATION_BENEFITS = ("all", "jkm", "jkk")

CALIBRATION_FIELDS = {
    "experience": plain(text()),
    "experience_id": plain(text(r"[a-z0-9][a-z0-9-]*")),
    "scenario": plain(text()),
    "source": plain(text()),
    "method": plain(text(), required=False),
}

POSTERIOR_FIELDS = {
    "mortality_scale": param("multiplier of expected non-work deaths", number(0, 100, lo_open=True)),
    "accident_scale": param("multiplier of expected work accidents", number(0, 100, lo_open=True)),
}

GOODNESS_OF_FIT_FIELDS = {
    "chi2_min": param("squared Mahalanobis distance", number(0, 1e300)),
    "observed_values": param("values", number(1, 1_000_000, integer=True)),
    "p_value": param("probability", number(0, 1)),
    "fits": plain(boolean),
    # Where on the grid the distance is smallest: the data alone, without the prior (optional: older records lack it).
    "best_mortality_scale": param("multiplier of expected non-work deaths", number(0, 100, lo_open=True),
                                  required=False),
    "best_accident_scale": param("multiplier of expected work accidents", number(0, 100, lo_open=True),
                                 required=False),
}

CALIBRATION_OBSERVATION_FIELDS = {
    "from": plain(month),
    "to": plain(month),
    "benefits": plain(choice(OBSERVATION_BENEFITS)),
    "segment": plain(text()),
    "count_includes_scholarships": plain(boolean),
    "fit": plain(figures, required=False),  # the figures fitted, when not every one recorded (absent: all)
    "claims": param("claims", number(0, 1e16, integer=True), required=False),
    "amount": param("IDR", number(0, 1e16), required=False),
    "expected_claims": param("claims", number(0, 1e16), required=False),
    "expected_amount": param("IDR", number(0, 1e16), required=False),
}
