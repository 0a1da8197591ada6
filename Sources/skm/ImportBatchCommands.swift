import ArgumentParser
import Foundation
import SKMImport
import SKMStorage

extension ImportCommand {
    /// `skm import list`: every import the store remembers, with the batch number `undo` takes.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the imports in the store (batch number, file, counts).")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let batches = try storeOptions.openExisting().importBatches()
            if batches.isEmpty { print("no imports in this store"); return }
            let time = ISO8601DateFormatter()
            print("batch  kind          imported (UTC)        read     new      unchanged  updated  rejected  held     file")
            for b in batches {
                let c = b.counts
                let when = time.string(from: Date(timeIntervalSince1970: TimeInterval(b.importedAt)))
                print([pad("\(b.id)", 5), pad(b.kind.rawValue, 12), pad(when, 20), pad("\(c.read)", 7), pad("\(c.inserted)", 7),
                       pad("\(c.unchanged)", 9), pad("\(c.updated)", 7), pad("\(c.rejected)", 8), pad("\(b.rowsHeld)", 7), TerminalText.escaped(b.file)]
                    .joined(separator: "  "))
            }
            print("held = rows stored now that this import added or overwrote: what `skm import undo BATCH` removes")
        }
    }

    /// `skm import undo BATCH`: takes one import back.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove what one import added: its rows and its rejects, in one transaction.",
            discussion: """
                BATCH is the number `skm import list` shows. Removed: the rows that import stored (new rows, \
                and rows it overwrote with --replace), its rejected rows, and the batch. Rows the import found \
                already stored ("unchanged") belong to the import that first stored them and stay.

                --replace does not keep a row's earlier content: undoing an import made with --replace \
                removes the rows it overwrote; import the earlier file again to get them back.
                """)

        @Argument(help: "The batch number, from `skm import list`.")
        var batch: Int64

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let u = try storeOptions.openExisting().undoImport(batch)
            let what = u.batch.kind == .transactions ? "transactions" : "responses"
            var line = "undid import \(u.batch.id) (\(u.batch.file)): removed \(u.rowsRemoved) \(what) and \(u.rejectsRemoved) rejected rows"
            if u.batch.counts.updated > 0 {
                line += "; \(u.batch.counts.updated) of its rows had overwritten earlier ones (--replace), whose content is not kept"
            }
            print(line)
        }
    }
}

private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
