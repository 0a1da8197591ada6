import Foundation
import Testing
import SKMDomain
import SKMReports
import SKMStorage

/// Kept turnaround figures aged to a later instant (`ComplianceAging`) equal the rows judged
/// again at that instant, byte for byte — open files overtaking finished ones, ties included.
@Suite struct ComplianceAgingTests {
    @Test func agedFiguresEqualTheRowsJudgedAgainLater() throws {
        let world = try PublicWorld()
        let store = world.store
        let agency = try store.agency(PublicWorld.agency)
        let zone = agency.timeZone
        // 2025-03: files of two services, finished late by hours to weeks, and open ones, many
        // received on the same morning (same deadline, so equal lateness: ties by id).
        _ = try store.importBatch(kind: .transactions, file: "aging") { w in
            for k in 0..<40 {
                let day = LocalDate(year: 2025, month: 3, day: 3 + k % 5)!
                let received = zone.instant(day, minuteOfDay: 9 * 60)
                // Open files only where the promise is a day ("1 (satu) hari"): all past it by t0.
                let finished: Int64? = k % 6 == 0 ? nil : received + Int64(1 + k * 37 % 500) * 3600
                _ = try w.insert(Transaction(id: String(format: "A%02d", 40 - k), agency: agency.code,
                                             service: k % 2 == 0 ? "informasi" : "pencegahan-stunting",
                                             receivedAt: received, finishedAt: finished), receivedDate: day)
            }
        }
        let period = Period.semester(2025, 1)
        func report(at t: Int64) throws -> EvaluationReport {
            var o = ReportOptions()
            o.asOf = t
            return try ReportBuilder(store: store, options: o, compliance: StoreCompliance.source(store: store, asOf: t))
                .build(agency: agency, period: period)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func turnaround(_ r: EvaluationReport) throws -> Data {
            try encoder.encode([r.overall.compliance] + r.services.map(\.figures.compliance))
        }
        let t0 = zone.instant(LocalDate(year: 2025, month: 3, day: 10)!, minuteOfDay: 0)
        let kept = try report(at: t0)
        #expect(kept.statusesChangeAt == nil)  // every open file is past its deadline already
        #expect((kept.overall.compliance?.openOverdue ?? 0) > 0)
        var overtaken = false
        for dt: Int64 in [0, 1, 3_600, 86_400 * 3, 86_400 * 30, 86_400 * 400] {
            let fresh = try report(at: t0 + dt)
            let aged = ComplianceAging.aged(kept, by: dt)
            #expect(try turnaround(aged) == turnaround(fresh), "\(dt) s later")
            let firstCases = fresh.overall.compliance?.latestCases.map(\.status) ?? []
            if dt > 0, firstCases.first == "open_overdue", kept.overall.compliance?.latestCases.first?.status == "late" { overtaken = true }
        }
        #expect(overtaken, "the test should see open files overtake finished ones")
    }
}
