import PostgresNIO
import SKMDomain
import SKMStorage

/// SQLite's `data_change` log (Sources/SKMStorage/DataChange.swift) on PostgreSQL.
///
/// A sequence hands out numbers in call order, not commit order: a server could read
/// `MAX(seq)` = 8 while a writer holding 7 has yet to commit, then never look below 8 again.
/// So a writer takes the table's EXCLUSIVE lock (plain reads still pass) just before its row
/// goes in, at the end of its transaction, and holds it to the commit: numbers are then
/// handed out, and committed, one writer at a time.
extension PostgresSession {
    func recordChanges(_ kind: DataChangeKind, _ spans: [(agency: String?, first: String, last: String)]) throws {
        guard !spans.isEmpty else { return }
        try execute("LOCK TABLE data_change IN EXCLUSIVE MODE")
        for s in spans {
            // As SQLite's (DataChange.swift): the newer row says all the older one said.
            try execute("DELETE FROM data_change WHERE agency IS NOT DISTINCT FROM $1 AND kind = $2 AND first_day = $3 AND last_day = $4",
                        [Bind.text(s.agency), Bind.text(kind.rawValue), Bind.text(s.first), Bind.text(s.last)])
            try execute("INSERT INTO data_change (kind, agency, first_day, last_day) VALUES ($1, $2, $3, $4)",
                        [Bind.text(kind.rawValue), Bind.text(s.agency), Bind.text(s.first), Bind.text(s.last)])
        }
    }

    /// The days of the rows of batch `id`, per agency: what an undo removes.
    func batchSpans(_ kind: ImportWriter.Kind, batch id: Int64) throws -> [(agency: String?, first: String, last: String)] {
        try rows("SELECT agency, MIN(\(kind.dayColumn)), MAX(\(kind.dayColumn)) FROM \(kind.table) WHERE batch = $1 GROUP BY agency",
                 [Bind.int(id)]).map { (try $0.text(0), try $0.text(1) ?? ChangedDays.firstDay, try $0.text(2) ?? ChangedDays.lastDay) }
    }
}

extension PostgresStore {
    public func latestChange() throws -> Int64 {
        try read { s in try s.rows("SELECT COALESCE(MAX(seq), 0) FROM data_change")[0].int(0) ?? 0 }
    }

    public func changes(agency: String, after seq: Int64) throws -> ChangesSince {
        try read { s in
            let latest = try s.rows("SELECT COALESCE(MAX(seq), 0) FROM data_change")[0].int(0) ?? 0
            guard latest > seq else { return ChangesSince(latest: latest, changes: []) }
            let rows = try s.rows("""
                SELECT kind, agency, first_day, last_day FROM data_change
                WHERE seq > $1 AND seq <= $2 AND (agency = $3 OR agency IS NULL)
                """, [Bind.int(seq), Bind.int(latest), Bind.text(agency)])
            return ChangesSince(latest: latest, changes: try rows.map {
                DataChange(kind: try $0.text(0).flatMap(DataChangeKind.init(rawValue:)), agency: try $0.text(1),
                           firstDay: try $0.text(2) ?? ChangedDays.firstDay, lastDay: try $0.text(3) ?? ChangedDays.lastDay)
            })
        }
    }
}
