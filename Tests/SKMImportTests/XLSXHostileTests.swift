import Foundation
import Testing
import ZIPFoundation
@testable import SKMImport

/// Malformed and hostile workbooks: each is refused with an `XLSXError` naming the part and
/// cell — the reader never traps and never reports a partial read as a success.
@Suite struct XLSXHostileTests {
    let sheet = TestWorkbook.sheetPart

    /// Reads every row, returning the rows seen before the error (if any) and the error.
    func read(_ book: TestWorkbook, limits: XLSXLimits = .standard, root: URL? = nil) throws -> (rows: [Int], error: Error?) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try book.write(in: dir)
        var rows: [Int] = []
        do {
            let r = try XLSXReader(path: path, sheet: nil, limits: limits, temporaryRoot: root ?? dir)
            try r.read(header: { _ in rows.append(0) }, row: { e in
                if case let .row(r) = e { rows.append(r.line) }
            })
            return (rows, nil)
        } catch {
            return (rows, error)
        }
    }

    /// The error, with the temporary path replaced by `book.xlsx`.
    func failure(_ book: TestWorkbook, limits: XLSXLimits = .standard) throws -> XLSXError? {
        let e = try read(book, limits: limits).error
        guard let x = e as? XLSXError else { Issue.record("expected an XLSXError, got \(String(describing: e))"); return nil }
        return x
    }

    func path(_ e: XLSXError?) -> String? {
        e.map { "\($0)".components(separatedBy: ": ").first ?? "" }
    }

    @Test func rowNumbersExcelCannotHold() throws {
        for r in ["9223372036854775807", "-1", "0", "1048577", "+3", " 2", "1e3", "99999999999999999999999"] {
            let book = TestWorkbook(rows: headerRow + #"<row r="\#(r)">"# + inlineCells(("A2", "x")) + "</row>")
            let e = try failure(book)
            guard case let .rowNumberOutOfRange(_, part, value, after) = e else { Issue.record("\(r): \(String(describing: e))"); continue }
            #expect(part == sheet)
            #expect(value == r)
            #expect(after == 1)
        }
        // Rows without `r` count on from the last one, and may not pass the last row either.
        let last = TestWorkbook(rows: headerRow + #"<row r="1048576"><c t="inlineStr"><is><t>a</t></is></c></row><row><c t="inlineStr"><is><t>b</t></is></c></row>"#)
        let e = try failure(last)
        #expect(e == .rowNumberOutOfRange(file: path(e) ?? "", part: sheet, value: "1048577", after: 1_048_576))
        #expect(e?.description.contains("row number '1048577' is not between 1 and 1048576 (the last row read whole was row 1048576)") == true)
    }

    @Test func cellReferencesBeyondXFD() throws {
        for ref in ["XFDZZZZZZ1", "XFE1", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ2", "a1", "1", "A-1", "A99999999999999999999"] {
            let e = try failure(TestWorkbook(rows: #"<row r="1">"# + inlineCells((ref, "id")) + "</row>"))
            #expect(e == .badCellReference(file: path(e) ?? "", part: sheet, row: 1, value: ref), "\(ref)")
        }
        // XFD itself is the last column and fine.
        let wide = try read(TestWorkbook(rows: #"<row r="1">"# + inlineCells(("A1", "id"), ("XFD1", "last")) + "</row>"))
        #expect(wide.error == nil)
        #expect(wide.rows == [0])
    }

    /// An index outside the table is an error naming the cell, not an empty cell.
    @Test func sharedStringsThatDoNotExist() throws {
        for index in ["-1", "1", "9223372036854775807", "x", "1.0"] {
            let book = TestWorkbook(rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>\#(index)</v></c></row>"#,
                                    sharedStrings: ["id"])
            let e = try failure(book)
            #expect(e == .missingSharedString(file: path(e) ?? "", cell: "A2", index: index, count: 1), "\(index)")
        }
        let e = try failure(TestWorkbook(rows: #"<row r="3"><c r="C3" t="s"><v>0</v></c></row>"#))
        #expect(e?.description.hasSuffix("cell C3 refers to shared string '0', but the workbook has 0 (0 to -1)") == true)
    }

    @Test func stylesThatDoNotExist() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        for s in ["-1", "2", "9223372036854775808", "x"] {
            let book = TestWorkbook(rows: headerRow + #"<row r="2"><c r="B2" s="\#(s)"><v>45355</v></c></row>"#, styles: styles)
            let e = try failure(book)
            #expect(e == .missingStyle(file: path(e) ?? "", cell: "B2", index: s, count: 2), "\(s)")
        }
        // Style 0 is fine even with no styles part; style 1 here is a date.
        var cells: [[String]] = []
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = TestWorkbook(rows: headerRow + #"<row r="2"><c r="A2" s="0"><v>7</v></c><c r="B2" s="1"><v>45355</v></c></row>"#, styles: styles)
        try XLSXReader(path: ok.write(in: dir)).read(header: { _ in }, row: { if case let .row(r) = $0 { cells.append(r.cells) } })
        #expect(cells == [["7", "2024-03-04"]])
    }

    /// A sheet cut in the middle of row 6: an error naming the part and row 5, after which
    /// nothing more is handed on.
    @Test func truncatedSheetIsAnErrorNamingTheLastGoodRow() throws {
        var rows = headerRow
        for i in 2...10 { rows += #"<row r="\#(i)">"# + inlineCells(("A\(i)", "T-\(i)"), ("B\(i)", "ktp")) + "</row>" }
        var book = TestWorkbook(rows: rows)
        let full = String(decoding: book.parts.first { $0.name == sheet }!.data, as: UTF8.self)
        let cut = full.range(of: "T-6")!.upperBound
        book.add(sheet, String(full[..<cut]))
        let (seen, error) = try read(book)
        guard case let .damagedXML(_, part, lastRow, reason)? = error as? XLSXError else { Issue.record("\(String(describing: error))"); return }
        #expect(part == sheet)
        #expect(lastRow == 5)
        #expect(reason.hasPrefix("XML "))
        #expect(seen == [0, 2, 3, 4, 5])
        #expect("\(error!)".contains("part xl/worksheets/sheet1.xml is damaged (XML "))
        #expect("\(error!)".hasSuffix("; the last row read whole was row 5; nothing was imported"))
    }

    /// A stored (uncompressed) sheet with one byte changed: the XML still parses, the checksum does not.
    @Test func checksumMismatchIsAnError() throws {
        let book = TestWorkbook(rows: headerRow + #"<row r="2">"# + inlineCells(("A2", "T-1"), ("B2", "ktp")) + "</row>")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var stored = book
        stored.add(sheet, book.parts.first { $0.name == sheet }!.data, method: .none)
        let path = try stored.write(in: dir)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let at = bytes.range(of: Data("T-1".utf8))!.lowerBound
        bytes[at + 2] = UInt8(ascii: "2")
        try bytes.write(to: URL(fileURLWithPath: path))
        var rows = 0
        #expect(throws: XLSXError.damagedEntry(file: path, part: sheet, reason: "checksum mismatch")) {
            try XLSXReader(path: path).read(header: { _ in }, row: { _ in rows += 1 })
        }
        #expect(rows == 0)
    }

    /// A sheet whose deflate stream lost its final block (found by `scripts/fuzz xlsx`): its bytes
    /// run out before the stream ends. ZIPFoundation's own extraction read on to the end of the
    /// file and then waited for more forever; the part is now refused as damaged.
    @Test(.timeLimit(.minutes(1))) func aDeflateStreamThatNeverEndsIsADamagedPart() throws {
        let path = try fixture("truncated-deflate.xlsx")
        var rows = 0
        let error = #expect(throws: XLSXError.self) {
            try XLSXReader(path: path).read(header: { _ in }, row: { _ in rows += 1 })
        }
        guard case let .damagedEntry(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(part == "xl/worksheets/data.xml")
        // Padded with zeros, the stream fails inside inflate, or runs out of the entry's bytes.
        #expect(["corruptedData", "the compressed data ends before its deflate stream does"].contains(reason), "\(reason)")
        #expect(rows == 0)
    }

    @Test func missingAndDamagedParts() throws {
        var noSheet = TestWorkbook(rows: headerRow)
        noSheet.remove(sheet)
        #expect(try failure(noSheet).map { if case .missingPart(_, sheet) = $0 { true } else { false } } == true)
        var noWorkbook = TestWorkbook(rows: headerRow)
        noWorkbook.remove("xl/workbook.xml")
        #expect(try failure(noWorkbook).map { if case .missingPart(_, "xl/workbook.xml") = $0 { true } else { false } } == true)
        for part in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"] {
            var book = TestWorkbook(rows: headerRow, sharedStrings: ["id"], styles: #"<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"#)
            let data = book.parts.first { $0.name == part }!.data
            book.add(part, data.prefix(data.count - 12))
            let e = try failure(book)
            guard case let .damagedXML(_, p, nil, reason)? = e else { Issue.record("\(part): \(String(describing: e))"); continue }
            #expect(p == part)
            #expect(reason.hasPrefix("XML "))
        }
    }

    /// Found by scripts/fuzz: FoundationXML traps on an attribute with invalid UTF-8.
    @Test func partsThatAreNotUTF8() throws {
        var book = TestWorkbook(rows: headerRow)
        book.add(sheet, Data(#"<worksheet><sheetData><row r="1"><c r="A1\#u{0}" t="s"/></row></sheetData></worksheet>"#.utf8.map { $0 == 0 ? 0xC5 : $0 }))
        let e = try failure(book)
        #expect(e == .damagedXML(file: path(e) ?? "", part: sheet, lastRow: nil, reason: "not UTF-8 text"))
        var cut = TestWorkbook(rows: headerRow)
        cut.add(sheet, Data("<worksheet><sheetData/></worksheet>".utf8) + Data([0xE2, 0x82]))
        let e2 = try failure(cut)
        #expect(e2 == .damagedXML(file: path(e2) ?? "", part: sheet, lastRow: nil, reason: "not UTF-8 text"))
    }
}
