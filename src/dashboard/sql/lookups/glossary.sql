-- The glossary's terms in both languages with the number of the rule each uses, in the order
-- the glossary page lists its topics.
SELECT g.*, r.value AS rule_value, r.unit AS rule_unit
FROM glossary AS g
LEFT JOIN rules AS r USING (rule_id)
ORDER BY list_position(['programme', 'level', 'label', 'status', 'area', 'measure', 'method'], g.topic),
         g.rowid
