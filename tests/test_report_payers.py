"""A scenario without a projection whose members are paid partly by others (CSR): the stated budget is the APBD's
and is set against the APBD's share of the premium, as `sim plan` does; the report and `sim run` say who pays the
rest. Before, kediri-2026's report counted its CSR-paid members' Rp151.2 m as APBD money ("Jumlah inilah yang perlu
dianggarkan dalam APBD", "masih tersisa Rp229,8 juta", "cukup untuk sekitar 19.264 peserta") while `sim plan` said
left Rp396.8 m."""

from __future__ import annotations

import html
import math
import re

import pytest

from sim import cli
from sim.budget import DEFAULT_CONFIDENCE, budget_needed
from sim.forecast import forecast, other_payers
from sim.i18n import Language
from sim.report import build
from sim.scenario import load_scenario
from test_report import check_figures, one_commit  # noqa: F401  (one_commit: the module-wide commit fixture)
from test_report_language import read

BPU = 16_800  # the BPU premium a month at the lowest band (2025: no PP 50/2025 discount yet)
APBD_MEMBERS, CSR_MEMBERS = 3_000, 1_000
BUDGET = 604_000_000  # jambi-2025's stated budget
APBD_YEAR, CSR_YEAR = APBD_MEMBERS * BPU * 12, CSR_MEMBERS * BPU * 12  # Rp604.8 m and Rp201.6 m

# jambi-2025 (3,000 APBD-paid BPU members, a budget of Rp604 m) with 1,000 more BPU members paid by CSR.
def csr_segment(members: int) -> str:
    """A segment of BPU members paid by CSR, as tests add it to jambi-2025's scenarios (also
    tests/test_report_pledge_need.py and tests/test_plan_answers.py)."""
    return CSR_SEGMENT.replace("members = { value = 1000,", f"members = {{ value = {members},")


# 1,000 BPU members paid by CSR.
CSR_SEGMENT = '''[segments.csr]
label = { en = "Vulnerable workers paid by CSR (BPU)", id = "Pekerja rentan dibayar CSR (BPU)" }
scheme = "BPU"
occupation = "mixed-informal"
payer = "CSR"
members = { value = 1000, unit = "persons", source = "test", basis = "data" }
wage = { value = 1000000, unit = "IDR per month", source = "test", basis = "law" }
male_share = { value = 0.7, unit = "share", source = "test", basis = "data" }
age_profile = "informal-working-age"
tenure = { value = [[0, 1.0]], unit = "share", source = "test", basis = "data" }
accident_rate = { value = 3.6, unit = "per 1000 member-years", source = "test", basis = "data" }
'''
SHARED = '''[scenario]
id = "jambi-shared"
base = "jambi-2025"
trials = 200

''' + CSR_SEGMENT


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    path = tmp_path_factory.mktemp("scenarios") / "jambi-shared.toml"
    path.write_text(SHARED, encoding="utf-8")
    return load_scenario(path)


@pytest.fixture(scope="module")
def summary(shared):
    return forecast(shared, chunk_trials=1000, exact_check=False)


@pytest.fixture(scope="module")
def reports(shared, tmp_path_factory):
    return {code: build(shared, code, tmp_path_factory.mktemp(f"payers-{code}")) for code in ("id", "en")}


def test_the_stated_budget_is_set_against_the_apbds_share(summary):
    budget = summary["budget"]
    assert budget["annual_premium_start_members_idr"] == APBD_YEAR + CSR_YEAR  # the scheme's premium: all payers
    assert budget["apbd_premium_start_members_idr"] == APBD_YEAR
    assert budget["payers"] == [{"payer": "APBD", "members": APBD_MEMBERS, "annual_premium_idr": APBD_YEAR},
                                {"payer": "CSR", "members": CSR_MEMBERS, "annual_premium_idr": CSR_YEAR}]
    assert budget["budget_minus_apbd_premium_idr"] == BUDGET - APBD_YEAR  # Rp800,000 short, not Rp202.4 m
    assert "budget_minus_premium_idr" not in budget
    # The target with the same mix: the APBD pays its share of it.
    assert budget["apbd_premium_target_idr"] == pytest.approx(APBD_YEAR * 3_000 / 4_000, abs=0.01)


def test_the_apbd_premium_is_what_sim_plan_needs(shared, summary):
    """sim plan's APBD needed counts the members in force (deaths leave, so a little less than a full year of the
    starting members): within 1 % of the report's APBD share, far from the premium of all payers."""
    need = budget_needed(shared, DEFAULT_CONFIDENCE)["years"][0]["mean_need_idr"]
    apbd = summary["budget"]["apbd_premium_start_members_idr"]
    assert 0.99 * apbd < need <= apbd
    assert summary["budget"]["annual_premium_start_members_idr"] - need > 0.9 * CSR_YEAR


def test_sim_run_sets_the_budget_against_the_apbd_premium_and_names_the_other_payers(summary):
    lines = cli._budget_lines(summary)
    assert lines[0] == ("Premium for a full year of the 4,000 starting members: Rp806.4 m, of which the APBD pays "
                        "Rp604.8 m; the rest: CSR Rp201.6 m (1,000 members)")
    assert lines[1] == ("Stated budget Rp604.0 m: Rp800,000 short of the APBD's premium (every starting member paid "
                        "for 12 months, none dying or leaving)")
    assert "the APBD's share Rp453.6 m" in lines[2]


@pytest.mark.parametrize("code, words", [
    ("id", ("Dari jumlah itu, Rp604,8 juta dibayar dari APBD", "CSR Rp201,6 juta untuk 1.000 peserta",
            "masih kurang Rp800.000", "bila pihak lain tetap membayar iuran bagian mereka")),
    ("en", ("Of this, the APBD pays Rp604.8 m", "CSR Rp201.6 m for 1,000 members", "Rp800,000 short of the APBD's",
            "the other payers paying for their share")),
])
def test_the_report_budgets_the_apbds_share_and_says_who_pays_the_rest(reports, code, words):
    report = reports[code]
    doc = read(report)
    text = " ".join([doc.paragraph_with("summary", "budget.apbd_premium_start_members_idr"),
                     doc.paragraph_with("summary", "budget.budget_minus_apbd_premium_idr|abs")])
    for w in words:
        assert w in text, w
    # The whole premium is not said to be the APBD's.
    assert "Jumlah inilah yang perlu dianggarkan dalam APBD setiap tahun." not in doc.paragraph_with(
        "summary", "budget.annual_premium_start_members_idr").split("Dari jumlah itu")[0]
    # Members the APBD budget covers with the same mix, the others paying their share: budget / APBD's per member.
    affordable = report.extra["budget_year"]["members_affordable"]
    assert affordable == math.floor(BUDGET / (APBD_YEAR / 4_000)) == 3_994  # not 2,996 (all payers' premium)
    assert report.extra["budget_year"]["apbd_premium_idr"] == APBD_YEAR
    check_figures(report.folder)


@pytest.mark.parametrize("code, said", [
    ("id", "Untuk mencapai target 3.000 peserta dengan komposisi yang sama, iuran yang diperlukan Rp604,8 juta per "
           "tahun, Rp453,6 juta di antaranya dari APBD bila pihak lain membayar iuran bagian mereka."),
    ("en", "Reaching the target of 3,000 members with the same mix would take Rp604.8 m of premiums a year, "
           "Rp453.6 m of it from the APBD if the other payers pay for their share."),
])
def test_the_target_s_premium_gives_the_apbds_share_when_others_pay(reports, code, said):
    """jambi-shared's target of 3,000 members with its mix (3,000 APBD, 1,000 CSR): 3,000 x Rp16,800 x 12 =
    Rp604.8 m of premiums, the APBD's three quarters of it Rp453.6 m. The target's sentence without the APBD's
    share survived the mutation audit."""
    assert read(reports[code]).paragraph_with("summary", "budget.apbd_premium_target_idr") == said


@pytest.mark.parametrize("code, said", [
    ("id", "Dengan anggaran APBD Rp604,0 juta per tahun, kota dapat membiayai iuran sekitar 3.994 peserta dengan "
           "komposisi yang sama, bila pihak lain tetap membayar iuran bagian mereka (garis iuran bagian APBD pada grafik)."),
    ("en", "An APBD budget of Rp604.0 m a year covers about 3,994 members with the same mix, the other payers "
           "paying for their share (the line of the APBD's premium in the chart)."),
])
def test_the_budget_section_says_the_affordable_members_count_on_the_others_paying(reports, code, said):
    """The budget section's members affordable: Rp604.0 m / (Rp604.8 m / 4,000 = Rp151,200 the APBD's premium per
    member) = 3,994.7, about 3,994, only while CSR pays its members' share. The plain sentence ("a budget of Rp604.0 m
    covers about 3,994 members") in its place survived the mutation audit."""
    assert read(reports[code]).paragraph_with("budget", "budget_year.members_affordable") == said


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_scenario_without_apbd_paid_members_says_so_and_gives_no_affordable_count(tmp_path, code):
    """jambi-2025 with its workers paid by CSR: the report said "Rp0 dibayar dari APBD; jumlah inilah yang perlu
    dianggarkan" and "cukup untuk sekitar - peserta". It now says no member is paid from the APBD, that the stated
    APBD budget pays none of the premiums, and gives no members-affordable count."""
    from sim.report import build
    from sim.report_text import TEXT

    report = build(load_scenario("jambi-2025", ["scenario.trials=200", "segments.vulnerable.payer=CSR"]), code,
                   tmp_path)
    # the report's text without its tags (every figure sits in a span)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", (report.folder / "report.html").read_text("utf-8"))).split())
    assert TEXT["exec_budget_unused"][code].split("{budget}")[0] in text
    assert TEXT["exec_budget_no_apbd"][code].split(":")[0] in text
    assert "sekitar - peserta" not in text and "about - members" not in text and "Rp0 dibayar dari APBD" not in text


def test_a_payer_with_no_members_is_not_named(tmp_path):
    """jambi-2025 with a CSR segment of 0 members: nobody but the APBD pays, so `sim run` names no other payer and
    sets the stated budget against the whole premium, 3,000 x Rp16,800 x 12 = Rp604.8 m, Rp800,000 more than the
    Rp604.0 m budget. Listing every payer (members or not) survived the mutation audit: it would read "the rest:
    CSR Rp0 (0 members)"."""
    path = tmp_path / "jambi-empty-csr.toml"
    scenario = SHARED.replace('id = "jambi-shared"', 'id = "jambi-empty-csr"').replace(CSR_SEGMENT, csr_segment(0))
    path.write_text(scenario, encoding="utf-8")
    summary = forecast(load_scenario(path), chunk_trials=1000, exact_check=False)
    assert {"payer": "CSR", "members": 0, "annual_premium_idr": 0.0} in summary["budget"]["payers"]
    lines = cli._budget_lines(summary)
    assert lines[:2] == ["Premium for a full year of the 3,000 starting members: Rp604.8 m",
                         "Stated budget Rp604.0 m: Rp800,000 short of that premium (every starting member paid for "
                         "12 months, none dying or leaving)"]
    assert other_payers(summary["budget"]) == []  # nor the report, which lists the same payers


@pytest.mark.parametrize("code, said", [
    ("id", "Selebihnya dibayar dari sumber di luar anggaran APBD itu: CSR Rp201,6 juta untuk 1.000 peserta dan "
           "DBH-CHT Rp100,8 juta untuk 500 peserta."),
    ("en", "The rest is paid from outside that APBD budget: CSR Rp201.6 m for 1,000 members and DBH-CHT Rp100.8 m "
           "for 500 members."),
])
def test_two_other_payers_are_listed_with_and(tmp_path, code, said):
    """jambi-shared with 500 more BPU members paid from DBH-CHT: CSR pays 1,000 x Rp16,800 x 12 = Rp201.6 m, DBH-CHT
    500 x Rp16,800 x 12 = Rp100.8 m, joined by "and" / "dan" (the list joined by ";" alone survived the mutation
    audit)."""
    from sim.report_document import fill
    from sim.report_sections import _budget_paras

    dbh = csr_segment(500).replace("[segments.csr]", "[segments.dbh]").replace('payer = "CSR"', 'payer = "DBH-CHT"')
    path = tmp_path / "jambi-two-others.toml"
    path.write_text(SHARED.replace('id = "jambi-shared"', 'id = "jambi-two-others"') + "\n" + dbh, encoding="utf-8")
    scenario = load_scenario(path)
    summary = forecast(scenario, chunk_trials=1000, exact_check=False)
    lang = Language(code)
    extra = {"budget_year": {"premium_per_member_idr": 201_600.0, "members_affordable": 0}}  # (not what is tested)
    first = _budget_paras(lang, scenario, summary, extra)[0]
    assert fill(first.text, {k: lang.figure(f.kind, f.value) for k, f in first.figures.items()}).endswith(" " + said)
