import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

@Suite struct XLSXReaderTests {
    func events(_ path: String, sheet: String? = nil) throws -> (header: [String], events: [SourceEvent]) {
        let r = try XLSXReader(path: path, sheet: sheet)
        var header: [String] = []
        var events: [SourceEvent] = []
        try r.read(header: { header = $0 }, row: { events.append($0) })
        return (header, events)
    }

    /// Written by openpyxl: inline strings, numbers, date-styled cells; data on the 2nd sheet.
    @Test func dateCellsComeOutAsLocalISOText() throws {
        let path = try fixture("register-openpyxl.xlsx")
        let (first, _) = try events(path)
        #expect(first == ["Isi lembar Register: satu baris per permohonan."])
        let (h, e) = try events(path, sheet: "register")
        #expect(h == ["No Registrasi", "Jenis Layanan", "Tanggal Terima", "Tanggal Selesai", "Nama Pemohon", "Kanal"])
        #expect(e == [
            row(2, "1001", "Penerbitan KTP-el", "2024-03-04 09:15", "2024-03-05 10:00", "Budi", "Loket"),
            row(3, "1002", "kk", "2024-03-04 10:00", "", "Siti", "Online"),
            row(4, "1003", "ktp", "04/03/2024 11:00", "2024-03-08 11:00", "Ani", ""),
            row(5, "1004", "ktp", "2024-03-05 09:00", "2024-03-04 09:00", "Joko", "Loket"),
        ])
        #expect(throws: TableFileError.noSuchSheet(file: path, sheet: "Data", available: ["Petunjuk", "Register"])) {
            _ = try XLSXReader(path: path, sheet: "Data")
        }
    }

    /// Hand-written like other writers: shared strings with rich-text runs and a phonetic run,
    /// a prefixed namespace, an absolute part path, a header on row 2, a skipped row and
    /// cell, an unstyled serial date, a boolean, and a cell right of the header.
    @Test func sharedStringsSparseRowsAndStrayCells() throws {
        let (h, e) = try events(try fixture("handmade.xlsx"))
        #expect(h == ["id", "layanan", "tanggal_terima", "tanggal_selesai", "Catatan & lain"])
        #expect(e == [
            row(3, "H-1", "Penerbitan KTP-el", "45355.385416666664", "", "1"),
            row(5, "H-2", "kk", "2024-03-04 10:00", "45356.5", ""),
            .malformed(line: 6, reason: "ada isi di kolom G, di luar kolom header"),
        ])
    }

    @Test func importsFromAWorkbook() throws {
        let path = try fixture("register-openpyxl.xlsx")
        let store = try TestCatalog.store()
        let r = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh", sheet: "Register"))
        #expect(r.counts.inserted == 3)
        #expect(r.dropped == ["Nama Pemohon"])
        #expect(r.rejects == [RejectRecord(file: path, line: 5, column: "Tanggal Selesai", value: "2024-03-04 09:00",
                                           reason: "selesai sebelum diterima (2024-03-05 09:00)", agency: "kab-contoh", position: 4)])
        let hand = try fixture("handmade.xlsx")
        let r2 = try Importer.run(.transactions, file: hand, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r2.counts.inserted == 2)
        #expect(r2.ignored == ["Catatan & lain"])
        var received: [String: Int64] = [:]
        try store.forEachTransaction(agency: "kab-contoh", period: .year(2024)) { received[$0.id] = $0.receivedAt }
        let day: Int64 = 19786 * 86400, wib: Int64 = 7 * 3600
        #expect(received["H-1"] == day + 9 * 3600 + 15 * 60 - wib)  // serial 45355.3854… in WIB
        #expect(received["1001"] == day + 9 * 3600 + 15 * 60 - wib)
    }

    @Test func notAWorkbook() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("x.xlsx", "id,service\n", in: dir)
        #expect(throws: TableFileError.corrupt(file: path, reason: "not a ZIP archive")) { _ = try XLSXReader(path: path) }
        let xls = try writeTemp("old.xls", "", in: dir)
        #expect(throws: TableFileError.self) { _ = try openTable(path: xls) }
    }
}
