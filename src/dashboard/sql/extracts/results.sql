-- Published results of the selected clusters per year, with their level that year.
-- Reads from scope (scope.sql).
SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, r.year, y.level,
       r.indicator, i.name_en AS indicator_name, i.name_nb AS indicator_name_nb, i.unit,
       r.value, r.provenance, r.source_url, r.note, r.note_nb, r.note_en
FROM scope AS s
JOIN results AS r USING (cluster_id)
JOIN indicators AS i ON i.indicator_id = r.indicator
LEFT JOIN cluster_year_level AS y ON y.cluster_id = r.cluster_id AND y.year = r.year
WHERE r.year <= year($as_of)
ORDER BY r.indicator, r.year, s.cluster
