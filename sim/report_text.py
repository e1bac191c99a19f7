"""The words of a report, in Indonesian (``id``) and English (``en``); used through :class:`sim.i18n.Language`.

``{name}`` placeholders are filled with formatted figures (traced numbers) or plain text. Keep the two languages
saying the same thing; ``tests/test_report.py`` checks that every key has both.
"""

TEXT = {
    # --- title and page ---
    "html_title": {"id": "Laporan proyeksi JKK-JKM: {region}", "en": "JKK-JKM forecast report: {region}"},
    "html_subtitle": {"id": "Skenario {id}: {title}", "en": "Scenario {id}: {title}"},
    "html_generated": {"id": "Dibuat {date} · Bahasa Indonesia", "en": "Generated {date} · English"},
    "html_contents": {"id": "Isi laporan", "en": "Contents"},
    "html_page": {"id": "Halaman {n}", "en": "Page {n}"},
    "total_period": {"id": "{first}–{last} (total)", "en": "{first}–{last} (total)"},
    "total_word": {"id": "total", "en": "total"},
    "various": {"id": "beragam", "en": "various"},
    "not_set": {"id": "(tidak ada)", "en": "(not set)"},
    "cli_headline": {
        "id": "{title} ({id}), {trials} simulasi: iuran {premium} per tahun untuk {members} peserta; klaim {period} "
              "rata-rata {claims}",
        "en": "{title} ({id}), {trials} trials: premium {premium} a year for {members} members; {period} claims "
              "{claims} on average",
    },
    "cli_ratio": {"id": ", rasio klaim {ratio} (rentang 90%: {r5}–{r95})", "en": ", claim ratio {ratio} (90% interval {r5}–{r95})"},
    "cli_where": {"id": "Laporan: {path}/report.html dan report.pdf", "en": "Report: {path}/report.html and report.pdf"},
    # --- sections ---
    "sec_summary": {"id": "Ringkasan", "en": "Summary"},
    "sec_results": {"id": "Hasil per tahun", "en": "Results by year"},
    "sec_budget": {"id": "Anggaran dan cakupan", "en": "Budget and coverage"},
    "sec_sensitivity": {"id": "Sensitivitas terhadap asumsi", "en": "Sensitivity to assumptions"},
    "sec_validation": {"id": "Validasi", "en": "Validation"},
    "sec_register": {"id": "Daftar asumsi dan aturan", "en": "Assumption register and rules"},
    "sec_differences": {"id": "Perbedaan dari skenario dasar", "en": "Differences from the base scenario"},
    "sec_methodology": {"id": "Metodologi", "en": "Methodology"},
    "sec_scenario": {"id": "Skenario lengkap", "en": "Full scenario"},
    "sec_provenance": {"id": "Jejak perhitungan", "en": "Provenance"},
    # --- table captions: "Tabel 3. ...", numbered in the order the report shows them (HTML and PDF alike); one per
    # table name (sim.report_document.Table.name), tests/test_report_accessibility.py checks that each has one ---
    "table_caption": {"id": "Tabel {n}. {title}", "en": "Table {n}. {title}"},
    "table_continued": {"id": "{caption} (lanjutan)", "en": "{caption} (continued)"},
    "table_calibration": {"id": "Klaim tercatat yang dipakai untuk kalibrasi",
                          "en": "The recorded claims the calibration used"},
    "table_calibration_posterior": {"id": "Pengali hasil kalibrasi: rata-rata dan interval kredibel 90%",
                                    "en": "Fitted multipliers: mean and 90% credible interval"},
    "table_periods": {"id": "Iuran, klaim, dan rasio klaim per tahun", "en": "Premium, claims and claim ratio by year"},
    "table_risk": {"id": "Klaim tahun pertama dalam simulasi terburuk (VaR dan TVaR 99,5%)",
                   "en": "Claims in the worst trials of the first year (VaR and TVaR at 99.5%)"},  # one row
    "table_funding": {"id": "Iuran menurut pembayar dan segmen", "en": "Premium by payer and segment"},
    "table_budget_years": {"id": "Peserta dan target per tahun", "en": "Members and targets by year"},
    "table_plan_apbd": {"id": "Anggaran APBD dan iuran yang dibayarnya per tahun",
                        "en": "The APBD budget and the premiums it pays, by year"},
    "table_plan_waiting": {"id": "Nama terdaftar, yang mulai terlindungi, dan yang menunggu dana per tahun",
                           "en": "Names registered, newly covered and waiting for money, by year"},
    "table_plan_payers": {"id": "Iuran dan dana yang tersedia menurut pembayar",
                          "en": "Premium and money available by payer"},
    "table_plan_pledges": {"id": "Akibat komitmen CSR yang tidak dipenuhi",
                           "en": "What happens when CSR pledges are not honoured"},
    "table_plan_files": {"id": "Berkas rincian perencanaan dalam folder laporan",
                         "en": "The planning detail files in the report folder"},
    "table_sensitivity": {"id": "Perkiraan klaim dan rasio klaim di kedua batas rentang setiap asumsi",
                          "en": "Expected claims and claim ratio at both ends of each assumption's range"},
    "table_sensitivity_later": {"id": "Rasio klaim lainnya di kedua batas rentang setiap asumsi",
                                "en": "Further claim ratios at both ends of each assumption's range"},
    "table_no_effect": {"id": "Parameter yang tidak mengubah perkiraan klaim pada tahun yang diukur",
                        "en": "Parameters that do not change the expected claims in the years measured"},
    "table_exact_check": {"id": "Pemeriksaan tahun pertama: perhitungan langsung, simulasi, dan distribusi eksak",
                          "en": "First-year check: direct calculation, simulation and the exact distribution"},
    "table_validation": {"id": "Perhitungan langsung dan simulasi per segmen dan manfaat",
                         "en": "Direct calculation and simulation by segment and benefit"},
    "table_assumptions": {"id": "Daftar asumsi", "en": "Assumption register"},
    "table_rules": {"id": "Aturan BPJS Ketenagakerjaan yang berlaku", "en": "BPJS Ketenagakerjaan rules in force"},
    "table_rule_changes": {"id": "Aturan yang berubah selama periode proyeksi",
                           "en": "Rules that change during the horizon"},
    "table_differences": {"id": "Nilai yang berbeda dari skenario dasar",
                          "en": "Values that differ from the base scenario"},
    "table_provenance": {"id": "Jejak perhitungan laporan ini", "en": "How this report was produced"},
    "table_sources": {"id": "Sumber yang dirujuk", "en": "Sources cited"},
    "table_domain_sources": {"id": "Sumber publik bagian DOMAIN.md", "en": "Public sources of DOMAIN.md's sections"},
    # --- summary ---
    "tile_budget": {
        "id": "Anggaran iuran setahun penuh (peserta awal)",
        "en": "Premium budget, a full year (starting members)",
    },
    "tile_members": {"id": "Peserta", "en": "Members"},
    "tile_claims": {
        "id": "Perkiraan klaim {period}, rata-rata simulasi",
        "en": "Expected claims {period}, simulation mean",
    },
    "tile_ratio": {"id": "Rasio klaim {period}", "en": "Claim ratio {period}"},
    "tile_prob": {"id": "Peluang klaim {period} melebihi iuran", "en": "Chance claims exceed premiums, {period}"},
    "exec_budget": {
        "id": "Iuran untuk {members} peserta selama setahun penuh adalah {premium} ({per_member} per peserta per "
              "tahun), dengan tarif yang berlaku pada {date}.",
        "en": "A full year of premiums for the {members} members costs {premium} ({per_member} per member per year) "
              "at the rates in force on {date}.",
    },
    "exec_budget_changing": {
        "id": "Iuran untuk {members} peserta selama setahun penuh sejak {date} adalah {premium} ({per_member} per "
              "peserta per tahun), dengan tarif yang berlaku pada setiap bulannya: tarif sebagian peserta berubah "
              "dalam 12 bulan itu (tabel iuran di bagian anggaran).",
        "en": "A full year of premiums for the {members} members from {date} costs {premium} ({per_member} per member "
              "per year), each month at the rates in force then: some members' rate changes within those 12 months "
              "(the premium table of the budget section).",
    },
    # Every member paid by the APBD: the whole premium is the APBD's.
    "exec_budget_all_apbd": {
        "id": "Jumlah inilah yang perlu dianggarkan dalam APBD setiap tahun.",
        "en": "This is the amount to set aside in the local budget (APBD) each year.",
    },
    # Some members paid by others (CSR, DBH-CHT, ...): the APBD budgets its own members' share only.
    "exec_budget_apbd_share": {
        "id": "Dari jumlah itu, {apbd} dibayar dari APBD; jumlah inilah yang perlu dianggarkan dalam APBD setiap "
              "tahun. Selebihnya dibayar dari sumber di luar anggaran APBD itu: {others}.",
        "en": "Of this, the APBD pays {apbd}: the amount to set aside in the local budget (APBD) each year. The "
              "rest is paid from outside that APBD budget: {others}.",
    },
    # No member paid by the APBD (every segment paid by CSR, DBH-CHT, ...): nothing of the premium is the APBD's.
    "exec_budget_no_apbd": {
        "id": "Tidak ada peserta yang iurannya dibayar dari APBD: iuran dibayar dari {others}.",
        "en": "No member's premium is paid from the APBD: it is paid from {others}.",
    },
    "exec_budget_unused": {
        "id": "Anggaran APBD yang disediakan {budget} per tahun tidak dipakai untuk iuran skenario ini.",
        "en": "The APBD budget set aside, {budget} a year, pays none of this scenario's premiums.",
    },
    "exec_budget_other_payer": {
        "id": "{payer} {premium} untuk {members} peserta",
        "en": "{payer} {premium} for {members} members",
    },
    "exec_budget_left": {
        "id": "Anggaran yang disediakan {budget} per tahun; setelah iuran tersebut masih tersisa {left}. Dengan "
              "komposisi peserta yang sama, anggaran ini cukup untuk sekitar {affordable} peserta.",
        "en": "The budget set aside is {budget} a year, which leaves {left} after those premiums. With the same mix "
              "of members it would cover about {affordable} members.",
    },
    "exec_budget_short": {
        "id": "Anggaran yang disediakan {budget} per tahun; untuk membayar iuran tersebut masih kurang {left}. "
              "Dengan komposisi peserta yang sama, anggaran ini cukup untuk sekitar {affordable} peserta.",
        "en": "The budget set aside is {budget} a year, {left} short of those premiums. With the same mix of "
              "members it covers about {affordable} members.",
    },
    # The stated budget is the APBD's: set against the APBD's share; the members it covers at the same mix assume
    # that the other payers pay for their share of them too (sim.coverage.members_affordable).
    "exec_budget_left_others": {
        "id": "Anggaran APBD yang disediakan {budget} per tahun; setelah iuran bagian APBD tersebut masih tersisa "
              "{left}. Dengan komposisi peserta yang sama, bila pihak lain tetap membayar iuran bagian mereka, "
              "anggaran ini cukup untuk sekitar {affordable} peserta.",
        "en": "The APBD budget set aside is {budget} a year, which leaves {left} after the APBD's share of the "
              "premiums. With the same mix of members, the other payers paying for their share, it would cover "
              "about {affordable} members.",
    },
    "exec_budget_short_others": {
        "id": "Anggaran APBD yang disediakan {budget} per tahun; untuk membayar iuran bagian APBD tersebut masih "
              "kurang {left}. Dengan komposisi peserta yang sama, bila pihak lain tetap membayar iuran bagian "
              "mereka, anggaran ini cukup untuk sekitar {affordable} peserta.",
        "en": "The APBD budget set aside is {budget} a year, {left} short of the APBD's share of the premiums. With "
              "the same mix of members, the other payers paying for their share, it covers about {affordable} "
              "members.",
    },
    "exec_target": {
        "id": "Untuk mencapai target {target} peserta dengan komposisi yang sama, iuran yang diperlukan {premium} per "
              "tahun.",
        "en": "Reaching the target of {target} members with the same mix would take {premium} of premiums a year.",
    },
    "exec_target_others": {
        "id": "Untuk mencapai target {target} peserta dengan komposisi yang sama, iuran yang diperlukan {premium} per "
              "tahun, {apbd} di antaranya dari APBD bila pihak lain membayar iuran bagian mereka.",
        "en": "Reaching the target of {target} members with the same mix would take {premium} of premiums a year, "
              "{apbd} of it from the APBD if the other payers pay for their share.",
    },
    "exec_claims": {
        # "Owes" (menanggung), not "pays": the claims of a year are the benefits falling due in it; BPJS may pay some
        # of them the next year (reporting and verification take time: [claim_timing], sim plan's paid column).
        # Falling due, not "of the year's events": a scholarship is counted in the years its instalments fall due
        # (closed_form._spread_scholarships), so the first year's events leave later instalments out of its claims
        # (exec_claims_later says how much).
        # The count is of cases (deaths and accidents, each once): a calibration table may count claims paid with
        # every scholarship instalment as a claim, over other months (calib_counts says which).
        "id": "Manfaat atas kematian dan kecelakaan kerja yang jatuh tempo pada tahun {period}, yang ditanggung BPJS "
              "Ketenagakerjaan bagi peserta dan ahli warisnya, diperkirakan sebesar {mean} (rata-rata simulasi): "
              "manfaat selain beasiswa atas kasus tahun itu ditambah pembayaran beasiswa tahunan yang jatuh tempo "
              "pada tahun itu. Dalam 9 dari 10 simulasi, nilainya berada antara {p5} dan {p95} (rentang 90%). "
              "Jumlah kasusnya sekitar {count}: kematian dan kecelakaan kerja yang terjadi dalam {months} bulan "
              "pada tahun itu, masing-masing dihitung sekali (pembayaran beasiswa tahunan tidak dihitung sebagai "
              "kasus tersendiri).",
        "en": "The benefits falling due in {period} for deaths and work accidents, which BPJS Ketenagakerjaan owes "
              "members and their families, are expected to come to {mean} (the simulation mean): the benefits of "
              "that year's cases other than scholarships, and the scholarship instalments due that year. In 9 out "
              "of 10 simulations the amount lies between {p5} and {p95} (the 90% interval). They come from about "
              "{count} cases: the deaths and work accidents of the {months} months of that year, each counted once "
              "(scholarship instalments are not counted as cases of their own).",
    },
    # After exec_claims: what the first year's cases leave due later (report.json first_year_scholarships, the
    # closed form's expectation), which the year's claims leave out, and the year's claims and ratio by event year.
    "exec_claims_later": {
        "id": "Kasus-kasus itu juga meninggalkan pembayaran beasiswa sebesar {later} yang jatuh tempo setelah tahun "
              "{period} (nilai harapan, tanpa diskonto{horizon}) dan tidak termuat dalam angka {period} di atas.",
        "en": "These cases also leave scholarship instalments of {later} due after {period} (an expected value, "
              "undiscounted{horizon}), which the {period} figure leaves out.",
    },
    # Under the results table (report.json horizon_scholarships): what the horizon's own cases leave due after it.
    "results_after_horizon": {
        "id": "Kematian dan cacat total tetap {first}–{last} juga meninggalkan pembayaran beasiswa sebesar {after} "
              "({count} pembayaran; nilai harapan, tanpa diskonto) yang baru jatuh tempo setelah {end}. Angka klaim "
              "dalam tabel tidak memuatnya, karena klaim adalah manfaat yang jatuh tempo dalam periode; BPJS masih "
              "akan membayarnya setelah periode proyeksi berakhir.",
        "en": "The deaths and total disabilities of {first}–{last} also leave scholarship instalments of {after} "
              "({count} instalments; an expected value, undiscounted) falling due after {end}. The table's claims "
              "leave them out, as claims are the benefits falling due in the period; BPJS will still pay them after "
              "the horizon ends.",
    },
    "results_after_horizon_share": {
        "id": "Jumlah itu setara dengan {share} klaim seluruh periode menurut perhitungan langsung.",
        "en": "That is {share} of the horizon's claims by direct calculation.",
    },
    "exec_claims_later_horizon": {
        "id": "; {in_horizon} di antaranya jatuh tempo sebelum akhir periode proyeksi, {end}",
        "en": "; {in_horizon} of it by the horizon's end, {end}",
    },
    "exec_claims_event_year": {
        "id": "Bila dihitung menurut tahun kejadian, klaim {period} menjadi sekitar {event_year} dan rasio klaimnya "
              "{event_ratio}, bukan {ratio}.",
        "en": "Counted by the year of the event, the {period} claims come to about {event_year} and the claim ratio "
              "to {event_ratio} instead of {ratio}.",
    },
    "exec_claims_event_year_no_ratio": {
        "id": "Bila dihitung menurut tahun kejadian, klaim {period} menjadi sekitar {event_year}.",
        "en": "Counted by the year of the event, the {period} claims come to about {event_year}.",
    },
    # After exec_ratio, for a scenario whose interval covers random events only (report_sections._ratio_assumptions).
    "exec_ratio_assumptions": {
        "id": "Rentang dan peluang ini hanya mencakup kejadian acak dengan asumsi skenario yang tetap. Asumsi itu "
              "sendiri tidak pasti: di kedua batas rentang asumsi yang paling berpengaruh, “{name}”, rasio klaim "
              "{period} menjadi {{low}} dan {{high}} menurut perhitungan langsung (lihat Sensitivitas terhadap "
              "asumsi).",
        "en": "This interval and probability cover random events only, with the scenario's assumptions held fixed. "
              "The assumptions themselves are uncertain: at the two ends of the range of the most influential one, "
              "“{name}”, the {period} claim ratio would be {{low}} and {{high}} by direct calculation (see "
              "Sensitivity to assumptions).",
    },
    "exec_ratio": {
        "id": "Iuran tahun {period} dihitung dari peserta yang aktif pada bulan-bulan itu: {premium}. Angka ini "
              "berbeda dari anggaran setahun penuh untuk peserta awal di atas karena jumlah peserta berubah selama "
              "tahun itu (misalnya karena ada peserta yang meninggal). Terhadap iuran ini, rasio klaim rata-rata "
              "{ratio} (rentang 90%: {r5} sampai {r95}). Peluang klaim melebihi iuran: {prob}.",
        "en": "The {period} premium counts the members in force in those months: {premium}. It differs from the "
              "full-year budget for the starting members above because membership changes during the year (members "
              "who die leave, for instance). Against this premium the claim ratio averages {ratio} (90% interval "
              "{r5} to {r95}). The chance that claims exceed premiums is {prob}.",
    },
    # exec_ratio for a first year the horizon holds part of (a start after January, a horizon within the year):
    # its premium is of those months, which is why it is below the full-year budget above.
    "exec_ratio_part": {
        "id": "Iuran tahun {period} dihitung dari peserta yang aktif dalam {months} bulan tersebut: {premium}, yaitu "
              "iuran {months} bulan saja, bukan iuran setahun penuh seperti anggaran di atas. Terhadap iuran ini, "
              "rasio klaim rata-rata {ratio} (rentang 90%: {r5} sampai {r95}). Peluang klaim melebihi iuran: {prob}.",
        "en": "The {period} premium counts the members in force in its {months} months: {premium}, the premium of "
              "{months} months only, not a full year's premium as the budget above. Against this premium the claim "
              "ratio averages {ratio} (90% interval {r5} to {r95}). The chance that claims exceed premiums is "
              "{prob}.",
    },
    "prob_all": {
        "id": "Klaim melebihi iuran dalam semua {trials} simulasi. Karena itu peluangnya ditulis {prob}, bukan "
              "100%: dengan {trials} simulasi, kaidah tiga (rule of three) hanya dapat "
              "memastikan peluangnya di atas {bound} (tingkat kepercayaan 95%).",
        "en": "Claims exceeded premiums in all {trials} simulations. The chance is therefore shown as {prob}, not "
              "100%: from {trials} simulations the rule of three can only bound it above {bound} "
              "(95% confidence).",
    },
    "prob_none": {
        "id": "Klaim tidak melebihi iuran dalam satu pun dari {trials} simulasi. Karena itu peluangnya ditulis "
              "{prob}, bukan 0%: dengan {trials} simulasi, kaidah tiga (rule of three) hanya dapat "
              "memastikan peluangnya di bawah {bound} (tingkat kepercayaan 95%).",
        "en": "Claims exceeded premiums in none of the {trials} simulations. The chance is therefore shown as "
              "{prob}, not 0%: from {trials} simulations the rule of three can only bound it below {bound} "
              "(95% confidence).",
    },
    "prob_count": {
        "id": "Peluang ini ditulis sebagai jumlah simulasi, bukan persentase: dengan hanya {trials} simulasi, kaidah "
              "tiga (rule of three) belum dapat membatasi peluangnya (diperlukan sedikitnya 4 simulasi).",
        "en": "This chance is given as a count of simulations, not a percentage: from only {trials} simulations the "
              "rule of three cannot bound it (that needs at least 4 simulations).",
    },
    "prob_table_note_count": {
        "id": "Peluang klaim > iuran: {above} berarti klaim melebihi iuran dalam semua {trials} simulasi, {below} "
              "dalam tidak satu pun; ditulis sebagai jumlah simulasi, bukan persentase, karena dengan hanya "
              "{trials} simulasi kaidah tiga (rule of three) belum dapat membatasi peluangnya (diperlukan "
              "sedikitnya 4 simulasi).",
        "en": "P(claims > premium): {above} means claims exceeded premiums in all {trials} simulations, {below} in "
              "none; given as a count of simulations, not a percentage, because from only {trials} simulations the "
              "rule of three cannot bound the chance (that needs at least 4 simulations).",
    },
    "prob_table_note": {
        "id": "Peluang klaim > iuran: {above} berarti klaim melebihi iuran dalam semua (atau hampir semua) dari "
              "{trials} simulasi, {below} berarti tidak terjadi di satu simulasi pun (atau hampir tidak ada); "
              "simulasi yang jumlahnya terbatas tidak dapat menunjukkan kepastian 100% atau 0%, dan menurut "
              "kaidah tiga peluangnya hanya dapat dipastikan di atas {high} atau di bawah {low} (tingkat kepercayaan "
              "95%).",
        "en": "P(claims > premium): {above} means claims exceeded premiums in all (or nearly all) of the {trials} "
              "simulations, {below} in none (or nearly none); a finite number of simulations cannot show a "
              "certainty of 100% or 0%, and by the rule of three the chance can only be bounded above {high} or "
              "below {low} (95% confidence).",
    },
    "exec_horizon": {
        "id": "Selama {months} bulan proyeksi ({period}), klaim berjumlah rata-rata {claims} dibandingkan iuran "
              "{premium}: rasio klaim {ratio}.",
        "en": "Over the whole {months}-month horizon ({period}) claims average {claims} against {premium} of "
              "premiums: a claim ratio of {ratio}.",
    },
    # ... in a run-off (report_trend.runoff_years): the horizon's total is that of the starting members only.
    "exec_horizon_runoff": {
        "id": "Selama {months} bulan proyeksi ({period}), dengan hanya menghitung peserta {start} yang masih hidup "
              "(tanpa peserta baru), klaim berjumlah rata-rata {claims} dibandingkan iuran {premium}: rasio klaim "
              "{ratio}.",
        "en": "Over the whole {months}-month horizon ({period}), counting only the members of {start} still alive "
              "(no new members), claims average {claims} against {premium} of premiums: a claim ratio of {ratio}.",
    },
    # Why the claim ratio changes over the horizon (sim.ratio_change; report_trend).
    # The years' ratios are simulation means; the split is by direct calculation, whose first and last ratios are
    # shown with it (233 % and 274 % simulated beside +42 points read as a sum that does not add up).
    "trend_years": {
        "id": "Rasio klaim (rata-rata simulasi) berubah dari tahun ke tahun: {items}.",
        "en": "The claim ratio (simulation mean) changes from year to year: {items}.",
    },
    "trend_year": {"id": "{ratio} pada {year}", "en": "{ratio} in {year}"},
    # A run-off (no projection: the members at the start, none joining, the dead not replaced): its years after the
    # first are not a forecast of the programme, which will enrol new members (report_trend.runoff_years).
    "trend_runoff": {
        "id": "Angka tahun {years} hanya untuk peserta {start} yang masih hidup, tanpa peserta baru, sehingga bukan "
              "perkiraan program kota pada tahun-tahun itu.",
        "en": "The figures for {years} are those of the members of {start} still alive, with no new members, so they "
              "are not a forecast of the city's programme in those years.",
    },
    "trend_runoff_one": {
        "id": "Angka tahun {years} hanya untuk peserta {start} yang masih hidup, tanpa peserta baru, sehingga bukan "
              "perkiraan program kota pada tahun itu.",
        "en": "The figures for {years} are those of the members of {start} still alive, with no new members, so they "
              "are not a forecast of the city's programme in that year.",
    },
    "trend_split": {
        "id": "Menurut perhitungan langsung (tanpa simulasi), rasio klaim berubah dari {r0} pada {y0} menjadi {r1} "
              "pada {y1}, yaitu {points} poin persentase. Sumbangan setiap faktor di bawah ini terhadap perubahan itu, "
              "dihitung per peserta aktif per tahun, tertulis dalam kurung sebagai poin persentase rasio klaim. "
              "{items}",
        "en": "By direct calculation (without simulation) the claim ratio goes from {r0} in {y0} to {r1} in {y1}, "
              "a change of {points} percentage points. What each factor below adds to that change, counted per member "
              "in force a year, is in brackets, in percentage points of the claim ratio. {items}",
    },
    "trend_death_rate": {"id": "kematian per 1.000 peserta dari {a} menjadi {b} ({points} {unit})",
                         "en": "deaths per 1,000 members from {a} to {b} ({points} {unit})"},
    "trend_benefit_per_death": {"id": "santunan rata-rata per kematian dari {a} menjadi {b} ({points} {unit})",
                                "en": "benefit per death from {a} to {b} ({points} {unit})"},
    "trend_scholarships": {"id": "beasiswa per peserta dari {a} menjadi {b} ({points} {unit})",
                           "en": "scholarships per member from {a} to {b} ({points} {unit})"},
    "trend_accidents": {
        "id": "manfaat kecelakaan kerja lainnya per peserta (perawatan, upah selama tidak mampu bekerja, cacat) dari "
              "{a} menjadi {b} ({points} {unit})",
        "en": "other work-accident benefits per member (care, wages while unable to work, disability) from {a} to "
              "{b} ({points} {unit})",
    },
    # Per member in force, not per starting member (the summary's budget per member: Rp174,483 against Rp174,413).
    "trend_premium": {"id": "iuran per peserta aktif dari {a} menjadi {b} ({points} {unit})",
                      "en": "premium per member in force from {a} to {b} ({points} {unit})"},
    "trend_point": {"id": "poin", "en": "point"},
    "trend_points": {"id": "poin", "en": "points"},
    "trend_why_death_rate_up": {
        "id": ": peserta makin tua dan risiko kematian naik seiring usia (komposisi segmen juga dapat berubah)",
        "en": ": the members grow older and mortality rises with age (the mix of segments may change too)",
    },
    "trend_why_death_rate_up_closed": {
        "id": ": skenario ini tidak menambah peserta baru, sehingga peserta yang sama makin tua dan risiko kematian "
              "naik seiring usia",
        "en": ": the scenario adds no new members, so the same members grow older and mortality rises with age",
    },
    "trend_why_death_rate_down": {
        "id": ": peserta yang bergabung lebih muda, atau komposisi segmen berubah",
        "en": ": younger members joining, or a change in the mix of segments",
    },
    "trend_why_benefit_per_death_early": {
        "id": ": peserta BPU yang meninggal bukan karena kecelakaan kerja (JKM) dalam {months} bulan pertama "
              "kepesertaan hanya menerima {early}, dan kematian seperti itu lebih banyak pada tahun ketika banyak "
              "peserta baru",
        "en": ": a BPU member who dies of causes other than a work accident (JKM) within the first {months} months "
              "of membership receives only {early}, and such deaths are more frequent in a year when many members "
              "are new",
    },
    # A run-off (no new members): only the starting members still in their first months have the small benefit,
    # in the first year alone.
    "trend_why_benefit_per_death_early_closed": {
        "id": ": peserta BPU yang meninggal bukan karena kecelakaan kerja (JKM) dalam {months} bulan pertama "
              "kepesertaan hanya menerima {early}; pada tahun pertama sebagian peserta BPU masih dalam {months} bulan "
              "pertama kepesertaannya, sesudahnya tidak ada lagi karena tidak ada peserta baru",
        "en": ": a BPU member who dies of causes other than a work accident (JKM) within the first {months} months "
              "of membership receives only {early}; in the first year some BPU members are still within their first "
              "{months} months, later none are, as no members join",
    },
    "trend_why_benefit_per_death": {
        "id": ": proporsi kematian akibat kecelakaan kerja (santunannya lebih besar) dan aturan santunan yang berlaku",
        "en": ": the share of deaths from work accidents (whose benefit is larger) and the benefit rules in force",
    },
    # Appended to a factor's reason when a benefit rule behind it changes within the horizon (report_trend).
    "trend_why_rules_change": {
        "id": "; selain itu, aturan santunan berubah selama periode proyeksi: {rules} (lihat tabel aturan yang "
              "berubah)",
        "en": "; the benefit rules also change during the horizon: {rules} (see the table of rules that change)",
    },
    "trend_rule_from": {"id": "{rule} mulai {month}", "en": "{rule} from {month}"},
    # The scholarship reason is built from parts (sim.report_trend._factor): the 36 months of membership only where
    # JKM scholarships are paid within the horizon, the deaths before the start only where members were covered at
    # the start. A programme that starts with nobody (jambi-2025-pipeline) pays only JKK scholarships, which need no
    # minimum membership, and had no deaths before its start.
    "trend_why_scholarships": {
        "id": ": pembayaran beasiswa tahunan bagi anak peserta yang meninggal atau cacat total tetap akibat "
              "kecelakaan kerja pada tahun-tahun proyeksi sebelumnya terus berjalan, sehingga jumlahnya bertambah "
              "dari tahun ke tahun",
        "en": ": the instalments for the children of members who died, or were totally disabled by a work "
              "accident, in earlier years of the projection fall due every year, so they build up",
    },
    "trend_why_scholarships_reach": {
        "id": ", dan makin banyak peserta mencapai masa kepesertaan {min} bulan yang disyaratkan",
        "en": ", and more members reach the {min} months of membership a scholarship needs",
    },
    "trend_why_scholarships_jkk_only": {
        "id": "; semuanya beasiswa atas kematian atau cacat total tetap akibat kecelakaan kerja (JKK), yang tidak "
              "mensyaratkan masa kepesertaan minimum: dalam periode proyeksi belum ada peserta yang mencapai masa "
              "kepesertaan {min} bulan yang disyaratkan untuk beasiswa JKM",
        "en": "; all of them for a work-accident death or total disability (JKK), which needs no minimum "
              "membership: within the horizon no member reaches the {min} months of membership a JKM scholarship "
              "needs",
    },
    "trend_why_scholarships_before": {
        "id": "; pembayaran beasiswa atas kematian sebelum {start} tidak dihitung, sehingga beasiswa tahun pertama "
              "lebih rendah daripada yang sebenarnya dibayar",
        "en": "; instalments for deaths before {start} are not counted, so the first year's scholarships are lower "
              "than those actually paid",
    },
    "trend_why_accidents": {
        "id": ": komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda",
        "en": ": the mix of segments, whose work-accident rates differ",
    },
    # ... and, with a care cost trend (assumptions.severity.medical_cost_trend), the care prices of each calendar
    # year, which move the care part of these benefits too: a reason where they move them the way they went, "although"
    # where the mix moved them the other way (no figure: the rate is in the register).
    "trend_why_accidents_prices_up": {
        "id": ": komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, dan biaya perawatan medis yang "
              "naik setiap tahun (asumsi kenaikan biaya perawatan medis per tahun)",
        "en": ": the mix of segments, whose work-accident rates differ, and care prices rising every year (the "
              "assumed medical cost rise per year)",
    },
    "trend_why_accidents_prices_up_against": {
        "id": ": komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, meskipun biaya perawatan medis "
              "naik setiap tahun (asumsi kenaikan biaya perawatan medis per tahun)",
        "en": ": the mix of segments, whose work-accident rates differ, although care prices rise every year (the "
              "assumed medical cost rise per year)",
    },
    "trend_why_accidents_prices_down": {
        "id": ": komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, dan biaya perawatan medis yang "
              "turun setiap tahun (asumsi kenaikan biaya perawatan medis per tahun, di bawah 0)",
        "en": ": the mix of segments, whose work-accident rates differ, and care prices falling every year (the "
              "assumed medical cost rise per year, below 0)",
    },
    "trend_why_accidents_prices_down_against": {
        "id": ": komposisi segmen, yang tingkat kecelakaan kerjanya berbeda-beda, meskipun biaya perawatan medis "
              "turun setiap tahun (asumsi kenaikan biaya perawatan medis per tahun, di bawah 0)",
        "en": ": the mix of segments, whose work-accident rates differ, although care prices fall every year (the "
              "assumed medical cost rise per year, below 0)",
    },
    # ... and, with a PU wage growth (assumptions.wage_growth) and a PU segment, the wage of each calendar year, which
    # moves the benefits set on it: a clause of its own, true whichever way the total went.
    "trend_why_accidents_wages_up": {
        "id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) juga menaikkan "
              "manfaat yang dihitung dari upah",
        "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the benefits set on the "
              "wage",
    },
    "trend_why_accidents_wages_down": {
        "id": "; upah peserta PU yang turun setiap tahun (asumsi kenaikan upah peserta PU per tahun, di bawah 0) juga "
              "menurunkan manfaat yang dihitung dari upah",
        "en": "; PU wages falling every year (the assumed PU wage rise per year, below 0) also lower the benefits set "
              "on the wage",
    },
    # The same clause after the benefit per death's reason: a work-accident death pays 48 x the wage (its floor aside).
    "trend_why_death_wages_up": {
        "id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) juga menaikkan "
              "santunan kematian akibat kecelakaan kerja, yang dihitung dari upah",
        "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the work-accident death "
              "benefit, set on the wage",
    },
    "trend_why_death_wages_down": {
        "id": "; upah peserta PU yang turun setiap tahun (asumsi kenaikan upah peserta PU per tahun, di bawah 0) juga "
              "menurunkan santunan kematian akibat kecelakaan kerja, yang dihitung dari upah",
        "en": "; PU wages falling every year (the assumed PU wage rise per year, below 0) also lower the work-accident "
              "death benefit, set on the wage",
    },
    # ... and of the premium per member: the PU premium is a share of the wage, its rate ("tarif") unchanged.
    "trend_why_premium_wages_up": {
        "id": "; upah peserta PU yang naik setiap tahun (asumsi kenaikan upah peserta PU per tahun) juga menaikkan "
              "iuran PU, yang dihitung dari upah",
        "en": "; PU wages rising every year (the assumed PU wage rise per year) also raise the PU premium, set on "
              "the wage",
    },
    "trend_why_premium_wages_down": {
        "id": "; upah peserta PU yang turun setiap tahun (asumsi kenaikan upah peserta PU per tahun, di bawah 0) juga "
              "menurunkan iuran PU, yang dihitung dari upah",
        "en": "; PU wages falling every year (the assumed PU wage rise per year, below 0) also lower the PU premium, "
              "set on the wage",
    },
    "trend_why_premium_up": {
        "id": ": iuran per peserta yang lebih tinggi menurunkan rasio; komposisi peserta PU dan BPU serta tarif "
              "yang berlaku berubah",
        "en": ": a higher premium per member lowers the ratio; the mix of PU and BPU members and the rates in force "
              "change",
    },
    "trend_why_premium_down": {
        "id": ": iuran per peserta yang lebih rendah menaikkan rasio; komposisi peserta PU dan BPU (tarifnya berbeda) "
              "serta tarif yang berlaku berubah",
        "en": ": a lower premium per member raises the ratio; the mix of PU and BPU members (whose rates differ) and "
              "the rates in force change",
    },
    # No segment's rate changes within the horizon: only the mix of members moves the premium per member.
    "trend_why_premium_up_mix": {
        "id": ": iuran per peserta yang lebih tinggi menurunkan rasio; komposisi peserta PU dan BPU (tarifnya "
              "berbeda) berubah, sedangkan tarifnya sendiri tetap",
        "en": ": a higher premium per member lowers the ratio; the mix of PU and BPU members (whose rates differ) "
              "changes, while the rates themselves stay the same",
    },
    "trend_why_premium_down_mix": {
        "id": ": iuran per peserta yang lebih rendah menaikkan rasio; komposisi peserta PU dan BPU (tarifnya "
              "berbeda) berubah, sedangkan tarifnya sendiri tetap",
        "en": ": a lower premium per member raises the ratio; the mix of PU and BPU members (whose rates differ) "
              "changes, while the rates themselves stay the same",
    },
    "trend_rounded": {
        "id": " Tiap sumbangan dibulatkan sendiri, sehingga jumlahnya dapat berbeda sedikit dari perubahan total.",
        "en": " Each part is rounded on its own, so they may not add up exactly to the total change.",
    },
    "trend_rest": {
        "id": " Sumbangan faktor lain masing-masing kurang dari 0,1 poin.",
        "en": " The other factors add less than 0.1 point each.",
    },
    "calib_lead": {
        "id": "Kalibrasi. Tingkat kematian dan kecelakaan kerja yang bertanda hasil kalibrasi dalam daftar asumsi "
              "berasal dari kalibrasi terhadap klaim yang benar-benar tercatat ({periods}): asumsi skenario {base} "
              "dikalikan {m} untuk kematian (rentang 90%: {m5}–{m95}) dan {a} untuk kecelakaan kerja "
              "({a5}–{a95}); angka-angka ini adalah rata-rata hasil kalibrasi.",
        "en": "Calibration. The death and work-accident rates marked calibrated in the assumption register come "
              "from a calibration to claims actually recorded ({periods}): the assumptions of scenario {base} "
              "multiplied by {m} for deaths (90% interval {m5}–{m95}) and by {a} for work accidents ({a5}–{a95}), "
              "the calibration's averages.",
    },
    "calib_compare": {
        "id": "Tabel berikut membandingkan angka yang tercatat dengan perkiraan model setelah kalibrasi "
              "untuk bulan-bulan yang sama.",
        "en": "The table sets the recorded figures beside what the calibrated model expects for the same months.",
    },
    "calib_compare_posterior": {
        "id": "Tabel berikut menunjukkan angka yang tercatat dan pengali hasil kalibrasi (skenario ini tidak "
              "menyimpan perkiraan model untuk bulan-bulan itu).",
        "en": "The tables show the recorded figures and the calibrated multipliers (this scenario does not record "
              "what the model expects for those months).",
    },
    "calib_col_measure": {"id": "Ukuran", "en": "Measure"},
    "calib_col_observed": {"id": "Tercatat", "en": "Recorded"},
    "calib_col_expected": {"id": "Perkiraan model setelah kalibrasi", "en": "Calibrated model expects"},
    "calib_claims": {"id": "Jumlah klaim", "en": "Number of claims"},
    "calib_claims_scholarships": {
        "id": "Jumlah klaim dibayar (setiap pembayaran beasiswa tahunan dihitung satu klaim; bukan jumlah kasus)",
        "en": "Number of claims paid (each scholarship instalment counted as a claim; not a number of cases)",
    },
    "calib_months": {"id": "{months} bulan", "en": "{months} months"},
    "share_list_months": {"id": "{months} bulan", "en": "{months} months"},  # a tenure's or delay's entry
    "calib_amount": {"id": "Nilai klaim", "en": "Amount of claims"},
    "calib_per_claim": {"id": "Rata-rata per klaim", "en": "Average per claim"},
    "calib_scope_jkm": {"id": "JKM saja", "en": "JKM only"},
    "calib_scope_jkk": {"id": "JKK saja", "en": "JKK only"},
    "calib_table_note": {
        "id": "Sumber angka tercatat: {source} (berkas {file}). Perkiraan model: perhitungan langsung (tanpa "
              "simulasi) untuk peserta skenario {base} dengan pengali rata-rata hasil kalibrasi, pada bulan, segmen, "
              "dan cara menghitung klaim yang sama.",
        "en": "Recorded figures: {source} (file {file}). Expected figures: the direct calculation (without "
              "simulation) for the members of scenario {base} at the calibration's average multipliers, for the same "
              "months, segment and way of counting claims.",
    },
    "calib_col_multiplier": {"id": "Pengali", "en": "Multiplier"},
    "calib_col_mean": {"id": "Rata-rata hasil kalibrasi", "en": "Calibrated average"},
    "calib_col_p5": {"id": "Batas bawah 90%", "en": "90% interval, low"},
    "calib_col_p95": {"id": "Batas atas 90%", "en": "90% interval, high"},
    "calib_mortality": {"id": "Kematian (bukan kecelakaan kerja)", "en": "Deaths (not work accidents)"},
    "calib_accident": {"id": "Kecelakaan kerja", "en": "Work accidents"},
    "calib_misfit": {
        "id": "Peringatan: dengan pengali berapa pun, model tidak dapat menghasilkan jumlah klaim dan nilai klaim "
              "yang tercatat sekaligus. Jarak terkecil antara angka tercatat dan model adalah {chi2} (ukuran jarak "
              "statistik atas {values} angka; bila model benar, jarak sebesar itu atau lebih muncul dengan peluang "
              "{p}).",
        "en": "Warning: no setting of the multipliers lets the model reproduce both the recorded number of claims "
              "and their amount. The smallest distance between the recorded figures and the model is {chi2} (a "
              "statistical distance over {values} values; if the model held, a distance that large would come up "
              "with a chance of {p}).",
    },
    # An observation whose count and amount were fitted together (sim calibrate and sim validate warn as well).
    "calib_joint_fit": {
        "id": "Perhatian: kalibrasi ini mencocokkan jumlah klaim dan nilai klaim sekaligus dengan pendekatan "
              "distribusi normal, yang bisa menggeser rentang 90% pengali lebih jauh dari lebar rentang itu sendiri "
              "bila kedua angka tidak sejalan; kalibrasi pada nilai klaim saja lebih dapat diandalkan.",
        "en": "Caution: this calibration fitted the number of claims and their amount together with a normal "
              "approximation, which can move the multipliers' 90% intervals by more than their own width where the "
              "two figures disagree; a calibration to the amount alone is more reliable.",
    },
    "calib_misfit_between": {
        "id": "Hasil kalibrasi ini adalah kompromi antara jumlah dan nilai klaim, dan perkiraan dalam laporan ini "
              "ikut terpengaruh oleh kompromi itu.",
        "en": "The calibration is a compromise between the count and the amount, and the forecasts in this report "
              "inherit it.",
    },
    "calib_misfit_outside": {
        "id": "Hasil kalibrasi ini bukan kompromi di antara keduanya: dalam model, jumlah dan nilai klaim bergerak "
              "bersama (keduanya mengikuti jumlah kematian), sehingga ketika rata-rata nilai per klaim yang tercatat "
              "jauh dari rata-rata model, titik paling cocok dapat melewati kedua angka tercatat.",
        "en": "The calibration is not a compromise between the two: in the model the count and the amount move "
              "together (both follow the deaths), so when the recorded amount per claim is far from the model's, "
              "the best fit can lie beyond both recorded figures.",
    },
    "calib_fit_above": {
        "id": "Untuk {period}, model terkalibrasi memperkirakan jumlah klaim {claims} lebih banyak dan nilai klaim "
              "{amount} lebih besar daripada yang tercatat. Perkiraan dalam laporan ini ikut terpengaruh: lebih "
              "mungkin terlalu tinggi daripada terlalu rendah.",
        "en": "For {period}, the calibrated model expects {claims} more claims and {amount} more in claims paid "
              "than were recorded. The forecasts in this report inherit this: they are more likely too high than "
              "too low.",
    },
    "calib_fit_below": {
        "id": "Untuk {period}, model terkalibrasi memperkirakan jumlah klaim {claims} lebih sedikit dan nilai klaim "
              "{amount} lebih kecil daripada yang tercatat. Perkiraan dalam laporan ini ikut terpengaruh: lebih "
              "mungkin terlalu rendah daripada terlalu tinggi.",
        "en": "For {period}, the calibrated model expects {claims} fewer claims and {amount} less in claims paid "
              "than were recorded. The forecasts in this report inherit this: they are more likely too low than "
              "too high.",
    },
    "calib_prior_sets": {
        "id": "Klaim tercatat saja, tanpa rentang wajar yang diasumsikan sebelumnya dalam skenario {base}, paling "
              "cocok dengan pengali {what} {best}{edge}, di luar rentang 90% hasil kalibrasi: pengali ini lebih "
              "ditentukan oleh rentang wajar yang diasumsikan itu daripada oleh klaim tercatat.",
        "en": "The recorded claims alone, without the plausible range assumed beforehand in scenario {base}, fit "
              "best at a {what} multiplier of {best}{edge}, outside its calibrated 90% interval: this multiplier is "
              "set more by that assumed range than by the recorded claims.",
    },
    "no_segment_uses": {"id": "nilai bawaan, tidak dipakai karena setiap segmen punya nilai sendiri",
                        "en": "default, not used since every segment has its own"},
    "no_pu_segment": {"id": "tidak dipakai karena tidak ada segmen PU (upah peserta BPU ditetapkan menurut kelompok "
                            "penghasilan yang dilaporkan, sehingga tidak naik)",
                      "en": "not used since no segment is PU (a BPU member's wage is a declared income band, which "
                            "does not grow)"},
    "segments_without_own": {"id": "{n} segmen tanpa nilai sendiri", "en": "{n} segments without their own"},
    "calib_what_mortality": {"id": "kematian", "en": "death"},
    "calib_what_accident": {"id": "kecelakaan kerja", "en": "work-accident"},
    # The recorded claims and claim ratio beside the model's for the same months (calibration_figures: the
    # recorded premium and ratio from the experience file, the model's from calibration.window_forecast).
    "calib_recorded": {
        "id": "Klaim tercatat {period} ({months} bulan): {amount}.",
        "en": "Recorded claims, {period} ({months} months): {amount}.",
    },
    "calib_recorded_ratio": {
        "id": "Klaim tercatat {period} ({months} bulan): {amount}, dengan rasio klaim {ratio} seperti dilaporkan, atas "
              "iuran sekitar {premium} ({source}).",
        "en": "Recorded claims, {period} ({months} months): {amount}, a claim ratio of {ratio} as reported, on about "
              "{premium} of premiums ({source}).",
    },
    "calib_recorded_premium_other": {
        "id": "Iuran itu adalah iuran {premium_period} ({premium_months} bulan), bukan iuran {months} bulan yang "
              "sama dengan klaimnya: rasio {ratio} membandingkan klaim {months} bulan dengan iuran {premium_months} "
              "bulan.",
        "en": "That premium is the premium of {premium_period} ({premium_months} months), not of the same "
              "{months} months as the claims: the {ratio} sets {months} months of claims against {premium_months} "
              "months of premiums.",
    },
    # The same where the source does not say which months the premium covers (experience premium.months_stated).
    "calib_recorded_premium_other_assumed": {
        "id": "Sumbernya tidak menyebut bulan yang dicakup iuran itu; iuran itu dianggap iuran {premium_period} "
              "({premium_months} bulan), bukan iuran {months} bulan yang sama dengan klaimnya: rasio {ratio} "
              "membandingkan klaim {months} bulan dengan iuran {premium_months} bulan.",
        "en": "The source does not say which months that premium covers; it is taken as the premium of "
              "{premium_period} ({premium_months} months), not of the same {months} months as the claims: the "
              "{ratio} sets {months} months of claims against {premium_months} months of premiums.",
    },
    "calib_recorded_premium_other_brief_assumed": {
        "id": "Iuran itu dianggap iuran {premium_months} bulan ({premium_period}) karena sumbernya tidak menyebut "
              "bulannya; klaimnya untuk {months} bulan.",
        "en": "That premium is taken as {premium_months} months' ({premium_period}) because the source does not "
              "say which months it covers; the claims are for {months}.",
    },
    "calib_recorded_premium_other_brief": {
        "id": "Iuran itu untuk {premium_months} bulan ({premium_period}), klaimnya untuk {months} bulan.",
        "en": "That premium is for {premium_months} months ({premium_period}), the claims for {months}.",
    },
    "calib_model_window_brief": {
        "id": "Untuk {months} bulan yang sama, model terkalibrasi memperkirakan klaim {model} menurut perhitungan "
              "langsung, yaitu rasio klaim {model_ratio} (rentang 90% simulasi: {r5}–{r95}) atas iuran bulan-bulan "
              "itu; atas iuran yang sama, rasio klaim tercatat {same}.",
        "en": "For the same {months} months the calibrated model expects {model} of claims by direct calculation, a "
              "claim ratio of {model_ratio} (simulated 90% interval {r5}–{r95}) on those months' premiums; on the "
              "same premiums the recorded claims are {same}.",
    },
    # A model fitted to the recorded amount matches it by construction: the summary and the calibration part say
    # so, lest a reader take the agreement for a test (report_sections.recorded_paras, _window_detail).
    "calib_fitted_brief": {
        "id": "Kedekatan ini terjadi dengan sendirinya karena model dikalibrasi pada nilai klaim tercatat itu, "
              "jadi bukan bukti ketepatan model.",
        "en": "The two are close by construction: the model was calibrated to that recorded amount.",
    },
    "calib_fitted_brief_off": {
        "id": "Model dikalibrasi pada nilai klaim tercatat itu, tetapi tidak dapat menyamainya.",
        "en": "The model was calibrated to that recorded amount but cannot match it.",
    },
    # The recorded count kept out of the fit, and where it lies against the model's 90 % interval.
    "calib_count_brief_inside": {
        "id": "Jumlah klaim tercatat ({claims}) tidak dipakai dalam kalibrasi; angka itu berada di dalam rentang 90% "
              "model ({c5}–{c95}).",
        "en": "The recorded number of claims ({claims}) was not used in the calibration; it lies inside the model's "
              "90% interval ({c5}–{c95}).",
    },
    "calib_count_brief_below": {
        "id": "Jumlah klaim tercatat ({claims}) tidak dipakai dalam kalibrasi; angka itu berada di bawah rentang 90% "
              "model ({c5}–{c95}).",
        "en": "The recorded number of claims ({claims}) was not used in the calibration; it lies below the model's "
              "90% interval ({c5}–{c95}).",
    },
    "calib_count_brief_above": {
        "id": "Jumlah klaim tercatat ({claims}) tidak dipakai dalam kalibrasi; angka itu berada di atas rentang 90% "
              "model ({c5}–{c95}).",
        "en": "The recorded number of claims ({claims}) was not used in the calibration; it lies above the model's "
              "90% interval ({c5}–{c95}).",
    },
    "calib_detail_below": {"id": "Rinciannya di paragraf Kalibrasi di bawah.",
                           "en": "The calibration paragraph below has the detail."},
    "calib_fitted_not_a_test": {
        "id": "Nilai klaim itulah yang dipakai untuk kalibrasi, sehingga hasil ini bukan uji independen.",
        "en": "That amount is what the calibration fitted, so this is not an independent test.",
    },
    "calib_fitted_not_a_test_count": {
        "id": "Nilai klaim itulah yang dipakai untuk kalibrasi, sehingga hasil ini bukan uji independen; jumlah klaim "
              "di atas tidak dipakai dan menjadi pembanding, walaupun cara BPJS menghitung jumlah klaim tidak "
              "diumumkan.",
        "en": "That amount is what the calibration fitted, so this is not an independent test; the number of claims "
              "above was not used and is the comparison, though how BPJS counts claims is not published.",
    },
    # Where the calibration is presented, below the summary's brief comparison (calib_model_window_brief): only
    # what that does not say (report_sections._window_detail).
    "calib_model_window_detail": {
        "id": "Rincian perbandingan klaim tercatat dengan model di awal Ringkasan: dengan dasar yang sama dengan "
              "kalibrasi (manfaat yang jatuh tempo dalam {period}, termasuk pembayaran beasiswa tahunan, dibagi iuran "
              "bulan-bulan yang sama, yaitu {window_premium}), model terkalibrasi memperkirakan klaim {model} "
              "(rentang 90%: {m5}–{m95}).",
        "en": "The comparison of the recorded claims with the model at the start of the summary, in detail: on the "
              "calibration's own basis (the benefits falling due in {period}, scholarship instalments included, "
              "over the premiums of the same months, {window_premium}), the calibrated model expects {model} of "
              "claims (90% interval {m5}–{m95}).",
    },
    "calib_inside": {
        "id": "Nilai klaim tercatat berada di dalam rentang 90% model untuk bulan-bulan itu.",
        "en": "The recorded amount lies inside the model's 90% interval for those months.",
    },
    "calib_below": {
        "id": "Nilai klaim tercatat berada di bawah rentang 90% model untuk bulan-bulan itu.",
        "en": "The recorded amount lies below the model's 90% interval for those months.",
    },
    "calib_above": {
        "id": "Nilai klaim tercatat berada di atas rentang 90% model untuk bulan-bulan itu.",
        "en": "The recorded amount lies above the model's 90% interval for those months.",
    },
    "calib_model_none_after": {
        "id": "Proyeksi skenario ini baru dimulai {start}, sesudah bulan-bulan itu, sehingga laporan ini tidak memuat "
              "angka model untuk bulan-bulan itu.",
        "en": "This scenario's forecast starts in {start}, after those months, so this report has no model figure "
              "for them.",
    },
    "calib_model_none": {
        "id": "Proyeksi skenario ini tidak memuat bulan-bulan itu sebagai satu periode laporan yang utuh (misalnya "
              "dimulai atau berakhir di tengahnya, atau segmennya tidak ada dalam skenario ini), sehingga laporan ini "
              "tidak memuat angka model untuk bulan-bulan itu.",
        "en": "This scenario's forecast does not hold those months as one whole reporting period (it starts or ends "
              "within them, say, or their segment is not in it), so this report has no model figure for them.",
    },
    # The claims of the calibration table against the cases of the summary's first paragraphs (fault: 219 claims
    # in 11 months with instalments read as contradicting about 192 cases in 12 months).
    "calib_counts_instalments": {
        "id": "Jumlah klaim dalam tabel ini menghitung pembayaran dalam {months} bulan {period}: setiap kematian dan "
              "kecelakaan kerja, ditambah setiap pembayaran beasiswa tahunan sebagai klaim tersendiri, seperti klaim "
              "yang tercatat. Angka ini bukan jumlah kasus.",
        "en": "The number of claims in this table counts the payments in the {months} months of {period}: every "
              "death and work accident, plus every scholarship instalment as a claim of its own, as the recorded "
              "claims do. It is not a number of cases.",
    },
    "calib_counts_cases": {
        "id": "Jumlah klaim dalam tabel ini menghitung kematian dan kecelakaan kerja dalam {months} bulan {period}, "
              "masing-masing sekali (jumlah kasus).",
        "en": "The number of claims in this table counts the deaths and work accidents of the {months} months of "
              "{period}, each once (cases).",
    },
    "calib_counts_model": {
        "id": "Untuk {months} bulan yang sama, model memperkirakan {cases} kasus (kematian dan kecelakaan kerja, "
              "masing-masing dihitung sekali), yang bila ditambah pembayaran beasiswa tahunan menjadi {claims} klaim.",
        "en": "For the same {months} months the model expects {cases} cases (deaths and work accidents, each "
              "counted once), which with their scholarship instalments make {claims} claims.",
    },
    "calib_counts_year": {
        "id": "Jumlah kasus di awal ringkasan (sekitar {year_cases}) adalah kasus dalam {year_months} bulan pada "
              "tahun {year}.",
        "en": "The cases at the start of the summary (about {year_cases}) are those of the {year_months} months of "
              "{year}.",
    },
    "calib_grid_low": {"id": " (nilai terendah yang dihitung)", "en": " (the lowest value computed)"},
    "calib_grid_high": {"id": " (nilai tertinggi yang dihitung)", "en": " (the highest value computed)"},
    "calib_not_fitted": {"id": "(hanya pembanding, tidak dikalibrasi)", "en": "(comparison only, not fitted)"},
    "calib_count_unfitted": {
        "id": "Jumlah klaim tercatat ({claims}) tidak dipakai dalam kalibrasi; angka itu hanya menjadi pembanding. "
              "Rata-rata nilai per klaim tercatat {avg}, sedangkan dalam model {model_avg}: selama keduanya "
              "berbeda sejauh itu, tidak ada tingkat kematian dan kecelakaan yang cocok dengan jumlah dan nilai klaim "
              "sekaligus. Pembayaran mana yang dihitung BPJS sebagai satu klaim tidak diumumkan, sedangkan nilai "
              "klaim adalah angka yang menjadi dasar anggaran; karena itu kalibrasi hanya memakai nilai klaim. Untuk "
              "bulan-bulan yang sama model memperkirakan {expected} klaim (rentang 90%: {c5}–{c95}).",
        "en": "The recorded count of claims ({claims}) is not used in the calibration; it is shown for comparison "
              "only. The recorded claims average {avg} each, the model's {model_avg}: while the two differ so much, "
              "no death and accident rates match the count and the amount together. Which payments BPJS counts as "
              "one claim is not published, while the amount is the figure the budget rests on; so the calibration "
              "uses the amount alone. For the same months the model expects {expected} claims (90% interval: "
              "{c5}–{c95}).",
    },
    "calib_count_below": {"id": "Jumlah klaim tercatat berada di bawah rentang itu.",
                          "en": "The recorded count lies below that interval."},
    "calib_count_above": {"id": "Jumlah klaim tercatat berada di atas rentang itu.",
                          "en": "The recorded count lies above that interval."},
    "calib_count_inside": {"id": "Jumlah klaim tercatat berada di dalam rentang itu.",
                           "en": "The recorded count lies inside that interval."},
    "calib_misfit_scholarships": {
        "id": "Penyebab yang mungkin: apakah setiap pembayaran beasiswa tahunan dihitung sebagai satu klaim (di sini "
              "dihitung demikian, sesuai bunyi sumbernya).",
        "en": "A likely cause: whether each yearly scholarship payment counts as a claim (it does here, as the "
              "source's wording suggests).",
    },
    # Members enrolled before the scenario starts may have died or been totally disabled before it, their children's
    # scholarships still paid in the recorded months: in the record, not in the model (which starts with the living
    # members). Their size (report.json calibration.earlier_scholarships: sim.calibration.earlier_scholarships)
    # follows, or, where no calibrated scenario starts with the observed months, the rules that bound it.
    "calib_earlier_deaths": {
        "id": "Sebagian peserta sudah terdaftar sebelum {start} (paling lama {months} bulan sebelumnya). Karena itu "
              "klaim tercatat dapat memuat pembayaran beasiswa tahunan bagi anak peserta yang meninggal atau cacat "
              "total tetap sebelum {start}, sedangkan model kalibrasi dimulai {start} dengan peserta yang masih hidup dan "
              "tidak memuat pembayaran itu, sehingga pengali kematian hasil kalibrasi cenderung terlalu tinggi: model "
              "menjelaskan pembayaran itu dengan lebih banyak kematian.",
        "en": "Some members were enrolled before {start} (up to {months} months before). So the recorded claims may "
              "include yearly scholarship payments to children of members who died or were totally disabled before "
              "{start}, while the calibration's model starts in {start} with the living members and holds no such "
              "payments. The calibrated death multiplier therefore tends to be too high, as the model explains those "
              "payments with more deaths.",
    },
    # calib_earlier_deaths_size is written in two parts, the share of the recorded amount between them where the
    # record gives an amount of all benefits and segments (calib_earlier_deaths_share): "- of the recorded amount"
    # stood in a record of counts only.
    "calib_earlier_deaths_size": {
        "id": "Dihitung dari kelompok peserta menurut waktu mendaftar dan tingkat risiko skenario ini, nilai harapan "
              "pembayaran itu sekitar {amount} ({count} pembayaran)",
        "en": "On the scenario's enrolment cohorts and rates such payments come to an expected {amount} ({count} "
              "payments)",
    },
    "calib_earlier_deaths_share": {
        "id": ", {share} dari nilai klaim tercatat",
        "en": ", {share} of the recorded amount",
    },
    "calib_earlier_deaths_size_rest": {
        "id": ": {jkm} karena kematian bukan akibat kecelakaan kerja (JKM, hanya bila peserta sudah {min} bulan "
              "menjadi peserta), sisanya karena kematian dan cacat total tetap akibat kecelakaan kerja (JKK, tanpa masa kepesertaan minimum). "
              "Bila seluruhnya dijelaskan dengan kematian, pembayaran itu menaikkan pengali kematian paling banyak "
              "sekitar {lean}.",
        "en": ": {jkm} after non-work deaths (JKM, paid only once the member had {min} months of membership), the "
              "rest after work-accident deaths and total disabilities (JKK, no minimum membership). Explained by deaths alone, they raise the death multiplier by at most about "
              "{lean}.",
    },
    "calib_earlier_deaths_unsized": {
        "id": "Besarnya tidak dihitung di sini: beasiswa karena kematian bukan akibat kecelakaan kerja (JKM) hanya "
              "dibayar bila peserta sudah {min} bulan menjadi peserta, tetapi beasiswa karena kematian dan cacat total tetap "
              "akibat kecelakaan kerja (JKK) tanpa masa kepesertaan minimum.",
        "en": "Its size is not worked out here: a scholarship after a non-work death (JKM) is paid only once the "
              "member had {min} months of membership, but one after a work-accident death or total disability (JKK) "
              "with no minimum membership.",
    },
    # After calib_earlier_deaths_size (or _unsized): README "Recorded payments are read as incurred claims". No
    # record gives BPJS's payment lag; the [claim_timing] tables of the planning scenarios are assumptions.
    "calib_earlier_deaths_lag": {
        "id": "Ada pengaruh lain yang arahnya berlawanan: klaim tercatat adalah pembayaran, yang di sini dibandingkan "
              "dengan manfaat yang jatuh tempo pada bulan-bulan yang sama tanpa jeda pembayaran, sehingga klaim "
              "bulan-bulan itu yang belum dibayar pada tanggal pencatatan tidak termuat dan pengali hasil kalibrasi "
              "cenderung terlalu rendah. Lamanya jeda pembayaran itu tidak diketahui, sehingga tidak diketahui pula "
              "pengaruh mana yang lebih besar.",
        "en": "A second effect pulls the other way: the record counts payments, set here against the benefits "
              "falling due in the same months with no payment lag, so claims of those months still unpaid at the "
              "record's date are missing from it and the calibrated multipliers tend to be too low. How long "
              "payment takes is not known, so neither is which of the two effects is larger.",
    },
    "diff_calibration": {
        "id": "catatan kalibrasi (lihat Ringkasan; setiap kuncinya ada di differences.csv)",
        "en": "the calibration record (see the Summary; differences.csv lists each of its keys)",
    },
    "exec_who_pays": {
        "id": "Klaim dibayar oleh BPJS Ketenagakerjaan dari dana jaminan sosial, bukan dari APBD. Rasio klaim di atas "
              "100% berarti warga yang dijamin menerima manfaat lebih besar daripada iuran yang dibayarkan; biaya "
              "bagi kota tetap sebesar iuran yang dibayarnya.",
        "en": "Claims are paid by BPJS Ketenagakerjaan out of the social security fund, not from the city budget. A "
              "claim ratio above 100% means the covered residents receive more in benefits than is paid in "
              "premiums; the city's cost stays the premium it pays.",
    },
    "exec_checks_ok": {
        "id": "Pemeriksaan: rata-rata simulasi sesuai dengan perhitungan langsung (tanpa simulasi) untuk setiap "
              "segmen dan jenis manfaat, dan sebaran total klaim tahun pertama (kuantil 5% hingga 99,5%) sesuai "
              "dengan distribusi eksaknya (lihat Validasi).",
        "en": "Checks: the simulated means agree with the direct calculation (without simulation) for every segment "
              "and benefit, and the spread of the first year's total claims (its 5% to 99.5% quantiles) agrees with "
              "its exact distribution (see Validation).",
    },
    "exec_checks_flagged": {
        "id": "Perhatian: {n} hasil simulasi menyimpang dari perhitungan langsung atau dari distribusi eksak lebih "
              "jauh daripada batas toleransi simulasi; lihat baris bertanda di bagian Validasi.",
        "en": "Attention: {n} simulated result(s) differ from the direct calculation or the exact distribution by "
              "more than the simulations' margin of error; see the flagged rows under Validation.",
    },
    "exec_checks_too_few": {
        "id": "Pemeriksaan: {n} hasil tidak dapat diperiksa terhadap perhitungan langsung atau distribusi eksak "
              "karena jumlah simulasi terlalu sedikit; jalankan lebih banyak simulasi sebelum memakai angka ini.",
        "en": "Checks: {n} result(s) could not be checked against the direct calculation or the exact "
              "distribution because there are too few trials; run more trials before using these figures.",
    },
    "exec_trials": {
        "id": "Hasil berasal dari {trials} simulasi dengan bilangan awal {seed} untuk pembangkit bilangan acak; "
              "perhitungan ulang dengan bilangan awal yang sama memberi hasil yang persis sama. Semua nilai dalam "
              "rupiah; tahun adalah tahun kalender.",
        "en": "Results from {trials} simulations, whose random numbers start from the number {seed}: a rerun from "
              "the same number gives exactly the same results. All amounts in Rupiah; years are calendar years.",
    },
    # --- results ---
    "results_intro": {
        "id": "Peserta: rata-rata peserta aktif dalam periode. Iuran: dari tarif yang berlaku, untuk peserta yang "
              "aktif. Klaim: manfaat atas kematian dan kecelakaan kerja dalam periode, ditambah pembayaran "
              "beasiswa tahunan yang jatuh tempo dalam periode (BPJS dapat membayar sebagian klaim pada tahun "
              "berikutnya), "
              "sebagai rata-rata simulasi dan, sebagai pembanding, hasil perhitungan langsung (nilai harapan tanpa "
              "simulasi). P5 dan P95 membatasi rentang 90%: 90% simulasi untuk tahun yang sama berada di antara "
              "keduanya.",
        "en": "Members: average members in force over the period. Premium: at the rates in force, for the members "
              "in force. Claims: the benefits of the period's deaths and work accidents, plus the scholarship instalments "
              "falling due in it (BPJS may pay some claims the following year), "
              "as the simulation mean and, for comparison, the direct calculation (the expected value without "
              "simulation). p5 and p95 bound the 90% interval: 90% of the simulations of that same year lie between "
              "them.",
    },
    "results_risk": {
        "id": "Risiko tahun pertama pada tingkat 99,5%: klaim yang hanya terlampaui dalam 1 dari 200 simulasi tahun "
              "itu (VaR), rata-rata klaim dalam simulasi-simulasi terburuk itu (TVaR), dan selisih klaim di atas "
              "iuran, yang ditanggung BPJS Ketenagakerjaan.",
        "en": "First-year risk at 99.5%: the claims exceeded in only 1 of 200 simulations of that year (VaR), the "
              "mean claims in those worst simulations (TVaR), and the claims above premiums, which BPJS "
              "Ketenagakerjaan carries.",
    },
    # The same calendar year in the base scenario, when the base started earlier (report_base_year): both expected
    # ratios, then only the reasons that apply (madiun-2026-ucj's 2026 against madiun-2025's).
    "base_year": {
        "id": "Skenario dasarnya, {base}, juga memproyeksikan tahun {year}: rasio klaimnya {r_base} menurut "
              "perhitungan langsung (nilai harapan), sedangkan rasio klaim skenario ini {r_this} menurut perhitungan "
              "yang sama{mean}.",
        "en": "Its base scenario, {base}, also projects {year}: its claim ratio is {r_base} by direct calculation "
              "(the expected value), against {r_this} for this scenario by the same calculation{mean}.",
    },
    # A base further up the chain (madiun-2026-ucj-csr builds on madiun-2025 through madiun-2026-ucj).
    "base_year_through": {
        "id": "Skenario {base}, yang menjadi dasar skenario ini melalui {through}, juga memproyeksikan tahun {year}: "
              "rasio klaimnya {r_base} menurut perhitungan langsung (nilai harapan), sedangkan rasio klaim skenario "
              "ini {r_this} menurut perhitungan yang sama{mean}.",
        "en": "The scenario {base}, which this scenario builds on through {through}, also projects {year}: its claim "
              "ratio is {r_base} by direct calculation (the expected value), against {r_this} for this scenario by "
              "the same calculation{mean}.",
    },
    # Where this scenario's simulation mean for the year rounds otherwise than its direct calculation.
    "base_year_mean": {"id": " ({r_mean} sebagai rata-rata simulasi pada tabel)",
                       "en": " ({r_mean} as the simulation mean in the table)"},
    # A run-off base (no new members) against a projection: which figure a budget for the year rests on.
    # How the reasons call the earlier base: "the base" where it is this scenario's own base; by its name where it
    # is further up the chain, since the report's differences section calls the nearest base "the base".
    "base_year_ref": {"id": "skenario dasar", "en": "the base"},
    "base_year_ref_named": {"id": "skenario {base}", "en": "{base}"},
    "base_year_use": {
        "id": " Untuk anggaran {year} dipakai angka skenario ini: angka {year} {base_ref} hanya untuk peserta "
              "{base_start} yang masih hidup, tanpa peserta baru, sehingga bukan perkiraan program.",
        "en": " A budget for {year} rests on this scenario's figure: {base_ref}'s {year} is that of the members of "
              "{base_start} still alive, with no new members, so not a forecast of the programme.",
    },
    "base_year_reasons": {
        "id": " Kedua angka berbeda karena kedua skenario disusun berbeda; di antaranya: {items}.",
        "en": " The two differ because the scenarios are built differently; among the differences: {items}.",
    },
    "base_year_new_members": {
        "id": "{base_ref} hanya menghitung peserta {base_start} tanpa peserta baru (peserta yang meninggal tidak "
              "diganti), sedangkan skenario ini mendaftarkan {new} peserta baru pada {year}",
        "en": "{base_ref} counts only the members of {base_start}, with no new members (members who die are not "
              "replaced), while this scenario enrols {new} new members in {year}",
    },
    "base_year_older": {
        "id": "pada {start} peserta {base_ref} sudah {months} bulan lebih tua daripada profil usia segmennya, "
              "sedangkan usia peserta skenario ini dimulai dari profil usia tersebut",
        "en": "by {start} {base_ref}'s members are {months} months older than their segment's age profile, while "
              "this scenario's members start from that profile",
    },
    "base_year_longer_in_scheme": {
        "id": "peserta {base_ref} sudah lebih lama menjadi peserta daripada peserta skenario ini pada awalnya",
        "en": "{base_ref}'s members have been members longer than this scenario's members at its start",
    },
    # The base's care costs and PU wages are those of its own first year raised, this scenario's first year's as stated.
    "base_year_prices_anchored": {
        "id": "biaya perawatan {base_ref} pada {year} adalah harga {base_year} yang dinaikkan {rise} menurut tren "
              "biaya perawatannya, sedangkan skenario ini memakai biaya perawatan yang dinyatakannya untuk {year}",
        "en": "{base_ref}'s care costs in {year} are its {base_year} prices raised by {rise} by its care cost trend, "
              "while this scenario takes the care costs it states for {year}",
    },
    "base_year_wages_anchored": {
        "id": "upah peserta PU {base_ref} pada {year} adalah upah {base_year} yang dinaikkan {rise} menurut "
              "kenaikan upahnya, begitu pula iuran dan manfaat yang dihitung dari upah, sedangkan skenario ini "
              "memakai upah yang dinyatakannya untuk {year}",
        "en": "{base_ref}'s PU wages in {year} are its {base_year} wages raised by {rise} by its wage growth, and so "
              "are the premiums and benefits set on them, while this scenario takes the wages it states for {year}",
    },
    "base_year_overrides": {
        "id": "perubahan dari baris perintah ({keys}) hanya berlaku pada skenario ini, tidak pada {base_ref}",
        "en": "the command-line changes ({keys}) apply to this scenario only, not to {base_ref}",
    },
    "base_year_earlier_deaths": {
        "id": "{base_ref} juga menghitung beasiswa yang pada {year} masih dibayar untuk anak peserta yang "
              "meninggal sejak {base_start}, sedangkan skenario ini tidak menghitung kematian sebelum {start}",
        "en": "{base_ref} also counts the scholarships still paid in {year} for the children of members who died "
              "from {base_start} on, while this scenario does not count deaths before {start}",
    },
    # The results table's years after the first of a run-off, and the table's note on them.
    "part_year_name": {"id": "{year} ({months})", "en": "{year} ({months})"},  # "2026 (Jan)": a year in part
    "runoff_year": {"id": "{year} (tanpa peserta baru)", "en": "{year} (no new members)"},
    "runoff_note": {
        "id": "Tahun yang bertanda “tanpa peserta baru” hanya menghitung peserta {start} yang masih hidup: tidak "
              "ada pendaftaran baru dan peserta yang meninggal tidak diganti. Karena itu angka tahun-tahun tersebut "
              "bukan perkiraan program kota yang sebenarnya, yang akan terus menerima peserta baru.",
        "en": "The years marked \"no new members\" count only the members of {start} still alive: nobody joins and "
              "members who die are not replaced. Their figures are therefore not a forecast of the city's actual "
              "programme in those years, which will go on enrolling new members.",
    },
    "runoff_exits_pu": {
        "id": " Dalam proyeksi seperti ini peserta hanya keluar karena meninggal: misalnya {segment} yang melewati "
              "usia {age} tahun tetap dihitung sebagai peserta. Asumsi ini membuat jumlah peserta tahun-tahun "
              "berikutnya lebih tinggi daripada kenyataannya, makin panjang periode proyeksi makin besar selisihnya.",
        "en": " In such a projection members leave only by death: for example, {segment} who pass the age of {age} "
              "remain members. This assumption overstates the later years' members, the more so the longer the "
              "horizon.",
    },
    "runoff_exits": {
        "id": " Dalam proyeksi seperti ini peserta hanya keluar karena meninggal: misalnya peserta yang pindah atau "
              "berhenti bekerja tetap dihitung sebagai peserta. Asumsi ini membuat jumlah peserta tahun-tahun "
              "berikutnya lebih tinggi daripada kenyataannya, makin panjang periode proyeksi makin besar selisihnya.",
        "en": " In such a projection members leave only by death: for example, members who move away or stop "
              "working remain members. This assumption overstates the later years' members, the more so the longer "
              "the horizon.",
    },
    # How far a run-off's members have aged past those of a programme (report.json runoff_ages).
    "runoff_older": {
        "id": " Pada {month} (akhir periode proyeksi), {share} peserta aktif sudah lebih tua daripada peserta "
              "tertua segmennya pada awal proyeksi.",
        "en": " In {month}, the horizon's end, {share} of the members in force are older than the oldest member of "
              "their segment at the start.",
    },
    "col_period": {"id": "Periode", "en": "Period"},
    "col_members": {"id": "Peserta", "en": "Members"},
    "col_premium": {"id": "Iuran", "en": "Premium"},
    "col_claims_mean": {"id": "Klaim (rata-rata simulasi)", "en": "Claims (simulation mean)"},
    "col_closed_form": {"id": "Perhitungan langsung", "en": "Direct calculation"},
    "col_p5": {"id": "Klaim P5", "en": "Claims p5"},
    "col_p95": {"id": "Klaim P95", "en": "Claims p95"},
    "col_ratio": {"id": "Rasio klaim", "en": "Claim ratio"},
    "col_prob": {"id": "Peluang klaim > iuran", "en": "P(claims > premium)"},
    "col_var": {"id": "Klaim pada 99,5% (VaR)", "en": "Claims at 99.5% (VaR)"},
    "col_tvar": {"id": "Rata-rata di atas VaR (TVaR)", "en": "Mean beyond VaR (TVaR)"},
    "col_shortfall_mean": {"id": "Selisih klaim di atas iuran, rata-rata", "en": "Claims above premium, mean"},
    "col_shortfall_tvar": {"id": "Selisih klaim di atas iuran, TVaR 99,5%", "en": "Claims above premium, TVaR 99.5%"},
    # The risk table's second row: the Monte Carlo precision of the row above (sim.risk), and the table's note on it.
    "row_risk_precision": {"id": "Presisi simulasi", "en": "Simulation precision"},
    "risk_precision_note": {
        "id": "Baris presisi simulasi memuat, di kolom VaR, selang kepercayaan 95% bebas distribusi yang dibentuk "
              "dari dua hasil simulasi setelah diurutkan (interval seperti ini memuat VaR sebenarnya dari model "
              "dengan peluang sekitar 95%); di kedua kolom TVaR, galat baku TVaR menurut rumus asimtotik; dan di "
              "kolom rata-rata selisih klaim di atas iuran, galat baku rata-rata itu (simpangan baku selisih tersebut "
              "antarsimulasi dibagi akar jumlah simulasi). Angka ± 1,96 × galat bakunya kira-kira merupakan interval "
              "95%. Semuanya hanya mengukur ketidakpastian karena jumlah simulasi yang terbatas ({trials} simulasi), "
              "bukan ketidakpastian parameter atau model (pengaruh asumsi ada di bagian Sensitivitas terhadap "
              "asumsi).",
        "en": "The simulation precision row gives, under VaR, a distribution-free 95% confidence interval formed by "
              "two of the simulation results in order (such an interval holds the model's true VaR with a "
              "probability of about 95%); under each TVaR, its standard error (SE) by an asymptotic formula; and "
              "under the mean of the claims above premium, that mean's SE (the standard deviation of the claims "
              "above premium across the simulations, divided by the square root of their number). A figure ± 1.96 × "
              "its SE is roughly a 95% interval. All of these measure only the uncertainty from a finite number of "
              "simulations ({trials} simulations), not the uncertainty of the parameters or of the model (the "
              "section Sensitivity to assumptions shows what the assumptions do).",
    },
    "risk_var_too_few": {
        "id": " Interval VaR tidak dapat dibentuk: dengan {trials} simulasi, batas atasnya melampaui hasil simulasi "
              "terbesar (perlu sedikitnya {need} simulasi).",
        "en": " VaR has no interval: with {trials} simulations its upper end lies beyond the largest result (it "
              "needs at least {need}).",
    },
    "risk_tvar_too_few": {
        "id": " Galat baku TVaR tidak ditaksir: kurang dari {tail} hasil simulasi berada di atas VaR (perlu "
              "sedikitnya {need} simulasi).",
        "en": " TVaR has no standard error: fewer than {tail} simulation results lie beyond VaR (it needs at least "
              "{need} simulations).",
    },
    "caption_ratio": {
        "id": "Sebaran rasio klaim tahun {period} dari semua simulasi. Garis putus-putus: titik impas (klaim = iuran).",
        "en": "Distribution of the {period} claim ratio over all trials. Dashed line: break-even (claims = premiums).",
    },
    "caption_fan": {
        "id": "Klaim dan rasio klaim per tahun: median, rentang 50% dan 90% dari simulasi, rata-rata (×), dan iuran.",
        "en": "Claims and claim ratio by year: median, 50% and 90% bands of the trials, mean (×) and premiums.",
    },
    "caption_recorded_star": {
        "id": " Bintang: klaim yang tercatat {period} ({months} bulan, tidak disetahunkan), di sebelah kiri tahunnya "
              "karena bukan angka setahun penuh.",
        "en": " Star: the claims recorded in {period} ({months} months, not annualised), left of its year because "
              "it is not a full year's figure.",
    },
    "caption_recorded_model": {
        "id": " Garis vertikal di sampingnya: perkiraan model untuk {months} bulan yang sama (rentang 90%).",
        "en": " The vertical line beside it: the model's forecast for the same {months} months (90% interval).",
    },
    "caption_recorded_line": {
        "id": " Garis bertitik: rasio klaim yang tercatat {period}.",
        "en": " Dotted line: the claim ratio recorded in {period}.",
    },
    "caption_recorded_ratio": {
        "id": " Rasio klaim tercatat itu seperti dilaporkan: klaim {months} bulan ÷ iuran {premium_months} bulan, "
              "bukan rasio setahun penuh.",
        "en": " That recorded claim ratio is as reported: {months} months of claims ÷ {premium_months} months of "
              "premiums, not a full year's ratio.",
    },
    "caption_recorded_ratio_assumed": {
        "id": " Rasio klaim tercatat itu seperti dilaporkan: klaim {months} bulan ÷ iuran yang dianggap "
              "{premium_months} bulan (bulannya tidak disebutkan sumber), bukan rasio setahun penuh.",
        "en": " That recorded claim ratio is as reported: {months} months of claims ÷ premiums taken as "
              "{premium_months} months' (the source does not say which months), not a full year's ratio.",
    },
    # The recorded claims over the premiums of their own months, drawn where the ratio as reported is not one
    # (charts.same_months_ratio): on the histogram a dash-dot line, on the fan's ratio panel a white star.
    "caption_recorded_same_line": {
        "id": " Garis titik-strip: klaim tercatat yang sama dibagi iuran {months} bulan yang sama, rasio yang "
              "sebanding dengan sebaran ini.",
        "en": " Dash-dot line: the same recorded claims over the premiums of the same {months} months, a ratio "
              "comparable with this distribution.",
    },
    "caption_recorded_same_star": {
        "id": " Bintang putih: klaim tercatat dibagi iuran {months} bulan yang sama, sebanding dengan rasio model.",
        "en": " White star: the recorded claims over the premiums of the same {months} months, comparable with the "
              "model's ratios.",
    },
    # --- budget ---
    "budget_affordable": {
        "id": "Dengan anggaran {budget} per tahun, kota dapat membiayai iuran sekitar {affordable} peserta dengan "
              "komposisi yang sama.",
        "en": "A budget of {budget} a year covers about {affordable} members with the same mix.",
    },
    "budget_affordable_others": {
        "id": "Dengan anggaran APBD {budget} per tahun, kota dapat membiayai iuran sekitar {affordable} peserta dengan "
              "komposisi yang sama, bila pihak lain tetap membayar iuran bagian mereka (garis iuran bagian APBD "
              "pada grafik).",
        "en": "An APBD budget of {budget} a year covers about {affordable} members with the same mix, the other "
              "payers paying for their share (the line of the APBD's premium in the chart).",
    },
    "caption_funding": {
        "id": "Sumber dana iuran setahun menurut pembayar (APBD = anggaran daerah).",
        "en": "Who pays a year's premiums, by payer (APBD = the local government budget).",
    },
    "budget_enrolment_later": {
        "id": "Catatan: laporan ini hanya menghitung peserta yang ada pada awal proyeksi (tanpa pendaftaran "
              "bertahap). Perluasan kepesertaan tahun demi tahun (kuota, alur pendaftaran, dana CSR) dihitung untuk "
              "skenario yang memuat rencana perluasan: analis menjalankannya dengan perintah python -m sim plan, dan "
              "laporan skenario seperti itu menyertakan rinciannya sebagai tabel CSV di foldernya.",
        "en": "Note: this report counts only the members at the start (no gradual enrolment). Year-by-year coverage "
              "expansion (quotas, the enrolment pipeline, CSR funds) is worked out for a scenario that plans it: an "
              "analyst runs it with the command python -m sim plan, and such a scenario's report includes its detail "
              "as CSV tables in its folder.",
    },
    # PP 50/2025's BPU discount does not lower the premiums paid from a payer it excludes (report_sections.
    # discount_budget_blocks): said where the budget is, not only among the rules.
    "budget_bpu_discount": {
        "id": "Potongan iuran BPU menurut PP 50/2025 ({period}) tidak mengurangi iuran peserta BPU yang dibayar dari "
              "{payers}: peraturan itu mengecualikan iuran yang dibayar dari {excluded}, sehingga iuran tersebut "
              "tetap dianggarkan penuh.",
        "en": "The PP 50/2025 BPU premium discount ({period}) does not lower the premium of the BPU members paid "
              "from {payers}: the regulation excludes premiums paid from {excluded}, so that premium is budgeted in "
              "full.",
    },
    # What may raise the premium stated above (report_sections.premium_risk_blocks); each part only where it applies.
    "premium_risk_lead": {"id": "Iuran bisa lebih tinggi.", "en": "The premium may be higher."},
    "premium_risk_pu": {
        "id": "Untuk {segment}, iuran {premium} per orang per bulan dihitung dari upah {wage} per bulan. Belum "
              "diketahui apakah iuran ini sudah disesuaikan dengan upah yang lebih tinggi, misalnya upah minimum "
              "yang lebih baru; bila dihitung dari upah {upper} (batas atas rentang upah dalam skenario ini), "
              "iurannya menjadi {upper_premium} per orang per bulan, sehingga iuran setahun untuk {members} "
              "peserta bertambah sekitar {more}.",
        "en": "For {segment}, the premium of {premium} a member a month is computed on a wage of {wage} a month. "
              "Whether it has been raised in line with a higher wage, such as a more recent minimum wage, is not "
              "known; computed on {upper} (the top of this scenario's wage range), it would be {upper_premium} a "
              "member a month, so a year's premium for the {members} members would be about {more} higher.",
    },
    "premium_risk_pu_many": {
        "id": "Iuran {segments} dihitung dari upah di bawah batas atas rentang upahnya dalam skenario ini. Belum "
              "diketahui apakah iuran itu sudah disesuaikan dengan upah yang lebih tinggi, misalnya upah minimum "
              "yang lebih baru; bila dihitung dari batas atas itu, iuran setahun untuk {members} peserta tersebut "
              "bertambah sekitar {more}.",
        "en": "The premiums of {segments} are computed on wages below the top of their wage ranges in this "
              "scenario. Whether they have been raised in line with a higher wage, such as a more recent minimum "
              "wage, is not known; computed on the tops of those ranges, a year's premium for those {members} "
              "members would be about {more} higher.",
    },
    "premium_risk_bpu": {
        "id": "Kenaikan iuran JKM peserta BPU (kini {jkm} dari iuran {bpu} per orang per bulan) diusulkan pada "
              "2024, setelah Menteri Ketenagakerjaan menyampaikan bahwa rasio klaim JKM peserta BPU secara "
              "nasional mencapai {ratio} pada 2023; sejauh yang diketahui, usulan itu belum ditetapkan. Bila "
              "ditetapkan, iuran BPU yang dibayar kota akan naik, tetapi besaran tarif yang diusulkan tidak "
              "diketahui, sehingga kenaikannya tidak dapat dihitung di sini.",
        "en": "A rise of the JKM part of the BPU premium (now {jkm} of the {bpu} a member a month) was proposed in "
              "2024, after the Minister of Manpower reported that BPU members' JKM claims nationally came to {ratio} "
              "of their premiums in 2023; as far as is known it has not been enacted. If it is, the BPU premium the "
              "city pays will rise, but the proposed rate is not known, so the rise cannot be worked out here.",
    },
    "premium_risk_bpu_jkm": {
        "id": "Kenaikan iuran JKM peserta BPU (kini {jkm} per orang per bulan) diusulkan pada 2024, setelah "
              "Menteri Ketenagakerjaan menyampaikan bahwa rasio klaim JKM peserta BPU secara nasional mencapai "
              "{ratio} pada 2023; sejauh yang diketahui, usulan itu belum ditetapkan. Bila ditetapkan, iuran BPU yang "
              "dibayar kota akan naik, tetapi besaran tarif yang diusulkan tidak diketahui, sehingga kenaikannya "
              "tidak dapat dihitung di sini.",
        "en": "A rise of the JKM part of the BPU premium (now {jkm} a member a month) was proposed in 2024, after "
              "the Minister of Manpower reported that BPU members' JKM claims nationally came to {ratio} of their "
              "premiums in 2023; as far as is known it has not been enacted. If it is, the BPU premium the city "
              "pays will rise, but the proposed rate is not known, so the rise cannot be worked out here.",
    },
    "col_payer": {"id": "Pembayar", "en": "Payer"},
    "col_segment": {"id": "Segmen", "en": "Segment"},
    "col_scheme": {"id": "Skema", "en": "Scheme"},
    "col_monthly_premium": {"id": "Iuran per bulan", "en": "Monthly premium"},
    "col_annual_premium": {"id": "Iuran setahun", "en": "Annual premium"},
    # The funding table's note when a segment's rate changes within the 12 months (sim.coverage.funding).
    "funding_rate_changes": {
        "id": "Iuran per bulan adalah iuran bulan pertama. Tarif iuran {segments} berubah dalam 12 bulan ini, sehingga "
              "iuran setahunnya adalah jumlah iuran tiap bulan menurut aturan yang berlaku pada bulan itu, bukan 12 "
              "kali iuran bulan pertama.",
        "en": "The monthly premium is the first month's. Within these 12 months the rate changes for {segments}, "
              "whose annual premium is then the sum of each month's premium under the rules of that month, not 12 "
              "times the first month's.",
    },
    # --- sensitivity ---
    "sens_intro": {
        "id": "Setiap asumsi yang memiliki rentang wajar digeser ke batas bawah dan batas atasnya, satu per satu, "
              "lalu perkiraan klaim tahun {period} dihitung ulang dengan perhitungan langsung (tanpa simulasi).",
        "en": "Each assumption with a stated plausible range is moved to the low and the high end of that range, "
              "one at a time, and the expected {period} claims are recomputed by direct calculation (without "
              "simulation).",
    },
    "sens_base": {
        "id": "Nilai dasar (perhitungan langsung): klaim {claims}, iuran peserta aktif {premium}.",
        "en": "Base (direct calculation): claims {claims}, premiums of the members in force {premium}.",
    },
    # The base's claim ratio is the direct calculation's; the summary's is the simulation mean, which may round to
    # another percent (madiun-2025: 232 % here, 233 % on page 1).
    "sens_base_ratio": {
        "id": "Nilai dasar (perhitungan langsung): klaim {claims}, iuran peserta aktif {premium}, rasio klaim "
              "{ratio}.",
        "en": "Base (direct calculation): claims {claims}, premiums of the members in force {premium}, a claim "
              "ratio of {ratio}.",
    },
    "sens_base_vs_mean": {
        "id": "Rasio klaim {period} di Ringkasan ({mean}) adalah rata-rata simulasi; selisihnya dengan nilai dasar "
              "ini hanya akibat keacakan simulasi.",
        "en": "The Summary's {period} claim ratio ({mean}) is the simulation mean; it differs from this base only "
              "by the simulations' chance.",
    },
    # A calibrated scenario (sim.sensitivity: the fitted multipliers as bars, the other bars holding them fixed).
    "sens_calibrated": {
        "id": "Skenario ini dikalibrasi dengan klaim yang tercatat. Kalibrasi menaksir satu pengali kematian dan satu "
              "pengali kecelakaan kerja untuk semua segmen yang dikalibrasi sekaligus, sehingga masing-masing tampil "
              "sebagai satu batang yang digeser ke batas rentang 90%-nya, bukan satu batang per segmen. Pada batang "
              "lainnya, hasil kalibrasi tidak diubah. Bila sebuah asumsi diubah lalu skenario dikalibrasi ulang dengan "
              "klaim tercatat yang sama, pengali hasil kalibrasi ikut bergeser dan menyerap sebagian besar perubahan "
              "itu. Karena itu, untuk skenario yang dikalibrasi, batang-batang lainnya biasanya melebih-lebihkan "
              "pengaruh perubahan asumsi terhadap perkiraan klaim; untuk asumsi tentang risiko (usia, biaya "
              "perawatan, keparahan), sebaiknya berpegang pada angka setelah kalibrasi ulang.",
        "en": "This scenario is calibrated to recorded claims. The calibration fitted one death multiplier and one "
              "work-accident multiplier for all the calibrated segments together, so each is one bar, moved to the "
              "ends of its 90% interval, rather than a bar per segment. The other bars hold the calibrated values "
              "fixed. Were an assumption changed and the scenario calibrated again to the same recorded claims, the "
              "fitted multipliers would move too and absorb much of the change. So, for a calibrated scenario, the "
              "other bars usually overstate what a changed assumption would do to the expected claims; for "
              "assumptions about risk (ages, care costs, severity), rely on the recalibrated figures.",
    },
    # The bars' order (sim.sensitivity.tornado: the spread of the first year's expected claims between the range's
    # ends) said: a pipeline stage's capacity may move the budget and the members far more than that year's claims.
    "caption_tornado": {
        "id": "Diagram tornado: perubahan perkiraan klaim bila satu asumsi berada di batas rentangnya. Batang "
              "diurutkan menurut selisih perkiraan klaim tahun pertama di antara kedua batas rentang, sehingga asumsi "
              "yang mengubah anggaran atau jumlah peserta tetapi hampir tidak mengubah klaim tahun itu berada di "
              "urutan bawah.",
        "en": "Tornado: the change in expected claims when one assumption sits at an end of its range. Bars are "
              "ordered by how far the first year's expected claims move between the two ends, so an assumption that "
              "changes the budget or the number of members but hardly that year's claims ranks low.",
    },
    # Under the sensitivity table, where a pledge's city share moves the year's claim ratio and not its claims
    # (report_sections._sens_premium_only): the rate by payer of sim.funding, which the table alone does not show.
    "sens_city_match": {
        "id": "{names}: rasio klaim {period} berubah walaupun klaimnya tetap, karena iurannya yang berubah. Pesertanya "
              "sama, tetapi iuran peserta BPU yang dibayar komitmen CSR tanpa dana pendamping kota mendapat potongan "
              "menurut PP 50/2025 selama potongan itu berlaku, sedangkan iuran komitmen yang didampingi APBD dihitung "
              "dengan tarif penuh (asumsi).",
        "en": "{names}: the {period} claim ratio moves though the claims do not, as the premium does. The members are "
              "the same, but a BPU member paid by a CSR pledge without city money gets the PP 50/2025 discount while "
              "it lasts, and a pledge the APBD co-funds pays the full rate (assumption).",
    },
    # After caption_tornado where the chart leaves out bars that move the claims (charts.TORNADO_TOP at most):
    # the table beside it lists them all, and a reader comparing the two looked for the missing rows.
    "caption_tornado_top": {
        "id": "Diagram hanya menampilkan {shown} asumsi yang paling berpengaruh dari {moving} asumsi yang mengubah "
              "perkiraan klaim {period}; semuanya tercantum dalam tabel berikut.",
        "en": "The chart draws the {shown} most influential of the {moving} assumptions that move the expected "
              "{period} claims; the table below lists them all.",
    },
    # ... where the table also holds rows that do not move that year's claims (a later year's only, or the claim
    # ratio's through the premium): "them all" beside a table of more rows sent a reader counting.
    "caption_tornado_top_among": {
        "id": "Diagram hanya menampilkan {shown} asumsi yang paling berpengaruh dari {moving} asumsi yang mengubah "
              "perkiraan klaim {period}; semuanya tercantum di antara {rows} baris tabel berikut.",
        "en": "The chart draws the {shown} most influential of the {moving} assumptions that move the expected "
              "{period} claims; the table below lists them all, among its {rows} rows.",
    },
    "sens_note": {
        "id": "Menggeser satu proporsi tingkat keparahan mengubah empat proporsi lainnya secara proporsional sehingga "
              "totalnya tetap 100%.{calibrated}{ratio} Koefisien variasi biaya perawatan medis hanya mengubah sebaran klaim, "
              "bukan nilai harapannya. Kenaikan biaya perawatan medis per tahun hanya mengubah tahun-tahun setelah "
              "tahun pertama: rata-rata biaya perawatan medis dinyatakan pada harga tahun pertama.",
        "en": "Moving one severity share rescales the other four in proportion so that they still sum to 100%."
              "{calibrated}{ratio} The coefficient of variation of medical costs changes the spread of claims, not their "
              "expected value. The medical cost rise per year changes only the years after the first, which is at "
              "the first year's prices.",
    },
    # ... where the tornado varies the PU wage growth (a PU segment): it too moves only the later years. Without
    # one the growth is named among the parameters not varied, and the note would explain a bar not drawn.
    "sens_note_wages": {
        "id": "Menggeser satu proporsi tingkat keparahan mengubah empat proporsi lainnya secara proporsional sehingga "
              "totalnya tetap 100%.{calibrated}{ratio} Koefisien variasi biaya perawatan medis hanya mengubah sebaran klaim, "
              "bukan nilai harapannya. Kenaikan biaya perawatan medis per tahun dan kenaikan upah peserta PU per "
              "tahun hanya mengubah tahun-tahun setelah tahun pertama: rata-rata biaya perawatan medis dinyatakan "
              "pada harga tahun pertama, dan upah peserta PU yang tercantum adalah upah tahun pertama.",
        "en": "Moving one severity share rescales the other four in proportion so that they still sum to 100%."
              "{calibrated}{ratio} The coefficient of variation of medical costs changes the spread of claims, not their "
              "expected value. The medical cost rise per year and the PU wage rise per year change only the years "
              "after the first, which is at the first year's prices and wages.",
    },
    # {calibrated} in the two notes above, where a bar is a calibrated parameter (report_sections._sens_note); ""
    # where none is: a report with no calibrated parameter said what the range of one is all the same.
    # {ratio} in the same notes: the table's claim ratios at each end are over that end's premium, not the base's
    # premium the sentence above the chart gives (a bar that moves the members moves both).
    "sens_note_ratio": {
        "id": " Rasio klaim di setiap ujung adalah klaim di ujung itu dibagi iuran di ujung itu: asumsi yang mengubah "
              "jumlah peserta, upah, atau pembayarnya juga mengubah iurannya.",
        "en": " The claim ratio at each end is that end's claims over that end's premium: an assumption that moves "
              "the members, the wages or who pays moves the premium too.",
    },
    "sens_note_calibrated": {
        "id": " Untuk parameter hasil kalibrasi, rentangnya adalah interval kredibel 90%: rentang yang, menurut klaim"
              " tercatat dan rentang wajar asumsinya, memuat nilai sebenarnya dengan peluang 90%.",
        "en": " For calibrated parameters the range is the 90% credible interval: the range that, given the recorded"
              " claims and the assumption's plausible range, holds the true value with probability 90%.",
    },
    # The BPU early-death rule (sim.sensitivity.early_death_rule): a rule of Medium confidence, shown apart from
    # the bars; {years} lists sens_rule_year for each year measured.
    "sens_early_death_rule": {
        "id": "Santunan JKM peserta BPU yang meninggal dalam {{months}} bulan pertama kepesertaannya hanya {{benefit}} "
              "(tingkat keyakinan {confidence}: dasar hukumnya dikutip tidak konsisten, DOMAIN.md bag. 4). Ini "
              "aturan, bukan asumsi skenario, sehingga tidak tampil sebagai batang. Tanpa aturan ini (santunan "
              "penuh sejak bulan pertama), menurut perhitungan langsung {years}.",
        "en": "A BPU member who dies of causes other than a work accident (JKM) within the first {{months}} months "
              "of membership gets only {{benefit}} "
              "(confidence {confidence}: its legal basis is cited inconsistently, DOMAIN.md s.4). It is a rule, not a "
              "scenario assumption, so it has no bar. Without it (the full benefit from the first month), by direct "
              "calculation {years}.",
    },
    "sens_rule_year": {
        "id": "klaim {period} menjadi {{without{i}}}, bukan {{claims{i}}} (rasio klaim {{ratio_without{i}}}, bukan "
              "{{ratio{i}}})",
        "en": "{period} claims would be {{without{i}}} rather than {{claims{i}}} (claim ratio {{ratio_without{i}}} "
              "rather than {{ratio{i}}})",
    },
    "sens_rule_same": {
        "id": "Klaim {periods} berubah kurang dari {shown}.",
        "en": "{periods} claims change by less than {shown}.",
    },
    "sens_rule_calibration_held": {
        "id": "Hasil kalibrasi tidak diubah.",
        "en": "The calibration is held.",
    },
    "sens_note_segments": {
        "id": "Dengan lebih dari {many} segmen, parameter per segmen (segments.*) digeser bersama: semua segmen ke "
              "batas yang sama (bawah atau atas) dari rentangnya masing-masing pada saat yang sama.",
        "en": "With more than {many} segments, a per-segment parameter (segments.*) moves in all segments together, "
              "each to the same end of its own range.",
    },
    "all_segments": {"id": "semua segmen", "en": "all segments"},
    "sens_no_effect": {
        "id": "Parameter berikut tidak ditampilkan sebagai batang karena perkiraan klaim {period} tidak berubah di "
              "kedua batas rentangnya: {names}.",
        "en": "Not drawn as bars, as the expected {period} claims do not change at either end of their range: "
              "{names}.",
    },
    "sens_no_effect_listed": {
        "id": "Parameter dalam tabel berikut tidak ditampilkan sebagai batang karena perkiraan klaim {period} tidak "
              "berubah di kedua batas rentangnya.",
        "en": "The parameters in the table below are not drawn as bars, as the expected {period} claims do not "
              "change at either end of their range.",
    },
    # A planning scenario's parameters that move no year measured (such as a pledge of the years between).
    "sens_no_effect_plan": {
        "id": "Analis dapat mengukur pengaruhnya terhadap tahun-tahun lainnya dan terhadap anggaran dengan perintah "
              "perencanaan python -m sim plan, yang tabel sensitivitasnya mencakup seluruh periode proyeksi (tabel "
              "itu tidak termasuk dalam laporan ini).",
        "en": "An analyst can measure their effect on the other years and on the budget with the planning command "
              "python -m sim plan, whose sensitivity table covers the whole horizon (that table is not part of this "
              "report).",
    },
    "col_part": {"id": "Bagian skenario", "en": "Part of the scenario"},
    "col_parameters": {"id": "Parameter", "en": "Parameters"},
    # The parts of a scenario a parameter belongs to (its table), where it is not a named entry's (a segment's).
    "part_scenario": {"id": "Skenario", "en": "Scenario"},
    "part_segments": {"id": "Semua segmen", "en": "All segments"},
    "part_assumptions": {"id": "Asumsi umum", "en": "General assumptions"},
    "part_budget": {"id": "Anggaran", "en": "Budget"},
    "part_uncertainty": {"id": "Ketidakpastian parameter", "en": "Parameter uncertainty"},
    "part_calibration": {"id": "Kalibrasi", "en": "Calibration"},
    "part_expansion": {"id": "Kuota peserta", "en": "Member quotas"},
    "part_membership": {"id": "Peserta keluar", "en": "Members leaving"},
    "part_pipeline": {"id": "Alur pendaftaran", "en": "Enrolment pipeline"},
    "part_funding": {"id": "Pendanaan", "en": "Funding"},
    "part_ucj": {"id": "Target UCJ", "en": "UCJ target"},
    "part_claim_timing": {"id": "Proses klaim", "en": "Claim handling"},
    "part_stage": {"id": "Alur pendaftaran: tahap {name}", "en": "Enrolment pipeline: {name} stage"},
    "part_pledge": {"id": "Komitmen CSR: {name}", "en": "CSR pledge: {name}"},
    "sens_unused": {
        "id": "Parameter berikut tidak digeser, sehingga tidak ditampilkan sebagai batang: {names}.",
        "en": "Not varied, so not drawn as a bar: {names}.",
    },
    "sens_skipped": {
        "id": "Parameter berikut tidak dapat digeser sendiri karena salah satu batas rentangnya membuat skenario "
              "tidak sah (alasannya tercatat di report.json, sensitivity.skipped): {names}.",
        "en": "Could not be moved alone, as an end of its range makes the scenario invalid: {names}.",
    },
    "col_parameter": {"id": "Parameter", "en": "Parameter"},
    # Not "Dasar": the same pages say "nilai dasar" and "skenario dasar" for the base, and in the sensitivity
    # table "Dasar" stood beside "Nilai", read as the base value.
    "col_basis": {"id": "Jenis nilai", "en": "Basis"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_low": {"id": "Batas bawah", "en": "Low"},
    "col_high": {"id": "Batas atas", "en": "High"},
    "col_claims_low": {"id": "Klaim (bawah)", "en": "Claims at low"},
    "col_claims_high": {"id": "Klaim (atas)", "en": "Claims at high"},
    "col_ratio_low": {"id": "Rasio (bawah)", "en": "Ratio at low"},
    "col_ratio_high": {"id": "Rasio (atas)", "en": "Ratio at high"},
    # --- sensitivity of a calibrated scenario recalibrated at each end (sim.sensitivity.Recalibration) ---
    # In place of sens_calibrated where the tornado holds recalibrated figures: the measured effect, not a word.
    # The calibration's record lies in the tornado's year: refitted, that year's ratio is pinned near the base.
    "sens_refit_same_year": {
        "id": "Kalibrasi memakai klaim tercatat tahun {period} itu sendiri, sehingga setelah kalibrasi ulang rasio "
              "klaim {period} tetap dekat dengan nilai dasar; {later}",
        "en": "The calibration uses the recorded claims of {period} itself, so once recalibrated the {period} claim "
              "ratio stays close to the base; {later}",
    },
    # The end of sens_refit_same_year: with the last full year measured, where the later effect shows; else that it
    # is not measured (the horizon holds no whole calendar year after the first).
    "sens_refit_later_shown": {
        "id": "pengaruh asumsi pada tahun-tahun berikutnya tampak pada rasio klaim {last} setelah kalibrasi ulang.",
        "en": "an assumption's effect on later years shows in the recalibrated {last} claim ratio.",
    },
    "sens_refit_later_unmeasured": {
        "id": "pengaruh asumsi pada tahun-tahun berikutnya bisa berbeda dan tidak diukur di sini.",
        "en": "an assumption's effect on later years may differ and is not measured here.",
    },
    "sens_calibrated_refit_last": {
        "id": "Rasio klaim {last} untuk batang yang sama menjadi {refit_last_low} dan {refit_last_high} setelah "
              "kalibrasi ulang (nilai dasar {base_last}), bukan {held_last_low} dan {held_last_high}.",
        "en": "The same bar's {last} claim ratio is {refit_last_low} and {refit_last_high} recalibrated (base "
              "{base_last}), not {held_last_low} and {held_last_high}.",
    },
    # The second table (sim.report_sections._sens_later): the last full year, and the recalibrated ratios.
    "sens_last_intro": {
        "id": "Karena anggaran disusun untuk tahun-tahun mendatang, tabel berikut juga memberi rasio klaim {last}, "
              "tahun kalender penuh terakhir dalam periode proyeksi, di setiap batas rentang, dihitung dengan cara "
              "yang sama (nilai dasar {base_last}). Batang, diagram, dan urutan baris tetap menurut tahun {period}.",
        "en": "Budgets are set for the years ahead, so the table below also gives the {last} claim ratio, the last "
              "full calendar year of the horizon, at each end of the range, computed the same way (base "
              "{base_last}). The bars, the chart and the order of the rows stay those of {period}.",
    },
    # An assumption among the last year's widest effects that the chart, ordered by the first year, leaves out.
    "sens_off_chart": {
        "id": "Karena itu, asumsi yang berpengaruh besar pada {last} tetapi kecil pada {period} berada jauh di bawah "
              "dan tidak tampil di diagram: {items}.",
        "en": "So an assumption with a large effect in {last} but a small one in {period} stands far down, off the "
              "chart: {items}.",
    },
    "sens_item_off_chart": {"id": "“{parameter}” mengubah rasio klaim {last} menjadi {low} dan {high} di kedua "
                                  "batas rentangnya",
                            "en": "“{parameter}” moves the {last} claim ratio to {low} and {high} at the ends of its "
                                  "range"},
    "sens_refit_columns": {
        "id": "Kolom “setelah kalibrasi ulang” memberi rasio klaim {years} bila skenario dikalibrasi ulang "
              "dengan asumsi di batas itu.",
        "en": "The “recalibrated” columns give the {years} claim ratio with the scenario calibrated again, the "
              "assumption at that end.",
    },
    "sens_refit_last_span": {
        "id": "Setelah kalibrasi ulang, rasio klaim {last} di batas mana pun dari asumsi mana pun berada antara "
              "{lowest} dan {highest}.",
        "en": "Recalibrated, the {last} claim ratio at any end of any assumption's range lies between {lowest} and "
              "{highest}.",
    },
    "col_ratio_year_low": {"id": "Rasio {year} (bawah)", "en": "{year} ratio at low"},
    "col_ratio_year_high": {"id": "Rasio {year} (atas)", "en": "{year} ratio at high"},
    "col_ratio_year_refit_low": {"id": "Rasio {year} setelah kalibrasi ulang (bawah)",
                                 "en": "{year} ratio recalibrated at low"},
    "col_ratio_year_refit_high": {"id": "Rasio {year} setelah kalibrasi ulang (atas)",
                                  "en": "{year} ratio recalibrated at high"},
    "sens_calibrated_refit": {
        "id": "Skenario ini dikalibrasi dengan klaim yang tercatat. Kalibrasi menaksir satu pengali kematian dan satu "
              "pengali kecelakaan kerja untuk semua segmen yang dikalibrasi sekaligus, sehingga masing-masing tampil "
              "sebagai satu batang yang digeser ke batas rentang 90%-nya, bukan satu batang per segmen. Pada batang "
              "lainnya, hasil kalibrasi tidak diubah. Bila sebuah asumsi diubah lalu skenario dikalibrasi ulang dengan "
              "klaim tercatat yang sama, pengali hasil kalibrasi ikut bergeser; tabel kedua memberi rasio klaim "
              "setelah kalibrasi ulang itu di setiap batas. Untuk batang terlebar, {name}: bila "
              "dikalibrasi ulang, rasio klaim {period} menjadi {refit_low} dan {refit_high}, bukan {held_low} dan "
              "{held_high}.",
        "en": "This scenario is calibrated to recorded claims. The calibration fitted one death multiplier and one "
              "work-accident multiplier for all the calibrated segments together, so each is one bar, moved to the "
              "ends of its 90% interval, rather than a bar per segment. The other bars hold the calibrated values "
              "fixed. Were an assumption changed and the scenario calibrated again to the same recorded claims, the "
              "fitted multipliers would move too; the second table gives the claim ratio so recalibrated (refitted) "
              "at each end. For the widest bar, {name}: recalibrated, the {period} claim "
              "ratio is {refit_low} and {refit_high}, not {held_low} and {held_high}.",
    },
    # A scenario that inherits its calibration (madiun-2026-ucj from madiun-2025): the refit is of the calibrated
    # scenario it builds on, applied to this one (sim.sensitivity.Recalibration).
    "sens_inherited_refit": {
        "id": "Skenario ini dibangun di atas skenario {calibrated}, yang dikalibrasi dengan klaim yang tercatat, dan "
              "memakai pengali kematian dan pengali kecelakaan kerja hasil kalibrasinya. Masing-masing pengali tampil "
              "sebagai satu batang yang digeser ke batas rentang 90%-nya, bukan satu batang per segmen. Pada batang "
              "lainnya, hasil kalibrasi tidak diubah. Bila sebuah asumsi diubah lalu skenario {calibrated} "
              "dikalibrasi ulang dengan klaim tercatat yang sama, pengali hasil kalibrasi ikut bergeser; tabel kedua "
              "memberi rasio klaim skenario ini dengan pengali hasil kalibrasi ulang itu di setiap batas. Untuk "
              "batang terlebar, {name}: bila dikalibrasi ulang, rasio klaim {period} menjadi {refit_low} dan "
              "{refit_high}, bukan {held_low} dan {held_high}. Untuk asumsi tentang risiko (usia, biaya perawatan, "
              "keparahan), angka setelah kalibrasi ulang itulah yang sebaiknya dijadikan acuan; angka dengan kalibrasi tetap biasanya "
              "melebih-lebihkan pengaruhnya.",
        "en": "This scenario builds on {calibrated}, which is calibrated to recorded claims, and takes its fitted "
              "death and work-accident multipliers. Each multiplier is one bar, moved to the ends of its 90% "
              "interval, rather than a bar per segment. The other bars hold the calibrated values fixed. Were an "
              "assumption changed and {calibrated} calibrated again to the same recorded claims, the fitted "
              "multipliers would move too; the second table gives this scenario's claim ratio with the multipliers "
              "so recalibrated (refitted) at each end. For the widest bar, {name}: recalibrated, the {period} claim "
              "ratio is {refit_low} and {refit_high}, not {held_low} and {held_high}. For assumptions about risk "
              "(ages, care costs, severity), rely on the recalibrated figures; those with the calibration held "
              "usually overstate the effect.",
    },
    "sens_refit_columns_inherited": {
        "id": "Kolom “setelah kalibrasi ulang” memberi rasio klaim {years} bila skenario {calibrated} dikalibrasi "
              "ulang dengan asumsi di batas itu.",
        "en": "The “recalibrated” columns give the {years} claim ratio with {calibrated} calibrated again, the "
              "assumption at that end.",
    },
    "sens_refit_note_inherited": {
        "id": "Kalibrasi ulang: skenario {calibrated} sebelum kalibrasi ({prior}), dengan asumsi di batas rentangnya "
              "bila skenario {calibrated} memuat asumsi itu (bila tidak, tanpa perubahan), dikalibrasi lagi dengan "
              "klaim tercatat yang sama; pengali yang baru menggantikan pengali yang diambil skenario ini dari "
              "{calibrated}, lalu klaim dan iuran {period} dihitung langsung. Kalibrasi ulang itu memakai peserta dan "
              "klaim tercatat skenario {calibrated}, bukan peserta skenario ini. Nilai yang dinyatakan sendiri oleh "
              "skenario ini untuk besaran yang dikalibrasi (misalnya tingkat kecelakaan kerja segmen yang tidak ada "
              "di {calibrated}) tidak diubah; pengali tabel mortalitas yang dinyatakan sama dengan pengali bawaan "
              "hasil kalibrasi ikut berubah bersama pengali itu. Urutan batang tetap menurut lebarnya dengan hasil "
              "kalibrasi tidak diubah, seperti pada diagram. Kedua pengali hasil kalibrasi sendiri tidak dikalibrasi "
              "ulang (kolomnya bertanda -).",
        "en": "Recalibrated: {calibrated} as it was before calibration ({prior}), with the assumption at the end of "
              "its range where {calibrated} has it (else unchanged), is fitted again to the same recorded claims; "
              "the refitted multipliers replace those this scenario takes from {calibrated}, and the {period} claims "
              "and premiums are recomputed by direct calculation. The refit is of {calibrated}'s members and "
              "recorded claims, not of this scenario's members. The values this scenario states itself for what the "
              "calibration fitted (such as the work-accident rates of segments {calibrated} does not have) are held; "
              "a death load stated as the calibrated default load itself follows that load. The bars keep their "
              "order by width with the calibrated values held, as in the chart. The two fitted multipliers "
              "themselves are not recalibrated (their columns show -).",
    },
    "sens_refit_note": {
        "id": "Kalibrasi ulang: skenario sebelum kalibrasi, dengan asumsi di batas rentangnya, dikalibrasi lagi "
              "dengan klaim tercatat yang sama, lalu klaim dan iuran {period} dihitung langsung dengan pengali yang "
              "baru. Urutan batang tetap menurut lebarnya dengan hasil kalibrasi tidak diubah, seperti pada diagram. "
              "Kedua pengali hasil kalibrasi sendiri tidak dikalibrasi ulang (kolomnya bertanda -).",
        "en": "Recalibrated: the scenario before calibration, with the assumption at the end of its range, is "
              "fitted again to the same recorded claims, and the {period} claims and premiums are recomputed by "
              "direct calculation with the refitted multipliers. The bars keep their order by width with the "
              "calibrated values held, as in the chart. The two fitted multipliers themselves are not recalibrated "
              "(their columns show -).",
    },
    # The refit with nothing moved differs from the scenario's calibration (a --set of the report changed what was
    # fitted): the recalibrated columns compare with the former.
    "sens_refit_base": {
        "id": "Tanpa asumsi yang digeser, kalibrasi ulang memberi rasio klaim {period} {refit_base}, bukan {base}.",
        "en": "With no assumption moved, recalibrating gives a {period} claim ratio of {refit_base}, not {base}.",
    },
    "sens_refit_failed": {
        "id": "Kalibrasi ulang tidak dapat dihitung (bertanda -; alasannya tercatat di report.json, "
              "sensitivity.rows) untuk: {names}.",
        "en": "Recalibration could not be computed (shown as -) for: {names}.",
    },
    # --- validation ---
    "valid_intro": {
        "id": "Besaran yang sama dihitung dengan tiga cara: simulasi Monte Carlo, perhitungan langsung (nilai "
              "harapan tanpa simulasi), dan distribusi eksak tahun pertama (FFT). Selisih yang melebihi batas "
              "toleransi simulasi ditandai.",
        "en": "The same quantities computed three ways: Monte Carlo simulation, the direct calculation (expected "
              "values without simulation) and the exact first-year distribution (FFT). Differences beyond the Monte "
              "Carlo tolerance are flagged.",
    },
    # The FFT is exact but for its grid (sim/exact.py): each amount is split between its two neighbouring grid
    # points, which keeps the mean, and the quantiles it gives are grid points.
    "valid_grid": {
        "id": "Distribusi eksak itu tepat kecuali pembulatan: setiap nilai dibagi ke dua kelipatan {step} terdekat "
              "(rata-ratanya tetap), sehingga kuantilnya adalah kelipatan {step}.",
        "en": "The exact distribution is exact but for rounding: every amount is split between the two nearest "
              "multiples of {step} (which keeps its mean), so its quantiles are multiples of {step}.",
    },
    "valid_first_year": {"id": "Total klaim tahun {period}:", "en": "Total claims in {period}:"},
    "valid_mean_check": {
        "id": "selisih {z} galat baku; selisih relatif eksak terhadap perhitungan langsung {rel}",
        "en": "{z} standard errors apart; exact vs direct calculation, relative {rel}",
    },
    # The first year's claims without a standard error (summary.json claims_idr.se_reason): no claim in any trial
    # bounds the chance of one only by the rule of three (below 3/n with 95 % confidence), not at 0.
    "valid_mean_no_claims": {
        "id": "tidak ada klaim dalam satu pun dari {trials} simulasi, sehingga galat baku tidak dapat ditaksir; "
              "menurut kaidah tiga (rule of three), peluang adanya klaim pada {period} kurang dari 3 per {trials} "
              "(tingkat kepercayaan 95%); selisih relatif eksak terhadap perhitungan langsung {rel}",
        "en": "no claims in any of the {trials} trials, so the standard error cannot be estimated; by the rule of "
              "three the chance of any claim in {period} is below 3 in {trials} (95% confidence); exact vs direct "
              "calculation, relative {rel}",
    },
    # 3 trials or fewer: the rule of three's 3/n is 100 % or more, which bounds nothing ("below 3 in 2").
    "valid_mean_no_claims_unbounded": {
        "id": "tidak ada klaim dalam satu pun dari {trials} simulasi, sehingga galat baku tidak dapat ditaksir; "
              "{trials} simulasi terlalu sedikit bagi kaidah tiga (rule of three) untuk membatasi peluang adanya "
              "klaim pada {period}; selisih relatif eksak terhadap perhitungan langsung {rel}",
        "en": "no claims in any of the {trials} trials, so the standard error cannot be estimated; {trials} trials "
              "are too few for the rule of three to bound the chance of any claim in {period}; exact vs direct "
              "calculation, relative {rel}",
    },
    "valid_mean_single_trial": {
        "id": "hanya satu simulasi, sehingga galat baku tidak dapat ditaksir; selisih relatif eksak terhadap "
              "perhitungan langsung {rel}",
        "en": "a single trial, so the standard error cannot be estimated; exact vs direct calculation, relative {rel}",
    },
    "valid_quantile_check": {
        "id": "peluang kumulatif eksak (CDF) pada nilai simulasi {cdf}, batas {lo}–{hi}: {flag}",
        "en": "exact CDF at the simulated value {cdf}, band {lo}–{hi}: {flag}",
    },
    "valid_quantile_check_step": {
        "id": "peluang kumulatif eksak (CDF) tepat di bawah nilai simulasi {below} dan pada nilai itu {cdf} (ada "
              "massa peluang di nilai itu), batas {lo}–{hi}: {flag}",
        "en": "exact CDF just below the simulated value {below} and at it {cdf} (a mass at that value), band "
              "{lo}–{hi}: {flag}",
    },
    # The note under the quantile rows: what their band is (sim.exact: q +/- SIGMAS sqrt(q (1 - q) / n)).
    "valid_quantile_note": {
        "id": "Batas pada baris kuantil: q ± {sigmas}·√(q(1 - q)/n), dengan q peluang kuantil itu (0,95 untuk P95) "
              "dan n = {trials} simulasi, yaitu {sigmas} galat baku peluang kumulatif sebuah kuantil simulasi. "
              "Kuantil dinilai sesuai bila CDF eksak pada nilai simulasi berada di dalam batas itu (bila ada massa "
              "peluang di nilai itu, cukup bila lompatan CDF menyentuh batas). Bila n·min(q, 1 - q) kurang dari "
              "{few}, kuantil tidak dinilai: pendekatan normal untuk batas itu tidak berlaku.",
        "en": "Band in the quantile rows: q ± {sigmas}·√(q(1 - q)/n), q the quantile's probability (0.95 for P95) "
              "and n = {trials} trials: {sigmas} standard errors of a simulated quantile's cumulative probability. "
              "A quantile passes when the exact CDF at the simulated value lies in the band (with a mass at that "
              "value, when the CDF's step meets it). Where n·min(q, 1 - q) is below {few} it is not judged: the "
              "band's normal approximation does not hold there.",
    },
    "valid_no_exact": {"id": "distribusi eksak tidak tersedia", "en": "exact distribution not available"},
    # The counts are payments, not cases: a scholarship row counts every yearly payment, and one accident counts in
    # each of its benefit rows (care, STMB, disability), so they do not add up to the summary's cases.
    # The period's span where the breakdown table leaves out its period column (every row the whole period's).
    "valid_span": {"id": " {first}–{last}", "en": " {first}–{last}"},
    "valid_breakdown": {
        "id": "Rincian per segmen dan jenis manfaat untuk seluruh periode{span}; baris untuk satu tahun saja hanya "
              "ditampilkan bila ditandai. Kolom jumlah pembayaran menghitung pembayaran setiap manfaat, bukan kasus: "
              "setiap pembayaran beasiswa tahunan dihitung, dan satu kecelakaan kerja dihitung di setiap manfaat yang "
              "diterimanya. Kolom z: selisih mutlak antara simulasi dan perhitungan langsung, dalam satuan galat "
              "baku menurut perhitungan langsung (sebaran rata-rata simulasi bila modelnya benar). Baris ditandai "
              "bila z melampaui 4; untuk rata-rata yang sebarannya menceng (dari sedikit pembayaran besar), batas "
              "ini diperlonggar di atas nilai harapan sehingga, menurut pendekatan gamma, peluang baris ditandai "
              "sama dengan peluangnya pada sebaran normal (bila dihitung secara eksak, hingga sekitar 3 kali "
              "peluang itu), dan, bila kemencengannya kecil, diperketat di bawahnya; kolom Pemeriksaan menuliskan "
              "batas yang disesuaikan itu bila batas tersebut mengubah hasil pemeriksaan.",
        "en": "By segment and benefit over the whole period{span}; a row of a single year is shown only when it is "
              "flagged. The number of payments counts each benefit's payments, not cases: every yearly scholarship "
              "payment counts, and one work accident counts under each benefit it receives. Column z: the absolute "
              "gap between simulation and direct calculation, in the direct calculation's standard errors (the "
              "spread of the simulated mean if the model is right). A row is flagged when z is above 4, a bound that "
              "for a skewed mean (of few large payments) is widened above the expected value so that a gamma "
              "approximation gives it a normal's chance of a flag (computed exactly, up to about 3 times that chance) "
              "and, for a mildly skewed one, narrowed below it; the Check column gives the bound where it changes "
              "the verdict.",
    },
    "row_mean": {"id": "Rata-rata", "en": "Mean"},
    "row_quantile": {"id": "Kuantil {q}%", "en": "Quantile {q}%"},
    "col_measure": {"id": "Ukuran", "en": "Measure"},
    "col_monte_carlo": {"id": "Simulasi (Monte Carlo)", "en": "Monte Carlo"},
    "col_exact": {"id": "Eksak (FFT)", "en": "Exact (FFT)"},
    "col_check": {"id": "Pemeriksaan", "en": "Check"},
    "col_benefit": {"id": "Manfaat", "en": "Benefit"},
    "col_se": {"id": "Galat baku", "en": "Std. error"},
    "col_count_expected": {"id": "Jumlah pembayaran (perhitungan)", "en": "Number of payments (direct calculation)"},
    "col_count_mean": {"id": "Jumlah pembayaran (simulasi)", "en": "Number of payments (simulated)"},
    "col_z": {"id": "z", "en": "z"},
    "table_cut_first": {
        "id": "Ditampilkan {shown} baris pertama dari {total} baris; tabel lengkap ada di {csv}.",
        "en": "Showing the first {shown} of {total} rows; the full table is in {csv}.",
    },
    "table_cut": {
        "id": "Ditampilkan {shown} dari {total} baris (semua baris bertanda, lalu yang terbesar); tabel lengkap ada "
              "di {csv}.",
        "en": "Showing {shown} of {total} rows (every flagged row, then the largest); the full table is in {csv}.",
    },
    "flag_ok": {"id": "sesuai", "en": "ok"},
    "flag_check": {"id": "periksa", "en": "check"},
    "flag_too_few": {"id": "simulasi terlalu sedikit", "en": "too few trials"},
    "flag_with_limit": {"id": "{flag} (batas z {limit})", "en": "{flag} (z limit {limit})"},
    # --- register ---
    "register_intro": {
        "id": "Setiap parameter skenario beserta nilai, satuan, jenis nilai, dan sumbernya. Baris kuning adalah asumsi "
              "(dengan rentang wajar), baris biru hasil kalibrasi. Nilai hasil kalibrasi, dan nilai lain yang ditulis "
              "dengan lebih dari 4 angka penting, ditampilkan dengan 3 angka penting; nilai lengkapnya ada di "
              "scenario.toml dan assumptions.csv.",
        "en": "Every parameter of the scenario with its value, unit, basis and source. Yellow rows are assumptions "
              "(with a plausible range), blue rows calibrated values. Calibrated values, and other values written "
              "with more than 4 significant digits, are shown to 3 significant digits; the full values are in "
              "scenario.toml and assumptions.csv. Sources are quoted as written.",
    },
    # The Indonesian register: what it says of sources without an Indonesian text (source_id) in the scenario (the
    # English report quotes every source as written, as register_intro says).
    "register_sources_english": {
        "id": "Sumber dikutip sebagaimana tertulis di berkas skenario, dalam bahasa Inggris dan dengan format angka "
              "Inggris (titik sebagai tanda desimal, koma sebagai pemisah ribuan: 1.28 = 1,28 dan 7,902 = 7.902).",
        "en": "Sources are quoted as written in the scenario file, in English.",
    },
    "register_sources_some_english": {
        "id": "Sumber yang tidak memiliki teks bahasa Indonesia di berkas skenario ({n} baris) dikutip sebagaimana "
              "tertulis, dalam bahasa Inggris dan dengan format angka Inggris (titik sebagai tanda desimal, koma "
              "sebagai pemisah ribuan: 1.28 = 1,28 dan 7,902 = 7.902).",
        "en": "Sources without an Indonesian text in the scenario file ({n} rows) are quoted as written, in English.",
    },
    "basis_legend": {"id": "Kolom Jenis nilai: {items}.", "en": "Basis column: {items}."},
    "basis_desc_law": {"id": "peraturan = ditetapkan dalam peraturan", "en": "law = set by regulation"},
    "basis_desc_data": {"id": "data = dari data yang teramati", "en": "data = from observed data"},
    "basis_desc_derived": {
        "id": "turunan = dihitung dari nilai lain",
        "en": "derived = worked out from other values",
    },
    "basis_desc_calibrated": {
        "id": "kalibrasi = disesuaikan dengan klaim yang teramati",
        "en": "calibrated = fitted to observed claims",
    },
    "basis_desc_assumption": {
        "id": "asumsi = perkiraan, dengan rentang wajar bila ada",
        "en": "assumption = a judgement, with a plausible range where stated",
    },
    "register_group_range": {"id": "{lo} – {hi}", "en": "{lo} – {hi}"},
    # A field whose segments state different lists: the first, and how many there are, not one passed off as all.
    "register_group_differs": {"id": "{n} nilai berbeda, antara lain {first}",
                               "en": "{n} different values, e.g. {first}"},
    "register_group_source": {"id": "{n} segmen; rinciannya di {csv}", "en": "{n} segments; each one in {csv}"},
    "rules_intro": {
        "id": "Aturan BPJS Ketenagakerjaan (iuran dan manfaat) yang berlaku pada {date}:",
        "en": "BPJS Ketenagakerjaan rules (premiums and benefits) in force on {date}:",
    },
    "rules_changes": {
        "id": "Aturan yang berubah selama periode proyeksi (setiap bulan memakai aturan yang berlaku pada "
              "tanggalnya):",
        "en": "Rules that change during the horizon (each month uses the rules in force on its date):",
    },
    "rules_bpu_discount_note": {
        "id": "Potongan iuran BPU menurut PP 50/2025 tidak berlaku untuk iuran yang dibayar dari {payers}; iuran "
              "peserta yang dibayar kota tetap dihitung penuh dalam laporan ini.",
        "en": "The PP 50/2025 BPU premium discount does not apply to premiums paid from {payers}; the premium of "
              "the members the city pays for is counted in full in this report.",
    },
    # A BPU discount rule's value and, before PP 50/2025, its date (report_sections._rule_effective): the
    # no-discount regime is encoded from 1 July 2015, which read as a discount in force since 2015.
    "rules_no_discount": {"id": "tidak ada potongan", "en": "no discount"},
    "rules_discount": {"id": "potongan {share}", "en": "{share} discount"},
    "rules_before_discount": {"id": "sebelum {date}", "en": "before {date}"},
    "rules_with_discount": {"id": "{date}, bersama potongan BPU", "en": "{date}, with the BPU discount"},
    # The horizon runs past the last dated change of the rules (report.json rules.assumed_after).
    "rules_assumed_after": {
        "id": "Perubahan aturan terakhir yang tercatat mulai berlaku pada {last}. Untuk bulan-bulan sesudahnya sampai "
              "{end}, aturan yang berlaku pada tanggal itu dianggap tetap berlaku: tidak diasumsikan ada perubahan "
              "tarif iuran atau besaran manfaat, sehingga nilai yang ditetapkan dalam rupiah (santunan sekaligus JKM, "
              "iuran BPU, beasiswa) tetap sama.",
        "en": "The last recorded change of the rules takes effect on {last}. For the months after it, up to {end}, "
              "the rules then in force are assumed to stay: no later revision of premium rates or benefit amounts "
              "is assumed, so the amounts set in rupiah (the JKM lump sum, the BPU premium, the scholarship) stay as "
              "they are.",
    },
    "rules_no_changes": {
        "id": "Tidak ada aturan yang berubah selama periode proyeksi.",
        "en": "No rule changes during the horizon.",
    },
    "col_unit": {"id": "Satuan", "en": "Unit"},
    "col_range": {"id": "Rentang wajar", "en": "Plausible range"},
    "col_source": {"id": "Sumber", "en": "Source"},
    "col_rule": {"id": "Aturan", "en": "Rule"},
    "col_effective": {"id": "Berlaku sejak", "en": "In force from"},
    "col_confidence": {"id": "Keyakinan", "en": "Confidence"},
    "confidence_high": {"id": "Tinggi", "en": "High"},
    "confidence_medium": {"id": "Sedang", "en": "Medium"},
    "confidence_low": {"id": "Rendah", "en": "Low"},
    "col_month": {"id": "Bulan", "en": "Month"},
    "col_from": {"id": "Semula", "en": "From"},
    "col_to": {"id": "Menjadi", "en": "To"},
    "basis_law": {"id": "peraturan", "en": "law"},
    "basis_data": {"id": "data", "en": "data"},
    "basis_derived": {"id": "turunan", "en": "derived"},
    "basis_calibrated": {"id": "kalibrasi", "en": "calibrated"},
    "basis_assumption": {"id": "asumsi", "en": "assumption"},
    # --- differences ---
    "diff_intro": {
        "id": "Skenario ini dibangun di atas skenario dasar {base}; berikut nilai yang berbeda:",
        "en": "This scenario builds on the base scenario {base}; the values that differ:",
    },
    "diff_none": {"id": "Skenario ini tidak memakai skenario dasar.", "en": "This scenario has no base scenario."},
    "diff_overrides": {
        "id": "Nilai yang diubah dari baris perintah (--set): {overrides}",
        "en": "Values changed on the command line (--set): {overrides}",
    },
    "diff_run_settings": {
        "id": "Jumlah simulasi dan bilangan awal (seed) dari baris perintah hanya menentukan cara skenario "
              "dijalankan, bukan perbedaan dari skenario dasar (juga tercantum di bagian Jejak perhitungan): "
              "{settings}",
        "en": "The trials and seed given on the command line only set how the scenario is run; they are not "
              "differences from a base scenario (also listed under Provenance): {settings}",
    },
    "diff_segments_note": {
        "id": "Daftar segmen ditampilkan dengan nama segmennya; differences.csv memuat setiap nilai seperti tertulis "
              "dalam berkas skenario (dengan kunci segmen).",
        "en": "Lists of segments show the segments' names; differences.csv has every value as the scenario file "
              "writes it (with the segment keys).",
    },
    "col_base": {"id": "Skenario dasar", "en": "Base"},
    "col_this": {"id": "Skenario ini", "en": "This scenario"},
    # --- methodology ---
    "method_population": {
        "id": "Peserta. Setiap segmen (kelompok peserta dengan skema, upah, dan pembayar yang sama) dibagi menurut "
              "jenis kelamin, usia tunggal, dan lama kepesertaan. "
              "Skema PU adalah kepesertaan penerima upah, BPU bukan penerima upah (pekerja mandiri dan informal); "
              "APBD adalah anggaran pendapatan dan belanja daerah. Usia peserta bertambah setiap 12 bulan dan "
              "peserta keluar karena meninggal; jumlah peserta yang bertahan dihitung sebagai nilai harapannya.",
        "en": "Members. Each segment (members with the same scheme, wage and payer) is split by sex, single year of "
              "age and length of membership. "
              "The PU scheme is for wage earners (penerima upah), BPU for non-wage earners (bukan penerima upah: "
              "self-employed and informal workers); the APBD is the city's budget (anggaran pendapatan dan belanja "
              "daerah). Members age every 12 months and leave through death; the survivors are "
              "their expected number.",
    },
    # Appended to the members paragraph when the report's other sections use them (report_sections.spell_out).
    "method_abbrev_dbh_cht": {
        "id": "DBH-CHT adalah dana bagi hasil cukai hasil tembakau dari pemerintah pusat, dibelanjakan lewat APBD.",
        "en": "DBH-CHT is the city's share of the tobacco excise revenue (dana bagi hasil cukai hasil tembakau), "
              "received from the central government and spent through its APBD.",
    },
    "method_abbrev_csr": {
        "id": "CSR adalah dana tanggung jawab sosial perusahaan (corporate social responsibility).",
        "en": "CSR is companies' corporate social responsibility money (dana tanggung jawab sosial perusahaan).",
    },
    # Likewise the acronyms of the seeds' sources, the rules and the scenarios' labels (report_sections.SPELLED_OUT;
    # FFT and TMI are spelled out where the methodology's checks and perils first use them).
    "abbr_umk": {"id": "UMK adalah Upah Minimum Kabupaten/Kota.",
                 "en": "UMK is the minimum wage of a regency or city (Upah Minimum Kabupaten/Kota)."},
    "abbr_perwal": {"id": "Perwal adalah Peraturan Wali Kota.",
                    "en": "A Perwal is a mayor's regulation (Peraturan Wali Kota)."},
    "abbr_dinperinaker": {"id": "Dinperinaker adalah Dinas Perindustrian dan Tenaga Kerja.",
                          "en": "Dinperinaker is the city's office of industry and labour (Dinas Perindustrian dan "
                                "Tenaga Kerja)."},
    "abbr_bpjs_tk": {"id": "BPJS TK adalah BPJS Ketenagakerjaan.",
                     "en": "BPJS TK is BPJS Ketenagakerjaan, the workers' social security agency."},
    "method_perils": {
        "id": "Risiko. Kematian bukan akibat kecelakaan kerja, yang dijamin program Jaminan Kematian (JKM), mengikuti "
              "Tabel Mortalita Indonesia IV (TMI IV) dikalikan faktor pengali per segmen. Kecelakaan kerja, yang "
              "dijamin "
              "program Jaminan Kecelakaan Kerja (JKK), terjadi dengan frekuensi per 1.000 "
              "peserta-tahun; setiap kasus digolongkan sebagai hanya perawatan, sementara tidak mampu bekerja (STMB), "
              "cacat sebagian, cacat total tetap, atau meninggal.",
        "en": "Perils. Deaths not caused by a work accident, which the death benefit programme (Jaminan Kematian, "
              "JKM) covers, follow the Indonesian Mortality Table IV (Tabel Mortalita Indonesia, TMI IV) times a load "
              "per segment. Work accidents, which "
              "the work accident programme (Jaminan Kecelakaan Kerja, JKK) covers, occur at a rate per 1,000 "
              "member-years; each is classed as "
              "care only, temporary incapacity, partial or total disability, or death.",
    },
    "method_rules": {
        "id": "Aturan. Setiap tarif iuran dan besaran manfaat adalah nilai bertanggal dari PP 44/2015 beserta "
              "perubahannya (PP 82/2019, PP 50/2025), lengkap dengan sumber dan tingkat keyakinannya; setiap bulan "
              "proyeksi memakai aturan yang berlaku pada tanggalnya. Beasiswa anak dihitung pada tahun dibayarkan.",
        "en": "Rules. Every premium rate and benefit amount is a dated value from PP 44/2015 as amended (PP 82/2019, "
              "PP 50/2025), with its source and confidence; each month of the horizon uses the rules in force on its "
              "date. Children's scholarships count in the year they are paid.",
    },
    "method_engine": {
        "id": "Simulasi. Untuk setiap simulasi, segmen, dan risiko, jumlah kejadian selama periode proyeksi diundi "
              "sekali (Poisson); setiap kejadian ditempatkan pada bulan dan kelompok peserta sesuai peluangnya, "
              "lalu dibayar menurut aturan. Bilangan acak berasal dari aliran bernama (SeedSequence), sehingga "
              "bilangan awal (seed) yang sama selalu memberi hasil yang sama persis.",
        "en": "Simulation. For each trial, segment and peril the number of events over the horizon is drawn once "
              "(Poisson); each event is placed in a month and group of members in proportion to its probability and "
              "paid under the rules. Random numbers come from named streams (SeedSequence), so the same seed always "
              "gives identical results.",
    },
    # With parameter draws each trial's expected events are scaled by its multipliers (engine.intensity_scales), so
    # a count is Poisson within a trial and mixed Poisson across trials.
    "method_engine_draws": {
        "id": "Simulasi. Untuk setiap simulasi, segmen, dan risiko, jumlah kejadian selama periode proyeksi diundi "
              "sekali: Poisson dengan rata-rata dikalikan pengali simulasi itu, jadi Poisson campuran antarsimulasi; "
              "setiap kejadian ditempatkan pada bulan dan kelompok peserta sesuai peluangnya, lalu dibayar menurut "
              "aturan. Bilangan acak berasal dari aliran bernama (SeedSequence), sehingga bilangan awal (seed) yang "
              "sama selalu memberi hasil yang sama persis.",
        "en": "Simulation. For each trial, segment and peril the number of events over the horizon is drawn once: "
              "Poisson, its mean times the trial's multiplier, so mixed Poisson across trials; each event is placed in "
              "a month and group of members in proportion to its probability and paid under the rules. Random numbers "
              "come from named streams (SeedSequence), so the same seed always gives identical results.",
    },
    "method_checks": {
        "id": "Pemeriksaan. Nilai harapan setiap manfaat juga dihitung langsung tanpa simulasi, dan distribusi total "
              "klaim tahun pertama dihitung dengan transformasi Fourier cepat (FFT), eksak kecuali pembulatan nilai ke "
              "kisinya. Rata-rata simulasi yang berjarak lebih dari 4 galat baku dari perhitungan langsung (batasnya "
              "disesuaikan dengan kemencengan sebarannya), atau kuantil di luar batas Monte Carlo-nya, ditandai.",
        "en": "Checks. The expected value of every benefit is also computed directly, without simulation, and the "
              "first year's total claims distribution by the Fast Fourier Transform (FFT), exact but for amounts "
              "rounded to its grid. A simulated mean more than 4 standard errors from the direct calculation (a bound "
              "adjusted for its skewness), or a quantile outside its Monte Carlo band, is flagged.",
    },
    "method_uncertainty_draws": {
        "id": "Ketidakpastian. Rentang 90% memuat 90% hasil simulasi untuk tahun yang sama; rentang ini tidak "
              "menggambarkan naik-turunnya klaim dari tahun ke tahun. Rentang ini mencakup kejadian acak (berapa "
              "banyak kematian dan kecelakaan terjadi) dan ketidakpastian parameter hasil kalibrasi (pengali setiap "
              "simulasi, dari distribusi posterior). Ketidakpastian asumsi lainnya tidak termasuk (lihat bagian "
              "Sensitivitas terhadap asumsi). VaR 99,5% adalah klaim yang hanya terlampaui dalam 1 dari 200 simulasi "
              "tahun itu.",
        "en": "Uncertainty. A 90% interval holds 90% of the simulations of the same year; it does not describe how "
              "claims move from one year to the next. It covers random events (how many deaths and accidents occur) "
              "and the uncertainty of the calibrated parameters: each trial uses one pair of death and accident "
              "multipliers drawn from the posterior. The uncertainty of the other assumptions is not included; the "
              "section Sensitivity to assumptions shows its effect. The 99.5% VaR is the claims exceeded in only 1 of "
              "200 simulations of that year.",
    },
    "method_uncertainty_fixed": {
        "id": "Ketidakpastian. Rentang 90% memuat 90% hasil simulasi untuk tahun yang sama; rentang ini tidak "
              "menggambarkan naik-turunnya klaim dari tahun ke tahun. Rentang ini hanya mencakup kejadian acak "
              "(berapa banyak kematian dan kecelakaan terjadi) dengan asumsi yang tetap; ketidakpastian asumsi itu "
              "sendiri tidak termasuk (lihat bagian Sensitivitas terhadap asumsi). VaR 99,5% adalah klaim yang "
              "hanya terlampaui dalam 1 dari 200 simulasi tahun itu.",
        "en": "Uncertainty. A 90% interval holds 90% of the simulations of the same year; it does not describe how "
              "claims move from one year to the next. It covers only random events (how many deaths and accidents "
              "occur) with the assumptions held fixed; it does not include the uncertainty of the assumptions "
              "themselves (see the section Sensitivity to assumptions). The 99.5% VaR is the claims exceeded in "
              "only 1 of 200 simulations of that year.",
    },
    "method_calibration": {
        "id": "Kalibrasi. Pengali kematian dan kecelakaan dapat disesuaikan dengan klaim yang teramati (banyaknya "
              "klaim, nilainya, atau keduanya) melalui distribusi posterior Bayes yang dihitung pada kisi (grid) "
              "nilai, dengan prior dari rentang wajar dalam skenario. Kecocokan diukur dengan kuadrat jarak "
              "Mahalanobis angka tercatat dari angka model, dengan peluang menurut distribusi khi-kuadrat.",
        "en": "Calibration. The death and accident multipliers can be fitted to observed claims (their number, their "
              "amount or both) by a Bayesian grid posterior, with priors from the scenario's plausible ranges. The "
              "fit is measured by the squared Mahalanobis distance of the recorded figures from the model's, with "
              "its chi-squared probability.",
    },
    # A calibrated scenario's own paragraph: what its record says was fitted (the methodology must fit one page, so
    # the normal likelihood is left to the record's "method").
    "method_calibration_fitted": {
        "id": "Kalibrasi. Pengali kematian dan kecelakaan disesuaikan dengan {figures} tercatat melalui posterior "
              "Bayes pada kisi (grid) nilai, dengan prior lognormal dari rentang wajar dalam skenario.",
        "en": "Calibration. The death and accident multipliers are fitted to the recorded {figures} by a Bayesian "
              "grid posterior, with lognormal priors from the scenario's plausible ranges.",
    },
    "method_figures_claims": {"id": "banyaknya klaim", "en": "number of claims"},
    "method_figures_amount": {"id": "nilai klaim", "en": "amount of claims"},
    "method_figures_both": {"id": "banyaknya klaim dan nilainya", "en": "number and amount of claims"},
    "method_fit_test": {
        "id": "Kecocokan diukur dengan kuadrat jarak Mahalanobis angka tercatat dari angka model, dengan peluang "
              "menurut distribusi khi-kuadrat.",
        "en": "The fit is measured by the squared Mahalanobis distance of the recorded figures from the model's, "
              "with its chi-squared probability.",
    },
    # One figure, two multipliers: a ridge of exact fits (madiun-2025: distance 1.6e-08), so the recorded p-value
    # (0.9999, chi-squared on 1 degree of freedom that ignores the 2 fitted multipliers) tests nothing.
    "method_fit_none": {
        "id": "Satu angka untuk dua pengali: banyak pasangan tepat menghasilkannya, jadi kecocokan (jarak "
              "Mahalanobis, peluang khi-kuadrat {p}) tidak menguji model; prior menentukan pembagian "
              "kematian dan kecelakaan.",
        "en": "One figure for two multipliers: many pairs reproduce it exactly, so the fit (Mahalanobis distance, "
              "chi-squared probability {p}) tests nothing, and the priors split the claims between deaths and "
              "accidents.",
    },
    "method_not_calibrated": {
        "id": "Kalibrasi. Skenario ini tidak dikalibrasi terhadap klaim yang tercatat: pengali tabel mortalitas dan "
              "frekuensi kecelakaan kerjanya adalah asumsi (lihat Daftar asumsi dan aturan).",
        "en": "Calibration. This scenario is not calibrated to recorded claims: its mortality table loads and work "
              "accident rates are assumptions (see the Assumption register and rules).",
    },
    "method_calibrated_elsewhere": {
        "id": "Kalibrasi. Skenario ini sendiri tidak dikalibrasi terhadap klaim yang tercatat. Sebagian pengali tabel "
              "mortalitas dan frekuensi kecelakaan kerjanya diambil dari kalibrasi skenario lain (bertanda "
              "dikalibrasi di Daftar asumsi dan aturan, dengan sumbernya); nilainya tetap dalam setiap simulasi, "
              "sehingga ketidakpastiannya tidak termasuk dalam rentang 90%. Nilai lainnya adalah asumsi.",
        "en": "Calibration. This scenario is not itself calibrated to recorded claims. Some of its mortality table "
              "loads and work accident rates are taken from another scenario's calibration (marked calibrated in "
              "the Assumption register and rules, with their source); they are held fixed in every trial, so their "
              "uncertainty is not in the 90% intervals. The other values are assumptions.",
    },
    "method_limits": {
        "id": "Batasan. Hanya peserta pada awal proyeksi yang dihitung (tanpa pendaftaran baru, dan tanpa peserta yang "
              "keluar karena batas usia; jumlahnya berkurang hanya karena kematian); kematian diundi (Poisson) dari "
              "jumlah harapan peserta yang hidup, tidak dikurangkan saat terjadi: rata-rata kematian setahun tepat, "
              "variansnya 1–3% di atas binomial; klaim atas kematian dan kecelakaan sebelum awal proyeksi tidak "
              "dihitung, sehingga beasiswa yang masih dibayar atas kematian sebelumnya tidak termasuk klaim "
              "tahun-tahun pertama; usia peserta pada awal proyeksi mengikuti profil usia segmennya, tahun awal berapa "
              "pun; kematian akibat kecelakaan kerja (JKK) ditambahkan pada kematian menurut tabel mortalitas, yang "
              "sudah mencakup semua penyebab, sehingga kematian sedikit berlebih (0,6–1,5% dari semua kematian dalam "
              "skenario bawaan; kalibrasi menyerapnya); asumsi yang ditandai kuning belum diuji terhadap data daerah "
              "ini.",
        "en": "Limits. Only the members at the start are counted (no new enrolment, and no one leaves at an age limit; "
              "their number falls by deaths alone); deaths are drawn (Poisson) on the expected survivors, not taken "
              "out as they occur: a year's deaths have the exact mean, a variance 1-3% above a binomial's; claims of "
              "deaths and accidents before the start are not included, so scholarships still being paid for earlier "
              "deaths are missing from the first years' claims; the members' ages at the start follow their segment's "
              "age profile, whatever the start year; work-accident (JKK) deaths are added to the deaths of the "
              "mortality table, which already counts every cause, so deaths are slightly too many (JKK deaths are "
              "0.6-1.5% of all deaths in the shipped scenarios; a calibration absorbs it); the assumptions marked "
              "yellow have not been tested against this area's data.",
    },
    # --- scenario and provenance ---
    "scenario_intro_cut": {
        "id": "Daftar nilai yang sangat panjang (misalnya daftar pasangan pengali hasil kalibrasi) dipendekkan di "
              "sini; teks lengkapnya ada di scenario.toml.",
        "en": "Very long lists of values (such as the calibration's list of multiplier pairs) are cut short here; the "
              "full text is in scenario.toml.",
    },
    "scenario_line_cut": {"id": " … ({n} karakter lagi, lihat scenario.toml)",
                          "en": " … ({n} more characters, see scenario.toml)"},
    "scenario_intro": {
        "id": "Skenario lengkap yang menghasilkan laporan ini (skenario dasar sudah digabung dan perubahan dari baris "
              "perintah sudah diterapkan), dalam format TOML. Teks yang sama tersimpan di scenario.toml dan "
              "manifest.json.",
        "en": "The full scenario that produced this report (base merged, command-line changes applied), as TOML. The "
              "same text is in scenario.toml and manifest.json.",
    },
    "pre_cut": {
        "id": "Ditampilkan {shown} karakter pertama dari {total}; teks lengkapnya ada di {file} dan di laporan HTML.",
        "en": "Showing the first {shown} of {total} characters; the whole text is in {file} and in the HTML report.",
    },
    "prov_intro": {
        "id": "Semua yang diperlukan untuk mengulang laporan ini tersimpan di manifest.json; perintah di bawah "
              "membangunnya kembali dan membandingkan angka-angkanya.",
        "en": "Everything needed to rebuild this report is in manifest.json; the command below rebuilds it and "
              "compares the numbers.",
    },
    "sources_intro": {
        "id": "Sumber. Skenario dan aturan di laporan ini mengutip artikel berita sebagai “berita” dengan nomornya "
              "dan referensi domain proyek sebagai DOMAIN.md dengan nomor bagiannya (“bag.”; kolom sumber di daftar "
              "asumsi dan aturan). Tabel ini menunjukkan apa yang dimaksud setiap rujukan itu dan di mana berkasnya "
              "(daftar lengkapnya: sim/data/sources.csv).",
        "en": "Sources. The scenario and the rules in this report cite news articles as “seed” with a number and the "
              "project's domain reference as DOMAIN.md with a section number (the source columns of the assumption "
              "register and the rules). This table shows what each of those references is and where its file is "
              "(the full list: sim/data/sources.csv).",
    },
    "domain_sources_intro": {
        "id": "DOMAIN.md adalah catatan riset proyek yang disimpan di luar repositori (../shared), sehingga pembaca "
              "laporan mungkin tidak memilikinya. Tabel berikut menunjukkan sumber publik yang menjadi dasar setiap "
              "bagiannya yang dirujuk: peraturan dengan nomor dan tahunnya, data BPJS Ketenagakerjaan dan pemerintah, "
              "serta artikel berita (daftar lengkapnya: sim/data/domain_sources.csv).",
        "en": "DOMAIN.md is the project's research notes, kept outside the repository (../shared), so a reader of the "
              "report may not have it. The next table gives the public sources each cited section rests on: "
              "regulations by number and year, BPJS Ketenagakerjaan and government figures, and news articles (the "
              "full list: sim/data/domain_sources.csv).",
    },
    "sources_premium_risks": {
        "id": "Catatan bahwa iuran bisa lebih tinggi (bagian Anggaran dan cakupan) bersumber dari {cited} "
              "(rinciannya di report.json, premium_risks).",
        "en": "The note that the premium may be higher (Budget and coverage) rests on {cited} (in full in "
              "report.json, premium_risks).",
    },
    "sources_none": {
        "id": "Sumber. Skenario dan aturan di laporan ini tidak mengutip artikel berita atau DOMAIN.md.",
        "en": "Sources. The scenario and the rules in this report cite no news article (seed) and no DOMAIN.md.",
    },
    "col_source_cited": {"id": "Rujukan", "en": "Cited as"},
    "col_publisher": {"id": "Penerbit", "en": "Publisher"},
    "col_date": {"id": "Tanggal", "en": "Date"},
    "col_headline": {"id": "Judul atau pokok berita", "en": "Headline or subject"},
    "col_file": {"id": "Berkas", "en": "File"},
    "col_domain_section": {"id": "Bagian DOMAIN.md", "en": "DOMAIN.md section"},
    "col_public_source": {"id": "Sumber publik", "en": "Public source"},
    "col_backs": {"id": "Dipakai untuk", "en": "Used for"},
    "source_no_date": {"id": "tidak disebutkan dalam artikel", "en": "not stated in the article"},
    # after a headline in the other language, cited as written: DOMAIN.md's in the Indonesian report, an Indonesian
    # article's in the English one
    "source_title_en": {"id": "(judul asli, dalam bahasa Inggris)", "en": "(original title)"},
    "source_title_id": {"id": "(judul asli)", "en": "(original title, in Indonesian)"},
    "source_undated": {"id": "tidak bertanggal", "en": "not dated"},
    "source_unknown": {"id": "tidak ada di sim/data/sources.csv", "en": "not in sim/data/sources.csv"},
    "col_what": {"id": "Butir", "en": "Item"},
    "prov_created": {"id": "Dibuat", "en": "Created"},
    "prov_scenario": {"id": "Skenario", "en": "Scenario"},
    "prov_files": {"id": "Berkas skenario", "en": "Scenario files"},
    # --trials and --seed change the scenario as a --set does, and are listed here with it (as in the manifest).
    "prov_overrides": {"id": "Nilai skenario yang diubah (--set, --trials, --seed)",
                       "en": "Scenario values changed (--set, --trials, --seed)"},
    "prov_seed": {"id": "Bilangan awal (seed)", "en": "Seed"},
    "prov_trials": {"id": "Jumlah simulasi", "en": "Trials"},
    "prov_scenario_hash": {"id": "Hash skenario (SHA-256)", "en": "Scenario hash (SHA-256)"},
    "prov_run_hash": {"id": "Hash laporan", "en": "Report hash"},
    "prov_version": {"id": "Versi perangkat lunak (workbench)", "en": "Workbench version"},
    "prov_packages": {"id": "Versi paket", "en": "Package versions"},
    "prov_rng": {"id": "Pembangkit bilangan acak", "en": "Random number generator"},
    "prov_command": {"id": "Perintah", "en": "Command"},
    "prov_rebuild": {"id": "Membangun ulang", "en": "Rebuild"},
    # --- benefits ---
    "benefit_jkm_death": {"id": "Santunan kematian (JKM)", "en": "Death benefit (JKM)"},
    "benefit_jkm_scholarship": {"id": "Beasiswa anak (JKM)", "en": "Scholarships (JKM)"},
    "benefit_jkk_medical": {"id": "Perawatan medis (JKK)", "en": "Medical care (JKK)"},
    "benefit_jkk_temporary": {"id": "Sementara tidak mampu bekerja / STMB (JKK)", "en": "Temporary incapacity (JKK)"},
    "benefit_jkk_partial": {"id": "Cacat sebagian (JKK)", "en": "Partial disability (JKK)"},
    "benefit_jkk_total": {"id": "Cacat total tetap (JKK)", "en": "Total disability (JKK)"},
    "benefit_jkk_death": {"id": "Kematian akibat kecelakaan kerja (JKK)", "en": "Work-accident death (JKK)"},
    "benefit_jkk_scholarship": {"id": "Beasiswa anak (JKK)", "en": "Scholarships (JKK)"},
    # --- charts ---
    "chart_interval90": {"id": "rentang 90%", "en": "90% interval"},
    # The simulated mean, named so beside a model's closed-form figure of the same months (the fan's circle, 222 %,
    # beside madiun-2025's mean of 223 %).
    "chart_mean": {"id": "rata-rata simulasi", "en": "simulation mean"},
    "chart_mean_value": {"id": "rata-rata simulasi: {value}", "en": "simulation mean: {value}"},
    "chart_break_even": {"id": "impas (klaim = iuran)", "en": "break-even (claims = premium)"},
    "chart_ratio_axis": {"id": "Rasio klaim (klaim ÷ iuran)", "en": "Claim ratio (claims ÷ premium)"},
    "chart_trials_axis": {"id": "Jumlah simulasi", "en": "Trials"},
    "chart_ratio_title": {"id": "Sebaran rasio klaim, {period}", "en": "Claim ratio distribution, {period}"},
    "chart_money_axis": {"id": "Rp miliar", "en": "Rp bn"},
    "chart_ratio_axis_short": {"id": "Rasio klaim", "en": "Claim ratio"},
    "chart_band90": {"id": "rentang 90%", "en": "90% band"},
    "chart_band50": {"id": "rentang 50%", "en": "50% band"},
    "chart_median": {"id": "median", "en": "median"},
    "chart_premium": {"id": "iuran", "en": "premium"},
    "chart_recorded": {"id": "tercatat {period} ({months} bulan, tidak disetahunkan):\n{value}",
                       "en": "recorded {period} ({months} months, not annualised):\n{value}"},
    "chart_recorded_ratio_value_assumed": {"id": ", rasio {ratio} atas iuran yang dianggap {premium_months} bulan "
                                                 "(bulannya tidak disebutkan sumber)",
                                           "en": ", ratio {ratio} on premiums taken as {premium_months} months' "
                                                 "(months not stated)"},
    "chart_recorded_ratio_value": {"id": ", rasio {ratio} atas iuran {premium_months} bulan",
                                   "en": ", ratio {ratio} on {premium_months} months' premiums"},
    # The model's figure of the recorded months is the direct calculation's (calibration.model_window's expected
    # value), its interval the simulation's: named so, lest 222 % beside a simulated mean of 223 % read as a slip.
    # On two lines, as a recorded point's label: on one, the fan chart's legend took a single column.
    "chart_model_window": {"id": "model {period} ({months} bulan):\n{value} menurut perhitungan langsung, "
                                 "rentang 90% simulasi",
                           "en": "model {period} ({months} months):\n{value} by direct calculation, simulated 90% "
                                 "interval"},
    "chart_model_window_ratio": {"id": "model {period} ({months} bulan):\nrasio {value} menurut perhitungan "
                                       "langsung, rentang 90% simulasi",
                                 "en": "model {period} ({months} months):\nratio {value} by direct calculation, "
                                       "simulated 90% interval"},
    # The recorded claims over the model's premium of their own months (charts.same_months_ratio).
    "chart_recorded_ratio_same": {"id": "tercatat {period} atas iuran {months} bulan yang sama: {ratio}",
                                  "en": "recorded {period} on the same {months} months' premiums: {ratio}"},
    "chart_recorded_ratio": {"id": "tercatat {period}: {ratio}, klaim {months} bulan ÷ iuran {premium_months} bulan",
                             "en": "recorded {period}: {ratio}, {months} months' claims ÷ {premium_months} months' "
                                   "premiums"},
    # The same where the source does not say which months the premium covers (experience premium.months_stated):
    # on two lines, so that the histogram's legend grows no wider than the ratio's own label.
    "chart_recorded_ratio_assumed": {"id": "tercatat {period}: {ratio}, klaim {months} bulan ÷ iuran yang\n"
                                           "dianggap {premium_months} bulan (bulannya tidak disebutkan sumber)",
                                     "en": "recorded {period}: {ratio}, {months} months' claims ÷ premiums\n"
                                           "taken as {premium_months} months' (months not stated)"},
    "chart_fan_claims": {"id": "Klaim per tahun", "en": "Claims by year"},
    "chart_fan_ratio": {"id": "Rasio klaim per tahun", "en": "Claim ratio by year"},
    # Under a run-off's fan chart (charts.fan): its later years are not the programme's, as the results table marks.
    "chart_fan_runoff": {"id": "{years}: hanya peserta {start} yang masih hidup, tanpa peserta baru",
                         "en": "{years}: only the members of {start} still alive, no new members"},
    "chart_premium_year": {"id": "iuran setahun", "en": "a year's premium"},
    "chart_apbd_premium_year": {"id": "iuran setahun bagian APBD", "en": "a year's premium, the APBD's share"},
    # {months}: budget_year.months, the first 12 months or a shorter horizon's (sim.coverage.twelve_months).
    # "pertama"/"first": the months counted from the horizon's start, as the budget section's text and notebook 03
    # say ("perkiraan klaim 12 bulan pertama"); the legend said "12 bulan", any 12.
    "chart_claims_year": {"id": "perkiraan klaim {months} bulan pertama",
                          "en": "expected claims, first {months} months"},
    # The [budget] annual_budget is the APBD's (the thin line, where others pay too, is the APBD's share it pays):
    # "anggaran" alone left a planner asking whose, and for how long.
    "chart_budget": {"id": "anggaran APBD setahun", "en": "APBD budget for a year"},
    # A plan's APBD budget, of its [funding] for a year (notebook 03: sim.report.apbd_budget).
    "chart_budget_plan": {"id": "anggaran APBD {year} menurut rencana kepesertaan",
                          "en": "APBD budget for {year} under the enrolment plan"},
    "chart_affordable": {"id": "cukup untuk {n} peserta", "en": "covers {n} members"},
    "chart_now": {"id": "saat ini: {n}", "en": "now: {n}"},
    "chart_target": {"id": "target: {n}", "en": "target: {n}"},
    "chart_members_axis": {"id": "Jumlah peserta", "en": "Members"},
    "chart_coverage_title": {"id": "Anggaran dan cakupan", "en": "Budget and coverage"},
    "chart_funding_title": {"id": "Iuran setahun menurut pembayar", "en": "A year's premium by payer"},
    "chart_at_low": {"id": "asumsi di batas bawah", "en": "assumption at its low end"},
    "chart_at_high": {"id": "asumsi di batas atas", "en": "assumption at its high end"},
    "chart_prior_centre": {"id": "prior (pengali 1)", "en": "prior (multiplier 1)"},
    "chart_tornado_title": {"id": "Perkiraan klaim {period} (dasar {base})", "en": "Expected claims {period} (base {base})"},
    # A calibrated scenario's tornado (charts.tornado): the bars hold the fitted multipliers, the diamonds refit
    # them to the same record; "kalibrasi tetap" as the sensitivity section's text says it.
    "chart_at_low_held": {"id": "asumsi di batas bawah, kalibrasi tetap",
                          "en": "assumption at its low end, calibration held"},
    "chart_at_high_held": {"id": "asumsi di batas atas, kalibrasi tetap",
                           "en": "assumption at its high end, calibration held"},
    "chart_recalibrated": {"id": "batas yang sama setelah kalibrasi ulang dengan klaim tercatat",
                           "en": "the same end recalibrated to the recorded claims"},
    # --- charts' alt texts (sim/chart_descriptions.py): what a chart shows, for a reader who cannot see it ---
    "alt_ratio": {
        "id": "Histogram rasio klaim {period} dari {trials} simulasi: rasio klaim (klaim ÷ iuran) pada sumbu "
              "mendatar, jumlah simulasi pada sumbu tegak. Rata-rata {mean}; 90% simulasi berada antara {p5} dan "
              "{p95}; {above} simulasi berada di sebelah kanan garis impas 100% (klaim melebihi iuran).",
        "en": "Histogram of the {period} claim ratio in {trials} trials: the claim ratio (claims ÷ premium) on the "
              "horizontal axis, the number of trials on the vertical. Mean {mean}; 90% of the trials between {p5} "
              "and {p95}; {above} of them lie right of the break-even line at 100% (claims above the premium).",
    },
    "alt_ratio_recorded": {
        "id": " Garis bertitik pada {ratio}: rasio klaim tercatat {period} (klaim {months} bulan ÷ iuran "
              "{premium_months} bulan).",
        "en": " A dotted line at {ratio}: the claim ratio recorded in {period} ({months} months of claims ÷ "
              "{premium_months} months of premiums).",
    },
    "alt_ratio_recorded_assumed": {
        "id": " Garis bertitik pada {ratio}: rasio klaim tercatat {period} (klaim {months} bulan ÷ iuran yang "
              "dianggap {premium_months} bulan; bulannya tidak disebutkan sumber).",
        "en": " A dotted line at {ratio}: the claim ratio recorded in {period} ({months} months of claims ÷ "
              "premiums taken as {premium_months} months'; the source does not say which months).",
    },
    "alt_ratio_recorded_same": {
        "id": " Garis titik-strip pada {ratio}: klaim yang sama dibagi iuran {months} bulan yang sama.",
        "en": " A dash-dot line at {ratio}: the same claims over the premiums of the same {months} months.",
    },
    "alt_fan": {
        "id": "Dua panel menurut tahun, {span}: klaim dalam rupiah di panel kiri, rasio klaim di panel kanan. Median "
              "klaim {claims}; iuran {premium}. Median rasio klaim {ratios}; garis putus-putus menandai titik impas "
              "100%.",
        "en": "Two panels by year, {span}: claims in Rupiah on the left, the claim ratio on the right. Median claims "
              "{claims}; the premium {premium}. Median claim ratio {ratios}; a dashed line marks break-even at 100%.",
    },
    "alt_fan_year": {"id": "{value} pada {year} (rentang 90%: {low} sampai {high})",
                     "en": "{value} in {year} (90% band {low} to {high})"},
    "alt_in_year": {"id": "{value} pada {year}", "en": "{value} in {year}"},
    "alt_year_value": {"id": "{value} ({year})", "en": "{year} {value}"},
    "alt_span": {"id": "{first} sampai {last}", "en": "{first} to {last}"},
    "alt_recorded": {
        "id": " Bintang di sebelah kiri tahunnya: klaim tercatat {period} ({months} bulan, tidak disetahunkan), "
              "{value}{ratio}.",
        "en": " A star left of its year: the claims recorded in {period} ({months} months, not annualised), "
              "{value}{ratio}.",
    },
    "alt_recorded_ratio": {"id": ", rasio klaim {ratio} seperti dilaporkan",
                           "en": ", a claim ratio of {ratio} as reported"},
    "alt_recorded_model": {
        "id": " Di sampingnya perkiraan model untuk bulan-bulan yang sama menurut perhitungan langsung: {value} "
              "(rentang 90% simulasi: {low} sampai {high}).",
        "en": " Beside it the model's forecast of the same months by direct calculation: {value} (simulated 90% "
              "interval {low} to {high}).",
    },
    "alt_recorded_same": {
        "id": " Bintang putih pada panel rasio: klaim tercatat dibagi iuran {months} bulan yang sama, {ratio}.",
        "en": " A white star on the ratio panel: the recorded claims over the premiums of the same {months} months, "
              "{ratio}.",
    },
    "alt_coverage": {
        "id": "Garis lurus dari 0 sampai {top} peserta (sumbu mendatar), dalam rupiah per tahun (sumbu tegak): iuran "
              "setahun dan perkiraan klaim {months} bulan, keduanya sebanding dengan jumlah peserta. Garis bertitik "
              "pada {members} peserta saat ini: iuran {premium}, perkiraan klaim {claims}{apbd}.",
        "en": "Straight lines from 0 to {top} members (horizontal axis), in Rupiah a year (vertical axis): a year's "
              "premium and the expected claims of {months} months, both in proportion to the members. A dotted line "
              "at today's {members} members: premium {premium}, expected claims {claims}{apbd}.",
    },
    "alt_coverage_apbd": {"id": ", bagian APBD dari iuran {apbd}", "en": ", the APBD's share of the premium {apbd}"},
    "alt_coverage_budget": {"id": " Garis putus-putus pada anggaran, {budget}.",
                            "en": " A dashed line at the budget, {budget}."},
    "alt_coverage_affordable": {"id": " Anggaran itu cukup untuk {n} peserta.", "en": " It covers {n} members."},
    "alt_coverage_target": {"id": " Pada target {n} peserta: iuran {premium}, perkiraan klaim {claims}.",
                            "en": " At the target of {n} members: premium {premium}, expected claims {claims}."},
    "alt_funding": {"id": "Batang mendatar, satu per pembayar, untuk iuran setahun dalam rupiah. {bars}",
                    "en": "Horizontal bars, one per payer, of a year's premium in Rupiah. {bars}"},
    # A stacked bar: a payer's in the funding chart, a year's in the premium by payer (chart_descriptions._total).
    "alt_total": {"id": "{label}: {value}.", "en": "{label}: {value}."},
    "alt_total_parts": {"id": "{label}: {value} ({parts}).", "en": "{label}: {value} ({parts})."},
    "alt_tornado": {
        "id": "Batang mendatar di sekitar nilai dasar {base}, yaitu perkiraan klaim {period} (rupiah pada sumbu "
              "mendatar): setiap batang mewakili satu asumsi di batas bawah dan batas atas rentangnya.",
        "en": "Horizontal bars around the base of {base}, the {period} expected claims (Rupiah on the horizontal "
              "axis): each an assumption at the low and the high end of its range.",
    },
    # A calibrated scenario's tornado: its bars hold the calibration, a diamond marks each end refitted.
    "alt_tornado_refit": {
        "id": " Batang dihitung dengan kalibrasi tetap; belah ketupat pada batang menandai batas yang sama setelah "
              "kalibrasi ulang dengan klaim tercatat.",
        "en": " The bars hold the calibration; a diamond on a bar marks the same end recalibrated to the recorded "
              "claims.",
    },
    "alt_tornado_bar_refit": {"id": ", setelah kalibrasi ulang {low} dan {high}",
                              "en": ", recalibrated {low} and {high}"},
    "alt_tornado_widest": {"id": " {count} batang, yang terlebar di atas; {shown} batang terlebar: {bars}.",
                           "en": " {count} bars, the widest at the top; the {shown} widest: {bars}."},
    "alt_tornado_all": {"id": " Batang-batangnya, yang terlebar di atas: {bars}.",
                        "en": " Its bars, the widest at the top: {bars}."},
    "alt_tornado_none": {"id": " Tidak ada asumsi yang mengubah klaim itu.",
                         "en": " No assumption moves those claims."},
    "alt_tornado_bar": {"id": "{name}: {low} di batas bawah dan {high} di batas atas",
                        "en": "{name}: {low} at the low end and {high} at the high end"},
    "alt_plan_members": {
        # Each end named by its month, and the quantity named as the line draws it (the members in force during a
        # month, sim.expansion members()): the summary and the tables count members at the year-end (December's
        # close), 23,130 at the end of 2030 beside this line's 23,219 in December 2030 (madiun-2026-ucj).
        "id": "Garis jumlah peserta yang aktif dalam setiap bulan (sumbu tegak): {start} pada {first}, {end} pada "
              "{last}, paling banyak {peak} ({peak_month}). Jumlah peserta pada akhir tahun dalam Ringkasan dan "
              "tabel dihitung pada penutupan bulan Desember, bukan selama bulan itu, sehingga dapat sedikit berbeda "
              "dari titik Desember pada garis ini.",
        "en": "A line of the members in force during each month (vertical axis): {start} in {first}, {end} in "
              "{last}, at most {peak} ({peak_month}). The year-end members of the summary and the tables are "
              "counted at December's close, not during the month, so they may differ a little from the line's "
              "December point.",
    },
    "alt_plan_affordable": {
        "id": " Garis hijau putus-putus pada jumlah peserta APBD yang iurannya setahun penuh dapat dibayar anggaran "
              "APBD tahun itu: {years}.",
        "en": " Dashed green lines, the APBD-paid members that year's APBD budget pays a full year for: {years}.",
    },
    "alt_plan_targets": {"id": " Belah ketupat pada target akhir tahun: {years}.",
                         "en": " Diamonds at the year-end targets: {years}."},
    # A year the horizon holds only part of, as the charts' axis names it by its months (a start after January or a
    # horizon ending before December): a short bar of those months' premiums, not a fall in spending.
    "alt_part_year": {"id": "{year} (hanya {months} dalam proyeksi)",
                      "en": "{year} (only {months} in the projection)"},
    "alt_plan_part_years": {"id": " Tahun yang hanya sebagian masuk proyeksi, pada sumbu mendatar: {years}.",
                            "en": " Years only partly in the projection, on the horizontal axis: {years}."},
    "alt_plan_premium": {"id": "Batang iuran per tahun, bertumpuk menurut pembayar. {years}",
                         "en": "Bars by year of the premium, stacked by payer. {years}"},
    "alt_plan_budget": {"id": " Garis hijau pada anggaran APBD: {years}.",
                        "en": " Green lines at the APBD budget: {years}."},
    # The diamonds' premium is the following year's, at its rates, as the chart's caption and legend say.
    "alt_plan_target_premium": {
        "id": " Belah ketupat pada iuran setahun penuh untuk target akhir tahun, dengan tarif tahun berikutnya: "
              "{years}.",
        "en": " Diamonds at a full year's premium for the year-end target, at the next year's rates: {years}.",
    },
    "alt_plan_apbd_needed": {
        "id": " Lingkaran putih pada APBD yang dibutuhkan tahun itu (iuran saja), angka yang dianggarkan: {years}.",
        "en": " White circles at the APBD needed in the year (premiums only), the figure to budget: {years}.",
    },
    # Each with the year it is paid in, as the summary lists it: a target's year alone read as the year paid.
    "alt_plan_target_premium_item": {"id": "{value} untuk target akhir {year} (dibayar pada {paid})",
                                     "en": "{value} for the {year} year-end target (paid in {paid})"},
    # --- comparison (notebooks) ---
    "cmp_first_year": {"id": "tahun pertama", "en": "first year"},
    "cmp_horizon": {"id": "seluruh periode proyeksi", "en": "whole horizon"},
    "cmp_months": {"id": "bulan", "en": "months"},
    # The comparison's rows say what P5 and P95 are: a notebook's table has no note under it.
    "cmp_p5": {"id": "Klaim P5 (5% hasil simulasi di bawahnya)", "en": "Claims P5 (5% of simulations below it)"},
    "cmp_p95": {"id": "Klaim P95 (95% hasil simulasi di bawahnya)", "en": "Claims P95 (95% of simulations below it)"},
    # --- what-if (notebooks) ---
    "wi_what": {"id": "Butir", "en": "Item"},
    "wi_value": {"id": "Nilai", "en": "Value"},
    "wi_members": {"id": "Peserta", "en": "Members"},
    "wi_annual_premium": {"id": "Iuran setahun", "en": "Premium for a year"},
    "wi_city_premium": {"id": "Dibayar kota (APBD, DBH-CHT)", "en": "Paid by the city (APBD, DBH-CHT)"},
    "wi_apbd_premium": {"id": "  di antaranya dibayar APBD", "en": "  of which paid by the APBD"},
    "wi_csr_premium": {"id": "Dibayar CSR", "en": "Paid by CSR"},
    "wi_other_premium": {"id": "Dibayar pihak lain (APBN, SERTAKAN, mandiri)",
                         "en": "Paid by others (APBN, SERTAKAN, self)"},
    "wi_plans": {"id": "Rencana kepesertaan", "en": "Enrolment plan"},
    "wi_plans_set_aside": {
        "id": "tidak diterapkan ([{tables}]): peserta tetap sejumlah di atas selama setahun; jawaban rencana per "
              "tahun ada pada sim plan",
        "en": "not applied ([{tables}]): the members above are held for a year; the plan's answers by year are "
              "sim plan's"},
    "wi_expected_claims": {"id": "Perkiraan klaim 12 bulan", "en": "Expected claims, 12 months"},
    "wi_claim_ratio": {"id": "Rasio klaim", "en": "Claim ratio"},
    "wi_budget": {"id": "Anggaran", "en": "Budget"},
    # The budget is the APBD's: set against the APBD's premium, DBH-CHT paying from its own money (sim.coverage).
    "wi_budget_left": {"id": "Sisa anggaran setelah iuran yang dibayar APBD",
                       "en": "Budget left after the APBD's premium"},
    "wi_members_affordable": {"id": "Peserta yang iurannya dapat dibiayai anggaran", "en": "Members the budget covers"},
    # --- sentences and labels the notebooks' own code cells show (notebooks/; the prose is in their markdown cells) ---
    "progress_trials": {"id": "simulasi", "en": "trials"},  # a notebook's progress bar (sim.progress.notebook)
    "nb_scenario_size": {"id": "{members} peserta dalam {segments} segmen, {months} bulan mulai {start}",
                         "en": "{members} members in {segments} segment(s), {months} months from {start}"},
    "nb_slider_budget": {"id": "Anggaran (Rp juta)", "en": "Budget (Rp million)"},
    "nb_slider_members": {"id": "Peserta", "en": "Members"},
    "nb_slider_csr_share": {"id": "Proporsi CSR (%)", "en": "CSR share (%)"},
    # The factors in % of the scenario's own rates (100: as it has them): a slider's "1.00" reads as a thousand.
    "nb_slider_deaths": {"id": "Kematian (% asumsi)", "en": "Deaths (% of assumed)"},
    "nb_slider_accidents": {"id": "Kecelakaan (% asumsi)", "en": "Accidents (% of assumed)"},
    # --- budget against members (notebook 03; sim.planner_tables.year_table, members_table, pledge_table) ---
    "nb_members_start": {"id": "Peserta di awal", "en": "Members at the start"},
    "nb_premium_start": {"id": "Iuran setahun (peserta di awal)", "en": "A year's premium (members at the start)"},
    "nb_paid_by": {"id": "  dibayar {payer}", "en": "  paid by {payer}"},
    "nb_premium_projected": {"id": "Iuran {months} bulan pertama menurut rencana kepesertaan",
                             "en": "Premium of the first {months} months under the enrolment plan"},
    "nb_expected_claims": {"id": "Perkiraan klaim {months} bulan pertama",
                           "en": "Expected claims, first {months} months"},
    "nb_claim_ratio": {"id": "Rasio klaim (perkiraan klaim / iuran)", "en": "Claim ratio (expected claims / premium)"},
    "nb_budget": {"id": "Anggaran APBD setahun", "en": "APBD budget for a year"},
    "nb_members_affordable": {"id": "Peserta yang iurannya dapat dibiayai anggaran APBD", "en": "Members the APBD budget covers"},
    # A plan's budget, from its [funding] by year: the members it covers are the plan by year's (notebook 03).
    "nb_budget_plan": {"id": "Anggaran APBD {year} menurut rencana kepesertaan",
                       "en": "APBD budget for {year} under the enrolment plan"},
    "nb_rate_changes": {"id": "Tarif berubah dalam 12 bulan", "en": "Rate changes within the 12 months"},
    "nb_no_pledges": {"id": "tidak memuat komitmen CSR ([funding.csr.*]); pilih skenario yang memuatnya, misalnya "
                            "madiun-2026-ucj-csr",
                      "en": "has no CSR pledges ([funding.csr.*]); choose a scenario with them, e.g. "
                            "madiun-2026-ucj-csr"},
    "nb_no_plan": {"id": "tidak memuat rencana kepesertaan (kuota [expansion], alur pendaftaran [pipeline], "
                         "pendanaan [funding], atau keluarnya peserta [membership]); pilih skenario yang memuatnya, "
                         "misalnya madiun-2026-ucj-csr",
                   "en": "has no enrolment plan ([expansion] quotas, a [pipeline], [funding] or [membership] exits); "
                         "choose a scenario with one, e.g. madiun-2026-ucj-csr"},
    "nb_ucj": {"id": "Cakupan UCJ akhir tahun", "en": "UCJ coverage at year-end"},
    # The plan by year's APBD needed with CSR pledges: the certainty in its heading, where a planner copying the
    # figure into a budget request reads it (the notebook's text above the table is easily skipped).
    "nb_apbd_needed_confidence": {"id": "{need} (cukup dengan peluang ≥ {confidence})",
                                  "en": "{need} (enough with probability ≥ {confidence})"},
    # The note row of the plan by year (sim.planner_tables.plan_table) under a year the horizon ends in before
    # December, whose starred year-end is its last month (the report's plan_year_end_partial_note): within 50
    # characters.
    "nb_year_end_partial": {"id": "akhir {month}, bukan 31 Desember", "en": "end of {month}, not 31 December"},
    # ... and under the premium, for its starred premiums, APBD premiums and APBD needed (the report's
    # plan_budget_partial_note): the months up to then only, against a full year's budget.
    "nb_premium_partial": {"id": "sampai {month} saja, bukan setahun penuh",
                           "en": "up to {month} only, not a full year"},
    # ... and in a year the horizon starts in after January, its months ("Juli–Desember 2026"; the report's
    # plan_budget_partial_start_note).
    "nb_premium_partial_start": {"id": "{months} saja, bukan setahun penuh", "en": "{months} only, not a full year"},
    # --- what the money buys (notebook 03; sim.planner_tables.coverage_table): sim plan's largest coverage and CSR
    # gap. A value stays within 50 characters, the width pandas shows a table's cell at before cutting it.
    "nb_no_plan_here": {"id": "tidak ada di {scenario}", "en": "none in {scenario}"},
    "nb_coverage": {"id": "Cakupan terbesar yang dapat didanai anggaran", "en": "Largest coverage the budget funds"},
    # {share}: the multiple of the quota path's growth above the starting members as a percentage, "83,2%": a
    # planner read "0,832 × pertumbuhan jalur kuota" as a formula, not as how much of the planned growth is funded.
    "nb_coverage_scale": {"id": "{share} dari tambahan peserta menurut kuota",
                          "en": "{share} of the members the quotas add"},
    "nb_coverage_none": {"id": "tidak ada: pertumbuhan tidak terdanai", "en": "none: no growth is affordable"},
    "nb_coverage_no_growth": {"id": "tidak berlaku: tidak ada rencana pertumbuhan",
                              "en": "n/a: no growth planned"},
    "nb_coverage_no_target": {"id": "tidak berlaku: tanpa target dalam periode proyeksi",
                              "en": "n/a: no year-end target in the horizon"},
    # What stops a larger share, said so that "dibatasi oleh: dana" needs no guessing.
    "nb_coverage_limit": {"id": "  yang membatasi", "en": "  what limits it"},
    "nb_limit_money": {"id": "dana: untuk lebih dari itu dananya tidak cukup",
                       "en": "the money: it does not pay for more"},
    "nb_limit_pipeline": {"id": "alur pendaftaran (dananya cukup untuk lebih)",
                          "en": "the enrolment pipeline (the money pays for more)"},
    "nb_limit_capped": {"id": "tidak ada, sampai batas terbesar yang dihitung",
                        "en": "nothing, up to the largest share tried"},
    "nb_coverage_funded": {"id": "  terdanai dengan peluang", "en": "  funded with probability"},
    "nb_funded_confidence": {"id": "≥ {confidence}, dengan risiko komitmen CSR tidak dipenuhi",
                             "en": "≥ {confidence} over which CSR pledges are honoured"},
    "nb_funded_expected": {"id": "tidak dihitung: CSR sebesar nilai × peluang",
                           "en": "not computed: CSR at amount × probability"},
    "nb_funded_certain": {"id": "100% (tanpa komitmen CSR)", "en": "100% (no CSR pledges)"},
    "nb_coverage_members": {"id": "  peserta akhir {year}", "en": "  members at the end of {year}"},
    # In a year the horizon ends in before December, the members at its last month, named as nb_gap_ucj_month.
    "nb_coverage_members_month": {"id": "  peserta akhir {month} (akhir proyeksi)",
                                  "en": "  members at the end of {month} (the horizon's end)"},
    "nb_coverage_not_renewed": {"id": "  tidak diperpanjang bila tidak tumbuh", "en": "  not renewed with no growth"},
    "nb_coverage_waiting": {"id": "  paling banyak menunggu dana bila tidak tumbuh",
                            "en": "  most waiting for money with no growth"},
    "nb_gap": {"id": "Dana CSR tambahan untuk mencapai target UCJ, {year}",
               "en": "CSR money to close the gap to the UCJ target, {year}"},
    "nb_gap_lacks": {"id": "Dana CSR tambahan untuk mencapai target UCJ",
                     "en": "CSR money to close the gap to the UCJ target"},
    "nb_gap_segments": {"id": "  untuk segmen", "en": "  for the segment"},
    "nb_gap_segments_n": {"id": "  untuk segmen {n}", "en": "  for segment {n}"},
    "nb_gap_no_bind": {"id": "  dengan dana itu, peluang tidak ada peserta yang tidak diperpanjang atau menunggu dana",
                       "en": "  with it, the probability that no member goes unrenewed or waits for money"},
    "nb_gap_ucj": {"id": "  UCJ akhir {year} dengan dana itu (peluang ≥ {confidence})",
                   "en": "  UCJ at the end of {year} with it (probability ≥ {confidence})"},
    # In a year the horizon ends in before December, UCJ at its last month, named as sim plan and the report's
    # plan_item_ucj_month name it.
    "nb_gap_ucj_month": {"id": "  UCJ akhir {month} (akhir proyeksi) dengan dana itu (peluang ≥ {confidence})",
                         "en": "  UCJ at the end of {month} (the horizon's end) with it (probability ≥ "
                               "{confidence})"},
    "nb_gap_not_renewed": {"id": "  masih tidak diperpanjang dengan dana itu (kemungkinan terburuk)",
                           "en": "  still not renewed with it (the worst outcome)"},
    "nb_gap_short": {"id": "Kekurangan dana kota untuk segmen di luar alokasi UCJ, {year}",
                     "en": "City money short for the segments outside the UCJ allocation, {year}"},
    "nb_gap_short_segments": {"id": "  segmen di luar alokasi UCJ", "en": "  the segment outside the UCJ allocation"},
    "nb_gap_short_segments_n": {"id": "  segmen {n} di luar alokasi UCJ",
                                "en": "  segment {n} outside the UCJ allocation"},
    "nb_gap_no_bind_both": {
        "id": "  dengan keduanya, peluang tidak ada peserta yang tidak diperpanjang atau menunggu dana",
        "en": "  with both, the probability that no member goes unrenewed or waits for money"},
    "nb_gap_ucj_both": {"id": "  UCJ akhir {year} dengan keduanya (peluang ≥ {confidence})",
                        "en": "  UCJ at the end of {year} with both (probability ≥ {confidence})"},
    "nb_gap_ucj_both_month": {"id": "  UCJ akhir {month} (akhir proyeksi) dengan keduanya (peluang ≥ {confidence})",
                              "en": "  UCJ at the end of {month} (the horizon's end) with both (probability ≥ "
                                    "{confidence})"},
    "nb_lacks": {"id": "tidak dijawab: tidak ada {table}", "en": "not answered: no {table}"},
    "nb_lacks_funding": {"id": "tabel [funding]", "en": "[funding] table"},
    "nb_lacks_expansion": {"id": "jalur kuota [expansion]", "en": "quota path ([expansion])"},
    "nb_lacks_ucj": {"id": "target UCJ [ucj]", "en": "UCJ target ([ucj])"},
    "nb_lacks_ucj_allocation": {"id": "ucj_allocation di [expansion]", "en": "ucj_allocation in [expansion]"},
    # --- calibration and backtest (notebook 02; sim.planner_tables: posterior, backtest and next_year tables) ---
    "nb_scale_mortality": {"id": "Pengali kematian (JKM)", "en": "Death multiplier (JKM)"},
    "nb_scale_accident": {"id": "Pengali kecelakaan kerja (JKK)", "en": "Work-accident multiplier (JKK)"},
    "nb_multiplier": {"id": "Pengali", "en": "Multiplier"},
    "nb_mean": {"id": "Rata-rata", "en": "Mean"},
    "nb_p5": {"id": "P5", "en": "P5"},
    "nb_p50": {"id": "Median", "en": "Median"},
    "nb_p95": {"id": "P95", "en": "P95"},
    "nb_prior_sigma": {"id": "Sebaran prior (log)", "en": "Prior spread (log)"},
    "nb_credibility": {"id": "Bobot kredibilitas data", "en": "Credibility of the data"},
    "nb_months_observed": {"id": "Bulan tercatat", "en": "Months recorded"},
    "nb_claims_recorded": {"id": "Klaim tercatat (kasus)", "en": "Claims recorded (cases)"},
    "nb_claims_forecast": {"id": "Perkiraan sebelum kalibrasi (kasus)", "en": "Forecast before calibration (cases)"},
    "nb_claims_percentile": {"id": "Persentil kasus tercatat", "en": "Percentile of the cases recorded"},
    "nb_amount_recorded": {"id": "Nilai klaim tercatat", "en": "Amount recorded"},
    "nb_amount_forecast": {"id": "Perkiraan nilai sebelum kalibrasi", "en": "Amount forecast before calibration"},
    "nb_amount_percentile": {"id": "Persentil nilai tercatat", "en": "Percentile of the amount recorded"},
    "nb_trials": {"id": "Jumlah simulasi", "en": "Trials"},
    # --- scenarios whose members are projected ([pipeline], [expansion], [funding]; sim.expansion) ---
    # The word before a list's last item; Language.join puts the commas and spaces around it.
    "list_and": {"id": "dan", "en": "and"},
    # Before the last of several lists, each with an "and" of its own ("A and B, and C and D").
    "list_and_groups": {"id": "serta", "en": "and"},
    "list_or": {"id": "atau", "en": "or"},
    "word_yes": {"id": "ya", "en": "yes"},
    "word_no": {"id": "tidak", "en": "no"},
    "tile_plan_budget": {"id": "Anggaran APBD {year}", "en": "APBD budget {year}"},
    "tile_plan_needed": {"id": "APBD yang dibutuhkan {year}", "en": "APBD needed {year}"},
    "tile_plan_premium": {"id": "Iuran {year}", "en": "Premium {year}"},
    "tile_plan_members_end": {"id": "Peserta akhir {year}", "en": "Members at the end of {year}"},
    "exec_plan_lead": {
        "id": "Jumlah peserta berubah sepanjang proyeksi (pendaftaran baru, peserta keluar, batas anggaran): {start} "
              "peserta pada {date}, {end} peserta pada akhir {last}. Setiap bulan disimulasikan dengan peserta hasil "
              "proyeksi itu, dan semua angka anggaran di bawah dihitung per tahun dari peserta dan iuran tersebut.",
        "en": "Membership changes over the projection (new enrolment, members leaving, the budget limit): {start} "
              "members in {date}, {end} at the end of {last}. Every month is simulated with those projected members, "
              "and every budget figure below is worked out year by year from them and their premiums.",
    },
    "exec_plan_buys": {
        "id": "Anggaran APBD {budget} per tahun cukup untuk iuran setahun penuh {affordable} peserta APBD, yaitu "
              "peserta yang iurannya dibayar APBD ({per_member} per peserta per tahun).",
        "en": "The APBD budget of {budget} a year pays a full year of premiums for {affordable} APBD-paid members "
              "({per_member} per member per year).",
    },
    "exec_plan_buys_years": {
        "id": "Anggaran APBD per tahun cukup untuk iuran setahun penuh sejumlah peserta APBD, yaitu peserta yang "
              "iurannya dibayar APBD ({per_member} per peserta per tahun): {items}.",
        "en": "Each year's APBD budget pays a full year of premiums for a number of APBD-paid members ({per_member} "
              "per member per year): {items}.",
    },
    "exec_plan_buys_years_mixed": {
        "id": "Anggaran APBD per tahun cukup untuk iuran setahun penuh sejumlah peserta APBD, yaitu peserta yang "
              "iurannya dibayar APBD: {items}.",
        "en": "Each year's APBD budget pays a full year of premiums for a number of APBD-paid members: {items}.",
    },
    "plan_item_buys": {"id": "{year} {budget} untuk {affordable} peserta", "en": "{year} {budget} for {affordable} members"},
    "plan_item_buys_each": {"id": "{year} {budget} untuk {affordable} peserta ({per_member} per peserta)",
                            "en": "{year} {budget} for {affordable} members ({per_member} each)"},
    "exec_plan_cofunding": {
        "id": "Jumlah peserta itu dihitung setelah bagian APBD untuk komitmen CSR yang didampingi APBD (seperti "
              "komitmennya, dihitung sebesar nilai komitmen × peluang dipenuhi): {items}.",
        "en": "Those members are counted after the APBD's share of co-funded CSR pledges (counted, as the pledges are, "
              "at amount times probability): {items}.",
    },
    "exec_plan_cofunding_every_year": {
        "id": "Jumlah peserta itu dihitung setelah bagian APBD untuk komitmen CSR yang didampingi APBD, {cofunding} per "
              "tahun (seperti komitmennya, dihitung sebesar nilai komitmen × peluang dipenuhi).",
        "en": "Those members are counted after the APBD's share of co-funded CSR pledges, {cofunding} a year (counted, "
              "as the pledges are, at amount times probability).",
    },
    "plan_item_cofunding": {"id": "{year} {cofunding}", "en": "{year} {cofunding}"},
    # The members counted at a year-end are paid for through the next year, at its rates ({premiums} lists
    # plan_item_target_premium: that year and the premium).
    "exec_plan_targets": {
        "id": "Target akhir tahun {targets} peserta memerlukan iuran setahun penuh pada tahun berikutnya, dengan tarif "
              "tahun itu: {premiums}.",
        "en": "The year-end targets of {targets} members take a full year of premiums in the following year, at that "
              "year's rates: {premiums}.",
    },
    "exec_plan_targets_all_payers": {
        "id": "Target akhir tahun {targets} peserta memerlukan iuran setahun penuh pada tahun berikutnya, dari semua "
              "pembayar bersama-sama (APBD dan pembayar lain) dan dengan tarif tahun itu: {premiums}.",
        "en": "The year-end targets of {targets} members take a full year of premiums in the following year, from all "
              "payers together (the APBD and the others) at that year's rates: {premiums}.",
    },
    "plan_item_target_premium": {"id": "{year} {premium}", "en": "{year} {premium}"},
    "exec_plan_needed_quota": {
        "id": "APBD yang dibutuhkan untuk mencapai target akhir tahun (iuran saja): {items}.",
        "en": "The APBD needed to reach the year-end targets (premiums only): {items}.",
    },
    "exec_plan_needed_members": {
        "id": "APBD yang dibutuhkan agar semua peserta dalam rencana kepesertaan terdaftar tanpa menunggu dana (iuran "
              "saja): {items}.",
        "en": "The APBD needed to enrol every member of the membership plan without anybody waiting for money "
              "(premiums only): {items}.",
    },
    "plan_item_needed": {"id": "{year} {need}", "en": "{year} {need}"},
    # Two "needed" figures sit side by side in the summary: say which one goes into the APBD.
    "exec_plan_needed_versus_target": {
        "id": "Angka inilah yang dianggarkan: bagian APBD dari iuran bulan-bulan tahun itu, dengan peserta yang "
              "bertambah bertahap sepanjang tahun. Iuran setahun penuh untuk target akhir tahun (di atas) adalah iuran "
              "tahun berikutnya dari semua pembayar, dengan semua peserta target aktif sejak Januari, sehingga bukan "
              "angka APBD tahun itu.",
        "en": "This is the figure to budget: the APBD's share of the year's monthly premiums, with members joining "
              "through the year. The full year's premium for the year-end target (above) is the following year's, "
              "with every target member in force from January and every payer, so it is not that year's APBD figure.",
    },
    "exec_plan_needed_pledges_sure": {
        "id": "Angka ini cukup dengan peluang sekurang-kurangnya {confidence}, dengan memperhitungkan kemungkinan "
              "komitmen CSR tidak dipenuhi. Dengan APBD sebesar itu, tidak ada peserta yang tidak diperpanjang atau "
              "menunggu dana dalam kombinasi komitmen mana pun.",
        "en": "It suffices with a probability of at least {confidence}, allowing for CSR pledges that are not "
              "honoured. With that APBD no member goes unrenewed or waits for money in any combination of pledges.",
    },
    "exec_plan_needed_pledges": {
        "id": "Angka ini cukup dengan peluang sekurang-kurangnya {confidence}, dengan memperhitungkan kemungkinan "
              "komitmen CSR tidak dipenuhi. Dengan APBD sebesar itu, peluang tidak ada peserta yang tidak diperpanjang "
              "atau menunggu dana adalah {p}.",
        "en": "It suffices with a probability of at least {confidence}, allowing for CSR pledges that are not "
              "honoured. With that APBD, the probability that no member goes unrenewed or waits for money is {p}.",
    },
    # Without CSR pledges nothing random moves the need (the members are projected once, for every simulation): a
    # planner asking "how sure" is told where its uncertainty lies instead of reading no word of it.
    # Why the need is above the target's full year (report_planning._need_above_target: sim.expansion's places).
    "exec_plan_needed_above_target": {
        "id": "Pada {years}, angka ini sedikit di atas iuran setahun penuh untuk target akhir tahun sebelumnya, yang "
              "dibayar pada tahun itu, karena tempat peserta yang keluar diisi kembali pada bulan yang sama dan iuran "
              "bulan itu dibayar untuk keduanya: peserta yang keluar (bulan terakhirnya) dan penggantinya.",
        "en": "In {years}, this figure is slightly above the full year's premium for the previous year-end target, "
              "which is paid in that year, because a member who leaves is replaced in the same month and that month's "
              "premium is paid for both: the leaver (their last month) and the replacement.",
    },
    "exec_plan_needed_no_pledges": {
        "id": "Angka ini sama di setiap simulasi: jumlah peserta diproyeksikan satu kali dan dipakai oleh semua "
              "simulasi, dan tidak ada komitmen CSR (dana tanggung jawab sosial perusahaan) yang mungkin tidak "
              "dipenuhi, sehingga angka ini tidak memiliki rentang 90% seperti klaim. Ketidakpastiannya berasal dari "
              "asumsi proyeksi kepesertaan (alur pendaftaran dan peserta keluar). Bagian Sensitivitas terhadap "
              "asumsi hanya mengukur klaim; pengaruh asumsi itu terhadap anggaran dapat diukur dengan perintah "
              "perencanaan python -m sim plan.",
        "en": "This figure is the same in every simulation: the members are projected once and used by every "
              "simulation, and no CSR pledge (corporate social responsibility money) may fail to be honoured, so it "
              "has no 90% interval as the claims have. Its uncertainty lies in the membership projection's "
              "assumptions (enrolment and members leaving). The section Sensitivity to assumptions measures claims "
              "only; those assumptions' effect on the budget can be measured with the planning command python -m "
              "sim plan.",
    },
    "exec_plan_needed_short": {
        "id": "Anggaran APBD dalam skenario lebih kecil daripada kebutuhan ini pada {items}.",
        "en": "The scenario's APBD budget is below this need in {items}.",
    },
    "plan_item_short": {"id": "{year} (kurang {short})", "en": "{year} ({short} short)"},
    "exec_plan_needed_short_reached": {
        "id": "Pada {years} target tetap tercapai dalam proyeksi utama, yang menghitung setiap komitmen CSR sebesar "
              "nilainya dikali peluangnya; kekurangan itu baru terjadi bila komitmen tidak dipenuhi.",
        "en": "In {years} the target is still reached in the main projection, which counts each CSR pledge at its "
              "amount times its probability; the shortfall arises only when pledges are not honoured.",
    },
    "exec_plan_needed_dbh_cht": {
        "id": "Iuran yang dibayar dari DBH-CHT tidak termasuk dalam angka APBD ini (lihat tabel iuran menurut "
              "pembayar).",
        "en": "Premiums paid from DBH-CHT are not in these APBD figures (see the table of premiums by payer).",
    },
    # The DBH-CHT is spent through the APBD (PMK 215/2021) yet the APBD needed leaves it out: the city's money in all,
    # once, for a BAPPEDA budget line (report_planning._city_needed).
    "exec_plan_city_needed": {
        "id": "Iuran yang dibayar dari DBH-CHT tidak termasuk dalam angka APBD ini, walaupun DBH-CHT dibelanjakan "
              "lewat APBD. Dana kota yang dibutuhkan seluruhnya, APBD ditambah iuran dari DBH-CHT (lihat tabel iuran "
              "menurut pembayar): {items}.",
        "en": "Premiums paid from DBH-CHT are not in these APBD figures, though DBH-CHT is spent through the APBD. "
              "The city money needed in all, the APBD plus the DBH-CHT premiums (see the table of premiums by payer): "
              "{items}.",
    },
    # The APBD needed at the confidence is that of no pledge honoured (report_planning._pledge_relief).
    "exec_plan_need_no_relief": {
        "id": "Pada peluang {confidence} ini, komitmen CSR tidak mengurangi APBD yang dibutuhkan: angkanya sama "
              "dengan baris “tidak ada yang dipenuhi” pada tabel akibat komitmen CSR yang tidak dipenuhi. "
              "Peluang tidak satu pun komitmen dipenuhi adalah {p_none}; tanpa kemungkinan itu, kombinasi lainnya hanya "
              "mencakup peluang {p_others}, kurang dari {confidence}, sehingga APBD yang cukup dengan "
              "peluang {confidence} harus cukup juga tanpa dana CSR sama sekali.",
        "en": "At {confidence} the CSR pledges lower the APBD needed by nothing: it equals the row “none honoured” of "
              "the table of CSR pledges not honoured. The chance that no pledge is honoured is {p_none}; without that "
              "case the other combinations cover only {p_others}, less than {confidence}, so an APBD enough with "
              "probability {confidence} must also suffice with no CSR money at all.",
    },
    "plan_need_no_relief_note": {
        "id": "Dengan peluang {confidence}, komitmen CSR tidak mengurangi APBD yang dibutuhkan: kolom itu sama dengan "
              "baris “tidak ada yang dipenuhi” pada tabel akibat komitmen CSR yang tidak dipenuhi (lihat Ringkasan).",
        "en": "At {confidence} the CSR pledges lower the APBD needed by nothing: the column equals the row “none "
              "honoured” of the table of CSR pledges not honoured (see the Summary).",
    },
    # Under the APBD table: which columns are the main projection's (expected CSR money) and which the answer at the
    # confidence; a planner saw money left and "Pays for 21,633" beside "Budget sufficient: no" (2028).
    "plan_apbd_expected_note": {
        "id": "Kolom peserta APBD, iuran dari APBD, sisa anggaran, dan “Cukup untuk” berasal dari proyeksi utama, "
              "yang menghitung setiap komitmen CSR sebesar nilai komitmen × peluang dipenuhi (nilai harapan). Kolom "
              "APBD yang dibutuhkan dan “Anggaran cukup” adalah jawaban dengan peluang {confidence}, yang juga "
              "mencakup kemungkinan komitmen tidak dipenuhi.",
        "en": "The columns of APBD-paid members, premium paid by APBD, budget left and “Pays for” come from the main "
              "projection, which counts each CSR pledge at its amount × the probability it is honoured (expected "
              "values). The columns of APBD needed and “Budget sufficient” are the answer at {confidence}, which also "
              "allows for pledges not being honoured.",
    },
    "plan_apbd_expected_note_years": {
        "id": " Karena itu pada {years} anggaran masih bersisa dalam proyeksi utama, tetapi tidak cukup: sisa itu "
              "habis bila komitmen tidak dipenuhi.",
        "en": " So in {years} the main projection leaves budget over and yet the budget is not sufficient: what is "
              "left runs out when pledges are not honoured.",
    },
    # sim plan's CSR gap to the UCJ target (plan.json budget.csr_gap_to_ucj; report.json planning.csr_gap_to_ucj).
    "exec_plan_ucj_csr_gap": {
        "id": "Agar target UCJ {target} pada {year} tercapai, dengan peluang {confidence}, dibutuhkan dana CSR "
              "tambahan di luar dana dalam skenario untuk iuran segmen {segments}: {items}; pada tahun lainnya tidak "
              "dibutuhkan.",
        "en": "Reaching the UCJ target of {target} by {year}, with probability {confidence}, takes CSR money beyond "
              "the scenario's for the premiums of {segments}: {items}; none in the other years.",
    },
    "plan_item_csr_gap": {"id": "{year} {csr}", "en": "{year} {csr}"},
    "plan_item_city": {"id": "{year} {city}", "en": "{year} {city}"},
    "col_csr_gap_ucj": {"id": "Dana CSR tambahan untuk target UCJ", "en": "Extra CSR money for the UCJ target"},
    "plan_csr_gap_note": {
        "id": "Dana CSR tambahan untuk target UCJ: dana CSR di luar dana dalam skenario yang dibutuhkan tahun itu "
              "agar target UCJ {target} pada {year} tercapai, dengan peluang {confidence} (iuran segmen UCJ saja).",
        "en": "Extra CSR money for the UCJ target: the CSR money beyond the scenario's that the year needs to reach "
              "the UCJ target of {target} by {year}, with probability {confidence} (the UCJ segments' premiums only).",
    },
    "apbd_excl_dbh": {"id": "APBD (di luar DBH-CHT)", "en": "APBD (excluding DBH-CHT)"},
    "tile_plan_confidence": {"id": ", cukup dengan peluang ≥ {confidence}", "en": ", enough with probability ≥ {confidence}"},
    "exec_plan_needed_enough": {
        "id": "Anggaran APBD dalam skenario mencukupi kebutuhan ini setiap tahun.",
        "en": "The scenario's APBD budget covers this need every year.",
    },
    "exec_plan_needed_unreachable": {
        "id": "Bahkan dengan APBD tanpa batas, target berikut tidak tercapai karena alur pendaftaran terlalu lambat: "
              "{items}.",
        "en": "Even with unlimited APBD these targets are not reached, as enrolment is too slow: {items}.",
    },
    "plan_item_unreachable": {"id": "{segment} {year} ({end} dari {target} peserta)",
                              "en": "{segment} {year} ({end} of {target} members)"},
    "plan_item_target": {"id": "{target} ({year})", "en": "{target} ({year})"},
    "exec_plan_reached": {"id": "Target tercapai pada {items}.", "en": "Target reached in {items}."},
    # "{end} dari {target}" read as a share above 100 % when the target is passed: the members, then the target.
    "plan_item_reached": {"id": "{year} ({end} peserta pada akhir tahun, target {target})",
                          "en": "{year} ({end} members at the year-end, target {target})"},
    "exec_plan_missed": {"id": "Target tidak tercapai pada {items}.", "en": "Target missed in {items}."},
    "plan_item_missed": {"id": "{year} ({end} peserta pada akhir tahun, target {target}, kurang {short})",
                         "en": "{year} ({end} members at the year-end, target {target}, {short} short)"},
    "plan_item_missed_segments": {
        "id": "{year} ({end} peserta pada akhir tahun, target {target}, kurang {short} di segmen yang belum "
              "mencapai targetnya)",
        "en": "{year} ({end} members at the year-end, target {target}, {short} short in the segments below their "
              "targets)",
    },
    "plan_item_missed_waiting_segments": {
        "id": "{year} ({end} peserta pada akhir tahun, target {target}, kurang {short} di segmen yang belum "
              "mencapai targetnya; {held} calon peserta sudah terdaftar tetapi belum terlindungi karena menunggu "
              "dana)",
        "en": "{year} ({end} members at the year-end, target {target}, {short} short in the segments below their "
              "targets; {held} registered names not yet covered, waiting for money)",
    },
    "plan_item_missed_waiting": {
        "id": "{year} ({end} peserta pada akhir tahun, target {target}, kurang {short}; {held} calon peserta sudah "
              "terdaftar tetapi belum terlindungi karena menunggu dana)",
        "en": "{year} ({end} members at the year-end, target {target}, {short} short; {held} registered names not "
              "yet covered, waiting for money)",
    },
    # A target whose 31 December lies after the horizon (one ending in June, say): not judged on the last month.
    "exec_plan_beyond": {
        "id": "Di luar periode proyeksi: proyeksi berakhir pada {last}, sebelum akhir tahun, sehingga belum dapat "
              "diketahui apakah target akhir tahun {items} tercapai.",
        "en": "Beyond the horizon: the projection ends in {last}, before the year-end, so it cannot say whether the "
              "year-end target of {items} is reached.",
    },
    "plan_item_beyond": {"id": "{target} peserta ({year})", "en": "{target} members ({year})"},
    # Targets, budgets and pledge money listed for a year after the horizon's last (a horizon shortened with --set):
    # nothing uses them. {items} lists the groups below (the report capitalises the sentence's first letter).
    "exec_plan_after_horizon": {
        "id": "{items} berada di luar periode proyeksi, yang berakhir pada {month}, sehingga tidak digunakan.",
        "en": "{items} lies after the horizon, which ends in {month}, and is not used.",
    },
    "exec_plan_after_horizon_several": {
        "id": "{items} berada di luar periode proyeksi, yang berakhir pada {month}, sehingga tidak digunakan.",
        "en": "{items} lie after the horizon, which ends in {month}, and are not used.",
    },
    # ... and before its first (a start moved later with --set; a target superseded before the horizon starts).
    "exec_plan_before_horizon": {
        "id": "{items} berada sebelum periode proyeksi, yang dimulai pada {month}, sehingga tidak digunakan.",
        "en": "{items} lies before the horizon, which starts in {month}, and is not used.",
    },
    "exec_plan_before_horizon_several": {
        "id": "{items} berada sebelum periode proyeksi, yang dimulai pada {month}, sehingga tidak digunakan.",
        "en": "{items} lie before the horizon, which starts in {month}, and are not used.",
    },
    # The groups those sentences list, the same on either side of the horizon: its targets, and a payer's money.
    "plan_outside_targets": {"id": "target akhir tahun {items}", "en": "the year-end target of {items}"},
    "plan_outside_targets_several": {"id": "target akhir tahun {items}", "en": "the year-end targets of {items}"},
    "plan_outside_budget": {"id": "anggaran {payer} sebesar {items}", "en": "the {payer} budget of {items}"},
    "plan_outside_budget_several": {"id": "anggaran {payer} sebesar {items}", "en": "the {payer} budgets of {items}"},
    "plan_outside_pledge": {"id": "komitmen “{name}” sebesar {items}", "en": "the pledge “{name}” of {items}"},
    "plan_outside_pledge_several": {"id": "komitmen “{name}” sebesar {items}",
                                  "en": "the pledge “{name}” of {items}"},
    "plan_item_outside_money": {"id": "{amount} ({year})", "en": "{amount} ({year})"},
    "exec_plan_ucj": {
        "id": "Cakupan semesta jaminan sosial ketenagakerjaan (UCJ: bagian penduduk bekerja yang menjadi peserta BPJS "
              "Ketenagakerjaan) pada akhir tahun: {items}; targetnya {target} pada {year}.",
        "en": "Universal Coverage Jamsostek (UCJ: the share of employed persons who are BPJS Ketenagakerjaan members) "
              "at the year-ends: {items}; the target is {target} by {year}.",
    },
    "exec_plan_ucj_reached": {
        "id": "Cakupan semesta jaminan sosial ketenagakerjaan (UCJ: bagian penduduk bekerja yang menjadi peserta BPJS "
              "Ketenagakerjaan) pada akhir tahun: {items}; target {target} pada {year} tercapai.",
        "en": "Universal Coverage Jamsostek (UCJ: the share of employed persons who are BPJS Ketenagakerjaan members) "
              "at the year-ends: {items}; the target of {target} by {year} is reached.",
    },
    "exec_plan_ucj_missed": {
        "id": "Cakupan semesta jaminan sosial ketenagakerjaan (UCJ: bagian penduduk bekerja yang menjadi peserta BPJS "
              "Ketenagakerjaan) pada akhir tahun: {items}; target {target} pada {year} tidak tercapai.",
        "en": "Universal Coverage Jamsostek (UCJ: the share of employed persons who are BPJS Ketenagakerjaan members) "
              "at the year-ends: {items}; the target of {target} by {year} is missed.",
    },
    "plan_item_ucj": {"id": "{year} {ucj}", "en": "{year} {ucj}"},
    # UCJ at the horizon's last month, in a year the horizon ends in before December.
    "plan_item_ucj_month": {"id": "{month} (akhir proyeksi) {ucj}", "en": "{month} (the horizon's end) {ucj}"},
    # A lower-priority segment admitted names while a higher-priority one waited (report_planning._priority_para).
    "exec_plan_priority_passed": {
        "id": "Urutan prioritas berlaku bagi nama yang dibiayai pada saat yang sama: pada awal tahun, calon peserta "
              "yang menunggu dari tahun sebelumnya dibiayai lebih dahulu, lalu setiap bulan nama yang baru "
              "didaftarkan BPJS Ketenagakerjaan. Dana tidak disisihkan untuk nama segmen berprioritas lebih tinggi "
              "yang baru didaftarkan kemudian. Karena itu, {items}.",
        "en": "The priority order applies among names paid for at the same time: waiting names first at the start of "
              "the year, then each month the names BPJS Ketenagakerjaan registers. No money is kept back for a "
              "higher-priority segment's names registered later. So {items}.",
    },
    "plan_item_passed": {"id": "pada {year}, {joined} diterima, sedangkan {held} menunggu dana pada akhir tahun",
                         "en": "in {year}, {joined} were admitted while {held} waited for money at the year-end"},
    "plan_item_passed_of_total": {
        "id": "pada {year}, {joined} diterima, sedangkan pada akhir tahun {total} calon peserta menunggu dana, "
              "di antaranya {held}",
        "en": "in {year}, {joined} were admitted while at the year-end {total} names waited for money, among them "
              "{held}",
    },
    "plan_item_admitted": {"id": "{n} nama baru {segment} (prioritas {rank})",
                           "en": "{n} new names of {segment} (priority {rank})"},
    "plan_item_waiting": {"id": "{n} calon peserta {segment} (prioritas {rank})",
                          "en": "{n} names of {segment} (priority {rank})"},
    # Members in force not renewed at a year's round (report_planning._budget_lines): renewals come first, but the
    # budget may not pay for all of them.
    "exec_plan_not_renewed": {
        "id": "Perpanjangan peserta lama didahulukan, tetapi dananya tidak cukup untuk memperpanjang semuanya: "
              "{items} tidak diperpanjang.",
        "en": "Renewals come first, but the money does not pay for all of them: {items} are not renewed.",
    },
    "plan_item_not_renewed": {"id": "{cut} peserta pada {year}", "en": "{cut} members in {year}"},
    "plan_item_not_renewed_segments": {"id": "{cut} peserta pada {year} ({segments})",
                                       "en": "{cut} members in {year} ({segments})"},
    "plan_item_cut_all": {"id": "semuanya dari segmen “{segment}”", "en": "all of “{segment}”"},
    "plan_item_cut_segment": {"id": "{n} dari segmen “{segment}”", "en": "{n} of “{segment}”"},
    # Appended when some of them belong to a segment paid by DBH-CHT or CSR alone (report_planning): no APBD
    # budget renews them.
    "exec_plan_not_renewed_beyond_apbd": {
        "id": "Di antaranya peserta {segments}: iuran mereka hanya dibayar dari dana tersebut, dan APBD tidak "
              "mengambil alih, sehingga tambahan APBD tidak memperpanjang kepesertaan mereka.",
        "en": "Among them are members of {segments}: only that money pays for them and the APBD does not take them "
              "over, so more APBD would not renew them.",
    },
    "plan_item_segment_payer": {"id": "“{segment}” (pembayar {payer})", "en": "“{segment}” (payer {payer})"},
    "exec_plan_capped": {
        "id": "Yang membatasi adalah anggaran: pada tahun-tahun itu anggaran APBD habis untuk iuran, sehingga jumlah "
              "peserta tidak dapat melebihi yang iurannya dapat dibayar.",
        "en": "The budget is what holds membership back: in those years the APBD budget is spent in full on "
              "premiums, so membership cannot exceed what it pays for.",
    },
    # After exec_plan_capped, when most names waiting are the lowest-priority segment's
    # (report_planning._lowest_priority_waiting): whom a budget that runs out leaves waiting.
    "exec_plan_lowest_waiting": {
        "id": "Kekurangan anggaran itu terutama menimpa segmen dengan prioritas terakhir, {segment} (prioritas "
              "{rank}): sebagian besar calon peserta yang menunggu dana berasal dari segmen ini, yaitu {items}.",
        "en": "The budget's shortfall falls mostly on the lowest-priority segment, {segment} (priority {rank}): most "
              "of the names waiting for money are of it, {items}.",
    },
    "plan_item_lowest_waiting": {"id": "{n} dari {held} pada akhir {year}", "en": "{n} of {held} at the end of {year}"},
    # The pledge-risk paragraph (report_planning._pledge_risk): the pledge's own chance of failing, then that
    # outcome's exact combination, then what it does (cuts, waiting names, the APBD needed), joined with "; ".
    "exec_plan_pledge_counted": {"id": "Komitmen CSR dihitung sebesar nilainya dikali peluangnya.",
                                 "en": "CSR pledges are counted at their amount times their probability."},
    "pledge_fails_one": {"id": "Peluang komitmen {names} tidak dipenuhi: {p_fail}.",
                         "en": "Chance that pledge {names} is not honoured: {p_fail}."},
    "pledge_fails_several": {"id": "Peluang komitmen {names} semuanya tidak dipenuhi: {p_fail}.",
                             "en": "Chance that none of the pledges {names} is honoured: {p_fail}."},
    "pledge_if_only_one": {"id": "Bila hanya komitmen itu yang tidak dipenuhi (peluang {p}),",
                           "en": "If only that pledge fails (probability {p}),"},
    "pledge_if_only_several": {"id": "Bila hanya komitmen-komitmen itu yang tidak dipenuhi (peluang {p}),",
                               "en": "If only those pledges fail (probability {p}),"},
    "pledge_if_all": {"id": "Dalam hal itu,", "en": "Then"},
    "pledge_cut": {"id": "{items} tidak diperpanjang karena dana tidak cukup",
                   "en": "{items} are not renewed for lack of money"},
    # The comma keeps the year and the count apart ("pada 2030 377 peserta" read as one number); what is not renewed
    # is the workers' membership ("kepesertaan ... tidak diperpanjang"), not the workers.
    "pledge_cut_year": {"id": "pada {year}, kepesertaan {cut} pekerja {segments}",
                        "en": "in {year}, {cut} members ({segments})"},
    "pledge_cut_year_after": {
        "id": "pada {year}, tahun pertama setelah komitmen {pledges} berakhir, kepesertaan {cut} pekerja {segments}",
        "en": "in {year}, the first year after the pledge {pledges} ended, {cut} members ({segments})"},
    "pledge_held": {"id": "paling banyak {held} calon peserta menunggu dana pada akhir {year}",
                    "en": "at most {held} names wait for money at the end of {year}"},
    "pledge_held_all": {"id": " ({held_all} bila semua komitmen dipenuhi)",
                        "en": " ({held_all} with every pledge honoured)"},
    "pledge_need": {
        "id": "agar rencana tetap berjalan, APBD {year} yang dibutuhkan menjadi {need}, bukan {need_all} bila semua "
              "komitmen dipenuhi (tabel di bagian Anggaran dan cakupan)",
        "en": "keeping the plan would need {need} of APBD in {year} instead of {need_all} with every pledge honoured "
              "(table in the Budget and coverage section)"},
    # The failed pledges leave the APBD needed as it is (to the amount shown): said once, not "{need}, not {need}".
    "pledge_need_same": {
        "id": "APBD {year} yang dibutuhkan tetap {need}, sama dengan bila semua komitmen dipenuhi",
        "en": "the APBD needed in {year} stays {need}, the same as with every pledge honoured"},
    "pledge_need_same_other_payer": {
        "id": "APBD {year} yang dibutuhkan tidak berubah ({need}) karena APBD tidak membayar iuran segmen yang "
              "pembayarnya {payers}; {not_renewed} peserta tersebut tidak diperpanjang dan tidak dialihkan ke APBD",
        "en": "the APBD needed in {year} does not change ({need}), because the APBD does not pay for a segment whose "
              "payer is {payers}: those {not_renewed} members are not renewed rather than taken over by the APBD"},
    "exec_plan_left": {"id": "Iuran yang dibayar dari APBD dan sisa anggarannya: {items}.",
                       "en": "Premiums paid from the APBD budget, and what is left: {items}."},
    "plan_item_left": {"id": "{year} {spent} (sisa {left})", "en": "{year} {spent} ({left} left)"},
    "exec_ratio_plan": {
        "id": "Iuran tahun {period} dihitung dari peserta yang aktif pada bulan-bulan itu: {premium}. Terhadap iuran "
              "ini, rasio klaim rata-rata {ratio} (rentang 90%: {r5} sampai {r95}). Peluang klaim melebihi iuran: "
              "{prob}.",
        "en": "The {period} premium counts the members in force in those months: {premium}. Against this premium "
              "the claim ratio averages {ratio} (90% interval {r5} to {r95}). The chance that claims exceed premiums "
              "is {prob}.",
    },
    "budget_intro_plan": {
        "id": "Peserta, iuran, dan anggaran per tahun menurut proyeksi kepesertaan. Iuran setahun penuh per peserta "
              "{per_member} pada {year}. Perkiraan klaim {year} {claims} menurut perhitungan langsung (tanpa "
              "simulasi), untuk rata-rata {members} peserta.",
        "en": "Members, premiums and budget by year, as projected. A full year's premium per member is {per_member} "
              "in {year}. Expected claims in {year} are {claims} by direct calculation (without simulation), for "
              "{members} members on average.",
    },
    "budget_intro_plan_all_payers": {
        "id": "Peserta, iuran, dan anggaran per tahun menurut proyeksi kepesertaan. Iuran setahun penuh per peserta, "
              "rata-rata semua peserta dan semua pembayar: {per_member} pada {year}. Perkiraan klaim {year} {claims} "
              "menurut perhitungan langsung (tanpa simulasi), untuk rata-rata {members} peserta.",
        "en": "Members, premiums and budget by year, as projected. A full year's premium per member, averaged over all "
              "members and all payers, is {per_member} in {year}. Expected claims in {year} are {claims} by direct "
              "calculation (without simulation), for {members} members on average.",
    },
    "budget_apbd_intro": {
        "id": "Anggaran APBD per tahun. Peserta APBD adalah peserta yang iurannya dibayar APBD; iuran setahun penuh "
              "per peserta APBD {per_member} pada {year} (rata-rata menurut komposisi peserta APBD tahun itu). Kolom "
              "“Cukup untuk” dapat dibandingkan dengan kolom peserta APBD: jumlah peserta APBD yang iurannya "
              "setahun penuh dapat dibayar anggaran, dengan komposisi yang sama.",
        "en": "The APBD budget by year. APBD-paid members are those whose premiums the APBD pays; a full year's "
              "premium per APBD-paid member is {per_member} in {year} (averaged over that year's mix of APBD-paid "
              "members). The \"Pays for\" column compares with the APBD-paid members: it is how many of them the "
              "budget pays a full year for, at the same mix.",
    },
    "budget_apbd_rates": {
        "id": "Peserta tambahan dihitung dengan tarif segmennya sendiri, bukan rata-rata itu. Iuran APBD setahun "
              "penuh untuk satu peserta tambahan pada {year}: {items}.",
        "en": "An added member costs their own segment's rate, not that average. A full year of the APBD's premium "
              "for one more member in {year}: {items}.",
    },
    "budget_apbd_rate": {"id": "{rate} untuk {segment}", "en": "{rate} for {segment}"},
    # The APBD's share of co-funded pledges is in the APBD's premium but not its members (sim.report_planning
    # budget_fields): without this, the table's own rate does not give its "Pays for" nor its premium per member.
    "budget_apbd_cofunding": {
        "id": "Kolom “Iuran dari APBD” termasuk bagian APBD untuk komitmen CSR yang didampingi APBD, {cofunding} per "
              "tahun, yang pesertanya tidak dihitung dalam kolom peserta APBD; kolom “Cukup untuk” dihitung dari "
              "anggaran setelah dikurangi bagian itu.",
        "en": "The \"Premium paid by APBD\" column holds the APBD's share of co-funded CSR pledges, {cofunding} a "
              "year, whose members are not in the APBD-paid members column; the \"Pays for\" column is counted "
              "from the budget less that share.",
    },
    "budget_apbd_cofunding_years": {
        "id": "Kolom “Iuran dari APBD” termasuk bagian APBD untuk komitmen CSR yang didampingi APBD ({items}), yang "
              "pesertanya tidak dihitung dalam kolom peserta APBD; kolom “Cukup untuk” dihitung dari anggaran "
              "setelah dikurangi bagian itu.",
        "en": "The \"Premium paid by APBD\" column holds the APBD's share of co-funded CSR pledges ({items}), whose "
              "members are not in the APBD-paid members column; the \"Pays for\" column is counted from the "
              "budget less that share.",
    },
    "budget_apbd_intro_no_rate": {
        "id": "Anggaran APBD per tahun. Peserta APBD adalah peserta yang iurannya dibayar APBD.",
        "en": "The APBD budget by year. APBD-paid members are those whose premiums the APBD pays.",
    },
    "budget_apbd_intro_needed": {
        "id": "Dua kolom terakhir: APBD yang dibutuhkan {what} (iuran saja) dan apakah anggaran mencukupinya "
              "(“tidak” pada baris yang diarsir).",
        "en": "The last two columns: the APBD needed {what} (premiums only), and whether the budget covers it "
              "(\"no\" on the shaded rows).",
    },
    "budget_apbd_intro_needed_pledges": {
        "id": "Dua kolom terakhir: APBD yang dibutuhkan {what} (iuran saja), cukup dengan peluang sekurang-kurangnya "
              "{confidence}, dengan memperhitungkan kemungkinan komitmen CSR tidak dipenuhi, dan apakah anggaran "
              "mencukupinya (“tidak” pada baris yang diarsir).",
        "en": "The last two columns: the APBD needed {what} (premiums only), enough with a probability of at least "
              "{confidence}, allowing for CSR pledges that are not honoured, and whether the budget covers it "
              "(\"no\" on the shaded rows).",
    },
    "apbd_needed_for_quota_path": {"id": "untuk mencapai target akhir tahun", "en": "to reach the year-end targets"},
    "apbd_needed_for_members": {"id": "agar semua peserta dalam rencana terdaftar tanpa menunggu dana",
                                "en": "to enrol every member of the plan without anybody waiting for money"},
    "col_members_avg": {"id": "Peserta (rata-rata)", "en": "Members (average)"},
    "col_members_end": {"id": "Peserta akhir tahun", "en": "Members at year-end"},
    "col_target": {"id": "Target akhir tahun", "en": "Year-end target"},
    # Beside it when a target is set for some segments only (report_planning._targets_of_some_segments).
    "col_members_end_targeted": {"id": "Peserta akhir tahun, segmen yang bertarget",
                                 "en": "Members at year-end, segments with a target"},
    # Under the targets table where a year is "reached" a few members short (report_planning.TARGET_TOLERANCE).
    "plan_target_tolerance_note": {
        "id": "Target dianggap tercapai bila peserta akhir tahun paling banyak {share} di bawah target: proyeksi "
              "menghitung peserta sebagai angka harapan, dan peserta yang meninggal atau keluar menjelang akhir tahun "
              "bisa membuatnya sedikit di bawah target.",
        "en": "A target counts as reached when the members at the year-end are at most {share} below it: the "
              "projection counts members as expected numbers, and members who die or leave shortly before the "
              "year-end can leave it slightly below the target.",
    },
    "plan_targets_some_segments_note": {
        "id": "Target akhir tahun hanya ditetapkan untuk sebagian segmen, sehingga tercapai atau tidaknya dinilai "
              "dari peserta segmen-segmen tersebut, bukan dari seluruh peserta akhir tahun.",
        "en": "The year-end targets are set for some segments only, so whether they are reached is judged on the "
              "members of those segments, not on all members at the year-end.",
    },
    # The table of when waiting names are covered (report_planning._waiting_blocks): a name registered by BPJS is
    # not covered until its premium is paid, so the waiting column says "not yet covered" in so many words.
    "col_registered": {"id": "Didaftarkan BPJS dalam tahun itu", "en": "Registered by BPJS in the year"},
    "col_admitted": {"id": "Mulai terlindungi dalam tahun itu", "en": "Newly covered in the year"},
    "col_waiting_end": {"id": "Terdaftar, belum terlindungi (menunggu dana) akhir tahun",
                        "en": "Registered, not yet covered (waiting for money) at year-end"},
    "budget_waiting_intro": {
        "id": "Kapan calon peserta terlindungi. Nama yang sudah didaftarkan BPJS baru terlindungi (menjadi peserta "
              "JKK dan JKM) mulai bulan iurannya dibayar. Bila dana untuk iuran tidak cukup, nama itu tetap "
              "terdaftar tetapi menunggu dana: belum terlindungi, sehingga kematian atau kecelakaan kerjanya belum "
              "ditanggung. Tabel berikut memuat, per tahun, nama yang didaftarkan BPJS, nama yang mulai terlindungi "
              "(termasuk yang sebelumnya menunggu dana), nama yang masih menunggu dana pada akhir tahun, dan peserta "
              "yang terlindungi pada akhir tahun (baris yang diarsir: ada nama yang menunggu dana).",
        "en": "When registered names are covered. A name BPJS has registered is covered (a JKK and JKM member) only "
              "from the month its premium is paid. When the money for premiums is short, the name stays registered "
              "but waits for money: it is not covered, so its death or work accident is not insured. The table "
              "gives, per year, the names BPJS registered, the names newly covered (including names that had "
              "waited), the names still waiting for money at the year-end and the members covered at the year-end "
              "(shaded rows: names waiting for money).",
    },
    # Under that table, for a year the horizon holds only part of (its registered and newly covered are marked).
    "plan_waiting_partial_note": {
        "id": "{mark} Proyeksi hanya mencakup {months}, sehingga nama yang didaftarkan BPJS dan yang mulai "
              "terlindungi pada {year} adalah nama bulan-bulan tersebut saja, bukan setahun penuh.",
        "en": "{mark} The projection covers only {months}, so the names registered by BPJS and newly covered in "
              "{year} are those months' only, not a full year's.",
    },
    "budget_waiting_last": {
        "id": "Pada akhir {year} masih {held} nama terdaftar yang menunggu dana, sehingga mereka belum terlindungi "
              "sampai akhir periode proyeksi. Mereka baru terlindungi bila ada dana untuk iurannya: anggaran yang "
              "lebih besar, atau tempat yang kosong karena peserta lain keluar.",
        "en": "At the end of {year}, {held} registered names are still waiting for money, so they are not covered "
              "by the end of the projection. They are covered only once there is money for their premiums: a "
              "larger budget, or the places of members who leave.",
    },
    "budget_waiting_none_last": {
        "id": "Pada akhir {year} tidak ada lagi nama yang menunggu dana: nama yang menunggu pada tahun sebelumnya "
              "sudah diterima sebagai peserta.",
        "en": "At the end of {year} no name is waiting for money: the names that waited in earlier years have been "
              "admitted as members.",
    },
    "col_target_reached": {"id": "Target tercapai", "en": "Target reached"},
    "plan_target_beyond_horizon": {"id": "di luar periode proyeksi", "en": "beyond the horizon"},
    # Under the table of targets, for a year the horizon ends in before December (its year-end cell is marked).
    "plan_year_end_partial_note": {
        "id": "{mark} Proyeksi berakhir pada {month}, sehingga peserta akhir tahun {year} adalah peserta pada akhir "
              "{month}, bukan pada 31 Desember.",
        "en": "{mark} The projection ends in {month}, so the members at the year-end of {year} are those at the end "
              "of {month}, not on 31 December.",
    },
    # Under the APBD table and once in the summary, after the last sentence with a mark (what is left), for a year the
    # horizon ends in before December (its premiums paid and budget left are marked; its APBD needed is a whole
    # year's, not marked): sim plan's terminal says the same under its table.
    "plan_budget_partial_note": {
        "id": "{mark} Proyeksi berakhir pada {month}, sehingga iuran APBD pada {year} adalah iuran sampai {month} "
              "saja, sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi peserta tersebut lebih besar "
              "dan sisa anggarannya lebih kecil.",
        "en": "{mark} The projection ends in {month}, so the APBD's premiums in {year} are those up to {month} only, "
              "against a full year's budget: a full year of those members costs more and leaves less.",
    },
    # The same for a year the horizon starts in after January (a start moved with --set): its premiums are those of
    # its months in the horizon ({months}: "Juli–Desember 2026"; its year-end is 31 December, not marked).
    "plan_budget_partial_start_note": {
        "id": "{mark} Proyeksi dimulai pada {first}, sehingga iuran APBD pada {year} adalah iuran {months} saja, "
              "sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi peserta tersebut lebih besar dan "
              "sisa anggarannya lebih kecil.",
        "en": "{mark} The projection starts in {first}, so the APBD's premiums in {year} are those of {months} only, "
              "against a full year's budget: a full year of those members costs more and leaves less.",
    },
    # After the late start's note (or the pledge table's note) on a horizon within one year (March to August 2026):
    # its APBD needed, marked as a late start's, is not of the premiums' months but to 31 December (sim.budget).
    "plan_need_to_december": {
        "id": (" Kebutuhan APBD pada {year} mencakup {months}, karena kepesertaan mereka diperpanjang sampai "
               "31 Desember."),
        "en": " The APBD needed in {year} is that of {months}, its members being renewed to 31 December.",
    },
    # Under the table of pledge outcomes, for a year the horizon ends in before December (its members and names
    # waiting at the year-end and its APBD spent are marked; its APBD needed, a whole year's, is not): the two notes
    # above said once.
    "plan_pledges_partial_note": {
        "id": "{mark} Proyeksi berakhir pada {month}, sehingga peserta dan calon peserta yang menunggu dana pada akhir "
              "tahun {year} dihitung pada akhir {month}, bukan pada 31 Desember, dan iuran APBD pada {year} adalah "
              "iuran sampai {month} saja, sedangkan anggarannya untuk setahun penuh: iuran setahun penuh bagi peserta "
              "tersebut lebih besar dan sisa anggarannya lebih kecil.",
        "en": "{mark} The projection ends in {month}, so the members and the names waiting for money at the year-end "
              "of {year} are those at the end of {month}, not on 31 December, and the APBD's premiums in {year} are "
              "those up to {month} only, against a full year's budget: a full year of those members costs more and "
              "leaves less.",
    },
    # ... and for a horizon within one calendar year (a start after January, an end before December): both, once.
    "plan_pledges_partial_within_note": {
        "id": "{mark} Proyeksi dimulai pada {first} dan berakhir pada {month}, sehingga peserta dan calon peserta yang "
              "menunggu dana pada akhir tahun {year} dihitung pada akhir {month}, bukan pada 31 Desember, dan iuran "
              "APBD pada {year} adalah iuran {months} saja, sedangkan anggarannya untuk setahun penuh: iuran setahun "
              "penuh bagi peserta tersebut lebih besar dan sisa anggarannya lebih kecil.",
        "en": "{mark} The projection starts in {first} and ends in {month}, so the members and the names waiting for "
              "money at the year-end of {year} are those at the end of {month}, not on 31 December, and the APBD's "
              "premiums in {year} are those of {months} only, against a full year's budget: a full year of those "
              "members costs more and leaves less.",
    },
    # Under the table of premiums by payer and the summary's tiles (the first year's premium), for a year the horizon
    # holds only part of (a start after January, an end before December): its premiums, all payers', are marked.
    "plan_premium_partial_note": {
        "id": "{mark} Proyeksi hanya mencakup {months}, sehingga iuran pada {year} adalah iuran bulan-bulan tersebut "
              "saja, bukan setahun penuh.",
        "en": "{mark} The projection covers only {months}, so the premiums in {year} are those months' only, not a "
              "full year's.",
    },
    # ... and where a payer in that year has money that limits it, whose marked "left" is against a full year's.
    "plan_payers_partial_left": {
        "id": "Dana tersedia adalah dana untuk setahun penuh: iuran setahun penuh bagi peserta tersebut lebih besar "
              "dan sisa dananya lebih kecil.",
        "en": "What is left is set against a full year's money: a full year of those members costs more and leaves "
              "less.",
    },
    "col_target_premium": {"id": "Iuran setahun untuk target, dengan tarif tahun berikutnya",
                           "en": "A year's premium for the target, at next year's rates"},
    "col_target_premium_all": {"id": "Iuran setahun untuk target (semua pembayar), dengan tarif tahun berikutnya",
                               "en": "A year's premium for the target (all payers), at next year's rates"},
    # Under the table of targets: which year's rates the target's premium is at, and the last year's basis.
    "plan_target_premium_note": {
        "id": "Iuran setahun untuk target akhir tahun adalah iuran yang dibayar untuk peserta target itu pada tahun "
              "berikutnya, dengan tarif tahun itu: target akhir {year} dihitung dengan tarif {next}.",
        "en": "A year's premium for the year-end target is that of the following year, when the target members are "
              "paid for, at that year's rates: the {year} target at {next} rates.",
    },
    "plan_target_premium_note_after": {
        "id": "Tahun {year} berada di luar periode proyeksi, sehingga tidak diketahui berapa peserta yang dibayar "
              "dari setiap sumber dana (misalnya APBD atau CSR) pada tahun itu: iuran setiap segmen dihitung "
              "seluruhnya dengan tarif yang berlaku bagi pembayar segmen itu menurut aturan tahun {year}.",
        "en": "{year} is beyond the projection, so how many members each source of money (the APBD or a CSR pledge, "
              "say) pays for then is not known: each segment is priced wholly at its own payer's rate under the "
              "rules in force in {year}.",
    },
    # ... and where one payer pays every premium of the projection, the split among the sources of money is known.
    "plan_target_premium_note_after_one_payer": {
        "id": "Tahun {year} berada di luar periode proyeksi; karena seluruh iuran dalam skenario ini dibayar "
              "{payer}, iuran untuk target akhir {target} dihitung dengan tarif yang berlaku bagi {payer} menurut "
              "aturan tahun {year}.",
        "en": "{year} is beyond the projection; as the {payer} pays every premium in this scenario, the {target} "
              "target is priced at the {payer}'s rate under the rules in force in {year}.",
    },
    "col_apbd_members": {"id": "Peserta APBD (rata-rata)", "en": "APBD-paid members (average)"},
    "col_apbd_needed_quota": {"id": "APBD yang dibutuhkan untuk target", "en": "APBD needed for the targets"},
    "col_apbd_needed_members": {"id": "APBD yang dibutuhkan rencana", "en": "APBD the plan needs"},
    "col_budget_enough": {"id": "Anggaran cukup", "en": "Budget sufficient"},
    "col_budget_apbd": {"id": "Anggaran APBD", "en": "APBD budget"},
    "col_budget_spent": {"id": "Iuran dari APBD", "en": "Premium paid by APBD"},
    "col_budget_left": {"id": "Sisa anggaran", "en": "Budget left"},
    "col_affordable": {"id": "Cukup untuk (peserta APBD setahun)", "en": "Pays for (APBD-paid members, full year)"},
    "col_available": {"id": "Dana tersedia", "en": "Money available"},
    # The payers table's note with CSR pledges (report_planning.budget_section).
    "plan_payers_note_pledges": {
        "id": "Dana tersedia dari komitmen CSR adalah nilai komitmen dikali peluang dipenuhinya (nilai harapan), bukan "
              "uang yang pasti ada; apa yang terjadi bila komitmen tidak dipenuhi ada di tabel komitmen di bawah.",
        "en": "The money available from CSR pledges is each pledge's amount times its probability of being honoured "
              "(an expected value), not money in hand; what happens when a pledge is not honoured is in the pledge "
              "table below.",
    },
    # The payers table's note on payers outside the city's money (sim.funding.EXTERNAL_PAYERS), each explained.
    "plan_payers_note_outside": {
        "id": "Baris {payers} adalah iuran yang tidak dibayar dari APBD dan, dalam skenario ini, tidak dibatasi "
              "dananya, sehingga kolom “Dana tersedia” dan “Sisa” bertanda -.",
        "en": "The rows of {payers} are premiums not paid from the APBD and, in this scenario, without a limit on "
              "the money, so their “Money available” and “Left” columns show -.",
    },
    "payer_explained_SERTAKAN": {
        "id": "{payer} (program BPJS Ketenagakerjaan: peserta dan perusahaan mendaftarkan pekerja rentan di "
              "sekitarnya dan membayar iurannya)",
        "en": "{payer} (a BPJS Ketenagakerjaan programme: insured workers and firms enrol vulnerable workers around "
              "them and pay their premiums)",
    },
    "payer_explained_APBN": {"id": "{payer} (anggaran pemerintah pusat)",
                             "en": "{payer} (the central government budget)"},
    "payer_explained_SELF": {"id": "{payer} (peserta membayar iurannya sendiri)",
                             "en": "{payer} (members paying their own premiums)"},
    "plan_payers_note_cofunding": {
        "id": "Bagian kota dari komitmen yang didanai bersama termasuk dalam baris APBD.",
        "en": "The city's share of co-funded pledges is in the APBD row.",
    },
    "col_pledge_outcome": {"id": "Komitmen CSR", "en": "CSR pledges"},
    "col_probability": {"id": "Peluang", "en": "Probability"},
    "col_not_renewed": {"id": "Tidak diperpanjang", "en": "Not renewed"},
    "col_waiting": {"id": "Menunggu dana (akhir tahun)", "en": "Waiting for money (year-end)"},
    "col_apbd_needed": {"id": "APBD yang dibutuhkan", "en": "APBD needed"},
    "pledge_all_honoured": {"id": "semua dipenuhi", "en": "all honoured"},
    "pledge_none_honoured": {"id": "tidak ada yang dipenuhi", "en": "none honoured"},
    # The outcome where exactly these pledges fail, each name quoted: a label may hold a comma ("Perusahaan,
    # didampingi APBD 1:1"): unquoted, "Perusahaan, didampingi APBD 1:1 tidak dipenuhi" read as if the city's 1:1
    # match were what failed.
    # Within notebook 03's 50 characters a cell.
    "pledge_failed": {"id": "{names} tidak dipenuhi", "en": "{names} not honoured"},
    "pledge_outcomes_intro": {
        "id": "Angka-angka di atas menghitung setiap komitmen CSR sebesar nilainya dikali peluangnya. Tabel berikut menunjukkan "
              "apa yang terjadi bila sebuah komitmen tidak dipenuhi: setiap kombinasi komitmen yang dipenuhi dan yang tidak, "
              "dengan peluangnya (komitmen dipenuhi penuh atau tidak sama sekali selama masa berlakunya, tidak saling "
              "bergantung; bila komitmen yang didampingi dana kota tidak dipenuhi, bagian kota untuk komitmen itu "
              "juga tidak dibayarkan). Anggaran APBD dan DBH-CHT tetap seperti di skenario. Kolom terakhir: {apbd} "
              "yang dibutuhkan agar rencana kepesertaan tetap berjalan dalam kombinasi itu (iuran saja). Baris yang "
              "diarsir: ada peserta yang tidak diperpanjang atau calon peserta yang menunggu dana.",
        "en": "The figures above count every CSR pledge at its amount times its probability. The table below shows "
              "what happens when a pledge is not honoured: every combination of honoured and failed pledges, with "
              "its probability (a pledge is honoured in full or not at all for its whole duration, independently; a "
              "pledge the city co-funds takes the city's share with it). The APBD and DBH-CHT budgets stay as in the "
              "scenario. The last column: the {apbd} that combination needs to keep the membership plan (premiums "
              "only). Shaded rows: members not renewed or names waiting for money.",
    },
    "pledge_outcomes_intro_stress": {
        "id": "Angka-angka di atas menghitung setiap komitmen CSR sebesar nilainya dikali peluangnya. Tabel berikut menunjukkan "
              "apa yang terjadi bila komitmen tidak dipenuhi: semua dipenuhi, setiap komitmen gagal sendiri, dan tidak ada "
              "yang dipenuhi (bukan setiap kombinasi, sehingga peluangnya tidak berjumlah 100%). Anggaran APBD dan "
              "DBH-CHT tetap seperti di skenario. Kolom terakhir: {apbd} yang dibutuhkan agar rencana kepesertaan "
              "tetap berjalan (iuran saja). Baris yang diarsir: ada peserta yang tidak diperpanjang atau calon "
              "peserta yang menunggu dana.",
        "en": "The figures above count every CSR pledge at its amount times its probability. The table below shows "
              "what happens when pledges are not honoured: all honoured, each pledge failing alone, none honoured "
              "(not every combination, so the probabilities do not add up to 100%). The APBD and DBH-CHT budgets "
              "stay as in the scenario. The last column: the {apbd} needed to keep the membership plan (premiums "
              "only). Shaded rows: members not renewed or names waiting for money.",
    },
    # Under the table: the pledges with no year in the horizon (one moved or shortened with --set), which its
    # outcomes leave out (sim.pledge_outcomes, outside_horizon); {names} joins pledge_left_out_item.
    "pledge_left_out": {
        "id": "Komitmen {names} seluruhnya berada di luar periode proyeksi ({first} sampai {last}), sehingga tidak "
              "dimasukkan dalam tabel ini: dipenuhi atau tidaknya komitmen itu tidak berpengaruh pada angka-angka di "
              "sini.",
        "en": "The pledge {names} lies wholly outside the horizon ({first} to {last}), so the table leaves it out: "
              "whether it is honoured changes nothing here.",
    },
    "pledge_left_out_several": {
        "id": "Komitmen {names} seluruhnya berada di luar periode proyeksi ({first} sampai {last}), sehingga tidak "
              "dimasukkan dalam tabel ini: dipenuhi atau tidaknya komitmen-komitmen itu tidak berpengaruh pada "
              "angka-angka di sini.",
        "en": "The pledges {names} lie wholly outside the horizon ({first} to {last}), so the table leaves them "
              "out: whether they are honoured changes nothing here.",
    },
    "pledge_left_out_item": {"id": "“{name}” ({first}–{last})", "en": "“{name}” ({first}–{last})"},
    "pledge_expected": {
        "id": "Bila dirata-ratakan atas kombinasi-kombinasi ini dengan bobot peluangnya, iuran yang dibayar dari "
              "APBD (dalam batas anggaran APBD) menjadi {items}.",
        "en": "Averaged over these combinations by their probabilities, the APBD premiums paid (within the APBD "
              "budget) come to {items}.",
    },
    "pledge_expected_item": {"id": "{year} {expected} (tabel anggaran APBD: {plan})",
                             "en": "{year} {expected} (APBD table: {plan})"},
    "pledge_expected_more": {
        "id": "Pada {years} rata-rata ini lebih tinggi daripada tabel anggaran APBD di atas, yang menghitung setiap "
              "komitmen sebesar nilainya dikali peluangnya: bila sebuah komitmen tidak dipenuhi, pesertanya dibiayai APBD, "
              "sedangkan kelebihan dana komitmen yang dipenuhi di atas iuran pesertanya tidak mengurangi APBD lebih "
              "jauh.",
        "en": "In {years} this average is higher than the APBD table above, which counts each pledge at "
              "its amount times its probability: when a pledge fails its members fall to the APBD, while a kept "
              "pledge's money beyond its members' premiums does not lower the APBD further.",
    },
    "pledge_expected_needed": {
        "id": "APBD yang dibutuhkan agar rencana kepesertaan tetap berjalan (kolom terakhir), dirata-ratakan dengan "
              "cara yang sama: {items}. Iuran yang dibayar tidak dapat melebihi anggaran APBD; pada tahun ketika "
              "kebutuhan itu lebih besar, rencana tidak terpenuhi. Rata-rata ini adalah perkiraan biaya APBD rencana "
              "ini. Anggaran yang tetap cukup bila komitmen tidak dipenuhi, dengan peluang sekurang-kurangnya "
              "{confidence}, adalah APBD yang dibutuhkan pada tabel anggaran APBD di atas: itulah acuan untuk "
              "menganggarkan rencana ini.",
        "en": "The APBD needed to keep the membership plan (last column), averaged the same way: {items}. The APBD "
              "premiums paid cannot exceed the APBD budget; in a year when the need is larger, the plan is not "
              "kept. This average is the plan's expected APBD cost. The budget that still suffices when pledges are "
              "not honoured, with a probability of at least {confidence}, is the APBD needed in the APBD table "
              "above: that is the figure to budget the plan with.",
    },
    "pledge_expected_need_item": {"id": "{year} {need}", "en": "{year} {need}"},
    "col_left": {"id": "Sisa", "en": "Left"},
    "caption_plan_members": {"id": "Peserta aktif per bulan menurut proyeksi.",
                             "en": "Members in force month by month, as projected."},
    "caption_plan_affordable": {
        "id": " Garis hijau putus-putus: jumlah peserta APBD (peserta yang iurannya dibayar APBD) yang iurannya "
              "setahun penuh dapat dibayar anggaran APBD tahun itu.",
        "en": " Dashed green line: the APBD-paid members whose full year of premiums that year's APBD budget pays "
              "for.",
    },
    "caption_plan_apbd_members": {
        "id": " Garis tipis: peserta APBD aktif per bulan, untuk dibandingkan dengan garis hijau (yang berlaku untuk "
              "rata-rata setahun, sehingga pada bulan tertentu garis tipis dapat berada sedikit di atasnya).",
        "en": " Thin line: APBD-paid members in force month by month, to compare with the green line (which holds for "
              "the year's average, so in some months the thin line may lie a little above it).",
    },
    "caption_plan_targets": {"id": " Belah ketupat: target akhir tahun.", "en": " Diamonds: year-end targets."},
    "caption_plan_premium": {"id": "Iuran per tahun menurut pembayar (APBD = anggaran daerah).",
                             "en": "Premiums by year and payer (APBD = the local government budget)."},
    # Under the coverage and payer charts when a year is only partly in the horizon (its axis label gives the months).
    "caption_plan_part_years": {
        "id": " Bulan dalam kurung di bawah tahun: proyeksi hanya mencakup bulan-bulan itu ({months}).",
        "en": " Months in brackets under a year: the projection covers only those months of it ({months}).",
    },
    "caption_plan_part_years_premium": {
        "id": " Bulan dalam kurung di bawah tahun: proyeksi hanya mencakup bulan-bulan itu ({months}), sehingga iuran "
              "tahun itu adalah iuran bulan-bulan tersebut saja, bukan setahun penuh.",
        "en": " Months in brackets under a year: the projection covers only those months of it ({months}), so its "
              "premiums are those months' only, not a full year's.",
    },
    "caption_plan_budget": {"id": " Garis hijau: anggaran APBD tahun itu.",
                            "en": " Green line: that year's APBD budget."},
    "caption_plan_target_premium": {
        "id": " Belah ketupat: iuran setahun penuh untuk target akhir tahun, dengan tarif tahun berikutnya; iuran ini "
              "dibayar pada tahun berikutnya, bukan pada tahun target.",
        "en": " Diamonds: a full year of premiums for the year-end target, at the next year's rates; it is paid in "
              "the next year, not in the target's year.",
    },
    "caption_plan_apbd_needed": {
        "id": " Lingkaran putih: APBD yang dibutuhkan tahun itu (iuran saja), angka yang dianggarkan, yang "
              "dibandingkan dengan garis hijau.",
        "en": " White circles: the APBD needed in the year (premiums only), the figure to budget, to compare with "
              "the green line.",
    },
    "budget_enrolment_plan": {
        "id": "Catatan: jumlah peserta setiap bulan mengikuti proyeksi kepesertaan skenario (pendaftaran, peserta "
              "keluar, batas anggaran).",
        "en": "Note: the members of every month follow the scenario's membership projection (enrolment, members "
              "leaving, the budget limit).",
    },
    # {months}: budget_year.months, the first 12 months or a shorter horizon's (sim.coverage.twelve_months).
    "caption_coverage_base": {
        "id": "Iuran setahun dan perkiraan klaim {months} bulan menurut jumlah peserta (komposisi segmen dan lama "
              "kepesertaan yang sama).",
        "en": "A year's premium and expected claims over {months} months by number of members (the same mix of "
              "segments and tenure).",
    },
    "caption_coverage_budget": {"id": " Garis hijau putus-putus: anggaran.", "en": " Dashed green line: the budget."},
    "caption_coverage_target": {"id": " Garis abu-abu putus-putus: target peserta.",
                                "en": " Dashed grey line: the target membership."},
    "budget_intro_tenure": {
        "id": "Iuran setahun per peserta {per_member} (komposisi segmen saat ini). Untuk {members} peserta, "
              "perkiraan klaim {months} bulan pertama {claims} menurut perhitungan langsung (tanpa simulasi), yang "
              "dapat sedikit berbeda dari rata-rata simulasi di Ringkasan. Bila "
              "komposisi segmen dan lama kepesertaan tetap sama, iuran dan klaim sama-sama sebanding dengan jumlah "
              "peserta, sehingga grafik di bawah berlaku untuk berapa pun jumlah peserta dengan komposisi itu. "
              "Peserta baru berbeda: beasiswa anak atas kematian bukan akibat kecelakaan kerja (JKM) baru dibayar "
              "setelah {scholarship} bulan kepesertaan, dan peserta BPU yang meninggal bukan akibat kecelakaan kerja "
              "(JKM) dalam {early} bulan pertama hanya mendapat {early_benefit}.",
        "en": "A year's premium per member is {per_member} (today's mix of segments). For the {members} members, "
              "expected claims in the first {months} months are {claims} by direct calculation (without simulation), "
              "which may differ slightly from the simulation mean in the Summary. With "
              "the same mix of segments and tenure, premiums and claims are both proportional to the number of "
              "members, so the chart holds for any membership with that mix. New members differ: children's "
              "scholarships after a non-work death (JKM) are paid only after {scholarship} months of membership, "
              "and a BPU member's death other than by a work accident (JKM) in the first {early} months pays only "
              "{early_benefit}.",
    },
    "chart_money_axis_m": {"id": "Rp juta", "en": "Rp m"},
    "chart_members_month": {"id": "peserta aktif dalam bulan itu", "en": "members in force during the month"},
    "chart_affordable_line": {"id": "peserta APBD yang dapat dibiayai anggaran APBD",
                              "en": "APBD-paid members the APBD budget pays for"},
    "chart_apbd_members_month": {"id": "peserta APBD aktif dalam bulan itu",
                                 "en": "APBD-paid members in force during the month"},
    "chart_target_marker": {"id": "target akhir tahun", "en": "year-end target"},
    "chart_plan_members_title": {"id": "Peserta per bulan", "en": "Members by month"},
    "chart_plan_premium_title": {"id": "Iuran per tahun menurut pembayar", "en": "Premiums by year and payer"},
    "chart_budget_apbd": {"id": "anggaran APBD", "en": "APBD budget"},
    "chart_apbd_needed": {"id": "APBD yang dibutuhkan tahun itu (iuran saja)",
                          "en": "APBD needed in the year (premiums only)"},
    # Where DBH-CHT pays premiums (the need leaves it out, as the table says): no wider than the diamonds' label
    # below, so the legend does not grow; the caption keeps "tahun itu".
    "chart_apbd_needed_excl_dbh": {"id": "APBD (di luar DBH-CHT) yang dibutuhkan (iuran saja)",
                                   "en": "APBD (excluding DBH-CHT) needed, premiums only"},
    # The diamond stands at the target's year, beside that year's budget: say it is paid the year after.
    "chart_target_premium": {"id": "iuran setahun untuk target, dibayar tahun berikutnya",
                             "en": "a year's premium for the target, paid the next year"},
    "method_population_plan": {
        "id": "Peserta. Setiap segmen (kelompok peserta dengan skema, upah, dan pembayar yang sama) dibagi menurut "
              "jenis kelamin, usia tunggal, dan lama kepesertaan. "
              "Skema PU adalah kepesertaan penerima upah, BPU bukan penerima upah (pekerja mandiri dan informal); "
              "APBD adalah anggaran pendapatan dan belanja daerah. Peserta baru masuk bulan demi bulan melalui "
              "proyeksi kepesertaan skenario (kuota, alur pendaftaran, anggaran), dan peserta keluar karena {exits}; "
              "jumlahnya dihitung sebagai nilai harapan. Usia peserta bertambah setiap 12 bulan.",
        "en": "Members. Each segment (members with the same scheme, wage and payer) is split by sex, single year of "
              "age and length of membership. "
              "The PU scheme is for wage earners (penerima upah), BPU for non-wage earners (bukan penerima upah: "
              "self-employed and informal workers); the APBD is the city's budget (anggaran pendapatan dan belanja "
              "daerah). New members join month by month through the scenario's membership "
              "projection (quotas, the enrolment pipeline, the budget), and members leave through {exits}; the "
              "numbers are expected values. Members age every 12 months.",
    },
    # The ways out that method_population_plan lists ({exits}, joined with "or"): only those the scenario has
    # (sim.report_planning.exits_named), by sim.membership.EXIT_CAUSES.
    "method_exit_death": {"id": "meninggal", "en": "death"},
    "method_exit_moving_away": {"id": "pindah", "en": "moving away"},
    "method_exit_dtks_removal": {
        "id": "dikeluarkan dari DTKS/DTSEN (basis data kesejahteraan sosial; sejak Inpres 4/2025 DTKS digabung ke "
              "dalam DTSEN)",
        "en": "removal from the DTKS/DTSEN (the welfare register; under Inpres 4/2025 the DTKS was merged into the "
              "DTSEN)",
    },
    "method_exit_age_limit": {"id": "melewati batas usia", "en": "the age limit"},
    "method_exit_budget": {"id": "tidak diperpanjang karena anggaran", "en": "a budget that does not renew them"},
    "method_limits_plan": {
        "id": "Batasan. Proyeksi kepesertaan dihitung sekali (nilai harapan, atau satu sampel bila alur pendaftaran "
              "diundi) dan dipakai sama oleh setiap simulasi; kematian diundi (Poisson) dari jumlah harapan peserta "
              "yang hidup, tidak dikurangkan saat terjadi: rata-rata kematian setahun tepat, variansnya 1–3% di atas "
              "binomial; klaim atas kematian dan kecelakaan sebelum awal proyeksi tidak dihitung, sehingga beasiswa "
              "yang masih dibayar atas kematian sebelumnya tidak termasuk klaim tahun-tahun pertama; usia peserta pada "
              "awal proyeksi mengikuti profil usia segmennya, tahun awal berapa pun; kematian akibat kecelakaan kerja "
              "(JKK) ditambahkan pada kematian menurut tabel mortalitas, yang sudah mencakup semua penyebab, sehingga "
              "kematian sedikit berlebih (0,6–1,5% dari semua kematian dalam skenario bawaan; kalibrasi menyerapnya); "
              "asumsi yang ditandai kuning belum diuji terhadap data daerah ini.",
        "en": "Limits. The membership projection is worked out once (expected values, or one sample when the enrolment "
              "pipeline is sampled) and shared by every trial; deaths are drawn (Poisson) on the expected survivors, "
              "not taken out as they occur: a year's deaths have the exact mean, a variance 1-3% above a binomial's; "
              "claims of deaths and accidents before the start are not included, so scholarships still being paid for "
              "earlier deaths are missing from the first years' claims; the members' ages at the start follow their "
              "segment's age profile, whatever the start year; work-accident (JKK) deaths are added to the deaths of "
              "the mortality table, which already counts every cause, so deaths are slightly too many (JKK deaths are "
              "0.6-1.5% of all deaths in the shipped scenarios; a calibration absorbs it); the assumptions marked "
              "yellow have not been tested against this area's data.",
    },
    "cli_headline_plan": {
        "id": "{title} ({id}), {trials} simulasi: iuran {period} {premium} untuk rata-rata {members} peserta, {end} "
              "peserta pada akhir {last}; klaim {period} rata-rata {claims}",
        "en": "{title} ({id}), {trials} trials: {period} premium {premium} for {members} members on average, {end} "
              "members at the end of {last}; {period} claims {claims} on average",
    },
    # Appended to cli_headline_plan with a [funding] table: the first year's APBD needed, the plan's first answer
    # (sim plan's "APBD needed" line), at the confidence over which CSR pledges are honoured, or certain without one.
    "cli_headline_plan_apbd": {
        "id": "; APBD yang dibutuhkan pada {year} {need} (cukup dengan peluang sekurang-kurangnya {confidence}, "
              "memperhitungkan kemungkinan komitmen CSR tidak dipenuhi)",
        "en": "; APBD needed in {year} {need} (enough with a probability of at least {confidence}, allowing for CSR "
              "pledges that are not honoured)",
    },
    "cli_headline_plan_apbd_certain": {
        "id": "; APBD yang dibutuhkan pada {year} {need} (tanpa komitmen CSR: angka ini pasti)",
        "en": "; APBD needed in {year} {need} (no CSR pledges: certain)",
    },
    # --- the plan's detail tables in a projected scenario's report folder (report_sections.plan_file_blocks) ---
    "plan_files_intro": {
        "id": "Rincian proyeksi per tahun, per bulan, dan per segmen tersedia di folder laporan ini (folder yang sama "
              "dengan report.html dan report.pdf) sebagai tabel CSV yang dapat dibuka dengan Excel:",
        "en": "The projection's detail by year, month and segment is in this report's folder (beside report.html "
              "and report.pdf) as CSV tables that open in a spreadsheet such as Excel:",
    },
    "col_contents": {"id": "Isi", "en": "Contents"},
    "plan_file_plan_years": {
        "id": "Per tahun: jumlah peserta (rata-rata dan akhir tahun), iuran menurut pembayar, dana kota (APBD dan "
              "DBH-CHT), klaim yang terjadi dan yang dibayar, peserta masuk dan keluar",
        "en": "By year: members (average and year-end), premiums by payer, city money (APBD and DBH-CHT), claims "
              "incurred and paid, members joining and leaving",
    },
    "plan_file_plan_segments": {
        "id": "Per tahun dan segmen: pembayar, jumlah peserta, iuran, target akhir tahun, peserta masuk dan keluar, "
              "calon peserta yang menunggu dana",
        "en": "By year and segment: payer, members, premiums, year-end target, members joining and leaving, names "
              "waiting for money",
    },
    "plan_file_plan_funding": {
        "id": "Per tahun dan sumber dana: dana yang tersedia, yang terpakai untuk iuran, dan sisanya",
        "en": "By year and payer: money available, spent on premiums, and left",
    },
    "plan_file_plan_enrolment": {
        "id": "Per bulan dan segmen: nama yang diusulkan, yang ditolak di setiap tahap verifikasi, yang "
              "didaftarkan BPJS, dan yang diterima sebagai peserta; calon peserta yang menunggu dana; peserta aktif "
              "dan yang keluar",
        "en": "By month and segment: names proposed, rejected at each verification stage, registered by BPJS and "
              "admitted as members; names waiting for money; members in force and leaving",
    },
    "plan_file_plan_enrolment_no_pipeline": {
        "id": "Per bulan dan segmen: peserta yang didaftarkan dan diterima, calon peserta yang menunggu dana, peserta "
              "aktif dan yang keluar",
        "en": "By month and segment: members registered and admitted, names waiting for money, members in force and "
              "leaving",
    },
    "plan_file_plan_pledge_outcomes": {
        "id": "Per kemungkinan komitmen CSR dipenuhi atau tidak, dan per tahun: peluangnya, peserta akhir tahun, "
              "peserta yang tidak diperpanjang, calon peserta yang menunggu dana, APBD yang terpakai dan yang "
              "dibutuhkan",
        "en": "By pledge outcome (which CSR pledges are honoured) and year: its probability, year-end members, "
              "members not renewed, names waiting for money, APBD spent and needed",
    },
}

# Units as scenario and rule files write them (English), in Indonesian; a unit not listed is shown as written.
# Enumerated text values of a scenario (sim.scenario_schema / sim.planning_schema ``choice`` fields), by field, in
# Indonesian; the English report shows them as the scenario writes them, and so do the CSV files and the resolved
# scenario. Payers are Indonesian acronyms (APBD, CSR, ...), the scheme PU or BPU, the mortality table a name:
# only the self-paying payer needs a word.
VALUE_WORDS = {
    "mode": {"expected": "nilai harapan", "sampled": "satu sampel acak"},
    "csr_draw": {"expected": "nilai harapan", "sampled": "satu sampel acak"},
    "payer": {"SELF": "mandiri"},
    "occupation": {
        "non-asn": "non-ASN", "transport": "transportasi", "construction": "konstruksi", "trade": "perdagangan",
        "agriculture": "pertanian", "fisheries": "perikanan", "manufacturing": "industri pengolahan",
        "community": "kemasyarakatan", "religious": "keagamaan", "mixed-informal": "informal campuran",
        "other": "lainnya",
    },
}

UNITS = {
    "persons": "orang",
    "share": "proporsi",
    "ratio": "rasio",
    "class": "kelas",
    "months": "bulan",
    "years": "tahun",
    "children": "anak",
    "IDR": "Rp",
    "IDR per month": "Rp per bulan",
    "IDR per year": "Rp per tahun",
    "IDR per case": "Rp per kasus",
    "IDR (24 x Rp500,000 paid at once)": "Rp (24 × Rp500.000, dibayar sekaligus)",
    "IDR per child per school year: kindergarten+primary, junior high, senior high, university":
        "Rp per anak per tahun ajaran: TK+SD, SMP, SMA, perguruan tinggi",
    "school years at most: kindergarten+primary, junior high, senior high, university":
        "tahun ajaran paling lama: TK+SD, SMP, SMA, perguruan tinggi",
    "per 1000 member-years": "per 1.000 peserta-tahun",
    "share of JKK cases": "proporsi kasus JKK",
    "x mortality table": "× tabel mortalitas",
    "multipliers of expected deaths and accidents": "pengali jumlah kematian dan kecelakaan yang diharapkan",
    "names per month": "nama per bulan",
    "share per year": "proporsi per tahun",
    "per year": "per tahun",
    "share of UCJ gap": "proporsi kekurangan UCJ",
    "claims per month": "klaim per bulan",
    "months of membership": "bulan kepesertaan",
    "months of wage": "bulan upah",
    "months of wage, times the table percentage": "bulan upah, dikalikan persentase tabel",
    "months paid at the full rate": "bulan dibayar penuh",
    "payer codes": "kode pembayar",
    "share of BPU premium waived": "proporsi potongan iuran BPU",
    "share of BPU premium waived, transport occupations": "proporsi potongan iuran BPU, pekerja transportasi",
    "share of income band per month": "proporsi kelompok penghasilan per bulan",
    "share of monthly wage": "proporsi upah bulanan",
    "share of monthly wage, risk classes I-V": "proporsi upah bulanan, kelas risiko I–V",
    "years of age (paid while the child is under it)": "tahun (dibayar selama anak belum mencapai usia ini)",
    "member's age from, shares of 0/1/2+ children, child's age range":
        "usia peserta mulai, proporsi 0/1/2+ anak, rentang usia anak",
}

# Names of the rules of sim/data/regulation.toml (the whole dotted key) for the register's rules and their changes,
# shown with the key on a second line as the parameters are; a rule not listed shows its key alone (a test keeps
# every encoded rule named in both languages).
RULE_NAMES = {
    "premium.bpu_jkk_rate": {"id": "Tarif iuran JKK peserta BPU", "en": "BPU JKK premium rate"},
    "premium.bpu_jkm_flat": {"id": "Iuran JKM peserta BPU (tetap)", "en": "BPU JKM premium (flat)"},
    "premium.bpu_lowest_income_band": {"id": "Kelompok penghasilan BPU terendah", "en": "Lowest BPU income band"},
    "premium.bpu_top_income_band": {"id": "Kelompok penghasilan BPU tertinggi", "en": "Top BPU income band"},
    "premium.pu_jkk_rate_by_class": {"id": "Tarif iuran JKK peserta PU per kelas risiko",
                                     "en": "PU JKK premium rate by risk class"},
    "premium.pu_jkm_rate": {"id": "Tarif iuran JKM peserta PU", "en": "PU JKM premium rate"},
    "premium.bpu_discount": {"id": "Potongan iuran BPU (PP 50/2025)", "en": "BPU premium discount (PP 50/2025)"},
    "premium.bpu_discount_transport": {"id": "Potongan iuran BPU pekerja transportasi (PP 50/2025)",
                                       "en": "BPU premium discount for transport workers (PP 50/2025)"},
    "premium.bpu_discount_excluded_payers": {"id": "Pembayar iuran yang tidak mendapat potongan BPU",
                                             "en": "Payers excluded from the BPU discount"},
    "jkm.lump_sum": {"id": "Santunan sekaligus JKM", "en": "JKM lump sum"},
    "jkm.periodic": {"id": "Santunan berkala JKM (dibayar sekaligus)", "en": "JKM periodic benefit (paid at once)"},
    "jkm.funeral": {"id": "Biaya pemakaman JKM", "en": "JKM funeral cost"},
    "jkm.bpu_early_death_benefit": {"id": "Santunan JKM peserta BPU pada masa awal kepesertaan",
                                    "en": "JKM benefit of a BPU member in the first months"},
    "jkm.bpu_early_death_months": {"id": "Masa awal kepesertaan BPU (santunan JKM terbatas)",
                                   "en": "First months of BPU membership (reduced JKM benefit)"},
    "jkm.scholarship_min_membership": {"id": "Masa kepesertaan minimum untuk beasiswa (JKM)",
                                       "en": "Minimum membership for the scholarship (JKM)"},
    "jkk.temporary_full_months": {"id": "Lama santunan sementara tidak mampu bekerja (STMB) dibayar penuh",
                                  "en": "Months of temporary-incapacity pay (STMB) at the full rate"},
    "jkk.temporary_full_share": {"id": "STMB: bagian upah selama dibayar penuh",
                                 "en": "STMB: share of the wage at the full rate"},
    "jkk.temporary_after_share": {"id": "STMB: bagian upah sesudahnya", "en": "STMB: share of the wage afterwards"},
    "jkk.partial_disability_multiplier": {"id": "Pengali santunan cacat sebagian JKK",
                                          "en": "JKK partial-disability multiplier"},
    "jkk.total_disability_multiplier": {"id": "Pengali santunan cacat total tetap JKK",
                                        "en": "JKK total-disability multiplier"},
    "jkk.total_disability_periodic": {"id": "Santunan berkala cacat total tetap JKK",
                                      "en": "JKK total-disability periodic benefit"},
    "jkk.death_multiplier": {"id": "Pengali santunan kematian JKK", "en": "JKK death-benefit multiplier"},
    "jkk.death_floor": {"id": "Santunan kematian JKK paling sedikit", "en": "JKK death benefit at least"},
    "jkk.funeral": {"id": "Biaya pemakaman JKK", "en": "JKK funeral cost"},
    "jkk.periodic": {"id": "Santunan berkala kematian JKK", "en": "JKK periodic death benefit"},
    "scholarship.max_children": {"id": "Jumlah anak penerima beasiswa paling banyak",
                                 "en": "Most children paid a scholarship"},
    "scholarship.amount_by_level": {"id": "Beasiswa per anak per tahun menurut jenjang",
                                    "en": "Scholarship per child per year by school level"},
    "scholarship.years_by_level": {"id": "Lama beasiswa menurut jenjang", "en": "Scholarship years by school level"},
    "scholarship.end_age": {"id": "Usia saat beasiswa berakhir", "en": "Age at which the scholarship ends"},
}

# Names of scenario parameters (the last part of a dotted key) for the sensitivity table, the tornado chart, the
# assumption register and the differences from a base scenario; a parameter not listed shows its key's last part
# humanised (the register and the differences: its key alone).
# The offices of the enrolment pipeline's stages (sim.planning_schema.STAGES) when the scenario gives a stage no
# ``label``: generic names, since each city names its own labour office differently (Kota Jambi's Disnakerkop-UMKM,
# Kota Pekalongan's Dinperinaker, Kota Madiun's Disnakerkukm); a scenario's label names the city's own.
STAGE_NAMES = {
    "kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "disnaker": {"id": "Dinas ketenagakerjaan", "en": "Labour office"},
    "bpjs": {"id": "BPJS Ketenagakerjaan", "en": "BPJS Ketenagakerjaan"},
}

# A named entry's own name (``segments.batik.label``) is the entry its row would name after a dash, "Nama – Buruh
# batik (BPU)" beside "Buruh batik (BPU)": its row names what the label names instead, its key saying which one.
ENTRY_LABELS = {"segments": {"id": "Nama segmen", "en": "Segment name"},
                "pipeline": {"id": "Nama tahap pendaftaran", "en": "Enrolment stage name"},
                "funding.csr": {"id": "Nama komitmen CSR", "en": "CSR pledge name"}}

PARAMETERS = {
    "members": {"id": "Jumlah peserta", "en": "Members"},
    "wage": {"id": "Upah per bulan", "en": "Monthly wage"},
    "risk_class": {"id": "Kelas risiko", "en": "Risk class"},
    "male_share": {"id": "Proporsi laki-laki", "en": "Share of men"},
    "accident_rate": {"id": "Frekuensi kecelakaan kerja", "en": "Work-accident rate"},
    "mortality_load": {"id": "Pengali tabel mortalitas", "en": "Mortality load"},
    "age_shift": {"id": "Pergeseran profil usia (tahun)", "en": "Age profile (shifted, years)"},
    # A calibrated scenario's fitted multipliers (calibration.posterior.*): one tornado bar each.
    "mortality_scale": {"id": "Pengali kematian hasil kalibrasi (semua segmen yang dikalibrasi)",
                        "en": "Fitted death multiplier (all calibrated segments)"},
    "accident_scale": {"id": "Pengali kecelakaan kerja hasil kalibrasi (semua segmen yang dikalibrasi)",
                       "en": "Fitted work-accident multiplier (all calibrated segments)"},
    "share_medical_only": {"id": "Proporsi kasus JKK hanya perawatan", "en": "Share of JKK cases: care only"},
    "share_temporary": {"id": "Proporsi kasus JKK sementara tidak mampu bekerja (STMB)",
                        "en": "Share of JKK cases: temporary incapacity"},
    "share_partial": {"id": "Proporsi kasus JKK cacat sebagian", "en": "Share of JKK cases: partial disability"},
    "share_total": {"id": "Proporsi kasus JKK cacat total tetap", "en": "Share of JKK cases: total disability"},
    "share_death": {"id": "Proporsi kasus JKK yang berakibat kematian", "en": "Share of JKK cases: death"},
    "medical_cost_mean": {"id": "Rata-rata biaya perawatan medis", "en": "Mean medical cost"},
    "medical_cost_cv": {"id": "Koefisien variasi biaya perawatan medis",
                        "en": "Coefficient of variation of medical costs"},
    "medical_cost_trend": {"id": "Kenaikan biaya perawatan medis per tahun", "en": "Medical cost rise per year"},
    # Not a severity field (assumptions.wage_growth), but the other rise per calendar year, so beside the care's.
    "wage_growth": {"id": "Kenaikan upah peserta PU per tahun", "en": "PU wage rise per year"},
    "incapacity_months_mean": {"id": "Rata-rata lama tidak mampu bekerja (bulan)", "en": "Mean months of incapacity"},
    # A unit in the name, as the months of incapacity: the sensitivity table has no unit column ("5 | 4 | 7").
    "age_max": {"id": "Usia tertinggi anak saat klaim (tahun)", "en": "Children's highest age at the claim (years)"},
    "school_start_age": {"id": "Usia mulai sekolah (tahun)", "en": "School start age (years)"},
    "annual_budget": {"id": "Anggaran per tahun", "en": "Annual budget"},
    "target_members": {"id": "Target peserta", "en": "Target members"},
    # Planning (sim.planning_schema): quotas, exits, the enrolment pipeline, funding, UCJ, claim timing.
    "targets": {"id": "Target peserta per tahun", "en": "Member targets per year"},
    "growth_rate": {"id": "Pertumbuhan kuota per tahun", "en": "Quota growth per year"},
    "growth_cap": {"id": "Batas atas kuota", "en": "Quota ceiling"},
    "ucj_allocation": {"id": "Bagian dari kekurangan UCJ", "en": "Share of the UCJ gap"},
    "moving_away_rate": {"id": "Proporsi pindah domisili per tahun", "en": "Share moving away per year"},
    "dtks_removal_rate": {"id": "Proporsi keluar dari DTKS/DTSEN per tahun",
                          "en": "Share removed from DTKS/DTSEN per year"},
    "age_limit": {"id": "Batas usia kepesertaan", "en": "Age limit of membership"},
    # Who proposes the names differs by city (RT heads in Kota Jambi, the lurah's data collection in Kota Pekalongan).
    "proposal_months": {"id": "Lama pengusulan nama di RT/kelurahan (bulan)",
                        "en": "Months over which names are proposed (RT/kelurahan)"},
    "capacity": {"id": "Kapasitas tahap (nama per bulan)", "en": "Stage capacity (names per month)"},
    "duration": {"id": "Lama proses tahap (bulan)", "en": "Stage duration (months)"},
    "rejection_rate": {"id": "Proporsi nama ditolak", "en": "Share of names rejected"},
    "apbd_budget": {"id": "Anggaran APBD per tahun", "en": "APBD budget per year"},
    "dbh_cht_budget": {"id": "Anggaran DBH-CHT per tahun", "en": "DBH-CHT budget per year"},
    "amount": {"id": "Komitmen CSR per tahun", "en": "CSR pledge per year"},
    "probability": {"id": "Peluang komitmen CSR dipenuhi", "en": "Probability the CSR pledge is honoured"},
    "years": {"id": "Lama komitmen CSR (tahun)", "en": "CSR pledge length (years)"},
    "city_match": {"id": "Proporsi pendamping APBD", "en": "City (APBD) match share"},
    "employed_persons": {"id": "Jumlah penduduk bekerja", "en": "Employed persons"},
    "covered_persons": {"id": "Pekerja yang sudah terlindungi", "en": "Workers already covered"},
    "target_share": {"id": "Target cakupan UCJ", "en": "UCJ coverage target"},
    "verification_capacity": {"id": "Kapasitas verifikasi klaim (klaim per bulan)",
                              "en": "Claim verification capacity (claims per month)"},
    "verification_months": {"id": "Lama verifikasi klaim (bulan)", "en": "Claim verification time (months)"},
    "payment_months": {"id": "Lama pembayaran setelah disetujui (bulan)", "en": "Months from approval to payment"},
    # Parameters without a range (the register names them too).
    "tenure": {"id": "Lama kepesertaan di awal (bulan, proporsi)", "en": "Tenure at the start (months, share)"},
    "partial_degrees": {"id": "Tingkat cacat sebagian (persentase tabel, peluang)",
                        "en": "Partial-disability degrees (table share, probability)"},
    "count_shares": {"id": "Peluang jumlah anak (tidak ada, satu, dua atau lebih)",
                     "en": "Probability of no, one, two or more children"},
    # The children table: its rows are described by its unit, its range is of one factor on it (the tornado's bar
    # and the register's range; sim.scenario_schema.scaled_child_bands).
    "by_member_age": {"id": "Anak menurut usia peserta (rentang: pengali proporsi peserta yang memiliki anak di bawah "
                            "23 tahun)",
                      "en": "Children by the member's age (range: a factor on the share of members with a child "
                            "under 23)"},
    "reach_shares": {"id": "Peluang anak mencapai jenjang sekolah (TK+SD, SMP, SMA, perguruan tinggi)",
                     "en": "Probability a child reaches each school level (primary, junior high, senior high, "
                           "university)"},
    "reporting_delay": {"id": "Keterlambatan pelaporan klaim (bulan setelah kejadian, proporsi)",
                        "en": "Claim reporting delay (months after the event, share)"},
    "intensity_draws": {"id": "Sampel pengali dari distribusi posterior (kematian, kecelakaan)",
                        "en": "Posterior draws of the multipliers (deaths, accidents)"},
    # Fields that are not parameters with a value and a unit (the differences from a base scenario name them).
    "id": {"id": "Kode skenario", "en": "Scenario id"},
    "title": {"id": "Judul skenario", "en": "Scenario title"},
    "region": {"id": "Wilayah", "en": "Region"},
    "description": {"id": "Uraian skenario", "en": "Scenario description"},
    "base": {"id": "Skenario dasar", "en": "Base scenario"},
    "start": {"id": "Awal proyeksi", "en": "Start of the forecast"},
    "horizon_months": {"id": "Lama proyeksi (bulan)", "en": "Forecast horizon (months)"},
    "seed": {"id": "Bilangan awal (seed)", "en": "Random seed"},
    "trials": {"id": "Jumlah simulasi", "en": "Number of trials"},
    "rules_date": {"id": "Tanggal aturan yang dipakai", "en": "Date of the rules applied"},
    "label": {"id": "Nama", "en": "Name"},
    "scheme": {"id": "Skema (PU atau BPU)", "en": "Scheme (PU or BPU)"},
    "occupation": {"id": "Jenis pekerjaan", "en": "Occupation"},
    "payer": {"id": "Pembayar iuran", "en": "Premium payer"},
    "age_profile": {"id": "Profil usia", "en": "Age profile"},
    "age_bands": {"id": "Sebaran usia (proporsi per kelompok usia)", "en": "Age bands (share per band)"},
    "mortality_table": {"id": "Tabel mortalitas", "en": "Mortality table"},
    "mode": {"id": "Cara menghitung alur pendaftaran", "en": "Enrolment pipeline worked out as"},
    "priority": {"id": "Urutan prioritas segmen", "en": "Priority order of the segments"},
    "dbh_cht_segments": {"id": "Segmen yang dibiayai DBH-CHT", "en": "Segments paid from DBH-CHT"},
    "csr_draw": {"id": "Cara menghitung komitmen CSR", "en": "CSR pledges worked out as"},
    "first_year": {"id": "Tahun pertama komitmen CSR", "en": "First year of the CSR pledge"},
    "segments": {"id": "Segmen yang dibiayai", "en": "Segments paid for"},
    "target_year": {"id": "Tahun target UCJ", "en": "UCJ target year"},
    "calibration": {"id": "Kalibrasi", "en": "Calibration"},
}
