import SKMDomain
import SKMStorage

extension Importer {
    /// Reads `file` as an import would — parsed, checked, its good rows encoded for the store —
    /// and hands each batch of encoded rows to `body`; no store is touched, rejects are dropped.
    ///
    /// For `skm bench`: dropping the batches times the reading half of an import alone; keeping
    /// them and storing them times the store's half alone, with the file's own rows — its dates
    /// spread over the year, its ids as written — rather than made-up rows, which the store's
    /// indexes take more cheaply (docs/performance.md).
    public static func readAlone(_ kind: ImportKind, file: String, catalog: [Agency], options: ImportOptions = .init(),
                                 _ body: (EncodedRows) throws -> Void) throws {
        let source = try openTable(path: file, sheet: options.sheet)
        let reading = FileReading(source: source, kind: kind, options: options, catalog: catalog, progress: nil)
        try reading.forEachBatch { try body($0.rows) }
    }
}

