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
              skm serve --idle-timeout 30 --header-timeout 5 --max-connections 256
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

    @OptionGroup(title: "Limits (see docs/http-api.md)") var limits: ServeLimitOptions

    @Option(name: .long, help: "Least severe level logged.")
    var logLevel: LogLevel = .info

    @Flag(name: .long, help: "Print the OpenAPI document and exit.")
    var printOpenapi = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard kioskBurst >= 1, kioskPerMinute >= 0 else { throw ValidationError("--kiosk-burst must be ≥ 1 and --kiosk-per-minute ≥ 0") }
        try limits.validate()
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
        services.work = BlockingPool(limits.work, purpose: "store work")
        services.reports = BlockingPool(limits.reports, purpose: "report generation")
        let app = APIServer.application(
            services: services, configuration: .init(host: host, port: port, limits: limits.server), logger: logger,
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

/// How much work `skm serve` takes on at once; beyond it, connections wait unaccepted and
/// requests get 503 with Retry-After. Defaults and reasons: docs/http-api.md ("Limits").
struct ServeLimitOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds a connection may stay silent between requests or body parts.")
    var idleTimeout = 60.0

    @Option(name: .long, help: "Seconds a new connection has to send its complete request head.")
    var headerTimeout = 10.0

    @Option(name: .long, help: "Connections open at once; more wait in the listen backlog until one closes.")
    var maxConnections = 512

    @Option(name: .long, help: "Store reads and writes running at once.")
    var blockingThreads = BlockingPool.Limits.work.running

    @Option(name: .long, help: "Store jobs waiting for a thread; one more gets 503.")
    var blockingQueue = BlockingPool.Limits.work.waiting

    @Option(name: .long, help: "Report downloads generated at once.")
    var reportThreads = BlockingPool.Limits.reports.running

    @Option(name: .long, help: "Report downloads waiting; one more gets 503.")
    var reportQueue = BlockingPool.Limits.reports.waiting

    func validate() throws {
        for (name, v) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout)] where !(v > 0 && v <= 3600) {
            throw ValidationError("\(name) must be more than 0 and at most 3600 seconds")
        }
        guard maxConnections >= 1, blockingThreads >= 1, reportThreads >= 1 else {
            throw ValidationError("--max-connections, --blocking-threads and --report-threads must be at least 1")
        }
        guard blockingQueue >= 0, reportQueue >= 0 else { throw ValidationError("--blocking-queue and --report-queue must be 0 or more") }
    }

    var server: APIServer.Limits {
        var l = APIServer.Limits()
        l.idleTimeout = idleTimeout
        l.headerTimeout = headerTimeout
        l.maxConnections = maxConnections
        return l
    }

    var work: BlockingPool.Limits {
        .init(running: blockingThreads, waiting: blockingQueue, retryAfter: BlockingPool.Limits.work.retryAfter)
    }

    var reports: BlockingPool.Limits {
        .init(running: reportThreads, waiting: reportQueue, retryAfter: BlockingPool.Limits.reports.retryAfter)
    }
}
