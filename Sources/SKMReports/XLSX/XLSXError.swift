import CXlsxWriter

/// A libxlsxwriter call that failed, with the library's own message and where it happened
/// (file, sheet, cell), so that "row out of range" says which report and which cell.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// The `lxw_error` code (e.g. 14 sheet name too long, 21 string too long, 23 row out of range).
    public var code: Int
    /// `lxw_strerror` text, or our own reason when the library gave none.
    public var message: String
    /// The C function (or wrapper step) that failed.
    public var operation: String
    public var file: String?
    public var sheet: String?
    /// A1-style address, e.g. "B7".
    public var cell: String?

    public init(code: Int, message: String, operation: String, file: String? = nil, sheet: String? = nil, cell: String? = nil) {
        self.code = code
        self.message = message
        self.operation = operation
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    init(_ err: lxw_error, operation: String, file: String?, sheet: String? = nil, cell: String? = nil) {
        self.init(code: Int(err.rawValue), message: String(cString: lxw_strerror(err)), operation: operation,
                  file: file, sheet: sheet, cell: cell)
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let sheet { place.append("sheet '\(sheet)'" + (cell.map { " cell \($0)" } ?? "")) }
        return "XLSX \(operation) failed" + (place.isEmpty ? "" : " (\(place.joined(separator: ", ")))")
            + ": \(message) [lxw_error \(code)]"
    }
}

/// A1-style cell names for messages and chart ranges: (0, 0) → "A1", (6, 27) → "AB7".
public enum CellName {
    public static func column(_ col: Int) -> String {
        var n = col + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public static func of(row: Int, col: Int) -> String { "\(column(col))\(row + 1)" }
}
