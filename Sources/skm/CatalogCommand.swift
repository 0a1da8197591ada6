import ArgumentParser
import Foundation
import SKMCatalog
import SKMDomain
import SKMReports

/// `skm catalog`: the standards catalog in `seeds/` — import a decree, list, show, check.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "The standards catalog: every service of each decree and its promised completion time.",
        discussion: """
        The catalog lives in seeds/catalog/<agency>.json (one file per decree), with the national \
        holidays and cuti bersama in seeds/holidays/<year>.csv and an agency's own closures in \
        seeds/closures/<agency>.csv.
        """,
        subcommands: [Import.self, List.self, Show.self, Check.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a decree (.docx, .pdf or text; No / Komponen / Uraian tables) and write a catalog file for review.",
            discussion: "What the importer could not place is listed on standard error; review the file before copying it into seeds/catalog/."
        )

        @Argument(help: "The decree: a Word file (.docx), a PDF with a text layer (.pdf, read by pdftotext) or text, e.g. seeds/decrees/pekalongan.txt.")
        var decree: String

        @Option(name: .long, help: "Agency code for the file (default: from the decree's region, e.g. bengkulu-selatan).")
        var code: String?

        @Option(name: .long, help: "Where to write the catalog file (default: standard output).")
        var out: String?

        func run() throws {
            let text: String
            do { text = try DecreeDocument.text(of: URL(fileURLWithPath: decree)) } catch {
                throw CLIError("cannot read the decree \(error)")
            }
            let draft = DecreeImporter.importDecree(text, code: code)
            let data = draft.agency.encoded()
            if let out {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(data)
            }
            var err = StandardError()
            let n = draft.agency.services.count
            let promised = draft.agency.services.filter { ($0.promise?.variants.isEmpty == false) }.count
            print("\(decree): \(n) layanan, \(promised) dengan jangka waktu terukur", to: &err)
            for note in draft.agency.notes ?? [] { print("  catatan: \(note)", to: &err) }
            for u in draft.unplaced { print("  tidak ditempatkan: \(u)", to: &err) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agencies and their services with the promised completion time.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
        @OptionGroup var options: SeedsOption
        @Option(help: "text (default) or json: every agency and service with its promise as parsed.") var format: Format = .text

        func run() throws {
            let catalog = try options.load()
            if format == .json {
                FileHandle.standardOutput.write(try CatalogListJSON.encoded(catalog))
                return
            }
            for a in catalog.agencies {
                print("\(a.code)  \(a.region)  \(a.timeZone.rawValue)  Keputusan \(a.decree.number.isEmpty ? "(tanpa nomor)" : a.decree.number), \(a.decree.date)  \(a.services.count) layanan")
                if !a.services.isEmpty {
                    print(TextTable.render(a.services.map { ["", $0.code, CatalogCheck.summary($0.promise)] }, header: false))
                }
            }
            let years = catalog.loadedYears.sorted().map(String.init).joined(separator: ", ")
            print("\(catalog.agencies.count) penyelenggara, \(catalog.serviceCount) layanan; kalender libur: \(years)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one agency, or one of its services with every component.")
        @OptionGroup var options: SeedsOption
        @Argument(help: "Agency code, e.g. pekalongan.") var agency: String
        @Argument(help: "Service code, e.g. rekomendasi-pip (default: the agency summary).") var service: String?

        func run() throws {
            let catalog = try options.load()
            guard let a = catalog.agency(agency) else {
                throw CLIError("no agency \"\(agency)\"; known: \(catalog.agencies.map(\.code).joined(separator: ", "))")
            }
            guard let code = service else {
                print("\(a.name)\n\(a.region) (\(a.timeZone.rawValue), \(a.timeZone.ianaIdentifier))")
                print("Keputusan: \(a.decree.number) tanggal \(a.decree.date)\n  \(a.decree.title)")
                print("Jam kantor:")
                let hours = OfficeHoursFile(a.officeHours)
                print(TextTable.render(OfficeHoursFile.dayNames.enumerated().map { i, day in
                    ["", day, hours.days[i].isEmpty ? "tutup" : hours.days[i].joined(separator: ", ")]
                }, header: false))
                for n in catalog.notes[a.code] ?? [] { print("Catatan: \(n)") }
                print("Layanan:")
                for s in a.services { print("  \(s.code): \(s.name) — \(CatalogCheck.summary(s.promise))") }
                return
            }
            guard let s = a.service(code) else {
                throw CLIError("no service \"\(code)\" in \(a.code); known: \(a.services.map(\.code).joined(separator: ", "))")
            }
            print("\(s.name) [\(a.code)/\(s.code)], berlaku sejak \(s.validFrom)")
            print("Janji waktu: \(CatalogCheck.summary(s.promise))")
            for c in s.components {
                print("\n\(c.heading) (\(c.key)):")
                for line in c.text.split(separator: "\n") { print("  \(line)") }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the catalog and calendars; exits non-zero when there are errors.",
            discussion: "Reports unknown time zones, services without a promise, duplicate codes, bad dates, holiday rows without a source, missing calendar years, and promises that differ from their text."
        )
        @OptionGroup var options: SeedsOption

        func run() throws {
            let problems = CatalogCheck.run(seeds: options.url)
            for p in problems { print(p) }
            let errors = problems.filter { $0.severity == .error }.count
            // Same language as the "error:"/"warning:" lines above it.
            let warnings = problems.count - errors
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 { throw ExitCode.failure }
        }
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
