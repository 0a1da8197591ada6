import Foundation

/// Writes the report as JSON: snake_case keys in sorted order (stable diffs) and full precision.
public enum JSONReportWriter {
    public static func encode(_ report: EvaluationReport) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        e.nonConformingFloatEncodingStrategy = .throw
        return try e.encode(report)
    }

    public static func decode(_ data: Data) throws -> EvaluationReport {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return try d.decode(EvaluationReport.self, from: data)
    }

    public static func write(_ report: EvaluationReport, to url: URL) throws {
        try AtomicFile.write(to: url) { tmp in try encode(report).write(to: tmp) }
    }
}

/// Writes a file under a temporary name in the same directory and renames it into place, so a
/// scheduled job never publishes a half-written report.
public enum AtomicFile {
    public static func write(to url: URL, _ body: (URL) throws -> Void) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try body(tmp)
        if rename(tmp.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

/// File names: `<agency>_<period>.<ext>`, with `..` in a range written as `_to_`.
public enum ReportFileName {
    public static func make(agency: String, period: String, ext: String) -> String {
        "\(agency)_\(period.replacingOccurrences(of: "..", with: "_to_")).\(ext)"
    }
}
