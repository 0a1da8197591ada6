import Foundation
import SKMDomain
import SKMStorage

/// Turnaround figures computed from the store: streams the period's transactions through the
/// domain's `TurnaroundJudge` and sums them per service, keeping only the summaries in memory.
public enum StoreCompliance {
    /// A `ComplianceSource` judging open transactions as of `asOf` (UTC seconds).
    public static func source(store: any SurveyStore, asOf: Int64) -> ComplianceSource {
        { agency, period in try compute(store: store, agency: agency, period: period, asOf: asOf) }
    }

    public static func compute(store: any SurveyStore, agency: Agency, period: Period, asOf: Int64)
        throws -> (perService: [String: TimelinessFigures], overall: TimelinessFigures?)
    {
        let r = try reading(store: store, agency: agency, period: period, asOf: asOf)
        return (r.perService, r.overall)
    }

    /// The figures of `compute` and the transactions received per service, counted in the same
    /// scan: the report's population without a second read (see `TurnaroundReading`).
    ///
    /// With `voiceOf`, also what citizens said of the time against the register (`TimeVoice`):
    /// the linked transactions received in the period are judged in this same scan instead of
    /// a second one (a report's slowest read when every response names a transaction).
    public static func reading(store: any SurveyStore, agency: Agency, period: Period, asOf: Int64,
                               voiceOf method: IKMMethod? = nil) throws -> TurnaroundReading {
        let linked = try method.map { try TimeVoice.linkedAnswers(store: store, agency: agency, period: period, method: $0) } ?? []
        var files = LinkedFiles(linked)
        let summaries = try summarise(store: store, agency: agency, period: period, asOf: asOf, by: { service, _ in service }) { t, outcome in
            if !files.isEmpty { files.record(t.id) { outcome.judgement?.status } }
        }
        let (perService, overall) = figures(perService: summaries, agency: agency)
        var reading = TurnaroundReading(perService: perService, overall: overall, received: summaries.mapValues(\.transactions))
        if method != nil {
            reading.timeVoice = try TimeVoice.figures(linked: linked, files: files, periodScanned: true, store: store, agency: agency,
                                                      period: period, asOf: asOf)
        }
        return reading
    }

    /// Per-service and overall figures of per-service summaries.
    static func figures(perService summaries: [String: ComplianceSummary], agency: Agency)
        -> (perService: [String: TimelinessFigures], overall: TimelinessFigures?)
    {
        var overall = ComplianceSummary()
        var perService: [String: TimelinessFigures] = [:]
        for (service, s) in summaries.sorted(by: { $0.key < $1.key }) {  // fixed order: identical sums, identical files
            overall.merge(s)
            perService[service] = figures(s, service: service, agency: agency)
        }
        guard !summaries.isEmpty else { return ([:], nil) }
        var all = figures(overall, service: "", agency: agency)
        all.latestCases = overallCases(perService)
        return (perService, all)
    }

    /// The agency's latest cases from its services' (each most late first): services in code
    /// order, then most late first — the order ties keep (the sort is stable).
    static func overallCases(_ perService: [String: TimelinessFigures]) -> [LateCase] {
        let cases = perService.sorted { $0.key < $1.key }.flatMap(\.value.latestCases)
        return Array(cases.sorted { $0.lateHours > $1.lateHours }.prefix(ComplianceSummary.worstCaseLimit))
    }

    /// Summaries of one agency and period under any grouping of (service, local day of receipt),
    /// e.g. service and quarter, so that many periods cost one read of the rows.
    ///
    /// Calls `Turnaround.judge` with the calendar and standard held here rather than through
    /// `TurnaroundJudge`, whose per-call dictionary lookups copied the calendar and standard
    /// structs (a third of the time in a profile of 200,000 transactions).
    public static func summarise<Key: Hashable>(store: any SurveyStore, agency: Agency, period: Period, asOf: Int64,
                                                by key: (String, LocalDate) -> Key,
                                                observe: ((Transaction, TurnaroundOutcome) -> Void)? = nil) throws -> [Key: ComplianceSummary] {
        let calendar = try WorkingCalendar(agency: agency, holidays: try store.holidays(for: agency.code))
        let histories = try StandardHistory.byCode(agency.services)
        var summaries: [Key: ComplianceSummary] = [:]
        try store.forEachTransaction(agency: agency.code, period: period, inReceiptOrder: false) { t in
            let receivedOn = calendar.timeZone.local(t.receivedAt).date
            let outcome: TurnaroundOutcome
            if let history = histories[t.service] {
                outcome = try Turnaround.judge(t, standard: history.inForce(on: receivedOn), calendar: calendar, asOf: asOf)
            } else {
                outcome = .rejected(.init(transactionID: t.id, reason: .unknownService(t.service, agency: agency.code)))
            }
            observe?(t, outcome)
            summaries[key(t.service, receivedOn), default: ComplianceSummary()].add(outcome)  // in place: no copy
        }
        return summaries
    }

    static func figures(_ s: ComplianceSummary, service: String, agency: Agency) -> TimelinessFigures {
        let f = s.figures
        let zone = agency.timeZone
        return TimelinessFigures(
            count: f.count, finished: f.finished, onTime: f.onTime, late: f.late, open: f.open,
            openOverdue: f.openOverdue, noPromise: f.noPromise, onTimeRate: f.onTimeRate,
            capaianMean: f.capaian, realisasi: f.realisasi, target: f.target, unit: f.unit?.rawValue,
            medianElapsedInUnit: f.medianElapsedInUnit, medianElapsedHours: f.medianElapsedHours, p90ElapsedHours: f.p90ElapsedHours,
            latestCases: f.worstCases.map { lateCase($0, service: service, zone: zone) },
            openOverdueCases: s.worstOpenOverdue.map { lateCase($0, service: service, zone: zone) },
            statusesChangeAt: s.statusesChangeAt)
    }

    static func lateCase(_ j: TurnaroundJudgement, service: String, zone: IndonesianTimeZone) -> LateCase {
        LateCase(transactionId: j.transactionID, service: service,
                 receivedAt: j.receivedOn.description, finishedAt: j.finishedAt.map { stamp($0, zone) },
                 deadline: j.deadline.map { stamp($0, zone) } ?? "",
                 promise: j.promised.map { ($0.description) + (j.variant.map { " (\($0))" } ?? "") } ?? "",
                 status: j.status.rawValue, lateHours: Double(j.latenessSeconds) / 3600, lateSeconds: j.latenessSeconds,
                 promised: j.promised, variant: j.variant)
    }

    /// Local wall-clock text with the zone, e.g. "2024-03-04 16:00 WIB". A deadline at the end
    /// of a day is written "24:00" of that day, as offices write it, not "00:00" of the next.
    public static func stamp(_ instant: Int64, _ zone: IndonesianTimeZone) -> String {
        var l = zone.local(instant)
        if l.minuteOfDay == 0 { l = LocalDateTime(date: l.date.adding(days: -1), minuteOfDay: 1440) }
        return String(format: "%@ %02d:%02d %@", l.date.description, l.minuteOfDay / 60, l.minuteOfDay % 60, zone.rawValue)
    }
}
