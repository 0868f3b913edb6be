-- Each published budget beside the money the register ties to clusters.
-- Reads from scope (scope.sql).
SELECT f.year, CAST(f.value AS BIGINT) AS budget_nok,
       CAST(coalesce(sum(m.amount_nok), 0) AS BIGINT) AS register_nok,
       count(DISTINCT m.cluster_id) AS clusters, f.source_url, f.note
FROM programme_figures AS f
LEFT JOIN funding AS m
  ON m.year = f.year AND m.funder NOT IN ('County', 'Other')  -- the programme's money
WHERE f.measure = 'budget_nok' AND f.year <= year($as_of)
GROUP BY ALL
ORDER BY f.year
