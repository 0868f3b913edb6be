-- The opportunity areas a filter offers.
SELECT area_id FROM opportunity_areas ORDER BY area_id
