-- Which of a batch's articles (ids of cleaned texts) are stored as the current pipeline reads
-- them, so their inputs are linked to them instead of being parsed again. With $run_id set
-- (a run that re-extracts everything), only those this run has written count.
SELECT doc_id
FROM documents
WHERE doc_id IN (SELECT unnest($doc_ids::VARCHAR[]))
  AND pipeline_version = $pipeline_version
  AND ($run_id IS NULL OR run_id = $run_id);
