import Foundation
import Testing
@testable import SKMStorage
import SKMDomain

/// `periodResponses` replaces seven reads with one scan: it must give exactly what they give.
@Suite struct PeriodResponsesTests {
    /// Responses across Q4 2023, Q1 2024 and Q2 2024, with missing and odd categories, another
    /// method, blank and space-only saran, and a service outside any catalog.
    func store() throws -> Store {
        let store = try Store()
        let days = [LocalDate(year: 2023, month: 11, day: 30)!, LocalDate(year: 2023, month: 12, day: 31)!,
                    LocalDate(year: 2024, month: 1, day: 1)!, LocalDate(year: 2024, month: 2, day: 29)!,
                    LocalDate(year: 2024, month: 3, day: 31)!, LocalDate(year: 2024, month: 4, day: 1)!]
        let genders: [String?] = ["L", "P", nil, "p", ""]  // 5 against 6 days: every pair occurs
        let ages: [Int?] = [17, 20, 29, 35, nil, 61, 59, 45]
        let educations: [String?] = ["SMA", "S1", nil, "D3", "SMA", "Sarjana (S1)", "s1"]
        // Two long values alike in their first and last eight bytes, differing in the middle.
        let occupations: [String?] = ["PNS", "Wiraswasta", "Petani/Nelayan", nil, "Ibu rumah tangga",
                                      "Pegawai Negeri Sipil", "Pegawai Nageri Sipil"]
        // A NUL inside a saran: the store keeps it, and both reads stop there (String(cString:)).
        let sarans: [String?] = ["Antre terlalu lama.", nil, "", "   ", "Bagus", "  ok  ", "Ruang tunggu panas 🥵", "a\u{0}b", "\"x\"\n"]
        let services = ["kb", "ktp", "kb", "izin", "zz-lain"]
        _ = try store.importBatch(kind: .responses, file: "r.csv") { w in
            for i in 0..<240 {
                let method = i % 11 == 0 ? IKMMethod.kepmenpan25_2004 : IKMMethod.permenPANRB14_2017
                let answers: [Int?] = (0..<method.unsur.count).map { u in (i + u) % 7 == 0 ? nil : (i * 7 + u * 3) % 4 + 1 }
                _ = try w.insert(SurveyResponse(
                    id: "R\(i)", agency: i % 13 == 0 ? "lain" : "a", service: services[i % services.count], date: days[i % days.count],
                    answers: answers, method: method.id,
                    profile: RespondentProfile(gender: genders[i % genders.count], age: ages[i % ages.count],
                                               education: educations[i % educations.count], occupation: occupations[i % occupations.count]),
                    saran: sarans[i % sarans.count]))
            }
        }
        return store
    }

    @Test(arguments: [Period.quarter(2024, 1), .quarter(2024, 2), .year(2024), .year(2023),
                      Period(kind: .range, start: LocalDate(year: 2024, month: 1, day: 1)!, end: LocalDate(year: 2024, month: 2, day: 29)!)])
    func oneScanGivesWhatTheSeparateReadsGive(period: Period) throws {
        let store = try store()
        for method in IKMMethod.all {
            let got = try store.periodResponses(agency: "a", period: period, method: method)
            #expect(got.tallies == (try store.responseTallies(agency: "a", period: period, method: method)))
            #expect(got.previousTallies == (try store.responseTallies(agency: "a", period: period.previous, method: method)))
            let profile = try store.profileCounts(agency: "a", period: period)
            for (a, b) in [(got.profile.gender, profile.gender), (got.profile.age, profile.age),
                           (got.profile.education, profile.education), (got.profile.occupation, profile.occupation)] {
                #expect(a.map(\.0) == b.map(\.0))
                #expect(a.map(\.1) == b.map(\.1))
            }
            #expect(got.suggestionCount == (try store.suggestionCount(agency: "a", period: period)))
            #expect(got.suggestions == nil)
        }
        // Gathered in stored (id) order and sorted by date on the way: the list forEachSuggestion gives.
        let spooled = try store.periodResponses(agency: "a", period: period, spoolingSuggestions: true)
        let expected = try store.suggestions(agency: "a", period: period)
        var list: [Suggestion] = []
        try #require(spooled.suggestions).forEach { list.append($0) }
        #expect(list == expected)
        #expect(spooled.suggestions?.count == expected.count)
    }

    @Test func categoriesAreOrderedAsSQLiteOrdersThem() throws {
        let got = try store().periodResponses(agency: "a", period: .year(2024))
        // NULL first (shown "Tidak diisi"), then by bytes: upper case before lower case.
        #expect(got.profile.gender.map(\.0) == ["Tidak diisi", "", "L", "P", "p"])
        #expect(got.profile.occupation.map(\.0).filter { $0.hasPrefix("Pegawai") } == ["Pegawai Nageri Sipil", "Pegawai Negeri Sipil"])
    }
}
