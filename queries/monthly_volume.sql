-- name: monthly_volume
-- description: Transactions received, finished and still open, and SKM responses collected,
-- description: per agency, service and month of the period.
-- params: :period_start, :period_end, :agency
WITH tx AS (
    SELECT agency, service, substr(received_date, 1, 7) AS month,
           COUNT(*) AS received,
           COUNT(finished_at) AS finished,
           COUNT(*) - COUNT(finished_at) AS still_open,
           0 AS responses
    FROM service_transaction
    WHERE received_date BETWEEN :period_start AND :period_end
      AND (:agency IS NULL OR agency = :agency)
    GROUP BY agency, service, month
), rs AS (
    SELECT agency, service, substr(date, 1, 7) AS month, 0, 0, 0, COUNT(*) AS responses
    FROM response
    WHERE date BETWEEN :period_start AND :period_end
      AND (:agency IS NULL OR agency = :agency)
    GROUP BY agency, service, month
)
SELECT agency, service, month,
       -- CAST: PostgreSQL sums integers as numeric; portable SQL, one file for both stores
       CAST(SUM(received) AS INTEGER) AS received, CAST(SUM(finished) AS INTEGER) AS finished,
       CAST(SUM(still_open) AS INTEGER) AS still_open, CAST(SUM(responses) AS INTEGER) AS responses
FROM (SELECT * FROM tx UNION ALL SELECT * FROM rs) AS volume
GROUP BY agency, service, month
ORDER BY agency, service, month;
