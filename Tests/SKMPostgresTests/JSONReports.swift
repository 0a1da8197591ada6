import Foundation
import SKMDomain
import SKMReports
import SKMStorage
import Testing

/// Every agency's JSON report for each of `periods`, as the pipeline writes it (through a file
/// in `dir` named by `tag`), parsed, keyed "agency period": what the two-store tests compare.
func jsonReports(_ store: any SurveyStore, asOf: LocalDate, periods: [String], in dir: URL, tag: String) throws -> [String: Any] {
    var out: [String: Any] = [:]
    let pipeline = ReportPipeline(store: store, asOf: .endOfDay(asOf))
    for agency in try store.agencies() {
        for p in periods {
            let (report, details) = try pipeline.report(agency: agency, period: try #require(Period(parsing: p)))
            let url = dir.appendingPathComponent("\(tag)-\(agency.code)-\(p).json")
            try JSONReportWriter.write(report, to: url, details: details)
            out["\(agency.code) \(p)"] = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        }
    }
    return out
}

/// Walks two JSON trees and lists every path whose values differ (numbers compared exactly).
func compare(_ a: Any, _ b: Any, path: String, into out: inout [String]) {
    switch (a, b) {
    case let (x as [String: Any], y as [String: Any]):
        for k in Set(x.keys).union(y.keys).sorted() {
            guard let xv = x[k], let yv = y[k] else { out.append("\(path).\(k): present in one only"); continue }
            compare(xv, yv, path: "\(path).\(k)", into: &out)
        }
    case let (x as [Any], y as [Any]):
        if x.count != y.count { out.append("\(path): \(x.count) vs \(y.count) items"); return }
        for i in x.indices { compare(x[i], y[i], path: "\(path)[\(i)]", into: &out) }
    case let (x as NSNumber, y as NSNumber):
        if x != y { out.append("\(path): \(x) vs \(y)") }
    case let (x as String, y as String):
        if x != y { out.append("\(path): \(x) vs \(y)") }
    case (is NSNull, is NSNull): break
    default: out.append("\(path): \(a) vs \(b)")
    }
}
