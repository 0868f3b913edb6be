-- Per table and year, the clusters in the programme with a row, and whether it is published
-- (materialised in the store: coverage_by_year, sql/derived.sql).
-- Follows the WITH of scope.sql (and reads none of it: coverage is programme-wide).
SELECT table_name, year, in_programme, published, estimate, unknown
FROM coverage_by_year
WHERE year <= year($as_of)
ORDER BY ALL
