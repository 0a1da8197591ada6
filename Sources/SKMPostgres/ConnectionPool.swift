import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// Connections kept open between store calls. A store call takes one (opening it when none
/// is idle) for its whole duration — a transaction needs one connection throughout — and
/// gives it back; a connection that failed or closed is dropped. How many are open at once is
/// bounded by the callers: the server's blocking pool, one for a command.
final class ConnectionPool: Sendable {
    let address: PostgresAddress
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let nextID = NIOLockedValueBox(0)
    private let logger: Logger
    private let group: any EventLoopGroup

    init(address: PostgresAddress) {
        self.address = address
        var l = Logger(label: "skm.postgres")
        l.logLevel = .critical
        logger = l
        group = MultiThreadedEventLoopGroup.singleton
    }

    /// Runs `body` on a connection of the pool; the connection goes back unless it broke.
    func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try take()
        let session = PostgresSession(connection: connection)
        do {
            let result = try body(session)
            give(connection, usable: !session.broken)
            return result
        } catch {
            // A failed statement inside a transaction leaves it aborted; the transaction helper
            // rolled it back, but a connection whose state is unknown is not reused.
            give(connection, usable: !session.broken && !session.inTransaction)
            throw error
        }
    }

    private func take() throws -> PostgresConnection {
        if let c = idle.withLockedValue({ $0.popLast() }), !c.isClosed { return c }
        var config: PostgresConnection.Configuration
        if let socket = address.socketPath {
            config = .init(unixSocketPath: socket, username: address.user, password: address.password, database: address.database)
        } else {
            config = .init(host: address.host ?? "localhost", port: address.port, username: address.user,
                           password: address.password, database: address.database, tls: .disable)
        }
        config.options.connectTimeout = .seconds(10)
        let id = nextID.withLockedValue { $0 += 1; return $0 }
        do {
            return try Blocking.wait(PostgresConnection.connect(on: group.any(), configuration: config, id: id, logger: logger))
        } catch {
            throw PostgresStoreError.cannotConnect(address.description, reason: String(reflecting: error))
        }
    }

    private func give(_ c: PostgresConnection, usable: Bool) {
        if usable && !c.isClosed {
            idle.withLockedValue { $0.append(c) }
        } else {
            Self.close(c)
        }
    }

    deinit { shutdown() }

    /// Closes the idle connections (a store going away).
    func shutdown() {
        for c in idle.withLockedValue({ l in defer { l.removeAll() }; return l }) { Self.close(c) }
    }

    /// The driver insists a connection is closed before it goes away: the closure keeps it
    /// until then.
    private static func close(_ c: PostgresConnection) {
        c.close().whenComplete { _ in withExtendedLifetime(c) {} }
    }
}
