import Dispatch
import Foundation

/// Runs blocking work (SQLite reads and writes, report building) on Dispatch threads so that it
/// never stalls Swift's cooperative pool, which serves every other request — and bounds it:
/// at most `running` jobs at once and `waiting` more in line, first come first served. A job
/// beyond that is refused at once with a 503 problem carrying `Retry-After`, so a burst costs
/// the excess callers a retry instead of costing every caller threads, memory and time.
///
/// The server has two pools (`APIServices.work`, `APIServices.reports`): report generation
/// holds a thread for seconds, so it gets a smaller bound of its own and cannot crowd out
/// survey submissions. Limits and defaults: docs/http-api.md ("Limits").
public final class BlockingPool: @unchecked Sendable {  // state guarded by `lock`
    public struct Limits: Sendable, Equatable {
        /// Jobs running at once (threads held).
        public var running: Int
        /// Jobs waiting for a running slot; one more is refused with 503.
        public var waiting: Int
        /// Seconds a refused caller is told to wait (`Retry-After`).
        public var retryAfter: Int

        public init(running: Int, waiting: Int, retryAfter: Int = 1) {
            self.running = max(1, running)
            self.waiting = max(0, waiting)
            self.retryAfter = max(1, retryAfter)
        }

        /// Store reads and writes of ordinary requests: short jobs, SQLite serialises writers anyway.
        public static let work = Limits(running: 8, waiting: 64, retryAfter: 1)
        /// Report downloads: each holds a thread (and a report's memory) for up to seconds.
        public static let reports = Limits(running: 2, waiting: 4, retryAfter: 10)
    }

    public let limits: Limits
    /// What the pool runs, for the 503's detail ("report generation").
    let purpose: String
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var active = 0
    private var waiters: [CheckedContinuation<Void, any Error>] = []

    public init(_ limits: Limits, purpose: String) {
        self.limits = limits
        self.purpose = purpose
        queue = DispatchQueue(label: "skm.server.\(purpose.replacingOccurrences(of: " ", with: "-"))", attributes: .concurrent)
    }

    /// Runs `body` on a pool thread once a slot is free; throws a 503 problem when the line is full.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await admit()
        defer { leave() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Jobs running and waiting now (for tests and logs).
    public var load: (running: Int, waiting: Int) { lock.withLock { (active, waiters.count) } }

    private enum Admission { case run, wait, refuse }

    /// The check and the enqueueing happen under one lock, so a slot freed in between is never lost.
    private func admit() async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            let admission = lock.withLock { () -> Admission in
                if active < limits.running {
                    active += 1
                    return .run
                }
                guard waiters.count < limits.waiting else { return .refuse }
                waiters.append(c)
                return .wait
            }
            switch admission {
            case .run: c.resume()
            case .wait: break
            case .refuse: c.resume(throwing: full)
            }
        }
    }

    /// Hands the slot to the first waiter, or frees it.
    private func leave() {
        let next = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
            if waiters.isEmpty {
                active -= 1
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }

    private var full: Problem {
        Problem(.unavailable,
                detail: "The server is busy (\(purpose): \(limits.running) running, \(limits.waiting) waiting); retry in \(limits.retryAfter) s.",
                retryAfter: limits.retryAfter)
    }
}

/// The pool before the server configured its own; code written against it still compiles.
@available(*, deprecated, message: "use APIServices.work or APIServices.reports, whose bounds skm serve sets")
enum Blocking {
    static let shared = BlockingPool(.work, purpose: "blocking work")

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await shared.run(body)
    }
}
