import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import SKMReports
import SKMStorage

/// Builds the HTTP application of `skm serve`: the router with its middleware, and the
/// Hummingbird application that runs it under swift-service-lifecycle (SIGTERM/SIGINT stop
/// accepting connections and let in-flight requests finish).
public enum APIServer {
    /// The router: request ids and problem bodies around every route; authentication and the
    /// agency wall around the `/v1` groups (`RouteTable`).
    public static func router(services: APIServices) -> Router<APIContext> {
        // A first pass lists the routes, so that a known path asked with the wrong method can
        // be answered 405 with `Allow` rather than Hummingbird's plain 404.
        let probe = Router(context: APIContext.self)
        Handlers.register(on: RouteTable(router: probe, services: services), services: services)
        let known = probe.routes.map { (method: $0.method, path: "\($0.path)") }

        let router = Router(context: APIContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ProblemMiddleware(routes: known))
        Handlers.register(on: RouteTable(router: router, services: services), services: services)
        SurveyFormRoutes.register(on: RouteTable(router: router, services: services), services: services)
        PublicResultsRoutes.register(on: RouteTable(router: router, services: services), services: services)
        return router
    }

    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0 picks a free port; `onRunning` is told which.
        public var port = 8080
        public var serverName = "skm"
        public var limits = Limits()
        public init(host: String = "127.0.0.1", port: Int = 8080, limits: Limits = Limits()) {
            self.host = host
            self.port = port
            self.limits = limits
        }
    }

    /// What one connection may hold and how many may be open: the server's own bounds, so that
    /// slow or idle clients cannot exhaust file descriptors. Values: docs/http-api.md ("Limits").
    public struct Limits: Sendable, Equatable {
        /// Seconds a connection may stay silent between requests (or between parts of a body).
        public var idleTimeout: Double = 60
        /// Seconds from accepting a connection until its request head is complete.
        public var headerTimeout: Double = 10
        /// Connections open at once; beyond it new ones wait in the listen backlog (`backlog`),
        /// unaccepted, until one closes, and the kernel refuses those beyond the backlog.
        public var maxConnections = 512
        public var backlog = 256
        public init() {}
    }

    public static func application(
        services: APIServices, configuration: Configuration, logger: Logger,
        onRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let limits = configuration.limits
        let headerTimeout = TimeAmount.nanoseconds(Int64(limits.headerTimeout * 1e9))
        return Application(
            router: router(services: services),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestHeadTimeout(timeout: headerTimeout)],
                idleTimeout: .nanoseconds(Int64(limits.idleTimeout * 1e9)))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName,
                backlog: limits.backlog, availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)),
            onServerRunning: { channel in
                await onRunning(configuration.host, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }
}
