-- name: import_batches
-- description: Imports made during the period (by import date, UTC): file, kind and what happened
-- description: to its rows (inserted, unchanged, updated, rejected). Not filtered by agency.
-- params: :period_start, :period_end
-- (PostgreSQL variant of queries/import_batches.sql: SQLite's date functions)
SELECT id AS batch, kind, file, to_char(to_timestamp(imported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS imported_at_utc,
       rows_read, rows_inserted, rows_unchanged, rows_updated, rows_rejected
FROM import_batch
WHERE to_char(to_timestamp(imported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') BETWEEN :period_start AND :period_end
ORDER BY id DESC;
