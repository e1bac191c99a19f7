"""Children by the member's age (``assumptions.children.by_member_age``): the engine draws each claim's children
from the band of the member's age at the death or claim, and the closed form and the exact distribution weight
the bands by the expected claims at each age. Without the banded form (or with bands that are all alike) nothing
changes, bit for bit."""

from __future__ import annotations

import copy
import math
import re
import tomllib
from pathlib import Path

import numpy as np
import pytest

from sim import budget
from sim.benefits import INDEX
from sim.closed_form import expected
from sim.engine import blocks, simulate_blocks, simulate_chunk, tables
from sim.exact import exact_distribution
from sim.forecast import forecast
from sim.i18n import Language
from sim.population import build_model
from sim.report_sections import register_table, sensitivity_figures, sensitivity_section
from sim.report_text import PARAMETERS
from sim.scenario import ScenarioError, load_scenario, scenario_from_data
from sim.scenario_schema import CHILD_BAND_UNIT, CHILD_SCALE_UNIT, child_bands, scaled_child_bands
from sim.scholarship import expected_by_lag, sample_children
from sim.sensitivity import at_range_end, groups, tornado
from sim.streams import Draws

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ONE_CELL = DATA / "one-cell.toml"  # 10,000 BPU men aged 40
SCHOLARSHIPS = ("jkm_scholarship", "jkk_scholarship")
FLAT = [0.45, 0.30, 0.25]  # the one-form shares the tests compare with (and its ages 0..22)
# A table in the spirit of the shipped default: few children for old members, and older ones.
MIXED = [[15, 0.65, 0.25, 0.10, 0, 8], [25, 0.30, 0.32, 0.38, 0, 15], [35, 0.12, 0.23, 0.65, 0, 22],
         [45, 0.22, 0.33, 0.45, 3, 22], [55, 0.50, 0.33, 0.17, 10, 22], [60, 0.72, 0.22, 0.06, 14, 22],
         [65, 0.93, 0.06, 0.01, 17, 22]]


def with_children(ref, overrides=(), by_member_age=None, flat=None):
    """The scenario ``ref`` (with ``overrides``) with its children given by ``by_member_age`` rows or by the one
    form ``flat`` = (count_shares, age_max), whichever form its base uses."""
    data = copy.deepcopy(load_scenario(ref, list(overrides)).resolved)
    kids = data["assumptions"]["children"]
    for key in ("count_shares", "age_max", "by_member_age"):
        kids.pop(key, None)
    if by_member_age is not None:
        kids["by_member_age"] = {"value": by_member_age, "unit": CHILD_BAND_UNIT, "source": "test",
                                 "basis": "assumption"}
    else:
        shares, age_max = flat or (FLAT, 22)
        kids["count_shares"] = {"value": shares, "unit": "share", "source": "test", "basis": "assumption"}
        kids["age_max"] = {"value": age_max, "unit": "years", "source": "test", "basis": "assumption",
                           "range": [0, 22]}
    return scenario_from_data(data)


def simulate(scenario, trials=None):
    """Every trial's (amounts, counts): (trials, periods, segments, benefits) each."""
    model = build_model(scenario)
    results = simulate_blocks(model, blocks(trials or scenario.trials), tables(model))
    return (model, np.concatenate([r.amounts for r in results]), np.concatenate([r.counts for r in results]))


def assert_within_4_se(simulated, want, what):
    """Each period's mean of ``simulated`` (trials, periods) within 4 Monte Carlo SE of ``want`` (periods,); a
    period the closed form gives nothing (madiun-2025's non-ASN staff reach the 3 years a JKM scholarship needs
    only in 2026) must simulate exactly nothing."""
    mean = simulated.mean(axis=0)
    se = simulated.std(axis=0, ddof=1) / math.sqrt(simulated.shape[0])
    none = want == 0
    assert np.all(simulated[:, none] == 0), (what, mean, want)
    assert np.all(se[~none] > 0), (what, se)
    assert np.all(np.abs(mean - want)[~none] <= 4 * se[~none]), (what, mean, want, se)


# --- The same children for every member: nothing changes -----------------------------------------------------


@pytest.mark.parametrize("rows", [
    [[15, *FLAT, 0, 22]],  # one band holding every member
    [[15, *FLAT, 0, 22], [40, *FLAT, 0, 22], [58, *FLAT, 0, 22], [70, *FLAT, 0, 22]],  # four bands, all alike
])
def test_bands_all_alike_give_the_one_form_numbers_bit_for_bit(rows):
    # madiun-2025: parameter draws, three calendar years, JKM and JKK scholarships, members 18-70.
    overrides = ["scenario.trials=2300"]
    one = simulate(with_children("madiun-2025", overrides))
    banded = simulate(with_children("madiun-2025", overrides, by_member_age=rows))
    assert one[1][..., [INDEX[b] for b in SCHOLARSHIPS]].sum() > 0
    assert np.array_equal(one[1], banded[1]) and np.array_equal(one[2], banded[2])
    # The closed form and the exact distribution add the same pieces band by band: equal up to rounding.
    assert expected(banded[0]).amounts == pytest.approx(expected(one[0]).amounts, rel=1e-12, abs=1e-6)
    exact_one, exact_banded = exact_distribution(one[0], 1), exact_distribution(banded[0], 1)
    assert exact_banded.h == exact_one.h and exact_banded.mean == pytest.approx(exact_one.mean, rel=1e-10)
    assert np.abs(exact_banded.probabilities - exact_one.probabilities).max() < 1e-12


# --- Old members leave no children under 23 ----------------------------------------------------------------


def sixty_year_olds(by_member_age=None, flat=None):
    """10,000 BPU members aged 60 for two years (60 and 61), members for four years, with work accidents."""
    return with_children(ONE_CELL,
                         ["segments.men40.age_bands=[[60, 60, 1.0]]", "segments.men40.accident_rate=50",
                          "scenario.horizon_months=24", "scenario.trials=2000"], by_member_age, flat)


def test_members_past_the_last_band_with_children_draw_no_scholarship_at_all():
    rows = [[15, 0.40, 0.30, 0.30, 0, 22], [55, 1.0, 0.0, 0.0, 18, 22]]
    model, amounts, counts = simulate(sixty_year_olds(rows))
    assert counts[..., INDEX["jkm_death"]].sum() > 500 and counts[..., INDEX["jkk_death"]].sum() > 100
    for benefit in SCHOLARSHIPS:
        assert amounts[..., INDEX[benefit]].sum() == 0 and counts[..., INDEX[benefit]].sum() == 0
        assert expected(model).amounts[..., INDEX[benefit]].sum() == 0
    assert exact_distribution(model, 1).mean == pytest.approx(expected(model).amounts[1].sum(), rel=1e-9)
    # The same members under the one form (55 % of them with children aged 0-22) do draw scholarships.
    flat_amounts = simulate(sixty_year_olds())[1]
    assert all(flat_amounts[..., INDEX[b]].sum() > 0 for b in SCHOLARSHIPS)


def test_the_band_is_the_member_s_age_at_the_claim_not_at_the_start():
    # Members aged 54 at the start turn 55 in month 12: deaths in the first year leave children (band 15-54), deaths
    # in the second none (band 55+). So the second year pays only the second instalments of first-year deaths.
    rows = [[15, 0.0, 0.0, 1.0, 5, 5], [55, 1.0, 0.0, 0.0, 0, 22]]  # two children aged 5: 8 primary years ahead
    scenario = with_children(ONE_CELL, ["segments.men40.age_bands=[[54, 54, 1.0]]",
                                                          "scenario.horizon_months=24", "scenario.trials=4000"], rows)
    model, amounts, counts = simulate(scenario)
    rules = model.regimes[0]
    deaths = model.segments[0].jkm_rate.sum(axis=0)  # every death is eligible: members for 48 months and more
    per_claim = expected_by_lag(rules, scenario.children, 0)
    assert per_claim[0][:2] == pytest.approx([2 * 1.5e6, 2 * 1.5e6])  # two children, a primary year each
    want = [deaths[:12].sum() * per_claim[0][0], deaths[:12].sum() * per_claim[0][1]]
    exp = expected(model).amounts[:, 0, INDEX["jkm_scholarship"]]
    assert exp == pytest.approx(want, rel=1e-12)
    assert_within_4_se(amounts[..., 0, INDEX["jkm_scholarship"]], exp, "jkm_scholarship")
    # Two children at every first-year death, none later: exactly twice the first year's deaths in each year.
    twice = 2 * counts[:, 0, 0, INDEX["jkm_death"]]
    assert np.array_equal(counts[:, 0, 0, INDEX["jkm_scholarship"]], twice)
    assert np.array_equal(counts[:, 1, 0, INDEX["jkm_scholarship"]], twice)


def test_a_member_s_age_follows_the_ledger_for_members_who_join_during_the_horizon():
    model = build_model(load_scenario("jambi-2025-pipeline"))
    exp = model.segments[0]
    ledger = model.projection.ledgers[exp.segment.name]
    cells = ledger.used_cells()
    assert (exp.join > 0).any()  # some cells join later
    for month in (0, 11, 12, 25, model.months - 1):
        assert np.array_equal(exp.age(np.arange(cells.size), month), ledger.age(month, cells))


# --- Mixed bands: simulation, closed form and exact agree ------------------------------------------------------


def assert_scholarships_agree(model, amounts, counts, exp, *label) -> None:
    """Every segment's scholarships (amounts and counts, by period) within 4 SE of the closed form; where the
    closed form gives nothing, the simulation must give exactly nothing."""
    for s in range(len(model.segments)):
        for benefit in SCHOLARSHIPS:
            b = INDEX[benefit]
            if exp.amounts[:, s, b].sum() == 0:
                assert amounts[:, :, s, b].sum() == 0
                continue
            assert_within_4_se(amounts[:, :, s, b], exp.amounts[:, s, b], (*label, s, benefit))
            assert_within_4_se(counts[:, :, s, b].astype(float), exp.counts[:, s, b], (*label, s, benefit, "count"))


@pytest.mark.parametrize("ref", ["madiun-2025", "jambi-2025-pipeline"])
def test_banded_scholarships_agree_with_the_closed_form_within_4_se(ref):
    # madiun-2025: members of every age over three years; jambi-2025-pipeline: members joining month by month.
    scenario = with_children(ref, ["scenario.trials=6000", "scenario.seed=2027"], by_member_age=MIXED)
    model, amounts, counts = simulate(scenario)
    exp = expected(model)
    assert_scholarships_agree(model, amounts, counts, exp)
    for period in range(len(model.period_labels)):
        assert exact_distribution(model, period).mean_rel_error < 1e-6


def test_banded_claims_quantiles_agree_with_the_exact_distribution():
    scenario = with_children("madiun-2025-prior", ["scenario.trials=20000", "scenario.horizon_months=12"],
                             by_member_age=MIXED)
    summary = forecast(scenario)
    r = exact_distribution(build_model(scenario), 0)
    simulated, n = summary["periods"][0]["claims_idr"], summary["trials"]
    for name, q in (("p5", 0.05), ("p50", 0.5), ("p95", 0.95)):
        at = float(r.cdf(simulated[name]))
        assert abs(at - q) <= 4 * math.sqrt(q * (1 - q) / n), (name, simulated[name], r.quantiles[name], at)
    assert abs(simulated["mean"] - r.mean) <= 4 * simulated["se"]


# --- The sampler ----------------------------------------------------------------------------------------------


def test_each_claim_draws_its_band_s_number_and_ages_of_children():
    scenario = with_children("madiun-2025-prior", by_member_age=MIXED)
    children, rules = scenario.children, build_model(scenario).regimes[0]
    n = 40_000
    band = np.repeat(np.arange(len(MIXED)), n)
    kids = sample_children(Draws.one(np.random.default_rng(11), band.size), rules, children, band)
    per_claim = np.bincount(kids.claim, minlength=band.size)
    for k, (_, p0, p1, p2, youngest, oldest) in enumerate(MIXED):
        mine = per_claim[band == k]
        for count, p in enumerate((p0, p1, p2)):
            share = np.mean(mine == count)
            assert abs(share - p) <= 4 * math.sqrt(p * (1 - p) / n) + 1e-12, (k, count, share, p)
        ages = kids.age[band[kids.claim] == k]
        assert ages.min() == youngest and ages.max() == oldest
        sd = math.sqrt(((oldest - youngest + 1) ** 2 - 1) / 12)  # a discrete uniform's
        assert abs(ages.mean() - (youngest + oldest) / 2) <= 4 * sd / math.sqrt(ages.size)


def test_band_of_a_member_age():
    children = with_children("madiun-2025-prior", by_member_age=MIXED).children
    ages = np.array([15, 24, 25, 34, 35, 54, 55, 59, 60, 64, 65, 100])
    assert children.band_of(ages).tolist() == [0, 0, 1, 1, 2, 3, 4, 4, 5, 5, 6, 6]
    assert children.age_max == 22 and children.count_shares is None
    one = with_children("madiun-2025-prior").children
    assert one.band_of(ages).tolist() == [0] * ages.size and one.bands[0].count_shares == tuple(FLAT)


# --- Bad tables: one line naming the key and the problem -----------------------------------------------------


@pytest.mark.parametrize("rows, problem", [
    ([[15, 0.5, 0.3, 0.3, 0, 22]], "shares must sum to 1"),
    ([[15, 1.2, -0.1, -0.1, 0, 22]], "every share must be between 0 and 1"),
    ([[15, *FLAT, 0, 22], [45, *FLAT, 0, 22], [35, *FLAT, 0, 22]], "bands must start at increasing member ages"),
    ([[15, *FLAT, 0, 22], [15, *FLAT, 0, 22]], "bands must start at increasing member ages, got 15 after 15"),
    ([[20, *FLAT, 0, 22]], "the first band must start at 15 or younger"),
    ([[15, *FLAT, 0, 23]], "must be <= 22, got 23"),
    ([[15, *FLAT, -1, 22]], "must be >= 0, got -1"),
    ([[15, *FLAT, 12, 5]], "the oldest child's age is below the youngest's"),
    ([[15.5, *FLAT, 0, 22]], "must be a whole number"),
    ([[15, 0.5, 0.5, 0, 22]], "each band must be [member age from, P(0), P(1), P(2+), youngest child, oldest child]"),
    ([], "must be a non-empty list"),
])
def test_a_bad_table_is_refused_with_its_key_and_problem(rows, problem):
    with pytest.raises(ScenarioError) as err:
        with_children("madiun-2025-prior", by_member_age=rows)
    assert "assumptions.children.by_member_age.value" in str(err.value) and problem in str(err.value)
    assert "\n" not in str(err.value)


def test_the_oldest_child_s_age_is_one_below_the_scholarship_s_end_age_on_every_date():
    """The children tables accept a child of 0..OLDEST_CHILD (22) at the claim, a copy of the rules'
    scholarship.end_age (23, the last age paid) less one, kept in sim/scenario_schema.py (it says why). A dated value
    of the rule with another end age left the bound at 22 without a word: every dated value must agree with it, so
    that a new end age comes with a decision on the bound and the children tables."""
    from sim.regulation import load_regulation
    from sim.scenario_schema import OLDEST_CHILD

    for dated in load_regulation().rules["scholarship.end_age"].values:
        assert dated.value - 1 == OLDEST_CHILD, (
            f"scholarship.end_age is {dated.value} from {dated.effective} but sim.scenario_schema.OLDEST_CHILD is "
            f"{OLDEST_CHILD}: move the bound (and the children tables that stop at it) with the rule")


def test_both_forms_at_once_are_refused():
    data = copy.deepcopy(with_children("madiun-2025-prior", by_member_age=MIXED).resolved)
    data["assumptions"]["children"]["count_shares"] = {"value": FLAT, "unit": "share", "source": "test",
                                                       "basis": "assumption"}
    with pytest.raises(ScenarioError, match=r"assumptions.children.by_member_age: give either count_shares and "
                                            r"age_max .* or by_member_age, not both \(also set: count_shares\)"):
        scenario_from_data(data)
    del data["assumptions"]["children"]["by_member_age"]
    with pytest.raises(ScenarioError, match=r"assumptions.children.age_max: missing \(or give the children by "):
        scenario_from_data(data)


# --- The table's range: one factor on each band's share of members with a child under 23 ------------------------

TABLE = "assumptions.children.by_member_age"
SHIPPED = tomllib.loads((ROOT / "scenarios" / "base" / "national-defaults.toml").read_text(encoding="utf-8"))
SHIPPED_TABLE = SHIPPED["assumptions"]["children"]["by_member_age"]


def at_factor(ref, factor, overrides=()):
    """The scenario ``ref`` with its children table at ``factor``, moved as the tornado moves it (the end of a
    range [factor, factor])."""
    data = load_scenario(ref, list(overrides)).resolved
    node = data["assumptions"]["children"]["by_member_age"]
    return scenario_from_data(at_range_end(data, [(TABLE, {**node, "range": [factor, factor]})], 0))


def scholarships(exp):
    """Closed-form scholarship amounts (periods, segments, 2) of an Expected."""
    return exp.amounts[..., [INDEX[b] for b in SCHOLARSHIPS]]


@pytest.mark.parametrize("rows", [SHIPPED_TABLE["value"], MIXED], ids=["shipped", "mixed"])
@pytest.mark.parametrize("factor", [0.0, 0.5, 0.75, 1.25, 2.0, 100.0])
def test_the_factor_scales_the_share_with_a_child_and_keeps_the_rest(rows, factor):
    scaled = scaled_child_bands(rows, factor)
    assert len(scaled) == len(rows)
    for old, new in zip(rows, scaled):
        assert (new[0], new[4], new[5]) == (old[0], old[4], old[5])  # the bands and the children's ages stay
        assert all(0.0 <= p <= 1.0 for p in new[1:4]) and sum(new[1:4]) == pytest.approx(1.0, abs=1e-12)
        with_child = old[2] + old[3]
        assert new[2] + new[3] == pytest.approx(min(factor * with_child, 1.0), abs=1e-12)  # capped at 1
        assert new[2] * old[3] == pytest.approx(new[3] * old[2], abs=1e-12)  # one and two or more in proportion
    # The scaled table is a valid table (shares summing to 1 within the schema's tolerance).
    assert child_bands(scaled) is None


def test_at_the_factor_1_the_table_is_the_same_number_for_number():
    for rows in (SHIPPED_TABLE["value"], MIXED):
        assert scaled_child_bands(rows, 1.0) == rows and scaled_child_bands(rows, 1) == rows


def test_the_range_changes_no_number():
    """The shipped table states a range; without it, and with the table at the factor 1, every number of a run is
    the same, bit for bit."""
    overrides = ["scenario.trials=2300"]  # three blocks, parameter draws, JKM and JKK scholarships
    ranged = load_scenario("madiun-2025", overrides)
    assert ranged.resolved["assumptions"]["children"]["by_member_age"]["range"] == SHIPPED_TABLE["range"]
    data = copy.deepcopy(ranged.resolved)
    del data["assumptions"]["children"]["by_member_age"]["range"]
    variants = [scenario_from_data(data), at_factor("madiun-2025", 1.0, overrides)]
    assert all(v.children == ranged.children for v in variants)
    chunk = blocks(ranged.trials)
    want = simulate_chunk(build_model(ranged), chunk)
    assert sum(r.amounts[..., [INDEX[b] for b in SCHOLARSHIPS]].sum() for r in want) > 0
    summary = {k: v for k, v in forecast(ranged).items() if k not in ("provenance", "run")}
    for variant in variants:
        got = simulate_chunk(build_model(variant), chunk)
        assert all(np.array_equal(a.amounts, b.amounts) and np.array_equal(a.counts, b.counts)
                   for a, b in zip(want, got, strict=True))
        assert {k: v for k, v in forecast(variant).items() if k not in ("provenance", "run")} == summary


@pytest.mark.parametrize("factor", [0.6, 1.4])
def test_at_another_factor_the_engine_the_closed_form_and_the_exact_distribution_agree(factor):
    # 0.6: every band's share with a child times 0.6; 1.4: the bands of 25-54 held at no member without a child.
    overrides = ["scenario.trials=6000", "scenario.seed=2027"]
    scenario = at_factor("madiun-2025", factor, overrides)
    model, amounts, counts = simulate(scenario)
    exp = expected(model)
    base = scholarships(expected(build_model(load_scenario("madiun-2025", overrides))))
    if factor < 1:  # no band reaches the cap: the expected children, and so the scholarships, times the factor
        assert scholarships(exp) == pytest.approx(factor * base, rel=1e-12, abs=1e-6)
    else:  # more, but less than in proportion where the cap holds
        assert np.all(scholarships(exp) >= base) and scholarships(exp).sum() < factor * base.sum()
    assert_scholarships_agree(model, amounts, counts, exp, factor)
    total = amounts.sum(axis=(2, 3))  # (trials, periods)
    for period in range(len(model.period_labels)):
        exact = exact_distribution(model, period)
        assert exact.mean_rel_error < 1e-6
        se = total[:, period].std(ddof=1) / math.sqrt(total.shape[0])
        assert abs(total[:, period].mean() - exact.mean) <= 4 * se


def test_the_report_s_sensitivity_has_one_children_bar_fewer_children_fewer_claims():
    scenario = load_scenario("madiun-2025")
    base, swings, skipped = tornado(scenario)
    assert not skipped
    bars = [s for s in swings if s.key.startswith("assumptions.children.by_member_age")]
    assert [s.key for s in bars] == [TABLE]
    bar = bars[0]
    assert (bar.value, bar.low, bar.high) == (1.0, *SHIPPED_TABLE["range"])
    assert bar.unit == CHILD_SCALE_UNIT and bar.basis == "assumption"
    assert bar.at_low.claims_idr < base.claims_idr < bar.at_high.claims_idr
    assert bar.at_low.premium_idr == bar.at_high.premium_idr == base.premium_idr
    # Only the scholarships move: each end is the first year's closed form with the table at that factor.
    first_year = ["scenario.horizon_months=12"]
    at_one = expected(build_model(load_scenario("madiun-2025", first_year))).amounts[0]
    others = [i for i in range(at_one.shape[-1]) if i not in [INDEX[b] for b in SCHOLARSHIPS]]
    for factor, outcome in ((bar.low, bar.at_low), (bar.high, bar.at_high)):
        moved = expected(build_model(at_factor("madiun-2025", factor, first_year))).amounts[0]
        assert outcome.claims_idr == pytest.approx(moved.sum(), rel=1e-12)
        assert np.array_equal(moved[:, others], at_one[:, others])
    # A range set on the command line is the bar's range: a wider one swings wider.
    wide = load_scenario("madiun-2025", [f"{TABLE}.range=[0.5, 1.5]"])
    wider = next(s for s in tornado(wide)[1] if s.key == TABLE)
    assert (wider.low, wider.high) == (0.5, 1.5) and wider.spread_idr > bar.spread_idr
    # Without a range the table has no bar.
    data = copy.deepcopy(scenario.resolved)
    del data["assumptions"]["children"]["by_member_age"]["range"]
    assert TABLE not in {key for key, _ in groups(data)}


def test_the_plan_s_tornado_has_the_children_bar_too():
    scenario = load_scenario(DATA / "expansion-small.toml")  # members projected through a pipeline, two years
    result = budget.tornado(scenario)
    row = next(r for r in result["rows"] if r["parameter"] == TABLE)
    assert (row["value"], row["low"], row["high"]) == (1.0, *SHIPPED_TABLE["range"])
    base = result["base"]
    assert row["claims_expected_idr_low"] < base["claims_expected_idr"] < row["claims_expected_idr_high"]
    for out in ("members_end", "premium_idr", "city_money_idr"):
        assert row[f"{out}_low"] == row[f"{out}_high"] == base[out]


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_bar_and_the_register_row_are_named_in_the_report_s_language(code):
    scenario = load_scenario("madiun-2025")
    extra = {"sensitivity": sensitivity_figures(scenario, *tornado(scenario))}
    lang = Language(code)
    name = PARAMETERS["by_member_age"][code]
    assert lang.parameter(TABLE) == name and not re.search(r"[._]", name)
    table = next(b for b in sensitivity_section(lang, extra).blocks if getattr(b, "name", "") == "sensitivity")
    rows = [r for r in table.rows if r[0] == name]
    assert len(rows) == 1
    assert [c.value for c in rows[0][2:5]] == [1.0, *SHIPPED_TABLE["range"]]
    # The register shows the table with the range of its factor, where it shows every range.
    register = register_table(scenario, code)
    row = register[register.iloc[:, 0] == f"{name} ({TABLE})"]
    low, high = SHIPPED_TABLE["range"]
    assert row[lang("col_range")].tolist() == [f"{lang.plain(low)} – {lang.plain(high)}"]
