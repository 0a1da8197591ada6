import Foundation
import Testing
@testable import SKMReports

/// The JSON report against docs/report-schema.json, and the validator against known-bad input.
@Suite struct JSONReportSchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/report-schema.json")

    func validator() throws -> JSONSchemaValidator {
        JSONSchemaValidator(root: try JSONValue.parse(Data(contentsOf: Self.schemaURL)))
    }

    @Test func reportsWithAndWithoutTurnaroundValidate() throws {
        let v = try validator()
        for report in [try ReportFixture.report(), try ReportFixture.report(compliance: false, forPublication: true)] {
            let errors = v.validate(try JSONValue.parse(JSONReportWriter.encode(report)))
            #expect(errors == [])
        }
    }

    @Test func emptyPeriodValidates() throws {
        let store = try ReportFixture.store()
        let report = try ReportBuilder(store: store).build(agency: ReportFixture.agency, period: .quarter(2020, 1)).holdingDetails(from: store)
        #expect(try validator().validate(try JSONValue.parse(JSONReportWriter.encode(report))) == [])
    }

    @Test func schemaVersionIsPinnedToTheModel() throws {
        let schema = try JSONValue.parse(Data(contentsOf: Self.schemaURL))
        #expect(schema["properties"]?["schema_version"]?["const"] == .string(EvaluationReport.currentSchemaVersion))
    }

    @Test func validatorRejectsWhatTheSchemaForbids() throws {
        let v = try validator()
        let good = try JSONValue.parse(JSONReportWriter.encode(try ReportFixture.report()))
        guard case var .object(o) = good else { Issue.record("not an object"); return }
        o["surprise"] = .int(1)
        o["schema_version"] = .string("2.0")
        o["for_publication"] = .string("no")
        o.removeValue(forKey: "rejects")
        let errors = v.validate(.object(o))
        #expect(errors.contains("$: unexpected property surprise"))
        #expect(errors.contains("$.schema_version: expected const string(\"1.4\")"))
        #expect(errors.contains { $0.hasPrefix("$.for_publication: expected boolean") })
        #expect(errors.contains("$: missing required rejects"))
    }

    @Test func keysAreSortedAndOutputIsStable() throws {
        let report = try ReportFixture.report()
        let a = try JSONReportWriter.encode(report), b = try JSONReportWriter.encode(report)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        let top = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(top == top.sorted())
        #expect(top.first == "agency")
        // Full precision: the converted IKM is not rounded.
        #expect(try JSONReportWriter.decode(a).overall.ikmConverted == report.overall.ikmConverted)
    }
}
