import Foundation
import SKMDomain
import SKMStorage

/// A report an officer can run by name: one SQLite query from `queries/NAME.sql`, with a header
/// comment that names it, says what it answers, and lists its parameters:
///
/// ```sql
/// -- name: monthly_volume
/// -- description: Transactions and responses per service and month.
/// -- params: :period_start, :period_end, :agency
/// -- default: days = 14
/// ```
///
/// Parameters are bound by name (`:period_start` …), never pasted into the SQL text.
public struct NamedQuery: Sendable, Equatable {
    public var name: String
    public var description: String
    /// Parameter names as declared in the header, without the colon.
    public var parameters: [String]
    /// Values for parameters the caller may leave out, e.g. `days = 14`.
    public var defaults: [String: String]
    public var sql: String
    /// Where it was loaded from, for messages.
    public var file: String
    /// The same query in another engine's dialect, where the portable SQL could not be written:
    /// `queries/postgres/NAME.sql` is the "postgres" variant. Picked by `SurveyStore.sqlDialect`.
    public var variants: [String: String] = [:]

    /// Reads a query file. The header must give `name` (equal to the file's base name when loaded
    /// from a directory) and `description`.
    public init(text: String, file: String) throws {
        self.file = file
        self.sql = text
        var name: String?, description: String?, parameters: [String] = [], defaults: [String: String] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("--") else { if line.isEmpty { continue } else { break } }
            let body = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = body[..<colon].lowercased(), value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "name": name = value
            case "description": description = (description.map { $0 + " " } ?? "") + value
            case "params", "parameters":
                parameters += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }
            case "default":
                let kv = value.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw NamedQueryError.badHeader(file: file, line: i + 1, reason: "expected `-- default: name = value`, got `\(line)`")
                }
                defaults[kv[0].hasPrefix(":") ? String(kv[0].dropFirst()) : kv[0]] = kv[1]
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw NamedQueryError.badHeader(file: file, line: 1, reason: "missing `-- name:` line") }
        guard let description else { throw NamedQueryError.badHeader(file: file, line: 1, reason: "missing `-- description:` line") }
        self.name = name
        self.description = description
        self.parameters = parameters
        self.defaults = defaults
    }

    /// All `*.sql` files of a directory, sorted by name.
    public static func load(directory: URL) throws -> [NamedQuery] {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(atPath: directory.path) else {
            throw NamedQueryError.noDirectory(directory.path)
        }
        return try files.filter { $0.hasSuffix(".sql") }.sorted().map { f in
            let url = directory.appendingPathComponent(f)
            let q = try NamedQuery(text: String(contentsOf: url, encoding: .utf8), file: url.path)
            let base = String(f.dropLast(4))
            guard q.name == base else {
                throw NamedQueryError.badHeader(file: url.path, line: 1, reason: "name `\(q.name)` differs from the file name `\(base)`")
            }
            var withVariants = q
            for dialect in ["postgres"] {
                let variant = directory.appendingPathComponent(dialect).appendingPathComponent(f)
                if let text = try? String(contentsOf: variant, encoding: .utf8) { withVariants.variants[dialect] = text }
            }
            return withVariants
        }
    }

    public static func named(_ name: String, in directory: URL) throws -> NamedQuery {
        let all = try load(directory: directory)
        guard let q = all.first(where: { $0.name == name }) else {
            throw NamedQueryError.unknown(name: name, known: all.map(\.name))
        }
        return q
    }

    /// The standard arguments: the period's first and last local day (also `as_of`, the day
    /// "still open" is judged on) and the agency code, NULL for every agency.
    public static func standardArguments(period: Period, agency: String?) -> [String: String?] {
        ["period_start": period.start.description, "period_end": period.end.description,
         "as_of": period.end.description, "agency": agency]
    }

    /// Runs the query in a read-only transaction (a query that writes fails). `arguments` override the header's defaults; a value that reads
    /// as an integer or a decimal is bound as a number, anything else as text, nil as NULL.
    public func run(store: any SurveyStore, arguments: [String: String?]) throws -> QueryResult {
        var merged: [String: String?] = defaults.mapValues { Optional($0) }
        for (k, v) in arguments { merged[k] = v }
        var values: [String: QueryValue] = [:]
        for (k, v) in merged {
            if let v, let i = Int64(v) { values[k] = .integer(i) }
            else if let v, let d = Double(v), v.contains(".") { values[k] = .real(d) }
            else if let v { values[k] = .text(v) } else { values[k] = .null }
        }
        do {
            let (columns, rows) = try store.query(sql: variants[store.sqlDialect] ?? sql, arguments: values)
            return QueryResult(columns: columns, rows: rows)
        } catch let StoreError.query(reason) {
            throw NamedQueryError.failed(name: name, file: file, reason: reason)
        }
    }
}

public enum NamedQueryError: Error, CustomStringConvertible, Equatable {
    case noDirectory(String)
    case badHeader(file: String, line: Int, reason: String)
    case unknown(name: String, known: [String])
    case failed(name: String, file: String, reason: String)

    public var description: String {
        switch self {
        case let .noDirectory(p): "no queries directory at \(p) (use --queries DIR)"
        case let .badHeader(file, line, reason): "\(file):\(line): \(reason)"
        case let .unknown(name, known): "no query named '\(name)'; known: \(known.joined(separator: ", "))"
        case let .failed(name, file, reason): "query \(name) (\(file)) failed: \(reason)"
        }
    }
}
