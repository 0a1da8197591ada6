import Foundation
import Testing

@Suite struct CLIErrorTests {
    @Test func aBadPeriodIsAUsageErrorThatSaysWhatIsExpected() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["score", "--period", "2024-Q5"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("'2024-Q5' is not a period"))
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
