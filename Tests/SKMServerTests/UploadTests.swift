import Foundation
import HTTPTypes
import SKMDomain
import SKMServer
import SKMStorage
import Testing

/// CSV uploads go through the same importer as `skm import`, scoped to the route's agency.
@Suite struct UploadTests {
    static let csvHeaders: HTTPFields = [.contentType: "text/csv"]

    @Test func responsesCSVLoadsGoodRowsAndListsRejects() async throws {
        let w = try World()
        let csv = """
            id;tanggal;layanan;u1;u2;u3;u4;u5;u6;u7;u8;u9;nama
            c1;10/02/2024;kb;4;4;4;4;4;4;4;4;4;Siti
            c2;11/02/2024;kb;3;3;3;3;3;3;3;3;3;Budi
            c3;12/02/2024;paspor;3;3;3;3;3;3;3;3;3;Ani

            """
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/responses/csv?filename=survei%20feb.csv", token: w.officer,
                                     raw: csv, headers: Self.csvHeaders)
            #expect(r.status == 201, "\(r.text)")
            let counts = try #require(r.json["counts"] as? [String: Any])
            #expect(counts["inserted"] as? Int == 2)
            #expect(counts["rejected"] as? Int == 1)
            let reject = try #require((r.json["rejects"] as? [[String: Any]])?.first)
            #expect(reject["line"] as? Int == 4)
            #expect(r.json["file"] as? String == "surveifeb.csv")
            #expect(r.json["dropped_columns"] as? [String] == ["nama"])
            #expect(reject["file"] as? String == "surveifeb.csv")

            let again = try await c.send(.post, "/v1/agencies/lebong/responses/csv?filename=surveifeb.csv", token: w.officer,
                                         raw: csv, headers: Self.csvHeaders)
            #expect(again.status == 200)
            #expect((again.json["counts"] as? [String: Any])?["unchanged"] as? Int == 2)
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]?.respondents == 2)
        #expect(try w.store.rejects(agency: "lebong").map(\.file) == ["surveifeb.csv"])
    }

    @Test func rowsOfAnotherAgencyAreRejectedNotStored() async throws {
        let w = try World()
        let csv = "id,agency,service,received_at\nT-1,karangasem,kb,2024-02-05T09:00:00+08:00\nT-2,lebong,kb,2024-02-05T09:00:00+07:00\n"
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/transactions/csv", token: w.officer, raw: csv, headers: Self.csvHeaders)
            #expect(r.status == 201, "\(r.text)")
            #expect((r.json["counts"] as? [String: Any])?["inserted"] as? Int == 1)
            #expect((r.json["counts"] as? [String: Any])?["rejected"] as? Int == 1)
        }
        #expect(try w.store.transactionCounts(agency: "karangasem", period: .year(2024)).isEmpty)
        #expect(try w.store.transactionCounts(agency: "lebong", period: .year(2024)) == ["kb": 1])
    }

    @Test func uploadsNeedAnOfficerTheRightTypeAndAServiceColumn() async throws {
        let w = try World()
        try await w.test { c in
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses/csv", token: w.reader, raw: "id\n", headers: Self.csvHeaders).status == 403)
            let json = try await c.send(.post, "/v1/agencies/lebong/responses/csv", token: w.officer, json: ["id": 1])
            #expect(json.status == 415)
            let noService = try await c.send(.post, "/v1/agencies/lebong/responses/csv", token: w.officer,
                                             raw: "id,tanggal,u1\nc1,10/02/2024,4\n", headers: Self.csvHeaders)
            #expect(noService.status == 400)
            #expect(noService.field == "service")
            let strict = try await c.send(.post, "/v1/agencies/lebong/responses/csv?service=kb&strict=true", token: w.officer,
                                          raw: "id,tanggal,u1,u2,u3,u4,u5,u6,u7,u8,u9\nc1,99/02/2024,4,4,4,4,4,4,4,4,4\n",
                                          headers: Self.csvHeaders)
            #expect(strict.status == 422)
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024)).isEmpty)
    }
}

/// Upload errors name the column and never a server path or process id; spools go away.
@Suite struct UploadErrorTests {
    /// One row over `InputLimits.uploadRows` refuses the whole upload with 413, naming the
    /// line; nothing is stored. (The limit itself is accepted: `InputLimitsTests`.)
    @Test func anUploadOneRowOverTheCapIs413AndStoresNothing() async throws {
        let w = try World()
        var csv = "id,service,received_at\n"
        csv.reserveCapacity(InputLimits.uploadRows * 12)
        for i in 0...InputLimits.uploadRows { csv += "t\(i),kb,x\n" }
        let body = csv
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/transactions/csv", token: w.officer, raw: body,
                                     headers: UploadTests.csvHeaders)
            #expect(r.status == 413, "\(r.text)")
            #expect(r.json["detail"] as? String
                == "Line 250002: more than 250000 rows, the limit of one upload; split the file; nothing was stored.")
        }
        #expect(try w.store.importBatches().isEmpty)
        #expect(try w.store.rejectCount(agency: nil) == 0)
    }

    @Test func missingColumnIs422NamingItWithoutServerPaths() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/transactions/csv", token: w.officer,
                                     raw: "id,service\nx,kb\n", headers: UploadTests.csvHeaders)
            #expect(r.status == 422, "\(r.text)")
            #expect((r.json["detail"] as? String)?.contains("'received_at'") == true, "\(r.text)")
            let bad = try await c.send(.post, "/v1/agencies/lebong/responses/csv?service=kb&strict=true", token: w.officer,
                                       raw: "id,tanggal,u1,u2,u3,u4,u5,u6,u7,u8,u9\nc1,99/02/2024,4,4,4,4,4,4,4,4,4\n",
                                       headers: UploadTests.csvHeaders)
            #expect(bad.status == 422)
            for body in [r.text, bad.text] {
                #expect(!body.contains(FileManager.default.temporaryDirectory.path), "\(body)")
                #expect(!body.contains("skm-serve-uploads-"), "\(body)")  // the old pid-named spool
                #expect(!body.contains(CSVUploadService.root.path))
            }
        }
        // Every spool directory is gone, failures included (other suites' uploads may be in
        // flight, so only this suite's failures are known to have finished: none may remain
        // once no upload runs; the root itself is private).
        if let attrs = try? FileManager.default.attributesOfItem(atPath: CSVUploadService.root.path) {
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
    }
}
