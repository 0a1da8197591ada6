import Foundation
import Testing

/// `skm kiosk qr`: per service a QR code (SVG, PNG) and an A4 poster; the PNG reads back
/// (zbarimg) as the service's form address.
@Suite struct KioskQRTests {
    @Test func writesPostersWhoseCodesReadBackAsTheFormAddress() throws {
        let dir = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", "--seeds", CLI.repoRoot.appendingPathComponent("seeds").path, "--store", "s.sqlite"], in: dir).status == 0)
        let r = try CLI.run(["kiosk", "qr", "--agency", "karangasem", "--base-url", "http://skm.kantor.go.id/", "--out", "posters",
                             "--store", "s.sqlite"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let urls = r.stdout.split(separator: "\n").map(String.init)
        #expect(!urls.isEmpty)
        #expect(r.stderr.contains("the kiosk of karangasem is closed"))
        let out = dir.appendingPathComponent("posters")
        for url in urls {
            #expect(url.hasPrefix("http://skm.kantor.go.id/s/karangasem/"))
            let service = String(url.split(separator: "/").last!)
            let png = out.appendingPathComponent("\(service).png")
            #expect(try Self.zbarimg(png) == url)
            let poster = try String(contentsOf: out.appendingPathComponent("\(service).html"), encoding: .utf8)
            #expect(poster.contains("<svg") && poster.contains(url) && poster.contains("Survei Kepuasan Masyarakat"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(service).svg").path))
        }
        let one = try CLI.run(["kiosk", "qr", "--agency", "karangasem", "--service", "nope", "--base-url", "http://x", "--out", "p2",
                               "--store", "s.sqlite"], in: dir)
        #expect(one.status == 1)
        #expect(one.stderr.contains("unknown service 'nope' for karangasem; known:"))
        #expect(try CLI.run(["kiosk", "qr", "--agency", "karangasem", "--base-url", "ftp://x", "--out", "p3"], in: dir).status == 64)
    }

    static func zbarimg(_ file: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        p.arguments = ["--raw", "-q", file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
