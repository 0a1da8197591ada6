import Foundation
import SKMReports
import SKMStorage

/// Where the turnaround engine plugs into reports (filled in when it lands).
enum ComplianceWiring {
    static func source(store: Store) -> ComplianceSource? { nil }
}

/// Where the XLSX writer plugs in (filled in when it lands).
enum WorkbookWiring {
    static func write(_ report: EvaluationReport, to url: URL, language: String) throws {
        throw CLIError("XLSX output is not available in this build yet; use --format json")
    }
}
