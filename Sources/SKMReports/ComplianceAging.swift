import SKMDomain

/// Turnaround figures judged at one instant, as judging the same rows at a later instant
/// would give them — without reading the rows again, while no open file has passed its
/// deadline in between (`statusesChangeAt`): then only open files past their deadline change,
/// each later by the same seconds, and only in the latest cases.
///
/// Why exact: a case in a service's ten latest at the later instant is either a finished file
/// that was already among them (everything ahead of it then is still ahead), or an open one,
/// which keeps its place among the open ones (all grow alike) — so among the ten worst open
/// ones kept aside (`openOverdueCases`). The agency's list is built from the services' as
/// `StoreCompliance` builds it.
public enum ComplianceAging {
    /// `report` as judged `seconds` later; unchanged when nothing is open past its deadline.
    public static func aged(_ report: EvaluationReport, by seconds: Int64) -> EvaluationReport {
        guard seconds > 0, (report.overall.compliance?.openOverdue ?? 0) > 0 else { return report }
        var r = report
        let perService = Dictionary(r.services.compactMap { s in s.figures.compliance.map { (s.code, $0) } }) { first, _ in first }
        let later = aged(perService: perService, overall: r.overall.compliance, by: seconds)
        for i in r.services.indices where r.services[i].figures.compliance != nil {
            r.services[i].figures.compliance = later.perService[r.services[i].code]
        }
        r.overall.compliance = later.overall
        r.judgedAt = r.judgedAt.map { $0 + seconds }
        return r
    }

    /// Per-service and overall figures (as `StoreCompliance.compute` gives them) as judged
    /// `seconds` later.
    public static func aged(perService: [String: TimelinessFigures], overall: TimelinessFigures?, by seconds: Int64)
        -> (perService: [String: TimelinessFigures], overall: TimelinessFigures?)
    {
        guard seconds > 0, var overall, overall.openOverdue > 0 else { return (perService, overall) }
        let later = perService.mapValues { aged($0, by: seconds) }
        overall.latestCases = StoreCompliance.overallCases(later)
        return (later, overall)
    }

    static func aged(_ f: TimelinessFigures, by seconds: Int64) -> TimelinessFigures {
        guard f.openOverdue > 0 else { return f }
        func later(_ c: LateCase) -> LateCase {
            guard c.status == TurnaroundStatus.openOverdue.rawValue else { return c }
            var c = c
            c.lateSeconds += seconds
            c.lateHours = Double(c.lateSeconds) / 3600
            return c
        }
        var f = f
        var seen: Set<String> = []
        let cases = (f.latestCases + f.openOverdueCases).map(later).filter { seen.insert($0.transactionId).inserted }
        f.latestCases = Array(cases.sorted { ComplianceSummary.worse($0.lateSeconds, $0.transactionId, than: $1.lateSeconds, $1.transactionId) }
            .prefix(ComplianceSummary.worstCaseLimit))
        f.openOverdueCases = f.openOverdueCases.map(later)
        return f
    }
}
