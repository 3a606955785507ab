-- Events that were reported inside a quote: who said it, and what they said happened.
SELECT
    q.speaker,
    q.speaker_role,
    e.event_type,
    e.actor1,
    e.actor2,
    e.event_date,
    q.quote_type,
    q.quote_text,
    d.title
FROM events e
JOIN quotes q USING (quote_id)
JOIN documents d ON d.doc_id = e.doc_id
ORDER BY e.event_date DESC NULLS LAST, q.speaker;
