-- Articles of a batch whose quote or event ids are already stored for another article: loading
-- them would break a primary key, so they become failures instead of failing the batch.
-- Parameters: staged_quotes, staged_events (of the articles about to be written).
SELECT DISTINCT s.doc_id, 'quote ' || s.quote_id || ' of ' || q.doc_id AS clash
FROM staged_quotes s JOIN quotes q ON q.quote_id = s.quote_id AND q.doc_id <> s.doc_id
UNION ALL
SELECT DISTINCT s.doc_id, 'event ' || s.event_id || ' of ' || e.doc_id
FROM staged_events s JOIN events e ON e.event_id = s.event_id AND e.doc_id <> s.doc_id;
