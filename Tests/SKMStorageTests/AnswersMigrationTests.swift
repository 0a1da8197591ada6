import Foundation
import GRDB
import Testing
@testable import SKMStorage
import SKMDomain

/// Migration v4 folds the fourteen answer columns into one text: a store written before it
/// must keep every answer, its scores, and recognise its rows when the same file comes again.
@Suite struct AnswersMigrationTests {
    @Test func answersMoveIntoOneTextAndRowsStayRecognised() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-v4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let response = SurveyResponse(id: "R1", agency: "a", service: "s", date: LocalDate(year: 2024, month: 3, day: 4)!,
                                      answers: [4, 3, nil, 2, 1, 4, 4, 3, nil],
                                      profile: RespondentProfile(gender: "P", age: 31, education: "SMA", occupation: nil),
                                      saran: "Antrian lama")

        // A store as v3 left it, with the row and fingerprint the v3 writer stored.
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "v3: drop the date indexes")
            var fp = Fingerprint()
            fp.add("s"); fp.add("2024-03-04"); fp.add(response.method)
            for i in 0..<14 { fp.add((i < 9 ? response.answers[i] : nil).map { Int64($0) }) }
            fp.add("P"); fp.add(Int64(31)); fp.add("SMA"); fp.add(nil as String?); fp.add("Antrian lama"); fp.add(nil as String?)
            try old.write { db in
                try db.execute(sql: "INSERT INTO import_batch (kind, file, imported_at) VALUES ('responses', 'x.csv', 0)")
                try db.execute(sql: """
                    INSERT INTO response (agency, id, service, date, method, a1, a2, a3, a4, a5, a6, a7, a8, a9,
                                          gender, age, education, occupation, saran, transaction_id, fingerprint, batch)
                    VALUES ('a', 'R1', 's', '2024-03-04', ?, 4, 3, NULL, 2, 1, 4, 4, 3, NULL, 'P', 31, 'SMA', NULL, 'Antrian lama', NULL, ?, 1)
                    """, arguments: [response.method, fp.value])
            }
        }

        let store = try Store(path: path)  // migrates to v4
        let stored = try store.writer.read { db in
            (try String.fetchOne(db, sql: "SELECT answers FROM response"),
             try Row.fetchOne(db, sql: "SELECT a1, a2, a3, a4, a8, a9, a10 FROM response_answer"))
        }
        #expect(stored.0 == "43-21443")  // trailing unanswered unsur are simply absent
        let row = try #require(stored.1)
        #expect(row["a1"] as Int? == 4 && row["a2"] as Int? == 3 && row["a3"] as Int? == nil && row["a4"] as Int? == 2)
        #expect(row["a8"] as Int? == 3 && row["a9"] as Int? == nil && row["a10"] as Int? == nil)

        let tally = try #require(try store.responseTallies(agency: "a", period: .year(2024))["s"])
        var expected = ResponseTally(unsurCount: 9)
        expected.add(response.answers)
        #expect(tally == expected)

        let (outcome, _, _) = try store.importBatch(kind: .responses, file: "x.csv") { w in try w.insert(response) }
        #expect(outcome == .unchanged)
    }

    @Test func answerTextRoundTrips() {
        let answers: [Int?] = [1, 2, 3, 4, nil, 4, nil, nil, nil]
        let text = EncodedRows.answerText(answers)
        #expect(text == "1234-4---")
        var back = [Int?](repeating: 0, count: 9)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { AnswerText.decode($0.baseAddress, count: $0.count, into: &back) }
        #expect(back == answers)
    }
}
