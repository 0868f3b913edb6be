-- Funding per year, funder, level and opportunity area.
-- Reads from scope (scope.sql).
SELECT f.year, f.funder, y.level, s.area_id, f.provenance,
       CAST(sum(f.amount_nok) AS BIGINT) AS amount_nok,
       count(DISTINCT s.cluster_id) AS clusters
FROM scope AS s
JOIN funding AS f USING (cluster_id)
LEFT JOIN cluster_year_level AS y ON y.cluster_id = f.cluster_id AND y.year = f.year
WHERE f.year <= year($as_of)
GROUP BY ALL
ORDER BY ALL
