-- The programme's own published figures up to the date.
-- Programme-wide: reads no scope.
SELECT year, measure, value, counted, reference_date, provenance, source_url, note, note_nb, note_en
FROM programme_figures WHERE year <= year($as_of)
ORDER BY measure, year
