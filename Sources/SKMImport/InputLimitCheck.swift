import SKMDomain

/// Checks an import file against `InputLimits`: the header once (a fault of the whole file),
/// then every row (a reject naming the column by name and position). Built from the column
/// plan, so a saran column gets the saran limit and profile columns the label limit.
struct InputLimitCheck: Sendable {
    /// The limit of each header column, by position.
    private let limits: [Int]
    private let header: [String]

    /// Refuses a header with too many columns or an over-long column name.
    static func header(_ header: [String], file: String) throws {
        if header.count > InputLimits.columns {
            throw ImportError.tooLarge(file: file, .headerColumns(count: header.count))
        }
        for (i, name) in header.enumerated() where !InputLimits.fits(name, InputLimits.headerCharacters) {
            throw ImportError.tooLarge(file: file, .headerName(column: i + 1, characters: name.count))
        }
    }

    init(plan: ColumnPlan) {
        header = plan.header
        var limits = [Int](repeating: InputLimits.fieldCharacters, count: plan.header.count)
        if let i = plan.index(.saran) { limits[i] = InputLimits.saranCharacters }
        for f in [ImportField.gender, .education, .occupation] {
            if let i = plan.index(f) { limits[i] = InputLimits.profileLabelCharacters }
        }
        self.limits = limits
    }

    /// Whether a row of the byte path keeps every limit: its fields are ASCII, one character a byte.
    func fits(_ row: RawRow) -> Bool {
        for i in 0..<row.count where row.field(i).count > (i < limits.count ? limits[i] : InputLimits.fieldCharacters) { return false }
        return true
    }

    /// The first limit the row breaks, as a reject; nil when it keeps them all.
    func problem(_ row: SourceRow) -> RowProblem? {
        let cells = row.cells
        if cells.count > InputLimits.columns {
            return RowProblem(column: nil, value: nil, reason: "baris berisi \(cells.count) kolom, lebih dari batas \(InputLimits.columns)",
                              position: InputLimits.columns + 1)
        }
        for i in cells.indices {
            let limit = i < limits.count ? limits[i] : InputLimits.fieldCharacters
            guard !InputLimits.fits(cells[i], limit) else { continue }
            return RowProblem(column: i < header.count ? header[i] : nil, value: cells[i],
                              reason: "isi kolom \(cells[i].count) karakter, lebih dari batas \(limit)", position: i + 1)
        }
        return nil
    }
}

/// Which input limit a file breaks as a whole (docs/input-limits.md).
public enum InputLimitFault: Sendable, Equatable {
    /// The header has more columns than `InputLimits.columns`.
    case headerColumns(count: Int)
    /// The header's column at `column` (1-based) is longer than `InputLimits.headerCharacters`.
    case headerName(column: Int, characters: Int)
    /// An HTTP upload has more data rows than `InputLimits.uploadRows`; `line` is the first one over.
    case uploadRows(line: Int)

    /// The line of the file the fault is on (the header's is 1).
    public var line: Int {
        if case let .uploadRows(line) = self { return line }
        return 1
    }

    public var english: String {
        switch self {
        case let .headerColumns(n):
            "line 1: the header has \(n) columns, more than the limit of \(InputLimits.columns)"
        case let .headerName(c, n):
            "line 1, column \(c): the column name has \(n) characters, more than the limit of \(InputLimits.headerCharacters)"
        case let .uploadRows(l):
            "line \(l): more than \(InputLimits.uploadRows) rows, the limit of one upload; split the file"
        }
    }
}
