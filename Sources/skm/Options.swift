import ArgumentParser
import Foundation
import SKMDomain
import SKMPostgres
import SKMReports
import SKMStorage

/// `--store`: the SQLite file, or a PostgreSQL database as `postgres://user@host:port/db`.
/// Defaults to `skm.sqlite` in the working directory, or `$SKM_STORE`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite store file, or postgres://user@host:port/database.", valueName: "path|url"))
    var store: String = ProcessInfo.processInfo.environment["SKM_STORE"] ?? "skm.sqlite"

    var isPostgres: Bool { PostgresAddress.isPostgres(store) }

    init() {}
    init(store: String) { self.store = store }

    func open() throws -> any SurveyStore {
        if isPostgres {
            do { return try PostgresStore(address: store) } catch { throw CLIError("\(error)") }
        }
        do { return try Store(path: store) } catch { throw CLIError("cannot open store \(store): \(error)") }
    }

    /// For commands that only read (score, compliance, report, query): a mistyped `--store`
    /// must not leave an empty store file behind, and should say what to do.
    func openExisting() throws -> any SurveyStore {
        guard isPostgres || FileManager.default.fileExists(atPath: store) else {
            throw CLIError("no store at \(store): run `skm init --store \(store)` first, or pass --store / set SKM_STORE")
        }
        return try open()
    }
}

/// `--period` and `--agency`, shared by score, compliance and report.
struct SelectionOptions: ParsableArguments {
    static let periodHelp = "Period: a month (2025-03), a quarter (2024-Q3), a semester (2024-S1), a year (2024), a range "
        + "(2024-01-01..2024-03-31), or previous-/current-month|quarter|semester|year, resolved in each agency's time zone."

    @Option(name: .long, help: ArgumentHelp(periodHelp, valueName: "period"), transform: PeriodSpec.argument)
    var period: PeriodSpec

    @Option(name: .long, help: ArgumentHelp("Agency code (see `skm catalog list`); default: every agency.", valueName: "code"),
            transform: AgencyCode.argument)
    var agency: AgencyCode?

    func agencies(in store: any SurveyStore) throws -> [Agency] {
        try Self.agencies(agency, in: store)
    }

    /// The selected agencies, each with the concrete period `--period` is for it now. A
    /// relative period is resolved in the agency's own zone and said on standard error
    /// (`previous-semester is 2025-S2 for …`), so a log shows which period a job reported.
    func periods(in store: any SurveyStore, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> [(agency: Agency, period: Period)] {
        let list = try agencies(in: store).map { ($0, period.resolved(at: now, in: $0.timeZone)) }
        Self.sayResolved(period, list.map { ($0.0.code, $0.1) })
        return list
    }

    /// The concrete periods of a selection, once each, for messages: "2025-S2" or "2025-11, 2025-12".
    static func describe(_ selection: [(agency: Agency, period: Period)]) -> String {
        var seen: [Period] = []
        for (_, p) in selection where !seen.contains(p) { seen.append(p) }
        return seen.map(\.description).joined(separator: ", ")
    }

    /// Notes on standard error what a relative period became, grouped by concrete period.
    static func sayResolved(_ spec: PeriodSpec, _ resolved: [(code: String, period: Period)]) {
        guard spec.isRelative else { return }
        var order: [Period] = []
        var codes: [Period: [String]] = [:]
        for (code, p) in resolved {
            if codes[p] == nil { order.append(p) }
            codes[p, default: []].append(code)
        }
        for p in order {
            let who = order.count == 1 ? "every selected agency" : codes[p]!.joined(separator: ", ")
            note("note: \(spec) is \(p) (\(p.start) to \(p.end)) for \(who)")
        }
    }

    /// Every agency of the store's catalog, or the one named; an unknown code lists the known ones.
    static func agencies(_ code: AgencyCode?, in store: any SurveyStore) throws -> [Agency] {
        let all = try store.agencies()
        guard !all.isEmpty else { throw CLIError("the store has no catalog: run `skm init` first") }
        guard let code else { return all }
        guard let a = all.first(where: { $0.code == code.rawValue }) else {
            throw CLIError("unknown agency '\(code)'; known: \(all.map(\.code).joined(separator: ", "))")
        }
        return [a]
    }
}

/// Scoring options: method and weight convention.
struct MethodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Scoring method: permenpanrb-14-2017 (default) or kepmenpan-25-2004.", valueName: "id"))
    var method: IKMMethod = .permenPANRB14_2017

    @Option(name: .long, help: ArgumentHelp("Weight per unsur: exact (1/9, default), 0.111 or 0.11 — to match earlier reports.", valueName: "w"))
    var weights: WeightConvention = .exact

    /// Report options for this method and weight, with a questionnaire layout of that method
    /// (the report names the layout; a 14-unsur survey was never asked in the 2017 order).
    func reportOptions() -> ReportOptions {
        var o = ReportOptions()
        o.method = method
        o.weights = weights
        if o.layout.method != method, let l = QuestionnaireLayout.all.first(where: { $0.method == method }) { o.layout = l }
        return o
    }
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
