-- Opportunity areas with their Norwegian and English names.
SELECT area_id, name_nb, name_en FROM opportunity_areas ORDER BY area_id
