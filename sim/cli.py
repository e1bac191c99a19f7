"""Command line: ``python -m sim run|validate|exact|calibrate|report|plan|compare|notebook ...``.

Bad input ends in one line on stderr and exit status 2, with no output written.
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import signal
import sys
import threading
import tomllib
from pathlib import Path

from . import progress
from .backend import BACKENDS, open_backend
from .allocator import keep_freed_memory
from .budget import DEFAULT_CONFIDENCE
from .calibration import (
    calibrate_command, calibrated_scenario_text, check_experience, fit, joint_fit_warning, load_experience,
    misfit_warning, next_year_forecast,
)
from .compare import chance_bound
from .exact import MEAN_TOL
from .exact import describe as describe_exact
from .exact import exact_distribution
from .i18n import Language, rule_of_three_bound, without_negative_zero
from .forecast import (
    DEFAULT_CHUNK_TRIALS, DEFAULT_MAX_TRIALS, STOP_ASKED, WRITTEN, atomic_directory, check_output_folder,
    other_payers, unused_in_projection, write_json, write_run,
)
from .population import build_model
from .regulation import RuleError
from .results import FLAG_SE, MIN_EVENTS_SE, MIN_TRIALS_SE, distinct_means
from .scenario import SCENARIO_DIR, SCENARIO_FIELDS, ScenarioError, find_scenario, load_scenario, number
from .scenario import load_warned
from .scenario import one_line as _one_line
from .scenario_schema import MAX_TRIALS, shown

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


class _Parser(argparse.ArgumentParser):
    commands: tuple = ()  # the top-level parser's commands, named when none is given

    def error(self, message):  # argparse's own errors: one line, exit 2, like every other bad input
        if self.commands and "required: command" in message:
            message = (f"a command is needed, one of: {', '.join(self.commands)} "
                       f"(e.g. '{self.prog} run madiun-2025'; --help says more)")
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _folder(text_):
    """An argparse type: an output folder. An empty name (which would mean the current folder), a path whose
    existing part is a file, the top of the file system, the scenarios folder (or one in it) and a report's folder
    are refused here, before any work, so that the message names the option."""
    if not text_.strip():
        raise argparse.ArgumentTypeError("must name a folder, got an empty string")
    path = Path(text_)
    for part in (path, *path.parents):
        try:
            exists = part.exists()
        except OSError as err:  # e.g. a name longer than the file system allows
            raise argparse.ArgumentTypeError(f"cannot be a folder: {err.strerror}") from None
        if exists:
            if not part.is_dir():
                raise argparse.ArgumentTypeError(f"{part} is a file, not a folder")
            break
        if part.is_symlink():  # found only when the finished output moved in: "File exists", the run lost
            raise argparse.ArgumentTypeError(f"{part} is a link to {os.readlink(part)}, which does not exist")
    where = path.resolve()
    if where == Path(where.anchor):  # run removes the forecast files it supersedes in its folder: not at the top
        raise argparse.ArgumentTypeError(f"{path} is the top of the file system; name a folder for this output")
    if where == SCENARIO_DIR or SCENARIO_DIR in where.parents:  # a report's scenario.toml there reads as a scenario
        raise argparse.ArgumentTypeError(f"{path} is in {SCENARIO_DIR}, which holds the scenarios; choose another "
                                         "folder")
    if (path / "manifest.json").is_file():  # only reports write one; run would replace a report's summary.json
        raise argparse.ArgumentTypeError(f"{path} holds a report (its manifest.json), which must stay as written; "
                                         "choose another folder")
    return path


def _notebook_file(text_):
    """An argparse type: the file of an executed notebook, a .ipynb file in a folder that ``_folder`` accepts."""
    if not text_.strip():
        raise argparse.ArgumentTypeError("must name a .ipynb file, got an empty string")
    path = Path(text_)
    if path.suffix != ".ipynb":
        raise argparse.ArgumentTypeError(f"{path} is not a .ipynb file (the executed notebook's name ends in .ipynb)")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a folder, not a notebook file")
    _folder(str(path.parent))
    return path


def _named(what: str, kind=str):
    """An argparse type: a scenario or file, refused when empty: ``Path("")`` is the current folder, and
    ``run ''`` said ".: is a folder, not a scenario file"."""

    def convert(text_):
        if not text_.strip():
            raise argparse.ArgumentTypeError(f"must name {what}, got an empty string")
        return kind(text_)

    return convert


SCENARIO_REF = _named("a scenario id or .toml file")
MANIFEST_REF = _named("a report folder or its manifest.json", Path)


def _address(text_):
    """An argparse type: a Dask scheduler's address (an empty one would quietly start a local cluster instead)."""
    if not text_.strip():
        raise argparse.ArgumentTypeError("must be an address such as tcp://host:8786, got an empty string")
    return text_


def _scenario_id(text_):
    """An argparse type: a new scenario's id (it names the file written), checked as ``scenario.id`` is."""
    problem = SCENARIO_FIELDS["id"].check(text_)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text_


def _checked_int(check):
    """An argparse type: a whole number that passes a schema check, so ``--trials -5`` is blamed on --trials."""

    def convert(text_):
        try:
            value = int(text_)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text_!r}") from None
        problem = check(value)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return value

    return convert


SCENARIO_HELP = "scenario id (file in scenarios/) or path to a .toml file"
SET_HELP = "override any scenario value, e.g. --set segments.vulnerable.members=12000 (repeatable)"
CHUNK_HELP = f"trials per chunk (default {DEFAULT_CHUNK_TRIALS:,}; memory vs overhead; the numbers do not depend on it)"


# --quiet on run, plan and compare hides the progress, the results table and the "wrote" lines alike.
QUIET_HELP = "print nothing but errors and warnings (the results are in the output folder)"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m sim", description="JKK-JKM workbench: forecasts of city-funded BPJS TK coverage.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", help="simulate a scenario and write summary.json, trials.csv and scenario.json")
    run.add_argument("scenario", type=SCENARIO_REF, help=SCENARIO_HELP)
    run.add_argument("--trials", type=_checked_int(SCENARIO_FIELDS["trials"].check), help="number of trials (overrides scenario.trials)")
    run.add_argument("--seed", type=_checked_int(SCENARIO_FIELDS["seed"].check), help="random seed (overrides scenario.seed)")
    run.add_argument("--out", type=_folder, help="output folder (default: out/<scenario id>)")
    run.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)
    run.add_argument("--chunk-trials", type=_checked_int(number(1, MAX_TRIALS, integer=True)), default=DEFAULT_CHUNK_TRIALS,
                     help=CHUNK_HELP)
    run.add_argument("--target-precision", type=float, metavar="R",
                     help="run chunks until the 99.5 %% claims quantile is known within +/- R (relative, 95 %% "
                          "confidence) in every period, e.g. 0.01; ignores --trials")
    run.add_argument("--max-trials", type=_checked_int(number(1, MAX_TRIALS, integer=True)),
                     help=f"upper limit with --target-precision (default {DEFAULT_MAX_TRIALS:,})")
    run.add_argument("--no-trials-table", action="store_true", help="skip writing trials.csv")
    run.add_argument("--backend", choices=BACKENDS, default="local",
                     help="where chunks run: this process (local, default) or a Dask cluster (dask); same results")
    run.add_argument("--scheduler", metavar="ADDRESS", type=_address,
                     help="with --backend dask: an existing Dask scheduler (tcp://host:8786) instead of a local cluster")
    run.add_argument("--workers", type=_checked_int(number(1, 1024, integer=True)),
                     help="with --backend dask and no --scheduler: worker processes of the local cluster (default 2)")
    run.add_argument("--quiet", action="store_true", help=QUIET_HELP)

    validate = sub.add_parser("validate", help="check a scenario file and say what is wrong")
    validate.add_argument("scenario", type=SCENARIO_REF, help=SCENARIO_HELP)
    validate.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)

    exact = sub.add_parser("exact", help="exact (FFT or Panjer) distribution of one year's claims")
    exact.add_argument("scenario", type=SCENARIO_REF, help=SCENARIO_HELP)
    exact.add_argument("--period", type=_checked_int(number(0, 9999, integer=True)), default=0,
                       help="calendar year of the horizon (e.g. 2026), or its index: 0 = first (default), 1 = second")
    exact.add_argument("--method", choices=("fft", "panjer"), default="fft",
                       help="fft (default) or panjer (recursion; refused for scenarios with parameter draws)")
    exact.add_argument("--out", type=_folder, help="output folder for exact.json (default: out/<scenario id>)")
    exact.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)

    calibrate = sub.add_parser("calibrate", help="fit mortality load and accident rate to observed claims")
    calibrate.add_argument("scenario", type=SCENARIO_REF, help=SCENARIO_HELP)
    calibrate.add_argument("experience", type=_named("an experience file", Path),
                           help="experience file (see scenarios/experience/README.md)")
    calibrate.add_argument("--id", type=_scenario_id, help="id of the calibrated scenario (default: <scenario id>-calibrated)")
    calibrate.add_argument("--out", type=_folder, help="folder for calibration.json (default: out/<calibrated id>)")
    calibrate.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)
    calibrate.add_argument("--any-scenario", action="store_true",
                           help="fit the claims even if the experience file names another scenario")

    report = sub.add_parser("report", help="reviewer report: HTML, PDF, CSV tables and manifest in reports/<id>/<date>-<hash>/")
    report.add_argument("scenario", nargs="?", type=SCENARIO_REF,
                        help="scenario id or .toml file (or use --from-manifest)")
    report.add_argument("--lang", choices=("id", "en"), help="report language: id (Indonesian, default) or en")
    report.add_argument("--trials", type=_checked_int(SCENARIO_FIELDS["trials"].check), help="number of trials (overrides scenario.trials)")
    report.add_argument("--seed", type=_checked_int(SCENARIO_FIELDS["seed"].check), help="random seed (overrides scenario.seed)")
    report.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)
    report.add_argument("--chunk-trials", type=_checked_int(number(1, MAX_TRIALS, integer=True)), help=CHUNK_HELP)
    report.add_argument("--reports-dir", type=_folder, default=Path("reports"), help="folder holding report folders (default: reports)")
    report.add_argument("--from-manifest", type=MANIFEST_REF, metavar="PATH",
                        help="rebuild a report from its manifest.json alone and compare the numbers with the original")
    report.add_argument("--check", type=MANIFEST_REF, metavar="PATH",
                        help="check a report folder against its manifest.json without running anything: its files' "
                             "SHA-256, and the scenario files, data tables and source it recorded")
    report.add_argument("--quiet", action="store_true", help="no progress on the terminal")

    # Expansion and budget planning (sim/plan.py, sim/compare.py).
    plan = sub.add_parser("plan", help="year-by-year expansion plan: enrolment, funding, claims paid, budget answers")
    plan.add_argument("scenario", type=SCENARIO_REF, help=SCENARIO_HELP)
    compare = sub.add_parser("compare", help="key outputs and differing parameters of scenarios side by side")
    compare.add_argument("scenarios", nargs="+", metavar="SCENARIO", type=SCENARIO_REF)
    for p in (plan, compare):
        p.add_argument("--trials", type=_checked_int(SCENARIO_FIELDS["trials"].check), help="number of trials (overrides scenario.trials)")
        p.add_argument("--seed", type=_checked_int(SCENARIO_FIELDS["seed"].check), help="random seed (overrides scenario.seed)")
        p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help=SET_HELP)
        p.add_argument("--confidence", type=_share, default=DEFAULT_CONFIDENCE,
                       help=f"confidence of the budget answers (default {DEFAULT_CONFIDENCE})")
        p.add_argument("--chunk-trials", type=_checked_int(number(1, MAX_TRIALS, integer=True)), default=DEFAULT_CHUNK_TRIALS,
                       help=CHUNK_HELP)
        p.add_argument("--quiet", action="store_true", help=QUIET_HELP)
    plan.add_argument("--out", type=_folder, help="output folder (default: out/<scenario id>/)")
    compare.add_argument("--out", type=_folder, help="output folder (default: out/compare-<id>-vs-<id>/)")
    plan.add_argument("--no-tornado", action="store_true", help="skip the sensitivity table (the slowest part)")

    # A planner's notebook run with other parameters (sim/notebook.py; papermill and jupytext load only for it).
    notebook = sub.add_parser("notebook", help="run a notebook of notebooks/ with other parameters, keep it executed")
    notebook.add_argument("notebook", type=_named("a notebook"),
                          help="01, 01_scenario_overview, 01_scenario_overview.py or a path to a notebook .py file")
    notebook.add_argument("-p", dest="parameters", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                          help="set a parameter of the notebook's parameters cell, read as papermill -p reads it: a "
                               "number, else a text (repeatable)")
    notebook.add_argument("-y", dest="yaml", action="append", default=[], metavar="YAML",
                          help="parameters as YAML, as papermill -y, e.g. -y 'scenario_ids: [jambi-2025, "
                               "jambi-2025-pipeline]' (repeatable; a name given twice, by -p or -y, is refused)")
    notebook.add_argument("--out", type=_notebook_file, metavar="FILE",
                          help="the executed notebook (default: out/notebooks/<notebook>.ipynb)")
    parser.commands = tuple(sub.choices)
    return parser


def _share(text_):
    """An argparse type: a share strictly between 0 and 1."""
    try:
        value = float(text_)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text_!r}") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (e.g. 0.9), got {text_!r}")
    return value


def _overrides(args) -> list[str]:
    extra = []
    if getattr(args, "trials", None) is not None:
        extra.append(f"scenario.trials={args.trials}")
    if getattr(args, "seed", None) is not None:
        extra.append(f"scenario.seed={args.seed}")
    return list(args.overrides) + extra


def rupiah(x: float) -> str:
    """Rupiah in short English form: Rp3.05 bn, Rp604.8 m, Rp16,800; an amount shown as zero without a sign (-0.0,
    or a rounding error of -0.3, is Rp0, not Rp-0)."""
    if x is None:
        return "-"
    if abs(x) >= 1e12:
        return f"Rp{x / 1e12:,.2f} tn"
    if abs(x) >= 1e9:
        return f"Rp{x / 1e9:,.2f} bn"
    if abs(x) >= 1e6:
        return f"Rp{x / 1e6:,.1f} m"
    return "Rp" + without_negative_zero(f"{x:,.0f}")


def wrote(folder: Path, *names: str) -> str:
    """A command's last line, naming its folder once: "Wrote out/x/summary.json, trials.csv, scenario.json" (run,
    plan and compare alike; run's repeated the folder before each file)."""
    return f"Wrote {folder}/" + ", ".join(names)


def _left(x: float) -> str:
    """What a budget leaves after a premium, or how far it falls short of it."""
    return f"{rupiah(x)} left after" if x >= 0 else f"{rupiah(-x)} short of"


TARGETS_FROM_EXPANSION = "Year-end targets from [expansion]: python -m sim plan gives their premium year by year"
BUDGET_FROM_FUNDING = ("APBD budget from [funding]: python -m sim plan sets it against the APBD's premiums year by "
                       "year")


# What sim run's stated budget is set against: sim plan's "left" (plan.STATED_PREMIUM_OF) is after the premium of the
# members in force, whom deaths and exits reduce, so it is larger; each line says what its premium is of.
FULL_YEAR_PREMIUM_OF = "every starting member paid for 12 months, none dying or leaving"


def _budget_lines(summary: dict) -> list[str]:
    """The stated budget against the premiums. With members at the start: their full year's premium, and the
    APBD's share of it when others (CSR, ...) pay for some members: what the city budgets each year while
    membership holds, the stated budget being the APBD's. Without (a programme that enrols its members over the
    horizon): the premiums of the members in force each year, as in the table, and what each year leaves."""
    budget = summary["budget"]
    if budget["start_members"]:
        lines = [f"Premium for a full year of the {budget['start_members']:,} starting members: "
                 f"{rupiah(budget['annual_premium_start_members_idr'])}"]
        others = [p for _, p in other_payers(budget)]
        if others:  # the APBD pays only its own members' share: the stated budget is set against that
            paid = [f"{p['payer']} {rupiah(p['annual_premium_idr'])} ({p['members']:,} members)" for p in others]
            apbd = budget["apbd_premium_start_members_idr"]
            lines[0] += (f", paid by {', '.join(paid)}; none by the APBD" if not apbd else
                         f", of which the APBD pays {rupiah(apbd)}; the rest: {', '.join(paid)}")
        if "annual_budget_idr" in budget:
            lines.append(f"Stated budget {rupiah(budget['annual_budget_idr'])}: "
                         f"{_left(budget['budget_minus_apbd_premium_idr'])} "
                         + ("the APBD's premium" if others else "that premium") + f" ({FULL_YEAR_PREMIUM_OF})")
        if "target_members" in budget:
            lines.append(f"Premium for the target of {budget['target_members']:,} members: "
                         f"{rupiah(budget['annual_premium_target_idr'])} a year"
                         + (f", the APBD's share {rupiah(budget['apbd_premium_target_idr'])} (same mix of payers)"
                            if others else ""))
        if budget.get("targets_from") == "expansion":
            lines.append(TARGETS_FROM_EXPANSION)
        if budget.get("budget_from") == "funding":
            lines.append(BUDGET_FROM_FUNDING)
        return lines
    lines = ["No members at the start: premiums follow the enrolment (members in force each year, above)"]
    if "annual_budget_idr" in budget:
        years = [p for p in summary["periods"] if p["period"] != "total"]
        gaps = [(p["period"], budget["annual_budget_idr"] - p["premium_idr"]) for p in years]
        left = ", ".join(f"{y} {rupiah(x)}" if x >= 0 else f"{y} short by {rupiah(-x)}" for y, x in gaps)
        lines.append(f"Stated budget {rupiah(budget['annual_budget_idr'])} a year; left after each year's premium: {left}")
    if "target_members" in budget:
        lines.append(f"Target of {budget['target_members']:,} members: its premium depends on the mix enrolled "
                     "(python -m sim plan gives it year by year)")
    if budget.get("targets_from") == "expansion":
        lines.append(TARGETS_FROM_EXPANSION)
    if budget.get("budget_from") == "funding":
        lines.append(BUDGET_FROM_FUNDING)
    return lines


# Why a projection does not use a [budget] key (forecast.unused_in_projection), as the report's register says it
# (report_sections.UNUSED_IN_PROJECTION): a variant built with ``base = ...`` inherits its base's [budget] unseen.
UNUSED_BUDGET_WHY = {"budget.annual_budget": "[funding] apbd_budget gives the APBD budget, year by year",
                     "budget.target_members": "[expansion] gives the year-end targets, segment by segment"}


def unused_budget_lines(scenario) -> list[str]:
    """A line per [budget] key the scenario states (or inherits) that its projection does not use: its value,
    where it was set and why it is not used. sim run's and sim plan's terminals said nothing of it, so a planner
    whose variant inherits Rp2.20 bn from its base could not tell which budget the answers use."""
    lines = []
    for key in sorted(unused_in_projection(scenario)):
        node = scenario.resolved.get("budget", {}).get(key.split(".")[1])
        if not isinstance(node, dict) or "value" not in node:
            continue
        value = node["value"]
        shown_value = rupiah(value) + " a year" if key == "budget.annual_budget" else f"{value:,.0f} members"
        lines.append(f"Not used: [budget] {key.split('.')[1]} {shown_value}, {_set_where(scenario, key)}: "
                     f"{UNUSED_BUDGET_WHY[key]}")
    return lines


def _set_where(scenario, key: str) -> str:
    """Where a dotted key's value comes from: --set, the scenario's own file or the base it inherits it from."""
    if any(k == key or k.startswith(key + ".") for k, _ in scenario.overrides):
        return "given with --set"
    table, field = key.split(".")
    for i, path in enumerate(reversed(scenario.files)):
        if field in (tomllib.loads(Path(path).read_text(encoding="utf-8")).get(table) or {}):
            return "stated in this scenario's file" if i == 0 else f"inherited from its base {Path(path).stem}"
    return "inherited"


def format_summary(summary: dict, notes: list[str] = ()) -> str:
    """sim run's terminal: the table, the budget lines, then ``notes`` (:func:`unused_budget_lines`), the risk and
    the checks."""
    lines = [
        f"{summary['title']} ({summary['scenario_id']}), {summary['trials']:,} trials, seed {summary['seed']}",
        f"{'period':>7} {'members':>9} {'premium':>12} {'claims mean':>13} {'expected':>12} {'p5':>12} "
        f"{'p95':>12} {'ratio':>7} {'P(>100%)':>9}",
    ]
    for p in summary["periods"]:
        ratio = p["claim_ratio"]
        lines.append(
            f"{p['period']:>7} {p['members']:>9,.0f} {rupiah(p['premium_idr']):>12} {rupiah(p['claims_idr']['mean']):>13} "
            f"{rupiah(p['claims_expected_idr']):>12} {rupiah(p['claims_idr']['p5']):>12} {rupiah(p['claims_idr']['p95']):>12} "
            f"{'-' if ratio is None else format(ratio['mean'], '.0%'):>7} "
            f"{chance_bound(p['prob_claim_ratio_above_1'], summary['trials']):>9}"
        )
    lines += [_no_claims_line(p, summary["trials"]) for p in summary["periods"]
              if p["claims_idr"].get("se_reason") == "no_claims"]
    lines += _budget_lines(summary)
    lines += notes
    first = summary["periods"][0]
    risk = first["risk"]
    ci = risk["claims_var_ci95_idr"]
    ci = f"95 % CI {rupiah(ci[0])}-{rupiah(ci[1])}" if ci else "no 95 % CI: too few trials to bound it"
    lines.append(f"{first['period']} at 99.5 %: claims VaR {rupiah(risk['claims_var_idr'])} ({ci}), "
                 f"TVaR {rupiah(risk['claims_tvar_idr'])}; shortfall over premium TVaR {rupiah(risk['shortfall_tvar_idr'])}")
    exact = summary.get("exact_first_period")
    if exact:
        checks = exact.get("versus_simulation", {}).get("quantiles", {})
        lines.append(f"Exact (FFT) {exact['period']}: mean {rupiah(exact['claims_idr']['mean'])}"
                     + _exact_mean_check(exact) + f", p99.5 {rupiah(exact['claims_idr']['p99_5'])}"
                     + _draw_set_note(exact) + "; "
                     + "simulated quantiles " + _quantile_checks(checks))
    lines.append("Monte Carlo vs closed form: " + _mean_checks(summary))
    return "\n".join(lines)


def _draw_set_note(exact: dict, name: str = "p99_5") -> str:
    """The sd of an exact quantile over other sets of as many parameter draws (exact.json ``draw_set_sd_idr``): a
    sampling error of the scenario's draws that no number of trials removes, and that no interval printed holds."""
    sd = (exact.get("draw_set_sd_idr") or {}).get(name)
    if sd is None:
        return ""
    return (f" (sd {rupiah(sd)}, {sd / exact['claims_idr'][name]:.1%}, over other sets of {exact['draws']} "
            "parameter draws)")


def _exact_mean_check(exact: dict) -> str:
    """Nothing while the exact mean matches the closed form; else how far off it is: a grid too coarse or too short
    for the claims, which makes the exact quantiles beside it suspect too (summary.json ``mean_flag``)."""
    if exact["mean_flag"] == "ok":
        return ""
    return (f" (check: {exact['mean_rel_error']:.1e} off the closed form's {rupiah(exact['closed_form_mean_idr'])}, "
            f"more than {MEAN_TOL:.0e})")


def _no_claims_line(period: dict, trials: int) -> str:
    """A period without a claim in any trial: its mean of Rp0 is not a certainty (summary.json's se is null). The
    rule of three bounds the chance of a claim below 3/n; 3 trials or fewer bound nothing (2 trials read "below 3/2
    = > 99.9%")."""
    head = (f"{period['period']}: no claims in any of the {trials:,} trials, so the standard error cannot be "
            f"estimated; ")
    bound = rule_of_three_bound(trials)
    if bound >= 1.0:
        return head + f"{trials:,} trials are too few for the rule of three to bound the chance of any claim"
    return head + (f"by the rule of three the chance of any claim is below 3/{trials:,} = "
                   f"{Language('en').chance(bound)} (95 % confidence)")


def _mean_checks(summary: dict) -> str:
    """How the simulated means compare with the closed form, and how many were too rare (or the trials too few)
    to check."""
    rows = distinct_means(summary["breakdown"])
    checked = [r for r in rows if r["flag"] in ("ok", "check")]
    if summary["trials"] < MIN_TRIALS_SE:
        return f"not checked, a standard error needs at least {MIN_TRIALS_SE} trials"
    flagged = sum(r["flag"] == "check" for r in checked)
    text = (f"all means within {FLAG_SE:g} standard errors (skewness allowed for)" if not flagged
            else _flagged_means(flagged, len(checked)))
    if len(checked) < len(rows):
        text += (f"; {len(rows) - len(checked)} of {len(rows)} not checked: fewer than {MIN_EVENTS_SE} payments of "
                 "them expected over the trials (run more trials to check them)")
    return text


def _quantile_checks(checks: dict) -> str:
    """How the simulated quantiles compare with the exact distribution, naming those too few trials lie beyond."""
    off = [k for k, v in checks.items() if v["flag"] == "check"]
    unchecked = [k for k, v in checks.items() if v["flag"] == "too_few"]
    if len(unchecked) == len(checks):
        return "not checked: too few trials"
    text = "agree within their Monte Carlo bands" if not off else f"outside their bands: {', '.join(off)}"
    return text + (f" ({', '.join(unchecked)} not checked: too few trials beyond them)" if unchecked else "")


def _flagged_means(flagged: int, checked: int) -> str:
    """How many means are flagged, of how many, and how many would be by chance: a national scenario checks some
    10,000 means (514 segments x benefits x periods), where one flag is no sign of a fault. The bounds, moved for
    skewness (``results.skew_limits``), keep a normal mean's chance of a gap beyond 4 SE."""
    chance = checked * math.erfc(FLAG_SE / math.sqrt(2))  # P(|Z| > FLAG_SE) for each checked mean
    return (f"{flagged} of {checked:,} means more than {FLAG_SE:g} standard errors off, skewness allowed for "
            f"(about {chance:.2g} expected by chance; see summary.json breakdown)")


def format_run(run: dict) -> str:
    """One line: where the trials ran (this process, or the Dask cluster), time and peak memory of the run. ("Ran on
    local" read as a place; it was the backend's name.)"""
    if run["backend"] == "dask":
        where = f"on Dask ({run['scheduler']}, {run['worker_threads']} worker thread(s))"
    else:
        where = f"in this process (--backend {run['backend']})"
    line = f"Ran {where} in {run['wall_seconds']:,.1f} s; peak memory {run['peak_rss_mb']:,.0f} MB"
    if run.get("worker_peak_rss_mb"):
        line += " here, workers " + ", ".join(f"{m:,.0f}" for m in run["worker_peak_rss_mb"]) + " MB"
    return line


_progress = progress.trials  # one line of trial progress on stderr (sim/progress.py, shared with reports)


def cmd_run(args) -> int:
    scenario = load_warned(args.scenario, _overrides(args))
    target = args.target_precision
    if target is not None and not 0 < target < 1:
        raise ScenarioError("--target-precision", "", f"must be a share between 0 and 1 (e.g. 0.01), got {target}")
    if target is None and args.max_trials is not None:
        raise ScenarioError("--max-trials", "", "limits a --target-precision run; without it the run has --trials trials")
    out = args.out or Path("out") / scenario.id
    backend = open_backend(args.backend, args.scheduler, args.workers)
    summary = write_run(scenario, out, args.chunk_trials, not args.no_trials_table, None if args.quiet else _progress,
                        target_precision=target, max_trials=args.max_trials or DEFAULT_MAX_TRIALS, backend=backend)
    if not args.quiet:
        print(format_summary(summary, unused_budget_lines(scenario)))
        if "precision" in summary:
            pr = summary["precision"]
            print(f"Precision target {pr['target']:.2%}: {'met' if pr['met'] else 'NOT met'} after {pr['trials_used']:,} "
                  f"trials (achieved {'n/a: too few trials' if pr['achieved'] is None else format(pr['achieved'], '.2%')})")
        print(format_run(summary["run"]))
        print(wrote(out, "summary.json", *([] if args.no_trials_table else ["trials.csv"]), "scenario.json"))
    return 0


def cmd_validate(args) -> int:
    experience = _experience_file(args.scenario)
    if experience is not None:
        return _validate_experience(args, experience)
    scenario = load_warned(args.scenario, args.overrides)
    members = sum(s.members for s in scenario.segments)
    print(f"OK {scenario.path}: {scenario.id}, {len(scenario.segments)} segment(s), {members:,} members, "
          f"{scenario.horizon_months} months from {scenario.start:%Y-%m}")
    return 0


def _experience_file(ref: str) -> Path | None:
    """The file ``ref`` names, found as a scenario is (a path, or an id in scenarios/ such as
    experience/madiun-2025, which was refused as "an experience file ... checked by 'sim validate'"), if it is a
    .toml file with an [experience] table and no [scenario] one: observed claims for ``sim calibrate``."""
    try:
        path = find_scenario(ref)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (ScenarioError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None  # the scenario loader reports it
    return path if "experience" in data and "scenario" not in data else None


def _validate_experience(args, path: Path) -> int:
    """Check an experience file as ``sim calibrate`` reads it, and that the scenario it names loads."""
    if args.overrides:
        raise ScenarioError(args.scenario, "--set", "applies to scenarios; an experience file takes no --set")
    experience = load_experience(path)
    scenario = check_experience(experience)
    joint = joint_fit_warning(experience)
    if joint:  # on stderr, as sim validate prints a scenario's warnings (load_warned)
        print(f"warning: {_one_line(joint)}", file=sys.stderr)
    print(f"OK {experience.path}: experience {experience.id}, {len(experience.observations)} observation(s) "
          f"for scenario {scenario.id}")
    return 0


def _period_index(labels: tuple[str, ...], value: int, path) -> int:
    """--period as a planner types it: a calendar year of the horizon (2026), or its index (1). The two cannot be
    confused: a horizon of at most 600 months has at most 51 calendar years, and a year is from 1900 on."""
    if str(value) in labels:
        return labels.index(str(value))
    if value < len(labels):
        return value
    raise ScenarioError(str(path), "--period", f"{value} is not in the horizon: give one of its calendar years "
                        f"({', '.join(labels)}) or its index 0-{len(labels) - 1}")


def cmd_exact(args) -> int:
    scenario = load_scenario(args.scenario, args.overrides)
    model = build_model(scenario)
    period = _period_index(model.period_labels, args.period, scenario.path)
    out = args.out or Path("out") / scenario.id
    check_output_folder(out)
    try:
        dist = exact_distribution(model, period, args.method)
    except ValueError as err:  # a refused Panjer run (parameter uncertainty), or claims the grid cannot hold
        raise ScenarioError(str(scenario.path), f"--method {args.method}", str(err)) from None
    table = describe_exact(dist)
    with atomic_directory(out) as tmp:
        write_json(tmp / "exact.json", table)
    c = table["claims_idr"]
    print(f"{scenario.title}: exact claims in {table['period']} ({table['method']}, span {rupiah(table['span_idr'])}, "
          f"{table['points']:,} points)")
    print(f"  mean {rupiah(c['mean'])} (closed form {rupiah(table['closed_form_mean_idr'])}, relative error "
          f"{table['mean_rel_error']:.1e}: {table['mean_flag']}); sd {rupiah(c['sd'])}; CV {c['cv']}; skewness {c['skewness']}")
    print("  " + "; ".join(f"{k} {rupiah(c[k])}" for k in ("p5", "p50", "p95", "p99_5")))
    if table["draw_set_sd_idr"]:
        print(f"  over other sets of its {table['draws']} parameter draws each quantile would move by (sd): "
              + "; ".join(f"{k} {rupiah(v)}" for k, v in table["draw_set_sd_idr"].items() if v is not None))
    print(f"Wrote {out}/exact.json")
    return 0


def cmd_calibrate(args) -> int:
    base = load_warned(args.scenario, args.overrides)  # an amount in thousands is said before the fit
    new_id = args.id or f"{base.id}-calibrated"
    target = base.path.parent / f"{new_id}.toml"
    if target.resolve() in {Path(f).resolve() for f in base.files}:  # the new file would inherit from itself
        raise ScenarioError("--id", new_id, f"would overwrite {target}, which the calibration starts from")
    if target.is_dir():
        raise ScenarioError("--id", new_id, f"{target} is a folder, not a scenario file")
    _refuse_other_file(target, new_id, base)
    out = args.out or Path("out") / new_id
    for folder in (out, target.parent):  # before the fit: calibration.json and the scenario file go there
        check_output_folder(folder)
    experience = load_experience(args.experience)
    _refuse_other_city(experience, base, args.any_scenario)
    cal = fit(args.scenario, experience, args.overrides)
    base_ref = os.path.relpath(base.path.with_suffix(""), target.parent)
    command = calibrate_command(cal, args.scenario, args.id, args.any_scenario)
    text_ = calibrated_scenario_text(cal, new_id, base_ref, seed=base.seed, command=command)
    desc = cal.describe()
    probe = target.parent / f".{target.stem}.tmp.toml"  # beside the target: its base is a relative path

    def move_scenario_file():  # recorded as written, as atomic_directory records ``out`` once this is done
        _replace(probe, target)
        WRITTEN.append(target)

    try:
        # The scenario file moves only once calibration.json is in place: a failed run writes neither.
        with atomic_directory(out, then=move_scenario_file) as tmp:
            probe.write_text(text_, encoding="utf-8")
            desc["forecast_next_year"] = next_year_forecast(load_scenario(probe), cal.experience)
            write_json(tmp / "calibration.json", desc)
    finally:
        probe.unlink(missing_ok=True)
    print(format_calibration(desc))
    print(f"Wrote {target} and {out}/calibration.json")
    return 0


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, an error named by ``target``, the file asked for, not by the hidden temporary one."""
    try:
        os.replace(source, target)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(target)) from None


def _refuse_other_file(target: Path, new_id: str, base) -> None:
    """An existing ``target`` is rewritten only if it is an earlier calibration of the same scenario (the shipped
    madiun-2025 from madiun-2025-prior); any other scenario of that name is left alone (``--id jambi-2025`` once
    wrote Madiun's calibration over Jambi's scenario)."""
    if not target.exists():
        return
    try:
        record = load_scenario(target).calibration
    except ScenarioError:
        record = None
    if record is None or record.get("scenario") != base.id:
        raise ScenarioError("--id", new_id, f"{target} exists and is not a calibration of {base.id}; choose "
                                            "another --id")


def _refuse_other_city(experience, base, allowed: bool) -> None:
    """The experience file names the scenario its claims belong to (``[experience] scenario``); fitting another
    scenario to them (Jambi's 3,000 workers to Madiun's Rp6.2 bn: a death multiplier of 12) takes ``--any-scenario``.
    A scenario built on the named one (its base chain holds it) is the same programme."""
    chain = {Path(f).stem for f in base.files} | {base.id}
    if experience.scenario not in chain and not allowed:
        raise ScenarioError(str(experience.path), "experience.scenario",
                            f"the claims are of {experience.scenario}, not {base.id} or a scenario it builds on "
                            "(pass --any-scenario to fit them anyway)")


def cmd_report(args) -> int:
    from .report import command  # matplotlib and the PDF writer load only for reports

    return command(args)


def cmd_plan(args) -> int:
    from .plan import entry_labels, format_plan, sensitivity_names, write_plan

    scenario = load_warned(args.scenario, _overrides(args))
    out = args.out or Path("out") / scenario.id
    result = write_plan(scenario, out, args.confidence, args.chunk_trials, None if args.quiet else _progress,
                        sensitivity=not args.no_tornado)
    if not args.quiet:
        names = sensitivity_names(scenario, result["tornado"]["rows"]) if result["tornado"] else None
        print(format_plan(result, rupiah, names, entry_labels(scenario), unused_budget_lines(scenario)))
        tornado = [] if args.no_tornado else ["tornado.csv"]
        print(wrote(out, "plan.json", "plan_*.csv", *tornado, "summary.json", "scenario.json"))
    return 0


def cmd_compare(args) -> int:
    from .compare import compare, format_compare, write_compare

    if len(args.scenarios) < 2:
        raise ScenarioError("compare", "SCENARIO", f"needs two or more scenarios, got {len(args.scenarios)}")
    scenarios = [load_warned(ref, _overrides(args)) for ref in args.scenarios]
    seen = {}
    for s in scenarios:  # the results are keyed by id: two scenarios with one id would show one's numbers twice
        if s.id in seen and seen[s.id] == s.path:
            raise ScenarioError(str(s.path), "SCENARIO", "is given twice: compare needs two or more different "
                                                         "scenarios")
        if s.id in seen:
            raise ScenarioError(str(s.path), "scenario.id", f"{s.id!r} is also the id of {seen[s.id]}: compared "
                                                            "scenarios need different ids")
        seen[s.id] = s.path
    out = args.out or Path("out") / ("compare-" + "-vs-".join(s.id for s in scenarios))
    check_output_folder(out)  # before the scenarios run
    result = compare(scenarios, args.confidence, args.chunk_trials, None if args.quiet else _progress)
    write_compare(result, out)
    if not args.quiet:
        print(format_compare(result, rupiah))
        print(wrote(out, "compare.json", "compare_outputs.csv", "compare_parameters.csv"))
    return 0


def cmd_notebook(args) -> int:
    try:
        from . import notebook  # jupytext and papermill: the test and notebooks extras
    except ImportError as err:
        raise ScenarioError("notebook", err.name or "", "not installed; the command needs jupytext and papermill "
                                                        "(./workbench notebooks installs them)") from None
    path = notebook.find_notebook(args.notebook)
    nb = notebook.read_notebook(path)
    notebook.check_kernel(path, nb)
    parameters = notebook.read_parameters(path, args.parameters, args.yaml)
    notebook.check_names(path, parameters, notebook.parameter_names(path, nb))  # before anything runs
    notebook.check_language(path, parameters)
    notebook.check_trials(path, parameters)
    parameters = notebook.check_types(path, parameters, notebook.parameter_defaults(path, nb), args.parameters)
    out = args.out or Path("out") / "notebooks" / f"{path.stem}.ipynb"
    check_output_folder(out.parent)
    if out.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder is in the way of this output file", str(out))
    given = ", ".join(f"{name}={shown(value)}" for name, value in parameters.items())  # a long value cut short
    print(f"Running {path}" + (f" with {given}" if given else " with its own parameters"), flush=True)
    try:
        notebook.run_notebook(nb, path, parameters, out)
    except notebook.NotebookStopped as err:  # the notebook's one line, not papermill's wall of traceback
        print(_one_line(err.line), file=sys.stderr)
        return EXIT_BAD_INPUT if err.bad_input else EXIT_FAILED
    print(f"Wrote {out}")
    return 0


def format_calibration(desc: dict) -> str:
    lines = []
    for which in ("mortality_scale", "accident_scale"):
        s = desc[which]
        lines.append(f"{which}: posterior mean {s['mean']:.3f}, 90 % interval {s['p5']:.3f}-{s['p95']:.3f}, "
                     f"credibility weight {s['credibility_weight']:.2f}")
    found = [misfit_warning(desc["goodness_of_fit"]), desc.get("joint_fit_warning")]
    lines += [f"warning: {w}" for w in found if w]
    for row in desc["backtest"]:
        parts = [f"{name} {row[name]:,.0f} at the {row[name + '_percentile']:.1%} point of the uncalibrated forecast "
                 f"(mean {row[name + '_forecast_mean']:,.0f})" for name in ("claims", "amount_idr") if name in row]
        lines.append(f"backtest {row['from']}..{row['to']}: " + "; ".join(parts))
    for row in desc.get("not_fitted", ()):
        parts = [f"{name} {row[name]:,.0f} recorded, {row['expected_' + name]:,.0f} expected by the calibrated model"
                 for name in ("claims", "amount_idr") if name in row]
        lines.append(f"not fitted, a check {row['from']}..{row['to']}: " + "; ".join(parts))
    f = desc["forecast_next_year"]
    lines.append(f"calibrated forecast {f['period']}: claims {rupiah(f['claims_mean_idr'])} "
                 f"(90 % interval {rupiah(f['claims_p5_idr'])}-{rupiah(f['claims_p95_idr'])}), claim ratio "
                 f"{f['claim_ratio_mean']:.0%} ({f['claim_ratio_p5']:.0%}-{f['claim_ratio_p95']:.0%})")
    return "\n".join(lines)


def _terminate(signum, frame):
    """SIGTERM (a scheduler or ``kill`` stopping the run) ends it as Ctrl-C does: through the same clean-up, which
    removes the temporary output folder, instead of dying with it half-written. The stop is also recorded, for the
    case where the interrupt is lost (:data:`sim.forecast.STOP_ASKED`)."""
    STOP_ASKED.set()
    raise KeyboardInterrupt


# Zero-width space, non-joiner, joiner, word joiner and byte-order mark: invisible, and a key or path copied from a
# PDF report made before its keys were kept searchable carries zero-width spaces (they let long keys wrap).
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _without_zero_width(argv) -> list[str]:
    """The arguments without zero-width characters, before any parsing: no scenario id, path, key or value means
    them, and with them a key pasted from the PDF was "not dotted.key=value" and a path "no such scenario file"."""
    return [str(a).translate(ZERO_WIDTH) for a in (sys.argv[1:] if argv is None else argv)]


def _written(written_before: int) -> str:
    """The outputs this command moved into place (``WRITTEN[written_before:]``), or "": named in an error that comes
    after them (a closed pipe while the results print, ``sim run | head -1``; Ctrl-C), lest it read as a failed run."""
    return ", ".join(str(p) for p in WRITTEN[written_before:])


def main(argv=None) -> int:
    # Python reads at most 4,300 digits of an integer and raises ValueError beyond, a traceback out of tomllib for a
    # --set or scenario value of 5,000 nines. Read in full, such a number meets its range check like any other.
    sys.set_int_max_str_digits(0)
    args = _parser().parse_args(_without_zero_width(argv))
    keep_freed_memory()
    STOP_ASKED.clear()  # a stop asked of an earlier command in this process (a test's) is not this one's
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    written_before = len(WRITTEN)  # what this command moves into place is WRITTEN[written_before:]
    try:
        commands = {"run": cmd_run, "validate": cmd_validate, "exact": cmd_exact, "calibrate": cmd_calibrate,
                    "report": cmd_report, "plan": cmd_plan, "compare": cmd_compare, "notebook": cmd_notebook}
        return commands[args.command](args)
    except (ScenarioError, RuleError) as err:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as err:
        # Some errors (a full disk) carry no file name: name the output the command was writing instead.
        where = err.filename or getattr(args, "out", None) or getattr(args, "reports_dir", None) or args.command
        written = _written(written_before)
        print(f"error: {_one_line(f'{where}: {err.strerror or err}')}"
              + (f" (after writing {written} in full)" if written else ""), file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(f"error: {args.command}: out of memory; try a smaller --chunk-trials, fewer members or a shorter horizon",
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        # Once the output is in place (only printing is left), an interrupt does not undo it: say so, and name it.
        written = _written(written_before)
        print(f"error: {args.command}: interrupted" + (f" after writing {written} in full" if written else
                                                      "; nothing was written"), file=sys.stderr)
        return EXIT_INTERRUPTED
