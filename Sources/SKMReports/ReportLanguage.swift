/// The language of a report's labels. Bahasa Indonesia is the default: the head of office
/// (*kepala dinas*) reads the workbook; English is for partners and auditors.
public enum ReportLanguage: String, CaseIterable, Sendable, Codable {
    case id
    case en

    /// Accepts `id`, `en` and the usual spellings (`indonesia`, `english`), case-insensitively.
    public init?(code: String) {
        switch code.lowercased() {
        case "id", "ind", "indonesia", "bahasa", "in": self = .id
        case "en", "eng", "english": self = .en
        default: return nil
        }
    }

    public var labels: ReportLabels {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
