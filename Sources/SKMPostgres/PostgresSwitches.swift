import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// The publication switch and stated populations, as SQLite's (PublicationSwitch.swift,
/// Populations.swift): shared tables, so every server process sees a switch at once.
extension PostgresStore {
    public func setPublication(agency: String, on: Bool, now: Int64) throws {
        try write { s in
            if on {
                try s.requireAgency(agency)
                try s.execute("INSERT INTO published_agency (agency, published_at) VALUES ($1, $2) ON CONFLICT (agency) DO NOTHING",
                              [Bind.text(agency), Bind.int(now)])
            } else {
                try s.execute("DELETE FROM published_agency WHERE agency = $1", [Bind.text(agency)])
            }
        }
    }

    public func publishedAgencies() throws -> Set<String> {
        try read { s in Set(try s.rows("SELECT agency FROM published_agency").map { try $0.string(0) }) }
    }

    public func setPopulation(agency: String, service: String, period: Period, count: Int) throws {
        try write { s in
            if count > 0 {
                try s.execute("""
                    INSERT INTO population (agency, service, period, count) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (agency, service, period) DO UPDATE SET count = excluded.count
                    """, [Bind.text(agency), Bind.text(service), Bind.text(period.description), Bind.int(count)])
            } else {
                try s.execute("DELETE FROM population WHERE agency = $1 AND service = $2 AND period = $3",
                              [Bind.text(agency), Bind.text(service), Bind.text(period.description)])
            }
            try s.recordChanges(.population, [(agency, period.start.description, period.end.description)])
        }
    }

    public func populations(agency: String, period: Period) throws -> [String: Int] {
        try read { s in
            var out: [String: Int] = [:]
            for r in try s.rows("SELECT service, count FROM population WHERE agency = $1 AND period = $2",
                                [Bind.text(agency), Bind.text(period.description)]) {
                out[try r.string(0)] = Int(try r.integer(1))
            }
            return out
        }
    }

    public func statedPopulations(agency: String) throws -> [StatedPopulation] {
        try read { s in
            try s.rows("SELECT service, period, count FROM population WHERE agency = $1 ORDER BY period, service",
                       [Bind.text(agency)]).map {
                StatedPopulation(service: try $0.string(0), period: try $0.string(1), count: Int(try $0.integer(2)))
            }
        }
    }
}
