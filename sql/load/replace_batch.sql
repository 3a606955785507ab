-- Load one batch inside the caller's transaction. Staged relations (registered from Arrow by
-- connectors/batchload.py, which has already decided what to write):
--   staged_documents   articles new to the database or re-extracted, with
--   staged_quotes      their quotes and
--   staged_events      their events;
--   staged_sources     which article each input of the batch carries now;
--   staged_failures    the batch's failures.
-- No input replaces another's article: rows are only ever deleted for an article that is
-- re-extracted, or that no source carries any more.

-- Articles an input of this batch carried until now and carries no more.
CREATE OR REPLACE TEMP TABLE left_doc_ids AS
SELECT DISTINCT ds.doc_id
FROM document_sources ds JOIN staged_sources s USING (source)
WHERE ds.doc_id <> s.doc_id;

DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM staged_documents);

DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM staged_documents);

DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM staged_documents);

INSERT INTO documents BY NAME SELECT * FROM staged_documents;

INSERT INTO quotes BY NAME SELECT * FROM staged_quotes;

INSERT INTO events BY NAME SELECT * FROM staged_events;

-- first_seen is when the source started carrying its current article.
INSERT INTO document_sources BY NAME SELECT * FROM staged_sources
ON CONFLICT (source) DO UPDATE SET
    first_seen = CASE WHEN doc_id = excluded.doc_id THEN first_seen ELSE excluded.first_seen END,
    doc_id = excluded.doc_id,
    url = excluded.url,
    raw_sha256 = excluded.raw_sha256,
    last_seen = excluded.last_seen,
    run_id = excluded.run_id;

-- An article no source carries any more goes, with everything derived from it.
CREATE OR REPLACE TEMP TABLE orphan_doc_ids AS
SELECT doc_id FROM left_doc_ids
WHERE doc_id NOT IN (SELECT doc_id FROM document_sources);

DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM orphan_doc_ids);

DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM orphan_doc_ids);

DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM orphan_doc_ids);

-- An article still carried by other sources names the oldest of them once its own moved on.
UPDATE documents AS d
SET source = pick.source, url = coalesce(pick.url, d.url)
FROM (
    SELECT doc_id, source, url
    FROM document_sources
    WHERE doc_id IN (SELECT doc_id FROM left_doc_ids)
    QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY first_seen, source) = 1
) AS pick
WHERE d.doc_id = pick.doc_id
  AND NOT EXISTS (
      SELECT 1 FROM document_sources s WHERE s.doc_id = d.doc_id AND s.source = d.source
  );

INSERT INTO failures BY NAME SELECT * FROM staged_failures;

DROP TABLE left_doc_ids;

DROP TABLE orphan_doc_ids;
