import Foundation
import Testing
import ZIPFoundation
@testable import SKMReports

/// What skm writes for people to open must not run formulas or fail on long input (issue 15).
@Suite struct ExportSafetyTests {
    @Test func csvNeutralisesFormulaTextButNotNumbers() {
        let r = QueryResult(columns: ["=cmd", "n"], rows: [
            [.text("=HYPERLINK(\"http://x\")"), .integer(-3)],
            [.text("+62 811"), .real(-0.5)],
            [.text("-"), .null],
            [.text("@SUM(A1)"), .integer(1)],
            [.text("\tx"), .integer(2)],
            [.text("\rx"), .integer(3)],
            [.text("biasa, saja"), .integer(4)],
        ])
        #expect(r.csv() == """
            '=cmd,n\r
            "'=HYPERLINK(""http://x"")",-3\r
            '+62 811,-0.5\r
            '-,\r
            '@SUM(A1),1\r
            '\tx,2\r
            "'\rx",3\r
            "biasa, saja",4\r

            """)
    }

    @Test func longTextIsCutToTheCellLimitWithAMarker() {
        let short = String(repeating: "a", count: Worksheet.maxCellCharacters)
        #expect(Worksheet.fitted(short) == short)
        let long = Worksheet.fitted(String(repeating: "b", count: 40_000))
        #expect(long.utf16.count == Worksheet.maxCellCharacters)
        #expect(long.hasSuffix(Worksheet.cutMarker))
        // A character outside the BMP is two UTF-16 units and is never split.
        let emoji = Worksheet.fitted(String(repeating: "😀", count: 20_000))
        #expect(emoji.utf16.count <= Worksheet.maxCellCharacters)
        #expect(emoji.hasSuffix(Worksheet.cutMarker))
        #expect(emoji.dropLast(Worksheet.cutMarker.count).allSatisfy { $0 == "😀" })
    }

    @Test func aWorkbookWithAFortyThousandCharacterCellIsWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("q.xlsx")
        let r = QueryResult(columns: ["h"], rows: [[.text(String(repeating: "A", count: 40_000))]])
        try r.writeXLSX(to: url, sheetName: "q")
        let archive = try Archive(url: url, accessMode: .read)
        var xml = Data()
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") || entry.path == "xl/sharedStrings.xml" {
            _ = try archive.extract(entry) { xml.append($0) }
        }
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains(String(repeating: "A", count: 32_000) ))
        #expect(text.contains(Worksheet.cutMarker))
    }
}
