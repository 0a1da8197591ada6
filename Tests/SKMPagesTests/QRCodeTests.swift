import Foundation
import SKMPages
import SKMQRCode
import Testing

/// QR codes come back as the exact address when read by a real decoder (zbarimg, Debian's
/// zbar-tools; scripts/install-deps installs it).
@Suite struct QRCodeTests {
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

    @Test(arguments: ["http://skm.kantor.go.id/s/bengkulu-selatan/akta-kelahiran", "https://10.1.2.3:8443/s/lebong/kb"])
    func pngDecodesToTheExactAddress(url: String) throws {
        let code = try QRCode(url)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("qr.png")
        try code.png().write(to: file)
        #expect(try Self.zbarimg(file) == url)
    }

    @Test func svgDrawsEveryDarkModuleOnce() throws {
        let code = try QRCode("http://a.example/s/x/y")
        let svg = code.svg(title: "a & b")
        let full = code.size + 2 * QRCode.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(full) \(full)\""))
        #expect(svg.contains("<title>a &amp; b</title>"))
        // Area of the path's runs equals the number of dark modules.
        let runs = svg.components(separatedBy: "h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(runs.reduce(0, +) == code.modules.filter { $0 }.count)
        #expect(code.size == 25 || code.size == 29)  // version 2 or 3 at level M for this length
    }

    @Test func posterNamesOfficeServiceAndAddress() throws {
        let page = QRPosterPage(officeName: "Dinas <Dukcapil>", serviceName: "Akta Kelahiran", url: "http://x/s/a/b", qrSVG: "<svg></svg>").render()
        #expect(page.contains("<html lang=\"id\">"))
        #expect(page.contains("Dinas &lt;Dukcapil&gt;"))
        #expect(page.contains("Akta Kelahiran"))
        #expect(page.contains(QRPosterPage.invitation))
        #expect(page.contains("@page{size:A4"))
        #expect(page.contains("<p class=\"url\">http://x/s/a/b</p>"))
    }
}
