-- Who is quoted most, across documents, with the roles the articles give them.
SELECT speaker, speaker_type, roles, n_quotes, n_documents
FROM speakers
ORDER BY n_quotes DESC, speaker
LIMIT 50;
