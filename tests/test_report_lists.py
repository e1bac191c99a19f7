"""Lists in a report's text, one style per language: Indonesian puts a comma before the last "dan" / "atau" of a
list of three or more (PUEBI / EYD V, Tanda Koma rule 1: "Saya membeli kertas, pena, dan tinta"), English, as the
project writes it, does not ("A, B and C"). Every list the code builds goes through :meth:`Language.join`."""

from __future__ import annotations

import re

import pytest

from sim.i18n import Language
from sim.report import build
from sim.scenario import load_scenario
from test_report_language import TRIALS, madiun, madiun_en, read  # noqa: F401  (fixtures: madiun-2025 id, en)
from test_report import one_commit  # noqa: F401  (the module-wide commit fixture)


@pytest.mark.parametrize("code, items, joined", [
    ("id", [], ""), ("id", ["A"], "A"), ("id", ["A", "B"], "A dan B"), ("id", ["A", "B", "C"], "A, B, dan C"),
    ("id", ["A", "B", "C", "D"], "A, B, C, dan D"),
    ("en", [], ""), ("en", ["A"], "A"), ("en", ["A", "B"], "A and B"), ("en", ["A", "B", "C"], "A, B and C"),
    ("en", ["A", "B", "C", "D"], "A, B, C and D"),
])
def test_a_list_is_joined_with_and_in_each_languages_style(code, items, joined):
    assert Language(code).join(items) == joined
    assert Language(code).join(iter(items)) == joined  # any iterable, read once


@pytest.mark.parametrize("code, joined", [("id", ["A atau B", "A, B, atau C"]), ("en", ["A or B", "A, B or C"])])
def test_a_list_of_choices_is_joined_with_or_in_the_same_style(code, joined):
    lang = Language(code)
    assert [lang.join("AB", "or"), lang.join("ABC", "or")] == joined


@pytest.mark.parametrize("code, joined", [
    ("id", ["A; B; dan C", "A dan B"]), ("en", ["A; B and C", "A and B"])])
def test_items_with_commas_of_their_own_are_separated_by_semicolons(code, joined):
    lang = Language(code)
    assert [lang.join("ABC", separator="; "), lang.join("AB", separator="; ")] == joined


@pytest.mark.parametrize("code, joined", [
    ("id", ["", "A dan B", "A dan B, serta C", "A dan B, C, serta D dan E"]),
    ("en", ["", "A and B", "A and B, and C", "A and B, C, and D and E"])])
def test_lists_that_hold_an_and_each_are_set_apart_by_a_comma_and_another_word(code, joined):
    """"A and B, and C and D": where a group lists several items, its own "and" is not the one between the groups,
    even between two groups; Indonesian says "serta" there."""
    lang = Language(code)
    groups = [[], ["A dan B" if code == "id" else "A and B"], ["A and B", "C"], ["A and B", "C", "D and E"]]
    if code == "id":
        groups = [[g.replace(" and ", " dan ") for g in group] for group in groups]
    assert [lang.join(g, "and_groups") for g in groups] == joined


@pytest.mark.parametrize("code, cite", [("id", "berita"), ("en", "seeds")])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_citation_listed_as_the_joiner_lists_is_read_whole(code, cite, count):
    """sim.sources read "berita 000 dan 001" but stopped "berita 000, 001, dan 002" at 001, the comma before the
    last "dan" that Language.join writes in Indonesian from three items on; the English list ("seeds 000, 001 and
    002") and one item are read as before."""
    from sim.sources import citations

    ids = ["000", "001", "002"][:count]
    text = f"({cite} {Language(code).join(ids)}; DOMAIN.md s.5)"
    assert citations([text]) == {**{i: set() for i in ids}, "DOMAIN.md": {5}}


# --- lists with no word before the last: a sentence's list joined, a record-like enumeration left -------------------

@pytest.mark.parametrize("code", ["id", "en"])
def test_the_alt_texts_list_years_as_the_summary_does(code):
    """The planning and fan charts' alt texts listed their years with commas alone ("22.504 (2026), 22.503 (2027)",
    "X in 2025 (...), Y in 2027 (...)"), read aloud as an unfinished sentence; they go through Language.join as the
    summary's lists of years do. The stacked bars' parts and the tornado's bars stay record-like (a name and its
    amounts each, "; " between them, no word before the last)."""
    from sim import chart_descriptions

    lang = Language(code)
    years = [{"year": y, "budget_idr": 4e9, "members_affordable": 22_504.0 - k, "target": 20_656.0 + k,
              "target_premium_idr": 3.69e9 + k * 1e8, "target_rates_year": str(int(y) + 1)}
             for k, y in enumerate(("2026", "2027", "2028"))]
    months = [{"month": "2026-01", "members": 17_484.0}, {"month": "2028-12", "members": 23_828.0}]
    members = chart_descriptions.plan_members(months, years, lang)
    affordable = [lang("alt_year_value", year=y["year"], value=lang.count(y["members_affordable"])) for y in years]
    assert lang.join(affordable) in members
    assert {"id": "22.504 (2026), 22.503 (2027), dan 22.502 (2028)",
            "en": "2026 22,504, 2027 22,503 and 2028 22,502"}[code] in members
    payers = [{"year": y["year"], "payer": p, "premium_idr": v} for y in years for p, v in (("APBD", 2.5e9),
                                                                                          ("DBH-CHT", 1e9))]
    premium = chart_descriptions.plan_premium(years, payers, lang)
    targets = [lang("alt_plan_target_premium_item", value=lang.money(y["target_premium_idr"]), year=y["year"],
                    paid=y["target_rates_year"]) for y in years]
    assert lang.join(targets) in premium and lang.join(lang("alt_year_value", year=y["year"], value=lang.money(4e9))
                                                       for y in years) in premium
    assert f"({lang.choice('payer', 'APBD')} {lang.money(2.5e9)}; DBH-CHT {lang.money(1e9)})" in premium  # a record
    rows = [{"period": str(y), "claims_p50": 5e9 + k, "claims_p5": 4e9, "claims_p95": 6e9, "claim_ratio_p50": 2.0,
             "claim_ratio_p5": 1.5, "claim_ratio_p95": 2.5, "premium_idr": 2e9 + k * 1e8}
            for k, y in enumerate((2025, 2026, 2027))]
    fan = chart_descriptions.fan(rows, lang)
    word = {"id": "dan", "en": "and"}[code]
    assert f"{lang.money(2e9)} {IN_YEAR[code]} 2025 {word} {lang.money(2.2e9)} {IN_YEAR[code]} 2027" in fan
    bars = [{"parameter": f"Assumption {k}", "claims_low_idr": 5e9 - 1e8 * (3 - k),
             "claims_high_idr": 5e9 + 1e8 * (3 - k), "low": 0.5, "high": 1.5} for k in range(3)]
    tornado = chart_descriptions.tornado(bars, 5e9, "2025", lang)
    assert f"; Assumption 2: {lang.money(4.9e9)}" in tornado  # a record a bar: "; " before the last too


def test_a_list_of_clauses_in_a_sentence_has_its_word_before_the_last():
    """The summary's sentence on names admitted past waiting ones ("Karena itu, pada 2025, ...; pada 2026, ...")
    listed its years' clauses with "; " alone; they go through Language.join with that separator, as Indonesian
    writes a list of clauses ("...; dan pada 2027, ..."), English as its lists ("... and in 2027, ..."). The added
    member's rates by segment the same ("Rp141.600 untuk A dan Rp201.600 untuk B")."""
    from sim.report_planning import _apbd_blocks, _priority_para, planning_figures
    from test_report_wording import _filled

    scenario = load_scenario("pekalongan-2023-expansion")
    extra = {"planning": planning_figures(scenario)}
    text = {code: _filled(Language(code), _priority_para(Language(code), scenario, extra), extra)
            for code in ("id", "en")}
    assert "(prioritas 1); dan pada 2027, " in text["id"] and text["id"].count("; pada ") == 2
    assert "(priority 1) and in 2027, " in text["en"] and text["en"].count("; in ") == 2
    csr = load_scenario("madiun-2026-ucj-csr")
    extra = {"planning": planning_figures(csr)}
    labels = {s.name: s.labels["id"] for s in csr.segments}
    intro = _filled(Language("id"), _apbd_blocks(Language("id"), csr, extra)[0], extra)
    assert (f"satu peserta tambahan pada 2026: Rp141.600 untuk {labels['non_asn']} dan Rp201.600 untuk "
            f"{labels['vulnerable']}.") in intro


@pytest.mark.parametrize("code, joined", [("id", "A; B; dan C"), ("en", "A; B and C")])
def test_the_reasons_a_base_year_differs_are_one_sentences_list(code, joined):
    """"Among the differences: A; B; C": the reasons, clauses of one sentence with commas of their own, had no word
    before the last; Language.join with "; " gives it."""
    from sim.report_base_year import base_year_blocks
    from sim.report_document import fill
    from test_report_trend import _shown

    lang = Language(code)
    same = {"base": "madiun-2025", "through": [], "base_start": "2025-01", "year": "2026", "base_claim_ratio": 2.0,
            "claim_ratio": 2.1, "reasons": {"new_members": 100.0, "older": 12, "earlier_deaths": True}}
    summary = {"start": "2026-01-01", "periods": [{"claim_ratio": {"mean": 2.1}}]}
    extra = {"base_same_year": same, "planning": {"years": []}}
    [para] = base_year_blocks(lang, summary, extra)
    text = _shown(lang, para, summary, extra)
    words = {"year": "2026", "base_start": lang.iso_date("2025-01"), "start": lang.iso_date("2026-01"),
             "base_ref": lang("base_year_ref")}
    reasons = [fill(lang(f"base_year_{r}", **words), {"new": lang.count(100), "months": lang.count(12)})
               for r in ("new_members", "older", "earlier_deaths")]
    assert lang.join(reasons, separator="; ") in text
    assert joined == lang.join("ABC", separator="; ")


# --- the rendered reports -------------------------------------------------------------------------------------

# A figure as each language writes it (a year, a count, a share, an amount; "*" marks a part of a year).
FIGURE = {"id": r"(?:Rp)?\d[\d.]*(?:,\d+)?(?:%| (?:triliun|miliar|juta|ribu))?\*?",
          "en": r"(?:Rp)?\d[\d,]*(?:\.\d+)?(?:%| (?:tn|bn|m|k))?\*?"}
IN_YEAR = {"id": "pada", "en": "in"}
WORDS = {"id": "dan|atau|serta", "en": "and|or"}


def list_pattern(code: str, labels: list[str], serial: bool) -> re.Pattern:
    """A list of three items or more as the code builds them: years and figures ("2026 Rp2,91 miliar",
    "222% pada 2025", "3.000 (2025)", each perhaps with a note in brackets), quoted names, or the scenarios'
    segment, payer and pledge labels; with ``serial``, a comma before the last word, else none. Only these items,
    so that two clauses joined by "dan" after a comma ("..., nilainya berada antara Rp5 dan Rp8") are not a list."""
    names = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    item = (rf"(?:(?:\d{{4}}\*? )?{FIGURE[code]}(?: {IN_YEAR[code]} \d{{4}}| \(\d{{4}}\))?|“[^”]*”"
            + (f"|{names}" if names else "") + r")(?: \([^()]*\))?")
    last = r", " if serial else r" "
    return re.compile(rf"(?<![\w,.])(?:{item}), (?:(?:{item}), )*(?:{item}){last}(?:{WORDS[code]}) (?:{item})"
                      r"(?![\w,])")


def _labels(scenario, code: str) -> list[str]:
    from sim.report_planning import pledge_names

    payers = [Language(code).choice("payer", seg.payer) for seg in scenario.segments]
    return [*(seg.labels[code] for seg in scenario.segments), *payers,
            *pledge_names(Language(code), scenario).values()]


# madiun-2025 (from test_report_language's fixtures) lists its years' claim ratios; the projections list years,
# amounts, targets and segments; pekalongan's segment labels hold commas; madiun-2023-target's register a source
# that lists counts.
SCENARIOS = ("madiun-2026-ucj-csr", "madiun-2026-ucj", "pekalongan-2023-expansion", "madiun-2023-target")


@pytest.fixture(scope="module")
def reports(madiun, madiun_en, tmp_path_factory):
    """{language: [(scenario, every text of its HTML report)]}: paragraphs, table cells and tiles."""
    out = {"id": [madiun], "en": [madiun_en]}
    for code in out:
        for name in SCENARIOS:
            out[code].append(build(load_scenario(name, [f"scenario.trials={TRIALS}"]), code,
                                   tmp_path_factory.mktemp(f"lists_{code}")))
    return {code: [(r.scenario, _text(read(r))) for r in built] for code, built in out.items()}


def _text(doc) -> str:
    return " ".join(doc.text(section) for section in doc.sections)


def _lists(reports: dict, code: str, serial: bool) -> list[str]:
    return [m[0] for scenario, text in reports[code]
            for m in list_pattern(code, _labels(scenario, code), serial).finditer(text)]


def test_an_indonesian_list_of_three_or_more_has_a_comma_before_its_last_word(reports):
    assert _lists(reports, "id", serial=False) == []
    assert len(_lists(reports, "id", serial=True)) >= 10  # the reports list years and figures: not vacuous


def test_an_english_list_keeps_the_projects_style_without_that_comma(reports):
    assert _lists(reports, "en", serial=True) == []
    assert len(_lists(reports, "en", serial=False)) >= 10


def test_two_clauses_joined_by_dan_after_a_comma_are_not_taken_for_a_list():
    """The pattern's items are figures and names only: a comma, then a clause with "dan" inside it, is no list."""
    pattern = list_pattern("id", ["Pekerja informal rentan, 11 jenis pekerjaan (BPU)", "Buruh batik (BPU)"], False)
    assert pattern.search("222% pada 2025, 240% pada 2026 dan 260% pada 2027.")
    assert pattern.search("Pekerja informal rentan, 11 jenis pekerjaan (BPU), Buruh batik (BPU) dan 2026 Rp5 juta")
    for clauses in ("dalam 9 dari 10 simulasi, nilainya berada antara Rp5,49 miliar dan Rp8,23 miliar",
                    "rasio klaim 2025 menjadi 220% dan 224%, bukan 162% dan 299%",
                    "Pekerja informal rentan, 11 jenis pekerjaan (BPU) dan Buruh batik (BPU)",
                    "Untuk 11 bulan yang sama, model memperkirakan 205 kasus dan 3 kasus"):
        assert not pattern.search(clauses), clauses


# The lists the Indonesian texts write themselves (found by a script over the texts that flagged ", X dan Y" after a
# comma, each checked by hand: the others join two clauses or a pair, "antara Rp5 dan Rp8", and stay).
LISTED_IN_TEXTS = [
    ("calib_table_note", "pada bulan, segmen, dan cara menghitung klaim"),
    ("register_intro", "beserta nilai, satuan, jenis nilai, dan sumbernya"),
    ("method_population", "dengan skema, upah, dan pembayar yang sama"),
    ("method_population_plan", "dengan skema, upah, dan pembayar yang sama"),
    ("method_engine", "Untuk setiap simulasi, segmen, dan risiko,"),
    ("nb_no_plan", "pendanaan [funding], atau keluarnya peserta"),
    ("budget_intro_plan", "Peserta, iuran, dan anggaran per tahun"),
    ("budget_intro_plan_all_payers", "Peserta, iuran, dan anggaran per tahun"),
    ("plan_files_intro", "per tahun, per bulan, dan per segmen"),
    ("plan_file_plan_enrolment", "yang didaftarkan BPJS, dan yang diterima sebagai peserta"),
    ("table_periods", "Iuran, klaim, dan rasio klaim per tahun"),
]


@pytest.mark.parametrize("key, listed", LISTED_IN_TEXTS)
def test_a_list_an_indonesian_text_writes_itself_has_the_comma_too(key, listed):
    from sim.report_text import TEXT

    assert listed in TEXT[key]["id"]
