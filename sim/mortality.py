"""Mortality tables: annual death probabilities qx by age and sex, and their monthly equivalent.

TMI IV (Tabel Mortalita Indonesia IV, 2019) is the Indonesian life-insurance industry's insured-lives table; the
file ``data/tmi4_qx.csv`` carries its citation. Covered vulnerable workers die more often than insured lives, so
scenarios multiply qx by a load factor (an assumption or a calibrated parameter).
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

TABLE_FILES = {"TMI-IV-2019": "tmi4_qx.csv"}
MAX_AGE = 111  # last age in TMI IV


@lru_cache(maxsize=None)
def annual_qx(table: str) -> np.ndarray:
    """qx as an array of shape (2, MAX_AGE + 1): row 0 male, row 1 female, column = age last birthday."""
    text = resources.files("sim").joinpath("data").joinpath(TABLE_FILES[table]).read_text(encoding="utf-8")
    frame = pd.read_csv(io.StringIO(text), comment="#")
    frame = frame.set_index("age").reindex(range(MAX_AGE + 1))
    if frame.isna().any().any():
        raise ValueError(f"mortality table {table} has missing ages")
    qx = np.vstack([frame["qx_male"].to_numpy(), frame["qx_female"].to_numpy()])
    qx.setflags(write=False)
    return qx


def monthly_q(table: str, sex, age, load) -> np.ndarray:
    """Monthly death probability 1 - (1 - load * qx)^(1/12), with load * qx capped at 1.

    Assumption: the force of mortality is constant within a year of age (so the monthly rate is the twelfth root).
    """
    qx = annual_qx(table)[np.asarray(sex), np.minimum(np.asarray(age), MAX_AGE)]
    return 1.0 - (1.0 - np.minimum(qx * load, 1.0)) ** (1.0 / 12.0)
