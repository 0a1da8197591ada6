import Foundation
import NIOCore

/// The bridge between `SurveyStore`'s synchronous methods and postgres-nio's event loops.
///
/// The CLI calls the store from its main thread and the server from its blocking pools, never
/// from an event loop; a store call waits there for the driver's future. Waiting on an event
/// loop would deadlock it (the future can only complete on that loop), so `wait` refuses it
/// (NIO's `wait()` traps there too). Futures rather than `async` calls: a future completes
/// on the event loop, so the waiting thread needs no thread of Swift's cooperative pool — which
/// may be exactly the thread that is waiting (tests, a server's task) — and so cannot starve it.
enum Blocking {
    static func wait<T>(_ future: EventLoopFuture<T>) throws -> T {
        precondition(!future.eventLoop.inEventLoop, "a PostgreSQL store call must not run on an event loop thread")
        return try future.wait()
    }
}
