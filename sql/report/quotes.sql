-- Every quote in the report's scope with its speaker's key and its article, newest first.
SELECT quote_id, doc_id, person_key, speaker, speaker_type, speaker_role, speaker_affiliation,
       quote_text, quote_type, cue, char_start, char_end,
       doc_title, doc_published, doc_site, doc_url
FROM report_quotes
ORDER BY doc_published DESC NULLS LAST, doc_id, char_start;
