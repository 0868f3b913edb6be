-- Every cluster's id, name and former names, for the profile picker.
SELECT cluster_id, name, former_names FROM clusters ORDER BY name
