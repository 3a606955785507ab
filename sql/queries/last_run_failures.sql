-- What went wrong in the most recent run, grouped by stage and kind.
SELECT f.stage, f.error_kind, count(*) AS n, list(f.source ORDER BY f.source)[1:5] AS examples,
       any_value(f.message) AS example_message
FROM failures f
WHERE f.run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
GROUP BY ALL
ORDER BY n DESC;
