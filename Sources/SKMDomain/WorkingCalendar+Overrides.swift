extension OfficeHours {
    /// Civil-service hours in Ramadan (32.5 hours a week, from 08.00): Senin–Kamis
    /// 08.00–15.00 with a break 12.00–12.30, Jumat 08.00–15.30 with a break 11.30–12.30.
    public static let ramadanCivilService = OfficeHours(days: [
        [.init(open: 480, close: 720), .init(open: 750, close: 900)],
        [.init(open: 480, close: 720), .init(open: 750, close: 900)],
        [.init(open: 480, close: 720), .init(open: 750, close: 900)],
        [.init(open: 480, close: 720), .init(open: 750, close: 900)],
        [.init(open: 480, close: 690), .init(open: 750, close: 930)],
        [], [],
    ])

    /// Minutes open on a weekday, breaks excluded.
    public func minutesOpen(weekday: Int) -> Int {
        intervals(weekday: weekday).reduce(0) { $0 + $1.close - $1.open }
    }
}

extension WorkingCalendar {
    /// Per-date overrides that apply weekly `hours` to every day from `start` through `end`
    /// — e.g. Ramadan (the dates come from the year's data, not from code). Holidays inside
    /// the range stay closed (see `WorkingCalendar`).
    public static func overrides(from start: LocalDate, through end: LocalDate,
                                 hours: OfficeHours) -> [LocalDate: [OfficeHours.Interval]] {
        var out: [LocalDate: [OfficeHours.Interval]] = [:]
        var d = start
        while d <= end {
            out[d] = hours.intervals(weekday: d.weekday)
            d = d.adding(days: 1)
        }
        return out
    }
}
