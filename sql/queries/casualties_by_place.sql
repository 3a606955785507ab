-- Events with casualties, by place: the highest reported toll per real-world event,
-- then summed per country and place.
SELECT
    coalesce(e.location_country, '?')  AS country,
    coalesce(e.location, '(unspecified)') AS place,
    count(DISTINCT e.event_id)         AS events,
    count(DISTINCT e.doc_id)           AS documents,
    sum(e.fatalities)                  AS fatalities,
    sum(e.injured)                     AS injured,
    min(e.event_date)                  AS first_date,
    max(e.event_date)                  AS last_date
FROM events e
WHERE (e.fatalities > 0 OR e.injured > 0) AND e.polarity = 'positive'
GROUP BY ALL
ORDER BY fatalities DESC NULLS LAST, injured DESC NULLS LAST;
