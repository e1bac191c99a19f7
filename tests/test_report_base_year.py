"""The results' paragraph that sets a scenario's first year beside the same year of an earlier base
(sim.report_base_year, report.json ``base_same_year``): madiun-2026-ucj's 2026 beside madiun-2025's, the base's
ratio being the closed form's; nothing for a scenario without such a base; and each reason only where it applies,
checked on small scenarios written here on madiun-2025 (a run-off from 2026, a base whose members leave no child,
other age profiles)."""

from __future__ import annotations

import re

import pytest

from sim.closed_form import expected
from sim.forecast import forecast
from sim.i18n import Language
from sim.population import build_model
from sim.report import build
from sim.report_base_year import REASONS, base_same_year
from sim.report_document import Para
from sim.report_sections import results_section
from sim.scenario import load_scenario
from test_report_trend import _shown

TRIALS = 200
RUNOFF = '[scenario]\nid = "{id}"\nbase = "{base}"\nstart = "2026-01"\nhorizon_months = 12\n'
CHILDLESS = ('[scenario]\nid = "childless"\nbase = "madiun-2025"\n\n[assumptions.children.by_member_age]\n'
             'value = [[15, 1.0, 0.0, 0.0, 0, 22]]\n')


def _run(scenario):
    """The scenario, its summary and what report.json holds for the paragraph."""
    summary = forecast(scenario, exact_check=False)
    planning = {"years": []} if scenario.planning is not None and scenario.planning.shapes_exposure else None
    return scenario, summary, {"base_same_year": base_same_year(scenario, summary), "planning": planning}


def _file(tmp_path, name: str, text: str, sets=()):
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return _run(load_scenario(tmp_path / f"{name}.toml", [f"scenario.trials={TRIALS}", *sets]))


def _closed_form_ratio(scenario_id: str, year: str) -> float:
    model = build_model(load_scenario(scenario_id))
    exp, p = expected(model), model.period_labels.index(year)
    return float(exp.amounts[p].sum() / exp.premium[p].sum())


def _paragraphs(run, code: str) -> list[str]:
    """The results section's paragraphs on the base's year, as printed."""
    scenario, summary, extra = run
    lang = Language(code)
    section = results_section(lang, summary, extra, scenario)
    ending = lang("base_year").split("{r_this}")[1].split("{mean}")[0]  # said with or without bases between
    return [_shown(lang, b, summary, extra) for b in section.blocks if isinstance(b, Para) and ending in b.text]


def _reasons_shown(text: str, code: str) -> set:
    """The reasons whose text (its longest stretch without a placeholder) the paragraph holds."""
    lang = Language(code)
    return {r for r in REASONS if max(re.split(r"\{\w+\}", lang(f"base_year_{r}")), key=len) in text}


@pytest.fixture(scope="module")
def ucj():
    return _run(load_scenario("madiun-2026-ucj", [f"scenario.trials={TRIALS}"]))


def test_the_base_ratio_is_the_closed_form_of_its_same_year(ucj):
    scenario, summary, extra = ucj
    same, first = extra["base_same_year"], summary["periods"][0]
    assert (same["base"], same["through"], same["year"]) == (scenario.resolved["scenario"]["base"], [], "2026")
    assert same["base_claim_ratio"] == pytest.approx(_closed_form_ratio(same["base"], "2026"), abs=1e-6)
    assert same["claim_ratio"] == pytest.approx(first["claims_expected_idr"] / first["premium_idr"], abs=1e-6)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_paragraph_gives_both_ratios_and_the_reasons_that_apply(ucj, code):
    _, summary, extra = ucj
    same, lang = extra["base_same_year"], Language(code)
    [text] = _paragraphs(ucj, code)
    assert same["base"] in text
    for ratio in (same["base_claim_ratio"], same["claim_ratio"], summary["periods"][0]["claim_ratio"]["mean"]):
        assert lang.percent(ratio) in text
    # The simulation mean is given beside the direct calculation only where the two read differently.
    mean = summary["periods"][0]["claim_ratio"]["mean"]
    said = lang("base_year_mean").split("{r_mean}")[1] in text
    assert said == (lang.percent(mean) != lang.percent(same["claim_ratio"]))
    # New members, a year older, scholarships of 2025 deaths; not longer in the scheme: its tenure moved on.
    assert _reasons_shown(text, code) == set(same["reasons"]) == {"new_members", "older", "earlier_deaths"}
    assert lang.count(same["reasons"]["new_members"]) in text
    # A run-off base: the paragraph says which figure a budget for the year rests on.
    use = lang("base_year_use", year="2026", base_start=lang.iso_date("2025-01"), base_ref=lang("base_year_ref"))
    assert use in text


def test_the_simulation_mean_is_given_where_it_reads_otherwise(ucj):
    scenario, summary, extra = ucj
    moved = {**summary, "periods": [{**summary["periods"][0],
                                     "claim_ratio": {**summary["periods"][0]["claim_ratio"],
                                                     "mean": extra["base_same_year"]["claim_ratio"] + 0.02}},
                                    *summary["periods"][1:]]}
    for code in ("id", "en"):
        lang = Language(code)
        [text] = _paragraphs((scenario, moved, extra), code)
        assert lang("base_year_mean").split("{r_mean}")[1] in text
        assert lang.percent(extra["base_same_year"]["claim_ratio"] + 0.02) in text


def test_nothing_without_an_earlier_base_that_holds_the_year(tmp_path):
    # madiun-2025's base (madiun-2025-prior) starts with it: a variant, not an earlier picture of its year.
    madiun = _run(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]))
    # madiun-2025 runs 2025-2027: a run-off from 2028 on it has no base year to set beside its own; one from July
    # 2026 has no whole first year.
    later = _file(tmp_path, "later", RUNOFF.format(id="later", base="madiun-2025"), ["scenario.start=2028-01"])
    july = _file(tmp_path, "july", RUNOFF.format(id="july", base="madiun-2025"), ["scenario.start=2026-07"])
    for run in (madiun, later, july):
        assert run[2]["base_same_year"] is None
        assert _paragraphs(run, "id") == _paragraphs(run, "en") == []


def test_each_reason_only_where_it_applies(tmp_path):
    """A run-off from 2026 on madiun-2025 enrols nobody and keeps the base's starting tenure (so the base's members
    have been members 12 months longer); on a base whose members leave no child, no scholarship is paid; with
    other age profiles than the base's, the base's members are not the same profile a year on."""
    runoff = _file(tmp_path, "runoff", RUNOFF.format(id="runoff", base="madiun-2025"))
    _file(tmp_path, "childless", CHILDLESS)
    childless = _file(tmp_path, "childless-runoff", RUNOFF.format(id="childless-runoff", base="childless"))
    profiles = _file(tmp_path, "profiles", RUNOFF.format(id="profiles", base="madiun-2025"),
                     [f"segments.{s}.age_profile=informal-working-age" for s in ("non_asn", "vulnerable")])
    cases = [(runoff, {"older", "longer_in_scheme", "earlier_deaths"}), (childless, {"older", "longer_in_scheme"}),
             (profiles, {"longer_in_scheme", "earlier_deaths", "overrides"})]  # its profiles by --set
    for run, reasons in cases:
        assert set(run[2]["base_same_year"]["reasons"]) == reasons, run[0].id
        for code in ("id", "en"):
            [text] = _paragraphs(run, code)
            assert _reasons_shown(text, code) == reasons, (run[0].id, code)
            assert Language(code)("base_year_use").split("{year}")[0] not in text  # no projection: no budget word


def test_an_earlier_base_further_up_the_chain_is_named_with_those_between(tmp_path):
    """madiun-2026-ucj-csr's own base starts with it; a base cut to June 2026 does not hold the whole of 2026."""
    csr = _run(load_scenario("madiun-2026-ucj-csr", [f"scenario.trials={TRIALS}"]))
    _file(tmp_path, "short", '[scenario]\nid = "short"\nbase = "madiun-2025"\nhorizon_months = 18\n')
    on_short = _file(tmp_path, "on-short", RUNOFF.format(id="on-short", base="short"))
    for run, between in ((csr, "madiun-2026-ucj"), (on_short, "short")):
        same = run[2]["base_same_year"]
        assert (same["base"], same["through"]) == ("madiun-2025", [between])
        [text] = _paragraphs(run, "en")
        assert text.startswith(f"The scenario madiun-2025, which this scenario builds on through {between}, ")


@pytest.mark.parametrize("code, named, unnamed", [
    ("id", "skenario madiun-2025 hanya menghitung peserta Januari 2025", "skenario dasar"),
    ("en", "madiun-2025 counts only the members of January 2025", "the base"),
])
def test_a_base_further_up_the_chain_is_called_by_its_name_not_the_base(code, named, unnamed):
    """madiun-2026-ucj-csr's base scenario, in its differences section, is madiun-2026-ucj, which enrols new
    members; the paragraph's reasons are madiun-2025's, so "the base counts only the members of January 2025"
    read as false of the base the report names: they name madiun-2025."""
    csr = _run(load_scenario("madiun-2026-ucj-csr", [f"scenario.trials={TRIALS}"]))
    [text] = _paragraphs(csr, code)
    assert named in text and unnamed not in text
    assert {"new_members", "older", "earlier_deaths"} <= _reasons_shown(text, code)


def test_the_report_carries_it(tmp_path):
    """report.json holds the figures the paragraph traces; the HTML shows the paragraph in the results."""
    report = build(load_scenario("madiun-2026-ucj", [f"scenario.trials={TRIALS}"]), "en", tmp_path)
    assert report.extra["base_same_year"] == base_same_year(report.scenario, report.summary)
    html = (report.folder / "report.html").read_text(encoding="utf-8")
    results = html[html.index('id="results"'):html.index('id="budget"')]
    assert "Its base scenario, madiun-2025, also projects 2026" in results


def test_a_command_line_change_is_said_to_apply_to_this_scenario_only():
    """A report's --set changes this scenario, not the base read from its file: the paragraph says so, naming the
    keys, beside the other reasons (a medical cost set to Rp30 m was "explained" by those alone); --set of the
    run's own settings (scenario.trials) is no such change."""
    key = "assumptions.severity.medical_cost_mean"
    run = _run(load_scenario("madiun-2026-ucj", [f"scenario.trials={TRIALS}", f"{key}=30000000"]))
    same = run[2]["base_same_year"]
    assert same["reasons"]["overrides"] == [key]
    for code in ("id", "en"):
        [text] = _paragraphs(run, code)
        assert "overrides" in _reasons_shown(text, code) and f"({key})" in text


TREND = '\n[assumptions.severity]\nmedical_cost_trend = { value = 0.05, unit = "share per year", source = "test", ' \
        'basis = "assumption" }\n'
GROWTH = '\n[assumptions]\nwage_growth = { value = 0.065, unit = "share per year", source = "test", ' \
         'basis = "assumption" }\n'


@pytest.mark.parametrize("name, text, anchored", [
    ("trend", TREND, {"prices_anchored": 0.05}),
    ("growth", GROWTH, {"wages_anchored": 0.065}),
    ("both", GROWTH + TREND, {"prices_anchored": 0.05, "wages_anchored": 0.065}),
    ("neither", GROWTH.replace("0.065", "0") + TREND.replace("0.05", "0"), {}),
])
def test_a_base_with_a_care_cost_trend_or_wage_growth_is_at_its_first_years_prices_raised(tmp_path, name, text,
                                                                                          anchored):
    """A base on madiun-2025 (2025-2027) with a care cost trend or a wage growth has its 2026 care costs or PU wages
    (non_asn) at 2025's raised by one year's step, where a run-off from 2026 on it (inheriting both) has its 2026 at
    the stated ones, each scenario anchoring them to its own first year: named as a reason, with the rise, in both
    languages, only where the base's trend or growth is not 0. Its ratio for 2026 is then not madiun-2025's."""
    _file(tmp_path, name, f'[scenario]\nid = "{name}"\nbase = "madiun-2025"\n{text}')
    run = _file(tmp_path, f"{name}-runoff", RUNOFF.format(id=f"{name}-runoff", base=name))
    same = run[2]["base_same_year"]
    assert {r: same["reasons"][r] for r in ("prices_anchored", "wages_anchored") if r in same["reasons"]} == \
        pytest.approx(anchored, abs=1e-9)
    assert set(same["reasons"]) == {"older", "longer_in_scheme", "earlier_deaths", *anchored}
    moved = same["base_claim_ratio"] != pytest.approx(_closed_form_ratio("madiun-2025", "2026"), abs=1e-6)
    assert moved == bool(anchored)
    for code in ("id", "en"):
        lang = Language(code)
        [text] = _paragraphs(run, code)
        assert _reasons_shown(text, code) == set(same["reasons"]), code
        for rise in anchored.values():
            assert lang.figure("percent1", rise) in text


def test_a_segment_enrolled_from_nobody_in_the_base_counts_for_its_wages_not_for_its_age(tmp_path):
    """A projected base whose PU segment (non_asn) starts with no members and enrols them in its first year: in the
    later year it holds members at wages raised by its growth, so the wage reason applies, where a base counting only
    its starting members left the segment out (madiun-2026-ucj's other segments are BPU, whose wages do not grow).
    Its members joined after the base's start, at the age profile with no months in the scheme: not the starting
    members the base has aged by the months between the two starts, so that segment alone gives neither reason."""
    base = ('[scenario]\nid = "enrolled"\nbase = "madiun-2026-ucj"\n'
            '[segments.non_asn]\nmembers = { value = 0, unit = "persons", source = "test", basis = "data" }\n'
            + GROWTH)
    later = '[scenario]\nid = "{id}"\nbase = "enrolled"\nstart = "2027-01"\nhorizon_months = 12\n'
    _file(tmp_path, "enrolled", base)
    run = _file(tmp_path, "enrolled-later", later.format(id="enrolled-later"))
    model = build_model(load_scenario(tmp_path / "enrolled.toml"))
    exp, p = expected(model), model.period_labels.index("2027")
    [non_asn] = [s for s, e in enumerate(model.segments) if e.segment.name == "non_asn"]
    assert exp.member_months[0, non_asn] > 0 and exp.member_months[p, non_asn] > 0  # enrolled in 2026, in force
    reasons = run[2]["base_same_year"]["reasons"]
    assert reasons["wages_anchored"] == pytest.approx(0.065, abs=1e-9)
    for code in ("id", "en"):
        [text] = _paragraphs(run, code)
        assert Language(code).figure("percent1", 0.065) in text
    # Without the vulnerable workers' starting members, the base has none that aged since its start.
    _file(tmp_path, "nobody", base + '[segments.vulnerable]\nmembers = { value = 0, unit = "persons", '
                                     'source = "test", basis = "data" }\n')
    nobody = _file(tmp_path, "nobody-later", later.format(id="nobody-later").replace('"enrolled"', '"nobody"'))
    assert {"older", "longer_in_scheme"}.isdisjoint(nobody[2]["base_same_year"]["reasons"])
    assert "wages_anchored" in nobody[2]["base_same_year"]["reasons"]
