import Foundation
@testable import SKMReports
import SKMDomain
import SKMStorage

/// A small agency with two services, hand-made responses in 2024-Q1 and 2023-Q4, a few
/// transactions, suggestions that look like formulas and rejected rows.
///
/// Hand-computed (exact 1/9 weights):
/// - kb: answers all 4, all 3, all 2 except U3 = 1 → NRR U3 = 8/3, others 3 → IKM ×25 = 74.074… (C).
/// - pengaduan: two responses all 4 → 100 (A).
/// - overall: U3 = 16/5, others 17/5 → IKM = 30.4/9 → ×25 = 84.444… (B); lowest unsur U3.
enum ReportFixture {
    static let q1 = Period.quarter(2024, 1)

    static let agency = Agency(
        code: "bengkulu-selatan", name: "DPPKBP3A Kabupaten Bengkulu Selatan", region: "Bengkulu", timeZone: .wib,
        decree: Decree(number: "800/12/DPPKBP3A/2023", date: LocalDate(year: 2023, month: 1, day: 2)!, title: "Standar Pelayanan"),
        services: [
            ServiceStandard(code: "kb", name: "Pelayanan Kontrasepsi", validFrom: LocalDate(year: 2023, month: 1, day: 2)!,
                            components: [], promise: .single("3 (tiga) hari kerja", PromisedDuration(amount: 3, unit: .workingDays))),
            ServiceStandard(code: "pengaduan", name: "Pengaduan Kekerasan terhadap Perempuan dan Anak",
                            validFrom: LocalDate(year: 2023, month: 1, day: 2)!, components: [],
                            promise: .none("Pelayanan di lakukan secara Masal", reason: "tidak ada jangka waktu")),
        ])

    static let suggestions = ["=HYPERLINK(\"http://contoh.test\",\"klik\")", "+62 811 000", "Antrian perlu nomor.", "-1"]

    static func all(_ v: Int) -> [Int?] { Array(repeating: v, count: 9) }

    static func store() throws -> Store {
        let store = try Store()
        let feb = LocalDate(year: 2024, month: 2, day: 5)!
        var low = all(2); low[2] = 1
        let responses: [(String, [Int?], RespondentProfile)] = [
            ("kb", all(4), .init(gender: "P", age: 25, education: "SMA", occupation: "Wiraswasta")),
            ("kb", all(3), .init(gender: "P", age: 31, education: "S1", occupation: "PNS")),
            ("kb", low, .init(gender: "L", age: 45, education: "SMA", occupation: "Wiraswasta")),
            ("pengaduan", all(4), .init(gender: "P", age: 22, education: "SMA", occupation: "Wiraswasta")),
            ("pengaduan", all(4), .init(gender: "P", age: 28, education: "SMP", occupation: "Wiraswasta")),
        ]
        _ = try store.importBatch(kind: .responses, file: "respon.csv") { w in
            for (i, (service, answers, profile)) in responses.enumerated() {
                _ = try w.insert(SurveyResponse(id: "r\(i)", agency: agency.code, service: service, date: feb.adding(days: i),
                                                answers: answers, profile: profile,
                                                saran: i < suggestions.count ? suggestions[i] : nil))
            }
            // The previous quarter: kb scored all 3 (75.00).
            for i in 0..<3 {
                _ = try w.insert(SurveyResponse(id: "p\(i)", agency: agency.code, service: "kb",
                                                date: LocalDate(year: 2023, month: 11, day: 1 + i)!, answers: all(3)))
            }
            try w.reject(RejectRecord(file: "respon.csv", line: 7, column: "U3", value: "=SUM(A1:A9)",
                                      reason: "jawaban tidak dikenal: '=SUM(A1:A9)'", agency: agency.code))
            try w.reject(RejectRecord(file: "respon.csv", line: 9, column: "tanggal", value: "31/02/2024",
                                      reason: "tanggal tidak ada", agency: agency.code))
        }
        _ = try store.importBatch(kind: .transactions, file: "register.csv") { w in
            for i in 0..<6 {
                let t = Transaction(id: "T\(i)", agency: agency.code, service: i < 4 ? "kb" : "pengaduan",
                                    receivedAt: 1_707_100_000 + Int64(i) * 3_600, finishedAt: 1_707_200_000)
                _ = try w.insert(t, receivedDate: feb, replace: false)
            }
        }
        return store
    }

    static let kbCompliance = TimelinessFigures(
        count: 4, finished: 3, onTime: 2, late: 1, open: 1, openOverdue: 1, noPromise: 0,
        onTimeRate: 2.0 / 3.0, capaianMean: 112.5, medianElapsedHours: 30.25, p90ElapsedHours: 70.5,
        latestCases: [
            LateCase(transactionId: "T2", service: "kb", receivedAt: "2024-02-05 09:00 WIB", finishedAt: "2024-02-12 10:00 WIB",
                     deadline: "2024-02-07 16:00 WIB", promise: "3 hari kerja", status: "late", lateHours: 114,
                     promised: PromisedDuration(amount: 3, unit: .workingDays)),
            LateCase(transactionId: "T3", service: "kb", receivedAt: "2024-02-05 10:00 WIB", finishedAt: nil,
                     deadline: "2024-02-07 16:00 WIB", promise: "3 hari kerja", status: "open_overdue", lateHours: 500.5,
                     promised: PromisedDuration(amount: 3, unit: .workingDays)),
        ])

    static func report(compliance: Bool = true, forPublication: Bool = false) throws -> EvaluationReport {
        var options = ReportOptions()
        options.forPublication = forPublication
        options.generatedBy = "skm test"
        let source: ComplianceSource? = compliance ? { @Sendable _, _ in (["kb": kbCompliance], kbCompliance) } : nil
        let s = try store()
        return try ReportBuilder(store: s, options: options, compliance: source).build(agency: agency, period: q1).holdingDetails(from: s)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

extension EvaluationReport {
    /// The report with its saran and rejected rows read in, as the tests' oracle for what the
    /// writers stream (`ReportDetails.fromStore`) and for fixtures that lay them out. Read the
    /// way the report builder read them before it stopped holding them.
    func holdingDetails(from store: Store) throws -> EvaluationReport {
        guard !forPublication, let p = Period(parsing: period.id), let zone = IndonesianTimeZone(rawValue: agency.timeZone) else { return self }
        var r = self
        r.suggestions = try store.suggestions(agency: agency.code, period: p)
        r.rejects = try store.rejects(agency: agency.code, period: p, zone: zone)
        return r
    }
}
