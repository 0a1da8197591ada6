import Foundation
import ZIPFoundation

/// A minimal workbook built in the test, part by part, so that each part can be broken on
/// purpose: a sheet whose `<sheetData>` is given, shared strings and styles when wanted.
struct TestWorkbook {
    static let sheetPart = "xl/worksheets/sheet1.xml"

    /// Part name → bytes and how it is stored; edit before `write` to damage or drop a part.
    var parts: [(name: String, data: Data, method: CompressionMethod)] = []

    /// `rows` is the content of `<sheetData>`; `sheetXML` replaces the whole sheet part.
    init(rows: String = "", sheetXML: String? = nil, sharedStrings: [String]? = nil, styles: String? = nil) {
        let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        let rel = #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        add("xl/workbook.xml", #"<?xml version="1.0"?><workbook \#(ns) \#(rel)><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)
        add(Self.sheetPart, sheetXML ?? #"<?xml version="1.0"?><worksheet \#(ns)><sheetData>\#(rows)</sheetData></worksheet>"#)
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
            add("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst \#(ns) count="\#(sharedStrings.count)">\#(items)</sst>"#)
        }
        if let styles { add("xl/styles.xml", #"<?xml version="1.0"?><styleSheet \#(ns)>\#(styles)</styleSheet>"#) }
    }

    mutating func add(_ name: String, _ text: String, method: CompressionMethod = .deflate) {
        add(name, Data(text.utf8), method: method)
    }

    mutating func add(_ name: String, _ data: Data, method: CompressionMethod = .deflate) {
        parts.removeAll { $0.name == name }
        parts.append((name, data, method))
    }

    mutating func remove(_ name: String) { parts.removeAll { $0.name == name } }

    /// Writes the archive into `dir` and returns its path.
    func write(_ name: String = "book.xlsx", in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for p in parts {
            try archive.addEntry(with: p.name, type: .file, uncompressedSize: Int64(p.data.count), compressionMethod: p.method) { pos, size in
                p.data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return url.path
    }
}

/// Inline-string cells: `cells("A1", "id", "B1", "layanan")`.
func inlineCells(_ pairs: (String, String)...) -> String {
    pairs.map { #"<c r="\#($0.0)" t="inlineStr"><is><t>\#($0.1)</t></is></c>"# }.joined()
}

/// A header row `id | layanan` on row 1.
let headerRow = #"<row r="1">"# + inlineCells(("A1", "id"), ("B1", "layanan")) + "</row>"
