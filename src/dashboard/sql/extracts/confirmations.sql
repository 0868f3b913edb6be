-- Published statements that a selected cluster held a label.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, f.label, f.held_from, f.held_on,
       f.source_url, f.note, f.note_nb, f.note_en
FROM scope AS s JOIN label_confirmations AS f USING (cluster_id)
WHERE coalesce(f.held_from, f.held_on) <= $as_of
ORDER BY f.held_on DESC, s.cluster
