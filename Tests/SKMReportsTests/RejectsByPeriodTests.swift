import Foundation
import Testing
@testable import SKMReports
import SKMDomain
import SKMStorage

/// The Ditolak sheet and the JSON list the rejects of the imports whose rows fall in the
/// report's period (or, for an import that stored no row, that ran in it), of its agency only.
@Suite struct RejectsByPeriodTests {
    static let agency = ReportFixture.agency

    static func store() throws -> Store {
        let store = try Store()
        func response(_ id: String, _ y: Int, _ m: Int) -> SurveyResponse {
            SurveyResponse(id: id, agency: agency.code, service: "kb", date: LocalDate(year: y, month: m, day: 10)!,
                           answers: ReportFixture.all(3))
        }
        _ = try store.importBatch(kind: .responses, file: "februari.csv") { w in
            _ = try w.insert(response("f1", 2024, 2))
            try w.reject(RejectRecord(file: "februari.csv", line: 3, column: "U1", value: "9", reason: "feb", agency: agency.code))
        }
        _ = try store.importBatch(kind: .responses, file: "mei.csv") { w in
            _ = try w.insert(response("m1", 2024, 5))
            try w.reject(RejectRecord(file: "mei.csv", line: 4, column: "U2", value: "0", reason: "mei", agency: agency.code))
        }
        // Nothing readable: listed in the period the import ran in (now).
        _ = try store.importBatch(kind: .responses, file: "rusak.csv") { w in
            try w.reject(RejectRecord(file: "rusak.csv", line: 2, reason: "unreadable", agency: agency.code))
        }
        // Another agency's reject in a batch with rows in 2024-Q1: never in this agency's report.
        _ = try store.importBatch(kind: .responses, file: "lain.csv") { w in
            _ = try w.insert(SurveyResponse(id: "o1", agency: "lebong", service: "x", date: LocalDate(year: 2024, month: 2, day: 1)!,
                                            answers: ReportFixture.all(3)))
            try w.reject(RejectRecord(file: "lain.csv", line: 5, reason: "other", agency: "lebong"))
        }
        // The February file imported again, unchanged: its rejects stay with February.
        _ = try store.importBatch(kind: .responses, file: "februari.csv") { w in
            _ = try w.insert(response("f1", 2024, 2))
            try w.reject(RejectRecord(file: "februari.csv", line: 3, column: "U1", value: "9", reason: "feb", agency: agency.code))
        }
        return store
    }

    func reasons(_ store: Store, _ period: Period) throws -> (held: [String], streamed: [String], count: Int) {
        let lean = try ReportBuilder(store: store).build(agency: Self.agency, period: period)
        let held = try lean.holdingDetails(from: store)
        let details = try ReportDetails.fromStore(store, report: lean)
        var streamed: [String] = []
        try details.forEachReject { streamed.append($0.reason) }
        return (held.rejects.map(\.reason), streamed, details.rejectCount)
    }

    @Test func eachPeriodListsItsOwnImportsRejects() throws {
        let store = try Self.store()
        let q1 = try reasons(store, .quarter(2024, 1))
        #expect(q1.held == ["feb"] && q1.streamed == ["feb"] && q1.count == 1)
        let q2 = try reasons(store, .quarter(2024, 2))
        #expect(q2.held == ["mei"] && q2.streamed == ["mei"] && q2.count == 1)
        let year = try reasons(store, .year(2024))
        #expect(year.held == ["feb", "mei"])  // newest batch first: February was imported again last
        let now = PeriodSpec.relative(RelativePeriod(.current, .year)).resolved(at: Int64(Date().timeIntervalSince1970), in: Self.agency.timeZone)
        let current = try reasons(store, now)
        #expect(current.held == ["unreadable"] && current.count == 1)
    }
}
