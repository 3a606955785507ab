-- Timeline of ASSAULT events by the country that carried them out, month by month,
-- counting real-world strikes (event_clusters), not the articles that report them.
SELECT
    date_trunc('month', event_date)            AS month,
    split_part(actor1, ':', 1)                 AS attacker,
    count(*)                                   AS assaults,
    sum(n_documents)                           AS reports,
    sum(max_fatalities)                        AS fatalities_reported,
    list(DISTINCT place) FILTER (WHERE place IS NOT NULL) AS places
FROM event_clusters
WHERE event_type = 'ASSAULT' AND event_date IS NOT NULL
GROUP BY ALL
ORDER BY month, assaults DESC;
