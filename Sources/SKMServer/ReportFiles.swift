import Foundation
import SKMReports

/// Report files generated for download: written atomically into a private temporary
/// directory, streamed to the client, then removed.
public enum ReportFiles {
    public typealias Format = ReportFormat

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

    /// `details`: the report's saran and rejected rows streamed from the store (see
    /// `FiguresService.reportForDownload`), so that a download holds neither in memory.
    public static func write(_ report: EvaluationReport, details: ReportDetails? = nil, format: Format, language: String = "id") throws -> File {
        let dir = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let name = ReportFileName.make(agency: report.agency.code, period: report.period.id, ext: format.rawValue)
        let url = dir.appendingPathComponent(name)
        do {
            try ReportPipeline.write(report, details: details ?? .held(report), format: format,
                                     language: ReportLanguage(code: language) ?? .id, to: url)
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            return File(url: url, fileName: name, contentType: format.contentType, size: size, directory: dir)
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw error
        }
    }
}
