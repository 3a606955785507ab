-- The run's top events for its Prefect artifact: events of the documents this run (re)loaded,
-- grouped like `event_clusters` (type, actors, date, place), by how many articles report them.
SELECT e.event_type,
       coalesce(e.actor1_canonical, nullif(concat_ws(' ', e.actor1_country, e.actor1_sector), '')) AS actor,
       coalesce(e.actor2_canonical, nullif(concat_ws(' ', e.actor2_country, e.actor2_sector), '')) AS target,
       e.event_date,
       coalesce(e.location, e.location_country)                                        AS place,
       max(e.fatalities)                                                                AS fatalities,
       count(DISTINCT e.doc_id)                                                         AS documents,
       count(*)                                                                         AS mentions
FROM events e
JOIN documents d USING (doc_id)
WHERE d.run_id = $run_id AND e.polarity = 'positive'
GROUP BY ALL
ORDER BY documents DESC, fatalities DESC NULLS LAST, mentions DESC, e.event_type
LIMIT 10;
