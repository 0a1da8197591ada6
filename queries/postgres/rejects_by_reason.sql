-- name: rejects_by_reason
-- description: Rows rejected by imports made during the period (by import date, UTC), grouped by
-- description: file, column and reason, with the first and last line and one example value.
-- description: With --agency, rejects tied to that agency and those tied to none.
-- params: :period_start, :period_end, :agency
-- (PostgreSQL variant of queries/rejects_by_reason.sql: SQLite's date functions)
SELECT b.file, b.kind, to_char(to_timestamp(b.imported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS imported_on,
       COALESCE(r.column_name, '') AS column_name, r.reason,
       COUNT(*) AS rows_rejected, MIN(r.line) AS first_line, MAX(r.line) AS last_line,
       MIN(r.value) AS example_value
FROM reject r JOIN import_batch b ON b.id = r.batch
WHERE to_char(to_timestamp(b.imported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') BETWEEN :period_start AND :period_end
  AND (:agency IS NULL OR r.agency = :agency OR r.agency IS NULL)
GROUP BY b.id, r.column_name, r.reason
ORDER BY b.id DESC, rows_rejected DESC, r.reason;
