import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import SKMStorage

/// A `COPY table (columns) FROM STDIN` kept open across synchronous calls: rows are written
/// as COPY text into a buffer on the caller's thread and handed, a megabyte at a time, to
/// the driver, whose COPY API is one `async` closure.
///
/// That closure runs in a task whose executor preference is the connection's event loop
/// (`EventLoopTaskExecutor`), so none of its steps needs a thread of Swift's cooperative pool:
/// the caller may be blocking one (a test, a server's task; see Blocking.swift), and with
/// every pool thread blocked the COPY would never be fed. At most `inFlight` chunks wait to be
/// sent: memory stays bounded however large the file, and the caller waits when the server is slower.
final class CopyStream {
    private var buffer: ByteBuffer
    private let chunks: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let credits = DispatchSemaphore(value: CopyStream.inFlight)
    private let failed = NIOLockedValueBox(false)
    private let done: EventLoopPromise<Void>
    private var finished = false
    static let inFlight = 4
    static let chunkBytes = 1 << 20

    init(connection: PostgresConnection, table: String, columns: [String]) {
        buffer = ByteBufferAllocator().buffer(capacity: Self.chunkBytes + 4096)
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        chunks = continuation
        let loop = connection.eventLoop
        done = loop.makePromise()
        let credits = self.credits, failed = self.failed, done = self.done
        let operation: @Sendable () async -> Void = {
            await CopyStream.run(connection: connection, table: table, columns: columns, chunks: stream,
                                 credits: credits, failed: failed, done: done)
        }
        Task(executorPreference: EventLoopTaskExecutor(loop: loop), operation: operation)
    }

    /// Appends one value; `first` is false for every value after a row's first (a tab before it).
    func null(first: Bool) { Self.null(&buffer, first: first) }
    func int(_ v: Int64, first: Bool) { Self.int(v, &buffer, first: first) }
    func text(_ s: String?, first: Bool) {
        guard var s else { null(first: first); return }
        s.withUTF8 { Self.text(UnsafeRawBufferPointer($0), &buffer, first: first) }
    }

    /// Appends row `i` of `rows` and then `last` as its final column, and ends the row.
    ///
    /// The row is written through one `inout` access to the buffer: each write to a class's
    /// stored property is otherwise its own dynamic exclusivity check, some fifty per row.
    func row(_ rows: EncodedRows, _ i: Int, last: Int64) throws {
        Self.write(rows, i, last: last, into: &buffer)
        try endRow()
    }

    static func write(_ rows: EncodedRows, _ i: Int, last: Int64, into b: inout ByteBuffer) {
        var first = true
        rows.forEachValue(row: i) { v in
            switch v {
            case .null: null(&b, first: first)
            case let .int(x): int(x, &b, first: first)
            case let .text(p): text(p, &b, first: first)
            }
            first = false
        }
        int(last, &b, first: false)
    }

    @inline(__always) private static func null(_ b: inout ByteBuffer, first: Bool) {
        if !first { b.writeInteger(UInt8(ascii: "\t")) }
        b.writeInteger(UInt8(ascii: "\\")); b.writeInteger(UInt8(ascii: "N"))
    }

    @inline(__always) private static func int(_ v: Int64, _ b: inout ByteBuffer, first: Bool) {
        if !first { b.writeInteger(UInt8(ascii: "\t")) }
        b.writeString(String(v))
    }

    /// Text escaped as COPY's text format wants it: backslash, tab, newline and CR.
    @inline(__always) private static func text(_ p: UnsafeRawBufferPointer, _ b: inout ByteBuffer, first: Bool) {
        if !first { b.writeInteger(UInt8(ascii: "\t")) }
        var plain = true
        for c in p where c == 0x5C || c == 0x09 || c == 0x0A || c == 0x0D { plain = false; break }
        if plain { b.writeBytes(p); return }
        for c in p {
            switch c {
            case 0x5C: b.writeInteger(UInt8(ascii: "\\")); b.writeInteger(UInt8(ascii: "\\"))
            case 0x09: b.writeInteger(UInt8(ascii: "\\")); b.writeInteger(UInt8(ascii: "t"))
            case 0x0A: b.writeInteger(UInt8(ascii: "\\")); b.writeInteger(UInt8(ascii: "n"))
            case 0x0D: b.writeInteger(UInt8(ascii: "\\")); b.writeInteger(UInt8(ascii: "r"))
            default: b.writeInteger(c)
            }
        }
    }

    /// Ends a row; sends the buffer when it is full.
    func endRow() throws {
        buffer.writeInteger(UInt8(ascii: "\n"))
        if buffer.readableBytes >= Self.chunkBytes { try flush() }
    }

    private func flush() throws {
        guard buffer.readableBytes > 0 else { return }
        if failed.withLockedValue({ $0 }) { try finish() }
        credits.wait()
        if failed.withLockedValue({ $0 }) { try finish() }
        chunks.yield(buffer)
        buffer = ByteBufferAllocator().buffer(capacity: Self.chunkBytes + 4096)
    }

    /// Sends what is left and ends the COPY; throws the server's error (a bad value, a key
    /// already stored) if it refused any of it.
    func finish() throws {
        guard !finished else { return }
        if !failed.withLockedValue({ $0 }) && buffer.readableBytes > 0 {
            credits.wait()
            chunks.yield(buffer)
        }
        finished = true
        chunks.finish()
        do {
            try Blocking.wait(done.futureResult)
        } catch {
            throw PostgresStoreError.statement("COPY", reason: PostgresSession.message(error))
        }
    }

    /// Abandons the COPY (the import failed): the server discards it, and the transaction is
    /// rolled back after.
    func cancel(_ error: any Error) {
        guard !finished else { return }
        finished = true
        chunks.finish(throwing: error)
        _ = try? Blocking.wait(done.futureResult)
    }
}

extension CopyStream {
    /// The driver's COPY, fed from `chunks` (see CopyStream).
    private static func run(connection: PostgresConnection, table: String, columns: [String],
                            chunks: AsyncThrowingStream<ByteBuffer, any Error>, credits: DispatchSemaphore,
                            failed: NIOLockedValueBox<Bool>, done: EventLoopPromise<Void>) async {
        var logger = Logger(label: "skm.postgres.copy")
        logger.logLevel = .critical
        do {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                for try await chunk in chunks {
                    try await writer.write(chunk)
                    credits.signal()
                }
            }
            done.succeed(())
        } catch {
            failed.withLockedValue { $0 = true }
            credits.signal()
            done.fail(error)
        }
    }
}

/// Runs a task's jobs on one event loop, in place of Swift's cooperative pool (SE-0417).
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
