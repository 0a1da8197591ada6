import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SKMCatalog
import SKMDomain
import SKMReports
import SKMServer
import SKMStorage

/// The seed catalog's Bengkulu Selatan with a small, known set of answers: 2 in 2024-S1, 10 in
/// 2024-S2, and 38 in 2025-S1, where the violence-complaint service (`pengaduan-kekerasan`) has 3.
struct PublicWorld {
    static let agency = "bengkulu-selatan"
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")
    /// Respondents per service in 2025-S1; the violence-complaint service has fewer than 5, so
    /// it and the next smallest (`distribusi-alokon`, whose count the total would reveal) are hidden.
    static let counts2025S1 = ["informasi": 12, "pengaduan-kekerasan": 3, "pusyangatra-puspaga": 8, "distribusi-alokon": 6, "pencegahan-stunting": 9]
    static let saran = "Petugas Budi di loket dua kasar"

    let store: Store
    let services: APIServices

    init() throws {
        store = try Store()
        let catalog = try CatalogLoader.load(seeds: Self.seeds)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        _ = try store.importBatch(kind: .responses, file: "test") { w in
            var k = 0
            func add(_ service: String, _ date: LocalDate, _ answers: [Int], saran: String? = nil, gender: String) throws {
                k += 1
                _ = try w.insert(SurveyResponse(id: "r\(k)", agency: Self.agency, service: service, date: date, answers: answers,
                                                profile: .init(gender: gender, age: 30 + k % 30, education: "SMA", occupation: "Wiraswasta"),
                                                saran: saran, transactionId: "KEK-\(k)"))
            }
            let march = LocalDate(year: 2025, month: 3, day: 10)!
            for (service, n) in Self.counts2025S1.sorted(by: { $0.key < $1.key }) {
                for i in 0..<n {
                    try add(service, march, (1...9).map { u in 2 + (i + u) % 3 }, saran: service == "pengaduan-kekerasan" ? Self.saran : nil,
                            gender: i % 3 == 0 ? "L" : "P")
                }
            }
            let october = LocalDate(year: 2024, month: 10, day: 7)!
            for i in 0..<10 { try add("informasi", october, Array(repeating: 3 + i % 2, count: 9), gender: "P") }
            // 2024-S1: two respondents for the whole office, too few to publish anything of.
            for _ in 0..<2 { try add("informasi", LocalDate(year: 2024, month: 2, day: 5)!, Array(repeating: 4, count: 9), gender: "L") }
        }
        _ = try store.importBatch(kind: .transactions, file: "test") { w in
            // Informasi ("1 (satu) hari": by the end of the day of receipt): two files finished the
            // same day, one a month later.
            let day = LocalDate(year: 2025, month: 3, day: 3)!
            let start = IndonesianTimeZone.wib.instant(day, minuteOfDay: 9 * 60)
            for (i, hours) in [2, 5, 24 * 30].enumerated() {
                _ = try w.insert(Transaction(id: "T\(i)", agency: Self.agency, service: "informasi", receivedAt: start,
                                             finishedAt: start + Int64(hours) * 3600), receivedDate: day)
            }
        }
        services = APIServices(store: store)
    }

    var app: some ApplicationProtocol {
        Application(router: APIServer.router(services: services), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        try await app.test(.router) { client in try await body(Client(inner: client)) }
    }

    /// The JSON report for publication of `period`, as `skm report --publish --format json` writes it.
    func jsonReport(_ period: String) throws -> [String: Any] {
        var o = ReportOptions()
        o.forPublication = true
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-pub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let urls = try ReportPipeline(store: store, options: o)
            .write(agencies: [try store.agency(Self.agency)], periods: [Period(parsing: period)!], formats: [.json], language: .id, to: dir)
        return try JSONSerialization.jsonObject(with: Data(contentsOf: urls[0])) as! [String: Any]
    }
}

/// The text of the element with `id` (its content up to the next tag).
func element(_ id: String, in page: String) -> String? {
    guard let r = page.range(of: "id=\"\(id)\">") else { return nil }
    return String(page[r.upperBound...].prefix { $0 != "<" })
}

/// The `<li>` of one service on the results page.
func serviceItem(_ code: String, in page: String) -> String? {
    guard let start = page.range(of: "<li data-service=\"\(code)\">"), let end = page[start.upperBound...].range(of: "</li>") else { return nil }
    return String(page[start.lowerBound..<end.upperBound])
}
