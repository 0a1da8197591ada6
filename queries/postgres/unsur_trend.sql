-- name: unsur_trend
-- description: Monthly NRR of each of the nine unsur (PermenPANRB 14/2017, regulation order:
-- description: U8 Pengaduan, U9 Sarana) and the IKM ×25 with exact 1/9 weights, per agency.
-- description: An unsur nobody answered that month is NULL and the IKM then averages the others.
-- params: :period_start, :period_end, :agency
-- (PostgreSQL variant of queries/unsur_trend.sql: averages in float8 as SQLite's AVG, booleans counted as integers)
WITH m AS (
    SELECT agency, substr(date, 1, 7) AS month, COUNT(*) AS respondents,
           AVG(a1::float8) AS u1, AVG(a2::float8) AS u2, AVG(a3::float8) AS u3, AVG(a4::float8) AS u4, AVG(a5::float8) AS u5,
           AVG(a6::float8) AS u6, AVG(a7::float8) AS u7, AVG(a8::float8) AS u8, AVG(a9::float8) AS u9
    FROM response_answer  -- the answers text as columns a1…a14 (see Schema.swift, v4)
    WHERE method = 'permenpanrb-14-2017'
      AND date BETWEEN :period_start AND :period_end
      AND (:agency IS NULL OR agency = :agency)
    GROUP BY agency, month
)
SELECT agency, month, respondents,
       u1 AS u1_persyaratan, u2 AS u2_prosedur, u3 AS u3_waktu, u4 AS u4_biaya, u5 AS u5_produk,
       u6 AS u6_kompetensi, u7 AS u7_perilaku, u8 AS u8_pengaduan, u9 AS u9_sarana,
       25.0 * (COALESCE(u1, 0) + COALESCE(u2, 0) + COALESCE(u3, 0) + COALESCE(u4, 0) + COALESCE(u5, 0)
             + COALESCE(u6, 0) + COALESCE(u7, 0) + COALESCE(u8, 0) + COALESCE(u9, 0))
         / NULLIF((u1 IS NOT NULL)::int + (u2 IS NOT NULL)::int + (u3 IS NOT NULL)::int + (u4 IS NOT NULL)::int + (u5 IS NOT NULL)::int
                + (u6 IS NOT NULL)::int + (u7 IS NOT NULL)::int + (u8 IS NOT NULL)::int + (u9 IS NOT NULL)::int, 0) AS ikm_converted
FROM m
ORDER BY agency, month;
