-- The counties a region filter may name: every county, with the dates it was one (counties.csv).
SELECT county, valid_from, valid_until FROM counties ORDER BY county, valid_from
