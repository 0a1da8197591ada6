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

    /// The kept figures for `key` if still valid, else `compute()`'s, kept for later: valid
    /// while no change after them reaches data up to `through` (`SurveyStore.changes`).
    func figures<T: Sendable>(_ key: Key, store: any SurveyStore, through: LocalDate, now: Int64,
                              compute: () throws -> Computed<T>) throws -> T {
        try keptOrComputed(key, store: store, now: now, counted: true,
                           check: { _, seq in try store.changes(agency: key.agency, after: seq, through: through) }, compute: compute)
    }

    /// `store.dataSpan(agency:)`, kept while no change can have moved it (`SurveyStore.spanChanges`):
    /// the page needs it on every visit (default period, period picker), and without date
    /// indexes it is a scan of the agency's rows. Kiosk submissions of today stop moving it
    /// after the day's first.
    func dataSpan(agency: String, store: any SurveyStore) throws -> (LocalDate, LocalDate)? {
        try keptOrComputed(Key(route: "span", agency: agency, detail: ""), store: store, now: 0, counted: false,
                           check: { kept, seq in try store.spanChanges(agency: agency, after: seq, span: kept.span) },
                           compute: { Computed(value: Span(span: try store.dataSpan(agency: agency)), until: nil) }).span
    }

    private struct Span: Sendable { var span: (LocalDate, LocalDate)? }

    /// One computation per key at a time: when an import reaches a period that many visitors
    /// are reading, the first computes and the others wait for it and then check its figures
    /// like any kept ones (a write committed meanwhile is still seen), instead of each taking a
    /// core for the same second of work. `counted`: in `served` (figures, not spans).
    private func keptOrComputed<T: Sendable>(_ key: Key, store: any SurveyStore, now: Int64, counted: Bool,
                                             check: (_ kept: T, _ seq: Int64) throws -> ChangeCheck,
                                             compute: () throws -> Computed<T>) throws -> T {
        func kept() throws -> T? {
            guard let e = entries.withLock({ $0[key] }), let value = e.value as? T, e.until.map({ now < $0 }) ?? true else { return nil }
            let since = try check(value, e.seq)
            guard !since.changed else { return nil }
            // Next time, look only at what came after this check.
            entries.withLock { if $0[key]?.seq == e.seq { $0[key]?.seq = since.latest } }
            if counted { served.withLock { $0.kept += 1 } }
            return value
        }
        func computeAndKeep() throws -> T {
            let before = try store.latestChange()
            let c = try compute()
            if counted { served.withLock { $0.computed += 1 } }
            entries.withLock {
                if $0.count >= capacity { $0.removeAll() }
                $0[key] = Entry(value: c.value, seq: before, until: c.until)
            }
            return c.value
        }
        if let value = try kept() { return value }
        let (flight, leads) = flights.withLock { f -> (Flight, Bool) in
            if let running = f[key] { return (running, false) }
            let new = Flight()
            f[key] = new
            return (new, true)
        }
        guard leads else {
            flight.wait()
            // Its figures already outdated: compute alongside rather than queue again.
            return try kept() ?? computeAndKeep()
        }
        defer {
            flights.withLock { $0[key] = nil }
            flight.finish()
        }
        return try computeAndKeep()
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
}
