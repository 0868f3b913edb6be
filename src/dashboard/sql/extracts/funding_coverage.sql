-- Each published budget beside the money the register ties to clusters (register_funding:
-- sql/derived.sql).
-- Programme-wide: reads no scope.
SELECT f.year, CAST(f.value AS BIGINT) AS budget_nok,
       CAST(coalesce(m.register_nok, 0) AS BIGINT) AS register_nok,
       coalesce(m.clusters, 0) AS clusters, f.source_url, f.note, f.note_nb, f.note_en
FROM programme_figures AS f
LEFT JOIN register_funding AS m USING (year)
WHERE f.measure = 'budget_nok' AND f.year <= year($as_of)
ORDER BY f.year
