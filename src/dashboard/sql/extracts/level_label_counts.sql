-- Clusters in the programme on the date per level and label held (none: NULL), for the
-- overview's counts.
-- Reads from scope (scope.sql).
SELECT level, label, count(*) AS clusters
FROM scope WHERE level IS NOT NULL
GROUP BY ALL ORDER BY ALL
