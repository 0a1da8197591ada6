import Foundation
import SKMCatalog
import SKMImport
import SKMStorage

/// Issue 14's figure — each import within 15 % of its store alone — measured so that one
/// disturbance cannot decide it: `--pairs N` runs an import and its store-alone floor N
/// times, alternately, each on a fresh SQLite store with the catalog, and compares medians.
/// On a shared 2-core machine identical runs differ by 20 % and more (docs/performance.md),
/// so the ratio of one run's two rows says little.
extension BenchCommand {
    /// One line for `kind`: the medians, their ratio against 1.15, and every run. `batches`:
    /// the file's rows as the floor stored them.
    func importPairs(_ n: Int, kind: ImportWriter.Kind, file: String, batches: [EncodedRows], catalog: Catalog, dir: URL) throws -> String {
        var imports: [Double] = [], floors: [Double] = []
        for _ in 0..<n {
            imports.append(try timedOnFreshStore(dir, catalog) { store in _ = try Importer.run(kind, file: file, into: store) })
            floors.append(try timedOnFreshStore(dir, catalog) { store in try storeAlone(batches, kind: kind, into: store) })
        }
        let (i, f) = (median(imports), median(floors))
        func list(_ xs: [Double]) -> String { xs.map { String(format: "%.2f", $0) }.joined(separator: " ") }
        return String(format: "  %@: import %.3f s ÷ SQLite alone %.3f s = %.2f, %@ (imports %@; alone %@)",
                      kind.rawValue, i, f, i / f, i / f <= 1.15 ? "met" : "NOT met", list(imports), list(floors))
    }

    /// Stores pre-encoded rows as an import's writer thread does, in one batch: the floor.
    func storeAlone(_ batches: [EncodedRows], kind: ImportWriter.Kind, into store: any SurveyStore) throws {
        _ = try store.importBatch(kind: kind, file: "raw") { w in
            for b in batches { for i in 0..<b.count { _ = try w.insert(b, row: i) } }
        }
    }

    /// A SQLite store's file and its WAL and shared-memory files, if there.
    func removeSQLiteFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Seconds `body` takes on a new store holding only the catalog; the store is removed after.
    private func timedOnFreshStore(_ dir: URL, _ catalog: Catalog, _ body: (Store) throws -> Void) throws -> Double {
        let path = dir.appendingPathComponent("pair.sqlite").path
        defer { removeSQLiteFiles(path) }
        let store = try Store(path: path)
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        sync()  // the last store's writeback is not this run's
        let started = Date()
        try body(store)
        return Date().timeIntervalSince(started)
    }

    private func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
