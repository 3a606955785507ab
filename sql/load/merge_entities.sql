-- After a batch is written (same transaction): the touched entities (entities_touched.sql)
-- rebuilt from what is stored now. What an entity is (key, scope, dictionary entry) is a
-- function of its key, so it comes from the staged row or the stored one alike; what the
-- articles say of it (names, roles, country, counts) is aggregated over every quote and event
-- that points to it. An entity nothing points to any more is removed, so a changed or deleted
-- article neither orphans nor duplicates one.

-- Every row pointing to a touched entity: one per quote, one per event and actor side. An
-- event's canonical name counts as a name of the entity only when the actor's words hold it
-- ("Foreign Minister Sergey Lavrov" -> "Sergey Lavrov") and it reads as a name (no lower-case
-- word of four letters or more): a pronoun or a description that coreference resolved to the
-- entity ("the party's presumptive nominee") carries the coder's reading of that phrase.
CREATE OR REPLACE TEMP TABLE entity_rows AS
SELECT speaker_entity_id AS entity_id, doc_id, quote_id AS row_id, 'quote' AS kind,
       speaker AS name, speaker_type AS entity_type, speaker_role AS role,
       speaker_affiliation AS affiliation, NULL::VARCHAR AS country
FROM quotes
WHERE speaker_entity_id IN (SELECT entity_id FROM touched_entity_ids)
UNION ALL
SELECT actor1_entity_id, doc_id, event_id, 'event',
       CASE WHEN contains(lower(actor1), lower(actor1_canonical))
             AND NOT regexp_matches(actor1_canonical, '(^|[\s-])\p{Ll}{4,}')
            THEN actor1_canonical END,
       NULL, NULL, NULL, actor1_country
FROM events
WHERE actor1_entity_id IN (SELECT entity_id FROM touched_entity_ids)
UNION ALL
SELECT actor2_entity_id, doc_id, event_id, 'event',
       CASE WHEN contains(lower(actor2), lower(actor2_canonical))
             AND NOT regexp_matches(actor2_canonical, '(^|[\s-])\p{Ll}{4,}')
            THEN actor2_canonical END,
       NULL, NULL, NULL, actor2_country
FROM events
WHERE actor2_entity_id IN (SELECT entity_id FROM touched_entity_ids);

-- What each touched entity is: the stored row, else the batch's (the first article's, by doc_id).
CREATE OR REPLACE TEMP TABLE entity_identity AS
SELECT entity_id, entity_key, scope, doc_id, name, entity_type, dictionary_entry, dictionary_code
FROM (
    SELECT entity_id, entity_key, scope, doc_id, name, entity_type, dictionary_entry,
           dictionary_code, 0 AS rank
    FROM entities
    WHERE entity_id IN (SELECT entity_id FROM touched_entity_ids)
    UNION ALL
    SELECT entity_id, entity_key, scope, CASE WHEN scope = 'document' THEN doc_id END, name,
           entity_type, dictionary_entry, dictionary_code, 1 AS rank
    FROM staged_entities
)
QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY rank, doc_id NULLS FIRST, name) = 1;

CREATE OR REPLACE TEMP TABLE entity_spellings AS
SELECT entity_id, name, count(*) AS n
FROM entity_rows
WHERE name IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE entity_facts AS
SELECT
    r.entity_id,
    coalesce(list_sort(list_distinct(list(r.name) FILTER (WHERE r.name IS NOT NULL))), [])
                                                                                     AS name_variants,
    coalesce(list_sort(list_distinct(list(r.role) FILTER (WHERE r.role IS NOT NULL))), [])
                                                                                     AS roles,
    coalesce(list_sort(list_distinct(list(r.affiliation) FILTER (WHERE r.affiliation IS NOT NULL))), [])
                                                                                     AS affiliations,
    count(DISTINCT r.row_id) FILTER (WHERE r.kind = 'quote')                         AS n_quotes,
    count(DISTINCT r.row_id) FILTER (WHERE r.kind = 'event')                         AS n_events,
    count(DISTINCT r.doc_id)                                                         AS n_documents
FROM entity_rows r
GROUP BY r.entity_id;

-- Most frequent first, ties broken alphabetically: the same stored rows give the same answer.
CREATE OR REPLACE TEMP TABLE entity_choices AS
SELECT f.entity_id,
       (SELECT first(s.name ORDER BY s.n DESC, s.name)
        FROM entity_spellings s WHERE s.entity_id = f.entity_id)                     AS name,
       (SELECT first(t.entity_type ORDER BY t.n DESC, t.entity_type)
        FROM (SELECT entity_type, count(*) AS n FROM entity_rows r
              WHERE r.entity_id = f.entity_id AND r.entity_type IS NOT NULL
              GROUP BY entity_type) t)                                               AS entity_type,
       (SELECT first(c.country ORDER BY c.n DESC, c.country)
        FROM (SELECT country, count(*) AS n FROM entity_rows r
              WHERE r.entity_id = f.entity_id AND r.country IS NOT NULL
              GROUP BY country) c)                                                   AS country
FROM entity_facts f;

DELETE FROM entities WHERE entity_id IN (SELECT entity_id FROM touched_entity_ids);

INSERT INTO entities BY NAME
SELECT i.entity_id, i.entity_key, i.scope, i.doc_id,
       coalesce(c.name, i.name)                   AS name,
       coalesce(c.entity_type, i.entity_type)     AS entity_type,
       i.dictionary_entry, i.dictionary_code,
       f.name_variants, f.roles, f.affiliations,
       c.country,
       f.n_quotes, f.n_events, f.n_documents
FROM entity_identity i
JOIN entity_facts f USING (entity_id)
JOIN entity_choices c USING (entity_id);

DROP TABLE entity_rows;

DROP TABLE entity_identity;

DROP TABLE entity_spellings;

DROP TABLE entity_facts;

DROP TABLE entity_choices;

DROP TABLE touched_entity_ids;
