-- Everything one person said in the last 31 days of publications (set the name below):
-- matches the resolved full name, so "he", "Lavrov" and "the minister" all count.
SET VARIABLE speaker = 'Lavrov';
SET VARIABLE since = (SELECT max(published) - INTERVAL 31 DAY FROM documents);
SELECT
    d.published,
    q.speaker,
    q.speaker_role,
    q.quote_type,
    q.cue,
    q.quote_text,
    d.title,
    coalesce(d.url, d.source) AS link
FROM quotes q
JOIN documents d USING (doc_id)
WHERE q.speaker ILIKE '%' || getvariable('speaker') || '%'
  AND (d.published IS NULL OR d.published >= getvariable('since'))
ORDER BY d.published DESC NULLS LAST, q.char_start;
