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
              skm query services_without_enough_respondents --period 2024-Q3 --agency karangasem --format csv
              skm query slow_or_open_transactions --period 2024 --param days=30 --format xlsx --out exports/slow.xlsx
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    @Argument(help: "Query name (the file name without .sql).")
    var name: String?

    @Flag(name: .long, help: "List the queries with their descriptions and parameters.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Period: 2024-Q3, 2024-S1, 2024 or 2024-01-01..2024-03-31.", valueName: "period"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("Agency code; default: every agency.", valueName: "code"))
    var agency: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Directory of the .sql files.", valueName: "dir"))
    var queries: String = ProcessInfo.processInfo.environment["SKM_QUERIES"] ?? "queries"

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Write to this file (atomically) instead of standard output; required for xlsx.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Another parameter, e.g. --param days=30 (repeatable).", valueName: "name=value"))
    var params: [String] = []

    func validate() throws {
        if list { return }
        guard name != nil else { throw ValidationError("name a query, or use --list") }
        guard let period else { throw ValidationError("--period is required (2024-Q3, 2024-S1, 2024 or FROM..TO)") }
        guard Period(parsing: period) != nil else {
            throw ValidationError("'\(period)' is not a period: use 2024-Q3, 2024-S1, 2024 or 2024-01-01..2024-03-31")
        }
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
        for p in params where !p.contains("=") { throw ValidationError("--param expects NAME=VALUE, got '\(p)'") }
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
        let query = try NamedQuery.named(name!, in: dir)
        guard FileManager.default.fileExists(atPath: storeOptions.store) else {
            throw CLIError("no store at \(storeOptions.store): run `skm init` or pass --store")
        }
        let store = try storeOptions.open()
        let p = Period(parsing: period!)!
        var args = NamedQuery.standardArguments(period: p, agency: agency)
        let today = IndonesianTimeZone.wib.local(Int64(Date().timeIntervalSince1970)).date
        args["as_of"] = min(p.end, today).description
        if let agency {
            // A typo would otherwise bind an agency that matches nothing and print "(0 rows)".
            let known = try store.agencies().map(\.code)
            guard known.contains(agency) else { throw CLIError("unknown agency '\(agency)'; known: \(known.joined(separator: ", "))") }
        }
        let accepted = query.parameters.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) }
        for kv in params {
            let parts = kv.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard accepted.contains(key) else {
                throw CLIError("query \(query.name) has no parameter :\(key); its parameters: \(accepted.map { ":" + $0 }.joined(separator: ", "))")
            }
            args[key] = String(parts[1])
        }
        let result = try query.run(store: store, arguments: args)
        switch format {
        case .xlsx:
            try result.writeXLSX(to: URL(fileURLWithPath: out!), sheetName: query.name)
            print(out!)
        case .table, .csv, .json:
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
