import GRDB
import SKMDomain

/// What may have changed an agency's figures, written in the same transaction as the change:
/// one row per agency per import batch (the days of the rows it stored or overwrote), per
/// undo (the days of the rows it removed), per stated population (its period) and per catalog
/// load (every agency, every day). Its `seq` only grows, in commit order (SQLite has one
/// writer; PostgreSQL takes the table's lock before the row goes in, PostgresChanges.swift),
/// and a row is dropped when a newer one names the same days (`recordChanges`).
///
/// Why: a server that keeps computed figures (`FiguresCache` in SKMServer) asks one indexed
/// question per request — did anything after `seq` reach the days these figures read? — instead
/// of reading every row again. A kiosk's submission is dated today, after every finished
/// period: it never invalidates a published page (docs/publication.md, "Speed").
public enum DataChangeKind: String, Sendable {
    case transactions, responses, population, catalog
    /// Rows taken back by an undo: the span of days with data may shrink.
    case removedTransactions = "removed-transactions", removedResponses = "removed-responses"
}

/// The answer to "did anything change", with the newest `seq` it looked at.
public struct ChangeCheck: Sendable, Equatable {
    /// The newest change in the store when asked (0 before any).
    public var latest: Int64
    /// Whether a change after the asked `seq`, up to `latest`, reaches the asked days.
    public var changed: Bool

    public init(latest: Int64, changed: Bool) {
        self.latest = latest
        self.changed = changed
    }
}

/// The days an import batch touched, per agency, gathered from the rows' own bytes as they go
/// in (a `String` per row would cost the import its speed, docs/performance.md).
public struct ChangedDays: Sendable {
    /// Every day: a row overwritten in place may have moved from a day this batch never saw.
    public static let firstDay = "0000-01-01", lastDay = "9999-12-31"

    private var agency: [UInt8] = [], first: [UInt8] = [], last: [UInt8] = []
    private var spans: [String: (String, String)] = [:]

    public init() {}

    /// The value index (0-based, in `EncodedRows` order) of the day a row is filed under: a
    /// response's date, a transaction's local day of receipt.
    public static func dayValue(_ kind: ImportWriter.Kind) -> Int { kind == .responses ? 3 : 5 }

    /// A row of `agency` stored or overwritten on `day` (ISO text bytes).
    public mutating func note(agency a: UnsafeRawBufferPointer, day d: UnsafeRawBufferPointer) {
        if !a.elementsEqual(agency) {
            flush()
            agency = Array(a); first = Array(d); last = first
            return
        }
        if d.lexicographicallyPrecedes(first) { first = Array(d) } else if last.lexicographicallyPrecedes(d) { last = Array(d) }
    }

    /// Row `i` of `rows` (of `kind`) stored: its agency and day read from the encoded values.
    public mutating func note(_ rows: EncodedRows, row i: Int, kind: ImportWriter.Kind) {
        let dayValue = Self.dayValue(kind)
        rows.withRow(i) { raw in
            var c = EncodedValueCursor(raw), n = 0
            var agency = UnsafeRawBufferPointer(start: nil, count: 0), day = agency
            while !c.atEnd, n <= dayValue {
                if case let .text(p) = c.next() { if n == 0 { agency = p } else if n == dayValue { day = p } }
                n += 1
            }
            note(agency: agency, day: day)
        }
    }

    /// A row of `agency` overwritten: its earlier day is unknown here, so every day counts.
    public mutating func noteEveryDay(agency a: String) {
        flush()
        agency = []
        spans[a] = (Self.firstDay, Self.lastDay)
    }

    private mutating func flush() {
        guard !agency.isEmpty else { return }
        let a = String(decoding: agency, as: UTF8.self), f = String(decoding: first, as: UTF8.self), l = String(decoding: last, as: UTF8.self)
        if let (f0, l0) = spans[a] { spans[a] = (min(f0, f), max(l0, l)) } else { spans[a] = (f, l) }
    }

    /// Agency, first day, last day; sorted by agency.
    public mutating func spansByAgency() -> [(agency: String, first: String, last: String)] {
        flush()
        agency = []
        return spans.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
    }
}

extension Database {
    /// One `data_change` row per span; `agency` nil for every agency. An older row with the
    /// same kind, agency and days goes: the new one says all it said, later, so a reader
    /// misses nothing, and the log stays one row per agency and day however many kiosk
    /// submissions a day brings.
    func recordChanges(_ kind: DataChangeKind, _ spans: [(agency: String?, first: String, last: String)]) throws {
        for s in spans {
            try execute(sql: "DELETE FROM data_change WHERE agency IS ? AND kind = ? AND first_day = ? AND last_day = ?",
                        arguments: [s.agency, kind.rawValue, s.first, s.last])
            try execute(sql: "INSERT INTO data_change (kind, agency, first_day, last_day) VALUES (?, ?, ?, ?)",
                        arguments: [kind.rawValue, s.agency, s.first, s.last])
        }
    }

    /// The days of `table`'s rows of batch `id`, per agency: what an undo removes.
    func batchSpans(table: String, dayColumn: String, batch id: Int64) throws -> [(agency: String?, first: String, last: String)] {
        try Row.fetchAll(self, sql: "SELECT agency, MIN(\(dayColumn)) AS f, MAX(\(dayColumn)) AS l FROM \(table) WHERE batch = ? GROUP BY agency",
                         arguments: [id]).map { ($0["agency"], $0["f"], $0["l"]) }
    }
}

extension Store {
    public func latestChange() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM data_change") ?? 0 }
    }

    /// Did anything after `seq` touch `agency`'s responses, populations or catalog on a day up
    /// to `through`, or any of its transactions at all (a response links to a file received
    /// on any day, TimeVoice.swift)? One read, so `latest` and the answer agree.
    public func changes(agency: String, after seq: Int64, through: LocalDate) throws -> ChangeCheck {
        try writer.read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM data_change") ?? 0
            guard latest > seq else { return ChangeCheck(latest: latest, changed: false) }
            let changed = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM data_change WHERE seq > ? AND seq <= ? AND (agency = ? OR agency IS NULL)
                               AND (kind LIKE '%transactions' OR first_day <= ?))
                """, arguments: [seq, latest, agency, through.description]) ?? true
            return ChangeCheck(latest: latest, changed: changed)
        }
    }

    /// Whether the first and last day with data (`dataSpan`) may have moved since change `seq`:
    /// an undo, or stored rows outside `span` (an overwrite counts as every day).
    public func spanChanges(agency: String, after seq: Int64, span: (LocalDate, LocalDate)?) throws -> ChangeCheck {
        try writer.read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM data_change") ?? 0
            guard latest > seq else { return ChangeCheck(latest: latest, changed: false) }
            let changed = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM data_change WHERE seq > ? AND seq <= ? AND agency = ?
                               AND (kind LIKE 'removed-%' OR (kind IN ('responses', 'transactions') AND (first_day < ? OR last_day > ?))))
                """, arguments: [seq, latest, agency, span?.0.description ?? "9999-12-31", span?.1.description ?? ""]) ?? true
            return ChangeCheck(latest: latest, changed: changed)
        }
    }
}
