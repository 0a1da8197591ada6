import Foundation
import GRDB
import SKMDomain

/// One import as the store remembers it (table `import_batch`), for `skm import list`.
public struct ImportBatchRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: ImportWriter.Kind
    public var file: String
    /// Seconds since 1970, UTC.
    public var importedAt: Int64
    public var counts: ImportCounts
    /// Rows stored now that carry this batch (inserted or overwritten by it, not since re-imported with --replace).
    public var rowsHeld: Int

    public init(id: Int64, kind: ImportWriter.Kind, file: String, importedAt: Int64, counts: ImportCounts, rowsHeld: Int) {
        self.id = id
        self.kind = kind
        self.file = file
        self.importedAt = importedAt
        self.counts = counts
        self.rowsHeld = rowsHeld
    }
}

/// What `undoImport` removed.
public struct UndoneImport: Sendable, Equatable {
    public var batch: ImportBatchRecord
    /// Rows deleted: those the batch inserted, and those it overwrote with `--replace`.
    public var rowsRemoved: Int
    public var rejectsRemoved: Int

    public init(batch: ImportBatchRecord, rowsRemoved: Int, rejectsRemoved: Int) {
        self.batch = batch
        self.rowsRemoved = rowsRemoved
        self.rejectsRemoved = rejectsRemoved
    }
}

public enum ImportBatchError: Error, CustomStringConvertible, Equatable {
    case noSuchBatch(Int64)

    public var description: String {
        switch self {
        case let .noSuchBatch(id): "no import batch \(id) in this store (see `skm import list`)"
        }
    }
}

extension Store {
    /// Every import batch, oldest first, with how many of its rows the store still holds.
    public func importBatches() throws -> [ImportBatchRecord] {
        try writer.read { db in
            let held = try Self.rowsHeld(db)
            return try Row.fetchAll(db, sql: """
                SELECT id, kind, file, imported_at, rows_read, rows_inserted, rows_unchanged, rows_updated, rows_rejected
                FROM import_batch ORDER BY id
                """).map { r in Self.record(r, held: held[r["id"]] ?? 0) }
        }
    }

    /// Removes what one import added, in one transaction: the rows carrying its batch id (new
    /// rows, and rows it overwrote under `--replace`, whose earlier content is not kept), its
    /// rejects, and the batch itself. Rows it found already stored ("unchanged") belong to the
    /// import that stored them and stay.
    public func undoImport(_ id: Int64) throws -> UndoneImport {
        try writer.write { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT id, kind, file, imported_at, rows_read, rows_inserted, rows_unchanged, rows_updated, rows_rejected
                FROM import_batch WHERE id = ?
                """, arguments: [id]) else { throw ImportBatchError.noSuchBatch(id) }
            let kind = ImportWriter.Kind(rawValue: r["kind"]) ?? .responses
            try db.recordChanges(.removed(kind), try db.batchSpans(kind, batch: id))
            try db.execute(sql: "DELETE FROM \(kind.table) WHERE batch = ?", arguments: [id])
            let rows = db.changesCount
            try db.execute(sql: "DELETE FROM reject WHERE batch = ?", arguments: [id])
            let rejects = db.changesCount
            try db.execute(sql: "DELETE FROM import_batch WHERE id = ?", arguments: [id])
            return UndoneImport(batch: Self.record(r, held: rows), rowsRemoved: rows, rejectsRemoved: rejects)
        }
    }

    private static func rowsHeld(_ db: Database) throws -> [Int64: Int] {
        var held: [Int64: Int] = [:]
        for table in ["service_transaction", "response"] {
            for r in try Row.fetchAll(db, sql: "SELECT batch, COUNT(*) AS n FROM \(table) GROUP BY batch") {
                held[r["batch"], default: 0] += r["n"] as Int
            }
        }
        return held
    }

    private static func record(_ r: Row, held: Int) -> ImportBatchRecord {
        var c = ImportCounts()
        c.read = r["rows_read"]; c.inserted = r["rows_inserted"]; c.unchanged = r["rows_unchanged"]
        c.updated = r["rows_updated"]; c.rejected = r["rows_rejected"]
        return ImportBatchRecord(id: r["id"], kind: ImportWriter.Kind(rawValue: r["kind"]) ?? .responses, file: r["file"],
                                 importedAt: r["imported_at"], counts: c, rowsHeld: held)
    }
}
