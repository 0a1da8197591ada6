import Foundation
import GRDB
import GRDBSQLite
import SKMDomain

/// What the reports read: counted in SQL where the figures are plain counts (population,
/// profile), streamed where each row must be tallied or judged (IKM, turnaround).
///
/// Every read scans the agency's slice of its table (clustered by agency, id) in order and
/// filters dates on the way: walking a date index and fetching each row by key was random I/O
/// (docs/performance.md). The date indexes were dropped for that
/// reason (migration v3); date filters are written `+date` so that a date index added later
/// cannot silently bring the random reads back.
extension Store {
    /// Number of transactions received per service in the period: the survey's population.
    public func transactionCounts(agency: String, period: Period) throws -> [String: Int] {
        try writer.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT service, COUNT(*) AS n FROM service_transaction
                WHERE agency = ? AND +received_date BETWEEN ? AND ? GROUP BY service
                """, arguments: [agency, period.start.description, period.end.description]) {
                out[row["service"]] = row["n"]
            }
            return out
        }
    }

    /// Streams the transactions received in the period without holding them all: in receipt
    /// order, or — `inReceiptOrder: false`, for sums that do not care — in stored (id) order,
    /// which saves sorting the period.
    ///
    /// Stepped through the C API: GRDB's `Row` per transaction cost as much as judging it.
    public func forEachTransaction(agency: String, period: Period, inReceiptOrder: Bool = true,
                                   _ body: (Transaction) throws -> Void) throws {
        try writer.read { db in
            let stmt = try db.makeStatement(sql: """
                SELECT id, service, received_at, finished_at, variant, pauses, channel FROM service_transaction
                WHERE agency = ? AND +received_date BETWEEN ? AND ?
                """ + (inReceiptOrder ? " ORDER BY received_at, id" : ""))
            try stmt.setArguments([agency, period.start.description, period.end.description])
            let s = stmt.sqliteStatement
            func text(_ i: Int32) -> String? {
                sqlite3_column_type(s, i) == SQLITE_NULL ? nil : String(cString: sqlite3_column_text(s, i))
            }
            while try db.stepRow(s) {
                try body(Transaction(
                    id: String(cString: sqlite3_column_text(s, 0)), agency: agency, service: String(cString: sqlite3_column_text(s, 1)),
                    receivedAt: sqlite3_column_int64(s, 2),
                    finishedAt: sqlite3_column_type(s, 3) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 3),
                    variant: text(4), pauses: Self.decodePauses(text(5)), channel: text(6)))
            }
        }
    }

    static func decodePauses(_ text: String?) -> [Transaction.Pause] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ";").compactMap { p in
            let se = p.split(separator: "-")
            guard se.count == 2, let s = Int64(se[0]), let e = Int64(se[1]) else { return nil }
            return Transaction.Pause(start: s, end: e)
        }
    }

    /// Respondent profile counts for one dimension: category → respondents.
    public func profileCounts(agency: String, period: Period, service: String? = nil) throws -> ProfileCounts {
        let filter = "agency = ? AND +date BETWEEN ? AND ?" + (service == nil ? "" : " AND service = ?")
        var args: StatementArguments = [agency, period.start.description, period.end.description]
        if let service { args += [service] }
        return try writer.read { db in
            func counts(_ expr: String) throws -> [(String, Int)] {
                try Row.fetchAll(db, sql: "SELECT \(expr) AS k, COUNT(*) AS n FROM response WHERE \(filter) GROUP BY k ORDER BY k",
                                 arguments: args).map { (($0["k"] as String?) ?? "Tidak diisi", $0["n"]) }
            }
            let ages = try Row.fetchAll(db, sql: "SELECT age, COUNT(*) AS n FROM response WHERE \(filter) GROUP BY age", arguments: args)
            return ProfileCounts(gender: try counts("gender"), ages: ages.map { ($0["age"], $0["n"]) },
                                 education: try counts("education"), occupation: try counts("occupation"))
        }
    }

    /// Streams the period's suggestions, oldest first, without holding them.
    ///
    /// Stepped through the C API, as `forEachTransaction`: a GRDB `Row` looks its columns up by
    /// name, which cost more than the query for a year's saran.
    public func forEachSuggestion(agency: String, period: Period, _ body: (Suggestion) throws -> Void) throws {
        try writer.read { db in
            let stmt = try db.makeStatement(sql: """
                SELECT date, service, saran FROM response
                WHERE agency = ? AND +date BETWEEN ? AND ? AND saran IS NOT NULL AND TRIM(saran) <> ''
                ORDER BY date, id
                """)
            try stmt.setArguments([agency, period.start.description, period.end.description])
            let s = stmt.sqliteStatement
            while try db.stepRow(s) {
                try body(Suggestion(date: String(cString: sqlite3_column_text(s, 0)), service: String(cString: sqlite3_column_text(s, 1)),
                                    text: String(cString: sqlite3_column_text(s, 2))))
            }
        }
    }

    public func suggestionCount(agency: String, period: Period) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM response
                WHERE agency = ? AND +date BETWEEN ? AND ? AND saran IS NOT NULL AND TRIM(saran) <> ''
                """, arguments: [agency, period.start.description, period.end.description]) ?? 0
        }
    }

    /// Streams the rejects filed under this agency (nil: every reject), newest batch first.
    /// Agencies are walls: a report never lists another agency's rejects, nor lines that could
    /// not be tied to any agency (those stay in the store and in the import's own output).
    public func forEachReject(agency: String?, _ body: (RejectRecord) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT file, line, column_name, value, reason, agency, position, kind FROM reject
                WHERE ? IS NULL OR agency = ? ORDER BY batch DESC, line
                """, arguments: [agency, agency])
            while let r = try rows.next() {
                try body(RejectRecord(file: r["file"], line: r["line"], column: r["column_name"], value: r["value"],
                                      reason: r["reason"], agency: r["agency"],
                                      position: r["position"], kind: RejectRecord.Kind(rawValue: r["kind"]) ?? .reject))
            }
        }
    }

    public func rejectCount(agency: String?) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reject WHERE ? IS NULL OR agency = ?",
                             arguments: [agency, agency]) ?? 0
        }
    }

    /// First and last local day with data, for "all periods" runs.
    public func dataSpan(agency: String) throws -> (LocalDate, LocalDate)? {
        try writer.read { db in
            // One MIN or MAX per subquery, each over the agency's rows (there is no date index,
            // for import speed); the server keeps the answer (FiguresCache.dataSpan).
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT MIN(received_date) FROM service_transaction WHERE agency = ?1),
                       (SELECT MIN(date) FROM response WHERE agency = ?1),
                       (SELECT MAX(received_date) FROM service_transaction WHERE agency = ?1),
                       (SELECT MAX(date) FROM response WHERE agency = ?1)
                """, arguments: [agency])
            let days = (0..<4).map { (row?[$0] as String?).flatMap { LocalDate(iso: $0) } }
            guard let lo = [days[0], days[1]].compactMap({ $0 }).min(),
                  let hi = [days[2], days[3]].compactMap({ $0 }).max() else { return nil }
            return (lo, hi)
        }
    }
}

public struct ProfileCounts: Sendable {
    public var gender: [(String, Int)]
    public var age: [(String, Int)]
    public var education: [(String, Int)]
    public var occupation: [(String, Int)]

    public init(gender: [(String, Int)], age: [(String, Int)], education: [(String, Int)], occupation: [(String, Int)]) {
        self.gender = gender
        self.age = age
        self.education = education
        self.occupation = occupation
    }

    /// With respondents counted per age in years, banded (`RespondentProfile.ageBand`) and in
    /// band order: how both stores read the age column.
    public init(gender: [(String, Int)], ages: [(Int?, Int)], education: [(String, Int)], occupation: [(String, Int)]) {
        var bands: [String: Int] = [:]
        for (age, n) in ages { bands[RespondentProfile.ageBand(age), default: 0] += n }
        self.init(gender: gender, age: RespondentProfile.ageBandOrder.compactMap { b in bands[b].map { (b, $0) } },
                  education: education, occupation: occupation)
    }
}

public struct Suggestion: Sendable, Equatable, Codable {
    public var date: String
    public var service: String
    public var text: String

    public init(date: String, service: String, text: String) {
        self.date = date
        self.service = service
        self.text = text
    }
}
