"""The validation table's mean check: each Monte Carlo mean judged by the closed form's own standard error.

The closed form gives the variance of one trial's payments of each benefit (``closed_form.trial_variance``), so a
mean is judged by the SE it has if the model is right, not by the trials' sample SE, which is too small in most runs
for a rare, skewed benefit (and flagged such means far more often than chance)."""

import dataclasses

import numpy as np
import pytest

from sim.benefits import BENEFIT_NAMES, INDEX
from sim.closed_form import expected, trial_cumulants, trial_variance
from sim.forecast import forecast
from sim.population import build_model
from sim.results import FLAG_SE, Aggregator
from sim.scenario import load_scenario

# 1,000 trials of pekalongan-2023-expansion at seed 2: the sample SE put marbot's JKK scholarships of 2026 5.5 SEs
# from the closed form (about 14 payments expected over the trials, 6 paid); by the closed form's SE they are 1.7.
RARE = ("pekalongan-2023-expansion", ["scenario.trials=1000", "scenario.seed=2"])
RARE_ROW = ("2026", "marbot", "jkk_scholarship")


def _blocks(scenario_id, overrides):
    """The model and the BlockResults of a run (every trial's payments by period, segment and benefit)."""
    scenario = load_scenario(scenario_id, overrides)
    model = build_model(scenario)
    blocks = []
    forecast(scenario, model=model, exact_check=False, on_block=blocks.append)
    return model, blocks


def _breakdown(model, blocks, variance, third=None):
    """The validation table of ``blocks`` judged against ``model``'s closed form, by ``variance`` (None: by the
    trials' sample SE, as before the closed form gave a variance) and ``third`` (None: as if symmetric)."""
    trials = sum(b.block.trials for b in blocks)
    with Aggregator(model, expected(model), trials, None, variance, third) as agg:
        for b in blocks:
            agg.add(b)
        return {(r["period"], r["segment"], r["benefit"]): r for r in agg.summary()["breakdown"]}


def sample_variance(amounts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sample variance of the trials' payments ``amounts`` (n, periods, S, B) in each period and over the horizon
    (a last period, their sum), and its own standard error, sqrt((m4 - s^4) / n) with m4 the fourth central moment:
    what the closed form's ``trial_variance`` is judged by."""
    amounts = np.concatenate([amounts, amounts.sum(axis=1, keepdims=True)], axis=1)  # (n, periods + 1, S, B)
    n = amounts.shape[0]
    gap = amounts - amounts.mean(axis=0)
    sample = (gap**2).sum(axis=0) / (n - 1)
    return sample, np.sqrt(np.maximum((gap**4).mean(axis=0) - sample**2, 0.0) / n)


@pytest.mark.parametrize("scenario_id, overrides", [
    ("madiun-2025", []),  # parameter draws, bands of member ages, three years (a claim's instalments in several)
    ("jambi-2025", ["scenario.horizon_months=48"]),  # BPU's reduced early JKM benefit, scholarships after 3 years
])
def test_the_closed_form_variance_is_the_variance_of_the_trials(scenario_id, overrides):
    """Every period's and the horizon's variance per segment and benefit against the sample variance of 20,000
    trials, within 4 of the sample variance's own standard errors, sqrt((m4 - s^4) / n) (m4 the fourth central
    moment of the trials). The horizon's row of a scholarship is not the sum of its years': one claim pays a child
    year after year."""
    model, blocks = _blocks(scenario_id, ["scenario.trials=20000", *overrides])
    sample, se = sample_variance(np.concatenate([b.amounts for b in blocks]))
    variance = trial_variance(model)
    paid = variance > 0
    assert paid[..., INDEX["jkm_scholarship"]].any() and paid[..., INDEX["jkk_scholarship"]].any()
    assert np.all(sample[~paid] == 0)
    z = np.abs(sample - variance)[paid] / se[paid]
    assert z.max() <= 4, (z.max(), np.unravel_index(np.argmax(np.where(paid, np.abs(sample - variance) / se, 0)),
                                                      paid.shape))
    # Guard: the clustering matters here, the horizon's scholarship variance well above the sum of its years'.
    b = [INDEX["jkm_scholarship"], INDEX["jkk_scholarship"]]
    assert variance[-1][:, b].sum() > 1.2 * variance[:-1][..., b].sum()


def test_a_rare_skewed_mean_the_sample_se_flagged_is_ok_by_the_closed_form_se():
    """Marbot's JKK scholarships of 2026, in a run where the model is right: their sample SE (few claims, most
    trials paying nothing) put the mean more than 4 SEs off; by the closed form's SE it is well within."""
    model, blocks = _blocks(*RARE)
    by_sample = _breakdown(model, blocks, None)[RARE_ROW]
    row = _breakdown(model, blocks, *trial_cumulants(model))[RARE_ROW]
    assert by_sample["flag"] == "check" and by_sample["model_se_idr"] is None
    assert row["flag"] == "ok" and row["z"] < FLAG_SE / 2
    assert row["model_se_idr"] > 3 * row["se_idr"]
    gap = abs(row["mean_idr"] - row["expected_idr"])
    assert row["z"] == pytest.approx(gap / row["model_se_idr"], rel=1e-3)
    # What sim run writes is the closed form's judgement, with the sample SE beside it.
    written = {(r["period"], r["segment"], r["benefit"]): r for r in forecast(load_scenario(*RARE))["breakdown"]}
    assert written[RARE_ROW] == row


def test_a_wrong_model_is_still_flagged():
    """The same trials with every JKK scholarship paid twice over, against the right closed form: the horizon's
    row of the segment with most of them is flagged, and every scholarship row the sample SE flags is flagged too
    (the sample SE also flags marbot's medical care of 2024, which the doubling does not touch). So is batik's 2027,
    which the sample SE, inflated by the doubled payments themselves, let pass. Batik's horizon, 4.7 SEs above, is
    now within its bound for a skewed mean (4.9): the allowance for skewness costs that much power at 1,000 trials."""
    model, blocks = _blocks(*RARE)
    b = INDEX["jkk_scholarship"]
    doubled = []
    for block in blocks:
        amounts = block.amounts.copy()
        amounts[..., b] *= 2
        doubled.append(dataclasses.replace(block, amounts=amounts))
    right = _breakdown(model, blocks, *trial_cumulants(model))
    wrong = _breakdown(model, doubled, *trial_cumulants(model))
    by_sample = _breakdown(model, doubled, None)
    assert right[("total", "vulnerable", "jkk_scholarship")]["flag"] == "ok"
    assert wrong[("total", "vulnerable", "jkk_scholarship")]["flag"] == "check"
    assert wrong[("2027", "batik", "jkk_scholarship")]["flag"] == "check"
    assert by_sample[("2027", "batik", "jkk_scholarship")]["flag"] == "ok"
    flagged = {k for k, r in by_sample.items() if r["flag"] == "check" and k[2] == "jkk_scholarship"}
    assert flagged and all(wrong[k]["flag"] == "check" for k in flagged)


def test_without_a_closed_form_variance_the_means_are_judged_by_the_sample_se():
    model, blocks = _blocks("jambi-2025", ["scenario.trials=300"])
    rows = _breakdown(model, blocks, None).values()
    checked = [r for r in rows if r["flag"] != "too_few" and r["se_idr"] > 0]
    assert checked and all(r["model_se_idr"] is None for r in rows)
    assert all(r["z"] == pytest.approx(abs(r["mean_idr"] - r["expected_idr"]) / r["se_idr"], rel=1e-3, abs=1e-3)
               for r in checked)
    assert {r["benefit"] for r in rows} == set(BENEFIT_NAMES)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_report_shows_the_standard_error_z_is_measured_in(code):
    """The report's validation table gives beside each z the closed form's SE it is measured in, not the trials'
    (a reader dividing the gap by the SE shown gets the z shown)."""
    from sim.i18n import Language
    from sim.report_document import Table
    from sim.report_sections import validation_section

    lang, summary = Language(code), forecast(load_scenario(*RARE), exact_check=False)
    section = validation_section(lang, summary, {}, None)
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "validation")
    se, z = table.header.index(lang("col_se")), table.header.index(lang("col_z"))
    shown = [(r[se], r[z]) for r in table.rows if r[se] != "-" and r[z] not in ("-", "∞")]
    assert shown and all(c.key.endswith(".model_se_idr") for c, _ in shown)
    rows = summary["breakdown"]
    for c, figure in shown:
        r = rows[int(c.key.split(".")[1])]
        assert c.value == r["model_se_idr"] and figure.value == r["z"]
        assert r["z"] == pytest.approx(abs(r["mean_idr"] - r["expected_idr"]) / c.value, rel=1e-3, abs=1e-3)
