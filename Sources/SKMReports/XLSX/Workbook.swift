import CXlsxWriter
import Foundation
import Synchronization

/// A thin owner of one `lxw_workbook`: creates sheets and formats, and closes the file exactly
/// once (libxlsxwriter writes everything in `workbook_close`; errors surface there).
///
/// Not thread-safe and not `Sendable`: build a workbook inside one synchronous function.
public final class Workbook {
    /// Excel's hard limit of rows per sheet (header included).
    public static let maxRows = 1_048_576
    /// Excel's limit on the characters of one cell.
    public static let maxCellCharacters = 32_767

    public let path: String
    private static let closing = Mutex(())
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: Format] = [:]
    private var sheets: [String: Worksheet] = [:]
    /// Every sheet in the order added (continuation sheets included), for settings that apply to all.
    public private(set) var orderedSheets: [Worksheet] = []

    /// - Parameter constantMemory: stream each row to a temporary file as soon as the next row
    ///   starts (rows must then be written in order); keeps memory flat for large detail sheets.
    public init(path: String, constantMemory: Bool = true) throws {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        guard let wb = workbook_new_opt(path, &options) else {
            throw XLSXError(code: Int(LXW_ERROR_CREATING_XLSX_FILE.rawValue), message: "cannot create workbook",
                            operation: "workbook_new_opt", file: path)
        }
        handle = wb
    }

    deinit {
        // An abandoned workbook (an error before close) frees its memory without writing a file.
        if let handle { lxw_workbook_free(handle) }
    }

    func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XLSXError(code: -1, message: "workbook already closed", operation: "use", file: path)
        }
        return handle
    }

    /// Adds a worksheet; the name is checked first so that a bad one (> 31 characters, `[]:*?/\`,
    /// duplicate) fails with the library's reason instead of a NULL sheet.
    public func addSheet(_ name: String) throws -> Worksheet {
        let wb = try open()
        let err = workbook_validate_sheet_name(wb, name)
        guard err == LXW_NO_ERROR else { throw XLSXError(err, operation: "workbook_validate_sheet_name", file: path, sheet: name) }
        guard let ws = workbook_add_worksheet(wb, name) else {
            throw XLSXError(code: -1, message: "cannot add worksheet", operation: "workbook_add_worksheet", file: path, sheet: name)
        }
        let sheet = Worksheet(pointer: ws, name: name, workbook: self)
        sheets[name] = sheet
        orderedSheets.append(sheet)
        return sheet
    }

    /// The shared format for a style, created on first use.
    public func format(_ style: CellStyle) throws -> Format {
        if style == .plain { return .default }
        if let f = formats[style] { return f }
        guard let f = workbook_add_format(try open()) else {
            throw XLSXError(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue), message: "cannot add format",
                            operation: "workbook_add_format", file: path)
        }
        style.apply(to: f)
        let format = Format(pointer: f)
        formats[style] = format
        return format
    }

    /// Sets the document's title and author shown in Excel's file properties. `created` (UTC
    /// seconds) is fixed by the caller so that the same figures give byte-identical files;
    /// libxlsxwriter would otherwise stamp the current time.
    public func setProperties(title: String, subject: String, author: String, created: Int64) throws {
        let wb = try open()
        let err = title.withCString { t in
            subject.withCString { s in
                author.withCString { a in
                    var p = lxw_doc_properties()
                    p.title = UnsafeMutablePointer(mutating: t)
                    p.subject = UnsafeMutablePointer(mutating: s)
                    p.author = UnsafeMutablePointer(mutating: a)
                    p.created = time_t(created)
                    return workbook_set_properties(wb, &p)  // copies the strings
                }
            }
        }
        guard err == LXW_NO_ERROR else { throw XLSXError(err, operation: "workbook_set_properties", file: path) }
    }

    /// A chart owned by the workbook, to be placed with `Worksheet.insert(_:row:col:)`.
    public func addChart(_ type: lxw_chart_type) throws -> Chart {
        guard let c = workbook_add_chart(try open(), UInt8(type.rawValue)) else {
            throw XLSXError(code: -1, message: "cannot add chart", operation: "workbook_add_chart", file: path)
        }
        return Chart(pointer: c)
    }

    /// Writes the file. Called exactly once; afterwards the workbook cannot be used.
    ///
    /// One workbook closes at a time in the process: libxlsxwriter 1.1.4 formats the document
    /// dates with `gmtime`, whose result is a single static buffer, so two workbooks closing at
    /// once on two threads could swap their dates — seen as a report whose "created" date was
    /// another report's (`skm demo` writes its reports in parallel).
    public func close() throws {
        let wb = try open()
        handle = nil  // workbook_close frees the workbook whatever it returns
        formats = [:]
        let err = Self.closing.withLock { _ in workbook_close(wb) }
        guard err == LXW_NO_ERROR else { throw XLSXError(err, operation: "workbook_close", file: path) }
    }
}

/// A chart: one or more series over worksheet ranges.
public struct Chart {
    let pointer: UnsafeMutablePointer<lxw_chart>

    /// Adds a series whose categories and values are column ranges of `sheet`.
    public func addSeries(name: String, sheet: String, categories: (first: Int, last: Int, col: Int),
                          values: (first: Int, last: Int, col: Int)) {
        let s = chart_add_series(pointer, nil, nil)
        chart_series_set_categories(s, sheet, lxw_row_t(categories.first), lxw_col_t(categories.col),
                                    lxw_row_t(categories.last), lxw_col_t(categories.col))
        chart_series_set_values(s, sheet, lxw_row_t(values.first), lxw_col_t(values.col),
                                lxw_row_t(values.last), lxw_col_t(values.col))
        chart_series_set_name(s, name)
    }

    public func setTitle(_ title: String) { chart_title_set_name(pointer, title) }

    /// Fixes the value axis, e.g. 1…4 for NRR, so bars of different reports compare by eye.
    public func setValueAxis(min: Double, max: Double, name: String) {
        chart_axis_set_min(pointer.pointee.y_axis, min)
        chart_axis_set_max(pointer.pointee.y_axis, max)
        chart_axis_set_name(pointer.pointee.y_axis, name)
    }

    public func hideLegend() { chart_legend_set_position(pointer, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
}
