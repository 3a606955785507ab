-- 003: every source of an article, invalid bytes counted, duplicate counts and crash notes,
-- and no credentials in stored URLs. Existing articles keep their doc_ids (newer ones are
-- derived from their text alone); each gets a document_sources row for its source.

-- user:password@ is cut from every stored address (newsdb no longer keeps or sends them).
UPDATE documents
SET source = regexp_replace(source, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@', '\1'),
    url = regexp_replace(url, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@', '\1'),
    canonical_url = regexp_replace(canonical_url, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@', '\1');

UPDATE failures
SET source = regexp_replace(source, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@', '\1'),
    message = regexp_replace(message, '(https?://)[^/?#\s]*@', '\1', 'g');

UPDATE runs
SET sources = list_transform(
    sources, lambda s: regexp_replace(s, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@', '\1')
);

ALTER TABLE documents ADD COLUMN decode_errors INTEGER DEFAULT 0;

CREATE TABLE IF NOT EXISTS document_sources (
    source      VARCHAR PRIMARY KEY,
    doc_id      VARCHAR NOT NULL,
    url         VARCHAR,
    raw_sha256  VARCHAR NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL
);

INSERT INTO document_sources (source, doc_id, url, raw_sha256, first_seen, last_seen, run_id)
SELECT source, doc_id, url, content_sha256, ingested_at, ingested_at, run_id
FROM documents
QUALIFY row_number() OVER (PARTITION BY source ORDER BY ingested_at DESC, doc_id) = 1;

ALTER TABLE runs ADD COLUMN n_duplicate INTEGER DEFAULT 0;

ALTER TABLE runs ADD COLUMN crash_noticed_at TIMESTAMPTZ;
