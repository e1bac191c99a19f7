"""The benefit types the workbench reports, in output order, with what each one pays.

One list (this one) drives the engine's output arrays, the closed form, the per-trial table's columns and the
README's table of columns (a test checks the README against it).
"""

BENEFITS = {
    "jkm_death": "JKM cash on a non-work death: Rp20 m lump sum + Rp12 m periodic + Rp10 m funeral "
    "(Rp10 m for a BPU member in the first 3 months)",
    "jkm_scholarship": "scholarship instalments for children of a JKM death after 3 years of membership",
    "jkk_medical": "JKK medical care for every work accident: care itself has no money cap; the law's caps on home "
    "care, transport and aids are not modelled apart (one lognormal cost per case, an assumption)",
    "jkk_temporary": "JKK temporary incapacity (STMB): 100 % of wage for 12 months, 50 % after",
    "jkk_partial": "JKK partial permanent disability: table % x 80 x wage",
    "jkk_total": "JKK total permanent disability: 56 x wage + Rp12 m periodic",
    "jkk_death": "JKK work-accident death: max(48 x wage, Rp42 m) + Rp10 m funeral + Rp12 m periodic",
    "jkk_scholarship": "scholarship instalments for children of a JKK death or total disability (no minimum membership)",
}
BENEFIT_NAMES = tuple(BENEFITS)
INDEX = {name: i for i, name in enumerate(BENEFIT_NAMES)}

# Insured events ("claims"): a non-work death or a work accident. Every accident has a medical benefit, so the
# claim count is the count of jkm_death plus the count of jkk_medical; scholarship instalments are payments, not
# new claims.
CLAIM_EVENT_BENEFITS = ("jkm_death", "jkk_medical")
