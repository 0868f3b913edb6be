-- One cluster's facts with its opportunity area (no row when the id is unknown).
SELECT c.*, a.name_en AS area, a.name_nb AS area_nb
FROM clusters AS c JOIN opportunity_areas AS a USING (area_id)
WHERE c.cluster_id = $cluster_id
