import Foundation
import SKMDomain
import SKMStorage

/// Building and writing evaluation reports: the one way `skm report`, `skm demo`, `skm bench`
/// and the server's report download (and any page showing a report) get one.
///
/// A report is read from the store (its responses and, in a scan of their own, its
/// transactions judged as of `asOf`), assembled by `ReportBuilder` and written by the JSON and
/// XLSX writers, which stream the saran and rejected rows (`ReportDetails`) rather than hold
/// them in the report.
public struct ReportPipeline: Sendable {
    /// The turnaround figures of one agency and period, open transactions judged at `asOf` (UTC
    /// seconds); nil: a report without them.
    public typealias TurnaroundSource = @Sendable (_ agency: Agency, _ period: Period, _ asOf: Int64) throws -> TurnaroundReading?

    public let store: any SurveyStore
    public let options: ReportOptions
    /// When open transactions are judged; nil: at the moment each report is built.
    public let asOf: AsOf?
    public let turnaround: TurnaroundSource

    /// `turnaround` nil: judged from the store (`StoreCompliance`), the report's population
    /// counted in the same scan.
    public init(store: any SurveyStore, options: ReportOptions = .init(), asOf: AsOf? = nil, turnaround: TurnaroundSource? = nil) {
        self.store = store
        self.options = options
        self.asOf = asOf
        let method = options.method
        self.turnaround = turnaround ?? { agency, period, asOf in
            try StoreCompliance.reading(store: store, agency: agency, period: period, asOf: asOf, voiceOf: method)
        }
    }

    // MARK: One report

    /// One report, without its saran and rejected rows, and those two lists to stream while
    /// writing it (`write(_:details:format:language:to:)`).
    public func report(agency: Agency, period: Period) throws -> (report: EvaluationReport, details: ReportDetails) {
        let builder = builder(for: agency)
        let responses = try store.periodResponses(agency: agency.code, period: period, method: options.method)
        let turnaround = try turnaround(agency, period, builder.options.asOf!)
        let report = try builder.build(agency: agency, period: period, responses: responses, turnaround: turnaround)
        return (report, try ReportDetails.fromStore(store, report: report))
    }

    /// Writes one file atomically (temporary file, then rename) to `url`.
    public static func write(_ report: EvaluationReport, details: ReportDetails, format: ReportFormat,
                             language: ReportLanguage, to url: URL) throws {
        switch format {
        case .json: try JSONReportWriter.write(report, to: url, details: details)
        case .xlsx: try XLSXReportWriter(language: language).write(report, to: url, details: details)
        }
    }

    // MARK: Many reports

    /// One report to write.
    private struct Job: Sendable {
        var agency: Agency
        var period: Period
        var builder: ReportBuilder
    }

    /// Every agency × period in every format into `directory` (created when missing), each file
    /// named by `ReportFileName`; the files in input order (agency, period, format). A directory
    /// that cannot be created or written to throws `OutputDirectory.Problem` before any read.
    ///
    /// Works in two rounds, each spread over all cores as many small tasks: first the reads (a
    /// report's scan of responses and its scan of transactions are separate tasks), then the
    /// files (each file its own task, those with the most saran first). One task per report
    /// left a core idle while the largest agency finished alone: agencies differ fifteen-fold
    /// in size. The response scan also keeps the saran aside (`SuggestionSpool`), so the
    /// writers do not read them from the store again.
    public func write(agencies: [Agency], periods: [Period], formats: [ReportFormat], language: ReportLanguage,
                      to directory: URL) throws -> [URL] {
        try OutputDirectory.prepare(directory)  // before minutes of reading, not after
        let jobs = agencies.flatMap { a in periods.map { Job(agency: a, period: $0, builder: builder(for: a)) } }

        // Round 1: the three reads of every report. Results come back in input order: the
        // responses of job j at 3j, its turnaround at 3j + 1 (with U3 against the register,
        // judged in the same scan), its history's older tallies at 3j + 2.
        enum Read: Sendable { case responses(PeriodResponses), turnaround(TurnaroundReading?), older([ServiceMonth: ResponseTally]) }
        var reads = try parallelMap(jobs.indices.flatMap { [($0, 0), ($0, 1), ($0, 2)] }) { j, kind -> Read in
            let job = jobs[j]
            switch kind {
            case 0: return .responses(try store.periodResponses(agency: job.agency.code, period: job.period, method: options.method,
                                                                spoolingSuggestions: !options.forPublication))
            case 1: return .turnaround(try self.turnaround(job.agency, job.period, job.builder.options.asOf!))
            default: return .older(try IKMHistory.olderTallies(store: store, agency: job.agency.code, period: job.period, method: options.method))
            }
        }
        let built = try jobs.indices.map { j -> (report: EvaluationReport, responses: PeriodResponses) in
            guard case .responses(let responses) = reads[3 * j], case .turnaround(let turnaround) = reads[3 * j + 1],
                  case .older(let older) = reads[3 * j + 2] else {
                preconditionFailure("reads out of order")
            }
            let report = try jobs[j].builder.build(agency: jobs[j].agency, period: jobs[j].period, responses: responses,
                                                   turnaround: turnaround, olderTallies: older)
            return (report, responses)
        }
        reads = []  // the turnaround histograms are in the reports now: free them before the files

        // Round 2: every file, most saran first so that the longest writes start early.
        let files = jobs.indices.flatMap { j in formats.map { (job: j, format: $0) } }
        let saran = { (i: Int) in built[files[i].job].responses.suggestionCount }
        let order = files.indices.sorted { (-saran($0), $0) < (-saran($1), $1) }
        let written = try parallelMap(order) { i -> URL in
            let (j, format) = files[i]
            let (report, responses) = built[j]
            let details = try ReportDetails.fromStore(store, report: report, suggestions: responses.suggestions)
            let url = directory.appendingPathComponent(
                ReportFileName.make(agency: jobs[j].agency.code, period: jobs[j].period.description, ext: format.rawValue))
            try Self.write(report, details: details, format: format, language: language, to: url)
            return url
        }
        var urls = [URL](repeating: directory, count: files.count)
        for (k, i) in order.enumerated() { urls[i] = written[k] }
        return urls
    }

    /// The builder for one agency: its own "as of" instant, details left to the writers.
    private func builder(for agency: Agency) -> ReportBuilder {
        var options = options
        options.asOf = AsOf.instant(asOf, in: agency.timeZone, now: Int64(Date().timeIntervalSince1970))
        return ReportBuilder(store: store, options: options)
    }
}
