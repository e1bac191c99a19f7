"""The wage growth (``assumptions.wage_growth``): a PU segment's wage in the k-th calendar year after the horizon's
first is wage x (1 + growth)^k, in its premium (the model's, a year's from the start, the projection's and the
planning rates) and in the JKK benefits set as multiples of the wage, in the engine, the closed form (its mean,
variance and third cumulant) and the exact distribution; a BPU segment's income band does not grow; the tornado
moves it; 0 changes nothing.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from test_care_cost_trend import trial_arrays
from test_mean_check import sample_variance

from sim.benefits import BENEFIT_NAMES, INDEX
from sim.closed_form import expected, trial_cumulants, trial_variance
from sim.engine import BLOCK_TRIALS
from sim.exact import exact_distribution
from sim.forecast import forecast
from sim.i18n import Language
from sim.population import build_model, year_premium_rates
from sim.regulation import load_regulation
from sim.report_document import Para, Table
from sim.report_sections import sensitivity_figures, sensitivity_section
from sim.scenario import load_scenario
from sim.sensitivity import tornado

GROWTH = "assumptions.wage_growth"
PU, BPU = 0, 1  # madiun-2025's segments: non-ASN staff (PU), vulnerable workers (BPU)
WAGE_PAID = [INDEX[b] for b in ("jkk_temporary", "jkk_partial")]  # pure multiples of the wage
# A multiple of the wage plus a fixed part: 56 x wage + periodic, max(48 x wage, floor) + funeral + periodic.
TOTAL, DEATH = INDEX["jkk_total"], INDEX["jkk_death"]
NOT_WAGE = [INDEX[b] for b in BENEFIT_NAMES if b not in ("jkk_temporary", "jkk_partial", "jkk_total", "jkk_death")]
# Every accident a death, care at exactly 0: what each case pays is the death benefit of its year's wage.
DEATHS_ONLY = [
    "assumptions.severity.share_medical_only=0.0", "assumptions.severity.share_temporary=0.0",
    "assumptions.severity.share_partial=0.0", "assumptions.severity.share_total=0.0",
    "assumptions.severity.share_death=1.0", "assumptions.severity.medical_cost_cv=0.0",
    "assumptions.severity.medical_cost_mean=0",
]


def _model(scenario_id: str, overrides=()):
    return build_model(load_scenario(scenario_id, list(overrides)))


def _half_up(x: float) -> float:
    """A premium rounded to the whole rupiah, half up (README: the rounding assumed)."""
    return float(np.floor(x + 0.5 + 1e-9))


def test_a_pu_members_premium_in_year_k_is_the_rate_times_the_wage_grown_k_times():
    g = 0.1
    model = _model("madiun-2025", [f"{GROWTH}={g}"])
    assert model.period_labels == ("2025", "2026", "2027")
    seg = model.segments[PU].segment
    rules = load_regulation().at(model.month_dates[0])
    rate = rules["premium.pu_jkk_rate_by_class"][seg.risk_class - 1] + rules["premium.pu_jkm_rate"]
    for m, d in enumerate(model.month_dates):
        k = d.year - 2025
        assert model.segments[PU].premium_rate[m] == _half_up(rate * seg.wage * (1 + g) ** k), d
    assert model.segments[PU].premium_rate[24] == 14278  # Rp11,800 on the wage of 2025, 1.21 times it in 2027
    # The closed form's premium of each year is the members in force times that year's rate.
    exp = expected(model)
    for p in range(3):
        months = model.period_of_month == p
        in_force = model.segments[PU].inforce[:, months].sum(axis=0)
        paid = float((in_force * model.segments[PU].premium_rate[months]).sum())
        assert exp.premium[p, PU] == pytest.approx(paid, rel=1e-12)
    # A year's premium from a start in July steps in January (a step each 1 January, not a year after the start).
    july = load_scenario("madiun-2025", [f"{GROWTH}={g}", 'scenario.start="2025-07"'])
    assert year_premium_rates(july, july.segments[PU]) == [11800.0] * 6 + [_half_up(rate * seg.wage * 1.1)] * 6


def test_the_projection_and_the_planning_rates_take_the_wage_of_each_year():
    """madiun-2026-ucj (2026-2030, members projected): the non-ASN staff's premium per member-month in the
    projection, and the planning rows' rate of the year after the horizon's last (2031), are on the grown wage."""
    from sim.report_planning import _Projected
    from sim.budget import project_scenario

    g = 0.065
    scenario = load_scenario("madiun-2026-ucj", [f"{GROWTH}={g}"])
    seg = next(s for s in scenario.segments if s.scheme == "PU")
    assert seg.wage_year == 2026
    rules = load_regulation().at(scenario.start)
    rate = rules["premium.pu_jkk_rate_by_class"][seg.risk_class - 1] + rules["premium.pu_jkm_rate"]
    model = build_model(scenario)
    s = [e.segment.name for e in model.segments].index(seg.name)
    for m, d in enumerate(model.month_dates):  # the members' premium over their number: the same rate, blended
        assert model.segments[s].premium_rate[m] == pytest.approx(_half_up(rate * seg.wage * 1.065 ** (d.year - 2026)),
                                                                  rel=1e-12), d
    projected = _Projected.of(scenario, project_scenario(scenario, {}))
    assert projected.own_rate_after[s].tolist() == [_half_up(rate * seg.wage * (1 + g) ** 5)] * 12
    flat = _Projected.of(load_scenario("madiun-2026-ucj"), project_scenario(load_scenario("madiun-2026-ucj"), {}))
    assert flat.own_rate_after[s].tolist() == [_half_up(rate * seg.wage)] * 12


def _each_death_pays(model, benefit):
    """Every PU work-accident death in a year's trials, and the closed form's mean per death, pay that year's
    ``benefit`` (deaths in every year, so each year is checked); the closed form, for further checks."""
    amounts, counts = trial_arrays(model)
    paid = counts[:, :, PU, DEATH]
    assert (paid.sum(axis=0) > 0).all()
    np.testing.assert_allclose(amounts[:, :, PU, DEATH], paid * benefit[None, :], rtol=1e-12)
    exp = expected(model)
    np.testing.assert_allclose(exp.amounts[:, PU, DEATH] / exp.counts[:, PU, DEATH], benefit, rtol=1e-12)
    return exp


def test_a_pu_death_from_a_work_accident_pays_48_times_the_years_wage_or_the_floor():
    """A wage of Rp800,000 growing 5 % a year: 48 x wage is below the Rp42 m floor in 2025 and 2026 (Rp38.4 m,
    Rp40.3 m) and above it in 2027 (Rp42.3 m), so each year's benefit is max(48 x wage_k, floor), not the first
    year's scaled."""
    g = 0.05
    model = _model("madiun-2025-prior", [*DEATHS_ONLY, f"{GROWTH}={g}", "segments.non_asn.wage=800000",
                                         "segments.non_asn.wage.range=[700000, 900000]"])
    assert not model.scenario.intensity_draws  # the variance below is of the count alone
    rules = model.regimes[0]
    assert len(model.regimes) == 1
    wage = 800000 * (1 + g) ** np.arange(3)
    lump = np.maximum(48 * wage, rules["jkk.death_floor"])
    assert lump[0] == lump[1] == rules["jkk.death_floor"] < lump[2]
    benefit = lump + rules["jkk.funeral"] + rules["jkk.periodic"]
    exp = _each_death_pays(model, benefit)
    # Each case the same amount in its year: no spread beyond the count's (CV 0 of the amount).
    variance = trial_variance(model)
    np.testing.assert_allclose(variance[:-1, PU, DEATH], exp.counts[:, PU, DEATH] * benefit**2, rtol=1e-9)


def test_a_falling_pu_wage_lowers_each_later_years_benefits_in_the_engine_and_the_closed_form():
    """A wage growth below 0 (down to -0.5 is allowed: a --set or a range's low end): a wage of Rp2 m falling 10 % a
    year keeps 48 x wage above the Rp42 m floor (Rp96 m, Rp86.4 m, Rp77.8 m), so each year's work-accident death
    pays 48 x that year's wage in the trials as in the closed form, not the stated wage's."""
    g = -0.1
    model = _model("madiun-2025-prior", [*DEATHS_ONLY, f"{GROWTH}={g}", "segments.non_asn.wage=2000000",
                                         "segments.non_asn.wage.range=[1900000, 2100000]"])
    rules = model.regimes[0]
    assert len(model.regimes) == 1
    lump = 48 * 2000000 * (1 + g) ** np.arange(3)
    assert (lump > rules["jkk.death_floor"]).all()
    benefit = lump + rules["jkk.funeral"] + rules["jkk.periodic"]
    _each_death_pays(model, benefit)


def test_the_engine_agrees_with_the_closed_form_in_every_year_with_wage_growth():
    scenario = load_scenario("madiun-2025", ["scenario.trials=4000", GROWTH + "=0.1"])
    assert scenario.horizon_months == 36 and scenario.start.month == 1
    summary = forecast(scenario, exact_check=False)
    periods = [p for p in summary["periods"] if p["period"] != "total"]
    assert [p["period"] for p in periods] == ["2025", "2026", "2027"]
    for p in summary["periods"]:
        claims = p["claims_idr"]
        assert abs(claims["mean"] - p["claims_expected_idr"]) <= 4 * claims["se"], p
    wage_paid = [r for r in summary["breakdown"] if r["benefit"] in ("jkk_temporary", "jkk_death")]
    assert {r["period"] for r in wage_paid} >= {"2025", "2026", "2027"}
    for r in wage_paid:
        assert abs(r["mean_idr"] - r["expected_idr"]) <= 4 * r["se_idr"], r
    # Guard: the growth is in both, STMB per case in 2027 1.21 times 2025's.
    exp = expected(build_model(scenario))
    stmb = exp.amounts[:, PU, INDEX["jkk_temporary"]] / exp.counts[:, PU, INDEX["jkk_temporary"]]
    assert stmb[2] / stmb[0] == pytest.approx(1.21, rel=1e-12)


def test_the_closed_form_variance_with_wage_growth_is_the_variance_of_the_trials():
    """As tests/test_mean_check.py: each period's and the horizon's variance per segment and benefit against the
    sample variance of 20,000 trials, within 4 of its own standard errors."""
    model = _model("madiun-2025", ["scenario.trials=20000", GROWTH + "=0.3"])
    sample, se = sample_variance(trial_arrays(model, 20000)[0])
    variance = trial_variance(model)
    paid = variance > 0
    assert paid[:, PU, DEATH].all()
    z = np.abs(sample - variance)[paid] / se[paid]
    assert z.max() <= 4, z.max()
    # Guard: the variance on the stated wage (no growth) is far more than 4 SE from the last year's trials, so a
    # variance left on the stated wage would fail above.
    stated = trial_variance(_model("madiun-2025", ["scenario.trials=20000"]))
    assert abs(sample - stated)[2, PU, DEATH] / se[2, PU, DEATH] > 10


def test_the_closed_form_moments_of_wage_benefits_scale_by_the_wage_to_their_power():
    g = 0.1
    flat, grown = (_model("madiun-2025-prior", [f"{GROWTH}={x}"]) for x in (0, g))
    assert not grown.scenario.intensity_draws
    factor = (1 + g) ** np.arange(3)
    a, b = expected(flat), expected(grown)
    np.testing.assert_allclose(b.amounts[:, PU][:, WAGE_PAID], a.amounts[:, PU][:, WAGE_PAID] * factor[:, None],
                               rtol=1e-12)
    assert np.array_equal(b.amounts[..., NOT_WAGE], a.amounts[..., NOT_WAGE]) and np.array_equal(b.counts, a.counts)
    assert np.array_equal(b.amounts[:, BPU], a.amounts[:, BPU])
    for power, x, y in zip((2, 3, 4), *(trial_cumulants(m, fourth=True) for m in (flat, grown))):
        np.testing.assert_allclose(y[:-1, PU][:, WAGE_PAID], x[:-1, PU][:, WAGE_PAID] * factor[:, None] ** power,
                                   rtol=1e-12)
        assert np.array_equal(y[..., NOT_WAGE], x[..., NOT_WAGE]) and np.array_equal(y[:, BPU], x[:, BPU])
        # The total disability and death benefits' wage part grows (48 x Rp2.19 m is above the floor), their fixed
        # part does not.
        for benefit in (TOTAL, DEATH):
            later, scaled = y[1:-1, PU, benefit], factor[1:] ** power * x[1:-1, PU, benefit]
            assert (later > x[1:-1, PU, benefit]).all() and (later < scaled).all()


def test_wage_growth_draws_the_same_random_numbers_and_leaves_bpu_members_as_they_are():
    g = 0.1
    flat = trial_arrays(_model("madiun-2025", [f"{GROWTH}=0"]))
    grown = trial_arrays(_model("madiun-2025", [f"{GROWTH}={g}"]))
    assert np.array_equal(grown[1], flat[1])  # the same cases in the same trials and years
    assert np.array_equal(grown[0][..., NOT_WAGE], flat[0][..., NOT_WAGE])  # care, JKM, scholarships bit for bit
    assert np.array_equal(grown[0][:, :, BPU], flat[0][:, :, BPU])  # a BPU income band does not grow
    assert np.array_equal(grown[0][:, 0], flat[0][:, 0])  # the first year on the stated wage
    factor = (1 + g) ** np.arange(3)
    np.testing.assert_allclose(grown[0][:, :, PU][..., WAGE_PAID], flat[0][:, :, PU][..., WAGE_PAID]
                               * factor[None, :, None], rtol=1e-12)
    assert flat[0][:, 2, PU][:, WAGE_PAID].sum() > 0
    # The BPU segment's premium is the same, the PU segment's grows.
    a, b = (_model("madiun-2025", [f"{GROWTH}={x}"]) for x in (0, g))
    assert np.array_equal(a.segments[BPU].premium_rate, b.segments[BPU].premium_rate)
    assert b.segments[BPU].segment.wage_growth == 0 and b.segments[PU].segment.wage_growth == g


def test_wage_growth_over_one_calendar_year_changes_no_number():
    # A horizon of one calendar year is all on the stated wage: the same arrays, bit for bit, as no growth.
    one_year = ["scenario.horizon_months=12"]
    a, b = (_model("madiun-2025", [*one_year, f"{GROWTH}={x}"]) for x in (0, 0.5))
    flat, grown = trial_arrays(a), trial_arrays(b)
    assert np.array_equal(flat[0], grown[0]) and np.array_equal(flat[1], grown[1])
    assert np.array_equal(expected(a).premium, expected(b).premium)
    assert all(np.array_equal(x.premium_rate, y.premium_rate) for x, y in zip(a.segments, b.segments))
    # Guard: over two calendar years the same growth moves the second year's premium and claims.
    a, b = (_model("madiun-2025", ["scenario.horizon_months=13", f"{GROWTH}={x}"]) for x in (0, 0.5))
    assert expected(b).premium[1].sum() > expected(a).premium[1].sum()
    assert expected(b).amounts[1].sum() > expected(a).amounts[1].sum()


def test_with_wage_growth_the_same_seed_gives_the_same_numbers_however_trials_are_chunked():
    trials = 2 * BLOCK_TRIALS + 300  # a partial last block
    tables = []
    for chunk, growth in ((BLOCK_TRIALS, 0.2), (100 * BLOCK_TRIALS, 0.2), (2 * BLOCK_TRIALS, 0.2), (BLOCK_TRIALS, 0)):
        scenario = load_scenario("madiun-2025", [f"scenario.trials={trials}", "scenario.horizon_months=24",
                                                 f"{GROWTH}={growth}"])
        buffer = io.StringIO()
        summary = forecast(scenario, chunk_trials=chunk, trial_table=buffer, exact_check=False)
        tables.append((buffer.getvalue(), summary["periods"]))
    assert tables[0] == tables[1] == tables[2]
    assert tables[3][0] != tables[0][0]  # guard: the growth is in the trials (the second year's)


def test_the_exact_distribution_pays_on_the_wage_of_the_calendar_year():
    model = _model("madiun-2025", [GROWTH + "=0.2"])
    for period in range(3):
        r = exact_distribution(model, period)
        assert r.mean_rel_error < 1e-6, (period, r.mean, r.mean_closed_form)
    # Guard: the growth moves the later years' mean.
    assert expected(model).amounts[2].sum() > expected(_model("madiun-2025")).amounts[2].sum()


@pytest.fixture(scope="module")
def prior():
    return load_scenario("madiun-2025-prior")


@pytest.fixture(scope="module")
def prior_tornado(prior):
    return tornado(prior)


def test_the_tornado_moves_the_growth_and_it_changes_a_later_years_premium_and_claims(prior, prior_tornado):
    base, swings, _ = prior_tornado
    swing = next(s for s in swings if s.key == GROWTH)
    assert (swing.value, swing.low, swing.high) == (0, 0, 0.065)
    assert swing.at_low.claims_idr == base.claims_idr and swing.at_low.last.claims_idr == base.last.claims_idr
    # The first year is on the stated wage; the last full year (2027) on 1.065^2 times it: the closed form of --set.
    assert swing.at_high.claims_idr == pytest.approx(base.claims_idr, rel=1e-12)
    assert swing.at_high.premium_idr == pytest.approx(base.premium_idr, rel=1e-12)
    high = build_model(load_scenario("madiun-2025-prior", [f"{GROWTH}=0.065"]))
    p = high.period_labels.index(base.last.period)
    assert base.last.period == "2027"
    at_high = expected(high)
    assert swing.at_high.last.claims_idr == pytest.approx(float(at_high.amounts[p].sum()), rel=1e-12)
    assert swing.at_high.last.premium_idr == pytest.approx(float(at_high.premium[p].sum()), rel=1e-12)
    assert swing.at_high.last.claims_idr > base.last.claims_idr
    assert swing.at_high.last.premium_idr > base.last.premium_idr


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_report_lists_the_growth_with_its_label(prior, prior_tornado, code):
    lang = Language(code)
    sens = sensitivity_figures(prior, *prior_tornado)
    assert GROWTH in [r["parameter"] for r in sens["rows"]]
    assert GROWTH not in [r["parameter"] for r in sens["no_effect"]]
    label = {"id": "Kenaikan upah peserta PU per tahun", "en": "PU wage rise per year"}[code]
    assert lang.parameter(GROWTH) == label
    later = next(b for b in sensitivity_section(lang, {"sensitivity": sens}).blocks
                 if isinstance(b, Table) and b.name == "sensitivity_later")
    assert label in [row[0] for row in later.rows]


def test_the_reports_claim_ratio_trend_does_not_take_a_growing_wage_for_a_rate_change():
    """The report's reason for a premium per member that moves (``report_trend``): a growing wage leaves the PU
    rate (a share of the wage, "tarif" in Indonesian) as it is, so the reason keeps the one for unchanged rates and
    names the wages in a clause of its own (test_report_trend)."""
    from sim.report_trend import _rates_change

    assert not _rates_change(load_scenario("madiun-2025-prior"))
    assert not _rates_change(load_scenario("madiun-2025-prior", [f"{GROWTH}=0.065"]))


@pytest.mark.parametrize("code", ["id", "en"])
def test_without_a_pu_segment_the_growth_is_not_varied_and_the_report_says_why(code):
    """jambi-2025's members are all BPU, whose wage is a declared income band: the growth moves nothing there, so
    the tornado leaves it out (as a default no segment uses) and the report's note names it with the reason."""
    from sim.report_sections import entry_names
    from sim.sensitivity import groups, unused_parameters

    jambi = load_scenario("jambi-2025")
    assert {s.scheme for s in jambi.segments} == {"BPU"}
    assert GROWTH in unused_parameters(jambi.resolved)
    assert GROWTH not in {key for key, _ in groups(jambi.resolved)}
    assert GROWTH not in unused_parameters(load_scenario("madiun-2025-prior").resolved)
    lang = Language(code)
    why = {"id": "tidak ada segmen PU", "en": "no segment is PU"}[code]
    assert why in lang.parameter(GROWTH, entry_names(jambi, lang))
    # Only where no segment is PU: madiun's PU staff beside its BPU workers have the growth's bar, named plainly.
    prior = load_scenario("madiun-2025-prior")
    assert why not in lang.parameter(GROWTH, entry_names(prior, lang)) == lang.parameter(GROWTH)


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_sensitivity_note_explains_the_wage_growth_only_where_the_tornado_moves_it(prior, prior_tornado, code):
    """The note under the tornado's table says the wage growth, like the care cost trend, moves only the years after
    the first. jambi-2025's report (all BPU) named the growth among the parameters not varied and still explained it
    in that note; there the note speaks of the care cost trend alone."""
    care = {"id": "Kenaikan biaya perawatan medis per tahun", "en": "The medical cost rise per year"}[code]
    wages = {"id": "kenaikan upah peserta PU per tahun hanya mengubah", "en": "the PU wage rise per year change only"}

    def note(scenario, result):
        section = sensitivity_section(Language(code), {"sensitivity": sensitivity_figures(scenario, *result)})
        return next(b.text for b in section.blocks if isinstance(b, Para) and care in b.text)

    assert wages[code] in note(prior, prior_tornado)
    jambi = load_scenario("jambi-2025", ["scenario.trials=200"])
    assert wages[code] not in note(jambi, tornado(jambi))


@pytest.mark.parametrize("scenario_id", ["madiun-2025", "madiun-2026-ucj"])
def test_a_pu_wage_said_to_be_held_through_the_years_names_the_growth_that_moves_it(scenario_id):
    """madiun's non-ASN wage source said the wage is "held at the 2023 level in every year projected" ("Dipertahankan
    pada tingkat 2023 di setiap tahun proyeksi"), which a report run with the growth (``--set
    assumptions.wage_growth=0.065``) contradicted in its own register. A PU wage whose source says how it runs
    through the projected years names the growth, in both languages, by the Indonesian label's words."""
    scenario = load_scenario(scenario_id, [f"{GROWTH}=0.065"])
    held = [s.name for s in scenario.segments if s.scheme == "PU"
            and "every year projected" in scenario.resolved["segments"][s.name]["wage"]["source"]]
    assert held  # not vacuous
    for name in held:
        wage = scenario.resolved["segments"][name]["wage"]
        assert "PU wage rise per year is assumed (assumptions.wage_growth" in wage["source"]
        assert "kecuali bila diasumsikan ada kenaikan upah peserta PU per tahun" in wage["source_id"]
        assert GROWTH in wage["source_id"]
