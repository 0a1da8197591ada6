import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Every input limit of docs/input-limits.md at its boundary: the limit is accepted, one more
/// is refused with the file, line and column named.
@Suite struct InputLimitsTests {
    static let responseHeader = "id,tanggal,layanan,jenis_kelamin,pendidikan,saran,u1,u2,u3,u4,u5,u6,u7,u8,u9"

    /// Imports `text` as a file of `kind` into a fresh store.
    func run(_ kind: ImportKind, _ text: String, options: ImportOptions = ImportOptions(agency: "kab-contoh")) throws
        -> (ImportReport, Store, String) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("limits.csv", text, in: dir)
        let store = try TestCatalog.store()
        return (try Importer.run(kind, file: path, into: store, options: options), store, path)
    }

    /// The `ImportError.tooLarge` fault an import throws, nil when it throws none or another.
    func fault(_ kind: ImportKind, _ text: String, options: ImportOptions = ImportOptions(agency: "kab-contoh")) throws -> InputLimitFault? {
        do {
            _ = try run(kind, text, options: options)
            return nil
        } catch let ImportError.tooLarge(_, fault) {
            return fault
        }
    }

    @Test func aFieldOfTheLimitLoadsAndOneMoreIsRejectedWithItsColumn() throws {
        let ok = String(repeating: "v", count: InputLimits.fieldCharacters)
        let csv = "id,service,received_at,variant\nT1,ktp,2024-03-04 09:00,\(ok)\nT2,ktp,2024-03-04 09:00,\(ok)w\n"
        let (r, store, path) = try run(.transactions, csv)
        #expect(r.counts.inserted == 1)
        #expect(r.rejects == [RejectRecord(file: path, line: 3, column: "variant", value: String(repeating: "v", count: 199) + "…",
                                           reason: "isi kolom 1001 karakter, lebih dari batas 1000", position: 4)])
        #expect(try store.rejects(agency: "kab-contoh").first?.value?.count == InputLimits.rejectValueCharacters)
    }

    @Test func saranAndProfileLabelsHaveTheirOwnLimits() throws {
        let answers = ",4,4,4,4,4,4,4,4,4"
        let saran = String(repeating: "s", count: InputLimits.saranCharacters)
        let label = String(repeating: "p", count: InputLimits.profileLabelCharacters)
        let csv = """
            \(Self.responseHeader)
            A,2024-03-04,ktp,L,\(label),\(saran)\(answers)
            B,2024-03-04,ktp,L,\(label),\(saran)x\(answers)
            C,2024-03-04,ktp,L,\(label)x,\(answers)

            """
        let (r, _, _) = try run(.responses, csv)
        #expect(r.counts.inserted == 1)
        #expect(r.rejects.map(\.line) == [3, 4])
        #expect(r.rejects.map(\.column) == ["saran", "pendidikan"])
        #expect(r.rejects.map(\.position) == [6, 5])
        #expect(r.rejects.map(\.reason) == ["isi kolom 2001 karakter, lebih dari batas 2000", "isi kolom 101 karakter, lebih dari batas 100"])
    }

    @Test func aHeaderNameOfTheLimitLoadsAndOneMoreRefusesTheFile() throws {
        let name = String(repeating: "h", count: InputLimits.headerCharacters)
        let (r, _, _) = try run(.transactions, "id,service,received_at,\(name)\nT1,ktp,2024-03-04 09:00,x\n")
        #expect(r.counts.inserted == 1)
        #expect(r.ignored == [name])
        #expect(try fault(.transactions, "id,service,received_at,\(name)h\nT1,ktp,2024-03-04 09:00,x\n")
            == .headerName(column: 4, characters: 1001))
    }

    @Test func aHeaderOfTheColumnLimitLoadsAndOneMoreRefusesTheFile() throws {
        func csv(_ columns: Int) -> String {
            let extra = (4...columns).map { "c\($0)" }
            return (["id", "service", "received_at"] + extra).joined(separator: ",") + "\n"
                + (["T1", "ktp", "2024-03-04 09:00"] + extra.map { _ in "" }).joined(separator: ",") + "\n"
        }
        let (r, _, _) = try run(.transactions, csv(InputLimits.columns))
        #expect(r.counts.inserted == 1)
        #expect(try fault(.transactions, csv(InputLimits.columns + 1)) == .headerColumns(count: 201))
        #expect(ImportError.tooLarge(file: "f.csv", .headerColumns(count: 201)).description
            == "f.csv: line 1: the header has 201 columns, more than the limit of 200; nothing was stored")
    }

    @Test func aRowCapStoresNothingOfAFileOneRowOver() throws {
        var options = ImportOptions(agency: "kab-contoh")
        options.maxRows = 3
        let rows = (1...4).map { "T\($0),ktp,2024-03-04 09:00" }
        let (r, _, _) = try run(.transactions, "id,service,received_at\n" + rows.prefix(3).joined(separator: "\n") + "\n", options: options)
        #expect(r.counts.inserted == 3)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("over.csv", "id,service,received_at\n" + rows.joined(separator: "\n") + "\n", in: dir)
        let store = try TestCatalog.store()
        #expect(throws: ImportError.self) { try Importer.run(.transactions, file: path, into: store, options: options) }
        #expect(try store.importBatches().isEmpty)
        #expect(InputLimitFault.uploadRows(line: 5).english == "line 5: more than 250000 rows, the limit of one upload; split the file")
    }

    /// A header at the limits (200 names of 1,000 characters) and 20,000 bad rows: each stored
    /// reject keeps 64 characters of the name and the position, never the header again.
    @Test func aHugeHeaderWithManyBadRowsStaysSmallInTheStore() throws {
        let names: [String] = (1...InputLimits.columns).map { (i: Int) -> String in
            String(repeating: "h", count: InputLimits.headerCharacters - 4) + String(i + 1000)
        }
        var csv = "id,received_at," + names.dropFirst(2).joined(separator: ",") + "\n"
        let empty = String(repeating: ",", count: InputLimits.columns - 3)
        for i in 0..<20_000 { csv += "T\(i),2024-03-04 09:00,paspor\(empty)\n" }
        let options = ImportOptions(agency: "kab-contoh", columnMap: [(names[2], "service")])
        let (r, store, path) = try run(.transactions, csv, options: options)
        #expect(r.counts.rejected == 20_000)
        let q = try store.query(sql: """
            SELECT MAX(length(column_name)), MIN(position), MAX(position), SUM(length(column_name) + length(value) + length(reason) + length(file))
            FROM reject
            """, arguments: [:])
        let perReject = Int64(64 + 6 + 44 + path.count)  // name cut to 64, "paspor", the reason, the file
        #expect(q.rows.first == [.integer(64), .integer(3), .integer(3), .integer(20_000 * perReject)])
    }

    @Test func rejectValuesAreEscapedOnTheTerminal() throws {
        let csv = "id,service,received_at\nT1,\u{1B}[2J\u{1B}[31mktp,2024-03-04 09:00\n"
        let (r, _, _) = try run(.transactions, csv)
        #expect(r.rejects.first?.value == "\u{1B}[2J\u{1B}[31mktp")  // stored as it came
        let summary = r.summary()
        #expect(!summary.contains("\u{1B}"))
        #expect(summary.contains(":2 service (column 2) '\\x1B[2J\\x1B[31mktp' — layanan tidak dikenal di instansi kab-contoh"))
        #expect(TerminalText.escaped("a\tb\u{7F}\u{9B}\u{202E}c") == "a\\tb\\x7F\\x9B\\u{202E}c")
        #expect(TerminalText.escaped("Sangat baik — ✓") == "Sangat baik — ✓")
    }
}
