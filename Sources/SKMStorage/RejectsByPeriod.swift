import GRDB
import SKMDomain

/// The rejected rows a report of one agency and period lists: those of the imports whose
/// rows fall in the period, and of imports that stored no row at all (every line unreadable
/// or rejected) that ran in the period — not every reject the agency ever had.
///
/// The reject table records no row date (a later migration may add it), so the rule is per
/// imported file: a file with rows dated in the period brings all its rejects, and a file
/// spanning two periods lists them in both.
extension Store {
    /// Streams the period's rejects of `agency`, newest batch first, then by line. `zone`
    /// turns the period's local days into the instants an import may have run in.
    public func forEachReject(agency: String, period: Period, zone: IndonesianTimeZone,
                              _ body: (RejectRecord) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT file, line, column_name, value, reason, agency, position, kind FROM reject
                WHERE agency = :agency AND batch IN (\(Self.batchesInPeriodSQL)) ORDER BY batch DESC, line
                """, arguments: Self.periodArguments(agency, period, zone))
            while let r = try rows.next() {
                try body(RejectRecord(file: r["file"], line: r["line"], column: r["column_name"], value: r["value"],
                                      reason: r["reason"], agency: r["agency"],
                                      position: r["position"], kind: RejectRecord.Kind(rawValue: r["kind"]) ?? .reject))
            }
        }
    }

    public func rejectCount(agency: String, period: Period, zone: IndonesianTimeZone) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM reject WHERE agency = :agency AND batch IN (\(Self.batchesInPeriodSQL))
                """, arguments: Self.periodArguments(agency, period, zone)) ?? 0
        }
    }

    /// Imports are identified by kind and file: a file imported again keeps its unchanged rows
    /// under the batch that first stored them and has its rejects replaced under the new batch
    /// (ImportWriter), so a batch counts when any import of the same file stored a row of the
    /// agency dated in the period; and a batch of a file that never stored one of its rows
    /// counts in the period it ran in.
    static let batchesInPeriodSQL = """
        WITH dated(batch) AS (
            SELECT batch FROM response WHERE agency = :agency AND date BETWEEN :start AND :end
            UNION SELECT batch FROM service_transaction WHERE agency = :agency AND received_date BETWEEN :start AND :end),
        files AS (SELECT DISTINCT kind, file FROM import_batch WHERE id IN dated)
        SELECT b.id FROM import_batch b JOIN files f ON f.kind = b.kind AND f.file = b.file
        UNION SELECT b.id FROM import_batch b WHERE b.imported_at >= :from AND b.imported_at < :to
            AND NOT EXISTS (SELECT 1 FROM import_batch o WHERE o.kind = b.kind AND o.file = b.file
                AND (EXISTS (SELECT 1 FROM response x WHERE x.agency = :agency AND x.batch = o.id)
                     OR EXISTS (SELECT 1 FROM service_transaction t WHERE t.agency = :agency AND t.batch = o.id)))
        """

    static func periodArguments(_ agency: String, _ period: Period, _ zone: IndonesianTimeZone) -> StatementArguments {
        ["agency": agency, "start": period.start.description, "end": period.end.description,
         "from": zone.instant(period.start, minuteOfDay: 0), "to": zone.instant(period.end.adding(days: 1), minuteOfDay: 0)]
    }
}
