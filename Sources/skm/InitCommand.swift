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

    @Option(name: .long, help: ArgumentHelp("Directory with catalog/*.json and holidays/*.csv.", valueName: "dir"))
    var seeds: String = "seeds"

    func run() throws {
        let store = try storeOptions.open()
        let catalog = try loadCatalog(seeds: seeds, into: store)
        print("\(store.path): \(catalog.agencies.count) agencies, \(catalog.serviceCount) services, "
            + "holidays for \(catalog.loadedYears.sorted().map(String.init).joined(separator: ", "))")
    }
}

/// Loads seeds/ into the store; shared by `init` and `demo`.
@discardableResult
func loadCatalog(seeds: String, into store: Store) throws -> Catalog {
    let catalog = try loadSeeds(seeds)
    try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
    return catalog
}

/// Reads seeds/ without a store; a catalog that does not load is explained, not dumped.
func loadSeeds(_ seeds: String) throws -> Catalog {
    do { return try CatalogLoader.load(seeds: URL(fileURLWithPath: seeds)) } catch let e as CatalogLoadError {
        throw CLIError("the catalog in \(seeds) does not load:\n\(e.description)\nRun `skm catalog check` for the full list.")
    } catch {
        throw CLIError("cannot load the catalog from \(seeds)/: \(error)")
    }
}
