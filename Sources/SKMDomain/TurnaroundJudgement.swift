/// Where a transaction stands against its promise (*ketepatan waktu*).
public enum TurnaroundStatus: String, CaseIterable, Sendable, Codable {
    /// Finished at or before the deadline (*tepat waktu*).
    case onTime = "on_time"
    /// Finished after the deadline (*terlambat*).
    case late = "late"
    /// Not finished, deadline not yet passed at the "as of" instant (*dalam proses*).
    case open = "open"
    /// Not finished and the deadline has passed (*dalam proses, melewati batas waktu*).
    case openOverdue = "open_overdue"
    /// The standard in force promises no measurable time, or none was in force.
    case noPromise = "no_promise"

    /// Report label in Bahasa Indonesia.
    public var label: String {
        switch self {
        case .onTime: "Tepat waktu"
        case .late: "Terlambat"
        case .open: "Dalam proses"
        case .openOverdue: "Dalam proses, melewati batas waktu"
        case .noPromise: "Tanpa janji waktu"
        }
    }

    public var isFinished: Bool { self == .onTime || self == .late }
    /// Late already: finished late, or still open past the deadline.
    public var isLate: Bool { self == .late || self == .openOverdue }
}

/// One transaction judged against the standard in force on the day it was received.
///
/// Times are UTC seconds; "elapsed" always has the pauses (time waiting on the applicant)
/// taken out. For an open transaction elapsed and lateness are measured up to `asOf`.
public struct TurnaroundJudgement: Hashable, Sendable, Codable {
    public var transactionID: String
    public var status: TurnaroundStatus
    /// Local date of receipt in the agency's time zone: what periods are grouped by.
    public var receivedOn: LocalDate
    /// Nil while open (also for `.noPromise`, which says nothing about being finished).
    public var finishedAt: Int64?
    /// `validFrom` of the standard version used; nil when none was in force.
    public var standardValidFrom: LocalDate?
    /// Variant whose promise was used (nil for a single promise).
    public var variant: String?
    /// The promise used; nil for `.noPromise`.
    public var promised: PromisedDuration?
    /// Why there is nothing to measure (only for `.noPromise`); worded by the edges
    /// (`ReportLabels.noPromiseReason`).
    public var noPromiseReason: NoPromiseReason?
    /// The last on-time instant, pauses included; nil for `.noPromise`.
    public var deadline: Int64?
    /// Time not counted because the file waited on the applicant, in seconds.
    public var pausedSeconds: Int64
    /// Plain elapsed hours from receipt to finish (or `asOf`), pauses taken out.
    public var elapsedHours: Double
    /// Elapsed in the promise's unit: whole working days or calendar days, fractional minutes,
    /// hours and months (see `Turnaround`). Nil for `.noPromise`.
    public var elapsedInUnit: Double?
    /// The first instant at which this judgement, made again, would say something else: the
    /// second after the deadline of a file still open within it; nil when only new data can
    /// change it. What a server may keep computed figures until (FiguresCache in SKMServer).
    public var statusChangesAt: Int64? {
        status == .open ? deadline.map { $0 + 1 } : nil
    }

    /// elapsedInUnit / promised amount × 100.
    public var percentUsed: Double?
    /// Seconds past the deadline (finish or `asOf` minus deadline); 0 when not late.
    public var latenessSeconds: Int64
    /// Elapsed beyond the promise, in its unit (e.g. 2 hari kerja); 0 when not late.
    public var excessInUnit: Double?

    /// *Capaian* for a lower-is-better target, as the offices compute it:
    /// (1 + (1 − actual / target)) × 100 %. 100 % = exactly the promise, above 100 % =
    /// faster, below = slower (it can go below zero for very late files). Finished only.
    public var capaian: Double? {
        guard status.isFinished, let e = elapsedInUnit, let n = promised?.amount, n > 0 else { return nil }
        return (2 - e / Double(n)) * 100
    }

    public init(transactionID: String, status: TurnaroundStatus, receivedOn: LocalDate,
                finishedAt: Int64? = nil, standardValidFrom: LocalDate? = nil, variant: String? = nil, promised: PromisedDuration? = nil,
                noPromiseReason: NoPromiseReason? = nil, deadline: Int64? = nil, pausedSeconds: Int64 = 0,
                elapsedHours: Double, elapsedInUnit: Double? = nil, percentUsed: Double? = nil,
                latenessSeconds: Int64 = 0, excessInUnit: Double? = nil) {
        self.transactionID = transactionID
        self.status = status
        self.receivedOn = receivedOn
        self.finishedAt = finishedAt
        self.standardValidFrom = standardValidFrom
        self.variant = variant
        self.promised = promised
        self.noPromiseReason = noPromiseReason
        self.deadline = deadline
        self.pausedSeconds = pausedSeconds
        self.elapsedHours = elapsedHours
        self.elapsedInUnit = elapsedInUnit
        self.percentUsed = percentUsed
        self.latenessSeconds = latenessSeconds
        self.excessInUnit = excessInUnit
    }
}

/// Why a transaction has no promise to be judged against.
public enum NoPromiseReason: Hashable, Sendable, Codable {
    /// No version of the service's standard was in force on the local day of receipt.
    case noStandardInForce(on: LocalDate)
    /// The standard promises nothing measurable, for the reason its catalog entry gives.
    case catalogStates(UnmeasurablePromise)
    /// The standard's promise (or the transaction's variant of it) has no measurable duration.
    case notMeasurable
}

/// A transaction that cannot be judged because its own data contradicts itself
/// (*data ditolak*), or names what the catalog does not know. Worded by the edges
/// (`ReportLabels.rejection`).
public struct TurnaroundRejection: Hashable, Sendable, Codable {
    public enum Reason: Hashable, Sendable, Codable {
        case finishedBeforeReceived(finished: Int64, received: Int64, zone: IndonesianTimeZone)
        case pauseEndsBeforeStart(start: Int64, end: Int64, zone: IndonesianTimeZone)
        case pauseBeforeReceipt(pauseStart: Int64, received: Int64, zone: IndonesianTimeZone)
        case pauseAfterFinish(pauseEnd: Int64, finished: Int64, zone: IndonesianTimeZone)
        case unknownAgency(String)
        case unknownService(String, agency: String)
    }

    public var transactionID: String
    public var reason: Reason
    public init(transactionID: String, reason: Reason) {
        self.transactionID = transactionID
        self.reason = reason
    }
}

/// The result of judging one transaction: a judgement or a rejection of its data.
public enum TurnaroundOutcome: Hashable, Sendable {
    case judged(TurnaroundJudgement)
    case rejected(TurnaroundRejection)

    public var judgement: TurnaroundJudgement? {
        if case .judged(let j) = self { j } else { nil }
    }
    public var rejection: TurnaroundRejection? {
        if case .rejected(let r) = self { r } else { nil }
    }
}
