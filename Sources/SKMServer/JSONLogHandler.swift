import Foundation
import Logging

/// A swift-log handler that writes one JSON object per line (time, level, label, message and
/// every metadata key, `request_id` included), so a log collector can index the server's logs
/// without parsing free text.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: @Sendable (String) -> Void

    /// Writes to standard error unless a sink is given (tests collect lines).
    public init(label: String, level: Logger.Level = .info, sink: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.logLevel = level
        self.sink = sink ?? { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": Self.timestamp(),
            "level": event.level.rawValue,
            "label": label,
            "message": event.message.description,
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (k, v) in merged where object[k] == nil { object[k] = Self.plain(v) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        sink(String(decoding: data, as: UTF8.self))
    }

    static func plain(_ v: Logger.Metadata.Value) -> Any {
        switch v {
        case let .string(s): s
        case let .stringConvertible(c as Int): c  // numbers stay numbers (status, durations)
        case let .stringConvertible(c as Double): c
        case let .stringConvertible(c): c.description
        case let .array(a): a.map(plain)
        case let .dictionary(d): d.mapValues(plain)
        }
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
