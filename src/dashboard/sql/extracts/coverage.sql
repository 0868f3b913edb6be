-- Per table and year, the clusters in the programme with a row, and whether it is published
-- (materialised in the store: coverage_by_year, sql/derived.sql).
-- Programme-wide: reads no scope.
SELECT table_name, year, in_programme, published, estimate, unknown
FROM coverage_by_year
WHERE year <= year($as_of)
ORDER BY ALL
