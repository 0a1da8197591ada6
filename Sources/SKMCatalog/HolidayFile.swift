import Foundation
import SKMDomain

/// Reads a holiday file: `seeds/holidays/<year>.csv` (national holidays and *cuti bersama* of
/// one year, from the yearly joint ministerial decree, SKB) or `seeds/closures/<agency>.csv`
/// (an agency's own closures and regional days). Header `date,kind,name,source`; RFC 4180
/// quoting; every row must cite its source, because the SKB is amended mid-year and a
/// reviewer must be able to tell which version a date comes from.
public enum HolidayFile {
    public static let header = ["date", "kind", "name", "source"]

    /// - Parameters:
    ///   - year: when given (national files), every date must fall in it.
    ///   - allowedKinds: kinds a row may have in this file.
    ///   - file: the name problems are reported under.
    public static func parse(_ text: String, file: String, year: Int? = nil,
                             allowedKinds: Set<Holiday.Kind> = Set(Holiday.Kind.allCases)) -> ([Holiday], [CatalogProblem]) {
        var holidays: [Holiday] = []
        var problems: [CatalogProblem] = []
        var seen: [String: Int] = [:]
        let lines = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()).split(separator: "\n", omittingEmptySubsequences: false)
                                               : text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNo = index + 1
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let fields = fields(of: line) else {
                problems.append(.init(.error, file: file, line: lineNo, "unbalanced quotes"))
                continue
            }
            if lineNo == 1 {
                if fields.map({ $0.lowercased() }) != header {
                    problems.append(.init(.error, file: file, line: 1, "header must be \(header.joined(separator: ",")), found \(line)"))
                    return ([], problems)
                }
                continue
            }
            guard fields.count == 4 else {
                problems.append(.init(.error, file: file, line: lineNo, "expected 4 fields (date,kind,name,source), found \(fields.count)"))
                continue
            }
            func bad(_ field: String, _ message: String) { problems.append(.init(.error, file: file, field: field, line: lineNo, message)) }
            guard let date = LocalDate(iso: fields[0]) else { bad("date", "\"\(fields[0])\" is not a YYYY-MM-DD date"); continue }
            guard let kind = Holiday.Kind(rawValue: fields[1]), allowedKinds.contains(kind) else {
                bad("kind", "\"\(fields[1])\" is not one of \(allowedKinds.map(\.rawValue).sorted().joined(separator: ", "))")
                continue
            }
            if let year, date.year != year { bad("date", "\(date) is not in \(year)"); continue }
            if fields[2].isEmpty { bad("name", "empty name") }
            if fields[3].isEmpty { bad("source", "no source: cite the decree (SKB number/year) this date comes from") }
            let key = "\(date) \(kind.rawValue)"
            if let first = seen[key] { bad("date", "\(date) \(kind.rawValue) listed twice (also line \(first))"); continue }
            seen[key] = lineNo
            holidays.append(Holiday(date: date, name: fields[2], kind: kind, source: fields[3]))
        }
        return (holidays, problems)
    }

    /// Splits one CSV line; nil when a quote is left open.
    static func fields(of line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        if quoted { return nil }
        fields.append(field)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// One CSV line for a holiday, quoting fields that need it.
    public static func line(_ h: Holiday) -> String {
        [h.date.description, h.kind.rawValue, h.name, h.source].map { f in
            f.contains(",") || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}
