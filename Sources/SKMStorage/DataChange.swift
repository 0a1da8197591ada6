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
