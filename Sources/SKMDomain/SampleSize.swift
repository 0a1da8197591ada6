/// Minimum number of respondents for a population, by Krejcie and Morgan (1970), the table
/// PermenPANRB 14/2017 refers to.
///
/// S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05, rounded to the
/// nearest whole number — that reproduces the published table (100→80, 2000→322, 10⁶→384).
public enum KrejcieMorgan {
    public static func minimumSample(population n: Int) -> Int {
        guard n > 0 else { return 0 }
        let chi2 = 3.841, p = 0.5, d = 0.05
        let N = Double(n)
        let s = chi2 * N * p * (1 - p) / (d * d * (N - 1) + chi2 * p * (1 - p))
        return Int(s.rounded())
    }
}

/// Whether a period's respondents are enough for its population.
public struct SampleAdequacy: Sendable, Equatable, Codable {
    public let population: Int
    public let required: Int
    public let respondents: Int
    public var isAdequate: Bool { respondents >= required }
    /// False when neither a transaction register nor a stated population gave a figure: the
    /// check cannot be made (and must not read as "10/0", adequate).
    public var isPopulationKnown: Bool { population > 0 }
    public var shortfall: Int { max(0, required - respondents) }

    public init(population: Int, respondents: Int) {
        self.population = population
        self.required = KrejcieMorgan.minimumSample(population: population)
        self.respondents = respondents
    }
}
