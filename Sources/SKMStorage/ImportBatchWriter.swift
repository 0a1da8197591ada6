import SKMDomain

/// What an import (a file, an HTTP upload, a kiosk's submission) calls on the batch it writes
/// into, whatever the engine: SQLite's `ImportWriter` binds each row to a prepared statement,
/// a PostgreSQL writer streams them through `COPY`. Handed out by `SurveyStore.importBatch`
/// and valid only inside its body; not thread-safe.
///
/// Outcomes follow the same rules on every engine: a new id inserts; an id already stored with
/// the same content (fingerprint) is unchanged; with different content it is a conflict, or —
/// with `replace` — overwritten. Re-importing a file therefore adds nothing.
public protocol ImportBatchWriter: AnyObject {
    /// The batch's id (table `import_batch`), as `skm import list` shows it.
    var batchID: Int64 { get }
    /// Totals so far: read, inserted, unchanged, updated, rejected.
    var counts: ImportCounts { get }

    /// Stores a transaction. `receivedDate` is the local day of receipt in the agency's zone.
    func insert(_ t: Transaction, receivedDate: LocalDate, replace: Bool) throws -> RowOutcome
    /// Stores a response; answers must already be in the method's unsur order.
    func insert(_ r: SurveyResponse, replace: Bool) throws -> RowOutcome
    /// Stores row `i` of rows encoded by the reading thread (of this writer's kind).
    func insert(_ rows: EncodedRows, row i: Int, replace: Bool) throws -> RowOutcome
    /// Records a rejected row; it counts as read and rejected.
    func reject(_ r: RejectRecord) throws
    /// Keeps a note on a stored row beside the rejects; the row counts once, as stored.
    func warn(_ r: RejectRecord) throws
    /// Files this batch's rejects that name no agency (lines that could not be read) under `agency`.
    func attributeUnattributedRejects(to agency: String) throws
    /// Ids that id-less survey rows were stored under before each row got an id of its own
    /// (`h` and a hex content hash), as `agency` + U+001F + id.
    func legacyContentIDs(agencies: [String]) throws -> Set<String>
}

extension ImportBatchWriter {
    public func insert(_ t: Transaction, receivedDate: LocalDate) throws -> RowOutcome {
        try insert(t, receivedDate: receivedDate, replace: false)
    }

    public func insert(_ r: SurveyResponse) throws -> RowOutcome { try insert(r, replace: false) }

    public func insert(_ rows: EncodedRows, row i: Int) throws -> RowOutcome { try insert(rows, row: i, replace: false) }
}

extension ImportWriter: ImportBatchWriter {}
