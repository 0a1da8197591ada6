import SKMDomain

/// Wording of Ringkasan's headline block, charts and symbols, per language. Kept beside
/// `ReportLabels` rather than in it so that its two long initialisers do not grow for words
/// only one sheet uses.
extension ReportLabels {
    var headRespondents: String { isIndonesian ? "Responden / sampel minimum" : "Respondents / minimum sample" }
    var headMutu: String { isIndonesian ? "Mutu dan kinerja" : "Grade (mutu) and performance" }
    var headOnTime: String { isIndonesian ? "Tepat waktu" : "On time" }
    func headChange(_ previous: String) -> String { isIndonesian ? "Perubahan dari \(previous)" : "Change from \(previous)" }
    func sampleShort(_ n: Int) -> String { isIndonesian ? "kurang \(n)" : "short by \(n)" }
    /// A deadline at the end of a day (calendar days, months): the day itself is the limit.
    func endOfDay(_ date: Substring) -> String { isIndonesian ? "\(date) (akhir hari)" : "\(date) (end of day)" }
    var sampleEnough: String { isIndonesian ? "sampel cukup" : "sample adequate" }
    var chartPerService: String { isIndonesian ? "IKM per layanan (warna: batas mutu)" : "IKM per service (colours: grade boundaries)" }
    var chartHistory: String { isIndonesian ? "IKM kantor per periode" : "Office IKM by period" }
    var chartAxisIKM: String { isIndonesian ? "IKM (×25)" : "IKM (×25)" }
    var chartData: String { isIndonesian ? "Data grafik (tidak dicetak)" : "Chart data (not printed)" }
    func gradeBoundary(_ grade: String, _ bound: Double) -> String {
        (isIndonesian ? "Batas mutu \(grade)" : "Grade \(grade) from ") + " " + formatted2(bound)
    }
    /// The grade bands of the per-service bar chart: "D (< 65.00)", "C (65.00–76.60)" …
    func gradeBand(_ grade: String, from: Double?, below: Double?) -> String {
        switch (from, below) {
        case (nil, let b?): "\(grade) (< \(formatted2(b)))"
        case (let a?, nil): "\(grade) (≥ \(formatted2(a)))"
        case (let a?, let b?): "\(grade) (\(formatted2(a))–\(formatted2(b - 0.01)))"
        default: grade
        }
    }

    /// Legend of the trend column's symbols, which replace "(dalam batas acak)" on paper.
    var trendLegend: String {
        isIndonesian
            ? "Tren: ▲ naik, ▼ turun, ► tetap dibandingkan periode sebelumnya; * signifikan (melebihi batas acak 95%); tanpa *: dalam batas acak."
            : "Trend: ▲ up, ▼ down, ► unchanged against the previous period; * significant (beyond the 95% random noise); no *: within random noise."
    }

    /// Shown when every service is short of its minimum sample while the office as a whole is
    /// not: the column would otherwise seem to contradict itself.
    var sampleEveryServiceShort: String {
        isIndonesian
            ? "Sampel cukup: setiap layanan kurang dari sampel minimumnya sendiri, tetapi kantor secara keseluruhan cukup. Sampel minimum tumbuh lebih lambat dari populasi, jadi populasi kantor (semua transaksi) membutuhkan lebih sedikit responden daripada jumlah kebutuhan per layanan; IKM per layanan dibaca dengan galat 95% di sampingnya."
            : "Sample adequate: every service is short of its own minimum, yet the office as a whole is not. The minimum grows more slowly than the population, so the office's population (all transactions) needs fewer respondents than the services' minimums added up; read each service's IKM with its 95% error beside it."
    }

    // What citizens said about the time against the register (`TimeVoice`), on Ketepatan Waktu.
    var voiceTitle: String { isIndonesian ? "U3 Waktu Penyelesaian menurut ketepatan waktu berkasnya" : "U3 Completion time by whether the respondent's own file was on time" }
    var voiceHeader: [String] {
        isIndonesian
            ? ["Layanan", "Responden, berkas terlambat", "NRR U3 (terlambat)", "Responden, berkas tepat waktu", "NRR U3 (tepat waktu)"]
            : ["Service", "Respondents, file late", "U3 NRR (late)", "Respondents, file on time", "U3 NRR (on time)"]
    }
    var voiceNote: String {
        isIndonesian
            ? "Hanya responden yang mencantumkan nomor transaksinya. Terlambat: selesai terlambat atau masih dalam proses melewati batas waktu. NRR 1–4; \"< 5\" pada laporan publikasi bila respondennya kurang dari 5."
            : "Only respondents who gave their transaction number. Late: finished late, or in progress past the deadline. NRR 1–4; \"< 5\" in a published report when fewer than 5 respondents."
    }

    /// "U3 Waktu": an unsur's code and a short name, for a table on paper.
    func unsurShort(_ code: String, name: String, nameEn: String) -> String {
        // By full name, not code: the 2004 method numbers other unsur with the same codes.
        let short: [String: (String, String)] = [
            "Persyaratan": ("Persyaratan", "Requirements"), "Sistem, Mekanisme, dan Prosedur": ("Prosedur", "Procedures"),
            "Waktu Penyelesaian": ("Waktu", "Time"), "Biaya/Tarif": ("Biaya", "Cost"),
            "Produk Spesifikasi Jenis Pelayanan": ("Produk", "Product"), "Kompetensi Pelaksana": ("Kompetensi", "Competence"),
            "Perilaku Pelaksana": ("Perilaku", "Conduct"), "Penanganan Pengaduan, Saran dan Masukan": ("Pengaduan", "Complaints"),
            "Sarana dan Prasarana": ("Sarana", "Facilities"),
        ]
        let word = short[name].map { isIndonesian ? $0.0 : $0.1 }
            ?? String((isIndonesian ? name : nameEn).split(separator: " ").first ?? "")
        return "\(code) \(word)"
    }

    private func formatted2(_ x: Double) -> String {
        let cents = Int((x * 100).rounded())
        return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
