import Foundation

/// A bounded hand-off of batches from one sending thread to one receiving thread.
///
/// An import reads and checks the file on one core while SQLite stores rows on the other;
/// this is the queue between them. Bounded, so that a reader faster than SQLite waits instead
/// of holding the file in memory. Either side can stop the other: the sender by finishing
/// (with an error when reading failed), the receiver by cancelling (when storing failed).
final class BatchChannel<Element>: @unchecked Sendable {  // all state behind `condition`
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Blocks while the channel is full. False when the receiver cancelled: stop sending.
    func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The sender is done; `error` is rethrown to the receiver after the batches already sent.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order; nil once the sender finished and every batch was received.
    func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count, !finished { condition.wait() }
        if head < batches.count {
            let b = batches[head]
            batches[head] = []
            head += 1
            if head > 64 { batches.removeFirst(head); head = 0 }
            condition.broadcast()
            return b
        }
        if let failure { throw failure }
        return nil
    }

    /// The receiver gives up: a blocked or later `send` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the sender has finished; after a `cancel`, so that nothing still runs on
    /// the sending thread when the receiver returns.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
