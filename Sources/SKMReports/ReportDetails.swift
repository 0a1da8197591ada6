import SKMDomain
import SKMStorage

/// The report's two long lists — saran and rejected rows — as something to read while writing
/// rather than arrays to hold: a province's year has hundreds of thousands of saran, and holding
/// them made the report's memory grow with the input.
///
/// `held` reads them from the report itself (what tests and the server use); `fromStore`
/// streams them from the store; a built report holds none (`ReportBuilder`).
public struct ReportDetails {
    public var suggestionCount: Int
    public var forEachSuggestion: ((Suggestion) throws -> Void) throws -> Void
    public var rejectCount: Int
    public var forEachReject: ((RejectRecord) throws -> Void) throws -> Void

    public static func held(_ r: EvaluationReport) -> ReportDetails {
        ReportDetails(suggestionCount: r.suggestions.count, forEachSuggestion: { body in try r.suggestions.forEach(body) },
                      rejectCount: r.rejects.count, forEachReject: { body in try r.rejects.forEach(body) })
    }

    /// The lists of a built report, from the store. A report for publication has none.
    /// `suggestions`: the saran already gathered by the response scan
    /// (`periodResponses(spoolingSuggestions:)`), instead of a read of the store per writer.
    public static func fromStore(_ store: any SurveyStore, report r: EvaluationReport, suggestions spool: SuggestionSpool? = nil) throws -> ReportDetails {
        guard !r.forPublication, let period = Period(parsing: r.period.id) else { return .held(r) }
        let agency = r.agency.code
        let zone = IndonesianTimeZone(name: r.agency.timeZone) ?? .wib
        return ReportDetails(
            suggestionCount: try spool?.count ?? store.suggestionCount(agency: agency, period: period),
            forEachSuggestion: { body in
                if let spool { try spool.forEach(body) } else { try store.forEachSuggestion(agency: agency, period: period, body) }
            },
            rejectCount: try store.rejectCount(agency: agency, period: period, zone: zone),
            forEachReject: { body in try store.forEachReject(agency: agency, period: period, zone: zone, body) })
    }
}
