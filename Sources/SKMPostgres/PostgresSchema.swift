/// PostgreSQL's schema, versioned like SQLite's (Sources/SKMStorage/Schema.swift): each
/// migration runs once, in its own transaction, and is recorded by number and name in
/// `schema_migrations`. Never edit a registered migration: add a new one.
///
/// It starts where SQLite's v1…v6 ended (answers as one text, no date indexes, tokens with
/// expiry and last use, the kiosk's layout), with the same tables, columns and meanings, so
/// that `queries/` and the reads are the same SQL where the dialects agree. Text is `COLLATE
/// "C"`: ordered and grouped by bytes, as SQLite's BINARY collation does, so lists come out in
/// the same order on both stores whatever the server's locale.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "catalog, transactions, responses, imports, rejects", sql: """
            CREATE TABLE agency (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                region TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                decree_number TEXT NOT NULL,
                decree_date TEXT NOT NULL,
                definition TEXT NOT NULL
            );
            CREATE TABLE service (
                agency TEXT NOT NULL REFERENCES agency(code),
                code TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                name TEXT NOT NULL,
                promise_text TEXT NOT NULL,
                PRIMARY KEY (agency, code, valid_from)
            );
            CREATE TABLE holiday (
                date TEXT NOT NULL,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                source TEXT NOT NULL,
                agency TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (date, kind, agency)
            );
            CREATE TABLE import_batch (
                id BIGSERIAL PRIMARY KEY,
                kind TEXT NOT NULL,
                file TEXT NOT NULL,
                imported_at BIGINT NOT NULL,
                rows_read BIGINT NOT NULL DEFAULT 0,
                rows_inserted BIGINT NOT NULL DEFAULT 0,
                rows_unchanged BIGINT NOT NULL DEFAULT 0,
                rows_updated BIGINT NOT NULL DEFAULT 0,
                rows_rejected BIGINT NOT NULL DEFAULT 0
            );
            CREATE TABLE service_transaction (
                agency TEXT NOT NULL,
                id TEXT NOT NULL,
                service TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                finished_at BIGINT,
                received_date TEXT NOT NULL,
                variant TEXT,
                pauses TEXT,
                channel TEXT,
                fingerprint BIGINT NOT NULL,
                batch BIGINT NOT NULL,
                PRIMARY KEY (agency, id)
            );
            CREATE TABLE response (
                agency TEXT NOT NULL,
                id TEXT NOT NULL,
                service TEXT NOT NULL,
                date TEXT NOT NULL,
                method TEXT NOT NULL,
                answers TEXT NOT NULL,
                gender TEXT, age BIGINT, education TEXT, occupation TEXT,
                saran TEXT,
                transaction_id TEXT,
                fingerprint BIGINT NOT NULL,
                batch BIGINT NOT NULL,
                PRIMARY KEY (agency, id)
            );
            CREATE TABLE reject (
                id BIGSERIAL PRIMARY KEY,
                batch BIGINT NOT NULL REFERENCES import_batch(id),
                agency TEXT,
                file TEXT NOT NULL,
                line BIGINT NOT NULL,
                column_name TEXT,
                value TEXT,
                reason TEXT NOT NULL
            );
            CREATE INDEX reject_by_batch ON reject(batch);
            CREATE VIEW response_answer AS
                SELECT agency, id, service, date, method,
            \((1...14).map { "    CASE WHEN substr(answers, \($0), 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, \($0), 1) AS INTEGER) END AS a\($0)" }.joined(separator: ",\n"))
                FROM response;
            """),
        Migration(version: 2, name: "api tokens and kiosks", sql: """
            CREATE TABLE api_token (
                id BIGSERIAL PRIMARY KEY,
                secret_sha256 TEXT NOT NULL UNIQUE,
                agency TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('officer', 'reader')),
                label TEXT,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT,
                expires_at BIGINT,
                last_used_at BIGINT
            );
            CREATE TABLE kiosk_agency (
                agency TEXT PRIMARY KEY,
                opened_at BIGINT NOT NULL,
                layout TEXT NOT NULL DEFAULT 'regulation'
            );
            """),
        // SQLite's v7…v9 (Sources/SKMStorage/Schema.swift), in one step: this store had no rows
        // to carry over when they were written.
        Migration(version: 3, name: "reject position and kind, publication switch, population", sql: """
            ALTER TABLE reject ADD COLUMN position BIGINT;
            ALTER TABLE reject ADD COLUMN kind TEXT NOT NULL DEFAULT 'reject' CHECK (kind IN ('reject', 'warning'));
            CREATE TABLE published_agency (
                agency TEXT PRIMARY KEY,
                published_at BIGINT NOT NULL
            );
            CREATE TABLE population (
                agency TEXT NOT NULL,
                service TEXT NOT NULL,
                period TEXT NOT NULL,
                count BIGINT NOT NULL CHECK (count > 0),
                PRIMARY KEY (agency, service, period)
            );
            """),
        // SQLite's v10: an import's first statement finds its file's earlier rejects by name.
        Migration(version: 4, name: "rejects by file", sql: """
            CREATE INDEX reject_by_file ON reject(file);
            """),
        // SQLite's v12: what may have changed an agency's figures (PostgresChanges.swift).
        Migration(version: 5, name: "data changes", sql: """
            CREATE TABLE data_change (
                seq BIGSERIAL PRIMARY KEY,
                kind TEXT NOT NULL,
                agency TEXT,
                first_day TEXT NOT NULL,
                last_day TEXT NOT NULL
            );
            CREATE INDEX data_change_by_span ON data_change(agency, kind, first_day, last_day);
            """),
        // SQLite's v13: what `skm score` and `skm compliance` computed (KeptFiguresRow.swift).
        Migration(version: 6, name: "kept figures", sql: """
            CREATE TABLE kept_figures (
                key TEXT PRIMARY KEY,
                seq BIGINT NOT NULL,
                until_instant BIGINT,
                build TEXT NOT NULL,
                body TEXT NOT NULL,
                kept_at BIGINT NOT NULL
            );
            """),
    ]

    /// Brings the database up to date. Two processes starting at once (two servers) take
    /// turns through an advisory lock; the second finds the work done.
    static func migrate(_ s: PostgresSession) throws {
        try s.transaction {
            try s.execute("SELECT pg_advisory_xact_lock(\(advisoryLock))")
            try s.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """)
            let applied = Set(try s.rows("SELECT version FROM schema_migrations").map { try $0.integer(0) })
            for m in migrations where !applied.contains(Int64(m.version)) {
                do {
                    try s.script(collated(m.sql))
                } catch {
                    throw PostgresStoreError.migration("v\(m.version): \(m.name)", reason: "\(error)")
                }
                try s.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                              [Bind.int(m.version), Bind.text(m.name), Bind.int(Int64(Date().timeIntervalSince1970))])
            }
        }
    }

    /// Every `TEXT` column of a migration, byte-ordered (see above).
    static func collated(_ sql: String) -> String {
        sql.replacingOccurrences(of: " TEXT", with: " TEXT COLLATE \"C\"")
    }

    /// An arbitrary key for `pg_advisory_xact_lock`, "skm" in ASCII.
    static let advisoryLock = 0x736B6D
}

import Foundation
