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
                A population can also be written in the catalog file, per service: "population": {"2025-S1": 1200}.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Agency code.") var agency: String
        @Option(help: "Service code.") var service: String
        @Option(help: ArgumentHelp("The period the figure is for: 2025-S1, 2025-Q3, 2025-03, 2025 or a range.", valueName: "period"),
                transform: Period.argument)
        var period: Period
        @Option(help: "Service users in the period (0 removes the figure).") var count: Int

        func run() throws {
            guard count >= 0 else { throw CLIError("--count must be 0 or more, got \(count)") }
            let store = try storeOptions.openExisting()
            let agencies = try store.agencies()
            guard let a = agencies.first(where: { $0.code == agency }) else {
                throw CLIError("unknown agency '\(agency)'; known: \(agencies.map(\.code).joined(separator: ", "))")
            }
            guard let s = a.service(service) else {
                throw CLIError("no service '\(service)' in \(agency); known: \(a.services.map(\.code).joined(separator: ", "))")
            }
            try store.setPopulation(agency: agency, service: service, period: period, count: count)
            if count == 0 {
                print("\(agency)/\(service) \(period): population removed")
            } else {
                print("\(agency)/\(service) \(period): population \(count) (\(s.name)); minimum sample \(KrejcieMorgan.minimumSample(population: count))")
            }
        }
    }
}
