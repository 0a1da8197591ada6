import Foundation
import Testing
@testable import SKMReports
import SKMDomain

/// A published report shows nothing computed from fewer than 5 respondents (issue 15): in the
/// fixture kb has 3 respondents and pengaduan (complaints of violence) 2, the office 5.
@Suite struct SmallGroupPublicationTests {
    @Test func servicesUnderFiveShowNoCountIKMOrAnswers() throws {
        let report = try ReportFixture.report(forPublication: true)
        for s in report.services {
            #expect(s.figures.suppressed == true, "\(s.code)")
            #expect(s.figures.respondents == nil && s.figures.sample == nil)
            #expect(s.figures.ikm == nil && s.figures.ikmConverted == nil && s.figures.mutu == nil)
            #expect(s.figures.unsur.isEmpty && s.figures.lowestUnsur.isEmpty && s.figures.change == nil)
        }
        // The office as a whole has 5: still published, with its hand-computed IKM.
        #expect(report.overall.suppressed == nil)
        #expect(report.overall.respondents == 5)
        #expect(abs((report.overall.ikmConverted ?? 0) - 84.444_444_444_444_44) < 1e-9)

        // The JSON carries neither the counts nor the answer distributions of the services.
        let json = try JSONSerialization.jsonObject(with: JSONReportWriter.encode(report)) as! [String: Any]
        for s in json["services"] as! [[String: Any]] {
            let f = s["figures"] as! [String: Any]
            #expect(f["suppressed"] as? Bool == true)
            #expect(f["respondents"] == nil && f["sample"] == nil && f["ikm"] == nil)
            #expect((f["unsur"] as! [Any]).isEmpty)
        }

        // Unpublished, the same report shows them and carries no `suppressed` key.
        let open = try ReportFixture.report(forPublication: false)
        #expect(open.services.map { $0.figures.respondents } == [3, 2])
        #expect(open.services.allSatisfy { $0.figures.suppressed == nil })
    }

    @Test func workbookShowsFewerThanFive() throws {
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("p.xlsx")
        try XLSXReportWriter(language: .id).write(try ReportFixture.report(forPublication: true), to: url)
        let sheet = try #require(try XLSXReader(url: url)["Ringkasan"])
        for name in ReportFixture.agency.services.map(\.name) {
            let row = try #require(sheet.rowWhere(is: name))
            #expect(sheet["B\(row)"] == .text("< 5"))
            #expect(sheet["E\(row)"] == .text("–"))
        }
    }

    @Test func oneHiddenServiceTakesTheNextSmallestWithIt() {
        // 40, 3, 9: hiding only the 3 would let the office total minus 40 and 9 reveal it.
        #expect(Publication.suppressed([40, 3, 9]) == [1, 2])
        #expect(Publication.suppressed([40, 12, 9]) == [])
    }
}

@Suite struct PublishedProfileCategoryTests {
    @Test func freeTextLabelsAreCountedByCategory() {
        let rows = [("Kepala Desa Tanjung Aur", 1), ("PNS", 3), ("ASN", 2), ("Tidak diisi", 4), ("pedagang", 6)]
        let out = Publication.categorised(rows, ProfileCategory.occupation, order: ProfileCategory.occupationOrder)
        #expect(out.map(\.0) == ["PNS", "Wiraswasta", "Lainnya", "Tidak diisi"])
        #expect(out.map(\.1) == [5, 6, 1, 4])
    }
}
