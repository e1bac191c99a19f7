"""What a report needs to be rebuilt from nothing else: the resolved scenario as TOML, seed, trials, language,
code version and package versions, and hashes that name the report folder.

- ``scenario_toml``: the resolved scenario (bases merged, ``--set`` overrides applied) written back as TOML, so that
  ``tomllib`` reads back exactly the same document (dates stay dates). The base chain is not needed any more.
- ``scenario_hash``: SHA-256 of that text: two reports with the same hash ran the same inputs.
- ``scenario_files_sha256``: SHA-256 of each scenario file (base chain) as it was when the report ran, so that a
  rebuild can say a file was edited since; ``data_sha256``: the data tables in sim/data the model reads (mortality,
  rules, age profiles...); ``code.source_sha256``: the workbench's own source, which names the code exactly even
  where ``git_commit`` is "-dirty" or unknown (no git).
- ``run_hash``: the first 10 hex digits of SHA-256 over the scenario hash, seed, trials, language and code
  version: the folder ``reports/<scenario id>/<date>-<run hash>/``. The same inputs on the same day give the same
  folder, which is then refused rather than overwritten.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
import math
import platform
import re
import tomllib
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .i18n import LANGUAGES
from .scenario import Scenario, ScenarioError, is_table, scenario_from_data
from .scenario_schema import MAX_TRIALS, bound, shown

MANIFEST_FORMAT = "jkk-jkm-report/1"
RUN_HASH_DIGITS = 10
PACKAGES = ("numpy", "scipy", "pandas", "matplotlib", "fpdf2", "simpy")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


# --- TOML writing (the subset scenarios use) ------------------------------------------------------------------


def _key(k: str) -> str:
    return k if _BARE_KEY.fullmatch(k) else json.dumps(k, ensure_ascii=False)


def _value(x) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return repr(x)
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)  # JSON string escapes are valid TOML basic-string escapes
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in x) + "]"
    if isinstance(x, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in x.items()) + " }"
    raise TypeError(f"cannot write {type(x).__name__} as TOML")


def override_text(key: str, value) -> str:
    """A --set override as it is given on the command line, ``dotted.key=value`` with the value as TOML, so that
    ``--set`` reads it back as the same value (Python's repr wrote a date as datetime.date(2025, 6, 1), true as
    True)."""
    return f"{key}={_value(value)}"


def dump_toml(data: dict, path: tuple = ()) -> str:
    """``data`` as TOML text that ``tomllib.loads`` turns back into an equal document: tables of keys as
    [sections], parameter tables and texts per language inline, as the scenario files write them."""
    lines = [f"{_key(k)} = {_value(v)}" for k, v in data.items() if not is_table(v)]
    parts = ["\n".join(lines)] if lines else []
    for k, v in data.items():
        if is_table(v):
            sub = path + (k,)
            body = dump_toml(v, sub)
            has_values = any(not is_table(x) for x in v.values()) or not v
            header = f"[{'.'.join(_key(p) for p in sub)}]\n" if has_values else ""
            parts.append(header + body)
    return "\n\n".join(p for p in parts if p)


def scenario_toml(scenario: Scenario) -> str:
    """The resolved scenario as standalone TOML (no base to read: ``scenario.base`` is dropped)."""
    data = copy.deepcopy(scenario.resolved)
    data["scenario"].pop("base", None)
    text = dump_toml(data) + "\n"
    if tomllib.loads(text) != data:
        raise RuntimeError("the resolved scenario does not survive a TOML round trip")  # a bug, not bad input
    return text


# --- hashes and versions --------------------------------------------------------------------------------------


def sha256(text: str | bytes) -> str:
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


def run_hash(scenario_hash: str, seed: int, trials: int, lang: str, code: dict) -> str:
    key = json.dumps([scenario_hash, seed, trials, lang, code.get("workbench_version"), code.get("git_commit")])
    return sha256(key)[:RUN_HASH_DIGITS]


def installed_version(name: str) -> str | None:
    """This machine's version of Python (``name`` "python") or of an installed package; None if not installed."""
    if name == "python":
        return platform.python_version()
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def package_versions() -> dict:
    return {name: installed_version(name) for name in ("python", *PACKAGES)}


def changed_packages(manifest: dict) -> str | None:
    """The versions a report's manifest records (``packages``) that differ from this machine's, as "recorded with
    numpy 2.4.6, this machine has numpy 2.5.0" (every differing one named); None when they agree or none are
    recorded. A release may change what the same seed gives (NumPy does not promise the same random streams across
    releases), so this explains a rebuild that differs; requirements.lock pins the versions the tests passed with."""
    versions = {name: (was, installed_version(name)) for name, was in (manifest.get("packages") or {}).items()}
    changed = {name: pair for name, pair in versions.items() if pair[0] != pair[1]}
    if not changed:
        return None
    recorded, here = (", ".join(f"{name} {pair[i] or 'not installed'}" for name, pair in changed.items())
                      for i in (0, 1))
    return f"recorded with {recorded}, this machine has {here}"


def _package_files(folder, suffixes: tuple) -> dict:
    """{name: SHA-256} of the files directly in a folder of the sim package with one of ``suffixes``."""
    return {f.name: sha256(f.read_bytes()) for f in sorted(folder.iterdir(), key=lambda f: f.name)
            if f.is_file() and f.name.endswith(suffixes)}


def source_hash() -> str:
    """SHA-256 over the workbench's Python source (sim/*.py, by name): the code that ran, dirty tree or not."""
    files = _package_files(resources.files("sim"), (".py",))
    return sha256(json.dumps(sorted(files.items())))


def data_hashes() -> dict:
    """{file: SHA-256} of the data tables in sim/data the model reads (mortality table, rules, age profiles...)."""
    return _package_files(resources.files("sim").joinpath("data"), (".csv", ".toml"))


def file_hashes(files) -> dict:
    """{path: SHA-256 of its bytes, or None if it cannot be read} for the scenario files of a run."""
    out = {}
    for f in files:
        try:
            out[str(f)] = sha256(Path(f).read_bytes()) if Path(f).is_file() else None  # a pipe would never end
        except OSError:
            out[str(f)] = None
    return out


def code_version(git_commit: str | None) -> dict:
    return {"workbench_version": __version__, "git_commit": git_commit, "source_sha256": source_hash()}


def changed_inputs(manifest: dict) -> list[str]:
    """What differs now from the inputs a report recorded: scenario files edited or gone since (the report and a
    rebuild use the manifest's scenario_toml, so they no longer show the file as it is), data tables and code that
    differ. Empty when all agree; a manifest written before these were recorded says nothing of them."""
    out = []
    # Said by --check too, which rebuilds nothing: what a rebuild would use, not what one did.
    own_copy = "(a rebuild uses the manifest's own copy of the scenario, not this file)"
    # A base up the chain (the files run base first) is read by a rebuild where it is there: a calibrated scenario's
    # refits and the comparison with the base's year (sim.scenario.base_of).
    base_read = ("(a rebuild uses the manifest's own copy of the scenario, but reads its base for a calibrated "
                 "scenario's refits and the base's year)")
    files = list((manifest.get("scenario_files_sha256") or {}).items())
    for i, (path, recorded) in enumerate(files):
        note = own_copy if i == len(files) - 1 else base_read
        now = file_hashes([path])[path]
        if now is None:
            out.append(f"scenario file {path} is no longer there {note}")
        elif now != recorded:
            out.append(f"scenario file {path} was edited after the report was written {note}")
    recorded_data = manifest.get("data_sha256")
    if recorded_data is not None:
        now = data_hashes()
        for name in sorted(set(recorded_data) | set(now)):
            if name not in now:
                out.append(f"data table sim/data/{name}, which the report used, is no longer there")
            elif name not in recorded_data:
                out.append(f"data table sim/data/{name} is new since the report was written")
            elif recorded_data[name] != now[name]:
                out.append(f"data table sim/data/{name} differs from the one the report used")
    recorded_code = (manifest.get("code") or {}).get("source_sha256")
    if recorded_code is not None and recorded_code != source_hash():
        out.append(f"the workbench source differs from the one the report ran "
                   f"(git {(manifest.get('code') or {}).get('git_commit') or '-'})")
    return out


def changed_files(folder: str | Path, manifest: dict) -> list[str]:
    """The report's own files that no longer match the manifest's files_sha256 (edited, or gone)."""
    out = []
    for name, recorded in (manifest.get("files_sha256") or {}).items():
        try:
            if not (Path(folder) / name).is_file():  # read_manifest keeps names in the folder; not a pipe or device
                raise FileNotFoundError(name)
            now = sha256((Path(folder) / name).read_bytes())
        except OSError:
            out.append(f"{name} (missing)")
            continue
        if now != recorded:
            out.append(name)
    return out


# --- reading a manifest back ----------------------------------------------------------------------------------


def read_manifest(path: str | Path) -> dict:
    """A report's manifest.json, with every field a rebuild reads checked (:func:`check_manifest`); bad input is a
    ScenarioError (one line naming the file, the key and the problem), raised before anything is run or written."""
    path = Path(path)
    if path.is_dir():
        path = path / "manifest.json"
    # Not a pipe, a device (/dev/zero read for ever) or a file far larger than any manifest: said before reading it.
    if path.exists() and not path.is_file():
        raise ScenarioError(str(path), "", "not a regular file (a manifest is a report folder's manifest.json)")
    if path.is_file() and path.stat().st_size > MANIFEST_MAX_BYTES:
        raise ScenarioError(str(path), "", f"{path.stat().st_size:,} bytes: too large for a report manifest "
                                           f"(at most {MANIFEST_MAX_BYTES:,})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(str(path), "", "file not found") from None
    except json.JSONDecodeError as err:  # a report's HTML or a scenario given by mistake: say what was expected
        raise ScenarioError(str(path), "", f"not JSON ({err.msg} at line {err.lineno} column {err.colno}): a manifest "
                            "is the manifest.json of a report folder") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError(str(path), "", f"cannot read manifest: {err}") from None
    check_manifest(manifest, path)
    return manifest


def _whole(lo: int, hi: int):
    """A JSON integer (not 2.0, "3" or true) from lo to hi."""

    def check(x):
        if not isinstance(x, int) or isinstance(x, bool) or x < lo:
            return f"must be a whole number >= {bound(lo)}, got {shown(x)}"
        if x > hi:
            return f"must be a whole number <= {bound(hi)}, got {shown(x)}"
        return None

    return check


def _string(pattern: str | None = None, describe: str = "a non-empty string"):
    def check(x):
        if not isinstance(x, str) or not x.strip() or (pattern and not re.fullmatch(pattern, x)):
            return f"must be {describe}, got {shown(x)}"
        return None

    return check


def _one_of(choices):
    def check(x):
        return None if isinstance(x, str) and x in choices else f"must be one of {', '.join(choices)}, got {shown(x)}"

    return check


def _list_of(item_check, describe: str):
    """A JSON list whose every item passes ``item_check`` (which says True for a good item)."""

    def check(x):
        if not isinstance(x, list):
            return f"must be a list of {describe}, got {shown(x)}"
        for i, item in enumerate(x):
            if not item_check(item):
                return f"must be a list of {describe}; item {i} is {shown(item)}"
        return None

    return check


def _is_override(x) -> bool:
    return isinstance(x, str) and "=" in x and bool(x.partition("=")[0].strip())


def _is_difference(x) -> bool:
    return isinstance(x, list) and len(x) == 3 and isinstance(x[0], str) and bool(x[0].strip())


def _string_or_null(x):
    return None if x is None or (isinstance(x, str) and x.strip()) else \
        f"must be a non-empty string or null, got {shown(x)}"


# Every field a rebuild reads, in the order they are checked (the first problem is the one reported).
# scenario_id, title, seed and trials are read from scenario_toml; the manifest's copies must agree with it.
MANIFEST_FIELDS = {
    "scenario_toml": _string(describe="the resolved scenario as TOML text"),
    "scenario_hash": _string(r"[0-9a-f]{64}", "a SHA-256 hex digest (64 hex digits)"),
    "scenario_id": _string(r"[a-z0-9][a-z0-9-]*", "a scenario id (lowercase letters, digits and -)"),
    "title": _string(),
    "lang": _one_of(LANGUAGES),
    "seed": _whole(0, 2**63 - 1),  # the bounds of scenario.seed and scenario.trials (sim/scenario_schema.py)
    "trials": _whole(1, MAX_TRIALS),
    "chunk_trials": _whole(1, MAX_TRIALS),
    "overrides": _list_of(_is_override, '"KEY=VALUE" strings'),
    "scenario_files": _list_of(lambda x: isinstance(x, str) and bool(x.strip()), "file paths (strings)"),
    "base": _string_or_null,
    "base_differences": _list_of(_is_difference, "[dotted key, base value, this value] triples"),
}


def _hashes(allow_none: bool, in_folder: bool = False):
    """A JSON object of {name: SHA-256 hex digest} (``allow_none``: or null, for a file that could not be read;
    ``in_folder``: each name a file of the report folder itself, as a report writes them, not a path: --check reads
    them, and "../../etc/hostname" or "/dev/zero" would read outside it)."""

    def check(x):
        if not isinstance(x, dict):
            return f"must be an object of {{name: SHA-256 hex digest}}, got {shown(x)}"
        for name, v in x.items():
            if not (isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v) or (allow_none and v is None)):
                return f"{shown(name)}: must be a SHA-256 hex digest, got {shown(v)}"
            if in_folder and (name in ("", ".", "..") or "/" in name or "\\" in name):
                return f"{shown(name)}: must be the name of a file in the report folder, not a path"
        return None

    return check


# A report's manifest holds its scenario's text and the hashes of its files: some kilobytes. Far above any real one.
MANIFEST_MAX_BYTES = 16 * 1024 * 1024


# Fields a rebuild or its checks read when present (manifests written before they were recorded lack them).
OPTIONAL_FIELDS = {
    "scenario_files_sha256": _hashes(allow_none=True),
    "data_sha256": _hashes(allow_none=False),
    "files_sha256": _hashes(allow_none=False, in_folder=True),
    "code": lambda x: None if isinstance(x, dict) else f"must be an object, got {shown(x)}",
    "packages": lambda x: None if isinstance(x, dict) and all(v is None or isinstance(v, str) for v in x.values())
    else f"must be an object of {{package: version string or null}}, got {shown(x)}",
}
# manifest key -> key in scenario_toml's [scenario] table
_FROM_SCENARIO = {"scenario_id": "id", "title": "title", "seed": "seed", "trials": "trials"}


def check_manifest(manifest, path: str | Path) -> None:
    """Check every field a rebuild reads, before any work starts: its format, each field present with the right
    type and range, scenario_toml matching scenario_hash, and scenario_id/title/seed/trials matching scenario_toml.
    The first problem is a ScenarioError naming the manifest file and the key."""
    file = str(path)
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise ScenarioError(file, "format", f"not a report manifest (expected format {MANIFEST_FORMAT!r})")
    for key in MANIFEST_FIELDS:
        if key not in manifest:
            raise ScenarioError(file, key, "missing")
    for key, check in MANIFEST_FIELDS.items():
        problem = check(manifest[key])
        if problem:
            raise ScenarioError(file, key, problem)
        if key == "scenario_hash" and sha256(manifest["scenario_toml"]) != manifest["scenario_hash"]:
            raise ScenarioError(file, "scenario_toml", "does not match scenario_hash (the manifest was edited)")
    for key, check in OPTIONAL_FIELDS.items():
        problem = check(manifest[key]) if key in manifest else None
        if problem:
            raise ScenarioError(file, key, problem)
    try:
        scen = tomllib.loads(manifest["scenario_toml"]).get("scenario")
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(file, "scenario_toml", f"malformed TOML: {err}") from None
    if not isinstance(scen, dict):
        return  # no [scenario] table: validating the scenario itself (manifest_scenario) says what is wrong
    for key, toml_key in _FROM_SCENARIO.items():
        value = scen.get(toml_key)
        if isinstance(value, dict):  # a title per language: the manifest, like every JSON file, holds the English
            value = value.get("en")
        if toml_key in scen and value != manifest[key]:
            raise ScenarioError(file, key, f"is {shown(manifest[key])} but scenario_toml has scenario.{toml_key} = "
                                           f"{shown(scen[toml_key])} (the manifest was edited)")


def manifest_scenario(manifest: dict, path: str | Path) -> Scenario:
    """The scenario a manifest describes, validated like a scenario file."""
    try:
        data = tomllib.loads(manifest["scenario_toml"])
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(str(path), "scenario_toml", f"malformed TOML: {err}") from None
    # The files the report read: a calibrated scenario's refits find the base it was fitted from there first.
    return dataclasses.replace(scenario_from_data(data, f"{path}: scenario_toml"),
                               recorded_files=tuple(manifest["scenario_files"]))


def differing_numbers(a, b, path: str = "", skip=("provenance",)) -> list[str]:
    """Dotted paths where two JSON documents differ (``skip``: top-level keys that name where a run came from)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if not path and k in skip:
                continue
            out += differing_numbers(a.get(k), b.get(k), f"{path}{k}.", skip)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += differing_numbers(x, y, f"{path}{i}.", skip)
        return out
    return [] if a == b else [path.rstrip(".")]
