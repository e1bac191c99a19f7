"""Property: any corruption of a valid scenario ends in one clear error line (exit 2, nothing written) or a valid
run (exit 0, summary.json written); never a traceback, never a half-written output folder.

The valid scenario is ``scenarios/madiun-2025.toml`` (one PU and one BPU segment) merged with its base, made
self-contained and shortened to 12 months. Hypothesis deletes keys, replaces values with other types or with
negative, huge, zero or non-finite numbers, scales numbers, adds unknown or misspelt keys, changes units and
finally may damage the TOML text itself. Each corrupted file is also given to ``validate``, which must agree with
``run``: what validate accepts runs, and what it rejects, run rejects with the same message.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import math
import re
import string
import tempfile
import tomllib
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sim.cli import main
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent


def valid_scenario() -> dict:
    data = copy.deepcopy(load_scenario(ROOT / "scenarios" / "madiun-2025.toml").resolved)
    data["scenario"].pop("base")
    data["scenario"]["horizon_months"] = 12
    return data


VALID = valid_scenario()


# --- A small TOML writer: every top-level key as an inline value (inline tables nest) -------------------------


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # strings are drawn from printable ASCII, where JSON and TOML escapes agree
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(x)}" for k, x in v.items()) + " }" if v else "{}"
    raise TypeError(f"cannot write {v!r} as TOML")


def dumps(doc: dict) -> str:
    return "".join(f"{toml_key(k)} = {toml_value(v)}\n" for k, v in doc.items())


def test_writer_round_trips_the_valid_scenario():
    assert tomllib.loads(dumps(VALID)) == VALID


# --- Corruptions ----------------------------------------------------------------------------------------------


def paths(node, prefix=()) -> list:
    """Every key and list element below ``node``, as a tuple of keys and indices."""
    out = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        out.append(prefix + (k,))
        out.extend(paths(v, prefix + (k,)))
    return out


def get(doc, path):
    for k in path:
        doc = doc[k]
    return doc


PATHS = paths(VALID)
KEY_PATHS = [p for p in PATHS if isinstance(p[-1], str)]
TABLE_PATHS = [()] + [p for p in PATHS if isinstance(get(VALID, p), dict)]
PARAM_PATHS = [p for p in TABLE_PATHS if p and "unit" in get(VALID, p)]
NUMBER_PATHS = [p for p in PATHS if isinstance(get(VALID, p), (int, float)) and not isinstance(get(VALID, p), bool)]
# Parameters with a plausible range: setting the value to either end of it keeps the scenario valid.
RANGED_PATHS = [p for p in PARAM_PATHS if "range" in get(VALID, p) and isinstance(get(VALID, p)["value"], (int, float))]
UNITS = sorted({get(VALID, p)["unit"] for p in PARAM_PATHS} | {"IDR per year", "per member-year", "percent", ""})
KNOWN_KEYS = sorted({p[-1] for p in PATHS if isinstance(p[-1], str)})

TEXT = st.text(alphabet=string.ascii_letters + string.digits + " -_.%/", max_size=12)
NUMBERS = st.one_of(
    st.integers(-10, 10),
    st.sampled_from([0, 1, -1, 0.5, 1e-9, 22, 600, 2**63, -(2**63), 10**20, 1e300, -1e300]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-2, 2),
)
LEAVES = st.one_of(NUMBERS, TEXT, st.booleans(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                   st.sampled_from(UNITS + KNOWN_KEYS + ["2025-01", "0000-01", "9999-12", "PU", "BPU", "APBD"]))
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT | st.sampled_from(KNOWN_KEYS), inner, max_size=3)),
    max_leaves=6,
)


def misspelt(key: str) -> st.SearchStrategy:
    return st.sampled_from([key + "s", key[:-1], key.upper(), key.replace("_", "-"), "x" + key])


@st.composite
def corruption(draw):
    # Repeated kinds are drawn more often: "bound", "edge" and "scale" often leave a valid scenario, so that a good
    # share of the examples gets as far as the simulation.
    kind = draw(st.sampled_from(["delete", "replace", "scale", "scale", "add", "misspell", "unit", "edge", "edge",
                                 "bound", "bound", "bound", "bound"]))
    if kind in ("delete", "replace"):
        return kind, draw(st.sampled_from(PATHS)), draw(VALUES)
    if kind == "misspell":
        path = draw(st.sampled_from(KEY_PATHS))
        return kind, path, draw(misspelt(path[-1]))
    if kind == "scale":
        return kind, draw(st.sampled_from(NUMBER_PATHS)), draw(st.sampled_from([-1, 0, 0.5, 2, 10, 1000, 1e-6]))
    if kind == "add":
        return kind, draw(st.sampled_from(TABLE_PATHS)), (draw(TEXT | st.sampled_from(KNOWN_KEYS)), draw(VALUES))
    if kind == "unit":
        return kind, draw(st.sampled_from(PARAM_PATHS)), draw(st.sampled_from(UNITS))
    if kind == "bound":
        return kind, draw(st.sampled_from(RANGED_PATHS)), draw(st.sampled_from([0, 1]))
    return kind, draw(st.sampled_from(NUMBER_PATHS)), draw(st.sampled_from([0, 1, 0.0, 1.0, 5, 12, 100]))


def apply(doc: dict, change) -> None:
    kind, path, arg = change
    try:
        parent = get(doc, path[:-1]) if path else None
        target = get(doc, path)
    except (KeyError, IndexError, TypeError):  # an earlier corruption removed or replaced the path
        return
    if path and not isinstance(parent, (dict, list)):  # e.g. a list an earlier corruption replaced by a string
        return
    if kind == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif kind == "delete" and isinstance(parent, list):
        parent.pop(path[-1])
    elif kind in ("replace", "edge"):
        parent[path[-1]] = arg
    elif kind == "scale" and isinstance(target, (int, float)) and not isinstance(target, bool):
        scaled = target * arg
        parent[path[-1]] = int(scaled) if isinstance(target, int) and scaled == int(scaled) else scaled
    elif kind == "misspell" and isinstance(parent, dict):
        parent[arg] = parent.pop(path[-1])
    elif kind == "add" and isinstance(target, dict):
        target[arg[0]] = arg[1]
    elif kind == "unit" and isinstance(target, dict):
        target["unit"] = arg
    elif kind == "bound" and isinstance(target, dict) and isinstance(target.get("range"), list) and len(target["range"]) == 2:
        target["value"] = target["range"][arg]


@st.composite
def text_damage(draw):
    """Now and then damage the TOML text: replace the character at some position (or delete it)."""
    if not draw(st.booleans()) or draw(st.integers(0, 3)):
        return None
    return draw(st.floats(0, 1)), draw(st.sampled_from(["", "=", "{", "}", "[", "]", '"', ",", "\n", "#", "x"]))


def damage(text: str, how) -> str:
    if how is None:
        return text
    where, char = how
    i = int(where * (len(text) - 1))
    return text[:i] + char + text[i + 1 :]


# --- The property ---------------------------------------------------------------------------------------------


def no_nan(name):
    raise AssertionError(f"summary.json holds {name}")


def call(argv) -> tuple[object, str, str]:
    """``sim.cli.main`` with its output captured; any exception other than SystemExit propagates (a failure)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(changes=st.lists(corruption(), min_size=1, max_size=3), how=text_damage())
def test_corrupted_scenario_gives_one_clear_error_or_a_valid_run(changes, how):
    doc = copy.deepcopy(VALID)
    for change in changes:
        apply(doc, change)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "corrupt.toml"
        path.write_text(damage(dumps(doc), how), encoding="utf-8")
        out = folder / "out"

        # validate with the override that run's --trials 50 makes, so the two see the same scenario
        checked, checked_out, checked_err = call(["validate", str(path), "--set", "scenario.trials=50"])
        code, stdout, stderr = call(["run", str(path), "--trials", "50", "--out", str(out), "--quiet", "--no-trials-table"])

        event("valid run" if code == 0 else "error: " + stderr.split(": ", 3)[-1][:20])
        leftovers = list(folder.glob(".out.tmp-*"))
        assert leftovers == [], f"temporary folder left behind: {leftovers}"
        if code == 0:
            assert stderr == "" and stdout == ""
            summary = json.loads((out / "summary.json").read_text(encoding="utf-8"), parse_constant=no_nan)
            assert summary["trials"] == 50 and summary["horizon_months"] == get(tomllib.loads(path.read_text()), ("scenario", "horizon_months"))
            assert all(math.isfinite(p["claims_idr"]["mean"]) for p in summary["periods"])
            assert sorted(p.name for p in out.iterdir()) == ["scenario.json", "summary.json"]
        else:
            assert code == 2, f"exit status {code!r}, stderr {stderr!r}"
            assert stderr.startswith("error: ") and stderr.count("\n") == 1 and stderr.endswith("\n"), repr(stderr)
            assert str(path) in stderr, f"the message does not name the file: {stderr!r}"
            assert stdout == ""
            assert not out.exists(), "a rejected scenario left an output folder"
        # validate agrees with run: same verdict, same message
        assert (checked, checked_err) == (code, stderr)
        assert (checked_out.startswith(f"OK {path}: ") if code == 0 else checked_out == "")
