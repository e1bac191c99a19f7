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
# # What if? (for budget planners)
#
# Move the sliders: budget, members (quota), the share of members paid by company CSR funds, and factors on the
# death and accident assumptions. Each change is answered in closed form (`sim.coverage.what_if`, well under a
# second): a year of premiums, who pays them, expected claims over 12 months and the claim ratio, and how many
# members the budget covers. Run the whole notebook first (Run > Run All Cells). Amounts are in Rp a year, the claim
# ratio is expected claims / premium (above 100 %: claims expected to exceed premiums). These are expected values:
# actual claims vary around them (notebook 01 shows the 90 % band).
#
# Changing only `scenario_id` answers for that scenario's own members at the start and its `[budget]` annual_budget
# (without one, the budget slider starts at what the APBD pays for those members, rounded up to Rp50 juta).
#
# The members are held at the slider's number for a year. A scenario with an enrolment plan (quotas, a pipeline,
# CSR pledges: `madiun-2026-ucj`, `pekalongan-2023-expansion`, ...) has that plan set aside here, and the last row
# says so: premium and claims then count the same members. The plan's own answers by year come from
# `sim plan` (notebook 03).

# %% [markdown] tags=["lang-id"]
# # Bagaimana jika? (untuk perencana anggaran)
#
# Atur penggeser (slider): anggaran, peserta (kuota), proporsi peserta yang iurannya dibayar dana CSR perusahaan, dan
# faktor pada asumsi kematian dan kecelakaan. Setiap perubahan dijawab dengan perhitungan langsung
# (`sim.coverage.what_if`, jauh di bawah satu detik): iuran setahun, siapa yang membayarnya, perkiraan klaim 12 bulan
# dan rasio klaim, serta berapa peserta yang iurannya dapat dibiayai anggaran. Jalankan dulu seluruh notebook (Run > Run All
# Cells). Nilai dalam Rp per tahun; rasio klaim adalah perkiraan klaim / iuran (di atas 100%: klaim diperkirakan
# melebihi iuran). Ini nilai harapan: klaim sebenarnya bervariasi di sekitarnya (notebook 01 menunjukkan rentang 90%).
#
# Bila hanya `scenario_id` yang diubah, jawabannya berlaku untuk peserta awal skenario itu sendiri dan `annual_budget`
# pada bagian `[budget]`-nya (bila tidak ada, penggeser anggaran dimulai dari iuran yang dibayar APBD untuk peserta
# tersebut, dibulatkan ke atas ke kelipatan Rp50 juta).
#
# Jumlah peserta tetap pada angka penggeser selama setahun. Skenario dengan rencana kepesertaan (kuota, alur
# pendaftaran, komitmen CSR: `madiun-2026-ucj`, `pekalongan-2023-expansion`, ...) rencananya dikesampingkan di sini, dan
# baris terakhir menyebutkannya: dengan begitu iuran dan klaim dihitung untuk peserta yang sama. Jawaban per tahun untuk
# rencana itu diberikan oleh `sim plan` (notebook 03).

# %% tags=["parameters"]
scenario_id = "madiun-2025"  # a file in scenarios/ without .toml
budget_idr = None  # APBD budget for a year in Rp, e.g. 4_000_000_000; None: the scenario's own
members = None  # members held for the year, e.g. 20_000; None: the scenario's members at the start
csr_share = 0.0  # share of the members whose premium a company's CSR pays, 0 to 1 (0.25: a quarter)
mortality_factor = 1.0  # x the death assumptions (1: as the scenario has them)
accident_factor = 1.0  # x the accident rates (1: as the scenario has them)
lang = "id"  # "id" (Indonesian) or "en"

# %%
from sim import coverage
from sim.scenario import load_warned

scenario = load_warned(scenario_id)
print(scenario.titles[lang])
coverage.what_if_table(scenario, lang, budget_idr=budget_idr, members=members, csr_share=csr_share,
                       mortality_factor=mortality_factor, accident_factor=accident_factor)

# %% [markdown] tags=["lang-en"]
# ## Sliders
# The budget slider starts at the budget above, or for a scenario without one at what the APBD pays for the members
# (rounded up to Rp50 juta). It counts in Rp juta (3100 is Rp3.1 billion), the CSR share in % (25: a quarter of
# the members) and the death and accident factors in % of the scenario's own rates (100: as it has them, 150: half
# as high again), so that each reads in plain digits. The budget is the APBD's: it is set against the premium the
# APBD pays (DBH-CHT, CSR and the other payers pay for their members from their own money).

# %% [markdown] tags=["lang-id"]
# ## Penggeser
# Penggeser anggaran dimulai dari anggaran di atas, atau untuk skenario tanpa anggaran, dari iuran yang dibayar APBD
# untuk peserta tersebut (dibulatkan ke atas ke kelipatan Rp50 juta). Anggaran dinyatakan dalam Rp juta (3100 berarti
# Rp3,1 miliar), proporsi CSR dalam % (25: seperempat peserta), dan faktor kematian serta kecelakaan dalam % dari
# tingkat asumsi skenario itu sendiri (100: sesuai asumsi skenario, 150: satu setengah kali), agar setiap angka mudah
# dibaca. Anggaran adalah anggaran APBD: dibandingkan dengan iuran yang dibayar APBD (DBH-CHT, CSR, dan pembayar lain
# membayar iuran pesertanya dari dananya sendiri).

# %%
# The budget moves in Rp juta, the CSR share and the factors in %: a slider shows its value in plain digits, "3100"
# not "3100000000", "100" not "1.00" (sim.coverage.what_if_sliders).
coverage.what_if_sliders(scenario, lang, budget_idr=budget_idr, members=members, csr_share=csr_share,
                         mortality_factor=mortality_factor, accident_factor=accident_factor)
