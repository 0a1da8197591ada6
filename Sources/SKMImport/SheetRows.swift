import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX delegate for one worksheet: collects the cells of each `<row>` (placed by their
/// `r="C7"` reference, so skipped empty cells stay empty) and hands each finished row on.
/// The first non-empty row is the header; later rows are cut or padded to its width — a
/// non-empty cell right of the header is a malformed row, not silently lost.
///
/// Every number read from the XML is checked before use (row 1…1,048,576, column A…XFD,
/// shared-string and style indexes in range): a bad one stops the sheet with an `XLSXError`,
/// so hostile input can neither trap nor grow a row without bound.
final class SheetRows: NSObject, XMLParserDelegate {
    /// Excel's own bounds: a sheet has at most 1,048,576 rows and 16,384 columns (A…XFD).
    static let maxRow = 1_048_576, maxColumn = 16_384

    private let file: String, part: String
    private let strings: [String]
    private let styles: XLSXStyles
    private let onHeader: ([String]) throws -> Void
    private let onRow: (SourceEvent) throws -> Void
    weak var parser: XMLParser?
    private(set) var error: Error?
    private(set) var sawHeader = false
    /// The last row read whole (delivered or found empty), for naming where a damaged part stops.
    private(set) var lastRow: Int?
    private(set) var depth = XMLDepth()
    private var width = 0

    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0, cellStyle = 0, cellType = "", cellText = "", inlineText = ""
    private var inV = false, inInlineT = false

    init(file: String, part: String, strings: [String], styles: XLSXStyles,
         header: @escaping ([String]) throws -> Void, row: @escaping (SourceEvent) throws -> Void) {
        self.file = file
        self.part = part
        self.strings = strings
        self.styles = styles
        onHeader = header
        onRow = row
    }

    private func fail(_ e: Error) {
        guard error == nil else { return }
        error = e
        parser?.abortParsing()
    }

    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        depth.open()
        guard error == nil else { return }
        switch localName(e) {
        case "row":
            let next = rowNumber + 1  // rowNumber ≤ maxRow, so this cannot overflow
            if let r = a["r"] {
                guard let n = Self.number(r) else {
                    return fail(XLSXError.rowNumberOutOfRange(file: file, part: part, value: r, after: lastRow))
                }
                rowNumber = n
            } else {
                guard next <= Self.maxRow else {
                    return fail(XLSXError.rowNumberOutOfRange(file: file, part: part, value: "\(next)", after: lastRow))
                }
                rowNumber = next
            }
            cells.removeAll(keepingCapacity: true)
        case "c":
            if let r = a["r"] {
                guard let c = Self.columnIndex(r) else {
                    return fail(XLSXError.badCellReference(file: file, part: part, row: rowNumber, value: r))
                }
                cellColumn = c
            } else {
                guard cells.count < Self.maxColumn else {
                    return fail(XLSXError.badCellReference(file: file, part: part, row: rowNumber, value: "(column \(cells.count + 1))"))
                }
                cellColumn = cells.count
            }
            cellType = a["t"] ?? "n"
            cellStyle = 0
            if let s = a["s"] {
                guard let i = Int(s), styles.exists(i) else {
                    return fail(XLSXError.missingStyle(file: file, cell: cellName, index: s, count: styles.count))
                }
                cellStyle = i
            }
            cellText = ""
            inlineText = ""
        case "v": inV = true
        case "t": inInlineT = cellType == "inlineStr"
        default: break
        }
    }

    private var cellName: String { Self.columnName(cellColumn) + "\(rowNumber)" }

    func parser(_ p: XMLParser, foundCharacters s: String) {
        if inV { cellText += s } else if inInlineT { inlineText += s }
    }

    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        depth.close()
        guard error == nil else { return }
        switch localName(e) {
        case "v": inV = false
        case "t": inInlineT = false
        case "c":
            let value: String
            switch cellType {
            case "s" where cellText.isEmpty: value = ""
            case "s":
                guard let i = Int(cellText), i >= 0, i < strings.count else {
                    return fail(XLSXError.missingSharedString(file: file, cell: cellName, index: cellText, count: strings.count))
                }
                value = strings[i]
            case "inlineStr": value = inlineText
            case "b": value = cellText == "1" ? "1" : "0"
            case "n" where styles.isDate(style: cellStyle): value = XLSXStyles.isoText(serial: cellText) ?? cellText
            default: value = cellText
            }
            if cellColumn >= cells.count { cells.append(contentsOf: repeatElement("", count: cellColumn - cells.count + 1)) }
            cells[cellColumn] = value
        case "row":
            deliver()
        default: break
        }
    }

    private func deliver() {
        defer { if error == nil { lastRow = rowNumber } }
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
            fail(error)
        }
    }

    /// "7" → 7 when within 1…1,048,576; nil for anything else (signs, spaces, overflow).
    static func number(_ text: String) -> Int? {
        var n = 0
        for b in text.utf8 {
            guard b >= 0x30, b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
            if n > maxRow { return nil }
        }
        return n >= 1 ? n : nil
    }

    /// "C7" → 2; nil unless one to three letters A–Z naming a column up to XFD, then an
    /// optional row number within bounds.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0, letters = 0
        var rest = Substring(ref).utf8
        while let b = rest.first, b >= 0x41, b <= 0x5A {
            letters += 1
            guard letters <= 3 else { return nil }
            n = n * 26 + Int(b - 0x40)
            rest.removeFirst()
        }
        guard letters > 0, n <= maxColumn else { return nil }
        guard rest.isEmpty || number(String(Substring(rest))) != nil else { return nil }
        return n - 1
    }

    /// 2 → "C".
    static func columnName(_ i: Int) -> String {
        var i = i + 1, s = ""
        while i > 0 { let r = (i - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; i = (i - 1) / 26 }
        return s
    }
}
