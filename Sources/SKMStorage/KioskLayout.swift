import GRDB

extension Store {
    /// Sets the questionnaire layout (`QuestionnaireLayout.id`) the survey form of an agency
    /// with an open kiosk asks in; false when its kiosk is closed.
    @discardableResult
    public func setKioskLayout(agency: String, layout: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "UPDATE kiosk_agency SET layout = ? WHERE agency = ?", arguments: [layout, agency])
            return db.changesCount > 0
        }
    }

    /// The layout id of an agency's open kiosk; nil when the kiosk is closed.
    public func kioskLayout(agency: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT layout FROM kiosk_agency WHERE agency = ?", arguments: [agency]) }
    }
}
