import Foundation
import SKMCatalog
import SKMDomain
import SKMPostgres
import SKMStorage
import Testing

/// The publication switch, stated populations and linked answers behave the same on both
/// stores (SKMStorage/PublicationSwitch.swift, Populations.swift, LinkedAnswers.swift).
@Suite(.enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct SwitchesOnBothStoresTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func check(_ store: any SurveyStore) throws {
        let catalog = try CatalogLoader.load(seeds: Self.seeds)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        #expect(try store.publishedAgencies().isEmpty)  // off by default
        try store.setPublication(agency: "karangasem", on: true, now: 1)
        try store.setPublication(agency: "karangasem", on: true, now: 2)  // twice is once
        try store.setPublication(agency: "pekalongan", on: true, now: 3)
        try store.setPublication(agency: "pekalongan", on: false, now: 4)
        #expect(try store.publishedAgencies() == ["karangasem"])
        #expect(throws: StoreError.self) { try store.setPublication(agency: "nowhere", on: true, now: 5) }

        let s1 = try #require(Period(parsing: "2025-S1")), q1 = try #require(Period(parsing: "2025-Q1"))
        try store.setPopulation(agency: "karangasem", service: "kk", period: s1, count: 120)
        try store.setPopulation(agency: "karangasem", service: "kk", period: s1, count: 150)  // replaces
        try store.setPopulation(agency: "karangasem", service: "akta", period: s1, count: 40)
        try store.setPopulation(agency: "karangasem", service: "akta", period: s1, count: 0)  // removes
        #expect(try store.populations(agency: "karangasem", period: s1) == ["kk": 150])
        #expect(try store.populations(agency: "karangasem", period: q1).isEmpty)  // exactly that period

        _ = try store.importBatch(kind: .responses, file: "r.csv") { w in
            for (i, ticket) in ["T1", nil, "  ", "T4"].enumerated() {
                _ = try w.insert(SurveyResponse(id: "R\(i)", agency: "karangasem", service: "kk",
                                                date: LocalDate(year: 2025, month: 2, day: 1 + i)!,
                                                answers: [4, 4, i + 1, 4, 4, 4, 4, 4, 4], transactionId: ticket))
            }
        }
        let linked = try store.linkedAnswers(agency: "karangasem", period: s1, method: .permenPANRB14_2017, unsur: 2)
        #expect(linked == [LinkedAnswer(service: "kk", transactionId: "T1", answer: 1),
                           LinkedAnswer(service: "kk", transactionId: "T4", answer: 4)])
    }

    @Test func sqlite() throws { try check(try Store()) }
    @Test func postgres() throws { try TestDatabase.with { try check($0) } }
}
