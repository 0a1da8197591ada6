import Foundation
import GRDB
import GRDBSQLite
import SKMDomain

/// Writes one import batch inside one SQLite transaction, through prepared statements bound
/// with the C API: GRDB's argument arrays cost several times more per row
/// (docs/performance.md), and imports must run at hundreds of thousands of rows per second.
///
/// Only valid inside `Store.importBatch`; not thread-safe, by design.
public final class ImportWriter {
    public enum Kind: String, Sendable { case transactions, responses }

    public let batchID: Int64
    public private(set) var counts = ImportCounts()
    let db: Database
    private let kind: Kind
    private let file: String
    private var insertStmt: Statement!
    private var replaceStmt: Statement!
    private var fingerprintStmt: Statement!
    private var rejectStmt: Statement!
    /// One row, for callers that insert `Transaction`/`SurveyResponse` values one at a time.
    private var scratch = EncodedRows(reservingRows: 1)
    /// The days this batch stored rows on, recorded at `close()` (DataChange.swift).
    private var days = ChangedDays()
    private let dayBind: Int32

    init(db: Database, kind: Kind, file: String) throws {
        self.db = db
        self.kind = kind
        self.file = file
        dayBind = Int32(ChangedDays.dayValue(kind) + 1)
        try db.supersedeRejects(file: file, kind: kind.rawValue)
        try db.execute(sql: "INSERT INTO import_batch (kind, file, imported_at) VALUES (?, ?, ?)",
                       arguments: [kind.rawValue, file, Int64(Date().timeIntervalSince1970)])
        batchID = db.lastInsertedRowID
        // 64 MB of page cache (SQLite's default is 2 MB): a large import otherwise spills and
        // re-reads index pages through the WAL, which halved its speed at 10⁶ rows. Bounded,
        // so memory still does not grow with the file.
        try db.execute(sql: "PRAGMA cache_size = -65536")
        // Columns in the order `EncodedRows` writes a row's values; `batch` is bound here.
        switch kind {
        case .transactions:
            insertStmt = try db.makeStatement(sql: """
                INSERT INTO service_transaction (agency, id, service, received_at, finished_at, received_date,
                    variant, pauses, channel, fingerprint, batch)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (agency, id) DO NOTHING
                """)
            replaceStmt = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO service_transaction (agency, id, service, received_at, finished_at, received_date,
                    variant, pauses, channel, fingerprint, batch)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            fingerprintStmt = try db.makeStatement(sql: "SELECT fingerprint FROM service_transaction WHERE agency = ? AND id = ?")
        case .responses:
            let cols = ["agency", "id", "service", "date", "method", "answers",
                        "gender", "age", "education", "occupation", "saran", "transaction_id", "fingerprint", "batch"]
            let params = (1...cols.count).map { "?\($0)" }
            let values = "(\(cols.joined(separator: ", "))) VALUES (\(params.joined(separator: ", ")))"
            insertStmt = try db.makeStatement(sql: "INSERT INTO response \(values) ON CONFLICT (agency, id) DO NOTHING")
            replaceStmt = try db.makeStatement(sql: "INSERT OR REPLACE INTO response \(values)")
            fingerprintStmt = try db.makeStatement(sql: "SELECT fingerprint FROM response WHERE agency = ? AND id = ?")
        }
        rejectStmt = try db.makeStatement(sql: """
            INSERT INTO reject (batch, agency, file, line, column_name, value, reason, position, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores a transaction. `receivedDate` is the local day of receipt in the agency's zone.
    public func insert(_ t: Transaction, receivedDate: LocalDate, replace: Bool = false) throws -> RowOutcome {
        precondition(kind == .transactions)
        scratch.removeAll()
        scratch.append(t, receivedDate: receivedDate)
        return try insert(scratch, row: 0, replace: replace)
    }

    /// Stores a response; answers must already be in the method's unsur order.
    public func insert(_ r: SurveyResponse, replace: Bool = false) throws -> RowOutcome {
        precondition(kind == .responses)
        scratch.removeAll()
        scratch.append(r)
        return try insert(scratch, row: 0, replace: replace)
    }

    /// Stores row `i` of rows encoded elsewhere (of this writer's kind): binds and steps only.
    public func insert(_ rows: EncodedRows, row i: Int, replace: Bool = false) throws -> RowOutcome {
        counts.read += 1
        let s = insertStmt.sqliteStatement
        sqlite3_reset(s)
        // Text is bound SQLITE_STATIC, straight from the buffer: it outlives the statement's use
        // of it (this call, and the replace statement the bindings may be moved to).
        return try rows.withRow(i) { raw in
            var c = EncodedValueCursor(raw)
            var index: Int32 = 1
            var fingerprint: Int64 = 0
            var agency = UnsafeRawBufferPointer(start: nil, count: 0), day = agency
            while !c.atEnd {
                switch c.next() {
                case .null: sqlite3_bind_null(s, index)
                case let .int(v): sqlite3_bind_int64(s, index, v); fingerprint = v  // the last value is the fingerprint
                case let .text(p):
                    if index == 1 { agency = p } else if index == dayBind { day = p }
                    if p.count > 0 {
                        sqlite3_bind_text(s, index, p.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(p.count), nil)
                    } else {
                        sqlite3_bind_text(s, index, "", 0, transient)
                    }
                }
                index += 1
            }
            sqlite3_bind_int64(s, index, batchID)
            let outcome = try finishUpsert(s, rows: rows, row: i, fingerprint: fingerprint, replace: replace)
            switch outcome {
            case .inserted: days.note(agency: agency, day: day)
            case .updated: days.noteEveryDay(agency: agency)
            case .unchanged, .conflict: break
            }
            return outcome
        }
    }

    public func reject(_ r: RejectRecord) throws {
        counts.read += 1
        counts.rejected += 1
        try insertReject(r)
    }

    /// Keeps a note on a stored row (an optional field left empty) beside the rejects, with
    /// its line and reason; the row counts once, as stored, so the totals still add up.
    public func warn(_ r: RejectRecord) throws { try insertReject(r) }

    private func insertReject(_ r: RejectRecord) throws {
        let s = rejectStmt.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, batchID); bind(s, 2, r.agency); bind(s, 3, r.file); sqlite3_bind_int64(s, 4, Int64(r.line))
        bind(s, 5, r.column); bind(s, 6, r.value); bind(s, 7, r.reason)
        if let p = r.position { sqlite3_bind_int64(s, 8, Int64(p)) } else { sqlite3_bind_null(s, 8) }
        bind(s, 9, r.kind.rawValue)
        try step(s)
    }

    /// A new id inserts. An existing id with the same fingerprint is unchanged; with a different
    /// one it is a conflict, or — when `replace` is set — rewritten with the values still bound
    /// to the insert statement (copied onto the replace statement).
    private func finishUpsert(_ s: OpaquePointer, rows: EncodedRows, row i: Int, fingerprint: Int64, replace: Bool) throws -> RowOutcome {
        try step(s)
        if sqlite3_changes(db.sqliteConnection) > 0 { counts.inserted += 1; return .inserted }
        let f = fingerprintStmt.sqliteStatement
        sqlite3_reset(f)
        bind(f, 1, rows.text(row: i, value: 0)); bind(f, 2, rows.text(row: i, value: 1))
        var stored: Int64?
        if try db.stepRow(f) { stored = sqlite3_column_int64(f, 0) }
        sqlite3_reset(f)
        if stored == fingerprint { counts.unchanged += 1; return .unchanged }
        guard replace else { counts.read -= 1; return .conflict }  // the caller's reject counts the row
        let r = replaceStmt.sqliteStatement
        sqlite3_reset(r)
        sqlite3_transfer_bindings(s, r)
        try step(r)
        counts.updated += 1
        return .updated
    }

    /// Files this batch's rejects that name no agency (lines that could not be read) under `agency`.
    public func attributeUnattributedRejects(to agency: String) throws {
        try db.execute(sql: "UPDATE reject SET agency = ? WHERE batch = ? AND agency IS NULL", arguments: [agency, batchID])
    }

    /// Records the batch totals. Called by `Store.importBatch` before commit.
    func close() throws {
        try db.recordChanges(.stored(kind),
                             days.spansByAgency().map { ($0.agency, $0.first, $0.last) })
        try db.execute(sql: """
            UPDATE import_batch SET rows_read = ?, rows_inserted = ?, rows_unchanged = ?, rows_updated = ?, rows_rejected = ?
            WHERE id = ?
            """, arguments: [counts.read, counts.inserted, counts.unchanged, counts.updated, counts.rejected, batchID])
    }

    private func step(_ s: OpaquePointer) throws { _ = try db.stepRow(s) }
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Binds through `withUTF8`, which hands SQLite the string's own bytes with their length;
/// passing a `String` where C wants a pointer builds a NUL-terminated copy on the heap first.
@inline(__always) private func bind(_ s: OpaquePointer, _ i: Int32, _ v: String?) {
    guard var v else { sqlite3_bind_null(s, i); return }
    _ = v.withUTF8 { p in
        if let base = p.baseAddress, p.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: p.count) { sqlite3_bind_text(s, i, $0, Int32(p.count), transient) }
        } else {
            sqlite3_bind_text(s, i, "", 0, transient)
        }
    }
}

@inline(__always) private func bind(_ s: OpaquePointer, _ i: Int32, _ v: Int64?) {
    if let v { sqlite3_bind_int64(s, i, v) } else { sqlite3_bind_null(s, i) }
}

extension Database {
    /// A file's rejects describe its latest import: importing it again (or naming an upload
    /// after it, `relabelBatch`) drops its earlier rejects of that kind rather than listing the
    /// same bad rows twice — only `agency`'s when given, and never those of batch `keeping`.
    /// EXISTS, not IN: an IN list is built by scanning every batch (migration v10).
    func supersedeRejects(file: String, kind: String, keeping batch: Int64? = nil, agency: String? = nil) throws {
        try execute(sql: """
            DELETE FROM reject WHERE file = ? AND (? IS NULL OR batch <> ?) AND (? IS NULL OR agency = ?)
              AND EXISTS (SELECT 1 FROM import_batch b WHERE b.id = reject.batch AND b.kind = ?)
            """, arguments: [file, batch, batch, agency, agency, kind])
    }
}

extension Store {
    /// Runs one import as one SQLite transaction: either every accepted row and every reject
    /// is stored, or — on a thrown error or a killed process — nothing is.
    public func importBatch<T>(kind: ImportWriter.Kind, file: String, _ body: (any ImportBatchWriter) throws -> T) throws -> (T, ImportCounts, batch: Int64) {
        try writer.write { db in
            let w = try ImportWriter(db: db, kind: kind, file: file)
            let result = try body(w)
            try w.close()
            return (result, w.counts, w.batchID)
        }
    }
}
