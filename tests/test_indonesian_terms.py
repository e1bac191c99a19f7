"""One name per thing in the Indonesian report: every Indonesian text of sim/report_text.py (and the Indonesian
sources of the shipped scenarios) uses the regulation's term for a benefit, so a reader never wonders whether "cacat
total" and "cacat total tetap" are two benefits (Indonesian review, session 44). PP 44/2015 names the benefits
"cacat total tetap" and "sementara tidak mampu bekerja (STMB)"."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim import report_text

ROOT = Path(__file__).resolve().parent.parent


def _indonesian(value, where=""):
    """Every Indonesian string under ``value`` (a text table's entry: {"id": ..., "en": ...}, possibly nested)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" and isinstance(item, str):
                yield where, item
            elif key != "en":
                yield from _indonesian(item, f"{where}.{key}")


def _all_texts():
    tables = {name: getattr(report_text, name) for name in dir(report_text)
              if name.isupper() and isinstance(getattr(report_text, name), dict)}
    texts = [(f"{name}{where}", text) for name, table in tables.items() for where, text in _indonesian(table)]
    for path in sorted((ROOT / "scenarios").rglob("*.toml")):
        texts += [(path.name, m) for m in re.findall(r'source_id = "([^"]*)"', path.read_text(encoding="utf-8"))]
    return texts


TEXTS = _all_texts()


def test_the_texts_are_found():
    assert len(TEXTS) > 1000 and any("iuran" in text for _, text in TEXTS)


@pytest.mark.parametrize("wrong, right", [
    (r"cacat total(?! tetap)", "cacat total tetap"),
    (r"tidak mampu bekerja sementara", "sementara tidak mampu bekerja"),
    (r"[Kk]ematian karena kecelakaan kerja", "kematian akibat kecelakaan kerja"),
    (r"kasus JKK meninggal", "kasus JKK yang berakibat kematian"),
    (r"\bpremi\b", "iuran"),
])
def test_one_term_per_benefit(wrong, right):
    found = [(where, text) for where, text in TEXTS if re.search(wrong, text, flags=re.IGNORECASE)]
    assert not found, f"{wrong!r} where the report says {right!r}: {found[:3]}"
