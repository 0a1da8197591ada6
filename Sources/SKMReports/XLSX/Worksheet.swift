import CXlsxWriter

/// One sheet of a `Workbook`. Every write checks its `lxw_error` and reports the sheet and cell.
///
/// Rows and columns are 0-based. With the workbook in constant-memory mode, rows must be
/// written top to bottom (cells within a row in any order).
public final class Worksheet {
    public let name: String
    let pointer: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: Workbook

    init(pointer: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook) {
        self.pointer = pointer
        self.name = name
        self.workbook = workbook
    }

    private func check(_ err: lxw_error, _ operation: String, row: Int? = nil, col: Int? = nil) throws {
        guard err != LXW_NO_ERROR else { return }
        let cell = row.map { r in col.map { CellName.of(row: r, col: $0) } ?? "row \(r + 1)" }
        throw XLSXError(err, operation: operation, file: workbook.path, sheet: name, cell: cell)
    }

    private func checkBounds(_ row: Int, _ col: Int, _ operation: String) throws {
        guard row >= 0, row < Workbook.maxRows, col >= 0, col < 16_384 else {
            throw XLSXError(code: Int(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue),
                            message: "row or column outside the worksheet (\(Workbook.maxRows) rows max)",
                            operation: operation, file: workbook.path, sheet: name, cell: CellName.of(row: row, col: col))
        }
    }

    // MARK: cells

    /// A numeric cell. Non-finite values cannot be stored in XLSX and are refused.
    public func number(_ row: Int, _ col: Int, _ value: Double, _ format: Format = .default) throws {
        try checkBounds(row, col, "worksheet_write_number")
        guard value.isFinite else {
            throw XLSXError(code: -1, message: "not a finite number: \(value)", operation: "worksheet_write_number",
                            file: workbook.path, sheet: name, cell: CellName.of(row: row, col: col))
        }
        try check(worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(col), value, format.pointer),
                  "worksheet_write_number", row: row, col: col)
    }

    public func number(_ row: Int, _ col: Int, _ value: Double, _ style: CellStyle) throws {
        try number(row, col, value, try workbook.format(style))
    }

    /// A text cell, always stored as a string: text beginning with `=`, `+`, `-` or `@` is
    /// never read as a formula. Text past a cell's limit is cut with a visible marker
    /// (`Worksheet.fitted`): no input may make a report fail.
    public func text(_ row: Int, _ col: Int, _ value: String, _ format: Format = .default) throws {
        try checkBounds(row, col, "worksheet_write_string")
        let value = Self.fitted(value)
        if value.isEmpty {
            try check(worksheet_write_blank(pointer, lxw_row_t(row), lxw_col_t(col), format.pointer),
                      "worksheet_write_blank", row: row, col: col)
            return
        }
        try check(worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(col), value, format.pointer),
                  "worksheet_write_string", row: row, col: col)
    }

    /// Excel holds at most 32,767 characters (UTF-16 units) in a cell, and libxlsxwriter refuses
    /// longer strings; anything longer keeps its start and ends in `cutMarker`.
    public static let maxCellCharacters = 32_767
    public static let cutMarker = "[…]"

    static func fitted(_ value: String) -> String {
        guard value.utf16.count > maxCellCharacters else { return value }
        var kept = ""
        var units = 0
        let room = maxCellCharacters - cutMarker.utf16.count
        for ch in value {
            let n = ch.utf16.count
            if units + n > room { break }
            kept.append(ch)
            units += n
        }
        return kept + cutMarker
    }

    public func text(_ row: Int, _ col: Int, _ value: String, _ style: CellStyle) throws {
        try text(row, col, value, try workbook.format(style))
    }

    /// A number, or `placeholder` text (e.g. "–") when there is none.
    public func number(_ row: Int, _ col: Int, _ value: Double?, _ style: CellStyle, placeholder: String) throws {
        if let value { try number(row, col, value, style) } else {
            try text(row, col, placeholder, CellStyle(border: style.border, align: .center))
        }
    }

    /// A row of header cells.
    public func header(_ row: Int, _ titles: [String], _ style: CellStyle, firstCol: Int = 0) throws {
        let f = try workbook.format(style)
        for (i, t) in titles.enumerated() { try text(row, firstCol + i, t, f) }
    }

    // MARK: layout

    /// Column width in characters, for columns `first...last` (libxlsxwriter 1.1.4 has no autofit).
    public func columnWidth(_ cols: ClosedRange<Int>, _ width: Double) throws {
        try check(worksheet_set_column(pointer, lxw_col_t(cols.lowerBound), lxw_col_t(cols.upperBound), width, nil),
                  "worksheet_set_column", col: cols.lowerBound)
    }

    public func columnWidth(_ col: Int, _ width: Double) throws { try columnWidth(col...col, width) }

    /// Sets a row's height in points (15 = one line). libxlsxwriter does not fit rows to wrapped
    /// text, and LibreOffice then draws wrapped lines over the next row; call before the row's cells.
    public func rowHeight(_ row: Int, _ points: Double) throws {
        try check(worksheet_set_row(pointer, lxw_row_t(row), points, nil), "worksheet_set_row", col: 0)
    }

    /// Lines a text needs in a column `width` characters wide (a rough, slightly generous estimate).
    public static func lines(_ text: String, width: Double) -> Int {
        max(1, Int((Double(text.count) * 1.1 / max(1, width - 1)).rounded(.up)))
    }

    /// `text` cut to at most `maxLines` wrapped lines of a column `width` wide, ending in "…";
    /// `clipped` says whether anything was cut (then keep the whole text in a `comment`).
    public static func clipped(_ text: String, width: Double, maxLines: Int) -> (text: String, clipped: Bool) {
        let fits = Int(Double(maxLines) * max(1, width - 1) / 1.1)
        guard text.count > fits, fits > 1 else { return (text, false) }
        return (String(text.prefix(fits - 1)) + "…", true)
    }

    /// A cell note (shown on hover, not printed): where a cell had to be cut, the whole text.
    public func comment(_ row: Int, _ col: Int, _ text: String) throws {
        try checkBounds(row, col, "worksheet_write_comment")
        try check(worksheet_write_comment(pointer, lxw_row_t(row), lxw_col_t(col), Self.fitted(text)),
                  "worksheet_write_comment", row: row, col: col)
    }

    /// Keeps the rows above `row` and the columns left of `col` visible while scrolling.
    public func freeze(row: Int, col: Int = 0) {
        worksheet_freeze_panes(pointer, lxw_row_t(row), lxw_col_t(col))
    }

    /// Colours cells of a range whose value meets `criteria` against `value`.
    public func conditionalFormat(rows: ClosedRange<Int>, cols: ClosedRange<Int>, criteria: lxw_conditional_criteria,
                                  value: Double, style: CellStyle) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        cf.criteria = UInt8(criteria.rawValue)
        cf.value = value
        cf.format = try workbook.format(style).pointer
        try check(worksheet_conditional_format_range(pointer, lxw_row_t(rows.lowerBound), lxw_col_t(cols.lowerBound),
                                                     lxw_row_t(rows.upperBound), lxw_col_t(cols.upperBound), &cf),
                  "worksheet_conditional_format_range", row: rows.lowerBound, col: cols.lowerBound)
    }

    /// Places `chart` at a cell, `width` × `height` pixels (libxlsxwriter's default is 480 × 288).
    public func insert(_ chart: Chart, row: Int, col: Int, width: Double, height: Double) throws {
        var o = lxw_chart_options()
        o.x_scale = width / 480
        o.y_scale = height / 288
        try check(worksheet_insert_chart_opt(pointer, lxw_row_t(row), lxw_col_t(col), chart.pointer, &o),
                  "worksheet_insert_chart_opt", row: row, col: col)
    }

    /// One text over the cells `firstCol...lastCol` of a row: a wrapped note stays inside the
    /// printed width instead of running off the page. Written in row order like any cell.
    public func merged(_ row: Int, _ firstCol: Int, _ lastCol: Int, _ value: String, _ style: CellStyle) throws {
        try checkBounds(row, lastCol, "worksheet_merge_range")
        try check(worksheet_merge_range(pointer, lxw_row_t(row), lxw_col_t(firstCol), lxw_row_t(row), lxw_col_t(lastCol),
                                        Self.fitted(value), try workbook.format(style).pointer),
                  "worksheet_merge_range", row: row, col: firstCol)
    }

    /// A number over the cells `firstCol...lastCol` of a row (a big headline figure wider than its column).
    public func mergedNumber(_ row: Int, _ firstCol: Int, _ lastCol: Int, _ value: Double?, _ style: CellStyle, placeholder: String = "–") throws {
        guard let value else { return try merged(row, firstCol, lastCol, placeholder, style.with { $0.numberFormat = nil }) }
        try merged(row, firstCol, lastCol, "", style)
        try number(row, firstCol, value, style)
    }

    /// Prints only the cells `rows` × `cols` (chart data kept beside them stays off the paper).
    public func printArea(rows: ClosedRange<Int>, cols: ClosedRange<Int>) throws {
        try check(worksheet_print_area(pointer, lxw_row_t(rows.lowerBound), lxw_col_t(cols.lowerBound),
                                       lxw_row_t(rows.upperBound), lxw_col_t(cols.upperBound)),
                  "worksheet_print_area", row: rows.lowerBound, col: cols.lowerBound)
    }

    public func insert(_ chart: Chart, row: Int, col: Int) throws {
        try check(worksheet_insert_chart(pointer, lxw_row_t(row), lxw_col_t(col), chart.pointer),
                  "worksheet_insert_chart", row: row, col: col)
    }

    /// Whether `printA4Landscape` was called; the writer gives the other sheets a default.
    public private(set) var hasPageSetup = false

    /// Prints on A4 landscape, scaled to `wide` × `tall` pages (0: as many as needed).
    public func printA4Landscape(fitWide wide: Int = 1, tall: Int = 1) {
        hasPageSetup = true
        worksheet_set_landscape(pointer)
        worksheet_set_paper(pointer, 9)  // 9 = A4 in Excel's paper table
        worksheet_fit_to_pages(pointer, UInt16(wide), UInt16(tall))
        worksheet_set_margins(pointer, 0.5, 0.5, 0.6, 0.6)
        worksheet_center_horizontally(pointer)
    }

    /// Repeats the rows `first...last` at the top of every printed page.
    public func repeatRows(_ first: Int, _ last: Int) throws {
        try check(worksheet_repeat_rows(pointer, lxw_row_t(first), lxw_row_t(last)), "worksheet_repeat_rows", row: first)
    }

    public func footer(_ text: String) throws {
        try check(worksheet_set_footer(pointer, text), "worksheet_set_footer")
    }
}
