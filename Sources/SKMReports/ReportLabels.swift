import SKMDomain

/// Every piece of fixed wording in the XLSX report, per language. Figures and names that come
/// from the data (service names, unsur names, categories) are not translated here.
public struct ReportLabels: Sendable {
    // Sheet names (≤ 31 characters, no []:*?/\).
    public var sheetSummary, sheetUnsur, sheetTimeliness, sheetRespondents, sheetSuggestions, sheetRejects: String

    // Ringkasan
    public var title, agency, period, method, weight, layout, decree, generated: String
    /// Shown for a decree that carries no number, instead of a blank.
    public var noDecreeNumber: String
    /// "Perubahan dan tren dibandingkan dengan 2024-Q2": which period the change is against.
    public var comparedWith: String
    /// "Status penyelesaian dinilai per": when open transactions were judged.
    public var judgedAsOf: String
    public var service, respondents, minimumSample, sampleAdequate, ikm, ikmConverted, mutu, kinerja: String
    public var onTimeRate, capaian, lowestUnsur, change, trend, confidence: String
    public var allServices, yes, no, shortBy, significant, withinNoise, noPrevious, allEqual, sum: String
    public var notes, weightNote, roundingNote, onTimeNote, sampleNote: String

    // Unsur
    public var unsurTitle, code, unsur, answered, nrr, nrrWeighted, total, chartTitle, chartAxis: String
    public var nrrPerService, answerDistribution: String

    // Ketepatan Waktu
    public var timelinessTitle, promise, count, finished, onTime, late, open, openOverdue, noPromise: String
    /// Beside capaian: the mean (*realisasi*) and median completion time in the promise's unit.
    public var meanTime, medianTime: String
    public var medianHours, p90Hours, lateCases, transactionId, receivedAt, finishedAt, deadline, status, lateHours: String
    public var noTurnaround, noLateCases: String

    // Responden
    public var respondentsTitle, gender, age, education, occupation, category, share, suppressedNote: String

    // Saran, Ditolak
    public var suggestionsTitle, date, suggestion: String
    public var rejectsTitle, file, line, column, value, reason: String
    /// Appended to a detail sheet's name when it continues on another sheet: "Ditolak (2)".
    public var continued: String
    /// The sample check when no population is known (no register, none stated).
    public var populationUnknown: String = ""

    public func kinerja(_ report: GroupFigures) -> String? {
        self.isIndonesian ? report.kinerja : report.kinerjaEn
    }

    public var isIndonesian: Bool { sheetSummary == "Ringkasan" }

    /// The questionnaire layout as the report names it. The domain's titles are Indonesian;
    /// the English workbook gets them translated (an unknown title is shown as it is).
    public func layoutTitle(_ title: String) -> String {
        guard !isIndonesian else { return title }
        return switch title {
        case QuestionnaireLayout.regulationOrder.title: "PermenPANRB 14/2017 element order (U8 Complaints, U9 Facilities)"
        case QuestionnaireLayout.sampleQuestionnaireOrder.title: "Sample questionnaire order (Q8 Facilities, Q9 Complaints)"
        case QuestionnaireLayout.kepmenpan2004.title: "Kepmenpan 25/2004, 14 elements"
        default: title
        }
    }

    /// A turnaround status as the report shows it ("open_overdue" → "Dalam proses, melewati
    /// batas waktu"); an unknown value is shown as it is.
    public func status(_ raw: String) -> String {
        guard let s = TurnaroundStatus(rawValue: raw) else { return raw }
        if isIndonesian { return s.label }
        return switch s {
        case .onTime: "On time"
        case .late: "Late"
        case .open: "In progress"
        case .openOverdue: "In progress, past the deadline"
        case .noPromise: "No promise"
        }
    }

    /// A promise unit ("hari kerja") in the report's language.
    public func unit(_ raw: String) -> String {
        guard !isIndonesian, let u = PromiseUnit(rawValue: raw) else { return raw }
        return switch u {
        case .minutes: "minutes"
        case .hours: "hours"
        case .calendarDays: "days"
        case .workingDays: "working days"
        case .months: "months"
        }
    }

    /// Why a transaction has no promise, in the report's language. The Indonesian wording is
    /// the one the reports have always carried.
    public func noPromiseReason(_ reason: NoPromiseReason) -> String {
        switch reason {
        case .noStandardInForce(let day):
            isIndonesian ? "tidak ada standar pelayanan yang berlaku pada \(day)" : "no service standard in force on \(day)"
        case .catalogStates(let reason): unmeasurable(reason)
        case .notMeasurable:
            isIndonesian ? "jangka waktu tidak memuat janji waktu yang terukur" : "the completion time promises nothing measurable"
        }
    }

    /// Why a transaction was not judged, in the report's language.
    public func rejection(_ reason: TurnaroundRejection.Reason) -> String {
        let id = isIndonesian
        switch reason {
        case let .finishedBeforeReceived(f, r, z):
            return id ? "selesai \(z.format(f)) sebelum diterima \(z.format(r))" : "finished \(z.format(f)) before received \(z.format(r))"
        case let .pauseEndsBeforeStart(a, b, z):
            return id ? "jeda \(z.format(a)) s.d. \(z.format(b)) berakhir sebelum dimulai" : "pause \(z.format(a)) to \(z.format(b)) ends before it starts"
        case let .pauseBeforeReceipt(p, r, z):
            return id ? "jeda mulai \(z.format(p)) sebelum transaksi diterima \(z.format(r))" : "pause starts \(z.format(p)) before the transaction was received \(z.format(r))"
        case let .pauseAfterFinish(p, f, z):
            return id ? "jeda berakhir \(z.format(p)) setelah transaksi selesai \(z.format(f))" : "pause ends \(z.format(p)) after the transaction finished \(z.format(f))"
        case let .unknownAgency(a):
            return id ? "penyelenggara '\(a)' tidak dikenal" : "unknown agency '\(a)'"
        case let .unknownService(s, a):
            return id ? "layanan '\(s)' tidak dikenal pada penyelenggara '\(a)'" : "unknown service '\(s)' of agency '\(a)'"
        }
    }

    public static let indonesian = ReportLabels(
        sheetSummary: "Ringkasan", sheetUnsur: "Unsur", sheetTimeliness: "Ketepatan Waktu",
        sheetRespondents: "Responden", sheetSuggestions: "Saran", sheetRejects: "Ditolak",
        title: "Laporan Survei Kepuasan Masyarakat (SKM)", agency: "Penyelenggara", period: "Periode",
        method: "Metode", weight: "Bobot per unsur", layout: "Urutan kuesioner", decree: "Keputusan standar pelayanan",
        generated: "Dibuat oleh", noDecreeNumber: "(tanpa nomor)", comparedWith: "dan tren dibandingkan dengan periode",
        judgedAsOf: "Status penyelesaian (dalam proses / lewat batas waktu) dinilai per",
        service: "Layanan", respondents: "Responden", minimumSample: "Sampel minimum", sampleAdequate: "Sampel cukup",
        ikm: "IKM (1–4)", ikmConverted: "IKM (×25)", mutu: "Mutu", kinerja: "Kinerja",
        onTimeRate: "% Tepat waktu", capaian: "Capaian waktu", lowestUnsur: "Unsur terendah",
        change: "Perubahan", trend: "Tren", confidence: "Galat 95% (±)",
        allServices: "Seluruh layanan", yes: "Ya", no: "Tidak", shortBy: "kurang", significant: "(signifikan)",
        withinNoise: "(dalam batas acak)", noPrevious: "tidak ada data periode sebelumnya",
        allEqual: "semua unsur sama", sum: "Jumlah",
        notes: "Catatan",
        weightNote: "IKM = Σ (NRR per unsur × bobot); IKM unit pelayanan = IKM × 25. Mutu dibaca pada nilai ×25 yang dibulatkan dua desimal.",
        roundingNote: "Angka ditampilkan dibulatkan; nilai lengkap tersimpan di sel dan di laporan JSON.",
        onTimeNote: "% Tepat waktu = tepat waktu / (tepat waktu + terlambat + dalam proses melewati batas waktu); layanan tanpa janji waktu tidak dihitung. Warna: hijau ≥ 90%, kuning 75–90%, merah < 75%. Capaian = (1 + (1 − rata-rata waktu / janji waktu)) × 100%, paling rendah 0%; median waktu di sampingnya.",
        sampleNote: "Sampel minimum menurut tabel Krejcie–Morgan dengan populasi = jumlah transaksi periode ini, atau populasi yang ditetapkan (skm population set).",
        unsurTitle: "Nilai per unsur pelayanan", code: "Kode", unsur: "Unsur", answered: "Jumlah jawaban",
        nrr: "NRR", nrrWeighted: "NRR tertimbang", total: "Jumlah (IKM)", chartTitle: "NRR per unsur", chartAxis: "NRR (1–4)",
        nrrPerService: "NRR per unsur per layanan", answerDistribution: "Sebaran jawaban (1 = terburuk, 4 = terbaik)",
        timelinessTitle: "Ketepatan waktu penyelesaian", promise: "Janji waktu", count: "Jumlah transaksi",
        finished: "Selesai", onTime: "Tepat waktu", late: "Terlambat", open: "Dalam proses",
        openOverdue: "Dalam proses, melewati batas waktu", noPromise: "Tanpa janji waktu",
        meanTime: "Rata-rata waktu (realisasi)", medianTime: "Median waktu",
        medianHours: "Median (jam)", p90Hours: "P90 (jam)", lateCases: "Kasus terlambat",
        transactionId: "ID transaksi", receivedAt: "Diterima", finishedAt: "Selesai", deadline: "Batas waktu",
        status: "Status", lateHours: "Terlambat",
        noTurnaround: "Ketepatan waktu belum dihitung untuk periode ini.", noLateCases: "Tidak ada kasus terlambat.",
        respondentsTitle: "Profil responden", gender: "Jenis kelamin", age: "Umur", education: "Pendidikan",
        occupation: "Pekerjaan", category: "Kategori", share: "Persentase",
        suppressedNote: "Laporan untuk publikasi: sel dengan kurang dari 5 responden ditampilkan \"< 5\".",
        suggestionsTitle: "Saran dan masukan", date: "Tanggal", suggestion: "Saran",
        rejectsTitle: "Baris yang ditolak saat impor", file: "Berkas", line: "Baris", column: "Kolom", value: "Nilai",
        reason: "Alasan", continued: "lanjutan", populationUnknown: "populasi tidak diketahui")

    public static let english = ReportLabels(
        sheetSummary: "Summary", sheetUnsur: "Elements", sheetTimeliness: "Timeliness",
        sheetRespondents: "Respondents", sheetSuggestions: "Suggestions", sheetRejects: "Rejected",
        title: "Community Satisfaction Survey (SKM) Report", agency: "Agency", period: "Period",
        method: "Method", weight: "Weight per element", layout: "Questionnaire order", decree: "Service standard decree",
        generated: "Generated by", noDecreeNumber: "(no number)", comparedWith: "and trend are against the period",
        judgedAsOf: "Open transactions (in progress / past the deadline) judged as of",
        service: "Service", respondents: "Respondents", minimumSample: "Minimum sample", sampleAdequate: "Sample adequate",
        ikm: "IKM (1–4)", ikmConverted: "IKM (×25)", mutu: "Grade", kinerja: "Performance",
        onTimeRate: "On-time rate", capaian: "Time achievement", lowestUnsur: "Lowest elements",
        change: "Change", trend: "Trend", confidence: "95% margin (±)",
        allServices: "All services", yes: "Yes", no: "No", shortBy: "short by", significant: "(significant)",
        withinNoise: "(within random noise)", noPrevious: "no data for the previous period",
        allEqual: "all elements equal", sum: "Total",
        notes: "Notes",
        weightNote: "IKM = Σ (NRR per element × weight); service unit IKM = IKM × 25. The grade is read on the ×25 value rounded to two decimals.",
        roundingNote: "Figures are displayed rounded; full values are kept in the cells and in the JSON report.",
        onTimeNote: "On-time rate = on time / (on time + late + in progress past the deadline); services without a promise are not counted. Colours: green ≥ 90%, yellow 75–90%, red < 75%. Time achievement (capaian) = (1 + (1 − mean time / promised)) × 100%, at least 0%; the median time beside it.",
        sampleNote: "Minimum sample from the Krejcie–Morgan table with population = transactions in the period, or the population set (skm population set).",
        unsurTitle: "Scores per service element", code: "Code", unsur: "Element", answered: "Answers",
        nrr: "NRR", nrrWeighted: "Weighted NRR", total: "Total (IKM)", chartTitle: "NRR per element", chartAxis: "NRR (1–4)",
        nrrPerService: "NRR per element per service", answerDistribution: "Answer distribution (1 = worst, 4 = best)",
        timelinessTitle: "Completion on time", promise: "Promised time", count: "Transactions",
        finished: "Finished", onTime: "On time", late: "Late", open: "In progress",
        openOverdue: "In progress, past the deadline", noPromise: "No promise",
        meanTime: "Mean time (realisasi)", medianTime: "Median time",
        medianHours: "Median (hours)", p90Hours: "P90 (hours)", lateCases: "Late cases",
        transactionId: "Transaction ID", receivedAt: "Received", finishedAt: "Finished", deadline: "Deadline",
        status: "Status", lateHours: "Late by",
        noTurnaround: "Turnaround has not been computed for this period.", noLateCases: "No late cases.",
        respondentsTitle: "Respondent profile", gender: "Gender", age: "Age", education: "Education",
        occupation: "Occupation", category: "Category", share: "Share",
        suppressedNote: "Report for publication: cells with fewer than 5 respondents show \"< 5\".",
        suggestionsTitle: "Suggestions", date: "Date", suggestion: "Suggestion",
        rejectsTitle: "Rows rejected on import", file: "File", line: "Line", column: "Column", value: "Value",
        reason: "Reason", continued: "continued", populationUnknown: "population unknown")
}
