"""The age shift (``assumptions.age_shift``): every segment's ages moved older or younger by a number of years, each
held within its profile's own youngest and oldest ages (``population.shifted_ages``), the age profiles' one range
and one bar in the sensitivity tornado. At 0 nothing changes, bit for bit; at another shift the engine, the closed
form and the exact distribution agree; bad input is one line naming the file and the key."""

from __future__ import annotations

import copy
import math
import re
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pytest

from cli_checks import assert_one_line_error, run_cli
from sim import budget
from sim.closed_form import expected
from sim.engine import blocks, simulate_blocks, simulate_chunk, tables
from sim.exact import exact_distribution
from sim.forecast import forecast
from sim.i18n import Language
from sim.membership import entrant_template
from sim.population import build_model, shifted_ages, single_ages
from sim.report_sections import register_table, sensitivity_figures, sensitivity_section
from sim.report_text import PARAMETERS
from sim.scenario import Segment, load_scenario, scenario_from_data
from sim.scenario_schema import AGE_SHIFT_MAX, AGE_SHIFT_UNIT
from sim.sensitivity import groups, tornado

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
KEY = "assumptions.age_shift"
SHIPPED = tomllib.loads((ROOT / "scenarios" / "base" / "national-defaults.toml").read_text(encoding="utf-8"))
SHIPPED_SHIFT = SHIPPED["assumptions"]["age_shift"]
PROFILES = tomllib.loads((ROOT / "sim" / "data" / "age_profiles.toml").read_text(encoding="utf-8"))


def segment(bands, shift=0.0) -> Segment:
    return Segment(name="s", labels={"en": "s", "id": "s"}, scheme="BPU", occupation="other", payer="APBD",
                   members=1000, wage=1e6, risk_class=None, male_share=0.5, age_bands=tuple(map(tuple, bands)),
                   tenure=((48, 1.0),), accident_rate=3.0, mortality_load=1.5, age_shift=shift)


def evenly(bands) -> dict:
    """{age: share} of bands spread evenly by age, worked out here (as the model did before the shift existed)."""
    out = {}
    for lo, hi, share in bands:
        for age in range(lo, hi + 1):
            out[age] = out.get(age, 0.0) + share / (hi - lo + 1)
    return out


# --- The transform ------------------------------------------------------------------------------------------------

NON_ASN = PROFILES["non-asn-staff"]["bands"]  # 20-57: retirement at 58


@pytest.mark.parametrize("shift", [-20, -5, -2.5, -1, 0.3, 1, 2.5, 5, 20])
@pytest.mark.parametrize("name", list(PROFILES))
def test_the_shares_keep_their_sum_and_stay_within_the_profile_s_ages(name, shift):
    bands = PROFILES[name]["bands"]
    ages, shares = single_ages(segment(bands, shift))
    lo, hi = min(b[0] for b in bands), max(b[1] for b in bands)
    assert ages.dtype.kind == "i" and ages.min() >= lo and ages.max() <= hi
    assert np.all(shares >= 0) and shares.sum() == pytest.approx(1.0, abs=1e-12)
    base = evenly(bands)
    mean = float((ages * shares).sum())
    base_mean = sum(a * s for a, s in base.items())
    # Older (younger) by at most the shift; by exactly the shift, less what the limits hold back.
    assert (mean - base_mean) * np.sign(shift) <= abs(shift) + 1e-9
    assert (mean - base_mean) * np.sign(shift) > 0
    held_back = sum(s * max(a + shift - hi, 0) for a, s in base.items()) - sum(s * max(lo - a - shift, 0)
                                                                               for a, s in base.items())
    assert mean == pytest.approx(base_mean + shift - held_back, abs=1e-9)


def test_a_whole_shift_moves_each_age_and_holds_those_past_a_limit_at_it():
    base = evenly(NON_ASN)
    ages, shares = single_ages(segment(NON_ASN, 5))
    got = dict(zip(ages.tolist(), shares.tolist()))
    assert all(got[a] == 0 for a in range(20, 25))  # nobody is younger than 25 any more
    for a in range(25, 57):
        assert got[a] == pytest.approx(base[a - 5], abs=1e-15)
    assert got[57] == pytest.approx(sum(base[a] for a in range(52, 58)), abs=1e-15)  # 52-57 all held at 57
    ages, shares = single_ages(segment(NON_ASN, -5))
    got = dict(zip(ages.tolist(), shares.tolist()))
    assert got[20] == pytest.approx(sum(base[a] for a in range(20, 26)), abs=1e-15)  # 20-25 all held at 20
    assert all(got[a] == 0 for a in range(53, 58))
    for a in range(21, 53):
        assert got[a] == pytest.approx(base[a + 5], abs=1e-15)


def test_a_fractional_shift_splits_each_age_between_the_two_whole_ages_either_side():
    ages, shares = shifted_ages(np.array([30, 31, 32, 33]), np.array([0.4, 0.3, 0.2, 0.1]), 0.25)
    assert ages.tolist() == [30, 31, 32, 33]
    assert shares == pytest.approx([0.4 * 0.75, 0.4 * 0.25 + 0.3 * 0.75, 0.3 * 0.25 + 0.2 * 0.75,
                                    0.2 * 0.25 + 0.1], abs=1e-15)
    ages, shares = shifted_ages(np.array([30, 31, 32, 33]), np.array([0.4, 0.3, 0.2, 0.1]), -1.5)
    assert shares == pytest.approx([0.4 + 0.3 + 0.2 * 0.5, 0.2 * 0.5 + 0.1 * 0.5, 0.1 * 0.5, 0.0], abs=1e-15)


def test_a_profile_of_one_age_does_not_move():
    for shift in (-5, 2.5, 5):
        ages, shares = single_ages(segment([[40, 40, 1.0]], shift))
        assert ages.tolist() == [40] and shares.tolist() == [1.0]


def test_at_0_the_ages_are_the_bands_as_given_number_for_number():
    for name, profile in PROFILES.items():
        ages, shares = single_ages(segment(profile["bands"], 0.0))
        base = evenly(profile["bands"])
        assert ages.tolist() == list(base) and shares.tolist() == list(base.values())


def test_new_entrants_are_shifted_too():
    seg = segment(PROFILES["vulnerable-informal"]["bands"], 5)
    _, age, share = entrant_template(seg, None)
    ages, shares = single_ages(seg)
    assert float((age * share).sum()) == pytest.approx(float((ages * shares).sum()), abs=1e-9)
    assert age.min() == 23


# --- The scenario -------------------------------------------------------------------------------------------------


def test_the_base_states_the_shift_with_its_range_and_its_treatment_of_the_limits():
    assert (SHIPPED_SHIFT["value"], SHIPPED_SHIFT["unit"], SHIPPED_SHIFT["basis"]) == (0, AGE_SHIFT_UNIT,
                                                                                        "assumption")
    low, high = SHIPPED_SHIFT["range"]
    assert low < 0 < high and -AGE_SHIFT_MAX <= low and high <= AGE_SHIFT_MAX
    assert "held at" in SHIPPED_SHIFT["source"]  # what happens to members pushed past a profile's limits
    scenario = load_scenario("madiun-2025")
    assert {s.age_shift for s in scenario.segments} == {0.0}
    moved = load_scenario("madiun-2025", [f"{KEY}=2.5"])
    assert {s.age_shift for s in moved.segments} == {2.5}


def runs(scenario, chunk):
    return simulate_chunk(build_model(scenario), chunk)


def test_at_0_every_number_is_the_same_as_without_the_shift():
    """The shipped shift (0, with its range), no shift at all (a scenario that does not state it, as before it
    existed) and 0.0 from the command line: the same runs and summaries, bit for bit."""
    overrides = ["scenario.trials=2300"]  # three blocks, parameter draws
    shipped = load_scenario("madiun-2025", overrides)
    data = copy.deepcopy(shipped.resolved)
    del data["assumptions"]["age_shift"]
    variants = [scenario_from_data(data), load_scenario("madiun-2025", overrides + [f"{KEY}=0.0"])]
    for seg in build_model(shipped).segments:  # the cells are the bands spread evenly by age, as before
        base = evenly(seg.segment.age_bands)
        assert sorted(set(seg.age0.tolist())) == [a for a, s in base.items() if s > 0]
    chunk = blocks(shipped.trials)
    want = runs(shipped, chunk)
    summary = {k: v for k, v in forecast(shipped).items() if k not in ("provenance", "run")}
    for variant in variants:
        assert variant.segments == shipped.segments
        got = runs(variant, chunk)
        assert all(np.array_equal(a.amounts, b.amounts) and np.array_equal(a.counts, b.counts)
                   for a, b in zip(want, got, strict=True))
        assert {k: v for k, v in forecast(variant).items() if k not in ("provenance", "run")} == summary


def simulate(scenario):
    model = build_model(scenario)
    results = simulate_blocks(model, blocks(scenario.trials), tables(model))
    return model, np.concatenate([r.amounts for r in results]), np.concatenate([r.counts for r in results])


def within_4_se(simulated, want):
    """Each period's mean of ``simulated`` (trials, periods) within 4 Monte Carlo SE of ``want`` (periods,)."""
    mean = simulated.mean(axis=0)
    se = simulated.std(axis=0, ddof=1) / math.sqrt(simulated.shape[0])
    return bool(np.all(se > 0) and np.all(np.abs(mean - want) <= 4 * se)), (mean, want, se)


@pytest.mark.parametrize("shift", [-5, 5])
def test_at_another_shift_the_engine_the_closed_form_and_the_exact_distribution_agree(shift):
    overrides = ["scenario.trials=4000", "scenario.seed=2031", f"{KEY}={shift}"]
    scenario = load_scenario("madiun-2025", overrides)
    model, amounts, counts = simulate(scenario)
    exp = expected(model)
    base = expected(build_model(load_scenario("madiun-2025", overrides[:2])))
    # Older members die more often: more deaths at +5, fewer at -5, every year.
    deaths = exp.counts.sum(axis=(1, 2))
    assert np.all((deaths - base.counts.sum(axis=(1, 2))) * shift > 0)
    ok, detail = within_4_se(amounts.sum(axis=(2, 3)), exp.amounts.sum(axis=(1, 2)))
    assert ok, ("amounts", shift, detail)
    ok, detail = within_4_se(counts.sum(axis=(2, 3)).astype(float), exp.counts.sum(axis=(1, 2)))
    assert ok, ("counts", shift, detail)
    for s in range(len(model.segments)):  # each segment (the non-ASN staff held at 57 or 20, the others at theirs)
        ok, detail = within_4_se(amounts[:, :, s].sum(axis=2), exp.amounts[:, s].sum(axis=1))
        assert ok, ("segment", s, shift, detail)
    total = amounts.sum(axis=(2, 3))
    for period in range(len(model.period_labels)):
        exact = exact_distribution(model, period)
        assert exact.mean_rel_error < 1e-6
        se = total[:, period].std(ddof=1) / math.sqrt(total.shape[0])
        assert abs(total[:, period].mean() - exact.mean) <= 4 * se


def test_a_fractional_shift_lies_between_the_whole_shifts_either_side():
    claims = [expected(build_model(load_scenario("madiun-2025", [f"{KEY}={k}"]))).amounts.sum()
              for k in (2, 2.5, 3)]
    assert claims[0] < claims[1] < claims[2]


# --- The tornado and the register ---------------------------------------------------------------------------------


def test_the_report_s_sensitivity_has_one_age_bar_older_members_more_claims():
    scenario = load_scenario("madiun-2025")
    base, swings, skipped = tornado(scenario)
    assert not skipped
    bars = [s for s in swings if s.key.startswith("assumptions.age")]
    assert [s.key for s in bars] == [KEY]
    bar = bars[0]
    assert (bar.value, bar.low, bar.high) == (0, *SHIPPED_SHIFT["range"])
    assert bar.unit == AGE_SHIFT_UNIT and bar.basis == "assumption"
    assert bar.at_low.claims_idr < base.claims_idr < bar.at_high.claims_idr
    # Each end is the first year's closed form with every segment shifted to that end.
    for shift, outcome in ((bar.low, bar.at_low), (bar.high, bar.at_high)):
        moved = expected(build_model(load_scenario("madiun-2025", ["scenario.horizon_months=12",
                                                                   f"{KEY}={shift}"])))
        assert outcome.claims_idr == pytest.approx(moved.amounts[0].sum(), rel=1e-12)
    # A range set on the command line is the bar's range: a wider one swings wider.
    wide = load_scenario("madiun-2025", [f"{KEY}.range=[-8, 8]"])
    wider = next(s for s in tornado(wide)[1] if s.key == KEY)
    assert (wider.low, wider.high) == (-8, 8) and wider.spread_idr > bar.spread_idr
    # Without a range (a shift given as data, say) the shift has no bar.
    data = copy.deepcopy(scenario.resolved)
    data["assumptions"]["age_shift"]["basis"] = "data"
    del data["assumptions"]["age_shift"]["range"]
    assert KEY not in {key for key, _ in groups(data)}


def test_the_plan_s_tornado_has_the_age_bar_too():
    scenario = load_scenario(DATA / "expansion-small.toml")  # members projected through a pipeline, two years
    result = budget.tornado(scenario)
    row = next(r for r in result["rows"] if r["parameter"] == KEY)
    assert (row["value"], row["low"], row["high"]) == (0, *SHIPPED_SHIFT["range"])
    base = result["base"]
    assert row["claims_expected_idr_low"] < base["claims_expected_idr"] < row["claims_expected_idr_high"]


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_bar_and_the_register_row_are_named_in_the_report_s_language(code):
    scenario = load_scenario("madiun-2025")
    extra = {"sensitivity": sensitivity_figures(scenario, *tornado(scenario))}
    lang = Language(code)
    name = PARAMETERS["age_shift"][code]
    assert lang.parameter(KEY) == name and not re.search(r"[._]", name)
    # Indonesian named the shift as a reader says it: "Profil usia (geser ± tahun)" read as a shift with its number
    # missing ("Untuk batang terlebar, Profil usia (geser ± tahun): ...").
    assert name == {"id": "Pergeseran profil usia (tahun)", "en": "Age profile (shifted, years)"}[code]
    table = next(b for b in sensitivity_section(lang, extra).blocks if getattr(b, "name", "") == "sensitivity")
    rows = [r for r in table.rows if r[0] == name]
    assert len(rows) == 1
    assert [c.value for c in rows[0][2:5]] == [0, *SHIPPED_SHIFT["range"]]
    register = register_table(scenario, code)
    row = register[register.iloc[:, 0] == f"{name} ({KEY})"]
    low, high = SHIPPED_SHIFT["range"]
    assert row[lang("col_range")].tolist() == [f"{lang.plain(low)} – {lang.plain(high)}"]


# --- Bad input: one line naming the file and the key --------------------------------------------------------------

NAME = "jambi.toml"
VALID = (ROOT / "scenarios" / "jambi-2025.toml").read_text(encoding="utf-8")


def shift_table(value: str, rng: str | None = "[-5, 5]", unit: str = "years", basis: str = "assumption") -> str:
    """An [assumptions.age_shift] table to append to the valid scenario (TOML text of its value and range)."""
    ranged = "" if rng is None else f"range = {rng}\n"
    return f'\n[assumptions.age_shift]\nvalue = {value}\nunit = "{unit}"\nsource = "test"\nbasis = "{basis}"\n{ranged}'


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "scenarios" / "base", tmp_path / "base")
    return tmp_path


BAD = [
    ("not-a-number", shift_table('"five"'), [], [NAME, f"{KEY}.value", "must be a number", "'five'"]),
    ("a-boolean", shift_table("true"), [], [NAME, f"{KEY}.value", "must be a number"]),
    ("outside-its-range", shift_table("7"), [], [NAME, f"{KEY}.value", "7 lies outside its stated range [-5, 5]"]),
    ("beyond-the-bound", shift_table("25", "[-5, 30]"), [], [NAME, f"{KEY}.value", "must be <= 20, got 25"]),
    ("far-younger", shift_table("-21", "[-25, 5]"), [], [NAME, f"{KEY}.value", "must be >= -20, got -21"]),
    ("infinite", shift_table("inf", "[-5, inf]"), [], [NAME, f"{KEY}.value", "finite"]),
    ("range-end-beyond-the-bound", shift_table("0", "[-30, 5]"), [],
     [NAME, f"{KEY}.range", "each end must be >= -20, got -30"]),
    ("range-reversed", shift_table("0", "[5, -5]"), [], [NAME, f"{KEY}.range", "low <= high"]),
    ("range-not-numbers", shift_table("0", '[-5, "old"]'), [], [NAME, f"{KEY}.range", "two numbers"]),
    ("range-of-data-beyond-the-bound", shift_table("0", "[-5, 50]", basis="data"), [],
     [NAME, f"{KEY}.range", "each end must be <= 20, got 50"]),
    ("wrong-unit", shift_table("0", unit="months"), [], [NAME, f"{KEY}.unit", "wrong unit", "'years'"]),
    ("set-beyond-the-bound", "", ["--set", f"{KEY}=25"], ["--set", f"{KEY}.value", "must be <= 20, got 25"]),
    ("set-not-a-number", "", ["--set", f"{KEY}=older"], ["--set", f"{KEY}.value", "must be a number"]),
    ("set-range-beyond-the-bound", "", ["--set", f"{KEY}.range=[-5, 40]"],
     ["--set", f"{KEY}.range", "each end must be <= 20, got 40"]),
]


@pytest.mark.parametrize("extra_text, args, fragments", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_age_shift_is_one_line_naming_the_file_and_the_key(folder, capsys, extra_text, args, fragments):
    path = folder / NAME
    path.write_text(VALID + extra_text, encoding="utf-8")
    code, out, err = run_cli(["validate", path, *args], capsys)
    assert_one_line_error(code, err, fragments)
    assert out == ""


def test_the_unbroken_copy_with_a_shift_is_valid(folder, capsys):
    path = folder / NAME
    path.write_text(VALID + shift_table("-2.5", "[-6, 4]"), encoding="utf-8")
    code, out, err = run_cli(["validate", path], capsys)
    assert (code, err) == (0, ""), err
