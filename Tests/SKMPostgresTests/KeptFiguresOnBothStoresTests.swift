import Foundation
import SKMCatalog
import SKMDomain
import SKMPostgres
import SKMReports
import SKMStorage
import Testing

/// What a command keeps for its next run (SKMStorage/KeptFiguresRow.swift,
/// SKMPostgres/PostgresKeptFigures.swift) and when it is served again (SKMReports/KeptFigures.swift),
/// on both stores: kept while no change reaches the figures' days and before `until`; another
/// build's figures are not served.
@Suite(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct KeptFiguresOnBothStoresTests {
    func check(_ store: any SurveyStore) throws {
        let catalog = try CatalogLoader.load(seeds: SwitchesOnBothStoresTests.seeds)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        #expect(try store.keptFigures(key: "k") == nil)
        try store.keepFigures(key: "k", KeptFiguresRow(seq: 3, until: nil, build: "b0", body: "[1]"), now: 10)
        try store.keepFigures(key: "k", KeptFiguresRow(seq: 4, until: 99, build: "b1", body: "[2]"), now: 11)  // replaces
        #expect(try store.keptFigures(key: "k") == KeptFiguresRow(seq: 4, until: 99, build: "b1", body: "[2]"))

        let a = "karangasem", march = LocalDate(year: 2025, month: 3, day: 31)!
        var computed = 0
        /// The figures as `KeptFigures` gives them; each computation returns a new number.
        func figures(_ kept: KeptFigures, now: Int64 = 100, until: Int64? = nil) throws -> Int {
            try kept.figures("test", agency: a, detail: "2025-Q1", through: march, now: now) {
                computed += 1
                return (computed, until)
            }
        }
        func importResponse(_ id: String, _ day: LocalDate) throws {
            _ = try store.importBatch(kind: .responses, file: "f") { w in
                _ = try w.insert(SurveyResponse(id: id, agency: a, service: "kk", date: day, answers: Array(repeating: 4, count: 9)))
            }
        }
        let kept = KeptFigures(store: store, build: "b1")
        #expect(try figures(kept) == 1)
        #expect(try figures(kept) == 1)  // kept
        try importResponse("R1", LocalDate(year: 2025, month: 4, day: 2)!)  // after the period: does not reach it
        #expect(try figures(kept) == 1)
        try importResponse("R2", LocalDate(year: 2025, month: 3, day: 31)!)  // its last day
        #expect(try figures(kept) == 2)
        #expect(try figures(kept) == 2)
        // Another build computes its own, which replace b1's (one row per key, whatever the build).
        #expect(try figures(KeptFigures(store: store, build: "b2")) == 3)
        #expect(try store.query(sql: "SELECT COUNT(*) FROM kept_figures", arguments: [:]).rows[0][0] == .integer(2))
        #expect(try figures(kept) == 4)
        #expect(try figures(KeptFigures(store: store, serve: false, build: "b1")) == 5)  // --recompute, and kept
        #expect(try figures(kept) == 5)
        // Until an open file passes its deadline, then computed again.
        #expect(try figures(KeptFigures(store: store, serve: false, build: "b1"), until: 150) == 6)
        #expect(try figures(kept, now: 149) == 6)
        #expect(try figures(kept, now: 150) == 7)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        #expect(try figures(kept, now: 150) == 8)  // a catalog load reaches every day
    }

    @Test func sqlite() throws { try check(try Store()) }
    @Test func postgres() throws { try TestDatabase.with { try check($0) } }
}
