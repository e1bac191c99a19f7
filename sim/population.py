"""The covered population month by month: who is in force, how old, how long a member, and at what risk.

Each segment is split into cells (sex x single year of age x membership cohort). Within a cell all members share
the age and tenure that drive the rules (the BPU 3-month JKM rule, the 3-year scholarship rule). Members age by a
year every 12 months of the horizon and leave through death (non-work or work-accident).

Assumption (named in the README): the run-off of the population is deterministic, the expected survivors. Random
deaths in one trial do not reduce that trial's later exposure: the engine draws each cell-month's deaths Poisson
with mean expected survivors x q, which is the exact expected number of deaths, but a closed group's deaths are
binomial, so a year's count has a variance larger by about the chance of dying that year (1-3 % of the variance
of a year's deaths in the shipped scenarios; tests/test_stated_figures.py).
Members totally disabled by a work accident stay in force (``sim.accident``, by ``WITH_SCHOLARSHIP``, says why and
how little it matters).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

import numpy as np

from .mortality import monthly_q
from .regulation import RuleSet, load_regulation, month_dates, monthly_premium
from .scenario import Scenario, Segment

BENEFIT_RULE_GROUPS = ("jkm.", "jkk.", "scholarship.")


@dataclass(frozen=True)
class SegmentExposure:
    segment: Segment
    sex: np.ndarray  # (C,) 0 = male, 1 = female
    age0: np.ndarray  # (C,) age at the start of the horizon
    tenure0: np.ndarray  # (C,) months of membership at the start of the horizon
    inforce: np.ndarray  # (C, M) expected members in force at the start of each month
    closing: np.ndarray  # (M,) expected members in force at the end of each month, after its exits
    jkm_rate: np.ndarray  # (C, M) expected non-work deaths in each month
    jkk_rate: np.ndarray  # (C, M) expected work accidents in each month
    premium_rate: np.ndarray  # (M,) IDR per member per month
    join: np.ndarray | None = None  # (C,) month of the horizon the cell's members join (None: all at the start)

    def age(self, cell: np.ndarray, month: np.ndarray) -> np.ndarray:
        """The members' age in ``cell`` in ``month`` of the horizon: a year older every 12 months since joining
        (as the exposure ages them: ``segment_exposure`` and ``membership.SegmentLedger.age``)."""
        if self.join is None:
            return self.age0[cell] + month // 12
        return self.age0[cell] + np.maximum(month - self.join[cell], 0) // 12


@dataclass(frozen=True)
class Model:
    """Everything the calculators need, derived once from a scenario (the calculators share it)."""

    scenario: Scenario
    month_dates: tuple  # first day of each month of the horizon
    period_of_month: np.ndarray  # (M,) index into period_labels
    period_labels: tuple  # calendar years, as strings
    regimes: tuple  # distinct benefit rule sets in force over the horizon
    regime_of_month: np.ndarray  # (M,) index into regimes
    segments: tuple  # SegmentExposure per segment
    projection: object = None  # sim.expansion.Projection when members join, leave or are cut; else None

    def __post_init__(self):
        # What is derived from the model once per process (:meth:`derived`), kept beside the fields: not a field,
        # so not compared, copied by dataclasses.replace or pickled.
        object.__setattr__(self, "_derived", {})
        object.__setattr__(self, "_derived_lock", threading.RLock())  # re-entrant: a build may ask for another

    @property
    def months(self) -> int:
        return len(self.month_dates)

    def derived(self, build):
        """``build(self)``, built once for this model object and kept on it (``sim.engine``'s look-up tables: a
        national model's take 0.25 s, and every chunk needs them). Thread-safe: threads running chunks of one model
        build them once and share them, and threads running different models keep apart. A model is immutable,
        so what is built from it stays valid; a changed copy (``dataclasses.replace``) starts empty, and so does a
        pickled copy (a Dask worker builds its own, nothing derived is sent)."""
        try:
            return self._derived[build]
        except KeyError:
            with self._derived_lock:
                if build not in self._derived:
                    self._derived[build] = build(self)
                return self._derived[build]

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["_derived"], state["_derived_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()


def single_ages(seg: Segment) -> tuple[np.ndarray, np.ndarray]:
    """Single ages of the segment's age bands and the share of members at each (spread evenly within a band), moved
    by the scenario's age shift (``assumptions.age_shift``; :func:`shifted_ages`). Every calculator takes a
    segment's ages from here (the starting members, and new entrants in a planning scenario)."""
    ages, shares = [], []
    for lo, hi, share in seg.age_bands:
        span = np.arange(int(lo), int(hi) + 1)
        ages.append(span)
        shares.append(np.full(span.size, share / span.size))
    ages, shares = np.concatenate(ages), np.concatenate(shares)
    if seg.age_shift == 0:  # the ages as given, number for number
        return ages, shares
    return shifted_ages(ages, shares, seg.age_shift)


def shifted_ages(ages: np.ndarray, shares: np.ndarray, shift: float) -> tuple[np.ndarray, np.ndarray]:
    """The members at each single age ``ages`` (shares ``shares``) made ``shift`` years older (younger when
    negative), within the youngest and oldest of ``ages`` (the profile's own limits, e.g. 20 and 57 for non-ASN
    staff, who retire at 58): members pushed past a limit are held at it (at +5, the non-ASN staff of 52-57 are all
    57; at -5, those of 20-24 are all 20). A fractional shift splits each age's members between the two whole ages
    either side of the shifted age, in proportion to nearness (at +2.5, half two and half three years older), so
    the ages stay whole years. Returns every whole age from the youngest to the oldest and its share (0 where no
    member is); the shares keep their sum."""
    lo, hi = int(ages.min()), int(ages.max())
    target = np.clip(ages + shift, lo, hi)
    below = np.floor(target).astype(int)
    above = np.minimum(below + 1, hi)
    upper = target - below  # share of each age's members that goes to the whole age above
    out = np.zeros(hi - lo + 1)
    np.add.at(out, below - lo, shares * (1.0 - upper))
    np.add.at(out, above - lo, shares * upper)
    return np.arange(lo, hi + 1), out


def starting_cells(seg: Segment):
    """(sex, age, tenure, members) of the cells of a segment's starting members: sex x single age x cohort."""
    ages, age_shares = single_ages(seg)
    sex_shares = np.array([seg.male_share, 1.0 - seg.male_share])
    tenures = np.array([t for t, _ in seg.tenure], dtype=int)
    tenure_shares = np.array([s for _, s in seg.tenure])
    sex, age, ten = np.meshgrid(np.arange(2), np.arange(ages.size), np.arange(tenures.size), indexing="ij")
    n = seg.members * sex_shares[sex] * age_shares[age] * tenure_shares[ten]
    keep = n.ravel() > 0
    return sex.ravel()[keep], ages[age.ravel()[keep]], tenures[ten.ravel()[keep]], n.ravel()[keep]


def segment_exposure(scenario: Scenario, seg: Segment, rules_by_month: list[RuleSet], jkk_death_share: float,
                     dates) -> SegmentExposure:
    months = len(rules_by_month)
    sex, age0, tenure0, n0 = starting_cells(seg)
    # Age last birthday at the start, a year older every 12 months, qx at that age: about half a year young on
    # average (members aged x last birthday are x+1/2 on average; README "Ages are ages last birthday").
    ages = age0[:, None] + np.arange(months)[None, :] // 12
    q_death = monthly_q(scenario.mortality_table, sex[:, None], ages, seg.mortality_load)
    accident = seg.accident_rate / 1000.0 / 12.0
    inforce = np.empty((n0.size, months))
    closing = np.empty(months)
    current = n0.astype(float)
    for m in range(months):
        inforce[:, m] = current
        current = current * np.maximum(1.0 - q_death[:, m] - accident * jkk_death_share, 0.0)
        closing[m] = current.sum()
    # Each month's premium on the wage of its calendar year (Segment.wage_in: a PU wage grows with the wage growth).
    premium_rate = np.array([monthly_premium(r, seg.scheme, seg.wage_in(d.year), seg.risk_class or 1, seg.payer,
                                             seg.occupation) for r, d in zip(rules_by_month, dates, strict=True)])
    return SegmentExposure(
        segment=seg,
        sex=sex,
        age0=age0,
        tenure0=tenure0,
        inforce=inforce,
        closing=closing,
        jkm_rate=inforce * q_death,
        jkk_rate=inforce * accident,
        premium_rate=premium_rate,
    )


def _benefit_key(rules: RuleSet):
    return tuple(sorted((k, repr(v)) for k, v in rules.items() if k.startswith(BENEFIT_RULE_GROUPS)))


def model_inputs(scenario: Scenario) -> tuple:
    """Everything of a scenario that :func:`build_model` reads: the months and the rules in force (start, horizon,
    rules date), the segments, the mortality table, the share of work accidents that kill (members who die leave),
    the planning tables but the claim timing (enrolment, exits, money) and the seed (the pledges' and the
    pipeline's draws). Two scenarios with equal inputs have the same model but for the scenario it names, whatever
    else differs: the rest of the severity of claims, the children, the claim payment times, the parameter draws.
    ``tests/test_plan_speed_paths.py`` checks that building a model reads nothing else."""
    planning = getattr(scenario, "planning", None)
    return (scenario.start, scenario.horizon_months, scenario.rules_date, scenario.segments, scenario.mortality_table,
            scenario.severity.shares[4], None if planning is None else replace(planning, claim_timing=None),
            scenario.seed)


def build_model(scenario: Scenario, like: Model | None = None) -> Model:
    """The scenario's model. ``like``: a model built for another scenario, whose months, exposure and projection are
    taken rather than made again when the two scenarios' inputs are equal (:func:`model_inputs`): ``sim plan``'s
    tornado moves some assumptions that change what claims cost but not who is covered (a severity share, the
    children table, claim payment times), and a projection takes most of a model's time."""
    if like is not None and model_inputs(like.scenario) == model_inputs(scenario):
        return replace(like, scenario=scenario)  # a new model: nothing derived from the other scenario comes with it
    dates = month_dates(scenario.start, scenario.horizon_months)
    regulation = load_regulation()
    rules_by_month = [regulation.at(scenario.rules_date or d) for d in dates]
    regimes, regime_of_month, seen = [], [], {}
    for rules in rules_by_month:
        key = _benefit_key(rules)
        if key not in seen:
            seen[key] = len(regimes)
            regimes.append(rules)
        regime_of_month.append(seen[key])
    years = sorted({d.year for d in dates})
    period_of_month = np.array([years.index(d.year) for d in dates])
    death_share = scenario.severity.shares[4]
    planning = getattr(scenario, "planning", None)
    projection = None
    if planning is not None and planning.shapes_exposure:
        # Quotas, exit rates or limited funding: members join and leave over the horizon (sim/expansion.py).
        from .expansion import project, segment_exposures

        projection = project(scenario, dates, rules_by_month, death_share)
        segments = segment_exposures(projection, scenario, rules_by_month, dates)
    else:
        segments = tuple(segment_exposure(scenario, s, rules_by_month, death_share, dates) for s in scenario.segments)
    return Model(
        scenario=scenario,
        month_dates=dates,
        period_of_month=period_of_month,
        period_labels=tuple(str(y) for y in years),
        regimes=tuple(regimes),
        regime_of_month=np.array(regime_of_month),
        segments=segments,
        projection=projection,
    )


def share_older_than_at_start(model: Model) -> float | None:
    """The share of the members in force in the horizon's last month who are older than every member of their
    segment at the start (its age profile's oldest age): what a run-off without exits but death keeps that a
    programme would have retired (madiun-2025's non-ASN staff past 57, the last age before their retirement at 58).
    None with nobody in force."""
    older = total = 0.0
    for exp in model.segments:
        last = exp.inforce[:, -1]
        if exp.age0.size:
            older += last[exp.age(np.arange(last.size), model.months - 1) > exp.age0.max()].sum()
        total += last.sum()
    return float(older / total) if total > 0 else None


def year_premium_rates(scenario: Scenario, seg: Segment) -> list[float]:
    """The monthly premium of one member of ``seg`` in each of the 12 months from the start (IDR), under the rules
    in force in each month (all under the scenario's fixed ``rules_date``, if it has one) and on the wage of the
    month's calendar year (``Segment.wage_in``). A rule that changes within the year (PP 50/2025's BPU discount for
    CSR and SERTAKAN payers ends after December 2026) changes the rate from that month on, and so does a PU wage
    that grows (``assumptions.wage_growth``) in the January of a year starting after January."""
    regulation = load_regulation()
    dates = month_dates(scenario.start, 12)
    return [monthly_premium(regulation.at(scenario.rules_date or d), seg.scheme, seg.wage_in(d.year),
                            seg.risk_class or 1, seg.payer, seg.occupation) for d in dates]


def annual_premium_budget(scenario: Scenario) -> float:
    """Premium for a full year for the members at the start: members x the monthly premiums of the 12 months from
    the start (:func:`year_premium_rates`; 12 x one rate when no rule changes within the year), IDR.

    This is what a city budgets for its enrolled list; the simulated premium is slightly lower because members who
    die stop being billed.
    """
    return float(sum(s.members * sum(year_premium_rates(scenario, s)) for s in scenario.segments))


def annual_premium_by_payer(scenario: Scenario) -> dict:
    """:func:`annual_premium_budget` split by the segments' payers (APBD, CSR, DBH-CHT, ...), with the members each
    pays for: ``{payer: {"members": n, "annual_premium_idr": x}}`` in the order the payers first appear."""
    out: dict = {}
    for s in scenario.segments:
        row = out.setdefault(s.payer, {"members": 0, "annual_premium_idr": 0.0})
        row["members"] += s.members
        row["annual_premium_idr"] += s.members * sum(year_premium_rates(scenario, s))
    return out
