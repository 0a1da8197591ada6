import Foundation
import Testing
@testable import SKMImport

/// Caps on what a workbook may unzip to, and the private, always-removed temporary directory.
@Suite struct XLSXLimitsTests {
    let sheet = TestWorkbook.sheetPart

    /// 4 MiB of whitespace inside `<sheetData>` deflates to a few KiB: a small ZIP bomb.
    func bomb() -> TestWorkbook {
        TestWorkbook(rows: headerRow + String(repeating: " ", count: 4 << 20) + #"<row r="2">"# + inlineCells(("A2", "x")) + "</row>")
    }

    func open(_ book: TestWorkbook, limits: XLSXLimits, in dir: URL) throws -> XLSXReader {
        try XLSXReader(path: book.write(in: dir), sheet: nil, limits: limits, temporaryRoot: dir)
    }

    @Test func aPartOverItsCapIsRefusedBeforeAnyRow() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try bomb().write(in: dir)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(size < 64 << 10)  // what arrives is small; what it unzips to is not
        var rows = 0
        let r = try XLSXReader(path: path, sheet: nil, limits: XLSXLimits(partBytes: 1 << 20), temporaryRoot: dir)
        #expect(throws: XLSXError.partTooLarge(file: path, part: sheet, limit: 1 << 20)) {
            try r.read(header: { _ in rows += 1 }, row: { _ in rows += 1 })
        }
        #expect(rows == 0)
        #expect(XLSXError.partTooLarge(file: "b.xlsx", part: sheet, limit: 1 << 20).description
                == "b.xlsx: part xl/worksheets/sheet1.xml unzips to more than 1 MiB (the limit per part); nothing was imported")
        // Within the cap, the same workbook reads.
        var lines: [Int] = []
        try open(bomb(), limits: XLSXLimits(partBytes: 8 << 20), in: dir).read(header: { _ in }, row: {
            if case let .row(r) = $0 { lines.append(r.line) }
        })
        #expect(lines == [2])
    }

    /// The total is counted on the bytes really inflated, across parts.
    @Test func theWorkbookOverItsTotalCapIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try open(bomb(), limits: XLSXLimits(partBytes: 8 << 20, totalBytes: 2 << 20), in: dir)
        #expect(throws: XLSXError.workbookTooLarge(file: dir.appendingPathComponent("book.xlsx").path, limit: 2 << 20)) {
            try r.read(header: { _ in }, row: { _ in })
        }
    }

    @Test func tooManyPartsIsRefusedOnOpening() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var book = TestWorkbook(rows: headerRow)
        #expect(throws: Never.self) { _ = try open(book, limits: XLSXLimits(parts: 3), in: dir) }
        book.add("docProps/app.xml", "<x/>")
        #expect(throws: XLSXError.tooManyParts(file: dir.appendingPathComponent("book.xlsx").path, limit: 3)) {
            _ = try open(book, limits: XLSXLimits(parts: 3), in: dir)
        }
    }

    func mode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! Int
    }

    /// While rows are read the unzipped sheet sits in a 0700 directory as a 0600 file; after
    /// success, a malformed cell, or the caller stopping, nothing is left.
    @Test func theUnzippedSheetIsPrivateAndAlwaysRemoved() throws {
        let dir = try temporaryDirectory(), root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: root) }
        let good = headerRow + #"<row r="2">"# + inlineCells(("A2", "T-1")) + "</row>"
        let path = try TestWorkbook(rows: good).write(in: dir)
        let r = try XLSXReader(path: path, sheet: nil, limits: .standard, temporaryRoot: root)
        var seen: [(dir: Int, file: Int, parent: String)] = []
        try r.read(header: { _ in }, row: { _ in
            let work = r.workDirectory!
            seen.append((try mode(work), try mode(work.appendingPathComponent("sheet.xml")), work.deletingLastPathComponent().path))
        })
        #expect(seen.count == 1)
        #expect(seen.first?.dir == 0o700)
        #expect(seen.first?.file == 0o600)
        #expect(seen.first?.parent == root.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])
        #expect(r.workDirectory == nil)

        let bad = try TestWorkbook(rows: good + #"<row r="3"><c r="A3" t="s"><v>-1</v></c></row>"#).write("bad.xlsx", in: dir)
        #expect(throws: XLSXError.self) {
            try XLSXReader(path: bad, sheet: nil, limits: .standard, temporaryRoot: root).read(header: { _ in }, row: { _ in })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])

        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try XLSXReader(path: path, sheet: nil, limits: .standard, temporaryRoot: root).read(header: { _ in }, row: { _ in throw Stop() })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])
    }
}
