-- Funding per year, funder, level and opportunity area, with the clusters behind each sum.
-- Continues the WITH of scope.sql. Summed per cluster first, so the clusters are a plain count
-- (a count(DISTINCT) beside the sum made DuckDB aggregate twice).
, per_cluster AS (
    SELECT f.year, f.funder, y.level, s.area_id, f.provenance, s.cluster_id,
           sum(f.amount_nok) AS amount_nok
    FROM scope AS s
    JOIN funding AS f USING (cluster_id)
    LEFT JOIN cluster_year_level AS y ON y.cluster_id = f.cluster_id AND y.year = f.year
    WHERE f.year <= year($as_of)
    GROUP BY ALL
)
SELECT year, funder, level, area_id, provenance,
       CAST(sum(amount_nok) AS BIGINT) AS amount_nok, count(*) AS clusters
FROM per_cluster
GROUP BY ALL
ORDER BY ALL
