import Foundation
import Testing
@testable import SKMReports
import SKMDomain
import SKMStorage

/// Ringkasan's headline block and the history behind its line chart, on the hand-computed
/// fixture (ReportFixture): 2023-Q4 kb all 3 (75.00, C, 3 respondents); 2024-Q1 overall
/// 84.444… (B, 5 respondents).
@Suite struct SummaryAtAGlanceTests {
    @Test func historyEndsWithTheReportsPeriodAndStartsAtTheFirstWithAResponse() throws {
        let r = try ReportFixture.report()
        let h = try #require(r.history)
        #expect(h.map(\.period) == ["2023-Q4", "2024-Q1"])
        #expect(h.map(\.respondents) == [3, 5])
        #expect(h[0].ikmConverted == 75)
        #expect(abs(h[1].ikmConverted! - 30.4 / 9 * 25) < 1e-12)
        #expect(h.map(\.mutu) == ["C", "B"])
        #expect(h[1].ikmConverted == r.overall.ikmConverted)
    }

    /// Older periods come from their own read: a response four quarters back is in the history,
    /// with the empty quarters after it kept (no respondents, no IKM) so the line's gaps show.
    @Test func olderPeriodsAreReadAndEmptyOnesKept() throws {
        let store = try ReportFixture.store()
        _ = try store.importBatch(kind: .responses, file: "lama.csv") { w in
            _ = try w.insert(SurveyResponse(id: "old", agency: ReportFixture.agency.code, service: "kb",
                                            date: LocalDate(year: 2023, month: 5, day: 10)!, answers: ReportFixture.all(2)))
            // 2022-Q3 is seven quarters back: outside the six periods shown.
            _ = try w.insert(SurveyResponse(id: "older", agency: ReportFixture.agency.code, service: "kb",
                                            date: LocalDate(year: 2022, month: 8, day: 1)!, answers: ReportFixture.all(1)))
        }
        #expect(IKMHistory.olderPeriods(before: ReportFixture.q1).map(\.description) == ["2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3"])
        let r = try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: ReportFixture.q1).holdingDetails(from: store)
        let h = try #require(r.history)
        #expect(h.map(\.period) == ["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"])
        #expect(h.map(\.respondents) == [1, 0, 3, 5])
        #expect(abs(h[0].ikmConverted! - 50) < 1e-12)  // nine NRR of 2 × 1/9 × 25
        #expect(h[0].mutu == "D")
        #expect(h[1].ikmConverted == nil)
    }

    /// Published, a period with fewer than 5 respondents keeps only its name.
    @Test func publishedHistoryHidesPeriodsUnderFive() throws {
        let h = try #require(try ReportFixture.report(forPublication: true).history)
        #expect(h[0] == HistoryPoint(period: "2023-Q4", respondents: nil, ikmConverted: nil, mutu: nil))
        #expect(h[1].respondents == 5)
    }

    @Test func headlineHoldsTheOfficesFiguresAsNumbers() throws {
        let r = try ReportFixture.report()
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("r.xlsx")
        try XLSXReportWriter().write(r, to: url)
        let x = try XLSXReader(url: url)
        let s = try #require(x["Ringkasan"])
        #expect(s["A7"] == .text("IKM (×25)"))
        #expect(abs(s["A8"]!.number! - 30.4 / 9 * 25) < 1e-9)
        #expect(x.numberFormat("Ringkasan", "A8") == "0.00")
        #expect(s["B8"] == .number(5))
        #expect(s["E8"] == .text("B"))
        #expect(s["F8"] == .text("Baik"))
        #expect(s["H8"] == .number(2.0 / 3.0))
        #expect(x.numberFormat("Ringkasan", "H8") == "0.0%")
        #expect(s["K7"] == .text("Perubahan dari 2023-Q4"))
        // Only kb was answered in 2023-Q4 (75.00, and the office's IKM then): 84.44 − 75.00.
        #expect(abs(s["K8"]!.number! - (30.4 / 9 * 25 - 75)) < 1e-9)
        #expect(s["B9"] == .number(Double(r.overall.sample!.required)))
        // Chart data beside the print area: kb's 74.07 split at the grade boundaries.
        let kb = try #require(s.rowWhere("O", is: "Pelayanan Kontrasepsi"))
        #expect(s["P\(kb)"] == .number(65))
        #expect(abs(s["Q\(kb)"]!.number! - 9.07) < 1e-9)
        #expect(s["R\(kb)"] == .number(0))
        #expect(s["U\(kb)"] == .text("2023-Q4"))
        #expect(s["V\(kb)"] == .number(75))
        #expect(s.xml.contains("<drawing "))
    }

    @Test func instantsAndDeadlinesReadAsAnOfficeWritesThem() {
        let id = XLSXReportWriter(language: .id), en = XLSXReportWriter(language: .en)
        #expect(id.readableInstant("2025-12-31T23:59:59+08:00", zone: "WITA") == "2025-12-31 23.59 WITA")
        #expect(id.readableStamp("2024-02-07 16:00 WITA") == "2024-02-07 16.00 WITA")
        #expect(en.readableStamp("2024-02-07 16:00 WITA") == "2024-02-07 16:00 WITA")
        #expect(en.readableInstant("2025-12-31T23:59:59+08:00", zone: "WITA") == "2025-12-31 23:59 WITA")
    }

    @Test func longServiceNamesAreCutAtAWordOnTheChart() {
        #expect(XLSXReportWriter.chartLabel("Pelayanan Pencegahan bagi Anak Terindikasi Berisiko Stunting")
                == "Pelayanan … Berisiko Stunting")
        #expect(XLSXReportWriter.chartLabel("Surat Rekomendasi Miskin untuk Program Indonesia Pintar")
                == "Surat Rekomendasi … Indonesia Pintar")
        #expect(XLSXReportWriter.chartLabel("Pelayanan Kontrasepsi") == "Pelayanan Kontrasepsi")
    }
}
