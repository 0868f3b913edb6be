-- The programme's own published figures up to the date.
-- Reads from scope (scope.sql).
SELECT year, measure, value, counted, reference_date, provenance, source_url, note
FROM programme_figures WHERE year <= year($as_of)
ORDER BY measure, year
