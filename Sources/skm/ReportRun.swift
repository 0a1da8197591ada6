import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// Builds and writes the report files for agencies and periods; shared by `report` and `demo`.
///
/// Works in two rounds, each spread over all cores as many small tasks: first the reads (a
/// report's scan of responses and its scan of transactions are separate tasks), then the files
/// (each report's files one task, those with the most saran first). One task per report left a core
/// idle while the largest agency finished alone: agencies differ fifteen-fold in size.
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
        let reads = try parallelMap(jobs.indices.flatMap { [($0, false), ($0, true)] }) { j, turnaround -> Read in
            let job = jobs[j]
            let asOf = job.builder.options.asOf!
            return turnaround
                ? .turnaround(try StoreCompliance.reading(store: store, agency: job.agency, period: job.period, asOf: asOf))
                : .responses(try store.periodResponses(agency: job.agency.code, period: job.period, method: job.builder.options.method))
        }
        let built = try jobs.indices.map { j -> (report: EvaluationReport, saran: Int) in
            guard case .responses(let responses) = reads[2 * j], case .turnaround(let turnaround) = reads[2 * j + 1] else {
                preconditionFailure("reads out of order")
            }
            let report = try jobs[j].builder.build(agency: jobs[j].agency, period: jobs[j].period, responses: responses, turnaround: turnaround)
            return (report, responses.suggestionCount)
        }

        // Round 2: every report's files, most saran first so that the longest writes start
        // early. A report's files are one task: written one after the other, they share one
        // read of its saran (`ReportDetails.fromStore(spooled:)`).
        let order = jobs.indices.sorted { (-built[$0].saran, $0) < (-built[$1].saran, $1) }
        let written = try parallelMap(order) { j in try write(built[j].report, saran: built[j].saran, job: jobs[j]) }
        var paths = [[String]](repeating: [], count: jobs.count)
        for (k, j) in order.enumerated() { paths[j] = written[k] }
        return paths.flatMap { $0 }
    }

    /// The builder for one agency: its own "as of" instant, details left to the writers.
    private func builder(for agency: Agency) -> ReportBuilder {
        var options = options
        options.asOf = asOfDay.map { agency.timeZone.instant($0.adding(days: 1), minuteOfDay: 0) - 1 }
            ?? Int64(Date().timeIntervalSince1970)
        options.holdDetails = false  // saran and rejects are streamed from the store by the writers
        return ReportBuilder(store: store, options: options)
    }

    /// The report's files, in the order of `formats`.
    private func write(_ report: EvaluationReport, saran: Int, job: Job) throws -> [String] {
        let details = try ReportDetails.fromStore(store, report: report, suggestionCount: saran, spooled: formats.count > 1)
        return try formats.map { format in
            let url = outDirectory.appendingPathComponent(ReportFileName.make(agency: job.agency.code, period: job.period.description, ext: format))
            switch format {
            case "json": try JSONReportWriter.write(report, to: url, details: details)
            default: try XLSXReportWriter(language: ReportLanguage(rawValue: language) ?? .id).write(report, to: url, details: details)
            }
            return url.path
        }
    }
}
