import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A decree as offices have it — Word (`.docx`) or PDF — turned into the text layout
/// `DecreeImporter` reads: paragraphs as lines, each table row as one line of tab-separated
/// cells. No office suite is needed: a `.docx` is read through the XML inside its zip, a PDF
/// through poppler's `pdftotext -layout` (Debian package poppler-utils).
public enum DecreeDocument {
    public struct Unreadable: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// `word/document.xml` larger than this is not a decree (a decree's is well under 1 MB).
    static let maxDocumentBytes = 64 << 20

    /// The decree's text by its extension: .docx, .pdf, anything else read as UTF-8 text.
    public static func text(of url: URL) throws -> String {
        switch url.pathExtension.lowercased() {
        case "docx": return try docxText(url)
        case "pdf": return try pdfText(url)
        default:
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw Unreadable(file: url.path, reason: "cannot read as UTF-8 text (a .docx or .pdf is read by its extension)")
            }
            return text
        }
    }

    // MARK: - Word

    public static func docxText(_ url: URL) throws -> String {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Unreadable(file: url.path, reason: "not a .docx (not a ZIP archive)")
        }
        guard let entry = archive["word/document.xml"] else { throw Unreadable(file: url.path, reason: "not a .docx (no word/document.xml)") }
        guard entry.uncompressedSize <= UInt64(maxDocumentBytes) else { throw Unreadable(file: url.path, reason: "word/document.xml is over 64 MB") }
        var xml = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                xml.append(chunk)
                if xml.count > maxDocumentBytes { throw Unreadable(file: url.path, reason: "word/document.xml is over 64 MB") }
            }
        } catch let e as Unreadable { throw e } catch {
            throw Unreadable(file: url.path, reason: "word/document.xml does not unzip: \(error)")
        }
        let collect = WordText()
        let parser = XMLParser(data: xml)
        parser.delegate = collect
        guard parser.parse() else {
            throw Unreadable(file: url.path, reason: "word/document.xml is not XML: line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "")")
        }
        return collect.lines.joined(separator: "\n") + "\n"
    }

    /// Paragraphs (`w:p`) to lines, each followed by a blank line; a table row (`w:tr`) to one line with its cells (`w:tc`)
    /// separated by tabs, a cell's paragraphs joined by spaces. A table inside a cell is read
    /// as part of that cell's text.
    final class WordText: NSObject, XMLParserDelegate {
        var lines: [String] = []
        var paragraph = ""
        var inText = false
        var tableDepth = 0
        var cells: [String] = []
        var cell: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:t": inText = true
            case "w:tab": paragraph += " "
            case "w:br": paragraph += " "
            case "w:tbl": tableDepth += 1
            case "w:tr" where tableDepth == 1: cells = []
            case "w:tc" where tableDepth == 1: cell = []
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                let text = paragraph.trimmingCharacters(in: .whitespaces)
                paragraph = ""
                // A Word paragraph is a paragraph of the text layout: a blank line after it, so a
                // service's name is not run together with the lines above it.
                if tableDepth == 0 { lines += [text, ""] } else if !text.isEmpty { cell.append(text) }
            case "w:tc" where tableDepth == 1: cells.append(cell.joined(separator: " "))
            case "w:tr" where tableDepth == 1: lines.append(cells.joined(separator: "\t"))
            case "w:tbl":
                tableDepth -= 1
                if tableDepth == 0 { lines.append("") }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { paragraph += string }
        }
    }

    // MARK: - PDF

    public static func pdfText(_ url: URL, pdftotext: String = "/usr/bin/pdftotext") throws -> String {
        guard FileManager.default.isExecutableFile(atPath: pdftotext) else {
            throw Unreadable(file: url.path, reason: "reading a PDF needs pdftotext (Debian package poppler-utils; scripts/install-deps installs it)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pdftotext)
        p.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Unreadable(file: url.path, reason: "pdftotext failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains(where: { $0.isLetter }) else {
            throw Unreadable(file: url.path, reason: "the PDF has no text layer (a scan?): nothing to read without OCR")
        }
        return tabbed(layout: text)
    }

    /// `pdftotext -layout` aligns table columns with spaces; the importer wants tabs. A
    /// `No  Komponen  Uraian` header gives the columns' positions; from there on each piece of
    /// a line (text between runs of two or more spaces) goes into the column it starts under,
    /// so a heading or text wrapped onto the next line lands in its own cell and continues the
    /// row above. A table ends at a line of one piece starting left of the Komponen column
    /// (the next service's name); other lines lose their indentation.
    static func tabbed(layout text: String) -> String {
        var out: [String] = []
        var columns: [Int]? = nil   // start of No, Komponen, Uraian in the current table
        var afterRow = false        // the previous line was a table line (no blank line between)
        for raw in text.replacingOccurrences(of: "\u{0C}", with: "\n").components(separatedBy: "\n") {
            let line = Array(raw.replacingOccurrences(of: "\t", with: " "))
            let pieces = Self.pieces(line)
            defer { afterRow = columns != nil && !pieces.isEmpty }
            if pieces.isEmpty { out.append(""); continue }
            if pieces.count >= 3, ["no", "no."].contains(pieces[0].text.lowercased()), pieces[1].text.lowercased() == "komponen" {
                columns = pieces.map(\.start)
                out.append(pieces.map(\.text).joined(separator: "\t"))
                continue
            }
            // One piece continues the row above only right below it; after a blank line it is
            // prose (the signature block), and left of Komponen it is the next service's name.
            guard let c = columns, pieces.count > 1 || (afterRow && pieces[0].start >= c[1] - 1) else {
                if columns != nil, pieces[0].start < (columns?[1] ?? 0) - 1 { columns = nil }
                out.append(pieces.map(\.text).joined(separator: " "))
                continue
            }
            var cells = [String](repeating: "", count: c.count)
            for p in pieces {
                let column = c.lastIndex { $0 <= p.start + 1 } ?? 0
                cells[column] += (cells[column].isEmpty ? "" : " ") + p.text
            }
            out.append(cells.joined(separator: "\t"))
        }
        return out.joined(separator: "\n")
    }

    /// Runs of text separated by two or more spaces, with the column each starts at.
    static func pieces(_ line: [Character]) -> [(start: Int, text: String)] {
        var out: [(start: Int, text: String)] = []
        var i = 0
        while i < line.count {
            while i < line.count, line[i] == " " { i += 1 }
            guard i < line.count else { break }
            let start = i
            var end = i
            while end < line.count, !(line[end] == " " && (end + 1 >= line.count || line[end + 1] == " ")) { end += 1 }
            out.append((start, String(line[start..<end])))
            i = end
        }
        return out
    }
}
