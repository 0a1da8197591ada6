import Foundation
import HTTPTypes
import SKMDomain
import SKMReports
import SKMServer
import SKMStorage
import Testing

/// Agencies are walls: an officer of lebong (A) aiming at karangasem (B) — on every route, and
/// through uploads whose rows name B — leaves B's rows in every table and B's report
/// byte-identical.
@Suite struct AgencyWallTests {
    static let csv: HTTPFields = [.contentType: "text/csv"]

    @Test func anotherAgencysOfficerChangesAndSeesNothingOfIt() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-wall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("skm.sqlite").path
        let w = try World(complianceAsOf: { store in { StoreCompliance.source(store: store, asOf: $0) } },
                          holidays: [Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru", kind: .national, source: "x")],
                          path: path)
        // B's own data: a response, a transaction and an upload with a reject, named register.csv.
        try await w.test { c in
            #expect(try await c.send(.post, "/v1/agencies/karangasem/responses", token: w.otherOfficer,
                                     json: responseJSON(id: "b-1")).status == 201)
            #expect(try await c.send(.post, "/v1/agencies/karangasem/transactions", token: w.otherOfficer,
                                     json: transactionJSON(id: "B-1", received: "2024-02-05T09:00:00+08:00")).status == 201)
            let up = try await c.send(.post, "/v1/agencies/karangasem/transactions/csv?filename=register.csv", token: w.otherOfficer,
                                      raw: "id,service,received_at\nB-2,kb,2024-02-06T09:00:00+08:00\nB-3,kb,not a date\n", headers: Self.csv)
            #expect(up.status == 201, "\(up.text)")
        }
        let before = try Self.snapshot(w, path: path)
        #expect(before.rows.contains("'B-3'") || before.rows.contains("not a date"), "B's reject is in the dump")

        let agencyRoutes = RouteAccessTests.operations.filter { $0.path.hasPrefix("/v1/agencies/{agency}") }
        #expect(agencyRoutes.count == 11)
        try await w.test { c in
            // Every agency route, aimed at B with A's officer token: 403, whatever the body.
            for (method, template) in agencyRoutes {
                let (uri, json, raw) = RouteAccessTests.request(method, template)
                let aimed = uri.replacingOccurrences(of: "/lebong", with: "/karangasem")
                let r = try await c.send(method, aimed, token: w.officer, json: json, raw: raw, headers: raw == nil ? [:] : Self.csv)
                #expect(r.status == 403, "\(method) \(aimed): \(r.text)")
            }
            // Uploads by A, under B's file name, whose rows name B (and a header name at the
            // length limit; one character more refuses the file): the rows are A's rejects;
            // B's register.csv rejects stay.
            func header(_ n: Int) -> String { "id,service,received_at,agency(" + String(repeating: "A", count: n) + ")" }
            let over = try await c.send(.post, "/v1/agencies/lebong/transactions/csv?filename=register.csv", token: w.officer,
                                        raw: header(InputLimits.headerCharacters - 7) + "\nx1,kb,2024-02-05T09:00:00+08:00,karangasem\n",
                                        headers: Self.csv)
            #expect(over.status == 422, "\(over.text)")
            #expect(over.json["detail"] as? String
                == "Line 1, column 4: the column name has 1001 characters, more than the limit of 1000; nothing was stored.")
            let header = header(InputLimits.headerCharacters - 8)
            let t = try await c.send(.post, "/v1/agencies/lebong/transactions/csv?filename=register.csv", token: w.officer,
                                     raw: header + "\nx1,kb,2024-02-05T09:00:00+08:00,karangasem\nx2,kb,2024-02-05T09:00:00+07:00,lebong\n",
                                     headers: Self.csv)
            #expect(t.status == 201, "\(t.text)")
            #expect((t.json["counts"] as? [String: Any])?["rejected"] as? Int == 1)
            let r = try await c.send(.post, "/v1/agencies/lebong/responses/csv?filename=register.csv", token: w.officer,
                                     raw: "id,agency,tanggal,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\nc1,karangasem,10/02/2024,kb,4,4,4,4,4,4,4,4,4\n",
                                     headers: Self.csv)
            #expect(r.status == 200, "\(r.text)")
            #expect((r.json["counts"] as? [String: Any])?["rejected"] as? Int == 1)
            // …and again with replace, which may only supersede A's own rejects of that name.
            let again = try await c.send(.post, "/v1/agencies/lebong/transactions/csv?filename=register.csv&replace=true", token: w.officer,
                                         raw: "id,service,received_at\nx3,kb,2024-02-05T09:00:00+07:00\n", headers: Self.csv)
            #expect(again.status == 201, "\(again.text)")
        }
        let after = try Self.snapshot(w, path: path)
        #expect(after.rows == before.rows)
        #expect(after.report == before.report)
        // The rejected rows that named B are A's to see and fix.
        let aRejects = try w.store.rejects(agency: "lebong")
        #expect(aRejects.contains { $0.value == "karangasem" && $0.agency == "lebong" && $0.file == "register.csv" })
    }

    /// B's rows of every table that has an agency (the agency row itself by its code, and the
    /// import batches B's rows point to), read with the sqlite3 shell so the test does not
    /// reach into the store's connection; and B's JSON report as a download writes it.
    static func snapshot(_ w: World, path: String) throws -> (rows: String, report: Data) {
        let b = "'karangasem'"
        let sql = """
            SELECT * FROM agency WHERE code = \(b);
            SELECT * FROM service WHERE agency = \(b) ORDER BY code;
            SELECT * FROM service_transaction WHERE agency = \(b) ORDER BY id;
            SELECT * FROM response WHERE agency = \(b) ORDER BY id;
            SELECT * FROM reject WHERE agency = \(b) OR agency IS NULL ORDER BY batch, line;
            SELECT * FROM api_token WHERE agency = \(b) ORDER BY id;
            SELECT * FROM kiosk_agency WHERE agency = \(b);
            SELECT * FROM import_batch WHERE id IN (SELECT batch FROM service_transaction WHERE agency = \(b)
              UNION SELECT batch FROM response WHERE agency = \(b) UNION SELECT batch FROM reject WHERE agency = \(b)) ORDER BY id;
            SELECT * FROM holiday ORDER BY date;
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-readonly", "-cmd", ".mode quote", path, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let rows = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)

        let q = try FigureQuery(parameters: ["period": "2024", "as_of": "2024-12-31"])
        let (report, details) = try w.services.figures.reportForDownload(agency: "karangasem", q)
        let file = try ReportFiles.write(report, details: details, format: .json)
        defer { try? FileManager.default.removeItem(at: file.directory) }
        return (rows, try Data(contentsOf: file.url))
    }
}
