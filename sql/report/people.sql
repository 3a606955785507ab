-- One row per speaker in scope: name, type, roles and affiliations come from the `speakers`
-- view (so a person is the same row everywhere); the counts are those of the report's scope.
SELECT s.speaker_key                AS person_key,
       s.speaker                    AS name,
       s.speaker_type,
       s.roles,
       s.affiliations,
       count(*)                     AS n_quotes,
       count(DISTINCT q.doc_id)     AS n_documents
FROM report_quotes q
JOIN speakers s ON s.speaker_key = q.person_key
GROUP BY ALL
ORDER BY n_quotes DESC, name;
