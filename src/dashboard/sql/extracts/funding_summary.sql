-- Funding per year, funder, level and opportunity area, with the clusters behind each sum.
-- Reads from scope (scope.sql). Funding's key is (cluster, year, funder), so within a year and
-- funder every row is another cluster: the clusters behind a sum are a plain count.
SELECT f.year, f.funder, f.level, s.area_id, f.provenance,
       CAST(sum(f.amount_nok) AS BIGINT) AS amount_nok, count(*) AS clusters
FROM scope AS s
JOIN funding_levels AS f USING (cluster_id)
WHERE f.year <= year($as_of)
GROUP BY ALL
ORDER BY ALL
