import Foundation

/// A store address `postgres://user[:password]@host[:port]/database`, or with the server's
/// Unix socket directory as libpq writes it: `postgres://user@/database?host=/run/dir` (the
/// socket is `<dir>/.s.PGSQL.<port>`). `postgresql://` is accepted too.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// Host name or address; nil when connecting through `socketDirectory`.
    public var host: String?
    public var port: Int
    public var socketDirectory: String?
    public var database: String

    /// True when `text` names a PostgreSQL store rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws {
        guard Self.isPostgres(text), let c = URLComponents(string: text) else {
            throw PostgresStoreError.badAddress(text, reason: "expected postgres://user@host:port/database")
        }
        guard let user = c.user, !user.isEmpty else {
            throw PostgresStoreError.badAddress(text, reason: "no user (postgres://USER@host/database)")
        }
        let db = String(c.path.drop(while: { $0 == "/" }))
        guard !db.isEmpty else { throw PostgresStoreError.badAddress(text, reason: "no database (postgres://user@host/DATABASE)") }
        self.user = user.removingPercentEncoding ?? user
        password = c.password?.removingPercentEncoding
        port = c.port ?? c.queryItems?.first(where: { $0.name == "port" })?.value.flatMap { Int($0) } ?? 5432
        database = db
        let socket = c.queryItems?.first(where: { $0.name == "host" })?.value
        if let socket, socket.hasPrefix("/") {
            socketDirectory = socket
            host = nil
        } else {
            let h = c.host ?? ""
            guard !h.isEmpty else { throw PostgresStoreError.badAddress(text, reason: "no host, and no ?host=/socket/directory") }
            host = h
            socketDirectory = nil
        }
    }

    /// The socket file when connecting through a Unix socket.
    public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The address without its password, for messages and the report's store line.
    public var description: String {
        if let socketDirectory { return "postgres://\(user)@/\(database)?host=\(socketDirectory)" + (port == 5432 ? "" : "&port=\(port)") }
        return "postgres://\(user)@\(host ?? ""):\(port)/\(database)"
    }
}

public enum PostgresStoreError: Error, CustomStringConvertible {
    case badAddress(String, reason: String)
    case cannotConnect(String, reason: String)
    /// A statement the server refused, with the SQL's first line and the server's message.
    case statement(String, reason: String)
    case migration(String, reason: String)

    public var description: String {
        switch self {
        case let .badAddress(a, reason): "bad PostgreSQL store address '\(a)': \(reason)"
        case let .cannotConnect(a, reason): "cannot connect to PostgreSQL store \(a): \(reason)"
        case let .statement(sql, reason): "PostgreSQL refused \(sql): \(reason)"
        case let .migration(name, reason): "PostgreSQL migration '\(name)' failed: \(reason)"
        }
    }
}
