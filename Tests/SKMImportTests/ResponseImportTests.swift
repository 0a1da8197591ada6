import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

@Suite struct ResponseImportTests {
    /// The demo generator's exact header: u1…u9 in the regulation's order (u8 Pengaduan, u9 Sarana).
    static let csv = """
        id,agency,service,date,gender,age,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran,transaction_id
        R1,kab-contoh,ktp,2024-03-04,L,34,SMA,Wiraswasta,4,3,3,4,3,3,4,2,3,"Antrian lama, mohon
        ditambah loket",T1
        R2,kab-contoh,kk,2024-03-05,P,,S1,PNS,3,3,,4,3,3,3,,3,,
        R3,kab-contoh,ktp,2024-03-05,L,40,SMA,Petani,3,5,3,4,3,3,3,3,3,,
        R4,kab-contoh,ktp,2024-03-06,X,40,SMA,Petani,3,3,3,4,3,3,3,3,3,,
        R5,kab-contoh,ktp,2024-03-06,P,40,SMA,Petani,,,,,,,,,,,
        R6,kota-timur,izin-usaha,2024-03-06,P,51,S2,Swasta,4,4,4,4,4,4,4,4,4,,

        """

    @Test func demoResponsesLoadWithAnswersInUnsurOrder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("responses.csv", Self.csv, in: dir)
        let store = try TestCatalog.store()
        let report = try Importer.run(.responses, file: path, into: store)
        #expect(report.counts.read == 6)
        #expect(report.counts.inserted == 4)
        #expect(report.rejects == [
            RejectRecord(file: path, line: 5, column: "u2", value: "5", reason: "jawaban 5 di luar rentang 1–4", agency: "kab-contoh",
                         position: 10),
            RejectRecord(file: path, line: 7, reason: "tidak ada satu pun jawaban", agency: "kab-contoh"),
        ])
        // An unknown gender costs the field, not the nine answers.
        #expect(report.warnings == [
            RejectRecord(file: path, line: 6, column: "gender", value: "X", reason: ImportReport.warningPrefix
                         + "jenis kelamin harus L atau P; kolom dikosongkan, jawaban tetap disimpan", agency: "kab-contoh",
                         position: 5, kind: .warning),
        ])
        let tallies = try store.responseTallies(agency: "kab-contoh", period: .quarter(2024, 1))
        #expect(tallies["ktp"]?.respondents == 2)
        #expect(tallies["ktp"]?.counts[7] == [0, 1, 1, 0])  // U8 Pengaduan answered 2 (R1) and 3 (R4)
        #expect(tallies["kk"]?.counts[2] == [0, 0, 0, 0])   // U3 left empty
        #expect(try store.suggestions(agency: "kab-contoh", period: .quarter(2024, 1)).map(\.text) == ["Antrian lama, mohon\nditambah loket"])
        let again = try Importer.run(.responses, file: path, into: store)
        #expect(again.counts.inserted == 0 && again.counts.unchanged == 4)
        #expect(try store.count("response") == 4)
    }
}
