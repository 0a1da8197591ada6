import Foundation
import PostgresNIO
import SKMDomain
import SKMStorage

/// Writes one import batch inside one PostgreSQL transaction (`PostgresStore.importBatch`).
///
/// `ImportBatchWriter` answers each row's outcome at once (inserted, unchanged, conflict…),
/// which a stream cannot. So the writer works in two modes:
/// - the first `bulkThreshold` rows of a batch — a kiosk's one submission, an API call — are
///   plain statements: `INSERT … ON CONFLICT DO NOTHING`, then the stored fingerprint if the
///   id was taken. Concurrent writers (several servers) need nothing more.
/// - past that, the batch takes the table's SHARE ROW EXCLUSIVE lock (other writers of that
///   table wait, as they wait for SQLite's one writer), reads the ids and fingerprints stored
///   for each agency it meets once, decides every outcome in memory, and streams the new rows
///   through `COPY … FROM STDIN` (CopyStream.swift). Overwrites (`replace`) are rare and
///   go as statements, after ending the COPY in progress.
/// Rejects and warnings are held until the end and copied in one go (their agency may still be
/// attributed), with the batch's totals.
final class PostgresImportWriter: ImportBatchWriter {
    let batchID: Int64
    private(set) var counts = ImportCounts()
    private let session: PostgresSession
    private let kind: ImportWriter.Kind
    private let table: String
    private let columns: [String]
    private var rejects: [RejectRecord] = []
    private var rowsSeen = 0
    private var locked = false
    /// The agencies met in bulk mode; a slot indexes `known`.
    private var agencies = AgencySlots()
    /// Per slot: stored id → fingerprint, kept up to date as rows go in.
    private var known: [[String: Int64]] = []
    private var copy: CopyStream?
    private var scratch = EncodedRows(reservingRows: 1)
    /// The days this batch stored rows on, recorded at `close()` (DataChange.swift).
    private var days = ChangedDays()
    static let bulkThreshold = 64

    init(session: PostgresSession, kind: ImportWriter.Kind, file: String) throws {
        self.session = session
        self.kind = kind
        table = kind.table
        columns = Self.columns(kind)
        try session.supersedeRejects(file: file, kind: kind.rawValue)
        let rows = try session.rows("INSERT INTO import_batch (kind, file, imported_at) VALUES ($1, $2, $3) RETURNING id",
                                    [Bind.text(kind.rawValue), Bind.text(file), Bind.int(Int64(Date().timeIntervalSince1970))])
        batchID = try rows[0].integer(0)
        self.file = file
    }

    private let file: String

    /// A table's columns in `EncodedRows` order, then the batch.
    static func columns(_ kind: ImportWriter.Kind) -> [String] {
        switch kind {
        case .transactions:
            ["agency", "id", "service", "received_at", "finished_at", "received_date",
             "variant", "pauses", "channel", "fingerprint", "batch"]
        case .responses:
            ["agency", "id", "service", "date", "method", "answers",
             "gender", "age", "education", "occupation", "saran", "transaction_id", "fingerprint", "batch"]
        }
    }

    func insert(_ t: Transaction, receivedDate: LocalDate, replace: Bool) throws -> RowOutcome {
        precondition(kind == .transactions)
        scratch.removeAll()
        scratch.append(t, receivedDate: receivedDate)
        return try insert(scratch, row: 0, replace: replace)
    }

    func insert(_ r: SurveyResponse, replace: Bool) throws -> RowOutcome {
        precondition(kind == .responses)
        scratch.removeAll()
        scratch.append(r)
        return try insert(scratch, row: 0, replace: replace)
    }

    func insert(_ rows: EncodedRows, row i: Int, replace: Bool) throws -> RowOutcome {
        let outcome = try store(rows, row: i, replace: replace)
        if outcome == .inserted || outcome == .updated { days.note(rows, row: i, kind: kind, overwritten: outcome == .updated) }
        return outcome
    }

    private func store(_ rows: EncodedRows, row i: Int, replace: Bool) throws -> RowOutcome {
        counts.read += 1
        rowsSeen += 1
        var found: Int?, agencyBytes: [UInt8] = [], id = "", fingerprint: Int64 = 0, n = 0
        rows.forEachValue(row: i) { v in
            switch v {
            case let .text(p) where n == 0:
                found = self.agencies.slot(of: p)
                if found == nil { agencyBytes = Array(p) }
            case let .text(p) where n == 1: id = String(decoding: p, as: UTF8.self)
            case let .int(x): fingerprint = x
            default: break
            }
            n += 1
        }
        if rowsSeen <= Self.bulkThreshold && agencies.isEmpty {
            return try insertByStatement(rows, row: i, agency: String(decoding: agencyBytes, as: UTF8.self), id: id,
                                         fingerprint: fingerprint, replace: replace)
        }
        let slot = try found ?? loadKnown(agencyBytes)
        // One hash per row: the new fingerprint goes in, and the old one, if any, decides.
        if let stored = known[slot].updateValue(fingerprint, forKey: id) {
            if stored == fingerprint { counts.unchanged += 1; return .unchanged }
            guard replace else {  // the caller's reject counts the row
                known[slot][id] = stored
                counts.read -= 1
                return .conflict
            }
            try endCopy()
            try session.execute(upsertSQL(update: true), binds(rows, row: i))
            counts.updated += 1
            return .updated
        }
        try openCopy().row(rows, i, last: batchID)
        counts.inserted += 1
        return .inserted
    }

    private func insertByStatement(_ rows: EncodedRows, row i: Int, agency: String, id: String, fingerprint: Int64,
                                   replace: Bool) throws -> RowOutcome {
        if try session.execute(upsertSQL(update: false), binds(rows, row: i)) > 0 { counts.inserted += 1; return .inserted }
        let stored = try session.rows("SELECT fingerprint FROM \(table) WHERE agency = $1 AND id = $2",
                                      [Bind.text(agency), Bind.text(id)]).first?.int(0)
        if stored == fingerprint { counts.unchanged += 1; return .unchanged }
        guard replace else { counts.read -= 1; return .conflict }
        try session.execute(upsertSQL(update: true), binds(rows, row: i))
        counts.updated += 1
        return .updated
    }

    private func upsertSQL(update: Bool) -> String {
        let params = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(params)) ON CONFLICT (agency, id) DO "
        guard update else { return head + "NOTHING" }
        return head + "UPDATE SET " + columns.dropFirst(2).map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
    }

    private func binds(_ rows: EncodedRows, row i: Int) -> [PostgresData] {
        var out: [PostgresData] = []
        out.reserveCapacity(columns.count)
        rows.forEachValue(row: i) { v in
            switch v {
            case .null: out.append(.null)
            case let .int(x): out.append(Bind.int(x))
            case let .text(p): out.append(Bind.text(String(decoding: p, as: UTF8.self)))
            }
        }
        out.append(Bind.int(batchID))
        return out
    }

    /// Bulk mode for one more agency: the table locked against other writers (once), its stored
    /// ids read into a new slot of `known`.
    private func loadKnown(_ code: [UInt8]) throws -> Int {
        let agency = String(decoding: code, as: UTF8.self)
        try endCopy()
        if !locked {
            try session.execute("LOCK TABLE \(table) IN SHARE ROW EXCLUSIVE MODE")
            locked = true
        }
        var ids: [String: Int64] = [:]
        for row in try session.rows("SELECT id, fingerprint FROM \(table) WHERE agency = $1", [Bind.text(agency)]) {
            ids[try row.string(0)] = try row.integer(1)
        }
        known.append(ids)
        return agencies.add(code)
    }

    private func openCopy() throws -> CopyStream {
        if let copy { return copy }
        let c = CopyStream(connection: session.connection, table: table, columns: columns)
        copy = c
        return c
    }

    private func endCopy() throws {
        guard let c = copy else { return }
        copy = nil
        do { try c.finish() } catch { session.broken = session.connection.isClosed; throw error }
    }

    func reject(_ r: RejectRecord) throws {
        counts.read += 1
        counts.rejected += 1
        rejects.append(r)
    }

    func warn(_ r: RejectRecord) throws { rejects.append(r) }

    func attributeUnattributedRejects(to agency: String) throws {
        for i in rejects.indices where rejects[i].agency == nil { rejects[i].agency = agency }
    }

    func legacyContentIDs(agencies: [String]) throws -> Set<String> {
        try endCopy()
        var out: Set<String> = []
        for agency in agencies {
            for row in try session.rows("SELECT id FROM response WHERE agency = $1 AND id >= 'h' AND id < 'i'", [Bind.text(agency)]) {
                let id = try row.string(0)
                if id.count <= 17 && id.dropFirst().allSatisfy(\.isHexDigit) { out.insert(agency + "\u{1F}" + id) }
            }
        }
        return out
    }

    /// Ends the COPY, stores the rejects in order and the batch's totals; before commit.
    func close() throws {
        try endCopy()
        try session.recordChanges(.stored(kind),
                                  days.spansByAgency().map { ($0.agency, $0.first, $0.last) })
        if !rejects.isEmpty {
            let c = CopyStream(connection: session.connection, table: "reject",
                               columns: ["batch", "agency", "file", "line", "column_name", "value", "reason", "position", "kind"])
            for r in rejects {
                c.int(batchID, first: true); c.text(r.agency, first: false); c.text(r.file, first: false)
                c.int(Int64(r.line), first: false); c.text(r.column, first: false); c.text(r.value, first: false)
                c.text(r.reason, first: false)
                if let p = r.position { c.int(Int64(p), first: false) } else { c.null(first: false) }
                c.text(r.kind.rawValue, first: false)
                try c.endRow()
            }
            copy = c
            try endCopy()
        }
        try session.execute("""
            UPDATE import_batch SET rows_read = $1, rows_inserted = $2, rows_unchanged = $3, rows_updated = $4, rows_rejected = $5
            WHERE id = $6
            """, [counts.read, counts.inserted, counts.unchanged, counts.updated, counts.rejected].map(Bind.int) + [Bind.int(batchID)])
    }

    /// The import failed: the COPY in progress is abandoned before the transaction rolls back.
    func abort(_ error: any Error) {
        copy?.cancel(error)
        copy = nil
    }
}

extension PostgresStore {
    public func importBatch<T>(kind: ImportWriter.Kind, file: String, _ body: (any ImportBatchWriter) throws -> T) throws
        -> (T, ImportCounts, batch: Int64) {
        try write { s in
            let w = try PostgresImportWriter(session: s, kind: kind, file: file)
            do {
                let result = try body(w)
                try w.close()
                return (result, w.counts, w.batchID)
            } catch {
                w.abort(error)
                throw error
            }
        }
    }
}

extension PostgresSession {
    /// SQLite's rule (Database.supersedeRejects in ImportWriter.swift): a file's earlier rejects
    /// of `kind` go when it is imported again or an upload is named after it — only `agency`'s
    /// when given, never those of batch `keeping`.
    func supersedeRejects(file: String, kind: String, keeping batch: Int64? = nil, agency: String? = nil) throws {
        try execute("""
            DELETE FROM reject WHERE file = $1 AND ($2::bigint IS NULL OR batch <> $2) AND ($3::text IS NULL OR agency = $3)
              AND EXISTS (SELECT 1 FROM import_batch b WHERE b.id = reject.batch AND b.kind = $4)
            """, [Bind.text(file), Bind.int(batch), Bind.text(agency), Bind.text(kind)])
    }
}
