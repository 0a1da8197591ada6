import Foundation
import Testing
@testable import SKMReports
import SKMStorage

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
}
