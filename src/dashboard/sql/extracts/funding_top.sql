-- The 20 clusters with the most funding up to the date, by provenance.
-- Continues the WITH of scope.sql.
, totals AS (
    SELECT s.cluster_id, sum(f.amount_nok) AS total
    FROM scope AS s JOIN funding AS f USING (cluster_id)
    WHERE f.year <= year($as_of)
    GROUP BY ALL ORDER BY total DESC, s.cluster_id LIMIT 20
)
SELECT s.cluster_id, s.cluster, f.provenance, CAST(sum(f.amount_nok) AS BIGINT) AS amount_nok
FROM scope AS s
JOIN totals USING (cluster_id)
JOIN funding AS f USING (cluster_id)
WHERE f.year <= year($as_of)
GROUP BY ALL
ORDER BY any_value(totals.total) DESC, s.cluster_id, f.provenance
