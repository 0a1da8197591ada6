import GRDB
import GRDBSQLite

/// Figures a command computed and left in the store for its next run, with what guards them
/// (`Sources/SKMReports/KeptFigures.swift` decides when they may be served). The store only
/// keeps the text; what it means and whether it is still true is decided above it.
public struct KeptFiguresRow: Sendable, Equatable {
    /// The change log's newest number read *before* the figures were computed (`latestChange`).
    public var seq: Int64
    /// The instant from which the figures no longer hold without new data (an open file passes
    /// its deadline); nil: until the data changes.
    public var until: Int64?
    /// Which build of skm computed them (`KeptFigures.thisBuild`): one row per key, so a new
    /// build's figures replace the old build's instead of piling up beside them.
    public var build: String
    /// The figures, as JSON.
    public var body: String

    public init(seq: Int64, until: Int64?, build: String, body: String) {
        self.seq = seq
        self.until = until
        self.build = build
        self.body = body
    }
}

extension Store {
    public func keptFigures(key: String) throws -> KeptFiguresRow? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, until_instant, build, body FROM kept_figures WHERE key = ?", arguments: [key])
                .map { KeptFiguresRow(seq: $0[0], until: $0[1], build: $0[2], body: $0[3]) }
        }
    }

    /// One row per key, replaced: the newest computation is the one worth keeping.
    ///
    /// One try, no waiting: while another process imports, SQLite's one write lock is taken
    /// for the whole import, and a command that has its figures must not wait for it (up to
    /// `busyTimeout`) only to keep them. It throws "database is locked" instead; the figures
    /// are printed either way and kept by a later run. One statement, so no transaction.
    public func keepFigures(key: String, _ row: KeptFiguresRow, now: Int64) throws {
        try writer.writeWithoutTransaction { db in
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, CInt(Self.busyTimeout * 1000)) }
            try db.execute(sql: """
                INSERT INTO kept_figures (key, seq, until_instant, build, body, kept_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, until_instant = excluded.until_instant,
                    build = excluded.build, body = excluded.body, kept_at = excluded.kept_at
                """, arguments: [key, row.seq, row.until, row.build, row.body, now])
        }
    }
}
