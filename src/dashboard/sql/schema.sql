-- The store's own tables, macros and views. The contract's typed tables (clusters, periods,
-- awards, ...) are made from data/datapackage.json by dashboard.ddl and are created first.

CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- Every import applied to this store since it was built from data/ (dashboard.importer).
CREATE TABLE import_log (
    import_id INTEGER PRIMARY KEY,
    imported_at TIMESTAMP NOT NULL,
    files VARCHAR NOT NULL,        -- JSON list of file names
    row_counts VARCHAR NOT NULL,   -- JSON: per table, rows added / changed / unchanged
    content_hash VARCHAR NOT NULL  -- sha256 of the files' names and content
);

-- The level each cluster held on a date (NULL outside the programme).
CREATE MACRO level_on(d) AS TABLE
    SELECT cluster_id, level
    FROM programme_periods
    WHERE start_date <= d AND (end_date IS NULL OR end_date >= d);

-- A rule's number (see the rules table).
CREATE MACRO rule_value(id) AS (SELECT value FROM rules WHERE rule_id = id);

-- The level of each cluster in each year: the latest-starting period that overlaps the year,
-- up to the current year (an open period is not projected into the future).
CREATE VIEW cluster_year_level AS
    SELECT cluster_id, year, arg_max(level, start_date) AS level
    FROM programme_periods,
         range(year(start_date), least(coalesce(year(end_date), 9999), year(current_date)) + 1)
             AS y(year)
    GROUP BY cluster_id, year;

-- Label status of every cluster as of a date, so any past day can be browsed as it was.
-- Held: a label whose award is valid on the date, or that a published confirmation covers.
-- The best held label wins (Gold > Silver > Bronze). basis says what the shown validity rests
-- on: `published` (the source gives the expiry), `rule` (derived from a label rule, to be
-- confirmed) or `confirmed` (a dated statement, expiry unknown). Expiring: the award's
-- valid_until lies within the alert horizon and no confirmation reaches beyond it. Expired:
-- awards exist, none held on the date (the last one is shown). None: no award by the date.
CREATE MACRO label_status(d) AS TABLE
    WITH awards AS (
        SELECT *, label_rank(label) AS rank,
               CASE WHEN validity_rule IS NULL THEN 'published' ELSE 'rule' END AS basis
        FROM certifications WHERE awarded_on <= d
    ),
    confirmed AS (
        SELECT cluster_id, label, max(held_on) AS confirmed_on,
               label_rank(label) AS rank
        FROM label_confirmations
        WHERE coalesce(held_from, held_on) <= d AND held_on >= d
        GROUP BY cluster_id, label
    ),
    held AS (
        SELECT cluster_id, label, rank FROM awards WHERE valid_until >= d
        UNION SELECT cluster_id, label, rank FROM confirmed
    ),
    best AS (SELECT cluster_id, arg_max(label, rank) AS label FROM held GROUP BY cluster_id),
    pick AS (
        SELECT a.*, row_number() OVER (
            PARTITION BY a.cluster_id
            ORDER BY coalesce(a.label = b.label, false) DESC, a.valid_until DESC,
                     a.awarded_on DESC
        ) AS n
        FROM awards AS a LEFT JOIN best AS b USING (cluster_id)
    ),
    shown AS (
        SELECT c.cluster_id, b.label, p.label AS award_label, p.awarded_on, p.valid_until,
               p.score_pct, p.basis, p.provenance, p.source_url,
               f.confirmed_on, f.confirmed_on IS NOT NULL AS has_confirmation,
               p.cluster_id IS NOT NULL AND (b.label IS NULL OR p.label = b.label) AS matches
        FROM clusters AS c
        LEFT JOIN best AS b USING (cluster_id)
        LEFT JOIN pick AS p ON p.cluster_id = c.cluster_id AND p.n = 1
        LEFT JOIN confirmed AS f ON f.cluster_id = c.cluster_id AND f.label = b.label
    )
    SELECT
        cluster_id,
        label,
        coalesce(label, award_label) AS last_label,
        CASE WHEN matches THEN awarded_on END AS awarded_on,
        CASE WHEN matches AND (label IS NULL OR valid_until >= d) THEN valid_until END
            AS valid_until,
        CASE WHEN matches THEN score_pct END AS score_pct,
        -- days left only while the label is held: an expired label has its expiry date, not a
        -- negative count
        CASE WHEN matches AND label IS NOT NULL AND valid_until >= d
            THEN CAST(valid_until - d AS INTEGER) END AS days_left,
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
