"""What a city budget reviewer asks of a planning report without CSR pledges (pekalongan-2023-expansion: APBD only,
a budget below the quota path's need from 2024): how sure the APBD needed is, where the chart shows it beside the
budget, and what the programme abbreviations stand for."""

from __future__ import annotations

import pytest

from sim.i18n import Language
from sim.report import build
from sim.scenario import load_scenario
from test_report import check_figures
from test_report_planning import one_commit, section_text  # noqa: F401 (one_commit: autouse)

AUTOUSE = (one_commit,)  # imported for its autouse (one commit for the report folders); pyflakes ignores noqa
PEKALONGAN = "pekalongan-2023-expansion"
TRIALS = 300


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    scenario = load_scenario(PEKALONGAN, [f"scenario.trials={TRIALS}"])
    root = tmp_path_factory.mktemp("reports")
    return {code: build(scenario, code, root / code) for code in ("id", "en")}


@pytest.mark.parametrize("code, says", [
    ("id", "Angka ini sama di setiap simulasi: jumlah peserta diproyeksikan satu kali dan dipakai oleh semua "
           "simulasi, dan tidak ada komitmen CSR"),
    ("en", "This figure is the same in every simulation: the members are projected once and used by every "
           "simulation, and no CSR pledge")])
def test_the_apbd_needed_without_pledges_says_how_sure_it_is(reports, code, says):
    """With pledges the summary says the APBD needed suffices "with a probability of at least 90 %"; without them it
    said nothing of its certainty, the planner's second question. It says the figure has no simulation range and
    that its uncertainty lies in the membership projection's assumptions, which the claims' sensitivity omits."""
    report = reports[code]
    assert report.extra["planning"]["budget_needed"]["pledges"] == 0
    check_figures(report.folder)
    text = section_text(report.folder, "summary")
    assert says in text
    assert {"id": "alur pendaftaran dan peserta keluar", "en": "enrolment and members leaving"}[code] in text
    assert {"id": "cukup dengan peluang", "en": "suffices with a probability"}[code] not in text
