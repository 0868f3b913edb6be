-- What the record holds for each selected cluster up to the date: level periods and label awards
-- begun by it, the years it was in the programme, the years with a member count (all, and those
-- in the programme) and the years with funding (all, and those with published funding). The
-- compare page's coverage line per cluster.
-- Continues the WITH of scope.sql; in the compare page's order of the clusters, else by name.
, picked AS (SELECT cluster_id FROM scope),
periods AS (
    SELECT cluster_id, count(*) AS periods
    FROM programme_periods JOIN picked USING (cluster_id)
    WHERE start_date <= $as_of GROUP BY cluster_id
),
awards AS (
    SELECT cluster_id, count(*) AS awards
    FROM certifications JOIN picked USING (cluster_id)
    WHERE awarded_on <= $as_of GROUP BY cluster_id
),
years AS (
    SELECT cluster_id, year FROM cluster_year_level JOIN picked USING (cluster_id)
    WHERE year <= year($as_of)
),
counted AS (
    SELECT r.cluster_id, count(*) AS member_years,
           count(y.year) AS member_programme_years
    FROM results AS r JOIN picked USING (cluster_id)
    LEFT JOIN years AS y ON y.cluster_id = r.cluster_id AND y.year = r.year
    WHERE r.indicator = 'members' AND r.year <= year($as_of)
    GROUP BY r.cluster_id
),
funded AS (
    SELECT cluster_id, count(DISTINCT year) AS funding_years,
           count(DISTINCT year) FILTER (WHERE provenance = 'published') AS funding_published_years
    FROM funding JOIN picked USING (cluster_id)
    WHERE year <= year($as_of) GROUP BY cluster_id
)
SELECT s.cluster_id, s.cluster, s.level, s.label,
       coalesce(p.periods, 0) AS periods,
       coalesce(a.awards, 0) AS awards,
       (SELECT count(*) FROM years AS y WHERE y.cluster_id = s.cluster_id) AS programme_years,
       coalesce(c.member_years, 0) AS member_years,
       coalesce(c.member_programme_years, 0) AS member_programme_years,
       coalesce(f.funding_years, 0) AS funding_years,
       coalesce(f.funding_published_years, 0) AS funding_published_years
FROM scope AS s
LEFT JOIN periods AS p USING (cluster_id)
LEFT JOIN awards AS a USING (cluster_id)
LEFT JOIN counted AS c USING (cluster_id)
LEFT JOIN funded AS f USING (cluster_id)
ORDER BY list_position($clusters, s.cluster_id), s.cluster
