import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// A broken file structure stops the import with nothing stored, naming file and line;
/// `--keep-going` stores the readable rows and lists what it skipped.
@Suite struct StructuralFaultTests {
    /// 40 rows; line 3 (the second row) opens a quote that never closes.
    static func register() -> String {
        var text = "id,agency,service,received_at,finished_at\n"
        for i in 1...40 {
            let service = i == 2 ? "\"ktp" : "ktp"
            text += "T\(i),kab-contoh,\(service),2024-03-04 09:15,2024-03-05 10:00\n"
        }
        return text
    }

    @Test func aStrayQuoteStopsTheImportAndNamesItsLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("register.csv", Self.register(), in: dir)
        let store = try TestCatalog.store()
        #expect {
            _ = try Importer.run(.transactions, file: path, into: store)
        } throws: { e in
            guard case let ImportError.damaged(file, fault) = e else { return false }
            return file == path && fault == .unterminatedQuote(line: 3, through: 41)
                && "\(e)".hasPrefix("\(path):3: a quote opened on line 3 never closes, so lines 3–41 cannot be read")
                && "\(e)".contains("nothing was stored")
        }
        #expect(try store.count("service_transaction") == 0)
        #expect(try store.count("reject") == 0)
        #expect(try store.count("import_batch") == 0)
    }

    @Test func keepGoingStoresTheRestAndListsTheSkippedLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("register.csv", Self.register(), in: dir)
        let store = try TestCatalog.store()
        let r = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(keepGoing: true))
        #expect(r.counts.read == 2)
        #expect(r.counts.inserted == 1)
        #expect(r.rejects == [RejectRecord(file: path, line: 3, reason: "tanda kutip yang dibuka di baris 3 tidak pernah ditutup: baris 3–41 dilewati")])
        #expect(r.skipped == ["a quote opened on line 3 never closes, so lines 3–41 cannot be read as rows"])
        #expect(r.summary().contains("skipped (--keep-going): a quote opened on line 3"))
    }

    /// A quote that does close, lines later, swallowing the lines between: the record comes out
    /// with the wrong number of fields, and that is a structural fault too, not one bad row.
    @Test func aQuoteClosedLinesLaterIsAStrayQuote() throws {
        let text = "a,b\n1,\"x\n2,y\n3,z\",9\n4,w\n"
        let (_, events) = try csvEvents(text)
        #expect(events == [.damaged(.strayQuote(line: 2, through: 4)), row(5, "4", "w")])
        // A quoted line break inside a well-formed record is still just a value.
        let (_, fine) = try csvEvents("a,b\n1,\"two\nlines\"\n2,y\n")
        #expect(fine == [row(2, "1", "two\nlines"), row(4, "2", "y")])
    }
}
