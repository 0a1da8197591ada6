import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads one sheet of an XLSX workbook row by row.
///
/// The sheet's XML is unzipped to a file in a private temporary directory and parsed from a
/// stream, so memory holds the shared-string table (the workbook's distinct texts) but not the
/// rows. Cells come out as text: shared and inline strings as written, numbers as Excel wrote
/// them (`4`, `45355.385416666664`) except that a cell styled as a date comes out as local ISO
/// text (`2024-03-04 09:15`) — an unstyled serial is still accepted by `DateParser` for XLSX
/// input — and booleans as `1`/`0`. The line of a row is its spreadsheet row number.
///
/// A workbook is untrusted input: anything malformed (a damaged part, a row number or cell
/// reference Excel cannot hold, a shared string or style that does not exist, a part past the
/// `XLSXLimits`) throws an `XLSXError` naming the part and cell — never a trap, never a
/// partial read that looks like success.
public final class XLSXReader: TableSource {
    public let fileName: String
    public private(set) var sheetName = ""
    private let archive: Archive
    /// Deflated parts are inflated from exactly their own bytes (ZIPDataOffsets.swift).
    private let offsets: ZIPDataOffsets?
    private var sheetPath = ""
    private let limits: XLSXLimits
    private let temporaryRoot: URL
    private var rows = 0
    /// Bytes inflated so far, against `limits.totalBytes`.
    private var inflated: Int64 = 0
    /// The private directory holding the unzipped sheet while `read` runs (tests look into it).
    private(set) var workDirectory: URL?

    public convenience init(path: String, sheet: String? = nil) throws {
        try self.init(path: path, sheet: sheet, limits: .standard)
    }

    init(path: String, sheet: String?, limits: XLSXLimits, temporaryRoot: URL = FileManager.default.temporaryDirectory) throws {
        fileName = path
        self.limits = limits
        self.temporaryRoot = temporaryRoot
        guard FileManager.default.fileExists(atPath: path) else {
            throw TableFileError.cannotOpen(file: path, reason: "no such file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw TableFileError.corrupt(file: path, reason: "not a ZIP archive")
        }
        offsets = ZIPDataOffsets(path: path)
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.parts { throw XLSXError.tooManyParts(file: path, limit: limits.parts) }
        }
        let workbook = try XMLElements.read(data("xl/workbook.xml"), part: "xl/workbook.xml", elements: ["sheet"], file: path)
        let rels = try XMLElements.read(data("xl/_rels/workbook.xml.rels"), part: "xl/_rels/workbook.xml.rels", elements: ["Relationship"], file: path)
        let sheets = workbook.map { ($0["name"] ?? "", $0["r:id"] ?? $0["id"] ?? "") }
        guard let chosen = sheet.map({ s in sheets.first { $0.0 == s } ?? sheets.first { $0.0.lowercased() == s.lowercased() } })
                ?? sheets.first else {
            throw TableFileError.noSuchSheet(file: path, sheet: sheet ?? "(first)", available: sheets.map(\.0))
        }
        guard let target = rels.first(where: { $0["Id"] == chosen.1 })?["Target"] else {
            throw TableFileError.corrupt(file: path, reason: "sheet '\(chosen.0)' has no part")
        }
        sheetName = chosen.0
        sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    public var progressBytes: (done: Int64, total: Int64?) { (Int64(rows), nil) }

    /// Streams one part through `consume`, counting the inflated bytes against both caps.
    private func extract(_ part: String, _ consume: (Data) throws -> Void) throws {
        guard let entry = archive[part] else { throw XLSXError.missingPart(file: fileName, part: part) }
        // The declared size can lie (it is checked again below on the real bytes), but when it
        // is already over the cap nothing needs inflating to know.
        if entry.uncompressedSize > UInt64(limits.partBytes) { throw XLSXError.partTooLarge(file: fileName, part: part, limit: limits.partBytes) }
        var partBytes: Int64 = 0
        var utf8 = UTF8Check()
        do {
            func take(_ chunk: Data) throws {
                partBytes += Int64(chunk.count)
                inflated += Int64(chunk.count)
                if partBytes > limits.partBytes { throw XLSXError.partTooLarge(file: fileName, part: part, limit: limits.partBytes) }
                if inflated > limits.totalBytes { throw XLSXError.workbookTooLarge(file: fileName, limit: limits.totalBytes) }
                guard utf8.add(chunk) else { throw XLSXError.damagedXML(file: fileName, part: part, lastRow: nil, reason: "not UTF-8 text") }
                try consume(chunk)
            }
            let crc: CRC32
            if entry.isCompressed, let offsets, let c = try offsets.inflate(entry, consumer: take) {
                crc = c
            } else {
                crc = try archive.extract(entry, consumer: take)
            }
            guard utf8.finished else { throw XLSXError.damagedXML(file: fileName, part: part, lastRow: nil, reason: "not UTF-8 text") }
            // ZIPFoundation does not check a stored (uncompressed) entry's checksum: compare here.
            guard crc == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
        } catch let e as XLSXError {
            throw e
        } catch Archive.ArchiveError.invalidCRC32 {
            throw XLSXError.damagedEntry(file: fileName, part: part, reason: "checksum mismatch")
        } catch {
            throw XLSXError.damagedEntry(file: fileName, part: part, reason: "\(error)")
        }
    }

    /// A small part, whole, in memory.
    private func data(_ part: String) throws -> Data {
        var data = Data()
        try extract(part) { data.append($0) }
        return data
    }

    /// The shared-string table: one text per `<si>`, rich-text runs joined, phonetic runs skipped.
    private func sharedStrings() throws -> [String] {
        let part = "xl/sharedStrings.xml"
        guard archive[part] != nil else { return [] }
        let collector = SharedStrings()
        let parser = XMLParser(data: try data(part))
        parser.delegate = collector
        guard parser.parse(), collector.depth.complete else {
            throw XLSXError.damagedXML(file: fileName, part: part, lastRow: nil, reason: xmlFailure(parser))
        }
        return collector.strings
    }

    public func read(header: ([String]) throws -> Void, row: (SourceEvent) throws -> Void) throws {
        let strings = try sharedStrings()
        let styles = archive["xl/styles.xml"] == nil ? XLSXStyles() : try XLSXStyles(data: data("xl/styles.xml"), file: fileName)
        let directory = try PrivateDirectory(under: temporaryRoot, prefix: "skm-xlsx-")
        workDirectory = directory.url
        defer { directory.remove(); workDirectory = nil }
        let temp = directory.url.appendingPathComponent("sheet.xml")
        do {
            let out = try directory.createFile("sheet.xml")
            defer { try? out.close() }
            try extract(sheetPath) { out.write($0) }
            // libxml2's push parser may keep the last bytes until more arrive: trailing
            // whitespace (legal after the root element) makes sure the last row is seen.
            out.write(Data(repeating: 0x20, count: 8192))
        }
        guard let stream = InputStream(url: temp) else { throw TableFileError.cannotOpen(file: fileName, reason: "temporary file") }
        try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                let sheet = SheetRows(file: fileName, part: sheetPath, strings: strings, styles: styles, header: header,
                                      row: { [unowned self] e in self.rows += 1; try row(e) })
                let parser = XMLParser(stream: stream)
                parser.delegate = sheet
                sheet.parser = parser
                let ok = parser.parse()
                if let e = sheet.error { throw e }
                guard ok, sheet.depth.complete else {
                    throw XLSXError.damagedXML(file: fileName, part: sheetPath, lastRow: sheet.lastRow, reason: xmlFailure(parser))
                }
                if !sheet.sawHeader { throw TableFileError.empty(file: fileName) }
            }
        }
    }
}

/// What libxml2 said, where: "XML error 76 at line 3, column 12".
func xmlFailure(_ parser: XMLParser) -> String {
    guard let code = (parser.parserError as NSError?)?.code else {
        return "XML cut short at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
    return "XML error \(code) at line \(parser.lineNumber), column \(parser.columnNumber)"
}

/// Attributes of every element with one of the given names, from a small XML part.
enum XMLElements {
    static func read(_ data: Data, part: String, elements: Set<String>, file: String) throws -> [[String: String]] {
        final class Collect: NSObject, XMLParserDelegate {
            let names: Set<String>
            var found: [[String: String]] = []
            var depth = XMLDepth()
            init(_ names: Set<String>) { self.names = names }
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                depth.open()
                if names.contains(String(localName(e))) { found.append(attributes) }
            }
            func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) { depth.close() }
        }
        let c = Collect(elements)
        let parser = XMLParser(data: data)
        parser.delegate = c
        guard parser.parse(), c.depth.complete else {
            throw XLSXError.damagedXML(file: file, part: part, lastRow: nil, reason: xmlFailure(parser))
        }
        return c.found
    }
}

/// Whether the root element was closed. libxml2 as FoundationXML drives it on Linux reports
/// a document cut short inside an element as parsed: counting opened and closed elements is
/// what tells a truncated part from a whole one.
struct XMLDepth {
    private var level = 0, sawRoot = false
    mutating func open() { level += 1; sawRoot = true }
    mutating func close() { level -= 1 }
    var complete: Bool { sawRoot && level == 0 }
}

/// `x:row` → `row`: some writers prefix the spreadsheet namespace.
@inline(__always) func localName(_ e: String) -> Substring {
    if let colon = e.lastIndex(of: ":") { return e[e.index(after: colon)...] }
    return Substring(e)
}

private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var depth = XMLDepth()
    private var current = "", inT = false, phonetic = 0
    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth.open()
        switch localName(e) {
        case "si": current = ""
        case "t": inT = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if inT { current += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        depth.close()
        switch localName(e) {
        case "si": strings.append(current)
        case "t": inT = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}
