"""Scenario tables for multi-year planning: quota paths, exits, the enrolment pipeline, funding, UCJ, claim timing.

All six tables are optional, so scenarios without them are read exactly as before. They are checked by the same
validator as the rest of a scenario (``sim.scenario._Validator``): an unknown key, a wrong unit, a negative capacity,
a rejection rate above 1 or a budget year missing from the horizon ends in one line naming the file and the key. So
does an entry that could never take effect (``validate_planning``): a target, budget or pledge year outside the
horizon, a pledge that runs wholly before or after it, a payer with an empty list of segments, UCJ shares that are
all 0, a segment paid by CSR that no pledge lists or by DBH-CHT without a DBH-CHT budget (with a [funding] table);
and UCJ covered persons fewer than the scenario's own starting members. The horizon checks apply to the horizon the
scenario files give (``_declared_horizon``): one shortened or moved with ``--set`` keeps the entries outside it,
unused, and ``sim plan`` and the report say which year-end targets, budget years and pledge years after or before
it are not used (``sim.budget.targets_after_horizon``, ``sim.budget.money_after_horizon``,
``sim.budget.targets_before_horizon``, ``sim.budget.money_before_horizon``).

- ``[expansion.SEGMENT]``: how a segment's quota grows: absolute ``targets`` per year, a ``growth_rate``, or a share
  of the gap to the UCJ target (``ucj_allocation``, with ``[ucj]``). Needs ``[pipeline]``.
- ``[membership]`` (and ``[membership.SEGMENT]`` for one segment): exit rates and the age limit.
- ``[pipeline]`` with ``[pipeline.kelurahan]``, ``[pipeline.kecamatan]``, ``[pipeline.disnaker]``,
  ``[pipeline.bpjs]``: the verification stages' monthly capacity, duration and rejection rate, and optionally the
  office's name in reports (``label``: the city's own labour office for ``disnaker``).
- ``[funding]`` (and ``[funding.csr.PLEDGE]``): city budget, tobacco-excise funds, CSR pledges, priority order.
- ``[ucj]``: employed persons, current BPJS TK members and the Universal Coverage Jamsostek target.
- ``[claim_timing]``: reporting delay, verification capacity and payment delay of claims.

Per-year amounts (a budget, a pledge) are one number for every year or ``[[year, amount], ...]`` listing every
calendar year of the horizon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .i18n import in_each_language
from .scenario_schema import YEARLY_MONEY_FLOOR, _is_number, choice, money, number, pairs, param, plain, shown, worded

STAGES = ("kelurahan", "kecamatan", "disnaker", "bpjs")  # after the RT heads' proposals, in order
QUOTA_KINDS = ("targets", "growth_rate", "ucj_allocation")
MODES = ("expected", "sampled")
YEAR = number(2000, 2199, integer=True)
BUDGET = money("IDR per year", YEARLY_MONEY_FLOOR, 1e15)  # 0 (no money in a year) or at least Rp1,000,000


# PP 82/2019 (DOMAIN.md s.4, Medium): a JKK claim may be made up to 5 years after the accident, and BPJS refuses a
# later one. A reporting delay longer than that would pay claims the law does not (the range was 0-120 months).
# JKM's deadline is not stated in the sources; assumed the same.
CLAIM_DEADLINE_MONTHS = 60  # months after the event


# --- Value checks ---------------------------------------------------------------------------------------------


# A reporting delay in whole months, at most CLAIM_DEADLINE_MONTHS, saying why where it is longer.
within_claim_deadline = number(0, CLAIM_DEADLINE_MONTHS, integer=True,
                               why_hi=" (a claim may be made up to 5 years after the accident, PP 82/2019)")


def per_year(amount_check):
    """One number for every year, or a list of [year, amount] pairs (each year once)."""

    def check(x):
        if _is_number(x):
            return amount_check(x)
        if not isinstance(x, list) or not x:
            return f"must be a number (every year) or a list of [year, amount] pairs, got {shown(x, 120)}"
        years = []
        for item in x:
            if not isinstance(item, list) or len(item) != 2:
                return f"each entry must be [year, amount], got {item!r}"
            problem = YEAR(item[0]) or amount_check(item[1])
            if problem:
                return f"entry {item!r}: {problem}"
            years.append(item[0])
        if len(set(years)) != len(years):
            return f"a year is listed twice in {shown(x, 120)}"
        return None

    check.year_pairs = True  # (year_field_names)
    return check


def year_field_names() -> tuple[set, set]:
    """The planning fields that hold a calendar year, and those that may list [year, amount] pairs: a report prints
    their years as years (2026, not 2.026 with a thousands mark)."""
    fields = [(name, f) for table in FIELD_TABLES.values() for name, f in table.items()]
    return ({name for name, f in fields if f.check is YEAR},
            {name for name, f in fields if getattr(f.check, "year_pairs", False)})


def segment_list_field_names() -> set:
    """The planning fields that list segments by name (``funding.priority``, ``funding.dbh_cht_segments``, a CSR
    pledge's ``segments``): a report shows those segments by their labels."""
    return {name for table in FIELD_TABLES.values() for name, f in table.items() if f.check in (names, paid_names)}


# Payers that pay a segment in full without limit (sim.funding.EXTERNAL_PAYERS, which imports this module).
UNLIMITED_PAYERS = ("SERTAKAN", "SELF", "APBN")


def names(x):
    if not isinstance(x, list) or not all(isinstance(n, str) and n for n in x):
        return f"must be a list of segment names, got {shown(x, 120)}"
    if len(set(x)) != len(x):
        return f"a segment is listed twice in {shown(x, 120)}"
    return None


def paid_names(x):
    """The segments a payer (a CSR pledge, DBH-CHT) pays for: at least one, or its money could never be spent."""
    if x == []:
        return "must list at least one segment (an empty list pays for nobody)"
    return names(x)


# --- Schema ---------------------------------------------------------------------------------------------------

EXPANSION_FIELDS = {
    # Head counts: whole numbers, so that a target written 3.500 (read by TOML as 3.5) is refused, not met.
    "targets": param("persons", per_year(number(0, 100_000_000, integer=True)), required=False),
    "growth_rate": param("share per year", number(-0.99, 10), required=False),
    "growth_cap": param("persons", number(0, 100_000_000, integer=True), required=False),
    "ucj_allocation": param("share of UCJ gap", number(0, 1), required=False),
}

MEMBERSHIP_FIELDS = {
    "moving_away_rate": param("share per year", number(0, 1), required=False),
    "dtks_removal_rate": param("share per year", number(0, 1), required=False),
    "age_limit": param("years", number(16, 120, integer=True), required=False),
}

PIPELINE_FIELDS = {
    "mode": plain(choice(MODES), required=False),
    "proposal_months": param("months", number(1, 12, integer=True)),
}

STAGE_FIELDS = {
    "label": worded(required=False),  # the office's name in reports (the disnaker stage: the city's own office)
    "capacity": param("names per month", number(0, 100_000_000)),
    "duration": param("months", number(0, 36, integer=True)),
    "rejection_rate": param("share", number(0, 1)),
}

FUNDING_FIELDS = {
    "apbd_budget": param("IDR per year", per_year(BUDGET)),
    "dbh_cht_budget": param("IDR per year", per_year(BUDGET), required=False),
    "dbh_cht_segments": plain(paid_names, required=False),
    "priority": plain(names, required=False),
    "csr_draw": plain(choice(MODES), required=False),
}

PLEDGE_FIELDS = {
    "label": worded(required=False),
    "amount": param("IDR per year", per_year(BUDGET)),
    "probability": param("share", number(0, 1)),
    "first_year": plain(YEAR, required=False),
    "years": param("years", number(1, 50, integer=True)),
    "segments": plain(paid_names),
    "city_match": param("share", number(0, 1), required=False),
}

UCJ_FIELDS = {
    "employed_persons": param("persons", number(1, 1e9, integer=True)),
    "covered_persons": param("persons", number(0, 1e9, integer=True)),
    "target_share": param("share", number(0, 1)),
    "target_year": plain(YEAR),
}

CLAIM_TIMING_FIELDS = {
    "reporting_delay": param("share", pairs(within_claim_deadline, "months after the event", distinct=True)),
    "verification_capacity": param("claims per month", number(0, 1e9)),
    "verification_months": param("months", number(0, 60, integer=True)),
    "payment_months": param("months", number(0, 60, integer=True)),
}

# Every field dict of this module with its table, for the documentation test.
FIELD_TABLES = {
    "expansion.SEGMENT": EXPANSION_FIELDS,
    "membership": MEMBERSHIP_FIELDS,
    "pipeline": PIPELINE_FIELDS,
    "pipeline.STAGE": STAGE_FIELDS,
    "funding": FUNDING_FIELDS,
    "funding.csr.PLEDGE": PLEDGE_FIELDS,
    "ucj": UCJ_FIELDS,
    "claim_timing": CLAIM_TIMING_FIELDS,
}


# --- Parsed form ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearAmounts:
    """An amount per calendar year: ``every`` for all years, or ``by_year``."""

    every: float | None = None
    by_year: tuple = ()  # ((year, amount), ...)

    def at(self, year: int) -> float:
        if self.every is not None:
            return float(self.every)
        for y, amount in self.by_year:
            if y == year:
                return float(amount)
        raise KeyError(year)  # validation makes sure every horizon year is listed

    @classmethod
    def of(cls, value) -> "YearAmounts":
        if _is_number(value):
            return cls(every=float(value))
        return cls(by_year=tuple((int(y), float(a)) for y, a in value))


@dataclass(frozen=True)
class Quota:
    """A segment's quota path: members in force it aims for at the end of each calendar year."""

    segment: str
    kind: str  # "targets", "growth_rate" or "ucj_allocation"
    targets: tuple = ()  # ((year, persons), ...)
    growth_rate: float = 0.0
    growth_cap: float | None = None
    ucj_allocation: float = 0.0
    scale: float = 1.0  # not a scenario key: the budget solver scales the growth above the starting members


@dataclass(frozen=True)
class Exits:
    """Exit rules of one segment (besides death, which the exposure model always applies)."""

    moving_away_rate: float = 0.0  # share per year
    dtks_removal_rate: float = 0.0  # share per year
    age_limit: int | None = None  # members leave in the month they reach it


@dataclass(frozen=True)
class Stage:
    name: str
    capacity: float  # names per month
    duration: int  # months from taking a name to deciding it
    rejection_rate: float
    labels: dict | None = None  # {language code: what reports call the office} from its ``label``; None: a generic name


@dataclass(frozen=True)
class Pipeline:
    mode: str  # "expected": expected values (fractional names); "sampled": whole names, binomial rejections
    proposal_months: int  # RT heads spread a year's names over this many months
    stages: tuple  # Stage per STAGES

    @property
    def pass_rate(self) -> float:
        return math.prod(1.0 - s.rejection_rate for s in self.stages)


@dataclass(frozen=True)
class Pledge:
    name: str
    amount: YearAmounts
    probability: float
    first_year: int
    years: int
    segments: tuple
    city_match: float  # share of each co-funded premium the city (APBD) pays alongside the pledge
    after_city: bool = False  # not a scenario key: the budget solver's gap-closing pledge pays after the APBD
    labels: dict | None = None  # {language code: what reports call it} from its ``label``; None: its name

    def label(self, code: str) -> str:
        return self.labels[code] if self.labels else self.name

    def active(self, year: int) -> bool:
        return self.first_year <= year < self.first_year + self.years


@dataclass(frozen=True)
class Funding:
    apbd: YearAmounts
    dbh_cht: YearAmounts | None
    dbh_cht_segments: tuple
    priority: tuple  # every segment, highest priority first
    csr_draw: str  # "expected": each pledge pays amount x probability; "sampled": all or nothing, one draw
    pledges: tuple


@dataclass(frozen=True)
class Ucj:
    employed_persons: int
    covered_persons: int  # active BPJS TK members in the region at the start, this scheme's included
    target_share: float
    target_year: int


@dataclass(frozen=True)
class ClaimTiming:
    reporting_delay: tuple  # ((months after the event, share), ...)
    verification_capacity: float  # claims per month
    verification_months: int
    payment_months: int


@dataclass(frozen=True)
class Planning:
    quotas: tuple = ()  # Quota per expanding segment
    exits: dict = field(default_factory=dict)  # segment name -> Exits
    pipeline: Pipeline | None = None
    funding: Funding | None = None
    ucj: Ucj | None = None
    claim_timing: ClaimTiming | None = None

    @property
    def shapes_exposure(self) -> bool:
        """Whether members join, leave or are cut beyond the plain run-off (so the exposure is projected)."""
        return bool(self.quotas) or self.funding is not None or any(e != Exits() for e in self.exits.values())


# --- Validation -----------------------------------------------------------------------------------------------


def validate_planning(v, data: dict, values: dict) -> dict:
    """Check the planning tables (``v`` is the scenario's validator); return their plain values. The first problem
    found ends the check, so the tables are checked in this order: expansion, membership, pipeline, funding, ucj,
    claim_timing."""
    c = _Context(v, values)
    out = {}
    if "expansion" in data:
        out["expansion"] = _check_expansion(c, data)
    if "membership" in data:
        out["membership"] = _check_membership(c, data["membership"])
    if "pipeline" in data:
        out["pipeline"] = _check_pipeline(c, data["pipeline"])
    if "funding" in data:
        out["funding"] = _check_funding(c, data["funding"])
    if "ucj" in data:
        out["ucj"] = _check_ucj(c, data["ucj"])
    if "claim_timing" in data:
        out["claim_timing"] = v.table(data["claim_timing"], "claim_timing", CLAIM_TIMING_FIELDS)
    return out


class _Context:
    """What the planning checks share: the validator, the segments and the horizon's calendar years."""

    def __init__(self, v, values: dict):
        self.v, self.values = v, values
        self.segments = list(values["segments"])
        scen = values["scenario"]
        self.first_year = int(scen["start"][:4])
        last_month = int(scen["start"][5:7]) - 1 + int(scen["horizon_months"]) - 1
        self.years = list(range(self.first_year, self.first_year + last_month // 12 + 1))
        self.span = f"{self.years[0]}-{self.years[-1]}" if len(self.years) > 1 else str(self.years[0])
        self.judged = _declared_horizon(v)

    def outside(self, key: str, listed, problem: str) -> None:
        """Entries that fall outside the horizon (see _declared_horizon) end in one line naming the key."""
        if self.judged and listed:
            listed = sorted(set(listed))
            self.v.fail(key, f"{', '.join(map(str, listed))} {'is' if len(listed) == 1 else 'are'} {problem}",
                        HORIZON_KEYS)

    def segment_names(self, key: str, listed) -> None:
        for n in listed:
            self.segment(key, n)

    def segment(self, key: str, name: str) -> None:
        if name not in self.segments:
            self.v.fail(key, f"unknown segment {name!r}; segments: {', '.join(self.segments)}")


def _check_expansion(c: _Context, data: dict) -> dict:
    v, out = c.v, {}
    for name, sub in _table(v, data["expansion"], "expansion").items():
        key = f"expansion.{name}"
        c.segment(key, name)
        quota = v.table(sub, key, EXPANSION_FIELDS)
        kinds = [k for k in QUOTA_KINDS if k in quota]
        if len(kinds) != 1:
            v.fail(key, f"give exactly one of {', '.join(QUOTA_KINDS)}", [f"{key}.{k}" for k in QUOTA_KINDS])
        if "growth_cap" in quota and kinds != ["growth_rate"]:
            v.fail(f"{key}.growth_cap", "applies to growth_rate only")
        if "targets" in quota and not _is_number(quota["targets"]):
            # A target holds from its year-end on ("later years keep the last target"), so a year BEFORE the
            # horizon is meaningful (the quota the horizon starts with) and stays allowed; a year after the
            # horizon's last could never take effect (with a --set horizon, not refused: said to be unused).
            c.outside(f"{key}.targets.value", [y for y, _ in quota["targets"] if y > c.years[-1]],
                      f"after the horizon ({c.span}): a target there never takes effect")
        out[name] = quota
    if "pipeline" not in data:
        v.fail("pipeline", "missing table: [expansion] needs the enrolment pipeline", ["expansion"])
    # Shares of the UCJ gap normally sum to 1; a larger sum aims past the target. Not an error, so that a
    # sensitivity run may move one share to the end of its range. Any share, even 0, needs [ucj] (the quota
    # path is measured from its target year); and at least one share must be above 0, or nobody closes the
    # gap (the budget solver's csr_gap would otherwise fail only after the forecast).
    sharing = [name for name, q in out.items() if "ucj_allocation" in q]
    if sharing and "ucj" not in data:
        v.fail("ucj", "missing table: ucj_allocation needs [ucj]", ["expansion"])
    if sharing and not any(out[name]["ucj_allocation"] > 0 for name in sharing):
        v.fail("expansion", f"ucj_allocation is 0 for every segment that has one ({', '.join(sharing)}), so no "
                            "segment shares the gap to the UCJ target; give at least one a share above 0",
               [f"expansion.{name}.ucj_allocation" for name in sharing])
    return out


def _check_membership(c: _Context, node) -> dict:
    v = c.v
    node = _table(v, node, "membership")
    common = {k: x for k, x in node.items() if k in MEMBERSHIP_FIELDS}
    out = {"": v.table(common, "membership", MEMBERSHIP_FIELDS)}
    for name, sub in node.items():
        if name in MEMBERSHIP_FIELDS:
            continue
        key = f"membership.{name}"
        if name not in c.segments:
            v.fail(key, f"unknown key or segment; keys: {', '.join(MEMBERSHIP_FIELDS)}; "
                        f"segments: {', '.join(c.segments)}")
        out[name] = v.table(sub, key, MEMBERSHIP_FIELDS)
    return out


def _check_pipeline(c: _Context, node) -> dict:
    v = c.v
    node = _table(v, node, "pipeline")
    pipe = v.table({k: x for k, x in node.items() if k not in STAGES}, "pipeline", PIPELINE_FIELDS, also_known=STAGES)
    for stage in STAGES:
        if stage not in node:
            # A city without one of the stages (no kecamatan check, say) had to guess how to leave it out.
            v.fail(f"pipeline.{stage}", "missing table: every stage is required (" + ", ".join(STAGES) + "); for a "
                   "stage the city does not have, give one that passes every name on at once: capacity above the "
                   "names of a month (100000), duration 0, rejection_rate 0.0, basis \"data\"")
        pipe[stage] = v.table(node[stage], f"pipeline.{stage}", STAGE_FIELDS)
    return pipe


def _check_funding(c: _Context, node) -> dict:
    v = c.v
    node = _table(v, node, "funding")
    fund = v.table({k: x for k, x in node.items() if k != "csr"}, "funding", FUNDING_FIELDS)
    for key in ("apbd_budget", "dbh_cht_budget"):
        if key in fund:
            _covers(v, f"funding.{key}", fund[key], c.years)
            c.outside(f"funding.{key}.value", _listed_outside(fund[key], c.years), MONEY_OUTSIDE.format(span=c.span))
    if "dbh_cht_segments" in fund and "dbh_cht_budget" not in fund:
        v.fail("funding.dbh_cht_budget", "missing: dbh_cht_segments are given", ["funding.dbh_cht_segments"])
    if "dbh_cht_budget" in fund and "dbh_cht_segments" not in fund:
        v.fail("funding.dbh_cht_segments", "missing: say which segments the tobacco-excise funds may pay for",
               ["funding.dbh_cht_budget"])
    c.segment_names("funding.dbh_cht_segments", fund.get("dbh_cht_segments", []))
    c.segment_names("funding.priority", fund.get("priority", []))
    fund["csr"] = {name: _check_pledge(c, f"funding.csr.{name}", sub)
                   for name, sub in _table(v, node.get("csr", {}), "funding.csr").items()}
    _check_payers(c, fund)
    return fund


def _check_pledge(c: _Context, key: str, sub) -> dict:
    pledge = c.v.table(sub, key, PLEDGE_FIELDS)
    c.segment_names(f"{key}.segments", pledge["segments"])
    start = pledge.get("first_year", c.first_year)
    # A pledge that started before the horizon and still runs in it is meaningful (first_year before the
    # horizon is allowed); one whose whole run lies before or after the horizon never pays.
    end = start + int(pledge["years"]) - 1
    if start > c.years[-1]:
        c.outside(f"{key}.first_year", [start], f"after the horizon ({c.span}): the pledge never pays")
    elif end < c.years[0]:
        c.outside(f"{key}.first_year", [start], f"too early: with years = {int(pledge['years'])} the pledge runs "
                                                f"{start}-{end}, before the horizon ({c.span}): it never pays")
    _covers(c.v, f"{key}.amount", pledge["amount"], [y for y in c.years if start <= y < start + pledge["years"]])
    # Years outside the horizon never take effect (as for the budgets). Years of the horizon outside the
    # pledge's run are allowed: they let `years` and `first_year` move (a sensitivity run, --set).
    c.outside(f"{key}.amount.value", _listed_outside(pledge["amount"], c.years), MONEY_OUTSIDE.format(span=c.span))
    return pledge


def _check_payers(c: _Context, fund: dict) -> None:
    """A segment whose payer is a limited pot that the scenario never fills could never be paid for: every name
    would wait for money, and the plan would blame the pipeline or the budget. And money listed for a segment that
    an external payer pays without limit (sim.funding) would never be spent on it."""
    listed = [("funding.dbh_cht_segments", "DBH-CHT money", fund.get("dbh_cht_segments", []))]
    listed += [(f"funding.csr.{name}.segments", "the pledge", p["segments"]) for name, p in fund["csr"].items()]
    for key, money_, names_ in listed:
        for name in names_:
            payer = c.values["segments"][name]["payer"]
            if payer in UNLIMITED_PAYERS:
                c.v.fail(key, f"{name!r} is paid by {payer} without limit, so {money_} listed for it is never spent; "
                              "list segments paid by the APBD, DBH-CHT or CSR only (or make the segment's payer APBD)",
                         [f"segments.{name}.payer"])
    for name, seg in c.values["segments"].items():
        key = f"segments.{name}.payer"
        if seg["payer"] == "CSR" and not any(name in p["segments"] for p in fund["csr"].values()):
            c.v.fail(key, f"is CSR but no [funding.csr.*] pledge lists {name!r} in its segments, so its members "
                          "could never be paid for; add a pledge for it or give the segment another payer",
                     ["funding.csr"])
        if seg["payer"] == "DBH-CHT" and "dbh_cht_budget" not in fund:
            c.v.fail(key, "is DBH-CHT but [funding] has no dbh_cht_budget, so its members could never be paid "
                          "for; add the budget or give the segment another payer", ["funding.dbh_cht_budget"])


def _check_ucj(c: _Context, node) -> dict:
    v = c.v
    ucj = v.table(node, "ucj", UCJ_FIELDS)
    if ucj["covered_persons"] > ucj["employed_persons"]:
        v.fail("ucj.covered_persons", "exceeds employed_persons", ["ucj.employed_persons"])
    # The covered persons include this scheme's own members (UCJ = covered - members at the start + members
    # then): fewer than the scenario's starting members would make the members outside the scheme negative.
    own = sum(float(seg["members"]) for seg in c.values["segments"].values())
    if ucj["covered_persons"] < own:
        v.fail("ucj.covered_persons", f"{ucj['covered_persons']:,} is below the scenario's own starting members "
                                      f"({own:,.0f}, every segment's members), which it includes",
               [f"segments.{name}.members" for name in c.segments])
    # A target year after the horizon is allowed: the quota path takes equal yearly steps toward it, so the
    # horizon's years still move (part of the way).
    if ucj["target_year"] < c.first_year:
        v.fail("ucj.target_year", f"is before the horizon starts ({c.first_year})")
    return ucj


def enrols_from_nothing(planning: dict) -> bool:
    """Whether a scenario whose segments all start with 0 members enrols any (``planning``: the validated planning
    tables): only a quota path adds members, and from 0 only one aiming above 0, year-end targets above 0 or a share
    above 0 of a UCJ gap above 0 (a growth rate grows 0 members to 0)."""
    ucj = planning.get("ucj")
    gap = ucj["target_share"] * ucj["employed_persons"] - ucj["covered_persons"] if ucj else 0.0
    for quota in planning.get("expansion", {}).values():
        targets = quota.get("targets", 0)
        if any(n > 0 for n in ([targets] if _is_number(targets) else [n for _, n in targets])):
            return True
        if quota.get("ucj_allocation", 0) > 0 and gap > 0:
            return True
    return False


HORIZON_KEYS = ("scenario.start", "scenario.horizon_months")
MONEY_OUTSIDE = ("outside the horizon ({span}): money for a year outside it is never spent "
                 "(list the horizon's years only)")


def _declared_horizon(v) -> bool:
    """Whether entries outside the horizon are refused: only when the horizon (start and length) is the one the
    scenario's files declare.

    Assumption: a horizon given with ``--set`` (a quick one-year run; ``calibrate``'s observation window) or cut by
    the workbench itself from an already checked document (``scenario_from_data``: the first calendar year of the
    sensitivity tornado, the twelve months of the coverage figures; a report manifest) is shorter or shifted on
    purpose, and the entries outside it are meant for the full horizon. ``v.origin`` maps each dotted key to the
    file (or ``--set``) that set it, or a table above it; it is empty for a document not read from files.
    """
    from .scenario import _origin_of  # here: sim.scenario imports this module

    sources = [_origin_of(v.origin, k, None) for k in HORIZON_KEYS]
    return all(s is not None and not str(s).startswith("--set") for s in sources)


def _listed_outside(value, years) -> list:
    """Years of a ``[[year, amount], ...]`` list outside ``years`` (none for one number for every year)."""
    if _is_number(value):
        return []
    return [y for y, _ in value if y not in years]


def _table(v, node, key: str) -> dict:
    if not isinstance(node, dict):
        v.fail(key, "must be a table")
    return node


def _covers(v, key: str, value, years) -> None:
    """A per-year amount must give every calendar year of the horizon (one number covers them all)."""
    if _is_number(value):
        return
    listed = {y for y, _ in value}
    missing = [y for y in years if y not in listed]
    if missing:
        v.fail(f"{key}.value", f"no amount for {', '.join(map(str, missing))} (list every calendar year of the horizon, "
                               "or give one number for all years)")


# --- Building the parsed form ---------------------------------------------------------------------------------


def build_planning(values: dict) -> Planning | None:
    """The parsed planning tables, or None when the scenario has none of them."""
    plan = values.get("planning") or {}
    if not plan:
        return None
    segments = list(values["segments"])
    first_year = int(values["scenario"]["start"][:4])
    quotas = tuple(_quota(name, q) for name, q in plan.get("expansion", {}).items())
    membership = plan.get("membership", {})
    common = membership.get("", {})
    exits = {name: _exits({**common, **membership.get(name, {})}) for name in segments}
    pipeline = None
    if "pipeline" in plan:
        p = plan["pipeline"]
        pipeline = Pipeline(
            mode=p.get("mode", "expected"),
            proposal_months=int(p["proposal_months"]),
            stages=tuple(Stage(s, float(p[s]["capacity"]), int(p[s]["duration"]), float(p[s]["rejection_rate"]),
                               labels=in_each_language(p[s]["label"]) if "label" in p[s] else None)
                         for s in STAGES),
        )
    funding = None
    if "funding" in plan:
        f = plan["funding"]
        listed = list(f.get("priority", []))
        funding = Funding(
            apbd=YearAmounts.of(f["apbd_budget"]),
            dbh_cht=YearAmounts.of(f["dbh_cht_budget"]) if "dbh_cht_budget" in f else None,
            dbh_cht_segments=tuple(f.get("dbh_cht_segments", ())),
            # Segments not listed follow the listed ones, in file order.
            priority=tuple(listed + [s for s in segments if s not in listed]),
            csr_draw=f.get("csr_draw", "expected"),
            pledges=tuple(
                Pledge(name, YearAmounts.of(c["amount"]), float(c["probability"]), int(c.get("first_year", first_year)),
                       int(c["years"]), tuple(c["segments"]), float(c.get("city_match", 0.0)),
                       labels=in_each_language(c["label"]) if "label" in c else None)
                for name, c in f["csr"].items()
            ),
        )
    ucj = None
    if "ucj" in plan:
        u = plan["ucj"]
        ucj = Ucj(int(u["employed_persons"]), int(u["covered_persons"]), float(u["target_share"]), int(u["target_year"]))
    timing = None
    if "claim_timing" in plan:
        c = plan["claim_timing"]
        timing = ClaimTiming(tuple((int(a), float(b)) for a, b in c["reporting_delay"]), float(c["verification_capacity"]),
                             int(c["verification_months"]), int(c["payment_months"]))
    return Planning(quotas, exits, pipeline, funding, ucj, timing)


def _quota(name: str, q: dict) -> Quota:
    if "targets" in q:
        targets = q["targets"]
        pairs_ = ((None, float(targets)),) if _is_number(targets) else tuple((int(y), float(n)) for y, n in targets)
        return Quota(name, "targets", targets=pairs_)
    if "growth_rate" in q:
        cap = q.get("growth_cap")
        return Quota(name, "growth_rate", growth_rate=float(q["growth_rate"]), growth_cap=None if cap is None else float(cap))
    return Quota(name, "ucj_allocation", ucj_allocation=float(q["ucj_allocation"]))


def _exits(m: dict) -> Exits:
    limit = m.get("age_limit")
    return Exits(float(m.get("moving_away_rate", 0.0)), float(m.get("dtks_removal_rate", 0.0)),
                 None if limit is None else int(limit))
