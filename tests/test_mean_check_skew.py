"""The mean check's allowance for skewness: the closed form's third cumulant per trial and the bounds it sets.

A mean of few heavy payments (scholarships, total disability, a lognormal care cost in a small segment) is
right-skewed, so it lands above +4 SE more often than the normal tail says: every false flag measured by the closed
form's SE was above the closed form. The closed form's third cumulant gives the mean's skewness, and the bounds are
the translated gamma's of the same three moments (``results.skew_limits``)."""

import dataclasses
import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.stats import gamma, norm, poisson

from sim.accident import case_cost_moment, lognormal_params
from sim.benefits import INDEX
from sim.closed_form import expected, trial_cumulants, trial_variance
from sim.exact import _Grid, _lognormal_stop_loss
from sim.forecast import forecast
from sim.population import build_model
from sim.results import FLAG_SE, P_SIDE, SKEW_NARROWED_MAX, Aggregator, mean_skewness, skew_limits
from sim.scenario import load_scenario
from sim.scholarship import _children_per_claim, child_payments, claim_moments
from test_mean_check import _blocks  # the model and the BlockResults of a run

# 2,000 trials of pekalongan-2023-expansion at seed 47: marbot's JKK scholarships of 2024, a mean of few heavy
# payments (skewness 0.97), lie 4.5 closed-form SEs above the closed form, where the right model puts them now and
# then; the symmetric 4-SE bound flagged them. The vulnerable segment's medical care of 2024 (skewness 0.13) is the
# lower bound's.
SKEWED = ("pekalongan-2023-expansion", ["scenario.trials=2000", "scenario.seed=47"])
SKEWED_ROW = ("2024", "marbot", "jkk_scholarship")
LOW_ROW = ("2024", "vulnerable", "jkk_medical")



def _breakdown(model, blocks, third=True):
    """The validation table of ``blocks`` against ``model``'s closed form, by its SE and (``third``) skewness."""
    trials = sum(b.block.trials for b in blocks)
    variance, third_cumulant = trial_cumulants(model)
    with Aggregator(model, expected(model), trials, None, variance, third_cumulant if third else None) as agg:
        for b in blocks:
            agg.add(b)
        return {(r["period"], r["segment"], r["benefit"]): r for r in agg.summary()["breakdown"]}


def _scaled(blocks, benefit, factor, segment=None, period=None):
    """The same trials with one benefit's payments (of one segment and period, or all) multiplied by ``factor``:
    a simulation that pays the wrong amount, judged against the right closed form."""
    out = []
    for block in blocks:
        amounts = block.amounts.copy()
        where = (slice(None), slice(None) if period is None else period, slice(None) if segment is None else segment,
                 INDEX[benefit])
        amounts[where] *= factor
        out.append(dataclasses.replace(block, amounts=amounts))
    return out


# --- third moments of one payment ----------------------------------------------------------------------------------


def test_the_third_moment_of_the_lognormal_care_cost_is_its_closed_form_and_its_integral():
    """E[X^3] = exp(3 mu + 4.5 sigma^2) for the scenario's lognormal medical cost, and the integral of x^3 against
    its density."""
    model = build_model(load_scenario("madiun-2025"))
    sev = model.scenario.severity
    assert sev.medical_cost_cv > 0
    mu, sigma = lognormal_params(sev.medical_cost_mean, sev.medical_cost_cv)
    third = case_cost_moment(model.regimes[0], 3_000_000.0, sev, 3)["jkk_medical"]
    assert third == pytest.approx(math.exp(3 * mu + 4.5 * sigma**2), rel=1e-12)

    def cubed(y):  # x^3 times the density, in y = log x
        return math.exp(3 * y) * norm.pdf(y, mu, sigma)

    assert third == pytest.approx(quad(cubed, mu - 12 * sigma, mu + 15 * sigma, limit=200)[0], rel=1e-8)


def test_a_scholarship_claim_s_third_moment_is_that_of_its_children_s_summed_payments():
    """E[Y^3] of one claim's instalments against the distribution of Y worked out in full: for each number of
    children, the distribution of the sum of that many independent children's payments (a convolution), cubed and
    weighted. madiun-2025's bands differ in their children, and the lags are those of a year and of a horizon."""
    model = build_model(load_scenario("madiun-2025"))
    rules, children = model.regimes[0], model.scenario.children
    assert len(children.bands) > 1
    for band in range(len(children.bands)):
        for lags in ((0,), (2,), (0, 1, 2), tuple(range(12))):
            values, probs = child_payments(rules, children, lags, band)
            p_n = _children_per_claim(rules, children.bands[band])
            third, sums, weights = 0.0, np.zeros(1), np.ones(1)
            for n, p in enumerate(p_n):  # sums: the values of n children's payments, weights their chances
                third += p * float(weights @ sums**3)
                sums = (sums[:, None] + values[None, :]).ravel()
                weights = (weights[:, None] * probs[None, :]).ravel()
            assert claim_moments(rules, children, lags, band)[2] == pytest.approx(third, rel=1e-10)


# --- the whole per-trial third cumulant ------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id, overrides", [
    ("madiun-2025", []),  # parameter draws, bands of member ages, three years (a claim's instalments in several)
    ("jambi-2025", ["scenario.horizon_months=48"]),  # BPU's reduced early JKM benefit, scholarships after 3 years
])
def test_the_closed_form_third_cumulant_is_that_of_the_trials(scenario_id, overrides):
    """Every period's and the horizon's third cumulant per segment and benefit against the trials' unbiased k3 =
    n^2 / ((n - 1)(n - 2)) m3 of 20,000 trials, within 4 of its own standard error.

    The SE: m3 is to first order the mean of (x - mu)^3 - 3 mu2 (x - mu) (the second term from the sample mean's
    own error), whose variance is mu6 - mu3^2 - 6 mu2 mu4 + 9 mu2^3; over n and with the sample's central moments
    for the true ones."""
    model, blocks = _blocks(scenario_id, ["scenario.trials=20000", *overrides])
    amounts = np.concatenate([b.amounts for b in blocks])
    amounts = np.concatenate([amounts, amounts.sum(axis=1, keepdims=True)], axis=1)  # (n, periods + 1, S, B)
    n = amounts.shape[0]
    gap = amounts - amounts.mean(axis=0)
    m2, m3, m4, m6 = ((gap**k).mean(axis=0) for k in (2, 3, 4, 6))
    k3 = m3 * n * n / ((n - 1) * (n - 2))
    se = np.sqrt(np.maximum(m6 - m3**2 - 6 * m2 * m4 + 9 * m2**3, 0.0) / n)
    variance, third = trial_cumulants(model)
    paid = variance > 0
    assert paid[..., INDEX["jkm_scholarship"]].any() and paid[..., INDEX["jkk_scholarship"]].any()
    assert np.all(m3[~paid] == 0) and np.all(third[~paid] == 0)
    z = np.abs(k3 - third)[paid] / se[paid]
    assert z.max() <= 4, (z.max(), np.unravel_index(np.argmax(np.where(paid, np.abs(k3 - third) / se, 0)),
                                                      paid.shape))
    # Guards: the test can tell. The skewness is far from 0, and the horizon's scholarship third cumulant is well
    # above the sum of its years' (one claim pays a child year after year).
    assert np.max(third[paid] / variance[paid] ** 1.5) > 1
    b = [INDEX["jkm_scholarship"], INDEX["jkk_scholarship"]]
    assert third[-1][:, b].sum() > 1.5 * third[:-1][..., b].sum()


def test_parameter_draws_add_their_own_skewness_by_the_law_of_total_cumulance():
    """With draws the third cumulant is E[k3 | r] + 3 Cov(E[S | r], Var(S | r)) + k3(E[S | r]), every conditional
    cumulant proportional to r, the draw's scale over its mean (mortality's for JKM, accidents' for JKK). Built here
    from the model with one draw, the draws' mean (the conditional cumulants at r = 1), and the draws' moments."""
    scenario = load_scenario("madiun-2025")
    draws = np.asarray(scenario.intensity_draws)
    assert draws.shape[0] > 1
    at_mean = build_model(dataclasses.replace(scenario, intensity_draws=(tuple(draws.mean(axis=0)),)))
    var1, third1 = trial_cumulants(at_mean)
    closed = expected(at_mean).amounts
    mean = np.concatenate([closed, closed.sum(axis=0, keepdims=True)])
    r = draws / draws.mean(axis=0)
    peril = np.array([0 if b.startswith("jkm_") else 1 for b in INDEX])
    var_r, k3_r = ((r - 1) ** 2).mean(axis=0)[peril], ((r - 1) ** 3).mean(axis=0)[peril]
    assert np.all(k3_r != 0)
    variance, third = trial_cumulants(build_model(scenario))
    assert third == pytest.approx(third1 + 3 * var_r * mean * var1 + k3_r * mean**3, rel=1e-9)
    assert variance == pytest.approx(var1 + var_r * mean**2, rel=1e-9)
    assert np.array_equal(variance, trial_variance(build_model(scenario)))


# --- the bounds ------------------------------------------------------------------------------------------------------


def test_the_bounds_put_the_normal_s_chance_beyond_them_under_the_translated_gamma():
    """At skewness 0 the bounds are +-4 SE; for a skewness g they are where the gamma of shape 4 / g^2, shifted and
    scaled to mean 0 and SD 1, leaves P(Z > 4) on either side (below only up to g = 0.2, the normal's 4 beyond);
    Cornish-Fisher's 4 +- 2.5 g to first order; monotone (wider above, narrower below, as g grows); and mirrored
    for a negative g."""
    upper, lower = skew_limits(np.array([0.0, 1e-9]))
    assert np.all(upper == FLAG_SE) and np.all(lower == FLAG_SE)
    g = np.array([0.001, 0.01, 0.1, 0.2, 0.5, 0.75, 1.0, 3.0])
    upper, lower = skew_limits(g)
    shape = 4 / g**2
    narrowed = g <= SKEW_NARROWED_MAX
    assert SKEW_NARROWED_MAX == 0.2
    assert gamma.sf(shape + upper * np.sqrt(shape), shape) == pytest.approx(np.full(g.size, norm.sf(4)), rel=1e-6)
    assert (gamma.cdf(shape[narrowed] - lower[narrowed] * np.sqrt(shape[narrowed]), shape[narrowed])
            == pytest.approx(np.full(narrowed.sum(), norm.sf(4)), rel=1e-6))
    assert np.all(lower[~narrowed] == FLAG_SE)
    assert P_SIDE == pytest.approx(norm.sf(FLAG_SE))
    assert np.abs(upper[:2] - (4 + 2.5 * g[:2])).max() < 0.01 * g[1]
    assert np.abs(lower[:2] - (4 - 2.5 * g[:2])).max() < 0.01 * g[1]
    assert np.all(np.diff(upper) > 0) and np.all(np.diff(lower[narrowed]) < 0) and np.all(lower > 2)
    mirrored = skew_limits(-g)
    assert np.array_equal(mirrored[0], lower) and np.array_equal(mirrored[1], upper)


# --- the bounds against exact tail chances ----------------------------------------------------------------------------
# A benefit's total in one trial is compound Poisson (rate lambda, a severity), so the sum of n trials is compound
# Poisson of rate N = n lambda and its mean's distance from the expected value in SEs, z, is the sum's in SDs: a
# function of N and the severity alone, exactly computable. Its skewness is E[X^3] / E[X^2]^1.5 / sqrt(N).


def _bounds(rate, moments):
    """The sum's mean and SD, and skew_limits' (upper, lower) bounds in SDs, for severity moments E[X^1..3]."""
    ex, ex2, ex3 = moments
    upper, lower = skew_limits(np.array([ex3 / ex2**1.5 / math.sqrt(rate)]))
    return rate * ex, math.sqrt(rate * ex2), float(upper[0]), float(lower[0])


def _two_point_tails(rate, amounts, probs, z_upper, z_lower):
    """Exact P(z > z_upper) and P(z < -z_lower) for a severity of two amounts (a < b): S = a K1 + b K2, K1 and K2
    independent Poisson, summed over K2."""
    (a, b), (pa, pb) = amounts, probs
    moments = [pa * a**k + pb * b**k for k in (1, 2, 3)]
    mean, sd = rate * moments[0], math.sqrt(rate * moments[1])
    k2 = np.arange(int(rate * pb + 40 * math.sqrt(rate * pb)) + 40)  # the Poisson mass beyond: below 1e-30
    weight = poisson.pmf(k2, rate * pb)
    rest = rate * pa
    above = weight @ poisson.sf(np.floor((mean + z_upper * sd - b * k2) / a), rest)
    below = weight @ poisson.cdf(np.ceil((mean - z_lower * sd - b * k2) / a) - 1, rest)
    return float(above), float(below)


def _lognormal_tails(rate, cv, z_upper, z_lower, points=2**18):
    """P(z > z_upper) and P(z < -z_lower) for a lognormal severity of mean 1 and CV ``cv``: sim.exact's grid (each
    payment spread over its neighbouring points by its stop-loss transform, keeping its mean) and tilted FFT. The
    grid's error, against 4 times as many points and against the rigorous bracket of payments rounded down and up
    (2^20 points), was below 1 % of the chances asserted."""
    w = 1 + cv * cv
    mean, sd = rate, math.sqrt(rate * w)
    grid = _Grid(max(1.5 * (mean + z_upper * sd), mean + 12 * sd) / points, points)
    severity = grid.from_stop_loss(_lognormal_stop_loss(1.0, cv))
    total = grid.inverse(np.exp(rate * (grid.transform(severity) - 1)))
    # Above: 1 - P(S <= t), summing only the grid below t (the tilt's round-off grows towards the grid's top).
    return 1 - total[grid.x <= mean + z_upper * sd].sum(), total[grid.x < mean - z_lower * sd].sum()


def _fixed_tails(rate, z_upper, z_lower):
    """A fixed payment: the sum is a Poisson count."""
    mean, sd = rate, math.sqrt(rate)
    return poisson.sf(math.floor(mean + z_upper * sd), rate), poisson.cdf(math.ceil(mean - z_lower * sd) - 1, rate)


TWO_POINT = ((1.0, 20.0), (0.95, 0.05))  # a care cost, and one payment in 20 a benefit 20 times as large


def _exact(case, rate, z=None):
    """Exact (above, below) chances beyond ``z`` = (upper, lower), skew_limits' bounds when not given."""
    kind, cv = case
    moments = (1.0, 1.0, 1.0) if kind == "fixed" else (
        tuple(TWO_POINT[1][0] * TWO_POINT[0][0]**k + TWO_POINT[1][1] * TWO_POINT[0][1]**k for k in (1, 2, 3))
        if kind == "two-point" else (1.0, 1 + cv * cv, (1 + cv * cv) ** 3))
    upper, lower = z or _bounds(rate, moments)[2:]
    if kind == "fixed":
        return _fixed_tails(rate, upper, lower)
    if kind == "two-point":
        return _two_point_tails(rate, *TWO_POINT, upper, lower)
    return _lognormal_tails(rate, cv, upper, lower)


@pytest.mark.parametrize("case, rate", [
    (("fixed", None), 100),  # mild: skewness 0.10, bounds 4.25 and 3.75; exact 0.97 and 0.95 P_SIDE
    (("lognormal", 1.0), 200),  # mild: skewness 0.20, bounds 4.51 and 3.51; exact 1.26 and 1.17 P_SIDE
    (("lognormal", 0.5), 8),  # skewness 0.49: bounds 5.28 and 2.84; exact 0.78 above, none below
    (("two-point", None), 10),  # strongly skewed: 1.32, bounds 7.53 and 4 (not narrowed); exact 0.28 above, none below
])
def test_the_exact_chance_beyond_a_skewed_bound_is_about_the_normal_s(case, rate):
    """A compound Poisson mean of N expected payments, exactly: the chance of lying beyond the skewed bound on either
    side is within a factor 2 of P_SIDE (measured: at most 1.26 above and 1.17 below over these cases), and the
    upper one at least a fifth of it (measured at least 0.28): the bound is not merely wide. Below, where the bound
    stays at 4 (skewness over SKEW_NARROWED_MAX), the chance is below P_SIDE. See README, "exact tail chances"."""
    above, below = _exact(case, rate)
    assert P_SIDE / 5 < above < 2 * P_SIDE
    assert below < 2 * P_SIDE


@pytest.mark.parametrize("case, rate", [(("two-point", None), 10), (("lognormal", 0.5), 8)])
def test_the_symmetric_bound_s_upper_tail_is_far_beyond_the_normal_s_for_a_skewed_mean(case, rate):
    """The same skewed means judged by +-4 SE: the exact chance above is 59 and 19 times P_SIDE (the false flags
    the skewed bound removes), more than 10 times the chance beyond the skewed bound."""
    symmetric, _ = _exact(case, rate, (FLAG_SE, FLAG_SE))
    above, _ = _exact(case, rate)
    assert symmetric > 10 * P_SIDE and symmetric > 10 * above


@pytest.mark.parametrize("skew", [0.1, 0.2, 0.3, 0.5, 0.75])
def test_the_lower_bound_holds_the_normal_s_chance_for_the_care_cost_s_lognormal(skew):
    """The scenarios' care cost (lognormal, CV 2: ``medical_cost_cv``) as a compound Poisson mean of the given
    skewness: the exact chance below the lower bound is within 3 times P_SIDE (measured at most 1.8, at g = 0.2; 0.13
    and under at 4 SE beyond). Narrowed up to g = 0.75, as before, it was 3.0, 10.5 and 56 times at 0.3, 0.5, 0.75:
    the translated gamma's short tail ends at -2 / g SEs, the lognormal sum's does not."""
    rate = (5**1.5 / skew) ** 2  # E[X^3] / E[X^2]^1.5 = (1 + CV^2)^1.5 for a lognormal
    _, below = _exact(("lognormal", 2.0), rate)
    assert below < 3 * P_SIDE


def test_the_mean_s_skewness_is_a_trial_s_over_the_root_of_the_trials():
    variance, third = np.array([4.0, 0.0, 1.0]), np.array([8.0, 0.0, -2.0])
    assert mean_skewness(variance, third, 100) == pytest.approx([0.1, 0.0, -0.2])
    assert np.all(mean_skewness(variance, None, 100) == 0)


# --- the check -------------------------------------------------------------------------------------------------------


def test_a_skewed_mean_the_symmetric_bound_flagged_is_ok_now():
    """SKEWED_ROW, in a run of the right model: 4.5 SEs above the closed form, flagged by the symmetric bound, within
    the skewed one; ``sim run`` writes that row, with the skewness and bound that explain its flag."""
    model, blocks = _blocks(*SKEWED)
    symmetric = _breakdown(model, blocks, third=False)[SKEWED_ROW]
    row = _breakdown(model, blocks)[SKEWED_ROW]
    assert symmetric["flag"] == "check" and symmetric["z_limit"] == FLAG_SE and symmetric["skew"] == 0
    assert row["mean_idr"] > row["expected_idr"] and FLAG_SE < row["z"] < row["z_limit"] and row["flag"] == "ok"
    variance, third = trial_cumulants(model)
    p, s, b = model.period_labels.index("2024"), [e.segment.name for e in model.segments].index("marbot"), \
        INDEX["jkk_scholarship"]
    skew = third[p, s, b] / variance[p, s, b] ** 1.5 / math.sqrt(2000)
    assert row["skew"] == pytest.approx(skew, abs=1e-4)
    assert row["z_limit"] == pytest.approx(float(skew_limits(np.array([skew]))[0][0]), abs=1e-3)
    written = {(r["period"], r["segment"], r["benefit"]): r for r in forecast(load_scenario(*SKEWED))["breakdown"]}
    assert written[SKEWED_ROW] == row


def test_a_simulation_that_pays_too_much_is_still_flagged():
    """The same trials with batik's JKK scholarships paid twice over, or its total disabilities at twice the benefit
    (the simulation wrong, the closed form right): the skewed bound still flags them over the horizon (6.0 and 5.0
    SEs above, bounds 4.6 and 4.4)."""
    model, blocks = _blocks(*SKEWED)
    segment = [e.segment.name for e in model.segments].index("batik")
    right = _breakdown(model, blocks)
    for benefit in ("jkk_scholarship", "jkk_total"):
        key = ("total", "batik", benefit)
        wrong = _breakdown(model, _scaled(blocks, benefit, 2.0, segment))[key]
        assert right[key]["flag"] == "ok"
        assert wrong["flag"] == "check" and wrong["mean_idr"] > wrong["expected_idr"] and wrong["z"] > wrong["z_limit"]


def test_a_mean_too_low_is_flagged_below_by_the_narrower_bound():
    """A skewed mean 3.8 SEs below the closed form (the simulation paying too little of the vulnerable segment's
    medical care of 2024, skewness 0.13): within the symmetric 4 SEs, but below the skewed lower bound (3.67 SEs),
    so flagged."""
    model, blocks = _blocks(*SKEWED)
    right = _breakdown(model, blocks)[LOW_ROW]
    assert right["flag"] == "ok" and 0 < right["skew"] < SKEW_NARROWED_MAX
    target = right["expected_idr"] - 3.8 * right["model_se_idr"]
    segment = [e.segment.name for e in model.segments].index(LOW_ROW[1])
    short = _scaled(blocks, LOW_ROW[2], target / right["mean_idr"], segment, model.period_labels.index(LOW_ROW[0]))
    row = _breakdown(model, short)[LOW_ROW]
    symmetric = _breakdown(model, short, third=False)[LOW_ROW]
    assert row["mean_idr"] < row["expected_idr"] and row["z"] == pytest.approx(3.8, abs=1e-3)
    assert row["z_limit"] < 3.8 and row["flag"] == "check"
    assert symmetric["flag"] == "ok"


@pytest.mark.parametrize("code, words, overclaim", [
    ("en", ("skewed mean", "widened above", "a gamma approximation gives it a normal's chance of a flag",
            "computed exactly, up to about 3 times that chance", "for a mildly skewed one, narrowed below"),
     "same chance"),
    ("id", ("sebarannya menceng", "diperlonggar di atas", "menurut pendekatan gamma",
            "bila dihitung secara eksak, hingga sekitar 3 kali peluang itu",
            "bila kemencengannya kecil, diperketat di bawah"), "tetap sama")])
def test_the_report_says_how_the_bound_is_set(code, words, overclaim):
    """The validation section's text says, in its flag sentence, that a skewed mean's bound is wider above, and
    narrower below only for a mildly skewed mean (up to SKEW_NARROWED_MAX: a mean of few large payments keeps 4
    below). It said "with the same chance of a flag", which only the translated gamma gives: the chances computed
    exactly (skew_limits; README, "exact tail chances") are up to 2.8 times the normal's above and 2.5 below, so it
    now says the gamma matches it and the exact chance is up to about 3 times it."""
    from sim.i18n import Language

    text = Language(code)("valid_breakdown", span="")
    sentence = text[text.index(("A row is flagged", "Baris ditandai")[code == "id"]):]
    assert all(w in sentence for w in words) and sentence.count(".") == 1
    assert overclaim not in text


@pytest.mark.parametrize("code, ok_text, check_text", [("en", "ok (z limit 6.57)", "check (z limit 2.76)"),
                                                       ("id", "sesuai (batas z 6,57)", "periksa (batas z 2,76)")])
def test_the_report_shows_the_bound_where_it_turns_the_verdict(code, ok_text, check_text):
    """The validation table's Check cell: a mean above 4 SEs yet ok, or below 4 yet flagged, carries its bound; a
    verdict the plain 4 would give, a rare benefit judged by its count (no bound) and too few trials carry none."""
    from sim.i18n import Language
    from sim.report_sections import _row_check

    lang = Language(code)
    assert _row_check(lang, {"flag": "ok", "z": 4.49, "z_limit": 6.57}) == ok_text
    assert _row_check(lang, {"flag": "check", "z": 3.3, "z_limit": 2.76}) == check_text
    assert _row_check(lang, {"flag": "ok", "z": 1.2, "z_limit": 4.4}) == lang.flag("ok")
    assert _row_check(lang, {"flag": "check", "z": 7.0, "z_limit": 4.4}) == lang.flag("check")
    assert _row_check(lang, {"flag": "check", "z": 1.0, "z_limit": None}) == lang.flag("check")
    assert _row_check(lang, {"flag": "too_few", "z": None, "z_limit": None}) == lang.flag("too_few")


def test_a_rare_benefit_judged_by_its_count_has_no_z_bound():
    """A benefit too rare for an SE is judged by its count under Poisson (or not at all), so its row has no
    ``z_limit``, even when its count flags it; every other row of the run has one."""
    model, blocks = _blocks(*SKEWED)
    right = _breakdown(model, blocks)
    rare = [k for k, r in right.items() if r["flag"] == "too_few" and not k[2].endswith("_scholarship")]
    assert rare and all(right[k]["z_limit"] is None for k in rare)
    assert all(r["z_limit"] is not None for r in right.values() if r["flag"] != "too_few")
    # A year's rare row against a closed form expecting a hundredth as many payments (six paid where 0.06 are
    # expected, still too few for an SE): its count flags it, with no z bound.
    key = ("2024", "batik", "jkk_total")
    assert key in rare and right[key]["count_mean"] > 0
    closed = expected(model)
    p, s = model.period_labels.index(key[0]), [e.segment.name for e in model.segments].index(key[1])
    counts = closed.counts.copy()
    counts[p, s, INDEX[key[2]]] /= 100
    trials = sum(b.block.trials for b in blocks)
    variance, third = trial_cumulants(model)
    with Aggregator(model, dataclasses.replace(closed, counts=counts), trials, None, variance, third) as agg:
        for b in blocks:
            agg.add(b)
        flagged = {(r["period"], r["segment"], r["benefit"]): r for r in agg.summary()["breakdown"]}[key]
    assert flagged["flag"] == "check" and flagged["z_limit"] is None
