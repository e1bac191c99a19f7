"""Where a report's numbers come from, as a reader can check it: a calibrated scenario carries what it was fitted to
and how well as data ([calibration], validated like every other table), and its report shows the recorded claims
beside what the calibrated model expects for the same months, with a warning when no multipliers reproduce them."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import numpy as np
import pytest

from sim.i18n import Language
from sim.report import build
from sim.report_sections import calibration_blocks, calibration_figures, register_rows
from sim.report_document import Para, Table
from sim.report_text import TEXT
from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario
from sim.sensitivity import ranged_parameters
from test_report import check_figures, one_commit  # noqa: F401  (one_commit: the module-wide commit fixture)
from test_report_language import read

TRIALS = 300
SHIPPED = (SCENARIO_DIR / "madiun-2025.toml").read_text(encoding="utf-8")
ACCIDENT_RANGE = re.search(r"accident_scale = \{[^\n]*?(, range = \[[^\]]*\])", SHIPPED).group(1)


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", root)


@pytest.fixture(scope="module")
def madiun_en(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports_en")
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "en", root)


def _variant(tmp_path: Path, old: str = "", new: str = "", name: str = "variant") -> Path:
    """The shipped madiun-2025 file with one text replaced, beside its base (read through an absolute path)."""
    text = SHIPPED.replace('base = "madiun-2025-prior"', f'base = "{SCENARIO_DIR / "madiun-2025-prior"}"')
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{name}.toml"
    path.write_text(text.replace('id = "madiun-2025"', f'id = "{name}"', 1), encoding="utf-8")
    return path


# --- 1. the calibration as data in the calibrated scenario -----------------------------------------------------------


def test_the_calibrated_scenario_records_its_observation_posterior_and_fit():
    scenario = load_scenario("madiun-2025")
    cal = scenario.calibration
    assert cal["experience"] == "scenarios/experience/madiun-2025.toml" and cal["scenario"] == "madiun-2025-prior"
    assert "seed 001" in cal["source"]
    (obs,) = cal["observations"]
    assert (obs["from"], obs["to"], obs["claims"], obs["amount"]) == ("2025-01", "2025-11", 144, 6_200_000_000)
    assert obs["count_includes_scholarships"] is True
    # The amount alone is fitted (the experience file's fit): one value, which two multipliers always reproduce.
    assert obs["fit"] == ["amount"]
    fit = cal["goodness_of_fit"]
    assert fit["fits"] is True and fit["observed_values"] == 1 and fit["chi2_min"] < 1e-3
    # Chi-squared on 1 degree of freedom: P(X > x) = erfc(sqrt(x / 2)); the record keeps 4 significant digits.
    assert fit["p_value"] == pytest.approx(math.erfc(math.sqrt(fit["chi2_min"] / 2)), rel=5e-4)
    # The posterior means are the ones the calibrated loads were scaled by, their intervals the loads' ranges.
    base = load_scenario("madiun-2025-prior")
    m = cal["mortality_scale"]
    assert scenario.segments[1].mortality_load / base.segments[1].mortality_load == pytest.approx(m["mean"], rel=1e-5)
    assert m["p5"] < m["mean"] < m["p95"]
    assert scenario.resolved["segments"]["vulnerable"]["mortality_load"]["range"][0] == pytest.approx(
        base.segments[1].mortality_load * m["p5"], rel=1e-5)
    # What the calibrated model expects for Jan-Nov 2025: more claims than recorded (scholarship instalments are
    # counted as claims) and a smaller amount per claim.
    assert obs["expected_claims"] > obs["claims"]
    assert obs["expected_amount"] / obs["expected_claims"] < obs["amount"] / obs["claims"]


def _window_means() -> dict:
    """Closed-form expected (claims, amount) per peril of madiun-2025-prior in the observed window, Jan-Nov 2025, at
    multipliers 1, counting scholarship instalments as claims (as the observation does)."""
    from sim.benefits import BENEFIT_NAMES, INDEX
    from sim.closed_form import expected
    from sim.population import build_model

    model = build_model(load_scenario("madiun-2025-prior", ['scenario.start="2025-01"', "scenario.horizon_months=11"]))
    assert model.period_labels == ("2025",) and model.months == 11
    exp = expected(model)
    jkm = ["jkm_death", "jkm_scholarship"]
    jkk = [b for b in BENEFIT_NAMES if b.startswith("jkk_")]
    counted = {"jkm": jkm, "jkk": ["jkk_medical", "jkk_scholarship"]}  # a claim: a death, an accident, an instalment
    return {peril: np.array([exp.counts[0][..., [INDEX[b] for b in counted[peril]]].sum(),
                             exp.amounts[0][..., [INDEX[b] for b in paid]].sum()])
            for peril, paid in (("jkm", jkm), ("jkk", jkk))}


def test_the_calibration_record_is_the_fit(root):
    """The record holds what the fit gives: its expected figures are the closed-form means of the base scenario in
    the observed window at the recorded posterior means (to the record's rounding), and a fit on fewer trials
    finds expected figures within Monte Carlo noise of the record's."""
    from sim.calibration import fit

    record = load_scenario("madiun-2025").calibration
    (obs,) = record["observations"]
    m, a = record["mortality_scale"]["mean"], record["accident_scale"]["mean"]
    means = _window_means()
    # The record rounds the multipliers to 6 decimals (up to 5e-7 each), the claims to 2 decimals, the amount to Rp1.
    slack = 5e-7 * (means["jkm"] + means["jkk"]) + np.array([0.005, 0.5])
    got = m * means["jkm"] + a * means["jkk"]
    assert abs(got[0] - obs["expected_claims"]) <= slack[0], (got, obs)
    assert abs(got[1] - obs["expected_amount"]) <= slack[1], (got, obs)

    # The posterior depends on the simulated covariances: a 1,000-trial fit's expected figures differ from the
    # record's (4,000 trials) by Monte Carlo noise. Its SE: the spread of 1,000-trial fits over other seeds, times
    # sqrt(1 - 1/4), as these 1,000 trials are the first of the record's 4,000 (block 0 of the same seed). Thirty
    # seeds, not ten: the fit moves steeply with the simulated correlation of deaths and amounts, so its spread is
    # uneven, and ten seeds gave an SD half that of forty others (1.3 against 2.7 claims).
    experience = root / "scenarios" / "experience" / "madiun-2025.toml"
    cal = fit("madiun-2025-prior", experience, trials=1000)
    (row,) = cal.expected_in_window()
    assert (row["claims"], row["amount_idr"]) == (144, 6.2e9)
    m1000, a1000 = cal.stats("mortality")["mean"], cal.stats("accident")["mean"]
    # expected_in_window is the closed form at the fit's posterior means.
    assert [row["expected_claims"], row["expected_amount_idr"]] == pytest.approx(
        m1000 * means["jkm"] + a1000 * means["jkk"], rel=1e-9)
    others = [fit("madiun-2025-prior", experience, [f"scenario.seed={seed}"], trials=1000).expected_in_window()[0]
              for seed in range(1, 31)]
    for key, recorded in (("expected_claims", obs["expected_claims"]), ("expected_amount_idr", obs["expected_amount"])):
        se = np.std([o[key] for o in others], ddof=1) * math.sqrt(1 - 1000 / 4000)
        assert abs(row[key] - recorded) <= 4 * se, (key, row[key], recorded, se)


def test_the_record_is_not_a_model_input():
    """Neither the tornado nor the assumption register treats the record's posterior (which states a range) as a
    parameter to move or list; the calibrated loads and rates stay in both."""
    resolved = load_scenario("madiun-2025").resolved
    assert not [k for k, _ in ranged_parameters(resolved) if k.startswith("calibration")]
    assert "segments.vulnerable.mortality_load" in [k for k, _ in ranged_parameters(resolved)]
    keys = [r["key"] for r in register_rows(resolved)]
    assert not [k for k in keys if k.startswith("calibration")] and "assumptions.mortality_load" in keys


BAD_RECORDS = [
    ('experience_id = "madiun-2025-jan-nov"', 'experience_id = "madiun-2025-jan-nov"\nexperiance = "x"',
     "calibration.experiance", "unknown key"),
    ("[calibration.goodness_of_fit]", "[calibration.goodness_of_fit]\nchi2 = 3", "calibration.goodness_of_fit.chi2",
     "unknown key"),
    ('count_includes_scholarships = true', 'count_includes_scholarships = true\nclaimz = 3',
     "calibration.observation[0].claimz", "unknown key"),
    ('unit = "multiplier of expected work accidents"', 'unit = "multiplier"',
     "calibration.posterior.accident_scale.unit", "wrong unit"),
    ('claims = { value = 144, unit = "claims"', 'claims = { value = 144.5, unit = "claims"',
     "calibration.observation[0].claims.value", "whole number"),
    ("fits = true", "fits = false", "calibration.goodness_of_fit.fits", "must be true"),
    ("fits = true", 'fits = "no"', "calibration.goodness_of_fit.fits", "true or false"),
    ('fit = ["amount"]', 'fit = ["claims", "claims"]', "calibration.observation[0].fit", "distinct figures"),
    (ACCIDENT_RANGE, "", "calibration.posterior.accident_scale.range", "90 % credible interval"),
    ('from = "2025-01"', 'from = "2025-12"', "calibration.observation[0].to", "before 'from'"),
    ("[calibration.goodness_of_fit]", "[calibration.goodness_of_fitt]", "calibration.goodness_of_fitt",
     "unknown key"),
]


@pytest.mark.parametrize("old, new, key, problem", BAD_RECORDS, ids=[b[2] + ":" + b[3] for b in BAD_RECORDS])
def test_the_record_is_validated_strictly(tmp_path, old, new, key, problem):
    path = _variant(tmp_path, old, new)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert err.value.key == key and problem in err.value.problem, str(err.value)


def test_a_record_without_observations_is_refused(tmp_path):
    text = _variant(tmp_path).read_text(encoding="utf-8")
    start = text.index("[[calibration.observation]]")
    path = tmp_path / "none.toml"
    path.write_text(text[:start] + text[text.index("[assumptions.mortality_load]"):], encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"calibration\.observation: missing"):
        load_scenario(path)


def test_an_uncalibrated_scenario_has_no_record():
    assert load_scenario("madiun-2025-prior").calibration is None
    assert calibration_figures(load_scenario("madiun-2025-prior")) is None


# --- 1. the report shows the observation, the expected figures and the failed fit --------------------------------


def test_the_report_shows_the_recorded_and_expected_claims(madiun):
    lang, extra = Language("id"), madiun.extra
    cal = extra["calibration"]
    obs = cal["observations"][0]
    assert (obs["claims"], obs["amount_idr"]) == (144, 6_200_000_000)
    assert obs["amount_per_claim_idr"] == pytest.approx(6.2e9 / 144, abs=0.01)
    doc = read(madiun)
    table = doc.table("calibration")
    assert table["header"] == [TEXT[k]["id"] for k in ("col_period", "calib_col_measure", "calib_col_observed",
                                                         "calib_col_expected")]
    rows = {r[1]: r for r in table["rows"]}
    claims = rows[TEXT["calib_claims_scholarships"]["id"][:-1] + "; " + TEXT["calib_not_fitted"]["id"][1:]]  # unfitted
    assert claims[0] == "Januari–November 2025 (11 bulan)"  # the months counted, beside the summary's year of cases
    assert claims[2:] == ["144", lang.count(obs["expected_claims"])]
    assert rows[TEXT["calib_amount"]["id"]][2:] == ["Rp6,20 miliar", lang.money(obs["expected_amount_idr"])]
    assert rows[TEXT["calib_per_claim"]["id"]][2] == "Rp43,1 juta"
    lead = doc.paragraph_with("summary", "calibration.mortality_scale.mean")
    assert "Januari–November 2025" in lead and "madiun-2025-prior" in lead
    assert lang.number(cal["accident_scale"]["p95"], 3) in lead  # as the register gives it (report_sections.MULTIPLIER)
    assert check_figures(madiun.folder)  # every number of the table and the paragraphs traced to report.json


def test_the_report_checks_the_count_it_did_not_fit(madiun, madiun_en):
    """madiun-2025 fits the recorded amount alone, so no misfit warning (the warning's own tests use synthetic
    records: test_report_wording); the recorded count is set beside the model's with its 90 % interval and where it
    lies, every figure traced to report.json."""
    assert not [p for p in read(madiun).paragraphs("summary") if "warning" in p["class"]]
    obs = madiun.extra["calibration"]["observations"][0]
    window = obs["model_window"]
    assert obs["fitted"] == ["amount"] and window["claims_p5"] <= window["claims_mean"] <= window["claims_p95"]
    id_ = Language("id")
    # Two paragraphs give the count's interval: page 1's brief comparison, then the calibration part's.
    key = "calibration.observations.0.model_window.claims_p5"
    brief, text = [p["text"] for p in read(madiun).paragraphs("summary") if key in p["keys"]]
    assert brief.startswith("Klaim tercatat Januari–November 2025") and "Rinciannya di paragraf Kalibrasi" in brief
    assert text.startswith("Jumlah klaim tercatat (144) tidak dipakai dalam kalibrasi")
    assert f"{id_.count(window['claims_p5'])}–{id_.count(window['claims_p95'])}" in text
    where = ("di bawah" if obs["claims"] < window["claims_p5"] else "di atas" if obs["claims"] > window["claims_p95"]
             else "di dalam")
    assert f"Jumlah klaim tercatat berada {where} rentang itu." in text
    _, en = [p["text"] for p in read(madiun_en).paragraphs("summary") if key in p["keys"]]
    assert en.startswith("The recorded count of claims (144) is not used in the calibration")
    check_figures(madiun.folder)
    check_figures(madiun_en.folder)


def test_the_differences_table_shows_the_record_as_one_row(madiun):
    rows = {r[0].rpartition("\n(")[2].rstrip(")"): r for r in read(madiun).table("differences")["rows"]}  # by key
    assert "calibration" in rows and not [k for k in rows if k.startswith("calibration.")]
    assert any(d["key"] == "calibration.observation.0.claims" for d in madiun.extra["differences"])


def test_a_record_that_fits_without_expected_figures_shows_the_posterior_and_no_warning(tmp_path):
    """A hand-written record may leave the expected figures out: the report then shows the posterior beside the
    recorded claims; a fit with p_value >= 0.001 gives no warning."""
    shipped_p = re.search(r"p_value = \{ value = [^,]+", SHIPPED).group(0)  # the recorded misfit's chance
    path = _variant(tmp_path, shipped_p, "p_value = { value = 0.2")
    text = path.read_text(encoding="utf-8").replace("fits = false", "fits = true")
    text = re.sub(r"expected_(claims|amount) = \{[^\n]*\}\n", "", text)
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    extra = {"calibration": calibration_figures(scenario)}
    blocks = calibration_blocks(Language("en"), scenario, extra)
    tables = {b.name: b for b in blocks if isinstance(b, Table)}
    assert tables["calibration"].header[-1] == TEXT["calib_col_observed"]["en"]
    assert [r[0] for r in tables["calibration_posterior"].rows] == [TEXT["calib_mortality"]["en"],
                                                                   TEXT["calib_accident"]["en"]]
    assert tables["calibration_posterior"].rows[0][1].key == "calibration.mortality_scale.mean"
    assert not [b for b in blocks if isinstance(b, Para) and b.style == "warning"]


# --- 2. the sources a report cites, which a reader can look up ------------------------------------------------------

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"  # ../shared/seeds beside the checkout
DOMAIN_MD = SEEDS.parent / "domain" / "DOMAIN.md"
CITE = re.compile(r"\bseed (\d{3})\b")


def test_sources_csv_lists_every_seed_article_and_domain_md():
    from sim.sources import load_sources

    sources = load_sources()
    assert [k for k in sources if k != "DOMAIN.md"] == ["000", "001", "002", "003", "004"]
    for source_id, s in sources.items():
        assert s["kind"] == ("reference" if source_id == "DOMAIN.md" else "article")
        assert s["publisher"] and s["subject_en"] and s["subject_id"] and s["file"] and s["date_note"]
        if s["date"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", s["date"]), s["date"]
    assert sources["DOMAIN.md"]["file"] == "../shared/domain/DOMAIN.md"
    assert sorted(sources["DOMAIN.md"]["sections"]) == list(range(1, 9))
    # The Indonesian report's words: every section's title, and a publisher with words to translate.
    assert sorted(sources["DOMAIN.md"]["sections_id"]) == list(range(1, 9))
    assert all(sources["DOMAIN.md"]["sections_id"].values())
    assert sources["DOMAIN.md"]["publisher_id"].startswith("proyek ini")
    assert sources["002"]["publisher_id"] == "KanalMuria (mengutip pekalongankota.go.id)"
    assert {k: s["headline_lang"] for k, s in sources.items() if s["headline"]} == {"002": "id", "DOMAIN.md": "en"}


WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_sources_csv_dates_and_files_agree_without_the_seed_articles():
    """What the next test checks against the articles themselves, as far as sources.csv alone can show it (so it
    runs without ../shared): each article's file is named by its id, a date comes with the article's own words for
    it in date_note (weekday and day/month, as the article writes them), and that weekday is the date's."""
    import datetime as dt

    from sim.sources import load_sources

    for source_id, s in load_sources().items():
        if source_id == "DOMAIN.md":
            continue
        assert re.fullmatch(rf"\.\./shared/seeds/{source_id}_[0-9a-f]{{16}}\.txt", s["file"]), s["file"]
        quoted = re.search(r"'(\w+) \((\d{1,2})/(\d{1,2})\)'", s["date_note"])
        if not s["date"]:
            assert quoted is None, f"{source_id} quotes a day and month: give its date"
            continue
        date = dt.date.fromisoformat(s["date"])
        assert quoted, (source_id, s["date_note"])
        weekday, day, month = quoted[1], int(quoted[2]), int(quoted[3])
        assert (day, month) == (date.day, date.month), (source_id, s["date"], s["date_note"])
        assert weekday == WEEKDAYS_ID[date.weekday()], (source_id, s["date"], weekday)
        # date_note's own English gloss of the weekday, where it gives one, agrees too.
        said = re.search(rf"was a ({'|'.join(WEEKDAYS_EN)})", s["date_note"])
        assert said is None or said[1] == WEEKDAYS_EN[date.weekday()], (source_id, said[1])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not beside this checkout")
def test_sources_csv_agrees_with_the_seed_articles(root):
    """Each article row names its file in the seeds folder, every file there is listed, and the publisher,
    headline and date are what the article itself says: a date only where the article gives its day and month."""
    from sim.sources import load_sources

    sources = load_sources()
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [f[:3] for f in files] == ["000", "001", "002", "003", "004"]
    for name in files:
        s = sources[name[:3]]
        assert (root / s["file"]).resolve() == (SEEDS / name).resolve()
        text = (SEEDS / name).read_text(encoding="utf-8")
        publisher = s["publisher"].split(" (")[0]
        assert publisher.replace(" ", "").lower() in text.replace(" ", "").lower(), (name, publisher)
        if s["headline"]:
            assert s["headline"] in text
        if s["date"]:
            day, month = int(s["date"][8:]), int(s["date"][5:7])
            assert f"({day:02d}/{month:02d})" in text or f"({day}/{month})" in text, (name, s["date"])
            assert s["date"][:4] in text, (name, s["date"])  # the year is in the text, or fixed by what it reports
        else:
            assert not re.search(r"\(\d{1,2}/\d{1,2}\)", text), f"{name} states a date: give it"
    assert (sources["001"]["date"], sources["002"]["date"]) == ("2025-12-29", "2023-02-08")
    assert [sources[k]["date"] for k in ("000", "003", "004")] == ["", "", ""]
    assert sources["000"]["publisher"] == "ANTARA" and sources["003"]["publisher"] == "Realita"
    assert sources["004"]["publisher"].startswith("Jambi Ekspres")
    assert sources["002"]["headline"] == "Pemkot Usulkan Pekerja Rentan Masuk dalam Program 1.000 Jamsosnaker"
    headings = dict(re.findall(r"^## (\d+)\. (.+)$", DOMAIN_MD.read_text(encoding="utf-8"), re.M))
    assert {int(k): v for k, v in headings.items()} == sources["DOMAIN.md"]["sections"]


def test_citations_are_read_in_the_forms_the_files_use():
    from sim.sources import citations

    found = citations(["seed 001: 144 claims", "(seeds 000, 002 and 004)", "seeds 003-004", "random seed 20251229",
                       "national BPU frequency (DOMAIN.md s.5, Low)", "DOMAIN.md s.5-6", "DOMAIN.md sections 3 and 4.",
                       "see DOMAIN.md.", "../shared/seeds/003_86bc4d7071ce3722.txt"])
    assert found == {"000": set(), "001": set(), "002": set(), "003": set(), "004": set(), "DOMAIN.md": {3, 4, 5, 6}}


@pytest.mark.parametrize("scenario_id", sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))
def test_every_source_a_shipped_scenario_cites_is_listed(scenario_id):
    from sim.report_sections import rule_rows, scenario_citing_texts
    from sim.sources import cited_sources, strings

    scenario = load_scenario(scenario_id)
    _, rules, changes = rule_rows(scenario)
    listed = cited_sources(scenario_citing_texts(scenario) + strings(rules) + strings(changes))
    assert listed and all(s["known"] for s in listed), [s["cited"] for s in listed if not s["known"]]
    domain = [s for s in listed if s["id"] == "DOMAIN.md"]
    assert not domain or all(c["title"] for c in domain[0]["sections"])


def test_the_madiun_report_lists_the_sources_it_cites(madiun, madiun_en):
    """Every "seed NNN" and DOMAIN.md section in the report's scenario (as the report's scenario.toml holds it) and
    rules (rules.csv, rule_changes.csv) is a row of the report's source list, with publisher, date and file."""
    folder = madiun.folder
    texts = [(folder / name).read_text(encoding="utf-8") for name in ("scenario.toml", "rules.csv", "rule_changes.csv")]
    seeds = sorted(set(CITE.findall(" ".join(texts))))
    sections = sorted({int(n) for n in re.findall(r"DOMAIN\.md s\.(\d+)", " ".join(texts))})
    assert "001" in seeds and 3 in sections
    table = read(madiun).table("sources")
    assert table["header"] == [TEXT[k]["id"] for k in ("col_source_cited", "col_publisher", "col_date",
                                                         "col_headline", "col_file")]
    rows = {r[0]: r for r in table["rows"]}
    # The Indonesian report cites them as its texts do: "berita 001", "DOMAIN.md bag. 3" (the English "seed 001").
    domain = "DOMAIN.md " + ", ".join(f"bag. {n}" for n in sections)
    assert sorted(rows) == sorted([f"berita {s}" for s in seeds] + [domain])
    assert rows["berita 001"][1:3] == ["Dinas Komunikasi dan Informatika Kota Madiun", "29 Desember 2025"]
    assert rows["berita 001"][4] == "../shared/seeds/001_6389829a22a7e3ec.txt"
    assert "bag. 3 Iuran (siapa membayar" in rows[domain][3] and rows[domain][4] == "../shared/domain/DOMAIN.md"
    assert "(judul asli, dalam bahasa Inggris)" in rows[domain][3] and rows[domain][1].startswith("proyek ini")
    intro = [p["text"] for p in read(madiun).paragraphs("provenance") if p["text"].startswith("Sumber.")]
    assert intro and "sim/data/sources.csv" in intro[0]
    en = {r[0]: r for r in read(madiun_en).table("sources")["rows"]}
    assert en["seed 001"][2] == "29 December 2025" and "Pro JKK-JKM" in en["seed 001"][3]
    assert [s["cited_id"] for s in madiun.extra["sources"]] == list(rows)
    assert [s["cited"] for s in madiun.extra["sources"]] == list(en)
    # ... and each cited section's public sources (sim/data/domain_sources.csv), in both languages.
    for report, section in ((madiun, "bag. "), (madiun_en, "s.")):
        public = read(report).table("domain_sources")["rows"]
        assert sorted({int(r[0].removeprefix(section)) for r in public}) == sections
    assert ["bag. 4", "PP 82/2019 tentang perubahan PP 44/2015 (beserta Lampiran III)"] in [
        r[:2] for r in read(madiun).table("domain_sources")["rows"]]


ROOT = Path(__file__).resolve().parent.parent


def test_every_cited_domain_section_rests_on_a_public_source():
    """A reader without ../shared finds what a cited DOMAIN.md section rests on in sim/data/domain_sources.csv: every
    section cited anywhere the workbench cites one (scenarios, sim/data, the code's texts) has at least one public
    source there, named in both languages, with what it is the source of."""
    from sim.sources import DOMAIN, citations, load_domain_sources, load_sources

    files = [*(ROOT / "scenarios").rglob("*.toml"), *(ROOT / "sim" / "data").iterdir(), *(ROOT / "sim").glob("*.py")]
    cited = {}
    for path in files:
        for n in citations([path.read_text(encoding="utf-8")]).get(DOMAIN, ()):
            cited.setdefault(n, path.relative_to(ROOT).as_posix())
    assert set(cited) >= {2, 3, 4, 5, 6, 7, 8}, sorted(cited)  # the reading above finds the citations
    public = load_domain_sources()
    missing = {n: where for n, where in sorted(cited.items()) if not public.get(n)}
    assert not missing, f"DOMAIN.md sections cited with no public source in sim/data/domain_sources.csv: {missing}"
    assert set(public) <= set(load_sources()[DOMAIN]["sections"])
    for n, rows in public.items():
        for row in rows:
            assert row["source"] and row["backs"] and row["backs_id"], (n, row)
            assert row["source_id"] != row["source"], f"s.{n}: leave source_id empty for a name the same in both"


def test_the_source_list_shows_the_public_sources_of_a_cited_section():
    from sim.report_sections import sources_blocks
    from sim.sources import cited_sources, load_domain_sources

    extra = {"sources": cited_sources(["seed 002", "DOMAIN.md s.3, s.7"])}
    public, tables = load_domain_sources(), {}
    for code, section in (("id", "bag. "), ("en", "s.")):
        blocks = sources_blocks(Language(code), extra)
        table = next(b for b in blocks if isinstance(b, Table) and b.name == "domain_sources")
        assert table.header == tuple(TEXT[k][code] for k in ("col_domain_section", "col_public_source", "col_backs"))
        suffix = "_id" if code == "id" else ""
        assert table.rows == [(f"{section}{n}", p[f"source{suffix}"] or p["source"], p[f"backs{suffix}"])
                              for n in (3, 7) for p in public[n]]
        assert blocks[blocks.index(table) - 1].text == TEXT["domain_sources_intro"][code]
        tables[code] = table
    assert ("s.7", "PMK 215/2021") in [r[:2] for r in tables["en"].rows]
    assert ("bag. 3", "PP 44/2015 Lampiran I dan II beserta perubahannya") in [r[:2] for r in tables["id"].rows]
    # No section cited, or an older report.json without the public sources: no second table.
    seeds_only = sources_blocks(Language("en"), {"sources": cited_sources(["seed 002"])})
    assert [b.name for b in seeds_only if isinstance(b, Table)] == ["sources"]
    old = {"sources": [{**s, "sections": [{k: v for k, v in c.items() if k != "public"} for c in s["sections"]]}
                       if s.get("sections") else s for s in extra["sources"]]}
    assert [b.name for b in sources_blocks(Language("en"), old) if isinstance(b, Table)] == ["sources"]


def test_an_article_without_a_date_says_so_and_an_unknown_citation_is_kept():
    from sim.report_sections import sources_blocks
    from sim.sources import cited_sources

    extra = {"sources": cited_sources(["seed 003: SERTAKAN", "seed 009: a new article", "DOMAIN.md s.7"])}
    table = next(b for b in sources_blocks(Language("id"), extra) if isinstance(b, Table))
    rows = {r[0]: r for r in table.rows}
    assert list(rows) == ["berita 003", "berita 009", "DOMAIN.md bag. 7"]
    assert rows["berita 003"][1:3] == ("Realita", "tidak disebutkan dalam artikel")
    assert rows["berita 009"][3] == TEXT["source_unknown"]["id"]
    domain = rows["DOMAIN.md bag. 7"]
    assert domain[2] == "tidak bertanggal" and "bag. 7 Target cakupan dan sumber pendanaan" in domain[3]
    none = sources_blocks(Language("en"), {"sources": []})
    assert [b.text for b in none] == [TEXT["sources_none"]["en"]]


def test_a_domain_citation_takes_only_numbers_that_are_sections():
    from sim.sources import DOMAIN, citations

    assert citations(["DOMAIN.md s.5, 2019 survey"]) == {DOMAIN: {5}}


def test_an_array_entry_set_with_its_array_is_blamed_on_set():
    with pytest.raises(ScenarioError, match=r"^--set: calibration\.observation\[0\]: must be a table"):
        load_scenario("madiun-2025", ["calibration.observation=[1]"])


def test_compare_does_not_list_the_calibration_record_as_a_differing_parameter():
    from sim.compare import flatten

    assert not [k for k in flatten(load_scenario("madiun-2025").resolved) if k.startswith("calibration")]


def test_fits_agrees_with_the_p_value_as_written(monkeypatch):
    """A p just under the threshold that the record rounds up to it: `fits` must follow the written number, or the
    scenario calibrate writes would be refused by its own validation."""
    import sim.calibration as calibration

    monkeypatch.setattr(calibration.scipy.stats.chi2, "sf", lambda x, k: 0.00099996)
    cal = calibration.fit("madiun-2025-prior", SCENARIO_DIR / "experience" / "madiun-2025.toml", trials=500)
    fit = cal.goodness_of_fit()
    assert fit["p_value"] == 0.001 and fit["fits"] is True


def test_a_label_per_language_is_one_value_when_scenarios_are_compared():
    """A text given per language is one value, not a table: compare and the differences from the base list it
    whole when either language changes, and never as separate en / id keys."""
    from sim.compare import differing_parameters, flatten

    base = load_scenario("madiun-2025-prior")
    renamed = load_scenario("madiun-2025-prior", ["scenario.id=renamed",
                                                  'segments.non_asn.label={ en = "Non-ASN contract staff of the '
                                                  'city (PU)", id = "Pegawai non-ASN Pemkot Madiun (PU)" }'])
    assert flatten(base.resolved)["segments.non_asn.label"] == base.segments[0].labels
    assert not [k for k in flatten(base.resolved) if k.startswith(("scenario.title.", "segments.non_asn.label."))]
    rows = {r["parameter"]: r["values"] for r in differing_parameters([base, renamed])}
    assert list(rows) == ["segments.non_asn.label"]
    assert "Tenaga non-ASN Pemerintah Kota (PU)" in str(rows["segments.non_asn.label"]["madiun-2025-prior"])
    assert "Pegawai non-ASN Pemkot Madiun (PU)" in str(rows["segments.non_asn.label"]["renamed"])


def test_a_fit_between_the_recorded_count_and_amount_is_a_compromise_and_one_beyond_both_is_not():
    from sim.report_sections import _fit_outside

    def obs(claims: float, amount: float) -> dict:
        return {"expected_over_recorded_claims": claims, "expected_over_recorded_amount_idr": amount}

    assert _fit_outside([obs(0.52, 0.12)]) == [(0, "above")]
    assert _fit_outside([obs(-0.2, 0.1), obs(-0.1, -0.3), {"expected_over_recorded_claims": 0.4}]) == [(1, "below")]
    assert _fit_outside([obs(0.0, 0.3)]) == []  # on the count: between, not beyond


def test_a_headline_in_the_other_language_is_cited_as_written_and_said_to_be_the_original():
    """The English report gives an Indonesian article's headline as written, says so, and adds what it reports in
    English; the Indonesian report says DOMAIN.md's title is in English and gives its sections' titles and the
    publishers in Indonesian. A headline in the report's own language stands alone."""
    from sim.report_sections import sources_blocks
    from sim.sources import cited_sources

    extra = {"sources": cited_sources(["seed 002", "DOMAIN.md s.3"])}
    rows = {code: [r for b in sources_blocks(Language(code), extra) if isinstance(b, Table) and b.name == "sources"
                   for r in b.rows]
            for code in ("id", "en")}
    (id_article, id_domain), (en_article, en_domain) = rows["id"], rows["en"]
    headline = "“Pemkot Usulkan Pekerja Rentan Masuk dalam Program 1.000 Jamsosnaker”"
    assert id_article[3] == headline and id_article[1] == "KanalMuria (mengutip pekalongankota.go.id)"
    assert en_article[3] == headline + " (original title, in Indonesian): Kota Pekalongan proposes more vulnerable " \
                                       "occupations for its 2023 quota of 1,000 Jamsosnaker memberships"
    assert en_article[1] == "KanalMuria (citing pekalongankota.go.id)"
    assert id_domain[3].endswith("” (judul asli, dalam bahasa Inggris); bag. 3 Iuran (siapa membayar berapa per "
                                 "peserta per bulan)")
    assert en_domain[3].endswith("”; s.3 Premiums (who pays what per member per month)")


@pytest.mark.parametrize("code, settings_words", [
    ("id", "Jumlah simulasi dan bilangan awal (seed) dari baris perintah"),
    ("en", "The trials and seed given on the command line")])
def test_trials_and_seed_from_the_command_line_are_not_listed_as_differences(code, settings_words):
    """`report --trials 2000` showed "Nilai yang diubah dari baris perintah (--set): scenario.trials=2000" under the
    differences from the base, right after "tidak memakai skenario dasar": a trial count or seed is how the scenario
    is run, said apart; a real --set override stays where it was."""
    from sim.report_sections import differences_section

    lang = Language(code)
    extra = {"differences": [], "overrides": ["segments.vulnerable.members=5000", "scenario.trials=2000",
                                              "scenario.seed=7"]}
    paras = [b.text for b in differences_section(lang, extra, None).blocks if isinstance(b, Para)]
    overrides = next(p for p in paras if p.startswith(TEXT["diff_overrides"][code].split("{")[0]))
    assert "segments.vulnerable.members=5000" in overrides and "scenario." not in overrides
    settings = next(p for p in paras if p.startswith(settings_words))
    assert "scenario.trials=2000; scenario.seed=7" in settings
    only = differences_section(lang, {"differences": [], "overrides": ["scenario.trials=2000"]}, None)
    texts = [b.text for b in only.blocks if isinstance(b, Para)]
    assert not any(t.startswith(TEXT["diff_overrides"][code].split("{")[0]) for t in texts)


@pytest.mark.parametrize("ref, calibrated", [("jambi-2025", False), ("madiun-2025-prior", False),
                                             ("madiun-2025", True), ("madiun-2026-ucj", True)])
def test_the_method_explains_calibration_only_for_a_calibrated_scenario(ref, calibrated):
    """A scenario not calibrated had the paragraph on the Bayesian grid, Mahalanobis and chi-squared; it now says
    in one sentence that its loads are assumptions. madiun-2026-ucj inherits madiun-2025's calibration."""
    from sim.report_sections import methodology_section

    scenario = load_scenario(ref)
    assert (scenario.calibration is not None) == calibrated
    for code, words in (("id", "tidak dikalibrasi terhadap klaim yang tercatat"),
                        ("en", "not calibrated to recorded claims")):
        text = " ".join(b.text for b in methodology_section(Language(code), scenario).blocks if isinstance(b, Para))
        assert ("Mahalanobis" in text) == calibrated
        assert (words in text) == (not calibrated)


def test_a_scenario_with_loads_from_another_calibration_says_so_not_that_they_are_assumptions():
    """madiun-2023 is not calibrated itself but takes madiun-2025's calibrated loads and accident rates (basis
    calibrated): the methodology said they were assumptions. It now says they come from another scenario's
    calibration and are held fixed; jambi-2025, all assumptions, keeps the plain sentence."""
    from sim.report_sections import methodology_section
    from sim.report_text import TEXT

    elsewhere = "method_calibrated_elsewhere"
    for ref, key in (("madiun-2023", elsewhere), ("madiun-2023-target", elsewhere),
                     ("jambi-2025", "method_not_calibrated")):
        for code in ("id", "en"):
            texts = [b.text for b in methodology_section(Language(code), load_scenario(ref)).blocks
                     if isinstance(b, Para)]
            assert TEXT[key][code] in texts, (ref, code)


def test_a_parameter_set_in_only_one_compared_scenario_differs():
    """A key one scenario sets and the other leaves out (rules_date here) is a difference, shown as absent (None)
    for the scenario without it: an absent key read as "the same" would hide what sets the two apart."""
    from sim.compare import differing_parameters

    base = load_scenario("madiun-2025-prior")
    dated = load_scenario("madiun-2025-prior", ["scenario.id=dated", "scenario.rules_date=2025-06-01"])
    row = {"parameter": "scenario.rules_date", "unit": "",
           "values": {"madiun-2025-prior": None, "dated": "2025-06-01"}}
    assert differing_parameters([base, dated]) == differing_parameters([dated, base]) == [row]  # either first


@pytest.mark.parametrize("code", ["id", "en"])
def test_trials_and_seed_from_the_command_line_are_not_rows_of_the_differences_table(code):
    """`report pekalongan-2023-expansion --trials 1000` listed "Number of trials 10,000 -> 1,000" in the table of
    differences from the base (computed after the overrides), right above the note that the trials given on the
    command line are no difference; differences.csv had it too. A trial count the scenario file itself sets, and a
    real --set override, stay differences."""
    from sim.report_sections import csv_tables, differences_section

    differences = [{"key": "scenario.trials", "base": 10000, "this": 1000},
                   {"key": "scenario.seed", "base": 20251229, "this": 7},
                   {"key": "segments.vulnerable.members", "base": 1000, "this": 423}]
    extra = {"differences": differences, "overrides": ["scenario.trials=1000"]}
    table = next(b for b in differences_section(Language(code), extra, "pekalongan-2023").blocks
                 if isinstance(b, Table))
    keys = [r[0].rpartition("\n(")[2].rstrip(")") for r in table.rows]
    assert keys == ["scenario.seed", "segments.vulnerable.members"]  # the seed here comes from the file
    frame = csv_tables({"periods": [], "breakdown": []},
                       {**extra, "fan": [], "sensitivity": {"rows": []}, "coverage": [], "funding": [],
                        "assumptions": [], "rules": {"rows": [], "changes": []}})["differences"]
    assert list(frame["key"]) == ["scenario.seed", "segments.vulnerable.members"]


def test_the_calibration_method_names_what_was_fitted_and_that_one_figure_tests_nothing():
    """madiun-2025 fits the amount of claims alone, one figure for two multipliers: the method said "count and
    amount" and offered the chi-squared probability (0.9999 on a distance of 1.6e-08) as the measure of fit, which
    with no degrees of freedom left tests nothing. It now names the amount, the normal likelihood and lognormal
    priors, and says the fit does not test the model; a record fitting two figures keeps the test sentence."""
    from sim.report_sections import methodology_section

    scenario = load_scenario("madiun-2025")
    for code, amount, both, untested in (
            ("en", "fitted to the recorded amount of claims", "number and amount of claims", "tests nothing"),
            ("id", "disesuaikan dengan nilai klaim tercatat", "banyaknya klaim dan nilainya",
             "tidak menguji model")):
        lang = Language(code)
        text = methodology_section(lang, scenario).blocks[-2].text
        assert amount in text and "lognormal" in text and untested in text, (code, text)
        assert lang.number(0.9999, 4) in text and "count and amount" not in text and both not in text
        record = {**scenario.calibration, "goodness_of_fit": {**scenario.calibration["goodness_of_fit"],
                                                              "observed_values": 2},
                  "observations": [{**o, "fit": ["claims", "amount"]} for o in scenario.calibration["observations"]]}
        two = methodology_section(lang, dataclasses.replace(scenario, calibration=record))
        text = two.blocks[-2].text
        assert both in text and untested not in text and TEXT["method_fit_test"][code] in text, (code, text)
