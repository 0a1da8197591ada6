import Foundation
import Testing

/// `skm publish` turns the public page on and off; `skm report --format html` writes that page
/// as one self-contained file, and the "hasil SKM" infographic beside it.
@Suite struct PublishCommandTests {
    @Test func publishSwitchAndTheStaticPageWithItsInfographic() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = try CLI.run(["demo", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path,
                                "--transactions", "1500", "--responses", "500", "--store", "s.sqlite", "--out", "out"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")

        let on = try CLI.run(["publish", "--agency", "bengkulu-selatan", "--on", "--store", "s.sqlite"], in: dir)
        #expect(on.status == 0 && on.stderr.contains("public results page of bengkulu-selatan turned on: /p/bengkulu-selatan"), "\(on.stderr)")
        let unknown = try CLI.run(["publish", "--agency", "nowhere", "--on", "--store", "s.sqlite"], in: dir)
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown agency 'nowhere'"), "\(unknown.stderr)")
        #expect(try CLI.run(["publish", "--agency", "bengkulu-selatan", "--store", "s.sqlite"], in: dir).status == 64)

        // The JSON without --publish (it lists saran), the page for publication regardless.
        let r = try CLI.run(["report", "--period", "2025-S1", "--agency", "bengkulu-selatan", "--format", "json,html",
                             "--as-of", "2025-12-31", "--out", "pub", "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir.appendingPathComponent("pub")
        let html = try String(contentsOf: out.appendingPathComponent("bengkulu-selatan_2025-S1.html"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("bengkulu-selatan_2025-S1.json"))) as! [String: Any]
        let overall = json["overall"] as! [String: Any]
        let ikm = String(format: "%.2f", overall["ikm_converted_rounded"] as! Double).replacingOccurrences(of: ".", with: ",")
        #expect(html.contains("<p class=\"ikm\" id=\"ikm-value\">\(ikm)</p>"))
        #expect(html.contains("<p id=\"respondents\">\(overall["respondents"] as! Int) responden"))
        // Self-contained: no address, link, script or form of any kind.
        for banned in ["http://", "https://", "href=", "src=", "<script", "<form", "<link", "url("] {
            #expect(!html.contains(banned), "\(banned)")
        }
        #expect(html.contains("<style>") && html.contains("<svg class=\"chart\" id=\"chart-unsur\""))
        let saran = try #require((json["suggestions"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(!html.contains(HTMLText.escape(saran)), "no saran on the published page")

        let svg = try String(contentsOf: out.appendingPathComponent("bengkulu-selatan_2025-S1.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains(">\(ikm)</text>") && svg.contains("HASIL SURVEI KEPUASAN MASYARAKAT"))
        #expect(svg.contains(">Profil responden</text>") && svg.contains(">U9 Sarana dan Prasarana</text>"))
        // The longest unsur name on two lines of its card, whole (TextWidth.swift).
        #expect(svg.contains(">U8 Penanganan Pengaduan,</text>") && svg.contains(">Saran dan Masukan</text>"))
        // The agency's name whole, its kabupaten included, on three smaller lines rather than cut.
        #expect(svg.contains(">Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten</text>") && svg.contains(">Bengkulu Selatan</text>"))
        let png = out.appendingPathComponent("bengkulu-selatan_2025-S1.png")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") {
            let head = try Data(contentsOf: png).prefix(8)
            #expect(head == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        }
        #expect(r.stdout.split(separator: "\n").map { $0.split(separator: "/").last.map(String.init) ?? "" }.prefix(3)
                    == ["bengkulu-selatan_2025-S1.json", "bengkulu-selatan_2025-S1.html", "bengkulu-selatan_2025-S1.svg"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }
}

/// The escaping the pages use, for looking a text up in one (the CLI tests do not link SKMPages).
enum HTMLText {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
