-- Build facts: when the store was built, from which data, and the data's as-of date.
SELECT key, value FROM meta
