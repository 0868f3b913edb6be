-- Clusters the filters select, with level, label and county (county: the county on the date,
-- empty where unknown; region: the county today) held on the date.
-- Reads from scope (scope.sql).
SELECT cluster_id, cluster, area_id, area, area_nb, region, county, city, level,
       coalesce(label, 'none') AS label, website, org_number, eccp_url, source_url
FROM scope ORDER BY cluster
