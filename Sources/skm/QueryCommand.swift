import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// `skm query NAME --period P`: runs one of the named SQL reports in `queries/` and prints it
/// as a table, CSV, JSON or XLSX. `skm query --list` shows what there is.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a named SQL report from queries/ (table, CSV, JSON or XLSX).",
        discussion: """
            Each queries/NAME.sql starts with a header naming it and its parameters. The \
            standard ones are bound from the options: :period_start and :period_end (the \
            period's first and last local day), :agency (NULL without --agency) and :as_of \
            (the period's last day, or today if earlier). Others come from the query's \
            `-- default:` lines or from --param NAME=VALUE.

            Examples:
              skm query --list
              skm query monthly_volume --period 2024-S1
              skm query monthly_volume --period previous-quarter --format csv
              skm query services_without_enough_respondents --period 2024-Q3 --agency karangasem --format csv
              skm query slow_or_open_transactions --period 2024 --param days=30 --format xlsx --out exports/slow.xlsx
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    @Argument(help: "Query name (the file name without .sql).")
    var name: String?

    @Flag(name: .long, help: "List the queries with their descriptions and parameters.")
    var list = false

    @Option(name: .long, help: ArgumentHelp(SelectionOptions.periodHelp + " One query, one period: without --agency, a "
                                            + "relative period is the earliest the selected agencies' zones give.", valueName: "period"),
            transform: PeriodSpec.argument)
    var period: PeriodSpec?

    @Option(name: .long, help: ArgumentHelp("Agency code; default: every agency.", valueName: "code"), transform: AgencyCode.argument)
    var agency: AgencyCode?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Directory of the .sql files.", valueName: "dir"))
    var queries: String = ProcessInfo.processInfo.environment["SKM_QUERIES"] ?? "queries"

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Write to this file (atomically) instead of standard output; required for xlsx.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Another parameter, e.g. --param days=30 (repeatable).", valueName: "name=value"),
            transform: QueryParameter.argument)
    var params: [QueryParameter] = []

    func validate() throws {
        if list { return }
        guard name != nil else { throw ValidationError("name a query, or use --list") }
        guard period != nil else { throw ValidationError("--period is required (2025-03, 2024-Q3, 2024-S1, 2024, FROM..TO or previous-month …)") }
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
    }

    func run() throws {
        let dir = URL(fileURLWithPath: queries)
        if list {
            for q in try NamedQuery.load(directory: dir) {
                let defaults = q.defaults.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                print("\(q.name)\n    \(q.description)\n    params: \(q.parameters.map { ":" + $0 }.joined(separator: ", "))"
                      + (defaults.isEmpty ? "" : " (default \(defaults.joined(separator: ", ")))"))
            }
            return
        }
        guard let name, let spec = period else { throw ValidationError("name a query and its --period, or use --list") }
        let query = try NamedQuery.named(name, in: dir)
        let store = try storeOptions.openExisting()
        // A typo would otherwise bind an agency that matches nothing and print "(0 rows)".
        let agencies = try SelectionOptions.agencies(agency, in: store)
        let now = Int64(Date().timeIntervalSince1970)
        let resolved = agencies.map { ($0.code, spec.resolved(at: now, in: $0.timeZone)) }
        // The earliest: for previous-… the period that has ended in every selected zone.
        let p = resolved.map(\.1).min { $0.start < $1.start } ?? spec.resolved(at: now, in: .wib)
        if spec.isRelative { note("note: \(spec) is \(p) (\(p.start) to \(p.end))") }
        var args = NamedQuery.standardArguments(period: p, agency: agency?.rawValue)
        let today = IndonesianTimeZone.wib.local(Int64(Date().timeIntervalSince1970)).date
        args["as_of"] = min(p.end, today).description
        let accepted = query.parameters.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) }
        for param in params {
            guard accepted.contains(param.name) else {
                throw CLIError("query \(query.name) has no parameter :\(param.name); its parameters: \(accepted.map { ":" + $0 }.joined(separator: ", "))")
            }
            args[param.name] = param.value
        }
        let result = try query.run(store: store, arguments: args)
        switch (format, out) {
        case (.xlsx, let out?):
            try result.writeXLSX(to: URL(fileURLWithPath: out), sheetName: query.name)
            print(out)
        case (.xlsx, nil):
            throw ValidationError("--format xlsx needs --out FILE")
        case (.table, _), (.csv, _), (.json, _):
            let text = format == .csv ? result.csv() : format == .json ? try result.json() : result.table()
            if let out {
                try AtomicFile.write(to: URL(fileURLWithPath: out)) { try Data(text.utf8).write(to: $0) }
                print(out)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

/// `--param NAME=VALUE`; a leading `:` on the name is allowed, as the query files write it.
struct QueryParameter: TextArgument {
    let name: String
    let value: String

    static func parse(_ text: String) throws(ArgumentProblem) -> QueryParameter {
        guard let eq = text.firstIndex(of: "=") else { throw ArgumentProblem("use NAME=VALUE, e.g. days=30") }
        let name = text[..<eq].trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        guard !name.isEmpty else { throw ArgumentProblem("use NAME=VALUE, e.g. days=30") }
        return QueryParameter(name: name, value: String(text[text.index(after: eq)...]))
    }
}
