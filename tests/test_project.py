"""The project's own files agree with each other: dependency lists, README tables, shipped scenarios."""

import re
import tomllib

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


def test_readme_documents_every_output_column_and_summary_key():
    readme = (ROOT / "README.md").read_text()
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
    and calibration.json is named in the README (`key`, or `periods[].key`): a key added to an output without a word
    for its reader fails here. (The test above checks the keys issue 2 lists; calibration.json had no table.)"""
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
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
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
