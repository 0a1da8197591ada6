import GRDB

extension Store {
    /// Files an import batch and its rejects under another name. The HTTP API imports an
    /// upload from a private temporary path; officers should see the name they uploaded,
    /// not `/tmp/…`, in reject lists and reports. As with a re-import, the new name's earlier
    /// rejects (same kind) are superseded by this batch's — only `agency`'s, when given, so an
    /// upload cannot erase another agency's rejects by reusing a file name.
    public func relabelBatch(_ batch: Int64, file: String, agency: String? = nil) throws {
        try writer.write { db in
            if let kind = try String.fetchOne(db, sql: "SELECT kind FROM import_batch WHERE id = ?", arguments: [batch]) {
                try db.supersedeRejects(file: file, kind: kind, keeping: batch, agency: agency)
            }
            try db.execute(sql: "UPDATE import_batch SET file = ? WHERE id = ?", arguments: [file, batch])
            try db.execute(sql: "UPDATE reject SET file = ? WHERE batch = ?", arguments: [file, batch])
        }
    }
}
