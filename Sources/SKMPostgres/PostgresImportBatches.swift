import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// `skm import list` / `undo` and relabelling, as SQLite's (ImportBatches.swift, BatchLabel.swift).
extension PostgresStore {
    private static let batchColumns = "id, kind, file, imported_at, rows_read, rows_inserted, rows_unchanged, rows_updated, rows_rejected"

    public func importBatches() throws -> [ImportBatchRecord] {
        try read { s in
            var held: [Int64: Int] = [:]
            for table in ["service_transaction", "response"] {
                for r in try s.rows("SELECT batch, COUNT(*) FROM \(table) GROUP BY batch") {
                    held[try r.integer(0), default: 0] += Int(try r.integer(1))
                }
            }
            return try s.rows("SELECT \(Self.batchColumns) FROM import_batch ORDER BY id").map { r in
                try Self.record(r, held: held[try r.integer(0)] ?? 0)
            }
        }
    }

    public func undoImport(_ id: Int64) throws -> UndoneImport {
        try write { s in
            guard let r = try s.rows("SELECT \(Self.batchColumns) FROM import_batch WHERE id = $1", [Bind.int(id)]).first else {
                throw ImportBatchError.noSuchBatch(id)
            }
            let kind = ImportWriter.Kind(rawValue: try r.string(1)) ?? .responses
            try s.recordChanges(.removed(kind), try s.batchSpans(kind, batch: id))
            let rows = try s.execute("DELETE FROM \(kind.table) WHERE batch = $1", [Bind.int(id)])
            let rejects = try s.execute("DELETE FROM reject WHERE batch = $1", [Bind.int(id)])
            try s.execute("DELETE FROM import_batch WHERE id = $1", [Bind.int(id)])
            return UndoneImport(batch: try Self.record(r, held: rows), rowsRemoved: rows, rejectsRemoved: rejects)
        }
    }

    public func relabelBatch(_ batch: Int64, file: String, agency: String?) throws {
        try write { s in
            if let kind = try s.rows("SELECT kind FROM import_batch WHERE id = $1", [Bind.int(batch)]).first?.text(0) {
                try s.supersedeRejects(file: file, kind: kind, keeping: batch, agency: agency)
            }
            try s.execute("UPDATE import_batch SET file = $1 WHERE id = $2", [Bind.text(file), Bind.int(batch)])
            try s.execute("UPDATE reject SET file = $1 WHERE batch = $2", [Bind.text(file), Bind.int(batch)])
        }
    }

    private static func record(_ r: PostgresRandomAccessRow, held: Int) throws -> ImportBatchRecord {
        var c = ImportCounts()
        c.read = Int(try r.integer(4)); c.inserted = Int(try r.integer(5)); c.unchanged = Int(try r.integer(6))
        c.updated = Int(try r.integer(7)); c.rejected = Int(try r.integer(8))
        return ImportBatchRecord(id: try r.integer(0), kind: ImportWriter.Kind(rawValue: try r.string(1)) ?? .responses,
                                 file: try r.string(2), importedAt: try r.integer(3), counts: c, rowsHeld: held)
    }
}
