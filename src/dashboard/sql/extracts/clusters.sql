-- Clusters the filters select, with level and label held on the date.
-- Reads from scope (scope.sql).
SELECT cluster_id, cluster, area_id, area, area_nb, region, city, level,
       coalesce(label, 'none') AS label, website, org_number, eccp_url, source_url
FROM scope ORDER BY cluster
