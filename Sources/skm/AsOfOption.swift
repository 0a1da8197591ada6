import ArgumentParser
import Foundation
import SKMDomain

/// `--as-of`: the moment open transactions are judged at. Default: now. A fixed value makes a
/// report reproducible (the demo uses its extraction date).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge open transactions as of the end of this day (YYYY-MM-DD); default now.", valueName: "date"),
            transform: LocalDate.argument)
    var day: LocalDate?

    /// The end of the `--as-of` day in `zone`; nil when no date was given (judge as of now).
    func instant(zone: IndonesianTimeZone) -> Int64? {
        day.map { AsOf.endOfDay($0).instant(in: zone) }
    }

    /// What the output says the figures were judged at: "2024-12-31 (end of that day, …)" for
    /// a given day, "now, 2026-11-27 14:05 WIB" by default.
    func describe(instant: Int64) -> String {
        if let day { return "\(day) (end of that day, each agency's local time)" }
        let t = IndonesianTimeZone.wib.local(instant)
        return "now, \(t.date) " + String(format: "%02d:%02d WIB", t.minuteOfDay / 60, t.minuteOfDay % 60)
    }
}
