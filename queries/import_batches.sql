-- name: import_batches
-- description: Imports made during the period (by import date, UTC): file, kind and what happened
-- description: to its rows (inserted, unchanged, updated, rejected). Not filtered by agency.
-- params: :period_start, :period_end
SELECT id AS batch, kind, file, datetime(imported_at, 'unixepoch') AS imported_at_utc,
       rows_read, rows_inserted, rows_unchanged, rows_updated, rows_rejected
FROM import_batch
WHERE date(imported_at, 'unixepoch') BETWEEN :period_start AND :period_end
ORDER BY id DESC;
