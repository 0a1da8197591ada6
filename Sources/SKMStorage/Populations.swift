import GRDB
import SKMDomain

/// Survey populations set by hand (`skm population set`, or `population` in a catalog file):
/// an office that keeps no transaction register still has a sample check. Keyed by the
/// period as written (`2025-S1`), so a figure applies to exactly that period.
extension Store {
    public func setPopulation(agency: String, service: String, period: Period, count: Int) throws {
        try writer.write { db in
            if count > 0 {
                try db.execute(sql: """
                    INSERT INTO population (agency, service, period, count) VALUES (?, ?, ?, ?)
                    ON CONFLICT (agency, service, period) DO UPDATE SET count = excluded.count
                    """, arguments: [agency, service, period.description, count])
            } else {
                try db.execute(sql: "DELETE FROM population WHERE agency = ? AND service = ? AND period = ?",
                               arguments: [agency, service, period.description])
            }
            try db.recordChanges(.population, [(agency, period.start.description, period.end.description)])
        }
    }

    public func populations(agency: String, period: Period) throws -> [String: Int] {
        try writer.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT service, count FROM population WHERE agency = ? AND period = ?",
                                        arguments: [agency, period.description]) {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    public func statedPopulations(agency: String) throws -> [StatedPopulation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT service, period, count FROM population WHERE agency = ? ORDER BY period, service",
                             arguments: [agency]).map { StatedPopulation(service: $0[0], period: $0[1], count: $0[2]) }
        }
    }
}

/// One population an office stated: a service, the period as written ("2025-S1"), a count.
public struct StatedPopulation: Hashable, Sendable {
    public var service: String
    public var period: String
    public var count: Int

    public init(service: String, period: String, count: Int) {
        self.service = service
        self.period = period
        self.count = count
    }
}
