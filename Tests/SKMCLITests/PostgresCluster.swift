import Foundation
import SKMPostgres
import Testing

/// The cluster scripts/postgres starts for the suite (`SKM_TEST_POSTGRES`); without it the
/// PostgreSQL tests of this target are skipped, and the skip says so.
enum PostgresCluster {
    static let url = ProcessInfo.processInfo.environment["SKM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let available = url != nil
    static let skipNote: Comment = "SKM_TEST_POSTGRES is unset: PostgreSQL variant skipped (run under scripts/postgres)"

    /// A fresh database beside the cluster's, given to `body`, dropped after.
    static func withDatabase<T>(_ prefix: String, _ body: (PostgresAddress) throws -> T) throws -> T {
        let admin = try PostgresAddress(url!)
        let name = "skm_t_\(prefix)_" + UUID().uuidString.prefix(8).lowercased()
        let pg = try PostgresAdmin.createDatabase(name, beside: admin)
        defer { try? PostgresAdmin.dropDatabase(name, beside: admin) }
        return try body(pg)
    }
}
