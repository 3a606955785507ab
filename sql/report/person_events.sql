-- Which events belong on a person's page, and why: they are named as an actor (by their
-- mention or by the dictionary's canonical name), or the event is reported in one of their quotes.
-- The actor names are keyed once per event and joined on equality (a join on an IN-list of
-- four expressions would compare every person with every event).
WITH people AS (
    SELECT DISTINCT person_key FROM report_quotes WHERE person_key IS NOT NULL
),
actor_keys AS (
    SELECT DISTINCT event_id, unnest([speaker_key(actor1), speaker_key(actor1_canonical),
                                      speaker_key(actor2), speaker_key(actor2_canonical)]) AS key
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
