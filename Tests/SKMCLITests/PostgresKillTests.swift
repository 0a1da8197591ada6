import Foundation
import SKMPostgres
import SKMStorage
import Testing

/// SIGKILL in the middle of a large `skm import` into PostgreSQL leaves the database as it was:
/// the import is one transaction (COPY … FROM STDIN inside it), and a connection that drops
/// mid-transaction is rolled back by the server. The store takes the same file afterwards.
@Suite(.enabled(if: PostgresCluster.available, PostgresCluster.skipNote))
struct PostgresKillTests {
    /// Bytes a process has read so far (`rchar` of /proc/PID/io).
    static func bytesRead(pid: Int32) -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("rchar:") {
            return Int64(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    static func counts(_ url: String) throws -> [Int64] {
        let store = try PostgresStore(address: url)
        return try ["service_transaction", "import_batch", "reject"].map { table in
            let (_, rows) = try store.query(sql: "SELECT COUNT(*) AS n FROM \(table)", arguments: [:])
            guard case let .integer(n) = rows[0][0] else { return -1 }
            return n
        }
    }

    @Test func killingTheProcessMidCopyLeavesTheDatabaseAsBefore() throws {
        try PostgresCluster.withDatabase("kill") { try killMidCopy($0) }
    }

    func killMidCopy(_ pg: PostgresAddress) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = "id,agency,service,received_at,finished_at\n"
        #expect(try CLI.run(["init", "--store", pg.url, "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path], in: dir).status == 0)
        let small = dir.appendingPathComponent("small.csv")
        try Data((header + "S1,karangasem,ppks,2024-03-04 09:15,2024-03-05 10:00\nS2,karangasem,nope,2024-03-04 09:15,\n").utf8).write(to: small)
        _ = try CLI.run(["import", "transactions", small.path, "--store", pg.url], in: dir)
        let before = try Self.counts(pg.url)
        #expect(before == [1, 1, 1])

        // 200 000 new rows: well past the writer's first 64, so the kill lands inside COPY.
        let big = dir.appendingPathComponent("big.csv")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big)
        h.write(Data(header.utf8))
        var chunk = ""
        for i in 0..<200_000 {
            chunk += "K\(i),karangasem,ppks,2024-03-04 09:15,2024-03-05 10:00\n"
            if i % 10_000 == 9_999 { h.write(Data(chunk.utf8)); chunk = "" }
        }
        try h.close()
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["import", "transactions", big.path, "--store", pg.url]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let size = try #require((try FileManager.default.attributesOfItem(atPath: big.path))[.size] as? NSNumber).int64Value
        var read: Int64 = 0
        while p.isRunning, read < size / 2 {
            read = Self.bytesRead(pid: p.processIdentifier)
            usleep(2_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try #require(p.terminationReason == .uncaughtSignal, "the import finished before it could be killed: make the file larger")
        #expect(read >= size / 2)
        // The server notices the dropped connection and rolls its transaction back.
        var after: [Int64] = []
        for _ in 0..<50 {
            after = try Self.counts(pg.url)
            if after == before { break }
            usleep(100_000)
        }
        #expect(after == before)
        // Nothing is left locked: the next import stores its rows (past 64 of them: COPY again).
        let next = dir.appendingPathComponent("next.csv")
        try Data((header + (0..<100).map { "N\($0),karangasem,ppks,2024-03-04 09:15,2024-03-05 10:00\n" }.joined()).utf8).write(to: next)
        let again = try CLI.run(["import", "transactions", next.path, "--store", pg.url], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.counts(pg.url) == [101, 2, 1])
    }
}
