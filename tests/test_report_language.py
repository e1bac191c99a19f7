"""What a reviewer reads in a report: chances never shown as certain, intervals and VaR described as what they are
(simulations of one year), the two premiums and the two claim figures labelled, Indonesian without English
leftovers (confidence, basis, units, segment keys, six-decimal calibrated values, ISO dates), and a sensitivity
section with readable parameter names and rounded ranges."""

from __future__ import annotations

import copy
import html
import re
import tomllib
from html.parser import HTMLParser

import numpy as np
import pytest

from sim import charts
from sim import report_sections as sections_module
from sim.compare import chance_bound
from sim.i18n import Language, chance_kind
from sim.report import build, headline
from sim.report_document import Figure, Para, Table
from sim.report_sections import (
    comparison_table, methodology_section, register_rows, register_section, rule_rows, sensitivity_section,
)
from sim.report_text import PARAMETERS, TEXT
from sim.scenario import load_scenario
from test_report import check_figures, one_commit  # noqa: F401  (one_commit: the module-wide commit fixture)

TRIALS = 300
ENGLISH_UNITS = ("persons", "share", "IDR per month", "share of JKK cases", "per 1000 member-years",
                 "x mortality table", "IDR per case", "IDR")


class Document(HTMLParser):
    """A report's HTML as sections of blocks: paragraphs (text with figures filled in, and the figures' keys),
    tables (header and cell texts; a cell spanning rows, a group's name, given in each of them) and tiles (label,
    figure key, text)."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, list] = {}
        self.figures: list[dict] = []
        self.current_section = None
        self.block = None  # the paragraph, table or tile being read
        self.cell = None
        self.figure = None
        self.in_label = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "section":
            self.current_section = a["id"]
            self.sections[self.current_section] = []
        elif tag == "p" and self.current_section:
            self.block = {"type": "p", "text": "", "keys": [], "class": a.get("class") or ""}
        elif tag == "table":
            self.block = {"type": "table", "name": a.get("data-table"), "header": [], "rows": []}
        elif tag == "tr" and self.block and self.block["type"] == "table":
            self.block["rows"].append([])
        elif tag in ("td", "th") and self.block and self.block["type"] == "table":
            # A row's or a group's heading is a cell of its rows.
            self.cell = {"text": "", "head": tag == "th" and a.get("scope") not in ("row", "rowgroup"),
                         "rowspan": int(a.get("rowspan") or 1)}
            self._spanned()
        elif "tile" in cls:
            self.block = {"type": "tile", "label": "", "keys": [], "text": ""}
        elif "label" in cls and self.block and self.block["type"] == "tile":
            self.in_label = True
        elif tag == "span" and "fig" in cls:
            self.figure = {**a, "text": ""}

    def handle_endtag(self, tag):
        if tag == "span" and self.figure is not None:
            self.figures.append(self.figure)
            if self.block is not None and "keys" in self.block:
                self.block["keys"].append(self.figure["data-key"])
            self.figure = None
        elif tag == "div" and self.in_label:
            self.in_label = False
        elif tag in ("td", "th") and self.cell is not None:
            if self.cell["head"]:
                self.block["header"].append(self.cell["text"])
            else:
                if self.cell["rowspan"] > 1:
                    self.block.setdefault("spans", {})[len(self.block["rows"][-1])] = \
                        [self.cell["rowspan"] - 1, self.cell["text"]]
                self.block["rows"][-1].append(self.cell["text"])
            self.cell = None
        elif tag == "tr" and self.block and self.block["type"] == "table":
            self._spanned()
        elif tag == "table" and self.block:
            self.block["rows"] = [r for r in self.block["rows"] if r]
            self.sections[self.current_section].append(self.block)
            self.block = None
        elif tag == "p" and self.block and self.block["type"] == "p":
            self.sections[self.current_section].append(self.block)
            self.block = None
        elif tag == "div" and self.block and self.block["type"] == "tile" and not self.in_label and self.block["keys"]:
            self.sections[self.current_section].append(self.block)
            self.block = None

    def _spanned(self):
        """The cells of rows above that span the current row, where they stand in it (before the next cell)."""
        row, spans = self.block["rows"][-1] if self.block["rows"] else None, self.block.get("spans", {})
        while row is not None and spans.get(len(row), [0])[0] > 0:
            spans[len(row)][0] -= 1
            row.append(spans[len(row)][1])

    def handle_data(self, data):
        if self.figure is not None:
            self.figure["text"] += data
        if self.cell is not None:
            self.cell["text"] += data
        elif self.block is not None and self.block["type"] == "p":
            self.block["text"] += data
        elif self.block is not None and self.block["type"] == "tile":
            if self.in_label:
                self.block["label"] += data
            else:
                self.block["text"] += data

    # --- lookups -----------------------------------------------------------------------------------------------

    def paragraphs(self, section: str) -> list[dict]:
        return [b for b in self.sections[section] if b["type"] == "p"]

    def paragraph_with(self, section: str, key: str) -> str:
        found = [p["text"] for p in self.paragraphs(section) if key in p["keys"]]
        assert found, f"no paragraph of {section} shows {key}"
        return found[0]

    def table(self, name: str) -> dict:
        for blocks in self.sections.values():
            for b in blocks:
                if b["type"] == "table" and b["name"] == name:
                    return b
        raise AssertionError(f"no table {name}")

    def column(self, name: str, header: str) -> list[str]:
        t = self.table(name)
        j = t["header"].index(header)
        return [row[j] for row in t["rows"]]

    def tile(self, key: str) -> dict:
        for b in self.sections["summary"]:
            if b["type"] == "tile" and key in b["keys"]:
                return b
        raise AssertionError(f"no tile shows {key}")

    def text(self, section: str) -> str:
        out = []
        for b in self.sections[section]:
            if b["type"] == "table":
                out += b["header"] + [c for row in b["rows"] for c in row]
            elif b["type"] == "tile":
                out += [b["label"], b["text"]]
            else:
                out.append(b["text"])
        return " ".join(out)


def read(report) -> Document:
    doc = Document()
    doc.feed((report.folder / "report.html").read_text(encoding="utf-8"))
    return doc


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    """madiun-2025 (calibrated: posterior draws; every trial's claims exceed the premium) in Indonesian."""
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id",
                 tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def madiun_en(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "en",
                 tmp_path_factory.mktemp("reports_en"))


@pytest.fixture(scope="module")
def doc(madiun):
    return read(madiun)


@pytest.fixture(scope="module")
def doc_en(madiun_en):
    return read(madiun_en)


def test_both_reports_still_trace_every_figure(madiun, madiun_en):
    assert check_figures(madiun.folder) > 20 and check_figures(madiun_en.folder) > 20


# --- 1. a chance estimated from the trials is never shown as a certainty ---------------------------------------


def test_a_chance_of_one_or_zero_is_shown_as_beyond_99_9_or_below_0_1_percent():
    id_, en = Language("id"), Language("en")
    assert id_.figure("chance", 1.0) == "> 99,9%" and en.figure("chance", 1.0) == "> 99.9%"
    assert id_.figure("chance", 0.0) == "< 0,1%" and en.figure("chance", 0.0) == "< 0.1%"
    assert id_.figure("chance", 0.9997) == "> 99,9%"  # would round to 100,0%
    assert id_.figure("chance", 0.0002) == "< 0,1%"  # would round to 0,0%
    assert id_.figure("chance", 0.375) == "37,5%" and en.figure("chance", 0.999) == "99.9%"
    assert id_.figure("chance", None) == "-"


def test_a_chance_of_all_or_none_of_the_trials_is_the_rule_of_threes_bound():
    """All 2,000 of 2,000 trials read "> 99,9%", more than 2,000 trials resolve: by the rule of three the true
    share is only above 1 - 3/2000 = 99.85 % (95 %), "> 99,8%". From 10,000 "> 99,9%" is right; a share between
    is the estimate as before. ``sim compare``'s chance_bound is the same rule."""
    id_, en = Language("id"), Language("en")
    assert id_.figure(chance_kind(2000), 1.0) == "> 99,8%" and en.figure(chance_kind(2000), 1.0) == "> 99.8%"
    assert id_.figure(chance_kind(2000), 0.0) == "< 0,2%" and en.figure(chance_kind(2000), 0.0) == "< 0.2%"
    assert id_.figure(chance_kind(10_000), 1.0) == "> 99,9%" and en.figure(chance_kind(10_000), 0.0) == "< 0.1%"
    assert id_.figure(chance_kind(2000), 0.375) == id_.figure("chance", 0.375) == "37,5%"
    assert en.figure(chance_kind(2000), 0.999) == "99.9%" and id_.figure(chance_kind(2000), None) == "-"
    assert chance_bound(1.0, 2000) == en.chance(1.0, 2000) == "> 99.8%"
    # All but one of 2,000 read "> 99,9%", more than all 2,000 ("> 99,8%"): the estimate, to the digits it has.
    assert id_.figure(chance_kind(2000), 1999 / 2000) == "99,95%" and en.chance(1 / 2000, 2000) == "0.05%"
    assert en.chance(9999 / 10_000, 10_000) == "99.99%" and en.chance(1999 / 2000) == "> 99.9%"  # trials unknown


def test_no_chance_of_100_percent_in_the_tile_the_text_or_the_tables(madiun, doc, doc_en):
    summary = madiun.summary
    assert summary["periods"][0]["prob_claim_ratio_above_1"] == 1.0  # every trial's claims exceed the premium
    chances = [f for f in doc.figures if f["data-key"].endswith("prob_claim_ratio_above_1")]
    assert len(chances) >= 1 + 1 + len(summary["periods"])  # the tile, the text and every row of the table
    # 300 trials resolve no finer than the rule of three's 1 - 3/300 = 99.0 %
    assert all(f["data-kind"] == "chance/300" and f["text"] == "> 99,0%" for f in chances)
    assert "100,0%" not in doc.tile("periods.0.prob_claim_ratio_above_1")["text"]
    assert not [c for c in doc.column("periods", TEXT["col_prob"]["id"]) if "100,0" in c]
    en_chances = [f for f in doc_en.figures if f["data-key"].endswith("prob_claim_ratio_above_1")]
    assert en_chances and all(f["text"] == "> 99.0%" for f in en_chances)


def test_the_report_says_all_simulations_exceeded(madiun, doc, doc_en):
    trials = Language("id").count(madiun.summary["trials"])
    text = doc.paragraph_with("summary", "periods.0.prob_claim_ratio_above_1")
    assert f"semua {trials} simulasi" in text and "bukan 100%" in text
    assert "trials" in [k for p in doc.paragraphs("summary") for k in p["keys"]]  # the count is a traced figure
    note = doc.paragraph_with("results", "trials")
    assert "> 99,0%" in note and trials in note and "di atas 99,0% atau di bawah 1,0%" in note  # 1 - 3/300, 3/300
    en = doc_en.paragraph_with("summary", "periods.0.prob_claim_ratio_above_1")
    assert f"all {Language('en').count(madiun.summary['trials'])} simulations" in en and "not 100%" in en


def test_a_chance_of_zero_says_none_of_the_simulations(madiun):
    summary = copy.deepcopy(madiun.summary)
    summary["periods"][0]["prob_claim_ratio_above_1"] = 0.0
    for code, words in (("id", "satu pun dari {trials} simulasi"), ("en", "none of the {trials} simulations")):
        blocks = sections_module.summary_section(Language(code), madiun.scenario, summary, madiun.extra).blocks
        para = next(b for b in blocks if isinstance(b, Para) and "prob" in b.figures)
        assert words in para.text and para.figures["trials"] == Figure(madiun.summary["trials"], "count",
                                                                       "summary.json", "trials")
        assert Language(code).figure(para.figures["prob"].kind, 0.0) == Language(code).chance(0.0, TRIALS)


def test_the_comparison_table_shows_chances_the_same_way(madiun):
    table = comparison_table([madiun.summary], "id")
    assert "> 99,0%" in table.to_string() and "100,0%" not in table.to_string()


# --- 2. intervals and VaR are about simulations of one year ---------------------------------------------------


def test_the_interval_is_the_range_of_simulations_of_the_same_year(doc, doc_en):
    method = doc.text("methodology")
    assert "90% hasil simulasi untuk tahun yang sama" in method
    assert "menunjukkan naik-turunnya klaim dari tahun ke tahun" not in method
    assert "90% of the simulations of the same year" in doc_en.text("methodology")


def test_var_is_exceeded_in_1_of_200_simulations_not_once_in_200_years(doc, doc_en):
    results = doc.text("results")
    assert "1 dari 200 simulasi tahun itu" in results and "200 tahun" not in results
    assert "1 of 200 simulations of that year" in doc_en.text("results")
    assert "200 years" not in doc_en.text("results")


def test_with_posterior_draws_the_interval_includes_parameter_uncertainty(doc, doc_en):
    method = doc.text("methodology")
    assert "ketidakpastian parameter hasil kalibrasi" in method and "posterior" in method
    assert "uncertainty of the calibrated parameters" in doc_en.text("methodology")


@pytest.mark.parametrize("code", ["id", "en"])
def test_without_draws_the_interval_excludes_the_uncertainty_of_the_assumptions(code):
    scenario = load_scenario("pekalongan-2023")
    assert not scenario.intensity_draws
    lang = Language(code)
    text = next(p.text for p in methodology_section(lang, scenario).blocks
                if p.text.startswith(("Ketidakpastian.", "Uncertainty.")))
    assert "posterior" not in text and "90%" in text
    if code == "id":
        assert "tidak termasuk" in text and "Sensitivitas terhadap asumsi" in text
    else:
        assert "does not include the uncertainty of the assumptions" in text and "Sensitivity" in text


# --- 3. the two premiums and the two claim figures say which is which -------------------------------------------


def test_the_full_year_budget_and_the_premium_of_the_members_in_force_are_told_apart(madiun, doc, doc_en):
    budget, premium = (madiun.summary["budget"]["annual_premium_start_members_idr"],
                       madiun.summary["periods"][0]["premium_idr"])
    lang = Language("id")
    assert lang.money(budget) != lang.money(premium)  # Rp3,05 miliar and Rp3,04 miliar
    assert "setahun penuh" in doc.tile("budget.annual_premium_start_members_idr")["label"]
    text = doc.paragraph_with("summary", "periods.0.premium_idr")
    assert "peserta yang aktif" in text and "anggaran setahun penuh" in text
    assert "full-year budget" in doc_en.paragraph_with("summary", "periods.0.premium_idr")
    assert "iuran peserta aktif" in doc.paragraph_with("sensitivity", "sensitivity.base.premium_idr")


def test_the_simulation_mean_and_the_direct_calculation_are_labelled(madiun, doc, doc_en):
    lang = Language("id")
    simulated = madiun.summary["periods"][0]["claims_idr"]["mean"]
    direct = madiun.extra["budget_year"]["expected_claims_idr"]
    assert lang.money(simulated) != lang.money(direct) or simulated != direct
    assert "rata-rata simulasi" in doc.tile("periods.0.claims_idr.mean")["label"]
    assert "rata-rata simulasi" in doc.paragraph_with("summary", "periods.0.claims_idr.mean")
    budget = doc.paragraph_with("budget", "budget_year.expected_claims_idr")
    assert "perhitungan langsung (tanpa simulasi)" in budget and "rata-rata simulasi" in budget
    assert "perhitungan langsung" in doc.paragraph_with("sensitivity", "sensitivity.base.claims_idr")
    header = doc.table("periods")["header"]
    assert "Klaim (rata-rata simulasi)" in header and "Perhitungan langsung" in header
    assert "simulation mean" in doc_en.tile("periods.0.claims_idr.mean")["label"]
    assert "direct calculation" in doc_en.paragraph_with("budget", "budget_year.expected_claims_idr")


# --- 4. Indonesian wording -----------------------------------------------------------------------------------------

REWORDED = [
    ("Inilah anggaran yang perlu disediakan setiap tahun.", "Jumlah inilah yang perlu dianggarkan dalam APBD setiap tahun."),
    ("kekurangan iuran, yaitu klaim di atas iuran yang ditanggung BPJS Ketenagakerjaan",
     "selisih klaim di atas iuran, yang ditanggung BPJS Ketenagakerjaan"),
    ("rumus tertutup", "perhitungan langsung (tanpa simulasi)"),
    ("Kematian bukan karena kerja", "Kematian bukan akibat kecelakaan kerja"),
    ("setiap kasus menjadi perawatan saja", "setiap kasus digolongkan sebagai hanya perawatan"),
    ("agar jumlahnya tetap 1", "sehingga totalnya tetap 100%"),
    # The validation table counts payments (each yearly scholarship payment; an accident under each of its benefits).
    ("Jumlah (rumus)", "Jumlah pembayaran (perhitungan)"),
    ("Banyak kasus (perhitungan)", "Jumlah pembayaran (perhitungan)"),
    ("Banyak kasus (simulasi)", "Jumlah pembayaran (simulasi)"),
    # Review of madiun-2025: "banyak kasus" is not how a number is said; "cicilan"/"angsuran" read as repaying a loan.
    ("Banyak kasusnya sekitar", "Jumlah kasusnya sekitar {count}"),
    ("bukan banyak kasus", "Angka ini bukan jumlah kasus."),
    ("cicilan beasiswa dihitung satu klaim",
     "setiap pembayaran beasiswa tahunan dihitung satu klaim; bukan jumlah kasus"),
    ("cicilan beasiswa tidak dihitung", "pembayaran beasiswa tahunan tidak dihitung sebagai kasus tersendiri"),
    ("angsuran beasiswa", "pembayaran beasiswa tahunan bagi anak peserta"),
    ("setiap cicilan beasiswa", "apakah setiap pembayaran beasiswa tahunan dihitung sebagai satu klaim"),
    ("dalam tidak satu pun (atau hampir tidak satu pun)",
     "{below} berarti tidak terjadi di satu simulasi pun (atau hampir tidak ada)"),
    ("Batang-batang lainnya menahan hasil kalibrasi tetap", "Pada batang lainnya, hasil kalibrasi tidak diubah."),
    ("rata-rata simulasi dengan galat bakunya di samping rumus tertutup",
     "Rincian per segmen dan jenis manfaat untuk seluruh periode{span}; baris untuk satu tahun saja hanya "
     "ditampilkan bila ditandai. Kolom jumlah pembayaran menghitung pembayaran setiap manfaat, bukan kasus"),
    # "tanda" alone also reads as a sign (+/-), "putusan" is a court's ruling, and "sejak" looks back from today.
    ("peluang tanda", "peluang baris ditandai sama dengan peluangnya pada sebaran normal"),
    ("mengubah putusannya", "bila batas tersebut mengubah hasil pemeriksaan"),
    ("bulan sejak {start}", "{months} bulan mulai {start}"),
    # "≥ 90% atas komitmen CSR dipenuhi atau tidak" read as a chance that the pledges are honoured.
    ("atas komitmen CSR dipenuhi atau tidak", "≥ {confidence}, dengan risiko komitmen CSR tidak dipenuhi"),
    # A part year's note: "setahun penuh peserta tersebut" calqued "a full year of those members", and "menyisakan
    # lebih sedikit" left nothing to leave; "terhadap anggaran setahun penuh" hung without a verb.
    ("setahun penuh peserta tersebut", "sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi peserta "
                                       "tersebut lebih besar dan sisa anggarannya lebih kecil."),
    # The payer table's part-year note: "Sisa dana dihitung terhadap dana untuk setahun penuh" calqued "what is left
    # is set against a full year's money"; it now names the table's column, as the sister notes say "anggarannya".
    ("dihitung terhadap dana", "Dana tersedia adalah dana untuk setahun penuh: iuran setahun penuh bagi peserta "
                               "tersebut lebih besar dan sisa dananya lebih kecil."),
    # The wage growth not varied without a PU segment: "upah peserta BPU adalah kelompok penghasilan" made a wage a
    # group; the wage is set by the declared income band.
    ("upah peserta BPU adalah kelompok penghasilan", "(upah peserta BPU ditetapkan menurut kelompok penghasilan yang "
                                                     "dilaporkan, sehingga tidak naik)"),
    # The care cost trend's note: "..., yang memakai harga tahun pertama" read as the later years taking the first
    # year's prices, the opposite of what the trend does.
    ("yang memakai harga tahun pertama", "biaya perawatan medis dinyatakan pada harga tahun pertama"),
    # A pledge's members not renewed: "pada 2030 377 peserta" read as one number.
    ("pada {year} {cut}", "pada {year}, kepesertaan {cut} pekerja"),
    # A pledge the horizon holds none of: "tidak memiliki tahun dalam periode proyeksi" calqued "has no year in the
    # horizon"; it lies outside it, as the targets' table says "di luar periode proyeksi".
    ("tidak memiliki tahun dalam periode proyeksi", "seluruhnya berada di luar periode proyeksi ({first} sampai "
                                                    "{last}), sehingga tidak dimasukkan dalam tabel ini"),
    # The rules after their last dated change: "berlaku sejak 1 April 2027" looked back at a date to come, and
    # "Bulan-bulan sesudahnya ... memakai aturan" made the months use the rules.
    ("berlaku sejak {last}", "Perubahan aturan terakhir yang tercatat mulai berlaku pada {last}. Untuk bulan-bulan "
                             "sesudahnya sampai {end}, aturan yang berlaku pada tanggal itu dianggap tetap berlaku"),
    # The tornado's parameters that move no year measured: the title names the expected claims as the notes above
    # it do, and the pointer to sim plan has the analyst as its subject ("Pengaruhnya pada ... dan terhadap ...
    # dapat diukur oleh analis" mixed its prepositions).
    ("Parameter yang tidak mengubah klaim pada",
     "Parameter yang tidak mengubah perkiraan klaim pada tahun yang diukur"),
    ("Pengaruhnya pada tahun-tahun lainnya", "Analis dapat mengukur pengaruhnya terhadap tahun-tahun lainnya dan "
                                             "terhadap anggaran dengan perintah perencanaan python -m sim plan"),
    # The cases of the first year's months: "dalam 1 bulan tahun itu" ran the count and the year together.
    ("dalam {months} bulan tahun itu", "yang terjadi dalam {months} bulan pada tahun itu"),
    ("dalam {year_months} bulan tahun", "adalah kasus dalam {year_months} bulan pada tahun {year}."),
    # Review of session 32: "Jumlah peserta tetap sejak awal" said the number of members stays the same, next to a
    # table whose members fall year by year (those who die leave); meant: only the starting members, nobody joins.
    ("Jumlah peserta tetap sejak awal", "Batasan. Hanya peserta pada awal proyeksi yang dihitung (tanpa pendaftaran "
                                        "baru, dan tanpa peserta yang keluar karena batas usia; jumlahnya berkurang "
                                        "hanya karena kematian)"),
    ("jumlah peserta dianggap tetap sejak awal", "Catatan: laporan ini hanya menghitung peserta yang ada pada awal "
                                                 "proyeksi (tanpa pendaftaran bertahap)."),
    # The last target's premium, priced after the horizon: "dengan tarif untuk pembayarnya sendiri" calqued "at its
    # own payer's rate", and "sehingga" made being beyond the projection the reason without saying the link.
    ("tarif untuk pembayarnya sendiri", "iuran setiap segmen dihitung seluruhnya dengan tarif yang berlaku bagi "
                                        "pembayar segmen itu menurut aturan tahun {year}."),
    # Review of session 35: "proyeksi tidak menunjukkan siapa yang membayar iuran ...: ... tarif ... pembayar segmen
    # itu" read as a contradiction: what is not known is the split among the sources of money.
    ("tidak menunjukkan siapa yang membayar", "sehingga tidak diketahui berapa peserta yang dibayar dari setiap "
                                              "sumber dana (misalnya APBD atau CSR) pada tahun itu"),
    # "(dengan cara menghitung klaim yang tidak diumumkan)" read as counting claims that were not announced.
    ("dengan cara menghitung klaim yang tidak", "jumlah klaim di atas tidak dipakai dan menjadi pembanding, walaupun "
                                              "cara BPJS menghitung jumlah klaim tidak diumumkan."),
]


@pytest.mark.parametrize("old, new", REWORDED, ids=[o[:30] for o, _ in REWORDED])
def test_indonesian_wording(old, new):
    text = "\n".join(e["id"] for e in TEXT.values())  # (a line apart: the end of one text and the next are no phrase)
    assert old.lower() not in text.lower()
    assert new in text


def test_a_report_of_the_starting_members_does_not_call_their_number_fixed():
    """The members of a report without enrolment fall by deaths (its table of years shows it): the limits and the
    budget's note say only the starting members are counted, in both languages, not that their number is fixed."""
    for key in ("method_limits", "budget_enrolment_later"):
        assert "fixed" not in TEXT[key]["en"] and "tetap sejak awal" not in TEXT[key]["id"], key
    assert "their number falls by deaths alone" in TEXT["method_limits"]["en"]
    assert "counts only the members at the start" in TEXT["budget_enrolment_later"]["en"]


def test_the_indonesian_report_has_no_closed_form_or_horizon_jargon(doc):
    for section in doc.sections:
        if section in ("scenario", "provenance"):
            continue
        text = doc.text(section).lower()
        assert "rumus tertutup" not in text and "horizon" not in text, section


# --- 5. no English leftovers in the Indonesian report -----------------------------------------------------------


def test_rule_confidence_in_indonesian(doc, doc_en):
    confidence = doc.column("rules", TEXT["col_confidence"]["id"])
    assert set(confidence) <= {"Tinggi", "Sedang", "Rendah"} and "Tinggi" in confidence
    assert set(doc_en.column("rules", TEXT["col_confidence"]["en"])) <= {"High", "Medium", "Low"}
    assert Language("id").confidence("Low") == "Rendah" and Language("id").confidence("odd") == "odd"


def test_every_basis_label_used_is_in_the_legend(doc):
    lang = Language("id")
    used = set(doc.column("assumptions", TEXT["col_basis"]["id"])) | set(doc.column("sensitivity", TEXT["col_basis"]["id"]))
    used.discard("")
    assert "turunan" in used  # segments.non_asn.wage is derived
    legend = next(p["text"] for p in doc.paragraphs("register") if "Kolom Jenis nilai" in p["text"])
    for label in used:
        assert f"{label} = " in legend, label
    assert used <= {lang.basis(b) for b in ("law", "data", "derived", "calibrated", "assumption")}


def test_register_units_in_indonesian_with_english_fallback(doc, doc_en):
    units = doc.column("assumptions", TEXT["col_unit"]["id"]) + doc.column("rules", TEXT["col_unit"]["id"])
    for english in ENGLISH_UNITS:
        assert english not in units, english
    for indonesian in ("orang", "proporsi", "Rp per bulan", "proporsi kasus JKK", "per 1.000 peserta-tahun",
                       "× tabel mortalitas"):
        assert indonesian in units, indonesian
    assert "persons" in doc_en.column("assumptions", TEXT["col_unit"]["en"])
    assert Language("id").unit("furlongs per fortnight") == "furlongs per fortnight"
    from sim.report_text import UNITS

    assert Language("id").unit("persons") == UNITS["persons"] and Language("en").unit("persons") == "persons"


@pytest.mark.parametrize("code", ["id", "en"])
def test_segment_labels_instead_of_keys_in_tables(madiun, doc, doc_en, code):
    """Each report shows the segments' labels in its own language (the scenario gives both)."""
    labels = {s.name: s.labels[code] for s in madiun.scenario.segments}
    other = {s.labels["en" if code == "id" else "id"] for s in madiun.scenario.segments}
    assert not set(labels.values()) & other  # madiun-2025 words its labels differently in the two languages
    for table, column in (("funding", "col_segment"), ("validation", "col_segment")):
        cells = set((doc if code == "id" else doc_en).column(table, TEXT[column][code]))  # a group's rows too
        assert not cells & set(labels), f"{table} shows segment keys"
        assert cells == set(labels.values()), table


def test_scenario_title_in_the_report_language(madiun, madiun_en):
    """The subtitle of each report and the terminal headline give the title in the report's language."""
    titles = madiun.scenario.titles
    assert titles["id"] != titles["en"]
    for report, code, other in ((madiun, "id", "en"), (madiun_en, "en", "id")):
        page = (report.folder / "report.html").read_text(encoding="utf-8")
        subtitle = re.search(r'<p class="subtitle">(.*?)</p>', page)[1]  # (the scenario section quotes both)
        assert html.escape(titles[code]) in subtitle and html.escape(titles[other]) not in subtitle
        assert headline(report).startswith(titles[code])


def test_the_summary_opens_with_the_description_in_the_report_language(madiun, madiun_en):
    """A reviewer reads what the scenario assumes first: the summary's first paragraph, in the report's language,
    in the HTML and the PDF; the other language's text is not in the report's summary."""
    from test_report import pdf_text

    descriptions = madiun.scenario.descriptions
    assert descriptions["id"] != descriptions["en"]
    for report, code, other in ((madiun, "id", "en"), (madiun_en, "en", "id")):
        summary = read(report).sections["summary"]
        first = summary[0]
        assert first["type"] == "p" and first["class"] == "description"
        assert descriptions[code] in first["text"] and descriptions[other] not in read(report).text("summary")
        assert first["text"].startswith(TEXT_DESCRIPTION[code])
        pdf = pdf_text(report.folder)
        assert descriptions[code] in pdf
        # The PDF too: right after the summary's heading, before the tiles.
        heading = TEXT["sec_summary"][code]
        assert pdf.index(descriptions[code]) - pdf.index(heading) < len(heading) + len(TEXT_DESCRIPTION[code]) + 5


TEXT_DESCRIPTION = {"id": "Asumsi skenario: ", "en": "What the scenario assumes: "}


def test_a_description_in_one_language_is_shown_in_both_and_line_breaks_read_as_spaces():
    """A planner's own scenario may give one text (in English): both reports show it as written."""
    from sim.report_sections import description_blocks

    scenario = load_scenario("jambi-2025", ['scenario.description="""Ojek drivers of Pasar Angso,\nheld constant."""'])
    assert scenario.descriptions == {"en": "Ojek drivers of Pasar Angso,\nheld constant.",
                                     "id": "Ojek drivers of Pasar Angso,\nheld constant."}
    for code in ("id", "en"):
        (para,) = description_blocks(Language(code), scenario, {"overrides": []})
        assert para.text == TEXT_DESCRIPTION[code] + "Ojek drivers of Pasar Angso, held constant." and not para.figures
    assert description_blocks(Language("id"), load_scenario("jambi-2025", ['scenario.description="x"']), {}) != []
    # A scenario without a description shows none (and says nothing about it).
    bare = load_scenario("jambi-2025")
    data = copy.deepcopy(bare.resolved)
    del data["scenario"]["description"]
    from sim.scenario import scenario_from_data

    assert scenario_from_data(data).descriptions is None
    assert description_blocks(Language("id"), scenario_from_data(data), {"overrides": []}) == []


@pytest.mark.parametrize("overrides, noted", [
    ([], False),
    (["scenario.trials=2000", "scenario.seed=7"], False),  # --trials and --seed change no assumption
    (['scenario.description={ en = "a", id = "b" }'], False),  # the text shown is the override's
    (["segments.vulnerable.members=5000"], True),
    (["funding.apbd_budget=8e9"], True),
])
def test_the_description_says_when_set_changed_what_it_may_describe(overrides, noted):
    """The description is the file's text: after --set of a value it may state (members, a budget) the summary
    says so and where the changed values are listed."""
    from sim.report_sections import description_blocks

    scenario = load_scenario("jambi-2025")
    for code in ("id", "en"):
        (para,) = description_blocks(Language(code), scenario, {"overrides": overrides})
        assert (f'"{TEXT["sec_differences"][code]}"' in para.text) == noted
        assert para.text.startswith(TEXT_DESCRIPTION[code] + scenario.descriptions[code])


def test_every_shipped_scenario_describes_itself_in_both_languages(root):
    """Each shipped scenario (its own or its base's) has a description in English and in Indonesian, one each,
    with numbers written the Indonesian way in the Indonesian text (3.000, 3,5%, Rp604 juta)."""
    for path in sorted((root / "scenarios").glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))["scenario"]
        text = load_scenario(path.stem).descriptions
        assert isinstance(raw.get("description"), dict) or path.stem == "madiun-2023-target", path.stem
        assert text and set(text) == {"en", "id"} and text["en"] != text["id"], path.stem
        assert all(t.strip() and "\n" not in t for t in text.values()), path.stem
        indonesian = text["id"]
        assert not re.search(r"\d,\d{3}|\d\.\d\b|Rp[\d,.]+ ?(m|bn)\b", indonesian), (path.stem, indonesian)
    # A variant whose members differ from its base's says so in its own words (it does not inherit the base's).
    assert load_scenario("madiun-2023-target").descriptions != load_scenario("madiun-2023").descriptions


# A horizon's length in words: "over three years", "selama tiga tahun", "over 2025", "12-month".
HORIZON_IN_WORDS = re.compile(r"\b(one|two|three|four|five|six|ten|twelve|satu|dua|tiga|empat|lima|enam|sepuluh|"
                              r"dua belas|\d+)[- ](years?|months?|tahun|bulan)\b|\b(over|selama) (20\d\d|the year)\b",
                              re.IGNORECASE)


def test_no_shipped_description_states_the_horizon_s_length(root):
    """A description is the file's text, shown as it is: one saying "run off over three years" was wrong under
    --set scenario.horizon_months=24 or in a variant with another horizon. The descriptions leave the length out
    (the summary's horizon line and the results table by year state it)."""
    assert HORIZON_IN_WORDS.search("run off over three years") and HORIZON_IN_WORDS.search("selama tiga tahun")
    for path in sorted((root / "scenarios").glob("*.toml")):
        for code, text in load_scenario(path.stem).descriptions.items():
            assert not HORIZON_IN_WORDS.search(text), (path.stem, code, HORIZON_IN_WORDS.search(text)[0])


# A span of years, as "2025-2027" or "2023–2027": the horizon's years, which --set can change.
YEAR_SPAN = re.compile(r"\b20\d\d\s*[-–]\s*20\d\d\b")


def test_no_shipped_title_states_the_horizon_s_years(root):
    """A title stands on the report's first page and in the terminal's headline: "Kota Jambi vulnerable workers
    2025-2027" was wrong under --set scenario.horizon_months=12 or in a variant with a longer horizon. A title
    names the start ("from 2025", "mulai 2025"), not the end; the horizon line under it gives both."""
    assert YEAR_SPAN.search("Pekerja rentan Kota Jambi 2025-2027") and YEAR_SPAN.search("2023–2027")
    for path in sorted((root / "scenarios").glob("*.toml")):
        for code, text in load_scenario(path.stem).titles.items():
            assert not YEAR_SPAN.search(text), (path.stem, code, text)


def test_a_description_per_language_is_one_value_in_compare_and_in_the_differences(madiun, doc, doc_en):
    """compare leaves descriptions out (as titles); the differences from the base list a changed description as
    one row, shown in the report's language."""
    from sim.compare import differing_parameters, flatten

    base = load_scenario("madiun-2025-prior")
    assert flatten(base.resolved)["scenario.description"] == base.descriptions
    assert not [k for k in flatten(base.resolved) if k.startswith("scenario.description.")]
    changed = load_scenario("madiun-2025-prior", ["scenario.id=changed",
                                                  'scenario.description={ en = "Other", id = "Lain" }'])
    assert differing_parameters([base, changed]) == []
    assert [d for d in madiun.scenario.base_differences if d[0].startswith("scenario.description")] == \
        [("scenario.description", base.descriptions, madiun.scenario.descriptions)]
    for document, code in ((doc, "id"), (doc_en, "en")):
        rows = [r for r in document.table("differences")["rows"] if "(scenario.description" in r[0]]
        assert rows == [[f"{PARAMETERS['description'][code]}\n(scenario.description)", base.descriptions[code],
                         madiun.scenario.descriptions[code]]]


def _chart_rows(report, monkeypatch) -> dict:
    """The rows chart_images hands to the funding and tornado charts (no image drawn)."""
    seen = {}
    monkeypatch.setattr(charts, "funding", lambda rows, lang: seen.setdefault("funding", rows))
    monkeypatch.setattr(charts, "tornado", lambda rows, base, period, lang: seen.setdefault("tornado", rows))
    monkeypatch.setattr(charts, "png", lambda fig: b"")
    claims = np.ones((10, len(report.summary["periods"]) - 1))
    sections_module.chart_images(Language("id"), report.scenario, report.summary, report.extra, claims)
    return seen


def test_segment_labels_in_the_funding_chart(madiun, monkeypatch):
    labels = {s.name: s.labels["id"] for s in madiun.scenario.segments}
    assert {r["segment"] for r in _chart_rows(madiun, monkeypatch)["funding"]} == set(labels.values())


def test_calibrated_values_to_3_significant_digits(madiun, doc):
    rows = {r[0].rpartition("\n(")[2].rstrip(")"): r for r in doc.table("assumptions")["rows"]}  # by the key
    header = doc.table("assumptions")["header"]
    value, rng = header.index(TEXT["col_value"]["id"]), header.index(TEXT["col_range"]["id"])
    resolved = madiun.scenario.resolved  # the calibrated figures as the shipped file has them (6 decimals)

    def sig3(x):  # 3 significant digits, trailing zeros dropped, Indonesian decimal comma: 2.10115 -> "2,1"
        return f"{x:.3g}".replace(".", ",")

    load = resolved["assumptions"]["mortality_load"]
    assert load["value"] != round(load["value"], 2)  # more digits than shown: the test can tell
    assert rows["assumptions.mortality_load"][value] == sig3(load["value"])
    assert rows["assumptions.mortality_load"][rng] == f"{sig3(load['range'][0])} – {sig3(load['range'][1])}"
    assert rows["segments.non_asn.accident_rate"][value] == sig3(resolved["segments"]["non_asn"]["accident_rate"]["value"])
    assert rows["assumptions.severity.share_medical_only"][value] == "62%"  # its digits kept
    assert rows["segments.non_asn.wage"][value] == "2.185.185"
    differences = {r[0].rpartition("\n(")[2].rstrip(")"): r for r in doc.table("differences")["rows"]}  # by key
    assert differences["assumptions.mortality_load"][1:] == ["1,5", sig3(load["value"])]
    fig = next(f for f in doc.figures if f["data-key"] == "assumptions.0.value")
    assert fig["data-kind"] == "sig3" and fig["text"] == sig3(load["value"])


def test_months_and_dates_in_indonesian(madiun, doc, doc_en):
    months = doc.column("rule_changes", TEXT["col_month"]["id"])
    assert "Januari 2026" in months and not [m for m in months if re.fullmatch(r"\d{4}-\d\d", m)]
    effective = doc.column("rules", TEXT["col_effective"]["id"])
    assert "2 Desember 2019" in effective and not [d for d in effective if re.fullmatch(r"[\d-]+", d)]
    created = dict(doc.table("provenance")["rows"])[TEXT["prov_created"]["id"]]
    assert not re.match(r"\d{4}-", created) and re.search(r"\d{1,2} \w+ \d{4}, \d\d\.\d\d\.\d\d", created)
    assert "January 2026" in doc_en.column("rule_changes", TEXT["col_month"]["en"])
    rule_values = doc.column("rule_changes", TEXT["col_from"]["id"])
    assert not [v for v in rule_values if re.fullmatch(r"\d+\.\d+", v)]  # 0,5 not 0.5
    assert Language("id").iso_date("2026-01") == "Januari 2026" and Language("id").iso_date("x") == "x"
    assert Language("en").timestamp("2026-11-21T14:17:46+07:00") == "21 November 2026, 14:17:46 UTC+07:00"


def test_months_to_december_names_a_budget_year_s_months_from_its_first():
    """What an APBD needed pays for in a year the horizon starts in after January: its months on to December, however
    early the horizon ends (the report's note, the terminal's line and compare's line all say it this way)."""
    assert Language("id").months_to_december("2026-03") == "Maret\u2013Desember 2026"
    assert Language("en").months_to_december("2026-07", dash="-") == "July-December 2026"
    assert Language("id").months_to_december("2026-12") == "Desember 2026"


def test_register_from_the_scenario_alone_is_in_indonesian():
    """The register as a notebook builds it (no simulation): units, basis legend and rules in Indonesian."""
    scenario = load_scenario("madiun-2025")
    date, rows, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rows, "changes": changes}}
    blocks = register_section(Language("id"), scenario, extra).blocks
    tables = {b.name: b for b in blocks if isinstance(b, Table)}
    assert all(row[5] in ("Tinggi", "Sedang", "Rendah") for row in tables["rules"].rows)
    assert "Kolom Jenis nilai" in blocks[0].text and "turunan = " in blocks[0].text


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_value_copied_from_a_calibration_is_shown_as_the_calibrated_ones_are(code):
    """madiun-2026-ucj states its informal segments' mortality load as madiun-2025's calibrated default, 1.578031,
    as an assumption: the register printed the six decimals (1,578031) beside 1,58 in the sensitivity table. A value
    written with more than 4 significant digits is shown to 3, as calibrated values are (the intro says so); one
    of 4 or fewer, and a whole number (a wage), as written."""
    from sim.report_document import Figure

    scenario = load_scenario("madiun-2026-ucj")
    date, rules, changes = rule_rows(scenario)
    extra = {"assumptions": register_rows(scenario.resolved), "rules": {"date": date, "rows": rules,
                                                                         "changes": changes}}
    lang = Language(code)
    blocks = register_section(lang, scenario, extra).blocks
    rows = {row[0].rpartition("\n(")[2].rstrip(")"): row for row in blocks[1].rows}

    def shown(key):
        cell = rows[key][1]
        return lang.figure(cell.kind, cell.value) if isinstance(cell, Figure) else cell

    assert scenario.resolved["segments"]["informal"]["mortality_load"]["value"] == 1.578031
    assert shown("segments.informal.mortality_load") == lang.number(1.58, 2)
    # A share as a percentage with the digits written (report_sections.percent_kind), 0.4 as "40%".
    assert shown("expansion.informal.ucj_allocation") == "40%" and rows[
        "expansion.informal.ucj_allocation"][4] == "10% – 70%"
    # The UCJ target, as the planning summary gives it (report_sections.PERCENT_PARAMETERS): a percentage.
    assert shown("ucj.target_share") == lang.percent(0.7, 1) and rows["ucj.target_share"][4] == (
        f"{lang.percent(0.5349, 1)} – {lang.percent(1, 1)}")
    assert shown("segments.non_asn.wage") == lang.plain(2185185)
    assert ("ditulis dengan lebih dari 4 angka penting", "written with more than 4 significant digits")[
        code == "en"] in blocks[0].text


# --- 6. sensitivity: the many-segments note only with many segments, readable names, rounded ranges -------------


def test_the_many_segments_note_only_with_many_segments(madiun, doc):
    assert "segments.*" not in doc.text("sensitivity")
    extra = {"sensitivity": {**madiun.extra["sensitivity"]}}
    assert not [b for b in sensitivity_section(Language("id"), extra).blocks
                if isinstance(b, Para) and "segments.*" in b.text]
    rows = [dict(r) for r in extra["sensitivity"]["rows"]]
    rows[0]["parameter"] = "segments.*.male_share"
    extra = {"sensitivity": {**extra["sensitivity"], "rows": rows}}
    section = sensitivity_section(Language("id"), extra)
    notes = [b.text for b in section.blocks if isinstance(b, Para) and "segments.*" in b.text]
    assert len(notes) == 1 and "lebih dari 12 segmen" in notes[0]
    assert section.blocks[2].rows[0][0] == "Proporsi laki-laki (semua segmen)"


def test_sensitivity_table_names_and_rounded_ranges(doc, doc_en):
    names = doc.column("sensitivity", TEXT["col_parameter"]["id"])
    assert not [n for n in names if re.search(r"segments\.|assumptions\.|_", n)], names
    assert "Proporsi laki-laki – Pekerja informal rentan (BPU)" in names
    assert "Share of men – Vulnerable informal workers (BPU)" in doc_en.column("sensitivity", "Parameter")
    # A fitted multiplier to 3 decimals, as the summary and the register's sources give it (1,177, not 1,18).
    fitted = {Language("id").parameter(f"calibration.posterior.{w}_scale") for w in ("mortality", "accident")}
    for column in ("col_value", "col_low", "col_high"):
        for name, cell in zip(names, doc.column("sensitivity", TEXT[column]["id"])):
            if name in fitted:
                assert re.fullmatch(r"\d,\d{3}", cell), cell
            elif not cell.startswith("Rp"):
                assert len(re.sub(r"\D", "", cell).lstrip("0")) <= 3, cell
    assert not re.search(r"\d,\d{4,}", " ".join(c for r in doc.table("sensitivity")["rows"] for c in r))
    # madiun-2025 is calibrated: its mortality loads are one bar, the fitted multiplier at its posterior mean and
    # 90 % interval (the default load's name, for the segments without their own, is tested with entry_names).
    row = next(r for r in doc.table("sensitivity")["rows"] if r[0] == PARAMETERS["mortality_scale"]["id"])
    fitted = load_scenario("madiun-2025").calibration["mortality_scale"]
    assert row[2:5] == [Language("id").number(fitted[k], 3) for k in ("mean", "p5", "p95")]


def test_readable_parameters_and_ranges_in_the_tornado_as_its_table_writes_them(madiun, doc, monkeypatch):
    """Each bar's range as the sensitivity table beside it writes it: to 3 significant digits everywhere, the
    fitted mortality multiplier's "[0,861 – 1,25]" stood beside the table's 1,252."""
    rows = _chart_rows(madiun, monkeypatch)["tornado"]
    table = {r[0]: r for r in doc.table("sensitivity")["rows"]}
    for r in rows:
        assert "." not in r["parameter"] and "_" not in r["parameter"], r["parameter"]
        assert list(r["shown"]) == table[r["parameter"]][3:5], r["parameter"]
    assert PARAMETERS["mortality_scale"]["id"] in [r["parameter"] for r in rows]  # one bar for the fitted loads


def test_a_parameter_without_a_name_is_humanised():
    lang = Language("id")
    assert lang.parameter("expansion.quota_growth_rate") == "Quota growth rate"
    assert lang.parameter("segments.x.male_share", {"x": "Ojek drivers"}) == "Proporsi laki-laki – Ojek drivers"
    assert lang.parameter("segments.x.male_share") == "Proporsi laki-laki – x"
    assert Language("en").sig3(1.919408) == "1.92" and Language("id").sig3(2185185) == "2.185.185"
    assert Language("id").sig3(0.687128) == "0,687" and Language("id").sig3(0.007) == "0,007"


def test_long_keys_in_pdf_tables_wrap_at_separators_not_inside_words():
    """'assumptions.severity.incapacity_months_mean' in a narrow PDF column broke as '..._mea' / 'n': a zero-width
    space after each '.', '_' or '/' of a long token lets it wrap there; short text and spaced text stay as they are."""
    from sim.report_pdf import breakable

    assert breakable("assumptions.severity.incapacity_months_mean") == \
        "assumptions.\u200bseverity.\u200bincapacity_\u200bmonths_\u200bmean"
    assert breakable("scenarios/experience/madiun-2025.toml").count("\u200b") == 3
    for text in ("Rp6,28 miliar", "share_death", "a.b c", "0,4 – 0,8"):
        assert breakable(text) == text


def test_no_number_in_a_pdf_table_is_wider_than_its_column(madiun):
    """Numbers never wrap. The assumptions table printed its range '2.000.000 – 10.000.000' as '10.000.00' / '0':
    the long dotted keys counted as single words, the columns were squeezed to fit them and the range column
    lost the width of its widest number. Every number in every table of the report must fit its column
    (text width plus the cell's padding, in the table's own font size)."""
    from sim import report_pdf
    from sim.report_document import Figure, Table

    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    checked = 0
    for block in (b for sec in madiun.sections for b in sec.blocks if isinstance(b, Table)):
        pdf.set_font("DejaVu", "", 7.5 if len(block.header) <= 6 else 6.5)
        widths = report_pdf._widths(pdf, madiun, block)
        for row in block.rows:
            for cell, width in zip(row, widths):
                text = madiun.lang.figure(cell.kind, cell.value) if isinstance(cell, Figure) else str(cell)
                for number in re.findall(r"\d[\d.,]*\d", text):
                    checked += 1
                    assert pdf.get_string_width(number) + 2 * 0.8 <= width, (block.name, number, width)
    assert checked > 100  # the tables were read


def test_the_scenario_text_in_the_pdf_keeps_its_words_whole(madiun):
    """The scenario's TOML, printed in the PDF, wraps at spaces: a line longer than the page breaks between words,
    never inside one (wrapping by character cut 'Ketenagakerjaan' into 'Ke' / 'tenagakerjaan'). Each wrapped line
    of monospaced text is a whole number of words, so every word of the source line reads whole."""
    import io

    from pypdf import PdfReader

    from sim import report_pdf
    from sim.report_document import Pre

    line = 'source = "' + " ".join(["Ketenagakerjaan"] * 40) + '"'
    pdf = report_pdf._PDF("test", "{n}")
    pdf.add_page()
    report_pdf._pre(pdf, madiun, Pre(line))
    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    assert text.count("\n") >= 2  # the line did wrap
    assert set(re.findall(r"[A-Za-z]+", text)) == {"source", "Ketenagakerjaan", "test"}


def _ranged_keys(node: dict, prefix: str = ""):
    """Dotted keys of the parameters with a stated range (those the sensitivity table and tornado vary)."""
    for key, value in node.items():
        if isinstance(value, dict) and "value" in value:
            if "range" in value:
                yield prefix + key
        elif isinstance(value, dict):
            yield from _ranged_keys(value, prefix + key + ".")


def test_every_ranged_parameter_of_a_shipped_scenario_has_a_name_in_both_languages(root):
    """A parameter without a name would show its key humanised, in English, in the Indonesian report."""
    from sim.report_text import PARAMETERS
    from sim.scenario_schema import RECORD_TABLES

    unnamed = set()
    for path in sorted((root / "scenarios").glob("*.toml")):
        scenario = load_scenario(path.stem)
        for key in _ranged_keys(scenario.resolved):
            if not key.startswith(tuple(RECORD_TABLES)):
                unnamed |= {key.rpartition(".")[2]} - set(PARAMETERS)
    assert not unnamed
    assert all(set(names) == {"id", "en"} and all(names.values()) for names in PARAMETERS.values())


def test_a_parameter_of_a_named_entry_names_the_entry():
    labels = {"non_asn": "Tenaga non-ASN Pemerintah Kota (PU)"}
    id_, en = Language("id"), Language("en")
    assert id_.parameter("pipeline.kecamatan.rejection_rate") == "Proporsi nama ditolak – kecamatan"
    assert en.parameter("funding.csr.companies.amount") == "CSR pledge per year – companies"
    assert id_.parameter("membership.non_asn.age_limit", labels) == "Batas usia kepesertaan – " + labels["non_asn"]
    assert id_.parameter("expansion.*.ucj_allocation") == "Bagian dari kekurangan UCJ (semua segmen)"
    assert id_.parameter("funding.apbd_budget") == "Anggaran APBD per tahun"  # a table's own field: no entry
    assert id_.parameter("membership.moving_away_rate") == "Proporsi pindah domisili per tahun"


def test_the_provenance_names_the_scenario_in_the_report_language(madiun, madiun_en):
    titles = madiun.scenario.titles
    for report, code, other in ((madiun, "id", "en"), (madiun_en, "en", "id")):
        doc = Document()
        doc.feed((report.folder / "report.html").read_text(encoding="utf-8"))
        table = next(b for b in doc.sections["provenance"] if b["type"] == "table" and b["name"] == "provenance")
        scenario_row = table["rows"][1]
        assert scenario_row[1] == f"{report.scenario.id}: {titles[code]}" and titles[other] not in scenario_row[1]


def test_entries_are_named_by_pledge_label_office_and_the_segments_a_default_applies_to():
    from sim.report_sections import entry_names

    id_, en = Language("id"), Language("en")
    csr = load_scenario("madiun-2026-ucj-csr")
    assert id_.parameter("funding.csr.companies.probability", entry_names(csr, id_)) == \
        "Peluang komitmen CSR dipenuhi – Perusahaan di Kota Madiun"
    assert en.parameter("funding.csr.co-funded.amount", entry_names(csr, en)) == \
        "CSR pledge per year – Firms, matched 1:1 by the city"
    jambi = load_scenario("jambi-2025-pipeline")
    assert id_.parameter("pipeline.disnaker.capacity", entry_names(jambi, id_)).endswith("– Disnakerkop-UMKM Kota Jambi")
    assert id_.parameter("pipeline.bpjs.duration", entry_names(jambi, id_)).endswith("– BPJS Ketenagakerjaan")
    # madiun-2025: the vulnerable workers have their own mortality load; the default is the non-ASN staff's.
    madiun = load_scenario("madiun-2025")
    names = entry_names(madiun, id_)
    assert id_.parameter("assumptions.mortality_load", names) == \
        "Pengali tabel mortalitas – " + madiun.segments[[s.name for s in madiun.segments].index("non_asn")].labels["id"]
    assert id_.parameter("segments.vulnerable.mortality_load", names).endswith(names["vulnerable"])
    # A default every segment uses (jambi-2025: one segment; the national scenario: every city) names no label.
    assert id_.parameter("assumptions.mortality_load", entry_names(load_scenario("jambi-2025"), id_)) == \
        "Pengali tabel mortalitas – semua segmen"


def test_years_stay_years_and_a_text_per_language_shows_the_reports():
    from sim.report_sections import _short_value

    id_, en = Language("id"), Language("en")
    assert _short_value(2026, lang=id_, key="funding.csr.companies.first_year") == "2026"
    assert _short_value(2030, lang=en, key="ucj.target_year") == "2030"
    assert _short_value([[2025, 3000], [2026, 3500]], lang=id_, key="expansion.vulnerable.targets") == \
        "[[2025; 3.000]; [2026; 3.500]]"
    assert _short_value([[2026, 1.5e9]], lang=en, key="funding.apbd_budget") == "[[2026, 1,500,000,000]]"
    assert _short_value(3000, lang=id_, key="segments.vulnerable.members") == "3.000"  # not a year field
    label = {"en": "Firms in Kota Madiun", "id": "Perusahaan di Kota Madiun"}
    assert _short_value(label, lang=id_, key="funding.csr.companies.label") == label["id"]
    assert _short_value(label, lang=en, key="funding.csr.companies.label") == label["en"]


def test_the_report_says_when_the_prior_not_the_data_sets_a_multiplier():
    """A record (madiun-2025's, with a synthetic best fit: madiun-2025 fitted count and amount together until
    session 18, and its data alone then fit best there) whose data alone fit best at the grid's lowest accident
    multiplier (0.05), outside the 90 % interval, while the best death multiplier lies inside its interval: one
    sentence, on accidents."""
    from sim.report_sections import _prior_sets

    cal = load_scenario("madiun-2025").calibration
    m = cal["mortality_scale"]
    fit = {**cal["goodness_of_fit"], "best_accident_scale": 0.05, "best_mortality_scale": (m["p5"] + m["p95"]) / 2}
    cal = {**cal, "goodness_of_fit": fit}
    extra = {"calibration": {"goodness_of_fit": dict(fit)}}
    assert cal["accident_scale"]["p5"] > fit["best_accident_scale"] == 0.05
    assert cal["mortality_scale"]["p5"] <= fit["best_mortality_scale"] <= cal["mortality_scale"]["p95"]
    paras = _prior_sets(Language("id"), extra, cal)
    assert len(paras) == 1 and "pengali kecelakaan kerja {best} (nilai terendah yang dihitung)" in paras[0].text
    assert paras[0].figures["best"].key == "calibration.goodness_of_fit.best_accident_scale"
    # A best fit inside both intervals, or a record without it, says nothing.
    a = cal["accident_scale"]
    inside = {**cal, "goodness_of_fit": {**fit, "best_accident_scale": (a["p5"] + a["p95"]) / 2}}
    assert _prior_sets(Language("en"), extra, inside) == []
    older = {**cal, "goodness_of_fit": {k: v for k, v in fit.items() if not k.startswith("best_")}}
    assert _prior_sets(Language("en"), extra, older) == []
    # Above the interval but inside the grid: no edge remark.
    high = {**cal, "goodness_of_fit": {**fit, "best_mortality_scale": 3.0}}
    texts = [p.text for p in _prior_sets(Language("en"), extra, high)]
    assert any("death multiplier of {best}, outside" in t for t in texts)


def test_a_best_fit_at_the_grid_s_highest_multiplier_says_so():
    """The recorded claims alone fit best at the grid's top death multiplier (GRID_RANGE's 20, far above madiun-2025's
    90 % interval): the sentence says it is the highest value computed, in both languages. Only the lowest was
    tested: the top edge missing its remark (20 not counted as the edge) survived the mutation audit."""
    from sim.calibration import GRID_RANGE
    from sim.report_sections import _prior_sets

    cal = load_scenario("madiun-2025").calibration
    a = cal["accident_scale"]
    fit = {**cal["goodness_of_fit"], "best_mortality_scale": 20.0, "best_accident_scale": (a["p5"] + a["p95"]) / 2}
    assert GRID_RANGE[1] == 20.0 and cal["mortality_scale"]["p95"] < 20.0
    cal, extra = {**cal, "goodness_of_fit": fit}, {"calibration": {"goodness_of_fit": dict(fit)}}
    (en,) = _prior_sets(Language("en"), extra, cal)
    (id_,) = _prior_sets(Language("id"), extra, cal)
    assert "death multiplier of {best} (the highest value computed), outside" in en.text
    assert "{best} (nilai tertinggi yang dihitung), di luar" in id_.text and "terendah" not in id_.text


def test_a_variant_that_changes_the_members_but_keeps_its_base_s_description_says_whose_it_is(tmp_path):
    """A planner's variant of jambi-2025 with 12,000 members and no description of its own opened with jambi's
    "3,000 vulnerable workers ..." as if it were its own; the description now says it is the base's. A variant with
    its own description (madiun-2023-target) and one that keeps the members (a title only) say nothing."""
    from sim.report_sections import description_blocks

    variant = tmp_path / "kediri.toml"
    variant.write_text('[scenario]\nid = "kediri"\ntitle = "Kediri"\nbase = "jambi-2025"\n\n[segments.vulnerable]\n'
                       'members = { value = 12000, source = "test" }\n', encoding="utf-8")
    same = tmp_path / "same.toml"
    same.write_text('[scenario]\nid = "same"\ntitle = "Same members"\nbase = "jambi-2025"\n', encoding="utf-8")
    for code, words in (("id", "berasal dari skenario dasar jambi-2025"), ("en", "the base scenario jambi-2025's")):
        lang = Language(code)
        (para,) = description_blocks(lang, load_scenario(str(variant)), {})
        assert words in para.text and load_scenario("jambi-2025").descriptions[code] in para.text
        for ref in ("madiun-2023-target", str(same)):
            (para,) = description_blocks(lang, load_scenario(ref), {})
            assert words.split(" jambi")[0] not in para.text


@pytest.mark.parametrize("code, words", [
    ("id", ["Batas pada baris kuantil: q ± 4·√(q(1 - q)/n)", "n = 300 simulasi", "kurang dari 10"]),
    ("en", ["Band in the quantile rows: q ± 4·√(q(1 - q)/n)", "n = 300 trials", "below 10"])])
def test_the_quantile_checks_say_what_their_band_is(madiun, code, words):
    """The Validation table's quantile rows gave "band 93,5%–96,5%" without saying what a band is: its note says
    q ± 4 sqrt(q (1 - q) / n), as sim.exact computes it (SIGMAS, MIN_TAIL_TRIALS)."""
    assert madiun.summary["exact_first_period"]["versus_simulation"]["quantiles"]  # the rows the note explains
    blocks = sections_module.validation_section(Language(code), madiun.summary, madiun.extra).blocks
    table = next(b for b in blocks if isinstance(b, Table) and b.name == "exact_check")
    assert all(w in table.note for w in words), table.note
