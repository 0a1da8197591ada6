/// A calendar day with no time zone attached, as an office writes it on a register.
///
/// Stored as days since 1970-01-01 so that day arithmetic (deadlines, periods) is an
/// integer addition; conversions use Howard Hinnant's civil-date algorithms rather than
/// Foundation's `Calendar`, which is far slower and needs a time-zone object.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil for an impossible date such as 2023-02-29.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD` (see `ISODate`); nil for anything else or an impossible day.
    public init?(iso text: some StringProtocol) {
        guard let d = ISODate.parse(text) else { return nil }
        self = d
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday (Senin … Minggu).
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The same day `n` months later, clamped to the end of a shorter month (31 Jan + 1 → 28/29 Feb).
    public func adding(months n: Int) -> LocalDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(c.day, LocalDate.daysIn(month: m, year: y)))!
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `YYYY-MM-DD`. Written digit by digit: it is called for every imported row and every
    /// stored date, where interpolation is far slower (docs/performance.md).
    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else { return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)" }
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ i: Int, _ v: Int) { b[i] = UInt8(48 + v) }
            put(0, c.year / 1000); put(1, c.year / 100 % 10); put(2, c.year / 10 % 10); put(3, c.year % 10)
            b[4] = UInt8(ascii: "-"); put(5, c.month / 10); put(6, c.month % 10)
            b[7] = UInt8(ascii: "-"); put(8, c.day / 10); put(9, c.day % 10)
            return 10
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
