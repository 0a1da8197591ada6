import Foundation
import Testing
@testable import SKMReports
import SKMDomain
import SKMStorage

/// U3 among respondents whose own transaction was late vs on time, on hand-made data: kb
/// promises 3 working days; five files received Monday 2024-02-05 09:00 WIB finish on
/// 2024-02-20 (late), two finish the next day (on time).
/// - late: U3 answers 1, 2, 2, 1, 2 → NRR 8/5 = 1.6
/// - on time: U3 answers 4, 3 → NRR 3.5
/// A response naming an unknown transaction, and one naming a complaint (no promise), count
/// on neither side.
@Suite struct TimeVoiceTests {
    static let received: Int64 = 1_707_098_400  // 2024-02-05 09:00 WIB
    static let lateFinish: Int64 = 1_708_398_000  // 2024-02-20 10:00 WIB
    static let onTimeFinish: Int64 = 1_707_188_400  // 2024-02-06 10:00 WIB

    static func store() throws -> Store {
        let store = try ReportFixture.store()
        let a = ReportFixture.agency.code
        // Judging needs the year's holiday calendar; none falls between 5 and 20 February that
        // would move these deadlines (2024-02-08 is a Thursday after the kb deadline of the 7th).
        try store.saveCatalog(agencies: [ReportFixture.agency], holidays: [
            Holiday(date: LocalDate(year: 2024, month: 1, day: 1)!, name: "Tahun Baru 2024 Masehi", kind: .national, source: "SKB 3 Menteri"),
        ])
        _ = try store.importBatch(kind: .transactions, file: "tautan.csv") { w in
            for i in 0..<5 {
                _ = try w.insert(Transaction(id: "L\(i)", agency: a, service: "kb", receivedAt: received, finishedAt: lateFinish),
                                 receivedDate: LocalDate(year: 2024, month: 2, day: 5)!, replace: false)
            }
            for i in 0..<2 {
                _ = try w.insert(Transaction(id: "O\(i)", agency: a, service: "kb", receivedAt: received, finishedAt: onTimeFinish),
                                 receivedDate: LocalDate(year: 2024, month: 2, day: 5)!, replace: false)
            }
        }
        _ = try store.importBatch(kind: .responses, file: "tautan-respon.csv") { w in
            let date = LocalDate(year: 2024, month: 3, day: 1)!
            func u3(_ v: Int) -> [Int?] { var x = ReportFixture.all(3); x[2] = v; return x }
            for (i, v) in [1, 2, 2, 1, 2].enumerated() {
                _ = try w.insert(SurveyResponse(id: "l\(i)", agency: a, service: "kb", date: date, answers: u3(v), transactionId: "L\(i)"))
            }
            for (i, v) in [4, 3].enumerated() {
                _ = try w.insert(SurveyResponse(id: "o\(i)", agency: a, service: "kb", date: date, answers: u3(v), transactionId: "O\(i)"))
            }
            _ = try w.insert(SurveyResponse(id: "x", agency: a, service: "kb", date: date, answers: u3(1), transactionId: "TIDAK-ADA"))
            _ = try w.insert(SurveyResponse(id: "c", agency: a, service: "pengaduan", date: date, answers: u3(4), transactionId: "T4"))
        }
        return store
    }

    static func report(forPublication: Bool = false) throws -> EvaluationReport {
        var options = ReportOptions()
        options.forPublication = forPublication
        options.asOf = 1_735_664_399  // 2024-12-31 23:59:59 WIB
        let s = try store()
        return try ReportBuilder(store: s, options: options).build(agency: ReportFixture.agency, period: ReportFixture.q1).holdingDetails(from: s)
    }

    /// The pipeline judges the linked files in its compliance scan
    /// (`StoreCompliance.reading(voiceOf:)`) instead of a scan of its own: same figures.
    @Test func thePipelineJudgesLinkedFilesInTheComplianceScan() throws {
        let store = try Self.store()
        let reading = try StoreCompliance.reading(store: store, agency: ReportFixture.agency, period: ReportFixture.q1,
                                                  asOf: 1_735_664_399, voiceOf: .permenPANRB14_2017)
        let kb = try #require(reading.timeVoice?.perService["kb"])
        #expect(kb == TimeVoiceFigures(late: 5, lateNrr: 1.6, onTime: 2, onTimeNrr: 3.5))
        #expect(reading.timeVoice?.overall == kb)
        let alone = try TimeVoice.figures(store: store, agency: ReportFixture.agency, period: ReportFixture.q1,
                                          method: .permenPANRB14_2017, asOf: 1_735_664_399)
        #expect(alone.perService == reading.timeVoice?.perService)
    }

    @Test func lateAndOnTimeRespondentsPerServiceAndOverall() throws {
        let r = try Self.report()
        let kb = try #require(r.services.first { $0.code == "kb" }?.figures.u3ByTimeliness)
        #expect(kb.late == 5)
        #expect(kb.lateNrr == 1.6)
        #expect(kb.onTime == 2)
        #expect(kb.onTimeNrr == 3.5)
        #expect(r.overall.u3ByTimeliness == kb)
        #expect(r.services.first { $0.code == "pengaduan" }?.figures.u3ByTimeliness
                == TimeVoiceFigures(late: 0, lateNrr: nil, onTime: 0, onTimeNrr: nil))
    }

    @Test func withoutLinkedResponsesThereIsNoFigure() throws {
        let r = try ReportFixture.report()
        #expect(r.overall.u3ByTimeliness == nil)
        #expect(r.services.allSatisfy { $0.figures.u3ByTimeliness == nil })
    }

    /// Published, the on-time side (2 responses) keeps its count and loses its NRR.
    @Test func publishedSidesUnderFiveLoseTheirNRR() throws {
        let kb = try #require(try Self.report(forPublication: true).services.first { $0.code == "kb" }?.figures.u3ByTimeliness)
        #expect(kb == TimeVoiceFigures(late: 5, lateNrr: 1.6, onTime: 2, onTimeNrr: nil, suppressed: true))
    }

    @Test func inTheJSONAndTheWorkbook() throws {
        let r = try Self.report()
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let j = dir.appendingPathComponent("r.json"), x = dir.appendingPathComponent("r.xlsx")
        try JSONReportWriter.write(r, to: j)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: j)) as! [String: Any]
        let overall = (json["overall"] as! [String: Any])["u3_by_timeliness"] as! [String: Any]
        #expect(overall["late"] as? Int == 5)
        #expect(overall["late_nrr"] as? Double == 1.6)
        #expect(overall["on_time"] as? Int == 2)
        #expect(overall["on_time_nrr"] as? Double == 3.5)
        try XLSXReportWriter().write(r, to: x)
        let sheet = try #require(try XLSXReader(url: x)["Ketepatan Waktu"])
        let title = try #require(sheet.rowWhere(is: "U3 Waktu Penyelesaian menurut ketepatan waktu berkasnya"))
        let kb = try #require(sheet.rowWhere(is: "Pelayanan Kontrasepsi").map { _ in
            (title...(title + 6)).first { sheet["A\($0)"] == .text("Pelayanan Kontrasepsi") } } ?? nil)
        #expect(sheet["B\(kb)"] == .number(5))
        #expect(sheet["C\(kb)"] == .number(1.6))
        #expect(sheet["D\(kb)"] == .number(2))
        #expect(sheet["E\(kb)"] == .number(3.5))
    }
}
