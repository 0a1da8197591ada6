import Foundation
import Testing

/// `--period previous-month` and friends, end to end: the commands resolve it in the agency's
/// zone (Karangasem: WITA) and name the concrete period in their output and file names.
@Suite struct RelativePeriodTests {
    /// Last month in WITA, computed with Foundation's calendar (not skm's) so the two can disagree.
    static func previousMonthInWITA() -> (id: String, day: String) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Makassar")!
        let lastMonth = cal.date(byAdding: .month, value: -1, to: Date())!
        let c = cal.dateComponents([.year, .month], from: lastMonth)
        let id = String(format: "%04d-%02d", c.year!, c.month!)
        return (id, id + "-15")
    }

    @Test func scoreAndReportNameTheConcretePeriod() throws {
        let dir = try CLI.temporaryDirectory()
        let initRun = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let (month, day) = Self.previousMonthInWITA()
        let csv = "id,service,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR1,ppks,\(day),3,3,3,3,3,3,3,3,3\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("skm.csv"))
        let i = try CLI.run(["import", "responses", "skm.csv", "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(i.status == 0, "\(i.stderr)")

        let score = try CLI.run(["score", "--period", "previous-month", "--agency", "karangasem", "--format", "json", "--store", "s.sqlite"], in: dir)
        #expect(score.status == 0, "\(score.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any]
        #expect(doc?["period"] as? String == month)
        #expect(doc?["requested_period"] as? String == "previous-month")
        #expect(score.stderr.contains("note: previous-month is \(month) ("))

        let report = try CLI.run(["report", "--period", "previous-month", "--agency", "karangasem", "--format", "json",
                                  "--store", "s.sqlite", "--out", "out"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("karangasem_\(month).json"))
        let written = try Data(contentsOf: dir.appendingPathComponent("out/karangasem_\(month).json"))
        let period = (try JSONSerialization.jsonObject(with: written) as? [String: Any])?["period"] as? [String: Any]
        #expect(period?["id"] as? String == month)
        #expect(period?["kind"] as? String == "month")

        // A fixed month works the same way and says nothing about resolving.
        let fixed = try CLI.run(["score", "--period", month, "--agency", "karangasem", "--store", "s.sqlite"], in: dir)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("period \(month); method"))
        #expect(!fixed.stderr.contains("note: "))
    }
}
