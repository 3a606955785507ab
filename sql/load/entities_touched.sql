-- Before a batch is written: every entity whose rows the batch may change, so that
-- merge_entities.sql can bring exactly those up to date afterwards. Staged relations as in
-- replace_batch.sql, plus
--   staged_entities    the entities the batch's quotes and events point to.
-- The articles the batch rewrites, and those its inputs stop carrying (which replace_batch.sql
-- deletes when no other input carries them), lose their rows: their entities are touched too.
CREATE OR REPLACE TEMP TABLE touched_entity_ids AS
WITH changed_docs AS (
    SELECT doc_id FROM staged_documents
    UNION
    SELECT ds.doc_id
    FROM document_sources ds JOIN staged_sources s USING (source)
    WHERE ds.doc_id <> s.doc_id
)
SELECT speaker_entity_id AS entity_id FROM quotes
WHERE doc_id IN (SELECT doc_id FROM changed_docs) AND speaker_entity_id IS NOT NULL
UNION
SELECT actor1_entity_id FROM events
WHERE doc_id IN (SELECT doc_id FROM changed_docs) AND actor1_entity_id IS NOT NULL
UNION
SELECT actor2_entity_id FROM events
WHERE doc_id IN (SELECT doc_id FROM changed_docs) AND actor2_entity_id IS NOT NULL
UNION
SELECT entity_id FROM staged_entities;
