"""The summary's statistics, checked against figures computed here without the aggregator.

- ``breakdown[].se_idr`` (and the period ``claims_idr.se``) equal np.std(x, ddof=1) / sqrt(n) of each trial's
  amounts, kept through the ``on_block`` hook of ``sim.forecast.forecast``;
- ``z`` and ``flag``: a bias planted in the closed form at 3.9 of its standard errors passes, one at 4.1 is flagged;
- ``count_mean`` lies within 4 standard errors of ``count_expected`` (standard error from the per-trial counts'
  sample standard deviation: madiun-2025 draws its intensities per trial, so the counts are over-dispersed);
- ``periods[].members``, ``premium_idr`` and the ``budget`` figures, by hand from the scenario and the premium rates
  of DOMAIN.md (BPU Rp16,800 a month; PU 0.54 % of the wage for risk class I);
- ``python -m sim exact``: exit 0, ``exact.json`` written through a temporary folder, its mean the closed form's.
"""

import errno
import json
import math
from dataclasses import dataclass

import numpy as np
import pytest

import sim.cli as cli
import sim.forecast as forecast_module
from sim.benefits import BENEFIT_NAMES, CLAIM_EVENT_BENEFITS, INDEX
from sim.cli import main
from sim.closed_form import expected, trial_cumulants
from sim.forecast import forecast
from sim.population import build_model
from sim.results import FLAG_SE, _rare, mean_kurtosis, mean_skewness, skew_limits
from sim.scenario import load_scenario

from conftest import ROOT

TRIALS = 4000
SEED = 424242
BPU_MONTHLY = 16_800  # DOMAIN.md: the Rp16,800 BPU package (Rp10,000 JKK + Rp6,800 JKM); PP 50/2025 excludes APBD
PU_RATE_CLASS_I = 0.0054  # DOMAIN.md: PU JKK class I 0.24 % + JKM 0.30 % of the monthly wage
MADIUN_PU_WAGE = 2_185_185  # madiun-2025-prior: segments.non_asn.wage (Rp11,800 = 0.54 % x wage, DOMAIN.md)
ONE_CELL = ROOT / "tests" / "data" / "one-cell.toml"


def _param(name: str, value, unit: str) -> str:
    """A ``--set`` override adding a parameter the scenario does not state (basis "data": no range needed)."""
    return f'{name}={{ value = {value}, unit = "{unit}", source = "test", basis = "data" }}'


@dataclass
class Run:
    scenario: object
    summary: dict
    labels: list  # period labels, then "total"
    segments: list
    amounts: np.ndarray  # (trials, periods + 1, segments, benefits), last period the whole horizon
    counts: np.ndarray

    def row(self, period: str, segment: str, benefit: str) -> dict:
        return next(r for r in self.summary["breakdown"]
                    if (r["period"], r["segment"], r["benefit"]) == (period, segment, benefit))


def _run(scenario, **kwargs) -> Run:
    blocks = []
    summary = forecast(scenario, chunk_trials=1000, on_block=blocks.append, exact_check=False, **kwargs)
    assert [b.block.first_trial for b in blocks] == list(range(0, scenario.trials, 1000))  # trial order
    amounts = np.concatenate([b.amounts for b in blocks])
    counts = np.concatenate([b.counts for b in blocks])
    return Run(
        scenario=scenario,
        summary=summary,
        labels=[p["period"] for p in summary["periods"]],
        segments=[s.name for s in scenario.segments],
        amounts=np.concatenate([amounts, amounts.sum(axis=1, keepdims=True)], axis=1),
        counts=np.concatenate([counts, counts.sum(axis=1, keepdims=True)], axis=1),
    )


def _se(x: np.ndarray) -> float:
    return float(np.std(x, ddof=1) / math.sqrt(x.size))


@pytest.fixture(scope="module")
def madiun() -> Run:
    """madiun-2025 (calibrated: each trial draws its multipliers), three years, 4,000 trials, a coverage target."""
    scenario = load_scenario("madiun-2025", [f"scenario.trials={TRIALS}", f"scenario.seed={SEED}",
                                             _param("budget.target_members", 20000, "persons")])
    run = _run(scenario)
    assert run.labels == ["2025", "2026", "2027", "total"] and run.amounts.shape == (TRIALS, 4, 2, len(BENEFIT_NAMES))
    return run


# --- (a) standard errors -------------------------------------------------------------------------------------------


def test_breakdown_se_is_the_sample_standard_error_of_the_per_trial_amounts(madiun):
    rows = 0
    for p, period in enumerate(madiun.labels):
        for s, segment in enumerate(madiun.segments):
            for b, benefit in enumerate(BENEFIT_NAMES):
                x = madiun.amounts[:, p, s, b]
                row = madiun.row(period, segment, benefit)
                assert math.isclose(row["mean_idr"], float(np.mean(x)), rel_tol=1e-9, abs_tol=0.01), row
                if row["expected_idr"] == 0:  # none can occur (non-ASN JKM scholarships in 2025: nobody has 3
                    assert row["mean_idr"] == row["se_idr"] == 0, row  # years yet), and none is simulated
                    rows += 1
                    continue
                # Every other row has claims here, so its standard error is positive and means something.
                assert row["se_idr"] > 0, row
                assert math.isclose(row["se_idr"], _se(x), rel_tol=1e-7, abs_tol=0.01), (row, _se(x))
                rows += 1
    assert rows == len(madiun.summary["breakdown"]) == 4 * 2 * len(BENEFIT_NAMES)


def test_period_se_is_the_sample_standard_error_of_the_per_trial_totals(madiun):
    for p, period in enumerate(madiun.summary["periods"]):
        x = madiun.amounts[:, p].sum(axis=(1, 2))
        assert math.isclose(period["claims_idr"]["mean"], float(np.mean(x)), rel_tol=1e-9, abs_tol=1e-4)
        assert math.isclose(period["claims_idr"]["se"], _se(x), rel_tol=1e-7, abs_tol=1e-4), (period["period"], _se(x))


def test_z_and_flag_follow_a_bias_planted_in_the_closed_form(madiun, monkeypatch):
    """The same trials against a closed form with two entries moved: 3.9 SE away is "ok", 4.1 SE is "check"; every
    row's z is |mean - expected| / SE with the closed form's SE (its variance per trial over the trials, computed
    here from ``trial_cumulants``), and its flag says whether z exceeds the bound on its side: 4, moved for the
    mean's skewness and, above, its kurtosis (its third and fourth cumulants over the trials, ``skew_limits``;
    hundredths of an SE for these deaths)."""
    assert FLAG_SE == 4.0
    first = madiun.labels[0]
    s_ok, s_check = madiun.segments.index("vulnerable"), madiun.segments.index("non_asn")
    b = INDEX["jkm_death"]
    variance, third, fourth = trial_cumulants(build_model(madiun.scenario), fourth=True)
    model_se = np.sqrt(variance / TRIALS)
    upper, lower = skew_limits(mean_skewness(variance, third, TRIALS), mean_kurtosis(variance, fourth, TRIALS))
    plants = {}  # (segment index) -> expected amount planted in the first period
    for s, k in ((s_ok, 3.9), (s_check, -4.1)):
        plants[s] = float(np.mean(madiun.amounts[:, 0, s, b])) + k * model_se[0, s, b]

    def biased(model):
        exp = expected(model)
        for s, value in plants.items():
            exp.amounts[0, s, b] = value
        return exp

    monkeypatch.setattr(forecast_module, "expected", biased)
    summary = forecast(madiun.scenario, chunk_trials=1000, exact_check=False)
    monkeypatch.undo()
    closed = expected(build_model(madiun.scenario)).amounts
    closed = np.concatenate([closed, closed.sum(axis=0, keepdims=True)])
    for s, value in plants.items():
        closed[0, s, b] = value
        closed[-1, s, b] = closed[:-1, s, b].sum()
    rows = {(r["period"], r["segment"], r["benefit"]): r for r in summary["breakdown"]}
    for p, period in enumerate(madiun.labels):
        for s, segment in enumerate(madiun.segments):
            for j, benefit in enumerate(BENEFIT_NAMES):
                row, x = rows[period, segment, benefit], madiun.amounts[:, p, s, j]
                assert row["expected_idr"] == pytest.approx(closed[p, s, j], abs=0.01)
                if closed[p, s, j] == 0:  # none can occur and none is simulated: no gap, z 0
                    assert not x.any() and row["z"] == 0 and row["flag"] == "ok", row
                    continue
                z = abs(float(np.mean(x)) - closed[p, s, j]) / model_se[p, s, j]
                assert row["z"] == pytest.approx(z, rel=1e-6, abs=1e-3), (row, z)
                assert row["model_se_idr"] == pytest.approx(model_se[p, s, j], abs=0.005), row
                limit = (upper if np.mean(x) >= closed[p, s, j] else lower)[p, s, j]
                assert row["z_limit"] == pytest.approx(limit, abs=1e-3), row
                assert row["flag"] == ("check" if z > limit else "ok"), row
    planted_ok = rows[first, "vulnerable", "jkm_death"]
    planted_check = rows[first, "non_asn", "jkm_death"]
    assert planted_ok["z"] == pytest.approx(3.9, abs=1e-3) and planted_ok["flag"] == "ok"
    assert planted_check["z"] == pytest.approx(4.1, abs=1e-3) and planted_check["flag"] == "check"
    # Unplanted, the same trials pass everywhere (the fixture's run against the real closed form).
    assert all(r["flag"] == "ok" for r in madiun.summary["breakdown"])


# --- (b) claim counts against the closed form ----------------------------------------------------------------------


def test_count_means_are_within_4_standard_errors_of_the_expected_counts(madiun):
    for p, period in enumerate(madiun.labels):
        for s, segment in enumerate(madiun.segments):
            for b, benefit in enumerate(BENEFIT_NAMES):
                n = madiun.counts[:, p, s, b]
                row = madiun.row(period, segment, benefit)
                assert row["count_mean"] == pytest.approx(float(np.mean(n)), abs=1e-4), row
                if row["count_expected"] == 0:  # none can occur, and none is simulated
                    assert not n.any(), row
                    continue
                assert np.std(n) > 0, row
                se = _se(n.astype(float))
                gap = abs(row["count_mean"] - row["count_expected"])
                assert gap <= 4 * se, (row, gap / se)
    # Why the sample standard deviation and not sqrt(mean): the parameter draws make the counts over-dispersed. In
    # closed form (mixed Poisson) Var N = E N + Var over the draws of m x D, D the expected deaths at multiplier 1;
    # the sample variance lies within 4 SE of it (SE from the sample's fourth central moment).
    v = madiun.segments.index("vulnerable")
    deaths = madiun.counts[:, 0, v, INDEX["jkm_death"]].astype(float)
    mean = float(expected(build_model(madiun.scenario)).counts[0, v, INDEX["jkm_death"]])
    m = np.asarray(madiun.scenario.intensity_draws, dtype=float)[:, 0]
    var = mean + float(np.var(m)) * (mean / m.mean()) ** 2
    assert var > 1.5 * mean  # over-dispersed, in closed form
    centred = deaths - deaths.mean()
    se_var = math.sqrt((np.mean(centred**4) - np.mean(centred**2) ** 2) / deaths.size)
    assert abs(np.var(deaths, ddof=1) - var) <= 4 * se_var, (np.var(deaths, ddof=1), var, se_var)


def test_period_claim_count_is_the_mean_of_the_insured_events(madiun):
    events = [INDEX[b] for b in CLAIM_EVENT_BENEFITS]
    closed = expected(build_model(madiun.scenario)).counts[..., events].sum(axis=(1, 2))
    closed = [*closed, closed.sum()]
    for p, period in enumerate(madiun.summary["periods"]):
        n = madiun.counts[:, p][..., events].sum(axis=(1, 2))
        assert period["claim_count"]["mean"] == pytest.approx(float(np.mean(n)), abs=1e-4)
        assert period["claim_count"]["expected"] == pytest.approx(closed[p], abs=1e-4)
        assert abs(period["claim_count"]["mean"] - period["claim_count"]["expected"]) <= 4 * _se(n.astype(float))


# --- (c) members, premiums and the budget figures, by hand ---------------------------------------------------------


def test_one_cell_members_and_premiums_by_hand():
    """10,000 men aged 40 at load 1.5, no accidents, two years: in force at the start of month m of year y is
    10,000 (1 - 1.5 q40)^(m/12) in the first year and 10,000 (1 - 1.5 q40) (1 - 1.5 q41)^(m/12) in the second."""
    scenario = load_scenario(ONE_CELL, ["scenario.trials=200", "scenario.horizon_months=24",
                                        _param("budget.target_members", 12000, "persons"),
                                        _param("budget.annual_budget", 2500000000, "IDR per year")])
    summary = forecast(scenario, chunk_trials=1000, exact_check=False)
    q40, q41 = 0.00173, 0.00193  # TMI IV, men, ages 40 and 41 (sim/data/tmi4_qx.csv)
    months = np.arange(12)
    year1 = 10_000 * (1 - 1.5 * q40) ** (months / 12)
    year2 = 10_000 * (1 - 1.5 * q40) * (1 - 1.5 * q41) ** (months / 12)
    member_months = [year1.sum(), year2.sum(), year1.sum() + year2.sum()]
    assert [p["period"] for p in summary["periods"]] == ["2025", "2026", "total"]
    for period, mm, n in zip(summary["periods"], member_months, (12, 12, 24)):
        assert period["months"] == n
        assert period["members"] == pytest.approx(mm / n, abs=0.006), period["period"]
        # City-paid BPU members cost Rp16,800 in 2026 too: the PP 50/2025 discount excludes APBD premiums.
        assert period["premium_idr"] == pytest.approx(mm * BPU_MONTHLY, abs=0.01), period["period"]
    assert summary["budget"] == {
        "annual_premium_start_members_idr": 10_000 * BPU_MONTHLY * 12,
        "start_members": 10_000,
        "apbd_premium_start_members_idr": 10_000 * BPU_MONTHLY * 12,
        "payers": [{"payer": "APBD", "members": 10_000, "annual_premium_idr": 10_000 * BPU_MONTHLY * 12}],
        "annual_budget_idr": 2_500_000_000,
        "budget_minus_apbd_premium_idr": 2_500_000_000 - 10_000 * BPU_MONTHLY * 12,
        "target_members": 12_000,
        "annual_premium_target_idr": 12_000 * BPU_MONTHLY * 12,
        "apbd_premium_target_idr": 12_000 * BPU_MONTHLY * 12,
    }


def test_madiun_2023_budget_and_members():
    """4,906 BPU members at Rp16,800, a target of 16,539 and a budget of Rp4 bn (DOMAIN.md, seed 000)."""
    scenario = load_scenario("madiun-2023", ["scenario.trials=200"])
    summary = forecast(scenario, chunk_trials=1000, exact_check=False)
    assert summary["budget"] == {
        "annual_premium_start_members_idr": 4_906 * 16_800 * 12,  # Rp989,049,600
        "start_members": 4_906,
        "apbd_premium_start_members_idr": 4_906 * 16_800 * 12,  # every member paid by the APBD
        "payers": [{"payer": "APBD", "members": 4_906, "annual_premium_idr": 4_906 * 16_800 * 12}],
        "annual_budget_idr": 4_000_000_000,
        "budget_minus_apbd_premium_idr": 4_000_000_000 - 4_906 * 16_800 * 12,
        "target_members": 16_539,
        "annual_premium_target_idr": 16_539 * 16_800 * 12,  # Rp3,334,262,400
        "apbd_premium_target_idr": 16_539 * 16_800 * 12,
    }
    _check_members_from_exposure(summary, build_model(scenario), rates=[BPU_MONTHLY])
    members = [p["members"] for p in summary["periods"][:-1]]
    # Deaths only (no exits): below 4,906 and falling year by year, a few per cent in three years.
    assert 4_906 > members[0] > members[1] > members[2] > 4_906 * 0.95


def test_madiun_2025_target_premium_with_the_starting_mix(madiun):
    """Two schemes: 7,902 non-ASN (PU, 0.54 % of Rp2,185,185 = Rp11,800) and 9,582 vulnerable (BPU, Rp16,800)."""
    pu = math.floor(PU_RATE_CLASS_I * MADIUN_PU_WAGE + 0.5)
    assert pu == 11_800  # the premium DOMAIN.md reports for Madiun's PU members
    annual = (7_902 * pu + 9_582 * BPU_MONTHLY) * 12
    assert annual == 3_050_654_400  # DOMAIN.md: Rp254.2 m a month, Rp3.05 bn a year
    budget = madiun.summary["budget"]
    assert budget["start_members"] == 17_484
    assert budget["annual_premium_start_members_idr"] == annual
    assert budget["target_members"] == 20_000
    assert budget["annual_premium_target_idr"] == pytest.approx(annual * 20_000 / 17_484, abs=0.006)
    rates = [pu if name == "non_asn" else BPU_MONTHLY for name in madiun.segments]
    _check_members_from_exposure(madiun.summary, build_model(madiun.scenario), rates)


def _check_members_from_exposure(summary, model, rates):
    """members: the period's member-months (members in force at the start of each month) over its months;
    premium: each segment's member-months times its monthly premium, worked out by hand."""
    by_month = np.array([seg.inforce.sum(axis=0) for seg in model.segments])  # (segments, months)
    years = np.array([d.year for d in model.month_dates])
    labels = [p["period"] for p in summary["periods"]]
    assert labels == [str(y) for y in sorted(set(years))] + ["total"]
    for period in summary["periods"]:
        in_period = np.ones(years.size, bool) if period["period"] == "total" else years == int(period["period"])
        mm = by_month[:, in_period].sum(axis=1)
        assert period["months"] == in_period.sum()
        assert period["members"] == pytest.approx(mm.sum() / in_period.sum(), abs=0.006), period["period"]
        assert period["premium_idr"] == pytest.approx(float(mm @ np.array(rates, float)), rel=1e-12, abs=0.01)
    start = sum(s.members for s in model.scenario.segments)
    assert by_month[:, 0].sum() == pytest.approx(start)  # the first month's in force are the starting members


# --- (d) the exact command's success path --------------------------------------------------------------------------


def _no_temporary_folders(*folders):
    for folder in folders:
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".")], folder


@pytest.mark.parametrize("scenario, asked, label", [(str(ONE_CELL), 0, "2025"), ("madiun-2025", 1, "2026"),
                                                   ("madiun-2025", 2026, "2026")],
                         ids=["one-cell", "madiun-2025-second-year", "madiun-2025-by-calendar-year"])
def test_exact_writes_exact_json_with_the_closed_form_mean(tmp_path, capsys, monkeypatch, scenario, asked, label):
    """--period takes the index (1) or the calendar year a planner would type (2026): the same year either way."""
    out = tmp_path / "new" / "exact-out"  # neither folder exists yet
    seen = []
    write_json = cli.write_json

    def watched(path, data):  # exact.json is written elsewhere and moved in: out holds no half-written file
        seen.append((path, (out / "exact.json").exists()))
        write_json(path, data)

    monkeypatch.setattr(cli, "write_json", watched)
    assert main(["exact", scenario, "--period", str(asked), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Wrote {out}/exact.json" in printed and "mean Rp" in printed
    assert len(seen) == 1 and seen[0][0].name == "exact.json"
    assert seen[0][0].parent != out and not seen[0][1]
    assert sorted(p.name for p in out.iterdir()) == ["exact.json"]
    _no_temporary_folders(out, out.parent)

    table = json.loads((out / "exact.json").read_text())
    model = build_model(load_scenario(scenario))
    period = model.period_labels.index(label)
    closed = float(expected(model).amounts[period].sum())
    assert table["period"] == label and table["method"] == "fft"
    assert table["closed_form_mean_idr"] == pytest.approx(closed, abs=0.01)
    # The grid is mean-preserving: the exact mean is the closed form's to round-off, far inside MEAN_TOL (1e-4).
    assert table["claims_idr"]["mean"] == pytest.approx(closed, rel=1e-8)
    assert table["mean_rel_error"] < 1e-8 and table["mean_flag"] == "ok"
    c = table["claims_idr"]
    assert 0 < c["p5"] <= c["p50"] <= c["p95"] <= c["p99_5"] and c["sd"] > 0


def test_exact_keeps_other_files_and_leaves_the_old_exact_json_when_writing_fails(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.json").write_text('{"a run": 1}\n')
    (out / "exact.json").write_text('{"old": true}\n')
    write_json = cli.write_json

    def disk_full(path, data):
        path.write_text('{"half')
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli, "write_json", disk_full)
    assert main(["exact", str(ONE_CELL), "--out", str(out)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert (out / "exact.json").read_text() == '{"old": true}\n'
    _no_temporary_folders(out)

    monkeypatch.setattr(cli, "write_json", write_json)
    assert main(["exact", str(ONE_CELL), "--out", str(out)]) == 0
    assert json.loads((out / "exact.json").read_text())["scenario_id"] == "one-cell"
    assert (out / "summary.json").read_text() == '{"a run": 1}\n'  # another command's file stays
    assert sorted(p.name for p in out.iterdir()) == ["exact.json", "summary.json"]


def test_trials_without_any_claim_give_no_standard_error_and_say_why():
    """One member, 200 trials, none with a claim: summary.json gave a standard error of 0, a certainty the run does
    not have. It is null with the reason, and the report and `sim run` say the trials had no claim and bound the
    chance of one by the rule of three (3/200) instead."""
    from sim.i18n import Language
    from sim.report_document import Table
    from sim.report_sections import validation_section
    from sim.results import _se
    from sim.trial_claims import Sample

    one = ["segments.vulnerable.members=1", "scenario.trials=200", "scenario.horizon_months=12"]
    summary = forecast(load_scenario("jambi-2025", [*one, "scenario.seed=5"]))
    first = summary["periods"][0]
    assert first["claims_idr"]["mean"] == 0 and first["claims_idr"]["p99_5"] == 0  # no claim in any trial
    assert first["claims_idr"]["se"] is None and first["claims_idr"]["se_reason"] == "no_claims"
    assert ("2025: no claims in any of the 200 trials, so the standard error cannot be estimated; by the rule of "
            "three the chance of any claim is below 3/200 = 1.5% (95 % confidence)") in cli.format_summary(summary)
    said = {"en": "no claims in any of the 200 trials, so the standard error cannot be estimated; by the rule of three "
                  "the chance of any claim in 2025 is below 3 in 200 (95% confidence)",
            "id": "tidak ada klaim dalam satu pun dari 200 simulasi, sehingga galat baku tidak dapat ditaksir; menurut "
                  "kaidah tiga (rule of three), peluang adanya klaim pada 2025 kurang dari 3 per 200 (tingkat "
                  "kepercayaan 95%)"}
    for code, text in said.items():
        section = validation_section(Language(code), summary, {"first_period_mean_z": None})
        mean_row = next(b for b in section.blocks if isinstance(b, Table)).rows[0]
        assert text in mean_row[-1] and ("standard errors apart", "galat baku;")[code == "id"] not in mean_row[-1]
    # A year with a claim keeps its standard error; a single trial has none either.
    claimed = forecast(load_scenario("jambi-2025", [*one, "scenario.seed=4"]))["periods"][0]["claims_idr"]
    assert claimed["se"] > 0 and claimed["se_reason"] is None
    assert _se(Sample.of([5.0])) == {"se": None, "se_reason": "single_trial"}


def test_three_trials_or_fewer_without_a_claim_are_not_bounded_by_the_rule_of_three():
    """The rule of three bounds the chance of a claim below 3/n; with 2 trials that is 150 %, which bounds nothing.
    `sim run` printed "below 3/2 = > 99.9%" and the report "below 3 in 2"; both now say the trials are too few.
    4 trials still give the bound (75 %)."""
    from sim.i18n import Language, rule_of_three_bound
    from sim.report_document import Table
    from sim.report_sections import validation_section

    assert [rule_of_three_bound(n) for n in (1, 3, 4, 200)] == [1.0, 1.0, 0.75, 0.015]
    one = ["segments.vulnerable.members=1", "scenario.horizon_months=12", "scenario.seed=5"]
    for trials, bounded in ((2, False), (4, True)):
        summary = forecast(load_scenario("jambi-2025", [*one, f"scenario.trials={trials}"]))
        assert summary["periods"][0]["claims_idr"]["se_reason"] == "no_claims"  # no claim in any trial
        said = cli.format_summary(summary)
        assert ("below 3/4 = 75.0% (95 % confidence)" in said) is bounded
        assert ("2 trials are too few for the rule of three to bound the chance of any claim" in said) is not bounded
        assert "> 99.9%" not in said
        for code, bound_words in (("en", f"below 3 in {trials} "), ("id", f"kurang dari 3 per {trials} ")):
            section = validation_section(Language(code), summary, {"first_period_mean_z": None})
            cell = next(b for b in section.blocks if isinstance(b, Table)).rows[0][-1]
            assert (bound_words in cell) is bounded
            assert (("too few for the rule of three", "terlalu sedikit bagi kaidah tiga")[code == "id"] in cell) \
                is not bounded


def test_a_benefit_is_too_rare_to_check_only_while_few_payments_are_expected_over_all_the_trials():
    # MIN_EVENTS_SE is 10 payments over all the trials: 0.012 a trial is 1.2 payments in 100 trials (too rare to
    # check by a standard error), but 12 in 1,000 trials, whose mean is checked by its standard error even when only
    # 9 were paid.
    assert _rare(100, 0.012, 1)
    assert not _rare(1_000, 0.012, 9)
    assert not _rare(1_000, 0.0, 0)  # none expected: still checked (any payment is flagged)
