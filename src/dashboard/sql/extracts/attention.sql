-- What needs attention on the date: labels expiring or expired, GCEs without Gold.
-- Continues the WITH of scope.sql.
, items AS (
    SELECT *, label AS shown, 'expiring' AS kind, NULL::DATE AS renew_by, 1 AS rank
    FROM scope WHERE level IS NOT NULL AND status = 'expiring'
    UNION ALL BY NAME
    SELECT *, last_label AS shown, 'expired' AS kind,
           CAST(valid_until + to_months(rule_value('label_renewal_grace')) AS DATE)
               AS renew_by,
           2 AS rank
    FROM scope
    WHERE level IS NOT NULL AND status = 'expired'
      AND valid_until + to_months(rule_value('label_renewal_grace')) >= $as_of
    UNION ALL BY NAME
    SELECT *, coalesce(label, last_label) AS shown, 'gce_without_gold' AS kind,
           NULL::DATE AS renew_by, 0 AS rank
    FROM scope WHERE level = 'GCE' AND label IS DISTINCT FROM 'Gold'
)
SELECT cluster_id, cluster, level, shown AS label, kind, valid_until, days_left, basis,
       renew_by
FROM items
ORDER BY rank, days_left NULLS LAST, cluster
