import ArgumentParser
import Foundation
import SKMDomain
import SKMStorage

/// `skm population set`: the survey population of a service for a period, for an office that
/// keeps no transaction register — without it the sample check can only say "populasi tidak
/// diketahui". A stated figure wins over the register's count for that exact period.
struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "State a service's survey population for a period (an office without a transaction register).",
        subcommands: [SetCount.self])

    struct SetCount: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set (or with --count 0 remove) the population of one service for one period.",
            discussion: """
                Example:
                  skm population set --agency dinas-contoh --service akta --period 2025-S1 --count 1200
                  skm population set --agency dinas-contoh --file populasi.csv    # service,period,count lines
                A population can also be written in the catalog file, per service: "population": {"2025-S1": 1200}.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Agency code.") var agency: String
        @Option(help: "Service code.") var service: String?
        @Option(help: ArgumentHelp("The period the figure is for: 2025-S1, 2025-Q3, 2025-03, 2025 or a range.", valueName: "period"),
                transform: Period.argument)
        var period: Period?
        @Option(help: "Service users in the period (0 removes the figure).") var count: Int?
        @Option(help: ArgumentHelp("A CSV of service,period,count lines (a header line is allowed) instead of --service/--period/--count.",
                                   valueName: "file"))
        var file: String?

        func validate() throws {
            if file == nil, service == nil || period == nil || count == nil {
                throw ValidationError("give --service, --period and --count, or --file with service,period,count lines")
            }
            if file != nil, service != nil || period != nil || count != nil {
                throw ValidationError("give --file or --service/--period/--count, not both")
            }
        }

        func run() throws {
            let store = try storeOptions.openExisting()
            let agencies = try store.agencies()
            guard let a = agencies.first(where: { $0.code == agency }) else {
                throw CLIError("unknown agency '\(agency)'; known: \(agencies.map(\.code).joined(separator: ", "))")
            }
            let entries = try file.map { try Self.read($0, agency: a) } ?? [(service!, period!, count!, "--service")]
            for (service, period, count, place) in entries {
                guard count >= 0 else { throw CLIError("\(place): the count must be 0 or more, got \(count)") }
                guard a.service(service) != nil else {
                    throw CLIError("\(place): no service '\(service)' in \(agency); known: \(a.services.map(\.code).joined(separator: ", "))")
                }
            }
            for (service, period, count, _) in entries {
                try store.setPopulation(agency: agency, service: service, period: period, count: count)
                print(count == 0 ? "\(agency)/\(service) \(period): population removed"
                      : "\(agency)/\(service) \(period): population \(count); minimum sample \(KrejcieMorgan.minimumSample(population: count))")
            }
        }

        /// `service,period,count` lines (comma or semicolon); a first line naming the columns is
        /// skipped. Every line is checked before anything is stored.
        static func read(_ path: String, agency: Agency) throws -> [(String, Period, Int, String)] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError("cannot read \(path) as UTF-8 text") }
            var out: [(String, Period, Int, String)] = []
            for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                let place = "\(path):\(i + 1)"
                if line.isEmpty { continue }
                let cells = line.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
                if i == 0, cells.last.map({ Int($0) == nil }) == true { continue }  // header
                guard cells.count == 3 else { throw CLIError("\(place): expected service,period,count, got \"\(line)\"") }
                guard let period = Period(parsing: cells[1]) else { throw CLIError("\(place): \"\(cells[1])\" is not a period like 2025-S1") }
                guard let count = Int(cells[2]) else { throw CLIError("\(place): \"\(cells[2])\" is not a whole number") }
                out.append((cells[0], period, count, place))
            }
            return out
        }
    }
}
