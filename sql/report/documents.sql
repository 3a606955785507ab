-- The articles in scope, with their text (article pages anchor quotes and events in it).
SELECT d.doc_id, d.title, d.url, d.canonical_url, d.site, d.published, d.author, d.text
FROM documents d
WHERE d.doc_id IN (SELECT doc_id FROM report_documents)
ORDER BY d.published DESC NULLS LAST, d.doc_id;
