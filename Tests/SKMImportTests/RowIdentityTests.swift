import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Survey files without an id column: distinct rows are never merged, whatever their content,
/// and re-imports (same file, later export, other `--map`) add only what is new.
@Suite struct RowIdentityTests {
    static let header = "tanggal,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9,catatan\n"
    static let same = "2024-03-04,ktp,4,4,4,4,4,4,4,4,4,\n"
    static let other = "2024-03-05,kk,3,3,3,3,3,3,3,3,3,ok\n"

    func run(_ path: String, _ store: Store, map: [(column: String, field: String)] = []) throws -> ImportReport {
        try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh", columnMap: map))
    }

    @Test func identicalRespondentsStayDistinctAndReimportsAddOnlyWhatIsNew() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try TestCatalog.store()
        let first = try writeTemp("skm.csv", Self.header + Self.same + Self.other + Self.same + Self.same, in: dir)

        let r1 = try run(first, store)
        #expect(r1.counts.inserted == 4)
        #expect(try store.count("response") == 4)
        #expect(try store.responseTallies(agency: "kab-contoh", period: .quarter(2024, 1))["ktp"]?.respondents == 3)

        let r2 = try run(first, store)
        #expect(r2.counts.inserted == 0)
        #expect(r2.counts.unchanged == 4)

        // A later export of the same form: two rows appended, one identical to the earlier three.
        let later = try writeTemp("skm-later.csv", Self.header + Self.same + Self.other + Self.same + Self.same + Self.same
                                   + "2024-03-06,akta-lahir,2,2,2,2,2,2,2,2,2,\n", in: dir)
        let r3 = try run(later, store)
        #expect(r3.counts.inserted == 2)
        #expect(r3.counts.unchanged == 4)
        #expect(try store.count("response") == 6)

        // The same file with another mapping: the rows are the same rows (now changed), not new ones.
        let r4 = try run(later, store, map: [(column: "catatan", field: "saran")])
        #expect(r4.counts.inserted == 0)
        #expect(r4.counts.unchanged == 5)
        #expect(r4.conflicts == 1)  // the one row with a note: its saran would change
        #expect(try store.count("response") == 6)
    }

    /// A Google Forms export: the timestamp is the identity, so a cell corrected in the sheet
    /// and exported again is the same respondent (a conflict to replace), not a second one.
    @Test func aFormTimestampIdentifiesTheRow() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try TestCatalog.store()
        let head = "Stempel waktu,Jenis Layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
        let a = "04/03/2024 9:15:32,ktp,4,4,4,4,4,4,4,4,4\n"
        let b = "04/03/2024 9:15:32,ktp,3,3,3,3,3,3,3,3,3\n"  // same second, another respondent
        let path = try writeTemp("form.csv", head + a + b + a, in: dir)
        #expect(try run(path, store).counts.inserted == 3)
        let corrected = try writeTemp("form2.csv", head + a + b + "04/03/2024 9:15:32,ktp,4,4,4,4,4,4,4,4,2\n"
                                      + "05/03/2024 8:00:00,kk,4,4,4,4,4,4,4,4,4\n", in: dir)
        let r = try run(corrected, store)
        #expect(r.counts.inserted == 1)
        #expect(r.counts.unchanged == 2)
        #expect(r.conflicts == 1)
        #expect(try store.count("response") == 4)
    }

    /// A store written by the old scheme (one `h…` id per distinct content): re-importing that
    /// file finds the stored row and adds back only the respondents it had merged.
    @Test func rowsStoredUnderTheOldSchemeAreRecognised() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try TestCatalog.store()
        let cells = "2024-03-04,ktp,4,4,4,4,4,4,4,4,4"
        var fp = Fingerprint()
        for c in cells.split(separator: ",", omittingEmptySubsequences: false) { fp.add(String(c)) }
        let legacy = "h" + String(UInt64(bitPattern: fp.value), radix: 16)
        _ = try store.importBatch(kind: .responses, file: "old.csv") { w in
            try w.insert(SurveyResponse(id: legacy, agency: "kab-contoh", service: "ktp", date: LocalDate(year: 2024, month: 3, day: 4)!,
                                        answers: [4, 4, 4, 4, 4, 4, 4, 4, 4]))
        }
        let path = try writeTemp("old.csv", "tanggal,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n" + [cells, cells, cells].joined(separator: "\n") + "\n", in: dir)
        let r = try run(path, store)
        #expect(r.counts.unchanged == 1)
        #expect(r.counts.inserted == 2)
        #expect(try store.count("response") == 3)
        #expect(try run(path, store).counts.unchanged == 3)
    }
}
