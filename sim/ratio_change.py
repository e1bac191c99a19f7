"""Why the claim ratio changes from the first calendar year of the horizon to the last.

A planner reads the first year's claim ratio on the report's first page; in a scenario where many members join
that year, or a closed group ages, later years differ a lot (jambi-2025-pipeline: 82 % in 2025, 130 % in 2027).
This module splits that change, by direct calculation (the closed form's expected claims, no Monte Carlo noise),
into the factors a reader can check:

    claim ratio = (deaths per member x benefit per death + scholarships per member + other work-accident
                   benefits per member) / premium per member

all per member-year (the year's average members x its months / 12), so a part year compares with a whole one.
The change between two years is split exactly (the parts add up to it) by the midpoint rule for products and
quotients: d(x y) = dx * mean(y) + mean(x) * dy, and d(C / p) = dC * mean(1/p) + mean(C) * d(1/p).

Benefits are grouped by :data:`GROUPS`: the death lump sums of JKM and JKK (a death of either cause), the
scholarship instalments falling due (both programmes), and the other JKK benefits (care, wage replacement and
disability). The reasons the report gives for each factor are in :mod:`sim.report_text` (``trend_*``).
"""

from __future__ import annotations

GROUPS = {"jkm_death": "deaths", "jkk_death": "deaths", "jkm_scholarship": "scholarships",
          "jkk_scholarship": "scholarships", "jkk_medical": "accidents", "jkk_temporary": "accidents",
          "jkk_partial": "accidents", "jkk_total": "accidents"}
FACTORS = ("death_rate", "benefit_per_death", "scholarships", "accidents", "premium")


def year_factors(summary: dict) -> list[dict]:
    """Per calendar year of ``summary`` (summary.json; not the horizon's total) with members and premium: its
    member-years, deaths per 1,000 member-years, benefit per death, scholarships, other work-accident benefits and
    premium per member-year, and the claim ratio by direct calculation (``claims_expected_idr`` / premium)."""
    sums: dict = {}
    for row in summary["breakdown"]:
        group = GROUPS[row["benefit"]]  # a benefit outside GROUPS is a KeyError: the split would not add up
        year = sums.setdefault(row["period"], {"deaths": 0.0, "scholarships": 0.0, "accidents": 0.0, "count": 0.0})
        year[group] += row["expected_idr"]
        if group == "deaths":
            year["count"] += row["count_expected"]
    out = []
    for p in summary["periods"]:
        member_years = p["members"] * p["months"] / 12
        if p["period"] == "total" or member_years <= 0 or p["premium_idr"] <= 0:
            continue
        s = sums[p["period"]]
        out.append({
            "period": p["period"], "member_years": member_years,
            "deaths_per_1000": 1000 * s["count"] / member_years,
            "benefit_per_death_idr": s["deaths"] / s["count"] if s["count"] > 0 else None,
            "scholarships_per_member_idr": s["scholarships"] / member_years,
            "accidents_per_member_idr": s["accidents"] / member_years,
            "premium_per_member_idr": p["premium_idr"] / member_years,
            "claim_ratio": (s["deaths"] + s["scholarships"] + s["accidents"]) / p["premium_idr"],
        })
    return out


def ratio_change(summary: dict) -> dict | None:
    """The first and the last calendar year's factors and the change of the claim ratio between them split into
    ``parts`` (one per factor of :data:`FACTORS`, largest first by size, in ratio units: 0.43 = 43 percentage
    points), which add up to ``change``. None with fewer than two such years."""
    years = year_factors(summary)
    if len(years) < 2:
        return None
    a, b = years[0], years[-1]
    n0, n1 = a["deaths_per_1000"] / 1000, b["deaths_per_1000"] / 1000
    # A year without deaths has no benefit per death; the other year's stands in (its deaths cost 0 either way).
    s0 = a["benefit_per_death_idr"] if a["benefit_per_death_idr"] is not None else (b["benefit_per_death_idr"] or 0.0)
    s1 = b["benefit_per_death_idr"] if b["benefit_per_death_idr"] is not None else s0
    h0, h1 = 1 / a["premium_per_member_idr"], 1 / b["premium_per_member_idr"]
    c0 = n0 * s0 + a["scholarships_per_member_idr"] + a["accidents_per_member_idr"]
    c1 = n1 * s1 + b["scholarships_per_member_idr"] + b["accidents_per_member_idr"]
    h, c = (h0 + h1) / 2, (c0 + c1) / 2
    points = {
        "death_rate": (n1 - n0) * (s0 + s1) / 2 * h,
        "benefit_per_death": (s1 - s0) * (n0 + n1) / 2 * h,
        "scholarships": (b["scholarships_per_member_idr"] - a["scholarships_per_member_idr"]) * h,
        "accidents": (b["accidents_per_member_idr"] - a["accidents_per_member_idr"]) * h,
        "premium": c * (h1 - h0),
    }
    fields = {"death_rate": "deaths_per_1000", "benefit_per_death": "benefit_per_death_idr",
              "scholarships": "scholarships_per_member_idr", "accidents": "accidents_per_member_idr",
              "premium": "premium_per_member_idr"}
    parts = [{"factor": f, "from": a[fields[f]], "to": b[fields[f]], "change": points[f]} for f in FACTORS]
    parts.sort(key=lambda part: -abs(part["change"]))
    return {"first": a, "last": b, "years": years, "change": b["claim_ratio"] - a["claim_ratio"], "parts": parts}
