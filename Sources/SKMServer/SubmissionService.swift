import Foundation
import SKMDomain
import SKMStorage

/// Writes what the API receives: survey responses and transactions, one or a batch, each call
/// one import batch (one SQLite transaction), so a batch is stored whole or not at all.
///
/// Plain synchronous code over the store; the HTTP handlers are thin wrappers, and tests can
/// call it directly.
public struct SubmissionService: Sendable {
    public let store: any SurveyStore

    public init(store: any SurveyStore) { self.store = store }

    /// What one stored row became.
    public struct Stored: Codable, Sendable, Equatable {
        public var id: String
        /// `inserted`, `unchanged` (the same id and content was already stored) or `updated`.
        public var outcome: String
    }

    /// The result of a call: every row's outcome, in input order, and the totals.
    public struct Receipt: Codable, Sendable, Equatable {
        public var batch: Int64
        public var inserted: Int
        public var unchanged: Int
        public var updated: Int
        public var rows: [Stored]
    }

    public func agency(_ code: String) throws -> Agency { try store.agencyOrNotFound(code) }

    /// Stores responses. `batched` names fields `responses[i].…` in problems.
    func submitResponses(agency code: String, _ inputs: [ResponseInput], batched: Bool, source: String) throws -> Receipt {
        let agency = try agency(code)
        let v = Validator(agency: agency)
        let responses = try inputs.enumerated().map { i, r in try v.response(r, prefix: batched ? "responses[\(i)]." : "") }
        try rejectDuplicates(responses.map(\.id), list: batched ? "responses" : nil)
        return try write(kind: .responses, source: source, ids: responses.map(\.id), list: batched ? "responses" : nil) { w in
            try responses.map { try w.insert($0) }
        }
    }

    /// Stores transactions; a transaction already stored with different content is a conflict
    /// (use `finish` to close an open one).
    func submitTransactions(agency code: String, _ inputs: [TransactionInput], batched: Bool, source: String) throws -> Receipt {
        let agency = try agency(code)
        let v = Validator(agency: agency)
        let txs = try inputs.enumerated().map { i, t in try v.transaction(t, prefix: batched ? "transactions[\(i)]." : "") }
        try rejectDuplicates(txs.map(\.id), list: batched ? "transactions" : nil)
        return try write(kind: .transactions, source: source, ids: txs.map(\.id), list: batched ? "transactions" : nil) { w in
            try txs.map { try w.insert($0, receivedDate: agency.timeZone.local($0.receivedAt).date) }
        }
    }

    /// Records that an open transaction was finished. Setting the same time again is a no-op;
    /// changing an already recorded finish is a conflict, since a register's history must not
    /// be rewritten through a kiosk-facing API.
    func finish(agency code: String, id: String, _ input: FinishInput, source: String) throws -> Receipt {
        let agency = try agency(code)
        guard var t = try store.transaction(agency: code, id: id) else {
            throw Problem(.notFound, detail: "No transaction '\(id)' for agency '\(code)'.", field: "id")
        }
        let finished = try Validator(agency: agency).instant(input.finishedAt, field: "finished_at")
        guard finished >= t.receivedAt else {
            throw Problem(.invalidField, detail: "finished_at \(input.finishedAt) is before the transaction was received.", field: "finished_at")
        }
        if let done = t.finishedAt, done != finished {
            throw Problem(.conflict, detail: "Transaction '\(id)' is already finished at another time.", field: "finished_at")
        }
        t.finishedAt = finished
        return try write(kind: .transactions, source: source, ids: [id], list: nil) { w in
            [try w.insert(t, receivedDate: agency.timeZone.local(t.receivedAt).date, replace: true)]
        }
    }

    private func rejectDuplicates(_ ids: [String], list: String?) throws {
        var seen: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let first = seen[id] {
                throw Problem(.invalidField, detail: "Id '\(id)' appears twice in the batch (items \(first) and \(i)).",
                              field: list.map { "\($0)[\(i)].id" } ?? "id")
            }
            seen[id] = i
        }
    }

    private struct Rollback: Error { let problem: Problem }

    /// One import batch; any conflict throws inside it so SQLite rolls the whole batch back.
    private func write(kind: ImportWriter.Kind, source: String, ids: [String], list: String?,
                       _ body: (any ImportBatchWriter) throws -> [RowOutcome]) throws -> Receipt {
        do {
            let (outcomes, counts, batch) = try store.importBatch(kind: kind, file: source) { w -> [RowOutcome] in
                let outcomes = try body(w)
                if let i = outcomes.firstIndex(of: .conflict) {
                    throw Rollback(problem: Problem(
                        .conflict, detail: "Id '\(ids[i])' is already stored with different content; nothing from this request was stored.",
                        field: list.map { "\($0)[\(i)].id" } ?? "id"))
                }
                return outcomes
            }
            let rows = zip(ids, outcomes).map { Stored(id: $0, outcome: "\($1)") }
            return Receipt(batch: batch, inserted: counts.inserted, unchanged: counts.unchanged, updated: counts.updated, rows: rows)
        } catch let r as Rollback {
            throw r.problem
        }
    }
}
