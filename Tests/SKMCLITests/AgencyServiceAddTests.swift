import Foundation
import Testing

/// `skm agency add` and `skm service add`: a new office's catalog file written from flags,
/// refused with `skm catalog check`'s own reasons, and `catalog list --format json`.
@Suite struct AgencyServiceAddTests {
    func seeds() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("s"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("seeds/holidays"), to: dir.appendingPathComponent("s/holidays"))
        return dir
    }

    @Test func addsAnAgencyWithItsZoneFromTheProvinceAndAServiceReadBack() throws {
        let dir = try seeds()
        let a = try CLI.run(["agency", "add", "--seeds", "s", "--code", "dinas-contoh", "--name", "Dinas Contoh",
                             "--region", "Kabupaten Contoh, Provinsi Nusa Tenggara Timur", "--decree-number", "800/1/2025",
                             "--decree-date", "2025-01-06", "--hours", "jumat=07.30-11.00"], in: dir)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("catalog/dinas-contoh.json: Dinas Contoh, Kabupaten Contoh, Provinsi Nusa Tenggara Timur, WITA\n"))
        let s = try CLI.run(["service", "add", "--seeds", "s", "--agency", "dinas-contoh", "--code", "akta",
                             "--name", "Akta Kelahiran", "--promise", "3 (tiga) hari kerja"], in: dir)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout == "dinas-contoh/akta: Akta Kelahiran\n  3 hari kerja → deadline: closing time on the 3rd working day\n")
        let check = try CLI.run(["catalog", "check", "--seeds", "s"], in: dir)
        #expect(check.stdout == "0 errors, 0 warnings\n", "\(check.stdout)")
        let list = try CLI.run(["catalog", "list", "--seeds", "s", "--format", "json"], in: dir)
        let json = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let agency = (json?["agencies"] as? [[String: Any]])?.first
        #expect(agency?["time_zone"] as? String == "WITA")
        let service = (agency?["services"] as? [[String: Any]])?.first
        #expect(service?["promise_text"] as? String == "3 (tiga) hari kerja")
        let variant = ((service?["promise"] as? [String: Any])?["variants"] as? [[String: Any]])?.first
        #expect(variant?["amount"] as? Int == 3 && variant?["unit"] as? String == "hari kerja")
        let file = try String(contentsOf: dir.appendingPathComponent("s/catalog/dinas-contoh.json"), encoding: .utf8)
        #expect(file.contains("\"jumat\": [\n      \"07.30-11.00\"\n    ]"))
    }

    @Test func refusesWhatCheckRefusesWithEveryReason() throws {
        let dir = try seeds()
        let a = try CLI.run(["agency", "add", "--seeds", "s", "--code", "Dinas X", "--name", "D", "--region", "Kota Y",
                             "--time-zone", "WIX", "--decree-number", "1", "--decree-date", "2025-13-01"], in: dir)
        #expect(a.status == 1)
        #expect(a.stderr.contains("error: catalog/Dinas X.json: code: agency code \"Dinas X\" must be lower-case with no spaces"))
        #expect(a.stderr.contains("error: catalog/Dinas X.json: time_zone: unknown time zone \"WIX\" (expected WIB, WITA or WIT)"))
        #expect(a.stderr.contains("error: catalog/Dinas X.json: decree.date: \"2025-13-01\" is not a YYYY-MM-DD date"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s/catalog").path))
        let noZone = try CLI.run(["agency", "add", "--seeds", "s", "--code", "x", "--name", "D", "--region", "Kota Y",
                                  "--decree-number", "1", "--decree-date", "2025-01-01"], in: dir)
        #expect(noZone.stderr.contains("give --time-zone WIB, WITA or WIT: no province in --region \"Kota Y\""))
        _ = try CLI.run(["agency", "add", "--seeds", "s", "--code", "x", "--name", "D", "--region", "Kota Y, Papua Barat Daya",
                         "--decree-number", "1", "--decree-date", "2025-01-01"], in: dir)
        let first = try CLI.run(["service", "add", "--seeds", "s", "--agency", "x", "--code", "a", "--name", "A", "--promise", "1 hari"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let dup = try CLI.run(["service", "add", "--seeds", "s", "--agency", "x", "--code", "a", "--name", "A", "--promise", "1 hari"], in: dir)
        #expect(dup.status == 1)
        #expect(dup.stderr.contains("error: catalog/x.json: services[1].code: duplicate service code \"a\" (also services[0])"))
        let file = try String(contentsOf: dir.appendingPathComponent("s/catalog/x.json"), encoding: .utf8)
        #expect(file.contains("\"time_zone\": \"WIT\""))
    }

    /// On a terminal without flags, `agency add` asks; the zone offered is the province's and
    /// an empty answer takes it. The terminal is util-linux `script`'s pseudo-terminal.
    @Test func onATerminalWithoutFlagsItAsksAndOffersTheZone() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: /usr/bin/script (util-linux) is absent, no pseudo-terminal to run the dialogue on")
            return
        }
        let dir = try seeds()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "'\(CLI.binary.path)' agency add --seeds s", "/dev/null"]
        p.currentDirectoryURL = dir
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(Data("Dinas Contoh\ndinas-contoh\nKota Contoh, Provinsi Maluku Utara\n\n1/2025\n2025-01-06\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("Zona waktu WIB/WITA/WIT (Maluku Utara) [WIT]: "))
        let file = try String(contentsOf: dir.appendingPathComponent("s/catalog/dinas-contoh.json"), encoding: .utf8)
        #expect(file.contains("\"time_zone\": \"WIT\""))
        #expect(file.contains("\"number\": \"1/2025\""))
    }

    /// `population set --file`: a small CSV, every line checked before any is stored.
    @Test func populationsFromASmallCSV() throws {
        let dir = try CLI.temporaryDirectory()
        let seeds = CLI.repoRoot.appendingPathComponent("seeds").path
        #expect(try CLI.run(["init", "--seeds", seeds, "--store", "s.sqlite"], in: dir).status == 0)
        try "layanan,periode,jumlah\nrekomendasi-pip,2024-S1,150\nrekomendasi-pip;2024-S2;90\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["population", "set", "--store", "s.sqlite", "--agency", "pekalongan", "--file", "p.csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "pekalongan/rekomendasi-pip 2024-S1: population 150; minimum sample 108\npekalongan/rekomendasi-pip 2024-S2: population 90; minimum sample 73\n")
        try "rekomendasi-pip,2024-S1,10\nkb,2024-S1,5\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["population", "set", "--store", "s.sqlite", "--agency", "pekalongan", "--file", "bad.csv"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:2: no service 'kb' in pekalongan"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
    }
}
