-- The import log, newest first.
SELECT * FROM import_log ORDER BY import_id DESC
