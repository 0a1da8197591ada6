import PostgresNIO
import SKMStorage

/// SQLite's kept figures (Sources/SKMStorage/KeptFiguresRow.swift): one shared table, so a
/// command run from any machine finds what another computed, guarded by the shared change log.
extension PostgresStore {
    public func keptFigures(key: String) throws -> KeptFiguresRow? {
        try read { s in
            try s.rows("SELECT seq, until_instant, build, body FROM kept_figures WHERE key = $1", [Bind.text(key)]).first.map {
                KeptFiguresRow(seq: try $0.int(0) ?? 0, until: try $0.int(1), build: try $0.string(2), body: try $0.string(3))
            }
        }
    }

    public func keepFigures(key: String, _ row: KeptFiguresRow, now: Int64) throws {
        try write { s in
            _ = try s.execute("""
                INSERT INTO kept_figures (key, seq, until_instant, build, body, kept_at) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (key) DO UPDATE SET seq = excluded.seq, until_instant = excluded.until_instant,
                    build = excluded.build, body = excluded.body, kept_at = excluded.kept_at
                """, [Bind.text(key), Bind.int(row.seq), Bind.int(row.until), Bind.text(row.build), Bind.text(row.body), Bind.int(now)])
        }
    }
}
