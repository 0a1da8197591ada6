import Foundation
import Testing

/// What an evaluation officer meets at the terminal when something is off: exit codes,
/// messages that say what to do, and legends that say how to read a table.
@Suite struct CLIUsageTests {
    /// A store with the shipped catalog and holidays and no data.
    func initialisedStore() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    @Test func aMistypedStoreIsNotCreated() throws {
        let dir = try CLI.temporaryDirectory()
        for command in [["score", "--period", "2024-S1"], ["compliance", "--period", "2024-S1"], ["report", "--period", "2024-S1"]] {
            let r = try CLI.run(command + ["--store", "typo.sqlite"], in: dir)
            #expect(r.status == 1)
            #expect(r.stderr.contains("no store at typo.sqlite: run `skm init --store typo.sqlite` first"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo.sqlite").path))
    }

    @Test func aMalformedAsOfIsAUsageError() throws {
        let dir = try CLI.temporaryDirectory()
        for command in ["compliance", "report"] {
            let r = try CLI.run([command, "--period", "2024-Q1", "--as-of", "2024-13-01"], in: dir)
            #expect(r.status == 64)
            #expect(r.stderr.contains("The value '2024-13-01' is invalid for '--as-of <date>': use a calendar date YYYY-MM-DD, e.g. 2024-12-31"))
        }
    }

    @Test func complianceTableSaysWhenItWasJudgedAndHowToReadIt() throws {
        let dir = try initialisedStore()
        let r = try CLI.run(["compliance", "--period", "2024-Q3", "--agency", "pekalongan", "--as-of", "2024-12-31", "--store", "s.sqlite",
                             "--allow-empty"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("judged as of 2024-12-31 (end of that day, each agency's local time); open = in progress, not yet due; overdue = in progress past the deadline"))
        #expect(r.stderr.contains("no transactions received in 2024-Q3 for the selected agencies"))
        let json = try CLI.run(["compliance", "--period", "2024-Q3", "--as-of", "2024-12-31", "--format", "json", "--store", "s.sqlite", "--allow-empty"], in: dir)
        #expect(json.stdout.contains("\"as_of\" : \"2024-12-31\""), "\(json.stdout)")
        let help = try CLI.run(["compliance", "--help"], in: dir)
        #expect(help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("worst cases per service, most late first"))
    }

    @Test func aBadLayoutIsAUsageErrorOfImportResponses() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["import", "responses", "x.csv", "--layout", "bogus"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--layout must be one of regulation, sample-form, kepmenpan-2004"))
        #expect(r.stderr.contains("skm import responses"))
        let help = try CLI.run(["import", "responses", "--help"], in: dir)
        #expect(help.stdout.contains("kepmenpan-2004"))
    }

    @Test func scoringKepmenpanWithoutItsSurveysSaysWhy() throws {
        let dir = try initialisedStore()
        let r = try CLI.run(["score", "--period", "2024-S1", "--agency", "karangasem", "--method", "kepmenpan-25-2004", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 4, "\(r.stderr)")  // nothing to score: said, and a distinct exit status
        #expect(r.stderr.contains("no responses collected with kepmenpan-25-2004 in this period"))
        #expect(r.stderr.contains("--layout kepmenpan-2004"))
    }

    @Test func queryRefusesAnUnknownAgencyOrParameterInsteadOfPrintingNoRows() throws {
        let dir = try initialisedStore()
        let queries = CLI.repoRoot.appendingPathComponent("queries").path
        let base = ["query", "slow_or_open_transactions", "--period", "2024-Q3", "--store", "s.sqlite", "--queries", queries]
        let agency = try CLI.run(base + ["--agency", "nope"], in: dir)
        #expect(agency.status == 1)
        #expect(agency.stderr.contains("unknown agency 'nope'; known: bengkulu-selatan, karangasem"))
        let param = try CLI.run(base + ["--param", "dayz=30"], in: dir)
        #expect(param.status == 1)
        #expect(param.stderr.contains("query slow_or_open_transactions has no parameter :dayz; its parameters: :period_start, :period_end, :agency, :days, :as_of"))
        let ok = try CLI.run(base + ["--agency", "pekalongan", "--param", "days=30"], in: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("(0 rows)"))
    }

    @Test func importSaysWhenServiceIsNotUsedAndNeedsAStore() throws {
        let dir = try initialisedStore()
        let csv = "id;Jenis Layanan;tanggal_terima\nA-1;Penerbitan KTP-el;04/03/2024 09:00\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("register.csv"))
        let r = try CLI.run(["import", "transactions", "register.csv", "--agency", "karangasem", "--service", "ppks", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 3, "\(r.stderr)")  // its one row rejected for the service column it has
        #expect(r.stderr.contains("note: --service was not used: the file has a service column 'Jenis Layanan' (add --map \"Jenis Layanan=ignore\" to use --service)"))
        let mapped = try CLI.run(["import", "transactions", "register.csv", "--agency", "karangasem", "--service", "ppks",
                                  "--map", "Jenis Layanan=ignore", "--store", "s.sqlite"], in: dir)
        #expect(mapped.stdout.contains("1 new"), "\(mapped.stdout)")
        #expect(!mapped.stderr.contains("--service was not used"))
        let missing = try CLI.run(["import", "transactions", "register.csv", "--agency", "karangasem", "--store", "typo.sqlite"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no store at typo.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo.sqlite").path))
    }

    @Test func catalogCheckSummaryIsInTheLanguageOfItsLines() throws {
        let r = try CLI.run(["catalog", "check", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path], in: try CLI.temporaryDirectory())
        #expect(r.status == 0)
        #expect(r.stdout.contains("warning: catalog/karangasem.json: decree.number"))
        #expect(r.stdout.hasSuffix("0 errors, 4 warnings\n"))
    }

    @Test func scorePrintsTheWarningsTheWorkbookShows() throws {
        let dir = try initialisedStore()
        let csv = "id,service,date,u1,u2,u3,u4,u5,u6,u7,u8\nW1,ppks,2024-02-01,3,3,3,3,3,3,3,3\nW2,ppks,2024-02-02,4,4,4,4,4,4,4,4\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("skm.csv"))
        let i = try CLI.run(["import", "responses", "skm.csv", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(i.status == 0, "\(i.stderr)")
        let r = try CLI.run(["score", "--period", "2024-S1", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: karangasem/ppks: Unsur U9 Sarana dan Prasarana tidak memiliki jawaban; IKM dihitung dari 8 unsur yang ada."))
        #expect(r.stderr.contains("warning: karangasem: Unsur U9"))
        #expect(r.stdout.contains("karangasem  ppks     2  87.50"), "\(r.stdout)")
    }
}
