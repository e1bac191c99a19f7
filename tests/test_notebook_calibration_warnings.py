"""Notebook 02 fitted through ``sim.calibration.fit``, which prints nothing: a planner refitting with a file that
fits the claim count and the amount together (or a scenario with its wage in thousands) saw a calibration the
command line warns about three ways, with no warning. It now fits through ``fit_warned``, which prints the warning
lines ``sim calibrate`` gives (``warning_lines``) on stderr, where the cell's output shows them."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from sim.calibration import fit, fit_warned, joint_fit_warning, misfit_warning, warning_lines

SHIPPED = ROOT / "scenarios" / "experience" / "madiun-2025.toml"


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """Madiun's record fitting both figures (the shipped file's ``fit = ["amount"]`` removed): no multipliers
    reproduce 144 claims for Rp6.2 bn (tests/test_calibration.py), and the joint likelihood is used."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert 'fit = ["amount"]\n' in text
    path = tmp_path_factory.mktemp("experience") / "both.toml"
    path.write_text(text.replace('fit = ["amount"]\n', ""), encoding="utf-8")
    return path


def test_a_joint_misfitting_fit_prints_the_command_lines_two_warnings(both, capsys):
    calibration = fit_warned("madiun-2025-prior", both, trials=1000)
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == "" and len(lines) == 2 and all(line.startswith("warning: ") for line in lines), err
    assert lines[0].startswith("warning: no setting of the two multipliers reproduces the observations"), lines
    assert lines[1] == f"warning: {joint_fit_warning(calibration.experience)}" and str(both) in lines[1]
    # the same words as sim calibrate's (its format_calibration builds them with misfit_warning)
    assert lines[0] == f"warning: {misfit_warning(calibration.goodness_of_fit())}"


def test_an_amount_in_thousands_is_warned_with_the_fit(capsys):
    fit_warned("madiun-2025-prior", SHIPPED, ["segments.non_asn.wage=500000"], trials=1000)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "warning: --set: segments.non_asn.wage: Rp500,000 a month is below Rp1,000,000"), lines


def test_the_shipped_fit_prints_nothing_and_its_lines_are_those_of_fit(capsys):
    calibration = fit_warned("madiun-2025-prior", SHIPPED, trials=1000)
    assert capsys.readouterr() == ("", "")
    assert warning_lines(calibration) == [] == warning_lines(fit("madiun-2025-prior", SHIPPED, trials=1000))


def test_calibrate_prints_the_same_misfit_line(both, tmp_path, root, capsys):
    """The line moved from sim.cli into sim.calibration.misfit_warning: sim calibrate's output still carries it."""
    import shutil

    from cli_checks import run_cli

    scenarios = tmp_path / "scenarios"
    shutil.copytree(root / "scenarios" / "base", scenarios / "base")
    shutil.copy(root / "scenarios" / "madiun-2025-prior.toml", scenarios)
    code, out, err = run_cli(["calibrate", scenarios / "madiun-2025-prior.toml", both, "--id", "cal", "--out",
                              tmp_path / "out"], capsys)
    assert code == 0, err
    saved = json.loads((tmp_path / "out" / "calibration.json").read_text(encoding="utf-8"))
    misfit = [line for line in out.splitlines() if "reproduces" in line]
    assert misfit == [f"warning: {misfit_warning(saved['goodness_of_fit'])}"], out
    assert misfit[0].endswith("): the calibrated forecast inherits the misfit")


def test_notebook_02_fits_through_fit_warned():
    source = (ROOT / "notebooks" / "02_calibration_backtest.py").read_text(encoding="utf-8")
    assert re.search(r"^calibration = fit_warned\(", source, re.M) and not re.search(r"\bfit\(", source)
