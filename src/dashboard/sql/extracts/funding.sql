-- Funding rows of the selected clusters up to the date's year, with the level each held then.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, f.year, f.level,
       f.funder, f.amount_nok, f.provenance, f.source_url
FROM scope AS s
JOIN funding_levels AS f USING (cluster_id)
WHERE f.year <= year($as_of)
ORDER BY f.year, s.cluster, f.funder
