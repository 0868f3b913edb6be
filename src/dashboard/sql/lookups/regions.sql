-- The counties a filter offers: those the register's clusters sit in.
SELECT DISTINCT region FROM clusters WHERE region IS NOT NULL ORDER BY region
