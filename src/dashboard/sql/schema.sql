-- The store's typed tables: the data contract with its keys and rules enforced by DuckDB itself.
CREATE TABLE opportunity_areas (
    area_id VARCHAR PRIMARY KEY,
    name_nb VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    source_url VARCHAR
);

CREATE TABLE indicators (
    indicator_id VARCHAR PRIMARY KEY,
    name_nb VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    source_url VARCHAR
);

CREATE TABLE clusters (
    cluster_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    name_en VARCHAR,
    region VARCHAR,
    city VARCHAR,
    area_id VARCHAR NOT NULL REFERENCES opportunity_areas (area_id),
    focus VARCHAR,
    website VARCHAR,
    source_url VARCHAR,
    members_published VARCHAR,
    area_basis VARCHAR,
    all_sources VARCHAR
);

CREATE TABLE programme_periods (
    cluster_id VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    level VARCHAR NOT NULL CHECK (level IN ('Arena', 'Arena Pro', 'NCE', 'GCE', 'Mature')),
    start_date DATE NOT NULL,
    end_date DATE,
    provenance VARCHAR NOT NULL CHECK (provenance IN ('published', 'estimate', 'illustrative')),
    source_url VARCHAR,
    note VARCHAR,
    PRIMARY KEY (cluster_id, level, start_date),
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (provenance <> 'published' OR source_url IS NOT NULL)
);

CREATE TABLE certifications (
    cluster_id VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    label VARCHAR NOT NULL CHECK (label IN ('Bronze', 'Silver', 'Gold')),
    awarded_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    score_pct DOUBLE CHECK (score_pct BETWEEN 0 AND 100),
    provenance VARCHAR NOT NULL CHECK (provenance IN ('published', 'estimate', 'illustrative')),
    source_url VARCHAR,
    note VARCHAR,
    PRIMARY KEY (cluster_id, label, awarded_on),
    CHECK (valid_until >= awarded_on),
    CHECK (provenance <> 'published' OR source_url IS NOT NULL)
);

CREATE TABLE funding (
    cluster_id VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2002 AND 2100),
    funder VARCHAR NOT NULL CHECK (
        funder IN ('Innovasjon Norge', 'Siva', 'Forskningsrådet', 'County', 'Members', 'Other')
    ),
    amount_nok BIGINT NOT NULL CHECK (amount_nok >= 0),
    provenance VARCHAR NOT NULL CHECK (provenance IN ('published', 'estimate', 'illustrative')),
    source_url VARCHAR,
    note VARCHAR,
    PRIMARY KEY (cluster_id, year, funder),
    CHECK (provenance <> 'published' OR source_url IS NOT NULL)
);

CREATE TABLE results (
    cluster_id VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2002 AND 2100),
    indicator VARCHAR NOT NULL REFERENCES indicators (indicator_id),
    value DOUBLE NOT NULL,
    provenance VARCHAR NOT NULL CHECK (provenance IN ('published', 'estimate', 'illustrative')),
    source_url VARCHAR,
    note VARCHAR,
    PRIMARY KEY (cluster_id, year, indicator),
    CHECK (provenance <> 'published' OR source_url IS NOT NULL)
);

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

-- The level of each cluster in each year: the latest-starting period that overlaps the year.
CREATE VIEW cluster_year_level AS
    SELECT cluster_id, year, arg_max(level, start_date) AS level
    FROM programme_periods,
         range(year(start_date), coalesce(year(end_date), 2100) + 1) AS y(year)
    GROUP BY cluster_id, year;

-- Label status of every cluster as of a date, so any past day can be browsed as it was.
-- Active: the best label valid on the date (Gold > Silver > Bronze, then the latest award).
-- Expiring: active and valid_until within 180 days after the date. Expired: awards exist, none
-- valid on the date (the last one is shown). None: no award on or before the date.
CREATE MACRO label_status(d) AS TABLE
    WITH ranked AS (
        SELECT
            a.*,
            (a.valid_until >= d) AS valid,
            row_number() OVER (
                PARTITION BY a.cluster_id
                ORDER BY (a.valid_until >= d) DESC,
                    CASE WHEN a.valid_until >= d
                        THEN CASE a.label WHEN 'Gold' THEN 3 WHEN 'Silver' THEN 2 ELSE 1 END
                        ELSE 0 END DESC,
                    a.valid_until DESC,
                    a.awarded_on DESC
            ) AS pick
        FROM certifications AS a
        WHERE a.awarded_on <= d
    )
    SELECT
        c.cluster_id,
        CASE WHEN r.valid THEN r.label END AS label,
        r.label AS last_label,
        r.awarded_on,
        r.valid_until,
        r.score_pct,
        CAST(r.valid_until - d AS INTEGER) AS days_left,
        CASE
            WHEN r.cluster_id IS NULL THEN 'none'
            WHEN NOT r.valid THEN 'expired'
            WHEN r.valid_until - d <= 180 THEN 'expiring'
            ELSE 'active'
        END AS status,
        r.provenance,
        r.source_url
    FROM clusters AS c
    LEFT JOIN ranked AS r ON r.cluster_id = c.cluster_id AND r.pick = 1;
