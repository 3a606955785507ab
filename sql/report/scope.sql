-- The report's scope: the events, quotes and documents that pass the user's filters, as temp
-- tables the other report queries read. Parameters (NULL = no filter):
--   $since   DATE     events dated (or, undated, published) on or after it; quotes published on or after it
--   $country VARCHAR  ISO alpha-3: events with that country as actor or place, and the quotes of
--                     the articles that report them
--   $speaker VARCHAR  case-insensitive part of a speaker's name (any of the entity's name
--                     variants): their quotes, the events reported in those quotes, and events
--                     naming them as an actor
-- Person identity is the entity (entities.entity_id), the key the `speakers` view groups on.

CREATE OR REPLACE TEMP TABLE report_speaker_entities AS
SELECT entity_id
FROM entities
WHERE $speaker::VARCHAR IS NOT NULL
  AND contains(lower(concat_ws('|', name, array_to_string(name_variants, '|'))),
               lower($speaker::VARCHAR));

CREATE OR REPLACE TEMP TABLE report_speaker_quotes AS
SELECT quote_id
FROM quotes
WHERE $speaker::VARCHAR IS NOT NULL
  AND (speaker_entity_id IN (SELECT entity_id FROM report_speaker_entities)
       OR contains(lower(speaker), lower($speaker::VARCHAR)));

CREATE OR REPLACE TEMP TABLE report_events AS
SELECT e.*,
       coalesce(e.event_date, d.published)      AS day,
       d.title                                  AS doc_title,
       d.published                              AS doc_published,
       d.site                                   AS doc_site,
       coalesce(d.canonical_url, d.url)         AS doc_url
FROM events e
JOIN documents d USING (doc_id)
WHERE ($since::DATE IS NULL OR coalesce(e.event_date, d.published) >= $since::DATE)
  AND ($country::VARCHAR IS NULL
       OR $country::VARCHAR IN (e.actor1_country, e.actor2_country, e.location_country))
  AND ($speaker::VARCHAR IS NULL
       OR e.quote_id IN (SELECT quote_id FROM report_speaker_quotes)
       OR e.actor1_entity_id IN (SELECT entity_id FROM report_speaker_entities)
       OR e.actor2_entity_id IN (SELECT entity_id FROM report_speaker_entities)
       OR contains(lower(concat_ws('|', e.actor1, e.actor1_canonical, e.actor2, e.actor2_canonical)),
                   lower($speaker::VARCHAR)));

CREATE OR REPLACE TEMP TABLE report_quotes AS
SELECT q.*,
       q.speaker_entity_id                      AS person_key,
       d.title                                  AS doc_title,
       d.published                              AS doc_published,
       d.site                                   AS doc_site,
       coalesce(d.canonical_url, d.url)         AS doc_url
FROM quotes q
JOIN documents d USING (doc_id)
WHERE ($since::DATE IS NULL OR d.published >= $since::DATE)
  AND ($speaker::VARCHAR IS NULL OR q.quote_id IN (SELECT quote_id FROM report_speaker_quotes))
  AND ($country::VARCHAR IS NULL OR q.doc_id IN (SELECT doc_id FROM report_events));

CREATE OR REPLACE TEMP TABLE report_documents AS
SELECT doc_id FROM report_events
UNION
SELECT doc_id FROM report_quotes;
