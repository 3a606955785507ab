-- One row per speaker in scope, keyed by entity: name, type, scope, roles and affiliations come
-- from the `speakers` view (so a person is the same row everywhere); the counts are those of the
-- report's scope. A generic speaker ("analysts") is one row per article (scope 'document').
SELECT s.entity_id                  AS person_key,
       s.speaker                    AS name,
       s.speaker_type,
       s.scope,
       s.dictionary_code,
       s.roles,
       s.affiliations,
       count(*)                     AS n_quotes,
       count(DISTINCT q.doc_id)     AS n_documents
FROM report_quotes q
JOIN speakers s ON s.entity_id = q.person_key
GROUP BY ALL
ORDER BY n_quotes DESC, name, person_key;
