import Dispatch
import Synchronization

/// Maps `items` on all cores, results in input order; rethrows the first error in that order.
///
/// SQLite WAL readers do not block each other and each report writes its own files, so the
/// reads and files of different reports are independent work.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
    let results = Mutex<[Int: Result<R, any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        let r = Result { try body(items[i]) }
        results.withLock { $0[i] = r }
    }
    let all = results.withLock { $0 }
    return try items.indices.map { try all[$0]!.get() }
}
