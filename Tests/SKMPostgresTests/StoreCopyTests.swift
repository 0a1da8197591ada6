import Foundation
import SKMCatalog
import SKMDemo
import SKMDomain
import SKMImport
import SKMPostgres
import SKMReports
import SKMStorage
import Testing

/// `skm store copy` (SKMStorage/StoreCopy.swift): the copy reports the same figures as the
/// original, copying again adds nothing, a differing row is never overwritten, and the
/// switches come along — SQLite to SQLite always, SQLite to PostgreSQL under scripts/postgres.
struct StoreCopyTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")
    static let periods = ["2024-S2", "2025-S1"]

    /// A demo store with a kiosk, a published page and a stated population.
    func source(_ dir: URL) throws -> (Store, DemoPlan) {
        let catalog = try CatalogLoader.load(seeds: Self.seeds)
        var plan = DemoPlan()
        plan.transactions = 1500
        plan.responses = 800
        let t = dir.appendingPathComponent("t.csv"), r = dir.appendingPathComponent("r.csv")
        _ = try DemoGenerator(agencies: catalog.agencies, holidays: catalog.nationalHolidays, plan: plan).write(transactionsTo: t, responsesTo: r)
        let store = try Store(inMemory: ())
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        _ = try Importer.run(.transactions, file: t.path, into: store)
        _ = try Importer.run(.responses, file: r.path, into: store)
        try store.setKiosk(agency: "karangasem", open: true, now: 1)
        _ = try store.setKioskLayout(agency: "karangasem", layout: "sample-form")
        try store.setPublication(agency: "pekalongan", on: true, now: 1)
        try store.setPopulation(agency: "tasikmalaya", service: "x", period: try #require(Period(parsing: "2025-S1")), count: 77)
        return (store, plan)
    }

    /// The reports as JSON, without what a copy leaves behind (rejects describe files' imports).
    func reports(_ store: any SurveyStore, _ plan: DemoPlan, _ dir: URL, _ tag: String) throws -> [String: Any] {
        try jsonReports(store, asOf: plan.asOf, periods: Self.periods, in: dir, tag: tag).mapValues { report in
            (report as? [String: Any] ?? [:]).filter { !$0.key.contains("reject") }
        }
    }

    func check(into target: any SurveyStore) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, plan) = try source(dir)

        let first = try StoreCopy(from: store, to: target).run()
        #expect(first.agencies == 5)
        #expect(first.transactions.inserted == 1500 && first.transactions.read == 1500)
        #expect(first.responses.inserted == first.responses.read && first.responses.read > 700)
        #expect((first.kiosks, first.published, first.populations) == (1, 1, 1))
        var differences: [String] = []
        compare(try reports(store, plan, dir, "a"), try reports(target, plan, dir, "b"), path: "", into: &differences)
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5))")
        #expect(try target.kioskLayout(agency: "karangasem") == "sample-form")
        #expect(try target.publishedAgencies() == ["pekalongan"])
        #expect(try target.populations(agency: "tasikmalaya", period: try #require(Period(parsing: "2025-S1"))) == ["x": 77])

        // Again: nothing new. Then a row changed in the target is kept there and listed.
        let again = try StoreCopy(from: store, to: target).run()
        #expect(again.transactions.inserted == 0 && again.transactions.unchanged == 1500)
        #expect(again.responses.inserted == 0 && again.responses.unchanged == first.responses.read)
        var changed: SurveyResponse?
        try target.forEachResponse(agency: "karangasem", period: try #require(Period(parsing: "2025-S1"))) { r in
            if changed == nil { changed = r }
        }
        var edited = try #require(changed)
        edited.answers[0] = edited.answers[0] == 4 ? 1 : 4
        _ = try target.importBatch(kind: .responses, file: "edit") { w in try w.insert(edited, replace: true) }
        let third = try StoreCopy(from: store, to: target).run()
        #expect(third.responses.rejected == 1 && third.responses.inserted == 0)
        #expect(try target.rejects(agency: "karangasem").contains { $0.value == edited.id && $0.column == "id" })
        var kept: [Int?]?
        try target.forEachResponse(agency: "karangasem", period: try #require(Period(parsing: "2025-S1"))) { r in
            if r.id == edited.id { kept = r.answers }
        }
        #expect(kept == edited.answers)
    }

    @Test func sqliteToSQLite() throws { try check(into: try Store(inMemory: ())) }

    @Test(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
    func sqliteToPostgres() throws { try TestDatabase.with { try check(into: $0) } }
}
