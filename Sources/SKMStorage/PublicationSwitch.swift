import GRDB

extension Store {
    /// Turns the public results page (`/p/{agency}`) on or off. Off by default: an office
    /// decides when its figures are ready to be seen, as it does for the kiosk.
    public func setPublication(agency: String, on: Bool, now: Int64) throws {
        try writer.write { db in
            if on {
                try db.requireAgency(agency)
                try db.execute(sql: "INSERT OR IGNORE INTO published_agency (agency, published_at) VALUES (?, ?)", arguments: [agency, now])
            } else {
                try db.execute(sql: "DELETE FROM published_agency WHERE agency = ?", arguments: [agency])
            }
        }
    }

    /// Agencies whose public results page is on.
    public func publishedAgencies() throws -> Set<String> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT agency FROM published_agency")) }
    }
}
