import Foundation
import ZIPFoundation

/// A workbook made of fuzzed parts: sheet, shared strings, styles, separated by NUL bytes.
enum FuzzWorkbook {
    static let workbook = #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let rels = #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#

    static func write(_ bytes: ArraySlice<UInt8>, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        var entries: [(String, Data)] = [("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8))]
        let names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
        for (name, part) in zip(names, parts) { entries.append((name, Data(part))) }
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
    }
}
