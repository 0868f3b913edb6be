-- Every cluster's id and the name the profile picker shows (with former names), by name. A
-- former name the name already says (NCE Eyde in "Eyde-klyngen (NCE Eyde)") is not repeated.
WITH former AS (
    SELECT c.cluster_id, string_agg(f.former, ', ' ORDER BY f.n) AS names
    FROM clusters AS c,
         unnest(string_split(c.former_names, ' | ')) WITH ORDINALITY AS f(former, n)
    WHERE f.former <> '' AND NOT contains(c.name, f.former)
    GROUP BY c.cluster_id
)
SELECT c.cluster_id,
       c.name || coalesce(' (' || former.names || ')', '') AS choice
FROM clusters AS c LEFT JOIN former USING (cluster_id)
ORDER BY c.name
