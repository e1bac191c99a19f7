"""The synthetic national scenario: built from the public province figures, shipped as generated, runnable."""

import numpy as np

from sim.forecast import forecast
from sim.national import (
    CENSUS_TOTAL_2020, COVERED_SHARE, REGENCIES_2020, main, provinces, regencies, scenario_path, scenario_text,
    split_total,
)
from sim.scenario import load_scenario

from conftest import ROOT


def test_province_table_adds_up_to_the_published_census_total_and_514_regencies():
    provs = provinces()
    assert len(provs) == 34
    assert sum(p.population for p in provs) == CENSUS_TOTAL_2020
    assert sum(p.kabupaten for p in provs) == 416 and sum(p.kota for p in provs) == 98


def test_synthetic_regencies_keep_every_province_total():
    regs = regencies()
    assert len(regs) == REGENCIES_2020 and len({r.name for r in regs}) == REGENCIES_2020
    for prov in provinces():
        mine = [r for r in regs if r.province == prov]
        assert len(mine) == prov.kabupaten + prov.kota
        assert sum(r.population for r in mine) == prov.population
    members = sum(r.members for r in regs)
    assert abs(members - COVERED_SHARE * CENSUS_TOTAL_2020) < len(regs)  # rounding only


def test_split_total_is_exact_and_proportional():
    parts = split_total(1000, np.array([1.0, 2.0, 3.0, 0.5]))
    assert parts.sum() == 1000
    assert np.all(np.abs(parts - 1000 * np.array([1.0, 2.0, 3.0, 0.5]) / 6.5) < 1)


def test_shipped_national_scenario_is_the_generated_one(capsys):
    assert scenario_path().read_text(encoding="utf-8") == scenario_text()
    assert main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_national_scenario_is_labelled_synthetic_and_validates():
    scenario = load_scenario("national-2025")
    assert len(scenario.segments) == REGENCIES_2020
    assert "SYNTHETIC" in scenario.title and "SINTETIS" in scenario.titles["id"]
    assert all(s.label.startswith("SYNTHETIC") for s in scenario.segments)
    assert all(s.labels["id"].startswith("SINTETIS") for s in scenario.segments)


def test_tiny_national_run_agrees_with_its_closed_form():
    scenario = load_scenario("national-2025", ["scenario.trials=200", "scenario.horizon_months=2"])
    summary = forecast(scenario, chunk_trials=1000)
    first = summary["periods"][0]
    assert summary["trials"] == 200
    assert abs(first["claims_idr"]["mean"] - first["claims_expected_idr"]) < 4 * first["claims_idr"]["se"]
    assert len({row["segment"] for row in summary["breakdown"]}) == REGENCIES_2020


def test_members_have_the_months_of_membership_of_a_running_programme():
    """Every segment starts with madiun-2025-prior's vulnerable workers' months of membership (a city programme
    since 2020), not all new in January 2025: national BPU membership was 9.19 m already in December 2023. With
    everyone new, no JKM death in 2025 could lead to a scholarship and a quarter of the deaths would pay the early
    Rp10 m: the closed form's 2025 claims per member are then lower, by over a tenth."""
    from dataclasses import replace

    from sim.closed_form import expected
    from sim.population import build_model

    madiun = {s.name: s for s in load_scenario("madiun-2025-prior").segments}["vulnerable"]
    scenario = load_scenario("national-2025")
    assert all(s.tenure == madiun.tenure for s in scenario.segments)
    one = replace(scenario, segments=scenario.segments[:1])
    new = replace(one, segments=tuple(replace(s, tenure=((0, 1.0),)) for s in one.segments))
    running, fresh = (float(expected(build_model(s)).amounts.sum()) for s in (one, new))
    assert running > 1.1 * fresh


def test_the_scale_test_says_why_it_is_not_a_national_forecast():
    """With Madiun's vulnerable workers' ages for all 9.46 m members the scenario expects more JKM deaths in 2025 than
    BPJS TK paid for all its 41.56 m members in 2023 (69,029 claims; DOMAIN.md s.5): its header, description and
    README say it is a scale test, and the figures they give are the closed form's."""
    from sim.benefits import BENEFITS
    from sim.closed_form import expected
    from sim.population import build_model

    e = expected(build_model(load_scenario("national-2025")))
    deaths = e.counts.sum(axis=(0, 1))[list(BENEFITS).index("jkm_death")]
    jkm = e.amounts.sum(axis=(0, 1))[list(BENEFITS).index("jkm_death")] + \
        e.amounts.sum(axis=(0, 1))[list(BENEFITS).index("jkm_scholarship")]
    jkm_premium = e.premium.sum() * 6_800 / 16_800  # the JKM part of the Rp16,800 package
    assert deaths > 69_029
    text = scenario_path().read_text(encoding="utf-8")
    assert f"about {round(deaths, -2):,.0f} JKM deaths" in text and "NOT A NATIONAL FORECAST" in text
    assert f"JKM claim ratio near {round(100 * jkm / jkm_premium, -2):.0f} %" in text
    assert "not a national forecast" in load_scenario("national-2025").descriptions["en"]
    readme = _readme()
    assert "scale test, not a national forecast" in readme
    assert f"expects about {round(deaths, -2):,.0f} JKM deaths in 2025" in readme
    assert f"a JKM claim ratio near {round(100 * jkm / jkm_premium, -2):.0f} %" in readme


def _readme() -> str:
    """README.md with every run of white space made one space (its lines wrap anywhere)."""
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_readme_gives_the_national_scenario_s_own_figures():
    """README "Scale" describes national-2025 by figures that a change to the generator or to the model moves: its
    members, its segments and the cells of its look-up tables, and the closed form's claims and premiums for 2025.
    They are the shipped scenario's, rounded as written."""
    from sim.closed_form import expected
    from sim.population import build_model

    scenario = load_scenario("national-2025")
    model = build_model(scenario)
    e = expected(model)
    claims, premium = float(e.amounts.sum()), float(e.premium.sum())
    members = sum(s.members for s in scenario.segments)
    (cells, months), = {segment.jkm_rate.shape for segment in model.segments}  # every segment's (cells, months)
    readme = _readme()
    assert f"Every city and regency of Indonesia ({REGENCIES_2020}) as one segment" in readme
    assert f"That is {members / 1e6:.2f} million members" in readme
    assert f"now Rp{claims / 1e9:,.0f} bn (premiums Rp{premium / 1e9:,.0f} bn)" in readme
    assert f"{len(model.segments)} segments x {cells} cells (sex, age, four groups of months of membership) x " \
           f"{months} months" in readme
    assert f"premiums of about Rp{premium / 1e12:.1f} tn against claims of about Rp{claims / 1e12:.1f} tn a year " \
           f"({100 * claims / premium:.0f} %" in readme
