import ArgumentParser
import Foundation
import SKMCatalog
import SKMDomain

/// `skm agency add`: a new office's catalog file from flags, or from a short dialogue on a
/// terminal, instead of hand-written JSON. The file is checked as `skm catalog check` would
/// check it and refused with the same reasons.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Add a new office (agency) to the catalog.",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write seeds/catalog/<code>.json for a new office; then add its services with `skm service add`.",
            discussion: """
                Without flags on a terminal, asks for each value, offering the time zone from the province.

                Example:
                  skm agency add --code dinas-contoh --name "Dinas Contoh Kabupaten Contoh" \\
                    --region "Kabupaten Contoh, Provinsi Bali" --decree-number "800/12/2025" --decree-date 2025-01-06
                """)

        @OptionGroup var seeds: SeedsOption
        @Option(help: "Agency code, lower-case with hyphens, e.g. dinas-contoh.") var code: String?
        @Option(help: "The office's full name.") var name: String?
        @Option(help: "Region, e.g. \"Kabupaten Karangasem, Provinsi Bali\".") var region: String?
        @Option(help: "WIB, WITA or WIT (default: from the province named in --region).") var timeZone: String?
        @Option(help: "The Standar Pelayanan decree's number as written.") var decreeNumber: String?
        @Option(help: "The decree's date, YYYY-MM-DD.") var decreeDate: String?
        @Option(help: "The decree's title (default: \"Standar Pelayanan <name>\").") var decreeTitle: String?
        @Option(name: .customLong("hours"), parsing: .singleValue,
                help: "Office hours for days other than the civil-service default, e.g. senin-kamis=07.30-12.00,13.00-16.00 (repeatable).")
        var hours: [String] = []

        mutating func run() throws {
            if code == nil && name == nil && isatty(0) == 1 { try askOnTerminal() }
            guard let code, let name, let region, let decreeNumber, let decreeDate else {
                throw CLIError("give --code, --name, --region, --decree-number and --decree-date (or run on a terminal without flags to be asked)")
            }
            let zone = timeZone ?? ProvinceTimeZone.find(in: region)?.zone.rawValue
            guard let zone else {
                throw CLIError("give --time-zone WIB, WITA or WIT: no province in --region \"\(region)\" to take it from")
            }
            let url = seeds.url.appendingPathComponent(CatalogEditor.fileName(code))
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw CLIError("\(url.path) already exists: add services with `skm service add --agency \(code)`")
            }
            let officeHours = try Self.officeHours(hours)
            let file = try refusedAsCheck {
                try CatalogEditor.newAgency(code: code, name: name, region: region, timeZone: zone,
                                            decreeNumber: decreeNumber, decreeDate: decreeDate,
                                            decreeTitle: decreeTitle ?? "Standar Pelayanan \(name)", officeHours: officeHours)
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.encoded().write(to: url, options: .atomic)
            print("\(CatalogEditor.fileName(code)): \(name), \(region), \(zone)")
            print("office hours: \(hours.isEmpty ? "civil-service default (Mon–Thu 07.30–16.00, Fri 07.30–16.30, break 12.00–13.00)" : hours.joined(separator: "; "))")
            print("next: skm service add --seeds \(seeds.seeds) --agency \(code) --code <service> --name <name> --promise \"<jangka waktu>\"")
        }

        /// "senin-kamis=07.30-12.00,13.00-16.00" entries over the civil-service default.
        static func officeHours(_ entries: [String]) throws -> OfficeHoursFile? {
            guard !entries.isEmpty else { return nil }
            var days = OfficeHoursFile(.civilService).days
            let names = OfficeHoursFile.dayNames
            for entry in entries {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                let range = parts.first?.lowercased().split(separator: "-").map(String.init) ?? []
                guard parts.count == 2, let from = range.first.flatMap(names.firstIndex(of:)),
                      let to = range.last.flatMap(names.firstIndex(of:)), from <= to, range.count <= 2 else {
                    throw CLIError("--hours \"\(entry)\": use DAY[-DAY]=HH.MM-HH.MM[,HH.MM-HH.MM], days \(names.joined(separator: ", "))")
                }
                let intervals = parts[1].lowercased() == "tutup" ? [] : parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for d in from...to { days[d] = intervals }
            }
            return OfficeHoursFile(days: days)
        }

        /// The dialogue: each value asked once, the time zone offered from the province.
        mutating func askOnTerminal() throws {
            func ask(_ prompt: String, default value: String? = nil) -> String {
                print(prompt + (value.map { " [\($0)]" } ?? "") + ": ", terminator: "")
                let line = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
                return line.isEmpty ? (value ?? "") : line
            }
            name = ask("Nama instansi (office name)")
            code = ask("Kode (code, e.g. dinas-contoh)")
            region = ask("Wilayah (region, e.g. Kabupaten Contoh, Provinsi Bali)")
            let offered = ProvinceTimeZone.find(in: region ?? "")
            timeZone = ask("Zona waktu WIB/WITA/WIT" + (offered.map { " (\($0.name))" } ?? ""), default: offered?.zone.rawValue)
            decreeNumber = ask("Nomor keputusan (decree number)")
            decreeDate = ask("Tanggal keputusan (decree date, YYYY-MM-DD)")
        }
    }
}

/// Runs an edit; a refusal is said the way `skm catalog check` says it, every problem listed.
func refusedAsCheck<T>(_ edit: () throws -> T) throws -> T {
    do { return try edit() } catch let refused as CatalogEditor.Refused {
        throw CLIError("refused, as `skm catalog check` would refuse it:\n\(refused)")
    }
}
