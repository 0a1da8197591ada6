import Foundation
import Testing
@testable import SKMReports
import SKMDomain
import SKMStorage

/// `TimeVoice` at the size where it scans rather than reads files one by one (more than 1,000
/// linked files not judged yet; LinkedFiles.swift): files of the period and of the one before
/// it, a file older still (read on its own), an id nobody stored, and two responses naming the
/// same file. kb promises 3 working days; each late file's respondent answered U3 = 1, each
/// on-time one 4:
/// - 2024-Q1, received Monday 2024-02-05: A0…A1000, every tenth late (101 late, 900 on time);
/// - 2023-Q4, received Monday 2023-11-06: B0…B1000, every fourth late (251 late, 750 on time);
/// - 2023-Q2, received Monday 2023-05-08: C, late; A1 named twice; NOPE stored nowhere.
/// So late 101 + 251 + 1 = 353 at NRR 1, on time 900 + 750 + 1 = 1,651 at NRR 4.
@Suite struct TimeVoiceScanTests {
    static func store() throws -> Store {
        let store = try ReportFixture.store()
        let a = ReportFixture.agency.code
        try store.saveCatalog(agencies: [ReportFixture.agency], holidays: [
            Holiday(date: LocalDate(year: 2023, month: 1, day: 1)!, name: "Tahun Baru 2023 Masehi", kind: .national, source: "SKB 3 Menteri"),
            Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru 2024 Masehi", kind: .national, source: "SKB 3 Menteri"),
        ])
        func files(_ prefix: String, _ count: Int, received day: LocalDate, late: (Int) -> Bool) -> [(Transaction, LocalDate, Bool)] {
            let received = IndonesianTimeZone.wib.instant(day, minuteOfDay: 9 * 60)
            return (0..<count).map { i in
                let finished = late(i) ? received + 15 * 86400 + 3600 : received + 86400 + 3600
                return (Transaction(id: "\(prefix)\(i)", agency: a, service: "kb", receivedAt: received, finishedAt: finished), day, late(i))
            }
        }
        let all = files("A", 1001, received: LocalDate(year: 2024, month: 2, day: 5)!) { $0 % 10 == 0 }
            + files("B", 1001, received: LocalDate(year: 2023, month: 11, day: 6)!) { $0 % 4 == 0 }
            + files("C", 1, received: LocalDate(year: 2023, month: 5, day: 8)!) { _ in true }
        _ = try store.importBatch(kind: .transactions, file: "t.csv") { w in
            for (t, day, _) in all { _ = try w.insert(t, receivedDate: day, replace: false) }
        }
        _ = try store.importBatch(kind: .responses, file: "r.csv") { w in
            let date = LocalDate(year: 2024, month: 3, day: 1)!
            func u3(_ v: Int) -> [Int?] { var x = ReportFixture.all(3); x[2] = v; return x }
            for (i, (t, _, late)) in all.enumerated() {
                _ = try w.insert(SurveyResponse(id: "tv\(i)", agency: a, service: "kb", date: date, answers: u3(late ? 1 : 4), transactionId: t.id))
            }
            _ = try w.insert(SurveyResponse(id: "tv-again", agency: a, service: "kb", date: date, answers: u3(4), transactionId: "A1"))
            _ = try w.insert(SurveyResponse(id: "tv-nope", agency: a, service: "kb", date: date, answers: u3(2), transactionId: "NOPE"))
        }
        return store
    }

    @Test func bothPathsScanAndAgree() throws {
        let store = try Self.store()
        let expected = TimeVoiceFigures(late: 353, lateNrr: 1, onTime: 1651, onTimeNrr: 4)
        let asOf: Int64 = 1_735_664_399  // 2024-12-31 23:59:59 WIB
        let alone = try TimeVoice.figures(store: store, agency: ReportFixture.agency, period: ReportFixture.q1,
                                          method: .permenPANRB14_2017, asOf: asOf)
        #expect(alone.perService["kb"] == expected)
        #expect(alone.overall == expected)
        let reading = try StoreCompliance.reading(store: store, agency: ReportFixture.agency, period: ReportFixture.q1,
                                                  asOf: asOf, voiceOf: .permenPANRB14_2017)
        #expect(reading.timeVoice?.perService["kb"] == expected)
        #expect(reading.timeVoice?.overall == expected)
    }
}
