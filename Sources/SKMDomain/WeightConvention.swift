/// How the weight (*bobot*) of each unsur is written down.
///
/// The exact weight is 1/(number of unsur). The regulation's worked example rounds it to
/// 0.11 (a perfect survey then scores 99.00) and many offices use 0.111 (99.90); an office
/// that wants to match its earlier reports can choose either, and every report states it.
public enum WeightConvention: String, CaseIterable, Sendable, Codable {
    case exact
    case threeDecimals = "0.111"
    case twoDecimals = "0.11"

    public func weight(unsurCount: Int) -> Double {
        let exact = 1.0 / Double(unsurCount)
        switch self {
        case .exact: return exact
        case .threeDecimals: return (exact * 1000).rounded() / 1000
        case .twoDecimals: return (exact * 100).rounded() / 100
        }
    }

    /// What a report prints, e.g. "1/9 (eksak)" or "0,111".
    public func describe(unsurCount: Int) -> String {
        switch self {
        case .exact: return "1/\(unsurCount)"
        case .threeDecimals, .twoDecimals: return String(weight(unsurCount: unsurCount))
        }
    }
}
