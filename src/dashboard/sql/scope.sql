-- The clusters the filters select, with their level, label status and county on the as-of date:
-- every extract starts from this scope. scope_all_counties applies every filter but the region
-- (the map of counties reads it, to show every county and mark the chosen ones). A list of
-- clusters (the compare page's) keeps only those; one cluster (a profile's) only that one.
-- The region filter chooses counties by name. A name that is a county on the date chooses the
-- clusters in that county on the date (county: derived, see cluster_counties in derived.sql); a
-- name that is not a county on the date chooses the clusters in that county today (region), so a
-- link with today's county keeps working on a past date. The sidebar says which applies.
WITH scope_all_counties AS (
    SELECT
        c.cluster_id, c.name AS cluster, c.area_id, a.name_en AS area, a.name_nb AS area_nb,
        c.region, c.city, k.county,
        l.level, s.label, s.last_label, s.status, s.awarded_on, s.valid_until, s.days_left,
        s.score_pct, s.basis, s.confirmed_on, s.provenance AS label_provenance,
        s.source_url AS label_source_url, c.website, c.org_number, c.eccp_url, c.source_url, c.former_names, c.successor_id
    FROM clusters AS c
    JOIN opportunity_areas AS a USING (area_id)
    LEFT JOIN level_on($as_of) AS l USING (cluster_id)
    LEFT JOIN label_status($as_of) AS s USING (cluster_id)
    LEFT JOIN county_on($as_of) AS k USING (cluster_id)
    WHERE (len($areas) = 0 OR list_contains($areas, c.area_id))
      AND (len($levels) = 0 OR list_contains($levels, l.level))
      AND (len($labels) = 0 OR list_contains($labels, coalesce(s.label, 'none')))
      AND (len($clusters) = 0 OR list_contains($clusters, c.cluster_id))
      AND ($cluster IS NULL OR c.cluster_id = $cluster)
),
scope AS (
    SELECT * FROM scope_all_counties
    WHERE len($regions) = 0
       OR list_contains($regions, county)
       OR (list_contains($regions, region)
           AND region NOT IN (SELECT county FROM counties_on($as_of)))
)
