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
              skm report --period previous-semester --format json --out /srv/publish
              skm report --period 2024-Q3 --agency karangasem --format xlsx --lang en
              skm report --period 2024-01-01..2024-03-31 --format json --out /srv/publish
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var methodOptions: MethodOptions

    @Option(name: .long, help: ArgumentHelp("Comma-separated: xlsx,json (default both).", valueName: "formats"),
            transform: ReportFormats.argument)
    var format: ReportFormats = .both

    @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out: String = "exports"

    @Option(name: .long, help: "Workbook language: id (Bahasa Indonesia, default) or en.")
    var lang: ReportLanguage = .id

    @OptionGroup var asOf: AsOfOption

    @Flag(name: .long, help: "Mark for publication: profile cells under 5 respondents show as \"< 5\".")
    var publish = false

    @OptionGroup var empty: EmptyPeriodOption

    func run() throws {
        let store = try storeOptions.openExisting()
        var options = methodOptions.reportOptions()
        options.forPublication = publish
        let selected = try selection.periods(in: store)
        try empty.check(empty: EmptyPeriodOption.isEmpty(store: store, selection: selected, method: options.method),
                        what: "responses or transactions", period: SelectionOptions.describe(selected))
        let pipeline = ReportPipeline(store: store, options: options, asOf: asOf.day.map(AsOf.endOfDay))
        // One run per concrete period: a relative period may differ between zones.
        var byPeriod: [(period: Period, agencies: [Agency])] = []
        for (agency, period) in selected {
            if let i = byPeriod.firstIndex(where: { $0.period == period }) { byPeriod[i].agencies.append(agency) } else { byPeriod.append((period, [agency])) }
        }
        for (period, agencies) in byPeriod {
            let written = try pipeline.write(agencies: agencies, periods: [period], formats: format.list,
                                             language: lang, to: URL(fileURLWithPath: out))
            for url in written { print(url.path) }
        }
    }
}
