import ArgumentParser
import Foundation
import Logging
import SKMReports
import SKMServer
import SKMStorage

/// `skm serve`: the HTTP JSON API for survey kiosks, web forms and dashboards.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP JSON API (responses, transactions, IKM, compliance, reports).",
        discussion: """
            Routes are under /v1 and described by the OpenAPI document at GET /openapi.yaml; \
            GET /health and GET /ready are for load balancers. Every /v1 call needs \
            'Authorization: Bearer <token>' (skm token create), except survey submission and \
            the service list of an agency whose kiosk is open (skm token kiosk --open).

            Logs are JSON lines on standard error, each with a request_id. SIGTERM or SIGINT \
            stops accepting connections and lets in-flight requests finish, then exits 0.

            Examples:
              skm serve --port 8080
              skm serve --host 0.0.0.0 --port 8080 --kiosk-burst 60 --kiosk-per-minute 20
              skm serve --print-openapi > docs/openapi.yaml
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port; 0 picks a free one (printed on standard output).")
    var port = 8080

    @Option(name: .long, help: "Kiosk submissions allowed in a burst per agency and client address.")
    var kioskBurst = 30

    @Option(name: .long, help: "Kiosk submissions regained per minute per agency and client address.")
    var kioskPerMinute = 30.0

    @Option(name: .long, help: "Address of the one reverse proxy in front of skm; only its X-Forwarded-For keys the kiosk rate limit.")
    var trustedProxy: String?

    @Option(name: .long, help: "Least severe level logged.")
    var logLevel: LogLevel = .info

    @Flag(name: .long, help: "Print the OpenAPI document and exit.")
    var printOpenapi = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard kioskBurst >= 1, kioskPerMinute >= 0 else { throw ValidationError("--kiosk-burst must be ≥ 1 and --kiosk-per-minute ≥ 0") }
    }

    func run() async throws {
        if printOpenapi {
            print(OpenAPIDocument.yaml)
            return
        }
        let store = try storeOptions.open()
        var logger = Logger(label: "skm.serve") { JSONLogHandler(label: $0) }
        logger.logLevel = logLevel.level

        // Turnaround is judged from the store, open transactions as of each request (or `as_of`).
        var services = APIServices(store: store, kioskPolicy: .init(burst: kioskBurst, perSecond: kioskPerMinute / 60))
        services.trustedProxy = trustedProxy
        let app = APIServer.application(
            services: services, configuration: .init(host: host, port: port), logger: logger,
            onRunning: { host, port in
                // The one line on standard output, so scripts and tests learn the port.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            })
        defer {  // what downloads and uploads cut short left behind
            try? FileManager.default.removeItem(at: ReportFiles.root)
            try? FileManager.default.removeItem(at: CSVUploadService.root)
        }
        try await app.runService()
    }
}

/// `--log-level`: swift-log's levels, named as it names them (a local type rather than a
/// retroactive conformance of `Logger.Level`).
enum LogLevel: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}
