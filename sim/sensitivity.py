"""Sensitivity of the first calendar year's expected claims to each assumption with a stated range (a tornado),
and of the last full calendar year's.

Every numeric parameter of the resolved scenario that states a plausible ``range`` (assumptions, and calibrated
values whose range is their 90 % credible interval) is moved, one at a time, to each end of its range; expected
claims, premium and claim ratio of the first calendar year, and of the last calendar year whose twelve months lie
in the horizon when that is another year (``Outcome.last``: madiun-2025's 2027), are recomputed in closed form (no
random numbers, so the bars carry no Monte Carlo noise). The bars, their order and the chart are the first year's;
the last year's figures are columns beside them, because a budget is planned for the years ahead and, in a
calibrated scenario, the first year is the one the recorded claims pin down. A scenario whose members are projected
(enrolment, quotas, exits) is measured the same way, each bar end re-projected through its last full year: the care
cost trend and the wage growth move only the years after the first, so measured in the first year alone they would
read as moving no claims (this takes madiun-2026-ucj's tornado from about 5 s to about 10 s).

Five choices, named here and in the report:
- Only the months up to the end of the last full calendar year are modelled (a year's claims do not depend on
  later months), which keeps the whole tornado to a second or two.
- The five severity shares must sum to 1: moving one rescales the other four in proportion.
- With more than ``MANY_SEGMENTS`` segments, a field set per segment (``segments.*.male_share``) is one bar: every
  segment moves to the same end of its own range together.
- The children table (``assumptions.children.by_member_age``) is one bar: its range is of a factor on each band's
  share of members with a child under 23 (``scenario_schema.scaled_child_bands``: P(1) and P(2+) times the factor,
  P(0) the rest, a band held at no member without a child where the share would pass 1), shown as the factor
  (1 = the table as given) with that range.
- The age profiles (``sim/data/age_profiles.toml``, or a segment's own age bands) are one bar, through the one
  scenario-wide age shift (``assumptions.age_shift``, years): every segment's ages older or younger by the shift
  at each end of its range, each held within its profile's own youngest and oldest ages
  (``population.shifted_ages``). One bar, not one per profile, because the profiles rest on the same judgement.
- In a calibrated scenario (one with a ``[calibration]`` record) each multiplier the calibration fitted is one bar
  (``calibration.posterior.mortality_scale``), shown at its posterior mean and 90 % credible interval: it moves
  every parameter it scaled (:data:`FITTED`; the default and each segment's own mortality load, each segment's
  accident rate) together to the same end of its own range, which ``sim calibrate`` wrote as the prior value times
  the interval's ends. One bar per segment would suggest that the recorded claims could be fitted segment by
  segment, which the calibration did not do. The other bars hold the calibrated values fixed: had the assumption
  been changed before calibrating, the refitted multipliers would absorb much of its effect on the claims, so for
  a calibrated scenario those bars overstate it. So each of them is also recalibrated at each end
  (:class:`Recalibration`): the scenario the calibration started from (the calibrated file's base, the record's
  ``scenario``), with the assumption moved exactly as the bar moves it, is fitted again to the same experience file
  (``calibration.fit_document``) and the first year recomputed in closed form with the refitted posterior means
  applied as ``sim calibrate`` applies them (``calibration.posterior_tables``, rounded as the file holds them). The
  bars keep their order (by the spread with the calibration held, the chart's). An end whose fit fails (data the
  moved scenario cannot fit) is recorded as not available, with the reason.
- A scenario that only inherits another's calibration (madiun-2026-ucj, a 2026-2030 projection built on
  madiun-2025; madiun-2026-ucj-csr through it) is recalibrated through the calibrated scenario up its base chain
  (:func:`calibrated_scenario`): that scenario's prior document is refitted with those of the bar's keys it holds
  moved (none for a bar it lacks, such as ``ucj.target_share`` or a segment it does not have: the base refit,
  fitted once), and the refitted tables replace, in this scenario's document with the bar at its end, the values
  it inherited from the calibrated scenario; its years are then measured as its held bars are (2026 and 2030,
  each bar end re-projected). Two assumptions: the refit is of the calibrated scenario's members and experience,
  not this scenario's members (who were not there when the claims were recorded); and where this scenario restates a
  value the calibration fitted (madiun-2026-ucj's new segments' own accident rates, stated assumptions), it is held,
  but for a death load stated as the calibrated default load itself (the same number: the new segments', "taken to
  die like the city's non-ASN staff"), which takes the refitted default. ``sim.budget.tornado`` takes the same
  refitted documents (:meth:`Recalibration.document`) over the whole horizon.

Which parameters get no bar, and why (the report names them in a note instead of drawing a bar of zero width):
- A default no segment uses (:func:`unused_parameters`), by key: it is not moved at all; so is the wage growth
  where no segment is PU.
- A parameter whose range ends both give the base claims (:func:`without_effect`), by measurement: the first
  year's expected claims, and the last full year's where it is measured, at each end within ``NO_EFFECT``
  (relative) of the base. In a planning scenario these are mostly claim payment times, enrolment stages that do
  not bind and budget inputs that bind in neither year measured (madiun-2026-ucj-csr's companies' CSR pledge,
  2026-2028); ``sim plan``'s tornado measures their effect on budget outputs over the whole horizon. Measured, not
  decided by key, because the same key may move claims in one scenario and not in another: an APBD budget that
  limits enrolment (madiun-2026-ucj) lowers the first year's claims at its low end, one that CSR money backs
  (madiun-2026-ucj-csr) does not; and a stage's rejection rate changes who is enrolled. The medical cost's
  coefficient of variation lands here too (it moves the spread of claims, not their mean), and so does the care
  cost trend where the horizon holds no full year after the first (the first year is at the prices the mean is
  stated at).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from .calibration import as_written, fit_document, posterior_tables, record_experience
from .closed_form import expected
from .population import build_model
from .regulation import RuleSet, load_regulation
from .scenario import (
    SCENARIO_DIR, SEVERITY_SHARES, Scenario, ScenarioError, apply_override, base_of, node_at, scenario_from_data,
)
from .scenario_schema import CHILD_SCALE_UNIT, RECORD_TABLES, scaled_child_bands

SEVERITY_PREFIX = "assumptions.severity."
MANY_SEGMENTS = 12
FITTED_PREFIX = "calibration.posterior."
# The parameter field each multiplier of a [calibration] record scaled (sim.calibration.calibrated_scenario_text
# writes them: the default and each segment's own mortality load, each segment's accident rate).
FITTED = {"mortality_scale": "mortality_load", "accident_scale": "accident_rate"}
CHILDREN_TABLE = "assumptions.children.by_member_age"  # a table whose range is of one factor on it
NO_EFFECT = 1e-9  # relative change of a year's claims below which a range end counts as no change (rounding)


@dataclass(frozen=True)
class Outcome:
    """Closed-form results of the first calendar year, with the last full calendar year's (``last``) where the
    horizon holds one after the first; for the base of a calibrated scenario's tornado, also the base
    recalibrated (``recalibrated``: the refit with nothing moved, which reproduces the scenario's own calibration
    unless a --set of the report changed what was fitted)."""

    period: str
    premium_idr: float
    claims_idr: float
    recalibrated: Refit | None = None
    last: Outcome | None = None  # the last full calendar year of the horizon, when it is not the first

    @property
    def claim_ratio(self) -> float | None:
        return self.claims_idr / self.premium_idr if self.premium_idr > 0 else None

    def recalibrated_row(self) -> dict:
        """The base's recalibrated figures for report.json (all None for a scenario that is not calibrated)."""
        refit = self.recalibrated or Refit()
        at = refit.outcome
        last = None if at is None else at.last
        return {"claims_recalibrated_idr": None if at is None else round(at.claims_idr, 2),
                "claim_ratio_recalibrated": None if at is None else _round(at.claim_ratio),
                "claims_recalibrated_last_idr": None if last is None else round(last.claims_idr, 2),
                "claim_ratio_recalibrated_last": None if last is None else _round(last.claim_ratio),
                "mortality_scale_recalibrated": _round(refit.mortality_scale),
                "accident_scale_recalibrated": _round(refit.accident_scale),
                "recalibration_problem": refit.problem}


@dataclass(frozen=True)
class Refit:
    """One end of a bar recalibrated: the first year's closed form at the refitted posterior mean multipliers (or
    what :meth:`Recalibration.at` was asked to measure: ``sim.budget``'s key outputs), and those multipliers; or,
    when the fit failed, why (``problem``) and no figures."""

    outcome: Outcome | dict | None = None
    mortality_scale: float | None = None
    accident_scale: float | None = None
    problem: str | None = None
    through: str | None = None  # an inheriting scenario's: the calibrated scenario refitted (madiun-2025)


@dataclass(frozen=True)
class Swing:
    """One bar of the tornado: a parameter moved to the low and the high end of its range."""

    key: str  # dotted key in the scenario (segments.*.FIELD for a group)
    unit: str
    basis: str
    value: float | None  # None for a group whose members differ
    low: float | None
    high: float | None
    at_low: Outcome
    at_high: Outcome
    # A calibrated scenario's bar other than a fitted multiplier: each end recalibrated (low, high); else None.
    recalibrated: tuple | None = None

    @property
    def spread_idr(self) -> float:
        return abs(self.at_high.claims_idr - self.at_low.claims_idr)

    def row(self, base: Outcome) -> dict:
        """The bar for report.json and sensitivity.csv. The recalibrated columns are always there, empty (None) for
        a fitted multiplier's bar, for a scenario that is not calibrated and at an end whose refit failed (its
        ``recalibration_problem_*`` says why)."""
        row = {
            "parameter": self.key, "unit": self.unit, "basis": self.basis,
            "value": self.value, "low": self.low, "high": self.high,
            "claims_low_idr": round(self.at_low.claims_idr, 2), "claims_high_idr": round(self.at_high.claims_idr, 2),
            "change_low_idr": round(self.at_low.claims_idr - base.claims_idr, 2),
            "change_high_idr": round(self.at_high.claims_idr - base.claims_idr, 2),
            "claim_ratio_low": _round(self.at_low.claim_ratio), "claim_ratio_high": _round(self.at_high.claim_ratio),
        }
        for end, at in zip(("low", "high"), (self.at_low.last, self.at_high.last)):
            row[f"claims_last_{end}_idr"] = None if at is None else round(at.claims_idr, 2)
            row[f"claim_ratio_last_{end}"] = None if at is None else _round(at.claim_ratio)
        for end, refit in zip(("low", "high"), self.recalibrated or (Refit(), Refit())):
            at = refit.outcome
            last = None if at is None else at.last
            row[f"claims_recalibrated_{end}_idr"] = None if at is None else round(at.claims_idr, 2)
            row[f"claim_ratio_recalibrated_{end}"] = None if at is None else _round(at.claim_ratio)
            row[f"claims_recalibrated_last_{end}_idr"] = None if last is None else round(last.claims_idr, 2)
            row[f"claim_ratio_recalibrated_last_{end}"] = None if last is None else _round(last.claim_ratio)
            row[f"mortality_scale_recalibrated_{end}"] = _round(refit.mortality_scale)
            row[f"accident_scale_recalibrated_{end}"] = _round(refit.accident_scale)
            row[f"recalibration_problem_{end}"] = refit.problem
        return row


def _round(x, digits=6):
    return None if x is None else round(x, digits)


def ranged_parameters(resolved: dict, prefix: str = "") -> list[tuple[str, dict]]:
    """(dotted key, parameter table) for every scalar numeric parameter that states a [low, high] range, and the
    children table when it states the range of its factor."""
    out = []
    for key, node in resolved.items():
        dotted = f"{prefix}{key}"
        if not isinstance(node, dict) or dotted in RECORD_TABLES:  # [calibration] records the fit, not an input
            continue
        if "value" in node:
            value, rng = node["value"], node.get("range")
            if ((_is_number(value) or dotted == CHILDREN_TABLE) and isinstance(rng, list) and len(rng) == 2
                    and all(map(_is_number, rng))):
                out.append((dotted, node))
        else:
            out.extend(ranged_parameters(node, dotted + "."))
    return out


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def first_year(data: dict, start: str, horizon: int) -> dict:
    """The scenario document cut to the months of its first calendar year."""
    return _cut(data, min(horizon, 13 - int(start[5:7])))


def last_full_year(start: str, horizon: int) -> int | None:
    """The last calendar year whose twelve months all lie in the horizon, when it is not the first calendar year
    (madiun-2025: 2027; 18 months from July 2025: 2026; a horizon of one calendar year, or of 12 months from
    July, has none)."""
    year, month = int(start[:4]), int(start[5:7])
    last = (year * 12 + month - 1 + horizon) // 12 - 1  # the year of the last December in the horizon
    return last if last > year else None


def through_last_year(data: dict, start: str, horizon: int) -> dict:
    """The scenario document cut to the end of its last full calendar year (:func:`last_full_year`), or to its
    first calendar year when there is none. A year's claims do not depend on later months, so the first year's
    figures are those of :func:`first_year`'s document."""
    last = last_full_year(start, horizon)
    if last is None:
        return first_year(data, start, horizon)
    return _cut(data, (last - int(start[:4])) * 12 + 13 - int(start[5:7]))


def _cut(data: dict, months: int) -> dict:
    out = copy.deepcopy(data)
    out["scenario"]["horizon_months"] = months
    return out


def outcome(scenario: Scenario) -> Outcome:
    """Closed-form premium and expected claims of the scenario's first calendar year, and (``last``) of its last
    calendar year when that is another year of twelve months (as :func:`through_last_year` cuts a scenario)."""
    model = build_model(scenario)
    exp = expected(model)
    n = len(model.period_labels)
    last = None
    if n > 1 and int((model.period_of_month == n - 1).sum()) == 12:
        last = Outcome(model.period_labels[-1], float(exp.premium[-1].sum()), float(exp.amounts[-1].sum()))
    return Outcome(model.period_labels[0], float(exp.premium[0].sum()), float(exp.amounts[0].sum()), last=last)


# A benefit rule of Medium confidence whose effect the tornado cannot show (it is a rule, not a scenario
# assumption): a BPU member who dies within the first months of membership gets Rp10 m, not Rp42 m. Its legal basis
# is cited inconsistently (DOMAIN.md s.4), and it moves a programme of new members most (jambi-2025: a fifth of
# the first year's claims).
EARLY_DEATH_RULE = "jkm.bpu_early_death_months"


def early_death_rule(scenario: Scenario) -> dict | None:
    """The years the tornado measures (:func:`through_last_year`) by direct calculation with and without the BPU
    early-death rule (without: every BPU member paid the full JKM benefit from the first month; the calibration, if
    any, held): claims and claim ratios, with the rule's months, reduced benefit and confidence. None when no
    segment is BPU or the rule is not in force at the start."""
    in_force = load_regulation().at(scenario.rules_date or scenario.start)
    if not in_force[EARLY_DEATH_RULE] or all(s.scheme != "BPU" for s in scenario.segments):
        return None
    resolved = scenario.resolved
    model = build_model(scenario_from_data(through_last_year(resolved, resolved["scenario"]["start"],
                                                             scenario.horizon_months)))
    without = replace(model, regimes=tuple(RuleSet(r.date, {**r, EARLY_DEATH_RULE: 0}) for r in model.regimes))
    (claims, premium), (claims_without, _) = [
        (e.amounts.sum(axis=(1, 2)), e.premium.sum(axis=1)) for e in (expected(model), expected(without))]
    rule = load_regulation().rules[EARLY_DEATH_RULE].at(in_force.date)
    years = [0] + ([len(claims) - 1] if len(claims) > 1 and (model.period_of_month == len(claims) - 1).sum() == 12
                   else [])
    return {
        "months": in_force[EARLY_DEATH_RULE], "benefit_idr": in_force["jkm.bpu_early_death_benefit"],
        "confidence": rule.confidence, "calibration_held": scenario.calibration is not None,
        "years": [{"period": model.period_labels[p], "claims_idr": round(float(claims[p]), 2),
                   "claims_without_idr": round(float(claims_without[p]), 2),
                   "claim_ratio": _round(claims[p] / premium[p]) if premium[p] > 0 else None,
                   "claim_ratio_without": _round(claims_without[p] / premium[p]) if premium[p] > 0 else None}
                  for p in years],
    }


def unused_parameters(resolved: dict) -> list[str]:
    """Ranged parameters that no segment uses: the default mortality load when every segment has its own, and the
    wage growth when no segment is PU (a BPU member's wage is its declared income band, which does not grow). Moving
    one changes nothing, and a bar of zero width beside its 1x-5x range would read as "the claims do not depend on
    mortality"."""
    segments = resolved.get("segments", {})
    out = []
    if segments and all("mortality_load" in seg for seg in segments.values()):
        out.append("assumptions.mortality_load")
    if "wage_growth" in resolved.get("assumptions", {}) and all(seg.get("scheme") != "PU" for seg in segments.values()):
        out.append("assumptions.wage_growth")
    return out


def fitted_multiplier(resolved: dict, key: str, node: dict) -> str | None:
    """The key of the calibration record's multiplier (``calibration.posterior.mortality_scale``) that scaled a
    calibrated parameter of a calibrated scenario; None for any other parameter (an assumption, or a scenario
    without the record)."""
    posterior = (resolved.get("calibration") or {}).get("posterior") or {}
    if node.get("basis") != "calibrated":
        return None
    field = key.rsplit(".", 1)[-1]
    names = [name for name, scaled in FITTED.items() if scaled == field and name in posterior]
    return FITTED_PREFIX + names[0] if names else None


def groups(resolved: dict) -> list[tuple[str, list[tuple[str, dict]]]]:
    """The tornado's bars: (label, [(dotted key, parameter table), ...]); one key per bar, except that the
    parameters one fitted multiplier scaled are one bar (labelled by the multiplier's key) and, with many segments,
    a per-segment field is one bar. Parameters no segment uses get none."""
    unused = unused_parameters(resolved)
    params = [(key, node) for key, node in ranged_parameters(resolved) if key not in unused]
    many = len(resolved.get("segments", {})) > MANY_SEGMENTS
    out: dict = {}
    for key, node in params:
        parts = key.split(".")
        label = fitted_multiplier(resolved, key, node)
        if label is None:
            label = f"segments.*.{parts[2]}" if many and parts[0] == "segments" and len(parts) == 3 else key
        out.setdefault(label, []).append((key, node))
    return list(out.items())


def shown(resolved: dict, label: str, members: list) -> dict:
    """What a bar shows of what it moves: unit, basis, value and the ends of the range. A fitted multiplier shows
    the calibration record's posterior mean and 90 % credible interval; a group of parameters shows what all its
    members share, else None for that item (a value that differs by segment)."""
    if label.startswith(FITTED_PREFIX):
        nodes = [resolved["calibration"]["posterior"][label[len(FITTED_PREFIX):]]]
    elif label == CHILDREN_TABLE:  # the factor on the table, 1 being the table as given
        node = members[0][1]
        nodes = [{"unit": CHILD_SCALE_UNIT, "basis": node.get("basis", ""), "value": 1.0, "range": node["range"]}]
    else:
        nodes = [node for _, node in members]
    return {"unit": nodes[0].get("unit", ""), "basis": _common([n.get("basis", "") for n in nodes]),
            "value": _common([n["value"] for n in nodes]), "low": _common([n["range"][0] for n in nodes]),
            "high": _common([n["range"][1] for n in nodes])}


def at_range_end(data: dict, members: list, end: int) -> dict:
    """A copy of the scenario document with every parameter of a bar (from :func:`groups`) at the low (end 0) or
    high (end 1) end of its own range; severity shares keep summing to 1; the children table is the table with its
    factor at that end."""
    out = copy.deepcopy(data)
    for key, node in members:
        value = node["range"][end]
        if key.startswith(SEVERITY_PREFIX) and key[len(SEVERITY_PREFIX):] in SEVERITY_SHARES:
            _move_share(out["assumptions"]["severity"], key[len(SEVERITY_PREFIX):], value)
        elif key == CHILDREN_TABLE:
            apply_override(out, key, scaled_child_bands(node["value"], value), {})
        else:
            apply_override(out, key, value, {})
    return out


def _common(values: list):
    return values[0] if all(v == values[0] for v in values) else None


def _move_share(severity: dict, name: str, value: float) -> None:
    """Set one severity share and rescale the other four in proportion so the five still sum to 1."""
    old = severity[name]["value"]
    rest = 1.0 - old
    factor = (1.0 - value) / rest if rest > 0 else 0.0
    for other in SEVERITY_SHARES:
        node = severity[other]
        node["value"] = value if other == name else node["value"] * factor
        if isinstance(node.get("range"), list):  # a what-if may step outside a stated range; the range shows it
            node["range"] = [min(node["range"][0], node["value"]), max(node["range"][1], node["value"])]


def without_effect(base: Outcome, swings: list[Swing]) -> tuple[list[Swing], list[Swing]]:
    """The swings that move the first year's or the last year's expected claims at either end of their range (the
    bars, in their order), and those that move them at neither (within ``NO_EFFECT`` of the base: floating-point
    rounding), by key so that a table's parameters stay together."""
    def same(o: Outcome | None, b: Outcome | None) -> bool:
        return o is None or b is None or abs(o.claims_idr - b.claims_idr) <= NO_EFFECT * abs(b.claims_idr)

    def still(s: Swing) -> bool:
        return all(same(o, base) and same(o.last, base.last) for o in (s.at_low, s.at_high))

    return [s for s in swings if not still(s)], sorted((s for s in swings if still(s)), key=lambda s: s.key)


def tornado(scenario: Scenario, recalibrate: bool = True) -> tuple[Outcome, list[Swing], list[tuple[str, str]]]:
    """The base outcome, one Swing per ranged parameter (widest first, with the calibration held), and the
    parameters that could not be moved alone, with the reason (an end of one range may break a rule across keys,
    e.g. shares that must not sum above 1). For a calibrated scenario (and ``recalibrate``), each bar but a fitted
    multiplier's also carries its ends recalibrated, and the base its refit with nothing moved
    (:class:`Recalibration`)."""
    resolved = scenario.resolved
    data = through_last_year(resolved, resolved["scenario"]["start"], scenario.horizon_months)
    base = outcome(scenario_from_data(data))
    refit = Recalibration(scenario) if recalibrate and scenario.calibration else None
    if refit is not None:
        base = Outcome(base.period, base.premium_idr, base.claims_idr, refit.at([], held=(data, base)), base.last)
    swings, skipped = [], []
    for label, members in groups(resolved):
        try:
            docs = [at_range_end(data, members, end) for end in (0, 1)]
            results = [outcome(scenario_from_data(doc)) for doc in docs]
        except ScenarioError as err:
            skipped.append((label, err.problem))
            continue
        bar = shown(resolved, label, members)
        again = (None if refit is None or label.startswith(FITTED_PREFIX)
                 else tuple(refit.at(members, end, label, (docs[end], results[end])) for end in (0, 1)))
        swings.append(Swing(label, bar["unit"], bar["basis"] or "", bar["value"], bar["low"], bar["high"], *results,
                            again))
    swings.sort(key=lambda s: (-s.spread_idr, s.key))
    return base, swings, skipped


class Recalibration:
    """Refits of a calibrated scenario, or of the one it inherits its calibration from, with one bar's parameters
    at an end of their range.

    The document fitted is the scenario the calibration started from, as the fit saw it (:func:`prior_document` of
    the calibrated scenario, :func:`calibrated_scenario`). For a scenario calibrated itself (madiun-2025), the bar
    moves that document as it moves the scenario (:func:`at_range_end`: the same keys, ranges and rules, since the
    calibrated scenario holds the same tables for every parameter it did not fit), and the refitted tables are
    applied to it. For a scenario that only inherits the calibration (madiun-2026-ucj, through madiun-2025), the
    bar moves those of its keys the calibrated scenario's prior document holds (:meth:`prior_members`; a bar it
    lacks, such as ``ucj.target_share``, refits with nothing moved: the base refit, fitted once), and the refitted
    tables replace the values the scenario inherited from the calibrated one (:meth:`document`). Two assumptions,
    which the report states: the refit fits the calibrated scenario's members to its experience, not this
    scenario's members; and this scenario's own values where it restates one the calibration fitted (the new
    segments' stated accident rates) are held, but for a death load stated as the calibrated default load itself
    (:meth:`_follow_default`). A --set of the inheriting scenario's report is not carried into the refit
    (the calibrated scenario is refitted as its file states it); a --set of what the calibration fitted is refused,
    as for a calibrated scenario (:func:`refuse_fitted_set`). Where it cannot be refitted at all (the experience
    file is gone, no scenario up the base chain was calibrated from the record's ``scenario`` with the same record),
    every end records the reason instead (``problem``)."""

    def __init__(self, scenario: Scenario):
        self.problem, self.prior, self.experience, self.calibrated = None, None, None, None
        self.scenario = scenario
        self.period_of = scenario.resolved["scenario"]["start"], scenario.horizon_months
        self._fits: dict = {}  # the fits by the prior's moved keys and end: the base refit (no keys) fitted once
        try:
            self.calibrated = calibrated_scenario(scenario)
            refuse_fitted_set(scenario, self.calibrated if self.calibrated is not scenario else None)
            self.prior = prior_document(self.calibrated)
            self.experience = record_experience(scenario.calibration)
            if self.experience is None:
                self.problem = (f"the experience file {scenario.calibration['experience']} is not found, or now "
                                f"holds another experience than {scenario.calibration['experience_id']}")
        except ScenarioError as err:
            self.problem = str(err)

    @property
    def inherits(self) -> bool:
        """The scenario only inherits its calibration (from :attr:`calibrated`, another scenario)."""
        return self.calibrated is not None and self.calibrated is not self.scenario

    @property
    def through(self) -> str | None:
        """The id of the calibrated scenario whose refits an inheriting scenario takes; None otherwise."""
        return self.calibrated.id if self.inherits and self.problem is None else None

    def prior_members(self, members: list) -> list:
        """The bar's parameters that move the refitted prior document: for a calibrated scenario all of them; for
        an inheriting one those whose key the prior document holds, at the bar's range ends (each on the prior's
        own node, so the children table's factor applies to the calibrated scenario's table), but no load or rate
        the calibration scaled (:data:`FITTED`: one this scenario restates as its own assumption leaves the
        calibration's prior as it was)."""
        if not self.inherits:
            return list(members)
        out = []
        for key, node in members:
            held = node_at(self.prior, key)
            if held is not None and key.rsplit(".", 1)[-1] not in FITTED.values():
                out.append((key, {**held, "range": node["range"]}))
        return out

    def fitted(self, members: list, end: int = 0, label: str = ""):
        """The refit (``calibration.Calibration``) of the prior document with ``members`` (already
        :meth:`prior_members`) at an end; cached, so the base refit is fitted once."""
        cache = (tuple(k for k, _ in members), end if members else 0)
        if cache not in self._fits:
            name = self.prior["scenario"]["id"] + (f" with {label} at its {('low', 'high')[end]} end"
                                                   if members else "")
            moved = at_range_end(self.prior, members, end) if members else self.prior
            self._fits[cache] = (moved, fit_document(moved, self.experience, file=name))
        return self._fits[cache]

    def document(self, members: list, end: int = 0, label: str = "") -> tuple[dict, object]:
        """The document whose outcome is the bar's end recalibrated, over the scenario's whole horizon, and the
        refit: for a calibrated scenario its prior document with the bar at the end and the refitted posterior
        tables (``calibration.posterior_tables``, as the file holds them: :func:`calibration.as_written`); for an
        inheriting scenario its own document with the bar at the end and those tables at the keys where it holds
        the calibrated scenario's value (it inherited it), a table left as it is where its numbers do not change,
        so that with nothing refitted differently the document is the scenario's own. Both tornados call it (this
        module's for the years it measures, ``sim.budget.tornado`` for the whole horizon). Raises what the fit and
        the moved scenario raise."""
        moved, cal = self.fitted(self.prior_members(members), end, label)
        tables = posterior_tables(cal)
        if not self.inherits:
            scaled = copy.deepcopy(moved)
            for key, table in tables.items():
                _set(scaled, key, as_written(table))
            return scaled, cal
        doc = at_range_end(self.scenario.resolved, members, end) if members else copy.deepcopy(self.scenario.resolved)
        for key, table in tables.items():
            own, given = node_at(self.scenario.resolved, key), node_at(self.calibrated.resolved, key)
            new = as_written(table)
            if own is None or own != given:  # restated by this scenario (a stated assumption): held
                continue
            if (own.get("value"), own.get("range")) != (new["value"], new["range"]):
                _set(doc, key, new)
        self._follow_default(doc, tables)
        return doc, cal

    def _follow_default(self, doc: dict, tables: dict) -> None:
        """A segment of an inheriting scenario whose own death load is the calibrated default load itself (the same
        number: madiun-2026-ucj's informal and SERTAKAN workers, "taken to die like the city's non-ASN staff
        (madiun-2025's calibrated default load)") takes the refitted default too: held, it made most of the age
        shift's refitted swing (a reviewer's finding). Another value (a bar's end, a load of its own) is held."""
        key = "assumptions.mortality_load"
        given = node_at(self.calibrated.resolved, key)
        if key not in tables or given is None:
            return
        refitted = as_written(tables[key])["value"]
        for name, seg in doc["segments"].items():
            node, inherited = seg.get("mortality_load"), node_at(self.calibrated.resolved, f"segments.{name}")
            if (isinstance(node, dict) and node.get("value") == given["value"]
                    and (inherited is None or "mortality_load" not in inherited)):
                moved = {**node, "value": refitted}
                if isinstance(node.get("range"), list):  # the refit may step outside its stated range; it shows it
                    moved["range"] = [min(node["range"][0], refitted), max(node["range"][1], refitted)]
                seg["mortality_load"] = moved

    def at(self, members: list, end: int = 0, label: str = "", held: tuple | None = None, measure=None,
           whole: bool = False) -> Refit:
        """The years measured recalibrated with a bar's parameters (``members``, from :func:`groups`) at the low
        (end 0) or high (end 1) end of their range; no members: the base refitted. ``held``: the (cut document,
        outcome) of the same end with the calibration held, whose outcome is taken when the refitted document is
        the same (an inheriting scenario's bar the calibrated scenario lacks), rather than computed again.
        ``measure`` (a scenario -> result; :func:`outcome` by default) and ``whole`` (the whole horizon rather than
        the years this tornado measures): what ``sim.budget.tornado`` asks, its key outputs over the horizon."""
        if self.problem is not None:
            return Refit(problem=self.problem)
        name = self.scenario.id + (f" with {label} at its {('low', 'high')[end]} end" if members else "")
        try:
            doc, cal = self.document(members, end, label)
            doc = doc if whole else through_last_year(doc, *self.period_of)
            result = (held[1] if held is not None and doc == held[0]
                      else (measure or outcome)(scenario_from_data(doc, name)))
        except ScenarioError as err:  # the fit refuses the data (uninformative, off the grid) or the moved scenario
            return Refit(problem=str(err))
        except (ValueError, ArithmeticError) as err:  # numerical trouble in a refit: recorded, not the report's end
            return Refit(problem=f"{name}: {type(err).__name__}: {err}")
        return Refit(result, cal.stats("mortality")["mean"], cal.stats("accident")["mean"], through=self.through)


def _set(data: dict, key: str, node) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data[part]
    data[last] = node


def calibrated_from(scenario: Scenario) -> Scenario:
    """The scenario a calibrated scenario's file names as its base (``sim calibrate`` writes the scenario it
    started from there), found by :func:`sim.scenario.base_of`: for a report rebuilt from its manifest, where the
    report read it, else in scenarios/ (the experience file, which the report's calibration figures read too, is
    read from the project as well)."""
    base = base_of(scenario)
    if base is None and scenario.recorded_files:  # rebuilt from a manifest: it was named, but is not there now
        looked = [*scenario.recorded_files[-2:-1], str(SCENARIO_DIR / f"{scenario.id}.toml")]
        raise ScenarioError(scenario.id, "scenario.base", "not found: the scenario the calibration started from "
                            f"(looked for {' and '.join(looked)})")
    if base is None:
        raise ScenarioError(scenario.id, "scenario.base", "missing: the scenario the calibration started from is not "
                            "named")
    return base


def refuse_fitted_set(scenario: Scenario, calibrated: Scenario | None = None) -> None:
    """Refuse (:class:`ScenarioError`) a scenario whose --set changes what the calibration fitted: the record, the
    posterior draws, a mortality load or an accident rate. The refit cannot hold it. For a scenario inheriting the
    calibration of ``calibrated``, a load or rate that scenario does not have (a new segment's, a stated assumption
    of the inheriting scenario alone) is not what was fitted, and may be set."""
    def fitted(key: str) -> bool:
        parts = key.split(".")
        if parts[0] == "calibration" or "intensity_draws" in key:
            return True
        field = next((i for i, p in enumerate(parts) if p in FITTED.values()), None)
        if field is None:
            return False
        return calibrated is None or node_at(calibrated.resolved, ".".join(parts[:field + 1])) is not None

    keys = [k for k, _ in scenario.overrides if fitted(k)]
    if keys:
        raise ScenarioError("--set", keys[0], "changes what the calibration fitted: the refit cannot hold it")


def calibrated_scenario(scenario: Scenario) -> Scenario:
    """The scenario that was calibrated from its calibration record's ``scenario``: itself when its base is that
    one (madiun-2025, calibrated from madiun-2025-prior), else the nearest scenario up its base chain whose own base
    is (madiun-2025 for madiun-2026-ucj, and through it for madiun-2026-ucj-csr), which must hold the same record.
    Each base is found by :func:`sim.scenario.base_of` (for a report rebuilt from its manifest, where the report
    read it, else in scenarios/).
    Raises :class:`ScenarioError` where there is none."""
    record = scenario.calibration
    seen, current = [], scenario
    while True:
        base = calibrated_from(current)
        if base.id == record["scenario"]:
            break
        seen.append(current.id)
        if base.id in seen or len(seen) > 20:
            raise ScenarioError(scenario.id, "scenario.base", f"loops through {base.id}")
        if base.calibration != record:
            raise ScenarioError(scenario.id, "calibration", f"inherits the calibration of {record['scenario']} "
                                f"through {base.id}, which holds another record or none: it cannot be refitted")
        current = base
    return current


def prior_document(scenario: Scenario) -> dict:
    """The merged document of the scenario a calibrated scenario was fitted from, as the fit saw it: the calibrated
    scenario's own document (so any value ``sim calibrate --set`` restated, and the report's --set, stay) with
    what ``sim calibrate`` wrote in place of its base's put back: the scenario's id, title, base and description,
    the default and each segment's mortality load and accident rate (:data:`FITTED`), no ``[calibration]`` record
    and no posterior draws. Refused (:class:`ScenarioError`) for a scenario whose base is not the record's
    ``scenario`` (one that inherits another's calibration: :class:`Recalibration` refits the prior document of the
    scenario it inherits from, :func:`calibrated_scenario`) and for a --set of what the calibration fitted."""
    record = scenario.calibration
    prior = calibrated_from(scenario)
    if prior.id != record["scenario"]:
        raise ScenarioError(scenario.id, "calibration.scenario", f"{scenario.id} inherits the calibration "
                            f"of {record['scenario']} through {prior.id}: only a scenario calibrated from "
                            f"{record['scenario']} itself is refitted")
    refuse_fitted_set(scenario)
    doc, base = copy.deepcopy(scenario.resolved), prior.resolved
    doc.pop("calibration", None)
    for key in ("id", "title", "base", "description"):
        doc["scenario"].pop(key, None)
        if key in base["scenario"]:
            doc["scenario"][key] = copy.deepcopy(base["scenario"][key])
    doc["assumptions"]["mortality_load"] = copy.deepcopy(base["assumptions"]["mortality_load"])
    for name, seg in doc["segments"].items():
        if name not in base["segments"]:
            raise ScenarioError(scenario.id, f"segments.{name}", f"is not a segment of {prior.id}, which the "
                                "calibration fitted")
        for field in FITTED.values():
            seg.pop(field, None)
            if field in base["segments"][name]:
                seg[field] = copy.deepcopy(base["segments"][name][field])
    doc.get("uncertainty", {}).pop("intensity_draws", None)
    if doc.get("uncertainty") == {} and "uncertainty" not in base:
        del doc["uncertainty"]
    return doc
