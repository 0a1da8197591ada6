import Foundation
import Testing
import SKMDomain
@testable import SKMStorage
import SKMImport

@Suite struct TransactionImportTests {
    /// The demo generator's exact header; rows 5–7 and 9 are bad in four different ways.
    static let csv = """
        id,agency,service,received_at,finished_at,variant,pauses,channel
        T1,kab-contoh,ktp,2024-03-04 09:15,2024-03-05 10:00,,,loket
        T2,kab-contoh,kk,2024-03-04 10:00,,rutin,,online
        T3,kab-contoh,ktp,2024-03-04 11:00,2024-03-08 11:00,,2024-03-05 08:00/2024-03-06 08:00;2024-03-06 12:00/2024-03-07 08:00,loket
        T4,kab-contoh,paspor,2024-03-04 11:30,2024-03-04 12:00,,,loket
        T5,kab-contoh,ktp,2024-03-05 09:00,2024-03-04 09:00,,,loket
        T6,kab-contoh,ktp,2024-13-05 09:00,,,,
        T1,kab-contoh,ktp,2024-03-04 09:15,2024-03-05 10:00,,,loket
        T2,kab-contoh,kk,2024-03-04 10:00,2024-03-06 10:00,rutin,,online
        T7,kota-timur,izin-usaha,2024-03-04T09:00:00+07:00,2024-03-04 12:00,,,online

        """

    // 2024-03-04 is day 19786 since 1970.
    static let day: Int64 = 19786 * 86400
    static let wib: Int64 = 7 * 3600, wit: Int64 = 9 * 3600

    func stored(_ store: Store, agency: String) throws -> [Transaction] {
        var out: [Transaction] = []
        try store.forEachTransaction(agency: agency, period: .year(2024)) { out.append($0) }
        return out
    }

    /// A register of one service has no service column: `--service` supplies it, as the help
    /// says; without it the error asks for it.
    @Test func serviceOptionStandsInForAMissingColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("ktp.csv", "id;tanggal_terima\nK-1;04/03/2024 09:15\n", in: dir)
        let store = try TestCatalog.store()
        let report = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh", service: "ktp"))
        #expect(report.counts.inserted == 1)
        #expect(try stored(store, agency: "kab-contoh").map(\.service) == ["ktp"])
        do {
            _ = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
            Issue.record("expected an error")
        } catch let e as ImportError {
            #expect("\(e)".hasSuffix("ktp.csv has no service column: pass --service CODE"))
        }
    }

    @Test func goodRowsLoadAndEveryBadRowIsExplained() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("register.csv", Self.csv, in: dir)
        let store = try TestCatalog.store()
        let report = try Importer.run(.transactions, file: path, into: store)

        #expect(report.counts.read == 9)
        #expect(report.counts.inserted == 4)
        #expect(report.counts.unchanged == 1)
        #expect(report.counts.rejected == 4)
        #expect(report.conflicts == 1)
        let expected = [
            RejectRecord(file: path, line: 5, column: "service", value: "paspor", reason: "layanan tidak dikenal di instansi kab-contoh", agency: "kab-contoh",
                         position: 3),
            RejectRecord(file: path, line: 6, column: "finished_at", value: "2024-03-04 09:00",
                         reason: "selesai sebelum diterima (2024-03-05 09:00)", agency: "kab-contoh", position: 5),
            RejectRecord(file: path, line: 7, column: "received_at", value: "2024-13-05 09:00", reason: "bulan 13 tidak ada", agency: "kab-contoh",
                         position: 4),
            RejectRecord(file: path, line: 9, column: "id", value: "T2",
                         reason: "id ganda dengan isi berbeda dari yang sudah tersimpan (pakai --replace untuk memperbarui)", agency: "kab-contoh", position: 1),
        ]
        #expect(report.rejects == expected)
        #expect(try store.rejects(agency: "kab-contoh").sorted { $0.line < $1.line } == expected)

        let t = try stored(store, agency: "kab-contoh")
        #expect(t.map(\.id) == ["T1", "T2", "T3"])
        #expect(t[0].receivedAt == Self.day + 9 * 3600 + 15 * 60 - Self.wib)
        #expect(t[0].finishedAt == Self.day + 86400 + 10 * 3600 - Self.wib)
        #expect(t[0].channel == "loket")
        #expect(t[1].finishedAt == nil)
        #expect(t[1].variant == "rutin")
        #expect(t[2].pauses == [
            .init(start: Self.day + 86400 + 8 * 3600 - Self.wib, end: Self.day + 2 * 86400 + 8 * 3600 - Self.wib),
            .init(start: Self.day + 2 * 86400 + 12 * 3600 - Self.wib, end: Self.day + 3 * 86400 + 8 * 3600 - Self.wib),
        ])
        // A time with a zone is absolute; one without is the agency's (WIT) local time.
        let timur = try stored(store, agency: "kota-timur")
        #expect(timur.first?.receivedAt == Self.day + 9 * 3600 - Self.wib)
        #expect(timur.first?.finishedAt == Self.day + 12 * 3600 - Self.wit)
        #expect(try store.transactionCounts(agency: "kota-timur", period: .quarter(2024, 1)) == ["izin-usaha": 1])
    }

    @Test func reimportAddsNothingAndReplaceUpdates() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("register.csv", Self.csv, in: dir)
        let store = try TestCatalog.store()
        _ = try Importer.run(.transactions, file: path, into: store)
        let again = try Importer.run(.transactions, file: path, into: store)
        #expect(again.counts.inserted == 0)
        #expect(again.counts.unchanged == 5)  // T1 twice, T2 of line 3, T3, T7
        #expect(again.counts.rejected == 4)
        #expect(try store.count("service_transaction") == 4)
        #expect(try store.count("reject") == 4)  // the second import's rejects supersede the first's

        let replaced = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(replace: true))
        #expect(replaced.counts.updated == 1)  // line 3's T2 matches the stored row; line 9's overwrites it
        #expect(replaced.counts.rejected == 3)
        #expect(try stored(store, agency: "kab-contoh").first { $0.id == "T2" }?.finishedAt != nil)
    }

    @Test func strictStoresNothingWhenAnyRowIsRejected() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("register.csv", Self.csv, in: dir)
        let store = try TestCatalog.store()
        #expect {
            _ = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(strict: true))
        } throws: { e in
            guard case let ImportError.strictFailed(r) = e else { return false }
            return r.rejects.count == 4 && r.batch == nil
        }
        #expect(try store.count("service_transaction") == 0)
        #expect(try store.count("reject") == 0)
        #expect(try store.count("import_batch") == 0)
    }

    @Test func agencyFromTheCommandLineWhenTheFileHasNone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("loket.csv", """
            No Registrasi;Jenis Layanan;Tanggal Terima;Tanggal Selesai;Nama Pemohon;NIK
            001;Penerbitan KTP-el;04/03/2024 09.15;05/03/2024 10.00;Budi;3201xxxxxxxxxxxx
            002;akta kelahiran;4-3-2024;;Siti;3201yyyyyyyyyyyy
            """, in: dir)
        let store = try TestCatalog.store()
        #expect(throws: ImportError.self) { _ = try Importer.run(.transactions, file: path, into: store) }
        #expect(throws: ImportError.self) {
            _ = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-lain"))
        }
        let r = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 2)
        #expect(r.dropped == ["Nama Pemohon", "NIK"])
        let t = try stored(store, agency: "kab-contoh")
        #expect(t.map(\.service) == ["akta-lahir", "ktp"])  // by name, any case; 4-3-2024 = midnight
        #expect(t[0].receivedAt == Self.day - Self.wib)
        // Nothing personal reached the store.
        let dump = try store.writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT group_concat(agency || id || service || received_date || COALESCE(variant, '') || COALESCE(pauses, '')
                    || COALESCE(channel, '')) FROM service_transaction
                """) ?? ""
        }
        #expect(!dump.contains("Budi") && !dump.contains("3201"))
    }
}
