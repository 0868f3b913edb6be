-- Clusters in the programme on the date per county of the date (counties.csv), and how many of
-- them hold each label (a column per label of the contract: {per_label}): every county in force
-- on the date, zero where the register has none in it (a count of the register, so a known
-- zero), then one row without a county for the clusters whose county on the date is not known
-- (an empty county is unknown). Every filter applies but the region: the map shows every county
-- and marks the chosen ones, so another can be chosen.
-- Reads from scope_all_counties (scope.sql).
, placed AS (
    SELECT county, count(*) AS in_programme, {per_label}
    FROM scope_all_counties WHERE level IS NOT NULL
    GROUP BY county
)
SELECT * EXCLUDE (unplaced) FROM (
    SELECT k.county, coalesce(COLUMNS(p.* EXCLUDE (county)), 0), 0 AS unplaced
    FROM counties_on($as_of) AS k LEFT JOIN placed AS p USING (county)
    UNION ALL BY NAME
    SELECT NULL AS county, coalesce(COLUMNS(p.* EXCLUDE (county)), 0), 1 AS unplaced
    FROM (SELECT 1) AS one LEFT JOIN placed AS p ON p.county IS NULL
)
ORDER BY unplaced, county
