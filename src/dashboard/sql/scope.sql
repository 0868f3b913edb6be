-- The clusters the filters select, with their level and label status on the as-of date:
-- every extract starts from this scope. A list of clusters (the compare page's) keeps only those;
-- one cluster (a profile's) only that one.
WITH scope AS (
    SELECT
        c.cluster_id, c.name AS cluster, c.area_id, a.name_en AS area, a.name_nb AS area_nb,
        c.region, c.city,
        l.level, s.label, s.last_label, s.status, s.awarded_on, s.valid_until, s.days_left,
        s.score_pct, s.basis, s.confirmed_on, s.provenance AS label_provenance,
        s.source_url AS label_source_url, c.website, c.org_number, c.eccp_url, c.source_url, c.former_names, c.successor_id
    FROM clusters AS c
    JOIN opportunity_areas AS a USING (area_id)
    LEFT JOIN level_on($as_of) AS l USING (cluster_id)
    LEFT JOIN label_status($as_of) AS s USING (cluster_id)
    WHERE (len($areas) = 0 OR list_contains($areas, c.area_id))
      AND (len($regions) = 0 OR list_contains($regions, c.region))
      AND (len($levels) = 0 OR list_contains($levels, l.level))
      AND (len($labels) = 0 OR list_contains($labels, coalesce(s.label, 'none')))
      AND (len($clusters) = 0 OR list_contains($clusters, c.cluster_id))
      AND ($cluster IS NULL OR c.cluster_id = $cluster)
)
