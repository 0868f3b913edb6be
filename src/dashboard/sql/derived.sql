-- Tables derived once per store write from the contract's tables (after they are loaded and
-- meta is written), so a page asks a range lookup instead of recomputing history per query.

-- The level of each cluster in each year: the latest-starting period that overlaps the year,
-- up to the data's last year (meta.data_as_of; an open period is not projected beyond it).
CREATE TABLE cluster_year_level AS
    SELECT cluster_id, year, arg_max(level, start_date) AS level
    FROM programme_periods,
         range(
             year(start_date),
             least(
                 coalesce(year(end_date), 9999),
                 (SELECT year(CAST(value AS DATE)) FROM meta WHERE key = 'data_as_of')
             ) + 1
         ) AS y(year)
    GROUP BY cluster_id, year;

-- Each funding row with the level its cluster held that year (none outside the programme): the
-- funding extracts read the level without joining the year table on every query.
CREATE TABLE funding_levels AS
    SELECT f.*, y.level
    FROM funding AS f LEFT JOIN cluster_year_level AS y USING (cluster_id, year);

-- Label status of every cluster on every day, as intervals [starts_on, ends_before) in which
-- nothing but the count of days left changes. Held: a label whose award is valid on the day, or
-- that a published confirmation covers. The best held label wins (Gold > Silver > Bronze).
-- basis says what the shown validity rests on: `published` (the source gives the expiry),
-- `rule` (derived from a label rule, to be confirmed) or `confirmed` (a dated statement, expiry
-- unknown). Expiring: the award's valid_until lies within the alert horizon and no confirmation
-- reaches beyond it. Expired: awards exist, none held on the day (the last one is shown).
-- A status can change only on an award day, the day after an expiry, the first day inside the
-- alert horizon, or the first and the day after the last day a confirmation covers: each
-- interval starts on one of these days (`probes`), and its status is the status on that day.
CREATE TABLE label_intervals AS
    WITH probes AS (
        SELECT DISTINCT cluster_id, d FROM (
            SELECT cluster_id, awarded_on AS d FROM certifications
            UNION ALL SELECT cluster_id, valid_until + 1 FROM certifications
            UNION ALL
            SELECT cluster_id, valid_until - CAST(rule_value('alert_horizon') AS INTEGER)
            FROM certifications
            UNION ALL SELECT cluster_id, coalesce(held_from, held_on) FROM label_confirmations
            UNION ALL SELECT cluster_id, held_on + 1 FROM label_confirmations
        ) WHERE d IS NOT NULL
    ),
    awards AS (
        SELECT p.d, a.*, label_rank(a.label) AS rank,
               CASE WHEN a.validity_rule IS NULL THEN 'published' ELSE 'rule' END AS basis
        FROM probes AS p
        JOIN certifications AS a ON a.cluster_id = p.cluster_id AND a.awarded_on <= p.d
    ),
    confirmed AS (
        SELECT p.cluster_id, p.d, c.label, max(c.held_on) AS confirmed_on,
               label_rank(c.label) AS rank
        FROM probes AS p
        JOIN label_confirmations AS c
          ON c.cluster_id = p.cluster_id
         AND coalesce(c.held_from, c.held_on) <= p.d AND c.held_on >= p.d
        GROUP BY p.cluster_id, p.d, c.label
    ),
    held AS (
        SELECT cluster_id, d, label, rank FROM awards WHERE valid_until >= d
        UNION SELECT cluster_id, d, label, rank FROM confirmed
    ),
    best AS (
        SELECT cluster_id, d, arg_max(label, rank) AS label FROM held GROUP BY cluster_id, d
    ),
    pick AS (
        SELECT a.*, row_number() OVER (
            PARTITION BY a.cluster_id, a.d
            ORDER BY coalesce(a.label = b.label, false) DESC, a.valid_until DESC,
                     a.awarded_on DESC
        ) AS n
        FROM awards AS a LEFT JOIN best AS b USING (cluster_id, d)
    ),
    shown AS (
        SELECT p.cluster_id, p.d, b.label, k.label AS award_label, k.awarded_on, k.valid_until,
               k.score_pct, k.basis, k.provenance, k.source_url, f.confirmed_on,
               k.cluster_id IS NOT NULL AND (b.label IS NULL OR k.label = b.label) AS matches
        FROM probes AS p
        LEFT JOIN best AS b USING (cluster_id, d)
        LEFT JOIN pick AS k ON k.cluster_id = p.cluster_id AND k.d = p.d AND k.n = 1
        LEFT JOIN confirmed AS f ON f.cluster_id = p.cluster_id AND f.d = p.d AND f.label = b.label
    )
    SELECT
        cluster_id,
        d AS starts_on,
        lead(d) OVER (PARTITION BY cluster_id ORDER BY d) AS ends_before,
        label,
        coalesce(label, award_label) AS last_label,
        CASE WHEN matches THEN awarded_on END AS awarded_on,
        CASE WHEN matches AND (label IS NULL OR valid_until >= d) THEN valid_until END
            AS valid_until,
        CASE WHEN matches THEN score_pct END AS score_pct,
        -- days left only while the label is held: an expired label has its expiry date, not a
        -- negative count
        coalesce(matches AND label IS NOT NULL AND valid_until >= d, false) AS counts_down,
        CASE
            WHEN label IS NULL AND award_label IS NULL THEN 'none'
            WHEN label IS NULL THEN 'expired'
            WHEN matches AND valid_until >= d
                 AND valid_until - d <= rule_value('alert_horizon')
                 AND coalesce(confirmed_on, d) <= valid_until THEN 'expiring'
            ELSE 'active'
        END AS status,
        CASE
            WHEN label IS NOT NULL AND matches AND valid_until >= d THEN basis
            WHEN label IS NOT NULL THEN 'confirmed'
            WHEN award_label IS NOT NULL THEN basis
        END AS basis,
        confirmed_on,
        CASE WHEN matches OR label IS NULL THEN provenance END AS provenance,
        CASE WHEN matches OR label IS NULL THEN source_url END AS source_url
    FROM shown;

-- Per table and year, the clusters in the programme with a row, and whether it is published
-- (the `coverage` extract reads the years up to its date).
CREATE TABLE coverage_by_year AS
    WITH years AS (SELECT DISTINCT cluster_id, year FROM cluster_year_level),
    known AS (
        SELECT 'programme_periods' AS table_name, y.year, y.cluster_id,
               bool_or(p.provenance = 'published') AS published
        FROM years AS y JOIN programme_periods AS p
          ON p.cluster_id = y.cluster_id AND year(p.start_date) <= y.year
         AND coalesce(year(p.end_date), 9999) >= y.year
        GROUP BY ALL
        UNION ALL
        SELECT 'funding', y.year, y.cluster_id, bool_or(f.provenance = 'published')
        FROM years AS y JOIN funding AS f USING (cluster_id, year) GROUP BY ALL
        UNION ALL
        SELECT 'results', y.year, y.cluster_id, bool_or(r.provenance = 'published')
        FROM years AS y JOIN results AS r USING (cluster_id, year)
        WHERE r.indicator = 'members' GROUP BY ALL
    )
    SELECT t.table_name, y.year, count(*) AS in_programme,
           count(*) FILTER (WHERE k.published) AS published,
           count(*) FILTER (WHERE NOT k.published) AS estimate,
           count(*) FILTER (WHERE k.cluster_id IS NULL) AS unknown
    FROM years AS y
    CROSS JOIN (VALUES ('programme_periods'), ('funding'), ('results')) AS t(table_name)
    LEFT JOIN known AS k
      ON k.table_name = t.table_name AND k.year = y.year AND k.cluster_id = y.cluster_id
    GROUP BY ALL
    ORDER BY ALL;

-- The register's count of clusters on each date the programme published a count for (the
-- `programme_coverage` extract sets them side by side).
CREATE TABLE register_counts AS
    SELECT f.measure, f.reference_date, count(DISTINCT p.cluster_id) AS register
    FROM programme_figures AS f
    JOIN programme_periods AS p
      ON p.start_date <= f.reference_date
     AND coalesce(p.end_date, DATE '9999-12-31') >=
         CASE f.counted WHEN 'on_date' THEN f.reference_date
                        ELSE make_date(f.year, 1, 1) END
     -- a count per level is named after its level: clusters_arena_pro counts Arena Pro
     AND f.measure IN ('clusters_total', 'clusters_' || lower(replace(p.level, ' ', '_')))
    GROUP BY ALL;

-- Per budget year, the money the register ties to clusters from the programme's funders (the
-- `funding_coverage` extract sets it beside the published budget).
CREATE TABLE register_funding AS
    SELECT year, CAST(sum(amount_nok) AS BIGINT) AS register_nok,
           count(DISTINCT cluster_id) AS clusters
    FROM funding
    WHERE funder NOT IN ('County', 'Other')  -- the programme's money
    GROUP BY year;

-- Each cluster's county over time. A cluster with a city is in its city's county of the time
-- (municipality_counties; a span without a row is unknown). A cluster with no city is in the
-- county of its region (the county it is in today) for that county's present term in counties:
-- Nordland since 2002, Vestland since 2020, Akershus since its re-establishment in 2024; before
-- that its county is unknown. basis says which.
CREATE TABLE cluster_counties AS
    SELECT c.cluster_id, m.county, m.valid_from, m.valid_until, 'city' AS basis
    FROM clusters AS c JOIN municipality_counties AS m ON m.city = c.city
    UNION ALL
    SELECT c.cluster_id, c.region, k.valid_from, k.valid_until, 'region'
    FROM clusters AS c JOIN counties AS k ON k.county = c.region AND k.valid_until IS NULL
    WHERE c.city IS NULL;

-- The counties in force on a date.
CREATE MACRO counties_on(d) AS TABLE
    SELECT county FROM counties
    WHERE valid_from <= d AND (valid_until IS NULL OR valid_until >= d);

-- Each cluster's state between the days it changes, with its facts beside it: its level (from
-- programme_periods), label status (label_intervals), county (cluster_counties) and whether its
-- region (the county it is in today) is a county then, as intervals [starts_on, ends_before) in
-- which only the count of days left changes (the first interval of each cluster starts at
-- -infinity, before any record; the last ends at infinity). Every page's scope is one range
-- lookup here, not a join of lookups, which costs more to plan than to run; open ends are
-- infinite dates rather than NULL so the lookup is two plain comparisons the scan filters by.
CREATE TABLE cluster_states AS
    WITH changes AS (
        SELECT DISTINCT cluster_id, d FROM (
            SELECT cluster_id, start_date AS d FROM programme_periods
            UNION ALL SELECT cluster_id, end_date + 1 FROM programme_periods
            UNION ALL SELECT cluster_id, starts_on FROM label_intervals
            UNION ALL SELECT cluster_id, valid_from FROM cluster_counties
            UNION ALL SELECT cluster_id, valid_until + 1 FROM cluster_counties
            UNION ALL
            SELECT c.cluster_id, unnest([k.valid_from, k.valid_until + 1])
            FROM clusters AS c JOIN counties AS k ON k.county = c.region
        ) WHERE d IS NOT NULL
        UNION ALL SELECT cluster_id, NULL FROM clusters
    ),
    spans AS (
        SELECT cluster_id, d AS starts_on,
               lead(d) OVER (PARTITION BY cluster_id ORDER BY d NULLS FIRST) AS ends_before
        FROM changes
    )
    SELECT
        s.cluster_id, coalesce(s.starts_on, DATE '-infinity') AS starts_on,
        coalesce(s.ends_before, DATE 'infinity') AS ends_before,
        c.name AS cluster, c.area_id, a.name_en AS area, a.name_nb AS area_nb,
        c.region, c.city, k.county, k.basis AS county_basis,
        EXISTS (SELECT 1 FROM counties_on(s.starts_on) AS t WHERE t.county = c.region)
            AS region_in_force,
        p.level, i.label, i.last_label, coalesce(i.status, 'none') AS status, i.awarded_on,
        i.valid_until, i.counts_down, i.score_pct, i.basis, i.confirmed_on,
        i.provenance AS label_provenance, i.source_url AS label_source_url,
        c.website, c.org_number, c.eccp_url, c.source_url, c.former_names, c.successor_id
    FROM spans AS s
    JOIN clusters AS c USING (cluster_id)
    JOIN opportunity_areas AS a USING (area_id)
    LEFT JOIN programme_periods AS p
      ON p.cluster_id = s.cluster_id AND p.start_date <= s.starts_on
     AND (p.end_date IS NULL OR p.end_date >= s.starts_on)
    LEFT JOIN label_intervals AS i
      ON i.cluster_id = s.cluster_id AND i.starts_on <= s.starts_on
     AND (i.ends_before IS NULL OR s.starts_on < i.ends_before)
    LEFT JOIN cluster_counties AS k
      ON k.cluster_id = s.cluster_id AND k.valid_from <= s.starts_on
     AND (k.valid_until IS NULL OR k.valid_until >= s.starts_on);

-- Every cluster as it stood on a date, so any past day can be browsed as it was; days_left only
-- while a label is held (an expired label has its expiry date, not a negative count).
CREATE MACRO cluster_state_on(d) AS TABLE
    SELECT * EXCLUDE (starts_on, ends_before, counts_down),
           CASE WHEN counts_down THEN CAST(valid_until - d AS INTEGER) END AS days_left
    FROM cluster_states
    WHERE starts_on <= d AND d < ends_before;

-- The level each cluster held on a date (none outside the programme).
CREATE MACRO level_on(d) AS TABLE
    SELECT cluster_id, level FROM cluster_state_on(d) WHERE level IS NOT NULL;

-- Every cluster's label status on a date: a cluster without a label has status none.
CREATE MACRO label_status(d) AS TABLE
    SELECT cluster_id, label, last_label, awarded_on, valid_until, score_pct, days_left, status,
           basis, confirmed_on, label_provenance AS provenance, label_source_url AS source_url
    FROM cluster_state_on(d);

-- The county of each cluster on a date; a cluster without one on the date has no county known.
CREATE MACRO county_on(d) AS TABLE
    SELECT cluster_id, county, county_basis AS basis FROM cluster_state_on(d)
    WHERE county IS NOT NULL;
