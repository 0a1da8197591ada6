import Foundation
import SKMStorage

/// Writes the report as JSON: snake_case keys in sorted order (stable diffs) and full precision.
public enum JSONReportWriter {
    public static func encode(_ report: EvaluationReport) throws -> Data {
        try encoder.encode(report)
    }

    /// The one configuration for JSON that people and scheduled jobs read: pretty, sorted
    /// snake_case keys, full precision; the CLI's JSON output uses it too.
    public static var encoder: JSONEncoder {
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

    /// Writes the same bytes as `encode` would for the report with `details`' lists in it, but
    /// as a stream of its own: the object's fields one by one (each encoded by `encoder`, see
    /// `TopLevelFields`) and the two long lists (saran and rejects) a chunk at a time as they are
    /// read, since Foundation's encoder builds a tree of the whole document first. A report
    /// without either list field is refused rather than written without it.
    public static func write(_ report: EvaluationReport, to url: URL, details: ReportDetails? = nil) throws {
        let details = details ?? .held(report)
        var head = report
        head.suggestions = []
        head.rejects = []
        let fields = try TopLevelFields.encode(head, with: encoder)
        guard Set(fields.map(\.key)).isSuperset(of: ["rejects", "suggestions"]) else {
            throw TopLevelFields.Unsupported(what: "a report without its rejects or suggestions field")
        }
        try AtomicFile.write(to: url) { tmp in
            FileManager.default.createFile(atPath: tmp.path, contents: nil)
            let out = try FileHandle(forWritingTo: tmp)
            defer { try? out.close() }
            try out.write(contentsOf: Data("{\n".utf8))
            for (i, field) in fields.enumerated() {
                if i > 0 { try out.write(contentsOf: Data(",\n".utf8)) }
                switch field.key {
                case "rejects", "suggestions":
                    try out.write(contentsOf: Data("  \"\(field.key)\" : [".utf8))
                    if field.key == "rejects" { try writeElements(details.forEachReject, to: out) }
                    else { try writeSuggestions(details.forEachSuggestion, to: out) }
                    try out.write(contentsOf: Data("\n  ]".utf8))
                default:
                    try out.write(contentsOf: field.text)
                }
            }
            try out.write(contentsOf: Data("\n}".utf8))
        }
    }

    /// Writes the saran as `writeElements` would, without the encoder (see `SuggestionJSON`),
    /// 64 KiB at a time.
    private static func writeSuggestions(_ forEach: ((Suggestion) throws -> Void) throws -> Void, to out: FileHandle) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var wrote = false
        try forEach { s in
            if wrote { buffer.append(UInt8(ascii: ",")) }
            SuggestionJSON.append(s, to: &buffer)
            wrote = true
            if buffer.count >= 1 << 16 {
                try out.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !wrote { buffer.append(UInt8(ascii: "\n")) }  // "[\n\n  ]", as the encoder writes []
        try out.write(contentsOf: buffer)
    }

    /// Encodes elements in chunks of 2,000 as an array would hold them inside the report: each
    /// chunk's brackets dropped and its lines indented one level deeper.
    private static func writeElements<T: Encodable>(_ forEach: ((T) throws -> Void) throws -> Void, to out: FileHandle) throws {
        var chunk: [T] = []
        var wrote = false
        func flush() throws {
            let data = try encoder.encode(chunk)  // "[\n  {…},\n  {…}\n]"
            var indented: [UInt8] = []
            indented.reserveCapacity(data.count + data.count / 8)
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for b in raw[1..<(raw.count - 2)] {  // "\n  {…},\n  {…}"
                    indented.append(b)
                    if b == 10 { indented.append(32); indented.append(32) }
                }
            }
            if wrote { try out.write(contentsOf: Data(",".utf8)) }
            try out.write(contentsOf: Data(indented))
            wrote = true
            chunk.removeAll(keepingCapacity: true)
        }
        try forEach { x in
            chunk.append(x)
            if chunk.count == 2000 { try flush() }
        }
        if !chunk.isEmpty { try flush() }
        if !wrote { try out.write(contentsOf: Data("\n".utf8)) }  // "[\n\n  ]", as the encoder writes []
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
        // On disk before the rename, and the rename itself on disk after it: otherwise a power
        // cut can leave a published name pointing at an empty file.
        try sync(tmp.path)
        if rename(tmp.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        try? sync(dir.path)
    }

    private static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}

/// File names: `<agency>_<period>.<ext>`, with `..` in a range written as `_to_`.
public enum ReportFileName {
    public static func make(agency: String, period: String, ext: String) -> String {
        "\(agency)_\(period.replacingOccurrences(of: "..", with: "_to_")).\(ext)"
    }
}
