-- name: services_without_enough_respondents
-- description: Services whose SKM respondents in the period are fewer than the Krejcie–Morgan
-- description: minimum for their population (the transactions received in the period), with the shortfall.
-- description: Catalog services with no data at all are listed too (population 0 needs no sample).
-- params: :period_start, :period_end, :agency
WITH services AS (
    SELECT agency, code AS service FROM service WHERE (:agency IS NULL OR agency = :agency)
    UNION
    SELECT agency, service FROM service_transaction
    WHERE received_date BETWEEN :period_start AND :period_end AND (:agency IS NULL OR agency = :agency)
    UNION
    SELECT agency, service FROM response
    WHERE date BETWEEN :period_start AND :period_end AND (:agency IS NULL OR agency = :agency)
), counted AS (
    SELECT s.agency, s.service,
           (SELECT name FROM service c WHERE c.agency = s.agency AND c.code = s.service
            ORDER BY valid_from DESC LIMIT 1) AS name,
           (SELECT COUNT(*) FROM service_transaction t WHERE t.agency = s.agency AND t.service = s.service
            AND t.received_date BETWEEN :period_start AND :period_end) AS population,
           (SELECT COUNT(*) FROM response r WHERE r.agency = s.agency AND r.service = s.service
            AND r.date BETWEEN :period_start AND :period_end) AS respondents
    FROM services s
), judged AS (
    -- Krejcie & Morgan (1970): S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), χ² = 3.841, P = 0.5, d = 0.05,
    -- rounded to the nearest whole number (SQLite's ROUND rounds halves away from zero, like the table).
    SELECT *, CASE WHEN population = 0 THEN 0
                   ELSE CAST(ROUND(3.841 * population * 0.25 / (0.0025 * (population - 1) + 3.841 * 0.25)) AS INTEGER)
              END AS required
    FROM counted
)
SELECT agency, service, name, population, respondents, required, required - respondents AS shortfall
FROM judged
WHERE respondents < required
ORDER BY agency, shortfall DESC, service;
