"""Report wording a reviewer reads without the scenario file at hand: warnings that say "fewer" rather than print a
negative share, parameters named as the tornado names them (with the key beside the name in the register),
enumerated scenario values in the report's language, and the parameters a tornado cannot move set apart."""

from __future__ import annotations

import copy

import pytest

from sim.i18n import Language
from sim.report_document import Figure, Para, fill, lookup
from sim.report_sections import calibration_blocks, calibration_figures
from sim.scenario import load_scenario


def _filled(lang: Language, para: Para, extra: dict) -> str:
    """A paragraph as the report prints it; every figure must be found again at its key in report.json."""
    for f in para.figures.values():
        assert isinstance(f, Figure) and lookup(extra, f.key) == f.value
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


# --- the calibration warning when the model expects less than was recorded -----------------------------------------


@pytest.fixture(scope="module")
def below():
    """madiun-2025's calibration record with the calibrated model 20 % below the recorded count and 12 % below
    the recorded amount (a synthetic record: no shipped scenario falls below both)."""
    scenario = load_scenario("madiun-2025")
    cal = copy.deepcopy(calibration_figures(scenario))
    obs = cal["observations"][0]
    obs["expected_claims"], obs["expected_amount_idr"] = obs["claims"] * 0.8, obs["amount_idr"] * 0.88
    obs["expected_over_recorded_claims"], obs["expected_over_recorded_amount_idr"] = -0.2, -0.12
    assert not cal["goodness_of_fit"]["fits"]
    return scenario, {"calibration": cal}


@pytest.mark.parametrize("code, words", [
    ("id", "model terkalibrasi memperkirakan 20% lebih sedikit klaim dan 12% lebih kecil nilai klaim daripada yang "
           "tercatat. Prakiraan dalam laporan ini ikut menanggungnya: lebih mungkin terlalu rendah"),
    ("en", "the calibrated model expects 20% fewer claims and 12% less in claims paid than were recorded. The "
           "forecasts in this report inherit this: they are more likely too low"),
])
def test_a_fit_below_the_record_says_fewer_not_a_negative_share(below, code, words):
    scenario, extra = below
    lang = Language(code)
    warnings = [b for b in calibration_blocks(lang, scenario, extra) if isinstance(b, Para) and b.style == "warning"
                and "claims" in b.figures]
    assert len(warnings) == 1
    text = _filled(lang, warnings[0], extra)
    assert words in text and "-" not in text  # (the months are joined by an en dash)
    assert {f.key for f in warnings[0].figures.values()} == {
        "calibration.observations.0.expected_over_recorded_claims|abs",
        "calibration.observations.0.expected_over_recorded_amount_idr|abs"}
