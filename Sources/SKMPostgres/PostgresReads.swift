import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// The reads of SQLite's Reads.swift and TransactionLookup.swift, in the same SQL where the
/// dialects agree. Orders SQLite gives by its clustered key (agency, id) are written out here
/// (`ORDER BY id`): PostgreSQL's heap has no such order, and floating-point sums must add the
/// same rows in the same order for the figures to agree to the last digit.
///
/// Rows are fetched whole, then handed to `body`: a period's rows are held in memory while it
/// is read (a cursor per read is the next step when a period outgrows memory; docs/scaling.md).
extension PostgresStore {
    public func transaction(agency: String, id: String) throws -> Transaction? {
        try read { s in
            try s.rows("""
                SELECT id, service, received_at, finished_at, variant, pauses, channel FROM service_transaction
                WHERE agency = $1 AND id = $2
                """, [Bind.text(agency), Bind.text(id)]).first.map { try Self.transaction($0, agency: agency) }
        }
    }

    public func transactionCounts(agency: String, period: Period) throws -> [String: Int] {
        try read { s in
            var out: [String: Int] = [:]
            for r in try s.rows("""
                SELECT service, COUNT(*) FROM service_transaction
                WHERE agency = $1 AND received_date BETWEEN $2 AND $3 GROUP BY service
                """, Self.periodBinds(agency, period)) {
                out[try r.string(0)] = Int(try r.integer(1))
            }
            return out
        }
    }

    public func forEachTransaction(agency: String, period: Period, inReceiptOrder: Bool, _ body: (Transaction) throws -> Void) throws {
        let rows = try read { s in
            try s.rows("""
                SELECT id, service, received_at, finished_at, variant, pauses, channel FROM service_transaction
                WHERE agency = $1 AND received_date BETWEEN $2 AND $3
                """ + (inReceiptOrder ? " ORDER BY received_at, id" : " ORDER BY id"), Self.periodBinds(agency, period))
        }
        for r in rows { try body(try Self.transaction(r, agency: agency)) }
    }

    public func profileCounts(agency: String, period: Period, service: String?) throws -> ProfileCounts {
        var binds = Self.periodBinds(agency, period)
        if let service { binds.append(Bind.text(service)) }
        let filter = "agency = $1 AND date BETWEEN $2 AND $3" + (service == nil ? "" : " AND service = $4")
        return try read { s in
            func counts(_ column: String) throws -> [(String, Int)] {
                try s.rows("SELECT \(column), COUNT(*) FROM response WHERE \(filter) GROUP BY \(column) ORDER BY \(column) NULLS FIRST", binds)
                    .map { (try $0.text(0) ?? "Tidak diisi", Int(try $0.integer(1))) }
            }
            let ages = try s.rows("SELECT age, COUNT(*) FROM response WHERE \(filter) GROUP BY age", binds).map {
                (try $0.int(0).map { Int($0) }, Int(try $0.integer(1)))
            }
            return ProfileCounts(gender: try counts("gender"), ages: ages,
                                 education: try counts("education"), occupation: try counts("occupation"))
        }
    }

    public func forEachSuggestion(agency: String, period: Period, _ body: (Suggestion) throws -> Void) throws {
        let rows = try read { s in
            try s.rows("""
                SELECT date, service, saran FROM response
                WHERE agency = $1 AND date BETWEEN $2 AND $3 AND saran IS NOT NULL AND TRIM(saran) <> ''
                ORDER BY date, id
                """, Self.periodBinds(agency, period))
        }
        for r in rows { try body(Suggestion(date: try r.string(0), service: try r.string(1), text: try r.string(2))) }
    }

    public func suggestionCount(agency: String, period: Period) throws -> Int {
        try read { s in
            Int(try s.rows("""
                SELECT COUNT(*) FROM response
                WHERE agency = $1 AND date BETWEEN $2 AND $3 AND saran IS NOT NULL AND TRIM(saran) <> ''
                """, Self.periodBinds(agency, period))[0].integer(0))
        }
    }

    public func dataSpan(agency: String) throws -> (LocalDate, LocalDate)? {
        try read { s in
            let r = try s.rows("""
                SELECT MIN(d), MAX(d) FROM (
                    SELECT received_date AS d FROM service_transaction WHERE agency = $1
                    UNION ALL SELECT date FROM response WHERE agency = $1) AS dates
                """, [Bind.text(agency)])[0]
            guard let lo = try r.text(0).flatMap({ LocalDate(iso: $0) }), let hi = try r.text(1).flatMap({ LocalDate(iso: $0) }) else { return nil }
            return (lo, hi)
        }
    }

    static func periodBinds(_ agency: String, _ period: Period) -> [PostgresData] {
        [Bind.text(agency), Bind.text(period.start.description), Bind.text(period.end.description)]
    }

    static func transaction(_ r: PostgresRandomAccessRow, agency: String) throws -> Transaction {
        Transaction(id: try r.string(0), agency: agency, service: try r.string(1), receivedAt: try r.integer(2),
                    finishedAt: try r.int(3), variant: try r.text(4), pauses: decodePauses(try r.text(5)), channel: try r.text(6))
    }

    /// "start-end;start-end" in UTC seconds, as the writer stores it (EncodedRows.swift).
    static func decodePauses(_ text: String?) -> [Transaction.Pause] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ";").compactMap { p in
            let se = p.split(separator: "-")
            guard se.count == 2, let s = Int64(se[0]), let e = Int64(se[1]) else { return nil }
            return Transaction.Pause(start: s, end: e)
        }
    }
}
