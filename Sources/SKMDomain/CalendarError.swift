/// Why a working calendar cannot answer.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The date lies in a year whose national holidays and *cuti bersama* are not loaded.
    /// Judging it anyway would silently treat Idul Fitri as a working day, so it is refused.
    case yearNotLoaded(Int)
    /// Office hours that cannot be right: an interval that closes before it opens, overlaps
    /// the previous one or leaves the day. `day` is a weekday name or an ISO date.
    case invalidOfficeHours(day: String, reason: String)

    public var description: String {
        switch self {
        case .yearNotLoaded(let year):
            "the holiday calendar for \(year) is not loaded (seeds/holidays/\(year).csv is missing): "
                + "add the national holidays and cuti bersama of \(year) before judging dates in that year"
        case .invalidOfficeHours(let day, let reason):
            "invalid office hours on \(day): \(reason)"
        }
    }
}
