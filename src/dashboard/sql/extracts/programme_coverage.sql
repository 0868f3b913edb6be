-- The register's count of clusters beside each count the programme published.
-- Continues the WITH of scope.sql.
, register AS (
    SELECT f.measure, f.reference_date, count(DISTINCT p.cluster_id) AS register
    FROM programme_figures AS f
    JOIN programme_periods AS p
      ON p.start_date <= f.reference_date
     AND coalesce(p.end_date, DATE '9999-12-31') >=
         CASE f.counted WHEN 'on_date' THEN f.reference_date
                        ELSE make_date(f.year, 1, 1) END
     -- a count per level is named after its level: clusters_arena_pro counts Arena Pro
     AND f.measure IN ('clusters_total', 'clusters_' || lower(replace(p.level, ' ', '_')))
    GROUP BY ALL
)
SELECT f.year, f.measure, f.counted, f.reference_date, CAST(f.value AS INTEGER) AS published,
       coalesce(r.register, 0) AS register, f.provenance, f.source_url, f.note
FROM programme_figures AS f
LEFT JOIN register AS r USING (measure, reference_date)
WHERE starts_with(f.measure, 'clusters_') AND f.reference_date <= $as_of
ORDER BY f.reference_date, f.measure
