import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score SKM responses with the IKM method for a period.",
        discussion: """
            Prints, per agency and per service: respondents, NRR per unsur, IKM (1–4), IKM unit \
            pelayanan (×25) with its 95% confidence interval, mutu and kinerja, the lowest unsur, \
            whether the sample is large enough (Krejcie–Morgan), and the change against the \
            previous period of the same length.

            Examples:
              skm score --period 2024-S1
              skm score --period previous-month --format json
              skm score --period 2024-Q3 --agency bengkulu-selatan --service informasi --format json
              skm score --period 2024 --weights 0.111
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var methodOptions: MethodOptions

    @Option(name: .long, help: ArgumentHelp("Only this service code.", valueName: "code"))
    var service: String?

    @Option(name: .long, help: "Output: table (default) or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Population for the sample check instead of the period's transactions.", valueName: "n"))
    var population: Int?

    @OptionGroup var empty: EmptyPeriodOption

    @Flag(name: .long, help: "Compute the figures again instead of serving those kept from an earlier run with the same data.")
    var recompute = false

    func run() throws {
        let store = try storeOptions.openExisting()
        var options = methodOptions.reportOptions()
        options.population = population
        let builder = ReportBuilder(store: store, options: options, compliance: nil)
        let kept = KeptFigures(store: store, serve: !recompute)
        let now = Int64(Date().timeIntervalSince1970)
        var groups: [ScoreGroup] = []
        let selected = try selection.periods(in: store)
        // Groups name their period only when a relative period became different ones per zone.
        let periodPerGroup = Set(selected.map(\.period)).count > 1
        let detail = [options.method.id, options.weights.rawValue, options.layout.title, population.map(String.init) ?? ""].joined(separator: "|")
        // Agencies on all cores: each report's reads are independent.
        let scores = try parallelMap(selected) { agency, period in
            try kept.figures("score", agency: agency.code, detail: "\(period)|\(detail)", through: period.end, now: now) {
                let report = try builder.build(agency: agency, period: period)
                return (AgencyScore(report), report.statusesChangeAt)
            }
        }
        for ((agency, period), score) in zip(selected, scores) {
            // What the workbook lists under Catatan (an unsur nobody answered, responses for
            // services outside the catalog) must not vanish from the terminal.
            for w in score.warnings where service == nil { note("warning: \(agency.code): \(w)") }
            let p = periodPerGroup ? period.description : nil
            for var g in score.groups where service == nil || g.service == service {
                if let s = g.service {
                    for w in score.serviceWarnings[s] ?? [] { note("warning: \(agency.code)/\(s): \(w)") }
                }
                g.period = p
                groups.append(g)
            }
        }
        if let service, !groups.contains(where: { $0.service == service }) {
            throw CLIError("no service '\(service)' in the selected agencies")
        }
        if options.method != .permenPANRB14_2017, !groups.contains(where: { ($0.figures.respondents ?? 0) > 0 }) {
            // Responses are stored under the method they were collected with; the usual 9-unsur
            // surveys never count for Kepmenpan 25/2004, so an all-empty table needs a reason.
            note("note: no responses collected with \(options.method.id) in this period; import 14-unsur surveys with `skm import responses FILE --layout kepmenpan-2004`")
        }
        let periodText = SelectionOptions.describe(selected)
        try empty.check(empty: !groups.contains { ($0.figures.respondents ?? 0) > 0 }, what: "responses", period: periodText)
        let doc = ScoreDocument(period: periodPerGroup ? selection.period.description : periodText,
                                requestedPeriod: selection.period.isRelative ? selection.period.description : nil, method: options.method.id,
                                weightConvention: options.weights.describe(unsurCount: options.method.unsur.count), groups: groups)
        switch format {
        case .json: print(String(decoding: try JSONReportWriter.encoder.encode(doc), as: UTF8.self))
        case .table: print(doc.table())
        }
    }
}

/// One agency's rows of `skm score`, as kept between runs (`KeptFigures`).
struct AgencyScore: Codable {
    /// The agency as a whole, then its services in catalog order.
    var groups: [ScoreGroup]
    /// The agency's warnings, as printed.
    var warnings: [String]
    /// Each service's, by code.
    var serviceWarnings: [String: [String]]

    init(_ report: EvaluationReport) {
        let a = report.agency
        groups = [ScoreGroup(agency: a.code, service: nil, name: a.name, period: nil, figures: report.overall)]
            + report.services.map { ScoreGroup(agency: a.code, service: $0.code, name: $0.name, period: nil, figures: $0.figures) }
        warnings = (report.warnings + report.overall.warnings).map(\.description)
        serviceWarnings = Dictionary(report.services.map { ($0.code, $0.figures.warnings.map(\.description)) }) { a, _ in a }
    }
}

struct ScoreGroup: Codable {
    var agency: String
    /// Nil for the agency as a whole.
    var service: String?
    var name: String
    /// Only when the agencies' periods differ (a relative period resolved across zones).
    var period: String?
    var figures: GroupFigures
}

struct ScoreDocument: Codable {
    /// The concrete period (`2025-S2`), even when asked for as `previous-semester`; the request
    /// itself when agencies in different zones resolved it differently (each group then names its own).
    var period: String
    /// `previous-semester` etc. when the period was asked for relative to today; else absent.
    var requestedPeriod: String?
    var method: String
    var weightConvention: String
    var groups: [ScoreGroup]

    func table() -> String {
        var rows = [["agency", "service", "n", "IKM", "95% CI", "mutu", "kinerja", "sample", "lowest", "change"]]
        for g in groups {
            let f = g.figures
            rows.append([
                g.agency, g.service ?? "(all)", f.respondents.map(String.init) ?? "< 5",
                f.ikmConvertedRounded.map { String(format: "%.2f", $0) } ?? "–",
                f.confidence95.map { String(format: "±%.2f", $0.halfWidth) } ?? "–",
                f.mutu ?? "–", f.kinerja ?? "–",
                f.sample.map { !$0.isPopulationKnown ? "\($0.respondents)/? populasi tidak diketahui"
                    : "\($0.respondents)/\($0.required)" + ($0.isAdequate ? "" : " !") } ?? "–",
                f.lowestUnsur.joined(separator: ","),
                f.change.map { String(format: "%+.2f%@", $0.delta, $0.significant ? " *" : "") } ?? "–",
            ])
        }
        let periodLine = requestedPeriod.map { "period \(period) (\($0))" } ?? "period \(period)"
        return TextTable.render(rows) + "\n\(periodLine); method \(method), weight \(weightConvention); '!' sample below Krejcie–Morgan minimum; '*' change beyond 95% noise"
    }
}
