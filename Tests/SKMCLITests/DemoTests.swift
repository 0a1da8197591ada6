import Foundation
import Testing

/// The main job, end to end through the real binary: seeds → store → demo registers → import →
/// score → turnaround → reports.
@Suite struct DemoTests {
    @Test func demoWritesReportsPerAgencyAndSemesterAndIsReproducible() throws {
        let dir = try CLI.temporaryDirectory()
        let args = ["demo", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path,
                    "--transactions", "1500", "--responses", "500", "--store", "demo.sqlite", "--out", "out"]
        let first = try CLI.run(args, in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let out = dir.appendingPathComponent("out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".json") }.sorted()
        // 5 agencies × 3 semesters (2024-S2, 2025-S1, 2025-S2) × 2 formats
        #expect(files.count == 30)
        #expect(files.contains("karangasem_2025-S1.xlsx"))
        #expect(first.stdout.contains("karangasem_2025-S1.json"))
        // the deliberately bad rows are rejected and listed
        #expect(first.stderr.contains("layanan-fiktif"))
        #expect(first.stderr.contains("4 rejected"))

        let json = try String(contentsOf: out.appendingPathComponent("karangasem_2025-S1.json"), encoding: .utf8)
        #expect(json.contains("\"compliance_as_of\" : \"2025-12-31T23:59:59+08:00\""))  // the extraction date, end of day in Bali (WITA)
        // compliance judges at the end of the --as-of day in each agency's zone, as the report does
        let c = try CLI.run(["compliance", "--period", "2025-S1", "--agency", "karangasem", "--as-of", "2025-12-31",
                             "--format", "json", "--store", "demo.sqlite"], in: dir)
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("\"as_of\" : \"2025-12-31T23:59:59+08:00\""))
        let before = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let second = try CLI.run(args, in: dir)
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 new"))
        let after = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(before == after, "a second run must give byte-identical files")
    }
}
