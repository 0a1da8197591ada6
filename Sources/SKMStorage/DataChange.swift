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

extension DataChangeKind {
    /// Rows of `kind` stored by an import.
    public static func stored(_ kind: ImportWriter.Kind) -> Self { kind == .responses ? .responses : .transactions }
    /// Rows of `kind` taken back by an undo.
    public static func removed(_ kind: ImportWriter.Kind) -> Self { kind == .responses ? .removedResponses : .removedTransactions }
}

extension ImportWriter.Kind {
    /// The table rows of this kind are stored in.
    public var table: String { self == .responses ? "response" : "service_transaction" }
    /// The column of the day a row is filed under: a response's date, a transaction's local day of receipt.
    public var dayColumn: String { self == .responses ? "date" : "received_date" }
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

/// One row of the change log.
public struct DataChange: Sendable, Equatable {
    /// nil: a kind this build does not know (a newer skm's), taken to reach everything.
    public var kind: DataChangeKind?
    /// nil: every agency (a catalog load).
    public var agency: String?
    public var firstDay: String
    public var lastDay: String

    public init(kind: DataChangeKind?, agency: String?, firstDay: String, lastDay: String) {
        self.kind = kind
        self.agency = agency
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// Whether figures that read data up to `through` may have changed: any change to
    /// transactions (a response links to a file received on any day, TimeVoice.swift), anything
    /// else on a day up to `through`.
    public func reaches(through: LocalDate) -> Bool {
        switch kind {
        case .transactions?, .removedTransactions?, nil: return true
        case .responses?, .removedResponses?, .population?, .catalog?: return firstDay <= through.description
        }
    }

    /// Whether the first and last day with data (`dataSpan`) may have moved from `span`: an
    /// undo, or rows stored outside it (an overwrite counts as every day); never a catalog load
    /// or a population, which store no rows.
    public func mayMove(_ span: (LocalDate, LocalDate)?) -> Bool {
        switch kind {
        case .removedTransactions?, .removedResponses?, nil: return true
        case .transactions?, .responses?:
            guard let span else { return true }
            return firstDay < span.0.description || lastDay > span.1.description
        case .population?, .catalog?: return false
        }
    }
}

/// The changes after a `seq` that concern an agency, and the newest `seq` looked at.
public struct ChangesSince: Sendable {
    public var latest: Int64
    public var changes: [DataChange]

    public init(latest: Int64, changes: [DataChange]) {
        self.latest = latest
        self.changes = changes
    }
}

extension SurveyStore {
    /// Did anything after `seq` reach figures of `agency` that read data up to `through`?
    public func changes(agency: String, after seq: Int64, through: LocalDate) throws -> ChangeCheck {
        let c = try changes(agency: agency, after: seq)
        return ChangeCheck(latest: c.latest, changed: c.changes.contains { $0.reaches(through: through) })
    }

    /// May `agency`'s first and last day with data have moved from `span` since `seq`?
    public func spanChanges(agency: String, after seq: Int64, span: (LocalDate, LocalDate)?) throws -> ChangeCheck {
        let c = try changes(agency: agency, after: seq)
        return ChangeCheck(latest: c.latest, changed: c.changes.contains { $0.mayMove(span) })
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

    /// The days of the rows of batch `id`, per agency: what an undo removes.
    func batchSpans(_ kind: ImportWriter.Kind, batch id: Int64) throws -> [(agency: String?, first: String, last: String)] {
        try Row.fetchAll(self, sql: "SELECT agency, MIN(\(kind.dayColumn)) AS f, MAX(\(kind.dayColumn)) AS l FROM \(kind.table) WHERE batch = ? GROUP BY agency",
                         arguments: [id]).map { ($0["agency"], $0["f"], $0["l"]) }
    }
}

extension Store {
    public func latestChange() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM data_change") ?? 0 }
    }

    public func changes(agency: String, after seq: Int64) throws -> ChangesSince {
        try writer.read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM data_change") ?? 0
            guard latest > seq else { return ChangesSince(latest: latest, changes: []) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT kind, agency, first_day, last_day FROM data_change
                WHERE seq > ? AND seq <= ? AND (agency = ? OR agency IS NULL)
                """, arguments: [seq, latest, agency])
            return ChangesSince(latest: latest, changes: rows.map {
                DataChange(kind: DataChangeKind(rawValue: $0["kind"]), agency: $0["agency"], firstDay: $0["first_day"], lastDay: $0["last_day"])
            })
        }
    }
}
