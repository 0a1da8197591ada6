import Foundation

/// A 95% confidence interval for a converted IKM (×25).
///
/// Computed from each respondent's own score (the mean of their answers × 25): the standard
/// error is s/√n, narrowed by the finite-population correction √((N−n)/(N−1)) when the
/// population N is known, and the half-width is 1.96 standard errors (normal approximation,
/// reasonable from about 30 respondents). With every answer present the mean of respondent
/// scores equals the IKM exactly; with gaps it is close, and the interval is centred on the IKM.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double
    public let standardError: Double
    public var halfWidth: Double { (upper - lower) / 2 }

    public static let z95 = 1.959963984540054

    static func around(_ centre: Double, tally: ResponseTally, population: Int?) -> ConfidenceInterval? {
        let n = Double(tally.scoredRespondents)
        guard n >= 2 else { return nil }
        let mean = tally.scoreSum / n
        let variance = max(0, (tally.scoreSquareSum - n * mean * mean) / (n - 1))
        var se = (variance / n).squareRoot()
        if let N = population, Double(N) > n, N > 1 {
            se *= ((Double(N) - n) / Double(N - 1)).squareRoot()
        } else if let N = population, N > 0, Double(N) <= n {
            se = 0  // the whole population answered: no sampling error
        }
        let h = z95 * se
        return ConfidenceInterval(lower: max(25, centre - h), upper: min(100, centre + h), standardError: se)
    }
}

/// The change of an IKM against the previous period of the same length, and whether it is
/// larger than sampling noise (|Δ| > 1.96·√(se₁² + se₂²)).
public struct IKMChange: Sendable, Equatable, Codable {
    public let previous: Double
    public let current: Double
    public var delta: Double { current - previous }
    public let isSignificant: Bool

    public init(previous: IKMScore, current: IKMScore) {
        self.previous = previous.converted ?? 0
        self.current = current.converted ?? 0
        let se1 = previous.confidence?.standardError ?? .infinity
        let se2 = current.confidence?.standardError ?? .infinity
        let noise = ConfidenceInterval.z95 * (se1 * se1 + se2 * se2).squareRoot()
        isSignificant = abs(self.current - self.previous) > noise
    }

    public init?(previous: IKMScore?, current: IKMScore) {
        guard let previous, previous.converted != nil, current.converted != nil else { return nil }
        self.init(previous: previous, current: current)
    }
}
