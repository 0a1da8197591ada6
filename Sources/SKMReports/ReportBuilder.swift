import Foundation
import SKMDomain
import SKMStorage

/// Options that change figures or wording, shared by the CLI, the server and scheduled jobs.
public struct ReportOptions: Sendable {
    public var method: IKMMethod = .permenPANRB14_2017
    public var weights: WeightConvention = .exact
    public var layout: QuestionnaireLayout = .regulationOrder
    /// Population override for the sample check (default: the period's transactions).
    public var population: Int?
    public var forPublication = false
    /// When open transactions were judged (UTC seconds); recorded in the report as `complianceAsOf`.
    public var asOf: Int64?
    public var generatedBy = "skm"
    public init() {}
}

/// Turnaround figures per service for one agency and period, and for the agency overall.
/// Supplied from outside so that the report does not depend on how compliance is computed.
public typealias ComplianceSource = @Sendable (_ agency: Agency, _ period: Period) throws -> (perService: [String: TimelinessFigures], overall: TimelinessFigures?)

/// Assembles an `EvaluationReport` from the store.
public struct ReportBuilder: Sendable {
    public let store: any SurveyStore
    public let options: ReportOptions
    public let compliance: ComplianceSource?

    public init(store: any SurveyStore, options: ReportOptions = .init(), compliance: ComplianceSource? = nil) {
        self.store = store
        self.options = options
        self.compliance = compliance
    }

    public func build(agency: Agency, period: Period) throws -> EvaluationReport {
        let turnaround = try compliance.map { try $0(agency, period) }.map { TurnaroundReading(perService: $0.perService, overall: $0.overall) }
        return try build(agency: agency, period: period,
                         responses: try store.periodResponses(agency: agency.code, period: period, method: options.method),
                         turnaround: turnaround)
    }

    /// The report from reads already made: `responses` read with `options.method`, and the
    /// turnaround (nil: a report without it). Lets a caller run the reads of many reports on
    /// all cores; the population is read here only when `turnaround` did not count it, and the
    /// history's older tallies (`IKMHistory.olderTallies`) only when `olderTallies` is nil.
    public func build(agency: Agency, period: Period, responses: PeriodResponses, turnaround: TurnaroundReading?,
                      olderTallies: [ServiceMonth: ResponseTally]? = nil) throws -> EvaluationReport {
        let m = options.method
        let tallies = responses.tallies, previousTallies = responses.previousTallies
        // A population the office stated (`skm population set`) wins over the register's count.
        let population = try (turnaround?.received ?? store.transactionCounts(agency: agency.code, period: period))
            .merging(store.populations(agency: agency.code, period: period)) { _, stated in stated }

        func figures(_ tally: ResponseTally, previous: ResponseTally?, population: Int, compliance: TimelinessFigures?) -> GroupFigures {
            let score = IKMScore.compute(tally, method: m, weights: options.weights, population: population > 0 ? population : nil)
            let prev = previous.map { IKMScore.compute($0, method: m, weights: options.weights) }
            let change = IKMChange(previous: prev, current: score).map {
                ChangeFigures(previousPeriod: period.previous.description, previous: $0.previous, delta: $0.delta, significant: $0.isSignificant)
            }
            return GroupFigures(
                respondents: score.respondents, ikm: score.ikm, ikmConverted: score.converted,
                ikmConvertedRounded: score.convertedRounded, mutu: score.mutu?.rawValue,
                kinerja: score.mutu?.kinerja, kinerjaEn: score.mutu?.kinerjaEnglish,
                lowestUnsur: score.lowest.map(\.code),
                unsur: score.unsur.map {
                    UnsurFigures(code: $0.unsur.code, name: $0.unsur.name, nameEn: $0.unsur.englishName, answered: $0.answered,
                                 distribution: $0.distribution, nrr: $0.nrr, nrrWeighted: $0.weightedNRR, absent: $0.isAbsent)
                },
                confidence95: score.confidence, change: change,
                sample: SampleAdequacy(population: options.population ?? population, respondents: score.respondents),
                sampleNote: (options.population ?? population) > 0 ? nil : ReportLabels.indonesian.populationUnknown,
                sampleNoteEn: (options.population ?? population) > 0 ? nil : ReportLabels.english.populationUnknown,
                compliance: compliance, warnings: tally.respondents == 0 ? [] : score.warnings.map(ReportWarning.ikm))
        }

        var overallTally = ResponseTally(unsurCount: m.unsur.count)
        var overallPrevious = ResponseTally(unsurCount: m.unsur.count)
        var services: [ServiceFigures] = []
        for s in agency.services {
            let t = tallies[s.code] ?? ResponseTally(unsurCount: m.unsur.count)
            overallTally.merge(t)
            if let p = previousTallies[s.code] { overallPrevious.merge(p) }
            services.append(ServiceFigures(
                code: s.code, name: s.name, promiseText: s.promise.text,
                promise: s.promise.isMeasurable ? s.promise.variants.map { ($0.name.map { "\($0): " } ?? "") + $0.duration.description }.joined(separator: "; ") : nil,
                noPromiseReason: s.promise.noPromiseReason.map(ReportLabels.indonesian.unmeasurable),
                figures: figures(t, previous: previousTallies[s.code], population: population[s.code] ?? 0,
                                 compliance: turnaround?.perService[s.code]),
                promised: s.promise.variants, unmeasurable: s.promise.noPromiseReason))
        }
        var warnings: [ReportWarning] = []
        let unknown = Set(tallies.keys).subtracting(agency.services.map(\.code))
        if !unknown.isEmpty { warnings.append(.servicesOutsideCatalog(unknown.sorted())) }
        if turnaround != nil, let inForce = agency.services.map(\.validFrom).min(), period.start < inForce {
            // Otherwise a head of office sees "tanpa janji waktu" beside a service that plainly
            // has a promise, with no reason given.
            warnings.append(.receivedBeforeStandard(inForce))
        }

        let profile = responses.profile
        func rows(_ list: [(String, Int)]) -> [ProfileTables.Row] {
            let total = max(1, list.reduce(0) { $0 + $1.1 })
            let hidden = options.forPublication ? Publication.suppressed(list.map(\.1)) : []
            return list.enumerated().map { i, c in
                hidden.contains(i)
                    ? ProfileTables.Row(category: c.0, respondents: nil, share: nil, suppressed: true)
                    : ProfileTables.Row(category: c.0, respondents: c.1, share: Double(c.1) / Double(total), suppressed: false)
            }
        }
        var report = EvaluationReport(
            generatedBy: options.generatedBy,
            agency: .init(code: agency.code, name: agency.name, region: agency.region, timeZone: agency.timeZone.rawValue,
                          decreeNumber: agency.decree.number, decreeDate: agency.decree.date.description),
            period: .init(id: period.description, kind: period.kind.rawValue, start: period.start.description, end: period.end.description,
                          labelId: period.indonesianLabel, labelEn: period.englishLabel, previousId: period.previous.description),
            method: .init(id: m.id, title: m.title, weightConvention: options.weights.rawValue,
                          weightText: options.weights.describe(unsurCount: m.unsur.count), weight: options.weights.weight(unsurCount: m.unsur.count),
                          questionnaireLayout: options.layout.title,
                          confidenceIntervalMethod: "Normal approximation on per-respondent scores (mean of answers x 25): IKM ± 1.96·s/√n, with finite-population correction when the population is known"),
            overall: figures(overallTally, previous: previousTallies.isEmpty ? nil : overallPrevious,
                             population: population.values.reduce(0, +), compliance: turnaround?.overall),
            services: services,
            respondentProfile: .init(gender: rows(profile.gender), age: rows(profile.age),
                                     education: rows(options.forPublication
                                         ? Publication.categorised(profile.education, ProfileCategory.education, order: ProfileCategory.educationOrder)
                                         : profile.education),
                                     occupation: rows(options.forPublication
                                         ? Publication.categorised(profile.occupation, ProfileCategory.occupation, order: ProfileCategory.occupationOrder)
                                         : profile.occupation),
                                     total: profile.gender.reduce(0) { $0 + $1.1 }),
            // The writers stream saran and rejected rows (`ReportDetails.fromStore`), so memory
            // does not grow with them; the report holds none.
            suggestions: [],
            rejects: [],
            forPublication: options.forPublication,
            warnings: warnings)
        if let asOf = options.asOf, turnaround != nil {
            report.complianceAsOf = IndonesianTimeZone.isoTimestamp(asOf, in: agency.timeZone)
        }
        // Read here unless the compliance scan brought it (StoreCompliance.reading(voiceOf:)).
        let voice = try turnaround?.timeVoice ?? TimeVoice.figures(store: store, agency: agency, period: period, method: m,
                                                                   asOf: options.asOf ?? Int64(Date().timeIntervalSince1970))
        for i in report.services.indices { report.services[i].figures.u3ByTimeliness = voice.perService[report.services[i].code] }
        report.statusesChangeAt = [turnaround?.overall?.statusesChangeAt, voice.statusesChangeAt].compactMap { $0 }.min()
        report.judgedAt = options.asOf
        report.overall.u3ByTimeliness = voice.overall
        report.history = IKMHistory.points(
            period: period, current: overallTally, previous: overallPrevious,
            older: try olderTallies ?? IKMHistory.olderTallies(store: store, agency: agency.code, period: period, method: m),
            services: Set(agency.services.map(\.code)), method: m, weights: options.weights)
        if options.forPublication { Publication.redact(&report) }
        return report
    }
}
