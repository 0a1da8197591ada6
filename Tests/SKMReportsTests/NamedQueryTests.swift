import Foundation
import Testing
@testable import SKMReports
import SKMDomain

/// The shipped `queries/` run against the fixture store, with figures checked by hand.
@Suite struct NamedQueryTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("queries")

    func run(_ name: String, period: Period = ReportFixture.q1, agency: String? = ReportFixture.agency.code,
             extra: [String: String?] = [:]) throws -> QueryResult {
        let q = try NamedQuery.named(name, in: Self.directory)
        var args = NamedQuery.standardArguments(period: period, agency: agency)
        for (k, v) in extra { args[k] = v }
        return try q.run(store: ReportFixture.store(), arguments: args)
    }

    @Test func everyShippedQueryLoadsAndRuns() throws {
        let all = try NamedQuery.load(directory: Self.directory)
        #expect(all.map(\.name) == ["import_batches", "monthly_volume", "rejects_by_reason",
                                    "services_without_enough_respondents", "slow_or_open_transactions", "unsur_trend"])
        let store = try ReportFixture.store()
        for q in all {
            #expect(!q.description.isEmpty)
            #expect(q.parameters.contains("period_start"))
            for agency in [ReportFixture.agency.code, nil] {
                _ = try q.run(store: store, arguments: NamedQuery.standardArguments(period: .year(2024), agency: agency))
            }
        }
    }

    @Test func monthlyVolume() throws {
        let r = try run("monthly_volume")
        #expect(r.columns == ["agency", "service", "month", "received", "finished", "still_open", "responses"])
        #expect(r.rows == [
            [.text("bengkulu-selatan"), .text("kb"), .text("2024-02"), .integer(4), .integer(4), .integer(0), .integer(3)],
            [.text("bengkulu-selatan"), .text("pengaduan"), .text("2024-02"), .integer(2), .integer(2), .integer(0), .integer(2)],
        ])
    }

    @Test func servicesWithoutEnoughRespondentsAgreesWithKrejcieMorgan() throws {
        // kb: 4 transactions need 4 respondents and have 3; pengaduan: 2 need 2 and have 2.
        #expect(KrejcieMorgan.minimumSample(population: 4) == 4)
        #expect(KrejcieMorgan.minimumSample(population: 2) == 2)
        let r = try run("services_without_enough_respondents")
        #expect(r.column("service") == [.text("kb")])
        #expect(r.column("required") == [.integer(4)])
        #expect(r.column("shortfall") == [.integer(1)])
        // The SQL formula reproduces the published table.
        let q = try NamedQuery.named("services_without_enough_respondents", in: Self.directory)
        #expect(q.sql.contains("3.841 * population * 0.25"))
    }

    @Test func unsurTrendMatchesTheReport() throws {
        let r = try run("unsur_trend")
        #expect(r.rows.count == 1)
        #expect(r.column("month") == [.text("2024-02")])
        #expect(r.column("u3_waktu") == [.real(3.2)])
        let report = try ReportFixture.report()
        guard case let .real(ikm)? = r.column("ikm_converted").first else { Issue.record("no IKM"); return }
        #expect(abs(ikm - report.overall.ikmConverted!) < 1e-9)
    }

    @Test func slowOrOpenUsesDaysParameterWithDefault() throws {
        #expect(try run("slow_or_open_transactions").rows.isEmpty)
        let r = try run("slow_or_open_transactions", extra: ["days": "0"])
        #expect(r.rows.count == 6)
        #expect(Set(r.column("days_elapsed")) == [.integer(1)])
        #expect(Set(r.column("finished_date")) == [.text("2024-02-06")])
    }

    @Test func rejectsByReasonGroupsTheImport() throws {
        let r = try run("rejects_by_reason", period: Period(parsing: "2000-01-01..2999-12-31")!)
        #expect(r.column("rows_rejected") == [.integer(1), .integer(1)])
        #expect(Set(r.column("column_name")) == [.text("U3"), .text("tanggal")])
    }

    @Test func headerIsParsedAndMissingArgumentsAreNamed() throws {
        let q = try NamedQuery(text: """
            -- name: x
            -- description: one
            -- description: two
            -- params: :period_start, :limit
            -- default: limit = 3
            SELECT :period_start AS s, :limit AS n, :missing AS m
            """, file: "x.sql")
        #expect(q.description == "one two")
        #expect(q.parameters == ["period_start", "limit"])
        #expect(q.defaults == ["limit": "3"])
        #expect(throws: NamedQueryError.self) { try q.run(store: ReportFixture.store(), arguments: ["period_start": "2024-01-01"]) }
        let r = try q.run(store: ReportFixture.store(), arguments: ["period_start": "2024-01-01", "missing": nil])
        #expect(r.rows == [[.text("2024-01-01"), .integer(3), .null]])
        #expect(throws: NamedQueryError.self) { try NamedQuery(text: "SELECT 1", file: "y.sql") }
    }

    @Test func queriesCannotWrite() throws {
        let store = try ReportFixture.store()
        let q = try NamedQuery(text: "-- name: bad\n-- description: tries to write\nDELETE FROM response", file: "bad.sql")
        #expect(throws: NamedQueryError.self) { try q.run(store: store, arguments: [:]) }
        #expect(try store.responseTallies(agency: ReportFixture.agency.code, period: ReportFixture.q1).count == 2)
    }

    @Test func outputFormats() throws {
        let r = QueryResult(columns: ["name", "n", "x"], rows: [[.text("a,\"b\""), .integer(2), .real(0.5)], [.text("c"), .null, .real(1.0 / 3.0)]])
        #expect(r.csv() == "name,n,x\r\n\"a,\"\"b\"\"\",2,0.5\r\nc,,0.3333333333333333\r\n")
        #expect(try r.json() == "[\n  {\"name\": \"a,\\\"b\\\"\", \"n\": 2, \"x\": 0.5},\n  {\"name\": \"c\", \"n\": null, \"x\": 0.3333333333333333}\n]\n")
        #expect(r.table() == """
            name   n       x
            -----  -  ------
            a,"b"  2     0.5
            c         0.3333
            (2 rows)

            """)
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("q.xlsx")
        try r.writeXLSX(to: url, sheetName: "monthly_volume")
        let x = try XLSXReader(url: url)
        #expect(x.sheetNames == ["monthly_volume"])
        #expect(x["monthly_volume"]?["A2"] == .text("a,\"b\""))
        #expect(x["monthly_volume"]?["B2"] == .number(2))
        #expect(x["monthly_volume"]?["B3"] == nil)
    }
}
