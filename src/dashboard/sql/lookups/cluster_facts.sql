-- The descriptive facts of every cluster (focus, links out, former names, successor, sources).
SELECT c.cluster_id, c.focus_nb, c.focus_en, c.website, c.org_number, c.eccp_url, c.former_names,
       c.successor_id, s.name AS successor, c.all_sources, c.note
FROM clusters AS c LEFT JOIN clusters AS s ON s.cluster_id = c.successor_id
