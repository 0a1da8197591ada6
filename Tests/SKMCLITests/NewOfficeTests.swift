import Foundation
import Testing

/// README "Kantor baru", run as written: each line of its `sh` block (the only line that is
/// not `skm` — making the directory and copying the holiday calendar — is done here), with
/// its `csv` block as `survei.csv`. A line the test does not know fails it, so README and
/// test cannot drift apart.
@Suite struct NewOfficeTests {
    static func section() throws -> String {
        let readme = try String(contentsOf: CLI.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Kantor baru"))
        let rest = readme[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    static func block(_ language: String, in text: String) throws -> [String] {
        let open = try #require(text.range(of: "```\(language)\n"))
        let close = try #require(text[open.upperBound...].range(of: "```"))
        return text[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// Splits a command line as a shell would for these lines: spaces, double quotes.
    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, started = false
        for c in line {
            if c == "\"" { quoted.toggle(); started = true } else if c == " " && !quoted {
                if started { out.append(word) }
                word = ""; started = false
            } else { word.append(c); started = true }
        }
        if started { out.append(word) }
        return out
    }

    @Test func theReadmeWalkRunsFromNothingToTheFirstReport() throws {
        let text = try Self.section()
        let dir = try CLI.temporaryDirectory()
        try Self.block("csv", in: text).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("survei.csv"), atomically: true, encoding: .utf8)
        var outputs: [String: String] = [:]
        for line in try Self.block("sh", in: text) {
            if line == "mkdir -p kantor && cp -r seeds/holidays kantor/" {
                try FileManager.default.createDirectory(at: dir.appendingPathComponent("kantor"), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("seeds/holidays"),
                                                 to: dir.appendingPathComponent("kantor/holidays"))
                continue
            }
            let args = Self.words(line)
            try #require(args.first == "skm", "README line not understood by this test: \(line)")
            let r = try CLI.run(Array(args.dropFirst()), in: dir)
            #expect(r.status == 0, "\(line)\n\(r.stderr)")
            outputs[args.dropFirst().prefix(2).joined(separator: " ")] = r.stdout
        }
        #expect(outputs["service add"]?.contains("1 hari kerja → deadline: closing time on the 1st working day") == true)
        #expect(outputs["catalog check"] == "0 errors, 0 warnings\n")
        #expect(outputs["catalog list"]?.contains("\"promise_text\" : \"3 (tiga) hari kerja\"") == true)
        #expect(outputs["import responses"]?.contains("responses: 3 new, 0 already stored, 0 updated, 0 rejected") == true)
        let score = try #require(outputs["score --store"])
        #expect(score.contains("akta-kelahiran  2  84.72"), "\(score)")
        #expect(score.contains("2/291 !"))
        #expect(score.contains("1/? populasi tidak diketahui"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("laporan/disdukcapil-contoh_2025-S1.json"))) as? [String: Any]
        let services = try #require(json?["services"] as? [[String: Any]])
        let kk = try #require(services.first { $0["code"] as? String == "kartu-keluarga" }?["figures"] as? [String: Any])
        #expect(kk["sample_note"] as? String == "populasi tidak diketahui")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("laporan/disdukcapil-contoh_2025-S1.xlsx").path))
    }
}
