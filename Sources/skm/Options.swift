import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

/// `--store`: the SQLite file. Defaults to `skm.sqlite` in the working directory, or `$SKM_STORE`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite store file.", valueName: "path"))
    var store: String = ProcessInfo.processInfo.environment["SKM_STORE"] ?? "skm.sqlite"

    func open() throws -> Store {
        do { return try Store(path: store) } catch { throw CLIError("cannot open store \(store): \(error)") }
    }

    /// For commands that only read (score, compliance, report, query): a mistyped `--store`
    /// must not leave an empty store file behind, and should say what to do.
    func openExisting() throws -> Store {
        guard FileManager.default.fileExists(atPath: store) else {
            throw CLIError("no store at \(store): run `skm init --store \(store)` first, or pass --store / set SKM_STORE")
        }
        return try open()
    }
}

/// `--period` and `--agency`, shared by score, compliance and report.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Period: a quarter (2024-Q3), a semester (2024-S1), a year (2024) or a range (2024-01-01..2024-03-31).",
        valueName: "period"))
    var period: String

    @Option(name: .long, help: ArgumentHelp("Agency code (see `skm catalog list`); default: every agency.", valueName: "code"))
    var agency: String?

    func validate() throws {
        guard Period(parsing: period) != nil else {
            throw ValidationError("'\(period)' is not a period: use 2024-Q3, 2024-S1, 2024 or 2024-01-01..2024-03-31")
        }
    }

    var parsedPeriod: Period { Period(parsing: period)! }

    func agencies(in store: Store) throws -> [Agency] {
        let all = try store.agencies()
        guard !all.isEmpty else { throw CLIError("the store has no catalog: run `skm init` first") }
        guard let agency else { return all }
        guard let a = all.first(where: { $0.code == agency }) else {
            throw CLIError("unknown agency '\(agency)'; known: \(all.map(\.code).joined(separator: ", "))")
        }
        return [a]
    }
}

/// Scoring options: method and weight convention.
struct MethodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Scoring method: permenpanrb-14-2017 (default) or kepmenpan-25-2004.", valueName: "id"))
    var method: String = IKMMethod.permenPANRB14_2017.id

    @Option(name: .long, help: ArgumentHelp("Weight per unsur: exact (1/9, default), 0.111 or 0.11 — to match earlier reports.", valueName: "w"))
    var weights: String = WeightConvention.exact.rawValue

    func validate() throws {
        guard IKMMethod.named(method) != nil else { throw ValidationError("unknown method '\(method)'") }
        guard WeightConvention(rawValue: weights) != nil else { throw ValidationError("--weights must be exact, 0.111 or 0.11") }
    }

    var ikmMethod: IKMMethod { IKMMethod.named(method)! }
    var convention: WeightConvention { WeightConvention(rawValue: weights)! }

    /// Report options for this method and weight, with a questionnaire layout of that method
    /// (the report names the layout; a 14-unsur survey was never asked in the 2017 order).
    func reportOptions() -> ReportOptions {
        var o = ReportOptions()
        o.method = ikmMethod
        o.weights = convention
        if o.layout.method != ikmMethod, let l = QuestionnaireLayout.all.first(where: { $0.method == ikmMethod }) { o.layout = l }
        return o
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// An error for the user: printed as is, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Writes to standard error (progress, warnings) so standard output stays machine-readable.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
