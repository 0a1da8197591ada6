import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SKMDomain
import SKMPostgres
import SKMStorage
import Testing

/// Two `skm serve` processes on one PostgreSQL database, as behind a load balancer: every
/// response posted to either is stored exactly once — none lost, none doubled — even when the
/// same questionnaire reaches both (a retry through the other server).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["SKM_TEST_POSTGRES"] != nil,
                             "SKM_TEST_POSTGRES is unset: PostgreSQL variant skipped (run under scripts/postgres)"))
struct TwoServersTests {
    @Test func twoServersOnOneDatabaseStoreEverySubmissionOnce() async throws {
        let admin = try PostgresAddress(ProcessInfo.processInfo.environment["SKM_TEST_POSTGRES"]!)
        let name = "skm_t_two_" + UUID().uuidString.prefix(8).lowercased()
        let address = try PostgresAdmin.createDatabase(name, beside: admin)
        defer { try? PostgresAdmin.dropDatabase(name, beside: admin) }
        let store = try PostgresStore(address: address.url)
        try store.saveCatalog(agencies: [World.lebong], holidays: [])
        let token = try store.createToken(agency: "lebong", role: .officer).secret

        let a = try await LiveServer(store: address.url)
        let b = try await LiveServer(store: address.url)
        let n = 120
        // Each questionnaire goes to one server, and again to the other: 240 posts, 8 at a time.
        let inserted = try await withThrowingTaskGroup(of: Int.self) { group in
            var total = 0, running = 0
            for i in 0..<(2 * n) {
                let server = (i % 2 == 0) ? a.base : b.base
                let body = responseJSON(id: "two-\(i / 2)", value: 1 + (i / 2) % 4)
                group.addTask {
                    let (status, receipt, _) = try await LiveServerTests.http("POST", server.appendingPathComponent("v1/agencies/lebong/responses"),
                                                                              token: token, json: body)
                    #expect(status == 201 || status == 200, "status \(status): \(receipt)")
                    return receipt["inserted"] as? Int ?? 0
                }
                running += 1
                if running == 8 { total += try await group.next() ?? 0; running -= 1 }
            }
            for try await x in group { total += x }
            return total
        }
        #expect(inserted == n)
        let tally = try #require(try store.responseTallies(agency: "lebong", period: Period(parsing: "2024-S1")!)["kb"])
        #expect(tally.respondents == n)
        #expect(tally.counts[0] == [30, 30, 30, 30])
        // Both servers read the same figures.
        for server in [a, b] {
            let (status, ikm, _) = try await LiveServerTests.http("GET", URL(string: "\(server.base.absoluteString)/v1/agencies/lebong/ikm?period=2024-S1")!, token: token)
            #expect(status == 200)
            #expect((ikm["overall"] as? [String: Any])?["respondents"] as? Int == n)
        }
        await a.terminate()
        await b.terminate()
        #expect(a.process.terminationStatus == 0 && b.process.terminationStatus == 0)
    }
}
