import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SKMDomain
import SKMReports
import SKMServer
import SKMStorage
import Testing

/// A small world for route tests: two agencies in one in-memory store, an officer and a reader
/// token for the first, an officer token for the second, and the router built over them.
struct World {
    let store: Store
    let officer: String
    let reader: String
    let otherOfficer: String
    var services: APIServices

    static let lebong = Agency(
        code: "lebong", name: "DPPKB Kabupaten Lebong", region: "Bengkulu", timeZone: .wib,
        decree: Decree(number: "800/01/2023", date: LocalDate(year: 2023, month: 1, day: 2)!, title: "Standar Pelayanan"),
        services: [
            ServiceStandard(code: "kb", name: "Pelayanan KB", validFrom: LocalDate(year: 2023, month: 1, day: 2)!, components: [],
                            promise: .single("3 (tiga) hari kerja", PromisedDuration(amount: 3, unit: .workingDays))),
            ServiceStandard(code: "konseling", name: "Konseling", validFrom: LocalDate(year: 2023, month: 1, day: 2)!, components: [],
                            promise: .none("Pelayanan di lakukan secara Masal", reason: "no duration")),
        ])

    static let karangasem = Agency(
        code: "karangasem", name: "DP3AP2KB Karangasem", region: "Bali", timeZone: .wita,
        decree: Decree(number: "12/2024", date: LocalDate(year: 2024, month: 1, day: 5)!, title: "Standar Pelayanan"),
        services: [ServiceStandard(code: "kb", name: "Pelayanan KB", validFrom: LocalDate(year: 2024, month: 1, day: 5)!, components: [],
                                   promise: .single("1 hari", PromisedDuration(amount: 1, unit: .calendarDays)))])

    /// `holidays`: national holidays to load (a year with none is "not loaded" for working days).
    /// `compliance`: nil, or a source made from the store (e.g. the real `StoreCompliance`).
    init(compliance: ((Store) -> ComplianceSource)? = nil, complianceAsOf: ((Store) -> @Sendable (Int64) -> ComplianceSource)? = nil,
         kiosk: KioskRateLimiter.Policy = .init(burst: 2, perSecond: 0),
         holidays: [Holiday] = [], path: String? = nil) throws {
        store = try path.map { try Store(path: $0) } ?? Store()
        try store.saveCatalog(agencies: [Self.lebong, Self.karangasem], holidays: holidays)
        officer = try store.createToken(agency: "lebong", role: .officer).secret
        reader = try store.createToken(agency: "lebong", role: .reader).secret
        otherOfficer = try store.createToken(agency: "karangasem", role: .officer).secret
        services = APIServices(store: store, compliance: compliance?(store), complianceAsOf: complianceAsOf?(store),
                               limiter: KioskRateLimiter(policy: kiosk, now: { 1000 }))
    }

    var app: some ApplicationProtocol {
        Application(router: APIServer.router(services: services), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Runs `body` against the router in process (no sockets).
    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        try await app.test(.router) { client in try await body(Client(inner: client)) }
    }
}

/// A thin wrapper that sends JSON and reads JSON back.
struct Client: Sendable {
    let inner: any TestClientProtocol

    struct Reply: @unchecked Sendable {
        let status: Int
        let headers: HTTPFields
        let body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The `field` of a problem body.
        var field: String? { json["field"] as? String }
        var type: String? { json["type"] as? String }
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
        } else if let raw {
            body = ByteBuffer(string: raw)
        }
        return try await inner.execute(uri: uri, method: method, headers: headers, body: body) { r in
            Reply(status: Int(r.status.code), headers: r.headers, body: Data(r.body.readableBytesView))
        }
    }
}

/// A valid response body: nine answers, all `value`.
func responseJSON(id: String, service: String = "kb", date: String = "2024-02-10", value: Int = 4) -> [String: Any] {
    ["id": id, "service": service, "date": date, "answers": Array(repeating: value, count: 9)]
}

func transactionJSON(id: String, received: String = "2024-02-05T09:00:00+07:00", finished: String? = nil) -> [String: Any] {
    var t: [String: Any] = ["id": id, "service": "kb", "received_at": received]
    if let finished { t["finished_at"] = finished }
    return t
}

let requestIDHeader = HTTPField.Name("X-Request-Id")!
