-- What needs attention on the date: labels expiring or expired, and clusters without the label
-- their level requires (data/level_requirements.csv).
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
    SELECT s.*, coalesce(s.label, s.last_label) AS shown, 'required_label' AS kind,
           NULL::DATE AS renew_by, 0 AS rank, r.label AS required_label
    FROM scope AS s JOIN level_requirements AS r USING (level)
    WHERE coalesce(label_rank(s.label), 0) < label_rank(r.label)
)
SELECT cluster_id, cluster, level, shown AS label, kind, required_label, valid_until,
       days_left, basis, renew_by
FROM items
ORDER BY rank, days_left NULLS LAST, cluster
