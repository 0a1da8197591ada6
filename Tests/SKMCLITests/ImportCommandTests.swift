import Foundation
import Testing

/// `skm import` as an officer runs it: a broken file stops with exit 1 and nothing stored;
/// `import list` and `import undo` take one import back and say what they removed.
@Suite struct ImportCommandTests {
    func initStore(_ dir: URL) throws {
        let r = try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }

    func register(_ ids: ClosedRange<Int>, strayQuoteOn line: Int? = nil) -> String {
        var text = "id;service;received_at;finished_at\n"
        for i in ids {
            let quote = line == i - ids.lowerBound + 2 ? "\"" : ""
            text += "R-\(i);\(quote)rekomendasi-pip;2024-07-0\(i % 9 + 1) 09:00;2024-07-0\(i % 9 + 1) 15:00\n"
        }
        return text
    }

    @Test func aStrayQuoteExitsOneNamingTheLineAndStoresNothing() throws {
        let dir = try CLI.temporaryDirectory()
        try initStore(dir)
        try Data(register(1...40, strayQuoteOn: 3).utf8).write(to: dir.appendingPathComponent("reg.csv"))
        let r = try CLI.run(["import", "transactions", "reg.csv", "--agency", "pekalongan", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("reg.csv:3: a quote opened on line 3 never closes"), "\(r.stderr)")
        let list = try CLI.run(["import", "list", "--store", "s.sqlite"], in: dir)
        #expect(list.stdout.contains("no imports in this store"))
    }

    @Test func undoRemovesExactlyWhatOneImportAdded() throws {
        let dir = try CLI.temporaryDirectory()
        try initStore(dir)
        try Data((register(1...3) + "R-9;rekomendasi-pip;2024-07-05 09:00;2024-07-04 09:00\n").utf8)
            .write(to: dir.appendingPathComponent("a.csv"))
        try Data(register(3...5).utf8).write(to: dir.appendingPathComponent("b.csv"))
        for f in ["a.csv", "b.csv"] {
            let r = try CLI.run(["import", "transactions", f, "--agency", "pekalongan", "--store", "s.sqlite"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let list = try CLI.run(["import", "list", "--store", "s.sqlite"], in: dir)
        let lines = list.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // batch kind imported read new unchanged updated rejected held file
        #expect(lines.contains(["1", "transactions", lines[1][2], "4", "3", "0", "0", "1", "3", "a.csv"]), "\(list.stdout)")
        #expect(lines.contains(["2", "transactions", lines[2][2], "3", "2", "1", "0", "0", "2", "b.csv"]), "\(list.stdout)")

        let undo = try CLI.run(["import", "undo", "1", "--store", "s.sqlite"], in: dir)
        #expect(undo.status == 0)
        #expect(undo.stdout == "undid import 1 (a.csv): removed 3 transactions and 1 rejected rows\n")
        let after = try CLI.run(["import", "list", "--store", "s.sqlite"], in: dir)
        #expect(!after.stdout.contains("a.csv"))
        #expect(after.stdout.contains("b.csv"))
        let again = try CLI.run(["import", "undo", "1", "--store", "s.sqlite"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("no import batch 1 in this store"))
        let help = try CLI.run(["import", "undo", "--help"], in: dir)
        #expect(help.stdout.contains("--replace does not keep a row's earlier content"))
    }
}
