import Foundation
import SKMPostgres
import Testing

/// The PostgreSQL variants of the store tests run against `SKM_TEST_POSTGRES` (set by
/// scripts/postgres, which scripts/test wraps the suite in), each in a database of its own made
/// for it and dropped after. Without the variable they are skipped, and the skip says so.
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["SKM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let available = url != nil
    static let skipNote: Comment = "SKM_TEST_POSTGRES is unset: PostgreSQL variant skipped (run under scripts/postgres)"

    /// A fresh database beside SKM_TEST_POSTGRES, given to `body` as a store, dropped after.
    static func with<T>(_ body: (PostgresStore) throws -> T) throws -> T {
        let admin = try PostgresAddress(url!)
        let name = "skm_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let address = try PostgresAdmin.createDatabase(name, beside: admin)
        defer { try? PostgresAdmin.dropDatabase(name, beside: admin) }
        let store = try PostgresStore(address: address.url)
        return try body(store)
    }
}
