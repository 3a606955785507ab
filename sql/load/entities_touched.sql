-- Before a batch is written: the rows pointing to an entity in the articles the batch may
-- change, so that merge_entities.sql can bring the entities up to date from the difference
-- alone, never re-reading an entity's whole history (a much-quoted person is in most batches).
-- Staged relations as in replace_batch.sql, plus
--   staged_entities    the entities the batch's quotes and events point to.
-- The articles the batch may change: those it rewrites, and those its inputs stop carrying
-- (which replace_batch.sql deletes when no other input carries them). Each article's rows are
-- written and deleted together, so these articles' rows before and after the write differ by
-- exactly what the batch did to every entity.
CREATE OR REPLACE TEMP TABLE changed_doc_ids AS
SELECT doc_id FROM staged_documents
UNION
SELECT ds.doc_id
FROM document_sources ds JOIN staged_sources s USING (source)
WHERE ds.doc_id <> s.doc_id;

-- Every row of those articles pointing to an entity: one per quote, one per event and actor
-- side (a view: read before the write and again after it). An event's canonical name counts
-- as a name of the entity only when the actor's words hold it ("Foreign Minister Sergey
-- Lavrov" -> "Sergey Lavrov") and it reads as a name (no lower-case word of four letters or
-- more): a pronoun or a description that coreference resolved to the entity ("the party's
-- presumptive nominee") carries the coder's reading of that phrase.
CREATE OR REPLACE TEMP VIEW changed_entity_rows AS
SELECT speaker_entity_id AS entity_id, doc_id, quote_id AS row_id, 'quote' AS kind,
       speaker AS name, speaker_type AS entity_type, speaker_role AS role,
       speaker_affiliation AS affiliation, NULL::VARCHAR AS country
FROM quotes
WHERE doc_id IN (SELECT doc_id FROM changed_doc_ids) AND speaker_entity_id IS NOT NULL
UNION ALL
SELECT actor1_entity_id, doc_id, event_id, 'event',
       CASE WHEN contains(lower(actor1), lower(actor1_canonical))
             AND NOT regexp_matches(actor1_canonical, '(^|[\s-])\p{Ll}{4,}')
            THEN actor1_canonical END,
       NULL, NULL, NULL, actor1_country
FROM events
WHERE doc_id IN (SELECT doc_id FROM changed_doc_ids) AND actor1_entity_id IS NOT NULL
UNION ALL
SELECT actor2_entity_id, doc_id, event_id, 'event',
       CASE WHEN contains(lower(actor2), lower(actor2_canonical))
             AND NOT regexp_matches(actor2_canonical, '(^|[\s-])\p{Ll}{4,}')
            THEN actor2_canonical END,
       NULL, NULL, NULL, actor2_country
FROM events
WHERE doc_id IN (SELECT doc_id FROM changed_doc_ids) AND actor2_entity_id IS NOT NULL;

CREATE OR REPLACE TEMP TABLE entity_rows_before AS
SELECT * FROM changed_entity_rows;
