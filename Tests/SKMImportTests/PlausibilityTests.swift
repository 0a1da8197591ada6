import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Values that parse but cannot be true: rejected with a reason when they are required, left
/// empty with a warning when the field is an optional part of the respondent's profile.
@Suite struct PlausibilityTests {
    @Test func aBadOptionalProfileFieldKeepsTheAnswers() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("skm.csv", """
            id,tanggal,layanan,jenis_kelamin,umur,pendidikan,u1,u2,u3,u4,u5,u6,u7,u8,u9
            A,2024-03-04,ktp,L,150,SMA,4,4,4,4,4,4,4,4,4
            B,2024-03-04,ktp,X,30,,3,3,3,3,3,3,3,3,3
            C,2024-03-04,ktp,-,-,,3,3,3,3,3,3,3,3,3
            D,,ktp,L,30,SMA,3,3,3,3,3,3,3,3,3

            """, in: dir)
        let store = try TestCatalog.store()
        let r = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 3)
        #expect(r.counts.rejected == 1)  // D: the date is required
        #expect(r.rejects.map(\.line) == [5])
        let p = ImportReport.warningPrefix
        #expect(r.warnings == [
            RejectRecord(file: path, line: 2, column: "umur", value: "150",
                         reason: p + "umur 150 tidak masuk akal (10–120); kolom dikosongkan, jawaban tetap disimpan", agency: "kab-contoh",
                         position: 5, kind: .warning),
            RejectRecord(file: path, line: 3, column: "jenis_kelamin", value: "X",
                         reason: p + "jenis kelamin harus L atau P; kolom dikosongkan, jawaban tetap disimpan", agency: "kab-contoh",
                         position: 4, kind: .warning),
        ])
        #expect(r.counts.read == r.counts.inserted + r.counts.rejected)
        // Kept beside the rejects, with line and reason, and taken back by an undo with the rows.
        let stored = try store.rejects(agency: "kab-contoh")
        #expect(stored.count == 3)
        #expect(stored.filter { $0.reason.hasPrefix(p) }.map(\.line) == [2, 3])
        let tally = try store.responseTallies(agency: "kab-contoh", period: .quarter(2024, 1))["ktp"]
        #expect(tally?.respondents == 3)
        #expect(tally?.counts[0] == [0, 0, 2, 1])
        let profile = try store.profileCounts(agency: "kab-contoh", period: .quarter(2024, 1), service: "ktp")
        #expect(Dictionary(uniqueKeysWithValues: profile.gender) == ["L": 1, "Tidak diisi": 2])  // X and '-' left empty
        _ = try store.undoImport(try #require(r.batch))
        #expect(try store.rejects(agency: "kab-contoh").isEmpty)
    }

    @Test func datesOutsideThePlausibleRangeAreRejected() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("reg.csv", """
            id,service,received_at,finished_at
            T1,ktp,1999-12-31 09:00,2000-01-03 09:00
            T2,ktp,2000-01-01 00:00,2000-01-03 09:00
            T3,ktp,2024-03-04 09:00,2204-03-05 09:00
            T4,ktp,2100-01-01 09:00,

            """, in: dir)
        let store = try TestCatalog.store()
        let r = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 1)
        #expect(r.rejects.map(\.line) == [2, 4, 5])
        #expect(r.rejects[0].reason == "tanggal 1999-12-31 sebelum 2000-01-01: tidak masuk akal")
        #expect(r.rejects[1].column == "finished_at")
        #expect(r.rejects[1].reason.hasPrefix("tanggal 2204-03-05 lebih dari setahun setelah hari ini (batas "))
    }
}
