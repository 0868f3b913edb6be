-- Label status of each selected cluster on the date, what needs renewal first.
-- Reads from scope (scope.sql).
SELECT cluster_id, cluster, area_id, region, level, label, last_label, status,
       awarded_on, valid_until, days_left, score_pct, basis, confirmed_on,
       label_provenance AS provenance, label_source_url AS source_url
FROM scope
ORDER BY CASE status WHEN 'expiring' THEN 0 WHEN 'expired' THEN 1
                     WHEN 'active' THEN 2 ELSE 3 END,
         days_left NULLS LAST,
         CASE WHEN status = 'expired' THEN valid_until END DESC NULLS LAST,
         cluster
