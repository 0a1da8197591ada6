import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX delegate for one worksheet: collects the cells of each `<row>` (placed by their
/// `r="C7"` reference, so skipped empty cells stay empty) and hands each finished row on.
/// The first non-empty row is the header; later rows are cut or padded to its width — a
/// non-empty cell right of the header is a malformed row, not silently lost.
final class SheetRows: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let styles: XLSXStyles
    private let onHeader: ([String]) throws -> Void
    private let onRow: (SourceEvent) throws -> Void
    weak var parser: XMLParser?
    private(set) var error: Error?
    private(set) var sawHeader = false
    private var width = 0

    private var rowNumber = 0, nextRowNumber = 1
    private var cells: [String] = []
    private var inRow = false
    private var cellColumn = 0, cellStyle = 0, cellType = "", cellText = "", inlineText = ""
    private var inV = false, inInlineT = false

    init(strings: [String], styles: XLSXStyles, header: @escaping ([String]) throws -> Void, row: @escaping (SourceEvent) throws -> Void) {
        self.strings = strings
        self.styles = styles
        onHeader = header
        onRow = row
    }

    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        switch localName(e) {
        case "row":
            rowNumber = a["r"].flatMap { Int($0) } ?? nextRowNumber
            nextRowNumber = rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            inRow = true
        case "c":
            cellColumn = a["r"].flatMap(Self.columnIndex) ?? cells.count
            cellType = a["t"] ?? "n"
            cellStyle = a["s"].flatMap { Int($0) } ?? 0
            cellText = ""
            inlineText = ""
        case "v": inV = true
        case "t": inInlineT = cellType == "inlineStr"
        default: break
        }
    }

    func parser(_ p: XMLParser, foundCharacters s: String) {
        if inV { cellText += s } else if inInlineT { inlineText += s }
    }

    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(e) {
        case "v": inV = false
        case "t": inInlineT = false
        case "c":
            let value: String
            switch cellType {
            case "s": value = Int(cellText).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "inlineStr": value = inlineText
            case "b": value = cellText == "1" ? "1" : "0"
            case "n" where styles.isDate(style: cellStyle): value = XLSXStyles.isoText(serial: cellText) ?? cellText
            default: value = cellText
            }
            if cellColumn >= cells.count { cells.append(contentsOf: repeatElement("", count: cellColumn - cells.count + 1)) }
            cells[cellColumn] = value
        case "row":
            inRow = false
            deliver()
        default: break
        }
    }

    /// A row left open at the end of input (a parser that stopped short) is still delivered.
    func flush() throws {
        if inRow { inRow = false; deliver() }
        if let error { throw error }
    }

    private func deliver() {
        guard error == nil else { return }
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        if cells.isEmpty { return }
        do {
            if !sawHeader {
                sawHeader = true
                width = cells.count
                try onHeader(cells)
            } else if cells.count > width {
                try onRow(.malformed(line: rowNumber, reason: "ada isi di kolom \(Self.columnName(cells.count - 1)), di luar kolom header"))
            } else {
                if cells.count < width { cells.append(contentsOf: repeatElement("", count: width - cells.count)) }
                try onRow(.row(SourceRow(line: rowNumber, cells: cells)))
            }
        } catch {
            self.error = error
            parser?.abortParsing()
        }
    }

    /// "C7" → 2.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0, letters = 0
        for b in ref.utf8 {
            guard b >= 0x41, b <= 0x5A else { break }
            n = n * 26 + Int(b - 0x40)
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }

    /// 2 → "C".
    static func columnName(_ i: Int) -> String {
        var i = i + 1, s = ""
        while i > 0 { let r = (i - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; i = (i - 1) / 26 }
        return s
    }
}
