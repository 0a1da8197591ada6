import Testing
import SKMDomain

@Suite struct LocalDateTests {
    @Test func writesAndReadsIsoDates() {
        let cases: [(Int, Int, Int, String)] = [
            (2024, 3, 4, "2024-03-04"), (2024, 12, 31, "2024-12-31"), (2000, 2, 29, "2000-02-29"),
            (1970, 1, 1, "1970-01-01"), (987, 10, 10, "0987-10-10"),
        ]
        for (y, m, d, text) in cases {
            let date = LocalDate(year: y, month: m, day: d)!
            #expect(date.description == text)
            #expect(LocalDate(iso: text) == date)
        }
    }
}
