import SKMDomain

/// The standards catalog and the holiday calendar, as loaded from `seeds/`.
///
/// Holidays are layered the way offices live them: national (*libur nasional*, *cuti bersama*)
/// for everyone, then each agency's own closures and regional days. `loadedYears` says which
/// years have a national calendar: a working-day computation must refuse a date outside them
/// rather than treat an unknown year as having no holidays.
public struct Catalog: Sendable {
    public var agencies: [Agency]
    /// National holidays and *cuti bersama*, sorted by date.
    public var nationalHolidays: [Holiday]
    /// Agency code → its own closures (kind `penutupan`) and regional days (kind `regional`).
    public var agencyClosures: [String: [Holiday]]
    /// Years with a national holiday file.
    public var loadedYears: Set<Int>
    /// Agency code → reviewer's notes on its decree text.
    public var notes: [String: [String]]
    /// Populations stated in the catalog files: (agency, service, period, count).
    public var populations: [(agency: String, service: String, period: Period, count: Int)] = []

    public init(agencies: [Agency], nationalHolidays: [Holiday], agencyClosures: [String: [Holiday]] = [:],
                loadedYears: Set<Int>, notes: [String: [String]] = [:]) {
        self.agencies = agencies
        self.nationalHolidays = nationalHolidays.sorted { $0.date < $1.date }
        self.agencyClosures = agencyClosures
        self.loadedYears = loadedYears
        self.notes = notes
    }

    public func agency(_ code: String) -> Agency? { agencies.first { $0.code == code } }

    public var serviceCount: Int { agencies.reduce(0) { $0 + $1.services.count } }

    public func isCalendarLoaded(year: Int) -> Bool { loadedYears.contains(year) }

    /// Every day the agency is closed although it may be an office day: national holidays,
    /// *cuti bersama*, then the agency's own closures; sorted by date.
    public func holidays(forAgency code: String) -> [Holiday] {
        (nationalHolidays + (agencyClosures[code] ?? [])).sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
    }
}
