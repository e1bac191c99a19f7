"""Notebooks stay reviewable and thin, and all of them run.

Convention (checked here): every notebook is a jupytext percent-format ``.py`` file in ``notebooks/`` (no
``.ipynb`` with outputs in git), with exactly one cell tagged ``parameters`` (papermill), and it defines nothing:
no functions, classes or lambdas; model code lives in ``sim/``. Its prose is in English and Indonesian: each English
markdown cell (tagged ``lang-en``) is followed by its Indonesian twin (``lang-id``), under one note at the top
(``lang-note``). Every notebook is executed with small trial counts.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
FILES = sorted(NOTEBOOKS.glob("*.py"))
ALLOWED_IMPORTS = {"sim", "pandas", "numpy", "ipywidgets", "IPython", "math", "datetime", "pathlib", "json"}
SMALL = {  # papermill parameters that keep each run to seconds
    "01_scenario_overview": {"trials": 300},
    "02_calibration_backtest": {"variance_trials": 300, "forecast_trials": 300},
    "03_expansion_budget": {},
    "04_scenario_comparison": {"trials": 300, "scenario_ids": ["madiun-2023", "madiun-2023-target"]},
    "05_what_if": {"members": 20_000, "csr_share": 0.25, "mortality_factor": 1.2},
}

SIMULATES = {"01_scenario_overview", "04_scenario_comparison"}  # the notebooks that simulate trials


def _cells(text: str) -> list[tuple[str, str]]:
    """(header line, body) of each ``# %%`` cell."""
    parts = re.split(r"^(# %%.*)$", text, flags=re.M)
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def test_every_english_text_has_one_indonesian_twin_right_after_it():
    """Every markdown cell is in one language, tagged ``lang-en`` or ``lang-id``, and each English cell is followed
    by its Indonesian twin and each Indonesian cell follows its English one, so ``python -m sim notebook`` keeps the
    whole story in either language; the one exception is the note at the top saying so (``lang-note``). A twin
    is not the English left as it was, and keeps the commands, parameters, files and code names of its English cell
    as written (a word of a table, such as ``check``, is the table's Indonesian word in the twin)."""
    jupytext = pytest.importorskip("jupytext")
    for path in FILES:
        cells = jupytext.read(path).cells
        tags = [[t for t in c.metadata.get("tags", []) if t.startswith("lang-")] for c in cells]
        assert tags[0] == ["lang-note"] and cells[0].cell_type == "markdown", f"{path.name}: no note at the top"
        parameters = next(c.source for c in cells if "parameters" in c.metadata.get("tags", []))
        names = {t.id for node in ast.parse(parameters).body if isinstance(node, ast.Assign) for t in node.targets}
        for i, (cell, tag) in enumerate(zip(cells, tags)):
            where = f"{path.name}, cell {i + 1}: {cell.source.splitlines()[0] if cell.source else ''}"
            if cell.cell_type != "markdown":
                assert not tag, f"{where}: a code cell tagged {tag}"
                continue
            assert len(tag) == 1 and tag[0] in ("lang-en", "lang-id", "lang-note"), f"{where}: tagged {tag}"
            if tag == ["lang-note"]:
                assert i == 0, f"{where}: a second note"
            elif tag == ["lang-en"]:
                assert i + 1 < len(cells) and tags[i + 1] == ["lang-id"], f"{where}: no Indonesian twin after it"
                twin = cells[i + 1].source
                assert twin != cell.source, f"{where}: the twin is the English text"
                kept = {s for s in re.findall(r"`([^`]+)`", cell.source) if s in names or re.search(r"[ _./\[]", s)}
                assert {s for s in kept if f"`{s}`" not in twin} == set(), f"{where}: the twin lacks these"
            else:
                assert tags[i - 1] == ["lang-en"], f"{where}: an Indonesian text without its English one before it"


def test_notebooks_follow_the_convention():
    assert {p.stem for p in FILES} == set(SMALL), "every notebook needs small test parameters here"
    assert not list(NOTEBOOKS.glob("*.ipynb")), "commit the jupytext .py file, not an .ipynb"
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert "format_name: percent" in text.split("# ---", 2)[1], f"{path.name}: not jupytext percent format"
        cells = _cells(text)
        tagged = [h for h, _ in cells if "parameters" in h]
        assert len(tagged) == 1 and 'tags=["parameters"]' in tagged[0], f"{path.name}: needs one parameters cell"
        code = "\n".join(body for head, body in cells if "[markdown]" not in head)
        tree = ast.parse(code)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), (
                f"{path.name}: defines {type(node).__name__} at line {node.lineno}; put it in sim/")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    assert name.split(".")[0] in ALLOWED_IMPORTS, f"{path.name}: imports {name}"
        assert "from sim" in code or "import sim" in code, f"{path.name}: does not call sim/"


def test_a_notebook_keeps_no_name_it_does_not_use():
    """A name a code cell binds (an assignment, an import) is read by a later line: notebook 05 kept
    ``language = Language(lang)`` after its sliders' texts moved into sim.coverage, a line a reader looks for a use
    of. The parameters are papermill's and are not checked."""
    for path in FILES:
        cells = _cells(path.read_text(encoding="utf-8"))
        code = "\n".join(body for head, body in cells if "[markdown]" not in head and "parameters" not in head)
        tree = ast.parse(code)
        bound = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bound.setdefault(node.id, node.lineno)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    bound.setdefault((alias.asname or alias.name).split(".")[0], node.lineno)
        read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        read |= {n.value.id for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
        unused = sorted(name for name in bound if name not in read)
        assert not unused, f"{path.name}: binds {unused} and never reads them"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_notebook_runs(path, tmp_path):
    jupytext = pytest.importorskip("jupytext")
    papermill = pytest.importorskip("papermill")
    notebook = jupytext.read(path)
    source = tmp_path / f"{path.stem}.ipynb"
    jupytext.write(notebook, source)
    out = tmp_path / f"{path.stem}.out.ipynb"
    papermill.execute_notebook(str(source), str(out), parameters=SMALL[path.stem], kernel_name="python3",
                               cwd=str(NOTEBOOKS), progress_bar=False, log_output=False, execution_timeout=300)
    import nbformat

    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    shown = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert shown, "the notebook showed nothing"
    if path.stem in SIMULATES:  # trial progress shows as a bar (sim.progress.notebook)
        assert any("IntProgress(" in o.get("data", {}).get("text/plain", "") for o in shown), "no progress bar"
    # What a planner reads is formatted (sim.report's tables): no raw keys such as annual_premium_idr, no 1.008000e+09.
    text = "\n".join(o.get("text", "") if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
                      for o in shown)
    assert not re.findall(r"\w+_idr\b|\d\.\d+e[+-]\d\d", text), re.findall(r".*(?:_idr\b|\de[+-]\d\d).*", text)[:5]
    if path.stem == "03_expansion_budget":
        _shows_what_the_budget_buys(executed)
    if path.stem == "04_scenario_comparison":
        _shows_labels_whole(executed)


def _shows_labels_whole(executed) -> None:
    """Notebook 04's labels ran past pandas' 50 characters and were cut mid-word ("Klaim (rata-rata simulasi),
    seluruh periode pro..."): the HTML table JupyterLab shows has every label whole."""
    from sim.i18n import Language

    language = Language("id")
    html = "\n".join(o.get("data", {}).get("text/html", "") for c in executed.cells if c.cell_type == "code"
                     for o in c.get("outputs", []))
    label = f"{language('col_claims_mean')}, {language('cmp_horizon')}"
    assert len(label) > 50 and f"<th>{label}</th>" in html
    assert "...</th>" not in html and "...</td>" not in html


def _shows_what_the_budget_buys(executed) -> None:
    """Notebook 03's section after the plan by year shows sim plan's largest coverage and CSR gap for its plan
    (``plan_scenario_id``, madiun-2026-ucj-csr, in the notebook's Indonesian), as sim.budget answers them at 90 %."""
    from sim import budget
    from sim.i18n import Language
    from sim.scenario import load_scenario

    cells = [c for c in executed.cells if c.cell_type == "code" and "report.coverage_table(" in c.source]
    assert len(cells) == 1
    shown = "\n".join(o.get("data", {}).get("text/html", "") for o in cells[0].outputs)
    language, scenario = Language("id"), load_scenario("madiun-2026-ucj-csr")

    def row(label: str, value: str) -> bool:  # the HTML table JupyterLab shows (a label's indent is not kept there)
        return re.search(rf"<th>{re.escape(label.strip())}</th>\s*<td>{re.escape(value)}</td>", shown) is not None

    coverage = budget.largest_coverage(scenario, 0.9)
    assert row(language("nb_coverage"), language("nb_coverage_scale", share=language.percent(coverage["scale"], 1)))
    assert row(language("nb_coverage_limit"), language("nb_limit_money"))
    last = coverage["members_year_end"][-1]["year"]
    members = sum(r["members"] for r in coverage["members_year_end"] if r["year"] == last)
    assert row(language("nb_coverage_members", year=last), language.count(members))
    gap = budget.csr_gap(scenario, 0.9)
    assert all(row(language("nb_gap", year=r["year"]), language.money(r["csr_idr"])) for r in gap["years"])
    ucj = gap["ucj_with_gap_closed"][-1]
    assert row(language("nb_gap_ucj", year=ucj["year"], confidence="90%"), language.percent(ucj["ucj"], 1))


@pytest.mark.parametrize("stem, parameters, message", [
    ("01_scenario_overview", {"scenario_id": "madiun-2099", "trials": 300},
     "error: madiun-2099: no such scenario file"),
    ("05_what_if", {"budget_idr": -1_000_000_000}, "error: what-if for madiun-2025: budget_idr: must be 0 or more"),
])
def test_a_wrong_parameter_shows_one_line_not_a_traceback(stem, parameters, message, tmp_path):
    """A planner's wrong parameter (an unknown scenario id, a negative budget) shows the command line's one-line
    error in the notebook, not a traceback through sim/."""
    jupytext = pytest.importorskip("jupytext")
    papermill = pytest.importorskip("papermill")
    import nbformat

    source = tmp_path / f"{stem}.ipynb"
    jupytext.write(jupytext.read(NOTEBOOKS / f"{stem}.py"), source)
    out = tmp_path / f"{stem}.out.ipynb"
    with pytest.raises(papermill.PapermillExecutionError):
        papermill.execute_notebook(str(source), str(out), parameters=parameters, kernel_name="python3",
                                   cwd=str(NOTEBOOKS), progress_bar=False, log_output=False, execution_timeout=300)
    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(errors) == 1
    assert len(errors[0].traceback) == 1 and errors[0].traceback[0].startswith(message), errors[0].traceback


@pytest.mark.parametrize("stem, line, message", [
    ("01_scenario_overview", 'trials = "abc"', "trials: must be a number, got 'abc'"),
    ("04_scenario_comparison", "trials = -5", "trials: must be >= 1, got -5"),
    ("02_calibration_backtest", "forecast_trials = 0", "forecast_trials: must be >= 1, got 0"),
])
def test_a_wrong_number_of_trials_typed_into_the_parameters_cell_is_named_as_typed(stem, line, message, tmp_path):
    """A planner in JupyterLab who types a wrong number of trials into the parameters cell sees one line naming that
    parameter: the notebooks pass it on as ``scenario.trials=...``, and the line named a --set never typed."""
    jupytext = pytest.importorskip("jupytext")
    papermill = pytest.importorskip("papermill")
    import nbformat

    notebook = jupytext.read(NOTEBOOKS / f"{stem}.py")
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    name = line.split(" = ")[0]
    cell.source = re.sub(rf"^{name} = .*$", line, cell.source, count=1, flags=re.M)
    assert line in cell.source
    source, out = tmp_path / f"{stem}.ipynb", tmp_path / f"{stem}.out.ipynb"
    jupytext.write(notebook, source)
    with pytest.raises(papermill.PapermillExecutionError):
        papermill.execute_notebook(str(source), str(out), kernel_name="python3", cwd=str(NOTEBOOKS),
                                   progress_bar=False, log_output=False, execution_timeout=300)
    errors = [o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert [e.traceback for e in errors] == [[f"error: the notebook's parameters cell: {message}"]]


def test_the_budget_chart_is_the_report_s_for_a_horizon_under_twelve_months(tmp_path):
    """Notebook 03's chart of premium and expected claims against members is the report's picture, byte for byte,
    for a scenario of 6 months: its claims line is "expected claims, 6 months" as in the report, not 12."""
    import base64
    import html as html_lib

    pytest.importorskip("jupytext"), pytest.importorskip("papermill")  # before the report is built
    from sim.i18n import Language
    from sim.report import build
    from sim.scenario import load_scenario

    scenario_file = tmp_path / "six-months.toml"
    scenario_file.write_text('[scenario]\nid = "six-months"\nbase = "madiun-2023"\nhorizon_months = 6\n',
                             encoding="utf-8")
    report = build(load_scenario(scenario_file, ["scenario.trials=200"]), "id", tmp_path / "reports")
    assert report.extra["budget_year"]["months"] == 6
    page = (report.folder / "report.html").read_text(encoding="utf-8")
    opening = Language("id")("alt_coverage").split("{")[0]
    [reported] = [base64.b64decode(src) for alt, src in re.findall(r'<img alt="([^"]*)" src="data:image/png;base64,'
                                                                    r'([^"]+)"', page)
                  if html_lib.unescape(alt).startswith(opening)]

    assert _notebook_03_chart(tmp_path, str(scenario_file)) == reported


def test_the_budget_chart_draws_a_plan_s_apbd_budget(tmp_path):
    """For a scenario whose APBD budget is its enrolment plan's ([funding]; [budget] annual_budget unused), notebook
    03's chart draws that budget's first year, as its first table gives it, named as the plan's: it drew no budget
    line at all, and a planner saw premium and claims with nothing to set them against."""
    import pandas as pd

    from sim import charts, coverage, report
    from sim.i18n import Language
    from sim.scenario import load_scenario

    scenario = load_scenario("pekalongan-2023-expansion")
    budget, plan_year = report.apbd_budget(scenario)
    assert plan_year == 2023 and budget == scenario.planning.funding.apbd.at(2023) and budget > 0
    year = coverage.twelve_months(scenario)
    lang = Language("id")
    fig = charts.budget_coverage(pd.DataFrame(coverage.coverage_curve(scenario)), year["members"], lang, budget,
                                 scenario.target_members, None, months=year["months"], plan_year=plan_year)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert lang("chart_budget_plan", year=2023) in legend
    expected = charts.png(fig)

    assert _notebook_03_chart(tmp_path, scenario.id) == expected


def _notebook_03_chart(tmp_path, scenario_id: str) -> bytes:
    """The PNG of notebook 03's budget chart, run in Indonesian on ``scenario_id`` (an id or a file)."""
    import base64

    jupytext = pytest.importorskip("jupytext")
    papermill = pytest.importorskip("papermill")
    import nbformat

    source, out = tmp_path / "03.ipynb", tmp_path / "03.out.ipynb"
    jupytext.write(jupytext.read(NOTEBOOKS / "03_expansion_budget.py"), source)
    papermill.execute_notebook(str(source), str(out), parameters={"scenario_id": scenario_id, "lang": "id"},
                               kernel_name="python3", cwd=str(NOTEBOOKS), progress_bar=False, log_output=False,
                               execution_timeout=300)
    [cell] = [c for c in nbformat.read(out, as_version=4).cells
              if c.cell_type == "code" and "charts.budget_coverage(" in c.source]
    [drawn] = [base64.b64decode(o["data"]["image/png"]) for o in cell.outputs if "image/png" in o.get("data", {})]
    return drawn
