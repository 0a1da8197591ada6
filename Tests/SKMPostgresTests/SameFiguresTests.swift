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
            var out: [String: Any] = [:]
            let pipeline = ReportPipeline(store: store, asOf: .endOfDay(plan.asOf))
            for agency in try store.agencies() {
                for p in ["2024-S2", "2025-S1", "2025-Q3"] {
                    let period = try #require(Period(parsing: p))
                    let (report, details) = try pipeline.report(agency: agency, period: period)
                    let url = dir.appendingPathComponent("\(tag)-\(agency.code)-\(p).json")
                    try JSONReportWriter.write(report, to: url, details: details)
                    out["\(agency.code) \(p)"] = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
                }
            }
            return out
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

/// Walks two JSON trees and lists every path whose values differ (numbers compared exactly).
func compare(_ a: Any, _ b: Any, path: String, into out: inout [String]) {
    switch (a, b) {
    case let (x as [String: Any], y as [String: Any]):
        for k in Set(x.keys).union(y.keys).sorted() {
            guard let xv = x[k], let yv = y[k] else { out.append("\(path).\(k): present in one only"); continue }
            compare(xv, yv, path: "\(path).\(k)", into: &out)
        }
    case let (x as [Any], y as [Any]):
        if x.count != y.count { out.append("\(path): \(x.count) vs \(y.count) items"); return }
        for i in x.indices { compare(x[i], y[i], path: "\(path)[\(i)]", into: &out) }
    case let (x as NSNumber, y as NSNumber):
        if x != y { out.append("\(path): \(x) vs \(y)") }
    case let (x as String, y as String):
        if x != y { out.append("\(path): \(x) vs \(y)") }
    case (is NSNull, is NSNull): break
    default: out.append("\(path): \(a) vs \(b)")
    }
}
