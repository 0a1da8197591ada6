import Testing
@testable import SKMDomain

/// Pauses (the file waits on the applicant): whole working days for hari-kerja promises,
/// plain time for the others. Civil-service hours: Senin–Kamis close 16.00, Jumat 16.30.
@Suite struct TurnaroundPauseTests {
    typealias F = Fixtures

    func judge(_ tx: Transaction, _ promise: Promise, _ cal: WorkingCalendar,
               asOf: Int64 = F.farFuture) throws -> TurnaroundJudgement {
        try F.judge(tx, promise, cal, asOf: asOf)
    }

    /// Thu 4 Jul = day 1, Fri 5 = 2, Mon 8 = 3. A pause Fri 10.00 → Tue 9 Jul 10.00 holds
    /// all of Monday's office hours: Monday does not count, the deadline moves to Tuesday.
    @Test func pauseSpanningAWeekend() throws {
        let c = try F.calendar()
        let pause = (F.at(2024, 7, 5, 10, 0), F.at(2024, 7, 9, 10, 0))
        let ok = try judge(F.tx(F.at(2024, 7, 4, 9, 0), F.at(2024, 7, 9, 15, 0), pauses: [pause]),
                           F.promise(3, .workingDays), c)
        #expect(ok.deadline == F.at(2024, 7, 9, 16, 0))
        #expect(ok.status == .onTime)
        #expect(ok.elapsedInUnit == 3)  // Thu, Fri, (Mon paused), Tue
        #expect(ok.pausedSeconds == 96 * 3600)
        #expect(ok.elapsedHours == 126 - 96)
        let late = try judge(F.tx(F.at(2024, 7, 4, 9, 0), F.at(2024, 7, 10, 11, 0), pauses: [pause]),
                             F.promise(3, .workingDays), c)
        #expect(late.status == .late)
        #expect(late.elapsedInUnit == 4)
        #expect(late.latenessSeconds == 19 * 3600)
        // Fri 10.00 → Mon 10.00 covers no whole working day: the deadline stays Monday.
        let weekendOnly = (F.at(2024, 7, 5, 10, 0), F.at(2024, 7, 8, 10, 0))
        let w = try judge(F.tx(F.at(2024, 7, 4, 9, 0), F.at(2024, 7, 8, 15, 0), pauses: [weekendOnly]),
                          F.promise(3, .workingDays), c)
        #expect(w.deadline == F.at(2024, 7, 8, 16, 0))
        #expect(w.elapsedInUnit == 3)
        #expect(w.pausedSeconds == 72 * 3600)
        // In hours the same pause moves the deadline by its full length.
        let h = try judge(F.tx(F.at(2024, 7, 5, 9, 0), F.at(2024, 7, 8, 13, 0), pauses: [weekendOnly]),
                          F.promise(9, .hours), c)
        #expect(h.deadline == F.at(2024, 7, 5, 18, 0) + 72 * 3600)
        #expect(h.elapsedInUnit == 4)
        #expect(h.status == .onTime)
    }

    /// Received Friday after closing (day 1 = Monday) and paused at once until Tuesday 10.00:
    /// Monday is wholly paused, so day 1 is Tuesday in effect.
    @Test func pauseRightAfterALateReceipt() throws {
        let c = try F.calendar()
        let j = try judge(F.tx(F.at(2024, 7, 5, 17, 0), F.at(2024, 7, 9, 15, 0),
                               pauses: [(F.at(2024, 7, 5, 17, 30), F.at(2024, 7, 9, 10, 0))]),
                          F.promise(1, .workingDays), c)
        #expect(j.deadline == F.at(2024, 7, 9, 16, 0))
        #expect(j.status == .onTime)
        #expect(j.elapsedInUnit == 1)
    }

    /// Calendar-day promises take pauses out as plain time: 2 hari from Mon 1 Jul 09.00 with a
    /// 36-hour pause ends at Wed 3 Jul 00.00 + 36 h = Thu 4 Jul 12.00.
    @Test func pauseOnACalendarDayPromise() throws {
        let c = try F.calendar()
        let pause = (F.at(2024, 7, 1, 10, 0), F.at(2024, 7, 2, 22, 0))
        let j = try judge(F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 4, 11, 0), pauses: [pause]),
                          F.promise(2, .calendarDays), c)
        #expect(j.deadline == F.at(2024, 7, 4, 12, 0))
        #expect(j.status == .onTime)
        // 83 hours since the start of 1 Jul, minus 36 paused = 47 h → day 2.
        #expect(j.elapsedInUnit == 2)
        #expect(j.elapsedHours == 74 - 36)
    }

    @Test func overlappingPausesAreJoined() throws {
        let c = try F.calendar()
        // Two overlapping pauses covering Mon 8 Jul together (Fri 10.00 → Mon 12.00, Mon 11.00 → Tue 09.00).
        let j = try judge(F.tx(F.at(2024, 7, 4, 9, 0), nil, pauses: [
            (F.at(2024, 7, 8, 11, 0), F.at(2024, 7, 9, 9, 0)), (F.at(2024, 7, 5, 10, 0), F.at(2024, 7, 8, 12, 0)),
        ]), F.promise(3, .workingDays), c, asOf: F.at(2024, 7, 9, 9, 0))
        #expect(j.deadline == F.at(2024, 7, 9, 16, 0))
        #expect(j.pausedSeconds == (71 + 24) * 3600)
        #expect(j.status == .open)
    }
}
