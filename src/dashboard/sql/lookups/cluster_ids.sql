-- The cluster ids the compare page and `export --compare` accept.
SELECT cluster_id FROM clusters ORDER BY cluster_id
