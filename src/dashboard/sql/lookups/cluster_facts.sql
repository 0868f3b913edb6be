-- The descriptive facts of every cluster (focus, links out, former names, successor, sources),
-- and its first level period's start and first label award in the record, with what each date
-- is known to (a profile on an earlier date says when they come, not that the record has none).
WITH first_period AS (
    SELECT cluster_id, min(start_date) AS first_period_on,
           arg_min(start_precision, start_date) AS first_period_precision
    FROM programme_periods GROUP BY cluster_id
),
first_award AS (
    SELECT cluster_id, min(awarded_on) AS first_award_on,
           arg_min(date_precision, awarded_on) AS first_award_precision
    FROM certifications GROUP BY cluster_id
)
SELECT c.cluster_id, c.focus_nb, c.focus_en, c.website, c.org_number, c.eccp_url, c.former_names,
       c.successor_id, s.name AS successor, c.all_sources, c.note,
       p.first_period_on, p.first_period_precision, a.first_award_on, a.first_award_precision
FROM clusters AS c
LEFT JOIN clusters AS s ON s.cluster_id = c.successor_id
LEFT JOIN first_period AS p ON p.cluster_id = c.cluster_id
LEFT JOIN first_award AS a ON a.cluster_id = c.cluster_id
