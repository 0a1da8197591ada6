import Foundation
import SKMServer
import SKMStorage
import Testing

/// The server bounds its work: a full pool answers 503 with Retry-After, reports have a pool of
/// their own, and a client that never finishes its request head is disconnected.
@Suite(.serialized) struct ServerLimitsTests {
    /// A pool job that holds its thread until `open()`.
    final class Gate: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func wait() { semaphore.wait() }
        func open() { semaphore.signal() }
    }

    /// Waits (a bounded number of turns) until the pool shows `running` and `waiting` jobs.
    static func settle(_ pool: BlockingPool, running: Int, waiting: Int) async throws {
        for _ in 0..<2000 where pool.load != (running, waiting) { try await Task.sleep(for: .milliseconds(5)) }
        #expect(pool.load == (running, waiting))
    }

    @Test func fullReportPoolIs503WithRetryAfterWhileSubmissionsGoOn() async throws {
        var world = try World()
        world.services.reports = BlockingPool(.init(running: 1, waiting: 0, retryAfter: 7), purpose: "report generation")
        let w = world
        let pool = w.services.reports, gate = Gate()
        let holder = Task { try await pool.run { gate.wait() } }
        try await Self.settle(pool, running: 1, waiting: 0)

        try await w.test { c in
            let busy = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1", token: w.reader)
            #expect(busy.status == 503)
            #expect(busy.type == "/problems/unavailable")
            #expect(busy.headers[.retryAfter] == "7")
            #expect((busy.json["detail"] as? String)?.contains("report generation") == true)
            // The store pool is apart: a survey response is still taken.
            let post = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "busy-1"))
            #expect(post.status == 201)

            gate.open()
            try await holder.value
            let again = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1", token: w.reader)
            #expect(again.status == 200)
        }
    }

    @Test func fullStorePoolIs503ForEveryRouteThatNeedsTheStore() async throws {
        var world = try World()
        world.services.work = BlockingPool(.init(running: 1, waiting: 0, retryAfter: 2), purpose: "store work")
        let w = world
        let pool = w.services.work, gate = Gate()
        let holder = Task { try await pool.run { gate.wait() } }
        try await Self.settle(pool, running: 1, waiting: 0)
        try await w.test { c in
            // Authentication itself reads the store, so the token is not even looked up.
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "late-1"))
            #expect(r.status == 503)
            #expect(r.headers[.retryAfter] == "2")
            #expect(try await c.send(.get, "/health").status == 200)  // needs no store
            gate.open()
            try await holder.value
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "late-1")).status == 201)
        }
        // Stored once: the refused attempt left nothing behind.
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]?.counts[0] == [0, 0, 0, 1])
    }

    /// At most `running` run and `waiting` wait, in order; the next is refused, and a freed slot
    /// goes to the first in line.
    @Test func poolRunsWaitsThenRefuses() async throws {
        let pool = BlockingPool(.init(running: 1, waiting: 1, retryAfter: 3), purpose: "test")
        let first = Gate()
        let running = Task { try await pool.run { first.wait(); return 1 } }
        try await Self.settle(pool, running: 1, waiting: 0)
        let queued = Task { try await pool.run { 2 } }
        try await Self.settle(pool, running: 1, waiting: 1)
        await #expect(throws: Problem.self) { try await pool.run { 3 } }
        do {
            _ = try await pool.run { 3 }
        } catch let p as Problem {
            #expect(p.statusCode == 503)
            #expect(p.retryAfter == 3)
        }
        first.open()
        #expect(try await running.value == 1)
        #expect(try await queued.value == 2)
        try await Self.settle(pool, running: 0, waiting: 0)
    }

    /// A client that sends half a request head and waits is disconnected after the header
    /// timeout (here 0.5 s; the idle timeout is 120 s, and the socket gives up after 20 s).
    @Test func halfAHeaderIsDisconnectedAfterTheHeaderTimeout() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("skm.sqlite").path
        try Store(path: path).saveCatalog(agencies: [World.lebong], holidays: [])
        let server = try await LiveServer(store: path, arguments: ["--header-timeout", "0.5", "--idle-timeout", "120"])
        let port = server.base.port!

        let slow = try RawConnection(port: port)
        var limit = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(slow.fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        try slow.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag")
        let outcome = await Task.detached { () -> (Int, Int32) in
            var buf = [UInt8](repeating: 0, count: 512)
            let n = recv(slow.fd, &buf, buf.count, 0)
            return (n, errno)
        }.value
        close(slow.fd)
        #expect(outcome.0 == 0, "expected the server to close the connection, got \(outcome.0) (errno \(outcome.1))")

        // A client that sends its head at once is served as usual.
        let prompt = try RawConnection(port: port)
        try prompt.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let reply = await Task.detached { prompt.readAll() }.value
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")

        await server.terminate()
        #expect(server.process.terminationStatus == 0)
    }
}
