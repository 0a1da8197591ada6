import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads back what the tests need from an .xlsx: sheet names in order, every cell's value
/// (shared, inline and formula strings; numbers), each cell's number format and fill colour,
/// and the raw sheet XML for page-setup and pane checks. Test-only; no formulas evaluated.
struct XLSXReader {
    enum Value: Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)
        var description: String {
            switch self {
            case let .number(d): "\(d)"
            case let .text(s): "\"\(s)\""
            }
        }
        var number: Double? { if case let .number(d) = self { d } else { nil } }
        var text: String? { if case let .text(s) = self { s } else { nil } }
    }

    struct Cell {
        var value: Value
        var style: Int
    }

    struct Sheet {
        var name: String
        var cells: [String: Cell]
        var xml: String
        subscript(_ ref: String) -> Value? { cells[ref]?.value }
        /// Cells of one row, keyed by column letters.
        func row(_ r: Int) -> [String: Value] {
            var out: [String: Value] = [:]
            for (k, c) in cells where k.drop(while: { $0.isLetter }) == Substring(String(r)) {
                out[String(k.prefix(while: { $0.isLetter }))] = c.value
            }
            return out
        }
        /// The first row (1-based) whose column A holds `text`.
        func rowWhere(_ column: String = "A", is text: String) -> Int? {
            cells.compactMap { k, c -> Int? in
                guard k.hasPrefix(column), let r = Int(k.dropFirst(column.count)), c.value == .text(text) else { return nil }
                return r
            }.min()
        }
    }

    struct Style { var numberFormat: String?; var fill: String? }

    var sheets: [Sheet] = []
    var styles: [Style] = []
    var sheetNames: [String] { sheets.map(\.name) }
    subscript(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    func numberFormat(_ sheet: String, _ ref: String) -> String? {
        guard let c = self[sheet]?.cells[ref], styles.indices.contains(c.style) else { return nil }
        return styles[c.style].numberFormat
    }

    func fill(_ sheet: String, _ ref: String) -> String? {
        guard let c = self[sheet]?.cells[ref], styles.indices.contains(c.style) else { return nil }
        return styles[c.style].fill
    }

    init(url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        func file(_ path: String) throws -> Data? {
            guard let e = archive[path] else { return nil }
            var d = Data()
            _ = try archive.extract(e) { d.append($0) }
            return d
        }
        let shared = try file("xl/sharedStrings.xml").map { XMLTree.parse($0) }?.children("si").map { $0.allText("t") } ?? []
        let rels = Dictionary(uniqueKeysWithValues: XMLTree.parse(try file("xl/_rels/workbook.xml.rels")!).descendants("Relationship")
            .map { ($0.attributes["Id"]!, $0.attributes["Target"]!) })
        for s in XMLTree.parse(try file("xl/workbook.xml")!).descendants("sheet") {
            let target = rels[s.attributes["r:id"]!]!
            let data = try file(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)!
            var cells: [String: Cell] = [:]
            for c in XMLTree.parse(data).descendants("c") {
                let ref = c.attributes["r"]!
                let style = Int(c.attributes["s"] ?? "0") ?? 0
                let v = c.children("v").first?.text
                switch c.attributes["t"] {
                case "s": cells[ref] = Cell(value: .text(shared[Int(v!)!]), style: style)
                case "inlineStr": cells[ref] = Cell(value: .text(c.allText("t")), style: style)
                case "str": cells[ref] = Cell(value: .text(v ?? ""), style: style)
                case nil, "n": if let v { cells[ref] = Cell(value: .number(Double(v)!), style: style) }
                default: break
                }
            }
            sheets.append(Sheet(name: s.attributes["name"]!, cells: cells, xml: String(decoding: data, as: UTF8.self)))
        }
        let st = XMLTree.parse(try file("xl/styles.xml")!)
        var formats = [0: "General", 10: "0.00%", 14: "m/d/yy"]
        for f in st.descendants("numFmt") { formats[Int(f.attributes["numFmtId"]!)!] = f.attributes["formatCode"] }
        let fills = (st.descendants("fills").first?.children("fill") ?? []).map { $0.descendants("fgColor").first?.attributes["rgb"] }
        if let xfs = st.descendants("cellXfs").first {
            styles = xfs.children("xf").map { xf in
                Style(numberFormat: formats[Int(xf.attributes["numFmtId"] ?? "0") ?? 0],
                      fill: fills[Int(xf.attributes["fillId"] ?? "0") ?? 0])
            }
        }
    }
}

/// A minimal DOM over XMLParser, enough for the package parts above.
final class XMLTree: NSObject, XMLParserDelegate {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }
        func children(_ n: String) -> [Node] { children.filter { $0.name == n } }
        func descendants(_ n: String) -> [Node] { children.flatMap { ($0.name == n ? [$0] : []) + $0.descendants(n) } }
        /// Concatenated text of all `<t>` descendants (rich-text runs included).
        func allText(_ n: String) -> String { descendants(n).map(\.text).joined() }
    }

    private var stack: [Node] = [Node(name: "#document", attributes: [:])]

    static func parse(_ data: Data) -> Node {
        let t = XMLTree()
        let p = XMLParser(data: data)
        p.delegate = t
        precondition(p.parse(), "bad XML: \(p.parserError.map { "\($0)" } ?? "?")")
        return t.stack[0]
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let n = Node(name: name, attributes: attributes)
        stack.last!.children.append(n)
        stack.append(n)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last!.text += string }
}
