import GRDB

/// Versioned schema. Never edit a registered migration: add a new one.
///
/// Dates that officers filter on are stored as local `YYYY-MM-DD` text (readable in the
/// named SQL reports of `queries/`); instants are UTC seconds since 1970.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: catalog, transactions, responses, imports, rejects") { db in
            try db.execute(sql: """
                CREATE TABLE agency (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    region TEXT NOT NULL,
                    time_zone TEXT NOT NULL,
                    decree_number TEXT NOT NULL,
                    decree_date TEXT NOT NULL,
                    definition TEXT NOT NULL          -- the whole Agency as JSON, as loaded
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
                    agency TEXT NOT NULL DEFAULT '',   -- '' = national; else that agency's closure
                    PRIMARY KEY (date, kind, agency)
                );
                CREATE TABLE import_batch (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,               -- transactions | responses
                    file TEXT NOT NULL,
                    imported_at INTEGER NOT NULL,
                    rows_read INTEGER NOT NULL DEFAULT 0,
                    rows_inserted INTEGER NOT NULL DEFAULT 0,
                    rows_unchanged INTEGER NOT NULL DEFAULT 0,
                    rows_updated INTEGER NOT NULL DEFAULT 0,
                    rows_rejected INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE service_transaction (
                    agency TEXT NOT NULL,
                    id TEXT NOT NULL,
                    service TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    received_date TEXT NOT NULL,      -- local day of receipt
                    variant TEXT,
                    pauses TEXT,                      -- "start-end;start-end" in UTC seconds
                    channel TEXT,
                    fingerprint INTEGER NOT NULL,     -- detects a changed row under the same id
                    batch INTEGER NOT NULL,
                    PRIMARY KEY (agency, id)
                ) WITHOUT ROWID;
                CREATE INDEX service_transaction_by_date ON service_transaction(agency, received_date);
                CREATE TABLE response (
                    agency TEXT NOT NULL,
                    id TEXT NOT NULL,
                    service TEXT NOT NULL,
                    date TEXT NOT NULL,
                    method TEXT NOT NULL,
                    a1 INTEGER, a2 INTEGER, a3 INTEGER, a4 INTEGER, a5 INTEGER, a6 INTEGER, a7 INTEGER,
                    a8 INTEGER, a9 INTEGER, a10 INTEGER, a11 INTEGER, a12 INTEGER, a13 INTEGER, a14 INTEGER,
                    gender TEXT, age INTEGER, education TEXT, occupation TEXT,
                    saran TEXT,
                    transaction_id TEXT,
                    fingerprint INTEGER NOT NULL,
                    batch INTEGER NOT NULL,
                    PRIMARY KEY (agency, id)
                ) WITHOUT ROWID;
                CREATE INDEX response_by_date ON response(agency, date);
                CREATE TABLE reject (
                    id INTEGER PRIMARY KEY,
                    batch INTEGER NOT NULL REFERENCES import_batch(id),
                    agency TEXT,                      -- when the row named a known agency
                    file TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    column_name TEXT,
                    value TEXT,
                    reason TEXT NOT NULL
                );
                CREATE INDEX reject_by_batch ON reject(batch);
                """)
        }
        m.registerMigration("v2: api tokens") { db in
            try db.execute(sql: """
                CREATE TABLE api_token (
                    id INTEGER PRIMARY KEY,
                    secret_sha256 TEXT NOT NULL UNIQUE,  -- hex digest; the secret is never stored
                    agency TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('officer', 'reader')),
                    label TEXT,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE kiosk_agency (           -- survey submission open without a token
                    agency TEXT PRIMARY KEY,
                    opened_at INTEGER NOT NULL
                );
                """)
        }
        m.registerMigration("v3: drop the date indexes") { db in
            // Reads scan an agency's rows in key order (see Reads.swift), so these indexes were
            // never used by a report, and every imported row paid for a second B-tree insert.
            try db.execute(sql: """
                DROP INDEX service_transaction_by_date;
                DROP INDEX response_by_date;
                """)
        }
        return m
    }

    /// Answer columns a1…a14, in the method's unsur order.
    static let answerColumns = (1...14).map { "a\($0)" }
}
