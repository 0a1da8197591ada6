import Foundation
import SKMDomain
import SKMPostgres
import SKMStorage
import Testing

/// The import guarantees of SurveyStore.swift on PostgreSQL, in both of its writer's modes:
/// statements (a batch's first 64 rows) and COPY (past them).
@Suite(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct PostgresImportTests {
    static func response(_ i: Int, agency: String = "a", answer: Int = 3, saran: String? = nil) -> SurveyResponse {
        SurveyResponse(id: String(format: "R%05d", i), agency: agency, service: "s", date: LocalDate(year: 2025, month: 3, day: 1 + i % 28)!,
                       answers: Array(repeating: answer, count: 9), saran: saran)
    }

    @Test(arguments: [10, 500])
    func reimportAddsNothingAndChangedRowsConflictOrReplace(rows n: Int) throws {
        try TestDatabase.with { pg in
            let (_, first, _) = try pg.importBatch(kind: .responses, file: "r.csv") { w in
                for i in 0..<n {
                    let outcome = try w.insert(Self.response(i, saran: i == 0 ? "tab\there\\ and\nnewline" : nil))
                    #expect(outcome == .inserted)
                }
            }
            #expect(first.inserted == n && first.read == n)
            let (outcomes, second, _) = try pg.importBatch(kind: .responses, file: "r.csv") { w in
                try (0..<n).map { try w.insert(Self.response($0, saran: $0 == 0 ? "tab\there\\ and\nnewline" : nil)) }
            }
            #expect(Set(outcomes) == [.unchanged])
            #expect(second.inserted == 0 && second.unchanged == n)
            // The text that needs COPY's escapes came back as it went in.
            let saran = try pg.suggestions(agency: "a", period: Period(parsing: "2025-03")!)
            #expect(saran.map(\.text) == ["tab\there\\ and\nnewline"])
            let (changed, third, _) = try pg.importBatch(kind: .responses, file: "r.csv") { w in
                [try w.insert(Self.response(1, answer: 4)), try w.insert(Self.response(2, answer: 4), replace: true),
                 try w.insert(Self.response(n + 1))]
            }
            #expect(changed == [.conflict, .updated, .inserted])
            #expect(third.read == 2 && third.updated == 1 && third.inserted == 1)
            let tally = try pg.responseTallies(agency: "a", period: Period(parsing: "2025-03")!)["s"]!
            #expect(tally.respondents == n + 1)
            #expect(tally.counts[0] == [0, 0, n, 1])  // row 2 now answers 4; row 1 kept its 3
        }
    }

    /// Past the first 64 rows (COPY mode), with agencies alternating row by row: a conflict
    /// leaves the stored content as the reference (the same row again is unchanged), a
    /// replacement overwrites it, and the agencies' ids never mix.
    @Test func inCopyModeConflictsKeepTheStoredContentAndAgenciesStayApart() throws {
        try TestDatabase.with { pg in
            _ = try pg.importBatch(kind: .responses, file: "first.csv") { w in
                for i in 0..<100 { _ = try w.insert(Self.response(i, agency: i % 2 == 0 ? "a" : "b")) }
            }
            let (outcomes, counts, _) = try pg.importBatch(kind: .responses, file: "second.csv") { w in
                var out: [RowOutcome] = []
                for i in 0..<100 { out.append(try w.insert(Self.response(i, agency: i % 2 == 0 ? "b" : "a"))) }  // same ids, other agency
                out.append(try w.insert(Self.response(0, agency: "a", answer: 4)))                // conflict
                out.append(try w.insert(Self.response(0, agency: "a")))                           // as stored: unchanged
                out.append(try w.insert(Self.response(2, agency: "a", answer: 4), replace: true)) // updated
                out.append(try w.insert(Self.response(2, agency: "a", answer: 4)))                // as now stored: unchanged
                return out
            }
            #expect(outcomes.prefix(100).allSatisfy { $0 == .inserted })
            #expect(Array(outcomes.dropFirst(100)) == [.conflict, .unchanged, .updated, .unchanged])
            #expect(counts.read == 103 && counts.inserted == 100 && counts.unchanged == 2 && counts.updated == 1)
            let a = try pg.responseTallies(agency: "a", period: Period(parsing: "2025-03")!)["s"]!
            let b = try pg.responseTallies(agency: "b", period: Period(parsing: "2025-03")!)["s"]!
            #expect(a.respondents == 100 && b.respondents == 100)
            #expect(a.counts[0] == [0, 0, 99, 1] && b.counts[0] == [0, 0, 100, 0])
        }
    }

    /// `skm bench`'s floor row: the server copies the rows from a file, and they arrive as the
    /// import stores them (escapes included), replacing what the table held.
    @Test func serverSideCopyStoresTheRowsAsTheImportWould() throws {
        try TestDatabase.with { pg in
            _ = try pg.importBatch(kind: .responses, file: "old.csv") { w in _ = try w.insert(Self.response(999)) }
            var first = EncodedRows(), second = EncodedRows()
            for i in 0..<50 { first.append(Self.response(i, answer: 1 + i % 4, saran: i == 7 ? "tab\there\\ and\nnewline" : nil)) }
            for i in 50..<60 { second.append(Self.response(i, answer: 4)) }
            #expect(try pg.serverSideCopySeconds(kind: .responses, batches: [first, second]) != nil)
            let tally = try pg.responseTallies(agency: "a", period: Period(parsing: "2025-03")!)["s"]!
            #expect(tally.respondents == 60)  // the 999th row went with the table's old content
            #expect(tally.counts[0] == [13, 13, 12, 22])  // answers 1…4 by i % 4 for 0..<50, then ten 4s
            let saran = try pg.suggestions(agency: "a", period: Period(parsing: "2025-03")!)
            #expect(saran.map(\.text) == ["tab\there\\ and\nnewline"])
        }
    }

    @Test func rejectsAreKeptWithFileLineColumnAndReasonAndFiledUnderTheAgency() throws {
        try TestDatabase.with { pg in
            let (_, counts, _) = try pg.importBatch(kind: .responses, file: "office.csv") { w in
                _ = try w.insert(Self.response(1))
                try w.reject(RejectRecord(file: "office.csv", line: 7, column: "u3", value: "5", reason: "jawaban 5 di luar rentang 1–4", agency: "a",
                                          position: 12))
                try w.warn(RejectRecord(file: "office.csv", line: 2, column: "umur", reason: "peringatan (baris tetap disimpan): umur kosong",
                                        agency: "a", position: 4, kind: .warning))
                try w.reject(RejectRecord(file: "office.csv", line: 3, column: nil, value: nil, reason: "baris tidak terbaca"))
                try w.attributeUnattributedRejects(to: "a")
            }
            #expect(counts.read == 3 && counts.rejected == 2 && counts.inserted == 1)
            let rejects = try pg.rejects(agency: "a")
            // Position and kind come back as written (SQLite's v7; here migration 3).
            #expect(rejects == [
                RejectRecord(file: "office.csv", line: 2, column: "umur", reason: "peringatan (baris tetap disimpan): umur kosong",
                             agency: "a", position: 4, kind: .warning),
                RejectRecord(file: "office.csv", line: 3, column: nil, value: nil, reason: "baris tidak terbaca", agency: "a"),
                RejectRecord(file: "office.csv", line: 7, column: "u3", value: "5", reason: "jawaban 5 di luar rentang 1–4", agency: "a",
                             position: 12),
            ])
            #expect(try pg.rejectCount(agency: "b") == 0)
        }
    }

    struct Boom: Error {}

    @Test(arguments: [20, 3000])
    func aFailedImportLeavesTheDatabaseAsItWas(rows n: Int) throws {
        try TestDatabase.with { pg in
            _ = try pg.importBatch(kind: .responses, file: "kept.csv") { w in _ = try w.insert(Self.response(99_999)) }
            #expect(throws: Boom.self) {
                _ = try pg.importBatch(kind: .responses, file: "lost.csv") { w in
                    for i in 0..<n { _ = try w.insert(Self.response(i)) }
                    try w.reject(RejectRecord(file: "lost.csv", line: 2, reason: "x"))
                    throw Boom()
                }
            }
            #expect(try pg.importBatches().map(\.file) == ["kept.csv"])
            #expect(try pg.responseTallies(agency: "a", period: Period(parsing: "2025")!)["s"]?.respondents == 1)
            #expect(try pg.rejectCount(agency: nil) == 0)
            // The store is still usable after the abandoned COPY.
            let (_, counts, _) = try pg.importBatch(kind: .responses, file: "lost.csv") { w in
                for i in 0..<n { _ = try w.insert(Self.response(i)) }
            }
            #expect(counts.inserted == n)
            let undone = try pg.undoImport(try pg.importBatches().last!.id)
            #expect(undone.rowsRemoved == n)
        }
    }
}
