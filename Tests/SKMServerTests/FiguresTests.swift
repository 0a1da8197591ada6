import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SKMDomain
import SKMReports
import SKMReports
import SKMServer
import SKMStorage
import Testing

/// Reading figures, the catalog, reports, health, and the plumbing every response shares.
@Suite struct FiguresTests {
    /// Two respondents on `kb`: all 4s and all 3s. Every NRR is 3.5, IKM 3.5, ×25 = 87.50, mutu B.
    private func seeded() async throws -> World {
        // 2024's calendar is loaded: the report judges a register row of March 2024.
        let newYear = Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru", kind: .national, source: "SKB 2023")
        let w = try World(holidays: [newYear])
        _ = try w.services.submissions.store.importBatch(kind: .responses, file: "seed") { wr in
            for (id, v) in [("a", 4), ("b", 3)] {
                _ = try wr.insert(SurveyResponse(id: id, agency: "lebong", service: "kb", date: LocalDate(year: 2024, month: 3, day: 1)!,
                                                 answers: Array(repeating: v, count: 9), saran: v == 3 ? "Antrian terlalu lama" : nil))
            }
        }
        return w
    }

    @Test func ikmForAPeriodByService() async throws {
        let w = try await seeded()
        try await w.test { c in
            let r = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S1", token: w.reader)
            #expect(r.status == 200)
            let overall = try #require(r.json["overall"] as? [String: Any])
            #expect(abs((overall["ikm"] as? Double ?? 0) - 3.5) < 1e-12)
            #expect(overall["ikm_converted_rounded"] as? Double == 87.5)
            #expect(overall["mutu"] as? String == "B")
            #expect(overall["respondents"] as? Int == 2)
            let services = try #require(r.json["services"] as? [[String: Any]])
            #expect(services.map { $0["code"] as? String } == ["kb", "konseling"])
            #expect((r.json["period"] as? [String: Any])?["id"] as? String == "2024-S1")

            let one = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-01-01..2024-03-31&service=kb&weights=0.11", token: w.reader)
            #expect(one.status == 200)
            #expect(one.json["overall"] == nil)
            let kb = try #require((one.json["services"] as? [[String: Any]])?.first?["figures"] as? [String: Any])
            #expect(abs((kb["ikm_converted"] as? Double ?? 0) - 86.625) < 1e-9)  // 3.5 × 0.11 × 9 × 25
            #expect((one.json["method"] as? [String: Any])?["weight_convention"] as? String == "0.11")

            let sample = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S1&service=kb&population=100", token: w.reader)
            let kbSample = (sample.json["services"] as? [[String: Any]])?.first?["figures"] as? [String: Any]
            #expect((kbSample?["sample"] as? [String: Any])?["population"] as? Int == 100)
            #expect((kbSample?["sample"] as? [String: Any])?["required"] as? Int == 80)  // Krejcie–Morgan: 100 → 80

            // Nothing in the second semester.
            let empty = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S2", token: w.reader)
            #expect((empty.json["overall"] as? [String: Any])?["respondents"] as? Int == 0)
        }
    }

    @Test func badQueryParametersAre400NamingThem() async throws {
        let w = try World()
        try await w.test { c in
            for (query, field) in [("", "period"), ("period=2024-S3", "period"), ("period=2024&method=x", "method"),
                                   ("period=2024&weights=0.1", "weights"), ("period=2024&population=-3", "population")] {
                let r = try await c.send(.get, "/v1/agencies/lebong/ikm?\(query)", token: w.reader)
                #expect(r.status == 400, "\(query)")
                #expect(r.field == field, "\(query)")
                #expect(r.type == "/problems/invalid-parameter")
            }
            // What the query's shape cannot show: a service the agency does not have is not found,
            // a range of days that do not exist (or backwards) is unprocessable.
            let paspor = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024&service=paspor", token: w.reader)
            #expect(paspor.status == 404)
            #expect(paspor.field == "service")
            for range in ["2024-02-30..2024-03-31", "2024-03-31..2024-01-01"] {
                let r = try await c.send(.get, "/v1/agencies/lebong/ikm?period=\(range)", token: w.reader)
                #expect(r.status == 422, "\(range)")
                #expect(r.field == "period")
            }
            let unknown = try await c.send(.get, "/v1/agencies/atlantis/ikm?period=2024", token: nil)
            #expect(unknown.status == 401)
        }
    }

    @Test func complianceComesFromTheGivenSource() async throws {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        let figures = try d.decode(TimelinessFigures.self, from: Data("""
            {"count": 4, "finished": 3, "on_time": 2, "late": 1, "open": 1, "open_overdue": 0, "no_promise": 0,
             "on_time_rate": 0.6666666666666666, "capaian_mean": 1.1, "median_elapsed_hours": 20, "p90_elapsed_hours": 50, "latest_cases": []}
            """.utf8))
        let w = try World(compliance: { _ in { agency, period in
            #expect(agency.code == "lebong")
            #expect(period == .quarter(2024, 1))
            return (["kb": figures], figures)
        } })
        try await w.test { c in
            let r = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1", token: w.reader)
            #expect(r.status == 200)
            #expect((r.json["overall"] as? [String: Any])?["on_time"] as? Int == 2)
            let services = try #require(r.json["services"] as? [[String: Any]])
            #expect((services[0]["compliance"] as? [String: Any])?["late"] as? Int == 1)
            #expect(services[1]["compliance"] == nil)  // konseling: no figures given
            let kb = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1&service=kb", token: w.reader)
            #expect((kb.json["services"] as? [Any])?.count == 1)
        }
    }

    @Test func complianceFromTheStoreNeedsTheYearsCalendar() async throws {
        let newYear = Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru", kind: .national, source: "SKB 2023")
        let w = try World(compliance: { StoreCompliance.source(store: $0, asOf: 1_710_000_000) }, holidays: [newYear])
        try await w.test { c in
            // Received Monday 5 Feb 2024 09:00 WIB, finished Tuesday: inside 3 hari kerja.
            let t = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer,
                                     json: transactionJSON(id: "T-1", finished: "2024-02-06T10:00:00+07:00"))
            #expect(t.status == 201)
            let r = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1", token: w.reader)
            #expect(r.status == 200)
            let overall = try #require(r.json["overall"] as? [String: Any])
            #expect(overall["count"] as? Int == 1)
            #expect(overall["on_time"] as? Int == 1)
            #expect(abs((overall["median_elapsed_hours"] as? Double ?? 0) - 25) < 1e-9)
        }
        let bare = try World(compliance: { StoreCompliance.source(store: $0, asOf: 1_710_000_000) })
        try await bare.test { c in
            _ = try await c.send(.post, "/v1/agencies/lebong/transactions", token: bare.officer,
                                 json: transactionJSON(id: "T-1", finished: "2024-02-06T10:00:00+07:00"))
            let r = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1", token: bare.reader)
            #expect(r.status == 409)
            #expect(r.field == "period")
        }
    }

    @Test func asOfJudgesOpenTransactionsAtThatDay() async throws {
        let newYear = Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru", kind: .national, source: "SKB 2023")
        let w = try World(compliance: { StoreCompliance.source(store: $0, asOf: 1_710_000_000) },
                          complianceAsOf: { store in { StoreCompliance.source(store: store, asOf: $0) } }, holidays: [newYear])
        try await w.test { c in
            // Received Monday 5 Feb 2024, still open; 3 hari kerja end Wednesday 7 Feb at closing.
            _ = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.officer, json: transactionJSON(id: "T-open"))
            func overall(_ query: String) async throws -> [String: Any] {
                let r = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1\(query)", token: w.reader)
                #expect(r.status == 200, "\(r.text)")
                return r.json["overall"] as? [String: Any] ?? [:]
            }
            #expect(try await overall("&as_of=2024-02-06")["open_overdue"] as? Int == 0)
            #expect(try await overall("&as_of=2024-02-08")["open_overdue"] as? Int == 1)
            #expect(try await overall("&as_of=2024-02-07T08:00:00Z")["open_overdue"] as? Int == 0)  // 15.00 WIB, before closing
            #expect(try await overall("")["open_overdue"] as? Int == 1)  // "now" is 9 March 2024 in this world
            let bad = try await c.send(.get, "/v1/agencies/lebong/compliance?period=2024-Q1&as_of=kemarin", token: w.reader)
            #expect(bad.field == "as_of")
        }
    }

    @Test func reportDownloadsAsANamedJSONFile() async throws {
        let w = try await seeded()
        // A report lists the rejects of imports with rows in its period: this one has a register
        // row of March 2024 beside its rejected line.
        _ = try w.services.submissions.store.importBatch(kind: .transactions, file: "bad.csv") { wr in
            let day = LocalDate(year: 2024, month: 3, day: 1)!
            _ = try wr.insert(Transaction(id: "B1", agency: "lebong", service: "kb", receivedAt: IndonesianTimeZone.wib.instant(day, minuteOfDay: 600),
                                          finishedAt: IndonesianTimeZone.wib.instant(day, minuteOfDay: 660)),
                              receivedDate: day, replace: false)
            try wr.reject(RejectRecord(file: "bad.csv", line: 3, column: "u1", value: "7", reason: "jawaban 7 di luar rentang 1–4", agency: "lebong"))
        }
        try await w.test { c in
            let r = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1", token: w.reader)
            #expect(r.status == 200, "\(r.text)")
            #expect(r.headers[.contentDisposition] == #"attachment; filename="lebong_2024-S1.json""#)
            #expect(r.headers[.contentType] == "application/json")
            let report = try JSONReportWriter.decode(r.body)
            #expect(report.overall.ikmConvertedRounded == 87.5)
            #expect(report.agency.code == "lebong")
            // Streamed from the store into the file, not held in the report: still all there.
            #expect(report.suggestions.map(\.text) == ["Antrian terlalu lama"])
            #expect(report.rejects.map(\.line) == [3])
            let xlsx = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1&format=xlsx&lang=en", token: w.reader)
            #expect(xlsx.status == 200)
            #expect(xlsx.headers[.contentDisposition] == #"attachment; filename="lebong_2024-S1.xlsx""#)
            #expect(xlsx.body.prefix(2) == Data("PK".utf8))  // a zip container
            let lang = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1&format=xlsx&lang=fr", token: w.reader)
            #expect(lang.field == "lang")
            let pdf = try await c.send(.get, "/v1/agencies/lebong/report?period=2024-S1&format=pdf", token: w.reader)
            #expect(pdf.status == 400)
            #expect(pdf.field == "format")
        }
        // The temporary copy is gone once streamed. Other suites download the same report at
        // the same time into the same root, so wait (bounded) for theirs to finish too.
        func mine() -> [String] {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: ReportFiles.root.path)) ?? []
            return left.filter { FileManager.default.fileExists(atPath: ReportFiles.root.appendingPathComponent($0).appendingPathComponent("lebong_2024-S1.json").path) }
        }
        for _ in 0..<50 where !mine().isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        #expect(mine().isEmpty)
    }

    @Test func catalogHealthReadinessAndOpenAPI() async throws {
        let w = try World()
        try await w.test { c in
            let cat = try await c.send(.get, "/v1/catalog", token: w.reader)
            let agency = try #require((cat.json["agencies"] as? [[String: Any]])?.first)
            #expect(agency["code"] as? String == "lebong")
            #expect(agency["time_zone"] as? String == "WIB")
            let services = try #require(agency["services"] as? [[String: Any]])
            #expect(services[0]["promise"] as? String == "3 hari kerja")
            #expect(services[1]["promise"] == nil)
            #expect(services[1]["no_promise_reason"] as? String == "no duration")

            #expect(try await c.send(.get, "/health").json["status"] as? String == "ok")
            let ready = try await c.send(.get, "/ready")
            #expect(ready.status == 200)
            #expect(ready.json["agencies"] as? Int == 2)
            let doc = try await c.send(.get, "/openapi.yaml")
            #expect(doc.headers[.contentType] == "application/yaml; charset=utf-8")
            #expect(doc.text.hasPrefix("openapi: 3."))
        }
        let empty = World.Empty()
        try await empty.test { c in
            let r = try await c.send(.get, "/ready")
            #expect(r.status == 503)
            #expect(r.type == "/problems/unavailable")
            // names a command that exists
            #expect(r.json["detail"] as? String == "The store has no catalog; run skm init.")
        }
    }

    @Test func everyResponseCarriesARequestIDAndUnknownRoutesAreProblems() async throws {
        let w = try World()
        try await w.test { c in
            let mine = try await c.send(.get, "/health", headers: [requestIDHeader: "kiosk-7.abc"])
            #expect(mine.headers[requestIDHeader] == "kiosk-7.abc")
            let injected = try await c.send(.get, "/health", headers: [requestIDHeader: "bad id\nforged"])
            let generated = try #require(injected.headers[requestIDHeader])
            #expect(generated.count == 32 && generated != "bad id\nforged")
            let missing = try await c.send(.get, "/v2/nothing", headers: [requestIDHeader: "req-1"])
            #expect(missing.status == 404)
            #expect(missing.type == "/problems/no-route")
            #expect(missing.json["request_id"] as? String == "req-1")
            #expect(missing.json.keys.contains("field"))
            #expect(missing.headers[requestIDHeader] == "req-1")
            let wrongMethod = try await c.send(.delete, "/v1/agencies/lebong/transactions/T-1")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.type == "/problems/method-not-allowed")
            #expect(wrongMethod.headers[.allow] == "PATCH")
            // A literal segment wins over {id}, as in the router: batch takes POST only.
            let batch = try await c.send(.options, "/v1/agencies/lebong/transactions/batch")
            #expect(batch.status == 405)
            #expect(batch.headers[.allow] == "POST")
        }
    }
}

extension World {
    /// A store with no catalog at all.
    struct Empty {
        func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
            let services = APIServices(store: try Store())
            try await Application(router: APIServer.router(services: services), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).test(.router) { client in
                try await body(Client(inner: client))
            }
        }
    }
}
