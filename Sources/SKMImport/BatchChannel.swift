import Foundation

/// A bounded hand-off of values (batches of rows) from one sending thread to one receiving thread.
///
/// An import reads and checks the file on one core while SQLite stores rows on the other;
/// this is the queue between them. Bounded, so that a reader faster than SQLite waits instead
/// of holding the file in memory. Either side can stop the other: the sender by finishing
/// (with an error when reading failed), the receiver by cancelling (when storing failed).
final class BatchChannel<Element>: @unchecked Sendable {  // all state behind `condition`
    private let condition = NSCondition()
    private var queue: [Element?] = []
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
    func send(_ value: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(value)
        condition.broadcast()
        return true
    }

    /// The sender is done; `error` is rethrown to the receiver after the values already sent.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next value in order; nil once the sender finished and every value was received.
    func receive() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count, !finished { condition.wait() }
        if head < queue.count {
            let b = queue[head]
            queue[head] = nil  // the receiver owns it now
            head += 1
            if head > 64 { queue.removeFirst(head); head = 0 }
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
