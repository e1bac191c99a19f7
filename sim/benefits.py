"""The benefit types the workbench reports, in output order, with what each one pays.

One list (this one) drives the engine's output arrays, the closed form, the per-trial table's columns and the
README's table of benefit types. The amounts in the descriptions are not written here: a ``<rule.name>``
placeholder stands for the rule's value in ``data/regulation.toml`` (:func:`describe`), so the descriptions cannot
drift from the rules the engine pays (a test checks the README's table against ``describe``).
"""

from __future__ import annotations

import re

BENEFITS = {
    "jkm_death": "JKM cash on a non-work death: <jkm.lump_sum> lump sum + <jkm.periodic> periodic + <jkm.funeral> "
    "funeral (<jkm.bpu_early_death_benefit> for a BPU member in the first <jkm.bpu_early_death_months> months)",
    "jkm_scholarship": "scholarship instalments for children of a JKM death after <jkm.scholarship_min_membership> "
    "months of membership",
    # The caps below are not modelled, so they are not rules: their figures and sources are DOMAIN.md s.4's.
    "jkk_medical": "medical care for every work accident: care itself has no money cap; the caps on home care "
    "(Rp20 m), transport (Rp2-10 m by sea, land or air) and aids (glasses Rp1 m, others Rp2.5 m; DOMAIN.md s.4) are not "
    "modelled apart: one lognormal cost per case, at the prices of its calendar year (`assumptions.severity`, "
    "`medical_cost_trend`)",
    "jkk_temporary": "temporary incapacity (STMB): <jkk.temporary_full_share> of wage for <jkk.temporary_full_months> "
    "months, <jkk.temporary_after_share> after (it and the benefits below set as multiples of the wage are on the "
    "wage of their calendar year: `assumptions.wage_growth`)",
    "jkk_partial": "partial permanent disability: table % x <jkk.partial_disability_multiplier> x wage",
    "jkk_total": "total permanent disability: <jkk.total_disability_multiplier> x wage + "
    "<jkk.total_disability_periodic> periodic",
    "jkk_death": "work-accident death: max(<jkk.death_multiplier> x wage, <jkk.death_floor>) + <jkk.funeral> funeral "
    "+ <jkk.periodic> periodic",
    "jkk_scholarship": "scholarship instalments for children of a JKK death or total disability (no minimum "
    "membership)",
}
BENEFIT_NAMES = tuple(BENEFITS)
INDEX = {name: i for i, name in enumerate(BENEFIT_NAMES)}

# Insured events ("claims"): a non-work death or a work accident. Every accident has a medical benefit, so the
# claim count is the count of jkm_death plus the count of jkk_medical; scholarship instalments are payments, not
# new claims.
CLAIM_EVENT_BENEFITS = ("jkm_death", "jkk_medical")

_PLACEHOLDER = re.compile(r"<([a-z_]+\.[a-z_]+)>")


def describe(rules) -> dict[str, str]:
    """Each benefit's description with the values of ``rules`` (a :class:`~sim.regulation.RuleSet`) filled in."""
    return {name: _PLACEHOLDER.sub(lambda m: _shown(m.group(1), rules[m.group(1)]), text)
            for name, text in BENEFITS.items()}


def _shown(rule: str, value) -> str:
    """A rule value as the README writes it: Rp20 m, 100 %, or a plain number."""
    if rule.endswith("_share"):
        return f"{value * 100:g} %"
    if value >= 1_000_000:
        return f"Rp{value / 1_000_000:g} m"
    return f"{value:g}"
