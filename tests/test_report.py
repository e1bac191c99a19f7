"""Reviewer reports: built for every shipped scenario, every number traced to summary.json or report.json, the PDF
carries the headline numbers as text, folders are never overwritten or left half-written, and a report rebuilds
from its manifest alone with the same numbers."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import tomllib

from sim import report as report_module
from sim.cli import main
from sim.i18n import Language, chance_kind, in_each_language
from sim.manifest import dump_toml, read_manifest, scenario_toml
from sim.report import build, compare, lookup, rebuild
from sim.report_text import TEXT
from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario
from cli_checks import assert_one_line_error, run_cli

TRIALS = 300
SHIPPED = sorted(f.stem for f in SCENARIO_DIR.glob("*.toml"))
REPORT_FILES = {"report.html", "report.pdf", "summary.json", "report.json", "manifest.json", "scenario.toml",
                "periods.csv", "fan.csv", "validation.csv", "exact_check.csv", "sensitivity.csv", "coverage.csv",
                "funding.csv", "assumptions.csv", "rules.csv", "rule_changes.csv", "differences.csv"}
# A projected scenario's folder also holds sim plan's detail tables (tests/test_report_plan_files.py).
PLAN_FILES = {"plan_years.csv", "plan_segments.csv", "plan_funding.csv", "plan_enrolment.csv"}
MONEY = re.compile(r"-?Rp\d")


class Figures(HTMLParser):
    """Collects the report's traced figures and the text of traced sections outside them; the scenario's own
    description, quoted in the summary (``<p class="description">``), apart."""

    def __init__(self):
        super().__init__()
        self.figures, self.untraced_text, self.depth, self.current, self.section_traced = [], [], 0, None, []
        self.lang = None
        self.quoted = None  # the description paragraph being read
        self.descriptions = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "section":
            self.section_traced.append("traced" in (a.get("class") or ""))
        if tag == "span" and "fig" in (a.get("class") or "").split():
            self.current = {**a, "text": ""}
        if tag == "p" and a.get("class") == "description":
            self.quoted = ""

    def handle_endtag(self, tag):
        if tag == "section":
            self.section_traced.pop()
        if tag == "p" and self.quoted is not None:
            self.descriptions.append(self.quoted)
            self.quoted = None
        if tag == "span" and self.current is not None:
            self.figures.append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data
        elif self.quoted is not None:
            self.quoted += data
        elif self.section_traced and self.section_traced[-1]:
            self.untraced_text.append(data)


def parse(folder: Path) -> Figures:
    parser = Figures()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    return parser


def check_figures(folder: Path) -> int:
    """Every figure shown equals its source value and is formatted from it; no Rupiah amount is untraced."""
    parsed = parse(folder)
    lang = Language(parsed.lang)
    sources = {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in ("summary.json", "report.json")}
    assert parsed.figures, "no traced figures in the report"
    for f in parsed.figures:
        source = lookup(sources[f["data-src"]], f["data-key"])
        shown = json.loads(f["data-value"])
        assert shown == source, f"{f['data-key']}: report shows {shown}, {f['data-src']} has {source}"
        assert f["text"] == lang.figure(f["data-kind"], source), f"{f['data-key']}: text {f['text']!r}"
    # The description is the scenario author's text (its amounts are inputs, not figures of the run): exactly the
    # text of the scenario the folder holds, and nothing untraced around it.
    scenario = tomllib.loads((folder / "scenario.toml").read_text(encoding="utf-8"))["scenario"]
    described = in_each_language(scenario["description"])[lang.code] if "description" in scenario else None
    assert len(parsed.descriptions) == (described is not None)
    for text in parsed.descriptions:
        assert " ".join(described.split()) in text
        parsed.untraced_text.append(text.replace(" ".join(described.split()), ""))
    stray = [t for t in parsed.untraced_text if MONEY.search(t)]
    assert not stray, f"Rupiah amounts not traced to a source: {stray[:5]}"
    return len(parsed.figures)


def pdf_text(folder: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(folder / "report.pdf")
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def headline_figures(summary: dict, lang: Language, extra: dict | None = None) -> list[str]:
    first = summary["periods"][0]
    plan = (extra or {}).get("planning")
    if plan:  # members projected: the first year's APBD budget (or premium) and the members at the last year-end
        start = plan["years"][0]
        out = [lang.money(first["premium_idr"] if start["budget_idr"] is None else start["budget_idr"]),
               lang.count(plan["years"][-1]["members_year_end"])]
    else:
        out = [lang.money(summary["budget"]["annual_premium_start_members_idr"]),
               lang.count(summary["budget"]["start_members"])]
    out += [lang.money(first["claims_idr"]["mean"]), lang.money(first["claims_idr"]["p5"]), lang.money(first["claims_idr"]["p95"])]
    if first["claim_ratio"] is not None:
        out += [lang.percent(first["claim_ratio"][k]) for k in ("mean", "p5", "p95")]
        out.append(lang.figure(chance_kind(summary["trials"]), first["prob_claim_ratio_above_1"]))
    return out


def _build(scenario_id: str, root: Path, lang: str = "id", trials: int = TRIALS, **kw):
    scenario = load_scenario(scenario_id, [f"scenario.trials={trials}"])
    return build(scenario, lang, root, **kw)


@pytest.fixture(scope="module", autouse=True)
def one_commit():
    """The commit as it was when this module started: a report folder's name includes the commit (and "-dirty"),
    so a commit or an edited file while the tests run would otherwise make a rebuild land in another folder."""
    commit = report_module.git_commit()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_module, "git_commit", lambda: commit)
        yield


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    return _build("madiun-2025", root)


# --- language ----------------------------------------------------------------------------------------------------


def test_every_report_text_has_both_languages_and_the_same_placeholders():
    for key, entry in TEXT.items():
        assert set(entry) == {"id", "en"}, key
        assert set(re.findall(r"\{(\w+)\}", entry["id"])) == set(re.findall(r"\{(\w+)\}", entry["en"])), key


def test_rupiah_and_dates_in_indonesian_and_english_style():
    import datetime as dt

    id_, en = Language("id"), Language("en")
    assert id_.money(3_050_654_400) == "Rp3,05 miliar" and en.money(3_050_654_400) == "Rp3.05 bn"
    assert id_.money(604_800_000) == "Rp604,8 juta" and en.money(604_800_000) == "Rp604.8 m"
    assert id_.money(16_800) == "Rp16.800" and en.money(16_800) == "Rp16,800"
    assert id_.money(1.91e12) == "Rp1,91 triliun"
    assert id_.count(17_484) == "17.484" and en.count(17_484) == "17,484"
    assert id_.percent(0.995, 1) == "99,5%" and en.percent(2.5) == "250%"
    assert id_.plain(1.919408) == "1,919408" and id_.plain(2185185) == "2.185.185"
    assert id_.date(dt.date(2025, 8, 17)) == "17 Agustus 2025" and en.date(dt.date(2025, 8, 17)) == "17 August 2025"
    assert id_.month(dt.date(2025, 5, 1)) == "Mei 2025"


# --- every shipped scenario ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_report_builds_for_every_shipped_scenario(scenario_id, tmp_path):
    report = _build(scenario_id, tmp_path)
    folder = report.folder
    assert folder.parent == tmp_path / scenario_id and re.fullmatch(r"\d{4}-\d\d-\d\d-[0-9a-f]{10}", folder.name)
    planning = report.extra["planning"]
    plan_files = (PLAN_FILES | ({"plan_pledge_outcomes.csv"} if planning["pledge_outcomes"] else set())
                  if planning else set())
    assert {p.name for p in folder.iterdir()} == REPORT_FILES | plan_files
    assert not [p for p in tmp_path.rglob(".*tmp*")], "temporary folder left behind"
    assert check_figures(folder) > 20
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["trials"] == TRIALS and summary["scenario_id"] == scenario_id
    text = pdf_text(folder)
    for figure in headline_figures(summary, Language("id"), report.extra):
        assert figure in text, f"PDF lacks headline figure {figure}"
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == len(report.charts) >= 4
    assert not re.search(r'(src|href)="(https?:|//)', html), "the HTML must not load anything from outside"


# --- the numbers -----------------------------------------------------------------------------------------------------


def test_tables_agree_with_summary(madiun):
    folder, summary = madiun.folder, madiun.summary
    periods = pd.read_csv(folder / "periods.csv", dtype={"period": str})
    for row, p in zip(periods.to_dict("records"), summary["periods"]):
        assert row["period"] == p["period"]
        assert row["claims_mean_idr"] == p["claims_idr"]["mean"] and row["premium_idr"] == p["premium_idr"]
        assert row["claim_ratio_p95"] == p["claim_ratio"]["p95"]
    fan = pd.read_csv(folder / "fan.csv", dtype={"period": str})
    for row, p in zip(fan.to_dict("records"), summary["periods"]):  # same trials, same quantile rule
        assert row["claims_p5"] == p["claims_idr"]["p5"] and row["claims_p95"] == p["claims_idr"]["p95"]
        assert row["claims_p50"] == p["claims_idr"]["p50"]
        assert row["claims_p25"] <= row["claims_p50"] <= row["claims_p75"]
        # The fan chart's claim ratio panel: the same percentiles of claims over the year's premium (summary.json
        # rounds ratios to 4 decimals, fan.csv to 6: half a unit of each apart at most, and 1e-9 for a premium
        # rounded to the cent).
        for k in ("mean", "p5", "p50", "p95"):
            assert row[f"claim_ratio_{k}"] == pytest.approx(p["claim_ratio"][k], abs=5e-5 + 5e-7 + 1e-9), (row, k)
        assert row["claim_ratio_p25"] <= row["claim_ratio_p50"] <= row["claim_ratio_p75"]
    assert len(pd.read_csv(folder / "validation.csv")) == len(summary["breakdown"])


def _parameter_tables(node: dict, prefix: str = ""):
    """(dotted key, table) of every parameter of a resolved scenario: each table with a value, at any depth."""
    for key, value in node.items():
        if isinstance(value, dict):
            yield from [(prefix + key, value)] if "value" in value else _parameter_tables(value, f"{prefix}{key}.")


@pytest.mark.parametrize("scenario_id", ["madiun-2025", "madiun-2026-ucj-csr"])
def test_the_register_lists_every_parameter_with_value_unit_basis_and_source(scenario_id):
    """The assumption register has a row for every parameter of the resolved scenario (the [calibration] record,
    a record of a fit shown in the summary, aside; a segment's named age profile has its own row,
    tests/test_report_profiles.py), with its value, unit, basis and source, in report.json and in the table shown;
    assumptions and calibrated values are highlighted."""
    from sim.report_sections import _percent_unit, percent_kind, register_rows, register_section

    scenario = load_scenario(scenario_id)
    want = {k: t for k, t in _parameter_tables(scenario.resolved) if not k.startswith("calibration.")}
    assert len(want) > 25
    rows = [r for r in register_rows(scenario.resolved) if not r["key"].endswith(".age_profile")]
    assert sorted(r["key"] for r in rows) == sorted(want)
    for r in rows:
        t = want[r["key"]]
        assert (r["value"], r["unit"], r["basis"], r["source"]) == (t["value"], t["unit"], t["basis"], t["source"])
    lang = Language("en")
    table = register_section(lang, scenario, {"assumptions": rows, "rules": {"date": "2025-01-01", "rows": [],
                                                                           "changes": []}}).blocks[1]
    assert len(table.rows) == len(rows)
    for r, shown, style in zip(rows, table.rows, table.styles):
        assert shown[0].endswith(f"({r['key']})") or shown[0] == r["key"], shown[0]
        # A rate shown as a percentage has its unit without "share" (report_sections._percent_unit, percent_kind).
        unit = _percent_unit(r["unit"]) if percent_kind(r["key"]) else r["unit"]
        assert (shown[2], shown[3]) == (lang.unit(unit), lang.basis(r["basis"]))
        assert r["source"] in shown[5]
        assert style == (r["basis"] if r["basis"] in ("assumption", "calibrated") else "")


def test_a_wrong_number_in_the_report_is_caught(madiun, tmp_path):
    """The figure check can fail: change one traced value in a copy and it must complain."""
    copy = tmp_path / "copy"
    shutil.copytree(madiun.folder, copy)
    summary = json.loads((copy / "summary.json").read_text())
    summary["periods"][0]["claims_idr"]["mean"] += 1e6
    (copy / "summary.json").write_text(json.dumps(summary))
    with pytest.raises(AssertionError, match="periods.0.claims_idr.mean"):
        check_figures(copy)
    shutil.copy(madiun.folder / "summary.json", copy / "summary.json")
    html = (copy / "report.html").read_text(encoding="utf-8")
    (copy / "report.html").write_text(html.replace("</section>", "<p>Rp9,99 miliar</p></section>", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="not traced"):
        check_figures(copy)


def test_sensitivity_swings_are_the_closed_form_at_the_range_ends(madiun):
    rows = madiun.extra["sensitivity"]["rows"]
    base = madiun.extra["sensitivity"]["base"]["claims_idr"]
    by_key = {r["parameter"]: r for r in rows}
    # madiun-2025 is calibrated: its loads are one fitted multiplier's, so one bar moves them all (more deaths, more
    # claims), shown at the multiplier's posterior mean and 90 % interval.
    load = by_key["calibration.posterior.mortality_scale"]
    assert load["claims_low_idr"] < base < load["claims_high_idr"]
    posterior = madiun.scenario.calibration["mortality_scale"]
    assert (load["value"], load["low"], load["high"]) == (posterior["mean"], posterior["p5"], posterior["p95"])
    # Each end is the closed form of the first year with every calibrated load at that end of its range (the prior
    # load times that end of the multiplier's interval), computed here apart.
    from sim.closed_form import expected
    from sim.population import build_model

    resolved = madiun.scenario.resolved
    loads = {"assumptions.mortality_load": resolved["assumptions"]["mortality_load"]["range"],
             "segments.vulnerable.mortality_load": resolved["segments"]["vulnerable"]["mortality_load"]["range"]}
    for end, got in ((0, load["claims_low_idr"]), (1, load["claims_high_idr"])):
        moved = load_scenario("madiun-2025", ["scenario.horizon_months=12",
                                              *(f"{key}.value={rng[end]}" for key, rng in loads.items())])
        assert got == pytest.approx(float(expected(build_model(moved)).amounts[0].sum()), abs=0.01)  # to Rp0.01
    # The spread only, not the mean: no bar, but a row of sensitivity.csv with no change at either end.
    still = {r["parameter"]: r for r in madiun.extra["sensitivity"]["no_effect"]}
    assert "assumptions.severity.medical_cost_cv" not in by_key
    assert still["assumptions.severity.medical_cost_cv"]["change_low_idr"] == 0
    table = pd.read_csv(madiun.folder / "sensitivity.csv")
    assert set(table["parameter"]) == set(by_key) | set(still)
    assert abs(base - madiun.summary["periods"][0]["claims_expected_idr"]) < 1.0  # same closed form as the run


def test_english_report_reads_in_english(tmp_path):
    report = _build("pekalongan-2023", tmp_path, lang="en")
    parsed = parse(report.folder)
    assert parsed.lang == "en"
    check_figures(report.folder)
    html = (report.folder / "report.html").read_text(encoding="utf-8")
    assert "Summary" in html and "Ringkasan" not in html
    text = pdf_text(report.folder)
    assert "Results by year" in text and Language("en").money(report.summary["periods"][0]["claims_idr"]["mean"]) in text


# --- files: never overwritten, never half-written, rebuilt from the manifest -------------------------------------


def test_second_run_refuses_to_overwrite(tmp_path, capsys):
    args = ["report", "jambi-2025", "--trials", str(TRIALS), "--reports-dir", str(tmp_path), "--quiet"]
    assert main(args) == 0
    capsys.readouterr()
    folder = next((tmp_path / "jambi-2025").iterdir())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "already exists" in err and len(err.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in (tmp_path / "jambi-2025").iterdir()] == [folder.name]


def test_a_failed_report_leaves_no_folder(tmp_path, monkeypatch):
    import sim.report_pdf

    def broken(report):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sim.report_pdf, "render_pdf", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        _build("pekalongan-2023", tmp_path)
    assert not (tmp_path / "pekalongan-2023").exists()


def test_a_report_that_fails_while_writing_its_files_leaves_no_folder(tmp_path, monkeypatch):
    """A full disk half-way through the files: neither the report folder nor the reports/<id>/ made for it stays."""
    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_module, "write_json", full)
    with pytest.raises(OSError, match="No space left"):
        _build("pekalongan-2023", tmp_path / "reports")
    assert not (tmp_path / "reports").exists()


def test_a_file_in_the_reports_folder_is_refused_before_the_simulation(tmp_path, capsys, monkeypatch):
    """A file named like the scenario in --reports-dir (where reports/<id>/ goes) was found only after the whole
    simulation, as "File exists"; now before it starts, naming the file."""
    (tmp_path / "jambi-2025").write_text("not a folder\n")

    def started(*args, **kwargs):
        raise AssertionError("the simulation started before the reports folder was checked")

    monkeypatch.setattr(report_module, "forecast", started)
    code, out, err = run_cli(["report", "jambi-2025", "--reports-dir", tmp_path, "--quiet"], capsys)
    assert_one_line_error(code, err, [f"error: {tmp_path / 'jambi-2025'}: a file is in the way of this output folder"])
    assert [p.name for p in tmp_path.iterdir()] == ["jambi-2025"] and out == ""


def test_a_link_to_nothing_as_the_reports_folder_is_refused_before_the_simulation(tmp_path, capsys, monkeypatch):
    """The default reports/ a link to a folder that does not exist (not --reports-dir, which is checked as it is
    parsed): the report did all its work, then ended in "reports: File exists"; now before it starts."""
    (tmp_path / "reports").symlink_to(tmp_path / "gone")
    monkeypatch.chdir(tmp_path)

    def started(*args, **kwargs):
        raise AssertionError("the simulation started before the reports folder was checked")

    monkeypatch.setattr(report_module, "forecast", started)
    code, out, err = run_cli(["report", "jambi-2025", "--quiet"], capsys)
    assert_one_line_error(code, err, [f"error: reports: a link to {tmp_path / 'gone'}, which does not exist, is in "
                                      "the way of this output folder"])
    assert [p.name for p in tmp_path.iterdir()] == ["reports"] and out == ""


def test_an_interrupt_once_the_report_is_in_place_names_it(tmp_path, capsys, monkeypatch):
    """Ctrl-C while the headline was printed, after the report folder had moved into place, said "nothing was
    written" of a finished report."""
    def interrupted(report):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_module, "headline", interrupted)
    code, out, err = run_cli(["report", "jambi-2025", "--trials", "200", "--reports-dir", tmp_path, "--quiet",
                              "--set", "scenario.horizon_months=12"], capsys)
    [folder] = (tmp_path / "jambi-2025").iterdir()
    assert code == 130 and err == f"error: report: interrupted after writing {folder} in full\n"
    assert (folder / "manifest.json").is_file()


def test_rebuild_from_the_manifest_alone_matches(madiun, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(madiun.folder / "manifest.json", alone / "manifest.json")  # nothing else: no scenario files
    rebuilt, differences = rebuild(alone / "manifest.json", tmp_path / "rebuilt")
    assert differences is None  # nothing beside the manifest to compare with
    assert compare(madiun.folder, rebuilt.folder) == []
    assert (rebuilt.folder / "scenario.toml").read_text() == (madiun.folder / "scenario.toml").read_text()
    assert rebuilt.manifest["scenario_hash"] == madiun.manifest["scenario_hash"]
    assert rebuilt.folder.name == madiun.folder.name  # same inputs, same day: same name (another root)
    # Rebuilding beside the original compares automatically.
    _, differences = rebuild(madiun.folder / "manifest.json", tmp_path / "again")
    assert differences == []


def test_the_charts_sit_in_their_sections_and_the_provenance_says_what_produced_the_report(madiun):
    """The charts a reviewer is promised, each in the section that discusses it: the claim ratio's distribution and
    the fan charts by year in the results, budget against coverage and the premium by payer in the budget section,
    the tornado in the sensitivity section. The provenance section gives, as the manifest records them, the
    workbench version and commit, the seed, the scenario's hash and each package's version, in the HTML and the
    PDF."""
    page = (madiun.folder / "report.html").read_text(encoding="utf-8")
    sections = {re.match(r'(\w+)"', part).group(1): part for part in page.split('<section id="')[1:]}
    where = {chart: name for name, part in sections.items()
             for chart in re.findall(r'<figure data-chart="(\w+)"', part)}
    assert where == {"claim_ratio": "results", "fan": "results", "coverage": "budget", "funding": "budget",
                     "tornado": "sensitivity"}
    m = madiun.manifest
    shown = [m["code"]["workbench_version"], f"git {m['code']['git_commit']}", str(m["seed"]), m["scenario_hash"],
             *(f"{name} {version}" for name, version in m["packages"].items())]
    assert m["code"]["git_commit"] and {"python", "numpy", "simpy"} <= set(m["packages"])
    provenance = " ".join(unescape(re.sub(r"<[^>]+>", " ", sections["provenance"].split("</section>")[0])).split())
    text = pdf_text(madiun.folder)
    for value in shown:
        assert value in provenance, f"provenance section lacks {value}"
        assert value in text, f"PDF lacks {value}"


def test_compare_notices_a_changed_number(madiun, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(madiun.folder, copy)
    extra = json.loads((copy / "report.json").read_text())
    extra["sensitivity"]["rows"][0]["claims_high_idr"] += 1
    (copy / "report.json").write_text(json.dumps(extra))
    assert compare(madiun.folder, copy) == ["report.json:sensitivity.rows.0.claims_high_idr"]


def test_manifest_holds_what_a_rebuild_needs(madiun):
    m = read_manifest(madiun.folder / "manifest.json")
    assert m["seed"] == 20251229 and m["trials"] == TRIALS and m["lang"] == "id"
    assert m["code"]["workbench_version"] and {"python", "numpy", "fpdf2"} <= set(m["packages"])
    assert m["base"] == "madiun-2025-prior" and m["base_differences"]
    assert set(m["files_sha256"]) == REPORT_FILES - {"manifest.json"}
    assert tomllib.loads(m["scenario_toml"])["scenario"]["trials"] == TRIALS


def test_an_edited_manifest_is_refused(madiun, tmp_path):
    m = json.loads((madiun.folder / "manifest.json").read_text())
    m["scenario_toml"] = m["scenario_toml"].replace("seed = 20251229", "seed = 1")
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(m))
    with pytest.raises(ScenarioError, match="scenario_hash"):
        read_manifest(path)


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_resolved_scenario_survives_toml(scenario_id):
    scenario = load_scenario(scenario_id, ['scenario.rules_date=2025-06-01'])
    text = scenario_toml(scenario)
    assert tomllib.loads(text)["scenario"]["rules_date"].isoformat() == "2025-06-01"
    assert tomllib.loads(dump_toml({"a": {"b c": [1, 2.5, "x\"y"]}, "t": {"u": {"value": 1, "unit": "u"}}})) == {
        "a": {"b c": [1, 2.5, "x\"y"]}, "t": {"u": {"value": 1, "unit": "u"}}}


def test_report_command_prints_where_the_report_is(tmp_path, capsys):
    assert main(["report", "pekalongan-2023", "--trials", "300", "--reports-dir", str(tmp_path), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "Report: " in out and "report.html" in out
    for step in report_module.STEPS:
        assert re.search(rf"\[\d/7\] {step}", err), f"step {step} not announced"
    assert "simulated 300 / 300 trials" in err


def test_report_command_bad_input(tmp_path, capsys):
    assert main(["report", "--reports-dir", str(tmp_path)]) == 2
    assert "--from-manifest PATH or --check PATH (one of them)" in capsys.readouterr().err
    assert main(["report", "no-such-scenario", "--reports-dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("error: no-such-scenario")
    assert main(["report", "--from-manifest", str(tmp_path / "missing.json")]) == 2
    assert "file not found" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("option", [["--lang", "en"], ["--lang", "id"], ["--chunk-trials", "500"], ["--seed", "1"],
                                    ["--seed", "0"], ["--set", "scenario.trials=5"]])
def test_rebuild_refuses_options_the_manifest_decides(madiun, tmp_path, capsys, option):
    """A rebuild takes language and chunks from the manifest: an option that would be ignored is refused instead."""
    code, out, err = run_cli(["report", "--from-manifest", madiun.folder / "manifest.json",
                              "--reports-dir", tmp_path / "rebuilt", *option], capsys)
    assert_one_line_error(code, err, ["--from-manifest", "rebuilds exactly what the manifest says", option[0]])
    assert not (tmp_path / "rebuilt").exists()


# --- a hand-edited manifest: one error line naming the file and the key, nothing run or written ---------------------

MISSING = object()  # the key is deleted from the manifest
BAD_MANIFEST_FIELDS = [
    ("lang", "fr", "must be one of id, en"),
    ("lang", None, "must be one of id, en"),
    ("lang", MISSING, "missing"),
    ("chunk_trials", "abc", "whole number >= 1"),
    ("chunk_trials", 0, "whole number >= 1"),
    ("chunk_trials", -5, "whole number >= 1"),
    ("chunk_trials", 2.5, "whole number >= 1"),
    ("chunk_trials", True, "whole number >= 1"),
    ("chunk_trials", 10**9, "whole number <= 100,000,000"),
    ("chunk_trials", MISSING, "missing"),
    ("overrides", 5, 'must be a list of "KEY=VALUE" strings'),
    ("overrides", "scenario.trials=300", 'must be a list of "KEY=VALUE" strings'),
    ("overrides", ["scenario.trials=300", 5], "item 1 is 5"),
    ("overrides", ["no equals sign"], "item 0 is 'no equals sign'"),
    ("overrides", MISSING, "missing"),
    ("base_differences", [5], "[dotted key, base value, this value] triples; item 0 is 5"),
    ("base_differences", 5, "[dotted key, base value, this value] triples"),
    ("base_differences", [["assumptions.mortality_load", 1.5]], "item 0 is"),
    ("base_differences", [[5, 1.5, 2.0]], "item 0 is"),
    ("base_differences", MISSING, "missing"),
    ("scenario_files", 5, "must be a list of file paths"),
    ("scenario_files", ["a.toml", None], "item 1 is None"),
    ("scenario_files", MISSING, "missing"),
    ("base", 5, "must be a non-empty string or null"),
    ("base", MISSING, "missing"),
    ("trials", "300", "whole number >= 1"),
    ("trials", 0, "whole number >= 1"),
    ("trials", TRIALS + 1, f"scenario_toml has scenario.trials = {TRIALS}"),
    ("trials", MISSING, "missing"),
    ("seed", "x", "whole number >= 0"),
    ("seed", -1, "whole number >= 0"),
    ("seed", 1, "scenario_toml has scenario.seed = 20251229"),
    ("seed", MISSING, "missing"),
    ("scenario_id", 5, "must be a scenario id"),
    ("scenario_id", "Madiun 2025", "must be a scenario id"),
    ("scenario_id", "jambi-2025", "scenario_toml has scenario.id = 'madiun-2025'"),
    ("scenario_id", MISSING, "missing"),
    ("title", "", "must be a non-empty string"),
    ("title", "Another city", "scenario_toml has scenario.title"),
    ("title", MISSING, "missing"),
    ("scenario_toml", 5, "must be the resolved scenario as TOML text"),
    ("scenario_toml", MISSING, "missing"),
    ("scenario_hash", 5, "must be a SHA-256 hex digest"),
    ("scenario_hash", "0" * 64, "does not match scenario_hash"),
    ("scenario_hash", MISSING, "missing"),
    ("format", "jkk-jkm-report/0", "not a report manifest"),
]


def _edited_manifest(madiun, tmp_path, **changes) -> Path:
    """A copy of madiun's manifest, alone in tmp_path, with ``changes`` (MISSING deletes the key)."""
    manifest = json.loads((madiun.folder / "manifest.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is MISSING:
            del manifest[key]
        else:
            manifest[key] = value
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


def _refused(path: Path, tmp_path: Path, capsys, key: str, fragment: str) -> None:
    """``report --from-manifest PATH`` fails with one line naming the manifest file, the key and the problem, and
    leaves nothing behind: no report folder, no other file beside the manifest."""
    reports = tmp_path / "reports"
    code, out, err = run_cli(["report", "--from-manifest", path, "--reports-dir", reports, "--quiet"], capsys)
    manifest_file = path / "manifest.json" if path.is_dir() else path
    assert_one_line_error(code, err, [f"error: {manifest_file}: {key}: ", fragment])
    assert out == ""
    assert not reports.exists(), "a report folder was written for a refused manifest"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]


@pytest.mark.parametrize("key, value, fragment", BAD_MANIFEST_FIELDS,
                         ids=[f"{k}={'missing' if v is MISSING else repr(v)[:20]}" for k, v, _ in BAD_MANIFEST_FIELDS])
def test_a_bad_manifest_field_is_one_error_line(madiun, tmp_path, capsys, key, value, fragment):
    path = _edited_manifest(madiun, tmp_path, **{key: value})
    _refused(path, tmp_path, capsys, "scenario_toml" if fragment.startswith("does not match") else key, fragment)


def test_a_manifest_that_disagrees_with_its_rehashed_scenario_is_refused(madiun, tmp_path, capsys):
    """scenario_toml edited and scenario_hash recomputed: the hash check passes, but the manifest's trials no
    longer say what would run. Given as the folder: the error still names the manifest file."""
    from sim.manifest import sha256

    text = madiun.manifest["scenario_toml"].replace(f"trials = {TRIALS}\n", "trials = 500\n", 1)
    assert text != madiun.manifest["scenario_toml"]
    _edited_manifest(madiun, tmp_path, scenario_toml=text, scenario_hash=sha256(text))
    _refused(tmp_path, tmp_path, capsys, "trials", f"is {TRIALS} but scenario_toml has scenario.trials = 500")


def test_the_fields_checked_are_what_the_rebuild_reads(madiun):
    """Every field the rebuild reads has a check, and an unedited manifest passes them all."""
    from sim.manifest import MANIFEST_FIELDS, check_manifest

    checked = {k for k, _, _ in BAD_MANIFEST_FIELDS}
    assert set(MANIFEST_FIELDS) <= checked and set(MANIFEST_FIELDS) <= set(madiun.manifest)
    check_manifest(json.loads((madiun.folder / "manifest.json").read_text(encoding="utf-8")), "manifest.json")


def test_the_summary_says_unchecked_results_are_unchecked_not_in_agreement():
    """The summary's check sentence: a failed check outweighs an unchecked one, which outweighs agreement."""
    from sim.i18n import Language
    from sim.report_sections import _checks_sentence

    lang = Language("en")

    def summary(means: list[str], quantiles: list[str]) -> dict:
        return {"breakdown": [{"period": "2025", "flag": f} for f in means],
                "exact_first_period": {"versus_simulation": {"quantiles": {f"q{k}": {"flag": f}
                                                                           for k, f in enumerate(quantiles)}}}}

    assert _checks_sentence(lang, summary(["ok", "ok"], ["ok"])) == lang("exec_checks_ok")
    assert _checks_sentence(lang, summary(["ok", "ok"], ["ok", "too_few"])) == lang("exec_checks_too_few", n=1)
    assert _checks_sentence(lang, summary(["too_few"] * 3, ["too_few"])) == lang("exec_checks_too_few", n=4)
    assert _checks_sentence(lang, summary(["check", "ok"], ["too_few"])) == lang("exec_checks_flagged", n=1)
    assert "too few trials" in lang("exec_checks_too_few", n=4)


def test_the_summary_counts_a_flag_once_when_the_total_repeats_the_one_year():
    """With one calendar year the horizon's `total` rows are that year's again (the same means): the summary said
    "2 results" for one flagged mean, as `sim run` did (sim.results.distinct_means serves both)."""
    from sim.i18n import Language
    from sim.report_sections import _checks_sentence

    lang = Language("en")
    rows = [{"period": p, "flag": f} for p in ("2025", "total") for f in ("check", "ok")]
    assert _checks_sentence(lang, {"breakdown": rows}) == lang("exec_checks_flagged", n=1)
    rows += [{"period": "2026", "flag": "ok"}]  # two years: the total is a mean of its own, and counted
    assert _checks_sentence(lang, {"breakdown": rows}) == lang("exec_checks_flagged", n=2)


def test_the_validation_table_shows_the_results_the_summary_calls_unchecked():
    """The Summary says "1 result(s) could not be checked ... too few trials" (madiun-2026-ucj-csr: 2026, SERTAKAN,
    total disability); the Validation table, which shows a single year's row only when it is flagged, must show that
    row too, or the reader cannot find what the Summary points to (it was only in validation.csv)."""
    from sim.report_sections import _checks_sentence, validation_table
    from sim.i18n import Language

    def row(period, benefit, flag):
        return {"period": period, "segment": "sertakan", "benefit": benefit, "mean_idr": 170000.0, "se_idr": 75950.21,
                "expected_idr": 250256.03, "count_mean": 0.0025, "count_expected": 0.0037,
                "z": None if flag == "too_few" else 0.5, "flag": flag}

    summary = {"periods": [{"period": "2026", "claims_expected_idr": 1e9, "claims_idr": {"mean": 1e9}},
                           {"period": "2027", "claims_expected_idr": 1e9, "claims_idr": {"mean": 1e9}},
                           {"period": "total", "claims_expected_idr": 2e9, "claims_idr": {"mean": 2e9}}],
               "breakdown": [row("2026", "jkk_total", "too_few"), row("2026", "jkm_death", "ok"),
                             row("total", "jkk_total", "ok"), row("total", "jkm_death", "ok")],
               "exact_first_period": None}
    lang = Language("en")
    assert _checks_sentence(lang, summary) == lang("exec_checks_too_few", n=1)
    table = validation_table(summary, "en")
    periods = list(table.iloc[:, 0])
    assert periods.count("2026") == 1  # the unchecked year's row, not the year's rows that are ok
    assert lang.flag("too_few") in table.iloc[periods.index("2026")].tolist()


def test_the_scenario_listing_cuts_only_very_long_lists_of_values_and_says_so():
    """madiun-2025's 200 posterior draws are a list of about 3,600 characters, which took a page of the PDF; the
    listing cuts such a list, says how much is left out and that scenario.toml has it all, and keeps the rest of its
    line (unit, sources); every other line, however long its sources in two languages, and a scenario without such
    a list, is listed as it is."""
    from sim.i18n import Language
    from sim.report_sections import LISTED_VALUE, scenario_listing

    lang = Language("id")
    text = scenario_toml(load_scenario("madiun-2025"))
    section = scenario_listing(lang, text)
    intro, pre = section.blocks
    full, shown = text.splitlines(), pre.text.splitlines()
    assert len(full) == len(shown)
    draws = [i for i, line in enumerate(full) if line.startswith("intensity_draws = ")]
    assert len(draws) == 1 and any(len(line) > 2000 for i, line in enumerate(full) if i not in draws)  # long texts
    for i, (a, b) in enumerate(zip(full, shown)):
        if i in draws:
            start = a.index("value = [") + len("value = ")
            end = a.index("]], ", start) + 2  # the list of pairs ends at its first "]]"
            left = lang.count(end - start - LISTED_VALUE)
            assert end - start > 3000  # the draws, from the data
            assert b == a[:start + LISTED_VALUE] + f" … ({left} karakter lagi, lihat scenario.toml)" + a[end:]
        else:
            assert b == a
    assert intro.text.endswith("teks lengkapnya ada di scenario.toml.")
    plain = scenario_toml(load_scenario("jambi-2025"))
    intro, pre = scenario_listing(lang, plain).blocks
    assert pre.text == plain and "dipendekkan" not in intro.text


def test_the_whole_horizon_sentence_gives_the_total_not_the_last_year(madiun):
    """The summary's sentence on the whole horizon gives summary.json's "total" period (madiun-2025: 36 months,
    2025-2027), the claims over the premiums of all three years; the last calendar year's figures survived there.
    madiun-2025 is a run-off (no planning: the January 2025 members, none joining), so the sentence says whose
    claims the total counts (report_trend.runoff_years)."""
    summary, id_ = madiun.summary, Language("id")
    total, last_year = summary["periods"][-1], summary["periods"][-2]
    assert total["period"] == "total" and last_year["period"] == "2027"
    claims, premium = total["claims_idr"]["mean"], total["premium_idr"]
    expected = (f"Selama 36 bulan proyeksi (2025–2027), dengan hanya menghitung peserta Januari 2025 yang masih hidup "
                f"(tanpa peserta baru), klaim berjumlah rata-rata {id_.money(claims)} dibandingkan "
                f"iuran {id_.money(premium)}: rasio klaim {id_.percent(total['claim_ratio']['mean'])}.")
    page = re.sub(r"<[^>]+>", "", (madiun.folder / "report.html").read_text(encoding="utf-8"))
    assert expected in " ".join(page.split())
    assert premium == pytest.approx(sum(p["premium_idr"] for p in summary["periods"][:-1]))
