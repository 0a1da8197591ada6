/// When open transactions are judged: the instant a report's "still open" and "overdue" are
/// counted at. Written once here so that the CLI's `--as-of`, the server's `as_of` and the
/// report pipeline agree on what "as of a day" means.
public enum AsOf: Sendable, Equatable {
    /// The end of this day in the agency's own time zone: its last second, so that a
    /// transaction finished at 23:59 local time counts as finished that day.
    case endOfDay(LocalDate)
    /// A given instant (UTC seconds), e.g. an ISO 8601 time with an offset.
    case instant(Int64)

    /// The instant in `zone`, in UTC seconds.
    public func instant(in zone: IndonesianTimeZone) -> Int64 {
        switch self {
        case let .endOfDay(d): zone.instant(d.adding(days: 1), minuteOfDay: 0) - 1
        case let .instant(t): t
        }
    }

    /// `asOf` in `zone`, or now when there is none.
    public static func instant(_ asOf: AsOf?, in zone: IndonesianTimeZone, now: Int64) -> Int64 {
        asOf?.instant(in: zone) ?? now
    }
}
