import Foundation
import GRDB
import SKMDomain

extension Store {
    /// Replaces the catalog (agencies, their standards, national holidays and closures) in
    /// one transaction. Transactions and responses are kept: they refer to codes, not rows.
    public func saveCatalog(agencies: [Agency], holidays: [Holiday], closures: [String: [Holiday]] = [:]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try writer.write { db in
            try db.execute(sql: "DELETE FROM service; DELETE FROM holiday; DELETE FROM agency")
            for a in agencies {
                let json = String(decoding: try encoder.encode(a), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO agency (code, name, region, time_zone, decree_number, decree_date, definition)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [a.code, a.name, a.region, a.timeZone.rawValue, a.decree.number, a.decree.date.description, json])
                for s in a.services {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO service (agency, code, valid_from, name, promise_text) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [a.code, s.code, s.validFrom.description, s.name, s.promise.text])
                }
            }
            for h in holidays { try insert(h, agency: "", db) }
            for (agency, list) in closures { for h in list { try insert(h, agency: agency, db) } }
            try Self.bumpCatalogVersion(db)
            try db.recordChanges(.catalog, [(nil, ChangedDays.firstDay, ChangedDays.lastDay)])
        }
    }

    /// Every change to the catalog moves its version on, so a process holding decoded agencies
    /// (DecodedAgencies) reads them again.
    static func bumpCatalogVersion(_ db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        try db.execute(sql: "PRAGMA user_version = \(version + 1)")
    }

    private func insert(_ h: Holiday, agency: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO holiday (date, kind, name, source, agency) VALUES (?, ?, ?, ?, ?)",
                       arguments: [h.date.description, h.kind.rawValue, h.name, h.source, agency])
    }

    public func agencies() throws -> [Agency] {
        try writer.read { db in
            let version = try Int64.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if let kept = decodedAgencies.agencies(atVersion: version) { return kept }
            // A cursor, not fetchAll: rows are read in place instead of copied with their texts.
            var out: [Agency] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT code, definition FROM agency ORDER BY code")
            while let row = try rows.next() {
                out.append(try DecodedAgencies.decode(code: row["code"], definition: row["definition"]))
            }
            decodedAgencies.keep(out, version: version)
            return out
        }
    }

    /// National holidays (agency nil) or national + that agency's closures.
    public func holidays(for agency: String? = nil) throws -> [Holiday] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT date, kind, name, source FROM holiday WHERE agency = '' OR agency = ? ORDER BY date",
                             arguments: [agency ?? ""]).compactMap { row in
                guard let d = LocalDate(iso: row["date"] as String), let k = Holiday.Kind(rawValue: row["kind"]) else { return nil }
                return Holiday(date: d, name: row["name"], kind: k, source: row["source"])
            }
        }
    }
}
