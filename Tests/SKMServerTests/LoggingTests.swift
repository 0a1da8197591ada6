import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SKMServer
import Testing

/// The access log is one JSON object per line, carrying the request id the client sees.
@Suite struct LoggingTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test func accessLogIsJSONWithTheRequestID() async throws {
        let lines = Lines()
        let logger = Logger(label: "skm.serve") { JSONLogHandler(label: $0, sink: { lines.append($0) }) }
        let w = try World()
        let app = Application(router: APIServer.router(services: w.services), logger: logger)
        try await app.test(.router) { client in
            let r = try await Client(inner: client).send(.get, "/v1/agencies/lebong/ikm?period=2024", token: w.reader,
                                                         headers: [requestIDHeader: "dash-42"])
            #expect(r.status == 200)
        }
        let entries = lines.all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let access = try #require(entries.first { $0["message"] as? String == "request" })
        #expect(access["request_id"] as? String == "dash-42")
        #expect(access["status"] as? Int == 200)
        #expect(access["duration_ms"] is Double)
        #expect(access["method"] as? String == "GET")
        #expect(access["path"] as? String == "/v1/agencies/lebong/ikm")
        #expect(access["level"] as? String == "info")
        #expect(access["label"] as? String == "skm.serve")
        // The token never reaches the log.
        #expect(!lines.all.contains { $0.contains(w.reader) })
    }
}
