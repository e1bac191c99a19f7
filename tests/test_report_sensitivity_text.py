"""What a calibrated scenario's sensitivity section may claim, and the words of a report's first pages.

madiun-2025 is madiun-2025-prior with its mortality loads and accident rates scaled by two multipliers fitted to the
recorded claims. The tornado used to move each segment's load alone while every other calibrated value stayed put:
PU and BPU mortality loads as two bars though the calibration fitted one multiplier for both, and bars for the other
assumptions that a recalibration would largely absorb (the BPU share of men at 0.8: 263 % with the calibrated values
held, about 252 % once recalibrated). Now each fitted multiplier is one bar at its posterior mean and 90 % interval,
and the section says that the other bars hold the calibrated values fixed; where it could refit them
(tests/test_sensitivity_recalibrated.py), what recalibrating does, in figures, instead of "overstate" in words.

The first pages (the summary and the results by year) are for a city's budget planner: no "seed", "Mahalanobis",
"prior" or "posterior"; the method section keeps the technical terms for the actuary."""

from __future__ import annotations

import re

import pytest

from sim.closed_form import expected
from sim.i18n import Language
from sim.population import build_model
from sim.report import build
from sim.report_document import Para
from sim.report_sections import methodology_section, sensitivity_section
from sim.report_text import PARAMETERS, TEXT
from sim.scenario import load_scenario
from sim.sensitivity import FITTED, FITTED_PREFIX, groups, tornado
from test_report_planning import TRIALS, one_commit, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders)
MORTALITY = FITTED_PREFIX + "mortality_scale"
ACCIDENT = FITTED_PREFIX + "accident_scale"


@pytest.fixture(scope="module")
def madiun():
    return load_scenario("madiun-2025")


def _first_year_claims(scenario_id: str, overrides: list[str]) -> float:
    scenario = load_scenario(scenario_id, ["scenario.horizon_months=12", *overrides])
    return float(expected(build_model(scenario)).amounts[0].sum())


# --- one bar per fitted multiplier -----------------------------------------------------------------------------------


def test_a_calibrated_scenario_has_one_bar_per_fitted_multiplier(madiun):
    bars = dict(groups(madiun.resolved))
    assert {k for k, _ in bars[MORTALITY]} == {"assumptions.mortality_load", "segments.vulnerable.mortality_load"}
    assert {k for k, _ in bars[ACCIDENT]} == {"segments.non_asn.accident_rate", "segments.vulnerable.accident_rate"}
    assert not [k for k in bars if k.endswith((".mortality_load", ".accident_rate"))]  # no bar per segment
    # Before calibration each load and rate is an assumption of its own, with its own bar.
    prior = {k for k, _ in groups(load_scenario("madiun-2025-prior").resolved)}
    assert {"assumptions.mortality_load", "segments.vulnerable.mortality_load", "segments.non_asn.accident_rate",
            "segments.vulnerable.accident_rate"} <= prior
    assert not [k for k in prior if k.startswith(FITTED_PREFIX)]


def test_the_multiplier_bar_is_the_posterior_interval_applied_to_every_load_it_scaled(madiun):
    """The bar shows the multiplier (posterior mean, 90 % interval), and each end is the first year's closed form
    with every load the calibration scaled at the prior load times that end of the interval."""
    base, swings, skipped = tornado(madiun)
    assert not skipped
    bar = next(s for s in swings if s.key == MORTALITY)
    posterior = madiun.calibration["mortality_scale"]
    assert (bar.value, bar.low, bar.high, bar.basis) == (posterior["mean"], posterior["p5"], posterior["p95"],
                                                           "calibrated")
    # The widest bar but the age profiles' shift (a wider one: tests/test_age_profile_range.py).
    assert [s.key for s in swings if s.key != "assumptions.age_shift"][0] == MORTALITY
    prior = load_scenario("madiun-2025-prior").resolved
    loads = {"assumptions.mortality_load": prior["assumptions"]["mortality_load"]["value"],
             "segments.vulnerable.mortality_load": prior["segments"]["vulnerable"]["mortality_load"]["value"]}
    for end, got in (("p5", bar.at_low), ("p95", bar.at_high)):
        moved = _first_year_claims("madiun-2025", [f"{k}.value={v * posterior[end]}" for k, v in loads.items()])
        assert got.claims_idr == pytest.approx(moved, rel=1e-5)  # the record's 6 decimals
    assert bar.at_low.claims_idr < base.claims_idr < bar.at_high.claims_idr


def test_the_fitted_fields_are_those_the_calibration_scaled(madiun):
    """FITTED names, for each multiplier, the field sim calibrate scaled: every calibrated parameter of madiun-2025
    is its prior value times its multiplier's posterior mean, its range the prior value times the interval."""
    prior = load_scenario("madiun-2025-prior").resolved
    seen = set()
    for label, members in groups(madiun.resolved):
        for key, node in members:
            if node["basis"] != "calibrated":
                continue
            assert label.startswith(FITTED_PREFIX), key
            stats = madiun.calibration[label[len(FITTED_PREFIX):]]
            before = prior
            for part in key.split("."):
                before = before[part]
            assert node["value"] == pytest.approx(before["value"] * stats["mean"], rel=1e-5)
            assert node["range"] == pytest.approx([before["value"] * stats["p5"], before["value"] * stats["p95"]],
                                                  rel=1e-5)
            seen.add(key.rsplit(".", 1)[-1])
    assert seen == set(FITTED.values())


def test_a_scenario_built_on_a_calibrated_one_keeps_its_own_assumptions_apart():
    """madiun-2026-ucj inherits madiun-2025's calibration; its new segments' loads are assumptions, each its own
    bar, while the inherited calibrated loads stay one multiplier."""
    scenario = load_scenario("madiun-2026-ucj")
    bars = dict(groups(scenario.resolved))
    fitted = {k for k, _ in bars[MORTALITY]}
    assert fitted == {k for k, n in bars[MORTALITY] if n["basis"] == "calibrated"} and fitted
    own = [k for k in bars if k.endswith(".mortality_load")]
    assert own and all(bars[k][0][1]["basis"] == "assumption" for k in own)


# --- the section says what the bars hold fixed ---------------------------------------------------------------------


def _sensitivity_paras(scenario, code: str) -> list[str]:
    base, swings, skipped = tornado(scenario)
    extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                              "claims_idr": base.claims_idr},
                             "rows": [s.row(base) for s in swings], "skipped": [], "no_effect": []},
             "calibration": scenario.calibration}
    blocks = sensitivity_section(Language(code), extra).blocks
    return [b.text for b in blocks if isinstance(b, Para)]


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_calibrated_scenario_says_the_other_bars_hold_the_calibration_fixed(madiun, code):
    paras = _sensitivity_paras(madiun, code)
    # Refitted at each end, the bars' effect is stated in figures (sens_calibrated_refit); without refits (the
    # experience file gone, tests/test_sensitivity_recalibrated.py) the words of sens_calibrated stay.
    opening = TEXT["sens_calibrated_refit"][code].split("{")[0]
    assert [p for p in paras if p.startswith(opening)] and TEXT["sens_calibrated"][code] not in paras
    said = {"id": ("hasil kalibrasi tidak diubah", "dikalibrasi ulang"),
            "en": ("hold the calibrated values fixed", "calibrated again")}[code]
    assert all(words in TEXT["sens_calibrated_refit"][code] for words in said)
    assert all(words in TEXT["sens_calibrated"][code] for words in said)
    assert ("melebih-lebihkan", "overstate")[code == "en"] in TEXT["sens_calibrated"][code]
    lang = Language(code)
    assert lang.parameter(MORTALITY) == PARAMETERS["mortality_scale"][code]
    assert lang.parameter(ACCIDENT) == PARAMETERS["accident_scale"][code]


def test_an_uncalibrated_scenario_does_not_say_it():
    scenario = load_scenario("madiun-2025-prior")
    assert TEXT["sens_calibrated"]["en"] not in _sensitivity_paras(scenario, "en")


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_note_gives_a_calibrated_range_s_meaning_only_where_a_bar_is_calibrated(madiun, code):
    """The note under the table said "For calibrated parameters the range is the 90% credible interval" in every
    report, also in jambi-2025-pipeline's, none of whose bars is calibrated."""
    sentence = TEXT["sens_note_calibrated"][code].strip()
    note = [p for p in _sensitivity_paras(madiun, code) if p.startswith(TEXT["sens_note"][code][:40])]
    assert len(note) == 1 and sentence in note[0] and "{" not in note[0]
    # A budget planner is told what a credible interval is, where the term appears.
    assert {"id": "memuat nilai sebenarnya dengan peluang 90%", "en": "holds the true value with probability 90%"}[
        code] in note[0]
    jambi = load_scenario("jambi-2025")
    base, swings, _ = tornado(jambi, recalibrate=False)
    assert not [s for s in swings if s.basis == "calibrated"]  # else this scenario cannot show it
    extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                              "claims_idr": base.claims_idr},
                             "rows": [s.row(base) for s in swings], "skipped": [], "no_effect": []},
             "calibration": None}
    paras = [b.text for b in sensitivity_section(Language(code), extra).blocks if isinstance(b, Para)]
    note = [p for p in paras if p.startswith(TEXT["sens_note"][code][:40])]
    assert len(note) == 1 and sentence not in note[0] and "{" not in note[0] and "  " not in note[0]
    # The table's claim ratios are at each end's own premium, which the note says (not the base's, given above it).
    assert TEXT["sens_note_ratio"][code].strip() in note[0]


# --- plain words on the first pages ----------------------------------------------------------------------------------

# Words for the actuary, kept out of the summary and the results by year (pages 1-2 of madiun-2025). "seed 001"
# cites a news article (explained under Sources), not a random seed; "madiun-2025-prior" is a scenario's name.
JARGON = re.compile(r"\bseed\b(?! \d{3})|Mahalanobis|(?<![-\w])prior\b|posterior|\bkisi\b|\bgrid\b|kuantil|quantile|"
                    r"Monte Carlo|kredibel|credible", re.I)


@pytest.fixture(scope="module", params=["id", "en"])
def report(request, tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), request.param,
                 tmp_path_factory.mktemp("reports"))


def test_the_first_pages_speak_plainly(report):
    """The scenario's description, which opens the summary, included: sim calibrate writes its second half."""
    for key in ("summary", "results"):
        text = section_text(report.folder, key)
        assert not JARGON.findall(text), (key, JARGON.findall(text))
    # The trials' random start is said in words, with its number.
    assert str(report.scenario.seed) in section_text(report.folder, "summary")


def test_the_method_keeps_the_technical_terms(report):
    lang = Language("id")
    text = " ".join(b.text for b in methodology_section(lang, report.scenario).blocks if isinstance(b, Para))
    assert "Mahalanobis" in text and "posterior" in text and "prior" in text


# --- the BPU early-death rule, a rule of Medium confidence beside the bars ---------------------------------------


def test_the_early_death_rule_s_effect_is_the_full_benefit_of_the_early_deaths():
    """jambi-2025's 3,000 members all join in January 2025: without the rule, the 2025 claims rise by the expected
    JKM deaths of the first 3 months (a 3-month run's) times the difference of the benefits (Rp42 m - Rp10 m); in
    2027 nobody is new, and nothing changes."""
    from sim.benefits import BENEFITS
    from sim.sensitivity import early_death_rule

    rule = early_death_rule(load_scenario("jambi-2025"))
    first, last = rule["years"]
    early = expected(build_model(load_scenario("jambi-2025", ["scenario.horizon_months=3"])))
    deaths = early.counts[0, :, list(BENEFITS).index("jkm_death")].sum()
    assert rule["months"] == 3 and rule["benefit_idr"] == 10_000_000 and rule["confidence"] == "Medium"
    assert first["claims_without_idr"] - first["claims_idr"] == pytest.approx(deaths * 32_000_000, rel=1e-9)
    assert (first["period"], last["period"]) == ("2025", "2027")
    assert last["claims_without_idr"] == last["claims_idr"]
    assert first["claim_ratio_without"] / first["claim_ratio"] == pytest.approx(
        first["claims_without_idr"] / first["claims_idr"], rel=1e-5)
    # Without a BPU segment there is nothing to say (madiun-2025-prior with its BPU workers made PU members).
    assert early_death_rule(load_scenario("madiun-2025-prior", ["segments.vulnerable.scheme=PU",
                                                                "segments.vulnerable.risk_class={value=1, unit='class', "
                                                                "source='test', basis='assumption', range=[1, 2]}",
                                                                "segments.vulnerable.wage.value=2000000"])) is None


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_sensitivity_section_says_what_the_early_death_rule_does_where_it_matters(code):
    """jambi-2025: a note with 2025's claims and claim ratio with and without the rule, 2027 said to change by less
    than 1 % (not a number beside itself); madiun-2025 (0.5 % in 2025): no note."""
    from sim.report_sections import sensitivity_figures
    from sim.report_document import fill

    lang = Language(code)
    texts = {}
    for ref in ("jambi-2025", "madiun-2025"):
        scenario = load_scenario(ref)
        base, swings, skipped = tornado(scenario, recalibrate=False)
        extra = {"sensitivity": sensitivity_figures(scenario, base, swings, skipped), "calibration": None}
        notes = [b for b in sensitivity_section(lang, extra).blocks if isinstance(b, Para)
                 and "DOMAIN.md" in b.text]
        texts[ref] = [fill(p.text, {k: lang.figure(f.kind, f.value) for k, f in p.figures.items()}) for p in notes]
    (note,), none = texts["jambi-2025"], texts["madiun-2025"]
    assert none == []
    words = {"id": ("klaim 2025 menjadi Rp723,7 juta, bukan Rp600,3 juta (rasio klaim 120%, bukan 99%)",
                    "Klaim 2027 berubah kurang dari 1%."),
             "en": ("2025 claims would be Rp723.7 m rather than Rp600.3 m (claim ratio 120% rather than 99%)",
                    "2027 claims change by less than 1%.")}[code]
    assert all(w in note for w in words), note


def test_the_fitted_multipliers_bar_shows_them_as_the_summary_and_the_register_do(madiun):
    """The table gave the accident multiplier as 1.18 where the register's sources (and the summary) give 1.177:
    a fitted multiplier is shown to 3 decimals, its range too (tests/test_report_recorded.py checks the others)."""
    from sim.report_document import Table

    base, swings, skipped = tornado(madiun)
    extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                              "claims_idr": base.claims_idr},
                             "rows": [s.row(base) for s in swings], "skipped": [], "no_effect": []},
             "calibration": madiun.calibration}
    for code in ("en", "id"):
        lang = Language(code)
        table = next(b for b in sensitivity_section(lang, extra).blocks if isinstance(b, Table))
        for which in ("mortality", "accident"):
            (row,) = [r for r in table.rows if r[0] == lang.parameter(FITTED_PREFIX + f"{which}_scale")]
            posterior = madiun.calibration[f"{which}_scale"]
            assert [lang.figure(f.kind, f.value) for f in row[2:5]] == [
                lang.number(posterior[stat], 3) for stat in ("mean", "p5", "p95")]
    assert lang.figure(row[2].kind, row[2].value) == "1,177"  # as the register's "... kecelakaan kerja 1,177"


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_tornados_caption_says_when_it_draws_only_the_widest_bars(code):
    """The tornado draws at most charts.TORNADO_TOP bars, while its table lists every ranged assumption (15 that move
    madiun-2025's 2025 claims, 42 madiun-2026-ucj-csr's): a reviewer comparing the two looked for the missing rows.
    The caption says how many of how many it draws where it leaves some out, and nothing more where it draws all."""
    from sim import charts
    from sim.report_document import Chart

    scenario = load_scenario("madiun-2025-prior")
    base, swings, _ = tornado(scenario, recalibrate=False)
    rows = [s.row(base) for s in swings]
    moving = [r for r in rows if r["claims_low_idr"] != r["claims_high_idr"]]
    assert len(moving) > charts.TORNADO_TOP  # else this scenario cannot show the note
    lang = Language(code)

    def caption(kept: list[dict]) -> str:
        extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                                  "claims_idr": base.claims_idr},
                                 "rows": kept, "skipped": [], "no_effect": []}, "calibration": None}
        (chart,) = [b for b in sensitivity_section(lang, extra).blocks if isinstance(b, Chart)]
        return chart.caption

    expected = {"id": f"Diagram hanya menampilkan {charts.TORNADO_TOP} asumsi yang paling berpengaruh dari "
                      f"{len(moving)} asumsi yang mengubah perkiraan klaim {base.period}; semuanya tercantum dalam "
                      f"tabel berikut.",
                "en": f"The chart draws the {charts.TORNADO_TOP} most influential of the {len(moving)} assumptions "
                      f"that move the expected {base.period} claims; the table below lists them all."}[code]
    assert caption(moving) == TEXT["caption_tornado"][code] + " " + expected
    assert caption(moving[:charts.TORNADO_TOP]) == TEXT["caption_tornado"][code]
    # A table of more rows than the bars that move the year's claims (pekalongan-2023-expansion: 25 of 31, the
    # others moving 2027's claims only) says the count it lists them among, not a bare "them all".
    still = {**moving[0], "parameter": "still", "claims_high_idr": moving[0]["claims_low_idr"]}
    among = {"id": f"; semuanya tercantum di antara {len(moving) + 1} baris tabel berikut.",
             "en": f"; the table below lists them all, among its {len(moving) + 1} rows."}[code]
    assert caption([*moving, still]).endswith(among)


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_city_share_that_moves_the_ratio_and_not_the_claims_is_explained(code):
    """madiun-2026-ucj-csr's tornado: the co-funded pledge's city share at 0 gives a 2026 claim ratio of 236 % with
    the 2026 claims unchanged (base 219 %), at 1 the base's. The same members, paid at another rate: a pledge
    without city money pays PP 50/2025's discounted BPU premium in 2026, a co-funded one the full rate
    (sim.funding.pledge_source, an assumption). A reviewer took the row for an error; a note now says why, and only
    where such a bar is in the table (a row with the claims moved as well says nothing of the kind)."""
    scenario = load_scenario("madiun-2025-prior")
    base, swings, _ = tornado(scenario, recalibrate=False)
    rows = [s.row(base) for s in swings]
    ratio = base.claims_idr / base.premium_idr
    share = {**rows[-1], "parameter": "funding.csr.co-funded.city_match", "unit": "share", "basis": "assumption",
             "value": 0.5, "low": 0.0, "high": 1.0, "claims_low_idr": base.claims_idr,
             "claims_high_idr": base.claims_idr, "claim_ratio_low": 1.08 * ratio, "claim_ratio_high": ratio}
    lang = Language(code)

    def notes(kept: list[dict]) -> list[str]:
        extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                                  "claims_idr": base.claims_idr},
                                 "rows": kept, "skipped": [], "no_effect": []}, "calibration": None}
        return [b.text for b in sensitivity_section(lang, extra).blocks if isinstance(b, Para)
                and "PP 50/2025" in b.text]

    (note,) = notes(rows + [share])
    words = {"id": (f"{lang.parameter(share['parameter'])}: rasio klaim {base.period} berubah walaupun klaimnya "
                    "tetap", "tanpa dana pendamping kota", "tarif penuh (asumsi)"),
             "en": (f"{lang.parameter(share['parameter'])}: the {base.period} claim ratio moves though the claims "
                    "do not", "without city money", "the full rate (assumption)")}[code]
    assert all(w in note for w in words), note
    assert notes(rows) == []
    moved = {**share, "claims_low_idr": 0.9 * base.claims_idr}  # other members: the premium is not the only change
    assert notes(rows + [moved]) == []


@pytest.mark.parametrize("code, rate, load", [
    ("id", "Frekuensi kecelakaan kerja (per 1.000 peserta-tahun) – ", "Pengali tabel mortalitas (×) – "),
    ("en", "Work-accident rate (per 1000 member-years) – ", "Mortality load (×) – ")])
def test_the_sensitivity_table_gives_the_rate_and_the_load_their_units(code, rate, load):
    """A review of pekalongan-2023-expansion's table: "3,6" for the accident frequency and "1,5" for the mortality
    load stood without units beside "Lama proses tahap (bulan)"; the register gives them ("per 1.000 peserta-tahun",
    "× tabel mortalitas"). The table's name of each now carries its unit, as the others do."""
    from sim.report_document import Table

    scenario = load_scenario("madiun-2025-prior")
    base, swings, _ = tornado(scenario, recalibrate=False)
    extra = {"sensitivity": {"period": base.period, "base": {"premium_idr": base.premium_idr,
                                                              "claims_idr": base.claims_idr},
                             "rows": [s.row(base) for s in swings], "skipped": [], "no_effect": []}}
    table = next(b for b in sensitivity_section(Language(code), extra).blocks if isinstance(b, Table))
    names = [r[0] for r in table.rows]
    assert any(n.startswith(rate) for n in names) and any(n.startswith(load) for n in names)
    assert not any(n.startswith(PARAMETERS["accident_rate"][code] + " – ") for n in names)
