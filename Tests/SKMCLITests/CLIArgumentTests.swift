import Foundation
import Testing

/// Options are typed: a bad value is refused by the parser (exit 64) with what is accepted,
/// before any store is opened; a period with nothing in it is not a silent success.
@Suite struct CLIArgumentTests {
    func initialisedStore() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    @Test(arguments: [
        (["score", "--period", "2024-S1", "--method", "2016"],
         "The value '2016' is invalid for '--method <id>'. Please provide one of 'permenpanrb-14-2017' and 'kepmenpan-25-2004'."),
        (["score", "--period", "2024-S1", "--weights", "0.1"],
         "The value '0.1' is invalid for '--weights <w>'. Please provide one of 'exact', '0.111' or '0.11'."),
        (["score", "--period", "2024-S1", "--format", "csv"],
         "The value 'csv' is invalid for '--format <format>'. Please provide one of 'table' and 'json'."),
        (["report", "--period", "2024-S1", "--format", "xlsx,pdf"],
         "The value 'xlsx,pdf' is invalid for '--format <formats>': use xlsx, json, html or a list such as xlsx,json,html"),
        (["report", "--period", "2024-S1", "--lang", "fr"],
         "The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'id' and 'en'."),
        (["compliance", "--period", "2024-S1", "--agency", "Bengkulu Selatan"],
         "The value 'Bengkulu Selatan' is invalid for '--agency <code>': an agency code is lowercase letters, digits and hyphens"),
        (["compliance", "--period", "2024-S1", "--as-of", "31/12/2024"],
         "The value '31/12/2024' is invalid for '--as-of <date>': use a calendar date YYYY-MM-DD, e.g. 2024-12-31"),
        (["query", "monthly_volume", "--period", "2024-06-01..2024-01-01"],
         "The value '2024-06-01..2024-01-01' is invalid for '--period <period>': use a month (2025-03), a quarter (2024-Q3)"),
        (["query", "monthly_volume", "--period", "2024", "--param", "days"],
         "The value 'days' is invalid for '--param <name=value>': use NAME=VALUE, e.g. days=30"),
        (["demo", "--lang", "de"], "The value 'de' is invalid for '--lang <lang>'. Please provide one of 'id' and 'en'."),
        (["bench", "--pairs=-1"], "--pairs must be 0 or more"),
    ])
    func aBadValueIsAUsageErrorListingWhatIsAccepted(args: [String], message: String) throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(args + ["--store", "none.sqlite"], in: dir)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func aliasesOfAMethodAndSpacedFormatsAreAccepted() throws {
        let dir = try initialisedStore()
        let score = try CLI.run(["score", "--period", "2024-S1", "--method", "2017", "--store", "s.sqlite", "--allow-empty", "--format", "json"], in: dir)
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.contains("\"method\" : \"permenpanrb-14-2017\""), "\(score.stdout)")
        let report = try CLI.run(["report", "--period", "2024-S1", "--agency", "karangasem", "--format", "json, JSON", "--store", "s.sqlite",
                                  "--allow-empty", "--out", "out"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == dir.appendingPathComponent("out/karangasem_2024-S1.json").path + "\n")
    }

    @Test func anEmptyPeriodExitsFourAndWritesNothingUnlessAllowed() throws {
        let dir = try initialisedStore()
        let out = dir.appendingPathComponent("out")
        let report = try CLI.run(["report", "--period", "2030-S1", "--store", "s.sqlite", "--out", "out"], in: dir)
        #expect(report.status == 4)
        #expect(report.stderr.contains("error: no responses or transactions in 2030-S1 for the selected agencies; nothing written (exit status 4, --allow-empty to accept)"))
        #expect(report.stdout.isEmpty)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)

        let score = try CLI.run(["score", "--period", "2030-S1", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(score.status == 4)
        #expect(score.stderr.contains("error: no responses in 2030-S1 for the selected agencies"))
        #expect(score.stdout.isEmpty)
        let compliance = try CLI.run(["compliance", "--period", "2030-S1", "--store", "s.sqlite"], in: dir)
        #expect(compliance.status == 4)
        #expect(compliance.stderr.contains("error: no transactions received in 2030-S1 for the selected agencies"))

        let allowed = try CLI.run(["report", "--period", "2030-S1", "--agency", "karangasem", "--format", "json", "--store", "s.sqlite",
                                   "--out", "out", "--allow-empty"], in: dir)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("note: no responses or transactions in 2030-S1 for the selected agencies"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("karangasem_2030-S1.json").path))
    }

    @Test func aPeriodWithDataIsNotEmpty() throws {
        let dir = try initialisedStore()
        let csv = "id,service,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR1,ppks,2024-02-01,3,3,3,3,3,3,3,3,3\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("skm.csv"))
        let i = try CLI.run(["import", "responses", "skm.csv", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(i.status == 0, "\(i.stderr)")
        let report = try CLI.run(["report", "--period", "2024-Q1", "--agency", "karangasem", "--format", "json", "--store", "s.sqlite", "--out", "out"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        // responses only, no transactions: the score has data, compliance has none
        let score = try CLI.run(["score", "--period", "2024-Q1", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(score.status == 0, "\(score.stderr)")
        let compliance = try CLI.run(["compliance", "--period", "2024-Q1", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(compliance.status == 4)
    }
}
