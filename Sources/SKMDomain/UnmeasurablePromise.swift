/// Why a standard's completion-time text promises nothing measurable: a typed reason the
/// edges word (`ReportLabels.unmeasurable`), never a sentence built here.
///
/// Catalog files have always stored the reason as text (`no_promise_reason`), so the reason
/// is encoded as that text — its `code` — and a text the parser never gives (a reviewer's own
/// words) is kept as `.stated`.
public enum UnmeasurablePromise: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text says the service is given en masse (*secara massal*), with no time.
    case massService
    /// The text gives only service days or hours (*jam pelayanan*), not a completion time.
    case serviceHoursOnly
    /// The text names no completion time that can be measured.
    case noMeasurableTime
    /// The catalog's reviewer gave this reason in their own words.
    case stated(String)

    /// The text catalog files store; the parser's three reasons keep the wording files have had.
    public var code: String {
        switch self {
        case .massService: "tidak menyebut waktu penyelesaian (pelayanan dilakukan secara massal)"
        case .serviceHoursOnly: "hanya menyebut hari/jam pelayanan, bukan waktu penyelesaian"
        case .noMeasurableTime: "tidak menyebut waktu penyelesaian yang terukur"
        case .stated(let text): text
        }
    }

    /// The reason a stored `code` stands for.
    public init(code: String) {
        self = [Self.massService, .serviceHoursOnly, .noMeasurableTime].first { $0.code == code } ?? .stated(code)
    }

    public init(stringLiteral value: String) { self.init(code: value) }

    public init(from decoder: Decoder) throws {
        self.init(code: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    /// The stored code, for logs and the catalog tools that print it as it is stored.
    public var description: String { code }
}
