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
        m.registerMigration("v4: answers in one column") { db in
            // Fourteen answer columns made every response 27 values for SQLite to bind, encode and
            // compare, and the responses import ran at SQLite's own limit; one text of digits is
            // faster to insert and to scan (docs/performance.md). The view `response_answer` gives the
            // a1…a14 columns back to SQL that wants them (queries/unsur_trend.sql).
            try db.execute(sql: """
                CREATE TABLE response_v4 (
                    agency TEXT NOT NULL,
                    id TEXT NOT NULL,
                    service TEXT NOT NULL,
                    date TEXT NOT NULL,
                    method TEXT NOT NULL,
                    answers TEXT NOT NULL,            -- one character per unsur in the method's order: 1–4, '-' unanswered
                    gender TEXT, age INTEGER, education TEXT, occupation TEXT,
                    saran TEXT,
                    transaction_id TEXT,
                    fingerprint INTEGER NOT NULL,
                    batch INTEGER NOT NULL,
                    PRIMARY KEY (agency, id)
                ) WITHOUT ROWID;
                INSERT INTO response_v4
                    SELECT agency, id, service, date, method,
                           RTRIM(COALESCE(a1, '-')||COALESCE(a2, '-')||COALESCE(a3, '-')||COALESCE(a4, '-')||COALESCE(a5, '-')||COALESCE(a6, '-')||COALESCE(a7, '-')||COALESCE(a8, '-')||COALESCE(a9, '-')||COALESCE(a10, '-')||COALESCE(a11, '-')||COALESCE(a12, '-')||COALESCE(a13, '-')||COALESCE(a14, '-'), '-'),
                           gender, age, education, occupation, saran, transaction_id, fingerprint, batch
                    FROM response;
                DROP TABLE response;
                ALTER TABLE response_v4 RENAME TO response;
                CREATE VIEW response_answer AS
                    SELECT agency, id, service, date, method,
                    CASE WHEN substr(answers, 1, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 1, 1) AS INTEGER) END AS a1,
                    CASE WHEN substr(answers, 2, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 2, 1) AS INTEGER) END AS a2,
                    CASE WHEN substr(answers, 3, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 3, 1) AS INTEGER) END AS a3,
                    CASE WHEN substr(answers, 4, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 4, 1) AS INTEGER) END AS a4,
                    CASE WHEN substr(answers, 5, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 5, 1) AS INTEGER) END AS a5,
                    CASE WHEN substr(answers, 6, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 6, 1) AS INTEGER) END AS a6,
                    CASE WHEN substr(answers, 7, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 7, 1) AS INTEGER) END AS a7,
                    CASE WHEN substr(answers, 8, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 8, 1) AS INTEGER) END AS a8,
                    CASE WHEN substr(answers, 9, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 9, 1) AS INTEGER) END AS a9,
                    CASE WHEN substr(answers, 10, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 10, 1) AS INTEGER) END AS a10,
                    CASE WHEN substr(answers, 11, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 11, 1) AS INTEGER) END AS a11,
                    CASE WHEN substr(answers, 12, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 12, 1) AS INTEGER) END AS a12,
                    CASE WHEN substr(answers, 13, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 13, 1) AS INTEGER) END AS a13,
                    CASE WHEN substr(answers, 14, 1) BETWEEN '1' AND '4' THEN CAST(substr(answers, 14, 1) AS INTEGER) END AS a14
                    FROM response;
                """)
        }
        m.registerMigration("v5: token expiry and last use") { db in
            // Both nullable: existing tokens never expire and have no recorded use.
            try db.execute(sql: """
                ALTER TABLE api_token ADD COLUMN expires_at INTEGER;
                ALTER TABLE api_token ADD COLUMN last_used_at INTEGER;
                """)
        }
        m.registerMigration("v6: the kiosk's questionnaire layout") { db in
            // The survey form asks the unsur in the order of the office's paper questionnaire:
            // 'regulation' (U8 Pengaduan, U9 Sarana) or 'sample-form' (Sarana 8th, Pengaduan 9th).
            try db.execute(sql: "ALTER TABLE kiosk_agency ADD COLUMN layout TEXT NOT NULL DEFAULT 'regulation'")
        }
        m.registerMigration("v7: rejects keep a column position, a bounded name and a kind") { db in
            // A reject used to repeat its column's whole header name, so a file with a huge header
            // and many bad rows stored the header again per row; warnings (a stored row with an
            // optional field left empty) were told apart only by their reason's prefix.
            try db.execute(sql: """
                ALTER TABLE reject ADD COLUMN position INTEGER;  -- the column's 1-based position
                ALTER TABLE reject ADD COLUMN kind TEXT NOT NULL DEFAULT 'reject' CHECK (kind IN ('reject', 'warning'));
                UPDATE reject SET kind = 'warning' WHERE reason LIKE 'peringatan (baris tetap disimpan): %';
                UPDATE reject SET column_name = substr(column_name, 1, 63) || '…' WHERE length(column_name) > 64;
                UPDATE reject SET value = substr(value, 1, 199) || '…' WHERE length(value) > 200;
                """)
        }
        m.registerMigration("v8: publication switch") { db in
            // Agencies whose results page (/p/{agency}) is public; off by default, like the kiosk.
            try db.execute(sql: """
                CREATE TABLE published_agency (
                    agency TEXT PRIMARY KEY,
                    published_at INTEGER NOT NULL
                );
                """)
        }
        m.registerMigration("v9: population") { db in
            // Populations an office states when it keeps no transaction register; the period as
            // written ('2025-S1'), so a figure applies to exactly that period.
            try db.execute(sql: """
                CREATE TABLE population (
                    agency TEXT NOT NULL,
                    service TEXT NOT NULL,
                    period TEXT NOT NULL,
                    count INTEGER NOT NULL CHECK (count > 0),
                    PRIMARY KEY (agency, service, period)
                )
                """)
        }
        m.registerMigration("v10: rejects by file") { db in
            // Every import first drops its file's earlier rejects (ImportWriter). Without this
            // index that probed every batch of the kind, so each survey-form submission (one
            // batch) cost more than the one before.
            try db.execute(sql: "CREATE INDEX reject_by_file ON reject(file)")
        }
        m.registerMigration("v11: catalog version") { db in
            // PRAGMA user_version counts catalog changes (Store.saveCatalog); a store that has a
            // catalog starts at 1 so that its agencies can be kept decoded from the first read.
            try Store.bumpCatalogVersion(db)
        }
        m.registerMigration("v12: data changes") { db in
            // What may have changed an agency's figures, for servers that keep them computed
            // (DataChange.swift). AUTOINCREMENT: a row is replaced by a newer one with the same
            // days, and a reused number would hide the newer change from a server that saw the old.
            try db.execute(sql: """
                CREATE TABLE data_change (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    agency TEXT,
                    first_day TEXT NOT NULL,
                    last_day TEXT NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX data_change_by_span ON data_change(agency, kind, first_day, last_day)")
        }
        m.registerMigration("v13: kept figures") { db in
            // What `skm score` and `skm compliance` computed, for their next run
            // (KeptFiguresRow.swift); guarded by the change log above.
            try db.execute(sql: """
                CREATE TABLE kept_figures (
                    key TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL,
                    until_instant INTEGER,
                    build TEXT NOT NULL,
                    body TEXT NOT NULL,
                    kept_at INTEGER NOT NULL
                )
                """)
        }
        return m
    }
}
