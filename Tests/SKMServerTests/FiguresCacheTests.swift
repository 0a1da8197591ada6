import Foundation
import Synchronization
import Testing
@testable import SKMServer
import SKMDemo
import SKMDomain
import SKMPages
import SKMReports
import SKMStorage

/// Kept figures (`FiguresCache`) against a full recomputation after random writes,
/// replacements, undos, populations and catalog loads: never stale, and a kiosk's submission
/// of today leaves a finished period's figures kept.
@Suite struct FiguresCacheTests {
    static let periods = ["2024-S1", "2024-S2", "2025-S1", "2025-03", "2025"]
    static let services = Array(PublicWorld.counts2025S1.keys).sorted()

    /// What each route answers, as bytes: the kept figures and the fresh ones must be equal.
    func answers(_ figures: FiguresService, _ s: APIServices?, store: Store) throws -> [String: Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let agency = try store.agency(PublicWorld.agency)
        let now = Int64(Date().timeIntervalSince1970)
        var out: [String: Data] = [:]
        for p in Self.periods {
            let q = FigureQuery(period: PeriodSpec(parsing: p)!)
            out["ikm \(p)"] = try encoder.encode(figures.ikm(agency: PublicWorld.agency, q))
            // As of a fixed instant: as of now, an open file's lateness grows by the second
            // between the two computations compared (and such figures are not kept).
            let fixed = FigureQuery(period: q.periodSpec, asOf: .instant(1_780_000_000))
            out["compliance \(p)"] = try encoder.encode(figures.compliance(agency: PublicWorld.agency, fixed))
            let period = q.period(in: agency.timeZone)
            let results: PublicResults
            if let s {
                let span = try s.figures.cache!.dataSpan(agency: agency.code, store: store)
                let fresh = try store.dataSpan(agency: agency.code)
                out["span"] = Data("\(String(describing: span))".utf8)
                #expect(span?.0 == fresh?.0 && span?.1 == fresh?.1)
                results = try PublicResultsRoutes.figures(agency, period, span: span, now: now, s)
            } else {
                results = try ReportPipeline(store: store, options: PublicResultsRoutes.publicOptions)
                    .publicResults(agency: agency, period: period, now: now)
            }
            if s == nil { out["span"] = Data("\(String(describing: try store.dataSpan(agency: agency.code)))".utf8) }
            out["page \(p)"] = Data(PublicResultsPage(results: results, language: .id, path: "/p/x").render().utf8)
        }
        return out
    }

    @Test func keptFiguresEqualAFullRecomputationAfterRandomChanges() throws {
        let world = try PublicWorld()
        let store = world.store, s = world.services
        let fresh = FiguresService(store: store, compliance: s.figures.compliance, complianceAsOf: s.figures.complianceAsOf, cache: nil)
        #expect(s.figures.cache != nil)
        var rng = SeededRandom(seed: 20_250_701)  // seeded, so a failure can be replayed
        var batches: [Int64] = []
        var ids = ["r1", "r2", "r3"], n = 0
        let catalog = (agencies: try store.agencies(), holidays: try store.holidays())
        func day(_ rng: inout SeededRandom) -> LocalDate {
            LocalDate(year: 2024, month: 1, day: 1)!.adding(days: Int.random(in: 0..<545, using: &rng))
        }
        var kinds: [String] = []
        for step in 0..<40 {
            let (kept, recomputed) = (try answers(s.figures, s, store: store), try answers(fresh, nil, store: store))
            let differ = kept.keys.filter { kept[$0] != recomputed[$0] }.sorted()
            #expect(differ.isEmpty, "before step \(step), after \(kinds): \(differ) \(differ.first.map { String(decoding: kept[$0]!, as: UTF8.self) + "\n----\n" + String(decoding: recomputed[$0]!, as: UTF8.self) } ?? "")")
            let op = Int.random(in: 0..<7, using: &rng)
            kinds.append(String(op))
            switch op {
            case 0, 1:  // new responses, on a day of the two years or today (a kiosk)
                let today = op == 1
                let (_, _, b) = try store.importBatch(kind: .responses, file: "f\(step)") { w in
                    for _ in 0..<Int.random(in: 1...6, using: &rng) {
                        n += 1; ids.append("n\(n)")
                        _ = try w.insert(SurveyResponse(id: "n\(n)", agency: PublicWorld.agency, service: Self.services.randomElement(using: &rng)!,
                                                        date: today ? IndonesianTimeZone.wib.local(Int64(Date().timeIntervalSince1970)).date : day(&rng),
                                                        answers: (0..<9).map { _ in Int.random(in: 1...4, using: &rng) }))
                    }
                }
                batches.append(b)
            case 2:  // a stored response overwritten, perhaps onto another day
                let id = ids.randomElement(using: &rng)!
                let (_, _, b) = try store.importBatch(kind: .responses, file: "replace\(step)") { w in
                    _ = try w.insert(SurveyResponse(id: id, agency: PublicWorld.agency, service: Self.services.randomElement(using: &rng)!,
                                                    date: day(&rng), answers: (0..<9).map { _ in Int.random(in: 1...4, using: &rng) }),
                                     replace: true)
                }
                batches.append(b)
            case 3:  // an import taken back
                if let b = batches.randomElement(using: &rng) {
                    _ = try store.undoImport(b)
                    batches.removeAll { $0 == b }
                }
            case 4:  // a population stated, or taken away
                let period = Period.semester(2024 + Int.random(in: 0...1, using: &rng), 1)
                try store.setPopulation(agency: PublicWorld.agency, service: Self.services.randomElement(using: &rng)!, period: period,
                                        count: Int.random(in: 0...3, using: &rng) * 100)
            case 5:  // the catalog loaded again, a holiday fewer
                try store.saveCatalog(agencies: catalog.agencies, holidays: Array(catalog.holidays.dropLast(step % 3)))
            default:  // a transaction of the register, finished or still open
                let d = day(&rng)
                let received = IndonesianTimeZone.wib.instant(d, minuteOfDay: 9 * 60)
                let (_, _, b) = try store.importBatch(kind: .transactions, file: "t\(step)") { w in
                    _ = try w.insert(Transaction(id: "KEK-\(Int.random(in: 1...60, using: &rng))", agency: PublicWorld.agency, service: "informasi",
                                                 receivedAt: received,
                                                 finishedAt: Bool.random(using: &rng) ? received + Int64.random(in: 1...200, using: &rng) * 3600 : nil),
                                     receivedDate: d, replace: true)
                }
                batches.append(b)
            }
        }
        #expect(try answers(s.figures, s, store: store) == answers(fresh, nil, store: store), "after: \(kinds)")
        let served = s.figures.cache!.served.withLock { $0 }
        #expect(served.kept > 0 && served.computed > 0, "\(served)")
    }

    /// A submission dated today reaches no finished period: the page and the figures stay kept.
    @Test func aKioskSubmissionOfTodayKeepsAFinishedPeriodsFigures() throws {
        let world = try PublicWorld()
        let s = world.services, cache = s.figures.cache!
        _ = try answers(s.figures, s, store: world.store)
        let computed = cache.served.withLock { $0.computed }
        #expect(computed == 3 * Self.periods.count)
        let today = IndonesianTimeZone.wib.local(Int64(Date().timeIntervalSince1970)).date
        _ = try world.store.importBatch(kind: .responses, file: "kiosk") { w in
            try w.insert(SurveyResponse(id: "kiosk-1", agency: PublicWorld.agency, service: "informasi", date: today,
                                        answers: Array(repeating: 4, count: 9)))
        }
        // The first of the day moves the last day with data: the period picker follows (it is
        // laid out per visit), the kept figures stay.
        let pages = try answers(s.figures, s, store: world.store)
        #expect(cache.served.withLock { $0.computed } == computed)
        let agency = try world.store.agency(PublicWorld.agency)
        let fresh = try ReportPipeline(store: world.store, options: PublicResultsRoutes.publicOptions)
            .publicResults(agency: agency, period: .semester(2025, 1))
        #expect(pages["page 2025-S1"] == Data(PublicResultsPage(results: fresh, language: .id, path: "/p/x").render().utf8))
        #expect(fresh.periods.first == .semester(2026, 1))  // newest first, up to the last finished semester
        _ = try world.store.importBatch(kind: .responses, file: "kiosk") { w in
            try w.insert(SurveyResponse(id: "kiosk-2", agency: PublicWorld.agency, service: "informasi", date: today,
                                        answers: Array(repeating: 3, count: 9)))
        }
        let again = cache.served.withLock { $0.computed }
        _ = try answers(s.figures, s, store: world.store)
        #expect(cache.served.withLock { $0.computed } == again)
        // A response on a day of 2025-S1 does reach it: its IKM, its page and the year's again.
        _ = try world.store.importBatch(kind: .responses, file: "late") { w in
            try w.insert(SurveyResponse(id: "late-1", agency: PublicWorld.agency, service: "informasi",
                                        date: LocalDate(year: 2025, month: 2, day: 1)!, answers: Array(repeating: 1, count: 9)))
        }
        let before = cache.served.withLock { $0.computed }
        let ikm = try s.figures.ikm(agency: PublicWorld.agency, FigureQuery(period: PeriodSpec(parsing: "2025-S1")!))
        #expect(cache.served.withLock { $0.computed } == before + 1)
        #expect(ikm.overall?.respondents == 39)
    }

    /// Visitors asking at once for figures nobody has computed yet: one computes, the others
    /// wait for it and are served its figures.
    @Test func concurrentVisitorsComputeOnce() throws {
        let world = try PublicWorld()
        let cache = FiguresCache()
        let key = FiguresCache.Key(route: "t", agency: PublicWorld.agency, detail: "")
        let calls = Mutex(0), answers = Mutex<[Int]>([])
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread {
                defer { group.leave() }
                let v = try? cache.figures(key, store: world.store, through: LocalDate(year: 2025, month: 1, day: 1)!, now: 0) {
                    () -> FiguresCache.Computed<Int> in
                    let n = calls.withLock { $0 += 1; return $0 }
                    Thread.sleep(forTimeInterval: 0.3)
                    return .init(value: n, until: nil)
                }
                answers.withLock { $0.append(v ?? -1) }
            }.start()
        }
        group.wait()
        #expect(calls.withLock { $0 } == 1)
        #expect(answers.withLock { $0 } == [1, 1, 1, 1])
    }

    /// Figures judged as of now are kept until an open file passes its deadline, not after.
    @Test func figuresAreKeptUntilTheirStatusesChange() throws {
        let world = try PublicWorld()
        let cache = FiguresCache()
        let key = FiguresCache.Key(route: "t", agency: PublicWorld.agency, detail: "")
        let day = LocalDate(year: 2025, month: 1, day: 1)!
        var calls = 0
        func ask(at now: Int64) throws -> Int {
            try cache.figures(key, store: world.store, through: day, now: now) { () -> FiguresCache.Computed<Int> in
                calls += 1
                return .init(value: calls, until: 1_000)
            }
        }
        #expect(try ask(at: 998) == 1)
        #expect(try ask(at: 999) == 1)
        #expect(try ask(at: 1_000) == 2)
    }
}
