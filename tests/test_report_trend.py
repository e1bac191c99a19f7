"""Why the claim ratio changes over the horizon (sim.ratio_change) and the summary's paragraph that says so
(sim.report_trend). The split is exact by construction (the parts add up to the change), so the tests check it
against cases whose answer is known without it, and against the closed form's own claims."""

from __future__ import annotations

import copy

import pytest

from sim.forecast import forecast
from sim.i18n import Language
from sim.ratio_change import GROUPS, ratio_change, year_factors
from sim.report_document import fill, lookup
from sim.report_trend import trend_blocks
from sim.scenario import load_scenario

BENEFITS = list(GROUPS)


def _summary(years: dict) -> dict:
    """A summary.json shape: per year (members, premium, {benefit: (amount, count)}), 12 months each."""
    periods, breakdown = [], []
    for year, (members, premium, benefits) in years.items():
        periods.append({"period": year, "months": 12, "members": members, "premium_idr": premium,
                        "claim_ratio": {"mean": sum(a for a, _ in benefits.values()) / premium}})
        breakdown += [{"period": year, "segment": "s", "benefit": b, "expected_idr": benefits.get(b, (0.0, 0.0))[0],
                       "count_expected": benefits.get(b, (0.0, 0.0))[1]} for b in BENEFITS]
    periods.append({"period": "total", "months": 12 * len(years), "members": 0.0, "premium_idr": 1.0})
    return {"periods": periods, "breakdown": breakdown}


BASE = {"jkm_death": (420e6, 10.0), "jkm_scholarship": (20e6, 4.0), "jkk_medical": (30e6, 8.0)}


def test_one_factor_moved_takes_the_whole_change():
    """Each case moves one factor alone; its part is the whole change and every other part is 0."""
    cases = {
        "death_rate": {"jkm_death": (840e6, 20.0)},  # twice the deaths at the same benefit
        "benefit_per_death": {"jkm_death": (630e6, 10.0)},  # the same deaths, Rp63 m each
        "scholarships": {"jkm_scholarship": (80e6, 9.0)},
        "accidents": {"jkk_medical": (60e6, 16.0)},
    }
    for factor, moved in cases.items():
        later = dict(BASE, **moved)
        change = ratio_change(_summary({"2025": (1000.0, 200e6, BASE), "2026": (1000.0, 200e6, later)}))
        parts = {p["factor"]: p["change"] for p in change["parts"]}
        assert change["change"] == pytest.approx((sum(a for a, _ in later.values()) - 470e6) / 200e6)
        assert parts[factor] == pytest.approx(change["change"]), factor
        assert all(abs(v) < 1e-12 for f, v in parts.items() if f != factor), factor
    # A higher premium per member alone: the ratio falls by exactly claims x (1/p1 - 1/p0).
    change = ratio_change(_summary({"2025": (1000.0, 200e6, BASE), "2026": (1000.0, 250e6, BASE)}))
    assert change["parts"][0]["factor"] == "premium"
    assert change["parts"][0]["change"] == pytest.approx(470e6 / 250e6 - 470e6 / 200e6)


def test_members_alone_change_nothing_and_a_part_year_counts_per_member_year():
    """Twice the members with twice the claims and premium is the same year per member; a six-month year with
    half of everything too."""
    double = {b: (2 * a, 2 * n) for b, (a, n) in BASE.items()}
    half = {b: (a / 2, n / 2) for b, (a, n) in BASE.items()}
    summary = _summary({"2025": (1000.0, 200e6, BASE), "2026": (2000.0, 400e6, double)})
    assert all(abs(p["change"]) < 1e-12 for p in ratio_change(summary)["parts"])
    summary = _summary({"2025": (1000.0, 100e6, half), "2026": (1000.0, 200e6, BASE)})
    summary["periods"][0]["months"] = 6
    first = year_factors(summary)[0]
    assert first["deaths_per_1000"] == pytest.approx(10.0) and first["premium_per_member_idr"] == pytest.approx(2e5)
    assert all(abs(p["change"]) < 1e-12 for p in ratio_change(summary)["parts"])


def test_a_year_without_deaths_still_adds_up():
    quiet = {"jkm_scholarship": (20e6, 4.0), "jkk_medical": (30e6, 8.0)}
    change = ratio_change(_summary({"2025": (1000.0, 200e6, quiet), "2026": (1000.0, 200e6, BASE)}))
    assert sum(p["change"] for p in change["parts"]) == pytest.approx(change["change"])
    assert change["first"]["benefit_per_death_idr"] is None
    assert {p["factor"]: p["change"] for p in change["parts"]}["death_rate"] == pytest.approx(420e6 / 200e6)


def test_an_unknown_benefit_is_an_error_not_a_gap():
    summary = _summary({"2025": (1000.0, 200e6, BASE), "2026": (1000.0, 200e6, BASE)})
    summary["breakdown"][0]["benefit"] = "jkp_cash"
    with pytest.raises(KeyError):
        ratio_change(summary)


@pytest.fixture(scope="module")
def jambi():
    scenario = load_scenario("jambi-2025-pipeline", ["scenario.trials=2000"])
    return scenario, forecast(scenario, exact_check=False)


def test_the_factors_rebuild_the_closed_form_claims(jambi):
    """Per year: (deaths x benefit per death + scholarships + other JKK) x member-years = the closed form's claims;
    and the parts add up to the change of its claim ratio."""
    _, summary = jambi
    years = year_factors(summary)
    periods = {p["period"]: p for p in summary["periods"]}
    assert [y["period"] for y in years] == ["2025", "2026", "2027"]
    for y in years:
        per_member = (y["deaths_per_1000"] / 1000 * y["benefit_per_death_idr"] + y["scholarships_per_member_idr"]
                      + y["accidents_per_member_idr"])
        assert per_member * y["member_years"] == pytest.approx(periods[y["period"]]["claims_expected_idr"], rel=1e-9)
        assert y["claim_ratio"] == pytest.approx(periods[y["period"]]["claims_expected_idr"]
                                                 / periods[y["period"]]["premium_idr"], rel=1e-9)
    change = ratio_change(summary)
    assert sum(p["change"] for p in change["parts"]) == pytest.approx(change["change"], abs=1e-12)


def _shown(lang: Language, para, summary: dict, extra: dict) -> str:
    """The paragraph as printed; every figure is found again at its key in its file."""
    files = {"summary.json": summary, "report.json": extra}
    for f in para.figures.values():
        assert lookup(files[f.src], f.key) == f.value, f.key
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


def _extra(summary: dict, projected: bool = False) -> dict:
    """What report.json holds for the paragraph; ``projected``: members projected (planning figures present)."""
    return {"ratio_change": ratio_change(summary), "planning": {"years": []} if projected else None,
            "budget_year": {"bpu_early_death_months": 3, "bpu_early_death_benefit_idr": 10_000_000,
                            "scholarship_min_membership_months": 36}}  # the rules in force in 2025 (regulation.toml)


def test_jambi_says_the_first_year_is_low_because_its_members_are_new(jambi):
    """jambi-2025-pipeline enrols everyone during 2025: the BPU early-death rule (Rp10 m for a death within 3 months
    of joining) lowers 2025's benefit per death, the largest part of the rise."""
    scenario, summary = jambi
    extra = _extra(summary, projected=True)
    first = extra["ratio_change"]["parts"][0]
    assert first["factor"] == "benefit_per_death" and first["from"] < 0.8 * first["to"]
    (para,) = trend_blocks(Language("en"), scenario, summary, extra)
    text = _shown(Language("en"), para, summary, extra)
    ratios = [Language("en").percent(p["claim_ratio"]["mean"]) for p in summary["periods"][:3]]
    assert text.startswith(f"The claim ratio (simulation mean) changes from year to year: {ratios[0]} in 2025, "
                           f"{ratios[1]} in 2026 and {ratios[2]} in 2027.")
    points = Language("en").points(extra["ratio_change"]["change"])
    # The split is by direct calculation: its own first and last ratios beside it, whose difference is its points.
    direct = [Language("en").percent(extra["ratio_change"][end]["claim_ratio"]) for end in ("first", "last")]
    assert points.startswith("+") and (f"By direct calculation (without simulation) the claim ratio goes from "
                                       f"{direct[0]} in 2025 to {direct[1]} in 2027, a change of {points} percentage "
                                       f"points.") in text
    assert "Benefit per death from Rp" in text
    assert "other than a work accident (JKM) within the first 3 months of membership receives only Rp10.0 m" in text
    # A projected population: the closed-group reason (no new members) is not the one given.
    assert "the members grow older" in text and "adds no new members" not in text
    indonesian = _shown(Language("id"), trend_blocks(Language("id"), scenario, summary, extra)[0], summary, extra)
    assert "dalam 3 bulan pertama kepesertaan hanya menerima Rp10,0 juta" in indonesian


def test_factors_that_round_to_nothing_are_left_out_and_no_bpu_no_early_death_reason(jambi):
    """A factor under 0.05 points is left out and said to be; without BPU members the early-death rule is not the
    reason a benefit per death rises."""
    scenario, summary = jambi
    extra = _extra(summary)
    parts = extra["ratio_change"]["parts"]
    for p in parts:  # jambi's accidents and premium parts are below 0.05 points: left out, and said to be
        assert (Language("en").points(p["change"]) == "0") == (abs(p["change"]) < 0.0005)
    assert sum(Language("en").points(p["change"]) == "0" for p in parts) >= 1
    text = _shown(Language("en"), trend_blocks(Language("en"), scenario, summary, extra)[0], summary, extra)
    assert " The other factors add less than 0.1 point each." in text  # (then, here, the rounding note)
    no_bpu = copy.deepcopy(scenario)
    object.__setattr__(no_bpu, "segments", [_as_pu(s) for s in scenario.segments])
    text = _shown(Language("en"), trend_blocks(Language("en"), no_bpu, summary, extra)[0], summary, extra)
    assert "(JKM) within the first" not in text and "the share of deaths from work accidents" in text


def test_a_programme_starting_with_nobody_pays_only_jkk_scholarships_and_lost_none_before_its_start(jambi):
    """jambi-2025-pipeline starts with nobody covered and enrols through 2025, so within 2025-2027 no member reaches
    the 36 months a JKM scholarship needs (its JKM scholarships are Rp0) and nobody died before 2025. The
    scholarships' reason said more members reach the 36 months and that the first year misses the instalments of
    deaths before 2025: both wrong here. It says the scholarships are all JKK ones, which need no minimum."""
    scenario, summary = jambi
    assert sum(s.members for s in scenario.segments) == 0
    jkm = [b["expected_idr"] for b in summary["breakdown"] if b["benefit"] == "jkm_scholarship"]
    jkk = [b["expected_idr"] for b in summary["breakdown"] if b["benefit"] == "jkk_scholarship"]
    assert jkm and not any(jkm) and sum(jkk) > 0
    extra = _extra(summary, projected=True)
    assert any(p["factor"] == "scholarships" and Language("id").points(p["change"]) != "0"
               for p in extra["ratio_change"]["parts"])  # the factor is shown, with its reason
    id_, en = Language("id"), Language("en")
    indonesian = _shown(id_, trend_blocks(id_, scenario, summary, extra)[0], summary, extra)
    assert ("sehingga jumlahnya bertambah dari tahun ke tahun; semuanya beasiswa atas kematian atau cacat total tetap "
            "akibat kecelakaan kerja (JKK), yang tidak mensyaratkan masa kepesertaan minimum: dalam periode proyeksi "
            "belum ada peserta yang mencapai masa kepesertaan 36 bulan yang disyaratkan untuk beasiswa JKM.") \
        in indonesian
    assert "makin banyak peserta mencapai" not in indonesian and "kematian sebelum 2025" not in indonesian
    # JKK scholarships follow a work accident's total disability as well as a death (sim/scholarship.py).
    assert "anak peserta yang meninggal atau cacat total tetap akibat kecelakaan kerja pada tahun" in indonesian
    english = _shown(en, trend_blocks(en, scenario, summary, extra)[0], summary, extra)
    assert "so they build up; all of them for a work-accident death or total disability (JKK)" in english
    assert "more members reach" not in english and "deaths before 2025" not in english


def _as_pu(segment):
    from dataclasses import replace

    return replace(segment, scheme="PU")


def test_a_flat_ratio_and_a_single_year_get_no_paragraph(jambi):
    scenario, summary = jambi
    flat = _summary({"2025": (1000.0, 200e6, BASE), "2026": (1000.0, 201e6, BASE)})
    assert trend_blocks(Language("en"), scenario, flat, _extra(flat)) == []
    one = load_scenario("jambi-2025", ["scenario.trials=500", "scenario.horizon_months=12"])
    summary = forecast(one, exact_check=False)
    assert ratio_change(summary) is None and trend_blocks(Language("en"), one, summary, _extra(summary)) == []


def test_points_are_signed_whole_percentage_points():
    en, id_ = Language("en"), Language("id")
    assert ([en.points(x) for x in (0.389, -0.089, 0.0058, -0.0012, 0.0004, 0.0096, 12.345)]
            == ["+39", "-9", "+0.6", "-0.1", "0", "+1", "+1,234"])
    assert id_.points(12.345) == "+1.234" and id_.points(0.0058) == "+0,6"


def test_a_closed_group_says_it_adds_no_members_and_a_falling_premium_raises_the_ratio():
    """madiun-2025 holds its members at the start (no projection): deaths per 1,000 rise because the same members
    grow older, which the reason says. Its premium per member falls (BPU members, who pay more, die faster than
    PU staff): a lower premium raises the ratio. Scholarships: deaths before the start are not counted."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=500"])
    summary = forecast(scenario, exact_check=False)
    extra = _extra(summary)
    parts = {p["factor"]: p for p in extra["ratio_change"]["parts"]}
    assert parts["death_rate"]["change"] > 0 and parts["premium"]["to"] < parts["premium"]["from"]
    text = _shown(Language("en"), trend_blocks(Language("en"), scenario, summary, extra)[0], summary, extra)
    assert "(+" in text and "the scenario adds no new members, so the same members grow older" in text
    assert "a lower premium per member raises the ratio" in text and "a higher premium" not in text
    # The APBD pays the same rates in 2025-2027 (PP 50/2025's discount excludes it): only the mix moves.
    assert "the mix of PU and BPU members (whose rates differ) changes, while the rates themselves stay the same" \
        in text and "the rates in force change" not in text
    # Nobody joins: the early-death benefit lowers the first year's benefit per death only, for the members still in
    # their first months at the start (not "a year when many members are new").
    if parts["benefit_per_death"]["change"] > 0:
        assert "in the first year some BPU members are still within their first 3 months, later none are" in text
        assert "many members are new" not in text
    # Per member in force, not the summary's premium per starting member (Rp174,413 against Rp174,483).
    assert "counted per member in force a year, is in brackets, in percentage points of the claim ratio." in text and "Premium per member in force from Rp" in text
    assert "reach the 36 months of membership a scholarship needs; instalments for deaths before 2025 are not counted" \
        in text
    indonesian = _shown(Language("id"), trend_blocks(Language("id"), scenario, summary, extra)[0], summary, extra)
    assert "skenario ini tidak menambah peserta baru" in indonesian and "kematian sebelum 2025 tidak dihitung" in indonesian
    assert "Iuran per peserta aktif dari Rp" in indonesian


def test_the_premium_reason_names_a_rate_change_only_where_the_rules_change_a_rate():
    """madiun-2025's APBD pays the same rates over 2025-2027; jambi-2025's BPU workers paid by CSR from July 2026
    pay the discounted Rp8,400 through December 2026 and Rp16,800 after (PP 50/2025); a fixed rules date holds
    every month at one rate."""
    from sim.report_trend import _rates_change

    assert not _rates_change(load_scenario("madiun-2025"))
    moved = ["scenario.start=2026-07", "segments.vulnerable.payer=CSR"]
    assert _rates_change(load_scenario("jambi-2025", moved))
    assert not _rates_change(load_scenario("jambi-2025", [*moved, "scenario.rules_date=2026-12-01"]))
    assert not _rates_change(load_scenario("jambi-2025", [*moved, "scenario.horizon_months=6"]))
    # A CSR pledge pays its members at the discounted 2026 rate, though their segment's own payer is the APBD.
    assert _rates_change(load_scenario("madiun-2026-ucj-csr", ["segments.sertakan.payer=APBD"]))
    assert not _rates_change(load_scenario("madiun-2026-ucj", ["segments.sertakan.payer=APBD"]))  # no pledge


def test_parts_that_do_not_add_up_once_rounded_are_said_to_be_rounded(jambi):
    """madiun-2026-ucj-csr's change read "+45 points" beside parts of +46 -16 +12 +6 -2 = +46, each part rounded on
    its own. The paragraph says so where the parts shown do not add up to the change shown, and only there."""
    scenario, summary = jambi
    extra = copy.deepcopy(_extra(summary))
    change = extra["ratio_change"]
    en = Language("en")

    def said(parts):
        for p, x in zip(change["parts"], parts):
            p["change"] = x
        change["change"] = sum(parts)
        return "rounded on its own" in _shown(en, trend_blocks(en, scenario, summary, extra)[0], summary, extra)

    rest = [0.0] * (len(change["parts"]) - 2)
    assert said([0.455, 0.455, *rest])  # +46 and +46 shown, the change 0.91: +91
    assert not said([0.45, 0.46, *rest])  # +45 and +46: +91
    id_text = _shown(Language("id"), trend_blocks(Language("id"), scenario, summary, extra)[0], summary, extra)
    assert "dibulatkan sendiri" not in id_text


def _with_new_amount(rule: str, date, value):
    """The encoded rules plus a hypothetical new value of ``rule`` from ``date`` (a new regulation)."""
    from dataclasses import replace

    from sim.regulation import DatedValue, Regulation, load_regulation

    rules = dict(load_regulation().rules)
    rules[rule] = replace(rules[rule], values=(*rules[rule].values, DatedValue(date, value, "hypothetical", "Low")))
    return Regulation(rules)


def test_every_benefit_rule_belongs_to_one_factor():
    """A benefit rule added to regulation.toml is placed with the factor whose amount it sets, so that its change
    within a horizon is named in that factor's reason."""
    from sim.regulation import load_regulation
    from sim.report_trend import FACTOR_RULES

    placed = [r for rules in FACTOR_RULES.values() for r in rules]
    benefit = {r for r in load_regulation().rules if not r.startswith("premium.")}
    assert sorted(placed) == sorted(benefit)


def test_a_benefit_rule_changing_within_the_horizon_is_named_in_its_reason(jambi, monkeypatch):
    """A new regulation raising the JKM lump sum from 2027 raised the benefit per death of a 2026-2028 run-off by
    half, which the paragraph put down to the BPU early-death rule alone. The rule change is named beside it; a
    fixed rules date, or no change, names none."""
    import datetime as dt

    import sim.report_sections as report_sections
    import sim.report_trend as report_trend

    scenario, summary = jambi
    extra = {**_extra(summary, projected=True), "rules": {"changes": report_sections.rule_rows(scenario)[2]}}
    en = Language("en")
    assert report_trend.benefit_rule_changes(extra) == []
    text = _shown(en, trend_blocks(en, scenario, summary, extra)[0], summary, extra)
    assert "rules also change" not in text
    # The report's table of rule changes (report.json rules.changes) is what the paragraph reads.
    monkeypatch.setattr(report_sections, "load_regulation",
                        lambda: _with_new_amount("jkm.lump_sum", dt.date(2026, 1, 1), 30_000_000))
    extra["rules"] = {"changes": report_sections.rule_rows(scenario)[2]}
    assert report_trend.benefit_rule_changes(extra) == [("jkm.lump_sum", dt.date(2026, 1, 1))]
    text = _shown(en, trend_blocks(en, scenario, summary, extra)[0], summary, extra)
    assert ("Benefit per death from Rp" in text and "the benefit rules also change during the horizon: JKM lump sum "
            "from January 2026 (see the table of rules that change)" in text)
    indonesian = _shown(Language("id"), trend_blocks(Language("id"), scenario, summary, extra)[0], summary, extra)
    assert "aturan santunan berubah selama periode proyeksi: Santunan sekaligus JKM mulai Januari 2026" in indonesian
    fixed = load_scenario("jambi-2025-pipeline", ["scenario.rules_date=2025-06-01"])
    assert report_trend.benefit_rule_changes({"rules": {"changes": report_sections.rule_rows(fixed)[2]}}) == []


PU_ONLY = """[scenario]
id = "pu-only"
title = { en = "City contract staff only", id = "Hanya tenaga kontrak kota" }
region = "Kota Uji"
base = "base/national-defaults"
description = { en = "PU staff only.", id = "Hanya pekerja penerima upah." }
start = "2025-07"

[segments.staff]
label = { en = "Contract staff (PU)", id = "Tenaga kontrak (PU)" }
scheme = "PU"
occupation = "non-asn"
payer = "APBD"
members = { value = 1000, unit = "persons", source = "test", basis = "data" }
wage = { value = 2185185, unit = "IDR per month", source = "test", basis = "data" }
risk_class = { value = 1, unit = "class", source = "test", basis = "law" }
male_share = { value = 0.5, unit = "share", source = "test", basis = "assumption", range = [0.4, 0.6] }
age_profile = "non-asn-staff"
tenure = { value = [[24, 1.0]], unit = "share", source = "test", basis = "data" }
accident_rate = { value = 5.0, unit = "per 1000 member-years", source = "test", basis = "assumption", range = [3, 7] }
"""


def test_a_rule_change_is_named_only_for_a_scenario_with_members_it_applies_to(jambi, tmp_path, monkeypatch):
    """A new BPU early-death amount from 2026 was named in the reason of a scenario of PU staff only, whom the rule
    never pays. A PU-only scenario (its horizon holding the change) names the JKM lump sum, which applies to all
    members, and not the BPU rule; jambi-2025-pipeline's BPU members get both named."""
    import datetime as dt
    import shutil
    from pathlib import Path

    import sim.report_sections as report_sections
    from sim.regulation import Regulation, load_regulation

    shutil.copytree(Path(__file__).resolve().parent.parent / "scenarios" / "base", tmp_path / "base")
    (tmp_path / "pu-only.toml").write_text(PU_ONLY, encoding="utf-8")
    pu_only = load_scenario(tmp_path / "pu-only.toml")
    assert {s.scheme for s in pu_only.segments} == {"PU"}
    new = {**_with_new_amount("jkm.lump_sum", dt.date(2026, 1, 1), 30_000_000).rules}
    new["jkm.bpu_early_death_benefit"] = _with_new_amount(
        "jkm.bpu_early_death_benefit", dt.date(2026, 1, 1), 15_000_000).rules["jkm.bpu_early_death_benefit"]
    monkeypatch.setattr(report_sections, "load_regulation", lambda: Regulation(new))
    assert load_regulation().rules["jkm.lump_sum"].values[-1].value == 20_000_000  # the shipped rules untouched
    # A benefit per death rising from 2025 to 2026, as the new amounts would make it.
    summary = _summary({"2025": (1000.0, 200e6, BASE),
                        "2026": (1000.0, 200e6, {**BASE, "jkm_death": (520e6, 10.0)})})
    en, id_ = Language("en"), Language("id")
    shown = {}
    for name, scenario in (("pu", pu_only), ("bpu", jambi[0])):
        extra = {**_extra(summary, projected=True), "rules": {"changes": report_sections.rule_rows(scenario)[2]}}
        assert {c["rule"] for c in extra["rules"]["changes"]} >= {"jkm.lump_sum", "jkm.bpu_early_death_benefit"}
        shown[name] = [_shown(lang, trend_blocks(lang, scenario, summary, extra)[0], summary, extra)
                       for lang in (en, id_)]
    assert "the benefit rules also change during the horizon: JKM lump sum from January 2026 (see" in shown["pu"][0]
    assert "aturan santunan berubah selama periode proyeksi: Santunan sekaligus JKM mulai Januari 2026 (lihat" \
        in shown["pu"][1]
    assert "BPU" not in shown["pu"][0] + shown["pu"][1]
    assert "JKM benefit of a BPU member in the first months from January 2026 and JKM lump sum from January 2026" \
        in shown["bpu"][0]
    assert ("Santunan JKM peserta BPU pada masa awal kepesertaan mulai Januari 2026 dan Santunan sekaligus JKM mulai "
            "Januari 2026") in shown["bpu"][1]


def test_a_rule_applies_to_the_programmes_its_name_says():
    from sim.regulation import load_regulation, rule_schemes

    tagged = {name: rule_schemes(name) for name in load_regulation().rules}
    assert tagged["jkm.bpu_early_death_benefit"] == ("BPU",) and tagged["premium.bpu_jkm_flat"] == ("BPU",)
    assert tagged["premium.pu_jkm_rate"] == ("PU",) and tagged["jkm.lump_sum"] == ("PU", "BPU")
    assert [n for n, s in tagged.items() if s != ("PU", "BPU")] == [
        n for n in tagged if n.split(".")[1].startswith(("bpu_", "pu_"))]


def test_a_benefit_rule_changing_twice_is_named_from_its_first_change():
    """A rule with two new amounts within the horizon is named from the month of the first (the sentence reads
    'JKM lump sum from January 2026', not from its later change); premium rules are not benefit rules."""
    import datetime as dt

    from sim.report_trend import benefit_rule_changes

    changes = [{"month": "2026-01", "rule": "jkm.lump_sum"}, {"month": "2027-01", "rule": "premium.bpu_discount"},
               {"month": "2027-07", "rule": "jkm.lump_sum"}]
    assert benefit_rule_changes({"rules": {"changes": changes}}) == [("jkm.lump_sum", dt.date(2026, 1, 1))]


def test_a_falling_ratio_is_explained_as_a_rising_one_is(jambi):
    """The paragraph is for a ratio that moves either way: a higher premium per member alone takes the ratio from
    Rp470 m / Rp200 m = 235 % to Rp470 m / Rp250 m = 188 %, 47 points down. Testing the change itself (not its
    size) against TREND_MIN dropped every falling ratio's paragraph without a word."""
    scenario, _ = jambi
    falling = _summary({"2025": (1000.0, 200e6, BASE), "2026": (1000.0, 250e6, BASE)})
    extra = _extra(falling)
    (para,) = trend_blocks(Language("en"), scenario, falling, extra)
    text = _shown(Language("en"), para, falling, extra)
    assert "235% in 2025 and 188% in 2026" in text
    assert "goes from 235% in 2025 to 188% in 2026, a change of -47 percentage points" in text


def test_a_factor_of_exactly_one_point_down_reads_one_point_singular(jambi):
    """A factor shown as -1 reads "-1 point", as +1 reads "+1 point" (the singular for "+1" alone survived the mutation
    audit). By hand, 1,000 members a year: 10 deaths; the benefit per death goes from Rp420 m / 10 = Rp42 m to
    Rp50 m, the premium per member from Rp1,000,000 to Rp1,020,000. Claims per member c0 = 0.01 x 42 m + 20,000 +
    30,000 = 470,000, c1 = 550,000. Premium part: (c0 + c1) / 2 x (1 / 1,020,000 - 1 / 1,000,000) = 510,000 x
    (-0.02 / 1,020,000) = -0.01, one point down; benefit part: 8 m x 0.01 x (1 / 1,000,000 + 1 / 1,020,000) / 2 =
    +7.9 points, shown +8; the ratio 47 % -> 550 / 1,020 = 53.9 %, +7 points (= 8 - 1, no rounding note)."""
    scenario, _ = jambi
    benefits = {**BASE, "jkm_death": (500e6, 10.0)}
    summary = _summary({"2025": (1000.0, 1000e6, BASE), "2026": (1000.0, 1020e6, benefits)})
    extra = _extra(summary)
    assert [round(p["change"], 12) for p in extra["ratio_change"]["parts"][:2]] == [0.079215686275, -0.01]
    (para,) = trend_blocks(Language("en"), scenario, summary, extra)
    text = _shown(Language("en"), para, summary, extra)
    assert "a change of +7 percentage points" in text
    assert "(+8 points)" in text and "Premium per member in force from " in text and " (-1 point)" in text
    assert "-1 points" not in text


def test_a_care_cost_trend_is_named_in_the_accidents_reason():
    """jambi-2025-pipeline with care prices 10 % higher each calendar year: the other work-accident benefits per
    member rise (+2 points to 2027) partly because care costs more, which the reason said was the mix of segments
    alone. The reason names the rising care prices, in both languages; without a trend it does not."""
    reasons = {"id": ("komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, dan biaya perawatan medis yang "
                      "naik setiap tahun (asumsi kenaikan biaya perawatan medis per tahun)"),
               "en": ("the mix of segments, whose work-accident rates differ, and care prices rising every year (the "
                      "assumed medical cost rise per year)")}
    scenario = load_scenario("jambi-2025-pipeline",
                             ["scenario.trials=2000", "assumptions.severity.medical_cost_trend=0.1"])
    summary = forecast(scenario, exact_check=False)
    extra = _extra(summary, projected=True)
    assert next(p for p in extra["ratio_change"]["parts"] if p["factor"] == "accidents")["change"] > 0.005
    for code, reason in reasons.items():
        text = _shown(Language(code), trend_blocks(Language(code), scenario, summary, extra)[0], summary, extra)
        assert reason in text, text
    flat = load_scenario("jambi-2025-pipeline", ["scenario.trials=2000"])
    text = _shown(Language("en"), trend_blocks(Language("en"), flat, summary, extra)[0], summary, extra)
    assert "the mix of segments, whose work-accident rates differ." in text and "care prices" not in text


# The clause each reason gains with PU wages 6.5 % higher each calendar year, by factor and language.
WAGE_CLAUSES = {
    "accidents": {"id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) juga "
                        "menaikkan manfaat yang dihitung dari upah",
                  "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the benefits set "
                        "on the wage"},
    "benefit_per_death": {"id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) "
                                "juga menaikkan santunan kematian akibat kecelakaan kerja, yang dihitung dari upah",
                          "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the "
                                "work-accident death benefit, set on the wage"},
    "premium": {"id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) juga "
                      "menaikkan iuran PU, yang dihitung dari upah",
                "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the PU premium, set "
                      "on the wage"},
}


@pytest.mark.parametrize("factor", sorted(WAGE_CLAUSES))
def test_a_pu_wage_growth_is_named_in_the_reasons_of_the_benefits_set_on_the_wage(factor):
    """madiun-2025 (its non-ASN staff are PU) with wages 6.5 % higher each calendar year. STMB and disability are
    set on the wage, so the other work-accident benefits per member rise with it, which the reason gave as the mix
    of segments alone; a work-accident death pays 48 x that year's wage (Rp105 m on 2025's, above the floor), so
    the benefit per death rises with it too (+1.1 points to 2027, +0.6 without growth), which the reason gave as the
    share of work-accident deaths and the rules alone; the PU premium is a share of the wage, so the premium per
    member rises with it. Each reason ends with a clause of its own naming the wages,
    in both languages; without growth it does not."""
    from sim.report_trend import _factor

    for growth, named in ((0.065, True), (0.0, False)):
        scenario = load_scenario("madiun-2025", ["scenario.trials=500", f"assumptions.wage_growth={growth}"])
        extra = _extra(forecast(scenario, exact_check=False), projected=False)
        change = extra["ratio_change"]
        (i,) = [k for k, part in enumerate(change["parts"]) if part["factor"] == factor]
        for code, clause in WAGE_CLAUSES[factor].items():
            text, _ = _factor(Language(code), scenario, extra, change, i)
            assert text.endswith(clause) == named, text


def test_a_growing_wage_is_not_said_to_change_the_rates():
    """With PU wages 6.5 % higher each year madiun-2025's premium per member rises, and its reason said the rates in
    force change ("tarif yang berlaku berubah"), which a planner looks for in the rules and does not find: the
    rates (shares of the wage) stay the same, the wage they are taken of rises (the clause above says so)."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=500", "assumptions.wage_growth=0.065"])
    summary = forecast(scenario, exact_check=False)
    extra = _extra(summary, projected=False)
    for code, wrong in (("id", "tarif yang berlaku berubah"), ("en", "the rates in force change")):
        text = _shown(Language(code), trend_blocks(Language(code), scenario, summary, extra)[0], summary, extra)
        assert wrong not in text and WAGE_CLAUSES["premium"][code] in text, text


def test_care_prices_against_the_change_are_named_as_such():
    """madiun-2026-ucj-csr from July 2026 with care 2 % dearer each year: its other work-accident benefits per
    member fall (-1.4 points to 2031), the mix of segments outweighing the prices; rising prices are not a reason
    for a fall, so the reason says "although" ("meskipun"). (At 5 % a year the prices outweigh the mix, +0.2 points:
    since the register office books a horizon ending in June on to December, 2031's budget pays each member to
    31 December and holds fewer members, 13,200 member-years in January-June where it held 16,700.)"""
    scenario = load_scenario("madiun-2026-ucj-csr", ["scenario.trials=500", "scenario.start=2026-07",
                                                     "assumptions.severity.medical_cost_trend=0.02"])
    summary = forecast(scenario, exact_check=False)
    extra = _extra(summary, projected=True)
    assert next(p for p in extra["ratio_change"]["parts"] if p["factor"] == "accidents")["change"] < -0.005
    reasons = {"id": ("komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, meskipun biaya perawatan medis "
                      "naik setiap tahun"),
               "en": "the mix of segments, whose work-accident rates differ, although care prices rise every year"}
    for code, reason in reasons.items():
        text = _shown(Language(code), trend_blocks(Language(code), scenario, summary, extra)[0], summary, extra)
        assert reason in text, text
