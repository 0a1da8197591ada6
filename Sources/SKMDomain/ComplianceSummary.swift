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
    /// Per promise unit: finished transactions with a promise, their elapsed and promised
    /// amounts summed in that unit — what capaian is computed from (`capaian(_:)`).
    private var perUnit: [PromiseUnit: UnitSums] = [:]
    /// The unit shared by every measured promise; nil until one is seen or once units differ.
    private var unit: PromiseUnit?
    private var mixedUnits = false
    /// Late and open-overdue cases, most late first, at most `worstCaseLimit`.
    public private(set) var worstCases: [TurnaroundJudgement] = []
    /// Open files past their deadline, most late first, at most `worstCaseLimit`. Their
    /// lateness grows with the instant they are judged at, so the worst cases at a later
    /// instant are among these and `worstCases` (FiguresCache ages kept figures with them).
    public private(set) var worstOpenOverdue: [TurnaroundJudgement] = []
    /// The first instant an open file within its deadline passes it (`statusChangesAt`).
    public private(set) var statusesChangeAt: Int64?

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
                if let promised = j.promised {
                    perUnit[promised.unit, default: UnitSums()].add(elapsed: e, target: Double(promised.amount))
                }
            }
        }
        if j.status.isLate { Self.insertWorst(j, into: &worstCases) }
        if j.status == .openOverdue { Self.insertWorst(j, into: &worstOpenOverdue) }
        if let c = j.statusChangesAt { statusesChangeAt = min(statusesChangeAt ?? c, c) }
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
        perUnit.merge(o.perUnit) { a, b in a.merged(b) }
        if o.mixedUnits || (unit != nil && o.unit != nil && unit != o.unit) {
            mixedUnits = true; unit = nil
            elapsedInUnit = QuantileHistogram(scale: 1)
        } else if !mixedUnits, o.unit != nil {
            if unit == nil { elapsedInUnit = o.elapsedInUnit } else { elapsedInUnit.merge(o.elapsedInUnit) }
            unit = o.unit
        }
        for j in o.worstCases { Self.insertWorst(j, into: &worstCases) }
        for j in o.worstOpenOverdue { Self.insertWorst(j, into: &worstOpenOverdue) }
        if let c = o.statusesChangeAt { statusesChangeAt = min(statusesChangeAt ?? c, c) }
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
        worse(a.latenessSeconds, a.transactionID, than: b.latenessSeconds, b.transactionID)
    }

    /// The order of the worst cases, for lists kept outside a summary (ComplianceAging).
    public static func worse(_ lateness: Int64, _ id: String, than otherLateness: Int64, _ otherID: String) -> Bool {
        lateness != otherLateness ? lateness > otherLateness : id < otherID
    }

    private static func insertWorst(_ j: TurnaroundJudgement, into list: inout [TurnaroundJudgement]) {
        if list.count == worstCaseLimit, let last = list.last, !worse(j, last) { return }
        let i = list.firstIndex { worse(j, $0) } ?? list.count
        list.insert(j, at: i)
        if list.count > worstCaseLimit { list.removeLast() }
    }

    /// Sums in one promise unit.
    struct UnitSums: Hashable, Sendable {
        var count = 0
        var elapsed = 0.0
        var target = 0.0
        mutating func add(elapsed e: Double, target t: Double) { count += 1; elapsed += e; target += t }
        func merged(_ o: UnitSums) -> UnitSums { UnitSums(count: count + o.count, elapsed: elapsed + o.elapsed, target: target + o.target) }
        /// (1 + (1 − realisasi / target)) × 100 %, never below 0 %; realisasi and target are the
        /// means, so their ratio is Σ elapsed / Σ promised (the same when every file has one promise).
        var capaian: Double? { target > 0 ? max(0, (2 - elapsed / target) * 100) : nil }
    }

    /// Capaian of the group (docs/turnaround-rules.md): of the period's mean completion time
    /// against the promise, in the promise's unit; with several units (an agency whose services
    /// promise minutes and days) no mean time exists, so the capaian of each unit weighted by
    /// its finished transactions.
    static func capaian(_ perUnit: [PromiseUnit: UnitSums]) -> Double? {
        // In a fixed order: a dictionary's order changes per process, and so would the sum's last bit.
        let measured = PromiseUnit.allCases.compactMap { perUnit[$0] }.filter { $0.target > 0 }
        let n = measured.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        if measured.count == 1 { return measured[0].capaian }
        return measured.reduce(0.0) { $0 + ($1.capaian ?? 0) * Double($1.count) } / Double(n)
    }

    /// The figures, computed now.
    public var figures: ComplianceFigures {
        let judgedLateOrNot = onTime + late + openOverdue
        let single = perUnit.count == 1 ? perUnit.first?.value : nil
        return ComplianceFigures(
            count: count, rejected: rejected, finished: finished, onTime: onTime, late: late,
            open: open, openOverdue: openOverdue, noPromise: noPromise,
            onTimeRate: judgedLateOrNot == 0 ? nil : Double(onTime) / Double(judgedLateOrNot),
            capaian: Self.capaian(perUnit),
            realisasi: single.map { $0.elapsed / Double($0.count) },
            target: single.map { $0.target / Double($0.count) },
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
    /// *Capaian* (percent) of the period: (1 + (1 − realisasi / target)) × 100 %, never below
    /// 0 %, realisasi being the mean completion time of finished transactions with a promise
    /// in the promise's unit (docs/turnaround-rules.md). 100 % = on average exactly the
    /// promise. Read beside `medianElapsedInUnit`: a few very late files pull the mean, not the median.
    public var capaian: Double?
    /// *Realisasi*: the mean completion time of finished transactions with a promise, in `unit`;
    /// nil when units are mixed.
    public var realisasi: Double?
    /// The mean promised time of those transactions, in `unit` (the promise, when all have one).
    public var target: Double?
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
