import SKMDomain
import SKMStorage

/// The office's IKM in one period of the report's history (Ringkasan's line chart, JSON `history`).
public struct HistoryPoint: Codable, Sendable, Equatable {
    /// `2024-S2`, `2025-Q1` …: the report's kind of period.
    public var period: String
    /// Nil when suppressed in a published report (fewer than 5).
    public var respondents: Int?
    public var ikmConverted: Double?
    public var mutu: String?
}

/// The office's IKM over the report's period and up to five before it, oldest first: what a
/// head of office asks after "how did we do" — "and before?".
///
/// The two latest periods are the report's own scan (its tallies and the previous period's,
/// already read for the change); the four before them are one more read of month tallies
/// (`olderTallies`), merged per period as the report's figures are. Periods before the office
/// had any response are left out, so the line starts where the data does. A range period
/// (`FROM..TO`) has no history beyond the range before it.
enum IKMHistory {
    /// How many periods the history shows, the report's own included.
    static let length = 6

    /// The periods whose tallies `olderTallies` reads, oldest first (empty for a range).
    static func olderPeriods(before period: Period) -> [Period] {
        guard period.kind != .range else { return [] }
        var out: [Period] = []
        var p = period.previous
        for _ in 0..<(length - 2) { p = p.previous; out.insert(p, at: 0) }
        return out
    }

    /// Month tallies of `olderPeriods`, in one read.
    static func olderTallies(store: any SurveyStore, agency: String, period: Period, method: IKMMethod) throws -> [ServiceMonth: ResponseTally] {
        let older = olderPeriods(before: period)
        guard let first = older.first, let last = older.last else { return [:] }
        return try store.monthlyResponseTallies(agency: agency, from: first.start, through: last.end, method: method)
    }

    static func points(period: Period, current: ResponseTally, previous: ResponseTally, older: [ServiceMonth: ResponseTally],
                       services: Set<String>, method: IKMMethod, weights: WeightConvention) -> [HistoryPoint] {
        let k = method.unsur.count
        var tallies: [(Period, ResponseTally)] = olderPeriods(before: period).map { p in
            var t = ResponseTally(unsurCount: k)
            for (key, month) in older.sorted(by: { $0.key < $1.key }) where services.contains(key.service) && key.isIn(p) { t.merge(month) }
            return (p, t)
        }
        tallies += [(period.previous, previous), (period, current)]
        let points = tallies.map { p, t in
            let s = IKMScore.compute(t, method: method, weights: weights)
            return HistoryPoint(period: p.description, respondents: s.respondents, ikmConverted: s.converted, mutu: s.mutu?.rawValue)
        }
        return Array(points.drop { ($0.respondents ?? 0) == 0 })
    }
}
