import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// `--as-of`: the moment open transactions are judged at. Default: now. A fixed value makes a
/// report reproducible (the demo uses its extraction date).
enum AsOfOption {
    static func instant(_ text: String?) throws -> Int64 {
        guard let text else { return Int64(Date().timeIntervalSince1970) }
        guard let d = LocalDate(iso: text) else { throw CLIError("--as-of must be a date YYYY-MM-DD, got '\(text)'") }
        // End of that day in WIB; a few hours either way does not change a day-based verdict.
        return IndonesianTimeZone.wib.instant(d.adding(days: 1), minuteOfDay: 0) - 1
    }

    /// A malformed `--as-of` is bad usage (exit 64), caught before the store is opened.
    static func validate(_ text: String?) throws {
        if let text, LocalDate(iso: text) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(text)'")
        }
    }

    /// `2024-12-31T23:59:59+07:00`: the judging moment for JSON output.
    static func iso(_ instant: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// What the output says the figures were judged at: "2024-12-31 (end of day WIB)" for a
    /// given day, "now, 2026-11-27 14:05 WIB" by default.
    static func describe(_ text: String?, instant: Int64) -> String {
        if let text { return "\(text) (end of day WIB)" }
        let t = IndonesianTimeZone.wib.local(instant)
        return "now, \(t.date) " + String(format: "%02d:%02d WIB", t.minuteOfDay / 60, t.minuteOfDay % 60)
    }
}

/// Where the turnaround engine plugs into reports.
enum ComplianceWiring {
    static func source(store: Store, asOf: Int64) -> ComplianceSource? { StoreCompliance.source(store: store, asOf: asOf) }
}

/// The XLSX workbook, in the language asked for.
enum WorkbookWiring {
    static func write(_ report: EvaluationReport, to url: URL, language: String, details: ReportDetails) throws {
        try XLSXReportWriter(language: ReportLanguage(rawValue: language) ?? .id).write(report, to: url, details: details)
    }
}
