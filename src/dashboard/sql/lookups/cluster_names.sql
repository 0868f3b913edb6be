-- Every cluster's id and the name the profile picker shows (with former names), by name.
SELECT cluster_id,
       name || CASE WHEN coalesce(former_names, '') <> ''
                    THEN ' (' || replace(former_names, ' | ', ', ') || ')' ELSE '' END AS choice
FROM clusters ORDER BY name
