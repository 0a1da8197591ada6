import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the evaluation report (XLSX and JSON) per agency for a period.",
        discussion: """
            One file per agency and period, named <agency>_<period>.xlsx / .json, written \
            atomically (temporary file, then rename) so a scheduled job never publishes a \
            half-written file. The workbook is in Bahasa Indonesia unless --lang en.

            Examples:
              skm report --period 2024-S1
              skm report --period 2024-Q3 --agency karangasem --format xlsx --lang en
              skm report --period 2024-01-01..2024-03-31 --format json --out /srv/publish
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var methodOptions: MethodOptions

    @Option(name: .long, help: ArgumentHelp("Comma-separated: xlsx,json (default both).", valueName: "formats"))
    var format: String = "xlsx,json"

    @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out: String = "exports"

    @Option(name: .long, help: "Workbook language: id (Bahasa Indonesia, default) or en.")
    var lang: String = "id"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge open transactions as of the end of this day (YYYY-MM-DD); default now.", valueName: "date"))
    var asOf: String?

    @Flag(name: .long, help: "Mark for publication: profile cells under 5 respondents show as \"< 5\".")
    var publish = false

    func validate() throws {
        for f in formats where !["xlsx", "json"].contains(f) { throw ValidationError("unknown format '\(f)': use xlsx, json or xlsx,json") }
        guard ["id", "en"].contains(lang) else { throw ValidationError("--lang must be id or en") }
        try AsOfOption.validate(asOf)
    }

    var formats: [String] { format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }

    func run() throws {
        let store = try storeOptions.openExisting()
        var options = methodOptions.reportOptions()
        options.forPublication = publish
        let run = ReportRun(store: store, options: options, formats: formats, language: lang,
                            outDirectory: URL(fileURLWithPath: out), asOfDay: asOf.flatMap { LocalDate(iso: $0) })
        for path in try run.write(agencies: selection.agencies(in: store), periods: [selection.parsedPeriod]) { print(path) }
    }
}

/// Builds and writes the report files for agencies and periods; shared by `report` and `demo`.
struct ReportRun: Sendable {
    let store: Store
    let options: ReportOptions
    let formats: [String]
    let language: String
    let outDirectory: URL
    /// Judge open transactions at the end of this day in each agency's own zone; nil = now.
    let asOfDay: LocalDate?

    /// Every agency × period, on all cores (each report is independent); paths in input order.
    func write(agencies: [Agency], periods: [Period]) throws -> [String] {
        try parallelMap(agencies.flatMap { a in periods.map { (a, $0) } }) { try write(agency: $0.0, period: $0.1) }.flatMap { $0 }
    }

    func write(agency: Agency, period: Period) throws -> [String] {
        let asOf = asOfDay.map { agency.timeZone.instant($0.adding(days: 1), minuteOfDay: 0) - 1 }
            ?? Int64(Date().timeIntervalSince1970)
        var options = options
        options.asOf = asOf
        options.holdDetails = false  // saran and rejects are streamed from the store by the writers
        let report = try ReportBuilder(store: store, options: options, compliance: StoreCompliance.source(store: store, asOf: asOf))
            .build(agency: agency, period: period)
        let details = try ReportDetails.fromStore(store, report: report)
        var written: [String] = []
        for f in formats {
            let url = outDirectory.appendingPathComponent(ReportFileName.make(agency: agency.code, period: period.description, ext: f))
            switch f {
            case "json": try JSONReportWriter.write(report, to: url, details: details)
            default: try XLSXReportWriter(language: ReportLanguage(rawValue: language) ?? .id).write(report, to: url, details: details)
            }
            written.append(url.path)
        }
        return written
    }
}
