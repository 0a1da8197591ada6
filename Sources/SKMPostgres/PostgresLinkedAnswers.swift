import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

extension PostgresStore {
    /// As SQLite's (LinkedAnswers.swift): the period's responses naming a transaction, with
    /// their answer to unsur index `unsur`, in stored order.
    public func linkedAnswers(agency: String, period: Period, method: IKMMethod, unsur: Int) throws -> [LinkedAnswer] {
        try read { s in
            try s.rows("""
                SELECT service, transaction_id, answers FROM response
                WHERE agency = $1 AND date BETWEEN $2 AND $3 AND method = $4
                  AND transaction_id IS NOT NULL AND TRIM(transaction_id) <> ''
                ORDER BY id
                """, Self.periodBinds(agency, period) + [Bind.text(method.id)]).map { r in
                let bytes = Array(try r.string(2).utf8)
                let d = unsur < bytes.count ? Int(bytes[unsur]) - 48 : 0
                return LinkedAnswer(service: try r.string(0), transactionId: try r.string(1),
                                    answer: (1...4).contains(d) ? d : nil)
            }
        }
    }
}
