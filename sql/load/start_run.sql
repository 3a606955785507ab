INSERT INTO runs (run_id, started_at, sources, status, newsdb_version)
VALUES ($run_id, $started_at, $sources, 'running', $newsdb_version)
ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, status = 'running';
