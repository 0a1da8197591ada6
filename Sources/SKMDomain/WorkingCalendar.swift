/// One agency's working calendar (*hari kerja*): which days the office is open, and when.
///
/// Layered as docs/turnaround-rules.md describes: the weekly `OfficeHours` (office days, hours with breaks), the
/// agency's per-date overrides (half days, Ramadan hours, an extra Saturday: an override
/// replaces that day's hours, an empty one closes it), and over both the closed days —
/// national holidays, *cuti bersama*, regional days, the agency's own closures. A closed day
/// always wins, so a Ramadan-hours range cannot reopen the Nyepi *cuti bersama* inside it; a
/// front-line unit that works on a *cuti bersama* leaves that day out of its `holidays`.
///
/// Only years whose holidays are loaded can be asked about; any question that touches
/// another year throws `CalendarError.yearNotLoaded` rather than guess.
///
/// Everything is precomputed once over the loaded years (a few thousand days), so judging a
/// transaction is a handful of array reads, never a loop over days:
/// - `workingBefore[i]`: working days strictly before day offset `i` (a prefix sum), which
///   turns "working days between A and B" into one subtraction;
/// - `workingDayNumbers[k]`: the date of the k-th working day, which turns "the N-th working
///   day from D" into one index.
public struct WorkingCalendar: Sendable {
    public let timeZone: IndonesianTimeZone
    public let officeHours: OfficeHours
    /// Years whose holidays are loaded, ascending.
    public let loadedYears: [Int]
    /// The closure (holiday, cuti bersama, regional day, agency closure) on each date, if any.
    public let holidays: [LocalDate: Holiday]
    public let overrides: [LocalDate: [OfficeHours.Interval]]

    /// Day number of 1 January of the first loaded year.
    let firstDay: Int
    /// Days from 1 January of the first loaded year to 31 December of the last.
    let dayCount: Int
    /// Count: `dayCount + 1`. Working days with offset < i.
    let workingBefore: [Int32]
    /// Count: `dayCount + 1`. Days of years that are *not* loaded (gaps) with offset < i.
    let unloadedBefore: [Int32]
    /// Per working day index: its day number and its first opening / last closing minute.
    let workingDayNumbers: [Int32]
    let openMinute: [Int16]
    let closeMinute: [Int16]

    /// - Parameters:
    ///   - holidays: every closed day that applies to this agency (national, cuti bersama, the
    ///     region's days, the agency's closures). Days outside `loadedYears` are ignored.
    ///   - loadedYears: the years whose holiday lists are complete. Nil = every year with at
    ///     least one national holiday or *cuti bersama* (an agency closure alone does not make a
    ///     year's calendar known).
    ///   - overrides: per-date hours that replace the weekly ones (empty = closed that day).
    public init(timeZone: IndonesianTimeZone, officeHours: OfficeHours = .civilService,
                holidays: [Holiday], loadedYears: Set<Int>? = nil,
                overrides: [LocalDate: [OfficeHours.Interval]] = [:]) throws(CalendarError) {
        let weekdayNames = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
        for (i, day) in officeHours.days.enumerated() {
            try Self.validate(day, on: weekdayNames[i])
        }
        for (date, day) in overrides { try Self.validate(day, on: date.description) }

        let loaded = loadedYears
            ?? Set(holidays.lazy.filter { $0.kind == .national || $0.kind == .cutiBersama }.map(\.date.year))
        let years = loaded.sorted()
        var byDate: [LocalDate: Holiday] = [:]
        for h in holidays where loaded.contains(h.date.year) && byDate[h.date] == nil {
            byDate[h.date] = h
        }
        self.timeZone = timeZone
        self.officeHours = officeHours
        self.loadedYears = years
        self.holidays = byDate
        self.overrides = overrides

        guard let first = years.first, let last = years.last else {
            firstDay = 0; dayCount = 0
            workingBefore = [0]; unloadedBefore = [0]
            workingDayNumbers = []; openMinute = []; closeMinute = []
            return
        }
        firstDay = LocalDate(year: first, month: 1, day: 1)!.dayNumber
        dayCount = LocalDate(year: last, month: 12, day: 31)!.dayNumber - firstDay + 1
        var working = [Int32](repeating: 0, count: dayCount + 1)
        var unloaded = [Int32](repeating: 0, count: dayCount + 1)
        var numbers: [Int32] = [], opens: [Int16] = [], closes: [Int16] = []
        numbers.reserveCapacity(dayCount * 5 / 7 + 1)
        for off in 0..<dayCount {
            let date = LocalDate(dayNumber: firstDay + off)
            var intervals: [OfficeHours.Interval] = []
            let isLoaded = loaded.contains(date.year)
            if isLoaded {
                if byDate[date] == nil {
                    intervals = overrides[date] ?? officeHours.intervals(weekday: date.weekday)
                }
            }
            if let open = intervals.first?.open, let close = intervals.last?.close {
                numbers.append(Int32(date.dayNumber))
                opens.append(Int16(open))
                closes.append(Int16(close))
            }
            working[off + 1] = Int32(numbers.count)
            unloaded[off + 1] = unloaded[off] + (isLoaded ? 0 : 1)
        }
        workingBefore = working
        unloadedBefore = unloaded
        workingDayNumbers = numbers
        openMinute = opens
        closeMinute = closes
    }

    /// The agency's calendar: its time zone and weekly hours, with the given closures.
    public init(agency: Agency, holidays: [Holiday], loadedYears: Set<Int>? = nil,
                overrides: [LocalDate: [OfficeHours.Interval]] = [:]) throws(CalendarError) {
        try self.init(timeZone: agency.timeZone, officeHours: agency.officeHours, holidays: holidays,
                      loadedYears: loadedYears, overrides: overrides)
    }

    private static func validate(_ day: [OfficeHours.Interval], on name: String) throws(CalendarError) {
        var previousClose = 0
        for iv in day {
            guard iv.open >= previousClose, iv.open < iv.close, iv.close <= 1440 else {
                throw .invalidOfficeHours(day: name, reason: "interval \(iv.open)–\(iv.close) (minutes since midnight) "
                    + "must open before it closes, after the previous interval, within the day")
            }
            previousClose = iv.close
        }
    }

    // MARK: Questions about days

    /// The office intervals on a date: empty when the office is closed.
    public func officeIntervals(on date: LocalDate) throws(CalendarError) -> [OfficeHours.Interval] {
        _ = try offset(of: date)
        if holidays[date] != nil { return [] }
        return overrides[date] ?? officeHours.intervals(weekday: date.weekday)
    }

    public func isWorkingDay(_ date: LocalDate) throws(CalendarError) -> Bool {
        let off = try offset(of: date)
        return workingBefore[off + 1] > workingBefore[off]
    }

    /// Closing time (minutes since local midnight) on a date; nil when closed.
    public func closing(on date: LocalDate) throws(CalendarError) -> Int? {
        try officeIntervals(on: date).last?.close
    }

    /// Working days from `start` through `end`, both included (0 when `end` < `start`).
    public func workingDays(from start: LocalDate, through end: LocalDate) throws(CalendarError) -> Int {
        guard start <= end else { return 0 }
        let a = try offset(of: start), b = try offset(of: end)
        try ensureLoaded(a, b)
        return Int(workingBefore[b + 1] - workingBefore[a])
    }

    /// The `n`-th working day (n ≥ 1) counting from `start`: day 1 is `start` itself when it is
    /// a working day, else the next working day.
    public func workingDay(_ n: Int, countingFrom start: LocalDate) throws(CalendarError) -> LocalDate {
        precondition(n >= 1, "working days are counted from 1")
        let off = try offset(of: start)
        let k = try checked(index: Int(workingBefore[off]) + n - 1, from: off)
        return LocalDate(dayNumber: Int(workingDayNumbers[k]))
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) throws(CalendarError) -> LocalDate {
        let off = try offset(of: date)
        let k = try checked(index: Int(workingBefore[off + 1]), from: off)
        return LocalDate(dayNumber: Int(workingDayNumbers[k]))
    }

    // MARK: Internals shared with turnaround judging

    /// Offset of a date in the precomputed span, or the error naming its year.
    func offset(of date: LocalDate) throws(CalendarError) -> Int {
        let off = date.dayNumber - firstDay
        guard off >= 0, off < dayCount, unloadedBefore[off + 1] == unloadedBefore[off] else {
            throw .yearNotLoaded(date.year)
        }
        return off
    }

    /// Throws when a day of an unloaded year lies between two offsets (both included).
    func ensureLoaded(_ a: Int, _ b: Int) throws(CalendarError) {
        guard unloadedBefore[b + 1] != unloadedBefore[a] else { return }
        let fromYear = LocalDate(dayNumber: firstDay + a).year
        let missing = (fromYear...).first { !loadedYears.contains($0) }!
        throw .yearNotLoaded(missing)
    }

    /// Checks that working day index `k` exists and that no unloaded year was skipped on the
    /// way to it from day offset `from`.
    func checked(index k: Int, from off: Int) throws(CalendarError) -> Int {
        guard k < workingDayNumbers.count else {
            try ensureLoaded(off, dayCount - 1)
            throw .yearNotLoaded(loadedYears.last! + 1)
        }
        try ensureLoaded(off, Int(workingDayNumbers[k]) - firstDay)
        return k
    }

    var workingDayCount: Int { workingDayNumbers.count }
}
