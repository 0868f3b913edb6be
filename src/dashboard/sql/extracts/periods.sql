-- Level periods of the selected clusters that started by the date.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.region, p.level, p.start_date, p.end_date,
       p.end_rule, p.provenance, p.source_url, p.note, p.note_nb, p.note_en
FROM scope AS s JOIN programme_periods AS p USING (cluster_id)
WHERE p.start_date <= $as_of
ORDER BY s.cluster, p.start_date
