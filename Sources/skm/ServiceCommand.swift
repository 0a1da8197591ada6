import ArgumentParser
import Foundation
import SKMCatalog
import SKMDomain

/// `skm service add`: one service of an office's catalog file, its *jangka waktu* read on the
/// spot and shown back as the deadline the reports will judge against, so a misread promise
/// is seen when it is typed, not in the first report.
struct ServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Add a service (jenis pelayanan) with its promised completion time to an agency's catalog file.",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a service to seeds/catalog/<agency>.json, its promise parsed and shown back.",
            discussion: """
                Example:
                  skm service add --agency dinas-contoh --code akta-kelahiran --name "Akta Kelahiran" --promise "3 (tiga) hari kerja"
                """)

        @OptionGroup var seeds: SeedsOption
        @Option(help: "Agency code (its catalog file must exist; see `skm agency add`).") var agency: String
        @Option(help: "Service code, e.g. akta-kelahiran.") var code: String
        @Option(help: "Service name as the decree writes it.") var name: String
        @Option(help: "The decree's jangka waktu as written, e.g. \"3 (tiga) hari kerja\".") var promise: String

        func run() throws {
            let url = seeds.url.appendingPathComponent(CatalogEditor.fileName(agency))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CLIError("no catalog file \(url.path): create it with `skm agency add --code \(agency) …`")
            }
            let file: AgencyFile
            do { file = try JSONDecoder().decode(AgencyFile.self, from: data) } catch {
                throw CLIError("\(url.path) does not read: run `skm catalog check --seeds \(seeds.seeds)`")
            }
            let (updated, parsed, warnings) = try refusedAsCheck {
                try CatalogEditor.addService(to: file, code: code, name: name, promiseText: promise)
            }
            try updated.encoded().write(to: url, options: .atomic)
            print("\(agency)/\(code): \(name)")
            for line in PromiseExplanation.lines(parsed) { print("  \(line)") }
            for w in warnings { note(w.description) }
        }
    }
}

/// A parsed promise read back in words: "3 hari kerja → deadline: closing time on the 3rd
/// working day", one line per variant; the rules are those of Sources/SKMDomain/Turnaround.swift.
enum PromiseExplanation {
    static func lines(_ p: Promise) -> [String] {
        guard p.isMeasurable else { return ["no measurable promise (\(p.noPromiseReason?.code ?? "")): reported, not judged"] }
        return p.variants.map { v in
            let name = v.name.map { "\($0)\($0 == p.defaultVariant ? " (default)" : ""): " } ?? ""
            return name + "\(v.duration) → deadline: " + deadline(v.duration)
        }
    }

    static func deadline(_ d: PromisedDuration) -> String {
        let n = d.amount
        let bound = d.lowerBound.map { " (the decree says \($0) to \(n); judged against \(n))" } ?? ""
        switch d.unit {
        case .workingDays: return "closing time on the \(ordinal(n)) working day" + bound
        case .calendarDays: return "end of the \(ordinal(n)) calendar day, the day of receipt being the 1st" + bound
        case .hours: return "\(n) hour\(n == 1 ? "" : "s") after receipt" + bound
        case .minutes: return "\(n) minute\(n == 1 ? "" : "s") after receipt" + bound
        case .months: return "end of the same day \(n) month\(n == 1 ? "" : "s") after receipt" + bound
        }
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
