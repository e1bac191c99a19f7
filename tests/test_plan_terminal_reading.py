"""sim plan's terminal answer as a budget planner read it (madiun-2026-ucj-csr and the scenarios without CSR pledges):
the APBD needed at 90 % that is the no-pledge-honoured case said so, with the need one confidence step lower; the UCJ
line named for the scenario's money and its target; no "at 90%" where the money is certain; why the largest
coverage's members differ from the year table's, and its share of the members the quota path adds; the check of a
money answer and the "claims per city rupiah" column in plain words; the APBD needed named as the report does; and
`sim report`'s one-line summary with the first year's APBD needed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sim import budget
from sim.i18n import Language
from sim.plan import entry_labels, format_plan, plan
from sim.scenario import load_scenario

CSR = "madiun-2026-ucj-csr"


def rupiah(x):
    return "-" if x is None else f"Rp{x:,.0f}"


def _planned(ref: str):
    scenario = load_scenario(ref, ["scenario.trials=200"])
    _, result, _ = plan(scenario, 0.9, sensitivity=False)
    return scenario, result, format_plan(result, rupiah, labels=entry_labels(scenario)).splitlines()


@pytest.fixture(scope="module")
def csr():
    return _planned(CSR)


@pytest.fixture(scope="module")
def certain():
    return _planned("jambi-2025-pipeline")


def _line(lines: list[str], start: str) -> str:
    return next(line for line in lines if line.startswith(start))


def test_an_answer_that_is_the_no_pledge_honoured_case_says_so_with_the_need_a_step_lower(csr):
    """At 90 % the outcomes other than "none honoured" cover 35 + 15 + 35 = 85 %, so the APBD needed covers all four
    and is "none honoured"'s, year by year: the CSR pledges lower it by nothing, which nothing said. The line says so
    and gives the need at 85 %, as sim.budget answers at that confidence (lower in 2026-2028)."""
    scenario, result, lines = csr
    need = result["budget"]["budget_needed"]
    none = next(o for o in result["budget"]["pledge_outcomes"]["outcomes"] if not o["honoured"])
    assert [r["budget_idr"] for r in need["years"]] == [y["apbd_needed_idr"] for y in none["years"]]  # the claim
    at85 = budget.budget_needed(scenario, 0.85)["years"]
    assert any(a["budget_idr"] < b["budget_idr"] for a, b in zip(at85, need["years"]))
    line = _line(lines, "At 90% the CSR pledges do not lower this")
    assert line == ("At 90% the CSR pledges do not lower this: it is the APBD needed if none is honoured; at 85% "
                    "(--confidence 0.85, short only if 'none honoured', 15%) they do: "
                    + ", ".join(f"{r['year']} {rupiah(r['budget_idr'])}" for r in at85))
    assert lines.index(line) == lines.index(_line(lines, "APBD needed to reach the year-end targets")) + 1
    # At 85 % the answer is not "none honoured"'s: nothing to say.
    from sim.plan import _pledges_not_counted_line

    lower = {**result, "budget": {**result["budget"], "budget_needed": budget.budget_needed(scenario, 0.85)}}
    assert _pledges_not_counted_line(lower, rupiah, frozenset()) is None


def test_the_ucj_line_is_named_for_the_scenario_s_money_and_its_target(csr):
    """"UCJ at year-ends as planned: ... 2030 63.1%" read as the plan that closes the CSR gap, whose UCJ (the line
    above it) reaches the 70.0 % target."""
    _, result, lines = csr
    ucj = result["ucj"]
    assert ucj[-1]["target"] == pytest.approx(0.7)
    assert _line(lines, "UCJ with the scenario's money") == (
        "UCJ with the scenario's money (target 70.0% in 2030): "
        + ", ".join(f"{u['year']} {u['ucj']:.1%}" for u in ucj))
    assert not any("as planned" in line for line in lines)


def test_the_title_says_the_money_is_certain_without_csr_pledges(csr, certain):
    """"budget answers at 90%" was printed for scenarios whose money has no uncertainty (no CSR pledge:
    budget_needed's uncertainty "none"); with pledges it says what the 90 % is over."""
    _, result, lines = certain
    assert result["budget"]["budget_needed"]["uncertainty"].startswith("none")
    assert lines[0].endswith("; budget answers certain (no CSR pledges: the money is known)")
    assert "90%" not in lines[0]
    assert csr[2][0].endswith("; budget answers at 90% over which CSR pledges are honoured")


def test_the_largest_coverage_says_why_its_members_differ_from_the_table(csr):
    """"26,037 members at the end of 2030" beside the table's 26,753: the largest coverage is a smaller path in which
    nobody waits (and, at 90 %, even if no pledge is honoured); the table runs the full quota path with each pledge at
    amount x probability, enrolling while the money lasts, then leaving 6,592 names waiting. Not a bug: said."""
    _, result, lines = csr
    last = result["years"][-1]
    lc = result["budget"]["largest_coverage"]
    members = sum(r["members"] for r in lc["members_year_end"] if str(r["year"]) == last["year"])
    assert round(members) < round(last["members_year_end"]) and last["held_year_end"] > 0
    assert (f"({members:,.0f} members at the end of 2030, nobody cut or waiting for money; the table's "
            f"{last['members_year_end']:,.0f} follow the full quota path with the scenario's money, each CSR pledge "
            "at amount x probability, enrolling as fast as the path asks while the money lasts and then leaving "
            f"names waiting, {last['held_year_end']:,.0f} at that year-end), at 90% over which CSR pledges are "
            "honoured") in _line(lines, "Largest coverage the budget funds: ")


def test_the_largest_coverage_is_a_share_of_the_members_the_quota_path_adds(csr):
    """"Largest coverage the budget funds: 0.539 x the quota path's growth" read as a formula. It is a share: each
    segment's year-end members are its starting members plus that share of what the quota path adds to them
    (26,037 at the end of 2030: 9,582 vulnerable workers + 53.9 % of the 7,931 the path adds, and so on)."""
    scenario, result, lines = csr
    lc = result["budget"]["largest_coverage"]
    start = {s.name: s.members for s in scenario.segments}
    target = {t["segment"]: t["target"] for t in result["targets"] if str(t["year"]) == "2030"}
    kept = [r for r in lc["members_year_end"] if str(r["year"]) == "2030"]
    assert any(target[r["segment"]] > start[r["segment"]] for r in kept)
    for r in kept:  # the meaning the words claim
        assert r["members"] == pytest.approx(start[r["segment"]] + lc["scale"] * (target[r["segment"]]
                                                                                - start[r["segment"]]), abs=0.01)
    line = _line(lines, "Largest coverage the budget funds: ")
    assert line.startswith(f"Largest coverage the budget funds: {lc['scale']:.1%} of the members the quota path adds "
                           "(26,037 members at the end of 2030")
    assert " x the quota path" not in "\n".join(lines)


def test_the_check_of_a_money_answer_is_said_in_plain_words(csr, certain):
    """"re-run with it, money does not bind with probability 100%": a planner does not know "bind". The probability
    (budget.verify_budget, csr_gap's check) is over which CSR pledges are honoured, not over the claims' trials, that
    no member is left unrenewed and no registered name waits for money (expansion.money_bound): said so, and without
    CSR pledges, where there is nothing to weigh, without "over which"."""
    _, result, lines = csr
    need = result["budget"]["budget_needed"]
    assert need["outcomes"] > 1 and need["probability_money_does_not_bind"] == 1.0
    assert _line(lines, "APBD needed to reach the year-end targets").endswith(
        "; with this APBD, no member goes unrenewed or waits for money with probability 100% over which CSR pledges "
        "are honoured")
    assert ("; with it, no member goes unrenewed or waits for money with probability 100% over which CSR pledges are "
            "honoured (UCJ at the end of 2030 70.0%") in _line(lines, "CSR money for the UCJ segments")
    _, result, plain = certain
    assert result["budget"]["budget_needed"].get("outcomes", 1) == 1
    assert _line(plain, "APBD needed to reach the year-end targets").endswith(
        "; with this APBD, no member goes unrenewed or waits for money with probability 100%")
    assert not any("bind" in line for line in lines + plain)
    from sim.plan import _no_bind_words

    assert _no_bind_words("both", 0.85, 4) == ("with both, no member goes unrenewed or waits for money with "
                                              "probability 85% over which CSR pledges are honoured")


def test_the_year_table_says_what_claims_per_city_rupiah_is_under_it(csr, certain):
    """"claims per city rupiah" was defined only far down README: a legend line under the table, within its width."""
    for _, result, lines in (csr, certain):
        years = {y["year"] for y in result["years"]}
        rows = [i for i, line in enumerate(lines) if line.split()[0].rstrip("*") in years]
        legend = lines[rows[-1] + 1]
        assert legend == ("claims per city rupiah: expected claims incurred in the year by all members, whoever pays, "
                          "per rupiah of city money (APBD and DBH-CHT)")
        assert lines[1].endswith("claims per") and lines[2].endswith("city rupiah")
        assert len(legend) <= min(len(line) for line in lines[1:rows[-1] + 1])


def test_the_apbd_needed_is_named_as_the_report_names_it(csr, certain):
    """"APBD needed for the quota path": "quota path" was not among README's words; the report says "to reach the
    year-end targets", and so does the line where the scenario's budget falls short. Where DBH-CHT pays premiums
    (madiun-2026-ucj-csr) the need leaves it out, while the year table's "the city" holds it: the line says so."""
    for (_, _, lines), only in ((csr, "premiums only, excluding DBH-CHT"), (certain, "premiums only")):
        text = "\n".join(lines)
        assert f"APBD needed to reach the year-end targets ({only}): " in text
        assert "APBD needed for the quota path" not in text and "the quota path is not kept" not in text
        assert "where it is short, the year-end targets are not reached" in text


def _headline(pledges: int, first_month: str = "2026-01", lang: str = "en", ratio: dict | None = None) -> str:
    from sim.report import headline

    plan_extra = {"years": [{"year": "2026", "first_month": first_month, "year_end_month": "2026-12",
                             "members_year_end": 20656.2, "apbd_needed_idr": 2906896789.0}],
                  "budget_needed": {"confidence": 0.9, "pledges": pledges}}
    summary = {"scenario_id": CSR, "trials": 200,
               "periods": [{"period": "2026", "premium_idr": 3.35e9, "members": 19429.0, "claims_idr": {"mean": 7.3e9},
                            "claim_ratio": ratio}]}
    report = SimpleNamespace(lang=Language(lang), summary=summary, extra={"planning": plan_extra},
                             scenario=SimpleNamespace(titles={lang: "Kota Madiun"}), folder="reports/x")
    return headline(report).splitlines()[0]


def test_sim_report_s_one_line_summary_gives_the_first_year_s_apbd_needed():
    """`sim report` of a planning scenario printed premium, members and claims, not the APBD needed, the budget's
    first question: it gives the first year's, at the confidence, or certain without CSR pledges; a first year the
    horizon starts in after January by its months."""
    assert _headline(2).endswith("; APBD needed in 2026 Rp2.91 bn (enough with a probability of at least 90%, "
                                 "allowing for CSR pledges that are not honoured)")
    assert _headline(0).endswith("; APBD needed in 2026 Rp2.91 bn (no CSR pledges: certain)")
    assert "; APBD needed in July-December 2026 Rp2.91 bn (" in _headline(0, "2026-07")
    assert "; APBD yang dibutuhkan pada 2026 Rp2,91 miliar (cukup dengan peluang sekurang-kurangnya 90%" in _headline(
        2, lang="id")
    # The claim ratio follows the claims it is of, before the APBD needed (after it, it read as the need's).
    ratio = {"mean": 2.16, "p5": 1.79, "p95": 2.56}
    assert ("2026 claims Rp7.30 bn on average, claim ratio 216% (90% interval 179%–256%); APBD needed in 2026 "
            "Rp2.91 bn (no CSR pledges: certain)") in _headline(0, ratio=ratio)
    assert ("klaim 2026 rata-rata Rp7,30 miliar, rasio klaim 216% (rentang 90%: 179%–256%); APBD yang dibutuhkan "
            "pada 2026") in _headline(0, lang="id", ratio=ratio)


def test_the_one_line_summary_names_the_apbd_needed_without_dbh_cht_where_dbh_cht_pays():
    """Where DBH-CHT pays premiums (madiun-2026-ucj-csr) the APBD needed leaves it out; the report's tables, tile and
    chart say "APBD (excluding DBH-CHT)", and so does `sim report`'s one-line summary; without DBH-CHT, plain APBD."""
    from sim.report import _apbd_headline

    plan = {"years": [{"year": "2026", "first_month": "2026-01", "apbd_needed_idr": 2906896789.0}],
            "budget_needed": {"confidence": 0.9, "pledges": 2},
            "payers": [{"payer": "DBH-CHT", "premium_idr": 1.2e8}, {"payer": "APBD", "premium_idr": 2.9e9}]}
    assert _apbd_headline(Language("en"), plan).startswith("; APBD (excluding DBH-CHT) needed in 2026 Rp2.91 bn (")
    assert _apbd_headline(Language("id"), plan).startswith("; APBD (di luar DBH-CHT) yang dibutuhkan pada 2026 ")
    plan["payers"][0]["premium_idr"] = 0.0
    assert _apbd_headline(Language("en"), plan).startswith("; APBD needed in 2026 Rp2.91 bn (")
