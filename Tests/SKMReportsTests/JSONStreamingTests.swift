import Foundation
import Testing
@testable import SKMReports
import SKMStorage
import SKMDomain

@Suite struct JSONStreamingTests {
    /// The streamed file must be the very bytes `encode` gives, whatever the list sizes.
    @Test(arguments: [0, 1, 2, 1999, 2000, 2001, 4500])
    func writtenFileEqualsTheEncodedDocument(count: Int) throws {
        var report = try ReportFixture.report(forPublication: false)
        report.suggestions = (0..<count).map { Suggestion(date: "2024-03-0\($0 % 9 + 1)", service: "s\($0 % 3)", text: "saran \"\($0)\"\nbaris dua") }
        report.rejects = (0..<(count / 2)).map { RejectRecord(file: "r.csv", line: $0 + 2, column: "u1", value: "5", reason: "jawaban 5 di luar rentang 1–4") }
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("r.json")
        try JSONReportWriter.write(report, to: url)
        #expect(try Data(contentsOf: url) == (try JSONReportWriter.encode(report)))
    }

    /// Saran are written without the encoder (`SuggestionJSON`): every escape must match its bytes.
    @Test func saranWithAnyCharacterAreEscapedAsTheEncoderDoes() throws {
        var report = try ReportFixture.report(forPublication: false)
        let controls = String(decoding: (0..<32).map { UInt8($0) } + [0x7F], as: UTF8.self)
        report.suggestions = [
            Suggestion(date: "2024-03-04", service: "kb/\\x", text: controls),
            Suggestion(date: "2024-03-05", service: "", text: "\"kutip\" \\ garis/miring </script> \u{2028}\u{2029} é e\u{301} 😀 ﷽"),
            Suggestion(date: "", service: "kb", text: "\r\n\t\u{8}\u{C}\u{1B}[0m"),
        ]
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("r.json")
        try JSONReportWriter.write(report, to: url)
        #expect(try Data(contentsOf: url) == (try JSONReportWriter.encode(report)))
    }
}

@Suite struct StampTests {
    @Test func endOfDayDeadlinesReadAs2400OfThatDay() {
        let z = IndonesianTimeZone.wib
        let midnight = z.instant(LocalDate(year: 2024, month: 2, day: 3)!, minuteOfDay: 0)
        #expect(StoreCompliance.stamp(midnight, z) == "2024-02-02 24:00 WIB")
        #expect(StoreCompliance.stamp(midnight + 60, z) == "2024-02-03 00:01 WIB")
        #expect(StoreCompliance.stamp(z.instant(LocalDate(year: 2024, month: 2, day: 5)!, minuteOfDay: 960), .wita) == "2024-02-05 17:00 WITA")
    }
}

@Suite struct PublicationTests {
    @Test func aPublishedReportCarriesNoCasesSaranOrRejects() throws {
        var report = try ReportFixture.report(forPublication: true)
        report.suggestions = [Suggestion(date: "2024-03-04", service: "kb", text: "Ibu Sari di loket 2 sangat membantu")]
        report.rejects = [RejectRecord(file: "/home/officer/register.csv", line: 3, reason: "x")]
        report.services[0].figures.compliance = ReportFixture.kbCompliance
        #expect(!(report.services[0].figures.compliance?.latestCases.isEmpty ?? true))
        Publication.redact(&report)
        #expect(report.suggestions.isEmpty)
        #expect(report.rejects.isEmpty)
        #expect(report.services.allSatisfy { $0.figures.compliance?.latestCases.isEmpty ?? true })
        #expect(report.services[0].figures.compliance?.onTime == ReportFixture.kbCompliance.onTime)  // figures stay
        #expect(report.warnings.last == .forPublication)
        #expect(report.warnings.last?.description.contains("publikasi") == true)
    }

    @Test func theMomentOfJudgingIsWrittenInTheAgencysZone() {
        let instant = IndonesianTimeZone.wib.instant(LocalDate(year: 2026, month: 1, day: 1)!, minuteOfDay: 0) - 1
        #expect(IndonesianTimeZone.isoTimestamp(instant, in: .wib) == "2025-12-31T23:59:59+07:00")
        #expect(IndonesianTimeZone.isoTimestamp(instant, in: .wita) == "2026-01-01T00:59:59+08:00")
    }
}

@Suite struct StreamedDetailsTests {
    /// Saran and rejects streamed from the store give the very files a report holding them gives.
    @Test func streamingFromTheStoreWritesTheSameFiles() throws {
        let store = try ReportFixture.store()
        _ = try store.importBatch(kind: .responses, file: "bad.csv") { w in
            try w.reject(RejectRecord(file: "bad.csv", line: 4, column: "u2", value: "5", reason: "jawaban 5 di luar rentang 1–4", agency: ReportFixture.agency.code))
        }
        let lean = try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: ReportFixture.q1)
        let held = try lean.holdingDetails(from: store)
        #expect(!held.suggestions.isEmpty && !held.rejects.isEmpty)
        #expect(lean.suggestions.isEmpty && lean.rejects.isEmpty)
        let details = try ReportDetails.fromStore(store, report: lean)
        #expect(details.suggestionCount == held.suggestions.count)
        #expect(details.rejectCount == held.rejects.count)

        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = (dir.appendingPathComponent("a.json"), dir.appendingPathComponent("b.json"))
        try JSONReportWriter.write(held, to: a)
        try JSONReportWriter.write(lean, to: b, details: details)
        #expect(try Data(contentsOf: a) == (try Data(contentsOf: b)))
        let (x, y) = (dir.appendingPathComponent("a.xlsx"), dir.appendingPathComponent("b.xlsx"))
        try XLSXReportWriter().write(held, to: x)
        try XLSXReportWriter().write(lean, to: y, details: details)
        #expect(try Data(contentsOf: x) == (try Data(contentsOf: y)))
    }
}

@Suite struct SuggestionSpoolTests {
    /// Saran spooled by the response scan give the store's list, every walk, even after one
    /// that stopped early.
    @Test func replaysGiveWhatTheStoreGave() throws {
        let store = try ReportFixture.store()
        _ = try store.importBatch(kind: .responses, file: "more.csv") { w in
            for (i, text) in ["Ruang tunggu panas 🥵", "\"kutip\"\ndua baris", "é e\u{301}", " x "].enumerated() {
                _ = try w.insert(SurveyResponse(id: "S\(i)", agency: ReportFixture.agency.code, service: "kb",
                                                date: LocalDate(year: 2024, month: 2, day: 10 + i)!, answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
                                                saran: text))
            }
        }
        let expected = try store.suggestions(agency: ReportFixture.agency.code, period: ReportFixture.q1)
        #expect(expected.count >= 4)
        let lean = try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: ReportFixture.q1)
        let responses = try store.periodResponses(agency: ReportFixture.agency.code, period: ReportFixture.q1, spoolingSuggestions: true)
        let details = try ReportDetails.fromStore(store, report: lean, suggestions: responses.suggestions)
        #expect(details.suggestionCount == expected.count)
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) { try details.forEachSuggestion { _ in seen += 1; if seen == 2 { throw Stop() } } }
        for _ in 0..<3 {
            var got: [Suggestion] = []
            try details.forEachSuggestion { got.append($0) }
            #expect(got == expected)
        }
    }
}

@Suite struct StreamedListsTests {
    /// Saran and rejects handed in as streams (not held by the report) are in the file, every
    /// one, readable back as the report's lists.
    @Test func streamedSaranAndRejectsAreAllWritten() throws {
        let report = try ReportFixture.report(forPublication: false)
        let saran = (0..<2_500).map { Suggestion(date: "2024-03-01", service: "kb", text: "saran \($0)") }
        let rejects = (0..<3).map { RejectRecord(file: "r.csv", line: $0 + 2, reason: "alasan \($0)", agency: "x") }
        var lean = report
        lean.suggestions = []
        lean.rejects = []
        let details = ReportDetails(suggestionCount: saran.count, forEachSuggestion: { try saran.forEach($0) },
                                    rejectCount: rejects.count, forEachReject: { try rejects.forEach($0) })
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("r.json")
        try JSONReportWriter.write(lean, to: url, details: details)
        let back = try JSONReportWriter.decode(Data(contentsOf: url))
        #expect(back.suggestions == saran)
        #expect(back.rejects == rejects)
        #expect(back.agency.code == report.agency.code)
    }
}

@Suite struct RejectWallTests {
    /// A report lists its own agency's rejects only: not another agency's, not unattributed ones.
    @Test func aReportListsOnlyItsOwnAgencysRejects() throws {
        let store = try ReportFixture.store()
        let own = ReportFixture.agency.code
        _ = try store.importBatch(kind: .responses, file: "x.csv") { w in
            // A row in the report's period: the import's rejects belong to it (RejectsByPeriodTests).
            _ = try w.insert(SurveyResponse(id: "x1", agency: own, service: "kb", date: LocalDate(year: 2024, month: 3, day: 1)!,
                                            answers: ReportFixture.all(3)))
            try w.reject(RejectRecord(file: "x.csv", line: 2, reason: "milik sendiri", agency: own))
            try w.reject(RejectRecord(file: "x.csv", line: 3, reason: "instansi lain", agency: "lain"))
            try w.reject(RejectRecord(file: "x.csv", line: 4, reason: "tidak terbaca"))
        }
        let (report, details) = try ReportPipeline(store: store) { _, _, _ in nil }  // the fixture has no holiday calendar
            .report(agency: ReportFixture.agency, period: ReportFixture.q1)
        var seen: [RejectRecord] = []
        try details.forEachReject { seen.append($0) }
        #expect(details.rejectCount == seen.count)
        #expect(seen.contains { $0.reason == "milik sendiri" })
        #expect(seen.allSatisfy { $0.agency == own })
        #expect(!seen.contains { $0.reason == "instansi lain" || $0.reason == "tidak terbaca" })
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("r.json")
        try ReportPipeline.write(report, details: details, format: .json, language: .id, to: url)
        #expect(try JSONReportWriter.decode(Data(contentsOf: url)).rejects == seen)
    }
}

@Suite struct OutputDirectoryTests {
    @Test func aDirectoryThatCannotBeCreatedSaysSo() throws {
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a-file")
        FileManager.default.createFile(atPath: file.path, contents: Data())
        let out = file.appendingPathComponent("reports")
        let pipeline = ReportPipeline(store: try ReportFixture.store()) { _, _, _ in nil }
        #expect(throws: OutputDirectory.Problem(path: out.path, what: "output directory is missing and cannot be created:",
                                                reason: "Not a directory")) {
            _ = try pipeline.write(agencies: [ReportFixture.agency], periods: [ReportFixture.q1], formats: [.json], language: .id, to: out)
        }
    }

    /// Read-only: a 0555 directory, or — as root, who may write there anyway — /sys.
    @Test func aReadOnlyDirectorySaysSo() throws {
        let dir = try ReportFixture.temporaryDirectory()
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        chmod(dir.path, 0o555)
        let target = geteuid() == 0 ? URL(fileURLWithPath: "/sys") : dir
        #expect(throws: OutputDirectory.Problem(path: target.path, what: "output directory is not writable:",
                                                reason: "Permission denied")) {
            try OutputDirectory.prepare(target)
        }
    }
}
