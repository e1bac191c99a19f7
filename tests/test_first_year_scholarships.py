"""The first year's claims are the benefits falling due in it: what its deaths and total disabilities leave due later
in scholarship instalments (sim.closed_form.first_year_scholarships, report.json first_year_scholarships) and how the
summary says both, in each language."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.benefits import INDEX
from sim.closed_form import expected, first_year_scholarships, horizon_scholarships
from sim.population import build_model
from sim.report import build
from sim.report_document import Para, fill
from sim.report_sections import horizon_later_blocks, results_section, summary_section
from sim.scenario import load_scenario
from test_report import one_commit  # noqa: F401  (the module-wide commit fixture)

SCHOLARSHIPS = [INDEX["jkm_scholarship"], INDEX["jkk_scholarship"]]
LONG = 12 * 30  # months: longer than any scholarship schedule (a child is paid up to 23) after the first year


def _only_first_year_events(ref: str) -> tuple[np.ndarray, np.ndarray]:
    """The closed form's scholarship amounts by period (all segments) of the scenario run over LONG months with no
    death or accident after its first calendar year: every instalment of the first year's claims, by the period it
    falls in. Independent of first_year_scholarships' longer period map: the horizon itself holds the schedules."""
    model = build_model(load_scenario(ref, [f"scenario.horizon_months={LONG}"]))
    later = model.period_of_month != 0
    segments = []
    for exp in model.segments:
        jkm, jkk = exp.jkm_rate.copy(), exp.jkk_rate.copy()
        jkm[:, later] = 0.0
        jkk[:, later] = 0.0
        segments.append(dataclasses.replace(exp, jkm_rate=jkm, jkk_rate=jkk))
    closed = expected(dataclasses.replace(model, segments=tuple(segments)))
    return closed.amounts[..., SCHOLARSHIPS].sum(axis=(1, 2)), closed.counts[..., SCHOLARSHIPS].sum(axis=(1, 2))


@pytest.mark.parametrize("ref", ["madiun-2025", "jambi-2025", "madiun-2023"])
def test_the_first_years_later_instalments_match_a_long_horizon_with_only_its_events(ref):
    """Split at the scenario's own horizon, the long run's instalments are the first year's (in its period), those
    later inside the horizon and those after it; none is left unpaid at the long run's end."""
    model = build_model(load_scenario(ref))
    periods = len(model.period_labels)
    amounts, counts = _only_first_year_events(ref)
    assert amounts[-1] == 0.0  # the long horizon holds every schedule to its end
    found = first_year_scholarships(model)
    for name, by_period in (("idr", amounts), ("instalments", counts)):
        split = (by_period[0], by_period[1:periods].sum(), by_period[periods:].sum())
        got = tuple(found[f"{part}_{name}"] for part in ("in_period", "later_in_horizon", "after_horizon"))
        np.testing.assert_allclose(got, split, rtol=1e-9, atol=1e-6)
    # The first period's part is the closed form's scholarships of that period: the year's claims hold it.
    own = expected(model).amounts[0][..., SCHOLARSHIPS].sum()
    assert found["in_period_idr"] == pytest.approx(own, rel=1e-12)


def test_madiun_2025s_cases_cost_more_than_its_2025_claims():
    """The reviewer's figures: 2025's deaths and accidents create about Rp452 m of instalments, Rp47 m of them due
    in 2025, so they cost about Rp7.15 bn against the Rp6.75 bn falling due in 2025 (closed form)."""
    model = build_model(load_scenario("madiun-2025"))
    found = first_year_scholarships(model)
    total = found["in_period_idr"] + found["later_in_horizon_idr"] + found["after_horizon_idr"]
    assert total == pytest.approx(452.3e6, abs=0.1e6)
    assert found["in_period_idr"] == pytest.approx(47.2e6, abs=0.1e6)
    assert found["later_in_horizon_idr"] == pytest.approx(88.8e6, abs=0.1e6)
    year = expected(model).amounts[0].sum()
    assert year == pytest.approx(6.747e9, abs=1e6)
    assert year + total - found["in_period_idr"] == pytest.approx(7.152e9, abs=1e6)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    scenario = load_scenario("madiun-2025", ["scenario.trials=200"])
    return {code: build(scenario, code, tmp_path_factory.mktemp(code)) for code in ("id", "en")}


def _summary_text(report) -> str:
    section = summary_section(report.lang, report.scenario, report.summary, report.extra)
    lang = report.lang
    return " ".join(fill(b.text, {k: lang.figure(f.kind, f.value) for k, f in b.figures.items()})
                    for b in section.blocks if isinstance(b, Para))


@pytest.mark.parametrize("code, said", [
    ("en", ["The benefits falling due in 2025 for deaths and work accidents",
            "These cases also leave scholarship instalments of Rp405.1 m due after 2025 (an expected value, "
            "undiscounted; Rp88.8 m of it by the horizon's end, December 2027), which the 2025 figure leaves out.",
            "Counted by the year of the event, the 2025 claims come to about",
            "A second effect pulls the other way",
            "How long payment takes is not known, so neither is which of the two effects is larger."]),
    ("id", ["Manfaat atas kematian dan kecelakaan kerja yang jatuh tempo pada tahun 2025",
            "Kasus-kasus itu juga meninggalkan pembayaran beasiswa sebesar Rp405,1 juta yang jatuh tempo setelah "
            "tahun 2025 (nilai harapan, tanpa diskonto; Rp88,8 juta di antaranya jatuh tempo sebelum akhir periode "
            "proyeksi, Desember 2027) dan tidak termuat dalam angka 2025 di atas.",
            "Bila dihitung menurut tahun kejadian, klaim 2025 menjadi sekitar",
            "Ada pengaruh lain yang arahnya berlawanan",
            "Lamanya jeda pembayaran itu tidak diketahui, sehingga tidak diketahui pula pengaruh mana yang lebih "
            "besar."]),
])
def test_the_summary_says_claims_fall_due_and_what_the_years_cases_leave_later(reports, code, said):
    """The headline claims are the benefits falling due in 2025 (not the cost of 2025's events), followed by what
    those cases leave due later and the year's claims and ratio by event year; the calibration paragraph names the
    payment lag's opposite lean."""
    report = reports[code]
    text = _summary_text(report)
    for words in said:
        assert words in text, words
    assert "For the deaths and work accidents of 2025" not in text
    assert "Atas kematian dan kecelakaan kerja pada tahun 2025" not in text
    later, first = report.extra["first_year_scholarships"], report.summary["periods"][0]
    assert later["event_year_claims_idr"] == pytest.approx(first["claims_idr"]["mean"] + later["due_later_idr"],
                                                         abs=0.02)
    assert later["event_year_claim_ratio"] == pytest.approx(later["event_year_claims_idr"] / first["premium_idr"],
                                                          abs=1e-4)
    ratio = report.lang.percent(later["event_year_claim_ratio"])
    assert ratio not in (report.lang.percent(first["claim_ratio"]["mean"]),)
    assert f"{ratio}" in text


# --- the whole horizon's cases: what they leave due after it (report.json horizon_scholarships) ----------------------


def _only_horizon_events(ref: str) -> tuple[np.ndarray, np.ndarray, int]:
    """As :func:`_only_first_year_events`, with every death and accident of the scenario's own horizon kept and none
    after it: (amounts, counts) by period of the long run, and the number of periods of the scenario's horizon."""
    own = build_model(load_scenario(ref))
    months = own.period_of_month.size
    model = build_model(load_scenario(ref, [f"scenario.horizon_months={months + LONG}"]))
    assert model.month_dates[months - 1] == own.month_dates[-1] and own.month_dates[-1].month == 12
    segments = []
    for exp in model.segments:
        jkm, jkk = exp.jkm_rate.copy(), exp.jkk_rate.copy()
        jkm[:, months:] = 0.0
        jkk[:, months:] = 0.0
        segments.append(dataclasses.replace(exp, jkm_rate=jkm, jkk_rate=jkk))
    closed = expected(dataclasses.replace(model, segments=tuple(segments)))
    return (closed.amounts[..., SCHOLARSHIPS].sum(axis=(1, 2)), closed.counts[..., SCHOLARSHIPS].sum(axis=(1, 2)),
            len(own.period_labels))


@pytest.mark.parametrize("ref", ["madiun-2025", "jambi-2025", "madiun-2023"])
def test_the_horizons_later_instalments_match_a_long_horizon_with_only_its_events(ref):
    """The long run's instalments split at the scenario's horizon: those inside it are the closed form's scholarships
    of the horizon (its claims hold them), those after it what horizon_scholarships says is left due."""
    model = build_model(load_scenario(ref))
    amounts, counts, periods = _only_horizon_events(ref)
    assert amounts[-1] == 0.0  # the long horizon holds every schedule to its end
    found = horizon_scholarships(model)
    for name, by_period in (("idr", amounts), ("instalments", counts)):
        split = (by_period[:periods].sum(), by_period[periods:].sum())
        np.testing.assert_allclose((found[f"in_horizon_{name}"], found[f"after_horizon_{name}"]), split,
                                   rtol=1e-9, atol=1e-6)
    own = expected(model).amounts[..., SCHOLARSHIPS].sum()
    assert found["in_horizon_idr"] == pytest.approx(own, rel=1e-12)
    assert found["after_horizon_idr"] > first_year_scholarships(model)["after_horizon_idr"] > 0


@pytest.mark.parametrize("code, said", [
    ("en", "The deaths and total disabilities of 2025–2027 also leave scholarship instalments of Rp2.07 bn (463 "
           "instalments; an expected value, undiscounted) falling due after December 2027. The table's claims leave "
           "them out, as claims are the benefits falling due in the period; BPJS will still pay them after the "
           "horizon ends. That is 10% of the horizon's claims by direct calculation."),
    ("id", "Kematian dan cacat total tetap 2025–2027 juga meninggalkan pembayaran beasiswa sebesar Rp2,07 miliar (463 "
           "pembayaran; nilai harapan, tanpa diskonto) yang baru jatuh tempo setelah Desember 2027. Angka klaim dalam "
           "tabel tidak memuatnya, karena klaim adalah manfaat yang jatuh tempo dalam periode; BPJS masih akan "
           "membayarnya setelah periode proyeksi berakhir. Jumlah itu setara dengan 10% klaim seluruh periode menurut "
           "perhitungan langsung.")])
def test_the_results_say_what_the_horizons_cases_leave_due_after_it(reports, code, said):
    """madiun-2025: its 2025-2027 deaths and total disabilities leave about Rp2.07 bn of instalments after 2027
    (an actuarial review), some 10 % of the three years' claims, which the results table's claims leave out. Each
    figure is traced to report.json horizon_scholarships, and equals the closed form's."""
    report = reports[code]
    later = report.extra["horizon_scholarships"]
    found = horizon_scholarships(build_model(report.scenario))
    assert later["due_after_horizon_idr"] == pytest.approx(found["after_horizon_idr"], abs=0.01)
    claims = expected(build_model(report.scenario)).amounts.sum()
    assert later["share_of_horizon_claims"] == pytest.approx(found["after_horizon_idr"] / claims, abs=5e-5)
    section = results_section(report.lang, report.summary, report.extra, report.scenario)
    paras = [b for b in section.blocks if isinstance(b, Para) and "after" in b.figures]
    assert len(paras) == 1 and {f.key for f in paras[0].figures.values()} == {
        "horizon_scholarships.due_after_horizon_idr", "horizon_scholarships.instalments_after_horizon",
        "horizon_scholarships.share_of_horizon_claims"}
    lang = report.lang
    assert fill(paras[0].text, {k: lang.figure(f.kind, f.value) for k, f in paras[0].figures.items()}) == said


def test_a_one_year_horizon_leaves_it_to_the_summarys_first_year_sentence(reports):
    """A horizon of one year: the summary's sentence on the first year's later instalments says it already."""
    report = reports["en"]
    one = {"periods": [p for p in report.summary["periods"] if p["period"] in ("2025", "total")]}
    assert horizon_later_blocks(report.lang, one, report.extra) == []
    assert horizon_later_blocks(report.lang, report.summary, report.extra)  # the same figures, three years
