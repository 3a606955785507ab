-- After a batch is written (same transaction): the entities its changed articles point to,
-- brought up to date from what those articles held before the write (entities_touched.sql)
-- and hold now. What an entity is (key, scope, dictionary entry) is a function of its key, so
-- it comes from the stored row or the staged one alike; what the articles say of it (names,
-- roles, country, counts) is kept as tallies (entity_tallies) and counts that the difference
-- moves, so a load reads only the rows of its own articles, however often an entity was seen
-- before. An entity nothing points to any more is removed, so a changed or deleted article
-- neither orphans nor duplicates one.

-- The difference: each row an article holds now, minus each row it held before.
CREATE OR REPLACE TEMP TABLE entity_delta AS
SELECT *, 1 AS sign FROM changed_entity_rows
UNION ALL
SELECT *, -1 AS sign FROM entity_rows_before;

CREATE OR REPLACE TEMP TABLE touched_entity_ids AS
SELECT DISTINCT entity_id FROM entity_delta;

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

-- Counts: an article's rows come and go together, so the articles (and events) an entity is
-- in move by those counted now minus those counted before.
CREATE OR REPLACE TEMP TABLE entity_counts AS
SELECT d.entity_id,
       coalesce(any_value(e.n_quotes), 0)
           + coalesce(sum(d.sign) FILTER (WHERE d.kind = 'quote'), 0)                AS n_quotes,
       coalesce(any_value(e.n_events), 0)
           + count(DISTINCT d.row_id) FILTER (WHERE d.kind = 'event' AND d.sign = 1)
           - count(DISTINCT d.row_id) FILTER (WHERE d.kind = 'event' AND d.sign = -1) AS n_events,
       coalesce(any_value(e.n_documents), 0)
           + count(DISTINCT d.doc_id) FILTER (WHERE d.sign = 1)
           - count(DISTINCT d.doc_id) FILTER (WHERE d.sign = -1)                     AS n_documents
FROM entity_delta d
LEFT JOIN entities e USING (entity_id)
GROUP BY d.entity_id;

-- How many rows give each touched entity each name, type, role, affiliation and country:
-- the stored tallies plus the difference; a value no row gives any more goes.
CREATE OR REPLACE TEMP TABLE entity_tallies_now AS
SELECT entity_id, facet, value, sum(n)::INTEGER AS n
FROM (
    SELECT entity_id, facet, value, n FROM entity_tallies
    WHERE entity_id IN (SELECT entity_id FROM touched_entity_ids)
    UNION ALL  -- one row per facet a delta row gives (UNPIVOT leaves NULLs out)
    SELECT entity_id, facet, value, sign
    FROM (UNPIVOT entity_delta ON name, entity_type, role, affiliation, country
          INTO NAME facet VALUE value)
)
GROUP BY entity_id, facet, value
HAVING sum(n) > 0;

-- Most frequent first, ties broken alphabetically: the same stored rows give the same answer.
CREATE OR REPLACE TEMP TABLE entity_choices AS
SELECT entity_id,
       first(value ORDER BY n DESC, value) FILTER (WHERE facet = 'name')        AS name,
       first(value ORDER BY n DESC, value) FILTER (WHERE facet = 'entity_type') AS entity_type,
       first(value ORDER BY n DESC, value) FILTER (WHERE facet = 'country')     AS country,
       list_sort(list(value) FILTER (WHERE facet = 'name'))                     AS name_variants,
       list_sort(list(value) FILTER (WHERE facet = 'role'))                     AS roles,
       list_sort(list(value) FILTER (WHERE facet = 'affiliation'))              AS affiliations
FROM entity_tallies_now
GROUP BY entity_id;

DELETE FROM entity_tallies WHERE entity_id IN (SELECT entity_id FROM touched_entity_ids);

INSERT INTO entity_tallies BY NAME SELECT * FROM entity_tallies_now;

DELETE FROM entities WHERE entity_id IN (SELECT entity_id FROM touched_entity_ids);

INSERT INTO entities BY NAME
SELECT i.entity_id, i.entity_key, i.scope, i.doc_id,
       coalesce(c.name, i.name)                   AS name,
       coalesce(c.entity_type, i.entity_type)     AS entity_type,
       i.dictionary_entry, i.dictionary_code,
       coalesce(c.name_variants, [])              AS name_variants,
       coalesce(c.roles, [])                      AS roles,
       coalesce(c.affiliations, [])               AS affiliations,
       c.country,
       n.n_quotes, n.n_events, n.n_documents
FROM entity_identity i
JOIN entity_counts n USING (entity_id)
LEFT JOIN entity_choices c USING (entity_id)
WHERE n.n_quotes + n.n_events > 0;

DROP TABLE entity_delta;

DROP TABLE entity_identity;

DROP TABLE entity_counts;

DROP TABLE entity_tallies_now;

DROP TABLE entity_choices;

DROP TABLE touched_entity_ids;

DROP VIEW changed_entity_rows;

DROP TABLE entity_rows_before;

DROP TABLE changed_doc_ids;
