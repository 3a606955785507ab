-- The most active actor pairs in scope: an actor is its canonical name, else its country and
-- sector (as in the `event_clusters` view). Positive (not negated) events only.
SELECT coalesce(actor1_canonical, nullif(concat_ws(' ', actor1_country, actor1_sector), '')) AS actor,
       actor1_country,
       coalesce(actor2_canonical, nullif(concat_ws(' ', actor2_country, actor2_sector), '')) AS target,
       actor2_country,
       count(*)                                                                   AS events,
       count(DISTINCT doc_id)                                                     AS documents,
       list_sort(list_distinct(list(event_type)))                                 AS event_types,
       min(day)                                                                   AS first_seen,
       max(day)                                                                   AS last_seen
FROM report_events
WHERE polarity = 'positive'
  AND coalesce(actor1_canonical, actor1_country) IS NOT NULL
  AND coalesce(actor2_canonical, actor2_country) IS NOT NULL
GROUP BY ALL
ORDER BY events DESC, documents DESC, actor, target
LIMIT 25;
