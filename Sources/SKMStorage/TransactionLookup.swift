import GRDB
import SKMDomain

extension Store {
    /// One stored transaction by id, for updates that arrive one at a time (the HTTP API's
    /// "finished" call) rather than as a register file.
    public func transaction(agency: String, id: String) throws -> Transaction? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, service, received_at, finished_at, variant, pauses, channel FROM service_transaction
                WHERE agency = ? AND id = ?
                """, arguments: [agency, id]).map { row in
                Transaction(id: row[0], agency: agency, service: row[1], receivedAt: row[2], finishedAt: row[3],
                            variant: row[4], pauses: Self.decodePauses(row[5]), channel: row[6])
            }
        }
    }

    public func forEachResponse(agency: String, period: Period, _ body: (SurveyResponse) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, service, date, method, answers, gender, age, education, occupation, saran, transaction_id
                FROM response WHERE agency = ? AND date BETWEEN ? AND ? ORDER BY id
                """, arguments: [agency, period.start.description, period.end.description])
            while let r = try rows.next() {
                guard let date = LocalDate(iso: r[2] as String) else { continue }
                try body(SurveyResponse(id: r[0], agency: agency, service: r[1], date: date,
                                        answers: AnswerText.answers(r[4]), method: r[3],
                                        profile: RespondentProfile(gender: r[5], age: r[6], education: r[7], occupation: r[8]),
                                        saran: r[9], transactionId: r[10]))
            }
        }
    }
}
