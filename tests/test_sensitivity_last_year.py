"""The tornado's last full calendar year (sim.sensitivity: Outcome.last) and the report's second table.

A budget is set for the years ahead, and in a calibrated scenario the first year is the one the recorded claims pin
down; so beside the first year the tornado measures the last calendar year whose twelve months lie in the horizon.
Every figure is compared with an independent computation: the calendar for which year that is, the closed form of
the whole horizon (``expected(build_model(...))``) for the figures, a ``--set`` of the scenario for a bar's end.
"""

from __future__ import annotations

import pytest

from sim.closed_form import expected
from sim.i18n import Language
from sim.population import build_model
from sim.report_document import Figure, Para, Table, lookup
from sim.report_sections import sensitivity_label, entry_names, sensitivity_figures, sensitivity_section
from sim.scenario import load_scenario
from sim.sensitivity import Outcome, Swing, last_full_year, tornado, without_effect
from test_report_wording import _filled

MEDICAL = "assumptions.severity.medical_cost_mean"
TREND = "assumptions.severity.medical_cost_trend"


@pytest.mark.parametrize("start, horizon, year", [
    ("2025-01", 36, 2027),  # madiun-2025: Jan 2025 - Dec 2027
    ("2025-01", 35, 2026),  # ends in Nov 2027: 2027 is not whole
    ("2025-07", 18, 2026),  # Jul 2025 - Dec 2026
    ("2025-07", 30, 2027),  # Jul 2025 - Dec 2027
    ("2025-01", 12, None),  # one calendar year only
    ("2025-01", 23, None),  # Jan 2025 - Nov 2026: 2026 is not whole
    ("2025-07", 12, None),  # Jul 2025 - Jun 2026: no whole year
])
def test_the_last_full_year_is_the_calendar_s(start, horizon, year):
    # The expected answer counted month by month: a year is whole when all of its twelve months are in the horizon.
    y0, m0 = int(start[:4]), int(start[5:7])
    months = [(y0 + (m0 - 1 + k) // 12, (m0 - 1 + k) % 12 + 1) for k in range(horizon)]
    whole = [y for y in {y for y, _ in months} if sum(1 for yy, _ in months if yy == y) == 12 and y != y0]
    assert last_full_year(start, horizon) == (max(whole) if whole else None) == year


def _year_totals(scenario, period: str) -> tuple[float, float]:
    """(claims, premium) of one calendar year by the closed form of the scenario's whole horizon."""
    model = build_model(scenario)
    exp = expected(model)
    p = model.period_labels.index(period)
    return float(exp.amounts[p].sum()), float(exp.premium[p].sum())


def test_the_base_and_a_bar_end_are_the_closed_form_of_the_whole_horizon(pekalongan, pekalongan_tornado):
    assert pekalongan.start.month == 1 and pekalongan.horizon_months == 36
    base, swings, _ = pekalongan_tornado
    assert (base.period, base.last.period) == ("2023", "2025")
    for outcome, scenario in [(base, pekalongan)] + [
            (end, load_scenario("pekalongan-2023", [f"{MEDICAL}={value}"]))
            for s in swings if s.key == MEDICAL for end, value in ((s.at_low, s.low), (s.at_high, s.high))]:
        for year in (outcome, outcome.last):
            claims, premium = _year_totals(scenario, year.period)
            assert year.claims_idr == pytest.approx(claims, rel=1e-12)
            assert year.premium_idr == pytest.approx(premium, rel=1e-12)
    assert len(swings) > 5 and all(s.at_low.last is not None and s.at_high.last is not None for s in swings)
    # A later year of the same members costs more: they are older, and heirs' scholarships have started.
    assert base.last.claim_ratio > base.claim_ratio


def test_one_calendar_year_measures_the_first_year_only():
    short = load_scenario("pekalongan-2023", ["scenario.horizon_months=23"])
    base, swings, _ = tornado(short)
    assert base.last is None and all(s.at_low.last is None for s in swings)
    figures = sensitivity_figures(short, base, swings, [])
    assert figures["last_period"] is None and figures["base"]["claim_ratio_last"] is None
    section = sensitivity_section(Language("en"), {"sensitivity": figures})
    assert [b.name for b in section.blocks if isinstance(b, Table)] == ["sensitivity"]


def test_a_projected_scenario_measures_its_last_full_year_too():
    """Members projected through an enrolment pipeline (2025-2027): 2027 is measured as for any scenario, each end
    the closed form of the whole horizon re-projected with the --set; so the care cost trend, which moves only the
    years after the first, is a bar and not a parameter that moves no claims."""
    pipeline = load_scenario("jambi-2025-pipeline")
    assert pipeline.planning.shapes_exposure
    base, swings, _ = tornado(pipeline)
    assert (base.period, base.last.period) == ("2025", "2027")
    trend = next(s for s in swings if s.key == TREND)
    for outcome, scenario in ((base, pipeline), (trend.at_high, load_scenario(pipeline.id, [f"{TREND}={trend.high}"]))):
        claims, premium = _year_totals(scenario, "2027")
        assert outcome.last.claims_idr == pytest.approx(claims, rel=1e-12)
        assert outcome.last.premium_idr == pytest.approx(premium, rel=1e-12)
    assert trend.at_high.claims_idr == pytest.approx(base.claims_idr, rel=1e-12)  # 2025 is at the stated prices
    assert trend.at_high.last.claims_idr > base.last.claims_idr
    moving, still = without_effect(base, swings)
    assert trend in moving and trend not in still


def _outcome(claims: float, last: float | None) -> Outcome:
    return Outcome("2025", 1.0, claims, last=None if last is None else Outcome("2027", 1.0, last))


def _swing(key: str, low: Outcome, high: Outcome) -> Swing:
    return Swing(key, "", "assumption", 1.0, 0.5, 2.0, low, high)


def test_a_parameter_that_moves_only_the_last_year_is_a_bar():
    base = _outcome(100.0, 200.0)
    later = _swing("later", _outcome(100.0, 190.0), _outcome(100.0, 200.0))
    neither = _swing("neither", _outcome(100.0, 200.0), _outcome(100.0, 200.0))
    first = _swing("first", _outcome(90.0, 200.0), _outcome(100.0, 200.0))
    moving, still = without_effect(base, [later, neither, first])
    assert [s.key for s in moving] == ["later", "first"] and [s.key for s in still] == ["neither"]
    # Without a last year measured, only the first year decides.
    moving, still = without_effect(_outcome(100.0, None), [_swing("x", _outcome(100.0, None), _outcome(100.0, None))])
    assert not moving and [s.key for s in still] == ["x"]


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_second_table_gives_the_last_year_traced(pekalongan, pekalongan_tornado, code):
    lang = Language(code)
    extra = {"sensitivity": sensitivity_figures(pekalongan, *pekalongan_tornado)}
    sens = extra["sensitivity"]
    section = sensitivity_section(lang, extra)
    first, later = (b for b in section.blocks if isinstance(b, Table))
    assert len(first.header) == 9 and later.name == "sensitivity_later"
    assert later.header == (lang("col_parameter"), lang("col_ratio_year_low", year="2025"),
                            lang("col_ratio_year_high", year="2025"))
    assert len(later.rows) == len(sens["rows"]) == len(first.rows)
    for i, (row, cells) in enumerate(zip(sens["rows"], later.rows)):
        assert cells[0] == first.rows[i][0] == sensitivity_label(lang, row, None)  # a rate's, a load's unit in both
        for end, cell in zip(("low", "high"), cells[1:]):
            assert isinstance(cell, Figure) and cell.key == f"sensitivity.rows.{i}.claim_ratio_last_{end}"
            assert lookup(extra, cell.key) == row[f"claim_ratio_last_{end}"]
    intro = next(p for p in section.blocks if isinstance(p, Para) and "base_last" in p.figures)
    assert intro.figures["base_last"].key == "sensitivity.base.claim_ratio_last"
    assert sens["base"]["claim_ratio_last"] == pytest.approx(pekalongan_tornado[0].last.claim_ratio, abs=1e-6)
    assert "2025" in intro.text and "2023" in intro.text


@pytest.fixture(scope="module")
def madiun():
    return load_scenario("madiun-2025")


@pytest.fixture(scope="module")
def madiun_extra(madiun):
    return {"sensitivity": sensitivity_figures(madiun, *tornado(madiun)), "calibration": madiun.calibration}


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_recalibrated_last_year_is_stated_and_spanned(madiun_extra, code):
    lang = Language(code)
    sens = madiun_extra["sensitivity"]
    assert (sens["period"], sens["last_period"]) == ("2025", "2027")
    section = sensitivity_section(lang, madiun_extra)
    paras = [b for b in section.blocks if isinstance(b, Para)]
    # The widest bar's sentence carries its last-year figures, held and refitted, each traced to its row.
    widest = next(p for p in paras if "refit_last_low" in p.figures)
    for name, field in (("refit_last", "claim_ratio_recalibrated_last"), ("held_last", "claim_ratio_last")):
        for end in ("low", "high"):
            assert widest.figures[f"{name}_{end}"].key == f"sensitivity.rows.0.{field}_{end}"
    # The span: the lowest and highest recalibrated last-year ratio of any end of any bar.
    found = {(r[f"claim_ratio_recalibrated_last_{end}"], f"sensitivity.rows.{i}.claim_ratio_recalibrated_last_{end}")
             for i, r in enumerate(sens["rows"]) for end in ("low", "high")
             if r[f"claim_ratio_recalibrated_last_{end}"] is not None}
    assert len(found) >= 2 * (len(sens["rows"]) - 2)  # all but the two fitted multipliers' bars
    span = next(p for p in paras if "lowest" in p.figures)
    assert span.figures["lowest"].key == min(found)[1] and span.figures["highest"].key == max(found)[1]
    # The widest bar (the age shift) refitted moves the last year far less than held, but it still moves it: the
    # refit pins the recorded year, not the later ones. (Not so for every bar: a wage moves the premium, which no
    # refit to claims absorbs.)
    top = sens["rows"][0]
    held = abs(top["claim_ratio_last_high"] - top["claim_ratio_last_low"])
    refit = abs(top["claim_ratio_recalibrated_last_high"] - top["claim_ratio_recalibrated_last_low"])
    refit_first = abs(top["claim_ratio_recalibrated_high"] - top["claim_ratio_recalibrated_low"])
    assert refit < held / 5 and refit > refit_first


@pytest.mark.parametrize("code", ["id", "en"])
def test_with_one_calendar_year_the_section_says_later_years_are_not_measured(madiun_extra, code):
    lang = Language(code)
    short = load_scenario("madiun-2025", ["scenario.horizon_months=12"])
    extra = {"sensitivity": sensitivity_figures(short, *tornado(short)), "calibration": short.calibration}
    assert extra["sensitivity"]["last_period"] is None

    def said(extra):
        return " ".join(p.text for p in sensitivity_section(lang, extra).blocks if isinstance(p, Para))

    assert lang("sens_refit_later_unmeasured") in said(extra)
    assert lang("sens_refit_later_shown", last="2027") not in said(extra)
    assert lang("sens_refit_later_shown", last="2027") in said(madiun_extra)
    # Only the recalibrated 2025 columns: nothing of a later year.
    later = next(b for b in sensitivity_section(lang, extra).blocks if isinstance(b, Table) and b.name != "sensitivity")
    assert later.header[1:] == (lang("col_ratio_year_refit_low", year="2025"),
                                lang("col_ratio_year_refit_high", year="2025"))


def test_a_horizon_ending_mid_year_measures_the_last_whole_year():
    # Jan 2023 - Jun 2025: 2025 has six months, so the last year measured is 2024 (a part-year's ratio would compare
    # half a year of premiums with claims that lag them).
    scenario = load_scenario("pekalongan-2023", ["scenario.horizon_months=30"])
    base, swings, _ = tornado(scenario)
    assert base.last.period == "2024" and all(s.at_high.last.period == "2024" for s in swings)
    claims, premium = _year_totals(scenario, "2024")
    assert (base.last.claims_idr, base.last.premium_idr) == (pytest.approx(claims, rel=1e-12),
                                                             pytest.approx(premium, rel=1e-12))


def test_a_bar_whose_high_end_lowers_the_claims_is_as_wide_as_its_swing():
    # The tornado puts the widest bar first: a parameter whose high end lowers the claims (more accidents needing
    # care only) from Rp5 bn to Rp3 bn is a Rp2 bn bar, wider than one raising them from Rp5 bn to Rp6 bn.
    def swing(key, low, high):
        return Swing(key, "share", "assumption", 0.5, 0.4, 0.6, Outcome("2025", 4e9, low), Outcome("2025", 4e9, high))

    lowers, raises = swing("lowers", 5e9, 3e9), swing("raises", 5e9, 6e9)
    assert (lowers.spread_idr, raises.spread_idr) == (2e9, 1e9)


@pytest.mark.parametrize("code, said", [
    ("id", "tidak tampil di diagram: “{name}” mengubah rasio klaim 2027 menjadi {low} dan {high}"),
    ("en", "off the chart: “{name}” moves the 2027 claim ratio to {low} and {high}")])
def test_a_later_years_large_effect_off_the_chart_is_named(code, said):
    """pekalongan-2023-expansion: the caretakers (marbot) enrol from 2024, so their mortality load moves no 2023 claim
    and stands last, off the chart ordered by 2023, while it moves 2027 from 153 % to 249 %, the third widest that
    year. The paragraph before the second table names it; an effect the chart draws is not named."""
    from sim import charts

    scenario = load_scenario("pekalongan-2023-expansion")
    lang = Language(code)
    extra = {"sensitivity": sensitivity_figures(scenario, *tornado(scenario, recalibrate=False))}
    rows = extra["sensitivity"]["rows"]
    (i,) = [i for i, r in enumerate(rows) if r["parameter"] == "segments.marbot.mortality_load"]
    assert rows[i] not in charts.tornado_bars(rows) and rows[i]["claim_ratio_last_high"] > 2.4  # the case
    names = entry_names(scenario, lang)
    para = next(b for b in sensitivity_section(lang, extra, names).blocks if isinstance(b, Para) and "2027" in b.text)
    text = _filled(lang, para, extra)
    assert said.format(name=lang.parameter(rows[i]["parameter"], names), low=lang.percent(rows[i]["claim_ratio_last_low"]),
                       high=lang.percent(rows[i]["claim_ratio_last_high"])) in text
    assert lang.parameter(rows[0]["parameter"], names) not in text  # the widest of both years: drawn, not named


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_sentence_off_the_chart_and_the_recalibrated_columns_are_two_sentences(code):
    """madiun-2026-ucj-csr's second-table paragraph names an effect off the chart and then the recalibrated columns:
    the two once ran together, "…di kedua batas rentangnya.Kolom “setelah kalibrasi ulang”…" (Indonesian review)."""
    import re

    scenario = load_scenario("madiun-2026-ucj-csr")
    lang = Language(code)
    extra = {"sensitivity": sensitivity_figures(scenario, *tornado(scenario)), "calibration": scenario.calibration}
    paras = [b.text for b in sensitivity_section(lang, extra).blocks if isinstance(b, Para)]
    (para,) = [t for t in paras if lang("sens_last_intro", period="2026", last="2030").split("{")[0][:40] in t]
    off = lang("sens_off_chart", items="", last="2030", period="2026").split("“")[0].strip()[:30]
    assert off and off in para  # the case: a sentence off the chart, then the recalibrated columns
    assert not re.search(r"[\w%)”][.;][^\s\d]", para), para
    assert "  " not in para
