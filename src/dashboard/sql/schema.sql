-- The store's own tables and the rule macro (the macros over derived tables are in
-- derived.sql). The contract's typed tables (clusters, periods, awards, ...) are made from
-- data/datapackage.json by dashboard.ddl and are created first.

CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- Every import applied to this store since it was built from data/ (dashboard.importer).
CREATE TABLE import_log (
    import_id INTEGER PRIMARY KEY,
    imported_at TIMESTAMP NOT NULL,
    files VARCHAR NOT NULL,        -- JSON list of file names
    row_counts VARCHAR NOT NULL,   -- JSON: per table, rows added / changed / unchanged
    content_hash VARCHAR NOT NULL  -- sha256 of the files' names and content
);

-- A rule's number (see the rules table).
CREATE MACRO rule_value(id) AS (SELECT value FROM rules WHERE rule_id = id);
