"""The tornado of a scenario that only inherits a calibration, recalibrated through the scenario it inherits it from.

madiun-2026-ucj (base madiun-2025, a 2026-2030 membership projection) takes madiun-2025's fitted death and accident
multipliers; madiun-2026-ucj-csr takes them through madiun-2026-ucj. Neither was calibrated itself, so each bar end
is recalibrated through madiun-2025 (sim.sensitivity.Recalibration): madiun-2025's prior document (madiun-2025-prior)
with those of the bar's keys it holds moved is fitted again to the same experience file, and the refitted tables
replace the values the inheriting scenario took from madiun-2025; the values it states itself (its new segments'
loads and rates) are held. Expected figures come from independent computations (sim.calibration.fit of the prior
file with a --set), never from numbers written here.
"""

from __future__ import annotations

import copy

import pytest

from sim import budget, sensitivity
from sim.calibration import fit
from sim.closed_form import expected
from sim.i18n import Language
from sim.plan import _sensitivities_line
from sim.population import build_model
from sim.report_document import Para, fill
from sim.report_sections import sensitivity_figures, sensitivity_section
from sim.report_text import TEXT
from sim.scenario import SCENARIO_DIR, load_scenario, scenario_from_data
from sim.sensitivity import FITTED_PREFIX, Recalibration, calibrated_scenario, groups, tornado

AGE_SHIFT = "assumptions.age_shift"
UCJ = "madiun-2026-ucj"
# The keys madiun-2025's calibration scaled, with the field of the prior they scale and the multiplier.
NEW_SEGMENTS = ("informal", "sertakan")  # madiun-2026-ucj's, at madiun-2025's calibrated default death load [1.5, 2.25]
SCALED = {"assumptions.mortality_load": "mortality", "segments.non_asn.accident_rate": "accident",
          "segments.vulnerable.mortality_load": "mortality", "segments.vulnerable.accident_rate": "accident"}


@pytest.fixture(scope="module")
def ucj():
    return load_scenario(UCJ)


@pytest.fixture(scope="module")
def prior():
    return load_scenario("madiun-2025-prior").resolved


@pytest.fixture(scope="module")
def ucj_tornado(ucj):
    return tornado(ucj)


def _get(doc: dict, key: str):
    for part in key.split("."):
        doc = doc[part]
    return doc


def _experience(scenario) -> str:
    return str(SCENARIO_DIR.parent / scenario.calibration["experience"])


def _bar(scenario, key: str) -> list:
    return dict(groups(scenario.resolved))[key]


def test_the_calibrated_scenario_is_found_up_the_base_chain(ucj):
    """madiun-2025 for madiun-2026-ucj, and through it for madiun-2026-ucj-csr and a report rebuilt from its
    manifest (no base named: the base of the same id in scenarios/); a calibrated scenario is its own."""
    alone = copy.deepcopy(ucj.resolved)
    del alone["scenario"]["base"]
    for case in (ucj, load_scenario("madiun-2026-ucj-csr"), scenario_from_data(alone)):
        assert calibrated_scenario(case).id == "madiun-2025"
        assert Recalibration(case).through == "madiun-2025"
    madiun = load_scenario("madiun-2025")
    assert calibrated_scenario(madiun) is madiun and Recalibration(madiun).through is None


def test_the_age_shift_refit_is_madiun_2025_prior_fitted_with_the_shift(ucj, ucj_tornado, prior):
    """(a) Each end's refitted multipliers are sim.calibration.fit of madiun-2025-prior with the age shift as a --set;
    (b) in the document whose first year is measured, the keys madiun-2026-ucj inherited from madiun-2025 take the
    prior's values times those multipliers (as the calibrated file rounds them), while the new segments' accident
    rates stay as it states them and their death load, stated as the calibrated default load, follows the refit."""
    bar = next(s for s in ucj_tornado[1] if s.key == AGE_SHIFT)
    rec = Recalibration(ucj)
    for end, (value, refit) in enumerate(zip((bar.low, bar.high), bar.recalibrated)):
        cal = fit("madiun-2025-prior", _experience(ucj), [f"{AGE_SHIFT}={value}"])
        means = {which: cal.stats(which)["mean"] for which in ("mortality", "accident")}
        assert refit.problem is None and refit.through == "madiun-2025"
        assert (refit.mortality_scale, refit.accident_scale) == pytest.approx(
            (means["mortality"], means["accident"]), rel=1e-12)
        doc, _ = rec.document(_bar(ucj, AGE_SHIFT), end, AGE_SHIFT)
        assert _get(doc, AGE_SHIFT)["value"] == value
        for key, which in SCALED.items():
            assert _get(doc, key)["value"] == round(_get(prior, key)["value"] * means[which], 6), key
        default = _get(doc, "assumptions.mortality_load")["value"]
        for name in NEW_SEGMENTS:  # their accident rates, stated assumptions, held; their death load is the default's
            assert doc["segments"][name]["accident_rate"] == ucj.resolved["segments"][name]["accident_rate"]
            load = doc["segments"][name]["mortality_load"]
            assert ucj.resolved["segments"][name]["mortality_load"]["value"] == _get(
                ucj.resolved, "assumptions.mortality_load")["value"]  # the calibrated default load itself
            assert load["value"] == default != ucj.resolved["segments"][name]["mortality_load"]["value"]
            assert load["range"][0] <= default <= load["range"][1]


def test_a_value_the_inheriting_scenario_restates_is_held(ucj, prior):
    """(b) madiun-2026-ucj restating the DTKS workers' accident rate as its own assumption: the refit leaves it as
    stated and still replaces the inherited values."""
    doc = copy.deepcopy(ucj.resolved)
    doc["segments"]["vulnerable"]["accident_rate"] = {"value": 4.0, "unit": "per 1000 member-years",
                                                      "source": "test", "basis": "assumption", "range": [3.0, 5.0]}
    doc["segments"]["informal"]["mortality_load"]["value"] = 2.0  # a load of its own, not the calibrated default
    restated = scenario_from_data(doc)  # its base, madiun-2025, found in scenarios/
    moved, cal = Recalibration(restated).document(_bar(restated, AGE_SHIFT), 1, AGE_SHIFT)
    assert moved["segments"]["vulnerable"]["accident_rate"] == doc["segments"]["vulnerable"]["accident_rate"]
    assert moved["segments"]["informal"]["mortality_load"] == doc["segments"]["informal"]["mortality_load"]
    assert moved["segments"]["sertakan"]["mortality_load"]["value"] == moved["assumptions"]["mortality_load"]["value"]
    m = cal.stats("mortality")["mean"]
    assert moved["segments"]["vulnerable"]["mortality_load"]["value"] == round(
        prior["segments"]["vulnerable"]["mortality_load"]["value"] * m, 6)
    assert moved["segments"]["vulnerable"]["mortality_load"] != ucj.resolved["segments"]["vulnerable"][
        "mortality_load"]


@pytest.mark.parametrize("key", ["ucj.target_share", "segments.informal.male_share", "funding.apbd_budget"])
def test_a_bar_the_calibrated_scenario_lacks_gets_the_base_refit(ucj, ucj_tornado, key, monkeypatch):
    """(c) A bar madiun-2025 does not have moves nothing in the refit: the base refit's multipliers, fitted once
    (no further fit), applied to madiun-2026-ucj with the bar at its end: the held end's figures."""
    base, swings, _ = ucj_tornado
    rec = Recalibration(ucj)
    rec.at([])  # the base refit
    calls = []
    real = sensitivity.fit_document
    monkeypatch.setattr(sensitivity, "fit_document", lambda *a, **k: calls.append(a) or real(*a, **k))
    members = _bar(ucj, key)
    assert rec.prior_members(members) == []
    for end in (0, 1):
        refit = rec.at(members, end, key)
        assert (refit.mortality_scale, refit.accident_scale) == (base.recalibrated.mortality_scale,
                                                                 base.recalibrated.accident_scale)
    assert calls == []
    bar = next((s for s in swings if s.key == key), None)
    if bar is not None:  # a bar in the report's tornado (the APBD budget moves no 2026 claims there)
        for held, refit in zip((bar.at_low, bar.at_high), bar.recalibrated):
            assert refit.mortality_scale == base.recalibrated.mortality_scale
            assert refit.outcome.claims_idr == pytest.approx(held.claims_idr, rel=1e-12)


def test_with_nothing_moved_the_refit_gives_back_the_calibration_and_the_held_outcome(ucj, ucj_tornado):
    """(d) The base refit: madiun-2025's recorded multipliers (to its file's 6 decimals) and madiun-2026-ucj's own
    first year, exactly (the refitted tables equal those it inherited)."""
    base = ucj_tornado[0]
    refit = base.recalibrated
    assert refit is not None and refit.problem is None
    assert refit.mortality_scale == pytest.approx(ucj.calibration["mortality_scale"]["mean"], abs=5e-7)
    assert refit.accident_scale == pytest.approx(ucj.calibration["accident_scale"]["mean"], abs=5e-7)
    assert refit.outcome.claims_idr == pytest.approx(base.claims_idr, rel=1e-12)
    assert refit.outcome.premium_idr == pytest.approx(base.premium_idr, rel=1e-12)
    doc, _ = Recalibration(ucj).document([])
    assert doc == ucj.resolved


def test_refitted_the_age_shift_moves_the_first_year_far_less(ucj_tornado):
    """(e) What the refit is for: the age shift leads madiun-2026-ucj's tornado with the calibration held, but
    refitted to madiun-2025's recorded claims it moves 2026's claim ratio far less."""
    base, swings, _ = ucj_tornado
    bar = next(s for s in swings if s.key == AGE_SHIFT)
    held = abs(bar.at_high.claim_ratio - bar.at_low.claim_ratio)
    low, high = (r.outcome.claim_ratio for r in bar.recalibrated)
    assert abs(high - low) < held / 5
    for s in swings:  # every bar but the fitted multipliers is refitted at both ends
        if s.key.startswith(FITTED_PREFIX):
            assert s.recalibrated is None
        else:
            assert all(r.problem is None and r.outcome is not None for r in s.recalibrated), s.key


@pytest.mark.parametrize("key", ["assumptions.wage_growth", "assumptions.severity.medical_cost_trend"])
def test_a_parameter_acting_from_the_second_year_moves_the_last_year(ucj, ucj_tornado, key):
    """madiun-2026-ucj's members are projected, and its last full year (2030) is measured too: the PU wage growth and
    the care cost trend, which leave 2026 as stated, are bars moving 2030, held (the closed form of the whole horizon
    with the --set, re-projected) and recalibrated, not parameters that move no claims."""
    base, swings, _ = ucj_tornado
    assert (base.period, base.last.period) == ("2026", "2030")
    bar = next(s for s in swings if s.key == key)
    assert bar.at_high.claims_idr == pytest.approx(base.claims_idr, rel=1e-12)
    moved = build_model(load_scenario(UCJ, [f"{key}={bar.high}"]))
    claims = float(expected(moved).amounts[moved.period_labels.index("2030")].sum())
    assert bar.at_high.last.claims_idr == pytest.approx(claims, rel=1e-12)
    # Up or down: a dearer PU premium buys fewer members with the APBD budget.
    assert claims != pytest.approx(base.last.claims_idr, rel=1e-6)
    assert bar.recalibrated[1].outcome.last.claims_idr != pytest.approx(base.recalibrated.outcome.last.claims_idr,
                                                                        rel=1e-6)
    assert key not in [s.key for s in sensitivity.without_effect(base, swings)[1]]


def test_a_set_of_what_was_fitted_is_still_refused():
    rec = Recalibration(load_scenario(UCJ, ["segments.vulnerable.mortality_load=2.0"]))
    assert "changes what the calibration fitted" in rec.problem
    assert rec.at([]).problem == rec.problem


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_section_says_the_refit_is_of_the_calibrated_scenario(ucj, ucj_tornado, code):
    """The paragraph names madiun-2025 as the scenario refitted and states the widest bar's figures; the note says
    how, and what is held."""
    lang = Language(code)
    extra = {"sensitivity": sensitivity_figures(ucj, *ucj_tornado), "calibration": ucj.calibration}
    assert extra["sensitivity"]["recalibrated_through"] == {"scenario": "madiun-2025",
                                                            "calibrated_from": "madiun-2025-prior"}
    paras = [b for b in sensitivity_section(lang, extra).blocks if isinstance(b, Para)]
    texts = [p.text for p in paras]
    assert TEXT["sens_calibrated"][code] not in texts
    said = [p for p in paras if "refit_low" in p.figures]
    assert len(said) == 1 and said[0].text.startswith(TEXT["sens_inherited_refit"][code].split("{")[0])
    filled = fill(said[0].text, {k: lang.figure(f.kind, f.value) for k, f in said[0].figures.items()})
    assert "madiun-2025" in filled and lang.parameter(AGE_SHIFT) in filled
    row = extra["sensitivity"]["rows"][0]
    assert row["parameter"] == AGE_SHIFT
    for key in ("claim_ratio_recalibrated_low", "claim_ratio_recalibrated_high", "claim_ratio_low",
                "claim_ratio_high"):
        assert lang.percent(row[key]) in filled
    sens = extra["sensitivity"]  # both years measured: 2026 and 2030
    note = lang("sens_refit_note_inherited", period=lang.join([sens["period"], sens["last_period"]]),
                calibrated="madiun-2025", prior="madiun-2025-prior")
    assert note in texts


# --- sim plan's tornado: the key outputs over the whole horizon, recalibrated too ------------------------------------

# madiun-2026-ucj cut to its first year: the same refits, a fifth of the projections (the plan's own run is 2026-2030).
ONE_YEAR = "scenario.horizon_months=12"


@pytest.fixture(scope="module")
def plan_tornado():
    return budget.tornado(load_scenario(UCJ, [ONE_YEAR]))


def test_the_plan_s_tornado_rows_carry_the_key_outputs_recalibrated(plan_tornado, prior):
    """(f) The age shift's ends: the key outputs recalibrated are those of madiun-2026-ucj with the shift and every
    load and rate it inherited set (--set) to madiun-2025-prior's value times the refitted multiplier, which are
    sim.calibration.fit's of the prior with the shift; a bar madiun-2025 lacks keeps its held outputs; a fitted
    multiplier's bar is not refitted; the base refitted is the base."""
    assert plan_tornado["recalibrated_through"] == "madiun-2025"
    rows = {r["parameter"]: r for r in plan_tornado["rows"]}
    age = rows[AGE_SHIFT]
    for end, value in (("low", age["low"]), ("high", age["high"])):
        cal = fit("madiun-2025-prior", _experience(load_scenario(UCJ)), [f"{AGE_SHIFT}={value}"])
        means = {which: cal.stats(which)["mean"] for which in ("mortality", "accident")}
        assert age[f"mortality_scale_recalibrated_{end}"] == round(means["mortality"], 6)
        assert age[f"accident_scale_recalibrated_{end}"] == round(means["accident"], 6)
        sets = [ONE_YEAR, f"{AGE_SHIFT}={value}"] + [
            f"{key}={round(_get(prior, key)['value'] * means[which], 6)}" for key, which in SCALED.items()]
        # The new segments' own load is the calibrated default load itself: it takes the refitted default too.
        default = round(_get(prior, "assumptions.mortality_load")["value"] * means["mortality"], 6)
        for name in NEW_SEGMENTS:
            sets += [f"segments.{name}.mortality_load.range=[{min(default, 1.5)}, {max(default, 2.25)}]",
                     f"segments.{name}.mortality_load={default}"]
        expected = budget.key_outputs(load_scenario(UCJ, sets))
        for out in budget.KEY_OUTPUTS:
            assert age[f"{out}_recalibrated_{end}"] == pytest.approx(expected[out], rel=1e-9, abs=5e-7), (out, end)
    assert age["largest_relative_swing_recalibrated"] < age["largest_relative_swing"] / 5
    target = rows["ucj.target_share"]
    for out in budget.KEY_OUTPUTS:
        for end in ("low", "high"):
            assert target[f"{out}_recalibrated_{end}"] == target[f"{out}_{end}"]
    for key in (FITTED_PREFIX + "mortality_scale", FITTED_PREFIX + "accident_scale"):
        assert rows[key]["largest_relative_swing_recalibrated"] is None
        assert rows[key]["claims_expected_idr_recalibrated_low"] is None
    base = plan_tornado["base_recalibrated"]
    assert {k: base[k] for k in budget.KEY_OUTPUTS} == plan_tornado["base"] and base["problem"] is None


def test_the_plan_ranks_by_the_recalibrated_swing_and_says_the_held_one(plan_tornado):
    """Rows are ordered by the refitted swing where a bar was refitted (else the held), and the printout gives the
    age shift's held and refitted swings, whichever ranks it."""
    rows = plan_tornado["rows"]
    ranks = [budget.ranking_swing(r) for r in rows if budget.ranking_swing(r) is not None]
    assert ranks == sorted(ranks, reverse=True)
    assert [r["largest_relative_swing"] for r in rows] != sorted((r["largest_relative_swing"] for r in rows),
                                                                 reverse=True)  # the held order is another
    age = next(r for r in rows if r["parameter"] == AGE_SHIFT)
    line = _sensitivities_line(plan_tornado)
    held, refitted = f"{age['largest_relative_swing']:.0%}", f"{age['largest_relative_swing_recalibrated']:.0%}"
    assert f"{AGE_SHIFT} {held} ({refitted} refitted)" in line or f"{AGE_SHIFT} {refitted} ({held} held)" in line
    assert "madiun-2025 refitted" in line


def test_without_the_experience_file_the_plan_s_tornado_says_why(monkeypatch):
    """A plan whose calibration's experience file is gone (its record read back as nothing): held figures as
    before, the recalibrated ones empty with the reason, and the printout as for a scenario not calibrated."""
    monkeypatch.setattr(sensitivity, "record_experience", lambda record: None)
    scenario = load_scenario(UCJ, [ONE_YEAR])
    result = budget.tornado(scenario)
    assert "is not found" in result["base_recalibrated"]["problem"]
    assert result["base_recalibrated"]["mortality_scale"] is None
    age = next(r for r in result["rows"] if r["parameter"] == AGE_SHIFT)
    assert age["largest_relative_swing_recalibrated"] is None and "is not found" in age["recalibration_problem_low"]
    assert age["claims_expected_idr_recalibrated_high"] is None and age["claims_expected_idr_high"] is not None
    line = _sensitivities_line(result)
    assert line.startswith("Largest sensitivities (the widest change between the ends of its range in members at "
                           "the horizon's end, premium, city money, expected claims or claim ratio over the whole "
                           "horizon, as a share of the base): ")
    assert ". With the calibration held, not refitted: " in line and "is not found" in line  # and why
    # One bar whose refit failed in a refitted list: ranked by its held swing, and said.
    monkeypatch.undo()  # the experience file back
    refitted = budget.tornado(scenario)
    rows = refitted["rows"]
    broken = {**rows[0], "largest_relative_swing_recalibrated": None, "recalibration_problem_low": "no fit"}
    line = _sensitivities_line({**refitted, "base_recalibrated": None, "rows": [broken, *rows[1:]]})
    assert f"{broken['parameter']} {broken['largest_relative_swing']:.0%} (held: not refitted)" in line
    # A scenario up the chain holding another record: not refitted either, and why.
    doc = copy.deepcopy(scenario.resolved)
    doc["calibration"]["experience_id"] = "another"
    assert "holds another record" in Recalibration(scenario_from_data(doc)).problem


def test_a_set_of_what_only_the_inheriting_scenario_states_is_refitted_around():
    """A --set of a new segment's own death load (madiun-2026-ucj's informal workers; madiun-2025 has no such
    segment) is not what the calibration fitted: the refit goes on, with the set value held; a --set of a load
    madiun-2025 fitted is refused, as for madiun-2025 itself."""
    own = Recalibration(load_scenario(UCJ, ["segments.informal.mortality_load=2.0"]))
    assert own.problem is None
    doc, _ = own.document(_bar(own.scenario, AGE_SHIFT), 1, AGE_SHIFT)
    assert doc["segments"]["informal"]["mortality_load"]["value"] == 2.0
    for key in ("segments.vulnerable.mortality_load", "assumptions.mortality_load"):
        assert "changes what the calibration fitted" in Recalibration(load_scenario(UCJ, [f"{key}=1.9"])).problem
