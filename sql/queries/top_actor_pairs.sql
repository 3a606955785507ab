-- The most active actor pairs (by country and sector), with what they did to each other.
SELECT
    concat_ws(' ', actor1_country, actor1_sector) AS actor,
    concat_ws(' ', actor2_country, actor2_sector) AS target,
    count(*)                                      AS events,
    count(DISTINCT doc_id)                        AS documents,
    histogram(event_type)                         AS by_type,
    min(event_date)                               AS first_seen,
    max(event_date)                               AS last_seen
FROM events
WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL
  AND polarity = 'positive'
GROUP BY ALL
ORDER BY events DESC
LIMIT 25;
