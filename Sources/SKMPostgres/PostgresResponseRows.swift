import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// Whole stored responses and stated populations, as SQLite's (TransactionLookup.swift,
/// Populations.swift), for `skm store copy`.
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
                                    answers: Store.decodeAnswers(try r.string(4)), method: try r.string(3),
                                    profile: RespondentProfile(gender: try r.text(5), age: try r.int(6).map { Int($0) },
                                                               education: try r.text(7), occupation: try r.text(8)),
                                    saran: try r.text(9), transactionId: try r.text(10)))
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
