import Foundation
import Synchronization
import SKMDomain
import SKMStorage

/// Figures computed once and served again while nothing they read has changed: the public
/// page, `/ikm` and `/compliance` of a finished period cost milliseconds instead of a scan of
/// every row of the period (docs/publication.md, "Speed").
///
/// Never stale. An entry is served only when
/// - the store's change log (`SurveyStore.changes`, DataChange.swift) has nothing after the
///   entry's `seq` that reaches its days: an import, undo, stated population or catalog load
///   on a day up to the period's end, or any change to the agency's transactions; and
/// - the instant has not come at which an open file of the period passes its deadline
///   (`statusesChangeAt`), when the figures judge open files as of now.
/// `seq` is read before computing, so a change committed during the computation is seen by
/// the next request. Each server process keeps its own entries (two servers on one
/// PostgreSQL database each compute once); the log they consult is shared.
public final class FiguresCache: Sendable {
    public struct Key: Hashable, Sendable {
        var route: String
        var agency: String
        /// Everything else the figures depend on: period, options, as-of, day of calculation.
        var detail: String
    }

    private struct Entry: @unchecked Sendable {
        var value: any Sendable
        var seq: Int64
        var until: Int64?
    }

    /// What a computation gives back: the figures, and until when they hold without new data
    /// (nil: until the data changes).
    public struct Computed<T: Sendable> {
        var value: T
        var until: Int64?
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int
    /// Requests answered from a kept entry, and computed (tests check which a change caused).
    let served = Mutex<(kept: Int, computed: Int)>((0, 0))

    /// `capacity` entries at most; when full it starts again empty (figures are small, and a
    /// visitor asks for a handful of periods).
    public init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The kept figures for `key` if still valid, else `compute()`'s, kept for later.
    ///
    /// One computation per key at a time: when an import reaches a period that many visitors
    /// are reading, the first computes and the others wait for it and then check its figures
    /// like any kept ones (a write committed meanwhile is still seen), instead of each taking a
    /// core for the same second of work.
    func figures<T: Sendable>(_ key: Key, store: any SurveyStore, through: LocalDate, now: Int64,
                              compute: () throws -> Computed<T>) throws -> T {
        if let value: T = try kept(key, store: store, through: through, now: now) { return value }
        let (flight, leads) = flights.withLock { f -> (Flight, Bool) in
            if let running = f[key] { return (running, false) }
            let new = Flight()
            f[key] = new
            return (new, true)
        }
        if !leads {
            flight.wait()
            if let value: T = try kept(key, store: store, through: through, now: now) { return value }
            // Its figures are already outdated: compute alongside rather than queue again.
            return try computeAndKeep(key, store: store, compute: compute)
        }
        defer {
            flights.withLock { $0[key] = nil }
            flight.finish()
        }
        return try computeAndKeep(key, store: store, compute: compute)
    }

    /// The entry for `key` when nothing has changed what it read and its time has not come.
    private func kept<T: Sendable>(_ key: Key, store: any SurveyStore, through: LocalDate, now: Int64) throws -> T? {
        guard let e = entries.withLock({ $0[key] }), let value = e.value as? T, e.until.map({ now < $0 }) ?? true else { return nil }
        let check = try store.changes(agency: key.agency, after: e.seq, through: through)
        guard !check.changed else { return nil }
        // Next time, look only at what came after this check.
        entries.withLock { if $0[key]?.seq == e.seq { $0[key]?.seq = check.latest } }
        served.withLock { $0.kept += 1 }
        return value
    }

    private func computeAndKeep<T: Sendable>(_ key: Key, store: any SurveyStore, compute: () throws -> Computed<T>) throws -> T {
        let before = try store.latestChange()
        let c = try compute()
        served.withLock { $0.computed += 1 }
        entries.withLock {
            if $0.count >= capacity { $0.removeAll() }
            $0[key] = Entry(value: c.value, seq: before, until: c.until)
        }
        return c.value
    }

    /// A computation under way, that others wait for.
    private final class Flight: @unchecked Sendable {
        private let condition = NSCondition()
        private var finished = false
        func wait() {
            condition.lock()
            while !finished { condition.wait() }
            condition.unlock()
        }
        func finish() {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }
    private let flights = Mutex<[Key: Flight]>([:])

    private let spans = Mutex<[String: SpanEntry]>([:])
    private struct SpanEntry { var span: (LocalDate, LocalDate)?; var seq: Int64 }

    /// `store.dataSpan(agency:)`, kept while no change can have moved it: the page needs it on
    /// every visit (default period, period picker), and without date indexes it is a scan of
    /// the agency's rows. Kiosk submissions of today stop moving it after the day's first.
    func dataSpan(agency: String, store: any SurveyStore) throws -> (LocalDate, LocalDate)? {
        if let e = spans.withLock({ $0[agency] }) {
            let check = try store.spanChanges(agency: agency, after: e.seq, span: e.span)
            if !check.changed {
                spans.withLock { if $0[agency]?.seq == e.seq { $0[agency]?.seq = check.latest } }
                return e.span
            }
        }
        let before = try store.latestChange()
        let span = try store.dataSpan(agency: agency)
        spans.withLock { $0[agency] = SpanEntry(span: span, seq: before) }
        return span
    }
}
