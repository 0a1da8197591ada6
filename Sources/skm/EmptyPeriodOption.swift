import ArgumentParser
import SKMDomain
import SKMStorage

/// `--allow-empty`, and exit status 4 without it: a run on a period with no data for the
/// selection (a typo'd year, an import that never happened) must not look like success to a
/// scheduled job. README's exit codes list it.
struct EmptyPeriodOption: ParsableArguments {
    /// The exit status of a run that found nothing to report.
    static let exitCode = ExitCode(4)

    @Flag(name: .long, help: "Exit 0 even when the period has no data for the selection (default: exit 4).")
    var allowEmpty = false

    /// Says on standard error that `what` found nothing in `period`; throws exit status 4
    /// unless `--allow-empty`, when the run goes on and writes its empty output.
    func check(empty: Bool, what: String, period: some CustomStringConvertible) throws {
        guard empty else { return }
        if allowEmpty {
            note("note: no \(what) in \(period) for the selected agencies")
        } else {
            note("error: no \(what) in \(period) for the selected agencies; nothing written (exit status 4, --allow-empty to accept)")
            throw Self.exitCode
        }
    }

    /// Whether the store has neither a response nor a transaction of `agencies` in `period`:
    /// what a report would be built from.
    static func isEmpty(store: any SurveyStore, agencies: [Agency], period: Period, method: IKMMethod) throws -> Bool {
        try isEmpty(store: store, selection: agencies.map { ($0, period) }, method: method)
    }

    /// The same for agencies each with its own period (a relative period resolved per zone).
    static func isEmpty(store: any SurveyStore, selection: [(agency: Agency, period: Period)], method: IKMMethod) throws -> Bool {
        for (a, period) in selection {
            if try !store.transactionCounts(agency: a.code, period: period).isEmpty { return false }
            if try store.responseTallies(agency: a.code, period: period, method: method).values.contains(where: { $0.respondents > 0 }) { return false }
        }
        return true
    }
}
