-- Opportunity areas with their Norwegian and English names, in Innovasjon Norge's order (the
-- order of the data file: havrommet first, `other` last).
SELECT area_id, name_nb, name_en FROM opportunity_areas ORDER BY rowid
