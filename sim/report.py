"""Reviewer reports: one folder per run with report.html (self-contained), report.pdf, the tables as CSV,
summary.json, report.json and manifest.json.

``build(scenario, lang)`` runs the forecast (keeping each trial's claims per year for the charts), the closed-form
sensitivity tornado, and the budget-against-coverage figures; lays the content out once as sections of paragraphs,
tables, charts and text (:class:`Section`); and hands that to the HTML and PDF writers, so both show the same
figures. Every number shown is a :class:`Figure` that names the file and key it comes from (``summary.json`` for
the forecast, ``report.json`` for what the report adds), and the HTML carries that as data attributes, so a test
checks every number against its source.

The folder is ``reports/<scenario id>/<date>-<run hash>/`` (see :mod:`sim.manifest`). It is written in a
temporary folder beside it and renamed at the end, and an existing folder is never overwritten.

This module runs those steps and writes the folder; the content model (:class:`Section`, :class:`Figure`, ...) is in
:mod:`sim.report_document` and the layout (report.json, CSV tables, sections, charts, notebook tables) in
:mod:`sim.report_sections`, both re-exported here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from .forecast import (
    DEFAULT_CHUNK_TRIALS, WRITTEN, check_output_folder, forecast, make_parents, remove_made, signals_held,
    write_json,
)
from .forecast import _git_commit as git_commit
from .i18n import Language
from .manifest import (
    MANIFEST_FORMAT, changed_files, changed_inputs, changed_packages, code_version, data_hashes, differing_numbers,
    file_hashes, manifest_scenario, override_text, package_versions, read_manifest, run_hash, scenario_toml, sha256,
)
from .plan import PLAN_TABLES, TrialClaims, detail, detail_tables, write_table
from .population import build_model
from .report_document import Chart, Figure, Para, Pre, Report, Section, Table, Tiles, fill, lookup
from .report_planning import year_end_words
from .charts import dbh_pays
from .planner_tables import (
    apbd_budget, backtest_table, coverage_table, differences_table, funding_table, members_table, next_year_table,
    plan_table, pledge_table, posterior_table, year_table,
)
from .report_sections import (
    FAN_QUANTILES, MANY_ROWS, MANY_SEGMENTS, _jsonable, chart_images, comparison_table, csv_tables, extra_figures,
    fan_rows, period_table, register_rows, register_table, rule_rows, sections, validation_table, year_name,
)
from .scenario import Scenario, ScenarioError
from .sensitivity import tornado

# The content model (report_document) and the layout (report_sections) are re-exported: the notebooks, the tests
# and other code reach them as sim.report.NAME.
__all__ = [
    "STEPS", "RUN_KEYS", "DEFAULT_REPORTS_DIR", "Origin", "report_folder", "build", "rebuild", "compare", "headline",
    "command",
    "Figure", "Para", "Table", "Chart", "Tiles", "Pre", "Section", "Report", "fill", "lookup",
    "FAN_QUANTILES", "MANY_ROWS", "MANY_SEGMENTS", "fan_rows", "register_rows", "rule_rows", "extra_figures",
    "csv_tables", "sections", "chart_images", "period_table", "register_table", "validation_table", "comparison_table",
    "apbd_budget", "year_table", "members_table", "funding_table", "plan_table", "coverage_table", "pledge_table",
    "differences_table", "posterior_table", "backtest_table", "next_year_table",
]

STEPS = ("forecast", "sensitivity", "tables", "charts", "html", "pdf", "write")
DEFAULT_REPORTS_DIR = Path("reports")
# summary.json keys that say how and where a run happened, not what it found: a rebuild may differ there.
RUN_KEYS = ("provenance", "run")


# --- building and writing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where a scenario came from, for the manifest: files, --set overrides, base and its differences."""

    files: tuple
    overrides: tuple
    base: str | None
    base_differences: tuple
    command: str
    files_sha256: tuple = ()  # ((path, SHA-256 or None), ...) of ``files`` as the run read them

    @classmethod
    def of(cls, scenario: Scenario, command: str) -> "Origin":
        files = tuple(str(p) for p in scenario.files)
        return cls(files, tuple(override_text(k, v) for k, v in scenario.overrides),
                   scenario.resolved["scenario"].get("base"), tuple(scenario.base_differences), command,
                   tuple(file_hashes(files).items()))


def report_folder(reports_dir: Path, scenario_id: str, day: dt.date, run: str) -> Path:
    return Path(reports_dir) / scenario_id / f"{day.isoformat()}-{run}"


def _refuse_existing(folder: Path) -> None:
    if folder.exists():
        raise ScenarioError(str(folder), "", "report folder already exists; a report is never overwritten "
                                             "(the same inputs ran today: use --reports-dir DIR to write elsewhere)")


def build(scenario: Scenario, lang: str = "id", reports_dir: Path = DEFAULT_REPORTS_DIR, origin: Origin | None = None,
          chunk_trials: int = DEFAULT_CHUNK_TRIALS, progress=None, step=None, today: dt.date | None = None) -> Report:
    """Run everything a report needs and write its folder; return the Report (folder, summary, figures...).

    ``progress(done, total)``: trial progress; ``step(number, total, name)``: called as each step starts.
    Raises ScenarioError if the folder exists, OSError if it could not be written: before any work, nothing written.
    """
    language = Language(lang)
    origin = origin or Origin.of(scenario, f"python -m sim report {scenario.id} --lang {lang}")
    day = today or dt.date.today()
    toml_text = scenario_toml(scenario)
    code = code_version(git_commit())
    scenario_hash = sha256(toml_text)
    run = run_hash(scenario_hash, scenario.seed, scenario.trials, lang, code)
    folder = report_folder(reports_dir, scenario.id, day, run)
    check_output_folder(folder)  # now, not after minutes of simulation
    _refuse_existing(folder)
    announce = step or (lambda *_: None)

    announce(1, len(STEPS), f"{STEPS[0]}: {scenario.trials:,} trials of {scenario.id}")
    model = build_model(scenario)  # its projection (members that join and leave) also gives the planning figures
    # With a projection the folder gets sim plan's detail tables, which need each trial's claims by kind.
    trials = TrialClaims(scenario.trials, len(model.period_labels)) if model.projection is not None else None
    summary, claims = forecast(scenario, chunk_trials, progress=progress, return_trials=True, model=model,
                               on_block=trials.add if trials is not None else None)
    announce(2, len(STEPS), f"{STEPS[1]}: closed form at the ends of each stated range")
    base_outcome, swings, skipped = tornado(scenario)
    announce(3, len(STEPS), STEPS[2])
    extra = extra_figures(scenario, summary, claims, base_outcome, swings, skipped, list(origin.base_differences),
                          list(origin.overrides), projection=model.projection, model=model)
    tables = csv_tables(summary, extra)
    if trials is not None:
        tables.update(plan_tables(model, summary, trials, extra["planning"]))
    manifest = {
        "format": MANIFEST_FORMAT,
        "scenario_id": scenario.id,
        "title": scenario.title,
        "lang": lang,
        "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "report_date": day.isoformat(),
        "folder": str(folder),
        "run_hash": run,
        "scenario_hash": scenario_hash,
        "seed": scenario.seed,
        "trials": scenario.trials,
        "chunk_trials": chunk_trials,
        "overrides": list(origin.overrides),
        "scenario_files": list(origin.files),
        "scenario_files_sha256": dict(origin.files_sha256),
        "data_sha256": data_hashes(),
        "base": origin.base,
        "base_differences": [list(_jsonable(d)) for d in origin.base_differences],
        "code": code,
        "packages": package_versions(),
        "command": origin.command,
        "rebuild": f"python -m sim report --from-manifest {folder / 'manifest.json'} --reports-dir DIR",
        "scenario_toml": toml_text,
    }
    announce(4, len(STEPS), STEPS[3])
    images, alts = chart_images(language, scenario, summary, extra, claims)
    report = Report(scenario, language, summary, extra, tables, images,
                    sections(language, scenario, summary, extra, manifest), manifest, folder, alts)
    announce(5, len(STEPS), STEPS[4])
    from .report_html import render_html
    from .report_pdf import render_pdf

    html = render_html(report)
    announce(6, len(STEPS), STEPS[5])
    pdf = render_pdf(report)
    announce(7, len(STEPS), f"{STEPS[6]}: {folder}")
    _write(report, html, pdf)
    return report


def plan_tables(model, summary: dict, trials: TrialClaims, planning: dict) -> dict:
    """``sim plan``'s detail tables (plan_years, plan_segments, plan_funding, plan_enrolment and, with CSR pledges,
    plan_pledge_outcomes; not its tornado, which re-projects every ranged assumption) from the report's own
    forecast, projection and pledge outcomes (report.json ``planning``): the files ``sim plan --no-tornado`` writes
    for the same trials and seed, so a budget officer has the detail by month and segment without running it."""
    tables = detail_tables(model, detail(model, summary, trials), planning["pledge_outcomes"])
    return {name.removesuffix(".csv"): frame for name, frame in tables.items()}


def _write(report: Report, html: str, pdf: bytes) -> None:
    """Write every file into a temporary folder beside the target, then rename it into place in one step."""
    folder = report.folder
    made = make_parents(folder)
    tmp = folder.parent / f".{folder.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        tmp.mkdir()  # not mkdtemp: the folder keeps the usual permissions (umask), readable by reviewers
        (tmp / "report.html").write_text(html, encoding="utf-8")
        (tmp / "report.pdf").write_bytes(pdf)
        write_json(tmp / "summary.json", report.summary)
        write_json(tmp / "report.json", report.extra)
        (tmp / "scenario.toml").write_text(report.manifest["scenario_toml"], encoding="utf-8")
        for name, table in report.tables.items():
            if f"{name}.csv" in PLAN_TABLES:  # as sim plan writes them, byte for byte
                write_table(table, tmp / f"{name}.csv")
            else:
                table.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
        files = {p.name: sha256(p.read_bytes()) for p in sorted(tmp.iterdir())}
        write_json(tmp / "manifest.json", {**report.manifest, "files_sha256": files})
        with signals_held():  # a signal once the folder is in place would say nothing was written
            _refuse_existing(folder)  # another run may have finished meanwhile
            os.rename(tmp, folder)  # atomic on one file system; fails rather than replace a non-empty folder
            WRITTEN.append(folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        remove_made(made)  # the folders made for this report (reports/<id>/), if nothing else went there
        raise


def _manifest_path(path: Path) -> Path:
    return Path(path) / "manifest.json" if Path(path).is_dir() else Path(path)


def _print_integrity(manifest_path: Path, manifest: dict, files: bool = True) -> list[str]:
    """Print a ``Note:`` for each input recorded in a report's manifest that differs now (scenario files, data
    tables, source) and, with ``files``, a line naming the report's files that no longer match its
    ``files_sha256``; return those files."""
    for change in changed_inputs(manifest):
        print(f"Note: {change}")
    edited = changed_files(manifest_path.parent, manifest) if files else []
    if edited:  # the files a reviewer reads are not those the manifest vouches for
        print(f"Original report files do NOT match the manifest's files_sha256 (changed after the report was "
              f"written): {', '.join(edited[:10])}")
    return edited


def _refits_not_rebuilt(report: Report, original: Path) -> str:
    """Why a rebuilt calibrated scenario lacks the refitted sensitivity figures its original has (report.json
    ``sensitivity.base.recalibration_problem``): the base the calibration started from is neither where the report
    read it nor in scenarios/, or the experience file is gone; "" when the rebuild refitted as the original did."""
    def problem(extra: dict):
        return ((extra.get("sensitivity") or {}).get("base") or {}).get("recalibration_problem")

    now = problem(report.extra)
    path = original / "report.json"
    before = problem(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None
    if not now or now == before:
        return ""
    return (f"the recalibrated sensitivity figures were not rebuilt ({now}): a rebuild refits from the project's "
            "files (the scenario the calibration started from, where the report read it or else in scenarios/, and "
            "the experience file)")


def check_command(path: Path) -> int:
    """``sim report --check PATH``: a report folder against its manifest, without running anything. Exit status 1
    when a file of the report no longer matches the SHA-256 its manifest recorded, or when the manifest records no
    SHA-256 at all (every report writes them: nothing vouches for these files, so a script must not read a pass);
    inputs that changed since (a scenario file edited, another data table or source) and package versions other than
    the manifest records are notes, as they do not make the report's own numbers wrong, only a rebuild different."""
    manifest_path = _manifest_path(path)
    manifest = read_manifest(manifest_path)
    edited = _print_integrity(manifest_path, manifest)
    packages = changed_packages(manifest)
    if packages:  # information only: the report's own numbers stand, but a rebuild here may give others
        print(f"Note: the report was {packages}: a rebuild here may give other numbers (package releases "
              "may differ)")
    count = len(manifest.get("files_sha256") or {})
    if not count:
        print("The manifest records no files_sha256: nothing vouches for the report's files")
        return 1
    if not edited:
        print(f"Report files match the manifest's files_sha256 ({count} files)")
    return 1 if edited else 0


def rebuild(manifest_path: Path, reports_dir: Path = DEFAULT_REPORTS_DIR, progress=None, step=None,
            today: dt.date | None = None) -> tuple[Report, list[str] | None]:
    """Rebuild a report from its manifest alone; return it and, when the original summary.json and report.json
    sit beside the manifest, the keys whose numbers differ from them (empty: identical)."""
    manifest_path = Path(manifest_path)
    if manifest_path.is_dir():
        manifest_path = manifest_path / "manifest.json"  # errors and the rebuilt command name the file itself
    manifest = read_manifest(manifest_path)  # every field below checked (sim.manifest.check_manifest): nothing run yet
    scenario = manifest_scenario(manifest, manifest_path)
    origin = Origin(tuple(manifest["scenario_files"]), tuple(manifest["overrides"]), manifest["base"],
                    tuple(tuple(d) for d in manifest["base_differences"]),
                    f"python -m sim report --from-manifest {manifest_path}",
                    tuple((manifest.get("scenario_files_sha256") or {}).items()))  # the files as the original read them
    report = build(scenario, manifest["lang"], reports_dir, origin, manifest["chunk_trials"], progress, step, today)
    folder = manifest_path.parent
    differences = None
    if (folder / "summary.json").is_file() and (folder / "report.json").is_file():
        differences = compare(folder, report.folder)
    return report, differences


def compare(original: Path, rebuilt: Path) -> list[str]:
    """Keys whose numbers differ between two report folders' summary.json and report.json."""
    out = []
    for name, skip in (("summary.json", RUN_KEYS), ("report.json", ())):
        a = json.loads((Path(original) / name).read_text(encoding="utf-8"))
        b = json.loads((Path(rebuilt) / name).read_text(encoding="utf-8"))
        out += [f"{name}:{k}" for k in differing_numbers(a, b, skip=skip)]
    return out


def _apbd_headline(lang, plan: dict) -> str:
    """The first year's APBD needed (report.json ``planning``), the budget's first question, for the terminal's
    headline: at the confidence over which CSR pledges are honoured, or certain without one. A year the horizon
    starts in after January needs its months' only, named so. "" without a [funding] table."""
    need, year = plan.get("budget_needed"), plan["years"][0]
    if not need or year.get("apbd_needed_idr") is None:
        return ""
    when = (year["year"] if year["first_month"].endswith("-01")
            else lang.months(year["first_month"], f"{year['year']}-12", dash="-"))  # ASCII, as the terminal's
    if not need.get("pledges"):
        text = lang("cli_headline_plan_apbd_certain", year=when, need=lang.money(year["apbd_needed_idr"]))
    else:
        text = lang("cli_headline_plan_apbd", year=when, need=lang.money(year["apbd_needed_idr"]),
                    confidence=lang.percent(need["confidence"]))
    # Where DBH-CHT pays premiums the need leaves it out: named so, as the report's tables and chart name it.
    return text.replace("APBD", lang("apbd_excl_dbh"), 1) if dbh_pays(plan.get("payers", [])) else text


def headline(report: Report) -> str:
    """Two lines for the terminal, in the report language: the first year's numbers and where the report is."""
    lang, s = report.lang, report.summary
    title = report.scenario.titles[lang.code]
    first = s["periods"][0]
    ratio = first["claim_ratio"] or {}
    plan = report.extra.get("planning")
    if plan:  # members projected: the first year's premium and members, and the members at the end
        line = lang("cli_headline_plan", title=title, id=s["scenario_id"], trials=lang.count(s["trials"]),
                    period=first["period"], premium=lang.money(first["premium_idr"]),
                    members=lang.count(first["members"]), end=lang.count(plan["years"][-1]["members_year_end"]),
                    last=year_end_words(lang, plan["years"][-1]), claims=lang.money(first["claims_idr"]["mean"]))
    else:
        line = lang("cli_headline", title=title, id=s["scenario_id"], trials=lang.count(s["trials"]),
                    premium=lang.money(s["budget"]["annual_premium_start_members_idr"]),
                    members=lang.count(s["budget"]["start_members"]), period=year_name(lang, s, first),
                    claims=lang.money(first["claims_idr"]["mean"]))
    if ratio:
        line += lang("cli_ratio", ratio=lang.percent(ratio["mean"]), r5=lang.percent(ratio["p5"]),
                     r95=lang.percent(ratio["p95"]))
    if plan:  # after the claim ratio, which is the claims' (before it, it read as the APBD need's)
        line += _apbd_headline(lang, plan)
    return line + "\n" + lang("cli_where", path=str(report.folder))



# --- the command ------------------------------------------------------------------------------------------------


def command(args) -> int:
    """``python -m sim report``: build a report (or rebuild one from its manifest) and say where it is."""
    import shlex

    from . import progress
    from .cli import load_warned  # the report is the cli's command: its warnings are printed the same way

    quiet = getattr(args, "quiet", False)
    trial_progress, step = (None, None) if quiet else (progress.trials, progress.step)
    asked = [x for x in (args.scenario, args.from_manifest, getattr(args, "check", None)) if x is not None]
    if len(asked) != 1:
        raise ScenarioError("report", "", "give a scenario id or file, --from-manifest PATH or --check PATH (one of "
                                          "them)")
    given = [name for name, value in (("--set", args.overrides), ("--trials", args.trials), ("--seed", args.seed),
                                       ("--lang", args.lang), ("--chunk-trials", args.chunk_trials))
             if value not in (None, [])]  # not ``if value``: --seed 0 is given too
    if getattr(args, "check", None) is not None:
        if given:  # nothing runs: an option that would change the run is a mistake, not to be silently ignored
            raise ScenarioError("--check", "", "checks a report folder as it is and runs nothing: no --set, --trials, "
                                f"--seed, --lang or --chunk-trials (got {', '.join(given)})")
        return check_command(args.check)
    if args.from_manifest is not None:
        if given:
            raise ScenarioError("--from-manifest", "", "rebuilds exactly what the manifest says (its language and "
                                f"chunks included): no --set, --trials, --seed, --lang or --chunk-trials (got {', '.join(given)})")
        report, differences = rebuild(args.from_manifest, args.reports_dir, trial_progress, step)
        if not quiet:
            print(headline(report))
        manifest_path = _manifest_path(args.from_manifest)
        manifest = read_manifest(manifest_path)
        edited = _print_integrity(manifest_path, manifest, files=differences is not None)
        lost = _refits_not_rebuilt(report, manifest_path.parent)
        if lost:
            print(f"Note: {lost}")
        if differences is None:
            print("Original summary.json/report.json not found beside the manifest: nothing to compare")
        elif differences:
            print(f"Rebuilt numbers DIFFER from the original in {len(differences)} place(s): "
                  f"{', '.join(differences[:10])}")
            packages = changed_packages(manifest)
            if packages:  # the likeliest reason once inputs and code agree
                print(f"The original was {packages}: NumPy's random streams and other packages' results may "
                      "differ between releases")
            return 1
        else:
            print("Rebuilt numbers match the original report (summary.json and report.json)")
        return 1 if edited else 0
    overrides = list(args.overrides)
    if args.trials is not None:
        overrides.append(f"scenario.trials={args.trials}")
    if args.seed is not None:
        overrides.append(f"scenario.seed={args.seed}")
    scenario = load_warned(args.scenario, overrides)
    lang = args.lang or "id"
    # The command as typed (--trials 1000, not the --set scenario.trials=1000 it becomes), in the order the CLI
    # applies it: --set first, then --trials and --seed over them. --chunk-trials too: the rebuild keeps it.
    words = ["python", "-m", "sim", "report", str(args.scenario), "--lang", lang]
    for o in args.overrides:
        words += ["--set", o]
    for option, value in (("--trials", args.trials), ("--seed", args.seed), ("--chunk-trials", args.chunk_trials)):
        if value is not None:
            words += [option, str(value)]
    origin = Origin.of(scenario, " ".join(shlex.quote(w) for w in words))
    report = build(scenario, lang, args.reports_dir, origin, args.chunk_trials or DEFAULT_CHUNK_TRIALS, trial_progress,
                   step)
    print(headline(report))
    return 0
