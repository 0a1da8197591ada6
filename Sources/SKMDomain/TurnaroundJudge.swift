/// Judges a whole transaction register: holds each agency's working calendar and each
/// service's standard history, and looks them up per transaction.
///
/// Built once per run; `judgeAll` is the bulk path (no per-day loops, one dictionary lookup
/// per agency and per service, reused while consecutive transactions share them).
public struct TurnaroundJudge: Sendable {
    /// Agency code → its working calendar.
    public var calendars: [String: WorkingCalendar]
    /// Agency code → service code → the versions of its standard.
    public var standards: [String: [String: StandardHistory]]

    public init(calendars: [String: WorkingCalendar], standards: [String: [String: StandardHistory]]) {
        self.calendars = calendars
        self.standards = standards
    }

    /// From agency records — one per decree, so an agency code may appear several times with
    /// successive versions of its standards. The calendar comes from `calendar(agency)` for the
    /// record with the latest decree (its time zone and hours).
    public init(agencies: [Agency], calendar: (Agency) throws -> WorkingCalendar) throws {
        var latest: [String: Agency] = [:]
        var services: [String: [ServiceStandard]] = [:]
        for a in agencies {
            if let l = latest[a.code], l.decree.date > a.decree.date {} else { latest[a.code] = a }
            services[a.code, default: []] += a.services
        }
        var calendars: [String: WorkingCalendar] = [:]
        for (code, a) in latest { calendars[code] = try calendar(a) }
        var standards: [String: [String: StandardHistory]] = [:]
        for (code, list) in services { standards[code] = try StandardHistory.byCode(list) }
        self.init(calendars: calendars, standards: standards)
    }

    /// Judges one transaction; an unknown agency or service is a rejection of its data.
    public func judge(_ tx: Transaction, asOf: Int64) throws(CalendarError) -> TurnaroundOutcome {
        guard let calendar = calendars[tx.agency] else {
            return .rejected(.init(transactionID: tx.id, reason: .unknownAgency(tx.agency)))
        }
        guard let history = standards[tx.agency]?[tx.service] else {
            return .rejected(.init(transactionID: tx.id,
                                   reason: .unknownService(tx.service, agency: tx.agency)))
        }
        let receivedOn = calendar.timeZone.local(tx.receivedAt).date
        return try Turnaround.judge(tx, standard: history.inForce(on: receivedOn), calendar: calendar, asOf: asOf)
    }

    /// Judges every transaction in order, handing each outcome to `body` — the streaming
    /// path: nothing is kept, so memory does not grow with the register. Lookups are reused
    /// while consecutive transactions share agency and service (sort by them for speed).
    /// Stops at the first year whose holidays are missing: that is a set-up error for the
    /// whole run, not a fault of one transaction.
    public func judgeEach<S: Sequence<Transaction>>(_ transactions: S, asOf: Int64,
                                                   _ body: (Transaction, TurnaroundOutcome) -> Void) throws(CalendarError) {
        var lastAgency = "", lastService = ""
        var calendar: WorkingCalendar?, history: StandardHistory?
        for tx in transactions {
            if tx.agency != lastAgency || tx.service != lastService {
                lastAgency = tx.agency
                lastService = tx.service
                calendar = calendars[tx.agency]
                history = standards[tx.agency]?[tx.service]
            }
            guard let calendar, let history else {
                body(tx, try judge(tx, asOf: asOf))  // builds the rejection
                continue
            }
            let receivedOn = calendar.timeZone.local(tx.receivedAt).date
            body(tx, try Turnaround.judge(tx, standard: history.inForce(on: receivedOn), calendar: calendar, asOf: asOf))
        }
    }

    /// Every outcome, in the order of `transactions`.
    public func judgeAll(_ transactions: [Transaction], asOf: Int64) throws(CalendarError) -> [TurnaroundOutcome] {
        var out: [TurnaroundOutcome] = []
        out.reserveCapacity(transactions.count)
        try judgeEach(transactions, asOf: asOf) { out.append($1) }
        return out
    }

    /// One compliance summary per group, e.g. `by: { ServiceKey(agency: $0.agency, service: $0.service) }`;
    /// rejected transactions count in their group's `rejected`. Filter the transactions to the
    /// period (by local receipt date) before, or make the period part of the key.
    public func summarize<Key: Hashable, S: Sequence<Transaction>>(
        _ transactions: S, asOf: Int64, by key: (Transaction) -> Key
    ) throws(CalendarError) -> [Key: ComplianceSummary] {
        var groups: [Key: ComplianceSummary] = [:]
        try judgeEach(transactions, asOf: asOf) { tx, outcome in
            groups[key(tx), default: ComplianceSummary()].add(outcome)
        }
        return groups
    }
}
