-- Who warned, informed or consulted whom before which strikes: a CONSULT or THREATEN event and
-- an ASSAULT event by the same actor country, reported in the same article, the warning dated
-- on or before the strike.
SELECT
    w.actor1                         AS warned_by,
    w.actor1_country                 AS warned_by_country,
    w.actor2                         AS warned,
    w.actor2_country                 AS warned_country,
    w.trigger_text                   AS how,
    s.trigger_text                   AS strike,
    s.location                       AS strike_place,
    s.event_date                     AS strike_date,
    d.title,
    w.sentence_text                  AS evidence
FROM events w
JOIN events s
  ON s.doc_id = w.doc_id
 AND s.event_type = 'ASSAULT'
 AND s.actor1_country = w.actor1_country
 AND (w.event_date IS NULL OR s.event_date IS NULL OR w.event_date <= s.event_date)
JOIN documents d ON d.doc_id = w.doc_id
WHERE w.event_type IN ('CONSULT', 'THREATEN')
  AND w.actor2_country IS NOT NULL
  AND w.polarity = 'positive'
ORDER BY strike_date DESC NULLS LAST, warned_by;
