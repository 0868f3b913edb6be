-- Every label award of the selected clusters up to the date.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.region, s.level, a.label, a.awarded_on,
       a.valid_until, a.score_pct,
       CASE WHEN a.validity_rule IS NULL OR a.date_precision = 'derived'
            THEN 'published' ELSE 'rule' END AS basis,
       CASE WHEN a.valid_until < $as_of THEN 'expired'
            WHEN a.valid_until - $as_of <= rule_value('alert_horizon') THEN 'expiring'
            ELSE 'valid' END AS state,
       a.provenance, a.source_url, a.note, a.note_nb, a.note_en
FROM scope AS s JOIN certifications AS a USING (cluster_id)
WHERE a.awarded_on <= $as_of
ORDER BY s.cluster, a.awarded_on
