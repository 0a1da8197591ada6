import Foundation
import SKMDomain
import SKMStorage

extension PostgresStore {
    /// As SQLite's (CatalogStore.swift): the catalog replaced in one transaction, each agency
    /// kept whole as JSON beside the columns that SQL reads.
    public func saveCatalog(agencies: [Agency], holidays: [Holiday], closures: [String: [Holiday]]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write { s in
            try s.execute("DELETE FROM service")
            try s.execute("DELETE FROM holiday")
            try s.execute("DELETE FROM agency")
            for a in agencies {
                let json = String(decoding: try encoder.encode(a), as: UTF8.self)
                try s.execute("""
                    INSERT INTO agency (code, name, region, time_zone, decree_number, decree_date, definition)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, [a.code, a.name, a.region, a.timeZone.rawValue, a.decree.number, a.decree.date.description, json].map(Bind.text))
                for sv in a.services {
                    try s.execute("""
                        INSERT INTO service (agency, code, valid_from, name, promise_text) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (agency, code, valid_from) DO UPDATE SET name = EXCLUDED.name, promise_text = EXCLUDED.promise_text
                        """, [a.code, sv.code, sv.validFrom.description, sv.name, sv.promise.text].map(Bind.text))
                }
            }
            for h in holidays { try insert(h, agency: "", s) }
            for (agency, list) in closures { for h in list { try insert(h, agency: agency, s) } }
            try s.recordChanges(.catalog, [(nil, ChangedDays.firstDay, ChangedDays.lastDay)])
        }
    }

    private func insert(_ h: Holiday, agency: String, _ s: PostgresSession) throws {
        try s.execute("""
            INSERT INTO holiday (date, kind, name, source, agency) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (date, kind, agency) DO UPDATE SET name = EXCLUDED.name, source = EXCLUDED.source
            """, [h.date.description, h.kind.rawValue, h.name, h.source, agency].map(Bind.text))
    }

    public func agencies() throws -> [Agency] {
        let decoder = JSONDecoder()
        return try read { s in
            try s.rows("SELECT code, definition FROM agency ORDER BY code").map { row in
                let code = try row.string(0)
                do {
                    return try decoder.decode(Agency.self, from: Data(try row.string(1).utf8))
                } catch {
                    throw StoreError.corrupt(table: "agency", key: code, reason: "definition does not decode: \(error)")
                }
            }
        }
    }

    public func holidays(for agency: String?) throws -> [Holiday] {
        try read { s in
            try s.rows("SELECT date, kind, name, source FROM holiday WHERE agency = '' OR agency = $1 ORDER BY date, kind, agency",
                       [Bind.text(agency ?? "")]).compactMap { row in
                guard let d = LocalDate(iso: try row.string(0)), let k = Holiday.Kind(rawValue: try row.string(1)) else { return nil }
                return Holiday(date: d, name: try row.string(2), kind: k, source: try row.string(3))
            }
        }
    }
}
