-- Which events belong on a person's page, and why: they are named as an actor (by their
-- mention or by the dictionary's canonical name), or the event is reported in one of their quotes.
WITH people AS (SELECT DISTINCT person_key FROM report_quotes WHERE person_key IS NOT NULL)
SELECT p.person_key, e.event_id, 'actor' AS relation
FROM people p
JOIN report_events e
  ON p.person_key IN (speaker_key(e.actor1), speaker_key(e.actor1_canonical),
                      speaker_key(e.actor2), speaker_key(e.actor2_canonical))
UNION
SELECT q.person_key, e.event_id, 'quoted' AS relation
FROM report_quotes q
JOIN report_events e ON e.quote_id = q.quote_id
WHERE q.person_key IS NOT NULL;
