-- The funding of the selected clusters per year and funder up to the date's year, and for each
-- year a cluster was in the programme with no funding recorded a row with an empty funder and
-- amount (unknown, never a zero).
-- Continues the WITH of scope.sql; in the compare page's order of the clusters, else by name.
, money AS (
    SELECT f.cluster_id, f.year, f.funder, f.amount_nok, f.provenance, f.source_url
    FROM funding AS f JOIN scope USING (cluster_id)
    WHERE f.year <= year($as_of)
),
unknown AS (
    SELECT y.cluster_id, y.year FROM cluster_year_level AS y JOIN scope USING (cluster_id)
    WHERE y.year <= year($as_of)
    EXCEPT
    SELECT cluster_id, year FROM money
),
rows AS (
    SELECT * FROM money
    UNION ALL BY NAME
    SELECT cluster_id, year FROM unknown
)
SELECT s.cluster_id, s.cluster, r.year, l.level, r.funder, r.amount_nok, r.provenance,
       r.source_url
FROM scope AS s
JOIN rows AS r USING (cluster_id)
LEFT JOIN cluster_year_level AS l ON l.cluster_id = r.cluster_id AND l.year = r.year
ORDER BY list_position($clusters, s.cluster_id), s.cluster, r.year, r.funder
