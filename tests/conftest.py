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
