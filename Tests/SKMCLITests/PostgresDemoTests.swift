import Foundation
import SKMPostgres
import Testing

/// `skm demo --store postgres://…` writes byte-identical reports to the SQLite demo: the same
/// 30 files, and the same output apart from the lines naming the store.
@Suite(.enabled(if: PostgresCluster.available, PostgresCluster.skipNote))
struct PostgresDemoTests {
    @Test func demoOnPostgresWritesByteIdenticalReportsToTheSQLiteDemo() throws {
        try PostgresCluster.withDatabase("demo") { try demoMatches($0) }
    }

    func demoMatches(_ pg: PostgresAddress) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func demo(_ store: String) throws -> CLI.Result {
            try CLI.run(["demo", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--transactions", "1500",
                         "--responses", "500", "--store", store, "--out", "out"], in: dir)
        }
        let lite = try demo("demo.sqlite")
        #expect(lite.status == 0, "\(lite.stderr)")
        let out = dir.appendingPathComponent("out"), liteOut = dir.appendingPathComponent("lite")
        try FileManager.default.moveItem(at: out, to: liteOut)
        let post = try demo(pg.url)
        #expect(post.status == 0, "\(post.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: liteOut.path).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 30)
        for f in files {
            let a = try Data(contentsOf: liteOut.appendingPathComponent(f)), b = try Data(contentsOf: out.appendingPathComponent(f))
            #expect(a == b, "\(f) differs between the SQLite and the PostgreSQL demo")
        }
        func withoutStore(_ s: String) -> [String] { s.split(separator: "\n").map(String.init).filter { !$0.contains("store") } }
        #expect(withoutStore(post.stdout) == withoutStore(lite.stdout))
        #expect(post.stdout.contains("store: \(pg.description)"))
        // Running it again adds nothing and writes the same files.
        let again = try demo(pg.url)
        #expect(again.stderr.contains("transactions: 0 new, 1500 already stored"))
        for f in files { #expect(try Data(contentsOf: liteOut.appendingPathComponent(f)) == Data(contentsOf: out.appendingPathComponent(f))) }
    }
}
