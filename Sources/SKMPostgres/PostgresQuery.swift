import Foundation
import PostgresNIO
import SKMStorage

/// Named queries (`queries/`) on PostgreSQL: `:name` parameters become `$n`, the statement runs
/// in a READ ONLY transaction, and values come back as the `QueryValue`s SQLite would give
/// (booleans as 0/1, numerics as reals). Files whose SQL is SQLite's own have a variant in
/// `queries/postgres/` (NamedQuery.swift picks it by `sqlDialect`).
extension PostgresStore {
    public var sqlDialect: String { "postgres" }

    public func query(sql: String, arguments: [String: QueryValue]) throws -> (columns: [String], rows: [[QueryValue]]) {
        let (text, names) = Self.numberedParameters(sql)
        let binds: [PostgresData] = names.map { name in
            switch arguments[name] ?? .null {
            case .null: PostgresData(type: .text, formatCode: .binary, value: nil)  // typed, so `:agency IS NULL` alone resolves
            case let .integer(i): Bind.int(i)
            case let .real(d): PostgresData(double: d)
            case let .text(s): Bind.text(s)
            }
        }
        do {
            return try read { s in
                try s.execute("BEGIN READ ONLY")
                defer { _ = try? s.execute("ROLLBACK") }
                let result = try s.result(text, binds)
                let rows = result.rows.map { $0.makeRandomAccess() }
                var columns = result.rows.first.map { $0.map(\.columnName) } ?? []
                if result.rows.isEmpty { columns = try Self.columnNames(text, binds, s) }
                return (columns, try rows.map { r in try (0..<r.count).map { try Self.value(r[$0]) } })
            }
        } catch let PostgresStoreError.statement(_, reason) {
            throw StoreError.query(reason: reason)
        }
    }

    /// Column names of a statement that returned no rows (the driver describes them only with a row).
    private static func columnNames(_ sql: String, _ binds: [PostgresData], _ s: PostgresSession) throws -> [String] {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
        let rows = try s.rows("SELECT * FROM (\(trimmed)) AS q RIGHT JOIN (SELECT 1) AS one ON true LIMIT 1", binds)
        return rows.first.map { Array($0.map(\.columnName).dropLast()) } ?? []
    }

    static func value(_ c: PostgresCell) throws -> QueryValue {
        guard c.bytes != nil else { return .null }
        switch c.dataType {
        case .int2, .int4, .int8: return .integer(try c.decode(Int64.self))
        case .float4, .float8: return .real(try c.decode(Double.self))
        case .numeric: return .real(Double(try c.decode(Decimal.self).description) ?? .nan)
        case .bool: return .integer(try c.decode(Bool.self) ? 1 : 0)
        default: return .text(try c.decode(String.self))
        }
    }

    /// `:name` → `$n` (the same name, the same number), outside quotes and comments and not
    /// in a `::type` cast; the names in number order.
    static func numberedParameters(_ sql: String) -> (String, [String]) {
        let chars = Array(sql.unicodeScalars)
        var out = String.UnicodeScalarView(), names: [String] = []
        var i = 0
        func isName(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                var j = i + 1
                while j < chars.count && chars[j] != "'" { j += 1 }
                out.append(contentsOf: chars[i...min(j, chars.count - 1)]); i = j + 1; continue
            }
            if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                out.append(contentsOf: chars[i..<j]); i = j; continue
            }
            if c == ":" && i + 1 < chars.count && chars[i + 1] == ":" {
                out.append(c); out.append(chars[i + 1]); i += 2; continue
            }
            if c == ":" && i + 1 < chars.count && (chars[i + 1] == "_" || chars[i + 1].properties.isAlphabetic) {
                var j = i + 1
                while j < chars.count && isName(chars[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                let n = (names.firstIndex(of: name) ?? { names.append(name); return names.count - 1 }()) + 1
                out.append(contentsOf: "$\(n)".unicodeScalars)
                i = j; continue
            }
            out.append(c); i += 1
        }
        return (String(out), names)
    }
}
