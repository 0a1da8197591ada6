import Testing
import SKMDomain

@Suite struct PeriodSpecTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    @Test func monthsParseAndPrint() {
        let march = Period(parsing: "2025-03")!
        #expect(march.kind == .month)
        #expect(march.start == day(2025, 3, 1) && march.end == day(2025, 3, 31))
        #expect(march.description == "2025-03")
        #expect(march.indonesianLabel == "Maret 2025" && march.englishLabel == "March 2025")
        #expect(Period(parsing: "2024-02")!.end == day(2024, 2, 29))
        #expect(Period(parsing: "2025-01")!.previous.description == "2024-12")
        #expect(Period(parsing: "2025-13") == nil)
        #expect(Period(parsing: "2025-00") == nil)
        #expect(Period(parsing: "2025-3") == nil)  // two digits, not guessed
        // The older forms are unchanged.
        #expect(Period(parsing: "2024-Q3")?.description == "2024-Q3")
        #expect(Period(parsing: "2024-S1")?.description == "2024-S1")
    }

    @Test func relativePeriodsOnOrdinaryDays() {
        let today = day(2026, 5, 17)
        let cases: [(String, String)] = [
            ("previous-month", "2026-04"), ("current-month", "2026-05"),
            ("previous-quarter", "2026-Q1"), ("current-quarter", "2026-Q2"),
            ("previous-semester", "2025-S2"), ("current-semester", "2026-S1"),
            ("previous-year", "2025"), ("current-year", "2026"),
        ]
        for (text, expected) in cases {
            #expect(PeriodSpec(parsing: text)?.resolved(on: today).description == expected, "\(text)")
        }
        #expect(PeriodSpec(parsing: "Previous-Semester")?.description == "previous-semester")
        #expect(PeriodSpec(parsing: "previous-week") == nil)
        #expect(PeriodSpec(parsing: "last-month") == nil)
        #expect(PeriodSpec(parsing: "2024-S1") == .fixed(.semester(2024, 1)))
    }

    @Test func firstAndLastDaysOfTheirPeriods() {
        // On the first day of a period, "previous" is the one that just ended.
        #expect(PeriodSpec(parsing: "previous-month")!.resolved(on: day(2026, 3, 1)).description == "2026-02")
        #expect(PeriodSpec(parsing: "previous-quarter")!.resolved(on: day(2026, 4, 1)).description == "2026-Q1")
        #expect(PeriodSpec(parsing: "previous-semester")!.resolved(on: day(2026, 7, 1)).description == "2026-S1")
        #expect(PeriodSpec(parsing: "previous-semester")!.resolved(on: day(2026, 6, 30)).description == "2025-S2")
        #expect(PeriodSpec(parsing: "previous-quarter")!.resolved(on: day(2026, 1, 1)).description == "2025-Q4")
        #expect(PeriodSpec(parsing: "current-quarter")!.resolved(on: day(2026, 12, 31)).description == "2026-Q4")
    }

    /// 2026-01-01 00:30 WIT is 2025-12-31 22:30 WIB and 23:30 WITA: the zones disagree on today.
    @Test func zonesDisagreeAtNewYear() {
        let instant = IndonesianTimeZone.wit.instant(day(2026, 1, 1), minuteOfDay: 30)
        let previousMonth = PeriodSpec(parsing: "previous-month")!
        #expect(previousMonth.resolved(at: instant, in: .wit).description == "2025-12")
        #expect(previousMonth.resolved(at: instant, in: .wita).description == "2025-11")
        #expect(previousMonth.resolved(at: instant, in: .wib).description == "2025-11")
        let previousYear = PeriodSpec(parsing: "previous-year")!
        #expect(previousYear.resolved(at: instant, in: .wit).description == "2025")
        #expect(previousYear.resolved(at: instant, in: .wib).description == "2024")
        let currentSemester = PeriodSpec(parsing: "current-semester")!
        #expect(currentSemester.resolved(at: instant, in: .wit).description == "2026-S1")
        #expect(currentSemester.resolved(at: instant, in: .wib).description == "2025-S2")
        // One minute before midnight WIB the WIB answer still holds; at midnight it flips.
        let wibMidnight = IndonesianTimeZone.wib.instant(day(2026, 1, 1), minuteOfDay: 0)
        #expect(previousMonth.resolved(at: wibMidnight - 60, in: .wib).description == "2025-11")
        #expect(previousMonth.resolved(at: wibMidnight, in: .wib).description == "2025-12")
    }

    @Test func fixedPeriodsIgnoreTheClock() {
        let p = PeriodSpec(parsing: "2025-03")!
        #expect(!p.isRelative)
        #expect(p.resolved(at: 0, in: .wit) == .month(2025, 3))
    }
}
