"""The national scenario: every city and regency of Indonesia (514) as one segment each, with SYNTHETIC populations.

Why synthetic: per-regency population figures were not available offline, so each province's public 2020 census
total (``data/provinces.csv``, with its source) is split over that province's real number of regencies and cities
with lognormal weights from a fixed seed. The national and provincial totals are real; no single regency's
figure is. Segment names (``p35-kota-03``: province code 35, the 3rd of its cities) and titles say "synthetic" so
nobody mistakes a segment for a real place.

Assumptions, named here and in the generated file's header:

- ``SIZE_SIGMA``: spread of regency sizes within a province (lognormal sigma of the weights, plausible 0.4-1.0;
  real regencies run from about 20 thousand to about 6 million people).
- ``COVERED_SHARE``: the city or regency funds JKK-JKM for vulnerable workers equal to this share of its
  population (plausible 1-6 %); 3.5 % is the national BPU membership, 9.58 m in Feb 2025 (DOMAIN.md s.5), over
  the 2020 census population of 270.2 m.
- Every covered member is a BPU vulnerable worker at the lowest income band (the Rp16,800 package most cities
  buy), paid from the APBD, with Madiun's vulnerable-worker age profile, sex mix and months of membership at the
  start (``TENURE``: a city programme running since 2020, so a third of the members have the 3 years a JKM
  scholarship needs and a tenth are in the first months whose BPU death benefit is Rp10 m) and the national BPU
  accident rate. Until November 2026 every member was new in January 2025, which left out every scholarship and paid
  a quarter of the year's deaths the early Rp10 m: the year's claims about a fifth too low for programmes most of
  whose members were already enrolled (9.19 m BPU members in December 2023, DOMAIN.md s.5).

``python -m sim.national`` writes ``scenarios/national-2025.toml``; ``--check`` only says whether the shipped
file is what this module generates (a test does the same), so the file is never edited by hand.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .scenario import SCENARIO_DIR

SCENARIO_ID = "national-2025"
CENSUS_TOTAL_2020 = 270_203_917  # persons, SP2020 national total (BPS, January 2021)
REGENCIES_2020 = 514
# Months of membership at the start, share of members: madiun-2025-prior's vulnerable workers (assumption).
TENURE = "[[2, 0.10], [12, 0.39], [30, 0.14], [54, 0.37]]"
SIZE_SEED = 20250101  # fixed: the synthetic split must not change from one build to the next
SIZE_SIGMA = 0.6
COVERED_SHARE = 0.035
BPU_MEMBERS_2025 = 9_580_000  # persons, Feb 2025 (DOMAIN.md s.5)
# One year: about 120,000 simulated events per trial; 36 months would triple the time (memory stays about the same:
# the engine sums each segment's payments as soon as it is simulated).
HORIZON_MONTHS = 12


@dataclass(frozen=True)
class Province:
    code: int
    name: str
    population: int  # persons, 2020 census
    kabupaten: int
    kota: int


@dataclass(frozen=True)
class Regency:
    """A SYNTHETIC city or regency: a real province, kind and count, an invented population."""

    name: str  # segment name, e.g. p35-kota-03
    province: Province
    kind: str  # "kabupaten" or "kota"
    number: int  # 1-based within the province and kind
    population: int  # persons, synthetic

    @property
    def members(self) -> int:
        return round(self.population * COVERED_SHARE)


def provinces() -> list[Province]:
    text = resources.files("sim").joinpath("data").joinpath("provinces.csv").read_text(encoding="utf-8")
    frame = pd.read_csv(io.StringIO(text), comment="#")
    return [Province(int(r.code), str(r.province), int(r.population_2020), int(r.kabupaten), int(r.kota))
            for r in frame.itertuples(index=False)]


def split_total(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers proportional to ``weights`` that add up to ``total`` exactly (largest remainders)."""
    exact = total * weights / weights.sum()
    whole = np.floor(exact).astype(np.int64)
    short = total - int(whole.sum())
    whole[np.argsort(-(exact - whole), kind="stable")[:short]] += 1
    return whole


def regencies(sigma: float = SIZE_SIGMA, seed: int = SIZE_SEED) -> list[Regency]:
    out = []
    for prov in provinces():
        # One stream per province: changing one province's row leaves the others' synthetic sizes unchanged.
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(prov.code,)))
        kinds = ["kabupaten"] * prov.kabupaten + ["kota"] * prov.kota
        sizes = split_total(prov.population, rng.lognormal(0.0, sigma, len(kinds)))
        numbers = list(range(1, prov.kabupaten + 1)) + list(range(1, prov.kota + 1))
        for kind, number, size in zip(kinds, numbers, sizes):
            short = "kab" if kind == "kabupaten" else "kota"
            out.append(Regency(f"p{prov.code}-{short}-{number:02d}", prov, kind, number, int(size)))
    return out


HEADER = f"""\
# GENERATED by `python -m sim.national` from sim/data/provinces.csv: do not edit by hand (a test checks it).
# Indonesia, every city and regency (514) as one segment: SYNTHETIC populations. Each province's 2020 census
# total (BPS SP2020, persons; the provinces sum to {CENSUS_TOTAL_2020:,}) is split over its real number of
# regencies and cities with lognormal weights (sigma {SIZE_SIGMA}, assumption, plausible 0.4-1.0; seed {SIZE_SEED}).
# Province totals are real; no segment's population is. Segment p35-kota-03 = the 3rd synthetic city of
# province 35 (Jawa Timur); segment ids, labels and the title say "synthetic".
# Covered members = {COVERED_SHARE:.1%} of the synthetic population (assumption, plausible 1-6 %: national BPU members
# {BPU_MEMBERS_2025:,} in Feb 2025 (DOMAIN.md s.5) / 2020 population). Every member: BPU vulnerable worker at the
# Rp1,000,000 income band (Rp16,800 package), APBD-paid, Madiun's vulnerable-worker age profile and months of
# membership at the start (programmes running since 2020), national BPU accident rate; one year (12 months) from
# January 2025; the other assumptions come from base/national-defaults.
# A SCALE TEST, NOT A NATIONAL FORECAST: Madiun's vulnerable workers (RT/RW heads, cadres; 30 % aged 60 or over)
# are older than national BPU members, so this expects about 91,500 JKM deaths in 2025 (closed form), more than
# the 69,029 JKM claims of all 41.56 m BPJS TK members in 2023, and a JKM claim ratio near 500 % against BPU's
# published 198 % (2023; DOMAIN.md s.5). A national forecast would need national BPU members' ages.
# Run it on Dask (one task per 1,000 trials, no 514-rows-per-trial table):
#   python -m sim run national-2025 --backend dask --workers 2 --chunk-trials 1000 --no-trials-table
"""


def _segment(reg: Regency) -> str:
    prov = reg.province
    count = prov.kabupaten if reg.kind == "kabupaten" else prov.kota
    return f"""
[segments.{reg.name}]
label = {{ en = "SYNTHETIC {reg.kind} {reg.number} of {count}, {prov.name}", id = "SINTETIS: {reg.kind} ke-{reg.number} dari {count}, {prov.name}" }}
scheme = "BPU"
occupation = "mixed-informal"
payer = "APBD"
members = {{ value = {reg.members}, unit = "persons", source = "SYNTHETIC: {COVERED_SHARE:.1%} (assumption) of a synthetic population of {reg.population:,} ({prov.name} SP2020 total {prov.population:,} split over {prov.kabupaten + prov.kota} regencies and cities)", source_id = "SINTETIS: {_id_number(100 * COVERED_SHARE, 1)}% (asumsi) dari penduduk sintetis sebanyak {_id_number(reg.population)} (total SP2020 {prov.name} sebanyak {_id_number(prov.population)} dibagi ke {prov.kabupaten + prov.kota} kabupaten dan kota)", basis = "derived" }}
wage = {{ value = 1000000, unit = "IDR per month", source = "lowest BPU income band, the Rp16,800 package (DOMAIN.md s.3)", source_id = "kelompok penghasilan BPU terendah, paket iuran Rp16.800 (DOMAIN.md bag. 3)", basis = "law" }}
male_share = {{ value = 0.6, unit = "share", source = "assumption: as Madiun's vulnerable workers (madiun-2025-prior)", source_id = "asumsi: seperti pekerja rentan Madiun (madiun-2025-prior)", basis = "assumption", range = [0.4, 0.8] }}
age_profile = "vulnerable-informal"
tenure = {{ value = {TENURE}, unit = "share", source = "assumption: as Madiun's vulnerable workers (madiun-2025-prior; a city programme since 2020): national BPU membership was already 9.19 m in Dec 2023 (DOMAIN.md s.5), so most members are not new", source_id = "asumsi: seperti pekerja rentan Madiun (madiun-2025-prior; program kota sejak 2020): kepesertaan BPU nasional sudah mencapai 9,19 juta pada Desember 2023 (DOMAIN.md bag. 5), sehingga sebagian besar peserta bukan peserta baru", basis = "assumption" }}
accident_rate = {{ value = 3.0, unit = "per 1000 member-years", source = "national BPU crude frequency 2.2-3.6 per 1000 (DOMAIN.md s.5, Low)", source_id = "frekuensi kasar nasional BPU 2,2–3,6 per 1.000 (DOMAIN.md bag. 5, tingkat keyakinan rendah)", basis = "derived", range = [2.2, 3.6] }}
"""


def _id_number(x: float, decimals: int = 0) -> str:
    """A number written the Indonesian way, for the Indonesian description: 9.457.148, 3,5."""
    return f"{x:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def scenario_text(trials: int = 2000) -> str:
    regs = regencies()
    members = sum(r.members for r in regs)
    head = f"""
[scenario]
id = "{SCENARIO_ID}"
title = {{ en = "Indonesia, every city and regency (SYNTHETIC populations), vulnerable workers 2025", id = "Indonesia, seluruh kota dan kabupaten (populasi SINTETIS), pekerja rentan 2025" }}
region = {{ en = "Indonesia: {len(regs)} cities and regencies (synthetic populations)", id = "Indonesia: {len(regs)} kota dan kabupaten (populasi sintetis)" }}
base = "base/national-defaults"
description = {{ en = "SYNTHETIC: {members:,} BPU vulnerable workers in {len(regs)} cities and regencies, {COVERED_SHARE:.1%} of each synthetic population, with the months of membership and the ages of Madiun's vulnerable workers: a scale test, not a national forecast (those ages are older than national BPU members').", id = "SINTETIS: {_id_number(members)} pekerja rentan peserta BPU di {len(regs)} kabupaten dan kota, yaitu {_id_number(COVERED_SHARE * 100, 1)}% dari populasi sintetis setiap daerah, dengan lama kepesertaan dan usia seperti pekerja rentan Kota Madiun: uji skala, bukan perkiraan nasional (usia itu lebih tua daripada usia peserta BPU nasional)." }}
start = "2025-01"
horizon_months = {HORIZON_MONTHS}
trials = {trials}
"""
    return HEADER + head + "".join(_segment(r) for r in regs)


def scenario_path() -> Path:
    return SCENARIO_DIR / f"{SCENARIO_ID}.toml"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sim.national", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=scenario_path(), help="where to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="only check that the file equals the generated text")
    args = parser.parse_args(argv)
    text = scenario_text()
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from the generated text (run python -m sim.national)'}")
        return 0 if same else 1
    tmp = args.out.with_name(f".{args.out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)  # atomic: a failed write leaves the old file
    regs = regencies()
    print(f"Wrote {args.out}: {len(regs)} synthetic cities and regencies, {sum(r.members for r in regs):,} members")
    return 0


if __name__ == "__main__":
    sys.exit(main())
