"""``python -m sim notebook``: a planner's notebook run with other parameters without opening it.

papermill alone ran a misspelt name (``-p scenario_idd jambi-2025``) with the notebook's own default after a warning:
numbers for the wrong scenario and no error. The command checks every name against the notebook's ``parameters``
cell before anything runs, and writes the executed notebook atomically. A few notebooks are executed here (one run
that succeeds, the others stop at a wrong value); every refusal is checked with execution replaced by a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cli_checks import assert_one_line_error, run_cli
from conftest import ROOT

pytest.importorskip("jupytext")
papermill = pytest.importorskip("papermill")
nbformat = pytest.importorskip("nbformat")

from sim import notebook  # noqa: E402  (needs jupytext and papermill)

NOTEBOOKS = ROOT / "notebooks"
OVERVIEW = NOTEBOOKS / "01_scenario_overview.py"
STEMS = "01_scenario_overview, 02_calibration_backtest, 03_expansion_budget, 04_scenario_comparison, 05_what_if"


@pytest.fixture
def nothing_runs(monkeypatch):
    """Execution replaced by a failure: a refusal must come before anything runs."""

    def started(*args, **kwargs):
        raise AssertionError("the notebook was executed")

    monkeypatch.setattr(papermill, "execute_notebook", started)


def _outputs(cells) -> str:
    """The text a notebook's code cells showed."""
    return "\n".join(o.get("text", "") if o["output_type"] == "stream" else o.get("data", {}).get("text/plain", "")
                     for c in cells if c["cell_type"] == "code" for o in c.get("outputs", []))


@pytest.mark.parametrize("ref", ["01", "01_scenario_overview", "01_scenario_overview.py", str(OVERVIEW)])
def test_a_notebook_is_found_by_number_name_file_name_or_path(ref):
    assert notebook.find_notebook(ref) == OVERVIEW


def test_an_unknown_notebook_is_refused_listing_the_notebooks(tmp_path, capsys, monkeypatch, nothing_runs):
    monkeypatch.chdir(tmp_path)
    for ref in ("07", "scenario_overview", "notebooks/01_scenario_overview.py"):  # the last: not from tmp_path
        code, out, err = run_cli(["notebook", ref], capsys)
        assert_one_line_error(code, err, [f"error: {ref}: no such notebook", STEMS])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("ref, options, fragments", [
    ("01", ["-p", "scenario_idd", "jambi-2025"], ["scenario_idd: unknown parameter (did you mean 'scenario_id'?)"]),
    ("01", ["-p", "trials", "300", "-p", "trails", "2000"], ["trails: unknown parameter (did you mean 'trials'?)"]),
    ("04", ["-y", "scenario_idz: [jambi-2025, jambi-2025-pipeline]"],
     ["04_scenario_comparison.py: scenario_idz: unknown parameter (did you mean 'scenario_ids'?)",
      "parameters are scenario_ids, trials, lang"]),
    ("01", ["-p", "xyz", "1"], ["xyz: unknown parameter; the notebook's parameters are scenario_id, trials, lang"]),
], ids=["-p scenario_idd", "-p trails", "-y scenario_idz", "nothing close"])
def test_an_unknown_parameter_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch, nothing_runs, ref,
                                                              options, fragments):
    """The one line names the notebook file, the name, the closest known name and the notebook's parameters; the
    notebook is never executed (``nothing_runs``) and nothing is written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", ref, *options], capsys)
    assert_one_line_error(code, err, [f"error: {notebook.find_notebook(ref)}: ", "parameters are ", *fragments])
    assert out == "" and list(tmp_path.iterdir()) == []


def test_names_papermill_cannot_read_are_still_parameters(tmp_path):
    """papermill's inspection skips a parameter line with a second '=' (a comment saying "0.25 = a quarter"); the
    names are read with Python's parser, so they are not refused."""
    from papermill.translators import PythonTranslator

    path = tmp_path / "99_check.py"
    path.write_text('# %% tags=["parameters"]\nshare = 0.0  # 0 to 1 (0.25 = a quarter)\nlang = "id"\n')
    nb = notebook.read_notebook(path)
    names = notebook.parameter_names(path, nb)
    assert names == ["share", "lang"]
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", ()))
    assert "share" not in {p.name for p in PythonTranslator.inspect(cell)}  # why papermill's is not used
    notebook.check_names(path, {"share": 0.3}, names)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.py")), ids=lambda p: p.stem)
def test_papermill_reads_every_parameter_of_every_notebook(path):
    """Run with papermill directly, a notebook warns of a parameter it cannot read as unknown: no parameter line of
    the shipped notebooks holds a second '=' (notebook 05's comments said "0.25 = a quarter")."""
    from papermill.translators import PythonTranslator

    nb = notebook.read_notebook(path)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", ()))
    assert [p.name for p in PythonTranslator.inspect(cell)] == notebook.parameter_names(path, nb)


@pytest.mark.parametrize("text", ["2000", "-5", "1_000", "0.25", "1e3", "-inf", "nan", "True", "False", "None",
                                  "true", "jambi-2025", "2025-01-01", "", " 7 "])
def test_a_p_value_is_read_as_papermill_reads_it(text):
    from papermill.cli import _resolve_type

    expected, got = _resolve_type(text), notebook.papermill_value(text)
    assert type(got) is type(expected) and (got == expected or got != got and expected != expected)


def test_y_and_p_are_read_as_papermill_reads_them():
    values = notebook.read_parameters(OVERVIEW, [["trials", "300"]], ["scenario_ids: [jambi-2025, jambi-2025-pipeline]",
                                                                      "lang: en\nstart: 2025-01-01", ""])
    assert values == {"scenario_ids": ["jambi-2025", "jambi-2025-pipeline"], "trials": 300, "lang": "en",
                      "start": "2025-01-01"}


@pytest.mark.parametrize("options, fragment", [
    (["-p", "trials", "100", "-p", "trials", "2000"], "trials: given twice, 100 (-p) and 2000 (-p)"),
    (["-y", "trials: 100", "-p", "trials", "2000"], "trials: given twice, 100 (-y) and 2000 (-p)"),
    (["-p", "trials", "2000", "-y", "trials: 100"], "trials: given twice, 100 (-y) and 2000 (-p)"),  # -y read first
    (["-y", "trials: 100", "-y", "lang: en\ntrials: 2000"], "trials: given twice, 100 (-y) and 2000 (-y)"),
    (["-y", "trials: 100\ntrials: 2000"], "trials: given twice, 100 (-y) and 2000 (the same -y)"),
    (["-p", "scenario_id", "jambi-2025", "-p", "scenario_id", "madiun-2025"],
     "scenario_id: given twice, 'jambi-2025' (-p) and 'madiun-2025' (-p)"),
], ids=["-p twice", "-y then -p", "-p before -y", "two -y", "twice in one -y", "a text twice"])
def test_a_parameter_given_twice_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch, nothing_runs,
                                                                 options, fragment):
    """papermill takes the last value (a -p over any -y) without a word: most likely a slip in a copied command, and
    the planner would not see which value ran. Refused in one line naming the notebook, the name and both values;
    nothing is run or written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "01", *options], capsys)
    assert_one_line_error(code, err, [f"error: {OVERVIEW}: {fragment}; give each parameter once"])
    assert out == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text, fragment", [
    ("scenario_ids: [jambi-2025", "not YAML: expected ',' or ']'"),
    ("[jambi-2025, jambi-2025-pipeline]", "must be NAME: VALUE pairs"),
])
def test_y_that_is_not_names_and_values_is_refused(text, fragment, tmp_path, capsys, monkeypatch, nothing_runs):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "04", "-y", text], capsys)
    assert_one_line_error(code, err, [f"error: -y: {text}: {fragment}"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text, fragment", [
    ("members_grid: !!set {5000, 10000}", "members_grid: {"),
    ("members_grid: !!binary aGk=", "members_grid: b'hi' (bytes)"),
    ("members_grid: [5000, {1: 10000}]", "members_grid: the key 1 (not text)"),
], ids=["a set", "bytes", "a key not text"])
def test_y_values_papermill_would_change_are_refused_before_anything_runs(text, fragment, tmp_path, capsys,
                                                                          monkeypatch, nothing_runs):
    """papermill writes a table's keys as text and other values as the text of their repr, and fails on a set
    (a traceback from its record of the parameters): such a value is refused in one line, nothing run or written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "03", "-y", text], capsys)
    assert_one_line_error(code, err, [f"error: -y: {text}: {fragment}", "cannot reach the notebook as it is"])
    assert out == "" and list(tmp_path.iterdir()) == []


def test_y_values_papermill_passes_as_they_are_are_taken():
    values = notebook.read_parameters(OVERVIEW, [], ["grid: [5000, {a: [1, 2.5, true, null]}, '7']"])
    assert values == {"grid": [5000, {"a": [1, 2.5, True, None]}, "7"]}


@pytest.mark.parametrize("header, fragment", [
    ("", "kernelspec: the notebook names no kernel to run it"),
    ("# ---\n# jupyter:\n#   kernelspec:\n#     display_name: R\n#     language: R\n#     name: ir-nowhere\n# ---\n\n",
     "kernelspec: no kernel named 'ir-nowhere' is installed here"),
], ids=["no kernel named", "a kernel not installed"])
def test_a_notebook_without_a_kernel_to_run_it_is_refused_before_anything_runs(header, fragment, tmp_path, capsys,
                                                                                monkeypatch, nothing_runs):
    """A notebook ``.py`` given by path whose jupytext header names no kernel (a plain ``.py`` file) or one not
    installed here: papermill ended in a traceback; the command refuses it in one line naming the file."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "mine.py"
    path.write_text(header + '# %% tags=["parameters"]\nx = 1\n\n# %%\nprint(x)\n')
    code, out, err = run_cli(["notebook", str(path), "-p", "x", "2"], capsys)
    assert_one_line_error(code, err, [f"error: {path}: {fragment}"])
    assert out == "" and sorted(os.listdir(tmp_path)) == ["mine.py"]


def _tagged(cells, tag: str) -> list[str]:
    return [c.source for c in cells if tag in c.metadata.get("tags", [])]


@pytest.mark.parametrize("lang", [None, "en"], ids=["its own lang (id)", "-p lang en"])
def test_a_run_writes_the_executed_notebook_with_the_values_given(tmp_path, capfd, lang):
    """The one notebook executed to the end here: one trial (the fewest scenario.trials takes), Jambi instead of the
    notebook's Madiun. (capfd: the kernel, another process, writes to the file descriptors, not sys.stderr.) The
    executed notebook reads in its language only: every markdown cell of it, none of the other language, not the
    note that one follows the other; the sentence the first code cell prints is in it too."""
    import re

    from sim.i18n import Language
    from sim.scenario import load_scenario

    out = tmp_path / "new" / "jambi.ipynb"
    options = ["-p", "lang", lang] if lang else []
    code, printed, err = run_cli(["notebook", "01", "-p", "scenario_id", "jambi-2025", "-p", "trials", "1", *options,
                                  "--out", out], capfd)
    assert code == 0 and err == "", err
    assert printed.splitlines()[-1] == f"Wrote {out}"
    executed = nbformat.read(out, as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert 'scenario_id = "jambi-2025"' in injected[0].source
    assert "trials = 1\n" in injected[0].source  # a number, not the text "1"
    assert "Jambi" in _outputs(executed.cells) and "Madiun" not in _outputs(executed.cells)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert executed.metadata.papermill.input_path == str(OVERVIEW)
    assert os.listdir(out.parent) == ["jambi.ipynb"]  # no temporary file left beside it
    kept, other = ("en", "id") if lang == "en" else ("id", "en")
    source = notebook.read_notebook(OVERVIEW).cells
    assert _tagged(executed.cells, f"lang-{kept}") == _tagged(source, f"lang-{kept}") != []
    assert _tagged(executed.cells, f"lang-{other}") == _tagged(executed.cells, "lang-note") == []
    assert [c.source for c in executed.cells if c.cell_type == "code" and "injected-parameters" not in
            c.metadata.get("tags", [])] == [c.source for c in source if c.cell_type == "code"]  # all code ran
    language, scenario = Language(kept), load_scenario("jambi-2025")
    size = language("nb_scenario_size", members=language.count(sum(s.members for s in scenario.segments)),
                    segments=language.count(len(scenario.segments)), months=language.count(scenario.horizon_months),
                    start=language.month(scenario.start))
    assert f"\n{size}\n" in _outputs(executed.cells)
    # Its tables shown whole and on one line, as the report shows them: pandas cut a cell at 50 characters
    # ("Pengali tabel mortalitas – semua segmen\n(assu...", 41 cuts) and wrote a line break as a literal "\n"; the
    # check table named the segment by its key, "vulnerable".
    tables = [o.data["text/html"] for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "text/html" in o.get("data", {})]
    cells = [c for table in tables for c in re.findall(r"<td>(.*?)</td>", table, re.S)]
    assert len(tables) == 3 and cells
    assert not [c for c in cells if c.endswith("...") or "\\n" in c]
    (segment,) = scenario.segments
    assert f"<td>{segment.labels[kept]}</td>" in tables[-1] and f"<td>{segment.name}</td>" not in tables[-1]
    # The progress bar is named in the notebook's language: "trials" in an Indonesian notebook.
    widgets = executed.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"].values()
    assert [m["state"]["description"] for m in widgets if m["model_name"] == "IntProgressModel"] == [
        language("progress_trials")]


def test_the_what_if_sliders_are_labelled_in_the_notebooks_language(tmp_path, capfd):
    """Notebook 05 (closed form, quick) in its own Indonesian: the sliders' labels, kept in the executed notebook's
    widget state, are the Indonesian texts, and its text cells the Indonesian ones."""
    import json
    import re

    from sim.i18n import Language

    out = tmp_path / "what-if.ipynb"
    code, printed, err = run_cli(["notebook", "05", "--out", out], capfd)
    assert code == 0 and err == "", err
    executed = nbformat.read(out, as_version=4)
    labels = set(re.findall(r'"description": "([^"]*)"', json.dumps(executed.metadata.widgets, ensure_ascii=False)))
    language = Language("id")
    assert labels == {language(f"nb_slider_{name}") for name in ("budget", "members", "csr_share", "deaths",
                                                                "accidents")}
    assert _tagged(executed.cells, "lang-id") and not _tagged(executed.cells, "lang-en")
    # Each label shown whole: the default width (80 pixels) cut the longer ones ("Kecelakaan ×", "Proporsi CSR").
    styles = [m["state"] for m in executed.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
              .values() if m["model_name"] == "SliderStyleModel"]
    assert len(styles) == 5 and all(s["description_width"] == "initial" for s in styles), styles


def test_the_cells_of_the_other_language_are_dropped_and_nothing_else():
    """What the command keeps of an executed notebook for each language, without running one: the notebook's own
    ``lang`` when none is given, the given one over it, and every cell for a notebook without a ``lang``."""
    source = notebook.read_notebook(OVERVIEW)
    assert notebook.notebook_language(source, {}) == "id"  # its parameters cell's
    assert notebook.notebook_language(source, {"lang": "en", "trials": 1}) == "en"
    for kept, other in (("id", "en"), ("en", "id")):
        cells = notebook.in_language(source, kept).cells
        assert [c for c in source.cells if "lang-note" not in c.metadata.get("tags", [])
                and f"lang-{other}" not in c.metadata.get("tags", [])] == cells
    assert len(source.cells) > len(notebook.in_language(source, "id").cells)  # the source is not changed
    mine = nbformat.from_dict({**source, "cells": [c for c in source.cells
                                                    if "parameters" not in c.metadata.get("tags", [])]})
    assert notebook.notebook_language(mine, {}) is None and notebook.in_language(mine, None) is mine


@pytest.mark.parametrize("value", ["fr", "ID", "None"])
def test_a_language_that_is_not_one_of_the_notebooks_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch,
                                                                                    nothing_runs, value):
    """``-p lang fr`` stopped the notebook in its first code cell with a ValueError (notebook 05: a KeyError), after
    papermill started; which cells to keep would be unknown too."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "05", "-p", "lang", value], capsys)
    shown = repr(None) if value == "None" else repr(value)
    assert_one_line_error(code, err, [f"error: {notebook.find_notebook('05')}: lang: must be one of 'id', 'en', got "
                                      f"{shown}"])
    assert out == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ref, name, value, problem", [
    ("01", "trials", "abc", "must be a number, got 'abc'"),
    ("04", "trials", "-5", "must be >= 1, got -5"),
    ("02", "forecast_trials", "0", "must be >= 1, got 0"),
    ("02", "variance_trials", "1.5", "must be a whole number"),
])
def test_a_number_of_trials_that_trials_refuses_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch,
                                                                               nothing_runs, ref, name, value, problem):
    """``-p trials abc`` started the kernel and ended with "error: --set: scenario.trials: must be a number", naming a
    --set the planner never typed and not the parameter given (notebook 02's variance_trials read "trials")."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", ref, "-p", name, value], capsys)
    assert_one_line_error(code, err, [f"error: {notebook.find_notebook(ref)}: {name}: {problem}"])
    assert "--set" not in err and out == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("line, fragment", [('trials = "abc"', "must be a number, got 'abc'"),
                                            ("trials = -5", "must be >= 1, got -5")])
def test_a_number_of_trials_written_in_the_parameters_cell_is_named_as_written(tmp_path, capfd, line, fragment):
    """A wrong ``trials`` typed into the notebook's own parameters cell, run without -p, ended with "error: --set:
    scenario.trials: ...", an option the planner never typed; the line names the cell's parameter."""
    path = tmp_path / OVERVIEW.name
    path.write_text(OVERVIEW.read_text().replace("\ntrials = 10_000 ", f"\n{line} "))
    assert line in path.read_text()
    out = tmp_path / "out" / "bad.ipynb"
    code, printed, err = run_cli(["notebook", path, "--out", out], capfd)
    assert_one_line_error(code, err, [f"error: the notebook's parameters cell: trials: {fragment}"])
    assert "--set" not in err and not out.parent.exists()


def test_a_wrong_value_ends_with_the_notebooks_one_line_and_leaves_nothing(tmp_path, capfd):
    """The notebook stops at the wrong value with its one ``error:`` line: that line is the command's, not
    papermill's traceback (nor the kernel's warnings), and the executed notebook already at --out is left as it
    was, with nothing beside it."""
    out = tmp_path / "what-if.ipynb"
    out.write_text("an earlier run\n")
    code, printed, err = run_cli(["notebook", "05", "-p", "budget_idr", "-1000000000", "--out", out], capfd)
    assert_one_line_error(code, err, ["error: what-if for madiun-2025: budget_idr: must be 0 or more"])
    assert err.startswith("error: what-if") and "Papermill" not in err
    assert "Wrote" not in printed
    assert os.listdir(tmp_path) == ["what-if.ipynb"] and out.read_text() == "an earlier run\n"


@pytest.mark.parametrize("given", ["-p", "parameters cell"])
def test_a_number_of_5000_digits_ends_with_the_notebooks_one_line(tmp_path, capfd, given):
    """Python reads at most 4,300 digits of an integer: trials of 1 followed by 5,000 zeros, given with -p (papermill
    writes it into a cell) or typed into the parameters cell, was a SyntaxError in the kernel ("stopped in cell",
    exit status 1). The kernel reads it as the command line does, and the range check of scenario.trials answers."""
    big = "1" + "0" * 5000
    path = OVERVIEW
    if given == "parameters cell":
        path = tmp_path / OVERVIEW.name
        path.write_text(OVERVIEW.read_text().replace("\ntrials = 10_000 ", f"\ntrials = {big} "))
        assert big in path.read_text()
    out = tmp_path / "out" / "big.ipynb"
    options = ["-p", "trials", big] if given == "-p" else []
    code, printed, err = run_cli(["notebook", path, *options, "--out", out], capfd)
    # -p is refused before the kernel starts (check_trials); a cell's own value by the notebook's own check.
    where = f"{OVERVIEW}: trials" if given == "-p" else "the notebook's parameters cell: trials"
    assert_one_line_error(code, err, [f"error: {where}: must be <= 100,000,000, got 100000"])
    assert len(err) < 200 and not out.parent.exists()
    if given == "-p":
        assert printed == ""  # refused before "Running ..."
    else:
        assert len(printed.splitlines()[0]) < 200


def test_what_the_kernel_process_writes_to_its_stderr_stays_out_of_the_commands_one_line(tmp_path, capfd):
    """A kernel stopped after an error may log through loggers KERNEL_QUIET does not reach (a CI run once showed
    tornado's "Uncaught exception in ZMQStream callback" traceback above the error line). The kernel's own stderr
    is not the command's: here a cell writes to the kernel process's file descriptor 2 before the notebook stops at
    a wrong value, and the command still shows one line."""
    path = tmp_path / OVERVIEW.name
    cell = "from sim import charts, progress, report"
    path.write_text(OVERVIEW.read_text().replace(cell, f"__import__('os').write(2, b'kernel log noise\\n')\n{cell}"))
    assert "kernel log noise" in path.read_text()
    # An unknown scenario stops it in the kernel (-p trials 0 is now refused before the kernel starts).
    code, printed, err = run_cli(["notebook", path, "-p", "scenario_id", "madiun-2099", "--out",
                                  tmp_path / "out" / "x.ipynb"], capfd)
    assert_one_line_error(code, err, ["error: madiun-2099: no such scenario file"])
    assert "kernel log noise" not in err + printed


def test_an_unexpected_failure_is_one_line_with_exit_status_1(tmp_path, capsys, monkeypatch):
    """A notebook failing otherwise (a bug, a kernel that died) names the notebook and the exception in one line."""
    from nbclient.exceptions import DeadKernelError

    failures = [papermill.PapermillExecutionError(4, 3, "x + 1", "NameError", "name 'x' is not defined",
                                                  ["\x1b[0;31mNameError\x1b[0m", "Traceback ...", "line 1"]),
                DeadKernelError("Kernel died")]
    expected = [f"error: {OVERVIEW}: stopped in cell [3]: NameError: name 'x' is not defined\n",
                f"error: {OVERVIEW}: the notebook's Python kernel died (Kernel died)\n"]
    monkeypatch.chdir(tmp_path)
    for failure, line in zip(failures, expected):
        def fail(*args, **kwargs):
            raise failure

        monkeypatch.setattr(papermill, "execute_notebook", fail)
        code, printed, err = run_cli(["notebook", "01"], capsys)
        assert (code, err) == (1, line)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("options, fragments", [
    ([], ["error: out/notebooks: a file is in the way of this output folder"]),
    (["--out", "out/notebooks/x.ipynb"], ["argument --out: out/notebooks is a file, not a folder"]),
    (["--out", "out/01.html"], ["argument --out: out/01.html is not a .ipynb file"]),
    (["--out", "out/folder.ipynb"], ["argument --out: out/folder.ipynb is a folder, not a notebook file"]),
], ids=["default folder", "--out under a file", "--out not .ipynb", "--out a folder"])
def test_the_output_is_checked_before_anything_runs(tmp_path, capsys, monkeypatch, nothing_runs, options, fragments):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notebooks").write_text("not a folder\n")
    (tmp_path / "out" / "folder.ipynb").mkdir()
    code, out, err = run_cli(["notebook", "01", "-p", "trials", "1", *options], capsys)
    assert_one_line_error(code, err, fragments)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["folder.ipynb", "notebooks"]


def test_the_default_output_file_taken_by_a_folder_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch,
                                                                                   nothing_runs):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out" / "notebooks" / "05_what_if.ipynb").mkdir(parents=True)
    code, out, err = run_cli(["notebook", "05"], capsys)
    assert_one_line_error(code, err, ["error: out/notebooks/05_what_if.ipynb: a folder is in the way of this output "
                                      "file"])


def test_without_papermill_the_command_says_so_and_the_rest_does_not_need_it(tmp_path, capsys, monkeypatch):
    import sim

    monkeypatch.delitem(sys.modules, "sim.notebook")
    monkeypatch.delattr(sim, "notebook")  # else ``from . import notebook`` finds the module imported above
    monkeypatch.setitem(sys.modules, "papermill", None)  # import papermill raises ImportError
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "01"], capsys)
    assert_one_line_error(code, err, ["error: notebook: papermill: not installed", "jupytext and papermill"])
    loaded = subprocess.run([sys.executable, "-c", "import sys, sim.cli; sim.cli._parser(); "
                             "print(sorted({'papermill', 'jupytext'} & set(sys.modules)))"],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert loaded.stdout == "[]\n", loaded.stderr


def test_the_documented_commands_name_real_notebooks_and_parameters():
    """Every ``python -m sim notebook`` command in the READMEs and the notebooks names a notebook and parameters
    that exist (checked as the command checks them, without running anything): a renamed parameter fails here."""
    import re
    import shlex

    from sim.cli import _parser

    texts = [ROOT / "README.md", NOTEBOOKS / "README.md", *NOTEBOOKS.glob("*.py")]
    commands = [m for path in texts for m in re.findall(r"python -m sim (notebook [^`\n]+)", path.read_text())
                if "NOTEBOOK" not in m]  # the usage line
    assert len(commands) >= 5, commands
    for command in commands:
        args = _parser().parse_args(shlex.split(command))
        path = notebook.find_notebook(args.notebook)
        parameters = notebook.read_parameters(path, args.parameters, args.yaml)
        notebook.check_names(path, parameters, notebook.parameter_names(path, notebook.read_notebook(path)))


@pytest.mark.parametrize("ref, args, problem", [
    ("01", ["-y", "scenario_id: [jambi-2025]"], "scenario_id: must be a text, as the notebook's own 'madiun-2025' "
                                                "is; got ['jambi-2025']"),
    ("01", ["-y", "scenario_id: 2025"], "scenario_id: must be a text, as the notebook's own 'madiun-2025' is; got "
                                        "2025 (quote it: scenario_id: \"2025\")"),
    ("04", ["-y", "scenario_ids: []"], "scenario_ids: is empty: name at least one"),
    ("04", ["-y", "scenario_ids: [jambi-2025, jambi-2025]"], "scenario_ids: names 'jambi-2025' twice; give each once"),
    ("04", ["-y", "scenario_ids: jambi-2025"], "scenario_ids: must be a list of texts"),
    ("05", ["-p", "mortality_factor", "abc"], "mortality_factor: must be a number, as the notebook's own 1.0 is; "
                                              "got 'abc'"),
    ("05", ["-y", "csr_share: true"], "csr_share: must be a number"),
])
def test_a_value_of_another_kind_than_the_notebooks_own_is_refused_before_anything_runs(
        tmp_path, capsys, monkeypatch, nothing_runs, ref, args, problem):
    """A list or number for a text reached the notebook and ended in a bare "TypeError: expected str, bytes or
    os.PathLike object, not int" in a later cell; an empty or doubled scenario list ran with exit 0 (bad-input
    review)."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", ref, *args], capsys)
    assert_one_line_error(code, err, [f"error: {notebook.find_notebook(ref)}: {problem}"])
    assert out == "" and list(tmp_path.iterdir()) == []


def test_a_text_parameter_given_with_p_is_the_text_as_typed(tmp_path, capsys, monkeypatch):
    """``-p scenario_id 2025`` is the scenario "2025" (papermill's reading made it the number 2025), and a number
    parameter stays a number."""
    given = {}
    monkeypatch.setattr(notebook, "run_notebook", lambda nb, path, parameters, out: given.update(parameters))
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["notebook", "05", "-p", "scenario_id", "2025", "-p", "csr_share", "0.5"], capsys)
    assert code == 0 and given == {"scenario_id": "2025", "csr_share": 0.5}
