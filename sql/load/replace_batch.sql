-- Replace one batch of documents and everything derived from them, inside the caller's transaction.
-- Staged relations (registered from Arrow by connectors/duckstore.py): staged_documents,
-- staged_quotes, staged_events, staged_failures.
-- A document is replaced when its doc_id or its source is already there: an edited local file
-- without a canonical URL gets a new content-based doc_id, and its old rows must go with it.

CREATE OR REPLACE TEMP TABLE replaced_doc_ids AS
SELECT doc_id FROM staged_documents
UNION
SELECT d.doc_id FROM documents d JOIN staged_documents s ON d.source = s.source;

DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM replaced_doc_ids);

DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM replaced_doc_ids);

DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM replaced_doc_ids);

INSERT INTO documents BY NAME SELECT * FROM staged_documents;

INSERT INTO quotes BY NAME SELECT * FROM staged_quotes;

INSERT INTO events BY NAME SELECT * FROM staged_events;

INSERT INTO failures BY NAME SELECT * FROM staged_failures;

DROP TABLE replaced_doc_ids;
