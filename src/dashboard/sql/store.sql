-- The statements the store's builder and the importer run on the store's own tables
-- (the contract tables' SELECTs are written from the contract, in ddl.py).

-- name: meta
SELECT key, value FROM meta

-- name: data_hash
SELECT value FROM meta WHERE key = 'data_hash'

-- name: write_meta
INSERT INTO meta VALUES (?, ?)

-- name: import_log
SELECT * FROM import_log ORDER BY import_id

-- name: import_count
SELECT count(*) FROM import_log

-- name: log_import
INSERT INTO import_log VALUES (?, ?, ?, ?, ?)

-- name: insert_table
-- {table} is a contract table's name from the contract, never from input.
-- The rows come from a file the contract's CSV writer made of validated rows (? is its path).
INSERT INTO {table} BY NAME
SELECT * FROM read_csv(?, header = true, all_varchar = true, delim = ',', quote = '"',
                       escape = '"', nullstr = '')
