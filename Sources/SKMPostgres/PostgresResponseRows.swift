import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// Responses read row by row, as SQLite's (TransactionLookup.swift, LinkedAnswers.swift):
/// whole, for `skm store copy`, and as the U3 answers of those naming a transaction.
extension PostgresStore {
    public func forEachResponse(agency: String, period: Period, _ body: (SurveyResponse) throws -> Void) throws {
        let rows = try read { s in
            try s.rows("""
                SELECT id, service, date, method, answers, gender, age, education, occupation, saran, transaction_id
                FROM response WHERE agency = $1 AND date BETWEEN $2 AND $3 ORDER BY id
                """, Self.periodBinds(agency, period))
        }
        for r in rows {
            guard let date = LocalDate(iso: try r.string(2)) else { continue }
            try body(SurveyResponse(id: try r.string(0), agency: agency, service: try r.string(1), date: date,
                                    answers: AnswerText.answers(try r.string(4)), method: try r.string(3),
                                    profile: RespondentProfile(gender: try r.text(5), age: try r.int(6).map { Int($0) },
                                                               education: try r.text(7), occupation: try r.text(8)),
                                    saran: try r.text(9), transactionId: try r.text(10)))
        }
    }

    /// The period's responses naming a transaction, with their answer to unsur index `unsur`,
    /// in stored order.
    public func linkedAnswers(agency: String, period: Period, method: IKMMethod, unsur: Int) throws -> [LinkedAnswer] {
        try read { s in
            try s.rows("""
                SELECT service, transaction_id, answers FROM response
                WHERE agency = $1 AND date BETWEEN $2 AND $3 AND method = $4
                  AND transaction_id IS NOT NULL AND TRIM(transaction_id) <> ''
                ORDER BY id
                """, Self.periodBinds(agency, period) + [Bind.text(method.id)]).map { r in
                LinkedAnswer(service: try r.string(0), transactionId: try r.string(1),
                             answer: AnswerText.answer(try r.string(2), at: unsur))
            }
        }
    }
}
