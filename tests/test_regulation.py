"""The rule figures of DOMAIN.md sections 3-4, and the premium cross-checks of section 2."""

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from sim.population import annual_premium_budget
from sim.regulation import (
    RuleError,
    jkk_death_benefit,
    jkm_death_benefit,
    jkm_scholarship_eligible,
    load_regulation,
    monthly_premium,
    partial_disability_benefit,
    scholarship_schedule,
    temporary_incapacity_benefit,
    total_disability_benefit,
)
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
RULES_2025 = load_regulation().at(dt.date(2025, 6, 1))


def rules(y, m):
    return load_regulation().at(dt.date(y, m, 1))


def test_premiums_per_member_month():
    assert monthly_premium(RULES_2025, "BPU", 1_000_000, 1, "APBD", "mixed-informal") == 16_800
    # Madiun's PU premium: class I JKK 0.24 % + JKM 0.30 % = 0.54 % of Rp2,185,185.
    assert monthly_premium(RULES_2025, "PU", 2_185_185, 1, "APBD", "non-asn") == 11_800
    assert monthly_premium(RULES_2025, "PU", 2_000_000, 5, "APBD", "construction") == pytest.approx(2_000_000 * 0.0204)
    assert monthly_premium(RULES_2025, "BPU", 20_700_000, 1, "SELF", "trade") == 207_000 + 6_800


def test_pp_50_2025_discount_is_dated_and_excludes_city_budget():
    assert monthly_premium(rules(2026, 3), "BPU", 1e6, 1, "CSR", "trade") == 8_400
    assert monthly_premium(rules(2026, 3), "BPU", 1e6, 1, "APBD", "trade") == 16_800
    assert monthly_premium(rules(2026, 3), "BPU", 1e6, 1, "DBH-CHT", "transport") == 16_800
    assert monthly_premium(rules(2027, 2), "BPU", 1e6, 1, "CSR", "transport") == 8_400
    assert monthly_premium(rules(2027, 2), "BPU", 1e6, 1, "CSR", "trade") == 16_800
    assert monthly_premium(rules(2027, 4), "BPU", 1e6, 1, "CSR", "transport") == 16_800
    assert monthly_premium(rules(2025, 12), "BPU", 1e6, 1, "CSR", "transport") == 16_800


def test_the_pp_50_2025_window_has_the_confidence_domain_md_gives_it():
    """DOMAIN.md s.3 rates PP 50/2025 High as one statement: BPU premiums halved in 2026, transport workers' from
    January 2026 to March 2027 (CNBC Indonesia). The end of the general discount was encoded as Medium while the end
    of the transport workers' one, from the same sentence, was High: a report of a scenario starting in 2027 showed
    the full BPU premium on a weaker footing than the source gives it."""
    regulation = load_regulation()
    for name in ("premium.bpu_discount", "premium.bpu_discount_transport"):
        window = [d for d in regulation.rules[name].values if d.effective >= dt.date(2026, 1, 1)]
        assert [d.value for d in window] == [0.5, 0.0], name  # the discount and its end
        assert [d.confidence for d in window] == ["High", "High"], name
        assert all("PP 50/2025" in d.source for d in window), name


def test_rules_before_their_first_date_are_refused():
    with pytest.raises(RuleError, match="jkm"):
        load_regulation().at(dt.date(2019, 1, 1))


def test_jkm_death_benefit_and_bpu_three_month_rule():
    assert jkm_death_benefit(RULES_2025, "PU", [0, 40]).tolist() == [42e6, 42e6]
    assert jkm_death_benefit(RULES_2025, "BPU", [0, 2, 3, 40]).tolist() == [10e6, 10e6, 42e6, 42e6]
    assert jkm_scholarship_eligible(RULES_2025, [35, 36]).tolist() == [False, True]


def test_scholarship_schedule_pays_while_the_child_is_under_23():
    """PP 82/2019: the scholarship ends when the child reaches 23, so a year's instalment is paid at 22 and none at
    23. From school at 5 the levels run 5-12, 13-15, 16-18 and 19-23: four university years are paid (19-22), Rp75 m
    in all; from school at 4 all 19 school years fall before 23, the rules' Rp87 m per child at most (Rp174 m for
    two)."""
    by_age, level = scholarship_schedule(RULES_2025, 5)
    assert RULES_2025["scholarship.end_age"] == 23
    assert len(by_age) == len(level) == 23  # ages 0-22: nothing is paid at 23
    assert by_age[5] == 1_500_000 and by_age[13] == 2_000_000 and by_age[16] == 3_000_000 and by_age[22] == 12_000_000
    assert by_age[4] == 0 and level[4] == -1 and level[22] == 3
    assert by_age.sum() == 8 * 1_500_000 + 3 * 2_000_000 + 3 * 3_000_000 + 4 * 12_000_000 == 75_000_000
    from_4, level_from_4 = scholarship_schedule(RULES_2025, 4)
    assert from_4[4] == 1_500_000 and from_4[18] == from_4[22] == 12_000_000 and level_from_4[3] == -1
    assert from_4.sum() == 87_000_000 and 2 * from_4.sum() == 174_000_000


def test_the_rule_the_register_and_the_readme_say_the_scholarship_is_paid_while_the_child_is_under_23():
    """The scholarship's end age means the same in the rules' unit (shown in the assumption register), the default
    school start age's source and the README: an instalment is paid while the child is under it."""
    rule = load_regulation().rules["scholarship.end_age"]
    assert rule.unit == "years of age (paid while the child is under it)"
    end_age = RULES_2025["scholarship.end_age"]
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert f"instalment is paid while the child is under {end_age} and none once the child is {end_age}" in readme
    start = load_scenario("madiun-2025").resolved["assumptions"]["children"]["school_start_age"]
    assert f"the scholarship ends when the child reaches {end_age}" in start["source"]


def test_jkk_benefits():
    # BPU at the Rp1 m band: 48 x 1 m + Rp10 m funeral + Rp12 m periodic = Rp70 m.
    assert jkk_death_benefit(RULES_2025, 1_000_000) == 70_000_000
    # PU at Rp2,185,185: about Rp126.9 m, close to the Rp129 m heir payment in the Madiun article.
    assert jkk_death_benefit(RULES_2025, 2_185_185) == pytest.approx(126.89e6, rel=1e-4)
    # Floor: 48 x a small wage is below the JKM amount.
    assert jkk_death_benefit(RULES_2025, 500_000) == 42e6 + 22e6
    assert total_disability_benefit(RULES_2025, 1_000_000) == 56e6 + 12e6
    assert partial_disability_benefit(RULES_2025, 1_000_000, 0.35) == pytest.approx(28e6)  # one eye
    np.testing.assert_allclose(temporary_incapacity_benefit(RULES_2025, 1e6, [6, 12, 14]), [6e6, 12e6, 13e6])


def test_premium_totals_match_the_seed_cases():
    # Madiun 2025: 7,902 x 11,800 x 12 + 9,582 x 16,800 x 12 = Rp3.05 bn, the reported Rp3 bn premium income.
    assert annual_premium_budget(load_scenario("madiun-2025")) == 3_050_654_400
    # Jambi 2025: 3,000 x 16,800 x 12 = Rp604.8 m against a Rp604 m budget.
    assert annual_premium_budget(load_scenario("jambi-2025")) == 604_800_000
    assert annual_premium_budget(load_scenario("pekalongan-2023")) == 1_000 * 16_800 * 12


def test_regulation_table_cites_every_rule():
    for row in load_regulation().table(dt.date(2025, 1, 1)):
        assert row["source"] and row["unit"] and row["confidence"] in ("High", "Medium", "Low")


def _file_with(rule: str, **entry) -> dict:
    """regulation.toml as read, with one more dated value for ``rule`` (group.key)."""
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("sim").joinpath("data", "regulation.toml").read_text(encoding="utf-8"))
    group, key = rule.split(".")
    data[group][key]["values"].append(entry)
    return data


@pytest.mark.parametrize("entry, key, says", [
    ({"from": dt.date(2027, 1, 1), "value": 30_000_000, "source": "new PP"}, "values[1]", "missing confidence"),
    ({"from": "2027-01-01", "value": 30_000_000, "source": "new PP", "confidence": "High"},
     "values[1].from", "must be a TOML date without quotes"),
    ({"from": dt.datetime(2027, 1, 1), "value": 30_000_000, "source": "new PP", "confidence": "High"},
     "values[1].from", "must be a TOML date"),
    ({"from": dt.date(2027, 1, 1), "value": 30_000_000, "source": "new PP", "confidence": "high"},
     "values[1].confidence", "must be one of High, Medium, Low; got 'high' (the value from 2027-01-01)"),
    ({"from": dt.date(2027, 1, 1), "value": 30_000_000, "source": "new PP", "confidence": "High", "sourc_id": "PP"},
     "values[1]", "unknown key sourc_id"),
    ({"from": dt.date(2019, 12, 2), "value": 30_000_000, "source": "new PP", "confidence": "High"},
     "values[1].from", "2019-12-02 is also the date of jkm.lump_sum.values[0]; a date takes one value"),
])
def test_a_mistake_in_a_new_rule_value_is_named(entry, key, says):
    """Adding a dated value (a new regulation) by hand: a missing key was a bare KeyError('confidence'), a quoted
    date a TypeError from sorting, and a lowercase confidence or a second value on the same date passed silently
    (the later one won). Each is refused in one line, FILE: KEY: problem as every other input error, the key one a
    maintainer finds in the file: the rule's table, its list of values and the entry (counted from 0, as an
    experience file's observations)."""
    from sim.regulation import _parse_rules, regulation_path

    with pytest.raises(RuleError) as err:
        _parse_rules(_file_with("jkm.lump_sum", **entry))
    assert str(err.value).startswith(f"{regulation_path()}: jkm.lump_sum.{key}: {says}")
    assert "\n" not in str(err.value) and regulation_path().endswith("sim/data/regulation.toml")


@pytest.mark.parametrize("change, key, says", [
    (lambda d: d["jkm"]["lump_sum"].pop("unit"), "jkm.lump_sum", "needs a unit and a list of values"),
    (lambda d: d["jkm"]["lump_sum"].update(values=[]), "jkm.lump_sum.values", "needs a non-empty list"),
    (lambda d: d["jkm"]["lump_sum"].update(values=5), "jkm.lump_sum.values", "needs a non-empty list"),
    (lambda d: d["jkm"]["lump_sum"]["values"].append("2027-01-01"), "jkm.lump_sum.values[2]", "must be { from = ..."),
    (lambda d: d.update(jkm=5), "jkm", "must be a table of rules"),
])
def test_a_mistake_in_a_rule_table_is_named(change, key, says):
    """A rule without its unit or values, or a value that is no table, is one line naming the file and the key
    (a list of values written as a number was a TypeError from deep inside the parser)."""
    from sim.regulation import _parse_rules, regulation_path

    data = _file_with("jkm.lump_sum", **{"from": dt.date(2027, 1, 1), "value": 1, "source": "x", "confidence": "High"})
    change(data)
    with pytest.raises(RuleError) as err:
        _parse_rules(data)
    assert str(err.value).startswith(f"{regulation_path()}: {key}: {says}")


@pytest.fixture
def broken_rules(tmp_path, monkeypatch):
    """A copy of regulation.toml read in place of the shipped one, to be broken by the test; the rules are read
    again from the shipped file afterwards."""
    import sim.regulation

    copy = tmp_path / "regulation.toml"
    copy.write_text(Path(sim.regulation.regulation_path()).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(sim.regulation, "regulation_path", lambda: str(copy))
    load_regulation.cache_clear()
    yield copy
    load_regulation.cache_clear()


@pytest.mark.parametrize("change, says", [
    (lambda t: t.replace('confidence = "High" }', 'confidence = "high" }', 1),
     ": premium.bpu_jkk_rate.values[0].confidence: must be one of High, Medium, Low; got 'high'"),
    (lambda t: t + "\nx = = 1\n", ": malformed TOML: "),
])
def test_a_mistake_in_the_rules_file_is_blamed_on_it_not_on_the_scenario(broken_rules, capsys, change, says):
    """A mistake in regulation.toml is one line naming that file (its path) and the key, also where a scenario's
    check of its start date is the first to read the rules: it read "jambi-2025.toml: scenario.start:
    regulation.toml: rule ...", sending the maintainer to a scenario that is fine."""
    from cli_checks import assert_one_line_error, run_cli

    broken_rules.write_text(change(broken_rules.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = run_cli(["validate", ROOT / "scenarios" / "jambi-2025.toml"], capsys)
    assert_one_line_error(code, err, [f"error: {broken_rules}{says}"])
    assert "jambi" not in err and out == ""


def test_the_jkk_death_floor_follows_the_jkm_cash_on_every_date():
    """jkk.death_floor is "at least the JKM amount" (PP 82/2019; Rp42 m assumed: the JKM cash, DOMAIN.md s.4), kept as
    a number of its own. A new regulation changing the JKM lump sum, periodic benefit or funeral cost from a date
    left it at Rp42 m without a word (change drill): on every date a rule changes, the floor equals the JKM cash, so
    that such a change comes with a decision on the floor (a dated value of jkk.death_floor, or a new source)."""
    regulation = load_regulation()
    since = dt.date(2019, 12, 2)  # benefit rules are encoded from PP 82/2019 on
    dates = sorted({d.effective for r in regulation.rules.values() for d in r.values if d.effective >= since})
    for date in dates:
        r = regulation.at(date)
        cash = r["jkm.lump_sum"] + r["jkm.periodic"] + r["jkm.funeral"]
        assert r["jkk.death_floor"] == cash, (
            f"on {date}: jkk.death_floor is Rp{r['jkk.death_floor']:,} but the JKM cash is Rp{cash:,}; give "
            "jkk.death_floor a value from the same date (or say in its source why it differs, and change this test)")
