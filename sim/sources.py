"""The sources a scenario and the benefit rules cite, so that a reader can look them up.

Scenario and rule files cite news articles as ``seed 001`` (the files in ``../shared/seeds/``, named ``001_...``) and
the project's domain reference as ``DOMAIN.md s.5`` (``../shared/domain/DOMAIN.md``, section 5). Neither is
something a reader of a report can find by that name, so ``sim/data/sources.csv`` lists each with its publisher,
date (only when the article states it), headline or subject and file, and DOMAIN.md with its sections;
``sim/data/domain_sources.csv`` lists the public sources (regulations, BPJS and government figures, articles) each
section rests on, so that a citation of a section resolves without ``../shared``. :func:`cited_sources` finds the
ones a scenario and the rules in force cite and returns them for the report.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources

DOMAIN = "DOMAIN.md"
# What separates two numbers a citation lists, as Language.join writes a list in either language ("000, 001 and
# 002", "000, 001, dan 002"): the comma before the last word first, or ", " would end the list before "dan 002".
LIST = r", dan |, and |, | and | dan "
# "seed 001", "seeds 000, 001", "seeds 000 and 002", "seeds 000, 001 and 002", "seeds 000-004";
# "seeds/001_6389829a22a7e3ec.txt"; and as the Indonesian texts (source_id) cite them, "berita 001", "berita 000,
# 001", "berita 000 dan 002", "berita 000, 001, dan 002"
SEED = re.compile(rf"\b(?:seeds?|berita) (\d{{3}}(?:(?:{LIST}|-|–)\d{{3}})*)\b|\bseeds/(\d{{3}})_")
# "DOMAIN.md s.5", "DOMAIN.md s.5-6", "DOMAIN.md s.3, s.5", "DOMAIN.md sections 3 and 4", "DOMAIN.md" alone; and in
# Indonesian, "DOMAIN.md bag. 5", "DOMAIN.md bag. 3, bag. 5"
DOMAIN_CITE = re.compile(r"\bDOMAIN\.md(?: (?:s\.|bag\. |sections? )"
                         rf"(\d+(?:(?:-|–|, s\.|, bag\. |{LIST})\d+)*))?")


def _rows(name: str) -> list:
    """The rows of ``sim/data/<name>``, its ``#`` comment lines left out."""
    text = resources.files("sim").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines))))


@lru_cache(maxsize=1)
def load_sources() -> dict:
    """``sim/data/sources.csv`` by id (``000`` ... ``004``, ``DOMAIN.md``); ``sections`` and ``sections_id`` parsed
    to {number: title}."""
    return {row["id"]: {**row, "sections": _titles(row["sections"]), "sections_id": _titles(row["sections_id"])}
            for row in _rows("sources.csv")}


@lru_cache(maxsize=1)
def load_domain_sources() -> dict:
    """``sim/data/domain_sources.csv`` by DOMAIN.md section: {3: [{"source", "source_id", "backs", "backs_id"},
    ...]}, the public sources each section rests on, in the file's order."""
    out: dict = {}
    for row in _rows("domain_sources.csv"):
        out.setdefault(int(row.pop("section")), []).append(row)
    return out


def _titles(text: str) -> dict:
    """``1 The programme; 2 What ...`` -> {1: "The programme", 2: "What ..."}."""
    titles = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        number, _, title = part.partition(" ")
        titles[int(number)] = title
    return titles


def _numbers(text: str) -> list:
    """``001, 003-004`` -> [1, 3, 4]: each number, and every number a range spans."""
    out = []
    for part in re.split(rf", s\.|, bag\. |{LIST}", text):
        ends = re.split(r"[-–]", part)
        out.extend(range(int(ends[0]), int(ends[-1]) + 1))
    return out


def citations(texts) -> dict:
    """The sources cited in ``texts``: {``"001"``: set(), ``"DOMAIN.md"``: {3, 5}} (DOMAIN.md's cited sections)."""
    found: dict = {}
    for text in texts:
        for m in SEED.finditer(text):
            for n in (_numbers(m[1]) if m[1] else [int(m[2])]):
                found.setdefault(f"{n:03d}", set())
        for m in DOMAIN_CITE.finditer(text):
            # Only numbers that are sections of DOMAIN.md: "DOMAIN.md s.5, 2019 survey" cites section 5 alone.
            sections = load_sources().get(DOMAIN, {}).get("sections", {})
            found.setdefault(DOMAIN, set()).update(n for n in (_numbers(m[1]) if m[1] else []) if n in sections)
    return found


def strings(node) -> list:
    """Every string in a nested document (tables, lists, values)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, (list, tuple)):
        return [s for v in node for s in strings(v)]
    return []


def cited_sources(texts) -> list:
    """The sources cited in ``texts`` for report.json, articles by id then DOMAIN.md: each row of sources.csv with
    ``cited`` (how to find it: ``seed 001``, ``DOMAIN.md s.3, s.5``; ``cited_id`` as the Indonesian texts cite it:
    ``berita 001``, ``DOMAIN.md bag. 3, bag. 5``) and, for DOMAIN.md, the cited ``sections`` with their titles
    (``title`` as DOMAIN.md heads them, ``title_id`` in Indonesian) and ``public``, the public sources each rests
    on (its rows of domain_sources.csv). A citation sources.csv does not list is kept with ``known`` false, so a
    report never drops one silently."""
    known = load_sources()
    found = citations(texts)
    out = []
    for source_id in sorted(found, key=lambda k: (k == DOMAIN, k)):
        numbers = sorted(found[source_id])
        if source_id == DOMAIN:
            cited = DOMAIN + (" " + ", ".join(f"s.{n}" for n in numbers) if numbers else "")
            cited_id = DOMAIN + (" " + ", ".join(f"bag. {n}" for n in numbers) if numbers else "")
        else:
            cited, cited_id = f"seed {source_id}", f"berita {source_id}"
        row = known.get(source_id)
        if row is None:
            out.append({"id": source_id, "cited": cited, "cited_id": cited_id, "known": False})
            continue
        entry = {k: v for k, v in row.items() if k not in ("sections", "sections_id")}
        entry.update(cited=cited, cited_id=cited_id, known=True)
        if source_id == DOMAIN:
            public = load_domain_sources()
            entry["sections"] = [{"number": n, "title": row["sections"].get(n, ""),
                                  "title_id": row["sections_id"].get(n, ""),
                                  "public": [dict(r) for r in public.get(n, [])]}
                                 for n in numbers]
        out.append(entry)
    return out
