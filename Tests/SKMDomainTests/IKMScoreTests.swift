import Testing
@testable import SKMDomain

/// Hand-computed examples for PermenPANRB 14/2017 scoring.
@Suite struct IKMScoreTests {
    /// 30 respondents, every answer present. Per unsur, answers 4/3/2/1 counted by hand:
    /// U1: 12×4, 15×3, 3×2 → (48+45+6)/30 = 3.3
    /// U2..U9: see the table in the test body; IKM = mean of NRR (weight exactly 1/9).
    @Test func thirtyRespondentsHandComputed() {
        // distributions as [ones, twos, threes, fours]
        let dist: [[Int]] = [
            [0, 3, 15, 12],  // U1 NRR 3.3
            [0, 6, 18, 6],   // U2 NRR 3.0
            [3, 9, 12, 6],   // U3 NRR 2.7
            [0, 0, 0, 30],   // U4 NRR 4.0 (gratis)
            [0, 3, 21, 6],   // U5 NRR 3.1
            [0, 0, 15, 15],  // U6 NRR 3.5
            [0, 0, 9, 21],   // U7 NRR 3.7
            [3, 6, 15, 6],   // U8 NRR 2.8
            [0, 6, 15, 9],   // U9 NRR 3.1
        ]
        var tally = ResponseTally(unsurCount: 9)
        for r in 0..<30 {
            // respondent r gives, for each unsur, the r-th answer of that unsur's sorted list
            let answers: [Int?] = dist.map { d in
                var expanded: [Int] = []
                for v in 0..<4 { expanded += Array(repeating: v + 1, count: d[v]) }
                return expanded[r]
            }
            tally.add(answers)
        }
        let s = IKMScore.compute(tally)
        let nrr = s.unsur.map { $0.nrr! }
        let expected = [3.3, 3.0, 2.7, 4.0, 3.1, 3.5, 3.7, 2.8, 3.1]
        for (a, e) in zip(nrr, expected) { #expect(abs(a - e) < 1e-12) }
        #expect(s.respondents == 30)
        #expect(s.unsur[0].distribution == [0, 3, 15, 12])
        // Σ NRR = 29.2; IKM = 29.2/9 = 3.2444…; ×25 = 81.111…
        #expect(abs(s.ikm! - 29.2 / 9) < 1e-12)
        #expect(s.convertedRounded == 81.11)
        #expect(s.mutu == .b)
        #expect(s.mutu?.kinerja == "Baik")
        #expect(s.lowest.map(\.code) == ["U3"])
        #expect(abs(s.unsur[2].weightedNRR! - 0.3) < 1e-12)
        #expect(s.warnings.isEmpty)
    }

    @Test func perfectScoreUnderEachWeightConvention() {
        var t = ResponseTally(unsurCount: 9)
        t.add(Array(repeating: 4, count: 9))
        #expect(IKMScore.compute(t, weights: .exact).convertedRounded == 100.00)
        #expect(IKMScore.compute(t, weights: .threeDecimals).convertedRounded == 99.90)
        #expect(IKMScore.compute(t, weights: .twoDecimals).convertedRounded == 99.00)
    }

    @Test func emptyAnswersLowerTheCountNeverScoreZero() {
        var t = ResponseTally(unsurCount: 9)
        t.add([4, 4, 4, 4, 4, 4, 4, 4, 4])
        t.add([2, nil, 4, 4, 4, 4, 4, 4, 4])
        let s = IKMScore.compute(t)
        #expect(s.unsur[0].nrr == 3.0)
        #expect(s.unsur[1].nrr == 4.0)
        #expect(s.unsur[1].answered == 1)
    }

    @Test func absentUnsurIsReportedAndIKMUsesThePresentOnes() {
        var t = ResponseTally(unsurCount: 9)
        t.add([3, 3, 3, 3, 3, 3, 3, nil, 3])
        t.add([3, 3, 3, 3, 3, 3, 3, nil, 3])
        let s = IKMScore.compute(t)
        #expect(s.unsur[7].isAbsent)
        #expect(abs(s.weight - 1.0 / 8) < 1e-15)
        #expect(s.convertedRounded == 75.00)
        #expect(s.warnings.count == 1)
        #expect(s.warnings[0] == .unsurWithoutAnswers(s.unsur[7].unsur, present: 8))
    }

    @Test(arguments: [
        (64.99, Mutu.d), (65.00, .c), (76.60, .c), (76.61, .b), (88.30, .b), (88.31, .a),
        (76.605, .b), (76.6049, .c), (64.995, .c), (88.3049, .b), (25.0, .d), (100.0, .a),
    ])
    func gradeBoundaries(value: Double, grade: Mutu) {
        #expect(Mutu.grade(converted: value, method: .permenPANRB14_2017) == grade)
    }

    @Test func kepmenpan2004HasFourteenUnsurAndItsOwnGrades() {
        let m = IKMMethod.kepmenpan25_2004
        #expect(m.unsur.count == 14)
        #expect(Mutu.grade(converted: 81.26, method: m) == .a)
        #expect(Mutu.grade(converted: 81.25, method: m) == .b)
        #expect(Mutu.grade(converted: 62.50, method: m) == .c)
        #expect(Mutu.grade(converted: 43.75, method: m) == .d)
        var t = ResponseTally(unsurCount: 14)
        t.add(Array(repeating: 3, count: 14))
        let s = IKMScore.compute(t, method: m)
        #expect(s.convertedRounded == 75.00)
        #expect(s.mutu == .b)
    }

    @Test(arguments: [(10, 10), (100, 80), (200, 132), (500, 217), (1000, 278), (2000, 322),
                      (5000, 357), (10000, 370), (100000, 383), (1000000, 384)])
    func krejcieMorganTable(population: Int, sample: Int) {
        #expect(KrejcieMorgan.minimumSample(population: population) == sample)
    }

    @Test func sampleAdequacyShortfall() {
        let a = SampleAdequacy(population: 1000, respondents: 250)
        #expect(!a.isAdequate)
        #expect(a.shortfall == 28)
    }

    @Test func confidenceIntervalShrinksWithRespondents() {
        var small = ResponseTally(unsurCount: 9), large = ResponseTally(unsurCount: 9)
        for i in 0..<40 { small.add(Array(repeating: i % 2 == 0 ? 3 : 4, count: 9)) }
        for i in 0..<400 { large.add(Array(repeating: i % 2 == 0 ? 3 : 4, count: 9)) }
        let s = IKMScore.compute(small), l = IKMScore.compute(large)
        // per-respondent scores 75 and 100, sd = 12.5·√(40/39); se = sd/√40
        let expectedSE = 12.5 * (40.0 / 39).squareRoot() / 40.0.squareRoot()
        #expect(abs(s.confidence!.standardError - expectedSE) < 1e-9)
        #expect(abs(s.confidence!.lower - (87.5 - 1.959963984540054 * expectedSE)) < 1e-9)
        #expect(l.confidence!.halfWidth < s.confidence!.halfWidth)
        let change = IKMChange(previous: s, current: l)
        #expect(!change.isSignificant)
    }
}
