"""The pledge-risk sentence of a plan report when a failed CSR pledge leaves the APBD needed as it is: before, it
read "APBD 2028 yang dibutuhkan menjadi Rp3,56 miliar, bukan Rp3,56 miliar bila semua komitmen dipenuhi"
(kediri-2026-plan). The APBD does not pay for a segment whose payer is CSR (sim.funding: it has no other source),
so its members are not renewed: the sentence says the need does not change, why, and how many."""

from __future__ import annotations

import pytest

from sim.i18n import Language
from sim.report_document import fill
from sim.report_planning import _pledge_risk, planning_figures, pledge_names
from sim.scenario import load_scenario
from test_report_payers import CSR_SEGMENT

# jambi-2025 (3,000 APBD-paid BPU members) with 1,000 BPU members paid by one CSR pledge honoured with probability
# 0.8, and an APBD budget above what its own members cost: the pledge failing cuts the CSR-paid members only.
PLAN = '''[scenario]
id = "jambi-csr-pledge"
base = "jambi-2025"
horizon_months = 24

''' + CSR_SEGMENT + '''
[funding]
apbd_budget = { value = [[2025, 700000000], [2026, 700000000]], unit = "IDR per year", source = "test", basis = "data" }

[funding.csr.bank]
label = { en = "Bank CSR", id = "CSR bank" }
amount = { value = 250000000, unit = "IDR per year", source = "test", basis = "data" }
probability = { value = 0.8, unit = "share", source = "test", basis = "data" }
years = { value = 2, unit = "years", source = "test", basis = "data" }
segments = ["csr"]
'''


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("scenarios") / "jambi-csr-pledge.toml"
    path.write_text(PLAN, encoding="utf-8")
    scenario = load_scenario(path)
    return scenario, {"planning": planning_figures(scenario)}  # the sentence reads the years to mark a part year


def _sentence(plan, code: str) -> tuple[str, dict]:
    scenario, extra = plan
    lang = Language(code)
    para = _pledge_risk(lang, scenario, extra, pledge_names(lang, scenario))
    return fill(para.text, {k: lang.figure(f.kind, f.value) for k, f in para.figures.items()}), para.figures


@pytest.mark.parametrize("code, words, compared", [
    ("id", "APBD 2026 yang dibutuhkan tidak berubah (Rp600,1 juta) karena APBD tidak membayar iuran segmen yang "
           "pembayarnya CSR; 1.000 peserta tersebut tidak diperpanjang", "bukan"),
    ("en", "the APBD needed in 2026 does not change (Rp600.1 m), because the APBD does not pay for a segment whose "
           "payer is CSR: those 1,000 members are not renewed", "instead of"),
])
def test_a_failed_csr_pledge_that_leaves_the_apbd_need_says_it_does_not_change_and_why(plan, code, words, compared):
    _, extra = plan
    failed = next(o for o in extra["planning"]["pledge_outcomes"]["outcomes"] if o["failed"])
    honoured = next(o for o in extra["planning"]["pledge_outcomes"]["outcomes"] if not o["failed"])
    assert failed["years"][-1]["apbd_needed_idr"] == honoured["years"][-1]["apbd_needed_idr"]
    assert failed["not_renewed"] == 1000.0
    text, figures = _sentence(plan, code)
    assert words in text
    assert compared not in text  # no number compared with itself
    assert figures["not_renewed"].key.endswith(".not_renewed") and "need_all" not in figures


@pytest.mark.parametrize("code, counted", [("id", r"sebesar nilainya dikali peluangnya"),
                                           ("en", r"at (its|their) amount times (its|their) probability")])
def test_the_summary_says_once_how_pledges_are_counted(code, counted):
    """madiun-2026-ucj-csr's summary said "Komitmen CSR dihitung sebesar nilainya dikali peluangnya" to open the
    pledge-risk paragraph right after the APBD paragraph's "... proyeksi utama, yang menghitung setiap komitmen CSR
    sebesar nilainya dikali peluangnya". Now once; where the APBD paragraph does not say it, the pledge-risk
    paragraph still does (the plan above)."""
    import re

    from sim.report_planning import _budget_lines

    scenario = load_scenario("madiun-2026-ucj-csr")
    extra = {"planning": planning_figures(scenario)}
    lang = Language(code)
    text = " ".join(b.text for b in _budget_lines(lang, scenario, extra) if b is not None)
    assert len(re.findall(counted, text)) == 1, text
    assert re.search(counted, text).start() < text.find("{p_fail}")  # said before the pledge's risk


def test_the_pledge_risk_paragraph_says_how_pledges_are_counted_where_nothing_before_it_did(plan):
    scenario, extra = plan
    lang = Language("id")
    assert _pledge_risk(lang, scenario, extra, pledge_names(lang, scenario)).text.startswith(
        "Komitmen CSR dihitung sebesar nilainya dikali peluangnya.")
