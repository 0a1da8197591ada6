import Foundation
import SKMCatalog
import SKMDemo
import SKMDomain
import SKMImport
import SKMPostgres
import SKMReports
import SKMStorage
import Testing

/// The same files imported into SQLite and into PostgreSQL give the same reports, field by
/// field and to the last digit: the figures, the profile's order, the saran and the rejects.
@Suite(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct SameFiguresTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    @Test func demoFilesGiveFieldByFieldIdenticalJSONReportsOnBothStores() throws {
        let catalog = try CatalogLoader.load(seeds: Self.seeds)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-pg-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var plan = DemoPlan()
        plan.transactions = 3000
        plan.responses = 1200
        let t = dir.appendingPathComponent("transactions.csv"), r = dir.appendingPathComponent("responses.csv")
        _ = try DemoGenerator(agencies: catalog.agencies, holidays: catalog.nationalHolidays, plan: plan).write(transactionsTo: t, responsesTo: r)

        func load(_ store: any SurveyStore) throws -> [ImportCounts] {
            try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
            return [try Importer.run(.transactions, file: t.path, into: store).counts,
                    try Importer.run(.responses, file: r.path, into: store).counts]
        }
        func reports(_ store: any SurveyStore, _ tag: String) throws -> [String: Any] {
            try jsonReports(store, asOf: plan.asOf, periods: ["2024-S2", "2025-S1", "2025-Q3"], in: dir, tag: tag)
        }
        let lite = try Store(inMemory: ())
        let liteCounts = try load(lite)
        try TestDatabase.with { pg in
            let pgCounts = try load(pg)
            #expect(pgCounts == liteCounts)
            #expect(pgCounts[0].inserted == 3000)
            #expect(pgCounts[1].rejected == 4)
            let a = try reports(lite, "sqlite"), b = try reports(pg, "postgres")
            #expect(a.count == 15)
            var differences: [String] = []
            compare(a, b, path: "", into: &differences)
            #expect(differences.isEmpty, "first differences: \(differences.prefix(5))")
        }
    }
}
