/// Why a workbook cannot be read, with the part (the ZIP entry, e.g. `xl/worksheets/sheet1.xml`)
/// and, inside a sheet, the cell or row where reading stopped.
///
/// Every one of these stops the whole import: a workbook that is damaged or hostile is refused,
/// never read in part and reported as a success. Nothing here is a row-level reject.
public enum XLSXError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A part the workbook needs is not in the archive.
    case missingPart(file: String, part: String)
    /// A part's XML is cut short or broken. `lastRow` is the last sheet row read whole (nil
    /// when none was, or for parts that are not sheets).
    case damagedXML(file: String, part: String, lastRow: Int?, reason: String)
    /// The ZIP entry cannot be inflated or its checksum does not match.
    case damagedEntry(file: String, part: String, reason: String)
    /// `<row r="…">` is not a row number Excel can hold (1…1,048,576). `after` is the last row read.
    case rowNumberOutOfRange(file: String, part: String, value: String, after: Int?)
    /// `<c r="…">` is not a cell reference within column A…XFD.
    case badCellReference(file: String, part: String, row: Int, value: String)
    /// A shared-string cell whose index is not in `xl/sharedStrings.xml`.
    case missingSharedString(file: String, cell: String, index: String, count: Int)
    /// A cell whose style index is not in `<cellXfs>` of `xl/styles.xml`.
    case missingStyle(file: String, cell: String, index: String, count: Int)
    /// One part inflates past the per-part cap (a ZIP bomb, or a sheet too large to import).
    case partTooLarge(file: String, part: String, limit: Int64)
    /// The parts read inflate past the per-workbook cap in all.
    case workbookTooLarge(file: String, limit: Int64)
    /// The archive has more entries than any real workbook.
    case tooManyParts(file: String, limit: Int)

    public var description: String {
        switch self {
        case let .missingPart(f, p):
            "\(f): not a readable XLSX workbook: part \(p) is missing"
        case let .damagedXML(f, p, row, r):
            "\(f): part \(p) is damaged (\(r)); \(Self.lastRow(row)); nothing was imported"
        case let .damagedEntry(f, p, r):
            "\(f): part \(p) cannot be unzipped (\(r)); nothing was imported"
        case let .rowNumberOutOfRange(f, p, v, after):
            "\(f): \(p): row number '\(Self.clip(v))' is not between 1 and 1048576 (\(Self.lastRow(after)))"
        case let .badCellReference(f, p, row, v):
            "\(f): \(p), row \(row): cell reference '\(Self.clip(v))' is not a column A to XFD followed by a row number"
        case let .missingSharedString(f, cell, i, n):
            "\(f): cell \(cell) refers to shared string '\(Self.clip(i))', but the workbook has \(n) (0 to \(n - 1))"
        case let .missingStyle(f, cell, i, n):
            "\(f): cell \(cell) uses style '\(Self.clip(i))', but xl/styles.xml defines \(n)"
        case let .partTooLarge(f, p, limit):
            "\(f): part \(p) unzips to more than \(Self.bytes(limit)) (the limit per part); nothing was imported"
        case let .workbookTooLarge(f, limit):
            "\(f): the workbook unzips to more than \(Self.bytes(limit)) in all (the limit); nothing was imported"
        case let .tooManyParts(f, limit):
            "\(f): the archive has more than \(limit) entries (the limit); not a workbook skm reads"
        }
    }

    private static func lastRow(_ row: Int?) -> String {
        row.map { "the last row read whole was row \($0)" } ?? "no row was read whole"
    }

    /// Hostile values can be long: a message quotes at most 40 characters of one.
    private static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    private static func bytes(_ n: Int64) -> String {
        n >= 1 << 20 && n % (1 << 20) == 0 ? "\(n >> 20) MiB" : "\(n) bytes"
    }
}
