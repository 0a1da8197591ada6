import SKMDomain
import SKMServer
import Testing

/// `period=` takes what `--period` takes: months and relative periods, resolved on the
/// agency's own local day.
@Suite struct FigureQueryPeriodTests {
    @Test func monthsAndRelativePeriodsAreAccepted() throws {
        let month = try FigureQuery(parameters: ["period": "2025-03"])
        #expect(month.period(in: .wita) == .month(2025, 3))

        // 2026-01-01 00:30 WIT is still 2025-12-31 in WIB.
        let instant = IndonesianTimeZone.wit.instant(LocalDate(year: 2026, month: 1, day: 1)!, minuteOfDay: 30)
        let relative = try FigureQuery(parameters: ["period": "previous-month"])
        #expect(relative.periodSpec == .relative(RelativePeriod(.previous, .month)))
        #expect(relative.period(in: .wit, now: instant).description == "2025-12")
        #expect(relative.period(in: .wib, now: instant).description == "2025-11")
    }

    @Test func aBadPeriodIsA400NamingTheField() {
        #expect(throws: Problem.self) { try FigureQuery(parameters: ["period": "previous-week"]) }
        #expect(throws: Problem.self) { try FigureQuery(parameters: ["period": "2025-13"]) }
    }
}
