"""Budget against coverage and the what-if answers (closed form), and the sensitivity tornado."""

from __future__ import annotations

import copy
import math

import pandas as pd
import pytest

from sim.closed_form import expected
from sim.coverage import coverage_curve, funding, members_affordable, twelve_months, variant, what_if
from sim.population import annual_premium_budget, build_model
from sim.planner_tables import members_table
from sim.scenario import SEVERITY_SHARES, ScenarioError, load_scenario, scenario_from_data
from sim.sensitivity import at_range_end, groups, outcome, ranged_parameters, tornado, unused_parameters


def test_a_years_premium_is_the_budget_figure_and_splits_by_payer():
    scenario = load_scenario("madiun-2025")
    year = twelve_months(scenario)
    assert year["annual_premium_idr"] == pytest.approx(annual_premium_budget(scenario), abs=0.01)
    assert year["annual_premium_idr"] == pytest.approx(3_050_654_400, abs=0.01)  # README: Rp3,050,654,400
    rows = funding(scenario)
    assert {r["segment"]: r["monthly_premium_idr"] for r in rows} == {"non_asn": 11_800, "vulnerable": 16_800}
    # Expected claims of the first 12 months are the closed form of the first calendar year (a January start).
    model = build_model(scenario)
    assert year["expected_claims_idr"] == pytest.approx(float(expected(model).amounts[0].sum()), rel=1e-12)


def test_what_the_jambi_budget_buys():
    scenario = load_scenario("jambi-2025")  # Rp604,000,000 for 3,000 members at Rp16,800 a month
    year = twelve_months(scenario)
    assert year["annual_premium_idr"] == 604_800_000
    assert members_affordable(year["annual_premium_idr"], year["members"], 604_000_000) == math.floor(604e6 / 201_600)
    out = what_if(scenario)
    assert out["budget_minus_apbd_premium_idr"] == pytest.approx(-800_000)
    assert out["members_affordable"] == 2996


def test_premium_and_claims_grow_in_proportion_to_members():
    scenario = load_scenario("madiun-2025")
    one = what_if(scenario)
    two = what_if(scenario, members=2 * 17_484)
    assert two["members"] == 2 * one["members"]
    assert two["annual_premium_idr"] == pytest.approx(2 * one["annual_premium_idr"], rel=1e-12)
    assert two["expected_claims_idr"] == pytest.approx(2 * one["expected_claims_idr"], rel=1e-9)
    curve = coverage_curve(scenario)
    per_member = curve["annual_premium_idr"].iloc[-1] / curve["members"].iloc[-1]
    assert per_member == pytest.approx(one["annual_premium_idr"] / one["members"], rel=1e-6)
    assert curve["members"].max() >= 17_484


def test_csr_share_moves_premium_to_csr_and_keeps_the_members():
    scenario = load_scenario("madiun-2025")
    base = what_if(scenario, budget_idr=4e9)
    half = what_if(scenario, budget_idr=4e9, csr_share=0.5)
    assert half["members"] == base["members"]
    assert half["csr_premium_idr"] > 0 and base["csr_premium_idr"] == 0
    # In 2025 no PP 50/2025 discount applies, so the total premium is unchanged, only who pays it; both segments
    # have an even number of members (7,902 and 9,582), so CSR pays for exactly half of each.
    assert half["annual_premium_idr"] == pytest.approx(base["annual_premium_idr"], rel=1e-12)
    assert half["city_premium_idr"] == pytest.approx(base["annual_premium_idr"] / 2, rel=1e-12)
    assert half["csr_premium_idr"] == pytest.approx(base["annual_premium_idr"] / 2, rel=1e-12)
    assert half["members_affordable"] > base["members_affordable"]
    assert {s.payer for s in variant(scenario, csr_share=0.5).segments} == {"APBD", "CSR"}


def test_load_factors_raise_expected_claims_only():
    scenario = load_scenario("jambi-2025")
    base = what_if(scenario)
    worse = what_if(scenario, mortality_factor=1.5, accident_factor=2.0)
    assert worse["expected_claims_idr"] > base["expected_claims_idr"]
    assert worse["annual_premium_idr"] == base["annual_premium_idr"]


def test_tornado_bars_bracket_the_base_and_shares_still_sum_to_one():
    scenario = load_scenario("jambi-2025")
    base, swings, skipped = tornado(scenario)
    assert not skipped
    assert {s.key for s in swings} == {k for k, _ in groups(scenario.resolved)}
    load = next(s for s in swings if s.key == "assumptions.mortality_load")
    assert load.at_low.claims_idr < base.claims_idr < load.at_high.claims_idr
    assert swings[0].spread_idr >= swings[-1].spread_idr
    data = scenario.resolved
    for end in (0, 1):
        moved = at_range_end(data, [("assumptions.severity.share_temporary", data["assumptions"]["severity"]["share_temporary"])], end)
        sev = moved["assumptions"]["severity"]
        assert sum(sev[k]["value"] for k in SEVERITY_SHARES) == pytest.approx(1.0, abs=1e-12)
        scenario_from_data(moved)  # still a valid scenario


def test_a_default_no_segment_uses_gets_no_bar_and_the_report_says_why():
    """madiun-2023's one segment has its own mortality load: the default (1x-5x) moved nothing, and its zero-width
    row read as "claims do not depend on mortality". Such a parameter gets no bar; a sentence names it."""
    from sim.i18n import Language
    from sim.report_sections import entry_names, sensitivity_section

    scenario = load_scenario("madiun-2023")
    assert all("mortality_load" in seg for seg in scenario.resolved["segments"].values())
    data = scenario.resolved
    assert "assumptions.mortality_load" in {k for k, _ in ranged_parameters(data)}
    assert "assumptions.mortality_load" not in {k for k, _ in groups(data)}
    # What the bar would have shown: both ends give the base claims.
    base = outcome(scenario)
    for end in (0, 1):
        moved = outcome(scenario_from_data(at_range_end(data, [("assumptions.mortality_load",
                                                                 data["assumptions"]["mortality_load"])], end)))
        assert moved.claims_idr == base.claims_idr
    lang = Language("en")
    extra = {"sensitivity": {"period": "2023", "base": {"premium_idr": 1.0, "claims_idr": 1.0}, "rows": [],
                             "skipped": [], "unused": unused_parameters(data)}}
    names = entry_names(scenario, lang)
    notes = [b.text for b in sensitivity_section(lang, extra, names).blocks if getattr(b, "style", "") == "note"]
    # With the wage growth, which no segment of madiun-2023 (all BPU) uses either.
    unused = ("assumptions.mortality_load", "assumptions.wage_growth")
    assert lang("sens_unused", names="; ".join(lang.parameter(k, names) for k in unused)) in notes
    assert entry_names(scenario, lang)["assumptions.mortality_load"] == lang("no_segment_uses")
    # With a segment that takes the default, it keeps its bar (before calibration: madiun-2025's loads are one
    # fitted multiplier's bar).
    assert "assumptions.mortality_load" in {k for k, _ in groups(load_scenario("madiun-2025-prior").resolved)}


def test_many_segments_are_grouped_per_field():
    scenario = load_scenario("madiun-2025")
    data = scenario.resolved
    wide = {**data, "segments": {f"s{i}": data["segments"]["vulnerable"] for i in range(13)}}
    labels = [label for label, _ in groups(wide)]
    assert "segments.*.male_share" in labels and not any(label.startswith("segments.s1.") for label in labels)


def test_a_csr_twin_segment_is_labelled_in_both_report_languages():
    """The CSR-paid part of a segment keeps the segment's label in each language, with the payer said in it."""
    scenario = load_scenario("madiun-2025")
    twins = {s.name: s for s in variant(scenario, csr_share=0.5).segments if s.payer == "CSR"}
    for seg in scenario.segments:
        twin = twins[f"{seg.name}-csr"]
        assert twin.labels == {"en": f"{seg.labels['en']} (paid by CSR)", "id": f"{seg.labels['id']} (dibayar dana CSR)"}
        assert twin.label == twin.labels["en"]


def test_a_what_if_on_a_planning_scenario_holds_the_members_it_shows():
    # Before, the premium counted the 423 members at the start while the claims followed the plan's enrolment
    # under its own budget: a claim ratio of 106 % from figures that give 205 %, and claims that did not grow
    # with the members slider.
    scenario = load_scenario("pekalongan-2023-expansion")
    one, two = what_if(scenario), what_if(scenario, members=2000)
    assert one["plans_set_aside"] == [t for t in ("expansion", "membership", "pipeline", "funding")
                                      if t in scenario.resolved] != []
    assert one["members"] == 423 and two["members"] == 2000
    assert two["claim_ratio"] == pytest.approx(one["claim_ratio"], rel=1e-9)
    # The ratio's premium is the closed form's (members thinned by the year's deaths, a fraction of a percent),
    # the annual premium the members at the start x 12 months.
    assert one["claim_ratio"] == pytest.approx(one["expected_claims_idr"] / one["annual_premium_idr"], rel=0.01)
    assert two["expected_claims_idr"] == pytest.approx(one["expected_claims_idr"] * 2000 / 423, rel=1e-9)
    assert what_if(load_scenario("madiun-2025"))["plans_set_aside"] == []


def test_the_csr_slider_works_on_a_scenario_with_pledges():
    # Before: "segments.non_asn-csr.payer: is CSR but no [funding.csr.*] pledge lists 'non_asn-csr'".
    scenario = load_scenario("madiun-2026-ucj-csr")
    out = what_if(scenario, budget_idr=4e9, csr_share=0.25)
    assert out["csr_premium_idr"] > 0
    assert out["city_premium_idr"] + out["csr_premium_idr"] + out["other_premium_idr"] == pytest.approx(
        out["annual_premium_idr"], rel=1e-12)


def test_the_city_pays_only_its_own_payers_premium():
    # SERTAKAN members are paid for by other insured workers, not by the city's budget.
    data = copy.deepcopy(load_scenario("madiun-2025").resolved)
    data["segments"]["vulnerable"]["payer"] = "SERTAKAN"
    out = what_if(scenario_from_data(data), budget_idr=4e9)
    rows = {r["segment"]: r["annual_premium_idr"] for r in funding(scenario_from_data(data))}
    assert out["city_premium_idr"] == pytest.approx(rows["non_asn"], rel=1e-12)
    assert out["other_premium_idr"] == pytest.approx(rows["vulnerable"], rel=1e-12)
    assert out["members_affordable"] == math.floor(4e9 / (rows["non_asn"] / 17_484))


@pytest.mark.parametrize("setting, value, words", [
    ("budget_idr", -1_000_000_000, "budget_idr: must be 0 or more (Rp per year), got -1000000000"),
    ("members", -100, "members: must be between 0 and 100,000,000 (as a scenario's members), got -100"),  # not
    # "segments.non_asn.members: ... got -45"; nor, above a segment's largest, blame the shipped scenario file's
    # "segments.non_asn.members.value: must be <= 100,000,000, got 451956074125" (bad-input review, session 44)
    ("members", 10**12, "members: must be between 0 and 100,000,000 (as a scenario's members), got 1000000000000"),
    ("csr_share", 1.5, "csr_share: must be a share between 0 and 1"),
    ("csr_share", -0.1, "csr_share: must be a share between 0 and 1"),
    ("mortality_factor", -1.0, "mortality_factor: must be a factor of 0 or more"),
    ("accident_factor", float("nan"), "accident_factor: must be a number, got nan"),
    ("members", True, "members: must be a number, got True"),  # not "must be 0 or more, got True"
])
def test_a_what_if_setting_out_of_range_is_refused_in_one_line_naming_it(setting, value, words):
    # A planner's wrong parameter in notebook 05 (a negative budget used to answer "-5,732 members affordable").
    scenario = load_scenario("jambi-2025")
    with pytest.raises(ScenarioError) as err:
        what_if(scenario, **{setting: value})
    assert str(err.value).startswith(f"what-if for jambi-2025: {words}")
    # In a notebook IPython shows the command line's one line, not a traceback through sim/.
    assert err.value._render_traceback_() == [f"error: {err.value}"]
    assert what_if(scenario, budget_idr=0)["members_affordable"] == 0


@pytest.mark.parametrize("setting, words", [
    ("budget_idr", "budget_idr: is too large a number"), ("members", "members: must be between 0 and 100,000,000"),
    ("csr_share", "csr_share: must be a share between 0 and 1"),
    ("mortality_factor", "mortality_factor: is too large a number"),
    ("accident_factor", "accident_factor: is too large a number"),
])
def test_a_what_if_setting_of_5000_digits_is_refused_in_one_line_naming_it(setting, words, long_integers):
    """A whole number beyond a float's range (notebook 05's members = 1 followed by 5,000 zeros; notebook 03's
    members_grid) ended in OverflowError from the range check itself; it is refused as any other value out of range,
    shown cut short."""
    with pytest.raises(ScenarioError) as err:
        what_if(load_scenario("jambi-2025"), **{setting: 10**5000})
    assert str(err.value).startswith(f"what-if for jambi-2025: {words}")
    assert str(err.value).endswith(", got 1000000000" + "0" * 47 + "...")


def test_a_members_grid_out_of_range_is_named_as_notebook_03_calls_it():
    """Notebook 03's members_grid: [5000, -5] was refused as "members: must be 0 or more", a name the notebook does
    not use (bad-input review, session 44). Every level is checked before any is answered."""
    scenario = load_scenario("jambi-2025")
    with pytest.raises(ScenarioError) as err:
        members_table(scenario, [5000, -5])
    assert str(err.value) == ("what-if for jambi-2025: members_grid: must be between 0 and 100,000,000 (as a "
                              "scenario's members), got -5")
    assert len(members_table(scenario, [5000, 0])) == 2


def test_the_what_if_sliders_start_at_the_scenarios_own_members_and_budget():
    # Notebook 05 once started every scenario at Madiun's 17,484 members and Rp4 bn: Jambi's answer was Madiun's.
    from sim.coverage import slider_start

    assert slider_start(load_scenario("jambi-2025")) == {"budget_idr": 604_000_000, "members": 3000}
    # Without a stated budget: what the city pays for the members (Rp3,050,654,400), up to the slider's Rp50 juta.
    assert slider_start(load_scenario("madiun-2025")) == {"budget_idr": 3_100_000_000, "members": 17_484}
    assert slider_start(load_scenario("madiun-2025"), 4e9, 20_000) == {"budget_idr": 4_000_000_000, "members": 20_000}
    with pytest.raises(ScenarioError, match="budget_idr: must be 0 or more"):
        slider_start(load_scenario("madiun-2025"), -1, None)
    assert slider_start(load_scenario("jambi-2025"), None, 2.7)["members"] == 3  # rounded, not cut to 2


def test_a_factor_slider_holds_the_value_the_planner_gave():
    """Notebook 05's death slider ended at 2.0: a mortality_factor of 2.5 was answered at 2.0 without a word."""
    from sim.coverage import slider_span

    assert slider_span("mortality_factor", 1.0) == (0.5, 2.0)
    assert slider_span("mortality_factor", 2.5) == (0.5, 2.5)
    assert slider_span("accident_factor", 0.2) == (0.2, 3.0)
    from sim.coverage import what_if_sliders

    sliders = {w.description: w for w in what_if_sliders(load_scenario("madiun-2025"), "en", mortality_factor=2.5)
               .children if hasattr(w, "max")}
    assert sliders["Deaths (% of assumed)"].max == 250 and sliders["Deaths (% of assumed)"].value == 250


def test_the_what_if_sliders_read_in_plain_digits():
    """Notebook 05's budget slider counted in Rp, its readout "3100000000" (the browser's digits, no separator), and
    its CSR share read "0.25", a decimal point an Indonesian planner reads as thousands; they now count in Rp juta
    and in %, "3100" and "25", and answer as the table does for the same budget and share."""
    from sim.coverage import what_if_sliders, what_if_table

    scenario = load_scenario("madiun-2025")
    box = what_if_sliders(scenario, "id", csr_share=0.25)
    sliders = {w.description: w for w in box.children if hasattr(w, "max")}
    assert sliders["Anggaran (Rp juta)"].value == 3_100 and sliders["Anggaran (Rp juta)"].step == 50
    assert sliders["Proporsi CSR (%)"].value == 25 and sliders["Proporsi CSR (%)"].max == 100
    answer = box.result  # interactive runs its function once with the sliders' values
    expected = what_if_table(scenario, "id", budget_idr=3_100_000_000, members=17_484, csr_share=0.25)
    pd.testing.assert_frame_equal(answer, expected)
    assert answer.loc["Anggaran", "Nilai"] == "Rp3,10 miliar"
    assert what_if_sliders(scenario, "id", budget_idr=4_000_400_000).children[0].value == 4_000  # nearest juta


def test_the_what_if_factor_sliders_read_in_plain_digits():
    """Notebook 05's death and accident factors read "1.00" (a decimal point, which Indonesian reads as a thousands
    separator); they move in % of the scenario's rates, "100", over the same spans (slider_span: 0.5-2 and 0.5-3),
    and a slider's whole % answers as the table does at that factor exactly (120 % is the factor 1.2)."""
    from sim.coverage import what_if_sliders, what_if_table

    scenario = load_scenario("madiun-2025")
    box = what_if_sliders(scenario, "id")
    sliders = {w.description: w for w in box.children if hasattr(w, "max")}
    deaths, accidents = sliders["Kematian (% asumsi)"], sliders["Kecelakaan (% asumsi)"]
    assert (deaths.min, deaths.value, deaths.max, deaths.step) == (50, 100, 200, 5)
    assert (accidents.min, accidents.value, accidents.max, accidents.step) == (50, 100, 300, 5)
    assert all(isinstance(v, int) for w in (deaths, accidents) for v in (w.min, w.value, w.max, w.step))
    deaths.value, accidents.value = 120, 85  # as a planner moves them: each answers on its own
    expected = what_if_table(scenario, "id", budget_idr=3_100_000_000, members=17_484, mortality_factor=1.2,
                             accident_factor=0.85)
    pd.testing.assert_frame_equal(box.result, expected)
    # A factor given to a fraction of a % starts at its nearest whole %, inside the span widened to hold it.
    given = {w.description: w for w in what_if_sliders(scenario, "id", accident_factor=3.456).children
             if hasattr(w, "max")}["Kecelakaan (% asumsi)"]
    assert (given.value, given.max) == (346, 346)


def test_coverage_curve_counts_the_same_members_as_its_premium():
    """A scenario whose members are projected (madiun-2026-ucj enrols for UCJ through 2026): the coverage curve
    (coverage.csv) scales a year's premium of the members at the start, so its claims must be those members' too,
    not the plan's first year, whose members grow by thousands (the curve drew a claim ratio of 240 % at the 17,484
    members where the report's own 2026 ratio is 218 %)."""
    from sim.coverage import members_held

    scenario = load_scenario("madiun-2026-ucj")
    held, set_aside = members_held(scenario)
    assert set_aside  # the scenario has planning tables
    year = twelve_months(held)
    planned = twelve_months(scenario)
    assert year["members"] == planned["members"] and year["annual_premium_idr"] == planned["annual_premium_idr"]
    assert planned["expected_claims_idr"] > 1.05 * year["expected_claims_idr"]  # the plan's year has more members
    at = coverage_curve(scenario).iloc[-1]
    assert at["annual_premium_idr"] / at["members"] == pytest.approx(year["annual_premium_idr"] / year["members"],
                                                                     rel=1e-6)
    assert at["expected_claims_idr"] / at["members"] == pytest.approx(year["expected_claims_idr"] / year["members"],
                                                                      rel=1e-6)
    # Notebook 03 draws this curve beside members_table's what-if rows (members held): the two agree.
    answer = what_if(scenario)
    assert answer["expected_claims_idr"] / answer["members"] == pytest.approx(at["expected_claims_idr"] / at["members"],
                                                                              rel=1e-6)


def test_a_what_if_counts_tobacco_excise_money_as_the_citys_but_not_the_apbd_budgets():
    """DBH-CHT (tobacco-excise revenue sharing) is the city's own money (sim.funding.CITY_PAYERS): a what-if puts a
    DBH-CHT-paid segment's premium in the city's premium, not in other payers'. The budget is the APBD's, as the
    report's and sim plan's are (DBH-CHT pays from its own money): it is set against the APBD's premium only.
    Jambi's 3,000 BPU members at Rp16,800 a month (2025: no PP 50/2025 discount) cost 3,000 x 16,800 x 12 =
    Rp604,800,000 a year; paid from DBH-CHT they leave the Rp604,000,000 APBD budget whole, and with no APBD-paid
    member it pays for no number of members (the report's budget_year.members_affordable is null too). Paid by the
    APBD, the budget falls Rp800,000 short and pays floor(604e6 / 201,600) = 2,996."""
    data = copy.deepcopy(load_scenario("jambi-2025").resolved)
    data["segments"]["vulnerable"]["payer"] = "DBH-CHT"
    out = what_if(scenario_from_data(data))
    assert out["city_premium_idr"] == 604_800_000
    assert out["other_premium_idr"] == 0 and out["apbd_premium_idr"] == 0
    assert out["budget_minus_apbd_premium_idr"] == 604_000_000
    assert out["members_affordable"] is None
    apbd = what_if(load_scenario("jambi-2025"))
    assert apbd["budget_minus_apbd_premium_idr"] == -800_000 and apbd["members_affordable"] == 2996


def test_a_csr_share_takes_the_nearest_whole_number_of_members():
    """101 members at a CSR share of 0.7: 70.7 members, so 71 paid by CSR and 30 by the city (not 70 and 31, as
    cutting the fraction gives), together still 101."""
    scenario = load_scenario("jambi-2025")
    (name,) = [s.name for s in scenario.segments]
    members = {s.name: s.members for s in variant(scenario, members=101, csr_share=0.7).segments}
    assert members == {name: 30, f"{name}-csr": 71}


def test_a_what_if_over_a_horizon_shorter_than_a_year_sets_its_claims_against_the_same_months():
    """jambi-2025 over 6 months: the claims of those months against their premium, at most 3,000 members x
    Rp16,800 x 6 = Rp302.4 m (deaths only thin the members, by well under 1 % in half a year), not a full year's
    Rp604.8 m, which halved the claim ratio."""
    result = what_if(load_scenario("jambi-2025", ["scenario.horizon_months=6"]))
    assert result["months"] == 6 and result["annual_premium_idr"] == 3000 * 16_800 * 12
    premium = result["expected_claims_idr"] / result["claim_ratio"]
    assert 0.99 * 3000 * 16_800 * 6 <= premium <= 3000 * 16_800 * 6
