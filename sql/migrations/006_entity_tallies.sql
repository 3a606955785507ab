-- 006: entity_tallies, the counts each load moves to keep entities up to date from its own
-- articles' rows alone (the load had re-read every row of each entity it touched, which grew
-- with the database). Filled here from the rows already stored, with the rules
-- sql/load/entities_touched.sql applies. Comments come from sql/schema.sql, which runs after
-- every migration.
CREATE TABLE IF NOT EXISTS entity_tallies (
    entity_id   VARCHAR NOT NULL,
    facet       VARCHAR NOT NULL,
    value       VARCHAR NOT NULL,
    n           INTEGER NOT NULL
);
INSERT INTO entity_tallies
WITH entity_rows AS (
    SELECT speaker_entity_id AS entity_id, speaker AS name, speaker_type AS entity_type,
           speaker_role AS role, speaker_affiliation AS affiliation, NULL::VARCHAR AS country
    FROM quotes
    WHERE speaker_entity_id IS NOT NULL
    UNION ALL
    SELECT actor1_entity_id,
           CASE WHEN contains(lower(actor1), lower(actor1_canonical))
                 AND NOT regexp_matches(actor1_canonical, '(^|[\s-])\p{Ll}{4,}')
                THEN actor1_canonical END,
           NULL, NULL, NULL, actor1_country
    FROM events
    WHERE actor1_entity_id IS NOT NULL
    UNION ALL
    SELECT actor2_entity_id,
           CASE WHEN contains(lower(actor2), lower(actor2_canonical))
                 AND NOT regexp_matches(actor2_canonical, '(^|[\s-])\p{Ll}{4,}')
                THEN actor2_canonical END,
           NULL, NULL, NULL, actor2_country
    FROM events
    WHERE actor2_entity_id IS NOT NULL
)
SELECT entity_id, facet, value, count(*)::INTEGER AS n
FROM (UNPIVOT entity_rows ON name, entity_type, role, affiliation, country
      INTO NAME facet VALUE value)  -- NULLs left out
GROUP BY ALL;
