import Foundation
import Testing
@testable import SKMStorage
import SKMDomain

@Suite struct ImportWriterTests {
    let day = LocalDate(year: 2024, month: 3, day: 4)!

    func tx(_ id: String, finished: Int64? = 2_000) -> Transaction {
        Transaction(id: id, agency: "a", service: "s", receivedAt: 1_000, finishedAt: finished)
    }

    @Test func reimportIsUnchangedAndChangedRowIsAConflictUnlessReplaced() throws {
        let store = try Store()
        let (first, c1, _) = try store.importBatch(kind: .transactions, file: "x.csv") { w in
            try [tx("1"), tx("2")].map { try w.insert($0, receivedDate: day) }
        }
        #expect(first == [.inserted, .inserted])
        #expect(c1.inserted == 2)
        let (second, _, _) = try store.importBatch(kind: .transactions, file: "x.csv") { w in
            try [tx("1"), tx("2", finished: 3_000)].map { try w.insert($0, receivedDate: day) }
        }
        #expect(second == [.unchanged, .conflict])
        let (third, c3, _) = try store.importBatch(kind: .transactions, file: "x.csv") { w in
            try w.insert(tx("2", finished: 3_000), receivedDate: day, replace: true)
        }
        #expect(third == .updated)
        #expect(c3.updated == 1)
        var finished: [Int64?] = []
        try store.forEachTransaction(agency: "a", period: .year(2024)) { finished.append($0.finishedAt) }
        #expect(finished == [2_000, 3_000])
    }

    @Test func aThrownErrorLeavesNothingBehind() throws {
        struct Boom: Error {}
        let store = try Store()
        #expect(throws: Boom.self) {
            _ = try store.importBatch(kind: .transactions, file: "x.csv") { w in
                _ = try w.insert(tx("1"), receivedDate: day)
                try w.reject(RejectRecord(file: "x.csv", line: 3, reason: "bad"))
                throw Boom()
            }
        }
        let n = try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM service_transaction") }
        let r = try store.rejects(agency: nil)
        #expect(n == 0)
        #expect(r.isEmpty)
    }

    @Test func sqlTalliesEqualTheDomainTally() throws {
        let store = try Store()
        let answers: [[Int?]] = [[4, 3, 2, 1, 4, 3, 2, 1, 4], [3, nil, 3, 3, 3, 3, 3, 3, nil], [1, 1, 1, 1, 1, 1, 1, 1, 1]]
        var expected = ResponseTally(unsurCount: 9)
        _ = try store.importBatch(kind: .responses, file: "r.csv") { w in
            for (i, a) in answers.enumerated() {
                expected.add(a)
                _ = try w.insert(SurveyResponse(id: "\(i)", agency: "a", service: "s", date: day, answers: a))
            }
        }
        let got = try store.responseTallies(agency: "a", period: .quarter(2024, 1))["s"]
        #expect(got?.counts == expected.counts)
        #expect(got?.respondents == 3)
        #expect(abs((got?.scoreSum ?? 0) - expected.scoreSum) < 1e-9)
        #expect(abs((got?.scoreSquareSum ?? 0) - expected.scoreSquareSum) < 1e-6)
        #expect(try store.responseTallies(agency: "a", period: .quarter(2024, 2)).isEmpty)
    }
}

/// Error messages name commands that exist (there is no `skm catalog load`).
@Test func unknownAgencySaysToRunInit() {
    #expect(StoreError.unknownAgency("nope").description == "unknown agency 'nope': load the catalog first (skm init) or check the code")
}

@Suite struct RejectTests {
    @Test func reimportingAFileReplacesItsRejectsInsteadOfDuplicatingThem() throws {
        let store = try Store()
        for _ in 0..<2 {
            _ = try store.importBatch(kind: .responses, file: "r.csv") { w in
                try w.reject(RejectRecord(file: "r.csv", line: 7, column: "u3", value: "5", reason: "answer 5 is out of range 1–4"))
            }
        }
        _ = try store.importBatch(kind: .responses, file: "other.csv") { w in
            try w.reject(RejectRecord(file: "other.csv", line: 2, reason: "no date"))
        }
        let rejects = try store.rejects(agency: nil)
        #expect(rejects.map(\.file).sorted() == ["other.csv", "r.csv"])
        #expect(rejects.first { $0.file == "r.csv" }?.line == 7)
    }
}

/// Stored fingerprints outlive the code: a faster implementation must give the same values,
/// or every re-import of an existing store would report each row as changed.
@Suite struct FingerprintTests {
    @Test func valuesAreFNV1aAsFirstStored() {
        var fp = Fingerprint()
        fp.add("Penerbitan KTP-el ✓")
        fp.add(Int64(1_709_500_000))
        fp.add(nil as String?)
        #expect(fp.value == 6_991_527_259_624_205_110)  // computed independently (Python)
    }

    /// Small integers take a shortcut (one multiply for their seven zero bytes): same values.
    @Test func smallIntegersHashAsEightBytes() {
        var fp = Fingerprint()
        for v: Int64 in [4, 0, 255, 256, -1] { fp.add(v) }
        #expect(fp.value == 3_028_331_619_433_296_720)  // computed independently (Python), byte by byte
    }
}
