import Testing
@testable import SKMDomain

/// Capaian of the period's mean completion time, bounded at 0 % (docs/turnaround-rules.md).
@Suite struct CapaianTests {
    /// A finished transaction taking `elapsed` against a promise of `amount` `unit`.
    func finished(_ id: String, _ elapsed: Double, of amount: Int, _ unit: PromiseUnit, variant: String? = nil) -> TurnaroundJudgement {
        TurnaroundJudgement(
            transactionID: id, status: elapsed <= Double(amount) ? .onTime : .late, receivedOn: LocalDate(year: 2024, month: 7, day: 1)!,
            finishedAt: 1, variant: variant, promised: PromisedDuration(amount: amount, unit: unit), deadline: 0,
            elapsedHours: 1, elapsedInUnit: elapsed, percentUsed: elapsed / Double(amount) * 100,
            latenessSeconds: elapsed > Double(amount) ? 60 : 0, excessInUnit: max(0, elapsed - Double(amount)))
    }

    func figures(_ js: [TurnaroundJudgement]) -> ComplianceFigures {
        var s = ComplianceSummary()
        for j in js { s.add(j) }
        return s.figures
    }

    /// The example of the docs: 9 files in 2 hari kerja and one in 30, against 3 hari kerja.
    @Test func aFewVeryLateFilesPullTheMeanNotTheMedian() {
        let f = figures((1...9).map { finished("t\($0)", 2, of: 3, .workingDays) } + [finished("late", 30, of: 3, .workingDays)])
        #expect(f.realisasi == 4.8)                  // (9 × 2 + 30) / 10
        #expect(abs(f.capaian! - 40) < 1e-9)         // (2 − 4.8 / 3) × 100
        #expect(f.medianElapsedInUnit == 2)
        #expect(f.onTimeRate == 0.9)
    }

    @Test func neverBelowZero() {
        // 20 and 3000 minutes against 30: realisasi 1510, (2 − 50.33) × 100 = −4 833 % → 0 %.
        let f = figures([finished("a", 20, of: 30, .minutes), finished("b", 3000, of: 30, .minutes)])
        #expect(f.realisasi == 1510)
        #expect(f.capaian == 0)
    }

    @Test func atTheBound() {
        // Twice the promise on average is exactly 0 %; a little less is a little above.
        #expect(figures([finished("a", 5, of: 3, .workingDays), finished("b", 7, of: 3, .workingDays)]).capaian == 0)
        let justAbove = figures([finished("a", 59, of: 30, .minutes), finished("b", 60, of: 30, .minutes)]).capaian!
        #expect(abs(justAbove - 5.0 / 3) < 1e-9)    // (2 − 59.5 / 30) × 100
        // Exactly the promise is 100 %, half of it 150 %.
        #expect(figures([finished("a", 3, of: 3, .workingDays)]).capaian == 100)
        #expect(figures([finished("a", 15, of: 30, .minutes)]).capaian == 150)
    }

    /// Variants with different promises: realisasi / target = Σ elapsed / Σ promised.
    @Test func variantsWeighByTheirPromise() {
        let f = figures([finished("r", 3, of: 6, .calendarDays, variant: "rutin"), finished("n", 2, of: 1, .calendarDays, variant: "non rutin")])
        #expect(f.realisasi == 2.5 && f.target == 3.5)
        #expect(abs(f.capaian! - 900.0 / 7) < 1e-9)  // (2 − 5 / 7) × 100 = 128.57; the mean of per-file capaian was 75
    }

    /// An agency whose services promise days and minutes has no mean time: each unit's capaian,
    /// weighted by its finished transactions.
    @Test func mixedUnitsWeighEachUnitsCapaian() {
        var days = ComplianceSummary()
        days.add(finished("d", 3, of: 3, .workingDays))        // 100 %
        var minutes = ComplianceSummary()
        for i in 1...3 { minutes.add(finished("m\(i)", 15, of: 30, .minutes)) }  // 150 %
        days.merge(minutes)
        let f = days.figures
        #expect(f.unit == nil && f.realisasi == nil && f.target == nil)
        #expect(f.capaian == 137.5)                    // (100 + 3 × 150) / 4
        #expect(figures([]).capaian == nil)
    }
}
