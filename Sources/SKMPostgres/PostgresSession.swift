import Foundation
import NIOCore
import PostgresNIO
import SKMStorage

/// One leased connection with synchronous statements (see Blocking.swift), a transaction
/// helper, and COPY (see CopyStream.swift). Parameters are `$1`, `$2`… bound as values.
final class PostgresSession {
    let connection: PostgresConnection
    /// The connection's state is unknown (a COPY that did not finish, a lost socket).
    var broken = false
    private(set) var inTransaction = false

    init(connection: PostgresConnection) { self.connection = connection }

    /// Runs a statement; the rows it returns.
    @discardableResult
    func rows(_ sql: String, _ binds: [PostgresData] = []) throws -> [PostgresRandomAccessRow] {
        try result(sql, binds).rows.map { $0.makeRandomAccess() }
    }

    /// Runs a statement; how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ binds: [PostgresData] = []) throws -> Int {
        try result(sql, binds).metadata.rows ?? 0
    }

    func result(_ sql: String, _ binds: [PostgresData]) throws -> PostgresQueryResult {
        do {
            return try Blocking.wait(connection.query(sql, binds))
        } catch {
            if connection.isClosed { broken = true }
            throw PostgresStoreError.statement(Self.firstLine(sql), reason: Self.message(error))
        }
    }

    /// Several statements without parameters, each ending with `;` at the end of a line (migrations).
    func script(_ sql: String) throws {
        for statement in sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try execute(statement)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        inTransaction = true
        do {
            let result = try body()
            try execute("COMMIT")
            inTransaction = false
            return result
        } catch {
            if !broken, (try? execute("ROLLBACK")) != nil { inTransaction = false }
            throw error
        }
    }

    static func firstLine(_ sql: String) -> String {
        let line = sql.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return "`" + (line.count > 80 ? line.prefix(80) + "…" : line) + "`"
    }

    /// The server's own message (PSQLError's description hides it on purpose), else the error.
    static func message(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let m = e.serverInfo?[.message] {
                let detail = e.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return m + detail
            }
            return "\(e.code)"
        }
        if let e = error as? PostgresStoreError { return e.description }
        return String(describing: error)
    }
}

/// Values for `$n` parameters.
enum Bind {
    static func text(_ s: String?) -> PostgresData { s.map { PostgresData(string: $0) } ?? .null }
    static func int(_ i: Int64?) -> PostgresData { i.map { PostgresData(int64: $0) } ?? .null }
    static func int(_ i: Int) -> PostgresData { PostgresData(int64: Int64(i)) }
}

extension PostgresSession {
    /// Throws `StoreError.unknownAgency` unless the catalog has `code`: what a token, a kiosk
    /// or a page is opened for must exist.
    func requireAgency(_ code: String) throws {
        guard try !rows("SELECT 1 FROM agency WHERE code = $1", [Bind.text(code)]).isEmpty else {
            throw StoreError.unknownAgency(code)
        }
    }
}

/// Column reads by position; SQL NULL is nil.
extension PostgresRandomAccessRow {
    func text(_ i: Int) throws -> String? {
        let c = self[i]
        return c.bytes == nil ? nil : try c.decode(String.self)
    }

    func int(_ i: Int) throws -> Int64? {
        let c = self[i]
        return c.bytes == nil ? nil : try c.decode(Int64.self)
    }

    func string(_ i: Int) throws -> String { try text(i) ?? "" }
    func integer(_ i: Int) throws -> Int64 { try int(i) ?? 0 }
}
