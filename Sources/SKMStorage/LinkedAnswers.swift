import GRDB
import SKMDomain

/// One response linked to a register transaction (`transaction_id`), with its answer to one
/// unsur: what the citizen said about the time, to set against what the register shows.
public struct LinkedAnswer: Hashable, Sendable {
    public var service: String
    public var transactionId: String
    /// 1–4; nil when the unsur was not answered.
    public var answer: Int?

    public init(service: String, transactionId: String, answer: Int?) {
        self.service = service
        self.transactionId = transactionId
        self.answer = answer
    }
}

extension Store {
    /// The period's responses of `method` that name a transaction, with their answer to unsur
    /// index `unsur` (0-based), in stored order. Plain SQL on `response`: implementable on
    /// PostgreSQL as it stands.
    public func linkedAnswers(agency: String, period: Period, method: IKMMethod, unsur: Int) throws -> [LinkedAnswer] {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT service, transaction_id, answers FROM response
                WHERE agency = ? AND date BETWEEN ? AND ? AND method = ?
                  AND transaction_id IS NOT NULL AND TRIM(transaction_id) <> ''
                ORDER BY id
                """, arguments: [agency, period.start.description, period.end.description, method.id])
            var out: [LinkedAnswer] = []
            while let row = try rows.next() {
                out.append(LinkedAnswer(service: row["service"], transactionId: row["transaction_id"],
                                        answer: AnswerText.answer(row["answers"] ?? "", at: unsur)))
            }
            return out
        }
    }
}
