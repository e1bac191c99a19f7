"""Running a notebook of ``notebooks/`` with other parameters without opening it: ``python -m sim notebook``.

papermill alone runs a misspelt parameter (``-p scenario_idd jambi-2025``) with the notebook's own value after a
warning, and a planner gets the numbers of the wrong scenario. Here the names are checked against the notebook's
``parameters`` cell before anything runs, papermill executes the notebook in memory, and the executed notebook is
written atomically: into a temporary folder beside ``--out``, moved into place only when the run succeeded.

jupytext and papermill (the ``test`` and ``notebooks`` extras) are imported here: ``sim.cli`` imports this module
only for the command, so that the rest of the command line does not need them.
"""

from __future__ import annotations

import ast
import logging
import subprocess
from pathlib import Path

import jupytext
import nbformat
import papermill
import yaml
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import DeadKernelError
from papermill.iorw import NoDatesSafeLoader  # papermill's reader of -y: YAML without dates (2025-01-01 stays text)

from .forecast import atomic_directory
from .i18n import LANGUAGES
from .scenario import ScenarioError, _did_you_mean
from .scenario_schema import SCENARIO_FIELDS, shown

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
PARAMETERS_TAG = "parameters"  # papermill's tag of the cell holding a notebook's parameters
# A notebook's prose is written twice, each English markdown cell followed by its Indonesian twin, tagged lang-en and
# lang-id; the executed notebook keeps those of its ``lang`` parameter. The note at the top saying so (tagged
# LANGUAGE_NOTE_TAG) goes too: it would no longer be true.
LANGUAGE_PARAMETER = "lang"
TRIALS_PARAMETER = "trials"  # and the names ending in _trials: numbers of simulated trials, checked as --trials is
LANGUAGE_TAGS = {code: f"lang-{code}" for code in LANGUAGES}
LANGUAGE_NOTE_TAG = "lang-note"
# The kernel's own log goes to this command's stderr, beside its one line of error: ipykernel 7 warns of "TCP without
# encryption" at every start, and a kernel stopped after an error may log "KeyboardInterrupt caught in kernel". What
# the notebook shows is not affected, and a kernel that dies is reported (DeadKernelError).
KERNEL_QUIET = ["--IPKernelApp.log_level=CRITICAL"]
# The kernel reads integers of any length, as the command line does (``sim.cli.main``): Python stops at 4,300 digits,
# and a number of 5,000 digits given with -p, or typed into the parameters cell, was a SyntaxError in the cell that
# holds it (or a ValueError out of the notebook's own "scenario.trials=..."), not the range check's one line.
KERNEL_READS_LONG_INTEGERS = ["--IPKernelApp.exec_lines=__import__('sys').set_int_max_str_digits(0)"]


class QuietKernelManager(AsyncKernelManager):
    """A kernel whose process writes its stderr nowhere. KERNEL_QUIET silences the kernel application's log only: a
    kernel stopped after an error may still log through its other loggers, e.g. tornado's "Uncaught exception in
    ZMQStream callback ... Socket operation on non-socket" traceback as it shuts down (seen once in a CI run), which
    buried the command's one line. A cell's own output reaches the notebook through the kernel's messages, not this
    stream; a kernel that dies is still reported (DeadKernelError), only without its last words."""

    async def start_kernel(self, **kw):
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super().start_kernel(**kw)


class NotebookStopped(Exception):
    """The notebook stopped with an error. ``line``: one line to show; ``bad_input``: it is the notebook's own
    ``error: ...`` line for a wrong value (exit status 2), not an unexpected failure (exit status 1)."""

    def __init__(self, line: str, bad_input: bool):
        self.line, self.bad_input = line, bad_input
        super().__init__(line)


def notebooks() -> list[Path]:
    """The notebooks of ``notebooks/``, in their order."""
    return sorted(NOTEBOOK_DIR.glob("*.py"))


def find_notebook(ref: str) -> Path:
    """A notebook by number (``01``), name (``01_scenario_overview``, with or without ``.py``) or path."""
    path = Path(ref)
    if path.is_dir():
        raise ScenarioError(ref, "", "is a folder, not a notebook file")
    if path.is_file():
        if path.suffix != ".py":
            raise ScenarioError(ref, "", "is not a notebook: the notebooks are jupytext .py files")
        return path
    if path.name == ref:  # a bare name: looked for in notebooks/
        found = [p for p in notebooks() if ref in (p.name, p.stem, p.stem.split("_", 1)[0])]
        if len(found) == 1:
            return found[0]
    raise ScenarioError(ref, "", f"no such notebook; the notebooks in {NOTEBOOK_DIR} are "
                                 f"{', '.join(p.stem for p in notebooks())} (give one by number, name or path)")


def read_notebook(path: Path):
    """The notebook of a jupytext ``.py`` file, as papermill takes it."""
    try:
        return jupytext.read(path)
    except UnicodeDecodeError as err:
        raise ScenarioError(str(path), "", f"cannot read file: {err}") from None


def check_kernel(path: Path, notebook) -> None:
    """Refuse, before anything runs, a notebook that names no kernel to run it or one not installed here (papermill
    would end in a traceback): a ``.py`` file without a jupytext header, or a header copied from another machine."""
    name = notebook.metadata.get("kernelspec", {}).get("name")
    if not name:
        raise ScenarioError(str(path), "kernelspec", "the notebook names no kernel to run it (its jupytext header has "
                                                     "none); `jupytext --set-kernel python3 FILE` adds the one the "
                                                     "notebooks of notebooks/ name")
    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        raise ScenarioError(str(path), "kernelspec", f"no kernel named {name!r} is installed here (the notebooks of "
                                                     f"notebooks/ name python3)") from None


def parameter_names(path: Path, notebook) -> list[str]:
    """The names the notebook's ``parameters`` cell assigns, in its order. Read with Python's parser, not
    papermill's inspection: that skips a line with a second '=' (a comment saying "0.25 = a quarter", as notebook 05's
    did), and papermill warned of such a name as an unknown parameter."""
    cells = [c for c in notebook.cells if PARAMETERS_TAG in c.metadata.get("tags", ())]
    if not cells:
        return []
    try:
        tree = ast.parse(cells[0].source)
    except SyntaxError as err:
        raise ScenarioError(str(path), "parameters cell", f"line {err.lineno}: {err.msg}") from None
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names


def parameter_defaults(path: Path, notebook) -> dict:
    """The values the notebook's ``parameters`` cell gives, where each is a literal (``"madiun-2025"``, ``10_000``,
    ``["madiun-2023", ...]``, ``None``): what a given value's type is checked against (:func:`check_types`)."""
    cells = [c for c in notebook.cells if PARAMETERS_TAG in c.metadata.get("tags", ())]
    out = {}
    for node in ast.parse(cells[0].source).body if cells else ():
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return out


def check_types(path: Path, parameters: dict, defaults: dict, pairs) -> dict:
    """The parameters with each text parameter given by ``-p`` kept as typed (``-p scenario_id 2025`` is the text
    "2025", which papermill's reading made the number 2025), and a value of another kind than the notebook's own
    refused before anything runs: a number or list for a text, a text or number for a list, an empty list or one
    naming a scenario twice, a text for a number. These ended in a bare Python error in a later cell ("TypeError:
    expected str, bytes or os.PathLike object, not int"; bad-input review). A parameter whose own value is None
    (``members_grid``, ``budget_idr``) takes what it is given, the notebook says what."""
    typed = dict(pairs)
    out = dict(parameters)
    for name, value in parameters.items():
        own = defaults.get(name)
        if isinstance(own, str) and not isinstance(value, str):
            if name in typed:
                out[name] = typed[name]
                continue
            quote = f' (quote it: {name}: "{value}")' if isinstance(value, (int, float)) else ""
            raise ScenarioError(str(path), name, f"must be a text, as the notebook's own {own!r} is; got "
                                                 f"{shown(value)}{quote}")
        if isinstance(own, list):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ScenarioError(str(path), name, f"must be a list of texts, as the notebook's own {own!r}; got "
                                                     f"{shown(value)}")
            if not value:
                raise ScenarioError(str(path), name, "is empty: name at least one")
            twice = next((v for i, v in enumerate(value) if v in value[:i]), None)
            if twice is not None:
                raise ScenarioError(str(path), name, f"names {twice!r} twice; give each once")
        if (isinstance(own, (int, float)) and not isinstance(own, bool)
                and (isinstance(value, bool) or not isinstance(value, (int, float)))):
            raise ScenarioError(str(path), name, f"must be a number, as the notebook's own {own!r} is; got "
                                                 f"{shown(value)}")
    return out


def notebook_language(notebook, parameters: dict):
    """The language the notebook runs in: its ``lang`` parameter as given, else the value its ``parameters`` cell
    writes; None for a notebook without one (or one whose cell does not write it as a plain value)."""
    if LANGUAGE_PARAMETER in parameters:
        return parameters[LANGUAGE_PARAMETER]
    cells = [c for c in notebook.cells if PARAMETERS_TAG in c.metadata.get("tags", ())]
    if not cells:
        return None
    written = None  # the last value the cell writes, as Python keeps it
    for node in ast.parse(cells[0].source).body:  # parsed before by parameter_names
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == LANGUAGE_PARAMETER for t in targets):
            written = node.value.value if isinstance(node.value, ast.Constant) else None
    return written


def check_language(path: Path, parameters: dict) -> None:
    """Refuse, before anything runs, a ``lang`` given that is not a language of the notebooks: the notebook would stop
    in a code cell with a KeyError or ValueError, and which of its cells to keep would be unknown."""
    language = parameters.get(LANGUAGE_PARAMETER, LANGUAGES[0])
    if language not in LANGUAGES:
        raise ScenarioError(str(path), LANGUAGE_PARAMETER, f"must be one of {', '.join(map(repr, LANGUAGES))}, got "
                                                           f"{shown(language)}")


def check_trials(path: Path, parameters: dict) -> None:
    """Refuse, before anything runs, a number of trials given (``trials``, ``variance_trials``, ``forecast_trials``)
    that ``--trials`` would refuse. The notebook passes it on as ``scenario.trials=...``, whose error named a --set
    the planner never typed: ``-p trials abc`` said "--set: scenario.trials: must be a number, got 'abc'"."""
    for name, value in parameters.items():
        if name == TRIALS_PARAMETER or name.endswith("_" + TRIALS_PARAMETER):
            problem = SCENARIO_FIELDS[TRIALS_PARAMETER].check(value)
            if problem:
                raise ScenarioError(str(path), name, problem)


def in_language(notebook, language):
    """A copy of ``notebook`` without the cells written in another language than ``language`` and without the note
    that each English cell is followed by its Indonesian twin; the notebook as it is for ``language`` None."""
    if language is None:
        return notebook
    dropped = {tag for code, tag in LANGUAGE_TAGS.items() if code != language} | {LANGUAGE_NOTE_TAG}
    cells = [c for c in notebook.cells if not dropped & set(c.metadata.get("tags", ()))]
    return nbformat.from_dict({**notebook, "cells": cells})


def papermill_value(text: str):
    """A ``-p`` value as papermill's command line reads it (``papermill.cli._resolve_type``, not public; importing
    papermill.cli also fails when standard input is closed): True, False and None as themselves, a whole number as
    an int, another number as a float, anything else as text. tests/test_notebook_command.py checks that the two
    agree."""
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def read_parameters(path: Path, pairs, yaml_texts) -> dict:
    """The parameters of ``-y YAML`` and ``-p NAME VALUE`` options for the notebook ``path``. A name given twice
    (two ``-p``, a ``-p`` and a ``-y``, or twice in one ``-y``) is refused: papermill takes the last value (a ``-p``
    over any ``-y``) without a word, and it is most likely a slip in a command copied and edited, whose planner would
    not see which value ran (the executed notebook records only that one)."""
    values, given = {}, {}
    for text in yaml_texts:
        for name, value, where in _yaml_parameters(text):
            _once(path, given, name, value, where)
            values[name] = value
    for name, text in pairs:
        value = papermill_value(text)
        _once(path, given, name, value, "-p")
        values[name] = value
    return values


def _yaml_parameters(text: str) -> list[tuple]:
    """(name, value, where) of each parameter of a ``-y`` text, read as papermill reads it, in its order; ``where``
    is "-y", or "the same -y" for a name the text gives again (YAML itself keeps the last without a word)."""
    loader = NoDatesSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:  # an empty -y, as papermill takes it
            return []
        if not isinstance(node, yaml.MappingNode):
            raise ScenarioError("-y", text, "must be NAME: VALUE pairs, e.g. -y 'scenario_ids: [jambi-2025, "
                                            "jambi-2025-pipeline]'")
        data = loader.construct_document(node)  # refuses a name YAML cannot hold (a list)
        # Each name as written, before YAML drops all but the last of a repeated one ("<<" merges a table in).
        written = [(loader.construct_object(k), loader.construct_object(v, deep=True)) for k, v in node.value
                   if k.tag != "tag:yaml.org,2002:merge"]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at column {mark.column + 1}" if mark is not None else ""
        raise ScenarioError("-y", text, f"not YAML: {getattr(err, 'problem', None) or err}{where}") from None
    finally:
        loader.dispose()
    for name, value in data.items():
        bad = _not_passed_as_is(value)
        if bad is not None:
            raise ScenarioError("-y", text, f"{name}: {bad} cannot reach the notebook as it is: papermill passes "
                                            "text, numbers, true, false, null, and lists and tables of them "
                                            "with text keys")
    names = [name for name, _ in written]
    return ([(name, value, "the same -y" if name in names[:i] else "-y") for i, (name, value) in enumerate(written)]
            + [(name, value, "-y") for name, value in data.items() if name not in names])  # merged in by "<<"


def _once(path: Path, given: dict, name, value, where: str) -> None:
    """Refuse ``name`` given a second time, naming both values and where each came from."""
    if name in given:
        first, first_where = given[name]
        raise ScenarioError(str(path), str(name), f"given twice, {shown(first)} ({first_where}) and {shown(value)} "
                                                  f"({where}); give each parameter once")
    given[name] = (value, where)


def _not_passed_as_is(value) -> str | None:
    """The part of a ``-y`` value that papermill would change or fail on, or None. It writes text, numbers, true,
    false, null, lists and tables into the notebook as Python, but a table's keys always as text (``{1: x}`` arrives
    as ``{'1': x}``), any other value as the text of its repr (``!!binary`` bytes as "b'...'"), and a set not at
    all (a traceback from its record of the parameters)."""
    if isinstance(value, list):
        return next((bad for item in value if (bad := _not_passed_as_is(item)) is not None), None)
    if isinstance(value, dict):
        key = next((k for k in value if not isinstance(k, str)), None)
        if key is not None:
            return f"the key {key!r} (not text)"
        return next((bad for item in value.values() if (bad := _not_passed_as_is(item)) is not None), None)
    if value is None or isinstance(value, (str, int, float)):  # bool is an int
        return None
    return f"{value!r} ({type(value).__name__})"


def check_names(path: Path, parameters: dict, known: list[str]) -> None:
    """Refuse a parameter the notebook's ``parameters`` cell does not set, naming the closest one and all of them."""
    for name in parameters:
        if name in known:
            continue
        if not known:
            raise ScenarioError(str(path), str(name), f"unknown parameter: the notebook has no cell tagged "
                                                      f"{PARAMETERS_TAG!r}")
        hint = _did_you_mean(str(name), known).strip()
        raise ScenarioError(str(path), str(name), f"unknown parameter{f' ({hint})' if hint else ''}; the notebook's "
                                                  f"parameters are {', '.join(known)}")


def run_notebook(notebook, path: Path, parameters: dict, out: Path) -> None:
    """Execute ``notebook`` (read from ``path``) with ``parameters`` and write it to ``out``, atomically, with the
    prose of its language only (:func:`in_language`): a planner's output reads in one language. The whole notebook
    runs (the cells dropped are markdown), so the execution counts stay as papermill gave them.

    It is executed in memory and written only once it has run: into a temporary folder in ``out``'s folder, from
    which it replaces ``out`` (:func:`sim.forecast.atomic_directory`), so a failed or interrupted run leaves
    nothing, and no half-run notebook sits there meanwhile. (papermill's own output file would also have its name
    formatted with the parameters: ``out/{x}/`` read as a placeholder.)"""
    executed = in_language(_execute(notebook, path, parameters), notebook_language(notebook, parameters))
    # papermill records the input and output; they were a notebook in memory and none.
    executed.metadata.papermill.update(input_path=str(path), output_path=str(out))
    with atomic_directory(out.parent) as tmp:
        nbformat.write(executed, tmp / out.name)


def _execute(notebook, path: Path, parameters: dict):
    """The notebook executed by papermill in the notebook's own folder, as JupyterLab runs it; its error as
    :class:`NotebookStopped`."""
    log = logging.getLogger("papermill")
    level = log.level
    log.setLevel(logging.ERROR)  # its warnings of "unknown parameters" (names checked here) and unread lines
    try:
        return papermill.execute_notebook(notebook, None, parameters=parameters, cwd=str(path.parent),
                                          progress_bar=False, kernel_manager_class=QuietKernelManager,
                                          extra_arguments=KERNEL_QUIET + KERNEL_READS_LONG_INTEGERS)
    except papermill.PapermillExecutionError as err:
        raise NotebookStopped(*_stopped(err, path)) from None
    except DeadKernelError as err:  # e.g. killed for want of memory
        raise NotebookStopped(f"error: {path}: the notebook's Python kernel died ({err})", False) from None
    finally:
        log.setLevel(level)


def _stopped(err, path: Path) -> tuple[str, bool]:
    """What to show of a notebook's error: a wrong value's one line ``error: ...`` as the notebook shows it (sim's
    errors show only that line in a notebook), else the exception's name and message with the cell it stopped at."""
    if len(err.traceback) == 1 and err.traceback[0].startswith("error: "):
        return err.traceback[0], True
    return f"error: {path}: stopped in cell [{err.exec_count}]: {err.ename}: {err.evalue}", False
