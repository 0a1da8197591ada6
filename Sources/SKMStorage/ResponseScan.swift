import GRDB
import GRDBSQLite
import SKMDomain

/// A service and a calendar month: the finest grain reports need. Quarters, semesters and
/// years are merges of months, so every response is read once however many periods are asked.
public struct ServiceMonth: Hashable, Sendable, Comparable {
    public var service: String
    public var year: Int
    public var month: Int

    public init(service: String, year: Int, month: Int) {
        self.service = service
        self.year = year
        self.month = month
    }

    public static func < (a: ServiceMonth, b: ServiceMonth) -> Bool {
        (a.service, a.year, a.month) < (b.service, b.year, b.month)
    }

    public func isIn(_ p: Period) -> Bool {
        let first = LocalDate(year: year, month: month, day: 1)!
        return first >= LocalDate(year: p.start.year, month: p.start.month, day: 1)! && first <= p.end
    }

    /// Month tallies summed per service, merged in a fixed (service, month) order so that
    /// floating-point sums, and so the files, are identical run to run (whatever the store).
    public static func perService(_ months: [ServiceMonth: ResponseTally], unsurCount k: Int) -> [String: ResponseTally] {
        var out: [String: ResponseTally] = [:]
        for (key, t) in months.sorted(by: { $0.key < $1.key }) {
            out[key.service, default: ResponseTally(unsurCount: k)].merge(t)
        }
        return out
    }
}

extension Store {
    /// Tallies an agency's responses dated `from`…`through` per service and month, in one scan.
    ///
    /// Read through the C API and summed in Swift: SQLite evaluating 36 `SUM(a = k)` per row
    /// was slower than stepping the rows (docs/performance.md). A range that
    /// does not start on the 1st or end on the month's last day is still exact: only dates in
    /// the range are read, the month is just the bucket.
    public func monthlyResponseTallies(agency: String, from: LocalDate, through: LocalDate,
                                       method: IKMMethod = .permenPANRB14_2017) throws -> [ServiceMonth: ResponseTally] {
        let k = method.unsur.count
        let sql = "SELECT service, date, answers FROM response "
            + "WHERE agency = ? AND method = ? AND +date BETWEEN ? AND ?"  // sequential, see Reads.swift
        return try writer.read { db in
            let stmt = try db.makeStatement(sql: sql)
            try stmt.setArguments([agency, method.id, from.description, through.description])
            let s = stmt.sqliteStatement
            var out: [ServiceMonth: ResponseTally] = [:]
            var answers = [Int?](repeating: nil, count: k)
            var lastService = "", lastMonth = (0, 0)
            var key = ServiceMonth(service: "", year: 0, month: 0)
            while try db.stepRow(s) {
                let date = sqlite3_column_text(s, 1)!
                let month = Store.yearMonth(ofStoredDate: date)
                let serviceBytes = sqlite3_column_text(s, 0)!
                let service = String(cString: serviceBytes)
                if service != lastService || month != lastMonth {
                    lastService = service
                    lastMonth = month
                    key = ServiceMonth(service: service, year: month.0, month: month.1)
                }
                AnswerText.decode(sqlite3_column_text(s, 2), count: Int(sqlite3_column_bytes(s, 2)), into: &answers)
                out[key, default: ResponseTally(unsurCount: k)].add(answers)
            }
            return out
        }
    }
}

extension Store {
    /// Year and month of a stored `YYYY-MM-DD` date, read straight from its bytes: scans call
    /// this for every row, and parsing a `LocalDate` there cost more than the tally.
    @inline(__always) static func yearMonth(ofStoredDate date: UnsafePointer<UInt8>) -> (year: Int, month: Int) {
        func digit(_ i: Int) -> Int { Int(date[i]) - 48 }
        return (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), digit(5) * 10 + digit(6))
    }
}
