import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// Builds and writes the report files for agencies and periods; shared by `report` and `demo`.
///
/// Works in two rounds, each spread over all cores as many small tasks: first the reads (a
/// report's scan of responses and its scan of transactions are separate tasks), then the files
/// (each file its own task, those with the most saran first). One task per report left a core
/// idle while the largest agency finished alone: agencies differ fifteen-fold in size. The
/// response scan also keeps the saran aside (`SuggestionSpool`), so the writers do not read
/// them from the store again.
struct ReportRun: Sendable {
    let store: Store
    let options: ReportOptions
    let formats: [String]
    let language: String
    let outDirectory: URL
    /// Judge open transactions at the end of this day in each agency's own zone; nil = now.
    let asOfDay: LocalDate?

    /// One report to write.
    private struct Job: Sendable {
        var agency: Agency
        var period: Period
        var builder: ReportBuilder
    }

    /// Every agency × period; paths in input order (agency, period, format).
    func write(agencies: [Agency], periods: [Period]) throws -> [String] {
        let jobs = agencies.flatMap { a in periods.map { Job(agency: a, period: $0, builder: builder(for: a)) } }

        // Round 1: both reads of every report. Results come back in input order: the responses
        // of job j at 2j, its turnaround at 2j + 1.
        enum Read: Sendable { case responses(PeriodResponses), turnaround(TurnaroundReading) }
        var reads = try parallelMap(jobs.indices.flatMap { [($0, false), ($0, true)] }) { j, turnaround -> Read in
            let job = jobs[j]
            let asOf = job.builder.options.asOf!
            return turnaround
                ? .turnaround(try StoreCompliance.reading(store: store, agency: job.agency, period: job.period, asOf: asOf))
                : .responses(try store.periodResponses(agency: job.agency.code, period: job.period, method: job.builder.options.method,
                                                       spoolingSuggestions: !options.forPublication))
        }
        let built = try jobs.indices.map { j -> (report: EvaluationReport, responses: PeriodResponses) in
            guard case .responses(let responses) = reads[2 * j], case .turnaround(let turnaround) = reads[2 * j + 1] else {
                preconditionFailure("reads out of order")
            }
            let report = try jobs[j].builder.build(agency: jobs[j].agency, period: jobs[j].period, responses: responses, turnaround: turnaround)
            return (report, responses)
        }
        reads = []  // the turnaround histograms are in the reports now: free them before the files


        // Round 2: every file, most saran first so that the longest writes start early.
        let files = jobs.indices.flatMap { j in formats.map { (job: j, format: $0) } }
        let saran = { (i: Int) in built[files[i].job].responses.suggestionCount }
        let order = files.indices.sorted { (-saran($0), $0) < (-saran($1), $1) }
        let written = try parallelMap(order) { i in
            let (j, format) = files[i]
            return try write(built[j].report, suggestions: built[j].responses.suggestions, job: jobs[j], format: format)
        }
        var paths = [String](repeating: "", count: files.count)
        for (k, i) in order.enumerated() { paths[i] = written[k] }
        return paths
    }

    /// The builder for one agency: its own "as of" instant, details left to the writers.
    private func builder(for agency: Agency) -> ReportBuilder {
        var options = options
        options.asOf = asOfDay.map { agency.timeZone.instant($0.adding(days: 1), minuteOfDay: 0) - 1 }
            ?? Int64(Date().timeIntervalSince1970)
        options.holdDetails = false  // saran and rejects are left to the writers (ReportDetails)
        return ReportBuilder(store: store, options: options)
    }

    private func write(_ report: EvaluationReport, suggestions: SuggestionSpool?, job: Job, format: String) throws -> String {
        let details = try ReportDetails.fromStore(store, report: report, suggestions: suggestions)
        let url = outDirectory.appendingPathComponent(ReportFileName.make(agency: job.agency.code, period: job.period.description, ext: format))
        switch format {
        case "json": try JSONReportWriter.write(report, to: url, details: details)
        default: try XLSXReportWriter(language: ReportLanguage(rawValue: language) ?? .id).write(report, to: url, details: details)
        }
        return url.path
    }
}
