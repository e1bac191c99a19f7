"""Review of the madiun-2025 report's register and calibration text: the premium's months taken, not reported;
the PU wage reported in 2023; Indonesian wording of the calibration and the rule of three; the prior's source
carried into a calibrated rate's source."""
from __future__ import annotations

import tomllib

from sim import charts
from sim.calibration import record_experience
from sim.i18n import Language
from sim.report_sections import calibration_figures, recorded_paras
from sim.report_text import TEXT
from sim.scenario import load_scenario


def test_the_premium_months_are_said_to_be_taken_not_reported():
    # The seed does not say which months the Rp3 bn covers; the experience file takes them as 2025.
    scenario = load_scenario("madiun-2025", ["scenario.trials=50"])
    (obs,) = record_experience(scenario.calibration).observations
    assert obs.premium_months_stated is False
    extra = {"calibration": calibration_figures(scenario, window_trials=50)}
    for code, said in (("en", "because the source does not say"), ("id", "karena sumbernya tidak menyebut")):
        lang = Language(code)
        text = " ".join(p.text for p in recorded_paras(lang, extra, brief=True))  # the summary's sentence
        assert "That premium is for 12 months" not in text and "Iuran itu untuk 12 bulan" not in text
        assert said in text
    row = {"label": "January–November 2025", "months": 11, "claims_idr": 6.2e9, "claim_ratio": 2.06,
           "premium_months": 12, "premium_months_assumed": True}
    assert "taken as 12 months'" in charts._recorded_label(row, Language("en"))
    assert "dianggap 12 bulan" in charts._recorded_label(row, Language("id"))


def test_the_ratio_s_caption_legend_and_alt_text_say_the_premium_months_are_taken():
    """The summary and the fan chart's legend said the Rp3 bn premium's months are taken, not reported, but the
    histogram's legend, its alt text and the report's caption still read "11 months of claims ÷ 12 months of
    premiums". Each now says the premium is taken as 12 months' where the source does not say (months_stated =
    false), and keeps its plain form where it does (the built report's caption: tests/test_report_recorded.py)."""
    import numpy as np

    from sim import chart_descriptions
    from sim.report_sections import recorded_marks

    scenario = load_scenario("madiun-2025", ["scenario.trials=50"])
    extra = {"calibration": calibration_figures(scenario, window_trials=50), "fan": [{"period": "2025"}]}
    ratios = np.random.default_rng(1).normal(2.2, 0.2, 500)
    for code, taken, plain in (("en", "premiums taken as 12 months'", "12 months' premiums"),
                               ("id", "iuran yang dianggap 12 bulan", "iuran 12 bulan")):
        lang = Language(code)
        (mark,) = recorded_marks(lang, extra)
        assert mark["premium_months_assumed"] is True
        fig = charts.claim_ratio_distribution(ratios, "2025", lang, [mark])
        legend = fig.axes[0].get_legend()
        label = next(t.get_text() for t in legend.get_texts() if lang.percent(2.06) in t.get_text())
        assert taken in label.replace("\n", " ") and plain not in label
        alt = chart_descriptions.claim_ratio_distribution(ratios, "2025", lang, [mark])
        assert taken in alt
        stated = {**mark, "premium_months_assumed": False}  # a source that says its months: the plain form
        plain_fig = charts.claim_ratio_distribution(ratios, "2025", lang, [stated])
        assert not any(taken in t.get_text().replace("\n", " ") for t in plain_fig.axes[0].get_legend().get_texts())
        # On two lines, the longer label leaves the legend no wider than the plain one's, in a figure of one size.
        widths = [f.axes[0].get_legend().get_window_extent().width for f in (fig, plain_fig)]
        assert widths[0] <= widths[1] and tuple(fig.get_size_inches()) == tuple(plain_fig.get_size_inches())
        assert taken not in chart_descriptions.claim_ratio_distribution(ratios, "2025", lang, [stated])


def test_the_wage_growth_source_dates_the_pu_premium_to_2023(root):
    node = tomllib.loads((root / "scenarios/base/national-defaults.toml").read_text())["assumptions"]["wage_growth"]
    assert "Rp11,800 as reported in 2023" in node["source"] and "in 2025" not in node["source"].split("Range")[0]
    assert "not known" in node["source"] and "tidak diketahui" in node["source_id"]
    assert "still matched the 2023 UMK in 2025" not in (root / "README.md").read_text()


def test_indonesian_calibration_wording():
    assert "bukan bukti ketepatan model" in TEXT["calib_fitted_brief"]["id"]
    assert "memang diharapkan" not in TEXT["calib_fitted_brief"]["id"]
    assert TEXT["calib_col_expected"]["id"] == "Perkiraan model setelah kalibrasi"
    assert all("diharapkan" not in TEXT[k]["id"] for k in ("calib_compare", "calib_table_note",
                                                         "calib_compare_posterior"))
    assert "prior-lah" not in TEXT["method_fit_none"]["id"]
    assert "prior menentukan pembagian" in TEXT["method_fit_none"]["id"]


def test_the_rule_of_three_is_a_readable_percentage():
    from sim.report_sections import rule_of_three  # added with this test
    assert rule_of_three(Language("id"), 10_000) == ("99,97%", "0,03%")
    assert rule_of_three(Language("en"), 2_000) == ("99.85%", "0.15%")
    # a bound on a probability: 1, 2 or 3 trials bound nothing (it said "above -200% or below 300%" for 1)
    assert [rule_of_three(Language("en"), n) for n in (1, 2, 3)] == [("0%", "100%")] * 3
    for key in ("prob_all", "prob_none", "prob_table_note"):
        for code in ("id", "en"):
            assert "3/" not in TEXT[key][code], (key, code)
    text = Language("id")("prob_all", bound=rule_of_three(Language("id"), 10_000)[0])
    assert "hanya dapat memastikan peluangnya di atas 99,97%" in text


def test_a_calibrated_rate_carries_its_prior_source(root):
    shipped = tomllib.loads((root / "scenarios/madiun-2025.toml").read_text())
    prior = tomllib.loads((root / "scenarios/madiun-2025-prior.toml").read_text())
    for seg in ("non_asn", "vulnerable"):
        rate = shipped["segments"][seg]["accident_rate"]
        base = prior["segments"][seg]["accident_rate"]
        assert base["source"] in rate["source"] and base["source_id"] in rate["source_id"]
        assert "from madiun-2025-prior" in rate["source"]
