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
        let pipeline = ReportPipeline(store: store, options: options, asOf: asOf.flatMap { LocalDate(iso: $0) }.map(AsOf.endOfDay))
        let written = try pipeline.write(agencies: selection.agencies(in: store), periods: [selection.parsedPeriod],
                                         formats: formats.compactMap(ReportFormat.init(rawValue:)),
                                         language: ReportLanguage(code: lang) ?? .id, to: URL(fileURLWithPath: out))
        for url in written { print(url.path) }
    }
}
