import ArgumentParser
import Foundation
import SKMCatalog
import SKMStorage

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store (if needed) and load the standards catalog and holidays from seeds/.",
        discussion: """
            Safe to run again: the catalog is replaced as a whole, transactions and responses \
            are kept. Run it after editing seeds/ (a new decree, an amended holiday list).

            Example:
              skm init --seeds seeds --store skm.sqlite
            """)

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var seeds: SeedsOption

    func run() throws {
        let store = try storeOptions.open()
        let catalog = try seeds.load(into: store)
        print("\(store.path): \(catalog.agencies.count) agencies, \(catalog.serviceCount) services, "
            + "holidays for \(catalog.loadedYears.sorted().map(String.init).joined(separator: ", "))")
    }
}

/// `--seeds`: the standards catalog and holiday calendar, for every command that reads them.
struct SeedsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory with catalog/*.json and holidays/*.csv.", valueName: "dir"))
    var seeds: String = "seeds"

    var url: URL { URL(fileURLWithPath: seeds) }

    /// Reads seeds/ without a store; a catalog that does not load is explained, not dumped.
    func load() throws -> Catalog {
        do { return try CatalogLoader.load(seeds: url) } catch let e as CatalogLoadError {
            throw CLIError("the catalog in \(seeds) does not load:\n\(e.description)\nRun `skm catalog check --seeds \(seeds)` for the full list.")
        } catch {
            throw CLIError("cannot load the catalog from \(seeds)/: \(error)")
        }
    }

    /// Loads seeds/ into the store (replacing its catalog) and returns what was loaded.
    @discardableResult
    func load(into store: any SurveyStore) throws -> Catalog {
        let catalog = try load()
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        for p in catalog.populations { try store.setPopulation(agency: p.agency, service: p.service, period: p.period, count: p.count) }
        return catalog
    }
}
