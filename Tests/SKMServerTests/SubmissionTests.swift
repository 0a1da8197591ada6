import Foundation
import SKMDomain
@testable import SKMServer
import SKMStorage
import Testing

/// Posting responses and transactions: validation names the field, batches are all or nothing.
@Suite struct SubmissionTests {
    @Test func oneResponseIsStoredAndARetryIsUnchanged() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "r1"))
            #expect(r.status == 201)
            #expect(r.json["inserted"] as? Int == 1)
            #expect((r.json["rows"] as? [[String: Any]])?.first?["outcome"] as? String == "inserted")
            let again = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "r1"))
            #expect(again.status == 200)
            #expect(again.json["unchanged"] as? Int == 1)
            let changed = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "r1", value: 3))
            #expect(changed.status == 409)
            #expect(changed.field == "id")
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]?.counts[0] == [0, 0, 0, 1])
    }

    @Test func badAnswerIs422NamingTheAnswer() async throws {
        let w = try World()
        try await w.test { c in
            var body = responseJSON(id: "r1")
            body["answers"] = [4, 4, 4, 5, 4, 4, 4, 4, 4]
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: body)
            #expect(r.status == 422)
            #expect(r.type == "/problems/invalid-field")
            #expect(r.field == "answers[3]")
            #expect(r.json["detail"] as? String == "Answer 5 is outside 1–4 (use null for an unanswered question).")
            #expect(r.json["title"] as? String == "Invalid field")
            #expect(r.json["status"] as? Int == 422)
        }
    }

    @Test func fieldErrorsAreNamed() async throws {
        let w = try World()
        nonisolated(unsafe) let cases: [(String, Any, String)] = [
            ("answers", [4, 4, 4], "answers"),
            ("answers", [4, 4, 4, "x", 4, 4, 4, 4, 4], "answers[3]"),
            ("answers", Array(repeating: NSNull(), count: 9), "answers"),
            ("date", "10/02/2024", "date"),
            ("date", "2024-02-30", "date"),
            ("date", "2999-01-01", "date"),
            ("service", "paspor", "service"),
            ("method", "iso-9001", "method"),
            ("profile", ["gender": "X"], "profile.gender"),
            ("profile", ["age": 7], "profile.age"),
            ("id", "has space", "id"),
        ]
        try await w.test { c in
            for (key, value, field) in cases {
                var body = responseJSON(id: "r1")
                body[key] = value
                let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: body)
                #expect(r.status == 422, "\(key)=\(value)")
                #expect(r.field == field, "\(key)=\(value)")
            }
            var missing = responseJSON(id: "r1")
            missing["service"] = nil
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: missing)
            #expect(r.status == 422)
            #expect(r.field == "service")
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024)).isEmpty)
    }

    @Test func notJSONIs400AndWrongMediaTypeIs415() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, raw: "{\"id\": ")
            #expect(r.status == 400)
            #expect(r.type == "/problems/malformed-request")
            #expect(r.json.keys.contains("field"))
            let x = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, raw: "<xml/>",
                                     headers: [.contentType: "application/xml"])
            #expect(x.status == 415)
        }
    }

    @Test func oversizedBodyIs413() async throws {
        let w = try World()
        try await w.test { c in
            let big = "{\"saran\": \"" + String(repeating: "a", count: BodyLimit.json) + "\"}"
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, raw: big)
            #expect(r.status == 413)
            #expect(r.type == "/problems/body-too-large")
        }
    }

    @Test func layoutReordersQuestionsIntoUnsur() async throws {
        let w = try World()
        try await w.test { c in
            var body = responseJSON(id: "r1")
            // The sample form asks Sarana (U9) as question 8 and Pengaduan (U8) as question 9.
            body["answers"] = [4, 4, 4, 4, 4, 4, 4, 1, 2]
            body["layout"] = "sample-form"
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: body)
            #expect(r.status == 201)
        }
        let t = try #require(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"])
        #expect(t.counts[7] == [0, 1, 0, 0])  // U8 Pengaduan got the 2
        #expect(t.counts[8] == [1, 0, 0, 0])  // U9 Sarana got the 1
    }

    @Test func batchWithOneBadRowStoresNothing() async throws {
        let w = try World()
        try await w.test { c in
            var bad = responseJSON(id: "b3")
            bad["date"] = "2024-13-01"
            let r = try await c.send(.post, "/v1/agencies/lebong/responses/batch", token: w.officer,
                                     json: ["responses": [responseJSON(id: "b1"), responseJSON(id: "b2"), bad]])
            #expect(r.status == 422)
            #expect(r.field == "responses[2].date")
            let dup = try await c.send(.post, "/v1/agencies/lebong/responses/batch", token: w.officer,
                                       json: ["responses": [responseJSON(id: "b1"), responseJSON(id: "b1")]])
            #expect(dup.field == "responses[1].id")
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024)).isEmpty)
    }

    @Test func batchWithAConflictRollsBackTheRowsBeforeIt() async throws {
        let w = try World()
        try await w.test { c in
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "old")).status == 201)
            let r = try await c.send(.post, "/v1/agencies/lebong/responses/batch", token: w.officer,
                                     json: ["responses": [responseJSON(id: "new1"), responseJSON(id: "old", value: 1)]])
            #expect(r.status == 409)
            #expect(r.field == "responses[1].id")
            let ok = try await c.send(.post, "/v1/agencies/lebong/responses/batch", token: w.officer,
                                      json: ["responses": [responseJSON(id: "new1"), responseJSON(id: "new2", value: 3)]])
            #expect(ok.status == 201)
            #expect(ok.json["inserted"] as? Int == 2)
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]?.respondents == 3)
    }

    @Test func transactionsPostAndFinish() async throws {
        let w = try World()
        try await w.test { c in
            let t = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer, json: transactionJSON(id: "T-1"))
            #expect(t.status == 201)
            let backwards = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer,
                                             json: transactionJSON(id: "T-2", finished: "2024-02-05T08:59:59+07:00"))
            #expect(backwards.status == 422)
            #expect(backwards.field == "finished_at")
            let noOffset = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer,
                                            json: transactionJSON(id: "T-3", received: "2024-02-05T09:00:00"))
            #expect(noOffset.field == "received_at")
            let batch = try await c.send(.post, "/v1/agencies/lebong/transactions/batch", token: w.officer,
                                         json: ["transactions": [transactionJSON(id: "T-4"), transactionJSON(id: "T-5", received: "bad")]])
            #expect(batch.field == "transactions[1].received_at")
            let future = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer,
                                          json: transactionJSON(id: "T-6", received: "2999-01-01T09:00:00+07:00"))
            #expect(future.field == "received_at")

            let early = try await c.send(.patch, "/v1/agencies/lebong/transactions/T-1", token: w.officer,
                                         json: ["finished_at": "2024-02-05T01:00:00Z"])  // 08:00 WIB, before receipt
            #expect(early.status == 422)
            let done = try await c.send(.patch, "/v1/agencies/lebong/transactions/T-1", token: w.officer,
                                        json: ["finished_at": "2024-02-06T03:30:00Z"])
            #expect(done.status == 200)
            #expect(done.json["updated"] as? Int == 1)
            let same = try await c.send(.patch, "/v1/agencies/lebong/transactions/T-1", token: w.officer,
                                        json: ["finished_at": "2024-02-06T10:30:00+07:00"])
            #expect(same.json["unchanged"] as? Int == 1)
            let moved = try await c.send(.patch, "/v1/agencies/lebong/transactions/T-1", token: w.officer,
                                         json: ["finished_at": "2024-02-07T10:30:00+07:00"])
            #expect(moved.status == 409)
            #expect(try await c.send(.patch, "/v1/agencies/lebong/transactions/T-404", token: w.officer,
                                     json: ["finished_at": "2024-02-07T10:30:00+07:00"]).status == 404)
        }
        let stored = try #require(try w.store.transaction(agency: "lebong", id: "T-1"))
        #expect(stored.receivedAt == 1_707_098_400)  // 2024-02-05 02:00 UTC
        #expect(stored.finishedAt == 1_707_190_200)  // 2024-02-06 03:30 UTC
        #expect(try w.store.transaction(agency: "lebong", id: "T-4") == nil)
        #expect(try w.store.transactionCounts(agency: "lebong", period: .year(2024)) == ["kb": 1])
    }

    @Test func instantsParseWithOffsets() {
        #expect(Validator.isoInstant("2024-02-05T09:00:00+07:00") == 1_707_098_400)
        #expect(Validator.isoInstant("2024-02-05T02:00:00Z") == 1_707_098_400)
        #expect(Validator.isoInstant("2024-02-05T10:00+0800") == 1_707_098_400)
        #expect(Validator.isoInstant("2024-02-05 02:00:00.250Z") == 1_707_098_400)
        #expect(Validator.isoInstant("2024-02-05T09:00:00") == nil)
        #expect(Validator.isoInstant("2024-02-05T24:00:00Z") == nil)
        #expect(Validator.isoInstant("2024-02-05T09:00:00+07:00x") == nil)
    }
}
