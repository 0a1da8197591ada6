import Foundation

/// The score of one unsur in a group: its answer distribution, NRR and weighted NRR.
public struct UnsurScore: Sendable, Equatable {
    public let unsur: Unsur
    /// How many 1s, 2s, 3s and 4s.
    public let distribution: [Int]
    /// Number of answers (empty answers lower this, they never count as 0).
    public var answered: Int { distribution.reduce(0, +) }
    /// *Nilai rata-rata*: Σ answers / answered. Nil when nobody answered (the unsur is absent).
    public let nrr: Double?
    /// *NRR tertimbang*: NRR × bobot.
    public let weightedNRR: Double?
    public var isAbsent: Bool { nrr == nil }
}

/// The IKM of one group of responses, computed by `IKMScore.compute`.
///
/// IKM = Σ NRR × bobot over the unsur present; *IKM unit pelayanan* = IKM × 25.
public struct IKMScore: Sendable, Equatable {
    public let method: IKMMethod
    public let weightConvention: WeightConvention
    /// Weight applied to each present unsur.
    public let weight: Double
    public let respondents: Int
    public let unsur: [UnsurScore]
    /// IKM on the 1–4 scale. Nil when no unsur has any answer.
    public let ikm: Double?
    /// *IKM unit pelayanan* (×25), full precision.
    public let converted: Double?
    /// The converted value rounded half-up to two decimals, as the grade table reads it.
    public var convertedRounded: Double? { converted.map { roundHalfUp($0, places: 2) } }
    public let mutu: Mutu?
    /// The unsur with the lowest NRR (several when tied): the first candidates for improvement.
    public let lowest: [Unsur]
    /// 95% confidence interval of `converted`; nil below two scored respondents.
    public let confidence: ConfidenceInterval?
    /// What a reader must know, e.g. an absent unsur (worded by the edges).
    public let warnings: [IKMWarning]

    /// Scores a tally. `population` (service users in the period), when known, narrows the
    /// interval by the finite-population correction.
    public static func compute(
        _ tally: ResponseTally,
        method: IKMMethod = .permenPANRB14_2017,
        weights: WeightConvention = .exact,
        population: Int? = nil
    ) -> IKMScore {
        precondition(tally.counts.count == method.unsur.count, "tally does not match method \(method.id)")
        let present = tally.counts.filter { $0.reduce(0, +) > 0 }.count
        let weight = present > 0 ? weights.weight(unsurCount: present) : 0
        var scores: [UnsurScore] = []
        var warnings: [IKMWarning] = []
        var ikm = 0.0
        for (u, unsur) in method.unsur.enumerated() {
            let d = tally.counts[u]
            let n = d.reduce(0, +)
            if n == 0 {
                scores.append(UnsurScore(unsur: unsur, distribution: d, nrr: nil, weightedNRR: nil))
                warnings.append(.unsurWithoutAnswers(unsur, present: present))
                continue
            }
            let nrr = Double(d[0] + 2 * d[1] + 3 * d[2] + 4 * d[3]) / Double(n)
            scores.append(UnsurScore(unsur: unsur, distribution: d, nrr: nrr, weightedNRR: nrr * weight))
            ikm += nrr * weight
        }
        let hasScore = present > 0
        let converted = hasScore ? ikm * 25 : nil
        let minNRR = scores.compactMap(\.nrr).min()
        let lowest = minNRR.map { m in scores.filter { s in s.nrr.map { abs($0 - m) < 1e-12 } ?? false }.map(\.unsur) } ?? []
        return IKMScore(
            method: method, weightConvention: weights, weight: weight,
            respondents: tally.respondents, unsur: scores,
            ikm: hasScore ? ikm : nil, converted: converted,
            mutu: converted.map { Mutu.grade(converted: $0, method: method) },
            lowest: lowest,
            confidence: converted.flatMap { ConfidenceInterval.around($0, tally: tally, population: population) },
            warnings: hasScore ? warnings : [.noAnswers]
        )
    }
}
