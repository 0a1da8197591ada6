import ArgumentParser
import Foundation
import SKMDomain
import SKMStorage

/// `skm store copy`: moves an office's data between stores (SQLite ⇄ PostgreSQL).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on whole stores.",
        subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the catalog, every transaction and response, kiosks, publication and populations into another store.",
            discussion: """
                The target is created and migrated when needed; rows it already holds are left \
                alone, so copying again adds nothing, and a row whose id it holds with other \
                content is kept as it is there and listed as a reject. Not copied: API tokens \
                (create them again: only their hashes are stored) and import history with its \
                rejects. See docs/scaling.md.

                Example:
                  skm store copy --from skm.sqlite --to postgres://skm@db.example:5432/skm
                """)
        @Option(name: .long, help: ArgumentHelp("The store to copy from (SQLite file or postgres:// URL).", valueName: "path|url"))
        var from: String
        @Option(name: .long, help: ArgumentHelp("The store to copy into.", valueName: "path|url"))
        var to: String

        func validate() throws {
            guard from != to else { throw ValidationError("--from and --to are the same store") }
        }

        func run() throws {
            let source = try StoreOptions(store: from).openExisting()
            let target = try StoreOptions(store: to).open()
            let s = try StoreCopy(from: source, to: target).run()
            func line(_ what: String, _ c: ImportCounts) -> String {
                "\(what): \(c.read) read, \(c.inserted) new, \(c.unchanged) already there, \(c.rejected) in conflict"
            }
            print("\(source.path) → \(target.path): \(s.agencies) agencies")
            print(line("transactions", s.transactions))
            print(line("responses", s.responses))
            print("kiosks open: \(s.kiosks), pages published: \(s.published), populations: \(s.populations)")
            note("API tokens are not copied: create them again with `skm token create --store \(to)`")
            if s.transactions.rejected + s.responses.rejected > 0 { throw ExitCode(2) }
        }
    }
}
