"""The budget section's note that the premium may be higher (report.json ``premium_risks``): a PU premium computed on
a wage below the top of the segment's wage range (madiun-2025's non-ASN staff: the 2023 minimum wage, the range up to
the 2025 one), with a full year's difference for its members; a proposed rise of the BPU JKM premium with no known
rate, where the city pays for BPU members. The difference is recomputed here from the scenario and rules files alone;
each part of the note appears only where it applies, in both languages."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from sim.coverage import funding
from sim.i18n import Language
from sim.report import build
from sim.report_sections import premium_risk_blocks, premium_risks
from sim.report_text import TEXT
from sim.scenario import load_scenario
from test_report import check_figures
from test_report_planning import one_commit, section_figures, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders)
ROOT = Path(__file__).resolve().parents[1]
TRIALS = 200
DIFFERENCE = "premium_risks.pu_wage.annual_difference_idr"


def _opening(key: str, lang: str) -> str:
    """The words of a text before its first placeholder: what shows that the text is in a paragraph."""
    return TEXT[key][lang].split("{")[0]


def _rule(name: str, date: dt.date):
    """The value of ``premium.<name>`` in force on ``date``, read from sim/data/regulation.toml."""
    rules = tomllib.loads((ROOT / "sim" / "data" / "regulation.toml").read_text(encoding="utf-8"))
    values = [v for v in rules["premium"][name]["values"] if v["from"] <= date]
    return max(values, key=lambda v: v["from"])["value"]


def _premium(rate: Decimal, wage) -> Decimal:
    """A monthly premium to the whole rupiah, half up (the rule of sim.regulation.monthly_premium)."""
    return (rate * Decimal(str(wage))).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def expected_difference(upper=None) -> float:
    """A full year's premium of madiun-2025's non-ASN staff on the top of their wage range, less the premium they are
    charged, from the scenario files: members x (rate x upper wage, rounded - rate x wage, rounded) x 12."""
    prior = tomllib.loads((ROOT / "scenarios" / "madiun-2025-prior.toml").read_text(encoding="utf-8"))
    calibrated = tomllib.loads((ROOT / "scenarios" / "madiun-2025.toml").read_text(encoding="utf-8"))
    staff = prior["segments"]["non_asn"]
    changed = calibrated.get("segments", {}).get("non_asn", {})
    assert not {"wage", "members", "risk_class", "scheme"} & set(changed), "madiun-2025 changes the staff's premium"
    assert staff["scheme"] == "PU"
    start = dt.date.fromisoformat(prior["scenario"]["start"] + "-01")
    rate = (Decimal(str(_rule("pu_jkk_rate_by_class", start)[staff["risk_class"]["value"] - 1]))
            + Decimal(str(_rule("pu_jkm_rate", start))))
    wage, members = staff["wage"]["value"], staff["members"]["value"]
    upper = staff["wage"]["range"][1] if upper is None else upper
    assert upper > wage
    return float(members * (_premium(rate, upper) - _premium(rate, wage)) * 12)


@pytest.fixture(scope="module")
def madiun(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def madiun_en(tmp_path_factory):
    return build(load_scenario("madiun-2025", [f"scenario.trials={TRIALS}"]), "en", tmp_path_factory.mktemp("reports"))


def _shown(report, key: str) -> list[str]:
    return [f["text"] for f in section_figures(report.folder, "budget") if f["key"] == key]


def test_the_note_states_the_wage_difference_computed_from_the_scenario(madiun):
    expected = expected_difference()
    risks = madiun.extra["premium_risks"]
    assert risks["pu_wage"]["annual_difference_idr"] == pytest.approx(expected, abs=0.01)
    assert [s["segment"] for s in risks["pu_wage"]["segments"]] == ["non_asn"]
    assert 100e6 < expected < 150e6  # the size the reviewer found (about Rp121 m a year): a sanity bound only
    lang = Language("id")
    assert _shown(madiun, DIFFERENCE) == [lang.money(expected)]
    text = section_text(madiun.folder, "budget")
    assert TEXT["premium_risk_lead"]["id"] in text
    assert "Untuk Tenaga non-ASN Pemerintah Kota (PU), iuran Rp11.800 per orang per bulan dihitung dari upah " \
           "Rp2.185.185 per bulan" in text  # the segment named, its premium and wage to the rupiah
    assert "upah Rp2.422.105 (batas atas rentang upah dalam skenario ini)" in text
    assert _opening("premium_risk_bpu", "id") in text and "tidak diketahui" in text  # no rate for the BPU rise
    assert _shown(madiun, "premium_risks.bpu_jkm_rise.monthly_premium_idr") == ["Rp16.800"]
    assert risks["bpu_jkm_rise"]["proposed_rate"] is None
    check_figures(madiun.folder)  # every figure of the note is report.json's, formatted from it


def test_the_note_sits_after_the_premium_table_and_its_sources_are_listed(madiun):
    budget = section_text(madiun.folder, "budget")
    assert budget.index("Rp1,12 miliar") < budget.index(TEXT["premium_risk_lead"]["id"])  # the premium table first
    risks = madiun.extra["premium_risks"]
    assert "DOMAIN.md s.8" in risks["pu_wage"]["source"] and "DOMAIN.md s.5" in risks["bpu_jkm_rise"]["source"]
    assert "DOMAIN.md s.5" in risks["bpu_jkm_rise"]["claim_ratio"]["source"]
    assert risks["bpu_jkm_rise"]["claim_ratio"]["unit"]
    provenance = section_text(madiun.folder, "provenance")
    assert "Catatan bahwa iuran bisa lebih tinggi (bagian Anggaran dan cakupan) bersumber dari DOMAIN.md bag. 3, " \
           "bag. 5, bag. 8" in provenance
    cited = {s["cited"] for s in madiun.extra["sources"]}
    assert any(c.startswith("DOMAIN.md") and "s.5" in c and "s.8" in c for c in cited)


def test_the_english_report_says_the_same(madiun, madiun_en):
    en = Language("en")
    assert madiun_en.extra["premium_risks"] == madiun.extra["premium_risks"]
    keys = [f["key"] for f in section_figures(madiun.folder, "budget") if f["key"].startswith("premium_risks.")]
    assert keys and keys == [f["key"] for f in section_figures(madiun_en.folder, "budget")
                             if f["key"].startswith("premium_risks.")]
    assert _shown(madiun_en, DIFFERENCE) == [en.money(expected_difference())]
    text = section_text(madiun_en.folder, "budget")
    assert "For Non-ASN contract staff of the city (PU), the premium of Rp11,800 a member a month is computed on a " \
           "wage of Rp2,185,185 a month" in text
    assert "computed on Rp2,422,105 (the top of this scenario's wage range), it would be Rp13,079" in text
    assert _opening("premium_risk_bpu", "en") in text and "the proposed rate is not known" in text
    assert "The note that the premium may be higher" in section_text(madiun_en.folder, "provenance")
    check_figures(madiun_en.folder)


def _blocks(scenario, lang: str = "id") -> list:
    return premium_risk_blocks(Language(lang), scenario, {"premium_risks": premium_risks(scenario, funding(scenario))})


def test_the_difference_follows_the_wage_range():
    scenario = load_scenario("madiun-2025", ["segments.non_asn.wage.range=[2185185, 2300000]"])
    risks = premium_risks(scenario, funding(scenario))
    assert risks["pu_wage"]["annual_difference_idr"] == pytest.approx(expected_difference(2_300_000), abs=0.01)
    assert risks["pu_wage"]["annual_difference_idr"] < expected_difference()


def test_no_wage_part_without_a_pu_segment_or_a_wage_range_above_the_wage(tmp_path):
    """jambi-2025 has BPU members only: the BPU part alone, in a built report. madiun-2025 with the wage at the top
    of its range (or a range that ends at the wage): no wage part, the BPU part stays."""
    jambi = build(load_scenario("jambi-2025", [f"scenario.trials={TRIALS}"]), "id", tmp_path)
    assert not any(s.scheme == "PU" for s in jambi.scenario.segments)
    assert jambi.extra["premium_risks"]["pu_wage"] is None
    text = section_text(jambi.folder, "budget")
    assert TEXT["premium_risk_lead"]["id"] in text and _opening("premium_risk_bpu", "id") in text
    assert "dihitung dari upah" not in text and "batas atas rentang upah" not in text
    check_figures(jambi.folder)
    for override in ("segments.non_asn.wage.value=2422105", "segments.non_asn.wage.range=[2185185, 2185185]"):
        scenario = load_scenario("madiun-2025", [override])
        assert premium_risks(scenario, funding(scenario))["pu_wage"] is None, override
        (para,) = _blocks(scenario)
        assert "upah" not in para.text and "iuran JKM peserta BPU" in para.text
        assert set(para.figures) == {"jkm", "bpu", "ratio"}


def test_no_note_without_a_city_paid_bpu_segment_and_a_wage_part():
    """BPU members paid by themselves: no BPU part (the rise would not be the city's cost); with the staff's wage at
    the top of its range too, no note at all, and no sentence on its sources."""
    scenario = load_scenario("madiun-2025", ["segments.vulnerable.payer=SELF"])
    risks = premium_risks(scenario, funding(scenario))
    assert risks["bpu_jkm_rise"] is None and risks["pu_wage"] is not None
    (para,) = _blocks(scenario, "en")
    assert para.text.startswith(TEXT["premium_risk_lead"]["en"]) and "JKM" not in para.text
    scenario = load_scenario("madiun-2025", ["segments.vulnerable.payer=SELF", "segments.non_asn.wage.value=2422105"])
    assert _blocks(scenario) == [] and _blocks(scenario, "en") == []
