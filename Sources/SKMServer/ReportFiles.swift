import Foundation
import SKMReports

/// Report files generated for download: written atomically into a private temporary
/// directory, streamed to the client, then removed.
public enum ReportFiles {
    public enum Format: String, Sendable, CaseIterable {
        case json, xlsx
        var contentType: String {
            switch self {
            case .json: "application/json"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }

    public struct File: Sendable {
        public var url: URL
        /// `<agency>_<period>.<ext>`, as `skm report` names it.
        public var fileName: String
        public var contentType: String
        public var size: Int
        /// Remove after sending.
        public var directory: URL
    }

    /// Parent of the per-download directories, one per process so that two servers (or a
    /// server and the tests) never clean up each other's files; `skm serve` removes it on exit.
    public static var root: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skm-serve-reports-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Writes a workbook to a URL in a language (`id` or `en`): the XLSX writer, plugged in by
    /// the executable so the server does not depend on how workbooks are laid out. `details`
    /// streams the saran and rejected rows when the report does not hold them.
    public typealias WorkbookWriter = @Sendable (_ report: EvaluationReport, _ url: URL, _ language: String,
                                                 _ details: ReportDetails?) throws -> Void

    /// The XLSX writer of SKMReports; the language falls back to Bahasa Indonesia.
    public static let xlsx: WorkbookWriter = { report, url, language, details in
        try XLSXReportWriter(language: ReportLanguage(code: language) ?? .id).write(report, to: url, details: details)
    }

    /// `details`: the report's saran and rejected rows streamed from the store (see
    /// `FiguresService.reportForDownload`), so that a download holds neither in memory.
    public static func write(_ report: EvaluationReport, details: ReportDetails? = nil, format: Format, language: String = "id",
                             workbook: WorkbookWriter? = nil) throws -> File {
        let dir = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let name = ReportFileName.make(agency: report.agency.code, period: report.period.id, ext: format.rawValue)
        let url = dir.appendingPathComponent(name)
        do {
            switch format {
            case .json:
                try JSONReportWriter.write(report, to: url, details: details)
            case .xlsx:
                guard let workbook else { throw Problem(.notImplemented, detail: "XLSX reports are not available in this build of the server; use format=json.",
                                                      field: "format") }
                try workbook(report, url, language, details)
            }
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            return File(url: url, fileName: name, contentType: format.contentType, size: size, directory: dir)
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw error
        }
    }
}
