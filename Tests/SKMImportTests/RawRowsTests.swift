import Foundation
import Testing
import SKMDomain
@testable import SKMStorage
@testable import SKMImport

/// The byte path (Sources/SKMImport/RawRow.swift) is only a faster way to the same result: a
/// record the CSV reader offers as a `RawRow` has the cells `nextRecord` would give it, and a
/// file imported with the byte path stores, rejects and warns exactly as without it.
@Suite struct RawRowsTests {
    /// Plain rows, quoted fields, doubled quotes, a quote inside a field, CRLF and CR line
    /// ends, a blank line, a multi-line field, non-ASCII, a short and a long row, no final LF.
    static let tricky = "id,name,note\r\n"
        + "1,Ani,plain\r\n"
        + "2,\"Budi, S.\",\"quoted, with delimiter\"\r\n"
        + "3,\"Citra\",\"say \"\"hi\"\"\"\r\n"
        + "\r\n"
        + "4,De\"wi,bad quote\n"
        + "5,\"Eka\"x,text after quote\r"
        + "6,Fajar,\"two\nlines\"\n"
        + "7,Gita,Rp 5.000 – non-ASCII\n"
        + "8,Hadi\n"
        + "9,Indah,one,too many\n"
        + "10,\"\",\n"
        + "11, Joko ,spaces kept\n"
        + "13,\"\"\"\",\"a\"\"b\"\"c\"\"\"\n"
        + "14,\"\"\"lead\",\"\"\n"
        + "12,Kiki,last"

    @Test(arguments: [8, 13, 32, 64, 1 << 16])
    func rawRecordsHaveTheCellsTheUsualReadGives(bufferSize: Int) throws {
        let bytes = Array(Self.tricky.utf8)
        var usual: [SourceEvent] = []
        try CSVReader(bytes: bytes, bufferSize: bufferSize).read(header: { _ in }, row: { usual.append($0) })

        // Taking every other record (the declined ones must still be read), then every one.
        for every in [2, 1] {
            let reader = try CSVReader(bytes: bytes, bufferSize: bufferSize)
            var offered: [Int] = []
            var both: [SourceEvent] = []
            var takenRows: [Int: SourceRow] = [:]
            reader.offerRaw = { raw in
                offered.append(raw.line)
                guard raw.line % every == 0 else { return false }
                let cells = (0..<raw.count).map { String(decoding: raw.field($0), as: UTF8.self) }
                takenRows[raw.line] = SourceRow(line: raw.line, cells: cells)
                both.append(.row(SourceRow(line: raw.line, cells: cells)))
                return true
            }
            try reader.read(header: { _ in }, row: { both.append($0) })
            #expect(both == usual)
            // With the whole file in one buffer, exactly the plain records are offered: 1, 2, 3,
            // 10, 11, 13, 14 (lines 2, 3, 4, 13–16); not 4–6, 7 (non-ASCII), 8, 9 or 12 (no LF).
            if bufferSize == 1 << 16 {
                #expect(offered == [2, 3, 4, 13, 14, 15, 16])
                #expect(takenRows.keys.sorted() == (every == 2 ? [2, 4, 14, 16] : offered))
                #expect(takenRows[4]?.cells == ["3", "Citra", "say \"hi\""])
                #expect(takenRows[14]?.cells == ["11", " Joko ", "spaces kept"])
                #expect(takenRows[16]?.cells == ["14", "\"lead", ""])
                if every == 1 { #expect(takenRows[15]?.cells == ["13", "\"", "a\"b\"c\""]) }
            }
        }
    }

    /// Rows the byte path reads and rows it leaves to the `String` path, side by side.
    static let responses = """
        id,agency,service,date,gender,age,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran,transaction_id
        R1,kab-contoh,ktp,2024-03-04,L,34,SMA,Wiraswasta,4,3,3,4,3,3,4,2,3,"Antrian lama, mohon ditambah loket",T1
        R2,kab-contoh,kk,2024-03-05,P,,S1,PNS,3,3,3,4,3,3,3,1,3,,
        R3,Dinas Dukcapil Kabupaten Contoh,Penerbitan KTP-el,05/03/2024,L,40,SMA,Petani,3,4,3,4,3,3,3,3,3,,
        R4,kab-contoh,ktp,2024-03-06,laki-laki,40,SMA,Petani,3,3,3,4,3,3,3,3,3,,
        R5,kab-contoh,ktp,2024-03-06,P,40 tahun,SMA,Petani,2,2,2,2,2,2,2,2,2,,
        R6,kota-timur,izin-usaha,2024-03-06,P,51,S2,Swasta,4,4,4,4,4,4,4,4,4,,
        R7,kota-timur,izin-usaha,2024-03-06T23:30+07:00,P,9,S2,Swasta,4,4,4,4,4,4,4,4,4,,
        R8,kab-contoh,ktp,2024-03-07,P,30,SMA, Petani ,Sangat sesuai,3,3,3,3,3,3,3,3,,
        R9,kab-contoh,ktp,2024-03-07,P,30,SMA,Petani,5,3,3,3,3,3,3,3,3,,
        R10,kab-contoh,paspor,2024-03-07,P,30,SMA,Petani,3,3,3,3,3,3,3,3,3,,
        R11,kab-lain,ktp,2024-03-07,P,30,SMA,Petani,3,3,3,3,3,3,3,3,3,,
        R12,kab-contoh,kk,1999-12-31,P,30,SMA,Petani,3,3,3,3,3,3,3,3,3,,
        ,kab-contoh,kk,2024-03-08,P,30,SMA,Petani,3,3,3,3,3,3,3,3,3,,
        R14,kab-contoh,KK,2024-03-08,P,120,SMA,Petani,3,,3,3,3,3,3,3,3,,
        R15,kab-contoh,kk,2024-03-08,-,121,SMA,Petani,1,1,1,1,1,1,1,1,1,Baik,
        R16,KAB-CONTOH,akta-lahir,2024-03-09,P,030,S3,Dosen,4,4,4,4,4,4,4,4,4,ok,T16

        """

    @Test func theBytePathStoresRejectsAndWarnsExactlyAsTheStringPath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files = [try writeTemp("responses.csv", Self.responses, in: dir)]
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for name in ["skm-app-jawaban-unit.csv", "google-forms-skm.csv"] { files.append(fixtures.appendingPathComponent(name).path) }
        for file in files {
            var usual = ImportOptions(agency: file.hasSuffix("responses.csv") ? nil : "kab-contoh")
            if !file.hasSuffix("responses.csv") { usual.service = "ktp"; usual.surveyDate = LocalDate(year: 2024, month: 3, day: 1) }
            var bytePath = usual
            usual.readsRawRows = false
            #expect(bytePath.readsRawRows)

            func encoded(_ o: ImportOptions) throws -> [[UInt8]] {
                var out: [[UInt8]] = []
                try Importer.readAlone(.responses, file: file, catalog: TestCatalog.agencies, options: o) { out.append($0.bytes) }
                return out
            }
            #expect(try encoded(bytePath) == encoded(usual), "\(file)")

            func report(_ o: ImportOptions) throws -> ImportReport { try Importer.run(.responses, file: file, into: TestCatalog.store(), options: o) }
            let (a, b) = (try report(bytePath), try report(usual))
            #expect(a.counts == b.counts, "\(file)")
            #expect(a.rejects == b.rejects, "\(file)")
            #expect(a.warnings == b.warnings, "\(file)")
            bytePath.readsRawRows = true
        }
    }

    @Test func theHandMadeFileHasRowsOnBothPaths() throws {
        // R1, R2, R3, R6, R16 are plain (R3 names agency and service in words and writes the date
        // day first; R16 writes KAB-CONTOH and age 030, read as the String path reads them); the
        // rest are not, each for its own reason, and their rejects and warnings come from the
        // String path. Counted through the byte path's own answer, row by row.
        let (taken, encoded) = try Self.takenByBytePath(Self.responses, kind: .responses)
        #expect(taken == ["R1", "R2", "R3", "R6", "R16"])
        #expect(encoded.count == taken.count)
    }

    /// Register rows on both paths: a pause, a finish before receipt, an unknown service, a
    /// bad date, an empty id, a zone written out and a time in WIT all go the `String` way.
    static let transactions = """
        id,agency,service,received_at,finished_at,variant,pauses,channel
        T1,kab-contoh,ktp,2024-03-04 09:15,2024-03-05 10:00,,,loket
        T2,kab-contoh,kk,2024-03-04 10:00,,rutin,,online
        T3,kab-contoh,ktp,2024-03-04 11:00,2024-03-08 11:00,,2024-03-05 08:00/2024-03-06 08:00,loket
        T4,kab-contoh,paspor,2024-03-04 11:30,2024-03-04 12:00,,,loket
        T5,kab-contoh,ktp,2024-03-05 09:00,2024-03-04 09:00,,,loket
        T6,kab-contoh,ktp,2024-13-05 09:00,,,,
        T1,kab-contoh,ktp,2024-03-04 09:15,2024-03-05 10:00,,,loket
        T7,kota-timur,izin-usaha,2024-03-04T09:00:00+07:00,2024-03-04 12:00,,,online
        T8,DPMPTSP Kota Timur,Izin Usaha,31/12/2024 23:30,01/01/2025 08:00,,,"loket, lantai 2"
        ,kab-contoh,kk,2024-03-04 10:00,,,,
        T10,kab-contoh,kk, 2024-03-04 10:00,,,,

        """

    @Test func registerRowsStoreAlikeOnBothPaths() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [try writeTemp("register.csv", Self.transactions, in: dir),
                     URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/register-excel-semicolon.csv").path]
        for file in files {
            var bytePath = ImportOptions()
            if file.hasSuffix("semicolon.csv") { bytePath.agency = "kab-contoh"; bytePath.columnMap = [("No. Registrasi", "id")] }
            var usual = bytePath
            usual.readsRawRows = false
            func encoded(_ o: ImportOptions) throws -> [[UInt8]] {
                var out: [[UInt8]] = []
                try Importer.readAlone(.transactions, file: file, catalog: TestCatalog.agencies, options: o) { out.append($0.bytes) }
                return out
            }
            #expect(try encoded(bytePath) == encoded(usual), "\(file)")
            let a = try Importer.run(.transactions, file: file, into: TestCatalog.store(), options: bytePath)
            let b = try Importer.run(.transactions, file: file, into: TestCatalog.store(), options: usual)
            #expect(a.counts == b.counts, "\(file)")
            #expect(a.rejects == b.rejects, "\(file)")
        }

        // T1 (twice), T2, T7, T8 are plain; T8's quoted channel too.
        let (taken, _) = try Self.takenByBytePath(Self.transactions, kind: .transactions)
        #expect(taken == ["T1", "T2", "T1", "T7", "T8"])
    }

    /// The reader's hook holds the reading that set it: cut when the reading ends, or every
    /// import would keep its file open and its buffer (1 MB) for the life of the server.
    @Test func theReaderLetsGoOfTheReadingWhenItEnds() throws {
        let csv = try CSVReader(bytes: Array(Self.transactions.utf8))
        let reading = FileReading(source: csv, kind: .transactions, options: ImportOptions(), catalog: TestCatalog.agencies, progress: nil)
        var rows = 0
        try reading.forEachBatch { rows += $0.rows.count }
        #expect(rows == 7)  // T1, T2, T3, T1, T7, T8, T10; four rejects
        #expect(csv.offerRaw == nil)
    }

    /// The first cell of each row of `csv` that the byte path takes, and the rows it encoded.
    static func takenByBytePath(_ csv: String, kind: ImportKind) throws -> (ids: [String], encoded: EncodedRows) {
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let plan = try ColumnPlan(header: header, kind: kind, overrides: [], layout: .regulationOrder, dateGiven: false)
        let ctx = RowContext(plan: plan, catalog: TestCatalog.agencies, fixedAgency: nil, fixedService: nil,
                             dates: DateParser(order: .dayFirst, acceptsSerial: false))
        let read: (RawRow, inout EncodedRows) -> String? = switch kind {
        case .responses: { [rows = ResponseRows(ctx: ctx, method: .permenPANRB14_2017, identity: nil)] in rows.read($0, into: &$1) }
        case .transactions: { [rows = TransactionRows(ctx: ctx)] in rows.read($0, into: &$1) }
        }
        var taken: [String] = []
        var encoded = EncodedRows()
        let reader = try CSVReader(bytes: Array(csv.utf8))
        reader.offerRaw = { raw in
            guard read(raw, &encoded) != nil else { return false }
            taken.append(String(decoding: raw.field(0), as: UTF8.self))
            return true
        }
        try reader.read(header: { _ in }, row: { _ in })
        return (taken, encoded)
    }
}
