"""A report's manifest records what its numbers were made from beyond the resolved scenario: the scenario files as
they were (so that a rebuild says one was edited since), the data tables in sim/data and the workbench's source
(which a "-dirty" git commit does not name); and a rebuild says when the report's own files no longer match the
hashes its manifest gives them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sim import manifest as manifest_module
from sim import report as report_module
from sim.forecast import provenance
from sim.manifest import (
    changed_files, changed_inputs, changed_packages, check_manifest, data_hashes, override_text, package_versions,
    run_hash, sha256, source_hash,
)
from sim.report import Origin
from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario, parse_override
from cli_checks import run_cli
from test_report import one_commit  # noqa: F401 (autouse: the commit as it was when the module started)

TRIALS = 200


def _scenario_copy(folder: Path) -> Path:
    """pekalongan-2023 as a file of its own (its base, base/national-defaults, is found in scenarios/)."""
    path = folder / "pekalongan-2023.toml"
    shutil.copy(SCENARIO_DIR / "pekalongan-2023.toml", path)
    return path


def test_an_edited_or_removed_scenario_file_is_named(tmp_path):
    path = _scenario_copy(tmp_path)
    origin = Origin.of(load_scenario(str(path)), "cmd")
    recorded = dict(origin.files_sha256)
    assert set(recorded) == {str(SCENARIO_DIR / "base" / "national-defaults.toml"), str(path)}
    assert recorded[str(path)] == sha256(path.read_bytes())
    manifest = {"scenario_files_sha256": recorded}
    assert changed_inputs(manifest) == []
    edited = path.read_text(encoding="utf-8").replace("\nmembers = { value = 1000,", "\nmembers = { value = 1200,")
    assert edited != path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")
    own_copy = "(a rebuild uses the manifest's own copy of the scenario, not this file)"  # true under --check too
    assert changed_inputs(manifest) == [f"scenario file {path} was edited after the report was written {own_copy}"]
    path.unlink()
    assert changed_inputs(manifest) == [f"scenario file {path} is no longer there {own_copy}"]


def test_an_edited_base_file_is_said_to_be_read_by_a_rebuild(tmp_path):
    """A base up the chain, unlike the scenario's own file, is read by a rebuild (a calibrated scenario's refits,
    the base's year: scenario.base_of); its Note said the rebuild uses the manifest's copy instead."""
    base, own = tmp_path / "base.toml", tmp_path / "own.toml"
    for path in (base, own):
        path.write_text("x = 1\n", encoding="utf-8")
    manifest = {"scenario_files_sha256": {str(base): sha256(base.read_bytes()), str(own): sha256(own.read_bytes())}}
    base.write_text("x = 2\n", encoding="utf-8")
    assert changed_inputs(manifest) == [
        f"scenario file {base} was edited after the report was written (a rebuild uses the manifest's own copy of the "
        "scenario, but reads its base for a calibrated scenario's refits and the base's year)"]


def test_data_tables_and_source_that_differ_are_named():
    data = data_hashes()
    assert {"tmi4_qx.csv", "regulation.toml", "age_profiles.toml"} <= set(data)
    manifest = {"data_sha256": data, "code": {"git_commit": "abc-dirty", "source_sha256": source_hash()}}
    assert changed_inputs(manifest) == []
    manifest = {"data_sha256": {**data, "tmi4_qx.csv": "0" * 64},
                "code": {"git_commit": "abc-dirty", "source_sha256": "1" * 64}}
    assert changed_inputs(manifest) == ["data table sim/data/tmi4_qx.csv differs from the one the report used",
                                        "the workbench source differs from the one the report ran (git abc-dirty)"]
    # A table added since was not used by the report; one gone since was.
    added, gone = dict(data), {**data, "old_table.csv": "2" * 64}
    del added["tmi4_qx.csv"]
    assert changed_inputs({"data_sha256": added}) == ["data table sim/data/tmi4_qx.csv is new since the report was "
                                                      "written"]
    assert changed_inputs({"data_sha256": gone}) == ["data table sim/data/old_table.csv, which the report used, is no "
                                                     "longer there"]


def test_a_manifest_from_before_the_hashes_says_nothing_of_them():
    assert changed_inputs({"code": {"workbench_version": "0.1.0", "git_commit": None}}) == []
    assert changed_files("/nonexistent", {}) == []


@pytest.mark.parametrize("key, value", [("scenario_files_sha256", ["a"]), ("data_sha256", {"x.csv": "abc"}),
                                        ("files_sha256", {"report.html": None}), ("code", "abc"),
                                        ("packages", {"numpy": 2}), ("packages", ["numpy"])])
def test_a_bad_recorded_hash_is_one_error_naming_the_key(key, value, monkeypatch):
    manifest = {"format": manifest_module.MANIFEST_FORMAT}
    monkeypatch.setattr(manifest_module, "MANIFEST_FIELDS", {})  # only the optional fields are under test
    # An object with a bad entry names the entry (bad-input review: the whole object was quoted, cut short).
    entry = isinstance(value, dict) and key.endswith("sha256")
    said = f"'{next(iter(value))}': must be a SHA-256 hex digest" if entry else "must be an object"
    with pytest.raises(ScenarioError, match=f"manifest.json: {key}: {said}"):
        check_manifest({**manifest, key: value}, "manifest.json")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A report of a scenario file of its own, so that the test can edit that file afterwards."""
    folder = tmp_path_factory.mktemp("scenario")
    scenario = load_scenario(str(_scenario_copy(folder)), [f"scenario.trials={TRIALS}"])
    return report_module.build(scenario, "en", tmp_path_factory.mktemp("reports"))


def test_the_manifest_records_the_inputs_as_they_were(report):
    m = json.loads((report.folder / "manifest.json").read_text(encoding="utf-8"))
    assert m["scenario_files_sha256"] == {f: sha256(Path(f).read_bytes()) for f in m["scenario_files"]}
    assert m["data_sha256"] == data_hashes()
    assert m["code"]["source_sha256"] == source_hash()


def test_a_rebuild_says_the_scenario_file_was_edited_and_an_edited_report_file(report, tmp_path, capsys):
    original = tmp_path / "original"
    shutil.copytree(report.folder, original)
    scenario_file = Path(report.manifest["scenario_files"][-1])
    text = scenario_file.read_text(encoding="utf-8")
    edited = text.replace("\nmembers = { value = 1000,", "\nmembers = { value = 1200,")
    assert edited != text
    scenario_file.write_text(edited, encoding="utf-8")
    try:
        code, out, err = run_cli(["report", "--from-manifest", original / "manifest.json",
                                  "--reports-dir", tmp_path / "rebuilt", "--quiet"], capsys)
        assert code == 0, err
        assert f"Note: scenario file {scenario_file} was edited after the report was written" in out
        assert "Rebuilt numbers match the original report" in out
        # The numbers are still the report's (from the manifest's scenario_toml), but the HTML a reviewer reads
        # was changed after the report was written: the rebuild says so and fails.
        html = original / "report.html"
        html.write_text(html.read_text(encoding="utf-8").replace("</body>", "<p>x</p></body>"), encoding="utf-8")
        code, out, err = run_cli(["report", "--from-manifest", original / "manifest.json",
                                  "--reports-dir", tmp_path / "rebuilt-2", "--quiet"], capsys)
        assert code == 1, (out, err)
        assert "Original report files do NOT match the manifest's files_sha256" in out and "report.html" in out
    finally:
        scenario_file.write_text(text, encoding="utf-8")


OVERRIDES = ["scenario.rules_date=2025-06-01", "budget.enabled=true", 'scenario.region="Kota X"',
             "segments.vulnerable.members=1200", "assumptions.age_shift=1.5"]


@pytest.mark.parametrize("given", OVERRIDES)
def test_an_override_is_recorded_as_set_reads_it(given):
    """The manifest, report.json and summary.json record each --set as the command line gives it: read back by
    --set, the same value (a date was recorded as datetime.date(2025, 6, 1), true as True, a text as 'Kota X')."""
    key, value = parse_override(given)
    assert override_text(key, value) == given
    assert parse_override(override_text(key, value)) == (key, value)


def test_the_report_and_the_run_record_overrides_as_given(tmp_path):
    path = _scenario_copy(tmp_path)
    scenario = load_scenario(str(path), ["scenario.rules_date=2025-06-01", 'scenario.region="Kota X"'])
    expected = ["scenario.rules_date=2025-06-01", 'scenario.region="Kota X"']
    assert list(Origin.of(scenario, "cmd").overrides) == expected
    assert provenance(scenario)["overrides"] == expected


def test_check_runs_nothing_and_says_whether_the_files_still_match(report, tmp_path, capsys, monkeypatch):
    """``sim report --check``: a reviewer who received a report folder learns in a second whether its files are
    those its manifest vouches for (exit 1 when one was edited or is gone), and which recorded inputs differ now,
    without rebuilding (nothing is simulated: the forecast is made to fail if called)."""
    monkeypatch.setattr(report_module, "forecast", lambda *a, **k: pytest.fail("--check ran the forecast"))
    copy = tmp_path / "copy"
    shutil.copytree(report.folder, copy)
    files = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))["files_sha256"]
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert (code, err) == (0, "")
    assert out == f"Report files match the manifest's files_sha256 ({len(files)} files)\n"
    scenario_file = Path(report.manifest["scenario_files"][-1])
    text = scenario_file.read_text(encoding="utf-8")
    scenario_file.write_text(text + "\n# edited\n", encoding="utf-8")
    try:
        code, out, err = run_cli(["report", "--check", copy / "manifest.json"], capsys)
        assert code == 0 and f"Note: scenario file {scenario_file} was edited after the report was written" in out
    finally:
        scenario_file.write_text(text, encoding="utf-8")
    (copy / "periods.csv").unlink()
    csv = copy / "fan.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("0", "1", 1), encoding="utf-8")
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert code == 1 and "do NOT match" in out and "fan.csv" in out and "periods.csv (missing)" in out
    # A manifest without the files' hashes (every report writes them) vouches for nothing: not a pass.
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    del manifest["files_sha256"]
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert code == 1 and "nothing vouches for the report's files" in out


@pytest.mark.parametrize("args", [["--check", "x", "pekalongan-2023"], ["--check", "x", "--from-manifest", "y"]])
def test_check_is_one_of_the_ways_to_call_report(args, capsys):
    code, out, err = run_cli(["report", *args], capsys)
    assert code == 2 and err.count("\n") == 1 and "--check PATH (one of them)" in err


@pytest.mark.parametrize("option", [["--lang", "en"], ["--set", "scenario.trials=5"], ["--trials", "5"],
                                    ["--seed", "0"]])
def test_check_refuses_options_it_would_ignore(option, tmp_path, capsys):
    # --check runs nothing: `--check FOLDER --lang en` once printed the check and silently dropped --lang (as
    # --from-manifest refuses them, so does --check), before the folder is even read.
    code, out, err = run_cli(["report", "--check", tmp_path / "none", *option], capsys)
    assert code == 2 and err.count("\n") == 1 and out == ""
    assert err.startswith("error: --check: ") and option[0] in err


def test_the_run_hash_changes_with_each_input_it_names():
    """The report folder's run hash (10 hex digits) covers the scenario hash, seed, trials, language and code
    version: a rerun with another seed, say, gets its own folder instead of being refused as the same report."""
    code = {"workbench_version": "1.0", "git_commit": "abc"}
    base = ("0" * 64, 42, 1000, "id", code)
    hashes = {run_hash(*base),
              run_hash("1" * 64, 42, 1000, "id", code),
              run_hash("0" * 64, 43, 1000, "id", code),
              run_hash("0" * 64, 42, 1001, "id", code),
              run_hash("0" * 64, 42, 1000, "en", code),
              run_hash("0" * 64, 42, 1000, "id", {**code, "workbench_version": "1.1"}),
              run_hash("0" * 64, 42, 1000, "id", {**code, "git_commit": "abd"})}
    assert len(hashes) == 7
    assert run_hash(*base) == run_hash(*base) and all(len(h) == 10 and int(h, 16) >= 0 for h in hashes)


def test_package_versions_that_differ_from_this_machine_s_are_named():
    here = package_versions()
    assert changed_packages({"packages": here}) is None
    assert changed_packages({}) is None  # a manifest that recorded none says nothing of them
    recorded = {**here, "numpy": "1.26.0", "fpdf2": "2.8.5", "gone-package": "1.0"}
    assert changed_packages({"packages": recorded}) == (
        f"recorded with numpy 1.26.0, fpdf2 2.8.5, gone-package 1.0, this machine has numpy {here['numpy']}, "
        f"fpdf2 {here['fpdf2']}, gone-package not installed")


def _with_packages(folder: Path, numbers_differ: bool, **versions) -> Path:
    """The report folder's manifest with ``versions`` recorded (the manifest's hashes do not cover them), and with
    ``numbers_differ`` one number of summary.json changed, its files_sha256 updated to match: the report as another
    machine would have written it."""
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["packages"] = {**manifest["packages"], **versions}
    if numbers_differ:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        summary["periods"][0]["claims_idr"]["mean"] += 1
        (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
        manifest["files_sha256"]["summary.json"] = sha256((folder / "summary.json").read_bytes())
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


@pytest.mark.parametrize("numbers_differ, versions_differ", [(True, True), (True, False), (False, True)])
def test_a_rebuild_that_differs_names_the_package_versions_that_differ(report, tmp_path, capsys, numbers_differ,
                                                                       versions_differ):
    """A rebuild whose numbers differ from the original's, on a machine with other package versions than the
    manifest records, names each (NumPy's random streams may change between releases); with the same versions, or
    with the same numbers, it says nothing of them."""
    original = tmp_path / "original"
    shutil.copytree(report.folder, original)
    numpy = package_versions()["numpy"]
    versions = {"numpy": "1.26.0", "pandas": "2.1.0"} if versions_differ else {}
    path = _with_packages(original, numbers_differ, **versions)
    code, out, err = run_cli(["report", "--from-manifest", path, "--reports-dir", tmp_path / "rebuilt", "--quiet"],
                             capsys)
    assert (code, err) == (1 if numbers_differ else 0, "")
    assert ("Rebuilt numbers DIFFER" in out) == numbers_differ
    named = [line for line in out.splitlines() if "this machine has" in line]
    if numbers_differ and versions_differ:
        assert named == [f"The original was recorded with numpy 1.26.0, pandas 2.1.0, this machine has numpy {numpy}, "
                         f"pandas {package_versions()['pandas']}: NumPy's random streams and other packages' results "
                         "may differ between releases"]
    else:
        assert named == []


def test_check_notes_package_versions_that_differ(report, tmp_path, capsys):
    """``--check`` runs nothing, so it cannot say whether the numbers would differ: other package versions than the
    manifest records are a note, not a failure."""
    copy = tmp_path / "copy"
    shutil.copytree(report.folder, copy)
    _with_packages(copy, numbers_differ=False, numpy="1.26.0")
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (f"Note: the report was recorded with numpy 1.26.0, this machine has numpy "
                                   f"{package_versions()['numpy']}: a rebuild here may give other numbers (package "
                                   "releases may differ)")
    assert out.splitlines()[1].startswith("Report files match the manifest's files_sha256")


def test_a_calibrated_scenario_outside_scenarios_rebuilds_its_refits_where_its_report_read_them(
        tmp_path, monkeypatch, capsys):
    """A planner's calibrated scenario kept outside scenarios/ (the walkthrough's kediri-2026-calibrated): its
    rebuild looked for the base the calibration started from in scenarios/ only, found none, and gave a report
    without the recalibrated sensitivity figures: "Rebuilt numbers DIFFER ... in 217 place(s)" with no word why.
    The base is now read where the report read it; with those files gone, a Note says why the refits are missing."""
    shutil.copytree(SCENARIO_DIR, tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["calibrate", "mine/madiun-2025-prior.toml", "mine/experience/madiun-2025.toml",
                              "--id", "my-cal", "--out", "cal"], capsys)
    assert code == 0, err
    code, out, err = run_cli(["report", "mine/my-cal.toml", "--trials", 100, "--reports-dir", "reports",
                              "--quiet"], capsys)
    assert code == 0, err
    [folder] = (tmp_path / "reports" / "my-cal").iterdir()
    original = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert original["sensitivity"]["base"].get("recalibration_problem") is None  # refitted
    code, out, err = run_cli(["report", "--from-manifest", folder / "manifest.json", "--reports-dir", "rebuilt",
                              "--quiet"], capsys)
    assert code == 0, (out, err)
    assert "Rebuilt numbers match the original report" in out and "recalibrated" not in out
    # The manifest and the original's numbers alone, rebuilt from another folder: mine/... is not there.
    (tmp_path / "alone").mkdir()
    for name in ("manifest.json", "summary.json", "report.json"):
        shutil.copy(folder / name, tmp_path / "alone" / name)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    code, out, err = run_cli(["report", "--from-manifest", tmp_path / "alone" / "manifest.json", "--reports-dir",
                              "rebuilt", "--quiet"], capsys)
    assert code == 1 and "Rebuilt numbers DIFFER" in out
    assert ("Note: the recalibrated sensitivity figures were not rebuilt (my-cal: scenario.base: not found: the "
            f"scenario the calibration started from (looked for mine/madiun-2025-prior.toml and "
            f"{SCENARIO_DIR / 'my-cal.toml'}))") in out


@pytest.mark.parametrize("name", ["../../../../etc/hostname", "/dev/zero", "..", "sub/fan.csv"])
def test_check_reads_no_file_outside_the_report_folder(report, tmp_path, capsys, name):
    """A hand-edited files_sha256 naming "/dev/zero" ran --check out of memory (a machine-wide kill; bad-input
    review), and "../../etc/hostname" read a file outside the folder: a name must be a file of the folder itself."""
    copy = tmp_path / "copy"
    shutil.copytree(report.folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["files_sha256"][name] = "a" * 64
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert (code, out) == (2, "") and err.count("\n") == 1, err
    assert f"manifest.json: files_sha256: '{name}': must be the name of a file in the report folder" in err


def test_check_reads_no_pipe_or_device(report, tmp_path, capsys):
    """A manifest that is a link to /dev/zero, or a report file that is a named pipe, once read for ever: the
    manifest is refused in one line, the pipe is a file that no longer matches."""
    import os

    folder = tmp_path / "zero"
    folder.mkdir()
    (folder / "manifest.json").symlink_to("/dev/zero")
    code, out, err = run_cli(["report", "--check", folder], capsys)
    assert code == 2 and err.count("\n") == 1 and "manifest.json: not a regular file" in err, err
    copy = tmp_path / "copy"
    shutil.copytree(report.folder, copy)
    (copy / "fan.csv").unlink()
    os.mkfifo(copy / "fan.csv")
    code, out, err = run_cli(["report", "--check", copy], capsys)
    assert code == 1 and "fan.csv (missing)" in out


def test_a_manifest_far_larger_than_any_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "manifest.json"
    with path.open("wb") as f:
        f.truncate(manifest_module.MANIFEST_MAX_BYTES + 1)  # sparse: no disk used
    code, out, err = run_cli(["report", "--check", path], capsys)
    assert code == 2 and err.count("\n") == 1 and "too large for a report manifest" in err, err


def test_a_file_that_is_not_json_is_told_what_a_manifest_is(report, tmp_path, capsys):
    """The report's own HTML given to --check by mistake gave the parser's bare "Expecting value: line 1 column 1
    (char 0)" (bad-input review, session 44): the error now says it is not JSON and what a manifest is."""
    html = next(report.folder.glob("*.html"))
    code, out, err = run_cli(["report", "--check", html], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert f"{html}: not JSON (Expecting value at line 1 column 1)" in err
    assert "a manifest is the manifest.json of a report folder" in err
