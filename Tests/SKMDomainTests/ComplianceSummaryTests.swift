import Testing
@testable import SKMDomain

@Suite struct ComplianceSummaryTests {
    typealias F = Fixtures

    /// A finished or open judgement of a 3-working-day promise, built by hand.
    func j(_ id: String, _ status: TurnaroundStatus, days: Double, hours: Double, late: Int64 = 0,
           unit: PromiseUnit = .workingDays) -> TurnaroundJudgement {
        let measured = status != .noPromise
        return TurnaroundJudgement(
            transactionID: id, status: status, receivedOn: F.date(2024, 7, 1),
            finishedAt: status == .open || status == .openOverdue ? nil : 1,
            promised: measured ? PromisedDuration(amount: 3, unit: unit) : nil,
            deadline: measured ? 0 : nil, elapsedHours: hours,
            elapsedInUnit: measured ? days : nil, percentUsed: measured ? days / 3 * 100 : nil,
            latenessSeconds: late, excessInUnit: measured ? max(0, days - 3) : nil)
    }

    /// 3 on time, 1 late, 1 open, 1 open overdue, 1 without promise, 1 rejected.
    func sample() -> [TurnaroundOutcome] {
        [
            .judged(j("a", .onTime, days: 1, hours: 2)),
            .judged(j("b", .onTime, days: 2, hours: 20)),
            .judged(j("c", .onTime, days: 3, hours: 30)),
            .judged(j("d", .late, days: 5, hours: 80, late: 7200)),
            .judged(j("e", .open, days: 1, hours: 1)),
            .judged(j("f", .openOverdue, days: 4, hours: 50, late: 3600)),
            .judged(j("g", .noPromise, days: 0, hours: 4)),
            .rejected(TurnaroundRejection(transactionID: "h", reason: .unknownAgency("x"))),
        ]
    }

    @Test func countsRatesAndQuantiles() {
        var s = ComplianceSummary()
        for o in sample() { s.add(o) }
        let f = s.figures
        #expect(f.count == 7)
        #expect(f.rejected == 1)
        #expect(f.finished == 5)  // a b c d g
        #expect((f.onTime, f.late, f.open, f.openOverdue, f.noPromise) == (3, 1, 1, 1, 1))
        // 3 on time of (3 + 1 late + 1 open overdue).
        #expect(f.onTimeRate == 0.6)
        // Hours over every finished one: 2, 4, 20, 30, 80 → median 20; p90 rank ⌈4.5⌉ = 5 → 80.
        #expect(f.medianElapsedHours == 20)
        #expect(f.p90ElapsedHours == 80)
        // Working days over finished with promise: 1, 2, 3, 5 → median 2.5, p90 rank ⌈3.6⌉ = 4 → 5.
        #expect(f.unit == .workingDays)
        #expect(f.medianElapsedInUnit == 2.5)
        #expect(f.p90ElapsedInUnit == 5)
        // Percent used, read to the whole percent: 33, 67, 100, 167 → median 83.5; p90 → 167.
        #expect(f.medianPercentUsed == 83.5)
        #expect(f.p90PercentUsed == 167)
        #expect(f.medianCapaian == 116.5)
        // Realisasi = (1 + 2 + 3 + 5) / 4 = 2.75 hari kerja against 3: capaian = (2 − 2.75 / 3) × 100
        // = 108.33 (with one promise, the same as the mean of per-file capaian 166.67, 133.33, 100, 33.33).
        #expect(f.realisasi == 2.75 && f.target == 3)
        #expect(abs(f.capaian! - 1300.0 / 12) < 1e-9)
        #expect(f.worstCases.map(\.transactionID) == ["d", "f"])
    }

    @Test func mergingEqualsAddingEverything() {
        let all = sample()
        var whole = ComplianceSummary()
        for o in all { whole.add(o) }
        var left = ComplianceSummary(), right = ComplianceSummary()
        for o in all.prefix(3) { left.add(o) }
        for o in all.dropFirst(3) { right.add(o) }
        left.merge(right)
        #expect(left.figures == whole.figures)
    }

    @Test func keepsTheTenLatestMostLateFirstTiesById() {
        var s = ComplianceSummary()
        for i in 1...12 { s.add(j("t\(i)", .late, days: 4, hours: 40, late: Int64(i) * 60)) }
        s.add(j("t0", .late, days: 4, hours: 40, late: 12 * 60))  // ties t12, sorts first by id
        let ids = s.figures.worstCases.map(\.transactionID)
        #expect(ids == ["t0", "t12", "t11", "t10", "t9", "t8", "t7", "t6", "t5", "t4"])
    }

    @Test func mixedUnitsHaveNoUnitFigures() {
        var s = ComplianceSummary()
        s.add(j("a", .onTime, days: 1, hours: 2))
        s.add(j("b", .onTime, days: 20, hours: 0.3, unit: .minutes))
        let f = s.figures
        #expect(f.unit == nil)
        #expect(f.medianElapsedInUnit == nil)
        #expect(abs(f.medianElapsedHours! - 1.15) < 1e-12)
        var m = ComplianceSummary()
        m.add(j("c", .onTime, days: 1, hours: 2))
        var other = ComplianceSummary()
        other.add(j("d", .onTime, days: 1, hours: 2, unit: .hours))
        m.merge(other)
        #expect(m.figures.unit == nil)
    }

    /// Read at a resolution: 0.3 h and 2 h are 18 and 120 minutes; ranks count repeats.
    @Test func histogramQuantiles() {
        var h = QuantileHistogram(scale: 60)
        for v in [2.0, 0.3, 2.0, 5.0] { h.add(v) }
        #expect(h.median == 2)  // 0.3, 2, 2, 5
        #expect(h.p90 == 5)     // rank ⌈3.6⌉ = 4
        var other = QuantileHistogram(scale: 60)
        for v in [0.1, 0.1, 0.1] { other.add(v) }
        h.merge(other)          // 0.1, 0.1, 0.1, 0.3, 2, 2, 5
        #expect(h.median == 0.3)
        #expect(h.p90 == 5)     // rank ⌈6.3⌉ = 7
        #expect(h.total == 7)
        var rounding = QuantileHistogram(scale: 1)
        rounding.add(83.333)
        rounding.add(83.6)
        #expect(rounding.median == 83.5)  // 83 and 84
    }

    @Test func emptyGroupHasNoRates() {
        let f = ComplianceSummary().figures
        #expect(f.count == 0)
        #expect(f.onTimeRate == nil && f.medianElapsedHours == nil && f.capaian == nil && f.p90PercentUsed == nil)
    }

    /// End to end through the judge: lookups, rejection of unknown services, summary.
    @Test func judgeARegister() throws {
        let agency = Agency(code: "A", name: "Dinas Uji", region: "Bengkulu", timeZone: .wib,
                            decree: Decree(number: "1/2022", date: F.date(2022, 1, 10), title: "SP"),
                            services: [F.standard(F.promise(3, .workingDays))])
        let newer = Agency(code: "A", name: "Dinas Uji", region: "Bengkulu", timeZone: .wib,
                           decree: Decree(number: "2/2024", date: F.date(2024, 7, 3), title: "SP"),
                           services: [F.standard(F.promise(1, .workingDays), from: F.date(2024, 7, 3))])
        let judge = try TurnaroundJudge(agencies: [newer, agency]) { a in
            try WorkingCalendar(agency: a, holidays: F.holidays2024, loadedYears: [2024])
        }
        var other = F.tx(F.at(2024, 7, 1, 9, 0), nil, id: "X")
        other.service = "L9"
        let txs = [
            F.tx(F.at(2024, 7, 1, 9, 0), F.at(2024, 7, 3, 10, 0), id: "old"),  // 3 hari kerja: on time
            F.tx(F.at(2024, 7, 3, 9, 0), F.at(2024, 7, 4, 10, 0), id: "new"),  // 1 hari kerja: late
            other,
        ]
        let outcomes = try judge.judgeAll(txs, asOf: F.at(2024, 9, 30, 23, 59))
        #expect(outcomes[0].judgement?.status == .onTime)
        #expect(outcomes[0].judgement?.standardValidFrom == F.date(2022, 1, 10))
        let newer1 = try #require(outcomes[1].judgement)
        #expect(newer1.status == .late)
        #expect(newer1.latenessSeconds == 18 * 3600)
        #expect(outcomes[2].rejection?.reason == .unknownService("L9", agency: "A"))
        var s = ComplianceSummary()
        for o in outcomes { s.add(o) }
        #expect(s.figures.onTimeRate == 0.5)
        #expect(s.figures.rejected == 1)
        // The streaming path gives the same, per group.
        let groups = try judge.summarize(txs, asOf: F.at(2024, 9, 30, 23, 59)) { $0.service }
        #expect(groups["L1"]?.figures.onTimeRate == 0.5)
        #expect(groups["L9"]?.figures.rejected == 1)
        #expect(groups["L9"]?.figures.count == 0)
    }
}
