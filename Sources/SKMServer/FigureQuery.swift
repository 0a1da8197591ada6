import Foundation
import SKMDomain
import SKMReports

/// The filters of the figure and report endpoints, the same as the CLI's: `period` (required:
/// `2025-03`, `2024-S1`, `2024-Q3`, `2024`, `2024-01-01..2024-03-31`, or `previous-…` /
/// `current-…` `month|quarter|semester|year`, resolved in the agency's zone when asked, see
/// `period(in:)`; the response's `period` names the concrete one), `service`, `method`
/// (`permenpanrb-14-2017` | `kepmenpan-25-2004`), `weights` (`exact` | `0.111` | `0.11`),
/// `population` (for the sample check instead of the period's transactions),
/// `for_publication` (profile cells under 5 hidden), `as_of` (judge open transactions as of
/// the end of that local day, `YYYY-MM-DD`, or an ISO 8601 instant with offset; default now).
public struct FigureQuery: Sendable {
    /// As asked for; `period(in:)` gives the concrete period.
    public var periodSpec: PeriodSpec
    /// The concrete period of a fixed `periodSpec`; a relative one resolved in WIB. Endpoints
    /// answering for an agency use `period(in: agency.timeZone)`.
    public var period: Period { period(in: .wib) }
    public var service: String?
    public var options: ReportOptions
    public var asOf: AsOf?

    /// When open transactions are judged (the end of a day in the agency's zone, or an instant).
    public typealias AsOf = SKMDomain.AsOf

    public init(period: PeriodSpec, service: String? = nil, options: ReportOptions = .init(), asOf: AsOf? = nil) {
        self.periodSpec = period
        self.service = service
        self.options = options
        self.asOf = asOf
    }

    /// `YYYY-MM-DD..YYYY-MM-DD` in shape (the OpenAPI pattern's), whether or not the days exist.
    static func isRangeShaped(_ p: String) -> Bool {
        let b = Array(p.utf8)
        guard b.count == 22, b[10] == 0x2E, b[11] == 0x2E else { return false }
        return [0, 12].allSatisfy { o in
            (0..<10).allSatisfy { i in [4, 7].contains(i) ? b[o + i] == 0x2D : (0x30...0x39).contains(b[o + i]) }
        }
    }

    /// Parses query parameters; a bad one is a 400 naming it (a range of days that do not
    /// exist, which the OpenAPI pattern cannot tell, a 422).
    public init(parameters: [String: String]) throws {
        func bad(_ name: String, _ detail: String) -> Problem { Problem(.invalidParameter, detail: detail, field: name) }
        guard let p = parameters["period"], !p.isEmpty else {
            throw bad("period", "Query parameter 'period' is required, e.g. period=2024-S1.")
        }
        guard let period = PeriodSpec(parsing: p) else {
            if Self.isRangeShaped(p) {  // written as a range, but a day that does not exist or backwards: 422
                throw Problem(.invalidField, detail: "'\(p)' is not a range of real days, first to last (e.g. 2024-01-01..2024-03-31).",
                              field: "period")
            }
            throw bad("period", "'\(p)' is not a period: use 2025-03, 2024-Q3, 2024-S1, 2024, 2024-01-01..2024-03-31 or previous-/current-month, -quarter, -semester, -year.")
        }
        var options = ReportOptions()
        options.generatedBy = "skm serve"
        if let m = parameters["method"] {
            guard let method = IKMMethod.named(m) else {
                throw bad("method", "Unknown method '\(m)'; use one of: \(IKMMethod.all.map(\.id).joined(separator: ", ")).")
            }
            options.method = method
            options.layout = QuestionnaireLayout.all.first { $0.method == method }!
        }
        if let w = parameters["weights"] {
            guard let weights = WeightConvention(rawValue: w) else {
                throw bad("weights", "Unknown weights '\(w)'; use one of: \(WeightConvention.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            options.weights = weights
        }
        if let f = parameters["for_publication"] {
            guard let b = Bool(f.lowercased()) else { throw bad("for_publication", "Use true or false, not '\(f)'.") }
            options.forPublication = b
        }
        if let p = parameters["population"] {
            guard let n = Int(p), n > 0 else { throw bad("population", "Use a positive whole number, not '\(p)'.") }
            options.population = n
        }
        var asOf: AsOf?
        if let a = parameters["as_of"] {
            if let d = Validator.isoDate(a) {
                asOf = .endOfDay(d)
            } else if let t = Validator.isoInstant(a) {
                asOf = .instant(t)
            } else {
                throw bad("as_of", "'\(a)' is neither a date YYYY-MM-DD nor an ISO 8601 time with an offset.")
            }
        }
        let service = parameters["service"].flatMap { $0.isEmpty ? nil : $0 }
        self.init(period: period, service: service, options: options, asOf: asOf)
    }

    /// The concrete period for an agency in `zone`, now: a relative period is resolved on the
    /// agency's own local day.
    public func period(in zone: IndonesianTimeZone, now: Int64 = Int64(Date().timeIntervalSince1970)) -> Period {
        periodSpec.resolved(at: now, in: zone)
    }
}
