-- The latest published member count of each selected cluster up to the date.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, s.level,
       arg_max(r.value, r.year) AS value, max(r.year) AS year,
       arg_max(r.provenance, r.year) AS provenance,
       arg_max(r.source_url, r.year) AS source_url, arg_max(r.note, r.year) AS note,
       arg_max(r.note_nb, r.year) AS note_nb, arg_max(r.note_en, r.year) AS note_en
FROM scope AS s JOIN results AS r USING (cluster_id)
WHERE r.indicator = 'members' AND r.year <= year($as_of) AND s.level IS NOT NULL
GROUP BY ALL
ORDER BY value DESC, s.cluster
