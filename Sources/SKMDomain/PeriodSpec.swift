/// A period as a user or a scheduled job asks for it: a fixed `Period` (`2025-03`, `2024-S1`)
/// or one relative to today (`previous-semester`), which becomes a fixed one only when resolved
/// at a moment in a time zone.
///
/// Relative periods are resolved in each agency's own zone because "today" differs: at
/// 2026-01-01 00:30 WIT it is still 2025-12-31 in WIB, so `previous-month` is 2025-12 for an
/// office in Jayapura and 2025-11 for one in Jakarta. A scheduled job thus never needs date
/// arithmetic of its own, and the output names the concrete period each relative one became.
public enum PeriodSpec: Hashable, Sendable, CustomStringConvertible {
    case fixed(Period)
    case relative(RelativePeriod)

    /// Parses a fixed period (`Period(parsing:)`) or a relative one (`RelativePeriod(parsing:)`).
    public init?(parsing text: String) {
        if let r = RelativePeriod(parsing: text) { self = .relative(r); return }
        guard let p = Period(parsing: text) else { return nil }
        self = .fixed(p)
    }

    /// The concrete period on the local day of `instant` (UTC seconds) in `zone`.
    public func resolved(at instant: Int64, in zone: IndonesianTimeZone) -> Period {
        resolved(on: zone.local(instant).date)
    }

    /// The concrete period on the local day `today`.
    public func resolved(on today: LocalDate) -> Period {
        switch self {
        case .fixed(let p): p
        case .relative(let r): r.resolved(on: today)
        }
    }

    public var isRelative: Bool { if case .relative = self { true } else { false } }

    /// As typed: `2024-S1`, `previous-semester`.
    public var description: String {
        switch self {
        case .fixed(let p): p.description
        case .relative(let r): r.description
        }
    }
}

/// `previous-month`, `current-quarter`, …: the month, quarter (*triwulan*), semester or year
/// that contains today, or the one before it.
public struct RelativePeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Anchor: String, Sendable, CaseIterable { case previous, current }
    public enum Size: String, Sendable, CaseIterable { case month, quarter, semester, year }

    public var anchor: Anchor
    public var size: Size

    public init(_ anchor: Anchor, _ size: Size) {
        self.anchor = anchor
        self.size = size
    }

    /// Every accepted spelling, for help texts and error messages.
    public static let all: [RelativePeriod] = Anchor.allCases.flatMap { a in Size.allCases.map { RelativePeriod(a, $0) } }

    /// `previous-month` … `current-year`, case-insensitively.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let a = Anchor(rawValue: String(parts[0])), let s = Size(rawValue: String(parts[1])) else { return nil }
        self.init(a, s)
    }

    public func resolved(on today: LocalDate) -> Period {
        let y = today.year, m = today.month
        let current: Period = switch size {
        case .month: .month(y, m)
        case .quarter: .quarter(y, (m - 1) / 3 + 1)
        case .semester: .semester(y, m <= 6 ? 1 : 2)
        case .year: .year(y)
        }
        return anchor == .current ? current : current.previous
    }

    public var description: String { "\(anchor.rawValue)-\(size.rawValue)" }
}
