import Foundation
import SKMStorage

/// The rows of a named query, with its column names, and the four ways `skm query` prints them.
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[QueryValue]]

    public init(columns: [String], rows: [[QueryValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public func column(_ name: String) -> [QueryValue] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i] }
    }

    /// An aligned text table for the terminal; reals shown with up to four decimals.
    public func table() -> String {
        func show(_ v: QueryValue) -> String {
            if case let .real(d) = v {
                var s = String(format: "%.4f", d)
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
                return s
            }
            return v.description.replacingOccurrences(of: "\n", with: " ")
        }
        let numeric = columns.indices.map { c in rows.contains { if case .text = $0[c] { false } else { true } }
            && !rows.contains { if case .text = $0[c] { true } else { false } } }
        let table = TextTable.render([columns] + rows.map { $0.map(show) }, alignments: numeric.map { $0 ? .right : .left })
        return table + "\n(\(rows.count) \(rows.count == 1 ? "row" : "rows"))\n"
    }

    /// RFC 4180 CSV with a header row; fields quoted when they need it, text that a spreadsheet
    /// would run as a formula neutralised (`CSVCell.safe`). Numbers are written as numbers: a
    /// negative figure stays a number.
    public func csv() -> String {
        let header = columns.map(CSVCell.safe)
        let body = rows.map { r in
            r.map { v -> String in
                if case let .text(s) = v { return CSVCell.safe(s) }
                return CSVCell.quoted(v.description)
            }
        }
        return ([header] + body).map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A JSON array of objects, keys in column order, numbers at full precision, NULL as null.
    public func json() throws -> String {
        func value(_ v: QueryValue) throws -> String {
            switch v {
            case .null: return "null"
            case let .integer(i): return String(i)
            case let .real(d):
                guard d.isFinite else { return "null" }
                return "\(d)"
            case let .text(s): return String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
            }
        }
        let keys = try columns.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let objects = try rows.map { r in
            "  {" + (try zip(keys, r).map { "\($0): \(try value($1))" }.joined(separator: ", ")) + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// One sheet named after the query (continued on numbered sheets past `maxRowsPerSheet`),
    /// numbers as numbers, text always as text. Written atomically.
    public func writeXLSX(to url: URL, sheetName: String, maxRowsPerSheet: Int = Workbook.maxRows) throws {
        try AtomicFile.write(to: url) { tmp in
            let wb = try Workbook(path: tmp.path, constantMemory: true)
            let name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(24))
            let ws = try wb.addSheet(name.isEmpty ? "query" : name)
            let widths = columns.indices.map { c in
                Double(min(60, max(columns[c].count, rows.prefix(200).map { $0[c].description.count }.max() ?? 0) + 2))
            }
            var table = try PagedTable(workbook: wb, sheet: ws, startRow: 0, header: columns, widths: widths, maxRows: maxRowsPerSheet)
            let int = try wb.format(CellStyle(numberFormat: "0")), real = try wb.format(CellStyle(numberFormat: "0.0000"))
            for r in rows {
                let (sheet, i) = try table.next()
                for (c, v) in r.enumerated() {
                    switch v {
                    case .null: break
                    case let .integer(n): try sheet.number(i, c, Double(n), int)
                    case let .real(d): if d.isFinite { try sheet.number(i, c, d, real) }
                    case let .text(s): try sheet.text(i, c, s)
                    }
                }
            }
            try wb.close()
        }
    }
}
