import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// Reject lists, as SQLite's (Reads.swift, RejectsByPeriod.swift): newest batch first, then
/// by line, then in the order the import recorded them.
extension PostgresStore {
    private static let rejectColumns = "file, line, column_name, value, reason, agency, position, kind"

    public func forEachReject(agency: String?, _ body: (RejectRecord) throws -> Void) throws {
        let rows = try read { s in
            try s.rows("SELECT \(Self.rejectColumns) FROM reject WHERE $1::text IS NULL OR agency = $1 ORDER BY batch DESC, line, id",
                       [Bind.text(agency)])
        }
        for r in rows { try body(try Self.reject(r)) }
    }

    public func rejectCount(agency: String?) throws -> Int {
        try read { s in
            Int(try s.rows("SELECT COUNT(*) FROM reject WHERE $1::text IS NULL OR agency = $1", [Bind.text(agency)])[0].integer(0))
        }
    }

    public func forEachReject(agency: String, period: Period, zone: IndonesianTimeZone, _ body: (RejectRecord) throws -> Void) throws {
        let rows = try read { s in
            try s.rows("""
                SELECT \(Self.rejectColumns) FROM reject
                WHERE agency = $1 AND batch IN (\(Self.batchesInPeriodSQL)) ORDER BY batch DESC, line, id
                """, Self.periodArguments(agency, period, zone))
        }
        for r in rows { try body(try Self.reject(r)) }
    }

    public func rejectCount(agency: String, period: Period, zone: IndonesianTimeZone) throws -> Int {
        try read { s in
            Int(try s.rows("SELECT COUNT(*) FROM reject WHERE agency = $1 AND batch IN (\(Self.batchesInPeriodSQL))",
                           Self.periodArguments(agency, period, zone))[0].integer(0))
        }
    }

    /// SQLite's rule (RejectsByPeriod.swift) with `$1` agency, `$2`…`$3` the period's days,
    /// `$4`…`$5` its instants.
    static let batchesInPeriodSQL = """
        WITH dated(batch) AS (
            SELECT batch FROM response WHERE agency = $1 AND date BETWEEN $2 AND $3
            UNION SELECT batch FROM service_transaction WHERE agency = $1 AND received_date BETWEEN $2 AND $3),
        files AS (SELECT DISTINCT kind, file FROM import_batch WHERE id IN (SELECT batch FROM dated))
        SELECT b.id FROM import_batch b JOIN files f ON f.kind = b.kind AND f.file = b.file
        UNION SELECT b.id FROM import_batch b WHERE b.imported_at >= $4 AND b.imported_at < $5
            AND NOT EXISTS (SELECT 1 FROM import_batch o WHERE o.kind = b.kind AND o.file = b.file
                AND (EXISTS (SELECT 1 FROM response x WHERE x.agency = $1 AND x.batch = o.id)
                     OR EXISTS (SELECT 1 FROM service_transaction t WHERE t.agency = $1 AND t.batch = o.id)))
        """

    static func periodArguments(_ agency: String, _ period: Period, _ zone: IndonesianTimeZone) -> [PostgresData] {
        [Bind.text(agency), Bind.text(period.start.description), Bind.text(period.end.description),
         Bind.int(zone.instant(period.start, minuteOfDay: 0)), Bind.int(zone.instant(period.end.adding(days: 1), minuteOfDay: 0))]
    }

    static func reject(_ r: PostgresRandomAccessRow) throws -> RejectRecord {
        RejectRecord(file: try r.string(0), line: Int(try r.integer(1)), column: try r.text(2), value: try r.text(3),
                     reason: try r.string(4), agency: try r.text(5), position: try r.int(6).map { Int($0) },
                     kind: RejectRecord.Kind(rawValue: try r.string(7)) ?? .reject)
    }
}
