/// A reporting period (*periode*): a month (*bulan*), a quarter (*triwulan*), a semester, a
/// year or any date range. Days are local to the agency, so a period never needs a time zone of
/// its own; a relative period ("previous semester") is a `PeriodSpec`, resolved in one.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case month, quarter, semester, year, range }

    public let kind: Kind
    /// First day, inclusive.
    public let start: LocalDate
    /// Last day, inclusive.
    public let end: LocalDate

    public init(kind: Kind, start: LocalDate, end: LocalDate) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public static func month(_ year: Int, _ m: Int) -> Period {
        let s = LocalDate(year: year, month: m, day: 1)!
        return Period(kind: .month, start: s, end: s.adding(months: 1).adding(days: -1))
    }

    public static func quarter(_ year: Int, _ q: Int) -> Period {
        let s = LocalDate(year: year, month: (q - 1) * 3 + 1, day: 1)!
        return Period(kind: .quarter, start: s, end: s.adding(months: 3).adding(days: -1))
    }

    public static func semester(_ year: Int, _ h: Int) -> Period {
        let s = LocalDate(year: year, month: (h - 1) * 6 + 1, day: 1)!
        return Period(kind: .semester, start: s, end: s.adding(months: 6).adding(days: -1))
    }

    public static func year(_ year: Int) -> Period {
        Period(kind: .year, start: LocalDate(year: year, month: 1, day: 1)!, end: LocalDate(year: year, month: 12, day: 31)!)
    }

    /// Parses `2025-03`, `2024-Q3`, `2024-S1`, `2024`, or `2024-01-15..2024-02-20`.
    public init?(parsing text: String) {
        let t = text.uppercased()
        if let r = t.range(of: "..") {
            guard let s = LocalDate(iso: t[..<r.lowerBound]), let e = LocalDate(iso: t[r.upperBound...]), s <= e else { return nil }
            self.init(kind: .range, start: s, end: e)
            return
        }
        let parts = t.split(separator: "-")
        guard let first = parts.first, first.count == 4, let y = Int(first), (1900...2999).contains(y) else { return nil }
        if parts.count == 1 { self = .year(y); return }
        guard parts.count == 2 else { return nil }
        // A month is exactly two digits, so that `2025-3` is not silently read as March.
        if parts[1].count == 2, parts[1].allSatisfy(\.isASCII), let m = Int(parts[1]) {
            guard (1...12).contains(m) else { return nil }
            self = .month(y, m); return
        }
        guard let tag = parts[1].first, let n = Int(parts[1].dropFirst()) else { return nil }
        switch (tag, n) {
        case ("Q", 1...4), ("T", 1...4): self = .quarter(y, n)
        case ("S", 1...2): self = .semester(y, n)
        default: return nil
        }
    }

    public func contains(_ d: LocalDate) -> Bool { d >= start && d <= end }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    /// The period of the same length just before this one (2024-S1 → 2023-S2).
    public var previous: Period {
        switch kind {
        case .month: return start.month == 1 ? .month(start.year - 1, 12) : .month(start.year, start.month - 1)
        case .quarter: let q = (start.month - 1) / 3 + 1
            return q == 1 ? .quarter(start.year - 1, 4) : .quarter(start.year, q - 1)
        case .semester: return start.month == 1 ? .semester(start.year - 1, 2) : .semester(start.year, 1)
        case .year: return .year(start.year - 1)
        case .range: return Period(kind: .range, start: start.adding(days: -dayCount), end: start.adding(days: -1))
        }
    }

    /// The label used in file names and reports: `2025-03`, `2024-Q3`, `2024-S1`, `2024`, `2024-01-15..2024-02-20`.
    public var description: String {
        switch kind {
        case .month: String(start.description.prefix(7))  // YYYY-MM
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .semester: "\(start.year)-S\(start.month == 1 ? 1 : 2)"
        case .year: "\(start.year)"
        case .range: "\(start)..\(end)"
        }
    }

    /// Indonesian label: "Maret 2025", "Triwulan III 2024", "Semester I 2024", "Tahun 2024".
    public var indonesianLabel: String {
        let roman = ["I", "II", "III", "IV"]
        switch kind {
        case .month: return "\(Self.indonesianMonths[start.month - 1]) \(start.year)"
        case .quarter: return "Triwulan \(roman[(start.month - 1) / 3]) \(start.year)"
        case .semester: return "Semester \(start.month == 1 ? "I" : "II") \(start.year)"
        case .year: return "Tahun \(start.year)"
        case .range: return "\(start) s.d. \(end)"
        }
    }

    public var englishLabel: String {
        switch kind {
        case .month: "\(Self.englishMonths[start.month - 1]) \(start.year)"
        case .quarter: "Q\((start.month - 1) / 3 + 1) \(start.year)"
        case .semester: "Semester \(start.month == 1 ? 1 : 2) \(start.year)"
        case .year: "Year \(start.year)"
        case .range: "\(start) to \(end)"
        }
    }

    static let indonesianMonths = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                   "September", "Oktober", "November", "Desember"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// The calendar months that a span of days touches, in order.
    public static func months(covering from: LocalDate, _ to: LocalDate) -> [Period] {
        var out: [Period] = []
        var (y, m) = (from.year, from.month)
        while (y, m) <= (to.year, to.month) {
            out.append(.month(y, m))
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }

    /// The quarters, semesters and years that a span of days touches, for "all periods" runs.
    public static func standardPeriods(covering from: LocalDate, _ to: LocalDate) -> [Period] {
        var out: [Period] = []
        for y in from.year...to.year {
            out.append(.year(y))
            out += (1...2).map { Period.semester(y, $0) }
            out += (1...4).map { Period.quarter(y, $0) }
        }
        return out.filter { $0.end >= from && $0.start <= to }
    }
}
