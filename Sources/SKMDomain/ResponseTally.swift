/// Everything the IKM needs from a group of responses, in a form that can be summed:
/// per-unsur answer counts plus per-respondent score sums for the confidence interval.
///
/// Keeping a tally rather than the responses lets storage aggregate with SQL and lets any
/// grouping (agency, service, period, and their combinations) merge tallies cheaply.
public struct ResponseTally: Sendable, Equatable, Codable {
    /// `counts[u][v]` = number of answers `v + 1` to unsur `u`.
    public var counts: [[Int]]
    /// Respondents in the group (a response with every answer empty still counts here).
    public var respondents: Int
    /// Σ and Σ² of each respondent's own score (mean of their answers × 25), for the CI.
    public var scoreSum: Double
    public var scoreSquareSum: Double
    /// Respondents who answered at least one unsur (the ones the CI is computed over).
    public var scoredRespondents: Int

    public init(unsurCount: Int) {
        counts = Array(repeating: [0, 0, 0, 0], count: unsurCount)
        respondents = 0
        scoreSum = 0
        scoreSquareSum = 0
        scoredRespondents = 0
    }

    /// Adds one respondent. `answers[u]` is 1…4; nil — or any other value, such as the 0 a
    /// NULL column reads as — is an empty answer, so scans need not test for NULL.
    public mutating func add(_ answers: [Int?]) {
        respondents += 1
        var sum = 0, n = 0
        for (u, a) in answers.enumerated() where u < counts.count {
            guard let a, (1...4).contains(a) else { continue }
            counts[u][a - 1] += 1
            sum += a
            n += 1
        }
        if n > 0 {
            let s = Double(sum) / Double(n) * 25
            scoreSum += s
            scoreSquareSum += s * s
            scoredRespondents += 1
        }
    }

    public mutating func merge(_ other: ResponseTally) {
        precondition(counts.count == other.counts.count, "tallies of different methods")
        for u in counts.indices { for v in 0..<4 { counts[u][v] += other.counts[u][v] } }
        respondents += other.respondents
        scoreSum += other.scoreSum
        scoreSquareSum += other.scoreSquareSum
        scoredRespondents += other.scoredRespondents
    }
}
