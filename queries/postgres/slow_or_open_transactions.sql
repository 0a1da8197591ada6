-- name: slow_or_open_transactions
-- description: Transactions received in the period that took more than :days calendar days
-- description: (receipt day = day 0) or are still open after :days days on :as_of (default: the period's
-- description: last day). A screening list only: lateness against each service's promise (hari kerja,
-- description: holidays, pauses, variants) is judged by the compliance report, not here.
-- params: :period_start, :period_end, :agency, :days, :as_of
-- default: days = 14
-- (PostgreSQL variant of queries/slow_or_open_transactions.sql: SQLite's julianday and date functions)
WITH t AS (
    SELECT t.agency, t.id, t.service, t.received_date, t.finished_at, t.variant, t.channel,
           -- the local day of finishing, from the agency's fixed offset (WIB +7, WITA +8, WIT +9)
           CASE WHEN t.finished_at IS NULL THEN NULL
                ELSE to_char(to_timestamp(t.finished_at + 3600 * CASE a.time_zone WHEN 'WITA' THEN 8 WHEN 'WIT' THEN 9 ELSE 7 END)
                               AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS finished_date
    FROM service_transaction t LEFT JOIN agency a ON a.code = t.agency
    WHERE t.received_date BETWEEN :period_start AND :period_end
      AND (:agency IS NULL OR t.agency = :agency)
)
SELECT agency, id, service, variant, channel, received_date, finished_date,
       CASE WHEN finished_date IS NULL THEN 'open' ELSE 'finished' END AS status,
       CAST(COALESCE(finished_date, :as_of)::date - received_date::date AS INTEGER) AS days_elapsed
FROM t
WHERE COALESCE(finished_date, :as_of)::date - received_date::date > :days
ORDER BY days_elapsed DESC, agency, received_date, id;
