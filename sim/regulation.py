"""BPJS Ketenagakerjaan JKK and JKM rules, read as dated values from ``data/regulation.toml``.

A rule is a name such as ``jkm.lump_sum`` with a unit and a list of values, each with the date it took effect.
``Regulation.at(date)`` returns the rules in force on that date as a flat ``RuleSet``; the premium and benefit
formulas below take a ``RuleSet`` so that a scenario dated 2026 gets the PP 50/2025 discount and one dated 2025
does not, without any ``if year > ...`` in code.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

REGULATION_FILE = "regulation.toml"

# Payers whose BPU premiums the PP 50/2025 discount excludes are listed in the rules; this set only names the
# payer codes a scenario may use (see scenarios/README.md).
PAYERS = ("APBD", "APBN", "DBH-CHT", "CSR", "SERTAKAN", "SELF")
SCHEMES = ("PU", "BPU")


class RuleError(ValueError):
    """A rule is missing for the requested date."""

    def _render_traceback_(self) -> list[str]:
        """In a notebook, the command line's one-line error rather than a traceback (as ScenarioError)."""
        from .scenario import one_line_error  # sim.scenario imports this module

        return one_line_error(self)


@dataclass(frozen=True)
class DatedValue:
    effective: dt.date
    value: object
    source: str
    confidence: str
    source_id: str | None = None  # the source in Indonesian, where it has words beyond a citation


@dataclass(frozen=True)
class Rule:
    name: str
    unit: str
    values: tuple[DatedValue, ...]  # sorted by effective date

    def at(self, date: dt.date) -> DatedValue:
        current = None
        for dated in self.values:
            if dated.effective <= date:
                current = dated
        if current is None:
            raise RuleError(
                f"rule {self.name} has no value before {self.values[0].effective.isoformat()}, "
                f"asked for {date.isoformat()}"
            )
        return current


class RuleSet(dict):
    """The value of every rule on one date, keyed by rule name (``rules["jkm.lump_sum"]``)."""

    def __init__(self, date: dt.date, values: dict):
        super().__init__(values)
        self.date = date


def month_dates(start: dt.date, months: int) -> tuple:
    """The first day of each of ``months`` months from ``start``'s: the dates the rules in force are read on."""
    return tuple(dt.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
                 for m in range(months))


class Regulation:
    """All encoded rules. Construct with :func:`load_regulation`."""

    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules

    def at(self, date: dt.date) -> RuleSet:
        return RuleSet(date, {name: rule.at(date).value for name, rule in self.rules.items()})

    def last_change(self) -> dt.date:
        """The latest date any rule's value takes effect: every later month keeps the rules in force on it."""
        return max(v.effective for rule in self.rules.values() for v in rule.values)

    def table(self, date: dt.date) -> list[dict]:
        """Rows of (rule, value, unit, effective, source, confidence) in force on ``date``, for reports."""
        rows = []
        for name, rule in sorted(self.rules.items()):
            dated = rule.at(date)
            rows.append(
                {
                    "rule": name,
                    "value": dated.value,
                    "unit": rule.unit,
                    "effective": dated.effective.isoformat(),
                    "source": dated.source,
                    "source_id": dated.source_id,
                    "confidence": dated.confidence,
                }
            )
        return rows


def rule_schemes(name: str) -> tuple[str, ...]:
    """The programmes whose members a rule applies to, from its name: ``bpu_...`` (``jkm.bpu_early_death_benefit``)
    BPU only, ``pu_...`` (``premium.pu_jkm_rate``) PU only, any other both (regulation.toml's naming rule). A report
    names a rule change only where it can touch the scenario's members."""
    key = name.split(".", 1)[-1]
    return tuple(s for s in SCHEMES if key.startswith(s.lower() + "_")) or SCHEMES


VALUE_KEYS = ("from", "value", "source", "confidence")  # required in every dated value; source_id is optional
CONFIDENCES = ("High", "Medium", "Low")


def regulation_path() -> str:
    """Where the rules are read from, as errors name it: the file a maintainer edits."""
    return str(resources.files("sim").joinpath("data").joinpath(REGULATION_FILE))


def _file_error(file: str, key: str, problem: str) -> RuleError:
    """``FILE: KEY: problem``, as every other input error reads (sim.scenario.ScenarioError). KEY is dotted as the
    TOML nests it, a dated value counted from 0 as experience files count observations: jkm.lump_sum.values[1]."""
    return RuleError(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")


def _parse_rules(data: dict, file: str | None = None) -> dict[str, Rule]:
    file = file or regulation_path()
    rules = {}
    for group, entries in data.items():
        if not isinstance(entries, dict):
            raise _file_error(file, group, "must be a table of rules, such as [jkm.lump_sum]")
        for key, spec in entries.items():
            rules[f"{group}.{key}"] = _rule(file, f"{group}.{key}", spec)
    return rules


def _rule(file: str, name: str, spec) -> Rule:
    """One rule's table: its unit and its dated values, no two from the same date."""
    if not isinstance(spec, dict) or "unit" not in spec:
        raise _file_error(file, name, "needs a unit and a list of values")
    if not isinstance(spec.get("values"), list) or not spec["values"]:
        raise _file_error(file, f"{name}.values", "needs a non-empty list of dated values "
                          "[{ from = ..., value = ..., source = ..., confidence = ... }, ...]")
    keys = [f"{name}.values[{i}]" for i in range(len(spec["values"]))]
    keyed = sorted(((k, _dated_value(file, k, v)) for k, v in zip(keys, spec["values"])),
                   key=lambda kv: kv[1].effective)
    for (first, before), (second, after) in zip(keyed, keyed[1:]):
        if before.effective == after.effective:
            raise _file_error(file, f"{second}.from", f"{after.effective.isoformat()} is also the date of "
                              f"{first}; a date takes one value")
    return Rule(name, spec["unit"], tuple(dated for _, dated in keyed))


def _dated_value(file: str, key: str, v) -> DatedValue:
    """One ``{ from = ..., value = ..., source = ..., confidence = ... }`` entry, checked: a mistake in a new rule
    value is named here (file, key, what is wrong) rather than surfacing as a KeyError or a failed comparison."""
    if not isinstance(v, dict):
        raise _file_error(file, key, f"must be {{ {' = ..., '.join(VALUE_KEYS)} = ... }}, got {v!r}")
    missing = [k for k in VALUE_KEYS if k not in v]
    unknown = sorted(set(v) - {*VALUE_KEYS, "source_id"})
    if missing or unknown:
        problems = ([f"missing {', '.join(missing)}"] if missing else []) + (
            [f"unknown key {', '.join(unknown)}"] if unknown else [])
        raise _file_error(file, key, f"{'; '.join(problems)} (a value has {', '.join(VALUE_KEYS)} and optionally "
                          "source_id)")
    if not isinstance(v["from"], dt.date) or isinstance(v["from"], dt.datetime):
        raise _file_error(file, f"{key}.from", "must be a TOML date without quotes or time, such as "
                          f"from = 2027-01-01; got {v['from']!r}")
    if v["confidence"] not in CONFIDENCES:
        raise _file_error(file, f"{key}.confidence", f"must be one of {', '.join(CONFIDENCES)}; got "
                          f"{v['confidence']!r} (the value from {v['from'].isoformat()})")
    return DatedValue(v["from"], v["value"], v["source"], v["confidence"], v.get("source_id"))


@lru_cache(maxsize=1)
def load_regulation() -> Regulation:
    file = regulation_path()
    text = Path(file).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # one line, as a scenario's malformed TOML, not a traceback
        raise _file_error(file, "", f"malformed TOML: {err}") from None
    return Regulation(_parse_rules(data, file))


# --- Premiums ------------------------------------------------------------------------------------------------


def bpu_discount(rules: RuleSet, payer: str, occupation: str) -> float:
    """Share of a BPU premium waived under PP 50/2025 for this payer and occupation group."""
    if payer in rules["premium.bpu_discount_excluded_payers"]:
        return 0.0
    discount = rules["premium.bpu_discount"]
    if occupation == "transport":
        discount = max(discount, rules["premium.bpu_discount_transport"])
    return discount


def monthly_premium(
    rules: RuleSet, scheme: str, wage: float, risk_class: int, payer: str, occupation: str
) -> float:
    """Premium per member per month in IDR, rounded to the whole rupiah (assumption: round half up).

    BPU: 1 % of the income band (JKK) + Rp6,800 (JKM), less any PP 50/2025 discount.
    PU: JKK rate of the risk class + 0.30 % (JKM), both on the monthly wage.
    """
    if scheme == "BPU":
        full = rules["premium.bpu_jkk_rate"] * wage + rules["premium.bpu_jkm_flat"]
        amount = full * (1.0 - bpu_discount(rules, payer, occupation))
    elif scheme == "PU":
        jkk = rules["premium.pu_jkk_rate_by_class"][risk_class - 1]
        amount = (jkk + rules["premium.pu_jkm_rate"]) * wage
    else:
        raise ValueError(f"unknown scheme {scheme!r}")
    return float(np.floor(amount + 0.5 + 1e-9))


# --- Benefits ------------------------------------------------------------------------------------------------


def jkm_death_benefit(rules: RuleSet, scheme: str, tenure_months) -> np.ndarray:
    """JKM cash on a non-work death: lump sum + periodic + funeral (Rp42 m), or the reduced BPU amount when a
    BPU member dies within the first months of membership."""
    full = rules["jkm.lump_sum"] + rules["jkm.periodic"] + rules["jkm.funeral"]
    tenure = np.asarray(tenure_months)
    if scheme != "BPU":
        return np.full(tenure.shape, float(full))
    early = tenure < rules["jkm.bpu_early_death_months"]
    return np.where(early, float(rules["jkm.bpu_early_death_benefit"]), float(full))


def jkm_scholarship_eligible(rules: RuleSet, tenure_months) -> np.ndarray:
    """Children of a JKM death get the scholarship only after the minimum membership."""
    return np.asarray(tenure_months) >= rules["jkm.scholarship_min_membership"]


def temporary_incapacity_benefit(rules: RuleSet, wage, months) -> np.ndarray:
    """STMB: full wage for the first 12 months off work, half the wage after that."""
    months = np.asarray(months, dtype=float)
    full = rules["jkk.temporary_full_months"]
    return wage * (
        rules["jkk.temporary_full_share"] * np.minimum(months, full)
        + rules["jkk.temporary_after_share"] * np.maximum(months - full, 0.0)
    )


def partial_disability_benefit(rules: RuleSet, wage, table_share) -> np.ndarray:
    """Partial permanent disability: table percentage x 80 x wage."""
    return np.asarray(table_share) * rules["jkk.partial_disability_multiplier"] * wage


def total_disability_benefit(rules: RuleSet, wage) -> float:
    """Total permanent disability: 56 x wage plus the periodic benefit (Medium). ``wage``: one, or an array (each
    case's)."""
    return rules["jkk.total_disability_multiplier"] * wage + rules["jkk.total_disability_periodic"]


def jkk_death_benefit(rules: RuleSet, wage) -> float:
    """Work-accident death: max(48 x wage, floor) + funeral + periodic (scholarship counted separately). ``wage``: one,
    or an array (each case's: the floor applies to each)."""
    earned = rules["jkk.death_multiplier"] * wage
    lump = np.maximum(earned, rules["jkk.death_floor"]) if np.ndim(wage) else max(earned, rules["jkk.death_floor"])
    return lump + rules["jkk.funeral"] + rules["jkk.periodic"]


def scholarship_schedule(rules: RuleSet, school_start_age: int) -> tuple[np.ndarray, np.ndarray]:
    """Scholarship per school year by the child's age and the school level of that age (-1: not at school),
    both indexed by age 0..end_age - 1.

    School levels follow one another from ``school_start_age`` (a scenario assumption) for the number of years
    each level lasts. The scholarship ends when the child reaches the end age (PP 82/2019: 23), so a year's
    instalment is paid while the child is under it and none at the end age or after: from school at 5 the 8 + 3 +
    3 + 5 school years would run to 23, and the fifth university year, at 23, is not paid.
    """
    end_age = rules["scholarship.end_age"]
    by_age = np.zeros(end_age)
    level_of_age = np.full(end_age, -1)
    age = school_start_age
    for level, (years, amount) in enumerate(
        zip(rules["scholarship.years_by_level"], rules["scholarship.amount_by_level"])
    ):
        for _ in range(years):
            if age < end_age:
                by_age[age] = amount
                level_of_age[age] = level
            age += 1
    return by_age, level_of_age
