/// Something wrong (or worth a look) in the seeds, with where it is: file, field path
/// (`services[2].promise.default_variant`) or CSV line, and the offending value in the message.
public struct CatalogProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The catalog cannot be used as it is.
        case error
        /// Loadable, but a reviewer should look (e.g. a service with no measurable promise).
        case warning
    }

    public var severity: Severity
    /// Path relative to the seeds directory, e.g. "catalog/pekalongan.json".
    public var file: String
    public var field: String?
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, field: String? = nil, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.field = field
        self.line = line
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let field { place += ": \(field)" }
        return "\(severity.rawValue): \(place): \(message)"
    }
}

/// Loading failed; carries every error found (the first is usually enough to fix).
public struct CatalogLoadError: Error, CustomStringConvertible, Sendable {
    public var problems: [CatalogProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
