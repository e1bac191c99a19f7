"""The first year's claims are the benefits falling due in it: what its deaths and total disabilities leave due later
in scholarship instalments (sim.closed_form.first_year_scholarships, report.json first_year_scholarships) and how the
summary says both, in each language."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.benefits import INDEX
from sim.closed_form import expected, first_year_scholarships
from sim.population import build_model
from sim.report import build
from sim.report_document import Para, fill
from sim.report_sections import summary_section
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
