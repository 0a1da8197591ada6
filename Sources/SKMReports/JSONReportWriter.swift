import Foundation

/// Writes the report as JSON: snake_case keys in sorted order (stable diffs) and full precision.
public enum JSONReportWriter {
    public static func encode(_ report: EvaluationReport) throws -> Data {
        try encoder.encode(report)
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        e.nonConformingFloatEncodingStrategy = .throw
        return e
    }

    public static func decode(_ data: Data) throws -> EvaluationReport {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return try d.decode(EvaluationReport.self, from: data)
    }

    /// Writes the same bytes as `encode`, but encodes the two long lists (suggestions and
    /// rejects) a chunk at a time: Foundation's encoder builds a tree of the whole document
    /// first, which for a province's year of saran took hundreds of megabytes.
    public static func write(_ report: EvaluationReport, to url: URL) throws {
        try AtomicFile.write(to: url) { tmp in
            var head = report
            head.suggestions = []
            head.rejects = []
            var text = try encode(head)
            let out = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: tmp.path, contents: nil); return tmp }())
            defer { try? out.close() }
            // Top-level keys sit at indent 2 and strings never hold a raw newline, so these
            // markers can only be the two empty arrays.
            for (key, list) in [("rejects", AnyList(report.rejects)), ("suggestions", AnyList(report.suggestions))] {
                let marker = Data("\n  \"\(key)\" : [\n\n  ]".utf8)
                guard let r = text.range(of: marker) else { continue }
                try out.write(contentsOf: text[..<r.lowerBound])
                try out.write(contentsOf: Data("\n  \"\(key)\" : [".utf8))
                try list.writeElements(to: out)
                try out.write(contentsOf: Data("\n  ]".utf8))
                text = text[r.upperBound...]
            }
            try out.write(contentsOf: text)
        }
    }
}

/// A list whose elements are encoded in chunks, each chunk indented one level deeper than a
/// top-level array, as they stand inside the report.
private struct AnyList {
    let count: Int
    let chunk: (Range<Int>) throws -> Data

    init<T: Encodable>(_ items: [T]) {
        count = items.count
        chunk = { try JSONReportWriter.encoder.encode(Array(items[$0])) }
    }

    func writeElements(to out: FileHandle) throws {
        guard count > 0 else { try out.write(contentsOf: Data("\n".utf8)); return }  // "[\n\n  ]" as the encoder writes []
        var start = 0
        while start < count {
            let end = min(count, start + 2000)
            let data = try chunk(start..<end)  // "[\n  {…},\n  {…}\n]"
            // Keep "\n  {…},\n  {…}" and indent it one level; bytes, not Data appends (10× faster).
            var indented: [UInt8] = []
            indented.reserveCapacity(data.count + data.count / 8)
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for b in raw[1..<(raw.count - 2)] {
                    indented.append(b)
                    if b == 10 { indented.append(32); indented.append(32) }
                }
            }
            if start > 0 { try out.write(contentsOf: Data(",".utf8)) }
            try out.write(contentsOf: Data(indented))
            start = end
        }
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
