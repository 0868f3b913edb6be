-- The rules with a number behind estimates and alerts, with their sources.
SELECT * FROM rules ORDER BY rule_id
