import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// Read-side of the API: the catalog, IKM figures and turnaround compliance, computed by the
/// same `ReportBuilder` as the reports so the dashboard and the workbook never disagree.
public struct FiguresService: Sendable {
    public let store: any SurveyStore
    /// Turnaround figures, open transactions judged as of the moment of the request.
    public let compliance: ComplianceSource
    /// The same judged as of a given instant, for `as_of` (the CLI's `--as-of`): a report
    /// rebuilt later then shows the open cases as they stood.
    public let complianceAsOf: @Sendable (_ asOf: Int64) -> ComplianceSource
    /// Figures kept between requests (`FiguresCache`); nil: computed on every request, as with
    /// compliance sources other than the store's own, which the change log knows nothing of.
    public let cache: FiguresCache?

    public init(store: any SurveyStore, compliance: @escaping ComplianceSource, complianceAsOf: @escaping @Sendable (Int64) -> ComplianceSource,
                cache: FiguresCache? = nil) {
        self.store = store
        self.compliance = compliance
        self.complianceAsOf = complianceAsOf
        self.cache = cache
    }

    // MARK: Catalog

    public struct CatalogService: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var validFrom: String
        /// *Jangka waktu* as the decree writes it.
        public var promiseText: String
        /// The promise as understood, e.g. "3 hari kerja"; nil when nothing can be measured.
        public var promise: String?
        public var noPromiseReason: String?
    }

    public struct CatalogAgency: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var region: String
        public var timeZone: String
        public var decreeNumber: String
        public var decreeDate: String
        /// Whether survey responses may be posted without a token (kiosk mode).
        public var kioskOpen: Bool
        public var services: [CatalogService]
    }

    public func catalog(agency code: String) throws -> CatalogAgency {
        let a = try store.agencyOrNotFound(code)
        return CatalogAgency(
            code: a.code, name: a.name, region: a.region, timeZone: a.timeZone.rawValue,
            decreeNumber: a.decree.number, decreeDate: a.decree.date.description,
            kioskOpen: try store.kioskAgencies().contains(a.code),
            services: a.services.map { s in
                CatalogService(code: s.code, name: s.name, validFrom: s.validFrom.description, promiseText: s.promise.text,
                               promise: s.promise.isMeasurable
                                   ? s.promise.variants.map { ($0.name.map { "\($0): " } ?? "") + $0.duration.description }.joined(separator: "; ")
                                   : nil,
                               noPromiseReason: s.promise.noPromiseReason?.code)
            })
    }

    // MARK: IKM

    /// IKM figures for the agency overall (omitted when one service is asked for) and per service.
    public struct IKMFigures: Codable, Sendable {
        public var agency: String
        public var period: EvaluationReport.PeriodInfo
        public var method: EvaluationReport.MethodInfo
        public var overall: GroupFigures?
        public var services: [ServiceFigures]
        public var warnings: [String]
    }

    public func ikm(agency code: String, _ q: FigureQuery) throws -> IKMFigures {
        let report = try cachedBuild(agency: code, q, withCompliance: false)
        var services = report.services
        for i in services.indices { services[i].figures.compliance = nil }
        return IKMFigures(agency: code, period: report.period, method: report.method,
                          overall: q.service == nil ? report.overall : nil,
                          services: try filter(services, q.service), warnings: report.warnings.map(\.description))
    }

    // MARK: Compliance

    public struct ServiceCompliance: Codable, Sendable {
        public var code: String
        public var name: String
        public var promiseText: String
        public var promise: String?
        public var compliance: TimelinessFigures?
    }

    public struct ComplianceReport: Codable, Sendable {
        public var agency: String
        public var period: EvaluationReport.PeriodInfo
        public var overall: TimelinessFigures?
        public var services: [ServiceCompliance]
    }

    public func compliance(agency code: String, _ q: FigureQuery) throws -> ComplianceReport {
        let report = try cachedBuild(agency: code, q, withCompliance: true)
        let services = try filter(report.services, q.service).map {
            ServiceCompliance(code: $0.code, name: $0.name, promiseText: $0.promiseText, promise: $0.promise, compliance: $0.figures.compliance)
        }
        return ComplianceReport(agency: code, period: report.period,
                                overall: q.service == nil ? report.overall.compliance : nil, services: services)
    }

    // MARK: Report

    /// The report for a file download, as `skm report` writes it: without its saran and
    /// rejected rows, which the writers stream from the store, so that downloading a province's
    /// year does not hold hundreds of thousands of them.
    public func reportForDownload(agency code: String, _ q: FigureQuery) throws -> (EvaluationReport, ReportDetails) {
        let (agency, source) = try resolve(agency: code, q)
        let pipeline = ReportPipeline(store: store, options: q.options, asOf: q.asOf) { agency, period, _ in
            let r = try source(agency, period)
            return TurnaroundReading(perService: r.perService, overall: r.overall)
        }
        return try pipeline.report(agency: agency, period: q.period(in: agency.timeZone))
    }

    /// `build`, kept in `cache` while valid. Judged as of now, figures hold until an open file
    /// passes its deadline; until then the lateness of open files past theirs grows, which
    /// `ComplianceAging` adds to kept figures exactly. Judged as of a fixed `as_of`, they hold
    /// until the data changes.
    private func cachedBuild(agency code: String, _ q: FigureQuery, withCompliance: Bool) throws -> EvaluationReport {
        let now = Int64(Date().timeIntervalSince1970)
        let (agency, source) = try resolve(agency: code, q)  // an unknown service is a 404, kept figures or not
        let compliance = withCompliance ? source : nil
        guard let cache else { return try build(agency, q, compliance: compliance, now: now) }
        let period = q.period(in: agency.timeZone)
        let o = q.options
        let detail = [period.description, o.method.id, o.weights.rawValue, o.layout.title, o.population.map(String.init) ?? "",
                      String(o.forPublication), q.asOf.map { "\($0)" } ?? "now"].joined(separator: "|")
        let key = FiguresCache.Key(route: withCompliance ? "compliance" : "ikm", agency: code, detail: detail)
        let report = try cache.figures(key, store: store, through: period.end, now: now) {
            let report = try build(agency, q, compliance: compliance, now: now)
            return .init(value: report, until: q.asOf == nil ? report.statusesChangeAt : nil)
        }
        guard q.asOf == nil, let judgedAt = report.judgedAt else { return report }
        return ComplianceAging.aged(report, by: now - judgedAt)
    }

    /// Without saran and rejects, as every built report: the figure endpoints return none, and
    /// a download streams them (`reportForDownload`).
    private func build(_ agency: Agency, _ q: FigureQuery, compliance: ComplianceSource?, now: Int64) throws -> EvaluationReport {
        var options = q.options
        options.asOf = AsOf.instant(q.asOf, in: agency.timeZone, now: now)
        return try ReportBuilder(store: store, options: options, compliance: compliance)
            .build(agency: agency, period: q.period(in: agency.timeZone))
    }

    /// The agency and the turnaround source for the query (`as_of` chooses the source).
    private func resolve(agency code: String, _ q: FigureQuery) throws -> (Agency, ComplianceSource) {
        let agency = try store.agencyOrNotFound(code)
        if let s = q.service, agency.service(s) == nil {
            throw Problem(.notFound, detail: "Unknown service '\(s)' for \(code); known: \(agency.services.map(\.code).joined(separator: ", ")).",
                          field: "service")
        }
        let source = q.asOf.map { complianceAsOf($0.instant(in: agency.timeZone)) } ?? compliance
        return (agency, source)
    }

    private func filter(_ services: [ServiceFigures], _ code: String?) throws -> [ServiceFigures] {
        guard let code else { return services }
        return services.filter { $0.code == code }
    }
}
