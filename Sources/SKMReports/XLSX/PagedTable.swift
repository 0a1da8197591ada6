/// A detail table that may not fit one sheet: past `maxRows` rows (header included) it continues
/// on "Ditolak (2)", "Ditolak (3)" … with the header repeated, so nothing is ever cut silently
/// at Excel's 1,048,576-row limit.
struct PagedTable {
    let workbook: Workbook
    let baseName: String
    let header: [String]
    let maxRows: Int
    let widths: [Double]
    private(set) var sheet: Worksheet
    private(set) var page = 1
    /// Next row to write on `sheet`.
    private(set) var row: Int

    /// Sheets needed for `count` data rows whose header sits at `startRow` of the first sheet.
    static func pages(count: Int, startRow: Int, maxRows: Int) -> Int {
        let firstCapacity = max(0, maxRows - startRow - 1)
        guard count > firstCapacity else { return 1 }
        let rest = count - firstCapacity
        return 1 + (rest + maxRows - 2) / (maxRows - 1)
    }

    /// Writes the header at `startRow` of `sheet`; when the sheet has no room left for a data
    /// row under it, the table starts on the first continuation sheet instead.
    init(workbook: Workbook, sheet: Worksheet, startRow: Int, header: [String], widths: [Double], maxRows: Int) throws {
        precondition(maxRows >= 2, "a sheet must hold a header and a row")
        self.workbook = workbook
        self.baseName = sheet.name
        self.header = header
        self.maxRows = maxRows
        self.widths = widths
        self.sheet = sheet
        self.row = startRow
        if startRow + 1 < maxRows { try start(at: startRow) } else { row = maxRows }
    }

    private mutating func start(at headerRow: Int) throws {
        try sheet.header(headerRow, header, ReportStyles.header)
        for (c, w) in widths.enumerated() { try sheet.columnWidth(c, w) }
        sheet.freeze(row: headerRow + 1)
        row = headerRow + 1
    }

    /// The sheet and row for the next data row, opening a continuation sheet when this one is full.
    mutating func next() throws -> (Worksheet, Int) {
        if row >= maxRows {
            page += 1
            sheet = try workbook.addSheet("\(baseName) (\(page))")
            try start(at: 0)
        }
        defer { row += 1 }
        return (sheet, row)
    }
}
