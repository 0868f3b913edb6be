-- The member counts of the selected clusters, a row per year each was in the programme or has a
-- count (up to the date's year): a year without a count is a row with an empty value (unknown,
-- never a zero), so a comparison shows it as a gap.
-- Continues the WITH of scope.sql; in the compare page's order of the clusters, else by name.
, counts AS (
    SELECT r.cluster_id, r.year, r.value, r.provenance, r.source_url, r.note, r.note_nb,
           r.note_en
    FROM results AS r JOIN scope USING (cluster_id)
    WHERE r.indicator = 'members' AND r.year <= year($as_of)
),
years AS (
    SELECT y.cluster_id, y.year FROM cluster_year_level AS y JOIN scope USING (cluster_id)
    WHERE y.year <= year($as_of)
    UNION
    SELECT cluster_id, year FROM counts
)
SELECT s.cluster_id, s.cluster, y.year, l.level, c.value, c.provenance, c.source_url, c.note,
       c.note_nb, c.note_en
FROM scope AS s
JOIN years AS y USING (cluster_id)
LEFT JOIN cluster_year_level AS l ON l.cluster_id = y.cluster_id AND l.year = y.year
LEFT JOIN counts AS c ON c.cluster_id = y.cluster_id AND c.year = y.year
ORDER BY list_position($clusters, s.cluster_id), s.cluster, y.year
