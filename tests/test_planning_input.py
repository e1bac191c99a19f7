"""Planning tables: bad quota, pipeline and funding inputs end in one clear line (file, key, problem), exit status 2
and nothing written; the plan and compare commands write their files; existing scenarios stay valid."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from cli_checks import assert_one_line_error, run_cli
from sim.plan import column_decimals, fixed, sensitivity_names
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "expansion-small"
NAME = "broken.toml"


def scenario_text(extra: str) -> str:
    """A scenario inheriting from tests/data/expansion-small with ``extra`` added (by absolute path, so the copy can
    live anywhere)."""
    return f'[scenario]\nid = "broken"\ntitle = "broken"\nbase = "{SMALL}"\n\n{extra}'


def p(value, unit, basis="assumption", rng=None):
    r = f", range = {rng}" if rng else ""
    return f'{{ value = {value}, unit = "{unit}", source = "test", basis = "{basis}"{r} }}'


def funded_pledge(amount, probability=0.5, segment="vulnerable"):
    """A [funding] table with a Rp1 bn APBD budget and one CSR pledge (acme) of two years for ``segment``."""
    return ("[funding]\napbd_budget = " + p(1e9, "IDR per year", "data")
            + "\n[funding.csr.acme]\namount = " + p(amount, "IDR per year", rng="[0, 1e9]")
            + "\nprobability = " + p(probability, "share", rng="[0, 2]") + "\nyears = "
            + p(2, "years", rng="[1, 5]") + f'\nsegments = ["{segment}"]')




CASES = {
    "negative capacity": ("[pipeline.kelurahan]\ncapacity = " + p(-5, "names per month", rng="[-10, 10]"),
                          ["pipeline.kelurahan.capacity.value", "must be >= 0"]),
    "rejection rate above 1": ("[pipeline.kecamatan]\nrejection_rate = " + p(1.5, "share", rng="[0, 2]"),
                               ["pipeline.kecamatan.rejection_rate.value", "must be <= 1"]),
    "duration not whole months": ("[pipeline.bpjs]\nduration = " + p(0.5, "months", rng="[0, 1]"),
                                  ["pipeline.bpjs.duration.value", "whole number"]),
    "unknown pipeline key": ("[pipeline.disnaker]\ncapacty = " + p(5, "names per month"),
                             ["pipeline.disnaker.capacty", "unknown key", "capacity"]),
    # A stage resembling none of the four: they are listed (it said "unknown key" alone, naming none of them).
    "unknown pipeline stage": ("[pipeline.rt]\ncapacity = " + p(5, "names per month"),
                               ["pipeline.rt", "unknown key (known: mode, proposal_months, kelurahan, kecamatan, "
                                               "disnaker, bpjs)"]),
    "missing stage": ("", None),  # replaced below: a pipeline without its bpjs stage
    "budget per month": ("[funding]\napbd_budget = " + p(50000000, "IDR per month", "data"),
                         ["funding.apbd_budget.unit", "wrong unit", "IDR per year"]),
    "budget year missing": ("[funding]\napbd_budget = " + p("[[2025, 600000000]]", "IDR per year", "data"),
                            ["funding.apbd_budget.value", "no amount for 2026"]),
    "budget in billions": ("[funding]\napbd_budget = " + p(3.5, "IDR per year", "data"),
                           ["funding.apbd_budget.value", "IDR per year: Rp3.5 is below Rp1,000,000", "3500000000"]),
    "budget year in millions": ("[funding]\napbd_budget = " + p("[[2025, 600], [2026, 700]]", "IDR per year", "data"),
                                ["funding.apbd_budget.value", "entry [2025, 600]: IDR per year: Rp600 is below"]),
    "pledge in millions": (funded_pledge(150),
                           ["funding.csr.acme.amount.value", "IDR per year: Rp150 is below Rp1,000,000"]),
    "negative budget": ("[funding]\napbd_budget = " + p(-1, "IDR per year", "data"),
                        ["funding.apbd_budget.value", "must be >= 0"]),
    "pledge probability above 1": (funded_pledge(1e8, probability=1.2),
                                   ["funding.csr.acme.probability.value", "must be <= 1"]),
    "pledge for an unknown segment": (funded_pledge(1e8, segment="vulnerble"),
                                      ["funding.csr.acme.segments", "unknown segment 'vulnerble'"]),
    "dbh-cht without segments": ("[funding]\napbd_budget = " + p(1e9, "IDR per year", "data") + "\ndbh_cht_budget = "
                                 + p(1e8, "IDR per year", "data"), ["funding.dbh_cht_segments", "missing"]),
    "quota for an unknown segment": ("[expansion.nobody]\ntargets = " + p(100, "persons", rng="[0, 1000]"),
                                     ["expansion.nobody", "unknown segment"]),
    "two quota kinds": ("[expansion.vulnerable]\ngrowth_rate = " + p(0.1, "share per year", rng="[0, 1]"),
                        ["expansion.vulnerable", "exactly one of targets, growth_rate, ucj_allocation"]),
    "quota with a dot as thousands separator": ("[expansion.vulnerable]\ntargets = " + p("[[2025, 3.500]]", "persons"),
                                                ["expansion.vulnerable.targets.value", "without a decimal point"]),
    "negative quota": ("[expansion.vulnerable]\ntargets = " + p("[[2025, -3]]", "persons"),
                       ["expansion.vulnerable.targets.value", "must be >= 0"]),
    "quota year not a year": ("[expansion.vulnerable]\ntargets = " + p("[[25, 3000]]", "persons"),
                              ["expansion.vulnerable.targets.value", "must be >= 2000"]),
    "ucj allocation without ucj": ("[expansion.sertakan]\nucj_allocation = " + p(0.5, "share of UCJ gap", rng="[0, 1]"),
                                   None),
    "exit rate above 1": ("[membership]\nmoving_away_rate = " + p(1.5, "share per year", rng="[0, 2]"),
                          ["membership.moving_away_rate.value", "must be <= 1"]),
    "exit rates for an unknown segment": ("[membership.nobody]\nage_limit = " + p(60, "years", rng="[50, 70]"),
                                          ["membership.nobody", "unknown key or segment"]),
    "claim timing shares": ("[claim_timing]\nreporting_delay = " + p("[[0, 0.5], [1, 0.2]]", "share")
                            + "\nverification_capacity = " + p(10, "claims per month", rng="[1, 100]")
                            + "\nverification_months = " + p(1, "months", rng="[0, 3]")
                            + "\npayment_months = " + p(0, "months", rng="[0, 3]"),
                            ["claim_timing.reporting_delay.value", "sum to 1"]),
    # A month given twice is most likely a typo for another month (as a tenure month given twice).
    "claim timing month repeated": ("[claim_timing]\nreporting_delay = " + p("[[0, 0.5], [1, 0.3], [1, 0.2]]", "share")
                                    + "\nverification_capacity = " + p(10, "claims per month", rng="[1, 100]")
                                    + "\nverification_months = " + p(1, "months", rng="[0, 3]")
                                    + "\npayment_months = " + p(0, "months", rng="[0, 3]"),
                                    ["claim_timing.reporting_delay.value",
                                     "1 (months after the event) is given twice ([1, 0.3] and [1, 0.2])"]),
    # PP 82/2019: a claim may be made up to 5 years after the accident; a 6-year delay paid claims BPJS refuses.
    "claim reported after the deadline": ("[claim_timing]\nreporting_delay = " + p("[[0, 0.9], [72, 0.1]]", "share")
                                          + "\nverification_capacity = " + p(10, "claims per month", rng="[1, 100]")
                                          + "\nverification_months = " + p(1, "months", rng="[0, 3]")
                                          + "\npayment_months = " + p(0, "months", rng="[0, 3]"),
                                          ["claim_timing.reporting_delay.value", "entry [72, 0.1]: must be <= 60",
                                           "up to 5 years after the accident, PP 82/2019"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_planning_input_is_one_clear_line_and_writes_nothing(case, tmp_path, capsys):
    extra, fragments = CASES[case]
    if case == "missing stage":
        # A scenario of its own (no base with a pipeline): a pipeline without the bpjs stage.
        text = (ROOT / "tests" / "data" / "pipeline-base.toml").read_text()
        text = text.split("[pipeline.bpjs]")[0].replace('base = "../../scenarios/jambi-2025"',
                                                      f'base = "{ROOT / "scenarios" / "jambi-2025"}"')
        fragments = ["pipeline.bpjs", "missing table: every stage is required (kelurahan, kecamatan, disnaker, "
                     "bpjs); for a stage the city does not have, give one that passes every name on at once: "
                     "capacity above the names of a month (100000), duration 0, rejection_rate 0.0"]
    elif case == "ucj allocation without ucj":
        text = scenario_text("").replace(str(SMALL), str(ROOT / "tests" / "data" / "pipeline-base")) + extra
        fragments = ["ucj", "missing table: ucj_allocation needs [ucj]"]
    else:
        text = scenario_text(extra)
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["validate", path], capsys)
    assert_one_line_error(code, err, [NAME, *fragments])
    code, out, err = run_cli(["plan", path, "--trials", 100, "--out", tmp_path / "out", "--quiet"], capsys)
    assert_one_line_error(code, err, [NAME, *fragments])
    assert not (tmp_path / "out").exists()


def test_a_stage_the_city_does_not_have_is_given_as_the_missing_stage_error_says(tmp_path, capsys):
    """The error for a missing stage tells a city without it (no kecamatan check) how to write it: a stage that passes
    every name on at once, its values data about the city's process (no range): written so, the scenario is valid
    and its kecamatan stage delays, rejects and limits nothing."""
    text = (ROOT / "tests" / "data" / "pipeline-base.toml").read_text().replace(
        'base = "../../scenarios/jambi-2025"', f'base = "{ROOT / "scenarios" / "jambi-2025"}"')
    head, rest = text.split("[pipeline.kecamatan]")
    tail = rest[rest.index("\n["):]
    passing = ("[pipeline.kecamatan]\ncapacity = " + p(100000, "names per month", "data")
               + "\nduration = " + p(0, "months", "data") + "\nrejection_rate = " + p(0.0, "share", "data") + "\n")
    path = tmp_path / "no-kecamatan.toml"
    path.write_text(head + passing + tail, encoding="utf-8")
    code, out, err = run_cli(["validate", path], capsys)
    assert code == 0 and out.startswith("OK"), err
    stage = load_scenario(str(path)).planning.pipeline.stages[1]
    assert (stage.name, stage.capacity, stage.duration, stage.rejection_rate) == ("kecamatan", 100000, 0, 0)


ZERO_UCJ = [f"expansion.{s}.ucj_allocation=0" for s in ("vulnerable", "informal", "sertakan")]
# Rp1 bn a year over madiun-2026-ucj's horizon, 2026-2030 (Rp1 million, the least a yearly amount may be, now draws a
# warning that it looks written in thousands: tests/test_amount_warnings.py).
FIVE_YEARS = "[[2026, 1e9], [2027, 1e9], [2028, 1e9], [2029, 1e9], [2030, 1e9]]"

# Entries that could never take effect: (scenario, --set overrides, fragments of the one error line).
NEVER_TAKES_EFFECT = {
    "ucj shares all 0": ("madiun-2026-ucj", ZERO_UCJ,
                         ["expansion:", "ucj_allocation is 0 for every segment", "vulnerable, informal, sertakan"]),
    "target year after the horizon": ("madiun-2026-ucj", ["expansion.non_asn.targets=[[2040, 8000]]"],
                                      ["expansion.non_asn.targets.value", "2040 is after the horizon (2026-2030)"]),
    "pledge starting after the horizon": ("madiun-2026-ucj-csr", ["funding.csr.companies.first_year=2199"],
                                          ["funding.csr.companies.first_year", "2199 is after the horizon"]),
    "pledge starting the year after the horizon": ("madiun-2026-ucj-csr", ["funding.csr.companies.first_year=2031"],
                                                   ["funding.csr.companies.first_year", "2031 is after the horizon"]),
    "dbh-cht segments without dbh-cht money": ("madiun-2026-ucj", ['funding.dbh_cht_segments=["vulnerable"]'],
                                               ["funding.dbh_cht_budget", "missing: dbh_cht_segments are given"]),
    "pledge ending before the horizon": ("madiun-2026-ucj-csr", ["funding.csr.companies.first_year=2023"],
                                         ["funding.csr.companies.first_year", "runs 2023-2025, before the horizon"]),
    "pledge for no segment": ("madiun-2026-ucj-csr", ["funding.csr.companies.segments=[]"],
                              ["funding.csr.companies.segments", "at least one segment"]),
    "dbh-cht for no segment": ("madiun-2026-ucj-csr", ["funding.dbh_cht_segments=[]"],
                               ["funding.dbh_cht_segments", "at least one segment"]),
    # Found by the edge-case fuzzing: a segment paid by SERTAKAN, SELF or APBN is paid by it without limit, so
    # DBH-CHT money or a pledge listed for it was silently never spent.
    "dbh-cht for an externally paid segment": ("madiun-2026-ucj-csr", ["funding.dbh_cht_segments=[\"sertakan\"]"],
                                               ["funding.dbh_cht_segments", "'sertakan'", "SERTAKAN", "never spent"]),
    "pledge for an externally paid segment": ("madiun-2026-ucj-csr",
                                              ["funding.csr.companies.segments=[\"informal\", \"sertakan\"]"],
                                              ["funding.csr.companies.segments", "'sertakan'", "never spent"]),
    "budget year after the horizon": ("madiun-2026-ucj",
                                      ["funding.apbd_budget=" + FIVE_YEARS[:-1] + ", [2031, 1000000]]"],
                                      ["funding.apbd_budget.value", "2031 is outside the horizon (2026-2030)"]),
    "budget year before the horizon": ("madiun-2026-ucj", ["funding.apbd_budget=[[2025, 1000000], " + FIVE_YEARS[1:]],
                                       ["funding.apbd_budget.value", "2025 is outside the horizon (2026-2030)"]),
    "pledge amount year after the horizon": ("madiun-2026-ucj-csr",
                                             ["funding.csr.companies.amount=" + FIVE_YEARS[:-1] + ", [2031, 1000000]]"],
                                             ["funding.csr.companies.amount.value", "2031 is outside the horizon"]),
}


@pytest.mark.parametrize("case", sorted(NEVER_TAKES_EFFECT))
def test_entries_that_never_take_effect_are_refused_before_any_simulation(case, tmp_path, capsys):
    """validate refuses them; plan (and run) refuse them at the start, not after the forecast, writing nothing."""
    scenario, overrides, fragments = NEVER_TAKES_EFFECT[case]
    sets = [a for o in overrides for a in ("--set", o)]
    code, out, err = run_cli(["validate", scenario, *sets], capsys)
    assert_one_line_error(code, err, fragments)
    assert out == ""
    for command, *flags in (["plan", "--no-tornado"], ["run"]):
        out_dir = tmp_path / command
        code, _, err = run_cli([command, scenario, *flags, "--trials", 100, "--out", out_dir, "--quiet", *sets], capsys)
        assert_one_line_error(code, err, fragments)
        assert not out_dir.exists()


@pytest.mark.parametrize("overrides, fragments", [
    ([], None),  # jambi-2025-pipeline: no members at the start, 3,000 enrolled in 2025 through its pipeline
    (["expansion.vulnerable.targets=[[2025, 0]]"], ["--set: segments: every segment has 0 members", "nothing enrols"]),
    (["expansion.vulnerable.targets=[[2025, 0]]", "segments.vulnerable.members=10"], None),
])
def test_no_members_is_refused_only_when_nothing_enrols_any(overrides, fragments, tmp_path, capsys):
    sets = [a for o in overrides for a in ("--set", o)]
    code, out, err = run_cli(["run", "jambi-2025-pipeline", *sets, "--trials", 100, "--out", tmp_path / "o", "--quiet"],
                             capsys)
    if fragments is None:
        assert code == 0 and err == "", err
    else:
        assert_one_line_error(code, err, fragments)
        assert not (tmp_path / "o").exists()


def test_ucj_allocation_of_0_without_ucj_is_refused(tmp_path, capsys):
    """A share of 0 still makes a UCJ quota path, which needs [ucj] (was a traceback in the middle of a run)."""
    text = scenario_text("").replace(str(SMALL), str(ROOT / "tests" / "data" / "pipeline-base"))
    path = tmp_path / NAME
    path.write_text(text + "[expansion.sertakan]\nucj_allocation = " + p(0, "share of UCJ gap", rng="[0, 1]"),
                    encoding="utf-8")
    code, _, err = run_cli(["validate", path], capsys)
    assert_one_line_error(code, err, [NAME, "ucj", "missing table: ucj_allocation needs [ucj]"])


@pytest.mark.parametrize("scenario, overrides", [
    # A target year before the horizon is the quota the horizon starts with ("later years keep the last target").
    ("madiun-2026-ucj", ["expansion.non_asn.targets=[[2020, 8000]]"]),
    # A pledge that started before the horizon and still runs in it (2024-2026).
    ("madiun-2026-ucj-csr", ["funding.csr.companies.first_year=2024"]),
    # One UCJ share at 0 while others close the gap (the low end of sertakan's range).
    ("madiun-2026-ucj", ["expansion.sertakan.ucj_allocation=0"]),
    # A UCJ target year after the horizon: the path steps toward it.
    ("madiun-2026-ucj", ["ucj.target_year=2035"]),
    # A pledge amount listing years of the horizon after the pledge ends (so `years` can move within its range).
    ("madiun-2026-ucj-csr", ["funding.csr.companies.amount=" + FIVE_YEARS]),
    # A horizon shortened with --set (a quick run, calibrate's window): later entries are meant for the full one.
    ("pekalongan-2023-expansion", ["scenario.horizon_months=12"]),
    ("madiun-2026-ucj-csr", ['scenario.start="2025-01"', "scenario.horizon_months=11"]),
])
def test_entries_that_take_effect_or_belong_to_a_longer_horizon_stay_valid(scenario, overrides, capsys):
    code, out, err = run_cli(["validate", scenario, *[a for o in overrides for a in ("--set", o)]], capsys)
    assert code == 0 and err == "" and out.startswith("OK "), err


@pytest.mark.parametrize("overrides", [["funding.apbd_budget=0"], ["funding.dbh_cht_budget=0"],
                                       ["funding.csr.companies.amount=0"]], ids=["apbd", "dbh-cht", "pledge"])
def test_a_zero_budget_or_pledge_stays_allowed(overrides, capsys):
    """0 is a year without money, not an amount in the wrong unit: only 0 < amount < Rp1,000,000 is refused."""
    code, out, err = run_cli(["validate", "madiun-2026-ucj-csr", *[a for o in overrides for a in ("--set", o)]], capsys)
    assert code == 0 and err == "" and out.startswith("OK "), err


def test_the_workbench_s_own_horizon_cuts_keep_later_entries(capsys):
    """The sensitivity tornado (first calendar year) and the coverage figures (twelve months) re-validate the
    scenario cut short: batik targets from 2024 and budgets to 2027 of a 2023-2027 scenario must not be refused."""
    from sim import coverage, sensitivity
    from sim.scenario import load_scenario

    scenario = load_scenario("pekalongan-2023-expansion")
    base, swings, skipped = sensitivity.tornado(scenario)
    assert base.period == "2023" and swings and not skipped
    assert coverage.twelve_months(scenario)["months"] == 12


def test_bad_confidence_is_refused(tmp_path, capsys):
    code, _, err = run_cli(["plan", "jambi-2025-pipeline", "--confidence", "1.5", "--out", tmp_path / "o"], capsys)
    assert code == 2 and "--confidence" in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_expansion_needs_a_pipeline(tmp_path, capsys):
    text = (ROOT / "scenarios" / "jambi-2025.toml").read_text().replace('base = "base/national-defaults"',
                                                                       f'base = "{ROOT / "scenarios" / "base" / "national-defaults"}"')
    path = tmp_path / NAME
    path.write_text(text + "\n[expansion.vulnerable]\ntargets = " + p(4000, "persons", rng="[0, 10000]"), encoding="utf-8")
    code, _, err = run_cli(["validate", path], capsys)
    assert_one_line_error(code, err, [NAME, "pipeline", "[expansion] needs the enrolment pipeline"])


def test_plan_writes_its_files_and_replaces_a_run_s(tmp_path, capsys):
    """A plan into the folder of an earlier run: the run's trials.csv goes (it belongs to the run's summary.json,
    which the plan's replaces); files of other commands stay. --no-tornado writes no tornado.csv and says so."""
    out = tmp_path / "plan"
    code, _, err = run_cli(["run", "jambi-2025-pipeline", "--trials", 200, "--out", out, "--quiet"], capsys)
    assert code == 0, err
    assert (out / "trials.csv").is_file()
    (out / "tornado.csv").write_text("left by an earlier plan\n", encoding="utf-8")
    (out / "exact.json").write_text("{}\n", encoding="utf-8")
    code, stdout, err = run_cli(["plan", "jambi-2025-pipeline", "--trials", 500, "--no-tornado", "--out", out], capsys)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "exact.json", "plan.json", "plan_enrolment.csv", "plan_funding.csv", "plan_segments.csv", "plan_years.csv",
        "scenario.json", "summary.json"]
    assert "tornado.csv" not in stdout.splitlines()[-1]
    result = json.loads((out / "plan.json").read_text())
    assert result["tornado"] is None
    assert [y["year"] for y in result["years"]] == ["2025", "2026", "2027"]
    assert "APBD needed to reach the year-end targets" in stdout
    with open(out / "plan_years.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 and float(rows[0]["premium_idr"]) > 0


def test_plan_writes_the_sensitivity_table_it_prints(tmp_path, capsys):
    """Without --no-tornado the plan's sensitivity table is written as tornado.csv, a row per ranged assumption as
    in plan.json, each with the key outputs at both ends of its range, and the terminal names the widest swings."""
    out = tmp_path / "plan"
    code, stdout, err = run_cli(["plan", SMALL.with_suffix(".toml"), "--trials", 200, "--out", out], capsys)
    assert code == 0, err
    rows = json.loads((out / "plan.json").read_text())["tornado"]["rows"]
    with open(out / "tornado.csv") as fh:
        table = list(csv.DictReader(fh))
    assert len(rows) > 5 and [r["parameter"] for r in table] == [r["parameter"] for r in rows]
    for row, r in zip(table, rows):
        for output in ("members_end", "premium_idr", "city_money_idr", "claims_expected_idr", "claim_ratio"):
            for end in ("low", "high"):
                key = f"{output}_{end}"
                # to the plan tables' decimals (plan.column_decimals): money and people 2, the claim ratio 4
                assert row[key] == ("" if r[key] is None else fixed(r[key], column_decimals(key)))
    line = next(line for line in stdout.splitlines() if line.startswith("Largest sensitivities"))
    # by the report's name for it, not its key (test_plan_terminal_names)
    name = sensitivity_names(load_scenario(SMALL.with_suffix(".toml")), rows[:1])[rows[0]["parameter"]]
    assert f"{name} {rows[0]['largest_relative_swing']:.0%}" in line and rows[0]["parameter"] not in line
    assert "tornado.csv" in stdout.splitlines()[-1]


def test_compare_lists_outputs_and_differing_parameters(tmp_path, capsys):
    out = tmp_path / "cmp"
    code, stdout, err = run_cli(["compare", "jambi-2025", "jambi-2025-pipeline", "--trials", 500, "--out", out], capsys)
    assert code == 0, err
    result = json.loads((out / "compare.json").read_text())
    assert result["scenarios"] == ["jambi-2025", "jambi-2025-pipeline"]
    keys = {r["key"] for r in result["outputs"]}
    assert {"premium_per_year_idr", "members", "claims_mean_idr", "claims_p5_idr", "claims_p95_idr", "claim_ratio",
            "prob_claims_above_premium", "budget_needed_per_year_idr", "cost_per_covered_worker_idr"} <= keys
    differing = {r["parameter"]: r["values"] for r in result["parameters"]}
    assert differing["segments.vulnerable.members"] == {"jambi-2025": 3000, "jambi-2025-pipeline": 0}
    assert differing["pipeline.kelurahan.capacity"]["jambi-2025"] is None  # absent in the base scenario
    assert "scenario.horizon_months" not in differing  # the same in both
    assert (out / "compare_outputs.csv").is_file() and (out / "compare_parameters.csv").is_file()
    # The pipeline version enrols over the year, so it pays less premium on average than all members from January.
    values = {r["key"]: r["values"] for r in result["outputs"]}
    assert values["members"]["jambi-2025-pipeline"] < values["members"]["jambi-2025"]
    # The terminal shows both side by side: a column per scenario, a row per output, then the differing parameters.
    lines = stdout.splitlines()
    assert lines[0].split() == ["jambi-2025", "jambi-2025-pipeline"]
    table = lines[1: 1 + len(result["outputs"])]
    assert [line[: len(r["label"]) + 1] for line, r in zip(table, result["outputs"])] == [
        r["label"] + " " for r in result["outputs"]]
    members = next(line for line in table if line.startswith("members in force (average) "))
    assert members.split()[-2:] == [f"{values['members'][i]:,.0f}" for i in result["scenarios"]]
    listed = lines[lines.index(f"Parameters that differ ({len(differing)}):") + 1: -1]  # the last says what it wrote
    assert [line.split()[0] for line in listed] == [r["parameter"] for r in result["parameters"]]
    assert next(line for line in listed if "segments.vulnerable.members " in line).split()[1:] == [
        "3,000", "persons", "0", "persons"]  # with the register unit
    assert next(line for line in listed if "pipeline.kelurahan.capacity " in line).split()[1] == "-"


def test_compare_bad_scenario_writes_nothing(tmp_path, capsys):
    code, _, err = run_cli(["compare", "jambi-2025", "no-such-scenario", "--out", tmp_path / "cmp"], capsys)
    assert_one_line_error(code, err, ["no-such-scenario"])
    assert not (tmp_path / "cmp").exists()
