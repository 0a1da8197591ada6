import ArgumentParser
import Foundation
import SKMDomain

/// `--as-of`: the moment open transactions are judged at. Default: now. A fixed value makes a
/// report reproducible (the demo uses its extraction date).
enum AsOfOption {
    /// The end of the `--as-of` day in `zone`; nil when no date was given (judge as of now).
    static func instant(_ text: String?, zone: IndonesianTimeZone) throws -> Int64? {
        guard let text else { return nil }
        guard let d = LocalDate(iso: text) else { throw CLIError("--as-of must be a date YYYY-MM-DD, got '\(text)'") }
        return AsOf.endOfDay(d).instant(in: zone)
    }

    /// A malformed `--as-of` is bad usage (exit 64), caught before the store is opened.
    static func validate(_ text: String?) throws {
        if let text, LocalDate(iso: text) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(text)'")
        }
    }

    /// What the output says the figures were judged at: "2024-12-31 (end of day WIB)" for a
    /// given day, "now, 2026-11-27 14:05 WIB" by default.
    static func describe(_ text: String?, instant: Int64) -> String {
        if let text { return "\(text) (end of that day, each agency's local time)" }
        let t = IndonesianTimeZone.wib.local(instant)
        return "now, \(t.date) " + String(format: "%02d:%02d WIB", t.minuteOfDay / 60, t.minuteOfDay % 60)
    }
}
