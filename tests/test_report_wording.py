"""Report wording a reviewer reads without the scenario file at hand: warnings that say "fewer" rather than print a
negative share, parameters named as the tornado names them (with the key beside the name in the register),
enumerated scenario values in the report's language, and the parameters a tornado cannot move set apart."""

from __future__ import annotations

import copy
import re

import pytest

from sim.i18n import Language
from sim.report import build
from sim.report_document import Figure, Para, Table, fill, lookup, report_figure, summary_figure
from sim.planning_schema import MODES
from sim.regulation import PAYERS, SCHEMES
from sim.report_sections import (
    _calibration_table, sensitivity_label, _misfit_paras, _observation_figures, calibration_blocks, calibration_figures,
    differences_section, entry_names, parameter_parts, register_name, register_rows, register_section, rule_rows,
    sensitivity_section,
)
from sim.report_text import ENTRY_LABELS, PARAMETERS, RULE_NAMES, STAGE_NAMES, TEXT, UNITS, VALUE_WORDS
from sim.scenario_schema import MORTALITY_TABLES, OCCUPATIONS
from sim.scenario import load_scenario
from sim.sensitivity import tornado, unused_parameters, without_effect


def _filled(lang: Language, para: Para, extra: dict) -> str:
    """A paragraph as the report prints it; every figure must be found again at its key in report.json."""
    for f in para.figures.values():
        assert isinstance(f, Figure) and lookup(extra, f.key) == f.value
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


def test_every_section_module_traces_its_figures_with_the_one_pair_of_helpers():
    """A number of summary.json or report.json becomes a figure in one place (sim.report_document), not in a copy per
    section module: each traces it to its file and key, and a key ending in |abs gives a shortfall's size."""
    from sim import report_base_year, report_planning, report_sections, report_trend

    for module in (report_sections, report_planning, report_trend, report_base_year):
        assert module._s is summary_figure and module._r is report_figure, module.__name__
    summary = {"budget": {"budget_minus_apbd_premium_idr": -1234.5}}
    key = "budget.budget_minus_apbd_premium_idr|abs"
    assert summary_figure(summary, key, "money") == Figure(1234.5, "money", "summary.json", key)
    extra = {"planning": {"years": [{"ucj": 0.25}, {"ucj": 0.5}]}}
    assert report_figure(extra, "planning.years.1.ucj", "percent1") == Figure(0.5, "percent1", "report.json",
                                                                              "planning.years.1.ucj")


# --- the calibration warning when the model expects less than was recorded -----------------------------------------


@pytest.fixture(scope="module")
def below():
    """madiun-2025's calibration record with the calibrated model 20 % below the recorded count and 12 % below
    the recorded amount (a synthetic record: no shipped scenario falls below both)."""
    scenario = load_scenario("madiun-2025")
    cal = copy.deepcopy(calibration_figures(scenario))
    obs = cal["observations"][0]
    obs["expected_claims"], obs["expected_amount_idr"] = obs["claims"] * 0.8, obs["amount_idr"] * 0.88
    obs["expected_over_recorded_claims"], obs["expected_over_recorded_amount_idr"] = -0.2, -0.12
    obs["fitted"] = ["claims", "amount"]  # both fitted, and they do not fit
    cal["goodness_of_fit"].update(fits=False, chi2_min=18.0, observed_values=2, p_value=1.2e-4)
    return scenario, {"calibration": cal}


@pytest.mark.parametrize("code, words", [
    ("id", "model terkalibrasi memperkirakan jumlah klaim 20% lebih sedikit dan nilai klaim 12% lebih kecil daripada "
           "yang tercatat. Perkiraan dalam laporan ini ikut terpengaruh: lebih mungkin terlalu rendah"),
    ("en", "the calibrated model expects 20% fewer claims and 12% less in claims paid than were recorded. The "
           "forecasts in this report inherit this: they are more likely too low"),
])
def test_a_fit_below_the_record_says_fewer_not_a_negative_share(below, code, words):
    scenario, extra = below
    lang = Language(code)
    warnings = [b for b in calibration_blocks(lang, scenario, extra) if isinstance(b, Para) and b.style == "warning"
                and "claims" in b.figures]
    assert len(warnings) == 1
    text = _filled(lang, warnings[0], extra)
    assert words in text and "-" not in text  # (the months are joined by an en dash)
    assert {f.key for f in warnings[0].figures.values()} == {
        "calibration.observations.0.expected_over_recorded_claims|abs",
        "calibration.observations.0.expected_over_recorded_amount_idr|abs"}


@pytest.mark.parametrize("gaps, between", [((-0.2, -0.12), False), ((0.52, 0.12), False), ((0.2, -0.12), True)])
def test_a_misfit_is_called_a_compromise_only_between_the_recorded_figures(below, gaps, between):
    """A misfit whose model lies below both recorded figures (-20 %, -12 %) or above both (+52 %, +12 %) is not a
    compromise between them; one above the count and below the amount (+20 %, -12 %) is. The two sentences
    swapped survived the mutation audit."""
    scenario, extra = below
    extra = copy.deepcopy(extra)
    obs = extra["calibration"]["observations"][0]
    obs["expected_over_recorded_claims"], obs["expected_over_recorded_amount_idr"] = gaps
    for code in ("id", "en"):
        lang = Language(code)
        blocks = calibration_blocks(lang, scenario, extra)
        (misfit,) = [b for b in blocks if isinstance(b, Para) and "chi2" in b.figures]
        said = lang("calib_misfit_between" if between else "calib_misfit_outside")
        assert misfit.text.startswith(lang("calib_misfit") + " " + said + " ")  # (then the scholarships' note)


def test_the_calibration_table_is_introduced_by_what_it_holds(below):
    """With the model's expected figures for the recorded months the table sets them beside the record (a column
    more); without them (a calibration that does not record them) the sentence says so. The two sentences
    swapped survived the mutation audit."""
    scenario, extra = below
    bare = copy.deepcopy(extra)
    for o in bare["calibration"]["observations"]:
        for name in [k for k in o if k.startswith("expected_")]:
            del o[name]
    for code in ("id", "en"):
        lang = Language(code)
        for doc, key, columns in ((extra, "calib_compare", 4), (bare, "calib_compare_posterior", 3)):
            blocks = calibration_blocks(lang, scenario, doc)
            table = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "calibration")
            assert blocks[table - 1].text == lang(key) and len(blocks[table].header) == columns


def test_the_calibration_section_ends_with_its_misfit_warnings_and_has_none_where_the_fit_holds(below):
    """The calibration section's parts: its table with the lead-in saying what it holds (_calibration_table), and
    last, where the fit fails, the warnings (_misfit_paras: the misfit, then the observation the model expects below
    both recorded figures); where the fit holds, no misfit warning, and none at all where the amount alone is fitted
    (count and amount fitted together keep their own caution, calib_joint_fit)."""
    scenario, extra = below
    lang = Language("en")
    blocks = calibration_blocks(lang, scenario, extra)
    misfit = _misfit_paras(lang, extra)
    assert len(misfit) >= 2 and blocks[-len(misfit):] == misfit
    assert [b.style for b in misfit[:2]] == ["warning", "warning"] and "chi2" in misfit[0].figures
    lead, table = _calibration_table(lang, scenario, extra, expected=True)
    assert lead.text == lang("calib_compare") and table.name == "calibration" and table in blocks
    fits = copy.deepcopy(extra)
    fits["calibration"]["goodness_of_fit"]["fits"] = True
    assert _misfit_paras(lang, fits) == []
    # The record fits count and amount together: the joint-fit caution stays (calib_joint_fit), the misfit goes.
    warned = [b for b in calibration_blocks(lang, scenario, fits) if isinstance(b, Para) and b.style == "warning"]
    assert [b.text for b in warned] == [lang("calib_joint_fit")]
    fits["calibration"]["observations"][0]["fitted"] = ["amount"]
    assert not [b for b in calibration_blocks(lang, scenario, fits) if isinstance(b, Para) and b.style == "warning"]


def test_an_observation_s_figures_give_its_average_claim_the_model_s_gap_and_the_reported_ratio():
    """_observation_figures, one observation of report.json's calibration record (madiun-2025's Jan-Nov 2025): the
    recorded and expected averages per claim, the model's gap to each recorded figure, the claim ratio as the
    experience file reported it; the scenario's own forecast of those months only when asked (window_trials)."""
    from sim.calibration import record_experience

    scenario = load_scenario("madiun-2025")
    cal = scenario.calibration
    row = _observation_figures(scenario, cal["observations"][0], record_experience(cal), None)
    for prefix in ("", "expected_"):
        assert row[f"{prefix}amount_per_claim_idr"] == round(row[f"{prefix}amount_idr"] / row[f"{prefix}claims"], 2)
    for name in ("claims", "amount_idr"):
        assert row[f"expected_over_recorded_{name}"] == round(row[f"expected_{name}"] / row[name] - 1, 4)
    assert row["months"] == 11 and row["claim_ratio"] > 0 and "model_window" not in row


# --- the sensitivity notes name parameters as the tornado's rows do ------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_notes_on_parameters_without_a_bar_name_them_as_the_rows_do(code):
    """madiun-2023: no segment uses the default mortality load; a school start age ranged up to 30 makes the
    scenario invalid at that end (the schema allows up to 8), so it cannot be moved."""
    scenario = load_scenario("madiun-2023", ["assumptions.children.school_start_age.range=[4, 30]"])
    lang = Language(code)
    base, swings, skipped = tornado(scenario)
    assert [k for k, _ in skipped] == ["assumptions.children.school_start_age"]
    extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                             "claims_idr": base.claims_idr, "claim_ratio": None},
                             "rows": [s.row(base) for s in swings],
                             "skipped": [{"parameter": k, "problem": p} for k, p in skipped],
                             "unused": unused_parameters(scenario.resolved)}}
    names = entry_names(scenario, lang)
    section = sensitivity_section(lang, extra, names)
    notes = [b.text for b in section.blocks if isinstance(b, Para) and b.style == "note"]
    text = " ".join(notes)
    assert "assumptions." not in text and "school_start_age" not in text
    unused = lang.parameter("assumptions.mortality_load", names)
    assert unused.startswith(PARAMETERS["mortality_load"][code] + " – ") and unused in text
    assert PARAMETERS["school_start_age"][code] in text
    table = next(b for b in section.blocks if isinstance(b, Table))
    # the rows' naming, a rate's and a load's unit after the field's name
    assert {row[0] for row in table.rows} == {sensitivity_label(lang, s.row(base), names) for s in swings}
    if code == "en":
        assert f"{PARAMETERS['school_start_age']['en']} (must be <= 8, got 30)" in text
    else:
        assert "must be" not in text and "sensitivity.skipped" in text  # no English validator message


# --- the assumption register: the name a reader knows, and the key to find it in the file --------------------------


def _register(scenario, lang: Language) -> Table:
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules, "changes": changes}}
    return next(b for b in register_section(lang, scenario, extra).blocks if isinstance(b, Table))


@pytest.mark.parametrize("scenario_id", ["madiun-2025", "madiun-2026-ucj"])
@pytest.mark.parametrize("code", ["id", "en"])
def test_each_register_row_gives_the_parameter_name_and_its_key(scenario_id, code):
    scenario, lang = load_scenario(scenario_id), Language(code)
    keys = [r["key"] for r in register_rows(scenario.resolved)]
    labels = [row[0] for row in _register(scenario, lang).rows]
    names = entry_names(scenario, lang)
    assert labels == [f"{lang.parameter(key, names)}\n({key})" for key in keys]  # the tornado's naming, then the key
    segment = next(s for s in scenario.segments if s.name == "non_asn")
    wage = labels[keys.index("segments.non_asn.wage")]
    assert wage == f"{PARAMETERS['wage'][code]} – {segment.labels[code]}\n(segments.non_asn.wage)"


def test_every_register_field_of_a_shipped_scenario_has_a_name_in_both_languages(root):
    """A field without a name would show its key alone in the register (no English words in an Indonesian one)."""
    unnamed = set()
    for path in sorted((root / "scenarios").glob("*.toml")):
        unnamed |= {r["key"].rpartition(".")[2] for r in register_rows(load_scenario(path.stem).resolved)}
    assert not unnamed - set(PARAMETERS)


def test_a_field_without_a_name_shows_its_key_alone():
    assert register_name(Language("id"), "assumptions.severity.new_field", {}) == "assumptions.severity.new_field"


# --- enumerated text values in the report's language ---------------------------------------------------------------


def _differences_table(scenario, lang: Language) -> Table:
    extra = {"differences": [{"key": k, "base": a, "this": b} for k, a, b in scenario.base_differences],
             "overrides": [], "assumptions": []}
    section = differences_section(lang, extra, "base", entry_names(scenario, lang))
    return next(b for b in section.blocks if isinstance(b, Table))


def _differences(scenario, lang: Language) -> dict:
    """The differences-from-the-base table as the report shows it: key (the label's last line) -> (base cell,
    this cell)."""
    return {row[0].rpartition("\n(")[2].rstrip(")"): row[1:] for row in _differences_table(scenario, lang).rows}


def test_enumerated_values_read_in_indonesian_and_stay_as_written_in_english():
    scenario = load_scenario("madiun-2026-ucj")
    raw = {k: b for k, _, b in scenario.base_differences}
    assert raw["pipeline.mode"] == "expected" and raw["segments.informal.occupation"] == "mixed-informal"
    shown = _differences(scenario, Language("id"))
    assert shown["pipeline.mode"][1] == "nilai harapan"
    assert shown["segments.informal.occupation"][1] == "informal campuran"
    assert shown["segments.informal.payer"][1] == "APBD"  # an Indonesian acronym stays
    english = _differences(scenario, Language("en"))
    assert english["pipeline.mode"][1] == "expected" and english["segments.informal.occupation"][1] == "mixed-informal"


# --- segments by their labels where the report names them ---------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_differences_name_each_parameter_and_its_segment_with_the_key_below(code):
    """pekalongan-2023-expansion adds two segments and a priority order to its base: each row names the parameter
    and the segment by its label, as the register does, with the key on a line of its own."""
    scenario, lang = load_scenario("pekalongan-2023-expansion"), Language(code)
    names = entry_names(scenario, lang)
    labels = {s.name: s.labels[code] for s in scenario.segments}
    table = _differences_table(scenario, lang)
    keys = [d[0] for d in scenario.base_differences if not d[0].startswith("calibration.")]
    assert [row[0] for row in table.rows] == [register_name(lang, k, names) for k in sorted(keys)][:len(table.rows)]
    named = 0
    for row in table.rows:
        label, _, key = row[0].rpartition("\n(")
        parts = key.rstrip(")").split(".")
        assert label  # every row is named: no key stands alone
        if parts[0] in ("segments", "expansion") and parts[2] == "label":  # not the label again: "Nama segmen"
            assert label == ENTRY_LABELS["segments"][code]
        elif parts[0] in ("segments", "expansion"):
            assert label == f"{PARAMETERS[parts[2]][code]} – {labels[parts[1]]}"
            named += 1
    assert named >= 10


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_priority_order_lists_the_segments_by_label_in_order(code):
    scenario, lang = load_scenario("pekalongan-2023-expansion"), Language(code)
    raw = {k: b for k, _, b in scenario.base_differences}
    assert raw["funding.priority"] == ["vulnerable", "marbot", "batik"]  # as written: differences.csv keeps it
    labels = {s.name: s.labels[code] for s in scenario.segments}
    shown = _differences(scenario, lang)["funding.priority"]
    assert shown[0] == TEXT["not_set"][code]
    assert shown[1] == f"1. {labels['vulnerable']}; 2. {labels['marbot']}; 3. {labels['batik']}"
    assert "differences.csv" in _differences_table(scenario, lang).note


def test_the_segments_a_payer_pays_for_are_listed_by_label():
    scenario, lang = load_scenario("madiun-2026-ucj-csr"), Language("id")
    labels = {s.name: s.labels["id"] for s in scenario.segments}
    shown = _differences(scenario, lang)
    assert shown["funding.dbh_cht_segments"][1] == labels["vulnerable"]
    assert shown["funding.csr.co-funded.segments"][1] == f"{labels['vulnerable']}; {labels['informal']}"
    cells = [c for row in _differences_table(scenario, lang).rows for c in row]
    assert not [c for c in cells if c in labels or c.startswith("[")]  # no list of segment keys


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_pledge_s_chance_and_the_city_s_match_read_as_percentages(code):
    """The differences table has no unit column: a pledge's chance read "0,5" and the APBD's match "0,5"."""
    shown = _differences(load_scenario("madiun-2026-ucj-csr"), Language(code))
    assert shown["funding.csr.co-funded.probability"][1] == "50%"
    assert shown["funding.csr.companies.probability"][1] == "70%"
    assert shown["funding.csr.co-funded.city_match"][1] == "50%"


def test_every_field_of_a_scenario_table_has_a_name_in_both_languages():
    """The differences from a base may name any field: each has a name, so no row shows its key alone (the
    [calibration] record, one row, has its own name)."""
    from sim import planning_schema, scenario_schema as s

    tables = [s.SCENARIO_FIELDS, s.SEGMENT_FIELDS, s.SEVERITY_FIELDS, s.CHILDREN_FIELDS, s.ASSUMPTION_FIELDS,
              s.UNCERTAINTY_FIELDS, s.BUDGET_FIELDS, *planning_schema.FIELD_TABLES.values()]
    fields = {f for table in tables for f in table} | {"calibration"}
    assert not fields - set(PARAMETERS)
    assert all(set(PARAMETERS[f]) == {"id", "en"} for f in fields)


def test_every_enumerated_value_that_is_not_an_indonesian_name_has_indonesian_words():
    assert set(VALUE_WORDS["mode"]) == set(VALUE_WORDS["csr_draw"]) == set(MODES)
    assert set(VALUE_WORDS["occupation"]) == set(OCCUPATIONS)
    assert set(PAYERS) - set(VALUE_WORDS["payer"]) == {"APBD", "APBN", "DBH-CHT", "CSR", "SERTAKAN"}  # acronyms
    assert set(SCHEMES) == {"PU", "BPU"} and MORTALITY_TABLES == ("TMI-IV-2019",)  # names, in both languages


# --- parameters that cannot move the first year's claims: a note, not a bar of zero width ----------------------------


@pytest.fixture(scope="module")
def measured():
    """The tornado of two planning scenarios that differ in who pays: the city alone, and the city with CSR; and of
    pekalongan-2023-expansion, whose new segments have no members in its first year."""
    out = {}
    for scenario_id in ("madiun-2026-ucj", "madiun-2026-ucj-csr", "pekalongan-2023-expansion"):
        scenario = load_scenario(scenario_id)
        base, swings, skipped = tornado(scenario)
        out[scenario_id] = (scenario, base, *without_effect(base, swings), skipped)
    return out


def test_which_parameters_move_no_claims_is_measured_not_decided_by_key(measured):
    _, base, moving, still, _ = measured["madiun-2026-ucj-csr"]
    assert base.last.period == "2030"  # the first and the last full year are measured
    for s in still:
        for end in (s.at_low, s.at_high):
            assert end.claims_idr == pytest.approx(base.claims_idr, rel=1e-9)
            assert end.last.claims_idr == pytest.approx(base.last.claims_idr, rel=1e-9)
    assert all(s.spread_idr > 0 or s.at_low.last.claims_idr != s.at_high.last.claims_idr for s in moving)
    keys = [s.key for s in still]
    assert keys == sorted(keys)  # by key, so a table's parameters stay together in the note
    assert {"funding.csr.companies.amount", "funding.csr.companies.probability"} <= set(keys)  # 2026-2028 only
    # With CSR money beside it the city's budget moves no 2026 claims; without it, it limits enrolment in 2026: the
    # same key moves the first year's claims there.
    budget = next(s for s in moving if s.key == "funding.apbd_budget")
    assert budget.at_low.claims_idr == pytest.approx(base.claims_idr, rel=1e-9)
    _, base, moving, still, _ = measured["madiun-2026-ucj"]
    budget = next(s for s in moving if s.key == "funding.apbd_budget")
    assert budget.at_low.claims_idr < base.claims_idr
    # A stage's rejection rate changes who is enrolled: a bar, though it is a pipeline input.
    assert "pipeline.kelurahan.rejection_rate" in {s.key for s in moving}


def _sensitivity_extra(base, moving, still, skipped, planning) -> dict:
    return {"planning": planning, "sensitivity": {
        "period": base.period, "last_period": base.last and base.last.period,
        "base": {"premium_idr": base.premium_idr, "claims_idr": base.claims_idr, "claim_ratio": base.claim_ratio,
                 "claim_ratio_last": base.last and base.last.claim_ratio},
        "rows": [s.row(base) for s in moving], "no_effect": [s.row(base) for s in still],
        "skipped": [{"parameter": k, "problem": p} for k, p in skipped], "unused": []}}


def _set_apart(measured, scenario_id: str, code: str, planning: bool = True) -> tuple:
    """The sensitivity section's bars' names, its notes and its table of the parameters without effect (or None)."""
    scenario, base, moving, still, skipped = measured[scenario_id]
    lang = Language(code)
    section = sensitivity_section(lang, _sensitivity_extra(base, moving, still, skipped, {"years": []} if planning
                                                           else None), entry_names(scenario, lang))
    bars = {row[0] for row in next(b for b in section.blocks if isinstance(b, Table)).rows}
    notes = [b.text for b in section.blocks if isinstance(b, Para) and b.style == "note"]
    listed = next((b for b in section.blocks if isinstance(b, Table) and b.name == "no_effect"), None)
    return bars, notes, listed


@pytest.mark.parametrize("code", ["id", "en"])
def test_many_parameters_without_effect_are_a_short_note_and_a_table_by_part_of_the_scenario(measured, code):
    """pekalongan-2023-expansion: 7 parameters leave the claims of 2023 and 2027 unchanged (13 when only the first
    year was measured). One sentence naming 13 ran over seven lines; a short note and a table of them by segment,
    stage or table reads at a glance."""
    scenario, *_, still, _ = measured["pekalongan-2023-expansion"]
    assert len(still) == 7
    bars, notes, listed = _set_apart(measured, "pekalongan-2023-expansion", code)
    (note,) = [n for n in notes if "python -m sim plan" in n]
    assert note.count(". ") == 1  # two sentences: what the table holds, where their effect is shown
    assert PARAMETERS["male_share"][code] not in note and len(note) < 400  # the names are in the table (was 1,000)
    assert TEXT["sens_no_effect_listed"][code].format(period=Language(code).join(["2023", "2027"])) in note
    labels = {s.name: s.labels[code] for s in scenario.segments}
    stage = TEXT["part_stage"][code]
    assert listed.header == (TEXT["col_part"][code], TEXT["col_parameters"][code])
    assert [part for part, _ in listed.rows] == [
        TEXT["part_assumptions"][code], TEXT["part_claim_timing"][code], stage.format(name="BPJS Ketenagakerjaan"),
        stage.format(name=scenario.planning.pipeline.stages[2].labels[code])]
    assert "Dinperinaker" in listed.rows[3][0]  # the city's own office, named in its scenario
    assert sum(len(names.split("; ")) for _, names in listed.rows) == 7  # each once
    # A segment's fields are listed under its label (in a scenario whose segment moves no claims).
    fields = [f"segments.marbot.{f}" for f in ("accident_rate", "male_share", "mortality_load")]
    assert parameter_parts(Language(code), fields, entry_names(scenario, Language(code))) == {
        labels["marbot"]: [PARAMETERS[f][code] for f in ("accident_rate", "male_share", "mortality_load")]}
    assert not any(cell in bars for row in listed.rows for cell in row)


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_planning_scenario_lists_the_parameters_without_effect_and_points_to_sim_plan(measured, code):
    _, _, _, still, _ = measured["madiun-2026-ucj-csr"]
    names = entry_names(measured["madiun-2026-ucj-csr"][0], Language(code))
    bars, notes, listed = _set_apart(measured, "madiun-2026-ucj-csr", code)
    (note,) = [n for n in notes if "python -m sim plan" in n]
    assert (" 2026 " in note) and " 2030" in note and ("anggaran" if code == "id" else "budget") in note
    rows = dict(listed.rows)
    pledge = TEXT["part_pledge"][code].format(name=names["funding.csr.companies"])  # 2026-2028 only
    assert rows[pledge] == "; ".join(PARAMETERS[f][code] for f in ("amount", "probability"))
    assert TEXT["part_funding"][code] not in rows  # the APBD and DBH-CHT budgets move 2030's claims: bars
    assert sum(len(n.split("; ")) for n in rows.values()) == len(still)
    assert "funding." not in str(listed.rows) and not set(rows.values()) & bars


def test_outside_planning_the_note_does_not_point_to_sim_plan(measured):
    bars, notes, listed = _set_apart(measured, "madiun-2026-ucj", "en", planning=False)
    (note,) = [n for n in notes if "not drawn as bars" in n]
    assert "sim plan" not in note
    # The spread of care costs alone: their trend and the PU wage growth, which a projection's first year never
    # sees, move its last full year (2030), which is measured too.
    assert dict(listed.rows)[TEXT["part_assumptions"]["en"]] == Language("en").parameter(
        "assumptions.severity.medical_cost_cv")
    assert {Language("en").parameter(k) for k in ("assumptions.severity.medical_cost_trend",
                                                  "assumptions.wage_growth")} <= bars
    # The note under the bars still says why the wage growth moves only the years after the first.
    assert any("the PU wage rise per year change only" in n for n in notes)


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_few_parameters_without_effect_are_named_in_the_note_itself(measured, code):
    """Up to three names read well in the sentence (madiun-2025's one: the coefficient of variation of medical
    costs): no table for them."""
    scenario, base, moving, still, skipped = measured["madiun-2026-ucj"]
    lang = Language(code)
    few = [s for s in still if s.key.startswith("claim_timing.")]
    assert len(few) == 3
    section = sensitivity_section(lang, _sensitivity_extra(base, moving, few, skipped, {"years": []}),
                                  entry_names(scenario, lang))
    assert not [b for b in section.blocks if isinstance(b, Table) and b.name == "no_effect"]
    (note,) = [b.text for b in section.blocks if isinstance(b, Para) and "python -m sim plan" in b.text]
    assert "; ".join(lang.parameter(s.key) for s in few) in note


def test_every_table_of_a_scenario_has_a_name_for_the_parts_a_parameter_belongs_to():
    from sim.scenario_schema import TOP_TABLES

    assert all(set(TEXT[f"part_{table}"]) == {"id", "en"} for table in TOP_TABLES)


# --- a self-paying payer in the Indonesian report's words ----------------------------------------------------------


@pytest.fixture(scope="module")
def self_paid(tmp_path_factory):
    """No shipped scenario has a self-paying (SELF) payer: jambi-2025 with its members paying their own premium (a
    year's premium by payer), and madiun-2026-ucj with its SERTAKAN segment doing so (premiums by year and payer),
    as Indonesian reports."""
    root = tmp_path_factory.mktemp("self")
    return {scenario_id: build(load_scenario(scenario_id, [f"segments.{segment}.payer=SELF", "scenario.trials=200"]),
                               "id", root)
            for scenario_id, segment in (("jambi-2025", "vulnerable"), ("madiun-2026-ucj", "sertakan"))}


def _table(report, name: str) -> Table:
    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def test_a_self_paying_payer_reads_mandiri_in_the_indonesian_payer_tables(self_paid):
    funding = _table(self_paid["jambi-2025"], "funding")
    assert [row[0] for row in funding.rows] == ["mandiri"]
    assert self_paid["jambi-2025"].extra["funding"][0]["payer"] == "SELF"  # report.json and funding.csv as written
    by_year = _table(self_paid["madiun-2026-ucj"], "plan_payers")
    payers = {row[1] for row in by_year.rows}
    assert "mandiri" in payers and "SELF" not in payers
    assert "SELF" in {r["payer"] for r in self_paid["madiun-2026-ucj"].extra["planning"]["payers"]}


@pytest.mark.parametrize("code, word", [("id", "mandiri"), ("en", "SELF")])
def test_the_payer_charts_name_a_self_paying_payer_in_the_reports_language(code, word):
    from sim import charts

    lang = Language(code)
    rows = [{"payer": "APBD", "segment": "a", "annual_premium_idr": 2e8},
            {"payer": "SELF", "segment": "b", "annual_premium_idr": 1e8}]
    ticks = [t.get_text() for t in charts.funding(rows, lang).axes[0].get_yticklabels()]
    assert ticks == ["APBD", word]
    years = [{"year": "2026", "budget_idr": 3e8, "target": None}]
    payers = [{"year": "2026", "payer": "APBD", "premium_idr": 2e8}, {"year": "2026", "payer": "SELF", "premium_idr": 1e8}]
    legend = [t.get_text() for t in charts.plan_premium(years, payers, lang).axes[0].get_legend().get_texts()]
    assert legend[:2] == ["APBD", word]  # the payers first, then the budget line


@pytest.mark.parametrize("code, word", [("id", "mandiri"), ("en", "SELF")])
def test_the_funding_charts_list_of_narrow_parts_and_its_alt_text_start_with_a_capital(code, word):
    """A part too narrow for its label is listed under the plot, each entry starting a line ("Mandiri: b Rp1,0
    juta"), and the alt text gives each bar as a sentence ("... dalam rupiah. Mandiri: Rp1,0 juta."); the axis keeps
    the payer as the tables write it ("mandiri")."""
    from sim import chart_descriptions, charts

    lang = Language(code)
    rows = [{"payer": "APBD", "segment": "a", "annual_premium_idr": 2e9},
            {"payer": "SELF", "segment": "b", "annual_premium_idr": 1e6}]
    ax = charts.funding(rows, lang).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["APBD", word]
    listed = [t.get_text() for t in ax.get_legend().get_texts()]
    assert listed == [f"{word[:1].upper()}{word[1:]}: b {lang.money(1e6)}"]
    alt = chart_descriptions.funding(rows, lang)
    assert f". {word[:1].upper()}{word[1:]}: {lang.money(1e6)}." in alt


# --- a Rupiah amount never breaks between its number and its scale word in rendered prose ----------------------------


def test_amounts_keep_their_number_and_scale_word_together_and_nothing_else():
    from sim.report_document import keep_amounts_whole

    assert keep_amounts_whole("an APBD of Rp4 bn a year") == "an APBD of Rp4\u00a0bn a year"
    assert keep_amounts_whole("Rp3,05 miliar, Rp604,8 juta, Rp1,91 triliun, Rp4-42 m") == \
        "Rp3,05\u00a0miliar, Rp604,8\u00a0juta, Rp1,91\u00a0triliun, Rp4-42\u00a0m"
    for text in ("Rp16,800 per member", "Rp5 members", "Rp4bn", "17,484 members"):
        assert keep_amounts_whole(text) == text
    # The figures themselves (report.json, the CSV files, the terminal's line) keep a plain space.
    assert Language("en").money(4e9) == "Rp4.00 bn" and Language("id").money(4e9) == "Rp4,00 miliar"
    # A command the report points to stays on one line too ("python -m" / "sim plan" once broke in a PDF note).
    assert keep_amounts_whole("dihitung dengan perintah python -m sim plan.") == \
        "dihitung dengan perintah python\u00a0-m\u00a0sim\u00a0plan."
    assert keep_amounts_whole("python -m simulate") == "python -m simulate"


@pytest.mark.parametrize("code", ["en", "id"])
def test_a_pdf_paragraph_never_breaks_an_amount_and_its_text_still_reads_with_a_space(code):
    """The English PDF broke "paid from an APBD of Rp4 / bn a year" (the scenario's description) and "Rp4.00 / bn"
    (a figure). Whatever the words before them, no line of a paragraph ends with the number of an amount; the
    PDF's text has a plain space in it (fpdf2 prints the no-break space as a space), so searches still find
    "Rp4 bn"."""
    import io
    from types import SimpleNamespace

    from pypdf import PdfReader

    from sim import report_pdf

    lang = Language(code)
    report = SimpleNamespace(lang=lang)
    scale = "bn" if code == "en" else "miliar"
    figure = Figure(4e9, "money", "report.json", "x")
    for padding in range(0, 60, 3):
        pdf = report_pdf._PDF("test", "{n}")
        pdf.add_page()
        words = " ".join(["ab"] * padding)
        report_pdf._para(pdf, report, Para(f"{words} paid from Rp4 {scale} a year. " * 4))
        report_pdf._para(pdf, report, Para(f"{words} a budget of {{x}} a year. " * 4, {"x": figure}))
        text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
        assert "\u00a0" not in text
        lines = text.splitlines()
        assert not [line for line in lines if re.search(r"Rp[\d.,]+$", line.strip())], (padding, lines)
        flat = " ".join(text.split())
        assert f"paid from Rp4 {scale} a year" in flat and f"a budget of {lang.money(4e9)} a year" in flat


def test_an_html_amount_sits_in_a_span_that_does_not_wrap_and_reads_as_written():
    from html.parser import HTMLParser
    from types import SimpleNamespace

    from sim.report_html import CSS, _block

    class Text(HTMLParser):
        text = ""

        def handle_data(self, data):
            self.text += data

    report = SimpleNamespace(lang=Language("en"))
    page = _block(report, Para("paid from an APBD of Rp4 bn a year, {x} in all", {
        "x": Figure(4e9, "money", "report.json", "x")}, "description"))
    assert '<span class="amount">Rp4 bn</span>' in page and ".amount { white-space: nowrap; }" in CSS
    parsed = Text()
    parsed.feed(page)
    assert parsed.text == "paid from an APBD of Rp4 bn a year, Rp4.00 bn in all"


def test_a_cut_table_says_which_rows_it_shows():
    """The differences have no flags and no weights: the first 40 rows by key are shown, and the note says "the first",
    not "every flagged row, then the largest" (pekalongan-2023-expansion has 50)."""
    from sim.i18n import Language
    from sim.report_sections import MANY_ROWS, _cut

    n = MANY_ROWS + 10
    rows = [(str(i),) for i in range(n)]
    shown, _, note = _cut(rows, [""] * n, [0] * n, [False] * n, Language("id"), "differences")
    assert shown == rows[:MANY_ROWS]
    assert note == f"Ditampilkan {MANY_ROWS} baris pertama dari {n} baris; tabel lengkap ada di differences.csv."
    weights = list(range(n))  # the largest by weight, kept in their order
    shown, _, note = _cut(rows, [""] * n, weights, [False] * n, Language("en"), "validation")
    assert shown == rows[n - MANY_ROWS:] and "then the largest" in note


# --- one Indonesian word for each term -----------------------------------------------------------------------------

# A term the Indonesian texts once wrote two ways (a reviewer asked whether two things were meant): the word kept,
# and the pattern of the other.
# BPJS Ketenagakerjaan's own words are "iuran" and "peserta"; "prakiraan" is the weather forecast's word. A CSR
# pledge is a "komitmen" in the summary and the pledge table's rows (its caption said "janji"); an income band a
# "kelompok penghasilan" as the rules' names and sources say (a unit said "golongan"); the enrolment pipeline the
# "alur pendaftaran" of its part headings (a notebook row said "tahapan"); beyond the horizon "di luar periode
# proyeksi" as the targets' table says (the note under it said "di luar proyeksi"); a member the money no longer
# pays for is "tidak diperpanjang" as the plan's tables and notebook rows say (a notebook's text said "diputus");
# the cost of a case's care is "biaya perawatan medis" as its mean and trend say (its CV said "biaya medis"); a
# chart's horizontal axis is "sumbu mendatar" as the histogram's and tornado's alt texts say (a part year's said
# "sumbu datar"); a PU member's wage is "upah peserta PU" as the wage growth's label says (its source said "upah
# PU").
ONE_WORD = {"tabel mortalitas": r"\btabel kematian\b", "proporsi": r"\bporsi\b", "iuran": r"\bpremi\b",
            "peserta": r"\banggota\b", "perkiraan": r"\bprakiraan\b", "komitmen": r"\bjanji\b",
            "kelompok penghasilan": r"\bgolongan penghasilan\b", "alur pendaftaran": r"\btahapan pendaftaran\b",
            "di luar periode proyeksi": r"\bdi luar proyeksi\b", "tidak diperpanjang": r"\b(diputus|memutus)\b",
            "biaya perawatan medis": r"\bbiaya medis\b", "sumbu mendatar": r"\bsumbu datar\b",
            "upah peserta pu": r"\bupah PU\b"}


def _indonesian_notebook_texts(root) -> dict[str, str]:
    """The notebooks' Indonesian markdown cells (tagged ``lang-id``), each as one line without its ``# `` prefixes
    and its code spans (a command or a file name is written as in the English cell)."""
    texts = {}
    for path in sorted((root / "notebooks").glob("*.py")):
        parts = re.split(r"^(# %%.*)$", path.read_text(encoding="utf-8"), flags=re.M)
        for i in range(1, len(parts) - 1, 2):
            if '"lang-id"' in parts[i]:
                text = " ".join(line.removeprefix("#").strip() for line in parts[i + 1].splitlines())
                texts[f"{path.name}, cell {i // 2 + 1}"] = re.sub(r"`[^`]*`", "", text)
    return texts


@pytest.mark.parametrize("kept, other", ONE_WORD.items())
def test_the_indonesian_texts_use_one_word_for_each_term(root, kept, other):
    """The report's texts (sim/*.py), the rules, profiles and sources (sim/data), the shipped scenarios and the
    notebooks' Indonesian text use ``kept`` and never the other form; the kept word is in use, so the test is not
    vacuous."""
    files = [*sorted((root / "sim").glob("*.py")), *sorted((root / "sim" / "data").glob("*.[tc]*")),
             *sorted((root / "scenarios").rglob("*.toml"))]
    texts = {f.relative_to(root).as_posix(): f.read_text(encoding="utf-8") for f in files}
    texts |= _indonesian_notebook_texts(root)
    found = [name for name, text in texts.items() if re.search(other, text, re.IGNORECASE)]
    assert not found, f"{other} in {found}; write {kept!r}"
    assert any(kept in text.lower() for text in texts.values())


def _indonesian_report_texts():
    """Every Indonesian text a report can show: paragraphs, labels, units, rule, stage and parameter names; without
    their placeholders ({seed} is a number)."""
    named = (TEXT, PARAMETERS, RULE_NAMES, STAGE_NAMES)
    texts = {key: t["id"] for table in named for key, t in table.items() if isinstance(t, dict) and "id" in t}
    texts |= {f"unit {key}": text for key, text in UNITS.items()}
    texts |= {f"{field} {key}": text for field, words in VALUE_WORDS.items() for key, text in words.items()}
    return {key: re.sub(r"\{[^{}]*\}", "", text) for key, text in texts.items()}


def test_the_indonesian_report_says_seed_and_quotes_one_way():
    """The random seed is "bilangan awal (seed)" as the summary words it (the methodology, the differences and
    the provenance table once said a bare "seed", and the parameter "benih acak"), and quotation marks are “…” as
    in the rest of the Indonesian text (two notes used straight quotes). The command-line option ``--seed`` is a
    name to type, not a word (the provenance's overrides row lists it)."""
    texts = _indonesian_report_texts()
    found = [key for key, text in texts.items()
             if re.search(r"(?<!bilangan awal \()(?<!--)\bseed\b|\bbenih\b|\"", text, re.IGNORECASE)]
    assert not found
    assert sum("bilangan awal" in text.lower() for text in texts.values()) >= 4  # not vacuous
    assert any("“" in text for text in texts.values())


def test_the_notebooks_indonesian_text_quotes_as_the_report_does(root):
    """The notebooks' Indonesian cells quote a table's word or a README section with “…” as the report's Indonesian
    texts do (the twins kept the English cells' straight quotes); there are quotes, so the test is not vacuous."""
    texts = _indonesian_notebook_texts(root)
    assert not [name for name, text in texts.items() if '"' in text]
    assert any("“" in text for text in texts.values())


def test_the_indonesian_report_writes_rupiah_in_lower_case():
    """The currency is a common noun in Indonesian (KBBI: "rupiah"): the chart alt texts said "dalam rupiah" where the
    summary's note said "Semua nilai dalam Rupiah". Every Indonesian text now writes it in lower case (the English
    keeps "Rupiah"); the word is in use, so the test is not vacuous."""
    texts = _indonesian_report_texts()
    assert not [key for key, text in texts.items() if re.search(r"\bRupiah\b", text)]
    assert sum(bool(re.search(r"\brupiah\b", text)) for text in texts.values()) >= 4


@pytest.mark.parametrize("fixed, planned, shared", [
    ("method_population", "method_population_plan", "dibagi menurut jenis kelamin, usia tunggal, dan lama kepesertaan"),
    ("method_limits", "method_limits_plan", "rata-rata kematian setahun tepat, variansnya 1–3% di atas binomial")])
def test_the_methodology_for_fixed_and_planned_membership_words_a_shared_sentence_alike(fixed, planned, shared):
    """The English of the two variants shares the words ("single year of age", "a year's deaths have the exact
    mean"); the Indonesian said "usia (per tahun)" and "kesalahannya" in one, "usia tunggal" and "galatnya" in the
    other."""
    assert shared in TEXT[fixed]["id"] and shared in TEXT[planned]["id"]


def test_the_welfare_register_is_named_under_both_its_names():
    """Inpres 4/2025 merged the DTKS into the DTSEN: the register's parameter and the methodology name both, in
    both languages (the seed articles and the scenario keys keep DTKS)."""
    for code in ("id", "en"):
        assert "DTKS/DTSEN" in PARAMETERS["dtks_removal_rate"][code]
        assert "DTKS/DTSEN" in TEXT["method_exit_dtks_removal"][code] and "Inpres 4/2025" in TEXT[
            "method_exit_dtks_removal"][code]


# --- acronyms spelled out -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_methodology_spells_out_the_acronyms_the_report_uses_and_only_those(code):
    """FFT (the methodology's checks), TMI (the register), Dinperinaker (a pipeline stage's office) and BPJS TK (a
    register source) stood unexplained, while the methodology spelled out JKK, JKM, PU, BPU and APBD. The "UMKM" of
    Kota Jambi's office is no UMK; Perwal, DBH-CHT and CSR, not in this report, are not spelled out. FFT and TMI, in
    every report, are spelled out where the methodology first uses them."""
    from sim.report_document import Section
    from sim.report_sections import SPELLED_OUT, methodology_section, spell_out

    lang = Language(code)
    register = Section("register", "Register", [Table("x", ("a",), [
        ("Dinperinaker Kota Pekalongan", "BPJS TK practice"), ("Disnakerkop-UMKM Kota Jambi", "-")])])
    out = spell_out(lang, [register, methodology_section(lang)])
    assert out[0] == register
    members, *rest = out[1].blocks
    assert members.text == " ".join([lang("method_population")] + [lang(k) for k in (
        "abbr_dinperinaker", "abbr_bpjs_tk")])  # after the members paragraph's PU, BPU and APBD
    spelled = {"id": ["Dinas Perindustrian dan Tenaga Kerja", "BPJS Ketenagakerjaan"],
               "en": ["(Dinas Perindustrian dan Tenaga Kerja)", "BPJS Ketenagakerjaan"]}
    assert all(s in members.text for s in spelled[code])
    assert [b.text for b in rest] == [b.text for b in methodology_section(lang).blocks[1:]]
    assert set(SPELLED_OUT) == {"DBH-CHT", "CSR", "UMK", "Perwal", "Dinperinaker", "BPJS TK"}
    checks, perils = (next(b.text for b in rest if b.text.startswith(lang(k)[:6])) for k in ("method_checks",
                                                                                          "method_perils"))
    assert {"id": "transformasi Fourier cepat (FFT)", "en": "Fast Fourier Transform (FFT)"}[code] in checks
    assert {"id": "Tabel Mortalita Indonesia IV (TMI IV)", "en": "(Tabel Mortalita Indonesia, TMI IV)"}[code] in perils


def test_a_built_report_spells_out_each_acronym_it_uses(self_paid):
    """jambi-2025's report (the register cites "praktik BPJS TK", its wage source the city's UMK; the scenario's
    mortality table is TMI IV) and madiun-2026-ucj's: each acronym found in the report is in the methodology."""
    from dataclasses import replace

    from sim.report_sections import SPELLED_OUT, _section_words

    for report in self_paid.values():
        (method,) = [s for s in report.sections if s.key == "methodology"]
        words = method.blocks[0].text  # the members paragraph, which spells them out
        text = "\n".join(_section_words(replace(s, blocks=s.blocks[1:]) if s is method else s)
                         for s in report.sections)
        for name, key in SPELLED_OUT.items():
            assert (Language("id")(key) in words) == bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)), name
        assert Language("id")("abbr_bpjs_tk") in words
