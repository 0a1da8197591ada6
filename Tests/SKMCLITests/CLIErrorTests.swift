import Foundation
import Testing

@Suite struct CLIErrorTests {
    @Test func aBadPeriodIsAUsageErrorThatSaysWhatIsExpected() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["score", "--period", "2024-Q5"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("The value '2024-Q5' is invalid for '--period <period>': use a month (2025-03), a quarter (2024-Q3), a semester (2024-S1), a year (2024), a range (2024-01-01..2024-03-31) or previous-|current-month, -quarter, -semester, -year (e.g. previous-semester)"))
    }

    @Test func scoringAnEmptyStoreSaysToLoadTheCatalogFirst() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["score", "--period", "2024-S1", "--store", "empty.sqlite"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("skm init"))
    }

    @Test func helpNamesTheEverydayCommands() throws {
        let r = try CLI.run(["--help"], in: try CLI.temporaryDirectory())
        #expect(r.status == 0)
        for command in ["score", "report"] { #expect(r.stdout.contains(command)) }
    }
}
