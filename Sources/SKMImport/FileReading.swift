import Foundation
import SKMDomain
import SKMStorage

/// A run of rows read and checked, in file order: the good ones encoded for storing, the bad
/// ones as problems to store as rejects.
struct ImportBatch: Sendable {
    enum Item: Sendable {
        /// The next row of `rows`.
        case row(line: Int)
        case problem(RowProblem, line: Int)
        /// An optional field of the next row, left empty: stored beside the rejects.
        case warning(RowProblem, line: Int)
    }

    var rows = EncodedRows(reservingRows: FileReading.batchSize)
    var items: [Item] = []

    init() { items.reserveCapacity(FileReading.batchSize) }
}

/// What the header decided, for the import's summary and for naming the id column in conflicts.
struct HeaderOutcome: Sendable {
    var dropped: [String]
    var ignored: [String]
    var mapping: [(field: String, column: String)]
    var idColumn: String
    var idPosition: Int?
}

/// The reading half of an import: parses the file, maps columns, checks every row and turns
/// it into an `ImportBatch` item, on a thread of its own, sending batches to the SQLite thread.
///
/// Owned by the reading thread from `start` until it finishes the channel; `header` is written
/// before the first batch is sent and read by the receiver only after receiving, so the
/// channel's lock orders the two.
final class FileReading: @unchecked Sendable {
    static let batchSize = 2048
    static let batchesInFlight = 8

    private let source: any TableSource
    private let kind: ImportKind
    private let options: ImportOptions
    private let catalog: [Agency]
    private let dates: DateParser
    private let progress: ImportProgress?
    private(set) var header: HeaderOutcome?
    /// Agencies of the rows that passed the checks; read, like `header`, after the channel ends.
    /// An array: a file names one agency or a few, and their codes are the catalog's own
    /// strings, so comparing is cheaper than hashing on every row.
    private(set) var agencies: [String] = []
    /// What `--keep-going` skipped, for the summary; read, like `header`, after the channel ends.
    private(set) var skipped: [String] = []
    /// Ids of the store's id-less rows from before `RowIdentity`; set before `start`.
    var legacyIDs: Set<String> = []

    init(source: any TableSource, kind: ImportKind, options: ImportOptions, catalog: [Agency], progress: ImportProgress?) {
        self.source = source
        self.kind = kind
        self.options = options
        self.catalog = catalog
        dates = DateParser(order: options.dateOrder, acceptsSerial: source is XLSXReader)
        self.progress = progress
    }

    /// Reads on a thread of its own and hands each batch to `body` on this one, in file order.
    /// A failure in `body` or in the reading stops the reader before the error goes on: the
    /// import's batch then rolls back with no thread still reading.
    func forEachBatch(_ body: (ImportBatch) throws -> Void) throws {
        let channel = BatchChannel<ImportBatch>(capacity: Self.batchesInFlight)
        start(into: channel)
        defer {
            channel.cancel()
            channel.waitUntilFinished()
        }
        while let batch = try channel.receive() { try body(batch) }
    }

    /// Starts reading on a new thread; every outcome, an error included, ends in `channel.finish`.
    private func start(into channel: BatchChannel<ImportBatch>) {
        let thread = Thread { [self] in
            do {
                try read(into: channel)
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        thread.name = "skm-import-reader"
        thread.start()
    }

    private struct Cancelled: Error {}

    private func read(into channel: BatchChannel<ImportBatch>) throws {
        var pending = ImportBatch()
        var rowsRead = 0
        func rowDone() throws {  // counts it for the progress bar; sends the batch once full
            rowsRead += 1
            progress?.update(rows: rowsRead, bytes: source.progressBytes)
            if pending.items.count == Self.batchSize {
                guard channel.send(pending) else { throw Cancelled() }
                pending = ImportBatch()
            }
        }
        func seen(_ agency: String) {
            if !agencies.contains(agency) { agencies.append(agency) }
        }
        var add: ((SourceRow) throws(RowProblem) -> Void)?
        var lastLine = 1  // the header's, until a row is read
        // The byte path (RawRow.swift): a CSV row that is the plain common case is checked and
        // encoded from the read buffer; nil, or false for a row, and it is read as a `SourceRow`.
        var addRaw: ((RawRow) throws -> Bool)?
        let csv = source as? CSVReader
        csv?.offerRaw = { try addRaw?($0) ?? false }
        defer { csv?.offerRaw = nil }  // it holds this reading: a cycle, and the reader's file and buffer, until cut
        var limits: InputLimitCheck?
        let maxRows = options.maxRows
        /// `read` encodes a plain row and returns its agency, or nil to leave the row to `add`.
        func byteRows(_ read: @escaping (RawRow, inout EncodedRows) -> String?) -> (RawRow) throws -> Bool {
            { raw in
                if let m = maxRows, rowsRead >= m { return false }  // refused there
                guard limits!.fits(raw), let agency = read(raw, &pending.rows) else { return false }
                lastLine = raw.line
                seen(agency)
                pending.items.append(.row(line: raw.line))
                try rowDone()
                return true
            }
        }
        do {
            try source.read(header: { header in
                try InputLimitCheck.header(header, file: source.fileName)
                let plan = try ColumnPlan(header: header, kind: kind, overrides: options.columnMap, layout: options.layout,
                                          dateGiven: options.surveyDate != nil)
                let file = source.fileName
                if plan.index(.agency) == nil, options.agency == nil { throw ImportError.agencyRequired(file: file) }
                if plan.index(.service) == nil, options.service == nil { throw ImportError.serviceRequired(file: file) }
                let layout = options.layout
                self.header = HeaderOutcome(
                    dropped: plan.dropped, ignored: plan.ignored,
                    mapping: plan.columns.sorted { $0.value < $1.value }.map { field, col in
                        // A Google Forms question is a sentence: name the unsur, and the column by number.
                        var name = field.description
                        if case let .answer(u) = field { name += " " + layout.method.unsur[u].name }
                        return (name, header[col].count > 40 ? "column \(col + 1)" : header[col])
                    },
                    idColumn: plan.columnName(.id), idPosition: plan.index(.id).map { $0 + 1 })
                limits = InputLimitCheck(plan: plan)
                let ctx = RowContext(plan: plan, catalog: catalog, fixedAgency: options.agency, fixedService: options.service, dates: dates)
                switch kind {
                case .transactions:
                    let rows = TransactionRows(ctx: ctx)
                    if options.readsRawRows {
                        addRaw = byteRows { raw, encoded in rows.read(raw, into: &encoded) }
                    }
                    add = { row throws(RowProblem) in
                        let (t, day) = try rows.read(row)
                        seen(t.agency)
                        pending.rows.append(t, receivedDate: day)
                    }
                case .responses:
                    let identity = plan.index(.id) == nil ? RowIdentity(header: header, plan: plan, legacyIDs: self.legacyIDs) : nil
                    let rows = ResponseRows(ctx: ctx, method: layout.method, identity: identity, surveyDate: options.surveyDate)
                    if rows.takesRawRows, options.readsRawRows {
                        addRaw = byteRows { raw, encoded in rows.read(raw, into: &encoded) }
                    }
                    var warnings: [RowProblem] = []
                    add = { row throws(RowProblem) in
                        let r = try rows.read(row, warnings: &warnings)
                        seen(r.agency)
                        pending.rows.append(r)
                        if !warnings.isEmpty {
                            for w in warnings { pending.items.append(.warning(w, line: row.line)) }
                            warnings.removeAll()
                        }
                    }
                }
            }, row: { event in
                switch event {
                case let .row(r):
                    lastLine = r.line
                    if let m = options.maxRows, rowsRead >= m {
                        throw ImportError.tooLarge(file: source.fileName, .uploadRows(line: r.line))
                    }
                    do throws(RowProblem) {
                        if let p = limits!.problem(r) { throw p }
                        try add!(r)
                        pending.items.append(.row(line: r.line))
                    } catch {
                        pending.items.append(.problem(error, line: r.line))
                    }
                    try rowDone()
                case let .malformed(line, reason):
                    lastLine = line
                    pending.items.append(.problem(RowProblem(column: nil, value: nil, reason: reason), line: line))
                    try rowDone()
                case let .damaged(fault):
                    guard options.keepGoing else { throw ImportError.damaged(file: source.fileName, fault) }
                    lastLine = fault.through
                    skipped.append(fault.english)
                    pending.items.append(.problem(RowProblem(column: nil, value: nil, reason: fault.indonesian), line: fault.line))
                    try rowDone()
                }
            })
        } catch is Cancelled {
            return
        } catch let e as ImportError {
            throw e
        } catch {
            // The reader gave up mid-file (a damaged XLSX part, a missing shared string): with
            // --keep-going the rows before it stay, and the stop is a reject and a skipped entry.
            guard options.keepGoing, header != nil else { throw error }
            skipped.append("after row \(lastLine): \(error)")
            pending.items.append(.problem(RowProblem(column: nil, value: nil,
                                                     reason: "berkas rusak, sisanya tidak terbaca: \(error)"), line: lastLine + 1))
            rowsRead += 1
        }
        if !pending.items.isEmpty { _ = channel.send(pending) }
        progress?.finish()
    }
}
