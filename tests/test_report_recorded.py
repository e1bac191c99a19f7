"""The recorded claims beside the model's for the same months (a calibrated scenario's report).

A reviewer of madiun-2025 found that the recorded 206 % was never shown beside the model's figure for the same
period, that about 192 cases (12 months) on the first page and 219 claims (11 months, scholarship instalments
included) in the calibration table read as contradicting each other, and that no chart marked the recorded year.
These tests hold the report to: the recorded claims and claim ratio (from the experience file, with the months of the
premium that ratio was reported on) beside the model's claims and claim ratio for the same months on the
calibration's own definition (sim.calibration.window_forecast, which agrees with the calibration's expected
figures), each count saying what it counts, and the charts of yearly claims and claim ratio marking the recorded
point, labelled as the months it covers, only where a scenario has experience data in a year of the chart."""

from __future__ import annotations

import copy
import json
import re

import numpy as np
import pytest

from sim import charts
from sim.calibration import load_experience, record_experience, record_observation, window_forecast
from sim.forecast import forecast
from sim.i18n import Language
from sim.report import build
from sim.report_document import Para, fill, lookup
from sim.report_sections import calibration_blocks, calibration_figures, recorded_marks, recorded_paras
from sim.report_text import TEXT
from sim.scenario import ScenarioError, load_scenario
from test_report import check_figures, one_commit  # noqa: F401  (one_commit: the module-wide commit fixture)
from test_calibration import EXPERIENCE_HEAD, OBSERVATION_2025, calibrate_bad
from cli_checks import assert_one_line_error
from test_report_language import read

FIXTURES = (one_commit, calibrate_bad)  # imported fixtures; one_commit is autouse (one commit for the folders)
TRIALS = 500
OBS = "calibration.observations.0"


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("rec"))


@pytest.fixture(scope="module")
def madiun_en(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "en",
                 tmp_path_factory.mktemp("rec_en"))


def _report_json(report) -> dict:
    return json.loads((report.folder / "report.json").read_text(encoding="utf-8"))


def _filled(lang: Language, para: Para, extra: dict) -> str:
    for f in para.figures.values():
        assert lookup(extra, f.key) == f.value
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()})


# --- the model's figure for the recorded months, on the calibration's definition --------------------------------------


def test_the_model_window_is_the_calibrations_own_comparison():
    """window_forecast counts and sums as the calibration does: its expected claims (instalments included) and
    amount for Jan-Nov 2025 are the calibration record's (to rounding of the calibrated parameters); its premium,
    mean and spread are those of the scenario's own forecast over the same 11 months."""
    scenario = load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"])
    (row,) = scenario.calibration["observations"]
    window = window_forecast(scenario, record_observation(row))
    assert (window["period"], window["months"], window["trials"]) == ("2025", 11, TRIALS)
    assert window["claims_expected"] == pytest.approx(row["expected_claims"], rel=1e-3)
    assert window["amount_expected_idr"] == pytest.approx(row["expected_amount"], rel=1e-3)
    assert window["cases_expected"] < window["claims_expected"]  # cases are counted once, instalments apart
    summary = forecast(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}", "scenario.horizon_months=11"]),
                       exact_check=False)
    period = summary["periods"][0]
    assert period["months"] == 11
    assert window["premium_idr"] == pytest.approx(period["premium_idr"], abs=0.01)
    assert window["amount_mean_idr"] == pytest.approx(period["claims_idr"]["mean"], rel=1e-9)
    assert window["amount_expected_idr"] == pytest.approx(period["claims_expected_idr"], rel=1e-9)
    assert window["cases_expected"] == pytest.approx(period["claim_count"]["expected"], rel=1e-9)
    assert window["amount_p5_idr"] < window["amount_expected_idr"] < window["amount_p95_idr"]
    premium = window["premium_idr"]
    for name in ("expected", "mean", "p5", "p95"):
        amount = window[f"amount_{name}_idr"]
        assert window[f"claim_ratio_{name}"] == pytest.approx(amount / premium, abs=1e-6)


def test_no_model_window_where_the_forecast_does_not_hold_the_months():
    """madiun-2026-ucj inherits madiun-2025's record but starts in 2026: no model figure for Jan-Nov 2025, and the
    report says so rather than compare with another scenario's months; a horizon ending before November neither."""
    ucj = load_scenario("madiun-2026-ucj", ["scenario.trials=50"])
    obs = record_observation(ucj.calibration["observations"][0])
    assert window_forecast(ucj, obs) is None
    short = load_scenario("madiun-2025", ["scenario.trials=50", "scenario.horizon_months=6"])
    assert window_forecast(short, obs) is None
    extra = {"calibration": calibration_figures(ucj, window_trials=50)}
    assert extra["calibration"]["observations"][0]["model_window"] is None
    assert recorded_paras(Language("id"), extra, brief=True) == []  # nothing to compare on the first page
    (para,) = recorded_paras(Language("id"), extra)
    # It starts after the months, and says when (it once said "starts after them or ends before them").
    assert "Proyeksi skenario ini baru dimulai Januari 2026, sesudah bulan-bulan itu" in para.text
    assert "model_ratio" not in para.figures and "berakhir sebelumnya" not in para.text
    extra = {"calibration": calibration_figures(short, window_trials=50)}
    assert extra["calibration"]["observations"][0]["model_window"] is None
    (para,) = recorded_paras(Language("id"), extra)
    assert TEXT["calib_model_none"]["id"] in para.text and "baru dimulai" not in para.text
    # A forecast starting within the recorded months is not said to start after them.
    mid = load_scenario("madiun-2025", ["scenario.trials=50", "scenario.start=2025-06"])
    extra = {"calibration": calibration_figures(mid, window_trials=50)}
    (para,) = recorded_paras(Language("id"), extra)
    assert TEXT["calib_model_none"]["id"] in para.text and "baru dimulai" not in para.text


# --- the recorded claim ratio, from the experience file -----------------------------------------------------------


def test_the_recorded_premium_and_ratio_come_from_the_experience_file():
    scenario = load_scenario("madiun-2025")
    experience = record_experience(scenario.calibration)
    (obs,) = experience.observations
    assert (obs.premium, obs.claim_ratio) == (3e9, 2.06)
    assert (f"{obs.premium_start:%Y-%m}", f"{obs.premium_end:%Y-%m}") == ("2025-01", "2025-12")
    row = calibration_figures(scenario)["observations"][0]
    assert (row["premium_idr"], row["claim_ratio"], row["premium_months"], row["months"]) == (3e9, 2.06, 12, 11)
    assert "model_window" not in row  # no run asked for


@pytest.mark.parametrize("edit, key", [
    ('premium = { value = 3000000000, unit = "IDR", from = "2025-01", to = "2025-12", source = "s" }\n', None),
    ('claim_ratio = { value = 2.06, unit = "share", source = "s" }\n',
     r"observation\[0\]\.claim_ratio: needs the premium"),
    ('premium = { value = 3000000000, unit = "IDR", to = "2025-12", source = "s" }\n', r"premium\.from: missing"),
    ('premium = { value = 3000000000, unit = "IDR", from = "2025-01", to = "2025-12", source = "s", months = 12 }\n',
     r"premium\.months: unknown key"),
    ('premium = { value = 3e9, unit = "IDR", from = "2025-01", to = "2025-12", source = "s" }\n'
     'claim_ratio = { value = 206, unit = "share", source = "s" }\n', r"claim_ratio\.value: a claim ratio is a share"),
    ('premium = { value = 3e9, unit = "IDR", from = "2025-01", to = "2025-12", source = "s" }\n'
     'claim_ratio = { value = 206, unit = "%", source = "s" }\n', r"claim_ratio\.unit: wrong unit"),
    ('premium = { value = 3e9, unit = "IDR", from = "2025-12", to = "2025-01", source = "s" }\n',
     r"premium\.to: is before 'from'"),
])
def test_a_reported_premium_and_ratio_are_checked(tmp_path, edit, key):
    text = """[experience]
id = "x"
scenario = "madiun-2025-prior"
source = "s"

[[observation]]
from = "2025-01"
to = "2025-11"
amount = { value = 6200000000, unit = "IDR" }
source = "s"
""" + edit
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    if key is None:
        (obs,) = load_experience(path).observations
        assert obs.premium == 3e9
        return
    with pytest.raises(ScenarioError, match=key):
        load_experience(path)


def test_a_bad_reported_ratio_ends_calibrate_with_one_error_line(calibrate_bad):
    observation = OBSERVATION_2025 + 'claim_ratio = { value = 2.06, unit = "share", source = "s" }\n'
    code, err = calibrate_bad(EXPERIENCE_HEAD + observation)
    assert_one_line_error(code, err, ["madiun-obs.toml", ": observation[0].claim_ratio: ", "needs the premium"])


# --- the report: recorded beside the model, on page 1 and where the calibration is presented -------------------------


def test_the_calibration_sets_the_recorded_ratio_beside_the_models_for_the_same_months(madiun):
    extra = _report_json(madiun)
    obs = extra["calibration"]["observations"][0]
    window = obs["model_window"]
    assert (obs["amount_idr"], obs["claim_ratio"], obs["premium_idr"]) == (6.2e9, 2.06, 3e9)
    assert (window["months"], window["trials"]) == (11, TRIALS)
    assert obs["claim_ratio_window_premium"] == pytest.approx(obs["amount_idr"] / window["premium_idr"], abs=1e-6)
    assert window["amount_expected_idr"] == pytest.approx(obs["expected_amount_idr"], rel=1e-3)  # the table's
    lang = Language("id")
    doc = read(madiun)
    # The record and its ratio are said once, in the summary's first paragraphs (_brief); where the calibration is
    # presented, what they do not say: the basis, the model's claims with their interval, those months' premium.
    brief = _brief(doc)["text"]
    for shown in ("Rp6,20 miliar", "206%", "Rp3,00 miliar", lang.percent(window["claim_ratio_expected"]),
                  lang.percent(window["claim_ratio_p5"]), lang.percent(window["claim_ratio_p95"]),
                  lang.percent(obs["claim_ratio_window_premium"])):
        assert shown in brief, shown
    # The premium's months are said, not mixed silently with the claims' (a year's premium, 11 months of claims).
    # The seed does not say which months; the file takes them as 2025, and the sentence says so.
    assert "dianggap iuran 12 bulan (Januari–Desember 2025) karena sumbernya tidak menyebut bulannya; klaimnya untuk " \
        "11 bulan" in brief
    # The ratio is the source's (Rp6.20 bn over Rp3.00 bn would be 207 %): said to be as reported.
    assert "Rp6,20 miliar, dengan rasio klaim 206% seperti dilaporkan, atas iuran sekitar Rp3,00 miliar" in brief
    assert "berita 001" in brief  # its source, as the Indonesian texts cite articles
    para = [p for p in doc.paragraphs("summary") if f"{OBS}.model_window.amount_p5_idr" in p["keys"]]
    assert len(para) == 1 and "warning" not in para[0]["class"]
    text = para[0]["text"]
    for shown in (lang.money(window["amount_expected_idr"]), lang.money(window["premium_idr"]),
                  lang.money(window["amount_p5_idr"]), lang.money(window["amount_p95_idr"])):
        assert shown in text, shown
    assert "Klaim tercatat" not in text and "206%" not in text
    inside = window["amount_p5_idr"] <= obs["amount_idr"] <= window["amount_p95_idr"]
    assert TEXT["calib_inside" if inside else "calib_below"]["id"] in text
    # It follows the calibration table (where the calibration is presented), after the lead paragraph.
    summary = doc.sections["summary"]
    table = next(i for i, b in enumerate(summary) if b.get("name") == "calibration")
    assert table < next(i for i, b in enumerate(summary) if b["type"] == "p" and b["text"] == text)
    assert check_figures(madiun.folder)


def _brief(doc) -> dict:
    """The paragraph after the scenario's description (which says it is calibrated) and the headline tiles."""
    summary = doc.sections["summary"]
    assert "description" in summary[0]["class"]
    after = next(i for i, b in enumerate(summary) if i and b["type"] != "tile")
    assert all(b["type"] == "tile" for b in summary[1:after])
    return summary[after]


def test_the_first_page_says_it_briefly_where_the_calibration_is_mentioned(madiun):
    """Below the scenario's description, which says it is calibrated, and the headline tiles, which stay the
    summary's first figures; on the PDF's first page."""
    doc = read(madiun)
    assert "dikalibrasi" in doc.sections["summary"][0]["text"]
    brief = _brief(doc)
    assert brief["type"] == "p"
    assert set(brief["keys"]) >= {f"{OBS}.amount_idr", f"{OBS}.claim_ratio", f"{OBS}.premium_idr",
                                  f"{OBS}.model_window.claim_ratio_expected", f"{OBS}.model_window.claim_ratio_p5",
                                  f"{OBS}.model_window.claim_ratio_p95", f"{OBS}.claim_ratio_window_premium"}
    assert "12 bulan" in brief["text"] and "11 bulan" in brief["text"]
    from pypdf import PdfReader

    first = re.sub(r"\s+", " ", PdfReader(madiun.folder / "report.pdf").pages[0].extract_text())
    window = madiun.extra["calibration"]["observations"][0]["model_window"]
    lang = Language("id")
    for shown in ("Rp6,20 miliar", "206%", lang.percent(window["claim_ratio_expected"]),
                  f"{lang.percent(window['claim_ratio_p5'])}–{lang.percent(window['claim_ratio_p95'])}"):
        assert shown in first, shown


def test_english_says_the_same(madiun_en):
    doc = read(madiun_en)
    assert "calibrated" in doc.sections["summary"][0]["text"]
    brief = _brief(doc)["text"]
    assert ("Recorded claims, January–November 2025 (11 months): Rp6.20 bn, a claim ratio of 206% as reported, on "
            "about Rp3.00 bn") in brief
    assert "That premium is taken as 12 months' (January–December 2025) because the source does not say which " \
        "months it covers; the claims are for 11." in brief
    text = doc.paragraph_with("summary", f"{OBS}.model_window.amount_p5_idr")
    assert "on the calibration's own basis" in text and "Recorded claims" not in text
    counts = doc.paragraph_with("summary", f"{OBS}.model_window.cases_expected")
    assert "It is not a number of cases" in counts and "12 months of 2025" in counts
    assert "cases: the deaths and work accidents of the 12 months" in doc.paragraph_with(
        "summary", "periods.0.claim_count.mean")
    assert check_figures(madiun_en.folder)


# --- the counts: cases in 12 months against claims paid in 11 ------------------------------------------------------


def test_each_count_says_what_it_counts(madiun):
    lang, doc = Language("id"), read(madiun)
    summary = madiun.summary["periods"][0]
    cases = doc.paragraph_with("summary", "periods.0.claim_count.mean")
    assert f"Jumlah kasusnya sekitar {lang.count(summary['claim_count']['mean'])}: kematian dan kecelakaan kerja " \
           f"yang terjadi dalam {summary['months']} bulan pada tahun itu, masing-masing dihitung sekali" in cases
    assert "pembayaran beasiswa tahunan tidak dihitung sebagai kasus" in cases
    rows = {r[1]: r for r in doc.table("calibration")["rows"]}
    # The count is a comparison only (the experience file fits the amount), and its row says so, in the one
    # parenthesis that says what it counts (a reviewer read "(...) (...)" as two labels pasted together).
    claims = rows[TEXT["calib_claims_scholarships"]["id"][:-1] + "; " + TEXT["calib_not_fitted"]["id"][1:]]
    assert claims[1].endswith("bukan jumlah kasus; hanya pembanding, tidak dikalibrasi)")
    assert not [measure for measure in rows if ") (" in measure]
    assert claims[0] == "Januari–November 2025 (11 bulan)" and "bukan jumlah kasus" in claims[1]
    window = madiun.extra["calibration"]["observations"][0]["model_window"]
    counts = doc.paragraph_with("summary", f"{OBS}.model_window.cases_expected")
    assert claims[3] == lang.count(window["claims_expected"])  # the table's 219 is the paragraph's
    for shown in ("dalam 11 bulan Januari–November 2025",
                  "setiap pembayaran beasiswa tahunan sebagai klaim tersendiri", "Angka ini bukan jumlah kasus", f"{lang.count(window['cases_expected'])} kasus",
                  f"{lang.count(window['claims_expected'])} klaim",
                  f"(sekitar {lang.count(summary['claim_count']['mean'])}) adalah kasus dalam 12 bulan pada tahun 2025"):
        assert shown in counts, shown


# --- the charts ----------------------------------------------------------------------------------------------------


def _stars(fig, white=False):
    """The filled stars (the records as reported), or with ``white`` the white ones (the records over the premiums
    of their own months)."""
    return [(ax, line) for ax in fig.axes for line in ax.get_lines()
            if line.get_marker() == "*" and (line.get_markerfacecolor() == "white") is white]


def _legend_texts(fig) -> list[str]:
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_fan_chart_marks_the_recorded_months_as_such(madiun, code):
    lang = Language(code)
    extra = madiun.extra
    marks = recorded_marks(lang, extra)
    assert len(marks) == 1 and (marks[0]["period"], marks[0]["months"]) == ("2025", 11)
    fig = charts.fan(extra["fan"], lang, marks)
    stars = _stars(fig)
    assert len(stars) == 2  # claims and claim ratio
    (claims_ax, claims), (ratio_ax, ratio) = stars
    x = [r["period"] for r in extra["fan"]].index("2025") - charts.RECORDED_OFFSET
    assert claims.get_xdata()[0] == pytest.approx(x) and ratio.get_xdata()[0] == pytest.approx(x)  # beside 2025
    assert claims.get_ydata()[0] == 6.2e9 and ratio.get_ydata()[0] == 2.06  # not annualised: as recorded
    labels = _legend_texts(fig)
    same = lang("chart_recorded_ratio_same", period=marks[0]["label"], months=11,
                ratio=lang.percent(marks[0]["claim_ratio_same_months"]))  # the white star's (test below)
    star = [t for t in labels if t.startswith(TEXT["chart_recorded"][code].split(" {")[0]) and t != same]
    assert len(star) == 1
    assert "11" in star[0] and lang.money(6.2e9) in star[0] and lang.percent(2.06) in star[0]
    assert ("tidak disetahunkan" if code == "id" else "not annualised") in star[0]
    assert any(lang.money(marks[0]["model"]["amount_expected_idr"]) in t for t in labels)  # the model, same months
    hist = charts.claim_ratio_distribution(np.full(100, 2.5), "2025", lang, marks)
    assert any(lang.percent(2.06) in t and "12" in t for t in _legend_texts(hist))
    assert any(abs(line.get_xdata()[0] - 2.06) < 1e-12 for line in hist.axes[0].get_lines())
    png = charts.png(fig)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_charts_also_mark_the_record_over_its_own_months_premiums(madiun, code):
    """The ratio as reported (206 %) divides 11 months' claims by 12 months' premiums, which the simulated yearly
    ratio cannot be set against; the record over the model's premium of the same 11 months (report.json
    ``claim_ratio_window_premium``, 223 %) can. The histogram draws it as a dash-dot line, the fan's ratio panel as
    a white star beside the model's ratio for those months with its 90 % interval; both captions say what it is. A
    ratio reported on the premiums of its own months needs no second mark."""
    lang = Language(code)
    extra = madiun.extra
    obs = extra["calibration"]["observations"][0]
    same, model = obs["claim_ratio_window_premium"], obs["model_window"]
    assert same == pytest.approx(obs["amount_idr"] / model["premium_idr"], abs=1e-6) and same > obs["claim_ratio"]
    marks = recorded_marks(lang, extra)
    fig = charts.fan(extra["fan"], lang, marks)
    ((ax, star),) = _stars(fig, white=True)
    assert ax is _stars(fig)[1][0] and star.get_ydata()[0] == same  # on the ratio panel
    labels = _legend_texts(fig)
    assert any(lang.percent(same) in t and "11" in t for t in labels)
    assert any(lang.percent(model["claim_ratio_expected"]) in t for t in labels)  # the model's ratio, same months
    hist = charts.claim_ratio_distribution(np.full(100, 2.5), "2025", lang, marks)
    dash_dot = [line for line in hist.axes[0].get_lines() if line.get_linestyle() == "-."]
    assert len(dash_dot) == 1 and dash_dot[0].get_xdata()[0] == same
    assert any(lang.percent(same) in t for t in _legend_texts(hist))
    as_own = [{**marks[0], "premium_months": marks[0]["months"]}]
    assert not _stars(charts.fan(extra["fan"], lang, as_own), white=True)
    hist = charts.claim_ratio_distribution(np.full(100, 2.5), "2025", lang, as_own)
    assert not [line for line in hist.axes[0].get_lines() if line.get_linestyle() == "-."]


def test_the_report_captions_say_what_the_mark_is(madiun):
    text = " ".join(b.caption for s in madiun.sections for b in s.blocks if hasattr(b, "caption"))
    assert TEXT["caption_recorded_star"]["id"].format(period="Januari–November 2025", months=11) in text
    # madiun-2025's source does not say which months its premium covers (months_stated = false): taken as 12.
    assert TEXT["caption_recorded_ratio_assumed"]["id"].format(months=11, premium_months=12) in text
    assert TEXT["caption_recorded_same_line"]["id"].format(months=11) in text
    assert TEXT["caption_recorded_same_star"]["id"].format(months=11) in text


def test_an_uncalibrated_scenario_gets_no_mark(tmp_path):
    """madiun-2025-prior has no experience data: no mark, no legend entry, the same chart as without marks; a
    calibrated scenario whose chart holds no recorded year (madiun-2026-ucj, 2026-2030) none either."""
    lang = Language("id")
    scenario = load_scenario("madiun-2025-prior", ["scenario.trials=300"])
    extra = {"calibration": calibration_figures(scenario), "fan": [{"period": "2025"}]}
    assert extra["calibration"] is None and recorded_marks(lang, extra) == []
    report = build(scenario, "id", tmp_path)
    assert report.extra["calibration"] is None
    fig = charts.fan(report.extra["fan"], lang, recorded_marks(lang, report.extra))
    assert not _stars(fig)
    assert not [t for t in _legend_texts(fig) if "tercatat" in t or "model" in t]
    assert not [p for p in read(report).paragraphs("summary") if "Klaim tercatat" in p["text"]]
    ucj = load_scenario("madiun-2026-ucj")
    extra = {"calibration": calibration_figures(ucj), "fan": [{"period": str(y)} for y in range(2026, 2031)]}
    assert extra["calibration"] is not None and recorded_marks(lang, extra) == []


def test_only_whole_scheme_observations_are_marked():
    """A chart of all claims marks an observation of all benefits and segments only (a JKM-only or one segment's
    claims are not the chart's quantity)."""
    lang = Language("en")
    cal = calibration_figures(load_scenario("madiun-2025"))
    extra = {"calibration": cal, "fan": [{"period": "2025"}, {"period": "2026"}]}
    assert len(recorded_marks(lang, extra)) == 1
    for field, value in (("benefits", "jkm"), ("segment", "non_asn")):
        other = copy.deepcopy(extra)
        other["calibration"]["observations"][0][field] = value
        assert recorded_marks(lang, other) == []


def test_without_a_reported_premium_the_amounts_are_still_compared():
    """An experience file without the premium (or not found): the recorded claims beside the model's, no ratio."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=200"])
    cal = calibration_figures(scenario, window_trials=200)
    obs = cal["observations"][0]
    for key in ("premium_idr", "premium_from", "premium_to", "premium_months", "claim_ratio"):
        del obs[key]
    extra = {"calibration": cal}
    lang = Language("en")
    (brief,) = recorded_paras(lang, extra, brief=True)
    text = _filled(lang, brief, extra)
    assert text.startswith("Recorded claims, January–November 2025 (11 months): Rp6.20 bn. For the same 11 months")
    assert "ratio" not in brief.figures
    blocks = calibration_blocks(lang, scenario, extra)
    assert any("on the calibration's own basis" in b.text for b in blocks if isinstance(b, Para))


def test_agreement_with_a_fitted_amount_is_not_offered_as_a_test(madiun, madiun_en):
    """madiun-2025 was fitted to the recorded amount alone (``fit = ["amount"]``), so the model's Rp6.19 bn beside
    the recorded Rp6.20 bn agrees by construction. The summary says so, and where the count kept out of the fit
    lies against the model's 90 % interval (below it: 144 recorded); the calibration part says the amount's
    agreement is no independent test. An amount the fit cannot match is not said to be close; a record fitted to
    both figures has no count to set apart; one whose amount was not fitted says neither."""
    from sim.report_sections import _window_detail

    for report, lang in ((madiun, Language("id")), (madiun_en, Language("en"))):
        extra = _report_json(report)
        obs = extra["calibration"]["observations"][0]
        window = obs["model_window"]
        assert obs["fitted"] == ["amount"] and obs["claims"] < window["claims_p5"]  # the case, from the data
        (brief,) = recorded_paras(lang, extra, brief=True)
        text = _filled(lang, brief, extra)
        assert lang("calib_fitted_brief") in text and text.endswith(lang("calib_detail_below"))
        below = fill(lang("calib_count_brief_below"), {"claims": lang.count(obs["claims"]),
                                                        "c5": lang.count(window["claims_p5"]),
                                                        "c95": lang.count(window["claims_p95"])})
        assert below in text
        # The paragraph on the count kept out of the fit (it has both average claims) says so; the detail below it
        # does not say it again (madiun-2025 said "the count was not used" three times). Without that one it does.
        detail = _window_detail(lang, extra, 0).text
        assert detail.endswith(lang("calib_fitted_not_a_test")) and lang("calib_fitted_not_a_test_count") not in detail
        alone = copy.deepcopy(extra)
        del alone["calibration"]["observations"][0]["amount_per_claim_idr"]
        assert lang("calib_fitted_not_a_test_count") in _window_detail(lang, alone, 0).text
        off = copy.deepcopy(extra)  # a record the fitted model cannot reach
        off["calibration"]["observations"][0]["amount_idr"] = 2 * window["amount_p95_idr"]
        (brief,) = recorded_paras(lang, off, brief=True)
        assert lang("calib_fitted_brief_off") in brief.text and lang("calib_fitted_brief") not in brief.text
        both = copy.deepcopy(extra)
        both["calibration"]["observations"][0]["fitted"] = ["claims", "amount"]
        (brief,) = recorded_paras(lang, both, brief=True)
        assert lang("calib_fitted_brief") in brief.text and "{c5}" not in brief.text and "c5" not in brief.figures
        detail = _window_detail(lang, both, 0).text
        assert lang("calib_fitted_not_a_test") in detail and lang("calib_fitted_not_a_test_count") not in detail
        neither = copy.deepcopy(extra)
        neither["calibration"]["observations"][0]["fitted"] = ["claims"]
        (brief,) = recorded_paras(lang, neither, brief=True)
        assert lang("calib_fitted_brief")[:20] not in brief.text
        assert lang("calib_fitted_not_a_test")[:20] not in _window_detail(lang, neither, 0).text


def test_the_summary_and_the_register_show_one_multiplier():
    """The calibration paragraph said 1.18 for work accidents where the register's sources said "posterior mean
    accident scale 1.177": two numbers for one. Both give each fitted multiplier to 3 decimals, in both languages."""
    import re

    from sim.report_sections import register_rows, source_cell

    scenario = load_scenario("madiun-2025", ["scenario.trials=200"])
    extra = {"calibration": calibration_figures(scenario, window_trials=200)}
    rows = register_rows(scenario.resolved)
    words = {"en": ("for deaths", "for work accidents", "posterior mean {} scale", ("mortality", "accident")),
             "id": ("untuk kematian", "untuk kecelakaan kerja", "rata-rata posterior pengali {}",
                    ("kematian", "kecelakaan kerja"))}
    for code, (deaths, accidents, register, names) in words.items():
        lang = Language(code)
        lead = _filled(lang, calibration_blocks(lang, scenario, extra)[0], extra)
        number = r"(\d+[.,]\d+)"
        summary = [re.search(rf"{number} {deaths}", lead).group(1), re.search(rf"{number} {accidents}", lead).group(1)]
        sources = " ".join(source_cell(lang, r) for r in rows)
        for shown, name, which in zip(summary, names, ("mortality", "accident")):
            in_register = set(re.findall(re.escape(register.format(name)) + " " + number, sources))
            assert in_register == {shown}, (code, shown, in_register)
            assert shown == lang.number(extra["calibration"][f"{which}_scale"]["mean"], 3)
    assert summary == ["1,052", "1,177"]  # madiun-2025's fitted multipliers, in Indonesian


@pytest.mark.parametrize("claims, where", [(9, "_below"), (10, "_inside"), (14, "_inside"), (20, "_inside"),
                                           (21, "_above")])
def test_a_recorded_count_is_placed_against_the_models_90_percent_interval(claims, where):
    """Below the interval's 5th percentile, above its 95th, else inside, its ends included: a count inside the
    interval called "below" it (tested against the 95th percentile) survived every other test."""
    from sim.report_sections import _count_where

    window = {"claims_p5": 10, "claims_p95": 20}
    assert _count_where({"claims": claims}, window, "calib_count") == "calib_count" + where


def test_a_count_and_amount_fitted_together_get_one_sentence_and_madiun_none():
    """A calibrated scenario whose record fitted an observation's count and amount together (no ``fit``) used the
    bivariate normal likelihood, poor where the two disagree (README, "A normal likelihood"): the calibration part
    says so in one sentence, in each language. madiun-2025 fits the amount alone and gets none."""
    scenario = load_scenario("madiun-2025", ["scenario.trials=200"])
    extra = {"calibration": calibration_figures(scenario, window_trials=200)}
    both = copy.deepcopy(extra)
    both["calibration"]["observations"][0]["fitted"] = ["claims", "amount"]
    for code in ("id", "en"):
        lang = Language(code)
        joint = [b for b in calibration_blocks(lang, scenario, both) if isinstance(b, Para)
                 and b.text == lang("calib_joint_fit")]
        assert len(joint) == 1 and joint[0].style == "warning" and not joint[0].figures
        assert all(b.text != lang("calib_joint_fit") for b in calibration_blocks(lang, scenario, extra)
                   if isinstance(b, Para))
    assert "sekaligus" in TEXT["calib_joint_fit"]["id"] and "together" in TEXT["calib_joint_fit"]["en"]
