"""The command line as a planner uses it: run writes the documented files; validate says OK."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from sim.benefits import BENEFIT_NAMES
from sim.cli import main
from sim.results import TRIAL_COLUMNS

from cli_checks import assert_one_line_error, run_cli
from conftest import ROOT


def test_run_writes_summary_and_trial_table(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["run", "madiun-2025", "--trials", "1500", "--seed", "11", "--out", str(out),
                 "--set", "segments.vulnerable.members=10000"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Rp" in printed and "total" in printed
    summary = json.loads((out / "summary.json").read_text())
    assert summary["scenario_id"] == "madiun-2025" and summary["seed"] == 11 and summary["trials"] == 1500
    assert [p["period"] for p in summary["periods"]] == ["2025", "2026", "2027", "total"]
    for p in summary["periods"]:
        assert set(p) >= {"members", "premium_idr", "claims_idr", "claims_expected_idr", "claim_count",
                          "claim_ratio", "prob_claim_ratio_above_1"}
        assert set(p["claims_idr"]) == {"mean", "se", "se_reason", "p5", "p50", "p95", "p99_5"}
        assert set(p["claim_count"]) == {"mean", "expected"}
        assert set(p["claim_ratio"]) == {"mean", "p5", "p50", "p95", "p99_5"}
        assert p["claims_idr"]["p5"] <= p["claims_idr"]["p50"] <= p["claims_idr"]["p95"] <= p["claims_idr"]["p99_5"]
    total = summary["periods"][-1]
    assert abs(total["premium_idr"] - sum(p["premium_idr"] for p in summary["periods"][:-1])) < 0.05  # cents rounding
    # The --set override reached the model and is recorded.
    assert summary["budget"]["start_members"] == 7902 + 10000
    assert any("segments.vulnerable.members" in o for o in summary["provenance"]["overrides"])
    # The last line names the folder once, as plan's and compare's do (it repeated it before each file).
    assert printed.splitlines()[-1] == f"Wrote {out}/summary.json, trials.csv, scenario.json"

    table = pd.read_csv(out / "trials.csv")
    assert list(table.columns) == TRIAL_COLUMNS
    assert len(table) == 1500 * 3 * 2
    # The table adds up to the summary.
    per_trial = table.groupby("trial")["claims_idr"].sum()
    assert abs(per_trial.mean() - total["claims_idr"]["mean"]) < 1.0
    recomputed = table[[f"{b}_idr" for b in BENEFIT_NAMES]].sum(axis=1)
    assert (abs(recomputed - table["claims_idr"]) < 1.0).all()
    assert json.loads((out / "scenario.json").read_text())["segments"]["vulnerable"]["members"]["value"] == 10000


def test_validate_says_ok(capsys):
    assert main(["validate", "pekalongan-2023"]) == 0
    assert capsys.readouterr().out.startswith("OK ")


def test_module_entry_point_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sim", "run", "jambi-2025", "--trials", "300", "--out", str(tmp_path / "o"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "summary.json").exists()


def test_the_run_table_never_shows_a_chance_of_100_percent(tmp_path, capsys):
    """Every madiun-2025 trial has claims above premiums: the table says not a certainty of 100.0%, and no more than
    1,000 trials resolve: "> 99.7%", the rule of three's 95 % bound 1 - 3/1000, as sim compare (it said "> 99.9%",
    which 1,000 of 1,000 trials would show for a true chance of 99.8% one time in seven)."""
    assert main(["run", "madiun-2025", "--trials", "1000", "--out", str(tmp_path / "out"), "--no-trials-table"]) == 0
    out = capsys.readouterr().out
    assert "> 99.7%" in out and "> 99.9%" not in out and "100.0%" not in out


def test_a_programme_without_starting_members_gets_its_budget_against_each_years_premium(tmp_path, capsys):
    """A programme that enrols its members over the horizon: no 'full year of the 0 starting members: Rp0' and no
    'Rp604.0 m left' computed from it; the stated budget against each year's premium instead (tests/data's
    expansion-small, which enrols Jambi's workers through its pipeline without a [funding] table, whose APBD budget
    would replace the stated one, with nobody at the start)."""
    scenario = str(ROOT / "tests" / "data" / "expansion-small.toml")
    assert main(["run", scenario, "--trials", "300", "--out", str(tmp_path / "out"), "--no-trials-table",
                 "--set", "segments.sertakan.members=0"]) == 0
    out = capsys.readouterr().out
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    first = summary["periods"][0]
    left = summary["budget"]["annual_budget_idr"] - first["premium_idr"]
    assert "0 starting members" not in out and "No members at the start" in out
    assert f"left after each year's premium: {first['period']} Rp{left / 1e6:,.1f} m" in out


def test_a_budget_from_funding_replaces_an_inherited_stated_budget(tmp_path, capsys):
    """jambi-2025-pipeline's [funding] gives the APBD budget; it inherits jambi-2025's [budget] annual_budget of
    Rp604 m, which sim run set against the premiums ("Stated budget Rp604.0 m ... short by Rp75.1 m") even with the
    [funding] budget at Rp800 m. The summary now says the budget comes from [funding], and the printout points to
    sim plan."""
    assert main(["run", "jambi-2025-pipeline", "--trials", "300", "--out", str(tmp_path / "out"),
                 "--no-trials-table", "--set", "funding.apbd_budget.value=800000000"]) == 0
    out = capsys.readouterr().out
    budget = json.loads((tmp_path / "out" / "summary.json").read_text())["budget"]
    assert budget["budget_from"] == "funding" and "annual_budget_idr" not in budget
    assert "Stated budget" not in out and "APBD budget from [funding]" in out
    # The inherited Rp604 m is said to be unused, and why, on sim run's and sim plan's terminals alike.
    unused = ("Not used: [budget] annual_budget Rp604.0 m a year, inherited from its base jambi-2025: [funding] "
              "apbd_budget gives the APBD budget, year by year")
    assert unused in out.splitlines()
    assert main(["plan", "jambi-2025-pipeline", "--trials", "300", "--out", str(tmp_path / "plan"), "--no-tornado",
                 "--set", "funding.apbd_budget.value=800000000"]) == 0
    assert unused in capsys.readouterr().out.splitlines()


def test_an_unused_budget_value_says_where_it_was_set(tmp_path):
    """The [budget] values a projection does not use, with where each was set: inherited from the base, this
    file's own, or --set; a scenario whose projection uses them (no [funding], no quotas) has none."""
    from sim.cli import unused_budget_lines
    from sim.scenario import load_scenario

    assert unused_budget_lines(load_scenario("jambi-2025")) == []
    own = tmp_path / "own.toml"
    own.write_text((ROOT / "scenarios" / "jambi-2025-pipeline.toml").read_text(encoding="utf-8")
                   + '\n[budget]\nannual_budget = { value = 700000000, unit = "IDR per year", source = "x", '
                     'basis = "data" }\n', encoding="utf-8")
    lines = unused_budget_lines(load_scenario(own))
    assert lines[0].startswith("Not used: [budget] annual_budget Rp700.0 m a year, stated in this scenario's file: ")
    assert lines[1] == ("Not used: [budget] target_members 3,000 members, inherited from its base jambi-2025: "
                        "[expansion] gives the year-end targets, segment by segment")
    given = unused_budget_lines(load_scenario("jambi-2025-pipeline", ["budget.annual_budget=5e8"]))
    assert given[0].startswith("Not used: [budget] annual_budget Rp500.0 m a year, given with --set: ")


def test_a_budget_short_of_the_premium_says_short_not_a_negative_amount(tmp_path, capsys):
    """jambi-2025's Rp604.0 m is Rp800,000 short of 3,000 x Rp16,800 x 12."""
    assert main(["run", "jambi-2025", "--trials", "300", "--out", str(tmp_path / "out"), "--no-trials-table"]) == 0
    out = capsys.readouterr().out
    assert ("Stated budget Rp604.0 m: Rp800,000 short of that premium (every starting member paid for 12 months, "
            "none dying or leaving)") in out.splitlines() and "Rp-" not in out


def test_too_few_trials_leave_checks_unchecked_not_failed(tmp_path, capsys):
    """One trial has no spread: its standard error is 0, so every mean read as "more than 4 standard errors off"
    and every quantile as outside its band. Too few trials now leave a check unchecked, said as such; a 99.5 %
    quantile of 1,000 trials (5 trials beyond it) too, while the others are checked."""
    from sim.exact import MIN_TAIL_TRIALS

    for trials in (1, 1000):
        out = tmp_path / str(trials)
        assert main(["run", "madiun-2025", "--trials", str(trials), "--out", str(out)]) == 0
        printed = capsys.readouterr().out
        summary = json.loads((out / "summary.json").read_text())
        quantiles = summary["exact_first_period"]["versus_simulation"]["quantiles"]
        q = {"p5": 0.05, "p50": 0.5, "p95": 0.95, "p99_5": 0.995}
        unchecked = {name for name in q if trials * min(q[name], 1 - q[name]) < MIN_TAIL_TRIALS}
        assert {name for name, c in quantiles.items() if c["flag"] == "too_few"} == unchecked
        assert all(c["flag"] == "ok" for name, c in quantiles.items() if name not in unchecked)
        if trials == 1:
            assert unchecked == set(q)
            assert all(r["flag"] == "too_few" and r["z"] is None for r in summary["breakdown"])
            assert "simulated quantiles not checked: too few trials" in printed
            assert "not checked, a standard error needs at least 2 trials" in printed
            assert "standard errors off" not in printed
        else:
            assert unchecked == {"p99_5"}
            assert all(r["flag"] == "ok" for r in summary["breakdown"])
            assert "agree within their Monte Carlo bands (p99_5 not checked: too few trials beyond them)" in printed


def test_flagged_means_are_put_beside_how_many_were_checked_and_chance():
    """national-2025 checks about 10,000 means; one beyond 4 standard errors was printed as "2 mean(s) more than 4
    standard errors off" with nothing to say that about 0.65 such flags come by chance among so many."""
    import math

    from sim.cli import _flagged_means

    text = _flagged_means(2, 10_280)
    chance = 10_280 * 2 * (1 - 0.5 * (1 + math.erf(4 / math.sqrt(2))))  # P(|Z| > 4) = 6.33e-5 per mean
    assert text.startswith("2 of 10,280 means more than 4 standard errors off")
    assert f"about {chance:.2g} expected by chance" in text and f"{chance:.2g}" == "0.65"


def test_a_projection_with_quota_targets_does_not_price_an_inherited_target(tmp_path, capsys):
    """pekalongan-2023-expansion takes its year-end targets from [expansion] (1,000 in 2023, 1,450 in 2024, 1,700
    on) but inherits pekalongan-2023's [budget] target of 1,000: sim run printed "Premium for the target of 1,000
    members: Rp201.6 m a year". The summary now says where the targets come from, and the printout points to
    sim plan."""
    assert main(["run", "pekalongan-2023-expansion", "--trials", "200", "--out", str(tmp_path / "out"),
                 "--no-trials-table"]) == 0
    out = capsys.readouterr().out
    budget = json.loads((tmp_path / "out" / "summary.json").read_text())["budget"]
    assert budget["targets_from"] == "expansion" and "target_members" not in budget
    assert "Premium for the target" not in out and "Year-end targets from [expansion]" in out
    assert main(["run", "pekalongan-2023", "--trials", "200", "--out", str(tmp_path / "plain"),
                 "--no-trials-table"]) == 0  # without a projection the [budget] target is the one priced
    assert "Premium for the target of 1,000 members" in capsys.readouterr().out


def test_a_benefit_too_rare_for_the_trials_is_left_unchecked_not_flagged(tmp_path, capsys):
    """300 trials of pekalongan-2023-expansion flagged 8 means "more than 4 standard errors off", among them total
    disabilities of which none occurred against 0.9 expected (4 times in 10 by chance). A mean of which fewer than 10
    payments were expected and paid over all the trials is now left unchecked and counted as such; the others are
    checked as before, and a benefit the closed form expects none of stays checked."""
    from sim.results import MIN_EVENTS_SE, _rare

    out = tmp_path / "out"
    assert main(["run", "pekalongan-2023-expansion", "--trials", "300", "--out", str(out), "--no-trials-table"]) == 0
    printed = capsys.readouterr().out
    rows = json.loads((out / "summary.json").read_text())["breakdown"]
    rare = [r for r in rows if r["flag"] == "too_few"]
    assert rare and all(r["z"] is None for r in rare)
    # summary.json rounds the counts to 4 decimals: 300 x 0.00005 = 0.015 payments either way
    assert all(0 < r["count_expected"] and 300 * max(r["count_expected"], r["count_mean"]) < MIN_EVENTS_SE + 0.015
               for r in rare)
    assert all(r["flag"] == "ok" and 300 * max(r["count_expected"], r["count_mean"]) > MIN_EVENTS_SE - 0.015
               or r["count_expected"] == 0 for r in rows if r not in rare)
    assert (f"all means within 4 standard errors (skewness allowed for); {len(rare)} of {len(rows)} not checked"
            in printed)
    assert not _rare(300, 0.0, 5) and not _rare(300, 0.001, 10) and _rare(300, 0.001, 9)


def test_a_rare_benefit_s_count_is_still_checked_against_poisson():
    """A rare case count far from what the closed form expects is flagged, as unlikely as a 4-SE gap: 9 deaths
    paid where 0.5 were expected (Poisson: about 1e-9); 0 where 0.9 were (0.41) and 9 where 5 were (0.07) are left
    unchecked; scholarship instalments, which come in clusters, are never judged by Poisson."""
    from scipy.stats import poisson

    from sim.results import P_FLAG, _rare_flag

    assert 2 * poisson.sf(8, 0.5) < P_FLAG < 2 * poisson.cdf(0, 9.0)
    assert _rare_flag("jkm_death", 0.5, 9) == "check" and _rare_flag("jkk_total", 0.5, 9) == "check"
    assert _rare_flag("jkm_death", 0.9, 0) == "too_few" and _rare_flag("jkk_death", 5.0, 9) == "too_few"
    assert _rare_flag("jkm_scholarship", 0.5, 9) == "too_few" and _rare_flag("jkm_death", 9.0, 0) == "too_few"


def test_zero_width_characters_pasted_from_the_pdf_are_ignored(tmp_path, capsys):
    """The PDF report put zero-width spaces into long keys and paths so that they wrap: a key pasted from it was
    "must be written dotted.key=value" and a path "no such scenario file". Every zero-width character is dropped."""
    zw, wj, bom, zwnj, zwj = "\u200b", "\u2060", "\ufeff", "\u200c", "\u200d"
    copy = tmp_path / "kota-jambi.toml"
    copy.write_text((ROOT / "scenarios" / "jambi-2025.toml").read_text(encoding="utf-8"), encoding="utf-8")
    pasted = f"{tmp_path}/{zw}kota-{wj}jambi.{zwnj}toml"
    code = main(["validate", pasted, "--set", f"assumptions.{zw}mortality_{zw}load=2.5",
                 "--set", f"segments.vulnerable.{zwj}members={bom}12000"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and out.startswith(f"OK {copy}: jambi-2025, 1 segment(s), 12,000 members")
    assert main(["validate", f"jambi{zw}-2025"]) == 0


# --- output: refused before any work when it cannot be written; an interrupt after it is in place says so ------------


@pytest.mark.parametrize("argv, out_name, work", [
    (["run", "jambi-2025"], "jambi-2025", "sim.forecast.forecast"),
    (["plan", "jambi-2025"], "jambi-2025", "sim.plan.forecast"),
    (["exact", "jambi-2025"], "jambi-2025", "sim.cli.exact_distribution"),
    (["compare", "jambi-2025", "madiun-2025"], "compare-jambi-2025-vs-madiun-2025", "sim.compare.forecast"),
    (["calibrate", "{scenarios}/madiun-2025-prior.toml", "{scenarios}/experience/madiun-2025.toml"],
     "madiun-2025-prior-calibrated", "sim.cli.fit"),
], ids=["run", "plan", "exact", "compare", "calibrate"])
def test_a_file_in_the_way_of_the_output_folder_is_refused_before_any_work(tmp_path, capsys, monkeypatch, argv,
                                                                             out_name, work):
    """A file where the output folder (default out/<id>) must go was found only when the files moved in, after the
    whole simulation, and said "File exists"; --out checks this as it is parsed, the default folder did not."""
    import shutil

    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")  # calibrate writes beside its base scenario
    monkeypatch.chdir(tmp_path)
    in_the_way = tmp_path / "out" / out_name
    in_the_way.parent.mkdir()
    in_the_way.write_text("not a folder\n")

    def started(*args, **kwargs):
        raise AssertionError("the work started before the output folder was checked")

    monkeypatch.setattr(work, started)
    code, out, err = run_cli([a.format(scenarios=tmp_path / "scenarios") for a in argv] + ["--trials", "200"]
                             * (argv[0] in ("run", "plan", "compare")), capsys)
    assert_one_line_error(code, err, [f"error: out/{out_name}: a file is in the way of this output folder"])
    assert [p.name for p in (tmp_path / "out").iterdir()] == [out_name] and in_the_way.read_text() == "not a folder\n"
    assert not list((tmp_path / "scenarios").glob("*calibrated*"))


def test_an_interrupt_once_the_output_is_in_place_says_it_was_written(tmp_path, capsys, monkeypatch):
    """Ctrl-C while the table was printed, after the files had moved into place, said "nothing was written"."""
    import sim.cli

    def interrupted(summary, notes=()):
        raise KeyboardInterrupt

    monkeypatch.setattr(sim.cli, "format_summary", interrupted)
    out = tmp_path / "out"
    code, printed, err = run_cli(["run", "jambi-2025", "--trials", "200", "--out", out], capsys)
    last = err.splitlines()[-1]  # after the trial progress line
    assert code == 130 and last == f"error: run: interrupted after writing {out} in full"
    assert "nothing was written" not in err
    assert {p.name for p in out.iterdir()} == {"summary.json", "trials.csv", "scenario.json"}
    # Interrupted before anything moved into place, it still says nothing was written (and this run wrote nothing).
    monkeypatch.setattr(sim.cli, "write_run", lambda *args, **kwargs: interrupted(None))
    code, printed, err = run_cli(["run", "jambi-2025", "--trials", "200", "--out", tmp_path / "other"], capsys)
    assert code == 130 and err == "error: run: interrupted; nothing was written\n"
    assert not (tmp_path / "other").exists()


def test_an_error_once_the_output_is_in_place_says_it_was_written(tmp_path, capsys, monkeypatch):
    """A closed pipe while the results print (``sim run ... | head -1``) came after the files were in place: the
    error line says so, rather than reading as a failed run."""
    import sim.cli

    def closed_pipe(summary, notes=()):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sim.cli, "format_summary", closed_pipe)
    out = tmp_path / "out"
    code, printed, err = run_cli(["run", "jambi-2025", "--trials", "200", "--out", out], capsys)
    assert code == 2 and err.splitlines()[-1] == f"error: {out}: Broken pipe (after writing {out} in full)"
    assert {p.name for p in out.iterdir()} == {"summary.json", "trials.csv", "scenario.json"}
    # An error before anything moved into place says nothing of the kind.
    monkeypatch.setattr(sim.cli, "write_run", lambda *args, **kwargs: closed_pipe(None))
    code, printed, err = run_cli(["run", "jambi-2025", "--trials", "200", "--out", tmp_path / "other"], capsys)
    assert code == 2 and err.splitlines()[-1] == f"error: {tmp_path / 'other'}: Broken pipe"


def test_with_one_calendar_period_each_mean_is_counted_once_not_again_as_the_total():
    """A horizon of one calendar year has a `total` period that is that year again (the same trials' same means), so
    a flag was counted twice and the number expected by chance doubled; with two periods the total is a mean of its
    own and stays counted."""
    from sim.cli import _mean_checks

    def row(period, flag):
        return {"period": period, "segment": "s", "benefit": "jkm_death", "flag": flag}

    one_year = {"trials": 1000, "breakdown": [row("2025", "check"), row("2025", "ok"), row("total", "check"),
                                             row("total", "ok")]}
    assert _mean_checks(one_year).startswith("1 of 2 means more than 4 standard errors off")
    two_years = {"trials": 1000, "breakdown": [row("2025", "check"), row("2026", "ok"), row("total", "check")]}
    assert _mean_checks(two_years).startswith("2 of 3 means more than 4 standard errors off")


def test_quiet_says_what_it_hides_and_hides_it(tmp_path, capsys):
    """--help said "no progress or table", but --quiet hides the "wrote" lines too: a run prints nothing at all and
    its results are only in the output folder. The help says so, for run, plan and compare."""
    code, out, err = run_cli(["run", "jambi-2025", "--trials", "50", "--out", tmp_path / "out", "--quiet"], capsys)
    assert (code, out, err) == (0, "", "")
    assert (tmp_path / "out" / "summary.json").is_file()
    for command in ("run", "plan", "compare"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert "--quiet print nothing but errors and warnings (the results are in the output folder)" in help_text
