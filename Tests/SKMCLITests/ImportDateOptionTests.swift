import Foundation
import Testing

/// `skm import responses --date/--period`: a survey file without a date column imports as it
/// is, every row dated by the option; a file with dates keeps its own.
@Suite struct ImportDateOptionTests {
    static let undated = "responden,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n1,rekomendasi-pip,4,4,4,4,4,4,4,4,4\n2,rekomendasi-pip,3,3,3,3,3,3,3,3,3\n"

    func setUp() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        try Self.undated.write(to: dir.appendingPathComponent("survei.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func periodDatesEveryRowOnItsFirstDay() throws {
        let dir = try setUp()
        let without = try CLI.run(["import", "responses", "survei.csv", "--store", "s.sqlite", "--agency", "pekalongan"], in: dir)
        #expect(without.status == 1)
        #expect(without.stderr.contains("or give every row's date with --date YYYY-MM-DD or --period"), "\(without.stderr)")
        let r = try CLI.run(["import", "responses", "survei.csv", "--store", "s.sqlite", "--agency", "pekalongan", "--period", "2024-S2"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: every row is dated 2024-07-01 (the file has no date column)"))
        let july = try CLI.run(["score", "--store", "s.sqlite", "--agency", "pekalongan", "--period", "2024-07"], in: dir)
        #expect(july.stdout.contains("pekalongan  rekomendasi-pip      2  87.50"), "\(july.stdout)")
        let both = try CLI.run(["import", "responses", "survei.csv", "--store", "s.sqlite", "--agency", "pekalongan",
                                "--period", "2024-S2", "--date", "2024-08-01"], in: dir)
        #expect(both.status == 64)
        #expect(both.stderr.contains("give --date or --period, not both"))
    }
}
