import Foundation
import SKMDomain
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Which cell styles of a workbook show a number as a date, so that a date cell reaches the
/// importer — and the rejects sheet — as `2024-03-04 09:15` rather than `45355.385416666664`.
///
/// A cell's `s` attribute indexes `<cellXfs>`; each `<xf>` names a number format, built in
/// (14–22 and 45–47 are dates or times) or declared in `<numFmts>` by a format code, which
/// is a date when it has d, m, y, h or s outside quotes, brackets and escapes.
struct XLSXStyles {
    /// For each cellXfs index: shows a date.
    private(set) var isDate: [Bool] = []

    init() {}

    /// Reads `xl/styles.xml`; a damaged part is an error, not "no dates".
    init(data: Data, file: String) throws {
        final class Collect: NSObject, XMLParserDelegate {
            var custom: [Int: String] = [:]
            var formats: [Int] = []
            var inCellXfs = false
            var depth = XMLDepth()
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
                depth.open()
                switch localName(e) {
                case "numFmt": if let id = a["numFmtId"].flatMap({ Int($0) }) { custom[id] = a["formatCode"] ?? "" }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: formats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            }
            func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
                depth.close()
                if localName(e) == "cellXfs" { inCellXfs = false }
            }
        }
        let c = Collect()
        let parser = XMLParser(data: data)
        parser.delegate = c
        guard parser.parse(), c.depth.complete else {
            throw XLSXError.damagedXML(file: file, part: "xl/styles.xml", lastRow: nil, reason: xmlFailure(parser))
        }
        isDate = c.formats.map { id in
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            return c.custom[id].map(Self.isDateFormat) ?? false
        }
    }

    /// Styles defined in `<cellXfs>`.
    var count: Int { isDate.count }

    /// Whether a cell may name this style: one that is defined, or 0 (the default, which
    /// writers that leave out `xl/styles.xml` or `<cellXfs>` still write).
    func exists(_ style: Int) -> Bool { style == 0 || (style > 0 && style < isDate.count) }

    func isDate(style: Int) -> Bool { style >= 0 && style < isDate.count && isDate[style] }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default: if !inQuotes, !inBrackets, "dmyhs".contains(ch) { return true }
            }
        }
        return false
    }

    /// An Excel serial as local ISO text: `2024-03-04`, or `2024-03-04 09:15` / `…:07` with a time.
    static func isoText(serial text: String) -> String? {
        guard let v = Double(text), v.isFinite, v >= 61, v < 2_958_466 else { return nil }
        let total = Int((v * 86400).rounded())
        let date = LocalDate(dayNumber: total / 86400 - 25569)
        let sec = total % 86400
        if sec == 0 && v == v.rounded() { return date.description }
        let h = sec / 3600, m = sec / 60 % 60, s = sec % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date) \(two(h)):\(two(m))" + (s == 0 ? "" : ":\(two(s))")
    }
}
