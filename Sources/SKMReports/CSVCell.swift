/// One field of a CSV file that skm writes for people to open in a spreadsheet.
///
/// OWASP's CSV-injection rule: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is read by Excel and LibreOffice as a formula, so a saran or an id typed by a citizen
/// could run on an officer's machine. Such text gets a leading `'`, which spreadsheets show as
/// text and do not display. Only text goes through `safe`; numbers stay numbers.
public enum CSVCell {
    /// Text, neutralised and quoted as needed.
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return quoted(text) }
        return quoted("'" + text)
    }

    /// RFC 4180: quoted when the field holds a comma, a quote or a line break.
    public static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
