# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Expansion and budget planning
#
# What a year of premiums costs as coverage grows, what the stated budget pays for, and the expected claims that
# come with it (closed form: no simulation, so it answers at once). Premium and expected claims are both
# proportional to the number of members when the mix of segments stays the same.
#
# Members are held at their starting number in the first sections. Enrolment over time (names proposed by RT heads,
# checked by the kelurahan and Disnaker, registered by BPJS) is modelled by `python -m sim plan` (`sim/enrolment.py`,
# README "Expansion and budget planning"); the last section uses it for a scenario with CSR pledges.

# %% tags=["parameters"]
scenario_id = "madiun-2023"
members_grid = [5_000, 10_000, 16_539, 20_000, 25_000]
lang = "id"
pledge_scenario_id = "madiun-2026-ucj-csr"  # a scenario with [funding.csr.*] pledges, for the last section

# %%
import pandas as pd

from sim import charts, coverage
from sim.i18n import Language
from sim.scenario import load_scenario

language = Language(lang)
scenario = load_scenario(scenario_id)
year = coverage.twelve_months(scenario)
pd.Series(year)

# %% [markdown]
# ## Premium and expected claims against members

# %%
curve = coverage.coverage_curve(scenario)
# A stated budget is the APBD's: it pays the APBD's share of the premium (others pay for their members).
apbd = coverage.apbd_premium(year)
affordable = (coverage.members_affordable(apbd, year["members"], scenario.annual_budget)
              if scenario.annual_budget else None)
charts.image(charts.budget_coverage(curve, year["members"], language, scenario.annual_budget, scenario.target_members,
                                    affordable, apbd_line=apbd != year["annual_premium_idr"]))

# %% [markdown]
# ## Chosen membership levels
# Each row is the scenario at that number of members (same mix), in closed form.

# %%
pd.DataFrame([coverage.what_if(scenario, members=m) for m in members_grid])

# %% [markdown]
# ## Who pays

# %%
pd.DataFrame(coverage.funding(scenario))

# %% [markdown]
# ## If a CSR pledge is not honoured
# The plan counts each CSR pledge at amount x probability. Here every combination of honoured and failed pledges
# is projected with the scenario's own APBD and DBH-CHT (members at the year-end, members not renewed, names waiting
# for money, APBD spent) and with unlimited APBD (the APBD that outcome needs to keep the plan). Premiums only, no
# simulation: `sim/pledge_outcomes.py`, README "Expansion and budget planning".

# %%
from sim.pledge_outcomes import pledge_outcomes

answer = pledge_outcomes(load_scenario(pledge_scenario_id))
pd.DataFrame([{"failed": ", ".join(o["failed"]) or "-", "probability": o["probability"], **y}
              for o in answer["outcomes"] for y in o["years"]]).set_index(["failed", "year"])
