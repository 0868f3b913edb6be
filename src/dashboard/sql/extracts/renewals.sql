-- Labels held on the date that expire within $months months of it, soonest first; renew_by is
-- the last day the label can still be renewed after it expires (the label_renewal_grace rule,
-- as in attention.sql).
-- Reads from scope (scope.sql).
SELECT cluster_id, cluster, area_id, region, level, label, status, awarded_on,
       valid_until, days_left, score_pct, basis,
       label_provenance AS provenance, label_source_url AS source_url,
       CAST(valid_until + to_months(rule_value('label_renewal_grace')) AS DATE) AS renew_by
FROM scope
WHERE label IS NOT NULL AND level IS NOT NULL
  AND valid_until < $as_of + to_months($months)
ORDER BY valid_until, cluster
