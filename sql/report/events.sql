-- Every event in the report's scope with the article it came from, newest first.
SELECT event_id, doc_id, day, event_type, quad_class, event_mode, event_context,
       trigger_text, trigger_start, trigger_end, sentence_text,
       actor1, actor1_canonical, actor1_country, actor1_sector, actor1_entity_id,
       actor2, actor2_canonical, actor2_country, actor2_sector, actor2_entity_id,
       location, location_country, latitude, longitude, location_precision, location_source_text,
       event_date, date_text, date_precision, fatalities, injured,
       polarity, modality, quote_id,
       doc_title, doc_published, doc_site, doc_url
FROM report_events
ORDER BY day DESC NULLS LAST, doc_id, trigger_start;
