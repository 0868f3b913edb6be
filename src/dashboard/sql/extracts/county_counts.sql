-- Clusters in the programme on the date per county of the date (counties.csv), and how many of
-- them hold each label: every county in force on the date, zero where the register has none in
-- it (a count of the register, so a known zero), then one row without a county for the clusters
-- whose county on the date is not known (an empty county is unknown). Every filter applies but
-- the region: the map shows every county and marks the chosen ones, so another can be chosen.
-- Reads from scope_all_counties (scope.sql).
, placed AS (
    SELECT county, count(*) AS in_programme,
           count(*) FILTER (WHERE label = 'Gold') AS gold,
           count(*) FILTER (WHERE label = 'Silver') AS silver,
           count(*) FILTER (WHERE label = 'Bronze') AS bronze
    FROM scope_all_counties WHERE level IS NOT NULL
    GROUP BY county
)
SELECT county, in_programme, gold, silver, bronze FROM (
    SELECT k.county, coalesce(p.in_programme, 0) AS in_programme, coalesce(p.gold, 0) AS gold,
           coalesce(p.silver, 0) AS silver, coalesce(p.bronze, 0) AS bronze, 0 AS unplaced
    FROM counties_on($as_of) AS k LEFT JOIN placed AS p USING (county)
    UNION ALL
    SELECT NULL, coalesce(max(in_programme), 0), coalesce(max(gold), 0),
           coalesce(max(silver), 0), coalesce(max(bronze), 0), 1
    FROM placed WHERE county IS NULL
)
ORDER BY unplaced, county
