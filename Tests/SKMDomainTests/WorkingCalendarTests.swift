import Testing
@testable import SKMDomain

/// Working days on real 2024 dates; every expected value counted on a paper calendar.
@Suite struct WorkingCalendarTests {
    typealias F = Fixtures

    /// April 2024: 22 weekdays, minus Idul Fitri (10–11) and cuti bersama (8, 9, 12, 15) = 16.
    @Test func idulFitri2024WorkingDays() throws {
        let c = try F.calendar()
        #expect(try c.workingDays(from: F.date(2024, 4, 1), through: F.date(2024, 4, 30)) == 16)
        #expect(try c.workingDays(from: F.date(2024, 4, 6), through: F.date(2024, 4, 15)) == 0)
        #expect(try c.nextWorkingDay(after: F.date(2024, 4, 5)) == F.date(2024, 4, 16))
        // Thu 4 Apr = 1, Fri 5 Apr = 2, Tue 16 Apr = 3.
        #expect(try c.workingDay(3, countingFrom: F.date(2024, 4, 4)) == F.date(2024, 4, 16))
        // Counting from a closed day starts at the next working day.
        #expect(try c.workingDay(1, countingFrom: F.date(2024, 4, 8)) == F.date(2024, 4, 16))
        #expect(try c.isWorkingDay(F.date(2024, 4, 15)) == false)
        #expect(try c.isWorkingDay(F.date(2024, 4, 16)) == true)
    }

    @Test func weekendsAreClosedWeekdaysOpen() throws {
        let c = try F.calendar()
        #expect(try c.isWorkingDay(F.date(2024, 7, 6)) == false)  // Sabtu
        #expect(try c.isWorkingDay(F.date(2024, 7, 7)) == false)  // Minggu, also Tahun Baru Islam
        #expect(try c.isWorkingDay(F.date(2024, 7, 8)) == true)
        #expect(try c.closing(on: F.date(2024, 7, 8)) == 960)  // Senin 16.00
        #expect(try c.closing(on: F.date(2024, 7, 5)) == 990)  // Jumat 16.30
        #expect(try c.closing(on: F.date(2024, 7, 6)) == nil)
        // The whole of 2024: 262 weekdays minus 22 weekday holidays and cuti bersama.
        #expect(try c.workingDays(from: F.date(2024, 1, 1), through: F.date(2024, 12, 31)) == 240)
    }

    @Test func christmasAndNewYearAcrossTheYearBoundary() throws {
        let c = try F.calendar(with2025: true)
        #expect(try c.nextWorkingDay(after: F.date(2024, 12, 24)) == F.date(2024, 12, 27))
        #expect(try c.nextWorkingDay(after: F.date(2024, 12, 31)) == F.date(2025, 1, 2))
        // Mon 30 Dec = 1, Tue 31 Dec = 2, (1 Jan libur) Thu 2 Jan = 3.
        #expect(try c.workingDay(3, countingFrom: F.date(2024, 12, 30)) == F.date(2025, 1, 2))
        #expect(try c.workingDays(from: F.date(2024, 12, 23), through: F.date(2025, 1, 3)) == 7)
    }

    @Test func aYearWithoutHolidaysIsRefused() throws {
        let c = try F.calendar()  // 2024 only
        #expect(throws: CalendarError.yearNotLoaded(2025)) { try c.isWorkingDay(F.date(2025, 1, 2)) }
        #expect(throws: CalendarError.yearNotLoaded(2023)) { try c.isWorkingDay(F.date(2023, 12, 29)) }
        #expect(throws: CalendarError.yearNotLoaded(2025)) { try c.nextWorkingDay(after: F.date(2024, 12, 31)) }
        #expect(throws: CalendarError.yearNotLoaded(2025)) { try c.workingDay(3, countingFrom: F.date(2024, 12, 30)) }
        #expect(try c.workingDay(2, countingFrom: F.date(2024, 12, 30)) == F.date(2024, 12, 31))
        let message = CalendarError.yearNotLoaded(2025).description
        #expect(message.contains("2025") && message.contains("seeds/holidays/2025.csv"))
    }

    /// A gap year in the middle is refused too, not skipped over.
    @Test func aGapYearIsRefused() throws {
        let c = try WorkingCalendar(timeZone: .wib, holidays: F.holidays2024, loadedYears: [2024, 2026])
        #expect(throws: CalendarError.yearNotLoaded(2025)) { try c.nextWorkingDay(after: F.date(2024, 12, 31)) }
        #expect(throws: CalendarError.yearNotLoaded(2025)) {
            try c.workingDays(from: F.date(2024, 12, 1), through: F.date(2026, 1, 31))
        }
        #expect(try c.isWorkingDay(F.date(2026, 1, 2)) == true)
    }

    /// Without an explicit list, the loaded years are those with national holidays.
    @Test func loadedYearsDefaultToTheHolidaysYears() throws {
        let closure2025 = Holiday(date: F.date(2025, 3, 3), name: "Rapat kerja", kind: .closure, source: "SE")
        let c = try WorkingCalendar(timeZone: .wib, holidays: F.holidays2024 + [closure2025])
        #expect(c.loadedYears == [2024])
        #expect(throws: CalendarError.yearNotLoaded(2025)) { try c.isWorkingDay(F.date(2025, 3, 4)) }
        let none = try WorkingCalendar(timeZone: .wib, holidays: [])
        #expect(throws: CalendarError.yearNotLoaded(2024)) { try none.isWorkingDay(F.date(2024, 7, 1)) }
    }

    @Test func pekalonganHours() throws {
        let c = try F.calendar(hours: F.pekalonganHours)
        #expect(try c.closing(on: F.date(2024, 7, 4)) == 720)  // Kamis 12.00
        #expect(try c.closing(on: F.date(2024, 7, 5)) == 660)  // Jumat 11.00
        #expect(try c.isWorkingDay(F.date(2024, 7, 6)) == false)
    }

    /// Per-date overrides replace a day's hours; closed days (holidays, closures) still win.
    @Test func overridesHalfDaysExtraSaturdaysAndClosures() throws {
        let c = try F.calendar(overrides: [
            F.date(2024, 7, 5): [.init(open: 450, close: 660)],  // Jumat setengah hari
            F.date(2024, 7, 6): [.init(open: 480, close: 720)],  // Sabtu buka
            F.date(2024, 7, 8): [],                                // Senin tutup
            F.date(2024, 12, 26): [.init(open: 480, close: 720)],  // cuti bersama stays closed
        ], extra: [Holiday(date: F.date(2024, 7, 9), name: "Rapat kerja", kind: .closure, source: "SE Kepala Dinas")])
        #expect(try c.closing(on: F.date(2024, 7, 5)) == 660)
        #expect(try c.isWorkingDay(F.date(2024, 7, 6)) == true)
        #expect(try c.isWorkingDay(F.date(2024, 7, 8)) == false)
        #expect(try c.isWorkingDay(F.date(2024, 7, 9)) == false)  // agency closure
        #expect(try c.isWorkingDay(F.date(2024, 12, 26)) == false)
        #expect(try c.officeIntervals(on: F.date(2024, 12, 26)) == [])
        #expect(try c.nextWorkingDay(after: F.date(2024, 7, 5)) == F.date(2024, 7, 6))
        #expect(try c.nextWorkingDay(after: F.date(2024, 7, 6)) == F.date(2024, 7, 10))
        #expect(c.holidays[F.date(2024, 7, 9)]?.kind == .closure)
    }

    /// Ramadan 1445 H hours over 12 Mar–9 Apr 2024: Nyepi's cuti bersama (12 Mar) and Wafat
    /// Isa Almasih (29 Mar) inside the range stay closed.
    @Test func ramadanHoursOverARange() throws {
        let ramadan = WorkingCalendar.overrides(from: F.date(2024, 3, 12), through: F.date(2024, 4, 9),
                                                hours: .ramadanCivilService)
        #expect(ramadan.count == 29)
        let c = try F.calendar(overrides: ramadan)
        #expect(try c.isWorkingDay(F.date(2024, 3, 12)) == false)
        #expect(try c.isWorkingDay(F.date(2024, 3, 29)) == false)
        #expect(try c.closing(on: F.date(2024, 3, 14)) == 900)  // Kamis 15.00
        #expect(try c.closing(on: F.date(2024, 3, 22)) == 930)  // Jumat 15.30
        #expect(try c.closing(on: F.date(2024, 3, 11)) == nil)  // Nyepi
        #expect(try c.closing(on: F.date(2024, 3, 8)) == 990)   // before Ramadan
        let week = (1...5).map { OfficeHours.ramadanCivilService.minutesOpen(weekday: $0) }.reduce(0, +)
        #expect(week == 1950)  // 32.5 hours
        #expect((1...5).map { OfficeHours.civilService.minutesOpen(weekday: $0) }.reduce(0, +) == 2250)  // 37.5
    }

    @Test func impossibleHoursAreRefused() {
        var hours = OfficeHours.civilService
        hours.days[0] = [.init(open: 780, close: 960), .init(open: 450, close: 800)]
        #expect(throws: CalendarError.self) { try WorkingCalendar(timeZone: .wib, officeHours: hours, holidays: []) }
        #expect(throws: CalendarError.self) {
            try WorkingCalendar(timeZone: .wib, holidays: [], overrides: [F.date(2024, 1, 2): [.init(open: 900, close: 800)]])
        }
    }
}
