-- Labels held on the date per opportunity area: every area the filters select (of those the
-- register has clusters in) and every label they select, zero where an area holds none (a count
-- of the register, so a known zero, drawn and written as 0).
-- Reads from scope (scope.sql).
SELECT areas.area_id, labels.label, coalesce(held.clusters, 0) AS clusters
FROM (
    SELECT area_id FROM opportunity_areas
    WHERE (len($areas) = 0 OR list_contains($areas, area_id))
      AND area_id IN (SELECT area_id FROM clusters)
) AS areas
CROSS JOIN (
    SELECT DISTINCT label FROM certifications
    WHERE len($labels) = 0 OR list_contains($labels, label)
) AS labels
LEFT JOIN (
    SELECT area_id, label, count(*) AS clusters
    FROM scope WHERE label IS NOT NULL
    GROUP BY ALL
) AS held ON held.area_id = areas.area_id AND held.label = labels.label
ORDER BY ALL
