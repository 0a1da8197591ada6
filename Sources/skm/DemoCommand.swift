import ArgumentParser
import Foundation
import SKMDemo
import SKMDomain
import SKMImport
import SKMReports
import SKMStorage

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole job on generated demo data, or generate demo files.",
        subcommands: [Run.self, Generate.self],
        defaultSubcommand: Run.self)

    struct Size: ParsableArguments {
        @Option(name: .long, help: "Transactions to generate.")
        var transactions: Int = DemoPlan().transactions

        @Option(name: .long, help: "SKM responses to generate, approximately: finished transactions are surveyed at random at that rate.")
        var responses: Int = DemoPlan().responses

        @Option(name: .long, help: "Random seed: the same seed gives the same files.")
        var seed: UInt64 = DemoPlan().seed

        func validate() throws {
            guard transactions >= 1, responses >= 0 else { throw ValidationError("--transactions must be ≥ 1 and --responses ≥ 0") }
        }

        var plan: DemoPlan {
            var p = DemoPlan()
            p.transactions = transactions
            p.responses = responses
            p.seed = seed
            return p
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Store + seeds + generated demo data → reports in exports/ (the default).",
            discussion: """
                Creates the store, loads seeds/, writes demo registers to <out>/demo-input/, \
                imports them (a few bad rows are rejected on purpose), scores, checks turnaround \
                and writes one XLSX and one JSON report per agency and semester. Running it \
                again gives the same files and adds no rows.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var size: Size

        @OptionGroup var seeds: SeedsOption

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "exports"

        @Option(name: .long, help: "Workbook language: id (default) or en.")
        var lang: ReportLanguage = .id

        func run() throws {
            let store = try storeOptions.open()
            let catalog = try seeds.load(into: store)
            note("catalog: \(catalog.agencies.count) agencies, \(catalog.serviceCount) services")
            let plan = size.plan
            let input = URL(fileURLWithPath: out).appendingPathComponent("demo-input")
            let tFile = input.appendingPathComponent("transactions.csv"), rFile = input.appendingPathComponent("responses.csv")
            let summary = try DemoGenerator(agencies: catalog.agencies, holidays: catalog.nationalHolidays, plan: plan)
                .write(transactionsTo: tFile, responsesTo: rFile)
            note("generated \(summary.transactions) transactions and \(summary.responses) responses "
                + "(+\(summary.badTransactionRows + summary.badResponseRows) bad rows on purpose) in \(input.path)")
            for (kind, file) in [(ImportKind.transactions, tFile), (.responses, rFile)] {
                let report = try Importer.run(kind, file: file.path, into: store)
                note(report.summary())
            }
            var options = ReportOptions()
            options.generatedBy = "skm demo"
            let semesters = Period.standardPeriods(covering: plan.from, plan.to).filter { $0.kind == .semester }
            let written = try ReportPipeline(store: store, options: options, asOf: .endOfDay(plan.asOf))
                .write(agencies: catalog.agencies, periods: semesters, formats: [.xlsx, .json],
                       language: lang, to: URL(fileURLWithPath: out)).map(\.path)
            print("store: \(store.path)")
            print("reports (\(written.count) files):")
            for w in written { print("  \(w)") }
            let sample = Period.standardPeriods(covering: plan.from, plan.to).filter { $0.kind == .semester }.dropFirst().first ?? .year(plan.to.year)
            print("next: skm score --period \(sample) --store \(store.path)   |   skm compliance --period \(sample) --as-of \(plan.asOf) --store \(store.path)")
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write demo transactions.csv and responses.csv (any size, reproducible) without importing.",
            discussion: """
                Example (the scale benchmark's input):
                  skm demo generate --transactions 1000000 --responses 1000000 --out bench-data
                """)

        @OptionGroup var size: Size

        @OptionGroup var seeds: SeedsOption

        @Option(name: .long, help: ArgumentHelp("Directory for the CSV files.", valueName: "dir"))
        var out: String = "exports/demo-input"

        @Flag(name: .customLong("no-bad-rows"), help: "Leave out the deliberately bad rows.")
        var noBadRows = false

        func run() throws {
            let catalog = try seeds.load()
            var plan = size.plan
            plan.includeBadRows = !noBadRows
            let dir = URL(fileURLWithPath: out)
            let started = Date()
            let s = try DemoGenerator(agencies: catalog.agencies, holidays: catalog.nationalHolidays, plan: plan)
                .write(transactionsTo: dir.appendingPathComponent("transactions.csv"), responsesTo: dir.appendingPathComponent("responses.csv"))
            print("\(dir.path)/transactions.csv: \(s.transactions) rows; responses.csv: \(s.responses) rows "
                + String(format: "(%.1f s)", Date().timeIntervalSince(started)))
        }
    }
}
