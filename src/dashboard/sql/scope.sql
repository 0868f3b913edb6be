-- The clusters the filters select, with their level, label status and county on the as-of date:
-- every extract starts from this scope. scope_all_counties applies every filter but the region
-- (the map of counties reads it, to show every county and mark the chosen ones). A list of
-- clusters (the compare page's) keeps only those; one cluster (a profile's) only that one.
-- The region filter chooses counties by name. A name that is a county on the date chooses the
-- clusters in that county on the date (county: derived, see cluster_counties in derived.sql); a
-- name that is not a county on the date chooses the clusters in that county today (region), so a
-- link with today's county keeps working on a past date. The sidebar says which applies.
WITH scope_all_counties AS (
    SELECT * EXCLUDE (county_basis) FROM cluster_state_on($as_of)
    WHERE (len($areas) = 0 OR list_contains($areas, area_id))
      AND (len($levels) = 0 OR list_contains($levels, level))
      AND (len($labels) = 0 OR list_contains($labels, coalesce(label, 'none')))
      AND (len($clusters) = 0 OR list_contains($clusters, cluster_id))
      AND ($cluster IS NULL OR cluster_id = $cluster)
),
scope AS (
    SELECT * EXCLUDE (region_in_force) FROM scope_all_counties
    WHERE len($regions) = 0
       OR list_contains($regions, county)
       OR (list_contains($regions, region) AND NOT region_in_force)
)
