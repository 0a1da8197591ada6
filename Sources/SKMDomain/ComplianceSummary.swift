/// Accumulates judged transactions of one group — a service, an agency, a period; the caller
/// picks the key — into the compliance figures (*kepatuhan waktu penyelesaian*) of SPEC §4.
///
/// Add judgements one by one (or `merge` partial summaries built in parallel), then read
/// `figures`, which sorts once for the median and p90.
public struct ComplianceSummary: Hashable, Sendable {
    /// How many worst cases are kept.
    public static let worstCaseLimit = 10

    /// Judged transactions (rejected ones are counted apart, in `rejected`).
    public private(set) var count = 0
    public private(set) var rejected = 0
    public private(set) var finished = 0
    public private(set) var onTime = 0
    public private(set) var late = 0
    public private(set) var open = 0
    public private(set) var openOverdue = 0
    public private(set) var noPromise = 0

    /// Finished transactions, all of them (with or without a promise).
    private var elapsedHours: [Double] = []
    /// Finished transactions with a promise.
    private var elapsedInUnit: [Double] = []
    private var percentUsed: [Double] = []
    private var capaianSum = 0.0
    /// The unit shared by every measured promise; nil until one is seen or once units differ.
    private var unit: PromiseUnit?
    private var mixedUnits = false
    /// Late and open-overdue cases, most late first, at most `worstCaseLimit`.
    public private(set) var worstCases: [TurnaroundJudgement] = []

    public init() {}

    public mutating func add(_ j: TurnaroundJudgement) {
        count += 1
        switch j.status {
        case .onTime: onTime += 1
        case .late: late += 1
        case .open: open += 1
        case .openOverdue: openOverdue += 1
        case .noPromise: noPromise += 1
        }
        if let u = j.promised?.unit, !mixedUnits {
            if unit == nil { unit = u } else if unit != u { unit = nil; mixedUnits = true }
        }
        if j.finishedAt != nil {
            finished += 1
            elapsedHours.append(j.elapsedHours)
            if let e = j.elapsedInUnit, let p = j.percentUsed {
                elapsedInUnit.append(e)
                percentUsed.append(p)
                capaianSum += j.capaian ?? 0
            }
        }
        if j.status.isLate { insertWorst(j) }
    }

    public mutating func add(_ outcome: TurnaroundOutcome) {
        switch outcome {
        case .judged(let j): add(j)
        case .rejected: rejected += 1
        }
    }

    public mutating func merge(_ o: ComplianceSummary) {
        count += o.count; rejected += o.rejected; finished += o.finished
        onTime += o.onTime; late += o.late; open += o.open; openOverdue += o.openOverdue
        noPromise += o.noPromise
        elapsedHours += o.elapsedHours
        elapsedInUnit += o.elapsedInUnit
        percentUsed += o.percentUsed
        capaianSum += o.capaianSum
        if o.mixedUnits || (unit != nil && o.unit != nil && unit != o.unit) {
            mixedUnits = true; unit = nil
        } else if !mixedUnits, unit == nil {
            unit = o.unit
        }
        for j in o.worstCases { insertWorst(j) }
    }

    /// Worst first: larger lateness, then transaction id for a stable order.
    private static func worse(_ a: TurnaroundJudgement, _ b: TurnaroundJudgement) -> Bool {
        a.latenessSeconds != b.latenessSeconds ? a.latenessSeconds > b.latenessSeconds : a.transactionID < b.transactionID
    }

    private mutating func insertWorst(_ j: TurnaroundJudgement) {
        if worstCases.count == Self.worstCaseLimit, let last = worstCases.last, !Self.worse(j, last) { return }
        let i = worstCases.firstIndex { Self.worse(j, $0) } ?? worstCases.count
        worstCases.insert(j, at: i)
        if worstCases.count > Self.worstCaseLimit { worstCases.removeLast() }
    }

    /// The figures, computed now.
    public var figures: ComplianceFigures {
        let units = elapsedInUnit.sorted(), hours = elapsedHours.sorted(), percents = percentUsed.sorted()
        let judgedLateOrNot = onTime + late + openOverdue
        let measuredFinished = elapsedInUnit.count
        return ComplianceFigures(
            count: count, rejected: rejected, finished: finished, onTime: onTime, late: late,
            open: open, openOverdue: openOverdue, noPromise: noPromise,
            onTimeRate: judgedLateOrNot == 0 ? nil : Double(onTime) / Double(judgedLateOrNot),
            meanCapaian: measuredFinished == 0 ? nil : capaianSum / Double(measuredFinished),
            unit: mixedUnits ? nil : unit,
            medianElapsedHours: Self.median(hours), p90ElapsedHours: Self.p90(hours),
            medianElapsedInUnit: mixedUnits ? nil : Self.median(units),
            p90ElapsedInUnit: mixedUnits ? nil : Self.p90(units),
            medianPercentUsed: Self.median(percents), p90PercentUsed: Self.p90(percents),
            worstCases: worstCases)
    }

    /// The middle value; the mean of the two middle ones for an even count.
    static func median(_ sorted: [Double]) -> Double? {
        let n = sorted.count
        guard n > 0 else { return nil }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Nearest rank: the smallest value with at least 90 % of the values at or below it — an
    /// observed value, so an office can read it as "9 in 10 files took at most this".
    static func p90(_ sorted: [Double]) -> Double? {
        let n = sorted.count
        guard n > 0 else { return nil }
        return sorted[(9 * n + 9) / 10 - 1]
    }
}

/// The compliance figures of one group, ready for a report (JSON keys are the property names).
public struct ComplianceFigures: Hashable, Sendable, Codable {
    public var count: Int
    public var rejected: Int
    public var finished: Int
    public var onTime: Int
    public var late: Int
    public var open: Int
    public var openOverdue: Int
    public var noPromise: Int
    /// *Persentase tepat waktu*: on time / (on time + late + open past the deadline). An open
    /// file past its deadline is already late; leaving it out would reward not finishing it.
    /// Transactions without a promise and open ones within their deadline are not counted.
    public var onTimeRate: Double?
    /// Mean *capaian* (percent) over finished transactions with a promise.
    public var meanCapaian: Double?
    /// The promise unit the `…InUnit` figures are in; nil when the group mixes units.
    public var unit: PromiseUnit?
    /// Over finished transactions, with or without a promise; pauses taken out.
    public var medianElapsedHours: Double?
    public var p90ElapsedHours: Double?
    /// Over finished transactions with a promise; nil when units are mixed.
    public var medianElapsedInUnit: Double?
    public var p90ElapsedInUnit: Double?
    /// Percent of the promise used, over finished transactions with a promise.
    public var medianPercentUsed: Double?
    public var p90PercentUsed: Double?
    /// The latest cases (late or open past the deadline), most late first, at most ten.
    public var worstCases: [TurnaroundJudgement]
}
