"""Wording an actuary's review of the default report (madiun-2025) found loose, held to what the code does: the
exact (FFT) distribution is exact but for its grid, whose step the validation names; the event counts are mixed
Poisson where each trial draws its multipliers; the summary's spread check is the first year's total claims only.
(The skewed bound's chance of a flag: test_mean_check_skew; the deaths' Poisson spread: test_stated_figures.)"""

from __future__ import annotations

import numpy as np
import pytest

from sim.engine import Block, intensity_scales
from sim.i18n import Language
from sim.population import build_model
from sim.report import build
from sim.report_document import Para
from sim.report_sections import _checks_sentence, methodology_section, validation_section
from sim.results import QUANTILES
from sim.scenario import load_scenario

TRIALS = 300


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    """The default report (madiun-2025), in Indonesian."""
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("act"))


@pytest.mark.parametrize("code, step, words", [
    ("id", "Rp500.000", "Distribusi eksak itu tepat kecuali pembulatan: setiap nilai dibagi ke dua kelipatan"),
    ("en", "Rp500,000", "The exact distribution is exact but for rounding: every amount is split between the two")])
def test_the_validation_says_the_exact_distribution_is_exact_but_for_its_grid(madiun, code, step, words):
    """"Exact (FFT)" is exact up to the grid sim.exact puts every amount on (split between its two neighbouring
    points, mean kept): the validation says so before its table, with the step (summary.json's span_idr, Rp500,000
    for madiun-2025's 2025), and the exact quantiles it shows are indeed multiples of that step."""
    exact = madiun.summary["exact_first_period"]
    assert exact["span_idr"] == 500_000
    quantiles = [exact["claims_idr"][q] for q in QUANTILES]
    assert all(v % exact["span_idr"] == 0 for v in quantiles), quantiles
    lang = Language(code)
    section = validation_section(lang, madiun.summary, madiun.extra)
    (grid,) = [b for b in section.blocks if isinstance(b, Para) and b.text == lang("valid_grid")]
    assert grid.text.startswith(words) and lang.figure(grid.figures["step"].kind, grid.figures["step"].value) == step


@pytest.mark.parametrize("code, exact, overclaim", [("en", "exact but for amounts rounded to its grid", "exactly by"),
                                                    ("id", "eksak kecuali pembulatan nilai ke kisinya",
                                                     "dihitung secara eksak")])
def test_the_methodology_says_exact_but_for_the_grid(code, exact, overclaim):
    text = Language(code)("method_checks")
    assert exact in text and overclaim not in text


@pytest.mark.parametrize("code, mixed", [("en", "Poisson, its mean times the trial's multiplier, so mixed Poisson"),
                                         ("id", "Poisson dengan rata-rata dikalikan pengali simulasi itu, jadi "
                                                "Poisson campuran antarsimulasi")])
def test_the_simulation_paragraph_says_mixed_poisson_where_each_trial_draws_its_multipliers(code, mixed):
    """The engine draws each trial's count Poisson with the expected events times that trial's multiplier
    (engine.intensity_scales: one posterior draw per trial), so across trials the count is mixed Poisson; the
    methodology said "(Poisson)" for every scenario. A scenario without draws keeps plain Poisson."""
    lang = Language(code)
    calibrated, fixed = load_scenario("madiun-2025"), load_scenario("jambi-2025")
    block = Block(index=0, first_trial=0, trials=200)
    death, accident = intensity_scales(build_model(calibrated), block)
    assert np.ptp(death) > 0 and np.ptp(accident) > 0  # multipliers that differ from trial to trial
    assert intensity_scales(build_model(fixed), block) == (None, None)
    texts = {s.id: [b.text for b in methodology_section(lang, s).blocks] for s in (calibrated, fixed)}
    assert [t for t in texts["madiun-2025"] if mixed in t]
    assert lang("method_engine") in texts["jambi-2025"] and not [t for t in texts["jambi-2025"] if mixed in t]


@pytest.mark.parametrize("code, which", [("en", "the spread of the first year's total claims (its 5% to 99.5% "
                                                "quantiles) agrees with its exact distribution"),
                                         ("id", "sebaran total klaim tahun pertama (kuantil 5% hingga 99,5%) sesuai "
                                                "dengan distribusi eksaknya")])
def test_the_summary_says_which_spread_agrees(madiun, code, which):
    """The summary said "the spread of the simulated results agrees with the exactly computed spread"; the spread
    it checks (_checks_sentence) is the exact distribution's quantiles of the first year's total claims alone: the
    quantiles QUANTILES, 5 % to 99.5 %."""
    lang = Language(code)
    assert (min(QUANTILES.values()), max(QUANTILES.values())) == (0.05, 0.995)
    assert set(madiun.summary["exact_first_period"]["versus_simulation"]["quantiles"]) == set(QUANTILES)
    ok = {"breakdown": [{"period": "2025", "flag": "ok"}],
          "exact_first_period": {"versus_simulation": {"quantiles": {q: {"flag": "ok"} for q in QUANTILES}}}}
    assert _checks_sentence(lang, ok) == lang("exec_checks_ok")
    assert which in lang("exec_checks_ok")
