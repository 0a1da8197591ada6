/// One element of service that respondents rate (*unsur pelayanan*), e.g. "Persyaratan".
///
/// Unsur are identified by `code` and name, never by their position on a form: the
/// regulation lists Pengaduan before Sarana but its sample questionnaire asks them the
/// other way round. `QuestionnaireLayout` maps question numbers to unsur.
public struct Unsur: Hashable, Sendable, Codable {
    /// Stable identifier within a method, e.g. "U1".
    public let code: String
    /// Official Indonesian name, e.g. "Waktu Penyelesaian".
    public let name: String
    /// English name for `--lang en` reports.
    public let englishName: String
    /// The questionnaire's answer labels for 1…4 (worst to best). Empty when the method has none.
    public let labels: [String]

    public init(code: String, name: String, englishName: String, labels: [String] = []) {
        self.code = code
        self.name = name
        self.englishName = englishName
        self.labels = labels
    }
}
