import Foundation
import Testing
import SKMDomain
import SKMStorage
@testable import SKMReports

/// An office without a transaction register: the sample check says "populasi tidak
/// diketahui" rather than "n/0, adequate", until a population is set for the period.
extension XLSXReportWriterTests {
    static let s1 = Period.semester(2024, 1)

    func storeWithoutRegister() throws -> Store {
        let store = try Store()
        try store.saveCatalog(agencies: [ReportFixture.agency], holidays: [])
        _ = try store.importBatch(kind: .responses, file: "respon.csv") { w in
            for i in 0..<10 {
                _ = try w.insert(SurveyResponse(id: "r\(i)", agency: ReportFixture.agency.code, service: i < 6 ? "kb" : "pengaduan",
                                                date: LocalDate(year: 2024, month: 3, day: 1 + i)!, answers: ReportFixture.all(3)))
            }
        }
        return store
    }

    @Test func populationUnknownInsteadOfNOverZero() throws {
        let store = try storeWithoutRegister()
        let w = try write(try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: Self.s1).holdingDetails(from: store))
        let kb = (w.json["services"] as! [[String: Any]]).first { $0["code"] as? String == "kb" }!["figures"] as! [String: Any]
        #expect(kb["sample_note"] as? String == "populasi tidak diketahui")
        #expect(kb["sample_note_en"] as? String == "population unknown")
        #expect((w.json["overall"] as! [String: Any])["sample_note"] as? String == "populasi tidak diketahui")
        let sheet = try #require(w.xlsx["Ringkasan"])
        let r = try #require(sheet.rowWhere(is: "Pelayanan Kontrasepsi"))
        #expect(sheet["C\(r)"] == .text("–"))
        #expect(sheet["D\(r)"] == .text("populasi tidak diketahui"))
        let english = try write(try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: Self.s1).holdingDetails(from: store), language: .en)
        let summary = try #require(english.xlsx["Summary"])
        #expect(summary["D\(try #require(summary.rowWhere(is: "Pelayanan Kontrasepsi")))"] == .text("population unknown"))
    }

    @Test func aStatedPopulationGivesTheCheckForExactlyItsPeriod() throws {
        let store = try storeWithoutRegister()
        try store.setPopulation(agency: "bengkulu-selatan", service: "kb", period: Self.s1, count: 1200)
        #expect(try store.populations(agency: "bengkulu-selatan", period: Self.s1) == ["kb": 1200])
        #expect(try store.populations(agency: "bengkulu-selatan", period: .quarter(2024, 1)) == [:])
        let report = try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: Self.s1).holdingDetails(from: store)
        let kb = try #require(report.services.first { $0.code == "kb" })
        #expect(kb.figures.sample == SampleAdequacy(population: 1200, respondents: 6))
        #expect(kb.figures.sample?.required == 291)
        #expect(kb.figures.sampleNote == nil)
        #expect(report.services.first { $0.code == "pengaduan" }?.figures.sampleNote == "populasi tidak diketahui")
        try store.setPopulation(agency: "bengkulu-selatan", service: "kb", period: Self.s1, count: 0)
        #expect(try store.populations(agency: "bengkulu-selatan", period: Self.s1) == [:])
    }
}
