-- Which events belong on a person's page, and why: the person's entity is one of the event's
-- actors, or the event is reported in one of their quotes. The actor entities are unnested once
-- per event and joined on equality (a join on an IN-list would compare every person with every
-- event).
WITH people AS (
    SELECT DISTINCT person_key FROM report_quotes WHERE person_key IS NOT NULL
),
actor_keys AS (
    SELECT DISTINCT event_id, unnest([actor1_entity_id, actor2_entity_id]) AS key
    FROM report_events
)
SELECT p.person_key, a.event_id, 'actor' AS relation
FROM people p
JOIN actor_keys a ON a.key = p.person_key
UNION
SELECT q.person_key, e.event_id, 'quoted' AS relation
FROM report_quotes q
JOIN report_events e ON e.quote_id = q.quote_id
WHERE q.person_key IS NOT NULL;
