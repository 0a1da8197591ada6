import Testing
@testable import SKMDomain

/// The rules of docs/turnaround-rules.md at their edges, on real 2024 dates. Civil-service hours unless a test
/// says otherwise: Senin–Kamis close 16.00, Jumat 16.30.
@Suite struct TurnaroundTests {
    typealias F = Fixtures
    static let farFuture = F.farFuture

    func judge(_ tx: Transaction, _ promise: Promise, _ cal: WorkingCalendar,
               asOf: Int64 = F.farFuture) throws -> TurnaroundJudgement {
        try F.judge(tx, promise, cal, asOf: asOf)
    }

    @Test func receivedBeforeClosingCountsThatDay() throws {
        let c = try F.calendar()
        // Mon 1 Jul 15.59 → day 1 Mon, day 3 Wed 3 Jul, deadline 16.00.
        let j = try judge(F.tx(F.at(2024, 7, 1, 15, 59), F.at(2024, 7, 3, 16, 0)), F.promise(3, .workingDays), c)
        #expect(j.deadline == F.at(2024, 7, 3, 16, 0))
        #expect(j.status == .onTime)
        #expect(j.elapsedInUnit == 3)
        #expect(j.percentUsed == 100)
        #expect(j.capaian == 100)
        #expect(j.latenessSeconds == 0)
    }

    @Test func receivedAtOrAfterClosingStartsNextWorkingDay() throws {
        let c = try F.calendar()
        for received in [F.at(2024, 7, 1, 16, 0), F.at(2024, 7, 1, 16, 30)] {
            let j = try judge(F.tx(received, F.at(2024, 7, 4, 16, 1)), F.promise(3, .workingDays), c)
            // day 1 Tue 2 Jul, day 3 Thu 4 Jul 16.00; finished one minute later.
            #expect(j.deadline == F.at(2024, 7, 4, 16, 0))
            #expect(j.status == .late)
            #expect(j.latenessSeconds == 60)
            // Finished after closing counts on the next working day: 4 of 3.
            #expect(j.elapsedInUnit == 4)
            #expect(j.excessInUnit == 1)
            #expect(abs(j.capaian! - 66.666_666_666_666_67) < 1e-9)
        }
    }

    @Test func receivedOnAFridayAfternoon() throws {
        let c = try F.calendar()
        // Friday closes at 16.30: 16.15 still counts Friday.
        let before = try judge(F.tx(F.at(2024, 7, 5, 16, 15), nil), F.promise(1, .workingDays), c)
        #expect(before.deadline == F.at(2024, 7, 5, 16, 30))
        let after = try judge(F.tx(F.at(2024, 7, 5, 16, 45), nil), F.promise(1, .workingDays), c)
        #expect(after.deadline == F.at(2024, 7, 8, 16, 0))
        // Pekalongan closes Friday at 11.00: 13.00 starts on Monday, which closes at 12.00.
        let pk = try F.calendar(hours: F.pekalonganHours)
        let p = try judge(F.tx(F.at(2024, 7, 5, 13, 0), F.at(2024, 7, 8, 11, 0)), F.promise(1, .workingDays), pk)
        #expect(p.deadline == F.at(2024, 7, 8, 12, 0))
        #expect(p.status == .onTime)
        #expect(p.elapsedInUnit == 1)
    }

    @Test func receivedOnTheEveOfAHoliday() throws {
        let c = try F.calendar()
        // Wed 8 May; Thu 9 May Kenaikan, Fri 10 May cuti bersama → day 2 is Mon 13 May.
        let j = try judge(F.tx(F.at(2024, 5, 8, 15, 0), nil), F.promise(2, .workingDays), c)
        #expect(j.deadline == F.at(2024, 5, 13, 16, 0))
        // Tue 24 Dec after closing; 25 Natal, 26 cuti bersama → day 1 is Fri 27 Dec.
        let x = try judge(F.tx(F.at(2024, 12, 24, 16, 30), nil), F.promise(1, .workingDays), c)
        #expect(x.deadline == F.at(2024, 12, 27, 16, 30))
    }

    @Test func acrossIdulFitriCutiBersama() throws {
        let c = try F.calendar()
        // Fri 5 Apr = 1, (8–15 Apr closed) Tue 16 Apr = 2, Wed 17 Apr = 3.
        let j = try judge(F.tx(F.at(2024, 4, 5, 10, 0), F.at(2024, 4, 16, 10, 0)), F.promise(3, .workingDays), c)
        #expect(j.deadline == F.at(2024, 4, 17, 16, 0))
        #expect(j.status == .onTime)
        #expect(j.elapsedInUnit == 2)
        #expect(abs(j.percentUsed! - 200.0 / 3) < 1e-9)
        #expect(abs(j.capaian! - 400.0 / 3) < 1e-9)
        #expect(j.elapsedHours == 264)  // 11 calendar days in plain hours
        // Thu 4 Apr after closing → day 1 Fri 5 Apr.
        let k = try judge(F.tx(F.at(2024, 4, 4, 16, 10), nil), F.promise(2, .workingDays), c)
        #expect(k.deadline == F.at(2024, 4, 16, 16, 0))
    }

    @Test func acrossTheYearBoundary() throws {
        // Mon 30 Dec = 1, Tue 31 Dec = 2, (1 Jan) Thu 2 Jan = 3.
        let c = try F.calendar(with2025: true)
        let j = try judge(F.tx(F.at(2024, 12, 30, 9, 0), F.at(2025, 1, 3, 9, 0)), F.promise(3, .workingDays), c,
                          asOf: F.at(2025, 1, 31, 0, 0))
        #expect(j.deadline == F.at(2025, 1, 2, 16, 0))
        #expect(j.status == .late)
        #expect(j.latenessSeconds == 17 * 3600)
        #expect(j.elapsedInUnit == 4)
        // Without 2025's holidays the deadline cannot be known.
        let only2024 = try F.calendar()
        #expect(throws: CalendarError.yearNotLoaded(2025)) {
            try Turnaround.judge(F.tx(F.at(2024, 12, 30, 9, 0), nil), standard: F.standard(F.promise(3, .workingDays)),
                                 calendar: only2024, asOf: F.at(2024, 12, 31, 12, 0))
        }
        // … but one that ends inside 2024 can.
        let short = try judge(F.tx(F.at(2024, 12, 30, 9, 0), nil), F.promise(2, .workingDays), only2024)
        #expect(short.deadline == F.at(2024, 12, 31, 16, 0))
    }

    /// The same UTC instant is 15.30 in a WIB office and 16.30 in a WITA office.
    @Test func witaAgainstWib() throws {
        let instant = F.at(2024, 7, 1, 15, 30, .wib)
        #expect(instant == F.at(2024, 7, 1, 16, 30, .wita))
        let wib = try judge(F.tx(instant, nil), F.promise(1, .workingDays), F.calendar(.wib))
        #expect(wib.deadline == F.at(2024, 7, 1, 16, 0, .wib))
        let wita = try judge(F.tx(instant, nil), F.promise(1, .workingDays), F.calendar(.wita))
        #expect(wita.deadline == F.at(2024, 7, 2, 16, 0, .wita))
        #expect(wita.deadline! - wib.deadline! == 23 * 3600)
        #expect(wita.receivedOn == F.date(2024, 7, 1))
        // 23.30 WIB on 30 Jun is already 1 Jul 00.30 in WITA.
        let late = F.at(2024, 6, 30, 23, 30, .wib)
        let j = try judge(F.tx(late, nil), F.promise(1, .calendarDays), F.calendar(.wita))
        #expect(j.receivedOn == F.date(2024, 7, 1))
        #expect(j.deadline == F.at(2024, 7, 2, 0, 0, .wita))
    }



    @Test func sixDayWeekCountsSaturday() throws {
        var hours = OfficeHours.civilService
        hours.days[5] = [.init(open: 480, close: 720)]  // Sabtu 08.00–12.00
        let c = try F.calendar(hours: hours)
        // Fri 5 Jul after closing → day 1 Sat 6 Jul, closing 12.00.
        let j = try judge(F.tx(F.at(2024, 7, 5, 17, 0), nil), F.promise(1, .workingDays), c)
        #expect(j.deadline == F.at(2024, 7, 6, 12, 0))
    }

    @Test func finishedBeforeReceivedAndBadPausesAreRejected() throws {
        let c = try F.calendar(), p = F.promise(3, .workingDays)
        let cases: [(Transaction, TurnaroundRejection.Reason)] = [
            (F.tx(F.at(2024, 7, 2, 9, 0), F.at(2024, 7, 1, 9, 0)),
             .finishedBeforeReceived(finished: F.at(2024, 7, 1, 9, 0), received: F.at(2024, 7, 2, 9, 0), zone: .wib)),
            (F.tx(F.at(2024, 7, 1, 9, 0), nil, pauses: [(F.at(2024, 7, 2, 9, 0), F.at(2024, 7, 1, 10, 0))]),
             .pauseEndsBeforeStart(start: F.at(2024, 7, 2, 9, 0), end: F.at(2024, 7, 1, 10, 0), zone: .wib)),
            (F.tx(F.at(2024, 7, 1, 9, 0), nil, pauses: [(F.at(2024, 7, 1, 8, 0), F.at(2024, 7, 1, 10, 0))]),
             .pauseBeforeReceipt(pauseStart: F.at(2024, 7, 1, 8, 0), received: F.at(2024, 7, 1, 9, 0), zone: .wib)),
            (F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 2, 9, 0), pauses: [(F.at(2024, 7, 2, 8, 0), F.at(2024, 7, 2, 10, 0))]),
             .pauseAfterFinish(pauseEnd: F.at(2024, 7, 2, 10, 0), finished: F.at(2024, 7, 2, 9, 0), zone: .wib)),
        ]
        for (tx, reason) in cases {
            let r = try #require(try Turnaround.judge(tx, standard: F.standard(p), calendar: c, asOf: Self.farFuture).rejection)
            #expect(r.reason == reason)
            #expect(r.transactionID == "T1")
        }
    }

    @Test func openAndOpenOverdueAsOf() throws {
        let c = try F.calendar()
        let tx = F.tx(F.at(2024, 7, 1, 9, 0), nil)  // deadline Wed 3 Jul 16.00
        let open = try judge(tx, F.promise(3, .workingDays), c, asOf: F.at(2024, 7, 2, 10, 0))
        #expect(open.status == .open)
        #expect(open.elapsedInUnit == 2)
        #expect(open.latenessSeconds == 0)
        #expect(open.capaian == nil)
        let overdue = try judge(tx, F.promise(3, .workingDays), c, asOf: F.at(2024, 7, 4, 9, 0))
        #expect(overdue.status == .openOverdue)
        #expect(overdue.latenessSeconds == 17 * 3600)
        #expect(overdue.elapsedInUnit == 4)
        #expect(overdue.excessInUnit == 1)
        #expect(overdue.finishedAt == nil)
    }

    @Test func calendarDaysIgnoreHolidaysAndEndAtMidnight() throws {
        let c = try F.calendar()
        // 7 hari from Mon 1 Jul 15.00: day 7 is Sun 7 Jul, deadline its midnight.
        let ok = try judge(F.tx(F.at(2024, 7, 1, 15, 0), F.at(2024, 7, 7, 23, 0)), F.promise(7, .calendarDays), c)
        #expect(ok.deadline == F.at(2024, 7, 8, 0, 0))
        #expect(ok.status == .onTime)
        #expect(ok.elapsedInUnit == 7)
        let late = try judge(F.tx(F.at(2024, 7, 1, 15, 0), F.at(2024, 7, 8, 8, 0)), F.promise(7, .calendarDays), c)
        #expect(late.status == .late)
        #expect(late.latenessSeconds == 8 * 3600)
        #expect(late.elapsedInUnit == 8)
        // Across Idul Fitri calendar days run on: 3 hari from Tue 9 Apr ends with Thu 11 Apr.
        let idul = try judge(F.tx(F.at(2024, 4, 9, 10, 0), nil), F.promise(3, .calendarDays), c)
        #expect(idul.deadline == F.at(2024, 4, 12, 0, 0))
        // No holiday calendar is needed: a 2026 transaction is judged with 2024 loaded.
        let y2026 = try judge(F.tx(F.at(2026, 3, 2, 9, 0), F.at(2026, 3, 2, 11, 0)), F.promise(1, .calendarDays), c)
        #expect(y2026.status == .onTime)
    }

    @Test func minutesAndRanges() throws {
        let c = try F.calendar()
        let range = Promise.single("10 menit s.d 30 menit", PromisedDuration(amount: 30, unit: .minutes, lowerBound: 10))
        let j = try judge(F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 1, 9, 25)), range, c)
        #expect(j.deadline == F.at(2024, 7, 1, 9, 30))
        #expect(j.elapsedInUnit == 25)
        #expect(abs(j.percentUsed! - 250.0 / 3) < 1e-9)
        #expect(abs(j.capaian! - 350.0 / 3) < 1e-9)
        let late = try judge(F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 1, 10, 0)), F.promise(60, .minutes), c)
        #expect(late.status == .onTime)  // exactly 60 minutes is on time
    }

    @Test func monthsClampToTheEndOfAShortMonth() throws {
        let c = try F.calendar()
        // 31 Jan 2024 + 1 bulan = 29 Feb 2024 (leap year), end of that day.
        let j = try judge(F.tx(F.at(2024, 1, 31, 10, 0), F.at(2024, 2, 15, 0, 0)), F.promise(1, .months), c)
        #expect(j.deadline == F.at(2024, 3, 1, 0, 0))
        #expect(j.status == .onTime)
        #expect(j.elapsedInUnit == 15.0 / 30)  // 15 of the 30 days from 31 Jan 00.00 to 1 Mar 00.00
    }

    @Test func variantsPickTheirPromise() throws {
        let c = try F.calendar()
        let p = Promise(text: "Distribusi rutin s/d 6 hari; Non rutin max 1 hari", variants: [
            .init(name: "rutin", duration: .init(amount: 6, unit: .calendarDays)),
            .init(name: "non rutin", duration: .init(amount: 1, unit: .calendarDays)),
        ], defaultVariant: "rutin")
        let r = F.at(2024, 7, 1, 9, 0)
        #expect(try judge(F.tx(r, nil, variant: "Non Rutin"), p, c).deadline == F.at(2024, 7, 2, 0, 0))
        #expect(try judge(F.tx(r, nil, variant: "Non Rutin"), p, c).variant == "non rutin")
        #expect(try judge(F.tx(r, nil), p, c).deadline == F.at(2024, 7, 7, 0, 0))
        #expect(try judge(F.tx(r, nil, variant: "darurat"), p, c).variant == "rutin")
    }

    @Test func noPromiseIsReportedNotGuessed() throws {
        let c = try F.calendar()
        let none = Promise.none("Pelayanan di lakukan secara Masal", reason: "tidak ada jangka waktu")
        let j = try judge(F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 1, 11, 0)), none, c)
        #expect(j.status == .noPromise)
        #expect(j.noPromiseReason == .catalogStates("tidak ada jangka waktu"))
        #expect(j.deadline == nil && j.elapsedInUnit == nil && j.capaian == nil)
        #expect(j.elapsedHours == 2)
        let nostd = try Turnaround.judge(F.tx(F.at(2024, 7, 1, 9, 0), nil), standard: nil, calendar: c, asOf: 0)
        #expect(nostd.judgement?.status == .noPromise)
        #expect(nostd.judgement?.noPromiseReason == .noStandardInForce(on: LocalDate(year: 2024, month: 7, day: 1)!))
    }

    /// A Ramadan Friday with hours 08.00–11.30 and 13.00–15.30 as a per-date override.
    @Test func ramadanHoursOverride() throws {
        let c = try F.calendar(overrides: [F.date(2024, 3, 15): [.init(open: 480, close: 690), .init(open: 780, close: 930)]])
        let after = try judge(F.tx(F.at(2024, 3, 15, 15, 45), nil), F.promise(1, .workingDays), c)
        #expect(after.deadline == F.at(2024, 3, 18, 16, 0))
        let before = try judge(F.tx(F.at(2024, 3, 15, 15, 0), nil), F.promise(1, .workingDays), c)
        #expect(before.deadline == F.at(2024, 3, 15, 15, 30))
    }
}
