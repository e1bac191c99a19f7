"""Reports of scenarios whose members are projected (enrolment pipeline, quotas, a funding plan): the budget lines
follow the projected members year by year, not the members at the start (0 for jambi-2025-pipeline), every number
traced to report.json; scenarios without a projection keep their layout, with the coverage chart's caption, legend
and wording fixed."""

from __future__ import annotations

import json
import re

import pytest
from matplotlib.lines import Line2D

from sim import charts
from sim import report as report_module
from sim.i18n import Language
from sim.report import build
from sim.report_planning import planning_figures
from sim.scenario import load_scenario
from test_report import check_figures, parse, pdf_text

TRIALS = 300


@pytest.fixture(scope="module", autouse=True)
def one_commit():
    """As in test_report: the report folder's name must not change if a commit lands while the tests run."""
    commit = report_module.git_commit()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_module, "git_commit", lambda: commit)
        yield


def _build(scenario_id: str, root, lang: str = "id"):
    return build(load_scenario(scenario_id, [f"scenario.trials={TRIALS}"]), lang, root)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return _build("jambi-2025-pipeline", tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def pipeline_en(tmp_path_factory):
    return _build("jambi-2025-pipeline", tmp_path_factory.mktemp("reports"), "en")


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    return _build("madiun-2025", tmp_path_factory.mktemp("reports"))


def section_text(folder, key: str) -> str:
    html = (folder / "report.html").read_text(encoding="utf-8")
    body = re.search(rf'<section id="{key}".*?</section>', html, re.S).group(0)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))  # a tag separates words
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", text))


def section_figures(folder, key: str) -> list[dict]:
    """The traced figures of one section, in order."""
    html = (folder / "report.html").read_text(encoding="utf-8")
    body = re.search(rf'<section id="{key}".*?</section>', html, re.S).group(0)
    return [{"src": m[1], "key": m[2], "text": m[3]}
            for m in re.finditer(r'<span class="fig" data-src="([^"]+)" data-key="([^"]+)"[^>]*>([^<]*)</span>', body)]


# --- the projection, year by year ------------------------------------------------------------------------------


def test_planning_figures_follow_the_projected_members_and_premiums():
    plan = planning_figures(load_scenario("jambi-2025-pipeline"))
    assert plan["start_members"] == 0
    years = {y["year"]: y for y in plan["years"]}
    assert list(years) == ["2025", "2026", "2027"]
    for y in years.values():
        assert y["budget_idr"] == 604_000_000
        assert y["budget_per_member_idr"] == 201_600 == 16_800 * 12  # BPU, lowest income band, paid by the APBD
        assert y["members_affordable"] == 2996  # 604,000,000 / 201,600 = 2,996.03
        assert y["budget_spent_idr"] + y["budget_left_idr"] == pytest.approx(y["budget_idr"])
    # 2025: members join through the pipeline from April, so the premium is part of the budget.
    assert years["2025"]["budget_spent_idr"] == pytest.approx(331_292_691.81, abs=1)
    assert years["2025"]["budget_left_idr"] == pytest.approx(272_707_308.19, abs=1)
    assert years["2026"]["budget_left_idr"] == years["2027"]["budget_left_idr"] == 0
    assert [y["target"] for y in years.values()] == [3000, 3500, 4000]
    assert [y["target_premium_idr"] for y in years.values()] == [604_800_000, 705_600_000, 806_400_000]
    assert [y["target_reached"] for y in years.values()] == [True, False, False]
    assert years["2026"]["budget_spent_in_full"] and years["2027"]["held_year_end"] > 0
    assert years["2026"]["members"] == pytest.approx(2996.03, abs=0.01)  # the budget caps the members
    assert [m["members"] for m in plan["months"][:3]] == [0, 0, 0] and len(plan["months"]) == 36


def test_planning_figures_take_the_forecasts_projection_instead_of_projecting_again(monkeypatch):
    from sim import report_planning
    from sim.population import build_model

    scenario = load_scenario("jambi-2025-pipeline")
    own = planning_figures(scenario)
    projection = build_model(scenario).projection  # what the forecast of the report projected

    def no_second_projection(*args, **kwargs):
        raise AssertionError("planning_figures projected the scenario again")

    monkeypatch.setattr(report_planning, "project_scenario", no_second_projection)
    assert planning_figures(scenario, projection) == own


def test_a_scenario_without_a_projection_has_no_planning_figures():
    assert planning_figures(load_scenario("madiun-2025")) is None


# --- jambi-2025-pipeline: 0 members at the start -------------------------------------------------------------


def test_budget_year_counts_the_claims_of_its_own_members(pipeline):
    """report.json's budget_year: a year's premium of the members at the start (none in jambi-2025-pipeline) and
    the expected claims of those same members, not the plan's first year (Rp272.7 m for 1,643 members on average
    joining through 2025, set beside 0 members and a premium of Rp0)."""
    year = pipeline.extra["budget_year"]
    assert year["members"] == 0 and year["annual_premium_idr"] == 0
    assert year["expected_claims_idr"] == 0


def test_pipeline_report_has_no_budget_line_from_the_starting_members(pipeline):
    folder = pipeline.folder
    check_figures(folder)  # every figure equals its source in summary.json or report.json
    summary = section_figures(folder, "summary")
    assert not [f for f in summary if f["src"] == "summary.json" and f["key"].startswith("budget.")]
    text = section_text(folder, "summary")
    for wrong in ("Anggaran iuran per tahun Rp0", "Peserta 0", "Iuran untuk 0 peserta", "untuk sekitar - peserta",
                  "diperlukan - per tahun", "( - per peserta", "masih tersisa Rp604,0 juta"):
        assert wrong not in text, wrong
    assert "Untuk 0 peserta" not in section_text(folder, "budget")
    # The first tile is the answer (the APBD 2025 needs), not the budget the scenario assumes (Rp604,0 juta).
    assert "APBD yang dibutuhkan 2025 Rp331,3 juta" in text and "Peserta akhir 2027 2.938" in text
    assert "Anggaran APBD 2025" not in text


def test_pipeline_report_says_what_the_budget_buys_and_what_the_targets_take(pipeline):
    keys = {f["key"]: f["text"] for f in section_figures(pipeline.folder, "summary") if f["src"] == "report.json"}
    assert keys["planning.years.0.members_affordable"] == "2.996"
    assert keys["planning.years.0.budget_per_member_idr"] == "Rp201.600"
    assert [keys[f"planning.years.{i}.target_premium_idr"] for i in range(3)] == [
        "Rp604,8 juta", "Rp705,6 juta", "Rp806,4 juta"]
    text = section_text(pipeline.folder, "summary")
    assert "cukup untuk iuran setahun penuh 2.996 peserta" in text
    assert re.search(r"3\.000 \(2025\), 3\.500 \(2026\) dan 4\.000 \(2027\) peserta memerlukan iuran setahun penuh "
                     r"Rp604,8 juta, Rp705,6 juta dan Rp806,4 juta", text)


def test_pipeline_report_states_the_leftover_of_each_year(pipeline):
    keys = {f["key"]: f["text"] for f in section_figures(pipeline.folder, "summary")}
    assert [keys[f"planning.years.{i}.budget_spent_idr"] for i in range(3)] == [
        "Rp331,3 juta", "Rp604,0 juta", "Rp604,0 juta"]
    assert [keys[f"planning.years.{i}.budget_left_idr"] for i in range(3)] == ["Rp272,7 juta", "Rp0", "Rp0"]
    extra = json.loads((pipeline.folder / "report.json").read_text())
    assert [y["budget_left_idr"] for y in extra["planning"]["years"]] == [272_707_308.19, 0, 0]


def test_pipeline_report_says_which_targets_are_missed_and_why(pipeline):
    text = section_text(pipeline.folder, "summary")
    assert "Target tercapai pada 2025 (3.000 peserta pada akhir tahun, target 3.000)" in text
    missed = re.search(r"Target tidak tercapai pada (.*?)\. Yang membatasi adalah anggaran", text)
    assert missed, text
    assert "2026 (2.946 peserta pada akhir tahun, target 3.500" in missed[1]
    assert "2027 (2.938 peserta pada akhir tahun, target 4.000" in missed[1]
    assert "menunggu dana" in missed[1]
    assert "kurang 554;" in missed[1] and "di segmen" not in missed[1]  # one segment: 3,500 - 2,946, as it reads
    table = section_text(pipeline.folder, "budget")
    assert "2026 2.996 2.946 3.500 tidak Rp705,6 juta" in table  # members and targets
    # The APBD: its members, budget, paid, left, the members it pays a full year for, and the quota path's need.
    assert "2026 2.996 Rp604,0 juta Rp604,0 juta Rp0 2.996 Rp679,1 juta" in table


def test_pipeline_report_drops_the_constant_membership_notes(pipeline):
    html = (pipeline.folder / "report.html").read_text(encoding="utf-8")
    assert "dianggap tetap sejak awal" not in html
    assert "Jumlah peserta tetap sejak awal" not in html
    assert "Peserta baru masuk bulan demi bulan" in section_text(pipeline.folder, "methodology")
    assert "mengikuti proyeksi kepesertaan" in section_text(pipeline.folder, "budget")


def test_pipeline_report_in_english(pipeline_en):
    folder = pipeline_en.folder
    assert parse(folder).lang == "en"
    check_figures(folder)
    text = section_text(folder, "summary")
    assert "pays a full year of premiums for 2,996 APBD-paid members (Rp201,600 per member per year)" in text
    assert "2025 Rp331.3 m (Rp272.7 m left), 2026 Rp604.0 m (Rp0 left) and 2027 Rp604.0 m (Rp0 left)" in text
    assert "Target reached in 2025" in text and "Target missed in 2026 (2,946 members at the year-end, target 3,500" in text
    assert "fixed at the start" not in (folder / "report.html").read_text(encoding="utf-8")


def test_pipeline_pdf_and_terminal_line_carry_the_projected_figures(pipeline):
    text = pdf_text(pipeline.folder)
    for figure in ("Rp604,0 juta", "2.996", "Rp272,7 juta", "Rp705,6 juta", "Rp806,4 juta"):
        assert figure in text, figure
    line = report_module.headline(pipeline)
    assert "untuk 0 peserta" not in line and "Rp0" not in line
    assert "iuran 2025 Rp331,3 juta untuk rata-rata 1.643 peserta, 2.938 peserta pada akhir 2027" in line


def test_pipeline_charts_show_the_projected_members_and_premiums(pipeline):
    plan, lang = pipeline.extra["planning"], Language("id")
    fig = charts.plan_members(plan["months"], plan["years"], lang)
    ax = fig.axes[0]
    members = ax.get_lines()[0].get_ydata()
    assert list(members) == [m["members"] for m in plan["months"]] and max(members) > 2900
    assert ax.get_ylim()[1] > 4000  # the 4,000 target is inside the plot
    _assert_legend_below(ax)
    fig = charts.plan_premium(plan["years"], plan["payers"], lang)
    ax = fig.axes[0]
    heights = [round(p.get_height()) for p in ax.patches]
    assert heights == [round(y["premium_idr"]) for y in plan["years"]]
    assert all(not t.get_text().startswith("-") for t in ax.get_yticklabels())
    assert ax.get_ylabel() == "Rp juta"
    _assert_legend_below(ax)


# --- scenarios without a projection keep their layout --------------------------------------------------------------


def test_madiun_keeps_its_headline_figures(madiun):
    folder = madiun.folder
    check_figures(folder)
    assert madiun.extra["planning"] is None
    tiles = [f["key"] for f in section_figures(folder, "summary")][:2]
    assert tiles == ["budget.annual_premium_start_members_idr", "budget.start_members"]
    text = section_text(folder, "summary")
    assert "Rp3,05 miliar" in text and "17.484" in text
    assert "Iuran untuk 17.484 peserta selama setahun penuh adalah Rp3,05 miliar" in text


def caption(folder, chart: str) -> str:
    html = (folder / "report.html").read_text(encoding="utf-8")
    return re.search(rf'<figure data-chart="{chart}">.*?<figcaption>(.*?)</figcaption>', html, re.S)[1]


def test_madiun_coverage_caption_promises_only_what_is_drawn(madiun, pipeline):
    """madiun-2025 has neither budget nor target: the caption names neither; jambi-2025-pipeline's charts have
    both, and their captions say so."""
    assert caption(madiun.folder, "coverage") == (
        "Iuran setahun dan perkiraan klaim 12 bulan menurut jumlah peserta (komposisi segmen dan lama kepesertaan "
        "yang sama).")
    assert "anggaran APBD" in caption(pipeline.folder, "coverage") and "target" in caption(pipeline.folder, "coverage")
    assert "anggaran APBD" in caption(pipeline.folder, "funding")


def test_madiun_says_the_chart_holds_for_the_same_tenure_mix(madiun):
    budget = section_text(madiun.folder, "budget")
    assert "berlaku untuk berapa pun jumlah peserta dengan komposisi itu" in budget
    assert "setelah 36 bulan kepesertaan" in budget and "3 bulan pertama hanya mendapat Rp10,0 juta" in budget
    keys = {f["key"] for f in section_figures(madiun.folder, "budget")}
    assert {"budget_year.scholarship_min_membership_months", "budget_year.bpu_early_death_months",
            "budget_year.bpu_early_death_benefit_idr"} <= keys


def test_coverage_chart_legend_shows_the_line_styles_drawn_and_sits_below_the_plot(madiun):
    import pandas as pd

    year = madiun.extra["budget_year"]
    fig = charts.budget_coverage(pd.DataFrame(madiun.extra["coverage"]), year["members"], Language("id"))
    ax = fig.axes[0]
    drawn = {line.get_label(): line.get_linestyle() for line in ax.get_lines() if not line.get_label().startswith("_")}
    legend = ax.get_legend()
    shown = {text.get_text(): handle.get_linestyle() for text, handle in zip(legend.get_texts(), legend.legend_handles)
             if isinstance(handle, Line2D)}
    assert shown == drawn and "-." in shown.values()
    assert legend.handlelength >= 3  # long enough for a dash-dot pattern to show as one
    _assert_legend_below(ax)


def _assert_legend_below(ax):
    legend = ax.get_legend()
    assert legend is not None
    fig = ax.figure
    fig.canvas.draw()
    box = legend.get_window_extent()
    assert box.y1 <= ax.get_window_extent().y0, "the legend overlaps the plot"


def test_a_years_claims_are_owed_not_said_to_be_paid_that_year(pipeline):
    """The claims of a year are the benefits of its events: with reporting and verification delays ([claim_timing],
    which jambi-2025-pipeline has) BPJS pays part of them the next year, so the report says BPJS owes them."""
    summary = section_text(pipeline.folder, "summary")
    assert "Atas kematian dan kecelakaan kerja pada tahun 2025, BPJS Ketenagakerjaan diperkirakan menanggung" in summary
    assert "membayar manfaat" not in summary
    assert "BPJS dapat membayar sebagian klaim pada tahun berikutnya" in section_text(pipeline.folder, "results")


def test_a_segment_target_is_priced_at_what_its_members_cost_that_year_all_payers_together():
    """madiun-2026-ucj-csr's 2026 targets were priced at each segment's own payer's rate (the APBD's Rp16,800 a
    month for a BPU member), while CSR pledges paid some informal workers at the 2026 discounted Rp8,400 (PP
    50/2025): Rp3.66 bn "from all payers together" where they paid Rp3.53 bn at the year's rates."""
    from sim.expansion import project_scenario

    scenario = load_scenario("madiun-2026-ucj-csr")
    projection = project_scenario(scenario)
    first = planning_figures(scenario, projection)["years"][0]
    assert first["year"] == "2026"
    months = projection.years == 2026
    members = projection.members()
    paid_rate, own_rate = {}, {}
    for (name, year), target in projection.targets.items():
        if year != 2026:
            continue
        s = projection.index(name)
        paid = sum(float(v[s, months].sum()) for v in projection.premium.values())
        paid_rate[name] = target * 12 * paid / float(members[s, months].sum())
        own = {seg.name: seg.payer for seg in scenario.segments}[name]
        own_rate[name] = target * 12 * float(projection.premium[own][s, months].sum() + 0.0) / max(
            float(projection.member_months[own][s, months].sum()), 1e-9)
    assert first["target_premium_idr"] == pytest.approx(sum(paid_rate.values()), rel=1e-9)
    # The CSR-paid members' discount makes the year's cost per member lower than the APBD's own rate.
    assert sum(paid_rate.values()) < sum(own_rate.values()) - 100e6


def test_a_year_end_target_counts_as_reached_within_the_same_tolerance_as_sim_plan():
    """One segment of 100 members all year at Rp16,800 a month, with a year-end target of 100: 99.6 members on 31
    December are 0.4 % short, within the 0.5 % that sim.budget.targets_met (sim plan's answers) allows, so the report
    says reached as sim plan does; 99.4 (0.6 % short) is missed. A full year of the 100 target members costs
    100 x 16,800 x 12 at the rate they paid."""
    from types import SimpleNamespace

    import numpy as np

    from sim.budget import targets_met
    from sim.report_planning import TARGET_TOLERANCE, _Projected

    assert TARGET_TOLERANCE == targets_met.__defaults__[0]
    month = np.full((1, 12), 1.0)

    def fields(year_end: float) -> dict:
        projection = SimpleNamespace(years=np.full(12, 2026), index=lambda name: 0,
                                     premium={"APBD": 100 * 16_800 * month})
        figures = _Projected(projection, 100 * month, year_end * month, 16_800 * month, 16_800 * month, None, None)
        return figures.target_fields({("a", 2026): 100.0}, 2026, None)

    reached = fields(99.6)
    assert reached["target_reached"] is True and reached["target_short"] == pytest.approx(0.4)
    assert reached["target_premium_idr"] == 100 * 16_800 * 12
    assert fields(99.4)["target_reached"] is False
