-- Every quote and event span in the articles in scope, for anchoring them in the article text.
SELECT doc_id, 'quote' AS kind, quote_id AS mark_id, char_start AS start, char_end AS "end"
FROM quotes
WHERE doc_id IN (SELECT doc_id FROM report_documents)
UNION ALL
SELECT doc_id, 'event' AS kind, event_id AS mark_id, trigger_start AS start, trigger_end AS "end"
FROM events
WHERE doc_id IN (SELECT doc_id FROM report_documents)
ORDER BY doc_id, start, kind;
