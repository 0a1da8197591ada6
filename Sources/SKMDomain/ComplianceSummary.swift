/// Accumulates judged transactions of one group — a service, an agency, a period; the caller
/// picks the key — into the compliance figures (*kepatuhan waktu penyelesaian*) of docs/turnaround-rules.md.
///
/// Add judgements one by one (or `merge` partial summaries built in parallel), then read
/// `figures`. Memory stays bounded whatever the number of transactions: medians and p90s come
/// from histograms read to the minute, the whole day or percent, or 1/100 month (see
/// `QuantileHistogram`); only the ten worst cases are kept whole.
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

    /// Every transaction added, judged or rejected: the rows of the group. For a service and
    /// period that is the survey's population (*populasi*), counted while judging them.
    public var transactions: Int { count + rejected }

    /// Finished transactions, all of them (with or without a promise), read to the minute.
    private var elapsedHours = QuantileHistogram(scale: 60)
    /// Finished transactions with a promise, in the group's unit: whole minutes for minutes and
    /// hours, whole days (they are whole anyway), 1/100 month. Left empty once units mix.
    private var elapsedInUnit = QuantileHistogram(scale: 1)
    /// Read to the whole percent.
    private var percentUsed = QuantileHistogram(scale: 1)
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
            if unit == nil {
                unit = u
                elapsedInUnit = QuantileHistogram(scale: Self.scale(u))
            } else if unit != u {
                unit = nil; mixedUnits = true
            }
        }
        if j.finishedAt != nil {
            finished += 1
            elapsedHours.add(j.elapsedHours)
            if let e = j.elapsedInUnit, let p = j.percentUsed {
                if !mixedUnits { elapsedInUnit.add(e) }
                percentUsed.add(p)
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
        elapsedHours.merge(o.elapsedHours)
        percentUsed.merge(o.percentUsed)
        capaianSum += o.capaianSum
        if o.mixedUnits || (unit != nil && o.unit != nil && unit != o.unit) {
            mixedUnits = true; unit = nil
            elapsedInUnit = QuantileHistogram(scale: 1)
        } else if !mixedUnits, o.unit != nil {
            if unit == nil { elapsedInUnit = o.elapsedInUnit } else { elapsedInUnit.merge(o.elapsedInUnit) }
            unit = o.unit
        }
        for j in o.worstCases { insertWorst(j) }
    }

    /// Histogram resolution per unit: to the minute for time units, whole days, 1/100 month.
    static func scale(_ unit: PromiseUnit) -> Double {
        switch unit {
        case .minutes, .calendarDays, .workingDays: 1
        case .hours: 60
        case .months: 100
        }
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
        let judgedLateOrNot = onTime + late + openOverdue
        let measuredFinished = percentUsed.total
        return ComplianceFigures(
            count: count, rejected: rejected, finished: finished, onTime: onTime, late: late,
            open: open, openOverdue: openOverdue, noPromise: noPromise,
            onTimeRate: judgedLateOrNot == 0 ? nil : Double(onTime) / Double(judgedLateOrNot),
            meanCapaian: measuredFinished == 0 ? nil : capaianSum / Double(measuredFinished),
            medianCapaian: percentUsed.median.map { 200 - $0 },
            unit: mixedUnits ? nil : unit,
            medianElapsedHours: elapsedHours.median, p90ElapsedHours: elapsedHours.p90,
            medianElapsedInUnit: mixedUnits ? nil : elapsedInUnit.median,
            p90ElapsedInUnit: mixedUnits ? nil : elapsedInUnit.p90,
            medianPercentUsed: percentUsed.median, p90PercentUsed: percentUsed.p90,
            worstCases: worstCases)
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
    /// Mean *capaian* (percent) over finished transactions with a promise. One file finished
    /// days late against a 30-minute promise has a capaian of −14 000 %, so the mean can be
    /// dragged far down by a few cases; `medianCapaian` is not.
    public var meanCapaian: Double?
    /// Median *capaian*: 200 − the median percent of the promise used (capaian falls as the
    /// percent used rises, so the median of one is read off the other; to the whole percent).
    public var medianCapaian: Double?
    /// The promise unit the `…InUnit` figures are in; nil when the group mixes units.
    public var unit: PromiseUnit?
    /// Over finished transactions, with or without a promise; pauses taken out; to the minute.
    public var medianElapsedHours: Double?
    public var p90ElapsedHours: Double?
    /// Over finished transactions with a promise; nil when units are mixed; to the minute,
    /// whole day or 1/100 month.
    public var medianElapsedInUnit: Double?
    public var p90ElapsedInUnit: Double?
    /// Percent of the promise used, over finished transactions with a promise; to the whole percent.
    public var medianPercentUsed: Double?
    public var p90PercentUsed: Double?
    /// The latest cases (late or open past the deadline), most late first, at most ten.
    public var worstCases: [TurnaroundJudgement]
}
