-- The glossary: every term with its definition (English, and bokmål in the _nb columns), the
-- rule it uses with that rule's number, and the pages that state it.
SELECT g.term_id, g.topic, g.term_en AS term, g.term_nb, g.definition_en AS definition,
       g.definition_nb, g.rule_id, r.value AS rule_value, r.unit AS rule_unit,
       g.source_url, g.more_sources
FROM glossary AS g
LEFT JOIN rules AS r USING (rule_id)
ORDER BY list_position(['programme', 'level', 'label', 'status', 'area', 'measure', 'method'], g.topic),
         g.rowid
