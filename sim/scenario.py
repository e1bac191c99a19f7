"""Scenario files: reading, inheriting from a base, overriding, and validating against the schema.

A scenario is a TOML file (format in ``scenarios/README.md``). Every parameter is a table
``{ value = ..., unit = "...", source = "...", basis = "..." }`` and an assumption also has a plausible ``range``.
The schema (``sim/scenario_schema.py``) is the one list of keys the workbench knows; anything else is an error that
names the file, the key and the problem, so that a misspelt key never silently falls back to a default.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import math
import re
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .i18n import LANGUAGE_NAMES, LANGUAGES, in_each_language
from .planning_schema import build_planning, enrols_from_nothing, validate_planning
from .regulation import RuleError, load_regulation, month_dates
from .scenario_schema import (
    ASSUMPTION_FIELDS, ASSUMPTION_TABLES, BASES, BUDGET_FIELDS, CALIBRATION_FIELDS, CALIBRATION_OBSERVATION_FIELDS,
    GOODNESS_OF_FIT_FIELDS, MISFIT_P, OPTIONAL_TABLES, PARAM_KEYS, POSTERIOR_FIELDS, SCENARIO_FIELDS, SEGMENT_FIELDS,
    SEVERITY_SHARES, SHARE_TOLERANCE, TOP_TABLES, TRANSLATED_KEYS, UNCERTAINTY_FIELDS, _is_number, age_bands,
    age_shift_range, child_scale_range, medical_cost_trend_range, shown, wage_growth_range,
)
from .scenario_schema import BPU_PACKAGE_PREMIUM, LOWEST_WAGE, SMALLEST_PROGRAMME, SMALLEST_PROGRAMME_BUDGET
# Re-exported for existing importers (sim.cli, sim.calibration and the tests import these, and the field tables
# and SEVERITY_SHARES above, from sim.scenario); new code imports them from sim.scenario_schema.
from .scenario_schema import CHILDREN_FIELDS, SEVERITY_FIELDS, month, number, text  # noqa: F401

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"


class ScenarioError(ValueError):
    """A problem with a scenario: ``str()`` is one line naming the file, the key and the problem."""

    def __init__(self, file: str, key: str, problem: str):
        self.file, self.key, self.problem = file, key, problem
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}")

    def _render_traceback_(self) -> list[str]:
        """What IPython (a notebook) shows for this error: the one line the command line prints, not a wall of
        traceback through the workbench's code (the planner's fix is in the parameters cell, not in ``sim/``)."""
        return one_line_error(self)


def one_line_error(err: Exception) -> list[str]:
    """``error: <message>`` as one line (control characters from a file shown escaped), in a list as IPython's
    ``_render_traceback_`` returns it."""
    return ["error: " + "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(err))]


# --- Reading files, bases and overrides -----------------------------------------------------------------------


def find_scenario(ref: str | Path) -> Path:
    """A scenario by path, or by id in ``scenarios/``."""
    path = Path(ref)
    if path.suffix == ".toml" or path.exists():
        if path.is_dir():
            raise ScenarioError(str(path), "", "is a folder, not a scenario file")
        if not path.is_file():
            raise ScenarioError(str(path), "", "file not found" + _shipped_hint(path))
        return path
    candidate = SCENARIO_DIR / f"{ref}.toml"
    if not candidate.is_file():
        raise ScenarioError(str(ref), "", f"no such scenario file (looked for {candidate}){closest_scenario_id(str(ref))}")
    return candidate


def _shipped_hint(path: Path) -> str:
    """For ``jambi-2025.toml`` typed outside scenarios/: the id that names the shipped file, or ""."""
    if path.is_absolute() or not (SCENARIO_DIR / path).is_file():
        return ""
    return f" (the scenario id {path.with_suffix('').as_posix()!r}, without .toml, names {SCENARIO_DIR / path})"


def closest_scenario_id(ref: str) -> str:
    """"; did you mean 'jambi-2025'?" for the shipped scenario id closest to a mistyped one (jambi-2O25, Jambi-2025,
    jambi2025), or "" if none is close. Close means one or two characters off: madiun-2099 is another year, not a
    typo of madiun-2025, and is left without a suggestion."""
    close = difflib.get_close_matches(ref, sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")), n=1, cutoff=0.85)
    return f"; did you mean {close[0]!r}?" if close else ""


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ScenarioError(str(path), "", "file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(str(path), "", f"malformed TOML: {err}{_thousands_hint(path, err)}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError(str(path), "", f"cannot read file: {err}") from None


# A number written with dots between groups of three digits (2.400.000, Indonesian style): TOML cannot read it.
DOT_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3}){2,}")
QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'""")  # a TOML string on one line, basic or literal


def _thousands_hint(path: Path, err: tomllib.TOMLDecodeError) -> str:
    """A hint for a syntax error on a line holding a number with dot thousands separators (``wage = 2.400.000`` is
    "Unclosed inline table"), which names neither the number nor the cause. Numbers inside strings (an Indonesian
    source citing Rp2.190.216) are no cause. The line number is read from the message (Python 3.11's error has no
    lineno attribute)."""
    where = re.search(r"at line (\d+)", str(err))
    if where is None:
        return ""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    line_no = int(where.group(1))
    if line_no > len(lines) or not DOT_THOUSANDS.search(QUOTED.sub('""', lines[line_no - 1])):
        return ""
    return "; numbers are written without thousands separators (2400000, not 2.400.000)"


def _merge(base: dict, override: dict, origin: dict, file: str, prefix: str = "") -> dict:
    """Deep-merge ``override`` into a copy of ``base``; record which file set each dotted key."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value, origin, file, dotted + ".")
        else:
            merged[key] = copy.deepcopy(value)
            # A table replaced by a non-table (``[[segments]]`` for ``[segments.NAME]``): the base no longer set the
            # keys below it, so an error about it names this file, not the base.
            for below in [k for k in origin if k.startswith(dotted + ".") or k.startswith(dotted + "[")]:
                del origin[below]
            origin[dotted] = file
    for text_key, translated in TRANSLATED_KEYS.items():
        # A file that restates a source (or note) in English only leaves no stale Indonesian text of its base's.
        if text_key in override and translated not in override and translated in merged:
            del merged[translated]
            origin.pop(f"{prefix}{translated}", None)
    return merged


def _origin_of(origin: dict, key: str, default: str) -> str:
    while key:
        if key in origin:
            return origin[key]
        # An entry of an array of tables ("calibration.observation[0]") was set with its array.
        key = key[: key.rindex("[")] if key.endswith("]") else key.rpartition(".")[0]
    return default


def _load_chain(path: Path, origin: dict, seen: tuple = ()) -> tuple[dict, list[Path]]:
    """Read a file and, recursively, the base it names; return the merged data and the chain of files."""
    resolved = path.resolve()
    if resolved in seen:  # name the files of the loop: which base line to mend is not always the first file's
        loop = " -> ".join(f.name for f in seen[seen.index(resolved):] + (resolved,))
        raise ScenarioError(str(path), "scenario.base", f"bases form a cycle: {loop}")
    data = _read_toml(path)
    base_ref = data.get("scenario", {}).get("base") if isinstance(data.get("scenario"), dict) else None
    if base_ref is None:
        _merge({}, data, origin, str(path))
        return data, [path]
    if not isinstance(base_ref, str) or not base_ref.strip():
        raise ScenarioError(str(path), "scenario.base", f"must name a scenario id, got {base_ref!r}")
    name = base_ref if base_ref.endswith(".toml") else f"{base_ref}.toml"
    base_path = path.parent / name
    if not base_path.is_file() and (SCENARIO_DIR / name).is_file():
        # A copy made outside scenarios/ (a planner's variant) still finds the shipped base it names.
        base_path = SCENARIO_DIR / name
    if not base_path.is_file():
        raise ScenarioError(str(path), "scenario.base", f"base scenario file not found: {path.parent / name} "
                                                        f"(nor {SCENARIO_DIR / name})")
    base_data, chain = _load_chain(base_path, origin, seen + (resolved,))
    merged = _merge(base_data, data, origin, str(path))
    merged["scenario"].pop("base", None)
    merged["scenario"]["base"] = base_ref
    return merged, chain + [path]


def parse_override(text_: str) -> tuple[str, object]:
    """``dotted.key=value`` from ``--set``; the value is read as TOML, else taken as a string."""
    key, sep, raw = text_.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ScenarioError("--set", text_, "must be written dotted.key=value")
    if not re.fullmatch(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*", key):  # it has the form; a name in it does not
        raise ScenarioError("--set", key, "a key is names of letters a-z, digits, _ and - joined by single dots, "
                                          "without quotes or spaces (segments.vulnerable.members)")
    if key == "scenario.base":  # bases are read before any --set applies: an override would be recorded, not used
        raise ScenarioError("--set", key, "cannot be overridden: the base is read from the file; edit its base line")
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return key, value


def node_at(document: dict, dotted: str):
    """The node at a dotted key of a scenario document (``segments.vulnerable.members``), None where there is none."""
    for part in dotted.split("."):
        if not isinstance(document, dict) or part not in document:
            return None
        document = document[part]
    return document


def apply_override(data: dict, key: str, value, origin: dict) -> None:
    """Set a dotted key; on a parameter table a bare value sets its value and records the override as its source, and
    a whole table ({ value = ..., unit = ..., source = ..., basis = ... }) replaces it."""
    parts = key.split(".")
    node = data
    for i, part in enumerate(parts[:-1]):
        child = node.get(part)
        if child is None:
            child = node[part] = {}
        if not isinstance(child, dict):  # blame whoever made it a value: the file, or an earlier --set
            prefix = ".".join(parts[: i + 1])
            raise ScenarioError(_origin_of(origin, prefix, "--set"), prefix, f"is a value, not a table (cannot --set {key})")
        node = child
    last = parts[-1]
    # A parameter table given whole ({ value = ..., unit = ..., ... }) replaces the table; a bare value sets its value.
    whole = isinstance(value, dict) and "value" in value
    if isinstance(node.get(last), dict) and "value" in node[last] and not whole:
        node[last]["value"] = value
        was, was_id = node[last].get("source", ""), node[last].get("source_id") or node[last].get("source", "")
        node[last]["source"] = f"command-line override (--set {key}); was: {was}"
        node[last]["source_id"] = f"diubah dari baris perintah (--set {key}); sebelumnya: {was_id}"
        if node[last].get("basis") == "assumption" and "range" in node[last]:
            node[last]["range"] = _widen_range(node[last]["range"], value)
        if not _is_number(value) and not key.endswith(RANGE_OF_A_FACTOR):
            node[last].pop("range", None)  # a single number's range, which a list (a budget by year) does not have
    else:
        node[last] = value
        translated = TRANSLATED_KEYS.get(last)
        if translated and "value" in node:
            node.pop(translated, None)  # a --set of a parameter's English source: its Indonesian text is stale
        # What the files set below ``key`` is gone with the table it replaced: an error there is the --set's.
        for below in [k for k in origin if k.startswith(key + ".")]:
            del origin[below]
    origin[key] = "--set"


def _widen_range(rng, value):
    """A planner testing a value outside the stated plausible range is allowed to; the range shows it."""
    if isinstance(rng, list) and len(rng) == 2 and all(map(_is_number, rng)) and _is_number(value):
        return [min(rng[0], value), max(rng[1], value)]
    return rng


# --- Validation -----------------------------------------------------------------------------------------------


# The one list-valued parameter with a range: the children table's, a range of a factor on the table
# (scenario_schema.child_scale_range), checked with the table.
RANGE_OF_A_FACTOR = ".by_member_age"
NEW_CITY_BASE = "base/national-defaults"  # the base a new city's scenario starts from (scenarios/README.md)


@lru_cache(maxsize=1)
def _defaults() -> dict:
    return tomllib.loads((SCENARIO_DIR / f"{NEW_CITY_BASE}.toml").read_text(encoding="utf-8"))


def _given_by_defaults(dotted: str) -> bool:
    """Whether the national defaults give the table or key ``dotted``."""
    return node_at(_defaults(), dotted) is not None  # TOML has no null: a key given is never None


def _did_you_mean(key: str, known) -> str:
    """" did you mean 'members'?" for the known name closest to the last part of ``key``, or "" if none is close."""
    close = difflib.get_close_matches(key.rpartition(".")[2], list(known), n=1)
    return f" did you mean {close[0]!r}?" if close else ""


KNOWN_LISTED = 8  # an unknown key with no close match lists the known names when there are at most this many


def _unknown(key: str, known) -> str:
    """"unknown key", with the closest known name, or else the known names when they are few (a pipeline's stages:
    ``[pipeline.rt]`` resembles none of kelurahan, kecamatan, disnaker, bpjs, and the planner needs their names)."""
    known = list(known)
    hint = _did_you_mean(key, known)
    if hint:
        return f"unknown key ({hint.strip()})"
    if 0 < len(known) <= KNOWN_LISTED:
        return f"unknown key (known: {', '.join(known)})"
    return "unknown key"


class _Validator:
    def __init__(self, data: dict, origin: dict, default_file: str, files=()):
        self.data, self.origin, self.default_file = data, origin, default_file
        self.rank = {f: i for i, f in enumerate(files)}  # base first, most derived (and --set) last

    def fail(self, key: str, problem: str, related=()):
        """Blame the file that set ``key``; for a check across keys, the most derived file that set any of them."""
        files = [self._file_of(k) for k in (key, *related)]
        raise ScenarioError(max(files, key=lambda f: self.rank.get(f, -1)), key, problem)

    def _missing(self, prefix: str, dotted: str):
        """A required key is missing from table ``prefix``. A new entry that only ``--set`` made in a table of named
        entries the files fill (e.g. a mistyped segment name, ``--set segments.vulnerabel.members=10``) is the
        --set's fault; otherwise the key is to be added to the scenario being read (a file without a [scenario]
        table is at fault even when --trials sets scenario.trials)."""
        sources = {f for k, f in self.origin.items() if k == prefix or k.startswith(prefix + ".")}
        parent = prefix.rpartition(".")[0]
        filled = parent and any((k == parent or k.startswith(parent + ".")) and f != "--set" for k, f in self.origin.items())
        # An optional table the scenario lacks, begun by a --set into it (not [scenario], which --trials sets too).
        if sources == {"--set"} and prefix in OPTIONAL_TABLES:
            raise ScenarioError("--set", prefix, f"the scenario has no [{prefix}] table, so --set has nothing to change "
                                f"(it lacks {dotted.rpartition('.')[2]!r}): write the whole table in a scenario file")
        if sources == {"--set"} and filled:
            siblings = [k for k in self._node(parent) if k != prefix.rpartition(".")[2]]
            raise ScenarioError("--set", prefix, f"is a table only --set made, and it lacks {dotted.rpartition('.')[2]!r} "
                                f"(a mistyped name?{_did_you_mean(prefix, siblings)} a new table needs all its keys)")
        raise ScenarioError(self.default_file, dotted, "missing" + self.defaults_hint(dotted))

    def defaults_hint(self, dotted: str) -> str:
        """For a table or key missing from a scenario without a base, which the national defaults give: a file
        written from scratch otherwise fails one missing table per run."""
        scen = self.data.get("scenario")
        if (isinstance(scen, dict) and "base" in scen) or not _given_by_defaults(dotted):
            return ""
        what = "the assumption tables" if dotted == "assumptions" else "it"
        return f' (a new city\'s scenario usually starts from base = "{NEW_CITY_BASE}", which gives {what})'

    def _node(self, dotted: str) -> dict:
        """The table at ``dotted`` in the merged document ({} where there is none)."""
        node = node_at(self.data, dotted)
        return node if isinstance(node, dict) else {}

    def _file_of(self, key: str) -> str:
        below = [f for k, f in self.origin.items() if k.startswith(key + ".")]
        if below:  # a parameter table merged field by field: the most derived file that set a field of it
            return max(below, key=lambda f: self.rank.get(f, -1))
        return _origin_of(self.origin, key, self.default_file)

    def table(self, node, prefix: str, fields: dict, subtables: dict | None = None, also_known=()) -> dict:
        """``node`` checked against ``fields`` and ``subtables``; ``also_known``: names the caller checks itself
        (a pipeline's stages), named beside them when a key is unknown."""
        if not isinstance(node, dict):
            self.fail(prefix, "must be a table")
        subtables = subtables or {}
        for key in node:
            if key not in fields and key not in subtables:
                self.fail(f"{prefix}.{key}", _unknown(key, [*fields, *subtables, *also_known]))
        out = {}
        for key, field in fields.items():
            dotted = f"{prefix}.{key}"
            if key not in node:
                if field.required:  # no file set it: blame the scenario being read, where it is to be added
                    self._missing(prefix, dotted)
                continue
            if field.is_param:
                out[key] = self.param(node[key], dotted, field)
            elif field.worded:
                out[key] = self.worded(node[key], dotted, field)
            else:
                out[key] = self.plain(node[key], dotted, field)
        for key, sub in subtables.items():
            if key not in node:
                dotted = f"{prefix}.{key}"
                raise ScenarioError(self.default_file, dotted, "missing table" + self.defaults_hint(dotted))
            out[key] = self.table(node[key], f"{prefix}.{key}", sub)
        return out

    def plain(self, value, key, field):
        if isinstance(value, dict):
            self.fail(key, "must be a plain value, not a table")
        problem = field.check(value)
        if problem:
            self.fail(key, problem)
        return value

    def worded(self, value, key, field):
        """A text for readers: one line for every report language, or ``{ en = "...", id = "..." }``. A file that
        sets one language sets both, so a derived scenario cannot pair its own English with its base's Indonesian."""
        if not isinstance(value, dict):
            return self.plain(value, key, field)
        for code in value:
            if code not in LANGUAGES:
                self.fail(f"{key}.{code}", f"{_unknown(code, LANGUAGES)}; a text per language takes "
                          f"{' and '.join(LANGUAGES)}")
        for code in LANGUAGES:
            if code not in value:
                self.fail(f"{key}.{code}", "missing: a text given per language needs "
                          + " and ".join(f"{c} ({LANGUAGE_NAMES[c]})" for c in LANGUAGES))
            self.plain(value[code], f"{key}.{code}", field)
        setters = {self._file_of(f"{key}.{code}") for code in LANGUAGES}
        if len(setters) > 1:
            self.fail(key, f"sets its {' and '.join(LANGUAGES)} texts in different places "
                      f"({', '.join(sorted(map(str, setters)))}): set both together")
        return value

    def param(self, node, key, field):
        if not isinstance(node, dict):
            problem = 'must be a parameter table { value = ..., unit = "...", source = "...", basis = "..." }'
            # An optional parameter the files do not give: no value to replace. Only a number is shown as the value
            # to write: a text's quotes would end the hint's own single-quoted --set.
            if self.origin.get(key) == "--set":
                value = node if _is_number(node) else "..."
                problem += (f"; the scenario does not give it, so --set has no value to replace: write the table, "
                            f"--set '{key}={{ value = {value}, unit = \"{field.unit}\", source = \"...\", "
                            f"basis = \"assumption\", range = [low, high] }}'")
            self.fail(key, problem)
        for k in node:
            if k not in PARAM_KEYS:
                self.fail(f"{key}.{k}", _unknown(k, PARAM_KEYS))
        for k in ("value", "unit", "source", "basis"):
            if k not in node:
                self.fail(f"{key}.{k}", "missing")
        if node["unit"] != field.unit:
            self.fail(f"{key}.unit", f"wrong unit: expected {field.unit!r}, got {node['unit']!r}")
        if not isinstance(node["source"], str) or not node["source"].strip():
            self.fail(f"{key}.source", "must name a source (law, data, or 'assumption: why')")
        for k in ("source_id", "note_id"):
            if k in node and (not isinstance(node[k], str) or not node[k].strip()):
                self.fail(f"{key}.{k}", f"must be a non-empty text (the {k[:-3]} in Indonesian), got {shown(node[k])}")
        if node["basis"] not in BASES:
            self.fail(f"{key}.basis", f"must be one of {', '.join(BASES)}; got {node['basis']!r}")
        problem = field.check(node["value"])
        if problem:
            self.fail(f"{key}.value", problem)
        if _is_number(node["value"]) and (node["basis"] == "assumption" or "range" in node):
            self.check_range(node, key)
        elif "range" in node and not key.endswith(RANGE_OF_A_FACTOR):
            # Accepted unchecked, it drew no bar: the sensitivity moves a single number to the ends of its range. A
            # range left from a base's single number, which a list given later replaced, was that number's: it goes.
            if _origin_of(self.origin, f"{key}.range", "") == _origin_of(self.origin, f"{key}.value", ""):
                self.fail(f"{key}.range", f"a range applies to a single number; this value is a list "
                                          f"({shown(node['value'], 40)}), which has none: the sensitivity does not "
                                          f"move it")
            del node["range"]
        return node["value"]

    def check_range(self, node, key):
        """The sensitivity tornado moves a parameter to each end of any range it states, whatever its basis: an end
        the value's own check refuses skips the bar with its reason, but an infinite one ended the report in a
        traceback (OverflowError), so it is refused here."""
        rng = node.get("range")
        if rng is None:
            # No file gave a range: the file that made the figure an assumption is the one to mend.
            self.fail(f"{key}.range", "an assumption needs a plausible range [low, high]", related=(f"{key}.basis",))
        if not (isinstance(rng, list) and len(rng) == 2 and all(map(_is_number, rng)) and rng[0] <= rng[1]):
            self.fail(f"{key}.range", f"must be [low, high], two numbers with low <= high, got {shown(rng, 120)}")
        if not all(map(math.isfinite, rng)):
            self.fail(f"{key}.range", f"each end must be a finite number, got {shown(rng, 120)}")
        if node["basis"] == "assumption" and not rng[0] <= node["value"] <= rng[1]:
            self.fail(f"{key}.value", f"{node['value']!r} lies outside its stated range {rng!r}")


def validate(data: dict, origin: dict, file: str, files=()) -> dict:
    """Check the merged scenario against the schema; return the plain values (parameter tables unwrapped).

    ``files``: the base chain, base first, then "--set"; an error is blamed on the most derived of them that set
    one of the keys involved.
    """
    v = _Validator(data, origin, file, files)
    if not isinstance(data, dict):
        v.fail("", "must be a TOML document")
    for key in data:
        if key == "experience" and "scenario" not in data:  # the file next to the scenarios that is not one
            v.fail(key, "unknown key: this is an experience file (observed claims), read by 'sim calibrate' and "
                        "checked by 'sim validate', not a scenario")
        if key not in TOP_TABLES:
            v.fail(key, _unknown(key, TOP_TABLES))
    # A [scenario] written as a value (scenario = "x") is the first thing to mend, before the tables it then lacks.
    if "scenario" in data and not isinstance(data["scenario"], dict):
        v.fail("scenario", f"must be a table ([scenario] with id, title, ...), got {shown(data['scenario'], 60)}")
    for key in ("scenario", "segments", "assumptions"):
        if key not in data:
            v.fail(key, "missing table" + v.defaults_hint(key))
    values = {
        "scenario": v.table(data["scenario"], "scenario", SCENARIO_FIELDS),
        "assumptions": v.table(data["assumptions"], "assumptions", ASSUMPTION_FIELDS, ASSUMPTION_TABLES),
        "segments": {},
        "budget": v.table(data.get("budget", {}), "budget", BUDGET_FIELDS),
        "uncertainty": v.table(data.get("uncertainty", {}), "uncertainty", UNCERTAINTY_FIELDS),
    }
    segments = data["segments"]
    if not isinstance(segments, dict):
        v.fail("segments", f"must be a table of segments, one [segments.NAME] each, got {shown(segments, 60)}")
    if not segments:
        v.fail("segments", "needs at least one segment table")
    for name, node in segments.items():
        key = f"segments.{name}"
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
            v.fail(key, "segment names use lower-case letters, digits, - and _")
        seg = v.table(node, key, SEGMENT_FIELDS)
        _check_segment(v, key, seg)
        values["segments"][name] = seg
    sev = values["assumptions"]["severity"]
    total = sum(sev[k] for k in SEVERITY_SHARES)
    if abs(total - 1) > SHARE_TOLERANCE:
        v.fail("assumptions.severity", f"the five share_* values must sum to 1, got {total:.6g}",
               [f"assumptions.severity.{k}" for k in SEVERITY_SHARES])
    _check_children(v, values["assumptions"]["children"], data["assumptions"]["children"])
    _check_value_ranges(v, data["assumptions"])
    _check_start(v, values["scenario"])
    _check_bpu_income(v, values, segments)
    values["planning"] = validate_planning(v, data, values)
    values["calibration"] = _calibration(v, data["calibration"]) if "calibration" in data else None
    return values


def _calibration(v: _Validator, node) -> dict:
    """The [calibration] record of a calibrated scenario, checked like every other table (unknown keys, units,
    values), as plain values: the posterior multipliers with their 90 % intervals, the goodness of fit and the
    observations with the calibrated model's expected figures for the same window."""
    if not isinstance(node, dict):
        v.fail("calibration", "must be a table ([calibration])")
    head = v.table({k: x for k, x in node.items() if k != "observation"}, "calibration", CALIBRATION_FIELDS,
                   {"posterior": POSTERIOR_FIELDS, "goodness_of_fit": GOODNESS_OF_FIT_FIELDS})
    out = {k: head[k] for k in CALIBRATION_FIELDS if k in head}
    for name in POSTERIOR_FIELDS:
        key = f"calibration.posterior.{name}"
        rng = node["posterior"][name].get("range")
        if not (isinstance(rng, list) and len(rng) == 2 and all(map(_is_number, rng)) and 0 < rng[0] <= rng[1]):
            v.fail(f"{key}.range", "must be the 90 % credible interval [low, high], two positive numbers with "
                                   f"low <= high, got {shown(rng, 120)}")
        out[name] = {"mean": head["posterior"][name], "p5": rng[0], "p95": rng[1]}
    fit = dict(head["goodness_of_fit"])
    if fit["fits"] != (fit["p_value"] >= MISFIT_P):
        v.fail("calibration.goodness_of_fit.fits", f"must be {str(fit['p_value'] >= MISFIT_P).lower()}: the "
               f"observations fit when p_value is at least {MISFIT_P:g} (p_value = {fit['p_value']:g})",
               ["calibration.goodness_of_fit.p_value"])
    out["goodness_of_fit"] = fit
    listed = node.get("observation")
    if not isinstance(listed, list) or not listed:
        v.fail("calibration.observation", "needs at least one [[calibration.observation]] table, got "
                                          f"{shown(listed, 120)}" if "observation" in node else "missing")
    out["observations"] = []
    for i, entry in enumerate(listed):
        key = f"calibration.observation[{i}]"
        obs = v.table(entry, key, CALIBRATION_OBSERVATION_FIELDS)
        if obs["to"] < obs["from"]:
            v.fail(f"{key}.to", f"{obs['to']} is before 'from' ({obs['from']})", [f"{key}.from"])
        if "claims" not in obs and "amount" not in obs:
            v.fail(key, "needs claims, amount or both")
        for name in obs.get("fit", ()):
            if name not in obs:
                v.fail(f"{key}.fit", f"names {name}, which the observation does not record", [f"{key}.{name}"])
        out["observations"].append(obs)
    return out


def _check_segment(v: _Validator, key: str, seg: dict) -> None:
    if seg["scheme"] == "PU" and "risk_class" not in seg:
        v.fail(f"{key}.risk_class", "missing (PU members pay JKK by risk class I-V)", [f"{key}.scheme"])
    if seg["scheme"] == "BPU" and "risk_class" in seg:
        v.fail(f"{key}.risk_class", "applies to PU only; BPU pay 1 % of the income band", [f"{key}.scheme"])
    has_profile, has_bands = "age_profile" in seg, "age_bands" in seg
    if has_profile == has_bands:
        v.fail(f"{key}.age_profile", "give exactly one of age_profile (a named profile) or age_bands", [f"{key}.age_bands"])
    if has_profile and seg["age_profile"] not in age_profiles():
        v.fail(f"{key}.age_profile", f"unknown profile; known: {', '.join(age_profiles())}")


def _check_children(v: _Validator, kids: dict, node: dict) -> None:
    """The children are given in one of two forms: the same for every member (count_shares and age_max) or by the
    member's age (by_member_age). Both at once would leave one of them silently unused. The table's optional range
    is of a factor on it (``scenario_schema.child_scale_range``), not of its numbers (``node``: the table as the
    files give it, parameter tables and all)."""
    key = "assumptions.children"
    rng = node.get("by_member_age", {}).get("range")
    if rng is not None:
        problem = child_scale_range(rng)
        if problem:
            v.fail(f"{key}.by_member_age.range", problem)
    flat = [k for k in ("count_shares", "age_max") if k in kids]
    if "by_member_age" in kids and flat:
        v.fail(f"{key}.by_member_age", f"give either count_shares and age_max (the same children for every member) "
               f"or by_member_age, not both (also set: {', '.join(flat)}); one band [[15, P(0), P(1), P(2+), 0, "
               "age_max]] gives every member the same children", [f"{key}.{k}" for k in flat])
    if "by_member_age" not in kids and len(flat) < 2:
        missing = [k for k in ("count_shares", "age_max") if k not in kids]
        v.fail(f"{key}.{missing[0]}", "missing (or give the children by the member's age in by_member_age)",
               [f"{key}.{k}" for k in flat])


def _check_value_ranges(v: _Validator, node: dict) -> None:
    """The ranges of the age shift, the care cost trend and the wage growth, when they state one (``node``: the
    assumptions as the files give them, already checked as tables): each end a value the model accepts
    (``scenario_schema.range_within``), whatever its basis."""
    ranged = (("age_shift", node.get("age_shift"), age_shift_range),
              ("severity.medical_cost_trend", node["severity"].get("medical_cost_trend"), medical_cost_trend_range),
              ("wage_growth", node.get("wage_growth"), wage_growth_range))
    for key, param, check in ranged:
        rng = param.get("range") if isinstance(param, dict) else None
        problem = None if rng is None else check(rng)
        if problem:
            v.fail(f"assumptions.{key}.range", problem)


def _check_start(v: _Validator, scen: dict) -> None:
    start = dt.date.fromisoformat(scen["start"] + "-01")
    if start.year < 2020 and "rules_date" not in scen:
        v.fail("scenario.start", "benefit rules are encoded from PP 82/2019 (2019-12-02) on; start in 2020 or later "
               "(or give a rules_date: the rules in force on that date then apply to every month)",
               ["scenario.rules_date"])
    regulation = load_regulation()  # outside the try: a mistake in regulation.toml is its own, not the scenario's
    try:  # a rules_date before the first encoded rule would otherwise fail in the middle of a run
        regulation.at(scen.get("rules_date") or start)
    except RuleError as err:
        v.fail("scenario.rules_date" if "rules_date" in scen else "scenario.start", str(err),
               ["scenario.start", "scenario.rules_date"])


def _check_bpu_income(v: _Validator, values: dict, nodes: dict) -> None:
    """A BPU member's wage is the income band it reports (DOMAIN.md s.3): from the lowest band to the top one of
    the rules in force in every month of the horizon (or on the rules_date), and so are the ends of its range, to
    which the sensitivity moves it. A wage of Rp500,000 was priced at Rp11,800 a month, a premium no BPU member pays.
    The bands between the two are not encoded (DOMAIN.md s.8): any income between them is the scenario's own."""
    scen = values["scenario"]
    start = dt.date.fromisoformat(scen["start"] + "-01")
    dates = [scen["rules_date"]] if scen.get("rules_date") else month_dates(start, scen["horizon_months"])
    rules = load_regulation().rules
    lowest = max(rules["premium.bpu_lowest_income_band"].at(d).value for d in dates)
    top = min(rules["premium.bpu_top_income_band"].at(d).value for d in dates)
    for name, seg in values["segments"].items():
        if seg["scheme"] != "BPU":
            continue
        key = f"segments.{name}.wage"
        rng = nodes[name]["wage"].get("range")
        ends = rng if isinstance(rng, list) and all(map(_is_number, rng)) else []
        for part, wage in [("value", seg["wage"]), *(("range", end) for end in ends)]:
            if not lowest <= wage <= top:
                below = wage < lowest
                side, band, rule = ("below the lowest", lowest, "lowest") if below else ("above the top", top, "top")
                v.fail(f"{key}.{part}", f"Rp{wage:,.0f} is {side} BPU income band, Rp{band:,.0f} "
                       f"(premium.bpu_{rule}_income_band in sim/data/regulation.toml): a BPU member's wage is the "
                       "income band it reports", [f"segments.{name}.scheme"])


def amount_warnings(v: _Validator, data: dict) -> tuple:
    """One line per money amount a planner types (a wage or budget) that passed its check but is implausibly
    small for its unit (LOWEST_WAGE, SMALLEST_PROGRAMME_BUDGET in sim/scenario_schema.py): ``FILE: KEY: why``."""
    keys = [(f"segments.{name}.wage", LOWEST_WAGE) for name in data["segments"]]
    keys += [(key, SMALLEST_PROGRAMME_BUDGET) for key in ("budget.annual_budget", "funding.apbd_budget",
                                                            "funding.dbh_cht_budget")]
    # No CSR pledge: a firm may fund a handful of workers (GN Lingkaran, Rp16,800 per worker; DOMAIN.md s.7), so a
    # small pledge is no sign of a unit slip.
    lines = []
    for key, floor in keys:
        node = node_at(data, key)
        if not isinstance(node, dict) or "value" not in node:
            continue
        value = node["value"]
        amounts = [(None, value)] if _is_number(value) else [(year, amount) for year, amount in value]
        small = [(year, amount) for year, amount in amounts if 0 < amount < floor]
        if not small:
            continue
        said = ", ".join(f"Rp{amount:,.0f}" + (f" in {year}" if year else "") for year, amount in small)
        if floor == LOWEST_WAGE:
            why = (f"{said} a month is below Rp{LOWEST_WAGE:,}, the lowest BPU income band, the lowest wage the "
                   "regulation prices (DOMAIN.md s.3): check that it is the monthly wage in rupiah")
        else:
            members = int(max(amount for _, amount in small) // (12 * BPU_PACKAGE_PREMIUM))
            pays = " a year pays" if _is_number(value) else " pays" if len(small) == 1 else ": each pays at most"
            why = (f"{said}{pays} the Rp{BPU_PACKAGE_PREMIUM:,} monthly premium of {members:,} members, "
                   f"fewer than the {SMALLEST_PROGRAMME} of the smallest city programme reported (Kota Pekalongan "
                   f"2022, Rp{SMALLEST_PROGRAMME_BUDGET:,} a year); if it is in thousands of rupiah (dalam ribuan "
                   f"rupiah), write it in rupiah, e.g. {small[0][1] * 1000:.0f}")
        # A bare --set value replaces the value (apply_override); else the file that set the value.
        file = "--set" if v.origin.get(key) == "--set" else v._file_of(f"{key}.value")
        lines.append(f"{file}: {key}: {why}")
    return tuple(lines)


@lru_cache(maxsize=1)
def age_profiles() -> dict:
    path = resources.files("sim").joinpath("data").joinpath("age_profiles.toml")
    return checked_profiles(tomllib.loads(path.read_text(encoding="utf-8")), str(path))


def checked_profiles(profiles: dict, file: str) -> dict:
    """The named profiles, each one's bands checked as a scenario's own ``age_bands`` are (shares summing to 1, no
    age in two bands): a maintainer's edit of the shipped file is refused in one line, not read as a mix."""
    for name, profile in profiles.items():
        problem = age_bands(profile.get("bands")) if isinstance(profile, dict) else "must be a table"
        if problem:
            raise ScenarioError(file, f"{name}.bands" if isinstance(profile, dict) else name, problem)
    return profiles


# --- The resolved scenario ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    name: str
    labels: dict  # {language code: label} for reports (``in_each_language``)
    scheme: str
    occupation: str
    payer: str
    members: int
    wage: float
    risk_class: int | None
    male_share: float
    age_bands: tuple  # ((youngest, oldest, share), ...)
    tenure: tuple  # ((months at start, share), ...)
    accident_rate: float  # JKK cases per 1000 member-years
    mortality_load: float  # multiple of the mortality table's qx
    age_shift: float = 0.0  # years older than age_bands say, within their youngest and oldest (population.shifted_ages)
    # The wage's rise per calendar year after ``wage_year``, the horizon's first (assumptions.wage_growth; PU only: a
    # BPU member's wage is a declared income band and stays as stated, 0 here).
    wage_growth: float = 0.0
    wage_year: int = 0

    def wage_in(self, year: int) -> float:
        """The monthly wage (IDR) of a member in calendar year ``year``, on which the PU premium and the JKK benefits
        set as multiples of the wage are computed: ``wage`` in the horizon's first calendar year, times
        (1 + ``wage_growth``)^k k years after it (a step each 1 January, when the minimum wage changes). Without
        growth the wage as stated, the same number in every year."""
        if self.wage_growth == 0 or year == self.wage_year:
            return self.wage
        return self.wage * (1.0 + self.wage_growth) ** (year - self.wage_year)

    @property
    def label(self) -> str:
        """In English (or the one text the scenario gives): terminal output, JSON and CSV files."""
        return self.labels["en"]


@dataclass(frozen=True)
class Severity:
    shares: tuple  # medical only, temporary, partial, total, death
    medical_cost_mean: float
    medical_cost_cv: float
    incapacity_months_mean: float
    partial_degrees: tuple  # ((table share, probability), ...)
    # Care cost rise per calendar year: medical_cost_mean is at the prices of the first calendar year of the horizon,
    # and a case in calendar year k after it costs (1 + trend)^k times as much (accident.care_price_by_month).
    medical_cost_trend: float = 0.0


@dataclass(frozen=True)
class ChildBand:
    """The eligible children of a member who dies or is totally disabled at ``from_age`` or older (up to the next
    band's ``from_age``)."""

    from_age: int  # the member's age at the claim, youngest of the band
    count_shares: tuple  # P(0), P(1), P(2 or more) eligible children
    age_min: int  # a child's age at the claim is uniform on age_min..age_max (whole years)
    age_max: int


@dataclass(frozen=True)
class Children:
    count_shares: tuple | None  # P(0), P(1), P(2 or more) eligible children of every member; None with by_member_age
    age_max: int  # the oldest a child can be at the claim (of any band)
    school_start_age: int
    reach_shares: tuple  # share of children reaching primary, junior, senior, university
    by_member_age: tuple = ()  # ChildBand per band of the member's age, youngest first; () = the same for everyone

    @property
    def bands(self) -> tuple:
        """The bands of member ages, youngest first: the one form (``count_shares``, ages 0..``age_max``) is one
        band holding every member."""
        return self.by_member_age or (ChildBand(0, self.count_shares, 0, self.age_max),)

    def band_of(self, member_age) -> np.ndarray:
        """Index into :attr:`bands` of each member age (an age below the first band's start falls in the first)."""
        starts = np.array([b.from_age for b in self.bands])
        return np.maximum(np.searchsorted(starts, member_age, side="right") - 1, 0)


@dataclass(frozen=True)
class Scenario:
    id: str
    titles: dict  # {language code: title} for reports (``in_each_language``)
    regions: dict  # {language code: city or regency} for reports (``in_each_language``)
    start: dt.date
    horizon_months: int
    seed: int
    trials: int
    rules_date: dt.date | None
    mortality_table: str
    annual_budget: float | None  # IDR per year the city set aside, if the scenario states it
    target_members: int | None  # coverage target, if the scenario states it
    intensity_draws: tuple  # ((mortality scale, accident scale), ...) a trial draws one pair; () = no uncertainty
    segments: tuple
    severity: Severity
    children: Children
    resolved: dict  # the full merged scenario, parameter tables included
    files: tuple  # base chain, base first
    overrides: tuple  # ("dotted.key", value) from --set
    base_differences: tuple  # (dotted key, base value, this value) where this scenario differs from its base
    planning: object = None  # sim.planning_schema.Planning (quotas, exits, pipeline, funding...) or None
    calibration: dict | None = None  # the [calibration] record (what the scenario was fitted to), or None
    descriptions: dict | None = None  # {language code: what the scenario assumes} (``in_each_language``), or None
    warnings: tuple = ()  # amounts a file gives that look written in the wrong unit (``amount_warnings``)
    # A scenario rebuilt from a report's manifest (its files are the manifest): the files the report read, base
    # first, where :func:`base_of` looks for its base before scenarios/.
    recorded_files: tuple = ()

    @property
    def title(self) -> str:
        """In English (or the one text the scenario gives): terminal output, JSON and CSV files."""
        return self.titles["en"]

    @property
    def region(self) -> str:
        """In English (or the one text the scenario gives), as :attr:`title`."""
        return self.regions["en"]

    @property
    def description(self) -> str | None:
        """In English (or the one text the scenario gives); None when the scenario has no description."""
        return self.descriptions["en"] if self.descriptions else None

    @property
    def path(self) -> Path:
        return self.files[-1]


def _segment(name: str, seg: dict, default_load: float, age_shift: float = 0.0, wage_growth: float = 0.0,
             wage_year: int = 0) -> Segment:
    if "age_profile" in seg:
        bands = age_profiles()[seg["age_profile"]]["bands"]
    else:
        bands = seg["age_bands"]
    return Segment(
        name=name,
        labels=in_each_language(seg["label"]),
        scheme=seg["scheme"],
        occupation=seg["occupation"],
        payer=seg["payer"],
        members=int(seg["members"]),
        wage=float(seg["wage"]),
        risk_class=int(seg["risk_class"]) if "risk_class" in seg else None,
        male_share=float(seg["male_share"]),
        age_bands=tuple(tuple(b) for b in bands),
        tenure=tuple(tuple(t) for t in seg["tenure"]),
        accident_rate=float(seg["accident_rate"]),
        mortality_load=float(seg.get("mortality_load", default_load)),
        age_shift=float(age_shift),
        wage_growth=float(wage_growth) if seg["scheme"] == "PU" else 0.0,  # a BPU income band does not grow
        wage_year=int(wage_year),
    )


def _children(kids: dict) -> Children:
    bands = tuple(ChildBand(int(row[0]), tuple(row[1:4]), int(row[4]), int(row[5]))
                  for row in kids.get("by_member_age", ()))
    return Children(
        count_shares=tuple(kids["count_shares"]) if not bands else None,
        age_max=max(b.age_max for b in bands) if bands else int(kids["age_max"]),
        school_start_age=int(kids["school_start_age"]),
        reach_shares=tuple(kids["reach_shares"]),
        by_member_age=bands,
    )


def _differences(base: dict, this: dict, prefix: str = "") -> list:
    """(dotted key, base value, this value) for every parameter or plain value that differs."""
    out = []
    for key in sorted(set(base) | set(this)):
        dotted = f"{prefix}{key}"
        a, b = _by_position(base.get(key)), _by_position(this.get(key))
        if is_table(a) or is_table(b):
            out.extend(_differences(a if is_table(a) else {}, b if is_table(b) else {}, dotted + "."))
            continue
        a_value, b_value = leaf_value(a), leaf_value(b)
        if a_value != b_value and dotted not in ("scenario.base", "scenario.id", "scenario.title"):
            out.append((dotted, a_value, b_value))
    return out


def is_table(x) -> bool:
    """A table of keys, as opposed to a parameter table (which has a value), a text per language or a plain value."""
    return isinstance(x, dict) and "value" not in x and not _is_worded(x)


def _is_worded(x) -> bool:
    """A title or label given per language, ``{ en = "...", id = "..." }``."""
    return isinstance(x, dict) and bool(x) and set(x) <= set(LANGUAGES) and all(isinstance(v, str) for v in x.values())


def leaf_value(x):
    """What a scenario key holds, to compare and show: a parameter table's value, a text per language as
    {language: text} (so a change in either language counts), else the plain value itself."""
    if isinstance(x, dict) and "value" in x:
        return x["value"]
    return dict(x) if _is_worded(x) else x


def _by_position(x):
    """An array of tables (``[[calibration.observation]]``) as a table keyed by position ("0", "1", ...), so that
    its differences are listed key by key; anything else as it is."""
    if isinstance(x, list) and x and all(isinstance(t, dict) for t in x):
        return {str(i): t for i, t in enumerate(x)}
    return x


def load_scenarios(refs, overrides: list[str] | tuple = (), name: str = "scenario_ids") -> list[Scenario]:
    """Several scenarios (notebook 04's ``scenario_ids``), each as :func:`load_warned`. A single text is refused in
    one line: papermill's ``-p scenario_ids "[a, b]"`` passes a text, whose characters would be read as ids."""
    if isinstance(refs, (str, Path)):
        raise ScenarioError(name, "", f"must be a list of scenario ids such as [\"madiun-2023\", \"madiun-2025\"], "
                                      f"got the text {str(refs)!r}; with papermill pass it as "
                                      f"-y '{name}: [madiun-2023, madiun-2025]'")
    return [load_warned(r, overrides) for r in refs]


def load_warned(ref: str | Path, overrides: list[str] | tuple = ()) -> Scenario:
    """:func:`load_scenario`, printing its warnings on stderr first, one line each, as errors are: an amount that
    looks written in the wrong unit (:func:`amount_warnings`) is said before any work, and the caller goes on. The
    commands (``sim validate``, ``run``, ...) and the notebooks load through it. A printed line, not
    ``warnings.warn``: Python shows a warning once per place and text, so a cell run again in JupyterLab would go
    quiet; stderr shows in the cell's output (shaded) every time, and papermill keeps it in the executed notebook."""
    scenario = load_scenario(ref, overrides)
    for line in scenario.warnings:
        print(f"warning: {one_line(line)}", file=sys.stderr)
    return scenario


def one_line(message: str) -> str:
    """A message as one line: a line break or other control character from a file (a key written
    ``"memb\\ners"``) is shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def load_scenario(ref: str | Path, overrides: list[str] | tuple = ()) -> Scenario:
    """Read, merge, override and validate a scenario. Raises :class:`ScenarioError` with a one-line message."""
    path = find_scenario(ref)
    origin: dict = {}
    data, chain = _load_chain(path, origin)
    base_data = _load_chain(chain[-2], {})[0] if len(chain) > 1 else None
    parsed = [parse_override(o) for o in overrides]
    for key, value in parsed:
        apply_override(data, key, value, origin)
    files = [str(p) for p in chain] + ["--set"]
    values = validate(data, origin, str(path), files)
    v = _Validator(data, origin, str(path), files)
    _check_something_to_simulate(v, values)
    differences = tuple(_differences(base_data, data)) if base_data is not None else ()
    # Warnings for files only, as _check_something_to_simulate: the workbench's own variants move amounts on purpose.
    return _build(values, data, tuple(chain), tuple(parsed), differences, amount_warnings(v, data))


def check_notebook_trials(**trials) -> None:
    """Refuse a number of simulated trials typed into a notebook's parameters cell (``trials = "abc"``) as
    ``--trials`` would, naming the parameter: the notebooks pass it on as ``--set scenario.trials=...`` (or to
    ``calibration.fit``), whose error named a --set (or a "trials") the planner never typed. Called with the cell's
    names, e.g. ``check_notebook_trials(trials=trials)``."""
    for name, value in trials.items():
        problem = SCENARIO_FIELDS["trials"].check(value)
        if problem:
            raise ScenarioError("the notebook's parameters cell", name, problem)


def _check_something_to_simulate(v: _Validator, values: dict) -> None:
    """A scenario file (with its --set) whose segments all start with 0 members and that enrols none over the horizon
    would write a full report of nothing. Checked for files only, not in ``validate``: the workbench's own variants
    (``scenario_from_data``: a programme's members held without its plan, a member count at the end of its range)
    may hold no members on purpose."""
    segments = values["segments"]
    if any(seg["members"] > 0 for seg in segments.values()) or enrols_from_nothing(values["planning"]):
        return
    quotas = [f"expansion.{name}" for name in values["planning"].get("expansion", {})]
    v.fail("segments", "every segment has 0 members and nothing enrols members over the horizon (no [expansion] "
           "quota above 0): there is nothing to simulate", [f"segments.{name}.members" for name in segments] + quotas)


def base_of(scenario: Scenario) -> Scenario | None:
    """The scenario this one names as its base, read as its file read it (beside the file, else in scenarios/).
    A scenario made from a document has no chain of files: the base its document names, in scenarios/; a report's
    manifest names none (its scenario stands alone), so for a report rebuilt from it, the base its report read
    where that file and the scenario's own are still there (``recorded_files``: a planner's kediri-2026-calibrated
    outside scenarios/ lost its refits in a rebuild), else the base of the scenario of the same id in scenarios/.
    None when none is found that way. Raises :class:`ScenarioError` where the base cannot be read as a whole
    scenario (``base/national-defaults`` holds defaults only)."""
    if len(scenario.files) > 1:
        return load_scenario(scenario.files[-2])
    recorded = [Path(p) for p in scenario.recorded_files]
    if len(recorded) > 1 and all(p.is_file() for p in recorded[-2:]):
        return load_scenario(recorded[-2])
    ref = scenario.resolved["scenario"].get("base")
    if isinstance(ref, str):
        return load_scenario(SCENARIO_DIR / (ref if ref.endswith(".toml") else f"{ref}.toml"))
    if not (SCENARIO_DIR / f"{scenario.id}.toml").is_file():
        return None
    same = load_scenario(scenario.id)
    return load_scenario(same.files[-2]) if len(same.files) > 1 else None


def scenario_from_data(data: dict, file: str = "<resolved scenario>") -> Scenario:
    """A scenario from an already merged and overridden document (``Scenario.resolved`` or a report manifest's
    ``scenario.toml``), validated like a file; no base is read. Used to rebuild a report and to vary one value."""
    data = copy.deepcopy(data)
    values = validate(data, {}, file, [file])
    return _build(values, data, (Path(file),), (), ())


def _build(values: dict, data: dict, files: tuple, overrides: tuple, base_differences: tuple,
           warnings: tuple = ()) -> Scenario:
    scen, assume = values["scenario"], values["assumptions"]
    sev, kids = assume["severity"], assume["children"]
    return Scenario(
        id=scen["id"],
        titles=in_each_language(scen["title"]),
        regions=in_each_language(scen["region"]),
        start=dt.date.fromisoformat(scen["start"] + "-01"),
        horizon_months=int(scen["horizon_months"]),
        seed=int(scen["seed"]),
        trials=int(scen["trials"]),
        rules_date=scen.get("rules_date"),
        mortality_table=assume["mortality_table"],
        annual_budget=values["budget"].get("annual_budget"),
        target_members=values["budget"].get("target_members"),
        intensity_draws=tuple(tuple(map(float, d)) for d in values["uncertainty"].get("intensity_draws", ())),
        segments=tuple(_segment(n, s, assume["mortality_load"], assume.get("age_shift", 0),
                                assume.get("wage_growth", 0), int(scen["start"][:4]))
                       for n, s in values["segments"].items()),
        severity=Severity(
            shares=tuple(float(sev[k]) for k in SEVERITY_SHARES),
            medical_cost_mean=float(sev["medical_cost_mean"]),
            medical_cost_cv=float(sev["medical_cost_cv"]),
            incapacity_months_mean=float(sev["incapacity_months_mean"]),
            partial_degrees=tuple(tuple(p) for p in sev["partial_degrees"]),
            medical_cost_trend=float(sev.get("medical_cost_trend", 0.0)),
        ),
        children=_children(kids),
        resolved=data,
        files=files,
        overrides=overrides,
        base_differences=base_differences,
        planning=build_planning(values),
        calibration=values["calibration"],
        descriptions=in_each_language(scen["description"]) if "description" in scen else None,
        warnings=warnings,
    )

