-- Per table and year, the clusters in the programme with a row, and whether it is published.
-- Continues the WITH of scope.sql.
, years AS (
    SELECT DISTINCT cluster_id, year FROM cluster_year_level WHERE year <= year($as_of)
),
known AS (
    SELECT 'programme_periods' AS table_name, y.year, y.cluster_id,
           bool_or(p.provenance = 'published') AS published
    FROM years AS y JOIN programme_periods AS p
      ON p.cluster_id = y.cluster_id AND year(p.start_date) <= y.year
     AND coalesce(year(p.end_date), 9999) >= y.year
    GROUP BY ALL
    UNION ALL
    SELECT 'funding', y.year, y.cluster_id, bool_or(f.provenance = 'published')
    FROM years AS y JOIN funding AS f USING (cluster_id, year) GROUP BY ALL
    UNION ALL
    SELECT 'results', y.year, y.cluster_id, bool_or(r.provenance = 'published')
    FROM years AS y JOIN results AS r USING (cluster_id, year)
    WHERE r.indicator = 'members' GROUP BY ALL
)
SELECT t.table_name, y.year, count(*) AS in_programme,
       count(*) FILTER (WHERE k.published) AS published,
       count(*) FILTER (WHERE NOT k.published) AS estimate,
       count(*) FILTER (WHERE k.cluster_id IS NULL) AS unknown
FROM years AS y
CROSS JOIN (VALUES ('programme_periods'), ('funding'), ('results')) AS t(table_name)
LEFT JOIN known AS k
  ON k.table_name = t.table_name AND k.year = y.year AND k.cluster_id = y.cluster_id
GROUP BY ALL
ORDER BY ALL
