"""Who pays each member-month's premium, and what happens when the money runs short.

Sources (``[funding]`` of a scenario):

- ``APBD``: the city budget, an amount per fiscal year (the calendar year). Money not spent in a year lapses
  (assumption: no carry-over, as with an unspent regional-budget line).
- ``DBH-CHT``: tobacco-excise revenue sharing (PMK 215/2021), restricted to the segments listed in
  ``dbh_cht_segments`` (the eligible workers).
- ``CSR:<pledge>``: a company pledge, per year for ``years`` years from ``first_year``, for the listed segments. It
  is honoured with a probability: by default (``csr_draw = "expected"``) a pledge brings amount x probability
  every year (the expected value, used for exposure); with ``"sampled"`` each pledge is honoured in full or not at
  all, for its whole duration, by one draw from ``SeedSequence(seed, spawn_key=(FUNDING_KEY, crc32(name)))``.
  ``city_match`` c: the city pays c of every premium the pledge co-funds and the company 1 - c.
- External payers (``SERTAKAN``: insured workers or firms enrolling workers around them; ``SELF``; ``APBN``):
  a segment with such a payer is paid for by it in full, without limit (assumption).

Waterfall (one rule, everywhere): a group of members (a segment's members at a round, or names registering in a
month) is offered to its sources in this order: DBH-CHT (restricted money first, since it can pay for nothing
else), then the CSR pledges listing the segment in file order, then the segment's own payer (APBD for city-paid
segments; a segment whose payer is CSR or DBH-CHT has no other source). Each source pays the share of the group it
can afford AT ITS OWN PREMIUM RATE: PP 50/2025 halves BPU premiums in 2026 except those paid from APBN/APBD (and
DBH-CHT, regional-budget money), so a CSR-paid BPU member costs Rp8,400 a month in 2026 instead of Rp16,800
(``sim.regulation.monthly_premium`` by payer; a co-funded pledge pays the full rate, since part comes from the
APBD: assumption). Every member-month is assigned to exactly one source, and its premium to one or two payers
(co-funding); a test checks that nothing is lost or counted twice.

Priority (``priority``, highest first; segments not listed follow in file order): at each fiscal-year round the
current members are renewed segment by segment in that order for the rest of the year; a segment the money cannot
fully cover loses the uncovered share of its members (exit cause ``budget``: not renewed). Names that BPJS
registers during the year are then admitted in the month they register, segments in priority order, from the money
left; names that cannot be paid for wait ("held") and are admitted first at the next round, after the renewals.
So renewals come before new enrolment, and within each, breadwinners and the extreme poor first when the scenario
lists them first (assumption, stated in the README).
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from .planning_schema import UNLIMITED_PAYERS, Funding

EXTERNAL_PAYERS = UNLIMITED_PAYERS  # paid in full, without limit (planning_schema refuses money listed for them)
FUNDING_KEY = zlib.crc32(b"funding")
APBD, DBH_CHT = "APBD", "DBH-CHT"
CITY_PAYERS = (APBD, DBH_CHT)  # the city's own money ("city money"): its budget and its share of tobacco excise
EPS = 1e-12


@dataclass(frozen=True)
class Source:
    name: str  # "APBD", "DBH-CHT", "CSR:<pledge>", or an external payer code
    payer: str  # payer code that sets the premium rate (sim.regulation.monthly_premium)
    limited: bool
    city_share: float = 0.0  # co-funded pledge: share of the premium the APBD pays alongside

    def buckets(self) -> tuple[tuple[str, float], ...]:
        """(payer bucket, share of the premium) this source's money comes from."""
        if self.city_share > 0:
            return ((self.name, 1.0 - self.city_share), (APBD, self.city_share))
        return ((self.name, 1.0),)


def pledge_source(pledge) -> Source:
    return Source(f"CSR:{pledge.name}", "CSR" if pledge.city_match == 0 else APBD, True, pledge.city_match)


def sources_for(seg, funding: Funding | None) -> tuple[Source, ...]:
    """The segment's sources in waterfall order."""
    if funding is None or seg.payer in EXTERNAL_PAYERS:
        return (Source(seg.payer, seg.payer, False),)
    out = []
    if funding.dbh_cht is not None and seg.name in funding.dbh_cht_segments:
        out.append(Source(DBH_CHT, DBH_CHT, True))
    out.extend(pledge_source(p) for p in funding.pledges if seg.name in p.segments and not p.after_city)
    if seg.payer == APBD:
        out.append(Source(APBD, APBD, True))
    elif seg.payer == DBH_CHT and not any(s.name == DBH_CHT for s in out):
        out.append(Source(DBH_CHT, DBH_CHT, True))
    # The budget solver's gap-closing pledge pays last, for what the city's money cannot.
    out.extend(pledge_source(p) for p in funding.pledges if seg.name in p.segments and p.after_city)
    return tuple(out)


def pledge_factors(funding: Funding | None, seed: int) -> dict:
    """Share of each pledge's amount that arrives: its probability (expected) or 0/1 from one seeded draw."""
    if funding is None:
        return {}
    out = {}
    for p in funding.pledges:
        if funding.csr_draw == "sampled":
            rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(FUNDING_KEY, zlib.crc32(p.name.encode()))))
            out[p.name] = 1.0 if rng.random() < p.probability else 0.0
        else:
            out[p.name] = p.probability
    return out


def _bucket_totals() -> defaultdict:
    """A year's spending by payer bucket (module level, so that a Treasury pickles)."""
    return defaultdict(float)


class Treasury:
    """The money of each fiscal year by source, and what was spent from it."""

    def __init__(self, funding: Funding | None, factors: dict):
        self.funding, self.factors = funding, factors
        self.pots: dict = {}
        self.available = {}  # year -> {bucket: IDR}
        # year -> bucket -> IDR. No lambda in it, so that a Treasury (part of a Projection) pickles.
        self.spent = defaultdict(_bucket_totals)
        self.year = None

    def open_year(self, year: int) -> None:
        self.year = year
        f = self.funding
        pots = {}
        if f is not None:
            pots[APBD] = f.apbd.at(year)
            if f.dbh_cht is not None:
                pots[DBH_CHT] = f.dbh_cht.at(year)
            for p in f.pledges:
                pots[f"CSR:{p.name}"] = p.amount.at(year) * self.factors.get(p.name, p.probability) if p.active(year) else 0.0
        self.pots = pots
        self.available[year] = dict(pots)

    def _plan(self, sources, unit_cost: dict, units: float) -> list[tuple[Source, float]]:
        """Greedy: each source in turn pays for as many of the units as it can afford."""
        pots = dict(self.pots)
        remaining, plan = units, []
        for src in sources:
            if remaining <= EPS:
                break
            cost = unit_cost[src.name]
            if not src.limited or cost <= 0:
                take = remaining
            else:
                take = remaining
                own, city = (1.0 - src.city_share) * cost, src.city_share * cost
                if own > 0:
                    take = min(take, pots.get(src.name, 0.0) / own)
                if city > 0:
                    take = min(take, pots.get(APBD, 0.0) / city)
                take = max(take, 0.0)
                for bucket, share in src.buckets():
                    pots[bucket] = pots.get(bucket, 0.0) - take * cost * share
            if take > 0:
                plan.append((src, take))
                remaining -= take
        return plan

    def fund(self, sources, unit_cost: dict, units: float, whole: bool = False) -> tuple[float, list]:
        """Pay for up to ``units`` (members, or a share of a group) from the sources; return (units paid for, plan).

        ``unit_cost[source name]``: premium of one unit at that source's rate. ``whole``: pay for whole names only.
        """
        plan = self._plan(sources, unit_cost, units)
        funded = sum(u for _, u in plan)
        if funded > units * (1 - EPS):
            funded = units  # floating-point dust
        if whole and funded < units:
            funded = float(math.floor(funded + 1e-9))
            plan = self._plan(sources, unit_cost, funded)
        for src, u in plan:
            for bucket, share in src.buckets():
                money = u * unit_cost[src.name] * share
                if src.limited:
                    self.pots[bucket] = max(self.pots.get(bucket, 0.0) - money, 0.0)
                self.spent[self.year][bucket] += money
        return funded, plan
