-- The run's most quoted speakers for its Prefect artifact, over the documents this run (re)loaded,
-- one row per speaker entity.
SELECT any_value(e.name)                                            AS speaker,
       any_value(e.entity_type)                                     AS speaker_type,
       list_sort(list_distinct(list(q.speaker_role) FILTER (WHERE q.speaker_role IS NOT NULL)))
                                                                    AS roles,
       count(*)                                                     AS quotes,
       count(DISTINCT q.doc_id)                                     AS documents
FROM quotes q
JOIN documents d USING (doc_id)
JOIN entities e ON e.entity_id = q.speaker_entity_id
WHERE d.run_id = $run_id
GROUP BY q.speaker_entity_id
ORDER BY quotes DESC, speaker
LIMIT 10;
