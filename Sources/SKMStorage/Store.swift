import CSQLiteTuning
import Foundation
import GRDB

/// The embedded store: one SQLite file holding the catalog, transactions, responses,
/// import batches and rejects.
///
/// Every write that belongs together (one import, one catalog load) is one SQLite
/// transaction, so a crash or a kill leaves the file as it was before.
public final class Store: Sendable {
    /// The connection(s). Not public: nothing outside SKMStorage sees GRDB or SQLite, so
    /// that a second engine can implement `SurveyStore` (see SurveyStore.swift).
    let writer: any DatabaseWriter
    /// Path of the file, or ":memory:".
    public let path: String
    /// The catalog as last decoded (`DecodedAgencies`): the form and the API read it per request.
    let decodedAgencies = DecodedAgencies()

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        _ = Self.tuneSQLite
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.prepareDatabase { db in
            // 16 KB pages (SQLite's default is 4 KB): a quarter of the pages to split, write
            // and checkpoint in a bulk import, and longer runs for the reports' sequential
            // scans (docs/performance.md). Effective only on a new file (before WAL
            // mode is set, which GRDB does after this); an existing store keeps its size.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // FULL: a commit has reached the disk before it returns, so a response the server
            // acknowledged with 2xx survives a power cut. In WAL mode that is one sync of the
            // log per transaction: nothing for an import (one transaction), and what the
            // server's small writes must pay anyway.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            writer = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = path
        try Schema.migrator.migrate(writer)
    }

    /// How long a write waits for another process's write (typically `skm import` while
    /// `skm serve` runs) before failing with "database is locked". An import is one
    /// transaction and holds the lock throughout: 10⁶ rows take 1–2 s on the reference
    /// machine (README), so 30 s covers an import of tens of millions of rows while still
    /// failing, rather than hanging, when a process holds the lock for good.
    public static let busyTimeout: TimeInterval = 30

    /// Process-wide SQLite settings, made once before the first connection opens.
    private static let tuneSQLite: Void = { _ = skm_sqlite_disable_memstatus() }()

    /// A private in-memory store, for tests and dry runs.
    public init(inMemory: Void = ()) throws {
        _ = Self.tuneSQLite
        writer = try DatabaseQueue()
        path = ":memory:"
        try Schema.migrator.migrate(writer)
    }
}

extension Database {
    /// Throws `StoreError.unknownAgency` unless the catalog has `code`: what a token, a kiosk
    /// or a page is opened for must exist.
    func requireAgency(_ code: String) throws {
        guard try Bool.fetchOne(self, sql: "SELECT 1 FROM agency WHERE code = ?", arguments: [code]) ?? false else {
            throw StoreError.unknownAgency(code)
        }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case unknownAgency(String)
    case corrupt(table: String, key: String, reason: String)
    /// A statement of `query(sql:arguments:)` the database refused, with its message.
    case query(reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open store \(path): \(reason)"
        case let .unknownAgency(code): "unknown agency '\(code)': load the catalog first (skm init) or check the code"
        case let .corrupt(table, key, reason): "store table \(table), row \(key): \(reason)"
        case let .query(reason): reason
        }
    }
}
