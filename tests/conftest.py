import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def long_integers():
    """Integers of any length read and shown, as ``sim.cli.main`` and a notebook's kernel (sim/notebook.py) allow
    them (Python stops at 4,300 digits); the limit is put back afterwards."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    yield
    sys.set_int_max_str_digits(limit)


@pytest.fixture(scope="module")
def pekalongan():
    """pekalongan-2023: three years from January 2023, so that the report's tornado measures 2025, its last full
    year, too."""
    from sim.scenario import load_scenario

    return load_scenario("pekalongan-2023")


@pytest.fixture(scope="module")
def pekalongan_tornado(pekalongan):
    """The report's tornado of pekalongan-2023 (sim.sensitivity.tornado: base, swings, rule), once per module."""
    from sim.sensitivity import tornado

    return tornado(pekalongan)
