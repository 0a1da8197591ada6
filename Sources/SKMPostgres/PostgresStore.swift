import Foundation
import SKMDomain
import SKMStorage

/// The second `SurveyStore`: PostgreSQL, for a province or a ministry — many kiosks writing
/// at once, several `skm serve` processes, a database the data centre backs up and
/// replicates (docs/scaling.md). Selected by a `postgres://` store address; SQLite stays the
/// embedded default.
///
/// The same tables and meanings as SQLite (PostgresSchema.swift), the same guarantees
/// (SurveyStore.swift): every write method is one PostgreSQL transaction, and a killed
/// process's open transaction is rolled back by the server. Each area lives in its own file:
/// catalog, imports, import batches, reads, period responses, rejects, tokens and kiosks, queries.
public final class PostgresStore: Sendable {
    public let address: PostgresAddress
    let pool: ConnectionPool

    /// Connects to the database at `address` and brings its schema up to date.
    public init(address text: String) throws {
        address = try PostgresAddress(text)
        pool = ConnectionPool(address: address)
        try pool.withConnection { try PostgresSchema.migrate($0) }
    }

    public var path: String { address.description }

    /// Runs `body` on a pooled connection (reads; each statement sees committed data).
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withConnection(body)
    }

    /// Runs `body` as one transaction on a pooled connection.
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withConnection { s in try s.transaction { try body(s) } }
    }
}

extension PostgresStore: SurveyStore {}
