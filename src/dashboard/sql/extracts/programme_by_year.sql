-- Clusters in the programme per year and level (the register's count).
-- Reads from scope (scope.sql).
SELECT y.year, y.level, count(DISTINCT y.cluster_id) AS clusters
FROM scope AS s JOIN cluster_year_level AS y USING (cluster_id)
WHERE y.year <= year($as_of)
GROUP BY ALL
ORDER BY ALL
