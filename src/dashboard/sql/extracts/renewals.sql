-- Labels held on the date that expire within $months months of it, soonest first.
-- Reads from scope (scope.sql).
SELECT cluster_id, cluster, area_id, region, level, label, status, awarded_on,
       valid_until, days_left, score_pct, basis,
       label_provenance AS provenance, label_source_url AS source_url
FROM scope
WHERE label IS NOT NULL AND level IS NOT NULL
  AND valid_until < $as_of + to_months($months)
ORDER BY valid_until, cluster
