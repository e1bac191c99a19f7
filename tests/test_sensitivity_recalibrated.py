"""The sensitivity of a calibrated scenario with each bar recalibrated at its ends (sim.sensitivity.Recalibration).

madiun-2025 is madiun-2025-prior with its mortality loads and accident rates scaled by two multipliers fitted to the
recorded claims. Its tornado's bars other than those multipliers hold the fitted values fixed; had the assumption
been changed before calibrating, the refit would absorb much of it. So each such bar is also refitted at each end:
madiun-2025-prior with the assumption moved as the bar moves it, fitted to the same experience file, and the first
year's claims and premium recomputed in closed form at the refitted posterior means, applied as sim calibrate applies
them. The figures are compared with independent computations (sim.calibration.fit of the prior with a --set, the
closed form of the prior with the scaled loads as --set), never with numbers written here.
"""

from __future__ import annotations

import copy
import json

import numpy as np
import pandas as pd
import pytest

from sim import sensitivity
from sim.calibration import fit
from sim.closed_form import expected
from sim.i18n import Language
from sim.population import build_model
from sim.report import build
from sim.report_document import Figure, Para, Table, fill, lookup
from sim.report_sections import sensitivity_figures, sensitivity_section
from sim.report_text import TEXT
from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario, scenario_from_data
from sim.sensitivity import (
    FITTED, FITTED_PREFIX, calibrated_from, first_year, outcome, prior_document, tornado,
)
from test_report_planning import TRIALS, one_commit, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)
AGE_SHIFT = "assumptions.age_shift"
MEDICAL = "assumptions.severity.medical_cost_mean"
HELD_KEYS = {"parameter", "unit", "basis", "value", "low", "high", "claims_low_idr", "claims_high_idr",
             "change_low_idr", "change_high_idr", "claim_ratio_low", "claim_ratio_high", "claims_last_low_idr",
             "claims_last_high_idr", "claim_ratio_last_low", "claim_ratio_last_high"}
REFIT_KEYS = {f"{name}_{end}" for end in ("low", "high") for name in (
    "claim_ratio_recalibrated", "claim_ratio_recalibrated_last", "mortality_scale_recalibrated",
    "accident_scale_recalibrated", "recalibration_problem")} | {
    f"claims_recalibrated{last}_{end}_idr" for last in ("", "_last") for end in ("low", "high")}
BASE_REFIT_KEYS = {"claims_recalibrated_idr", "claim_ratio_recalibrated", "claims_recalibrated_last_idr",
                   "claim_ratio_recalibrated_last", "mortality_scale_recalibrated", "accident_scale_recalibrated",
                   "recalibration_problem"}


@pytest.fixture(scope="module")
def madiun():
    return load_scenario("madiun-2025")


@pytest.fixture(scope="module")
def madiun_tornado(madiun):
    return tornado(madiun)


def _experience_path(scenario) -> str:
    return str(SCENARIO_DIR.parent / scenario.calibration["experience"])


def _extra(scenario, result) -> dict:
    """The sensitivity part of report.json as sim.report_sections.extra_figures writes it."""
    return {"sensitivity": sensitivity_figures(scenario, *result), "calibration": scenario.calibration}


def _filled(lang: Language, para: Para) -> str:
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


# --- what is refitted ------------------------------------------------------------------------------------------------


def test_the_refitted_document_is_the_scenario_the_calibration_started_from(madiun):
    """madiun-2025's document with what sim calibrate wrote put back is madiun-2025-prior's, key for key."""
    prior = load_scenario("madiun-2025-prior")
    assert calibrated_from(madiun).id == madiun.calibration["scenario"] == prior.id
    assert prior_document(madiun) == prior.resolved
    # A report rebuilt from its manifest: the scenario stands alone (no base named); the base of the scenario of the
    # same id in scenarios/ is the one.
    alone = copy.deepcopy(madiun.resolved)
    del alone["scenario"]["base"]
    assert prior_document(scenario_from_data(alone)) == prior.resolved


def test_the_base_refit_reproduces_the_shipped_calibration(madiun, madiun_tornado):
    """Refitted with nothing moved: the record's posterior means (to its 6 decimals) and, applied as the calibrated
    file applies them, exactly the calibrated scenario's own first-year claims and premium (its 200 posterior draws
    aside: their mean is 1 only to about 1e-5 after rounding, which the closed form carries)."""
    base = madiun_tornado[0]
    refit = base.recalibrated
    assert refit is not None and refit.problem is None
    assert refit.mortality_scale == pytest.approx(madiun.calibration["mortality_scale"]["mean"], abs=5e-7)
    assert refit.accident_scale == pytest.approx(madiun.calibration["accident_scale"]["mean"], abs=5e-7)
    doc = copy.deepcopy(madiun.resolved)
    del doc["uncertainty"]["intensity_draws"]
    own = outcome(scenario_from_data(first_year(doc, doc["scenario"]["start"], madiun.horizon_months)))
    assert refit.outcome.claims_idr == pytest.approx(own.claims_idr, rel=1e-12)
    assert refit.outcome.premium_idr == pytest.approx(own.premium_idr, rel=1e-12)
    assert refit.outcome.claims_idr == pytest.approx(base.claims_idr, rel=1e-4)
    assert refit.outcome.premium_idr == base.premium_idr


def test_at_the_age_shift_ends_the_refit_is_an_independent_fit_and_closed_form(madiun, madiun_tornado):
    """Each end of the age shift's bar: sim.calibration.fit of madiun-2025-prior with the shift as a --set, then the
    prior's first and last years in closed form with every load and rate the calibration scales set (--set) to its prior
    value times the refitted posterior mean, rounded to the 6 decimals the calibrated file holds."""
    assert madiun.start.month == 1  # the first calendar year is the first 12 months
    prior = load_scenario("madiun-2025-prior").resolved
    bar = next(s for s in madiun_tornado[1] if s.key == AGE_SHIFT)
    for value, refit in zip((bar.low, bar.high), bar.recalibrated):
        shift = f"{AGE_SHIFT}={value}"
        cal = fit("madiun-2025-prior", _experience_path(madiun), [shift])
        m, a = cal.stats("mortality")["mean"], cal.stats("accident")["mean"]
        assert (refit.mortality_scale, refit.accident_scale) == pytest.approx((m, a), rel=1e-12)
        sets = [shift,
                f"assumptions.mortality_load={round(prior['assumptions']['mortality_load']['value'] * m, 6)}"]
        for name, seg in prior["segments"].items():
            if "mortality_load" in seg:
                sets.append(f"segments.{name}.mortality_load={round(seg['mortality_load']['value'] * m, 6)}")
            sets.append(f"segments.{name}.accident_rate={round(seg['accident_rate']['value'] * a, 6)}")
        model = build_model(load_scenario("madiun-2025-prior", sets))
        exp = expected(model)
        assert refit.outcome.claims_idr == pytest.approx(float(exp.amounts[0].sum()), rel=1e-12)
        assert refit.outcome.premium_idr == pytest.approx(float(exp.premium[0].sum()), rel=1e-12)
        # The last full year (2027 of a 36-month horizon from January 2025), from the same closed form.
        assert (model.period_labels[-1], refit.outcome.last.period) == ("2027", "2027")
        assert refit.outcome.last.claims_idr == pytest.approx(float(exp.amounts[-1].sum()), rel=1e-12)
        assert refit.outcome.last.premium_idr == pytest.approx(float(exp.premium[-1].sum()), rel=1e-12)
    # What the columns are for: refitted, the age shift moves the ratio far less than with the calibration held.
    base = madiun_tornado[0].recalibrated.outcome.claim_ratio
    for held, refit in zip((bar.at_low, bar.at_high), bar.recalibrated):
        assert abs(refit.outcome.claim_ratio - base) < abs(held.claim_ratio - base) / 5


def test_every_bar_but_the_fitted_multipliers_is_refitted_at_both_ends(madiun_tornado):
    base, swings, skipped = madiun_tornado
    assert not skipped
    fitted = [s for s in swings if s.key.startswith(FITTED_PREFIX)]
    assert {s.key for s in fitted} == {FITTED_PREFIX + name for name in FITTED}
    for s in swings:
        row = s.row(base)
        assert set(row) == HELD_KEYS | REFIT_KEYS
        if s in fitted:
            assert s.recalibrated is None and all(row[k] is None for k in REFIT_KEYS)
        else:
            assert all(r.problem is None and r.outcome is not None for r in s.recalibrated), s.key
            assert all(row[k] is not None for k in REFIT_KEYS if "problem" not in k)


def test_refitting_leaves_the_held_bars_as_they_were(madiun, madiun_tornado):
    held = tornado(madiun, recalibrate=False)
    assert held[0].recalibrated is None
    assert [s.key for s in held[1]] == [s.key for s in madiun_tornado[1]]  # the order: by the held spread
    for a, b in zip(held[1], madiun_tornado[1]):
        assert {k: v for k, v in a.row(held[0]).items() if k in HELD_KEYS} == \
               {k: v for k, v in b.row(madiun_tornado[0]).items() if k in HELD_KEYS}


def test_a_scenario_not_calibrated_gets_no_refit():
    """madiun-2025-prior: the same rows as before, the new columns empty, and the section as before."""
    scenario = load_scenario("madiun-2025-prior")
    base, swings, skipped = tornado(scenario)
    assert base.recalibrated is None and all(v is None for v in base.recalibrated_row().values())
    assert set(base.recalibrated_row()) == BASE_REFIT_KEYS
    for s in swings:
        row = s.row(base)
        assert s.recalibrated is None
        assert set(row) == HELD_KEYS | REFIT_KEYS and all(row[k] is None for k in REFIT_KEYS)
    extra = _extra(scenario, (base, swings, skipped))
    extra["calibration"] = None
    section = sensitivity_section(Language("en"), extra)
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.header) == 9 and all(len(r) == 9 for r in table.rows)
    texts = [b.text for b in section.blocks if isinstance(b, Para)]
    assert not [t for t in texts if "recalibrat" in t.lower() or t == TEXT["sens_calibrated"]["en"]]


def test_the_prior_document_is_only_a_calibrated_scenario_s():
    """madiun-2026-ucj inherits madiun-2025's record: it has no prior document of its own (its refits go through
    madiun-2025's, tests/test_sensitivity_inherited.py)."""
    scenario = load_scenario("madiun-2026-ucj")
    alone = copy.deepcopy(scenario.resolved)
    del alone["scenario"]["base"]  # as rebuilt from a report's manifest
    for case in (scenario, scenario_from_data(alone)):
        with pytest.raises(ScenarioError, match="inherits the calibration of madiun-2025-prior through madiun-2025"):
            prior_document(case)


# --- when a refit fails ----------------------------------------------------------------------------------------------


def test_without_the_experience_file_every_end_says_why(madiun, madiun_tornado):
    """A report rebuilt from a document whose record names an experience file that is not there: the held tornado
    as before, every refit not available with the reason, and the section's words as without refits."""
    doc = copy.deepcopy(madiun.resolved)
    doc["calibration"]["experience"] = "scenarios/experience/no-such-file.toml"
    scenario = scenario_from_data(doc)  # no file of its own: its base is found in scenarios/
    result = tornado(scenario)
    base, swings, _ = result
    assert "no-such-file.toml is not found" in base.recalibrated.problem
    assert base.claims_idr == madiun_tornado[0].claims_idr
    for s in swings:
        if not s.key.startswith(FITTED_PREFIX):
            assert all(r.outcome is None and "no-such-file.toml" in r.problem for r in s.recalibrated)
            row = s.row(base)
            assert row["claim_ratio_recalibrated_low"] is None and row["recalibration_problem_high"]
    section = sensitivity_section(Language("id"), _extra(scenario, result))
    assert TEXT["sens_calibrated"]["id"] in [b.text for b in section.blocks if isinstance(b, Para)]
    assert len(next(b for b in section.blocks if isinstance(b, Table)).header) == 9


def test_an_end_whose_fit_fails_is_not_available_and_the_report_says_so(madiun, monkeypatch):
    """The age shift's high end refused by the fit (as the fit refuses data the scenario cannot fit), the mean
    medical cost's low end failing in the arithmetic: their figures are empty with the reason, the table shows "-",
    a note names the bars, and the paragraph takes the widest bar refitted at both ends instead."""
    real = sensitivity.fit_document

    def failing(data, experience, trials=None, file=""):
        if f"{AGE_SHIFT} at its high end" in file:
            raise ScenarioError(file, "observation", "too little to calibrate (synthetic)")
        if f"{MEDICAL} at its low end" in file:  # numerical trouble, not a refusal: recorded too
            raise np.linalg.LinAlgError("Singular matrix (synthetic)")
        return real(data, experience, file=file)

    monkeypatch.setattr(sensitivity, "fit_document", failing)
    result = tornado(madiun)
    base, swings, _ = result
    bar = next(s for s in swings if s.key == AGE_SHIFT)
    low, high = bar.recalibrated
    assert low.outcome is not None and low.problem is None
    assert high.outcome is None and "too little to calibrate (synthetic)" in high.problem
    row = bar.row(base)
    assert row["claim_ratio_recalibrated_high"] is None and row["claims_recalibrated_high_idr"] is None
    assert "synthetic" in row["recalibration_problem_high"] and row["recalibration_problem_low"] is None
    medical = next(s for s in swings if s.key == MEDICAL).row(base)
    assert medical["claim_ratio_recalibrated_low"] is None and medical["claim_ratio_recalibrated_high"] is not None
    assert "LinAlgError: Singular matrix (synthetic)" in medical["recalibration_problem_low"]
    extra = _extra(madiun, result)
    i = [r["parameter"] for r in extra["sensitivity"]["rows"]].index(AGE_SHIFT)
    for code in ("id", "en"):
        lang = Language(code)
        section = sensitivity_section(lang, extra)
        table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "sensitivity_later")
        # Recalibrated 2025 (low, high), then 2027 (low, high): the failed high end is "-" in both years.
        cells = table.rows[i][-4:]
        assert isinstance(cells[0], Figure) and isinstance(cells[2], Figure) and cells[1] == cells[3] == "-"
        paras = [b for b in section.blocks if isinstance(b, Para)]
        failed = [p.text for p in paras if p.text.startswith(TEXT["sens_refit_failed"][code].split("{")[0])]
        assert len(failed) == 1 and lang.parameter(AGE_SHIFT) in failed[0] and lang.parameter(MEDICAL) in failed[0]
        assert ("synthetic" in failed[0]) == (code == "en")  # the reason in English; report.json for Indonesian
        widest = next(r for r in extra["sensitivity"]["rows"]
                      if r["claim_ratio_recalibrated_low"] is not None and r["claim_ratio_recalibrated_high"] is not None)
        said = [p for p in paras if p.figures.get("refit_low")]
        assert len(said) == 1 and lang.parameter(widest["parameter"]) in said[0].text
        assert widest["parameter"] != AGE_SHIFT


# --- what the section says -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_section_states_the_widest_bar_recalibrated_in_figures(madiun, madiun_tornado, code):
    lang = Language(code)
    extra = _extra(madiun, madiun_tornado)
    rows = extra["sensitivity"]["rows"]
    section = sensitivity_section(lang, extra)
    paras = [b for b in section.blocks if isinstance(b, Para)]
    assert TEXT["sens_calibrated"][code] not in [p.text for p in paras]  # no longer "overstate" in words
    said = [p for p in paras if "refit_low" in p.figures]
    assert len(said) == 1
    # The widest bar (the first row: held spread) refitted at both ends, here the age shift; each figure traced.
    assert rows[0]["parameter"] == AGE_SHIFT and lang.parameter(AGE_SHIFT) in said[0].text
    for name, key in (("refit_low", "claim_ratio_recalibrated_low"), ("refit_high", "claim_ratio_recalibrated_high"),
                      ("held_low", "claim_ratio_low"), ("held_high", "claim_ratio_high")):
        figure = said[0].figures[name]
        assert figure.key == f"sensitivity.rows.0.{key}" and lookup(extra, figure.key) == rows[0][key]
    text = _filled(lang, said[0])
    shown = [lang.percent(rows[0][k]) for k in ("claim_ratio_recalibrated_low", "claim_ratio_recalibrated_high",
                                                "claim_ratio_low", "claim_ratio_high")]
    assert all(s in text for s in shown), (shown, text)
    assert "sens_refit_base" not in text and lang("sens_refit_base").split("{")[0] not in text  # the base refit agrees
    # The first table holds the calibration; the second (sensitivity_later) gives both years recalibrated.
    first, later = (b for b in section.blocks if isinstance(b, Table))
    assert first.name == "sensitivity" and len(first.header) == 9
    sens = extra["sensitivity"]
    assert later.name == "sensitivity_later"
    for year, field, columns in ((sens["period"], "claim_ratio_recalibrated", slice(-4, -2)),
                                 (sens["last_period"], "claim_ratio_recalibrated_last", slice(-2, None))):
        assert later.header[columns] == (lang("col_ratio_year_refit_low", year=year),
                                         lang("col_ratio_year_refit_high", year=year))
        for i, (row, cells) in enumerate(zip(rows, later.rows)):
            for end, cell in zip(("low", "high"), cells[columns]):
                if row[f"{field}_{end}"] is None:
                    assert cell == "-" and row["parameter"].startswith(FITTED_PREFIX)
                else:
                    assert cell.key == f"sensitivity.rows.{i}.{field}_{end}"
    years = lang.join([sens["period"], sens["last_period"]])
    assert any(p.text == lang("sens_refit_note", period=years) for p in paras)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_section_says_the_fitted_year_is_pinned_only_when_the_record_is_of_that_year(madiun, madiun_tornado, code):
    # madiun-2025's record (Jan-Nov 2025) is of the tornado's year: refitted, that year's ratio stays near the base
    # (every refitted bar but two reads 222 %), which the reader should not take for no effect on later years.
    lang = Language(code)
    extra = _extra(madiun, madiun_tornado)
    period = extra["sensitivity"]["period"]
    sentence = lang("sens_refit_same_year", period=period,
                    later=lang("sens_refit_later_shown", last=extra["sensitivity"]["last_period"]))

    def said(extra):
        return next(p for p in sensitivity_section(lang, extra).blocks
                    if isinstance(p, Para) and "refit_low" in p.figures).text

    assert all(o["from"][:4] == str(period) for o in extra["calibration"]["observations"])
    assert sentence in said(extra)
    other = copy.deepcopy(extra)
    for o in other["calibration"]["observations"]:
        o["from"], o["to"] = "2024-01", "2024-11"
    assert sentence not in said(other)


def test_a_report_set_that_changes_the_fit_gives_its_own_base_refit():
    """The calibrated scenario reported with the age shift at 2: the held bars keep the recorded multipliers
    (fitted at 0), the refits fit at 2, so the base refitted differs from the base and the section says both."""
    scenario = load_scenario("madiun-2025", [f"{AGE_SHIFT}=2"])
    result = tornado(scenario)
    base = result[0]
    cal = fit("madiun-2025-prior", _experience_path(scenario), [f"{AGE_SHIFT}=2"])
    assert base.recalibrated.mortality_scale == pytest.approx(cal.stats("mortality")["mean"], rel=1e-12)
    lang = Language("en")
    assert lang.percent(base.recalibrated.outcome.claim_ratio) != lang.percent(base.claim_ratio)
    said = next(p for p in sensitivity_section(lang, _extra(scenario, result)).blocks
                if isinstance(p, Para) and "refit_base" in p.figures)
    assert lang.percent(base.recalibrated.outcome.claim_ratio) in _filled(lang, said)


def test_a_set_of_what_was_fitted_is_not_refitted():
    scenario = load_scenario("madiun-2025", ["segments.vulnerable.mortality_load=2.0"])
    with pytest.raises(ScenarioError, match="changes what the calibration fitted"):
        prior_document(scenario)


# --- the report's files ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "en", tmp_path_factory.mktemp("reports"))


def test_the_report_files_carry_the_refit(report):
    extra = json.loads((report.folder / "report.json").read_text(encoding="utf-8"))
    sens = extra["sensitivity"]
    assert set(BASE_REFIT_KEYS) <= set(sens["base"]) and sens["base"]["claim_ratio_recalibrated"] is not None
    table = pd.read_csv(report.folder / "sensitivity.csv")
    assert REFIT_KEYS <= set(table.columns)
    for _, row in table.iterrows():
        fitted = row["parameter"].startswith(FITTED_PREFIX)
        assert pd.isna(row["claim_ratio_recalibrated_low"]) == fitted
        assert pd.isna(row["claims_recalibrated_high_idr"]) == fitted
    text = section_text(report.folder, "sensitivity")
    top = sens["rows"][0]
    lang = Language("en")
    assert (f"recalibrated, the {sens['period']} claim ratio is {lang.percent(top['claim_ratio_recalibrated_low'])} "
            f"and {lang.percent(top['claim_ratio_recalibrated_high'])}, not {lang.percent(top['claim_ratio_low'])} "
            f"and {lang.percent(top['claim_ratio_high'])}") in text
    assert lang("col_ratio_year_refit_low", year=sens["period"]) in text
