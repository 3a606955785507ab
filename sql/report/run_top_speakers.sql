-- The run's most quoted speakers for its Prefect artifact, over the documents this run (re)loaded.
SELECT mode(q.speaker)                                              AS speaker,
       mode(q.speaker_type)                                         AS speaker_type,
       list_sort(list_distinct(list(q.speaker_role) FILTER (WHERE q.speaker_role IS NOT NULL)))
                                                                    AS roles,
       count(*)                                                     AS quotes,
       count(DISTINCT q.doc_id)                                     AS documents
FROM quotes q
JOIN documents d USING (doc_id)
WHERE d.run_id = $run_id AND q.speaker IS NOT NULL
GROUP BY speaker_key(q.speaker)
ORDER BY quotes DESC, speaker
LIMIT 10;
