import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the evaluation report (XLSX and JSON, or the public page as HTML) per agency for a period.",
        discussion: """
            One file per agency and period, named <agency>_<period>.xlsx / .json, written \
            atomically (temporary file, then rename) so a scheduled job never publishes a \
            half-written file. The workbook is in Bahasa Indonesia unless --lang en.

            --format html writes the public results page (the one skm serve shows at \
            /p/<agency>) as one self-contained file for the office's website, with the \
            "hasil SKM" infographic as <agency>_<period>.svg (and .png when rsvg-convert is \
            installed); always for publication, as with --publish.

            Examples:
              skm report --period 2024-S1
              skm report --period previous-semester --format json --out /srv/publish
              skm report --period 2024-Q3 --agency karangasem --format xlsx --lang en
              skm report --period 2024-01-01..2024-03-31 --format json --out /srv/publish
              skm report --period 2025-S1 --agency bengkulu-selatan --format html --out /srv/www/skm
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var methodOptions: MethodOptions

    @Option(name: .long, help: ArgumentHelp("Comma-separated: xlsx,json,html (default xlsx,json).", valueName: "formats"),
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
        let directory = URL(fileURLWithPath: out)
        for (period, agencies) in byPeriod {
            if !format.list.isEmpty {
                let written = try pipeline.write(agencies: agencies, periods: [period], formats: format.list, language: lang, to: directory)
                for url in written { print(url.path) }
            }
            if format.html {
                try OutputDirectory.prepare(directory)
                let files = PublishedFiles(pipeline: pipeline, language: lang == .en ? .en : .id, directory: directory)
                for agency in agencies {
                    for url in try files.write(agency: agency, period: period) { print(url.path) }
                }
            }
        }
    }
}
