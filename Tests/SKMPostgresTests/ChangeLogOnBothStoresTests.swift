import Foundation
import SKMCatalog
import SKMDomain
import SKMPostgres
import SKMStorage
import Testing

/// The change log (SKMStorage/DataChange.swift, SKMPostgres/PostgresChanges.swift) answers the
/// same on both stores: what reaches a period's days, what moves the span of data, and what
/// does not.
@Suite(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct ChangeLogOnBothStoresTests {
    func check(_ store: any SurveyStore) throws {
        let catalog = try CatalogLoader.load(seeds: SwitchesOnBothStoresTests.seeds)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        let a = "karangasem", march = LocalDate(year: 2025, month: 3, day: 31)!
        func response(_ id: String, _ day: LocalDate) -> SurveyResponse {
            SurveyResponse(id: id, agency: a, service: "kk", date: day, answers: Array(repeating: 4, count: 9))
        }
        func imported(_ rows: [SurveyResponse], replace: Bool = false) throws -> Int64 {
            try store.importBatch(kind: .responses, file: "f") { w in for r in rows { _ = try w.insert(r, replace: replace) } }.batch
        }
        var seq = try store.latestChange()
        #expect(seq > 0)  // the catalog load itself
        func changed(through day: LocalDate = march) throws -> Bool {
            let c = try store.changes(agency: a, after: seq, through: day)
            seq = c.latest
            return c.changed
        }
        let b1 = try imported([response("R1", LocalDate(year: 2025, month: 2, day: 3)!), response("R2", LocalDate(year: 2025, month: 5, day: 3)!)])
        #expect(try changed())
        _ = try imported([response("R3", LocalDate(year: 2025, month: 6, day: 1)!)])  // after the period asked about
        #expect(try !changed())
        // Another row on that day replaces the log's row for it: the log does not grow with a
        // kiosk's submissions, and a reader that had not seen the first still sees a change.
        func logRows() throws -> QueryValue { try store.query(sql: "SELECT COUNT(*) FROM data_change", arguments: [:]).rows[0][0] }
        let rows = try logRows(), unseen = seq - 1
        _ = try imported([response("R3b", LocalDate(year: 2025, month: 6, day: 1)!)])
        #expect(try logRows() == rows)
        #expect(try store.changes(agency: a, after: unseen, through: LocalDate(year: 2025, month: 6, day: 30)!).changed)
        #expect(try !changed())
        _ = try imported([response("R3", LocalDate(year: 2025, month: 6, day: 1)!)])  // unchanged: nothing stored
        #expect(try store.latestChange() == seq)
        _ = try imported([response("R3", LocalDate(year: 2025, month: 7, day: 1)!)], replace: true)  // overwritten: every day
        #expect(try changed())
        _ = try store.undoImport(b1)
        #expect(try changed())
        try store.setPopulation(agency: a, service: "kk", period: .semester(2025, 2), count: 10)
        #expect(try !changed())
        try store.setPopulation(agency: a, service: "kk", period: .quarter(2025, 1), count: 10)
        #expect(try changed())
        _ = try store.importBatch(kind: .transactions, file: "t") { w in  // a transaction of any day
            let day = LocalDate(year: 2025, month: 9, day: 1)!
            _ = try w.insert(Transaction(id: "T1", agency: a, service: "kk", receivedAt: IndonesianTimeZone.wita.instant(day, minuteOfDay: 600), finishedAt: nil),
                             receivedDate: day)
        }
        #expect(try changed())
        _ = try store.importBatch(kind: .responses, file: "other") { w in  // another agency
            _ = try w.insert(SurveyResponse(id: "X", agency: "pekalongan", service: "informasi", date: march, answers: Array(repeating: 4, count: 9)))
        }
        #expect(try !changed())
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        #expect(try changed())

        // The span of data: rows inside it leave it, a row outside it or an undo moves it.
        let span = try #require(try store.dataSpan(agency: a))
        #expect(span.0 == LocalDate(year: 2025, month: 6, day: 1)! && span.1 == LocalDate(year: 2025, month: 9, day: 1)!)
        var spanSeq = try store.latestChange()
        func spanMoved() throws -> Bool {
            let c = try store.spanChanges(agency: a, after: spanSeq, span: span)
            spanSeq = c.latest
            return c.changed
        }
        _ = try imported([response("R9", LocalDate(year: 2025, month: 8, day: 1)!)])
        #expect(try !spanMoved())
        let b2 = try imported([response("R10", LocalDate(year: 2025, month: 10, day: 1)!)])
        #expect(try spanMoved())
        _ = try store.undoImport(b2)
        #expect(try spanMoved())
    }

    @Test func sqlite() throws { try check(try Store()) }
    @Test func postgres() throws { try TestDatabase.with { try check($0) } }
}
