import SKMDomain

/// A warning printed with a report's figures (under *Catatan*), as a typed value that each
/// writer words in its language (`ReportLabels.warning`).
///
/// The JSON report has always carried warnings as Indonesian sentences, so a warning is
/// encoded as its Indonesian wording, byte for byte as before, and read back as `.text`.
public enum ReportWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    case ikm(IKMWarning)
    /// Responses for service codes the catalog does not know were left out.
    case servicesOutsideCatalog([String])
    /// The period starts before the decree's standards were in force (the earliest day given).
    case receivedBeforeStandard(LocalDate)
    /// A report for publication leaves out late cases, saran and rejected rows.
    case forPublication
    /// A warning read back from a JSON report, as it was written.
    case text(String)

    public init(from decoder: Decoder) throws {
        self = .text(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// The Indonesian wording (what the JSON carries and the CLI prints).
    public var description: String { ReportLabels.indonesian.warning(self) }
}
