import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// `Importer.readAlone`, the reading half that `skm bench` times and whose rows its store-alone
/// floor stores: it must hand over exactly the rows an import stores, byte for byte.
@Suite struct ReadAloneTests {
    @Test func handsOverTheGoodRowsAsTheImportEncodesThem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("responses.csv", ResponseImportTests.csv, in: dir)
        var batches: [EncodedRows] = []
        try Importer.readAlone(.responses, file: path, catalog: TestCatalog.agencies) { batches.append($0) }
        // Six rows, two rejected (an answer of 5, no answers at all): the four good ones, in order.
        let ids = batches.flatMap { b in (0..<b.count).map { b.text(row: $0, value: 1) } }
        #expect(ids == ["R1", "R2", "R4", "R6"])

        // Stored straight, they are what the import stores: importing the file afterwards finds
        // every good row unchanged (same values, same fingerprint) and adds nothing.
        let store = try TestCatalog.store()
        _ = try store.importBatch(kind: .responses, file: "read-alone") { w in
            for b in batches { for i in 0..<b.count { _ = try w.insert(b, row: i) } }
        }
        let report = try Importer.run(.responses, file: path, into: store)
        #expect(report.counts.unchanged == 4)
        #expect(report.counts.inserted == 0)
        #expect(report.counts.rejected == 2)
    }
}
