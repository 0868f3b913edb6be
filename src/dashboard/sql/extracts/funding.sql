-- Funding rows of the selected clusters up to the date's year.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, f.year, y.level,
       f.funder,
       f.amount_nok, f.provenance, f.source_url
FROM scope AS s
JOIN funding AS f USING (cluster_id)
LEFT JOIN cluster_year_level AS y ON y.cluster_id = f.cluster_id AND y.year = f.year
WHERE f.year <= year($as_of)
ORDER BY f.year, s.cluster, f.funder
