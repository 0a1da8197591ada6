import Dispatch

/// Runs blocking work (SQLite reads and writes, report building) on a Dispatch thread so that
/// it never stalls Swift's cooperative pool, which serves every other request.
enum Blocking {
    private static let queue = DispatchQueue(label: "skm.server.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
