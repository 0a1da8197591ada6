import Foundation
import SKMDomain
import SKMStorage

/// What an office's public results page shows (`/p/{agency}` of skm serve, and the same page
/// as a file from `skm report --format html`): the period's report built for publication, the
/// office's IKM over earlier periods, and the periods a visitor may pick.
///
/// Every figure is a field of an `EvaluationReport` built by `ReportPipeline` with
/// `forPublication` on, so the page can show nothing that `skm report --publish` would not
/// (`Publication`): no saran, no transaction ids, no rejects, nothing counted from fewer than
/// 5 respondents. Nothing here computes a figure of its own.
public struct PublicResults: Sendable {
    /// The period's report, for publication.
    public var report: EvaluationReport
    /// The office as a whole over up to `ReportPipeline.publicTrendLength` earlier periods of
    /// the same kind and this one, oldest first; periods before the office's first data are left
    /// out. A point's IKM is nil when nobody answered or fewer than 5 did (suppressed).
    public var trend: [TrendPoint]
    /// The standard semesters holding the office's data that have ended, newest first: the
    /// page's period picker.
    public var periods: [Period]
    /// The agency's local day on which the figures were calculated.
    public var calculatedOn: LocalDate

    public struct TrendPoint: Sendable, Equatable {
        public var period: Period
        /// *IKM unit pelayanan* (×25) rounded as the grade table reads it; nil as above.
        public var ikm: Double?
        public var mutu: String?
        /// Fewer than 5 respondents: shown as "< 5" rather than as no data.
        public var suppressed: Bool
    }

    /// The period a visitor sees without choosing: the latest semester that has ended on
    /// `today`, or the one holding the office's last data when that is earlier (an office
    /// whose last import is old still shows its last results, not an empty page).
    public static func defaultPeriod(today: LocalDate, lastData: LocalDate?) -> Period {
        let finished = RelativePeriod(.previous, .semester).resolved(on: today)
        guard let lastData, lastData < finished.start else { return finished }
        return .semester(lastData.year, lastData.month <= 6 ? 1 : 2)
    }

    /// The finished semesters that hold data between `first` and `last`, newest first.
    public static func pickable(first: LocalDate, last: LocalDate, today: LocalDate) -> [Period] {
        Period.standardPeriods(covering: first, last).filter { $0.kind == .semester && $0.end < today }.reversed()
    }
}

extension ReportPipeline {
    /// How many periods before the shown one the page's trend goes back.
    public static let publicTrendLength = 6

    /// This pipeline with publication on: the only way the public page gets a report.
    public var forPublication: ReportPipeline {
        var o = options
        o.forPublication = true
        return ReportPipeline(store: store, options: o, asOf: asOf, turnaround: turnaround)
    }

    /// The public page's content for one agency and period (any period: a caller decides
    /// which may be asked for). `now`: UTC seconds, for the calculation day and the picker.
    public func publicResults(agency: Agency, period: Period, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> PublicResults {
        try publicResults(agency: agency, period: period, now: now, span: store.dataSpan(agency: agency.code))
    }

    /// The same with the agency's first and last day with data already known (`dataSpan`; the
    /// server keeps it, and reading it is a scan of the agency's rows).
    public func publicResults(agency: Agency, period: Period, now: Int64, span: (LocalDate, LocalDate)?) throws -> PublicResults {
        let pipeline = forPublication
        let report = try pipeline.report(agency: agency, period: period).report
        let today = agency.timeZone.local(now).date

        // Earlier periods: the office's IKM only, from their response tallies. A whole report
        // per period read their transactions too (turnaround, U3 against the register), as much
        // as the page's own report again, six times per visit.
        let m = pipeline.options.method
        var trend: [PublicResults.TrendPoint] = []
        var earlier = period
        for _ in 0..<Self.publicTrendLength {
            earlier = earlier.previous
            guard let span, earlier.end >= span.0 else { break }
            let tallies = try store.periodResponses(agency: agency.code, period: earlier, method: m).tallies
            // The office's figure as the report computes it: the catalog's services merged;
            // fewer than 5 respondents published as "< 5" (Publication.redact).
            var overall = ResponseTally(unsurCount: m.unsur.count)
            for s in agency.services { if let t = tallies[s.code] { overall.merge(t) } }
            let score = IKMScore.compute(overall, method: m, weights: pipeline.options.weights)
            let suppressed = score.respondents < 5
            trend.append(.init(period: earlier, ikm: suppressed ? nil : score.convertedRounded,
                               mutu: suppressed ? nil : score.mutu?.rawValue, suppressed: suppressed))
        }
        trend.reverse()
        trend.append(.init(period: period, ikm: report.overall.ikmConvertedRounded, mutu: report.overall.mutu,
                           suppressed: report.overall.suppressed == true))

        let periods = span.map { PublicResults.pickable(first: $0.0, last: $0.1, today: today) } ?? []
        return PublicResults(report: report, trend: trend, periods: periods, calculatedOn: today)
    }
}
