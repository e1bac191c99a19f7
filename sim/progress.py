"""Progress on long work: simulated trials and named report steps, in the terminal or in a notebook.

A progress callback is ``progress(done, total)`` (what :func:`sim.forecast.forecast` calls after each chunk); a
step callback is ``step(number, total, name)`` (what :func:`sim.report.build` calls before each step). Both write
to stderr in the terminal so that stdout keeps only results.
"""

from __future__ import annotations

import sys

from .i18n import Language


def trials(done: int, total: int) -> None:
    """Terminal trial progress on one line, ended when the last chunk is done."""
    print(f"\r  simulated {done:,} / {total:,} trials", end="" if done < total else "\n", file=sys.stderr, flush=True)


def step(number: int, total: int, name: str) -> None:
    """A report step named as it starts: ``[2/7] sensitivity``."""
    print(f"[{number}/{total}] {name}", file=sys.stderr, flush=True)


def notebook(description: str | None = None, language: Language | None = None):
    """A progress callback that draws a bar in a Jupyter notebook (ipywidgets), or prints a line without it. The bar
    is named ``description``, else "simulasi"/"trials" in ``language`` (English without it), and counts in it: an
    Indonesian notebook's bar read "trials" and "2,000 / 2,000"."""
    language = language or Language("en")
    description = language("progress_trials") if description is None else description
    try:
        import ipywidgets
        from IPython.display import display
    except ImportError:
        return trials
    bar = ipywidgets.IntProgress(min=0, max=1, description=description)
    label = ipywidgets.Label("")
    box = ipywidgets.HBox([bar, label])
    shown = []

    def update(done: int, total: int) -> None:
        if not shown:
            display(box)
            shown.append(True)
        bar.max, bar.value = total, done
        label.value = f"{language.count(done)} / {language.count(total)}"

    return update
