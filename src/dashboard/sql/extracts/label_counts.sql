-- Labels held on the date per opportunity area.
-- Reads from scope (scope.sql).
SELECT area_id, label, count(*) AS clusters
FROM scope WHERE label IS NOT NULL
GROUP BY ALL ORDER BY ALL
