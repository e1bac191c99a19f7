"""Money that passes its check but is implausibly small for its unit draws a one-line warning (file, key, value, why)
on stderr from ``sim validate`` and ``sim run``, before any work; the exit status stays 0 and the outputs are written.

The case: a planner copies Kota Madiun's Rp4 bn from a budget table "dalam ribuan rupiah" as 4000000. That is above
the Rp1,000,000 floor below which an amount is refused (tests/test_bad_input.py), yet buys 19 members a year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cli_checks import run_cli
from sim.regulation import load_regulation
from sim.scenario import SCENARIO_DIR
from sim.scenario_schema import LOWEST_WAGE, SMALLEST_PROGRAMME_BUDGET

IN_THOUSANDS = 'value = 4000000, unit = "IDR per year", source = "APBD table, dalam ribuan rupiah", basis = "data"'


def variant(folder, base: str, table: str, key: str, name: str = "ribuan.toml", base_path=None):
    """A scenario file in ``folder`` building on ``base`` (shipped, or ``base_path``) whose [table] sets ``key`` to
    Rp4,000,000 a year (IN_THOUSANDS); ``table`` None for a file that sets nothing of its own."""
    path = folder / name
    text = f'[scenario]\nid = "{path.stem}"\nbase = "{base_path or SCENARIO_DIR / base}"\n'
    if table:
        text += f"\n[{table}]\n{key} = {{ {IN_THOUSANDS} }}\n"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_apbd_budget_in_thousands_warns_and_validates(tmp_path, capsys):
    path = variant(tmp_path, "madiun-2026-ucj", "funding", "apbd_budget")
    code, out, err = run_cli(["validate", path], capsys)
    assert code == 0 and out.startswith(f"OK {path}: ribuan, 4 segment(s)")
    assert err.count("\n") == 1, err
    assert err.startswith(f"warning: {path}: funding.apbd_budget: Rp4,000,000 a year pays the Rp16,800 monthly "
                          "premium of 19 members, fewer than the 423 of the smallest city programme reported")
    assert "dalam ribuan rupiah" in err and err.endswith("write it in rupiah, e.g. 4000000000\n")


def test_run_warns_before_simulating_and_still_writes_its_output(tmp_path, capsys):
    path = variant(tmp_path, "madiun-2023", "budget", "annual_budget")
    code, out, err = run_cli(["run", path, "--trials", "200", "--no-trials-table", "--out", tmp_path / "out"], capsys)
    assert code == 0, err
    first, rest = err.split("\n", 1)
    assert first.startswith(f"warning: {path}: budget.annual_budget: Rp4,000,000 a year pays")
    assert "simulated 200 / 200 trials" in rest and "warning" not in rest  # said once, before the simulation
    assert (tmp_path / "out" / "summary.json").is_file() and "Stated budget Rp4.0 m" in out


def test_an_inherited_amount_is_blamed_on_the_file_that_set_it(tmp_path, capsys):
    base = variant(tmp_path, "madiun-2026-ucj", "funding", "apbd_budget", name="base.toml")
    child = variant(tmp_path, "", None, "", name="child.toml", base_path=base)
    code, out, err = run_cli(["validate", child], capsys)
    assert code == 0 and err.startswith(f"warning: {base}: funding.apbd_budget: Rp4,000,000 a year"), err


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_no_shipped_scenario_warns(path, capsys):
    code, out, err = run_cli(["validate", path], capsys)
    assert (code, err) == (0, "") and out.startswith("OK ")


@pytest.mark.parametrize("scenario, key, threshold", [
    ("jambi-2025", "budget.annual_budget", SMALLEST_PROGRAMME_BUDGET),
    ("madiun-2026-ucj", "funding.apbd_budget", SMALLEST_PROGRAMME_BUDGET),
    ("madiun-2026-ucj-csr", "funding.dbh_cht_budget", SMALLEST_PROGRAMME_BUDGET),
    ("madiun-2025-prior", "segments.non_asn.wage", LOWEST_WAGE),  # a PU wage (a BPU one below it is refused)
])
def test_an_amount_at_its_threshold_does_not_warn_and_one_rupiah_less_does(scenario, key, threshold, capsys):
    code, out, err = run_cli(["validate", scenario, "--set", f"{key}={threshold}"], capsys)
    assert (code, err) == (0, "")
    code, out, err = run_cli(["validate", scenario, "--set", f"{key}={threshold - 1}"], capsys)
    assert code == 0 and out.startswith("OK ")
    assert err.count("\n") == 1 and err.startswith(f"warning: --set: {key}: Rp{threshold - 1:,} a "), err


def test_only_the_years_below_the_threshold_are_named(capsys):
    years = "[[2026, 4000000000], [2027, 4000000], [2028, 4000000000], [2029, 4000000000], [2030, 3500000]]"
    code, out, err = run_cli(["validate", "madiun-2026-ucj", "--set", f"funding.apbd_budget={years}"], capsys)
    assert code == 0
    assert err.startswith("warning: --set: funding.apbd_budget: Rp4,000,000 in 2027, Rp3,500,000 in 2030: each pays "
                          "at most the Rp16,800 monthly premium of 19 members"), err


def test_the_thresholds_are_the_domain_figures_they_name():
    """Rp16,800 a month for a year for Kota Pekalongan's 423 members of 2022; the lowest BPU income band."""
    assert SMALLEST_PROGRAMME_BUDGET == 423 * 16_800 * 12 == 85_276_800
    band = load_regulation().rules["premium.bpu_lowest_income_band"].at(dt.date(2025, 1, 1)).value
    assert LOWEST_WAGE == band == 1_000_000


def test_a_small_csr_pledge_does_not_warn(capsys):
    """A firm may fund a handful of workers (GN Lingkaran, Rp16,800 per worker; DOMAIN.md s.7): Rp2,016,000 a year for
    ten workers is a pledge as written, not a budget typed in thousands."""
    code, out, err = run_cli(["validate", "madiun-2026-ucj-csr", "--set", "funding.csr.companies.amount=2016000"],
                             capsys)
    assert (code, err) == (0, "") and out.startswith("OK ")


# --- notebooks: they load through sim.scenario.load_warned (load_scenarios for notebook 04) ------------------------


def test_a_notebooks_scenario_loading_prints_an_amount_in_thousands_and_a_shipped_scenario_nothing(capsys):
    """The notebooks' loaders print the command line's warning line on stderr (shown in the cell's output in
    JupyterLab, kept by papermill); with the shipped figures they print nothing."""
    from sim.scenario import load_scenarios, load_warned

    scenario = load_warned("jambi-2025", ["budget.annual_budget=4000000"])
    out, err = capsys.readouterr()
    assert scenario.id == "jambi-2025" and out == "" and err.count("\n") == 1, err
    assert err.startswith("warning: --set: budget.annual_budget: Rp4,000,000 a year pays"), err
    load_scenarios(["jambi-2025", "madiun-2023"], ["budget.annual_budget=4000000", "scenario.trials=200"])
    err = capsys.readouterr().err
    assert err.count("warning: --set: budget.annual_budget: Rp4,000,000 a year") == 2, err
    for name in ("jambi-2025", "madiun-2023", "madiun-2025", "madiun-2026-ucj-csr"):
        load_warned(name)
    load_scenarios(["madiun-2023", "madiun-2025"], ["scenario.trials=200"])
    assert capsys.readouterr() == ("", "")


def test_an_executed_notebook_keeps_the_warning_in_its_cells_output(tmp_path, capfd):
    """Notebook 05 (closed form, quick) run by ``sim notebook`` (papermill) on a file with its budget in thousands:
    the executed notebook holds the warning line as the loading cell's stderr output."""
    import nbformat

    path = variant(tmp_path, "madiun-2023", "budget", "annual_budget")
    out = tmp_path / "what-if.ipynb"
    code, printed, err = run_cli(["notebook", "05", "-p", "scenario_id", str(path), "--out", out], capfd)
    assert code == 0, err
    streams = [o for cell in nbformat.read(out, as_version=4).cells if cell.cell_type == "code"
               for o in cell.get("outputs", []) if o.output_type == "stream"]
    warned = [o for o in streams if "warning: " in o.text]
    assert len(warned) == 1 and warned[0].name == "stderr", streams
    assert warned[0].text.startswith(f"warning: {path}: budget.annual_budget: Rp4,000,000 a year pays"), warned
