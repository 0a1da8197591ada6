import Foundation

/// One data row of a table file, with the line an officer would look for: the physical line
/// where a CSV record starts (header = line 1), or the spreadsheet's row number.
public struct SourceRow: Sendable, Equatable {
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// What a reader hands over for each record: a row, or a record it could not read
/// (a stray quote, invalid UTF-8, a wrong number of fields) — rejected like any bad row,
/// so that one broken line never stops the good ones from loading.
public enum SourceEvent: Sendable, Equatable {
    case row(SourceRow)
    case malformed(line: Int, reason: String)
    /// Lines the reader could not split into records: the import stops unless `--keep-going`.
    case damaged(StructuralFault)
}

/// A table file read from start to end once, without holding it in memory.
///
/// Push-style (`read(header:row:)`) rather than an iterator because the XLSX reader sits on
/// an event-driven XML parser; the CSV reader could do either.
public protocol TableSource: AnyObject {
    /// The file name as given, for rejects.
    var fileName: String { get }
    /// Bytes of input consumed so far and in all, for a progress bar; total nil when unknown.
    var progressBytes: (done: Int64, total: Int64?) { get }
    /// Calls `header` once with the first non-empty record, then `row` for every later record.
    func read(header: ([String]) throws -> Void, row: (SourceEvent) throws -> Void) throws
}

/// Why a whole file cannot be read (as opposed to one bad row).
public enum TableFileError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(file: String, reason: String)
    case unsupportedFormat(file: String, reason: String)
    case empty(file: String)
    case noSuchSheet(file: String, sheet: String, available: [String])
    case corrupt(file: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(f, r): "\(f): cannot open: \(r)"
        case let .unsupportedFormat(f, r): "\(f): \(r)"
        case let .empty(f): "\(f): the file has no header row"
        case let .noSuchSheet(f, s, a): "\(f): no sheet named '\(s)' (sheets: \(a.joined(separator: ", ")))"
        case let .corrupt(f, r): "\(f): not a readable XLSX workbook: \(r)"
        }
    }
}

/// Opens a file by its extension: `.xlsx` as a workbook, anything else as CSV.
public func openTable(path: String, sheet: String? = nil) throws -> TableSource {
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
        return try XLSXReader(path: path, sheet: sheet)
    }
    if lower.hasSuffix(".xls") {
        throw TableFileError.unsupportedFormat(file: path, reason: "old binary .xls is not supported: save it as .xlsx or CSV UTF-8")
    }
    return try CSVReader(path: path)
}
