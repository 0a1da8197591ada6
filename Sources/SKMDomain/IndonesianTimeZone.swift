import Foundation

/// The three Indonesian time zones. Indonesia has no daylight saving, so each is a fixed
/// offset and local time is plain arithmetic on UTC seconds.
///
/// Mapped explicitly to IANA names: old tz data used "WIT" for *western* Indonesia, so the
/// abbreviation alone must never be handed to a tz database.
public enum IndonesianTimeZone: String, CaseIterable, Sendable, Codable {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    case wib = "WIB"
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, Sulawesi, South/East Kalimantan).
    case wita = "WITA"
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    case wit = "WIT"

    public var utcOffsetSeconds: Int64 {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    public var ianaIdentifier: String {
        switch self {
        case .wib: "Asia/Jakarta"
        case .wita: "Asia/Makassar"
        case .wit: "Asia/Jayapura"
        }
    }

    /// Accepts the abbreviation or the IANA name, case-insensitively.
    public init?(name: String) {
        let n = name.trimmingCharacters(in: .whitespaces).uppercased()
        if let z = IndonesianTimeZone(rawValue: n) { self = z; return }
        if let z = IndonesianTimeZone.allCases.first(where: { $0.ianaIdentifier.uppercased() == n }) { self = z; return }
        return nil
    }
}

/// A moment in local office time: a day and minutes since midnight.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public var date: LocalDate
    /// Minutes since local midnight, 0..<1440.
    public var minuteOfDay: Int

    public init(date: LocalDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.minuteOfDay) < (b.date, b.minuteOfDay)
    }
}

extension IndonesianTimeZone {
    /// Local wall-clock time of a UTC instant (seconds since 1970).
    public func local(_ instant: Int64) -> LocalDateTime {
        let (day, second) = dayAndSecond(instant)
        return LocalDateTime(date: LocalDate(dayNumber: Int(day)), minuteOfDay: Int(second) / 60)
    }

    /// The local day number (days since 1970-01-01) of a UTC instant and the second of that
    /// day. Floor division: before 1970 the day is the one before, not the one after zero.
    @inline(__always)
    func dayAndSecond(_ instant: Int64) -> (day: Int64, second: Int64) {
        let local = instant + utcOffsetSeconds
        let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
        return (day, local - day * 86400)
    }

    /// The UTC instant of a local wall-clock time.
    public func instant(_ date: LocalDate, minuteOfDay: Int, second: Int = 0) -> Int64 {
        Int64(date.dayNumber) * 86400 + Int64(minuteOfDay) * 60 + Int64(second) - utcOffsetSeconds
    }
}

extension IndonesianTimeZone {
    /// ISO 8601 local time with the zone's offset, e.g. "2025-12-31T23:59:59+07:00".
    public static func isoTimestamp(_ instant: Int64, in zone: IndonesianTimeZone) -> String {
        let l = zone.local(instant)
        let s = Int((instant + zone.utcOffsetSeconds) % 60 + 60) % 60
        return String(format: "%@T%02d:%02d:%02d+%02d:00", l.date.description, l.minuteOfDay / 60, l.minuteOfDay % 60, s,
                      Int(zone.utcOffsetSeconds / 3600))
    }
}
