import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads one sheet of an XLSX workbook row by row.
///
/// The sheet's XML is unzipped to a temporary file and parsed from a stream, so memory holds
/// the shared-string table (the workbook's distinct texts) but not the rows. Cells come out
/// as text: shared and inline strings as written, numbers as Excel wrote them (`4`,
/// `45355.385416666664`) except that a cell styled as a date comes out as local ISO text
/// (`2024-03-04 09:15`) — an unstyled serial is still accepted by `DateParser` for XLSX
/// input — and booleans as `1`/`0`. The line of a row is its spreadsheet row number.
public final class XLSXReader: TableSource {
    public let fileName: String
    public let sheetName: String
    private let archive: Archive
    private let sheetPath: String
    private var rows = 0

    public init(path: String, sheet: String? = nil) throws {
        fileName = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw TableFileError.cannotOpen(file: path, reason: "no such file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw TableFileError.corrupt(file: path, reason: "not a ZIP archive")
        }
        let workbook = try XMLElements.read(Self.entry(archive, "xl/workbook.xml", path), elements: ["sheet"], file: path)
        let rels = try XMLElements.read(Self.entry(archive, "xl/_rels/workbook.xml.rels", path), elements: ["Relationship"], file: path)
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

    static func entry(_ archive: Archive, _ name: String, _ file: String) throws -> Data {
        guard let e = archive[name] else { throw TableFileError.corrupt(file: file, reason: "missing \(name)") }
        var data = Data()
        do { _ = try archive.extract(e, consumer: { data.append($0) }) } catch {
            throw TableFileError.corrupt(file: file, reason: "cannot unzip \(name): \(error)")
        }
        return data
    }

    /// The shared-string table: one text per `<si>`, rich-text runs joined, phonetic runs skipped.
    private func sharedStrings() throws -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        let collector = SharedStrings()
        let parser = XMLParser(data: try Self.entry(archive, "xl/sharedStrings.xml", fileName))
        parser.delegate = collector
        guard parser.parse() || !collector.strings.isEmpty else {
            throw TableFileError.corrupt(file: fileName, reason: "xl/sharedStrings.xml: \(parser.parserError.map { "\($0)" } ?? "unreadable")")
        }
        return collector.strings
    }

    public func read(header: ([String]) throws -> Void, row: (SourceEvent) throws -> Void) throws {
        let strings = try sharedStrings()
        let styles = archive["xl/styles.xml"] == nil ? XLSXStyles() : XLSXStyles(data: try Self.entry(archive, "xl/styles.xml", fileName))
        guard let entry = archive[sheetPath] else { throw TableFileError.corrupt(file: fileName, reason: "missing \(sheetPath)") }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("skm-sheet-\(UUID().uuidString).xml")
        _ = FileManager.default.createFile(atPath: temp.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = try FileHandle(forWritingTo: temp)
        do {
            _ = try archive.extract(entry, consumer: { out.write($0) })
            // libxml2's push parser may keep the last bytes until more arrive: trailing
            // whitespace (legal after the root element) makes sure the last row is seen.
            out.write(Data(repeating: 0x20, count: 8192))
            try out.close()
        } catch {
            throw TableFileError.corrupt(file: fileName, reason: "cannot unzip \(sheetPath): \(error)")
        }
        guard let stream = InputStream(url: temp) else { throw TableFileError.cannotOpen(file: fileName, reason: "temporary file") }
        try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                let sheet = SheetRows(strings: strings, styles: styles, header: header, row: { [unowned self] e in self.rows += 1; try row(e) })
                let parser = XMLParser(stream: stream)
                parser.delegate = sheet
                sheet.parser = parser
                let ok = parser.parse()
                if let e = sheet.error { throw e }
                try sheet.flush()
                if !ok, !sheet.sawHeader {
                    throw TableFileError.corrupt(file: fileName, reason: "\(sheetPath): \(parser.parserError.map { "\($0)" } ?? "unreadable")")
                }
                if !sheet.sawHeader { throw TableFileError.empty(file: fileName) }
            }
        }
    }
}

/// Attributes of every element with one of the given names, from a small XML part.
enum XMLElements {
    static func read(_ data: Data, elements: Set<String>, file: String) throws -> [[String: String]] {
        final class Collect: NSObject, XMLParserDelegate {
            let names: Set<String>
            var found: [[String: String]] = []
            init(_ names: Set<String>) { self.names = names }
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if names.contains(String(localName(e))) { found.append(attributes) }
            }
        }
        let c = Collect(elements)
        let parser = XMLParser(data: data)
        parser.delegate = c
        if !parser.parse(), c.found.isEmpty {
            throw TableFileError.corrupt(file: file, reason: parser.parserError.map { "\($0)" } ?? "unreadable XML")
        }
        return c.found
    }
}

/// `x:row` → `row`: some writers prefix the spreadsheet namespace.
@inline(__always) func localName(_ e: String) -> Substring {
    if let colon = e.lastIndex(of: ":") { return e[e.index(after: colon)...] }
    return Substring(e)
}

private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inT = false, phonetic = 0
    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(e) {
        case "si": current = ""
        case "t": inT = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if inT { current += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(e) {
        case "si": strings.append(current)
        case "t": inT = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}
