import Foundation
import HTTPTypes
import SKMDomain
import SKMReports
import SKMServer
import SKMStorage
import Testing

/// Every operation of the OpenAPI document, called by every kind of caller, answers the status
/// of a table: authorization is the route groups' job, so a route cannot forget it.
@Suite struct RouteAccessTests {
    enum Caller: String, CaseIterable { case none, reader, otherOfficer, kiosk }

    /// (none, reader of lebong, officer of karangasem, open kiosk of lebong) per operation.
    /// An operation added to the document without a row here fails `tableCoversTheDocument`.
    static let expected: [String: [Caller: Int]] = {
        func row(_ none: Int, _ reader: Int, _ other: Int, _ kiosk: Int) -> [Caller: Int] {
            [.none: none, .reader: reader, .otherOfficer: other, .kiosk: kiosk]
        }
        let write = row(401, 403, 403, 401), read = row(401, 200, 403, 401)
        return [
            "GET /health": row(200, 200, 200, 200),
            "GET /ready": row(200, 200, 200, 200),
            "GET /openapi.yaml": row(200, 200, 200, 200),
            "GET /v1/catalog": row(401, 200, 200, 401),
            "GET /v1/agencies/{agency}": row(401, 200, 403, 200),
            "POST /v1/agencies/{agency}/responses": row(401, 403, 403, 201),
            "POST /v1/agencies/{agency}/responses/batch": write,
            "POST /v1/agencies/{agency}/responses/csv": write,
            "POST /v1/agencies/{agency}/transactions": write,
            "POST /v1/agencies/{agency}/transactions/batch": write,
            "POST /v1/agencies/{agency}/transactions/csv": write,
            "PATCH /v1/agencies/{agency}/transactions/{id}": write,
            "GET /v1/agencies/{agency}/ikm": read,
            "GET /v1/agencies/{agency}/compliance": read,
            "GET /v1/agencies/{agency}/report": read,
        ]
    }()

    static var operations: [(method: HTTPRequest.Method, path: String)] {
        OpenAPITests.documentedOperations(OpenAPIDocument.yaml).sorted().map { op in
            let parts = op.split(separator: " ", maxSplits: 1)
            return (HTTPRequest.Method(String(parts[0]))!, String(parts[1]))
        }
    }

    @Test func tableCoversTheDocument() {
        #expect(Set(Self.expected.keys) == Set(Self.operations.map { "\($0.method) \($0.path)" }))
    }

    @Test(arguments: Caller.allCases)
    func everyOperationAnswersItsStatus(caller: Caller) async throws {
        let newYear = Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru", kind: .national, source: "SKB 2023")
        let w = try World(compliance: { StoreCompliance.source(store: $0, asOf: 1_710_000_000) }, holidays: [newYear])
        if caller == .kiosk { try w.store.setKiosk(agency: "lebong", open: true) }
        var token: String?
        if caller == .reader { token = w.reader }
        if caller == .otherOfficer { token = w.otherOfficer }
        let sent = token
        try await w.test { c in
            for (method, path) in Self.operations {
                let (uri, json, raw) = Self.request(method, path)
                let reply = try await c.send(method, uri, token: sent, json: json, raw: raw,
                                             headers: raw == nil ? HTTPFields() : [.contentType: "text/csv"])
                let key = "\(method) \(path)"
                #expect(reply.status == Self.expected[key]?[caller], "\(caller) \(key): \(reply.text)")
            }
        }
    }

    /// A concrete, valid request for an operation, so that a caller let through gets a success.
    static func request(_ method: HTTPRequest.Method, _ path: String) -> (uri: String, json: Any?, raw: String?) {
        var uri = path.replacingOccurrences(of: "{agency}", with: "lebong").replacingOccurrences(of: "{id}", with: "T-1")
        if method == .get, path.hasPrefix("/v1/agencies/{agency}/") { uri += "?period=2024-S1" }
        switch (method, path.split(separator: "/").last.map(String.init) ?? "") {
        case (.post, "responses"): return (uri, responseJSON(id: "r-1"), nil)
        case (.post, "batch") where path.contains("responses"): return (uri, ["responses": [responseJSON(id: "r-2")]], nil)
        case (.post, "batch"): return (uri, ["transactions": [transactionJSON(id: "T-2")]], nil)
        case (.post, "transactions"): return (uri, transactionJSON(id: "T-1"), nil)
        case (.post, "csv") where path.contains("responses"):
            return (uri, nil, "id,tanggal,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\nc1,10/02/2024,kb,4,4,4,4,4,4,4,4,4\n")
        case (.post, "csv"): return (uri, nil, "id,service,received_at\nT-3,kb,2024-02-05T09:00:00+07:00\n")
        case (.patch, _): return (uri, ["finished_at": "2024-02-06T10:00:00+07:00"], nil)
        default: return (uri, nil, nil)
        }
    }
}
