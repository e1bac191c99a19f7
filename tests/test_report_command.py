"""The provenance table's command row says what the user typed: ``--trials 1000`` stayed ``--set
scenario.trials=1000`` there (the option's effect as an override), which a reader did not recognise as their
command. Checked without a simulation: the report is not built, only the origin it would be built with."""

from __future__ import annotations

import shlex

import pytest

import sim.report
from cli_checks import run_cli
from sim.cli import _parser


@pytest.fixture
def origin(monkeypatch):
    """The Origin ``sim report`` passes to build (build and the headline replaced: nothing runs)."""
    seen = {}

    def build(scenario, lang, reports_dir, origin, *rest):
        seen["origin"], seen["scenario"] = origin, scenario
        return None

    monkeypatch.setattr(sim.report, "build", build)
    monkeypatch.setattr(sim.report, "headline", lambda report: "")
    return seen


def test_the_command_row_shows_trials_and_seed_as_typed(origin, capsys):
    code, _, err = run_cli(["report", "madiun-2025", "--trials", "1000", "--seed", "7"], capsys)
    assert code == 0, err
    assert origin["origin"].command == "python -m sim report madiun-2025 --lang id --trials 1000 --seed 7"
    # the manifest's overrides still record them (the rebuild and the differences section read these)
    assert origin["origin"].overrides == ("scenario.trials=1000", "scenario.seed=7")


def test_the_command_row_reruns_the_same_run(origin, capsys):
    """--set as typed, then --trials over it as the CLI applies them; the command parses back to the same run."""
    argv = ["report", "madiun-2025", "--set", "scenario.trials=500", "--set", "assumptions.age_shift=1",
            "--trials", "1000", "--chunk-trials", "250", "--lang", "en"]
    code, _, err = run_cli(argv, capsys)
    assert code == 0, err
    command = origin["origin"].command
    assert "--set scenario.trials=500 --set assumptions.age_shift=1 --trials 1000 --chunk-trials 250" in command
    again = _parser().parse_args(shlex.split(command)[3:])
    assert (again.trials, again.overrides, again.chunk_trials, again.lang) == (1000, argv[3:7:2], 250, "en")
    assert origin["scenario"].trials == 1000


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_overrides_row_is_named_for_every_option_it_lists(code):
    """The row above the command listed "scenario.trials=1000" under "Perubahan (--set)" for a run typed with
    ``--trials 1000`` (madiun-2026-ucj's review): the row lists what --trials and --seed changed too."""
    from sim.i18n import Language

    label = Language(code)("prov_overrides")
    assert all(option in label for option in ("--set", "--trials", "--seed"))
