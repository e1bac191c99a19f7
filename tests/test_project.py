"""The project's own files agree with each other: dependency lists, README tables, shipped scenarios."""

import re
import tomllib
from pathlib import Path

import pytest

from sim.benefits import BENEFIT_NAMES
from sim.results import TRIAL_COLUMNS
from sim.scenario import SCENARIO_DIR, load_scenario

from conftest import ROOT


def _name_and_bound(spec: str) -> str:
    return re.sub(r"\s+", "", spec).lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = set(map(_name_and_bound, project["dependencies"]))
    for extra in project["optional-dependencies"].values():
        wanted |= set(map(_name_and_bound, extra))
    wanted.add(_name_and_bound("python" + project["requires-python"]))
    text = (ROOT / "environment.yml").read_text()
    block = text.split("dependencies:", 1)[1]
    conda = {_name_and_bound(m) for m in re.findall(r"^  - ([a-z][^:\n]*)$", block, flags=re.M)}
    conda.discard("pip")
    assert conda == wanted


def test_every_shipped_scenario_validates():
    files = sorted(SCENARIO_DIR.glob("*.toml"))
    assert {f.stem for f in files} >= {"madiun-2025", "madiun-2023", "pekalongan-2023", "jambi-2025"}
    for f in files:
        scenario = load_scenario(f)
        assert scenario.id == f.stem, f"{f.name}: id must equal the file name"


def _output_docs() -> str:
    """README.md and docs/outputs.md, where README's "Output files" table sends a reader for each file's keys."""
    return "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "docs/outputs.md"))


def test_readme_documents_every_output_column_and_summary_key():
    readme = _output_docs()
    for column in TRIAL_COLUMNS:
        if column.endswith(("_idr", "_count")) and column.rsplit("_", 1)[0] in BENEFIT_NAMES:
            continue  # documented once per benefit below
        assert f"`{column}`" in readme, f"README does not document trials.csv column {column}"
    for benefit in BENEFIT_NAMES:
        assert f"`{benefit}`" in readme, f"README does not document benefit type {benefit}"
    for key in ("scenario_id", "seed", "trials", "periods", "members", "premium_idr", "claims_idr",
                "claims_expected_idr", "claim_count", "claim_ratio", "prob_claim_ratio_above_1", "breakdown"):
        assert re.search(rf"`(periods\[\]\.)?{key}`", readme), f"README does not document summary key {key}"


def _keys(data) -> set:
    """Every key of a JSON document, at any depth."""
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for v in data for k in _keys(v)}
    return set()


def test_readme_documents_every_key_the_commands_write(tmp_path, capsys):
    """Every key, at any depth, of summary.json (a run with a budget, a target and a precision target), exact.json
    and calibration.json is named in the README or docs/outputs.md (`key`, or `periods[].key`): a key added to an
    output without a word for its reader fails here. (The test above checks the keys issue 2 lists; calibration.json
    had no table.)"""
    import json
    import shutil

    from sim.cli import main

    scenarios, out = tmp_path / "scenarios", tmp_path / "out"
    shutil.copytree(ROOT / "scenarios", scenarios)
    assert main(["run", "jambi-2025", "--target-precision", "0.2", "--max-trials", "2000", "--quiet",
                 "--no-trials-table", "--out", str(out / "run")]) == 0
    assert main(["exact", "jambi-2025", "--out", str(out / "exact")]) == 0
    assert main(["calibrate", str(scenarios / "madiun-2025-prior.toml"),
                 str(scenarios / "experience" / "madiun-2025.toml"), "--id", "cal-doc", "--out", str(out / "cal")]) == 0
    capsys.readouterr()
    readme = _output_docs()
    for name in ("run/summary.json", "exact/exact.json", "cal/calibration.json"):
        keys = _keys(json.loads((out / name).read_text(encoding="utf-8")))
        missing = sorted(k for k in keys if f"`{k}`" not in readme and f"`periods[].{k}`" not in readme)
        assert not missing, f"README does not document {name}'s keys {missing}"


def test_ci_calls_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "./workbench test" in readme and "./workbench test" in ci


def test_the_readme_s_list_of_commands_names_every_command_of_sim():
    """README's "Other tasks" line lists the commands of ``python -m sim``; it missed ``notebook`` when that came."""
    from sim.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`\./workbench sim ([a-z|]+) \.\.\.`", readme).group(1).split("|")
    assert listed == list(_parser().commands)


def test_the_readme_s_first_command_writes_the_default_report_and_says_where_it_is(tmp_path, capsys):
    """`./workbench run`, the README's first command, runs `python -m sim report madiun-2025` (any scenario or
    options given passed on), which prints where the finished report is. The script runs from a copy whose
    .venv/bin/python only echoes its arguments, installed after pyproject.toml last changed: nothing is installed
    or simulated there; the command it would run then runs here."""
    import os
    import shutil
    import subprocess

    from sim.cli import main

    checkout, caller = tmp_path / "checkout", tmp_path / "caller"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    caller.mkdir()
    for name in ("workbench", "pyproject.toml"):
        shutil.copy(ROOT / name, checkout / name)
    os.utime(checkout / "pyproject.toml", (0, 0))
    (checkout / ".venv" / ".installed").touch()
    echo = checkout / ".venv" / "bin" / "python"
    echo.write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    echo.chmod(0o755)

    def runs(*args):
        done = subprocess.run(["bash", str(checkout / "workbench"), "run", *args], cwd=caller, capture_output=True,
                              text=True, check=True)
        return done.stdout.splitlines()[-1].split()  # the line before: the version check's -c, echoed

    assert runs() == ["-m", "sim", "report", "madiun-2025"]
    assert runs("--lang", "en") == ["-m", "sim", "report", "madiun-2025", "--lang", "en"]
    assert runs("jambi-2025", "--trials", "500") == ["-m", "sim", "report", "jambi-2025", "--trials", "500"]
    reports = tmp_path / "reports"
    assert main([*runs()[2:], "--trials", "300", "--reports-dir", str(reports), "--quiet"]) == 0
    (folder,) = (reports / "madiun-2025").iterdir()
    assert (folder / "report.html").is_file() and (folder / "report.pdf").is_file()
    assert capsys.readouterr().out.splitlines()[-1] == f"Laporan: {folder / 'report.html'} dan report.pdf"


def test_scenarios_readme_documents_every_schema_key_with_its_unit():
    from sim.scenario import (
        ASSUMPTION_FIELDS, BUDGET_FIELDS, CHILDREN_FIELDS, SCENARIO_FIELDS, SEGMENT_FIELDS, SEVERITY_FIELDS,
        UNCERTAINTY_FIELDS,
    )
    from sim.scenario_schema import (
        CALIBRATION_FIELDS, CALIBRATION_OBSERVATION_FIELDS, GOODNESS_OF_FIT_FIELDS, POSTERIOR_FIELDS,
    )

    from sim.planning_schema import FIELD_TABLES as PLANNING_FIELDS

    doc = (ROOT / "scenarios" / "README.md").read_text()
    rows: dict = {}  # a key documented in several tables (``amount``: a pledge, an observation) has several rows
    for line in doc.splitlines():
        if line.startswith("| `"):
            rows.setdefault(line.split("|")[1].strip(), []).append(line)
    for fields in (SCENARIO_FIELDS, SEGMENT_FIELDS, ASSUMPTION_FIELDS, SEVERITY_FIELDS, CHILDREN_FIELDS, BUDGET_FIELDS,
                   UNCERTAINTY_FIELDS, CALIBRATION_FIELDS, POSTERIOR_FIELDS, GOODNESS_OF_FIT_FIELDS,
                   CALIBRATION_OBSERVATION_FIELDS, *PLANNING_FIELDS.values()):
        for key, field in fields.items():
            assert f"`{key}`" in rows, f"scenarios/README.md does not document {key}"
            if field.unit:
                assert any(f"`{field.unit}`" in line for line in rows[f"`{key}`"]), \
                    f"scenarios/README.md: wrong unit for {key}"


def test_readme_benefit_table_states_the_rules_in_force_since_2019():
    """The README's benefit amounts are the encoded rules (benefits.describe), the same on every date from
    2019-12-02 on, as the README says: a rule change, or an amount typed into the README by hand, fails here."""
    import datetime as dt

    from sim.benefits import describe
    from sim.regulation import load_regulation

    regulation = load_regulation()
    since = dt.date(2019, 12, 2)
    dates = sorted({since} | {d.effective for r in regulation.rules.values() for d in r.values if d.effective > since})
    texts = {date: describe(regulation.at(date)) for date in dates}
    assert all(t == texts[since] for t in texts.values()), (
        "a benefit rule changed after 2019-12-02: the README's benefit table states one set of amounts from that date "
        "to this day; state the amounts from the new date and change this test (README.md, \"Changing the rules or "
        "the payers\")")
    readme = (ROOT / "README.md").read_text()
    for name, text in texts[since].items():
        assert f"| `{name}` | {text} |" in readme, f"README's row for {name} differs from benefits.describe"
    assert "<" not in "".join(texts[since].values()), "a placeholder names no rule"


def test_the_new_city_walkthrough_validates_and_the_segment_table_marks_the_required_keys(tmp_path, capsys):
    """scenarios/README.md's walkthrough for a new city: its example file is a valid scenario as written (saved
    outside scenarios/, as a planner would), and the segment table's required column says what the schema requires
    (a PU segment's risk_class and one of age_profile or age_bands are checked across keys)."""
    from sim.cli import main
    from sim.scenario_schema import SEGMENT_FIELDS

    doc = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    walkthrough = doc.split("## A new city's scenario", 1)[1]
    example = walkthrough.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "kediri-2026.toml").write_text(example, encoding="utf-8")
    assert main(["validate", str(tmp_path / "kediri-2026.toml")]) == 0
    assert "kediri-2026, 2 segment(s), 16,500 members" in capsys.readouterr().out
    table = doc.split("### `[segments.NAME]`", 1)[1].split("\n\n", 2)[1]
    marked = {row.split("|")[1].strip(" `"): row.split("|")[2].strip() for row in table.splitlines()[2:]}
    assert set(marked) == set(SEGMENT_FIELDS)
    across_keys = {"risk_class": "PU only", "age_profile": "one of the two", "age_bands": "one of the two"}
    for key, field in SEGMENT_FIELDS.items():
        assert marked[key] == across_keys.get(key, "yes" if field.required else "no"), key


def test_the_new_city_walkthroughs_planning_variant_validates_beside_its_base(tmp_path, capsys):
    """The walkthrough's second file, a variant with a quota, the four pipeline stages (one passing every name on),
    a budget by year and a CSR pledge: a new user had no example of the planning tables and guessed which keys are
    parameter tables and that every stage is required. Saved beside the first, it is valid as written and plans."""
    from sim.cli import main
    from sim.scenario import load_scenario

    walkthrough = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8").split("## A new city's scenario", 1)[1]
    blocks = [b.split("```", 1)[0] for b in walkthrough.split("```toml\n")[1:3]]
    for name, text in zip(("kediri-2026", "kediri-2026-plan"), blocks):
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    assert main(["validate", str(tmp_path / "kediri-2026-plan.toml")]) == 0
    assert "kediri-2026-plan, 2 segment(s), 16,500 members, 36 months" in capsys.readouterr().out
    planning = load_scenario(str(tmp_path / "kediri-2026-plan.toml")).planning
    assert [q.segment for q in planning.quotas] == ["rentan"] and [p.name for p in planning.funding.pledges] == ["bank"]
    assert planning.pipeline.stages[1].capacity == 100000 and planning.pipeline.stages[1].rejection_rate == 0



def test_the_new_city_walkthroughs_indonesian_report_and_calibration_step(tmp_path, capsys):
    """A new user's default (Indonesian) report of the walkthrough's kediri-2026 showed its English title, segment
    labels and sources ("Vulnerable informal workers (BPU)", "about the UMK 2025"), and the walkthrough never said to
    calibrate, though the guessed mortality load is its tornado's largest bar. Its files, saved side by side as the
    walkthrough says, run as written: the plan's largest bar and the calibration are the figures the text quotes, and
    neither report (the scenario's, the calibrated copy's) shows an English text of the example outside the verbatim
    scenario file (a bare citation such as "BKPSDM", without lower-case letters, reads the same in both)."""
    import html

    from sim.cli import main
    from sim.report import build

    walkthrough = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8").split("## A new city's scenario", 1)[1]
    walkthrough = walkthrough.split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in walkthrough.split("```toml\n")[1:]]
    experience = next(b for b in blocks if b.startswith("[experience]"))
    (tmp_path / "kediri-2026.toml").write_text(blocks[0], encoding="utf-8")
    (tmp_path / "kediri-claims.toml").write_text(experience, encoding="utf-8")
    assert "python -m sim calibrate kediri-2026.toml kediri-claims.toml" in walkthrough
    # validate finds the claims' scenario, kediri-2026, beside them (it looked in scenarios/ only, and failed)
    assert "python -m sim validate kediri-claims.toml" in walkthrough
    assert main(["validate", str(tmp_path / "kediri-claims.toml")]) == 0
    assert capsys.readouterr().out.startswith(f"OK {tmp_path / 'kediri-claims.toml'}: experience kediri-2026-jan-jun")

    assert main(["plan", str(tmp_path / "kediri-2026.toml"), "--trials", "300",
                 "--out", str(tmp_path / "out" / "plan")]) == 0
    largest = capsys.readouterr().out.split("as a share of the base): ", 1)[1].split(";", 1)[0]
    assert largest == "Mortality load (x) - all segments 239%" and f"`{largest}`" in walkthrough
    assert main(["calibrate", str(tmp_path / "kediri-2026.toml"), str(tmp_path / "kediri-claims.toml"),
                 "--out", str(tmp_path / "out" / "cal")]) == 0
    assert "mortality_scale: posterior mean 0.934, 90 % interval 0.662-1.206" in capsys.readouterr().out
    assert "mortality 0.934 (90 % 0.662-1.206)" in walkthrough

    example = tomllib.loads(blocks[0])
    shown = [example["scenario"]["title"]] + [seg["label"] for seg in example["segments"].values()]
    english = [t["en"] if isinstance(t, dict) else t for t in shown]
    tables = [example["budget"], *example["segments"].values()]
    english += [v["source"] for t in tables for v in t.values() if isinstance(v, dict) and "source" in v]
    claims = tomllib.loads(experience)
    english += [claims["experience"]["source"], claims["observation"][0]["source"]]
    english = [t for t in english if re.search("[a-z]", t)]
    assert len(english) == 16
    for name in ("kediri-2026", "kediri-2026-calibrated"):
        scenario = load_scenario(str(tmp_path / f"{name}.toml"), ["scenario.trials=300"])
        report = build(scenario, "id", tmp_path / "reports")
        body = (report.folder / "report.html").read_text(encoding="utf-8").split('id="scenario"', 1)[0]
        text = " ".join(html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", body, flags=re.S)).split())
        assert "Kota Kediri" in text
        left = [t for t in english if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text)]  # not assumptions.age_shift
        assert not left, f"{name}'s Indonesian report shows the example's English {left}"

def test_the_new_city_walkthroughs_planning_variant_reads_indonesian_in_its_report(tmp_path):
    """The walkthrough's planning variant (kediri-2026-plan) gave its title, description, pledge label and sources in
    English only, so a planner who copied it got an Indonesian planning report headed "Kota Kediri vulnerable workers
    from 2026, ...". Every text it shows is now given in both languages: the Indonesian report shows none of its
    English texts outside the verbatim scenario file, and shows their Indonesian ones."""
    import html

    from sim.report import build

    walkthrough = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8").split("## A new city's scenario", 1)[1]
    blocks = [b.split("```", 1)[0] for b in walkthrough.split("```toml\n")[1:3]]
    for name, text in zip(("kediri-2026", "kediri-2026-plan"), blocks):
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    plan = tomllib.loads(blocks[1])
    texts = [plan["scenario"]["title"], plan["scenario"]["description"], plan["funding"]["csr"]["bank"]["label"]]
    tables = [plan["expansion"]["rentan"], plan["pipeline"], *[plan["pipeline"][s] for s in
              ("kelurahan", "kecamatan", "disnaker", "bpjs")], plan["funding"], plan["funding"]["csr"]["bank"]]
    params = [v for t in tables for v in t.values() if isinstance(v, dict) and "source" in v]
    assert all(isinstance(t, dict) for t in texts) and all("source_id" in v for v in params)
    english = [t["en"] for t in texts] + [v["source"] for v in params]
    indonesian = [t["id"] for t in texts] + [v["source_id"] for v in params]
    english = sorted({t for t in english if re.search("[a-z]", t) and t not in indonesian})
    assert len(english) == 9

    scenario = load_scenario(str(tmp_path / "kediri-2026-plan.toml"), ["scenario.trials=200"])
    report = build(scenario, "id", tmp_path / "reports")
    body = (report.folder / "report.html").read_text(encoding="utf-8").split('id="scenario"', 1)[0]
    text = " ".join(html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", body, flags=re.S)).split())
    left = [t for t in english if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text)]
    assert not left, f"kediri-2026-plan's Indonesian report shows the example's English {left}"
    assert plan["scenario"]["title"]["id"] in text and plan["funding"]["csr"]["bank"]["label"]["id"] in text


def test_the_payer_codes_are_the_ones_scenarios_readme_lists():
    """The payer codes a scenario may use (sim.regulation.PAYERS) and the `payer` row of scenarios/README.md are one
    list: a new payer (README.md, "Changing the rules or the payers") is documented where a planner looks."""
    import re

    from sim.regulation import PAYERS

    doc = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| `payer` |"))
    assert re.findall(r"`([A-Z][A-Z-]*)`", row.split("who pays the premium:", 1)[1]) == list(PAYERS)


def test_readme_names_the_places_a_new_payer_or_rule_touches():
    """The maintainers' section names the code it sends a new payer or rule to: each name still exists there."""
    import sim.funding
    import sim.regulation
    import sim.report_text
    import sim.report_trend

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Changing the rules or the payers", 1)[1]
    section = section.split("\n## ", 1)[0]
    for module, names in ((sim.regulation, ["PAYERS"]), (sim.funding, ["EXTERNAL_PAYERS", "CITY_PAYERS", "Treasury",
                                                                     "sources_for"]),
                          (sim.report_text, ["RULE_NAMES", "VALUE_WORDS"]), (sim.report_trend, ["FACTOR_RULES"])):
        for name in names:
            assert hasattr(module, name) and f"`{name}" in section, name


def _locked() -> dict:
    """requirements.lock's pins, {normalized name: (version, marker or None)} (uv pip compile's output)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"requirements.lock: {line!r} is not a pin (NAME==VERSION)"
            pins[canonicalize_name(req.name)] = (spec.version, req.marker)
    return pins


def test_the_lock_pins_every_direct_dependency_within_pyproject_s_bounds():
    """requirements.lock (what ./workbench installs) pins each dependency of pyproject.toml and of its test extra
    to a version that pyproject's bounds allow: a lock edited by hand, or pyproject's bounds raised past the lock
    (fpdf2's upper bound, say), fails here; regenerate the lock as README's "Reproducibility" says."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _locked()
    for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"requirements.lock pins no version of {req.name}"
        version, marker = pins[name]
        assert marker is None, f"requirements.lock pins {req.name} only where {marker}"
        assert req.specifier.contains(version, prereleases=True), \
            f"requirements.lock pins {req.name} {version}, outside pyproject.toml's {req.specifier}"


def test_the_tests_run_with_the_locked_versions():
    """In the workbench's own .venv, installed from the lock, every package the lock pins for this machine is at
    its pinned version: the suite passing says the lock's versions pass. A package moved since (a peer tool's
    install, a pip install by hand) fails here. Elsewhere (conda, or a .venv that fell back to the newest versions
    because the pinned ones did not install: ./workbench said so then) the versions are whatever is installed."""
    import sys
    from importlib import metadata

    venv = ROOT / ".venv"
    if Path(sys.prefix).resolve() != venv.resolve():
        pytest.skip("not the workbench's .venv: the tests run with whatever versions are installed")
    if (venv / ".installed").is_file() and "unpinned" in (venv / ".installed").read_text(encoding="utf-8"):
        pytest.skip("the workbench's .venv was installed without requirements.lock (the pinned versions failed)")
    moved = []
    for name, (version, marker) in sorted(_locked().items()):
        if marker is not None and not marker.evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            moved.append(f"{name} {installed or 'missing'} (locked {version})")
    assert not moved, f"installed versions differ from requirements.lock: {', '.join(moved)}"


def _checkout_with_a_logging_python(tmp_path, fail_pinned: str | None = None):
    """A copy of the workbench script, pyproject.toml and the lock whose .venv/bin/python only logs its arguments
    (and, with ``fail_pinned``, fails an install constrained by the lock whose arguments contain that text, as on a
    Python without its wheels: "" fails every one)."""
    import shutil

    checkout, log = tmp_path / "checkout", tmp_path / "python.log"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    for name in ("workbench", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, checkout / name)
    python = checkout / ".venv" / "bin" / "python"
    fail = "" if fail_pinned is None else f'case "$*" in *"-c requirements.lock"*"{fail_pinned}"*) exit 1 ;; esac\n'
    python.write_text(f'#!/bin/sh\n[ "$1" = --version ] && echo "Python 3.99.0" && exit 0\necho "$@" >>"{log}"\n'
                      f'{fail}exit 0\n', encoding="utf-8")
    python.chmod(0o755)
    return checkout, log


def _installs(checkout, log) -> tuple[list[str], str]:
    """Run ``workbench sim --help`` in ``checkout``: the installs it made (the log's lines naming [test]) and its
    standard error."""
    import subprocess

    log.unlink(missing_ok=True)
    done = subprocess.run(["bash", str(checkout / "workbench"), "sim", "--help"], cwd=checkout, capture_output=True,
                          text=True, check=True)
    return [line for line in log.read_text(encoding="utf-8").splitlines() if "[test]" in line], done.stderr


def test_the_workbench_installs_the_locked_versions_and_again_when_the_lock_changes(tmp_path):
    import os

    checkout, log = _checkout_with_a_logging_python(tmp_path)
    installs, err = _installs(checkout, log)
    assert installs == ["-m uv pip install --quiet --python .venv/bin/python -c requirements.lock -e .[test]"]
    assert err == "" and (checkout / ".venv" / ".installed").read_text(encoding="utf-8") == "pinned\n"
    assert _installs(checkout, log) == ([], "")  # nothing changed: nothing installed
    stamp = (checkout / ".venv" / ".installed").stat().st_mtime
    os.utime(checkout / "requirements.lock", (stamp + 10, stamp + 10))  # the lock updated after the install
    assert _installs(checkout, log)[0] == installs


def test_the_workbench_falls_back_to_the_newest_versions_with_one_warning_line(tmp_path):
    checkout, log = _checkout_with_a_logging_python(tmp_path, fail_pinned="")
    installs, err = _installs(checkout, log)
    assert installs == ["-m uv pip install --quiet --python .venv/bin/python -c requirements.lock -e .[test]",
                        "-m pip install --quiet --disable-pip-version-check -c requirements.lock -e .[test]",
                        "-m uv pip install --quiet --python .venv/bin/python -e .[test]"]
    assert err == ("workbench: the tested versions in requirements.lock do not install on Python 3.99.0, so the "
                   "newest that pyproject.toml allows are installed: numbers may differ from reports made with the "
                   "tested versions\n")
    assert (checkout / ".venv" / ".installed").read_text(encoding="utf-8") == "unpinned\n"


def _task_installs(checkout, log, task: str) -> tuple[list[str], str]:
    """Run ``workbench TASK`` in ``checkout`` once its .venv is installed: the installs the task made (not uv's own)
    and its standard error."""
    import subprocess

    _installs(checkout, log)  # the project's own install, done first
    log.unlink()
    jupyter = checkout / ".venv" / "bin" / "jupyter"
    jupyter.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    jupyter.chmod(0o755)
    done = subprocess.run(["bash", str(checkout / "workbench"), task], cwd=checkout, capture_output=True, text=True,
                          check=True)
    lines = log.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if " install " in line and not line.endswith(" uv")], done.stderr


@pytest.mark.parametrize("task, installed", [("bench-exact", ["aggregate", "gemact"]),
                                             ("bench-scale", ["aggregate", "gemact"]),
                                             ("notebooks", ["-e .[notebooks]"])])
def test_peers_and_the_notebooks_extra_install_within_the_lock(tmp_path, task, installed):
    """The peer packages (bench-exact, bench-scale) and the notebooks extra take the lock as constraints too: an
    install beside the project must not move numpy, scipy or pandas from the versions the tests passed with."""
    checkout, log = _checkout_with_a_logging_python(tmp_path)
    installs, err = _task_installs(checkout, log, task)
    assert installs == [f"-m uv pip install --quiet --python .venv/bin/python -c requirements.lock {what}"
                        for what in installed]
    assert err == ""


def test_a_peer_that_does_not_install_within_the_lock_installs_without_it_with_one_warning_line(tmp_path):
    """Where a peer does not install within the lock it installs without it, the other peer still within it (one
    at a time), and one line names the peer left unpinned."""
    checkout, log = _checkout_with_a_logging_python(tmp_path, fail_pinned="gemact")
    installs, err = _task_installs(checkout, log, "bench-exact")
    assert installs == ["-m uv pip install --quiet --python .venv/bin/python -c requirements.lock aggregate",
                        "-m uv pip install --quiet --python .venv/bin/python -c requirements.lock gemact",
                        "-m pip install --quiet --disable-pip-version-check -c requirements.lock gemact",
                        "-m uv pip install --quiet --python .venv/bin/python gemact"]
    assert err == ("workbench: gemact does not install within the tested versions in requirements.lock, so it is "
                   "installed without them: numpy, scipy, pandas, ... in .venv may have moved, and numbers may "
                   "differ from reports made with the tested versions\n")
