-- What the database already holds for a batch of inputs, so unchanged ones are skipped before
-- any parsing: the input's own source row, and any other source that served the same bytes.
-- Parameter: staged_inputs(source, content_sha256).
SELECT s.source,
       ds.source          AS stored_source,
       ds.doc_id          AS doc_id,
       ds.raw_sha256      AS stored_sha256,
       d.pipeline_version AS stored_pipeline_version
FROM staged_inputs s
JOIN document_sources ds ON ds.source = s.source
JOIN documents d ON d.doc_id = ds.doc_id
UNION ALL
SELECT s.source, ds.source, ds.doc_id, ds.raw_sha256, d.pipeline_version
FROM staged_inputs s
JOIN document_sources ds ON ds.raw_sha256 = s.content_sha256 AND ds.source <> s.source
JOIN documents d ON d.doc_id = ds.doc_id;
