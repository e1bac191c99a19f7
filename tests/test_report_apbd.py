"""The APBD lines of a planning report (madiun-2026-ucj-csr: APBD, DBH-CHT, two CSR pledges, one co-funded by the
APBD, SERTAKAN): the APBD the quota path needs, as `sim plan` answers it; the APBD-paid members next to the members
the budget pays a full year for, after the APBD's share of the co-funded pledge; the two premiums per member told
apart. Every figure is traced (check_figures)."""

from __future__ import annotations

import pytest

from sim import charts
from sim.budget import DEFAULT_CONFIDENCE, budget_needed
from sim.i18n import Language
from sim.report import build
from sim.scenario import load_scenario
from test_report import check_figures
from test_report_planning import one_commit, section_figures, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders); pyflakes ignores noqa
CSR = "madiun-2026-ucj-csr"
TRIALS = 300
CO_FUNDED_CITY_SHARE = 250_000_000.0  # the co-funded pledge's Rp250 m a year, matched 1:1 by the APBD (the scenario)


@pytest.fixture(scope="module")
def csr(tmp_path_factory):
    return build(load_scenario(CSR, [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def csr_en(tmp_path_factory):
    return build(load_scenario(CSR, [f"scenario.trials={TRIALS}"]), "en", tmp_path_factory.mktemp("reports"))


def test_the_apbd_needed_is_sim_plans_answer(csr):
    plan = csr.extra["planning"]
    need = budget_needed(load_scenario(CSR), DEFAULT_CONFIDENCE)
    assert [y["apbd_needed_idr"] for y in plan["years"]] == [r["budget_idr"] for r in need["years"]]
    assert plan["budget_needed"]["for"] == "quota_path" and plan["budget_needed"]["pledges"] == 2
    assert plan["budget_needed"]["confidence"] == 0.9


def test_the_apbd_needed_covers_outcomes_of_at_least_the_confidence(csr):
    """Checked against the pledge-outcome table, a separate projection of each outcome: the outcomes whose need the
    answer covers in every year have a probability of at least 90 %, and the answer is no more than the largest need
    (with a budget of it, nobody waits in any outcome: the probability printed is 1)."""
    plan = csr.extra["planning"]
    answer = [y["apbd_needed_idr"] for y in plan["years"]]
    outcomes = plan["pledge_outcomes"]["outcomes"]
    covered = sum(o["probability"] for o in outcomes
                  if all(y["apbd_needed_idr"] <= a + 1.0 for y, a in zip(o["years"], answer)))
    assert covered >= 0.9
    for k, a in enumerate(answer):
        assert a <= max(o["years"][k]["apbd_needed_idr"] for o in outcomes) + 1.0
    assert plan["budget_needed"]["probability_money_does_not_bind"] == 1.0


def test_the_members_the_budget_pays_for_come_after_the_co_funding(csr):
    """Budget minus the APBD's share of the co-funded pledge, over a full year of an APBD-paid member; in a year the
    budget is spent in full, that is the APBD-paid members themselves."""
    years = csr.extra["planning"]["years"]
    for y in years:
        assert y["apbd_cofunding_idr"] == pytest.approx(CO_FUNDED_CITY_SHARE, rel=1e-9)
        assert y["members_affordable"] == round((y["budget_idr"] - CO_FUNDED_CITY_SHARE) / y["budget_per_member_idr"])
        assert y["apbd_members"] < y["members"]  # others pay for some members
    assert years[0]["budget_per_member_idr"] == pytest.approx(166_635.12, abs=0.01)  # README: Rp166,635 in 2026
    assert years[0]["members_affordable"] == round(3.75e9 / 166_635.12) == 22_504
    full = [y for y in years if y["budget_spent_in_full"]]
    assert [y["year"] for y in full] == ["2029", "2030"]
    for y in full:  # rounded alike: a budget spent in full does not read one short of its members
        assert y["members_affordable"] == round(y["apbd_members"])


def test_the_summary_states_the_apbd_needed_and_where_the_budget_is_short(csr):
    check_figures(csr.folder)
    text = section_text(csr.folder, "summary")
    assert ("APBD (di luar DBH-CHT) yang dibutuhkan untuk mencapai target akhir tahun (iuran saja): "
            "2026 Rp2,91 miliar, 2027 Rp3,47 "
            "miliar, 2028 Rp4,04 miliar, 2029 Rp4,62 miliar, dan 2030 Rp5,19 miliar.") in text
    assert "Angka ini cukup dengan peluang sekurang-kurangnya 90%, dengan memperhitungkan kemungkinan komitmen CSR" in text
    # The budget (Rp4,00 miliar) is short of it by the gap sim plan's CSR line prints (Rp44.9 m, Rp617.3 m, Rp1.19 bn).
    assert ("lebih kecil daripada kebutuhan ini pada 2028 (kurang Rp44,9 juta), 2029 (kurang Rp617,3 juta), dan 2030 "
            "(kurang Rp1,19 miliar)") in text
    # 2028's target is reached in the main projection: short only when pledges fail, and the text says so.
    assert "Pada 2028 target tetap tercapai dalam proyeksi utama" in text
    assert "Iuran yang dibayar dari DBH-CHT tidak termasuk dalam angka APBD ini" in text  # and the city's total
    keys = {f["key"] for f in section_figures(csr.folder, "summary")}
    assert {f"planning.years.{k}.apbd_needed_idr" for k in range(5)} <= keys
    # The members the budget pays for are APBD-paid members, after the co-funding; the target's premium is everybody's.
    assert "sejumlah peserta APBD, yaitu peserta yang iurannya dibayar APBD" in text
    assert "setelah bagian APBD untuk komitmen CSR yang didampingi APBD, Rp250,0 juta per tahun" in text
    assert "dari semua pembayar bersama-sama" in text
    # The tile is the answer (the APBD 2026 needs), and the text says which of the two "needed" figures to budget.
    assert "APBD (di luar DBH-CHT) yang dibutuhkan 2026, cukup dengan peluang ≥ 90% Rp2,91 miliar" in text
    assert "Anggaran APBD 2026" not in text
    assert ("Angka inilah yang dianggarkan: bagian APBD dari iuran bulan-bulan tahun itu, dengan peserta yang bertambah "
            "bertahap sepanjang tahun. Iuran setahun penuh untuk target akhir tahun (di atas) adalah iuran tahun "
            "berikutnya dari semua pembayar, dengan semua peserta target aktif sejak Januari, sehingga bukan angka "
            "APBD tahun itu.") in text
    # "dengan semua peserta target aktif sejak Januari dan semua pembayar" read as members and payers both "active":
    # the premium is the one of every payer, said so.
    assert "sejak Januari dan semua pembayar" not in text


def test_the_budget_section_has_the_apbd_table_with_its_members_and_need(csr):
    text = section_text(csr.folder, "budget")
    assert "Peserta APBD (rata-rata)" in text and "Cukup untuk (peserta APBD setahun)" in text
    assert "2026 13.573 Rp4,00 miliar Rp2,51 miliar Rp1,49 miliar 22.504 Rp2,91 miliar" in text
    assert "2030 20.880 Rp4,00 miliar Rp4,00 miliar Rp0 20.880 Rp5,19 miliar" in text
    assert "rata-rata semua peserta dan semua pembayar: Rp172.529" in text  # all payers, told apart from ...
    assert "iuran setahun penuh per peserta APBD Rp166.635" in text  # ... the APBD's own rate
    html = (csr.folder / "report.html").read_text(encoding="utf-8")
    table = html[html.index('data-table="plan_apbd"'):]
    table = table[: table.index("</table>")]
    assert table.count('class="check"') == 3  # 2028-2030: the budget is below the need


@pytest.mark.parametrize("fixture", ["csr", "csr_en"])
def test_a_year_whose_budget_is_below_the_need_says_so_in_a_word_not_only_by_its_shading(fixture, request):
    """The APBD table shaded the years whose budget is below the APBD needed, and its lead-in said "Shaded rows: the
    budget is below that need": to a reader who does not see colour, a screen reader, or paper printed without
    backgrounds, nothing told those years apart. Its last column now says whether the budget covers the need, "no"
    on exactly the shaded rows."""
    import html
    import re

    report = request.getfixturevalue(fixture)
    lang = report.lang
    page = (report.folder / "report.html").read_text(encoding="utf-8")
    table = re.search(r'data-table="plan_apbd">(.*?)</table>', page, re.S).group(1)
    heads = [html.unescape(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)]
    assert heads[-1] == lang("col_budget_enough")
    rows = re.findall(r"<tr( class=\"check\")?>(.*?)</tr>", table.split("<tbody>")[1])
    last = [(bool(shaded), re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", cells)[-1]) for shaded, cells in rows]
    years = report.extra["planning"]["years"]
    assert [word for _, word in last] == [lang("word_no") if y["apbd_needed_idr"] > y["budget_idr"]
                                          else lang("word_yes") for y in years]
    assert [shaded for shaded, _ in last] == [word == lang("word_no") for _, word in last]
    assert 0 < sum(shaded for shaded, _ in last) < len(last)
    intro = section_text(report.folder, "budget")
    assert {"id": '“tidak” pada baris yang diarsir', "en": '"no" on the shaded rows'}[lang.code] in intro


def test_the_members_chart_compares_the_budget_line_with_the_apbd_paid_members(csr):
    plan, lang = csr.extra["planning"], Language("id")
    ax = charts.plan_members(plan["months"], plan["years"], lang).axes[0]
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines[lang("chart_apbd_members_month")] == [m["apbd_members"] for m in plan["months"]]
    assert lines[lang("chart_members_month")] == [m["members"] for m in plan["months"]]
    for y in plan["years"]:  # each year's months average to the table's APBD-paid members
        months = [m["apbd_members"] for m in plan["months"] if m["month"][:4] == y["year"]]
        assert sum(months) / len(months) == pytest.approx(y["apbd_members"], abs=0.01)
    caption = (csr.folder / "report.html").read_text(encoding="utf-8")
    assert "Garis tipis: peserta APBD aktif per bulan" in caption


def test_a_plan_paid_by_the_apbd_alone_has_no_second_members_line():
    from sim.report_planning import planning_figures

    plan = planning_figures(load_scenario("jambi-2025-pipeline"))
    assert not charts.others_pay(plan["months"])
    ax = charts.plan_members(plan["months"], plan["years"], Language("id")).axes[0]
    assert Language("id")("chart_apbd_members_month") not in [line.get_label() for line in ax.get_lines()]


def test_the_english_report_says_the_same(csr_en):
    check_figures(csr_en.folder)
    text = section_text(csr_en.folder, "summary")
    assert ("The APBD (excluding DBH-CHT) needed to reach the year-end targets (premiums only): "
            "2026 Rp2.91 bn, 2027 Rp3.47 bn, 2028 "
            "Rp4.04 bn, 2029 Rp4.62 bn and 2030 Rp5.19 bn.") in text
    assert "a number of APBD-paid members" in text and "from all payers together" in text
    budget = section_text(csr_en.folder, "budget")
    assert "APBD (excluding DBH-CHT) needed for the targets" in budget and "APBD-paid members (average)" in budget


def test_a_shortfall_summed_by_segment_says_so_where_it_is_not_the_plain_difference(tmp_path):
    """A segment above its target does not make up for the others below theirs, so the shortfall summed by segment
    is not the year's target less its members, and the text says why. Since the quota cap (sim.expansion) no
    segment is registered above its target; one stays above it when its target falls below its members, who are
    not cut (names are only not registered): Kota Pekalongan's eleven occupations lowered to 900 in 2026 keep
    about 960 members while batik workers and caretakers wait for money."""
    scenario = load_scenario("pekalongan-2023-expansion", [f"scenario.trials={TRIALS}",
                                                           "expansion.vulnerable.targets.value=[[2023, 1000], [2026, 900]]"])
    report = build(scenario, "id", tmp_path)
    y = next(y for y in report.extra["planning"]["years"] if y["year"] == "2026")
    target, end, short = round(y["target"]), round(y["target_members_year_end"]), round(y["target_short"])
    assert short > target - end + 10  # the vulnerable segment's surplus over 900 does not count
    text = section_text(report.folder, "summary")

    def count(n):
        return f"{n:,}".replace(",", ".")

    assert (f"2026 ({count(end)} peserta pada akhir tahun, target {count(target)}, kurang {count(short)} di segmen yang "
            "belum mencapai targetnya;") in text


def test_a_one_segment_shortfall_is_the_plain_difference():
    from sim.report_planning import planning_figures

    for y in planning_figures(load_scenario("jambi-2025-pipeline"))["years"][1:]:
        assert round(y["target"]) - round(y["target_members_year_end"]) == round(y["target_short"])


def test_a_budget_spent_to_the_last_rupiah_pays_for_its_members_as_shown():
    """madiun-2026-ucj, 2028-2030: the money binds; the members the budget pays for read as the APBD-paid members
    (floored, they once read 22,123 beside 22,124 members: the budget looked overspent)."""
    from sim.report_planning import planning_figures

    years = planning_figures(load_scenario("madiun-2026-ucj"))["years"]
    bound = [y for y in years if y["budget_left_idr"] <= 1.0]
    assert [y["year"] for y in bound] == ["2028", "2029", "2030"]
    for y in bound:
        assert y["members_affordable"] == round(y["apbd_members"])


def test_ucj_at_each_year_end_against_its_target(csr):
    """UCJ = (covered persons at the start - this scheme's starting members + its members at the year-end) / employed
    (sim.budget.ucj_by_year's assumption: members outside the scheme stay as they are), as sim plan prints it."""
    ucj = load_scenario(CSR).planning.ucj
    plan = csr.extra["planning"]
    for y in plan["years"]:
        expected = (ucj.covered_persons - plan["start_members"] + y["members_year_end"]) / ucj.employed_persons
        assert y["ucj"] == pytest.approx(expected, abs=1e-5)
    assert plan["ucj_target"] == {"share": ucj.target_share, "year": ucj.target_year} == {"share": 0.7, "year": 2030}
    text = section_text(csr.folder, "summary")
    assert ("pada akhir tahun: 2026 56,8%, 2027 60,1%, 2028 63,4%, 2029 63,0%, dan 2030 63,1%; target 70,0% pada 2030 "
            "tidak tercapai.") in text


def test_no_ucj_sentence_without_a_ucj_target():
    from sim.report_planning import planning_figures

    plan = planning_figures(load_scenario("jambi-2025-pipeline"))
    assert plan["ucj_target"] is None and all(y["ucj"] is None for y in plan["years"])


def test_an_added_member_costs_their_own_segments_rate(csr):
    """The APBD table's average per APBD-paid member is at the year's mix (Rp166,847 in 2026); a planner adding
    members of one segment needs that segment's rate: PU non-ASN staff at (JKK class I 0.24 % + JKM 0.30 %) of the
    wage
    (whole rupiah a month), BPU workers at the Rp16,800 package (Rp10,000 JKK on the Rp1 m band + Rp6,800 JKM: DOMAIN.md s.3), a
    year each. Only the segments the APBD pays for that year: the informal workers are the CSR pledges' in 2026."""
    scenario = load_scenario(CSR)
    wage = {s.name: s.wage for s in scenario.segments}
    rates = {r["segment"]: r["premium_idr"] for r in csr.extra["planning"]["years"][0]["apbd_rates"]}
    # A monthly premium is whole rupiah (Rp2,185,185 x 0.54 % = Rp11,799.999 -> Rp11,800).
    assert rates == {"non_asn": pytest.approx(12 * round((0.0024 + 0.003) * wage["non_asn"]), abs=0.01),
                     "vulnerable": pytest.approx(12 * (0.01 * wage["vulnerable"] + 6_800), abs=0.01)}
    labels = {s.name: s.labels["id"] for s in scenario.segments}
    text = section_text(csr.folder, "budget")
    assert (f"Iuran APBD setahun penuh untuk satu peserta tambahan pada 2026: Rp141.600 untuk {labels['non_asn']} "
            f"dan Rp201.600 untuk {labels['vulnerable']}.") in text


def test_one_rate_needs_no_list():
    """jambi-2025-pipeline has one segment: the average per APBD-paid member is every added member's cost."""
    from sim.report_planning import _apbd_blocks, planning_figures

    scenario = load_scenario("jambi-2025-pipeline")
    extra = {"planning": planning_figures(scenario)}
    assert len(extra["planning"]["years"][0]["apbd_rates"]) == 1
    intro = _apbd_blocks(Language("en"), scenario, extra)[0]
    assert "for one more member" not in intro.text and "a full year's premium per APBD-paid member" in intro.text


def test_a_shortfall_that_differs_by_rounding_alone_is_not_said_to_be_summed_by_segment(csr):
    """madiun-2026-ucj-csr: no segment ends a missed year above its target, so the shortfall is never said to be
    summed by segment. (Before the 2025 recalibration of session 17, 2030's rounded figures differed by one, 33,345 -
    26,734 = 6,611 beside a shortfall of 6,611.5 shown 6,612, and this test required that case; the shipped figures
    no longer have it: the synthetic test below checks that case.)"""
    years = csr.extra["planning"]["years"]
    missed = [y for y in years if y["target_reached"] is False]
    assert missed and all(y["target_short"] - (y["target"] - y["target_members_year_end"]) < 0.5 for y in missed)
    assert "di segmen yang belum mencapai targetnya" not in section_text(csr.folder, "summary")


@pytest.mark.parametrize("excess, summed", [(0.0, False), (0.4, False), (0.6, True)])
def test_the_shortfall_is_said_to_be_summed_by_segment_only_for_a_real_excess(excess, summed):
    """A synthetic missed year whose figures differ by rounding alone: target 33,345.4 and 26,733.6 members shown as
    33,345 and 26,734, a plain shortfall of 6,611.8 shown as 6,612 (not 33,345 - 26,734 = 6,611). With no segment
    above its target (``excess`` 0, or under half a member) the text must not say the shortfall is summed by
    segment; a segment half a member or more above its target makes it so. (madiun-2026-ucj-csr had such a year
    before the 2025 recalibration of session 17.)"""
    from sim.report_planning import _budget_lines, planning_figures

    scenario = load_scenario("jambi-2025-pipeline")
    extra = {"planning": planning_figures(scenario)}
    year = extra["planning"]["years"][-1]
    year.update(target=33_345.4, target_members_year_end=26_733.6, target_short=6_611.8 + excess,
                target_reached=False, held_year_end=0.0)
    text = " ".join(b.text for b in _budget_lines(Language("id"), scenario, extra))
    assert ("di segmen yang belum mencapai targetnya" in text) is summed


def test_the_payers_table_says_a_pledges_money_is_an_expectation(csr):
    """madiun-2026-ucj-csr's payer table gives a CSR pledge's money as its amount times its probability (Rp1.5 bn x
    0.7 = Rp1.05 bn), read as cash in hand without a note; the city's 1:1 match sits in the APBD row."""
    table = next(b for s in csr.sections for b in s.blocks if getattr(b, "name", "") == "plan_payers")
    assert table.note.startswith("Dana tersedia dari komitmen CSR adalah nilai komitmen dikali peluang dipenuhinya")
    assert "Bagian kota dari komitmen yang didanai bersama termasuk dalam baris APBD. Baris SERTAKAN (" in table.note
    scenario = load_scenario("madiun-2026-ucj-csr")
    payers = csr.extra["planning"]["payers"]
    for p in scenario.planning.funding.pledges:  # the figure the note explains, from the scenario file
        year = int(payers[0]["year"])
        row = next(r for r in payers if r["payer"] == f"CSR:{p.name}" and int(r["year"]) == year)
        assert row["available_idr"] == pytest.approx(p.amount.at(year) * p.probability if p.active(year) else 0.0)


def test_the_payers_table_leaves_what_was_available_less_what_was_spent(csr):
    """madiun-2026-ucj-csr: the DBH-CHT's Rp500 m a year is spent in full every year (it may pay only for vulnerable
    workers, who cost more), so nothing is left; every limited payer's left money is its available money less its
    spending (a row giving the whole amount as left would say the money was untouched)."""
    rows = [r for r in csr.extra["planning"]["payers"] if r["available_idr"] is not None]
    dbh = [r for r in rows if r["payer"] == "DBH-CHT"]
    assert [int(r["year"]) for r in dbh] == [2026, 2027, 2028, 2029, 2030]
    assert all(r["available_idr"] == pytest.approx(500_000_000) and r["left_idr"] == 0 for r in dbh)
    assert any(r["left_idr"] > 0 for r in rows)
    for r in rows:
        assert r["left_idr"] == pytest.approx(max(r["available_idr"] - r["premium_idr"], 0.0), abs=0.02)
