-- Everything one person or organisation said and did, across articles and spellings (set the
-- name below): their quotes and the events they are an actor in, newest first. The name is
-- matched against every variant of an entity's name, so "Lavrov" finds "Sergei Lavrov" in the
-- quotes and "Sergey Lavrov" in the events; entities of one article only (a description such
-- as "analysts") are left out.
SET VARIABLE entity = 'Lavrov';
WITH target AS (
    SELECT entity_id, name
    FROM entities
    WHERE scope = 'global'
      AND contains(lower(concat_ws('|', name, array_to_string(name_variants, '|'))),
                   lower(getvariable('entity')))
),
said AS (
    SELECT t.name AS entity, 'said' AS what, q.doc_id, q.speaker_role AS detail,
           q.quote_text AS text, NULL::VARCHAR AS other_party, NULL::DATE AS event_date,
           q.char_start AS at
    FROM quotes q JOIN target t ON t.entity_id = q.speaker_entity_id
),
did AS (
    SELECT t.name, 'did: ' || e.event_type, e.doc_id, e.trigger_text, e.sentence_text,
           coalesce(e.actor2_canonical, e.actor2), e.event_date, e.trigger_start
    FROM events e JOIN target t ON t.entity_id = e.actor1_entity_id
),
done_to AS (
    SELECT t.name, 'target of: ' || e.event_type, e.doc_id, e.trigger_text, e.sentence_text,
           coalesce(e.actor1_canonical, e.actor1), e.event_date, e.trigger_start
    FROM events e JOIN target t ON t.entity_id = e.actor2_entity_id
)
SELECT coalesce(a.event_date, d.published) AS day, a.entity, a.what, a.detail, a.other_party,
       a.text, d.title, coalesce(d.url, d.source) AS link
FROM (SELECT * FROM said UNION ALL SELECT * FROM did UNION ALL SELECT * FROM done_to) AS a
JOIN documents d USING (doc_id)
ORDER BY day DESC NULLS LAST, d.doc_id, a.at;
