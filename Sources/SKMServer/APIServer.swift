import Foundation
import Hummingbird
import NIOCore
import Logging
import SKMReports
import SKMStorage

/// Builds the HTTP application of `skm serve`: the router with its middleware, and the
/// Hummingbird application that runs it under swift-service-lifecycle (SIGTERM/SIGINT stop
/// accepting connections and let in-flight requests finish).
public enum APIServer {
    /// The router: request ids and problem bodies around every route.
    public static func router(services: APIServices) -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ProblemMiddleware())
        Handlers.register(on: RouteTable(router: router), services: services)
        return router
    }

    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0 picks a free port; `onRunning` is told which.
        public var port = 8080
        public var serverName = "skm"
        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }

    public static func application(
        services: APIServices, configuration: Configuration, logger: Logger,
        onRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(services: services),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
            onServerRunning: { channel in
                await onRunning(configuration.host, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }
}
