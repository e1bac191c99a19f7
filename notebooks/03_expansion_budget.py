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

# %% [markdown] tags=["lang-note"]
# *Each English text is followed by its Indonesian translation; `python -m sim notebook` keeps the language of `lang`
# only.*
#
# *Setiap teks berbahasa Inggris diikuti terjemahannya dalam bahasa Indonesia; `python -m sim notebook` hanya
# menyertakan teks dalam bahasa `lang`.*

# %% [markdown] tags=["lang-en"]
# # Expansion and budget planning
#
# **What this answers:** what a year of premiums costs the city (Rp) at a given number of members, how many members
# the APBD budget pays for, the expected claims (Rp) and claim ratio (%) that come with them, who pays which
# premium, for an enrolment plan the members and the APBD needed year by year, the largest coverage the budget buys
# and the CSR money that closes the gap to the UCJ target, and, for a plan with CSR pledges, what happens if a
# company does not pay.
#
# All figures are closed form (expected values, no simulation), so the notebook answers at once; for the
# uncertainty around the claims (the 90 % band) see notebook 01. Premium and expected claims are both proportional
# to the number of members when the mix of segments stays the same. A claim ratio above 100 % means the expected
# claims are larger than the premiums paid.
#
# Members are held at their starting number in the first sections. Enrolment over time (names proposed by RT heads,
# checked by the kelurahan and Disnaker, registered by BPJS) is modelled by `python -m sim plan` (`sim/enrolment.py`,
# README "Expansion and budget planning"); the last three sections use it for a scenario with an enrolment plan and
# one with CSR pledges.

# %% [markdown] tags=["lang-id"]
# # Perluasan kepesertaan dan perencanaan anggaran
#
# **Yang dijawab:** berapa iuran setahun yang ditanggung kota (Rp) pada jumlah peserta tertentu, berapa peserta yang
# dapat dibiayai anggaran APBD, perkiraan klaim (Rp) dan rasio klaim (%) yang menyertainya, siapa membayar iuran yang
# mana, untuk suatu rencana kepesertaan, jumlah peserta dan APBD yang dibutuhkan per tahun, cakupan terbesar yang dapat
# didanai anggaran dan dana CSR yang menutup kekurangan menuju target UCJ, serta, untuk rencana dengan komitmen CSR, apa
# yang terjadi bila sebuah perusahaan tidak membayar.
#
# Semua angka dihitung langsung (nilai harapan, tanpa simulasi), sehingga notebook ini menjawab seketika; untuk
# ketidakpastian klaim (rentang 90%) lihat notebook 01. Iuran dan perkiraan klaim sama-sama sebanding dengan jumlah
# peserta selama komposisi segmen tetap. Rasio klaim di atas 100% berarti perkiraan klaim lebih besar daripada iuran
# yang dibayar.
#
# Pada bagian-bagian pertama jumlah peserta tetap pada angka awalnya. Pendaftaran dari waktu ke waktu (nama diusulkan
# ketua RT, diperiksa kelurahan dan Disnaker, didaftarkan BPJS) dimodelkan oleh `python -m sim plan`
# (`sim/enrolment.py`, README “Expansion and budget planning”); tiga bagian terakhir memakainya untuk skenario dengan
# rencana kepesertaan dan skenario dengan komitmen CSR.

# %% tags=["parameters"]
scenario_id = "madiun-2023"  # a file in scenarios/ without .toml
# numbers of members to compare, e.g. [5_000, 10_000, 20_000]; None: half, start, target, what the budget pays, twice
members_grid = None
lang = "id"  # "id" (Indonesian) or "en"
plan_scenario_id = "madiun-2026-ucj-csr"  # a scenario with an enrolment plan ([expansion], [pipeline], [funding])
pledge_scenario_id = "madiun-2026-ucj-csr"  # a scenario with [funding.csr.*] pledges, for the last section

# %%
import pandas as pd

from sim import charts, coverage, report
from sim.i18n import Language
from sim.scenario import load_warned

pd.set_option("display.max_colwidth", None)  # segment labels, as the scenario gives them, run past pandas' 50

language = Language(lang)
scenario = load_warned(scenario_id)
print(scenario.titles[lang])
report.year_table(scenario, lang)

# %% [markdown] tags=["lang-en"]
# ## Premium and expected claims against members
# The chart draws a year's premium and the expected claims (Rp) of the first 12 months (of the horizon's months
# where it is shorter, as the legend says) against the number of members, with the APBD budget, the target and the
# members the budget pays for where the scenario states them. For an enrolment plan the budget line is the plan's
# APBD budget for its first year (`[funding]`), as in the first table; the members it pays for are in the plan by year.

# %% [markdown] tags=["lang-id"]
# ## Iuran dan perkiraan klaim menurut jumlah peserta
# Grafik menggambarkan iuran setahun dan perkiraan klaim (Rp) 12 bulan pertama (atau selama periode proyeksi bila lebih
# pendek, seperti tertulis pada legenda) terhadap jumlah peserta, dengan anggaran APBD, target, dan jumlah peserta yang
# dapat dibiayai anggaran, bila skenario menyebutkannya. Untuk rencana kepesertaan, garis anggaran adalah anggaran APBD
# tahun pertama rencana (`[funding]`), seperti pada tabel pertama; jumlah peserta yang dapat dibiayainya ada pada
# tabel rencana per tahun.

# %%
curve = coverage.coverage_curve(scenario)
# A stated budget is the APBD's: it pays the APBD's share of the premium (others pay for their members).
year = coverage.twelve_months(scenario)
apbd = coverage.apbd_premium(year)
# A plan's budget is its first year's from [funding] (plan_year); the members it pays for are the plan by year's.
budget, plan_year = report.apbd_budget(scenario)
affordable = (coverage.members_affordable(apbd, year["members"], budget)
              if budget and plan_year is None else None)
# The claims line is of the year's months, fewer than 12 in a shorter horizon, as the report's chart says.
charts.image(charts.budget_coverage(curve, year["members"], language, budget, scenario.target_members,
                                    affordable, apbd_line=apbd != year["annual_premium_idr"], months=year["months"],
                                    plan_year=plan_year))

# %% [markdown] tags=["lang-en"]
# ## Chosen membership levels
# Each row is the scenario at that number of members (same mix, held for a year), in closed form. "Budget left" is
# the APBD budget minus the premium the APBD pays (members paid from DBH-CHT, also city money, are paid from its own
# budget); below zero the budget does not cover those members.

# %% [markdown] tags=["lang-id"]
# ## Tingkat kepesertaan yang dipilih
# Setiap baris adalah skenario pada jumlah peserta itu (komposisi sama, tetap selama setahun), dihitung langsung.
# “Sisa anggaran” adalah anggaran APBD dikurangi iuran yang dibayar APBD (peserta yang dibayar dana DBH-CHT, yang juga
# dana kota, dibayar dari anggarannya sendiri); bila di bawah nol, anggaran tidak mencukupi untuk peserta sebanyak itu.

# %%
report.members_table(scenario, members_grid, lang)

# %% [markdown] tags=["lang-en"]
# ## Who pays
# Members at the start by payer and segment; the monthly premium is per member, in the first month.

# %% [markdown] tags=["lang-id"]
# ## Siapa membayar
# Peserta di awal menurut pembayar dan segmen; iuran bulanan dihitung per peserta, pada bulan pertama.

# %%
report.funding_table(scenario, lang)

# %% [markdown] tags=["lang-en"]
# ## The plan by year
# The enrolment plan of `plan_scenario_id`, projected month by month (names through the pipeline, members leaving,
# the money paying in the stated priority): members on average and at the year-end against the year-end target,
# names waiting for money, members not renewed, premiums of all payers, the APBD budget and what it paid, and the
# APBD the plan needs each year at 90 % over which CSR pledges are honoured (the budget to ask for; the same as
# `sim plan`'s "APBD needed" line). Premiums and members only, no simulation; the claims by year with their
# uncertainty are `sim plan`'s answers.

# %% [markdown] tags=["lang-id"]
# ## Rencana per tahun
# Rencana kepesertaan `plan_scenario_id`, diproyeksikan bulan demi bulan (nama melalui alur pendaftaran, peserta yang
# keluar, dana yang membayar menurut urutan prioritas yang ditetapkan): peserta rata-rata dan pada akhir tahun
# dibandingkan dengan target akhir tahun, nama yang menunggu dana, peserta yang tidak diperpanjang, iuran semua
# pembayar, anggaran APBD dan yang dibayarkannya, serta APBD yang dibutuhkan rencana setiap tahun, cukup dengan peluang
# 90% bila kemungkinan komitmen CSR tidak dipenuhi diperhitungkan (anggaran yang perlu diajukan; sama dengan baris “APBD
# needed” pada keluaran `sim plan`). Hanya iuran dan peserta, tanpa simulasi; klaim per tahun beserta ketidakpastiannya
# diberikan oleh `sim plan`.

# %%
report.plan_table(load_warned(plan_scenario_id), lang)

# %% [markdown] tags=["lang-en"]
# ## What the budget buys
# Two more of `sim plan`'s answers for the same plan, at 90 % over which CSR pledges are honoured, as `sim plan` gives
# them (`sim/budget.py`). The largest coverage: the largest share of the members the quota path adds above the starting
# members (for example 83.2 %: each year-end target is the starting members plus 83.2 % of the quota's growth; same mix
# of segments) that the money funds without cutting anybody or leaving names waiting, what stops a larger share (the
# money, or the enrolment pipeline while the money would pay for more), and the members at each year-end with it. The
# CSR gap: the CSR money each year that closes the gap to the UCJ target for the segments sharing it, checked by
# projecting the plan again with that money (the probability that nobody is cut or left waiting, UCJ at the last
# year-end), and, apart, the city money the other city-paid segments still lack. A scenario without a quota path
# ([expansion]), a UCJ target ([ucj]) or a [funding] table gets a row saying which it lacks. Premiums and members only,
# no simulation.

# %% [markdown] tags=["lang-id"]
# ## Apa yang dapat didanai anggaran
# Dua jawaban lain dari `sim plan` untuk rencana yang sama, dengan peluang 90% bila kemungkinan komitmen CSR tidak
# dipenuhi diperhitungkan, seperti yang diberikan `sim plan` (`sim/budget.py`). Cakupan terbesar: bagian terbesar dari
# tambahan peserta menurut jalur kuota di atas peserta awal (misalnya 83,2%: setiap target akhir tahun adalah peserta
# awal ditambah 83,2% dari pertumbuhan menurut kuota; komposisi segmen sama) yang dapat didanai tanpa ada peserta yang
# tidak diperpanjang atau nama yang menunggu dana, apa yang mencegah bagian yang lebih besar (dana, atau alur
# pendaftaran bila dananya sebenarnya cukup), dan peserta pada setiap akhir tahun dengan cakupan itu. Kekurangan dana
# CSR: dana CSR setiap tahun yang menutup kekurangan menuju target UCJ untuk segmen-segmen yang berbagi target itu,
# diperiksa dengan memproyeksikan ulang rencana dengan dana tersebut (peluang tidak ada peserta yang tidak diperpanjang
# atau menunggu dana, UCJ pada akhir tahun terakhir), dan, secara terpisah, dana kota yang masih kurang untuk segmen
# lain yang dibayar kota. Skenario tanpa jalur kuota ([expansion]), target UCJ ([ucj]), atau tabel [funding] mendapat
# satu baris yang menyebutkan apa yang tidak dimilikinya. Hanya iuran dan peserta, tanpa simulasi.

# %%
report.coverage_table(load_warned(plan_scenario_id), lang)

# %% [markdown] tags=["lang-en"]
# ## If a CSR pledge is not honoured
# The plan counts each CSR pledge at amount x probability. Here every combination of honoured and failed pledges
# is projected with the scenario's own APBD and DBH-CHT (members at the year-end, members not renewed, names waiting
# for money, APBD spent) and with unlimited APBD (the APBD that outcome needs to keep the plan). Premiums only, no
# simulation: `sim/pledge_outcomes.py`, README "Expansion and budget planning".

# %% [markdown] tags=["lang-id"]
# ## Bila komitmen CSR tidak dipenuhi
# Rencana menghitung setiap komitmen CSR sebesar nilai × peluang. Di sini setiap kombinasi komitmen yang dipenuhi dan
# yang gagal diproyeksikan dengan APBD dan DBH-CHT skenario itu sendiri (peserta akhir tahun, peserta yang tidak
# diperpanjang, nama yang menunggu dana, APBD yang terpakai) dan dengan APBD tanpa batas (APBD yang dibutuhkan dalam
# kombinasi itu agar rencana tetap berjalan). Hanya iuran, tanpa simulasi: `sim/pledge_outcomes.py`, README
# “Expansion and budget planning”.

# %%
report.pledge_table(load_warned(pledge_scenario_id), lang)
