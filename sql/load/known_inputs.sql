-- What the database already holds for a batch of inputs, so unchanged ones are skipped before
-- any parsing. Parameter: staged_inputs(source, content_sha256).
SELECT s.source,
       d.source           AS stored_source,
       d.content_sha256   AS stored_sha256,
       d.pipeline_version AS stored_pipeline_version
FROM staged_inputs s
JOIN documents d
  ON d.source = s.source OR d.content_sha256 = s.content_sha256;
