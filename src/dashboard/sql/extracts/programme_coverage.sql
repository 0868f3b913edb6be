-- The register's count of clusters beside each count the programme published.
-- (register_counts: sql/derived.sql)
SELECT f.year, f.measure, f.counted, f.reference_date, CAST(f.value AS INTEGER) AS published,
       coalesce(r.register, 0) AS register, f.provenance, f.source_url, f.note, f.note_nb, f.note_en
FROM programme_figures AS f
LEFT JOIN register_counts AS r USING (measure, reference_date)
WHERE starts_with(f.measure, 'clusters_') AND f.reference_date <= $as_of
ORDER BY f.reference_date, f.measure
