-- What a batch's load is about to change, read inside its transaction: for each staged source
-- the article it carried until now (prev_doc_id), and for each article named by the batch the
-- pipeline that extracted its stored rows (NULL when it is not stored).
-- Parameter: staged_sources(source, doc_id).
SELECT s.source, ds.doc_id AS prev_doc_id, s.doc_id, d.pipeline_version
FROM staged_sources s
LEFT JOIN document_sources ds ON ds.source = s.source
LEFT JOIN documents d ON d.doc_id = s.doc_id;
