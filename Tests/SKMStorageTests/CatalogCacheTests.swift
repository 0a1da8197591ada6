import Foundation
import Testing
@testable import SKMStorage
import SKMDomain

/// The store keeps decoded agencies between calls; a catalog saved since — by this store or by
/// another process on the same file — must be what the next call returns.
@Suite struct CatalogCacheTests {
    func agency(promise days: Int) -> Agency {
        Agency(code: "lebong", name: "DPPKB Kabupaten Lebong", region: "Bengkulu", timeZone: .wib,
               decree: Decree(number: "800/01/2023", date: LocalDate(year: 2023, month: 1, day: 2)!, title: "Standar Pelayanan"),
               services: [ServiceStandard(code: "kb", name: "Pelayanan KB", validFrom: LocalDate(year: 2023, month: 1, day: 2)!, components: [],
                                          promise: .single("\(days) hari kerja", PromisedDuration(amount: days, unit: .workingDays)))])
    }

    @Test func aCatalogSavedByAnotherConnectionIsReadAnew() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let server = try Store(path: path)
        try server.saveCatalog(agencies: [agency(promise: 3)], holidays: [])
        #expect(try server.agencies().first?.services.first?.promise.text == "3 hari kerja")
        #expect(try server.agencies().first?.services.first?.promise.text == "3 hari kerja")  // from the cache
        // `skm catalog` in another process: another Store on the same file.
        try Store(path: path).saveCatalog(agencies: [agency(promise: 5)], holidays: [])
        #expect(try server.agencies().first?.services.first?.promise.text == "5 hari kerja")
        try Store(path: path).saveCatalog(agencies: [], holidays: [])
        #expect(try server.agencies().isEmpty)
    }
}
