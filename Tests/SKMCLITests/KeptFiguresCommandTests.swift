import Foundation
import SKMStorage
import Testing

/// `skm score` and `skm compliance` keep what they computed in the store and serve it on the
/// next run while nothing that reaches the period has changed (SKMReports/KeptFigures.swift):
/// through the real binary, a figure planted in the kept row shows whether it was served,
/// and after every kind of change the output equals `--recompute`'s.
@Suite struct KeptFiguresCommandTests {
    let dir: URL

    init() throws {
        dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        try importFile("responses", """
            id,service,date,u1,u2,u3,u4,u5,u6,u7,u8,u9
            R1,rekomendasi-pip,2025-01-07,4,3,3,4,3,3,4,3,3
            R2,rekomendasi-pip,2025-02-03,3,3,2,3,3,3,3,3,4
            R3,rekomendasi-pis,2025-03-31,2,3,3,3,4,4,4,3,3
            """)
        try importFile("transactions", """
            id,service,received_at,finished_at
            T1,rekomendasi-pip,2025-01-06 09:00,2025-01-07 10:00
            T2,rekomendasi-pip,2025-01-06 09:00,2025-01-20 10:00
            T3,rekomendasi-pis,2025-02-03 09:00,
            """)
    }

    func importFile(_ kind: String, _ text: String) throws {
        let name = "\(kind)-\(UUID().uuidString).csv"
        try Data((text + "\n").utf8).write(to: dir.appendingPathComponent(name))
        let r = try CLI.run(["import", kind, name, "--agency", "pekalongan", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }

    func run(_ args: [String]) throws -> String {
        let r = try CLI.run(args + ["--agency", "pekalongan", "--format", "json", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// Rewrites every kept row of `kind` so that its figures say `PLANTED` where they said `from`.
    func plant(_ kind: String, replacing from: String, with planted: String = "PLANTED") throws {
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let keys = try store.query(sql: "SELECT key FROM kept_figures WHERE key LIKE :kind", arguments: ["kind": .text("\(kind)|%")])
        #expect(!keys.rows.isEmpty)
        for k in keys.rows {
            guard case .text(let key) = k[0], var row = try store.keptFigures(key: key) else { continue }
            let plantable = row.body.contains(from) || row.body.contains("PLANTED")
            #expect(plantable, "\(key) has no \(from)")
            row.body = row.body.replacingOccurrences(of: from, with: planted)
            try store.keepFigures(key: key, row, now: 0)
        }
    }

    @Test func scoreIsServedKeptUntilAChangeReachesThePeriod() throws {
        let score = ["score", "--period", "2025-Q1"]
        let first = try run(score)
        #expect(first.contains("\"respondents\" : 3"))
        #expect(try run(score) == first)
        try plant("score", replacing: "Rekomendasi")
        #expect(try run(score).contains("PLANTED"))  // served from the store
        #expect(try run(score + ["--recompute"]) == first)  // not served, and kept again
        #expect(try run(score) == first)

        /// After `change`, the kept figures are not served, and those computed equal `--recompute`'s.
        func recomputedAfter(_ what: Comment, _ change: () throws -> Void) throws {
            try plant("score", replacing: "Rekomendasi")
            try change()
            let after = try run(score)
            #expect(!after.contains("PLANTED"), what)
            #expect(after == (try run(score + ["--recompute"])), what)
        }
        // A response after the period does not reach it: still served.
        try plant("score", replacing: "Rekomendasi")
        try importFile("responses", "id,service,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR4,rekomendasi-pip,2025-04-01,1,1,1,1,1,1,1,1,1")
        #expect(try run(score).contains("PLANTED"))
        try recomputedAfter("a response on the period's last day") {
            try importFile("responses", "id,service,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR5,rekomendasi-pis,2025-03-31,1,1,1,1,1,1,1,1,1")
        }
        #expect(try run(score).contains("\"respondents\" : 4"))
        try recomputedAfter("a transaction (the sample's population)") {
            try importFile("transactions", "id,service,received_at,finished_at\nT9,rekomendasi-pis,2025-06-02 09:00,")
        }
        try recomputedAfter("a stated population") {
            let r = try CLI.run(["population", "set", "--agency", "pekalongan", "--service", "rekomendasi-pip", "--period", "2025-Q1",
                                 "--count", "40", "--store", "s.sqlite"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        try recomputedAfter("an undo") {
            let r = try CLI.run(["import", "undo", "1", "--store", "s.sqlite"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        try recomputedAfter("a catalog load") {
            let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    @Test func complianceIsServedKeptAndAgedExactly() throws {
        let asOfDay = ["compliance", "--period", "2025-Q1", "--as-of", "2025-12-31"]
        let first = try run(asOfDay)
        try plant("compliance", replacing: "\"T2\"", with: "\"PLANTED\"")
        #expect(try run(asOfDay).contains("PLANTED"))
        try importFile("transactions", "id,service,received_at,finished_at\nT4,rekomendasi-pip,2025-07-01 09:00,2025-07-01 10:00")
        let after = try run(asOfDay)  // any transaction of the agency may be in the period
        #expect(!after.contains("PLANTED") && after == first)

        // As of now: T3 is open past its deadline and grows later each second. Kept figures,
        // served a few seconds after they were judged, equal the rows judged again at that
        // instant — compared when both runs fell in the same second.
        let now = ["compliance", "--period", "2025-Q1"]
        _ = try run(now)
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        func keptAt() throws -> QueryValue {
            try store.query(sql: "SELECT MAX(kept_at) FROM kept_figures WHERE key LIKE 'compliance|%|now|%'", arguments: [:]).rows[0][0]
        }
        var judged = try keptAt()
        var compared = false
        for _ in 0..<5 where !compared {
            Thread.sleep(forTimeInterval: 1.2)
            let kept = try run(now)
            #expect(try keptAt() == judged)  // served, not judged again
            let recomputed = try run(now + ["--recompute"])
            judged = try keptAt()
            #expect(kept.contains("\"open_overdue\" : 1"))
            func asOf(_ s: String) -> Substring? { s.split(separator: "\n").first { $0.contains("\"as_of\"") } }
            guard asOf(kept) == asOf(recomputed) else { continue }
            #expect(kept == recomputed)
            compared = true
        }
        #expect(compared)
    }
}
